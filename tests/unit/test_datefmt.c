/* Unit tests for view/datefmt: WIB conversion, Indonesian formatting and strict parsing of form
 * input. Expected values were computed independently (Python's datetime) or cross-checked
 * against gmtime_r in the test itself. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "view/datefmt.h"

/* 2026-08-20 09:30:00 WIB = 02:30:00 UTC. */
#define DATEFMT_T0 INT64_C(1787193000)
/* 2026-08-19 17:00:00 UTC = 2026-08-20 00:00:00 WIB. */
#define DATEFMT_MIDNIGHT INT64_C(1787158800)

Test(datefmt, wib_fields_of_known_instant)
{
	struct wib_tm tm;
	datefmt_wib(DATEFMT_T0, &tm);
	cr_expect_eq(tm.year, 2026);
	cr_expect_eq(tm.month, 8);
	cr_expect_eq(tm.day, 20);
	cr_expect_eq(tm.hour, 9);
	cr_expect_eq(tm.minute, 30);
	cr_expect_eq(tm.second, 0);
	cr_expect_eq(tm.wday, 4);
}

Test(datefmt, formats_of_known_instant)
{
	static const struct {
		int (*fn)(int64_t, char *, size_t);
		const char *want;
	} datefmt_format_cases[] = {
		{ datefmt_long, "Kamis, 20 Agustus 2026" },
		{ datefmt_long_time, "Kamis, 20 Agustus 2026, pukul 09.30 WIB" },
		{ datefmt_date, "20 Agustus 2026" },
		{ datefmt_short, "20 Agu 2026 09.30" },
		{ datefmt_hour, "09.30" },
		{ datefmt_input_local, "2026-08-20T09:30" },
		{ datefmt_rfc3339, "2026-08-20T09:30:00+07:00" },
	};
	for (size_t i = 0; i < sizeof datefmt_format_cases / sizeof datefmt_format_cases[0]; i++) {
		char out[64];
		int n = datefmt_format_cases[i].fn(DATEFMT_T0, out, sizeof out);
		cr_expect_str_eq(out, datefmt_format_cases[i].want, "case %zu", i);
		cr_expect_eq(n, (int)strlen(datefmt_format_cases[i].want), "case %zu", i);
	}
}

Test(datefmt, utc_wib_day_boundary)
{
	char out[64];
	datefmt_long_time(DATEFMT_MIDNIGHT, out, sizeof out);
	cr_expect_str_eq(out, "Kamis, 20 Agustus 2026, pukul 00.00 WIB");
	datefmt_long_time(DATEFMT_MIDNIGHT - 1, out, sizeof out);
	cr_expect_str_eq(out, "Rabu, 19 Agustus 2026, pukul 23.59 WIB");
	datefmt_rfc3339(DATEFMT_MIDNIGHT - 1, out, sizeof out);
	cr_expect_str_eq(out, "2026-08-19T23:59:59+07:00");
}

Test(datefmt, epoch_and_before)
{
	char out[64];
	datefmt_long_time(0, out, sizeof out);
	cr_expect_str_eq(out, "Kamis, 1 Januari 1970, pukul 07.00 WIB");
	datefmt_rfc3339(-7 * 3600, out, sizeof out);
	cr_expect_str_eq(out, "1970-01-01T00:00:00+07:00");
	datefmt_rfc3339(-7 * 3600 - 1, out, sizeof out);
	cr_expect_str_eq(out, "1969-12-31T23:59:59+07:00");
	datefmt_long(-7 * 3600 - 1, out, sizeof out);
	cr_expect_str_eq(out, "Rabu, 31 Desember 1969");
}

Test(datefmt, leap_day_and_year_end)
{
	char out[64];
	/* 2024-02-28 17:00 UTC = 2024-02-29 00:00 WIB. */
	datefmt_long(INT64_C(1709139600), out, sizeof out);
	cr_expect_str_eq(out, "Kamis, 29 Februari 2024");
	/* 9999-12-31 16:59:59 UTC = the last WIB second of year 9999. */
	datefmt_rfc3339(INT64_C(253402275599), out, sizeof out);
	cr_expect_str_eq(out, "9999-12-31T23:59:59+07:00");
	datefmt_long(INT64_C(253402275599), out, sizeof out);
	cr_expect_str_eq(out, "Jumat, 31 Desember 9999");
}

Test(datefmt, extreme_times_do_not_overflow)
{
	char out[64];
	cr_expect_eq(datefmt_rfc3339(INT64_MAX, out, sizeof out), 25);
	cr_expect_str_eq(out, "9999-12-31T23:59:59+07:00");
	cr_expect_eq(datefmt_rfc3339(INT64_MIN, out, sizeof out), 25);
	cr_expect_str_eq(out, "0001-01-01T00:00:00+07:00");
}

/* Every 7919 s over six years, plus wide jumps, agrees with gmtime_r on t + 7 h. */
Test(datefmt, agrees_with_gmtime)
{
	for (int64_t t = INT64_C(1700000000); t < INT64_C(1900000000); t += 7919) {
		struct wib_tm w;
		struct tm g;
		time_t shifted = (time_t)(t + WIB_OFFSET_SECONDS);
		datefmt_wib(t, &w);
		cr_assert_not_null(gmtime_r(&shifted, &g));
		if (w.year != g.tm_year + 1900 || w.month != g.tm_mon + 1 || w.day != g.tm_mday ||
		    w.hour != g.tm_hour || w.minute != g.tm_min || w.second != g.tm_sec ||
		    w.wday != g.tm_wday)
			cr_assert_fail("mismatch at t=%lld", (long long)t);
	}
	for (int64_t t = INT64_C(-2000000000); t < INT64_C(250000000000); t += 997 * 86400 + 13) {
		struct wib_tm w;
		struct tm g;
		time_t shifted = (time_t)(t + WIB_OFFSET_SECONDS);
		datefmt_wib(t, &w);
		cr_assert_not_null(gmtime_r(&shifted, &g));
		if (w.year != g.tm_year + 1900 || w.month != g.tm_mon + 1 || w.day != g.tm_mday ||
		    w.wday != g.tm_wday)
			cr_assert_fail("mismatch at t=%lld", (long long)t);
	}
}

Test(datefmt, names)
{
	static const char *const datefmt_days[] = { "Minggu", "Senin", "Selasa", "Rabu",
						    "Kamis",  "Jumat", "Sabtu" };
	static const char *const datefmt_months[] = {
		"Januari", "Februari", "Maret",	    "April",   "Mei",	   "Juni",
		"Juli",	   "Agustus",  "September", "Oktober", "November", "Desember",
	};
	for (int i = 0; i < 7; i++)
		cr_expect_str_eq(datefmt_day_name(i), datefmt_days[i]);
	for (int i = 1; i <= 12; i++)
		cr_expect_str_eq(datefmt_month_name(i), datefmt_months[i - 1]);
	cr_expect_null(datefmt_day_name(-1));
	cr_expect_null(datefmt_day_name(7));
	cr_expect_null(datefmt_month_name(0));
	cr_expect_null(datefmt_month_name(13));
}

Test(datefmt, short_month_names)
{
	static const char *const datefmt_short_months[] = { "Jan", "Feb", "Mar", "Apr",
							    "Mei", "Jun", "Jul", "Agu",
							    "Sep", "Okt", "Nov", "Des" };
	for (int m = 1; m <= 12; m++) {
		char in[32], out[64], want[64];
		int64_t t;
		snprintf(in, sizeof in, "2026-%02d-05T08:07", m);
		cr_assert_eq(datefmt_parse_local(in, &t), 0, "%s", in);
		datefmt_short(t, out, sizeof out);
		snprintf(want, sizeof want, "5 %s 2026 08.07", datefmt_short_months[m - 1]);
		cr_expect_str_eq(out, want);
	}
}

Test(datefmt, roman_months)
{
	static const char *const datefmt_romans[] = { "I",   "II", "III", "IV", "V",  "VI",
						      "VII", "VIII", "IX", "X",  "XI", "XII" };
	for (int m = 1; m <= 12; m++)
		cr_expect_str_eq(datefmt_roman_month(m), datefmt_romans[m - 1]);
	cr_expect_null(datefmt_roman_month(0));
	cr_expect_null(datefmt_roman_month(13));
	cr_expect_null(datefmt_roman_month(-5));
}

Test(datefmt, long_ymd)
{
	static const struct {
		int y, m, d;
		const char *want;
	} datefmt_ymd_cases[] = {
		{ 2026, 8, 17, "Senin, 17 Agustus 2026" },
		{ 2026, 8, 20, "Kamis, 20 Agustus 2026" },
		{ 2024, 2, 29, "Kamis, 29 Februari 2024" },
		{ 2000, 2, 29, "Selasa, 29 Februari 2000" },
		{ 1970, 1, 1, "Kamis, 1 Januari 1970" },
		{ 2026, 12, 25, "Jumat, 25 Desember 2026" },
		{ 9999, 12, 31, "Jumat, 31 Desember 9999" },
	};
	for (size_t i = 0; i < sizeof datefmt_ymd_cases / sizeof datefmt_ymd_cases[0]; i++) {
		char out[64];
		int n = datefmt_long_ymd(datefmt_ymd_cases[i].y, datefmt_ymd_cases[i].m,
					 datefmt_ymd_cases[i].d, out, sizeof out);
		cr_expect_str_eq(out, datefmt_ymd_cases[i].want);
		cr_expect_eq(n, (int)strlen(datefmt_ymd_cases[i].want));
	}
}

Test(datefmt, long_ymd_refuses_impossible_dates)
{
	static const int datefmt_bad_ymd[][3] = {
		{ 2025, 2, 29 }, { 2100, 2, 29 }, { 2026, 4, 31 }, { 2026, 13, 1 },
		{ 2026, 0, 1 },	 { 2026, 1, 0 },  { 2026, 1, 32 }, { 10000, 1, 1 },
	};
	for (size_t i = 0; i < sizeof datefmt_bad_ymd / sizeof datefmt_bad_ymd[0]; i++) {
		char out[64] = "junk";
		cr_expect_eq(datefmt_long_ymd(datefmt_bad_ymd[i][0], datefmt_bad_ymd[i][1],
					      datefmt_bad_ymd[i][2], out, sizeof out),
			     -1, "case %zu", i);
		cr_expect_str_eq(out, "", "case %zu", i);
	}
}

Test(datefmt, buffer_too_small)
{
	/* "09.30" needs 6 bytes with its NUL. */
	char out[16];
	memset(out, 'x', sizeof out);
	cr_expect_eq(datefmt_hour(DATEFMT_T0, out, 6), 5);
	cr_expect_str_eq(out, "09.30");
	memset(out, 'x', sizeof out);
	cr_expect_eq(datefmt_hour(DATEFMT_T0, out, 5), -1);
	cr_expect_str_eq(out, "");
	memset(out, 'x', sizeof out);
	cr_expect_eq(datefmt_long(DATEFMT_T0, out, sizeof out), -1);
	cr_expect_str_eq(out, "");
	cr_expect_eq(datefmt_long(DATEFMT_T0, NULL, 0), -1);
	cr_expect_eq(datefmt_long_ymd(2026, 8, 20, out, 10), -1);
	cr_expect_str_eq(out, "");
}

Test(datefmt, parse_date_accepts)
{
	static const struct {
		const char *in;
		int y, m, d;
	} datefmt_good_dates[] = {
		{ "2026-08-20", 2026, 8, 20 }, { "2024-02-29", 2024, 2, 29 },
		{ "2000-02-29", 2000, 2, 29 }, { "1970-01-01", 1970, 1, 1 },
		{ "9999-12-31", 9999, 12, 31 }, { "2026-04-30", 2026, 4, 30 },
	};
	for (size_t i = 0; i < sizeof datefmt_good_dates / sizeof datefmt_good_dates[0]; i++) {
		int y = 0, m = 0, d = 0;
		cr_expect_eq(datefmt_parse_date(datefmt_good_dates[i].in, &y, &m, &d), 0, "%s",
			     datefmt_good_dates[i].in);
		cr_expect_eq(y, datefmt_good_dates[i].y);
		cr_expect_eq(m, datefmt_good_dates[i].m);
		cr_expect_eq(d, datefmt_good_dates[i].d);
	}
}

Test(datefmt, parse_date_refuses)
{
	static const char *const datefmt_bad_dates[] = {
		"2026-02-30", "2026-13-01", "2026-1-01",   "2026-01-1",	  "2025-02-29",
		"2100-02-29", "2026-04-31", "2026-00-10",  "2026-01-00",  "1969-12-31",
		"0000-01-01", " 2026-01-01", "2026-01-01 ", "2026-01-01x", "2026/01/01",
		"20260101",   "",	    "2026",	   "2026-01",	  "+026-01-01",
		"2026-0a-01", "10000-01-01", "2026-01-01T09:30",
	};
	for (size_t i = 0; i < sizeof datefmt_bad_dates / sizeof datefmt_bad_dates[0]; i++) {
		int y = -1, m = -1, d = -1;
		cr_expect_eq(datefmt_parse_date(datefmt_bad_dates[i], &y, &m, &d), -1, "'%s'",
			     datefmt_bad_dates[i]);
		cr_expect_eq(y, -1, "'%s' touched output", datefmt_bad_dates[i]);
	}
	int y, m, d;
	cr_expect_eq(datefmt_parse_date(NULL, &y, &m, &d), -1);
}

Test(datefmt, parse_local_accepts)
{
	static const struct {
		const char *in;
		int64_t want;
	} datefmt_good_locals[] = {
		{ "2026-08-20T09:30", DATEFMT_T0 },
		{ "2026-08-20T09:30:00", DATEFMT_T0 },
		{ "2026-08-20T09:30:59", DATEFMT_T0 + 59 },
		{ "2026-08-20T00:00", DATEFMT_MIDNIGHT },
		{ "2026-08-19T23:59:59", DATEFMT_MIDNIGHT - 1 },
		{ "1970-01-01T07:00", 0 },
		{ "1970-01-01T00:00", -7 * 3600 },
		{ "2024-02-29T00:00", INT64_C(1709139600) },
		{ "9999-12-31T23:59:59", INT64_C(253402275599) },
	};
	for (size_t i = 0; i < sizeof datefmt_good_locals / sizeof datefmt_good_locals[0]; i++) {
		int64_t t = 42;
		cr_expect_eq(datefmt_parse_local(datefmt_good_locals[i].in, &t), 0, "%s",
			     datefmt_good_locals[i].in);
		cr_expect_eq(t, datefmt_good_locals[i].want, "%s -> %lld", datefmt_good_locals[i].in,
			     (long long)t);
	}
}

Test(datefmt, parse_local_refuses)
{
	static const char *const datefmt_bad_locals[] = {
		"2026-08-20T24:00",	"2026-08-20T23:60",    "2026-08-20T09:30:60",
		"2026-08-20 09:30",	"2026-08-20t09:30",    "2026-08-20T9:30",
		"2026-08-20T09:3",	"2026-08-20T09:30:0",  "2026-08-20T09:30:00Z",
		"2026-08-20T09:30+07:00", "2026-08-20T09:30:00.000", " 2026-08-20T09:30",
		"2026-08-20T09:30 ",	"2026-02-30T09:30",    "2025-02-29T00:00",
		"2026-13-01T00:00",	"1969-12-31T23:59",    "2026-08-20",
		"2026-08-20T",		"2026-08-20T09",       "2026-08-20T09:",
		"2026-08-20T09:30:",	"",		       "2026-08-20T-1:30",
	};
	for (size_t i = 0; i < sizeof datefmt_bad_locals / sizeof datefmt_bad_locals[0]; i++) {
		int64_t t = 42;
		cr_expect_eq(datefmt_parse_local(datefmt_bad_locals[i], &t), -1, "'%s'",
			     datefmt_bad_locals[i]);
		cr_expect_eq(t, 42, "'%s' touched output", datefmt_bad_locals[i]);
	}
	int64_t t;
	cr_expect_eq(datefmt_parse_local(NULL, &t), -1);
}

/* What the form shows is what the form reads back (minutes precision). */
Test(datefmt, input_local_round_trip)
{
	for (int64_t t = INT64_C(1767225600); t < INT64_C(1767225600) + 400 * 86400; t += 3631) {
		char in[32];
		int64_t back;
		cr_assert_eq(datefmt_input_local(t, in, sizeof in), 16);
		cr_assert_eq(datefmt_parse_local(in, &back), 0, "%s", in);
		cr_assert_eq(back, t - (t % 60), "%s", in);
	}
}
