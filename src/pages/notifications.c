/* The in-app notifications of the signed-in user (GET /notifications, POST
 * /notifications/read) and the e-mail outbox for admins (GET /admin/outbox). The route table
 * checks the roles; every query here is limited to the signed-in user's own rows. */
#include "pages/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/notify.h"
#include "core/session.h"
#include "pages/page.h"
#include "store/db.h"
#include "util/clock.h"
#include "view/datefmt.h"

#define NOTIFICATIONS_PER_PAGE 50
#define OUTBOX_PER_PAGE 50

void page_notifications(struct req *r, struct resp *s)
{
	int64_t before = 0;
	const char *b = req_query(r, "before");
	if (b && *b && !(before = page_parse_id(b))) {
		page_error(r, s, 400, "Parameter halaman tidak valid.");
		return;
	}
	sqlite3 *c = req_db(r);
	struct notification_list list;
	if (!c || notify_list(c, r->user->user_id, before, NOTIFICATIONS_PER_PAGE, &list) < 0) {
		if (c)
			notification_list_free(&list);
		page_error(r, s, 500, NULL);
		return;
	}
	int64_t unread = notify_unread_count(c, r->user->user_id);
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Notifikasi", "notifications/list.tpl");
	if (unread > 0)
		tmpl_set_int(tmpl_add_section(d, "HAS_UNREAD"), "UNREAD_TOTAL", unread);
	else
		tmpl_show(d, "ALL_READ");
	for (int i = 0; i < list.n; i++) {
		const struct notification *n = &list.items[i];
		struct tmpl_dict *it = tmpl_add_section(d, "ITEM");
		tmpl_set_int(it, "N_ID", n->id);
		tmpl_set(it, "N_TEXT", n->text);
		page_set_time(it, "N_AT", n->created_at, datefmt_short);
		if (n->request_id)
			tmpl_set_int(tmpl_add_section(it, "LINK"), "N_REQ_ID", n->request_id);
		else
			tmpl_show(it, "NO_LINK");
		if (!n->read_at)
			tmpl_show(it, "UNREAD");
	}
	if (list.n)
		tmpl_show(d, "HAS_ITEMS");
	else if (!before)
		tmpl_show(d, "EMPTY");
	if (list.more) {
		struct tmpl_dict *m = tmpl_add_section(d, "MORE");
		tmpl_set_int(m, "BEFORE", list.items[list.n - 1].id);
		if (before)
			tmpl_show(m, "NEWEST");
	} else if (before) {
		tmpl_show(d, "LAST_PAGE");
	}
	notification_list_free(&list);
	page_finish(&p, r, s, 200);
}

void page_notifications_read(struct req *r, struct resp *s)
{
	int64_t id = 0;
	const char *v = req_form(r, "id");
	if (v && *v && !(id = page_parse_id(v))) {
		page_error(r, s, 400, "Notifikasi tidak dikenal.");
		return;
	}
	sqlite3 *w = page_write_begin(r, s);
	if (!w)
		return;
	/* Another user's id changes nothing (the update is limited to the user's own rows), and
	 * marking a read notification again is harmless: both simply go back to the list. */
	if (notify_mark_read(w, r->user->user_id, id, clock_now()) < 0) {
		page_write_abort(r, s, 500, NULL);
		return;
	}
	page_commit_redirect(r, s, "/notifications");
}

static const struct {
	const char *state, *label, *css;
} outbox_states[] = {
	{ "pending", "Menunggu", "state-submitted" },
	{ "sent", "Terkirim", "state-published" },
	{ "failed", "Gagal", "state-rejected" },
};

void page_admin_outbox(struct req *r, struct resp *s)
{
	const char *state = req_query(r, "state");
	if (state && !*state)
		state = NULL;
	int known = !state;
	for (size_t i = 0; i < sizeof outbox_states / sizeof outbox_states[0]; i++)
		if (state && strcmp(state, outbox_states[i].state) == 0)
			known = 1;
	if (!known) {
		page_error(r, s, 400, "Status tidak dikenal.");
		return;
	}
	int64_t pg = 1;
	const char *ps = req_query(r, "page");
	if (ps && *ps && ((pg = page_parse_id(ps)) < 1 || pg > 100000)) {
		page_error(r, s, 400, "Nomor halaman tidak valid.");
		return;
	}
	sqlite3 *c = req_db(r);
	struct outbox_list list;
	if (!c || notify_outbox_list(c, state, (int)pg, OUTBOX_PER_PAGE, &list) < 0) {
		if (c)
			outbox_list_free(&list);
		page_error(r, s, 500, NULL);
		return;
	}
	struct page p;
	struct tmpl_dict *d = page_begin(&p, r, "Kotak keluar e-mail", "notifications/outbox.tpl");
	if (!r->app->smtp_url)
		tmpl_show(d, "NO_SMTP");
	struct tmpl_dict *f = tmpl_add_section(d, "FILTER");
	tmpl_set(f, "F_LABEL", "Semua");
	tmpl_set_int(f, "F_COUNT", list.pending + list.sent + list.failed);
	if (!state)
		tmpl_show(f, "CURRENT");
	const int64_t counts[] = { list.pending, list.sent, list.failed };
	for (size_t i = 0; i < sizeof outbox_states / sizeof outbox_states[0]; i++) {
		f = tmpl_add_section(d, "FILTER");
		tmpl_set(tmpl_add_section(f, "HAS_Q"), "F_STATE", outbox_states[i].state);
		tmpl_set(f, "F_LABEL", outbox_states[i].label);
		tmpl_set_int(f, "F_COUNT", counts[i]);
		if (state && strcmp(state, outbox_states[i].state) == 0)
			tmpl_show(f, "CURRENT");
	}
	for (int i = 0; i < list.n; i++) {
		const struct outbox_item *o = &list.items[i];
		struct tmpl_dict *row = tmpl_add_section(d, "ROW");
		tmpl_set_int(row, "O_ID", o->id);
		tmpl_set(row, "O_TO", o->to_addr);
		tmpl_set(row, "O_SUBJECT", o->subject);
		const char *label = o->state, *css = "";
		for (size_t k = 0; k < sizeof outbox_states / sizeof outbox_states[0]; k++)
			if (o->state && strcmp(o->state, outbox_states[k].state) == 0) {
				label = outbox_states[k].label;
				css = outbox_states[k].css;
			}
		tmpl_set(row, "O_STATE_LABEL", label);
		tmpl_set(row, "O_STATE_CLASS", css);
		tmpl_set_int(row, "O_ATTEMPTS", o->attempts);
		page_set_time(row, "O_CREATED", o->created_at, datefmt_short);
		char when[96] = "";
		if (o->sent_at && datefmt_short(o->sent_at, when, sizeof when) >= 0) {
			char text[128];
			snprintf(text, sizeof text, "terkirim %s", when);
			tmpl_set(row, "O_WHEN", text);
		} else if (r->app->smtp_url && o->state && strcmp(o->state, "pending") == 0 &&
			   datefmt_short(o->next_attempt_at, when, sizeof when) >= 0) {
			/* Without an SMTP server there is no next attempt to announce. */
			char text[128];
			snprintf(text, sizeof text, "berikutnya %s", when);
			tmpl_set(row, "O_WHEN", text);
		}
		tmpl_set(row, "O_ERROR", o->last_error ? o->last_error : "");
	}
	struct tmpl_dict *nav = page_pager(d, list.n, list.total, OUTBOX_PER_PAGE, pg);
	if (nav)
		tmpl_set(nav, "STATE_Q", state ? state : "");
	outbox_list_free(&list);
	page_finish(&p, r, s, 200);
}
