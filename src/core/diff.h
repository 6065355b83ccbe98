/* Word-level differences between two UTF-8 texts: tokens (words, whitespace runs, punctuation
 * marks), a shortest edit script over them (Myers), and the result as segments that are the
 * same, added or removed. Pure: no database, no HTML; the pages escape the segments. */
#ifndef SIARAN_DIFF_H
#define SIARAN_DIFF_H
#include <stddef.h>

enum diff_kind {
	DIFF_SAME,    /* in both texts */
	DIFF_ADDED,   /* only in the new text */
	DIFF_REMOVED, /* only in the old text */
};

/* How finely the texts were compared. Word level unless a bound below was reached. */
enum diff_level {
	DIFF_LEVEL_WORDS, /* words, whitespace runs and punctuation marks */
	DIFF_LEVEL_LINES, /* whole lines: the word-level comparison was over a bound */
	DIFF_LEVEL_WHOLE, /* common leading and trailing lines kept, the middle replaced whole */
};

/* The bounds, so that time and memory stay small whatever the texts:
 * - tokens: a level is tried only when both texts together have at most DIFF_MAX_TOKENS tokens
 *   of that level (memory is a few machine words per token);
 * - work: the edit-script search takes time O((N + M) * D) for N + M tokens and D differences;
 *   it stops after DIFF_MAX_WORK steps (tens of milliseconds) and the next coarser level runs.
 * At most two searches run (words, then lines); the whole-text level needs no search. */
#define DIFF_MAX_TOKENS 200000
#define DIFF_MAX_WORK 20000000

struct diff_segment {
	enum diff_kind kind;
	char *text; /* NUL-terminated copy of the segment's bytes, never split inside a character */
	size_t len;
};

/* Segments in reading order. Within a changed stretch the removed text comes before the added
 * text; SAME segments never touch each other. Both texts empty: no segment. */
struct diff {
	struct diff_segment *segs;
	size_t n;
	enum diff_level level;
	size_t words_added, words_removed; /* words (not spaces or marks) in the changed segments */
};

/* Compares old text a with new text b (NULL = ""). Word level is a shortest edit script over
 * tokens, then single spaces between two changes are folded into the change so that a
 * rewritten phrase reads as one removal and one addition. Invalid UTF-8 bytes are single
 * marks. Free out with diff_free. Out of memory aborts, so there is no error to return. */
void diff_texts(const char *a, const char *b, struct diff *out);
/* The same with other bounds (tests use small ones to reach the fallbacks). */
void diff_texts_bounded(const char *a, const char *b, size_t max_tokens, size_t max_work,
			struct diff *out);
void diff_free(struct diff *d);

/* Whether the texts differ (some segment is added or removed). */
int diff_changed(const struct diff *d);
/* Number of words in s[0..n), counted as diff_texts counts them. */
size_t diff_count_words(const char *s, size_t n);

#endif
