/* Unit tests for core/mailer's pure parts: the RFC 5322 message (headers, encoded words for
 * non-ASCII subjects and names, quoted-printable bodies with short lines), refusal of addresses
 * that could break a header, the back-off, and the default sender. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mailer.h"

static struct mailer_message sample(void)
{
	struct mailer_message m = {
		.to_addr = "dewi@dinkes.test",
		.to_name = "Dewi Lestari",
		.subject = "[Siaran] Terbit: Cek Kesehatan Gratis",
		.body_text = "Yth. Dewi,\n\nBaris kedua = sama.\n",
		.body_html = "<p>Halo</p>\n",
		.message_id = "<outbox-7.abc@siaran.test>",
		.created_at = 1795849200, /* 2026-11-28 07:00:00 UTC */
	};
	return m;
}

/* Every line of s ends in CRLF and has at most max characters before it. */
static void expect_lines(const char *s, size_t max)
{
	const char *p = s;
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		cr_assert(eol, "unterminated line: %s", p);
		cr_expect_leq((size_t)(eol - p), max, "line too long: %.*s", (int)(eol - p), p);
		cr_expect(!memchr(p, '\n', (size_t)(eol - p)), "bare LF in %.*s", (int)(eol - p), p);
		p = eol + 2;
	}
}

Test(mailer, headers_and_parts)
{
	struct mailer_message m = sample();
	char *msg = mailer_format(&m, "humas@siaran.test");
	cr_assert(msg);
	cr_expect(strstr(msg, "Date: Sat, 28 Nov 2026 14:00:00 +0700\r\n"), "%s", msg);
	cr_expect(strstr(msg, "From: \"Siaran Pers Pemprov DKI Jakarta\" <humas@siaran.test>\r\n"));
	cr_expect(strstr(msg, "To: \"Dewi Lestari\" <dewi@dinkes.test>\r\n"));
	cr_expect(strstr(msg, "Subject: [Siaran] Terbit: Cek Kesehatan Gratis\r\n"));
	cr_expect(strstr(msg, "Message-ID: <outbox-7.abc@siaran.test>\r\n"));
	cr_expect(strstr(msg, "Content-Type: multipart/alternative;"));
	cr_expect(strstr(msg, "Content-Type: text/plain; charset=UTF-8\r\n"));
	cr_expect(strstr(msg, "Content-Type: text/html; charset=UTF-8\r\n"));
	cr_expect(strstr(msg, "Baris kedua =3D sama.\r\n"), "'=' encoded: %s", msg);
	cr_expect(strstr(msg, "Yth. Dewi,\r\n\r\nBaris"), "blank line kept");
	expect_lines(msg, 998);
	free(msg);
}

Test(mailer, encoded_words_for_non_ascii)
{
	struct mailer_message m = sample();
	m.subject = "[Siaran] Perlu perbaikan: Layanan “Sehat Bersama” untuk Warga Lansia di "
		    "Puskesmas Kecamatan Cakung dan Pulogadung — tahap kedua";
	m.to_name = "Sútiyoso \"Bang\" Yos";
	char *msg = mailer_format(&m, "humas@siaran.test");
	cr_assert(msg);
	cr_expect(strstr(msg, "Subject: =?UTF-8?B?"), "%s", msg);
	cr_expect(strstr(msg, "?=\r\n =?UTF-8?B?"), "long subjects are folded between words");
	cr_expect(strstr(msg, "To: =?UTF-8?B?"));
	/* No header line passes 78 characters, and no encoded word passes 75. */
	const char *end = strstr(msg, "\r\n\r\n");
	cr_assert(end);
	for (const char *p = msg; p < end;) {
		const char *eol = strstr(p, "\r\n");
		cr_expect_leq((size_t)(eol - p), 78, "%.*s", (int)(eol - p), p);
		p = eol + 2;
	}
	free(msg);
}

Test(mailer, quoted_printable_lines)
{
	struct mailer_message m = sample();
	char text[3000];
	size_t n = 0;
	/* A long line with multi-byte characters, a trailing space and a tab. */
	for (int i = 0; i < 200; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "é%d ", i);
	snprintf(text + n, sizeof text - n, "\nakhir baris \nlagi\t\n.titik di awal\n");
	m.body_text = text;
	char *msg = mailer_format(&m, "humas@siaran.test");
	cr_assert(msg);
	const char *body = strstr(msg, "quoted-printable\r\n\r\n");
	cr_assert(body);
	expect_lines(body, 76);
	cr_expect(strstr(msg, "akhir baris=20\r\n"), "trailing space encoded");
	cr_expect(strstr(msg, "lagi=09\r\n"), "trailing tab encoded");
	cr_expect(strstr(msg, "=C3=A90 "), "UTF-8 bytes encoded");
	free(msg);
}

Test(mailer, refuses_header_breakers)
{
	const char *bad_addrs[] = { "a@b.test\r\nBcc: x@y.test", "a b@c.test", "<a@b.test>", "ab",
				    "a@b.test,c@d.test", "dewi@dinkes.test\n" };
	for (size_t i = 0; i < sizeof bad_addrs / sizeof bad_addrs[0]; i++) {
		struct mailer_message m = sample();
		m.to_addr = bad_addrs[i];
		char *msg = mailer_format(&m, "humas@siaran.test");
		cr_expect_null(msg, "accepted %s", bad_addrs[i]);
		free(msg);
	}
	struct mailer_message m = sample();
	m.message_id = "<a@b>\r\nX-Evil: 1";
	cr_expect_null(mailer_format(&m, "humas@siaran.test"));
	m = sample();
	m.subject = "Judul\r\nBcc: x@y.test";
	char *msg = mailer_format(&m, "humas@siaran.test");
	cr_assert(msg);
	cr_expect(!strstr(msg, "\r\nBcc:"), "a line break in the subject cannot add a header");
	free(msg);
}

Test(mailer, backoff)
{
	cr_expect_eq(mailer_backoff(1, 60, 3600), 60);
	cr_expect_eq(mailer_backoff(2, 60, 3600), 120);
	cr_expect_eq(mailer_backoff(3, 60, 3600), 240);
	cr_expect_eq(mailer_backoff(6, 60, 3600), 1920);
	cr_expect_eq(mailer_backoff(7, 60, 3600), 3600);
	cr_expect_eq(mailer_backoff(1000, 60, 3600), 3600);
	cr_expect_eq(mailer_backoff(3, 1, 2), 2);
}

Test(mailer, default_from)
{
	static const struct {
		const char *base, *want;
	} cases[] = {
		{ NULL, "siaran@localhost" },
		{ "https://siaran.jakarta.go.id", "siaran@siaran.jakarta.go.id" },
		{ "https://Siaran.Jakarta.go.id:8443/portal", "siaran@siaran.jakarta.go.id" },
		{ "http://127.0.0.1:8080", "siaran@localhost" },
		{ "http://[::1]:8080", "siaran@localhost" },
		{ "http://localhost:8080", "siaran@localhost" },
		{ "http://user@evil.test", "siaran@localhost" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = mailer_default_from(cases[i].base);
		cr_expect_str_eq(got, cases[i].want, "base %s", cases[i].base ? cases[i].base : "NULL");
		free(got);
	}
}
