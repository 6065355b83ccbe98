// Bridge from C to Google ctemplate: the only C++ in siaran. It owns the template cache setup
// and wraps TemplateDictionary in an opaque C struct. Nothing here may throw across the C
// boundary; ctemplate itself does not throw.
#include "view/tmpl.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

#include <cstdio>
#include <string>
#include <vector>

using ctemplate::TemplateDictionary;

struct tmpl_dict {
	TemplateDictionary *d;
	tmpl_dict *top;                   // the top-level wrapper that frees everything
	std::vector<tmpl_dict *> children; // used on the top-level wrapper only
};

namespace {
// Written once in tmpl_init before threads start; read-only afterwards.
bool reload_templates = false;

tmpl_dict *child(tmpl_dict *parent, TemplateDictionary *sub)
{
	tmpl_dict *c = new tmpl_dict;
	c->d = sub;
	c->top = parent->top;
	c->top->children.push_back(c);
	return c;
}
} // namespace

extern "C" int tmpl_init(const char *root_dir, int reload)
{
	reload_templates = reload != 0;
	return ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root_dir) ? 0 : -1;
}

extern "C" struct tmpl_dict *tmpl_dict_new(void)
{
	tmpl_dict *t = new tmpl_dict;
	t->d = new TemplateDictionary("page");
	t->top = t;
	return t;
}

extern "C" void tmpl_dict_free(struct tmpl_dict *d)
{
	if (!d)
		return;
	tmpl_dict *top = d->top;
	for (tmpl_dict *c : top->children)
		delete c;
	delete top->d;
	delete top;
}

extern "C" void tmpl_set(struct tmpl_dict *d, const char *key, const char *value)
{
	d->d->SetValue(key, value ? value : "");
}

extern "C" void tmpl_set_int(struct tmpl_dict *d, const char *key, int64_t value)
{
	d->d->SetValue(key, std::to_string(static_cast<long long>(value)));
}

extern "C" void tmpl_set_global(struct tmpl_dict *d, const char *key, const char *value)
{
	d->d->SetTemplateGlobalValue(key, value ? value : "");
}

extern "C" void tmpl_show(struct tmpl_dict *d, const char *section)
{
	d->d->ShowSection(section);
}

extern "C" struct tmpl_dict *tmpl_add_section(struct tmpl_dict *d, const char *section)
{
	return child(d, d->d->AddSectionDictionary(section));
}

extern "C" struct tmpl_dict *tmpl_include(struct tmpl_dict *d, const char *name, const char *file)
{
	TemplateDictionary *inc = d->d->AddIncludeDictionary(name);
	inc->SetFilename(file);
	return child(d, inc);
}

extern "C" int tmpl_render(const char *file, const struct tmpl_dict *d, struct buf *out)
{
	if (reload_templates)
		ctemplate::mutable_default_template_cache()->ReloadAllIfChanged(
			ctemplate::TemplateCache::LAZY_RELOAD);
	std::string s;
	if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES, d->d, &s)) {
		std::fprintf(stderr, "tmpl: cannot expand %s\n", file);
		return -1;
	}
	buf_append(out, s.data(), s.size());
	return 0;
}
