/* Every handler of the site, and the route table that binds them to paths (routes.c). */
#ifndef SIARAN_PAGES_H
#define SIARAN_PAGES_H

#include "http/http.h"

/* The route table and error page handed to the HTTP server. */
const struct route_table *pages_routes(void);

/* public.c */
void page_public_index(struct req *r, struct resp *s);
void page_public_release(struct req *r, struct resp *s);
void page_healthz(struct req *r, struct resp *s);
void page_static(struct req *r, struct resp *s);
/* Reads the files of dir into memory for page_static. Returns 0 or -1. */
int pages_static_load(const char *dir);
void pages_static_free(void);

/* account.c */
void page_login_form(struct req *r, struct resp *s);
void page_login(struct req *r, struct resp *s);
void page_logout(struct req *r, struct resp *s);

/* requests.c */
void page_requests_list(struct req *r, struct resp *s);
void page_requests_new(struct req *r, struct resp *s);
void page_requests_create(struct req *r, struct resp *s);
void page_requests_view(struct req *r, struct resp *s);
void page_requests_preview(struct req *r, struct resp *s);
void page_requests_save(struct req *r, struct resp *s);
void page_requests_act(struct req *r, struct resp *s);

#endif
