/* Notifications (being written; see notify.h). */
#include "core/notify.h"

int notify_transition(sqlite3 *w, const struct release *r, enum wf_action action,
		      enum wf_state from, enum wf_state to, int64_t actor, const char *note,
		      int64_t now)
{
	(void)w; (void)r; (void)action; (void)from; (void)to; (void)actor; (void)note; (void)now;
	return 0;
}

int notify_assigned(sqlite3 *w, const struct release *r, int64_t assignee, int64_t actor,
		    int64_t now)
{
	(void)w; (void)r; (void)assignee; (void)actor; (void)now;
	return 0;
}

int64_t notify_unread_count(sqlite3 *c, int64_t user_id)
{
	(void)c; (void)user_id;
	return 0;
}
