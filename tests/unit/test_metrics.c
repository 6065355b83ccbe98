/* Unit tests for http/metrics (who may read /metrics; counters by route pattern, method and
 * status; the histogram) and http/accesslog (redaction, encoding, both line formats). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "http/accesslog.h"
#include "http/metrics.h"
#include "http/router.h"

static void h(struct req *r, struct resp *s) { (void)r; (void)s; }

static const struct route table[] = {
	{ "GET", "/", h, 0 },
	{ "GET", "/releases/:slug", h, 0 },
	{ "GET", "/login", h, 0 },
	{ "POST", "/login", h, 0 },
};
#define N (sizeof table / sizeof table[0])

#define TOKEN "s3cret-metrics-token-0123"

Test(metrics, access_from_loopback_only)
{
	static const struct {
		const char *client;
		int ok;
	} cases[] = {
		{ "127.0.0.1", 1 }, { "127.1.2.3", 1 }, { "::1", 1 }, { "::ffff:127.0.0.1", 1 },
		{ "10.0.0.1", 0 }, { "192.168.1.10", 0 }, { "128.0.0.1", 0 }, { "::2", 0 },
		{ "::ffff:10.0.0.1", 0 }, { "2001:db8::1", 0 }, { "unknown", 0 }, { "", 0 },
		{ "127.0.0.1.example", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_expect_eq(metrics_access_allowed(cases[i].client, 0, NULL, NULL), cases[i].ok, "%s",
			     cases[i].client);
		/* Through a proxy even loopback is a stranger. */
		cr_expect_eq(metrics_access_allowed(cases[i].client, 1, NULL, NULL), 0, "%s proxied",
			     cases[i].client);
	}
	cr_expect_eq(metrics_access_allowed(NULL, 0, NULL, NULL), 0);
}

Test(metrics, access_with_token)
{
	cr_expect(metrics_access_allowed("10.0.0.1", 0, "Bearer " TOKEN, TOKEN));
	cr_expect(metrics_access_allowed("10.0.0.1", 1, "bearer " TOKEN, TOKEN));
	cr_expect(metrics_access_allowed("127.0.0.1", 1, "Bearer " TOKEN, TOKEN));
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, "Bearer " TOKEN "x", TOKEN));
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, "Bearer s3cret", TOKEN));
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, "Bearer ", TOKEN));
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, "Basic " TOKEN, TOKEN));
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, TOKEN, TOKEN));
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, NULL, TOKEN));
	/* No token configured: a presented one opens nothing. */
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, "Bearer ", ""));
	cr_expect_not(metrics_access_allowed("10.0.0.1", 0, "Bearer " TOKEN, NULL));
}

Test(metrics, counts_by_route_method_status)
{
	metrics_init(table, N);
	cr_expect_str_eq(metrics_observe("GET", "/releases/abc", 200, 0.003), "/releases/:slug");
	cr_expect_str_eq(metrics_observe("GET", "/releases/nope", 404, 0.02), "/releases/:slug");
	cr_expect_str_eq(metrics_observe("GET", "/releases/nope2", 404, 0.02), "/releases/:slug");
	cr_expect_str_eq(metrics_observe("POST", "/login", 303, 0.2), "/login");
	cr_expect_str_eq(metrics_observe("DELETE", "/", 405, 0.0001), "/");
	cr_expect_str_eq(metrics_observe("GET", "/wp-admin/x.php", 404, 0.001), "unmatched");
	cr_expect_str_eq(metrics_observe("GET", "/", 299, 50), "/");
	struct buf b = BUF_INIT;
	metrics_render(&b);
	const char *t = buf_str(&b);
	cr_expect(strstr(t, "siaran_http_requests_total{route=\"/releases/:slug\",method=\"GET\","
			    "status=\"404\"} 2\n"), "%s", t);
	cr_expect(strstr(t, "{route=\"/releases/:slug\",method=\"GET\",status=\"200\"} 1\n"));
	cr_expect(strstr(t, "{route=\"/login\",method=\"POST\",status=\"303\"} 1\n"));
	cr_expect(strstr(t, "{route=\"/\",method=\"other\",status=\"405\"} 1\n"));
	cr_expect(strstr(t, "{route=\"/\",method=\"GET\",status=\"other\"} 1\n"));
	cr_expect(strstr(t, "{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"));
	/* Cumulative buckets: 3 ms is under 5 ms, the two 20 ms ones under 25 ms. */
	cr_expect(strstr(t, "duration_seconds_bucket{route=\"/releases/:slug\",le=\"0.0025\"} 0\n"));
	cr_expect(strstr(t, "duration_seconds_bucket{route=\"/releases/:slug\",le=\"0.005\"} 1\n"));
	cr_expect(strstr(t, "duration_seconds_bucket{route=\"/releases/:slug\",le=\"0.025\"} 3\n"));
	cr_expect(strstr(t, "duration_seconds_bucket{route=\"/releases/:slug\",le=\"+Inf\"} 3\n"));
	cr_expect(strstr(t, "duration_seconds_sum{route=\"/releases/:slug\"} 0.043000\n"), "%s", t);
	cr_expect(strstr(t, "duration_seconds_count{route=\"/releases/:slug\"} 3\n"));
	cr_expect(strstr(t, "duration_seconds_bucket{route=\"/\",le=\"10\"} 1\n"));
	cr_expect(strstr(t, "duration_seconds_bucket{route=\"/\",le=\"+Inf\"} 2\n"));
	/* Routes never requested have no series. */
	cr_expect_null(strstr(t, "route=\"/login\",method=\"GET\""));
	buf_free(&b);
}

Test(accesslog, secret_names)
{
	const char *secret[] = { "token", "csrf_token", "access_token", "password", "Passwd",
				 "api_key", "secret", "session", "auth", "code", "sig" };
	const char *plain[] = { "q", "unit", "kind", "page", "next", "before", "limit", "state" };
	for (size_t i = 0; i < sizeof secret / sizeof secret[0]; i++)
		cr_expect(access_log_secret_name(secret[i]), "%s", secret[i]);
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		cr_expect_not(access_log_secret_name(plain[i]), "%s", plain[i]);
}

Test(accesslog, path_redaction_and_encoding)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "/", "/" },
		{ "/releases/dinkes-perluas-layanan-cek-kesehatan-gratis-2026",
		  "/releases/dinkes-perluas-layanan-cek-kesehatan-gratis-2026" },
		{ "/reset/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
		  "/reset/REDACTED" },
		{ "/invite/Zx8QeR2nLp0aWm4TbYc9Kd/accept", "/invite/REDACTED/accept" },
		{ "/units/DINKES/feed.xml", "/units/DINKES/feed.xml" },
		{ "/a b\n\"c", "/a%20b%0A%22c" },
		{ "/berita/\xc3\xa9", "/berita/%C3%A9" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;
		access_log_path(&b, cases[i].in);
		cr_expect_str_eq(buf_str(&b), cases[i].out);
		buf_free(&b);
	}
}

static struct access_entry entry(struct form *q)
{
	struct access_entry e = {
		.time = { 1764331200, 123456789 }, /* 2025-11-28T12:00:00.123Z */
		.method = "GET", .path = "/search", .query = q, .route = "/search",
		.status = 200, .bytes = 5120, .ms = 12.3456, .user_id = 0,
	};
	return e;
}

Test(accesslog, text_line)
{
	struct form q;
	form_init(&q, 1000, 10000, 10);
	form_feed(&q, "q", 0, "banjir rob", 10);
	form_feed(&q, "token", 0, "abc123", 6);
	struct access_entry e = entry(&q);
	struct buf b = BUF_INIT;
	access_log_format(&b, 0, &e);
	cr_expect_str_eq(buf_str(&b), "2025-11-28T12:00:00.123Z GET /search?q=banjir%20rob&token=REDACTED"
				     " 200 5120 12.3ms user=-\n");
	buf_reset(&b);
	e.user_id = 7;
	e.query = NULL;
	access_log_format(&b, 0, &e);
	cr_expect_str_eq(buf_str(&b), "2025-11-28T12:00:00.123Z GET /search 200 5120 12.3ms user=7\n");
	buf_free(&b);
	form_free(&q);
}

Test(accesslog, json_line)
{
	struct form q;
	form_init(&q, 1000, 10000, 10);
	form_feed(&q, "password", 0, "hunter2hunter2", 14);
	form_feed(&q, "q", 0, "\"x\"\n", 4);
	struct access_entry e = entry(&q);
	e.user_id = 42;
	struct buf b = BUF_INIT;
	access_log_format(&b, 1, &e);
	const char *line = buf_str(&b);
	cr_assert(line[b.len - 1] == '\n');
	cr_expect_eq(strchr(line, '\n'), line + b.len - 1, "one line");
	cr_expect_null(strstr(line, "hunter2"));
	json_error_t err;
	json_t *o = json_loads(line, 0, &err);
	cr_assert_not_null(o, "%s: %s", line, err.text);
	cr_expect_str_eq(json_string_value(json_object_get(o, "time")), "2025-11-28T12:00:00.123Z");
	cr_expect_str_eq(json_string_value(json_object_get(o, "method")), "GET");
	cr_expect_str_eq(json_string_value(json_object_get(o, "path")), "/search");
	cr_expect_str_eq(json_string_value(json_object_get(o, "query")),
			 "password=REDACTED&q=%22x%22%0A");
	cr_expect_str_eq(json_string_value(json_object_get(o, "route")), "/search");
	cr_expect_eq(json_integer_value(json_object_get(o, "status")), 200);
	cr_expect_eq(json_integer_value(json_object_get(o, "bytes")), 5120);
	cr_expect_float_eq(json_number_value(json_object_get(o, "duration_ms")), 12.345, 1e-9);
	cr_expect_eq(json_integer_value(json_object_get(o, "user_id")), 42);
	json_decref(o);
	buf_reset(&b);
	e.user_id = 0;
	access_log_format(&b, 1, &e);
	o = json_loads(buf_str(&b), 0, &err);
	cr_assert_not_null(o);
	cr_expect(json_is_null(json_object_get(o, "user_id")));
	json_decref(o);
	buf_free(&b);
	form_free(&q);
}
