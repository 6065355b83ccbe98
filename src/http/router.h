/* Route matching: a table of (method, pattern, handler, who may) rows, patterns with ":name"
 * segments that capture one path segment. Pure; the table itself lives in pages/routes.c. */
#ifndef SIARAN_ROUTER_H
#define SIARAN_ROUTER_H
#include <stddef.h>

struct req;
struct resp;
typedef void (*route_fn)(struct req *r, struct resp *s);

/* Who may use a route: 0 = everyone (anonymous included); otherwise a mask of ROLE_* bits
 * (core/user.h) of signed-in users. */
struct route {
	const char *method;  /* "GET" (also answers HEAD) or "POST" */
	const char *pattern; /* "/requests/:id/:action" */
	route_fn fn;
	unsigned roles;
};

#define ROUTE_MAX_PARAMS 4
#define ROUTE_PARAM_MAX 200

struct route_params {
	int n;
	char v[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX + 1];
};

/* Whether path matches pattern; captured segments go to p (cleared first). A captured segment
 * must be non-empty and at most ROUTE_PARAM_MAX bytes. */
int router_match(const char *pattern, const char *path, struct route_params *p);

enum router_result { ROUTER_FOUND, ROUTER_NOT_FOUND, ROUTER_BAD_METHOD };

/* Finds the route for method and path. The first row whose pattern matches decides the resource;
 * the method is looked up among the rows with the same pattern. ROUTER_BAD_METHOD: the resource
 * exists for other methods (*allow is then "GET, HEAD" / "POST" / "GET, HEAD, POST"). */
enum router_result router_find(const struct route *table, size_t n, const char *method,
			       const char *path, const struct route **out, struct route_params *p,
			       const char **allow);

/* The pattern of the resource path belongs to (the first row whose pattern matches, whatever its
 * method), or NULL when no row matches: a bounded label for metrics and logs. */
const char *router_resource(const struct route *table, size_t n, const char *path);

#endif
