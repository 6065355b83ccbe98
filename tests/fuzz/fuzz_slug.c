/* Slugs (core/slug.c): whatever the title, slug_from_title gives lower-case ASCII letters, digits
 * and single inner hyphens, at most SLUG_MAX bytes, that slug_is_valid accepts and that maps to
 * itself. slug_is_valid, which guards /releases/SLUG, runs on the raw input too. */
#include "core/slug.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *title = fuzz_cstr(data, size);
	char *slug = slug_from_title(title);
	size_t n = strlen(slug);
	CHECK(n >= 1 && n <= SLUG_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = slug[i];
		CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
		CHECK(c != '-' || (i > 0 && i + 1 < n && slug[i - 1] != '-'));
	}
	CHECK(slug_is_valid(slug));
	char *again = slug_from_title(slug);
	CHECK(strcmp(again, slug) == 0);

	int valid = slug_is_valid(title);
	if (valid && strlen(title) <= SLUG_MAX)
		CHECK(strcmp(slug, title) == 0); /* a base slug is its own slug */
	fuzz_keep_str(slug);
	fuzz_keep(&valid, sizeof valid);
	free(again);
	free(slug);
	free(title);
	return 0;
}
