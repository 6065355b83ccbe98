/* Units as admins manage them (see unit.h): listing, adding, renaming, deactivating and merging,
 * each with its audit entry in the caller's transaction. */
#include "core/unit.h"

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/release.h"
#include "store/db.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

void unit_row_clear(struct unit_row *u)
{
	free(u->code);
	free(u->name);
	free(u->kind);
	free(u->parent_code);
	free(u->merged_code);
	memset(u, 0, sizeof *u);
}

void unit_list_free(struct unit_list *l)
{
	for (int i = 0; i < l->n; i++)
		unit_row_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

#define UNIT_COLS                                                                                \
	"SELECT u.id, u.code, u.name, u.kind, COALESCE(u.parent_id, 0), p.code,"                 \
	" COALESCE(u.merged_into, 0), m.code, u.active,"                                          \
	" (SELECT COUNT(*) FROM users x WHERE x.unit_id = u.id),"                                 \
	" (SELECT COUNT(*) FROM users x WHERE x.unit_id = u.id AND x.active = 1),"                \
	" (SELECT COUNT(*) FROM requests r WHERE r.unit_id = u.id),"                              \
	" (SELECT COUNT(*) FROM requests r WHERE r.unit_id = u.id AND r.state = 'published')"     \
	" FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units m ON m.id = u.merged_into "

static void read_row(sqlite3_stmt *st, struct unit_row *u)
{
	u->id = sqlite3_column_int64(st, 0);
	u->code = db_col_text(st, 1);
	u->name = db_col_text(st, 2);
	u->kind = db_col_text(st, 3);
	u->parent_id = sqlite3_column_int64(st, 4);
	u->parent_code = db_col_text(st, 5);
	u->merged_into = sqlite3_column_int64(st, 6);
	u->merged_code = db_col_text(st, 7);
	u->active = sqlite3_column_int(st, 8);
	u->users = sqlite3_column_int64(st, 9);
	u->active_users = sqlite3_column_int64(st, 10);
	u->requests = sqlite3_column_int64(st, 11);
	u->published = sqlite3_column_int64(st, 12);
	if (!u->code)
		u->code = xstrdup("");
	if (!u->name)
		u->name = xstrdup("");
	if (!u->kind)
		u->kind = xstrdup("");
}

int unit_list(sqlite3 *c, int active_only, struct unit_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, UNIT_COLS "WHERE (? = 0 OR u.active = 1)"
					  " ORDER BY u.name COLLATE NOCASE, u.id",
					  "i", (int64_t)active_only);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, XPUSH(out->items, out->n));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int unit_get(sqlite3 *c, int64_t id, struct unit_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, UNIT_COLS "WHERE u.id = ?", "i", id);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int unit_code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n < 2 || n > 24)
		return 0;
	for (; *code; code++)
		if (!((*code >= 'A' && *code <= 'Z') || (*code >= '0' && *code <= '9') || *code == '_'))
			return 0;
	return 1;
}

/* Checks name, kind and parent; *parent_id gets the parent (0 = none). self: the unit being
 * changed (0 when adding), which may not become its own ancestor. */
static int check_input(sqlite3 *w, const struct unit_input *in, int64_t self,
		       int64_t old_parent, int64_t *parent_id, struct input_errors *errs)
{
	size_t n = in->name ? strlen(in->name) : 0;
	if (n == 0)
		input_error_add(errs, "name", "Nama unit wajib diisi.");
	else if (n > 200 || !utf8_valid_text(in->name, n) || strpbrk(in->name, "\r\n\t"))
		input_error_add(errs, "name", "Nama unit paling panjang 200 karakter, dalam satu baris.");
	if (!in->kind || (strcmp(in->kind, "SKPD") != 0 && strcmp(in->kind, "UKPD") != 0))
		input_error_add(errs, "kind", "Pilih jenis unit: SKPD atau UKPD.");
	*parent_id = 0;
	if (!in->parent || !*in->parent)
		return 0;
	int64_t active = 0;
	sqlite3_stmt *st = db_preparef(w, "SELECT id, active FROM units WHERE code = ?",
					  "t", in->parent);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*parent_id = sqlite3_column_int64(st, 0);
		active = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (!*parent_id) {
		input_error_add(errs, "parent", "Unit induk tidak dikenal.");
		return 0;
	}
	if (*parent_id != old_parent && !active) {
		input_error_add(errs, "parent", "Unit induk ini nonaktif dan tidak dapat dipilih.");
		return 0;
	}
	/* The new parent's line of ancestors may not pass through the unit itself. */
	int64_t at = *parent_id;
	for (int depth = 0; self && at && depth < 64; depth++) {
		if (at == self) {
			input_error_add(errs, "parent", "Unit tidak dapat menjadi induk dirinya sendiri"
							" atau induk dari induknya.");
			return 0;
		}
		int64_t up = 0;
		if (db_int(w, &up, "SELECT COALESCE(parent_id, 0) FROM units WHERE id = ?", "i", at) < 0)
			return -1;
		at = up;
	}
	return 0;
}

int64_t unit_create(sqlite3 *w, const struct unit_input *in, int64_t actor, const char *client,
		    int64_t now, struct input_errors *errs)
{
	memset(errs, 0, sizeof *errs);
	if (!in->code || !*in->code) {
		input_error_add(errs, "code", "Kode unit wajib diisi.");
	} else if (!unit_code_valid(in->code)) {
		input_error_add(errs, "code", "Kode unit 2–24 karakter: huruf besar A–Z, angka dan garis"
					      " bawah (_), misalnya SUDINKES_JP.");
	} else {
		int64_t one = 0;
		int found = db_int(w, &one, "SELECT 1 FROM units WHERE code = ?", "t", in->code);
		if (found < 0)
			return -1;
		if (found)
			input_error_add(errs, "code", "Kode ini sudah dipakai unit lain.");
	}
	int64_t parent = 0;
	if (check_input(w, in, 0, 0, &parent, errs) < 0)
		return -1;
	if (errs->n)
		return 0;
	if (db_execf(w, "INSERT INTO units (code, name, kind, parent_id) VALUES (?, ?, ?, NULLIF(?, 0))",
		     "ttti", in->code, in->name, in->kind, parent) < 0)
		return -1;
	int64_t id = db_last_id(w);
	int rc = audit_logf(w, actor, "unit_create", "unit", id, client, now, "%s — %s", in->code,
			    in->name);
	if (rc == 0)
		rc = release_bump_version(w, now); /* the public list of units */
	return rc < 0 ? -1 : id;
}

int unit_update(sqlite3 *w, int64_t id, const struct unit_input *in, int64_t actor,
		const char *client, int64_t now, struct input_errors *errs)
{
	memset(errs, 0, sizeof *errs);
	struct unit_row cur;
	if (unit_get(w, id, &cur) != 1)
		return -1;
	int rc = -1;
	int64_t parent = 0;
	if (check_input(w, in, id, cur.parent_id, &parent, errs) < 0)
		goto out;
	if (errs->n) {
		rc = 1;
		goto out;
	}
	if (db_execf(w, "UPDATE units SET name = ?, kind = ?, parent_id = NULLIF(?, 0) WHERE id = ?",
		     "ttii", in->name, in->kind, parent, id) < 0)
		goto out;
	if (strcmp(cur.name, in->name) != 0) {
		int a = audit_logf(w, actor, "unit_rename", "unit", id, client, now, "%s: %s → %s",
				   cur.code, cur.name, in->name);
		/* Release pages, feeds and the search index show the unit's current name. */
		if (a < 0 || release_reindex_unit(w, id, now) < 0)
			goto out;
	}
	if (strcmp(cur.kind, in->kind) != 0 || cur.parent_id != parent) {
		int a = audit_logf(w, actor, "unit_update", "unit", id, client, now,
				   "%s: jenis %s → %s, induk %s → %s", cur.code, cur.kind, in->kind,
				   cur.parent_code ? cur.parent_code : "-", parent ? in->parent : "-");
		if (a < 0 || release_bump_version(w, now) < 0)
			goto out;
	}
	rc = 0;
out:
	unit_row_clear(&cur);
	return rc;
}

int unit_set_active(sqlite3 *w, int64_t id, int active, int64_t actor, const char *client,
		    int64_t now, const char **why)
{
	*why = NULL;
	struct unit_row cur;
	if (unit_get(w, id, &cur) != 1)
		return -1;
	int rc = 1;
	if (cur.merged_into) {
		*why = "Unit ini sudah digabungkan ke unit lain dan tidak dapat diubah lagi.";
		goto out;
	}
	if (cur.active == active) {
		*why = active ? "Unit ini sudah aktif." : "Unit ini sudah nonaktif.";
		goto out;
	}
	if (!active && cur.active_users > 0) {
		*why = "Unit ini masih memiliki pengguna aktif. Pindahkan atau nonaktifkan mereka dulu,"
		       " atau gabungkan unit ini ke unit lain.";
		goto out;
	}
	rc = -1;
	if (db_execf(w, "UPDATE units SET active = ? WHERE id = ?", "ii", (int64_t)active, id) < 0 ||
	    audit_log(w, actor, active ? "unit_activate" : "unit_deactivate", "unit", id, cur.code,
		      client, now) < 0 ||
	    release_bump_version(w, now) < 0)
		goto out;
	rc = 0;
out:
	unit_row_clear(&cur);
	return rc;
}

int unit_merge(sqlite3 *w, int64_t id, const char *target, int64_t actor, const char *client,
	       int64_t now, const char **why, int64_t *moved_requests, int64_t *moved_users)
{
	*why = NULL;
	*moved_requests = *moved_users = 0;
	struct unit_row src, dst;
	memset(&dst, 0, sizeof dst);
	if (unit_get(w, id, &src) != 1)
		return -1;
	int rc = -1;
	int64_t tid = 0;
	int found = target && *target ? db_int(w, &tid, "SELECT id FROM units WHERE code = ?", "t",
					       target) : 0;
	if (found < 0 || (found == 1 && unit_get(w, tid, &dst) != 1))
		goto out;
	rc = 1;
	if (src.merged_into)
		*why = "Unit ini sudah digabungkan ke unit lain.";
	else if (!found)
		*why = "Pilih unit tujuan yang dikenal.";
	else if (tid == id)
		*why = "Unit tidak dapat digabungkan ke dirinya sendiri.";
	else if (!dst.active)
		*why = "Unit tujuan nonaktif. Pilih unit aktif.";
	if (*why)
		goto out;
	rc = -1;
	/* A target below the unit takes the unit's place under its parent. */
	if (dst.parent_id == id &&
	    db_execf(w, "UPDATE units SET parent_id = NULLIF(?, 0) WHERE id = ?", "ii", src.parent_id,
		     tid) < 0)
		goto out;
	if (db_execf(w, "UPDATE requests SET unit_id = ? WHERE unit_id = ?", "ii", tid, id) < 0)
		goto out;
	*moved_requests = sqlite3_changes(w);
	if (db_execf(w, "UPDATE users SET unit_id = ? WHERE unit_id = ?", "ii", tid, id) < 0)
		goto out;
	*moved_users = sqlite3_changes(w);
	if (db_execf(w, "UPDATE units SET parent_id = ? WHERE parent_id = ?", "ii", tid, id) < 0 ||
	    db_execf(w, "UPDATE units SET merged_into = ? WHERE merged_into = ?", "ii", tid, id) < 0 ||
	    db_execf(w, "UPDATE units SET active = 0, merged_into = ? WHERE id = ?", "ii", tid, id) < 0)
		goto out;
	/* One entry on each side, so that both units' histories tell it. */
	int a = 0;
	for (int side = 0; side < 2 && a == 0; side++)
		a = audit_logf(w, actor, "unit_merge", "unit", side ? tid : id, client, now,
			       "%s → %s: %lld permintaan dan %lld pengguna dipindahkan", src.code,
			       dst.code, (long long)*moved_requests, (long long)*moved_users);
	if (a < 0 || release_reindex_unit(w, tid, now) < 0)
		goto out;
	rc = 0;
out:
	unit_row_clear(&src);
	unit_row_clear(&dst);
	return rc;
}

char *unit_merged_into(sqlite3 *c, const char *code, int *err)
{
	*err = 0;
	sqlite3_stmt *st = db_preparef(c, "SELECT t.code FROM units s JOIN units t"
					  " ON t.id = s.merged_into WHERE s.code = ?", "t", code);
	if (!st) {
		*err = 1;
		return NULL;
	}
	int rc = sqlite3_step(st);
	char *out = rc == SQLITE_ROW ? db_col_text(st, 0) : NULL;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*err = 1;
	sqlite3_finalize(st);
	return out;
}
