/* Field store for decoded query strings and form bodies (see form.h). */
#include "http/form.h"

#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/xmalloc.h"

void form_init(struct form *f, size_t max_field, size_t max_total, size_t max_count)
{
	memset(f, 0, sizeof *f);
	f->max_field = max_field;
	f->max_total = max_total;
	f->max_count = max_count;
}

int form_feed(struct form *f, const char *name, uint64_t off, const char *data, size_t size)
{
	struct field *last = f->tail;
	/* libmicrohttpd's multipart reader may announce a part with no bytes yet and then deliver
	 * its first bytes at offset 0 again: in a streamed form that continues the empty value. */
	int continues = last && strcmp(last->name, name) == 0 && off == last->value.len &&
			(off > 0 || (f->streamed && f->last_opened_empty));
	size_t name_len = continues ? 0 : strlen(name);
	if (size > f->max_total || f->total + name_len + size > f->max_total)
		return FORM_TOO_LARGE;
	if (continues) {
		if (last->value.len + size > f->max_field)
			return FORM_TOO_LARGE;
		buf_append(&last->value, data, size);
		f->total += size;
		if (size)
			f->last_opened_empty = 0;
		return FORM_OK;
	}
	if (size > f->max_field || f->count + 1 > f->max_count)
		return FORM_TOO_LARGE;
	struct field *fl = xcalloc(1, sizeof *fl);
	fl->name = xstrdup(name);
	/* An empty value still gets its buffer so repeated fields keep their positions. */
	buf_append(&fl->value, data ? data : "", data ? size : 0);
	if (f->tail)
		f->tail->next = fl;
	else
		f->head = fl;
	f->tail = fl;
	f->count++;
	f->total += name_len + size;
	f->last_opened_empty = off == 0 && size == 0;
	return FORM_OK;
}

const char *form_get(const struct form *f, const char *name)
{
	for (const struct field *fl = f->head; fl; fl = fl->next)
		if (strcmp(fl->name, name) == 0)
			return buf_str(&fl->value);
	return NULL;
}

size_t form_get_all(const struct form *f, const char *name, const char **out, size_t max)
{
	size_t n = 0;
	for (const struct field *fl = f->head; fl; fl = fl->next) {
		if (strcmp(fl->name, name) != 0)
			continue;
		if (n < max)
			out[n] = buf_str(&fl->value);
		n++;
	}
	return n;
}

int form_valid(const struct form *f)
{
	for (const struct field *fl = f->head; fl; fl = fl->next) {
		if (!utf8_valid_text(fl->name, strlen(fl->name)))
			return 0;
		if (!utf8_valid_text(buf_str(&fl->value), fl->value.len))
			return 0;
	}
	return 1;
}

void form_free(struct form *f)
{
	struct field *fl = f->head;
	while (fl) {
		struct field *next = fl->next;
		free(fl->name);
		buf_free(&fl->value);
		free(fl);
		fl = next;
	}
	f->head = f->tail = NULL;
	f->count = f->total = 0;
}
