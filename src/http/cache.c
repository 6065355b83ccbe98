/* Response cache (see cache.h): a hash table of entries under one mutex; bodies are immutable
 * once stored, so senders read them without the lock while they hold a reference. */
#include "http/cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define ZLIB_CONST /* next_in is const: the body is only read */
#include <zlib.h>

#include "util/xmalloc.h"

#define BUCKETS 1024
#define GZIP_MIN 512

/* Bytes held by every cache of the process, for /metrics. */
static _Atomic size_t total_bytes;

struct cache {
	pthread_mutex_t lock;        /* guards everything below and every entry's refs */
	struct cache_entry *table[BUCKETS];
	size_t bytes, max_bytes;
};

static int64_t mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

static size_t bucket_of(const char *key)
{
	uint64_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (size_t)(h % BUCKETS);
}

struct cache *cache_new(size_t max_bytes)
{
	struct cache *c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->lock, NULL);
	c->max_bytes = max_bytes;
	return c;
}

/* What an entry holds in memory, as counted against the cache's limit. */
static size_t entry_size(const struct cache_entry *e)
{
	return sizeof *e + strlen(e->key) + 1 + strlen(e->content_type) + 1 + strlen(e->headers) +
	       1 + e->len + 1 + e->gzlen;
}

static void entry_free(struct cache_entry *e)
{
	free(e->key);
	free(e->content_type);
	free(e->headers);
	free(e->body);
	free(e->gz);
	free(e);
}

/* Unlinks every entry; those still being sent are freed by their last cache_release. */
static void clear_locked(struct cache *c)
{
	for (size_t i = 0; i < BUCKETS; i++) {
		struct cache_entry *e = c->table[i];
		while (e) {
			struct cache_entry *next = e->next;
			e->next = NULL;
			if (--e->refs == 0)
				entry_free(e);
			e = next;
		}
		c->table[i] = NULL;
	}
	atomic_fetch_sub(&total_bytes, c->bytes);
	c->bytes = 0;
}

void cache_free(struct cache *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	clear_locked(c);
	pthread_mutex_unlock(&c->lock);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

struct cache_entry *cache_get(struct cache *c, const char *key, int64_t version)
{
	struct cache_entry *found = NULL;
	int64_t fresh_after = mono_now() - CACHE_TTL_SECONDS;
	pthread_mutex_lock(&c->lock);
	for (struct cache_entry *e = c->table[bucket_of(key)]; e; e = e->next)
		if (e->version == version && e->stored > fresh_after && strcmp(e->key, key) == 0) {
			e->refs++;
			found = e;
			break;
		}
	pthread_mutex_unlock(&c->lock);
	return found;
}

struct cache_entry *cache_put(struct cache *c, const char *key, int64_t version, int status,
			      const char *content_type, const char *headers, const char *body,
			      size_t len)
{
	struct cache_entry *e = xcalloc(1, sizeof *e);
	e->owner = c;
	e->key = xstrdup(key);
	e->version = version;
	e->stored = mono_now();
	e->status = status;
	e->content_type = xstrdup(content_type);
	e->headers = xstrdup(headers ? headers : "");
	e->body = xmalloc(len + 1);
	memcpy(e->body, body, len);
	e->body[len] = '\0';
	e->len = len;
	cache_etag(body, len, e->etag);
	e->gz = cache_gzip(content_type, body, len, &e->gzlen);
	size_t size = entry_size(e);
	e->refs = 2; /* the table's and the caller's */

	pthread_mutex_lock(&c->lock);
	if (c->bytes + size > c->max_bytes)
		clear_locked(c);
	/* Replace an older entry of the same key (any version). */
	struct cache_entry **pp = &c->table[bucket_of(key)];
	while (*pp) {
		struct cache_entry *old = *pp;
		if (strcmp(old->key, key) == 0) {
			*pp = old->next;
			size_t old_size = entry_size(old);
			c->bytes -= old_size;
			atomic_fetch_sub(&total_bytes, old_size);
			if (--old->refs == 0)
				entry_free(old);
			continue;
		}
		pp = &old->next;
	}
	e->next = c->table[bucket_of(key)];
	c->table[bucket_of(key)] = e;
	c->bytes += size;
	atomic_fetch_add(&total_bytes, size);
	pthread_mutex_unlock(&c->lock);
	return e;
}

void cache_release(struct cache *c, struct cache_entry *e)
{
	if (!e)
		return;
	pthread_mutex_lock(&c->lock);
	int last = --e->refs == 0;
	pthread_mutex_unlock(&c->lock);
	if (last)
		entry_free(e);
}

void cache_etag(const char *body, size_t len, char out[24])
{
	unsigned char h[8];
	crypto_generichash(h, sizeof h, (const unsigned char *)body, len, NULL, 0);
	snprintf(out, 24, "\"%02x%02x%02x%02x%02x%02x%02x%02x\"", h[0], h[1], h[2], h[3], h[4], h[5],
		 h[6], h[7]);
}

static int textual(const char *type)
{
	return strncmp(type, "text/", 5) == 0 || strstr(type, "json") || strstr(type, "xml") ||
	       strstr(type, "javascript");
}

char *cache_gzip(const char *content_type, const char *body, size_t len, size_t *outlen)
{
	*outlen = 0;
	if (len < GZIP_MIN || !content_type || !textual(content_type))
		return NULL;
	z_stream z;
	memset(&z, 0, sizeof z);
	/* windowBits 15 + 16: a gzip wrapper, as Content-Encoding: gzip expects. */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	size_t cap = deflateBound(&z, (uLong)len);
	char *out = xmalloc(cap);
	z.next_in = (const Bytef *)body;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	size_t n = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END || n >= len) {
		free(out);
		return NULL;
	}
	*outlen = n;
	/* The buffer was sized for the worst case (about the body's size); a cached entry keeps
	 * only what the compressed copy needs. */
	return xrealloc(out, n);
}

size_t cache_total_bytes(void)
{
	return atomic_load(&total_bytes);
}
