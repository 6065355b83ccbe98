/* Unit tests for core/release: validation rules per kind (pure), and numbering, slugs and
 * transitions against a real SQLite file migrated with the project's own migrations. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/release.h"
#include "core/numbering.h"
#include "store/db.h"
#include "view/datefmt.h"

#define NOW 1795000000 /* 2026-11-18 (WIB) */

static struct release_input good_release(void)
{
	struct release_input in;
	memset(&in, 0, sizeof in);
	in.kind = "press_release";
	in.title = "Dinkes Buka Layanan Vaksin Malam Hari";
	in.summary = "Layanan vaksin kini buka hingga malam.";
	in.body = "Isi **lengkap** siaran.";
	in.activity_date = "2026-11-18";
	in.contact_name = "Dewi";
	in.contact_phone = "+62 21 1234 5678";
	return in;
}

static struct release_input good_advisory(void)
{
	struct release_input in = good_release();
	in.kind = "media_advisory";
	in.body = "";
	in.activity_date = NULL;
	in.location = "Balai Kota";
	in.event_start = "2026-11-20T09:00";
	in.event_end = "2026-11-20T11:00";
	return in;
}

static int validate(const struct release_input *in, enum release_check c, struct release_errors *e)
{
	struct release out;
	int n = release_validate(in, c, NOW, &out, e);
	release_clear(&out);
	return n;
}

Test(release_validate, complete_inputs_pass)
{
	struct release_errors e;
	struct release_input pr = good_release(), ma = good_advisory();
	cr_expect_eq(validate(&pr, RELEASE_CHECK_SUBMIT, &e), 0, "%s", e.n ? e.e[0].message : "");
	cr_expect_eq(validate(&ma, RELEASE_CHECK_SUBMIT, &e), 0, "%s", e.n ? e.e[0].message : "");
}

Test(release_validate, required_per_kind)
{
	static const struct {
		const char *kind, *field;
	} cases[] = {
		{ "press_release", "summary" },       { "press_release", "body" },
		{ "press_release", "activity_date" }, { "press_release", "contact_name" },
		{ "media_advisory", "location" },     { "media_advisory", "event_start" },
		{ "media_advisory", "event_end" },    { "media_advisory", "summary" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct release_input in = strcmp(cases[i].kind, "press_release") == 0 ? good_release()
										  : good_advisory();
		const char **slot = strcmp(cases[i].field, "summary") == 0 ? &in.summary
			: strcmp(cases[i].field, "body") == 0 ? &in.body
			: strcmp(cases[i].field, "activity_date") == 0 ? &in.activity_date
			: strcmp(cases[i].field, "contact_name") == 0 ? &in.contact_name
			: strcmp(cases[i].field, "location") == 0 ? &in.location
			: strcmp(cases[i].field, "event_start") == 0 ? &in.event_start
								       : &in.event_end;
		*slot = "   ";
		struct release_errors e;
		cr_expect_gt(validate(&in, RELEASE_CHECK_SUBMIT, &e), 0, "%s %s", cases[i].kind,
			     cases[i].field);
		cr_expect_not_null(release_error_for(&e, cases[i].field), "%s %s", cases[i].kind,
				   cases[i].field);
		/* a draft may leave it empty */
		cr_expect_eq(validate(&in, RELEASE_CHECK_DRAFT, &e), 0, "draft %s", cases[i].field);
	}
	/* a press release does not need the advisory's fields and vice versa */
	struct release_input in = good_release();
	in.location = "";
	struct release_errors e;
	cr_expect_eq(validate(&in, RELEASE_CHECK_SUBMIT, &e), 0);
}

Test(release_validate, formats_checked_even_for_drafts)
{
	static const struct {
		const char *field, *value;
	} bad[] = {
		{ "activity_date", "2026-02-30" }, { "activity_date", "18/11/2026" },
		{ "event_start", "2026-11-20 09:00" }, { "contact_email", "dewi@" },
		{ "contact_email", "a b@c.id" },   { "contact_phone", "call me" },
		{ "contact_phone", "12" },         { "title", "Pendek" },
		{ "kind", "blog_post" },           { "publish_at", "besok pagi" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct release_input in = good_advisory();
		if (strcmp(bad[i].field, "activity_date") == 0)
			in = good_release();
		const char **slot = strcmp(bad[i].field, "activity_date") == 0 ? &in.activity_date
			: strcmp(bad[i].field, "event_start") == 0 ? &in.event_start
			: strcmp(bad[i].field, "contact_email") == 0 ? &in.contact_email
			: strcmp(bad[i].field, "contact_phone") == 0 ? &in.contact_phone
			: strcmp(bad[i].field, "title") == 0 ? &in.title
			: strcmp(bad[i].field, "kind") == 0 ? &in.kind
							    : &in.publish_at;
		*slot = bad[i].value;
		struct release_errors e;
		validate(&in, RELEASE_CHECK_DRAFT, &e);
		cr_expect_not_null(release_error_for(&e, bad[i].field), "%s=%s", bad[i].field,
				   bad[i].value);
	}
}

Test(release_validate, event_end_after_start_and_publish_in_future)
{
	struct release_input in = good_advisory();
	in.event_end = "2026-11-20T08:59";
	struct release_errors e;
	validate(&in, RELEASE_CHECK_SUBMIT, &e);
	cr_expect_not_null(release_error_for(&e, "event_end"));
	in = good_release();
	in.publish_at = "2026-01-01T00:00"; /* before NOW */
	validate(&in, RELEASE_CHECK_SUBMIT, &e);
	cr_expect_not_null(release_error_for(&e, "publish_at"));
}

Test(release_validate, quotes_rows)
{
	struct release_input in = good_release();
	in.quote_speaker[0] = "Ani";
	in.quote_position[0] = "Kepala Dinas";
	in.quote_text[0] = "Kami siap.";
	in.quote_speaker[1] = "";
	in.quote_position[1] = "";
	in.quote_text[1] = ""; /* an empty row is no quote */
	in.quote_speaker[2] = "Budi";
	in.quote_position[2] = "";
	in.quote_text[2] = "Terima kasih.";
	in.nquotes = 3;
	struct release out;
	struct release_errors e;
	cr_expect_eq(release_validate(&in, RELEASE_CHECK_SUBMIT, NOW, &out, &e), 0);
	cr_expect_eq(out.nquotes, 2);
	cr_expect_str_eq(out.quotes[1].speaker, "Budi");
	release_clear(&out);
	in.quote_text[2] = "";
	cr_expect_gt(release_validate(&in, RELEASE_CHECK_DRAFT, NOW, &out, &e), 0);
	cr_expect_not_null(release_error_for(&e, "quotes"));
	release_clear(&out);
}

/* --- against a real database --- */

static char dbpath[64];
static struct db *db;

static void setup_db(void)
{
	snprintf(dbpath, sizeof dbpath, "/tmp/siaran-unit-XXXXXX");
	int fd = mkstemp(dbpath);
	cr_assert_geq(fd, 0);
	close(fd);
	db = db_open(dbpath);
	cr_assert_not_null(db);
	char *err = NULL;
	cr_assert_geq(db_migrate(db, "migrations", &err), 1, "%s", err ? err : "");
	sqlite3 *w = db_write_begin(db);
	cr_assert_not_null(w);
	cr_assert_eq(db_execf(w, "INSERT INTO users (id, email, name, role, unit_id, password_hash,"
				 " created_at) VALUES (1, 'c@x.id', 'C', 'contributor',"
				 " (SELECT id FROM units WHERE code = 'DINKES'), 'x', 0),"
				 " (2, 'e@x.id', 'E', 'editor', NULL, 'x', 0)", ""), 0);
	cr_assert_eq(db_write_commit(db), 0);
}

static void teardown_db(void)
{
	db_close(db);
	unlink(dbpath);
	char side[80];
	snprintf(side, sizeof side, "%s-wal", dbpath);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", dbpath);
	unlink(side);
}

/* Creates a request from in and walks it to published at time `at`; returns its id. */
static int64_t publish_one(struct release_input in, int64_t at)
{
	struct release content;
	struct release_errors e;
	cr_assert_eq(release_validate(&in, RELEASE_CHECK_SUBMIT, at - 100, &content, &e), 0);
	sqlite3 *w = db_write_begin(db);
	cr_assert_not_null(w);
	int64_t unit = 0;
	cr_assert_eq(db_int(w, &unit, "SELECT id FROM units WHERE code = 'DINKES'", ""), 1);
	int64_t id = release_create(w, &content, unit, 1, "test", at - 100);
	release_clear(&content);
	cr_assert_gt(id, 0);
	const struct {
		enum wf_action a;
		unsigned role;
		int64_t actor;
	} steps[] = { { WF_SUBMIT, WF_ROLE_CONTRIBUTOR, 1 }, { WF_CLAIM, WF_ROLE_EDITOR, 2 },
		      { WF_APPROVE, WF_ROLE_EDITOR, 2 } };
	for (size_t i = 0; i < 3; i++) {
		struct release *r = NULL;
		cr_assert_eq(release_load(w, id, &r), 1);
		enum wf_state to;
		cr_assert_eq(workflow_next(r->state, steps[i].a, steps[i].role, 0, &to, NULL), WF_OK);
		cr_assert_eq(release_apply(w, r, steps[i].a, to, steps[i].actor, "", 0, "test",
					   NUMBERING_DEFAULT_FORMAT, at), 0);
		release_free(r);
	}
	cr_assert_eq(db_write_commit(db), 0);
	return id;
}

static char *number_of(int64_t id, char **slug)
{
	sqlite3 *c = db_read_begin(db);
	struct release *r = NULL;
	cr_assert_eq(release_load(c, id, &r), 1);
	db_read_end(db, c);
	char *n = strdup(r->number);
	*slug = strdup(r->slug);
	cr_expect_eq(r->state, WF_PUBLISHED);
	release_free(r);
	return n;
}

Test(release_db, numbers_gapless_per_year_and_kind_and_slugs_unique, .init = setup_db,
     .fini = teardown_db)
{
	/* 2026-11-18 WIB, then a media advisory, then another press release, then January 2027 */
	int64_t ids[5];
	ids[0] = publish_one(good_release(), NOW);
	ids[1] = publish_one(good_advisory(), NOW + 60);
	ids[2] = publish_one(good_release(), NOW + 120);
	ids[3] = publish_one(good_release(), 1799000000); /* 2027-01-04 */
	ids[4] = publish_one(good_advisory(), 1799000100);
	const char *want[] = { "1/SP/DINKES/XI/2026", "1/UL/DINKES/XI/2026", "2/SP/DINKES/XI/2026",
			       "1/SP/DINKES/I/2027", "1/UL/DINKES/I/2027" };
	const char *slugs[] = { "dinkes-buka-layanan-vaksin-malam-hari",
				"dinkes-buka-layanan-vaksin-malam-hari-2",
				"dinkes-buka-layanan-vaksin-malam-hari-3",
				"dinkes-buka-layanan-vaksin-malam-hari-4",
				"dinkes-buka-layanan-vaksin-malam-hari-5" };
	for (int i = 0; i < 5; i++) {
		char *slug;
		char *n = number_of(ids[i], &slug);
		cr_expect_str_eq(n, want[i], "release %d", i);
		cr_expect_str_eq(slug, slugs[i], "release %d", i);
		free(n);
		free(slug);
	}
	sqlite3 *c = db_read_begin(db);
	int64_t count = 0;
	cr_expect_eq(db_int(c, &count, "SELECT COUNT(*) FROM transitions WHERE request_id = ?", "i",
			    ids[0]), 1);
	cr_expect_eq(count, 3, "submit, claim, approve recorded");
	cr_expect_eq(db_int(c, &count, "SELECT COUNT(*) FROM revisions WHERE request_id = ?", "i",
			    ids[0]), 1);
	cr_expect_eq(count, 1);
	db_read_end(db, c);
}

Test(release_db, scheduled_publishes_when_due_and_update_checks_version, .init = setup_db,
     .fini = teardown_db)
{
	struct release_input in = good_release();
	struct release content;
	struct release_errors e;
	cr_assert_eq(release_validate(&in, RELEASE_CHECK_SUBMIT, NOW, &content, &e), 0);
	sqlite3 *w = db_write_begin(db);
	int64_t unit = 0;
	db_int(w, &unit, "SELECT id FROM units WHERE code = 'DINKES'", "");
	int64_t id = release_create(w, &content, unit, 1, "test", NOW);
	cr_assert_gt(id, 0);
	cr_expect_eq(release_update(w, id, 1, &content, 1, "test", NOW + 1), 0);
	cr_expect_eq(release_update(w, id, 1, &content, 1, "test", NOW + 2), 1, "stale version refused");
	cr_expect_eq(release_update(w, id, 2, &content, 1, "test", NOW + 3), 0);
	release_clear(&content);
	struct release *r = NULL;
	cr_assert_eq(release_load(w, id, &r), 1);
	cr_expect_eq(r->version, 3);
	r->state = WF_IN_REVIEW; /* jump ahead for this test */
	cr_assert_eq(db_execf(w, "UPDATE requests SET state = 'in_review' WHERE id = ?", "i", id), 0);
	cr_assert_eq(release_apply(w, r, WF_APPROVE, WF_SCHEDULED, 2, "", NOW + 3600, "t",
				   NUMBERING_DEFAULT_FORMAT, NOW), 0);
	release_free(r);
	cr_assert_eq(db_write_commit(db), 0);

	cr_expect_eq(release_publish_due(db, NUMBERING_DEFAULT_FORMAT, NOW + 3599), 0, "not yet");
	cr_expect_eq(release_publish_due(db, NUMBERING_DEFAULT_FORMAT, NOW + 3600), 1);
	cr_expect_eq(release_publish_due(db, NUMBERING_DEFAULT_FORMAT, NOW + 3601), 0, "only once");
	char *slug;
	char *n = number_of(id, &slug);
	cr_expect_str_eq(n, "1/SP/DINKES/XI/2026");
	free(n);
	free(slug);
}
