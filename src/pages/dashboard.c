/* The dashboard: /admin/dashboard for editors and admins (every unit, or one with ?unit=CODE),
 * /dashboard for a contributor (always the contributor's own unit, whatever the query says), the
 * figures of core/stats.c as tables and server-rendered SVG charts, and every table as CSV. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/release.h"
#include "core/session.h"
#include "core/stats.h"
#include "core/user.h"
#include "core/workflow.h"
#include "pages/page.h"
#include "pages/pages.h"
#include "util/clock.h"
#include "util/csv.h"
#include "util/xmalloc.h"
#include "view/chart.h"
#include "view/datefmt.h"

#define CHART_W 480.0
#define UNITS_IN_CHART 20
#define QUEUE_SHOWN 10

/* What a dashboard request asks for, after validation. */
struct dash {
	struct stats_period period;
	struct stats_period_errors err;
	const char *unit_err;  /* an unknown ?unit= (staff) */
	int64_t unit_id;       /* 0 = every unit */
	char *unit_code, *unit_name;
	int contributor;       /* the contributor's own view */
	const char *base;      /* "/admin/dashboard" or "/dashboard" */
};

static void dash_free(struct dash *q)
{
	free(q->unit_code);
	free(q->unit_name);
}

/* Reads the period and the unit. Returns 0, -1 (invalid: messages in q) or -2 (database). */
static int dash_parse(struct req *r, struct dash *q, int contributor)
{
	memset(q, 0, sizeof *q);
	q->contributor = contributor;
	q->base = contributor ? "/dashboard" : "/admin/dashboard";
	int bad = stats_period_parse(req_query(r, "period"), req_query(r, "from"), req_query(r, "to"),
				     clock_now(), &q->period, &q->err);
	if (contributor) {
		if (!r->user->unit_id)
			return -2;
		/* Scoped on the server: a contributor's figures are always the own unit's. */
		q->unit_id = r->user->unit_id;
		q->unit_code = xstrdup(r->user->unit_code ? r->user->unit_code : "");
		q->unit_name = xstrdup(r->user->unit_name ? r->user->unit_name : "");
		return bad;
	}
	const char *code = req_query(r, "unit");
	if (code && *code) {
		char *name = NULL;
		int found = strlen(code) > 64 ? 0 : release_unit_by_code(req_db(r), code, &q->unit_id, &name);
		if (found < 0)
			return -2;
		if (!found) {
			q->unit_err = "Unit tidak dikenal.";
			return -1;
		}
		q->unit_code = xstrdup(code);
		q->unit_name = name;
	}
	return bad;
}

/* "3 hari 4 jam", "5 jam 12 menit", "45 menit", rounded to the minute. */
static void fmt_duration(double seconds, char *out, size_t n)
{
	int64_t m = (int64_t)llround(seconds / 60.0);
	if (m < 1)
		snprintf(out, n, "< 1 menit");
	else if (m < 60)
		snprintf(out, n, "%" PRId64 " menit", m);
	else if (m < 24 * 60 && m % 60)
		snprintf(out, n, "%" PRId64 " jam %" PRId64 " menit", m / 60, m % 60);
	else if (m < 24 * 60)
		snprintf(out, n, "%" PRId64 " jam", m / 60);
	else if ((m / 60) % 24)
		snprintf(out, n, "%" PRId64 " hari %" PRId64 " jam", m / 1440, (m / 60) % 24);
	else
		snprintf(out, n, "%" PRId64 " hari", m / 1440);
}

static void set_duration(struct tmpl_dict *d, const char *key, int known, double seconds)
{
	char buf[64];
	if (!known) {
		tmpl_set(d, key, "—");
		return;
	}
	fmt_duration(seconds, buf, sizeof buf);
	tmpl_set(d, key, buf);
}

static void set_num(struct tmpl_dict *d, const char *key, double v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.1f", v);
	tmpl_set(d, key, buf);
}

/* "7 Sep" for the week starting at t. */
static void short_day(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	snprintf(out, n, "%d %.3s", tm.day, datefmt_month_name(tm.month));
}

static void iso_day(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	snprintf(out, n, "%04d-%02d-%02d", tm.year % 10000, tm.month, tm.day);
}

/* --- charts --- */

/* The values every chart template has: its size, id, title and description. */
static void set_chart(struct tmpl_dict *c, double width, double height, const char *id,
		      const char *title, const char *desc)
{
	set_num(c, "W", width);
	set_num(c, "H", height);
	tmpl_set(c, "ID", id);
	tmpl_set(c, "TITLE", title);
	tmpl_set(c, "DESC", desc);
}

/* A bar: its series (S, for the colour) and rectangle. */
static void set_bar(struct tmpl_dict *k, int series, const struct chart_rect *b)
{
	tmpl_set_int(k, "S", series);
	set_num(k, "X", b->x);
	set_num(k, "Y", b->y);
	set_num(k, "BW", b->w);
	set_num(k, "BH", b->h);
}

/* Vertical columns (include name in parent) with labels[i] under column i and tips[i] as its
 * tooltip; the values are written on the columns when show_values. */
static void fill_columns(struct tmpl_dict *parent, const char *name, const char *id,
			 const char *title, const char *desc, const int64_t *values, int n,
			 char labels[][24], char tips[][96], int show_values, double label_width)
{
	struct tmpl_dict *c = tmpl_include(parent, name, "dashboard/columns.tpl");
	struct chart_columns g;
	chart_columns_layout(&g, values, n, CHART_W, 220, label_width);
	set_chart(c, g.width, g.height, id, title, desc);
	set_num(c, "X1", g.left);
	set_num(c, "X2", g.right);
	set_num(c, "ZERO", g.bottom);
	for (int t = 0; t < g.axis.nticks; t++) {
		struct tmpl_dict *k = tmpl_add_section(c, "TICK");
		set_num(k, "Y", g.axis.pos[t]);
		set_num(k, "LX", g.left - 6);
		tmpl_set_int(k, "LABEL", t * g.axis.step);
	}
	for (int i = 0; i < n; i++) {
		const struct chart_rect *b = &g.bars[i];
		struct tmpl_dict *k = tmpl_add_section(c, "BAR");
		set_bar(k, 1, b);
		tmpl_set(k, "TIP", tips[i]);
		if (show_values && values[i] > 0) {
			struct tmpl_dict *v = tmpl_add_section(c, "VALUE");
			set_num(v, "X", g.centre[i]);
			set_num(v, "Y", b->y - 4);
			tmpl_set_int(v, "TEXT", values[i]);
		}
		if (i % g.label_every == 0) {
			struct tmpl_dict *l = tmpl_add_section(c, "XLABEL");
			set_num(l, "X", g.centre[i]);
			set_num(l, "Y", g.bottom + 8);
			tmpl_set(l, "TEXT", labels[i]);
		}
	}
	chart_columns_free(&g);
}

static const char *const series_label[3] = { "Diajukan", "Terbit", "Ditolak" };

/* Horizontal bars per unit: submitted, published, rejected. */
static void fill_unit_chart(struct tmpl_dict *parent, const struct stats_dashboard *d, int n)
{
	struct tmpl_dict *c = tmpl_include(parent, "CHART_UNITS", "dashboard/hbars.tpl");
	int64_t *v = xcalloc((size_t)(n ? n : 1) * 3, sizeof *v);
	for (int i = 0; i < n; i++) {
		v[i * 3] = d->units[i].submitted;
		v[i * 3 + 1] = d->units[i].published;
		v[i * 3 + 2] = d->units[i].rejected;
	}
	struct chart_hbars g;
	chart_hbars_layout(&g, v, n, 3, CHART_W, 140);
	char desc[160];
	snprintf(desc, sizeof desc,
		 "Diagram batang mendatar untuk %d unit, satu baris per unit, tiga batang: diajukan, "
		 "terbit, ditolak. Angkanya ada di tabel di bawah.", n);
	set_chart(c, g.width, g.height, "chart-units",
		  "Diajukan, terbit dan ditolak per perangkat daerah", desc);
	set_num(c, "X0", g.left);
	set_num(c, "Y1", g.top);
	set_num(c, "Y2", g.bottom);
	for (int t = 0; t < g.axis.nticks; t++) {
		struct tmpl_dict *k = tmpl_add_section(c, "TICK");
		set_num(k, "X", g.axis.pos[t]);
		set_num(k, "LY", g.bottom + 16);
		tmpl_set_int(k, "LABEL", t * g.axis.step);
	}
	for (int i = 0; i < n; i++) {
		struct tmpl_dict *row = tmpl_add_section(c, "ROW");
		set_num(row, "LX", g.left - 8);
		set_num(row, "LY", g.label_y[i]);
		tmpl_set(row, "TEXT", d->units[i].code);
		tmpl_set(row, "FULL", d->units[i].name);
		for (int s = 0; s < 3; s++) {
			const struct chart_rect *b = &g.bars[i * 3 + s];
			struct tmpl_dict *k = tmpl_add_section(row, "BAR");
			set_bar(k, s, b);
			set_num(k, "VX", b->x + b->w + 4);
			set_num(k, "VY", b->y + b->h - 1);
			tmpl_set_int(k, "VALUE", v[i * 3 + s]);
			char tip[200];
			snprintf(tip, sizeof tip, "%s — %s: %" PRId64, d->units[i].name, series_label[s],
				 v[i * 3 + s]);
			tmpl_set(k, "TIP", tip);
		}
	}
	struct tmpl_dict *legend = tmpl_add_section(c, "LEGEND");
	for (int s = 0; s < 3; s++) {
		struct tmpl_dict *it = tmpl_add_section(legend, "ITEM");
		tmpl_set_int(it, "S", s);
		tmpl_set(it, "TEXT", series_label[s]);
	}
	chart_hbars_free(&g);
	free(v);
}

static void fill_weekly(struct tmpl_dict *f, const struct stats_dashboard *d)
{
	int n = d->nweeks;
	int64_t *v = xcalloc((size_t)(n ? n : 1), sizeof *v);
	char(*labels)[24] = xcalloc((size_t)(n ? n : 1), sizeof *labels);
	char(*tips)[96] = xcalloc((size_t)(n ? n : 1), sizeof *tips);
	int64_t best = 0;
	int total = 0;
	for (int i = 0; i < n; i++) {
		int64_t start = d->week0 + (int64_t)i * STATS_WEEK;
		v[i] = d->weekly[i];
		total += d->weekly[i];
		if (v[i] > best)
			best = v[i];
		short_day(start, labels[i], sizeof labels[i]);
		char date[64];
		datefmt_date(start, date, sizeof date);
		snprintf(tips[i], sizeof tips[i], "Minggu mulai %s: %" PRId64 " terbit", date, v[i]);
		struct tmpl_dict *w = tmpl_add_section(f, "WEEK");
		char iso[16];
		iso_day(start, iso, sizeof iso);
		tmpl_set(w, "ISO", iso);
		tmpl_set(w, "LABEL", date);
		tmpl_set_int(w, "N", v[i]);
	}
	char desc[200];
	snprintf(desc, sizeof desc,
		 "Diagram kolom, satu kolom per minggu (mulai Senin), %d minggu: %d publikasi, paling "
		 "banyak %" PRId64 " dalam satu minggu.", n, total, best);
	fill_columns(f, "CHART_WEEKLY", "chart-weekly", "Publikasi per minggu", desc, v, n, labels,
		     tips, n <= 16, 48);
	free(v);
	free(labels);
	free(tips);
}

/* A histogram over buckets (include name), with its table rows in section row. */
static void fill_histogram(struct tmpl_dict *f, const char *name, const char *id,
			   const char *title, const char *what, const char *row,
			   const struct stats_bucket *b, int nb, const int *counts)
{
	int64_t v[16];
	char labels[16][24];
	char tips[16][96];
	int total = 0;
	for (int i = 0; i < nb; i++) {
		v[i] = counts[i];
		total += counts[i];
		snprintf(labels[i], sizeof labels[i], "%s", b[i].label);
		snprintf(tips[i], sizeof tips[i], "%s: %d %s", b[i].label, counts[i], what);
		struct tmpl_dict *r = tmpl_add_section(f, row);
		tmpl_set(r, "LABEL", b[i].label);
		tmpl_set_int(r, "N", counts[i]);
	}
	char desc[600];
	int len = snprintf(desc, sizeof desc, "Diagram kolom, %d %s menurut rentang waktu:", total, what);
	for (int i = 0; i < nb && len > 0 && (size_t)len < sizeof desc; i++)
		len += snprintf(desc + len, sizeof desc - (size_t)len, "%s %s %d", i ? "," : "",
				b[i].label, counts[i]);
	if (len > 0 && (size_t)len < sizeof desc - 1)
		snprintf(desc + len, sizeof desc - (size_t)len, ".");
	fill_columns(f, name, id, title, desc, v, nb, labels, tips, 1, 0);
}

/* --- the page --- */

static void period_label(const struct stats_period *p, char *out, size_t n)
{
	char a[64], b[64];
	datefmt_date(p->from, a, sizeof a);
	datefmt_date(p->until - STATS_DAY, b, sizeof b);
	if (p->days == 1)
		snprintf(out, n, "%s", a);
	else
		snprintf(out, n, "%s – %s", a, b);
}

static const struct {
	const char *value, *label;
} presets[] = {
	{ "7d", "7 hari terakhir" },   { "30d", "30 hari terakhir" }, { "90d", "90 hari terakhir" },
	{ "month", "Bulan ini" },      { "prev-month", "Bulan lalu" }, { "year", "Tahun ini" },
};

static void add_error(struct tmpl_dict *d, struct tmpl_dict **summary, const char *field,
		      const char *message)
{
	if (!*summary)
		*summary = tmpl_add_section(d, "ERRORS");
	struct tmpl_dict *e = tmpl_add_section(*summary, "ERROR");
	tmpl_set(e, "FIELD_ID", field);
	tmpl_set(e, "MESSAGE", message);
}

static void fill_figures(struct tmpl_dict *f, const struct dash *q, const struct stats_dashboard *d)
{
	tmpl_set_int(f, "SUBMITTED", d->submitted);
	tmpl_set_int(f, "PUBLISHED", d->published);
	tmpl_set_int(f, "REJECTED", d->rejected);
	set_duration(f, "MEDIAN", d->ndur, d->median);
	set_duration(f, "P90", d->ndur, d->p90);
	tmpl_set_int(f, "QUEUE_N", d->nqueue);
	if (d->nqueue)
		set_duration(tmpl_add_section(f, "OLDEST"), "OLDEST_AGE", 1,
			     (double)(d->now - d->queue[0].submitted_at));

	/* Per unit */
	int in_chart = d->nunits < UNITS_IN_CHART ? d->nunits : UNITS_IN_CHART;
	if (d->nunits) {
		struct tmpl_dict *uc = tmpl_add_section(f, "UNITS_CHART");
		fill_unit_chart(uc, d, in_chart);
		if (in_chart < d->nunits) {
			struct tmpl_dict *cut = tmpl_add_section(uc, "UNITS_CUT");
			tmpl_set_int(cut, "SHOWN", in_chart);
			tmpl_set_int(cut, "ALL", d->nunits);
		}
	} else {
		tmpl_show(f, "NO_UNITS");
	}
	for (int i = 0; i < d->nunits; i++) {
		const struct stats_unit *u = &d->units[i];
		struct tmpl_dict *row = tmpl_add_section(f, "UNIT");
		tmpl_set(row, "CODE", u->code);
		tmpl_set(row, "NAME", u->name);
		tmpl_show(row, q->contributor || q->unit_id ? "UNIT_PLAIN" : "UNIT_LINK");
		tmpl_set_int(row, "SUBMITTED", u->submitted);
		tmpl_set_int(row, "PUBLISHED", u->published);
		tmpl_set_int(row, "REJECTED", u->rejected);
		set_duration(row, "MEDIAN", u->ndur, u->median);
		set_duration(row, "P90", u->ndur, u->p90);
	}

	fill_weekly(f, d);
	fill_histogram(f, "CHART_TTP", "chart-ttp", "Sebaran waktu hingga terbit", "publikasi", "TTP",
		       stats_ttp_buckets, stats_ttp_nbuckets, d->ttp_hist);
	fill_histogram(f, "CHART_AGE", "chart-age", "Umur antrean tinjauan sekarang", "permintaan",
		       "AGE", stats_age_buckets, stats_age_nbuckets, d->age_hist);

	/* Queue, oldest first */
	int shown = d->nqueue < QUEUE_SHOWN ? d->nqueue : QUEUE_SHOWN;
	for (int i = 0; i < shown; i++) {
		const struct stats_queued *it = &d->queue[i];
		struct tmpl_dict *row = tmpl_add_section(f, "QUEUED");
		tmpl_set_int(row, "ID", it->id);
		tmpl_set(row, "TITLE", it->title);
		tmpl_set(row, "UNIT_CODE", it->unit_code);
		tmpl_set(row, "STATE", it->state);
		int st = workflow_state_parse(it->state);
		tmpl_set(row, "STATE_LABEL", st >= 0 ? workflow_state_label((enum wf_state)st) : it->state);
		page_set_time(row, "AT", it->submitted_at, datefmt_short);
		page_set_time(row, "AT_ISO", it->submitted_at, datefmt_rfc3339);
		set_duration(row, "AGE", 1, (double)(d->now - it->submitted_at));
		tmpl_set(row, "ASSIGNED", it->assigned_name ? it->assigned_name : "");
	}
	if (!d->nqueue)
		tmpl_show(f, "QUEUE_EMPTY");
	if (shown < d->nqueue) {
		struct tmpl_dict *cut = tmpl_add_section(f, "QUEUE_CUT");
		tmpl_set_int(cut, "SHOWN", shown);
		tmpl_set_int(cut, "ALL", d->nqueue);
	}

	/* Silent units */
	tmpl_set_int(f, "SILENT_N", d->nsilent);
	tmpl_set_int(f, "ACTIVE_N", d->nactive_units);
	for (int i = 0; i < d->nsilent; i++) {
		const struct stats_silent *u = &d->silent[i];
		struct tmpl_dict *row = tmpl_add_section(f, "SILENT");
		tmpl_set(row, "CODE", u->code);
		tmpl_set(row, "NAME", u->name);
		if (u->last_published) {
			struct tmpl_dict *l = tmpl_add_section(row, "LAST");
			page_set_time(l, "DATE", u->last_published, datefmt_date);
			page_set_time(l, "ISO", u->last_published, datefmt_rfc3339);
			char since[48];
			snprintf(since, sizeof since, "%" PRId64 " hari",
				 (d->period.until - u->last_published) / STATS_DAY);
			tmpl_set(row, "SINCE", since);
		} else {
			tmpl_show(row, "NEVER");
			tmpl_set(row, "SINCE", "—");
		}
	}
	if (!d->nsilent)
		tmpl_set(tmpl_add_section(f, "SILENT_NONE"), "TEXT",
			 q->unit_id ? "Unit ini terbit dalam periode ini." : "Semua unit terbit dalam periode ini.");

	/* Editors */
	for (int i = 0; i < d->neditors; i++) {
		const struct stats_editor *e = &d->editors[i];
		struct tmpl_dict *row = tmpl_add_section(f, "EDITOR");
		tmpl_set(row, "NAME", e->name);
		tmpl_set_int(row, "APPROVED", e->approved);
		tmpl_set_int(row, "CHANGES", e->changes);
		tmpl_set_int(row, "REJECTED", e->rejected);
		tmpl_set_int(row, "TOTAL", e->total);
	}
	if (!d->neditors)
		tmpl_show(f, "EDITORS_NONE");
	if (q->unit_id)
		tmpl_show(f, "ONE_UNIT");
}

/* Reads the dashboard's query into q and, when it is valid, the figures into d. Returns 0, -1
 * when the query is invalid (q.err and q.unit_err say why; d stays empty), or -2 after
 * answering 500 (q and d freed). Otherwise free both with dash_free and stats_dashboard_free. */
static int dash_load(struct req *r, struct resp *s, int contributor, struct dash *q,
		     struct stats_dashboard *d)
{
	memset(d, 0, sizeof *d);
	int rc = dash_parse(r, q, contributor);
	if (rc != -2 && req_db(r) &&
	    (rc < 0 || stats_load(req_db(r), &q->period, q->unit_id, clock_now(), d) == 0))
		return rc;
	stats_dashboard_free(d);
	dash_free(q);
	page_error(r, s, 500, NULL);
	return -2;
}

/* Adds UNIT_Q (the unit of the query, for links that keep it) to d when a staff member looks
 * at one unit. */
static void set_unit_q(struct tmpl_dict *d, const struct dash *q, int contributor)
{
	if (q->unit_id && !contributor)
		tmpl_set(tmpl_add_section(d, "UNIT_Q"), "UNIT", q->unit_code);
}

static void dashboard_page(struct req *r, struct resp *s, int contributor)
{
	struct dash q;
	struct stats_dashboard d;
	int rc = dash_load(r, s, contributor, &q, &d);
	if (rc == -2)
		return;
	struct page pg;
	struct tmpl_dict *c = page_begin(&pg, r, "Dasbor", "dashboard/dashboard.tpl");
	tmpl_set(c, "HEADING", q.unit_id ? "Dasbor unit" : "Dasbor publikasi");
	char scope[300];
	if (q.unit_id)
		snprintf(scope, sizeof scope, "%s (%s)", q.unit_name, q.unit_code);
	else
		snprintf(scope, sizeof scope, "Semua perangkat daerah");
	tmpl_set(c, "SCOPE", scope);
	tmpl_set(c, "BASE", q.base);
	tmpl_set(c, "FROM", q.period.from_s);
	tmpl_set(c, "TO", q.period.to_s);
	if (q.unit_id && !contributor)
		tmpl_show(c, "ALL_UNITS_LINK");
	set_unit_q(c, &q, contributor);
	for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++) {
		struct tmpl_dict *p = tmpl_add_section(c, "PRESET");
		tmpl_set(p, "VALUE", presets[i].value);
		tmpl_set(p, "LABEL", presets[i].label);
		if (rc == 0 && strcmp(q.period.preset, presets[i].value) == 0)
			tmpl_show(p, "CURRENT");
		set_unit_q(p, &q, contributor);
	}
	int status = 200;
	if (rc < 0) {
		struct tmpl_dict *summary = NULL;
		if (q.err.period) {
			add_error(c, &summary, "period-preset", q.err.period);
			tmpl_set(tmpl_add_section(c, "PERIOD_ERROR"), "MESSAGE", q.err.period);
		}
		if (q.err.from) {
			add_error(c, &summary, "period-from", q.err.from);
			tmpl_set(tmpl_add_section(c, "FROM_ERROR"), "MESSAGE", q.err.from);
		}
		if (q.err.to) {
			add_error(c, &summary, "period-to", q.err.to);
			tmpl_set(tmpl_add_section(c, "TO_ERROR"), "MESSAGE", q.err.to);
		}
		if (q.unit_err)
			add_error(c, &summary, "period-from", q.unit_err);
		status = 400;
	} else {
		struct tmpl_dict *po = tmpl_add_section(c, "PERIOD_OK");
		char label[160];
		period_label(&q.period, label, sizeof label);
		tmpl_set(po, "PERIOD_LABEL", label);
		tmpl_set_int(po, "PERIOD_DAYS", q.period.days);
		struct tmpl_dict *f = tmpl_add_section(c, "FIGURES");
		tmpl_set(f, "CSV_BASE", q.base);
		set_unit_q(f, &q, contributor);
		fill_figures(f, &q, &d);
	}
	stats_dashboard_free(&d);
	dash_free(&q);
	page_finish(&pg, r, s, status);
}

/* --- CSV --- */

static void csv_minutes(struct csv *c, int known, double seconds)
{
	if (known)
		csv_int(c, (int64_t)llround(seconds / 60.0));
	else
		csv_text(c, "");
}

static void csv_time(struct csv *c, int64_t t)
{
	char buf[40] = "";
	if (t)
		datefmt_rfc3339(t, buf, sizeof buf);
	csv_text(c, buf);
}

static void csv_head(struct csv *c, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_text(c, names[i]);
	csv_end_row(c);
}
#define CSV_HEAD(c, ...)                                                \
	csv_head(c, (const char *const[]){ __VA_ARGS__ },              \
		 sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

/* Writes table `name` of d; 0, or -1 when there is no such table. */
static int write_table(struct csv *c, const char *name, const struct stats_dashboard *d)
{
	if (strcmp(name, "ringkasan") == 0) {
		CSV_HEAD(c, "ukuran", "nilai");
		static const char *const keys[] = { "dari", "sampai", "diajukan", "terbit", "ditolak",
						    "publikasi_dengan_waktu_terbit", "median_menit",
						    "p90_menit", "antrean", "antrean_terlama_menit",
						    "unit_senyap", "unit_aktif" };
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
			csv_text(c, keys[i]);
			switch (i) {
			case 0: csv_text(c, d->period.from_s); break;
			case 1: csv_text(c, d->period.to_s); break;
			case 2: csv_int(c, d->submitted); break;
			case 3: csv_int(c, d->published); break;
			case 4: csv_int(c, d->rejected); break;
			case 5: csv_int(c, d->ndur); break;
			case 6: csv_minutes(c, d->ndur > 0, d->median); break;
			case 7: csv_minutes(c, d->ndur > 0, d->p90); break;
			case 8: csv_int(c, d->nqueue); break;
			case 9: csv_minutes(c, d->nqueue > 0,
					    d->nqueue ? (double)(d->now - d->queue[0].submitted_at) : 0);
				break;
			case 10: csv_int(c, d->nsilent); break;
			default: csv_int(c, d->nactive_units); break;
			}
			csv_end_row(c);
		}
	} else if (strcmp(name, "unit") == 0) {
		CSV_HEAD(c, "kode", "unit", "diajukan", "terbit", "ditolak", "median_menit", "p90_menit");
		for (int i = 0; i < d->nunits; i++) {
			const struct stats_unit *u = &d->units[i];
			csv_text(c, u->code);
			csv_text(c, u->name);
			csv_int(c, u->submitted);
			csv_int(c, u->published);
			csv_int(c, u->rejected);
			csv_minutes(c, u->ndur > 0, u->median);
			csv_minutes(c, u->ndur > 0, u->p90);
			csv_end_row(c);
		}
	} else if (strcmp(name, "mingguan") == 0) {
		CSV_HEAD(c, "minggu_mulai", "terbit");
		for (int i = 0; i < d->nweeks; i++) {
			char iso[16];
			iso_day(d->week0 + (int64_t)i * STATS_WEEK, iso, sizeof iso);
			csv_text(c, iso);
			csv_int(c, d->weekly[i]);
			csv_end_row(c);
		}
	} else if (strcmp(name, "waktu-terbit") == 0 || strcmp(name, "umur-antrean") == 0) {
		int ttp = name[0] == 'w';
		const struct stats_bucket *b = ttp ? stats_ttp_buckets : stats_age_buckets;
		int nb = ttp ? stats_ttp_nbuckets : stats_age_nbuckets;
		const int *counts = ttp ? d->ttp_hist : d->age_hist;
		CSV_HEAD(c, "rentang", "dari_menit", "sampai_menit", "jumlah");
		for (int i = 0; i < nb; i++) {
			csv_text(c, b[i].label);
			csv_int(c, b[i].lower / 60);
			if (b[i].upper)
				csv_int(c, b[i].upper / 60);
			else
				csv_text(c, "");
			csv_int(c, counts[i]);
			csv_end_row(c);
		}
	} else if (strcmp(name, "antrean") == 0) {
		CSV_HEAD(c, "nomor", "judul", "kode", "unit", "status", "diajukan", "menunggu_menit",
			 "peninjau");
		for (int i = 0; i < d->nqueue; i++) {
			const struct stats_queued *it = &d->queue[i];
			csv_int(c, it->id);
			csv_text(c, it->title);
			csv_text(c, it->unit_code);
			csv_text(c, it->unit_name);
			csv_text(c, it->state);
			csv_time(c, it->submitted_at);
			csv_minutes(c, 1, (double)(d->now - it->submitted_at));
			csv_text(c, it->assigned_name);
			csv_end_row(c);
		}
	} else if (strcmp(name, "senyap") == 0) {
		CSV_HEAD(c, "kode", "unit", "publikasi_terakhir", "hari_senyap");
		for (int i = 0; i < d->nsilent; i++) {
			const struct stats_silent *u = &d->silent[i];
			csv_text(c, u->code);
			csv_text(c, u->name);
			csv_time(c, u->last_published);
			if (u->last_published)
				csv_int(c, (d->period.until - u->last_published) / STATS_DAY);
			else
				csv_text(c, "");
			csv_end_row(c);
		}
	} else if (strcmp(name, "editor") == 0) {
		CSV_HEAD(c, "editor", "disetujui", "minta_perbaikan", "ditolak", "jumlah");
		for (int i = 0; i < d->neditors; i++) {
			const struct stats_editor *e = &d->editors[i];
			csv_text(c, e->name);
			csv_int(c, e->approved);
			csv_int(c, e->changes);
			csv_int(c, e->rejected);
			csv_int(c, e->total);
			csv_end_row(c);
		}
	} else {
		return -1;
	}
	return 0;
}

/* The unit code as it may appear in a file name ([A-Za-z0-9_-], at most 40). */
static void file_part(const char *code, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = code; *p && k + 1 < n && k < 40; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_' || *p == '-')
			out[k++] = *p;
	out[k] = '\0';
}

static void dashboard_csv(struct req *r, struct resp *s, int contributor)
{
	const char *file = r->params.v[0];
	size_t len = strlen(file);
	if (len < 5 || strcmp(file + len - 4, ".csv") != 0) {
		page_error(r, s, 404, NULL);
		return;
	}
	char name[32];
	if (len - 4 >= sizeof name) {
		page_error(r, s, 404, NULL);
		return;
	}
	memcpy(name, file, len - 4);
	name[len - 4] = '\0';
	struct dash q;
	struct stats_dashboard d;
	int rc = dash_load(r, s, contributor, &q, &d);
	if (rc == -2)
		return;
	if (rc < 0) {
		const char *why = q.err.period ? q.err.period
				  : q.err.from ? q.err.from
				  : q.err.to   ? q.err.to
					       : q.unit_err;
		stats_dashboard_free(&d);
		dash_free(&q);
		page_error(r, s, 400, why);
		return;
	}
	struct buf out = BUF_INIT;
	struct csv c;
	csv_begin(&c, &out);
	if (write_table(&c, name, &d) < 0) {
		buf_free(&out);
		stats_dashboard_free(&d);
		dash_free(&q);
		page_error(r, s, 404, NULL);
		return;
	}
	char unit[48] = "";
	if (q.unit_id)
		file_part(q.unit_code, unit, sizeof unit);
	char disp[200];
	snprintf(disp, sizeof disp, "attachment; filename=\"siaran-%s%s%s-%s-%s.csv\"", unit,
		 *unit ? "-" : "", name, q.period.from_s, q.period.to_s);
	resp_header(s, "Content-Disposition", disp);
	buf_reset(&s->body);
	buf_append(&s->body, out.data ? out.data : "", out.len);
	s->content_type = "text/csv; charset=utf-8";
	s->status = 200;
	buf_free(&out);
	stats_dashboard_free(&d);
	dash_free(&q);
}

/* --- routes --- */

void page_admin_dashboard(struct req *r, struct resp *s)
{
	dashboard_page(r, s, 0);
}

void page_admin_dashboard_csv(struct req *r, struct resp *s)
{
	dashboard_csv(r, s, 0);
}

/* A contributor's own unit; editors and admins have the whole dashboard. */
void page_unit_dashboard(struct req *r, struct resp *s)
{
	if (r->user->role != ROLE_CONTRIBUTOR) {
		resp_redirect(s, 302, "/admin/dashboard");
		return;
	}
	dashboard_page(r, s, 1);
}

void page_unit_dashboard_csv(struct req *r, struct resp *s)
{
	if (r->user->role != ROLE_CONTRIBUTOR) {
		page_error(r, s, 403, NULL);
		return;
	}
	dashboard_csv(r, s, 1);
}
