/*
 * string.c — the string module (Lib/string.py): its constants,
 * capwords(), Template ($-substitution, without the re module its
 * pattern is written out here) and Formatter (with the parsers of
 * _string that it stands on).
 */
#include <stdio.h>

#include "modutil.h"

/* The module's classes, made once for the VM's life */
typedef struct StringState {
    gs_Type *t_template;
    gs_Type *t_formatter;
    gs_Type *t_parser;  /* formatteriterator */
} StringState;

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

/* ================================================================== Formatter */

/* string.Formatter is a class Lib/string.py writes in Python on top of
 * _string.formatter_parser and _string.formatter_field_name_split (the
 * parsers str.format shares, Objects/stringlib/unicode_format.h).  Its
 * methods are C here, and each one calls the others through the instance
 * (self.parse, self.get_field, self.get_value, ...), so a subclass that
 * overrides one of them (get_value is the usual lesson) changes what
 * format() gives, as in CPython. */

/* One step of MarkupIterator_next over the UTF-8 bytes s[*pos..n): the
 * literal text up to a field or an escaped brace, then the field's parts.
 * 2: an item, 1: the end, 0: ValueError raised.  The braces, '!', ':',
 * '[' and ']' are ASCII, so byte offsets serve as positions. */
typedef struct Markup {
    int32_t lit_s, lit_e;
    bool field;
    int32_t name_s, name_e;
    int32_t spec_s, spec_e;  /* spec_s < 0: no spec (an empty one if a field) */
    int32_t conv_s, conv_e;  /* conv_s < 0: no conversion */
} Markup;

static int parse_field(gs_VM *vm, const char *s, int32_t n, int32_t *pos, Markup *m)
{
    char c = 0;
    m->name_s = *pos;
    while (*pos < n) {
        c = s[(*pos)++];
        if (c == '{') {
            gs_raise(vm, vm->e_ValueError, "unexpected '{' in field name");
            return 0;
        }
        if (c == '[') {
            while (*pos < n && s[*pos] != ']')
                (*pos)++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    m->name_e = *pos - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (*pos >= n) {
                gs_raise(vm, vm->e_ValueError, "end of string while looking for conversion specifier");
                return 0;
            }
            size_t adv;
            gs_utf8_decode((const unsigned char *)s + *pos, (size_t)(n - *pos), &adv);
            m->conv_s = *pos;
            *pos += adv ? (int32_t)adv : 1;
            m->conv_e = *pos;
            if (*pos < n) {
                c = s[(*pos)++];
                if (c == '}')
                    return 1;
                if (c != ':') {
                    gs_raise(vm, vm->e_ValueError, "expected ':' after conversion specifier");
                    return 0;
                }
            }
        }
        m->spec_s = *pos;
        int count = 1;
        while (*pos < n) {
            c = s[(*pos)++];
            if (c == '{')
                count++;
            else if (c == '}' && --count == 0) {
                m->spec_e = *pos - 1;
                return 1;
            }
        }
        gs_raise(vm, vm->e_ValueError, "unmatched '{' in format spec");
        return 0;
    }
    if (c != '}') {
        gs_raise(vm, vm->e_ValueError, "expected '}' before end of string");
        return 0;
    }
    return 1;
}

static int markup_next(gs_VM *vm, const char *s, int32_t n, int32_t *pos, Markup *m)
{
    *m = (Markup){ 0, 0, false, 0, 0, -1, -1, -1, -1 };
    if (*pos >= n)
        return 1;
    int32_t start = *pos;
    char c = 0;
    bool markup_follows = false;
    while (*pos < n) {
        c = s[(*pos)++];
        if (c == '{' || c == '}') {
            markup_follows = true;
            break;
        }
    }
    bool at_end = *pos >= n;
    int32_t len = *pos - start;
    if (c == '}' && (at_end || s[*pos] != c)) {
        gs_raise(vm, vm->e_ValueError, "Single '}' encountered in format string");
        return 0;
    }
    if (at_end && c == '{') {
        gs_raise(vm, vm->e_ValueError, "Single '{' encountered in format string");
        return 0;
    }
    if (!at_end) {
        if (markup_follows && s[*pos] == c) { /* an escaped brace: literal text only */
            (*pos)++;
            markup_follows = false;
        } else if (markup_follows)
            len--;
    }
    m->lit_s = start;
    m->lit_e = start + len;
    if (!markup_follows)
        return 2;
    m->field = true;
    return parse_field(vm, s, n, pos, m) ? 2 : 0;
}

/* the (literal_text, field_name, format_spec, conversion) tuple of one step */
static gs_Object *markup_tuple(gs_VM *vm, const char *s, const Markup *m)
{
    gs_Object *it[4];
    it[0] = gs_str_new(vm, s + m->lit_s, (size_t)(m->lit_e - m->lit_s));
    it[1] = m->field ? gs_str_new(vm, s + m->name_s, (size_t)(m->name_e - m->name_s)) : gs_newref(vm, vm->none);
    if (m->spec_s >= 0)
        it[2] = gs_str_new(vm, s + m->spec_s, (size_t)(m->spec_e - m->spec_s));
    else
        it[2] = m->field ? gs_str_new(vm, "", 0) : gs_newref(vm, vm->none);
    it[3] = m->conv_s >= 0 ? gs_str_new(vm, s + m->conv_s, (size_t)(m->conv_e - m->conv_s)) : gs_newref(vm, vm->none);
    gs_Object *t = it[0] && it[1] && it[2] && it[3] ? gs_tuple_pack(vm, 4, it[0], it[1], it[2], it[3]) : NULL;
    for (int i = 0; i < 4; i++)
        gs_xdecref(vm, it[i]);
    return t;
}

/* formatteriterator: what Formatter.parse returns (not a GC object in
 * CPython: it holds only the str) */
typedef struct FmtIter {
    gs_Instance inst;
    gs_Object *str;
    int32_t pos;
} FmtIter;

static int fi_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    FmtIter *f = (FmtIter *)o;
    return f->str ? fn(vm, o, f->str, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void fi_clear(gs_VM *vm, gs_Object *o)
{
    FmtIter *f = (FmtIter *)o;
    gs_native_set(vm, o, &f->str, GS_NATIVE_FIELD, NULL);
}

static const gs_NativeOps fmtiter_ops = { .size = sizeof(FmtIter), .traverse = fi_traverse, .clear = fi_clear };

static gs_Object *fi_next(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    FmtIter *f = (FmtIter *)self;
    if (!f->str)
        return NULL;
    gs_Str *s = (gs_Str *)f->str;
    Markup m;
    int r = markup_next(vm, s->data, s->len, &f->pos, &m);
    return r == 2 ? markup_tuple(vm, s->data, &m) : NULL;
}

static gs_Object *fi_self(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, self);
}

static const gs_MethodDef fmtiter_methods[] = {
    { "__next__", fi_next, 0, 0, GS_ITERNEXT },
    { "__iter__", fi_self, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

/* get_integer: the decimal value of s[b..e), -1 if it is not all digits
 * (or empty); -2 with ValueError when it is too long */
static int64_t field_integer(gs_VM *vm, const char *s, int32_t b, int32_t e)
{
    if (b >= e)
        return -1;
    int64_t acc = 0;
    for (int32_t i = b; i < e; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        if (acc > (INT64_MAX - (s[i] - '0')) / 10) {
            gs_raise(vm, vm->e_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + (s[i] - '0');
    }
    return acc;
}

static StringState *sstate(gs_VM *vm) { return vm->modstate[GS_MS_STRING]; }

/* parse(self, format_string) */
static gs_Object *fmt_parse(GS_ARGS)
{
    static const char *const names[] = { "format_string" };
    static const gs_PySig sig = { "Formatter.parse", names, 1, 1, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    GS_UNUSED(self);
    if (GS_KIND(a[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "expected str, got %s", gs_type_name(a[0]));
        return NULL;
    }
    gs_Object *it = gs_native_new(vm, sstate(vm)->t_parser);
    if (it)
        gs_native_set(vm, it, &((FmtIter *)it)->str, GS_NATIVE_FIELD, a[0]);
    return it;
}

/* get_value(self, key, args, kwargs): args[key] for an int, else kwargs[key] */
static gs_Object *fmt_get_value(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "key", "args", "kwargs" };
    static const gs_PySig sig = { "Formatter.get_value", names, 3, 3, 0, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return gs_getitem(vm, gs_isinstance(a[0], vm->t_int) ? a[1] : a[2], a[0]);
}

/* get_field(self, field_name, args, kwargs): (obj, first) after
 * self.get_value(first, ...) and the .attr / [key] steps */
static gs_Object *fmt_get_field(GS_ARGS)
{
    static const char *const names[] = { "field_name", "args", "kwargs" };
    static const gs_PySig sig = { "Formatter.get_field", names, 3, 3, 0, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (GS_KIND(a[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "expected str, got %s", gs_type_name(a[0]));
        return NULL;
    }
    gs_Str *fs = (gs_Str *)a[0];
    const char *s = fs->data;
    int32_t n = fs->len, i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    int64_t idx = field_integer(vm, s, 0, i);
    if (idx == -2)
        return NULL;
    gs_Object *first = idx >= 0 ? gs_int_new(vm, idx) : gs_str_new(vm, s, (size_t)i);
    if (!first)
        return NULL;
    gs_Object *gv_args[3] = { first, a[1], a[2] };
    gs_Object *obj = gs_call_method(vm, self, "get_value", gv_args, 3);
    while (obj && i < n) {
        char c = s[i++];
        bool is_attr = c == '.';
        int32_t b = i;
        if (c == '.') {
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
        } else if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i >= n) {
                gs_raise(vm, vm->e_ValueError, "Missing ']' in format string");
                break;
            }
        } else {
            gs_raise(vm, vm->e_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            break;
        }
        int32_t e = i;
        if (c == '[')
            i++; /* past the ']' */
        int64_t k = is_attr ? -1 : field_integer(vm, s, b, e);
        if (k == -2)
            break;
        if (b == e) {
            gs_raise(vm, vm->e_ValueError, "Empty attribute in format string");
            break;
        }
        gs_Object *key = k >= 0 ? gs_int_new(vm, k) : gs_str_new(vm, s + b, (size_t)(e - b));
        gs_Object *next = NULL;
        if (key && is_attr) {
            gs_Object *interned = gs_str_intern(vm, ((gs_Str *)key)->data, (size_t)((gs_Str *)key)->len);
            next = interned ? gs_getattr(vm, obj, (gs_Str *)interned) : NULL;
            gs_xdecref(vm, interned);
        } else if (key)
            next = gs_getitem(vm, obj, key);
        gs_xdecref(vm, key);
        gs_decref(vm, obj);
        obj = next;
    }
    gs_Object *r = obj && !vm->exc ? gs_tuple_pack(vm, 2, obj, first) : NULL;
    gs_xdecref(vm, obj);
    gs_decref(vm, first);
    return r;
}

/* check_unused_args(self, used_args, args, kwargs): nothing */
static gs_Object *fmt_check_unused_args(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "used_args", "args", "kwargs" };
    static const gs_PySig sig = { "Formatter.check_unused_args", names, 3, 3, 0, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* format_field(self, value, format_spec): format(value, format_spec) */
static gs_Object *fmt_format_field(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "value", "format_spec" };
    static const gs_PySig sig = { "Formatter.format_field", names, 2, 2, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (GS_KIND(a[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "format() argument 2 must be str, not %s", gs_type_name(a[1]));
        return NULL;
    }
    return gs_format(vm, a[0], a[1]);
}

static bool str_is(gs_Object *o, const char *s) { return GS_KIND(o) == GS_K_STR && strcmp(((gs_Str *)o)->data, s) == 0; }

/* convert_field(self, value, conversion): None, 's', 'r' or 'a' */
static gs_Object *fmt_convert_field(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "value", "conversion" };
    static const gs_PySig sig = { "Formatter.convert_field", names, 2, 2, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *conv = a[1];
    if (conv == vm->none)
        return gs_newref(vm, a[0]);
    if (str_is(conv, "s"))
        return gs_str(vm, a[0]);
    if (str_is(conv, "r"))
        return gs_repr(vm, a[0]);
    if (str_is(conv, "a"))
        return gs_ascii(vm, a[0]);
    gs_Object *cs = gs_str(vm, conv);
    if (cs) {
        gs_raise(vm, vm->e_ValueError, "Unknown conversion specifier %s", ((gs_Str *)cs)->data);
        gs_decref(vm, cs);
    }
    return NULL;
}

/* add a piece of the result (''.join's check: each must be a str) */
static int add_piece(gs_VM *vm, gs_Buf *b, gs_Object *piece, int *nitems)
{
    if (GS_KIND(piece) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "sequence item %d: expected str instance, %s found", *nitems,
                 gs_type_name(piece));
        return -1;
    }
    gs_buf_add(b, ((gs_Str *)piece)->data, (size_t)((gs_Str *)piece)->len);
    (*nitems)++;
    return 0;
}

/* _vformat: the formatted str (new) or NULL; *auto_index is the next
 * automatic field number, -1 for CPython's False (numbered by hand) */
static gs_Object *vformat_impl(gs_VM *vm, gs_Object *self, gs_Object *fs, gs_Object *args, gs_Object *kwargs,
                               gs_Object *used, int depth, int64_t *auto_index)
{
    if (depth < 0) {
        gs_raise(vm, vm->e_ValueError, "Max string recursion exceeded");
        return NULL;
    }
    gs_Object *parsed = gs_call_method(vm, self, "parse", &fs, 1);
    gs_Object *it = parsed ? gs_iter(vm, parsed) : NULL;
    gs_xdecref(vm, parsed);
    if (!it)
        return NULL;
    gs_Buf b;
    gs_buf_init(&b);
    int nitems = 0;
    gs_Object *item;
    while ((item = gs_next(vm, it)) != NULL) {
        gs_Object *parts = GS_KIND(item) == GS_K_TUPLE ? gs_newref(vm, item) : gs_tuple_from_iterable(vm, item);
        gs_decref(vm, item);
        if (!parts)
            break;
        gs_Tuple *p = (gs_Tuple *)parts;
        if (p->len != 4) {
            gs_raise(vm, vm->e_ValueError, p->len < 4 ? "not enough values to unpack (expected 4, got %d)"
                                                      : "too many values to unpack (expected 4)", p->len);
            gs_decref(vm, parts);
            break;
        }
        gs_Object *literal = p->items[0], *name = p->items[1], *spec = p->items[2], *conv = p->items[3];
        int t = gs_truthy(vm, literal);
        if (t < 0 || (t && add_piece(vm, &b, literal, &nitems) < 0)) {
            gs_decref(vm, parts);
            break;
        }
        if (name == vm->none) {
            gs_decref(vm, parts);
            continue;
        }
        gs_Object *fname = gs_newref(vm, name);
        if (str_is(fname, "")) {
            if (*auto_index < 0) {
                gs_raise(vm, vm->e_ValueError,
                         "cannot switch from manual field specification to automatic field numbering");
                gs_decref(vm, fname);
                gs_decref(vm, parts);
                break;
            }
            gs_decref(vm, fname);
            char num[24];
            snprintf(num, sizeof num, "%lld", (long long)(*auto_index)++);
            fname = gs_str_from_cstr(vm, num);
        } else {
            gs_Object *isd = gs_call_method(vm, fname, "isdigit", NULL, 0);
            int d = isd ? gs_truthy(vm, isd) : -1;
            gs_xdecref(vm, isd);
            if (d > 0 && *auto_index > 0) {
                gs_raise(vm, vm->e_ValueError,
                         "cannot switch from manual field specification to automatic field numbering");
                d = -1;
            }
            if (d > 0)
                *auto_index = -1;
            if (d < 0) {
                gs_decref(vm, fname);
                fname = NULL;
            }
        }
        gs_Object *gf_args[3] = { fname, args, kwargs };
        gs_Object *got = fname ? gs_call_method(vm, self, "get_field", gf_args, 3) : NULL;
        gs_xdecref(vm, fname);
        gs_Object *obj = NULL, *arg_used = NULL;
        if (got) {
            gs_Object *pair = GS_KIND(got) == GS_K_TUPLE ? gs_newref(vm, got) : gs_tuple_from_iterable(vm, got);
            if (pair && ((gs_Tuple *)pair)->len == 2) {
                obj = gs_newref(vm, ((gs_Tuple *)pair)->items[0]);
                arg_used = gs_newref(vm, ((gs_Tuple *)pair)->items[1]);
            } else if (pair)
                gs_raise(vm, vm->e_ValueError, ((gs_Tuple *)pair)->len < 2 ? "not enough values to unpack (expected 2, got %d)"
                                                                           : "too many values to unpack (expected 2)",
                         ((gs_Tuple *)pair)->len);
            gs_xdecref(vm, pair);
            gs_decref(vm, got);
        }
        if (obj && gs_set_add(vm, used, arg_used) < 0) {
            gs_decref(vm, obj);
            obj = NULL;
        }
        gs_xdecref(vm, arg_used);
        gs_Object *cv_args[2] = { obj, conv };
        gs_Object *cobj = obj ? gs_call_method(vm, self, "convert_field", cv_args, 2) : NULL;
        gs_xdecref(vm, obj);
        gs_Object *espec = cobj ? vformat_impl(vm, self, spec, args, kwargs, used, depth - 1, auto_index) : NULL;
        gs_Object *ff_args[2] = { cobj, espec };
        gs_Object *piece = espec ? gs_call_method(vm, self, "format_field", ff_args, 2) : NULL;
        gs_xdecref(vm, cobj);
        gs_xdecref(vm, espec);
        gs_decref(vm, parts);
        if (!piece || add_piece(vm, &b, piece, &nitems) < 0) {
            gs_xdecref(vm, piece);
            break;
        }
        gs_decref(vm, piece);
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_buf_free(&b);
        return NULL;
    }
    return gs_buf_to_str(vm, &b);
}

/* vformat(self, format_string, args, kwargs) */
static gs_Object *fmt_vformat(GS_ARGS)
{
    static const char *const names[] = { "format_string", "args", "kwargs" };
    static const gs_PySig sig = { "Formatter.vformat", names, 3, 3, 0, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *used = gs_set_new(vm, false);
    if (!used)
        return NULL;
    int64_t auto_index = 0;
    gs_Object *r = vformat_impl(vm, self, a[0], a[1], a[2], used, 2, &auto_index);
    if (r) {
        gs_Object *cu_args[3] = { used, a[1], a[2] };
        gs_Object *c = gs_call_method(vm, self, "check_unused_args", cu_args, 3);
        if (!c) {
            gs_decref(vm, r);
            r = NULL;
        }
        gs_xdecref(vm, c);
    }
    gs_decref(vm, used);
    return r;
}

/* format(self, format_string, /, *args, **kwargs): self.vformat(format_string, args, kwargs) */
static gs_Object *fmt_format(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "Formatter.format() missing 1 required positional argument: 'format_string'");
        return NULL;
    }
    gs_Object *pos = gs_tuple_new(vm, npos - 1);
    for (int i = 1; pos && i < npos; i++)
        gs_tuple_init(vm, pos, i - 1, gs_newref(vm, args[i]));
    gs_Object *kw = pos ? gs_dict_new(vm) : NULL;
    for (int k = 0; kw && kwnames && k < kwnames->len; k++)
        if (gs_dict_set(vm, kw, kwnames->items[k], args[npos + k]) < 0) {
            gs_decref(vm, kw);
            kw = NULL;
        }
    gs_Object *r = NULL;
    if (kw) {
        gs_Object *vf_args[3] = { args[0], pos, kw };
        r = gs_call_method(vm, self, "vformat", vf_args, 3);
    }
    gs_xdecref(vm, pos);
    gs_xdecref(vm, kw);
    return r;
}

/* Formatter(): object.__new__ (a subclass's __init__ takes what it likes) */
static gs_Object *fmt_new(GS_ARGS)
{
    gs_Type *t = (gs_Type *)self;
    if (nargs && !(t->flags & GS_TF_HEAP)) {
        gs_raise(vm, vm->e_TypeError, "Formatter() takes no arguments");
        return NULL;
    }
    GS_UNUSED(args);
    GS_UNUSED(kwnames);
    return gs_instance_new(vm, t);
}

static const gs_MethodDef formatter_methods[] = {
    { "__new__", fmt_new, 0, -1, GS_KW },
    { "format", fmt_format, 0, -1, GS_KW },
    { "vformat", fmt_vformat, 0, -1, GS_KW },
    { "get_value", fmt_get_value, 0, -1, GS_KW },
    { "check_unused_args", fmt_check_unused_args, 0, -1, GS_KW },
    { "format_field", fmt_format_field, 0, -1, GS_KW },
    { "convert_field", fmt_convert_field, 0, -1, GS_KW },
    { "parse", fmt_parse, 0, -1, GS_KW },
    { "get_field", fmt_get_field, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module */

static const char *const string_all[] = {
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits", "octdigits",
    "printable", "punctuation", "whitespace", "Formatter", "Template", NULL,
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
    StringState *st = sstate(vm);
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st) {
            gs_decref(vm, m);
            gs_raise_memory(vm);
            return NULL;
        }
        vm->modstate[GS_MS_STRING] = st;
        st->t_template = gs_native_type_new(vm, "string.Template", NULL, template_methods);
        gs_modtype_add_attr(vm, st->t_template, "delimiter", gs_str_from_cstr(vm, "$"));
        gs_modtype_add_attr(vm, st->t_template, "idpattern", gs_str_from_cstr(vm, "(?a:[_a-z][_a-z0-9]*)"));
        st->t_formatter = gs_modtype_new(vm, "string.Formatter", vm->t_object, NULL, true);
        gs_type_add_methods(vm, st->t_formatter, formatter_methods);
        st->t_parser = gs_native_type_new(vm, "formatteriterator", &fmtiter_ops, fmtiter_methods);
    }
    gs_module_add(vm, m, "Formatter", gs_newref(vm, &st->t_formatter->ob));
    gs_module_add(vm, m, "Template", gs_newref(vm, &st->t_template->ob));
    return m;
}

/* The refcount check: Formatter's dict is held by the class, which no
 * object traverses */
void gs_string_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "string", count, ctx);
}

void gs_string_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_STRING]);
    vm->modstate[GS_MS_STRING] = NULL;
}
