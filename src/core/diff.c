/* Word-level differences (see diff.h): UTF-8 tokenisation, token interning, Myers' linear-space
 * shortest edit script with a work bound, the fallbacks to lines and to a whole replacement, and
 * the folding of spaces between changes. */
#include "core/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/xmalloc.h"

enum tok_kind { TOK_WORD, TOK_SPACE, TOK_MARK };

struct token {
	const char *p;
	size_t len;
	unsigned char kind; /* enum tok_kind */
	unsigned char nl;   /* a space run that holds a line break */
};

/* One side of the comparison: its text and its tokens with their interned ids. */
struct seq {
	const char *text;
	size_t len;
	struct token *t;
	uint32_t *ids;
	size_t n, cap;
};

/* --- characters --- */


static int is_space(long cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000;
}

/* Letters, digits and the rest of the scripts. Punctuation and symbol blocks are marks, so
 * that “kutipan” diffs as a word between two quotation marks. */
static int is_word(long cp)
{
	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9') || cp == '_';
	if (is_space(cp))
		return 0;
	return !((cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
		 (cp >= 0x2000 && cp <= 0x206F) ||  /* general punctuation: dashes, quotes, … */
		 (cp >= 0x20A0 && cp <= 0x20CF) ||  /* currency */
		 (cp >= 0x2190 && cp <= 0x2BFF) ||  /* arrows, operators, shapes, dingbats */
		 (cp >= 0x3000 && cp <= 0x303F) ||  /* CJK punctuation */
		 (cp >= 0xFE10 && cp <= 0xFE6F) || cp == 0xFEFF ||
		 (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
		 (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
		 (cp >= 0x1F000 && cp <= 0x1FAFF)); /* emoji and pictographs */
}

/* Marks that stay inside a word when a word character follows: 18.00, Rp1.500.000, ke-499,
 * Jum'at, 1/SP/DINKES, nama@jakarta.go.id each diff as one word. */
static int is_joiner(long cp)
{
	return cp == '.' || cp == ',' || cp == '-' || cp == '\'' || cp == '/' || cp == '@' ||
	       cp == 0x2019;
}

/* The word-level token starting at s[i] (i < n): returns its end, with its kind and whether a
 * space run holds a line break. */
static size_t next_word_token(const char *text, size_t n, size_t i, unsigned char *kind,
			      unsigned char *nl)
{
	const unsigned char *s = (const unsigned char *)text;
	long cp;
	size_t j = i + utf8_decode((const char *)s + i, n - i, &cp);
	*nl = 0;
	if (is_space(cp)) {
		*kind = TOK_SPACE;
		*nl = cp == '\n';
		while (j < n) {
			size_t k = utf8_decode((const char *)s + j, n - j, &cp);
			if (!is_space(cp))
				break;
			*nl |= cp == '\n';
			j += k;
		}
		return j;
	}
	if (!is_word(cp)) {
		*kind = TOK_MARK;
		return j;
	}
	*kind = TOK_WORD;
	while (j < n) {
		size_t k = utf8_decode((const char *)s + j, n - j, &cp);
		if (is_word(cp)) {
			j += k;
			continue;
		}
		if (!is_joiner(cp) || j + k >= n)
			break;
		long after;
		size_t k2 = utf8_decode((const char *)s + j + k, n - j - k, &after);
		if (!is_word(after))
			break;
		j += k + k2;
	}
	return j;
}

size_t diff_count_words(const char *s, size_t n)
{
	size_t words = 0;
	for (size_t i = 0; i < n;) {
		unsigned char kind, nl;
		i = next_word_token(s, n, i, &kind, &nl);
		words += kind == TOK_WORD;
	}
	return words;
}

/* --- tokens --- */

static void seq_push(struct seq *q, const char *p, size_t len, unsigned char kind,
		     unsigned char nl)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 64;
		q->t = xrealloc(q->t, q->cap * sizeof *q->t);
	}
	q->t[q->n++] = (struct token){ p, len, kind, nl };
}

static void seq_reset(struct seq *q)
{
	q->n = 0;
	free(q->ids);
	q->ids = NULL;
}

/* Splits q's text into tokens of the level: words, spaces and marks; or lines, each with its
 * line break; or (DIFF_LEVEL_WHOLE) the whole text as one token. Returns 0, or -1 as soon as
 * there would be more than limit tokens (the caller then tries a coarser level). */
static int tokenize(struct seq *q, enum diff_level level, size_t limit)
{
	seq_reset(q);
	const char *s = q->text;
	size_t n = q->len;
	if (level == DIFF_LEVEL_WHOLE) {
		if (n)
			seq_push(q, s, n, TOK_WORD, 0);
		return 0;
	}
	for (size_t i = 0; i < n;) {
		if (q->n >= limit)
			return -1;
		size_t j;
		unsigned char kind = TOK_WORD, nl = 0;
		if (level == DIFF_LEVEL_WORDS) {
			j = next_word_token(s, n, i, &kind, &nl);
		} else {
			const char *e = memchr(s + i, '\n', n - i);
			j = e ? (size_t)(e - s) + 1 : n;
		}
		seq_push(q, s + i, j - i, kind, nl);
		i = j;
	}
	return 0;
}

static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Gives equal tokens of both sides the same id, so the search compares integers. */
static void intern(struct seq *a, struct seq *b)
{
	size_t total = a->n + b->n, cap = 16;
	while (cap < 2 * total)
		cap *= 2;
	struct token **slot = xcalloc(cap, sizeof *slot);
	uint32_t *slot_id = xcalloc(cap, sizeof *slot_id);
	uint32_t next = 0;
	struct seq *sides[2] = { a, b };
	for (int s = 0; s < 2; s++) {
		struct seq *q = sides[s];
		q->ids = xmalloc((q->n ? q->n : 1) * sizeof *q->ids);
		for (size_t i = 0; i < q->n; i++) {
			struct token *t = &q->t[i];
			size_t h = (size_t)hash_bytes(t->p, t->len) & (cap - 1);
			while (slot[h] && !(slot[h]->len == t->len && memcmp(slot[h]->p, t->p, t->len) == 0))
				h = (h + 1) & (cap - 1);
			if (!slot[h]) {
				slot[h] = t;
				slot_id[h] = next++;
			}
			q->ids[i] = slot_id[h];
		}
	}
	free(slot);
	free(slot_id);
}

/* --- the edit script --- */

/* A stretch of the script: SAME covers a[a..a+n) and b[b..b+n); REMOVED a[a..a+n); ADDED
 * b[b..b+n). a and b are the positions in both sequences where the stretch starts. */
struct run {
	enum diff_kind kind;
	size_t a, b, n;
};

struct runs {
	struct run *v;
	size_t n, cap;
};

static void emit(struct runs *r, enum diff_kind kind, size_t a, size_t b, size_t n)
{
	if (!n)
		return;
	if (r->n && r->v[r->n - 1].kind == kind) {
		r->v[r->n - 1].n += n;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n++] = (struct run){ kind, a, b, n };
}

struct myers {
	const uint32_t *a, *b;
	long *v1, *v2; /* the furthest x on each diagonal, forward and backward */
	size_t work, max_work;
	struct runs *out;
};

/* Finds the middle snake of a[a0..a1) and b[b0..b1) (Myers 1986, section 4b; the loop follows
 * diff-match-patch's bisect). Returns 1 with the split point, 0 when the two share no token
 * (replace all), -1 when the work bound is reached. */
static int bisect(struct myers *m, size_t a0, size_t a1, size_t b0, size_t b1, size_t *sx,
		  size_t *sy)
{
	const uint32_t *a = m->a + a0, *b = m->b + b0;
	long n = (long)(a1 - a0), mm = (long)(b1 - b0);
	long max_d = (n + mm + 1) / 2, off = max_d, vlen = 2 * max_d + 2;
	long *v1 = m->v1, *v2 = m->v2;
	for (long i = 0; i < vlen; i++)
		v1[i] = v2[i] = -1;
	m->work += (size_t)vlen;
	v1[off + 1] = 0;
	v2[off + 1] = 0;
	long delta = n - mm;
	/* With an odd delta the forward path meets the backward one, else the reverse. */
	int front = delta % 2 != 0;
	long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
	for (long d = 0; d < max_d; d++) {
		m->work += (size_t)(2 * d + 2);
		if (m->work > m->max_work)
			return -1;
		for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
			long k1o = off + k1, x1;
			if (k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1]))
				x1 = v1[k1o + 1];
			else
				x1 = v1[k1o - 1] + 1;
			long y1 = x1 - k1, x0 = x1;
			while (x1 < n && y1 < mm && a[x1] == b[y1])
				x1++, y1++;
			m->work += (size_t)(x1 - x0);
			v1[k1o] = x1;
			if (x1 > n) {
				k1end += 2; /* off the right edge */
			} else if (y1 > mm) {
				k1start += 2; /* off the bottom edge */
			} else if (front) {
				long k2o = off + delta - k1;
				if (k2o >= 0 && k2o < vlen && v2[k2o] != -1 && x1 >= n - v2[k2o]) {
					*sx = a0 + (size_t)x1;
					*sy = b0 + (size_t)y1;
					return 1;
				}
			}
		}
		for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
			long k2o = off + k2, x2;
			if (k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1]))
				x2 = v2[k2o + 1];
			else
				x2 = v2[k2o - 1] + 1;
			long y2 = x2 - k2, x0 = x2;
			while (x2 < n && y2 < mm && a[n - x2 - 1] == b[mm - y2 - 1])
				x2++, y2++;
			m->work += (size_t)(x2 - x0);
			v2[k2o] = x2;
			if (x2 > n) {
				k2end += 2;
			} else if (y2 > mm) {
				k2start += 2;
			} else if (!front) {
				long k1o = off + delta - k2;
				if (k1o >= 0 && k1o < vlen && v1[k1o] != -1) {
					long x1 = v1[k1o], y1 = off + x1 - k1o;
					if (x1 >= n - x2) {
						*sx = a0 + (size_t)x1;
						*sy = b0 + (size_t)y1;
						return 1;
					}
				}
			}
		}
	}
	return 0;
}

/* Appends the shortest edit script of a[a0..a1) to b[b0..b1) to m->out. Recursion depth is
 * about log2 of the number of differences: each split halves them. Returns 0 or -1 (bound). */
/* NOLINTNEXTLINE(misc-no-recursion): the depth is logarithmic, as said above. */
static int myers_diff(struct myers *m, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t p = 0, s = 0;
	while (a0 + p < a1 && b0 + p < b1 && m->a[a0 + p] == m->b[b0 + p])
		p++;
	emit(m->out, DIFF_SAME, a0, b0, p);
	a0 += p, b0 += p;
	while (a1 - s > a0 && b1 - s > b0 && m->a[a1 - 1 - s] == m->b[b1 - 1 - s])
		s++;
	a1 -= s, b1 -= s;
	m->work += p + s;
	if (a0 == a1) {
		emit(m->out, DIFF_ADDED, a0, b0, b1 - b0);
	} else if (b0 == b1) {
		emit(m->out, DIFF_REMOVED, a0, b0, a1 - a0);
	} else {
		size_t x = 0, y = 0;
		int rc = bisect(m, a0, a1, b0, b1, &x, &y);
		if (rc < 0)
			return -1;
		/* A split at a corner would not shrink the problem; replacing is then correct too. */
		if (rc == 0 || (x == a0 && y == b0) || (x == a1 && y == b1)) {
			emit(m->out, DIFF_REMOVED, a0, b0, a1 - a0);
			emit(m->out, DIFF_ADDED, a1, b0, b1 - b0);
		} else if (myers_diff(m, a0, x, b0, y) < 0 || myers_diff(m, x, a1, y, b1) < 0) {
			return -1;
		}
	}
	emit(m->out, DIFF_SAME, a1, b1, s);
	return 0;
}

/* The whole level: common leading and trailing tokens, the middle removed and added. */
static void replace_middle(const struct seq *a, const struct seq *b, struct runs *out)
{
	size_t p = 0, s = 0;
	while (p < a->n && p < b->n && a->ids[p] == b->ids[p])
		p++;
	while (s < a->n - p && s < b->n - p && a->ids[a->n - 1 - s] == b->ids[b->n - 1 - s])
		s++;
	emit(out, DIFF_SAME, 0, 0, p);
	emit(out, DIFF_REMOVED, p, p, a->n - p - s);
	emit(out, DIFF_ADDED, a->n - s, p, b->n - p - s);
	emit(out, DIFF_SAME, a->n - s, b->n - s, s);
}

/* --- segments --- */

/* A stretch of the result: the same tokens, or a change (removed a[a0..a1), added b[b0..b1)). */
struct region {
	int same;
	size_t a0, a1, b0, b1;
};

static void add_segment(struct diff *d, enum diff_kind kind, const struct seq *q, size_t from,
			size_t to)
{
	if (from >= to)
		return;
	const char *start = q->t[from].p;
	size_t len = (size_t)(q->t[to - 1].p + q->t[to - 1].len - start);
	struct diff_segment *g = &d->segs[d->n++];
	g->kind = kind;
	g->text = xstrndup(start, len);
	g->len = len;
	if (kind == DIFF_ADDED)
		d->words_added += diff_count_words(start, len);
	else if (kind == DIFF_REMOVED)
		d->words_removed += diff_count_words(start, len);
}

/* A single space run within a line, between two changes: folded into them, so that "<del>a</del>
 * <ins>b</ins> <del>c</del><ins>d</ins>" reads "<del>a c</del><ins>b d</ins>". */
static int foldable(const struct region *g, const struct seq *a, enum diff_level level)
{
	return level == DIFF_LEVEL_WORDS && g->a1 - g->a0 == 1 && a->t[g->a0].kind == TOK_SPACE &&
	       !a->t[g->a0].nl;
}

static void build(const struct seq *a, const struct seq *b, const struct runs *runs,
		  enum diff_level level, struct diff *out)
{
	struct region *rg = xmalloc((runs->n ? runs->n : 1) * sizeof *rg);
	size_t nr = 0;
	for (size_t i = 0; i < runs->n; i++) {
		const struct run *r = &runs->v[i];
		if (r->kind == DIFF_SAME) {
			rg[nr++] = (struct region){ 1, r->a, r->a + r->n, r->b, r->b + r->n };
			continue;
		}
		if (!nr || rg[nr - 1].same)
			rg[nr++] = (struct region){ 0, r->a, r->a, r->b, r->b };
		if (r->kind == DIFF_REMOVED)
			rg[nr - 1].a1 = r->a + r->n;
		else
			rg[nr - 1].b1 = r->b + r->n;
	}
	size_t w = 0;
	for (size_t i = 0; i < nr; i++) {
		if (rg[i].same && w && !rg[w - 1].same && i + 1 < nr && !rg[i + 1].same &&
		    foldable(&rg[i], a, level)) {
			rg[w - 1].a1 = rg[i + 1].a1;
			rg[w - 1].b1 = rg[i + 1].b1;
			i++;
			continue;
		}
		rg[w++] = rg[i];
	}
	out->segs = xcalloc(2 * w + 1, sizeof *out->segs);
	for (size_t i = 0; i < w; i++) {
		if (rg[i].same) {
			add_segment(out, DIFF_SAME, a, rg[i].a0, rg[i].a1);
		} else {
			add_segment(out, DIFF_REMOVED, a, rg[i].a0, rg[i].a1);
			add_segment(out, DIFF_ADDED, b, rg[i].b0, rg[i].b1);
		}
	}
	out->level = level;
	free(rg);
}

/* Runs one level: 0 with out filled, -1 when a bound was reached (never for the whole level,
 * which needs no search). */
static int run_level(struct seq *a, struct seq *b, enum diff_level level, size_t max_tokens,
		     size_t max_work, struct diff *out)
{
	if (level == DIFF_LEVEL_WHOLE) {
		/* Lines when they fit, so common first and last lines still read as the same. */
		if (tokenize(a, DIFF_LEVEL_LINES, max_tokens) < 0 ||
		    tokenize(b, DIFF_LEVEL_LINES, max_tokens - a->n) < 0) {
			tokenize(a, DIFF_LEVEL_WHOLE, 1);
			tokenize(b, DIFF_LEVEL_WHOLE, 1);
		}
	} else if (tokenize(a, level, max_tokens) < 0 ||
		   tokenize(b, level, max_tokens - a->n) < 0) {
		return -1;
	}
	intern(a, b);
	struct runs runs = { NULL, 0, 0 };
	int rc = 0;
	if (level == DIFF_LEVEL_WHOLE) {
		replace_middle(a, b, &runs);
	} else {
		size_t vlen = 2 * ((a->n + b->n + 1) / 2) + 2;
		struct myers m = { a->ids, b->ids, xmalloc(vlen * sizeof(long)),
				   xmalloc(vlen * sizeof(long)), 0, max_work, &runs };
		rc = myers_diff(&m, 0, a->n, 0, b->n);
		free(m.v1);
		free(m.v2);
	}
	if (rc == 0)
		build(a, b, &runs, level, out);
	free(runs.v);
	return rc;
}

void diff_texts_bounded(const char *a, const char *b, size_t max_tokens, size_t max_work,
			struct diff *out)
{
	memset(out, 0, sizeof *out);
	struct seq sa = { a ? a : "", 0, NULL, NULL, 0, 0 };
	struct seq sb = { b ? b : "", 0, NULL, NULL, 0, 0 };
	sa.len = strlen(sa.text);
	sb.len = strlen(sb.text);
	if (run_level(&sa, &sb, DIFF_LEVEL_WORDS, max_tokens, max_work, out) < 0 &&
	    run_level(&sa, &sb, DIFF_LEVEL_LINES, max_tokens, max_work, out) < 0)
		run_level(&sa, &sb, DIFF_LEVEL_WHOLE, max_tokens, max_work, out);
	free(sa.t);
	free(sa.ids);
	free(sb.t);
	free(sb.ids);
}

void diff_texts(const char *a, const char *b, struct diff *out)
{
	diff_texts_bounded(a, b, DIFF_MAX_TOKENS, DIFF_MAX_WORK, out);
}

void diff_free(struct diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->segs[i].text);
	free(d->segs);
	memset(d, 0, sizeof *d);
}

int diff_changed(const struct diff *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->segs[i].kind != DIFF_SAME)
			return 1;
	return 0;
}
