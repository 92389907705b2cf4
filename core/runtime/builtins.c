/*
 * builtins.c — the builtins module, calling types (int(x), list(x), C()),
 * the methods of the built-in types, the sys module and imports.
 *
 * Only gc, sys and weakref can be imported: the runtime has no file,
 * network or process access, so a stranger's scenario is safe to open.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

#define ARGS gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames
#define UNUSED_ARGS GS_UNUSED(self); GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames)

/* ================================================================== argument helpers */

int gs_check_args(gs_VM *vm, const char *name, int nargs, int min, int max)
{
    if (nargs >= min && (max < 0 || nargs <= max))
        return 0;
    if (min == max) {
        if (min == 0)
            gs_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", name, nargs);
        else if (min == 1)
            gs_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", name, nargs);
        else
            gs_raise(vm, vm->e_TypeError, "%s expected %d arguments, got %d", name, min, nargs);
    } else if (nargs < min)
        gs_raise(vm, vm->e_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s",
                 nargs);
    else
        gs_raise(vm, vm->e_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s",
                 nargs);
    return -1;
}

int gs_no_kwargs(gs_VM *vm, const char *name, gs_Tuple *kwnames)
{
    if (!kwnames || kwnames->len == 0)
        return 0;
    gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
    return -1;
}

gs_Object *gs_kwarg(gs_VM *vm, gs_Object **args, int nargs, gs_Tuple *kwnames, const char *name)
{
    GS_UNUSED(vm);
    if (!kwnames)
        return NULL;
    int npos = nargs - kwnames->len;
    for (int i = 0; i < kwnames->len; i++)
        if (strcmp(((gs_Str *)kwnames->items[i])->data, name) == 0)
            return args[npos + i];
    return NULL;
}

static int npos_of(int nargs, gs_Tuple *kwnames) { return nargs - (kwnames ? kwnames->len : 0); }

static int check_kw_allowed(gs_VM *vm, const char *fname, gs_Tuple *kwnames, const char **allowed)
{
    if (!kwnames)
        return 0;
    for (int i = 0; i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        bool ok = false;
        for (const char **a = allowed; *a; a++)
            if (strcmp(*a, k) == 0)
                ok = true;
        if (!ok) {
            gs_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, k);
            return -1;
        }
    }
    return 0;
}

static int as_int(gs_VM *vm, gs_Object *o, int64_t *out)
{
    if (GS_KIND(o) == GS_K_INT) {
        *out = ((gs_Int *)o)->value;
        return 0;
    }
    if (GS_KIND(o) == GS_K_BOOL) {
        *out = o == vm->true_;
        return 0;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(o));
    return -1;
}

/* ================================================================== builtin functions */

/* An Argument Clinic parser (_PyArg_Parser) makes the tuple of its keyword
 * names the first time it parses keywords (for print, with its *args, the
 * first call at all); the tuple lives as long as the process.  gc.get_count()
 * sees it once. */
enum { CLINIC_PRINT, CLINIC_LIST_SORT, CLINIC_STR_SPLIT };

static void clinic_parser_init(gs_VM *vm, int which, int nkeywords)
{
    if (!vm->clinic_kwtuples[which])
        vm->clinic_kwtuples[which] = gs_phantom_alloc(vm, vm->t_tuple, nkeywords);
}

void gs_clinic_free(gs_VM *vm)
{
    for (int i = 0; i < GS_COUNTOF(vm->clinic_kwtuples); i++) {
        gs_phantom_free(vm, vm->clinic_kwtuples[i]);
        vm->clinic_kwtuples[i] = NULL;
    }
}

/* ------------------------------------------------------------------ print and sys.stdout
 * What CPython's print() does that gc.get_count() sees: its *args tuple
 * (STARARGS), its parser's keyword tuple on the first call, and for every
 * piece (each argument, each separator, the end) one PyFile_WriteObject,
 * which fetches the file's bound `write` method (a GC object, freed after
 * the call) and calls it.  TextIOWrapper.write keeps what it is given as
 * pending bytes: the first piece alone, from the second on in a list
 * (PyList_New(2)).  The pending bytes go to the buffer, and the list is
 * freed, when 8192 bytes (the chunk size) are pending, before a piece that
 * would pass that, on flush, and on a line end for sys.stderr, which is
 * line-buffered.  This is CPython with stdout and stderr that are not
 * terminals and without PYTHONUNBUFFERED, as in the tests and the viewer. */
enum { TEXTIO_CHUNK = 8192 };

void gs_textio_flush(gs_VM *vm, int which)
{
    gs_phantom_free(vm, vm->textio[which].list);
    vm->textio[which].list = NULL;
    vm->textio[which].pending = false;
    vm->textio[which].bytes = 0;
}

static void textio_write(gs_VM *vm, int which, const char *s, size_t n)
{
    if (vm->textio[which].bytes + (int64_t)n > TEXTIO_CHUNK)
        gs_textio_flush(vm, which);
    if (!vm->textio[which].pending)
        vm->textio[which].pending = true;
    else if (!vm->textio[which].list)
        vm->textio[which].list = gs_phantom_alloc(vm, vm->t_list, 0);
    vm->textio[which].bytes += (int64_t)n;
    if (vm->textio[which].bytes >= TEXTIO_CHUNK || (which == 1 && (memchr(s, '\n', n) || memchr(s, '\r', n))))
        gs_textio_flush(vm, which);
}

/* One PyFile_WriteObject of `piece` (a str, or NULL: the str() of `obj`),
 * added to b.  -1 if str() failed. */
static int print_piece(gs_VM *vm, int which, gs_Buf *b, gs_Object *obj, const char *piece, size_t n)
{
    gs_Object *writer = gs_phantom_alloc(vm, vm->t_builtin, 0); /* file.write, bound */
    gs_Object *s = NULL;
    if (!piece) {
        s = gs_str(vm, obj);
        if (!s) {
            gs_phantom_free(vm, writer);
            return -1;
        }
        piece = ((gs_Str *)s)->data;
        n = (size_t)((gs_Str *)s)->len;
    }
    gs_buf_add(b, piece, n);
    textio_write(vm, which, piece, n);
    gs_xdecref(vm, s);
    gs_phantom_free(vm, writer);
    return 0;
}

static gs_Object *b_print(ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "sep", "end", "file", "flush", NULL };
    if (check_kw_allowed(vm, "print", kwnames, allowed) < 0)
        return NULL;
    int npos = npos_of(nargs, kwnames);
    clinic_parser_init(vm, CLINIC_PRINT, 4); /* sep, end, file, flush */
    gs_Object *sep = gs_kwarg(vm, args, nargs, kwnames, "sep");
    gs_Object *end = gs_kwarg(vm, args, nargs, kwnames, "end");
    if (sep && sep != vm->none && GS_KIND(sep) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "sep must be None or a string, not %s", gs_type_name(sep));
        return NULL;
    }
    if (end && end != vm->none && GS_KIND(end) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "end must be None or a string, not %s", gs_type_name(end));
        return NULL;
    }
    gs_Object *file = gs_kwarg(vm, args, nargs, kwnames, "file");
    bool to_err = false;
    if (file && file != vm->none) {
        gs_Object *se = vm->sys_module ? gs_dict_get_str(vm, &((gs_Module *)vm->sys_module)->dict->ob, gs_name(vm, "stderr")) : NULL;
        to_err = se && file == se;
    }
    gs_Object *flush = gs_kwarg(vm, args, nargs, kwnames, "flush");
    int which = to_err ? 1 : 0;
    gs_Buf b;
    gs_buf_init(&b);
    int failed = 0;
    for (int i = 0; i < npos && !failed; i++) {
        if (i) {
            bool has_sep = sep && sep != vm->none;
            print_piece(vm, which, &b, NULL, has_sep ? ((gs_Str *)sep)->data : " ",
                        has_sep ? (size_t)((gs_Str *)sep)->len : 1);
        }
        failed = print_piece(vm, which, &b, args[i], NULL, 0);
    }
    if (!failed) {
        bool has_end = end && end != vm->none;
        print_piece(vm, which, &b, NULL, has_end ? ((gs_Str *)end)->data : "\n",
                    has_end ? (size_t)((gs_Str *)end)->len : 1);
    }
    if (b.oom) {
        gs_buf_free(&b);
        if (!failed)
            gs_raise_memory(vm);
        return NULL;
    }
    /* what was written before a failing str() stays written, as in CPython */
    if (to_err)
        gs_write_err(vm, b.data ? b.data : "", b.len);
    else if (b.len || !failed)
        gs_write_out(vm, b.data ? b.data : "", b.len);
    gs_buf_free(&b);
    if (failed)
        return NULL;
    if (flush) {
        int t = gs_truthy(vm, flush);
        if (t < 0)
            return NULL;
        if (t)
            gs_textio_flush(vm, which);
    }
    return GS_NONE(vm);
}

static gs_Object *b_len(ARGS)
{
    UNUSED_ARGS;
    int64_t n = gs_len(vm, args[0]);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *b_repr(ARGS) { UNUSED_ARGS; return gs_repr(vm, args[0]); }
static gs_Object *b_ascii(ARGS) { UNUSED_ARGS; return gs_repr(vm, args[0]); }

static gs_Object *b_id(ARGS)
{
    UNUSED_ARGS;
    extern unsigned long long gs_object_address(gs_Object *);
    unsigned long long a = (args[0]->gcflags & GS_GC_STATIC) ? 0x7f1e00000000ULL + ((uintptr_t)args[0] & 0xffffff)
                                                             : gs_object_address(args[0]);
    return gs_int_new(vm, (int64_t)a);
}

static gs_Object *b_hex_oct_bin(gs_VM *vm, gs_Object *o, int base)
{
    int64_t v;
    if (as_int(vm, o, &v) < 0)
        return NULL;
    char buf[80];
    char *p = buf + sizeof buf;
    *--p = 0;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        int d = (int)(m % (uint64_t)base);
        *--p = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        m /= (uint64_t)base;
    } while (m);
    *--p = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    *--p = '0';
    if (v < 0)
        *--p = '-';
    return gs_str_from_cstr(vm, p);
}

static gs_Object *b_hex(ARGS) { UNUSED_ARGS; return b_hex_oct_bin(vm, args[0], 16); }
static gs_Object *b_oct(ARGS) { UNUSED_ARGS; return b_hex_oct_bin(vm, args[0], 8); }
static gs_Object *b_bin(ARGS) { UNUSED_ARGS; return b_hex_oct_bin(vm, args[0], 2); }

static gs_Object *b_abs(ARGS)
{
    UNUSED_ARGS;
    gs_Object *o = args[0];
    if (GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL) {
        int64_t v = GS_KIND(o) == GS_K_INT ? ((gs_Int *)o)->value : o == vm->true_;
        if (v == INT64_MIN) {
            gs_raise(vm, vm->e_OverflowError, "integer result too large (gcscope's ints are 64-bit)");
            return NULL;
        }
        return gs_int_new(vm, v < 0 ? -v : v);
    }
    if (GS_KIND(o) == GS_K_FLOAT)
        return gs_float_new(vm, fabs(((gs_Float *)o)->value));
    gs_Object *m = GS_KIND(o) == GS_K_INSTANCE ? gs_type_lookup(o->type, gs_name(vm, "__abs__")) : NULL;
    if (m)
        return gs_call_object(vm, m, &o, 1, NULL);
    gs_raise(vm, vm->e_TypeError, "bad operand type for abs(): '%s'", gs_type_name(o));
    return NULL;
}

static gs_Object *b_isinstance(ARGS)
{
    UNUSED_ARGS;
    gs_Object *cls = args[1];
    if (GS_KIND(cls) == GS_K_TUPLE) {
        gs_Tuple *t = (gs_Tuple *)cls;
        if (vm->native_depth >= GS_NATIVE_DEPTH_MAX) { /* (((int,),),) 100,000 deep */
            gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded in __instancecheck__");
            return NULL;
        }
        vm->native_depth++;
        for (int32_t i = 0; i < t->len; i++) {
            gs_Object *r = b_isinstance(vm, NULL, (gs_Object *[]){ args[0], t->items[i] }, 2, NULL);
            if (!r || r == vm->true_) {
                vm->native_depth--;
                return r;
            }
            gs_decref(vm, r);
        }
        vm->native_depth--;
        return GS_BOOL(vm, false);
    }
    if (GS_KIND(cls) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return NULL;
    }
    return GS_BOOL(vm, gs_isinstance(args[0], (gs_Type *)cls));
}

static gs_Object *b_issubclass(ARGS)
{
    UNUSED_ARGS;
    if (GS_KIND(args[0]) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    gs_Object *cls = args[1];
    if (GS_KIND(cls) == GS_K_TUPLE) {
        gs_Tuple *t = (gs_Tuple *)cls;
        for (int32_t i = 0; i < t->len; i++)
            if (GS_KIND(t->items[i]) == GS_K_TYPE && gs_issubtype((gs_Type *)args[0], (gs_Type *)t->items[i]))
                return GS_BOOL(vm, true);
        return GS_BOOL(vm, false);
    }
    if (GS_KIND(cls) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return NULL;
    }
    return GS_BOOL(vm, gs_issubtype((gs_Type *)args[0], (gs_Type *)cls));
}

static gs_Object *b_hasattr(ARGS)
{
    UNUSED_ARGS;
    if (GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[1]));
        return NULL;
    }
    gs_Object *v = gs_lookup_attr(vm, args[0], (gs_Str *)args[1]);
    if (v) {
        gs_decref(vm, v);
        return GS_BOOL(vm, true);
    }
    if (!vm->exc)
        return GS_BOOL(vm, false);
    if (gs_exc_matches(vm, vm->e_AttributeError)) {
        gs_clear_exc(vm);
        return GS_BOOL(vm, false);
    }
    return NULL;
}

static gs_Object *b_getattr(ARGS)
{
    UNUSED_ARGS;
    if (GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[1]));
        return NULL;
    }
    if (nargs < 3)
        return gs_getattr(vm, args[0], (gs_Str *)args[1]);
    gs_Object *v = gs_lookup_attr(vm, args[0], (gs_Str *)args[1]);
    if (!v && !vm->exc)
        return gs_newref(vm, args[2]);
    if (!v && gs_exc_matches(vm, vm->e_AttributeError)) {
        gs_clear_exc(vm);
        return gs_newref(vm, args[2]);
    }
    return v;
}

static gs_Object *b_setattr(ARGS)
{
    UNUSED_ARGS;
    if (GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[1]));
        return NULL;
    }
    if (gs_setattr(vm, args[0], (gs_Str *)args[1], args[2]) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *b_delattr(ARGS)
{
    UNUSED_ARGS;
    if (GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[1]));
        return NULL;
    }
    if (gs_setattr(vm, args[0], (gs_Str *)args[1], NULL) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *b_iter(ARGS) { UNUSED_ARGS; return gs_iter(vm, args[0]); }

static gs_Object *b_next(ARGS)
{
    UNUSED_ARGS;
    gs_Object *it = args[0];
    if (GS_KIND(it) != GS_K_ITER && GS_KIND(it) != GS_K_GENERATOR && !gs_type_lookup(it->type, vm->s___next__)) {
        gs_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", gs_type_name(it));
        return NULL;
    }
    gs_Object *v = gs_next(vm, it);
    if (v || vm->exc)
        return v;
    if (nargs == 2)
        return gs_newref(vm, args[1]);
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, NULL));
    return NULL;
}

static gs_Object *min_max_of(gs_VM *vm, gs_Object **args, int npos, gs_Object *key, gs_Object *dflt, int op,
                             const char *name);

static gs_Object *min_max(gs_VM *vm, gs_Object **args, int nargs, gs_Tuple *kwnames, int op, const char *name)
{
    static const char *allowed[] = { "key", "default", NULL };
    if (check_kw_allowed(vm, name, kwnames, allowed) < 0)
        return NULL;
    int npos = npos_of(nargs, kwnames);
    gs_Object *key = gs_kwarg(vm, args, nargs, kwnames, "key");
    gs_Object *dflt = gs_kwarg(vm, args, nargs, kwnames, "default");
    if (key == vm->none)
        key = NULL;
    if (npos == 0) {
        gs_raise(vm, vm->e_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    /* METH_VARARGS | METH_KEYWORDS in 3.11: the arguments come in a tuple (with
     * several, the very tuple iterated below) and the keywords in a dict */
    gs_Object *argt = npos == 1 ? gs_phantom_alloc(vm, vm->t_tuple, 1) : NULL;
    gs_Object *kwd = kwnames && kwnames->len ? gs_phantom_alloc(vm, vm->t_dict, 0) : NULL;
    gs_Object *r = min_max_of(vm, args, npos, key, dflt, op, name);
    gs_phantom_free(vm, argt);
    gs_phantom_free(vm, kwd);
    return r;
}

static gs_Object *min_max_of(gs_VM *vm, gs_Object **args, int npos, gs_Object *key, gs_Object *dflt, int op,
                             const char *name)
{
    gs_Object *it;
    if (npos == 1)
        it = gs_iter(vm, args[0]);
    else {
        if (dflt) {
            gs_raise(vm, vm->e_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
            return NULL;
        }
        gs_Object *t = gs_tuple_new(vm, npos);
        if (!t)
            return NULL;
        for (int i = 0; i < npos; i++)
            gs_tuple_init(vm, t, i, gs_newref(vm, args[i]));
        it = gs_iter(vm, t);
        gs_decref(vm, t);
    }
    if (!it)
        return NULL;
    gs_Object *best = NULL, *bestkey = NULL;
    for (;;) {
        gs_Object *v = gs_next(vm, it);
        if (!v)
            break;
        gs_Object *k = key ? gs_call_object(vm, key, &v, 1, NULL) : gs_newref(vm, v);
        if (!k) {
            gs_decref(vm, v);
            goto fail;
        }
        if (!best) {
            best = v;
            bestkey = k;
            continue;
        }
        gs_Object *c = gs_compare(vm, op, k, bestkey);
        if (!c) {
            gs_decref(vm, v);
            gs_decref(vm, k);
            goto fail;
        }
        int t = gs_truthy(vm, c);
        gs_decref(vm, c);
        if (t) {
            gs_decref(vm, best);
            gs_decref(vm, bestkey);
            best = v;
            bestkey = k;
        } else {
            gs_decref(vm, v);
            gs_decref(vm, k);
        }
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_xdecref(vm, best);
        gs_xdecref(vm, bestkey);
        return NULL;
    }
    if (!best) {
        if (dflt)
            return gs_newref(vm, dflt);
        gs_raise(vm, vm->e_ValueError, "%s() arg is an empty sequence", name);
        return NULL;
    }
    gs_decref(vm, bestkey);
    return best;
fail:
    gs_decref(vm, it);
    gs_xdecref(vm, best);
    gs_xdecref(vm, bestkey);
    return NULL;
}

static gs_Object *b_min(ARGS) { GS_UNUSED(self); return min_max(vm, args, nargs, kwnames, 0 /* < */, "min"); }
static gs_Object *b_max(ARGS) { GS_UNUSED(self); return min_max(vm, args, nargs, kwnames, 4 /* > */, "max"); }

static gs_Object *b_sum(ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "start", NULL };
    if (check_kw_allowed(vm, "sum", kwnames, allowed) < 0)
        return NULL;
    int npos = npos_of(nargs, kwnames);
    if (gs_check_args(vm, "sum", npos, 1, 2) < 0)
        return NULL;
    gs_Object *start = npos == 2 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "start");
    if (start && GS_KIND(start) == GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        return NULL;
    }
    gs_Object *acc = start ? gs_newref(vm, start) : gs_int_new(vm, 0);
    gs_Object *it = gs_iter(vm, args[0]);
    if (!it) {
        gs_decref(vm, acc);
        return NULL;
    }
    for (;;) {
        gs_Object *v = gs_next(vm, it);
        if (!v)
            break;
        gs_Object *r = gs_binary_op(vm, 0, acc, v, false);
        gs_decref(vm, v);
        gs_decref(vm, acc);
        if (!r) {
            gs_decref(vm, it);
            return NULL;
        }
        acc = r;
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_decref(vm, acc);
        return NULL;
    }
    return acc;
}

static gs_Object *iter_wrap(gs_VM *vm, gs_IterKind k, gs_Object *inner, gs_Object *extra)
{
    gs_Object *it = gs_iter_new(vm, k, inner);
    if (!it)
        return NULL;
    if (extra) {
        ((gs_Iter *)it)->extra = extra;
        gs_incref(vm, extra);
        gs_record_field(vm, it, 1, NULL, extra);
    }
    return it;
}

static gs_Object *b_enumerate(ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "start", NULL };
    if (check_kw_allowed(vm, "enumerate", kwnames, allowed) < 0)
        return NULL;
    int npos = npos_of(nargs, kwnames);
    if (gs_check_args(vm, "enumerate", npos, 1, 2) < 0)
        return NULL;
    gs_Object *st = npos == 2 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "start");
    int64_t start = 0;
    if (st && as_int(vm, st, &start) < 0)
        return NULL;
    gs_Object *inner = gs_iter(vm, args[0]);
    if (!inner)
        return NULL;
    gs_Object *it = iter_wrap(vm, GS_IT_ENUMERATE, inner, NULL);
    gs_decref(vm, inner);
    if (it) {
        ((gs_Iter *)it)->index = start;
        if (gs_iter_prime_result(vm, it, 2) < 0) {
            gs_decref(vm, it);
            return NULL;
        }
    }
    return it;
}

static gs_Object *iters_tuple(gs_VM *vm, gs_Object **args, int n)
{
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++) {
        gs_Object *it = gs_iter(vm, args[i]);
        if (!it) {
            for (int j = i; j < n; j++)
                gs_tuple_init(vm, t, j, GS_NONE(vm));
            gs_decref(vm, t);
            return NULL;
        }
        gs_tuple_init(vm, t, i, it);
    }
    return t;
}

static gs_Object *b_zip(ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "zip", kwnames) < 0)
        return NULL;
    gs_Object *t = iters_tuple(vm, args, nargs);
    if (!t)
        return NULL;
    gs_Object *it = iter_wrap(vm, GS_IT_ZIP, t, NULL);
    gs_decref(vm, t);
    if (it && nargs > 0 && gs_iter_prime_result(vm, it, nargs) < 0) {
        gs_decref(vm, it);
        return NULL;
    }
    return it;
}

static gs_Object *b_map(ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "map", kwnames) < 0)
        return NULL;
    if (nargs < 2) {
        gs_raise(vm, vm->e_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    gs_Object *t = iters_tuple(vm, args + 1, nargs - 1);
    if (!t)
        return NULL;
    gs_Object *it = iter_wrap(vm, GS_IT_MAP, t, args[0]);
    gs_decref(vm, t);
    return it;
}

static gs_Object *b_filter(ARGS)
{
    UNUSED_ARGS;
    gs_Object *inner = gs_iter(vm, args[1]);
    if (!inner)
        return NULL;
    gs_Object *it = iter_wrap(vm, GS_IT_FILTER, inner, args[0]);
    gs_decref(vm, inner);
    return it;
}

static gs_Object *b_reversed(ARGS)
{
    UNUSED_ARGS;
    gs_Object *o = args[0];
    /* reversed_new: a __reversed__ (list, dict, range have one) is looked up
     * bound, a GC object freed after the call */
    gs_Object *m = GS_KIND(o) == GS_K_INSTANCE ? gs_type_lookup(o->type, gs_name(vm, "__reversed__")) : NULL;
    gs_Kind k = GS_KIND(o);
    bool bound = m || k == GS_K_LIST || k == GS_K_DICT || k == GS_K_RANGE;
    gs_Object *meth = bound ? gs_phantom_alloc(vm, vm->t_builtin, 0) : NULL;
    gs_Object *r = m ? gs_call_object(vm, m, &o, 1, NULL) : gs_reversed(vm, o);
    gs_phantom_free(vm, meth);
    return r;
}

static int sort_list(gs_VM *vm, gs_Object *l, gs_Object *key, bool reverse);

static gs_Object *b_sorted(ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "key", "reverse", NULL };
    if (check_kw_allowed(vm, "sorted", kwnames, allowed) < 0)
        return NULL;
    int npos = npos_of(nargs, kwnames);
    if (npos != 1) {
        gs_raise(vm, vm->e_TypeError, "sorted expected 1 argument, got %d", npos);
        return NULL;
    }
    gs_Object *key = gs_kwarg(vm, args, nargs, kwnames, "key");
    gs_Object *rev = gs_kwarg(vm, args, nargs, kwnames, "reverse");
    int r = rev ? gs_truthy(vm, rev) : 0;
    if (r < 0)
        return NULL;
    gs_Object *l = gs_list_from_iterable(vm, args[0]);
    if (!l)
        return NULL;
    /* CPython calls the new list's sort: a bound method, with the keywords */
    gs_Object *sort = gs_phantom_alloc(vm, vm->t_builtin, 0);
    if (kwnames && kwnames->len)
        clinic_parser_init(vm, CLINIC_LIST_SORT, 2);
    int st = sort_list(vm, l, key == vm->none ? NULL : key, r);
    gs_phantom_free(vm, sort);
    if (st < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    return l;
}

static gs_Object *b_any_all(gs_VM *vm, gs_Object *o, bool any)
{
    gs_Object *it = gs_iter(vm, o);
    if (!it)
        return NULL;
    for (;;) {
        gs_Object *v = gs_next(vm, it);
        if (!v)
            break;
        int t = gs_truthy(vm, v);
        gs_decref(vm, v);
        if (t < 0) {
            gs_decref(vm, it);
            return NULL;
        }
        if (t == any) {
            gs_decref(vm, it);
            return GS_BOOL(vm, any);
        }
    }
    gs_decref(vm, it);
    if (vm->exc)
        return NULL;
    return GS_BOOL(vm, !any);
}

static gs_Object *b_any(ARGS) { UNUSED_ARGS; return b_any_all(vm, args[0], true); }
static gs_Object *b_all(ARGS) { UNUSED_ARGS; return b_any_all(vm, args[0], false); }

static gs_Object *b_callable(ARGS)
{
    UNUSED_ARGS;
    gs_Kind k = GS_KIND(args[0]);
    bool c = k == GS_K_FUNCTION || k == GS_K_BUILTIN || k == GS_K_METHOD || k == GS_K_TYPE ||
             ((k == GS_K_INSTANCE || k == GS_K_EXCEPTION) && gs_type_lookup(args[0]->type, vm->s___call__));
    return GS_BOOL(vm, c);
}

static gs_Object *b_chr(ARGS)
{
    UNUSED_ARGS;
    int64_t v = 0;
    if (as_int(vm, args[0], &v) < 0)
        return NULL;
    if (v < 0 || v > 0x10ffff) {
        gs_raise(vm, vm->e_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    char u[5];
    int n;
    uint32_t c = (uint32_t)v;
    if (c < 0x80) { u[0] = (char)c; n = 1; }
    else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) { u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); n = 3; }
    else { u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F)); u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); n = 4; }
    return gs_str_new(vm, u, (size_t)n);
}

static gs_Object *b_ord(ARGS)
{
    UNUSED_ARGS;
    gs_Object *o = args[0];
    if (GS_KIND(o) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "ord() expected string of length 1, but %s found", gs_type_name(o));
        return NULL;
    }
    gs_Str *s = (gs_Str *)o;
    if (s->nchars != 1) {
        gs_raise(vm, vm->e_TypeError, "ord() expected a character, but string of length %d found", s->nchars);
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)s->data;
    uint32_t c = p[0];
    if (c >= 0xF0) c = ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    else if (c >= 0xE0) c = ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else if (c >= 0xC0) c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    return gs_int_new(vm, c);
}

static gs_Object *b_divmod(ARGS)
{
    UNUSED_ARGS;
    gs_Object *q = gs_binary_op(vm, 5 /* // */, args[0], args[1], false);
    if (!q)
        return NULL;
    gs_Object *r = gs_binary_op(vm, 6 /* % */, args[0], args[1], false);
    if (!r) {
        gs_decref(vm, q);
        return NULL;
    }
    gs_Object *t = gs_tuple_new(vm, 2);
    if (!t) {
        gs_decref(vm, q);
        gs_decref(vm, r);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, q);
    gs_tuple_init(vm, t, 1, r);
    return t;
}

static gs_Object *b_pow(ARGS)
{
    UNUSED_ARGS;
    if (nargs == 3 && args[2] != vm->none) {
        int64_t b = 0, e = 0, m = 0;
        if (as_int(vm, args[0], &b) < 0 || as_int(vm, args[1], &e) < 0 || as_int(vm, args[2], &m) < 0)
            return NULL;
        if (m == 0) {
            gs_raise(vm, vm->e_ValueError, "pow() 3rd argument cannot be 0");
            return NULL;
        }
        if (e < 0) {
            gs_raise(vm, vm->e_ValueError, "base is not invertible for the given modulus");
            return NULL;
        }
        __int128 r = 1, x = ((b % m) + m) % m;
        while (e) {
            if (e & 1)
                r = (r * x) % m;
            x = (x * x) % m;
            e >>= 1;
        }
        int64_t res = (int64_t)r;
        if (res != 0 && ((res < 0) != (m < 0)))
            res += m;
        return gs_int_new(vm, res);
    }
    return gs_binary_op(vm, 7, args[0], args[1], false);
}

static gs_Object *b_round(ARGS)
{
    UNUSED_ARGS;
    gs_Object *o = args[0];
    int64_t nd = 0;
    bool have_nd = nargs == 2 && args[1] != vm->none;
    if (have_nd && as_int(vm, args[1], &nd) < 0)
        return NULL;
    if (GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL) {
        int64_t v = GS_KIND(o) == GS_K_INT ? ((gs_Int *)o)->value : o == vm->true_;
        if (!have_nd || nd >= 0)
            return gs_int_new(vm, v);
        int64_t p = 1;
        for (int64_t i = 0; i < -nd && p < INT64_MAX / 10; i++)
            p *= 10;
        int64_t q = v / p, r = v % p;
        if (r < 0) { r += p; q--; }
        if (2 * r > p || (2 * r == p && (q & 1)))
            q++;
        return gs_int_new(vm, q * p);
    }
    if (GS_KIND(o) == GS_K_FLOAT) {
        double d = ((gs_Float *)o)->value;
        if (!have_nd) {
            double r = nearbyint(d);
            if (isnan(d) || isinf(d)) {
                gs_raise(vm, isnan(d) ? vm->e_ValueError : vm->e_OverflowError,
                         isnan(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
                return NULL;
            }
            return gs_int_new(vm, (int64_t)r);
        }
        if (nd < 0) {
            /* round to tens, hundreds...: half to even like CPython */
            double p = pow(10.0, (double)-nd);
            if (isinf(p))
                return gs_float_new(vm, copysign(0.0, d));
            double q = d / p, r = nearbyint(q);
            return gs_float_new(vm, r * p);
        }
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)(nd > 300 ? 300 : nd), d);
        return gs_float_new(vm, strtod(buf, NULL));
    }
    gs_raise(vm, vm->e_TypeError, "type %s doesn't define __round__ method", gs_type_name(o));
    return NULL;
}

static gs_Object *b_hash(ARGS)
{
    UNUSED_ARGS;
    int64_t h = gs_hash(vm, args[0]);
    return h == -1 ? NULL : gs_int_new(vm, h);
}

static gs_Object *b_globals(ARGS)
{
    UNUSED_ARGS;
    return gs_newref(vm, vm->frame ? vm->frame->globals : &((gs_Module *)vm->main_module)->dict->ob);
}

static gs_Object *b_vars(ARGS)
{
    UNUSED_ARGS;
    if (nargs == 0)
        return b_globals(vm, self, args, nargs, kwnames);
    gs_Object *o = args[0];
    if (GS_KIND(o) == GS_K_INSTANCE || GS_KIND(o) == GS_K_EXCEPTION) {
        gs_Object *d = gs_instance_dict(vm, o);
        return d ? gs_newref(vm, d) : NULL;
    }
    if (GS_KIND(o) == GS_K_MODULE)
        return gs_newref(vm, &((gs_Module *)o)->dict->ob);
    if (GS_KIND(o) == GS_K_TYPE && ((gs_Type *)o)->dict)
        return gs_dict_copy(vm, &((gs_Type *)o)->dict->ob);
    gs_raise(vm, vm->e_TypeError, "vars() argument must have __dict__ attribute");
    return NULL;
}

static gs_Object *b_dir(ARGS)
{
    UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    gs_Object *seen = gs_dict_new(vm);
    if (!seen) {
        gs_decref(vm, l);
        return NULL;
    }
    gs_Object *o = nargs ? args[0] : NULL;
    if (!o) {
        gs_Object *g = vm->frame ? (vm->frame->locals ? vm->frame->locals : vm->frame->globals) : NULL;
        if (g)
            gs_dict_update(vm, seen, g);
    } else {
        gs_Kind k = GS_KIND(o);
        if (k == GS_K_INSTANCE || k == GS_K_EXCEPTION) {
            gs_Instance *in = (gs_Instance *)o;
            gs_DictTable *t = in->dict ? &in->dict->t : &in->attrs;
            for (int32_t i = 0; i < t->nentries; i++)
                if (t->entries[i].key)
                    gs_dict_set(vm, seen, t->entries[i].key, vm->none);
        }
        if (k == GS_K_MODULE)
            gs_dict_update(vm, seen, &((gs_Module *)o)->dict->ob);
        else
            for (gs_Type *t = k == GS_K_TYPE ? (gs_Type *)o : o->type; t; t = t->base)
                if (t->dict)
                    gs_dict_update(vm, seen, &t->dict->ob);
    }
    int32_t pos = 0;
    gs_Object *k, *v;
    while (gs_dict_next(seen, &pos, &k, &v))
        gs_list_append(vm, l, k);
    gs_decref(vm, seen);
    if (sort_list(vm, l, NULL, false) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    return l;
}

static gs_Object *b_format(ARGS)
{
    UNUSED_ARGS;
    gs_Object *spec = nargs > 1 ? args[1] : vm->empty_str;
    if (GS_KIND(spec) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "format() argument 2 must be str, not %s", gs_type_name(spec));
        return NULL;
    }
    return gs_format(vm, args[0], spec);
}

static gs_Object *b_build_class(ARGS)
{
    GS_UNUSED(self);
    extern gs_Object *gs_vm_run_class_body(gs_VM *, gs_Object *, gs_Object *);
    int npos = npos_of(nargs, kwnames);
    if (npos < 2 || GS_KIND(args[0]) != GS_K_FUNCTION || GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "__build_class__: bad arguments");
        return NULL;
    }
    if (npos > 3) {
        gs_raise(vm, vm->e_TypeError, "gcscope supports single inheritance only");
        return NULL;
    }
    gs_Type *base = vm->t_object;
    if (npos == 3) {
        if (GS_KIND(args[2]) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "bases must be types");
            return NULL;
        }
        base = (gs_Type *)args[2];
    }
    gs_Object *ns = gs_dict_new(vm);
    if (!ns)
        return NULL;
    gs_Object *r = gs_vm_run_class_body(vm, args[0], ns);
    if (!r) {
        gs_decref(vm, ns);
        return NULL;
    }
    gs_decref(vm, r);
    gs_Object *cls = gs_class_new(vm, (gs_Str *)args[1], base, ns);
    gs_decref(vm, ns);
    return cls;
}

static gs_Object *wrap_descriptor(gs_VM *vm, gs_Type *t, gs_Object *fn)
{
    gs_Cell *c = (gs_Cell *)gs_alloc(vm, t, sizeof(gs_Cell));
    if (!c)
        return NULL;
    c->ref = gs_newref(vm, fn);
    gs_record_fields(vm, &c->ob);
    gs_gc_track(vm, &c->ob);
    return &c->ob;
}


/* super() and super(cls, obj).  With no arguments the class is the one
 * whose namespace holds the running function (CPython finds it through the
 * __class__ cell; the answer is the same) and obj is its first argument. */
static gs_Object *b_super(ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    gs_Object *cls = NULL, *obj = NULL;
    if (nargs == 2) {
        cls = args[0];
        obj = args[1];
        if (GS_KIND(cls) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "super() argument 1 must be a type, not %s", gs_type_name(cls));
            return NULL;
        }
    } else if (nargs == 0) {
        gs_Frame *f = vm->frame;
        if (!f || !(f->code->flags & GS_CO_OPTIMIZED) || f->code->argcount < 1) {
            gs_raise(vm, vm->e_RuntimeError, "super(): no arguments");
            return NULL;
        }
        obj = f->localsplus[0];
        if (!obj) {
            for (int i = 0; i < f->code->ncells; i++)
                if (f->code->cell2arg[i] == 0)
                    obj = ((gs_Cell *)f->localsplus[f->code->nlocals + i])->ref;
        }
        if (!obj) {
            gs_raise(vm, vm->e_RuntimeError, "super(): arg[0] deleted");
            return NULL;
        }
        gs_Type *t = GS_KIND(obj) == GS_K_TYPE ? (gs_Type *)obj : obj->type;
        for (; t; t = t->base) {
            if (!t->dict)
                continue;
            int32_t pos = 0;
            gs_Object *k, *v;
            while (gs_dict_next(&t->dict->ob, &pos, &k, &v)) {
                gs_Object *fn = v;
                if (GS_KIND(fn) == GS_K_CLASSMETHOD || GS_KIND(fn) == GS_K_STATICMETHOD || GS_KIND(fn) == GS_K_PROPERTY)
                    fn = ((gs_Cell *)fn)->ref;
                if (GS_KIND(fn) == GS_K_FUNCTION && ((gs_Function *)fn)->code == f->code) {
                    cls = &t->ob;
                    break;
                }
            }
            if (cls)
                break;
        }
        if (!cls) {
            gs_raise(vm, vm->e_RuntimeError, "super(): __class__ cell not found");
            return NULL;
        }
    } else {
        gs_raise(vm, vm->e_TypeError, "super() takes 0 or 2 arguments (%d given)", nargs);
        return NULL;
    }
    gs_Method *sp = (gs_Method *)gs_alloc(vm, vm->t_super, sizeof(gs_Method));
    if (!sp)
        return NULL;
    sp->func = gs_newref(vm, cls);
    sp->self = gs_newref(vm, obj);
    gs_gc_track(vm, &sp->ob);
    return &sp->ob;
}

/* BaseException.__init__(self, *args): args become self.args */
static gs_Object *m_exc_init(ARGS)
{
    GS_UNUSED(kwnames);
    if (GS_KIND(self) != GS_K_EXCEPTION)
        return GS_NONE(vm);
    gs_Object *t = gs_tuple_new(vm, nargs);
    if (!t)
        return NULL;
    for (int i = 0; i < nargs; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, args[i]));
    gs_Exception *e = (gs_Exception *)self;
    gs_Object *old = &e->args->ob;
    e->args = (gs_Tuple *)t;
    gs_record_field(vm, self, 10, old, t);
    gs_decref(vm, old);
    return GS_NONE(vm);
}

static gs_Object *b_open(ARGS)
{
    UNUSED_ARGS;
    gs_raise(vm, vm->e_RuntimeError, "gcscope programs have no file access: open() is not available");
    return NULL;
}

static gs_Object *b_input(ARGS)
{
    UNUSED_ARGS;
    gs_raise(vm, vm->e_RuntimeError, "gcscope programs cannot read input: input() is not available");
    return NULL;
}

/* ================================================================== calling types */

static gs_Object *int_from(gs_VM *vm, gs_Object *o, gs_Object *base_obj)
{
    int64_t base = 10;
    if (base_obj) {
        if (as_int(vm, base_obj, &base) < 0)
            return NULL;
        if (GS_KIND(o) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "int() can't convert non-string with explicit base");
            return NULL;
        }
        if (base != 0 && (base < 2 || base > 36)) {
            gs_raise(vm, vm->e_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
    }
    switch (GS_KIND(o)) {
    case GS_K_INT: return gs_newref(vm, o);
    case GS_K_BOOL: return gs_int_new(vm, o == vm->true_);
    case GS_K_FLOAT: {
        double d = ((gs_Float *)o)->value;
        if (isnan(d)) {
            gs_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer");
            return NULL;
        }
        if (isinf(d)) {
            gs_raise(vm, vm->e_OverflowError, "cannot convert float infinity to integer");
            return NULL;
        }
        if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) {
            gs_raise(vm, vm->e_OverflowError, "integer result too large (gcscope's ints are 64-bit)");
            return NULL;
        }
        return gs_int_new(vm, (int64_t)d);
    }
    case GS_K_STR: {
        gs_Str *s = (gs_Str *)o;
        int64_t v;
        int r = gs_int_from_str(vm, s->data, (size_t)s->len, (int)base, &v);
        if (r == -2) {
            gs_raise(vm, vm->e_OverflowError, "integer result too large (gcscope's ints are 64-bit)");
            return NULL;
        }
        if (r < 0) {
            gs_Object *rep = gs_repr(vm, o);
            if (!rep)
                return NULL;
            gs_raise(vm, vm->e_ValueError, "invalid literal for int() with base %d: %s", (int)base,
                     ((gs_Str *)rep)->data);
            gs_decref(vm, rep);
            return NULL;
        }
        return gs_int_new(vm, v);
    }
    case GS_K_INSTANCE: {
        gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__int__"));
        if (!m)
            m = gs_type_lookup(o->type, gs_name(vm, "__index__"));
        if (m)
            return gs_call_object(vm, m, &o, 1, NULL);
        break;
    }
    default: break;
    }
    gs_raise(vm, vm->e_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
             gs_type_name(o));
    return NULL;
}

static gs_Object *float_from(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_FLOAT: return gs_newref(vm, o);
    case GS_K_INT: return gs_float_new(vm, (double)((gs_Int *)o)->value);
    case GS_K_BOOL: return gs_float_new(vm, o == vm->true_);
    case GS_K_STR: {
        gs_Str *s = (gs_Str *)o;
        char buf[128];
        const char *p = s->data;
        size_t n = (size_t)s->len;
        while (n && isspace((unsigned char)*p)) { p++; n--; }
        while (n && isspace((unsigned char)p[n - 1])) n--;
        size_t j = 0;
        for (size_t i = 0; i < n && j < sizeof buf - 1; i++)
            if (p[i] != '_')
                buf[j++] = p[i];
        buf[j] = 0;
        char *end;
        double d = strtod(buf, &end);
        bool ok = j > 0 && *end == 0 && n < sizeof buf - 1;
        if (ok) {
            /* strtod accepts hex and "infinity"; CPython accepts inf/nan words too */
            if (strchr(buf, 'x') || strchr(buf, 'X'))
                ok = false;
        }
        if (!ok) {
            gs_Object *rep = gs_repr(vm, o);
            if (!rep)
                return NULL;
            gs_raise(vm, vm->e_ValueError, "could not convert string to float: %s", ((gs_Str *)rep)->data);
            gs_decref(vm, rep);
            return NULL;
        }
        return gs_float_new(vm, d);
    }
    default:
        gs_raise(vm, vm->e_TypeError, "float() argument must be a string or a real number, not '%s'", gs_type_name(o));
        return NULL;
    }
}

static gs_Object *call_type(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    int npos = npos_of(nargs, kwnames);
    const char *tn = t->name->data;
    if (t->flags & GS_TF_HEAP) {
        /* a user class: allocate, then __init__ */
        gs_Object *obj = gs_instance_new(vm, t);
        if (!obj)
            return NULL;
        if (t->flags & GS_TF_EXC) {
            /* BaseException.__new__ keeps the positional arguments as args */
            gs_Exception *e = (gs_Exception *)obj;
            gs_Object *a = gs_tuple_new(vm, npos);
            if (!a) {
                gs_decref(vm, obj);
                return NULL;
            }
            for (int i = 0; i < npos; i++)
                gs_tuple_init(vm, a, i, gs_newref(vm, args[i]));
            gs_Object *old = &e->args->ob;
            e->args = (gs_Tuple *)a;
            gs_record_field(vm, obj, 10, old, a);
            gs_decref(vm, old);
        }
        gs_Object *init = gs_type_lookup(t, vm->s___init__);
        if (init && GS_KIND(init) == GS_K_FUNCTION) {
            gs_Object *argv[nargs + 1];
            argv[0] = obj;
            for (int i = 0; i < nargs; i++)
                argv[i + 1] = args[i];
            gs_Object *r = gs_call_object(vm, init, argv, nargs + 1, kwnames);
            if (!r) {
                gs_decref(vm, obj);
                return NULL;
            }
            if (r != vm->none) {
                gs_raise(vm, vm->e_TypeError, "__init__() should return None, not '%s'", gs_type_name(r));
                gs_decref(vm, r);
                gs_decref(vm, obj);
                return NULL;
            }
            gs_decref(vm, r);
        } else if (t->flags & GS_TF_EXC) {
            gs_Exception *e = (gs_Exception *)obj;
            gs_Object *a = gs_tuple_new(vm, npos);
            if (!a) {
                gs_decref(vm, obj);
                return NULL;
            }
            for (int i = 0; i < npos; i++)
                gs_tuple_init(vm, a, i, gs_newref(vm, args[i]));
            gs_Object *old = &e->args->ob;
            e->args = (gs_Tuple *)a;
            gs_record_field(vm, obj, 10, old, a);
            gs_decref(vm, old);
        } else if (nargs > 0) {
            gs_raise(vm, vm->e_TypeError, "%s() takes no arguments", tn);
            gs_decref(vm, obj);
            return NULL;
        }
        return obj;
    }
    if (t->dict) {
        /* built-in types made elsewhere (weakref.ref, ...) construct through a C __new__ */
        gs_Object *ctor = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, "__new__"));
        if (ctor && GS_KIND(ctor) == GS_K_BUILTIN)
            return ((gs_Builtin *)ctor)->fn(vm, &t->ob, args, nargs, kwnames);
    }
    if (t->flags & GS_TF_EXC) {
        if (kwnames && kwnames->len) {
            gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", tn);
            return NULL;
        }
        gs_Object *a = gs_tuple_new(vm, npos);
        if (!a)
            return NULL;
        for (int i = 0; i < npos; i++)
            gs_tuple_init(vm, a, i, gs_newref(vm, args[i]));
        return gs_exception_new(vm, t, a);
    }
    if (t == vm->t_type) {
        if (nargs == 1)
            return gs_newref(vm, &args[0]->type->ob);
        if (nargs == 3) {
            if (GS_KIND(args[0]) != GS_K_STR || GS_KIND(args[1]) != GS_K_TUPLE || GS_KIND(args[2]) != GS_K_DICT) {
                gs_raise(vm, vm->e_TypeError, "type() argument types are wrong");
                return NULL;
            }
            gs_Tuple *bases = (gs_Tuple *)args[1];
            gs_Type *base = bases->len ? (gs_Type *)bases->items[0] : vm->t_object;
            return gs_class_new(vm, (gs_Str *)args[0], base, args[2]);
        }
        gs_raise(vm, vm->e_TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    if (kwnames && kwnames->len && t != vm->t_dict && t != vm->t_int) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", tn);
        return NULL;
    }
    if (t == vm->t_int) {
        gs_Object *base = gs_kwarg(vm, args, nargs, kwnames, "base");
        if (npos == 0)
            return gs_int_new(vm, 0);
        if (npos > 2) {
            gs_raise(vm, vm->e_TypeError, "int() takes at most 2 arguments (%d given)", npos);
            return NULL;
        }
        return int_from(vm, args[0], npos == 2 ? args[1] : base);
    }
    if (t == vm->t_object) {
        if (nargs) {
            gs_raise(vm, vm->e_TypeError, "object() takes no arguments");
            return NULL;
        }
        gs_Object *o = gs_alloc(vm, vm->t_object, sizeof(gs_Instance));
        if (o)
            o->kind = GS_K_INSTANCE;
        return o;
    }
    if (gs_check_args(vm, tn, npos, 0, (t == vm->t_range || t == vm->t_slice) ? 3 : 1) < 0)
        return NULL;
    gs_Object *a0 = npos ? args[0] : NULL;
    if (t == vm->t_str)
        return a0 ? gs_str(vm, a0) : gs_newref(vm, vm->empty_str);
    if (t == vm->t_bool) {
        if (!a0)
            return GS_BOOL(vm, false);
        int r = gs_truthy(vm, a0);
        return r < 0 ? NULL : GS_BOOL(vm, r);
    }
    if (t == vm->t_float)
        return a0 ? float_from(vm, a0) : gs_float_new(vm, 0.0);
    if (t == vm->t_list) {
        gs_Object *l = gs_list_new_fresh(vm);
        if (l && a0 && gs_list_extend(vm, l, a0) < 0) {
            gs_decref(vm, l);
            return NULL;
        }
        return l;
    }
    if (t == vm->t_tuple)
        return a0 ? gs_tuple_from_iterable(vm, a0) : gs_newref(vm, vm->empty_tuple);
    if (t == vm->t_set || t == vm->t_frozenset)
        return gs_set_from_iterable(vm, t == vm->t_frozenset, a0);
    if (t == vm->t_dict) {
        gs_Object *d = gs_dict_new_fresh(vm);
        if (!d)
            return NULL;
        if (a0 && gs_dict_update(vm, d, a0) < 0) {
            gs_decref(vm, d);
            return NULL;
        }
        for (int i = 0; kwnames && i < kwnames->len; i++)
            if (gs_dict_set(vm, d, kwnames->items[i], args[npos + i]) < 0) {
                gs_decref(vm, d);
                return NULL;
            }
        return d;
    }
    if (t == vm->t_range) {
        int64_t v[3] = { 0, 0, 1 };
        for (int i = 0; i < npos; i++)
            if (as_int(vm, args[i], &v[i]) < 0)
                return NULL;
        if (npos == 0) {
            gs_raise(vm, vm->e_TypeError, "range expected at least 1 argument, got 0");
            return NULL;
        }
        if (npos == 1)
            return gs_range_new(vm, 0, v[0], 1);
        if (v[2] == 0) {
            gs_raise(vm, vm->e_ValueError, "range() arg 3 must not be zero");
            return NULL;
        }
        return gs_range_new(vm, v[0], v[1], npos == 3 ? v[2] : 1);
    }
    if (t == vm->t_slice) {
        if (npos < 1 || npos > 3) {
            gs_raise(vm, vm->e_TypeError, "slice expected at least 1 argument, got %d", npos);
            return NULL;
        }
        gs_Slice *sl = (gs_Slice *)gs_alloc(vm, vm->t_slice, sizeof(gs_Slice));
        if (!sl)
            return NULL;
        sl->start = gs_newref(vm, npos >= 2 ? args[0] : vm->none);
        sl->stop = gs_newref(vm, npos >= 2 ? args[1] : args[0]);
        sl->step = gs_newref(vm, npos == 3 ? args[2] : vm->none);
        gs_gc_track(vm, &sl->ob);
        return &sl->ob;
    }
    if (t == vm->t_property || t == vm->t_staticmethod || t == vm->t_classmethod) {
        if (!a0) {
            gs_raise(vm, vm->e_TypeError, "%s() takes exactly one argument", tn);
            return NULL;
        }
        return wrap_descriptor(vm, t, a0);
    }
    gs_raise(vm, vm->e_TypeError, "cannot create '%s' instances", tn);
    return NULL;
}

/* MethodDef.kw and FnDef.kw: */
enum {
    KW = 1,       /* takes keyword arguments */
    VARARGS = 2,  /* CPython 3.11 declares it METH_VARARGS (or is a type without vectorcall):
                     a tuple of the positional arguments, a dict of the keywords */
    STARARGS = 4, /* Argument Clinic's *args (print): a tuple of the positional arguments */
};

gs_Object *gs_call(gs_VM *vm, gs_Object *callable, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    switch (GS_KIND(callable)) {
    case GS_K_BUILTIN: {
        gs_Builtin *b = (gs_Builtin *)callable;
        gs_Object *self = b->self;
        if (b->owner && !self) {
            /* an unbound method: the receiver is the first argument */
            if (nargs < 1 || !gs_isinstance(args[0], b->owner)) {
                gs_raise(vm, vm->e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                         b->name, b->owner->name->data, nargs ? gs_type_name(args[0]) : "NoneType");
                return NULL;
            }
            self = args[0];
            args++;
            nargs--;
        }
        int npos = npos_of(nargs, kwnames);
        if (!b->takes_kw && kwnames && kwnames->len) {
            if (b->owner)
                gs_raise(vm, vm->e_TypeError, "%s.%s() takes no keyword arguments", b->owner->name->data, b->name);
            else
                gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", b->name);
            return NULL;
        }
        if (npos < b->min_args || (b->max_args >= 0 && npos > b->max_args)) {
            char full[128];
            if (b->owner)
                snprintf(full, sizeof full, "%s.%s", b->owner->name->data, b->name);
            else
                snprintf(full, sizeof full, "%s", b->name);
            if (b->min_args == b->max_args && b->min_args == 1)
                gs_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", full, npos);
            else if (b->min_args == b->max_args && b->min_args == 0)
                gs_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", full, npos);
            else if (npos < b->min_args)
                gs_raise(vm, vm->e_TypeError, "%s expected at least %d argument%s, got %d", b->owner ? b->name : full,
                         b->min_args, b->min_args == 1 ? "" : "s", npos);
            else
                gs_raise(vm, vm->e_TypeError, "%s expected at most %d argument%s, got %d", b->owner ? b->name : full,
                         b->max_args, b->max_args == 1 ? "" : "s", npos);
            return NULL;
        }
        if (!b->varargs)
            return b->fn(vm, self, args, nargs, kwnames);
        /* METH_VARARGS: CPython packs the arguments in a tuple (and the keywords in a dict) */
        gs_Object *argt = npos ? gs_phantom_alloc(vm, vm->t_tuple, npos) : NULL;
        gs_Object *kwd = (b->varargs & VARARGS) && kwnames && kwnames->len ? gs_phantom_alloc(vm, vm->t_dict, 0)
                                                                          : NULL;
        gs_Object *r = b->fn(vm, self, args, nargs, kwnames);
        gs_phantom_free(vm, argt);
        gs_phantom_free(vm, kwd);
        return r;
    }
    case GS_K_TYPE: {
        /* CPython packs the arguments of some type calls: gc.get_count() sees it */
        gs_PhantomCall pc;
        gs_phantom_call_begin(vm, (gs_Type *)callable, npos_of(nargs, kwnames), kwnames ? kwnames->len : 0, &pc);
        gs_Object *r = call_type(vm, (gs_Type *)callable, args, nargs, kwnames);
        gs_phantom_call_end(vm, &pc);
        return r;
    }
    case GS_K_FUNCTION:
    case GS_K_METHOD: return gs_call_object(vm, callable, args, nargs, kwnames);
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: {
        gs_Object *m = gs_type_lookup(callable->type, vm->s___call__);
        if (m) {
            gs_Object *argv[nargs + 1];
            argv[0] = callable;
            for (int i = 0; i < nargs; i++)
                argv[i + 1] = args[i];
            /* an instance has no vectorcall: _PyObject_MakeTpCall packs the
             * arguments in a tuple and the keywords in a dict for slot_tp_call */
            int npos = npos_of(nargs, kwnames);
            gs_Object *argt = npos ? gs_phantom_alloc(vm, vm->t_tuple, npos) : NULL;
            gs_Object *kwd = kwnames && kwnames->len ? gs_phantom_alloc(vm, vm->t_dict, 0) : NULL;
            /* ... and slot_tp_call's _PyStack_UnpackDict turns the dict back into a
             * tuple of names for the call */
            gs_Object *names = kwd ? gs_phantom_alloc(vm, vm->t_tuple, kwnames->len) : NULL;
            gs_Object *r = gs_call_object(vm, m, argv, nargs + 1, kwnames);
            gs_phantom_free(vm, names);
            gs_phantom_free(vm, argt);
            gs_phantom_free(vm, kwd);
            return r;
        }
        break;
    }
    default: {
        /* built-in types with a C __call__ (weakref.ref) */
        gs_Object *m = gs_type_lookup(callable->type, vm->s___call__);
        if (m && GS_KIND(m) == GS_K_BUILTIN) {
            gs_Object *argv[nargs + 1];
            argv[0] = callable;
            for (int i = 0; i < nargs; i++)
                argv[i + 1] = args[i];
            return gs_call(vm, m, argv, nargs + 1, kwnames);
        }
        break;
    }
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object is not callable", gs_type_name(callable));
    return NULL;
}

/* ================================================================== sorting (stable merge sort) */

typedef struct SortItem {
    gs_Object *key;
    gs_Object *value;
} SortItem;

static int sort_less(gs_VM *vm, gs_Object *a, gs_Object *b, int *lt)
{
    gs_Object *r = gs_compare(vm, 0, a, b);
    if (!r)
        return -1;
    *lt = gs_truthy(vm, r);
    gs_decref(vm, r);
    return *lt < 0 ? -1 : 0;
}

static int merge_sort(gs_VM *vm, SortItem *a, SortItem *tmp, size_t n)
{
    if (n < 2)
        return 0;
    size_t h = n / 2;
    if (merge_sort(vm, a, tmp, h) < 0 || merge_sort(vm, a + h, tmp, n - h) < 0)
        return -1;
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        int lt;
        if (sort_less(vm, a[j].key, a[i].key, &lt) < 0)
            return -1;
        tmp[k++] = lt ? a[j++] : a[i++];
    }
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
    return 0;
}

/* CPython's timsort on fewer than 64 items: one natural run (count_run),
 * then binary insertion of the rest.  Same comparisons in the same order,
 * so a comparison that fails names the same two types. */
static int small_sort(gs_VM *vm, SortItem *a, size_t n)
{
    if (n < 2)
        return 0;
    size_t run = 2;
    int lt;
    if (sort_less(vm, a[1].key, a[0].key, &lt) < 0)
        return -1;
    if (lt) {
        while (run < n) {
            if (sort_less(vm, a[run].key, a[run - 1].key, &lt) < 0)
                return -1;
            if (!lt)
                break;
            run++;
        }
        for (size_t i = 0; i < run / 2; i++) {
            SortItem t = a[i];
            a[i] = a[run - 1 - i];
            a[run - 1 - i] = t;
        }
    } else {
        while (run < n) {
            if (sort_less(vm, a[run].key, a[run - 1].key, &lt) < 0)
                return -1;
            if (lt)
                break;
            run++;
        }
    }
    for (size_t start = run; start < n; start++) {
        SortItem pivot = a[start];
        size_t l = 0, r = start;
        do {
            size_t p = l + ((r - l) >> 1);
            if (sort_less(vm, pivot.key, a[p].key, &lt) < 0)
                return -1;
            if (lt)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        memmove(&a[l + 1], &a[l], (start - l) * sizeof *a);
        a[l] = pivot;
    }
    return 0;
}

static int sort_list(gs_VM *vm, gs_Object *lo, gs_Object *key, bool reverse)
{
    gs_List *l = (gs_List *)lo;
    size_t n = (size_t)l->len;
    if (n < 2)
        return 0;
    SortItem *items = malloc(n * sizeof *items);
    SortItem *tmp = malloc(n * sizeof *tmp);
    if (!items || !tmp) {
        free(items);
        free(tmp);
        gs_raise_memory(vm);
        return -1;
    }
    /* take the items out (CPython empties the list while sorting) */
    gs_Object **saved = l->items;
    int32_t saved_len = l->len, saved_cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    if (vm->recording) /* the trace sees it empty too (the references stay counted) */
        for (int32_t i = saved_len - 1; i >= 0; i--)
            gs_record(vm, GS_EV_LIST_REMOVE, GS_CAUSE_SLOT, lo->id, saved[i]->id, 0, (uint32_t)i);
    int rc = 0;
    size_t nkeys = 0;
    for (size_t i = 0; i < n; i++) {
        items[i].value = saved[i];
        if (key) {
            items[i].key = gs_call_object(vm, key, &saved[i], 1, NULL);
            if (!items[i].key) {
                rc = -1;
                break;
            }
            nkeys++;
        } else
            items[i].key = saved[i];
    }
    if (rc == 0 && reverse)
        for (size_t i = 0; i < n / 2; i++) {
            SortItem t = items[i];
            items[i] = items[n - 1 - i];
            items[n - 1 - i] = t;
        }
    if (rc == 0)
        rc = n < 64 ? small_sort(vm, items, n) : merge_sort(vm, items, tmp, n);
    if (rc == 0 && reverse)
        for (size_t i = 0; i < n / 2; i++) {
            SortItem t = items[i];
            items[i] = items[n - 1 - i];
            items[n - 1 - i] = t;
        }
    bool modified = l->items != NULL;
    if (rc == 0)
        for (size_t i = 0; i < n; i++)
            saved[i] = items[i].value;
    if (key)
        for (size_t i = 0; i < nkeys; i++)
            gs_decref(vm, items[i].key);
    free(items);
    free(tmp);
    if (modified) {
        gs_list_clear(vm, lo);
        if (rc == 0) {
            gs_raise(vm, vm->e_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    l->items = saved;
    l->len = saved_len;
    l->cap = saved_cap;
    if (vm->recording)
        for (int32_t i = 0; i < l->len; i++)
            gs_record(vm, GS_EV_LIST_INSERT, GS_CAUSE_SLOT, lo->id, 0, l->items[i]->id, (uint32_t)i);
    return rc;
}

/* ================================================================== list methods */

#define SELF_LIST ((gs_List *)self)

static gs_Object *m_list_append(ARGS) { UNUSED_ARGS; return gs_list_append(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }
static gs_Object *m_list_extend(ARGS) { UNUSED_ARGS; return gs_list_extend(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }
static gs_Object *m_list_clear(ARGS) { UNUSED_ARGS; gs_list_clear(vm, self); return GS_NONE(vm); }
static gs_Object *m_list_copy(ARGS) { UNUSED_ARGS; return gs_list_from_iterable(vm, self); }

static gs_Object *m_list_insert(ARGS)
{
    UNUSED_ARGS;
    int64_t i = 0;
    if (as_int(vm, args[0], &i) < 0)
        return NULL;
    return gs_list_insert(vm, self, i, args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *m_list_pop(ARGS)
{
    UNUSED_ARGS;
    int64_t i = -1;
    if (nargs && as_int(vm, args[0], &i) < 0)
        return NULL;
    return gs_list_pop(vm, self, i);
}

static int64_t seq_index(gs_VM *vm, gs_Object *seq, gs_Object *v, int64_t start, int64_t stop)
{
    for (int64_t i = start;; i++) {
        int32_t n = GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->len : ((gs_Tuple *)seq)->len;
        if (i >= n || i >= stop)
            return -1;
        gs_Object *x = GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->items[i] : ((gs_Tuple *)seq)->items[i];
        gs_incref(vm, x);
        int eq = gs_equal(vm, x, v);
        gs_decref(vm, x);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
}

static gs_Object *m_list_remove(ARGS)
{
    UNUSED_ARGS;
    int64_t i = seq_index(vm, self, args[0], 0, INT64_MAX);
    if (i == -2)
        return NULL;
    if (i < 0) {
        gs_raise(vm, vm->e_ValueError, "list.remove(x): x not in list");
        return NULL;
    }
    return gs_list_delitem(vm, self, i) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *m_seq_index(ARGS)
{
    UNUSED_ARGS;
    int32_t len = GS_KIND(self) == GS_K_LIST ? SELF_LIST->len : ((gs_Tuple *)self)->len;
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 1 && as_int(vm, args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && as_int(vm, args[2], &stop) < 0)
        return NULL;
    if (start < 0) { start += len; if (start < 0) start = 0; }
    if (stop < 0) { stop += len; if (stop < 0) stop = 0; }
    int64_t i = seq_index(vm, self, args[0], start, stop);
    if (i == -2)
        return NULL;
    if (i < 0) {
        if (GS_KIND(self) == GS_K_LIST) {
            gs_Object *r = gs_repr(vm, args[0]);
            if (!r)
                return NULL;
            gs_raise(vm, vm->e_ValueError, "%s is not in list", ((gs_Str *)r)->data);
            gs_decref(vm, r);
        } else
            gs_raise(vm, vm->e_ValueError, "tuple.index(x): x not in tuple");
        return NULL;
    }
    return gs_int_new(vm, i);
}

static gs_Object *m_seq_count(ARGS)
{
    UNUSED_ARGS;
    int64_t c = 0;
    for (int64_t i = 0;; i++) {
        int32_t n = GS_KIND(self) == GS_K_LIST ? SELF_LIST->len : ((gs_Tuple *)self)->len;
        if (i >= n)
            break;
        gs_Object *x = GS_KIND(self) == GS_K_LIST ? SELF_LIST->items[i] : ((gs_Tuple *)self)->items[i];
        gs_incref(vm, x);
        int eq = gs_equal(vm, x, args[0]);
        gs_decref(vm, x);
        if (eq < 0)
            return NULL;
        c += eq;
    }
    return gs_int_new(vm, c);
}

static gs_Object *m_list_reverse(ARGS)
{
    UNUSED_ARGS;
    gs_List *l = SELF_LIST;
    for (int32_t i = 0; i < l->len / 2; i++) {
        gs_Object *t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    if (vm->recording) /* slot i held what slot len-1-i holds now */
        for (int32_t i = 0; i < l->len; i++)
            if (l->items[i] != l->items[l->len - 1 - i])
                gs_record(vm, GS_EV_REF_SET, GS_CAUSE_SLOT, self->id, l->items[l->len - 1 - i]->id, l->items[i]->id,
                          (uint32_t)i);
    return GS_NONE(vm);
}

static gs_Object *m_list_sort(ARGS)
{
    static const char *allowed[] = { "key", "reverse", NULL };
    if (check_kw_allowed(vm, "sort", kwnames, allowed) < 0)
        return NULL;
    if (npos_of(nargs, kwnames) > 0) {
        gs_raise(vm, vm->e_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    if (kwnames && kwnames->len)
        clinic_parser_init(vm, CLINIC_LIST_SORT, 2); /* key, reverse */
    gs_Object *key = gs_kwarg(vm, args, nargs, kwnames, "key");
    gs_Object *rev = gs_kwarg(vm, args, nargs, kwnames, "reverse");
    int r = rev ? gs_truthy(vm, rev) : 0;
    if (r < 0)
        return NULL;
    if (sort_list(vm, self, key == vm->none ? NULL : key, r) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* ================================================================== dict methods */

static gs_Object *m_dict_get(ARGS)
{
    UNUSED_ARGS;
    gs_Object *v = gs_dict_get(vm, self, args[0]);
    if (v)
        return gs_newref(vm, v);
    if (vm->exc)
        return NULL;
    return gs_newref(vm, nargs > 1 ? args[1] : vm->none);
}

static gs_Object *dict_view(gs_VM *vm, gs_Object *d, gs_Type *t)
{
    gs_Iter *v = (gs_Iter *)gs_alloc(vm, t, sizeof(gs_Iter));
    if (!v)
        return NULL;
    v->ob.kind = GS_K_ITER;
    v->ikind = GS_IT_CALL; /* a view, not an iterator: gs_next refuses it */
    v->seq = gs_newref(vm, d);
    gs_record_fields(vm, &v->ob);
    gs_gc_track(vm, &v->ob);
    return &v->ob;
}

static gs_Object *m_dict_keys(ARGS) { UNUSED_ARGS; return dict_view(vm, self, vm->t_dict_keys); }
static gs_Object *m_dict_values(ARGS) { UNUSED_ARGS; return dict_view(vm, self, vm->t_dict_values); }
static gs_Object *m_dict_items(ARGS) { UNUSED_ARGS; return dict_view(vm, self, vm->t_dict_items); }

static gs_Object *m_dict_pop(ARGS)
{
    UNUSED_ARGS;
    gs_Object *v = gs_dict_pop(vm, self, args[0]);
    if (v || vm->exc)
        return v;
    if (nargs > 1)
        return gs_newref(vm, args[1]);
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, args[0])));
    return NULL;
}

static gs_Object *m_dict_popitem(ARGS)
{
    UNUSED_ARGS;
    gs_Dict *d = (gs_Dict *)self;
    for (int32_t i = d->t.nentries - 1; i >= 0; i--) {
        gs_DictEntry *e = &d->t.entries[i];
        if (!e->key)
            continue;
        gs_Object *t = gs_tuple_pack(vm, 2, e->key, e->value);
        if (!t)
            return NULL;
        gs_table_delete_at(vm, self, &d->t, i);
        return t;
    }
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, gs_str_from_cstr(vm, "popitem(): dictionary is empty"))));
    return NULL;
}

static gs_Object *m_dict_setdefault(ARGS)
{
    UNUSED_ARGS;
    gs_Object *v = gs_dict_get(vm, self, args[0]);
    if (v)
        return gs_newref(vm, v);
    if (vm->exc)
        return NULL;
    gs_Object *d = nargs > 1 ? args[1] : vm->none;
    if (gs_dict_set(vm, self, args[0], d) < 0)
        return NULL;
    return gs_newref(vm, d);
}

static gs_Object *m_dict_update(ARGS)
{
    int npos = npos_of(nargs, kwnames);
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "update expected at most 1 argument, got %d", npos);
        return NULL;
    }
    if (npos == 1 && gs_dict_update(vm, self, args[0]) < 0)
        return NULL;
    for (int i = 0; kwnames && i < kwnames->len; i++)
        if (gs_dict_set(vm, self, kwnames->items[i], args[npos + i]) < 0)
            return NULL;
    return GS_NONE(vm);
}

static gs_Object *m_dict_clear(ARGS) { UNUSED_ARGS; gs_dict_clear(vm, self); return GS_NONE(vm); }
static gs_Object *m_dict_copy(ARGS) { UNUSED_ARGS; return gs_dict_copy(vm, self); }

/* ================================================================== set methods */

static gs_Object *m_set_add(ARGS) { UNUSED_ARGS; return gs_set_add(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }

static gs_Object *m_set_discard(ARGS) { UNUSED_ARGS; return gs_set_discard(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }

static gs_Object *m_set_remove(ARGS) { UNUSED_ARGS; return gs_set_remove(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }

static gs_Object *m_set_pop(ARGS) { UNUSED_ARGS; return gs_set_pop(vm, self); }

static gs_Object *m_set_clear(ARGS) { UNUSED_ARGS; gs_set_clear(vm, self); return GS_NONE(vm); }

static gs_Object *m_set_union(ARGS) { GS_UNUSED(kwnames); return gs_set_union(vm, self, args, nargs); }
static gs_Object *m_set_intersection(ARGS) { GS_UNUSED(kwnames); return gs_set_intersection(vm, self, args, nargs); }
static gs_Object *m_set_difference(ARGS) { GS_UNUSED(kwnames); return gs_set_difference(vm, self, args, nargs); }
static gs_Object *m_set_symmetric_difference(ARGS)
{
    UNUSED_ARGS;
    return gs_set_symmetric_difference(vm, self, args[0]);
}

static gs_Object *m_set_update(ARGS)
{
    GS_UNUSED(kwnames);
    for (int i = 0; i < nargs; i++)
        if (gs_set_update(vm, self, args[i]) < 0)
            return NULL;
    return GS_NONE(vm);
}
static gs_Object *m_set_intersection_update(ARGS)
{
    GS_UNUSED(kwnames);
    return gs_set_intersection_update(vm, self, args, nargs) < 0 ? NULL : GS_NONE(vm);
}
static gs_Object *m_set_difference_update(ARGS)
{
    GS_UNUSED(kwnames);
    return gs_set_difference_update(vm, self, args, nargs) < 0 ? NULL : GS_NONE(vm);
}
static gs_Object *m_set_symmetric_difference_update(ARGS)
{
    UNUSED_ARGS;
    return gs_set_symmetric_difference_update(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *set_truth(gs_VM *vm, int r) { return r < 0 ? NULL : GS_BOOL(vm, r); }

static gs_Object *m_set_issubset(ARGS) { UNUSED_ARGS; return set_truth(vm, gs_set_issubset(vm, self, args[0])); }
static gs_Object *m_set_issuperset(ARGS) { UNUSED_ARGS; return set_truth(vm, gs_set_issuperset(vm, self, args[0])); }
static gs_Object *m_set_isdisjoint(ARGS) { UNUSED_ARGS; return set_truth(vm, gs_set_isdisjoint(vm, self, args[0])); }
static gs_Object *m_set_copy(ARGS) { UNUSED_ARGS; return gs_set_copy(vm, self); }

/* ================================================================== str methods */

#define S ((gs_Str *)self)

static gs_Object *m_str_upper_lower(gs_VM *vm, gs_Object *self, bool upper)
{
    gs_Str *s = S;
    if (s->nchars != s->len)
        return gs_str_case(vm, s, upper);
    char *buf = malloc((size_t)s->len + 1);
    if (!buf) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        buf[i] = (char)(c < 128 ? (upper ? toupper(c) : tolower(c)) : c);
    }
    gs_Object *r = gs_str_new(vm, buf, (size_t)s->len);
    free(buf);
    return r;
}

static gs_Object *m_str_upper(ARGS) { UNUSED_ARGS; return m_str_upper_lower(vm, self, true); }
static gs_Object *m_str_lower(ARGS) { UNUSED_ARGS; return m_str_upper_lower(vm, self, false); }

static gs_Object *m_str_capitalize(ARGS)
{
    UNUSED_ARGS;
    gs_Object *l = m_str_upper_lower(vm, self, false);
    if (!l || ((gs_Str *)l)->len == 0)
        return l;
    gs_Str *ls = (gs_Str *)l;
    char *buf = malloc((size_t)ls->len + 1);
    if (!buf) {
        gs_decref(vm, l);
        gs_raise_memory(vm);
        return NULL;
    }
    memcpy(buf, ls->data, (size_t)ls->len);
    buf[0] = (char)toupper((unsigned char)buf[0]);
    gs_Object *r = gs_str_new(vm, buf, (size_t)ls->len);
    free(buf);
    gs_decref(vm, l);
    return r;
}

static gs_Object *m_str_title(ARGS)
{
    UNUSED_ARGS;
    gs_Str *s = S;
    char *buf = malloc((size_t)s->len + 1);
    if (!buf) {
        gs_raise_memory(vm);
        return NULL;
    }
    bool prev_cased = false;
    for (int32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (isalpha(c)) {
            buf[i] = (char)(prev_cased ? tolower(c) : toupper(c));
            prev_cased = true;
        } else {
            buf[i] = (char)c;
            prev_cased = false;
        }
    }
    gs_Object *r = gs_str_new(vm, buf, (size_t)s->len);
    free(buf);
    return r;
}

static gs_Object *m_str_join(ARGS)
{
    UNUSED_ARGS;
    /* a list or tuple is used as it is (CPython's PySequence_Fast) */
    bool seqarg = GS_KIND(args[0]) == GS_K_LIST || GS_KIND(args[0]) == GS_K_TUPLE;
    gs_Object *seq = seqarg ? gs_newref(vm, args[0]) : gs_list_from_iterable(vm, args[0]);
    if (!seq)
        return NULL;
    bool tup = GS_KIND(seq) == GS_K_TUPLE;
    gs_Object **items = tup ? ((gs_Tuple *)seq)->items : ((gs_List *)seq)->items;
    int32_t n = tup ? ((gs_Tuple *)seq)->len : ((gs_List *)seq)->len;
    /* the result's size first, as CPython does: past the heap it is a MemoryError at once */
    size_t total = n > 1 ? (size_t)(n - 1) * (size_t)S->len : 0;
    for (int32_t i = 0; i < n; i++)
        if (GS_KIND(items[i]) == GS_K_STR)
            total += (size_t)((gs_Str *)items[i])->len;
    if (total > vm->heap_limit || total >= INT32_MAX) {
        gs_decref(vm, seq);
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    for (int32_t i = 0; i < n; i++) {
        if (GS_KIND(items[i]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "sequence item %d: expected str instance, %s found", i,
                     gs_type_name(items[i]));
            gs_buf_free(&b);
            gs_decref(vm, seq);
            return NULL;
        }
        if (i)
            gs_buf_add(&b, S->data, (size_t)S->len);
        gs_buf_add(&b, ((gs_Str *)items[i])->data, (size_t)((gs_Str *)items[i])->len);
    }
    if (n == 1 && items[0]->type == vm->t_str) {
        gs_Object *r = gs_newref(vm, items[0]);
        gs_buf_free(&b);
        gs_decref(vm, seq);
        return r;
    }
    gs_decref(vm, seq);
    return gs_buf_to_str(vm, &b);
}

static bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f; }

static gs_Object *strip_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, int which)
{
    gs_Str *s = S;
    const char *chars = NULL;
    int32_t nchars = 0;
    if (nargs && args[0] != vm->none) {
        if (GS_KIND(args[0]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "strip arg must be None or str");
            return NULL;
        }
        chars = ((gs_Str *)args[0])->data;
        nchars = ((gs_Str *)args[0])->len;
    }
    int32_t i = 0, j = s->len;
#define STRIPPABLE(c) (chars ? memchr(chars, (c), (size_t)nchars) != NULL : is_ws((unsigned char)(c)))
    if (which & 1)
        while (i < j && STRIPPABLE(s->data[i]))
            i++;
    if (which & 2)
        while (j > i && STRIPPABLE(s->data[j - 1]))
            j--;
#undef STRIPPABLE
    if (i == 0 && j == s->len)
        return gs_newref(vm, self);
    return gs_str_new(vm, s->data + i, (size_t)(j - i));
}

static gs_Object *m_str_strip(ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 3); }
static gs_Object *m_str_lstrip(ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 1); }
static gs_Object *m_str_rstrip(ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 2); }

static gs_Object *m_str_split(ARGS)
{
    static const char *allowed[] = { "sep", "maxsplit", NULL };
    if (check_kw_allowed(vm, "split", kwnames, allowed) < 0)
        return NULL;
    if (kwnames && kwnames->len)
        clinic_parser_init(vm, CLINIC_STR_SPLIT, 2); /* sep, maxsplit */
    int npos = npos_of(nargs, kwnames);
    gs_Object *sep = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "sep");
    gs_Object *ms = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "maxsplit");
    int64_t maxsplit = -1;
    if (ms && as_int(vm, ms, &maxsplit) < 0)
        return NULL;
    gs_Str *s = S;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    if (!sep || sep == vm->none) {
        int32_t i = 0;
        while (i < s->len) {
            while (i < s->len && is_ws((unsigned char)s->data[i]))
                i++;
            if (i >= s->len)
                break;
            int32_t j = i;
            if (maxsplit == 0) {
                j = s->len;
                while (j > i && is_ws((unsigned char)s->data[j - 1]))
                    j--;
            } else
                while (j < s->len && !is_ws((unsigned char)s->data[j]))
                    j++;
            gs_Object *p = gs_str_new(vm, s->data + i, (size_t)(j - i));
            if (!p || gs_list_append(vm, l, p) < 0) {
                gs_xdecref(vm, p);
                gs_decref(vm, l);
                return NULL;
            }
            gs_decref(vm, p);
            if (maxsplit > 0)
                maxsplit--;
            i = j;
        }
        return l;
    }
    if (GS_KIND(sep) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "must be str or None, not %s", gs_type_name(sep));
        gs_decref(vm, l);
        return NULL;
    }
    gs_Str *sp = (gs_Str *)sep;
    if (sp->len == 0) {
        gs_raise(vm, vm->e_ValueError, "empty separator");
        gs_decref(vm, l);
        return NULL;
    }
    int32_t i = 0;
    for (;;) {
        int32_t j = -1;
        if (maxsplit != 0)
            for (int32_t k = i; k + sp->len <= s->len; k++)
                if (memcmp(s->data + k, sp->data, (size_t)sp->len) == 0) {
                    j = k;
                    break;
                }
        int32_t end = j < 0 ? s->len : j;
        gs_Object *p = gs_str_new(vm, s->data + i, (size_t)(end - i));
        if (!p || gs_list_append(vm, l, p) < 0) {
            gs_xdecref(vm, p);
            gs_decref(vm, l);
            return NULL;
        }
        gs_decref(vm, p);
        if (j < 0)
            break;
        i = j + sp->len;
        if (maxsplit > 0)
            maxsplit--;
    }
    return l;
}

static gs_Object *m_str_splitlines(ARGS)
{
    UNUSED_ARGS;
    gs_Str *s = S;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    int32_t i = 0;
    while (i < s->len) {
        int32_t j = i;
        while (j < s->len && s->data[j] != '\n' && s->data[j] != '\r')
            j++;
        gs_Object *p = gs_str_new(vm, s->data + i, (size_t)(j - i));
        if (!p || gs_list_append(vm, l, p) < 0) {
            gs_xdecref(vm, p);
            gs_decref(vm, l);
            return NULL;
        }
        gs_decref(vm, p);
        if (j < s->len && s->data[j] == '\r' && j + 1 < s->len && s->data[j + 1] == '\n')
            j++;
        i = j + 1;
    }
    return l;
}

static int64_t find_sub(gs_Str *s, gs_Str *sub, int64_t start, int64_t end, bool reverse)
{
    if (end > s->len)
        end = s->len;
    if (start < 0)
        start = 0;
    if (reverse) {
        for (int64_t k = end - sub->len; k >= start; k--)
            if (memcmp(s->data + k, sub->data, (size_t)sub->len) == 0)
                return k;
        return -1;
    }
    for (int64_t k = start; k + sub->len <= end; k++)
        if (memcmp(s->data + k, sub->data, (size_t)sub->len) == 0)
            return k;
    return -1;
}

static int str_arg(gs_VM *vm, gs_Object *o, const char *what)
{
    if (GS_KIND(o) == GS_K_STR)
        return 0;
    gs_raise(vm, vm->e_TypeError, "%s", what);
    return -1;
}

static int slice_bounds(gs_VM *vm, gs_Str *s, gs_Object **args, int nargs, int first, int64_t *start, int64_t *end)
{
    /* byte offsets from code-point indexes */
    int64_t a = 0, b = s->nchars;
    if (nargs > first && args[first] != vm->none && as_int(vm, args[first], &a) < 0)
        return -1;
    if (nargs > first + 1 && args[first + 1] != vm->none && as_int(vm, args[first + 1], &b) < 0)
        return -1;
    if (a < 0) { a += s->nchars; if (a < 0) a = 0; }
    if (b < 0) { b += s->nchars; if (b < 0) b = 0; }
    if (a > s->nchars) a = s->nchars + 1;
    if (b > s->nchars) b = s->nchars;
    *start = a > s->nchars ? s->len + 1 : (int64_t)(gs_utf8_offset(s->data, (size_t)s->len, a) - s->data);
    *end = (int64_t)(gs_utf8_offset(s->data, (size_t)s->len, b) - s->data);
    return 0;
}

static gs_Object *find_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, bool reverse, bool raise)
{
    if (str_arg(vm, args[0], "must be str") < 0)
        return NULL;
    int64_t st, en;
    if (slice_bounds(vm, S, args, nargs, 1, &st, &en) < 0)
        return NULL;
    int64_t k = st > S->len ? -1 : find_sub(S, (gs_Str *)args[0], st, en, reverse);
    if (k < 0 && raise) {
        gs_raise(vm, vm->e_ValueError, "substring not found");
        return NULL;
    }
    if (k >= 0)
        k = gs_utf8_len(S->data, (size_t)k);
    return gs_int_new(vm, k);
}

static gs_Object *m_str_find(ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, false, false); }
static gs_Object *m_str_rfind(ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, true, false); }
static gs_Object *m_str_index(ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, false, true); }
static gs_Object *m_str_rindex(ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, true, true); }

static gs_Object *m_str_count(ARGS)
{
    GS_UNUSED(kwnames);
    if (str_arg(vm, args[0], "must be str") < 0)
        return NULL;
    gs_Str *sub = (gs_Str *)args[0];
    int64_t st, en;
    if (slice_bounds(vm, S, args, nargs, 1, &st, &en) < 0)
        return NULL;
    int64_t c = 0;
    if (st > S->len)
        return gs_int_new(vm, 0);
    if (sub->len == 0)
        return gs_int_new(vm, gs_utf8_len(S->data + st, (size_t)(en - st)) + 1);
    for (int64_t k = st; k + sub->len <= en;) {
        if (memcmp(S->data + k, sub->data, (size_t)sub->len) == 0) {
            c++;
            k += sub->len;
        } else
            k++;
    }
    return gs_int_new(vm, c);
}

static gs_Object *starts_ends(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, bool ends, const char *name)
{
    gs_Object *p = args[0];
    int64_t st, en;
    if (slice_bounds(vm, S, args, nargs, 1, &st, &en) < 0)
        return NULL;
    gs_Object **cands = &p;
    int n = 1;
    if (GS_KIND(p) == GS_K_TUPLE) {
        cands = ((gs_Tuple *)p)->items;
        n = ((gs_Tuple *)p)->len;
    }
    for (int i = 0; i < n; i++) {
        if (GS_KIND(cands[i]) != GS_K_STR) {
            if (GS_KIND(p) == GS_K_TUPLE)
                gs_raise(vm, vm->e_TypeError, "tuple for %s must only contain str, not %s", name,
                         gs_type_name(cands[i]));
            else
                gs_raise(vm, vm->e_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                         gs_type_name(cands[i]));
            return NULL;
        }
        gs_Str *x = (gs_Str *)cands[i];
        if (st > S->len || en - st < x->len)
            continue;
        if (memcmp(S->data + (ends ? en - x->len : st), x->data, (size_t)x->len) == 0)
            return GS_BOOL(vm, true);
    }
    return GS_BOOL(vm, false);
}

static gs_Object *m_str_startswith(ARGS) { GS_UNUSED(kwnames); return starts_ends(vm, self, args, nargs, false, "startswith"); }
static gs_Object *m_str_endswith(ARGS) { GS_UNUSED(kwnames); return starts_ends(vm, self, args, nargs, true, "endswith"); }

static gs_Object *m_str_replace(ARGS)
{
    GS_UNUSED(kwnames);
    if (str_arg(vm, args[0], "replace() argument 1 must be str") < 0 ||
        str_arg(vm, args[1], "replace() argument 2 must be str") < 0)
        return NULL;
    int64_t count = -1;
    if (nargs > 2 && as_int(vm, args[2], &count) < 0)
        return NULL;
    gs_Str *old = (gs_Str *)args[0], *new_ = (gs_Str *)args[1];
    gs_Str *s = S;
    gs_Buf b;
    gs_buf_init(&b);
    if (old->len == 0) {
        /* insert between every character */
        int64_t n = 0;
        const char *p = s->data, *end = s->data + s->len;
        while (p <= end) {
            if (count < 0 || n < count) {
                gs_buf_add(&b, new_->data, (size_t)new_->len);
                n++;
            }
            if (p == end)
                break;
            const char *q = gs_utf8_offset(p, (size_t)(end - p), 1);
            gs_buf_add(&b, p, (size_t)(q - p));
            p = q;
        }
        return gs_buf_to_str(vm, &b);
    }
    int64_t n = 0;
    int32_t i = 0;
    while (i < s->len) {
        if ((count < 0 || n < count) && i + old->len <= s->len && memcmp(s->data + i, old->data, (size_t)old->len) == 0) {
            gs_buf_add(&b, new_->data, (size_t)new_->len);
            i += old->len;
            n++;
        } else
            gs_buf_addc(&b, s->data[i++]);
    }
    if (n == 0) {
        gs_buf_free(&b);
        return gs_newref(vm, self);
    }
    return gs_buf_to_str(vm, &b);
}

static gs_Object *str_pred(gs_VM *vm, gs_Object *self, int which)
{
    gs_Str *s = S;
    if (s->len == 0)
        return GS_BOOL(vm, false);
    bool any_cased = false;
    for (int32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        switch (which) {
        case 0: if (!isdigit(c)) return GS_BOOL(vm, false); break;
        case 1: if (!isalpha(c) && c < 128) return GS_BOOL(vm, false); break;
        case 2: if (!isalnum(c) && c < 128) return GS_BOOL(vm, false); break;
        case 3: if (!is_ws(c)) return GS_BOOL(vm, false); break;
        case 4: if (islower(c)) return GS_BOOL(vm, false); if (isupper(c)) any_cased = true; break;
        case 5: if (isupper(c)) return GS_BOOL(vm, false); if (islower(c)) any_cased = true; break;
        }
    }
    if (which >= 4)
        return GS_BOOL(vm, any_cased);
    return GS_BOOL(vm, true);
}

static gs_Object *m_str_isdigit(ARGS) { UNUSED_ARGS; return str_pred(vm, self, 0); }
static gs_Object *m_str_isalpha(ARGS) { UNUSED_ARGS; return str_pred(vm, self, 1); }
static gs_Object *m_str_isalnum(ARGS) { UNUSED_ARGS; return str_pred(vm, self, 2); }
static gs_Object *m_str_isspace(ARGS) { UNUSED_ARGS; return str_pred(vm, self, 3); }
static gs_Object *m_str_isupper(ARGS) { UNUSED_ARGS; return str_pred(vm, self, 4); }
static gs_Object *m_str_islower(ARGS) { UNUSED_ARGS; return str_pred(vm, self, 5); }

static gs_Object *pad_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, char align)
{
    int64_t width = 0; /* set by as_int; GCC's -Og/ASan build cannot tell */
    if (as_int(vm, args[0], &width) < 0)
        return NULL;
    const char *fill = " ";
    int32_t flen = 1;
    if (nargs > 1) {
        if (GS_KIND(args[1]) != GS_K_STR || ((gs_Str *)args[1])->nchars != 1) {
            gs_raise(vm, vm->e_TypeError, "The fill character must be exactly one character long");
            return NULL;
        }
        fill = ((gs_Str *)args[1])->data;
        flen = ((gs_Str *)args[1])->len;
    }
    gs_Str *s = S;
    if (width <= s->nchars)
        return gs_newref(vm, self);
    if (width > 100000000) {
        gs_raise_memory(vm);
        return NULL;
    }
    int64_t pad = width - s->nchars, left = 0;
    if (align == '>')
        left = pad;
    else if (align == '^')
        left = pad / 2 + (pad & width & 1);
    gs_Buf b;
    gs_buf_init(&b);
    for (int64_t i = 0; i < left; i++)
        gs_buf_add(&b, fill, (size_t)flen);
    gs_buf_add(&b, s->data, (size_t)s->len);
    for (int64_t i = left; i < pad; i++)
        gs_buf_add(&b, fill, (size_t)flen);
    return gs_buf_to_str(vm, &b);
}

static gs_Object *m_str_ljust(ARGS) { GS_UNUSED(kwnames); return pad_impl(vm, self, args, nargs, '<'); }
static gs_Object *m_str_rjust(ARGS) { GS_UNUSED(kwnames); return pad_impl(vm, self, args, nargs, '>'); }
static gs_Object *m_str_center(ARGS) { GS_UNUSED(kwnames); return pad_impl(vm, self, args, nargs, '^'); }

static gs_Object *m_str_zfill(ARGS)
{
    UNUSED_ARGS;
    int64_t width = 0;
    if (as_int(vm, args[0], &width) < 0)
        return NULL;
    gs_Str *s = S;
    if (width <= s->nchars)
        return gs_newref(vm, self);
    if (width > 100000000) { /* as pad_impl: "1".zfill(10**12) must not fill a buffer for minutes */
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    int32_t i = 0;
    if (s->len && (s->data[0] == '-' || s->data[0] == '+')) {
        gs_buf_addc(&b, s->data[0]);
        i = 1;
    }
    for (int64_t k = 0; k < width - s->nchars; k++)
        gs_buf_addc(&b, '0');
    gs_buf_add(&b, s->data + i, (size_t)(s->len - i));
    return gs_buf_to_str(vm, &b);
}

static gs_Object *m_str_partition_impl(gs_VM *vm, gs_Object *self, gs_Object *sepo, bool reverse)
{
    if (str_arg(vm, sepo, "must be str") < 0)
        return NULL;
    gs_Str *sep = (gs_Str *)sepo;
    if (sep->len == 0) {
        gs_raise(vm, vm->e_ValueError, "empty separator");
        return NULL;
    }
    int64_t k = find_sub(S, sep, 0, S->len, reverse);
    gs_Object *a, *b, *c;
    if (k < 0) {
        if (reverse) {
            a = gs_newref(vm, vm->empty_str);
            b = gs_newref(vm, vm->empty_str);
            c = gs_newref(vm, self);
        } else {
            a = gs_newref(vm, self);
            b = gs_newref(vm, vm->empty_str);
            c = gs_newref(vm, vm->empty_str);
        }
    } else {
        a = gs_str_new(vm, S->data, (size_t)k);
        b = gs_newref(vm, sepo);
        c = gs_str_new(vm, S->data + k + sep->len, (size_t)(S->len - k - sep->len));
    }
    gs_Object *t = gs_tuple_new(vm, 3);
    if (!t || !a || !c) {
        gs_xdecref(vm, a);
        gs_xdecref(vm, b);
        gs_xdecref(vm, c);
        gs_xdecref(vm, t);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, a);
    gs_tuple_init(vm, t, 1, b);
    gs_tuple_init(vm, t, 2, c);
    return t;
}

static gs_Object *m_str_partition(ARGS) { UNUSED_ARGS; return m_str_partition_impl(vm, self, args[0], false); }
static gs_Object *m_str_rpartition(ARGS) { UNUSED_ARGS; return m_str_partition_impl(vm, self, args[0], true); }

/* str.format: {} {0} {name} {0!r:>5} {{ }} and {x.attr} / {x[0]} */
static gs_Object *m_str_format(ARGS)
{
    gs_Str *s = S;
    int npos = npos_of(nargs, kwnames);
    gs_Buf out;
    gs_buf_init(&out);
    int auto_ix = 0;
    bool manual = false, automatic = false;
    int32_t i = 0;
    while (i < s->len) {
        char c = s->data[i];
        if (c == '{' && i + 1 < s->len && s->data[i + 1] == '{') {
            gs_buf_addc(&out, '{');
            i += 2;
            continue;
        }
        if (c == '}' && i + 1 < s->len && s->data[i + 1] == '}') {
            gs_buf_addc(&out, '}');
            i += 2;
            continue;
        }
        if (c == '}') {
            gs_raise(vm, vm->e_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (c != '{') {
            gs_buf_addc(&out, c);
            i++;
            continue;
        }
        /* find the matching close brace (nested braces in the spec) */
        int32_t j = i + 1, depth = 1;
        while (j < s->len && depth) {
            if (s->data[j] == '{')
                depth++;
            else if (s->data[j] == '}')
                depth--;
            if (depth)
                j++;
        }
        if (j >= s->len) {
            gs_raise(vm, vm->e_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        const char *field = s->data + i + 1;
        int32_t flen = j - i - 1;
        i = j + 1;
        /* split field: name [!conv] [:spec] */
        int32_t name_end = 0;
        while (name_end < flen && field[name_end] != '!' && field[name_end] != ':')
            name_end++;
        char conv = 0;
        int32_t spec_start = name_end;
        if (spec_start < flen && field[spec_start] == '!') {
            if (spec_start + 1 >= flen) {
                gs_raise(vm, vm->e_ValueError, "end of string while looking for conversion specifier");
                goto fail;
            }
            conv = field[spec_start + 1];
            spec_start += 2;
            if (spec_start < flen && field[spec_start] != ':') {
                gs_raise(vm, vm->e_ValueError, "expected ':' after conversion specifier");
                goto fail;
            }
        }
        const char *spec = "";
        int32_t speclen = 0;
        if (spec_start < flen && field[spec_start] == ':') {
            spec = field + spec_start + 1;
            speclen = flen - spec_start - 1;
        }
        /* the argument */
        int32_t k = 0;
        while (k < name_end && field[k] != '.' && field[k] != '[')
            k++;
        gs_Object *val = NULL;
        if (k == 0) {
            if (manual) {
                gs_raise(vm, vm->e_ValueError, "cannot switch from manual field specification to automatic field numbering");
                goto fail;
            }
            automatic = true;
            if (auto_ix >= npos) {
                gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple", auto_ix);
                goto fail;
            }
            val = gs_newref(vm, args[auto_ix++]);
        } else if (isdigit((unsigned char)field[0])) {
            if (automatic) {
                gs_raise(vm, vm->e_ValueError, "cannot switch from automatic field numbering to manual field specification");
                goto fail;
            }
            manual = true;
            int ix = atoi(field);
            if (ix >= npos) {
                gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple", ix);
                goto fail;
            }
            val = gs_newref(vm, args[ix]);
        } else {
            char nm[256];
            snprintf(nm, sizeof nm, "%.*s", (int)k, field);
            gs_Object *kv = gs_kwarg(vm, args, nargs, kwnames, nm);
            if (!kv) {
                gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, gs_str_from_cstr(vm, nm))));
                goto fail;
            }
            val = gs_newref(vm, kv);
        }
        /* .attr and [index] chains */
        while (k < name_end) {
            if (field[k] == '.') {
                int32_t e = k + 1;
                while (e < name_end && field[e] != '.' && field[e] != '[')
                    e++;
                gs_Object *an = gs_str_intern(vm, field + k + 1, (size_t)(e - k - 1));
                gs_Object *nv = an ? gs_getattr(vm, val, (gs_Str *)an) : NULL;
                gs_xdecref(vm, an);
                gs_decref(vm, val);
                if (!nv)
                    goto fail;
                val = nv;
                k = e;
            } else {
                int32_t e = k + 1;
                while (e < name_end && field[e] != ']')
                    e++;
                gs_Object *key;
                bool digits = e > k + 1;
                for (int32_t q = k + 1; q < e; q++)
                    if (!isdigit((unsigned char)field[q]))
                        digits = false;
                if (digits)
                    key = gs_int_new(vm, atoll(field + k + 1));
                else
                    key = gs_str_new(vm, field + k + 1, (size_t)(e - k - 1));
                gs_Object *nv = key ? gs_getitem(vm, val, key) : NULL;
                gs_xdecref(vm, key);
                gs_decref(vm, val);
                if (!nv)
                    goto fail;
                val = nv;
                k = e + 1;
            }
        }
        gs_Object *cv = val;
        if (conv == 'r' || conv == 'a')
            cv = gs_repr(vm, val);
        else if (conv == 's')
            cv = gs_str(vm, val);
        else if (conv) {
            gs_raise(vm, vm->e_ValueError, "Unknown conversion specifier %c", conv);
            gs_decref(vm, val);
            goto fail;
        } else
            gs_incref(vm, cv);
        gs_decref(vm, val);
        if (!cv)
            goto fail;
        /* nested replacement fields in the spec ({:{}{}}) take the next
         * arguments, numbered together with the outer fields */
        gs_Object *specobj;
        if (memchr(spec, '{', (size_t)speclen)) {
            gs_Buf sb;
            gs_buf_init(&sb);
            bool bad = false;
            for (int32_t q = 0; q < speclen && !bad; q++) {
                if (spec[q] != '{') {
                    gs_buf_addc(&sb, spec[q]);
                    continue;
                }
                int32_t e = q + 1;
                while (e < speclen && spec[e] != '}')
                    e++;
                gs_Object *nv = NULL;
                if (e == q + 1) {
                    if (manual) {
                        gs_raise(vm, vm->e_ValueError,
                                 "cannot switch from manual field specification to automatic field numbering");
                        bad = true;
                        break;
                    }
                    automatic = true;
                    if (auto_ix >= npos) {
                        gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple",
                                 auto_ix);
                        bad = true;
                        break;
                    }
                    nv = args[auto_ix++];
                } else if (isdigit((unsigned char)spec[q + 1])) {
                    manual = true;
                    int ix = atoi(spec + q + 1);
                    if (ix >= npos) {
                        gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple", ix);
                        bad = true;
                        break;
                    }
                    nv = args[ix];
                } else {
                    char nm[128];
                    snprintf(nm, sizeof nm, "%.*s", (int)(e - q - 1), spec + q + 1);
                    nv = gs_kwarg(vm, args, nargs, kwnames, nm);
                    if (!nv) {
                        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError,
                                                          gs_tuple_pack(vm, 1, gs_str_from_cstr(vm, nm))));
                        bad = true;
                        break;
                    }
                }
                gs_Object *ns = gs_str(vm, nv);
                if (!ns) {
                    bad = true;
                    break;
                }
                gs_buf_add(&sb, ((gs_Str *)ns)->data, (size_t)((gs_Str *)ns)->len);
                gs_decref(vm, ns);
                q = e;
            }
            if (bad) {
                gs_buf_free(&sb);
                gs_decref(vm, cv);
                goto fail;
            }
            specobj = gs_buf_to_str(vm, &sb);
        } else
            specobj = gs_str_new(vm, spec, (size_t)speclen);
        if (!specobj) {
            gs_decref(vm, cv);
            goto fail;
        }
        gs_Object *fv = gs_format(vm, cv, specobj);
        gs_decref(vm, cv);
        gs_decref(vm, specobj);
        if (!fv)
            goto fail;
        gs_buf_add(&out, ((gs_Str *)fv)->data, (size_t)((gs_Str *)fv)->len);
        gs_decref(vm, fv);
    }
    return gs_buf_to_str(vm, &out);
fail:
    gs_buf_free(&out);
    return NULL;
}

static gs_Object *m_str_encode(ARGS)
{
    UNUSED_ARGS;
    gs_raise(vm, vm->e_TypeError, "gcscope does not support bytes; str.encode() is not available");
    return NULL;
}

/* ================================================================== generator, object, type, int methods */

extern int gs_gen_send(gs_VM *vm, gs_Object *gen, gs_Object *value, gs_Object **result);

static gs_Object *m_gen_send(ARGS)
{
    UNUSED_ARGS;
    gs_Object *r;
    int s = gs_gen_send(vm, self, args[0], &r);
    if (s == 1)
        return r;
    if (s == 0) {
        gs_Object *a = r == vm->none ? NULL : gs_tuple_pack(vm, 1, r);
        gs_decref(vm, r);
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, a));
    }
    return NULL;
}

static gs_Object *m_gen_next(ARGS)
{
    UNUSED_ARGS;
    gs_Object *v = gs_next(vm, self);
    if (!v && !vm->exc)
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, NULL));
    return v;
}

static gs_Object *m_iter_self(ARGS) { UNUSED_ARGS; return gs_newref(vm, self); }

static gs_Object *m_gen_close(ARGS)
{
    UNUSED_ARGS;
    extern int gs_gen_close(gs_VM *, gs_Object *);
    return gs_gen_close(vm, self) < 0 ? NULL : GS_NONE(vm);
}

/* gen.throw(exc) / gen.throw(type[, value]) */
static gs_Object *m_gen_throw(ARGS)
{
    GS_UNUSED(kwnames);
    extern int gs_gen_throw(gs_VM *, gs_Object *, gs_Object *, gs_Object **);
    gs_Object *exc;
    gs_Object *t = args[0];
    if (GS_KIND(t) == GS_K_TYPE && (((gs_Type *)t)->flags & GS_TF_EXC)) {
        exc = gs_call_object(vm, t, nargs > 1 && args[1] != vm->none ? &args[1] : NULL,
                             nargs > 1 && args[1] != vm->none ? 1 : 0, NULL);
        if (!exc)
            return NULL;
    } else if (GS_KIND(t) == GS_K_EXCEPTION)
        exc = gs_newref(vm, t);
    else {
        gs_raise(vm, vm->e_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                 gs_type_name(t));
        return NULL;
    }
    gs_Object *r;
    int st = gs_gen_throw(vm, self, exc, &r);
    if (st == 1)
        return r;
    if (st == 0) {
        gs_Object *a = r == vm->none ? NULL : gs_tuple_pack(vm, 1, r);
        gs_decref(vm, r);
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, a));
    }
    return NULL;
}

static gs_Object *m_object_init(ARGS) { UNUSED_ARGS; return GS_NONE(vm); }

static gs_Object *m_type_mro(ARGS)
{
    UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    for (gs_Type *t = (gs_Type *)self; t; t = t->base)
        gs_list_append(vm, l, &t->ob);
    return l;
}

static gs_Object *m_int_bit_length(ARGS)
{
    UNUSED_ARGS;
    int64_t v = GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = 0;
    while (m) {
        n++;
        m >>= 1;
    }
    return gs_int_new(vm, n);
}

static gs_Object *m_float_is_integer(ARGS)
{
    UNUSED_ARGS;
    double d = ((gs_Float *)self)->value;
    return GS_BOOL(vm, isfinite(d) && d == floor(d));
}

static gs_Object *m_float_as_integer_ratio(ARGS)
{
    UNUSED_ARGS;
    double d = ((gs_Float *)self)->value;
    if (isinf(d)) {
        gs_raise(vm, vm->e_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(d)) {
        gs_raise(vm, vm->e_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(d, &e);
    int64_t num = 0, den = 1;
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2;
        e--;
    }
    if (fabs(m) > 9.0e18) {
        gs_raise(vm, vm->e_OverflowError, "integer result too large (gcscope's ints are 64-bit)");
        return NULL;
    }
    num = (int64_t)m;
    if (e > 0) {
        if (e > 62 || (num != 0 && llabs(num) > (INT64_MAX >> e))) {
            gs_raise(vm, vm->e_OverflowError, "integer result too large (gcscope's ints are 64-bit)");
            return NULL;
        }
        num <<= e;
    } else {
        if (-e > 62) {
            gs_raise(vm, vm->e_OverflowError, "integer result too large (gcscope's ints are 64-bit)");
            return NULL;
        }
        den = (int64_t)1 << -e;
    }
    while (num % 2 == 0 && den % 2 == 0 && den > 1) {
        num /= 2;
        den /= 2;
    }
    gs_Object *a = gs_int_new(vm, num), *b = gs_int_new(vm, den);
    if (!a || !b) {
        gs_xdecref(vm, a);
        gs_xdecref(vm, b);
        return NULL;
    }
    gs_Object *t = gs_tuple_new(vm, 2);
    if (!t) {
        gs_decref(vm, a);
        gs_decref(vm, b);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, a);
    gs_tuple_init(vm, t, 1, b);
    return t;
}

static gs_Object *m_exc_with_traceback(ARGS)
{
    UNUSED_ARGS;
    return gs_newref(vm, self);
}

/* ================================================================== sys */

static gs_Object *sys_getrefcount(ARGS)
{
    UNUSED_ARGS;
    gs_Object *o = args[0];
    /* immortal-ish objects: a large stable number, as CPython shows for them */
    if (o->gcflags & GS_GC_STATIC)
        return gs_int_new(vm, 4294967295LL / 4);
    return gs_int_new(vm, (int64_t)o->refcnt);
}

static gs_Object *sys_getrecursionlimit(ARGS) { UNUSED_ARGS; return gs_int_new(vm, vm->recursion_limit); }

static gs_Object *sys_setrecursionlimit(ARGS)
{
    UNUSED_ARGS;
    int64_t v = 0; /* gcc -O2 cannot see as_int always sets it */
    if (as_int(vm, args[0], &v) < 0)
        return NULL;
    if (v < 1) {
        gs_raise(vm, vm->e_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    if (v > 100000)
        v = 100000; /* the value stack is finite; deeper would exhaust it */
    vm->recursion_limit = (int)v;
    return GS_NONE(vm);
}

static gs_Object *sys_exit(ARGS)
{
    UNUSED_ARGS;
    gs_Object *a = nargs ? gs_tuple_pack(vm, 1, args[0]) : NULL;
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_SystemExit, a));
    return NULL;
}

static gs_Object *sys_intern(ARGS)
{
    UNUSED_ARGS;
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "intern() argument 1 must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    gs_Str *s = (gs_Str *)args[0];
    return gs_str_intern(vm, s->data, (size_t)s->len);
}

static gs_Object *new_module(gs_VM *vm, const char *name)
{
    gs_Module *m = (gs_Module *)gs_alloc(vm, vm->t_module, sizeof(gs_Module));
    if (!m)
        return NULL;
    m->name = (gs_Str *)gs_str_intern(vm, name, strlen(name));
    m->dict = (gs_Dict *)gs_dict_new(vm);
    if (!m->dict) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_dict_set(vm, &m->dict->ob, &vm->s___name__->ob, &m->name->ob);
    gs_record_alloc(vm, &m->ob);
    gs_record_fields(vm, &m->ob);
    gs_gc_track(vm, &m->ob);
    return &m->ob;
}

gs_Object *gs_module_new(gs_VM *vm, const char *name) { return new_module(vm, name); }

void gs_module_add(gs_VM *vm, gs_Object *mod, const char *name, gs_Object *v)
{
    if (!v)
        return;
    gs_dict_set(vm, &((gs_Module *)mod)->dict->ob, &gs_name(vm, name)->ob, v);
    gs_decref(vm, v);
}

void gs_module_add_fn(gs_VM *vm, gs_Object *mod, const char *name, gs_CFunc fn, int min, int max, bool kw)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, min, max, NULL);
    if (b)
        ((gs_Builtin *)b)->takes_kw = kw;
    gs_module_add(vm, mod, name, b);
}

static gs_Object *make_sys(gs_VM *vm)
{
    gs_Object *m = new_module(vm, "sys");
    if (!m)
        return NULL;
    gs_module_add_fn(vm, m, "getrefcount", sys_getrefcount, 1, 1, false);
    gs_module_add_fn(vm, m, "getrecursionlimit", sys_getrecursionlimit, 0, 0, false);
    gs_module_add_fn(vm, m, "setrecursionlimit", sys_setrecursionlimit, 1, 1, false);
    gs_module_add_fn(vm, m, "exit", sys_exit, 0, 1, false);
    gs_module_add_fn(vm, m, "intern", sys_intern, 1, 1, false);
    gs_module_add(vm, m, "maxsize", gs_int_new(vm, INT64_MAX));
    gs_module_add(vm, m, "version", gs_str_from_cstr(vm, "3.11.7 (gcscope model of CPython 3.11)"));
    gs_Object *vi = gs_tuple_new(vm, 5);
    if (vi) {
        gs_tuple_init(vm, vi, 0, gs_int_new(vm, 3));
        gs_tuple_init(vm, vi, 1, gs_int_new(vm, 11));
        gs_tuple_init(vm, vi, 2, gs_int_new(vm, 7));
        gs_tuple_init(vm, vi, 3, gs_str_from_cstr(vm, "final"));
        gs_tuple_init(vm, vi, 4, gs_int_new(vm, 0));
        gs_module_add(vm, m, "version_info", vi);
    }
    gs_module_add(vm, m, "stdout", gs_str_from_cstr(vm, "<stdout>"));
    gs_module_add(vm, m, "stderr", gs_str_from_cstr(vm, "<stderr>"));
    gs_module_add(vm, m, "platform", gs_str_from_cstr(vm, "linux"));
    return m;
}

gs_Object *gs_import(gs_VM *vm, gs_Str *name)
{
    gs_Object *have = gs_dict_get_str(vm, vm->modules, name);
    if (have)
        return gs_newref(vm, have);
    gs_Object *m = NULL;
    if (strcmp(name->data, "sys") == 0) {
        m = vm->sys_module;
        gs_incref(vm, m);
    } else if (strcmp(name->data, "gc") == 0) {
        vm->runtime_alloc++;
        m = gs_gc_make_module(vm);
        vm->runtime_alloc--;
    } else if (strcmp(name->data, "weakref") == 0) {
        extern gs_Object *gs_weakref_make_module(gs_VM *);
        vm->runtime_alloc++;
        m = gs_weakref_make_module(vm);
        vm->runtime_alloc--;
    } else {
        gs_raise(vm, vm->e_ModuleNotFoundError,
                 "No module named '%s' (gcscope programs can import only gc, sys and weakref)", name->data);
        return NULL;
    }
    if (!m)
        return NULL;
    if (gs_dict_set(vm, vm->modules, &name->ob, m) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    return m;
}

/* ================================================================== tables */


typedef struct MethodDef {
    const char *name;
    gs_CFunc fn;
    int16_t min, max;
    uint8_t kw; /* KW | VARARGS */
} MethodDef;

void gs_type_add_method(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn, int min, int max)
{
    if (!t->dict)
        t->dict = (gs_Dict *)gs_dict_new(vm);
    gs_Builtin *b = (gs_Builtin *)gs_builtin_new(vm, name, fn, min, max, NULL);
    if (!b)
        return;
    b->owner = t;
    gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, &b->ob);
    gs_decref(vm, b);
}

static void add_methods(gs_VM *vm, gs_Type *t, const MethodDef *defs)
{
    for (; defs->name; defs++) {
        gs_type_add_method(vm, t, defs->name, defs->fn, defs->min, defs->max);
        if (defs->kw) {
            gs_Object *b = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, defs->name));
            if (b) {
                ((gs_Builtin *)b)->takes_kw = (defs->kw & KW) != 0;
                ((gs_Builtin *)b)->varargs = defs->kw & (VARARGS | STARARGS);
            }
        }
    }
}

static const MethodDef list_methods[] = {
    { "append", m_list_append, 1, 1, false }, { "extend", m_list_extend, 1, 1, false },
    { "insert", m_list_insert, 2, 2, false }, { "pop", m_list_pop, 0, 1, false },
    { "remove", m_list_remove, 1, 1, false }, { "clear", m_list_clear, 0, 0, false },
    { "index", m_seq_index, 1, 3, false }, { "count", m_seq_count, 1, 1, false },
    { "copy", m_list_copy, 0, 0, false }, { "reverse", m_list_reverse, 0, 0, false },
    { "sort", m_list_sort, 0, -1, true }, { NULL, NULL, 0, 0, false },
};

static const MethodDef tuple_methods[] = {
    { "index", m_seq_index, 1, 3, false }, { "count", m_seq_count, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

static const MethodDef dict_methods[] = {
    { "get", m_dict_get, 1, 2, false }, { "keys", m_dict_keys, 0, 0, false },
    { "values", m_dict_values, 0, 0, false }, { "items", m_dict_items, 0, 0, false },
    { "pop", m_dict_pop, 1, 2, false }, { "popitem", m_dict_popitem, 0, 0, false },
    { "setdefault", m_dict_setdefault, 1, 2, false }, { "update", m_dict_update, 0, -1, KW | VARARGS },
    { "clear", m_dict_clear, 0, 0, false }, { "copy", m_dict_copy, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static const MethodDef set_methods[] = {
    { "add", m_set_add, 1, 1, false }, { "discard", m_set_discard, 1, 1, false },
    { "remove", m_set_remove, 1, 1, false }, { "pop", m_set_pop, 0, 0, false },
    { "clear", m_set_clear, 0, 0, false }, { "union", m_set_union, 0, -1, VARARGS },
    { "intersection", m_set_intersection, 0, -1, VARARGS }, { "difference", m_set_difference, 0, -1, VARARGS },
    { "symmetric_difference", m_set_symmetric_difference, 1, 1, false },
    { "update", m_set_update, 0, -1, VARARGS }, { "intersection_update", m_set_intersection_update, 0, -1, VARARGS },
    { "difference_update", m_set_difference_update, 0, -1, VARARGS }, { "issubset", m_set_issubset, 1, 1, false },
    { "issuperset", m_set_issuperset, 1, 1, false }, { "isdisjoint", m_set_isdisjoint, 1, 1, false },
    { "copy", m_set_copy, 0, 0, false },
    { "symmetric_difference_update", m_set_symmetric_difference_update, 1, 1, false },
    { NULL, NULL, 0, 0, false },
};

static const MethodDef frozenset_methods[] = {
    { "copy", m_set_copy, 0, 0, false }, { "difference", m_set_difference, 0, -1, VARARGS },
    { "intersection", m_set_intersection, 0, -1, VARARGS }, { "isdisjoint", m_set_isdisjoint, 1, 1, false },
    { "issubset", m_set_issubset, 1, 1, false }, { "issuperset", m_set_issuperset, 1, 1, false },
    { "symmetric_difference", m_set_symmetric_difference, 1, 1, false }, { "union", m_set_union, 0, -1, VARARGS },
    { NULL, NULL, 0, 0, false },
};

static const MethodDef str_methods[] = {
    { "upper", m_str_upper, 0, 0, false }, { "lower", m_str_lower, 0, 0, false },
    { "capitalize", m_str_capitalize, 0, 0, false }, { "title", m_str_title, 0, 0, false },
    { "join", m_str_join, 1, 1, false }, { "split", m_str_split, 0, 2, true },
    { "splitlines", m_str_splitlines, 0, 1, false }, { "strip", m_str_strip, 0, 1, false },
    { "lstrip", m_str_lstrip, 0, 1, false }, { "rstrip", m_str_rstrip, 0, 1, false },
    { "find", m_str_find, 1, 3, VARARGS }, { "rfind", m_str_rfind, 1, 3, VARARGS },
    { "index", m_str_index, 1, 3, VARARGS }, { "rindex", m_str_rindex, 1, 3, VARARGS },
    { "count", m_str_count, 1, 3, VARARGS }, { "startswith", m_str_startswith, 1, 3, VARARGS },
    { "endswith", m_str_endswith, 1, 3, VARARGS }, { "replace", m_str_replace, 2, 3, false },
    { "isdigit", m_str_isdigit, 0, 0, false }, { "isalpha", m_str_isalpha, 0, 0, false },
    { "isalnum", m_str_isalnum, 0, 0, false }, { "isspace", m_str_isspace, 0, 0, false },
    { "isupper", m_str_isupper, 0, 0, false }, { "islower", m_str_islower, 0, 0, false },
    { "ljust", m_str_ljust, 1, 2, false }, { "rjust", m_str_rjust, 1, 2, false },
    { "center", m_str_center, 1, 2, false }, { "zfill", m_str_zfill, 1, 1, false },
    { "partition", m_str_partition, 1, 1, false }, { "rpartition", m_str_rpartition, 1, 1, false },
    { "format", m_str_format, 0, -1, KW | VARARGS }, { "encode", m_str_encode, 0, 2, false },
    { NULL, NULL, 0, 0, false },
};

static const MethodDef gen_methods[] = {
    { "send", m_gen_send, 1, 1, false }, { "__next__", m_gen_next, 0, 0, false },
    { "__iter__", m_iter_self, 0, 0, false }, { "close", m_gen_close, 0, 0, false },
    { "throw", m_gen_throw, 1, 3, false }, { NULL, NULL, 0, 0, false },
};

static const MethodDef iter_methods[] = {
    { "__next__", m_gen_next, 0, 0, false }, { "__iter__", m_iter_self, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

typedef struct FnDef {
    const char *name;
    gs_CFunc fn;
    int16_t min, max;
    uint8_t kw; /* KW | VARARGS */
} FnDef;

static const FnDef builtin_fns[] = {
    { "print", b_print, 0, -1, KW | STARARGS }, { "len", b_len, 1, 1, false }, { "repr", b_repr, 1, 1, false },
    { "ascii", b_ascii, 1, 1, false }, { "id", b_id, 1, 1, false }, { "hex", b_hex, 1, 1, false },
    { "oct", b_oct, 1, 1, false }, { "bin", b_bin, 1, 1, false }, { "abs", b_abs, 1, 1, false },
    { "isinstance", b_isinstance, 2, 2, false }, { "issubclass", b_issubclass, 2, 2, false },
    { "hasattr", b_hasattr, 2, 2, false }, { "getattr", b_getattr, 2, 3, false },
    { "setattr", b_setattr, 3, 3, false }, { "delattr", b_delattr, 2, 2, false },
    { "iter", b_iter, 1, 1, false }, { "next", b_next, 1, 2, false }, { "min", b_min, 0, -1, true },
    { "max", b_max, 0, -1, true }, { "sum", b_sum, 0, -1, true }, { "enumerate", b_enumerate, 0, -1, true },
    { "zip", b_zip, 0, -1, KW | VARARGS }, { "map", b_map, 0, -1, true }, { "filter", b_filter, 2, 2, false },
    { "reversed", b_reversed, 1, 1, false }, { "sorted", b_sorted, 0, -1, true }, { "any", b_any, 1, 1, false },
    { "all", b_all, 1, 1, false }, { "callable", b_callable, 1, 1, false }, { "chr", b_chr, 1, 1, false },
    { "ord", b_ord, 1, 1, false }, { "divmod", b_divmod, 2, 2, false }, { "pow", b_pow, 2, 3, false },
    { "round", b_round, 1, 2, false }, { "hash", b_hash, 1, 1, false }, { "globals", b_globals, 0, 0, false },
    { "vars", b_vars, 0, 1, false }, { "dir", b_dir, 0, 1, VARARGS }, { "format", b_format, 1, 2, false },
    { "__build_class__", b_build_class, 2, -1, true }, { "open", b_open, 0, -1, true },
    { "input", b_input, 0, 1, false }, { "super", b_super, 0, 2, false }, { NULL, NULL, 0, 0, false },
};

void gs_builtins_init(gs_VM *vm)
{
    add_methods(vm, vm->t_list, list_methods);
    add_methods(vm, vm->t_tuple, tuple_methods);
    add_methods(vm, vm->t_dict, dict_methods);
    add_methods(vm, vm->t_set, set_methods);
    add_methods(vm, vm->t_frozenset, frozenset_methods);
    add_methods(vm, vm->t_str, str_methods);
    add_methods(vm, vm->t_generator, gen_methods);
    for (int i = 0; i <= GS_IT_CALL; i++)
        add_methods(vm, vm->t_iter[i], iter_methods);
    gs_type_add_method(vm, vm->t_object, "__init__", m_object_init, 0, -1);
    gs_type_add_method(vm, vm->t_type, "mro", m_type_mro, 0, 0);
    gs_type_add_method(vm, vm->t_int, "bit_length", m_int_bit_length, 0, 0);
    gs_type_add_method(vm, vm->t_float, "is_integer", m_float_is_integer, 0, 0);
    gs_type_add_method(vm, vm->t_float, "as_integer_ratio", m_float_as_integer_ratio, 0, 0);
    gs_type_add_method(vm, vm->e_BaseException, "with_traceback", m_exc_with_traceback, 1, 1);
    gs_type_add_method(vm, vm->e_BaseException, "__init__", m_exc_init, 0, -1);

    vm->builtins = gs_dict_new(vm);
    for (const FnDef *d = builtin_fns; d->name; d++) {
        gs_Object *b = gs_builtin_new(vm, d->name, d->fn, d->min, d->max, NULL);
        if (!b)
            continue;
        ((gs_Builtin *)b)->takes_kw = (d->kw & KW) != 0;
        ((gs_Builtin *)b)->varargs = d->kw & (VARARGS | STARARGS);
        gs_dict_set(vm, vm->builtins, &gs_name(vm, d->name)->ob, b);
        gs_decref(vm, b);
    }
    gs_Type *types[] = {
        vm->t_int, vm->t_str, vm->t_list, vm->t_dict, vm->t_tuple, vm->t_type, vm->t_object, vm->t_bool,
        vm->t_float, vm->t_set, vm->t_frozenset, vm->t_range, vm->t_slice, vm->t_property, vm->t_staticmethod,
        vm->t_classmethod, vm->e_BaseException, vm->e_Exception, vm->e_TypeError, vm->e_ValueError,
        vm->e_NameError, vm->e_UnboundLocalError, vm->e_AttributeError, vm->e_KeyError, vm->e_IndexError,
        vm->e_LookupError, vm->e_ZeroDivisionError, vm->e_ArithmeticError, vm->e_OverflowError,
        vm->e_RecursionError, vm->e_RuntimeError, vm->e_MemoryError, vm->e_StopIteration, vm->e_ImportError,
        vm->e_ModuleNotFoundError, vm->e_AssertionError, vm->e_NotImplementedError, vm->e_SyntaxError,
        vm->e_IndentationError, vm->e_TabError, vm->e_UnicodeError, vm->e_KeyboardInterrupt, vm->e_SystemExit,
        vm->e_GeneratorExit, vm->e_StopAsyncIteration, vm->e_Warning, vm->e_OSError,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        gs_dict_set(vm, vm->builtins, &types[i]->name->ob, &types[i]->ob);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "None")->ob, vm->none);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "True")->ob, vm->true_);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "False")->ob, vm->false_);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "NotImplemented")->ob, vm->notimpl);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "Ellipsis")->ob, vm->ellipsis);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "EnvironmentError")->ob, &vm->e_OSError->ob);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "IOError")->ob, &vm->e_OSError->ob);

    vm->modules = gs_dict_new(vm);
    vm->sys_module = make_sys(vm);
    vm->main_module = new_module(vm, "__main__");
    gs_Object *md = &((gs_Module *)vm->main_module)->dict->ob;
    gs_dict_set(vm, md, &vm->s___builtins__->ob, vm->builtins);
    gs_Object *sysmods = vm->modules;
    gs_dict_set(vm, &((gs_Module *)vm->sys_module)->dict->ob, &gs_name(vm, "modules")->ob, sysmods);
}

void gs_builtins_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    /* type dicts of the built-in (static) types are held by the types */
    gs_Type *all[] = {
        vm->t_object, vm->t_type, vm->t_list, vm->t_tuple, vm->t_dict, vm->t_set, vm->t_frozenset, vm->t_str,
        vm->t_generator, vm->t_int, vm->t_float, vm->e_BaseException,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i]->dict)
            count(ctx, &all[i]->dict->ob);
    for (int i = 0; i <= GS_IT_CALL; i++)
        if (vm->t_iter[i]->dict)
            count(ctx, &vm->t_iter[i]->dict->ob);
    extern void gs_weakref_count_roots(gs_VM *, void (*)(void *, gs_Object *), void *);
    gs_weakref_count_roots(vm, count, ctx);
}
