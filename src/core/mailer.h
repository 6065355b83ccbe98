/* The mail worker: one background thread that delivers the outbox (written by notify.c) over
 * SMTP with libcurl, records every attempt, retries with a growing back-off and gives up after a
 * number of attempts. Also the pure pieces it is made of (message formatting, back-off), for
 * tests. */
#ifndef SIARAN_MAILER_H
#define SIARAN_MAILER_H
#include <stdint.h>

struct db;

struct mailer_config {
	const char *url;        /* smtp://HOST:PORT or smtps://HOST:PORT; NULL = no delivery */
	const char *user;       /* SMTP AUTH user and password; NULL = no AUTH */
	const char *password;
	int require_tls;        /* STARTTLS required; otherwise used when the server offers it */
	const char *from;       /* envelope sender and From address */
	int interval;           /* seconds between looks at the outbox */
	int retry_base;         /* back-off after the first failure, seconds; doubles each time */
	int retry_max;          /* the back-off never exceeds this, seconds */
	int max_attempts;       /* a message that failed this many times is marked failed */
};

/* Defaults: interval 5 s, back-off 60 s doubling up to 3600 s, 10 attempts. */
#define MAILER_DEFAULT_INTERVAL 5
#define MAILER_DEFAULT_RETRY_BASE 60
#define MAILER_DEFAULT_RETRY_MAX 3600
#define MAILER_DEFAULT_MAX_ATTEMPTS 10

/* Starts the worker on db with a copy of cfg (call once, from the main thread). Without
 * cfg->url no thread starts: messages stay pending in the outbox (logged once). The worker looks
 * at the outbox at once, so what was pending before a restart goes out first, then every
 * cfg->interval seconds. Returns 0, or -1 (logged) when the thread or libcurl cannot start. */
int mailer_start(struct db *db, const struct mailer_config *cfg);
/* Stops the worker: a message being transferred is finished (one not yet started is left
 * pending), then the thread is joined. Safe when mailer_start started nothing. */
void mailer_stop(void);

/* "siaran@HOST" for a base URL with a host name (not an address or localhost), else
 * "siaran@localhost". base_url may be NULL. The caller frees the result. */
char *mailer_default_from(const char *base_url);

/* One outbox row as the worker sends it. */
struct mailer_message {
	const char *to_addr, *to_name, *subject, *body_text, *body_html, *message_id;
	int64_t created_at; /* the Date header */
};

/* The complete RFC 5322 message (CRLF line ends): Date, From, To, Subject (RFC 2047 encoded
 * words when not plain ASCII), Message-ID, MIME-Version and a multipart/alternative body with
 * the text and HTML parts in quoted-printable. Returns a malloc'd string, or NULL when an address
 * or the Message-ID could break the header (CR, LF, '<', '>' ...). */
char *mailer_format(const struct mailer_message *m, const char *from);

/* Seconds to wait before the next attempt after `failures` failed ones (>= 1):
 * base * 2^(failures-1), at most max. */
int64_t mailer_backoff(int failures, int base, int max);

#endif
