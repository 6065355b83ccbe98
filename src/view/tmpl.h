/* The C face of Google ctemplate (implemented in tmpl.cc, the only C++ file). A dictionary holds
 * the values a template shows; sections repeat or toggle parts; includes pull in another template
 * file. Every template file starts with its own AUTOESCAPE pragma, so values are escaped by
 * context when expanded. */
#ifndef SIARAN_TMPL_H
#define SIARAN_TMPL_H
#include <stdint.h>

#include "util/buf.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tmpl_dict;

/* Sets the directory template file names are relative to; reload=1 re-reads edited files before
 * each render (development). Call once before any thread renders. Returns 0 or -1. */
int tmpl_init(const char *root_dir, int reload);

/* A new top-level dictionary; free it with tmpl_dict_free (sub-dictionaries go with it). */
struct tmpl_dict *tmpl_dict_new(void);
void tmpl_dict_free(struct tmpl_dict *d);

/* Sets a value (copied). NULL is treated as "". */
void tmpl_set(struct tmpl_dict *d, const char *key, const char *value);
void tmpl_set_int(struct tmpl_dict *d, const char *key, int64_t value);
/* Sets a value visible in the whole tree of d: its sections and its included templates (an
 * included template does not see its parent's ordinary values). */
void tmpl_set_global(struct tmpl_dict *d, const char *key, const char *value);
/* Shows a section once, with the values of d. */
void tmpl_show(struct tmpl_dict *d, const char *section);
/* Adds one repetition of a section and returns its dictionary (owned by d). Values not found in
 * the returned dictionary are looked up in d. */
struct tmpl_dict *tmpl_add_section(struct tmpl_dict *d, const char *section);
/* Fills the include marker {{>NAME}} with template file `file` and returns its dictionary
 * (owned by d). */
struct tmpl_dict *tmpl_include(struct tmpl_dict *d, const char *name, const char *file);

/* Expands template `file` with d, appending to out. Returns 0, or -1 when the template is missing
 * or does not parse (logged). */
int tmpl_render(const char *file, const struct tmpl_dict *d, struct buf *out);

#ifdef __cplusplus
}
#endif
#endif
