/* Dates and other small values from forms and query strings: datefmt_parse_date ("YYYY-MM-DD",
 * the from/to filters and the activity date), datefmt_parse_local ("YYYY-MM-DDTHH:MM[:SS]",
 * event and publishing times), page_parse_id (ids, limits, page numbers) and
 * release_cursor_parse (the "after" cursor of the listings). What parses must print back as the
 * same text, and the formatters must work on every parsed time. */
#include <inttypes.h>

#include "core/release.h"
#include "fuzz.h"
#include "pages/page.h"
#include "view/datefmt.h"

static void format_all(int64_t t)
{
	int (*const fmts[])(int64_t, char *, size_t) = {
		datefmt_long, datefmt_long_time, datefmt_date,	  datefmt_short,
		datefmt_hour, datefmt_input_local, datefmt_rfc3339,
	};
	for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		char out[128];
		int n = fmts[i](t, out, sizeof out);
		CHECK(n > 0 && (size_t)n == strlen(out));
		fuzz_keep_str(out);
		char tiny[4];
		CHECK(fmts[i](t, tiny, sizeof tiny) == -1 && tiny[0] == '\0');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	char back[64];

	int y, m, d;
	if (datefmt_parse_date(s, &y, &m, &d) == 0) {
		snprintf(back, sizeof back, "%04d-%02d-%02d", y, m, d);
		CHECK(strcmp(back, s) == 0);
		char out[96];
		CHECK(datefmt_long_ymd(y, m, d, out, sizeof out) > 0);
		fuzz_keep_str(out);
	}

	int64_t t;
	if (datefmt_parse_local(s, &t) == 0) {
		CHECK(datefmt_input_local(t, back, sizeof back) == 16);
		CHECK(strncmp(back, s, 16) == 0);
		struct wib_tm tm;
		datefmt_wib(t, &tm);
		CHECK(tm.second == (s[16] == ':' ? (s[17] - '0') * 10 + (s[18] - '0') : 0));
		format_all(t);
	}

	int64_t id = page_parse_id(s);
	if (id) {
		snprintf(back, sizeof back, "%" PRId64, id);
		/* Leading zeros are accepted ("007"); the digits are otherwise the same. */
		const char *digits = s;
		while (*digits == '0' && digits[1])
			digits++;
		CHECK(id > 0 && strcmp(back, digits) == 0);
	}

	for (int search = 0; search <= 1; search++) {
		int64_t at = 0, rid = 0;
		double score = 0;
		if (release_cursor_parse(s, search, &at, &score, &rid) == 0) {
			CHECK(rid > 0 && score == score);
			fuzz_keep(&at, sizeof at);
			fuzz_keep(&score, sizeof score);
		}
	}
	fuzz_keep(&t, sizeof t);
	free(s);
	return 0;
}
