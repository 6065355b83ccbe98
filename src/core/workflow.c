/* The workflow table and lookups over it (see workflow.h). A new state or action is a row here;
 * tests/unit/test_workflow.c walks every (state, action, role) combination. */
#include "core/workflow.h"

#include <stddef.h>
#include <string.h>

#define EDITORS (WF_ROLE_EDITOR | WF_ROLE_ADMIN)
#define SAME (WF_NSTATES) /* to_if_future not used by the rule */

static const struct wf_rule rules[] = {
	{ WF_DRAFT, WF_SUBMIT, WF_SUBMITTED, SAME, WF_ROLE_CONTRIBUTOR, WF_NEEDS_NOTHING },
	{ WF_SUBMITTED, WF_CLAIM, WF_IN_REVIEW, SAME, EDITORS, WF_NEEDS_NOTHING },
	{ WF_SUBMITTED, WF_ASSIGN, WF_IN_REVIEW, SAME, EDITORS, WF_NEEDS_NOTHING },
	{ WF_IN_REVIEW, WF_ASSIGN, WF_IN_REVIEW, SAME, EDITORS, WF_NEEDS_NOTHING },
	{ WF_IN_REVIEW, WF_REQUEST_CHANGES, WF_CHANGES_REQUESTED, SAME, EDITORS, WF_NEEDS_NOTE },
	{ WF_CHANGES_REQUESTED, WF_SUBMIT, WF_SUBMITTED, SAME, WF_ROLE_CONTRIBUTOR, WF_NEEDS_NOTHING },
	{ WF_IN_REVIEW, WF_REJECT, WF_REJECTED, SAME, EDITORS, WF_NEEDS_REASON },
	{ WF_IN_REVIEW, WF_APPROVE, WF_PUBLISHED, WF_SCHEDULED, EDITORS, WF_NEEDS_NOTHING },
	{ WF_SCHEDULED, WF_UNSCHEDULE, WF_IN_REVIEW, SAME, EDITORS, WF_NEEDS_NOTHING },
	{ WF_SCHEDULED, WF_PUBLISH_DUE, WF_PUBLISHED, SAME, WF_ROLE_SYSTEM, WF_NEEDS_NOTHING },
	{ WF_PUBLISHED, WF_UNPUBLISH, WF_UNPUBLISHED, SAME, EDITORS, WF_NEEDS_REASON },
	{ WF_DRAFT, WF_WITHDRAW, WF_WITHDRAWN, SAME, WF_ROLE_CONTRIBUTOR, WF_NEEDS_NOTHING },
	{ WF_SUBMITTED, WF_WITHDRAW, WF_WITHDRAWN, SAME, WF_ROLE_CONTRIBUTOR, WF_NEEDS_NOTHING },
	{ WF_CHANGES_REQUESTED, WF_WITHDRAW, WF_WITHDRAWN, SAME, WF_ROLE_CONTRIBUTOR, WF_NEEDS_NOTHING },
};

#define NRULES (sizeof rules / sizeof rules[0])

static const char *const state_names[WF_NSTATES] = {
	"draft", "submitted", "in_review", "changes_requested", "rejected",
	"scheduled", "published", "unpublished", "withdrawn",
};

static const char *const state_labels[WF_NSTATES] = {
	"Draf", "Diajukan", "Sedang ditinjau", "Perlu perbaikan", "Ditolak",
	"Terjadwal", "Terbit", "Ditarik", "Dibatalkan",
};

static const char *const action_names[WF_NACTIONS] = {
	"submit", "claim", "request-changes", "reject", "approve",
	"unschedule", "unpublish", "withdraw", "assign", "publish-due",
};

static const char *const action_labels[WF_NACTIONS] = {
	"Ajukan ke Humas", "Ambil untuk ditinjau", "Minta perbaikan", "Tolak",
	"Setujui dan terbitkan", "Batalkan jadwal", "Tarik dari publikasi", "Batalkan permintaan",
	"Tugaskan ke editor", "Terbitkan sesuai jadwal",
};

enum wf_result workflow_next(enum wf_state state, enum wf_action action, unsigned role,
			     int future, enum wf_state *to, enum wf_needs *needs)
{
	int role_ever_allowed = 0;
	for (size_t i = 0; i < NRULES; i++) {
		const struct wf_rule *r = &rules[i];
		if (r->action != action || !(r->roles & role))
			continue;
		role_ever_allowed = 1;
		if (r->from != state)
			continue;
		*to = (future && r->to_if_future != SAME) ? r->to_if_future : r->to;
		if (needs)
			*needs = r->needs;
		return WF_OK;
	}
	return role_ever_allowed ? WF_ESTATE : WF_EROLE;
}

const struct wf_rule *workflow_rules(int *count)
{
	*count = (int)NRULES;
	return rules;
}

const char *workflow_state_name(enum wf_state s)
{
	return (s >= 0 && s < WF_NSTATES) ? state_names[s] : "?";
}

const char *workflow_state_label(enum wf_state s)
{
	return (s >= 0 && s < WF_NSTATES) ? state_labels[s] : "?";
}

int workflow_state_parse(const char *name)
{
	for (int i = 0; name && i < WF_NSTATES; i++)
		if (strcmp(name, state_names[i]) == 0)
			return i;
	return -1;
}

const char *workflow_action_name(enum wf_action a)
{
	return (a >= 0 && a < WF_NACTIONS) ? action_names[a] : "?";
}

const char *workflow_action_label(enum wf_action a)
{
	return (a >= 0 && a < WF_NACTIONS) ? action_labels[a] : "?";
}

int workflow_action_parse(const char *name)
{
	for (int i = 0; name && i < WF_PUBLISH_DUE; i++)
		if (strcmp(name, action_names[i]) == 0)
			return i;
	return -1;
}
