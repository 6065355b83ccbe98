/* Request metrics for GET /metrics (Prometheus text format): counters by route pattern, method
 * and status, and a latency histogram per route pattern, all lock-free atomics updated by the
 * request threads. Also who may read them (loopback, or a bearer token). */
#ifndef SIARAN_METRICS_H
#define SIARAN_METRICS_H
#include <stddef.h>

#include "http/router.h"
#include "util/buf.h"

/* Sets up counters for the patterns of the route table (plus "unmatched" for paths that match
 * none). Called once by http_start before any request thread runs; a second call is ignored. */
void metrics_init(const struct route *rows, size_t n);

/* Counts one answered request and returns the route pattern it was counted under ("unmatched"
 * when none). Thread-safe; a no-op (returning "unmatched") before metrics_init. */
const char *metrics_observe(const char *method, const char *path, int status, double seconds);

/* Appends the HTTP counters and histograms in the Prometheus text exposition format. */
void metrics_render(struct buf *out);

/* Whether a metrics request may be answered: from a loopback address (127.0.0.0/8, ::1 or
 * ::ffff:127.x) that did not come through a proxy (proxied: the request carries X-Forwarded-For,
 * X-Real-IP or Forwarded, as a reverse proxy on the same machine adds), or with
 * "Authorization: Bearer TOKEN" matching token (compared in constant time). token NULL or "":
 * none configured, loopback only. */
int metrics_access_allowed(const char *client, int proxied, const char *authorization,
			   const char *token);

#endif
