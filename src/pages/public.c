/* The public news site: the index of published releases, one release in the Indonesian
 * press-release form, the health check and the static files. Anonymous users see only what is
 * published. */
#include "pages/pages.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/release.h"
#include "core/slug.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

#define PER_PAGE 10

/* Fills the shared listing (public/listing.tpl, include LISTING) from a query result, with the
 * filter values and the link to the next page that keeps them. base: the page's own path. */
static void fill_listing(struct tmpl_dict *page, const struct release_list *list,
			 const struct page_filters *f, const char *base)
{
	struct tmpl_dict *d = tmpl_include(page, "LISTING", "public/listing.tpl");
	int search = f->fts != NULL;
	for (int i = 0; i < list->n; i++) {
		const struct release *rel = list->items[i];
		struct tmpl_dict *it = tmpl_add_section(d, "ITEM");
		tmpl_set(it, "SLUG", rel->slug);
		tmpl_set(it, "ITEM_TITLE", rel->title);
		tmpl_set(it, "ITEM_SUMMARY", rel->summary);
		tmpl_set(it, "ITEM_UNIT", rel->unit_name);
		tmpl_set(it, "ITEM_UNIT_CODE", rel->unit_code);
		tmpl_set(it, "ITEM_KIND", release_is_advisory(rel) ? "Undangan Liputan" : "Siaran Pers");
		tmpl_set(it, "ITEM_NUMBER", rel->number);
		page_set_time(it, "ITEM_DATE", rel->published_at, datefmt_long);
		page_set_time(it, "ITEM_DATE_ISO", rel->published_at, datefmt_rfc3339);
		if (rel->snippet && *rel->snippet) {
			/* The snippet marks matches with \x01..\x02; each piece is escaped by the
			 * template, the marks become <mark> there. */
			struct tmpl_dict *sn = tmpl_add_section(it, "SNIPPET");
			const char *p = rel->snippet;
			while (*p) {
				int hit = *p == '\x01';
				if (hit)
					p++;
				size_t len = strcspn(p, hit ? "\x02" : "\x01");
				char *piece = xstrndup(p, len);
				struct tmpl_dict *part = tmpl_add_section(sn, "PART");
				tmpl_set(part, "TEXT", piece);
				if (hit)
					tmpl_show(part, "HIT");
				free(piece);
				p += len;
				if (*p == '\x02')
					p++;
			}
		}
	}
	if (list->n == 0)
		tmpl_show(d, "EMPTY");
	if (list->more && list->n) {
		char cursor[80];
		if (release_cursor(list->items[list->n - 1], search, cursor, sizeof cursor) == 0) {
			struct tmpl_dict *nx = tmpl_add_section(d, "NEXT");
			tmpl_set(nx, "BASE", base);
			tmpl_set(nx, "CURSOR", cursor);
			/* search results go by relevance, listings by date */
			tmpl_set(nx, "NEXT_LABEL", search ? "Hasil berikutnya →" : "Siaran lebih lama →");
		}
	}
	if (*f->after) {
		struct tmpl_dict *first = tmpl_add_section(d, "FIRST");
		tmpl_set(first, "BASE", base);
		tmpl_set(first, "FIRST_LABEL", search ? "← Hasil teratas" : "← Kembali ke terbaru");
	}
	/* The filter values, for the form and for the links that must keep them. */
	tmpl_set(d, "F_UNIT", f->unit);
	tmpl_set(d, "F_KIND", f->kind);
	tmpl_set(d, "F_FROM", f->from);
	tmpl_set(d, "F_TO", f->to);
	tmpl_set(d, "F_Q", f->q_text);
}

/* Shows the filter form's kind options with the current one selected. */
static void fill_filter_form(struct tmpl_dict *d, const struct page_filters *f, int with_unit)
{
	struct tmpl_dict *form = tmpl_add_section(d, "FILTERS");
	static const char *const kinds[][2] = {
		{ "", "Semua jenis" },
		{ "press_release", "Siaran pers" },
		{ "media_advisory", "Undangan liputan" },
	};
	for (size_t i = 0; i < 3; i++)
		page_option(form, "KIND_OPTION", kinds[i][0], kinds[i][1],
			    strcmp(f->kind, kinds[i][0]) == 0);
	if (with_unit)
		tmpl_show(form, "UNIT_FIELD");
	tmpl_set(form, "F_UNIT", f->unit);
	tmpl_set(form, "F_FROM", f->from);
	tmpl_set(form, "F_TO", f->to);
	tmpl_set(form, "F_Q", f->q_text);
}

/* Parses the filters and runs the listing, restricted to unit_id when not 0; on failure the
 * error page is sent and 0 returned. */
static int run_listing(struct req *r, struct resp *s, struct page_filters *f,
		       struct release_list *list, int64_t unit_id)
{
	const char *bad, *why;
	int rc = page_filters_parse(r, f, PER_PAGE, 50, &bad, &why);
	if (rc < 0) {
		page_error(r, s, rc == -1 ? 400 : 500, rc == -1 ? why : NULL);
		return 0;
	}
	if (unit_id)
		f->q.unit_id = unit_id;
	rc = release_query(req_db(r), &f->q, list);
	if (rc < 0) {
		page_error(r, s, rc == -2 ? 400 : 500, rc == -2 ? "Penanda halaman tidak valid." : NULL);
		return 0;
	}
	return 1;
}

void page_public_index(struct req *r, struct resp *s)
{
	struct page_filters f;
	struct release_list list;
	if (!run_listing(r, s, &f, &list, 0)) {
		page_filters_free(&f);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Siaran Pers Terbaru", "public/index.tpl");
	fill_filter_form(d, &f, 1);
	fill_listing(d, &list, &f, "/");
	if (*f.unit || *f.kind || *f.from || *f.to)
		tmpl_show(d, "FILTERED");
	release_list_free(&list);
	page_filters_free(&f);
	s->cacheable = 1;
	page_finish(&p, r, s, 200);
}

void page_search(struct req *r, struct resp *s)
{
	struct page_filters f;
	struct release_list list;
	memset(&list, 0, sizeof list);
	const char *bad, *why;
	int rc = page_filters_parse(r, &f, PER_PAGE, 50, &bad, &why);
	if (rc == -2) {
		page_filters_free(&f);
		page_error(r, s, 500, NULL);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, *f.q_text ? f.q_text : "Cari siaran", "public/search.tpl");
	tmpl_set(d, "F_Q", f.q_text);
	fill_filter_form(d, &f, 1);
	int status = 200;
	if (rc == -1) {
		tmpl_set(tmpl_add_section(d, "PROBLEM"), "MESSAGE", why);
		status = 400;
	} else if (!*f.q_text) {
		tmpl_show(d, "NO_QUERY");
	} else if (!f.fts) {
		tmpl_set(tmpl_add_section(d, "PROBLEM"), "MESSAGE",
			 "Kata kunci tidak berisi kata yang dapat dicari. Gunakan huruf atau angka.");
	} else {
		rc = release_query(req_db(r), &f.q, &list);
		if (rc == -2) {
			tmpl_set(tmpl_add_section(d, "PROBLEM"), "MESSAGE", "Penanda halaman tidak valid.");
			status = 400;
		} else if (rc < 0) {
			tmpl_dict_free(p.root);
			page_filters_free(&f);
			page_error(r, s, 500, NULL);
			return;
		} else {
			struct tmpl_dict *res = tmpl_add_section(d, "RESULTS");
			tmpl_set(res, "F_Q", f.q_text);
			fill_listing(d, &list, &f, "/search");
			if (list.n == 0)
				tmpl_show(res, "NO_RESULTS");
		}
	}
	release_list_free(&list);
	page_filters_free(&f);
	s->cacheable = 1;
	page_finish(&p, r, s, status);
}

void page_units(struct req *r, struct resp *s)
{
	struct unit_count_list units;
	if (release_unit_counts(req_db(r), &units) < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Perangkat Daerah", "public/units.tpl");
	int64_t active = 0;
	for (int i = 0; i < units.n; i++) {
		const struct unit_count *u = &units.items[i];
		struct tmpl_dict *it = tmpl_add_section(d, "UNIT");
		tmpl_set(it, "CODE", u->code);
		tmpl_set(it, "NAME", u->name);
		tmpl_set(it, "KIND", u->kind);
		tmpl_set_int(it, "COUNT", u->published);
		if (u->last_published)
			page_set_time(tmpl_add_section(it, "LAST"), "LAST_DATE", u->last_published,
				      datefmt_date);
		active += u->published > 0;
	}
	tmpl_set_int(d, "UNIT_TOTAL", units.n);
	tmpl_set_int(d, "UNIT_ACTIVE", active);
	unit_count_list_free(&units);
	s->cacheable = 1;
	page_finish(&p, r, s, 200);
}

void page_unit(struct req *r, struct resp *s)
{
	const char *code = r->params.v[0];
	int64_t id = 0;
	char *name = NULL;
	int found = release_unit_by_code(req_db(r), code, &id, &name);
	if (found == 0 && page_unit_moved(r, s, code, ""))
		return;
	if (found <= 0) {
		free(name);
		page_error(r, s, found < 0 ? 500 : 404, found < 0 ? NULL : "Unit tidak ditemukan.");
		return;
	}
	struct page_filters f;
	struct release_list list;
	const char *unit_param = req_query(r, "unit");
	if (unit_param && *unit_param) {
		free(name);
		page_error(r, s, 400, "Parameter unit tidak dipakai di halaman unit.");
		return;
	}
	if (!run_listing(r, s, &f, &list, id)) {
		free(name);
		page_filters_free(&f);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, name, "public/unit.tpl");
	tmpl_set(d, "UNIT_NAME", name);
	tmpl_set(d, "UNIT_CODE", code);
	fill_filter_form(d, &f, 0);
	if (*f.kind || *f.from || *f.to || *f.q_text)
		tmpl_show(d, "FILTERED");
	char *base = xasprintf("/units/%s", code);
	fill_listing(d, &list, &f, base);
	free(base);
	release_list_free(&list);
	page_filters_free(&f);
	free(name);
	s->cacheable = 1;
	page_finish(&p, r, s, 200);
}

void page_agenda(struct req *r, struct resp *s)
{
	struct release_list list;
	/* Events still running or to come: from the start of today (WIB). */
	int64_t now = clock_now();
	int64_t today = now - ((now + WIB_OFFSET_SECONDS) % 86400);
	if (release_agenda(req_db(r), today, 0, 200, &list) < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Agenda Liputan", "public/agenda.tpl");
	struct tmpl_dict *day = NULL;
	char last[64] = "";
	for (int i = 0; i < list.n; i++) {
		const struct release *rel = list.items[i];
		char label[64];
		datefmt_long(rel->event_start, label, sizeof label);
		if (!day || strcmp(label, last) != 0) {
			day = tmpl_add_section(d, "DAY");
			tmpl_set(day, "DAY_LABEL", label);
			snprintf(last, sizeof last, "%s", label);
		}
		struct tmpl_dict *e = tmpl_add_section(day, "EVENT");
		tmpl_set(e, "SLUG", rel->slug);
		tmpl_set(e, "EVENT_TITLE", rel->title);
		tmpl_set(e, "EVENT_UNIT", rel->unit_name);
		tmpl_set(e, "EVENT_LOCATION", rel->location);
		tmpl_set(e, "EVENT_ADDRESS", rel->address);
		page_set_time(e, "EVENT_FROM", rel->event_start, datefmt_hour);
		page_set_time(e, "EVENT_TO", rel->event_end, datefmt_hour);
		page_set_time(e, "EVENT_START_ISO", rel->event_start, datefmt_rfc3339);
		if (rel->event_end)
			tmpl_show(e, "HAS_END");
	}
	if (list.n == 0)
		tmpl_show(d, "EMPTY");
	release_list_free(&list);
	s->cacheable = 1;
	page_finish(&p, r, s, 200);
}

static void fill_sharing(struct tmpl_dict *root, const struct req *r, const struct release *rel);

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
	tmpl_set(tmpl_add_section(d, "TEXT_LINK"), "SLUG", rel->slug);
	struct correction_list k;
	if (release_corrections(req_db(r), rel->id, &k) == 0) {
		for (int i = 0; i < k.n; i++) {
			struct tmpl_dict *e = tmpl_add_section(d, "CORRECTION_ITEM");
			tmpl_set(e, "C_NOTE", k.items[i].note);
			page_set_time(e, "C_AT", k.items[i].at, datefmt_long_time);
			page_set_time(e, "C_AT_ISO", k.items[i].at, datefmt_rfc3339);
		}
		if (k.n)
			tmpl_show(d, "HAS_CORRECTIONS");
		correction_list_free(&k);
	}
	fill_sharing(p.root, r, rel);
	release_free(rel);
	s->cacheable = 1;
	page_finish(&p, r, s, 200);
}

/* OpenGraph and Twitter card tags, the canonical link and JSON-LD NewsArticle, in the layout's
 * head. The JSON is made by jansson and has <, > and & escaped, so it cannot end its script. */
static void fill_sharing(struct tmpl_dict *root, const struct req *r, const struct release *rel)
{
	char *url = xasprintf("%s/releases/%s", page_base_url(r), rel->slug);
	struct tmpl_dict *m = tmpl_add_section(root, "META");
	tmpl_set(m, "CANONICAL", url);
	tmpl_set(m, "OG_TITLE", rel->title);
	tmpl_set(m, "OG_DESCRIPTION", rel->summary);
	tmpl_set(m, "OG_TYPE", "article");
	tmpl_set(m, "OG_SITE", "Siaran Pers Pemprov DKI Jakarta");
	page_set_time(m, "OG_PUBLISHED", rel->published_at, datefmt_rfc3339);

	char published[40] = "", modified[40] = "";
	datefmt_rfc3339(rel->published_at, published, sizeof published);
	datefmt_rfc3339(rel->public_updated_at ? rel->public_updated_at : rel->published_at, modified,
			sizeof modified);
	json_t *ld = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:{s:s, s:s}, s:s}",
			       "@context", "https://schema.org", "@type", "NewsArticle",
			       "headline", rel->title, "description", rel->summary,
			       "datePublished", published, "dateModified", modified, "url", url,
			       "author", "@type", "GovernmentOrganization", "name", rel->unit_name,
			       "publisher", "@type", "GovernmentOrganization", "name",
			       "Dinas Komunikasi, Informatika dan Statistik Provinsi DKI Jakarta",
			       "inLanguage", "id");
	char *json = ld ? json_dumps(ld, JSON_COMPACT) : NULL;
	json_decref(ld);
	if (json) {
		struct buf safe = BUF_INIT;
		for (const char *c = json; *c; c++) {
			if (*c == '<')
				buf_puts(&safe, "\\u003c");
			else if (*c == '>')
				buf_puts(&safe, "\\u003e");
			else if (*c == '&')
				buf_puts(&safe, "\\u0026");
			else
				buf_putc(&safe, *c);
		}
		tmpl_set(m, "JSONLD_JSON", buf_str(&safe));
		buf_free(&safe);
		free(json);
	}
	free(url);
}

/* The release as plain text, ready to paste into a chat message. */
void page_release_text(struct req *r, struct resp *s)
{
	const char *slug = r->params.v[0];
	struct release *rel = NULL;
	int found = slug_is_valid(slug) ? release_load_by_slug(req_db(r), slug, &rel) : 0;
	if (found <= 0 || rel->state != WF_PUBLISHED) {
		release_free(rel);
		page_error(r, s, found < 0 ? 500 : 404, NULL);
		return;
	}
	struct tmpl_dict *d = tmpl_dict_new();
	page_fill_release(d, rel);
	char *url = xasprintf("%s/releases/%s", page_base_url(r), rel->slug);
	tmpl_set(d, "URL", url);
	tmpl_set(d, "REL_BODY_TEXT", rel->body);
	free(url);
	release_free(rel);
	buf_reset(&s->body);
	if (tmpl_render("release/text.tpl", d, &s->body) < 0) {
		tmpl_dict_free(d);
		page_error(r, s, 500, NULL);
		return;
	}
	tmpl_dict_free(d);
	s->status = 200;
	s->content_type = "text/plain; charset=utf-8";
	s->cacheable = 1;
}

void page_healthz(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	if (c && db_ping(c) == 0)
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
		return "image/svg+xml; charset=utf-8";
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
		struct static_file *sf = XPUSH(files, nfiles);
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
