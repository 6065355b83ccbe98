/* Users and their roles. A contributor belongs to exactly one unit; editors (the communications
 * office's humas staff) and admins belong to none or to the communications office. */
#ifndef SIARAN_USER_H
#define SIARAN_USER_H
#include <sqlite3.h>
#include <stdint.h>

/* Bits, so that routes and workflow rules can allow several (same values as WF_ROLE_*). */
enum role {
	ROLE_CONTRIBUTOR = 1,
	ROLE_EDITOR = 2,
	ROLE_ADMIN = 4,
};
#define ROLE_STAFF (ROLE_EDITOR | ROLE_ADMIN)
#define ROLE_ANY_USER (ROLE_CONTRIBUTOR | ROLE_EDITOR | ROLE_ADMIN)

/* "contributor" -> ROLE_CONTRIBUTOR ...; 0 when unknown. */
int user_role_parse(const char *s);
const char *user_role_name(int role);
/* Indonesian label: "Kontributor", "Editor Humas", "Admin". */
const char *user_role_label(int role);

/* Whether an e-mail address is plausible: one '@', a dot in the domain, no spaces or controls,
 * at most 254 bytes. */
int user_email_valid(const char *email);

/* Creates a user inside the caller's write transaction w (the command line). unit_code may be
 * NULL (not for a contributor). The password must pass the policy (core/pwpolicy.h). Returns
 * the new id (> 0), or -1 with *err set to a static one-line English reason (bad role, unknown
 * or inactive unit, contributor without unit, duplicate e-mail, bad password...). */
int64_t user_add(sqlite3 *w, const char *email, const char *name, const char *role,
		 const char *unit_code, const char *password, const char **err);

struct staff_member {
	int64_t id;
	char *name;
	int role;
};
struct staff_list {
	struct staff_member *items;
	int n;
};
/* Active editors and admins, by name (for assigning requests). Returns 0 or -1. */
int user_list_staff(sqlite3 *c, struct staff_list *out);
void staff_list_free(struct staff_list *l);
/* Whether id is an active editor or admin: 1 yes, 0 no, -1 error. */
int user_is_staff(sqlite3 *c, int64_t id);

/* Sets a new password hash for user id (inside w). Returns 0 or -1. */
int user_set_password(sqlite3 *w, int64_t id, const char *password);

/* --- administration (the /admin/users pages) --- */

/* Problems found in a form, each next to its field (Indonesian messages, static strings). */
#define INPUT_ERRORS_MAX 8
struct input_errors {
	int n;
	struct {
		const char *field, *message;
	} e[INPUT_ERRORS_MAX];
};
void input_error_add(struct input_errors *errs, const char *field, const char *message);
/* The message for field, or NULL. */
const char *input_error_for(const struct input_errors *errs, const char *field);

/* One user as the admin pages show it. has_password 0: the invitation was not used yet. */
struct user_row {
	int64_t id, unit_id, created_at;
	int64_t last_seen_at; /* latest activity of any session still stored, 0 when none */
	int64_t sessions;     /* sessions still stored */
	char *email, *name;
	char *unit_code, *unit_name; /* NULL when none */
	int role, active, has_password;
};
void user_row_clear(struct user_row *u);

struct user_list {
	struct user_row *items;
	int n;
	int64_t total; /* matching the filter, over all pages */
};
void user_list_free(struct user_list *l);

struct user_filter {
	const char *q;   /* part of the name or e-mail, NULL/"" = all */
	int role;        /* ROLE_*, 0 = all */
	int64_t unit_id; /* 0 = all */
	int active;      /* 1 active, 0 inactive, -1 all */
	int page, per_page;
};
/* Users by name. Returns 0 or -1; free out with user_list_free in both cases. */
int user_list(sqlite3 *c, const struct user_filter *f, struct user_list *out);
/* One user: 1 found (clear *out with user_row_clear), 0 none, -1 error. */
int user_get(sqlite3 *c, int64_t id, struct user_row *out);

/* What an admin typed: e-mail (creation only), name, role name, unit code ("" = none). */
struct user_input {
	const char *email, *name, *role, *unit;
};

/* Creates a user without a password (the one-time link sets it) inside w, with an audit entry
 * by actor. Returns the new id, 0 when the input is refused (errs filled), -1 on error. */
int64_t user_create(sqlite3 *w, const struct user_input *in, int64_t actor, const char *client,
		    int64_t now, struct input_errors *errs);
/* Changes name, role and unit of user id inside w; each change gets its audit entry
 * (user_rename, role_change, unit_change). Refuses (errs filled) an admin demoting itself or the
 * last active admin, and an inactive or unknown unit. Returns 0 done, 1 refused, -1 error. */
int user_update(sqlite3 *w, int64_t id, const struct user_input *in, int64_t actor,
		const char *client, int64_t now, struct input_errors *errs);
/* Deactivates (active 0: every session of the user ends, open one-time links are revoked) or
 * reactivates user id inside w, with an audit entry. Refuses (*why, Indonesian) deactivating
 * oneself or the last active admin, and reactivating a user whose unit is inactive. Returns 0
 * done, 1 refused, -1 error. */
int user_set_active(sqlite3 *w, int64_t id, int active, int64_t actor, const char *client,
		    int64_t now, const char **why);

#endif
