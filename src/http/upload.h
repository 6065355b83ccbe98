/* Uploaded files of one request, streamed as they arrive into temporary files under the data
 * directory (never whole in memory), with their size and SHA-256 computed on the way. The
 * client's file name is kept only as metadata; the server chooses every path. Files not taken
 * over (renamed away) by a handler are removed when the request ends. */
#ifndef SIARAN_UPLOAD_H
#define SIARAN_UPLOAD_H
#include <sodium.h>
#include <stddef.h>
#include <stdint.h>

struct upload {
	char *field;          /* the form field name */
	char *filename;       /* the client's name (raw, may be anything; never used as a path) */
	char *path;           /* the temporary file, removed by upload_list_free unless taken */
	int fd;               /* open while data arrives, -1 once finished */
	uint64_t size;
	unsigned char sha256[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state hash;
	struct upload *next;
};

struct upload_list {
	struct upload *head, *tail;
	size_t count;
	uint64_t total;       /* bytes of every file */
};

enum {
	UPLOAD_OK = 0,
	UPLOAD_TOO_LARGE = -1, /* the file would pass max_file bytes */
	UPLOAD_TOO_MANY = -2,  /* more than max_count files */
	UPLOAD_IO = -3         /* the temporary file could not be written (disk full...) */
};

/* Adds size bytes of a file part: off 0 starts a new file (in dir, which must exist), off > 0
 * continues the last one. Refuses, adding nothing, when a limit would be passed. */
int upload_feed(struct upload_list *l, const char *dir, const char *field, const char *filename,
		uint64_t off, const char *data, size_t size, uint64_t max_file, size_t max_count);
/* Closes every file and computes the hashes. Returns 0, or UPLOAD_IO. */
int upload_finish(struct upload_list *l);
/* Up to max files of field, in order, into out; returns how many there are in all. Empty parts
 * (a file input left empty sends a part with an empty name and no bytes) are included. */
size_t upload_get_all(const struct upload_list *l, const char *field, struct upload **out,
		      size_t max);
/* Marks u's temporary file as taken over (renamed into the store): it is no longer removed. */
void upload_taken(struct upload *u);
/* Removes the temporary files still present and frees everything; l is empty afterwards. */
void upload_list_free(struct upload_list *l);
/* The SHA-256 of u as 64 lowercase hex digits (out holds 65 bytes). */
void upload_hex(const struct upload *u, char out[65]);

#endif
