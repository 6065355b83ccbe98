/* Photos through libvips: content sniffing, hostile-file checks, web derivatives without
 * metadata. libvips is told to refuse its untrusted loaders (SVG, PDF, ImageMagick...), and each
 * file is opened with the one loader its magic bytes name, never by guessing. */
#include "core/image.h"

#include <fcntl.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vips/vips.h>

#include "util/log.h"
#include "util/xmalloc.h"

const int image_widths[IMAGE_NWIDTHS] = { 480, 1200 };

/* Free processing slots (IMAGE_JOBS); set once by image_init. */
static sem_t slots;

int image_init(const char *argv0)
{
	if (VIPS_INIT(argv0 ? argv0 : "siaran") != 0) {
		log_error("libvips: %s", vips_error_buffer());
		return -1;
	}
	vips_block_untrusted_set(TRUE);
	vips_cache_set_max(0);
	vips_concurrency_set(2);
	return sem_init(&slots, 0, IMAGE_JOBS);
}

void image_shutdown(void)
{
	vips_shutdown();
}

enum image_type image_sniff(const unsigned char *p, size_t n)
{
	if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return IMAGE_JPEG;
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return IMAGE_PNG;
	if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
		return IMAGE_WEBP;
	if (n >= 12 && memcmp(p + 4, "ftyp", 4) == 0) {
		static const char *brands[] = { "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
						"msf1" };
		for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++)
			if (memcmp(p + 8, brands[i], 4) == 0)
				return IMAGE_HEIC;
		return IMAGE_NONE;
	}
	if (n >= 8 && memcmp(p, "%PDF-", 5) == 0 && (p[5] == '1' || p[5] == '2') && p[6] == '.')
		return IMAGE_PDF;
	return IMAGE_NONE;
}

const char *image_mime(enum image_type t)
{
	switch (t) {
	case IMAGE_JPEG: return "image/jpeg";
	case IMAGE_PNG: return "image/png";
	case IMAGE_WEBP: return "image/webp";
	case IMAGE_HEIC: return "image/heic";
	case IMAGE_PDF: return "application/pdf";
	case IMAGE_NONE: break;
	}
	return "application/octet-stream";
}

int image_is_photo(enum image_type t)
{
	return t == IMAGE_JPEG || t == IMAGE_PNG || t == IMAGE_WEBP || t == IMAGE_HEIC;
}

/* Whether needle (lowercase) occurs in hay, ignoring ASCII case; end_chars, when not NULL, are
 * the bytes one of which must follow it (a tag name ends at a space or '>'). */
static int has_marker(const unsigned char *hay, size_t n, const char *needle, const char *end_chars)
{
	size_t m = strlen(needle);
	for (const unsigned char *p = hay; n >= m;) {
		const unsigned char *q = memchr(p, needle[0], n - m + 1);
		if (!q)
			return 0;
		size_t left = n - (size_t)(q - p);
		if (strncasecmp((const char *)q, needle, m) == 0 &&
		    (!end_chars || (left > m && q[m] && strchr(end_chars, q[m]))))
			return 1;
		n = left - 1;
		p = q + 1;
	}
	return 0;
}

/* Markup or script anywhere in the file: a browser or another program could take the file for
 * something else (a polyglot). Only markers long enough not to occur by chance in compressed
 * data are searched: a 20 MB photo must not be refused for random bytes. */
static const char *hidden_format(const unsigned char *p, size_t n, enum image_type t)
{
	static const char *markup[] = { "<script", "<html", "<!doctype", "<iframe", "<object",
					"<embed", "<?php", "<body" };
	for (size_t i = 0; i < sizeof markup / sizeof markup[0]; i++)
		if (has_marker(p, n, markup[i], " \t\r\n>"))
			return "Berkas mengandung kode HTML atau skrip tersembunyi.";
	if (has_marker(p, n, "<svg", " \t\r\n>"))
		return "Berkas mengandung gambar SVG tersembunyi.";
	if (t != IMAGE_PDF && memmem(p, n, "%PDF-", 5))
		return "Berkas foto mengandung dokumen PDF tersembunyi.";
	/* A ZIP archive (JAR, Office document...) ends with its central directory record. */
	size_t tail = n < 65557 ? n : 65557;
	if (memmem(p + n - tail, tail, "PK\x05\x06", 4))
		return "Berkas mengandung arsip ZIP tersembunyi.";
	if (t == IMAGE_PDF) {
		/* Scripts and attachments are looked for in the parsed document (core/pdf.c): a byte
		 * search misses names in compressed object streams and names written with #-escapes. */
		size_t end = n < 1024 ? n : 1024;
		if (!memmem(p + n - end, end, "%%EOF", 5))
			return "Dokumen PDF tidak lengkap atau rusak.";
	}
	return NULL;
}

/* Opens the photo with the loader its type names. */
static VipsImage *load(const char *path, enum image_type t, int sequential)
{
	VipsImage *img = NULL;
	VipsAccess access = sequential ? VIPS_ACCESS_SEQUENTIAL : VIPS_ACCESS_RANDOM;
	int rc = -1;
	switch (t) {
	case IMAGE_JPEG:
		rc = vips_jpegload(path, &img, "access", access, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
		break;
	case IMAGE_PNG:
		rc = vips_pngload(path, &img, "access", access, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
		break;
	case IMAGE_WEBP:
		rc = vips_webpload(path, &img, "access", access, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
		break;
	case IMAGE_HEIC:
		rc = vips_heifload(path, &img, "access", access, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
		break;
	default:
		break;
	}
	return rc == 0 ? img : NULL;
}

/* Decodes every pixel (into a sink that keeps nothing): truncated or corrupt data fails here,
 * not later in front of a reader. */
static int decode_all(const char *path, enum image_type t)
{
	VipsImage *img = load(path, t, 1);
	if (!img)
		return -1;
	double avg = 0;
	int rc = vips_avg(img, &avg, NULL);
	g_object_unref(img);
	return rc;
}

int image_inspect(const char *path, struct image_info *out, const char **why)
{
	memset(out, 0, sizeof *out);
	*why = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) < 0) {
		if (fd >= 0)
			close(fd);
		*why = "Berkas tidak dapat dibaca.";
		return -1;
	}
	if (sb.st_size == 0) {
		close(fd);
		*why = "Berkas kosong (0 bita).";
		return -1;
	}
	size_t n = (size_t)sb.st_size;
	const unsigned char *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		*why = "Berkas tidak dapat dibaca.";
		return -1;
	}
	enum image_type t = image_sniff(p, n);
	const char *hidden = t ? hidden_format(p, n, t) : NULL;
	munmap((void *)p, n);
	if (!t) {
		*why = "Jenis berkas tidak didukung. Foto: JPEG, PNG, WebP atau HEIC; dokumen: PDF.";
		return -1;
	}
	if (hidden) {
		*why = hidden;
		return -1;
	}
	out->type = t;
	if (t == IMAGE_PDF)
		return 0;

	VipsImage *img = load(path, t, 1);
	if (!img) {
		vips_error_clear();
		*why = "Isi berkas bukan foto yang utuh (rusak atau berbeda dari jenisnya).";
		return -1;
	}
	long long w = vips_image_get_width(img), h = vips_image_get_height(img);
	int orientation = vips_image_get_orientation(img);
	g_object_unref(img);
	if (w < 1 || h < 1 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE || w * h > IMAGE_MAX_PIXELS) {
		*why = "Ukuran gambar (piksel) terlalu besar; paling banyak 100 megapiksel dan "
		       "20.000 piksel per sisi.";
		return -1;
	}
	if (decode_all(path, t) < 0) {
		vips_error_clear();
		*why = "Isi berkas bukan foto yang utuh (rusak atau terpotong).";
		return -1;
	}
	int swap = orientation >= 5 && orientation <= 8;
	out->width = (int)(swap ? h : w);
	out->height = (int)(swap ? w : h);
	return 0;
}

/* Removes every metadata field that may say who, where or with what a photo was taken. The
 * WebP saver ignores `strip`, so this is done on the image itself before any save. */
static void strip_fields(VipsImage *img)
{
	gchar **names = vips_image_get_fields(img);
	for (gchar **f = names; f && *f; f++) {
		const char *n = *f;
		if (strncmp(n, "exif-", 5) == 0 || strncmp(n, "xmp-", 4) == 0 ||
		    strncmp(n, "iptc-", 5) == 0 || strncmp(n, "png-comment-", 12) == 0 ||
		    strcmp(n, "icc-profile-data") == 0 || strcmp(n, "orientation") == 0 ||
		    strncmp(n, "heif-", 5) == 0 || strcmp(n, "gif-comment") == 0)
			vips_image_remove(img, n);
	}
	g_strfreev(names);
}

/* A private copy of img in memory, converted to sRGB through its embedded profile, with the
 * metadata removed (saving twice from one image needs memory, see LIBRARIES.md). */
static VipsImage *clean_copy(VipsImage *img)
{
	VipsImage *srgb = NULL, *mem = NULL;
	if (vips_image_get_typeof(img, "icc-profile-data")) {
		if (vips_icc_transform(img, &srgb, "srgb", "embedded", TRUE, NULL) != 0) {
			vips_error_clear(); /* a broken profile: keep the pixels as they are */
			srgb = NULL;
		}
	}
	if (!srgb) {
		srgb = img;
		g_object_ref(srgb);
	}
	mem = vips_image_copy_memory(srgb);
	g_object_unref(srgb);
	if (mem)
		strip_fields(mem);
	return mem;
}

/* Like clean_copy for an image that is saved once: a new header over the same pixels (no copy
 * in memory), converted to sRGB and without metadata. */
static VipsImage *clean_stream(VipsImage *img)
{
	VipsImage *srgb = NULL, *out = NULL;
	if (vips_image_get_typeof(img, "icc-profile-data") &&
	    vips_icc_transform(img, &srgb, "srgb", "embedded", TRUE, NULL) != 0) {
		vips_error_clear();
		srgb = NULL;
	}
	if (vips_copy(srgb ? srgb : img, &out, NULL) != 0)
		out = NULL;
	if (srgb)
		g_object_unref(srgb);
	if (out)
		strip_fields(out);
	return out;
}

static int save_pair(VipsImage *img, const char *dir, const char *stem)
{
	char jpg[4096], webp[4096];
	snprintf(jpg, sizeof jpg, "%s/%s.jpg", dir, stem);
	snprintf(webp, sizeof webp, "%s/%s.webp", dir, stem);
	VipsImage *flat = NULL;
	/* JPEG has no transparency: flatten onto white. */
	if (vips_image_hasalpha(img)) {
		double white[] = { 255, 255, 255 };
		VipsArrayDouble *bg = vips_array_double_new(white, 3);
		int rc = vips_flatten(img, &flat, "background", bg, NULL);
		vips_area_unref(VIPS_AREA(bg));
		if (rc != 0)
			return -1;
	}
	int rc = vips_jpegsave(flat ? flat : img, jpg, "Q", 82, "strip", TRUE, "optimize_coding", TRUE,
			       "interlace", TRUE, NULL);
	if (flat)
		g_object_unref(flat);
	if (rc == 0)
		rc = vips_webpsave(img, webp, "Q", 80, "strip", TRUE, NULL);
	return rc;
}

static int derive(const char *src, const struct image_info *info, const char *dir)
{
	int rc = -1;
	for (int i = 0; i < IMAGE_NWIDTHS; i++) {
		VipsImage *thumb = NULL;
		if (vips_thumbnail(src, &thumb, image_widths[i], "height", VIPS_MAX_COORD, "size",
				   VIPS_SIZE_DOWN, "export_profile", "srgb", NULL) != 0)
			return -1;
		VipsImage *clean = clean_copy(thumb);
		g_object_unref(thumb);
		if (!clean)
			return -1;
		char stem[16];
		snprintf(stem, sizeof stem, "w%d", image_widths[i]);
		rc = save_pair(clean, dir, stem);
		g_object_unref(clean);
		if (rc != 0)
			return -1;
	}
	/* The full-size download: upright, sRGB, no metadata. It is saved once, so it streams from
	 * the file (sequential access) unless it must be turned, which needs the whole image. */
	VipsImage *img = load(src, info->type, 1);
	if (!img)
		return -1;
	int turn = vips_image_get_orientation(img) > 1;
	if (turn) {
		g_object_unref(img);
		VipsImage *whole = load(src, info->type, 0);
		img = NULL;
		rc = whole ? vips_autorot(whole, &img, NULL) : -1;
		if (whole)
			g_object_unref(whole);
		if (rc != 0)
			return -1;
	}
	VipsImage *clean = clean_stream(img);
	g_object_unref(img);
	if (!clean)
		return -1;
	char path[4096];
	if (info->type == IMAGE_PNG) {
		snprintf(path, sizeof path, "%s/photo.png", dir);
		rc = vips_pngsave(clean, path, "strip", TRUE, NULL);
	} else {
		VipsImage *flat = NULL;
		if (vips_image_hasalpha(clean)) {
			rc = vips_flatten(clean, &flat, NULL);
			if (rc != 0) {
				g_object_unref(clean);
				return -1;
			}
		}
		snprintf(path, sizeof path, "%s/photo.jpg", dir);
		rc = vips_jpegsave(flat ? flat : clean, path, "Q", 92, "strip", TRUE, NULL);
		if (flat)
			g_object_unref(flat);
	}
	g_object_unref(clean);
	return rc;
}

int image_derive(const char *src, const struct image_info *info, const char *dir)
{
	while (sem_wait(&slots) != 0)
		;
	int rc = derive(src, info, dir);
	if (rc != 0) {
		log_error("image: deriving %s: %s", src, vips_error_buffer());
		vips_error_clear();
	}
	vips_thread_shutdown();
	sem_post(&slots);
	return rc;
}
