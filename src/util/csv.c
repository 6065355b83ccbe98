/* The CSV writer (see csv.h): the one place that quotes fields for downloads. */
#include "util/csv.h"

#include <inttypes.h>
#include <string.h>

void csv_begin(struct csv *c, struct buf *out)
{
	c->out = out;
	c->fields = 0;
	buf_puts(out, "\xEF\xBB\xBF");
}

static void separator(struct csv *c)
{
	if (c->fields++)
		buf_putc(c->out, ',');
}

int csv_looks_like_formula(const char *s)
{
	return s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r');
}

void csv_text(struct csv *c, const char *s)
{
	separator(c);
	if (!s)
		s = "";
	const char *prefix = csv_looks_like_formula(s) ? "'" : "";
	if (!strpbrk(s, ",\"\r\n")) {
		buf_puts(c->out, prefix);
		buf_puts(c->out, s);
		return;
	}
	buf_putc(c->out, '"');
	buf_puts(c->out, prefix);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(c->out, '"');
		buf_putc(c->out, *p);
	}
	buf_putc(c->out, '"');
}

void csv_int(struct csv *c, int64_t v)
{
	separator(c);
	buf_printf(c->out, "%" PRId64, v);
}

void csv_end_row(struct csv *c)
{
	buf_puts(c->out, "\r\n");
	c->fields = 0;
}
