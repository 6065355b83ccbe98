/* A user's own account: changing the password (the old one required; other sessions end, this
 * one gets a new token), the list of active sessions with a way to end each, and the page of a
 * one-time link where an invited or reset user sets a password (anonymous: the token is the
 * permission). Every new password passes core/pwpolicy.h. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pwlink.h"
#include "core/pwpolicy.h"
#include "core/session.h"
#include "core/user.h"
#include "pages/page.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

/* Checks new_password and its confirmation into errs. */
static void check_new_password(struct req *r, struct input_errors *errs)
{
	const char *pw = req_form(r, "new_password"), *again = req_form(r, "new_password_confirm");
	if (!pw)
		pw = "";
	const char *msg = pwpolicy_message(pwpolicy_check(pw));
	if (msg)
		input_error_add(errs, "new_password", msg);
	else if (!again || strcmp(pw, again) != 0)
		input_error_add(errs, "new_password_confirm", "Ulangan kata sandi tidak sama dengan"
							      " kata sandi baru.");
}

static void show_password_form(struct req *r, struct resp *s, int status,
			       const struct input_errors *errs, const char *problem)
{
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Ganti kata sandi", "account/password.tpl");
	tmpl_set(d, "USER_EMAIL", r->user->email);
	struct tmpl_dict *np = tmpl_include(d, "NEW_PASSWORD", "account/new_password.tpl");
	if (errs) {
		page_input_errors(d, errs);
		page_input_errors(np, errs);
	}
	if (problem)
		tmpl_set(tmpl_add_section(d, "PROBLEM"), "MESSAGE", problem);
	page_finish(&p, r, s, status);
}

void page_account_password_form(struct req *r, struct resp *s)
{
	show_password_form(r, s, 200, NULL, NULL);
}

void page_account_password(struct req *r, struct resp *s)
{
	struct input_errors errs;
	memset(&errs, 0, sizeof errs);
	const char *old = req_form(r, "current_password");
	if (!old || !*old)
		input_error_add(&errs, "current_password", "Isi kata sandi Anda saat ini.");
	else if (strlen(old) > 1024)
		input_error_add(&errs, "current_password", "Kata sandi saat ini salah.");
	check_new_password(r, &errs);
	if (errs.n) {
		show_password_form(r, s, 422, &errs, NULL);
		return;
	}
	char token[TOKEN_HEX_LEN + 1];
	int64_t wait = 0;
	switch (session_change_password(r->app->db, r->user, old, req_form(r, "new_password"),
					r->client, token, &wait)) {
	case LOGIN_OK:
		break;
	case LOGIN_FAIL:
		input_error_add(&errs, "current_password", "Kata sandi saat ini salah.");
		show_password_form(r, s, 422, &errs, NULL);
		return;
	case LOGIN_LOCKED: {
		char msg[200];
		page_retry_after(s, wait, NULL, msg, sizeof msg);
		show_password_form(r, s, 429, NULL, msg);
		return;
	}
	case LOGIN_ERROR:
	default:
		page_error(r, s, 503, NULL);
		return;
	}
	log_info("password changed user=%lld from %s", (long long)r->user->user_id, r->client);
	resp_cookie(r, s, http_session_cookie(r->app), token, -1);
	resp_redirect(s, 303, "/account/sessions?done=password");
}

void page_account_sessions(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct session_list l;
	if (!c || session_list_user(c, r->user->user_id, clock_now(), &l) < 0) {
		if (c)
			session_list_free(&l);
		page_error(r, s, 500, NULL);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Akun dan sesi", "account/sessions.tpl");
	tmpl_set(d, "USER_NAME", r->user->name);
	tmpl_set(d, "USER_EMAIL", r->user->email);
	tmpl_set(d, "USER_ROLE", user_role_label(r->user->role));
	static const struct page_notice notices[] = {
		{ "password", "Kata sandi baru tersimpan. Sesi Anda yang lain telah berakhir." },
		{ "ended", "Sesi itu telah berakhir." },
	};
	page_set_notices(d, page_done_notice(r, notices, sizeof notices / sizeof notices[0]), NULL);
	for (int i = 0; i < l.n; i++) {
		const struct session_info *si = &l.items[i];
		struct tmpl_dict *row = tmpl_add_section(d, "SESSION");
		tmpl_set_int(row, "S_ID", si->id);
		page_set_time(row, "S_CREATED", si->created_at, datefmt_short);
		page_set_time(row, "S_SEEN", si->last_seen_at, datefmt_short);
		tmpl_set(row, "S_CLIENT", *si->client ? si->client : "tidak diketahui");
		tmpl_show(row, si->id == r->user->session_id ? "CURRENT" : "OTHER");
	}
	session_list_free(&l);
	page_finish(&p, r, s, 200);
}

void page_account_session_end(struct req *r, struct resp *s)
{
	int64_t sid = page_parse_id(r->params.v[0]);
	int rc = sid ? session_end_own(r->app->db, r->user->user_id, sid, r->client) : 0;
	if (rc < 0) {
		page_error(r, s, 503, NULL);
		return;
	}
	if (rc == 0) {
		/* Another user's session is as unknown as one that does not exist. */
		page_error(r, s, 404, "Sesi tidak ditemukan.");
		return;
	}
	if (sid == r->user->session_id) {
		resp_cookie(r, s, http_session_cookie(r->app), "", 0);
		resp_redirect(s, 303, "/");
		return;
	}
	resp_redirect(s, 303, "/account/sessions?done=ended");
}

/* --- one-time links --- */

static const char *closed_message(int state)
{
	switch (state) {
	case PWLINK_USED:
		return "Tautan ini sudah dipakai atau sudah diganti dengan tautan yang lebih baru.";
	case PWLINK_EXPIRED:
		return "Tautan ini sudah kedaluwarsa (tautan berlaku 72 jam).";
	default:
		return "Tautan ini tidak dikenal. Periksa apakah alamatnya tersalin lengkap.";
	}
}

static void show_link_closed(struct req *r, struct resp *s, int state)
{
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Tautan tidak berlaku", "account/set_password.tpl");
	tmpl_set(tmpl_add_section(d, "CLOSED"), "MESSAGE", closed_message(state));
	page_finish(&p, r, s, state == PWLINK_UNKNOWN ? 404 : 410);
}

/* Looks token up and shows the form (status), or the page saying why the link does not work. */
static void show_link(struct req *r, struct resp *s, int status, const char *token,
		      const struct input_errors *errs)
{
	sqlite3 *c = req_db(r);
	struct pwlink l;
	int state = c ? pwlink_find(c, token, clock_now(), &l) : -1;
	if (state < 0) {
		page_error(r, s, 503, NULL);
		return;
	}
	if (state != PWLINK_OPEN) {
		show_link_closed(r, s, state);
		return;
	}
	page_anon_csrf(r, s);
	int invite = l.purpose == PWLINK_INVITE;
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, invite ? "Buat kata sandi" : "Atur ulang kata sandi",
					 "account/set_password.tpl");
	struct tmpl_dict *o = tmpl_add_section(d, "OPEN");
	tmpl_set(o, "HEADING", invite ? "Selamat datang: buat kata sandi Anda" : "Atur ulang kata sandi");
	tmpl_set(o, "USER_EMAIL", l.email);
	tmpl_set(o, "USER_NAME", l.name);
	tmpl_set(o, "TOKEN", token);
	page_set_time(o, "EXPIRES", l.expires_at, datefmt_long_time);
	struct tmpl_dict *np = tmpl_include(o, "NEW_PASSWORD", "account/new_password.tpl");
	if (errs)
		page_input_errors(np, errs);
	pwlink_clear(&l);
	page_finish(&p, r, s, status);
}

void page_set_password_form(struct req *r, struct resp *s)
{
	show_link(r, s, 200, req_query(r, "token"), NULL);
}

void page_set_password(struct req *r, struct resp *s)
{
	const char *token = req_form(r, "token");
	struct input_errors errs;
	memset(&errs, 0, sizeof errs);
	check_new_password(r, &errs);
	if (errs.n) {
		show_link(r, s, 422, token, &errs);
		return;
	}
	int64_t uid = 0;
	int state = pwlink_use(r->app->db, token, req_form(r, "new_password"), r->client, clock_now(),
			       &uid);
	if (state < 0) {
		page_error(r, s, 503, NULL);
		return;
	}
	if (state != PWLINK_OPEN) {
		show_link_closed(r, s, state);
		return;
	}
	log_info("password set through a one-time link user=%lld from %s", (long long)uid, r->client);
	/* Every session of that user ended; a session this browser had may have been one. */
	if (r->user)
		resp_cookie(r, s, http_session_cookie(r->app), "", 0);
	resp_redirect(s, 303, "/login?password=set");
}
