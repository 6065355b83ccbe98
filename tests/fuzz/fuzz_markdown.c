/* Markdown rendering and link filtering (view/markdown.c). The HTML that comes out is read back
 * with a small independent tag reader: only the tags and attributes md4c writes for Markdown (no
 * raw HTML passes), every '<' of text escaped, and every href/src target, read as a browser reads
 * it (entities decoded, tabs and newlines dropped, leading spaces and controls skipped), either
 * relative or http, https or mailto — never javascript:, data: or the like. Valid UTF-8 text in
 * gives well-formed UTF-8 out. markdown_url_allowed runs on the raw input as well. */
#include <strings.h>

#include "fuzz.h"
#include "util/utf8.h"
#include "view/markdown.h"

static int in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncmp(*list, s, n) == 0)
			return 1;
	return 0;
}

static const char *const tags[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "del", "code", "pre",
	"blockquote", "ul", "ol", "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
	"input", "u", NULL,
};
static const char *const attrs[] = {
	"href", "title", "src", "alt", "class", "align", "start", "type", "disabled", "checked", NULL,
};

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The URL a browser would see in the attribute value v[0..n), checked for its scheme. */
static int url_safe(const char *v, size_t n)
{
	char url[4096];
	size_t k = 0;
	for (size_t i = 0; i < n && k < sizeof url - 1; i++) {
		char c = v[i];
		if (c == '&') {
			/* md4c writes only &amp; into URLs; the filter replaces anything else. */
			if (n - i >= 5 && memcmp(v + i, "&amp;", 5) == 0) {
				url[k++] = '&';
				i += 4;
				continue;
			}
			return 0;
		}
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		url[k++] = c;
	}
	url[k] = '\0';
	const char *u = url;
	while (*u && (unsigned char)*u <= 0x20)
		u++;
	/* A scheme is letters, digits, '+', '-', '.' after a letter, ended by ':'. */
	size_t i = 0;
	if (!((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= 'A' && u[0] <= 'Z')))
		return 1;
	while ((u[i] >= 'a' && u[i] <= 'z') || (u[i] >= 'A' && u[i] <= 'Z') ||
	       (u[i] >= '0' && u[i] <= '9') || u[i] == '+' || u[i] == '-' || u[i] == '.')
		i++;
	if (u[i] != ':')
		return 1;
	char scheme[8];
	if (i >= sizeof scheme)
		return 0;
	for (size_t j = 0; j < i; j++)
		scheme[j] = (char)lower((unsigned char)u[j]);
	scheme[i] = '\0';
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	       strcmp(scheme, "mailto") == 0;
}

/* Whether s[0..n) is well-formed UTF-8. Control characters may appear: a numeric character
 * reference such as "&#5;" stands for one, and HTML itself decodes it so. */
static int well_formed(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		long cp;
		i += utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			return 0;
	}
	return 1;
}

/* Reads the tag at html[i] ('<'); returns the index after its '>'. */
static size_t check_tag(const char *html, size_t len, size_t i)
{
	i++;
	if (i < len && html[i] == '/')
		i++;
	size_t name = i;
	while (i < len && ((html[i] >= 'a' && html[i] <= 'z') || (html[i] >= '0' && html[i] <= '9')))
		i++;
	if (!in_list(html + name, i - name, tags)) {
		fprintf(stderr, "unexpected tag: %.40s\n", html + name - 1);
		CHECK(0);
	}
	for (;;) {
		while (i < len && html[i] == ' ')
			i++;
		CHECK(i < len);
		if (html[i] == '>')
			return i + 1;
		if (html[i] == '/' && i + 1 < len && html[i + 1] == '>')
			return i + 2;
		size_t an = i;
		while (i < len && html[i] >= 'a' && html[i] <= 'z')
			i++;
		if (!in_list(html + an, i - an, attrs)) {
			fprintf(stderr, "unexpected attribute: %.40s\n", html + an);
			CHECK(0);
		}
		if (i < len && html[i] == '=') {
			CHECK(i + 1 < len && html[i + 1] == '"');
			size_t v = i + 2;
			const char *q = memchr(html + v, '"', len - v);
			CHECK(q);
			size_t vn = (size_t)(q - html) - v;
			CHECK(!memchr(html + v, '<', vn) && !memchr(html + v, '>', vn));
			if ((i - an == 4 && strncmp(html + an, "href", 4) == 0) ||
			    (i - an == 3 && strncmp(html + an, "src", 3) == 0)) {
				if (!url_safe(html + v, vn)) {
					fprintf(stderr, "unsafe URL: %.*s\n", (int)vn, html + v);
					CHECK(0);
				}
			}
			i = (size_t)(q - html) + 1;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *md = (const char *)data;
	char *html = markdown_to_html(md, size);
	size_t len = strlen(html);
	for (size_t i = 0; i < len;) {
		if (html[i] == '<')
			i = check_tag(html, len, i);
		else
			i++;
	}
	if (utf8_valid_text(md, size))
		CHECK(well_formed(html, len));
	fuzz_keep_str(html);
	free(html);

	int allowed = markdown_url_allowed(md, size);
	if (allowed && size < 4000)
		CHECK(url_safe(md, size));
	fuzz_keep(&allowed, sizeof allowed);
	return 0;
}
