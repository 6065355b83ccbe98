/* Users: roles, e-mail check, creation with a hashed password from the command line, and the
 * administration the /admin/users pages need: listing, creation by invitation, role, unit and
 * name changes, deactivation (see user.h). */
#include "core/user.h"

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/pwpolicy.h"
#include "core/session.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static const struct {
	int role;
	const char *name, *label;
} roles[] = {
	{ ROLE_CONTRIBUTOR, "contributor", "Kontributor" },
	{ ROLE_EDITOR, "editor", "Editor Humas" },
	{ ROLE_ADMIN, "admin", "Admin" },
};

int user_role_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(s, roles[i].name) == 0)
			return roles[i].role;
	return 0;
}

const char *user_role_name(int role)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].role == role)
			return roles[i].name;
	return "?";
}

const char *user_role_label(int role)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].role == role)
			return roles[i].label;
	return "?";
}

int user_email_valid(const char *email)
{
	size_t n = strlen(email);
	if (n < 3 || n > 254)
		return 0;
	const char *at = strchr(email, '@');
	if (!at || at == email || strchr(at + 1, '@'))
		return 0;
	const char *dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || dot[1] == '\0')
		return 0;
	for (const unsigned char *p = (const unsigned char *)email; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == '"' || *p == ',')
			return 0;
	return 1;
}

int64_t user_add(sqlite3 *w, const char *email, const char *name, const char *role,
		 const char *unit_code, const char *password, const char **err)
{
	int r = user_role_parse(role);
	if (!r) {
		*err = "role must be contributor, editor or admin";
		return -1;
	}
	if (!email || !user_email_valid(email)) {
		*err = "e-mail address is not valid";
		return -1;
	}
	if (!name || !*name || strlen(name) > 200 || !utf8_valid_text(name, strlen(name))) {
		*err = "name is required (at most 200 characters)";
		return -1;
	}
	if (r == ROLE_CONTRIBUTOR && (!unit_code || !*unit_code)) {
		*err = "a contributor needs a unit (--unit CODE)";
		return -1;
	}
	enum pwpolicy_result pw = pwpolicy_check(password);
	if (pw != PWPOLICY_OK) {
		*err = pwpolicy_message_en(pw);
		return -1;
	}
	int64_t unit_id = 0;
	if (unit_code && *unit_code) {
		int found = db_int(w, &unit_id, "SELECT id FROM units WHERE code = ? AND active = 1",
				   "t", unit_code);
		if (found <= 0) {
			*err = found < 0 ? "database error" : "unknown unit code";
			return -1;
		}
	}
	int64_t exists = 0;
	if (db_int(w, &exists, "SELECT 1 FROM users WHERE email = ?", "t", email) != 0) {
		*err = "a user with this e-mail already exists";
		return -1;
	}
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(password, hash) < 0) {
		*err = "cannot hash the password";
		return -1;
	}
	int rc = unit_id
		? db_execf(w, "INSERT INTO users (email, name, role, unit_id, password_hash, created_at)"
			      " VALUES (?, ?, ?, ?, ?, ?)", "tttiti", email, name, role, unit_id, hash,
			   clock_now())
		: db_execf(w, "INSERT INTO users (email, name, role, password_hash, created_at)"
			      " VALUES (?, ?, ?, ?, ?)", "tttti", email, name, role, hash, clock_now());
	if (rc < 0) {
		*err = "cannot store the user";
		return -1;
	}
	return db_last_id(w);
}

int user_set_password(sqlite3 *w, int64_t id, const char *password)
{
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(password, hash) < 0)
		return -1;
	return db_execf(w, "UPDATE users SET password_hash = ? WHERE id = ?", "ti", hash, id);
}

int user_list_staff(sqlite3 *c, struct staff_list *out)
{
	out->items = NULL;
	out->n = 0;
	sqlite3_stmt *st = db_prepare(c, "SELECT id, name, role FROM users WHERE active = 1"
					 " AND role IN ('editor', 'admin') ORDER BY name, id");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct staff_member *m = XPUSH(out->items, out->n);
		m->id = sqlite3_column_int64(st, 0);
		m->name = db_col_text(st, 1);
		if (!m->name)
			m->name = xstrdup("");
		m->role = user_role_parse((const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		staff_list_free(out);
		return -1;
	}
	return 0;
}

void staff_list_free(struct staff_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->items[i].name);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

int user_is_staff(sqlite3 *c, int64_t id)
{
	int64_t one = 0;
	return db_int(c, &one, "SELECT 1 FROM users WHERE id = ? AND active = 1"
			       " AND role IN ('editor', 'admin')", "i", id);
}

/* --- administration --- */

void input_error_add(struct input_errors *errs, const char *field, const char *message)
{
	if (errs->n < INPUT_ERRORS_MAX) {
		errs->e[errs->n].field = field;
		errs->e[errs->n].message = message;
		errs->n++;
	}
}

const char *input_error_for(const struct input_errors *errs, const char *field)
{
	for (int i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, field) == 0)
			return errs->e[i].message;
	return NULL;
}

void user_row_clear(struct user_row *u)
{
	free(u->email);
	free(u->name);
	free(u->unit_code);
	free(u->unit_name);
	memset(u, 0, sizeof *u);
}

void user_list_free(struct user_list *l)
{
	for (int i = 0; i < l->n; i++)
		user_row_clear(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* Sessions that still count: neither idle nor past their absolute limit (session.h). */
#define LIVE_SESSION "s.user_id = u.id AND s.last_seen_at > ?1 AND s.created_at > ?2"
#define USER_ROW_COLS                                                                          \
	"SELECT u.id, u.email, u.name, u.role, COALESCE(u.unit_id, 0), un.code, un.name, u.active," \
	" u.password_hash <> '', u.created_at,"                                                   \
	" (SELECT COUNT(*) FROM sessions s WHERE " LIVE_SESSION "),"                              \
	" (SELECT COALESCE(MAX(s.last_seen_at), 0) FROM sessions s WHERE " LIVE_SESSION ")"       \
	" FROM users u LEFT JOIN units un ON un.id = u.unit_id "

static void read_row(sqlite3_stmt *st, struct user_row *u)
{
	u->id = sqlite3_column_int64(st, 0);
	u->email = db_col_text(st, 1);
	u->name = db_col_text(st, 2);
	u->role = user_role_parse((const char *)sqlite3_column_text(st, 3));
	u->unit_id = sqlite3_column_int64(st, 4);
	u->unit_code = db_col_text(st, 5);
	u->unit_name = db_col_text(st, 6);
	u->active = sqlite3_column_int(st, 7);
	u->has_password = sqlite3_column_int(st, 8);
	u->created_at = sqlite3_column_int64(st, 9);
	u->sessions = sqlite3_column_int64(st, 10);
	u->last_seen_at = sqlite3_column_int64(st, 11);
	if (!u->email)
		u->email = xstrdup("");
	if (!u->name)
		u->name = xstrdup("");
}

int user_list(sqlite3 *c, const struct user_filter *f, struct user_list *out)
{
	memset(out, 0, sizeof *out);
	int64_t now = clock_now();
	const char *q = f->q ? f->q : "";
	/* A LIKE pattern that matches q literally: its own %, _ and \ escaped. */
	struct buf pat = BUF_INIT;
	buf_putc(&pat, '%');
	for (const char *p = q; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_putc(&pat, '\\');
		buf_putc(&pat, *p);
	}
	buf_putc(&pat, '%');
	const char *role = f->role ? user_role_name(f->role) : "";
	static const char where[] =
		"WHERE (?3 = '' OR u.name LIKE ?4 ESCAPE '\\' OR u.email LIKE ?4 ESCAPE '\\')"
		" AND (?5 = '' OR u.role = ?5) AND (?6 = 0 OR u.unit_id = ?6) AND (?7 < 0 OR u.active = ?7)";
	int rc = -1;
	/* ?1 and ?2 (the session limits of USER_ROW_COLS) are bound but unused here. */
	char *sql = xasprintf("SELECT COUNT(*) FROM users u %s", where);
	sqlite3_stmt *st = db_prepare(c, sql);
	free(sql);
	if (!st || db_bind(st, "iitttii", (int64_t)0, (int64_t)0, q, buf_str(&pat), role, f->unit_id,
			   (int64_t)f->active) < 0 || sqlite3_step(st) != SQLITE_ROW)
		goto out;
	out->total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sql = xasprintf("%s%s ORDER BY u.name COLLATE NOCASE, u.id LIMIT ?8 OFFSET ?9", USER_ROW_COLS,
			where);
	st = db_prepare(c, sql);
	free(sql);
	int per = f->per_page > 0 ? f->per_page : 50;
	int page = f->page > 0 ? f->page : 1;
	if (!st || db_bind(st, "iitttiiii", now - SESSION_IDLE_SECONDS, now - SESSION_ABSOLUTE_SECONDS,
			   q, buf_str(&pat), role, f->unit_id, (int64_t)f->active, (int64_t)per,
			   (int64_t)(page - 1) * per) < 0)
		goto out;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, XPUSH(out->items, out->n));
	}
	if (step == SQLITE_DONE)
		rc = 0;
out:
	sqlite3_finalize(st);
	buf_free(&pat);
	return rc;
}

int user_get(sqlite3 *c, int64_t id, struct user_row *out)
{
	memset(out, 0, sizeof *out);
	int64_t now = clock_now();
	sqlite3_stmt *st = db_preparef(c, USER_ROW_COLS "WHERE u.id = ?3", "iii",
					  now - SESSION_IDLE_SECONDS, now - SESSION_ABSOLUTE_SECONDS, id);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The id of an active unit by code: 1 found, 0 unknown or inactive, -1 error. */
static int active_unit(sqlite3 *w, const char *code, int64_t *id)
{
	return db_int(w, id, "SELECT id FROM units WHERE code = ? AND active = 1", "t", code);
}

/* Checks name, role and unit of in; *role and *unit_id get the parsed values. */
static void check_input(sqlite3 *w, const struct user_input *in, int *role, int64_t *unit_id,
			int unit_changes, struct input_errors *errs)
{
	size_t n = in->name ? strlen(in->name) : 0;
	if (n == 0)
		input_error_add(errs, "name", "Nama wajib diisi.");
	else if (n > 200 || !utf8_valid_text(in->name, n) || strpbrk(in->name, "\r\n\t"))
		input_error_add(errs, "name", "Nama paling panjang 200 karakter, dalam satu baris.");
	*role = user_role_parse(in->role);
	if (!*role)
		input_error_add(errs, "role", "Pilih peran: kontributor, editor humas atau admin.");
	*unit_id = 0;
	if (in->unit && *in->unit) {
		int found = db_int(w, unit_id, "SELECT id FROM units WHERE code = ?", "t", in->unit);
		int64_t ok = 0;
		if (found == 1 && unit_changes && active_unit(w, in->unit, &ok) != 1)
			input_error_add(errs, "unit", "Unit ini sudah nonaktif dan tidak dapat dipilih.");
		else if (found != 1)
			input_error_add(errs, "unit", "Unit tidak dikenal.");
	}
	if (*role == ROLE_CONTRIBUTOR && !*unit_id && !input_error_for(errs, "unit"))
		input_error_add(errs, "unit", "Kontributor harus terdaftar pada satu unit.");
}

int64_t user_create(sqlite3 *w, const struct user_input *in, int64_t actor, const char *client,
		    int64_t now, struct input_errors *errs)
{
	memset(errs, 0, sizeof *errs);
	if (!in->email || !*in->email)
		input_error_add(errs, "email", "Alamat e-mail wajib diisi.");
	else if (!user_email_valid(in->email))
		input_error_add(errs, "email", "Alamat e-mail tidak valid.");
	else {
		int64_t one = 0;
		int found = db_int(w, &one, "SELECT 1 FROM users WHERE email = ?", "t", in->email);
		if (found < 0)
			return -1;
		if (found)
			input_error_add(errs, "email", "Alamat e-mail ini sudah dipakai pengguna lain.");
	}
	int role;
	int64_t unit_id;
	check_input(w, in, &role, &unit_id, 1, errs);
	if (errs->n)
		return 0;
	/* An empty hash: no password matches until the one-time link sets one. */
	if (db_execf(w, "INSERT INTO users (email, name, role, unit_id, password_hash, created_at)"
			" VALUES (?, ?, ?, NULLIF(?, 0), '', ?)", "tttii", in->email, in->name,
		     user_role_name(role), unit_id, now) < 0)
		return -1;
	int64_t id = db_last_id(w);
	int rc = audit_logf(w, actor, "user_create", "user", id, client, now, "%s, %s%s%s", in->email,
			    user_role_name(role), unit_id ? ", " : "", unit_id ? in->unit : "");
	return rc < 0 ? -1 : id;
}

static int64_t active_admins(sqlite3 *w)
{
	int64_t n = 0;
	if (db_int(w, &n, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1", "") != 1)
		return -1;
	return n;
}

int user_update(sqlite3 *w, int64_t id, const struct user_input *in, int64_t actor,
		const char *client, int64_t now, struct input_errors *errs)
{
	memset(errs, 0, sizeof *errs);
	struct user_row cur;
	if (user_get(w, id, &cur) != 1)
		return -1;
	int role;
	int64_t unit_id;
	int unit_changes = !(cur.unit_code && in->unit && strcmp(cur.unit_code, in->unit) == 0);
	check_input(w, in, &role, &unit_id, unit_changes, errs);
	int rc = -1;
	if (!errs->n && cur.role == ROLE_ADMIN && role != ROLE_ADMIN) {
		int64_t admins = active_admins(w);
		if (admins < 0)
			goto out;
		if (id == actor)
			input_error_add(errs, "role", "Anda tidak dapat menurunkan peran Anda sendiri;"
						      " minta admin lain melakukannya.");
		else if (cur.active && admins <= 1)
			input_error_add(errs, "role", "Ini admin aktif terakhir: angkat admin lain dulu.");
	}
	if (errs->n) {
		rc = 1;
		goto out;
	}
	if (db_execf(w, "UPDATE users SET name = ?, role = ?, unit_id = NULLIF(?, 0) WHERE id = ?",
		     "ttii", in->name, user_role_name(role), unit_id, id) < 0)
		goto out;
	if (strcmp(cur.name, in->name) != 0) {
		if (audit_logf(w, actor, "user_rename", "user", id, client, now, "%s → %s", cur.name,
			       in->name) < 0)
			goto out;
	}
	if (cur.role != role) {
		if (audit_logf(w, actor, "role_change", "user", id, client, now, "%s: %s → %s",
			       cur.email, user_role_name(cur.role), user_role_name(role)) < 0)
			goto out;
	}
	if (cur.unit_id != unit_id) {
		if (audit_logf(w, actor, "unit_change", "user", id, client, now, "%s: %s → %s",
			       cur.email, cur.unit_code ? cur.unit_code : "-", unit_id ? in->unit : "-") < 0)
			goto out;
	}
	rc = 0;
out:
	user_row_clear(&cur);
	return rc;
}

int user_set_active(sqlite3 *w, int64_t id, int active, int64_t actor, const char *client,
		    int64_t now, const char **why)
{
	*why = NULL;
	struct user_row cur;
	if (user_get(w, id, &cur) != 1)
		return -1;
	int rc = 1;
	if (cur.active == active) {
		*why = active ? "Pengguna ini sudah aktif." : "Pengguna ini sudah nonaktif.";
		goto out;
	}
	if (!active) {
		int64_t admins = cur.role == ROLE_ADMIN ? active_admins(w) : 2;
		if (admins < 0) {
			rc = -1;
			goto out;
		}
		if (id == actor) {
			*why = "Anda tidak dapat menonaktifkan akun Anda sendiri.";
			goto out;
		}
		if (admins <= 1) {
			*why = "Ini admin aktif terakhir dan tidak dapat dinonaktifkan.";
			goto out;
		}
		rc = -1;
		/* Sessions end at once; links not used yet stop working. */
		if (db_execf(w, "UPDATE users SET active = 0 WHERE id = ?", "i", id) < 0 ||
		    db_execf(w, "DELETE FROM sessions WHERE user_id = ?", "i", id) < 0)
			goto out;
		int ended = sqlite3_changes(w);
		if (db_execf(w, "UPDATE password_tokens SET revoked_at = ? WHERE user_id = ?"
				" AND used_at IS NULL AND revoked_at IS NULL", "ii", now, id) < 0)
			goto out;
		if (audit_logf(w, actor, "user_deactivate", "user", id, client, now,
			       "%s; %d sesi diakhiri", cur.email, ended) < 0)
			goto out;
	} else {
		int64_t one = 0;
		if (cur.unit_code && active_unit(w, cur.unit_code, &one) != 1) {
			*why = "Unit pengguna ini nonaktif: pindahkan pengguna ke unit aktif dulu.";
			goto out;
		}
		rc = -1;
		if (db_execf(w, "UPDATE users SET active = 1 WHERE id = ?", "i", id) < 0 ||
		    audit_log(w, actor, "user_activate", "user", id, cur.email, client, now) < 0)
			goto out;
	}
	rc = 0;
out:
	user_row_clear(&cur);
	return rc;
}
