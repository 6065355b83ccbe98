/* Publication requests: validation, storage with revisions, transitions, numbering, slugs and
 * listings (see release.h). Every function that writes runs inside the caller's write
 * transaction, so a multi-row change (request, quotes, revision, transition) is atomic. */
#include "core/release.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/notify.h"
#include "core/numbering.h"
#include "core/slug.h"
#include "core/user.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

void release_free(struct release *r)
{
	if (!r)
		return;
	release_clear(r);
	free(r);
}

void release_clear(struct release *r)
{
	char **strs[] = { &r->unit_code, &r->unit_name, &r->kind, &r->title, &r->summary, &r->body,
			  &r->activity_date, &r->location, &r->address, &r->contact_name,
			  &r->contact_position, &r->contact_phone, &r->contact_email,
			  &r->created_by_name, &r->updated_by_name, &r->assigned_name, &r->number,
			  &r->slug, &r->unpublish_reason, &r->snippet };
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(*strs[i]);
	for (int i = 0; i < r->nquotes; i++) {
		free(r->quotes[i].speaker);
		free(r->quotes[i].position);
		free(r->quotes[i].text);
	}
	media_list_free(r->media, r->nmedia);
	memset(r, 0, sizeof *r);
}

int release_is_advisory(const struct release *r)
{
	return r->kind && strcmp(r->kind, "media_advisory") == 0;
}

const char *release_error_for(const struct release_errors *errs, const char *field)
{
	for (int i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, field) == 0)
			return errs->e[i].message;
	return NULL;
}

static void add_error(struct release_errors *errs, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_verror(struct release_errors *errs, const char *field, const char *fmt,
		       va_list ap) __attribute__((format(printf, 3, 0)));

static void add_verror(struct release_errors *errs, const char *field, const char *fmt, va_list ap)
{
	if (errs->n >= RELEASE_MAX_ERRORS)
		return;
	struct field_error *e = &errs->e[errs->n++];
	e->field = field;
	vsnprintf(e->message, sizeof e->message, fmt, ap);
}

static void add_error(struct release_errors *errs, const char *field, const char *fmt, ...)
{
	if (release_error_for(errs, field))
		return; /* one message per field: the first problem found */
	va_list ap;
	va_start(ap, fmt);
	add_verror(errs, field, fmt, ap);
	va_end(ap);
}

void release_errors_add(struct release_errors *errs, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_verror(errs, field, fmt, ap);
	va_end(ap);
}

/* A trimmed copy of s ("" for NULL). */
static char *trimmed(const char *s)
{
	if (!s)
		return xstrdup("");
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* Checks a text field: required (when asked), length in characters, and single-line. */
static void check_text(struct release_errors *errs, const char *field, const char *label,
		       const char *v, int required, size_t max, int single_line)
{
	if (!*v) {
		if (required)
			add_error(errs, field, "%s wajib diisi.", label);
		return;
	}
	if (utf8_length(v) > max)
		add_error(errs, field, "%s paling banyak %zu karakter.", label, max);
	else if (single_line && strpbrk(v, "\r\n"))
		add_error(errs, field, "%s harus satu baris.", label);
}

static int phone_valid(const char *p)
{
	size_t digits = 0, n = strlen(p);
	if (n < 6 || n > 25)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0)))
			return 0;
	}
	return digits >= 6 && digits <= 15;
}

/* Rules shared by form validation and the completeness check of stored content. */
static void check_content(const struct release *r, enum release_check check, int64_t now,
			  struct release_errors *errs)
{
	int submit = check == RELEASE_CHECK_SUBMIT;
	int adv = release_is_advisory(r);
	check_text(errs, "title", "Judul", r->title, 1, 200, 1);
	if (*r->title && utf8_length(r->title) < 10)
		add_error(errs, "title", "Judul terlalu pendek (minimal 10 karakter).");
	check_text(errs, "summary", "Ringkasan (lead)", r->summary, submit, 1000, 0);
	check_text(errs, "body", "Isi siaran", r->body, submit && !adv, 50000, 0);
	check_text(errs, "location", "Lokasi", r->location, submit && adv, 200, 1);
	check_text(errs, "address", "Alamat", r->address, 0, 500, 0);
	if (submit && !adv && !r->activity_date)
		add_error(errs, "activity_date", "Tanggal kegiatan wajib diisi.");
	if (adv) {
		if (submit && !r->event_start)
			add_error(errs, "event_start", "Waktu mulai acara wajib diisi.");
		if (submit && !r->event_end)
			add_error(errs, "event_end", "Waktu selesai acara wajib diisi.");
		if (r->event_start && r->event_end && r->event_end <= r->event_start)
			add_error(errs, "event_end", "Waktu selesai harus setelah waktu mulai.");
	}
	check_text(errs, "contact_name", "Nama narahubung", r->contact_name, submit, 200, 1);
	check_text(errs, "contact_position", "Jabatan narahubung", r->contact_position, 0, 200, 1);
	if (*r->contact_phone && !phone_valid(r->contact_phone))
		add_error(errs, "contact_phone",
			  "Nomor telepon tidak valid (angka, spasi, tanda hubung; boleh diawali +).");
	if (*r->contact_email && !user_email_valid(r->contact_email))
		add_error(errs, "contact_email", "Alamat e-mail tidak valid.");
	if (submit && !*r->contact_phone && !*r->contact_email)
		add_error(errs, "contact_phone", "Isi nomor telepon atau e-mail narahubung.");
	if (submit && r->publish_at && r->publish_at <= now)
		add_error(errs, "publish_at", "Waktu terbit yang diminta harus di masa depan.");
	for (int i = 0; i < r->nquotes; i++) {
		const struct quote *q = &r->quotes[i];
		if (!*q->speaker)
			add_error(errs, "quotes", "Kutipan %d: nama narasumber wajib diisi.", i + 1);
		else if (!*q->text)
			add_error(errs, "quotes", "Kutipan %d: isi kutipan wajib diisi.", i + 1);
		else if (utf8_length(q->speaker) > 200 || utf8_length(q->position) > 200 ||
			 utf8_length(q->text) > 2000)
			add_error(errs, "quotes", "Kutipan %d terlalu panjang.", i + 1);
	}
}

int release_validate(const struct release_input *in, enum release_check check, int64_t now,
		     struct release *out, struct release_errors *errs)
{
	memset(out, 0, sizeof *out);
	errs->n = 0;
	out->kind = trimmed(in->kind);
	if (strcmp(out->kind, "press_release") != 0 && strcmp(out->kind, "media_advisory") != 0)
		add_error(errs, "kind", "Pilih jenis: siaran pers atau undangan liputan.");
	out->title = trimmed(in->title);
	out->summary = trimmed(in->summary);
	out->body = trimmed(in->body);
	out->location = trimmed(in->location);
	out->address = trimmed(in->address);
	out->contact_name = trimmed(in->contact_name);
	out->contact_position = trimmed(in->contact_position);
	out->contact_phone = trimmed(in->contact_phone);
	out->contact_email = trimmed(in->contact_email);

	char *d = trimmed(in->activity_date);
	int y, m, dd;
	if (*d && datefmt_parse_date(d, &y, &m, &dd) < 0)
		add_error(errs, "activity_date", "Tanggal kegiatan tidak valid (format TTTT-BB-HH).");
	else if (*d)
		out->activity_date = xstrdup(d);
	free(d);

	struct {
		const char *raw, *field, *label;
		int64_t *dst;
	} times[] = {
		{ in->event_start, "event_start", "Waktu mulai", &out->event_start },
		{ in->event_end, "event_end", "Waktu selesai", &out->event_end },
		{ in->publish_at, "publish_at", "Waktu terbit", &out->publish_at },
	};
	for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
		char *t = trimmed(times[i].raw);
		if (*t && datefmt_parse_local(t, times[i].dst) < 0)
			add_error(errs, times[i].field, "%s tidak valid (tanggal dan jam, WIB).",
				  times[i].label);
		free(t);
	}
	/* An advisory's event fields mean nothing for a press release and are dropped. */
	if (strcmp(out->kind, "press_release") == 0) {
		out->event_start = out->event_end = 0;
		free(out->address);
		out->address = xstrdup("");
	}

	if (in->nquotes > RELEASE_MAX_QUOTES)
		add_error(errs, "quotes", "Paling banyak %d kutipan.", RELEASE_MAX_QUOTES);
	for (int i = 0; i < in->nquotes && i < RELEASE_MAX_QUOTES; i++) {
		char *sp = trimmed(in->quote_speaker[i]);
		char *po = trimmed(in->quote_position[i]);
		char *tx = trimmed(in->quote_text[i]);
		if (!*sp && !*po && !*tx) {
			/* an empty row of the form: not a quote */
			free(sp);
			free(po);
			free(tx);
			continue;
		}
		struct quote *q = &out->quotes[out->nquotes++];
		q->speaker = sp;
		q->position = po;
		q->text = tx;
	}
	check_content(out, check, now, errs);
	return errs->n;
}

int release_check_complete(const struct release *r, int64_t now, struct release_errors *errs)
{
	errs->n = 0;
	check_content(r, RELEASE_CHECK_SUBMIT, now, errs);
	return errs->n;
}

/* --- storage --- */

static char *content_json(const struct release *c)
{
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string(c->kind));
	json_object_set_new(o, "title", json_string(c->title));
	json_object_set_new(o, "summary", json_string(c->summary));
	json_object_set_new(o, "body", json_string(c->body));
	json_object_set_new(o, "activity_date", c->activity_date ? json_string(c->activity_date)
								 : json_null());
	json_object_set_new(o, "location", json_string(c->location));
	json_object_set_new(o, "event_start", c->event_start ? json_integer(c->event_start) : json_null());
	json_object_set_new(o, "event_end", c->event_end ? json_integer(c->event_end) : json_null());
	json_object_set_new(o, "address", json_string(c->address));
	json_object_set_new(o, "contact_name", json_string(c->contact_name));
	json_object_set_new(o, "contact_position", json_string(c->contact_position));
	json_object_set_new(o, "contact_phone", json_string(c->contact_phone));
	json_object_set_new(o, "contact_email", json_string(c->contact_email));
	json_object_set_new(o, "publish_at", c->publish_at ? json_integer(c->publish_at) : json_null());
	json_t *qs = json_array();
	for (int i = 0; i < c->nquotes; i++) {
		json_t *q = json_object();
		json_object_set_new(q, "speaker", json_string(c->quotes[i].speaker));
		json_object_set_new(q, "position", json_string(c->quotes[i].position));
		json_object_set_new(q, "text", json_string(c->quotes[i].text));
		json_array_append_new(qs, q);
	}
	json_object_set_new(o, "quotes", qs);
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

static int store_quotes_and_revision(sqlite3 *w, int64_t id, int64_t version,
				     const struct release *c, int64_t user_id, int64_t now)
{
	if (db_execf(w, "DELETE FROM request_quotes WHERE request_id = ?", "i", id) < 0)
		return -1;
	for (int i = 0; i < c->nquotes; i++)
		if (db_execf(w, "INSERT INTO request_quotes (request_id, pos, speaker, position, text)"
				" VALUES (?, ?, ?, ?, ?)", "iittt", id, (int64_t)i, c->quotes[i].speaker,
			     c->quotes[i].position, c->quotes[i].text) < 0)
			return -1;
	char *json = content_json(c);
	if (!json)
		return -1;
	int rc = db_execf(w, "INSERT INTO revisions (request_id, version, author_id, created_at, content)"
			     " VALUES (?, ?, ?, ?, ?)", "iiiit", id, version, user_id, now, json);
	free(json);
	return rc;
}

/* Binds 0 as NULL for optional times. */
#define OPT(t) ((t) ? (t) : 0)

int64_t release_create(sqlite3 *w, const struct release *c, int64_t unit_id, int64_t user_id,
		       const char *client, int64_t now)
{
	sqlite3_stmt *st = db_prepare(w,
		"INSERT INTO requests (unit_id, kind, title, summary, body, activity_date, location,"
		" event_start, event_end, address, contact_name, contact_position, contact_phone,"
		" contact_email, publish_at, created_by, created_at, updated_by, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, NULLIF(?, 0),"
		" ?, ?, ?, ?)");
	if (!st)
		return -1;
	if (db_bind(st, "ittttttiitttttiiiii", unit_id, c->kind, c->title, c->summary, c->body,
		    c->activity_date, c->location, OPT(c->event_start), OPT(c->event_end), c->address,
		    c->contact_name, c->contact_position, c->contact_phone, c->contact_email,
		    OPT(c->publish_at), user_id, now, user_id, now) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	if (db_run(st) < 0)
		return -1;
	int64_t id = db_last_id(w);
	if (store_quotes_and_revision(w, id, 1, c, user_id, now) < 0 ||
	    audit_log(w, user_id, "create", "request", id, "version 1", client, now) < 0)
		return -1;
	return id;
}

int release_update(sqlite3 *w, int64_t id, int64_t expected_version, const struct release *c,
		   int64_t user_id, const char *client, int64_t now)
{
	sqlite3_stmt *st = db_prepare(w,
		"UPDATE requests SET kind = ?, title = ?, summary = ?, body = ?, activity_date = ?,"
		" location = ?, event_start = NULLIF(?, 0), event_end = NULLIF(?, 0), address = ?,"
		" contact_name = ?, contact_position = ?, contact_phone = ?, contact_email = ?,"
		" publish_at = NULLIF(?, 0), updated_by = ?, updated_at = ?, version = version + 1"
		" WHERE id = ? AND version = ?");
	if (!st)
		return -1;
	if (db_bind(st, "ttttttiitttttiiiii", c->kind, c->title, c->summary, c->body,
		    c->activity_date, c->location, OPT(c->event_start), OPT(c->event_end), c->address,
		    c->contact_name, c->contact_position, c->contact_phone, c->contact_email,
		    OPT(c->publish_at), user_id, now, id, expected_version) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	if (db_run(st) < 0)
		return -1;
	if (sqlite3_changes(w) == 0)
		return 1;
	char detail[64];
	snprintf(detail, sizeof detail, "version %lld", (long long)expected_version + 1);
	if (store_quotes_and_revision(w, id, expected_version + 1, c, user_id, now) < 0 ||
	    audit_log(w, user_id, "edit", "request", id, detail, client, now) < 0)
		return -1;
	return 0;
}

/* The columns row_to_release reads (0..34), the joins that give the names, and both together. */
#define RELEASE_COLUMNS                                                                         \
	"SELECT r.id, r.unit_id, r.version, un.code, un.name, r.kind, r.state, r.title, r.summary," \
	" r.body, r.activity_date, r.location, r.address, COALESCE(r.event_start, 0),"             \
	" COALESCE(r.event_end, 0), r.contact_name, r.contact_position, r.contact_phone,"          \
	" r.contact_email, COALESCE(r.publish_at, 0), r.created_by, r.created_at, r.updated_by,"   \
	" r.updated_at, COALESCE(r.submitted_at, 0), COALESCE(r.assigned_to, 0),"                  \
	" COALESCE(r.scheduled_for, 0), COALESCE(r.published_at, 0),"                              \
	" COALESCE(r.unpublished_at, 0), cu.name, uu.name, au.name, r.number, r.slug,"             \
	" r.unpublish_reason, COALESCE(r.public_updated_at, r.published_at, 0)"
#define RELEASE_JOINS                                                                           \
	" JOIN units un ON un.id = r.unit_id"                                                      \
	" JOIN users cu ON cu.id = r.created_by JOIN users uu ON uu.id = r.updated_by"             \
	" LEFT JOIN users au ON au.id = r.assigned_to "
#define SELECT_RELEASE RELEASE_COLUMNS " FROM requests r" RELEASE_JOINS

static char *col_str(sqlite3_stmt *st, int i)
{
	char *s = db_col_text(st, i);
	return s ? s : xstrdup("");
}

static struct release *row_to_release(sqlite3_stmt *st)
{
	struct release *r = xcalloc(1, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->unit_id = sqlite3_column_int64(st, 1);
	r->version = sqlite3_column_int64(st, 2);
	r->unit_code = col_str(st, 3);
	r->unit_name = col_str(st, 4);
	r->kind = col_str(st, 5);
	int state = workflow_state_parse((const char *)sqlite3_column_text(st, 6));
	r->state = state < 0 ? WF_DRAFT : (enum wf_state)state;
	r->title = col_str(st, 7);
	r->summary = col_str(st, 8);
	r->body = col_str(st, 9);
	r->activity_date = db_col_text(st, 10);
	r->location = col_str(st, 11);
	r->address = col_str(st, 12);
	r->event_start = sqlite3_column_int64(st, 13);
	r->event_end = sqlite3_column_int64(st, 14);
	r->contact_name = col_str(st, 15);
	r->contact_position = col_str(st, 16);
	r->contact_phone = col_str(st, 17);
	r->contact_email = col_str(st, 18);
	r->publish_at = sqlite3_column_int64(st, 19);
	r->created_by = sqlite3_column_int64(st, 20);
	r->created_at = sqlite3_column_int64(st, 21);
	r->updated_by = sqlite3_column_int64(st, 22);
	r->updated_at = sqlite3_column_int64(st, 23);
	r->submitted_at = sqlite3_column_int64(st, 24);
	r->assigned_to = sqlite3_column_int64(st, 25);
	r->scheduled_for = sqlite3_column_int64(st, 26);
	r->published_at = sqlite3_column_int64(st, 27);
	r->unpublished_at = sqlite3_column_int64(st, 28);
	r->created_by_name = col_str(st, 29);
	r->updated_by_name = col_str(st, 30);
	r->assigned_name = db_col_text(st, 31);
	r->number = db_col_text(st, 32);
	r->slug = db_col_text(st, 33);
	r->unpublish_reason = db_col_text(st, 34);
	r->public_updated_at = sqlite3_column_int64(st, 35);
	return r;
}

int release_load_quotes(sqlite3 *c, struct release *r)
{
	/* Loading again replaces what is there. */
	for (int i = 0; i < r->nquotes; i++) {
		free(r->quotes[i].speaker);
		free(r->quotes[i].position);
		free(r->quotes[i].text);
	}
	r->nquotes = 0;
	sqlite3_stmt *st = db_preparef(c, "SELECT speaker, position, text FROM request_quotes"
					  " WHERE request_id = ? ORDER BY pos LIMIT ?",
					  "ii", r->id, (int64_t)RELEASE_MAX_QUOTES);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct quote *q = &r->quotes[r->nquotes++];
		q->speaker = col_str(st, 0);
		q->position = col_str(st, 1);
		q->text = col_str(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs a one-row SELECT_RELEASE query bound by types/args. */
static int load_one(sqlite3 *c, const char *sql, struct release **out, const char *types, ...)
{
	*out = NULL;
	sqlite3_stmt *st = db_prepare(c, sql);
	if (!st)
		return -1;
	int rc = -1;
	va_list ap;
	va_start(ap, types);
	int bad = 0;
	if (types[0] == 'i')
		bad = sqlite3_bind_int64(st, 1, va_arg(ap, int64_t)) != SQLITE_OK;
	else
		bad = sqlite3_bind_text(st, 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT) != SQLITE_OK;
	va_end(ap);
	if (bad)
		goto out;
	int s = sqlite3_step(st);
	if (s == SQLITE_DONE) {
		rc = 0;
	} else if (s == SQLITE_ROW) {
		struct release *r = row_to_release(st);
		if (release_load_quotes(c, r) < 0 || media_load(c, r->id, &r->media, &r->nmedia) < 0) {
			release_free(r);
			goto out;
		}
		*out = r;
		rc = 1;
	}
out:
	sqlite3_finalize(st);
	return rc;
}

int release_load(sqlite3 *c, int64_t id, struct release **out)
{
	return load_one(c, SELECT_RELEASE "WHERE r.id = ?", out, "i", id);
}

int release_load_by_slug(sqlite3 *c, const char *slug, struct release **out)
{
	return load_one(c, SELECT_RELEASE "WHERE r.slug = ? AND r.state IN ('published', 'unpublished')",
			out, "t", slug);
}

/* Gives r its number and slug and marks it published at `at` (inside w). */
static int publish(sqlite3 *w, struct release *r, const char *number_format, int64_t at)
{
	struct wib_tm tm;
	datefmt_wib(at, &tm);
	int64_t seq = 0;
	if (db_int(w, &seq, "INSERT INTO number_sequences (year, kind, last_seq) VALUES (?, ?, 1)"
			    " ON CONFLICT (year, kind) DO UPDATE SET last_seq = last_seq + 1"
			    " RETURNING last_seq", "it", (int64_t)tm.year, r->kind) != 1)
		return -1;
	char *number = numbering_format(number_format, (int)seq, r->kind, r->unit_code, tm.month,
					tm.year);
	if (!number) {
		log_error("release number format '%s' is not usable", number_format);
		return -1;
	}
	char *base = slug_from_title(r->title);
	char *slug = xstrdup(base);
	for (int i = 2;; i++) {
		int64_t taken = 0;
		int found = db_int(w, &taken, "SELECT 1 FROM requests WHERE slug = ?", "t", slug);
		if (found < 0) {
			free(base);
			free(slug);
			free(number);
			return -1;
		}
		if (!found)
			break;
		free(slug);
		slug = xasprintf("%s-%d", base, i);
	}
	free(base);
	int rc = db_execf(w, "UPDATE requests SET number = ?, slug = ?, published_at = ?,"
			     " public_updated_at = ?, scheduled_for = NULL WHERE id = ?", "ttiii", number,
			  slug, at, at, r->id);
	if (rc == 0) {
		free(r->number);
		free(r->slug);
		r->number = number;
		r->slug = slug;
		r->published_at = at;
		r->public_updated_at = at;
		r->scheduled_for = 0;
	} else {
		free(number);
		free(slug);
	}
	return rc;
}

/* Puts release id into the search index afresh (inside w): removed, and indexed again when it is
 * published. */
static int fts_index(sqlite3 *w, int64_t id)
{
	if (db_execf(w, "DELETE FROM releases_fts WHERE rowid = ?", "i", id) < 0)
		return -1;
	/* Apostrophes are removed from the indexed text so that "Jum'at" and "jumat" meet (the
	 * tokenizer would split at them); search_fts_query drops them from queries alike. */
#define NOAPOS(x) "replace(replace(replace(" x ", '''', ''), '’', ''), 'ʼ', '')"
	return db_execf(w, "INSERT INTO releases_fts (rowid, title, summary, body, unit_name, quotes)"
			   " SELECT r.id, " NOAPOS("r.title") ", " NOAPOS("r.summary") ", "
			   NOAPOS("r.body") ", " NOAPOS("u.name") ", " NOAPOS(
			   "COALESCE((SELECT group_concat(q.speaker || ' ' || q.position || ' ' || q.text, ' ')"
			   " FROM request_quotes q WHERE q.request_id = r.id), '')")
			   " FROM requests r JOIN units u ON u.id = r.unit_id WHERE r.id = ?"
			   " AND r.state = 'published'", "i", id);
}

int release_bump_version(sqlite3 *w, int64_t now)
{
	return db_execf(w, "UPDATE site_state SET content_version = content_version + 1,"
			   " changed_at = MAX(changed_at, ?) WHERE id = 1", "i", now);
}

/* What the public sees changed: keep the search index in step and bump the content version
 * that cached public pages are checked against (inside w). fts_index reads the state the
 * transition has just stored. */
static int public_changed(sqlite3 *w, const struct release *r, int64_t now)
{
	if (fts_index(w, r->id) < 0)
		return -1;
	return release_bump_version(w, now);
}

int release_reindex_unit(sqlite3 *w, int64_t unit_id, int64_t now)
{
	sqlite3_stmt *st = db_preparef(w, "SELECT id FROM requests WHERE unit_id = ?"
					  " AND state = 'published' ORDER BY id", "i", unit_id);
	if (!st)
		return -1;
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*XPUSH(ids, n) = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	int out = rc == SQLITE_DONE ? 0 : -1;
	for (size_t i = 0; i < n && out == 0; i++)
		out = fts_index(w, ids[i]);
	free(ids);
	return out == 0 ? release_bump_version(w, now) : -1;
}

int release_apply(sqlite3 *w, struct release *r, enum wf_action action, enum wf_state to,
		  int64_t actor, const char *note, int64_t when, const char *client,
		  const char *number_format, int64_t now)
{
	enum wf_state from = r->state;
	if (db_execf(w, "UPDATE requests SET state = ? WHERE id = ? AND state = ?", "tit",
		     workflow_state_name(to), r->id, workflow_state_name(from)) < 0)
		return -1;
	if (sqlite3_changes(w) != 1)
		return -1; /* the state changed under us: the caller reloads */
	int rc = 0;
	switch (to) {
	case WF_SUBMITTED:
		rc = db_execf(w, "UPDATE requests SET submitted_at = ?, assigned_to = NULL WHERE id = ?",
			      "ii", now, r->id);
		r->submitted_at = now;
		break;
	case WF_IN_REVIEW:
		if (action == WF_CLAIM || action == WF_ASSIGN) {
			/* claim: the actor takes it; assign: the caller set r->assigned_to */
			int64_t who = action == WF_CLAIM ? actor : r->assigned_to;
			rc = db_execf(w, "UPDATE requests SET assigned_to = ? WHERE id = ?", "ii", who, r->id);
			r->assigned_to = who;
		} else {
			rc = db_execf(w, "UPDATE requests SET scheduled_for = NULL WHERE id = ?", "i", r->id);
			r->scheduled_for = 0;
		}
		break;
	case WF_SCHEDULED:
		rc = db_execf(w, "UPDATE requests SET scheduled_for = ? WHERE id = ?", "ii", when, r->id);
		r->scheduled_for = when;
		break;
	case WF_PUBLISHED:
		rc = publish(w, r, number_format, now);
		break;
	case WF_UNPUBLISHED:
		rc = db_execf(w, "UPDATE requests SET unpublished_at = ?, unpublish_reason = ? WHERE id = ?",
			      "iti", now, note, r->id);
		r->unpublished_at = now;
		free(r->unpublish_reason);
		r->unpublish_reason = xstrdup(note ? note : "");
		break;
	default:
		break;
	}
	if (rc < 0)
		return -1;
	if ((to == WF_PUBLISHED || from == WF_PUBLISHED) && public_changed(w, r, now) < 0)
		return -1;
	if (db_execf(w, "INSERT INTO transitions (request_id, actor_id, action, from_state, to_state,"
			" note, at, client) VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?)", "iittttit", r->id,
		     actor, workflow_action_name(action), workflow_state_name(from),
		     workflow_state_name(to), note ? note : "", now, client) < 0)
		return -1;
	r->state = to;
	char detail[160];
	snprintf(detail, sizeof detail, "%s -> %s", workflow_state_name(from), workflow_state_name(to));
	if (audit_log(w, actor, workflow_action_name(action), "request", r->id, detail, client, now) < 0 ||
	    notify_transition(w, r, action, from, to, actor, note, now) < 0)
		return -1;
	return 0;
}

int release_publish_due(struct db *db, const char *number_format, int64_t now)
{
	int published = 0;
	for (;;) {
		sqlite3 *w = db_write_begin(db);
		if (!w)
			return -1;
		int64_t id = 0;
		int found = db_int(w, &id, "SELECT id FROM requests WHERE state = 'scheduled'"
					   " AND scheduled_for <= ? ORDER BY scheduled_for, id LIMIT 1",
				   "i", now);
		struct release *r = NULL;
		if (found == 1)
			found = release_load(w, id, &r);
		if (found <= 0 || !r) {
			db_write_rollback(db);
			return found < 0 ? -1 : published;
		}
		enum wf_state to;
		if (workflow_next(r->state, WF_PUBLISH_DUE, WF_ROLE_SYSTEM, 0, &to, NULL) != WF_OK ||
		    release_apply(w, r, WF_PUBLISH_DUE, to, 0, "", 0, "scheduler", number_format, now) < 0) {
			release_free(r);
			db_write_rollback(db);
			return -1;
		}
		release_free(r);
		if (db_write_commit(db) < 0)
			return -1;
		published++;
	}
}

void release_list_free(struct release_list *l)
{
	for (int i = 0; i < l->n; i++)
		release_free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

/* Runs a SELECT_RELEASE listing; the statement is bound by the caller and finalised here. */
static int collect(sqlite3_stmt *st, struct release_list *out)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*XPUSH(out->items, out->n) = row_to_release(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int release_list_published(sqlite3 *c, int page, int per_page, struct release_list *out)
{
	memset(out, 0, sizeof *out);
	if (db_int(c, &out->total, "SELECT COUNT(*) FROM requests WHERE state = 'published'", "") < 0)
		return -1;
	sqlite3_stmt *st = db_preparef(c, SELECT_RELEASE "WHERE r.state = 'published'"
					  " ORDER BY r.published_at DESC, r.id DESC LIMIT ? OFFSET ?",
					  "ii", (int64_t)per_page, (int64_t)(page - 1) * per_page);
	if (!st)
		return -1;
	return collect(st, out);
}

int release_list_requests(sqlite3 *c, const struct request_filter *f, struct release_list *out)
{
	memset(out, 0, sizeof *out);
	const char *state = f->state >= 0 ? workflow_state_name((enum wf_state)f->state) : NULL;
	/* Parameters: unit (0 = any), state (NULL = any), queue flag. */
	const char *where =
		"WHERE (?1 = 0 OR r.unit_id = ?1) AND (?2 IS NULL OR r.state = ?2)"
		" AND (?3 = 0 OR r.state IN ('submitted', 'in_review')) ";
	/* The queue puts first media advisories whose event starts within 48 hours, then the
	 * oldest submissions. */
	const char *queue_order =
		"CASE WHEN r.kind = 'media_advisory' AND r.event_start BETWEEN ?6 AND ?6 + 172800"
		" THEN 0 ELSE 1 END, r.submitted_at ASC, r.id ASC";
	char *count_sql = xasprintf("SELECT COUNT(*) FROM requests r %s", where);
	int rc = db_int(c, &out->total, count_sql, "iti", f->unit_id, state, (int64_t)f->queue);
	free(count_sql);
	if (rc < 0)
		return -1;
	char *sql = xasprintf(SELECT_RELEASE "%s ORDER BY %s LIMIT ?4 OFFSET ?5", where,
			      f->queue ? queue_order : "r.updated_at DESC, r.id DESC");
	sqlite3_stmt *st = db_prepare(c, sql);
	free(sql);
	if (!st || db_bind(st, "itiii", f->unit_id, state, (int64_t)f->queue, (int64_t)f->per_page,
			   (int64_t)(f->page - 1) * f->per_page) < 0 ||
	    (f->queue && sqlite3_bind_int64(st, 6, f->now) != SQLITE_OK)) {
		sqlite3_finalize(st);
		return -1;
	}
	return collect(st, out);
}

int release_history(sqlite3 *c, int64_t id, struct transition_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, "SELECT u.name, t.action, t.from_state, t.to_state, t.note, t.at"
					  " FROM transitions t LEFT JOIN users u ON u.id = t.actor_id"
					  " WHERE t.request_id = ? ORDER BY t.at, t.id", "i", id);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct transition *t = XPUSH(out->items, out->n);
		t->actor_name = db_col_text(st, 0);
		t->action = col_str(st, 1);
		t->from_state = col_str(st, 2);
		t->to_state = col_str(st, 3);
		t->note = col_str(st, 4);
		t->at = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void transition_list_free(struct transition_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].actor_name);
		free(l->items[i].action);
		free(l->items[i].from_state);
		free(l->items[i].to_state);
		free(l->items[i].note);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

/* --- public listings --- */

int release_cursor(const struct release *r, int search, char *out, size_t n)
{
	int k = search ? snprintf(out, n, "s%.17g_%lld", r->score, (long long)r->id)
		       : snprintf(out, n, "%lld_%lld", (long long)r->published_at, (long long)r->id);
	return (k < 0 || (size_t)k >= n) ? -1 : 0;
}

int release_cursor_parse(const char *s, int search, int64_t *at, double *score, int64_t *id)
{
	char *end;
	errno = 0;
	if (search) {
		if (s[0] != 's')
			return -1;
		*score = strtod(s + 1, &end);
		if (end == s + 1 || *end != '_' || *score != *score || errno)
			return -1;
	} else {
		if (!(s[0] >= '0' && s[0] <= '9'))
			return -1;
		*at = strtoll(s, &end, 10);
		if (*end != '_' || errno)
			return -1;
	}
	const char *p = end + 1;
	if (!(*p >= '1' && *p <= '9'))
		return -1;
	*id = strtoll(p, &end, 10);
	return (*end == '\0' && *id > 0 && !errno) ? 0 : -1;
}

/* The filters shared by both listing shapes, on requests aliased f. */
static void add_filters(struct buf *sql, struct db_params *b, const struct release_query *q)
{
	if (q->unit_id) {
		buf_puts(sql, " AND f.unit_id = ?");
		db_param_int(b, q->unit_id);
	}
	if (q->kind) {
		buf_puts(sql, " AND f.kind = ?");
		db_param_text(b, q->kind);
	}
	if (q->from) {
		buf_puts(sql, " AND f.published_at >= ?");
		db_param_int(b, q->from);
	}
	if (q->until) {
		buf_puts(sql, " AND f.published_at < ?");
		db_param_int(b, q->until);
	}
}

/* The snippets of the n releases of a page for an FTS5 query, in one statement: the phrase
 * lookup is done once for the page instead of once per row. Missing ones stay NULL. */
static int page_snippets(sqlite3 *c, const char *fts, struct release **items, int n)
{
	if (n == 0)
		return 0;
	struct buf sql = BUF_INIT;
	buf_puts(&sql, "SELECT rowid, snippet(releases_fts, -1, char(1), char(2), '…', 18)"
		       " FROM releases_fts WHERE releases_fts MATCH ? AND rowid IN (?");
	for (int i = 1; i < n; i++)
		buf_puts(&sql, ", ?");
	buf_puts(&sql, ")");
	sqlite3_stmt *st = db_prepare(c, buf_str(&sql));
	buf_free(&sql);
	int bad = !st || sqlite3_bind_text(st, 1, fts, -1, SQLITE_TRANSIENT) != SQLITE_OK;
	for (int i = 0; i < n && !bad; i++)
		bad = sqlite3_bind_int64(st, i + 2, items[i]->id) != SQLITE_OK;
	if (bad) {
		sqlite3_finalize(st);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (int i = 0; i < n; i++)
			if (items[i]->id == id && !items[i]->snippet)
				items[i]->snippet = db_col_text(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Appends "?, ?, ..." (n placeholders) to sql. */
static void placeholders(struct buf *sql, int n)
{
	for (int i = 0; i < n; i++)
		buf_puts(sql, i ? ", ?" : "?");
}

/* Loads the published releases among ids[0..n) with their quotes in two statements;
 * out[i] stays NULL for one that is not (or no longer) published. Returns 0 or -1. */
static int load_published(sqlite3 *c, const int64_t *ids, int n, struct release **out)
{
	if (n == 0)
		return 0;
	struct buf sql = BUF_INIT;
	buf_puts(&sql, SELECT_RELEASE "WHERE r.state = 'published' AND r.id IN (");
	placeholders(&sql, n);
	buf_puts(&sql, ")");
	sqlite3_stmt *st = db_prepare(c, buf_str(&sql));
	buf_reset(&sql);
	int bad = !st;
	for (int i = 0; i < n && !bad; i++)
		bad = sqlite3_bind_int64(st, i + 1, ids[i]) != SQLITE_OK;
	int rc = SQLITE_ERROR;
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (int i = 0; i < n; i++)
			if (ids[i] == id && !out[i]) {
				out[i] = row_to_release(st);
				break;
			}
	}
	sqlite3_finalize(st);
	if (bad || rc != SQLITE_DONE) {
		buf_free(&sql);
		return -1;
	}
	buf_puts(&sql, "SELECT request_id, speaker, position, text FROM request_quotes"
		       " WHERE request_id IN (");
	placeholders(&sql, n);
	buf_puts(&sql, ") ORDER BY request_id, pos");
	st = db_prepare(c, buf_str(&sql));
	buf_free(&sql);
	bad = !st;
	for (int i = 0; i < n && !bad; i++)
		bad = sqlite3_bind_int64(st, i + 1, ids[i]) != SQLITE_OK;
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (int i = 0; i < n; i++) {
			struct release *r = out[i];
			if (!r || r->id != id || r->nquotes >= RELEASE_MAX_QUOTES)
				continue;
			struct quote *qt = &r->quotes[r->nquotes++];
			qt->speaker = col_str(st, 1);
			qt->position = col_str(st, 2);
			qt->text = col_str(st, 3);
			break;
		}
	}
	sqlite3_finalize(st);
	if (bad || rc != SQLITE_DONE)
		return -1;
	struct media_item **lists = xcalloc((size_t)n, sizeof *lists);
	int *counts = xcalloc((size_t)n, sizeof *counts);
	int mrc = media_load_many(c, ids, n, lists, counts);
	for (int i = 0; i < n; i++) {
		if (out[i] && mrc == 0) {
			out[i]->media = lists[i];
			out[i]->nmedia = counts[i];
		} else {
			media_list_free(lists[i], counts[i]);
		}
	}
	free(lists);
	free(counts);
	return mrc;
}

int release_query(sqlite3 *c, const struct release_query *q, struct release_list *out)
{
	memset(out, 0, sizeof *out);
	int search = q->fts != NULL;
	int64_t at = 0, id = 0;
	double score = 0;
	if (q->after && *q->after && release_cursor_parse(q->after, search, &at, &score, &id) < 0)
		return -2;
	int limit = q->limit < 1 ? 1 : q->limit > 100 ? 100 : q->limit;
	struct buf sql = BUF_INIT;
	struct db_params b;
	memset(&b, 0, sizeof b);
	/* First the ids of the page, touching only the FTS index and a covering index of requests
	 * (never the long body); then each release of the page in full. */
	int filtered = q->unit_id || q->kind || q->from || q->until;
	if (search && !filtered) {
		/* The search index holds published releases only (public_changed keeps it so), so
		 * without filters the ranking needs no join at all. */
		buf_puts(&sql, "SELECT s.rid, s.score FROM (SELECT rowid AS rid,"
			       " bm25(releases_fts, 10.0, 5.0, 1.0, 2.0, 2.0) AS score"
			       " FROM releases_fts WHERE releases_fts MATCH ?) s WHERE 1");
		db_param_text(&b, q->fts);
	} else if (search) {
		/* bm25 weights: title 10, lead 5, body 1, unit name 2, quotes 2. */
		buf_puts(&sql, "SELECT f.id, s.score FROM (SELECT rowid AS rid,"
			       " bm25(releases_fts, 10.0, 5.0, 1.0, 2.0, 2.0) AS score"
			       " FROM releases_fts WHERE releases_fts MATCH ?) s"
			       " JOIN requests f INDEXED BY requests_listing ON f.id = s.rid"
			       " WHERE f.state = 'published'");
		db_param_text(&b, q->fts);
	} else {
		buf_puts(&sql, "SELECT f.id, 0 FROM requests f WHERE f.state = 'published'");
	}
	add_filters(&sql, &b, q);
	if (q->after && *q->after) {
		if (search && !filtered) {
			buf_puts(&sql, " AND (s.score > ? OR (s.score = ? AND s.rid > ?))");
			db_param_double(&b, score);
			db_param_double(&b, score);
		} else if (search) {
			buf_puts(&sql, " AND (s.score > ? OR (s.score = ? AND f.id > ?))");
			db_param_double(&b, score);
			db_param_double(&b, score);
		} else {
			buf_puts(&sql, " AND (f.published_at < ? OR (f.published_at = ? AND f.id < ?))");
			db_param_int(&b, at);
			db_param_int(&b, at);
		}
		db_param_int(&b, id);
	}
	buf_puts(&sql, search && !filtered ? " ORDER BY s.score, s.rid LIMIT ?"
		       : search	      ? " ORDER BY s.score, f.id LIMIT ?"
					      : " ORDER BY f.published_at DESC, f.id DESC LIMIT ?");
	db_param_int(&b, limit + 1);
	sqlite3_stmt *st = db_prepare_params(c, buf_str(&sql), &b);
	buf_free(&sql);
	if (!st)
		return -1;
	int64_t ids[101];
	double scores[101];
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == limit) {
			out->more = 1;
			continue;
		}
		ids[n] = sqlite3_column_int64(st, 0);
		scores[n++] = sqlite3_column_double(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	struct release *page[101] = { NULL };
	if (load_published(c, ids, n, page) < 0) {
		for (int i = 0; i < n; i++)
			release_free(page[i]);
		return -1;
	}
	/* In rank or date order; one unpublished since the ids were read is left out. */
	for (int i = 0; i < n; i++) {
		if (!page[i])
			continue;
		page[i]->score = scores[i];
		*XPUSH(out->items, out->n) = page[i];
	}
	if (search && page_snippets(c, q->fts, out->items, out->n) < 0) {
		release_list_free(out);
		return -1;
	}
	return 0;
}

int release_agenda(sqlite3 *c, int64_t from, int64_t unit_id, int limit, struct release_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, SELECT_RELEASE
		"WHERE r.state = 'published' AND r.kind = 'media_advisory'"
		" AND COALESCE(r.event_end, r.event_start) >= ? AND (?2 = 0 OR r.unit_id = ?2)"
		" ORDER BY r.event_start, r.id LIMIT ?3", "iii", from, unit_id, (int64_t)limit);
	if (!st)
		return -1;
	return collect(st, out);
}

int release_media_changed(sqlite3 *w, int64_t id, int64_t now)
{
	(void)id; /* the search index holds no media: only the cached pages change */
	return db_execf(w, "UPDATE site_state SET content_version = content_version + 1,"
			   " changed_at = MAX(changed_at, ?) WHERE id = 1", "i", now);
}

int release_content_version(sqlite3 *c, int64_t *out)
{
	return db_int(c, out, "SELECT content_version FROM site_state WHERE id = 1", "") == 1 ? 1 : -1;
}

int release_content_changed_at(sqlite3 *c, int64_t *out)
{
	return db_int(c, out, "SELECT changed_at FROM site_state WHERE id = 1", "") == 1 ? 1 : -1;
}

int release_unit_counts(sqlite3 *c, struct unit_count_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(c,
		"SELECT u.code, u.name, u.kind, p.code, COUNT(r.id), COALESCE(MAX(r.published_at), 0)"
		" FROM units u LEFT JOIN units p ON p.id = u.parent_id"
		" LEFT JOIN requests r ON r.unit_id = u.id AND r.state = 'published'"
		" WHERE u.active = 1 OR (u.merged_into IS NULL AND EXISTS (SELECT 1 FROM requests x"
		" WHERE x.unit_id = u.id AND x.state = 'published')) GROUP BY u.id ORDER BY u.name");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct unit_count *u = XPUSH(out->items, out->n);
		u->code = col_str(st, 0);
		u->name = col_str(st, 1);
		u->kind = col_str(st, 2);
		u->parent_code = db_col_text(st, 3);
		u->published = sqlite3_column_int64(st, 4);
		u->last_published = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		unit_count_list_free(out);
		return -1;
	}
	return 0;
}

void unit_count_list_free(struct unit_count_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].code);
		free(l->items[i].name);
		free(l->items[i].kind);
		free(l->items[i].parent_code);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

int release_unit_by_code(sqlite3 *c, const char *code, int64_t *id, char **name)
{
	*id = 0;
	*name = NULL;
	/* A deactivated unit keeps its page and filters; a merged one leads to its successor
	 * (unit_merged_into). */
	sqlite3_stmt *st = db_preparef(c, "SELECT id, name FROM units WHERE code = ?"
					  " AND merged_into IS NULL", "t", code);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	if (found == 1) {
		*id = sqlite3_column_int64(st, 0);
		*name = col_str(st, 1);
	}
	sqlite3_finalize(st);
	return found;
}

/* --- corrections and conversions --- */

int release_correct(sqlite3 *w, struct release *r, const struct release *content,
		    int64_t expected_version, int64_t editor, const char *note, const char *client,
		    int64_t now)
{
	if (r->state != WF_PUBLISHED)
		return -1;
	/* A correction keeps the kind: the number says SP or UL. */
	struct release c = *content;
	c.kind = r->kind;
	int rc = release_update(w, r->id, expected_version, &c, editor, client, now);
	if (rc != 0)
		return rc;
	if (db_execf(w, "INSERT INTO corrections (request_id, version, editor_id, note, at)"
			" VALUES (?, ?, ?, ?, ?)", "iiiti", r->id, expected_version + 1, editor, note,
		     now) < 0 ||
	    db_execf(w, "UPDATE requests SET public_updated_at = ? WHERE id = ?", "ii", now, r->id) < 0 ||
	    db_execf(w, "INSERT INTO transitions (request_id, actor_id, action, from_state, to_state,"
			" note, at, client) VALUES (?, ?, 'correct', 'published', 'published', ?, ?, ?)",
		     "iitit", r->id, editor, note, now, client) < 0 ||
	    audit_log(w, editor, "correct", "request", r->id, note, client, now) < 0 ||
	    public_changed(w, r, now) < 0)
		return -1;
	r->public_updated_at = now;
	return 0;
}

int release_corrections(sqlite3 *c, int64_t id, struct correction_list *out)
{
	out->items = NULL;
	out->n = 0;
	sqlite3_stmt *st = db_preparef(c, "SELECT k.note, u.name, k.at, k.version FROM corrections k"
					  " JOIN users u ON u.id = k.editor_id WHERE k.request_id = ?"
					  " ORDER BY k.at, k.id", "i", id);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct correction *k = XPUSH(out->items, out->n);
		k->note = col_str(st, 0);
		k->editor_name = col_str(st, 1);
		k->at = sqlite3_column_int64(st, 2);
		k->version = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		correction_list_free(out);
		return -1;
	}
	return 0;
}

void correction_list_free(struct correction_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].note);
		free(l->items[i].editor_name);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

int64_t release_convert_advisory(sqlite3 *w, const struct release *adv, int64_t user_id,
				 const char *client, int64_t now)
{
	if (!release_is_advisory(adv))
		return -1;
	struct release c;
	memset(&c, 0, sizeof c);
	char day[16] = "";
	if (adv->event_start) {
		struct wib_tm tm;
		datefmt_wib(adv->event_start, &tm);
		snprintf(day, sizeof day, "%04d-%02d-%02d", tm.year, tm.month, tm.day);
	}
	/* Shallow copies: c only borrows adv's strings (and these buffers) and is not freed. */
	char kind[] = "press_release", empty[] = "";
	c.kind = kind;
	c.title = adv->title;
	c.summary = adv->summary;
	c.body = adv->body;
	c.activity_date = day[0] ? day : NULL;
	c.location = adv->location;
	c.address = empty;
	c.contact_name = adv->contact_name;
	c.contact_position = adv->contact_position;
	c.contact_phone = adv->contact_phone;
	c.contact_email = adv->contact_email;
	c.nquotes = adv->nquotes;
	for (int i = 0; i < adv->nquotes; i++)
		c.quotes[i] = adv->quotes[i];
	int64_t id = release_create(w, &c, adv->unit_id, user_id, client, now);
	if (id < 0)
		return -1;
	char detail[64];
	snprintf(detail, sizeof detail, "from request %lld", (long long)adv->id);
	if (audit_log(w, user_id, "convert", "request", id, detail, client, now) < 0)
		return -1;
	return id;
}
