/* User administration for admins (/admin/users...): the list with filters, creating a user who
 * then sets a password through a one-time link (e-mailed when mail is configured, otherwise
 * shown once to the admin), changing name, role and unit, deactivating and reactivating, and a
 * new one-time link on request. The route table allows only admins; core/user.c refuses what
 * would lock everyone out. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/notify.h"
#include "core/pwlink.h"
#include "core/session.h"
#include "core/unit.h"
#include "core/user.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

#define USERS_PER_PAGE 50

static const int role_order[] = { ROLE_CONTRIBUTOR, ROLE_EDITOR, ROLE_ADMIN };

static void fill_roles(struct tmpl_dict *d, int selected)
{
	for (size_t i = 0; i < sizeof role_order / sizeof role_order[0]; i++)
		page_option(d, "ROLE_OPTION", user_role_name(role_order[i]),
			    user_role_label(role_order[i]), role_order[i] == selected);
}

static void status_of(const struct user_row *u, const char **label, const char **css)
{
	if (!u->active) {
		*label = "Nonaktif";
		*css = "state-withdrawn";
	} else if (!u->has_password) {
		*label = "Menunggu kata sandi";
		*css = "state-submitted";
	} else {
		*label = "Aktif";
		*css = "state-published";
	}
}

void page_admin_users(struct req *r, struct resp *s)
{
	struct user_filter f = { .active = 1, .per_page = USERS_PER_PAGE, .page = 1 };
	const char *q = req_query(r, "q"), *role = req_query(r, "role"), *unit = req_query(r, "unit");
	const char *status = req_query(r, "status"), *pg = req_query(r, "page");
	const char *problem = NULL;
	f.q = q ? q : "";
	if (strlen(f.q) > 100)
		problem = "Kata pencarian terlalu panjang.";
	if (role && *role && !(f.role = user_role_parse(role)))
		problem = "Peran tidak dikenal.";
	if (!status || !*status || strcmp(status, "active") == 0)
		f.active = 1;
	else if (strcmp(status, "inactive") == 0)
		f.active = 0;
	else if (strcmp(status, "all") == 0)
		f.active = -1;
	else
		problem = "Status tidak dikenal.";
	int64_t p = 1;
	if (pg && *pg && ((p = page_parse_id(pg)) < 1 || p > 100000))
		problem = "Nomor halaman tidak valid.";
	f.page = (int)p;
	sqlite3 *c = req_db(r);
	if (!c) {
		page_error(r, s, 503, NULL);
		return;
	}
	if (unit && *unit && !problem) {
		char *name = NULL;
		int found = release_unit_by_code(c, unit, &f.unit_id, &name);
		free(name);
		if (found < 0) {
			page_error(r, s, 500, NULL);
			return;
		}
		if (!found)
			problem = "Unit tidak dikenal.";
	}
	if (problem) {
		page_error(r, s, 400, problem);
		return;
	}
	struct user_list list;
	if (user_list(c, &f, &list) < 0) {
		user_list_free(&list);
		page_error(r, s, 500, NULL);
		return;
	}
	struct page pg_;
	struct tmpl_dict *d = page_begin(&pg_, r, "Pengguna", "admin/users.tpl");
	tmpl_set(d, "F_Q", f.q);
	tmpl_set(d, "F_ROLE", f.role ? user_role_name(f.role) : "");
	tmpl_set(d, "F_UNIT", unit ? unit : "");
	const char *st_value = f.active == 1 ? "active" : f.active == 0 ? "inactive" : "all";
	tmpl_set(d, "F_STATUS", st_value);
	fill_roles(d, f.role);
	page_unit_options(d, "UNIT_OPTION", c, unit, 0, 0);
	static const struct {
		const char *value, *label;
	} statuses[] = { { "active", "Aktif" }, { "inactive", "Nonaktif" }, { "all", "Semua" } };
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		page_option(d, "STATUS_OPTION", statuses[i].value, statuses[i].label,
			    strcmp(statuses[i].value, st_value) == 0);
	for (int i = 0; i < list.n; i++) {
		const struct user_row *u = &list.items[i];
		struct tmpl_dict *row = tmpl_add_section(d, "ROW");
		tmpl_set_int(row, "U_ID", u->id);
		tmpl_set(row, "U_NAME", u->name);
		tmpl_set(row, "U_EMAIL", u->email);
		tmpl_set(row, "U_ROLE", user_role_label(u->role));
		tmpl_set(row, "U_UNIT", u->unit_code ? u->unit_code : "—");
		const char *label, *css;
		status_of(u, &label, &css);
		tmpl_set(row, "U_STATUS", label);
		tmpl_set(row, "U_STATUS_CLASS", css);
		if (u->last_seen_at)
			page_set_time(row, "U_SEEN", u->last_seen_at, datefmt_short);
		else
			tmpl_set(row, "U_SEEN", "—");
	}
	page_pager(d, list.n, list.total, USERS_PER_PAGE, p);
	user_list_free(&list);
	page_finish(&pg_, r, s, 200);
}

/* The name, role and unit fields (include FIELDS) filled with in. */
static void fill_fields(struct tmpl_dict *d, sqlite3 *c, const struct user_input *in,
			const struct input_errors *errs)
{
	struct tmpl_dict *f = tmpl_include(d, "FIELDS", "admin/user_fields.tpl");
	tmpl_set(f, "NAME_VALUE", in->name);
	fill_roles(f, user_role_parse(in->role));
	page_unit_options(f, "UNIT_OPTION", c, in->unit, 0, 1);
	if (errs)
		page_input_errors(f, errs);
}

static void show_new(struct req *r, struct resp *s, int status, const struct user_input *in,
		     const struct input_errors *errs)
{
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Tambah pengguna", "admin/user_new.tpl");
	tmpl_show(d, r->app->smtp_url ? "HAS_SMTP" : "NO_SMTP");
	tmpl_set(d, "EMAIL_VALUE", in->email);
	if (errs)
		page_input_errors(d, errs);
	fill_fields(d, req_db(r), in, errs);
	page_finish(&p, r, s, status);
}

void page_admin_user_new(struct req *r, struct resp *s)
{
	struct user_input in = { "", "", "contributor", "" };
	show_new(r, s, 200, &in, NULL);
}

/* A one-time link that was just made, to show on the user page. */
struct fresh_link {
	const char *title;
	char token[TOKEN_HEX_LEN + 1];
	int64_t expires_at;
	int mailed;
};

/* The user page for id. Optional parts: a notice, a refusal, the form refilled with errors, a
 * fresh link. */
static void show_user(struct req *r, struct resp *s, int status, int64_t id, const char *notice,
		      const char *refused, const struct user_input *in,
		      const struct input_errors *errs, const struct fresh_link *link)
{
	sqlite3 *c = req_db(r);
	struct user_row u;
	int found = c ? user_get(c, id, &u) : -1;
	if (found <= 0) {
		page_error(r, s, found < 0 ? 500 : 404, found < 0 ? NULL : "Pengguna tidak ditemukan.");
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, u.name, "admin/user.tpl");
	tmpl_set_int(d, "U_ID", u.id);
	tmpl_set(d, "U_NAME", u.name);
	tmpl_set(d, "U_EMAIL", u.email);
	tmpl_set(d, "U_ROLE", user_role_label(u.role));
	if (u.unit_code) {
		char *unit = xasprintf("%s (%s)", u.unit_name ? u.unit_name : "", u.unit_code);
		tmpl_set(d, "U_UNIT", unit);
		tmpl_show(d, "U_HAS_UNIT");
		free(unit);
	}
	const char *label, *css;
	status_of(&u, &label, &css);
	tmpl_set(d, "U_STATUS", label);
	tmpl_set(d, "U_STATUS_CLASS", css);
	page_set_time(d, "U_CREATED", u.created_at, datefmt_short);
	tmpl_set(d, "U_PASSWORD", u.has_password ? "sudah diatur" : "belum diatur (menunggu tautan)");
	tmpl_set_int(d, "U_SESSIONS", u.sessions);
	if (u.last_seen_at)
		page_set_time(tmpl_add_section(d, "U_SEEN_SECTION"), "U_SEEN", u.last_seen_at,
			      datefmt_short);
	tmpl_set(d, "RESET_LABEL", u.has_password ? "Kirim tautan atur ulang kata sandi"
						  : "Buat tautan undangan baru");
	page_set_notices(d, notice, refused);
	if (link) {
		struct tmpl_dict *l = tmpl_add_section(d, "LINK");
		tmpl_set(l, "LINK_TITLE", link->title);
		page_set_time(l, "LINK_EXPIRES", link->expires_at, datefmt_long_time);
		if (link->mailed) {
			tmpl_show(l, "LINK_MAILED");
		} else {
			char *url = xasprintf("%s/set-password?token=%s", page_base_url(r), link->token);
			tmpl_set(tmpl_add_section(l, "LINK_SHOWN"), "LINK_URL", url);
			free(url);
		}
	}
	if (u.id == r->user->user_id)
		tmpl_show(d, "SELF");
	else if (u.active)
		tmpl_show(d, "CAN_DEACTIVATE");
	if (!u.active)
		tmpl_show(d, "CAN_ACTIVATE");
	struct user_input cur = { u.email, u.name, user_role_name(u.role),
				  u.unit_code ? u.unit_code : "" };
	if (errs)
		page_input_errors(d, errs);
	fill_fields(d, c, in ? in : &cur, errs);

	page_admin_history(d, c, "user", id);
	user_row_clear(&u);
	page_finish(&p, r, s, status);
}

void page_admin_user(struct req *r, struct resp *s)
{
	int64_t id = page_parse_id(r->params.v[0]);
	if (!id) {
		page_error(r, s, 404, "Pengguna tidak ditemukan.");
		return;
	}
	static const struct page_notice notices[] = {
		{ "saved", "Perubahan tersimpan." },
		{ "deactivated", "Pengguna dinonaktifkan; semua sesinya telah berakhir." },
		{ "activated", "Pengguna diaktifkan kembali." },
	};
	const char *notice = page_done_notice(r, notices, sizeof notices / sizeof notices[0]);
	show_user(r, s, 200, id, notice, NULL, NULL, NULL, NULL);
}

/* Copies the form into in, trimmed of surrounding spaces (pointers into the request's form). */
static const char *field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

void page_admin_user_create(struct req *r, struct resp *s)
{
	/* Surrounding spaces in an e-mail address are a typing slip, not part of it. */
	const char *raw = field(r, "email");
	while (*raw == ' ')
		raw++;
	char *email = xstrdup(raw);
	size_t n = strlen(email);
	while (n > 0 && email[n - 1] == ' ')
		email[--n] = '\0';
	struct user_input in = { email, field(r, "name"), field(r, "role"), field(r, "unit") };
	struct input_errors errs;
	int64_t now = clock_now();
	struct fresh_link link = { "Pengguna dibuat.", "", 0, r->app->smtp_url != NULL };
	sqlite3 *w = page_write_begin(r, s);
	if (!w) {
		free(email);
		return;
	}
	int64_t id = user_create(w, &in, r->user->user_id, r->client, now, &errs);
	if (id > 0 && (pwlink_create(w, id, PWLINK_INVITE, r->user->user_id, r->client, now,
				     link.token, &link.expires_at) < 0 ||
		       (link.mailed && notify_password_link(w, id, in.email, in.name, link.token, 1,
							    link.expires_at, now) < 0)))
		id = -1;
	if (id <= 0) {
		db_write_rollback(r->app->db);
		if (id == 0)
			show_new(r, s, 422, &in, &errs);
		else
			page_error(r, s, 500, NULL);
		free(email);
		return;
	}
	free(email);
	if (page_write_commit(r, s) < 0)
		return;
	show_user(r, s, 201, id, NULL, NULL, NULL, NULL, &link);
}

/* User :id of the route: its id with *u filled (clear it with user_row_clear), or 0 after
 * answering 404 / 500. */
static int64_t route_user(struct req *r, struct resp *s, struct user_row *u)
{
	int64_t id = page_parse_id(r->params.v[0]);
	sqlite3 *c = req_db(r);
	int found = id && c ? user_get(c, id, u) : id ? -1 : 0;
	if (found <= 0) {
		page_error(r, s, found < 0 ? 500 : 404, found < 0 ? NULL : "Pengguna tidak ditemukan.");
		return 0;
	}
	return id;
}

void page_admin_user_save(struct req *r, struct resp *s)
{
	struct user_row u;
	int64_t id = route_user(r, s, &u);
	if (!id)
		return;
	user_row_clear(&u);
	struct user_input in = { NULL, field(r, "name"), field(r, "role"), field(r, "unit") };
	struct input_errors errs;
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		return;
	int rc = user_update(w, id, &in, r->user->user_id, r->client, clock_now(), &errs);
	if (rc != 0) {
		db_write_rollback(r->app->db);
		if (rc == 1)
			show_user(r, s, 422, id, NULL, NULL, &in, &errs, NULL);
		else
			page_error(r, s, 500, NULL);
		return;
	}
	char *loc = xasprintf("/admin/users/%lld?done=saved", (long long)id);
	page_commit_redirect(r, s, loc);
	free(loc);
}

void page_admin_user_act(struct req *r, struct resp *s)
{
	int64_t id = page_parse_id(r->params.v[0]);
	const char *action = r->params.v[1];
	int deactivate = strcmp(action, "deactivate") == 0, activate = strcmp(action, "activate") == 0;
	int reset = strcmp(action, "reset") == 0;
	if (!deactivate && !activate && !reset) {
		page_error(r, s, 404, NULL);
		return;
	}
	struct user_row u;
	if (!route_user(r, s, &u))
		return;
	int64_t now = clock_now();
	const char *why = NULL;
	struct fresh_link link = { u.has_password ? "Tautan atur ulang kata sandi dibuat."
						  : "Tautan undangan baru dibuat.",
				   "", 0, r->app->smtp_url != NULL };
	sqlite3 *w = page_write_begin(r, s);
	if (!w) {
		user_row_clear(&u);
		return;
	}
	int rc;
	if (reset) {
		if (!u.active) {
			why = "Pengguna nonaktif: aktifkan kembali dulu sebelum membuat tautan.";
			rc = 1;
		} else {
			rc = pwlink_create(w, id, u.has_password ? PWLINK_RESET : PWLINK_INVITE,
					   r->user->user_id, r->client, now, link.token,
					   &link.expires_at);
			if (rc == 0 && link.mailed)
				rc = notify_password_link(w, id, u.email, u.name, link.token,
							  !u.has_password, link.expires_at, now);
		}
	} else {
		rc = user_set_active(w, id, activate, r->user->user_id, r->client, now, &why);
	}
	user_row_clear(&u);
	if (rc != 0) {
		db_write_rollback(r->app->db);
		if (rc == 1)
			show_user(r, s, 409, id, NULL, why, NULL, NULL, NULL);
		else
			page_error(r, s, 500, NULL);
		return;
	}
	if (reset) {
		if (page_write_commit(r, s) == 0)
			show_user(r, s, 200, id, NULL, NULL, NULL, NULL, &link);
		return;
	}
	char *loc = xasprintf("/admin/users/%lld?done=%s", (long long)id,
			      activate ? "activated" : "deactivated");
	page_commit_redirect(r, s, loc);
	free(loc);
}
