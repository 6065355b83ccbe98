/* Unit tests for core/workflow: every (state, action, role) combination against the rules as the
 * product defines them, written out here independently of the table in workflow.c. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/workflow.h"

#define C WF_ROLE_CONTRIBUTOR
#define E WF_ROLE_EDITOR
#define A WF_ROLE_ADMIN
#define S WF_ROLE_SYSTEM

struct expect {
	enum wf_state from;
	enum wf_action action;
	unsigned roles;
	enum wf_state to;
	enum wf_needs needs;
};

/* The workflow of the issue, one line per allowed transition. */
static const struct expect allowed[] = {
	{ WF_DRAFT, WF_SUBMIT, C, WF_SUBMITTED, WF_NEEDS_NOTHING },
	{ WF_SUBMITTED, WF_CLAIM, E | A, WF_IN_REVIEW, WF_NEEDS_NOTHING },
	{ WF_SUBMITTED, WF_ASSIGN, E | A, WF_IN_REVIEW, WF_NEEDS_NOTHING },
	{ WF_IN_REVIEW, WF_ASSIGN, E | A, WF_IN_REVIEW, WF_NEEDS_NOTHING },
	{ WF_IN_REVIEW, WF_REQUEST_CHANGES, E | A, WF_CHANGES_REQUESTED, WF_NEEDS_NOTE },
	{ WF_CHANGES_REQUESTED, WF_SUBMIT, C, WF_SUBMITTED, WF_NEEDS_NOTHING },
	{ WF_IN_REVIEW, WF_REJECT, E | A, WF_REJECTED, WF_NEEDS_REASON },
	{ WF_IN_REVIEW, WF_APPROVE, E | A, WF_PUBLISHED, WF_NEEDS_NOTHING },
	{ WF_SCHEDULED, WF_UNSCHEDULE, E | A, WF_IN_REVIEW, WF_NEEDS_NOTHING },
	{ WF_SCHEDULED, WF_PUBLISH_DUE, S, WF_PUBLISHED, WF_NEEDS_NOTHING },
	{ WF_PUBLISHED, WF_UNPUBLISH, E | A, WF_UNPUBLISHED, WF_NEEDS_REASON },
	{ WF_DRAFT, WF_WITHDRAW, C, WF_WITHDRAWN, WF_NEEDS_NOTHING },
	{ WF_SUBMITTED, WF_WITHDRAW, C, WF_WITHDRAWN, WF_NEEDS_NOTHING },
	{ WF_CHANGES_REQUESTED, WF_WITHDRAW, C, WF_WITHDRAWN, WF_NEEDS_NOTHING },
};

static const struct expect *find(enum wf_state s, enum wf_action a)
{
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		if (allowed[i].from == s && allowed[i].action == a)
			return &allowed[i];
	return NULL;
}

/* Whether role may take action a from some state. */
static int role_ever(enum wf_action a, unsigned role)
{
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		if (allowed[i].action == a && (allowed[i].roles & role))
			return 1;
	return 0;
}

Test(workflow, every_combination)
{
	const unsigned roles[] = { C, E, A, S };
	int checked = 0;
	for (int s = 0; s < WF_NSTATES; s++)
		for (int a = 0; a < WF_NACTIONS; a++)
			for (size_t k = 0; k < 4; k++) {
				enum wf_state to = WF_NSTATES;
				enum wf_needs needs = WF_NEEDS_NOTHING;
				enum wf_result got = workflow_next((enum wf_state)s, (enum wf_action)a,
								   roles[k], 0, &to, &needs);
				const struct expect *e = find((enum wf_state)s, (enum wf_action)a);
				if (e && (e->roles & roles[k])) {
					cr_expect_eq(got, WF_OK, "state %d action %d role %u", s, a, roles[k]);
					cr_expect_eq(to, e->to, "state %d action %d", s, a);
					cr_expect_eq(needs, e->needs, "state %d action %d", s, a);
				} else if (role_ever((enum wf_action)a, roles[k])) {
					cr_expect_eq(got, WF_ESTATE, "state %d action %d role %u", s, a, roles[k]);
				} else {
					cr_expect_eq(got, WF_EROLE, "state %d action %d role %u", s, a, roles[k]);
				}
				checked++;
			}
	cr_expect_eq(checked, WF_NSTATES * WF_NACTIONS * 4);
}

Test(workflow, table_has_no_extra_rules)
{
	int n = 0;
	const struct wf_rule *rules = workflow_rules(&n);
	cr_assert_eq(n, (int)(sizeof allowed / sizeof allowed[0]));
	for (int i = 0; i < n; i++) {
		const struct expect *e = find(rules[i].from, rules[i].action);
		cr_assert_not_null(e, "unexpected rule %d", i);
		cr_expect_eq(rules[i].roles, e->roles, "rule %d roles", i);
	}
}

Test(workflow, approve_with_future_time_schedules)
{
	enum wf_state to;
	cr_assert_eq(workflow_next(WF_IN_REVIEW, WF_APPROVE, E, 1, &to, NULL), WF_OK);
	cr_expect_eq(to, WF_SCHEDULED);
	cr_assert_eq(workflow_next(WF_IN_REVIEW, WF_APPROVE, A, 0, &to, NULL), WF_OK);
	cr_expect_eq(to, WF_PUBLISHED);
	/* "future" means nothing to other actions */
	cr_assert_eq(workflow_next(WF_SUBMITTED, WF_CLAIM, E, 1, &to, NULL), WF_OK);
	cr_expect_eq(to, WF_IN_REVIEW);
}

Test(workflow, names_round_trip)
{
	for (int s = 0; s < WF_NSTATES; s++)
		cr_expect_eq(workflow_state_parse(workflow_state_name((enum wf_state)s)), s);
	for (int a = 0; a < WF_PUBLISH_DUE; a++)
		cr_expect_eq(workflow_action_parse(workflow_action_name((enum wf_action)a)), a);
	cr_expect_str_eq(workflow_action_name(WF_REQUEST_CHANGES), "request-changes");
	cr_expect_eq(workflow_action_parse("publish-due"), -1, "the scheduler's action has no URL");
	cr_expect_eq(workflow_action_parse("request_changes"), -1);
	cr_expect_eq(workflow_action_parse(""), -1);
	cr_expect_eq(workflow_action_parse(NULL), -1);
	cr_expect_eq(workflow_state_parse("DRAFT"), -1);
	cr_expect_str_eq(workflow_state_label(WF_CHANGES_REQUESTED), "Perlu perbaikan");
}
