/* libmicrohttpd glue: one thread per connection (so a 150 ms password hash stalls only its own
 * client), request framing checks, capped body decoding, session lookup, CSRF and role checks,
 * dispatch through the route table, and turning struct resp into the HTTP answer. */
#include "http/http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/release.h"
#include "core/session.h"
#include "http/accesslog.h"
#include "http/cache.h"
#include "http/metrics.h"
#include "core/user.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define MAX_FORM_BYTES (1024 * 1024)
#define MAX_FIELD_BYTES (256 * 1024)
#define MAX_FIELDS 1000
#define MAX_QUERY_BYTES (16 * 1024)
#define MAX_DISCARD_BYTES (8 * 1024 * 1024)
#define SHUTDOWN_GRACE_S 30
#define CACHE_BYTES (64 * 1024 * 1024)

#define CSP "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self';" \
	    " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

struct http_server {
	struct MHD_Daemon *d;
	struct app *app;
	const struct route_table *routes;
	pthread_mutex_t lock; /* guards inflight */
	pthread_cond_t idle;
	int inflight;         /* requests between their first callback and completion */
	struct cache *cache;  /* public responses for anonymous visitors */
	char *tmp_dir;        /* where uploaded file parts are streamed (DATA/tmp) */
	char file_limit_msg[128];
	/* The content version last read from the database, with the commit count seen before that
	 * read and when it was read; guarded by version_lock. */
	pthread_mutex_t version_lock;
	int64_t version;
	uint64_t version_commits;
	int64_t version_read_ms;
};

/* Per-request state, from the first access-handler call to MHD_OPTION_NOTIFY_COMPLETED. */
struct rstate {
	struct http_server *srv;
	struct req req;
	struct resp resp;
	struct MHD_PostProcessor *pp;
	int early_status;        /* an error found while reading: answered on the final call */
	const char *early_msg;
	struct timespec started;
	size_t discarded;        /* body bytes dropped after early_status was set */
	size_t body_bytes;       /* body bytes received so far */
	size_t max_body;         /* the cap for body_bytes: forms, or forms and files */
	size_t max_discard;      /* how much of a refused body is read and dropped */
	int user_loaded;         /* load_user has run */
	int draining;            /* early_status is answered after the body has been read */
	int files_ok;            /* file parts are stored (a ROUTE_FILES route, a permitted user) */

	struct cache_entry *hit; /* the cached response being sent (a reference is held) */
};

/* --- request helpers used by handlers --- */

sqlite3 *req_db(struct req *r)
{
	if (!r->rdb)
		r->rdb = db_read_begin(r->app->db);
	return r->rdb;
}

const char *req_header(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *req_cookie(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const char *req_query(struct req *r, const char *name)
{
	return form_get(&r->query, name);
}

const char *req_form(struct req *r, const char *name)
{
	return form_get(&r->body, name);
}

size_t req_files(struct req *r, const char *name, struct upload **out, size_t max)
{
	return upload_get_all(&r->files, name, out, max);
}

const char *req_csrf(struct req *r)
{
	return r->user ? r->user->csrf : r->anon_csrf;
}

static int header_safe(const char *s)
{
	for (; *s; s++)
		if (*s == '\r' || *s == '\n' || (unsigned char)*s < 0x20)
			return 0;
	return 1;
}

void resp_header(struct resp *s, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value)) {
		log_error("refusing header %s with control characters", name);
		return;
	}
	buf_printf(&s->headers, "%s: %s\n", name, value);
}

void resp_redirect(struct resp *s, int status, const char *location)
{
	/* Only local paths: never "//host" or a scheme, so no open redirect. */
	if (location[0] != '/' || location[1] == '/' || location[1] == '\\')
		location = "/";
	s->status = status;
	buf_reset(&s->body);
	resp_header(s, "Location", location);
}

void resp_file(struct resp *s, int status, int fd, uint64_t offset, uint64_t length)
{
	if (s->fd >= 0)
		close(s->fd);
	buf_reset(&s->body);
	s->status = status;
	s->fd = fd;
	s->fd_offset = offset;
	s->fd_length = length;
}

void resp_text(struct resp *s, int status, const char *text)
{
	s->status = status;
	s->content_type = "text/plain; charset=utf-8";
	buf_reset(&s->body);
	buf_puts(&s->body, text);
}

const char *http_session_cookie(const struct app *app)
{
	return app->https ? "__Host-siaran_session" : "siaran_session";
}

const char *http_csrf_cookie(const struct app *app)
{
	return app->https ? "__Host-siaran_csrf" : "siaran_csrf";
}

void resp_cookie(struct req *r, struct resp *s, const char *name, const char *value, int max_age)
{
	char line[512];
	char age[40] = "";
	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%d", max_age);
	int n = snprintf(line, sizeof line, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", name, value,
			 r->app->https ? "; Secure" : "", age);
	if (n < 0 || (size_t)n >= sizeof line) {
		log_error("cookie %s too long", name);
		return;
	}
	resp_header(s, "Set-Cookie", line);
}

static void load_user(struct rstate *st);

/* --- framing and body --- */

struct framing {
	int content_length;
	int transfer_encoding;
	int te_chunked;
	int control; /* a control character in a header, or white space in its name */
};

/* Whether s[0..n) holds a NUL or a control character other than tab. */
static int has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7f)
			return 1;
	return 0;
}

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key,
				    size_t key_size, const char *value, size_t value_size)
{
	(void)kind;
	struct framing *f = cls;
	/* (A NUL never gets here: libmicrohttpd 0.9.75 ends the value there and drops the rest.) */
	/* "Transfer-Encoding : chunked" is a classic smuggling form: no space or tab in a name. */
	if (has_control(key, key_size) || memchr(key, ' ', key_size) || memchr(key, '\t', key_size) ||
	    (value && has_control(value, value_size)))
		f->control++;
	if (strcasecmp(key, "Content-Length") == 0)
		f->content_length++;
	else if (strcasecmp(key, "Transfer-Encoding") == 0) {
		f->transfer_encoding++;
		f->te_chunked = value && strcasecmp(value, "chunked") == 0;
	}
	return MHD_YES;
}

static enum MHD_Result on_post_field(void *cls, enum MHD_ValueKind kind, const char *key,
				     const char *filename, const char *content_type,
				     const char *transfer_encoding, const char *data, uint64_t off,
				     size_t size)
{
	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	struct rstate *st = cls;
	if (!key) { /* a multipart part without a name (found by tests/fuzz/fuzz_request.c) */
		st->early_status = 400;
		st->early_msg = "Isi formulir rusak.";
		return MHD_NO;
	}
	if (filename) {
		if (!st->files_ok)
			return MHD_YES; /* not a route that takes files: ignored, never stored */
		const struct app *app = st->srv->app;
		switch (upload_feed(&st->req.files, st->srv->tmp_dir, key, filename, off, data, size,
				    app->max_file_bytes, (size_t)app->max_files)) {
		case UPLOAD_OK:
			return MHD_YES;
		case UPLOAD_TOO_LARGE:
			st->early_status = 413;
			st->early_msg = st->srv->file_limit_msg;
			return MHD_NO;
		case UPLOAD_TOO_MANY:
			st->early_status = 413;
			st->early_msg = "Terlalu banyak berkas dalam satu unggahan.";
			return MHD_NO;
		default:
			st->early_status = 503;
			st->early_msg = "Berkas tidak dapat disimpan sementara (ruang penyimpanan server). "
					"Coba lagi nanti.";
			return MHD_NO;
		}
	}
	if (form_feed(&st->req.body, key, off, data, size) != FORM_OK) {
		st->early_status = 413;
		st->early_msg = "Isian formulir terlalu besar.";
		return MHD_NO;
	}
	return MHD_YES;
}

static enum MHD_Result on_query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				    size_t key_size, const char *value, size_t value_size)
{
	(void)kind;
	(void)key_size;
	struct rstate *st = cls;
	if (form_feed(&st->req.query, key, 0, value ? value : "", value ? value_size : 0) != FORM_OK) {
		st->early_status = 414;
		st->early_msg = "Alamat terlalu panjang.";
		return MHD_NO;
	}
	return MHD_YES;
}

/* Whether file parts of this request are stored: a POST to a file route by a signed-in
 * user of a role the route admits. The session is read now, before the body; everything else
 * (CSRF, access to the object) is checked by the handler as usual once the body is complete. */
static int files_allowed(struct rstate *st, struct MHD_Connection *c)
{
	(void)c;
	const struct route_table *rt = st->srv->routes;
	const struct route *route = NULL;
	const char *allow = NULL;
	struct route_params p;
	if (router_find(rt->rows, rt->n, "POST", st->req.path, &route, &p, &allow) != ROUTER_FOUND)
		return 0;
	int listed = 0;
	for (const char *const *f = rt->file_routes; f && *f && !listed; f++)
		listed = strcmp(*f, route->pattern) == 0;
	if (!listed)
		return 0;
	load_user(st);
	return st->req.user && (!route->roles || (route->roles & (unsigned)st->req.user->role));
}

/* Set by unescape when the request line holds "%00"; read and cleared by first_checks. The
 * request line is decoded on the connection's own thread (one thread per connection) just
 * before its first access-handler call. */
static _Thread_local int nul_in_url;

/* Checks made before any body is read. Returns 0, or an HTTP status to answer with. */
static int first_checks(struct rstate *st, struct MHD_Connection *c, const char *method)
{
	if (nul_in_url) {
		nul_in_url = 0;
		st->early_msg = "Alamat mengandung karakter yang tidak valid.";
		return 400;
	}
	struct framing f = { 0, 0, 0, 0 };
	MHD_get_connection_values_n(c, MHD_HEADER_KIND, count_framing, &f);
	/* libmicrohttpd 0.9.75 is lax about these; ambiguous framing invites request smuggling. */
	if (f.control || f.content_length > 1 || f.transfer_encoding > 1 ||
	    (f.transfer_encoding && (f.content_length || !f.te_chunked))) {
		st->early_msg = "Permintaan HTTP tidak valid.";
		return 400;
	}
	/* Other methods go on to the router, which answers 405 with Allow (or 404); their bodies
	 * are never decoded. */
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	st->max_body = MAX_FORM_BYTES;
	if (strcmp(method, "POST") == 0 && ct && strncasecmp(ct, "multipart/form-data", 19) == 0 &&
	    files_allowed(st, c)) {
		st->files_ok = 1;
		st->max_body += st->srv->app->max_request_bytes;
	}
	unsigned long long declared = cl ? strtoull(cl, NULL, 10) : 0;
	if (declared > st->max_body) {
		st->early_msg = st->files_ok ? "Unggahan melebihi batas ukuran per permintaan."
					     : "Isian formulir terlalu besar.";
		/* A client that waits for "100 Continue" hears the refusal at once. Others are
		 * sending already: a body not far over the limit is read and dropped so that they
		 * receive the page instead of a reset connection; a larger one is cut off. */
		const char *expect = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Expect");
		if (!expect && declared <= st->max_body + MAX_DISCARD_BYTES) {
			st->draining = 1;
			st->max_discard = (size_t)declared;
		}
		return 413;
	}
	/* A body refused part-way (a file over its limit) is still read to its declared end, so
	 * that the client receives the 413 page rather than a cut connection. */
	st->max_discard = declared > MAX_DISCARD_BYTES ? (size_t)declared : MAX_DISCARD_BYTES;
	if (strcmp(method, "POST") == 0) {
		int has_body = f.transfer_encoding || (cl && strcmp(cl, "0") != 0);
		if (has_body && (!ct || (strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0 &&
					 strncasecmp(ct, "multipart/form-data", 19) != 0))) {
			st->early_msg = "Jenis isi permintaan tidak didukung.";
			return 415;
		}
		if (has_body) {
			st->pp = MHD_create_post_processor(c, 16 * 1024, on_post_field, st);
			if (!st->pp) {
				st->early_msg = "Isi permintaan tidak dapat dibaca.";
				return 400;
			}
		}
	}
	return 0;
}

/* --- dispatch --- */

static void load_user(struct rstate *st)
{
	if (st->user_loaded)
		return;
	st->user_loaded = 1;
	struct req *r = &st->req;
	const char *tok = req_cookie(r, http_session_cookie(r->app));
	const char *anon = req_cookie(r, http_csrf_cookie(r->app));
	if (anon && token_well_formed(anon))
		snprintf(r->anon_csrf, sizeof r->anon_csrf, "%s", anon);
	if (!tok)
		return;
	sqlite3 *c = req_db(r);
	if (c && session_lookup(r->app->db, c, tok, &r->user) < 0)
		log_error("session lookup failed");
}

/* Whether a POST may change anything: same-origin (when the browser says) and the right token. */
static int csrf_ok(struct req *r)
{
	const char *origin = req_header(r, "Origin");
	if (origin) {
		const char *host = req_header(r, "Host");
		if (r->app->base_url && strcmp(origin, r->app->base_url) == 0) {
			/* matches the configured public URL */
		} else if (!host) {
			return 0;
		} else {
			const char *scheme = r->app->https ? "https://" : "http://";
			size_t sl = strlen(scheme);
			if (strncmp(origin, scheme, sl) != 0 || strcmp(origin + sl, host) != 0)
				return 0;
		}
	}
	const char *sent = req_form(r, "csrf_token");
	const char *want = req_csrf(r);
	return sent && want && *want && token_equal(sent, want);
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The current content version for the cache. While this process has committed nothing since
 * the last read (and that read is under a second old) the remembered value is exact, and a
 * cached page is served without touching the database. Otherwise it is read again; the one-
 * second limit covers writers outside this process. Returns 1 with *out, or -1. */
static int content_version(struct rstate *st, int64_t *out)
{
	struct http_server *srv = st->srv;
	uint64_t commits = db_commit_count(srv->app->db);
	int64_t now = mono_ms();
	pthread_mutex_lock(&srv->version_lock);
	int fresh = srv->version_read_ms && srv->version_commits == commits &&
		    now - srv->version_read_ms < 1000;
	*out = srv->version;
	pthread_mutex_unlock(&srv->version_lock);
	if (fresh)
		return 1;
	if (release_content_version(req_db(&st->req), out) != 1)
		return -1;
	pthread_mutex_lock(&srv->version_lock);
	srv->version = *out;
	srv->version_commits = commits; /* counted before the read: a later commit re-reads */
	srv->version_read_ms = now;
	pthread_mutex_unlock(&srv->version_lock);
	return 1;
}

/* The cache key: the path and the decoded query fields in order. */
static char *cache_key(const struct req *r)
{
	struct buf k = BUF_INIT;
	buf_puts(&k, r->path);
	for (const struct field *f = r->query.head; f; f = f->next) {
		buf_putc(&k, '\n');
		buf_puts(&k, f->name);
		buf_putc(&k, '=');
		buf_append(&k, f->value.data ? f->value.data : "", f->value.len);
	}
	return buf_steal(&k);
}

static void dispatch(struct rstate *st)
{
	struct req *r = &st->req;
	struct resp *s = &st->resp;
	const struct route_table *rt = st->srv->routes;

	db_full_reset(); /* this connection's thread may have seen a full disk in an earlier request */
	if (!form_valid(&r->query) || !form_valid(&r->body)) {
		rt->error(r, s, 400, "Isian mengandung karakter yang tidak valid.");
		return;
	}
	load_user(st);
	const struct route *route = NULL;
	const char *allow = NULL;
	switch (router_find(rt->rows, rt->n, r->method, r->path, &route, &r->params, &allow)) {
	case ROUTER_NOT_FOUND:
		rt->error(r, s, 404, NULL);
		return;
	case ROUTER_BAD_METHOD:
		resp_header(s, "Allow", allow);
		rt->error(r, s, 405, NULL);
		return;
	case ROUTER_FOUND:
		break;
	}
	int is_post = strcmp(r->method, "POST") == 0;
	if (is_post && !csrf_ok(r)) {
		rt->error(r, s, 403, "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.");
		return;
	}
	if (route->roles && !r->user) {
		if (is_post) {
			rt->error(r, s, 403, "Silakan masuk terlebih dahulu.");
		} else {
			char *loc = xasprintf("/login?next=%s", r->path);
			resp_redirect(s, 303, loc);
			free(loc);
		}
		return;
	}
	if (route->roles && !(route->roles & (unsigned)r->user->role)) {
		rt->error(r, s, 403, "Anda tidak berwenang membuka halaman ini.");
		return;
	}
	/* Anonymous reads of public routes come from the cache while the content version holds. */
	int64_t version = 0;
	char *key = NULL;
	if (!is_post && !r->user && !route->roles && content_version(st, &version) == 1) {
		key = cache_key(r);
		st->hit = cache_get(st->srv->cache, key, version);
		if (st->hit) {
			free(key);
			return;
		}
	}
	route->fn(r, s);
	if (key && s->cacheable && (s->status == 200 || s->status == 410) &&
	    !strstr(buf_str(&s->headers), "Set-Cookie:"))
		st->hit = cache_put(st->srv->cache, key, version, s->status,
				    s->content_type ? s->content_type : "text/html; charset=utf-8",
				    buf_str(&s->headers), s->body.data ? s->body.data : "", s->body.len);
	free(key);
}

/* Adds "Name: value\n" lines to a response (they were checked for CR/LF when added). */
static void add_header_lines(struct MHD_Response *mr, const char *lines)
{
	char *copy = xstrdup(lines);
	for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *colon = strchr(line, ':');
		if (!colon)
			continue;
		*colon = '\0';
		MHD_add_response_header(mr, line, colon[1] == ' ' ? colon + 2 : colon + 1);
	}
	free(copy);
}

static void add_std_headers(struct MHD_Response *mr, struct rstate *st, const char *ctype,
			    const char *extra, int status, int cacheable)
{
	MHD_add_response_header(mr, "Content-Type", ctype ? ctype : "text/html; charset=utf-8");
	MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(mr, "Referrer-Policy", "strict-origin-when-cross-origin");
	MHD_add_response_header(mr, "Content-Security-Policy", CSP);
	MHD_add_response_header(mr, "X-Frame-Options", "DENY");
	MHD_add_response_header(mr, "Cross-Origin-Opener-Policy", "same-origin");
	if (st->srv->app->https)
		MHD_add_response_header(mr, "Strict-Transport-Security", "max-age=31536000");
	if (!strstr(extra, "Cache-Control:"))
		/* Public pages may be held briefly by a proxy; they carry an ETag to revalidate.
		 * Anything for a signed-in user, or an error, is never stored. */
		MHD_add_response_header(mr, "Cache-Control",
					(st->req.user || !cacheable || status >= 500)
						? "no-store"
						: "public, max-age=30");
	if (st->req.user)
		MHD_add_response_header(mr, "Vary", "Cookie");
	else if (cacheable)
		MHD_add_response_header(mr, "Vary", "Accept-Encoding");
	add_header_lines(mr, extra);
}

static void release_hit(void *cls)
{
	struct cache_entry *e = cls;
	cache_release(e->owner, e);
}

/* Whether the client already has this version (If-None-Match, else If-Modified-Since against
 * the response's Last-Modified). */
static int not_modified(struct rstate *st, const char *etag, const char *extra)
{
	const char *inm = req_header(&st->req, "If-None-Match");
	if (inm)
		return strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL;
	const char *ims = req_header(&st->req, "If-Modified-Since");
	const char *lm = strstr(extra, "Last-Modified: ");
	if (!ims || !lm)
		return 0;
	struct tm a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	const char *fmt = "%a, %d %b %Y %H:%M:%S GMT";
	if (!strptime(ims, fmt, &a) || !strptime(lm + 15, fmt, &b))
		return 0;
	return timegm(&b) <= timegm(&a);
}

static int accepts_gzip(struct rstate *st)
{
	const char *ae = req_header(&st->req, "Accept-Encoding");
	return ae && strstr(ae, "gzip") && !strstr(ae, "gzip;q=0");
}

static enum MHD_Result send_resp(struct MHD_Connection *c, struct rstate *st)
{
	struct resp *s = &st->resp;
	struct cache_entry *e = st->hit;
	const char *ctype = e ? e->content_type : s->content_type;
	const char *extra = e ? e->headers : buf_str(&s->headers);
	int status = e ? e->status : s->status;
	int cacheable = e != NULL || (s->cacheable && status == 200);
	char etag_buf[24];
	const char *etag = NULL;
	if (e)
		etag = e->etag;
	else if (cacheable) {
		cache_etag(buf_str(&s->body), s->body.len, etag_buf);
		etag = etag_buf;
	}
	int gz = 0;
	struct MHD_Response *mr;
	if (!e && s->fd >= 0) {
		/* A file: sent by libmicrohttpd from the descriptor (which it closes). */
		mr = MHD_create_response_from_fd_at_offset64(s->fd_length, s->fd, s->fd_offset);
		if (!mr)
			close(s->fd);
		s->fd = -1;
		s->body.len = (size_t)s->fd_length;
	} else if (etag && (status == 200) && not_modified(st, etag, extra)) {
		status = 304;
		mr = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		s->body.len = 0;
	} else if (e) {
		gz = e->gz && accepts_gzip(st);
		/* Sent straight from the cache; the reference is dropped when MHD is done with it. */
		mr = MHD_create_response_from_buffer_with_free_callback_cls(
			gz ? e->gzlen : e->len, gz ? e->gz : e->body, release_hit, e);
		if (mr)
			st->hit = NULL; /* now owned by the response */
		s->body.len = gz ? e->gzlen : e->len;
	} else {
		size_t zlen = 0;
		char *z = (cacheable && accepts_gzip(st)) ? cache_gzip(ctype, buf_str(&s->body),
								     s->body.len, &zlen) : NULL;
		size_t len = z ? zlen : s->body.len;
		char *body = z ? z : buf_steal(&s->body);
		gz = z != NULL;
		mr = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
		if (!mr)
			free(body);
		s->body.len = len; /* kept for the access log */
	}
	if (!mr)
		return MHD_NO;
	add_std_headers(mr, st, ctype, extra, status, cacheable);
	if (etag)
		MHD_add_response_header(mr, "ETag", etag);
	if (gz)
		MHD_add_response_header(mr, "Content-Encoding", "gzip");
	s->status = status;
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, mr);
	MHD_destroy_response(mr);
	return ok;
}

/* Behind a reverse proxy on this machine (SIARAN_TRUST_PROXY=on) every peer is the proxy: the
 * client is the address it names in X-Real-IP. Believed only from a loopback peer, and only
 * when it is an IP address (written back in its canonical form). */
static void proxied_client(struct req *r, struct MHD_Connection *c, const struct sockaddr *sa)
{
	int loopback = (sa->sa_family == AF_INET &&
			(ntohl(((const struct sockaddr_in *)(const void *)sa)->sin_addr.s_addr) >> 24) == 127) ||
		       (sa->sa_family == AF_INET6 &&
			IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr));
	const char *real = loopback ? MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Real-IP") : NULL;
	unsigned char addr[sizeof(struct in6_addr)];
	if (!real)
		return;
	if (inet_pton(AF_INET, real, addr) == 1)
		inet_ntop(AF_INET, addr, r->client, sizeof r->client);
	else if (inet_pton(AF_INET6, real, addr) == 1)
		inet_ntop(AF_INET6, addr, r->client, sizeof r->client);
}

static void init_state(struct rstate *st, struct http_server *srv, struct MHD_Connection *c,
		       const char *url, const char *method)
{
	st->srv = srv;
	clock_gettime(CLOCK_MONOTONIC, &st->started);
	struct req *r = &st->req;
	r->app = srv->app;
	r->conn = c;
	r->method = method;
	r->path = url;
	form_init(&r->query, MAX_QUERY_BYTES, MAX_QUERY_BYTES, 200);
	form_init(&r->body, MAX_FIELD_BYTES, MAX_FORM_BYTES, MAX_FIELDS);
	r->body.streamed = 1;
	st->resp.status = 500;
	st->resp.fd = -1;
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, r->client,
				  sizeof r->client);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
				  r->client, sizeof r->client);
	}
	if (!r->client[0])
		snprintf(r->client, sizeof r->client, "unknown");
	if (srv->app->trust_proxy && ci && ci->client_addr)
		proxied_client(r, c, ci->client_addr);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	(void)version;
	struct http_server *srv = cls;
	struct rstate *st = *con_cls;
	if (!st) {
		st = xcalloc(1, sizeof *st);
		*con_cls = st;
		pthread_mutex_lock(&srv->lock);
		srv->inflight++;
		pthread_mutex_unlock(&srv->lock);
		init_state(st, srv, c, url, method);
		st->early_status = first_checks(st, c, method);
		if (!st->early_status)
			MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, on_query_arg, st);
		if (st->early_status && !st->draining)
			goto answer; /* refuse before reading a body we will not use */
		return MHD_YES;
	}
	if (*upload_data_size) {
		st->body_bytes += *upload_data_size;
		if (!st->early_status && st->body_bytes > st->max_body) {
			st->early_status = 413; /* chunked bodies have no Content-Length to refuse early */
			st->early_msg = "Isian formulir terlalu besar.";
		}
		if (!st->early_status && st->pp &&
		    MHD_post_process(st->pp, upload_data, *upload_data_size) != MHD_YES &&
		    !st->early_status) {
			st->early_status = 400;
			st->early_msg = "Isi formulir rusak.";
		}
		/* libmicrohttpd 0.9.75 accepts a response only before the body or after all of it:
		 * a refused body is read and dropped, up to a bound, then the connection is cut. */
		if (st->early_status)
			st->discarded += *upload_data_size;
		*upload_data_size = 0;
		if (st->discarded > st->max_discard)
			return MHD_NO;
		return MHD_YES;
	}
	if (st->pp) {
		if (MHD_destroy_post_processor(st->pp) != MHD_YES && !st->early_status) {
			st->early_status = 400;
			st->early_msg = "Isi formulir rusak.";
		}
		st->pp = NULL;
	}
	if (!st->early_status && upload_finish(&st->req.files) != UPLOAD_OK) {
		st->early_status = 503;
		st->early_msg = "Berkas tidak dapat disimpan sementara (ruang penyimpanan server). "
				"Coba lagi nanti.";
	}
answer:
	if (st->early_status)
		srv->routes->error(&st->req, &st->resp, st->early_status, st->early_msg);
	else
		dispatch(st);
	/* A handler may work longer than the idle timeout (photos queue for an image slot): the
	 * answer still goes out (libmicrohttpd 0.9.75 checks the timeout only while it waits for
	 * the socket; tests/http/slow-handler.test.mjs). */
	return send_resp(c, st);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)c;
	(void)toe;
	struct http_server *srv = cls;
	struct rstate *st = *con_cls;
	if (!st)
		return;
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (double)(end.tv_sec - st->started.tv_sec) * 1e3 +
		    (double)(end.tv_nsec - st->started.tv_nsec) / 1e6;
	/* Counted for /metrics and logged: never cookies, headers or form values (accesslog.h). */
	struct access_entry e = {
		.method = st->req.method, .path = st->req.path, .query = &st->req.query,
		.status = st->resp.status, .bytes = st->resp.body.len, .ms = ms,
		.user_id = st->req.user ? st->req.user->user_id : 0,
	};
	clock_gettime(CLOCK_REALTIME, &e.time);
	e.route = metrics_observe(st->req.method, st->req.path, st->resp.status, ms / 1e3);
	access_log_write(srv->app->log_json, &e);

	if (st->pp)
		MHD_destroy_post_processor(st->pp);
	cache_release(srv->cache, st->hit);
	if (st->req.rdb)
		db_read_end(srv->app->db, st->req.rdb);
	form_free(&st->req.query);
	form_free(&st->req.body);
	upload_list_free(&st->req.files);
	auth_free(st->req.user);
	buf_free(&st->resp.body);
	buf_free(&st->resp.headers);
	if (st->resp.fd >= 0)
		close(st->resp.fd);
	free(st);
	*con_cls = NULL;
	pthread_mutex_lock(&srv->lock);
	if (--srv->inflight == 0)
		pthread_cond_broadcast(&srv->idle);
	pthread_mutex_unlock(&srv->lock);
}

static int hexval(char ch)
{
	return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
		: ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* Percent-decoding of the path and query (MHD_OPTION_UNESCAPE_CALLBACK): as libmicrohttpd's own,
 * except that "%00" is not decoded and the request is refused (400). A decoded NUL would end the
 * C string early, so that "/media/x/w480.jpg%00.html" would be served as "/media/x/w480.jpg". */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	char *w = s;
	for (const char *r = s; *r;) {
		int hi, lo;
		if (r[0] == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
			if (!(hi | lo)) {
				nul_in_url = 1; /* refused by first_checks */
				*w++ = *r++;
				continue;
			}
			*w++ = (char)(hi * 16 + lo);
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return (size_t)(w - s);
}

static int parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len, int *v6,
			char *host, size_t hostlen)
{
	const char *colon = strrchr(listen, ':');
	if (!colon || colon == listen)
		return -1;
	size_t hl = (size_t)(colon - listen);
	const char *h = listen;
	if (h[0] == '[' && hl >= 2 && h[hl - 1] == ']') {
		h++;
		hl -= 2;
	}
	if (hl == 0 || hl >= hostlen)
		return -1;
	memcpy(host, h, hl);
	host[hl] = '\0';
	char *end;
	errno = 0;
	long port = strtol(colon + 1, &end, 10);
	if (errno || *end || colon[1] == '\0' || port < 0 || port > 65535)
		return -1;
	struct addrinfo hints = { 0 }, *res = NULL;
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if (getaddrinfo(host, NULL, &hints, &res) != 0 || !res)
		return -1;
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	*v6 = res->ai_family == AF_INET6;
	freeaddrinfo(res);
	if (*v6)
		((struct sockaddr_in6 *)(void *)ss)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)(void *)ss)->sin_port = htons((uint16_t)port);
	return 0;
}

struct http_server *http_start(struct app *app, const struct route_table *routes,
			       const char *address)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	int v6;
	char host[256];
	memset(&ss, 0, sizeof ss);
	/* libmicrohttpd takes a connection limit of 0 literally (every connection refused) and a
	 * timeout of 0 as none at all. */
	if (app->max_connections < 1 || app->connection_timeout < 1 || app->per_ip_limit < 0) {
		log_error("connection limits not set (max %d, per address %d, timeout %d s)",
			  app->max_connections, app->per_ip_limit, app->connection_timeout);
		return NULL;
	}
	if (parse_listen(address, &ss, &sslen, &v6, host, sizeof host) < 0) {
		log_error("cannot use listen address '%s' (expected HOST:PORT)", address);
		return NULL;
	}
	struct http_server *srv = xcalloc(1, sizeof *srv);
	srv->app = app;
	srv->routes = routes;
	pthread_mutex_init(&srv->lock, NULL);
	pthread_cond_init(&srv->idle, NULL);
	pthread_mutex_init(&srv->version_lock, NULL);
	srv->cache = cache_new(CACHE_BYTES);
	srv->tmp_dir = xasprintf("%s/tmp", app->data_dir);
	snprintf(srv->file_limit_msg, sizeof srv->file_limit_msg,
		 "Berkas melebihi batas %llu MiB per berkas.", app->max_file_bytes / (1024 * 1024));
	metrics_init(routes->rows, routes->n);
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
			 MHD_USE_POLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (v6)
		flags |= MHD_USE_IPv6;
	/* The socket is bound here, before the daemon starts, so that the real port (for port 0) is
	 * known and the base URL is set before any request thread can read it. */
	int fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	struct sockaddr_storage bound;
	socklen_t blen = sizeof bound;
	memset(&bound, 0, sizeof bound);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(fd, (struct sockaddr *)&ss, sslen) < 0 || listen(fd, 128) < 0 ||
	    getsockname(fd, (struct sockaddr *)&bound, &blen) < 0) {
		log_error("cannot listen on %s: %s", address, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto fail;
	}
	unsigned port = ntohs(v6 ? ((struct sockaddr_in6 *)(void *)&bound)->sin6_port
				 : ((struct sockaddr_in *)(void *)&bound)->sin_port);
	/* Without a configured public URL, absolute links use the address actually served. */
	if (!app->base_url)
		app->base_url = v6 ? xasprintf("http://[%s]:%u", host, port)
				   : xasprintf("http://%s:%u", host, port);
	srv->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, srv,
				  MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
				  MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
				  MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
				  /* Slow clients: see SIARAN_PER_IP_LIMIT and friends in main.c. */
				  MHD_OPTION_CONNECTION_LIMIT, (unsigned)app->max_connections,
				  MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)app->per_ip_limit,
				  MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)app->connection_timeout,
				  MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
				  /* HTTP/1.1 without Host, or a space in the URL: 400. */
				  MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
				  MHD_OPTION_END);
	if (!srv->d) {
		log_error("cannot start the HTTP server on %s", address);
		close(fd);
		goto fail;
	}
	printf(v6 ? "listening on http://[%s]:%u\n" : "listening on http://%s:%u\n", host, port);
	fflush(stdout);
	return srv;
fail:
	pthread_mutex_destroy(&srv->version_lock);
	pthread_mutex_destroy(&srv->lock);
	pthread_cond_destroy(&srv->idle);
	cache_free(srv->cache);
	free(srv->tmp_dir);
	free(srv);
	return NULL;
}

void http_stop(struct http_server *srv)
{
	if (!srv)
		return;
	MHD_socket fd = MHD_quiesce_daemon(srv->d);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += SHUTDOWN_GRACE_S;
	pthread_mutex_lock(&srv->lock);
	while (srv->inflight > 0)
		if (pthread_cond_timedwait(&srv->idle, &srv->lock, &until) == ETIMEDOUT)
			break;
	pthread_mutex_unlock(&srv->lock);
	MHD_stop_daemon(srv->d);
	cache_free(srv->cache);
	free(srv->tmp_dir);
	pthread_mutex_destroy(&srv->version_lock);
	pthread_mutex_destroy(&srv->lock);
	pthread_cond_destroy(&srv->idle);
	free(srv);
}
