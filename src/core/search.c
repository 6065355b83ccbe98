/* Free text to FTS5 query (see search.h). Words are runs of ASCII letters and digits and of any
 * non-ASCII UTF-8 bytes (letters of other scripts, accented letters); the FTS5 tokenizer itself
 * folds case and diacritics, so this only has to quote. */
#include "core/search.h"

#include <string.h>

#include "util/buf.h"

static int word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Length of an apostrophe at p (', U+2019 or U+02BC), 0 when there is none. The index holds
 * words with their apostrophes removed ("Jum'at" is "Jumat"), so queries drop them too. */
static size_t apostrophe(const unsigned char *p)
{
	if (p[0] == '\'')
		return 1;
	if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x99)
		return 3;
	if (p[0] == 0xca && p[1] == 0xbc)
		return 2;
	return 0;
}

char *search_fts_query(const char *input)
{
	if (!input || strlen(input) > SEARCH_MAX_INPUT)
		return NULL;
	struct buf b = BUF_INIT;
	int terms = 0;
	const unsigned char *p = (const unsigned char *)input;
	while (*p && terms < SEARCH_MAX_TERMS) {
		size_t ap;
		while (*p && apostrophe(p) == 0 && !word_byte(*p))
			p++;
		if (*p && (ap = apostrophe(p)) > 0) { /* at the start of a word it is noise */
			p += ap;
			continue;
		}
		if (!*p)
			break;
		if (terms++)
			buf_putc(&b, ' ');
		buf_putc(&b, '"');
		for (;;) {
			ap = apostrophe(p);
			if (ap && word_byte(p[ap]) && !apostrophe(p + ap)) {
				p += ap; /* inside a word it joins the two parts */
				continue;
			}
			if (ap || !*p || !word_byte(*p))
				break;
			buf_putc(&b, (char)*p++);
		}
		buf_putc(&b, '"');
	}
	if (!terms) {
		buf_free(&b);
		return NULL;
	}
	buf_putc(&b, '*'); /* the last word may be typed only in part */
	return buf_steal(&b);
}
