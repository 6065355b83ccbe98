/* The layout, error pages and the shared release view (see page.h). */
#include "pages/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/notify.h"
#include "core/release.h"
#include "core/search.h"
#include "core/session.h"
#include "core/unit.h"
#include "core/user.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"
#include "view/markdown.h"

struct tmpl_dict *page_begin(struct page *p, struct req *r, const char *title, const char *file)
{
	p->root = tmpl_dict_new();
	tmpl_set(p->root, "TITLE", title);
	tmpl_set_global(p->root, "CSRF", req_csrf(r));
	if (r->user) {
		struct tmpl_dict *u = tmpl_add_section(p->root, "SIGNED_IN");
		tmpl_set(u, "USER_NAME", r->user->name);
		tmpl_set(u, "USER_ROLE", user_role_label(r->user->role));
		tmpl_set(u, "USER_UNIT", r->user->unit_name ? r->user->unit_name : "");
		int64_t unread = notify_unread_count(req_db(r), r->user->user_id);
		if (unread > 0)
			tmpl_set_int(tmpl_add_section(u, "UNREAD"), "UNREAD_COUNT", unread);
		if (r->user->role == ROLE_CONTRIBUTOR)
			tmpl_show(u, "CAN_CREATE");
		if (r->user->role == ROLE_ADMIN)
			tmpl_show(u, "IS_ADMIN");
		tmpl_set(u, "DASHBOARD_HREF",
			 r->user->role == ROLE_CONTRIBUTOR ? "/dashboard" : "/admin/dashboard");
	} else {
		tmpl_show(p->root, "ANONYMOUS");
	}
	p->content = tmpl_include(p->root, "CONTENT", file);
	return p->content;
}

void page_finish(struct page *p, struct req *r, struct resp *s, int status)
{
	(void)r;
	buf_reset(&s->body);
	if (tmpl_render("layout.tpl", p->root, &s->body) < 0) {
		s->cacheable = 0;
		resp_text(s, 500, "Terjadi kesalahan pada server.");
	} else {
		s->status = status;
		s->content_type = "text/html; charset=utf-8";
	}
	tmpl_dict_free(p->root);
	p->root = p->content = NULL;
}

static const struct {
	int status;
	const char *title, *message;
} errors[] = {
	{ 400, "Permintaan tidak valid", "Permintaan tidak dapat diproses." },
	{ 401, "Perlu masuk", "Silakan masuk terlebih dahulu." },
	{ 403, "Akses ditolak", "Anda tidak berwenang melakukan ini." },
	{ 404, "Halaman tidak ditemukan", "Halaman yang Anda cari tidak ada atau sudah dipindahkan." },
	{ 405, "Metode tidak diizinkan", "Alamat ini tidak menerima metode tersebut." },
	{ 409, "Tidak dapat dilakukan", "Tindakan ini tidak dapat dilakukan pada status saat ini." },
	{ 410, "Tidak tersedia lagi", "Halaman ini sudah ditarik." },
	{ 413, "Terlalu besar", "Isian yang dikirim terlalu besar." },
	{ 414, "Alamat terlalu panjang", "Alamat yang diminta terlalu panjang." },
	{ 415, "Jenis isi tidak didukung", "Jenis isi permintaan tidak didukung." },
	{ 429, "Terlalu banyak percobaan", "Terlalu banyak percobaan. Coba lagi nanti." },
	{ 500, "Kesalahan server", "Terjadi kesalahan pada server. Silakan coba lagi." },
	{ 503, "Layanan sibuk", "Layanan sedang sibuk. Silakan coba lagi sebentar lagi." },
};

/* Said when a write failed because the disk is full: nothing was stored, and it is not the
 * user's fault. */
#define STORAGE_FULL_TITLE "Penyimpanan penuh"
#define STORAGE_FULL_MESSAGE \
	"Ruang penyimpanan server sedang penuh, sehingga isian Anda belum tersimpan dan tidak ada " \
	"yang berubah. Silakan kirim lagi beberapa saat lagi. Bila masalah ini berlanjut, hubungi " \
	"pengelola situs."

void page_error(struct req *r, struct resp *s, int status, const char *message)
{
	const char *title = "Kesalahan";
	const char *std = NULL;
	int full = (status == 500 || status == 503) && db_full_seen();
	if (full) {
		status = 503;
		message = STORAGE_FULL_MESSAGE;
		resp_header(s, "Retry-After", "300");
	}
	for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
		if (errors[i].status == status) {
			title = errors[i].title;
			std = errors[i].message;
		}
	if (full)
		title = STORAGE_FULL_TITLE;
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, title, "errors/error.tpl");
	tmpl_set_int(d, "STATUS", status);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "MESSAGE", message ? message : std ? std : "");
	if (status == 404 || status == 410)
		s->cacheable = 1;
	page_finish(&p, r, s, status);
}

int64_t page_parse_id(const char *s)
{
	if (!s || !*s || strlen(s) > 18)
		return 0;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (*p - '0');
	}
	return v;
}

void page_set_time(struct tmpl_dict *d, const char *key, int64_t t,
		   int (*fmt)(int64_t, char *, size_t))
{
	if (!t)
		return;
	char out[96];
	if (fmt(t, out, sizeof out) >= 0)
		tmpl_set(d, key, out);
}

void page_fill_release(struct tmpl_dict *d, const struct release *rel)
{
	int adv = release_is_advisory(rel);
	tmpl_set(d, "REL_TITLE", rel->title);
	tmpl_set(d, "REL_SUMMARY", rel->summary);
	tmpl_set(d, "REL_UNIT_NAME", rel->unit_name);
	tmpl_set(d, "REL_UNIT_CODE", rel->unit_code);
	tmpl_set(d, "REL_KIND_LABEL", adv ? "Undangan Liputan" : "Siaran Pers");
	tmpl_set(d, "REL_DOC_TITLE", adv ? "UNDANGAN LIPUTAN" : "SIARAN PERS");
	tmpl_set(d, "REL_NUMBER", rel->number ? rel->number : "");
	if (rel->number)
		tmpl_show(d, "HAS_NUMBER");
	tmpl_set(d, "REL_LOCATION", rel->location);
	tmpl_set(d, "REL_ADDRESS", rel->address);
	if (*rel->address)
		tmpl_show(d, "HAS_ADDRESS");
	/* Markdown rendered by md4c with raw HTML off and link targets filtered: safe as HTML. */
	char *html = markdown_to_html(rel->body, strlen(rel->body));
	tmpl_set(d, "REL_BODY_HTML", html);
	free(html);
	if (*rel->body)
		tmpl_show(d, "HAS_BODY");

	/* Dateline: "Jakarta, Kamis, 20 Agustus 2026" from the activity date, else publication. */
	char date[96] = "";
	int y, m, dd;
	if (rel->activity_date && datefmt_parse_date(rel->activity_date, &y, &m, &dd) == 0)
		datefmt_long_ymd(y, m, dd, date, sizeof date);
	else if (adv && rel->event_start)
		datefmt_long(rel->event_start, date, sizeof date);
	else if (rel->published_at)
		datefmt_long(rel->published_at, date, sizeof date);
	if (date[0])
		tmpl_show(d, "HAS_DATELINE_DATE");
	tmpl_set(d, "REL_DATELINE_PLACE", (!adv && *rel->location) ? rel->location : "Jakarta");
	tmpl_set(d, "REL_DATELINE_DATE", date);
	page_set_time(d, "REL_PUBLISHED", rel->published_at, datefmt_long_time);
	page_set_time(d, "REL_PUBLISHED_ISO", rel->published_at, datefmt_rfc3339);
	if (rel->published_at)
		tmpl_show(d, "IS_PUBLISHED");
	if (rel->public_updated_at > rel->published_at && rel->published_at) {
		struct tmpl_dict *u = tmpl_add_section(d, "UPDATED");
		page_set_time(u, "REL_UPDATED", rel->public_updated_at, datefmt_long_time);
		page_set_time(u, "REL_UPDATED_ISO", rel->public_updated_at, datefmt_rfc3339);
	}
	if (rel->scheduled_for) {
		struct tmpl_dict *e = tmpl_add_section(d, "EMBARGO");
		page_set_time(e, "EMBARGO_UNTIL", rel->scheduled_for, datefmt_long_time);
	} else {
		tmpl_show(d, "IMMEDIATE");
	}

	if (adv && rel->event_start) {
		struct tmpl_dict *e = tmpl_add_section(d, "EVENT");
		page_set_time(e, "EVENT_DAY", rel->event_start, datefmt_long);
		char from[16] = "", to[16] = "";
		datefmt_hour(rel->event_start, from, sizeof from);
		if (rel->event_end) {
			datefmt_hour(rel->event_end, to, sizeof to);
			tmpl_show(e, "HAS_EVENT_END");
		}
		tmpl_set(e, "EVENT_FROM", from);
		tmpl_set(e, "EVENT_TO", to);
		page_set_time(e, "EVENT_START_ISO", rel->event_start, datefmt_rfc3339);
		/* An event over several days shows its end day too. */
		if (rel->event_end && rel->event_end - rel->event_start >= 24 * 3600)
			page_set_time(tmpl_add_section(e, "EVENT_END_DAY"), "EVENT_END_DATE",
				      rel->event_end, datefmt_long);
	}

	page_media_fill_public(tmpl_include(d, "PHOTO_LEAD", "release/lead_photo.tpl"),
			       tmpl_include(d, "PHOTO_GALLERY", "release/gallery.tpl"), rel);
	if (rel->nquotes)
		tmpl_show(d, "HAS_QUOTES");
	for (int i = 0; i < rel->nquotes; i++) {
		struct tmpl_dict *q = tmpl_add_section(d, "QUOTE");
		tmpl_set(q, "QUOTE_TEXT", rel->quotes[i].text);
		tmpl_set(q, "QUOTE_SPEAKER", rel->quotes[i].speaker);
		tmpl_set(q, "QUOTE_POSITION", rel->quotes[i].position);
		if (*rel->quotes[i].position)
			tmpl_show(q, "HAS_POSITION");
	}

	struct tmpl_dict *c = tmpl_add_section(d, "CONTACT");
	tmpl_set(c, "CONTACT_NAME", rel->contact_name);
	tmpl_set(c, "CONTACT_POSITION", rel->contact_position);
	tmpl_set(c, "CONTACT_PHONE", rel->contact_phone);
	tmpl_set(c, "CONTACT_EMAIL", rel->contact_email);
	if (*rel->contact_position)
		tmpl_show(c, "HAS_CONTACT_POSITION");
	if (*rel->contact_phone) {
		tmpl_show(c, "HAS_PHONE");
		/* tel: link with the digits and a leading + only */
		char tel[32];
		size_t k = 0;
		for (const char *p = rel->contact_phone; *p && k + 1 < sizeof tel; p++)
			if ((*p >= '0' && *p <= '9') || (*p == '+' && k == 0))
				tel[k++] = *p;
		tel[k] = '\0';
		tmpl_set(c, "CONTACT_TEL", tel);
		/* Shown on pages without a line break inside the number: no-break spaces (U+00A0) and
		 * hyphens (U+2011). The plain-text view keeps CONTACT_PHONE as typed. */
		struct buf nb = BUF_INIT;
		for (const char *p = rel->contact_phone; *p; p++) {
			if (*p == ' ')
				buf_puts(&nb, "\xc2\xa0");
			else if (*p == '-')
				buf_puts(&nb, "\xe2\x80\x91");
			else
				buf_putc(&nb, *p);
		}
		tmpl_set(c, "CONTACT_PHONE_NB", buf_str(&nb));
		buf_free(&nb);
	}
	if (*rel->contact_email)
		tmpl_show(c, "HAS_EMAIL");
}

static const char *param(struct req *r, const char *name)
{
	const char *v = req_query(r, name);
	return v ? v : "";
}

int page_filters_parse(struct req *r, struct page_filters *f, int default_limit, int max_limit,
		       const char **bad, const char **why)
{
	memset(f, 0, sizeof *f);
	f->unit = param(r, "unit");
	f->kind = param(r, "kind");
	f->from = param(r, "from");
	f->to = param(r, "to");
	f->q_text = param(r, "q");
	f->after = param(r, "after");
	f->limit = default_limit;
	*bad = NULL;
	*why = NULL;

	if (*f->unit) {
		if (!unit_code_valid(f->unit)) {
			*bad = "unit";
			*why = "Kode unit tidak valid.";
			return -1;
		}
		int found = release_unit_by_code(req_db(r), f->unit, &f->q.unit_id, &f->unit_name);
		if (found < 0)
			return -2;
		if (!found) {
			*bad = "unit";
			*why = "Unit tidak dikenal.";
			return -1;
		}
	}
	if (*f->kind) {
		if (strcmp(f->kind, "press_release") != 0 && strcmp(f->kind, "media_advisory") != 0) {
			*bad = "kind";
			*why = "Jenis harus press_release atau media_advisory.";
			return -1;
		}
		f->q.kind = f->kind;
	}
	int y, m, d;
	char local[24];
	if (*f->from) {
		if (datefmt_parse_date(f->from, &y, &m, &d) < 0) {
			*bad = "from";
			*why = "Tanggal awal tidak valid (format TTTT-BB-HH).";
			return -1;
		}
		snprintf(local, sizeof local, "%04d-%02d-%02dT00:00", y, m, d);
		datefmt_parse_local(local, &f->q.from);
	}
	if (*f->to) {
		if (datefmt_parse_date(f->to, &y, &m, &d) < 0) {
			*bad = "to";
			*why = "Tanggal akhir tidak valid (format TTTT-BB-HH).";
			return -1;
		}
		snprintf(local, sizeof local, "%04d-%02d-%02dT00:00", y, m, d);
		datefmt_parse_local(local, &f->q.until);
		f->q.until += 24 * 3600; /* the whole last day */
		if (f->q.from && f->q.until <= f->q.from) {
			*bad = "to";
			*why = "Tanggal akhir harus sama dengan atau sesudah tanggal awal.";
			return -1;
		}
	}
	if (*f->q_text) {
		if (strlen(f->q_text) > SEARCH_MAX_INPUT) {
			*bad = "q";
			*why = "Kata kunci terlalu panjang.";
			return -1;
		}
		f->fts = search_fts_query(f->q_text);
		f->q.fts = f->fts;
	}
	const char *lim = req_query(r, "limit");
	if (lim) {
		int64_t v = page_parse_id(lim);
		if (v < 1 || v > max_limit) {
			*bad = "limit";
			*why = "Batas jumlah tidak valid.";
			return -1;
		}
		f->limit = (int)v;
	}
	if (strlen(f->after) > 64) {
		*bad = "after";
		*why = "Penanda halaman tidak valid.";
		return -1;
	}
	f->q.after = f->after;
	f->q.limit = f->limit;
	return 0;
}

void page_filters_free(struct page_filters *f)
{
	free(f->fts);
	free(f->unit_name);
	f->fts = f->unit_name = NULL;
}

void page_anon_csrf(struct req *r, struct resp *s)
{
	if (!r->user && !r->anon_csrf[0]) {
		token_random_hex(r->anon_csrf);
		resp_cookie(r, s, http_csrf_cookie(r->app), r->anon_csrf, -1);
	}
}

void page_input_errors(struct tmpl_dict *d, const struct input_errors *errs)
{
	if (!errs->n)
		return;
	struct tmpl_dict *sum = tmpl_add_section(d, "ERRORS");
	tmpl_set_int(sum, "ERROR_COUNT", errs->n);
	for (int i = 0; i < errs->n; i++) {
		struct tmpl_dict *it = tmpl_add_section(sum, "ERROR_ITEM");
		tmpl_set(it, "FIELD", errs->e[i].field);
		tmpl_set(it, "MESSAGE", errs->e[i].message);
		char section[64];
		size_t k = 0;
		for (const char *f = errs->e[i].field; *f && k + 7 < sizeof section; f++)
			section[k++] = (*f >= 'a' && *f <= 'z') ? (char)(*f - 'a' + 'A') : *f;
		snprintf(section + k, sizeof section - k, "_ERROR");
		tmpl_set(tmpl_add_section(d, section), "MESSAGE", errs->e[i].message);
	}
}

void page_retry_after(struct resp *s, int64_t wait, const char *what, char *msg, size_t n)
{
	snprintf(msg, n, "Terlalu banyak percobaan%s%s yang gagal. Coba lagi dalam %lld menit.",
		 what ? " " : "", what ? what : "", (long long)((wait + 59) / 60));
	char ra[24];
	snprintf(ra, sizeof ra, "%lld", (long long)wait);
	resp_header(s, "Retry-After", ra);
}

void page_option(struct tmpl_dict *d, const char *section, const char *value, const char *label,
		 int selected)
{
	struct tmpl_dict *o = tmpl_add_section(d, section);
	tmpl_set(o, "VALUE", value);
	tmpl_set(o, "LABEL", label);
	if (selected)
		tmpl_show(o, "SELECTED");
}

struct tmpl_dict *page_pager(struct tmpl_dict *d, int n, int64_t total, int per_page,
			     int64_t page)
{
	if (n == 0)
		tmpl_show(d, "EMPTY");
	tmpl_set_int(d, "TOTAL", total);
	int64_t pages = (total + per_page - 1) / per_page;
	if (pages <= 1)
		return NULL;
	struct tmpl_dict *nav = tmpl_add_section(d, "PAGER");
	tmpl_set_int(nav, "PAGE", page);
	tmpl_set_int(nav, "PAGES", pages);
	if (page > 1)
		tmpl_set_int(tmpl_add_section(nav, "PREV"), "PREV_PAGE", page - 1);
	if (page < pages)
		tmpl_set_int(tmpl_add_section(nav, "NEXT"), "NEXT_PAGE", page + 1);
	return nav;
}

const char *page_done_notice(struct req *r, const struct page_notice *table, size_t n)
{
	const char *done = req_query(r, "done");
	for (size_t i = 0; done && i < n; i++)
		if (strcmp(done, table[i].key) == 0)
			return table[i].text;
	return NULL;
}

void page_set_notices(struct tmpl_dict *d, const char *notice, const char *refused)
{
	if (notice)
		tmpl_set(tmpl_add_section(d, "NOTICE"), "NOTICE_TEXT", notice);
	if (refused)
		tmpl_set(tmpl_add_section(d, "REFUSED"), "REFUSED_TEXT", refused);
}

sqlite3 *page_write_begin(struct req *r, struct resp *s)
{
	sqlite3 *w = db_write_begin(r->app->db);
	if (!w)
		page_error(r, s, 503, NULL);
	return w;
}

void page_write_abort(struct req *r, struct resp *s, int status, const char *message)
{
	db_write_rollback(r->app->db);
	page_error(r, s, status, message);
}

int page_write_commit(struct req *r, struct resp *s)
{
	if (db_write_commit(r->app->db) < 0) {
		page_error(r, s, 503, NULL);
		return -1;
	}
	return 0;
}

int page_commit_redirect(struct req *r, struct resp *s, const char *location)
{
	if (page_write_commit(r, s) < 0)
		return -1;
	resp_redirect(s, 303, location);
	return 0;
}

int page_unit_moved(struct req *r, struct resp *s, const char *code, const char *suffix)
{
	int err = 0;
	char *to = unit_merged_into(req_db(r), code, &err);
	if (!to)
		return 0;
	char *loc = xasprintf("/units/%s%s", to, suffix);
	resp_redirect(s, 301, loc);
	free(loc);
	free(to);
	return 1;
}

const char *page_base_url(const struct req *r)
{
	return r->app->base_url ? r->app->base_url : "";
}
