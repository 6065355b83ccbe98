/* The field store behind query strings and form bodies (http/form.c), fed the way the server
 * feeds it: libmicrohttpd decodes "name=value&..." and hands each value over in chunks with their
 * offsets; a field without '=' comes as NULL. The input is such a list ("\x01" separates fields
 * here so that any byte can be in a name or value), the first byte picks the caps and the chunk
 * size. A simple model of the fields checks every answer: what is stored, the caps (a refused
 * chunk changes nothing), form_get, form_get_all and form_valid. */
#include "fuzz.h"
#include "http/form.h"
#include "util/utf8.h"

#define MAX_MODEL 64

struct model_field {
	const char *name;
	size_t name_len;
	char *value;
	size_t len;
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned cfg = data[0];
	size_t max_field = (cfg & 3) == 0 ? 1 << 20 : (size_t)8 << (cfg & 3);
	size_t max_total = (cfg & 4) ? 256 : 1 << 20;
	size_t max_count = (cfg & 8) ? 5 : MAX_MODEL;
	size_t chunk = 1 + (cfg >> 4); /* 1..16 */
	struct form f;
	form_init(&f, max_field, max_total, max_count);

	char *in = fuzz_cstr(data + 1, size - 1);
	size_t n = size - 1;
	struct model_field m[MAX_MODEL];
	size_t mn = 0, total = 0;
	int refused = 0;
	for (size_t i = 0; i < n && !refused && mn < MAX_MODEL;) {
		size_t end = i;
		while (end < n && in[end] != '\x01')
			end++;
		in[end] = '\0'; /* a name is a C string for form_feed */
		char *eq = memchr(in + i, '=', end - i);
		const char *name = in + i;
		if (eq)
			*eq = '\0';
		size_t name_len = strlen(name);
		const char *val = eq ? eq + 1 : NULL;
		size_t vlen = eq ? (size_t)(in + end - (eq + 1)) : 0;
		/* The first chunk starts a field (also an empty one); the rest continue it. */
		size_t off = 0;
		do {
			size_t k = vlen - off < chunk ? vlen - off : chunk;
			int fits;
			if (off == 0)
				fits = k <= max_field && total + name_len + k <= max_total &&
				       mn + 1 <= max_count;
			else
				fits = m[mn - 1].len + k <= max_field && total + k <= max_total;
			int rc = form_feed(&f, name, off, val ? val + off : NULL, k);
			CHECK(rc == (fits ? FORM_OK : FORM_TOO_LARGE));
			if (!fits) {
				refused = 1; /* the server stops at the first refusal (413/414) */
				break;
			}
			if (off == 0) {
				m[mn].name = name;
				m[mn].name_len = name_len;
				m[mn].value = val ? (char *)val : (char *)"";
				m[mn].len = 0;
				mn++;
				total += name_len;
			}
			m[mn - 1].len += k;
			total += k;
			off += k;
		} while (off < vlen);
		i = end + 1;
	}

	CHECK(f.count == mn && f.total == total);
	size_t k = 0;
	int valid = 1;
	for (const struct field *fl = f.head; fl; fl = fl->next, k++) {
		CHECK(k < mn && strcmp(fl->name, m[k].name) == 0);
		CHECK(fl->value.len == m[k].len && memcmp(buf_str(&fl->value), m[k].value, m[k].len) == 0);
		valid &= utf8_valid_text(m[k].name, m[k].name_len) && utf8_valid_text(m[k].value, m[k].len);
	}
	CHECK(k == mn);
	CHECK(form_valid(&f) == valid);
	for (size_t j = 0; j < mn; j++) {
		const char *first = form_get(&f, m[j].name);
		size_t count = 0, firstj = mn;
		for (size_t q = 0; q < mn; q++)
			if (strcmp(m[q].name, m[j].name) == 0 && count++ == 0)
				firstj = q;
		CHECK(first && firstj <= j && strlen(first) <= m[firstj].len);
		const char *all[4];
		CHECK(form_get_all(&f, m[j].name, all, 4) == count);
		CHECK(all[0] == first);
		fuzz_keep_str(first);
	}
	form_free(&f);
	CHECK(f.head == NULL && f.count == 0);
	free(in);
	return 0;
}
