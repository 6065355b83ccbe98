/* Photos through libvips: decides what an uploaded file is from its bytes, refuses what is not a
 * photo or document we accept (hostile files included), and makes the web-sized derivatives and
 * the download copy with every piece of personal metadata (EXIF, XMP, IPTC, ICC) removed. At
 * most IMAGE_JOBS photos are processed at once, so a burst of uploads cannot exhaust memory. */
#ifndef SIARAN_IMAGE_H
#define SIARAN_IMAGE_H
#include <stddef.h>

enum image_type { IMAGE_NONE = 0, IMAGE_JPEG, IMAGE_PNG, IMAGE_WEBP, IMAGE_HEIC, IMAGE_PDF };

#define IMAGE_JOBS 2
#define IMAGE_MAX_SIDE 20000          /* pixels, either side */
#define IMAGE_MAX_PIXELS 100000000LL  /* width × height: a pixel flood is refused before decoding */

/* The widths of the web derivatives, ascending. */
extern const int image_widths[];
#define IMAGE_NWIDTHS 2

/* Starts libvips (untrusted loaders blocked, no operation cache). 0 or -1. */
int image_init(const char *argv0);

/* Stops libvips (at exit). */
void image_shutdown(void);

/* The type the first n bytes announce (magic numbers only). */
enum image_type image_sniff(const unsigned char *p, size_t n);
/* The MIME type of t ("image/jpeg"...), and whether t is a photo type. */
const char *image_mime(enum image_type t);
int image_is_photo(enum image_type t);

struct image_info {
	enum image_type type;
	int width, height; /* photos, after orientation */
};

/* Inspects the file at path: its type from its content, markers of other formats hidden in it
 * (HTML, script, SVG, PDF inside a photo, a ZIP archive at its end), and for photos the
 * dimensions and a complete decode; for a PDF only that it ends (its objects are checked by
 * pdf_clean, core/pdf.h). Returns 0 with *out, or -1 with *why an Indonesian message
 * for the user. */
int image_inspect(const char *path, struct image_info *out, const char **why);

/* Writes the derivatives of the photo at src into dir (which exists): w<W>.jpg and w<W>.webp for
 * each width no larger than the photo (at least the smallest), and the full-size download
 * photo.jpg (photo.png for a PNG), all without personal metadata and upright. Waits for a free
 * processing slot. Returns 0, or -1 (logged). */
int image_derive(const char *src, const struct image_info *info, const char *dir);

#endif
