/* Unit administration for admins (/admin/units...): the list with an add form, renaming and
 * rearranging, deactivating and reactivating, and merging a unit into another. Also the unit
 * choices and the history table the user pages share. The route table allows only admins. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/session.h"
#include "core/unit.h"
#include "core/user.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

#define HISTORY_ROWS 30

void page_unit_options(struct tmpl_dict *d, const char *section, sqlite3 *c, const char *selected,
		       int64_t exclude, int active_only)
{
	struct unit_list l;
	if (!c || unit_list(c, 0, &l) < 0) {
		unit_list_free(&l);
		return;
	}
	for (int i = 0; i < l.n; i++) {
		const struct unit_row *u = &l.items[i];
		int chosen = selected && strcmp(selected, u->code) == 0;
		/* An inactive unit stays visible where it is the current value, so that saving a
		 * form does not change it silently. */
		if (u->id == exclude || (active_only && !u->active && !chosen) || u->merged_into)
			continue;
		char *label = xasprintf("%s (%s)%s", u->name, u->code, u->active ? "" : " — nonaktif");
		page_option(d, section, u->code, label, chosen);
		free(label);
	}
	unit_list_free(&l);
}

void page_admin_history(struct tmpl_dict *d, sqlite3 *c, const char *object_type, int64_t id)
{
	struct tmpl_dict *h = tmpl_include(d, "HISTORY", "admin/history.tpl");
	struct audit_filter af = { .object_type = object_type, .object_id = id, .limit = HISTORY_ROWS };
	struct audit_list al;
	if (audit_query(c, &af, &al) == 0) {
		for (int i = 0; i < al.n; i++) {
			const struct audit_entry *e = &al.items[i];
			struct tmpl_dict *row = tmpl_add_section(h, "AUDIT");
			page_set_time(row, "A_AT", e->at, datefmt_short);
			tmpl_set(row, "A_ACTOR", e->actor_name ? e->actor_name : "sistem");
			tmpl_set(row, "A_ACTION", e->action);
			tmpl_set(row, "A_DETAIL", e->detail);
		}
		if (!al.n)
			tmpl_show(h, "NO_AUDIT");
	}
	audit_list_free(&al);
}

static void status_of(const struct unit_row *u, const char **label, const char **css)
{
	*label = u->merged_into ? "Digabungkan" : u->active ? "Aktif" : "Nonaktif";
	*css = u->active ? "state-published" : "state-withdrawn";
}

/* The name, kind and parent fields (include FIELDS) filled with in. */
static void fill_fields(struct tmpl_dict *d, sqlite3 *c, const struct unit_input *in,
			int64_t self, const struct input_errors *errs)
{
	struct tmpl_dict *f = tmpl_include(d, "FIELDS", "admin/unit_fields.tpl");
	tmpl_set(f, "NAME_VALUE", in->name);
	tmpl_show(f, in->kind && strcmp(in->kind, "UKPD") == 0 ? "KIND_UKPD" : "KIND_SKPD");
	page_unit_options(f, "UNIT_OPTION", c, in->parent, self, 1);
	if (errs)
		page_input_errors(f, errs);
}

static void show_list(struct req *r, struct resp *s, int status, const struct unit_input *in,
		      const struct input_errors *errs)
{
	sqlite3 *c = req_db(r);
	struct unit_list l;
	if (!c || unit_list(c, 0, &l) < 0) {
		if (c)
			unit_list_free(&l);
		page_error(r, s, 500, NULL);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Unit", "admin/units.tpl");
	tmpl_set(d, "CODE_VALUE", in->code);
	if (errs)
		page_input_errors(d, errs);
	fill_fields(d, c, in, 0, errs);
	int64_t active = 0;
	for (int i = 0; i < l.n; i++) {
		const struct unit_row *u = &l.items[i];
		struct tmpl_dict *row = tmpl_add_section(d, "ROW");
		tmpl_set_int(row, "N_ID", u->id);
		tmpl_set(row, "N_CODE", u->code);
		tmpl_set(row, "N_NAME", u->name);
		tmpl_set(row, "N_KIND", u->kind);
		tmpl_set(row, "N_PARENT", u->parent_code ? u->parent_code : "—");
		const char *label, *css;
		status_of(u, &label, &css);
		tmpl_set(row, "N_STATUS", label);
		tmpl_set(row, "N_STATUS_CLASS", css);
		tmpl_set_int(row, "N_USERS", u->active_users);
		tmpl_set_int(row, "N_REQUESTS", u->requests);
		tmpl_set_int(row, "N_PUBLISHED", u->published);
		active += u->active;
	}
	tmpl_set_int(d, "TOTAL", l.n);
	tmpl_set_int(d, "ACTIVE", active);
	unit_list_free(&l);
	page_finish(&p, r, s, status);
}

void page_admin_units(struct req *r, struct resp *s)
{
	struct unit_input in = { "", "", "UKPD", "" };
	show_list(r, s, 200, &in, NULL);
}

static const char *field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

void page_admin_unit_create(struct req *r, struct resp *s)
{
	/* Codes are upper case; what was typed in lower case is meant the same. */
	char *code = xstrdup(field(r, "code"));
	for (char *p = code; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	struct unit_input in = { code, field(r, "name"), field(r, "kind"), field(r, "parent") };
	struct input_errors errs;
	sqlite3 *w = page_write_begin(r, s);
	if (!w) {
		free(code);
		return;
	}
	int64_t id = unit_create(w, &in, r->user->user_id, r->client, clock_now(), &errs);
	if (id <= 0) {
		db_write_rollback(r->app->db);
		if (id == 0)
			show_list(r, s, 422, &in, &errs);
		else
			page_error(r, s, 500, NULL);
		free(code);
		return;
	}
	free(code);
	char *loc = xasprintf("/admin/units/%lld?done=created", (long long)id);
	page_commit_redirect(r, s, loc);
	free(loc);
}

static void show_unit(struct req *r, struct resp *s, int status, int64_t id, const char *notice,
		      const char *refused, const struct unit_input *in,
		      const struct input_errors *errs, const char *target)
{
	sqlite3 *c = req_db(r);
	struct unit_row u;
	int found = c ? unit_get(c, id, &u) : -1;
	if (found <= 0) {
		page_error(r, s, found < 0 ? 500 : 404, found < 0 ? NULL : "Unit tidak ditemukan.");
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, u.name, "admin/unit.tpl");
	tmpl_set_int(d, "N_ID", u.id);
	tmpl_set(d, "N_NAME", u.name);
	tmpl_set(d, "N_CODE", u.code);
	tmpl_set(d, "N_KIND", u.kind);
	const char *label, *css;
	status_of(&u, &label, &css);
	tmpl_set(d, "N_STATUS", label);
	tmpl_set(d, "N_STATUS_CLASS", css);
	tmpl_set_int(d, "N_USERS", u.users);
	tmpl_set_int(d, "N_ACTIVE_USERS", u.active_users);
	tmpl_set_int(d, "N_REQUESTS", u.requests);
	tmpl_set_int(d, "N_PUBLISHED", u.published);
	page_set_notices(d, notice, refused);
	if (u.merged_into) {
		struct tmpl_dict *m = tmpl_add_section(d, "MERGED");
		tmpl_set_int(m, "MERGED_ID", u.merged_into);
		tmpl_set(m, "MERGED_CODE", u.merged_code);
	} else {
		/* A merged unit is history: nothing more to change. */
		struct tmpl_dict *e = tmpl_add_section(d, "EDITABLE");
		tmpl_show(e, u.active ? "CAN_DEACTIVATE" : "CAN_ACTIVATE");
		struct unit_input cur = { u.code, u.name, u.kind, u.parent_code ? u.parent_code : "" };
		if (errs)
			page_input_errors(e, errs);
		fill_fields(e, c, in ? in : &cur, u.id, errs);
		/* The merge choices: active units other than this one. */
		page_unit_options(e, "TARGET_OPTION", c, target, u.id, 1);
	}
	page_admin_history(d, c, "unit", id);
	unit_row_clear(&u);
	page_finish(&p, r, s, status);
}

void page_admin_unit(struct req *r, struct resp *s)
{
	int64_t id = page_parse_id(r->params.v[0]);
	if (!id) {
		page_error(r, s, 404, "Unit tidak ditemukan.");
		return;
	}
	static const struct page_notice notices[] = {
		{ "created", "Unit ditambahkan." },
		{ "saved", "Perubahan tersimpan." },
		{ "deactivated", "Unit dinonaktifkan. Riwayat dan halaman publiknya tetap ada." },
		{ "activated", "Unit diaktifkan kembali." },
		{ "merged", "Unit digabungkan: permintaan dan penggunanya sudah dipindahkan." },
	};
	const char *notice = page_done_notice(r, notices, sizeof notices / sizeof notices[0]);
	show_unit(r, s, 200, id, notice, NULL, NULL, NULL, NULL);
}

/* Unit :id of the route, or 0 after answering 404 / 500. */
static int64_t route_unit(struct req *r, struct resp *s)
{
	int64_t id = page_parse_id(r->params.v[0]);
	struct unit_row u;
	sqlite3 *c = req_db(r);
	int found = id && c ? unit_get(c, id, &u) : id ? -1 : 0;
	if (found <= 0) {
		page_error(r, s, found < 0 ? 500 : 404, found < 0 ? NULL : "Unit tidak ditemukan.");
		return 0;
	}
	int merged = u.merged_into != 0;
	unit_row_clear(&u);
	if (merged) {
		page_error(r, s, 409, "Unit ini sudah digabungkan ke unit lain dan tidak dapat diubah lagi.");
		return 0;
	}
	return id;
}

void page_admin_unit_save(struct req *r, struct resp *s)
{
	int64_t id = route_unit(r, s);
	if (!id)
		return;
	struct unit_input in = { NULL, field(r, "name"), field(r, "kind"), field(r, "parent") };
	struct input_errors errs;
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		return;
	int rc = unit_update(w, id, &in, r->user->user_id, r->client, clock_now(), &errs);
	if (rc != 0) {
		db_write_rollback(r->app->db);
		if (rc == 1)
			show_unit(r, s, 422, id, NULL, NULL, &in, &errs, NULL);
		else
			page_error(r, s, 500, NULL);
		return;
	}
	char *loc = xasprintf("/admin/units/%lld?done=saved", (long long)id);
	page_commit_redirect(r, s, loc);
	free(loc);
}

void page_admin_unit_act(struct req *r, struct resp *s)
{
	const char *action = r->params.v[1];
	int deactivate = strcmp(action, "deactivate") == 0, activate = strcmp(action, "activate") == 0;
	int merge = strcmp(action, "merge") == 0;
	if (!deactivate && !activate && !merge) {
		page_error(r, s, 404, NULL);
		return;
	}
	int64_t id = route_unit(r, s);
	if (!id)
		return;
	const char *why = NULL, *target = field(r, "target");
	int64_t moved_requests = 0, moved_users = 0, now = clock_now();
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		return;
	int rc = merge ? unit_merge(w, id, target, r->user->user_id, r->client, now, &why,
				    &moved_requests, &moved_users)
		       : unit_set_active(w, id, activate, r->user->user_id, r->client, now, &why);
	if (rc != 0) {
		db_write_rollback(r->app->db);
		if (rc == 1)
			show_unit(r, s, merge ? 422 : 409, id, NULL, why, NULL, NULL, target);
		else
			page_error(r, s, 500, NULL);
		return;
	}
	char *loc = xasprintf("/admin/units/%lld?done=%s", (long long)id,
			      merge ? "merged" : activate ? "activated" : "deactivated");
	page_commit_redirect(r, s, loc);
	free(loc);
}
