/* Unit tests for core/search: free text becomes a quoted FTS5 query that cannot be malformed. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/search.h"

Test(search, queries)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "vaksin", "\"vaksin\"*" },
		{ "  Layanan   Kesehatan ", "\"Layanan\" \"Kesehatan\"*" },
		{ "Jum'at", "\"Jumat\"*" },
		{ "Jum’at dan Sabtuʼan", "\"Jumat\" \"dan\" \"Sabtuan\"*" },
		{ "rock'n'roll", "\"rocknroll\"*" },
		{ "kata' lain", "\"kata\" \"lain\"*" },
		{ "'quoted'", "\"quoted\"*" },
		{ "a AND b OR NOT c", "\"a\" \"AND\" \"b\" \"OR\" \"NOT\" \"c\"*" },
		{ "\"unbalanced", "\"unbalanced\"*" },
		{ "title:x NEAR(y z)", "\"title\" \"x\" \"NEAR\" \"y\" \"z\"*" },
		{ "café ☕ 日本", "\"café\" \"☕\" \"日本\"*" },
		{ "col*umn^2", "\"col\" \"umn\" \"2\"*" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *q = search_fts_query(cases[i].in);
		cr_assert_not_null(q, "%s", cases[i].in);
		cr_expect_str_eq(q, cases[i].out, "%s", cases[i].in);
		free(q);
	}
}

Test(search, nothing_searchable)
{
	const char *none[] = { "", "   ", "***", "\"\"", "'", "-- ; ()", NULL };
	for (int i = 0; none[i]; i++)
		cr_expect_null(search_fts_query(none[i]), "'%s'", none[i]);
	cr_expect_null(search_fts_query(NULL));
	char big[SEARCH_MAX_INPUT + 2];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cr_expect_null(search_fts_query(big), "too long");
}

Test(search, term_limit)
{
	char *q = search_fts_query("a b c d e f g h i j k l m n o p");
	cr_assert_not_null(q);
	int quotes = 0;
	for (char *p = q; *p; p++)
		quotes += *p == '"';
	cr_expect_eq(quotes, 2 * SEARCH_MAX_TERMS);
	free(q);
}
