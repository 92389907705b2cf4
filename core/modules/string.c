/*
 * string.c — the string module (Lib/string.py): its constants and
 * capwords().  Template and Formatter are not modelled (Template needs the
 * re module).
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

static const char *const string_all[] = {
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits", "octdigits",
    "printable", "punctuation", "whitespace", NULL, /* "Formatter" and "Template" are not modelled */
};

gs_Object *gs_module_string(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "string");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "__file__", gs_str_from_cstr(vm, "/usr/lib/python3.11/string.py"));
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
    return m;
}
