/* Settings and shared handles of one running siaran, filled by main.c from flags and
 * environment, read-only once the server starts. */
#ifndef SIARAN_APP_H
#define SIARAN_APP_H

struct db;

struct app {
	struct db *db;
	char *db_path;
	char *data_dir;
	char *share_dir;     /* holds templates/, static/ and migrations/ */
	char *base_url;      /* public URL without trailing slash, e.g. https://siaran.jakarta.go.id */
	int https;           /* base_url is https: Secure cookies with the __Host- prefix */
	char *number_format; /* release number format (core/numbering.h) */
	int scheduler_interval; /* seconds between scheduler runs */
	int dev_reload;      /* re-read edited templates */
	/* Mail (core/mailer.h). smtp_url NULL: no delivery, messages wait in the outbox. */
	char *smtp_url, *smtp_user, *smtp_password, *mail_from;
	int smtp_require_tls;
	int mail_interval, mail_retry_base, mail_retry_max, mail_max_attempts;
	int four_eyes;       /* an editor may not approve what the same editor created or last edited */
	/* Operations: the access log as JSON lines; the bearer token that opens /metrics to other
	 * addresses (NULL: loopback only); pruning of old rows (core/ops.h). */
	int log_json;
	char *metrics_token;
	int prune_interval;  /* seconds between prunes in the scheduler thread */
	int keep_login_attempts_days, keep_sent_mail_days, keep_read_notifications_days; /* 0: keep */
	/* Uploads (core/media.h): bytes per file, per publication request (all its files), per unit
	 * (all its requests' files), and files per HTTP request. */
	unsigned long long max_file_bytes, max_request_bytes, unit_quota_bytes;
	int max_files;
	/* Connection limits (http/server.c): total, per client address (0: none, for a reverse proxy
	 * where every client is the proxy's address), and seconds a connection may stay silent. */
	int max_connections, per_ip_limit, connection_timeout;
	/* A reverse proxy on this machine names the client in X-Real-IP (believed only from a
	 * loopback peer): throttles, sessions and the audit trail see the real address. */
	int trust_proxy;
};

#endif
