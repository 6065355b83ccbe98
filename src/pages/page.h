/* Pages inside the shared layout, error pages, and the view of a release that the public page
 * and the request preview share. */
#ifndef SIARAN_PAGE_H
#define SIARAN_PAGE_H
#include <stddef.h>
#include <stdint.h>

#include "core/media.h"
#include "core/release.h"
#include "http/http.h"
#include "view/tmpl.h"

struct release;

struct page {
	struct tmpl_dict *root;    /* layout.tpl values */
	struct tmpl_dict *content; /* the page template's values */
};

/* Starts a page: file (relative to templates/) is shown inside layout.tpl with title. Returns the
 * dictionary for the page's own values (same as p->content). */
struct tmpl_dict *page_begin(struct page *p, struct req *r, const char *title, const char *file);
/* Renders the page into s with status and frees the dictionaries. */
void page_finish(struct page *p, struct req *r, struct resp *s, int status);

/* A complete error page (400, 403, 404, 405, 409, 410, 413, 500...); message NULL = the
 * standard text for the status. A 500 or 503 after a write failed for want of disk space
 * (db_full_seen) becomes 503 "Penyimpanan penuh" with Retry-After, whatever the message. */
void page_error(struct req *r, struct resp *s, int status, const char *message);

/* A page's ?done= after a redirect: the key, and the notice shown for it. */
struct page_notice {
	const char *key, *text;
};
/* The text in table (n entries) for r's ?done=, or NULL. */
const char *page_done_notice(struct req *r, const struct page_notice *table, size_t n);
/* Shows notice (section NOTICE, NOTICE_TEXT) and refused (REFUSED, REFUSED_TEXT) in d; NULL
 * shows nothing. */
void page_set_notices(struct tmpl_dict *d, const char *notice, const char *refused);

/* Fills d with a release's values as the press-release templates show them. */
void page_fill_release(struct tmpl_dict *d, const struct release *rel);

/* Parses a positive decimal id (at most 18 digits); 0 when malformed. */
int64_t page_parse_id(const char *s);

/* Adds one option of a select list to d: section with VALUE and LABEL, and SELECTED shown when
 * selected. */
void page_option(struct tmpl_dict *d, const char *section, const char *value, const char *label,
		 int selected);

/* The EMPTY, TOTAL and PAGER values of a list shown a page at a time: n rows on this page (page,
 * 1-based), total rows in all, per_page a page. Returns the PAGER section, for the list's own
 * query values in its links, or NULL when everything fits on one page. */
struct tmpl_dict *page_pager(struct tmpl_dict *d, int n, int64_t total, int per_page,
			     int64_t page);

/* Sets KEY to a formatted WIB date for t (or leaves it unset when t is 0). fmt: one of the
 * datefmt_* writers. */
void page_set_time(struct tmpl_dict *d, const char *key, int64_t t,
		   int (*fmt)(int64_t, char *, size_t));

/* The filters of the public listings, read from the query string: unit (a unit code), kind
 * (press_release | media_advisory), from and to (YYYY-MM-DD in WIB, both inclusive), q (free
 * text for full-text search), after (a cursor from release_cursor) and limit. */
struct page_filters {
	struct release_query q;   /* ready for release_query */
	char *fts;                /* the FTS5 query made from q_text, or NULL */
	char *unit_name;          /* when unit is given */
	const char *unit, *kind, *from, *to, *q_text, *after; /* as given ("" when absent) */
	int limit;
};

/* Parses the filters. Returns 0, or -1 with *bad the name of the first invalid parameter and
 * *why an Indonesian message (an unknown unit code is invalid). -2 on a database error.
 * A q with no searchable word is not an error: fts stays NULL and q_text is kept. Free with
 * page_filters_free in every case. */
int page_filters_parse(struct req *r, struct page_filters *f, int default_limit, int max_limit,
		       const char **bad, const char **why);
void page_filters_free(struct page_filters *f);

/* --- photos and documents (pages/media.c) --- */

struct page_media_item {
	struct media_new m;
	char *caption, *credit, *filename;
};
/* Files read from a form, checked and stored, not yet attached. */
struct page_media_batch {
	struct page_media_item *items;
	int n;
	int64_t bytes;
};
/* Reads the `photo` (with photo_caption, photo_credit) and `document` uploads of r: checks each
 * (content, captions), makes derivatives and places the files in the store. Returns 0 (b may be
 * empty), 1 when something was refused (messages in errs under "photo"/"document", nothing
 * kept), -1 on a server fault. Free b with page_media_batch_free in every case. */
int page_media_read(struct req *r, struct page_media_batch *b, struct release_errors *errs);
/* Inside w: checks the limits (files per request, bytes per request and per unit) and attaches
 * b to request_id, with audit entries. 0, 1 over a limit (errs), -1 error. */
int page_media_attach(struct req *r, sqlite3 *w, int64_t request_id, int64_t unit_id,
		      struct page_media_batch *b, struct release_errors *errs, int64_t now);
void page_media_batch_free(struct page_media_batch *b);
/* The MEDIA section of the request page (list, and the upload form when editable). */
void page_media_fill(struct tmpl_dict *d, struct req *r, const struct release *rel, int editable,
		     const struct release_errors *errs);
/* The file inputs of a form, an include of requests/media_inputs.tpl (limits, refused files'
 * messages, captions typed before); id_prefix keeps element ids unique on a page. */
void page_media_fill_inputs(struct tmpl_dict *d, struct req *r, const struct release_errors *errs,
			    const char *id_prefix);
/* The photos and documents of a public release: release/lead_photo.tpl's values into lead_d,
 * release/gallery.tpl's (other photos, documents) into gallery_d. */
void page_media_fill_public(struct tmpl_dict *lead_d, struct tmpl_dict *gallery_d,
			    const struct release *rel);

/* Gives an anonymous visitor's form its CSRF token: reuses the anonymous cookie's, or starts one
 * (sets the cookie on s). Nothing for a signed-in user, whose session has its own token. */
void page_anon_csrf(struct req *r, struct resp *s);

/* Sets the SECTION of d (e.g. "EMAIL_ERROR" for field "email") with MESSAGE for every problem in
 * errs, and ERRORS with ERROR_COUNT and one ERROR_ITEM (FIELD, MESSAGE) each for a summary. */
struct input_errors;
void page_input_errors(struct tmpl_dict *d, const struct input_errors *errs);

/* For an answer 429: sets Retry-After to wait seconds and writes to msg (n bytes) "Terlalu banyak
 * percobaan <what> yang gagal. Coba lagi dalam N menit." (what may be NULL). */
void page_retry_after(struct resp *s, int64_t wait, const char *what, char *msg, size_t n);

/* The handler's write transaction, around db_write_begin / db_write_commit /
 * db_write_rollback; each answers when it fails, so the handler only cleans up.
 * page_write_begin: the writer connection, or NULL after answering 503.
 * page_write_abort: rolls back and answers page_error(status, message).
 * page_write_commit: commits; 0, or -1 after answering 503 (the commit was rolled back).
 * page_commit_redirect: commits and redirects (303) to location; 0, or -1 after the 503. */
sqlite3 *page_write_begin(struct req *r, struct resp *s);
void page_write_abort(struct req *r, struct resp *s, int status, const char *message);
int page_write_commit(struct req *r, struct resp *s);
int page_commit_redirect(struct req *r, struct resp *s, const char *location);

/* When unit code was merged into another unit: answers 301 to /units/NEW<suffix> (suffix "" or
 * "/feed.xml"...) and returns 1. Otherwise 0 and nothing is sent. */
int page_unit_moved(struct req *r, struct resp *s, const char *code, const char *suffix);

/* The site's public URL without a trailing slash (the configured base URL, or the address the
 * server listens on). */
const char *page_base_url(const struct req *r);

#endif
