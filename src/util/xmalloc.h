/* Allocation helpers that never return NULL: out-of-memory aborts the process, so callers do not
 * pretend to recover from it. Memory from these is released with free(). */
#ifndef SIARAN_XMALLOC_H
#define SIARAN_XMALLOC_H
#include <stddef.h>

/* Like malloc/calloc/realloc/strdup, but abort with a message on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Grows the array p of n elements of size bytes by one element, zeroed; returns the array.
 * Aborts when the size overflows. */
void *xgrow(void *p, size_t n, size_t size);
/* Appends a zeroed element to the array items of n elements (an lvalue, incremented) and
 * yields a pointer to it: struct foo *e = XPUSH(list->items, list->n); */
#define XPUSH(items, n) ((items) = xgrow((items), (size_t)(n), sizeof *(items)), &(items)[(n)++])
/* Copies at most n bytes of s and NUL-terminates the result. */
char *xstrndup(const char *s, size_t n);
/* printf into a freshly allocated string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
