/* Revisions compared word by word: the page /requests/ID/diff, the summary on the request page
 * of what the office changed in the unit's text, and the 409 page of an edit that lost the race
 * (both versions, their differences, and the unsaved text ready to be sent again). Every piece
 * of text reaches the page through ctemplate, which escapes it. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "core/release.h"
#include "core/revision.h"
#include "core/session.h"
#include "core/user.h"
#include "core/workflow.h"
#include "pages/page.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

/* --- two contents compared field by field --- */

/* Fields without quotes, then three per quote. */
#define MAX_FIELDS (14 + 3 * RELEASE_MAX_QUOTES)

struct field_cmp {
	char label[48];
	char *a, *b; /* the field as text in the old and the new content */
	struct diff d;
};

struct comparison {
	struct field_cmp f[MAX_FIELDS];
	int n, changed;
	size_t added, removed; /* words, over all fields */
};

static const char *kind_label(const struct release *r)
{
	return release_is_advisory(r) ? "Undangan liputan" : "Siaran pers";
}

/* A time as the request page shows it; "" when unset. */
static char *time_text(int64_t t)
{
	char out[96] = "";
	if (t && datefmt_long_time(t, out, sizeof out) < 0)
		out[0] = '\0';
	return xstrdup(out);
}

/* A YYYY-MM-DD date written out ("Kamis, 20 Agustus 2026"); "" when unset. */
static char *date_text(const char *ymd)
{
	int y, m, d;
	char out[96];
	if (!ymd || !*ymd)
		return xstrdup("");
	if (datefmt_parse_date(ymd, &y, &m, &d) == 0 && datefmt_long_ymd(y, m, d, out, sizeof out) >= 0)
		return xstrdup(out);
	return xstrdup(ymd);
}

/* Adds one field; a and b are taken over (malloc'd). */
static void compare_field(struct comparison *c, const char *label, char *a, char *b)
{
	struct field_cmp *f = &c->f[c->n++];
	snprintf(f->label, sizeof f->label, "%s", label);
	f->a = a;
	f->b = b;
	diff_texts(a, b, &f->d);
	if (diff_changed(&f->d)) {
		c->changed++;
		c->added += f->d.words_added;
		c->removed += f->d.words_removed;
	}
}

static char *text_of(const char *s)
{
	return xstrdup(s ? s : "");
}

/* Compares old content a with new content b. Free with comparison_free. */
static void compare(const struct release *a, const struct release *b, struct comparison *c)
{
	memset(c, 0, sizeof *c);
	compare_field(c, "Jenis", text_of(kind_label(a)), text_of(kind_label(b)));
	compare_field(c, "Judul", text_of(a->title), text_of(b->title));
	compare_field(c, "Ringkasan", text_of(a->summary), text_of(b->summary));
	compare_field(c, "Isi siaran", text_of(a->body), text_of(b->body));
	compare_field(c, "Tanggal kegiatan", date_text(a->activity_date), date_text(b->activity_date));
	compare_field(c, "Lokasi", text_of(a->location), text_of(b->location));
	compare_field(c, "Mulai acara", time_text(a->event_start), time_text(b->event_start));
	compare_field(c, "Selesai acara", time_text(a->event_end), time_text(b->event_end));
	compare_field(c, "Alamat", text_of(a->address), text_of(b->address));
	int nq = a->nquotes > b->nquotes ? a->nquotes : b->nquotes;
	if (nq > RELEASE_MAX_QUOTES)
		nq = RELEASE_MAX_QUOTES;
	for (int i = 0; i < nq; i++) {
		const struct quote *qa = i < a->nquotes ? &a->quotes[i] : NULL;
		const struct quote *qb = i < b->nquotes ? &b->quotes[i] : NULL;
		char label[48];
		snprintf(label, sizeof label, "Kutipan %d: narasumber", i + 1);
		compare_field(c, label, text_of(qa ? qa->speaker : NULL), text_of(qb ? qb->speaker : NULL));
		snprintf(label, sizeof label, "Kutipan %d: jabatan", i + 1);
		compare_field(c, label, text_of(qa ? qa->position : NULL),
			      text_of(qb ? qb->position : NULL));
		snprintf(label, sizeof label, "Kutipan %d: isi", i + 1);
		compare_field(c, label, text_of(qa ? qa->text : NULL), text_of(qb ? qb->text : NULL));
	}
	compare_field(c, "Narahubung: nama", text_of(a->contact_name), text_of(b->contact_name));
	compare_field(c, "Narahubung: jabatan", text_of(a->contact_position),
		      text_of(b->contact_position));
	compare_field(c, "Narahubung: telepon", text_of(a->contact_phone), text_of(b->contact_phone));
	compare_field(c, "Narahubung: e-mail", text_of(a->contact_email), text_of(b->contact_email));
	compare_field(c, "Waktu terbit diminta", time_text(a->publish_at), time_text(b->publish_at));
}

static void comparison_free(struct comparison *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->f[i].a);
		free(c->f[i].b);
		diff_free(&c->f[i].d);
	}
	c->n = 0;
}

/* The legend and every changed field with its segments, into the include FIELDS of page
 * (requests/diff_fields.tpl). legend_del, legend_add: what removed and added mean here. */
static void fill_fields(struct tmpl_dict *page, const struct comparison *c, const char *legend_del,
			const char *legend_add)
{
	struct tmpl_dict *d = tmpl_include(page, "FIELDS", "requests/diff_fields.tpl");
	tmpl_set(d, "LEGEND_DEL", legend_del);
	tmpl_set(d, "LEGEND_ADD", legend_add);
	if (!c->changed)
		tmpl_show(d, "NO_CHANGES");
	struct tmpl_dict *unchanged = NULL;
	for (int i = 0; i < c->n; i++) {
		const struct field_cmp *f = &c->f[i];
		if (!diff_changed(&f->d)) {
			/* Fields empty on both sides are not worth a mention. */
			if (f->d.n) {
				if (!unchanged)
					unchanged = tmpl_add_section(d, "UNCHANGED");
				tmpl_set(tmpl_add_section(unchanged, "UNCHANGED_ITEM"), "LABEL", f->label);
			}
			continue;
		}
		struct tmpl_dict *fd = tmpl_add_section(d, "FIELD");
		tmpl_set_int(fd, "N", i + 1);
		tmpl_set(fd, "FIELD_LABEL", f->label);
		tmpl_set_int(fd, "WORDS_ADDED", (int64_t)f->d.words_added);
		tmpl_set_int(fd, "WORDS_REMOVED", (int64_t)f->d.words_removed);
		if (f->d.level != DIFF_LEVEL_WORDS)
			tmpl_set(tmpl_add_section(fd, "COARSE"), "LEVEL",
				 f->d.level == DIFF_LEVEL_LINES ? "per baris"
								: "sebagai satu bagian utuh");
		for (size_t k = 0; k < f->d.n; k++) {
			const struct diff_segment *g = &f->d.segs[k];
			struct tmpl_dict *sd = tmpl_add_section(fd, "SEG");
			tmpl_set(sd, "TEXT", g->text);
			tmpl_show(sd, g->kind == DIFF_SAME ? "SAME" : g->kind == DIFF_ADDED ? "ADD" : "DEL");
		}
	}
}

/* "Rina Editor (Editor Humas), 20 Agu 2026 09.30" for a revision. */
static void revision_label(const struct revision_info *i, char *out, size_t n)
{
	char when[64] = "";
	if (datefmt_short(i->created_at, when, sizeof when) < 0)
		when[0] = '\0';
	snprintf(out, n, "%s (%s), %s", i->author_name, user_role_label(i->author_role), when);
}

/* AUTHOR, ROLE and AT of a revision, each key with the given prefix. */
static void set_revision(struct tmpl_dict *d, const char *prefix, const struct revision_info *i)
{
	char key[32];
	snprintf(key, sizeof key, "%s_AUTHOR", prefix);
	tmpl_set(d, key, i->author_name);
	snprintf(key, sizeof key, "%s_ROLE", prefix);
	tmpl_set(d, key, user_role_label(i->author_role));
	snprintf(key, sizeof key, "%s_AT", prefix);
	page_set_time(d, key, i->created_at, datefmt_short);
}

/* --- the diff page --- */

/* A version from the query: 1 given and well-formed, 0 absent (or empty), -1 malformed. */
static int query_version(struct req *r, const char *name, int64_t *out)
{
	const char *v = req_query(r, name);
	if (!v || !*v)
		return 0;
	*out = page_parse_id(v);
	return *out ? 1 : -1;
}

static void fill_options(struct tmpl_dict *d, const char *section, const struct revision_list *revs,
			 int64_t selected, int64_t unit_version, int64_t current)
{
	/* Newest first: the recent versions are the ones compared most. */
	for (int i = revs->n - 1; i >= 0; i--) {
		const struct revision_info *ri = &revs->items[i];
		char who[160], label[240];
		revision_label(ri, who, sizeof who);
		snprintf(label, sizeof label, "Versi %lld%s — %s", (long long)ri->version,
			 ri->version == current ? " (terkini)"
			 : ri->version == unit_version ? " (teks unit)" : "", who);
		struct tmpl_dict *o = tmpl_add_section(d, section);
		tmpl_set_int(o, "V", ri->version);
		tmpl_set(o, "OPT_LABEL", label);
		if (ri->version == selected)
			tmpl_show(o, "SEL");
	}
}

void page_requests_diff(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel = NULL;
	struct revision_list revs = { NULL, 0 };
	struct release ra, rb;
	struct revision_info ia, ib;
	struct comparison cmp;
	memset(&ra, 0, sizeof ra);
	memset(&rb, 0, sizeof rb);
	memset(&ia, 0, sizeof ia);
	memset(&ib, 0, sizeof ib);
	memset(&cmp, 0, sizeof cmp);

	int64_t id = page_parse_id(r->params.v[0]);
	int found = !id ? 0 : c ? release_load(c, id, &rel) : -1;
	if (found < 0) {
		page_error(r, s, 500, NULL);
		goto out;
	}
	if (found == 0 || !page_request_visible(r->user, rel)) {
		page_error(r, s, 404, NULL);
		goto out;
	}
	int64_t from = 0, to = rel->version, unit_version = 0;
	int qf = query_version(r, "from", &from), qt = query_version(r, "to", &to);
	if (qf < 0 || qt < 0) {
		page_error(r, s, 400, "Nomor versi tidak valid.");
		goto out;
	}
	int uv = revision_unit_version(c, rel->id, &unit_version);
	if (uv < 0 || revision_list_load(c, rel->id, &revs) < 0) {
		page_error(r, s, 500, NULL);
		goto out;
	}
	if (!uv)
		unit_version = 0;
	if (!qf)
		from = unit_version ? unit_version : 1;
	if (!revision_list_find(&revs, from) || !revision_list_find(&revs, to)) {
		page_error(r, s, 400, "Versi yang diminta tidak ada pada permintaan ini.");
		goto out;
	}
	if (revision_load(c, rel->id, from, &ra, &ia) != 1 ||
	    revision_load(c, rel->id, to, &rb, &ib) != 1) {
		page_error(r, s, 500, NULL);
		goto out;
	}
	compare(&ra, &rb, &cmp);

	struct page p;
	char title[300];
	snprintf(title, sizeof title, "Perbandingan versi %lld dan %lld", (long long)from,
		 (long long)to);
	struct tmpl_dict *d = page_begin(&p, r, title, "requests/diff.tpl");
	tmpl_set_int(d, "REQ_ID", rel->id);
	tmpl_set(d, "REQ_TITLE", rel->title);
	tmpl_set_int(d, "FROM", from);
	tmpl_set_int(d, "TO", to);
	set_revision(d, "FROM", &ia);
	set_revision(d, "TO", &ib);
	if (from == unit_version)
		tmpl_show(d, "FROM_UNIT");
	if (to == unit_version)
		tmpl_show(d, "TO_UNIT");
	if (from == rel->version)
		tmpl_show(d, "FROM_CURRENT");
	if (to == rel->version)
		tmpl_show(d, "TO_CURRENT");
	if (from == to)
		tmpl_show(d, "SAME_VERSION");
	if (cmp.changed) {
		struct tmpl_dict *t = tmpl_add_section(d, "TOTALS");
		tmpl_set_int(t, "CHANGED_COUNT", cmp.changed);
		tmpl_set_int(t, "WORDS_ADDED", (int64_t)cmp.added);
		tmpl_set_int(t, "WORDS_REMOVED", (int64_t)cmp.removed);
	}
	fill_options(d, "FROM_OPT", &revs, from, unit_version, rel->version);
	fill_options(d, "TO_OPT", &revs, to, unit_version, rel->version);
	char del[96], add[96];
	snprintf(del, sizeof del, "ada di versi %lld, tidak ada lagi di versi %lld.",
		 (long long)from, (long long)to);
	snprintf(add, sizeof add, "belum ada di versi %lld, baru ada di versi %lld.",
		 (long long)from, (long long)to);
	fill_fields(d, &cmp, del, add);
	page_finish(&p, r, s, 200);
out:
	comparison_free(&cmp);
	release_clear(&ra);
	release_clear(&rb);
	revision_info_clear(&ia);
	revision_info_clear(&ib);
	revision_list_free(&revs);
	release_free(rel);
}

/* --- the summary on the request page --- */

void page_diff_fill(struct tmpl_dict *d, struct req *r, sqlite3 *c, const struct release *rel)
{
	if (!c || !r->user)
		return;
	/* The office always sees its own changes; the unit once the request is the office's to
	 * review or has left its hands (while it edits a draft, the text is its own). */
	int staff = r->user->role != ROLE_CONTRIBUTOR;
	int shown_state = rel->state == WF_IN_REVIEW || rel->state == WF_CHANGES_REQUESTED ||
			  rel->state == WF_SCHEDULED || rel->state == WF_PUBLISHED;
	if (!staff && !shown_state)
		return;
	int64_t unit_version;
	if (revision_unit_version(c, rel->id, &unit_version) != 1 || unit_version == rel->version)
		return;
	struct release unit;
	struct revision_info info;
	if (revision_load(c, rel->id, unit_version, &unit, &info) != 1)
		return;
	struct comparison cmp;
	compare(&unit, rel, &cmp);
	if (cmp.changed) {
		struct tmpl_dict *ch = tmpl_include(d, "CHANGES", "requests/changes.tpl");
		tmpl_set_int(ch, "REQ_ID", rel->id);
		tmpl_set_int(ch, "FROM", unit_version);
		tmpl_set_int(ch, "TO", rel->version);
		set_revision(ch, "FROM", &info);
		tmpl_set_int(ch, "CHANGED_COUNT", cmp.changed);
		tmpl_set_int(ch, "WORDS_ADDED", (int64_t)cmp.added);
		tmpl_set_int(ch, "WORDS_REMOVED", (int64_t)cmp.removed);
		if (staff && rel->state == WF_IN_REVIEW)
			tmpl_show(ch, "BEFORE_APPROVE");
		for (int i = 0; i < cmp.n; i++) {
			const struct field_cmp *f = &cmp.f[i];
			if (!diff_changed(&f->d))
				continue;
			struct tmpl_dict *it = tmpl_add_section(ch, "CHANGED");
			tmpl_set(it, "FIELD_LABEL", f->label);
			tmpl_set_int(it, "ADDED", (int64_t)f->d.words_added);
			tmpl_set_int(it, "REMOVED", (int64_t)f->d.words_removed);
		}
	}
	comparison_free(&cmp);
	release_clear(&unit);
	revision_info_clear(&info);
}

/* --- the lost race --- */

/* The non-empty fields of one side of a comparison (0: old, 1: new) as a list. */
static void fill_content(struct tmpl_dict *d, const char *section, const struct comparison *c,
			 int side)
{
	for (int i = 0; i < c->n; i++) {
		const char *v = side ? c->f[i].b : c->f[i].a;
		if (!*v)
			continue;
		struct tmpl_dict *e = tmpl_add_section(d, section);
		tmpl_set(e, "LABEL", c->f[i].label);
		tmpl_set(e, "VALUE", v);
	}
}

void page_diff_conflict(struct req *r, struct resp *s, sqlite3 *c, const struct release *stored,
			const struct release *mine)
{
	struct revision_info info;
	memset(&info, 0, sizeof info);
	/* Who saved the stored version and when, from its revision; the request row says the
	 * same when the revision cannot be read. */
	if (!c || revision_load(c, stored->id, stored->version, NULL, &info) != 1) {
		revision_info_clear(&info);
		info.version = stored->version;
		info.author_name = xstrdup(stored->updated_by_name ? stored->updated_by_name : "");
		info.author_role = 0;
		info.created_at = stored->updated_at;
	}
	struct comparison cmp;
	compare(stored, mine, &cmp);

	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Konflik penyuntingan", "requests/conflict.tpl");
	tmpl_set_int(d, "REQ_ID", stored->id);
	tmpl_set(d, "REQ_TITLE", stored->title);
	tmpl_set_int(d, "STORED_VERSION", stored->version);
	set_revision(d, "STORED", &info);
	if (info.author_role)
		tmpl_show(d, "HAS_STORED_ROLE");
	int64_t base = page_parse_id(req_form(r, "version"));
	if (base)
		tmpl_set_int(tmpl_add_section(d, "BASE"), "BASE_VERSION", base);
	fill_fields(d, &cmp, "ada di versi tersimpan, tidak ada di versi Anda.",
		    "ada di versi Anda (belum tersimpan), tidak ada di versi tersimpan.");
	fill_content(d, "STORED_FIELD", &cmp, 0);
	if (page_request_form(d, r, stored, mine) == 0) {
		tmpl_show(d, "CAN_RESEND");
	} else {
		struct tmpl_dict *ro = tmpl_add_section(d, "MINE_READONLY");
		tmpl_set(ro, "STATE_LABEL", workflow_state_label(stored->state));
		fill_content(ro, "MINE_FIELD", &cmp, 1);
	}
	page_finish(&p, r, s, 409);
	comparison_free(&cmp);
	revision_info_clear(&info);
}
