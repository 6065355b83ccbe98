/* Demo data: one user per role (passwords fresh on every run, printed), and on the first run a
 * handful of published releases and requests in every workflow state, made through the same
 * functions the site uses so they carry revisions, transitions and numbers. */
#include "core/demo.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/release.h"
#include "core/session.h"
#include "core/user.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"

struct demo_user {
	const char *email, *name, *role, *unit;
};

static const struct demo_user users[] = {
	{ "admin@siaran.test", "Admin Siaran", "admin", NULL },
	{ "editor@siaran.test", "Rina Kusumawati", "editor", "DISKOMINFOTIK" },
	{ "editor2@siaran.test", "Bambang Sutrisno", "editor", "DISKOMINFOTIK" },
	{ "dinkes@siaran.test", "Dewi Lestari", "contributor", "DINKES" },
	{ "dishub@siaran.test", "Agus Pratama", "contributor", "DISHUB" },
};
#define NUSERS (sizeof users / sizeof users[0])

struct demo_request {
	const char *unit_user; /* e-mail of the contributor who writes it */
	const char *kind, *title, *summary, *body, *location, *address;
	int activity_days_ago;   /* press release: activity date relative to today */
	int event_in_days;       /* advisory: event start relative to now, in days */
	const char *quote_speaker, *quote_position, *quote_text;
	const char *contact_name, *contact_position, *contact_phone, *contact_email;
	/* The path it takes: the last state it should reach. */
	enum wf_state target;
	int days_ago; /* how long ago it was created */
};

static const struct demo_request requests[] = {
	{ "dinkes@siaran.test", "press_release",
	  "Dinkes DKI Perluas Layanan Cek Kesehatan Gratis di 44 Puskesmas Kecamatan",
	  "Dinas Kesehatan Provinsi DKI Jakarta memperluas layanan cek kesehatan gratis ke seluruh 44 "
	  "puskesmas kecamatan mulai pekan ini, dengan jam layanan diperpanjang hingga pukul 20.00 WIB.",
	  "Layanan cek kesehatan gratis kini tersedia di **seluruh puskesmas kecamatan** di lima kota "
	  "administrasi dan Kabupaten Kepulauan Seribu.\n\nWarga cukup membawa KTP DKI Jakarta. "
	  "Pemeriksaan meliputi:\n\n- tekanan darah dan gula darah,\n- kolesterol,\n- skrining "
	  "kesehatan jiwa ringan.\n\nJadwal lengkap tersedia di [situs Dinas Kesehatan]"
	  "(https://dinkes.jakarta.go.id).",
	  "Jakarta", "", 2, 0, "Ani Ruspitawati", "Kepala Dinas Kesehatan Provinsi DKI Jakarta",
	  "Kami ingin setiap warga Jakarta bisa memeriksakan kesehatannya tanpa harus mengambil cuti.",
	  "Dewi Lestari", "Kepala Subbagian Umum", "+62 21 4287 2144", "humas.dinkes@jakarta.go.id",
	  WF_PUBLISHED, 6 },
	{ "dishub@siaran.test", "press_release",
	  "Uji Coba Jalur Sepeda Terproteksi di Jalan Sudirman–Thamrin Dimulai Senin",
	  "Dinas Perhubungan Provinsi DKI Jakarta memulai uji coba jalur sepeda terproteksi sepanjang "
	  "koridor Sudirman–Thamrin selama tiga bulan.",
	  "Jalur sepeda dipisahkan dari lajur kendaraan bermotor dengan *stick cone* dan separator "
	  "beton.\n\nSelama uji coba, petugas Dishub akan berjaga di 12 titik persimpangan.",
	  "Jakarta", "", 4, 0, "Syafrin Liputo", "Kepala Dinas Perhubungan Provinsi DKI Jakarta",
	  "Uji coba ini kami evaluasi setiap pekan bersama komunitas pesepeda.",
	  "Agus Pratama", "Staf Humas Dinas Perhubungan", "021-3503939", "humas.dishub@jakarta.go.id",
	  WF_PUBLISHED, 5 },
	{ "dinkes@siaran.test", "media_advisory",
	  "Peluncuran Program Imunisasi Kejar di Jakarta Timur",
	  "Dinas Kesehatan mengundang rekan-rekan media meliput peluncuran program imunisasi kejar "
	  "bagi anak usia sekolah di Jakarta Timur.",
	  "Acara akan dihadiri oleh Penjabat Gubernur dan perwakilan Kementerian Kesehatan.",
	  "Aula Kantor Wali Kota Jakarta Timur", "Jl. Dr. Sumarno No. 1, Penggilingan, Cakung, "
	  "Jakarta Timur", 0, 3, NULL, NULL, NULL,
	  "Dewi Lestari", "Kepala Subbagian Umum", "+62 812 1000 2000", "humas.dinkes@jakarta.go.id",
	  WF_PUBLISHED, 3 },
	{ "dishub@siaran.test", "press_release",
	  "Layanan Bus Sekolah Gratis Bertambah 20 Rute Mulai Tahun Ajaran Baru",
	  "Dishub DKI menambah 20 rute bus sekolah gratis untuk menjangkau permukiman di pinggiran kota.",
	  "Penambahan rute ini menjangkau wilayah Cilincing, Kalideres dan Jagakarsa.",
	  "Jakarta", "", 1, 0, NULL, NULL, NULL,
	  "Agus Pratama", "Staf Humas Dinas Perhubungan", "021-3503939", "humas.dishub@jakarta.go.id",
	  WF_PUBLISHED, 2 },
	{ "dinkes@siaran.test", "press_release",
	  "Dinkes Imbau Warga Waspadai Demam Berdarah di Musim Hujan",
	  "Dinas Kesehatan mengimbau warga melakukan 3M Plus untuk mencegah demam berdarah dengue.",
	  "Kasus DBD biasanya meningkat pada awal musim hujan.", "Jakarta", "", 1, 0, NULL, NULL, NULL,
	  "Dewi Lestari", "Kepala Subbagian Umum", "+62 21 4287 2144", "", WF_UNPUBLISHED, 8 },
	{ "dinkes@siaran.test", "press_release", "Draf: Hari Kesehatan Nasional di Monas",
	  "Peringatan Hari Kesehatan Nasional akan dipusatkan di Monas.", "", "Jakarta", "", 0, 0,
	  NULL, NULL, NULL, "Dewi Lestari", "", "", "", WF_DRAFT, 0 },
	{ "dinkes@siaran.test", "press_release",
	  "Pemprov DKI Tambah 500 Tempat Tidur Rawat Inap di RSUD",
	  "Pemprov DKI Jakarta menambah 500 tempat tidur rawat inap di delapan RSUD tahun ini.",
	  "Penambahan difokuskan pada ruang rawat kelas standar.", "Jakarta", "", 1, 0, NULL, NULL,
	  NULL, "Dewi Lestari", "Kepala Subbagian Umum", "+62 21 4287 2144", "", WF_SUBMITTED, 1 },
	{ "dishub@siaran.test", "press_release",
	  "Rekayasa Lalu Lintas Selama Pembangunan Simpang Tak Sebidang Cakung",
	  "Dishub DKI memberlakukan rekayasa lalu lintas di sekitar Cakung selama pembangunan.",
	  "Pengendara diimbau menggunakan jalur alternatif.", "Jakarta", "", 1, 0, NULL, NULL, NULL,
	  "Agus Pratama", "", "021-3503939", "", WF_IN_REVIEW, 2 },
	{ "dishub@siaran.test", "press_release",
	  "Peremajaan Halte Transjakarta di Koridor 1",
	  "Sebanyak 12 halte di koridor 1 diremajakan agar ramah penyandang disabilitas.",
	  "Pekerjaan dilakukan bertahap pada malam hari.", "Jakarta", "", 3, 0, NULL, NULL, NULL,
	  "Agus Pratama", "", "021-3503939", "", WF_CHANGES_REQUESTED, 3 },
	{ "dinkes@siaran.test", "press_release", "Lomba Foto Internal Pegawai Dinas Kesehatan",
	  "Dinas Kesehatan menggelar lomba foto internal untuk pegawai.", "Lomba bersifat internal.",
	  "Jakarta", "", 5, 0, NULL, NULL, NULL, "Dewi Lestari", "", "+62 21 4287 2144", "",
	  WF_REJECTED, 5 },
	{ "dishub@siaran.test", "media_advisory", "Konferensi Pers Evaluasi Mudik Gratis 2026",
	  "Dishub DKI mengundang media ke konferensi pers evaluasi program mudik gratis.",
	  "", "Ruang Rapat Dishub DKI", "Jl. Taman Jatibaru No. 1, Jakarta Pusat", 0, 2, NULL, NULL,
	  NULL, "Agus Pratama", "", "021-3503939", "humas.dishub@jakarta.go.id", WF_SCHEDULED, 1 },
	{ "dinkes@siaran.test", "press_release", "Pengumuman Jadwal Posyandu yang Dibatalkan",
	  "Pengumuman ini dibatalkan oleh unit.",
	  "Jadwal posyandu bulan ini tetap seperti biasa.", "Jakarta", "", 1, 0, NULL, NULL, NULL,
	  "Dewi Lestari", "", "+62 21 4287 2144", "", WF_WITHDRAWN, 4 },
};

/* A readable random password: 16 characters from an unambiguous alphabet. */
static void random_password(char out[17])
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < 16; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[16] = '\0';
}

static int64_t user_id_by_email(sqlite3 *c, const char *email)
{
	int64_t id = 0;
	return db_int(c, &id, "SELECT id FROM users WHERE email = ?", "t", email) == 1 ? id : 0;
}

struct step {
	enum wf_action action;
	int64_t actor;
	const char *note;
};

/* Moves request id along the workflow to d->target, as the people involved would. */
static int walk(sqlite3 *w, int64_t id, const struct demo_request *d, int64_t contributor,
		int64_t editor, const char *fmt, int64_t t0)
{
	struct step steps[6];
	int n = 0;
	switch (d->target) {
	case WF_DRAFT:
		break;
	case WF_WITHDRAWN:
		steps[n++] = (struct step){ WF_SUBMIT, contributor, "" };
		steps[n++] = (struct step){ WF_WITHDRAW, contributor, "" };
		break;
	default:
		steps[n++] = (struct step){ WF_SUBMIT, contributor, "" };
		if (d->target == WF_SUBMITTED)
			break;
		steps[n++] = (struct step){ WF_CLAIM, editor, "" };
		if (d->target == WF_CHANGES_REQUESTED)
			steps[n++] = (struct step){ WF_REQUEST_CHANGES, editor,
				"Mohon lengkapi kutipan pejabat dan nomor narahubung yang aktif." };
		else if (d->target == WF_REJECTED)
			steps[n++] = (struct step){ WF_REJECT, editor,
				"Kegiatan internal, tidak untuk publikasi media." };
		else if (d->target == WF_PUBLISHED || d->target == WF_SCHEDULED ||
			 d->target == WF_UNPUBLISHED)
			steps[n++] = (struct step){ WF_APPROVE, editor, "" };
		if (d->target == WF_UNPUBLISHED)
			steps[n++] = (struct step){ WF_UNPUBLISH, editor,
				"Data jumlah kasus dalam siaran ini keliru dan sedang diverifikasi ulang." };
		break;
	}
	for (int i = 0; i < n; i++) {
		struct release *r = NULL;
		if (release_load(w, id, &r) != 1)
			return -1;
		int64_t at = t0 + (int64_t)(i + 1) * 3600;
		int64_t when = d->target == WF_SCHEDULED ? clock_now() + 2 * 3600 : 0;
		enum wf_state to;
		unsigned role = steps[i].actor == contributor ? WF_ROLE_CONTRIBUTOR : WF_ROLE_EDITOR;
		int rc = workflow_next(r->state, steps[i].action, role, when > 0, &to, NULL) == WF_OK
			? release_apply(w, r, steps[i].action, to, steps[i].actor, steps[i].note, when,
					"demo", fmt, at)
			: -1;
		release_free(r);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int load_requests(sqlite3 *w, const char *fmt)
{
	int64_t editor = user_id_by_email(w, "editor@siaran.test");
	int64_t now = clock_now();
	/* Oldest first, so that numbers follow publication order as they do in real life. */
	for (int ago = 60; ago >= 0; ago--)
	for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++) {
		const struct demo_request *d = &requests[i];
		if (d->days_ago != ago)
			continue;
		int64_t contributor = user_id_by_email(w, d->unit_user);
		int64_t unit = 0;
		if (db_int(w, &unit, "SELECT unit_id FROM users WHERE id = ?", "i", contributor) != 1)
			return -1;
		int64_t t0 = now - (int64_t)d->days_ago * 86400 - 6 * 3600;
		char activity[16] = "";
		char start[24] = "", end[24] = "";
		struct release_input in;
		memset(&in, 0, sizeof in);
		in.kind = d->kind;
		in.title = d->title;
		in.summary = d->summary;
		in.body = d->body;
		in.location = d->location;
		in.address = d->address;
		if (strcmp(d->kind, "press_release") == 0) {
			time_t at = (time_t)(now + 7 * 3600 - (int64_t)d->activity_days_ago * 86400 -
					     (int64_t)d->days_ago * 86400);
			struct tm tm;
			gmtime_r(&at, &tm);
			strftime(activity, sizeof activity, "%Y-%m-%d", &tm);
			in.activity_date = activity;
		} else {
			/* Events at 09.00 WIB, two hours long. */
			time_t at = (time_t)(now + 7 * 3600 + (int64_t)d->event_in_days * 86400);
			struct tm tm;
			gmtime_r(&at, &tm);
			tm.tm_hour = 9;
			tm.tm_min = 0;
			strftime(start, sizeof start, "%Y-%m-%dT%H:%M", &tm);
			tm.tm_hour = 11;
			strftime(end, sizeof end, "%Y-%m-%dT%H:%M", &tm);
			in.event_start = start;
			in.event_end = end;
		}
		if (d->quote_speaker) {
			in.quote_speaker[0] = d->quote_speaker;
			in.quote_position[0] = d->quote_position;
			in.quote_text[0] = d->quote_text;
			in.nquotes = 1;
		}
		in.contact_name = d->contact_name;
		in.contact_position = d->contact_position;
		in.contact_phone = d->contact_phone;
		in.contact_email = d->contact_email;
		struct release content;
		struct release_errors errs;
		enum release_check check = d->target == WF_DRAFT ? RELEASE_CHECK_DRAFT : RELEASE_CHECK_SUBMIT;
		if (release_validate(&in, check, t0, &content, &errs)) {
			log_error("demo request '%s': %s: %s", d->title, errs.e[0].field, errs.e[0].message);
			release_clear(&content);
			return -1;
		}
		int64_t id = release_create(w, &content, unit, contributor, "demo", t0);
		release_clear(&content);
		if (id < 0 || walk(w, id, d, contributor, editor, fmt, t0) < 0)
			return -1;
	}
	return 0;
}

int demo_load(struct db *db, const char *number_format, FILE *out)
{
	/* Passwords are hashed before the transaction: each hash takes ~150 ms. */
	char passwords[NUSERS][17];
	char hashes[NUSERS][PASSWORD_HASH_MAX];
	for (size_t i = 0; i < NUSERS; i++) {
		random_password(passwords[i]);
		if (password_hash(passwords[i], hashes[i]) < 0)
			return -1;
	}
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return -1;
	for (size_t i = 0; i < NUSERS; i++) {
		const struct demo_user *u = &users[i];
		int64_t id = user_id_by_email(w, u->email);
		if (id) {
			if (db_execf(w, "UPDATE users SET password_hash = ?, active = 1 WHERE id = ?", "ti",
				     hashes[i], id) < 0)
				goto fail;
			continue;
		}
		const char *err = NULL;
		if (user_add(w, u->email, u->name, u->role, u->unit, passwords[i], &err) < 0) {
			log_error("demo user %s: %s", u->email, err);
			goto fail;
		}
	}
	int64_t existing = 0;
	if (db_int(w, &existing, "SELECT COUNT(*) FROM requests", "") != 1)
		goto fail;
	if (existing == 0 && load_requests(w, number_format) < 0)
		goto fail;
	if (db_write_commit(db) < 0)
		return -1;
	fprintf(out, "Demo data loaded%s. Sign in at /login with:\n",
		existing ? " (requests already present, kept)" : "");
	for (size_t i = 0; i < NUSERS; i++)
		fprintf(out, "  %-12s %-22s password: %s%s%s\n", users[i].role, users[i].email,
			passwords[i], users[i].unit ? "  unit " : "", users[i].unit ? users[i].unit : "");
	fprintf(out, "(Passwords are new on every run of `siaran demo`.)\n");
	return 0;
fail:
	db_write_rollback(db);
	return -1;
}
