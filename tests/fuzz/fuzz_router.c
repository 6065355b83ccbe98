/* The router (http/router.c) over the site's real route table (pages/routes.c), and router_match
 * with a pattern from the input too. Whatever matches must rebuild the path exactly from the
 * pattern and its captured segments, which are non-empty, short and free of '/'. */
#include "fuzz.h"
#include "http/http.h"
#include "pages/pages.h"

/* Substitutes the captured segments into pattern; 1 when the result is path. */
static int rebuilds(const char *pattern, const struct route_params *p, const char *path)
{
	char out[4096];
	size_t n = 0;
	int k = 0;
	for (const char *a = pattern; *a;) {
		if (*a == ':') {
			CHECK(k < p->n);
			size_t len = strlen(p->v[k]);
			CHECK(len >= 1 && len <= ROUTE_PARAM_MAX && !strchr(p->v[k], '/'));
			if (n + len >= sizeof out)
				return 0;
			memcpy(out + n, p->v[k++], len);
			n += len;
			while (*a && *a != '/')
				a++;
		} else {
			if (n + 1 >= sizeof out)
				return 0;
			out[n++] = *a++;
		}
	}
	out[n] = '\0';
	return k == p->n && strcmp(out, path) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const char *const methods[] = { "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS" };
	const char *method = methods[data[0] % (sizeof methods / sizeof methods[0])];
	char *path = fuzz_cstr(data + 1, size - 1);
	if (strlen(path) > 2048) {
		free(path);
		return 0;
	}

	const struct route_table *t = pages_routes();
	const struct route *route = NULL;
	struct route_params p;
	const char *allow = NULL;
	switch (router_find(t->rows, t->n, method, path, &route, &p, &allow)) {
	case ROUTER_FOUND:
		CHECK(route && strcmp(route->method,
				      strcmp(method, "HEAD") == 0 ? "GET" : method) == 0);
		CHECK(rebuilds(route->pattern, &p, path));
		fuzz_keep_str(route->pattern);
		break;
	case ROUTER_BAD_METHOD:
		CHECK(allow && (strcmp(allow, "GET, HEAD") == 0 || strcmp(allow, "POST") == 0 ||
				strcmp(allow, "GET, HEAD, POST") == 0));
		fuzz_keep_str(allow);
		break;
	case ROUTER_NOT_FOUND:
		break;
	}

	/* "PATTERN\nPATH": the matcher on patterns the table does not have. */
	char *nl = strchr(path, '\n');
	if (nl) {
		*nl = '\0';
		if (router_match(path, nl + 1, &p))
			CHECK(rebuilds(path, &p, nl + 1));
		fuzz_keep(&p.n, sizeof p.n);
	}
	free(path);
	return 0;
}
