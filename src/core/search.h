/* Turning what a visitor types into a safe FTS5 query. */
#ifndef SIARAN_SEARCH_H
#define SIARAN_SEARCH_H

#define SEARCH_MAX_TERMS 12
#define SEARCH_MAX_INPUT 200

/* Builds an FTS5 query from free text: every word (letters and digits, any script) becomes a
 * quoted term, all terms required; the last one also matches as a prefix ("vaksin" finds
 * "vaksinasi"). FTS5 operators and punctuation in the input are plain separators, so no input
 * can make a syntax error. Returns a malloc'd query, or NULL when the input has no word or is
 * longer than SEARCH_MAX_INPUT bytes. */
char *search_fts_query(const char *input);

#endif
