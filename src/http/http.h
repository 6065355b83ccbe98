/* The request and response as handlers see them. http/server.c builds one struct req per HTTP
 * request (method, path, query, cookies, form fields, the signed-in user) and turns the handler's
 * struct resp into the HTTP answer, adding the security headers every response carries. */
#ifndef SIARAN_HTTP_H
#define SIARAN_HTTP_H
#include <sqlite3.h>
#include <stdint.h>

#include "app.h"
#include "http/form.h"
#include "http/router.h"
#include "http/upload.h"
#include "util/buf.h"

struct auth;

struct req {
	struct app *app;
	const char *method;   /* "GET", "HEAD" or "POST" */
	const char *path;     /* decoded path, without the query string */
	struct form query;    /* query-string arguments */
	struct form body;     /* form fields of a POST */
	struct upload_list files; /* uploaded files (route_table.file_routes only) */
	struct route_params params;
	char client[64];      /* the peer's address */
	struct auth *user;    /* NULL when anonymous */
	char anon_csrf[65];   /* the anonymous CSRF cookie, "" when absent */
	sqlite3 *rdb;         /* read connection, taken on first use by req_db */
	void *conn;           /* the libmicrohttpd connection (opaque to handlers) */
};

struct resp {
	int status;
	const char *content_type; /* default "text/html; charset=utf-8" */
	struct buf body;
	struct buf headers;       /* extra "Name: value\n" lines */
	int cacheable;            /* public, may be cached briefly (anonymous GET pages only) */
	/* A file answer instead of body (resp_file): fd is owned by the response from then on. */
	int fd;                   /* -1 when body is the answer */
	uint64_t fd_offset, fd_length;
};

/* A read-only database connection for this request (returned to the pool when it ends). NULL
 * only when the database cannot be opened. */
sqlite3 *req_db(struct req *r);
/* A request header, or NULL. */
const char *req_header(struct req *r, const char *name);
/* A cookie, or NULL. */
const char *req_cookie(struct req *r, const char *name);
/* A query-string or form value (trimmed of nothing), or NULL. */
const char *req_query(struct req *r, const char *name);
const char *req_form(struct req *r, const char *name);
/* Up to max uploaded files of field name, in order, into out; returns how many in all. */
size_t req_files(struct req *r, const char *name, struct upload **out, size_t max);
/* The CSRF token forms on this request's page must carry ("" for none). */
const char *req_csrf(struct req *r);

/* Adds a response header (name and value must not contain CR or LF; checked). */
void resp_header(struct resp *s, const char *name, const char *value);
/* A redirect (303 after a form, 302 otherwise) to a local path. */
void resp_redirect(struct resp *s, int status, const char *location);
/* Answers with length bytes of the open file fd from offset (fd is closed by the server). */
void resp_file(struct resp *s, int status, int fd, uint64_t offset, uint64_t length);
/* A plain-text response. */
void resp_text(struct resp *s, int status, const char *text);
/* Sets a cookie with the session flags (HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS).
 * max_age < 0 means a session cookie; 0 deletes it. */
void resp_cookie(struct req *r, struct resp *s, const char *name, const char *value, int max_age);
/* The name of the session cookie for this site ("__Host-siaran_session" over HTTPS). */
const char *http_session_cookie(const struct app *app);
const char *http_csrf_cookie(const struct app *app);

/* What the server needs from the pages layer: the route table and the page for errors. */
struct route_table {
	const struct route *rows;
	size_t n;
	/* Fills s with a proper error page for status (403, 404, 405, 409, 413, 500...). */
	void (*error)(struct req *r, struct resp *s, int status, const char *message);
	/* The POST patterns whose multipart file parts are stored (http/upload.h), NULL-ended;
	 * elsewhere file parts are dropped unread. */
	const char *const *file_routes;
};

struct http_server;
/* Starts serving on listen ("HOST:PORT"; port 0 picks a free one) and prints
 * "listening on http://HOST:PORT" as the first line on stdout. NULL (logged) if it cannot, or if
 * app's connection limits (max_connections, connection_timeout at least 1) are not set. */
struct http_server *http_start(struct app *app, const struct route_table *routes,
			       const char *listen);
/* Stops accepting, lets requests in flight finish (up to 30 s), and frees the server. */
void http_stop(struct http_server *srv);

#endif
