/* Shared by the libFuzzer targets in tests/fuzz/: the entry point's prototype, a NUL-terminated
 * copy of the input, a sink that keeps results observable so the optimiser cannot drop the work,
 * and CHECK, which aborts (a finding, with the input saved) when an invariant does not hold. */
#ifndef SIARAN_FUZZ_H
#define SIARAN_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every result a target computes is folded in here. */
static volatile size_t fuzz_sink;

static inline void fuzz_keep(const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t h = fuzz_sink;
	for (size_t i = 0; i < n; i++)
		h = h * 31 + s[i];
	fuzz_sink = h;
}

static inline void fuzz_keep_str(const char *s)
{
	if (s)
		fuzz_keep(s, strlen(s));
	else
		fuzz_sink = fuzz_sink + 1;
}

/* A malloc'd copy of data with a NUL after it (embedded NULs stay: C-string parsers see the
 * part before the first one, which is what they get from the server too). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#define CHECK(cond)                                                                    \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, \
				#cond);                                                \
			abort();                                                       \
		}                                                                      \
	} while (0)

#endif
