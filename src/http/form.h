/* Decoded request fields (query string or body), in arrival order, with repeated names kept
 * (quote_text, quote_speaker...). Values arrive in chunks from libmicrohttpd's post processor;
 * size caps apply per field and in total. */
#ifndef SIARAN_FORM_H
#define SIARAN_FORM_H
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

struct field {
	char *name;
	struct buf value;
	struct field *next;
};

struct form {
	struct field *head, *tail;
	size_t count;     /* number of fields */
	size_t total;     /* bytes of names and values */
	size_t max_field; /* cap for one value */
	size_t max_total; /* cap for everything */
	size_t max_count; /* cap for the number of fields */
	/* A streamed body (multipart): a value started empty that receives bytes at offset 0 is
	 * continued, not repeated (see form_feed). Off for query strings. */
	int streamed;
	int last_opened_empty;
};

enum { FORM_OK = 0, FORM_TOO_LARGE = -1 };

/* An empty form with the given caps. */
void form_init(struct form *f, size_t max_field, size_t max_total, size_t max_count);
/* Adds size bytes of field `name` at offset off of its value: off 0 starts a new value (also for
 * a repeated name), off > 0 continues the last value. In a streamed form, bytes at offset 0
 * right after an empty start of the same name continue that value: libmicrohttpd announces a
 * multipart part before its bytes arrive. So an empty field directly followed by another of the
 * same name reads as one value there. Returns FORM_OK or FORM_TOO_LARGE when a
 * cap would be exceeded (nothing is added then). */
int form_feed(struct form *f, const char *name, uint64_t off, const char *data, size_t size);
/* The first value of name, or NULL. */
const char *form_get(const struct form *f, const char *name);
/* Up to max values of name, in order, into out; returns how many there are in all. */
size_t form_get_all(const struct form *f, const char *name, const char **out, size_t max);
/* Whether every name and value is valid UTF-8 text (see utf8_valid_text). */
int form_valid(const struct form *f);
/* Releases everything; f is empty (with the same caps) afterwards. */
void form_free(struct form *f);

#endif
