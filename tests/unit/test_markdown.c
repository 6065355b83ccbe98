/* Unit tests for view/markdown: that raw HTML and code come out escaped, that GitHub tables
 * render, and that every known trick for smuggling a javascript:, data: or vbscript: target into
 * a link or image ends up as "#", while http, https, mailto and relative targets survive. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "view/markdown.h"

static char *markdown_render(const char *md)
{
	return markdown_to_html(md, strlen(md));
}

static void markdown_expect(const char *md, const char *want)
{
	char *got = markdown_render(md);
	cr_assert_not_null(got);
	cr_expect_str_eq(got, want, "markdown '%s'", md);
	free(got);
}

/* Case-insensitive substring search over the whole output. */
static int markdown_contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

Test(markdown, dangerous_link_targets_become_hash)
{
	static const struct {
		const char *md, *want;
	} markdown_xss_cases[] = {
		{ "[x](javascript:alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](JaVaScRiPt:alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](data:text/html,<script>alert(1)</script>)", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](data:text/html;base64,PHNjcmlwdD4=)", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](vbscript:msgbox(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "<javascript:alert(1)>", "<p><a href=\"#\">javascript:alert(1)</a></p>\n" },
		{ "<JAVASCRIPT:alert(1)>", "<p><a href=\"#\">JAVASCRIPT:alert(1)</a></p>\n" },
		{ "[x](&#106;avascript:alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](&#x6A;avascript:alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](javascript&#58;alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](javascript&colon;alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](java&#x09;script:alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](< javascript:alert(1)>)", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](\\javascript:alert(1))", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](javascript:alert(1) \"title\")",
		  "<p><a href=\"#\" title=\"title\">x</a></p>\n" },
		{ "[x][r]\n\n[r]: javascript:alert(1)", "<p><a href=\"#\">x</a></p>\n" },
		{ "[x](file:///etc/passwd)", "<p><a href=\"#\">x</a></p>\n" },
	};
	for (size_t i = 0; i < sizeof markdown_xss_cases / sizeof markdown_xss_cases[0]; i++)
		markdown_expect(markdown_xss_cases[i].md, markdown_xss_cases[i].want);
}

Test(markdown, dangerous_image_sources_become_hash)
{
	static const struct {
		const char *md, *want;
	} markdown_img_cases[] = {
		{ "![a](javascript:alert(1))", "<p><img src=\"#\" alt=\"a\"></p>\n" },
		{ "![a](data:image/svg+xml;base64,PHN2Zz4=)", "<p><img src=\"#\" alt=\"a\"></p>\n" },
		{ "![a](DATA:image/png;base64,AAAA)", "<p><img src=\"#\" alt=\"a\"></p>\n" },
		{ "![a](vbscript:x)", "<p><img src=\"#\" alt=\"a\"></p>\n" },
		{ "[![a](javascript:1)](javascript:2)",
		  "<p><a href=\"#\"><img src=\"#\" alt=\"a\"></a></p>\n" },
	};
	for (size_t i = 0; i < sizeof markdown_img_cases / sizeof markdown_img_cases[0]; i++)
		markdown_expect(markdown_img_cases[i].md, markdown_img_cases[i].want);
}

Test(markdown, safe_targets_survive)
{
	static const struct {
		const char *md, *want;
	} markdown_safe_cases[] = {
		{ "[x](https://jakarta.go.id/berita)",
		  "<p><a href=\"https://jakarta.go.id/berita\">x</a></p>\n" },
		{ "[x](http://example.com/?a=1&b=2)",
		  "<p><a href=\"http://example.com/?a=1&amp;b=2\">x</a></p>\n" },
		{ "[x](HTTPS://EXAMPLE.COM)", "<p><a href=\"HTTPS://EXAMPLE.COM\">x</a></p>\n" },
		{ "[x](mailto:humas@jakarta.go.id)",
		  "<p><a href=\"mailto:humas@jakarta.go.id\">x</a></p>\n" },
		{ "[x](/releases/banjir-2026)", "<p><a href=\"/releases/banjir-2026\">x</a></p>\n" },
		{ "[x](../lampiran.pdf)", "<p><a href=\"../lampiran.pdf\">x</a></p>\n" },
		{ "[x](#bagian-2)", "<p><a href=\"#bagian-2\">x</a></p>\n" },
		{ "[x](?page=2)", "<p><a href=\"?page=2\">x</a></p>\n" },
		{ "[x](/search?q=a:b)", "<p><a href=\"/search?q=a:b\">x</a></p>\n" },
		{ "<https://jakarta.go.id>",
		  "<p><a href=\"https://jakarta.go.id\">https://jakarta.go.id</a></p>\n" },
		{ "www.jakarta.go.id",
		  "<p><a href=\"http://www.jakarta.go.id\">www.jakarta.go.id</a></p>\n" },
		{ "humas@jakarta.go.id",
		  "<p><a href=\"mailto:humas@jakarta.go.id\">humas@jakarta.go.id</a></p>\n" },
		{ "![Peta](/media/peta.webp \"Peta banjir\")",
		  "<p><img src=\"/media/peta.webp\" alt=\"Peta\" title=\"Peta banjir\"></p>\n" },
		{ "![Foto](https://jakarta.go.id/a.jpg)",
		  "<p><img src=\"https://jakarta.go.id/a.jpg\" alt=\"Foto\"></p>\n" },
	};
	for (size_t i = 0; i < sizeof markdown_safe_cases / sizeof markdown_safe_cases[0]; i++)
		markdown_expect(markdown_safe_cases[i].md, markdown_safe_cases[i].want);
}

Test(markdown, raw_html_is_escaped)
{
	static const char *const markdown_raw_cases[] = {
		"<script>alert(1)</script>",
		"Teks <img src=x onerror=alert(1)> teks",
		"<a href=\"javascript:alert(1)\">klik</a>",
		"<iframe src=\"https://evil.example\"></iframe>",
		"<div onclick=\"x()\">\n\nisi\n\n</div>",
	};
	for (size_t i = 0; i < sizeof markdown_raw_cases / sizeof markdown_raw_cases[0]; i++) {
		char *got = markdown_render(markdown_raw_cases[i]);
		cr_expect_not(markdown_contains_ci(got, "<script"), "%s", got);
		cr_expect_not(markdown_contains_ci(got, "<img"), "%s", got);
		cr_expect_not(markdown_contains_ci(got, "<iframe"), "%s", got);
		cr_expect_not(markdown_contains_ci(got, "<div"), "%s", got);
		cr_expect_not(markdown_contains_ci(got, "<a "), "%s", got);
		cr_expect(strstr(got, "&lt;") != NULL, "%s", got);
		free(got);
	}
	markdown_expect("<script>alert(1)</script>",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
}

Test(markdown, fenced_code_with_script_is_escaped)
{
	char *got = markdown_render("```html\n<script>alert(\"x\")</script>\n<a href=\"javascript:1\">\n```\n");
	cr_expect_str_eq(got,
			 "<pre><code class=\"language-html\">&lt;script&gt;alert(&quot;x&quot;)"
			 "&lt;/script&gt;\n&lt;a href=&quot;javascript:1&quot;&gt;\n</code></pre>\n");
	free(got);
	markdown_expect("`<script>`", "<p><code>&lt;script&gt;</code></p>\n");
}

Test(markdown, github_table)
{
	char *got = markdown_render("| Wilayah | Curah hujan |\n"
				    "|---|---:|\n"
				    "| Jakarta Utara | 120 mm |\n"
				    "| <b>Barat</b> | 95 mm |\n");
	cr_expect(strstr(got, "<table>") != NULL, "%s", got);
	cr_expect(strstr(got, "<th>Wilayah</th>") != NULL, "%s", got);
	cr_expect(strstr(got, "<th align=\"right\">Curah hujan</th>") != NULL, "%s", got);
	cr_expect(strstr(got, "<td>Jakarta Utara</td>") != NULL, "%s", got);
	cr_expect(strstr(got, "<td align=\"right\">120 mm</td>") != NULL, "%s", got);
	cr_expect(strstr(got, "<td>&lt;b&gt;Barat&lt;/b&gt;</td>") != NULL, "%s", got);
	cr_expect(strstr(got, "</table>") != NULL, "%s", got);
	free(got);
}

Test(markdown, ordinary_markdown)
{
	markdown_expect("# Judul\n\nParagraf **tebal** dan _miring_ dan ~~coret~~.\n",
			"<h1>Judul</h1>\n<p>Paragraf <strong>tebal</strong> dan <em>miring</em> "
			"dan <del>coret</del>.</p>\n");
	markdown_expect("- satu\n- dua\n", "<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n");
}

Test(markdown, title_text_cannot_forge_a_tag)
{
	/* The title holds something that looks like a dangerous tag; md4c escapes it, so the
	 * filter must neither be fooled by it nor damage it. */
	markdown_expect("[x](https://a.example \"<a href=&quot;javascript:1&quot;>\")",
			"<p><a href=\"https://a.example\" title=\"&lt;a "
			"href=&quot;javascript:1&quot;&gt;\">x</a></p>\n");
}

Test(markdown, several_links_each_checked)
{
	markdown_expect("[a](https://a.example) [b](javascript:1) [c](/c) [d](data:x)",
			"<p><a href=\"https://a.example\">a</a> <a href=\"#\">b</a> "
			"<a href=\"/c\">c</a> <a href=\"#\">d</a></p>\n");
}

Test(markdown, empty_and_nul_input)
{
	char *got = markdown_to_html("", 0);
	cr_expect_str_eq(got, "");
	free(got);
	got = markdown_to_html(NULL, 0);
	cr_expect_str_eq(got, "");
	free(got);
	/* An embedded NUL must not end the document early (CommonMark replaces it by U+FFFD). */
	got = markdown_to_html("a\0b", 3);
	cr_expect_str_eq(got, "<p>a\xef\xbf\xbd" "b</p>\n");
	free(got);
}

Test(markdown, url_allowed)
{
	static const struct {
		const char *url;
		int want;
	} markdown_url_cases[] = {
		{ "http://x", 1 },
		{ "https://x/y?z=1#f", 1 },
		{ "HtTpS://x", 1 },
		{ "mailto:a@b.c", 1 },
		{ "MAILTO:a@b.c", 1 },
		{ "", 1 },
		{ "/a/b", 1 },
		{ "a/b:c", 1 },
		{ "?q=a:b", 1 },
		{ "#x:y", 1 },
		{ "//cdn.example/x.png", 1 },
		{ "a&amp;b", 1 },
		{ "javascript:alert(1)", 0 },
		{ "JAVASCRIPT:alert(1)", 0 },
		{ "data:text/html,x", 0 },
		{ "vbscript:x", 0 },
		{ "ftp://x", 0 },
		{ "file:///etc/passwd", 0 },
		{ "httpx://x", 0 },
		{ "http", 1 },
		{ ":x", 0 },
		{ "java%09script:x", 0 },
		{ "%6Aavascript:x", 0 },
		{ "javascript&#58;x", 0 },
		{ "javascript&colon;x", 0 },
		{ "&#106;avascript:x", 0 },
		{ "a&amp;b:c", 0 },
		{ " javascript:x", 0 },
		{ "java\tscript:x", 0 },
		{ "java\nscript:x", 0 },
		{ "/x\ty", 0 },
		{ "x&am", 0 },
	};
	for (size_t i = 0; i < sizeof markdown_url_cases / sizeof markdown_url_cases[0]; i++)
		cr_expect_eq(markdown_url_allowed(markdown_url_cases[i].url,
						  strlen(markdown_url_cases[i].url)),
			     markdown_url_cases[i].want, "'%s'", markdown_url_cases[i].url);
}

Test(markdown, url_allowed_respects_length)
{
	/* Only the first len bytes count: what follows is the rest of md4c's output. */
	const char *s = "/safe\">javascript:x";
	cr_expect_eq(markdown_url_allowed(s, 5), 1);
	cr_expect_eq(markdown_url_allowed("javascript:x", 4), 1);
	cr_expect_eq(markdown_url_allowed("javascript:x", 11), 0);
}
