/* Unit tests for core/numbering: format checking and expansion of release numbers, including
 * every roman month and the refusal of out-of-range arguments. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/numbering.h"

Test(numbering, default_format)
{
	char *s = numbering_format(NUMBERING_DEFAULT_FORMAT, 12, "press_release", "DINKES", 11,
				   2026);
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "12/SP/DINKES/XI/2026");
	free(s);

	s = numbering_format(NUMBERING_DEFAULT_FORMAT, 1, "media_advisory", "DISHUB", 1, 2027);
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "1/UL/DISHUB/I/2027");
	free(s);
}

Test(numbering, every_roman_month)
{
	static const char *const numbering_romans[] = { "I",   "II",   "III", "IV", "V",  "VI",
							"VII", "VIII", "IX",  "X",  "XI", "XII" };
	for (int m = 1; m <= 12; m++) {
		char want[64];
		snprintf(want, sizeof want, "7/SP/BPBD/%s/2026", numbering_romans[m - 1]);
		char *s = numbering_format(NUMBERING_DEFAULT_FORMAT, 7, "press_release", "BPBD", m,
					   2026);
		cr_assert_not_null(s, "month %d", m);
		cr_expect_str_eq(s, want);
		free(s);
	}
}

Test(numbering, all_placeholders)
{
	static const struct {
		const char *fmt, *want;
	} numbering_fmt_cases[] = {
		{ "{seq}", "345" },
		{ "No. {seq}/{KIND}-{UNIT}/{MONTH}.{YEAR}", "No. 345/SP-DINAS_2/03.2026" },
		{ "{YEAR}{MONTH}{seq}", "202603345" },
		{ "{ROMAN_MONTH}-{seq}-{ROMAN_MONTH}", "III-345-III" },
		{ "{UNIT}}{seq}", "DINAS_2}345" },
	};
	for (size_t i = 0; i < sizeof numbering_fmt_cases / sizeof numbering_fmt_cases[0]; i++) {
		char *s = numbering_format(numbering_fmt_cases[i].fmt, 345, "press_release", "DINAS_2",
					   3, 2026);
		cr_assert_not_null(s, "%s", numbering_fmt_cases[i].fmt);
		cr_expect_str_eq(s, numbering_fmt_cases[i].want);
		free(s);
	}
}

Test(numbering, check_format)
{
	static const struct {
		const char *fmt;
		int want;
	} numbering_check_cases[] = {
		{ NUMBERING_DEFAULT_FORMAT, 0 },
		{ "{seq}", 0 },
		{ "SP-{seq}", 0 },
		{ "{seq}}", 0 },
		{ "", -1 },
		{ "no placeholder", -1 },
		{ "{KIND}/{YEAR}", -1 },
		{ "{seq}/{seq}", -1 },
		{ "{SEQ}", -1 },
		{ "{seq}/{kind}", -1 },
		{ "{seq}/{UNKNOWN}", -1 },
		{ "{seq}/{", -1 },
		{ "{seq}/{YEAR", -1 },
		{ "{{seq}}", -1 },
		{ "{ seq}", -1 },
	};
	for (size_t i = 0; i < sizeof numbering_check_cases / sizeof numbering_check_cases[0]; i++)
		cr_expect_eq(numbering_check_format(numbering_check_cases[i].fmt),
			     numbering_check_cases[i].want, "'%s'", numbering_check_cases[i].fmt);
	cr_expect_eq(numbering_check_format(NULL), -1);
}

Test(numbering, check_format_length_limit)
{
	char fmt[256];
	/* "{seq}" plus padding to exactly 200 bytes passes; one byte more does not. */
	memset(fmt, 'x', sizeof fmt);
	memcpy(fmt, "{seq}", 5);
	fmt[200] = '\0';
	cr_expect_eq(numbering_check_format(fmt), 0);
	fmt[200] = 'x';
	fmt[201] = '\0';
	cr_expect_eq(numbering_check_format(fmt), -1);
	char *s = numbering_format(fmt, 1, "press_release", "X", 1, 2026);
	cr_expect_null(s);
	free(s);
}

Test(numbering, refuses_bad_arguments)
{
	static const struct {
		const char *fmt;
		int seq;
		const char *kind, *unit;
		int month, year;
	} numbering_bad_args[] = {
		{ NUMBERING_DEFAULT_FORMAT, 0, "press_release", "DINKES", 1, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, -3, "press_release", "DINKES", 1, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "pressrelease", "DINKES", 1, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "SP", "DINKES", 1, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "", "DINKES", 1, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, NULL, "DINKES", 1, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "press_release", NULL, 1, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "press_release", "DINKES", 0, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "press_release", "DINKES", 13, 2026 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "press_release", "DINKES", 1, 1969 },
		{ NUMBERING_DEFAULT_FORMAT, 1, "press_release", "DINKES", 1, 10000 },
		{ "{seq}/{seq}", 1, "press_release", "DINKES", 1, 2026 },
		{ "{nope}/{seq}", 1, "press_release", "DINKES", 1, 2026 },
		{ NULL, 1, "press_release", "DINKES", 1, 2026 },
	};
	for (size_t i = 0; i < sizeof numbering_bad_args / sizeof numbering_bad_args[0]; i++) {
		char *s = numbering_format(numbering_bad_args[i].fmt, numbering_bad_args[i].seq,
					   numbering_bad_args[i].kind, numbering_bad_args[i].unit,
					   numbering_bad_args[i].month, numbering_bad_args[i].year);
		cr_expect_null(s, "case %zu gave '%s'", i, s ? s : "");
		free(s);
	}
}

Test(numbering, range_edges_accepted)
{
	char *s = numbering_format("{seq}/{YEAR}", 2147483647, "media_advisory", "U", 12, 9999);
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "2147483647/9999");
	free(s);
	s = numbering_format("{seq}/{MONTH}/{YEAR}", 1, "press_release", "U", 1, 1970);
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "1/01/1970");
	free(s);
}
