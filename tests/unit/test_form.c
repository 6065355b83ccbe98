/* Unit tests for http/form (field store for decoded query strings and bodies) and util/utf8. */
#include <criterion/criterion.h>
#include <string.h>

#include "http/form.h"
#include "util/utf8.h"

Test(form, repeated_names_keep_order_and_empty_values)
{
	struct form f;
	form_init(&f, 100, 1000, 50);
	cr_assert_eq(form_feed(&f, "quote_speaker", 0, "Ani", 3), FORM_OK);
	cr_assert_eq(form_feed(&f, "quote_speaker", 0, "", 0), FORM_OK);
	cr_assert_eq(form_feed(&f, "quote_speaker", 0, "Budi", 4), FORM_OK);
	const char *vals[5];
	size_t n = form_get_all(&f, "quote_speaker", vals, 5);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(vals[0], "Ani");
	cr_expect_str_eq(vals[1], "");
	cr_expect_str_eq(vals[2], "Budi");
	cr_expect_str_eq(form_get(&f, "quote_speaker"), "Ani");
	cr_expect_null(form_get(&f, "missing"));
	form_free(&f);
}

Test(form, chunks_continue_the_last_value)
{
	struct form f;
	form_init(&f, 100, 1000, 50);
	cr_assert_eq(form_feed(&f, "body", 0, "Hello, ", 7), FORM_OK);
	cr_assert_eq(form_feed(&f, "body", 7, "world", 5), FORM_OK);
	cr_assert_eq(form_feed(&f, "title", 0, "T", 1), FORM_OK);
	cr_expect_str_eq(form_get(&f, "body"), "Hello, world");
	cr_expect_eq(f.count, 2);
	form_free(&f);
}

Test(form, streamed_part_announced_empty_then_filled_is_one_value)
{
	/* libmicrohttpd's multipart reader: (name, off 0, 0 bytes) then (name, off 0, bytes). */
	struct form f;
	form_init(&f, 100, 1000, 50);
	f.streamed = 1;
	cr_assert_eq(form_feed(&f, "photo_caption", 0, "", 0), FORM_OK);
	cr_assert_eq(form_feed(&f, "photo_caption", 0, "x", 1), FORM_OK);
	cr_assert_eq(form_feed(&f, "photo_caption", 1, "yz", 2), FORM_OK);
	cr_assert_eq(form_feed(&f, "photo_credit", 0, "", 0), FORM_OK);
	cr_assert_eq(form_feed(&f, "photo_caption", 0, "second", 6), FORM_OK);
	const char *vals[4];
	cr_assert_eq(form_get_all(&f, "photo_caption", vals, 4), 2);
	cr_expect_str_eq(vals[0], "xyz");
	cr_expect_str_eq(vals[1], "second");
	cr_expect_str_eq(form_get(&f, "photo_credit"), "");
	/* A value that received bytes is complete: the same name at offset 0 is a new value. */
	cr_assert_eq(form_feed(&f, "photo_caption", 0, "third", 5), FORM_OK);
	cr_expect_eq(form_get_all(&f, "photo_caption", vals, 4), 3);
	form_free(&f);
}

Test(form, caps_refuse_without_adding)
{
	struct form f;
	form_init(&f, 10, 30, 3);
	cr_expect_eq(form_feed(&f, "a", 0, "0123456789", 10), FORM_OK);
	cr_expect_eq(form_feed(&f, "a", 10, "x", 1), FORM_TOO_LARGE, "per-field cap");
	cr_expect_str_eq(form_get(&f, "a"), "0123456789");
	cr_expect_eq(form_feed(&f, "b", 0, "01234567890", 11), FORM_TOO_LARGE, "new value over cap");
	cr_expect_eq(form_feed(&f, "b", 0, "x", 1), FORM_OK);
	cr_expect_eq(form_feed(&f, "c", 0, "0123456789", 10), FORM_OK);
	cr_expect_eq(form_feed(&f, "d", 0, "", 0), FORM_TOO_LARGE, "count cap");
	form_free(&f);
	form_init(&f, 100, 20, 10);
	cr_expect_eq(form_feed(&f, "name", 0, "0123456789", 10), FORM_OK);
	cr_expect_eq(form_feed(&f, "more", 0, "0123456789", 10), FORM_TOO_LARGE, "total cap");
	form_free(&f);
}

Test(form, validity_checks_every_field)
{
	struct form f;
	form_init(&f, 100, 1000, 50);
	form_feed(&f, "title", 0, "Jalan Sudirman–Thamrin ✓", strlen("Jalan Sudirman–Thamrin ✓"));
	cr_expect(form_valid(&f));
	form_feed(&f, "body", 0, "a\0b", 3);
	cr_expect(!form_valid(&f), "NUL inside a value");
	form_free(&f);
	form_init(&f, 100, 1000, 50);
	form_feed(&f, "x", 0, "\xff", 1);
	cr_expect(!form_valid(&f));
	form_free(&f);
}

Test(utf8, valid_and_invalid_sequences)
{
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{ "", 1 },
		{ "plain ASCII\twith tab\r\n", 1 },
		{ "Jum'at, é, ß, 日本, 😀", 1 },
		{ "\xc0\xaf", 0 },             /* overlong '/' */
		{ "\xe0\x80\xaf", 0 },         /* overlong */
		{ "\xed\xa0\x80", 0 },         /* surrogate */
		{ "\xf4\x90\x80\x80", 0 },     /* above U+10FFFF */
		{ "\xe2\x82", 0 },             /* truncated */
		{ "\x80", 0 },                 /* lone continuation */
		{ "bell\x07", 0 },             /* control */
		{ "del\x7f", 0 },
		{ "\xef\xbf\xbd", 1 },         /* U+FFFD */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(utf8_valid_text(cases[i].s, strlen(cases[i].s)), cases[i].ok, "case %zu", i);
	cr_expect_eq(utf8_length("aé😀"), 3);
}
