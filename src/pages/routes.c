/* The route table: every page, feed and action of the site is one row here. Rows are matched in
 * order, so fixed paths come before patterns that would also match them. */
#include "pages/pages.h"

#include "core/user.h"
#include "pages/page.h"

static const struct route rows[] = {
	{ "GET", "/", page_public_index, 0 },
	{ "GET", "/releases/:slug", page_public_release, 0 },
	{ "GET", "/healthz", page_healthz, 0 },
	{ "GET", "/static/:file", page_static, 0 },
	{ "GET", "/login", page_login_form, 0 },
	{ "POST", "/login", page_login, 0 },
	{ "POST", "/logout", page_logout, ROLE_ANY_USER },
	{ "GET", "/requests", page_requests_list, ROLE_ANY_USER },
	{ "POST", "/requests", page_requests_create, ROLE_CONTRIBUTOR },
	{ "GET", "/requests/new", page_requests_new, ROLE_CONTRIBUTOR },
	{ "GET", "/requests/:id", page_requests_view, ROLE_ANY_USER },
	{ "POST", "/requests/:id", page_requests_save, ROLE_ANY_USER },
	{ "GET", "/requests/:id/preview", page_requests_preview, ROLE_ANY_USER },
	{ "POST", "/requests/:id/:action", page_requests_act, ROLE_ANY_USER },
};

static const struct route_table table = {
	rows,
	sizeof rows / sizeof rows[0],
	page_error,
};

const struct route_table *pages_routes(void)
{
	return &table;
}
