/* The media store and attachments. Files live under DATA/media/xx/<sha256>/ (original = the
 * uploaded bytes, private; w480.jpg, w1200.webp... and photo.jpg = public derivatives; a PDF is
 * stored only as rewritten without metadata, document.pdf, named by that file's hash); a file is
 * moved there before the transaction that records it commits, so a crash can leave a directory
 * without a row, never a row without its files; media_sweep removes such directories at start. */
#include "core/media.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sodium.h>
#include <unistd.h>

#include "core/pdf.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

/* --- files --- */

static int mkdir_p1(const char *path)
{
	if (mkdir(path, 0750) < 0 && errno != EEXIST) {
		log_error("media: mkdir %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Removes dir and the plain files in it (the store has no deeper levels). */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = xasprintf("%s/%s", dir, e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

static int fsync_path(const char *path, int directory)
{
	int fd = open(path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Syncs every file in dir, then dir itself. */
static int fsync_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *p = xasprintf("%s/%s", dir, e->d_name);
		if (fsync_path(p, 0) < 0)
			rc = -1;
		free(p);
	}
	closedir(d);
	if (fsync_path(dir, 1) < 0)
		rc = -1;
	return rc;
}

int media_valid_sha256(const char *s)
{
	size_t i = 0;
	for (; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == 64;
}

char *media_path(const char *data_dir, const char *sha256, const char *name)
{
	return xasprintf("%s/media/%.2s/%s/%s", data_dir, sha256, sha256, name);
}

int media_init(const char *data_dir)
{
	char *media = xasprintf("%s/media", data_dir);
	char *tmp = xasprintf("%s/tmp", data_dir);
	int rc = (mkdir_p1(media) == 0 && mkdir_p1(tmp) == 0) ? 0 : -1;
	DIR *d = rc == 0 ? opendir(tmp) : NULL;
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = xasprintf("%s/%s", tmp, e->d_name);
			if (unlink(p) < 0 && (errno == EISDIR || errno == EPERM))
				remove_dir(p);
			free(p);
		}
		closedir(d);
	}
	free(media);
	free(tmp);
	return rc;
}

int media_sweep(sqlite3 *w, const char *data_dir)
{
	if (db_execf(w, "DELETE FROM media WHERE sha256 NOT IN (SELECT sha256 FROM request_media)",
		     "") < 0)
		return -1;
	sqlite3_stmt *st = db_prepare(w, "SELECT 1 FROM media WHERE sha256 = ?");
	if (!st)
		return -1;
	char *root = xasprintf("%s/media", data_dir);
	int removed = 0;
	DIR *top = opendir(root);
	struct dirent *e;
	while (top && (e = readdir(top)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char *sub = xasprintf("%s/%s", root, e->d_name);
		DIR *d = opendir(sub);
		struct dirent *f;
		while (d && (f = readdir(d)) != NULL) {
			if (f->d_name[0] == '.')
				continue;
			int known = 0;
			if (media_valid_sha256(f->d_name)) {
				sqlite3_reset(st);
				sqlite3_bind_text(st, 1, f->d_name, -1, SQLITE_TRANSIENT);
				known = sqlite3_step(st) == SQLITE_ROW;
			}
			if (!known) {
				char *p = xasprintf("%s/%s", sub, f->d_name);
				remove_dir(p);
				free(p);
				removed++;
			}
		}
		if (d)
			closedir(d);
		rmdir(sub); /* only when empty */
		free(sub);
	}
	if (top)
		closedir(top);
	sqlite3_finalize(st);
	free(root);
	return removed;
}

int media_hash_file(const char *path, char hex[65], int64_t *bytes)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		log_error("media: open %s: %s", path, strerror(errno));
		return -1;
	}
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	unsigned char buf[65536];
	int64_t total = 0;
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			log_error("media: read %s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		crypto_hash_sha256_update(&st, buf, (unsigned long long)n);
		total += n;
	}
	close(fd);
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(hex, 65, digest, sizeof digest);
	*bytes = total;
	return 0;
}

/* A PDF is rewritten without metadata (core/pdf.h) into the work directory as document.pdf; the
 * store names it by the hash of those cleaned bytes, since they are what is served. The uploaded
 * bytes, with their metadata, are not kept: "original" is the cleaned file too. The upload at
 * path is removed. Returns as media_prepare. */
static int prepare_pdf(const char *path, struct media_new *out, const char **why)
{
	char *doc = xasprintf("%s/document.pdf", out->work_dir);
	char *orig = xasprintf("%s/original", out->work_dir);
	int rc = pdf_clean(path, doc, why);
	if (rc == 0 && media_hash_file(doc, out->sha256, &out->bytes) < 0)
		rc = -2;
	if (rc == 0 && link(doc, orig) < 0) {
		log_error("media: link %s: %s", orig, strerror(errno));
		rc = -2;
	}
	if (rc == 0)
		unlink(path);
	free(doc);
	free(orig);
	return rc;
}

int media_prepare(const char *data_dir, const char *path, const char *sha256, int64_t bytes,
		  int want_photo, struct media_new *out, const char **why)
{
	memset(out, 0, sizeof *out);
	*why = NULL;
	if (image_inspect(path, &out->info, why) < 0)
		return -1;
	if (want_photo && !image_is_photo(out->info.type)) {
		*why = "Berkas ini bukan foto (JPEG, PNG, WebP atau HEIC).";
		return -1;
	}
	if (!want_photo && out->info.type != IMAGE_PDF) {
		*why = "Dokumen harus berupa PDF.";
		return -1;
	}
	snprintf(out->sha256, sizeof out->sha256, "%s", sha256);
	out->bytes = bytes;
	out->work_dir = xasprintf("%s/tmp/work-XXXXXX", data_dir);
	if (!mkdtemp(out->work_dir)) {
		log_error("media: mkdtemp: %s", strerror(errno));
		free(out->work_dir);
		out->work_dir = NULL;
		return -2;
	}
	if (out->info.type == IMAGE_PDF) {
		int rc = prepare_pdf(path, out, why);
		if (rc < 0)
			media_new_clear(out);
		return rc;
	}
	char *orig = xasprintf("%s/original", out->work_dir);
	int rc = rename(path, orig);
	if (rc < 0)
		log_error("media: rename %s: %s", path, strerror(errno));
	if (rc == 0)
		rc = image_derive(orig, &out->info, out->work_dir);
	free(orig);
	if (rc < 0) {
		media_new_clear(out);
		return -2;
	}
	return 0;
}

int media_place(const char *data_dir, struct media_new *m)
{
	char *final = xasprintf("%s/media/%.2s/%s", data_dir, m->sha256, m->sha256);
	char *parent = xasprintf("%s/media/%.2s", data_dir, m->sha256);
	int rc = -1;
	struct stat sb;
	if (mkdir_p1(parent) < 0)
		goto out;
	if (stat(final, &sb) == 0) { /* already stored: the same bytes */
		rc = 0;
		goto out;
	}
	if (fsync_tree(m->work_dir) < 0) {
		log_error("media: syncing %s: %s", m->work_dir, strerror(errno));
		goto out;
	}
	if (rename(m->work_dir, final) < 0) {
		if (errno == EEXIST || errno == ENOTEMPTY) /* stored meanwhile by another request */
			rc = 0;
		else
			log_error("media: rename to %s: %s", final, strerror(errno));
		goto out;
	}
	free(m->work_dir);
	m->work_dir = NULL;
	rc = fsync_path(parent, 1);
out:
	free(final);
	free(parent);
	return rc;
}

void media_new_clear(struct media_new *m)
{
	if (m->work_dir)
		remove_dir(m->work_dir);
	free(m->work_dir);
	m->work_dir = NULL;
}

/* --- attachments --- */

int64_t media_attach(sqlite3 *w, int64_t request_id, const struct media_new *m, const char *caption,
		     const char *credit, const char *filename, int64_t actor, int64_t now)
{
	int photo = image_is_photo(m->info.type);
	int64_t have = 0;
	if (db_int(w, &have, "SELECT id FROM request_media WHERE request_id = ? AND sha256 = ?", "it",
		   request_id, m->sha256) != 0)
		return have > 0 ? 0 : -1;
	/* A document has no pixel size: NULLIF turns its 0 × 0 into NULL. */
	if (db_execf(w, "INSERT OR IGNORE INTO media (sha256, mime, bytes, width, height, created_at)"
			" VALUES (?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?)", "ttiiii", m->sha256,
		     image_mime(m->info.type), m->bytes, (int64_t)m->info.width,
		     (int64_t)m->info.height, now) < 0)
		return -1;
	int64_t pos = 0;
	if (db_int(w, &pos, "SELECT COALESCE(MAX(position) + 1, 0) FROM request_media"
			    " WHERE request_id = ? AND kind = ?", "it", request_id,
		   photo ? "photo" : "document") < 0)
		return -1;
	if (db_execf(w, "INSERT INTO request_media (request_id, sha256, kind, position, caption, credit,"
			" filename, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "ittitttii",
		     request_id, m->sha256, photo ? "photo" : "document", pos, caption ? caption : "",
		     credit ? credit : "", filename ? filename : "", actor, now) < 0)
		return -1;
	return db_last_id(w);
}

int media_usage(sqlite3 *c, int64_t unit_id, int64_t request_id, int64_t *request_bytes,
		int64_t *unit_bytes)
{
	*request_bytes = *unit_bytes = 0;
	if (db_int(c, request_bytes, "SELECT COALESCE(SUM(m.bytes), 0) FROM request_media rm"
				     " JOIN media m ON m.sha256 = rm.sha256 WHERE rm.request_id = ?",
		   "i", request_id) < 0)
		return -1;
	return db_int(c, unit_bytes, "SELECT COALESCE(SUM(bytes), 0) FROM media WHERE sha256 IN"
				     " (SELECT rm.sha256 FROM request_media rm"
				     " JOIN requests r ON r.id = rm.request_id WHERE r.unit_id = ?)",
		      "i", unit_id) < 0 ? -1 : 0;
}

#define SELECT_MEDIA                                                                        \
	"SELECT rm.id, rm.request_id, rm.sha256, m.mime, rm.kind = 'document', m.width,"     \
	" m.height, m.bytes, rm.position, rm.caption, rm.credit, rm.filename"                \
	" FROM request_media rm JOIN media m ON m.sha256 = rm.sha256 "

static void row_to_item(sqlite3_stmt *st, struct media_item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->request_id = sqlite3_column_int64(st, 1);
	const unsigned char *sha = sqlite3_column_text(st, 2);
	snprintf(it->sha256, sizeof it->sha256, "%s", sha ? (const char *)sha : "");
	it->mime = db_col_text(st, 3);
	it->document = sqlite3_column_int(st, 4);
	it->width = sqlite3_column_int(st, 5);
	it->height = sqlite3_column_int(st, 6);
	it->bytes = sqlite3_column_int64(st, 7);
	it->position = sqlite3_column_int(st, 8);
	it->caption = db_col_text(st, 9);
	it->credit = db_col_text(st, 10);
	it->filename = db_col_text(st, 11);
}

static void push(struct media_item **v, int *n, sqlite3_stmt *st)
{
	*v = xrealloc(*v, (size_t)(*n + 1) * sizeof **v);
	row_to_item(st, &(*v)[(*n)++]);
}

int media_load(sqlite3 *c, int64_t request_id, struct media_item **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(c, SELECT_MEDIA "WHERE rm.request_id = ?"
						" ORDER BY rm.kind = 'document', rm.position, rm.id");
	if (!st || db_bind(st, "i", request_id) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		push(out, n, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		media_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int media_load_many(sqlite3 *c, const int64_t *ids, int n, struct media_item **lists, int *counts)
{
	for (int i = 0; i < n; i++) {
		lists[i] = NULL;
		counts[i] = 0;
	}
	if (n == 0)
		return 0;
	struct buf sql = BUF_INIT;
	buf_puts(&sql, SELECT_MEDIA "WHERE rm.request_id IN (");
	for (int i = 0; i < n; i++)
		buf_puts(&sql, i ? ", ?" : "?");
	buf_puts(&sql, ") ORDER BY rm.request_id, rm.kind = 'document', rm.position, rm.id");
	sqlite3_stmt *st = db_prepare(c, buf_str(&sql));
	buf_free(&sql);
	int bad = !st;
	for (int i = 0; i < n && !bad; i++)
		bad = sqlite3_bind_int64(st, i + 1, ids[i]) != SQLITE_OK;
	int rc = SQLITE_ERROR;
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 1);
		for (int i = 0; i < n; i++)
			if (ids[i] == id) {
				push(&lists[i], &counts[i], st);
				break;
			}
	}
	sqlite3_finalize(st);
	return (!bad && rc == SQLITE_DONE) ? 0 : -1;
}

void media_list_free(struct media_item *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].mime);
		free(v[i].caption);
		free(v[i].credit);
		free(v[i].filename);
	}
	free(v);
}

const struct media_item *media_lead(const struct media_item *v, int n)
{
	for (int i = 0; i < n; i++)
		if (!v[i].document)
			return &v[i];
	return NULL;
}

int media_change(sqlite3 *w, int64_t request_id, int64_t id, enum media_op op, const char *caption,
		 const char *credit)
{
	int64_t pos = 0;
	int found = db_int(w, &pos, "SELECT position FROM request_media WHERE id = ? AND request_id = ?",
			   "ii", id, request_id);
	if (found <= 0)
		return found;
	switch (op) {
	case MEDIA_OP_SAVE:
		return db_execf(w, "UPDATE request_media SET caption = ?, credit = ? WHERE id = ?", "tti",
				caption ? caption : "", credit ? credit : "", id) < 0 ? -1 : 1;
	case MEDIA_OP_REMOVE:
		return db_execf(w, "DELETE FROM request_media WHERE id = ?", "i", id) < 0 ? -1 : 1;
	case MEDIA_OP_LEAD:
		/* Everything before it moves one place down; it takes the first place. */
		if (db_execf(w, "UPDATE request_media SET position = position + 1 WHERE request_id = ?"
				" AND kind = (SELECT kind FROM request_media WHERE id = ?) AND position < ?",
			     "iii", request_id, id, pos) < 0)
			return -1;
		return db_execf(w, "UPDATE request_media SET position = (SELECT COALESCE(MIN(position), 1)"
				   " - 1 FROM request_media WHERE request_id = ? AND kind = (SELECT kind"
				   " FROM request_media WHERE id = ?) AND id <> ?) WHERE id = ?", "iiii",
				request_id, id, id, id) < 0 ? -1 : 1;
	case MEDIA_OP_UP:
	case MEDIA_OP_DOWN: {
		/* Swap with the neighbour of the same kind. */
		int64_t other = 0;
		int rc = db_int(w, &other,
				op == MEDIA_OP_UP
					? "SELECT id FROM request_media WHERE request_id = ? AND kind = (SELECT"
					  " kind FROM request_media WHERE id = ?) AND position < ?"
					  " ORDER BY position DESC LIMIT 1"
					: "SELECT id FROM request_media WHERE request_id = ? AND kind = (SELECT"
					  " kind FROM request_media WHERE id = ?) AND position > ?"
					  " ORDER BY position LIMIT 1",
				"iii", request_id, id, pos);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return 1; /* already at the end: nothing to do */
		return db_execf(w, "UPDATE request_media SET position = CASE id WHEN ? THEN"
				   " (SELECT position FROM request_media WHERE id = ?) ELSE ? END"
				   " WHERE id IN (?, ?)", "iiiii", id, other, pos, id, other) < 0 ? -1 : 1;
	}
	}
	return -1;
}

int media_access(sqlite3 *c, const char *sha256, int64_t unit_id, const char **mime)
{
	static const char *mimes[] = { "image/jpeg", "image/png", "image/webp", "image/heic",
				       "application/pdf" };
	*mime = NULL;
	sqlite3_stmt *st = db_prepare(c, "SELECT m.mime,"
					 " EXISTS (SELECT 1 FROM request_media rm JOIN requests r"
					 "  ON r.id = rm.request_id WHERE rm.sha256 = m.sha256"
					 "  AND r.state = 'published'),"
					 " EXISTS (SELECT 1 FROM request_media rm JOIN requests r"
					 "  ON r.id = rm.request_id WHERE rm.sha256 = m.sha256"
					 "  AND (? = 0 OR r.unit_id = ?))"
					 " FROM media m WHERE m.sha256 = ?");
	if (!st || db_bind(st, "iit", unit_id, unit_id, sha256) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	int rc = sqlite3_step(st);
	int out = 0;
	if (rc == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(st, 0);
		for (size_t i = 0; m && i < sizeof mimes / sizeof mimes[0]; i++)
			if (strcmp(m, mimes[i]) == 0)
				*mime = mimes[i];
		out = sqlite3_column_int(st, 1) ? 1 : sqlite3_column_int(st, 2) ? 2 : 0;
	} else if (rc != SQLITE_DONE) {
		out = -1;
	}
	sqlite3_finalize(st);
	return out;
}
