/* Every handler of the site, and the route table that binds them to paths (routes.c). */
#ifndef SIARAN_PAGES_H
#define SIARAN_PAGES_H

#include "http/http.h"
#include "view/tmpl.h"

struct release;
struct release_errors;
struct auth;

/* The route table and error page handed to the HTTP server. */
const struct route_table *pages_routes(void);

/* public.c */
void page_public_index(struct req *r, struct resp *s);
void page_public_release(struct req *r, struct resp *s);
void page_healthz(struct req *r, struct resp *s);
void page_static(struct req *r, struct resp *s);
/* Reads the files of dir into memory for page_static. Returns 0 or -1. */
int pages_static_load(const char *dir);
void pages_static_free(void);

void page_search(struct req *r, struct resp *s);
void page_units(struct req *r, struct resp *s);
void page_unit(struct req *r, struct resp *s);
void page_agenda(struct req *r, struct resp *s);
void page_release_text(struct req *r, struct resp *s);

/* feeds.c: RSS 2.0, Atom, iCalendar, sitemap, robots.txt */
void page_feed_rss(struct req *r, struct resp *s);
void page_feed_atom(struct req *r, struct resp *s);
void page_unit_feed_rss(struct req *r, struct resp *s);
void page_unit_feed_atom(struct req *r, struct resp *s);
void page_agenda_ics(struct req *r, struct resp *s);
void page_sitemap(struct req *r, struct resp *s);
void page_robots(struct req *r, struct resp *s);

/* api.c: the JSON API, /api/v1 */
void page_api_releases(struct req *r, struct resp *s);
void page_api_release(struct req *r, struct resp *s);
void page_api_units(struct req *r, struct resp *s);
void page_api_agenda(struct req *r, struct resp *s);
/* The error answer of the API, as JSON (used by the route table for paths under /api/). */
void page_api_error(struct req *r, struct resp *s, int status, const char *message);

/* comments.c: the conversation on a request, and the audit trail pages */
void page_comment_add(struct req *r, struct resp *s);
void page_admin_audit(struct req *r, struct resp *s);
/* Adds the comment thread (include COMMENTS) and the request's audit entries to the request
 * page d, as the signed-in user may see them. */
void page_comments_fill(struct tmpl_dict *d, struct req *r, sqlite3 *c, const struct release *rel);

/* diff.c: revisions compared word by word */
void page_requests_diff(struct req *r, struct resp *s);
/* Adds to the request page d what changed since the unit's last submitted text (include
 * CHANGES), when there is something to show. */
void page_diff_fill(struct tmpl_dict *d, struct req *r, sqlite3 *c, const struct release *rel);
/* Answers 409 for an edit that lost the race: both versions side by side, the stored one and
 * the one that was sent (mine, not saved). */
void page_diff_conflict(struct req *r, struct resp *s, sqlite3 *c, const struct release *stored,
			const struct release *mine);

/* notifications.c: the in-app list and the outbox for admins */
void page_notifications(struct req *r, struct resp *s);
void page_notifications_read(struct req *r, struct resp *s);
void page_admin_outbox(struct req *r, struct resp *s);

/* metrics.c: Prometheus metrics, for loopback clients or with the metrics token */
void page_metrics(struct req *r, struct resp *s);
/* dashboard.c: figures per period, charts and CSV downloads; /admin/dashboard for editors and
 * admins, /dashboard for a contributor's own unit */
void page_admin_dashboard(struct req *r, struct resp *s);
void page_admin_dashboard_csv(struct req *r, struct resp *s);
void page_unit_dashboard(struct req *r, struct resp *s);
void page_unit_dashboard_csv(struct req *r, struct resp *s);

/* account.c */
void page_login_form(struct req *r, struct resp *s);
void page_login(struct req *r, struct resp *s);
void page_logout(struct req *r, struct resp *s);

/* admin_users.c: user administration */
void page_admin_users(struct req *r, struct resp *s);
void page_admin_user_new(struct req *r, struct resp *s);
void page_admin_user_create(struct req *r, struct resp *s);
void page_admin_user(struct req *r, struct resp *s);
void page_admin_user_save(struct req *r, struct resp *s);
/* POST /admin/users/:id/:action with deactivate, activate or reset. */
void page_admin_user_act(struct req *r, struct resp *s);

/* admin_units.c: unit administration */
void page_admin_units(struct req *r, struct resp *s);
void page_admin_unit_create(struct req *r, struct resp *s);
void page_admin_unit(struct req *r, struct resp *s);
void page_admin_unit_save(struct req *r, struct resp *s);
/* POST /admin/units/:id/:action with deactivate, activate or merge. */
void page_admin_unit_act(struct req *r, struct resp *s);
/* Adds one `section` (VALUE = code, LABEL, SELECTED) per unit to d, by name: merged units never,
 * the unit exclude (0 = none) never, inactive ones only when !active_only or when selected. */
void page_unit_options(struct tmpl_dict *d, const char *section, sqlite3 *c, const char *selected,
		       int64_t exclude, int active_only);
/* Includes admin/history.tpl as HISTORY in d with the audit entries of one object. */
void page_admin_history(struct tmpl_dict *d, sqlite3 *c, const char *object_type, int64_t id);

/* account_security.c: own password and sessions, one-time password links */
void page_account_password_form(struct req *r, struct resp *s);
void page_account_password(struct req *r, struct resp *s);
void page_account_sessions(struct req *r, struct resp *s);
void page_account_session_end(struct req *r, struct resp *s);
void page_set_password_form(struct req *r, struct resp *s);
void page_set_password(struct req *r, struct resp *s);

/* requests.c */
void page_requests_list(struct req *r, struct resp *s);
void page_requests_new(struct req *r, struct resp *s);
void page_requests_create(struct req *r, struct resp *s);
void page_requests_view(struct req *r, struct resp *s);
void page_requests_preview(struct req *r, struct resp *s);
void page_requests_save(struct req *r, struct resp *s);
void page_requests_act(struct req *r, struct resp *s);
/* Loads request :id (r->params.v[0]) if the signed-in user may see it: 1, with *out to free
 * with release_free; otherwise 0 and the error page (404 for another unit's) is already sent. */
int page_request_load(struct req *r, struct resp *s, sqlite3 *c, struct release **out);
/* Whether the signed-in user u may see request rel at all (a contributor: its own unit's only). */
int page_request_visible(const struct auth *u, const struct release *rel);
/* Adds the edit form (include FORM) as the signed-in user may use it on rel now, filled with
 * content (NULL: rel's own) to be saved over rel's version. Returns 0, or -1 when the user may
 * not send content for rel now (nothing added). */
int page_request_form(struct tmpl_dict *page, struct req *r, const struct release *rel,
		      const struct release *content);
/* The request page for rel with status (e.g. a refused comment shown again, 422). */
void page_requests_show(struct req *r, struct resp *s, int status, sqlite3 *c,
			const struct release *rel);
/* Whether u may change rel's photos and documents now (its text edit rule; editors and admins
 * also on a published release, to take a photo down or fix a caption). */
int page_request_media_editable(const struct auth *u, const struct release *rel);
/* The request page with refused media changes (errs) shown at the upload form. */
void page_requests_show_media(struct req *r, struct resp *s, int status, sqlite3 *c,
			      const struct release *rel, const struct release_errors *errs);
void page_media_upload(struct req *r, struct resp *s);
void page_media_change(struct req *r, struct resp *s);
void page_media_file(struct req *r, struct resp *s);
void page_requests_assign(struct req *r, struct resp *s);
void page_requests_convert(struct req *r, struct resp *s);
void page_requests_correct(struct req *r, struct resp *s);

#endif
