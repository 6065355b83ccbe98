/* Unit tests for core/stats: percentiles by linear interpolation (checked against values a
 * spreadsheet's PERCENTILE.INC gives), period presets and validation in WIB, Monday weeks, and
 * the histogram buckets' bounds. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "core/stats.h"
#include "view/datefmt.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

Test(stats, percentiles)
{
	double v;
	cr_expect_eq(stats_percentile(NULL, 0, 0.5, &v), -1);
	int64_t one[] = { 42 };
	cr_assert_eq(stats_percentile(one, 1, 0.5, &v), 0);
	cr_expect(NEAR(v, 42));
	cr_assert_eq(stats_percentile(one, 1, 0.9, &v), 0);
	cr_expect(NEAR(v, 42));

	int64_t odd[] = { 1, 2, 3, 4, 5 };
	stats_percentile(odd, 5, 0.5, &v);
	cr_expect(NEAR(v, 3));
	stats_percentile(odd, 5, 0.9, &v);
	cr_expect(NEAR(v, 4.6), "PERCENTILE.INC({1..5}; 0,9) = 4,6, got %f", v);

	int64_t even[] = { 10, 20, 30, 40 };
	stats_percentile(even, 4, 0.5, &v);
	cr_expect(NEAR(v, 25), "the median of an even count is the mean of the middle two");
	stats_percentile(even, 4, 0.9, &v);
	cr_expect(NEAR(v, 37), "h = 3 * 0.9 = 2.7: 30 + 0.7 * 10");
	stats_percentile(even, 4, 0, &v);
	cr_expect(NEAR(v, 10));
	stats_percentile(even, 4, 1, &v);
	cr_expect(NEAR(v, 40));

	/* The data set of tests/http/dashboard-data.mjs, in minutes. */
	int64_t minutes[] = { 120, 120, 360, 1440, 2880, 10080 };
	stats_percentile(minutes, 6, 0.5, &v);
	cr_expect(NEAR(v, 900));
	stats_percentile(minutes, 6, 0.9, &v);
	cr_expect(NEAR(v, 6480));
}

static int64_t wib(int y, int m, int d, int h, int mi)
{
	return datefmt_wib_midnight(y, m, d) + h * 3600 + mi * 60;
}

Test(stats, presets)
{
	/* Wednesday 15 January 2025, 00:30 WIB: still the 14th in UTC. */
	int64_t now = wib(2025, 1, 15, 0, 30);
	struct stats_period p;
	struct stats_period_errors e;
	static const struct {
		const char *preset, *from, *to;
		int days;
	} cases[] = {
		{ "7d", "2025-01-09", "2025-01-15", 7 },
		{ "30d", "2024-12-17", "2025-01-15", 30 },
		{ "90d", "2024-10-18", "2025-01-15", 90 },
		{ "month", "2025-01-01", "2025-01-15", 15 },
		{ "prev-month", "2024-12-01", "2024-12-31", 31 },
		{ "year", "2025-01-01", "2025-01-15", 15 },
		{ "", "2024-12-17", "2025-01-15", 30 },
		{ NULL, "2024-12-17", "2025-01-15", 30 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(stats_period_parse(cases[i].preset, NULL, NULL, now, &p, &e), 0);
		cr_expect_str_eq(p.from_s, cases[i].from, "%s", cases[i].preset ? cases[i].preset : "NULL");
		cr_expect_str_eq(p.to_s, cases[i].to, "%s", cases[i].preset ? cases[i].preset : "NULL");
		cr_expect_eq(p.days, cases[i].days, "%s", cases[i].preset ? cases[i].preset : "NULL");
		cr_expect_eq(p.until - p.from, (int64_t)p.days * 86400);
	}
	cr_expect_str_eq((stats_period_parse("7d", NULL, NULL, now, &p, &e), p.preset), "7d");
	cr_expect_eq(p.from, wib(2025, 1, 9, 0, 0));
	cr_expect_eq(p.until, wib(2025, 1, 16, 0, 0));

	/* January: last month is December of the year before. */
	cr_assert_eq(stats_period_parse("prev-month", "", "", now, &p, &e), 0);
	cr_expect_eq(p.from, wib(2024, 12, 1, 0, 0));
	cr_expect_eq(p.until, wib(2025, 1, 1, 0, 0));
	/* Leap year February. */
	cr_assert_eq(stats_period_parse("prev-month", "", "", wib(2024, 3, 10, 12, 0), &p, &e), 0);
	cr_expect_eq(p.days, 29);
}

Test(stats, custom_periods)
{
	int64_t now = wib(2026, 11, 28, 10, 0);
	struct stats_period p;
	struct stats_period_errors e;
	cr_assert_eq(stats_period_parse("custom", "2026-09-01", "2026-09-30", now, &p, &e), 0);
	cr_expect_eq(p.from, wib(2026, 9, 1, 0, 0));
	cr_expect_eq(p.until, wib(2026, 10, 1, 0, 0));
	cr_expect_eq(p.days, 30);
	cr_expect_str_eq(p.preset, "custom");
	/* Dates without a preset mean a custom period. */
	cr_assert_eq(stats_period_parse(NULL, "2026-09-30", "2026-09-30", now, &p, &e), 0);
	cr_expect_eq(p.days, 1);
	/* The longest: 1096 days. */
	cr_expect_eq(stats_period_parse("custom", "2023-10-02", "2026-10-01", now, &p, &e), 0);
	cr_expect_eq(p.days, 1096);

	static const struct {
		const char *preset, *from, *to;
		int bad_period, bad_from, bad_to;
	} bad[] = {
		{ "custom", "2026-09-02", "2026-09-01", 0, 0, 1 },
		{ "custom", "2026-02-30", "2026-03-01", 0, 1, 0 },
		{ "custom", "2026-9-1", "2026-09-30", 0, 1, 0 },
		{ "custom", "", "2026-09-30", 0, 1, 0 },
		{ "custom", "2026-09-01", "", 0, 0, 1 },
		{ "custom", "", "", 0, 1, 1 },
		{ "custom", "x", "y", 0, 1, 1 },
		{ "custom", "2023-10-01", "2026-10-01", 0, 0, 1 },
		{ "decade", "", "", 1, 0, 0 },
		{ "7D", "", "", 1, 0, 0 },
		{ NULL, "2026-09-01", NULL, 0, 0, 1 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_expect_eq(stats_period_parse(bad[i].preset, bad[i].from, bad[i].to, now, &p, &e), -1,
			     "case %zu", i);
		cr_expect_eq(e.period != NULL, bad[i].bad_period, "case %zu period", i);
		cr_expect_eq(e.from != NULL, bad[i].bad_from, "case %zu from", i);
		cr_expect_eq(e.to != NULL, bad[i].bad_to, "case %zu to", i);
	}
	/* The raw input is kept (cut to 10 bytes, never inside a character) to refill the form. */
	stats_period_parse("custom", "2026-02-30", "2026-09-01é€", now, &p, &e);
	cr_expect_str_eq(p.from_s, "2026-02-30");
	cr_expect_str_eq(p.to_s, "2026-09-01");
	stats_period_parse("custom", "aaaaaaaaa€", "", now, &p, &e);
	cr_expect_str_eq(p.from_s, "aaaaaaaaa");
}

Test(stats, weeks)
{
	/* 1 September 2026 is a Tuesday: its week starts on Monday 31 August (WIB). */
	int64_t from = wib(2026, 9, 1, 0, 0), until = wib(2026, 10, 1, 0, 0);
	cr_expect_eq(stats_week_start(from), wib(2026, 8, 31, 0, 0));
	cr_expect_eq(stats_week_count(from, until), 5);
	/* A Monday starts its own week, also at 00:00 WIB (17:00 UTC the day before). */
	cr_expect_eq(stats_week_start(wib(2026, 9, 7, 0, 0)), wib(2026, 9, 7, 0, 0));
	cr_expect_eq(stats_week_start(wib(2026, 9, 6, 23, 59)), wib(2026, 8, 31, 0, 0));
	cr_expect_eq(stats_week_count(wib(2026, 9, 7, 0, 0), wib(2026, 9, 14, 0, 0)), 1);
	cr_expect_eq(stats_week_count(wib(2026, 9, 7, 0, 0), wib(2026, 9, 14, 0, 1)), 2);
	cr_expect_eq(stats_week_count(from, from), 0);
	/* A Sunday. */
	cr_expect_eq(stats_week_start(wib(2026, 9, 13, 12, 0)), wib(2026, 9, 7, 0, 0));
}

Test(stats, buckets)
{
	const struct stats_bucket *b = stats_ttp_buckets;
	int n = stats_ttp_nbuckets;
	cr_expect_eq(stats_bucket_of(b, n, -1), -1);
	cr_expect_eq(stats_bucket_of(b, n, 0), 0);
	cr_expect_eq(stats_bucket_of(b, n, 2 * 3600 - 1), 0);
	cr_expect_eq(stats_bucket_of(b, n, 2 * 3600), 1, "lower bounds are inclusive");
	cr_expect_eq(stats_bucket_of(b, n, 6 * 3600), 2);
	cr_expect_eq(stats_bucket_of(b, n, 86400), 3);
	cr_expect_eq(stats_bucket_of(b, n, 7 * 86400 - 1), 5);
	cr_expect_eq(stats_bucket_of(b, n, 7 * 86400), 6);
	cr_expect_eq(stats_bucket_of(b, n, 400 * 86400), 6);
	/* Buckets tile the line: each starts where the previous ended; only the last is open. */
	for (int i = 1; i < n; i++)
		cr_expect_eq(b[i].lower, b[i - 1].upper);
	cr_expect_eq(b[n - 1].upper, 0);
	for (int i = 1; i < stats_age_nbuckets; i++)
		cr_expect_eq(stats_age_buckets[i].lower, stats_age_buckets[i - 1].upper);
	cr_expect_eq(stats_age_buckets[stats_age_nbuckets - 1].upper, 0);
	cr_expect_eq(stats_bucket_of(stats_age_buckets, stats_age_nbuckets, 50 * 3600), 3);
}
