/* The command line: serve | migrate | user add | demo | backup. Reads flags and SIARAN_* environment
 * variables into struct app, opens the database (applying pending migrations), and for `serve`
 * runs the HTTP server and the scheduler until SIGINT or SIGTERM. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "core/demo.h"
#include "core/image.h"
#include "core/media.h"
#include "core/mailer.h"
#include "core/notify.h"
#include "core/numbering.h"
#include "core/ops.h"
#include "core/pwpolicy.h"
#include "core/release.h"
#include "core/session.h"
#include "core/user.h"
#include "http/http.h"
#include "pages/pages.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"
#include "view/tmpl.h"

static const char usage_main[] =
	"usage: siaran COMMAND [OPTIONS]\n"
	"\n"
	"siaran publishes the press releases of DKI Jakarta's agencies: units submit, the\n"
	"communications office reviews and publishes, the public reads.\n"
	"\n"
	"commands:\n"
	"  serve     run the web server (applies pending migrations first)\n"
	"  migrate   apply pending database migrations\n"
	"  user add  create a user\n"
	"  demo      load demo users and releases (prints the demo passwords)\n"
	"  backup    copy the database while the server runs, and check the copy\n"
	"\n"
	"Run `siaran COMMAND --help` for the options of a command.\n"
	"\n"
	"environment:\n"
	"  SIARAN_DB, SIARAN_DATA, SIARAN_LISTEN   defaults for --db, --data, --listen\n"
	"  SIARAN_BASE_URL          public URL of the site (https://... turns on Secure cookies)\n"
	"  SIARAN_NUMBER_FORMAT     release number format, default " NUMBERING_DEFAULT_FORMAT "\n"
	"                           placeholders {seq} {KIND} {UNIT} {ROMAN_MONTH} {MONTH} {YEAR}\n"
	"  SIARAN_SCHEDULER_INTERVAL  seconds between checks for scheduled releases (default 30)\n"
	"  SIARAN_FOUR_EYES         on (default): an editor cannot approve a request the same\n"
	"                           editor created or last edited; off allows it (recorded)\n"
	"  SIARAN_SHARE             directory holding templates/, static/, migrations/ and\n"
	"                           wordlists/ (the common passwords refused)\n"
	"  SIARAN_MAX_CONNECTIONS   connections served at once (default 512)\n"
	"  SIARAN_PER_IP_LIMIT      connections at once from one address (default 64); 0 for no\n"
	"                           limit, needed behind a reverse proxy on the same machine,\n"
	"                           where every client has the proxy's address\n"
	"  SIARAN_CONNECTION_TIMEOUT  seconds a connection may stay silent (default 30)\n"
	"  SIARAN_TRUST_PROXY       on: take the client's address from X-Real-IP when the peer is\n"
	"                           a reverse proxy on this machine (loopback); off (default)\n"
	"  SIARAN_CLOCK_OFFSET      seconds added to the clock (for tests only)\n"
	"\n"
	"uploads (photos and documents, stored under DATA/media/):\n"
	"  SIARAN_MAX_FILE_MB       largest file, MiB (default 20)\n"
	"  SIARAN_MAX_REQUEST_MB    all files of one publication request, MiB (default 100)\n"
	"  SIARAN_UNIT_QUOTA_MB     all files of one unit's requests, MiB (default 2048)\n"
	"  SIARAN_MAX_FILES         files in one upload (default 20)\n"
	"\n"
	"operations:\n"
	"  SIARAN_LOG_FORMAT        default for --log-format: text or json\n"
	"  SIARAN_METRICS_TOKEN     default for --metrics-token\n"
	"  SIARAN_PRUNE_INTERVAL    seconds between prunes of old rows (default 3600)\n"
	"  SIARAN_KEEP_LOGIN_ATTEMPTS_DAYS       days login attempts are kept (default 30)\n"
	"  SIARAN_KEEP_SENT_MAIL_DAYS            days sent e-mails are kept (default 30)\n"
	"  SIARAN_KEEP_READ_NOTIFICATIONS_DAYS   days read notifications are kept (default 90)\n"
	"                           0 keeps them for ever; expired sessions are always removed\n"
	"\n"
	"mail (notifications go to an outbox table and are delivered from there):\n"
	"  SIARAN_SMTP              default for --smtp: smtp://HOST:PORT or smtps://HOST:PORT\n"
	"  SIARAN_SMTP_USER, SIARAN_SMTP_PASSWORD   SMTP AUTH credentials (none by default)\n"
	"  SIARAN_SMTP_STARTTLS     1: require STARTTLS; 0 (default): use it when offered\n"
	"  SIARAN_MAIL_FROM         sender address (default siaran@ the base URL's host, or\n"
	"                           siaran@localhost)\n"
	"  SIARAN_MAIL_INTERVAL     seconds between looks at the outbox (default 5)\n"
	"  SIARAN_MAIL_RETRY_BASE, SIARAN_MAIL_RETRY_MAX   back-off after a failed attempt:\n"
	"                           base seconds, doubling, at most max (default 60, 3600)\n"
	"  SIARAN_MAIL_MAX_ATTEMPTS attempts before a message is marked failed (default 10)\n";

static const char usage_serve[] =
	"usage: siaran serve [--db PATH] [--data DIR] [--listen HOST:PORT] [--base-url URL]\n"
	"                    [--smtp smtp://HOST:PORT] [--log-format text|json]\n"
	"                    [--metrics-token TOKEN] [--dev]\n"
	"\n"
	"  --db PATH          SQLite database (default data/siaran.db, or SIARAN_DB)\n"
	"  --data DIR         data directory (default data/, or SIARAN_DATA)\n"
	"  --listen HOST:PORT address to listen on (default 127.0.0.1:8080, or SIARAN_LISTEN);\n"
	"                     port 0 picks a free port\n"
	"  --base-url URL     public URL of the site (or SIARAN_BASE_URL)\n"
	"  --smtp URL         deliver notification e-mail through this SMTP server, e.g.\n"
	"                     smtp://mail.example.go.id:587 (or SIARAN_SMTP); without it mail\n"
	"                     waits in the outbox, shown to admins at /admin/outbox\n"
	"  --log-format F     access log on standard output: text (default) or json, one\n"
	"                     object per line (or SIARAN_LOG_FORMAT); never cookies, tokens or\n"
	"                     form values, secret-looking query values and path parts redacted\n"
	"  --metrics-token T  bearer token that opens GET /metrics to other addresses (at least\n"
	"                     16 characters; better given as SIARAN_METRICS_TOKEN, which `ps`\n"
	"                     does not show). Without it /metrics answers only loopback clients\n"
	"                     not behind a proxy; everyone else gets 404\n"
	"  --dev              re-read edited templates on every request\n"
	"\n"
	"The first line on standard output is `listening on http://HOST:PORT`; one access-log line\n"
	"per request follows. Old rows are pruned in the background (see `siaran --help`).\n"
	"SIGTERM or SIGINT stops accepting, lets requests in flight finish and closes the database\n"
	"cleanly.\n";

static const char usage_migrate[] =
	"usage: siaran migrate [--db PATH]\n"
	"\n"
	"Applies the pending migrations/NNN_name.sql files in order, each in one transaction.\n";

static const char usage_user[] =
	"usage: siaran user add --email E --name N --role contributor|editor|admin [--unit CODE]\n"
	"                       --password-stdin [--db PATH]\n"
	"\n"
	"Creates a user. The password is read from standard input: 12 to 128 characters and\n"
	"not one of the common passwords in wordlists/common-passwords.txt. Admins can also\n"
	"invite users at /admin/users (they set their own password through a one-time link).\n"
	"A contributor needs --unit with the code of its unit (e.g. DINKES).\n";

static const char usage_backup[] =
	"usage: siaran backup [--db PATH] [--force] OUT\n"
	"\n"
	"Copies the database (default data/siaran.db, or SIARAN_DB) to the file OUT with SQLite's\n"
	"online backup API; the server may keep running and writing meanwhile. The copy is one\n"
	"consistent snapshot, written to a temporary file next to OUT, checked with\n"
	"PRAGMA integrity_check and synced before it is renamed to OUT, so OUT never holds a\n"
	"partial copy. An existing OUT is refused unless --force. The exit code is 0 only for a\n"
	"checked copy. Uploaded files in the data directory are not in the database: copy them too\n"
	"(docs/operations.md).\n";

static const char usage_demo[] =
	"usage: siaran demo [--db PATH] [--data DIR]\n"
	"\n"
	"Creates one demo user per role (new passwords on every run, printed) and, on an empty\n"
	"database, releases and requests in every workflow state; some carry photos (pictures\n"
	"drawn with libvips, stored under DIR/media/ like uploads, with their web sizes).\n";

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);
	return v && *v ? v : fallback;
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The directory with templates/, static/ and migrations/: SIARAN_SHARE, the current directory,
 * or next to the binary (build/siaran and build/test/siaran live under the source tree). */
static char *find_share_dir(void)
{
	const char *env = getenv("SIARAN_SHARE");
	if (env && *env)
		return xstrdup(env);
	if (file_exists("templates/layout.tpl") && file_exists("migrations"))
		return xstrdup(".");
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *dir = dirname(exe);
		const char *ups[] = { "/..", "/../..", "/../share/siaran" };
		for (size_t i = 0; i < sizeof ups / sizeof ups[0]; i++) {
			char *cand = xasprintf("%s%s", dir, ups[i]);
			char *probe = xasprintf("%s/templates/layout.tpl", cand);
			int ok = file_exists(probe);
			free(probe);
			if (ok)
				return cand;
			free(cand);
		}
	}
	return xstrdup(".");
}

/* Creates dir if it does not exist (one level). */
static int ensure_dir(const char *dir)
{
	if (mkdir(dir, 0750) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "siaran: cannot create directory %s: %s\n", dir, strerror(errno));
	return -1;
}

static int ensure_parent_dir(const char *path)
{
	char *copy = xstrdup(path);
	int rc = ensure_dir(dirname(copy));
	free(copy);
	return rc;
}

/* Opens the database and applies pending migrations. NULL (with the reason printed) if either
 * fails; a failed migration leaves the database as it was before it. */
static struct db *open_and_migrate(struct app *app)
{
	if (ensure_parent_dir(app->db_path) < 0)
		return NULL;
	struct db *db = db_open(app->db_path);
	if (!db) {
		fprintf(stderr, "siaran: cannot open database %s\n", app->db_path);
		return NULL;
	}
	char *dir = xasprintf("%s/migrations", app->share_dir);
	char *err = NULL;
	int n = db_migrate(db, dir, &err);
	free(dir);
	if (n < 0) {
		fprintf(stderr, "siaran: %s\n", err ? err : "migration failed");
		free(err);
		db_close(db);
		return NULL;
	}
	if (n > 0)
		log_info("applied %d migration(s) to %s", n, app->db_path);
	return db;
}

/* Parses the options shared by all commands; returns the index of the first non-option, or -1
 * on a usage error (message printed), or -2 after --help. */
struct opts {
	const char *db, *data, *listen, *base_url, *smtp, *log_format, *metrics_token;
	const char *email, *name, *role, *unit;
	int password_stdin, dev, force;
};

static int parse_opts(int argc, char **argv, struct opts *o, const char *usage)
{
	enum { O_DB = 1, O_DATA, O_LISTEN, O_BASE, O_EMAIL, O_NAME, O_ROLE, O_UNIT, O_PWSTDIN, O_DEV,
	       O_HELP, O_SMTP, O_LOG_FORMAT, O_METRICS_TOKEN, O_FORCE };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "data", required_argument, NULL, O_DATA },
		{ "listen", required_argument, NULL, O_LISTEN },
		{ "base-url", required_argument, NULL, O_BASE },
		{ "email", required_argument, NULL, O_EMAIL },
		{ "name", required_argument, NULL, O_NAME },
		{ "role", required_argument, NULL, O_ROLE },
		{ "unit", required_argument, NULL, O_UNIT },
		{ "password-stdin", no_argument, NULL, O_PWSTDIN },
		{ "dev", no_argument, NULL, O_DEV },
		{ "smtp", required_argument, NULL, O_SMTP },
		{ "log-format", required_argument, NULL, O_LOG_FORMAT },
		{ "metrics-token", required_argument, NULL, O_METRICS_TOKEN },
		{ "force", no_argument, NULL, O_FORCE },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 },
	};
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case O_DB: o->db = optarg; break;
		case O_DATA: o->data = optarg; break;
		case O_LISTEN: o->listen = optarg; break;
		case O_BASE: o->base_url = optarg; break;
		case O_EMAIL: o->email = optarg; break;
		case O_NAME: o->name = optarg; break;
		case O_ROLE: o->role = optarg; break;
		case O_UNIT: o->unit = optarg; break;
		case O_PWSTDIN: o->password_stdin = 1; break;
		case O_DEV: o->dev = 1; break;
		case O_SMTP: o->smtp = optarg; break;
		case O_LOG_FORMAT: o->log_format = optarg; break;
		case O_METRICS_TOKEN: o->metrics_token = optarg; break;
		case O_FORCE: o->force = 1; break;
		case 'h':
		case O_HELP:
			fputs(usage, stdout);
			return -2;
		default:
			fprintf(stderr, "siaran: unknown or incomplete option %s\n%s", argv[optind - 1], usage);
			return -1;
		}
	}
	return optind;
}

/* An integer environment variable from min to max, def when unset. Returns 0 or -1 (message
 * printed). */
static int env_int(const char *name, int def, int min, int max, int *out)
{
	const char *v = env_or(name, NULL);
	*out = def;
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < min || n > max) {
		fprintf(stderr, "siaran: %s must be a whole number from %d to %d\n", name, min, max);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* Mail: --smtp or SIARAN_SMTP, and the SIARAN_SMTP_* and SIARAN_MAIL_* variables (after the
 * base URL, which names the default sender). Returns 0 or -1 (message printed). */
static int configure_mail(struct app *app, const struct opts *o)
{
	const char *url = o->smtp ? o->smtp : env_or("SIARAN_SMTP", NULL);
	if (url && strncmp(url, "smtp://", 7) != 0 && strncmp(url, "smtps://", 8) != 0) {
		fprintf(stderr, "siaran: the SMTP server must be given as smtp://HOST:PORT or"
				" smtps://HOST:PORT\n");
		return -1;
	}
	app->smtp_url = url ? xstrdup(url) : NULL;
	const char *user = env_or("SIARAN_SMTP_USER", NULL);
	const char *password = env_or("SIARAN_SMTP_PASSWORD", NULL);
	app->smtp_user = user ? xstrdup(user) : NULL;
	app->smtp_password = password ? xstrdup(password) : NULL;
	const char *tls = env_or("SIARAN_SMTP_STARTTLS", "0");
	if (strcmp(tls, "0") != 0 && strcmp(tls, "1") != 0) {
		fprintf(stderr, "siaran: SIARAN_SMTP_STARTTLS must be 0 or 1\n");
		return -1;
	}
	app->smtp_require_tls = tls[0] == '1';
	const char *from = env_or("SIARAN_MAIL_FROM", NULL);
	if (from && !user_email_valid(from)) {
		fprintf(stderr, "siaran: SIARAN_MAIL_FROM is not an e-mail address\n");
		return -1;
	}
	app->mail_from = from ? xstrdup(from) : mailer_default_from(app->base_url);
	if (env_int("SIARAN_MAIL_INTERVAL", MAILER_DEFAULT_INTERVAL, 1, 3600, &app->mail_interval) < 0 ||
	    env_int("SIARAN_MAIL_RETRY_BASE", MAILER_DEFAULT_RETRY_BASE, 1, 86400,
		    &app->mail_retry_base) < 0 ||
	    env_int("SIARAN_MAIL_RETRY_MAX", MAILER_DEFAULT_RETRY_MAX, 1, 7 * 86400,
		    &app->mail_retry_max) < 0 ||
	    env_int("SIARAN_MAIL_MAX_ATTEMPTS", MAILER_DEFAULT_MAX_ATTEMPTS, 1, 1000,
		    &app->mail_max_attempts) < 0)
		return -1;
	return 0;
}

static int configure_uploads(struct app *app)
{
	int file_mb, request_mb, unit_mb;
	if (env_int("SIARAN_MAX_FILE_MB", 20, 1, 1024, &file_mb) < 0 ||
	    env_int("SIARAN_MAX_REQUEST_MB", 100, 1, 4096, &request_mb) < 0 ||
	    env_int("SIARAN_UNIT_QUOTA_MB", 2048, 1, 1024 * 1024, &unit_mb) < 0 ||
	    env_int("SIARAN_MAX_FILES", 20, 1, 64, &app->max_files) < 0)
		return -1;
	app->max_file_bytes = (unsigned long long)file_mb * 1024 * 1024;
	app->max_request_bytes = (unsigned long long)request_mb * 1024 * 1024;
	app->unit_quota_bytes = (unsigned long long)unit_mb * 1024 * 1024;
	return 0;
}

/* The access-log format, the metrics token and the pruning settings. Returns 0 or -1 (message
 * printed). */
static int configure_ops(struct app *app, const struct opts *o)
{
	const char *lf = o->log_format ? o->log_format : env_or("SIARAN_LOG_FORMAT", "text");
	if (strcmp(lf, "text") != 0 && strcmp(lf, "json") != 0) {
		fprintf(stderr, "siaran: the log format must be text or json\n");
		return -1;
	}
	app->log_json = strcmp(lf, "json") == 0;
	const char *tok = o->metrics_token ? o->metrics_token : env_or("SIARAN_METRICS_TOKEN", NULL);
	if (tok) {
		size_t n = strlen(tok);
		int ok = n >= 16 && n <= 256;
		for (size_t i = 0; ok && i < n; i++)
			ok = tok[i] > 0x20 && tok[i] < 0x7f;
		if (!ok) {
			fprintf(stderr, "siaran: the metrics token must be 16 to 256 printable characters"
					" without spaces\n");
			return -1;
		}
		app->metrics_token = xstrdup(tok);
	}
	if (env_int("SIARAN_PRUNE_INTERVAL", PRUNE_DEFAULT_INTERVAL, 1, 7 * 86400,
		    &app->prune_interval) < 0 ||
	    env_int("SIARAN_KEEP_LOGIN_ATTEMPTS_DAYS", PRUNE_DEFAULT_LOGIN_ATTEMPTS_DAYS, 0, 36500,
		    &app->keep_login_attempts_days) < 0 ||
	    env_int("SIARAN_KEEP_SENT_MAIL_DAYS", PRUNE_DEFAULT_SENT_MAIL_DAYS, 0, 36500,
		    &app->keep_sent_mail_days) < 0 ||
	    env_int("SIARAN_KEEP_READ_NOTIFICATIONS_DAYS", PRUNE_DEFAULT_READ_NOTIFICATIONS_DAYS, 0,
		    36500, &app->keep_read_notifications_days) < 0)
		return -1;
	return 0;
}

/* Fills app from options and environment. Returns 0 or -1 (message printed). */
static int configure(struct app *app, const struct opts *o)
{
	memset(app, 0, sizeof *app);
	app->db_path = xstrdup(o->db ? o->db : env_or("SIARAN_DB", "data/siaran.db"));
	app->data_dir = xstrdup(o->data ? o->data : env_or("SIARAN_DATA", "data"));
	app->share_dir = find_share_dir();
	const char *base = o->base_url ? o->base_url : env_or("SIARAN_BASE_URL", NULL);
	if (base) {
		size_t n = strlen(base);
		while (n > 0 && base[n - 1] == '/')
			n--;
		app->base_url = xstrndup(base, n);
		if (strncmp(app->base_url, "https://", 8) != 0 && strncmp(app->base_url, "http://", 7) != 0) {
			fprintf(stderr, "siaran: base URL must start with http:// or https://\n");
			return -1;
		}
		app->https = strncmp(app->base_url, "https://", 8) == 0;
	}
	app->number_format = xstrdup(env_or("SIARAN_NUMBER_FORMAT", NUMBERING_DEFAULT_FORMAT));
	if (numbering_check_format(app->number_format) < 0) {
		fprintf(stderr, "siaran: SIARAN_NUMBER_FORMAT is not usable (it needs {seq} once and only"
				" known placeholders)\n");
		return -1;
	}
	const char *iv = env_or("SIARAN_SCHEDULER_INTERVAL", "30");
	char *end;
	long interval = strtol(iv, &end, 10);
	if (*end || interval < 1 || interval > 3600) {
		fprintf(stderr, "siaran: SIARAN_SCHEDULER_INTERVAL must be 1..3600 seconds\n");
		return -1;
	}
	app->scheduler_interval = (int)interval;
	app->dev_reload = o->dev;
	/* The four-eyes rule is on unless a small office turns it off. */
	const char *fe = env_or("SIARAN_FOUR_EYES", "on");
	if (strcmp(fe, "on") != 0 && strcmp(fe, "off") != 0) {
		fprintf(stderr, "siaran: SIARAN_FOUR_EYES must be on or off\n");
		return -1;
	}
	app->four_eyes = strcmp(fe, "on") == 0;
	if (configure_mail(app, o) < 0 || configure_uploads(app) < 0 ||
	    configure_ops(app, o) < 0)
		return -1;
	if (env_int("SIARAN_MAX_CONNECTIONS", 512, 16, 10000, &app->max_connections) < 0 ||
	    env_int("SIARAN_PER_IP_LIMIT", 64, 0, 10000, &app->per_ip_limit) < 0 ||
	    env_int("SIARAN_CONNECTION_TIMEOUT", 30, 1, 3600, &app->connection_timeout) < 0)
		return -1;
	const char *tp = env_or("SIARAN_TRUST_PROXY", "off");
	if (strcmp(tp, "on") != 0 && strcmp(tp, "off") != 0) {
		fprintf(stderr, "siaran: SIARAN_TRUST_PROXY must be on or off\n");
		return -1;
	}
	app->trust_proxy = strcmp(tp, "on") == 0;
	if (clock_init() < 0) {
		fprintf(stderr, "siaran: SIARAN_CLOCK_OFFSET must be an integer\n");
		return -1;
	}
	return 0;
}

static void app_free(struct app *app)
{
	free(app->db_path);
	free(app->data_dir);
	free(app->share_dir);
	free(app->base_url);
	free(app->number_format);
	free(app->smtp_url);
	free(app->smtp_user);
	if (app->smtp_password)
		explicit_bzero(app->smtp_password, strlen(app->smtp_password));
	free(app->smtp_password);
	free(app->mail_from);
	if (app->metrics_token)
		explicit_bzero(app->metrics_token, strlen(app->metrics_token));
	free(app->metrics_token);
}

/* --- scheduler --- */

static pthread_mutex_t sched_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sched_wake = PTHREAD_COND_INITIALIZER;
static int sched_stop; /* guarded by sched_lock; set once by main at shutdown */

/* Removes rows nobody needs any more (core/ops.h); logs what it removed. */
static void prune(struct app *app)
{
	struct prune_config cfg = {
		.login_attempts_days = app->keep_login_attempts_days,
		.sent_mail_days = app->keep_sent_mail_days,
		.read_notifications_days = app->keep_read_notifications_days,
	};
	struct prune_counts n;
	if (ops_prune(app->db, &cfg, clock_now(), &n) == 0 &&
	    n.sessions + n.login_attempts + n.sent_mail + n.notifications > 0)
		log_info("pruned %lld expired session(s), %lld login attempt(s), %lld sent e-mail(s),"
			 " %lld read notification(s)", (long long)n.sessions, (long long)n.login_attempts,
			 (long long)n.sent_mail, (long long)n.notifications);
}

/* Publishes due releases every scheduler_interval seconds, and prunes old rows every
 * prune_interval seconds (both at once at start). */
static void *scheduler(void *arg)
{
	struct app *app = arg;
	struct timespec next_prune = { 0, 0 };
	pthread_mutex_lock(&sched_lock);
	while (!sched_stop) {
		pthread_mutex_unlock(&sched_lock);
		int n = release_publish_due(app->db, app->number_format, clock_now());
		if (n > 0)
			log_info("scheduler published %d release(s)", n);
		else if (n < 0)
			log_error("scheduler: publishing due releases failed; will retry");
		struct timespec mono;
		clock_gettime(CLOCK_MONOTONIC, &mono);
		if (mono.tv_sec >= next_prune.tv_sec) {
			prune(app);
			next_prune.tv_sec = mono.tv_sec + app->prune_interval;
		}
		pthread_mutex_lock(&sched_lock);
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += app->scheduler_interval;
		while (!sched_stop && pthread_cond_timedwait(&sched_wake, &sched_lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&sched_lock);
	return NULL;
}

/* Files placed in the media store by a request that did not commit (a crash, a full disk) and
 * files no attachment refers to any more are removed before serving. */
static int sweep_media(struct app *app)
{
	sqlite3 *w = db_write_begin(app->db);
	int n = w ? media_sweep(w, app->data_dir) : -1;
	if (n < 0) {
		if (w)
			db_write_rollback(app->db);
		log_error("media: cannot check the store");
		return -1;
	}
	if (db_write_commit(app->db) < 0)
		return -1;
	if (n)
		log_info("media: removed %d stored file(s) that nothing refers to", n);
	return 0;
}

/* Reads the list of common passwords the policy refuses (wordlists/ in the share directory).
 * Returns 0, or -1 with the reason printed. */
static int load_password_list(const struct app *app)
{
	char *path = xasprintf("%s/wordlists/common-passwords.txt", app->share_dir);
	int n = pwpolicy_load(path);
	if (n < 0)
		fprintf(stderr, "siaran: cannot read %s\n", path);
	free(path);
	return n < 0 ? -1 : 0;
}

static int cmd_serve(struct app *app, const struct opts *o)
{
	const char *listen = o->listen ? o->listen : env_or("SIARAN_LISTEN", "127.0.0.1:8080");
	if (ensure_dir(app->data_dir) < 0 || session_init() < 0)
		return 1;
	app->db = open_and_migrate(app);
	if (!app->db)
		return 1;
	if (image_init("siaran") < 0 || media_init(app->data_dir) < 0 || sweep_media(app) < 0) {
		db_close(app->db);
		return 1;
	}
	char *tdir = xasprintf("%s/templates", app->share_dir);
	char *sdir = xasprintf("%s/static", app->share_dir);
	int ok = tmpl_init(tdir, app->dev_reload) == 0 && pages_static_load(sdir) == 0 &&
		 load_password_list(app) == 0;
	free(tdir);
	free(sdir);
	if (!ok) {
		db_close(app->db);
		pages_static_free();
		pwpolicy_free();
		return 1;
	}
	/* Signals are taken by sigwait in this thread only; every thread started below inherits
	 * the blocked mask. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct http_server *srv = http_start(app, pages_routes(), listen);
	if (!srv) {
		db_close(app->db);
		pages_static_free();
		pwpolicy_free();
		return 1;
	}
	/* Only now is the base URL final (http_start takes the address served when none is
	 * configured). Notifications, whose e-mails link to it, and the mail worker start before
	 * the scheduler, so that what it publishes at start is announced too. */
	notify_init(app->base_url, app->mail_from);
	struct mailer_config mail = {
		.url = app->smtp_url, .user = app->smtp_user, .password = app->smtp_password,
		.require_tls = app->smtp_require_tls, .from = app->mail_from,
		.interval = app->mail_interval, .retry_base = app->mail_retry_base,
		.retry_max = app->mail_retry_max, .max_attempts = app->mail_max_attempts,
	};
	pthread_t sched;
	int sched_started = 0, rc = 1;
	if (mailer_start(app->db, &mail) == 0 &&
	    (sched_started = pthread_create(&sched, NULL, scheduler, app) == 0)) {
		int sig = 0;
		sigwait(&set, &sig);
		log_info("signal %d: shutting down", sig);
		rc = 0;
	}
	http_stop(srv);
	if (sched_started) {
		pthread_mutex_lock(&sched_lock);
		sched_stop = 1;
		pthread_cond_signal(&sched_wake);
		pthread_mutex_unlock(&sched_lock);
		pthread_join(sched, NULL);
	}
	mailer_stop();
	notify_shutdown();
	db_close(app->db);
	pages_static_free();
	pwpolicy_free();
	image_shutdown();
	return rc;
}

static int cmd_backup(struct app *app, const struct opts *o, int argc, char **argv, int first)
{
	if (first + 1 != argc) {
		fprintf(stderr, "siaran: expected one output file: `siaran backup [--db PATH] OUT`\n%s",
			usage_backup);
		return 2;
	}
	const char *out = argv[first];
	int64_t pages = 0;
	char *err = NULL;
	if (db_backup(app->db_path, out, o->force, &pages, &err) < 0) {
		fprintf(stderr, "siaran: backup failed: %s\n", err ? err : "unknown error");
		free(err);
		return 1;
	}
	printf("backup of %s written to %s (%lld pages), integrity check ok\n", app->db_path, out,
	       (long long)pages);
	return 0;
}

static int cmd_migrate(struct app *app)
{
	app->db = open_and_migrate(app);
	if (!app->db)
		return 1;
	db_close(app->db);
	return 0;
}

/* Reads one line (the password) from stdin, without its line ending. */
static char *read_password(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (n < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

static int cmd_user(struct app *app, const struct opts *o, int argc, char **argv, int first)
{
	if (first >= argc || strcmp(argv[first], "add") != 0 || first + 1 != argc) {
		fprintf(stderr, "siaran: expected `siaran user add ...`\n%s", usage_user);
		return 2;
	}
	if (!o->email || !o->name || !o->role) {
		fprintf(stderr, "siaran: --email, --name and --role are required\n");
		return 2;
	}
	if (!o->password_stdin) {
		fprintf(stderr, "siaran: give the password on standard input with --password-stdin\n");
		return 2;
	}
	char *password = read_password();
	if (!password) {
		fprintf(stderr, "siaran: no password on standard input\n");
		return 1;
	}
	char *unit = o->unit ? xstrdup(o->unit) : NULL;
	for (char *p = unit; p && *p; p++)
		*p = (char)toupper((unsigned char)*p);
	int rc = 1;
	if (session_init() < 0 || load_password_list(app) < 0)
		goto out;
	app->db = open_and_migrate(app);
	if (!app->db)
		goto out;
	sqlite3 *w = db_write_begin(app->db);
	if (!w) {
		fprintf(stderr, "siaran: database is busy\n");
		goto out;
	}
	const char *err = NULL;
	int64_t id = user_add(w, o->email, o->name, o->role, unit, password, &err);
	if (id < 0) {
		db_write_rollback(app->db);
		fprintf(stderr, "siaran: %s\n", err);
		goto out;
	}
	if (db_write_commit(app->db) < 0) {
		fprintf(stderr, "siaran: could not save the user\n");
		goto out;
	}
	printf("user %lld added: %s (%s)\n", (long long)id, o->email, o->role);
	rc = 0;
out:
	if (password) {
		explicit_bzero(password, strlen(password));
		free(password);
	}
	free(unit);
	pwpolicy_free();
	db_close(app->db);
	app->db = NULL;
	return rc;
}

static int cmd_demo(struct app *app)
{
	if (ensure_dir(app->data_dir) < 0 || session_init() < 0)
		return 1;
	if (image_init("siaran") < 0 || media_init(app->data_dir) < 0)
		return 1;
	app->db = open_and_migrate(app);
	int rc = app->db && demo_load(app->db, app->data_dir, app->number_format, stdout) == 0 ? 0 : 1;
	if (rc && app->db)
		fprintf(stderr, "siaran: loading demo data failed; nothing was written\n");
	if (app->db)
		db_close(app->db);
	app->db = NULL;
	image_shutdown();
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage_main, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *cmd = argv[1];
	const char *usage = strcmp(cmd, "serve") == 0     ? usage_serve
			    : strcmp(cmd, "migrate") == 0 ? usage_migrate
			    : strcmp(cmd, "user") == 0    ? usage_user
			    : strcmp(cmd, "demo") == 0    ? usage_demo
			    : strcmp(cmd, "backup") == 0  ? usage_backup
							  : NULL;
	if (!usage) {
		fprintf(stderr, "siaran: unknown command '%s'\n%s", cmd, usage_main);
		return 2;
	}
	struct opts o;
	memset(&o, 0, sizeof o);
	int first = parse_opts(argc - 1, argv + 1, &o, usage);
	if (first == -2)
		return 0;
	if (first < 0)
		return 2;
	first += 1; /* index into argv */
	if (strcmp(cmd, "user") != 0 && strcmp(cmd, "backup") != 0 && first < argc) {
		fprintf(stderr, "siaran: unexpected argument '%s'\n%s", argv[first], usage);
		return 2;
	}
	struct app app;
	if (configure(&app, &o) < 0) {
		app_free(&app);
		return 2;
	}
	int rc;
	if (strcmp(cmd, "serve") == 0)
		rc = cmd_serve(&app, &o);
	else if (strcmp(cmd, "migrate") == 0)
		rc = cmd_migrate(&app);
	else if (strcmp(cmd, "user") == 0)
		rc = cmd_user(&app, &o, argc, argv, first);
	else if (strcmp(cmd, "backup") == 0)
		rc = cmd_backup(&app, &o, argc, argv, first);
	else
		rc = cmd_demo(&app);
	app_free(&app);
	return rc;
}
