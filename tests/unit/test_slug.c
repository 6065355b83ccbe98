/* Unit tests for core/slug: transliteration, word separation, apostrophes, the length cut at a
 * word boundary, invalid UTF-8, and the validity check used on /releases/SLUG paths. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/slug.h"

static void slug_expect(const char *title, const char *want)
{
	char *got = slug_from_title(title);
	cr_expect_str_eq(got, want, "title '%s'", title ? title : "(null)");
	cr_expect(slug_is_valid(got), "made slug '%s' is not valid", got);
	free(got);
}

Test(slug, ascii_titles)
{
	static const struct {
		const char *title, *want;
	} slug_ascii_cases[] = {
		{ "Pemprov DKI Jakarta Resmikan Taman Baru",
		  "pemprov-dki-jakarta-resmikan-taman-baru" },
		{ "  Banjir   di   Jakarta Utara!  ", "banjir-di-jakarta-utara" },
		{ "HUT ke-499 Kota Jakarta", "hut-ke-499-kota-jakarta" },
		{ "---Judul---", "judul" },
		{ "a/b\\c.d_e,f", "a-b-c-d-e-f" },
		{ "Rp 1.500.000", "rp-1-500-000" },
		{ "2026", "2026" },
		{ "Tab\tand\nnewline", "tab-and-newline" },
	};
	for (size_t i = 0; i < sizeof slug_ascii_cases / sizeof slug_ascii_cases[0]; i++)
		slug_expect(slug_ascii_cases[i].title, slug_ascii_cases[i].want);
}

Test(slug, latin1_transliteration)
{
	static const struct {
		const char *title, *want;
	} slug_latin1_cases[] = {
		{ "àáâãäå", "aaaaaa" },
		{ "ÀÁÂÃÄÅ", "aaaaaa" },
		{ "æÆ", "aeae" },
		{ "çÇ", "cc" },
		{ "èéêëÈÉÊË", "eeeeeeee" },
		{ "ìíîïÌÍÎÏ", "iiiiiiii" },
		{ "ñÑ", "nn" },
		{ "òóôõöøÒÓÔÕÖØ", "oooooooooooo" },
		{ "ùúûüÙÚÛÜ", "uuuuuuuu" },
		{ "ýÿÝ", "yyy" },
		{ "ß", "ss" },
		{ "Straße", "strasse" },
		{ "ðÐþÞ", "dd" "thth" },
		{ "Café Crème", "cafe-creme" },
		{ "3×4÷2", "3-4-2" },
	};
	for (size_t i = 0; i < sizeof slug_latin1_cases / sizeof slug_latin1_cases[0]; i++)
		slug_expect(slug_latin1_cases[i].title, slug_latin1_cases[i].want);
}

Test(slug, latin_extended_a_transliteration)
{
	static const struct {
		const char *title, *want;
	} slug_exta_cases[] = {
		{ "đĐ", "dd" },
		{ "łŁ", "ll" },
		{ "œŒ", "oeoe" },
		{ "šŠ", "ss" },
		{ "žŽ", "zz" },
		{ "Łódź", "lodz" },
		{ "Dubrovnik Đurđevac", "dubrovnik-durdevac" },
		{ "Český Krumlov", "cesky-krumlov" },
		{ "İstanbul ığdır", "istanbul-igdir" },
		{ "Ĳssel", "ijssel" },
		{ "ĀāĂăĄą", "aaaaaa" },
		{ "ŸŷŶ", "yyy" },
		{ "ſ", "s" },
		{ "Timișoara Țară", "timisoara-tara" },
	};
	for (size_t i = 0; i < sizeof slug_exta_cases / sizeof slug_exta_cases[0]; i++)
		slug_expect(slug_exta_cases[i].title, slug_exta_cases[i].want);
}

Test(slug, apostrophes_do_not_separate)
{
	slug_expect("Sholat Jum'at Bersama", "sholat-jumat-bersama");
	slug_expect("Sholat Jum\xe2\x80\x99" "at Bersama", "sholat-jumat-bersama");
	slug_expect("'Kota Tua'", "kota-tua");
	slug_expect("Qur'an", "quran");
}

Test(slug, combining_marks_are_dropped)
{
	/* "café" written as "e" + U+0301 COMBINING ACUTE ACCENT. */
	slug_expect("cafe\xcc\x81 baru", "cafe-baru");
}

Test(slug, other_scripts_and_symbols_separate)
{
	slug_expect("Jakarta \xe2\x80\x94 Bandung", "jakarta-bandung");       /* em dash */
	slug_expect("Jakarta\xe6\x97\xa5" "Bandung", "jakarta-bandung");      /* CJK */
	slug_expect("Hari \xf0\x9f\x8e\x89 Raya", "hari-raya");                /* emoji */
	slug_expect("\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 2026", "2026"); /* Cyrillic */
}

Test(slug, invalid_utf8_separates)
{
	static const struct {
		const char *title, *want;
	} slug_bad_utf8_cases[] = {
		{ "abc\xff" "def", "abc-def" },
		{ "abc\xc3" "def", "abc-def" },		/* lead byte without continuation */
		{ "abc\xc0\xa9" "def", "abc-def" },	/* overlong "©" */
		{ "abc\xe0\x80\xaf" "def", "abc-def" }, /* overlong "/" */
		{ "abc\xed\xa0\x80" "def", "abc-def" }, /* surrogate */
		{ "abc\xf4\x90\x80\x80" "def", "abc-def" }, /* above U+10FFFF */
		{ "abc\x80" "def", "abc-def" },		/* stray continuation */
		{ "abc\xc3", "abc" },			/* truncated at the end */
		{ "\xe2\x80", "siaran" },
	};
	for (size_t i = 0; i < sizeof slug_bad_utf8_cases / sizeof slug_bad_utf8_cases[0]; i++)
		slug_expect(slug_bad_utf8_cases[i].title, slug_bad_utf8_cases[i].want);
}

Test(slug, nothing_usable_gives_fallback)
{
	slug_expect("", "siaran");
	slug_expect("!!! ??? ---", "siaran");
	slug_expect("'''", "siaran");
	slug_expect("\xe6\x97\xa5\xe6\x9c\xac", "siaran");
	slug_expect(NULL, "siaran");
}

Test(slug, long_title_cut_at_word_boundary)
{
	/* 16 words of "kata12345" (9 bytes) + hyphens: the last whole word ends at byte 79. */
	char title[512] = "";
	for (int i = 0; i < 16; i++)
		strcat(title, "kata12345 ");
	char *got = slug_from_title(title);
	cr_expect_eq(strlen(got), 79);
	cr_expect(strncmp(got + 70, "kata12345", 9) == 0);
	cr_expect_neq(got[strlen(got) - 1], '-');
	cr_expect(slug_is_valid(got));
	free(got);
}

Test(slug, long_title_word_ending_exactly_at_limit)
{
	/* 7 words of "kata12345" + 7 hyphens = 70 bytes, then "abcdefghij" ends at exactly 80:
	 * that word is whole and must be kept. */
	char title[512] = "";
	for (int i = 0; i < 7; i++)
		strcat(title, "kata12345 ");
	strcat(title, "abcdefghij lagi berikutnya");
	char *got = slug_from_title(title);
	cr_expect_eq(strlen(got), SLUG_MAX);
	cr_expect(strcmp(got + SLUG_MAX - 10, "abcdefghij") == 0, "got '%s'", got);
	free(got);
}

Test(slug, long_single_word_is_cut_hard)
{
	char title[200];
	memset(title, 'a', 150);
	title[150] = '\0';
	char *got = slug_from_title(title);
	cr_expect_eq(strlen(got), SLUG_MAX);
	cr_expect(slug_is_valid(got));
	free(got);
}

Test(slug, transliteration_counts_toward_limit)
{
	/* Each "ß" becomes two bytes: 50 of them make 100, cut to 80. */
	char title[256] = "";
	for (int i = 0; i < 50; i++)
		strcat(title, "\xc3\x9f");
	char *got = slug_from_title(title);
	cr_expect_eq(strlen(got), SLUG_MAX);
	free(got);
}

Test(slug, is_valid)
{
	static const struct {
		const char *s;
		int want;
	} slug_valid_cases[] = {
		{ "pemprov-dki", 1 },
		{ "a", 1 },
		{ "2026", 1 },
		{ "pemprov-dki-2", 1 },
		{ "siaran", 1 },
		{ "", 0 },
		{ "-abc", 0 },
		{ "abc-", 0 },
		{ "ab--c", 0 },
		{ "Abc", 0 },
		{ "ab_c", 0 },
		{ "ab c", 0 },
		{ "ab/c", 0 },
		{ "ab.c", 0 },
		{ "..", 0 },
		{ "caf\xc3\xa9", 0 },
	};
	for (size_t i = 0; i < sizeof slug_valid_cases / sizeof slug_valid_cases[0]; i++)
		cr_expect_eq(slug_is_valid(slug_valid_cases[i].s), slug_valid_cases[i].want, "'%s'",
			     slug_valid_cases[i].s);
	cr_expect_eq(slug_is_valid(NULL), 0);
}

Test(slug, is_valid_length_and_suffix)
{
	char s[160];
	memset(s, 'a', SLUG_MAX);
	s[SLUG_MAX] = '\0';
	cr_expect(slug_is_valid(s), "full-length base");

	strcpy(s + SLUG_MAX, "-2");
	cr_expect(slug_is_valid(s), "full-length base with suffix");

	strcpy(s + SLUG_MAX, "-123456789");
	cr_expect(slug_is_valid(s), "nine-digit suffix");

	strcpy(s + SLUG_MAX, "-1234567890");
	cr_expect_not(slug_is_valid(s), "ten-digit suffix");

	strcpy(s + SLUG_MAX, "-02");
	cr_expect_not(slug_is_valid(s), "suffix with leading zero");

	strcpy(s + SLUG_MAX, "-ab");
	cr_expect_not(slug_is_valid(s), "non-numeric tail past the limit");

	memset(s, 'a', SLUG_MAX + 1);
	s[SLUG_MAX + 1] = '\0';
	cr_expect_not(slug_is_valid(s), "base one byte too long");

	strcpy(s + SLUG_MAX + 1, "-2");
	cr_expect_not(slug_is_valid(s), "too-long base with suffix");
}
