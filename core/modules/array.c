/*
 * array.c — the array module (CPython's Modules/arraymodule.c, built into
 * Debian's python3.11): array.array, its iterator, `typecodes` and
 * `ArrayType`.
 *
 * An array keeps its items as C values in a buffer of its own, sized as
 * CPython 3.11's array_resize sizes it: a new array (a literal list, a
 * slice, a copy, + and *) gets exactly its items; a resize that the spare
 * room cannot take (or a shrink of 16 items or more) reallocates to
 * newsize + newsize/16 + 3 (7 once the array had 8 items), and an array
 * that becomes empty lets its buffer go.  sys.getsizeof is CPython's:
 * 64 bytes of object, 16 of GC header, and the whole allocation.
 *
 * The items hold no references.  As in CPython 3.11 the type is a heap
 * type with the GC flag: every array is tracked by the collector (though
 * it can be in no cycle), holds a reference to its type, and traverses
 * it, as does the iterator, which also holds its array until it is
 * exhausted.
 *
 * Storing a value converts it as CPython's setitem functions do, with
 * their messages (PyArg_Parse's "h", "b", "i", "l", "L" and "f"/"d"
 * formats, PyLong_AsUnsignedLong ...): the value is checked before the
 * array changes, so a failed append() or insert() leaves it as it was,
 * while extend() from an iterable keeps the items stored before the bad
 * one.  'u' items are code points (wchar_t is 4 bytes on Linux).
 *
 * A class derived from array makes its objects here too (with the
 * instance part every class's objects have); the results of slicing, +
 * and * are plain arrays, as in CPython.
 *
 * The buffer is exported to memoryview (core/runtime/memoryview.c) with
 * the typecode as its format ('w' for 'u', as 3.11's): while a view's
 * managed buffer holds the array, a resize raises BufferError.
 *
 * Not modelled: the pickle
 * form of protocols 3 and up (array._array_reconstructor: __reduce_ex__
 * gives the older form for all).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

/* ================================================================== the item types */

typedef struct Descr {
    char code;
    int itemsize;
    bool is_int, is_signed;
} Descr;

static const Descr descriptors[] = {
    { 'b', 1, true, true },   { 'B', 1, true, false }, { 'u', 4, false, false }, { 'h', 2, true, true },
    { 'H', 2, true, false },  { 'i', 4, true, true },  { 'I', 4, true, false },  { 'l', 8, true, true },
    { 'L', 8, true, false },  { 'q', 8, true, true },  { 'Q', 8, true, false },  { 'f', 4, false, false },
    { 'd', 8, false, false },
};

static const Descr *descr_of(uint32_t c)
{
    for (int i = 0; i < GS_COUNTOF(descriptors); i++)
        if ((uint32_t)(unsigned char)descriptors[i].code == c)
            return &descriptors[i];
    return NULL;
}

/* ================================================================== objects */

typedef struct ArrayObj {
    gs_Instance inst;
    char *items;          /* allocated * itemsize bytes; NULL when nothing is allocated */
    int64_t len, allocated;
    const Descr *d;
    bool holds_type;      /* its reference to its (heap) type */
    int32_t exports;      /* memoryviews' managed buffers holding it (ob_exports) */
} ArrayObj;

typedef struct ArrayIter {
    gs_Instance inst;
    gs_Object *ao;        /* the array (owned), NULL once exhausted */
    int64_t index;
    bool holds_type;
} ArrayIter;

#define AO(o) ((ArrayObj *)(o))
#define AI(o) ((ArrayIter *)(o))

enum { F_ARRAY = GS_NATIVE_FIELD };

typedef struct ArrayState {
    gs_Type *t_array, *t_iter;
} ArrayState;

static ArrayState *state(gs_VM *vm) { return vm->modstate[GS_MS_ARRAY]; }

/* array_Check: an array or an object of a class derived from array */
static bool is_array(gs_VM *vm, gs_Object *o) { return state(vm) && gs_isinstance(o, state(vm)->t_array); }

static int array_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    return AO(o)->holds_type ? fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg) : 0;
}

static size_t items_bytes(gs_Object *o) { return (size_t)AO(o)->allocated * (size_t)AO(o)->d->itemsize; }

/* dealloc (CPython's array has no tp_clear: nothing it holds can be in a
 * cycle): the items' memory, then the type */
static void array_clear(gs_VM *vm, gs_Object *o)
{
    ArrayObj *a = AO(o);
    if (a->items) {
        vm->heap_bytes -= items_bytes(o);
        free(a->items);
        a->items = NULL;
    }
    a->allocated = a->len = 0;
    gs_release_own_type(vm, o, &a->holds_type);
}

static size_t array_extra(gs_Object *o) { return AO(o)->d ? items_bytes(o) : 0; }

static const char *array_buffer(gs_Object *o, size_t *len)
{
    *len = (size_t)AO(o)->len * (size_t)AO(o)->d->itemsize;
    return AO(o)->items;
}

/* the buffer's struct format: the typecode (arraymodule's descriptors' formats) */
static void array_buffer_format(gs_Object *o, const char **format, int *itemsize)
{
    static const char *const formats[] = { "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d" };
    *format = "w"; /* 'u': a UCS-4 code point, which memoryview cannot unpack */
    for (int i = 0; i < GS_COUNTOF(formats); i++)
        if (formats[i][0] == AO(o)->d->code)
            *format = formats[i];
    *itemsize = AO(o)->d->itemsize;
}

static int32_t *array_exports(gs_Object *o) { return &AO(o)->exports; }

static const gs_BufferProcs array_buffer_procs = { .get = array_buffer, .format = array_buffer_format,
                                                   .exports = array_exports };

/* (array.array has no vectorcall in 3.11: a call packs its arguments) */
static const gs_NativeOps array_ops = { .size = sizeof(ArrayObj), .gc = true, .traverse = array_traverse,
                                        .clear = array_clear, .packs_args = true, .extra_size = array_extra,
                                        .buffer = &array_buffer_procs };

static int iter_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = AI(o)->holds_type ? fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg) : 0;
    if (!r && AI(o)->ao)
        r = fn(vm, o, AI(o)->ao, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_ARRAY), arg);
    return r;
}

static void iter_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &AI(o)->ao, F_ARRAY, NULL);
    gs_release_own_type(vm, o, &AI(o)->holds_type);
}

static const gs_NativeOps iter_ops = { .size = sizeof(ArrayIter), .gc = true, .traverse = iter_traverse,
                                       .clear = iter_clear };

/* ================================================================== the buffer */

/* The allocation changes from `old_bytes`: the trace's size, tracemalloc's
 * block of items, the heap's count */
static void items_changed(gs_VM *vm, gs_Object *o, size_t old_bytes)
{
    size_t now = items_bytes(o);
    size_t base = gs_sizeof(vm, o) - now;
    gs_size_changed(vm, o, base + old_bytes, base + now);
    if (vm->tm) {
        if (now)
            gs_tm_block(vm, o, GS_TM_ITEMS, now, old_bytes != 0);
        else if (old_bytes)
            gs_tm_free(vm, o, GS_TM_ITEMS);
    }
}

/* Give the array exactly `n` items' room (newarrayobject, a fresh array):
 * 0, or -1 with MemoryError */
static int alloc_exact(gs_VM *vm, gs_Object *o, int64_t n)
{
    ArrayObj *a = AO(o);
    size_t bytes = (size_t)n * (size_t)a->d->itemsize;
    if (n <= 0)
        return 0;
    if (n > INT64_MAX / 8 || vm->heap_bytes + bytes > vm->heap_limit || !(a->items = malloc(bytes))) {
        gs_raise_memory(vm);
        return -1;
    }
    vm->heap_bytes += bytes;
    a->allocated = a->len = n;
    items_changed(vm, o, 0);
    return 0;
}

/* CPython 3.11's array_resize: 0, or -1 with MemoryError (BufferError
 * while a memoryview holds the items) */
static int array_resize(gs_VM *vm, gs_Object *o, int64_t newsize)
{
    ArrayObj *a = AO(o);
    if (a->exports > 0 && newsize != a->len) {
        gs_Object *be = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "BufferError"));
        gs_raise(vm, be && GS_KIND(be) == GS_K_TYPE ? (gs_Type *)be : vm->e_RuntimeError,
                 "cannot resize an array that is exporting buffers");
        return -1;
    }
    /* the spare room takes it, unless it would leave 16 or more unused */
    if (a->allocated >= newsize && a->len < newsize + 16 && a->items) {
        a->len = newsize;
        return 0;
    }
    size_t old = items_bytes(o);
    if (newsize == 0) {
        free(a->items);
        vm->heap_bytes -= old;
        a->items = NULL;
        a->len = a->allocated = 0;
        items_changed(vm, o, old);
        return 0;
    }
    int64_t alloc = (newsize >> 4) + (a->len < 8 ? 3 : 7) + newsize;
    size_t bytes = (size_t)alloc * (size_t)a->d->itemsize;
    char *p = NULL;
    if (alloc > INT64_MAX / 8 || vm->heap_bytes - old + bytes > vm->heap_limit || !(p = realloc(a->items, bytes))) {
        gs_raise_memory(vm);
        return -1;
    }
    vm->heap_bytes = vm->heap_bytes - old + bytes;
    a->items = p;
    a->allocated = alloc;
    a->len = newsize;
    items_changed(vm, o, old);
    return 0;
}

/* A new array of type t (array.array or a class derived from it) with
 * room for exactly n items (its length n: the caller fills them) */
static gs_Object *array_new_type(gs_VM *vm, gs_Type *t, const Descr *d, int64_t n)
{
    /* (a class's object holds its class as every instance does) */
    gs_Object *o = (t->flags & GS_TF_HEAP) ? gs_instance_new(vm, t) : gs_native_new(vm, t);
    if (!o)
        return NULL;
    AO(o)->d = d;
    if (!(t->flags & GS_TF_HEAP))
        gs_hold_own_type(vm, o, &AO(o)->holds_type);
    if (alloc_exact(vm, o, n) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

static gs_Object *array_new_of(gs_VM *vm, const Descr *d, int64_t n)
{
    return array_new_type(vm, state(vm)->t_array, d, n);
}

/* ================================================================== converting items */

static char *item_at(gs_Object *o, int64_t i) { return AO(o)->items + i * AO(o)->d->itemsize; }

/* a uint64 as an int (past INT64_MAX a big one) */
static gs_Object *int_from_u64(gs_VM *vm, uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX)
        return gs_int_new(vm, (int64_t)v);
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    return gs_int_from_raw_bytes(vm, b, 8, true, 0);
}

/* a code point as a one-character str (UTF-8) */
static gs_Object *str_of_cp(gs_VM *vm, uint32_t c)
{
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return gs_str_new(vm, b, n);
}

/* The item i as a new object (CPython's getitem functions) */
static gs_Object *get_item(gs_VM *vm, gs_Object *o, int64_t i)
{
    const char *p = item_at(o, i);
    switch (AO(o)->d->code) {
    case 'b': return gs_int_new(vm, *(const signed char *)p);
    case 'B': return gs_int_new(vm, *(const unsigned char *)p);
    case 'h': { int16_t v; memcpy(&v, p, 2); return gs_int_new(vm, v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return gs_int_new(vm, v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return gs_int_new(vm, v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return gs_int_new(vm, v); }
    case 'l': case 'q': { int64_t v; memcpy(&v, p, 8); return gs_int_new(vm, v); }
    case 'L': case 'Q': { uint64_t v; memcpy(&v, p, 8); return int_from_u64(vm, v); }
    case 'f': { float v; memcpy(&v, p, 4); return gs_float_new(vm, (double)v); }
    case 'd': { double v; memcpy(&v, p, 8); return gs_float_new(vm, v); }
    default: { uint32_t v; memcpy(&v, p, 4); return str_of_cp(vm, v); }
    }
}

/* PyNumber_Index as the converters call it: an int (new reference), or
 * NULL with CPython's TypeError */
static gs_Object *index_int(gs_VM *vm, gs_Object *v)
{
    if (gs_is_intlike(v))
        return gs_newref(vm, v);
    gs_Object *m = GS_KIND(v) == GS_K_INSTANCE ? gs_type_lookup(v->type, gs_name(vm, "__index__")) : NULL;
    if (!m) {
        gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(v));
        return NULL;
    }
    gs_Object *r = gs_call_object(vm, m, &v, 1, NULL);
    if (r && !gs_is_intlike(r)) {
        gs_raise(vm, vm->e_TypeError, "__index__ returned non-int (type %s)", gs_type_name(r));
        gs_decref(vm, r);
        return NULL;
    }
    return r;
}

/* an int's sign and, when |value| < 2**64, its magnitude: 1 it fits, 0 it does not */
static bool int_u64(gs_VM *vm, gs_Object *n, bool *neg, uint64_t *mag)
{
    if (!gs_int_is_big(n)) {
        int64_t v = gs_intlike_value(vm, n);
        *neg = v < 0;
        *mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return true;
    }
    *neg = ((gs_Int *)n)->value < 0;
    size_t len;
    unsigned char *b = gs_int_abs_bytes(vm, n, &len);
    bool fits = b && len <= 8;
    *mag = 0;
    for (size_t i = 0; fits && i < len; i++)
        *mag = (*mag << 8) | b[i];
    free(b);
    return fits;
}

/* The value v as the array's item type, into *out (8 bytes): 0, or -1
 * with the exception CPython's setitem function raises */
static int convert(gs_VM *vm, const Descr *d, gs_Object *v, unsigned char *out)
{
    if (d->code == 'u') {
        if (GS_KIND(v) != GS_K_STR || ((gs_Str *)v)->nchars != 1) {
            gs_raise(vm, vm->e_TypeError, "array item must be unicode character");
            return -1;
        }
        size_t adv;
        uint32_t c = gs_utf8_decode((const unsigned char *)((gs_Str *)v)->data, (size_t)((gs_Str *)v)->len, &adv);
        memcpy(out, &c, 4);
        return 0;
    }
    if (!d->is_int) {
        double x;
        if (gs_real_arg(vm, v, &x) < 0)
            return -1;
        if (d->code == 'd') {
            memcpy(out, &x, 8);
            return 0;
        }
        /* (float)x, rounding past FLT_MAX to infinity as the FPU does */
        float f = fabs(x) >= 0x1.ffffffp+127 ? (float)copysign(INFINITY, x) : (float)x;
        memcpy(out, &f, 4);
        return 0;
    }
    gs_Object *n = index_int(vm, v);
    if (!n)
        return -1;
    bool neg;
    uint64_t mag;
    bool fits = int_u64(vm, n, &neg, &mag);
    gs_decref(vm, n);
    const char *err = NULL;
    if (d->code == 'Q') {
        if (neg)
            err = "can't convert negative int to unsigned";
        else if (!fits)
            err = "int too big to convert";
    } else if (d->code == 'L' || d->code == 'I') {
        if (neg)
            err = "can't convert negative value to unsigned int";
        else if (!fits)
            err = "Python int too large to convert to C unsigned long";
        else if (d->code == 'I' && mag > UINT32_MAX)
            err = "unsigned int is greater than maximum";
    } else {
        /* PyLong_AsLong (PyLong_AsLongLong for 'q'), then the format's range */
        bool in_long = fits && (neg ? mag <= (uint64_t)1 << 63 : mag < (uint64_t)1 << 63);
        int64_t x = !in_long ? 0 : neg ? (int64_t)(0 - mag) : (int64_t)mag;
        if (!in_long)
            err = d->code == 'q' ? "int too big to convert" : "Python int too large to convert to C long";
        else if (d->code == 'b' || d->code == 'h') { /* the "h" format, then 'b's own check */
            if (x < INT16_MIN)
                err = "signed short integer is less than minimum";
            else if (x > INT16_MAX)
                err = "signed short integer is greater than maximum";
            else if (d->code == 'b' && x < -128)
                err = "signed char is less than minimum";
            else if (d->code == 'b' && x > 127)
                err = "signed char is greater than maximum";
        } else if (d->code == 'B') { /* the "b" format */
            if (x < 0)
                err = "unsigned byte integer is less than minimum";
            else if (x > 255)
                err = "unsigned byte integer is greater than maximum";
        } else if (d->code == 'i' || d->code == 'H') { /* the "i" format, then 'H's own check */
            if (x < INT32_MIN)
                err = "signed integer is less than minimum";
            else if (x > INT32_MAX)
                err = "signed integer is greater than maximum";
            else if (d->code == 'H' && x < 0)
                err = "unsigned short is less than minimum";
            else if (d->code == 'H' && x > UINT16_MAX)
                err = "unsigned short is greater than maximum";
        }
        mag = (uint64_t)x;
    }
    if (err) {
        gs_raise(vm, vm->e_OverflowError, "%s", err);
        return -1;
    }
    if (neg && (d->code == 'Q' || d->code == 'L' || d->code == 'I'))
        mag = 0;
    /* little-endian hosts: the low bytes are the item */
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(mag >> (8 * i));
    return 0;
}

static int set_item(gs_VM *vm, gs_Object *o, int64_t i, gs_Object *v)
{
    unsigned char buf[8];
    if (convert(vm, AO(o)->d, v, buf) < 0)
        return -1;
    if (i >= AO(o)->len) { /* a value's __index__ shortened the array meanwhile */
        gs_raise(vm, vm->e_IndexError, "array assignment index out of range");
        return -1;
    }
    memcpy(item_at(o, i), buf, (size_t)AO(o)->d->itemsize);
    return 0;
}

/* ins1: the value checked first, then the room, then the items moved */
static int insert_at(gs_VM *vm, gs_Object *o, int64_t where, gs_Object *v)
{
    unsigned char buf[8];
    int64_t n = AO(o)->len;
    if (convert(vm, AO(o)->d, v, buf) < 0 || array_resize(vm, o, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    int sz = AO(o)->d->itemsize;
    if (where != n)
        memmove(item_at(o, where + 1), item_at(o, where), (size_t)(n - where) * (size_t)sz);
    memcpy(item_at(o, where), buf, (size_t)sz);
    return 0;
}

/* array_del_slice of [lo, hi) (clamped) */
static int del_range(gs_VM *vm, gs_Object *o, int64_t lo, int64_t hi)
{
    int64_t n = AO(o)->len;
    lo = lo < 0 ? 0 : lo > n ? n : lo;
    hi = hi < lo ? lo : hi > n ? n : hi;
    int64_t d = hi - lo;
    if (d <= 0)
        return 0;
    memmove(item_at(o, lo), item_at(o, hi), (size_t)(n - hi) * (size_t)AO(o)->d->itemsize);
    return array_resize(vm, o, n - d);
}

/* array_iter_extend: each item of the iterable appended, as far as they go */
static int extend_iter(gs_VM *vm, gs_Object *o, gs_Object *iterable)
{
    gs_Object *it = gs_iter(vm, iterable), *v;
    if (!it)
        return -1;
    while ((v = gs_next(vm, it)) != NULL) {
        int r = insert_at(vm, o, AO(o)->len, v);
        gs_decref(vm, v);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

/* array_do_extend */
static int extend_with(gs_VM *vm, gs_Object *o, gs_Object *bb)
{
    if (!is_array(vm, bb))
        return extend_iter(vm, o, bb);
    if (AO(bb)->d != AO(o)->d) {
        gs_raise(vm, vm->e_TypeError, "can only extend with array of same kind");
        return -1;
    }
    int64_t old = AO(o)->len, add = AO(bb)->len; /* (bb may be o) */
    if (array_resize(vm, o, old + add) < 0)
        return -1;
    if (add > 0)
        memcpy(item_at(o, old), AO(bb)->items, (size_t)add * (size_t)AO(o)->d->itemsize);
    return 0;
}

/* frombytes' work: n bytes appended as items */
static int append_bytes(gs_VM *vm, gs_Object *o, const char *p, int64_t nbytes)
{
    int sz = AO(o)->d->itemsize;
    if (nbytes % sz != 0) {
        gs_raise(vm, vm->e_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    int64_t n = nbytes / sz, old = AO(o)->len;
    if (n > 0) {
        if (array_resize(vm, o, old + n) < 0)
            return -1;
        memcpy(item_at(o, old), p, (size_t)nbytes);
    }
    return 0;
}

/* a bytes-like argument (Py_buffer): bytes, bytearray, an array of
 * one-byte items */
static const char *bytes_arg(gs_VM *vm, gs_Object *v, int64_t *n)
{
    if (GS_KIND(v) == GS_K_BYTES) {
        *n = ((gs_Bytes *)v)->len;
        return ((gs_Bytes *)v)->data;
    }
    if (GS_KIND(v) == GS_K_BYTEARRAY) {
        gs_ByteArray *b = (gs_ByteArray *)v;
        *n = b->len;
        return b->data ? b->data + b->start : "";
    }
    if (is_array(vm, v)) {
        if (AO(v)->d->itemsize != 1) {
            gs_raise(vm, vm->e_TypeError, "a bytes-like object is required");
            return NULL;
        }
        *n = AO(v)->len;
        return AO(v)->items ? AO(v)->items : "";
    }
    gs_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", gs_type_name(v));
    return NULL;
}

/* a str's code points, appended to a 'u' array */
static int append_str(gs_VM *vm, gs_Object *o, gs_Str *s)
{
    int64_t old = AO(o)->len;
    if (s->nchars == 0)
        return 0;
    if (array_resize(vm, o, old + s->nchars) < 0)
        return -1;
    const unsigned char *p = (const unsigned char *)s->data;
    size_t left = (size_t)s->len;
    for (int64_t i = 0; i < s->nchars; i++) {
        size_t adv;
        uint32_t c = gs_utf8_decode(p, left, &adv);
        memcpy(item_at(o, old + i), &c, 4);
        p += adv;
        left -= adv;
    }
    return 0;
}

/* the items of a 'u' array as a str */
static gs_Object *to_str(gs_VM *vm, gs_Object *o)
{
    gs_Buf b;
    gs_buf_init(&b);
    for (int64_t i = 0; i < AO(o)->len; i++) {
        uint32_t c;
        memcpy(&c, item_at(o, i), 4);
        gs_Object *ch = str_of_cp(vm, c);
        if (!ch) {
            gs_buf_free(&b);
            return NULL;
        }
        gs_buf_add(&b, ((gs_Str *)ch)->data, (size_t)((gs_Str *)ch)->len);
        gs_decref(vm, ch);
    }
    if (b.oom) {
        gs_buf_free(&b);
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *r = gs_str_new(vm, b.data ? b.data : "", b.len);
    gs_buf_free(&b);
    return r;
}

static gs_Object *to_list(gs_VM *vm, gs_Object *o)
{
    if (AO(o)->len > INT32_MAX) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *l = gs_list_new(vm, (int32_t)AO(o)->len);
    for (int64_t i = 0; l && i < AO(o)->len; i++) {
        gs_Object *v = get_item(vm, o, i);
        if (!v) {
            gs_decref(vm, l);
            return NULL;
        }
        gs_list_init(vm, l, (int32_t)i, v);
    }
    return l;
}

/* ================================================================== array() */

static gs_Type *exc_named(gs_VM *vm, const char *name)
{
    for (int i = 0; i < vm->nexc_more; i++)
        if (strcmp(vm->exc_more[i]->name->data, name) == 0)
            return vm->exc_more[i];
    return vm->e_Exception;
}

/* array_new: array(typecode[, initializer]) */
static gs_Object *a_new(GS_ARGS)
{
    gs_Type *cls = (gs_Type *)self;
    gs_Object *own_init = (cls->flags & GS_TF_HEAP) ? gs_type_lookup(cls, vm->s___init__) : NULL;
    /* (keywords are for the __init__ of a class derived from array) */
    if (kwnames && kwnames->len && (!own_init || GS_KIND(own_init) != GS_K_FUNCTION)) {
        gs_raise(vm, vm->e_TypeError, "array.array() takes no keyword arguments");
        return NULL;
    }
    nargs = gs_npos(nargs, kwnames);
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, nargs < 1 ? "array() takes at least 1 argument (%d given)"
                                                : "array() takes at most 2 arguments (%d given)", nargs);
        return NULL;
    }
    gs_Object *tc = args[0], *initial = nargs > 1 ? args[1] : NULL;
    if (GS_KIND(tc) != GS_K_STR || ((gs_Str *)tc)->nchars != 1) {
        gs_raise(vm, vm->e_TypeError, "array() argument 1 must be a unicode character, not %s",
                 GS_KIND(tc) == GS_K_STR ? "str" : gs_type_name(tc));
        return NULL;
    }
    size_t adv;
    uint32_t c = gs_utf8_decode((const unsigned char *)((gs_Str *)tc)->data, (size_t)((gs_Str *)tc)->len, &adv);
    if (initial && c != 'u') {
        if (GS_KIND(initial) == GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "cannot use a str to initialize an array with typecode '%c'", (int)c);
            return NULL;
        }
        if (is_array(vm, initial) && AO(initial)->d->code == 'u') {
            gs_raise(vm, vm->e_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'",
                     (int)c);
            return NULL;
        }
    }
    /* what is not a list, tuple, bytes, bytearray, str ('u') or an array
     * of the same type is iterated (before the typecode is checked) */
    gs_Kind k = initial ? GS_KIND(initial) : GS_K_NONE;
    gs_Object *it = NULL;
    if (initial && k != GS_K_LIST && k != GS_K_TUPLE && k != GS_K_BYTES && k != GS_K_BYTEARRAY &&
        !(c == 'u' && k == GS_K_STR) && !(is_array(vm, initial) && (uint32_t)AO(initial)->d->code == c)) {
        if (!(it = gs_iter(vm, initial)))
            return NULL;
        initial = NULL;
    }
    const Descr *d = descr_of(c);
    if (!d) {
        gs_xdecref(vm, it);
        gs_raise(vm, vm->e_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    int64_t len = 0;
    if (initial && (k == GS_K_LIST || k == GS_K_TUPLE))
        len = k == GS_K_LIST ? ((gs_List *)initial)->len : ((gs_Tuple *)initial)->len;
    else if (initial && is_array(vm, initial))
        len = AO(initial)->len;
    gs_Object *a = array_new_type(vm, cls, d, len);
    if (!a) {
        gs_xdecref(vm, it);
        return NULL;
    }
    int r = 0;
    if (initial && (k == GS_K_LIST || k == GS_K_TUPLE)) {
        for (int64_t i = 0; r == 0 && i < len; i++) {
            /* (a list that shrinks while its items convert: PySequence_GetItem fails) */
            int64_t now = k == GS_K_LIST ? ((gs_List *)initial)->len : len;
            if (i >= now) {
                gs_raise(vm, vm->e_IndexError, "list index out of range");
                r = -1;
                break;
            }
            gs_Object *v = k == GS_K_LIST ? ((gs_List *)initial)->items[i] : ((gs_Tuple *)initial)->items[i];
            gs_incref(vm, v);
            r = set_item(vm, a, i, v);
            gs_decref(vm, v);
        }
    } else if (initial && (k == GS_K_BYTES || k == GS_K_BYTEARRAY)) {
        int64_t n;
        const char *p = bytes_arg(vm, initial, &n);
        r = p ? append_bytes(vm, a, p, n) : -1;
    } else if (initial && k == GS_K_STR) {
        r = append_str(vm, a, (gs_Str *)initial);
    } else if (initial && len > 0) {
        memcpy(AO(a)->items, AO(initial)->items, (size_t)len * (size_t)d->itemsize);
    }
    if (r == 0 && it)
        r = extend_iter(vm, a, it);
    gs_xdecref(vm, it);
    if (r < 0) {
        gs_decref(vm, a);
        return NULL;
    }
    return a;
}

/* ================================================================== sequence protocol */

static gs_Object *a_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, AO(self)->len);
}

static gs_Object *slice_of(gs_VM *vm, gs_Object *o, int64_t lo, int64_t hi)
{
    int64_t n = AO(o)->len;
    lo = lo < 0 ? 0 : lo > n ? n : lo;
    hi = hi < lo ? lo : hi > n ? n : hi;
    gs_Object *r = array_new_of(vm, AO(o)->d, hi - lo);
    if (r && hi > lo)
        memcpy(AO(r)->items, item_at(o, lo), (size_t)(hi - lo) * (size_t)AO(o)->d->itemsize);
    return r;
}

/* an index key as Py_ssize_t: 1 it is one, 0 it is not an index (nothing
 * raised), -1 error */
static int index_key(gs_VM *vm, gs_Object *key, int64_t *out)
{
    return gs_index_value(vm, key, out);
}

/* PySlice_Unpack and PySlice_AdjustIndices: the bounds' __index__ runs
 * first, then the array's length (which that code may have changed) is
 * read */
static int slice_indices(gs_VM *vm, gs_Object *self, gs_Object *key, int64_t *start, int64_t *stop, int64_t *step,
                         int64_t *n)
{
    for (;;) {
        int64_t len = AO(self)->len;
        if (gs_slice_indices(vm, (gs_Slice *)key, len, start, stop, step, n) < 0)
            return -1;
        if (len == AO(self)->len)
            return 0;
    }
}

static gs_Object *a_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *key = args[0];
    int64_t i;
    int r = index_key(vm, key, &i);
    if (r < 0)
        return NULL;
    if (r > 0) {
        if (i < 0)
            i += AO(self)->len;
        if (i < 0 || i >= AO(self)->len) {
            gs_raise(vm, vm->e_IndexError, "array index out of range");
            return NULL;
        }
        return get_item(vm, self, i);
    }
    if (GS_KIND(key) != GS_K_SLICE) {
        gs_raise(vm, vm->e_TypeError, "array indices must be integers");
        return NULL;
    }
    int64_t start, stop, step, n;
    if (slice_indices(vm, self, key, &start, &stop, &step, &n) < 0)
        return NULL;
    if (n <= 0)
        return array_new_of(vm, AO(self)->d, 0);
    if (step == 1)
        return slice_of(vm, self, start, stop);
    gs_Object *res = array_new_of(vm, AO(self)->d, n);
    int sz = AO(self)->d->itemsize;
    for (int64_t cur = start, j = 0; res && j < n; cur += step, j++)
        memcpy(item_at(res, j), item_at(self, cur), (size_t)sz);
    return res;
}

/* array_ass_subscr: value NULL deletes */
static int ass_subscript(gs_VM *vm, gs_Object *self, gs_Object *key, gs_Object *value)
{
    int64_t start, stop, step, slicelength, i;
    int r = index_key(vm, key, &i);
    if (r < 0)
        return -1;
    if (r > 0) {
        if (i < 0)
            i += AO(self)->len;
        if (i < 0 || i >= AO(self)->len) {
            gs_raise(vm, vm->e_IndexError, "array assignment index out of range");
            return -1;
        }
        if (value)
            return set_item(vm, self, i, value);
        start = i;
        stop = i + 1;
        step = 1;
        slicelength = 1;
    } else if (GS_KIND(key) == GS_K_SLICE) {
        if (slice_indices(vm, self, key, &start, &stop, &step, &slicelength) < 0)
            return -1;
    } else {
        gs_raise(vm, vm->e_TypeError, "array indices must be integers");
        return -1;
    }
    gs_Object *other = NULL;
    int64_t needed = 0;
    if (value && is_array(vm, value)) {
        other = value;
        needed = AO(other)->len;
        if (other == self) { /* a[i:j] = a: a copy goes in */
            gs_Object *copy = slice_of(vm, other, 0, needed);
            if (!copy)
                return -1;
            int rr = ass_subscript(vm, self, key, copy);
            gs_decref(vm, copy);
            return rr;
        }
        if (AO(other)->d != AO(self)->d) {
            gs_raise(vm, vm->e_TypeError, "bad argument type for built-in operation");
            return -1;
        }
    } else if (value) {
        gs_raise(vm, vm->e_TypeError, "can only assign array (not \"%s\") to array slice", gs_type_name(value));
        return -1;
    }
    int sz = AO(self)->d->itemsize;
    if ((step > 0 && stop < start) || (step < 0 && stop > start))
        stop = start; /* a[2:1] = ...: the insertion point is start */
    if (step == 1) {
        if (slicelength > needed) {
            memmove(item_at(self, start + needed), item_at(self, stop),
                    (size_t)(AO(self)->len - stop) * (size_t)sz);
            if (array_resize(vm, self, AO(self)->len + needed - slicelength) < 0)
                return -1;
        } else if (slicelength < needed) {
            if (array_resize(vm, self, AO(self)->len + needed - slicelength) < 0)
                return -1;
            memmove(item_at(self, start + needed), item_at(self, stop),
                    (size_t)(AO(self)->len - start - needed) * (size_t)sz);
        }
        if (needed > 0)
            memcpy(item_at(self, start), AO(other)->items, (size_t)needed * (size_t)sz);
        return 0;
    }
    if (needed == 0) {
        /* an extended slice deleted (or given an empty array, as CPython does) */
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        int64_t cur, j;
        for (cur = start, j = 0; j < slicelength; cur += step, j++) {
            int64_t lim = step - 1;
            if (cur + step >= AO(self)->len)
                lim = AO(self)->len - cur - 1;
            memmove(item_at(self, cur - j), item_at(self, cur + 1), (size_t)lim * (size_t)sz);
        }
        cur = start + slicelength * step;
        if (cur < AO(self)->len)
            memmove(item_at(self, cur - slicelength), item_at(self, cur), (size_t)(AO(self)->len - cur) * (size_t)sz);
        return array_resize(vm, self, AO(self)->len - slicelength);
    }
    if (needed != slicelength) {
        gs_raise(vm, vm->e_ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
                 (long long)needed, (long long)slicelength);
        return -1;
    }
    int64_t cur, j;
    for (cur = start, j = 0; j < slicelength; cur += step, j++)
        memcpy(item_at(self, cur), item_at(other, j), (size_t)sz);
    return 0;
}

static gs_Object *a_setitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return ass_subscript(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *a_delitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return ass_subscript(vm, self, args[0], NULL) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *a_contains(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    for (int64_t i = 0; i < AO(self)->len; i++) {
        gs_Object *v = get_item(vm, self, i);
        int cmp = v ? gs_equal(vm, v, args[0]) : -1;
        gs_xdecref(vm, v);
        if (cmp)
            return cmp < 0 ? NULL : GS_BOOL(vm, true);
    }
    return GS_BOOL(vm, false);
}

/* a + b: a new array of both (same type only) */
static gs_Object *a_add(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *b = args[0];
    if (!is_array(vm, b)) {
        gs_raise(vm, vm->e_TypeError, "can only append array (not \"%s\") to array", gs_type_name(b));
        return NULL;
    }
    if (AO(b)->d != AO(self)->d) {
        gs_raise(vm, vm->e_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    int64_t na = AO(self)->len, nb = AO(b)->len;
    gs_Object *r = array_new_of(vm, AO(self)->d, na + nb);
    if (!r)
        return NULL;
    int sz = AO(self)->d->itemsize;
    if (na)
        memcpy(AO(r)->items, AO(self)->items, (size_t)na * (size_t)sz);
    if (nb)
        memcpy(item_at(r, na), AO(b)->items, (size_t)nb * (size_t)sz);
    return r;
}

static gs_Object *a_iadd(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (!is_array(vm, args[0])) {
        gs_raise(vm, vm->e_TypeError, "can only extend array with array (not \"%s\")", gs_type_name(args[0]));
        return NULL;
    }
    return extend_with(vm, self, args[0]) < 0 ? NULL : gs_newref(vm, self);
}

/* the count of a * n: 1 it is no index (the other operand's turn, or
 * CPython's "can't multiply sequence" TypeError), 0 it is, -1 error */
static int repeat_count(gs_VM *vm, gs_Object *o, int64_t *n)
{
    if (!gs_is_intlike(o) && !(GS_KIND(o) == GS_K_INSTANCE && gs_type_lookup(o->type, gs_name(vm, "__index__")))) {
        if ((o->type->flags & GS_TF_HEAP) && gs_type_lookup(o->type, gs_name(vm, "__rmul__")))
            return 1;
        gs_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'", gs_type_name(o));
        return -1;
    }
    if (gs_int_is_big(o)) { /* PyNumber_AsSsize_t(o, OverflowError) */
        gs_raise(vm, vm->e_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return gs_index_value(vm, o, n) < 0 ? -1 : 0;
}

static gs_Object *a_mul(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t n;
    int r = repeat_count(vm, args[0], &n);
    if (r)
        return r < 0 ? NULL : gs_newref(vm, vm->notimpl);
    if (n < 0)
        n = 0;
    int64_t len = AO(self)->len;
    if (len && n > INT64_MAX / 8 / len) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *res = array_new_of(vm, AO(self)->d, len * n);
    size_t bytes = (size_t)len * (size_t)AO(self)->d->itemsize;
    for (int64_t i = 0; res && bytes && i < n; i++)
        memcpy(AO(res)->items + (size_t)i * bytes, AO(self)->items, bytes);
    return res;
}

static gs_Object *a_imul(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t n;
    int r = repeat_count(vm, args[0], &n);
    if (r)
        return r < 0 ? NULL : gs_newref(vm, vm->notimpl);
    int64_t len = AO(self)->len;
    if (len > 0 && n != 1) {
        if (n < 0)
            n = 0;
        if (n && len > INT64_MAX / 8 / n) {
            gs_raise_memory(vm);
            return NULL;
        }
        if (array_resize(vm, self, n * len) < 0)
            return NULL;
        size_t bytes = (size_t)len * (size_t)AO(self)->d->itemsize;
        for (int64_t i = 1; i < n; i++)
            memcpy(AO(self)->items + (size_t)i * bytes, AO(self)->items, bytes);
    }
    return gs_newref(vm, self);
}

/* array_richcompare (3.11): item by item until two differ */
static gs_Object *richcompare(gs_VM *vm, gs_Object *v, gs_Object *w, int op)
{
    if (!is_array(vm, v) || !is_array(vm, w))
        return gs_newref(vm, vm->notimpl);
    int64_t vs = AO(v)->len, ws = AO(w)->len;
    if (vs != ws && (op == GS_CMP_EQ || op == GS_CMP_NE))
        return GS_BOOL(vm, op == GS_CMP_NE);
    gs_Object *vi = NULL, *wi = NULL;
    int k = 1;
    for (int64_t i = 0; i < AO(v)->len && i < AO(w)->len; i++) {
        vi = get_item(vm, v, i);
        wi = vi ? get_item(vm, w, i) : NULL;
        k = wi ? gs_equal(vm, vi, wi) : -1;
        if (k == 0)
            break; /* vi and wi kept */
        gs_xdecref(vm, vi);
        gs_xdecref(vm, wi);
        vi = wi = NULL;
        if (k < 0)
            return NULL;
    }
    if (k) {
        vs = AO(v)->len;
        ws = AO(w)->len;
        bool cmp;
        switch (op) {
        case GS_CMP_LT: cmp = vs < ws; break;
        case GS_CMP_LE: cmp = vs <= ws; break;
        case GS_CMP_EQ: cmp = vs == ws; break;
        case GS_CMP_NE: cmp = vs != ws; break;
        case GS_CMP_GT: cmp = vs > ws; break;
        default: cmp = vs >= ws; break;
        }
        return GS_BOOL(vm, cmp);
    }
    gs_Object *res;
    if (op == GS_CMP_EQ || op == GS_CMP_NE)
        res = GS_BOOL(vm, op == GS_CMP_NE);
    else
        res = gs_compare(vm, op, vi, wi);
    gs_decref(vm, vi);
    gs_decref(vm, wi);
    return res;
}

#define A_CMP(name, op)                                                                                            \
    static gs_Object *name(GS_ARGS)                                                                                \
    {                                                                                                              \
        GS_UNUSED(nargs);                                                                                          \
        GS_UNUSED(kwnames);                                                                                        \
        return richcompare(vm, self, args[0], op);                                                                 \
    }
A_CMP(a_lt, GS_CMP_LT)
A_CMP(a_le, GS_CMP_LE)
A_CMP(a_eq, GS_CMP_EQ)
A_CMP(a_ne, GS_CMP_NE)
A_CMP(a_gt, GS_CMP_GT)
A_CMP(a_ge, GS_CMP_GE)

/* array('i', [1, 2]), array('u', 'ab'), array('d') */
static gs_Object *a_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    const char *name = strrchr(self->type->name->data, '.');
    name = name ? name + 1 : self->type->name->data;
    char code = AO(self)->d->code;
    if (AO(self)->len == 0)
        return gs_str_printf(vm, "%s('%c')", name, code);
    gs_Object *v = code == 'u' ? to_str(vm, self) : to_list(vm, self);
    gs_Object *vr = v ? gs_repr(vm, v) : NULL;
    gs_xdecref(vm, v);
    if (!vr)
        return NULL;
    gs_Object *r = gs_str_printf(vm, "%s('%c', %s)", name, code, ((gs_Str *)vr)->data);
    gs_decref(vm, vr);
    return r;
}

/* ================================================================== methods */

static gs_Object *a_append(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return insert_at(vm, self, AO(self)->len, args[0]) < 0 ? NULL : GS_NONE(vm);
}

/* a Py_ssize_t argument ("n" format) */
static int ssize_arg(gs_VM *vm, gs_Object *o, int64_t *out) { return gs_index_arg(vm, o, out); }

static gs_Object *a_insert(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "insert expected 2 arguments, got %d", nargs);
        return NULL;
    }
    int64_t i;
    if (ssize_arg(vm, args[0], &i) < 0)
        return NULL;
    return insert_at(vm, self, i, args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *a_extend(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return extend_with(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *a_pop(GS_ARGS)
{
    GS_UNUSED(kwnames);
    int64_t i = -1;
    if (nargs > 0 && ssize_arg(vm, args[0], &i) < 0)
        return NULL;
    int64_t n = AO(self)->len;
    if (n == 0) {
        gs_raise(vm, vm->e_IndexError, "pop from empty array");
        return NULL;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        gs_raise(vm, vm->e_IndexError, "pop index out of range");
        return NULL;
    }
    gs_Object *v = get_item(vm, self, i);
    if (v && del_range(vm, self, i, i + 1) < 0) {
        gs_decref(vm, v);
        return NULL;
    }
    return v;
}

static gs_Object *a_remove(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    for (int64_t i = 0; i < AO(self)->len; i++) {
        gs_Object *v = get_item(vm, self, i);
        int cmp = v ? gs_equal(vm, v, args[0]) : -1;
        gs_xdecref(vm, v);
        if (cmp < 0)
            return NULL;
        if (cmp)
            return del_range(vm, self, i, i + 1) < 0 ? NULL : GS_NONE(vm);
    }
    gs_raise(vm, vm->e_ValueError, "array.remove(x): x not in array");
    return NULL;
}

/* _PyEval_SliceIndexNotNone: an index, clamped to Py_ssize_t */
static int slice_index(gs_VM *vm, gs_Object *o, int64_t *out)
{
    if (gs_int_is_big(o)) {
        *out = ((gs_Int *)o)->value < 0 ? INT64_MIN : INT64_MAX;
        return 0;
    }
    int r = gs_index_value(vm, o, out);
    if (r == 0)
        gs_raise(vm, vm->e_TypeError, "slice indices must be integers or have an __index__ method");
    return r > 0 ? 0 : -1;
}

static gs_Object *a_index(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs < 1 || nargs > 3) {
        gs_raise(vm, vm->e_TypeError, nargs < 1 ? "index expected at least 1 argument, got %d"
                                                : "index expected at most 3 arguments, got %d", nargs);
        return NULL;
    }
    int64_t start = 0, stop = INT64_MAX;
    if ((nargs > 1 && slice_index(vm, args[1], &start) < 0) || (nargs > 2 && slice_index(vm, args[2], &stop) < 0))
        return NULL;
    if (start < 0) {
        start += AO(self)->len;
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += AO(self)->len;
    for (int64_t i = start; i < stop && i < AO(self)->len; i++) {
        gs_Object *v = get_item(vm, self, i);
        int cmp = v ? gs_equal(vm, v, args[0]) : -1;
        gs_xdecref(vm, v);
        if (cmp < 0)
            return NULL;
        if (cmp)
            return gs_int_new(vm, i);
    }
    gs_raise(vm, vm->e_ValueError, "array.index(x): x not in array");
    return NULL;
}

static gs_Object *a_count(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t count = 0;
    for (int64_t i = 0; i < AO(self)->len; i++) {
        gs_Object *v = get_item(vm, self, i);
        int cmp = v ? gs_equal(vm, v, args[0]) : -1;
        gs_xdecref(vm, v);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return gs_int_new(vm, count);
}

static gs_Object *a_reverse(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int sz = AO(self)->d->itemsize;
    char tmp[8];
    for (int64_t i = 0, j = AO(self)->len - 1; i < j; i++, j--) {
        memcpy(tmp, item_at(self, i), (size_t)sz);
        memcpy(item_at(self, i), item_at(self, j), (size_t)sz);
        memcpy(item_at(self, j), tmp, (size_t)sz);
    }
    return GS_NONE(vm);
}

static gs_Object *a_byteswap(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int sz = AO(self)->d->itemsize;
    for (int64_t i = 0; i < AO(self)->len; i++) {
        char *p = item_at(self, i);
        for (int a = 0, b = sz - 1; a < b; a++, b--) {
            char t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
    }
    return GS_NONE(vm);
}

static gs_Object *a_buffer_info(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *addr = int_from_u64(vm, (uint64_t)(uintptr_t)AO(self)->items);
    gs_Object *n = addr ? gs_int_new(vm, AO(self)->len) : NULL;
    gs_Object *t = n ? gs_tuple_new(vm, 2) : NULL;
    if (!t) {
        gs_xdecref(vm, addr);
        gs_xdecref(vm, n);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, addr);
    gs_tuple_init(vm, t, 1, n);
    return t;
}

static gs_Object *a_tolist(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return to_list(vm, self);
}

static gs_Object *a_fromlist(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *list = args[0];
    if (GS_KIND(list) != GS_K_LIST) {
        gs_raise(vm, vm->e_TypeError, "arg must be list");
        return NULL;
    }
    int64_t n = ((gs_List *)list)->len;
    if (n > 0) {
        int64_t old = AO(self)->len;
        if (array_resize(vm, self, old + n) < 0)
            return NULL;
        for (int64_t i = 0; i < n; i++) {
            gs_Object *v = ((gs_List *)list)->items[i];
            if (set_item(vm, self, AO(self)->len - n + i, v) < 0) {
                array_resize(vm, self, old);
                return NULL;
            }
            if (n != ((gs_List *)list)->len) {
                gs_raise(vm, vm->e_RuntimeError, "list changed size during iteration");
                array_resize(vm, self, old);
                return NULL;
            }
        }
    }
    return GS_NONE(vm);
}

static gs_Object *a_tobytes(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_bytes_new(vm, AO(self)->items, (size_t)AO(self)->len * (size_t)AO(self)->d->itemsize);
}

static gs_Object *a_frombytes(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t n;
    const char *p = bytes_arg(vm, args[0], &n);
    if (!p)
        return NULL;
    /* (a copy: the argument may be this very array) */
    char *copy = n ? malloc((size_t)n) : NULL;
    if (n && !copy) {
        gs_raise_memory(vm);
        return NULL;
    }
    if (n)
        memcpy(copy, p, (size_t)n);
    int r = append_bytes(vm, self, copy, n);
    free(copy);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *a_fromunicode(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "fromunicode() argument must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    if (AO(self)->d->code != 'u') {
        gs_raise(vm, vm->e_ValueError, "fromunicode() may only be called on unicode type arrays");
        return NULL;
    }
    return append_str(vm, self, (gs_Str *)args[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *a_tounicode(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (AO(self)->d->code != 'u') {
        gs_raise(vm, vm->e_ValueError, "tounicode() may only be called on unicode type arrays");
        return NULL;
    }
    return to_str(vm, self);
}

/* fromfile(f, n): f.read(n * itemsize) must give bytes */
static gs_Object *a_fromfile(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "fromfile expected 2 arguments, got %d", nargs);
        return NULL;
    }
    int64_t n;
    if (ssize_arg(vm, args[1], &n) < 0)
        return NULL;
    if (n < 0) {
        gs_raise(vm, vm->e_ValueError, "negative count");
        return NULL;
    }
    int sz = AO(self)->d->itemsize;
    if (n > INT64_MAX / sz) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *read = gs_getattr(vm, args[0], gs_name(vm, "read"));
    gs_Object *nb = read ? gs_int_new(vm, n * sz) : NULL;
    gs_Object *b = nb ? gs_call_object(vm, read, &nb, 1, NULL) : NULL;
    gs_xdecref(vm, nb);
    gs_xdecref(vm, read);
    if (!b)
        return NULL;
    if (GS_KIND(b) != GS_K_BYTES) {
        gs_decref(vm, b);
        gs_raise(vm, vm->e_TypeError, "read() didn't return bytes");
        return NULL;
    }
    bool short_read = ((gs_Bytes *)b)->len != n * sz;
    int r = append_bytes(vm, self, ((gs_Bytes *)b)->data, ((gs_Bytes *)b)->len);
    gs_decref(vm, b);
    if (r < 0)
        return NULL;
    if (short_read) {
        gs_raise(vm, exc_named(vm, "EOFError"), "read() didn't return enough bytes");
        return NULL;
    }
    return GS_NONE(vm);
}

/* tofile(f): f.write(bytes) of 64 KiB blocks */
static gs_Object *a_tofile(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    size_t nbytes = (size_t)AO(self)->len * (size_t)AO(self)->d->itemsize, block = 64 * 1024;
    for (size_t off = 0; off < nbytes; off += block) {
        size_t n = nbytes - off < block ? nbytes - off : block;
        gs_Object *b = gs_bytes_new(vm, AO(self)->items + off, n);
        gs_Object *write = b ? gs_getattr(vm, args[0], gs_name(vm, "write")) : NULL;
        gs_Object *r = write ? gs_call_object(vm, write, &b, 1, NULL) : NULL;
        gs_xdecref(vm, write);
        gs_xdecref(vm, b);
        if (!r)
            return NULL;
        gs_decref(vm, r);
    }
    return GS_NONE(vm);
}

static gs_Object *a_copy(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return slice_of(vm, self, 0, AO(self)->len);
}

/* __reduce_ex__(protocol): (array, (typecode, list), None), the form
 * CPython gives protocols 0 to 2 (an array has no __dict__) */
static gs_Object *a_reduce_ex(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t proto;
    if (gs_index_arg(vm, args[0], &proto) < 0)
        return NULL;
    char c = AO(self)->d->code;
    gs_Object *l = to_list(vm, self);
    gs_Object *tc = l ? gs_str_new(vm, &c, 1) : NULL;
    gs_Object *inner = tc ? gs_tuple_pack(vm, 2, tc, l) : NULL;
    gs_Object *r = inner ? gs_tuple_pack(vm, 3, &self->type->ob, inner, vm->none) : NULL;
    gs_xdecref(vm, l);
    gs_xdecref(vm, tc);
    gs_xdecref(vm, inner);
    return r;
}

static gs_Object *a_typecode(GS_ARGS)
{
    GS_UNUSED_ARGS;
    char c = AO(self)->d->code;
    return gs_str_new(vm, &c, 1);
}

static gs_Object *a_itemsize(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, AO(self)->d->itemsize);
}

/* ================================================================== the iterator */

static gs_Object *a_iter(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *it = gs_native_new(vm, state(vm)->t_iter);
    if (!it)
        return NULL;
    gs_hold_own_type(vm, it, &AI(it)->holds_type);
    gs_native_set(vm, it, &AI(it)->ao, F_ARRAY, self);
    return it;
}

static gs_Object *ai_next(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    ArrayIter *it = AI(self);
    if (!it->ao)
        return NULL;
    if (it->index < AO(it->ao)->len)
        return get_item(vm, it->ao, it->index++);
    gs_native_set(vm, self, &it->ao, F_ARRAY, NULL); /* exhausted: the array goes */
    return NULL;
}

static gs_Object *ai_self(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, self);
}

/* ================================================================== the module */

static const gs_MethodDef array_methods[] = {
    { "__new__", a_new, 0, -1, GS_KW },
    { "append", a_append, 1, 1, 0 },
    { "buffer_info", a_buffer_info, 0, 0, 0 },
    { "byteswap", a_byteswap, 0, 0, 0 },
    { "__copy__", a_copy, 0, 0, 0 },
    { "count", a_count, 1, 1, 0 },
    { "__deepcopy__", a_copy, 1, 1, 0 },
    { "__reduce_ex__", a_reduce_ex, 1, 1, 0 },
    { "extend", a_extend, 1, 1, 0 },
    { "fromfile", a_fromfile, 0, -1, 0 },
    { "fromlist", a_fromlist, 1, 1, 0 },
    { "frombytes", a_frombytes, 1, 1, 0 },
    { "fromunicode", a_fromunicode, 1, 1, 0 },
    { "index", a_index, 0, -1, 0 },
    { "insert", a_insert, 0, -1, 0 },
    { "pop", a_pop, 0, 1, 0 },
    { "remove", a_remove, 1, 1, 0 },
    { "reverse", a_reverse, 0, 0, 0 },
    { "tofile", a_tofile, 1, 1, 0 },
    { "tolist", a_tolist, 0, 0, 0 },
    { "tobytes", a_tobytes, 0, 0, 0 },
    { "tounicode", a_tounicode, 0, 0, 0 },
    { "__len__", a_len, 0, 0, 0 },
    { "__getitem__", a_getitem, 1, 1, 0 },
    { "__setitem__", a_setitem, 2, 2, 0 },
    { "__delitem__", a_delitem, 1, 1, 0 },
    { "__contains__", a_contains, 1, 1, 0 },
    { "__iter__", a_iter, 0, 0, 0 },
    { "__repr__", a_repr, 0, 0, 0 },
    { "__add__", a_add, 1, 1, 0 },
    { "__iadd__", a_iadd, 1, 1, 0 },
    { "__mul__", a_mul, 1, 1, 0 },
    { "__rmul__", a_mul, 1, 1, 0 },
    { "__imul__", a_imul, 1, 1, 0 },
    { "__lt__", a_lt, 1, 1, 0 },
    { "__le__", a_le, 1, 1, 0 },
    { "__eq__", a_eq, 1, 1, 0 },
    { "__ne__", a_ne, 1, 1, 0 },
    { "__gt__", a_gt, 1, 1, 0 },
    { "__ge__", a_ge, 1, 1, 0 },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef iter_methods[] = {
    { "__next__", ai_next, 0, 0, GS_ITERNEXT },
    { "__iter__", ai_self, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

static ArrayState *make_types(gs_VM *vm)
{
    ArrayState *s = calloc(1, sizeof *s);
    if (!s) {
        gs_raise_memory(vm);
        return NULL;
    }
    vm->modstate[GS_MS_ARRAY] = s;
    vm->runtime_alloc++; /* the interpreter's, not the program's */
    s->t_array = gs_modtype_new(vm, "array.array", NULL, &array_ops, true);
    s->t_array->flags &= (uint16_t)~GS_TF_DICT; /* no __dict__: attributes cannot be set */
    gs_type_add_methods(vm, s->t_array, array_methods);
    gs_type_add_getter(vm, s->t_array, "typecode", a_typecode);
    gs_type_add_getter(vm, s->t_array, "itemsize", a_itemsize);
    gs_modtype_add_attr(vm, s->t_array, "__hash__", gs_newref(vm, vm->none));
    gs_modtype_add_attr(vm, s->t_array, "__basicsize__", gs_int_new(vm, 64));
    gs_modtype_add_attr(vm, s->t_array, "__doc__",
                        gs_str_from_cstr(vm, "array(typecode [, initializer]) -> array\n\n"
                                             "Return a new array whose items are restricted by typecode, and\n"
                                             "initialized from the optional initializer value, which must be a list,\n"
                                             "string or iterable over elements of the appropriate type.\n"));
    s->t_iter = gs_native_type_new(vm, "array.arrayiterator", &iter_ops, iter_methods);
    s->t_iter->flags &= (uint16_t)~GS_TF_DICT;
    vm->runtime_alloc--;
    return s;
}

/* import collections.abc (new reference) the way arraymodule's exec does
 * (PyImport_ImportModuleAttrString): in a program that has not imported
 * collections, CPython's import of the package is part of this one's
 * footprint, measured whole (below) */
static gs_Object *import_collections_abc(gs_VM *vm)
{
    gs_Str *name = gs_name(vm, "collections.abc");
    if (gs_module_imported(vm, "collections"))
        return gs_import(vm, name);
    /* the model's collections and collections.abc neither count nor
     * collect here; CPython's figures for both follow, measured with
     * python3.11 in a program that imported nothing before (1418
     * allocations for `import array`, 63 of them array's own, below): its
     * allocations (the first automatic collection frees EARLY objects left
     * in cycles), then the cycles collections leaves, which the automatic
     * collection that array's own allocations start finds */
    int64_t count0 = vm->gens[0].count, garbage0 = vm->gc_phantom_garbage;
    bool enabled = vm->gc_enabled;
    vm->gc_enabled = false;
    gs_Object *m = gs_import(vm, name);
    vm->gc_enabled = enabled;
    vm->gens[0].count = count0;
    vm->gc_phantom_garbage = garbage0;
    enum { CPY_ALLOCS = 1355, EARLY = 3, GARBAGE = 71 };
    gs_gc_import_footprint(vm, 0, 0, EARLY);
    gs_gc_import_footprint(vm, CPY_ALLOCS, 0, GARBAGE);
    return m;
}

gs_Object *gs_module_array(gs_VM *vm)
{
    bool brought_collections = !gs_module_imported(vm, "collections");
    gs_Object *cabc = import_collections_abc(vm);
    if (!cabc)
        return NULL;
    ArrayState *s = state(vm);
    if (!s && !(s = make_types(vm))) {
        gs_decref(vm, cabc);
        return NULL;
    }
    gs_Object *m = gs_module_new(vm, "array");
    if (!m) {
        gs_decref(vm, cabc);
        return NULL;
    }
    gs_module_add(vm, m, "ArrayType", gs_newref(vm, &s->t_array->ob));
    gs_module_add(vm, m, "array", gs_newref(vm, &s->t_array->ob));
    gs_module_add(vm, m, "typecodes", gs_str_from_cstr(vm, "bBuhHiIlLqQfd"));
    /* the module registers array with collections.abc.MutableSequence */
    gs_Object *ms = gs_getattr(vm, cabc, gs_name(vm, "MutableSequence"));
    gs_Object *reg = ms ? gs_getattr(vm, ms, gs_name(vm, "register")) : NULL;
    gs_Object *arg = &s->t_array->ob;
    gs_Object *r = reg ? gs_call_object(vm, reg, &arg, 1, NULL) : NULL;
    gs_xdecref(vm, reg);
    gs_xdecref(vm, ms);
    gs_xdecref(vm, cabc);
    if (!r) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_decref(vm, r);
    /* CPython's import (the module's heap types, its interned names,
     * ABCMeta.register's caches): allocations and objects kept, measured
     * with python3.11 in a program that had imported collections.abc;
     * less what the model makes (collections.abc
     * imported first: its share when it comes with this import, above) */
    enum { CPY_ALLOCS = 63, CPY_KEPT = 70, MODEL_ALLOCS = 49, MODEL_KEPT = 52 };
    /* (and with the collector enabled, 16 fewer count when this import
     * brought collections, as gc.get_count() after it shows: CPython's
     * automatic collections free objects on the way) */
    enum { TUNE_ENABLED = -16 };
    int64_t tune = vm->gc_enabled && brought_collections ? TUNE_ENABLED : 0;
    gs_gc_import_footprint(vm, CPY_ALLOCS - MODEL_ALLOCS + tune, CPY_KEPT - MODEL_KEPT, 0);
    return m;
}

void gs_array_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_ARRAY]); /* the types themselves are the VM's */
    vm->modstate[GS_MS_ARRAY] = NULL;
}
