/* Unit tests for util/csv: the byte-order mark, RFC 4180 quoting (commas, quotes, CR, LF),
 * CRLF record ends, integers, and the apostrophe before text a spreadsheet would run as a
 * formula. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/csv.h"

/* One record of the given text fields, without the BOM. */
static char *one_row(const char *const *fields, int n)
{
	static struct buf out;
	buf_free(&out);
	struct csv c;
	csv_begin(&c, &out);
	for (int i = 0; i < n; i++)
		csv_text(&c, fields[i]);
	csv_end_row(&c);
	cr_assert(out.len >= 3 && memcmp(out.data, "\xEF\xBB\xBF", 3) == 0, "BOM first");
	return out.data + 3;
}

Test(csv, bom_and_crlf)
{
	struct buf out = BUF_INIT;
	struct csv c;
	csv_begin(&c, &out);
	csv_text(&c, "a");
	csv_int(&c, 42);
	csv_int(&c, -7);
	csv_end_row(&c);
	csv_text(&c, "b");
	csv_end_row(&c);
	cr_expect_str_eq(buf_str(&out), "\xEF\xBB\xBF" "a,42,-7\r\nb\r\n");
	buf_free(&out);
}

Test(csv, quoting)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "plain", "plain\r\n" },
		{ "", "\r\n" },
		{ "a,b", "\"a,b\"\r\n" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"\r\n" },
		{ "line\nbreak", "\"line\nbreak\"\r\n" },
		{ "cr\rhere", "\"cr\rhere\"\r\n" },
		{ "\"", "\"\"\"\"\r\n" },
		{ "Dinas Komunikasi, Informatika dan Statistik",
		  "\"Dinas Komunikasi, Informatika dan Statistik\"\r\n" },
		{ "Jum’at — kegiatan", "Jum’at — kegiatan\r\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *f[] = { cases[i].in };
		cr_expect_str_eq(one_row(f, 1), cases[i].want, "field '%s'", cases[i].in);
	}
	const char *nul[] = { NULL, "x" };
	cr_expect_str_eq(one_row(nul, 2), ",x\r\n");
}

Test(csv, formula_injection)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "=1+1", "'=1+1\r\n" },
		{ "+62 21 1234", "'+62 21 1234\r\n" },
		{ "-Unit", "'-Unit\r\n" },
		{ "@SUM(A1)", "'@SUM(A1)\r\n" },
		{ "\tx", "'\tx\r\n" },
		{ "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n" },
		{ "\r=1", "\"'\r=1\"\r\n" },
		{ "a=1", "a=1\r\n" },
		{ " =1", " =1\r\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *f[] = { cases[i].in };
		cr_expect_str_eq(one_row(f, 1), cases[i].want, "field '%s'", cases[i].in);
	}
	cr_expect(csv_looks_like_formula("=x"));
	cr_expect(!csv_looks_like_formula("x="));
	cr_expect(!csv_looks_like_formula(""));
	cr_expect(!csv_looks_like_formula(NULL));
}
