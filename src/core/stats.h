/* The figures of the dashboard: for a period of whole days in WIB, what each unit submitted, got
 * published and got rejected, how long publication took (median and 90th percentile), the weekly
 * publications, the review queue's age, the units that stayed silent and the busiest editors.
 * Everything can be limited to one unit (a contributor's view). No HTTP or HTML here.
 *
 * Definitions (the page and docs/architecture.md repeat them):
 * - submitted: requests whose FIRST submission (the first `submit` transition) falls in the
 *   period; a resubmission after changes were asked for does not count again.
 * - published: requests whose publication (requests.published_at, set once when the release
 *   goes public, kept when it is later unpublished) falls in the period.
 * - rejected: `reject` transitions in the period.
 * - time to publish: published_at minus the first submission, for requests published in the
 *   period (the whole time the unit waited, including time spent on asked-for changes).
 * - percentiles: linear interpolation between closest ranks (as spreadsheets' PERCENTILE.INC
 *   and NumPy's default): sorted values x[0..n-1], h = (n - 1) p, the value is
 *   x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]); the median is p = 0.5.
 * - queue: requests now submitted or in review, aged from their latest submission.
 * - silent: active units without a publication in the period, longest silent first (units that
 *   had never published by the end of the period first, by name; then by their last
 *   publication, oldest first); silence is counted in whole days up to the end of the period. */
#ifndef SIARAN_STATS_H
#define SIARAN_STATS_H
#include <sqlite3.h>
#include <stdint.h>

#define STATS_DAY 86400
#define STATS_WEEK (7 * STATS_DAY)
/* The longest period a dashboard covers (three years), which bounds the weekly series. */
#define STATS_MAX_DAYS 1096

/* A period of whole WIB days: [from, until) in Unix seconds. */
struct stats_period {
	char preset[12];           /* "7d", "30d", "90d", "month", "prev-month", "year", "custom" */
	char from_s[16], to_s[16]; /* first and last day, YYYY-MM-DD (inclusive) */
	int64_t from, until;
	int days;
};

/* Why a period was refused: an Indonesian message per field, NULL when that field is fine. */
struct stats_period_errors {
	const char *period, *from, *to;
};

/* Resolves a period against now. preset NULL or "" means "custom" when from or to is given,
 * else "30d". Presets end today (WIB); "prev-month" is the whole previous calendar month.
 * "custom" needs both dates (YYYY-MM-DD), from <= to, at most STATS_MAX_DAYS days. Returns 0,
 * or -1 with the messages in *err (p then still holds the raw dates, cut to fit, for refilling
 * the form). */
int stats_period_parse(const char *preset, const char *from, const char *to, int64_t now,
		       struct stats_period *p, struct stats_period_errors *err);

/* The p-quantile (0 <= p <= 1) of n ascending values by linear interpolation (see above).
 * Returns 0 with *out, or -1 when n is 0. */
int stats_percentile(const int64_t *sorted, int n, double p, double *out);

/* A histogram bucket: values v with lower <= v < upper (upper 0: no upper bound). */
struct stats_bucket {
	int64_t lower, upper;
	const char *label; /* Indonesian, e.g. "1–2 hari" */
};
/* Buckets for time to publish and for the queue's age (seconds), in ascending order. */
extern const struct stats_bucket stats_ttp_buckets[];
extern const int stats_ttp_nbuckets;
extern const struct stats_bucket stats_age_buckets[];
extern const int stats_age_nbuckets;
/* The bucket v falls in (the last one for anything beyond), or -1 for v < buckets[0].lower. */
int stats_bucket_of(const struct stats_bucket *b, int n, int64_t v);

/* The Monday (00:00 WIB) on or before t, and the number of weeks from that Monday needed to
 * cover [from, until). */
int64_t stats_week_start(int64_t t);
int stats_week_count(int64_t from, int64_t until);

struct stats_unit {
	int64_t id;
	char *code, *name;
	int submitted, published, rejected;
	int ndur;                   /* publications with a known time to publish */
	double median, p90;         /* seconds, valid when ndur > 0 */
};

struct stats_silent {
	int64_t id;
	char *code, *name;
	int64_t last_published;     /* 0: never published */
};

struct stats_editor {
	int64_t id;
	char *name;
	int approved, changes, rejected, total;
};

struct stats_queued {
	int64_t id;
	char *title, *unit_code, *unit_name, *state, *assigned_name; /* assigned_name may be NULL */
	int64_t submitted_at;
};

struct stats_dashboard {
	struct stats_period period;
	int64_t unit_id;            /* 0 = every unit */
	int64_t now;
	int submitted, published, rejected;   /* totals */
	int ndur;                   /* publications with a known time to publish */
	int64_t *durations;         /* seconds, ascending */
	double median, p90;         /* valid when ndur > 0 */
	int ttp_hist[16];           /* per stats_ttp_buckets */
	struct stats_unit *units;   /* units with any activity (or the one unit), most published first */
	int nunits;
	int64_t week0;              /* Monday 00:00 WIB of the first week */
	int *weekly;                /* publications per week from week0 */
	int nweeks;
	struct stats_queued *queue; /* oldest first */
	int nqueue;
	int age_hist[16];           /* per stats_age_buckets */
	struct stats_silent *silent;
	int nsilent;
	int nactive_units;          /* active units considered (1 for one unit) */
	struct stats_editor *editors; /* most decisions first, at most STATS_MAX_EDITORS */
	int neditors;
};
#define STATS_MAX_EDITORS 20

/* Loads every figure for period p, for one unit (unit_id > 0) or all (0), with the queue aged
 * at now. Returns 0 or -1; free out with stats_dashboard_free in both cases. */
int stats_load(sqlite3 *c, const struct stats_period *p, int64_t unit_id, int64_t now,
	       struct stats_dashboard *out);
void stats_dashboard_free(struct stats_dashboard *d);

#endif
