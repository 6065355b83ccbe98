/* Publication requests and the releases they become: validation of submitted content, storage
 * with a revision per save, workflow transitions with their record, official numbering and slugs
 * at publication, and the listings the site shows. No HTTP or HTML here. */
#ifndef SIARAN_RELEASE_H
#define SIARAN_RELEASE_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "core/media.h"
#include "core/workflow.h"

struct db;

#define RELEASE_MAX_QUOTES 10
#define RELEASE_MAX_ERRORS 40

struct quote {
	char *speaker, *position, *text;
};

struct release {
	int64_t id, unit_id, version;
	char *unit_code, *unit_name;
	char *kind; /* "press_release" or "media_advisory" */
	enum wf_state state;
	char *title, *summary, *body, *activity_date, *location, *address;
	int64_t event_start, event_end; /* 0 when not set */
	char *contact_name, *contact_position, *contact_phone, *contact_email;
	int64_t publish_at; /* time the unit asked for, 0 when none */
	struct quote quotes[RELEASE_MAX_QUOTES];
	int nquotes;
	int64_t created_by, created_at, updated_by, updated_at, submitted_at;
	int64_t assigned_to, scheduled_for, published_at, unpublished_at;
	int64_t public_updated_at; /* publication or latest correction; 0 when never published */
	char *created_by_name, *updated_by_name, *assigned_name;
	char *number, *slug, *unpublish_reason;
	struct media_item *media; /* photos (the first leads) then documents; loaded with the rest */
	int nmedia;
	/* Filled by release_query with a full-text query only: */
	double score;   /* bm25 rank, lower is better */
	char *snippet;  /* text around the matches, the matches between \x01 and \x02 */
};

/* Frees a release loaded by this module. NULL is fine. */
void release_free(struct release *r);
/* Frees the fields of a release held by value (as release_validate fills it) and zeroes it. */
void release_clear(struct release *r);
/* Whether kind is a media advisory. */
int release_is_advisory(const struct release *r);

/* Raw form values, as the user typed them (NULL = absent). Quotes are parallel arrays. */
struct release_input {
	const char *kind, *title, *summary, *body, *activity_date, *location;
	const char *event_start, *event_end, *address;
	const char *contact_name, *contact_position, *contact_phone, *contact_email;
	const char *publish_at;
	const char *quote_speaker[RELEASE_MAX_QUOTES + 1];
	const char *quote_position[RELEASE_MAX_QUOTES + 1];
	const char *quote_text[RELEASE_MAX_QUOTES + 1];
	int nquotes; /* entries filled in the arrays; more than RELEASE_MAX_QUOTES is an error */
};

struct field_error {
	const char *field; /* form field name ("title", "quotes"...) */
	char message[200];  /* Indonesian, for the user */
};

struct release_errors {
	int n;
	struct field_error e[RELEASE_MAX_ERRORS];
};

/* Adds a message for field (several per field allowed, e.g. one per refused file); nothing
 * when errs is full. */
void release_errors_add(struct release_errors *errs, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The message for a field, or NULL. */
const char *release_error_for(const struct release_errors *errs, const char *field);

enum release_check {
	RELEASE_CHECK_DRAFT,  /* formats and lengths; only kind and title required */
	RELEASE_CHECK_SUBMIT, /* everything a publishable request of its kind needs */
};

/* Validates and normalises input (trimmed text, parsed times) into *out (content fields only;
 * free with release_free even when there are errors). now is used for "must be in the future".
 * Returns the number of errors written to errs. Pure. */
int release_validate(const struct release_input *in, enum release_check check, int64_t now,
		     struct release *out, struct release_errors *errs);
/* Checks stored content for submission (the same rules as RELEASE_CHECK_SUBMIT). */
int release_check_complete(const struct release *r, int64_t now, struct release_errors *errs);

/* Creates a draft for unit_id by user_id inside the write transaction w, with revision 1 and an
 * audit entry (client: the peer address). Returns the new id, or -1. */
int64_t release_create(sqlite3 *w, const struct release *content, int64_t unit_id, int64_t user_id,
		       const char *client, int64_t now);
/* Saves new content over request id (inside w) if its version is still expected_version: bumps
 * the version, stores a revision and an audit entry. Returns 0, 1 when the version changed
 * meanwhile, or -1. */
int release_update(sqlite3 *w, int64_t id, int64_t expected_version, const struct release *content,
		   int64_t user_id, const char *client, int64_t now);

/* Loads one request with its quotes and names. Returns 1 (found), 0 (not found), -1 (error). */
int release_load(sqlite3 *c, int64_t id, struct release **out);
/* Loads a published or unpublished release by slug. Same returns. */
int release_load_by_slug(sqlite3 *c, const char *slug, struct release **out);

/* Applies a workflow transition already allowed by workflow_next to r (loaded inside w); for
 * WF_ASSIGN the caller first sets r->assigned_to to the new assignee:
 * updates the state and its timestamps, records the transition (actor 0 = the system), and when
 * the new state is published gives the release its number and slug. when: the publication time
 * for approve into scheduled. Returns 0 or -1. On success r reflects the new state. */
int release_apply(sqlite3 *w, struct release *r, enum wf_action action, enum wf_state to,
		  int64_t actor, const char *note, int64_t when, const char *client,
		  const char *number_format, int64_t now);

/* Publishes a correction (ralat) of published release r (loaded inside w): saves content as a
 * new revision if r's version is still expected_version, records the public note, moves the
 * public update time to now and refreshes search and caches. The number and slug stay.
 * Returns 0, 1 when the version changed meanwhile, or -1. */
int release_correct(sqlite3 *w, struct release *r, const struct release *content,
		    int64_t expected_version, int64_t editor, const char *note, const char *client,
		    int64_t now);

struct correction {
	char *note, *editor_name;
	int64_t at, version;
};
struct correction_list {
	struct correction *items;
	int n;
};
/* The corrections of a release, oldest first. Returns 0 or -1. */
int release_corrections(sqlite3 *c, int64_t id, struct correction_list *out);
void correction_list_free(struct correction_list *l);

/* Makes a press-release draft for the unit of media advisory adv, pre-filled from it (the event
 * day becomes the activity date), inside w. Returns the new request's id, or -1. */
int64_t release_convert_advisory(sqlite3 *w, const struct release *adv, int64_t user_id,
				 const char *client, int64_t now);

/* Publishes every scheduled request whose time has come, each in its own transaction.
 * Returns how many were published, or -1 on an error. */
int release_publish_due(struct db *db, const char *number_format, int64_t now);

/* A page of releases or requests. */
struct release_list {
	struct release **items;
	int n;
	int64_t total; /* matching rows in all (release_list_published, release_list_requests) */
	int more;      /* release_query: there are further rows after the last item */
};
void release_list_free(struct release_list *l);

/* Published releases, newest first; page counts from 1. Returns 0 or -1. */
int release_list_published(sqlite3 *c, int page, int per_page, struct release_list *out);

/* Published releases for the public listings, search, feeds and the API. Keyset pagination:
 * give the cursor of the last item seen (release_cursor) to get the next page. */
struct release_query {
	int64_t unit_id;     /* 0 = every unit */
	const char *kind;    /* "press_release", "media_advisory" or NULL for both */
	int64_t from, until; /* published_at in [from, until); 0 = open */
	const char *fts;     /* an FTS5 query made by search_fts_query, or NULL (newest first) */
	const char *after;   /* a cursor from release_cursor, or NULL for the first page */
	int limit;           /* 1..100 */
};

/* (Re)loads the quotes of a release (release_query and release_load include them; other
 * listings leave them out). Returns 0 or -1. */
int release_load_quotes(sqlite3 *c, struct release *r);

/* Runs the query. Returns 0, -1 on a database error, -2 when the cursor is malformed.
 * out->more tells whether another page follows. */
int release_query(sqlite3 *c, const struct release_query *q, struct release_list *out);
/* The cursor that continues after r in a listing (search = 1 for full-text results). Writes at
 * most n bytes; returns 0 or -1. */
int release_cursor(const struct release *r, int search, char *out, size_t n);
/* Parses a cursor as release_cursor writes it: "AT_ID" for listings, "sSCORE_ID" (search = 1)
 * for search, ID positive. Returns 0 with the parts, or -1 when it is malformed. */
int release_cursor_parse(const char *s, int search, int64_t *at, double *score, int64_t *id);

/* Published media advisories whose event ends at or after `from`, soonest first, at most limit.
 * unit_id 0 = all. Returns 0 or -1. */
int release_agenda(sqlite3 *c, int64_t from, int64_t unit_id, int limit, struct release_list *out);

/* The version of the public content: changes in the same transaction as every publication,
 * unpublication or correction. Returns 1 with *out, or -1. */
int release_content_version(sqlite3 *c, int64_t *out);
/* Inside w: the photos or documents of published release id changed; cached public pages are
 * out of date. 0 or -1. */
int release_media_changed(sqlite3 *w, int64_t id, int64_t now);
/* When that version last changed (Unix seconds). Returns 1 with *out, or -1. */
int release_content_changed_at(sqlite3 *c, int64_t *out);

struct unit_count {
	char *code, *name, *kind, *parent_code;
	int64_t published;   /* published releases */
	int64_t last_published; /* 0 when none */
};
struct unit_count_list {
	struct unit_count *items;
	int n;
};
/* Every active unit, and every deactivated (not merged) unit that published something, with its
 * number of published releases, by name. Returns 0 or -1. */
int release_unit_counts(sqlite3 *c, struct unit_count_list *out);
void unit_count_list_free(struct unit_count_list *l);
/* Looks up a unit by code, active or deactivated but not merged into another: 1 found (id and
 * malloc'd name set), 0 not found, -1 error. */
int release_unit_by_code(sqlite3 *c, const char *code, int64_t *id, char **name);
/* Re-indexes every published release of unit_id for search and bumps the public content
 * version, inside w (after the unit was renamed or took over another unit's releases).
 * Returns 0 or -1. */
int release_reindex_unit(sqlite3 *w, int64_t unit_id, int64_t now);
/* Bumps the public content version inside w, so that cached public pages are rendered again
 * (after a change they show that is not a release's, such as the list of units). 0 or -1. */
int release_bump_version(sqlite3 *w, int64_t now);

struct request_filter {
	int64_t unit_id;  /* 0 = all units */
	int state;        /* -1 = any, else enum wf_state */
	int queue;        /* 1: the editors' queue (submitted and in_review; advisories whose event
			   * starts within 48 hours first, then the oldest) */
	int64_t now;      /* for the queue's urgency */
	int page, per_page;
};
/* Requests for the workbench lists. Returns 0 or -1. */
int release_list_requests(sqlite3 *c, const struct request_filter *f, struct release_list *out);

struct transition {
	char *actor_name; /* NULL for the system */
	char *action, *from_state, *to_state, *note;
	int64_t at;
};
struct transition_list {
	struct transition *items;
	int n;
};
/* The recorded transitions of a request, oldest first. Returns 0 or -1. */
int release_history(sqlite3 *c, int64_t id, struct transition_list *out);
void transition_list_free(struct transition_list *l);

#endif
