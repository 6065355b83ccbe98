/* The machine-readable faces of the public site: RSS 2.0 and Atom feeds of the newest releases
 * (all units or one), the iCalendar agenda of media advisories (built with libical, which folds
 * and escapes), the sitemap and robots.txt. Everything here is anonymous and shows published
 * releases only; ids are tag: URIs made from the release id, so they never change. */
#include "pages/pages.h"

#include <libical/ical.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/release.h"
#include "pages/page.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/datefmt.h"
#include "view/tmpl.h"

#define FEED_ITEMS 50
#define AGENDA_ITEMS 500
#define AGENDA_PAST_SECONDS 86400
/* The sitemaps.org limit for one file; beyond it a sitemap index would be needed. */
#define SITEMAP_MAX_URLS 50000
#define SITEMAP_PAGE 100 /* release_query's largest page */
#define UNIT_CODE_MAX 40

/* The date part of every tag: URI (RFC 4151) minted here. Fixed, so that no id ever changes. */
#define TAG_DATE "2026"
#define SITE_TITLE "Siaran Pers Pemprov DKI Jakarta"
#define SITE_AUTHOR "Pemerintah Provinsi DKI Jakarta"
#define SITE_DESCRIPTION                                                                     \
	"Siaran pers dan undangan liputan resmi perangkat daerah Pemerintah Provinsi DKI Jakarta."
#define CALENDAR_NAME "Agenda Liputan Pemprov DKI Jakarta"
#define CALENDAR_TZID "Asia/Jakarta"

enum feed_format { FEED_RSS, FEED_ATOM };

static const char *const day_en[7] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const month_en[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* The time of the public version of a release: its publication, or its latest correction. */
static int64_t public_time(const struct release *rel)
{
	return rel->public_updated_at ? rel->public_updated_at : rel->published_at;
}

static const char *kind_label(const struct release *rel)
{
	return release_is_advisory(rel) ? "Undangan Liputan" : "Siaran Pers";
}

/* "Sat, 28 Nov 2026 09:30:00 +0700": RFC 822 with RFC 1123's four-digit year, in WIB. The
 * names are English whatever the site's language: feed readers parse them. */
static int rfc822_wib(int64_t t, char *out, size_t n)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	int k = snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d +0700", day_en[tm.wday], tm.day,
			 month_en[tm.month - 1], tm.year, tm.hour, tm.minute, tm.second);
	if (k < 0 || (size_t)k >= n) {
		if (n)
			out[0] = '\0';
		return -1;
	}
	return k;
}

/* "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 7231 IMF-fixdate) for Last-Modified. */
static int http_date(int64_t t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || tm.tm_wday < 0 || tm.tm_wday > 6 || tm.tm_mon < 0 ||
	    tm.tm_mon > 11)
		return -1;
	int k = snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d GMT", day_en[tm.tm_wday],
			 tm.tm_mday, month_en[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
			 tm.tm_sec);
	return (k < 0 || (size_t)k >= n) ? -1 : k;
}

/* Sets Last-Modified: the newest item's time, or the last change of the public content when
 * that is later (an unpublication makes the newest item older, and the feed still changed). */
static void set_last_modified(struct req *r, struct resp *s, int64_t newest)
{
	char date[64];
	int64_t changed = 0;
	if (release_content_changed_at(req_db(r), &changed) == 1 && changed > newest)
		newest = changed;
	if (newest > 0 && http_date(newest, date, sizeof date) > 0)
		resp_header(s, "Last-Modified", date);
}

/* The host of the site's base URL, for tag: URIs and iCalendar UIDs: without scheme, user,
 * port or path, in lower case. "localhost" when the base URL has none. */
static void base_host(struct req *r, char *out, size_t n)
{
	const char *p = page_base_url(r);
	const char *scheme = strstr(p, "://");
	p = scheme ? scheme + 3 : p;
	const char *at = strchr(p, '@');
	const char *slash = strchr(p, '/');
	if (at && (!slash || at < slash))
		p = at + 1;
	size_t len = 0;
	if (*p == '[') {
		const char *close = strchr(p, ']');
		len = close ? (size_t)(close - p) + 1 : 0;
	} else {
		len = strcspn(p, ":/?#");
	}
	if (len == 0 || len >= n) {
		snprintf(out, n, "localhost");
		return;
	}
	for (size_t i = 0; i < len; i++)
		out[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] - 'A' + 'a') : p[i];
	out[len] = '\0';
}

/* Unit codes are upper-case letters, digits and underscores; anything else cannot be one, so
 * it is refused before the database is asked. */
static int unit_code_ok(const char *code)
{
	size_t n = strlen(code);
	if (n == 0 || n > UNIT_CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = code[i];
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		      (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			return 0;
	}
	return 1;
}

/* Resolves the :code of a per-unit route. Returns 1 with *id and *name (malloc'd), or 0 after
 * answering (404 for an unknown or malformed code, 500 on a database error). */
static int load_unit(struct req *r, struct resp *s, int64_t *id, char **name)
{
	const char *code = r->params.v[0];
	*id = 0;
	*name = NULL;
	if (!unit_code_ok(code)) {
		page_error(r, s, 404, "Unit tidak ditemukan.");
		return 0;
	}
	sqlite3 *c = req_db(r);
	int found = c ? release_unit_by_code(c, code, id, name) : -1;
	const char *leaf = strrchr(r->path, '/');
	if (found == 0 && page_unit_moved(r, s, code, leaf ? leaf : ""))
		return 0;
	if (found <= 0) {
		free(*name);
		*name = NULL;
		page_error(r, s, found < 0 ? 500 : 404, found < 0 ? NULL : "Unit tidak ditemukan.");
		return 0;
	}
	return 1;
}

static void html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
	}
}

/* The HTML shown by a feed reader for an item (RSS description, Atom content): the lead, the
 * official number and, for an advisory, when and where. HTML-escaped here; the template escapes
 * it once more for XML, as RSS expects entity-encoded HTML. Caller frees. */
static char *item_html(const struct release *rel)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "<p>");
	html_escape(&b, rel->summary);
	buf_puts(&b, "</p>\n<p>");
	buf_puts(&b, kind_label(rel));
	buf_puts(&b, " &#183; ");
	html_escape(&b, rel->unit_name);
	if (rel->number && *rel->number) {
		buf_puts(&b, "<br>Nomor: ");
		html_escape(&b, rel->number);
	}
	if (release_is_advisory(rel) && rel->event_start) {
		char when[96];
		if (datefmt_long_time(rel->event_start, when, sizeof when) >= 0) {
			buf_puts(&b, "<br>Waktu: ");
			html_escape(&b, when);
		}
		if (*rel->location) {
			buf_puts(&b, "<br>Tempat: ");
			html_escape(&b, rel->location);
			if (*rel->address) {
				buf_puts(&b, ", ");
				html_escape(&b, rel->address);
			}
		}
	}
	buf_puts(&b, "</p>");
	return buf_steal(&b);
}

/* Renders an RSS or Atom document of list into s. unit_code/unit_name NULL = the whole site. */
static void render_feed(struct req *r, struct resp *s, enum feed_format fmt,
			const struct release_list *list, const char *unit_code,
			const char *unit_name)
{
	const char *base = page_base_url(r);
	char host[256];
	base_host(r, host, sizeof host);
	const char *file = fmt == FEED_RSS ? "feeds/rss.tpl" : "feeds/atom.tpl";
	const char *leaf = fmt == FEED_RSS ? "feed.xml" : "atom.xml";

	struct tmpl_dict *d = tmpl_dict_new();
	char *title = unit_name ? xasprintf("%s \xE2\x80\x94 %s", SITE_TITLE, unit_name)
				: xstrdup(SITE_TITLE);
	char *site_url = unit_code ? xasprintf("%s/units/%s", base, unit_code)
				   : xasprintf("%s/", base);
	char *self_url = unit_code ? xasprintf("%s/units/%s/%s", base, unit_code, leaf)
				   : xasprintf("%s/%s", base, leaf);
	char *feed_id = unit_code ? xasprintf("tag:%s,%s:unit/%s/feed", host, TAG_DATE, unit_code)
				  : xasprintf("tag:%s,%s:feed", host, TAG_DATE);
	tmpl_set(d, "FEED_TITLE", title);
	tmpl_set(d, "FEED_DESCRIPTION", SITE_DESCRIPTION);
	tmpl_set(d, "FEED_AUTHOR", unit_name ? unit_name : SITE_AUTHOR);
	tmpl_set(d, "SITE_URL", site_url);
	tmpl_set(d, "SELF_URL", self_url);
	tmpl_set(d, "FEED_ID", feed_id);
	free(title);
	free(site_url);
	free(self_url);
	free(feed_id);

	int64_t newest = 0;
	for (int i = 0; i < list->n; i++) {
		const struct release *rel = list->items[i];
		int64_t t = public_time(rel);
		if (t > newest)
			newest = t;
		struct tmpl_dict *it = tmpl_add_section(d, "ITEM");
		char *url = xasprintf("%s/releases/%s", base, rel->slug);
		char *id = xasprintf("tag:%s,%s:release/%lld", host, TAG_DATE, (long long)rel->id);
		char *unit_url = xasprintf("%s/units/%s", base, rel->unit_code);
		char *html = item_html(rel);
		tmpl_set(it, "ITEM_TITLE", rel->title);
		tmpl_set(it, "ITEM_URL", url);
		tmpl_set(it, "ITEM_ID", id);
		tmpl_set(it, "ITEM_SUMMARY", rel->summary);
		tmpl_set(it, "ITEM_DESCRIPTION", html);
		tmpl_set(it, "ITEM_UNIT", rel->unit_name);
		tmpl_set(it, "ITEM_UNIT_URL", unit_url);
		tmpl_set(it, "ITEM_KIND_LABEL", kind_label(rel));
		if (rel->number && *rel->number)
			tmpl_set(tmpl_add_section(it, "ITEM_NUMBER"), "NUMBER", rel->number);
		page_set_time(it, "ITEM_PUBDATE", rel->published_at, rfc822_wib);
		page_set_time(it, "ITEM_PUBLISHED", rel->published_at, datefmt_rfc3339);
		page_set_time(it, "ITEM_UPDATED", t, datefmt_rfc3339);
		/* The lead photo as an enclosure: its 1200 px JPEG, with its length in bytes. */
		const struct media_item *lead = media_lead(rel->media, rel->nmedia);
		char *photo = lead ? media_path(r->app->data_dir, lead->sha256, "w1200.jpg") : NULL;
		struct stat sb;
		if (photo && stat(photo, &sb) == 0) {
			struct tmpl_dict *e = tmpl_add_section(it, "ITEM_ENCLOSURE");
			char *eurl = xasprintf("%s/media/%s/w1200.jpg", base, lead->sha256);
			tmpl_set(e, "ENCLOSURE_URL", eurl);
			tmpl_set_int(e, "ENCLOSURE_LENGTH", (int64_t)sb.st_size);
			tmpl_set(e, "ENCLOSURE_TYPE", "image/jpeg");
			free(eurl);
		}
		free(photo);
		free(url);
		free(id);
		free(unit_url);
		free(html);
	}
	/* Atom requires <updated>; an empty feed gets the epoch rather than "now", so that the same
	 * content always renders to the same bytes (and ETag). */
	if (newest)
		page_set_time(tmpl_add_section(d, "LAST_BUILD"), "LAST_BUILD_DATE", newest,
			      rfc822_wib);
	if (newest)
		page_set_time(d, "FEED_UPDATED", newest, datefmt_rfc3339);
	else
		tmpl_set(d, "FEED_UPDATED", "1970-01-01T00:00:00Z");

	buf_reset(&s->body);
	int rc = tmpl_render(file, d, &s->body);
	tmpl_dict_free(d);
	if (rc < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	set_last_modified(r, s, newest);
	s->content_type = fmt == FEED_RSS ? "application/rss+xml; charset=utf-8"
					  : "application/atom+xml; charset=utf-8";
	s->cacheable = 1;
	s->status = 200;
}

static void feed(struct req *r, struct resp *s, enum feed_format fmt, int per_unit)
{
	int64_t unit_id = 0;
	char *unit_name = NULL;
	if (per_unit && !load_unit(r, s, &unit_id, &unit_name))
		return;
	sqlite3 *c = req_db(r);
	struct release_query q = { .unit_id = unit_id, .limit = FEED_ITEMS };
	struct release_list list;
	if (!c || release_query(c, &q, &list) < 0) {
		free(unit_name);
		page_error(r, s, 500, NULL);
		return;
	}
	render_feed(r, s, fmt, &list, per_unit ? r->params.v[0] : NULL, unit_name);
	release_list_free(&list);
	free(unit_name);
}

void page_feed_rss(struct req *r, struct resp *s)
{
	feed(r, s, FEED_RSS, 0);
}

void page_feed_atom(struct req *r, struct resp *s)
{
	feed(r, s, FEED_ATOM, 0);
}

void page_unit_feed_rss(struct req *r, struct resp *s)
{
	feed(r, s, FEED_RSS, 1);
}

void page_unit_feed_atom(struct req *r, struct resp *s)
{
	feed(r, s, FEED_ATOM, 1);
}

/* --- iCalendar --- */

/* libical's UTC zone is a lazily initialised global: it is set up once here, before any two
 * requests could race to initialise it, and only read afterwards. */
static pthread_once_t utc_once = PTHREAD_ONCE_INIT;
static icaltimezone *utc_zone;

static void init_utc_zone(void)
{
	utc_zone = icaltimezone_get_utc_timezone();
}

/* A date-time in UTC ("...Z"), as DTSTAMP and LAST-MODIFIED require. */
static struct icaltimetype ical_utc(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0, utc_zone);
}

/* A DTSTART/DTEND in WIB local time with TZID=Asia/Jakarta (the VTIMEZONE below). */
static icalproperty *ical_wib(icalproperty *(*make)(struct icaltimetype), int64_t t)
{
	struct wib_tm tm;
	datefmt_wib(t, &tm);
	struct icaltimetype v = icaltime_null_time();
	v.year = tm.year;
	v.month = tm.month;
	v.day = tm.day;
	v.hour = tm.hour;
	v.minute = tm.minute;
	v.second = tm.second;
	icalproperty *p = make(v);
	icalproperty_add_parameter(p, icalparameter_new_tzid(CALENDAR_TZID));
	return p;
}

/* Asia/Jakarta: UTC+7 all year, no daylight saving since 1964. */
static icalcomponent *wib_vtimezone(void)
{
	icalcomponent *tz = icalcomponent_new_vtimezone();
	icalcomponent_add_property(tz, icalproperty_new_tzid(CALENDAR_TZID));
	icalcomponent *std = icalcomponent_new_xstandard();
	struct icaltimetype start = icaltime_null_time();
	start.year = 1970;
	start.month = 1;
	start.day = 1;
	icalcomponent_add_property(std, icalproperty_new_dtstart(start));
	icalcomponent_add_property(std, icalproperty_new_tzoffsetfrom(WIB_OFFSET_SECONDS));
	icalcomponent_add_property(std, icalproperty_new_tzoffsetto(WIB_OFFSET_SECONDS));
	icalcomponent_add_property(std, icalproperty_new_tzname("WIB"));
	icalcomponent_add_component(tz, std);
	return tz;
}

/* Appends text with line breaks kept as "\n" and other control characters turned into spaces:
 * libical would write a tab or CR as "\t"/"\r", which RFC 5545 text does not know. */
static void put_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '\r' && s[1] == '\n')
			continue;
		if (ch == '\r' || ch == '\n')
			buf_putc(b, '\n');
		else if (ch < 0x20 || ch == 0x7f)
			buf_putc(b, ' ');
		else
			buf_putc(b, (char)ch);
	}
}

/* Adds a text property made by make from s after put_text. */
static void add_text(icalcomponent *ev, icalproperty *(*make)(const char *), const char *s)
{
	struct buf b = BUF_INIT;
	put_text(&b, s);
	icalcomponent_add_property(ev, make(buf_str(&b)));
	buf_free(&b);
}

static icalcomponent *advisory_vevent(const struct release *rel, const char *base,
				      const char *host)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	char *uid = xasprintf("release-%lld@%s", (long long)rel->id, host);
	char *url = xasprintf("%s/releases/%s", base, rel->slug);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	/* DTSTAMP from the public version, not the request time: the same content must render to
	 * the same bytes for ETag and the response cache. */
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(ical_utc(public_time(rel))));
	icalcomponent_add_property(ev, icalproperty_new_lastmodified(ical_utc(public_time(rel))));
	icalcomponent_add_property(ev, ical_wib(icalproperty_new_dtstart, rel->event_start));
	if (rel->event_end > rel->event_start)
		icalcomponent_add_property(ev, ical_wib(icalproperty_new_dtend, rel->event_end));
	add_text(ev, icalproperty_new_summary, rel->title);

	struct buf b = BUF_INIT;
	if (*rel->location || *rel->address) {
		put_text(&b, rel->location);
		if (*rel->location && *rel->address)
			buf_puts(&b, ", ");
		put_text(&b, rel->address);
		icalcomponent_add_property(ev, icalproperty_new_location(buf_str(&b)));
	}

	buf_reset(&b);
	put_text(&b, rel->summary);
	if (rel->number && *rel->number) {
		buf_puts(&b, "\n\nNomor: ");
		put_text(&b, rel->number);
	}
	buf_puts(&b, "\nPenyelenggara: ");
	put_text(&b, rel->unit_name);
	struct buf contact = BUF_INIT;
	const char *parts[] = { rel->contact_name, rel->contact_phone, rel->contact_email };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		if (contact.len)
			buf_puts(&contact, ", ");
		put_text(&contact, parts[i]);
		if (i == 0 && rel->contact_position && *rel->contact_position) {
			buf_puts(&contact, " (");
			put_text(&contact, rel->contact_position);
			buf_putc(&contact, ')');
		}
	}
	if (contact.len) {
		buf_puts(&b, "\nNarahubung: ");
		buf_puts(&b, buf_str(&contact));
		icalcomponent_add_property(ev, icalproperty_new_contact(buf_str(&contact)));
	}
	buf_puts(&b, "\n\n");
	buf_puts(&b, url);
	icalcomponent_add_property(ev, icalproperty_new_description(buf_str(&b)));
	buf_free(&b);
	buf_free(&contact);

	icalcomponent_add_property(ev, icalproperty_new_url(url));
	icalcomponent_add_property(ev, icalproperty_new_categories(kind_label(rel)));
	icalcomponent_add_property(ev, icalproperty_new_class(ICAL_CLASS_PUBLIC));
	icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	free(uid);
	free(url);
	return ev;
}

static void add_x(icalcomponent *cal, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(cal, p);
}

void page_agenda_ics(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct release_list list;
	if (!c || release_agenda(c, clock_now() - AGENDA_PAST_SECONDS, 0, AGENDA_ITEMS, &list) < 0) {
		if (c)
			release_list_free(&list);
		page_error(r, s, 500, NULL);
		return;
	}
	pthread_once(&utc_once, init_utc_zone);
	const char *base = page_base_url(r);
	char host[256];
	base_host(r, host, sizeof host);

	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//Pemprov DKI Jakarta//siaran//ID"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	/* X- values are not escaped by libical: these constants need none. */
	add_x(cal, "X-WR-CALNAME", CALENDAR_NAME);
	add_x(cal, "X-WR-TIMEZONE", CALENDAR_TZID);
	add_x(cal, "X-PUBLISHED-TTL", "PT1H");
	icalcomponent_add_component(cal, wib_vtimezone());

	int64_t newest = 0;
	for (int i = 0; i < list.n; i++) {
		const struct release *rel = list.items[i];
		if (!rel->event_start)
			continue;
		if (public_time(rel) > newest)
			newest = public_time(rel);
		icalcomponent_add_component(cal, advisory_vevent(rel, base, host));
	}
	release_list_free(&list);

	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!text) {
		log_error("agenda.ics: libical could not serialise the calendar");
		page_error(r, s, 500, NULL);
		return;
	}
	buf_reset(&s->body);
	buf_puts(&s->body, text);
	free(text);
	set_last_modified(r, s, newest);
	s->content_type = "text/calendar; charset=utf-8";
	s->cacheable = 1;
	s->status = 200;
}

/* --- sitemap and robots.txt --- */

static void sitemap_url(struct tmpl_dict *d, const char *loc, int64_t lastmod)
{
	struct tmpl_dict *u = tmpl_add_section(d, "URL");
	tmpl_set(u, "LOC", loc);
	if (lastmod)
		page_set_time(tmpl_add_section(u, "LASTMOD"), "LASTMOD_DATE", lastmod,
			      datefmt_rfc3339);
}

/* Adds every published release, newest first, a page at a time. Returns the newest public time
 * (0 when none), or -1 on a database error. */
static int64_t sitemap_releases(sqlite3 *c, struct tmpl_dict *d, const char *base, int *count)
{
	struct release_query q = { .limit = SITEMAP_PAGE };
	char cursor[128];
	int64_t newest = 0;
	for (;;) {
		struct release_list list;
		if (release_query(c, &q, &list) < 0)
			return -1;
		for (int i = 0; i < list.n && *count < SITEMAP_MAX_URLS; i++) {
			const struct release *rel = list.items[i];
			char *loc = xasprintf("%s/releases/%s", base, rel->slug);
			sitemap_url(d, loc, public_time(rel));
			free(loc);
			if (public_time(rel) > newest)
				newest = public_time(rel);
			(*count)++;
		}
		int more = list.more && list.n > 0 && *count < SITEMAP_MAX_URLS;
		if (more && release_cursor(list.items[list.n - 1], 0, cursor, sizeof cursor) < 0) {
			release_list_free(&list);
			return -1;
		}
		release_list_free(&list);
		if (!more)
			return newest;
		q.after = cursor;
	}
}

void page_sitemap(struct req *r, struct resp *s)
{
	sqlite3 *c = req_db(r);
	struct unit_count_list units;
	if (!c || release_unit_counts(c, &units) < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	const char *base = page_base_url(r);
	struct tmpl_dict *d = tmpl_dict_new();
	/* The fixed pages come first; the home page's lastmod is the newest release, known only
	 * after the releases are listed, so its entry is filled in afterwards. */
	struct tmpl_dict *home = tmpl_add_section(d, "URL");
	char *loc = xasprintf("%s/", base);
	tmpl_set(home, "LOC", loc);
	free(loc);
	loc = xasprintf("%s/agenda", base);
	sitemap_url(d, loc, 0);
	free(loc);
	loc = xasprintf("%s/units", base);
	sitemap_url(d, loc, 0);
	free(loc);
	int count = 3;
	/* Only units that have published something: an empty unit page tells a search engine
	 * nothing. */
	for (int i = 0; i < units.n && count < SITEMAP_MAX_URLS; i++) {
		if (!units.items[i].published)
			continue;
		loc = xasprintf("%s/units/%s", base, units.items[i].code);
		sitemap_url(d, loc, units.items[i].last_published);
		free(loc);
		count++;
	}
	unit_count_list_free(&units);
	int64_t newest = sitemap_releases(c, d, base, &count);
	if (newest < 0) {
		tmpl_dict_free(d);
		page_error(r, s, 500, NULL);
		return;
	}
	if (newest)
		page_set_time(tmpl_add_section(home, "LASTMOD"), "LASTMOD_DATE", newest,
			      datefmt_rfc3339);
	buf_reset(&s->body);
	int rc = tmpl_render("feeds/sitemap.tpl", d, &s->body);
	tmpl_dict_free(d);
	if (rc < 0) {
		page_error(r, s, 500, NULL);
		return;
	}
	set_last_modified(r, s, newest);
	s->content_type = "application/xml; charset=utf-8";
	s->cacheable = 1;
	s->status = 200;
}

void page_robots(struct req *r, struct resp *s)
{
	char *text = xasprintf("User-agent: *\n"
			       "Allow: /\n"
			       "Disallow: /requests\n"
			       "Disallow: /login\n"
			       "\n"
			       "Sitemap: %s/sitemap.xml\n",
			       page_base_url(r));
	resp_text(s, 200, text);
	free(text);
	s->cacheable = 1;
}
