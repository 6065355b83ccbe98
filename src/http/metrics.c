/* Request counters and latency histograms (see metrics.h). The slots are a fixed static table
 * filled once by metrics_init before the server's threads start; afterwards request threads only
 * add to atomic counters (relaxed order: each counter is exact, a scrape may see one request's
 * counter and histogram a moment apart). */
#include "http/metrics.h"

#include <arpa/inet.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "util/log.h"

#define MAX_SLOTS 128 /* distinct route patterns, "unmatched" included */

static const char *const methods[] = { "GET", "HEAD", "POST", "other" };
#define NMETHODS (sizeof methods / sizeof methods[0])

/* Statuses the server answers with; anything else is counted as "other". */
static const int statuses[] = { 200, 201, 204, 206, 301, 302, 303, 304, 400, 401, 403, 404, 405,
				409, 410, 413, 414, 415, 422, 429, 500, 502, 503 };
#define NSTATUSES (sizeof statuses / sizeof statuses[0])

/* Upper bounds of the latency buckets, in seconds (the +Inf bucket comes after them). */
static const double bounds[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
				 5, 10 };
static const char *const bound_labels[] = { "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
					    "0.1", "0.25", "0.5", "1", "2.5", "5", "10" };
#define NBOUNDS (sizeof bounds / sizeof bounds[0])

struct slot {
	const char *pattern;
	_Atomic uint64_t count[NMETHODS][NSTATUSES + 1]; /* last column: other statuses */
	_Atomic uint64_t bucket[NBOUNDS + 1];            /* per bucket, not cumulative; last +Inf */
	_Atomic uint64_t sum_us;                         /* total latency, microseconds */
};

/* Written by metrics_init only (before request threads exist, published by `ready`). */
static struct slot slots[MAX_SLOTS];
static size_t nslots;
static const struct route *table;
static size_t table_n;
static atomic_int ready;

void metrics_init(const struct route *rows, size_t n)
{
	if (atomic_load(&ready))
		return;
	table = rows;
	table_n = n;
	nslots = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < nslots; j++)
			if (strcmp(slots[j].pattern, rows[i].pattern) == 0)
				break;
		if (j < nslots)
			continue;
		if (nslots == MAX_SLOTS - 1) {
			log_warn("metrics: more than %d route patterns; the rest count as unmatched",
				 MAX_SLOTS - 1);
			break;
		}
		slots[nslots++].pattern = rows[i].pattern;
	}
	slots[nslots++].pattern = "unmatched";
	atomic_store(&ready, 1);
}

static struct slot *slot_for(const char *path)
{
	const char *pattern = router_resource(table, table_n, path);
	if (pattern)
		for (size_t i = 0; i + 1 < nslots; i++)
			if (slots[i].pattern == pattern || strcmp(slots[i].pattern, pattern) == 0)
				return &slots[i];
	return &slots[nslots - 1];
}

const char *metrics_observe(const char *method, const char *path, int status, double seconds)
{
	if (!atomic_load_explicit(&ready, memory_order_acquire))
		return "unmatched";
	struct slot *s = slot_for(path ? path : "");
	size_t m = 0;
	while (m + 1 < NMETHODS && strcmp(methods[m], method ? method : "") != 0)
		m++;
	size_t k = 0;
	while (k < NSTATUSES && statuses[k] != status)
		k++;
	size_t b = 0;
	while (b < NBOUNDS && seconds > bounds[b])
		b++;
	if (seconds < 0)
		seconds = 0;
	atomic_fetch_add_explicit(&s->count[m][k], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->bucket[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->sum_us, (uint64_t)(seconds * 1e6 + 0.5), memory_order_relaxed);
	return s->pattern;
}

/* Appends a label value with the escapes of the exposition format. */
static void put_label(struct buf *out, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\' || *v == '"')
			buf_putc(out, '\\');
		if (*v == '\n')
			buf_puts(out, "\\n");
		else
			buf_putc(out, *v);
	}
}

void metrics_render(struct buf *out)
{
	if (!atomic_load_explicit(&ready, memory_order_acquire))
		return;
	buf_puts(out, "# HELP siaran_http_requests_total HTTP requests answered, by route pattern,"
		      " method and status.\n# TYPE siaran_http_requests_total counter\n");
	for (size_t i = 0; i < nslots; i++)
		for (size_t m = 0; m < NMETHODS; m++)
			for (size_t k = 0; k <= NSTATUSES; k++) {
				uint64_t v = atomic_load_explicit(&slots[i].count[m][k], memory_order_relaxed);
				if (!v)
					continue;
				buf_puts(out, "siaran_http_requests_total{route=\"");
				put_label(out, slots[i].pattern);
				buf_printf(out, "\",method=\"%s\",status=\"", methods[m]);
				if (k < NSTATUSES)
					buf_printf(out, "%d", statuses[k]);
				else
					buf_puts(out, "other");
				buf_printf(out, "\"} %llu\n", (unsigned long long)v);
			}
	buf_puts(out, "# HELP siaran_http_request_duration_seconds Time from a request's arrival to the"
		      " end of its answer, by route pattern.\n"
		      "# TYPE siaran_http_request_duration_seconds histogram\n");
	for (size_t i = 0; i < nslots; i++) {
		uint64_t counts[NBOUNDS + 1], total = 0;
		for (size_t b = 0; b <= NBOUNDS; b++) {
			counts[b] = atomic_load_explicit(&slots[i].bucket[b], memory_order_relaxed);
			total += counts[b];
		}
		if (!total)
			continue;
		uint64_t cum = 0;
		for (size_t b = 0; b <= NBOUNDS; b++) {
			cum += counts[b];
			buf_puts(out, "siaran_http_request_duration_seconds_bucket{route=\"");
			put_label(out, slots[i].pattern);
			buf_printf(out, "\",le=\"%s\"} %llu\n", b < NBOUNDS ? bound_labels[b] : "+Inf",
				   (unsigned long long)cum);
		}
		uint64_t us = atomic_load_explicit(&slots[i].sum_us, memory_order_relaxed);
		buf_puts(out, "siaran_http_request_duration_seconds_sum{route=\"");
		put_label(out, slots[i].pattern);
		buf_printf(out, "\"} %llu.%06llu\n", (unsigned long long)(us / 1000000),
			   (unsigned long long)(us % 1000000));
		buf_puts(out, "siaran_http_request_duration_seconds_count{route=\"");
		put_label(out, slots[i].pattern);
		buf_printf(out, "\"} %llu\n", (unsigned long long)cum);
	}
}

static int is_loopback(const char *client)
{
	struct in_addr a4;
	struct in6_addr a6;
	if (!client)
		return 0;
	if (inet_pton(AF_INET, client, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, client, &a6) != 1)
		return 0;
	if (IN6_IS_ADDR_LOOPBACK(&a6))
		return 1;
	return IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127;
}

/* Constant-time in the secret: both sides are hashed, and the digests compared with
 * sodium_memcmp, so neither the token's length nor its content shows in the timing. */
static int token_matches(const char *given, const char *token)
{
	unsigned char a[crypto_generichash_BYTES], b[crypto_generichash_BYTES];
	crypto_generichash(a, sizeof a, (const unsigned char *)given, strlen(given), NULL, 0);
	crypto_generichash(b, sizeof b, (const unsigned char *)token, strlen(token), NULL, 0);
	return sodium_memcmp(a, b, sizeof a) == 0;
}

int metrics_access_allowed(const char *client, int proxied, const char *authorization,
			   const char *token)
{
	if (!proxied && is_loopback(client))
		return 1;
	if (!token || !*token || !authorization || strncasecmp(authorization, "Bearer ", 7) != 0)
		return 0;
	const char *given = authorization + 7;
	while (*given == ' ')
		given++;
	return *given && token_matches(given, token);
}
