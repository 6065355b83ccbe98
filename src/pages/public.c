/* The public news site: the index of published releases, one release in the Indonesian
 * press-release form, the health check and the static files. Anonymous users see only what is
 * published. */
#include "pages/pages.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/release.h"
#include "core/slug.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

#define PER_PAGE 10

/* Parses ?page=; 1 when absent, 0 when malformed or absurd. */
static int parse_page(const char *s)
{
	if (!s || !*s)
		return 1;
	int64_t v = page_parse_id(s);
	return (v >= 1 && v <= 100000) ? (int)v : 0;
}

void page_public_index(struct req *r, struct resp *s)
{
	int pg = parse_page(req_query(r, "page"));
	if (!pg) {
		page_error(r, s, 400, "Nomor halaman tidak valid.");
		return;
	}
	sqlite3 *c = req_db(r);
	struct release_list list;
	if (!c || release_list_published(c, pg, PER_PAGE, &list) < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	int64_t pages = (list.total + PER_PAGE - 1) / PER_PAGE;
	if (pg > 1 && pg > pages) {
		release_list_free(&list);
		page_error(r, s, 404, "Halaman ini tidak ada.");
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Siaran Pers Terbaru", "public/index.tpl");
	for (int i = 0; i < list.n; i++) {
		const struct release *rel = list.items[i];
		struct tmpl_dict *it = tmpl_add_section(d, "ITEM");
		tmpl_set(it, "SLUG", rel->slug);
		tmpl_set(it, "ITEM_TITLE", rel->title);
		tmpl_set(it, "ITEM_SUMMARY", rel->summary);
		tmpl_set(it, "ITEM_UNIT", rel->unit_name);
		tmpl_set(it, "ITEM_KIND", release_is_advisory(rel) ? "Undangan Liputan" : "Siaran Pers");
		tmpl_set(it, "ITEM_NUMBER", rel->number);
		page_set_time(it, "ITEM_DATE", rel->published_at, datefmt_long);
		page_set_time(it, "ITEM_DATE_ISO", rel->published_at, datefmt_rfc3339);
	}
	if (list.n == 0)
		tmpl_show(d, "EMPTY");
	if (pages > 1) {
		struct tmpl_dict *nav = tmpl_add_section(d, "PAGER");
		tmpl_set_int(nav, "PAGE", pg);
		tmpl_set_int(nav, "PAGES", pages);
		if (pg > 1)
			tmpl_set_int(tmpl_add_section(nav, "PREV"), "PREV_PAGE", pg - 1);
		if (pg < pages)
			tmpl_set_int(tmpl_add_section(nav, "NEXT"), "NEXT_PAGE", pg + 1);
	}
	release_list_free(&list);
	s->cacheable = 1;
	page_finish(&p, r, s, 200);
}

void page_public_release(struct req *r, struct resp *s)
{
	const char *slug = r->params.v[0];
	if (!slug_is_valid(slug)) {
		page_error(r, s, 404, NULL);
		return;
	}
	sqlite3 *c = req_db(r);
	struct release *rel = NULL;
	int found = c ? release_load_by_slug(c, slug, &rel) : -1;
	if (found < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	if (found == 0) {
		page_error(r, s, 404, NULL);
		return;
	}
	struct page p;
	if (rel->state == WF_UNPUBLISHED) {
		struct tmpl_dict *d = page_begin(&p, r, "Siaran ditarik", "public/gone.tpl");
		tmpl_set(d, "REL_TITLE", rel->title);
		tmpl_set(d, "REL_NUMBER", rel->number);
		tmpl_set(d, "REASON", rel->unpublish_reason);
		page_set_time(d, "UNPUBLISHED_AT", rel->unpublished_at, datefmt_long_time);
		release_free(rel);
		s->cacheable = 1;
		page_finish(&p, r, s, 410);
		return;
	}
	const char *file = release_is_advisory(rel) ? "release/media_advisory.tpl"
						    : "release/press_release.tpl";
	struct tmpl_dict *d = page_begin(&p, r, rel->title, file);
	page_fill_release(d, rel);
	release_free(rel);
	s->cacheable = 1;
	page_finish(&p, r, s, 200);
}

void page_healthz(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	int64_t one = 0;
	if (c && db_int(c, &one, "SELECT 1", "") == 1)
		resp_text(s, 200, "ok\n");
	else
		resp_text(s, 503, "database unavailable\n");
}

/* --- static files: read once at start, served from memory --- */

struct static_file {
	char *name;
	char *data;
	size_t len;
	const char *type;
	char etag[24];
};

/* Written once by pages_static_load before the server starts; read-only afterwards. */
static struct static_file *files;
static size_t nfiles;

static const char *type_for(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return NULL;
	if (strcmp(dot, ".css") == 0)
		return "text/css; charset=utf-8";
	if (strcmp(dot, ".js") == 0)
		return "text/javascript; charset=utf-8";
	if (strcmp(dot, ".svg") == 0)
		return "image/svg+xml";
	if (strcmp(dot, ".png") == 0)
		return "image/png";
	if (strcmp(dot, ".ico") == 0)
		return "image/x-icon";
	if (strcmp(dot, ".txt") == 0)
		return "text/plain; charset=utf-8";
	return NULL;
}

int pages_static_load(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		log_error("cannot open static directory %s", dir);
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *type = type_for(e->d_name);
		if (e->d_name[0] == '.' || !type)
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		free(path);
		if (!f)
			continue;
		struct buf b = BUF_INIT;
		char tmp[8192];
		size_t n;
		while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
			buf_append(&b, tmp, n);
		fclose(f);
		files = xrealloc(files, (nfiles + 1) * sizeof *files);
		struct static_file *sf = &files[nfiles++];
		sf->name = xstrdup(e->d_name);
		sf->len = b.len;
		sf->data = buf_steal(&b);
		sf->type = type;
		/* FNV-1a of the content: changes whenever the file does. */
		uint64_t h = 1469598103934665603ULL;
		for (size_t i = 0; i < sf->len; i++)
			h = (h ^ (unsigned char)sf->data[i]) * 1099511628211ULL;
		snprintf(sf->etag, sizeof sf->etag, "\"%016llx\"", (unsigned long long)h);
	}
	closedir(d);
	return 0;
}

void pages_static_free(void)
{
	for (size_t i = 0; i < nfiles; i++) {
		free(files[i].name);
		free(files[i].data);
	}
	free(files);
	files = NULL;
	nfiles = 0;
}

void page_static(struct req *r, struct resp *s)
{
	for (size_t i = 0; i < nfiles; i++) {
		struct static_file *sf = &files[i];
		if (strcmp(sf->name, r->params.v[0]) != 0)
			continue;
		resp_header(s, "ETag", sf->etag);
		resp_header(s, "Cache-Control", "public, max-age=3600");
		const char *inm = req_header(r, "If-None-Match");
		s->content_type = sf->type;
		if (inm && strcmp(inm, sf->etag) == 0) {
			s->status = 304;
			return;
		}
		buf_append(&s->body, sf->data, sf->len);
		s->status = 200;
		return;
	}
	page_error(r, s, 404, NULL);
}
