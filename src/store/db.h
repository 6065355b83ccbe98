/* SQLite storage: one writer connection used under a mutex (SQLite 3.40's WAL-reset bug makes
 * concurrent writers unsafe), a pool of read-only connections for request threads, pragmas,
 * migrations and small prepared-statement helpers. Nothing above this layer opens SQLite. */
#ifndef SIARAN_DB_H
#define SIARAN_DB_H
#include <sqlite3.h>
#include <stdint.h>

struct db;

/* Opens (creating if needed) the database at path and sets WAL, foreign keys, busy timeout.
 * Returns NULL and logs the reason on failure. Free with db_close. */
struct db *db_open(const char *path);
/* Closes every connection (the caller guarantees no thread uses them any more). NULL is fine. */
void db_close(struct db *db);

/* Applies pending migrations/NNN_name.sql from dir, in order, each in its own transaction, and
 * records them in schema_migrations. Returns the number applied (>= 0), or -1 with *err set to a
 * malloc'd one-line reason (the failing migration is rolled back; earlier ones stay). */
int db_migrate(struct db *db, const char *dir, char **err);

/* A read-only connection from the pool (opened on demand). Give it back with db_read_end. */
sqlite3 *db_read_begin(struct db *db);
void db_read_end(struct db *db, sqlite3 *c);

/* Takes the writer and starts BEGIN IMMEDIATE. Returns the connection, or NULL (and releases
 * the writer) if the transaction could not start. Every db_write_begin that returned a
 * connection is followed by exactly one db_write_commit or db_write_rollback. */
sqlite3 *db_write_begin(struct db *db);
/* How many write transactions this process has committed (any table). A reader that saw the
 * same count before and after a read knows nothing was committed in between. Lock-free. */
uint64_t db_commit_count(struct db *db);

/* Commits and releases the writer. Returns 0, or -1 if the commit failed (rolled back). */
int db_write_commit(struct db *db);
void db_write_rollback(struct db *db);

/* Prepares constant SQL; logs and returns NULL on error. */
sqlite3_stmt *db_prepare(sqlite3 *c, const char *sql);
/* Binds parameters 1..n by a type string: 'i' int64_t, 't' const char * (NULL binds NULL),
 * 'n' nothing (binds NULL, consumes no argument), 'b' const void *, int length (blob).
 * Returns 0, or -1 (logged) if any bind fails. */
int db_bind(sqlite3_stmt *st, const char *types, ...);
/* Prepares constant SQL and binds parameters 1..n as db_bind does. Returns the statement, or
 * NULL (logged; nothing to finalise) when either step failed. */
sqlite3_stmt *db_preparef(sqlite3 *c, const char *sql, const char *types, ...);
/* Parameters collected while a statement is put together from constant fragments (optional
 * filters): the values are bound in order with db_bind_params. Zero-initialise before use. */
#define DB_PARAMS_MAX 16
struct db_params {
	int n;
	char types[DB_PARAMS_MAX];
	int64_t i[DB_PARAMS_MAX];
	double d[DB_PARAMS_MAX];
	const char *t[DB_PARAMS_MAX]; /* borrowed: must outlive db_bind_params */
};
/* Adds one parameter. More than DB_PARAMS_MAX is a programming error and aborts. */
void db_param_int(struct db_params *p, int64_t v);
void db_param_double(struct db_params *p, double v);
void db_param_text(struct db_params *p, const char *v);
/* Binds p's values to parameters 1..n of st. Returns 0, or -1 (logged). */
int db_bind_params(sqlite3_stmt *st, const struct db_params *p);
/* Prepares sql (put together from constant fragments) and binds p: the statement, or NULL
 * (logged; nothing to finalise). */
sqlite3_stmt *db_prepare_params(sqlite3 *c, const char *sql, const struct db_params *p);

/* Runs a statement that returns no rows (or ignores them) and finalises it. Returns 0 or -1. */
int db_run(sqlite3_stmt *st);
/* Prepares, binds and runs in one go; returns 0 or -1. */
int db_execf(sqlite3 *c, const char *sql, const char *types, ...);
/* Prepares, binds, and reads column 0 of the first row as an integer.
 * Returns 1 (found, *out set), 0 (no row), -1 (error). */
int db_int(sqlite3 *c, int64_t *out, const char *sql, const char *types, ...);
/* Column text as a malloc'd string; NULL when the column is NULL. */
char *db_col_text(sqlite3_stmt *st, int col);
/* Last inserted rowid on c. */
int64_t db_last_id(sqlite3 *c);

/* Whether the database answers a trivial query on c: 0 or -1. */
int db_ping(sqlite3 *c);

/* The database's size as SQLite counts it (page_count * page_size, read on c) and the size of its
 * write-ahead log file (0 when there is none). Returns 0 or -1. */
int db_size(struct db *db, sqlite3 *c, int64_t *bytes, int64_t *wal_bytes);

/* backup.c: copies the database at src_path to out_path while other processes may be writing
 * to it, with SQLite's online backup API, page by page within one read snapshot (in WAL mode a
 * reader never blocks the writer). The copy is written to a temporary file next to out_path
 * (mode 0600), switched to rollback-journal mode so it is one self-contained file, checked with
 * PRAGMA integrity_check, synced, and only then renamed to out_path: out_path never holds a
 * partial copy. An existing out_path is refused unless force (and never when it is src_path
 * itself). Returns 0 with *pages set, or -1 with *err a malloc'd one-line reason (the temporary
 * file removed). */
int db_backup(const char *src_path, const char *out_path, int force, int64_t *pages, char **err);

/* Whether a database write on this thread failed because the disk (or the quota) was full since
 * the last db_full_reset() on this thread: then nothing of that transaction was stored, and the
 * user is told that storage is full rather than that something went wrong. The HTTP layer
 * resets it when a request starts (each request runs on its connection's thread). */
int db_full_seen(void);
void db_full_reset(void);

/* Whether the last error on c was a constraint violation (UNIQUE etc.). */
int db_is_constraint(sqlite3 *c);

#endif
