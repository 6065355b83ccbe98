/* Indonesian dates and times in WIB (see datefmt.h). The calendar arithmetic is done here from
 * Unix seconds (days-from-civil and its inverse), because localtime/TZ/setenv are process-global
 * and not safe in a threaded server; WIB is a fixed UTC+7 without daylight saving. */
#include "view/datefmt.h"

#include <stdarg.h>
#include <stdio.h>

#define SECONDS_PER_DAY 86400

/* WIB local time kept within 0001-01-01 00:00:00 .. 9999-12-31 23:59:59, so that adding the
 * offset cannot overflow and every year prints as at most four digits. */
#define WIB_LOCAL_MIN (-62135596800LL)
#define WIB_LOCAL_MAX 253402300799LL

static const char *const day_names[7] = {
	"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
};

static const char *const month_names[12] = {
	"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
	"Juli",    "Agustus",  "September", "Oktober", "November", "Desember",
};

static const char *const month_short[12] = {
	"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
};

static const char *const roman_months[12] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
};

/* Floor division and modulo: C's / and % truncate toward zero, which is wrong for times
 * before 1970. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = mm;
	*d = dd;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* 1970-01-01 was a Thursday (Kamis, 4). */
static int weekday_from_days(int64_t days)
{
	return (int)floor_mod(days + 4, 7);
}

void datefmt_wib(int64_t t, struct wib_tm *out)
{
	int64_t local;
	if (t < WIB_LOCAL_MIN - WIB_OFFSET_SECONDS)
		local = WIB_LOCAL_MIN;
	else if (t > WIB_LOCAL_MAX - WIB_OFFSET_SECONDS)
		local = WIB_LOCAL_MAX;
	else
		local = t + WIB_OFFSET_SECONDS;

	int64_t days = floor_div(local, SECONDS_PER_DAY);
	int64_t secs = local - days * SECONDS_PER_DAY;
	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->minute = (int)(secs / 60 % 60);
	out->second = (int)(secs % 60);
	out->wday = weekday_from_days(days);
}

const char *datefmt_day_name(int wday)
{
	return wday >= 0 && wday <= 6 ? day_names[wday] : NULL;
}

const char *datefmt_month_name(int month)
{
	return month >= 1 && month <= 12 ? month_names[month - 1] : NULL;
}

const char *datefmt_roman_month(int month)
{
	return month >= 1 && month <= 12 ? roman_months[month - 1] : NULL;
}

/* snprintf with the header's contract: the length, or -1 with out emptied when it does not fit. */
__attribute__((format(printf, 3, 4)))
static int put(char *out, size_t n, const char *fmt, ...)
{
	if (!out || n == 0)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(out, n, fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= n) {
		out[0] = '\0';
		return -1;
	}
	return len;
}

int datefmt_long(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	return put(out, n, "%s, %d %s %d", day_names[tm.wday], tm.day, month_names[tm.month - 1],
		   tm.year);
}

int datefmt_long_time(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	return put(out, n, "%s, %d %s %d, pukul %02d.%02d WIB", day_names[tm.wday], tm.day,
		   month_names[tm.month - 1], tm.year, tm.hour, tm.minute);
}

int datefmt_date(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	return put(out, n, "%d %s %d", tm.day, month_names[tm.month - 1], tm.year);
}

int datefmt_short(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	return put(out, n, "%d %s %d %02d.%02d", tm.day, month_short[tm.month - 1], tm.year,
		   tm.hour, tm.minute);
}

int datefmt_hour(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	return put(out, n, "%02d.%02d", tm.hour, tm.minute);
}

int datefmt_input_local(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	return put(out, n, "%04d-%02d-%02dT%02d:%02d", tm.year, tm.month, tm.day, tm.hour,
		   tm.minute);
}

int datefmt_rfc3339(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	return put(out, n, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.year, tm.month, tm.day,
		   tm.hour, tm.minute, tm.second);
}

int datefmt_long_ymd(int y, int m, int d, char *out, size_t n)
{
	/* An impossible date has no weekday; refusing it beats printing a plausible lie. */
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
		if (out && n)
			out[0] = '\0';
		return -1;
	}
	int wday = weekday_from_days(days_from_civil(y, m, d));
	return put(out, n, "%s, %d %s %d", day_names[wday], d, month_names[m - 1], y);
}

/* Reads exactly count ASCII digits (isdigit() would depend on the locale). */
static int parse_digits(const char *s, int count, int *value)
{
	int v = 0;
	for (int i = 0; i < count; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return 0;
}

/* Parses the "YYYY-MM-DD" prefix of s; the caller checks what follows. */
static int parse_date_prefix(const char *s, int *y, int *m, int *d)
{
	int yy, mm, dd;
	if (parse_digits(s, 4, &yy) || s[4] != '-' || parse_digits(s + 5, 2, &mm) ||
	    s[7] != '-' || parse_digits(s + 8, 2, &dd))
		return -1;
	if (yy < 1970 || yy > 9999 || mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

int datefmt_parse_date(const char *s, int *y, int *m, int *d)
{
	int yy, mm, dd;
	/* parse_digits stops at the first non-digit, so a short string never reads past its NUL. */
	if (!s || parse_date_prefix(s, &yy, &mm, &dd) || s[10] != '\0')
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

int datefmt_parse_local(const char *s, int64_t *t)
{
	int y, mo, d, h, mi, sec = 0;
	if (!s || parse_date_prefix(s, &y, &mo, &d) || s[10] != 'T' ||
	    parse_digits(s + 11, 2, &h) || s[13] != ':' || parse_digits(s + 14, 2, &mi))
		return -1;
	const char *rest = s + 16;
	if (*rest == ':') {
		if (parse_digits(rest + 1, 2, &sec))
			return -1;
		rest += 3;
	}
	if (*rest != '\0' || h > 23 || mi > 59 || sec > 59)
		return -1;
	*t = days_from_civil(y, mo, d) * SECONDS_PER_DAY + h * 3600 + mi * 60 + sec -
	     WIB_OFFSET_SECONDS;
	return 0;
}

int64_t datefmt_wib_midnight(int y, int m, int d)
{
	return days_from_civil(y, m, 1) * SECONDS_PER_DAY + (int64_t)(d - 1) * SECONDS_PER_DAY -
	       WIB_OFFSET_SECONDS;
}
