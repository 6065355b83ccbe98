/* Revision content (core/revision.c): the only JSON siaran reads back, parsed with jansson into
 * release fields. Whatever the text, revision_parse returns 0 with every text set (or -1 with
 * everything cleared), and nothing leaks. */
#include "core/release.h"
#include "core/revision.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 100000)
		return 0;
	char *json = fuzz_cstr(data, size);
	struct release rel;
	int rc = revision_parse(json, &rel);
	CHECK(rc == 0 || rc == -1);
	if (rc == 0) {
		CHECK(rel.kind && rel.title && rel.summary && rel.body && rel.location);
		CHECK(rel.nquotes >= 0 && rel.nquotes <= RELEASE_MAX_QUOTES);
		for (int i = 0; i < rel.nquotes; i++)
			CHECK(rel.quotes[i].speaker && rel.quotes[i].text);
		fuzz_keep_str(rel.title);
		fuzz_keep_str(rel.body);
		fuzz_keep(&rel.event_start, sizeof rel.event_start);
	} else {
		CHECK(rel.nquotes == 0 && !rel.title);
	}
	release_clear(&rel);
	free(json);
	return 0;
}
