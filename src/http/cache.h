/* In-memory cache of public responses for anonymous visitors. Each entry remembers the content
 * version it was rendered at (core: release_content_version); a lookup with another version
 * misses, so a publication, correction or unpublication invalidates every page at once. Entries
 * are reference-counted so a response can be sent straight from the cache while a newer one
 * replaces it. Also: ETag computation and gzip, used for uncached responses too. */
#ifndef SIARAN_CACHE_H
#define SIARAN_CACHE_H
#include <stddef.h>
#include <stdint.h>

#define CACHE_TTL_SECONDS 300

struct cache_entry {
	int status;
	char *content_type;
	char *headers;      /* extra "Name: value\n" lines */
	char *body;
	size_t len;
	char *gz;           /* gzip of body, NULL when not worth it */
	size_t gzlen;
	char etag[24];
	/* private */
	struct cache *owner;
	char *key;
	int64_t version;
	int64_t stored;     /* monotonic seconds when stored */
	int refs;           /* guarded by the cache lock */
	struct cache_entry *next;
};

/* Creates the cache (at most max_bytes of bodies; when full it is emptied). Free with
 * cache_free. */
struct cache *cache_new(size_t max_bytes);
void cache_free(struct cache *c);

/* The entry for key at version, with a reference taken (give it back with cache_release), or
 * NULL. Entries also expire after CACHE_TTL_SECONDS, for pages that change with the clock alone
 * (the agenda drops past events). */
struct cache_entry *cache_get(struct cache *c, const char *key, int64_t version);
/* Stores a response (copied) and returns the new entry with a reference taken. */
struct cache_entry *cache_put(struct cache *c, const char *key, int64_t version, int status,
			      const char *content_type, const char *headers, const char *body,
			      size_t len);
/* Drops a reference; the entry is freed when the last one goes. NULL is fine. */
void cache_release(struct cache *c, struct cache_entry *e);

/* Bytes held by the entries of every cache of the process (bodies plain and gzip, keys, headers). */
size_t cache_total_bytes(void);

/* A strong ETag of body ("\"16 hex digits\""), into out (24 bytes). */
void cache_etag(const char *body, size_t len, char out[24]);
/* gzip of body when the type is textual and the body long enough to gain; NULL otherwise.
 * The result is malloc'd. */
char *cache_gzip(const char *content_type, const char *body, size_t len, size_t *outlen);

#endif
