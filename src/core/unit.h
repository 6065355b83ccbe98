/* Units (SKPD/UKPD) as admins manage them: listing with their users and requests, adding,
 * renaming, deactivating (history and public pages stay; no new users or requests) and merging
 * one unit into another (its requests and users move over in one transaction; published numbers
 * and addresses do not change; the old public address leads to the new unit). */
#ifndef SIARAN_UNIT_H
#define SIARAN_UNIT_H
#include <sqlite3.h>
#include <stdint.h>

#include "core/user.h"

struct unit_row {
	int64_t id, parent_id, merged_into; /* 0 when none */
	char *code, *name, *kind;
	char *parent_code, *merged_code;    /* NULL when none */
	int active;
	int64_t users, active_users, requests, published;
};
void unit_row_clear(struct unit_row *u);

struct unit_list {
	struct unit_row *items;
	int n;
};
/* Every unit (active_only: only active ones), by name. Returns 0 or -1; free with
 * unit_list_free in both cases. */
int unit_list(sqlite3 *c, int active_only, struct unit_list *out);
void unit_list_free(struct unit_list *l);
/* One unit: 1 found (clear with unit_row_clear), 0 none, -1 error. */
int unit_get(sqlite3 *c, int64_t id, struct unit_row *out);

/* Whether code can be a unit code: 2 to 24 of A-Z, 0-9 and _. */
int unit_code_valid(const char *code);

/* What an admin typed: code (when adding; never changes later), name, kind (SKPD or UKPD),
 * parent unit code ("" = none). */
struct unit_input {
	const char *code, *name, *kind, *parent;
};

/* Adds a unit inside w (audit "unit_create"). Returns the new id, 0 when refused (errs), -1 on
 * error. */
int64_t unit_create(sqlite3 *w, const struct unit_input *in, int64_t actor, const char *client,
		    int64_t now, struct input_errors *errs);
/* Changes name, kind and parent of unit id inside w (audit "unit_rename" / "unit_update"); a
 * new name is what the public pages and the search index show from now on. Returns 0 done,
 * 1 refused (errs), -1 error. */
int unit_update(sqlite3 *w, int64_t id, const struct unit_input *in, int64_t actor,
		const char *client, int64_t now, struct input_errors *errs);
/* Deactivates or reactivates unit id inside w (audit). Deactivating is refused (*why) while
 * active users belong to the unit; a merged unit cannot be reactivated. Returns 0 done,
 * 1 refused, -1 error. */
int unit_set_active(sqlite3 *w, int64_t id, int active, int64_t actor, const char *client,
		    int64_t now, const char **why);
/* Merges unit id into the active unit with code target inside w: its requests (whatever their
 * state), users and child units move to the target, units merged into it earlier now point to
 * the target, the unit becomes inactive with merged_into set, the moved published releases are
 * re-indexed, and one audit entry records the counts. Numbers and slugs of published releases
 * stay as they are. Returns 0 done (*moved_requests, *moved_users), 1 refused (*why), -1 error. */
int unit_merge(sqlite3 *w, int64_t id, const char *target, int64_t actor, const char *client,
	       int64_t now, const char **why, int64_t *moved_requests, int64_t *moved_users);

/* The code of the unit that a merged unit's code now leads to (following merges), or NULL when
 * code was not merged. Malloc'd. *err is set on a database error. */
char *unit_merged_into(sqlite3 *c, const char *code, int *err);

#endif
