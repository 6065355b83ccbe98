/* The dashboard's figures (see stats.h): period presets and validation, percentiles, buckets and
 * weeks as pure functions, and the few statements that read the period's events. */
#include "core/stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

#define HOUR 3600

const struct stats_bucket stats_ttp_buckets[] = {
	{ 0, 2 * HOUR, "< 2 jam" },
	{ 2 * HOUR, 6 * HOUR, "2–6 jam" },
	{ 6 * HOUR, STATS_DAY, "6–24 jam" },
	{ STATS_DAY, 2 * STATS_DAY, "1–2 hari" },
	{ 2 * STATS_DAY, 3 * STATS_DAY, "2–3 hari" },
	{ 3 * STATS_DAY, 7 * STATS_DAY, "3–7 hari" },
	{ 7 * STATS_DAY, 0, "≥ 7 hari" },
};
const int stats_ttp_nbuckets = sizeof stats_ttp_buckets / sizeof stats_ttp_buckets[0];

const struct stats_bucket stats_age_buckets[] = {
	{ 0, 4 * HOUR, "< 4 jam" },
	{ 4 * HOUR, STATS_DAY, "4–24 jam" },
	{ STATS_DAY, 2 * STATS_DAY, "1–2 hari" },
	{ 2 * STATS_DAY, 7 * STATS_DAY, "2–7 hari" },
	{ 7 * STATS_DAY, 0, "≥ 7 hari" },
};
const int stats_age_nbuckets = sizeof stats_age_buckets / sizeof stats_age_buckets[0];

/* --- periods --- */

static void ymd_string(int64_t t, char out[16])
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	snprintf(out, 16, "%04d-%02d-%02d", tm.year % 10000, tm.month % 100, tm.day % 100);
}

/* Keeps at most 10 bytes of a raw date for refilling the form (never cutting a character). */
static void copy_cut(char *dst, size_t n, const char *src)
{
	size_t k = 0;
	for (; src && src[k] && k < 10 && k + 1 < n; k++)
		dst[k] = src[k];
	while (k > 0 && src && ((unsigned char)src[k] & 0xC0) == 0x80)
		k--;
	dst[k] = '\0';
}

/* A YYYY-MM-DD date's WIB midnight; -1 when malformed. */
static int64_t date_midnight(const char *s)
{
	int y, m, d;
	if (datefmt_parse_date(s, &y, &m, &d) < 0)
		return -1;
	return datefmt_wib_midnight(y, m, d);
}

int stats_period_parse(const char *preset, const char *from, const char *to, int64_t now,
		       struct stats_period *p, struct stats_period_errors *err)
{
	memset(p, 0, sizeof *p);
	memset(err, 0, sizeof *err);
	from = from ? from : "";
	to = to ? to : "";
	if (!preset || !*preset)
		preset = (*from || *to) ? "custom" : "30d";

	struct wib_tm today;
	datefmt_wib(now, &today);
	int64_t midnight = datefmt_wib_midnight(today.year, today.month, today.day);
	int64_t tomorrow = midnight + STATS_DAY;
	int64_t start = 0, end = tomorrow;
	if (strcmp(preset, "7d") == 0) {
		start = midnight - 6 * STATS_DAY;
	} else if (strcmp(preset, "30d") == 0) {
		start = midnight - 29 * STATS_DAY;
	} else if (strcmp(preset, "90d") == 0) {
		start = midnight - 89 * STATS_DAY;
	} else if (strcmp(preset, "month") == 0) {
		start = datefmt_wib_midnight(today.year, today.month, 1);
	} else if (strcmp(preset, "prev-month") == 0) {
		int y = today.month == 1 ? today.year - 1 : today.year;
		int m = today.month == 1 ? 12 : today.month - 1;
		start = datefmt_wib_midnight(y, m, 1);
		end = datefmt_wib_midnight(today.year, today.month, 1);
	} else if (strcmp(preset, "year") == 0) {
		start = datefmt_wib_midnight(today.year, 1, 1);
	} else if (strcmp(preset, "custom") == 0) {
		copy_cut(p->from_s, sizeof p->from_s, from);
		copy_cut(p->to_s, sizeof p->to_s, to);
		start = *from ? date_midnight(from) : -1;
		int64_t last = *to ? date_midnight(to) : -1;
		if (!*from)
			err->from = "Isi tanggal awal.";
		else if (start < 0)
			err->from = "Tanggal awal tidak valid (format TTTT-BB-HH, tanggal yang ada).";
		if (!*to)
			err->to = "Isi tanggal akhir.";
		else if (last < 0)
			err->to = "Tanggal akhir tidak valid (format TTTT-BB-HH, tanggal yang ada).";
		if (err->from || err->to)
			return -1;
		if (last < start) {
			err->to = "Tanggal akhir harus sama dengan atau sesudah tanggal awal.";
			return -1;
		}
		end = last + STATS_DAY;
		if ((end - start) / STATS_DAY > STATS_MAX_DAYS) {
			err->to = "Periode paling panjang 3 tahun (1096 hari).";
			return -1;
		}
	} else {
		err->period = "Pilihan periode tidak dikenal.";
		copy_cut(p->from_s, sizeof p->from_s, from);
		copy_cut(p->to_s, sizeof p->to_s, to);
		return -1;
	}
	copy_cut(p->preset, sizeof p->preset, preset);
	p->from = start;
	p->until = end;
	p->days = (int)((end - start) / STATS_DAY);
	ymd_string(start, p->from_s);
	ymd_string(end - STATS_DAY, p->to_s);
	return 0;
}

/* --- pure helpers --- */

int stats_percentile(const int64_t *sorted, int n, double p, double *out)
{
	if (n <= 0)
		return -1;
	if (p < 0)
		p = 0;
	if (p > 1)
		p = 1;
	double h = (double)(n - 1) * p;
	int lo = (int)floor(h);
	if (lo >= n - 1) {
		*out = (double)sorted[n - 1];
		return 0;
	}
	*out = (double)sorted[lo] + (h - lo) * (double)(sorted[lo + 1] - sorted[lo]);
	return 0;
}

int stats_bucket_of(const struct stats_bucket *b, int n, int64_t v)
{
	if (n <= 0 || v < b[0].lower)
		return -1;
	for (int i = 0; i < n; i++)
		if (b[i].upper == 0 || v < b[i].upper)
			return i;
	return n - 1;
}

int64_t stats_week_start(int64_t t)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	int back = (tm.wday + 6) % 7; /* days since Monday */
	return datefmt_wib_midnight(tm.year, tm.month, tm.day) - (int64_t)back * STATS_DAY;
}

int stats_week_count(int64_t from, int64_t until)
{
	if (until <= from)
		return 0;
	int64_t w0 = stats_week_start(from);
	return (int)((until - w0 + STATS_WEEK - 1) / STATS_WEEK);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* --- queries --- */

/* Per unit: first submissions, publications and rejections in [?1, ?2), for unit ?3 (0 = all).
 * Units without any are left out, except the one asked for. */
static const char units_sql[] =
	"WITH sub AS (SELECT r.unit_id, COUNT(*) AS n FROM transitions t"
	"   JOIN requests r ON r.id = t.request_id"
	"  WHERE t.action = 'submit' AND t.at >= ?1 AND t.at < ?2 AND (?3 = 0 OR r.unit_id = ?3)"
	"    AND NOT EXISTS (SELECT 1 FROM transitions e WHERE e.request_id = t.request_id"
	"                     AND e.action = 'submit' AND e.id < t.id)"
	"  GROUP BY r.unit_id),"
	" pub AS (SELECT unit_id, COUNT(*) AS n FROM requests"
	"  WHERE published_at >= ?1 AND published_at < ?2 AND (?3 = 0 OR unit_id = ?3)"
	"  GROUP BY unit_id),"
	" rej AS (SELECT r.unit_id, COUNT(*) AS n FROM transitions t"
	"   JOIN requests r ON r.id = t.request_id"
	"  WHERE t.action = 'reject' AND t.at >= ?1 AND t.at < ?2 AND (?3 = 0 OR r.unit_id = ?3)"
	"  GROUP BY r.unit_id)"
	" SELECT u.id, u.code, u.name, COALESCE(sub.n, 0), COALESCE(pub.n, 0), COALESCE(rej.n, 0)"
	" FROM units u LEFT JOIN sub ON sub.unit_id = u.id LEFT JOIN pub ON pub.unit_id = u.id"
	" LEFT JOIN rej ON rej.unit_id = u.id"
	" WHERE sub.n IS NOT NULL OR pub.n IS NOT NULL OR rej.n IS NOT NULL OR u.id = ?3"
	" ORDER BY COALESCE(pub.n, 0) DESC, COALESCE(sub.n, 0) DESC, u.code";

/* Publications in the period with their first submission (NULL when there was none). */
static const char pubs_sql[] =
	"SELECT r.unit_id, r.published_at,"
	" (SELECT MIN(t.at) FROM transitions t WHERE t.request_id = r.id AND t.action = 'submit')"
	" FROM requests r WHERE r.published_at >= ?1 AND r.published_at < ?2"
	" AND (?3 = 0 OR r.unit_id = ?3) ORDER BY r.published_at, r.id";

static const char queue_sql[] =
	"SELECT r.id, r.title, u.code, u.name, r.state, r.submitted_at, a.name"
	" FROM requests r JOIN units u ON u.id = r.unit_id LEFT JOIN users a ON a.id = r.assigned_to"
	" WHERE r.state IN ('submitted', 'in_review') AND (?1 = 0 OR r.unit_id = ?1)"
	" ORDER BY r.submitted_at, r.id";

static const char silent_sql[] =
	"SELECT u.id, u.code, u.name,"
	" (SELECT MAX(r.published_at) FROM requests r WHERE r.unit_id = u.id AND r.published_at < ?2)"
	" AS last"
	" FROM units u WHERE u.active = 1 AND (?3 = 0 OR u.id = ?3)"
	" AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.unit_id = u.id"
	"                  AND r.published_at >= ?1 AND r.published_at < ?2)"
	" ORDER BY last IS NOT NULL, last, u.name, u.code";

static const char editors_sql[] =
	"SELECT t.actor_id, us.name, SUM(t.action = 'approve'), SUM(t.action = 'request-changes'),"
	" SUM(t.action = 'reject'), COUNT(*)"
	" FROM transitions t JOIN users us ON us.id = t.actor_id JOIN requests r ON r.id = t.request_id"
	" WHERE t.action IN ('approve', 'request-changes', 'reject') AND t.at >= ?1 AND t.at < ?2"
	" AND (?3 = 0 OR r.unit_id = ?3)"
	" GROUP BY t.actor_id ORDER BY COUNT(*) DESC, SUM(t.action = 'approve') DESC, us.name, t.actor_id"
	" LIMIT ?4";

static char *col_text(sqlite3_stmt *st, int col)
{
	char *s = db_col_text(st, col);
	return s ? s : xstrdup("");
}

/* Prepares sql and binds the period, the unit and (for editors) the limit. */
static sqlite3_stmt *prepare_period(sqlite3 *c, const char *sql, const struct stats_dashboard *d)
{
	sqlite3_stmt *st = db_prepare(c, sql);
	if (!st)
		return NULL;
	int n = sqlite3_bind_parameter_count(st);
	int rc = n == 4 ? db_bind(st, "iiii", d->period.from, d->period.until, d->unit_id,
				  (int64_t)STATS_MAX_EDITORS)
			: db_bind(st, "iii", d->period.from, d->period.until, d->unit_id);
	if (rc < 0) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static int load_units(sqlite3 *c, struct stats_dashboard *d)
{
	sqlite3_stmt *st = prepare_period(c, units_sql, d);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct stats_unit *u = XPUSH(d->units, d->nunits);
		u->id = sqlite3_column_int64(st, 0);
		u->code = col_text(st, 1);
		u->name = col_text(st, 2);
		u->submitted = sqlite3_column_int(st, 3);
		u->published = sqlite3_column_int(st, 4);
		u->rejected = sqlite3_column_int(st, 5);
		d->submitted += u->submitted;
		d->published += u->published;
		d->rejected += u->rejected;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

struct pub {
	int64_t unit_id, at, dur; /* dur -1: no submission known */
};

static int cmp_pub_unit(const void *a, const void *b)
{
	const struct pub *x = a, *y = b;
	if (x->unit_id != y->unit_id)
		return (x->unit_id > y->unit_id) - (x->unit_id < y->unit_id);
	return (x->dur > y->dur) - (x->dur < y->dur);
}

/* Weekly counts, durations with their median and p90, overall and per unit. */
static int load_publications(sqlite3 *c, struct stats_dashboard *d)
{
	sqlite3_stmt *st = prepare_period(c, pubs_sql, d);
	if (!st)
		return -1;
	struct pub *pubs = NULL;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct pub *p = XPUSH(pubs, n);
		p->unit_id = sqlite3_column_int64(st, 0);
		p->at = sqlite3_column_int64(st, 1);
		p->dur = sqlite3_column_type(st, 2) == SQLITE_NULL
				 ? -1
				 : p->at - sqlite3_column_int64(st, 2);
		if (p->dur < -1)
			p->dur = 0; /* a clock step backwards: count it as immediate */
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(pubs);
		return -1;
	}

	d->week0 = stats_week_start(d->period.from);
	d->nweeks = stats_week_count(d->period.from, d->period.until);
	d->weekly = xcalloc((size_t)(d->nweeks > 0 ? d->nweeks : 1), sizeof *d->weekly);
	d->durations = xcalloc((size_t)(n > 0 ? n : 1), sizeof *d->durations);
	for (int i = 0; i < n; i++) {
		int64_t w = (pubs[i].at - d->week0) / STATS_WEEK;
		if (w >= 0 && w < d->nweeks)
			d->weekly[w]++;
		if (pubs[i].dur >= 0) {
			d->durations[d->ndur++] = pubs[i].dur;
			int b = stats_bucket_of(stats_ttp_buckets, stats_ttp_nbuckets, pubs[i].dur);
			if (b >= 0)
				d->ttp_hist[b]++;
		}
	}
	qsort(d->durations, (size_t)d->ndur, sizeof *d->durations, cmp_i64);
	if (d->ndur) {
		stats_percentile(d->durations, d->ndur, 0.5, &d->median);
		stats_percentile(d->durations, d->ndur, 0.9, &d->p90);
	}

	/* Per unit: the known durations of each unit, ascending, side by side after sorting. */
	if (n > 0)
		qsort(pubs, (size_t)n, sizeof *pubs, cmp_pub_unit);
	int64_t *tmp = xcalloc((size_t)(n > 0 ? n : 1), sizeof *tmp);
	for (int u = 0; u < d->nunits; u++) {
		struct stats_unit *su = &d->units[u];
		int k = 0;
		for (int i = 0; i < n; i++)
			if (pubs[i].unit_id == su->id && pubs[i].dur >= 0)
				tmp[k++] = pubs[i].dur;
		su->ndur = k;
		if (k) {
			stats_percentile(tmp, k, 0.5, &su->median);
			stats_percentile(tmp, k, 0.9, &su->p90);
		}
	}
	free(tmp);
	free(pubs);
	return 0;
}

static int load_queue(sqlite3 *c, struct stats_dashboard *d)
{
	sqlite3_stmt *st = db_preparef(c, queue_sql, "i", d->unit_id);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct stats_queued *q = XPUSH(d->queue, d->nqueue);
		q->id = sqlite3_column_int64(st, 0);
		q->title = col_text(st, 1);
		q->unit_code = col_text(st, 2);
		q->unit_name = col_text(st, 3);
		q->state = col_text(st, 4);
		q->submitted_at = sqlite3_column_int64(st, 5);
		q->assigned_name = db_col_text(st, 6);
		int64_t age = d->now - q->submitted_at;
		int b = stats_bucket_of(stats_age_buckets, stats_age_nbuckets, age < 0 ? 0 : age);
		if (b >= 0)
			d->age_hist[b]++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_silent(sqlite3 *c, struct stats_dashboard *d)
{
	int64_t n = 0;
	if (d->unit_id)
		n = 1;
	else if (db_int(c, &n, "SELECT COUNT(*) FROM units WHERE active = 1", "") < 0)
		return -1;
	d->nactive_units = (int)n;
	sqlite3_stmt *st = prepare_period(c, silent_sql, d);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct stats_silent *s = XPUSH(d->silent, d->nsilent);
		s->id = sqlite3_column_int64(st, 0);
		s->code = col_text(st, 1);
		s->name = col_text(st, 2);
		s->last_published = sqlite3_column_int64(st, 3); /* NULL reads as 0: never */
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_editors(sqlite3 *c, struct stats_dashboard *d)
{
	sqlite3_stmt *st = prepare_period(c, editors_sql, d);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct stats_editor *e = XPUSH(d->editors, d->neditors);
		e->id = sqlite3_column_int64(st, 0);
		e->name = col_text(st, 1);
		e->approved = sqlite3_column_int(st, 2);
		e->changes = sqlite3_column_int(st, 3);
		e->rejected = sqlite3_column_int(st, 4);
		e->total = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int stats_load(sqlite3 *c, const struct stats_period *p, int64_t unit_id, int64_t now,
	       struct stats_dashboard *out)
{
	memset(out, 0, sizeof *out);
	out->period = *p;
	out->unit_id = unit_id;
	out->now = now;
	/* One read transaction, so every figure describes the same moment. */
	if (db_execf(c, "BEGIN", "") < 0)
		return -1;
	int rc = (load_units(c, out) < 0 || load_publications(c, out) < 0 || load_queue(c, out) < 0 ||
		  load_silent(c, out) < 0 || load_editors(c, out) < 0)
			 ? -1
			 : 0;
	db_execf(c, "COMMIT", "");
	return rc;
}

void stats_dashboard_free(struct stats_dashboard *d)
{
	for (int i = 0; i < d->nunits; i++) {
		free(d->units[i].code);
		free(d->units[i].name);
	}
	for (int i = 0; i < d->nqueue; i++) {
		free(d->queue[i].title);
		free(d->queue[i].unit_code);
		free(d->queue[i].unit_name);
		free(d->queue[i].state);
		free(d->queue[i].assigned_name);
	}
	for (int i = 0; i < d->nsilent; i++) {
		free(d->silent[i].code);
		free(d->silent[i].name);
	}
	for (int i = 0; i < d->neditors; i++)
		free(d->editors[i].name);
	free(d->units);
	free(d->durations);
	free(d->weekly);
	free(d->queue);
	free(d->silent);
	free(d->editors);
	memset(d, 0, sizeof *d);
}
