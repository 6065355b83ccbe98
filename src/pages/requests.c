/* The workbench: contributors create and edit their unit's publication requests, editors work
 * the review queue; every workflow action is a POST to /requests/ID/ACTION. Access is checked
 * here for every object: another unit's request answers 404, a wrong role 403. */
#include "pages/pages.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/notify.h"
#include "core/release.h"
#include "core/session.h"
#include "core/user.h"
#include "core/workflow.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"

#define PER_PAGE 25

static const char *const fields[] = {
	"kind", "title", "summary", "body", "activity_date", "location", "event_start", "event_end",
	"address", "contact_name", "contact_position", "contact_phone", "contact_email", "publish_at",
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Commits the handler's write transaction and goes back to request id's page (303); 0, or -1
 * after answering 503 (page_commit_redirect). */
static int commit_back_to(struct req *r, struct resp *s, int64_t id)
{
	char loc[48];
	snprintf(loc, sizeof loc, "/requests/%lld", (long long)id);
	return page_commit_redirect(r, s, loc);
}

static int load_visible(struct req *r, struct resp *s, sqlite3 *c, struct release **out);
static void show_request_media(struct req *r, struct resp *s, int status, sqlite3 *c,
			       const struct release *rel, const struct release_input *in,
			       const struct release_errors *errs, const char *action_error,
			       int error_action, const struct release_errors *media_errs);

static void show_request(struct req *r, struct resp *s, int status, sqlite3 *c,
			 const struct release *rel, const struct release_input *in,
			 const struct release_errors *errs, const char *action_error, int error_action)
{
	show_request_media(r, s, status, c, rel, in, errs, action_error, error_action, NULL);
}

/* --- access --- */

/* Whether the user may see the request at all (else 404, so existence does not leak). */
static int can_see(const struct auth *u, const struct release *rel)
{
	if (u->role == ROLE_CONTRIBUTOR)
		return u->unit_id != 0 && u->unit_id == rel->unit_id;
	return u->role == ROLE_EDITOR || u->role == ROLE_ADMIN;
}

/* The user's role in the workflow table for this request. */
static unsigned wf_role(const struct auth *u)
{
	return u->role == ROLE_CONTRIBUTOR ? WF_ROLE_CONTRIBUTOR
	       : u->role == ROLE_EDITOR    ? WF_ROLE_EDITOR
					   : WF_ROLE_ADMIN;
}

/* 0 when the user may save edits now; else the HTTP status that says why not. */
static int edit_denied(const struct auth *u, const struct release *rel)
{
	if (u->role == ROLE_CONTRIBUTOR)
		return (rel->state == WF_DRAFT || rel->state == WF_CHANGES_REQUESTED) ? 0 : 409;
	return rel->state == WF_IN_REVIEW ? 0 : 409;
}

int page_request_media_editable(const struct auth *u, const struct release *rel)
{
	return !edit_denied(u, rel) || (u->role != ROLE_CONTRIBUTOR && rel->state == WF_PUBLISHED);
}

void page_requests_show_media(struct req *r, struct resp *s, int status, sqlite3 *c,
			      const struct release *rel, const struct release_errors *errs)
{
	show_request_media(r, s, status, c, rel, NULL, NULL, NULL, -1, errs);
}

int page_request_load(struct req *r, struct resp *s, sqlite3 *c, struct release **out)
{
	return load_visible(r, s, c, out);
}

void page_requests_show(struct req *r, struct resp *s, int status, sqlite3 *c,
			const struct release *rel)
{
	show_request(r, s, status, c, rel, NULL, NULL, NULL, -1);
}

/* Loads request :id for the user: 1 found and visible, else the error page is already sent. */
static int load_visible(struct req *r, struct resp *s, sqlite3 *c, struct release **out)
{
	*out = NULL;
	int64_t id = page_parse_id(r->params.v[0]);
	if (!id) {
		page_error(r, s, 404, NULL);
		return 0;
	}
	int found = c ? release_load(c, id, out) : -1;
	if (found < 0) {
		page_error(r, s, 500, NULL);
		return 0;
	}
	if (found == 0 || !can_see(r->user, *out)) {
		release_free(*out);
		*out = NULL;
		page_error(r, s, 404, NULL);
		return 0;
	}
	return 1;
}

/* --- the form --- */

static void upper(char *dst, size_t n, const char *src, const char *suffix)
{
	size_t k = 0;
	for (; *src && k + 1 < n; src++)
		dst[k++] = (char)toupper((unsigned char)*src);
	dst[k] = '\0';
	snprintf(dst + k, n - k, "%s", suffix);
}

/* Raw values from the submitted form. */
static void input_from_form(struct req *r, struct release_input *in)
{
	memset(in, 0, sizeof *in);
	const char **slots[] = { &in->kind, &in->title, &in->summary, &in->body, &in->activity_date,
				 &in->location, &in->event_start, &in->event_end, &in->address,
				 &in->contact_name, &in->contact_position, &in->contact_phone,
				 &in->contact_email, &in->publish_at };
	for (size_t i = 0; i < NFIELDS; i++)
		*slots[i] = req_form(r, fields[i]);
	size_t max = RELEASE_MAX_QUOTES + 1;
	size_t a = form_get_all(&r->body, "quote_speaker", in->quote_speaker, max);
	size_t b = form_get_all(&r->body, "quote_position", in->quote_position, max);
	size_t c = form_get_all(&r->body, "quote_text", in->quote_text, max);
	size_t n = a > b ? a : b;
	n = n > c ? n : c;
	in->nquotes = (int)(n > max ? max : n);
}

struct time_strings {
	char event_start[24], event_end[24], publish_at[24];
};

/* Form values showing stored content. */
static void input_from_release(const struct release *rel, struct release_input *in,
			       struct time_strings *t)
{
	memset(in, 0, sizeof *in);
	memset(t, 0, sizeof *t);
	in->kind = rel->kind;
	in->title = rel->title;
	in->summary = rel->summary;
	in->body = rel->body;
	in->activity_date = rel->activity_date;
	in->location = rel->location;
	in->address = rel->address;
	in->contact_name = rel->contact_name;
	in->contact_position = rel->contact_position;
	in->contact_phone = rel->contact_phone;
	in->contact_email = rel->contact_email;
	if (rel->event_start)
		datefmt_input_local(rel->event_start, t->event_start, sizeof t->event_start);
	if (rel->event_end)
		datefmt_input_local(rel->event_end, t->event_end, sizeof t->event_end);
	if (rel->publish_at)
		datefmt_input_local(rel->publish_at, t->publish_at, sizeof t->publish_at);
	in->event_start = t->event_start;
	in->event_end = t->event_end;
	in->publish_at = t->publish_at;
	for (int i = 0; i < rel->nquotes; i++) {
		in->quote_speaker[i] = rel->quotes[i].speaker;
		in->quote_position[i] = rel->quotes[i].position;
		in->quote_text[i] = rel->quotes[i].text;
	}
	in->nquotes = rel->nquotes;
}

/* Fills the form template (requests/form.tpl) with values and messages. */
/* What the form's buttons do. */
enum form_mode {
	FORM_CONTRIBUTOR, /* save a draft or submit */
	FORM_EDITOR,      /* save edits during review */
	FORM_CORRECTION,  /* publish a correction of a published release, with a public note */
};

static void fill_form(struct tmpl_dict *page, struct req *r, const char *action, int64_t version,
		      enum form_mode mode, const struct release_input *in,
		      const struct release_errors *errs, const char *correction_note)
{
	struct tmpl_dict *d = tmpl_include(page, "FORM", "requests/form.tpl");
	/* Photos and documents can come with the text (not with a correction). */
	if (mode != FORM_CORRECTION)
		page_media_fill_inputs(tmpl_include(d, "MEDIA_INPUTS", "requests/media_inputs.tpl"),
				       r, errs, "");
	tmpl_set(d, "CORRECTION_NOTE_VALUE", correction_note ? correction_note : "");
	tmpl_set(d, "FORM_ACTION", action);
	tmpl_show(d, mode == FORM_CONTRIBUTOR ? "CAN_SUBMIT" : mode == FORM_EDITOR ? "EDITOR_SAVE"
										 : "CORRECTION");
	/* A correction keeps the kind: the official number says SP or UL. */
	if (mode != FORM_CORRECTION)
		tmpl_show(d, "KIND_CHOICE");
	const char *cmsg = errs ? release_error_for(errs, "correction_note") : NULL;
	if (cmsg)
		tmpl_set(tmpl_add_section(d, "CORRECTION_ERROR"), "MESSAGE", cmsg);
	tmpl_set_int(d, "VERSION", version);
	const char *values[] = { in->kind, in->title, in->summary, in->body, in->activity_date,
				 in->location, in->event_start, in->event_end, in->address,
				 in->contact_name, in->contact_position, in->contact_phone,
				 in->contact_email, in->publish_at };
	for (size_t i = 0; i < NFIELDS; i++) {
		char key[64];
		upper(key, sizeof key, fields[i], "_VALUE");
		tmpl_set(d, key, values[i] ? values[i] : "");
		const char *msg = errs ? release_error_for(errs, fields[i]) : NULL;
		if (msg) {
			upper(key, sizeof key, fields[i], "_ERROR");
			tmpl_set(tmpl_add_section(d, key), "MESSAGE", msg);
		}
	}
	int adv = in->kind && strcmp(in->kind, "media_advisory") == 0;
	tmpl_show(d, adv ? "KIND_MA_CHECKED" : "KIND_PR_CHECKED");
	const char *qmsg = errs ? release_error_for(errs, "quotes") : NULL;
	if (qmsg)
		tmpl_set(tmpl_add_section(d, "QUOTES_ERROR"), "MESSAGE", qmsg);
	/* Stored quotes, then empty rows to add more (the form works without JavaScript). */
	int rows = in->nquotes + 1;
	if (rows < 2)
		rows = 2;
	if (rows > RELEASE_MAX_QUOTES)
		rows = RELEASE_MAX_QUOTES;
	for (int i = 0; i < rows; i++) {
		struct tmpl_dict *q = tmpl_add_section(d, "QUOTE_ROW");
		tmpl_set_int(q, "N", i + 1);
		int has = i < in->nquotes;
		tmpl_set(q, "Q_SPEAKER", has && in->quote_speaker[i] ? in->quote_speaker[i] : "");
		tmpl_set(q, "Q_POSITION", has && in->quote_position[i] ? in->quote_position[i] : "");
		tmpl_set(q, "Q_TEXT", has && in->quote_text[i] ? in->quote_text[i] : "");
	}
	if (errs && errs->n) {
		struct tmpl_dict *sum = tmpl_add_section(d, "ERRORS");
		tmpl_set_int(sum, "ERROR_COUNT", errs->n);
		for (int i = 0; i < errs->n; i++) {
			struct tmpl_dict *e = tmpl_add_section(sum, "ERROR_ITEM");
			tmpl_set(e, "FIELD", errs->e[i].field);
			tmpl_set(e, "MESSAGE", errs->e[i].message);
		}
	}
}

/* --- list --- */

static void fill_row(struct tmpl_dict *it, const struct release *rel, int64_t now)
{
	tmpl_set_int(it, "ID", rel->id);
	tmpl_set(it, "ROW_TITLE", rel->title);
	tmpl_set(it, "ROW_UNIT", rel->unit_name);
	tmpl_set(it, "ROW_UNIT_CODE", rel->unit_code);
	tmpl_set(it, "ROW_KIND", release_is_advisory(rel) ? "Undangan liputan" : "Siaran pers");
	tmpl_set(it, "ROW_STATE", workflow_state_name(rel->state));
	tmpl_set(it, "ROW_STATE_LABEL", workflow_state_label(rel->state));
	page_set_time(it, "ROW_UPDATED", rel->updated_at, datefmt_short);
	page_set_time(it, "ROW_SUBMITTED", rel->submitted_at, datefmt_short);
	if (rel->assigned_name)
		tmpl_set(it, "ROW_ASSIGNED", rel->assigned_name);
	if (release_is_advisory(rel) && rel->event_start >= now && rel->event_start <= now + 48 * 3600 &&
	    (rel->state == WF_SUBMITTED || rel->state == WF_IN_REVIEW))
		tmpl_show(it, "ROW_URGENT");
	/* Waiting time matters only while the request waits for the office. */
	if (rel->submitted_at && (rel->state == WF_SUBMITTED || rel->state == WF_IN_REVIEW)) {
		int64_t hours = (now - rel->submitted_at) / 3600;
		char age[48];
		if (hours < 1)
			snprintf(age, sizeof age, "< 1 jam");
		else if (hours < 48)
			snprintf(age, sizeof age, "%lld jam", (long long)hours);
		else
			snprintf(age, sizeof age, "%lld hari", (long long)(hours / 24));
		tmpl_set(it, "ROW_AGE", age);
	}
}

void page_requests_list(struct req *r, struct resp *s)
{
	const struct auth *u = r->user;
	struct request_filter f = { .state = -1, .page = 1, .per_page = PER_PAGE, .now = clock_now() };
	const char *status = req_query(r, "status");
	const char *unit = req_query(r, "unit");
	const char *pg = req_query(r, "page");
	int all = status && strcmp(status, "all") == 0;
	if (status && *status && strcmp(status, "queue") != 0 && !all) {
		f.state = workflow_state_parse(status);
		if (f.state < 0) {
			page_error(r, s, 400, "Status tidak dikenal.");
			return;
		}
	}
	if (pg && *pg) {
		int64_t v = page_parse_id(pg);
		if (v < 1 || v > 100000) {
			page_error(r, s, 400, "Nomor halaman tidak valid.");
			return;
		}
		f.page = (int)v;
	}
	sqlite3 *c = req_db(r);
	if (!c) {
		page_error(r, s, 500, NULL);
		return;
	}
	int is_staff = u->role != ROLE_CONTRIBUTOR;
	if (!is_staff) {
		f.unit_id = u->unit_id; /* a contributor sees its own unit only, whatever is asked */
	} else {
		if (unit && *unit) {
			char *unit_name = NULL;
			int found = release_unit_by_code(c, unit, &f.unit_id, &unit_name);
			free(unit_name);
			if (found < 0) {
				page_error(r, s, 500, NULL);
				return;
			}
			if (found == 0) {
				page_error(r, s, 400, "Unit tidak dikenal.");
				return;
			}
		}
		f.queue = f.state < 0 && (!status || !*status || strcmp(status, "queue") == 0);
	}
	struct release_list list;
	if (release_list_requests(c, &f, &list) < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, is_staff ? "Antrean Tinjauan" : "Permintaan Publikasi",
					 "requests/list.tpl");
	tmpl_set(d, "HEADING", is_staff ? (f.queue ? "Antrean tinjauan" : "Semua permintaan")
					: "Permintaan publikasi unit Anda");
	if (!is_staff)
		tmpl_set(tmpl_add_section(d, "CONTRIBUTOR"), "UNIT_NAME", u->unit_name);
	else
		tmpl_show(d, "STAFF");
	/* Status filter options, the current one selected. */
	page_option(d, "STATUS_OPTION", is_staff ? "queue" : "",
		    is_staff ? "Antrean (diajukan & ditinjau)" : "Semua status", f.state < 0 && !all);
	if (is_staff)
		page_option(d, "STATUS_OPTION", "all", "Semua status", all);
	for (int st = 0; st < WF_NSTATES; st++)
		page_option(d, "STATUS_OPTION", workflow_state_name((enum wf_state)st),
			    workflow_state_label((enum wf_state)st), f.state == st);
	tmpl_set(d, "UNIT_FILTER", unit ? unit : "");
	int64_t now = clock_now();
	for (int i = 0; i < list.n; i++)
		fill_row(tmpl_add_section(d, "ROW"), list.items[i], now);
	struct tmpl_dict *nav = page_pager(d, list.n, list.total, PER_PAGE, f.page);
	if (nav) {
		tmpl_set(nav, "STATUS_Q", status ? status : "");
		tmpl_set(nav, "UNIT_Q", unit ? unit : "");
	}
	release_list_free(&list);
	page_finish(&p, r, s, 200);
}

/* --- create --- */

static void show_new(struct req *r, struct resp *s, int status, const struct release_input *in,
		     const struct release_errors *errs)
{
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Permintaan baru", "requests/new.tpl");
	tmpl_set(d, "UNIT_NAME", r->user->unit_name);
	fill_form(d, r, "/requests", 0, FORM_CONTRIBUTOR, in, errs, NULL);
	page_finish(&p, r, s, status);
}

void page_requests_new(struct req *r, struct resp *s)
{
	struct release_input in;
	memset(&in, 0, sizeof in);
	const char *kind = req_query(r, "kind");
	in.kind = kind && strcmp(kind, "media_advisory") == 0 ? "media_advisory" : "press_release";
	show_new(r, s, 200, &in, NULL);
}

/* "save" or "submit" from the form's buttons; NULL when neither. */
static const char *form_action(struct req *r)
{
	const char *a = req_form(r, "action");
	if (a && (strcmp(a, "save") == 0 || strcmp(a, "submit") == 0))
		return a;
	return NULL;
}

void page_requests_create(struct req *r, struct resp *s)
{
	const char *action = form_action(r);
	struct release_input in;
	input_from_form(r, &in);
	if (!action) {
		page_error(r, s, 400, "Pilih simpan atau ajukan.");
		return;
	}
	int submit = strcmp(action, "submit") == 0;
	int64_t now = clock_now();
	struct release content;
	struct release_errors errs;
	struct page_media_batch media;
	memset(&media, 0, sizeof media);
	release_validate(&in, submit ? RELEASE_CHECK_SUBMIT : RELEASE_CHECK_DRAFT, now, &content, &errs);
	if (errs.n) {
		show_new(r, s, 422, &in, &errs);
		goto out;
	}
	int mrc = page_media_read(r, &media, &errs);
	if (mrc != 0) {
		if (mrc > 0)
			show_new(r, s, 422, &in, &errs);
		else
			page_error(r, s, 503, "Berkas tidak dapat diproses sekarang. Coba lagi nanti.");
		goto out;
	}
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		goto out;
	int64_t id = release_create(w, &content, r->user->unit_id, r->user->user_id, r->client, now);
	int ok = id > 0;
	if (ok && (mrc = page_media_attach(r, w, id, r->user->unit_id, &media, &errs, now)) != 0) {
		db_write_rollback(r->app->db);
		if (mrc > 0)
			show_new(r, s, 422, &in, &errs);
		else
			page_error(r, s, 500, NULL);
		goto out;
	}
	if (ok && submit) {
		struct release *rel = NULL;
		enum wf_state to;
		ok = release_load(w, id, &rel) == 1 &&
		     workflow_next(rel->state, WF_SUBMIT, WF_ROLE_CONTRIBUTOR, 0, &to, NULL) == WF_OK &&
		     release_apply(w, rel, WF_SUBMIT, to, r->user->user_id, "", 0, r->client,
				   r->app->number_format, now) == 0;
		release_free(rel);
	}
	if (!ok) {
		page_write_abort(r, s, 500, NULL);
		goto out;
	}
	commit_back_to(r, s, id);
out:
	page_media_batch_free(&media);
	release_clear(&content);
}

/* --- view --- */

/* The action forms this user may use on rel now. */
/* Whether the four-eyes rule stops the signed-in editor from approving rel: the same editor
 * created it or saved its current text. */
static int same_editor(const struct req *r, const struct release *rel)
{
	return rel->created_by == r->user->user_id || rel->updated_by == r->user->user_id;
}

static void fill_actions(struct tmpl_dict *d, struct req *r, const struct release *rel,
			 const char *action_error, int error_action)
{
	const struct auth *u = r->user;
	int any = 0;
	for (int a = 0; a < WF_PUBLISH_DUE; a++) {
		enum wf_state to;
		enum wf_needs needs;
		if (workflow_next(rel->state, (enum wf_action)a, wf_role(u), 0, &to, &needs) != WF_OK)
			continue;
		/* Submitting goes through the edit form's own button, which saves first; a separate
		 * button would submit the stored text and drop unsaved edits. */
		if (a == WF_SUBMIT && !edit_denied(u, rel) && error_action != WF_SUBMIT)
			continue;
		if (a == WF_ASSIGN)
			continue; /* its own form, with the choice of editor */
		if (a == WF_APPROVE && r->app->four_eyes && same_editor(r, rel)) {
			any = 1;
			tmpl_show(d, "FOUR_EYES");
			continue;
		}
		any = 1;
		struct tmpl_dict *ad = tmpl_add_section(d, "ACTION");
		tmpl_set(ad, "ACTION_NAME", workflow_action_name((enum wf_action)a));
		tmpl_set(ad, "ACTION_LABEL", workflow_action_label((enum wf_action)a));
		tmpl_set_int(ad, "REQ_ID", rel->id);
		if (needs != WF_NEEDS_NOTHING) {
			struct tmpl_dict *t = tmpl_add_section(ad, "NEEDS_TEXT");
			int is_note = needs == WF_NEEDS_NOTE;
			tmpl_set(t, "TEXT_NAME", is_note ? "note" : "reason");
			tmpl_set(t, "TEXT_LABEL", is_note ? "Catatan perbaikan untuk unit" : "Alasan");
		}
		if (a == WF_APPROVE) {
			struct tmpl_dict *ap = tmpl_add_section(ad, "APPROVE");
			char when[24] = "";
			if (rel->publish_at && rel->publish_at > clock_now())
				datefmt_input_local(rel->publish_at, when, sizeof when);
			tmpl_set(ap, "PUBLISH_AT", when);
		}
		if (a == WF_REJECT || a == WF_UNPUBLISH || a == WF_WITHDRAW)
			tmpl_show(ad, "DANGER");
		if (action_error && error_action == a)
			tmpl_set(tmpl_add_section(ad, "ACTION_ERROR"), "MESSAGE", action_error);
	}
	if (any)
		tmpl_show(d, "HAS_ACTIONS");
}

static void fill_history(struct tmpl_dict *d, sqlite3 *c, int64_t id)
{
	struct transition_list h;
	if (release_history(c, id, &h) < 0)
		return;
	for (int i = 0; i < h.n; i++) {
		struct transition *t = &h.items[i];
		struct tmpl_dict *e = tmpl_add_section(d, "HISTORY");
		tmpl_set(e, "H_ACTOR", t->actor_name ? t->actor_name : "Sistem (jadwal)");
		int a = workflow_action_parse(t->action);
		tmpl_set(e, "H_ACTION", a >= 0 ? workflow_action_label((enum wf_action)a)
					       : workflow_action_label(WF_PUBLISH_DUE));
		int to = workflow_state_parse(t->to_state);
		tmpl_set(e, "H_TO", to >= 0 ? workflow_state_label((enum wf_state)to) : t->to_state);
		tmpl_set(e, "H_NOTE", t->note);
		if (*t->note)
			tmpl_show(e, "H_HAS_NOTE");
		page_set_time(e, "H_AT", t->at, datefmt_short);
	}
	if (h.n)
		tmpl_show(d, "HAS_HISTORY");
	transition_list_free(&h);
}

/* The assignment form for staff while the request can be assigned: the active editors, the
 * current assignee selected. */
static void fill_assign(struct tmpl_dict *d, struct req *r, sqlite3 *c, const struct release *rel)
{
	enum wf_state to;
	if (workflow_next(rel->state, WF_ASSIGN, wf_role(r->user), 0, &to, NULL) != WF_OK)
		return;
	struct staff_list staff;
	if (user_list_staff(c, &staff) < 0)
		return;
	struct tmpl_dict *a = tmpl_add_section(d, "ASSIGN");
	tmpl_set_int(a, "REQ_ID", rel->id);
	for (int i = 0; i < staff.n; i++) {
		struct tmpl_dict *o = tmpl_add_section(a, "EDITOR");
		tmpl_set_int(o, "EDITOR_ID", staff.items[i].id);
		tmpl_set(o, "EDITOR_NAME", staff.items[i].name);
		if (staff.items[i].id == rel->assigned_to)
			tmpl_show(o, "SELECTED");
		if (staff.items[i].id == r->user->user_id)
			tmpl_show(o, "IS_ME");
	}
	staff_list_free(&staff);
}

/* The public corrections of a release. */
static void fill_corrections(struct tmpl_dict *d, sqlite3 *c, const struct release *rel)
{
	struct correction_list k;
	if (!rel->published_at || release_corrections(c, rel->id, &k) < 0)
		return;
	for (int i = 0; i < k.n; i++) {
		struct tmpl_dict *e = tmpl_add_section(d, "CORRECTION_ITEM");
		tmpl_set(e, "C_NOTE", k.items[i].note);
		tmpl_set(e, "C_EDITOR", k.items[i].editor_name);
		page_set_time(e, "C_AT", k.items[i].at, datefmt_long_time);
	}
	if (k.n)
		tmpl_show(d, "HAS_CORRECTIONS");
	correction_list_free(&k);
}

/* Renders the request page. in/errs: a rejected edit to show again; action_error: a refused
 * workflow action's message beside its form; media_errs: refused photos or documents. */
static void show_request_media(struct req *r, struct resp *s, int status, sqlite3 *c,
			       const struct release *rel, const struct release_input *in,
			       const struct release_errors *errs, const char *action_error,
			       int error_action, const struct release_errors *media_errs)
{
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, rel->title, "requests/view.tpl");
	tmpl_set_int(d, "REQ_ID", rel->id);
	tmpl_set(d, "REQ_TITLE", rel->title);
	tmpl_set(d, "REQ_STATE", workflow_state_name(rel->state));
	tmpl_set(d, "REQ_STATE_LABEL", workflow_state_label(rel->state));
	tmpl_set(d, "REQ_KIND", release_is_advisory(rel) ? "Undangan liputan" : "Siaran pers");
	tmpl_set(d, "REQ_UNIT", rel->unit_name);
	tmpl_set(d, "REQ_CREATED_BY", rel->created_by_name);
	tmpl_set_int(d, "REQ_VERSION", rel->version);
	page_set_time(d, "REQ_CREATED", rel->created_at, datefmt_short);
	page_set_time(d, "REQ_UPDATED", rel->updated_at, datefmt_short);
	tmpl_set(d, "REQ_UPDATED_BY", rel->updated_by_name);
	if (rel->assigned_name)
		tmpl_set(tmpl_add_section(d, "ASSIGNED"), "REQ_ASSIGNED", rel->assigned_name);
	if (rel->number)
		tmpl_set(tmpl_add_section(d, "NUMBERED"), "REQ_NUMBER", rel->number);
	if (rel->state == WF_PUBLISHED && rel->slug)
		tmpl_set(tmpl_add_section(d, "PUBLIC_LINK"), "SLUG", rel->slug);
	if (rel->scheduled_for)
		page_set_time(tmpl_add_section(d, "SCHEDULED"), "REQ_SCHEDULED", rel->scheduled_for,
			      datefmt_long_time);
	if (rel->publish_at)
		page_set_time(tmpl_add_section(d, "REQUESTED_TIME"), "REQ_PUBLISH_AT", rel->publish_at,
			      datefmt_long_time);
	if (rel->unpublish_reason)
		tmpl_set(tmpl_add_section(d, "UNPUBLISHED"), "REQ_REASON", rel->unpublish_reason);

	fill_actions(d, r, rel, action_error, error_action);
	fill_assign(d, r, c, rel);
	if (release_is_advisory(rel) && rel->event_start && rel->event_start < clock_now() &&
	    (rel->state == WF_PUBLISHED || r->user->role != ROLE_CONTRIBUTOR))
		tmpl_set_int(tmpl_add_section(d, "CONVERT"), "REQ_ID", rel->id);
	fill_corrections(d, c, rel);
	int correcting = rel->state == WF_PUBLISHED && r->user->role != ROLE_CONTRIBUTOR;
	if (!edit_denied(r->user, rel) || correcting) {
		struct release_input stored;
		struct time_strings ts;
		input_from_release(rel, &stored, &ts);
		char action[64];
		snprintf(action, sizeof action, correcting ? "/requests/%lld/correct" : "/requests/%lld",
			 (long long)rel->id);
		if (correcting) {
			struct tmpl_dict *cs = tmpl_add_section(d, "CORRECTING");
			if (errs) /* a refused correction comes back open */
				tmpl_show(cs, "CORRECTION_OPEN");
		} else {
			tmpl_show(d, "EDITABLE");
		}
		fill_form(d, r, action, rel->version,
			  correcting ? FORM_CORRECTION
				     : r->user->role == ROLE_CONTRIBUTOR ? FORM_CONTRIBUTOR : FORM_EDITOR,
			  in ? in : &stored, errs, req_form(r, "correction_note"));
	} else {
		struct tmpl_dict *ro = tmpl_add_section(d, "READONLY");
		page_fill_release(ro, rel);
	}
	page_media_fill(d, r, rel, page_request_media_editable(r->user, rel), media_errs);
	fill_history(d, c, rel->id);
	page_diff_fill(d, r, c, rel);
	page_comments_fill(d, r, c, rel);
	page_finish(&p, r, s, status);
}

void page_requests_view(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!load_visible(r, s, c, &rel))
		return;
	show_request(r, s, 200, c, rel, NULL, NULL, NULL, -1);
	release_free(rel);
}

void page_requests_preview(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!load_visible(r, s, c, &rel))
		return;
	struct page p;
	const char *file = release_is_advisory(rel) ? "release/media_advisory.tpl"
						    : "release/press_release.tpl";
	struct tmpl_dict *d = page_begin(&p, r, rel->title, file);
	page_fill_release(d, rel);
	struct tmpl_dict *pv = tmpl_add_section(d, "PREVIEW");
	tmpl_set_int(pv, "REQ_ID", rel->id);
	tmpl_set(pv, "REQ_STATE_LABEL", workflow_state_label(rel->state));
	release_free(rel);
	page_finish(&p, r, s, 200);
}

/* --- save and act --- */

/* The version of rel the form was read from (its hidden field; rel's own when absent). 0, or
 * -1 after answering 400. */
static int form_version(struct req *r, struct resp *s, const struct release *rel, int64_t *version)
{
	*version = rel->version;
	const char *vs = req_form(r, "version");
	if (vs && *vs && !(*version = page_parse_id(vs))) {
		page_error(r, s, 400, "Versi tidak valid.");
		return -1;
	}
	return 0;
}

/* release_update or release_correct of request id answered rc (1 or -1) inside the handler's
 * transaction: rolls back; for 1, someone saved in between, shows both versions (the stored one
 * and content) and overwrites nothing; otherwise 500. */
static void save_failed(struct req *r, struct resp *s, int64_t id, const struct release *content,
			int rc)
{
	db_write_rollback(r->app->db);
	if (rc != 1) {
		page_error(r, s, 500, NULL);
		return;
	}
	struct release *stored = NULL;
	if (release_load(req_db(r), id, &stored) == 1)
		page_diff_conflict(r, s, req_db(r), stored, content);
	else
		page_error(r, s, 409, NULL);
	release_free(stored);
}

void page_requests_save(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!load_visible(r, s, c, &rel))
		return;
	const char *action = form_action(r);
	struct release_input in;
	input_from_form(r, &in);
	struct release content;
	memset(&content, 0, sizeof content);
	struct page_media_batch media;
	memset(&media, 0, sizeof media);
	int denied = edit_denied(r->user, rel);
	if (denied) {
		page_error(r, s, denied, "Permintaan ini tidak dapat diubah pada status saat ini.");
		goto out;
	}
	if (!action) {
		page_error(r, s, 400, "Pilih simpan atau ajukan.");
		goto out;
	}
	int submit = strcmp(action, "submit") == 0;
	enum wf_state to = rel->state;
	if (submit && workflow_next(rel->state, WF_SUBMIT, wf_role(r->user), 0, &to, NULL) != WF_OK) {
		page_error(r, s, 403, "Hanya kontributor unit yang dapat mengajukan permintaan.");
		goto out;
	}
	int64_t now = clock_now();
	struct release_errors errs;
	release_validate(&in, submit ? RELEASE_CHECK_SUBMIT : RELEASE_CHECK_DRAFT, now, &content, &errs);
	if (errs.n) {
		show_request(r, s, 422, c, rel, &in, &errs, NULL, -1);
		goto out;
	}
	int mrc = page_media_read(r, &media, &errs);
	if (mrc != 0) {
		if (mrc > 0)
			show_request(r, s, 422, c, rel, &in, &errs, NULL, -1);
		else
			page_error(r, s, 503, "Berkas tidak dapat diproses sekarang. Coba lagi nanti.");
		goto out;
	}
	int64_t version;
	if (form_version(r, s, rel, &version) < 0)
		goto out;
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		goto out;
	/* The state may have changed since the page was read (a claim, a submission): check the
	 * edit rule again on the row as it is now, inside the transaction. */
	struct release *now_row = NULL;
	int rc = release_load(w, rel->id, &now_row) == 1 ? 0 : -1;
	int denied_now = rc == 0 ? edit_denied(r->user, now_row) : 0;
	release_free(now_row);
	if (denied_now) {
		page_write_abort(r, s, 409, "Status permintaan ini baru saja berubah; perubahan tidak "
					    "disimpan. Muat ulang halaman.");
		goto out;
	}
	if (rc == 0)
		rc = release_update(w, rel->id, version, &content, r->user->user_id, r->client, now);
	if (rc == 0 && (mrc = page_media_attach(r, w, rel->id, rel->unit_id, &media, &errs, now)) != 0) {
		db_write_rollback(r->app->db);
		if (mrc > 0)
			show_request(r, s, 422, c, rel, &in, &errs, NULL, -1);
		else
			page_error(r, s, 500, NULL);
		goto out;
	}
	if (rc == 0 && submit) {
		struct release *fresh = NULL;
		rc = (release_load(w, rel->id, &fresh) == 1 && fresh->state == rel->state &&
		      release_apply(w, fresh, WF_SUBMIT, to, r->user->user_id, "", 0, r->client,
				    r->app->number_format, now) == 0) ? 0 : -1;
		release_free(fresh);
	}
	if (rc != 0) {
		save_failed(r, s, rel->id, &content, rc);
		goto out;
	}
	commit_back_to(r, s, rel->id);
out:
	page_media_batch_free(&media);
	release_free(rel);
	release_clear(&content);
}

/* A trimmed, non-empty text field for a note or reason, at most 2000 characters; NULL if not. */
static char *note_field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	if (!v)
		return NULL;
	while (*v && isspace((unsigned char)*v))
		v++;
	size_t n = strlen(v);
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	if (!n || n > 8000)
		return NULL;
	return xstrndup(v, n);
}

void page_requests_act(struct req *r, struct resp *s)
{
	int a = workflow_action_parse(r->params.v[1]);
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!load_visible(r, s, c, &rel))
		return;
	char *note = NULL;
	if (a < 0) {
		page_error(r, s, 404, NULL);
		goto out;
	}
	enum wf_action action = (enum wf_action)a;
	int64_t now = clock_now();
	int64_t when = 0;
	if (action == WF_APPROVE) {
		const char *pa = req_form(r, "publish_at");
		if (pa && *pa && datefmt_parse_local(pa, &when) < 0) {
			show_request(r, s, 422, c, rel, NULL, NULL,
				     "Waktu terbit tidak valid (tanggal dan jam, WIB).", a);
			goto out;
		}
	}
	enum wf_state to;
	enum wf_needs needs;
	switch (workflow_next(rel->state, action, wf_role(r->user), when > now, &to, &needs)) {
	case WF_EROLE:
		page_error(r, s, 403, "Peran Anda tidak dapat melakukan tindakan ini.");
		goto out;
	case WF_ESTATE: {
		char msg[200];
		snprintf(msg, sizeof msg, "Tindakan \"%s\" tidak dapat dilakukan pada status \"%s\".",
			 workflow_action_label(action), workflow_state_label(rel->state));
		page_error(r, s, 409, msg);
		goto out;
	}
	case WF_OK:
		break;
	}
	if (action == WF_APPROVE && same_editor(r, rel)) {
		if (r->app->four_eyes) {
			page_error(r, s, 403, "Aturan empat mata: Anda membuat atau terakhir mengubah "
					      "permintaan ini, jadi editor lain yang harus menyetujuinya.");
			goto out;
		}
		/* Allowed by configuration; the history says so. */
		note = xstrdup("Disetujui oleh editor yang juga membuat atau terakhir mengubahnya "
			       "(aturan empat mata dinonaktifkan).");
	}
	if (needs != WF_NEEDS_NOTHING) {
		note = note_field(r, needs == WF_NEEDS_NOTE ? "note" : "reason");
		if (!note) {
			show_request(r, s, 422, c, rel, NULL, NULL,
				     needs == WF_NEEDS_NOTE ? "Tuliskan catatan perbaikan untuk unit."
							    : "Tuliskan alasannya.", a);
			goto out;
		}
	}
	if (action == WF_SUBMIT) {
		struct release_errors errs;
		if (release_check_complete(rel, now, &errs)) {
			struct release_input stored;
			struct time_strings ts;
			input_from_release(rel, &stored, &ts);
			show_request(r, s, 422, c, rel, &stored, &errs,
				     "Lengkapi isian yang ditandai sebelum mengajukan.", a);
			goto out;
		}
	}
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		goto out;
	/* Re-read inside the transaction: another editor may have acted meanwhile. */
	struct release *fresh = NULL;
	int ok = release_load(w, rel->id, &fresh) == 1;
	if (ok && fresh->state != rel->state) {
		release_free(fresh);
		page_write_abort(r, s, 409, "Status permintaan ini baru saja berubah. Muat ulang halaman.");
		goto out;
	}
	ok = ok && release_apply(w, fresh, action, to, r->user->user_id, note, when, r->client,
				 r->app->number_format, now) == 0;
	release_free(fresh);
	if (!ok) {
		page_write_abort(r, s, 500, NULL);
		goto out;
	}
	if (commit_back_to(r, s, rel->id) == 0)
		log_info("request %lld: %s by user %lld", (long long)rel->id,
			 workflow_action_name(action), (long long)r->user->user_id);
out:
	free(note);
	release_free(rel);
}

void page_requests_assign(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!load_visible(r, s, c, &rel))
		return;
	enum wf_state to;
	int64_t assignee = page_parse_id(req_form(r, "assignee"));
	int64_t now = clock_now();
	switch (workflow_next(rel->state, WF_ASSIGN, wf_role(r->user), 0, &to, NULL)) {
	case WF_EROLE:
		page_error(r, s, 403, NULL);
		goto out;
	case WF_ESTATE:
		page_error(r, s, 409, "Permintaan ini tidak dapat ditugaskan pada status saat ini.");
		goto out;
	case WF_OK:
		break;
	}
	int staff = assignee ? user_is_staff(c, assignee) : 0;
	if (staff < 0) {
		page_error(r, s, 500, NULL);
		goto out;
	}
	if (!staff) {
		show_request(r, s, 422, c, rel, NULL, NULL, "Pilih editor yang aktif.", WF_ASSIGN);
		goto out;
	}
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		goto out;
	struct release *fresh = NULL;
	int ok = release_load(w, rel->id, &fresh) == 1 && fresh->state == rel->state;
	if (ok) {
		char note[300];
		struct staff_list list;
		const char *name = "";
		if (user_list_staff(w, &list) == 0) {
			for (int i = 0; i < list.n; i++)
				if (list.items[i].id == assignee)
					name = list.items[i].name;
			snprintf(note, sizeof note, "Ditugaskan kepada %s.", name);
			staff_list_free(&list);
		} else {
			snprintf(note, sizeof note, "Ditugaskan.");
		}
		fresh->assigned_to = assignee;
		ok = release_apply(w, fresh, WF_ASSIGN, to, r->user->user_id, note, 0, r->client,
				   r->app->number_format, now) == 0 &&
		     notify_assigned(w, fresh, assignee, r->user->user_id, now) == 0;
	}
	release_free(fresh);
	if (!ok) {
		page_write_abort(r, s, 409, "Status permintaan ini baru saja berubah. Muat ulang halaman.");
		goto out;
	}
	commit_back_to(r, s, rel->id);
out:
	release_free(rel);
}

void page_requests_convert(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!load_visible(r, s, c, &rel))
		return;
	int64_t now = clock_now();
	if (!release_is_advisory(rel) || !rel->event_start || rel->event_start >= now) {
		page_error(r, s, 409, "Hanya undangan liputan yang acaranya sudah berlangsung yang dapat "
				      "dijadikan siaran pers.");
		goto out;
	}
	if (r->user->role == ROLE_CONTRIBUTOR && rel->state != WF_PUBLISHED) {
		page_error(r, s, 409, "Undangan liputan ini belum terbit.");
		goto out;
	}
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		goto out;
	int64_t id = release_convert_advisory(w, rel, r->user->user_id, r->client, now);
	if (id < 0) {
		page_write_abort(r, s, 500, NULL);
		goto out;
	}
	commit_back_to(r, s, id);
out:
	release_free(rel);
}

void page_requests_correct(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release *rel;
	if (!load_visible(r, s, c, &rel))
		return;
	struct release content;
	memset(&content, 0, sizeof content);
	char *note = NULL;
	if (rel->state != WF_PUBLISHED) {
		page_error(r, s, 409, "Ralat hanya untuk siaran yang sedang terbit.");
		goto out;
	}
	struct release_input in;
	input_from_form(r, &in);
	int64_t now = clock_now();
	struct release_errors errs;
	/* A correction keeps the kind (the number says SP or UL); the requested publication time
	 * means nothing for what is already out. */
	in.kind = rel->kind;
	in.publish_at = NULL;
	release_validate(&in, RELEASE_CHECK_SUBMIT, now, &content, &errs);
	note = note_field(r, "correction_note");
	if (!note && errs.n < RELEASE_MAX_ERRORS) {
		errs.e[errs.n].field = "correction_note";
		snprintf(errs.e[errs.n].message, sizeof errs.e[errs.n].message,
			 "Tuliskan catatan ralat untuk pembaca: apa yang diperbaiki.");
		errs.n++;
	}
	if (errs.n) {
		show_request(r, s, 422, c, rel, &in, &errs, NULL, -1);
		goto out;
	}
	int64_t version;
	if (form_version(r, s, rel, &version) < 0)
		goto out;
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		goto out;
	struct release *fresh = NULL;
	int rc = release_load(w, rel->id, &fresh) == 1
		? release_correct(w, fresh, &content, version, r->user->user_id, note, r->client, now)
		: -1;
	release_free(fresh);
	if (rc != 0) {
		save_failed(r, s, rel->id, &content, rc);
		goto out;
	}
	commit_back_to(r, s, rel->id);
out:
	free(note);
	release_free(rel);
	release_clear(&content);
}

int page_request_visible(const struct auth *u, const struct release *rel)
{
	return can_see(u, rel);
}

int page_request_form(struct tmpl_dict *page, struct req *r, const struct release *rel,
		      const struct release *content)
{
	int correcting = rel->state == WF_PUBLISHED && r->user->role != ROLE_CONTRIBUTOR;
	if (edit_denied(r->user, rel) && !correcting)
		return -1;
	struct release_input in;
	struct time_strings ts;
	input_from_release(content ? content : rel, &in, &ts);
	char action[64];
	snprintf(action, sizeof action, correcting ? "/requests/%lld/correct" : "/requests/%lld",
		 (long long)rel->id);
	fill_form(page, r, action, rel->version,
		  correcting ? FORM_CORRECTION
			     : r->user->role == ROLE_CONTRIBUTOR ? FORM_CONTRIBUTOR : FORM_EDITOR,
		  &in, NULL, req_form(r, "correction_note"));
	return 0;
}
