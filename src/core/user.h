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

#define PASSWORD_MIN 12
#define PASSWORD_MAX 128

/* "contributor" -> ROLE_CONTRIBUTOR ...; 0 when unknown. */
int user_role_parse(const char *s);
const char *user_role_name(int role);
/* Indonesian label: "Kontributor", "Editor Humas", "Admin". */
const char *user_role_label(int role);

/* Whether an e-mail address is plausible: one '@', a dot in the domain, no spaces or controls,
 * at most 254 bytes. */
int user_email_valid(const char *email);

/* Creates a user inside the caller's write transaction w. unit_code may be NULL (not for a
 * contributor). Returns the new id (> 0), or -1 with *err set to a static one-line reason
 * (bad role, unknown unit, contributor without unit, duplicate e-mail, bad password...). */
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

#endif
