/* URL slugs from release titles (see slug.h): UTF-8 decoding, transliteration of Latin letters
 * with diacritics to ASCII, word separation and cutting to SLUG_MAX at a word boundary. */
#include "core/slug.h"

#include <stdint.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* A range of code points and the lower-case ASCII they become. */
struct translit {
	uint32_t first, last;
	const char *ascii;
};

/* Latin-1 Supplement, Latin Extended-A and the Romanian comma-below letters, sorted. The
 * multiplication and division signs (U+00D7, U+00F7) are left out on purpose: they separate. */
static const struct translit translit_table[] = {
	{ 0x00C0, 0x00C5, "a" },  { 0x00C6, 0x00C6, "ae" }, { 0x00C7, 0x00C7, "c" },
	{ 0x00C8, 0x00CB, "e" },  { 0x00CC, 0x00CF, "i" },  { 0x00D0, 0x00D0, "d" },
	{ 0x00D1, 0x00D1, "n" },  { 0x00D2, 0x00D6, "o" },  { 0x00D8, 0x00D8, "o" },
	{ 0x00D9, 0x00DC, "u" },  { 0x00DD, 0x00DD, "y" },  { 0x00DE, 0x00DE, "th" },
	{ 0x00DF, 0x00DF, "ss" }, { 0x00E0, 0x00E5, "a" },  { 0x00E6, 0x00E6, "ae" },
	{ 0x00E7, 0x00E7, "c" },  { 0x00E8, 0x00EB, "e" },  { 0x00EC, 0x00EF, "i" },
	{ 0x00F0, 0x00F0, "d" },  { 0x00F1, 0x00F1, "n" },  { 0x00F2, 0x00F6, "o" },
	{ 0x00F8, 0x00F8, "o" },  { 0x00F9, 0x00FC, "u" },  { 0x00FD, 0x00FD, "y" },
	{ 0x00FE, 0x00FE, "th" }, { 0x00FF, 0x00FF, "y" },  { 0x0100, 0x0105, "a" },
	{ 0x0106, 0x010D, "c" },  { 0x010E, 0x0111, "d" },  { 0x0112, 0x011B, "e" },
	{ 0x011C, 0x0123, "g" },  { 0x0124, 0x0127, "h" },  { 0x0128, 0x0131, "i" },
	{ 0x0132, 0x0133, "ij" }, { 0x0134, 0x0135, "j" },  { 0x0136, 0x0138, "k" },
	{ 0x0139, 0x0142, "l" },  { 0x0143, 0x014B, "n" },  { 0x014C, 0x0151, "o" },
	{ 0x0152, 0x0153, "oe" }, { 0x0154, 0x0159, "r" },  { 0x015A, 0x0161, "s" },
	{ 0x0162, 0x0167, "t" },  { 0x0168, 0x0173, "u" },  { 0x0174, 0x0175, "w" },
	{ 0x0176, 0x0178, "y" },  { 0x0179, 0x017E, "z" },  { 0x017F, 0x017F, "s" },
	{ 0x0218, 0x0219, "s" },  { 0x021A, 0x021B, "t" },
};

static const char *slug_translit(long cp)
{
	size_t lo = 0, hi = sizeof translit_table / sizeof translit_table[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < translit_table[mid].first)
			hi = mid;
		else if (cp > translit_table[mid].last)
			lo = mid + 1;
		else
			return translit_table[mid].ascii;
	}
	return NULL;
}

/* Characters dropped without separating words: apostrophes, so that "Jum'at" and "Jum’at"
 * become "jumat", and combining marks, so that decomposed "e" + U+0301 becomes "e" like "é". */
static int slug_is_silent(long cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
	       (cp >= 0x0300 && cp <= 0x036F);
}


/* The last hyphen in s[0..n), or NULL (memrchr is a GNU extension). */
static const char *slug_last_hyphen(const char *s, size_t n)
{
	while (n > 0)
		if (s[--n] == '-')
			return s + n;
	return NULL;
}

/* Appends text to the slug, putting one hyphen first when a separator came since the last
 * word (never at the start). */
static void slug_emit(struct buf *b, int *pending_sep, const char *text, size_t n)
{
	if (*pending_sep && b->len > 0)
		buf_putc(b, '-');
	*pending_sep = 0;
	buf_append(b, text, n);
}

char *slug_from_title(const char *title)
{
	struct buf b = BUF_INIT;
	int pending_sep = 0;
	const char *p = title ? title : "";
	const char *end = p + strlen(p);

	while (*p) {
		long cp;
		p += utf8_decode(p, (size_t)(end - p), &cp);
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			char c = (char)cp;
			slug_emit(&b, &pending_sep, &c, 1);
		} else if (cp >= 'A' && cp <= 'Z') {
			char c = (char)(cp - 'A' + 'a');
			slug_emit(&b, &pending_sep, &c, 1);
		} else if (slug_is_silent(cp)) {
			continue;
		} else {
			const char *t = slug_translit(cp);
			if (t)
				slug_emit(&b, &pending_sep, t, strlen(t));
			else
				pending_sep = 1;
		}
	}

	if (b.len > SLUG_MAX) {
		/* Cut at the last hyphen that keeps whole words; a single word longer than the limit
		 * is cut where it must be. The hyphen itself is dropped. */
		size_t cut = SLUG_MAX;
		if (b.data[SLUG_MAX] != '-') {
			const char *h = slug_last_hyphen(b.data, SLUG_MAX);
			if (h)
				cut = (size_t)(h - b.data);
		}
		b.len = cut;
		b.data[cut] = '\0';
	}

	if (b.len == 0) {
		buf_free(&b);
		return xstrdup("siaran");
	}
	return buf_steal(&b);
}

/* Whether s[0..n) is one or more runs of [a-z0-9] joined by single hyphens. */
static int slug_words_ok(const char *s, size_t n)
{
	if (n == 0 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '-') {
			if (s[i - 1] == '-')
				return 0;
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			return 0;
		}
	}
	return 1;
}

/* Longest uniqueness suffix accepted after the base slug ("-" and up to 9 digits). */
#define SLUG_SUFFIX_DIGITS 9

int slug_is_valid(const char *s)
{
	if (!s)
		return 0;
	size_t n = strnlen(s, SLUG_MAX + 2 + SLUG_SUFFIX_DIGITS);
	if (s[n] != '\0' || !slug_words_ok(s, n))
		return 0;
	if (n <= SLUG_MAX)
		return 1;
	/* Longer than a base slug: only a full-length base plus "-N" can be this long. */
	const char *h = slug_last_hyphen(s, n);
	if (!h)
		return 0;
	size_t base = (size_t)(h - s), digits = n - base - 1;
	if (base > SLUG_MAX || digits > SLUG_SUFFIX_DIGITS || h[1] == '0')
		return 0;
	for (size_t i = 1; i <= digits; i++)
		if (h[i] < '0' || h[i] > '9')
			return 0;
	return 1;
}
