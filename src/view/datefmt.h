/* Indonesian dates and times in WIB (Asia/Jakarta, UTC+7, no daylight saving). Every time in the
 * program is Unix seconds (UTC); this module converts for display and parses form input. */
#ifndef SIARAN_DATEFMT_H
#define SIARAN_DATEFMT_H
#include <stddef.h>
#include <stdint.h>

#define WIB_OFFSET_SECONDS (7 * 3600)

/* Calendar fields of t in WIB. */
struct wib_tm {
	int year, month, day;   /* month 1..12 */
	int hour, minute, second;
	int wday;               /* 0 = Minggu (Sunday) .. 6 = Sabtu */
};
void datefmt_wib(int64_t t, struct wib_tm *out);

/* Indonesian names: day 0..6 from Sunday ("Minggu".."Sabtu"), month 1..12 ("Januari"..). */
const char *datefmt_day_name(int wday);
const char *datefmt_month_name(int month);
/* Roman numeral of a month 1..12 ("I".."XII"); NULL when out of range. */
const char *datefmt_roman_month(int month);

/* The functions below write a NUL-terminated string into out (size n) and return its length,
 * or -1 when n is too small (out is then ""). */
/* "Kamis, 20 Agustus 2026" */
int datefmt_long(int64_t t, char *out, size_t n);
/* "Kamis, 20 Agustus 2026, pukul 09.30 WIB" */
int datefmt_long_time(int64_t t, char *out, size_t n);
/* "20 Agustus 2026" */
int datefmt_date(int64_t t, char *out, size_t n);
/* "20 Agu 2026 09.30" (compact, for tables) */
int datefmt_short(int64_t t, char *out, size_t n);
/* "09.30" */
int datefmt_hour(int64_t t, char *out, size_t n);
/* Form value "2026-08-20T09:30" (WIB), as in <input type="datetime-local">. */
int datefmt_input_local(int64_t t, char *out, size_t n);
/* "2026-08-20T09:30:00+07:00" (RFC 3339, WIB offset). */
int datefmt_rfc3339(int64_t t, char *out, size_t n);
/* Dateline of a press release for a calendar date: "Kamis, 20 Agustus 2026" from y-m-d. */
int datefmt_long_ymd(int y, int m, int d, char *out, size_t n);

/* Parses "YYYY-MM-DD" (exactly that form, a real calendar date, year 1970..9999).
 * Returns 0 and fills y/m/d, or -1. */
int datefmt_parse_date(const char *s, int *y, int *m, int *d);
/* Parses "YYYY-MM-DDTHH:MM" (also accepts a trailing ":SS" as browsers may send) as WIB local
 * time and returns 0 with *t in Unix seconds, or -1 for anything else. */
int datefmt_parse_local(const char *s, int64_t *t);
/* The Unix time of midnight WIB at the start of calendar day y-m-d (fields not checked; days
 * past the month's end roll over, so d + 1 is the next midnight). */
int64_t datefmt_wib_midnight(int y, int m, int d);

#endif
