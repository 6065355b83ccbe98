/* Notifications (see notify.h): who hears about what, the in-app rows, and the e-mails, rendered
 * from templates/email/ (plain text and HTML) into the outbox inside the caller's write
 * transaction, so that a change and its messages commit or vanish together. */
#include "core/notify.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/release.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"
#include "view/tmpl.h"

/* Set by notify_init from the main thread, possibly while request threads and the scheduler
 * already run: guarded by config_lock; readers take copies. base NULL = notifications off. */
static pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
static char *config_base; /* the site's public URL, no trailing slash */
static char *config_host; /* the domain of Message-IDs */

struct config {
	char *base, *host;
};

static void config_free(struct config *c)
{
	free(c->base);
	free(c->host);
}

/* Copies the configuration. Returns 1, or 0 when notifications are off. */
static int config_get(struct config *c)
{
	pthread_mutex_lock(&config_lock);
	c->base = config_base ? xstrdup(config_base) : NULL;
	c->host = config_host ? xstrdup(config_host) : NULL;
	pthread_mutex_unlock(&config_lock);
	return c->base != NULL;
}

/* The domain of an address when it is a plain host name, else "localhost". */
static char *host_of(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	if (!at || !at[1] || strlen(at + 1) > 200)
		return xstrdup("localhost");
	for (const char *p = at + 1; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
			return xstrdup("localhost");
	return xstrdup(at + 1);
}

void notify_init(const char *base_url, const char *from_address)
{
	char *base = xstrdup(base_url ? base_url : "");
	char *host = host_of(from_address);
	pthread_mutex_lock(&config_lock);
	char *old_base = config_base, *old_host = config_host;
	config_base = base;
	config_host = host;
	pthread_mutex_unlock(&config_lock);
	free(old_base);
	free(old_host);
}

void notify_shutdown(void)
{
	pthread_mutex_lock(&config_lock);
	char *old_base = config_base, *old_host = config_host;
	config_base = config_host = NULL;
	pthread_mutex_unlock(&config_lock);
	free(old_base);
	free(old_host);
}

/* --- who and what --- */

struct recipient {
	int64_t id;
	char *email, *name;
};

struct recipients {
	struct recipient *v;
	int n;
};

static void recipients_free(struct recipients *rs)
{
	for (int i = 0; i < rs->n; i++) {
		free(rs->v[i].email);
		free(rs->v[i].name);
	}
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

/* Appends the rows (id, email, name) of a prepared and bound statement, which it finalises.
 * Returns 0 or -1. */
static int collect(sqlite3_stmt *st, struct recipients *rs)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct recipient *u = XPUSH(rs->v, rs->n);
		u->id = sqlite3_column_int64(st, 0);
		u->email = db_col_text(st, 1);
		u->name = db_col_text(st, 2);
		if (!u->email)
			u->email = xstrdup("");
		if (!u->name)
			u->name = xstrdup("");
	}
	if (rc != SQLITE_DONE)
		log_error("notify: reading recipients: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

#define USER_COLS "SELECT id, email, name FROM users "

/* The unit's active contributors, the actor left out. */
static int unit_contributors(sqlite3 *w, int64_t unit_id, int64_t actor, struct recipients *rs)
{
	sqlite3_stmt *st = db_preparef(w, USER_COLS "WHERE role = 'contributor' AND unit_id = ?"
					  " AND active = 1 AND id <> ? ORDER BY id",
					  "ii", unit_id, actor);
	if (!st)
		return -1;
	return collect(st, rs);
}

/* All active editors, the actor left out. */
static int editors(sqlite3 *w, int64_t actor, struct recipients *rs)
{
	sqlite3_stmt *st = db_preparef(w, USER_COLS "WHERE role = 'editor' AND active = 1 AND id <> ?"
					  " ORDER BY id", "i", actor);
	if (!st)
		return -1;
	return collect(st, rs);
}

static int one_user(sqlite3 *w, int64_t id, struct recipients *rs)
{
	sqlite3_stmt *st = db_preparef(w, USER_COLS "WHERE id = ? AND active = 1", "i", id);
	if (!st)
		return -1;
	return collect(st, rs);
}

/* The actor's name; NULL for the system or when unknown. */
static char *actor_name(sqlite3 *w, int64_t actor)
{
	if (!actor)
		return NULL;
	struct recipients rs = { NULL, 0 };
	char *name = NULL;
	if (one_user(w, actor, &rs) == 0 && rs.n == 1) {
		name = rs.v[0].name;
		rs.v[0].name = NULL;
	}
	recipients_free(&rs);
	return name;
}

/* What one message says. */
struct event {
	char tag[256];          /* short label: subject and in-app line start with it */
	char headline[512];     /* the opening sentence of the e-mail */
	const char *note_label; /* heading over the note or reason */
	char reason[256];       /* why the recipient gets this (the e-mail's last line) */
};

/* The message to the unit's contributors about a transition. */
static void contributor_event(struct event *ev, const struct release *r, enum wf_action action,
			      enum wf_state from, enum wf_state to)
{
	const char *tag = "Status berubah";
	const char *headline = "Status permintaan publikasi unit Anda berubah.";
	ev->note_label = "Catatan";
	switch (to) {
	case WF_SUBMITTED:
		if (from == WF_CHANGES_REQUESTED) {
			tag = "Diajukan kembali";
			headline = "Permintaan publikasi unit Anda telah diajukan kembali ke Humas"
				   " setelah diperbaiki dan menunggu tinjauan.";
		} else {
			tag = "Diajukan";
			headline = "Permintaan publikasi unit Anda telah diajukan ke Humas dan"
				   " menunggu tinjauan.";
		}
		break;
	case WF_IN_REVIEW:
		if (action == WF_UNSCHEDULE) {
			tag = "Jadwal terbit dibatalkan";
			headline = "Jadwal terbit permintaan publikasi unit Anda dibatalkan; permintaan"
				   " kembali dalam tinjauan Humas.";
		} else {
			tag = "Sedang ditinjau";
			headline = "Editor Humas mulai meninjau permintaan publikasi unit Anda.";
		}
		break;
	case WF_CHANGES_REQUESTED:
		tag = "Perlu perbaikan";
		headline = "Editor Humas meminta perbaikan pada permintaan publikasi unit Anda."
			   " Perbaiki sesuai catatan di bawah, lalu ajukan kembali.";
		ev->note_label = "Catatan perbaikan";
		break;
	case WF_REJECTED:
		tag = "Ditolak";
		headline = "Permintaan publikasi unit Anda ditolak oleh Humas.";
		ev->note_label = "Alasan penolakan";
		break;
	case WF_SCHEDULED:
		tag = "Disetujui, dijadwalkan terbit";
		headline = "Permintaan publikasi unit Anda disetujui dan dijadwalkan terbit.";
		break;
	case WF_PUBLISHED:
		tag = "Terbit";
		headline = action == WF_PUBLISH_DUE
				   ? "Siaran unit Anda telah terbit sesuai jadwal."
				   : "Permintaan publikasi unit Anda disetujui dan telah terbit.";
		break;
	case WF_UNPUBLISHED:
		tag = "Ditarik dari publikasi";
		headline = "Siaran unit Anda ditarik dari publikasi oleh Humas.";
		ev->note_label = "Alasan penarikan";
		break;
	case WF_WITHDRAWN:
		tag = "Ditarik oleh unit";
		headline = "Permintaan publikasi unit Anda ditarik kembali oleh unit dan tidak"
			   " diproses lebih lanjut.";
		break;
	default:
		break;
	}
	snprintf(ev->tag, sizeof ev->tag, "%s", tag);
	snprintf(ev->headline, sizeof ev->headline, "%s", headline);
	snprintf(ev->reason, sizeof ev->reason,
		 "Anda menerima pesan ini sebagai kontributor %s.", r->unit_name);
}

/* The message to the editors about a submission or resubmission. */
static void editor_event(struct event *ev, const struct release *r, enum wf_state from)
{
	int again = from == WF_CHANGES_REQUESTED;
	snprintf(ev->tag, sizeof ev->tag, "%s %s", again ? "Diajukan kembali oleh" : "Permintaan baru dari",
		 r->unit_name);
	snprintf(ev->headline, sizeof ev->headline, "%s %s", r->unit_name,
		 again ? "mengajukan kembali permintaan publikasi setelah perbaikan. Permintaan ini"
			 " menunggu tinjauan."
		       : "mengajukan permintaan publikasi baru yang menunggu tinjauan.");
	ev->note_label = "Catatan";
	snprintf(ev->reason, sizeof ev->reason, "%s",
		 "Anda menerima pesan ini sebagai editor Humas.");
}

/* --- writing --- */

/* Appends s cut to at most max bytes at a character boundary, with "…" when cut. */
static void append_clipped(struct buf *b, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) {
		buf_puts(b, s);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	buf_append(b, s, max);
	buf_puts(b, "…");
}

/* One line of text with every run of white space (line breaks included) made one space. */
static void append_one_line(struct buf *b, const char *s, size_t max)
{
	struct buf flat = BUF_INIT;
	int space = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			space = 1;
			continue;
		}
		if (space && flat.len)
			buf_putc(&flat, ' ');
		space = 0;
		buf_putc(&flat, *s);
	}
	append_clipped(b, buf_str(&flat), max);
	buf_free(&flat);
}

/* Renders an e-mail template; NULL (logged by tmpl) on failure. Leading blank lines, which
 * template comments leave behind, are dropped. */
static char *render(const char *file, const struct tmpl_dict *d)
{
	struct buf b = BUF_INIT;
	if (tmpl_render(file, d, &b) < 0) {
		buf_free(&b);
		return NULL;
	}
	const char *s = buf_str(&b);
	size_t skip = strspn(s, "\r\n");
	char *out = xstrdup(s + skip);
	buf_free(&b);
	return out;
}

struct context {
	const struct config *cfg;
	const struct release *r;
	enum wf_state to;
	const char *actor_name; /* NULL: the system */
	const char *note;       /* "" or NULL: none */
	int64_t now;
};

/* The values both e-mail templates show. */
static void fill_mail(struct tmpl_dict *d, const struct context *cx, const struct recipient *u,
		      const struct event *ev)
{
	const struct release *r = cx->r;
	tmpl_set(d, "GREETING_NAME", u->name);
	tmpl_set(d, "HEADLINE", ev->headline);
	tmpl_set(d, "REQ_TITLE", r->title);
	tmpl_set(d, "REQ_KIND", release_is_advisory(r) ? "Undangan liputan" : "Siaran pers");
	tmpl_set(d, "REQ_UNIT", r->unit_name);
	tmpl_set(d, "STATE_LABEL", workflow_state_label(cx->to));
	if (cx->actor_name)
		tmpl_set(tmpl_add_section(d, "ACTOR"), "ACTOR_NAME", cx->actor_name);
	if (cx->note && *cx->note) {
		struct tmpl_dict *n = tmpl_add_section(d, "NOTE");
		tmpl_set(n, "NOTE_LABEL", ev->note_label);
		tmpl_set(n, "NOTE", cx->note);
	}
	char when[96];
	if (cx->to == WF_SCHEDULED && r->scheduled_for &&
	    datefmt_long_time(r->scheduled_for, when, sizeof when) >= 0)
		tmpl_set(tmpl_add_section(d, "SCHEDULED"), "SCHEDULED_AT", when);
	if (cx->to == WF_PUBLISHED) {
		struct tmpl_dict *p = tmpl_add_section(d, "PUBLISHED");
		if (r->number)
			tmpl_set(tmpl_add_section(p, "NUMBERED"), "REL_NUMBER", r->number);
		if (r->slug) {
			char *url = xasprintf("%s/releases/%s", cx->cfg->base, r->slug);
			tmpl_set(tmpl_add_section(p, "PUBLIC"), "PUBLIC_URL", url);
			free(url);
		}
	}
	char *link = xasprintf("%s/requests/%lld", cx->cfg->base, (long long)r->id);
	tmpl_set(d, "REQUEST_URL", link);
	free(link);
	tmpl_set(d, "REASON", ev->reason);
}

/* Writes one message to the outbox; its Message-ID embeds the row's id. Returns 0 or -1. */
static int outbox_put(sqlite3 *w, const struct config *cfg, int64_t user_id, int64_t request_id,
		      const char *to, const char *to_name, const char *subject, const char *text,
		      const char *html, int sensitive, int64_t now)
{
	unsigned char rnd[12];
	char token[sizeof rnd * 2 + 1];
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(token, sizeof token, rnd, sizeof rnd);
	char *provisional = xasprintf("<new.%s@%s>", token, cfg->host);
	int rc = db_execf(w, "INSERT INTO outbox (user_id, request_id, to_addr, to_name, subject,"
			     " body_text, body_html, message_id, created_at, next_attempt_at, sensitive)"
			     " VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?)", "iittttttiii",
			  user_id, request_id, to, to_name, subject, text, html, provisional, now, now,
			  (int64_t)sensitive);
	free(provisional);
	if (rc < 0)
		return -1;
	/* The row's id goes into its Message-ID, which then never changes. */
	int64_t id = db_last_id(w);
	char *msgid = xasprintf("<outbox-%lld.%s@%s>", (long long)id, token, cfg->host);
	rc = db_execf(w, "UPDATE outbox SET message_id = ? WHERE id = ?", "ti", msgid, id);
	free(msgid);
	return rc;
}

/* The in-app notification and the e-mail for one recipient. Returns 0 or -1. */
static int notify_one(sqlite3 *w, const struct context *cx, const struct recipient *u,
		      const struct event *ev)
{
	const struct release *r = cx->r;
	struct buf line = BUF_INIT;
	buf_printf(&line, "%s: “%s”", ev->tag, r->title);
	if (cx->note && *cx->note) {
		buf_puts(&line, " — ");
		append_one_line(&line, cx->note, 280);
	}
	int rc = db_execf(w, "INSERT INTO notifications (user_id, request_id, text, created_at)"
			     " VALUES (?, ?, ?, ?)", "iiti", u->id, r->id, buf_str(&line), cx->now);
	buf_free(&line);
	if (rc < 0)
		return -1;
	if (!*u->email)
		return 0;

	struct tmpl_dict *d = tmpl_dict_new();
	fill_mail(d, cx, u, ev);
	char *text = render("email/notify.txt.tpl", d);
	char *html = render("email/notify.html.tpl", d);
	tmpl_dict_free(d);
	char *subject = xasprintf("[Siaran] %s: %s", ev->tag, r->title);
	rc = -1;
	if (text && html)
		rc = outbox_put(w, cx->cfg, u->id, r->id, u->email, u->name, subject, text, html, 0,
				cx->now);
	free(subject);
	free(text);
	free(html);
	return rc;
}

/* Sends ev to every recipient. */
static int notify_all(sqlite3 *w, const struct context *cx, const struct recipients *rs,
		      const struct event *ev)
{
	for (int i = 0; i < rs->n; i++)
		if (notify_one(w, cx, &rs->v[i], ev) < 0)
			return -1;
	return 0;
}

int notify_transition(sqlite3 *w, const struct release *r, enum wf_action action,
		      enum wf_state from, enum wf_state to, int64_t actor, const char *note,
		      int64_t now)
{
	struct config cfg;
	if (!config_get(&cfg) || from == to) {
		config_free(&cfg);
		return 0;
	}
	char *who = actor_name(w, actor);
	struct context cx = { &cfg, r, to, who, note, now };
	struct recipients rs = { NULL, 0 };
	struct event ev;
	int rc = unit_contributors(w, r->unit_id, actor, &rs);
	if (rc == 0) {
		contributor_event(&ev, r, action, from, to);
		rc = notify_all(w, &cx, &rs, &ev);
	}
	recipients_free(&rs);
	if (rc == 0 && to == WF_SUBMITTED) {
		rc = editors(w, actor, &rs);
		if (rc == 0) {
			editor_event(&ev, r, from);
			rc = notify_all(w, &cx, &rs, &ev);
		}
		recipients_free(&rs);
	}
	free(who);
	config_free(&cfg);
	return rc;
}

int notify_assigned(sqlite3 *w, const struct release *r, int64_t assignee, int64_t actor,
		    int64_t now)
{
	struct config cfg;
	if (!config_get(&cfg) || assignee == actor) {
		config_free(&cfg);
		return 0;
	}
	char *who = actor_name(w, actor);
	struct context cx = { &cfg, r, r->state, who, NULL, now };
	struct recipients rs = { NULL, 0 };
	int rc = one_user(w, assignee, &rs);
	if (rc == 0) {
		struct event ev;
		snprintf(ev.tag, sizeof ev.tag, "%s", "Ditugaskan kepada Anda");
		if (who)
			snprintf(ev.headline, sizeof ev.headline,
				 "%s menugaskan Anda meninjau permintaan publikasi ini.", who);
		else
			snprintf(ev.headline, sizeof ev.headline, "%s",
				 "Anda ditugaskan meninjau permintaan publikasi ini.");
		ev.note_label = "Catatan";
		snprintf(ev.reason, sizeof ev.reason, "%s",
			 "Anda menerima pesan ini karena permintaan ini ditugaskan kepada Anda.");
		rc = notify_all(w, &cx, &rs, &ev);
	}
	recipients_free(&rs);
	free(who);
	config_free(&cfg);
	return rc;
}

int notify_password_link(sqlite3 *w, int64_t user_id, const char *email, const char *name,
			 const char *token, int invite, int64_t expires_at, int64_t now)
{
	struct config cfg;
	if (!config_get(&cfg)) {
		config_free(&cfg);
		return -1;
	}
	struct tmpl_dict *d = tmpl_dict_new();
	tmpl_set(d, "GREETING_NAME", name);
	tmpl_set(d, "EMAIL", email);
	if (invite)
		tmpl_show(d, "INVITE");
	else
		tmpl_show(d, "RESET");
	char *url = xasprintf("%s/set-password?token=%s", cfg.base, token);
	tmpl_set(d, "LINK_URL", url);
	free(url);
	char until[96] = "";
	datefmt_long_time(expires_at, until, sizeof until);
	tmpl_set(d, "EXPIRES", until);
	char *text = render("email/password_link.txt.tpl", d);
	char *html = render("email/password_link.html.tpl", d);
	tmpl_dict_free(d);
	int rc = -1;
	if (text && html)
		rc = outbox_put(w, &cfg, user_id, 0, email, name,
				invite ? "[Siaran] Akun Anda siap: atur kata sandi"
				       : "[Siaran] Atur ulang kata sandi Anda",
				text, html, 1, now);
	free(text);
	free(html);
	config_free(&cfg);
	return rc;
}

/* --- reading --- */

int64_t notify_unread_count(sqlite3 *c, int64_t user_id)
{
	int64_t n = 0;
	if (!c || db_int(c, &n, "SELECT COUNT(*) FROM notifications WHERE user_id = ?"
				" AND read_at IS NULL", "i", user_id) != 1)
		return 0;
	return n;
}

int notify_list(sqlite3 *c, int64_t user_id, int64_t before, int limit,
		struct notification_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, "SELECT id, COALESCE(request_id, 0), created_at,"
					  " COALESCE(read_at, 0), text FROM notifications"
					  " WHERE user_id = ? AND (? = 0 OR id < ?)"
					  " ORDER BY id DESC LIMIT ?",
					  "iiii", user_id, before, before, (int64_t)limit + 1);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == limit) {
			out->more = 1;
			continue;
		}
		struct notification *it = XPUSH(out->items, out->n);
		it->id = sqlite3_column_int64(st, 0);
		it->request_id = sqlite3_column_int64(st, 1);
		it->created_at = sqlite3_column_int64(st, 2);
		it->read_at = sqlite3_column_int64(st, 3);
		it->text = db_col_text(st, 4);
		if (!it->text)
			it->text = xstrdup("");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void notification_list_free(struct notification_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->items[i].text);
	free(l->items);
	memset(l, 0, sizeof *l);
}

int notify_mark_read(sqlite3 *w, int64_t user_id, int64_t id, int64_t now)
{
	if (db_execf(w, "UPDATE notifications SET read_at = ? WHERE user_id = ?"
			" AND (? = 0 OR id = ?) AND read_at IS NULL", "iiii", now, user_id, id, id) < 0)
		return -1;
	return sqlite3_changes(w);
}

int notify_outbox_list(sqlite3 *c, const char *state, int page, int per_page,
		       struct outbox_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(c, "SELECT state, COUNT(*) FROM outbox GROUP BY state");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		int64_t n = sqlite3_column_int64(st, 1);
		if (s && strcmp(s, "pending") == 0)
			out->pending = n;
		else if (s && strcmp(s, "sent") == 0)
			out->sent = n;
		else if (s && strcmp(s, "failed") == 0)
			out->failed = n;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	out->total = !state ? out->pending + out->sent + out->failed
		     : strcmp(state, "pending") == 0 ? out->pending
		     : strcmp(state, "sent") == 0    ? out->sent
						     : out->failed;
	st = db_preparef(c, "SELECT id, to_addr, subject, state, attempts, created_at,"
			    " next_attempt_at, COALESCE(sent_at, 0), last_error FROM outbox"
			    " WHERE (? IS NULL OR state = ?) ORDER BY id DESC LIMIT ? OFFSET ?",
			    "ttii", state, state, (int64_t)per_page, (int64_t)(page - 1) * per_page);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct outbox_item *it = XPUSH(out->items, out->n);
		it->id = sqlite3_column_int64(st, 0);
		it->to_addr = db_col_text(st, 1);
		it->subject = db_col_text(st, 2);
		it->state = db_col_text(st, 3);
		it->attempts = sqlite3_column_int64(st, 4);
		it->created_at = sqlite3_column_int64(st, 5);
		it->next_attempt_at = sqlite3_column_int64(st, 6);
		it->sent_at = sqlite3_column_int64(st, 7);
		it->last_error = db_col_text(st, 8);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void outbox_list_free(struct outbox_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].to_addr);
		free(l->items[i].subject);
		free(l->items[i].state);
		free(l->items[i].last_error);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}
