/* The publication workflow as data: states, actions and one table of allowed transitions
 * (from, action, to, who may). Pure: no database, no HTTP. */
#ifndef SIARAN_WORKFLOW_H
#define SIARAN_WORKFLOW_H

enum wf_state {
	WF_DRAFT,
	WF_SUBMITTED,
	WF_IN_REVIEW,
	WF_CHANGES_REQUESTED,
	WF_REJECTED,
	WF_SCHEDULED,
	WF_PUBLISHED,
	WF_UNPUBLISHED,
	WF_WITHDRAWN,
	WF_NSTATES
};

enum wf_action {
	WF_SUBMIT,
	WF_CLAIM,
	WF_REQUEST_CHANGES,
	WF_REJECT,
	WF_APPROVE,
	WF_UNSCHEDULE,
	WF_UNPUBLISH,
	WF_WITHDRAW,
	WF_ASSIGN,      /* an editor gives the request to an editor (itself or another) */
	WF_PUBLISH_DUE, /* the scheduler publishing a scheduled request whose time has come */
	WF_NACTIONS
};

/* Who acts, as bits so a rule can allow several. */
enum wf_role {
	WF_ROLE_CONTRIBUTOR = 1, /* a contributor of the request's own unit */
	WF_ROLE_EDITOR = 2,
	WF_ROLE_ADMIN = 4,
	WF_ROLE_SYSTEM = 8,
};

/* What the action requires from the form besides the CSRF token. */
enum wf_needs {
	WF_NEEDS_NOTHING,
	WF_NEEDS_NOTE,   /* `note`, non-empty */
	WF_NEEDS_REASON, /* `reason`, non-empty */
};

struct wf_rule {
	enum wf_state from;
	enum wf_action action;
	enum wf_state to;
	enum wf_state to_if_future; /* approve with a future publish_at goes here instead */
	unsigned roles;
	enum wf_needs needs;
};

enum wf_result {
	WF_OK = 0,
	WF_EROLE = -1,  /* this role may never take this action: 403 */
	WF_ESTATE = -2, /* not allowed from the current state: 409 */
};

/* The transition for (state, action, role). future: a publish time in the future was given
 * (approve). On WF_OK, *to and (if needs is not NULL) *needs are set. */
enum wf_result workflow_next(enum wf_state state, enum wf_action action, unsigned role,
			     int future, enum wf_state *to, enum wf_needs *needs);

/* The whole table, for tests and for listing the actions a page offers. */
const struct wf_rule *workflow_rules(int *count);

/* Names as stored in the database ("in_review") and parsed back; -1 when unknown. */
const char *workflow_state_name(enum wf_state s);
int workflow_state_parse(const char *name);
/* Action names as spelled in URLs ("request-changes"); -1 when unknown. WF_PUBLISH_DUE has no
 * URL spelling and is not parsed. */
const char *workflow_action_name(enum wf_action a);
int workflow_action_parse(const char *name);
/* Indonesian labels for the interface. */
const char *workflow_state_label(enum wf_state s);
const char *workflow_action_label(enum wf_action a);

#endif
