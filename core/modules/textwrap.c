/*
 * textwrap.c — the textwrap module (Lib/textwrap.py): wrap, fill,
 * shorten, dedent, indent and the TextWrapper class they use.
 *
 * TextWrapper is a class as the Python file's class statement makes it:
 * its instances keep the options as attributes, and its class holds the
 * regular expressions, compiled on import by the re module (so they are
 * CPython's own patterns, run by re.c, and re._cache holds them as
 * CPython's does).  Its methods are C functions that do what the Python
 * ones do, step for step, and call each other through the instance:
 * wrap() calls self._split_chunks(), which calls self._munge_whitespace()
 * and self._split(), then self._wrap_chunks(), which calls
 * self._handle_long_word() — so a subclass that overrides one of them
 * gets it called, as in CPython.  Calls go as the evaluation loop's
 * LOAD_METHOD does (gs_call_method), making no bound method objects.
 *
 * The module's functions look up what textwrap.py takes from its globals
 * (TextWrapper, re, _whitespace_only_re, _leading_whitespace_re) in the
 * module at each call, and wrap()/fill()/shorten() make a TextWrapper
 * and call its method, as the Python functions do.
 *
 * Not modelled: the objects CPython allocates and frees at once inside
 * these functions (the list comprehension's function, the generator of
 * any(), map()), which move gc.get_count() only while the call runs.
 * Differences: a method called on the class with what is no TextWrapper
 * (TextWrapper.wrap(None, s)) is a method descriptor's TypeError here,
 * CPython's AttributeError comes from inside; _wrap_chunks takes its
 * chunks as a list (a subclass's _split may return any list; CPython
 * would take any object with list's methods).
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

#define WHITESPACE "\t\n\x0b\x0c\r "

/* ================================================================== helpers */

static gs_Object *attr(gs_VM *vm, gs_Object *o, const char *name) { return gs_getattr(vm, o, gs_name(vm, name)); }

/* bool(o.name): 0/1, -1 on error */
static int attr_true(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Object *v = attr(vm, o, name);
    if (!v)
        return -1;
    int t = gs_truthy(vm, v);
    gs_decref(vm, v);
    return t;
}

/* o.name(a) */
static gs_Object *call1(gs_VM *vm, gs_Object *o, const char *name, gs_Object *a)
{
    return gs_call_method(vm, o, name, &a, 1);
}

/* s.strip() == '' (s.strip() is empty: s is all whitespace): 0/1, -1 */
static int blank(gs_VM *vm, gs_Object *s)
{
    if (GS_KIND(s) == GS_K_STR && s->type == vm->t_str) {
        const gs_Str *st = (const gs_Str *)s;
        for (size_t i = 0; i < (size_t)st->len;) {
            size_t adv;
            uint32_t c = gs_utf8_decode((const unsigned char *)st->data + i, (size_t)st->len - i, &adv);
            if (!gs_unicode_isspace(c))
                return 0;
            i += adv;
        }
        return 1;
    }
    gs_Object *r = gs_call_method(vm, s, "strip", NULL, 0);
    if (!r)
        return -1;
    gs_Object *empty = gs_str_new(vm, "", 0);
    int eq = empty ? gs_equal(vm, r, empty) : -1;
    gs_xdecref(vm, empty);
    gs_decref(vm, r);
    return eq;
}

/* bool(s.strip()): 0/1, -1 */
static int not_blank(gs_VM *vm, gs_Object *s)
{
    if (GS_KIND(s) == GS_K_STR && s->type == vm->t_str)
        return !blank(vm, s);
    gs_Object *r = gs_call_method(vm, s, "strip", NULL, 0);
    if (!r)
        return -1;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* len(o) as an int object */
static gs_Object *len_obj(gs_VM *vm, gs_Object *o)
{
    int64_t n = gs_len(vm, o);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

/* a number as a double for the width comparisons (ints exactly up to 2**53) */
static int as_double(gs_VM *vm, gs_Object *o, double *out)
{
    if (gs_int_is_big(o))
        return gs_int_to_double(vm, o, out);
    return gs_real_arg(vm, o, out);
}

/* s[start:stop] (either may be NULL: omitted), as a slice of any sequence;
 * a str with int bounds is cut here */
static gs_Object *slice(gs_VM *vm, gs_Object *s, gs_Object *start, gs_Object *stop)
{
    if (GS_KIND(s) == GS_K_STR && (!start || (gs_is_intlike(start) && !gs_int_is_big(start))) &&
        (!stop || (gs_is_intlike(stop) && !gs_int_is_big(stop)))) {
        const gs_Str *st = (const gs_Str *)s;
        int64_t n = st->nchars;
        int64_t i = start ? gs_intlike_value(vm, start) : 0, j = stop ? gs_intlike_value(vm, stop) : n;
        if (i < 0)
            i = i + n < 0 ? 0 : i + n;
        if (j < 0)
            j = j + n < 0 ? 0 : j + n;
        if (i > n)
            i = n;
        if (j > n)
            j = n;
        if (j < i)
            j = i;
        const char *p = gs_utf8_offset(st->data, (size_t)st->len, i);
        const char *q = gs_utf8_offset(p, (size_t)(st->data + st->len - p), j - i);
        return gs_str_new(vm, p, (size_t)(q - p));
    }
    gs_Object *a[2] = { start ? start : vm->none, stop ? stop : vm->none };
    gs_Object *sl = gs_call_object(vm, &vm->t_slice->ob, a, 2, NULL);
    if (!sl)
        return NULL;
    gs_Object *r = gs_getitem(vm, s, sl);
    gs_decref(vm, sl);
    return r;
}

/* ''.join(items) */
static gs_Object *join_all(gs_VM *vm, const char *sep, gs_Object *items)
{
    gs_Object *s = gs_str_from_cstr(vm, sep);
    gs_Object *r = s ? call1(vm, s, "join", items) : NULL;
    gs_xdecref(vm, s);
    return r;
}

/* textwrap.py's frames, where CPython's traceback shows them (3.11.2):
 * an error raised here, or by a C function called here, gets the frame
 * of the line that raised it, and each frame of textwrap.py it passes on
 * its way out (gs_exc_lib_outer: not once it went through Python code) */
#define TW_PY "/usr/lib/python3.11/textwrap.py"
static const gs_LibFrame f_invalid_width = {
    TW_PY, 253, "_wrap_chunks", "raise ValueError(\"invalid width %r (must be > 0)\" % self.width)", NULL
};
static const gs_LibFrame f_placeholder = { TW_PY, 260, "_wrap_chunks",
                                           "raise ValueError(\"placeholder too large for max width\")", NULL };
static const gs_LibFrame f_expandtabs = { TW_PY, 151, "_munge_whitespace", "text = text.expandtabs(self.tabsize)",
                                          "       ^^^^^^^^^^^^^^^" };
static const gs_LibFrame f_translate = { TW_PY, 153, "_munge_whitespace",
                                         "text = text.translate(self.unicode_whitespace_trans)",
                                         "       ^^^^^^^^^^^^^^" };
static const gs_LibFrame f_munge = { TW_PY, 342, "_split_chunks", "text = self._munge_whitespace(text)",
                                     "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^" };
static const gs_LibFrame f_split_chunks = { TW_PY, 356, "wrap", "chunks = self._split_chunks(text)",
                                            "         ^^^^^^^^^^^^^^^^^^^^^^^^" };
static const gs_LibFrame f_wrap_chunks = { TW_PY, 359, "wrap", "return self._wrap_chunks(chunks)",
                                           "       ^^^^^^^^^^^^^^^^^^^^^^^^^" };
static const gs_LibFrame f_fill = { TW_PY, 368, "fill", "return \"\\n\".join(self.wrap(text))",
                                    "                 ^^^^^^^^^^^^^^^" };
static const gs_LibFrame f_mod_wrap = { TW_PY, 384, "wrap", "return w.wrap(text)", "       ^^^^^^^^^^^^" };
static const gs_LibFrame f_mod_fill = { TW_PY, 396, "fill", "return w.fill(text)", "       ^^^^^^^^^^^^" };
static const gs_LibFrame f_shorten = { TW_PY, 411, "shorten", "return w.fill(' '.join(text.strip().split()))",
                                       "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" };
static const gs_LibFrame f_dedent = { TW_PY, 435, "dedent", "text = _whitespace_only_re.sub('', text)",
                                      "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" };
static const gs_LibFrame f_indent[] = {
    { TW_PY, 485, "indent", "return ''.join(prefixed_lines())", "       ^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { TW_PY, 483, "prefixed_lines", "for line in text.splitlines(True):", "            ^^^^^^^^^^^^^^^" } };

/* an error passing out through a line of textwrap.py */
static gs_Object *out_through(gs_VM *vm, const gs_LibFrame *f, gs_Object *r)
{
    if (!r)
        gs_exc_lib_outer(vm, f);
    return r;
}

/* ================================================================== TextWrapper */

/* __init__(self, width=70, initial_indent="", subsequent_indent="",
 *          expand_tabs=True, replace_whitespace=True,
 *          fix_sentence_endings=False, break_long_words=True,
 *          drop_whitespace=True, break_on_hyphens=True, tabsize=8, *,
 *          max_lines=None, placeholder=' [...]') */
static gs_Object *tw_init(GS_ARGS)
{
    static const char *const names[] = { "width", "initial_indent", "subsequent_indent", "expand_tabs",
                                         "replace_whitespace", "fix_sentence_endings", "break_long_words",
                                         "drop_whitespace", "break_on_hyphens", "tabsize", "max_lines",
                                         "placeholder" };
    static const gs_PySig sig = { "TextWrapper.__init__", names, 10, 0, 2, 1 };
    gs_Object *a[12];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 12; i++) {
        gs_Object *v = a[i] ? gs_newref(vm, a[i]) : NULL;
        if (!v) {
            switch (i) {
            case 0: v = gs_int_new(vm, 70); break;
            case 1:
            case 2: v = gs_str_new(vm, "", 0); break;
            case 3:
            case 4:
            case 6:
            case 7:
            case 8: v = GS_BOOL(vm, true); break;
            case 5: v = GS_BOOL(vm, false); break;
            case 9: v = gs_int_new(vm, 8); break;
            case 10: v = GS_NONE(vm); break;
            default: v = gs_str_from_cstr(vm, " [...]"); break;
            }
            if (!v)
                return NULL;
        }
        int r = gs_setattr(vm, self, gs_name(vm, names[i]), v);
        gs_decref(vm, v);
        if (r < 0)
            return NULL;
    }
    return GS_NONE(vm);
}

/* the one argument of a method (self, name) */
static gs_Object *arg1(gs_VM *vm, const char *qualname, const char *const *names, gs_Object **args, int nargs,
                       gs_Tuple *kwnames)
{
    const gs_PySig sig = { qualname, names, 1, 1, 0, 1 };
    gs_Object *a[1];
    return gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0 ? NULL : a[0];
}

static const char *const n_text[] = { "text" };
static const char *const n_chunks[] = { "chunks" };

/* _munge_whitespace(text): tabs expanded, the other whitespace made spaces */
static gs_Object *munge_whitespace(gs_VM *vm, gs_Object *self, gs_Object *text)
{
    gs_incref(vm, text);
    int t = attr_true(vm, self, "expand_tabs");
    if (t > 0) {
        gs_Object *tabsize = attr(vm, self, "tabsize");
        gs_Object *r = tabsize ? call1(vm, text, "expandtabs", tabsize) : NULL;
        if (!r && tabsize)
            gs_exc_lib_frames(vm, &f_expandtabs, 1);
        gs_xdecref(vm, tabsize);
        gs_decref(vm, text);
        if (!r)
            return NULL;
        text = r;
    }
    if (t >= 0)
        t = attr_true(vm, self, "replace_whitespace");
    if (t > 0) {
        gs_Object *trans = attr(vm, self, "unicode_whitespace_trans");
        gs_Object *r = trans ? call1(vm, text, "translate", trans) : NULL;
        if (!r && trans)
            gs_exc_lib_frames(vm, &f_translate, 1);
        gs_xdecref(vm, trans);
        gs_decref(vm, text);
        if (!r)
            return NULL;
        text = r;
    }
    if (t < 0) {
        gs_decref(vm, text);
        return NULL;
    }
    return text;
}

static gs_Object *tw_munge_whitespace(GS_ARGS)
{
    gs_Object *text = arg1(vm, "TextWrapper._munge_whitespace", n_text, args, nargs, kwnames);
    return text ? munge_whitespace(vm, self, text) : NULL;
}

/* _split(text): wordsep_re (or wordsep_simple_re unless break_on_hyphens
 * is True itself) splits it; the empty strings are dropped */
static gs_Object *tw_split(GS_ARGS)
{
    gs_Object *text = arg1(vm, "TextWrapper._split", n_text, args, nargs, kwnames);
    if (!text)
        return NULL;
    gs_Object *boh = attr(vm, self, "break_on_hyphens");
    if (!boh)
        return NULL;
    gs_Object *re = attr(vm, self, boh == vm->true_ ? "wordsep_re" : "wordsep_simple_re");
    gs_decref(vm, boh);
    gs_Object *parts = re ? call1(vm, re, "split", text) : NULL;
    gs_xdecref(vm, re);
    if (!parts)
        return NULL;
    /* [c for c in chunks if c] */
    gs_Object *chunks = gs_list_new(vm, 0);
    gs_Object *it = chunks ? gs_iter(vm, parts) : NULL;
    gs_decref(vm, parts);
    gs_Object *c;
    while (it && (c = gs_next(vm, it)) != NULL) {
        int t = gs_truthy(vm, c);
        if (t < 0 || (t && gs_list_append(vm, chunks, c) < 0)) {
            gs_decref(vm, c);
            break;
        }
        gs_decref(vm, c);
    }
    gs_xdecref(vm, it);
    if (vm->exc || !chunks) {
        gs_xdecref(vm, chunks);
        return NULL;
    }
    return chunks;
}

/* _fix_sentence_endings(chunks): "foo." then " " becomes "foo." then "  " */
static gs_Object *tw_fix_sentence_endings(GS_ARGS)
{
    gs_Object *chunks = arg1(vm, "TextWrapper._fix_sentence_endings", n_chunks, args, nargs, kwnames);
    gs_Object *pat = chunks ? attr(vm, self, "sentence_end_re") : NULL;
    gs_Object *space = pat ? gs_str_from_cstr(vm, " ") : NULL;
    if (!space) {
        gs_xdecref(vm, pat);
        return NULL;
    }
    bool ok = true;
    for (int64_t i = 0; ok;) {
        int64_t n = gs_len(vm, chunks);
        if (n < 0 || i >= n - 1) {
            ok = n >= 0;
            break;
        }
        gs_Object *ix = gs_int_new(vm, i + 1);
        gs_Object *next = ix ? gs_getitem(vm, chunks, ix) : NULL;
        int hit = next ? gs_equal(vm, next, space) : -1;
        gs_xdecref(vm, next);
        if (hit > 0) {
            gs_Object *ic = gs_int_new(vm, i);
            gs_Object *cur = ic ? gs_getitem(vm, chunks, ic) : NULL;
            gs_Object *m = cur ? call1(vm, pat, "search", cur) : NULL;
            hit = m ? gs_truthy(vm, m) : -1;
            gs_xdecref(vm, ic);
            gs_xdecref(vm, cur);
            gs_xdecref(vm, m);
        }
        if (hit > 0) {
            gs_Object *two = gs_str_from_cstr(vm, "  ");
            hit = two ? gs_setitem(vm, chunks, ix, two) : -1;
            gs_xdecref(vm, two);
            i += 2;
        } else
            i++;
        gs_xdecref(vm, ix);
        ok = hit >= 0;
    }
    gs_decref(vm, pat);
    gs_decref(vm, space);
    return ok ? GS_NONE(vm) : NULL;
}

/* any(c != '-' for c in s) */
static int has_non_hyphen(gs_VM *vm, gs_Object *s)
{
    if (GS_KIND(s) == GS_K_STR) {
        const gs_Str *st = (const gs_Str *)s;
        for (int32_t i = 0; i < st->len; i++)
            if (st->data[i] != '-')
                return 1;
        return 0;
    }
    gs_Object *hy = gs_str_from_cstr(vm, "-");
    gs_Object *it = hy ? gs_iter(vm, s) : NULL;
    gs_Object *c;
    int r = 0;
    while (it && !r && (c = gs_next(vm, it)) != NULL) {
        gs_Object *ne = gs_compare(vm, GS_CMP_NE, c, hy);
        r = ne ? gs_truthy(vm, ne) : -1;
        gs_xdecref(vm, ne);
        gs_decref(vm, c);
    }
    gs_xdecref(vm, it);
    gs_xdecref(vm, hy);
    return vm->exc ? -1 : r;
}

/* _handle_long_word(reversed_chunks, cur_line, cur_len, width): a chunk
 * too long for any line is broken (after its last hyphen that follows a
 * non-hyphen, if break_on_hyphens) or, unbreakable, put alone on a line */
static gs_Object *tw_handle_long_word(GS_ARGS)
{
    static const char *const names[] = { "reversed_chunks", "cur_line", "cur_len", "width" };
    static const gs_PySig sig = { "TextWrapper._handle_long_word", names, 4, 4, 0, 1 };
    gs_Object *a[4];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *rchunks = a[0], *cur_line = a[1], *cur_len = a[2], *width = a[3];
    gs_Object *one = gs_int_new(vm, 1), *zero = gs_int_new(vm, 0), *last = gs_int_new(vm, -1);
    gs_Object *space_left = NULL, *end = NULL, *chunk = NULL, *r = NULL;
    int t = one && zero && last ? gs_compare_bool(vm, GS_CMP_LT, width, one) : -1;
    if (t < 0)
        goto done;
    space_left = t ? gs_newref(vm, one) : gs_binary_op(vm, GS_OP_SUB, width, cur_len, false);
    if (!space_left || (t = attr_true(vm, self, "break_long_words")) < 0)
        goto done;
    if (t) {
        end = gs_newref(vm, space_left);
        chunk = gs_getitem(vm, rchunks, last);
        if (!chunk || (t = attr_true(vm, self, "break_on_hyphens")) < 0)
            goto done;
        if (t) {
            gs_Object *n = len_obj(vm, chunk);
            t = n ? gs_compare_bool(vm, GS_CMP_GT, n, space_left) : -1;
            gs_xdecref(vm, n);
            if (t < 0)
                goto done;
        }
        if (t) {
            /* break after the last hyphen, if non-hyphens come before it */
            gs_Object *hy = gs_str_from_cstr(vm, "-");
            gs_Object *rf = hy ? gs_call_method(vm, chunk, "rfind", (gs_Object *[]){ hy, zero, space_left }, 3) : NULL;
            gs_xdecref(vm, hy);
            t = rf ? gs_compare_bool(vm, GS_CMP_GT, rf, zero) : -1;
            if (t > 0) {
                gs_Object *head = slice(vm, chunk, NULL, rf);
                t = head ? has_non_hyphen(vm, head) : -1;
                gs_xdecref(vm, head);
            }
            if (t > 0) {
                gs_decref(vm, end);
                end = gs_binary_op(vm, GS_OP_ADD, rf, one, false);
            }
            gs_xdecref(vm, rf);
            if (t < 0 || !end)
                goto done;
        }
        gs_Object *head = slice(vm, chunk, NULL, end);
        gs_Object *ar = head ? call1(vm, cur_line, "append", head) : NULL;
        gs_xdecref(vm, head);
        gs_Object *tail = ar ? slice(vm, chunk, end, NULL) : NULL;
        gs_xdecref(vm, ar);
        t = tail ? gs_setitem(vm, rchunks, last, tail) : -1;
        gs_xdecref(vm, tail);
        if (t < 0)
            goto done;
    } else {
        /* unbreakable: alone on a line of its own */
        if ((t = gs_truthy(vm, cur_line)) < 0)
            goto done;
        if (!t) {
            gs_Object *w = gs_call_method(vm, rchunks, "pop", NULL, 0);
            gs_Object *ar = w ? call1(vm, cur_line, "append", w) : NULL;
            gs_xdecref(vm, w);
            if (!ar)
                goto done;
            gs_decref(vm, ar);
        }
    }
    r = GS_NONE(vm);
done:
    gs_xdecref(vm, one);
    gs_xdecref(vm, zero);
    gs_xdecref(vm, last);
    gs_xdecref(vm, space_left);
    gs_xdecref(vm, end);
    gs_xdecref(vm, chunk);
    return r;
}

/* indent + ''.join(cur_line) */
static gs_Object *make_line(gs_VM *vm, gs_Object *indent, gs_Object *cur_line)
{
    gs_Object *j = join_all(vm, "", cur_line);
    return j ? gs_binop_steal(vm, GS_OP_ADD, gs_newref(vm, indent), j) : NULL;
}

/* The options _wrap_chunks reads, each fetched the first time it is needed
 * (CPython reads them where the algorithm does: a missing one is an error
 * only there) and kept for the call. */
enum { O_WIDTH, O_MAX_LINES, O_INITIAL, O_SUBSEQUENT, O_PLACEHOLDER, O_DROP, O_COUNT };
static const char *const option_names[O_COUNT] = { "width", "max_lines", "initial_indent", "subsequent_indent",
                                                   "placeholder", "drop_whitespace" };
typedef struct Options {
    gs_Object *self;
    gs_Object *v[O_COUNT]; /* owned, NULL until fetched */
    int drop;              /* bool(drop_whitespace), -2 until fetched */
} Options;

static gs_Object *opt(gs_VM *vm, Options *o, int which)
{
    if (!o->v[which])
        o->v[which] = attr(vm, o->self, option_names[which]);
    return o->v[which];
}

static int drop_ws(gs_VM *vm, Options *o)
{
    if (o->drop == -2) {
        gs_Object *v = opt(vm, o, O_DROP);
        o->drop = v ? gs_truthy(vm, v) : -1;
    }
    return o->drop;
}

/* _wrap_chunks(chunks): the lines, each at most width long (unless a long
 * word may not be broken), at most max_lines of them (the last ending in
 * the placeholder when text was left out) */
static gs_Object *wrap_chunks(gs_VM *vm, gs_Object *self, gs_Object *chunks)
{
    Options o = { self, { NULL }, -2 };
    gs_Object *lines = gs_list_new(vm, 0), *cur_line = NULL, *width_obj = NULL;
    gs_Object *zero = gs_int_new(vm, 0);
    gs_Object *W = lines && zero ? opt(vm, &o, O_WIDTH) : NULL;
    int t = W ? gs_compare_bool(vm, GS_CMP_LE, W, zero) : -1;
    if (t < 0)
        goto fail;
    if (t) {
        gs_Object *rep = gs_repr(vm, W);
        if (rep)
            gs_raise(vm, vm->e_ValueError, "invalid width %s (must be > 0)", ((gs_Str *)rep)->data);
        gs_xdecref(vm, rep);
        gs_exc_lib_frames(vm, &f_invalid_width, 1);
        goto fail;
    }
    gs_Object *M = opt(vm, &o, O_MAX_LINES);
    if (!M)
        goto fail;
    if (M != vm->none) {
        gs_Object *one = gs_int_new(vm, 1);
        t = one ? gs_compare_bool(vm, GS_CMP_GT, M, one) : -1;
        gs_xdecref(vm, one);
        gs_Object *indent = t < 0 ? NULL : opt(vm, &o, t ? O_SUBSEQUENT : O_INITIAL);
        int64_t li = indent ? gs_len(vm, indent) : -1;
        gs_Object *P = li >= 0 ? opt(vm, &o, O_PLACEHOLDER) : NULL;
        gs_Object *pl = P ? gs_call_method(vm, P, "lstrip", NULL, 0) : NULL;
        int64_t lp = pl ? gs_len(vm, pl) : -1;
        gs_xdecref(vm, pl);
        gs_Object *sum = lp >= 0 ? gs_int_new(vm, li + lp) : NULL;
        t = sum ? gs_compare_bool(vm, GS_CMP_GT, sum, W) : -1;
        gs_xdecref(vm, sum);
        if (t < 0)
            goto fail;
        if (t) {
            gs_raise(vm, vm->e_ValueError, "placeholder too large for max width");
            gs_exc_lib_frames(vm, &f_placeholder, 1);
            goto fail;
        }
    }
    /* the chunks reversed, so they are popped from the end */
    gs_Object *rv = gs_call_method(vm, chunks, "reverse", NULL, 0);
    if (!rv)
        goto fail;
    gs_decref(vm, rv);
    if (GS_KIND(chunks) != GS_K_LIST) {
        gs_raise(vm, vm->e_TypeError, "textwrap: the chunks must be a list, not '%s'", gs_type_name(chunks));
        goto fail;
    }
    gs_List *L = (gs_List *)chunks;
    while (L->len > 0) {
        /* (as CPython's, this loops for ever when a line's indent leaves
         * no room and a chunk is broken to nothing: a trace stops here) */
        if (gs_event_limit_check(vm) < 0)
            goto fail;
        gs_xdecref(vm, cur_line);
        cur_line = gs_list_new(vm, 0);
        if (!cur_line)
            goto fail;
        int64_t cur_len = 0;
        int64_t nlines = ((gs_List *)lines)->len;
        gs_Object *indent = opt(vm, &o, nlines ? O_SUBSEQUENT : O_INITIAL);
        gs_Object *li = indent ? len_obj(vm, indent) : NULL;
        gs_xdecref(vm, width_obj);
        width_obj = li ? gs_binary_op(vm, GS_OP_SUB, W, li, false) : NULL;
        gs_xdecref(vm, li);
        double width;
        if (!width_obj || as_double(vm, width_obj, &width) < 0)
            goto fail;
        /* a line after the first does not start with whitespace */
        if ((t = drop_ws(vm, &o)) < 0 || (t && (t = blank(vm, L->items[L->len - 1])) < 0))
            goto fail;
        if (t && nlines && gs_list_delitem(vm, chunks, -1) < 0)
            goto fail;
        while (L->len > 0) {
            int64_t l = gs_len(vm, L->items[L->len - 1]);
            if (l < 0)
                goto fail;
            if ((double)(cur_len + l) > width)
                break;
            gs_Object *c = gs_list_pop(vm, chunks, -1);
            if (!c || gs_list_append(vm, cur_line, c) < 0) {
                gs_xdecref(vm, c);
                goto fail;
            }
            gs_decref(vm, c);
            cur_len += l;
        }
        /* the next chunk is too long for any line */
        if (L->len > 0) {
            int64_t l = gs_len(vm, L->items[L->len - 1]);
            if (l < 0)
                goto fail;
            if ((double)l > width) {
                gs_Object *cl = gs_int_new(vm, cur_len);
                gs_Object *r = cl ? gs_call_method(vm, self, "_handle_long_word",
                                                   (gs_Object *[]){ chunks, cur_line, cl, width_obj }, 4)
                                  : NULL;
                gs_xdecref(vm, cl);
                if (!r)
                    goto fail;
                gs_decref(vm, r);
                /* cur_len = sum(map(len, cur_line)) */
                cur_len = 0;
                for (int32_t i = 0; i < ((gs_List *)cur_line)->len; i++) {
                    int64_t n = gs_len(vm, ((gs_List *)cur_line)->items[i]);
                    if (n < 0)
                        goto fail;
                    cur_len += n;
                }
            }
        }
        /* nor end with it */
        gs_List *C = (gs_List *)cur_line;
        if ((t = drop_ws(vm, &o)) < 0 || (t && C->len && (t = blank(vm, C->items[C->len - 1])) < 0))
            goto fail;
        if (t && C->len) {
            int64_t n = gs_len(vm, C->items[C->len - 1]);
            if (n < 0 || gs_list_delitem(vm, cur_line, -1) < 0)
                goto fail;
            cur_len -= n;
        }
        if (!C->len)
            continue;
        /* keep the line unless max_lines stops the text here */
        bool keep = M == vm->none;
        if (!keep) {
            gs_Object *nl = gs_int_new(vm, nlines + 1);
            t = nl ? gs_compare_bool(vm, GS_CMP_LT, nl, M) : -1;
            gs_xdecref(vm, nl);
            if (t < 0)
                goto fail;
            keep = t;
        }
        if (!keep) {
            /* nothing left, or only whitespace that would be dropped */
            int rest_empty = L->len == 0;
            if (!rest_empty && L->len == 1) {
                if ((t = drop_ws(vm, &o)) < 0 || (t && (t = blank(vm, L->items[0])) < 0))
                    goto fail;
                rest_empty = t;
            }
            keep = rest_empty && (double)cur_len <= width;
        }
        if (keep) {
            gs_Object *line = make_line(vm, indent, cur_line);
            if (!line || gs_list_append(vm, lines, line) < 0) {
                gs_xdecref(vm, line);
                goto fail;
            }
            gs_decref(vm, line);
            continue;
        }
        /* the last line: as many chunks as leave room for the placeholder */
        gs_Object *P = opt(vm, &o, O_PLACEHOLDER);
        int64_t lp = P ? gs_len(vm, P) : -1;
        if (lp < 0)
            goto fail;
        bool placed = false;
        while (C->len) {
            if ((t = not_blank(vm, C->items[C->len - 1])) < 0)
                goto fail;
            if (t && (double)(cur_len + lp) <= width) {
                gs_Object *line = gs_list_append(vm, cur_line, P) < 0 ? NULL : make_line(vm, indent, cur_line);
                if (!line || gs_list_append(vm, lines, line) < 0) {
                    gs_xdecref(vm, line);
                    goto fail;
                }
                gs_decref(vm, line);
                placed = true;
                break;
            }
            int64_t n = gs_len(vm, C->items[C->len - 1]);
            if (n < 0 || gs_list_delitem(vm, cur_line, -1) < 0)
                goto fail;
            cur_len -= n;
        }
        if (!placed) {
            gs_List *LL = (gs_List *)lines;
            if (LL->len) {
                /* the placeholder goes on the previous line if it fits */
                gs_Object *prev = gs_call_method(vm, LL->items[LL->len - 1], "rstrip", NULL, 0);
                int64_t lprev = prev ? gs_len(vm, prev) : -1;
                gs_Object *sum = lprev >= 0 ? gs_int_new(vm, lprev + lp) : NULL;
                t = sum ? gs_compare_bool(vm, GS_CMP_LE, sum, W) : -1;
                gs_xdecref(vm, sum);
                if (t > 0) {
                    /* lines[-1] = prev_line + self.placeholder */
                    gs_Object *nl = gs_binary_op(vm, GS_OP_ADD, prev, P, false);
                    gs_decref(vm, prev);
                    gs_Object *ix = nl ? gs_int_new(vm, -1) : NULL;
                    t = ix ? gs_setitem(vm, lines, ix, nl) : -1;
                    gs_xdecref(vm, ix);
                    gs_xdecref(vm, nl);
                    if (t < 0)
                        goto fail;
                    break;
                }
                gs_xdecref(vm, prev);
                if (t < 0)
                    goto fail;
            }
            gs_Object *pl = gs_call_method(vm, P, "lstrip", NULL, 0);
            gs_Object *line = pl ? gs_binop_steal(vm, GS_OP_ADD, gs_newref(vm, indent), pl) : NULL;
            if (!line || gs_list_append(vm, lines, line) < 0) {
                gs_xdecref(vm, line);
                goto fail;
            }
            gs_decref(vm, line);
        }
        break;
    }
    gs_xdecref(vm, cur_line);
    gs_xdecref(vm, width_obj);
    gs_xdecref(vm, zero);
    for (int i = 0; i < O_COUNT; i++)
        gs_xdecref(vm, o.v[i]);
    return lines;
fail:
    gs_xdecref(vm, cur_line);
    gs_xdecref(vm, width_obj);
    gs_xdecref(vm, zero);
    gs_xdecref(vm, lines);
    for (int i = 0; i < O_COUNT; i++)
        gs_xdecref(vm, o.v[i]);
    return NULL;
}

static gs_Object *tw_wrap_chunks(GS_ARGS)
{
    gs_Object *chunks = arg1(vm, "TextWrapper._wrap_chunks", n_chunks, args, nargs, kwnames);
    return chunks ? wrap_chunks(vm, self, chunks) : NULL;
}

/* _split_chunks(text): self._split(self._munge_whitespace(text)) */
static gs_Object *tw_split_chunks(GS_ARGS)
{
    gs_Object *text = arg1(vm, "TextWrapper._split_chunks", n_text, args, nargs, kwnames);
    gs_Object *t = text ? out_through(vm, &f_munge, call1(vm, self, "_munge_whitespace", text)) : NULL;
    gs_Object *r = t ? call1(vm, self, "_split", t) : NULL;
    gs_xdecref(vm, t);
    return r;
}

/* wrap(text): the lines */
static gs_Object *do_wrap(gs_VM *vm, gs_Object *self, gs_Object *text)
{
    gs_Object *chunks = out_through(vm, &f_split_chunks, call1(vm, self, "_split_chunks", text));
    if (!chunks)
        return NULL;
    int t = attr_true(vm, self, "fix_sentence_endings");
    if (t > 0) {
        gs_Object *r = call1(vm, self, "_fix_sentence_endings", chunks);
        gs_xdecref(vm, r);
        t = r ? 0 : -1;
    }
    gs_Object *lines = t < 0 ? NULL : out_through(vm, &f_wrap_chunks, call1(vm, self, "_wrap_chunks", chunks));
    gs_decref(vm, chunks);
    return lines;
}

static gs_Object *tw_wrap(GS_ARGS)
{
    gs_Object *text = arg1(vm, "TextWrapper.wrap", n_text, args, nargs, kwnames);
    return text ? do_wrap(vm, self, text) : NULL;
}

/* fill(text): "\n".join(self.wrap(text)) */
static gs_Object *tw_fill(GS_ARGS)
{
    gs_Object *text = arg1(vm, "TextWrapper.fill", n_text, args, nargs, kwnames);
    gs_Object *lines = text ? out_through(vm, &f_fill, call1(vm, self, "wrap", text)) : NULL;
    gs_Object *r = lines ? join_all(vm, "\n", lines) : NULL;
    gs_xdecref(vm, lines);
    return r;
}

static const gs_MethodDef wrapper_methods[] = {
    { "__init__", tw_init, 0, -1, GS_KW },
    { "_munge_whitespace", tw_munge_whitespace, 0, -1, GS_KW },
    { "_split", tw_split, 0, -1, GS_KW },
    { "_fix_sentence_endings", tw_fix_sentence_endings, 0, -1, GS_KW },
    { "_handle_long_word", tw_handle_long_word, 0, -1, GS_KW },
    { "_wrap_chunks", tw_wrap_chunks, 0, -1, GS_KW },
    { "_split_chunks", tw_split_chunks, 0, -1, GS_KW },
    { "wrap", tw_wrap, 0, -1, GS_KW },
    { "fill", tw_fill, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module's functions */

/* TextWrapper(width=width[, max_lines=1], **kwargs), the class as the
 * module has it now; rest[k] marks the keywords of the call that go to
 * **kwargs */
static gs_Object *new_wrapper(gs_VM *vm, gs_Object *module, gs_Object *width, bool shorten, gs_Object **args,
                              int nargs, gs_Tuple *kwnames, const bool *rest)
{
    int npos = gs_npos(nargs, kwnames), nkw = kwnames ? kwnames->len : 0, nrest = 0;
    for (int k = 0; k < nkw; k++)
        if (rest[k]) {
            if (shorten && strcmp(((gs_Str *)kwnames->items[k])->data, "max_lines") == 0) {
                gs_raise(vm, vm->e_TypeError,
                         "textwrap.TextWrapper() got multiple values for keyword argument 'max_lines'");
                return NULL;
            }
            nrest++;
        }
    int n = 1 + shorten + nrest;
    gs_Object *argv[n];
    gs_Object *names = gs_tuple_new(vm, n);
    gs_Object *one = shorten ? gs_int_new(vm, 1) : NULL;
    if (!names || (shorten && !one)) {
        gs_xdecref(vm, names);
        gs_xdecref(vm, one);
        return NULL;
    }
    int i = 0;
    argv[i] = width;
    gs_tuple_init(vm, names, i++, gs_newref(vm, &gs_name(vm, "width")->ob));
    if (shorten) {
        argv[i] = one;
        gs_tuple_init(vm, names, i++, gs_newref(vm, &gs_name(vm, "max_lines")->ob));
    }
    for (int k = 0; k < nkw; k++)
        if (rest[k]) {
            argv[i] = args[npos + k];
            gs_tuple_init(vm, names, i++, gs_newref(vm, kwnames->items[k]));
        }
    gs_Object *cls = attr(vm, module, "TextWrapper");
    gs_Object *w = cls ? gs_call_object(vm, cls, argv, n, (gs_Tuple *)names) : NULL;
    gs_xdecref(vm, cls);
    gs_decref(vm, names);
    gs_xdecref(vm, one);
    return w;
}

/* wrap(text, width=70, **kwargs) and fill(...): TextWrapper(width=width, **kwargs).wrap(text) */
static gs_Object *wrap_or_fill(gs_VM *vm, gs_Object *module, gs_Object **args, int nargs, gs_Tuple *kwnames,
                               const char *fname)
{
    static const char *const names[] = { "text", "width" };
    const gs_PySig sig = { fname, names, 2, 1, 0, 0 };
    gs_Object *a[2];
    int nkw = kwnames ? kwnames->len : 0;
    bool rest[nkw + 1];
    if (gs_pysig_bind_varkw(vm, &sig, args, nargs, kwnames, a, rest) < 0)
        return NULL;
    gs_Object *width = a[1] ? gs_newref(vm, a[1]) : gs_int_new(vm, 70);
    gs_Object *w = width ? new_wrapper(vm, module, width, false, args, nargs, kwnames, rest) : NULL;
    gs_xdecref(vm, width);
    gs_Object *r = w ? out_through(vm, fname[0] == 'w' ? &f_mod_wrap : &f_mod_fill, call1(vm, w, fname, a[0])) : NULL;
    gs_xdecref(vm, w);
    return r;
}

static gs_Object *m_wrap(GS_ARGS) { return wrap_or_fill(vm, self, args, nargs, kwnames, "wrap"); }
static gs_Object *m_fill(GS_ARGS) { return wrap_or_fill(vm, self, args, nargs, kwnames, "fill"); }

/* shorten(text, width, **kwargs): the whitespace collapsed, then one line
 * of at most width, ending in the placeholder if words were left out */
static gs_Object *m_shorten(GS_ARGS)
{
    static const char *const names[] = { "text", "width" };
    static const gs_PySig sig = { "shorten", names, 2, 2, 0, 0 };
    gs_Object *a[2];
    int nkw = kwnames ? kwnames->len : 0;
    bool rest[nkw + 1];
    if (gs_pysig_bind_varkw(vm, &sig, args, nargs, kwnames, a, rest) < 0)
        return NULL;
    gs_Object *w = new_wrapper(vm, self, a[1], true, args, nargs, kwnames, rest);
    if (!w)
        return NULL;
    /* ' '.join(text.strip().split()) */
    gs_Object *s = gs_call_method(vm, a[0], "strip", NULL, 0);
    gs_Object *words = s ? gs_call_method(vm, s, "split", NULL, 0) : NULL;
    gs_xdecref(vm, s);
    gs_Object *text = words ? join_all(vm, " ", words) : NULL;
    gs_xdecref(vm, words);
    gs_Object *r = text ? out_through(vm, &f_shorten, call1(vm, w, "fill", text)) : NULL;
    gs_xdecref(vm, text);
    gs_decref(vm, w);
    return r;
}

/* dedent(text): the leading whitespace common to every line removed;
 * lines of only spaces and tabs become empty */
static gs_Object *m_dedent(GS_ARGS)
{
    static const char *const names[] = { "text" };
    static const gs_PySig sig = { "dedent", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *empty = gs_str_new(vm, "", 0);
    gs_Object *ws_re = empty ? attr(vm, self, "_whitespace_only_re") : NULL;
    gs_Object *text = ws_re ? gs_call_method(vm, ws_re, "sub", (gs_Object *[]){ empty, a[0] }, 2) : NULL;
    if (!text && ws_re)
        gs_exc_lib_frames(vm, &f_dedent, 1);
    gs_xdecref(vm, ws_re);
    gs_Object *lead_re = text ? attr(vm, self, "_leading_whitespace_re") : NULL;
    gs_Object *indents = lead_re ? call1(vm, lead_re, "findall", text) : NULL;
    gs_xdecref(vm, lead_re);
    if (!indents || GS_KIND(indents) != GS_K_LIST) {
        gs_xdecref(vm, indents);
        gs_xdecref(vm, text);
        gs_xdecref(vm, empty);
        return NULL;
    }
    /* the margin: a prefix of every indent (only spaces and tabs, so bytes are characters) */
    const char *margin = NULL;
    int32_t mlen = 0;
    for (int32_t i = 0; i < ((gs_List *)indents)->len; i++) {
        const gs_Str *ind = (const gs_Str *)((gs_List *)indents)->items[i];
        if (!margin) {
            margin = ind->data;
            mlen = ind->len;
        } else if (ind->len >= mlen && memcmp(ind->data, margin, (size_t)mlen) == 0) {
            /* deeper than the margin: no change */
        } else if (mlen >= ind->len && memcmp(margin, ind->data, (size_t)ind->len) == 0) {
            margin = ind->data;
            mlen = ind->len;
        } else {
            int32_t k = 0;
            while (k < mlen && k < ind->len && margin[k] == ind->data[k])
                k++;
            mlen = k;
        }
    }
    gs_Object *r = text;
    if (margin && mlen) {
        gs_Buf b;
        gs_buf_init(&b);
        gs_buf_adds(&b, "(?m)^");
        gs_buf_add(&b, margin, (size_t)mlen);
        gs_Object *pat = gs_buf_to_str(vm, &b);
        gs_Object *re = pat ? attr(vm, self, "re") : NULL;
        r = re ? gs_call_method(vm, re, "sub", (gs_Object *[]){ pat, empty, text }, 3) : NULL;
        gs_xdecref(vm, re);
        gs_xdecref(vm, pat);
        gs_decref(vm, text);
    }
    gs_decref(vm, indents);
    gs_decref(vm, empty);
    return r;
}

/* indent(text, prefix, predicate=None): prefix added to the lines the
 * predicate accepts (by default those not all whitespace) */
static gs_Object *m_indent(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "text", "prefix", "predicate" };
    static const gs_PySig sig = { "indent", names, 3, 2, 0, 0 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *text = a[0], *prefix = a[1], *pred = a[2] && a[2] != vm->none ? a[2] : NULL;
    gs_Object *keep = GS_BOOL(vm, true);
    gs_Object *lines = gs_call_method(vm, text, "splitlines", &keep, 1);
    gs_decref(vm, keep);
    if (!lines)
        GS_LIB_FRAMES(vm, f_indent);
    gs_Object *out = lines ? gs_list_new(vm, 0) : NULL;
    gs_Object *it = out ? gs_iter(vm, lines) : NULL;
    gs_xdecref(vm, lines);
    gs_Object *line;
    while (it && (line = gs_next(vm, it)) != NULL) {
        int t;
        if (pred) {
            gs_Object *r = gs_call_object(vm, pred, &line, 1, NULL);
            t = r ? gs_truthy(vm, r) : -1;
            gs_xdecref(vm, r);
        } else
            t = not_blank(vm, line);
        gs_Object *piece = t < 0 ? NULL : t ? gs_binary_op(vm, GS_OP_ADD, prefix, line, false) : gs_newref(vm, line);
        gs_decref(vm, line);
        if (!piece || gs_list_append(vm, out, piece) < 0) {
            gs_xdecref(vm, piece);
            break;
        }
        gs_decref(vm, piece);
    }
    gs_xdecref(vm, it);
    gs_Object *r = out && !vm->exc ? join_all(vm, "", out) : NULL;
    gs_xdecref(vm, out);
    return r;
}

static const gs_MethodDef functions[] = {
    { "wrap", m_wrap, 0, -1, GS_KW },       { "fill", m_fill, 0, -1, GS_KW },
    { "shorten", m_shorten, 0, -1, GS_KW }, { "dedent", m_dedent, 0, -1, GS_KW },
    { "indent", m_indent, 0, -1, GS_KW },   { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module */

/* the patterns, as textwrap.py builds them (its class statement fills
 * word_punct, letter and whitespace into wordsep_re's template) */
#define WS_CLASS "[\\\t\\\n\\\x0b\\\x0c\\\r\\ ]"
#define NWS_CLASS "[^\\\t\\\n\\\x0b\\\x0c\\\r\\ ]"
#define WORD_PUNCT "[\\w!\"\\'&.,?]"
#define LETTER "[^\\d\\W]"
static const char wordsep_pattern[] =
    "\n        ( # any whitespace\n          " WS_CLASS "+\n"
    "        | # em-dash between words\n          (?<=" WORD_PUNCT ") -{2,} (?=\\w)\n"
    "        | # word, possibly hyphenated\n          " NWS_CLASS "+? (?:\n"
    "            # hyphenated word\n              -(?: (?<=" LETTER "{2}-) | (?<=" LETTER "-" LETTER "-))\n"
    "              (?= " LETTER " -? " LETTER ")\n"
    "            | # end of word\n              (?=" WS_CLASS "|\\Z)\n"
    "            | # em-dash\n              (?<=" WORD_PUNCT ") (?=-{2,}\\w)\n"
    "            )\n        )";

/* re.compile(pattern[, flags]) (flags: the name of a re flag, or NULL) */
static gs_Object *compile(gs_VM *vm, gs_Object *re, const char *pattern, const char *flag)
{
    gs_Object *p = gs_str_from_cstr(vm, pattern);
    gs_Object *f = p && flag ? attr(vm, re, flag) : NULL;
    gs_Object *r = p && (f || !flag) ? gs_call_method(vm, re, "compile", (gs_Object *[]){ p, f }, f ? 2 : 1) : NULL;
    gs_xdecref(vm, p);
    gs_xdecref(vm, f);
    return r;
}

static int put(gs_VM *vm, gs_Object *d, const char *name, gs_Object *v)
{
    int r = v ? gs_dict_set(vm, d, &gs_name(vm, name)->ob, v) : -1;
    gs_xdecref(vm, v);
    return r;
}

static const char wrapper_doc[] =
    "\n    Object for wrapping/filling text.  The public interface consists of\n"
    "    the wrap() and fill() methods; the other methods are just there for\n"
    "    subclasses to override in order to tweak the default behaviour.\n"
    "    If you want to completely replace the main wrapping algorithm,\n"
    "    you'll probably have to override _wrap_chunks().\n    ";

/* class TextWrapper: its attributes (the patterns, the translation table), then its methods */
static gs_Object *make_wrapper_class(gs_VM *vm, gs_Object *re)
{
    gs_Object *ns = gs_dict_new(vm);
    if (!ns)
        return NULL;
    /* dict.fromkeys(map(ord, _whitespace), ord(' ')) */
    gs_Object *trans = gs_dict_new(vm);
    for (const char *c = WHITESPACE; trans && *c; c++) {
        gs_Object *k = gs_int_new(vm, (unsigned char)*c), *v = k ? gs_int_new(vm, ' ') : NULL;
        int r = v ? gs_dict_set(vm, trans, k, v) : -1;
        gs_xdecref(vm, k);
        gs_xdecref(vm, v);
        if (r < 0) {
            gs_decref(vm, trans);
            trans = NULL;
        }
    }
    gs_Object *cls = NULL;
    if (put(vm, ns, "__module__", gs_str_from_cstr(vm, "textwrap")) == 0 &&
        put(vm, ns, "__qualname__", gs_str_intern(vm, "TextWrapper", 11)) == 0 &&
        put(vm, ns, "__doc__", gs_str_from_cstr(vm, wrapper_doc)) == 0 &&
        put(vm, ns, "unicode_whitespace_trans", trans) == 0 &&
        put(vm, ns, "wordsep_re", compile(vm, re, wordsep_pattern, "VERBOSE")) == 0 &&
        put(vm, ns, "wordsep_simple_re", compile(vm, re, "(" WS_CLASS "+)", NULL)) == 0 &&
        put(vm, ns, "sentence_end_re", compile(vm, re, "[a-z][\\.\\!\\?][\\\"\\']?\\Z", NULL)) == 0)
        cls = gs_type_new(vm, vm->t_type, gs_name(vm, "TextWrapper"), vm->empty_tuple, ns, NULL, NULL);
    gs_decref(vm, ns);
    if (cls) {
        gs_type_add_methods(vm, (gs_Type *)cls, wrapper_methods);
        gs_type_update_hooks(vm, (gs_Type *)cls);
    }
    return cls;
}

gs_Object *gs_module_textwrap(gs_VM *vm)
{
    bool had_re = gs_module_imported(vm, "re");
    gs_Object *re = gs_import(vm, gs_name(vm, "re"));
    gs_Object *m = re ? gs_module_new(vm, "textwrap") : NULL;
    if (!m) {
        gs_xdecref(vm, re);
        return NULL;
    }
    gs_module_add(vm, m, "__doc__", gs_str_from_cstr(vm, "Text wrapping and filling.\n"));
    gs_module_add(vm, m, "re", gs_newref(vm, re));
    static const char *const all[] = { "TextWrapper", "wrap", "fill", "dedent", "indent", "shorten", NULL };
    gs_module_add(vm, m, "__all__", gs_str_list(vm, all));
    gs_module_add(vm, m, "_whitespace", gs_str_from_cstr(vm, WHITESPACE));
    gs_Object *cls = make_wrapper_class(vm, re);
    gs_Object *ws_only = cls ? compile(vm, re, "^[ \t]+$", "MULTILINE") : NULL;
    gs_Object *leading = ws_only ? compile(vm, re, "(^[ \t]*)(?:[^ \t\n])", "MULTILINE") : NULL;
    gs_decref(vm, re);
    if (!leading || gs_module_add_functions(vm, m, functions) < 0) {
        gs_xdecref(vm, cls);
        gs_xdecref(vm, ws_only);
        gs_xdecref(vm, leading);
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "TextWrapper", cls);
    gs_module_add(vm, m, "_whitespace_only_re", ws_only);
    gs_module_add(vm, m, "_leading_whitespace_re", leading);
    /* CPython runs Lib/textwrap.py: allocations and objects kept,
     * measured with python3.11 after a full collection in a program that
     * had imported re (whose import counts its own), less what the model
     * makes; tuned to gc.get_count() after the import (first or after re) */
    gs_gc_import_footprint(vm, 281 - 44 + (had_re ? -24 : 4), 32 - 25, 0);
    /* and what it leaves on the free lists (its re.compile calls run
     * Lib/re/_parser.py and _compiler.py, which fill them), measured
     * with sys._debugmallocstats(): about the same whatever came before */
    static const int free_tuples[19] = { 5, 110, 2, 3, 2, 5, 0, 3, 6, 3, 1, 2, 1, 0, 3, 1, 1, 3, 2 };
    gs_freelists_after_import(vm, 55, 21, 4, free_tuples, 19);
    return m;
}
