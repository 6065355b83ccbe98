/* Revisions compared word by word (being written). */
#include "pages/pages.h"

#include "pages/page.h"

void page_requests_diff(struct req *r, struct resp *s) { page_error(r, s, 404, NULL); }
void page_diff_fill(struct tmpl_dict *d, struct req *r, sqlite3 *c, const struct release *rel)
{
	(void)d; (void)r; (void)c; (void)rel;
}
void page_diff_conflict(struct req *r, struct resp *s, sqlite3 *c, const struct release *stored,
			const struct release *mine)
{
	(void)c; (void)stored; (void)mine;
	page_error(r, s, 409, "Permintaan ini telah diubah orang lain sejak Anda membukanya.");
}
