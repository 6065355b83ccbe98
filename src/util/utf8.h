/* UTF-8 checks for untrusted text. */
#ifndef SIARAN_UTF8_H
#define SIARAN_UTF8_H
#include <stddef.h>

/* Whether s[0..n) is well-formed UTF-8 (no overlong forms, surrogates or code points above
 * U+10FFFF) without NUL or C0 control characters other than tab, LF and CR, and without DEL. */
int utf8_valid_text(const char *s, size_t n);
/* Decodes the code point at s[0..n) (n >= 1). Returns its length in bytes (1..4) with *cp, or 1
 * with *cp = -1 for a byte that does not start a well-formed sequence (overlong, surrogate,
 * beyond U+10FFFF or cut short), so that a caller can step over it. */
size_t utf8_decode(const char *s, size_t n, long *cp);
/* Number of code points in a well-formed UTF-8 string. */
size_t utf8_length(const char *s);

#endif
