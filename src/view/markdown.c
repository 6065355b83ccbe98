/* Markdown to safe HTML (see markdown.h): md4c renders with raw HTML disabled, then every link
 * and image target in its output is checked and replaced by "#" unless it is http, https, mailto
 * or relative. md4c itself passes javascript:, data: and the like through unchanged. */
#include "view/markdown.h"

#include <limits.h>
#include <md4c-html.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

/* Schemes a link or image may use; compared case-insensitively, as browsers do. */
static const char *const allowed_schemes[] = { "http", "https", "mailto" };

static int markdown_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int markdown_scheme_known(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof allowed_schemes / sizeof allowed_schemes[0]; i++) {
		const char *a = allowed_schemes[i];
		if (strlen(a) != n)
			continue;
		size_t j = 0;
		while (j < n && markdown_lower((unsigned char)s[j]) == a[j])
			j++;
		if (j == n)
			return 1;
	}
	return 0;
}

int markdown_url_allowed(const char *url, size_t len)
{
	/* The browser decodes character references in the attribute before parsing the URL, and
	 * HTML5 has many ("&colon;", "&#58;"): md4c only ever writes "&amp;", so any other '&'
	 * means the text did not come from md4c and is refused rather than decoded here.
	 * Control characters and spaces are refused too: browsers strip some of them from URLs,
	 * which could join a scheme back together; md4c percent-encodes them all. */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)url[i];
		if (c <= 0x20 || c == 0x7f)
			return 0;
		if (c == '&' && (len - i < 5 || memcmp(url + i, "&amp;", 5) != 0))
			return 0;
	}
	/* A ':' before any '/', '?' or '#' makes the start a scheme (RFC 3986 forbids a colon in
	 * the first segment of a relative path). Anything that is not exactly an allowed scheme
	 * is refused, which is stricter than the URL parser: "%6Aavascript:" is refused too. */
	for (size_t i = 0; i < len; i++) {
		char c = url[i];
		if (c == '/' || c == '?' || c == '#')
			return 1;
		if (c == ':')
			return markdown_scheme_known(url, i);
	}
	return 1;
}

static void markdown_collect(const MD_CHAR *text, MD_SIZE size, void *userdata)
{
	buf_append(userdata, text, size);
}

/* The attribute openings whose values are URLs, exactly as md4c 0.4.8 writes them. In md4c's
 * output every '<' and '"' of text, code and attribute values is escaped, so these byte
 * sequences can only be the start of a real tag. */
static const char *const url_openings[] = { "<a href=\"", "<img src=\"" };

/* Copies html to out, replacing each disallowed URL attribute value with "#". */
static void markdown_filter_urls(const char *html, size_t len, struct buf *out)
{
	size_t i = 0, copied = 0;
	while (i < len) {
		const char *lt = memchr(html + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t)(lt - html);
		size_t open_len = 0;
		for (size_t k = 0; k < sizeof url_openings / sizeof url_openings[0]; k++) {
			size_t n = strlen(url_openings[k]);
			if (len - i >= n && memcmp(html + i, url_openings[k], n) == 0) {
				open_len = n;
				break;
			}
		}
		if (!open_len) {
			i++;
			continue;
		}
		size_t val = i + open_len;
		const char *q = memchr(html + val, '"', len - val);
		size_t val_end = q ? (size_t)(q - html) : len;
		if (!markdown_url_allowed(html + val, val_end - val)) {
			buf_append(out, html + copied, val - copied);
			buf_putc(out, '#');
			copied = val_end;
		}
		i = val_end;
	}
	buf_append(out, html + copied, len - copied);
}

char *markdown_to_html(const char *md, size_t len)
{
	struct buf raw = BUF_INIT, out = BUF_INIT;
	if (!md || len == 0)
		return xstrdup("");
	/* md4c takes an unsigned size; request bodies are capped far below this, so reaching it
	 * means a caller forgot its cap. */
	if (len > UINT_MAX) {
		log_error("markdown: input of %zu bytes refused", len);
		return xstrdup("");
	}
	/* md4c 0.4.8 reads one byte past input that ends inside a link ("[](", found by
	 * tests/fuzz/fuzz_markdown.c); a NUL there stops it, whatever the caller passed. */
	char *copy = xmalloc(len + 1);
	memcpy(copy, md, len);
	copy[len] = '\0';
	int rc = md_html(copy, (MD_SIZE)len, markdown_collect, &raw,
			 MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
	free(copy);
	if (rc != 0) {
		/* md4c fails only when an allocation fails (our callback never aborts it), and
		 * out-of-memory aborts everywhere else in the program. */
		fprintf(stderr, "siaran: out of memory in md4c\n");
		abort();
	}
	markdown_filter_urls(buf_str(&raw), raw.len, &out);
	buf_free(&raw);
	return buf_steal(&out);
}
