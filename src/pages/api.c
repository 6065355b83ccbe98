/* The public JSON API under /api/v1: published releases (filtered, searched, paged with cursors),
 * one release, the units with their counts, and the agenda of upcoming events. JSON is built with
 * jansson only; every answer, errors included, is JSON with CORS open to any origin.
 * docs/api.md is the contract, and tests/http/api.test.mjs runs its examples. */
#include "pages/pages.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/release.h"
#include "pages/page.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"
#include "view/markdown.h"

#define API_DEFAULT_LIMIT 20
#define API_MAX_LIMIT 100
#define AGENDA_DEFAULT_LIMIT 50
/* The agenda keeps an event for a day after it ends, as the agenda page does. */
#define AGENDA_GRACE_SECONDS (24 * 3600)

static void api_headers(struct resp *s)
{
	s->content_type = "application/json; charset=utf-8";
	resp_header(s, "Access-Control-Allow-Origin", "*");
}

/* An error answer: {"error": {"code", "message", "parameter"?}}. Never cacheable. */
static void api_error(struct resp *s, int status, const char *code, const char *message,
		      const char *parameter)
{
	api_headers(s);
	s->cacheable = 0;
	buf_reset(&s->body);
	json_t *root = json_object();
	json_t *err = json_object();
	int bad = json_object_set_new(err, "code", json_string(code));
	bad |= json_object_set_new(err, "message", json_string(message));
	if (parameter)
		bad |= json_object_set_new(err, "parameter", json_string(parameter));
	/* set_new consumes err even when it fails, so it is never freed twice. */
	bad |= json_object_set_new(root, "error", err);
	char *text = bad ? NULL : json_dumps(root, JSON_COMPACT);
	json_decref(root);
	if (text) {
		buf_puts(&s->body, text);
		buf_putc(&s->body, '\n');
		free(text);
		s->status = status;
		return;
	}
	log_error("api: cannot encode an error answer");
	buf_puts(&s->body, "{\"error\":{\"code\":\"server_error\",\"message\":\"Terjadi kesalahan pada server.\"}}\n");
	s->status = 500;
}

static void api_server_error(struct resp *s)
{
	api_error(s, 500, "server_error", "Terjadi kesalahan pada server.", NULL);
}

/* Sends root (consumed) as a cacheable 200. */
static void api_send(struct resp *s, json_t *root)
{
	char *text = root ? json_dumps(root, JSON_COMPACT) : NULL;
	json_decref(root);
	if (!text) {
		log_error("api: cannot encode the answer");
		api_server_error(s);
		return;
	}
	api_headers(s);
	buf_reset(&s->body);
	buf_puts(&s->body, text);
	buf_putc(&s->body, '\n');
	free(text);
	s->cacheable = 1;
	s->status = 200;
}

/* A text field: always a string ("" when absent), so its JSON type never changes. */
static json_t *j_text(const char *v)
{
	return json_string(v ? v : "");
}

/* A value that may be absent: a string, or null. */
static json_t *j_opt(const char *v)
{
	return v ? json_string(v) : json_null();
}

/* RFC 3339 in WIB, or null for 0. NULL only when formatting fails. */
static json_t *j_time(int64_t t)
{
	if (!t)
		return json_null();
	char out[40];
	if (datefmt_rfc3339(t, out, sizeof out) < 0)
		return NULL;
	return json_string(out);
}

/* Percent-encodes v for a URL path segment or query value (RFC 3986 unreserved pass). */
static void url_escape(struct buf *b, const char *v)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/* An absolute URL: the base, a fixed path prefix, the escaped segment and a fixed suffix. */
static json_t *j_url(struct req *r, const char *prefix, const char *segment, const char *suffix)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, page_base_url(r));
	buf_puts(&b, prefix);
	if (segment)
		url_escape(&b, segment);
	buf_puts(&b, suffix);
	json_t *v = json_string(buf_str(&b));
	buf_free(&b);
	return v;
}

/* The release object of docs/api.md. Returns a new reference, or NULL on failure. */
static json_t *release_json(struct req *r, const struct release *rel)
{
	json_t *o = json_object();
	int bad = json_object_set_new(o, "id", json_integer(rel->id));
	bad |= json_object_set_new(o, "number", j_opt(rel->number));
	bad |= json_object_set_new(o, "kind", j_text(rel->kind));
	bad |= json_object_set_new(o, "slug", j_opt(rel->slug));
	bad |= json_object_set_new(o, "url", rel->slug ? j_url(r, "/releases/", rel->slug, "")
						      : json_null());
	bad |= json_object_set_new(o, "title", j_text(rel->title));
	bad |= json_object_set_new(o, "summary", j_text(rel->summary));
	bad |= json_object_set_new(o, "body", j_text(rel->body));
	const char *body = rel->body ? rel->body : "";
	/* md4c with raw HTML off and link targets filtered: the same safe HTML the site shows. */
	char *html = markdown_to_html(body, strlen(body));
	bad |= json_object_set_new(o, "body_html", json_string(html));
	free(html);

	json_t *unit = json_object();
	bad |= json_object_set_new(unit, "code", j_text(rel->unit_code));
	bad |= json_object_set_new(unit, "name", j_text(rel->unit_name));
	bad |= json_object_set_new(o, "unit", unit);

	bad |= json_object_set_new(o, "published_at", j_time(rel->published_at));
	/* Corrections do not exist yet: a published release has not changed since publication. */
	bad |= json_object_set_new(o, "updated_at", j_time(rel->public_updated_at ? rel->public_updated_at
										  : rel->published_at));

	if (release_is_advisory(rel)) {
		json_t *ev = json_object();
		bad |= json_object_set_new(ev, "start", j_time(rel->event_start));
		bad |= json_object_set_new(ev, "end", j_time(rel->event_end));
		bad |= json_object_set_new(ev, "location", j_text(rel->location));
		bad |= json_object_set_new(ev, "address", j_text(rel->address));
		bad |= json_object_set_new(o, "event", ev);
	} else {
		bad |= json_object_set_new(o, "event", json_null());
	}

	json_t *quotes = json_array();
	for (int i = 0; i < rel->nquotes; i++) {
		json_t *q = json_object();
		bad |= json_object_set_new(q, "speaker", j_text(rel->quotes[i].speaker));
		bad |= json_object_set_new(q, "position", j_text(rel->quotes[i].position));
		bad |= json_object_set_new(q, "text", j_text(rel->quotes[i].text));
		bad |= json_array_append_new(quotes, q);
	}
	bad |= json_object_set_new(o, "quotes", quotes);

	json_t *contact = json_object();
	bad |= json_object_set_new(contact, "name", j_text(rel->contact_name));
	bad |= json_object_set_new(contact, "position", j_text(rel->contact_position));
	bad |= json_object_set_new(contact, "phone", j_text(rel->contact_phone));
	bad |= json_object_set_new(contact, "email", j_text(rel->contact_email));
	bad |= json_object_set_new(o, "contact", contact);

	/* Photos (the first leads) and documents, with absolute URLs of every size. */
	json_t *photos = json_array(), *docs = json_array();
	for (int i = 0; i < rel->nmedia; i++) {
		const struct media_item *m = &rel->media[i];
		char prefix[100];
		snprintf(prefix, sizeof prefix, "/media/%s/", m->sha256);
		json_t *p = json_object();
		bad |= json_object_set_new(p, "caption", j_text(m->caption));
		if (m->document) {
			bad |= json_object_set_new(p, "filename", j_text(m->filename));
			bad |= json_object_set_new(p, "bytes", json_integer(m->bytes));
			bad |= json_object_set_new(p, "url", j_url(r, prefix, NULL, "document.pdf"));
			bad |= json_array_append_new(docs, p);
			continue;
		}
		bad |= json_object_set_new(p, "credit", j_text(m->credit));
		bad |= json_object_set_new(p, "width", json_integer(m->width));
		bad |= json_object_set_new(p, "height", json_integer(m->height));
		int png = m->mime && strcmp(m->mime, "image/png") == 0;
		bad |= json_object_set_new(p, "download", j_url(r, prefix, NULL,
								png ? "photo.png" : "photo.jpg"));
		json_t *sizes = json_array();
		for (int k = 0; k < IMAGE_NWIDTHS; k++) {
			int w = image_widths[k] < m->width ? image_widths[k] : m->width;
			char jpg[16], webp[16];
			snprintf(jpg, sizeof jpg, "w%d.jpg", image_widths[k]);
			snprintf(webp, sizeof webp, "w%d.webp", image_widths[k]);
			json_t *sz = json_object();
			bad |= json_object_set_new(sz, "width", json_integer(w));
			bad |= json_object_set_new(sz, "height", json_integer(
				m->width ? (json_int_t)((int64_t)m->height * w / m->width) : 0));
			bad |= json_object_set_new(sz, "jpeg", j_url(r, prefix, NULL, jpg));
			bad |= json_object_set_new(sz, "webp", j_url(r, prefix, NULL, webp));
			bad |= json_array_append_new(sizes, sz);
		}
		bad |= json_object_set_new(p, "sizes", sizes);
		bad |= json_array_append_new(photos, p);
	}
	bad |= json_object_set_new(o, "photos", photos);
	bad |= json_object_set_new(o, "documents", docs);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* {"data": [release...]} for a listing whose items still lack their quotes (listings leave
 * them out). Returns a new reference, or NULL on failure. */
static json_t *releases_data(struct req *r, sqlite3 *c, struct release_list *list)
{
	json_t *data = json_array();
	int bad = data == NULL;
	for (int i = 0; i < list->n && !bad; i++) {
		if (release_load_quotes(c, list->items[i]) < 0) {
			bad = 1;
			break;
		}
		bad |= json_array_append_new(data, release_json(r, list->items[i]));
	}
	if (bad) {
		json_decref(data);
		return NULL;
	}
	return data;
}

/* The URL of the page after `cursor`, with the request's filters, as given. */
static json_t *next_url(struct req *r, const struct page_filters *f, const char *cursor)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, page_base_url(r));
	buf_puts(&b, "/api/v1/releases");
	char limit[16];
	snprintf(limit, sizeof limit, "%d", f->limit);
	const char *const params[][2] = {
		{ "unit", f->unit },
		{ "kind", f->kind },
		{ "from", f->from },
		{ "to", f->to },
		{ "q", f->q_text },
		{ "limit", req_query(r, "limit") ? limit : "" },
		{ "after", cursor },
	};
	char sep = '?';
	for (size_t i = 0; i < sizeof params / sizeof params[0]; i++) {
		if (!params[i][1] || !*params[i][1])
			continue;
		buf_putc(&b, sep);
		buf_puts(&b, params[i][0]);
		buf_putc(&b, '=');
		url_escape(&b, params[i][1]);
		sep = '&';
	}
	json_t *v = json_string(buf_str(&b));
	buf_free(&b);
	return v;
}

void page_api_releases(struct req *r, struct resp *s)
{
	struct page_filters f;
	struct release_list list;
	memset(&list, 0, sizeof list);
	sqlite3 *c = NULL;
	json_t *root = NULL;
	const char *bad = NULL, *why = NULL;
	int rc = page_filters_parse(r, &f, API_DEFAULT_LIMIT, API_MAX_LIMIT, &bad, &why);
	if (rc == -1) {
		api_error(s, 400, "invalid_parameter", why ? why : "Parameter tidak valid.", bad);
		goto out;
	}
	if (rc < 0) {
		api_server_error(s);
		goto out;
	}
	if (*f.q_text && !f.fts) {
		api_error(s, 400, "invalid_parameter",
			  "Kata kunci tidak memuat kata yang dapat dicari.", "q");
		goto out;
	}
	c = req_db(r);
	rc = c ? release_query(c, &f.q, &list) : -1;
	if (rc == -2) {
		api_error(s, 400, "invalid_parameter", "Penanda halaman tidak valid.", "after");
		goto out;
	}
	if (rc < 0) {
		api_server_error(s);
		goto out;
	}
	root = json_object();
	int fail = json_object_set_new(root, "data", releases_data(r, c, &list));
	char cursor[96];
	if (list.more && list.n > 0) {
		fail |= release_cursor(list.items[list.n - 1], f.fts != NULL, cursor, sizeof cursor);
		fail |= json_object_set_new(root, "next", fail ? NULL : json_string(cursor));
		fail |= json_object_set_new(root, "next_url", fail ? NULL : next_url(r, &f, cursor));
	} else {
		fail |= json_object_set_new(root, "next", json_null());
		fail |= json_object_set_new(root, "next_url", json_null());
	}
	if (fail) {
		api_server_error(s);
		goto out;
	}
	api_send(s, root);
	root = NULL; /* consumed */
out:
	json_decref(root);
	release_list_free(&list);
	page_filters_free(&f);
}

void page_api_release(struct req *r, struct resp *s)
{
	int64_t id = page_parse_id(r->params.v[0]);
	if (id <= 0) {
		api_error(s, 400, "invalid_parameter", "ID harus bilangan bulat positif.", "id");
		return;
	}
	sqlite3 *c = req_db(r);
	struct release *rel = NULL;
	int found = c ? release_load(c, id, &rel) : -1;
	if (found < 0) {
		api_server_error(s);
		return;
	}
	/* Requests that are not (or no longer) published do not exist for the public. */
	if (found == 0 || rel->state != WF_PUBLISHED) {
		release_free(rel);
		api_error(s, 404, "not_found", "Siaran tidak ditemukan.", NULL);
		return;
	}
	json_t *root = json_object();
	int fail = json_object_set_new(root, "data", release_json(r, rel));
	release_free(rel);
	if (fail) {
		json_decref(root);
		api_server_error(s);
		return;
	}
	api_send(s, root);
}

void page_api_units(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct unit_count_list units;
	memset(&units, 0, sizeof units);
	if (!c || release_unit_counts(c, &units) < 0) {
		api_server_error(s);
		return;
	}
	json_t *data = json_array();
	int bad = data == NULL;
	for (int i = 0; i < units.n && !bad; i++) {
		const struct unit_count *u = &units.items[i];
		json_t *o = json_object();
		bad |= json_object_set_new(o, "code", j_text(u->code));
		bad |= json_object_set_new(o, "name", j_text(u->name));
		bad |= json_object_set_new(o, "kind", j_text(u->kind));
		bad |= json_object_set_new(o, "parent", j_opt(u->parent_code));
		bad |= json_object_set_new(o, "published", json_integer(u->published));
		bad |= json_object_set_new(o, "last_published_at", j_time(u->last_published));
		bad |= json_object_set_new(o, "url", j_url(r, "/units/", u->code, ""));
		bad |= json_object_set_new(o, "releases_url",
					   j_url(r, "/api/v1/releases?unit=", u->code, ""));
		json_t *feeds = json_object();
		bad |= json_object_set_new(feeds, "rss", j_url(r, "/units/", u->code, "/feed.xml"));
		bad |= json_object_set_new(feeds, "atom", j_url(r, "/units/", u->code, "/atom.xml"));
		bad |= json_object_set_new(o, "feeds", feeds);
		bad |= json_array_append_new(data, o);
	}
	unit_count_list_free(&units);
	json_t *root = json_object();
	bad |= json_object_set_new(root, "data", data);
	if (bad) {
		json_decref(root);
		api_server_error(s);
		return;
	}
	api_send(s, root);
}

void page_api_agenda(struct req *r, struct resp *s)
{
	int limit = AGENDA_DEFAULT_LIMIT;
	const char *lim = req_query(r, "limit");
	if (lim) {
		int64_t v = page_parse_id(lim);
		if (v < 1 || v > API_MAX_LIMIT) {
			api_error(s, 400, "invalid_parameter", "Batas jumlah tidak valid.", "limit");
			return;
		}
		limit = (int)v;
	}
	sqlite3 *c = req_db(r);
	if (!c) {
		api_server_error(s);
		return;
	}
	int64_t unit_id = 0;
	const char *code = req_query(r, "unit");
	if (code && *code) {
		char *name = NULL;
		int found = release_unit_by_code(c, code, &unit_id, &name);
		free(name);
		if (found < 0) {
			api_server_error(s);
			return;
		}
		if (!found) {
			api_error(s, 400, "invalid_parameter", "Unit tidak dikenal.", "unit");
			return;
		}
	}
	struct release_list list;
	memset(&list, 0, sizeof list);
	if (release_agenda(c, clock_now() - AGENDA_GRACE_SECONDS, unit_id, limit, &list) < 0) {
		api_server_error(s);
		return;
	}
	json_t *root = json_object();
	int fail = json_object_set_new(root, "data", releases_data(r, c, &list));
	release_list_free(&list);
	if (fail) {
		json_decref(root);
		api_server_error(s);
		return;
	}
	api_send(s, root);
}

void page_api_error(struct req *r, struct resp *s, int status, const char *message)
{
	(void)r;
	static const struct {
		int status;
		const char *code, *message;
	} codes[] = {
		{ 400, "invalid_request", "Permintaan tidak valid." },
		{ 403, "forbidden", "Akses ditolak." },
		{ 404, "not_found", "Tidak ditemukan." },
		{ 405, "method_not_allowed", "Metode tidak diizinkan; API ini hanya menerima GET." },
		{ 413, "too_large", "Permintaan terlalu besar." },
		{ 414, "uri_too_long", "Alamat terlalu panjang." },
		{ 415, "unsupported_media_type", "Jenis isi tidak didukung." },
	};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].status == status) {
			api_error(s, status, codes[i].code, message ? message : codes[i].message, NULL);
			return;
		}
	api_server_error(s);
}
