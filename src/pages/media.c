/* Photos and documents in the pages: reading uploads from a request form or the request page
 * (checked, derived, stored, attached in the caller's transaction), the media section of the
 * request page and its changes (caption, order, lead, removal), the gallery of the public page,
 * and /media/ files with access checks, caching, ETag and byte ranges. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/media.h"
#include "core/release.h"
#include "core/session.h"
#include "core/user.h"
#include "pages/page.h"
#include "pages/pages.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define MB (1024ULL * 1024ULL)

/* The client's file name as metadata: its last path component, valid UTF-8 text of at most
 * MEDIA_FILENAME_MAX bytes (else a neutral name). Never used as a path. */
static char *clean_filename(const char *raw, int n)
{
	const char *base = raw;
	for (const char *p = raw; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	size_t len = strlen(base);
	if (len == 0 || len > MEDIA_FILENAME_MAX || !utf8_valid_text(base, len))
		return xasprintf("berkas-%d", n);
	return xstrdup(base);
}

/* A trimmed copy of a text value (NULL for NULL). */
static char *trimmed(const char *s)
{
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	char *out = xmalloc(n + 1);
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

void page_media_batch_free(struct page_media_batch *b)
{
	for (int i = 0; i < b->n; i++) {
		media_new_clear(&b->items[i].m);
		free(b->items[i].caption);
		free(b->items[i].credit);
		free(b->items[i].filename);
	}
	free(b->items);
	memset(b, 0, sizeof *b);
}

/* Validates the caption and credit of a photo (number n, for messages). */
static void check_texts(struct release_errors *errs, int n, const char *name, const char *caption,
			const char *credit)
{
	if (!caption || !*caption)
		release_errors_add(errs, "photo", "Foto %d (%s): keterangan foto wajib diisi.", n, name);
	else if (strlen(caption) > MEDIA_CAPTION_MAX)
		release_errors_add(errs, "photo", "Foto %d (%s): keterangan paling panjang %d karakter.", n, name,
			MEDIA_CAPTION_MAX);
	if (!credit || !*credit)
		release_errors_add(errs, "photo", "Foto %d (%s): kredit foto (nama fotografer/sumber) wajib diisi.",
			n, name);
	else if (strlen(credit) > MEDIA_CREDIT_MAX)
		release_errors_add(errs, "photo", "Foto %d (%s): kredit paling panjang %d karakter.", n, name,
			MEDIA_CREDIT_MAX);
}

int page_media_read(struct req *r, struct page_media_batch *b, struct release_errors *errs)
{
	memset(b, 0, sizeof *b);
	enum { MAXF = 64 };
	struct upload *photos[MAXF], *docs[MAXF];
	size_t np = req_files(r, "photo", photos, MAXF), nd = req_files(r, "document", docs, MAXF);
	if (np > MAXF)
		np = MAXF;
	if (nd > MAXF)
		nd = MAXF;
	const char *captions[MAXF], *credits[MAXF];
	size_t nc = form_get_all(&r->body, "photo_caption", captions, MAXF);
	size_t ncr = form_get_all(&r->body, "photo_credit", credits, MAXF);
	if (nc > MAXF)
		nc = MAXF;
	if (ncr > MAXF)
		ncr = MAXF;
	int before = errs->n;
	b->items = xcalloc(np + nd ? np + nd : 1, sizeof *b->items);
	for (size_t k = 0; k < np + nd; k++) {
		int photo = k < np;
		struct upload *u = photo ? photos[k] : docs[k - np];
		/* A file input left empty sends a part with no name and no bytes. */
		if (u->size == 0 && u->filename[0] == '\0')
			continue;
		int n = photo ? (int)k + 1 : (int)(k - np) + 1;
		struct page_media_item *it = &b->items[b->n];
		it->filename = clean_filename(u->filename, n);
		if (photo) {
			/* Captions and credits pair with photos in order; when fewer are given, the
			 * last one given serves the remaining photos (one credit for a whole series). */
			const char *cap = nc ? captions[k < nc ? k : nc - 1] : NULL;
			const char *cred = ncr ? credits[k < ncr ? k : ncr - 1] : NULL;
			it->caption = trimmed(cap);
			it->credit = trimmed(cred);
			check_texts(errs, n, it->filename, it->caption, it->credit);
		}
		char hex[65];
		upload_hex(u, hex);
		const char *why = NULL;
		int rc = media_prepare(r->app->data_dir, u->path, hex, (int64_t)u->size, photo, &it->m,
				       &why);
		if (rc == -2) {
			free(it->caption);
			free(it->credit);
			free(it->filename);
			page_media_batch_free(b);
			return -1;
		}
		if (rc == -1) {
			release_errors_add(errs, photo ? "photo" : "document", "%s %d (%s): %s",
				photo ? "Foto" : "Dokumen", n, it->filename, why);
			free(it->caption);
			free(it->credit);
			free(it->filename);
			memset(it, 0, sizeof *it);
			continue;
		}
		upload_taken(u); /* moved into the work directory */
		b->bytes += it->m.bytes; /* a PDF: its cleaned size */
		b->n++;
	}
	if (errs->n > before) {
		page_media_batch_free(b);
		return 1;
	}
	for (int i = 0; i < b->n; i++)
		if (media_place(r->app->data_dir, &b->items[i].m) < 0) {
			page_media_batch_free(b);
			return -1;
		}
	return 0;
}

int page_media_attach(struct req *r, sqlite3 *w, int64_t request_id, int64_t unit_id,
		      struct page_media_batch *b, struct release_errors *errs, int64_t now)
{
	if (b->n == 0)
		return 0;
	int64_t count = 0, req_bytes = 0, unit_bytes = 0;
	if (db_int(w, &count, "SELECT COUNT(*) FROM request_media WHERE request_id = ?", "i",
		   request_id) < 0 ||
	    media_usage(w, unit_id, request_id, &req_bytes, &unit_bytes) < 0)
		return -1;
	const struct app *app = r->app;
	if (count + b->n > MEDIA_MAX_PER_REQUEST) {
		release_errors_add(errs, "photo", "Paling banyak %d foto dan dokumen per permintaan.",
			MEDIA_MAX_PER_REQUEST);
		return 1;
	}
	if ((uint64_t)(req_bytes + b->bytes) > app->max_request_bytes) {
		release_errors_add(errs, "photo", "Foto dan dokumen permintaan ini melebihi batas %llu MiB.",
			app->max_request_bytes / MB);
		return 1;
	}
	if ((uint64_t)(unit_bytes + b->bytes) > app->unit_quota_bytes) {
		release_errors_add(errs, "photo", "Ruang penyimpanan unit Anda (%llu MiB) sudah penuh. Hapus foto "
				       "yang tidak dipakai atau hubungi Humas.",
			app->unit_quota_bytes / MB);
		return 1;
	}
	for (int i = 0; i < b->n; i++) {
		struct page_media_item *it = &b->items[i];
		int64_t id = media_attach(w, request_id, &it->m, it->caption, it->credit, it->filename,
					  r->user->user_id, now);
		if (id < 0)
			return -1;
		if (id == 0)
			continue; /* the same file was already attached */
		char *detail = xasprintf("%s %s", it->m.info.type == IMAGE_PDF ? "dokumen" : "foto",
					 it->filename);
		int rc = audit_log(w, r->user->user_id, "media_add", "request", request_id, detail,
				   r->client, now);
		free(detail);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* --- the request page --- */

static void media_url(char *out, size_t n, const struct media_item *m, const char *file)
{
	snprintf(out, n, "/media/%s/%s", m->sha256, file);
}

static const char *download_name(const struct media_item *m)
{
	if (m->document)
		return "document.pdf";
	return strcmp(m->mime, "image/png") == 0 ? "photo.png" : "photo.jpg";
}

/* Sets the image values a template needs for photo m: SRC (480 px JPEG), SRCSET_JPG,
 * SRCSET_WEBP, WIDTH/HEIGHT (of the 480 px size), FULL (download). */
static void fill_photo(struct tmpl_dict *d, const struct media_item *m)
{
	char url[160], set[400], wset[400];
	media_url(url, sizeof url, m, "w480.jpg");
	tmpl_set(d, "SRC", url);
	set[0] = wset[0] = '\0';
	for (int i = 0; i < IMAGE_NWIDTHS; i++) {
		int w = image_widths[i] < m->width ? image_widths[i] : m->width;
		char part[200];
		snprintf(part, sizeof part, "%s/media/%s/w%d.jpg %dw", i ? ", " : "", m->sha256,
			 image_widths[i], w);
		strncat(set, part, sizeof set - strlen(set) - 1);
		snprintf(part, sizeof part, "%s/media/%s/w%d.webp %dw", i ? ", " : "", m->sha256,
			 image_widths[i], w);
		strncat(wset, part, sizeof wset - strlen(wset) - 1);
	}
	tmpl_set(d, "SRCSET_JPG", set);
	tmpl_set(d, "SRCSET_WEBP", wset);
	int w = m->width < image_widths[0] ? m->width : image_widths[0];
	int h = m->width ? (int)((int64_t)m->height * w / m->width) : 0;
	tmpl_set_int(d, "WIDTH", w);
	tmpl_set_int(d, "HEIGHT", h ? h : 1);
	tmpl_set_int(d, "FULL_WIDTH", m->width);
	tmpl_set_int(d, "FULL_HEIGHT", m->height);
	media_url(url, sizeof url, m, download_name(m));
	tmpl_set(d, "FULL", url);
}

static void fill_size(struct tmpl_dict *d, int64_t bytes)
{
	char s[32];
	if (bytes >= (int64_t)MB)
		snprintf(s, sizeof s, "%.1f MB", (double)bytes / (double)MB);
	else
		snprintf(s, sizeof s, "%lld KB", (long long)((bytes + 1023) / 1024));
	for (char *p = s; *p; p++)
		if (*p == '.')
			*p = ','; /* Indonesian decimal comma */
	tmpl_set(d, "SIZE", s);
}

/* The values every listing of a file shows: caption, credit, file name, size, and the download
 * URL (FULL) or, for a photo, its image values (fill_photo). */
static void fill_item(struct tmpl_dict *it, const struct media_item *m)
{
	tmpl_set(it, "CAPTION", m->caption);
	tmpl_set(it, "CREDIT", m->credit);
	tmpl_set(it, "FILENAME", m->filename);
	fill_size(it, m->bytes);
	if (m->document) {
		char url[160];
		media_url(url, sizeof url, m, "document.pdf");
		tmpl_set(it, "FULL", url);
		if (*m->caption)
			tmpl_show(it, "HAS_CAPTION");
	} else {
		fill_photo(it, m);
	}
}

void page_media_fill(struct tmpl_dict *d, struct req *r, const struct release *rel, int editable,
		     const struct release_errors *errs)
{
	struct tmpl_dict *sec = tmpl_add_section(d, "MEDIA");
	tmpl_set_int(sec, "REQ_ID", rel->id);
	int staff = r->user->role != ROLE_CONTRIBUTOR;
	for (int i = 0; i < rel->nmedia; i++) {
		const struct media_item *m = &rel->media[i];
		struct tmpl_dict *it = tmpl_add_section(sec, m->document ? "DOC_ITEM" : "PHOTO_ITEM");
		tmpl_set_int(it, "MEDIA_ID", m->id);
		tmpl_set_int(it, "REQ_ID", rel->id);
		fill_item(it, m);
		if (!m->document)
			tmpl_show(it, m == media_lead(rel->media, rel->nmedia) ? "IS_LEAD" : "NOT_LEAD");
		if (staff) {
			char url[160];
			media_url(url, sizeof url, m, "original");
			tmpl_set(tmpl_add_section(it, "ORIGINAL"), "ORIGINAL_URL", url);
		}
		tmpl_show(it, editable ? "CAN_EDIT" : "NO_EDIT");
	}
	if (rel->nmedia == 0)
		tmpl_show(sec, "NO_MEDIA");
	if (editable) {
		struct tmpl_dict *up = tmpl_add_section(sec, "UPLOAD");
		tmpl_set_int(up, "REQ_ID", rel->id);
		page_media_fill_inputs(tmpl_include(up, "MEDIA_INPUTS", "requests/media_inputs.tpl"), r,
				       errs, "u-");
	}
}

void page_media_fill_inputs(struct tmpl_dict *d, struct req *r, const struct release_errors *errs,
			    const char *id_prefix)
{
	tmpl_set(d, "P", id_prefix);
	char hint[200];
	snprintf(hint, sizeof hint, "%llu MiB", r->app->max_file_bytes / MB);
	tmpl_set(d, "MAX_FILE", hint);
	const char *cap = req_form(r, "photo_caption"), *cred = req_form(r, "photo_credit");
	tmpl_set(d, "PHOTO_CAPTION_VALUE", cap ? cap : "");
	tmpl_set(d, "PHOTO_CREDIT_VALUE", cred ? cred : "");
	const char *fields[] = { "photo", "document" };
	const char *sections[] = { "PHOTO_ERROR", "DOCUMENT_ERROR" };
	for (int f = 0; f < 2 && errs; f++) {
		struct tmpl_dict *e = NULL;
		for (int i = 0; i < errs->n; i++)
			if (strcmp(errs->e[i].field, fields[f]) == 0) {
				if (!e)
					e = tmpl_add_section(d, sections[f]);
				tmpl_set(tmpl_add_section(e, "ERR"), "MESSAGE", errs->e[i].message);
			}
	}
	if (req_files(r, "photo", NULL, 0) || req_files(r, "document", NULL, 0))
		tmpl_show(d, "FILES_NOT_KEPT");
}

void page_media_fill_public(struct tmpl_dict *lead_d, struct tmpl_dict *gallery_d,
			    const struct release *rel)
{
	const struct media_item *lead = media_lead(rel->media, rel->nmedia);
	if (lead) {
		struct tmpl_dict *l = tmpl_add_section(lead_d, "LEAD_PHOTO");
		fill_photo(l, lead);
		tmpl_set(l, "CAPTION", lead->caption);
		tmpl_set(l, "CREDIT", lead->credit);
	}
	int gallery = 0, docs = 0;
	for (int i = 0; i < rel->nmedia; i++) {
		const struct media_item *m = &rel->media[i];
		if (m == lead)
			continue;
		if (!m->document && !gallery++)
			tmpl_show(gallery_d, "HAS_GALLERY");
		if (m->document && !docs++)
			tmpl_show(gallery_d, "HAS_DOCUMENTS");
		fill_item(tmpl_add_section(gallery_d, m->document ? "DOCUMENT" : "GALLERY_PHOTO"), m);
	}
}

/* --- changes on the request page --- */

void page_media_upload(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!page_request_load(r, s, c, &rel))
		return;
	struct page_media_batch b;
	memset(&b, 0, sizeof b);
	struct release_errors errs;
	errs.n = 0;
	if (!page_request_media_editable(r->user, rel)) {
		page_error(r, s, 409, "Foto dan dokumen permintaan ini tidak dapat diubah pada status "
				      "saat ini.");
		goto out;
	}
	int rc = page_media_read(r, &b, &errs);
	if (rc == 0 && b.n == 0) {
		release_errors_add(&errs, "photo", "Pilih setidaknya satu foto atau dokumen.");
		rc = 1;
	}
	if (rc < 0) {
		page_error(r, s, 503, "Berkas tidak dapat diproses sekarang. Coba lagi nanti.");
		goto out;
	}
	int64_t now = clock_now();
	if (rc == 0) {
		sqlite3 *w = db_write_begin(r->app->db);
		if (!w) {
			page_error(r, s, 503, NULL);
			goto out;
		}
		rc = page_media_attach(r, w, rel->id, rel->unit_id, &b, &errs, now);
		if (rc == 0 && rel->state == WF_PUBLISHED)
			rc = release_media_changed(w, rel->id, now) < 0 ? -1 : 0;
		if (rc != 0) {
			db_write_rollback(r->app->db);
		} else if (db_write_commit(r->app->db) < 0) {
			page_error(r, s, 503, NULL);
			goto out;
		}
		if (rc < 0) {
			page_error(r, s, 500, NULL);
			goto out;
		}
	}
	if (rc == 1) {
		page_requests_show_media(r, s, 422, c, rel, &errs);
		goto out;
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/requests/%lld#media", (long long)rel->id);
	resp_redirect(s, 303, loc);
out:
	page_media_batch_free(&b);
	release_free(rel);
}

void page_media_change(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!page_request_load(r, s, c, &rel))
		return;
	char *caption = NULL, *credit = NULL;
	int64_t mid = page_parse_id(r->params.v[1]);
	const char *opname = req_form(r, "op");
	static const struct {
		const char *name;
		enum media_op op;
		const char *audit;
	} ops[] = {
		{ "save", MEDIA_OP_SAVE, "media_edit" },  { "remove", MEDIA_OP_REMOVE, "media_remove" },
		{ "up", MEDIA_OP_UP, "media_move" },      { "down", MEDIA_OP_DOWN, "media_move" },
		{ "lead", MEDIA_OP_LEAD, "media_lead" },
	};
	int which = -1;
	for (size_t i = 0; opname && i < sizeof ops / sizeof ops[0]; i++)
		if (strcmp(opname, ops[i].name) == 0)
			which = (int)i;
	if (!mid) {
		page_error(r, s, 404, NULL);
		goto out;
	}
	if (which < 0) {
		page_error(r, s, 400, "Tindakan tidak dikenal.");
		goto out;
	}
	if (!page_request_media_editable(r->user, rel)) {
		page_error(r, s, 409, "Foto dan dokumen permintaan ini tidak dapat diubah pada status "
				      "saat ini.");
		goto out;
	}
	struct release_errors errs;
	errs.n = 0;
	if (ops[which].op == MEDIA_OP_SAVE) {
		caption = trimmed(req_form(r, "caption"));
		credit = trimmed(req_form(r, "credit"));
		int document = 0;
		for (int i = 0; i < rel->nmedia; i++)
			if (rel->media[i].id == mid)
				document = rel->media[i].document;
		if (!document)
			check_texts(&errs, 1, "", caption, credit);
		else if (caption && strlen(caption) > MEDIA_CAPTION_MAX)
			release_errors_add(&errs, "photo", "Keterangan paling panjang %d karakter.", MEDIA_CAPTION_MAX);
		if (errs.n) {
			page_requests_show_media(r, s, 422, c, rel, &errs);
			goto out;
		}
	}
	int64_t now = clock_now();
	sqlite3 *w = db_write_begin(r->app->db);
	if (!w) {
		page_error(r, s, 503, NULL);
		goto out;
	}
	int rc = media_change(w, rel->id, mid, ops[which].op, caption, credit);
	if (rc == 1) {
		char detail[32];
		snprintf(detail, sizeof detail, "%s #%lld", ops[which].name, (long long)mid);
		if (audit_log(w, r->user->user_id, ops[which].audit, "request", rel->id, detail,
			      r->client, now) < 0 ||
		    (rel->state == WF_PUBLISHED && release_media_changed(w, rel->id, now) < 0))
			rc = -1;
	}
	if (rc != 1) {
		db_write_rollback(r->app->db);
		page_error(r, s, rc == 0 ? 404 : 500, NULL);
		goto out;
	}
	if (db_write_commit(r->app->db) < 0) {
		page_error(r, s, 503, NULL);
		goto out;
	}
	char loc[64];
	snprintf(loc, sizeof loc, "/requests/%lld#media", (long long)rel->id);
	resp_redirect(s, 303, loc);
out:
	free(caption);
	free(credit);
	release_free(rel);
}

/* --- /media/ files --- */

static const struct {
	const char *name;
	const char *type; /* NULL: the original's type */
	int download;
	int staff_only;
} variants[] = {
	{ "w480.jpg", "image/jpeg", 0, 0 },   { "w480.webp", "image/webp", 0, 0 },
	{ "w1200.jpg", "image/jpeg", 0, 0 },  { "w1200.webp", "image/webp", 0, 0 },
	{ "photo.jpg", "image/jpeg", 1, 0 },  { "photo.png", "image/png", 1, 0 },
	{ "document.pdf", "application/pdf", 1, 0 }, { "original", NULL, 1, 1 },
};

/* Parses a single "bytes=a-b" / "bytes=a-" / "bytes=-n" range against size. Returns 1 with
 * *off and *len, 0 when there is no usable Range (send everything), -1 when unsatisfiable. */
static int parse_range(const char *h, uint64_t size, uint64_t *off, uint64_t *len)
{
	if (!h || strncmp(h, "bytes=", 6) != 0 || strchr(h, ','))
		return 0; /* several ranges: the whole file is a valid answer */
	const char *p = h + 6;
	char *end;
	if (*p == '-') {
		errno = 0;
		unsigned long long n = strtoull(p + 1, &end, 10);
		if (errno || end == p + 1 || *end)
			return 0;
		if (n == 0 || size == 0)
			return -1;
		if (n > size)
			n = size;
		*off = size - n;
		*len = n;
		return 1;
	}
	if (*p < '0' || *p > '9')
		return 0;
	errno = 0;
	unsigned long long a = strtoull(p, &end, 10);
	if (errno || *end != '-')
		return 0;
	const char *q = end + 1;
	unsigned long long b = size ? size - 1 : 0;
	if (*q) {
		if (*q < '0' || *q > '9')
			return 0;
		b = strtoull(q, &end, 10);
		if (errno || *end || b < a)
			return 0;
		if (b >= size)
			b = size - 1;
	}
	if (a >= size)
		return -1;
	*off = a;
	*len = b - a + 1;
	return 1;
}

void page_media_file(struct req *r, struct resp *s)
{
	const char *sha = r->params.v[0], *file = r->params.v[1];
	int v = -1;
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
		if (strcmp(file, variants[i].name) == 0)
			v = (int)i;
	if (!media_valid_sha256(sha) || v < 0) {
		page_error(r, s, 404, NULL);
		return;
	}
	sqlite3 *c = req_db(r);
	const char *mime = NULL;
	int64_t unit = !r->user ? -1 : r->user->role == ROLE_CONTRIBUTOR ? r->user->unit_id : 0;
	int access = c ? media_access(c, sha, unit < 0 ? -1 : unit, &mime) : -1;
	if (access < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	int staff = r->user && r->user->role != ROLE_CONTRIBUTOR;
	/* Anonymous visitors see files of published releases; a signed-in user also those of the
	 * requests they may open; the original bytes only editors and admins. */
	int allowed = access == 1 || (r->user && access == 2);
	if (variants[v].staff_only && !staff)
		allowed = 0;
	if (!allowed) {
		page_error(r, s, 404, NULL);
		return;
	}
	char *path = media_path(r->app->data_dir, sha, file);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) < 0) {
		if (fd >= 0)
			close(fd);
		page_error(r, s, 404, NULL);
		return;
	}
	uint64_t size = (uint64_t)sb.st_size;
	s->content_type = variants[v].type ? variants[v].type : (mime ? mime : "application/octet-stream");
	char etag[ROUTE_PARAM_MAX + 32];
	snprintf(etag, sizeof etag, "\"%.16s-%s\"", sha, file);
	resp_header(s, "ETag", etag);
	resp_header(s, "Accept-Ranges", "bytes");
	/* The URL names the content (its hash): a public file never changes. */
	resp_header(s, "Cache-Control", access == 1 && !variants[v].staff_only
						? "public, max-age=31536000, immutable"
						: "private, no-store");
	if (variants[v].download)
		resp_header(s, "Content-Disposition", "attachment");
	else
		resp_header(s, "Content-Disposition", "inline");
	const char *inm = req_header(r, "If-None-Match");
	if (inm && (strcmp(inm, etag) == 0 || strcmp(inm, "*") == 0)) {
		close(fd);
		s->status = 304;
		return;
	}
	uint64_t off = 0, len = size;
	const char *ifr = req_header(r, "If-Range");
	int ranged = (!ifr || strcmp(ifr, etag) == 0) ? parse_range(req_header(r, "Range"), size,
								    &off, &len) : 0;
	char cr[80];
	if (ranged < 0) {
		close(fd);
		snprintf(cr, sizeof cr, "bytes */%" PRIu64, size);
		resp_header(s, "Content-Range", cr);
		page_error(r, s, 416, "Rentang bita di luar ukuran berkas.");
		return;
	}
	if (ranged == 1) {
		snprintf(cr, sizeof cr, "bytes %" PRIu64 "-%" PRIu64 "/%" PRIu64, off, off + len - 1,
			 size);
		resp_header(s, "Content-Range", cr);
	}
	resp_file(s, ranged == 1 ? 206 : 200, fd, off, len);
}
