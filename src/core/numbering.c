/* Official release numbers (see numbering.h): checking an administrator's format string and
 * expanding its placeholders. The sequence comes from release.c; nothing here touches the
 * database. */
#include "core/numbering.h"

#include <string.h>

#include "util/buf.h"

#define NUMBERING_FORMAT_MAX 200

/* Kept here rather than borrowed from view/datefmt: core does not depend on view. */
static const char *const roman_months[12] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
};

enum numbering_ph { PH_SEQ, PH_KIND, PH_UNIT, PH_ROMAN_MONTH, PH_MONTH, PH_YEAR };

static const struct {
	const char *name; /* with braces, as written in the format */
	enum numbering_ph ph;
} placeholders[] = {
	{ "{seq}", PH_SEQ },
	{ "{KIND}", PH_KIND },
	{ "{UNIT}", PH_UNIT },
	{ "{ROMAN_MONTH}", PH_ROMAN_MONTH },
	{ "{MONTH}", PH_MONTH },
	{ "{YEAR}", PH_YEAR },
};

/* The placeholder starting at s (which points at a '{'): its index, and its length in *len;
 * -1 when it is not one we know. Names are case-sensitive, as documented. */
static int numbering_placeholder_at(const char *s, size_t *len)
{
	for (size_t i = 0; i < sizeof placeholders / sizeof placeholders[0]; i++) {
		size_t n = strlen(placeholders[i].name);
		if (strncmp(s, placeholders[i].name, n) == 0) {
			*len = n;
			return (int)i;
		}
	}
	return -1;
}

int numbering_check_format(const char *fmt)
{
	if (!fmt || strnlen(fmt, NUMBERING_FORMAT_MAX + 1) > NUMBERING_FORMAT_MAX)
		return -1;
	int seq_count = 0;
	for (const char *p = fmt; *p;) {
		if (*p != '{') {
			p++;
			continue;
		}
		size_t len;
		int i = numbering_placeholder_at(p, &len);
		if (i < 0)
			return -1;
		if (placeholders[i].ph == PH_SEQ)
			seq_count++;
		p += len;
	}
	/* Exactly one {seq}: without it two releases share a number, with two it reads as a typo. */
	return seq_count == 1 ? 0 : -1;
}

static const char *numbering_kind_code(const char *kind)
{
	if (!kind)
		return NULL;
	if (strcmp(kind, "press_release") == 0)
		return "SP";
	if (strcmp(kind, "media_advisory") == 0)
		return "UL";
	return NULL;
}

char *numbering_format(const char *fmt, int seq, const char *kind, const char *unit_code,
		       int month, int year)
{
	const char *kind_code = numbering_kind_code(kind);
	if (numbering_check_format(fmt) != 0 || !kind_code || !unit_code || seq < 1 ||
	    month < 1 || month > 12 || year < 1970 || year > 9999)
		return NULL;

	struct buf b = BUF_INIT;
	for (const char *p = fmt; *p;) {
		if (*p != '{') {
			/* Copy the literal run up to the next placeholder in one go. */
			size_t run = strcspn(p, "{");
			buf_append(&b, p, run);
			p += run;
			continue;
		}
		size_t len = 0;
		int i = numbering_placeholder_at(p, &len);
		if (i < 0) {
			/* unreachable after numbering_check_format, but never index with -1 */
			buf_free(&b);
			return NULL;
		}
		switch (placeholders[i].ph) {
		case PH_SEQ:
			buf_printf(&b, "%d", seq);
			break;
		case PH_KIND:
			buf_puts(&b, kind_code);
			break;
		case PH_UNIT:
			buf_puts(&b, unit_code);
			break;
		case PH_ROMAN_MONTH:
			buf_puts(&b, roman_months[month - 1]);
			break;
		case PH_MONTH:
			buf_printf(&b, "%02d", month);
			break;
		case PH_YEAR:
			buf_printf(&b, "%04d", year);
			break;
		}
		p += len;
	}
	return buf_steal(&b);
}
