/* Unit tests for core/diff: identical texts, insertions, deletions, replacements, Indonesian
 * text with punctuation and numbers, multibyte characters (never split), empty sides, the
 * folding of spaces between changes, word counts, and the fallbacks to lines and to a whole
 * replacement when a bound is reached. Every result must rebuild both texts exactly. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "util/buf.h"
#include "util/utf8.h"

/* The segments as "={same}-{removed}+{added}", for table comparisons. */
static char *render(const struct diff *d)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		buf_putc(&b, d->segs[i].kind == DIFF_SAME ? '=' : d->segs[i].kind == DIFF_ADDED ? '+' : '-');
		buf_putc(&b, '{');
		buf_append(&b, d->segs[i].text, d->segs[i].len);
		buf_putc(&b, '}');
	}
	return buf_steal(&b);
}

/* The invariants of every result: the old text is the same and removed segments, the new text
 * the same and added ones; no two same segments touch; removed comes before added; each
 * segment's length is its text's. */
static void check_rebuilds(const struct diff *d, const char *a, const char *b)
{
	struct buf old = BUF_INIT, new_ = BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_segment *g = &d->segs[i];
		cr_assert_eq(strlen(g->text), g->len);
		cr_assert_gt(g->len, 0, "empty segment %zu", i);
		if (g->kind != DIFF_ADDED)
			buf_append(&old, g->text, g->len);
		if (g->kind != DIFF_REMOVED)
			buf_append(&new_, g->text, g->len);
		if (i > 0) {
			cr_assert(!(g->kind == DIFF_SAME && d->segs[i - 1].kind == DIFF_SAME));
			cr_assert(!(g->kind == DIFF_REMOVED && d->segs[i - 1].kind == DIFF_ADDED));
		}
	}
	cr_assert_str_eq(buf_str(&old), a ? a : "");
	cr_assert_str_eq(buf_str(&new_), b ? b : "");
	buf_free(&old);
	buf_free(&new_);
}

struct diff_case {
	const char *name, *a, *b, *want;
	size_t added, removed; /* words */
};

static void run_cases(const struct diff_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct diff d;
		diff_texts(cases[i].a, cases[i].b, &d);
		char *got = render(&d);
		cr_expect_str_eq(got, cases[i].want, "%s", cases[i].name);
		cr_expect_eq(d.words_added, cases[i].added, "%s: words added %zu", cases[i].name,
			     d.words_added);
		cr_expect_eq(d.words_removed, cases[i].removed, "%s: words removed %zu",
			     cases[i].name, d.words_removed);
		cr_expect_eq(d.level, DIFF_LEVEL_WORDS, "%s", cases[i].name);
		cr_expect_eq(diff_changed(&d), strcmp(cases[i].a ? cases[i].a : "",
						      cases[i].b ? cases[i].b : "") != 0, "%s",
			     cases[i].name);
		check_rebuilds(&d, cases[i].a, cases[i].b);
		free(got);
		diff_free(&d);
	}
}

Test(diff, basic_edits)
{
	static const struct diff_case cases[] = {
		{ "identical", "Jakarta, 20 Agustus 2026.", "Jakarta, 20 Agustus 2026.",
		  "={Jakarta, 20 Agustus 2026.}", 0, 0 },
		{ "insertion", "Warga membawa KTP.", "Warga membawa KTP elektronik.",
		  "={Warga membawa KTP}+{ elektronik}={.}", 1, 0 },
		{ "deletion", "Layanan dibuka di seluruh puskesmas.", "Layanan dibuka di puskesmas.",
		  "={Layanan dibuka di }-{seluruh }={puskesmas.}", 0, 1 },
		{ "replacement", "Warga cukup membawa KTP.", "Warga cukup membawa kartu identitas.",
		  "={Warga cukup membawa }-{KTP}+{kartu identitas}={.}", 2, 1 },
		{ "insertion at the start", "dibuka hari ini", "Layanan dibuka hari ini",
		  "+{Layanan }={dibuka hari ini}", 1, 0 },
		{ "deletion at the end", "dibuka hari ini juga", "dibuka hari ini",
		  "={dibuka hari ini}-{ juga}", 0, 1 },
		{ "nothing in common", "satu", "dua", "-{satu}+{dua}", 1, 1 },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

Test(diff, indonesian_text_with_punctuation)
{
	static const struct diff_case cases[] = {
		{ "times and an added house number",
		  "Pukul 08.00–14.00 WIB, di Balai Kota (Jl. Medan Merdeka Selatan).",
		  "Pukul 08.00–16.00 WIB, di Balai Kota (Jl. Medan Merdeka Selatan No. 8–9).",
		  "={Pukul 08.00–}-{14.00}+{16.00}={ WIB, di Balai Kota (Jl. Medan Merdeka Selatan}"
		  "+{ No. 8–9}={).}", 4, 1 },
		{ "curly quotes stay outside the words",
		  "“Kami siap,” kata Kepala Dinas.", "“Kami sangat siap,” ujar Kepala Dinas.",
		  "={“Kami }+{sangat }={siap,” }-{kata}+{ujar}={ Kepala Dinas.}", 2, 1 },
		{ "amounts, ordinals, e-mail and release numbers are one word each",
		  "Anggaran Rp1.500.000 untuk ke-499 kegiatan, humas.dinkes@jakarta.go.id, 1/SP/DINKES/XI/2026.",
		  "Anggaran Rp2.000.000 untuk ke-500 kegiatan, humas@jakarta.go.id, 2/SP/DINKES/XI/2026.",
		  "={Anggaran }-{Rp1.500.000}+{Rp2.000.000}={ untuk }-{ke-499}+{ke-500}={ kegiatan, }"
		  "-{humas.dinkes@jakarta.go.id}+{humas@jakarta.go.id}={, }"
		  "-{1/SP/DINKES/XI/2026}+{2/SP/DINKES/XI/2026}={.}", 4, 4 },
		{ "an apostrophe inside a word", "Jum'at, 20 Agustus", "Sabtu, 20 Agustus",
		  "-{Jum'at}+{Sabtu}={, 20 Agustus}", 1, 1 },
		{ "a sentence-ending period is not part of the word", "Selesai.", "Selesai!",
		  "={Selesai}-{.}+{!}", 0, 0 },
		{ "a single space between two changes is folded into them", "satu dua tiga",
		  "empat lima tiga", "-{satu dua}+{empat lima}={ tiga}", 2, 2 },
		{ "a line break between two changes is kept", "satu\ndua", "empat\nlima",
		  "-{satu}+{empat}={\n}-{dua}+{lima}", 2, 2 },
		{ "paragraphs", "Paragraf satu.\n\nParagraf dua.", "Paragraf satu.\n\nParagraf tiga.\n\nBaru.",
		  "={Paragraf satu.\n\nParagraf }-{dua}+{tiga.\n\nBaru}={.}", 2, 1 },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

Test(diff, multibyte_characters_are_never_split)
{
	static const struct diff_case cases[] = {
		{ "accented letters belong to the word", "café crème", "cafe crème",
		  "-{café}+{cafe}={ crème}", 1, 1 },
		{ "emoji are marks of their own", "Selamat 🎉 datang", "Selamat 🎊 datang",
		  "={Selamat }-{🎉}+{🎊}={ datang}", 0, 0 },
		{ "non-Latin scripts are words", "Jakarta 雅加达", "Jakarta 椰城",
		  "={Jakarta }-{雅加达}+{椰城}", 1, 1 },
		{ "same first byte, different character", "é", "ê", "-{é}+{ê}", 1, 1 },
		{ "no-break space is a space", "Rp\u00a0100", "Rp\u00a0200", "={Rp\u00a0}-{100}+{200}", 1,
		  1 },
		{ "an invalid byte is a mark, the rest intact", "a\xff" "b é", "ab é",
		  "-{a\xff" "b}+{ab}={ é}", 1, 2 },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
	/* Every segment of a diff of valid texts is valid UTF-8. */
	struct diff d;
	diff_texts("Rapat koordinasi “Jakarta Sehat” — pukul 09.00 ✓ 雅加达",
		   "Rapat koordinasi ‘Jakarta Bersih’ – pukul 10.00 ✗ 椰城", &d);
	for (size_t i = 0; i < d.n; i++)
		cr_expect(utf8_valid_text(d.segs[i].text, d.segs[i].len), "segment %zu: %s", i,
			  d.segs[i].text);
	diff_free(&d);
}

Test(diff, empty_sides)
{
	static const struct diff_case cases[] = {
		{ "both empty", "", "", "", 0, 0 },
		{ "both NULL", NULL, NULL, "", 0, 0 },
		{ "old empty", "", "Teks baru ditulis.", "+{Teks baru ditulis.}", 3, 0 },
		{ "new empty", "Teks lama dihapus.", "", "-{Teks lama dihapus.}", 0, 3 },
		{ "old NULL", NULL, "Baru", "+{Baru}", 1, 0 },
		{ "only spaces", " ", "\n", "-{ }+{\n}", 0, 0 },
	};
	run_cases(cases, sizeof cases / sizeof cases[0]);
}

Test(diff, count_words)
{
	cr_expect_eq(diff_count_words("", 0), 0);
	cr_expect_eq(diff_count_words("  , . — ", 8), 0);
	const char *s = "Pukul 08.00–14.00 WIB, di Jl. Medan Merdeka (No. 8).";
	cr_expect_eq(diff_count_words(s, strlen(s)), 10);
}

/* n lines "baris N: kata kata kata ... word", as one text. */
static char *lines_text(int n, const char *word)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < n; i++)
		buf_printf(&b, "baris %d: kata kata kata %s\n", i, word);
	return buf_steal(&b);
}

Test(diff, fallback_to_lines_when_tokens_exceed_the_bound)
{
	char *a = lines_text(20, "lama");
	char *b = lines_text(20, "lama");
	char *p = strstr(b, "baris 10: kata kata kata lama");
	memcpy(p + strlen("baris 10: kata kata kata "), "baru", 4);
	/* About 260 word-level tokens a side and 40 lines in all: a bound of 100 tokens leaves
	 * lines. */
	struct diff d;
	diff_texts_bounded(a, b, 100, DIFF_MAX_WORK, &d);
	cr_expect_eq(d.level, DIFF_LEVEL_LINES);
	cr_assert_eq(d.n, 4);
	cr_expect_eq(d.segs[0].kind, DIFF_SAME);
	cr_expect_str_eq(d.segs[1].text, "baris 10: kata kata kata lama\n");
	cr_expect_eq(d.segs[1].kind, DIFF_REMOVED);
	cr_expect_str_eq(d.segs[2].text, "baris 10: kata kata kata baru\n");
	cr_expect_eq(d.segs[2].kind, DIFF_ADDED);
	cr_expect_eq(d.words_added, 6);
	check_rebuilds(&d, a, b);
	diff_free(&d);
	/* With the default bounds the same texts differ by one word. */
	diff_texts(a, b, &d);
	cr_expect_eq(d.level, DIFF_LEVEL_WORDS);
	cr_expect_eq(d.words_added, 1);
	cr_expect_eq(d.words_removed, 1);
	check_rebuilds(&d, a, b);
	diff_free(&d);
	/* Fewer tokens than lines allowed: the whole level keeps the first and last lines. */
	diff_texts_bounded(a, b, 30, DIFF_MAX_WORK, &d);
	cr_expect_eq(d.level, DIFF_LEVEL_WHOLE);
	check_rebuilds(&d, a, b);
	diff_free(&d);
	free(a);
	free(b);
}

Test(diff, fallback_when_the_work_bound_is_reached)
{
	/* Two one-line texts of 2000 different words: the word search would need millions of
	 * steps; with a bound of 10,000 the line level answers at once. */
	struct buf a = BUF_INIT, b = BUF_INIT;
	for (int i = 0; i < 2000; i++) {
		buf_printf(&a, "kata%d ", i);
		buf_printf(&b, "lain%d ", i);
	}
	struct diff d;
	diff_texts_bounded(buf_str(&a), buf_str(&b), DIFF_MAX_TOKENS, 10000, &d);
	cr_expect_eq(d.level, DIFF_LEVEL_LINES);
	cr_assert_eq(d.n, 2);
	cr_expect_eq(d.words_removed, 2000);
	cr_expect_eq(d.words_added, 2000);
	check_rebuilds(&d, buf_str(&a), buf_str(&b));
	diff_free(&d);
	buf_free(&a);
	buf_free(&b);
}

Test(diff, huge_inputs_stay_bounded)
{
	/* 300,000 words a side (over DIFF_MAX_TOKENS) in 20,000 lines that all differ: words are
	 * skipped, the line search reaches DIFF_MAX_WORK, and the whole level answers. */
	struct buf a = BUF_INIT, b = BUF_INIT;
	for (int i = 0; i < 20000; i++) {
		buf_printf(&a, "awal %d", i);
		buf_printf(&b, "akhir %d", i);
		for (int k = 0; k < 13; k++) {
			buf_puts(&a, " kata");
			buf_puts(&b, " kata");
		}
		buf_putc(&a, '\n');
		buf_putc(&b, '\n');
	}
	buf_puts(&a, "penutup yang sama\n");
	buf_puts(&b, "penutup yang sama\n");
	struct diff d;
	diff_texts(buf_str(&a), buf_str(&b), &d);
	cr_expect_eq(d.level, DIFF_LEVEL_WHOLE);
	cr_assert_eq(d.n, 3);
	cr_expect_eq(d.segs[0].kind, DIFF_REMOVED);
	cr_expect_eq(d.segs[1].kind, DIFF_ADDED);
	cr_expect_str_eq(d.segs[2].text, "penutup yang sama\n");
	check_rebuilds(&d, buf_str(&a), buf_str(&b));
	diff_free(&d);
	/* A long text (58,000 tokens) with a few edits is still compared word by word. */
	struct buf c = BUF_INIT;
	buf_reset(&a);
	for (int i = 0; i < 2000; i++)
		buf_printf(&a, "awal %d kata kata kata kata kata kata kata kata kata kata kata kata kata\n", i);
	buf_puts(&c, buf_str(&a));
	char *p = strstr(c.data, "awal 777 ");
	memcpy(p, "AWAL", 4);
	p = strstr(c.data, "awal 1999 ");
	memcpy(p, "AWAL", 4);
	diff_texts(buf_str(&a), buf_str(&c), &d);
	cr_expect_eq(d.level, DIFF_LEVEL_WORDS);
	cr_expect_eq(d.words_added, 2);
	cr_expect_eq(d.words_removed, 2);
	check_rebuilds(&d, buf_str(&a), buf_str(&c));
	diff_free(&d);
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
}
