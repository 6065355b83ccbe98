/* Pages inside the shared layout, error pages, and the view of a release that the public page
 * and the request preview share. */
#ifndef SIARAN_PAGE_H
#define SIARAN_PAGE_H
#include <stdint.h>

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

/* Fills d with a release's values as the press-release templates show them. */
void page_fill_release(struct tmpl_dict *d, const struct release *rel);

/* Parses a positive decimal id (at most 18 digits); 0 when malformed. */
int64_t page_parse_id(const char *s);

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

/* The site's public URL without a trailing slash (the configured base URL, or the address the
 * server listens on). */
const char *page_base_url(const struct req *r);

#endif
