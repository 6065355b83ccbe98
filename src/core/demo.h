/* Demo data for trying siaran out (`siaran demo`). */
#ifndef SIARAN_DEMO_H
#define SIARAN_DEMO_H
#include <stdio.h>

struct db;

/* Creates (or resets the passwords of) one demo user per role and, when the database has no
 * requests yet, a set of releases and requests in every state, some with photos: pictures
 * drawn with libvips (needs image_init and media_init) and stored under data_dir through the
 * same path as uploads, derivatives included. Prints the logins to out. Returns 0 or -1. All
 * rows in one transaction: nothing is half-loaded (stored files without a row are swept at the
 * server's next start). */
int demo_load(struct db *db, const char *data_dir, const char *number_format, FILE *out);

#endif
