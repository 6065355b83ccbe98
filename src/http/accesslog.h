/* The access log: one line per answered request on standard output, as text or as one JSON
 * object per line, with nothing secret in it — no cookies, no Authorization header, no form
 * values, query parameters with secret-looking names and token-like path segments redacted. */
#ifndef SIARAN_ACCESSLOG_H
#define SIARAN_ACCESSLOG_H
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "http/form.h"
#include "util/buf.h"

struct access_entry {
	struct timespec time;       /* wall-clock time the answer was finished */
	const char *method, *path;  /* path without the query string, as decoded by the server */
	const struct form *query;   /* decoded query fields; NULL for none */
	const char *route;          /* the route pattern (metrics_observe) */
	int status;
	size_t bytes;               /* body bytes sent */
	double ms;                  /* duration in milliseconds */
	int64_t user_id;            /* 0 when anonymous */
};

/* Whether a query parameter's value is never logged: names containing token, pass, secret,
 * session, auth, key or sig (any case), and "code". */
int access_log_secret_name(const char *name);

/* Appends the path, percent-encoded (control characters, spaces, non-ASCII bytes), with path
 * segments that look like tokens (20+ hex digits, or 20+ letters and digits with upper and lower
 * case and a digit) replaced by REDACTED. */
void access_log_path(struct buf *out, const char *path);
/* Appends the query fields as name=value&... (percent-encoded), secret values as REDACTED;
 * nothing when there are none. */
void access_log_query(struct buf *out, const struct form *query);

/* Appends one log line with its newline. Text: TIME METHOD PATH[?QUERY] STATUS BYTES DURATIONms
 * user=ID|-. JSON: {"time","method","path","query","route","status","bytes","duration_ms",
 * "user_id"} with user_id null when anonymous. */
void access_log_format(struct buf *out, int json, const struct access_entry *e);
/* Formats e and writes it to standard output in one write (lines never interleave). */
void access_log_write(int json, const struct access_entry *e);

#endif
