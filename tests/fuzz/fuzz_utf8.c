/* UTF-8 checks (util/utf8.c): utf8_valid_text must agree with a walk by utf8_decode, every
 * decoded code point must re-encode to exactly the bytes it came from, and utf8_length must count
 * the code points of valid text. */
#include "fuzz.h"
#include "util/utf8.h"

static size_t encode(long cp, unsigned char out[4])
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xc0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xe0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (unsigned char)(0xf0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int valid = utf8_valid_text(s, size);
	int ok = 1;
	size_t cps = 0;
	for (size_t i = 0; i < size;) {
		long cp;
		size_t len = utf8_decode(s + i, size - i, &cp);
		CHECK(len >= 1 && len <= 4 && len <= size - i);
		if (cp < 0) {
			CHECK(cp == -1 && len == 1);
			ok = 0;
		} else {
			CHECK(cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff));
			unsigned char enc[4];
			CHECK(encode(cp, enc) == len && memcmp(enc, s + i, len) == 0);
			if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f)
				ok = 0;
		}
		fuzz_keep(&cp, sizeof cp);
		cps++;
		i += len;
	}
	CHECK(valid == ok);
	if (valid) {
		char *z = fuzz_cstr(data, size); /* valid text has no NUL */
		CHECK(utf8_length(z) == cps);
		free(z);
	}
	return 0;
}
