/* Raw HTTP requests through the real front end (http/server.c on libmicrohttpd): request line,
 * headers and framing checks, the query string, cookies and urlencoded bodies as libmicrohttpd
 * decodes them and http/server.c stores them (form.c caps, UTF-8 checks, CSRF and session-cookie
 * lookup against a real, migrated SQLite database), routing and the response. The route table is
 * this file's own: two echo handlers that read back every field (so the decoded values are used)
 * instead of the site's pages, which have their own targets. Each input is sent as-is on a fresh
 * loopback connection, the write side is closed, and everything the server answers is read.
 * Every answer must be a well-formed HTTP status line, never 500, and the server must keep
 * answering.
 * Uploads: POST /f is a file route (route_table.file_routes) for signed-in users, so multipart
 * file parts are streamed into DATA/tmp by http/upload.c. The harness signs in a user at start;
 * an input's "@S@" is replaced by that session's cookie token and "@T@" by its CSRF token (the
 * seeds use them; random bytes rarely would). Small limits (4 files of 4 KiB) so that they are
 * hit. The echo handler checks the stored files (count, sizes, total, bytes on disk) and after
 * every request DATA/tmp must become empty again. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "core/session.h"
#include "core/user.h"
#include "fuzz.h"
#include "http/http.h"
#include "http/upload.h"
#include "store/db.h"
#include "util/utf8.h"

static struct app app;
static struct sockaddr_in addr;
static char tmp_dir[] = "/tmp/siaran-fuzz-XXXXXX";
static char upload_dir[sizeof tmp_dir + 8];
static char session_token[TOKEN_HEX_LEN + 1], csrf_token[TOKEN_HEX_LEN + 1];

enum { MAX_FILES = 4, MAX_FILE_BYTES = 4096 };

/* The server is never stopped (libFuzzer exits from inside a run); its files go at exit. */
static void remove_files(void)
{
	const char *suffix[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		char p[sizeof tmp_dir + 32];
		snprintf(p, sizeof p, "%s/siaran.db%s", tmp_dir, suffix[i]);
		unlink(p);
	}
	rmdir(upload_dir);
	rmdir(tmp_dir);
}

static void check_fields(const struct form *f)
{
	for (const struct field *fl = f->head; fl; fl = fl->next) {
		CHECK(utf8_valid_text(fl->name, strlen(fl->name)));
		CHECK(utf8_valid_text(buf_str(&fl->value), fl->value.len));
		fuzz_keep(buf_str(&fl->value), fl->value.len);
	}
}

static void echo(struct req *r, struct resp *s)
{
	/* The dispatcher refuses invalid UTF-8 before any handler runs. */
	check_fields(&r->query);
	check_fields(&r->body);
	for (int i = 0; i < r->params.n; i++)
		CHECK(r->params.v[i][0] && !strchr(r->params.v[i], '/'));
	const char *c = req_cookie(r, "c");
	fuzz_keep_str(c);
	fuzz_keep_str(req_header(r, "X-Fuzz"));
	s->status = 200;
	s->content_type = "text/plain; charset=utf-8";
	buf_printf(&s->body, "%zu %zu %s\n", r->query.count, r->body.count, r->user ? "user" : "anon");
}

/* The file route: every stored file is whole on disk and within the limits. */
static void echo_files(struct req *r, struct resp *s)
{
	CHECK(r->user);
	CHECK(r->files.count <= MAX_FILES);
	uint64_t total = 0;
	size_t n = 0;
	for (const struct upload *u = r->files.head; u; u = u->next, n++) {
		CHECK(u->fd < 0 && u->size <= MAX_FILE_BYTES);
		CHECK(u->field && u->filename && u->path);
		struct stat st;
		CHECK(stat(u->path, &st) == 0 && (uint64_t)st.st_size == u->size);
		total += u->size;
	}
	CHECK(n == r->files.count && total == r->files.total);
	echo(r, s);
	buf_printf(&s->body, "files %zu %llu\n", n, (unsigned long long)total);
}

/* Whether DATA/tmp is empty. */
static int uploads_empty(void)
{
	DIR *d = opendir(upload_dir);
	CHECK(d);
	int empty = 1;
	struct dirent *e;
	while (empty && (e = readdir(d)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(d);
	return empty;
}

static void fuzz_error(struct req *r, struct resp *s, int status, const char *message)
{
	(void)r;
	CHECK(status != 500);
	resp_text(s, status, message ? message : "error");
}

static const struct route rows[] = {
	{ "GET", "/", echo, 0 },
	{ "GET", "/e/:a", echo, 0 },
	{ "POST", "/e/:a", echo, 0 },
	{ "GET", "/p/:a/:b", echo, 0 },
	{ "POST", "/u", echo, 1 }, /* signed-in users only */
	{ "POST", "/f", echo_files, ROLE_CONTRIBUTOR | ROLE_EDITOR | ROLE_ADMIN },
};
static const char *const file_routes[] = { "/f", NULL };
static const struct route_table table = { rows, sizeof rows / sizeof rows[0], fuzz_error,
					  file_routes };

/* An editor with a known password, signed in once: its session and CSRF tokens. */
static void sign_in(void)
{
	char hash[PASSWORD_HASH_MAX];
	if (password_hash("fuzz-password-1234", hash) < 0)
		abort();
	sqlite3 *w = db_write_begin(app.db);
	if (!w || db_execf(w, "INSERT INTO users (email, name, role, password_hash, created_at)"
			   " VALUES ('fuzz@example.org', 'Fuzz', 'editor', ?, 0)", "t", hash) < 0 ||
	    db_write_commit(app.db) < 0)
		abort();
	int64_t uid = 0, retry = 0;
	if (session_login(app.db, "fuzz@example.org", "fuzz-password-1234", "127.0.0.1",
			  session_token, &uid, &retry) != LOGIN_OK)
		abort();
	sqlite3 *c = db_read_begin(app.db);
	struct auth *a = NULL;
	if (!c || session_lookup(app.db, c, session_token, &a) != 1)
		abort();
	snprintf(csrf_token, sizeof csrf_token, "%s", a->csrf);
	auth_free(a);
	db_read_end(app.db, c);
}

/* data with every "@S@" and "@T@" replaced by the tokens (malloc'd, *n its size). */
static char *with_tokens(const uint8_t *data, size_t size, size_t *n)
{
	char *out = malloc(size * (TOKEN_HEX_LEN / 3 + 1) + 1);
	CHECK(out);
	size_t o = 0;
	for (size_t i = 0; i < size;) {
		if (i + 3 <= size && data[i] == '@' && data[i + 2] == '@' &&
		    (data[i + 1] == 'S' || data[i + 1] == 'T')) {
			const char *t = data[i + 1] == 'S' ? session_token : csrf_token;
			memcpy(out + o, t, TOKEN_HEX_LEN);
			o += TOKEN_HEX_LEN;
			i += 3;
		} else {
			out[o++] = (char)data[i++];
		}
	}
	*n = o;
	return out;
}

/* Sends in[0..n) on a fresh loopback connection, closes the write side and reads the whole
 * answer into resp (NUL-terminated, at most cap - 1 bytes kept): the number of bytes kept. */
static size_t exchange(const char *in, size_t n_in, char *resp, size_t cap)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(fd >= 0);
	CHECK(connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0);
	size_t off = 0;
	while (off < n_in) {
		ssize_t n = send(fd, in + off, n_in - off, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* the server may close early (a refused request) */
		off += (size_t)n;
	}
	shutdown(fd, SHUT_WR);
	size_t got = 0;
	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		/* libmicrohttpd answers or closes at once once the client's side is shut; the
		 * generous bound is for a machine so loaded that a thread may wait many seconds.
		 * libFuzzer's -timeout alarm (SIGALRM every few dozen seconds) interrupts poll: an
		 * interrupted wait is resumed, not taken for a hang. */
		int ready;
		while ((ready = poll(&p, 1, 50000)) < 0 && errno == EINTR)
			;
		CHECK(ready == 1);
		char tmp[4096];
		ssize_t n;
		while ((n = recv(fd, tmp, sizeof tmp, 0)) < 0 && errno == EINTR)
			;
		if (n <= 0)
			break;
		size_t k = (size_t)n < cap - 1 - got ? (size_t)n : cap - 1 - got;
		memcpy(resp + got, tmp, k);
		got += k;
	}
	close(fd);
	resp[got] = '\0';
	return got;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!mkdtemp(tmp_dir) || session_init() < 0)
		abort();
	atexit(remove_files);
	app.data_dir = tmp_dir;
	snprintf(upload_dir, sizeof upload_dir, "%s/tmp", tmp_dir);
	if (mkdir(upload_dir, 0700) < 0)
		abort();
	app.max_files = MAX_FILES;
	app.max_file_bytes = MAX_FILE_BYTES;
	app.max_request_bytes = MAX_FILES * MAX_FILE_BYTES;
	/* siaran's defaults (main.c). */
	app.max_connections = 512;
	app.per_ip_limit = 64;
	app.connection_timeout = 30;
	char db_path[sizeof tmp_dir + 16];
	snprintf(db_path, sizeof db_path, "%s/siaran.db", tmp_dir);
	app.db_path = db_path;
	app.db = db_open(app.db_path);
	char *err = NULL;
	if (!app.db || db_migrate(app.db, "migrations", &err) < 0) {
		fprintf(stderr, "fuzz_request: run from the source tree (migrations/): %s\n",
			err ? err : "");
		abort();
	}
	sign_in();
	/* The access log goes to stdout: one line per request is noise here. */
	if (!freopen("/dev/null", "w", stdout))
		abort();
	struct http_server *srv = http_start(&app, &table, "127.0.0.1:0");
	if (!srv)
		abort();
	const char *port = strrchr(app.base_url, ':');
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)atoi(port + 1));
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	app.db_path = NULL; /* only db_open needed it */
	/* An input may rightly get no answer (the connection closed on a broken request), so a
	 * server that refuses everything would pass every run: it must answer a plain request. */
	static const char probe[] = "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
	char resp[4096];
	if (exchange(probe, sizeof probe - 1, resp, sizeof resp) < 12 ||
	    memcmp(resp, "HTTP/1.1 200", 12) != 0) {
		fprintf(stderr, "fuzz_request: the server does not answer GET /: %.80s\n", resp);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	size_t n_in;
	char *in = with_tokens(data, size, &n_in);
	char resp[16384];
	size_t got = exchange(in, n_in, resp, sizeof resp);
	free(in);
	if (getenv("FUZZ_REQUEST_SHOW"))
		fprintf(stderr, "---\n%s\n", resp);
	if (got) {
		CHECK(got >= 12 && memcmp(resp, "HTTP/1.", 7) == 0 && resp[8] == ' ');
		CHECK(memcmp(resp + 9, "500", 3) != 0);
		fuzz_keep(resp, 12);
	}
	/* The request's temporary files go when it ends, which may be just after the answer. */
	int empty = 0;
	for (int i = 0; i < 5000 && !(empty = uploads_empty()); i++)
		usleep(1000);
	CHECK(empty);
	return 0;
}
