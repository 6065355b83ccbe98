/* Demo data for trying siaran out (`siaran demo`). */
#ifndef SIARAN_DEMO_H
#define SIARAN_DEMO_H
#include <stdio.h>

struct db;

/* Creates (or resets the passwords of) one demo user per role and, when the database has no
 * requests yet, a set of releases and requests in every state. Prints the logins to out.
 * Returns 0 or -1. All in one transaction: nothing is half-loaded. */
int demo_load(struct db *db, const char *number_format, FILE *out);

#endif
