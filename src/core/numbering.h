/* Official release numbers ("nomor siaran pers"), e.g. "12/SP/DINKES/XI/2026". The sequence itself
 * is kept gapless per year and kind in the database (release.c); this module only formats. */
#ifndef SIARAN_NUMBERING_H
#define SIARAN_NUMBERING_H

/* Default format. Placeholders: {seq} (the number in the year), {KIND} ("SP" for a press release,
 * "UL" for a media advisory / undangan liputan), {UNIT} (the unit code), {ROMAN_MONTH} (I..XII),
 * {MONTH} (01..12), {YEAR} (four digits). */
#define NUMBERING_DEFAULT_FORMAT "{seq}/{KIND}/{UNIT}/{ROMAN_MONTH}/{YEAR}"

/* Checks a format: every '{' opens a known placeholder, {seq} appears exactly once, length <= 200.
 * Returns 0 when usable, -1 otherwise. */
int numbering_check_format(const char *fmt);

/* Formats a number. kind is "press_release" or "media_advisory"; month 1..12. Returns a malloc'd
 * string, or NULL when the format is invalid or an argument is out of range. */
char *numbering_format(const char *fmt, int seq, const char *kind, const char *unit_code,
		       int month, int year);

#endif
