/* Unit tests for http/router: pattern matching, captures and method handling. */
#include <criterion/criterion.h>
#include <string.h>

#include "http/router.h"

static void h1(struct req *r, struct resp *s) { (void)r; (void)s; }
static void h2(struct req *r, struct resp *s) { (void)r; (void)s; }
static void h3(struct req *r, struct resp *s) { (void)r; (void)s; }
static void h4(struct req *r, struct resp *s) { (void)r; (void)s; }

static const struct route table[] = {
	{ "GET", "/", h1, 0 },
	{ "GET", "/requests/new", h2, 0 },
	{ "GET", "/requests/:id", h3, 0 },
	{ "POST", "/requests/:id/:action", h4, 0 },
};
#define N (sizeof table / sizeof table[0])

Test(router, match_table)
{
	static const struct {
		const char *pattern, *path;
		int match;
		const char *p0, *p1;
	} cases[] = {
		{ "/", "/", 1, NULL, NULL },
		{ "/", "", 0, NULL, NULL },
		{ "/healthz", "/healthz", 1, NULL, NULL },
		{ "/healthz", "/healthz/", 0, NULL, NULL },
		{ "/healthz", "/health", 0, NULL, NULL },
		{ "/requests/:id", "/requests/42", 1, "42", NULL },
		{ "/requests/:id", "/requests/", 0, NULL, NULL },
		{ "/requests/:id", "/requests/42/x", 0, NULL, NULL },
		{ "/requests/:id/:action", "/requests/7/request-changes", 1, "7", "request-changes" },
		{ "/requests/:id/:action", "/requests//approve", 0, NULL, NULL },
		{ "/releases/:slug", "/releases/a-b-c", 1, "a-b-c", NULL },
		{ "/releases/:slug", "/releases/..%2f", 1, "..%2f", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct route_params p;
		int m = router_match(cases[i].pattern, cases[i].path, &p);
		cr_expect_eq(m, cases[i].match, "%s vs %s", cases[i].pattern, cases[i].path);
		if (m && cases[i].p0)
			cr_expect_str_eq(p.v[0], cases[i].p0);
		if (m && cases[i].p1)
			cr_expect_str_eq(p.v[1], cases[i].p1);
		if (m)
			cr_expect_eq(p.n, (cases[i].p0 != NULL) + (cases[i].p1 != NULL));
	}
}

Test(router, long_segment_refused)
{
	char path[ROUTE_PARAM_MAX + 20];
	strcpy(path, "/requests/");
	memset(path + 10, '1', ROUTE_PARAM_MAX + 1);
	path[10 + ROUTE_PARAM_MAX + 1] = '\0';
	struct route_params p;
	cr_expect_eq(router_match("/requests/:id", path, &p), 0);
	path[10 + ROUTE_PARAM_MAX] = '\0';
	cr_expect_eq(router_match("/requests/:id", path, &p), 1);
	cr_expect_eq(strlen(p.v[0]), ROUTE_PARAM_MAX);
}

Test(router, find_first_row_wins_and_methods)
{
	const struct route *r = NULL;
	struct route_params p;
	const char *allow = NULL;
	cr_assert_eq(router_find(table, N, "GET", "/requests/new", &r, &p, &allow), ROUTER_FOUND);
	cr_expect_eq(r->fn, h2, "the fixed path comes before the pattern");
	cr_assert_eq(router_find(table, N, "HEAD", "/requests/5", &r, &p, &allow), ROUTER_FOUND);
	cr_expect_eq(r->fn, h3, "HEAD is answered like GET");
	cr_expect_str_eq(p.v[0], "5");
	cr_expect_eq(router_find(table, N, "POST", "/requests/5", &r, &p, &allow), ROUTER_BAD_METHOD);
	cr_expect_str_eq(allow, "GET, HEAD");
	cr_expect_eq(router_find(table, N, "GET", "/requests/5/approve", &r, &p, &allow),
		     ROUTER_BAD_METHOD);
	cr_expect_str_eq(allow, "POST");
	cr_expect_eq(router_find(table, N, "GET", "/nope", &r, &p, &allow), ROUTER_NOT_FOUND);
	cr_expect_eq(router_find(table, N, "DELETE", "/", &r, &p, &allow), ROUTER_BAD_METHOD);
}
