/* URL slugs for published releases, made from the title. */
#ifndef SIARAN_SLUG_H
#define SIARAN_SLUG_H
#include <stddef.h>

#define SLUG_MAX 80

/* Makes a slug from a UTF-8 title: lower-case ASCII letters, digits and single hyphens, no hyphen
 * at either end, at most SLUG_MAX bytes, cut at a word boundary when possible. Latin letters with
 * diacritics are transliterated ("é" -> "e", "ß" -> "ss"), other characters separate words.
 * Returns a malloc'd string the caller frees; "siaran" when nothing usable remains. Invalid UTF-8
 * bytes are treated as separators. */
char *slug_from_title(const char *title);

/* Whether s is a well-formed slug as slug_from_title makes them, optionally followed by "-N"
 * (a uniqueness suffix). Used to refuse malformed /releases/SLUG paths early. */
int slug_is_valid(const char *s);

#endif
