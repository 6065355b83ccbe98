/* Unit tests for revision_parse: the content JSON that release.c stores with every save, read
 * back into struct release fields; absent and null members; wrong types and malformed JSON. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/release.h"
#include "core/revision.h"

Test(revision, parses_every_field)
{
	const char *json =
		"{\"kind\":\"media_advisory\",\"title\":\"Peluncuran Program \\\"Jakarta Sehat\\\"\","
		"\"summary\":\"Ringkasan\",\"body\":\"Paragraf satu.\\n\\nParagraf dua – é.\","
		"\"activity_date\":\"2026-11-20\",\"location\":\"Balai Kota\",\"event_start\":1790000000,"
		"\"event_end\":1790007200,\"address\":\"Jl. Medan Merdeka Selatan No. 8–9\","
		"\"contact_name\":\"Dewi\",\"contact_position\":\"Kasubbag\",\"contact_phone\":\"+62 21 1\","
		"\"contact_email\":\"humas@jakarta.go.id\",\"publish_at\":null,\"quotes\":["
		"{\"speaker\":\"Ani\",\"position\":\"Kepala Dinas\",\"text\":\"Kami siap.\"},"
		"{\"speaker\":\"Budi\",\"position\":\"\",\"text\":\"Tentu.\"}]}";
	struct release r;
	cr_assert_eq(revision_parse(json, &r), 0);
	cr_expect_str_eq(r.kind, "media_advisory");
	cr_expect_str_eq(r.title, "Peluncuran Program \"Jakarta Sehat\"");
	cr_expect_str_eq(r.body, "Paragraf satu.\n\nParagraf dua – é.");
	cr_expect_str_eq(r.activity_date, "2026-11-20");
	cr_expect_str_eq(r.location, "Balai Kota");
	cr_expect_eq(r.event_start, 1790000000);
	cr_expect_eq(r.event_end, 1790007200);
	cr_expect_str_eq(r.address, "Jl. Medan Merdeka Selatan No. 8–9");
	cr_expect_str_eq(r.contact_email, "humas@jakarta.go.id");
	cr_expect_eq(r.publish_at, 0);
	cr_assert_eq(r.nquotes, 2);
	cr_expect_str_eq(r.quotes[0].speaker, "Ani");
	cr_expect_str_eq(r.quotes[1].position, "");
	cr_expect_str_eq(r.quotes[1].text, "Tentu.");
	release_clear(&r);
}

Test(revision, absent_and_null_members)
{
	struct release r;
	cr_assert_eq(revision_parse("{\"title\":\"Judul saja\",\"activity_date\":null,\"quotes\":[]}", &r), 0);
	cr_expect_str_eq(r.title, "Judul saja");
	cr_expect_str_eq(r.kind, "");
	cr_expect_str_eq(r.summary, "");
	cr_expect_str_eq(r.contact_phone, "");
	cr_expect_null(r.activity_date);
	cr_expect_eq(r.event_start, 0);
	cr_expect_eq(r.nquotes, 0);
	release_clear(&r);
}

Test(revision, rejects_what_it_cannot_read)
{
	static const char *const bad[] = {
		"", "not json", "[]", "\"text\"", "{\"title\":", "{\"title\":5}",
		"{\"event_start\":\"tomorrow\"}", "{\"quotes\":{}}", "{\"quotes\":[1]}",
		"{\"quotes\":[{\"speaker\":\"A\",\"text\":7}]}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct release r;
		cr_expect_eq(revision_parse(bad[i], &r), -1, "%s", bad[i]);
		cr_expect_null(r.title, "%s: cleared", bad[i]);
		cr_expect_eq(r.nquotes, 0, "%s: cleared", bad[i]);
	}
	struct release r;
	cr_expect_eq(revision_parse(NULL, &r), -1);
}
