/* The mail worker (see mailer.h): reads due messages from the outbox through a read connection,
 * talks SMTP with libcurl holding no database lock, then records the outcome in its own short
 * write transaction. Also formats the RFC 5322 message and computes the back-off. */
#include "core/mailer.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/notify.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define BATCH 20
#define FROM_NAME "Siaran Pers Pemprov DKI Jakarta"
#define BOUNDARY "=_siaran_alternative" /* "=_" never occurs in quoted-printable text */

/* The one worker of the process. `running` and the configuration are written only by the main
 * thread, in mailer_start before the worker exists and in mailer_stop after it is joined;
 * `stopping` is guarded by lock (set by the main thread, read by the worker and its curl
 * progress callback). */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stopping;
	int running;
	pthread_t thread;
	struct db *db;
	char *url, *user, *password, *from;
	int require_tls, interval, retry_base, retry_max, max_attempts;
} W = { .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER };

static int stopping(void)
{
	pthread_mutex_lock(&W.lock);
	int s = W.stopping;
	pthread_mutex_unlock(&W.lock);
	return s;
}

/* --- formatting --- */

int64_t mailer_backoff(int failures, int base, int max)
{
	int64_t d = base > 0 ? base : 1;
	for (int i = 1; i < failures && d < max; i++)
		d *= 2;
	return d > max ? max : d;
}

/* Printable ASCII without the characters that would end or split an address in a header. */
static int addr_ok(const char *a)
{
	size_t n = strlen(a);
	if (n < 3 || n > 254 || !strchr(a, '@'))
		return 0;
	for (const char *p = a; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("<>,;:\"()[]\\", *p))
			return 0;
	return 1;
}

static int msgid_ok(const char *m)
{
	size_t n = strlen(m);
	if (n < 5 || n > 250 || m[0] != '<' || m[n - 1] != '>' || !strchr(m, '@'))
		return 0;
	for (size_t i = 1; i + 1 < n; i++)
		if (m[i] <= ' ' || m[i] >= 0x7f || m[i] == '<' || m[i] == '>')
			return 0;
	return 1;
}

static int printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

static void base64(struct buf *b, const unsigned char *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		buf_putc(b, tab[(v >> 18) & 63]);
		buf_putc(b, tab[(v >> 12) & 63]);
		buf_putc(b, i + 1 < n ? tab[(v >> 6) & 63] : '=');
		buf_putc(b, i + 2 < n ? tab[v & 63] : '=');
	}
}

/* s as RFC 2047 encoded words ("=?UTF-8?B?...?="), folded between words. Each word carries at
 * most 39 bytes, cut at character boundaries so that no word holds half a character. Control
 * characters become spaces. */
static void encoded_words(struct buf *b, const char *s)
{
	char *clean = xstrdup(s);
	for (char *p = clean; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	size_t n = strlen(clean), i = 0;
	while (i < n) {
		size_t k = n - i < 39 ? n - i : 39;
		/* back off over continuation bytes (10xxxxxx) so the cut falls before a lead byte */
		while (i + k < n && k > 1 && ((unsigned char)clean[i + k] & 0xc0) == 0x80)
			k--;
		if (i)
			buf_puts(b, "\r\n ");
		buf_puts(b, "=?UTF-8?B?");
		base64(b, (const unsigned char *)clean + i, k);
		buf_puts(b, "?=");
		i += k;
	}
	free(clean);
}

/* An unstructured header value (Subject): as it is when plain printable ASCII of sensible
 * length, else encoded words. */
static void header_text(struct buf *b, const char *s)
{
	if (printable_ascii(s) && !strstr(s, "=?") && strlen(s) < 900)
		buf_puts(b, s);
	else
		encoded_words(b, s);
}

/* A display name: a quoted string when printable ASCII, else encoded words. */
static void header_name(struct buf *b, const char *s)
{
	if (printable_ascii(s) && !strstr(s, "=?") && strlen(s) < 200) {
		buf_putc(b, '"');
		for (; *s; s++) {
			if (*s == '"' || *s == '\\')
				buf_putc(b, '\\');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	} else {
		encoded_words(b, s);
	}
}

/* Quoted-printable (RFC 2045) with CRLF line ends and lines of at most 76 characters. */
static void quoted_printable(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		if (*p == '\n') {
			buf_puts(b, "\r\n");
			col = 0;
			continue;
		}
		/* A space or tab at the end of a line would be lost in transport: encode it. */
		int at_eol = p[1] == '\0' || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
		int literal = (*p >= 33 && *p <= 126 && *p != '=') ||
			      ((*p == ' ' || *p == '\t') && !at_eol);
		size_t w = literal ? 1 : 3;
		if (col + w > 75) {
			buf_puts(b, "=\r\n");
			col = 0;
		}
		if (literal) {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '=');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
		col += w;
	}
	if (col)
		buf_puts(b, "\r\n");
}

/* "Thu, 20 Nov 2026 10:00:00 +0700": the Date header in WIB, with English names as RFC 5322
 * requires (not the locale's). */
static void header_date(struct buf *b, int64_t t)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t wib = (time_t)(t + 7 * 3600);
	struct tm tm;
	if (!gmtime_r(&wib, &tm)) {
		wib = 0;
		gmtime_r(&wib, &tm);
	}
	buf_printf(b, "%s, %d %s %d %02d:%02d:%02d +0700", days[tm.tm_wday], tm.tm_mday,
		   months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

char *mailer_format(const struct mailer_message *m, const char *from)
{
	if (!addr_ok(m->to_addr) || !addr_ok(from) || !msgid_ok(m->message_id))
		return NULL;
	struct buf b = BUF_INIT;
	buf_puts(&b, "Date: ");
	header_date(&b, m->created_at);
	buf_puts(&b, "\r\nFrom: ");
	header_name(&b, FROM_NAME);
	buf_printf(&b, " <%s>\r\nTo: ", from);
	if (m->to_name && *m->to_name) {
		header_name(&b, m->to_name);
		buf_putc(&b, ' ');
	}
	buf_printf(&b, "<%s>\r\nSubject: ", m->to_addr);
	header_text(&b, m->subject);
	buf_printf(&b, "\r\nMessage-ID: %s\r\n", m->message_id);
	buf_puts(&b, "MIME-Version: 1.0\r\n"
		     "Auto-Submitted: auto-generated\r\n"
		     "Content-Type: multipart/alternative; boundary=\"" BOUNDARY "\"\r\n"
		     "\r\n"
		     "--" BOUNDARY "\r\n"
		     "Content-Type: text/plain; charset=UTF-8\r\n"
		     "Content-Transfer-Encoding: quoted-printable\r\n"
		     "\r\n");
	quoted_printable(&b, m->body_text);
	buf_puts(&b, "--" BOUNDARY "\r\n"
		     "Content-Type: text/html; charset=UTF-8\r\n"
		     "Content-Transfer-Encoding: quoted-printable\r\n"
		     "\r\n");
	quoted_printable(&b, m->body_html);
	buf_puts(&b, "--" BOUNDARY "--\r\n");
	return buf_steal(&b);
}

char *mailer_default_from(const char *base_url)
{
	const char *p = base_url ? strstr(base_url, "://") : NULL;
	if (!p)
		return xstrdup("siaran@localhost");
	p += 3;
	size_t n = strcspn(p, "/:?#");
	int letter = 0, dot = 0, ok = n > 0 && n < 200;
	for (size_t i = 0; ok && i < n; i++) {
		char c = p[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			letter = 1;
		else if (c == '.')
			dot = 1;
		else if (!(c >= '0' && c <= '9') && c != '-')
			ok = 0; /* '[' of an IPv6 address, '@' of user information... */
	}
	if (!ok || !letter || !dot)
		return xstrdup("siaran@localhost");
	char *from = xasprintf("siaran@%.*s", (int)n, p);
	for (char *c = from; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return from;
}

/* --- delivery --- */

struct outmsg {
	int64_t id, created_at, attempts;
	char *to_addr, *to_name, *subject, *body_text, *body_html, *message_id;
};

static void outmsg_clear(struct outmsg *m)
{
	free(m->to_addr);
	free(m->to_name);
	free(m->subject);
	free(m->body_text);
	free(m->body_html);
	free(m->message_id);
	memset(m, 0, sizeof *m);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	char *s = db_col_text(st, i);
	return s ? s : xstrdup("");
}

/* Up to BATCH pending messages due at now, oldest first. Returns how many, or -1. */
static int load_due(struct outmsg *out, int64_t now)
{
	sqlite3 *c = db_read_begin(W.db);
	if (!c)
		return -1;
	int n = -1;
	sqlite3_stmt *st = db_prepare(c,
		"SELECT id, to_addr, to_name, subject, body_text, body_html, message_id, created_at,"
		" attempts FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?"
		" ORDER BY next_attempt_at, id LIMIT ?");
	if (!st)
		goto out;
	if (db_bind(st, "ii", now, (int64_t)BATCH) < 0) {
		sqlite3_finalize(st);
		goto out;
	}
	int rc = SQLITE_DONE;
	n = 0;
	while (n < BATCH && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct outmsg *m = &out[n++];
		m->id = sqlite3_column_int64(st, 0);
		m->to_addr = col_dup(st, 1);
		m->to_name = col_dup(st, 2);
		m->subject = col_dup(st, 3);
		m->body_text = col_dup(st, 4);
		m->body_html = col_dup(st, 5);
		m->message_id = col_dup(st, 6);
		m->created_at = sqlite3_column_int64(st, 7);
		m->attempts = sqlite3_column_int64(st, 8);
	}
	if (n < BATCH && rc != SQLITE_DONE) {
		log_error("mail: reading the outbox: %s", sqlite3_errmsg(c));
		while (n > 0)
			outmsg_clear(&out[--n]);
		n = -1;
	}
	sqlite3_finalize(st);
out:
	db_read_end(W.db, c);
	return n;
}

struct upload {
	const char *data;
	size_t len, off;
};

static size_t read_cb(char *dst, size_t size, size_t nitems, void *arg)
{
	struct upload *u = arg;
	size_t room = size * nitems, left = u->len - u->off;
	size_t n = left < room ? left : room;
	memcpy(dst, u->data + u->off, n);
	u->off += n;
	return n;
}

/* Aborts a transfer at shutdown only while none of the message has been sent: once the body
 * is on its way it is finished, so the server never gets a message we do not record. */
static int progress_cb(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	(void)arg;
	(void)dltotal;
	(void)dlnow;
	(void)ultotal;
	return ulnow == 0 && stopping();
}

enum outcome { SENT, RETRY, GIVE_UP, ABORTED };

/* SMTP replies that no retry will change: bad address syntax, no such mailbox, mailbox name
 * not allowed. */
static int permanent_reply(long code)
{
	return code == 501 || code == 550 || code == 551 || code == 553;
}

#define SET(opt, val)                                             \
	do {                                                      \
		if (rc == CURLE_OK)                               \
			rc = curl_easy_setopt(curl, opt, val);    \
	} while (0)

/* Sends one message. *err gets a malloc'd reason on failure. */
static enum outcome send_one(const struct outmsg *m, char **err)
{
	*err = NULL;
	struct mailer_message mm = { m->to_addr, m->to_name, m->subject, m->body_text,
				     m->body_html, m->message_id, m->created_at };
	char *msg = mailer_format(&mm, W.from);
	if (!msg) {
		*err = xstrdup("alamat penerima, pengirim atau Message-ID tidak dapat dipakai");
		return GIVE_UP;
	}
	CURL *curl = curl_easy_init();
	if (!curl) {
		free(msg);
		*err = xstrdup("libcurl: cannot create a handle");
		return RETRY;
	}
	char *rcpt_addr = xasprintf("<%s>", m->to_addr);
	char *from_addr = xasprintf("<%s>", W.from);
	struct curl_slist *rcpt = curl_slist_append(NULL, rcpt_addr);
	struct upload up = { msg, strlen(msg), 0 };
	char errbuf[CURL_ERROR_SIZE] = "";
	CURLcode rc = rcpt ? CURLE_OK : CURLE_OUT_OF_MEMORY;
	SET(CURLOPT_URL, W.url);
	SET(CURLOPT_MAIL_FROM, from_addr);
	SET(CURLOPT_MAIL_RCPT, rcpt);
	SET(CURLOPT_UPLOAD, 1L);
	SET(CURLOPT_READFUNCTION, read_cb);
	SET(CURLOPT_READDATA, &up);
	SET(CURLOPT_INFILESIZE_LARGE, (curl_off_t)up.len);
	SET(CURLOPT_USE_SSL, (long)(W.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_CONNECTTIMEOUT, 15L);
	SET(CURLOPT_TIMEOUT, 120L);
	SET(CURLOPT_ERRORBUFFER, errbuf);
	SET(CURLOPT_NOPROGRESS, 0L);
	SET(CURLOPT_XFERINFOFUNCTION, progress_cb);
	if (W.user)
		SET(CURLOPT_USERNAME, W.user);
	if (W.password)
		SET(CURLOPT_PASSWORD, W.password);
	enum outcome result = RETRY;
	if (rc != CURLE_OK) {
		*err = xasprintf("libcurl setup: %s", curl_easy_strerror(rc));
		goto out;
	}
	rc = curl_easy_perform(curl);
	if (rc == CURLE_OK) {
		result = SENT;
		goto out;
	}
	if (rc == CURLE_ABORTED_BY_CALLBACK) {
		result = ABORTED;
		goto out;
	}
	long code = 0;
	if (curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK)
		code = 0;
	*err = code ? xasprintf("SMTP %ld: %s", code, errbuf[0] ? errbuf : curl_easy_strerror(rc))
		    : xstrdup(errbuf[0] ? errbuf : curl_easy_strerror(rc));
	if (permanent_reply(code))
		result = GIVE_UP;
out:
	curl_easy_cleanup(curl);
	curl_slist_free_all(rcpt);
	free(rcpt_addr);
	free(from_addr);
	free(msg);
	return result;
}

#undef SET

/* Records the outcome of one attempt in its own transaction. Returns 0 or -1. */
static int record(const struct outmsg *m, enum outcome o, const char *err, int64_t now)
{
	int64_t attempts = m->attempts + 1;
	if (o == RETRY && attempts >= W.max_attempts)
		o = GIVE_UP;
	sqlite3 *w = db_write_begin(W.db);
	if (!w)
		return -1;
	int rc;
	if (o == SENT)
		rc = db_execf(w, "UPDATE outbox SET state = 'sent', attempts = ?, sent_at = ?,"
				 " last_error = NULL WHERE id = ?", "iii", attempts, now, m->id);
	else if (o == GIVE_UP)
		rc = db_execf(w, "UPDATE outbox SET state = 'failed', attempts = ?, last_error = ?"
				 " WHERE id = ?", "iti", attempts, err, m->id);
	else
		rc = db_execf(w, "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ?"
				 " WHERE id = ?", "itii", attempts, err,
			      now + mailer_backoff((int)attempts, W.retry_base, W.retry_max), m->id);
	/* A one-time link in the body is no longer needed once the message left or never will. */
	if (rc == 0 && (o == SENT || o == GIVE_UP))
		rc = db_execf(w, "UPDATE outbox SET body_text = ?1, body_html = ?1 WHERE id = ?2"
				 " AND sensitive = 1", "ti", OUTBOX_REDACTED, m->id);
	if (rc == 0)
		rc = db_execf(w, "INSERT INTO outbox_attempts (outbox_id, at, ok, error)"
				 " VALUES (?, ?, ?, ?)", "iiit", m->id, now, (int64_t)(o == SENT),
			      o == SENT ? NULL : err);
	if (rc < 0) {
		db_write_rollback(W.db);
		return -1;
	}
	if (db_write_commit(W.db) < 0)
		return -1;
	if (o == SENT)
		log_info("mail: message %lld sent to %s", (long long)m->id, m->to_addr);
	else if (o == GIVE_UP)
		log_warn("mail: message %lld to %s failed for good after %lld attempt(s): %s",
			 (long long)m->id, m->to_addr, (long long)attempts, err ? err : "?");
	else
		log_warn("mail: message %lld to %s not sent (attempt %lld): %s", (long long)m->id,
			 m->to_addr, (long long)attempts, err ? err : "?");
	return 0;
}

/* Sends everything due now. A message whose outcome cannot be recorded ends the round, so
 * that it is not sent again at once. */
static void deliver_due(void)
{
	struct outmsg batch[BATCH];
	memset(batch, 0, sizeof batch);
	for (;;) {
		int n = load_due(batch, clock_now());
		if (n <= 0)
			return;
		int stop = 0;
		for (int i = 0; i < n; i++) {
			if (!stop && stopping())
				stop = 1;
			if (!stop) {
				char *err = NULL;
				enum outcome o = send_one(&batch[i], &err);
				if (o == ABORTED)
					stop = 1;
				else if (record(&batch[i], o, err, clock_now()) < 0) {
					log_error("mail: cannot record the outcome for message %lld",
						  (long long)batch[i].id);
					stop = 1;
				}
				free(err);
			}
			outmsg_clear(&batch[i]);
		}
		if (stop || n < BATCH)
			return;
	}
}

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		deliver_due();
		pthread_mutex_lock(&W.lock);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += W.interval;
		while (!W.stopping && pthread_cond_timedwait(&W.wake, &W.lock, &until) == 0)
			;
		int stop = W.stopping;
		pthread_mutex_unlock(&W.lock);
		if (stop)
			return NULL;
	}
}

/* Frees the copied configuration and libcurl's global state. */
static void forget_config(void)
{
	free(W.url);
	free(W.user);
	if (W.password) {
		explicit_bzero(W.password, strlen(W.password));
		free(W.password);
	}
	free(W.from);
	W.url = W.user = W.password = W.from = NULL;
	curl_global_cleanup();
}

int mailer_start(struct db *db, const struct mailer_config *cfg)
{
	if (!cfg->url) {
		log_info("mail: no SMTP server configured (--smtp or SIARAN_SMTP); messages wait in"
			 " the outbox");
		return 0;
	}
	if (W.running) {
		log_error("mail: the worker is already running");
		return -1;
	}
	CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
	if (rc != CURLE_OK) {
		log_error("mail: libcurl: %s", curl_easy_strerror(rc));
		return -1;
	}
	W.db = db;
	W.url = xstrdup(cfg->url);
	W.user = cfg->user ? xstrdup(cfg->user) : NULL;
	W.password = cfg->password ? xstrdup(cfg->password) : NULL;
	W.from = xstrdup(cfg->from);
	W.require_tls = cfg->require_tls;
	W.interval = cfg->interval > 0 ? cfg->interval : MAILER_DEFAULT_INTERVAL;
	W.retry_base = cfg->retry_base > 0 ? cfg->retry_base : MAILER_DEFAULT_RETRY_BASE;
	W.retry_max = cfg->retry_max >= W.retry_base ? cfg->retry_max : W.retry_base;
	W.max_attempts = cfg->max_attempts > 0 ? cfg->max_attempts : MAILER_DEFAULT_MAX_ATTEMPTS;
	W.stopping = 0;
	int e = pthread_create(&W.thread, NULL, worker, NULL);
	if (e != 0) {
		log_error("mail: cannot start the worker: %s", strerror(e));
		forget_config();
		return -1;
	}
	W.running = 1;
	/* A URL may carry user information; only the part after it is logged. */
	const char *at = strrchr(W.url, '@');
	log_info("mail: delivering through %s%s as %s", at ? "smtp://…@" : "", at ? at + 1 : W.url,
		 W.from);
	return 0;
}

void mailer_stop(void)
{
	if (!W.running)
		return;
	pthread_mutex_lock(&W.lock);
	W.stopping = 1;
	pthread_cond_signal(&W.wake);
	pthread_mutex_unlock(&W.lock);
	pthread_join(W.thread, NULL);
	forget_config();
	W.running = 0;
}
