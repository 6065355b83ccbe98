/* The word diff (core/diff.c) on two texts split from the input at its first NUL, with the real
 * bounds or, when the first byte says so, tiny ones that force the line and whole-text
 * fallbacks. The same and removed segments must give back the old text, the same and added ones
 * the new text; same segments never touch; segments of valid UTF-8 stay valid (never cut inside a
 * character); diff_changed agrees with the texts. */
#include "core/diff.h"
#include "fuzz.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 20000)
		return 0;
	unsigned mode = data[0];
	char *all = fuzz_cstr(data + 1, size - 1);
	const char *a = all;
	const char *nul = memchr(all, '\0', size - 1);
	const char *b = nul && (size_t)(nul - all) < size - 1 ? nul + 1 : "";
	/* b is NUL-terminated by fuzz_cstr; a ends at the first NUL. */

	struct diff d;
	if (mode & 1)
		diff_texts_bounded(a, b, 4 + (mode >> 1) % 64, 1 + (mode >> 1) * 7, &d);
	else
		diff_texts(a, b, &d);

	size_t alen = strlen(a), blen = strlen(b);
	char *ra = malloc(alen + 1), *rb = malloc(blen + 1);
	CHECK(ra && rb);
	size_t na = 0, nb = 0;
	int changed = 0;
	int valid = utf8_valid_text(a, alen) && utf8_valid_text(b, blen);
	for (size_t i = 0; i < d.n; i++) {
		const struct diff_segment *s = &d.segs[i];
		CHECK(s->len > 0 && strlen(s->text) == s->len);
		if (i > 0)
			CHECK(!(s->kind == DIFF_SAME && d.segs[i - 1].kind == DIFF_SAME));
		if (valid)
			CHECK(utf8_valid_text(s->text, s->len));
		if (s->kind != DIFF_ADDED) {
			CHECK(na + s->len <= alen);
			memcpy(ra + na, s->text, s->len);
			na += s->len;
		}
		if (s->kind != DIFF_REMOVED) {
			CHECK(nb + s->len <= blen);
			memcpy(rb + nb, s->text, s->len);
			nb += s->len;
		}
		changed |= s->kind != DIFF_SAME;
		fuzz_keep(s->text, s->len);
	}
	CHECK(na == alen && memcmp(ra, a, alen) == 0);
	CHECK(nb == blen && memcmp(rb, b, blen) == 0);
	CHECK(diff_changed(&d) == changed);
	CHECK(changed == (strcmp(a, b) != 0));
	if (!changed)
		CHECK(d.words_added == 0 && d.words_removed == 0);
	CHECK(d.words_added <= diff_count_words(b, blen));
	CHECK(d.words_removed <= diff_count_words(a, alen));
	fuzz_keep(&d.level, sizeof d.level);
	diff_free(&d);
	free(ra);
	free(rb);
	free(all);
	return 0;
}
