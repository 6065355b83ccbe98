/* Streams uploaded file parts into temporary files (mkstemp under the data directory's tmp/),
 * hashing them with SHA-256 on the way; caps each file and the number of files. */
#include "http/upload.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/log.h"
#include "util/xmalloc.h"

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static struct upload *start(struct upload_list *l, const char *dir, const char *field,
			    const char *filename)
{
	char *path = xasprintf("%s/upload-XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd < 0) {
		log_error("upload: cannot create a temporary file in %s: %s", dir, strerror(errno));
		free(path);
		return NULL;
	}
	struct upload *u = xcalloc(1, sizeof *u);
	u->field = xstrdup(field ? field : "");
	u->filename = xstrdup(filename ? filename : "");
	u->path = path;
	u->fd = fd;
	crypto_hash_sha256_init(&u->hash);
	if (l->tail)
		l->tail->next = u;
	else
		l->head = u;
	l->tail = u;
	l->count++;
	return u;
}

int upload_feed(struct upload_list *l, const char *dir, const char *field, const char *filename,
		uint64_t off, const char *data, size_t size, uint64_t max_file, size_t max_count)
{
	struct upload *u = l->tail;
	/* As for form fields (http/form.h): a part announced with no bytes may get its first bytes
	 * at offset 0 again. */
	int resumed = off == 0 && u && u->fd >= 0 && u->size == 0 &&
		      strcmp(u->field, field ? field : "") == 0 &&
		      strcmp(u->filename, filename ? filename : "") == 0;
	if ((off == 0 && !resumed) || !u || u->fd < 0) {
		if (l->count >= max_count)
			return UPLOAD_TOO_MANY;
		if (size > max_file)
			return UPLOAD_TOO_LARGE;
		u = start(l, dir, field, filename);
		if (!u)
			return UPLOAD_IO;
	} else if (u->size + size > max_file) {
		return UPLOAD_TOO_LARGE;
	}
	if (size) {
		if (write_all(u->fd, data, size) < 0) {
			log_error("upload: writing %s: %s", u->path, strerror(errno));
			return UPLOAD_IO;
		}
		crypto_hash_sha256_update(&u->hash, (const unsigned char *)data, size);
		u->size += size;
		l->total += size;
	}
	return UPLOAD_OK;
}

int upload_finish(struct upload_list *l)
{
	int rc = UPLOAD_OK;
	for (struct upload *u = l->head; u; u = u->next) {
		if (u->fd < 0)
			continue;
		/* The bytes must be on disk before a handler renames the file into the store and
		 * commits a row that points at it. */
		if (fsync(u->fd) < 0 || close(u->fd) < 0) {
			log_error("upload: finishing %s: %s", u->path, strerror(errno));
			rc = UPLOAD_IO;
		}
		u->fd = -1;
		crypto_hash_sha256_final(&u->hash, u->sha256);
	}
	return rc;
}

size_t upload_get_all(const struct upload_list *l, const char *field, struct upload **out,
		      size_t max)
{
	size_t n = 0;
	for (struct upload *u = l->head; u; u = u->next)
		if (strcmp(u->field, field) == 0) {
			if (n < max)
				out[n] = u;
			n++;
		}
	return n;
}

void upload_taken(struct upload *u)
{
	free(u->path);
	u->path = NULL;
}

void upload_list_free(struct upload_list *l)
{
	struct upload *u = l->head;
	while (u) {
		struct upload *next = u->next;
		if (u->fd >= 0)
			close(u->fd);
		if (u->path)
			unlink(u->path);
		free(u->field);
		free(u->filename);
		free(u->path);
		free(u);
		u = next;
	}
	memset(l, 0, sizeof *l);
}

void upload_hex(const struct upload *u, char out[65])
{
	sodium_bin2hex(out, 65, u->sha256, sizeof u->sha256);
}
