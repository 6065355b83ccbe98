/* The conversation on a request and the audit trail pages (being written). */
#include "pages/pages.h"

#include "pages/page.h"

void page_comment_add(struct req *r, struct resp *s) { page_error(r, s, 404, NULL); }
void page_admin_audit(struct req *r, struct resp *s) { page_error(r, s, 404, NULL); }
void page_comments_fill(struct tmpl_dict *d, struct req *r, sqlite3 *c, const struct release *rel)
{
	(void)d; (void)r; (void)c; (void)rel;
}
