/* Markdown (CommonMark + GitHub tables/strikethrough/autolinks) to safe HTML through md4c, with
 * raw HTML disabled and every link and image target checked: only http, https and mailto
 * absolute URLs, or relative ones, survive; anything else becomes "#". */
#ifndef SIARAN_MARKDOWN_H
#define SIARAN_MARKDOWN_H
#include <stddef.h>

/* Renders len bytes of Markdown. Returns a malloc'd NUL-terminated HTML string (never NULL);
 * the caller frees it. */
char *markdown_to_html(const char *md, size_t len);

/* Whether an (already HTML-attribute-escaped, as md4c writes it) URL may be used as a link:
 * scheme http, https or mailto (case-insensitive), or no scheme at all. */
int markdown_url_allowed(const char *url, size_t len);

#endif
