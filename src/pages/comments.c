/* The conversation on a request (POST /requests/ID/comments and the thread on the request
 * page), the request's audit trail for staff, and the whole audit log for admins
 * (/admin/audit, filtered and keyset-paged). Internal notes never reach a contributor: the
 * query that reads a contributor's thread leaves them out. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/comment.h"
#include "core/release.h"
#include "core/session.h"
#include "core/user.h"
#include "core/workflow.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/clock.h"
#include "view/datefmt.h"

#define AUDIT_ON_REQUEST 50 /* entries on the request page; admins follow a link for more */
#define AUDIT_PER_PAGE 50

/* --- access --- */

static int is_staff(const struct auth *u)
{
	return u->role == ROLE_EDITOR || u->role == ROLE_ADMIN;
}

/* The internal field: 0 (absent, "" or "0"), 1 ("1"), -1 for anything else. */
static int internal_field(struct req *r)
{
	const char *v = req_form(r, "internal");
	if (!v || !*v || strcmp(v, "0") == 0)
		return 0;
	return strcmp(v, "1") == 0 ? 1 : -1;
}

/* --- labels --- */

static const struct {
	const char *action, *label;
} action_labels[] = {
	{ "create", "Membuat permintaan" },
	{ "edit", "Mengubah isi" },
	{ "submit", "Mengajukan ke Humas" },
	{ "claim", "Mengambil untuk ditinjau" },
	{ "request-changes", "Meminta perbaikan" },
	{ "reject", "Menolak" },
	{ "approve", "Menyetujui" },
	{ "unschedule", "Membatalkan jadwal" },
	{ "unpublish", "Menarik dari publikasi" },
	{ "withdraw", "Membatalkan permintaan" },
	{ "publish-due", "Terbit sesuai jadwal" },
	{ "assign", "Menugaskan peninjau" },
	{ "correct", "Menerbitkan koreksi" },
	{ "convert", "Membuat siaran pers dari undangan" },
	{ "comment", "Menulis komentar" },
	{ "internal_note", "Menulis catatan internal" },
	{ "login", "Masuk" },
	{ "login_failed", "Gagal masuk" },
	{ "login_locked", "Masuk ditolak (akun terkunci)" },
};
#define NLABELS (sizeof action_labels / sizeof action_labels[0])

/* An Indonesian label for an audit action; actions not listed show as they are stored. The
 * list is also the suggestions of the action filter on /admin/audit. */
static const char *action_label(const char *action)
{
	for (size_t i = 0; i < NLABELS; i++)
		if (strcmp(action_labels[i].action, action) == 0)
			return action_labels[i].label;
	return action;
}

/* The detail as the interface says it: "draft -> submitted" with the states' labels, "version 3",
 * "comment 12" and "from request 7" in Indonesian; anything else (free text) unchanged. */
static void detail_text(const char *detail, char *out, size_t n)
{
	char from[32], to[32];
	long long num;
	int a, b, end = 0;
	/* The details are written by this program (audit_log callers) with numbers that fit. */
	/* NOLINTBEGIN(cert-err34-c) */
	if (sscanf(detail, "%31[a-z_] -> %31[a-z_]%n", from, to, &end) == 2 && !detail[end] &&
	    (a = workflow_state_parse(from)) >= 0 && (b = workflow_state_parse(to)) >= 0)
		snprintf(out, n, "%s → %s", workflow_state_label((enum wf_state)a),
			 workflow_state_label((enum wf_state)b));
	else if (sscanf(detail, "version %lld%n", &num, &end) == 1 && !detail[end])
		snprintf(out, n, "versi %lld", num);
	else if (sscanf(detail, "comment %lld%n", &num, &end) == 1 && !detail[end])
		snprintf(out, n, "komentar #%lld", num);
	else if (sscanf(detail, "from request %lld%n", &num, &end) == 1 && !detail[end])
		snprintf(out, n, "dari permintaan #%lld", num);
	else
		snprintf(out, n, "%s", detail);
	/* NOLINTEND(cert-err34-c) */
}

/* An Indonesian name for an object type; others show as stored. */
static const char *object_label(const char *type)
{
	if (strcmp(type, "request") == 0)
		return "Permintaan";
	if (strcmp(type, "user") == 0)
		return "Pengguna";
	return type;
}

static void fill_entry(struct tmpl_dict *e, const struct audit_entry *a, int with_client)
{
	tmpl_set_int(e, "A_ID", a->id);
	page_set_time(e, "A_AT", a->at, datefmt_short);
	page_set_time(e, "A_AT_ISO", a->at, datefmt_rfc3339);
	if (a->actor_name) {
		tmpl_set(e, "A_ACTOR", a->actor_name);
		tmpl_set(tmpl_add_section(e, "A_HAS_EMAIL"), "A_ACTOR_EMAIL", a->actor_email);
	} else {
		/* A login for an e-mail without an account has no actor; everything else without
		 * one was done by the system (the scheduler, the command line). */
		tmpl_set(e, "A_ACTOR", strcmp(a->object_type, "user") == 0 ? "Tidak dikenal" : "Sistem");
	}
	tmpl_set(e, "A_ACTION", a->action);
	tmpl_set(e, "A_ACTION_LABEL", action_label(a->action));
	char detail[AUDIT_DETAIL_MAX + 64];
	detail_text(a->detail, detail, sizeof detail);
	tmpl_set(e, "A_DETAIL", detail);
	if (with_client)
		tmpl_set(tmpl_add_section(e, "A_CLIENT_CELL"), "A_CLIENT", a->client);
}

/* --- the thread on the request page --- */

/* Whether this request is a comment POST: when page_comment_add refuses one and answers with
 * the request page, the box shows again what was typed and why it was refused. */
static int is_comment_post(const struct req *r)
{
	size_t n = strlen(r->path);
	return strcmp(r->method, "POST") == 0 && n > 9 && strcmp(r->path + n - 9, "/comments") == 0;
}

static void fill_thread(struct tmpl_dict *cd, struct req *r, sqlite3 *c, const struct release *rel)
{
	const struct auth *u = r->user;
	int staff = is_staff(u);
	struct comment_list list;
	if (comment_list(c, rel->id, staff ? 1 : 0, &list) < 0) {
		tmpl_show(cd, "LOAD_ERROR");
		comment_list_free(&list);
		return;
	}
	tmpl_set_int(cd, "COMMENT_COUNT", list.n);
	if (list.n)
		tmpl_show(cd, "HAS_COMMENTS");
	else
		tmpl_show(cd, "EMPTY");
	for (int i = 0; i < list.n; i++) {
		const struct comment *m = &list.items[i];
		struct tmpl_dict *e = tmpl_add_section(cd, "COMMENT");
		tmpl_set_int(e, "C_ID", m->id);
		tmpl_set(e, "C_AUTHOR", m->author_name);
		tmpl_set(e, "C_ROLE", m->author_role ? user_role_name(m->author_role) : "unknown");
		tmpl_set(e, "C_ROLE_LABEL", m->author_role ? user_role_label(m->author_role) : "");
		page_set_time(e, "C_AT", m->created_at, datefmt_short);
		page_set_time(e, "C_AT_ISO", m->created_at, datefmt_rfc3339);
		tmpl_set(e, "C_BODY", m->body);
		if (m->internal)
			tmpl_show(e, "INTERNAL");
		if (m->author_id == u->user_id)
			tmpl_show(e, "OWN");
	}
	comment_list_free(&list);
}

static void fill_form(struct tmpl_dict *cd, struct req *r)
{
	int staff = is_staff(r->user);
	tmpl_show(cd, staff ? "STAFF_HINT" : "UNIT_HINT");
	struct tmpl_dict *opt = NULL;
	if (staff)
		opt = tmpl_add_section(cd, "INTERNAL_OPTION");
	if (!is_comment_post(r))
		return;
	const char *why = NULL;
	char *clean = comment_clean(req_form(r, "body"), &why);
	free(clean);
	const char *typed = req_form(r, "body");
	tmpl_set(cd, "BODY_VALUE", typed ? typed : "");
	if (why)
		tmpl_set(tmpl_add_section(cd, "FORM_ERROR"), "MESSAGE", why);
	if (opt && internal_field(r) == 1)
		tmpl_show(opt, "INTERNAL_CHECKED");
}

static void fill_audit(struct tmpl_dict *cd, struct req *r, sqlite3 *c, const struct release *rel)
{
	const struct auth *u = r->user;
	if (!is_staff(u))
		return; /* contributors have the history of transitions; the trail is the office's */
	int admin = u->role == ROLE_ADMIN;
	struct audit_filter f;
	memset(&f, 0, sizeof f);
	f.object_type = "request";
	f.object_id = rel->id;
	f.limit = AUDIT_ON_REQUEST;
	struct audit_list list;
	struct tmpl_dict *ad = tmpl_add_section(cd, "AUDIT");
	if (audit_query(c, &f, &list) < 0) {
		tmpl_show(ad, "AUDIT_ERROR");
		audit_list_free(&list);
		return;
	}
	if (list.n) {
		struct tmpl_dict *tbl = tmpl_add_section(ad, "AUDIT_TABLE");
		if (admin)
			tmpl_show(tbl, "SHOW_CLIENT");
		for (int i = 0; i < list.n; i++)
			fill_entry(tmpl_add_section(tbl, "ENTRY"), &list.items[i], admin);
	} else {
		tmpl_show(ad, "AUDIT_EMPTY");
	}
	if (list.more)
		tmpl_set_int(tmpl_add_section(ad, "MORE"), "AUDIT_LIMIT", AUDIT_ON_REQUEST);
	if (admin)
		tmpl_show(ad, "ADMIN_LINK");
	audit_list_free(&list);
}

void page_comments_fill(struct tmpl_dict *d, struct req *r, sqlite3 *c, const struct release *rel)
{
	if (!r->user || !c)
		return;
	struct tmpl_dict *cd = tmpl_include(d, "COMMENTS", "requests/comments.tpl");
	tmpl_set_int(cd, "REQ_ID", rel->id);
	fill_thread(cd, r, c, rel);
	fill_form(cd, r);
	fill_audit(cd, r, c, rel);
}

/* --- POST /requests/ID/comments --- */

void page_comment_add(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel = NULL;
	char *body = NULL;
	if (!page_request_load(r, s, c, &rel))
		return;
	int internal = internal_field(r);
	if (internal < 0) {
		page_error(r, s, 400, "Nilai catatan internal tidak valid.");
		goto out;
	}
	if (internal && !is_staff(r->user)) {
		page_error(r, s, 403, "Hanya editor Humas yang dapat menulis catatan internal.");
		goto out;
	}
	const char *why = NULL;
	body = comment_clean(req_form(r, "body"), &why);
	if (!body) {
		(void)why; /* the comment form shows the message beside the box */
		page_requests_show(r, s, 422, c, rel);
		goto out;
	}
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		goto out;
	if (comment_add(w, rel->id, r->user->user_id, body, internal, r->client, clock_now()) < 0) {
		page_write_abort(r, s, 500, NULL);
		goto out;
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/requests/%lld#komentar", (long long)rel->id);
	page_commit_redirect(r, s, loc);
out:
	free(body);
	release_free(rel);
}

/* --- GET /admin/audit --- */

/* The filters as given (for the form and the next-page link) and as parsed. */
struct audit_params {
	const char *actor, *action, *object_type, *object_id, *from, *to, *after, *limit;
	struct audit_filter f;
};

static const char *param(struct req *r, const char *name)
{
	const char *v = req_query(r, name);
	return v ? v : "";
}

/* A YYYY-MM-DD date as the Unix time of its WIB midnight; -1 when malformed. */
static int64_t wib_midnight(const char *s)
{
	int y, m, d;
	int64_t t;
	char local[24];
	if (datefmt_parse_date(s, &y, &m, &d) < 0)
		return -1;
	snprintf(local, sizeof local, "%04d-%02d-%02dT00:00", y, m, d);
	return datefmt_parse_local(local, &t) < 0 ? -1 : t;
}

/* Reads the filters. Returns NULL, or an Indonesian message for the first invalid one. */
static const char *parse_audit_params(struct req *r, struct audit_params *p)
{
	memset(p, 0, sizeof *p);
	p->actor = param(r, "actor");
	p->action = param(r, "action");
	p->object_type = param(r, "object_type");
	p->object_id = param(r, "object_id");
	p->from = param(r, "from");
	p->to = param(r, "to");
	p->after = param(r, "after");
	p->limit = param(r, "limit");
	struct audit_filter *f = &p->f;
	f->limit = AUDIT_PER_PAGE;
	if (*p->actor) {
		if (strchr(p->actor, '@')) {
			if (!user_email_valid(p->actor))
				return "Pelaku: alamat e-mail tidak valid.";
			f->actor_email = p->actor;
		} else if (!(f->actor_id = page_parse_id(p->actor))) {
			return "Pelaku: isi alamat e-mail atau nomor pengguna.";
		}
	}
	if (*p->action) {
		if (!audit_name_valid(p->action))
			return "Tindakan tidak valid (huruf kecil, angka, - dan _).";
		f->action = p->action;
	}
	if (*p->object_type) {
		if (!audit_name_valid(p->object_type))
			return "Jenis objek tidak valid (huruf kecil, angka, - dan _).";
		f->object_type = p->object_type;
	}
	if (*p->object_id && !(f->object_id = page_parse_id(p->object_id)))
		return "Nomor objek harus berupa angka.";
	if (*p->from && (f->from = wib_midnight(p->from)) < 0)
		return "Tanggal awal tidak valid (format TTTT-BB-HH).";
	if (*p->to) {
		int64_t t = wib_midnight(p->to);
		if (t < 0)
			return "Tanggal akhir tidak valid (format TTTT-BB-HH).";
		f->until = t + 24 * 3600; /* the whole last day */
		if (f->from && f->until <= f->from)
			return "Tanggal akhir harus sama dengan atau sesudah tanggal awal.";
	}
	if (*p->after && !(f->before = page_parse_id(p->after)))
		return "Penanda halaman tidak valid.";
	if (*p->limit) {
		int64_t v = page_parse_id(p->limit);
		if (v < 1 || v > AUDIT_PAGE_MAX)
			return "Batas jumlah tidak valid.";
		f->limit = (int)v;
	}
	return NULL;
}

void page_admin_audit(struct req *r, struct resp *s)
{
	/* The route admits admins only; checked again because the page shows every address. */
	if (r->user->role != ROLE_ADMIN) {
		page_error(r, s, 403, NULL);
		return;
	}
	sqlite3 *c = req_db(r);
	if (!c) {
		page_error(r, s, 500, NULL);
		return;
	}
	struct audit_params p;
	const char *problem = parse_audit_params(r, &p);
	struct audit_list list;
	memset(&list, 0, sizeof list);
	if (!problem && audit_query(c, &p.f, &list) < 0) {
		audit_list_free(&list);
		page_error(r, s, 500, NULL);
		return;
	}
	struct page pg;
	struct tmpl_dict *d = page_begin(&pg, r, "Log audit", "admin/audit.tpl");
	tmpl_set(d, "F_ACTOR", p.actor);
	tmpl_set(d, "F_ACTION", p.action);
	tmpl_set(d, "F_OBJECT_TYPE", p.object_type);
	tmpl_set(d, "F_OBJECT_ID", p.object_id);
	tmpl_set(d, "F_FROM", p.from);
	tmpl_set(d, "F_TO", p.to);
	tmpl_set(d, "F_LIMIT", p.limit);
	for (size_t i = 0; i < NLABELS; i++) {
		struct tmpl_dict *o = tmpl_add_section(d, "ACTION_OPTION");
		tmpl_set(o, "VALUE", action_labels[i].action);
		tmpl_set(o, "LABEL", action_labels[i].label);
	}
	int status = 200;
	if (problem) {
		tmpl_set(tmpl_add_section(d, "PROBLEM"), "MESSAGE", problem);
		status = 400;
	} else {
		struct tmpl_dict *res = tmpl_add_section(d, "RESULTS");
		tmpl_set_int(res, "SHOWN", list.n);
		for (int i = 0; i < list.n; i++) {
			const struct audit_entry *a = &list.items[i];
			struct tmpl_dict *e = tmpl_add_section(res, "ENTRY");
			fill_entry(e, a, 1);
			tmpl_set(e, "A_OBJECT_TYPE", object_label(a->object_type));
			if (a->object_id) {
				struct tmpl_dict *o = tmpl_add_section(
					e, strcmp(a->object_type, "request") == 0 ? "A_OBJECT_LINK"
										  : "A_OBJECT_ID_CELL");
				tmpl_set_int(o, "A_OBJECT_ID", a->object_id);
			}
		}
		if (list.n == 0)
			tmpl_show(res, "NONE");
		if (*p.after)
			tmpl_show(res, "CONTINUED");
		if (list.more || *p.after) {
			struct tmpl_dict *nav = tmpl_add_section(res, "PAGER");
			if (*p.after)
				tmpl_show(nav, "FIRST");
			if (list.more)
				tmpl_set_int(tmpl_add_section(nav, "NEXT"), "NEXT_AFTER",
					     list.items[list.n - 1].id);
		}
	}
	audit_list_free(&list);
	page_finish(&pg, r, s, status);
}
