/* Demo data: one user per role (passwords fresh on every run, printed), and on the first run a
 * handful of published releases and requests in every workflow state, made through the same
 * functions the site uses so they carry revisions, transitions and numbers. Some carry photos:
 * simple scenes drawn with libvips and labelled as demo pictures, stored through the media store
 * as uploads are (checks, derivatives, hash), so nothing binary lives in the repository. */
#include "core/demo.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <vips/vips.h>

#include "core/media.h"
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

/* Photos of the demo requests (index into requests[]), in gallery order: the first leads. */
enum scene { SCENE_CITY, SCENE_ROAD, SCENE_BUS, SCENE_PEOPLE };

struct demo_photo {
	size_t request;
	enum scene scene;
	const char *label; /* drawn on the picture */
	const char *caption, *credit;
	double sky[3], ground[3]; /* top and bottom of the background, sRGB */
};

static const struct demo_photo photos[] = {
	{ 0, SCENE_PEOPLE, "Layanan cek kesehatan gratis",
	  "Warga mengantre pemeriksaan tekanan darah di Puskesmas Kecamatan Cakung.",
	  "Humas Dinas Kesehatan", { 120, 190, 215 }, { 235, 245, 240 } },
	{ 0, SCENE_CITY, "Puskesmas buka hingga 20.00 WIB",
	  "Puskesmas kecamatan kini melayani pemeriksaan hingga pukul 20.00 WIB.",
	  "Humas Dinas Kesehatan", { 250, 170, 110 }, { 70, 60, 110 } },
	{ 0, SCENE_PEOPLE, "Skrining kesehatan jiwa ringan",
	  "Petugas puskesmas menjelaskan skrining kesehatan jiwa ringan kepada warga.",
	  "Dewi Lestari", { 200, 225, 180 }, { 250, 250, 235 } },
	{ 1, SCENE_ROAD, "Jalur sepeda terproteksi",
	  "Pesepeda melintas di jalur sepeda terproteksi Jalan Sudirman pada hari pertama uji coba.",
	  "Humas Dinas Perhubungan", { 150, 200, 240 }, { 225, 235, 245 } },
	{ 1, SCENE_CITY, "Koridor Sudirman-Thamrin",
	  "Gedung-gedung di koridor Sudirman–Thamrin saat matahari terbit.",
	  "Agus Pratama", { 255, 200, 140 }, { 90, 120, 170 } },
	{ 1, SCENE_ROAD, "Separator beton dan stick cone",
	  "Separator beton memisahkan jalur sepeda dari lajur kendaraan bermotor.",
	  "Humas Dinas Perhubungan", { 180, 210, 230 }, { 240, 240, 230 } },
	{ 3, SCENE_PEOPLE, "Bus sekolah gratis",
	  "Siswa naik bus sekolah gratis di rute baru Cilincing.",
	  "Humas Dinas Perhubungan", { 255, 220, 120 }, { 250, 245, 225 } },
	{ 3, SCENE_BUS, "20 rute baru",
	  "Bus sekolah melintas di rute baru Kalideres pada pagi hari.",
	  "Agus Pratama", { 160, 205, 235 }, { 235, 240, 245 } },
	{ 7, SCENE_ROAD, "Simpang tak sebidang Cakung",
	  "Pekerjaan simpang tak sebidang Cakung dan jalur alternatif bagi pengendara.",
	  "Humas Dinas Perhubungan", { 200, 200, 205 }, { 240, 235, 225 } },
};

#define PHOTO_W 1600
#define PHOTO_H 1000

/* A small deterministic generator: the same pictures on every machine. */
static unsigned next_rand(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

static void draw_rect(VipsImage *img, double r, double g, double b, int x, int y, int w, int h)
{
	double ink[3] = { r, g, b };
	vips_draw_rect(img, ink, 3, x, y, w, h, "fill", TRUE, NULL);
}

static void draw_disc(VipsImage *img, double r, double g, double b, int cx, int cy, int radius)
{
	double ink[3] = { r, g, b };
	vips_draw_circle(img, ink, 3, cx, cy, radius, "fill", TRUE, NULL);
}

/* The shapes of one scene, drawn into img (3-band uchar in memory). */
static void draw_scene(VipsImage *img, const struct demo_photo *p, unsigned seed)
{
	const int w = PHOTO_W, h = PHOTO_H;
	switch (p->scene) {
	case SCENE_CITY:
		draw_disc(img, 255, 235, 170, w * 3 / 4, h / 4, 110);
		for (int x = 0; x < w; x += 120 + (int)(next_rand(&seed) % 60)) {
			int bw = 90 + (int)(next_rand(&seed) % 80);
			int bh = 250 + (int)(next_rand(&seed) % 450);
			double shade = 40 + next_rand(&seed) % 50;
			draw_rect(img, shade, shade + 10, shade + 30, x, h - 120 - bh, bw, bh);
			for (int wy = h - 120 - bh + 30; wy < h - 150; wy += 50)
				for (int wx = x + 15; wx + 20 < x + bw - 10; wx += 35)
					if (next_rand(&seed) % 3)
						draw_rect(img, 250, 225, 140, wx, wy, 18, 24);
		}
		draw_rect(img, 60, 70, 60, 0, h - 120, w, 120);
		break;
	case SCENE_ROAD:
	case SCENE_BUS:
		draw_rect(img, 110, 160, 90, 0, h / 2, w, h / 2);
		draw_rect(img, 80, 80, 85, 0, h / 2 + 80, w, h / 2 - 80);
		draw_rect(img, 40, 150, 90, 0, h / 2 + 80, w, 110);   /* the bicycle lane */
		draw_rect(img, 230, 230, 230, 0, h / 2 + 190, w, 14); /* the separator */
		for (int x = 40; x < w; x += 160)
			draw_rect(img, 240, 130, 40, x, h / 2 + 170, 22, 40); /* cones */
		for (int x = 0; x < w; x += 200)
			draw_rect(img, 240, 240, 240, x, h / 2 + 330, 110, 12); /* lane marks */
		if (p->scene == SCENE_BUS) { /* a school bus on the road */
			int x = 420, y = h / 2 + 40;
			draw_rect(img, 245, 190, 40, x, y, 760, 300);
			for (int wx = x + 40; wx < x + 700; wx += 130)
				draw_rect(img, 170, 215, 240, wx, y + 40, 100, 90);
			draw_rect(img, 40, 40, 45, x, y + 170, 760, 20);
			draw_disc(img, 30, 30, 30, x + 150, y + 300, 55);
			draw_disc(img, 30, 30, 30, x + 610, y + 300, 55);
			break;
		}
		for (int i = 0; i < 3; i++) { /* bicycles: two wheels and a rider */
			int cx = 250 + i * 480 + (int)(next_rand(&seed) % 80), cy = h / 2 + 150;
			draw_disc(img, 30, 30, 30, cx, cy, 34);
			draw_disc(img, 30, 30, 30, cx + 110, cy, 34);
			draw_rect(img, 200, 60, 60, cx + 30, cy - 120, 40, 90);
			draw_disc(img, 230, 190, 150, cx + 50, cy - 145, 26);
		}
		break;
	case SCENE_PEOPLE:
		draw_rect(img, 235, 235, 225, 0, h * 2 / 3, w, h / 3);
		for (int i = 0; i < 11; i++) {
			int cx = 90 + i * 140 + (int)(next_rand(&seed) % 40);
			int tall = 260 + (int)(next_rand(&seed) % 120);
			double r = 60 + next_rand(&seed) % 180, g = 60 + next_rand(&seed) % 150;
			double b = 80 + next_rand(&seed) % 160;
			draw_rect(img, r, g, b, cx - 45, h - 140 - tall, 90, tall);
			draw_disc(img, 200 + next_rand(&seed) % 40, 150 + next_rand(&seed) % 50,
				  110 + next_rand(&seed) % 40, cx, h - 175 - tall, 42);
		}
		break;
	}
}

/* Paints photo p (a gradient, a scene, a label band with its text) and saves it as a JPEG at
 * path. 0 or -1. */
static int paint(const struct demo_photo *p, unsigned seed, const char *path)
{
	VipsImage *t = vips_image_new(); /* owns every intermediate image */
	VipsImage **v = (VipsImage **)vips_object_local_array(VIPS_OBJECT(t), 8);
	double a[3], b[3];
	for (int i = 0; i < 3; i++) {
		a[i] = p->ground[i] - p->sky[i];
		b[i] = p->sky[i];
	}
	int rc = -1;
	char label[200];
	snprintf(label, sizeof label, "%s  \u00b7  ilustrasi demo", p->label);
	VipsImage *ramp[3];
	if (vips_grey(&v[0], PHOTO_H, PHOTO_W, NULL) || vips_rot(v[0], &v[1], VIPS_ANGLE_D90, NULL))
		goto out;
	ramp[0] = ramp[1] = ramp[2] = v[1];
	if (vips_bandjoin(ramp, &v[2], 3, NULL) || vips_linear(v[2], &v[3], a, b, 3, NULL) ||
	    vips_cast_uchar(v[3], &v[4], NULL))
		goto out;
	VipsImage *canvas = vips_image_copy_memory(v[4]);
	if (!canvas)
		goto out;
	v[5] = canvas;
	canvas->Type = VIPS_INTERPRETATION_sRGB;
	draw_scene(canvas, p, seed);
	draw_rect(canvas, 20, 30, 45, 0, PHOTO_H - 90, PHOTO_W, 90);
	if (vips_text(&v[6], label, "font", "sans bold 30", "width", PHOTO_W - 80, NULL))
		goto out;
	VipsImage *white = vips_image_new_from_image1(canvas, 255);
	if (!white)
		goto out;
	VipsImage *mask = NULL, *out = NULL;
	rc = vips_embed(v[6], &mask, 40, PHOTO_H - 45 - vips_image_get_height(v[6]) / 2, PHOTO_W,
			PHOTO_H, NULL);
	if (rc == 0)
		rc = vips_ifthenelse(mask, white, canvas, &out, "blend", TRUE, NULL);
	if (rc == 0)
		rc = vips_jpegsave(out, path, "Q", 88, NULL);
	if (mask)
		g_object_unref(mask);
	if (out)
		g_object_unref(out);
	g_object_unref(white);
out:
	if (rc != 0)
		log_error("demo: drawing a photo: %s", vips_error_buffer());
	vips_error_clear();
	g_object_unref(t);
	return rc;
}

/* Draws the photos of requests[index] and attaches them to request id, as an upload would:
 * checked, derived and stored (outside w), then recorded inside w. 0 or -1. */
static int attach_photos(sqlite3 *w, const char *data_dir, size_t index, int64_t id, int64_t actor,
			 int64_t at)
{
	int n = 0;
	for (size_t i = 0; i < sizeof photos / sizeof photos[0]; i++) {
		const struct demo_photo *p = &photos[i];
		if (p->request != index)
			continue;
		char *path = xasprintf("%s/tmp/demo-XXXXXX", data_dir);
		int fd = mkstemp(path);
		if (fd >= 0)
			close(fd);
		char hex[65], name[40];
		int64_t bytes = 0;
		struct media_new m;
		const char *why = NULL;
		memset(&m, 0, sizeof m);
		int rc = fd >= 0 && paint(p, (unsigned)i + 1, path) == 0 &&
				 media_hash_file(path, hex, &bytes) == 0
			 ? media_prepare(data_dir, path, hex, bytes, 1, &m, &why)
			 : -2;
		if (rc == -1)
			log_error("demo: photo %zu refused: %s", i, why);
		if (rc == 0 && media_place(data_dir, &m) < 0)
			rc = -2;
		snprintf(name, sizeof name, "demo-%lld-%d.jpg", (long long)id, ++n);
		if (rc == 0 && media_attach(w, id, &m, p->caption, p->credit, name, actor, at) < 0)
			rc = -2;
		media_new_clear(&m);
		unlink(path); /* moved away unless something failed */
		free(path);
		if (rc != 0)
			return -1;
	}
	return 0;
}

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

static int load_requests(sqlite3 *w, const char *data_dir, const char *fmt)
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
		if (id < 0 || attach_photos(w, data_dir, i, id, contributor, t0) < 0 ||
		    walk(w, id, d, contributor, editor, fmt, t0) < 0)
			return -1;
	}
	return 0;
}

int demo_load(struct db *db, const char *data_dir, const char *number_format, FILE *out)
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
	if (existing == 0 && load_requests(w, data_dir, number_format) < 0)
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
