/* CSV as spreadsheet programs read it (RFC 4180): fields separated by commas, records ended by
 * CRLF, a field quoted when it holds a comma, quote, CR or LF (quotes doubled inside), and the
 * whole file UTF-8 with a byte-order mark so that Excel shows Indonesian text correctly. Text
 * that a spreadsheet would take for a formula gets a leading apostrophe. */
#ifndef SIARAN_CSV_H
#define SIARAN_CSV_H
#include <stdint.h>

#include "util/buf.h"

struct csv {
	struct buf *out;
	int fields; /* fields written in the current record */
};

/* Starts a CSV document in out (appends the UTF-8 byte-order mark). */
void csv_begin(struct csv *c, struct buf *out);
/* Appends one text field (NULL is an empty field). A value starting with =, +, -, @, tab or CR
 * is written with a leading apostrophe (formula injection: names and titles are data). */
void csv_text(struct csv *c, const char *s);
/* Appends one integer field, as digits (never prefixed). */
void csv_int(struct csv *c, int64_t v);
/* Ends the current record (CRLF). */
void csv_end_row(struct csv *c);

/* Whether a text would be read as a formula by a spreadsheet (and so gets the apostrophe). */
int csv_looks_like_formula(const char *s);

#endif
