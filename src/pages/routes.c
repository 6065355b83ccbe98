/* The route table: every page, feed and action of the site is one row here. Rows are matched in
 * order, so fixed paths come before patterns that would also match them. */
#include "pages/pages.h"

#include <string.h>

#include "core/user.h"
#include "pages/page.h"

static const struct route rows[] = {
	{ "GET", "/", page_public_index, 0 },
	{ "GET", "/releases/:slug", page_public_release, 0 },
	{ "GET", "/releases/:slug/text", page_release_text, 0 },
	{ "GET", "/search", page_search, 0 },
	{ "GET", "/units", page_units, 0 },
	{ "GET", "/units/:code", page_unit, 0 },
	{ "GET", "/units/:code/feed.xml", page_unit_feed_rss, 0 },
	{ "GET", "/units/:code/atom.xml", page_unit_feed_atom, 0 },
	{ "GET", "/agenda", page_agenda, 0 },
	{ "GET", "/agenda.ics", page_agenda_ics, 0 },
	{ "GET", "/feed.xml", page_feed_rss, 0 },
	{ "GET", "/atom.xml", page_feed_atom, 0 },
	{ "GET", "/sitemap.xml", page_sitemap, 0 },
	{ "GET", "/robots.txt", page_robots, 0 },
	{ "GET", "/api/v1/releases", page_api_releases, 0 },
	{ "GET", "/api/v1/releases/:id", page_api_release, 0 },
	{ "GET", "/api/v1/units", page_api_units, 0 },
	{ "GET", "/api/v1/agenda", page_api_agenda, 0 },
	{ "GET", "/healthz", page_healthz, 0 },
	{ "GET", "/metrics", page_metrics, 0 },
	{ "GET", "/notifications", page_notifications, ROLE_ANY_USER },
	{ "POST", "/notifications/read", page_notifications_read, ROLE_ANY_USER },
	{ "GET", "/admin/dashboard", page_admin_dashboard, ROLE_STAFF },
	{ "GET", "/admin/dashboard/:file", page_admin_dashboard_csv, ROLE_STAFF },
	{ "GET", "/dashboard", page_unit_dashboard, ROLE_ANY_USER },
	{ "GET", "/dashboard/:file", page_unit_dashboard_csv, ROLE_ANY_USER },
	{ "GET", "/admin/audit", page_admin_audit, ROLE_ADMIN },
	{ "GET", "/admin/outbox", page_admin_outbox, ROLE_ADMIN },
	{ "GET", "/admin/users", page_admin_users, ROLE_ADMIN },
	{ "POST", "/admin/users", page_admin_user_create, ROLE_ADMIN },
	{ "GET", "/admin/users/new", page_admin_user_new, ROLE_ADMIN },
	{ "GET", "/admin/users/:id", page_admin_user, ROLE_ADMIN },
	{ "POST", "/admin/users/:id", page_admin_user_save, ROLE_ADMIN },
	{ "POST", "/admin/users/:id/:action", page_admin_user_act, ROLE_ADMIN },
	{ "GET", "/admin/units", page_admin_units, ROLE_ADMIN },
	{ "POST", "/admin/units", page_admin_unit_create, ROLE_ADMIN },
	{ "GET", "/admin/units/:id", page_admin_unit, ROLE_ADMIN },
	{ "POST", "/admin/units/:id", page_admin_unit_save, ROLE_ADMIN },
	{ "POST", "/admin/units/:id/:action", page_admin_unit_act, ROLE_ADMIN },
	{ "GET", "/static/:file", page_static, 0 },
	{ "GET", "/media/:sha256/:file", page_media_file, 0 },
	{ "GET", "/login", page_login_form, 0 },
	{ "POST", "/login", page_login, 0 },
	{ "POST", "/logout", page_logout, ROLE_ANY_USER },
	{ "GET", "/account/password", page_account_password_form, ROLE_ANY_USER },
	{ "POST", "/account/password", page_account_password, ROLE_ANY_USER },
	{ "GET", "/account/sessions", page_account_sessions, ROLE_ANY_USER },
	{ "POST", "/account/sessions/:id/end", page_account_session_end, ROLE_ANY_USER },
	{ "GET", "/set-password", page_set_password_form, 0 },
	{ "POST", "/set-password", page_set_password, 0 },
	{ "GET", "/requests", page_requests_list, ROLE_ANY_USER },
	{ "POST", "/requests", page_requests_create, ROLE_CONTRIBUTOR },
	{ "GET", "/requests/new", page_requests_new, ROLE_CONTRIBUTOR },
	{ "GET", "/requests/:id", page_requests_view, ROLE_ANY_USER },
	{ "POST", "/requests/:id", page_requests_save, ROLE_ANY_USER },
	{ "GET", "/requests/:id/preview", page_requests_preview, ROLE_ANY_USER },
	{ "GET", "/requests/:id/diff", page_requests_diff, ROLE_ANY_USER },
	{ "POST", "/requests/:id/comments", page_comment_add, ROLE_ANY_USER },
	{ "POST", "/requests/:id/assign", page_requests_assign, ROLE_STAFF },
	{ "POST", "/requests/:id/convert", page_requests_convert, ROLE_ANY_USER },
	{ "POST", "/requests/:id/correct", page_requests_correct, ROLE_STAFF },
	{ "POST", "/requests/:id/media", page_media_upload, ROLE_ANY_USER },
	{ "POST", "/requests/:id/media/:mid", page_media_change, ROLE_ANY_USER },
	{ "POST", "/requests/:id/:action", page_requests_act, ROLE_ANY_USER },
};

/* Errors speak the language of the place they happen: JSON under /api/, a page elsewhere. */
static void site_error(struct req *r, struct resp *s, int status, const char *message)
{
	if (strncmp(r->path, "/api/", 5) == 0)
		page_api_error(r, s, status, message);
	else
		page_error(r, s, status, message);
}

/* Where photos and documents may be uploaded (multipart file parts are stored). */
static const char *const file_routes[] = { "/requests", "/requests/:id", "/requests/:id/media", NULL };

static const struct route_table table = {
	rows,
	sizeof rows / sizeof rows[0],
	site_error,
	file_routes,
};

const struct route_table *pages_routes(void)
{
	return &table;
}
