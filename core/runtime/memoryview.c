/*
 * memoryview.c — the builtin memoryview and the managed buffer behind it,
 * as CPython 3.11's Objects/memoryobject.c, over bytes, bytearray and
 * array.array (a module type whose gs_NativeOps has a buffer).
 *
 * memoryview(obj) makes two GC objects, in CPython's order: a
 * `managedbuffer` that holds the one strong reference to obj (its
 * PyObject_GetBuffer: the object's export count goes up by one), then the
 * memoryview, which holds the managed buffer.  Slices, memoryview(mv) and
 * cast() make more views of the same managed buffer, so
 * sys.getrefcount(obj) rises by one however many views there are.
 * The managed buffer counts its live views; when the last one is released
 * (release(), a `with` block's end, or its death) it lets obj go, lowers
 * obj's export count and untracks itself, as mbuf_release does.
 *
 * A view is one-dimensional: the byte offset of its first item in obj's
 * buffer, its length in items and its stride in bytes.  The items are
 * read through obj each time (not through a saved pointer), and a
 * bytearray or array refuses to resize while its export count is above 0
 * (BufferError), so a view never reads freed memory.
 *
 * Not modelled: multi-dimensional shapes (cast() takes a format only),
 * the struct formats beyond one native item, memoryview's own buffer
 * exports (bytes(mv) copies), its iterator type (iteration uses the
 * __getitem__ protocol).
 */
#include <stdio.h>
#include <string.h>

#include "opcodes.h"
#include "runtime.h"

/* ================================================================== the managed buffer */

typedef struct ManagedBuf {
    gs_Instance inst;
    gs_Object *obj;  /* the exporter (strong), NULL once released */
    int64_t views;   /* live (unreleased) views: mbuf->exports */
    bool released;
} ManagedBuf;

#define MB(o) ((ManagedBuf *)(o))

typedef struct MemView {
    gs_Instance inst;
    gs_Object *mbuf;    /* the managed buffer (strong), NULL once cleared */
    int64_t start;      /* byte offset of item 0 in the object's buffer */
    int64_t len;        /* items */
    int64_t step;       /* bytes from one item to the next */
    int itemsize;
    char format[4];
    bool readonly, released;
    int64_t hash;       /* -1 until computed */
    char *scratch;      /* the bytes of a strided view, for the buffer hook (malloc'd) */
} MemView;

#define MV(o) ((MemView *)(o))

static int32_t *exports_of(gs_Object *o)
{
    if (GS_KIND(o) == GS_K_BYTEARRAY)
        return &((gs_ByteArray *)o)->exports;
    if (GS_KIND(o) == GS_K_INSTANCE && o->type->native && o->type->native->buffer &&
        o->type->native->buffer->exports)
        return o->type->native->buffer->exports(o);
    return NULL;
}

/* mbuf_release: obj let go, its export count lowered, the buffer untracked */
static void mbuf_release(gs_VM *vm, gs_Object *m)
{
    if (MB(m)->released)
        return;
    MB(m)->released = true;
    gs_gc_untrack(vm, m);
    gs_Object *obj = MB(m)->obj;
    if (!obj)
        return;
    int32_t *ex = exports_of(obj);
    if (ex && *ex > 0)
        (*ex)--;
    MB(m)->obj = NULL;
    gs_record_field(vm, m, GS_NATIVE_FIELD, obj, NULL);
    gs_decref_c(vm, obj, GS_CAUSE(GS_CAUSE_INTERNAL, m->id, GS_NATIVE_FIELD));
}

static int mbuf_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *obj = MB(o)->obj;
    return obj ? fn(vm, o, obj, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void mbuf_clear(gs_VM *vm, gs_Object *o) { mbuf_release(vm, o); }

static const gs_NativeOps mbuf_ops = { .size = sizeof(ManagedBuf), .gc = true, .tp_clear = true,
                                       .traverse = mbuf_traverse, .clear = mbuf_clear };

/* ================================================================== the bytes of obj */

/* obj's buffer: its bytes and their count; NULL with no buffer */
static char *buffer_of(gs_Object *o, size_t *n)
{
    if (GS_KIND(o) == GS_K_BYTES) {
        *n = (size_t)((gs_Bytes *)o)->len;
        return ((gs_Bytes *)o)->data;
    }
    if (GS_KIND(o) == GS_K_BYTEARRAY) {
        gs_ByteArray *a = (gs_ByteArray *)o;
        *n = (size_t)a->len;
        return a->data ? a->data + a->start : (char *)"";
    }
    if (GS_KIND(o) == GS_K_INSTANCE && o->type->native && o->type->native->buffer) {
        const char *p = o->type->native->buffer->get(o, n);
        return p ? (char *)p : (char *)"";
    }
    return NULL;
}

static int check_released(gs_VM *vm, gs_Object *self)
{
    if (MV(self)->released || !MV(self)->mbuf || MB(MV(self)->mbuf)->released) {
        gs_raise(vm, vm->e_ValueError, "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

/* the address of item i (0 <= i < len), NULL when the object's buffer no longer covers it */
static char *item_ptr(gs_Object *self, int64_t i)
{
    size_t n;
    char *base = buffer_of(MB(MV(self)->mbuf)->obj, &n);
    int64_t off = MV(self)->start + i * MV(self)->step;
    if (!base || off < 0 || (size_t)off + (size_t)MV(self)->itemsize > n)
        return NULL;
    return base + off;
}

/* ================================================================== items */

static int itemsize_of(char f)
{
    switch (f) {
    case 'b': case 'B': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': case 'u': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': case 'n': case 'N': case 'P': return 8;
    default: return 0;
    }
}

/* unpack_single: the Python value of one item */
static gs_Object *unpack_fmt(gs_VM *vm, char f, const char *p)
{
    switch (f) {
    case 'b': return gs_int_new(vm, (signed char)*p);
    case 'B': return gs_int_new(vm, (unsigned char)*p);
    case 'c': return gs_bytes_new(vm, p, 1);
    case '?': return GS_BOOL(vm, *p != 0);
    case 'h': { int16_t v; memcpy(&v, p, 2); return gs_int_new(vm, v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return gs_int_new(vm, v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return gs_int_new(vm, v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return gs_int_new(vm, v); }
    case 'l': case 'q': case 'n': { int64_t v; memcpy(&v, p, 8); return gs_int_new(vm, v); }
    case 'f': { float v; memcpy(&v, p, 4); return gs_float_new(vm, v); }
    case 'd': { double v; memcpy(&v, p, 8); return gs_float_new(vm, v); }
    case 'L': case 'Q': case 'N': case 'P': {
        uint64_t v;
        memcpy(&v, p, 8);
        if (v <= INT64_MAX)
            return gs_int_new(vm, (int64_t)v);
        char dec[32];
        snprintf(dec, sizeof dec, "%llu", (unsigned long long)v);
        gs_Object *s = gs_str_from_cstr(vm, dec);
        gs_Object *r = s ? gs_int_from_object(vm, s, NULL) : NULL;
        gs_xdecref(vm, s);
        return r;
    }
    default:
        gs_raise(vm, vm->e_NotImplementedError, "memoryview: format %c not supported", f);
        return NULL;
    }
}

static gs_Object *unpack(gs_VM *vm, gs_Object *self, const char *p) { return unpack_fmt(vm, MV(self)->format[0], p); }

static int type_error_fmt(gs_VM *vm, gs_Object *self, gs_Object *v)
{
    gs_raise(vm, vm->e_TypeError, "memoryview: invalid type for format '%s'", MV(self)->format);
    GS_UNUSED(v);
    return -1;
}

static int value_error_fmt(gs_VM *vm, gs_Object *self)
{
    gs_raise(vm, vm->e_ValueError, "memoryview: invalid value for format '%s'", MV(self)->format);
    return -1;
}

/* pack_single: v stored as one item at p (checked first, so a bad value changes nothing) */
static int pack(gs_VM *vm, gs_Object *self, char *p, gs_Object *v)
{
    char f = MV(self)->format[0];
    if (f == 'f' || f == 'd') {
        double d;
        if (GS_KIND(v) == GS_K_FLOAT)
            d = ((gs_Float *)v)->value;
        else if (GS_KIND(v) == GS_K_INT || GS_KIND(v) == GS_K_BOOL) {
            int64_t i;
            if (gs_as_int(vm, v, &i) < 0)
                return -1;
            d = (double)i;
        } else
            return type_error_fmt(vm, self, v);
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else
            memcpy(p, &d, 8);
        return 0;
    }
    if (f == 'c') {
        if (GS_KIND(v) != GS_K_BYTES || ((gs_Bytes *)v)->len != 1)
            return value_error_fmt(vm, self);
        *p = ((gs_Bytes *)v)->data[0];
        return 0;
    }
    if (f == '?') {
        int t = gs_truthy(vm, v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    if (GS_KIND(v) != GS_K_INT && GS_KIND(v) != GS_K_BOOL)
        return type_error_fmt(vm, self, v);
    int64_t i;
    if (gs_as_int(vm, v, &i) < 0) {
        if (gs_exc_matches(vm, vm->e_OverflowError)) {
            gs_clear_exc(vm);
            return value_error_fmt(vm, self);
        }
        return -1;
    }
    bool ok = true;
    switch (f) {
    case 'b': ok = i >= -128 && i <= 127; if (ok) *p = (char)i; break;
    case 'B': ok = i >= 0 && i <= 255; if (ok) *p = (char)i; break;
    case 'h': { ok = i >= INT16_MIN && i <= INT16_MAX; int16_t x = (int16_t)i; if (ok) memcpy(p, &x, 2); break; }
    case 'H': { ok = i >= 0 && i <= UINT16_MAX; uint16_t x = (uint16_t)i; if (ok) memcpy(p, &x, 2); break; }
    case 'i': { ok = i >= INT32_MIN && i <= INT32_MAX; int32_t x = (int32_t)i; if (ok) memcpy(p, &x, 4); break; }
    case 'I': { ok = i >= 0 && i <= UINT32_MAX; uint32_t x = (uint32_t)i; if (ok) memcpy(p, &x, 4); break; }
    case 'l': case 'q': case 'n': memcpy(p, &i, 8); break;
    case 'L': case 'Q': case 'N': case 'P': { ok = i >= 0; uint64_t x = (uint64_t)i; if (ok) memcpy(p, &x, 8); break; }
    default:
        gs_raise(vm, vm->e_NotImplementedError, "memoryview: format %s not supported", MV(self)->format);
        return -1;
    }
    return ok ? 0 : value_error_fmt(vm, self);
}

/* ================================================================== the view object */

static int mv_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *m = MV(o)->mbuf;
    return m ? fn(vm, o, m, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

/* _memory_release: the view released, and its managed buffer when it was the last view */
static void mv_release(gs_VM *vm, gs_Object *o)
{
    if (MV(o)->released)
        return;
    MV(o)->released = true;
    gs_Object *m = MV(o)->mbuf;
    if (m && --MB(m)->views == 0)
        mbuf_release(vm, m);
}

/* memory_clear: released, then the managed buffer let go */
static void mv_clear(gs_VM *vm, gs_Object *o)
{
    mv_release(vm, o);
    gs_Object *m = MV(o)->mbuf;
    if (!m)
        return;
    MV(o)->mbuf = NULL;
    gs_record_field(vm, o, GS_NATIVE_FIELD, m, NULL);
    gs_decref_c(vm, m, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD));
}

static void mv_free(gs_Object *o)
{
    free(MV(o)->scratch);
    MV(o)->scratch = NULL;
}

/* the buffer hook (bytes(mv), bytearray(mv)): the view's bytes, copied
 * into the view's scratch block when its items are not contiguous */
static const char *mv_buffer(gs_Object *o, size_t *len)
{
    MemView *v = MV(o);
    *len = 0;
    if (v->released || !v->mbuf || MB(v->mbuf)->released || v->len == 0)
        return "";
    size_t n = (size_t)v->len * (size_t)v->itemsize;
    if (v->step == v->itemsize) {
        char *p = item_ptr(o, 0);
        if (!p || !item_ptr(o, v->len - 1))
            return "";
        *len = n;
        return p;
    }
    char *s = realloc(v->scratch, n);
    if (!s)
        return "";
    v->scratch = s;
    for (int64_t i = 0; i < v->len; i++) {
        char *p = item_ptr(o, i);
        if (!p)
            return "";
        memcpy(s + i * v->itemsize, p, (size_t)v->itemsize);
    }
    *len = n;
    return s;
}

static const gs_BufferProcs memoryview_buffer = { .get = mv_buffer };
static const gs_NativeOps memoryview_ops = { .size = sizeof(MemView), .gc = true, .tp_clear = true,
                                             .traverse = mv_traverse, .clear = mv_clear, .free = mv_free,
                                             .buffer = &memoryview_buffer };

/* mbuf_add_view: a new view of the managed buffer m (held) */
static gs_Object *view_new(gs_VM *vm, gs_Object *m, int64_t start, int64_t len, int64_t step, const char *format,
                           int itemsize, bool readonly)
{
    gs_Object *o = gs_native_new(vm, vm->t_memoryview);
    if (!o)
        return NULL;
    MemView *v = MV(o);
    gs_incref_c(vm, m, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD));
    v->mbuf = m;
    gs_record_field(vm, o, GS_NATIVE_FIELD, NULL, m);
    MB(m)->views++;
    v->start = start;
    v->len = len;
    v->step = step;
    v->itemsize = itemsize;
    snprintf(v->format, sizeof v->format, "%s", format);
    v->readonly = readonly;
    v->hash = -1;
    return o;
}

gs_Object *gs_memoryview_new(gs_VM *vm, gs_Object *obj)
{
    if (obj->type == vm->t_memoryview) {
        if (check_released(vm, obj) < 0)
            return NULL;
        MemView *s = MV(obj);
        return view_new(vm, s->mbuf, s->start, s->len, s->step, s->format, s->itemsize, s->readonly);
    }
    size_t n;
    if (!buffer_of(obj, &n)) {
        gs_raise(vm, vm->e_TypeError, "memoryview: a bytes-like object is required, not '%s'", gs_type_name(obj));
        return NULL;
    }
    const char *format = "B";
    int itemsize = 1;
    if (GS_KIND(obj) == GS_K_INSTANCE && obj->type->native->buffer->format)
        obj->type->native->buffer->format(obj, &format, &itemsize);
    gs_Object *m = gs_native_new(vm, vm->t_managedbuffer);
    if (!m)
        return NULL;
    gs_incref_c(vm, obj, GS_CAUSE(GS_CAUSE_INTERNAL, m->id, GS_NATIVE_FIELD));
    MB(m)->obj = obj;
    gs_record_field(vm, m, GS_NATIVE_FIELD, NULL, obj);
    int32_t *ex = exports_of(obj);
    if (ex)
        (*ex)++;
    gs_Object *o = view_new(vm, m, 0, (int64_t)n / itemsize, itemsize, format, itemsize, GS_KIND(obj) == GS_K_BYTES);
    gs_decref(vm, m); /* the view holds it (or, failed, it goes) */
    return o;
}

/* ================================================================== methods */

static gs_Object *mv_new(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "object" };
    gs_Object *obj;
    if (gs_pyargs(vm, "memoryview", args, nargs, kwnames, names, 1, 1, 1, &obj) < 0)
        return NULL;
    return gs_memoryview_new(vm, obj);
}

static gs_Object *mv_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, MV(self)->released ? "<released memory at 0x%llx>" : "<memory at 0x%llx>",
                         gs_object_address(self));
}

static gs_Object *mv_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_int_new(vm, MV(self)->len);
}

static int index_of(gs_VM *vm, gs_Object *self, gs_Object *key, int64_t *out)
{
    int64_t i;
    if (GS_KIND(key) != GS_K_INT && GS_KIND(key) != GS_K_BOOL &&
        !gs_type_lookup(key->type, gs_name(vm, "__index__"))) {
        gs_raise(vm, vm->e_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    if (gs_as_int(vm, key, &i) < 0)
        return -1;
    if (i < 0)
        i += MV(self)->len;
    if (i < 0 || i >= MV(self)->len) {
        gs_raise(vm, vm->e_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    *out = i;
    return 0;
}

static gs_Object *mv_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (check_released(vm, self) < 0)
        return NULL;
    MemView *v = MV(self);
    gs_Object *key = args[0];
    if (GS_KIND(key) == GS_K_SLICE) {
        int64_t start, stop, step, n;
        if (gs_slice_indices(vm, (gs_Slice *)key, v->len, &start, &stop, &step, &n) < 0)
            return NULL;
        return view_new(vm, v->mbuf, v->start + start * v->step, n, v->step * step, v->format, v->itemsize,
                        v->readonly);
    }
    if (GS_KIND(key) == GS_K_TUPLE) {
        gs_raise(vm, vm->e_TypeError, "memoryview: invalid slice key");
        return NULL;
    }
    int64_t i;
    if (index_of(vm, self, key, &i) < 0)
        return NULL;
    char *p = item_ptr(self, i);
    if (!p) {
        gs_raise(vm, vm->e_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    return unpack(vm, self, p);
}

static gs_Object *mv_setitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (check_released(vm, self) < 0)
        return NULL;
    MemView *v = MV(self);
    if (v->readonly) {
        gs_raise(vm, vm->e_TypeError, "cannot modify read-only memory");
        return NULL;
    }
    gs_Object *key = args[0], *val = args[1];
    if (GS_KIND(key) == GS_K_SLICE) {
        int64_t start, stop, step, n;
        if (gs_slice_indices(vm, (gs_Slice *)key, v->len, &start, &stop, &step, &n) < 0)
            return NULL;
        size_t sn;
        const char *src = NULL;
        gs_Object *srcobj = val;
        if (val->type == vm->t_memoryview) {
            if (check_released(vm, val) < 0)
                return NULL;
            if (strcmp(MV(val)->format, v->format) != 0 || MV(val)->itemsize != v->itemsize) {
                gs_raise(vm, vm->e_ValueError,
                         "memoryview assignment: lvalue and rvalue have different structures");
                return NULL;
            }
        } else if (!buffer_of(val, &sn)) {
            gs_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", gs_type_name(val));
            return NULL;
        }
        src = val->type == vm->t_memoryview ? mv_buffer(val, &sn) : buffer_of(srcobj, &sn);
        if ((int64_t)sn != n * v->itemsize) {
            gs_raise(vm, vm->e_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
            return NULL;
        }
        /* copied first: the source may be this very buffer */
        char *tmp = sn ? malloc(sn) : NULL;
        if (sn && !tmp) {
            gs_raise_memory(vm);
            return NULL;
        }
        if (sn)
            memcpy(tmp, src, sn);
        for (int64_t k = 0; k < n; k++) {
            char *p = item_ptr(self, start + k * step);
            if (p)
                memcpy(p, tmp + k * v->itemsize, (size_t)v->itemsize);
        }
        free(tmp);
        return gs_newref(vm, vm->none);
    }
    int64_t i;
    if (index_of(vm, self, key, &i) < 0)
        return NULL;
    char *p = item_ptr(self, i);
    if (!p) {
        gs_raise(vm, vm->e_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    return pack(vm, self, p, val) < 0 ? NULL : gs_newref(vm, vm->none);
}

static gs_Object *mv_delitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_released(vm, self) < 0)
        return NULL;
    gs_raise(vm, vm->e_TypeError, MV(self)->readonly ? "cannot modify read-only memory"
                                                      : "cannot delete memory");
    return NULL;
}

/* the view's bytes as a new bytes object */
static gs_Object *mv_tobytes(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (check_released(vm, self) < 0)
        return NULL;
    size_t n;
    const char *p = mv_buffer(self, &n);
    return gs_bytes_new(vm, p, n);
}

static gs_Object *mv_tolist(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_released(vm, self) < 0)
        return NULL;
    if (MV(self)->len > INT32_MAX) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *l = gs_list_new(vm, 0);
    for (int64_t i = 0; l && i < MV(self)->len; i++) {
        char *p = item_ptr(self, i);
        gs_Object *x = p ? unpack(vm, self, p) : NULL;
        if (!x || gs_list_append(vm, l, x) < 0) {
            gs_xdecref(vm, x);
            gs_decref(vm, l);
            return NULL;
        }
        gs_decref(vm, x);
    }
    return l;
}

/* hex(): bytes.hex of the view's bytes (its separator arguments included) */
static gs_Object *mv_hex(GS_ARGS)
{
    if (check_released(vm, self) < 0)
        return NULL;
    size_t n;
    const char *p = mv_buffer(self, &n);
    gs_Object *b = gs_bytes_new(vm, p, n);
    gs_Object *m = b ? gs_getattr(vm, b, gs_name(vm, "hex")) : NULL;
    gs_Object *r = m ? gs_call(vm, m, args, nargs, kwnames) : NULL;
    gs_xdecref(vm, m);
    gs_xdecref(vm, b);
    return r;
}

static gs_Object *mv_release_m(GS_ARGS)
{
    GS_UNUSED_ARGS;
    mv_release(vm, self);
    return gs_newref(vm, vm->none);
}

static gs_Object *mv_enter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_newref(vm, self);
}

static gs_Object *mv_exit(GS_ARGS)
{
    GS_UNUSED_ARGS;
    mv_release(vm, self);
    return gs_newref(vm, vm->none);
}

static gs_Object *mv_toreadonly(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_released(vm, self) < 0)
        return NULL;
    MemView *v = MV(self);
    return view_new(vm, v->mbuf, v->start, v->len, v->step, v->format, v->itemsize, true);
}

/* cast(format): a C-contiguous 1-D view with another item format */
static gs_Object *mv_cast(GS_ARGS)
{
    static const char *const names[] = { "format", "shape" };
    gs_Object *a[2];
    if (gs_pyargs(vm, "cast", args, nargs, kwnames, names, 2, 2, 1, a) < 0 || check_released(vm, self) < 0)
        return NULL;
    MemView *v = MV(self);
    if (GS_KIND(a[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "memoryview: format argument must be a string");
        return NULL;
    }
    if (a[1]) {
        gs_raise(vm, vm->e_NotImplementedError, "memoryview: cast with a shape is not modelled");
        return NULL;
    }
    if (v->step != v->itemsize) {
        gs_raise(vm, vm->e_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    const char *f = ((gs_Str *)a[0])->data;
    const char *core = f[0] == '@' ? f + 1 : f;
    int size = strlen(core) == 1 ? itemsize_of(core[0]) : 0;
    if (!size || core[0] == 'u') {
        gs_raise(vm, vm->e_ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an optional '@'");
        return NULL;
    }
    bool src_bytes = strcmp(v->format, "B") == 0 || strcmp(v->format, "b") == 0 || strcmp(v->format, "c") == 0;
    bool dst_bytes = size == 1 && (core[0] == 'B' || core[0] == 'b' || core[0] == 'c');
    if (!src_bytes && !dst_bytes) {
        gs_raise(vm, vm->e_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    int64_t nbytes = v->len * v->itemsize;
    if (nbytes % size) {
        gs_raise(vm, vm->e_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    return view_new(vm, v->mbuf, v->start, nbytes / size, size, core, size, v->readonly);
}

/* one side of a comparison: a view's items, or a bytes-like object's as
 * memoryview(obj) would see them (no view made) */
typedef struct Side {
    gs_Object *mv;      /* the view, or NULL */
    const char *p;      /* else the object's bytes */
    int64_t len;
    int itemsize;
    char format;
} Side;

static const char *side_item(Side *s, int64_t i)
{
    return s->mv ? item_ptr(s->mv, i) : s->p + i * s->itemsize;
}

/* memory_richcompare for 1-D views: equal when their items are (== and != only) */
static gs_Object *mv_compare(gs_VM *vm, gs_Object *self, gs_Object *other, bool eq)
{
    bool other_mv = other->type == vm->t_memoryview;
    bool gone = MV(self)->released || !MV(self)->mbuf || MB(MV(self)->mbuf)->released ||
                (other_mv && (MV(other)->released || !MV(other)->mbuf || MB(MV(other)->mbuf)->released));
    if (gone)
        return GS_BOOL(vm, (self == other) == eq);
    Side s[2] = { { self, NULL, MV(self)->len, MV(self)->itemsize, MV(self)->format[0] } };
    if (other_mv)
        s[1] = (Side){ other, NULL, MV(other)->len, MV(other)->itemsize, MV(other)->format[0] };
    else {
        size_t n;
        const char *p = buffer_of(other, &n);
        if (!p)
            return gs_newref(vm, vm->notimpl);
        const char *format = "B";
        int itemsize = 1;
        if (GS_KIND(other) == GS_K_INSTANCE && other->type->native->buffer->format)
            other->type->native->buffer->format(other, &format, &itemsize);
        s[1] = (Side){ NULL, p, (int64_t)n / itemsize, itemsize, format[0] };
    }
    bool equal = s[0].len == s[1].len;
    bool raw = s[0].format == s[1].format && s[0].format != 'f' && s[0].format != 'd';
    for (int64_t i = 0; equal && i < s[0].len; i++) {
        const char *a = side_item(&s[0], i), *b = side_item(&s[1], i);
        if (!a || !b)
            return GS_BOOL(vm, !eq);
        if (raw) {
            equal = memcmp(a, b, (size_t)s[0].itemsize) == 0;
            continue;
        }
        gs_Object *x = unpack_fmt(vm, s[0].format, a), *y = x ? unpack_fmt(vm, s[1].format, b) : NULL;
        gs_Object *r = y ? gs_compare(vm, GS_CMP_EQ, x, y) : NULL;
        int t = r ? gs_truthy(vm, r) : -1;
        gs_xdecref(vm, x);
        gs_xdecref(vm, y);
        gs_xdecref(vm, r);
        if (t < 0)
            return NULL;
        equal = t;
    }
    return GS_BOOL(vm, equal == eq);
}

static gs_Object *mv_eq(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mv_compare(vm, self, args[0], true); }
static gs_Object *mv_ne(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mv_compare(vm, self, args[0], false); }

/* memory_hash: a read-only view of bytes hashes as its bytes */
static gs_Object *mv_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    MemView *v = MV(self);
    if (v->hash == -1) {
        if (check_released(vm, self) < 0)
            return NULL;
        if (!v->readonly) {
            gs_raise(vm, vm->e_ValueError, "cannot hash writable memoryview object");
            return NULL;
        }
        if (strcmp(v->format, "B") && strcmp(v->format, "b") && strcmp(v->format, "c")) {
            gs_raise(vm, vm->e_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
            return NULL;
        }
        size_t n;
        const char *p = mv_buffer(self, &n);
        gs_Object *b = gs_bytes_new(vm, p, n);
        if (!b)
            return NULL;
        v->hash = gs_bytes_hash((gs_Bytes *)b);
        gs_decref(vm, b);
    }
    return gs_int_new(vm, v->hash);
}

/* ================================================================== attributes */

static gs_Object *g_obj(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_newref(vm, MB(MV(self)->mbuf)->obj);
}

static gs_Object *g_nbytes(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_int_new(vm, MV(self)->len * MV(self)->itemsize);
}

static gs_Object *g_readonly(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : GS_BOOL(vm, MV(self)->readonly);
}

static gs_Object *g_format(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_str_from_cstr(vm, MV(self)->format);
}

static gs_Object *g_itemsize(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_int_new(vm, MV(self)->itemsize);
}

static gs_Object *g_ndim(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_int_new(vm, 1);
}

static gs_Object *one_tuple(gs_VM *vm, gs_Object *self, int64_t x)
{
    if (check_released(vm, self) < 0)
        return NULL;
    gs_Object *i = gs_int_new(vm, x);
    gs_Object *t = i ? gs_tuple_pack(vm, 1, i) : NULL;
    gs_xdecref(vm, i);
    return t;
}

static gs_Object *g_shape(GS_ARGS) { GS_UNUSED_ARGS; return one_tuple(vm, self, MV(self)->len); }
static gs_Object *g_strides(GS_ARGS) { GS_UNUSED_ARGS; return one_tuple(vm, self, MV(self)->step); }

static gs_Object *g_suboffsets(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return check_released(vm, self) < 0 ? NULL : gs_tuple_new(vm, 0);
}

static gs_Object *g_contiguous(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_released(vm, self) < 0)
        return NULL;
    return GS_BOOL(vm, MV(self)->len <= 1 || MV(self)->step == MV(self)->itemsize);
}

static const gs_MethodDef memoryview_methods[] = {
    { "__new__", mv_new, 0, -1, GS_KW },
    { "__repr__", mv_repr, 0, 0, 0 },
    { "__len__", mv_len, 0, 0, 0 },
    { "__getitem__", mv_getitem, 1, 1, 0 },
    { "__setitem__", mv_setitem, 2, 2, 0 },
    { "__delitem__", mv_delitem, 1, 1, 0 },
    { "__eq__", mv_eq, 1, 1, 0 },
    { "__ne__", mv_ne, 1, 1, 0 },
    { "__hash__", mv_hash, 0, 0, 0 },
    { "__enter__", mv_enter, 0, 0, 0 },
    { "__exit__", mv_exit, 0, -1, 0 },
    { "release", mv_release_m, 0, 0, 0 },
    { "tobytes", mv_tobytes, 0, 1, GS_KW },
    { "tolist", mv_tolist, 0, 0, 0 },
    { "hex", mv_hex, 0, 2, GS_KW },
    { "toreadonly", mv_toreadonly, 0, 0, 0 },
    { "cast", mv_cast, 0, 2, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

void gs_memoryview_type_init(gs_VM *vm)
{
    gs_Type *mb = gs_native_type_new(vm, "managedbuffer", &mbuf_ops, NULL);
    mb->flags &= (uint16_t)~(GS_TF_DICT | GS_TF_WEAK);
    vm->t_managedbuffer = mb;
    gs_Type *t = gs_native_type_new(vm, "memoryview", &memoryview_ops, memoryview_methods);
    t->flags &= (uint16_t)~GS_TF_DICT; /* (memoryview takes weak references) */
    /* 144 bytes of tp_basicsize and the shape, strides and suboffsets of
     * one dimension (3 * 8): sys.getsizeof is 184 with the GC header */
    gs_Object *bs = gs_int_new(vm, 168);
    if (bs) {
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, "__basicsize__")->ob, bs);
        gs_decref(vm, bs);
    }
    static const struct { const char *name; gs_CFunc fn; } getters[] = {
        { "obj", g_obj }, { "nbytes", g_nbytes }, { "readonly", g_readonly }, { "itemsize", g_itemsize },
        { "format", g_format }, { "ndim", g_ndim }, { "shape", g_shape }, { "strides", g_strides },
        { "suboffsets", g_suboffsets }, { "c_contiguous", g_contiguous }, { "f_contiguous", g_contiguous },
        { "contiguous", g_contiguous },
    };
    for (size_t i = 0; i < sizeof getters / sizeof getters[0]; i++)
        gs_type_add_getter(vm, t, getters[i].name, getters[i].fn);
    vm->t_memoryview = t;
}
