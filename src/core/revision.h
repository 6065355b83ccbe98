/* Reading the revisions of a request: every save stored the full content as JSON (release.c
 * writes them). Lists them with their authors, loads one back into struct release fields, and
 * finds the unit's text: the latest revision a contributor saved. No HTTP or HTML here. */
#ifndef SIARAN_REVISION_H
#define SIARAN_REVISION_H
#include <sqlite3.h>
#include <stdint.h>

struct release;

/* Who saved a revision, and when. author_role is ROLE_* (the author's role now: roles are not
 * recorded per save, and only a unit's contributors can save as contributors). */
struct revision_info {
	int64_t version, author_id, created_at;
	char *author_name;
	int author_role;
};
/* Frees the fields of an info held by value and zeroes it. */
void revision_info_clear(struct revision_info *i);

struct revision_list {
	struct revision_info *items; /* by version, oldest first */
	int n;
};
/* The revisions of request id. Returns 0 or -1; free out with revision_list_free either way. */
int revision_list_load(sqlite3 *c, int64_t request_id, struct revision_list *out);
void revision_list_free(struct revision_list *l);
/* The entry for version in l, or NULL. */
const struct revision_info *revision_list_find(const struct revision_list *l, int64_t version);

/* Loads revision `version` of request id. content (may be NULL) receives the content fields
 * (kind, title, summary, body, activity_date, location, event times, address, contacts,
 * publish_at, quotes; id and version set, nothing else): free with release_clear. info (may be
 * NULL) receives who and when: free with revision_info_clear. Returns 1 found, 0 no such
 * revision, -1 on a database error or content that does not parse (logged); on 0 and -1
 * nothing needs freeing. */
int revision_load(sqlite3 *c, int64_t request_id, int64_t version, struct release *content,
		  struct revision_info *info);

/* The unit's text: the version of the latest revision saved by a contributor. Returns 1 with
 * *version, 0 when no contributor saved one, -1 on error. */
int revision_unit_version(sqlite3 *c, int64_t request_id, int64_t *version);

/* Parses revision content JSON into the content fields of *out (zeroed first). Absent or null
 * texts become "" (activity_date stays NULL), absent times 0. Returns 0, or -1 when the JSON is
 * malformed or a field has the wrong type (out is then cleared). Pure. */
int revision_parse(const char *json, struct release *out);

#endif
