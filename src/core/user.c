/* Users: roles, e-mail check, creation with a hashed password (see user.h). */
#include "core/user.h"

#include <stdlib.h>
#include <string.h>

#include "core/session.h"
#include "store/db.h"
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
	if (!password || utf8_length(password) < PASSWORD_MIN) {
		*err = "password must be at least 12 characters";
		return -1;
	}
	if (utf8_length(password) > PASSWORD_MAX) {
		*err = "password must be at most 128 characters";
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
		out->items = xrealloc(out->items, (size_t)(out->n + 1) * sizeof *out->items);
		struct staff_member *m = &out->items[out->n++];
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
