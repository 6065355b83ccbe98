/* A growable byte buffer, always NUL-terminated so it can be used as a C string.
 * A zeroed struct buf (BUF_INIT) is a valid empty buffer; buf_free() releases it. */
#ifndef SIARAN_BUF_H
#define SIARAN_BUF_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct buf {
	char *data; /* NULL until something is appended; then NUL-terminated */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* Appends n bytes of p. */
void buf_append(struct buf *b, const void *p, size_t n);
/* Appends a NUL-terminated string. */
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
/* Appends printf-formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Returns the contents as a malloc'd string (never NULL) that the caller frees, and empties b. */
char *buf_steal(struct buf *b);
/* The contents as a C string; "" when empty. Valid until the next change to b. */
const char *buf_str(const struct buf *b);
/* Releases the memory; b is empty afterwards. Accepts an empty buffer. */
void buf_free(struct buf *b);

#ifdef __cplusplus
}
#endif
#endif
