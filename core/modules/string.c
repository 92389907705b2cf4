/*
 * string.c — the string module (Lib/string.py): its constants,
 * capwords() and Template ($-substitution, without the re module its
 * pattern is written out here).  Formatter is not modelled.
 */
#include <stdio.h>

#include "modutil.h"

#define WHITESPACE " \t\n\r\v\f"
#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"
#define PUNCTUATION "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

/* capwords(s, sep=None): (sep or ' ').join(map(str.capitalize, s.split(sep))) */
static gs_Object *s_capwords(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "s", "sep" };
    static const gs_PySig sig = { "capwords", names, 2, 1, 0, 0 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *sep = a[1] ? a[1] : vm->none;
    gs_Object *split = gs_getattr(vm, a[0], gs_name(vm, "split"));
    gs_Object *parts = split ? gs_call(vm, split, &sep, 1, NULL) : NULL;
    gs_xdecref(vm, split);
    if (!parts)
        return NULL;
    gs_Object *cap = gs_getattr(vm, &vm->t_str->ob, gs_name(vm, "capitalize"));
    gs_Object *words = cap ? gs_list_new(vm, 0) : NULL;
    gs_Object *it = words ? gs_iter(vm, parts) : NULL;
    gs_Object *w;
    while (it && (w = gs_next(vm, it)) != NULL) {
        gs_Object *c = gs_call(vm, cap, &w, 1, NULL);
        gs_decref(vm, w);
        if (!c || gs_list_append(vm, words, c) < 0) {
            gs_xdecref(vm, c);
            break;
        }
        gs_decref(vm, c);
    }
    gs_xdecref(vm, it);
    gs_xdecref(vm, cap);
    gs_decref(vm, parts);
    if (vm->exc || !words) {
        gs_xdecref(vm, words);
        return NULL;
    }
    /* sep or ' ' */
    int t = gs_truthy(vm, sep);
    gs_Object *joiner = t < 0 ? NULL : t ? gs_newref(vm, sep) : gs_str_new(vm, " ", 1);
    gs_Object *join = joiner ? gs_getattr(vm, joiner, gs_name(vm, "join")) : NULL;
    gs_Object *r = join ? gs_call(vm, join, &words, 1, NULL) : NULL;
    gs_xdecref(vm, join);
    gs_xdecref(vm, joiner);
    gs_decref(vm, words);
    return r;
}

/* ================================================================== Template */

/* Template(template): self.template = template */
static gs_Object *tpl_new(GS_ARGS)
{
    static const char *const names[] = { "template" };
    static const gs_PySig sig = { "Template.__init__", names, 1, 1, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *o = gs_instance_new(vm, (gs_Type *)self);
    if (o && gs_setattr(vm, o, gs_name(vm, "template"), a[0]) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

static bool id_start(unsigned char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool id_char(unsigned char c) { return id_start(c) || (c >= '0' && c <= '9'); }

/* mapping[name]: the keywords first (ChainMap(kws, mapping)) */
static gs_Object *tpl_lookup(gs_VM *vm, gs_Object *kws, gs_Object *mapping, gs_Object *name)
{
    if (kws) {
        gs_Object *v = gs_dict_get(vm, kws, name);
        if (v || vm->exc)
            return v ? gs_newref(vm, v) : NULL;
        if (!mapping) {
            gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, name)));
            return NULL;
        }
    }
    return gs_getitem(vm, mapping, name);
}

/* string.py's frames (and collections' for ChainMap), where CPython's
 * traceback shows them (3.11.2) */
#define STRING_PY "/usr/lib/python3.11/string.py"
#define COLLECTIONS_PY "/usr/lib/python3.11/collections/__init__.py"
static const gs_LibFrame f_sub_missing[] = {
    { STRING_PY, 121, "substitute", "return self.pattern.sub(convert, self.template)",
      "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { STRING_PY, 114, "convert", "return str(mapping[named])", "           ~~~~~~~^^^^^^^" },
    /* substitute(mapping, **kws): a ChainMap of the two */
    { COLLECTIONS_PY, 1004, "__getitem__", "return self.__missing__(key)            # support subclasses that define __missing__",
      "       ^^^^^^^^^^^^^^^^^^^^^" },
    { COLLECTIONS_PY, 996, "__missing__", "raise KeyError(key)", NULL } };
static const gs_LibFrame f_sub_invalid[] = {
    { STRING_PY, 121, "substitute", "return self.pattern.sub(convert, self.template)",
      "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { STRING_PY, 118, "convert", "self._invalid(mo)", NULL },
    { STRING_PY, 101, "_invalid", "raise ValueError('Invalid placeholder in string: line %d, col %d' %", NULL } };

/* Template.substitute / safe_substitute (mapping=None, /, **kws) */
static gs_Object *tpl_sub(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, bool safe)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "Template.%s() takes from 1 to 2 positional arguments but %d were given",
                 safe ? "safe_substitute" : "substitute", npos + 1);
        return NULL;
    }
    gs_Object *mapping = npos ? args[0] : NULL, *kws = NULL;
    if (kwnames && kwnames->len) {
        kws = gs_dict_new(vm);
        for (int i = 0; kws && i < kwnames->len; i++)
            if (gs_dict_set(vm, kws, kwnames->items[i], args[npos + i]) < 0) {
                gs_decref(vm, kws);
                return NULL;
            }
        if (!kws)
            return NULL;
    }
    if (!mapping && !kws)
        kws = gs_dict_new(vm);
    gs_Object *to = gs_getattr(vm, self, gs_name(vm, "template"));
    if (!to || GS_KIND(to) != GS_K_STR) {
        if (to)
            gs_raise(vm, vm->e_TypeError, "expected string or bytes-like object, got '%s'", gs_type_name(to));
        gs_xdecref(vm, to);
        gs_xdecref(vm, kws);
        return NULL;
    }
    gs_Str *t = (gs_Str *)to;
    const char *d = t->data;
    int32_t n = t->len;
    gs_Buf b;
    gs_buf_init(&b);
    for (int32_t i = 0; i < n;) {
        if (d[i] != '$') {
            gs_buf_addc(&b, d[i++]);
            continue;
        }
        int32_t j = i + 1, ns = 0, ne = 0;
        if (j < n && d[j] == '$') { /* $$ */
            gs_buf_addc(&b, '$');
            i = j + 1;
            continue;
        }
        if (j < n && id_start((unsigned char)d[j])) {
            ns = j;
            while (j < n && id_char((unsigned char)d[j]))
                j++;
            ne = j;
        } else if (j < n && d[j] == '{' && j + 1 < n && id_start((unsigned char)d[j + 1])) {
            int32_t k = j + 1;
            while (k < n && id_char((unsigned char)d[k]))
                k++;
            if (k < n && d[k] == '}') {
                ns = j + 1;
                ne = k;
                j = k + 1;
            }
        }
        if (!ne) { /* an invalid placeholder */
            if (safe) {
                gs_buf_addc(&b, '$');
                i++;
                continue;
            }
            int line = 1;
            int32_t start = 0;
            for (int32_t k = 0; k < i + 1; k++)
                if (d[k] == '\n' && k < i) {
                    line++;
                    start = k + 1;
                }
            gs_raise(vm, vm->e_ValueError, "Invalid placeholder in string: line %d, col %d", line,
                     (int)(i + 1 - start));
            GS_LIB_FRAMES(vm, f_sub_invalid);
            goto fail;
        }
        gs_Object *name = gs_str_new(vm, d + ns, (size_t)(ne - ns));
        gs_Object *v = name ? tpl_lookup(vm, kws, mapping, name) : NULL;
        gs_xdecref(vm, name);
        if (!v) {
            if (safe && gs_exc_matches(vm, vm->e_KeyError)) {
                gs_clear_exc(vm);
                gs_buf_add(&b, d + i, (size_t)(j - i));
                i = j;
                continue;
            }
            if (!safe && vm->exc && vm->exc->type == vm->e_KeyError)
                gs_exc_lib_frames(vm, f_sub_missing, kws && mapping ? 4 : 2);
            goto fail;
        }
        gs_Object *sv = gs_str(vm, v);
        gs_decref(vm, v);
        if (!sv)
            goto fail;
        gs_buf_add(&b, ((gs_Str *)sv)->data, (size_t)((gs_Str *)sv)->len);
        gs_decref(vm, sv);
        i = j;
    }
    gs_decref(vm, to);
    gs_xdecref(vm, kws);
    return gs_buf_to_str(vm, &b);
fail:
    gs_buf_free(&b);
    gs_decref(vm, to);
    gs_xdecref(vm, kws);
    return NULL;
}

static gs_Object *tpl_substitute(GS_ARGS) { return tpl_sub(vm, self, args, nargs, kwnames, false); }
static gs_Object *tpl_safe_substitute(GS_ARGS) { return tpl_sub(vm, self, args, nargs, kwnames, true); }

static const gs_MethodDef template_methods[] = {
    { "__new__", tpl_new, 0, -1, GS_KW },
    { "substitute", tpl_substitute, 0, -1, GS_KW },
    { "safe_substitute", tpl_safe_substitute, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const char *const string_all[] = {
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits", "octdigits",
    "printable", "punctuation", "whitespace", "Template", NULL, /* "Formatter" is not modelled */
};

gs_Object *gs_module_string(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "string");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "__all__", gs_str_list(vm, string_all));
    gs_module_add(vm, m, "whitespace", gs_str_from_cstr(vm, WHITESPACE));
    gs_module_add(vm, m, "ascii_lowercase", gs_str_from_cstr(vm, LOWER));
    gs_module_add(vm, m, "ascii_uppercase", gs_str_from_cstr(vm, UPPER));
    gs_module_add(vm, m, "ascii_letters", gs_str_from_cstr(vm, LOWER UPPER));
    gs_module_add(vm, m, "digits", gs_str_from_cstr(vm, DIGITS));
    gs_module_add(vm, m, "hexdigits", gs_str_from_cstr(vm, DIGITS "abcdef" "ABCDEF"));
    gs_module_add(vm, m, "octdigits", gs_str_from_cstr(vm, "01234567"));
    gs_module_add(vm, m, "punctuation", gs_str_from_cstr(vm, PUNCTUATION));
    gs_module_add(vm, m, "printable", gs_str_from_cstr(vm, DIGITS LOWER UPPER PUNCTUATION WHITESPACE));
    gs_Object *f = gs_builtin_new(vm, "capwords", s_capwords, 0, -1, NULL);
    if (f)
        ((gs_Builtin *)f)->takes_kw = true;
    gs_module_add(vm, m, "capwords", f);
    gs_Type *tt = vm->modstate[GS_MS_STRING];
    if (!tt) {
        tt = gs_native_type_new(vm, "string.Template", NULL, template_methods);
        gs_modtype_add_attr(vm, tt, "delimiter", gs_str_from_cstr(vm, "$"));
        gs_modtype_add_attr(vm, tt, "idpattern", gs_str_from_cstr(vm, "(?a:[_a-z][_a-z0-9]*)"));
        vm->modstate[GS_MS_STRING] = tt;
    }
    gs_module_add(vm, m, "Template", gs_newref(vm, &tt->ob));
    return m;
}
