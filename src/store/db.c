/* SQLite connections and migrations (see db.h). The writer is a single connection guarded by
 * write_lock; readers are read-only connections kept in a free list guarded by pool_lock. */
#include "store/db.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define BUSY_TIMEOUT_MS 10000

struct reader {
	sqlite3 *c;
	struct reader *next;
};

/* At most this many read connections exist at once; more readers wait for one. Each maps the
 * database file (mmap_size), so the bound also bounds address space and open files. */
#define MAX_READERS 16

struct db {
	char *path;
	sqlite3 *writer;
	pthread_mutex_t write_lock;  /* held from db_write_begin to commit/rollback */
	pthread_mutex_t pool_lock;   /* guards free_readers and open_readers */
	pthread_cond_t reader_free;  /* signalled when a reader is given back */
	struct reader *free_readers; /* idle read-only connections */
	int open_readers;            /* read connections in existence, idle or in use */
	_Atomic uint64_t commits;    /* committed write transactions (db_commit_count) */
};

/* Whether a statement on this thread failed because the disk or quota was full since the last
 * db_full_reset() (see db.h). Thread-local: each request runs on its own thread. */
static _Thread_local int full_seen;

/* Notes a full disk behind a failed call on c: SQLITE_FULL, or an I/O error whose system errno
 * says so. */
static void note_failure(sqlite3 *c)
{
	int code = sqlite3_errcode(c);
	int sys = sqlite3_system_errno(c);
	if (code == SQLITE_FULL || (code == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT)))
		full_seen = 1;
}

int db_full_seen(void)
{
	return full_seen;
}

void db_full_reset(void)
{
	full_seen = 0;
}

static int exec_sql(sqlite3 *c, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(c, sql, NULL, NULL, &msg) != SQLITE_OK) {
		note_failure(c);
		log_error("sqlite: %s: %s", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static sqlite3 *open_conn(const char *path, int readonly)
{
	sqlite3 *c = NULL;
	int flags = readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
	flags |= SQLITE_OPEN_NOMUTEX; /* each connection is used by one thread at a time */
	if (sqlite3_open_v2(path, &c, flags, NULL) != SQLITE_OK) {
		log_error("cannot open database %s: %s", path, c ? sqlite3_errmsg(c) : "out of memory");
		sqlite3_close(c);
		return NULL;
	}
	sqlite3_busy_timeout(c, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(c, 1);
	/* Memory-mapped reads: pages come straight from the file cache instead of being copied in
	 * by read() calls (a large search index made that the main cost of a search). */
	const char *pragmas = readonly
		? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON; PRAGMA mmap_size=268435456;"
		  "PRAGMA cache_size=-8192;"
		: "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
		  "PRAGMA journal_size_limit=67108864; PRAGMA mmap_size=268435456;";
	if (exec_sql(c, pragmas) < 0) {
		sqlite3_close(c);
		return NULL;
	}
	return c;
}

/* WAL frames (pages) after which a commit checkpoints passively, as SQLite does by default,
 * and after which it waits for readers to let go of the WAL so that the next transaction
 * writes it from the start again. Readers that never pause would otherwise keep a passive
 * checkpoint from ever finishing, and the WAL file would grow for as long as they read. */
#define WAL_PASSIVE_FRAMES 1000
#define WAL_RESTART_FRAMES 4000

/* Called on the writer connection after each commit, still under write_lock (so checkpoints,
 * like writes, come from one connection at a time). */
static int wal_hook(void *arg, sqlite3 *c, const char *name, int frames)
{
	(void)arg;
	if (frames >= WAL_RESTART_FRAMES) {
		/* Waits (busy timeout) for readers of older snapshots; BUSY means try next time. */
		int rc = sqlite3_wal_checkpoint_v2(c, name, SQLITE_CHECKPOINT_RESTART, NULL, NULL);
		if (rc != SQLITE_OK && rc != SQLITE_BUSY)
			log_error("sqlite checkpoint: %s", sqlite3_errmsg(c));
	} else if (frames >= WAL_PASSIVE_FRAMES) {
		sqlite3_wal_checkpoint_v2(c, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	}
	return SQLITE_OK; /* the commit itself succeeded whatever the checkpoint did */
}

struct db *db_open(const char *path)
{
	sqlite3 *w = open_conn(path, 0);
	if (!w)
		return NULL;
	sqlite3_wal_hook(w, wal_hook, NULL); /* replaces SQLite's automatic checkpoint */
	struct db *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->writer = w;
	pthread_mutex_init(&db->write_lock, NULL);
	pthread_mutex_init(&db->pool_lock, NULL);
	pthread_cond_init(&db->reader_free, NULL);
	return db;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	struct reader *r = db->free_readers;
	while (r) {
		struct reader *next = r->next;
		sqlite3_close(r->c);
		free(r);
		r = next;
	}
	/* A final checkpoint folds the WAL back into the main file on a clean shutdown. */
	sqlite3_exec(db->writer, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
	sqlite3_close(db->writer);
	pthread_mutex_destroy(&db->write_lock);
	pthread_mutex_destroy(&db->pool_lock);
	pthread_cond_destroy(&db->reader_free);
	free(db->path);
	free(db);
}

sqlite3 *db_read_begin(struct db *db)
{
	pthread_mutex_lock(&db->pool_lock);
	while (!db->free_readers && db->open_readers >= MAX_READERS)
		pthread_cond_wait(&db->reader_free, &db->pool_lock);
	struct reader *r = db->free_readers;
	if (r)
		db->free_readers = r->next;
	else
		db->open_readers++; /* reserve the slot before opening outside the lock */
	pthread_mutex_unlock(&db->pool_lock);
	if (r) {
		sqlite3 *c = r->c;
		free(r);
		return c;
	}
	sqlite3 *c = open_conn(db->path, 1);
	if (!c) {
		pthread_mutex_lock(&db->pool_lock);
		db->open_readers--;
		pthread_cond_signal(&db->reader_free);
		pthread_mutex_unlock(&db->pool_lock);
	}
	return c;
}

void db_read_end(struct db *db, sqlite3 *c)
{
	if (!c)
		return;
	/* A statement left running would pin an old snapshot; reset them all before reuse. */
	sqlite3_stmt *st = NULL;
	while ((st = sqlite3_next_stmt(c, st)) != NULL)
		sqlite3_reset(st);
	struct reader *r = xmalloc(sizeof *r);
	r->c = c;
	pthread_mutex_lock(&db->pool_lock);
	r->next = db->free_readers;
	db->free_readers = r;
	pthread_cond_signal(&db->reader_free);
	pthread_mutex_unlock(&db->pool_lock);
}

sqlite3 *db_write_begin(struct db *db)
{
	pthread_mutex_lock(&db->write_lock);
	if (exec_sql(db->writer, "BEGIN IMMEDIATE") < 0) {
		pthread_mutex_unlock(&db->write_lock);
		return NULL;
	}
	return db->writer;
}

uint64_t db_commit_count(struct db *db)
{
	return atomic_load(&db->commits);
}

int db_write_commit(struct db *db)
{
	int rc = 0;
	if (exec_sql(db->writer, "COMMIT") < 0) {
		sqlite3_exec(db->writer, "ROLLBACK", NULL, NULL, NULL);
		rc = -1;
	} else {
		atomic_fetch_add(&db->commits, 1);
	}
	pthread_mutex_unlock(&db->write_lock);
	return rc;
}

void db_write_rollback(struct db *db)
{
	/* The failure that led here may have come from a statement stepped outside these helpers. */
	note_failure(db->writer);
	if (!sqlite3_get_autocommit(db->writer))
		exec_sql(db->writer, "ROLLBACK");
	pthread_mutex_unlock(&db->write_lock);
}

sqlite3_stmt *db_prepare(sqlite3 *c, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) != SQLITE_OK) {
		log_error("sqlite prepare: %s: %s", sqlite3_errmsg(c), sql);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static int bind_va(sqlite3_stmt *st, const char *types, va_list ap)
{
	int idx = 1;
	for (const char *t = types ? types : ""; *t; t++, idx++) {
		int rc;
		switch (*t) {
		case 'i':
			rc = sqlite3_bind_int64(st, idx, va_arg(ap, int64_t));
			break;
		case 't': {
			const char *s = va_arg(ap, const char *);
			rc = s ? sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT)
			       : sqlite3_bind_null(st, idx);
			break;
		}
		case 'b': {
			const void *p = va_arg(ap, const void *);
			int n = va_arg(ap, int);
			rc = sqlite3_bind_blob(st, idx, p, n, SQLITE_TRANSIENT);
			break;
		}
		case 'n':
			rc = sqlite3_bind_null(st, idx);
			break;
		default:
			log_error("db_bind: bad type '%c'", *t);
			return -1;
		}
		if (rc != SQLITE_OK) {
			log_error("sqlite bind %d: %s", idx, sqlite3_errstr(rc));
			return -1;
		}
	}
	return 0;
}

int db_bind(sqlite3_stmt *st, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	int rc = bind_va(st, types, ap);
	va_end(ap);
	return rc;
}

static int param_slot(struct db_params *p, char type)
{
	if (p->n >= DB_PARAMS_MAX) {
		log_error("db_params: more than %d parameters", DB_PARAMS_MAX);
		abort();
	}
	p->types[p->n] = type;
	return p->n++;
}

void db_param_int(struct db_params *p, int64_t v)
{
	p->i[param_slot(p, 'i')] = v;
}

void db_param_double(struct db_params *p, double v)
{
	p->d[param_slot(p, 'd')] = v;
}

void db_param_text(struct db_params *p, const char *v)
{
	p->t[param_slot(p, 't')] = v;
}

int db_bind_params(sqlite3_stmt *st, const struct db_params *p)
{
	for (int k = 0; k < p->n; k++) {
		int rc = p->types[k] == 'i'   ? sqlite3_bind_int64(st, k + 1, p->i[k])
			 : p->types[k] == 'd' ? sqlite3_bind_double(st, k + 1, p->d[k])
					      : sqlite3_bind_text(st, k + 1, p->t[k], -1, SQLITE_TRANSIENT);
		if (rc != SQLITE_OK) {
			log_error("sqlite bind %d: %s", k + 1, sqlite3_errstr(rc));
			return -1;
		}
	}
	return 0;
}

sqlite3_stmt *db_prepare_params(sqlite3 *c, const char *sql, const struct db_params *p)
{
	sqlite3_stmt *st = db_prepare(c, sql);
	if (st && db_bind_params(st, p) < 0) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

int db_run(sqlite3_stmt *st)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		sqlite3 *c = sqlite3_db_handle(st);
		note_failure(c);
		/* Constraint violations are expected outcomes the caller checks; others are faults. */
		if ((rc & 0xff) != SQLITE_CONSTRAINT)
			log_error("sqlite step: %s: %s", sqlite3_errmsg(c), sqlite3_sql(st));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Prepares sql and binds ap as db_bind does; NULL (logged, nothing left to finalise) on failure. */
static sqlite3_stmt *prepare_va(sqlite3 *c, const char *sql, const char *types, va_list ap)
{
	sqlite3_stmt *st = db_prepare(c, sql);
	if (st && bind_va(st, types, ap) < 0) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *db_preparef(sqlite3 *c, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = prepare_va(c, sql, types, ap);
	va_end(ap);
	return st;
}

int db_execf(sqlite3 *c, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = prepare_va(c, sql, types, ap);
	va_end(ap);
	return st ? db_run(st) : -1;
}

int db_int(sqlite3 *c, int64_t *out, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	sqlite3_stmt *st = prepare_va(c, sql, types, ap);
	va_end(ap);
	if (!st)
		return -1;
	int found = -1;
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		found = 1;
	} else if (s == SQLITE_DONE) {
		found = 0;
	} else {
		note_failure(c);
		log_error("sqlite step: %s: %s", sqlite3_errmsg(c), sql);
	}
	sqlite3_finalize(st);
	return found;
}

char *db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s ? xstrdup((const char *)s) : NULL;
}

int64_t db_last_id(sqlite3 *c)
{
	return sqlite3_last_insert_rowid(c);
}

int db_ping(sqlite3 *c)
{
	int64_t one = 0;
	return db_int(c, &one, "SELECT 1", "") == 1 ? 0 : -1;
}

int db_size(struct db *db, sqlite3 *c, int64_t *bytes, int64_t *wal_bytes)
{
	int64_t pages = 0, page_size = 0;
	*bytes = *wal_bytes = 0;
	if (db_int(c, &pages, "PRAGMA page_count", "") != 1 ||
	    db_int(c, &page_size, "PRAGMA page_size", "") != 1)
		return -1;
	*bytes = pages * page_size;
	char *wal = xasprintf("%s-wal", db->path);
	struct stat st;
	if (stat(wal, &st) == 0)
		*wal_bytes = (int64_t)st.st_size;
	free(wal);
	return 0;
}

int db_is_constraint(sqlite3 *c)
{
	return (sqlite3_errcode(c) & 0xff) == SQLITE_CONSTRAINT;
}

/* --- migrations --- */

static int migration_name_ok(const char *n)
{
	size_t len = strlen(n);
	if (len < 9 || strcmp(n + len - 4, ".sql") != 0)
		return 0;
	for (int i = 0; i < 3; i++)
		if (n[i] < '0' || n[i] > '9')
			return 0;
	if (n[3] != '_')
		return 0;
	for (size_t i = 4; i < len - 4; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= '0' && n[i] <= '9') || n[i] == '_'))
			return 0;
	return 1;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = BUF_INIT;
	char tmp[8192];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_append(&b, tmp, n);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* Applies one migration in its own transaction. Returns 0 or -1 with *err set. */
static int apply_one(struct db *db, const char *dir, const char *name, char **err)
{
	char *path = xasprintf("%s/%s", dir, name);
	char *sql = read_file(path);
	free(path);
	if (!sql) {
		*err = xasprintf("migration %s: cannot read file", name);
		return -1;
	}
	sqlite3 *c = db_write_begin(db);
	if (!c) {
		free(sql);
		*err = xasprintf("migration %s: cannot start a transaction", name);
		return -1;
	}
	char *msg = NULL;
	int rc = sqlite3_exec(c, sql, NULL, NULL, &msg);
	free(sql);
	if (rc != SQLITE_OK) {
		*err = xasprintf("migration %s failed: %s", name, msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		db_write_rollback(db);
		return -1;
	}
	if (db_execf(c, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		     "iti", (int64_t)strtol(name, NULL, 10), name, clock_now()) < 0) {
		*err = xasprintf("migration %s: cannot record it", name);
		db_write_rollback(db);
		return -1;
	}
	if (db_write_commit(db) < 0) {
		*err = xasprintf("migration %s: commit failed", name);
		return -1;
	}
	return 0;
}

int db_migrate(struct db *db, const char *dir, char **err)
{
	*err = NULL;
	if (exec_sql(db->writer, "CREATE TABLE IF NOT EXISTS schema_migrations ("
				 " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
				 " applied_at INTEGER NOT NULL)") < 0) {
		*err = xstrdup("cannot create schema_migrations");
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		*err = xasprintf("cannot open migrations directory %s", dir);
		return -1;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!migration_name_ok(e->d_name))
			continue;
		*XPUSH(names, n) = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1) /* qsort needs a non-NULL array even for no elements */
		qsort(names, n, sizeof *names, cmp_names);

	int applied = 0;
	for (size_t i = 0; i < n && applied >= 0; i++) {
		int64_t seen = 0;
		int found = db_int(db->writer, &seen, "SELECT 1 FROM schema_migrations WHERE version = ?",
				   "i", (int64_t)strtol(names[i], NULL, 10));
		if (found < 0) {
			*err = xstrdup("cannot read schema_migrations");
			applied = -1;
		} else if (found == 0) {
			if (apply_one(db, dir, names[i], err) < 0)
				applied = -1;
			else
				applied++;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return applied;
}
