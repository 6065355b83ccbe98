/* GET /metrics: the Prometheus text exposition of the request counters (http/metrics.c) and of
 * what the database holds (review queue, outbox, size), plus the process's memory and files.
 * Only for loopback clients not behind a proxy, or with the configured bearer token; anyone
 * else gets the ordinary 404 page, as for a path that does not exist. */
#include "pages/pages.h"

#include <dirent.h>
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/ops.h"
#include "http/cache.h"
#include "http/metrics.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/clock.h"

/* Resident memory in bytes, -1 when /proc cannot tell. */
static int64_t process_rss(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	char line[128];
	if (!f)
		return -1;
	int got = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	if (!got)
		return -1;
	/* "size resident shared ...", in pages */
	char *end;
	errno = 0;
	strtol(line, &end, 10);
	long resident = errno || end == line ? -1 : strtol(end, &end, 10);
	return errno || resident < 0 ? -1 : (int64_t)resident * sysconf(_SC_PAGESIZE);
}

/* Open file descriptors, -1 when /proc cannot tell. */
static int64_t process_open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	if (!d)
		return -1;
	int64_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1; /* the directory stream itself */
}

/* Bytes the program has allocated and not freed (glibc's mallinfo2: small blocks in use in
 * every arena plus mmap'd blocks), -1 under AddressSanitizer, whose allocator glibc does not
 * see. Unlike resident memory it does not count freed memory that malloc keeps for reuse, so
 * a leak shows here and fragmentation does not. The valgrind build (SIARAN_VALGRIND_BUILD) has
 * valgrind's malloc, which glibc does not see either. */
#if defined(__SANITIZE_ADDRESS__) || defined(SIARAN_VALGRIND_BUILD)
#define NOT_GLIBC_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NOT_GLIBC_MALLOC 1
#endif
#endif
static int64_t heap_in_use(void)
{
#ifdef NOT_GLIBC_MALLOC
	return -1;
#else
	struct mallinfo2 mi = mallinfo2();
	return (int64_t)(mi.uordblks + mi.hblkhd);
#endif
}

static void gauge(struct buf *b, const char *name, const char *help, int64_t v)
{
	buf_printf(b, "# HELP %s %s\n# TYPE %s gauge\n%s %lld\n", name, help, name, name,
		   (long long)v);
}

void page_metrics(struct req *r, struct resp *s)
{
	int proxied = req_header(r, "X-Forwarded-For") || req_header(r, "X-Real-IP") ||
		      req_header(r, "Forwarded");
	if (!metrics_access_allowed(r->client, proxied, req_header(r, "Authorization"),
				    r->app->metrics_token)) {
		page_error(r, s, 404, NULL);
		return;
	}
	sqlite3 *c = req_db(r);
	struct ops_stats os;
	int64_t size = 0, wal = 0;
	if (!c || ops_stats(c, clock_now(), &os) < 0 || db_size(r->app->db, c, &size, &wal) < 0) {
		resp_text(s, 503, "database unavailable\n");
		return;
	}
	struct buf b = BUF_INIT;
	metrics_render(&b);
	buf_puts(&b, "# HELP siaran_requests Publication requests by workflow state.\n"
		     "# TYPE siaran_requests gauge\n");
	for (int i = 0; i < WF_NSTATES; i++)
		buf_printf(&b, "siaran_requests{state=\"%s\"} %lld\n",
			   workflow_state_name((enum wf_state)i), (long long)os.requests[i]);
	gauge(&b, "siaran_review_queue_length",
	      "Requests waiting for review (submitted or in review).", os.queue);
	gauge(&b, "siaran_review_queue_oldest_age_seconds",
	      "Seconds since the oldest request in the review queue was submitted (0 when empty).",
	      os.queue_oldest_age);
	buf_puts(&b, "# HELP siaran_outbox_messages E-mail messages in the outbox by state.\n"
		     "# TYPE siaran_outbox_messages gauge\n");
	buf_printf(&b, "siaran_outbox_messages{state=\"pending\"} %lld\n"
		       "siaran_outbox_messages{state=\"sent\"} %lld\n"
		       "siaran_outbox_messages{state=\"failed\"} %lld\n",
		   (long long)os.outbox_pending, (long long)os.outbox_sent, (long long)os.outbox_failed);
	gauge(&b, "siaran_outbox_pending", "E-mail messages waiting to be delivered.",
	      os.outbox_pending);
	gauge(&b, "siaran_database_size_bytes", "Database size: page_count * page_size.", size);
	gauge(&b, "siaran_database_wal_size_bytes", "Size of the write-ahead log file.", wal);
	int64_t rss = process_rss(), fds = process_open_fds();
	if (rss >= 0)
		gauge(&b, "process_resident_memory_bytes", "Resident memory size in bytes.", rss);
	if (fds >= 0)
		gauge(&b, "process_open_fds", "Number of open file descriptors.", fds);
	int64_t heap = heap_in_use();
	if (heap >= 0)
		gauge(&b, "siaran_heap_in_use_bytes",
		      "Bytes allocated with malloc and not freed (all arenas and mmap'd blocks).", heap);
	gauge(&b, "siaran_response_cache_bytes",
	      "Bytes of public responses held in the response cache (bodies, gzip copies, keys, headers).",
	      (int64_t)cache_total_bytes());
	gauge(&b, "siaran_sqlite_memory_bytes",
	      "Bytes allocated by SQLite (page caches, statements, schema).",
	      (int64_t)sqlite3_memory_used());
	s->status = 200;
	s->content_type = "text/plain; version=0.0.4; charset=utf-8";
	buf_free(&s->body);
	s->body = b;
}
