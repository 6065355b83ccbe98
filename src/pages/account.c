/* Signing in and out. The login form carries an anonymous CSRF token (double-submit: the same
 * random value in an HttpOnly cookie and in the form); a successful login always starts a new
 * session with a new token. */
#include "pages/pages.h"

#include <stdio.h>
#include <string.h>

#include "core/session.h"
#include "core/user.h"
#include "pages/page.h"
#include "util/log.h"

/* Where to go after login: a local path from ?next=, else the workbench. */
static const char *safe_next(const char *next)
{
	if (next && next[0] == '/' && next[1] != '/' && next[1] != '\\' && strlen(next) < 200 &&
	    !strpbrk(next, "\r\n"))
		return next;
	return "/requests";
}

static void show_form(struct req *r, struct resp *s, int status, const char *email,
		      const char *message)
{
	page_anon_csrf(r, s);
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Masuk", "account/login.tpl");
	tmpl_set(d, "EMAIL", email ? email : "");
	tmpl_set(d, "NEXT", safe_next(req_query(r, "next") ? req_query(r, "next") : req_form(r, "next")));
	if (message)
		tmpl_set(tmpl_add_section(d, "ERROR"), "ERROR_MESSAGE", message);
	else if (req_query(r, "password") && strcmp(req_query(r, "password"), "set") == 0)
		tmpl_show(d, "PASSWORD_SET");
	page_finish(&p, r, s, status);
}

void page_login_form(struct req *r, struct resp *s)
{
	if (r->user) {
		resp_redirect(s, 303, "/requests");
		return;
	}
	show_form(r, s, 200, NULL, NULL);
}

void page_login(struct req *r, struct resp *s)
{
	const char *email = req_form(r, "email");
	const char *password = req_form(r, "password");
	if (!email || !*email || !password || !*password) {
		show_form(r, s, 401, email, "Isi e-mail dan kata sandi.");
		return;
	}
	if (strlen(email) > 254 || strlen(password) > 1024) {
		show_form(r, s, 401, NULL, "E-mail atau kata sandi salah.");
		return;
	}
	char token[TOKEN_HEX_LEN + 1];
	int64_t uid = 0, wait = 0;
	switch (session_login(r->app->db, email, password, r->client, token, &uid, &wait)) {
	case LOGIN_OK:
		break;
	case LOGIN_FAIL:
		show_form(r, s, 401, email, "E-mail atau kata sandi salah.");
		return;
	case LOGIN_LOCKED: {
		char msg[200];
		page_retry_after(s, wait, "masuk", msg, sizeof msg);
		show_form(r, s, 429, email, msg);
		return;
	}
	case LOGIN_ERROR:
	default:
		page_error(r, s, 503, NULL);
		return;
	}
	/* A fresh session replaces any the browser had (no fixation). */
	if (r->user)
		session_destroy(r->app->db, r->user->session_id);
	resp_cookie(r, s, http_session_cookie(r->app), token, -1);
	resp_cookie(r, s, http_csrf_cookie(r->app), "", 0);
	log_info("login user=%lld from %s", (long long)uid, r->client);
	resp_redirect(s, 303, safe_next(req_form(r, "next")));
}

void page_logout(struct req *r, struct resp *s)
{
	if (session_destroy(r->app->db, r->user->session_id) < 0) {
		page_error(r, s, 503, NULL);
		return;
	}
	resp_cookie(r, s, http_session_cookie(r->app), "", 0);
	resp_redirect(s, 303, "/");
}
