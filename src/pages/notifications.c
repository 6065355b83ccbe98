/* The in-app notifications and the outbox page (being written). */
#include "pages/pages.h"

#include "pages/page.h"

void page_notifications(struct req *r, struct resp *s) { page_error(r, s, 404, NULL); }
void page_notifications_read(struct req *r, struct resp *s) { page_error(r, s, 404, NULL); }
void page_admin_outbox(struct req *r, struct resp *s) { page_error(r, s, 404, NULL); }
