/* Revisions read back (see revision.h): the list with authors, one revision's content parsed
 * from its JSON with jansson, and the version that holds the unit's text. The JSON is written
 * by release.c (content_json); this file is the only reader. */
#include "core/revision.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/release.h"
#include "core/user.h"
#include "store/db.h"
#include "util/log.h"
#include "util/xmalloc.h"

void revision_info_clear(struct revision_info *i)
{
	if (!i)
		return;
	free(i->author_name);
	memset(i, 0, sizeof *i);
}

/* Columns 0..4 of the queries below into *i. */
static void row_to_info(sqlite3_stmt *st, struct revision_info *i)
{
	i->version = sqlite3_column_int64(st, 0);
	i->author_id = sqlite3_column_int64(st, 1);
	i->author_name = db_col_text(st, 2);
	if (!i->author_name)
		i->author_name = xstrdup("");
	i->author_role = user_role_parse((const char *)sqlite3_column_text(st, 3));
	i->created_at = sqlite3_column_int64(st, 4);
}

int revision_list_load(sqlite3 *c, int64_t request_id, struct revision_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, "SELECT v.version, v.author_id, u.name, u.role, v.created_at"
					  " FROM revisions v JOIN users u ON u.id = v.author_id"
					  " WHERE v.request_id = ? ORDER BY v.version",
					  "i", request_id);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_info(st, XPUSH(out->items, out->n));
	}
	if (rc != SQLITE_DONE)
		log_error("revision list: %s", sqlite3_errmsg(c));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void revision_list_free(struct revision_list *l)
{
	if (!l)
		return;
	for (int i = 0; i < l->n; i++)
		revision_info_clear(&l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

const struct revision_info *revision_list_find(const struct revision_list *l, int64_t version)
{
	for (int i = 0; i < l->n; i++)
		if (l->items[i].version == version)
			return &l->items[i];
	return NULL;
}

int revision_unit_version(sqlite3 *c, int64_t request_id, int64_t *version)
{
	return db_int(c, version,
		      "SELECT v.version FROM revisions v JOIN users u ON u.id = v.author_id"
		      " WHERE v.request_id = ? AND u.role = 'contributor'"
		      " ORDER BY v.version DESC LIMIT 1",
		      "i", request_id);
}

/* --- the content JSON --- */

/* A text member: a copy of the string, "" when absent or null (NULL instead when null_ok).
 * Returns 0, or -1 when the member is of another type. */
static int get_text(json_t *o, const char *key, int null_ok, char **dst)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v)) {
		*dst = null_ok ? NULL : xstrdup("");
		return 0;
	}
	const char *s = json_string_value(v);
	if (!s)
		return -1;
	*dst = xstrdup(s);
	return 0;
}

/* A time member (Unix seconds): 0 when absent or null. Returns 0, or -1 for another type. */
static int get_time(json_t *o, const char *key, int64_t *dst)
{
	json_t *v = json_object_get(o, key);
	*dst = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v))
		return -1;
	*dst = (int64_t)json_integer_value(v);
	return 0;
}

static int parse_quotes(json_t *o, struct release *out)
{
	json_t *qs = json_object_get(o, "quotes");
	if (!qs || json_is_null(qs))
		return 0;
	if (!json_is_array(qs))
		return -1;
	size_t n = json_array_size(qs);
	for (size_t i = 0; i < n && i < RELEASE_MAX_QUOTES; i++) {
		json_t *q = json_array_get(qs, i);
		if (!json_is_object(q))
			return -1;
		/* Counted before the texts are read, so release_clear frees a half-read quote. */
		struct quote *dst = &out->quotes[out->nquotes++];
		if (get_text(q, "speaker", 0, &dst->speaker) < 0 ||
		    get_text(q, "position", 0, &dst->position) < 0 ||
		    get_text(q, "text", 0, &dst->text) < 0)
			return -1;
	}
	return 0;
}

int revision_parse(const char *json, struct release *out)
{
	memset(out, 0, sizeof *out);
	json_error_t err;
	json_t *o = json ? json_loads(json, 0, &err) : NULL;
	if (!o || !json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	int bad = get_text(o, "kind", 0, &out->kind) < 0 || get_text(o, "title", 0, &out->title) < 0 ||
		  get_text(o, "summary", 0, &out->summary) < 0 ||
		  get_text(o, "body", 0, &out->body) < 0 ||
		  get_text(o, "activity_date", 1, &out->activity_date) < 0 ||
		  get_text(o, "location", 0, &out->location) < 0 ||
		  get_time(o, "event_start", &out->event_start) < 0 ||
		  get_time(o, "event_end", &out->event_end) < 0 ||
		  get_text(o, "address", 0, &out->address) < 0 ||
		  get_text(o, "contact_name", 0, &out->contact_name) < 0 ||
		  get_text(o, "contact_position", 0, &out->contact_position) < 0 ||
		  get_text(o, "contact_phone", 0, &out->contact_phone) < 0 ||
		  get_text(o, "contact_email", 0, &out->contact_email) < 0 ||
		  get_time(o, "publish_at", &out->publish_at) < 0 || parse_quotes(o, out) < 0;
	json_decref(o);
	if (bad)
		release_clear(out);
	return bad ? -1 : 0;
}

int revision_load(sqlite3 *c, int64_t request_id, int64_t version, struct release *content,
		  struct revision_info *info)
{
	sqlite3_stmt *st = db_preparef(c, "SELECT v.version, v.author_id, u.name, u.role, v.created_at,"
					  " v.content FROM revisions v JOIN users u ON u.id = v.author_id"
					  " WHERE v.request_id = ? AND v.version = ?",
					  "ii", request_id, version);
	if (!st)
		return -1;
	int found = -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		found = 0;
	} else if (rc != SQLITE_ROW) {
		log_error("revision load: %s", sqlite3_errmsg(c));
	} else if (content && revision_parse((const char *)sqlite3_column_text(st, 5), content) < 0) {
		log_error("revision %lld of request %lld: content does not parse", (long long)version,
			  (long long)request_id);
	} else {
		if (content) {
			content->id = request_id;
			content->version = version;
		}
		if (info)
			row_to_info(st, info);
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}
