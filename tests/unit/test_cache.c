/* Unit tests for http/cache: the gzip copy keeps only the memory it needs, and the bytes counted
 * against the limit (and shown by /metrics) follow what the entries hold. */
#include <criterion/criterion.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "http/cache.h"

/* A page-like text of n bytes that compresses well. */
static char *page(size_t n)
{
	char *b = malloc(n + 1);
	cr_assert(b);
	for (size_t i = 0; i < n; i++)
		b[i] = "<li><a href=\"/releases/x\">Siaran pers</a></li>\n"[i % 48];
	b[n] = '\0';
	return b;
}

Test(cache, gzip_keeps_only_the_compressed_bytes)
{
	size_t len = 200 * 1024, n = 0;
	char *body = page(len);
	char *gz = cache_gzip("text/html; charset=utf-8", body, len, &n);
	cr_assert(gz && n > 0 && n < len / 10, "compressed to %zu of %zu bytes", n, len);
	/* Before: the worst-case buffer (about len) stayed allocated for every cached page. */
	cr_assert_leq(malloc_usable_size(gz), n + 64, "%zu bytes allocated for %zu", malloc_usable_size(gz), n);
	/* And it is a whole gzip stream of the body. */
	char *back = malloc(len);
	z_stream z;
	memset(&z, 0, sizeof z);
	cr_assert_eq(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (Bytef *)gz;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)back;
	z.avail_out = (uInt)len;
	cr_assert_eq(inflate(&z, Z_FINISH), Z_STREAM_END);
	cr_assert_eq(z.total_out, len);
	inflateEnd(&z);
	cr_assert(memcmp(back, body, len) == 0);
	free(back);
	free(gz);
	free(body);
}

Test(cache, bytes_follow_the_entries)
{
	size_t before = cache_total_bytes();
	struct cache *c = cache_new(64 * 1024 * 1024);
	char *body = page(50000);
	struct cache_entry *a = cache_put(c, "/a", 1, 200, "text/html; charset=utf-8", "Vary: Cookie\n",
					  body, 50000);
	size_t one = cache_total_bytes() - before;
	/* The body, its gzip copy, the key, type and headers, and the entry itself. */
	cr_assert_geq(one, 50000 + a->gzlen + strlen("/a") + strlen("Vary: Cookie\n") + sizeof *a);
	cr_assert_leq(one, 50000 + a->gzlen + 256 + sizeof *a);
	cache_release(c, a);
	/* Replacing the key's entry counts the new one only. */
	cache_release(c, cache_put(c, "/a", 2, 200, "text/html; charset=utf-8", "Vary: Cookie\n", body, 50000));
	cr_assert_eq(cache_total_bytes() - before, one);
	cache_release(c, cache_put(c, "/b", 2, 200, "text/plain; charset=utf-8", NULL, "x", 1));
	cr_assert_gt(cache_total_bytes() - before, one);
	cache_free(c);
	cr_assert_eq(cache_total_bytes(), before);
	free(body);
}

Test(cache, full_cache_is_emptied_and_counted_again)
{
	size_t before = cache_total_bytes();
	char *body = page(40000);
	struct cache_entry *probe = NULL;
	struct cache *c = cache_new(100000);
	probe = cache_put(c, "/1", 1, 200, "text/plain", NULL, body, 40000);
	size_t one = cache_total_bytes() - before;
	cache_release(c, probe);
	/* Entries are bigger than a third of the limit: the third one empties the cache first. */
	cr_assert_lt(2 * one, (size_t)100000);
	cr_assert_gt(3 * one, (size_t)100000);
	cache_release(c, cache_put(c, "/2", 1, 200, "text/plain", NULL, body, 40000));
	cr_assert_eq(cache_total_bytes() - before, 2 * one);
	cache_release(c, cache_put(c, "/3", 1, 200, "text/plain", NULL, body, 40000));
	cr_assert_eq(cache_total_bytes() - before, one);
	cr_assert_null(cache_get(c, "/1", 1));
	struct cache_entry *hit = cache_get(c, "/3", 1);
	cr_assert(hit);
	cache_release(c, hit);
	cache_free(c);
	cr_assert_eq(cache_total_bytes(), before);
	free(body);
}
