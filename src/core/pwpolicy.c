/* The password policy (see pwpolicy.h). The list is a sorted array of lower-cased entries,
 * written once by pwpolicy_load before any thread starts and only read afterwards. */
#include "core/pwpolicy.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static char **words; /* sorted, lower case; see above for who writes it */
static size_t nwords;

static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int pwpolicy_load(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		log_error("cannot read the list of common passwords %s: %s", path, strerror(errno));
		return -1;
	}
	pwpolicy_free();
	size_t cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t n;
	while ((n = getline(&line, &lcap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		if (nwords == cap) {
			cap = cap ? cap * 2 : 4096;
			words = xrealloc(words, cap * sizeof *words);
		}
		words[nwords] = xstrdup(line);
		lower_ascii(words[nwords]);
		nwords++;
	}
	free(line);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		log_error("cannot read the list of common passwords %s", path);
		pwpolicy_free();
		return -1;
	}
	if (nwords)
		qsort(words, nwords, sizeof *words, cmp_str);
	return (int)nwords;
}

void pwpolicy_free(void)
{
	for (size_t i = 0; i < nwords; i++)
		free(words[i]);
	free(words);
	words = NULL;
	nwords = 0;
}

static int listed(const char *lower)
{
	return *lower && nwords && bsearch(&lower, words, nwords, sizeof *words, cmp_str) != NULL;
}

static int is_letter(unsigned char c)
{
	/* Any byte of a multi-byte character counts as a letter: only ASCII digits, punctuation
	 * and spaces are what people pad a common word with. */
	return (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Whether lower is a common word, or one with only digits and symbols around it, or a common
 * (or very short) piece repeated. */
static int common(char *lower)
{
	if (listed(lower))
		return 1;
	size_t n = strlen(lower), a = 0, b = n;
	while (a < n && !is_letter((unsigned char)lower[a]))
		a++;
	while (b > a && !is_letter((unsigned char)lower[b - 1]))
		b--;
	if (b > a && (a > 0 || b < n)) {
		char *core = xstrndup(lower + a, b - a);
		int hit = listed(core);
		free(core);
		if (hit)
			return 1;
	}
	for (size_t p = 1; p <= n / 2; p++) {
		if (n % p)
			continue;
		size_t i = p;
		while (i < n && lower[i] == lower[i - p])
			i++;
		if (i < n)
			continue;
		char *unit = xstrndup(lower, p);
		int hit = p <= 4 || listed(unit);
		free(unit);
		if (hit)
			return 1;
	}
	return 0;
}

enum pwpolicy_result pwpolicy_check(const char *password)
{
	size_t bytes = password ? strlen(password) : 0;
	if (!password || !utf8_valid_text(password, bytes))
		return PWPOLICY_INVALID;
	size_t chars = utf8_length(password);
	if (chars < PWPOLICY_MIN)
		return PWPOLICY_TOO_SHORT;
	if (chars > PWPOLICY_MAX)
		return PWPOLICY_TOO_LONG;
	char *lower = xstrdup(password);
	lower_ascii(lower);
	int hit = common(lower);
	free(lower);
	return hit ? PWPOLICY_COMMON : PWPOLICY_OK;
}

const char *pwpolicy_message(enum pwpolicy_result r)
{
	switch (r) {
	case PWPOLICY_OK:
		return NULL;
	case PWPOLICY_TOO_SHORT:
		return "Kata sandi minimal 12 karakter.";
	case PWPOLICY_TOO_LONG:
		return "Kata sandi maksimal 128 karakter.";
	case PWPOLICY_COMMON:
		return "Kata sandi ini termasuk yang paling umum dipakai sehingga mudah ditebak. Pilih yang"
		       " lain, misalnya gabungan tiga atau empat kata yang tidak berhubungan.";
	case PWPOLICY_INVALID:
	default:
		return "Kata sandi berisi karakter yang tidak dapat dipakai.";
	}
}

const char *pwpolicy_message_en(enum pwpolicy_result r)
{
	switch (r) {
	case PWPOLICY_OK:
		return NULL;
	case PWPOLICY_TOO_SHORT:
		return "password must be at least 12 characters";
	case PWPOLICY_TOO_LONG:
		return "password must be at most 128 characters";
	case PWPOLICY_COMMON:
		return "password is one of the most common passwords; choose another";
	case PWPOLICY_INVALID:
	default:
		return "password contains characters that cannot be used";
	}
}
