/* Route matching over the route table (see router.h). Linear in the table size, which is a few
 * dozen rows; each match walks the path once. */
#include "http/router.h"

#include <string.h>

int router_match(const char *pattern, const char *path, struct route_params *p)
{
	p->n = 0;
	const char *a = pattern, *b = path;
	while (*a && *b) {
		if (*a == ':') {
			while (*a && *a != '/')
				a++;
			const char *start = b;
			while (*b && *b != '/')
				b++;
			size_t len = (size_t)(b - start);
			if (len == 0 || len > ROUTE_PARAM_MAX || p->n >= ROUTE_MAX_PARAMS)
				return 0;
			memcpy(p->v[p->n], start, len);
			p->v[p->n][len] = '\0';
			p->n++;
			continue;
		}
		if (*a != *b)
			return 0;
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

const char *router_resource(const struct route *table, size_t n, const char *path)
{
	struct route_params tmp;
	for (size_t i = 0; i < n; i++)
		if (router_match(table[i].pattern, path, &tmp))
			return table[i].pattern;
	return NULL;
}

enum router_result router_find(const struct route *table, size_t n, const char *method,
			       const char *path, const struct route **out, struct route_params *p,
			       const char **allow)
{
	/* The first row whose pattern matches names the resource ("/requests/new" before
	 * "/requests/:id"); the method is then looked up among the rows with that same pattern. */
	struct route_params tmp;
	const char *pattern = router_resource(table, n, path);
	if (!pattern || !router_match(pattern, path, &tmp))
		return ROUTER_NOT_FOUND;
	int get = 0, post = 0;
	const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;
	for (size_t i = 0; i < n; i++) {
		/* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): patterns are literals */
		if (strcmp(table[i].pattern, pattern) != 0)
			continue;
		if (strcmp(table[i].method, m) == 0) {
			*out = &table[i];
			*p = tmp;
			return ROUTER_FOUND;
		}
		if (strcmp(table[i].method, "GET") == 0)
			get = 1;
		else
			post = 1;
	}
	*allow = get && post ? "GET, HEAD, POST" : get ? "GET, HEAD" : "POST";
	return ROUTER_BAD_METHOD;
}
