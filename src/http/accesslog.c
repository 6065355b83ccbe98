/* The access log (see accesslog.h). Every value that came from the client is re-encoded, so a
 * line is one line of printable ASCII whatever the request held. */
#include "http/accesslog.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char hexdig[] = "0123456789ABCDEF";

static int unreserved(unsigned char c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static void put_encoded(struct buf *out, const char *s, size_t n, const char *also_plain)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && (unreserved(c) || (c && strchr(also_plain, c)))) {
			buf_putc(out, (char)c);
		} else {
			buf_putc(out, '%');
			buf_putc(out, hexdig[c >> 4]);
			buf_putc(out, hexdig[c & 15]);
		}
	}
}

int access_log_secret_name(const char *name)
{
	static const char *const parts[] = { "token", "pass", "secret", "session", "auth", "key",
					     "sig" };
	if (strcasecmp(name, "code") == 0)
		return 1;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (strcasestr(name, parts[i]))
			return 1;
	return 0;
}

static int token_like(const char *s, size_t n)
{
	if (n < 20)
		return 0;
	int hex = 1, upper = 0, lower = 0, digit = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c) && c != '-' && c != '_')
			return 0;
		hex &= isxdigit(c) != 0;
		upper |= isupper(c) != 0;
		lower |= islower(c) != 0;
		digit |= isdigit(c) != 0;
	}
	return hex || (upper && lower && digit);
}

void access_log_path(struct buf *out, const char *path)
{
	const char *p = path ? path : "";
	while (*p) {
		if (*p == '/') {
			buf_putc(out, '/');
			p++;
			continue;
		}
		size_t n = strcspn(p, "/");
		if (token_like(p, n))
			buf_puts(out, "REDACTED");
		else
			put_encoded(out, p, n, ":@!$'()*+,;=");
		p += n;
	}
}

void access_log_query(struct buf *out, const struct form *query)
{
	if (!query)
		return;
	for (const struct field *f = query->head; f; f = f->next) {
		if (f != query->head)
			buf_putc(out, '&');
		put_encoded(out, f->name, strlen(f->name), "");
		buf_putc(out, '=');
		if (access_log_secret_name(f->name))
			buf_puts(out, "REDACTED");
		else
			put_encoded(out, f->value.data ? f->value.data : "", f->value.len, "");
	}
}

void access_log_format(struct buf *out, int json, const struct access_entry *e)
{
	char ts[64], stamp[32];
	struct tm tm;
	gmtime_r(&e->time.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(ts, sizeof ts, "%s.%03dZ", stamp, (int)(e->time.tv_nsec / 1000000 % 1000));
	struct buf method = BUF_INIT, path = BUF_INIT, query = BUF_INIT;
	put_encoded(&method, e->method ? e->method : "", strlen(e->method ? e->method : ""), "");
	access_log_path(&path, e->path);
	access_log_query(&query, e->query);
	if (json) {
		json_t *o = json_object();
		json_object_set_new(o, "time", json_string(ts));
		json_object_set_new(o, "method", json_string(buf_str(&method)));
		json_object_set_new(o, "path", json_string(buf_str(&path)));
		json_object_set_new(o, "query", json_string(buf_str(&query)));
		json_object_set_new(o, "route", json_string(e->route ? e->route : "unmatched"));
		json_object_set_new(o, "status", json_integer(e->status));
		json_object_set_new(o, "bytes", json_integer((json_int_t)e->bytes));
		json_object_set_new(o, "duration_ms", json_real((double)(int64_t)(e->ms * 1000) / 1000));
		json_object_set_new(o, "user_id", e->user_id ? json_integer(e->user_id) : json_null());
		char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(9));
		if (s) {
			buf_puts(out, s);
			buf_putc(out, '\n');
			free(s);
		}
		json_decref(o);
	} else {
		buf_printf(out, "%s %s %s%s%s %d %zu %.1fms user=", ts, buf_str(&method), buf_str(&path),
			   query.len ? "?" : "", buf_str(&query), e->status, e->bytes, e->ms);
		if (e->user_id)
			buf_printf(out, "%lld\n", (long long)e->user_id);
		else
			buf_puts(out, "-\n");
	}
	buf_free(&method);
	buf_free(&path);
	buf_free(&query);
}

void access_log_write(int json, const struct access_entry *e)
{
	struct buf line = BUF_INIT;
	access_log_format(&line, json, e);
	/* One fwrite per line: stdio locks the stream for the call, so lines never interleave. */
	fwrite(line.data ? line.data : "", 1, line.len, stdout);
	fflush(stdout);
	buf_free(&line);
}
