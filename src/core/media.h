/* Photos and documents of publication requests: the store on disk (content-addressed by SHA-256
 * under DATA/media/, derivatives beside the private original), the attachments in the database
 * (caption, credit, order; the first photo leads), limits per request and per unit, and who may
 * fetch a stored file. Image work itself is core/image.c. */
#ifndef SIARAN_MEDIA_H
#define SIARAN_MEDIA_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "core/image.h"

#define MEDIA_CAPTION_MAX 500
#define MEDIA_CREDIT_MAX 200
#define MEDIA_FILENAME_MAX 255
#define MEDIA_MAX_PER_REQUEST 30

struct media_item {
	int64_t id, request_id;
	char sha256[65];
	char *mime;
	int document;      /* 0 photo, 1 document (PDF) */
	int width, height; /* photos */
	int64_t bytes;
	int position;
	char *caption, *credit, *filename;
};

/* Creates DATA/media and DATA/tmp and empties DATA/tmp (leftovers of a crash). 0 or -1. */
int media_init(const char *data_dir);
/* Removes what no attachment refers to any more: media rows (inside w) and stored directories
 * without a row (files placed by a request that then failed or crashed before its commit). Run
 * at start, before requests are served. Returns the number of directories removed, or -1. */
int media_sweep(sqlite3 *w, const char *data_dir);

/* A file made ready for the store: inspected, derivatives made in a work directory. */
struct media_new {
	char sha256[65];
	struct image_info info;
	int64_t bytes;
	char *work_dir; /* DATA/tmp/work-XXXXXX until media_place */
};

/* Inspects the uploaded file at path (sha256 hex and size as computed while it arrived) and, for
 * a photo, makes its derivatives; a PDF is rewritten without its metadata (core/pdf.h) and
 * out->sha256 and out->bytes are those of the rewritten file, which is what the store keeps and
 * serves. want_photo says which kind the field asked for. Returns 0, or
 * -1 with *why (Indonesian) for a refused file, or -2 (logged) for a server fault. On 0 the file
 * at path has been moved into out->work_dir. Free with media_new_clear. */
int media_prepare(const char *data_dir, const char *path, const char *sha256, int64_t bytes,
		  int want_photo, struct media_new *out, const char **why);
/* The SHA-256 (lowercase hex) and size of the file at path, read in pieces. 0 or -1 (logged). */
int media_hash_file(const char *path, char hex[65], int64_t *bytes);
/* Moves a prepared file into the store (durably: files and directories synced). A file already
 * stored (same content) is kept as it is. 0 or -1. */
int media_place(const char *data_dir, struct media_new *m);
/* Removes the work directory, if still there. */
void media_new_clear(struct media_new *m);

/* Inside w: records m (if new) and attaches it to request_id at the end of its kind's list.
 * Returns the attachment id; 0 when the file is already attached to this request; -1 on error. */
int64_t media_attach(sqlite3 *w, int64_t request_id, const struct media_new *m, const char *caption,
		     const char *credit, const char *filename, int64_t actor, int64_t now);
/* Bytes stored for request_id (0: none) and for unit_id (distinct files of all its requests).
 * 0 or -1. */
int media_usage(sqlite3 *c, int64_t unit_id, int64_t request_id, int64_t *request_bytes,
		int64_t *unit_bytes);

/* The attachments of request_id (photos first, each kind by position). *out is malloc'd (free
 * with media_list_free). 0 or -1. */
int media_load(sqlite3 *c, int64_t request_id, struct media_item **out, int *n);
/* The attachments of several requests at once: lists[i]/counts[i] for ids[i]. 0 or -1. */
int media_load_many(sqlite3 *c, const int64_t *ids, int n, struct media_item **lists, int *counts);
void media_list_free(struct media_item *v, int n);
/* The lead photo among v (NULL when there is none). */
const struct media_item *media_lead(const struct media_item *v, int n);

enum media_op { MEDIA_OP_SAVE, MEDIA_OP_REMOVE, MEDIA_OP_UP, MEDIA_OP_DOWN, MEDIA_OP_LEAD };
/* Inside w: changes attachment id of request_id: new caption/credit (SAVE), removal, or a move
 * among the request's attachments of the same kind (LEAD = to the first place). Returns 1 done,
 * 0 no such attachment on that request, -1 error. */
int media_change(sqlite3 *w, int64_t request_id, int64_t id, enum media_op op, const char *caption,
		 const char *credit);

/* Who may fetch stored file sha256: 1 when it is attached to a published request, else 2 when it
 * is attached to a request of unit_id (unit_id 0: of any unit), else 0; -1 on error. *mime gets
 * the original's type (static string) when found. */
int media_access(sqlite3 *c, const char *sha256, int64_t unit_id, const char **mime);
/* The path of a stored file: DATA/media/xx/<sha256>/<name>. Caller frees. */
char *media_path(const char *data_dir, const char *sha256, const char *name);
/* Whether s is 64 lowercase hex digits. */
int media_valid_sha256(const char *s);

#endif
