/*
 * builtins.c — the builtins module: print, len, min, sorted, super, ... and
 * the names of the built-in types and exceptions.  The methods of each type
 * live with the type (list.c, dict.c, str.c, ...); calling a type is in
 * call.c; importable modules are in core/modules/.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"


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

/* What the pending text holds, as tracemalloc and the counts see it: an
 * ASCII piece is the str itself (CPython holds a reference: the model marks
 * the str, whose count is one more there, so it is never grown in place;
 * if the model frees it first, tracemalloc keeps its block until the text
 * is written), any other piece a new bytes object of its UTF-8; the list
 * grows as list.append grows one.  Writing the pending text joins it into
 * one more bytes object, which the buffer copies, and frees the list and
 * what only it held. */
static int64_t append_cap(int64_t cap, int64_t n)
{
    if (cap >= n)
        return cap;
    return (n + (n >> 3) + 6) & ~(int64_t)3; /* list_resize */
}

void gs_textio_flush(gs_VM *vm, int which)
{
    struct gs_TextIO *t = &vm->textio[which];
    if (t->pending && vm->tm) {
        /* the joined bytes: the pending piece when it is bytes already */
        if (t->list || t->first_is_str)
            gs_tm_transient(vm, 33 + (size_t)t->bytes);
    }
    gs_phantom_free(vm, t->list);
    t->list = NULL;
    t->items = t->cap = 0;
    for (int64_t i = 0; i < t->npieces; i++)
        if (t->pieces[i])
            t->pieces[i]->gcflags &= (uint8_t)~GS_GC_PENDING_OUT;
    t->npieces = 0;
    if (vm->tm)
        gs_tm_release_kept(vm, which);
    if (t->pending && vm->tm && t->bytes > 256)
        gs_tm_transient(vm, 32); /* the buffer's write() returns how many bytes: an int past the small ones */
    t->pending = false;
    t->bytes = 0;
}

void gs_textio_forget(gs_VM *vm, gs_Object *o)
{
    int held = -1;
    for (int w = 0; w < 2; w++)
        for (int64_t i = 0; i < vm->textio[w].npieces; i++)
            if (vm->textio[w].pieces[i] == o) {
                vm->textio[w].pieces[i] = NULL;
                held = held < 0 ? w : held;
            }
    if (vm->tm && held >= 0)
        gs_tm_keep(vm, o, held);
}

int64_t gs_textio_refs(gs_VM *vm, gs_Object *o)
{
    int64_t n = 0;
    if (o->gcflags & GS_GC_PENDING_OUT)
        for (int w = 0; w < 2; w++)
            for (int64_t i = 0; i < vm->textio[w].npieces; i++)
                n += vm->textio[w].pieces[i] == o;
    return n;
}

static void hold_piece(gs_VM *vm, struct gs_TextIO *t, gs_Object *piece)
{
    if (t->npieces == t->piececap) {
        int64_t cap = t->piececap ? 2 * t->piececap : 16;
        gs_Object **p = realloc(t->pieces, (size_t)cap * sizeof *p);
        if (!p)
            return; /* out of memory: not marked, as if CPython had written it */
        t->pieces = p;
        t->piececap = cap;
    }
    t->pieces[t->npieces++] = piece;
    piece->gcflags |= GS_GC_PENDING_OUT;
}

static void textio_write(gs_VM *vm, int which, gs_Object *piece)
{
    struct gs_TextIO *t = &vm->textio[which];
    gs_Str *ps = (gs_Str *)piece;
    size_t n = (size_t)ps->len;
    bool as_str = ps->nchars == ps->len && n <= TEXTIO_CHUNK; /* else encoded */
    uintptr_t encoded = !as_str && vm->tm ? gs_tm_new_block(vm, 33 + n) : 0;
    if (t->pending && t->bytes + (int64_t)n > TEXTIO_CHUNK)
        gs_textio_flush(vm, which);
    if (!t->pending) {
        t->pending = true;
        t->first_is_str = as_str;
    } else if (!t->list) {
        t->list = gs_phantom_alloc(vm, vm->t_list, 0); /* PyList_New(2) */
        t->items = t->cap = 2;
        if (t->list && vm->tm)
            gs_tm_block(vm, t->list, GS_TM_ITEMS, 16, false);
    } else {
        int64_t cap = append_cap(t->cap, ++t->items);
        if (cap != t->cap && t->list && vm->tm)
            gs_tm_block(vm, t->list, GS_TM_ITEMS, 8 * (size_t)cap, true);
        t->cap = cap;
    }
    if (!(piece->gcflags & GS_GC_STATIC) && as_str)
        hold_piece(vm, t, piece);
    else if (encoded)
        gs_tm_keep_block(vm, encoded, which);
    t->bytes += (int64_t)n;
    if (t->bytes >= TEXTIO_CHUNK || (which == 1 && (memchr(ps->data, '\n', n) || memchr(ps->data, '\r', n))))
        gs_textio_flush(vm, which);
}

/* One PyFile_WriteObject of `piece` (a str), or of the str() of `obj`
 * when piece is NULL, added to b.  -1 if str() failed. */
static int print_piece(gs_VM *vm, int which, gs_Buf *b, gs_Object *obj, gs_Object *piece)
{
    gs_Object *writer = gs_phantom_alloc(vm, vm->t_builtin, 0); /* file.write, bound */
    gs_Object *s = piece ? gs_newref(vm, piece) : gs_str(vm, obj);
    if (!s) {
        gs_phantom_free(vm, writer);
        return -1;
    }
    gs_Str *ps = (gs_Str *)s;
    gs_buf_add(b, ps->data, (size_t)ps->len);
    textio_write(vm, which, s);
    if (vm->tm && ps->nchars > 256)
        gs_tm_transient(vm, 32); /* write() returns the length: an int past the small ones */
    gs_decref(vm, s);
    gs_phantom_free(vm, writer);
    return 0;
}

/* PyFile_WriteObject(v, f, Py_PRINT_RAW): f.write looked up again for
 * each piece (a new bound method each time), called with str(v) */
static int write_piece(gs_VM *vm, gs_Object *file, gs_Object *v)
{
    gs_Object *w = gs_getattr(vm, file, gs_name(vm, "write"));
    if (!w)
        return -1;
    gs_Object *piece = gs_str(vm, v);
    gs_Object *r = piece ? gs_call_object(vm, w, &piece, 1, NULL) : NULL;
    gs_xdecref(vm, piece);
    gs_decref(vm, w);
    if (!r)
        return -1;
    gs_decref(vm, r);
    return 0;
}

/* print(..., file=f) to anything but sys.stdout and sys.stderr (an
 * io.StringIO, an object with a write method), as builtin_print does:
 * each argument, sep (or ' ') between them and end (or '\n') after, each
 * through write_piece, then f.flush() if flush is true. */
static gs_Object *print_to_file(gs_VM *vm, gs_Object *file, gs_Object **args, int npos, gs_Object *sep,
                                gs_Object *end, gs_Object *flush)
{
    for (int i = 0; i < npos; i++) {
        if (i > 0 && write_piece(vm, file, sep && sep != vm->none ? sep : vm->char_strs[' ']) < 0)
            return NULL;
        if (write_piece(vm, file, args[i]) < 0)
            return NULL;
    }
    if (write_piece(vm, file, end && end != vm->none ? end : vm->char_strs['\n']) < 0)
        return NULL;
    if (flush && flush != vm->none) {
        int t = gs_truthy(vm, flush);
        if (t < 0)
            return NULL;
        if (t) {
            gs_Object *f = gs_getattr(vm, file, gs_name(vm, "flush"));
            gs_Object *r = f ? gs_call_object(vm, f, NULL, 0, NULL) : NULL;
            gs_xdecref(vm, f);
            if (!r)
                return NULL;
            gs_decref(vm, r);
        }
    }
    return GS_NONE(vm);
}

static gs_Object *print_body(GS_ARGS);

/* CPython's print calls PyObject_Str on each argument that is not exactly a
 * str and the file's write method, each a C call one level deeper than the
 * caller (_Py_EnterRecursiveCall): at the recursion limit print fails
 * before writing, and a __str__ it calls runs a level deeper. */
static gs_Object *b_print(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (vm->depth + vm->c_levels + 1 > vm->recursion_limit) {
        gs_raise(vm, vm->e_RecursionError, npos > 0 && args[0]->type != vm->t_str
                                               ? "maximum recursion depth exceeded while getting the str of an object"
                                               : "maximum recursion depth exceeded while calling a Python object");
        return NULL;
    }
    vm->c_levels++;
    gs_Object *r = print_body(vm, self, args, nargs, kwnames);
    vm->c_levels--;
    return r;
}

static gs_Object *print_body(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "sep", "end", "file", "flush", NULL };
    if (gs_check_kw_allowed(vm, "print", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_clinic_parser_init(vm, GS_CLINIC_PRINT, 4); /* sep, end, file, flush */
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
    gs_Object *flush = gs_kwarg(vm, args, nargs, kwnames, "flush");
    bool to_err = false;
    if ((!file || file == vm->none) && vm->sys_module) {
        /* no file: sys.stdout, which a program (redirect_stdout) may have replaced */
        gs_Object *so = gs_dict_get_str(vm, &((gs_Module *)vm->sys_module)->dict->ob, gs_name(vm, "stdout"));
        if (so && so != vm->std_stream[0] && so != vm->none && vm->std_stream[0])
            file = so;
    }
    if (file && file != vm->none) {
        to_err = file == vm->std_stream[1];
        if (!to_err && file != vm->std_stream[0] && GS_KIND(file) != GS_K_MODULE)
            return print_to_file(vm, file, args, npos, sep, end, flush);
    }
    int which = to_err ? 1 : 0;
    gs_Buf b;
    gs_buf_init(&b);
    int failed = 0;
    for (int i = 0; i < npos && !failed; i++) {
        if (i && print_piece(vm, which, &b, NULL, sep && sep != vm->none ? sep : vm->char_strs[' ']) < 0)
            failed = 1;
        if (!failed)
            failed = print_piece(vm, which, &b, args[i], NULL);
    }
    if (!failed)
        failed = print_piece(vm, which, &b, NULL, end && end != vm->none ? end : vm->char_strs['\n']);
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

static gs_Object *b_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t n = gs_len(vm, args[0]);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *b_repr(GS_ARGS) { GS_UNUSED_ARGS; return gs_repr(vm, args[0]); }
static gs_Object *b_ascii(GS_ARGS) { GS_UNUSED_ARGS; return gs_ascii(vm, args[0]); }

static gs_Object *b_id(GS_ARGS)
{
    GS_UNUSED_ARGS;
    unsigned long long a = (args[0]->gcflags & GS_GC_STATIC) ? 0x7f1e00000000ULL + ((uintptr_t)args[0] & 0xffffff)
                                                             : gs_object_address(args[0]);
    return gs_int_new(vm, (int64_t)a);
}

static gs_Object *b_hex_oct_bin(gs_VM *vm, gs_Object *o, int base)
{
    if (gs_int_is_big(o)) {
        char *s = gs_big_digits(vm, o, base);
        if (!s)
            return NULL;
        bool neg = s[0] == '-';
        gs_Object *r = gs_str_printf(vm, "%s0%c%s", neg ? "-" : "", base == 16 ? 'x' : base == 8 ? 'o' : 'b', s + neg);
        free(s);
        return r;
    }
    int64_t v; /* PyNumber_Index */
    int ix = gs_index_value(vm, o, &v);
    if (ix == 0)
        gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(o));
    if (ix <= 0)
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

static gs_Object *b_hex(GS_ARGS) { GS_UNUSED_ARGS; return b_hex_oct_bin(vm, args[0], 16); }
static gs_Object *b_oct(GS_ARGS) { GS_UNUSED_ARGS; return b_hex_oct_bin(vm, args[0], 8); }
static gs_Object *b_bin(GS_ARGS) { GS_UNUSED_ARGS; return b_hex_oct_bin(vm, args[0], 2); }

static gs_Object *b_abs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = args[0];
    gs_Object *m = gs_dispatches(o) ? gs_type_lookup_slot(vm, o->type, gs_name(vm, "__abs__")) : NULL;
    if (m)
        return gs_call_object(vm, m, &o, 1, NULL);
    if (GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL) {
        int64_t v = GS_KIND(o) == GS_K_INT ? ((gs_Int *)o)->value : o == vm->true_;
        if (gs_int_is_big(o) || v == INT64_MIN)
            return gs_big_unary(vm, GS_BIG_ABS, o);
        return gs_int_new(vm, v < 0 ? -v : v);
    }
    if (GS_KIND(o) == GS_K_FLOAT)
        return gs_float_new(vm, fabs(((gs_Float *)o)->value));
    if (GS_KIND(o) == GS_K_COMPLEX) {
        double r = hypot(((gs_Complex *)o)->real, ((gs_Complex *)o)->imag);
        if (isinf(r) && isfinite(((gs_Complex *)o)->real) && isfinite(((gs_Complex *)o)->imag)) {
            gs_raise(vm, vm->e_OverflowError, "absolute value too large");
            return NULL;
        }
        return gs_float_new(vm, r);
    }
    gs_raise(vm, vm->e_TypeError, "bad operand type for abs(): '%s'", gs_type_name(o));
    return NULL;
}

/* PyObject_IsInstance / IsSubclass: a class whose metaclass defines
 * __instancecheck__ / __subclasscheck__ (not type's) is asked; the answer
 * as a bool, NULL on error, or NotImplemented (borrowed) when the built-in
 * check applies. */
static gs_Object *metaclass_check(gs_VM *vm, gs_Object *cls, gs_Object *arg, const char *hook)
{
    /* (a module's metaclass too: typing._ProtocolMeta, _TypedDictMeta) */
    if (!(cls->type->flags & GS_TF_HEAP) && (cls->type == vm->t_type || !cls->type->module))
        return vm->notimpl;
    gs_Object *m = gs_type_lookup(cls->type, gs_name(vm, hook));
    if (!m || (GS_KIND(m) == GS_K_BUILTIN && ((gs_Builtin *)m)->owner == vm->t_type))
        return vm->notimpl;
    if (vm->native_depth >= GS_NATIVE_DEPTH_MAX) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded in %s", hook);
        return NULL;
    }
    vm->native_depth++;
    gs_incref(vm, m);
    gs_Object *f = gs_descr_get(vm, m, cls, cls->type);
    gs_decref(vm, m);
    gs_Object *r = f ? gs_call(vm, f, &arg, 1, NULL) : NULL;
    gs_xdecref(vm, f);
    vm->native_depth--;
    if (!r)
        return NULL;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t < 0 ? NULL : GS_BOOL(vm, t);
}

static gs_Object *b_isinstance(GS_ARGS);
static gs_Object *b_issubclass(GS_ARGS);

/* isinstance(x, c) and issubclass(x, c) of a c that is no class nor tuple:
 * a union checks its classes (object_recursive_isinstance); an object
 * whose type has __instancecheck__ / __subclasscheck__ is asked (a
 * GenericAlias's raises).  NotImplemented (borrowed) when neither. */
static gs_Object *check_not_class(gs_VM *vm, gs_Object *x, gs_Object *cls, bool sub)
{
    if (gs_is_union(vm, cls)) {
        gs_Object *a[2] = { x, gs_union_args(cls) };
        return sub ? b_issubclass(vm, NULL, a, 2, NULL) : b_isinstance(vm, NULL, a, 2, NULL);
    }
    gs_Object *m = gs_dispatches(cls) ? gs_type_lookup(cls->type, gs_name(vm, sub ? "__subclasscheck__" : "__instancecheck__")) : NULL;
    if (!m)
        return vm->notimpl;
    gs_Object *a[2] = { cls, x };
    gs_Object *r = gs_call_object(vm, m, a, 2, NULL);
    if (!r)
        return NULL;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t < 0 ? NULL : GS_BOOL(vm, t);
}

static gs_Object *b_isinstance(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *cls = args[1];
    if (GS_KIND(cls) != GS_K_TUPLE && GS_KIND(cls) != GS_K_TYPE) {
        gs_Object *r = check_not_class(vm, args[0], cls, false);
        if (r != vm->notimpl)
            return r;
    }
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
    if (args[0]->type != (gs_Type *)cls) {
        /* a metaclass's __instancecheck__ (abc.ABCMeta's) decides */
        gs_Object *r = metaclass_check(vm, cls, args[0], "__instancecheck__");
        if (r != vm->notimpl)
            return r;
    }
    if (!gs_isinstance(args[0], (gs_Type *)cls) && gs_is_proxy(args[0])) {
        /* object_isinstance falls back on __class__, which a proxy forwards */
        gs_Object *o = gs_proxy_referent(vm, args[0]);
        return o ? GS_BOOL(vm, gs_isinstance(o, (gs_Type *)cls)) : NULL;
    }
    return GS_BOOL(vm, gs_isinstance(args[0], (gs_Type *)cls));
}

static gs_Object *b_issubclass(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(args[0]) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    gs_Object *cls = args[1];
    if (GS_KIND(cls) != GS_K_TUPLE && GS_KIND(cls) != GS_K_TYPE) {
        gs_Object *r = check_not_class(vm, args[0], cls, true);
        if (r != vm->notimpl)
            return r;
    }
    if (GS_KIND(cls) == GS_K_TUPLE) {
        gs_Tuple *t = (gs_Tuple *)cls;
        for (int32_t i = 0; i < t->len; i++) {
            if (GS_KIND(t->items[i]) != GS_K_TYPE) {
                gs_Object *r = check_not_class(vm, args[0], t->items[i], true);
                if (r == vm->notimpl)
                    continue;
                if (!r || r == vm->true_)
                    return r;
                gs_decref(vm, r);
                continue;
            }
            gs_Object *r = metaclass_check(vm, t->items[i], args[0], "__subclasscheck__");
            if (r != vm->notimpl) {
                if (!r || r == vm->true_)
                    return r;
                gs_decref(vm, r);
            } else if (gs_issubtype((gs_Type *)args[0], (gs_Type *)t->items[i]))
                return GS_BOOL(vm, true);
        }
        return GS_BOOL(vm, false);
    }
    if (GS_KIND(cls) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return NULL;
    }
    gs_Object *r = metaclass_check(vm, cls, args[0], "__subclasscheck__");
    if (r != vm->notimpl)
        return r;
    return GS_BOOL(vm, gs_issubtype((gs_Type *)args[0], (gs_Type *)cls));
}

static gs_Object *b_hasattr(GS_ARGS)
{
    GS_UNUSED_ARGS;
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

static gs_Object *b_getattr(GS_ARGS)
{
    GS_UNUSED_ARGS;
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

static gs_Object *b_setattr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[1]));
        return NULL;
    }
    if (gs_setattr(vm, args[0], (gs_Str *)args[1], args[2]) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *b_delattr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[1]));
        return NULL;
    }
    if (gs_setattr(vm, args[0], (gs_Str *)args[1], NULL) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *b_callable(GS_ARGS);

static gs_Object *b_iter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (nargs == 1)
        return gs_iter(vm, args[0]);
    gs_Object *c = b_callable(vm, NULL, args, 1, NULL);
    if (c == vm->false_) {
        gs_raise(vm, vm->e_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return gs_callable_iter_new(vm, args[0], args[1]);
}

static gs_Object *b_next(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *it = args[0];
    if (GS_KIND(it) != GS_K_ITER && GS_KIND(it) != GS_K_GENERATOR && !gs_type_lookup(it->type, vm->s___next__)) {
        gs_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", gs_type_name(it));
        return NULL;
    }
    if (GS_KIND(it) == GS_K_GENERATOR)
        return gs_gen_next_or_stop(vm, it, nargs == 2 ? args[1] : NULL);
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
    if (gs_check_kw_allowed(vm, name, kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
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

static gs_Object *b_min(GS_ARGS) { GS_UNUSED(self); return min_max(vm, args, nargs, kwnames, 0 /* < */, "min"); }
static gs_Object *b_max(GS_ARGS) { GS_UNUSED(self); return min_max(vm, args, nargs, kwnames, 4 /* > */, "max"); }

/* partial + item, both released (partial NULL: out of memory) */
static gs_Object *sum_add(gs_VM *vm, gs_Object *partial, gs_Object *item)
{
    gs_Object *r = partial ? gs_binary_op(vm, 0, partial, item, false) : NULL;
    gs_xdecref(vm, partial);
    gs_decref(vm, item);
    return r;
}

/* builtin_sum_impl: the iterator first, then the start; ints (exact ints
 * and bools) and then floats are added in C, the sum made an object only
 * at the end or when an item of another type comes (which tracemalloc and
 * gc.get_count() see); anything else by `+`, one result at a time. */
static gs_Object *b_sum(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "start", NULL };
    if (gs_check_kw_allowed(vm, "sum", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    if (gs_check_args(vm, "sum", npos, 1, 2) < 0)
        return NULL;
    gs_Object *start = npos == 2 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "start");
    gs_Object *it = gs_iter(vm, args[0]);
    if (!it)
        return NULL;
    if (start) {
        gs_Kind k = GS_KIND(start);
        const char *what = k == GS_K_STR ? "strings [use ''.join(seq) instead]"
                           : k == GS_K_BYTES ? "bytes [use b''.join(seq) instead]"
                           : k == GS_K_BYTEARRAY ? "bytearray [use b''.join(seq) instead]" : NULL;
        if (what) {
            gs_raise(vm, vm->e_TypeError, "sum() can't sum %s", what);
            gs_decref(vm, it);
            return NULL;
        }
    }
    gs_Object *acc = start ? gs_newref(vm, start) : gs_int_new(vm, 0);
    gs_Object *v;
    if (acc->type == vm->t_int && !gs_int_is_big(acc)) {
        int64_t sum = ((gs_Int *)acc)->value;
        gs_decref(vm, acc);
        acc = NULL;
        while (!acc) {
            if (!(v = gs_next(vm, it))) {
                gs_decref(vm, it);
                return vm->exc ? NULL : gs_int_new(vm, sum);
            }
            if ((v->type == vm->t_int && !gs_int_is_big(v)) || v->type == vm->t_bool) {
                int64_t b = v->type == vm->t_bool ? v == vm->true_ : ((gs_Int *)v)->value, t;
                if (!__builtin_add_overflow(sum, b, &t)) {
                    sum = t;
                    gs_decref(vm, v);
                    continue;
                }
            }
            if (!(acc = sum_add(vm, gs_int_new(vm, sum), v))) {
                gs_decref(vm, it);
                return NULL;
            }
        }
    }
    if (acc->type == vm->t_float) {
        double sum = ((gs_Float *)acc)->value;
        gs_decref(vm, acc);
        acc = NULL;
        while (!acc) {
            if (!(v = gs_next(vm, it))) {
                gs_decref(vm, it);
                return vm->exc ? NULL : gs_float_new(vm, sum);
            }
            if (v->type == vm->t_float || GS_KIND(v) == GS_K_INT || GS_KIND(v) == GS_K_BOOL) {
                sum += v->type == vm->t_float ? ((gs_Float *)v)->value
                       : GS_KIND(v) == GS_K_BOOL ? (double)(v == vm->true_) : (double)((gs_Int *)v)->value;
                gs_decref(vm, v);
                continue;
            }
            if (!(acc = sum_add(vm, gs_float_new(vm, sum), v))) {
                gs_decref(vm, it);
                return NULL;
            }
        }
    }
    while ((v = gs_next(vm, it))) {
        if (!(acc = sum_add(vm, acc, v))) {
            gs_decref(vm, it);
            return NULL;
        }
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

static gs_Object *b_enumerate(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "start", NULL };
    if (gs_check_kw_allowed(vm, "enumerate", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    if (gs_check_args(vm, "enumerate", npos, 1, 2) < 0)
        return NULL;
    gs_Object *st = npos == 2 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "start");
    int64_t start = 0;
    if (st && gs_as_int(vm, st, &start) < 0)
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

static gs_Object *b_zip(GS_ARGS)
{
    GS_UNUSED(self);
    /* zip(*iterables, strict=False) */
    int npos = gs_npos(nargs, kwnames), strict = 0;
    for (int i = 0; kwnames && i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        if (strcmp(k, "strict") != 0) {
            gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for zip()", k);
            return NULL;
        }
        strict = gs_truthy(vm, args[npos + i]);
        if (strict < 0)
            return NULL;
    }
    nargs = npos;
    gs_Object *t = iters_tuple(vm, args, nargs);
    if (!t)
        return NULL;
    gs_Object *it = iter_wrap(vm, GS_IT_ZIP, t, NULL);
    gs_decref(vm, t);
    if (it)
        ((gs_Iter *)it)->step = strict; /* zip's step: its strict flag */
    if (it && nargs > 0 && gs_iter_prime_result(vm, it, nargs) < 0) {
        gs_decref(vm, it);
        return NULL;
    }
    return it;
}

static gs_Object *b_map(GS_ARGS)
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

static gs_Object *b_filter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *inner = gs_iter(vm, args[1]);
    if (!inner)
        return NULL;
    gs_Object *it = iter_wrap(vm, GS_IT_FILTER, inner, args[0]);
    gs_decref(vm, inner);
    return it;
}

static gs_Object *b_reversed(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = args[0];
    /* reversed_new: a __reversed__ (list, dict, range have one) is looked up
     * bound, a GC object freed after the call */
    gs_Object *m = gs_dispatches(o) ? gs_type_lookup_slot(vm, o->type, gs_name(vm, "__reversed__")) : NULL;
    gs_Kind k = GS_KIND(o);
    bool bound = m || k == GS_K_LIST || k == GS_K_DICT || k == GS_K_RANGE;
    gs_Object *meth = bound ? gs_phantom_alloc(vm, vm->t_builtin, 0) : NULL;
    gs_Object *r = m ? gs_call_object(vm, m, &o, 1, NULL) : gs_reversed(vm, o);
    gs_phantom_free(vm, meth);
    return r;
}


static gs_Object *b_sorted(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "key", "reverse", NULL };
    if (gs_check_kw_allowed(vm, "sorted", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
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
        gs_clinic_parser_init(vm, GS_CLINIC_LIST_SORT, 2);
    int st = gs_list_sort(vm, l, key == vm->none ? NULL : key, r);
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

static gs_Object *b_any(GS_ARGS) { GS_UNUSED_ARGS; return b_any_all(vm, args[0], true); }
static gs_Object *b_all(GS_ARGS) { GS_UNUSED_ARGS; return b_any_all(vm, args[0], false); }

static gs_Object *b_callable(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Kind k = GS_KIND(args[0]);
    bool c = k == GS_K_FUNCTION || k == GS_K_BUILTIN || k == GS_K_METHOD || k == GS_K_TYPE ||
             gs_type_lookup(args[0]->type, vm->s___call__);
    return GS_BOOL(vm, c);
}

static gs_Object *b_chr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t v = 0;
    if (gs_as_int(vm, args[0], &v) < 0)
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

static gs_Object *b_ord(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = args[0];
    if (GS_KIND(o) == GS_K_BYTES || GS_KIND(o) == GS_K_BYTEARRAY) {
        if (gs_bytes_len(o) != 1) {
            gs_raise(vm, vm->e_TypeError, "ord() expected a character, but string of length %lld found",
                     (long long)gs_bytes_len(o));
            return NULL;
        }
        gs_Object *b = gs_getitem(vm, o, vm->small_ints[5]);
        return b;
    }
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

/* a class's binary method `name` (__divmod__), else the right operand's
 * reflected one (__rdivmod__); NotImplemented (a new ref) when neither answers */
static gs_Object *user_dunder2(gs_VM *vm, gs_Object *a, gs_Object *b, const char *name, const char *rname)
{
    gs_Object *m = gs_dispatches(a) ? gs_type_lookup(a->type, gs_name(vm, name)) : NULL;
    if (m) {
        gs_Object *argv[2] = { a, b };
        gs_Object *r = gs_call_object(vm, m, argv, 2, NULL);
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    gs_Object *rm = gs_dispatches(b) && b->type != a->type ? gs_type_lookup(b->type, gs_name(vm, rname)) : NULL;
    if (rm) {
        gs_Object *argv[2] = { b, a };
        return gs_call_object(vm, rm, argv, 2, NULL);
    }
    return gs_newref(vm, vm->notimpl);
}

static gs_Object *b_divmod(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (gs_dispatches(args[0]) || gs_dispatches(args[1])) {
        gs_Object *r = user_dunder2(vm, args[0], args[1], "__divmod__", "__rdivmod__");
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
        if (GS_KIND(args[0]) == GS_K_INSTANCE || GS_KIND(args[1]) == GS_K_INSTANCE) {
            gs_raise(vm, vm->e_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                     gs_type_name(args[0]), gs_type_name(args[1]));
            return NULL;
        }
    }
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

static gs_Object *b_pow(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (nargs == 3 && args[2] != vm->none && GS_KIND(args[0]) == GS_K_INSTANCE) {
        /* a class's three-argument __pow__ */
        gs_Object *m = gs_type_lookup(args[0]->type, gs_name(vm, "__pow__"));
        gs_Object *r = m ? gs_call_object(vm, m, args, 3, NULL) : gs_newref(vm, vm->notimpl);
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
        gs_raise(vm, vm->e_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                 gs_type_name(args[0]), gs_type_name(args[1]), gs_type_name(args[2]));
        return NULL;
    }
    if (nargs == 3 && args[2] != vm->none) {
        int64_t b = 0, e = 0, m = 0;
        if (GS_KIND(args[0]) == GS_K_COMPLEX || GS_KIND(args[1]) == GS_K_COMPLEX) {
            gs_raise(vm, vm->e_ValueError, "complex modulo"); /* complex_pow */
            return NULL;
        }
        bool ints = true;
        for (int i = 0; i < 3; i++)
            ints = ints && (GS_KIND(args[i]) == GS_K_INT || GS_KIND(args[i]) == GS_K_BOOL);
        if (ints && (gs_int_is_big(args[0]) || gs_int_is_big(args[1]) || gs_int_is_big(args[2]) ||
                     (GS_KIND(args[1]) == GS_K_INT && ((gs_Int *)args[1])->value < 0)))
            return gs_big_powmod(vm, args[0], args[1], args[2]); /* a negative exponent: the inverse */
        if (gs_as_int(vm, args[0], &b) < 0 || gs_as_int(vm, args[1], &e) < 0 || gs_as_int(vm, args[2], &m) < 0)
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

static gs_Object *b_round(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = args[0];
    int64_t nd = 0;
    bool have_nd = nargs == 2 && args[1] != vm->none;
    if (GS_KIND(o) != GS_K_INT && GS_KIND(o) != GS_K_BOOL && GS_KIND(o) != GS_K_FLOAT) {
        /* a class's __round__(ndigits), called with no argument when none
         * was given (or None), ndigits unchecked (Decimal says what it takes) */
        gs_Object *m = gs_dispatches(o) ? gs_type_lookup(o->type, gs_name(vm, "__round__")) : NULL;
        if (m) {
            gs_Object *argv[2] = { o, have_nd ? args[1] : NULL };
            return gs_call_object(vm, m, argv, have_nd ? 2 : 1, NULL);
        }
        gs_raise(vm, vm->e_TypeError, "type %s doesn't define __round__ method", gs_type_name(o));
        return NULL;
    }
    if (have_nd && gs_as_int(vm, args[1], &nd) < 0)
        return NULL;
    if ((GS_KIND(o) == GS_K_INT && have_nd && nd < -18) || gs_int_is_big(o))
        return gs_big_round(vm, o, have_nd ? nd : 0);
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
            if (fabs(r) >= 9223372036854775808.0) /* 2**63: past a C int64 */
                return gs_big_from_double(vm, r);
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
    return NULL; /* not reached: ints and floats are handled above */
}

static gs_Object *b_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t h = gs_hash(vm, args[0]);
    return h == -1 ? NULL : gs_int_new(vm, h);
}

static gs_Object *b_globals(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, vm->frame ? vm->frame->globals : &((gs_Module *)vm->main_module)->dict->ob);
}

/* locals(): the running frame's namespace, a function's f_locals dict
 * refreshed (frame.c); the caller gets a new reference to it */
static gs_Object *b_locals(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (!vm->frame)
        return b_globals(vm, self, args, nargs, kwnames);
    gs_Object *d = gs_frame_locals(vm, vm->frame);
    return d ? gs_newref(vm, d) : NULL;
}

/* ------------------------------------------------------------------ exec, eval
 *
 * builtin_exec / builtin_eval of CPython 3.11 for strings: the source is
 * compiled as "<string>" (eval: one expression, leading spaces and tabs
 * skipped), then run in a frame of its own whose globals and locals are
 * the arguments, or the caller's (a function's locals() dict: names the
 * string binds there do not reach the function's variables, as in
 * CPython).  A globals dict without '__builtins__' gets the builtins dict
 * under that key.  A syntax error is raised as a SyntaxError whose
 * filename, lineno, offset and text are the parser's. */

static gs_Object *raise_syntax_error(gs_VM *vm, const gs_Error *err, const char *src, size_t len, bool eval_mode)
{
    gs_Type *t = strcmp(err->type_name, "IndentationError") == 0 ? vm->e_IndentationError
                 : strcmp(err->type_name, "TabError") == 0 ? vm->e_TabError
                 : strcmp(err->type_name, "MemoryError") == 0 ? vm->e_MemoryError
                 : strcmp(err->type_name, "RecursionError") == 0 ? vm->e_RecursionError
                 : vm->e_SyntaxError;
    if (!gs_issubtype(t, vm->e_SyntaxError)) {
        gs_raise(vm, t, "%s", err->text ? err->text : "");
        return NULL;
    }
    /* the text of the error's line */
    const char *p = src, *end = src + len;
    for (int l = 1; l < err->line && p < end; p++)
        if (*p == '\n')
            l++;
    const char *q = p;
    while (q < end && *q != '\n')
        q++;
    gs_Buf line;
    gs_buf_init(&line);
    if (err->line > 0) {
        gs_buf_add(&line, p, (size_t)(q - p));
        if (!eval_mode || q < end)
            gs_buf_addc(&line, '\n');
    }
    /* the compiler's errors have no text: CPython reads it back from the
     * file, and "<string>" is none; the tokenizer's at the end of input
     * ("'(' was never closed") keep the line without its end */
    if (err->line > 0 && err->text && strstr(err->text, "was never closed") && q < end && line.len &&
        line.data[line.len - 1] == '\n')
        line.len--;
    /* what CPython's compiler and symtable find (the model's parser finds some) */
    static const char *const compiler_errors[] = { "outside function", "outside loop", "not properly in loop",
                                                   "nonlocal declaration", "before global declaration",
                                                   "before nonlocal declaration", "duplicate argument",
                                                   "is parameter and", "no binding for nonlocal" };
    bool no_text = err->after_parse;
    for (int i = 0; i < GS_COUNTOF(compiler_errors) && err->text; i++)
        if (strstr(err->text, compiler_errors[i]))
            no_text = true;
    gs_Object *text = no_text ? gs_newref(vm, vm->none) : gs_buf_to_str(vm, &line);
    if (no_text)
        gs_buf_free(&line);
    gs_Object *msg = gs_str_from_cstr(vm, err->text ? err->text : "invalid syntax");
    gs_Object *fname = gs_str_from_cstr(vm, "<string>");
    gs_Object *lineno = gs_int_new(vm, err->line), *offset = gs_int_new(vm, err->line > 0 ? err->col : 0);
    /* the end: most errors are about one character (CPython's end positions
     * for longer tokens are not known here) */
    gs_Object *end_offset = gs_int_new(vm, err->line > 0 ? err->col + 1 : 0);
    gs_Object *info = end_offset && text && msg && fname && lineno && offset ? gs_tuple_pack(vm, 6, fname, lineno, offset, text, lineno, end_offset)
                                                              : NULL;
    gs_Object *args = info ? gs_tuple_pack(vm, 2, msg, info) : NULL;
    gs_Object *exc = args ? gs_exception_new(vm, t, args) : NULL;
    if (exc) {
        const char *names[] = { "msg", "filename", "lineno", "offset", "text" };
        gs_Object *vals[] = { msg, fname, lineno, offset, text };
        for (int i = 0; i < 5; i++)
            gs_setattr(vm, exc, gs_name(vm, names[i]), vals[i]);
        gs_raise_obj(vm, exc);
    }
    gs_xdecref(vm, info);
    gs_xdecref(vm, text);
    gs_xdecref(vm, msg);
    gs_xdecref(vm, fname);
    gs_xdecref(vm, lineno);
    gs_xdecref(vm, offset);
    gs_xdecref(vm, end_offset);
    if (!vm->exc)
        gs_raise_memory(vm);
    return NULL;
}

static gs_Object *exec_or_eval(gs_VM *vm, gs_Object **args, int nargs, bool eval_mode)
{
    const char *fname = eval_mode ? "eval" : "exec";
    gs_Object *globals = nargs > 1 && args[1] != vm->none ? args[1] : NULL;
    gs_Object *locals = nargs > 2 && args[2] != vm->none ? args[2] : NULL;
    /* CPython's checks, in its order (eval: locals first); a list, tuple or
     * str passes PyMapping_Check, but only dicts are namespaces here */
    bool mapping_like;
    if (!eval_mode && globals && GS_KIND(globals) != GS_K_DICT) {
        gs_raise(vm, vm->e_TypeError, "exec() globals must be a dict, not %s", gs_type_name(globals));
        return NULL;
    }
    if (locals && GS_KIND(locals) != GS_K_DICT) {
        if (eval_mode)
            gs_raise(vm, vm->e_TypeError, "locals must be a mapping");
        else
            gs_raise(vm, vm->e_TypeError, "locals must be a mapping or None, not %s", gs_type_name(locals));
        return NULL;
    }
    if (globals && GS_KIND(globals) != GS_K_DICT) {
        mapping_like = GS_KIND(globals) == GS_K_LIST || GS_KIND(globals) == GS_K_TUPLE || GS_KIND(globals) == GS_K_STR;
        if (eval_mode)
            gs_raise(vm, vm->e_TypeError, mapping_like ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                       : "globals must be a dict");
        else
            gs_raise(vm, vm->e_TypeError, "exec() globals must be a dict, not %s", gs_type_name(globals));
        return NULL;
    }
    if (!globals) {
        globals = vm->frame ? vm->frame->globals : &((gs_Module *)vm->main_module)->dict->ob;
        if (!locals) {
            locals = vm->frame ? gs_frame_locals(vm, vm->frame) : globals;
            if (!locals)
                return NULL;
        }
    } else if (!locals)
        locals = globals;
    gs_Object *src = args[0];
    if (GS_KIND(src) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
        return NULL;
    }
    if (!gs_dict_get_str(vm, globals, vm->s___builtins__)) {
        if (vm->exc || gs_dict_set(vm, globals, &vm->s___builtins__->ob, vm->builtins) < 0)
            return NULL;
    }
    const char *text = ((gs_Str *)src)->data;
    size_t len = (size_t)((gs_Str *)src)->len;
    if (memchr(text, '\0', len)) {
        gs_raise(vm, vm->e_ValueError, "source code string cannot contain null bytes");
        return NULL;
    }
    if (eval_mode)
        while (len && (*text == ' ' || *text == '\t')) {
            text++;
            len--;
        }
    if (!vm->compile_string) {
        gs_raise(vm, vm->e_RuntimeError, "%s() has no compiler in this VM", fname);
        return NULL;
    }
    gs_Error err;
    gs_Code *code = vm->compile_string(vm, text, len, "<string>", eval_mode, &err);
    if (!code) {
        raise_syntax_error(vm, &err, text, len, eval_mode);
        gs_error_clear(&err);
        return NULL;
    }
    gs_error_clear(&err);
    gs_Object *r = gs_vm_run_code(vm, code, globals, locals);
    gs_decref(vm, code);
    if (r && !eval_mode) {
        gs_decref(vm, r);
        return GS_NONE(vm);
    }
    return r;
}

static gs_Object *b_exec(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return exec_or_eval(vm, args, nargs, false);
}

static gs_Object *b_eval(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return exec_or_eval(vm, args, nargs, true);
}

static gs_Object *b_vars(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (nargs == 0)
        return b_locals(vm, self, args, nargs, kwnames);
    gs_Object *o = args[0];
    if (gs_inst_part(o) && (o->type->flags & GS_TF_DICT)) {
        gs_Object *d = gs_instance_dict(vm, o);
        return d ? gs_newref(vm, d) : NULL;
    }
    if (GS_KIND(o) == GS_K_MODULE)
        return gs_newref(vm, &((gs_Module *)o)->dict->ob);
    /* anything else with a __dict__ (a class's: a mappingproxy; a
     * function's attributes, a class's own __dict__ property) */
    gs_Object *d = gs_getattr(vm, o, vm->s___dict__);
    if (d || !gs_exc_matches(vm, vm->e_AttributeError))
        return d;
    gs_clear_exc(vm);
    gs_raise(vm, vm->e_TypeError, "vars() argument must have __dict__ attribute");
    return NULL;
}

/* ------------------------------------------------------------------ help()
 * pydoc's plain-text help (help() with stdout not a terminal: no pager)
 * for a function, a lambda or a bound method: "Help on function f in
 * module __main__:", the signature as inspect.signature writes it (its
 * annotations as inspect.formatannotation), the docstring cleaned as
 * inspect.cleandoc does and indented by four, then a blank line.  Other
 * objects (classes, modules, built-ins) need pydoc's other documenters,
 * which the model does not have: they raise, rather than print a page
 * CPython would not. */

/* inspect.formatannotation */
static int help_annotation(gs_VM *vm, gs_Buf *b, gs_Object *a)
{
    if (GS_KIND(a) == GS_K_TYPE) {
        gs_Type *t = (gs_Type *)a;
        const char *qn = t->qualname ? t->qualname->data : t->name->data;
        gs_Object *mod = gs_getattr(vm, a, vm->s___module__);
        if (!mod)
            return -1;
        if (GS_KIND(mod) == GS_K_STR && strcmp(((gs_Str *)mod)->data, "builtins") != 0)
            gs_buf_printf(b, "%s.%s", ((gs_Str *)mod)->data, qn);
        else
            gs_buf_add(b, qn, strlen(qn));
        gs_decref(vm, mod);
        return 0;
    }
    gs_Object *r = gs_repr(vm, a);
    if (!r)
        return -1;
    const char *t = ((gs_Str *)r)->data;
    /* typing's reprs lose their "typing." prefixes */
    for (const char *p = t; *p;) {
        if (strncmp(p, "typing.", 7) == 0 && (p == t || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.'))) {
            p += 7;
            continue;
        }
        gs_buf_addc(b, *p++);
    }
    gs_decref(vm, r);
    return 0;
}

/* one parameter: name[: annotation][=default | = default] */
static int help_param(gs_VM *vm, gs_Buf *b, const char *prefix, gs_Str *name, gs_Object *ann, gs_Object *def)
{
    gs_Object *a = ann ? gs_dict_get(vm, ann, &name->ob) : NULL;
    gs_buf_printf(b, "%s%s", prefix, name->data);
    if (a) {
        gs_buf_add(b, ": ", 2);
        if (help_annotation(vm, b, a) < 0)
            return -1;
    }
    if (def) {
        gs_Object *r = gs_repr(vm, def);
        if (!r)
            return -1;
        gs_buf_printf(b, a ? " = %s" : "=%s", ((gs_Str *)r)->data);
        gs_decref(vm, r);
    }
    return 0;
}

/* str(inspect.signature(f)), without its first parameter for a bound method */
static int help_signature(gs_VM *vm, gs_Buf *b, gs_Function *f, bool bound)
{
    gs_Code *c = f->code;
    gs_Object *ann = gs_getattr(vm, &f->ob, gs_name(vm, "__annotations__"));
    if (!ann)
        return -1;
    if (GS_KIND(ann) != GS_K_DICT) {
        gs_decref(vm, ann);
        ann = NULL;
    }
    int32_t npos = c->argcount, ndef = f->defaults ? f->defaults->len : 0;
    int first = 0, written = 0, rc = 0;
    if (bound && (npos > 0 || (c->flags & GS_CO_VARARGS)))
        first = npos > 0 ? 1 : 0; /* self (a method of *args alone keeps it) */
    gs_buf_addc(b, '(');
    for (int32_t i = first; i < npos && rc == 0; i++) {
        gs_Object *def = i >= npos - ndef ? f->defaults->items[i - (npos - ndef)] : NULL;
        rc = help_param(vm, b, written++ ? ", " : "", c->localnames[i], ann, def);
        if (rc == 0 && c->posonlyargcount && i == c->posonlyargcount - 1)
            gs_buf_add(b, ", /", 3);
    }
    int32_t next = npos + c->kwonlycount;
    if (rc == 0 && (c->flags & GS_CO_VARARGS))
        rc = help_param(vm, b, written++ ? ", *" : "*", c->localnames[next++], ann, NULL);
    else if (rc == 0 && c->kwonlycount) {
        if (written++)
            gs_buf_add(b, ", *", 3);
        else
            gs_buf_addc(b, '*');
    }
    for (int32_t i = npos; i < npos + c->kwonlycount && rc == 0; i++) {
        gs_Object *def = f->kwdefaults ? gs_dict_get(vm, &f->kwdefaults->ob, &c->localnames[i]->ob) : NULL;
        rc = help_param(vm, b, written++ ? ", " : "", c->localnames[i], ann, def);
    }
    if (rc == 0 && (c->flags & GS_CO_VARKW))
        rc = help_param(vm, b, written++ ? ", **" : "**", c->localnames[next], ann, NULL);
    gs_buf_addc(b, ')');
    gs_Object *ret = ann ? gs_dict_get_str(vm, ann, gs_name(vm, "return")) : NULL;
    if (rc == 0 && ret) {
        gs_buf_add(b, " -> ", 4);
        rc = help_annotation(vm, b, ret);
    }
    gs_xdecref(vm, ann);
    return rc;
}

/* inspect.cleandoc, each line indented by four (pydoc's indent) */
static void help_doc(gs_Buf *b, const char *doc)
{
    /* the lines, tabs expanded to 8 */
    gs_Buf x;
    gs_buf_init(&x);
    int col = 0;
    for (const char *p = doc; *p; p++) {
        if (*p == '\t') {
            do
                gs_buf_addc(&x, ' ');
            while (++col % 8);
        } else {
            gs_buf_addc(&x, *p);
            col = *p == '\n' ? 0 : col + 1;
        }
    }
    gs_buf_addc(&x, '\0');
    char *text = x.data;
    int nlines = 1;
    for (char *p = text; *p; p++)
        nlines += *p == '\n';
    char **lines = malloc((size_t)nlines * sizeof *lines);
    if (!lines) {
        gs_buf_free(&x);
        return;
    }
    int n = 0;
    for (char *p = text;;) {
        lines[n++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    /* the smallest indentation of the lines after the first that are not blank */
    size_t margin = SIZE_MAX;
    for (int i = 1; i < n; i++) {
        size_t lead = strspn(lines[i], " ");
        if (lines[i][lead] && lead < margin)
            margin = lead;
    }
    /* the first line loses its leading spaces; trailing spaces of each line stay (cleandoc strips only the ends) */
    lines[0] += strspn(lines[0], " ");
    for (int i = 1; i < n && margin != SIZE_MAX; i++)
        lines[i] += strlen(lines[i]) < margin ? strlen(lines[i]) : margin;
    int lo = 0, hi = n;
    while (lo < hi && !lines[lo][strspn(lines[lo], " ")])
        lo++;
    while (hi > lo && !lines[hi - 1][strspn(lines[hi - 1], " ")])
        hi--;
    for (int i = lo; i < hi; i++) {
        /* pydoc's indent, then rstrip() of the whole */
        const char *l = lines[i];
        size_t len = strlen(l);
        if (i == hi - 1)
            while (len && l[len - 1] == ' ')
                len--;
        gs_buf_add(b, "    ", 4);
        gs_buf_add(b, l, len);
        gs_buf_addc(b, '\n');
    }
    free(lines);
    gs_buf_free(&x);
}

static gs_Object *b_help(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (nargs == 0) {
        gs_raise(vm, vm->e_TypeError, "gcscope's help() documents an object: help(f) (the interactive help needs a terminal)");
        return NULL;
    }
    gs_Object *o = args[0];
    gs_Object *fo = GS_KIND(o) == GS_K_METHOD ? ((gs_Method *)o)->func : o;
    if (GS_KIND(fo) != GS_K_FUNCTION) {
        gs_raise(vm, vm->e_TypeError, "gcscope's help() documents functions and methods, not %s objects",
                 gs_type_name(o));
        return NULL;
    }
    gs_Function *f = (gs_Function *)fo;
    bool bound = GS_KIND(o) == GS_K_METHOD;
    gs_Object *mod = gs_getattr(vm, fo, vm->s___module__);
    if (!mod)
        return NULL;
    const char *mn = GS_KIND(mod) == GS_K_STR ? ((gs_Str *)mod)->data : NULL;
    const char *name = f->name->data;
    bool lambda = strcmp(f->code->name->data, "<lambda>") == 0;
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "Help on %s %s", bound ? "method" : "function", name);
    if (mn)
        gs_buf_printf(&b, " in module %s", mn);
    gs_buf_add(&b, ":\n\n", 3);
    gs_Buf sig;
    gs_buf_init(&sig);
    int rc = help_signature(vm, &sig, f, bound);
    if (rc == 0) {
        gs_buf_addc(&sig, '\0');
        if (lambda) /* "<lambda> lambda x, y=2": the signature without its parentheses */
            gs_buf_printf(&b, "%s lambda %.*s", name, (int)(strlen(sig.data) - 2), sig.data + 1);
        else
            gs_buf_printf(&b, "%s%s", name, sig.data);
        if (bound) {
            gs_Object *self = ((gs_Method *)o)->self;
            gs_Type *st = self->type; /* a classmethod's class is a "builtins.type instance" */
            gs_Object *smod = gs_getattr(vm, &st->ob, vm->s___module__);
            if (smod && GS_KIND(smod) == GS_K_STR)
                gs_buf_printf(&b, " method of %s.%s instance", ((gs_Str *)smod)->data, st->name->data);
            gs_xdecref(vm, smod);
            if (!smod)
                rc = -1;
        }
        gs_buf_addc(&b, '\n');
    }
    gs_buf_free(&sig);
    gs_decref(vm, mod);
    gs_Object *doc = rc == 0 ? gs_getattr(vm, fo, vm->s___doc__) : NULL;
    if (!doc)
        rc = -1;
    else if (GS_KIND(doc) == GS_K_STR)
        help_doc(&b, ((gs_Str *)doc)->data);
    gs_xdecref(vm, doc);
    if (rc < 0 || b.oom) {
        if (b.oom && rc == 0)
            gs_raise_memory(vm);
        gs_buf_free(&b);
        return NULL;
    }
    gs_buf_addc(&b, '\n'); /* Helper.help's own newline */
    gs_write_out(vm, b.data, b.len);
    gs_buf_free(&b);
    return GS_NONE(vm);
}

static gs_Object *b_dir(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    gs_Object *seen = gs_dict_new(vm);
    if (!seen) {
        gs_decref(vm, l);
        return NULL;
    }
    gs_Object *o = nargs ? args[0] : NULL;
    if (!o) { /* the names of locals() */
        gs_Object *g = vm->frame ? gs_frame_locals(vm, vm->frame) : NULL;
        if (g)
            gs_dict_update(vm, seen, g);
    } else {
        gs_Kind k = GS_KIND(o);
        /* a class's own __dir__ (object.__dir__ and type.__dir__ are below) */
        gs_Object *own = gs_type_lookup(o->type, gs_name(vm, "__dir__"));
        if (own && GS_KIND(own) != GS_K_BUILTIN) {
            gs_decref(vm, seen);
            gs_decref(vm, l);
            gs_Object *r = gs_call_object(vm, own, &o, 1, NULL);
            if (!r)
                return NULL;
            l = gs_list_from_iterable(vm, r);
            gs_decref(vm, r);
            if (l && gs_list_sort(vm, l, NULL, false) < 0) {
                gs_decref(vm, l);
                return NULL;
            }
            return l;
        }
        gs_InstPart *ip = gs_inst_part(o);
        if (ip) {
            gs_DictTable *t = ip->dict ? &ip->dict->t : &ip->attrs;
            for (int32_t i = 0; i < t->nentries; i++)
                if (t->entries[i].key)
                    gs_dict_set(vm, seen, t->entries[i].key, vm->none);
        }
        if (k == GS_K_MODULE)
            gs_dict_update(vm, seen, &((gs_Module *)o)->dict->ob);
        else {
            /* type.__dir__ / object.__dir__: the dicts of the class and its
             * bases (their member descriptors: the slots) */
            gs_Type *t = k == GS_K_TYPE ? (gs_Type *)o : o->type;
            int32_t n;
            gs_Type **mro = gs_type_mro(t, &n);
            bool basicsize_from_builtin = false;
            for (int32_t i = 0; mro && i < n; i++) {
                if (mro[i]->dict) {
                    gs_dict_update(vm, seen, &mro[i]->dict->ob);
                    /* a built-in type's __basicsize__ is a slot in CPython,
                     * no attribute of its dict (size.c reads the model's) */
                    if (!(mro[i]->flags & GS_TF_HEAP) &&
                        gs_dict_get_str(vm, &mro[i]->dict->ob, gs_name(vm, "__basicsize__")))
                        basicsize_from_builtin = true;
                }
                if ((mro[i]->flags & GS_TF_HEAP) && mro[i]->nslots)
                    for (int32_t j = 0; j < mro[i]->nslots; j++)
                        gs_dict_set(vm, seen, &mro[i]->slots[mro[i]->slot_base + j]->ob, vm->none);
            }
            if (basicsize_from_builtin) {
                bool own = false; /* unless a class of the program defines one */
                for (int32_t i = 0; mro && i < n; i++)
                    if ((mro[i]->flags & GS_TF_HEAP) && mro[i]->dict &&
                        gs_dict_get_str(vm, &mro[i]->dict->ob, gs_name(vm, "__basicsize__")))
                        own = true;
                if (!own)
                    gs_dict_del(vm, seen, &gs_name(vm, "__basicsize__")->ob);
            }
        }
    }
    int32_t pos = 0;
    gs_Object *k, *v;
    while (gs_dict_next(seen, &pos, &k, &v))
        gs_list_append(vm, l, k);
    gs_decref(vm, seen);
    if (gs_list_sort(vm, l, NULL, false) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    return l;
}

static gs_Object *b_format(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *spec = nargs > 1 ? args[1] : vm->empty_str;
    if (GS_KIND(spec) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "format() argument 2 must be str, not %s", gs_type_name(spec));
        return NULL;
    }
    return gs_format(vm, args[0], spec);
}

/* __build_class__(func, name, *bases, metaclass=None, **kwargs): CPython's
 * builtin___build_class__ — the metaclass (the most derived of the bases'
 * and the one given), its __prepare__'d namespace, the body run in it, the
 * class made by calling the metaclass, and the __class__ cell checked. */
static gs_Object *b_build_class(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    if (npos < 2) {
        gs_raise(vm, vm->e_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    if (GS_KIND(args[0]) != GS_K_FUNCTION) {
        gs_raise(vm, vm->e_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (GS_KIND(args[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    gs_Str *name = (gs_Str *)args[1];
    int nb = npos - 2;
    gs_Object **bases = args + 2;
    /* update_bases (PEP 560): a base that is not a class but has
     * __mro_entries__ (typing.NamedTuple, Generic[T]) is replaced by the
     * classes that method gives; the class keeps the bases as written in
     * __orig_bases__ */
    gs_Object *orig_bases = NULL, *new_bases = NULL;
    for (int i = 0; i < nb; i++) {
        gs_Object *me = NULL;
        if (GS_KIND(bases[i]) != GS_K_TYPE) {
            me = gs_lookup_attr(vm, bases[i], gs_name(vm, "__mro_entries__"));
            if (!me && vm->exc) {
                gs_xdecref(vm, orig_bases);
                gs_xdecref(vm, new_bases);
                return NULL;
            }
        }
        if (!me) {
            if (new_bases)
                gs_list_append(vm, new_bases, bases[i]);
            continue;
        }
        if (!orig_bases) {
            orig_bases = gs_tuple_new(vm, nb);
            new_bases = orig_bases ? gs_list_new(vm, 0) : NULL;
            if (!new_bases) {
                gs_xdecref(vm, orig_bases);
                gs_decref(vm, me);
                return NULL;
            }
            for (int j = 0; j < nb; j++)
                gs_tuple_init(vm, orig_bases, j, gs_newref(vm, bases[j]));
            for (int j = 0; j < i; j++)
                gs_list_append(vm, new_bases, bases[j]);
        }
        gs_Object *got = gs_call(vm, me, &orig_bases, 1, NULL);
        gs_decref(vm, me);
        if (got && GS_KIND(got) != GS_K_TUPLE) {
            gs_raise(vm, vm->e_TypeError, "__mro_entries__ must return a tuple");
            gs_decref(vm, got);
            got = NULL;
        }
        if (!got) {
            gs_decref(vm, orig_bases);
            gs_decref(vm, new_bases);
            return NULL;
        }
        for (int32_t j = 0; j < ((gs_Tuple *)got)->len; j++)
            gs_list_append(vm, new_bases, ((gs_Tuple *)got)->items[j]);
        gs_decref(vm, got);
    }
    if (new_bases) {
        nb = ((gs_List *)new_bases)->len;
        bases = ((gs_List *)new_bases)->items;
    }
    /* the keywords: metaclass= apart, the rest go to the metaclass */
    int nkw = kwnames ? kwnames->len : 0;
    gs_Object *meta = NULL;
    gs_Object *kwv[nkw > 0 ? nkw : 1];
    int nrest = 0;
    for (int i = 0; i < nkw; i++) {
        if (strcmp(((gs_Str *)kwnames->items[i])->data, "metaclass") == 0)
            meta = args[npos + i];
        else
            kwv[nrest++] = args[npos + i];
    }
    gs_Tuple *restnames = NULL;
    if (nrest && nrest != nkw) {
        restnames = (gs_Tuple *)gs_tuple_new(vm, nrest);
        if (!restnames) {
            gs_xdecref(vm, orig_bases);
            gs_xdecref(vm, new_bases);
            return NULL;
        }
        for (int i = 0, j = 0; i < nkw; i++)
            if (strcmp(((gs_Str *)kwnames->items[i])->data, "metaclass") != 0)
                gs_tuple_init(vm, &restnames->ob, j++, gs_newref(vm, kwnames->items[i]));
    } else if (nrest)
        restnames = (gs_Tuple *)gs_newref(vm, &kwnames->ob);
    gs_Object *result = NULL, *ns = NULL, *btuple = NULL;
    if (!meta)
        meta = nb ? &bases[0]->type->ob : &vm->t_type->ob;
    if (GS_KIND(meta) == GS_K_TYPE) {
        for (int i = 0; i < nb; i++)
            if (GS_KIND(bases[i]) != GS_K_TYPE) {
                gs_raise(vm, vm->e_TypeError, "bases must be types");
                goto done;
            }
        gs_Type *w = gs_type_calculate_meta(vm, (gs_Type *)meta, (gs_Type **)bases, nb);
        if (!w)
            goto done;
        meta = &w->ob;
    }
    gs_incref(vm, meta);
    /* __prepare__: a plain dict unless the metaclass has its own */
    gs_Object *prep = GS_KIND(meta) == GS_K_TYPE ? gs_type_lookup((gs_Type *)meta, gs_name(vm, "__prepare__")) : NULL;
    if (meta != &vm->t_type->ob) {
        btuple = gs_tuple_new(vm, nb);
        if (!btuple) {
            gs_decref(vm, meta);
            goto done;
        }
        for (int i = 0; i < nb; i++)
            gs_tuple_init(vm, btuple, i, gs_newref(vm, bases[i]));
    }
    if (prep && GS_KIND(prep) != GS_K_BUILTIN) {
        gs_Object *pm = gs_getattr(vm, meta, gs_name(vm, "__prepare__"));
        if (pm) {
            gs_Object *pargs[2 + (nrest > 0 ? nrest : 1)];
            pargs[0] = &name->ob;
            pargs[1] = btuple;
            for (int i = 0; i < nrest; i++)
                pargs[2 + i] = kwv[i];
            ns = gs_call_object(vm, pm, pargs, 2 + nrest, restnames);
            gs_decref(vm, pm);
        }
    } else
        ns = gs_dict_new(vm);
    if (!ns) {
        gs_decref(vm, meta);
        goto done;
    }
    gs_Object *cell = gs_vm_run_class_body(vm, args[0], ns);
    if (cell && orig_bases && gs_setitem(vm, ns, &gs_name(vm, "__orig_bases__")->ob, orig_bases) < 0) {
        gs_decref(vm, cell);
        cell = NULL;
    }
    if (!cell) {
        gs_decref(vm, meta);
        goto done;
    }
    /* the keywords went into a dict (mkw) for the metaclass call */
    gs_Object *mkw = nkw ? gs_phantom_alloc(vm, vm->t_dict, 0) : NULL;
    if (meta == &vm->t_type->ob) {
        result = gs_type_new_from(vm, vm->t_type, name, (gs_Type **)bases, nb, ns, kwv, restnames);
    } else {
        gs_Object *margs[3 + (nrest > 0 ? nrest : 1)];
        margs[0] = &name->ob;
        margs[1] = btuple;
        margs[2] = ns;
        for (int i = 0; i < nrest; i++)
            margs[3 + i] = kwv[i];
        result = gs_call(vm, meta, margs, 3 + nrest, restnames);
    }
    gs_phantom_free(vm, mkw);
    if (result && GS_KIND(result) == GS_K_TYPE && GS_KIND(cell) == GS_K_CELL) {
        gs_Object *cc = ((gs_Cell *)cell)->ref;
        if (cc != result) {
            gs_Object *rr = gs_repr(vm, result);
            if (!cc)
                gs_raise(vm, vm->e_RuntimeError,
                         "__class__ not set defining '%s' as %s. Was __classcell__ propagated to type.__new__?",
                         name->data, rr ? ((gs_Str *)rr)->data : "?");
            else {
                gs_Object *cr = gs_repr(vm, cc);
                gs_raise(vm, vm->e_TypeError, "__class__ set to %s defining '%s' as %s", cr ? ((gs_Str *)cr)->data : "?",
                         name->data, rr ? ((gs_Str *)rr)->data : "?");
                gs_xdecref(vm, cr);
            }
            gs_xdecref(vm, rr);
            gs_decref(vm, result);
            result = NULL;
        }
    }
    gs_decref(vm, cell);
    gs_decref(vm, meta);
done:
    gs_xdecref(vm, ns);
    gs_xdecref(vm, btuple);
    gs_xdecref(vm, restnames);
    gs_xdecref(vm, orig_bases);
    gs_xdecref(vm, new_bases);
    return result;
}

/* super() and super(cls, obj).  With no arguments the class is the
 * __class__ cell of the running method (the compiler gives one to every
 * function that uses super or __class__) and obj its first argument. */
static gs_Object *b_super(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    gs_Object *cls = NULL, *obj = NULL;
    if (nargs == 2 || nargs == 1) {
        cls = args[0];
        obj = nargs == 2 ? args[1] : NULL;
        if (GS_KIND(cls) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "super() argument 1 must be a type, not %s", gs_type_name(cls));
            return NULL;
        }
        if (obj == vm->none)
            obj = NULL;
        if (obj && !gs_super_check(vm, (gs_Type *)cls, obj))
            return NULL;
    } else if (nargs == 0) {
        gs_Frame *f = vm->frame;
        if (!f || !(f->code->flags & GS_CO_OPTIMIZED)) {
            gs_raise(vm, vm->e_RuntimeError, "super(): no arguments");
            return NULL;
        }
        gs_Code *co = f->code;
        if (co->argcount < 1 && !(co->flags & GS_CO_VARARGS)) {
            gs_raise(vm, vm->e_RuntimeError, "super(): no arguments");
            return NULL;
        }
        obj = f->localsplus[0];
        if (!obj) {
            for (int i = 0; i < co->ncells; i++)
                if (co->cell2arg[i] == 0)
                    obj = ((gs_Cell *)f->localsplus[co->nlocals + i])->ref;
        }
        if (!obj) {
            gs_raise(vm, vm->e_RuntimeError, "super(): arg[0] deleted");
            return NULL;
        }
        for (int i = 0; i < co->nfrees; i++) {
            gs_Str *n = co->localnames[co->nlocals + co->ncells + i];
            if (strcmp(n->data, "__class__") != 0)
                continue;
            gs_Object *c = f->localsplus[co->nlocals + co->ncells + i];
            if (!c || GS_KIND(c) != GS_K_CELL) {
                gs_raise(vm, vm->e_RuntimeError, "super(): bad __class__ cell");
                return NULL;
            }
            cls = ((gs_Cell *)c)->ref;
            if (!cls) {
                gs_raise(vm, vm->e_RuntimeError, "super(): empty __class__ cell");
                return NULL;
            }
            if (GS_KIND(cls) != GS_K_TYPE) {
                gs_raise(vm, vm->e_RuntimeError, "super(): __class__ is not a type (%s)", gs_type_name(cls));
                return NULL;
            }
            break;
        }
        if (!cls) {
            gs_raise(vm, vm->e_RuntimeError, "super(): __class__ cell not found");
            return NULL;
        }
        if (!gs_super_check(vm, (gs_Type *)cls, obj))
            return NULL;
    } else {
        gs_raise(vm, vm->e_TypeError, "super() takes 0 or 2 arguments (%d given)", nargs);
        return NULL;
    }
    gs_Method *sp = (gs_Method *)gs_alloc(vm, vm->t_super, sizeof(gs_Method));
    if (!sp)
        return NULL;
    sp->func = gs_newref(vm, cls);
    sp->self = obj ? gs_newref(vm, obj) : NULL;
    gs_record_fields(vm, &sp->ob);
    gs_gc_track(vm, &sp->ob);
    return &sp->ob;
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): the
 * import statement's machinery called by hand; "a.b" gives the package a
 * unless fromlist names something (importlib.__import__) */
static gs_Object *b_import(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "name", "globals", "locals", "fromlist", "level" };
    gs_Object *a[5];
    if (gs_pyargs(vm, "__import__", args, nargs, kwnames, names, 5, 5, 1, a) < 0)
        return NULL;
    if (GS_KIND(a[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "__import__() argument 1 must be str, not %s", gs_type_name(a[0]));
        return NULL;
    }
    int64_t level = 0;
    if (a[4] && gs_as_int(vm, a[4], &level) < 0)
        return NULL;
    if (level < 0) {
        gs_raise(vm, vm->e_ValueError, "level must be >= 0");
        return NULL;
    }
    if (level > 0) { /* a program is __main__, never inside a package */
        if (!a[1] || a[1] == vm->none)
            gs_raise(vm, vm->e_KeyError, "'__name__' not in globals");
        else
            gs_raise(vm, vm->e_ImportError, "attempted relative import with no known parent package");
        return NULL;
    }
    gs_Str *name = (gs_Str *)a[0];
    if (name->len == 0) {
        gs_raise(vm, vm->e_ValueError, "Empty module name");
        return NULL;
    }
    gs_Object *m = gs_import(vm, name);
    int wants = a[3] ? gs_truthy(vm, a[3]) : 0;
    if (wants < 0) {
        gs_xdecref(vm, m);
        return NULL;
    }
    if (!m || wants)
        return m;
    const char *dot = strchr(name->data, '.');
    if (!dot)
        return m;
    gs_decref(vm, m);
    gs_Object *top = gs_str_intern(vm, name->data, (size_t)(dot - name->data));
    m = top ? gs_import(vm, (gs_Str *)top) : NULL;
    gs_xdecref(vm, top);
    return m;
}

static gs_Object *b_open(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_raise(vm, vm->e_RuntimeError, "gcscope programs have no file access: open() is not available");
    return NULL;
}

/* input([prompt]) with stdin not a terminal, as CPython's: the prompt goes
 * to stdout (str() of it, flushed), then a line is read, its line end cut;
 * at the end of input, EOFError */
static gs_Object *b_input(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (nargs == 1 && args[0] != vm->none) {
        gs_Object *p = gs_str(vm, args[0]);
        if (!p)
            return NULL;
        gs_write_out(vm, ((gs_Str *)p)->data, (size_t)((gs_Str *)p)->len);
        gs_decref(vm, p);
    }
    gs_textio_flush(vm, 0);
    size_t len = 0;
    char *line = vm->cfg.read_line ? vm->cfg.read_line(vm->cfg.read_ctx, &len) : NULL;
    if (!line) {
        gs_Type *eof = NULL;
        for (int i = 0; i < vm->nexc_more && !eof; i++)
            if (strcmp(vm->exc_more[i]->name->data, "EOFError") == 0)
                eof = vm->exc_more[i];
        gs_raise(vm, eof ? eof : vm->e_RuntimeError, "EOF when reading a line");
        return NULL;
    }
    if (len && line[len - 1] == '\n')
        len--;
    gs_Object *r = gs_str_new(vm, line, len);
    free(line);
    return r;
}

/* ================================================================== the builtins module */

typedef struct FnDef {
    const char *name;
    gs_CFunc fn;
    int16_t min, max;
    uint8_t kw; /* GS_KW | GS_VARARGS */
} FnDef;

static const FnDef builtin_fns[] = {
    { "print", b_print, 0, -1, GS_KW | GS_STARARGS }, { "len", b_len, 1, 1, false }, { "repr", b_repr, 1, 1, false },
    { "ascii", b_ascii, 1, 1, false }, { "id", b_id, 1, 1, false }, { "hex", b_hex, 1, 1, false },
    { "oct", b_oct, 1, 1, false }, { "bin", b_bin, 1, 1, false }, { "abs", b_abs, 1, 1, false },
    { "isinstance", b_isinstance, 2, 2, false }, { "issubclass", b_issubclass, 2, 2, false },
    { "hasattr", b_hasattr, 2, 2, false }, { "getattr", b_getattr, 2, 3, false },
    { "setattr", b_setattr, 3, 3, false }, { "delattr", b_delattr, 2, 2, false },
    { "iter", b_iter, 1, 2, false }, { "next", b_next, 1, 2, false }, { "min", b_min, 0, -1, true },
    { "max", b_max, 0, -1, true }, { "sum", b_sum, 0, -1, true }, { "enumerate", b_enumerate, 0, -1, true },
    { "zip", b_zip, 0, -1, GS_KW | GS_VARARGS }, { "map", b_map, 0, -1, true }, { "filter", b_filter, 2, 2, false },
    { "reversed", b_reversed, 1, 1, false }, { "sorted", b_sorted, 0, -1, true }, { "any", b_any, 1, 1, false },
    { "all", b_all, 1, 1, false }, { "callable", b_callable, 1, 1, false }, { "chr", b_chr, 1, 1, false },
    { "ord", b_ord, 1, 1, false }, { "divmod", b_divmod, 2, 2, false }, { "pow", b_pow, 2, 3, false },
    { "round", b_round, 1, 2, false }, { "hash", b_hash, 1, 1, false }, { "globals", b_globals, 0, 0, false },
    { "vars", b_vars, 0, 1, false }, { "help", b_help, 0, 1, false }, { "dir", b_dir, 0, 1, GS_VARARGS }, { "format", b_format, 1, 2, false },
    { "__build_class__", b_build_class, 2, -1, true }, { "__import__", b_import, 1, -1, true }, { "open", b_open, 0, -1, true },
    { "input", b_input, 0, 1, false }, { "super", b_super, 0, 2, false }, { "locals", b_locals, 0, 0, false },
    { "exec", b_exec, 1, 3, false }, { "eval", b_eval, 1, 3, false },
    { NULL, NULL, 0, 0, false },
};

static void add_quitters(gs_VM *vm);

void gs_builtins_init(gs_VM *vm)
{
    /* the methods of the built-in types, in the order that gives every
     * object its id (traces name objects by id) */
    gs_list_methods_init(vm);
    gs_tuple_methods_init(vm);
    gs_range_methods_init(vm);
    gs_dictview_methods_init(vm);
    gs_dict_methods_init(vm);
    gs_set_methods_init(vm);
    gs_str_methods_init(vm);
    gs_generator_methods_init(vm);
    gs_class_methods_init(vm);
    gs_number_methods_init(vm);
    gs_complex_methods_init(vm);
    gs_bytes_methods_init(vm);
    gs_exceptions_methods_init(vm);
    gs_descr_methods_init(vm);
    gs_slots_methods_init(vm);
    gs_size_methods_init(vm);
    gs_mappingproxy_type_init(vm);
    gs_memoryview_type_init(vm);

    vm->builtins = gs_dict_new(vm);
    for (const FnDef *d = builtin_fns; d->name; d++) {
        gs_Object *b = gs_builtin_new(vm, d->name, d->fn, d->min, d->max, NULL);
        if (!b)
            continue;
        ((gs_Builtin *)b)->takes_kw = (d->kw & GS_KW) != 0;
        ((gs_Builtin *)b)->varargs = d->kw & (GS_VARARGS | GS_STARARGS);
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
        vm->e_GeneratorExit, vm->e_StopAsyncIteration, vm->e_Warning, vm->e_OSError, vm->e_ReferenceError,
        vm->t_complex, vm->t_bytes, vm->t_bytearray, vm->e_UnicodeDecodeError, vm->e_UnicodeEncodeError,
        vm->e_BaseExceptionGroup, vm->e_ExceptionGroup, vm->t_memoryview,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        gs_dict_set(vm, vm->builtins, &types[i]->name->ob, &types[i]->ob);
    for (int i = 0; i < vm->nexc_more; i++)
        gs_dict_set(vm, vm->builtins, &vm->exc_more[i]->name->ob, &vm->exc_more[i]->ob);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "None")->ob, vm->none);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "True")->ob, vm->true_);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "False")->ob, vm->false_);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "NotImplemented")->ob, vm->notimpl);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "Ellipsis")->ob, vm->ellipsis);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "EnvironmentError")->ob, &vm->e_OSError->ob);
    gs_dict_set(vm, vm->builtins, &gs_name(vm, "IOError")->ob, &vm->e_OSError->ob);
    { /* the builtins module's own name: what a class body defined by exec()
       * with a fresh globals dict finds for __name__ (its __module__) */
        gs_Object *bn = gs_str_intern(vm, "builtins", 8);
        if (bn) {
            gs_dict_set(vm, vm->builtins, &vm->s___name__->ob, bn);
            gs_decref(vm, bn);
        }
    }

    add_quitters(vm);
    vm->modules = gs_dict_new(vm);
    vm->sys_module = gs_module_find("sys")->make(vm);
    vm->main_module = gs_module_new(vm, "__main__");
    gs_Object *md = &((gs_Module *)vm->main_module)->dict->ob;
    /* CPython's __main__ starts with nine names, in this order, in a table
     * of 16 slots: __name__, __doc__, __package__, __loader__, __spec__,
     * __annotations__, __builtins__, then __file__ and __cached__, which
     * gs_load_program adds with the file's name.  The loader is an instance
     * of a class written in Python in CPython (importlib's), with the
     * module's name and path as attributes. */
    gs_dict_set(vm, md, &vm->s___doc__->ob, vm->none);
    gs_dict_set(vm, md, &gs_name(vm, "__package__")->ob, vm->none);
    gs_Type *lt = gs_native_type_new(vm, "_frozen_importlib_external.SourceFileLoader", NULL, NULL);
    gs_Object *loader = lt ? gs_instance_new(vm, lt) : NULL;
    if (loader) {
        gs_setattr(vm, loader, gs_name(vm, "name"), &vm->s___main__->ob);
        gs_dict_set(vm, md, &gs_name(vm, "__loader__")->ob, loader);
        gs_decref(vm, loader);
    }
    gs_dict_set(vm, md, &gs_name(vm, "__spec__")->ob, vm->none);
    gs_Object *ann = gs_dict_new(vm);
    if (ann) {
        gs_dict_set(vm, md, &gs_name(vm, "__annotations__")->ob, ann);
        gs_decref(vm, ann);
    }
    vm->builtins_module = gs_module_of_dict(vm, "builtins", vm->builtins);
    gs_dict_set(vm, md, &vm->s___builtins__->ob, vm->builtins_module ? vm->builtins_module : vm->builtins);
    /* the table is sized (sys.getsizeof(globals()), when it grows) as if
     * the two names still to come were there */
    ((gs_Dict *)md)->hidden = 9 - ((gs_Dict *)md)->t.used;
    gs_dict_presize(vm, md, 4, GS_DK_UNICODE);
    gs_Object *sysmods = vm->modules;
    gs_dict_set(vm, &((gs_Module *)vm->sys_module)->dict->ob, &gs_name(vm, "modules")->ob, sysmods);
    /* what sys.modules has from the start: sys.modules[__name__] is the
     * script's module */
    gs_dict_set(vm, sysmods, &gs_name(vm, "sys")->ob, vm->sys_module);
    if (vm->builtins_module)
        gs_dict_set(vm, sysmods, &vm->s_builtins->ob, vm->builtins_module);
    gs_dict_set(vm, sysmods, &vm->s___main__->ob, vm->main_module);
}

/* exit and quit, which site.py adds to the built-ins: _sitebuiltins.Quitter
 * objects; calling one raises SystemExit(code) (closing sys.stdin first,
 * which has nothing to close here) */
static gs_Object *quitter_call(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    gs_Object *a = nargs ? gs_tuple_pack(vm, 1, args[0]) : NULL;
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_SystemExit, a));
    return NULL;
}

static gs_Object *quitter_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *name = gs_getattr(vm, self, gs_name(vm, "name"));
    gs_Object *eof = name ? gs_getattr(vm, self, gs_name(vm, "eof")) : NULL;
    gs_Object *r = NULL;
    if (eof && GS_KIND(name) == GS_K_STR && GS_KIND(eof) == GS_K_STR)
        r = gs_str_printf(vm, "Use %s() or %s to exit", ((gs_Str *)name)->data, ((gs_Str *)eof)->data);
    else if (eof)
        gs_raise(vm, vm->e_TypeError, "Quitter's name and eof must be str");
    gs_xdecref(vm, name);
    gs_xdecref(vm, eof);
    return r;
}

static void add_quitters(gs_VM *vm)
{
    static const gs_MethodDef methods[] = {
        { "__call__", quitter_call, 0, 1, 0 },
        { "__repr__", quitter_repr, 0, 0, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    gs_Type *t = gs_native_type_new(vm, "_sitebuiltins.Quitter", NULL, methods);
    const char *names[] = { "quit", "exit" };
    for (int i = 0; t && i < 2; i++) {
        gs_Object *q = gs_instance_new(vm, t);
        gs_Object *n = q ? gs_str_from_cstr(vm, names[i]) : NULL;
        gs_Object *e = n ? gs_str_from_cstr(vm, "Ctrl-D (i.e. EOF)") : NULL;
        if (e && gs_setattr(vm, q, gs_name(vm, "name"), n) == 0 && gs_setattr(vm, q, gs_name(vm, "eof"), e) == 0)
            gs_dict_set(vm, vm->builtins, &gs_name(vm, names[i])->ob, q);
        gs_xdecref(vm, n);
        gs_xdecref(vm, e);
        gs_xdecref(vm, q);
        if (vm->exc)
            gs_clear_exc(vm);
    }
}

void gs_builtins_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    /* type dicts of the built-in (static) types are held by the types */
    gs_Type *all[] = {
        vm->t_object, vm->t_type, vm->t_list, vm->t_tuple, vm->t_dict, vm->t_set, vm->t_frozenset, vm->t_str,
        vm->t_generator, vm->t_int, vm->t_float, vm->e_BaseException, vm->t_property, vm->t_staticmethod,
        vm->t_classmethod, vm->t_complex, vm->t_bytes, vm->t_bytearray, vm->t_bytes_iter, vm->t_bytearray_iter,
        vm->t_range, vm->t_slice, vm->t_dict_keys, vm->t_dict_items, vm->t_dict_values, vm->t_list_reverseiterator,
        vm->e_BaseExceptionGroup,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i]->dict)
            count(ctx, &all[i]->dict->ob);
    for (int i = 0; i <= GS_IT_SEQ; i++)
        if (vm->t_iter[i]->dict)
            count(ctx, &vm->t_iter[i]->dict->ob);
    for (int i = 0; i < vm->nexc_more; i++)
        if (vm->exc_more[i]->dict)
            count(ctx, &vm->exc_more[i]->dict->ob);
    /* ... and those of the modules' native types (gs_native_type_new) */
    for (gs_Type *t = vm->static_types; t; t = (gs_Type *)t->ob.gc_next)
        if (t->native && t->dict)
            count(ctx, &t->dict->ob);
    gs_modules_count_roots(vm, count, ctx);
    gs_clinic_count_roots(vm, count, ctx);
}
