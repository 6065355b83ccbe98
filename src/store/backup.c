/* Online backup of the database (see db_backup in db.h): SQLite's backup API over a read-only
 * connection, into a temporary file that is checked and synced before it takes the final name. */
#include "store/db.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xmalloc.h"

#define BACKUP_STEP_PAGES 1024 /* 4 MiB at the default page size */
#define BACKUP_BUSY_TIMEOUT_MS 10000

static int fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets *err to the formatted reason (the first one wins) and returns -1. */
static int fail(char **err, const char *fmt, ...)
{
	if (*err)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(err, fmt, ap) < 0)
		abort();
	va_end(ap);
	return -1;
}

static int fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Runs PRAGMA integrity_check on the file at path. Returns 0 when it says "ok", else -1 with
 * *err set (its first finding). */
static int check_copy(const char *path, char **err)
{
	sqlite3 *c = NULL;
	int rc = -1;
	if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fail(err, "cannot open the copy to check it: %s", c ? sqlite3_errmsg(c) : "?");
		goto out;
	}
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(c, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
		fail(err, "cannot check the copy: %s", sqlite3_errmsg(c));
		goto out;
	}
	int step = sqlite3_step(st);
	const char *first = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	if (first && strcmp(first, "ok") == 0)
		rc = 0;
	else
		fail(err, "the copy failed PRAGMA integrity_check: %s",
		     first ? first : sqlite3_errmsg(c));
	sqlite3_finalize(st);
out:
	sqlite3_close(c);
	return rc;
}

/* Copies src into the fresh file tmp. Returns 0 or -1 with *err. */
static int copy_pages(sqlite3 *src, const char *tmp, int64_t *pages, char **err)
{
	sqlite3 *dst = NULL;
	int rc = -1;
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fail(err, "cannot open %s: %s", tmp, dst ? sqlite3_errmsg(dst) : "?");
		goto out;
	}
	/* The temporary file needs no syncing of its own: it is synced once, complete and checked,
	 * before it gets its name, and removed after any failure. */
	sqlite3_exec(dst, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
	/* One read transaction around every step: the copy is one snapshot, and writes committed
	 * meanwhile by the server neither restart the backup nor wait for it (WAL). */
	if (sqlite3_exec(src, "BEGIN; SELECT COUNT(*) FROM sqlite_schema;", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		fail(err, "cannot read the database: %s", sqlite3_errmsg(src));
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		fail(err, "cannot start the backup: %s", sqlite3_errmsg(dst));
		sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
		goto out;
	}
	int step;
	do {
		step = sqlite3_backup_step(b, BACKUP_STEP_PAGES);
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
	*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	if (step != SQLITE_DONE) {
		fail(err, "the backup failed: %s", sqlite3_errstr(step));
		goto out;
	}
	/* The copy of a WAL database says WAL in its header; a backup should be one file that
	 * opens anywhere, read-only media included. */
	char *msg = NULL;
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, &msg) != SQLITE_OK) {
		fail(err, "cannot finish the copy: %s", msg ? msg : sqlite3_errmsg(dst));
		sqlite3_free(msg);
		goto out;
	}
	rc = 0;
out:
	if (dst && sqlite3_close(dst) != SQLITE_OK && rc == 0)
		rc = fail(err, "cannot close the copy %s", tmp);
	return rc;
}

int db_backup(const char *src_path, const char *out_path, int force, int64_t *pages, char **err)
{
	*err = NULL;
	*pages = 0;
	struct stat sst, ost;
	if (stat(src_path, &sst) < 0)
		return fail(err, "cannot read the database %s: %s", src_path, strerror(errno));
	if (!S_ISREG(sst.st_mode))
		return fail(err, "the database %s is not a file", src_path);
	if (lstat(out_path, &ost) == 0) {
		if (S_ISDIR(ost.st_mode))
			return fail(err, "%s is a directory; give the backup's file name", out_path);
		if (ost.st_dev == sst.st_dev && ost.st_ino == sst.st_ino)
			return fail(err, "%s is the database itself", out_path);
		if (!force)
			return fail(err, "%s exists; choose a new name or add --force to replace it",
				    out_path);
	} else if (errno != ENOENT) {
		return fail(err, "cannot use %s: %s", out_path, strerror(errno));
	}
	char *copy = xstrdup(out_path), *copy2 = xstrdup(out_path);
	char *dir = xstrdup(dirname(copy)), *base = xstrdup(basename(copy2));
	free(copy);
	free(copy2);
	char *tmp = xasprintf("%s/.%s.tmp-XXXXXX", dir, base);
	int rc = -1;
	sqlite3 *src = NULL;
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		fail(err, "cannot create a file in %s: %s", dir, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	close(fd);
	/* Read-only, and never checkpointing on close: the server's writer stays the only
	 * connection that changes the database or its WAL (see db.h on SQLite 3.40). */
	if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fail(err, "cannot open the database %s: %s", src_path, src ? sqlite3_errmsg(src) : "?");
		goto out;
	}
	sqlite3_db_config(src, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	sqlite3_busy_timeout(src, BACKUP_BUSY_TIMEOUT_MS);
	if (copy_pages(src, tmp, pages, err) < 0 || check_copy(tmp, err) < 0)
		goto out;
	if (fsync_path(tmp, 0) < 0) {
		fail(err, "cannot sync %s: %s", tmp, strerror(errno));
		goto out;
	}
	if (force) {
		if (rename(tmp, out_path) < 0) {
			fail(err, "cannot rename the copy to %s: %s", out_path, strerror(errno));
			goto out;
		}
	} else {
		/* link() refuses an existing name atomically, even one created meanwhile. */
		if (link(tmp, out_path) < 0) {
			if (errno == EEXIST)
				fail(err, "%s exists; choose a new name or add --force to replace it",
				     out_path);
			else
				fail(err, "cannot create %s: %s", out_path, strerror(errno));
			goto out;
		}
		unlink(tmp);
	}
	free(tmp);
	tmp = NULL;
	fsync_path(dir, 1);
	rc = 0;
out:
	sqlite3_close(src);
	if (tmp) {
		unlink(tmp);
		char *j = xasprintf("%s-journal", tmp);
		unlink(j);
		free(j);
		free(tmp);
	}
	free(dir);
	free(base);
	return rc;
}
