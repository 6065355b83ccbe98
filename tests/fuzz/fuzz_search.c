/* The search-query builder (core/search.c): any input gives NULL or a query of quoted terms with a
 * final '*', and SQLite's FTS5 (same tokenizer as migrations/003_search.sql) accepts every query
 * it makes from valid UTF-8 text: no input can cause a syntax error. */
#include <sqlite3.h>

#include "core/search.h"
#include "fuzz.h"
#include "util/utf8.h"

static sqlite3 *db;
static sqlite3_stmt *match;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db,
			 "CREATE VIRTUAL TABLE t USING fts5(title, body,"
			 " tokenize = 'unicode61 remove_diacritics 2');"
			 "INSERT INTO t VALUES ('Vaksinasi di Jakarta', 'Jum''at banjir warga');",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &match, NULL) !=
		    SQLITE_OK)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_cstr(data, size);
	char *q = search_fts_query(in);
	if (strlen(in) > SEARCH_MAX_INPUT)
		CHECK(q == NULL);
	if (q) {
		/* "term" "term" ... "term"* with no quote inside a term */
		size_t n = strlen(q), terms = 0;
		CHECK(n >= 4 && q[n - 1] == '*' && q[n - 2] == '"');
		size_t i = 0;
		while (i < n - 1) {
			CHECK(q[i] == '"');
			const char *close = strchr(q + i + 1, '"');
			CHECK(close && close > q + i + 1);
			terms++;
			i = (size_t)(close - q) + 1;
			if (i < n - 1) {
				CHECK(q[i] == ' ');
				i++;
			}
		}
		CHECK(terms <= SEARCH_MAX_TERMS);
	}
	/* The server refuses query strings that are not valid UTF-8 text before any page sees
	 * them (form_valid), so only such input has to make a query FTS5 accepts. */
	if (q && utf8_valid_text(in, strlen(in))) {
		sqlite3_bind_text(match, 1, q, -1, SQLITE_STATIC);
		int rc = sqlite3_step(match);
		if (rc != SQLITE_ROW)
			fprintf(stderr, "FTS5 refused %s: %s\n", q, sqlite3_errmsg(db));
		CHECK(rc == SQLITE_ROW);
		fuzz_sink = fuzz_sink + (size_t)sqlite3_column_int(match, 0);
		sqlite3_reset(match);
		sqlite3_clear_bindings(match);
	}
	fuzz_keep_str(q);
	free(q);
	free(in);
	return 0;
}
