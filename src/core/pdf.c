/* Uploaded PDFs through qpdf's C API: every object reachable from the trailer is visited once
 * (names compared after qpdf has resolved #-escapes, compressed object streams included), active
 * content refuses the file, metadata keys are removed on the way, and the document is written
 * anew with a content-derived ID. qpdf's memory grows with the number of objects (hundreds of
 * bytes each) and object streams are decompressed to be parsed, so a small crafted file can ask
 * for gigabytes: the work runs in a child process with CPU, memory and wall-clock limits. At most
 * PDF_JOBS documents are processed at once. */
#include "core/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <qpdf/qpdf-c.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/log.h"
#include "util/xmalloc.h"

#define PDF_JOBS 2
#define PDF_CPU_SECONDS 20
#define PDF_WALL_SECONDS 60
#define PDF_MEMORY (512ULL * 1024 * 1024) /* address space the child may add */
/* Objects (direct ones included) visited before a document counts as too complex. */
#define PDF_MAX_NODES 5000000UL

/* What the child process reports in its exit status. */
enum outcome { PDF_OK = 0, PDF_ACTIVE = 10, PDF_BROKEN, PDF_PASSWORD, PDF_NO_PAGES, PDF_COMPLEX,
	       PDF_SYSTEM };

static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t jobs_free = PTHREAD_COND_INITIALIZER;
static int jobs_running; /* under jobs_lock */

static const char *const msg_active = "Dokumen PDF berisi skrip, lampiran, atau aksi otomatis; "
				      "simpan ulang sebagai PDF biasa.";
static const char *const msg_broken = "Dokumen PDF tidak dapat dibaca (rusak atau bukan PDF yang utuh).";

/* Names that make a reader run code, open other programs or files, or carry files: as a key or
 * as a value anywhere in the document (/S /JavaScript, /JS, /Type /EmbeddedFile, /EF...). */
static int active_name(const char *name)
{
	static const char *const names[] = {
		"/JavaScript", "/JS",	    "/Launch",	  "/EmbeddedFile", "/EmbeddedFiles",
		"/EF",	       "/RichMedia", "/XFA",	  "/FileAttachment", "/GoToE",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* Keys removed from every dictionary: XMP packets and applications' private data (an editor's
 * copy of the source document, user names, paths). */
static int metadata_key(const char *key)
{
	return strcmp(key, "/Metadata") == 0 || strcmp(key, "/PieceInfo") == 0;
}

struct walk {
	qpdf_data q;
	qpdf_oh *stack;
	size_t n, cap;
	uint64_t *seen; /* open addressing: object number << 16 | generation, + 1; 0 = empty */
	size_t nseen, seen_cap;
	unsigned long nodes;
	int outcome; /* 0 or why the walk stopped (enum outcome) */
};

static void push(struct walk *w, qpdf_oh h)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->stack = xrealloc(w->stack, w->cap * sizeof *w->stack);
	}
	w->stack[w->n++] = h;
}

/* Whether key is in the table of cap slots (a power of two); adds it when not. */
static int seen_insert(uint64_t *tab, size_t cap, uint64_t key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (cap - 1);
	while (tab[i]) {
		if (tab[i] == key)
			return 1;
		i = (i + 1) & (cap - 1);
	}
	tab[i] = key;
	return 0;
}

/* Whether the indirect object (id, gen) was seen before; marks it seen. */
static int seen_before(struct walk *w, int id, int gen)
{
	if ((w->nseen + 1) * 2 > w->seen_cap) {
		size_t cap = w->seen_cap ? w->seen_cap * 2 : 1024;
		uint64_t *tab = xcalloc(cap, sizeof *tab);
		for (size_t i = 0; i < w->seen_cap; i++)
			if (w->seen[i])
				seen_insert(tab, cap, w->seen[i]);
		free(w->seen);
		w->seen = tab;
		w->seen_cap = cap;
	}
	uint64_t key = (((uint64_t)(unsigned)id << 16) | ((unsigned)gen & 0xFFFF)) + 1;
	if (seen_insert(w->seen, w->seen_cap, key))
		return 1;
	w->nseen++;
	return 0;
}

/* Whether h is an XMP stream (/Type /Metadata), wherever it hangs. */
static int metadata_stream(qpdf_data q, qpdf_oh h)
{
	if (!qpdf_oh_is_stream(q, h))
		return 0;
	qpdf_oh d = qpdf_oh_get_dict(q, h);
	qpdf_oh t = qpdf_oh_get_key(q, d, "/Type");
	int yes = qpdf_oh_is_name_and_equals(q, t, "/Metadata");
	qpdf_oh_release(q, t);
	qpdf_oh_release(q, d);
	return yes;
}

/* Checks the keys of dictionary d, removes the metadata ones and queues the values. */
static void visit_dict(struct walk *w, qpdf_oh d)
{
	qpdf_data q = w->q;
	char **drop = NULL;
	size_t ndrop = 0;
	qpdf_oh_begin_dict_key_iter(q, d);
	while (!w->outcome && qpdf_oh_dict_more_keys(q)) {
		const char *key = qpdf_oh_dict_next_key(q);
		if (!key)
			break;
		if (active_name(key)) {
			w->outcome = PDF_ACTIVE;
			break;
		}
		qpdf_oh v = qpdf_oh_get_key(q, d, key);
		if (metadata_key(key) || metadata_stream(q, v)) {
			qpdf_oh_release(q, v);
			drop = xrealloc(drop, (ndrop + 1) * sizeof *drop);
			drop[ndrop++] = xstrdup(key);
			continue;
		}
		push(w, v);
	}
	for (size_t i = 0; i < ndrop; i++) {
		qpdf_oh_remove_key(q, d, drop[i]);
		free(drop[i]);
	}
	free(drop);
}

/* Visits everything reachable from the trailer (which has lost /Info and /ID already). */
static void walk_all(struct walk *w, qpdf_oh trailer)
{
	qpdf_data q = w->q;
	push(w, qpdf_oh_new_object(q, trailer));
	while (w->n && !w->outcome) {
		qpdf_oh h = w->stack[--w->n];
		if (++w->nodes > PDF_MAX_NODES) {
			w->outcome = PDF_COMPLEX;
		} else if (qpdf_oh_is_indirect(q, h) &&
			   seen_before(w, qpdf_oh_get_object_id(q, h), qpdf_oh_get_generation(q, h))) {
			/* already visited */
		} else {
			switch (qpdf_oh_get_type_code(q, h)) {
			case ot_name:
				if (active_name(qpdf_oh_get_name(q, h)))
					w->outcome = PDF_ACTIVE;
				break;
			case ot_array: {
				int n = qpdf_oh_get_array_n_items(q, h);
				for (int i = 0; i < n; i++)
					push(w, qpdf_oh_get_array_item(q, h, i));
				break;
			}
			case ot_dictionary:
				visit_dict(w, h);
				break;
			case ot_stream: {
				qpdf_oh d = qpdf_oh_get_dict(q, h);
				visit_dict(w, d);
				qpdf_oh_release(q, d);
				break;
			}
			default:
				break;
			}
		}
		qpdf_oh_release(q, h);
		if (qpdf_has_error(q) && !w->outcome)
			w->outcome = PDF_BROKEN;
	}
	while (w->n)
		qpdf_oh_release(q, w->stack[--w->n]);
}

/* The child's end of the pipe that carries qpdf's error text to the parent, which logs it (the
 * child of a threaded process must not take the stdio lock another thread may have held). */
static int report_fd = -1;

static void report(const char *what)
{
	size_t n = strlen(what);
	if (report_fd >= 0)
		(void)!write(report_fd, what, n < 512 ? n : 512); /* below PIPE_BUF: never blocks */
}

/* The outcome for qpdf's current error. */
static enum outcome failure(qpdf_data q)
{
	qpdf_error e = qpdf_get_error(q);
	if (!e)
		return PDF_BROKEN;
	enum qpdf_error_code_e code = qpdf_get_error_code(q, e);
	report(qpdf_get_error_full_text(q, e));
	return code == qpdf_e_password ? PDF_PASSWORD : code == qpdf_e_system ? PDF_SYSTEM : PDF_BROKEN;
}

/* The whole work, in the child process. */
static enum outcome clean(const char *src, const char *dst)
{
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	struct walk w;
	memset(&w, 0, sizeof w);
	w.q = q;
	enum outcome rc;
	int pages;
	if (qpdf_read(q, src, NULL) & QPDF_ERRORS) {
		rc = failure(q);
	} else if ((pages = qpdf_get_num_pages(q)) < 1) {
		rc = pages < 0 ? failure(q) : PDF_NO_PAGES;
	} else {
		qpdf_oh trailer = qpdf_get_trailer(q);
		qpdf_oh_remove_key(q, trailer, "/Info");
		qpdf_oh_remove_key(q, trailer, "/ID");
		walk_all(&w, trailer);
		qpdf_oh_release(q, trailer);
		if (w.outcome) {
			rc = w.outcome;
		} else if (qpdf_init_write(q, dst) & QPDF_ERRORS) {
			rc = failure(q);
		} else {
			qpdf_set_preserve_encryption(q, QPDF_FALSE);
			qpdf_set_deterministic_ID(q, QPDF_TRUE);
			/* Streams are copied as they are: nothing is decompressed to be written. */
			qpdf_set_decode_level(q, qpdf_dl_none);
			rc = (qpdf_write(q) & QPDF_ERRORS) ? failure(q) : PDF_OK;
		}
	}
	qpdf_cleanup(&q);
	free(w.stack);
	free(w.seen);
	return rc;
}

/* Limits for the child: CPU seconds, and address space beyond what it inherited (a sanitizer's
 * or valgrind's reserved space is already counted, so the limit still means "this much more"). */
static void child_limits(void)
{
	struct rlimit cpu = { PDF_CPU_SECONDS, PDF_CPU_SECONDS + 5 };
	setrlimit(RLIMIT_CPU, &cpu);
	int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
	char buf[128];
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n > 0) {
		buf[n] = '\0';
		unsigned long long pages = strtoull(buf, NULL, 10);
		unsigned long long now = pages * (unsigned long long)sysconf(_SC_PAGESIZE);
		struct rlimit as = { (rlim_t)(now + PDF_MEMORY), (rlim_t)(now + PDF_MEMORY) };
		setrlimit(RLIMIT_AS, &as);
	}
}

/* Runs clean() in a child process and waits for it (at most PDF_WALL_SECONDS). */
static enum outcome run_child(const char *src, const char *dst)
{
	int fds[2];
	/* Non-blocking: another job's child, forked meanwhile, may hold a copy of the write end. */
	if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0) {
		log_error("pdf: pipe: %s", strerror(errno));
		return PDF_SYSTEM;
	}
	pid_t pid = fork();
	if (pid < 0) {
		log_error("pdf: fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return PDF_SYSTEM;
	}
	if (pid == 0) {
		close(fds[0]);
		report_fd = fds[1];
		child_limits();
		_exit(clean(src, dst));
	}
	close(fds[1]);
	struct timespec start, now, nap = { 0, 2000000 };
	clock_gettime(CLOCK_MONOTONIC, &start);
	int status = 0;
	enum outcome o = PDF_SYSTEM;
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			log_error("pdf: waitpid: %s", strerror(errno));
			goto out;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec > PDF_WALL_SECONDS) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			log_warn("pdf: %s: still running after %d s, stopped", src, PDF_WALL_SECONDS);
			o = PDF_COMPLEX;
			goto out;
		}
		nanosleep(&nap, NULL);
		if (nap.tv_nsec < 20000000)
			nap.tv_nsec *= 2;
	}
	if (WIFEXITED(status)) {
		o = (enum outcome)WEXITSTATUS(status);
	} else {
		log_warn("pdf: %s: stopped by signal %d (CPU or memory limit)", src, WTERMSIG(status));
		o = PDF_COMPLEX;
	}
out:;
	char text[513];
	ssize_t n = read(fds[0], text, sizeof text - 1);
	if (n > 0) {
		text[n] = '\0';
		log_info("pdf: %s", text);
	}
	close(fds[0]);
	return o;
}

int pdf_clean(const char *src, const char *dst, const char **why)
{
	*why = NULL;
	pthread_mutex_lock(&jobs_lock);
	while (jobs_running >= PDF_JOBS)
		pthread_cond_wait(&jobs_free, &jobs_lock);
	jobs_running++;
	pthread_mutex_unlock(&jobs_lock);
	enum outcome o = run_child(src, dst);
	pthread_mutex_lock(&jobs_lock);
	jobs_running--;
	pthread_cond_signal(&jobs_free);
	pthread_mutex_unlock(&jobs_lock);
	if (o == PDF_OK)
		return 0;
	unlink(dst);
	switch (o) {
	case PDF_ACTIVE: *why = msg_active; return -1;
	case PDF_PASSWORD:
		*why = "Dokumen PDF dilindungi kata sandi; simpan ulang tanpa kata sandi.";
		return -1;
	case PDF_NO_PAGES: *why = "Dokumen PDF tidak berisi halaman."; return -1;
	case PDF_COMPLEX:
		*why = "Dokumen PDF terlalu besar atau rumit untuk diperiksa; simpan ulang sebagai PDF "
		       "biasa.";
		return -1;
	case PDF_SYSTEM: log_error("pdf: cannot write %s", dst); return -2;
	default: *why = msg_broken; return -1;
	}
}
