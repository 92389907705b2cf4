/*
 * bytes.c — bytes and bytearray objects: construction, indexing and
 * slicing, + and *, comparisons, hash, repr, iteration, the methods the two
 * share (find, split, strip, replace, decode, hex ...), bytearray's
 * mutations, and str.encode.
 *
 * Neither type holds references, so neither is tracked by the collector.
 * A bytes object keeps its bytes inline (sys.getsizeof = 33 + len); a
 * bytearray keeps a separate buffer that grows and shrinks the way CPython
 * 3.11's PyByteArray_Resize does (sys.getsizeof = 56 + the allocation),
 * including the "logical start" a deletion at the front advances instead
 * of moving the bytes.  Messages are CPython's (Objects/bytesobject.c,
 * bytearrayobject.c, bytes_methods.c, the utf-8 and ascii codecs).
 */
#include <ctype.h>
#include <stdio.h>

#include "opcodes.h"
#include "runtime.h"

/* ================================================================== helpers */

static bool is_bytes_like(gs_Object *o) { return GS_KIND(o) == GS_K_BYTES || GS_KIND(o) == GS_K_BYTEARRAY; }

static const char *bdata(gs_Object *o)
{
    if (GS_KIND(o) == GS_K_BYTES)
        return ((gs_Bytes *)o)->data;
    gs_ByteArray *a = (gs_ByteArray *)o;
    return a->data ? a->data + a->start : "";
}

static char *ba_buf(gs_ByteArray *a) { return a->data + a->start; }

/* The buffer of a module's object that has one (array.array), or NULL */
static const char *native_buffer(gs_Object *o, size_t *n)
{
    if (GS_KIND(o) != GS_K_INSTANCE || !o->type->native || !o->type->native->buffer)
        return NULL;
    const char *p = o->type->native->buffer->get(o, n);
    return p ? p : "";
}

int64_t gs_bytes_len(gs_Object *o)
{
    return GS_KIND(o) == GS_K_BYTES ? ((gs_Bytes *)o)->len : ((gs_ByteArray *)o)->len;
}

static const char *tname(gs_Object *o) { return GS_KIND(o) == GS_K_BYTES ? "bytes" : "bytearray"; }

gs_Object *gs_bytes_new(gs_VM *vm, const char *s, size_t len)
{
    if (len > INT32_MAX - 64) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Bytes *b = (gs_Bytes *)gs_alloc(vm, vm->t_bytes, sizeof(gs_Bytes) + len + 1);
    if (!b)
        return NULL;
    b->hash = -1;
    b->len = (int32_t)len;
    if (s && len)
        memcpy(b->data, s, len);
    else if (len)
        memset(b->data, 0, len);
    b->data[len] = 0;
    gs_record_alloc(vm, &b->ob);
    return &b->ob;
}

size_t gs_bytearray_sizeof(gs_Object *o) { return 56 + (size_t)((gs_ByteArray *)o)->alloc; }

/* PyByteArray_Resize: the buffer as CPython's would be after a resize to
 * `size` bytes (the contents up to min(old, new) kept) */
/* _canresize: no memoryview holds the buffer */
static int ba_can_resize(gs_VM *vm, gs_ByteArray *a)
{
    if (a->exports > 0) {
        for (int i = 0; i < vm->nexc_more; i++)
            if (strcmp(vm->exc_more[i]->name->data, "BufferError") == 0) {
                gs_raise(vm, vm->exc_more[i], "Existing exports of data: object cannot be re-sized");
                return -1;
            }
        gs_raise(vm, vm->e_RuntimeError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

static int ba_resize(gs_VM *vm, gs_ByteArray *a, int64_t size)
{
    if (size == a->len)
        return 0;
    if (ba_can_resize(vm, a) < 0)
        return -1;
    size_t old_total = gs_bytearray_sizeof(&a->ob);
    int64_t alloc = a->alloc, off = a->start;
    if (size + off + 1 <= alloc) {
        if (size < alloc / 2)
            alloc = size + 1; /* major downsize: to the exact size */
        else {
            a->len = size; /* minor downsize: nothing moves */
            a->data[off + size] = 0;
            return 0;
        }
    } else if ((double)size <= (double)alloc * 1.125)
        alloc = size + (size >> 3) + (size < 9 ? 3 : 6); /* moderate upsize: overallocate */
    else
        alloc = size + 1; /* major upsize: the exact size */
    if (alloc > ((int64_t)1 << 31)) {
        gs_raise_memory(vm);
        return -1;
    }
    char *nb = gs_mem_alloc(vm, (size_t)alloc);
    if (!nb) {
        gs_raise_memory(vm);
        return -1;
    }
    int64_t keep = size < a->len ? size : a->len;
    if (keep > 0)
        memcpy(nb, a->data + off, (size_t)keep);
    gs_mem_free(vm, a->data);
    a->data = nb;
    a->start = 0;
    a->alloc = alloc;
    a->len = size;
    nb[size] = 0;
    gs_size_changed(vm, &a->ob, old_total, gs_bytearray_sizeof(&a->ob));
    return 0;
}

/* PyByteArray_FromStringAndSize: exactly len + 1 bytes (none when empty) */
static gs_Object *bytearray_new(gs_VM *vm, const char *s, int64_t len)
{
    gs_ByteArray *a = (gs_ByteArray *)gs_alloc(vm, vm->t_bytearray, sizeof(gs_ByteArray));
    if (!a)
        return NULL;
    a->len = 0;
    a->alloc = 0;
    a->start = 0;
    a->data = NULL;
    if (len > 0) {
        a->data = gs_mem_alloc(vm, (size_t)len + 1);
        if (!a->data) {
            gs_decref(vm, &a->ob);
            gs_raise_memory(vm);
            return NULL;
        }
        if (s)
            memcpy(a->data, s, (size_t)len);
        else
            memset(a->data, 0, (size_t)len);
        a->data[len] = 0;
        a->len = len;
        size_t old = gs_bytearray_sizeof(&a->ob);
        a->alloc = len + 1;
        gs_size_changed(vm, &a->ob, old, gs_bytearray_sizeof(&a->ob));
    }
    return &a->ob;
}

/* a result of the same type as `like` */
static gs_Object *make_like(gs_VM *vm, gs_Object *like, const char *s, int64_t len)
{
    return GS_KIND(like) == GS_K_BYTES ? gs_bytes_new(vm, s, (size_t)len) : bytearray_new(vm, s, len);
}

static gs_Object *buf_to_like(gs_VM *vm, gs_Object *like, gs_Buf *b)
{
    gs_Object *r = b->oom ? NULL : make_like(vm, like, b->data, (int64_t)b->len);
    if (b->oom)
        gs_raise_memory(vm);
    gs_buf_free(b);
    return r;
}

/* the exact bytes object itself when nothing changed (CPython returns self) */
static gs_Object *same_or_copy(gs_VM *vm, gs_Object *o)
{
    if (GS_KIND(o) == GS_K_BYTES)
        return gs_newref(vm, o);
    return make_like(vm, o, bdata(o), gs_bytes_len(o));
}

/* _getbytevalue: an int in range(0, 256) */
static int byte_value(gs_VM *vm, gs_Object *o, const char *msg, int *out)
{
    int64_t v;
    if (gs_as_int(vm, o, &v) < 0)
        return -1;
    if (v < 0 || v > 255) {
        gs_raise(vm, vm->e_ValueError, "%s", msg);
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* ================================================================== hash, repr */

int64_t gs_bytes_hash(gs_Bytes *b)
{
    /* the hash of the ASCII str with the same characters, as CPython's */
    if (b->hash != -1)
        return b->hash;
    uint64_t h = 14695981039346656037ULL;
    for (int32_t i = 0; i < b->len; i++) {
        h ^= (unsigned char)b->data[i];
        h *= 1099511628211ULL;
    }
    int64_t r = (int64_t)(h >> 1);
    if (r == -1)
        r = -2;
    b->hash = r;
    return r;
}

/* bytes_repr; bytearray's (escape_single) chooses its quote the same way
 * but escapes a single quote whichever it chose */
static void repr_into(gs_Buf *b, const char *s, int64_t n, bool escape_single)
{
    char quote = '\'';
    if (memchr(s, '\'', (size_t)n) && !memchr(s, '"', (size_t)n))
        quote = '"';
    gs_buf_addc(b, 'b');
    gs_buf_addc(b, quote);
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == quote || c == '\\' || (escape_single && c == '\'')) {
            gs_buf_addc(b, '\\');
            gs_buf_addc(b, (char)c);
        } else if (c == '\t')
            gs_buf_adds(b, "\\t");
        else if (c == '\n')
            gs_buf_adds(b, "\\n");
        else if (c == '\r')
            gs_buf_adds(b, "\\r");
        else if (c < ' ' || c >= 0x7f)
            gs_buf_printf(b, "\\x%02x", c);
        else
            gs_buf_addc(b, (char)c);
    }
    gs_buf_addc(b, quote);
}

gs_Object *gs_bytes_repr(gs_VM *vm, gs_Object *o)
{
    gs_Buf b;
    gs_buf_init(&b);
    if (GS_KIND(o) == GS_K_BYTEARRAY) {
        gs_buf_adds(&b, "bytearray(");
        repr_into(&b, bdata(o), gs_bytes_len(o), true);
        gs_buf_addc(&b, ')');
    } else
        repr_into(&b, bdata(o), gs_bytes_len(o), false);
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== operators */

static gs_Object *repeat(gs_VM *vm, gs_Object *o, int64_t n)
{
    int64_t len = gs_bytes_len(o);
    if (n < 0)
        n = 0;
    if (n == 1 && GS_KIND(o) == GS_K_BYTES)
        return gs_newref(vm, o);
    if (len && n > ((int64_t)1 << 31) / len) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *r = make_like(vm, o, NULL, len * n);
    if (!r)
        return NULL;
    char *d = GS_KIND(r) == GS_K_BYTES ? ((gs_Bytes *)r)->data : ba_buf((gs_ByteArray *)r);
    const char *s = bdata(o);
    for (int64_t k = 0; k < n; k++)
        memcpy(d + k * len, s, (size_t)len);
    return r;
}

static int ba_setslice(gs_VM *vm, gs_ByteArray *a, int64_t lo, int64_t hi, const char *bytes, int64_t n);

gs_Object *gs_bytearray_new(gs_VM *vm, const char *s, size_t len) { return bytearray_new(vm, s, (int64_t)len); }

gs_Object *gs_bytes_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace)
{
    if (op == GS_OP_MOD && is_bytes_like(a)) /* printf-style (format.c) */
        return gs_bytes_percent(vm, a, b);
    if (op == GS_OP_ADD && is_bytes_like(a)) {
        if (!is_bytes_like(b)) {
            gs_raise(vm, vm->e_TypeError, "can't concat %s to %s", gs_type_name(b), tname(a));
            return NULL;
        }
        int64_t la = gs_bytes_len(a), lb = gs_bytes_len(b);
        if (inplace && GS_KIND(a) == GS_K_BYTEARRAY) { /* bytearray_iconcat */
            gs_ByteArray *x = (gs_ByteArray *)a;
            if (b == a) {
                gs_Object *copy = bytearray_new(vm, bdata(b), lb);
                if (!copy)
                    return NULL;
                int r = ba_setslice(vm, x, la, la, bdata(copy), lb);
                gs_decref(vm, copy);
                return r < 0 ? NULL : gs_newref(vm, a);
            }
            if (ba_resize(vm, x, la + lb) < 0)
                return NULL;
            memcpy(ba_buf(x) + la, bdata(b), (size_t)lb);
            return gs_newref(vm, a);
        }
        if (GS_KIND(a) == GS_K_BYTES) {
            if (la == 0 && GS_KIND(b) == GS_K_BYTES)
                return gs_newref(vm, b);
            if (lb == 0)
                return gs_newref(vm, a);
        }
        gs_Object *r = make_like(vm, a, NULL, la + lb);
        if (!r)
            return NULL;
        char *d = GS_KIND(r) == GS_K_BYTES ? ((gs_Bytes *)r)->data : ba_buf((gs_ByteArray *)r);
        if (la)
            memcpy(d, bdata(a), (size_t)la);
        if (lb)
            memcpy(d + la, bdata(b), (size_t)lb);
        return r;
    }
    if (op == GS_OP_MUL) {
        gs_Object *seq = is_bytes_like(a) ? a : is_bytes_like(b) ? b : NULL;
        gs_Object *n = seq == a ? b : a;
        if (!seq)
            return gs_newref(vm, vm->notimpl);
        int64_t k; /* an int, or what __index__ gives */
        int ix = gs_index_value(vm, n, &k);
        if (ix == 0)
            gs_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'", gs_type_name(n));
        if (ix <= 0)
            return NULL;
        if (inplace && seq == a && GS_KIND(a) == GS_K_BYTEARRAY) { /* bytearray_irepeat */
            gs_ByteArray *x = (gs_ByteArray *)a;
            if (k < 0)
                k = 0;
            if (k == 1)
                return gs_newref(vm, a);
            int64_t len = x->len;
            if (len && k > ((int64_t)1 << 31) / len) {
                gs_raise_memory(vm);
                return NULL;
            }
            if (ba_resize(vm, x, len * k) < 0)
                return NULL;
            for (int64_t j = 1; j < k; j++)
                memcpy(ba_buf(x) + j * len, ba_buf(x), (size_t)len);
            return gs_newref(vm, a);
        }
        return repeat(vm, seq, k);
    }
    return gs_newref(vm, vm->notimpl);
}

gs_Object *gs_bytes_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (!is_bytes_like(a) || !is_bytes_like(b))
        return gs_newref(vm, vm->notimpl);
    int64_t la = gs_bytes_len(a), lb = gs_bytes_len(b);
    int64_t n = la < lb ? la : lb;
    int c = n ? memcmp(bdata(a), bdata(b), (size_t)n) : 0;
    if (c == 0)
        c = la < lb ? -1 : la > lb ? 1 : 0;
    bool r;
    switch (op) {
    case GS_CMP_LT: r = c < 0; break;
    case GS_CMP_LE: r = c <= 0; break;
    case GS_CMP_EQ: r = c == 0; break;
    case GS_CMP_NE: r = c != 0; break;
    case GS_CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return GS_BOOL(vm, r);
}

/* ================================================================== indexing */

static int index_value(gs_VM *vm, gs_Object *key, gs_Object *o, int64_t *out)
{
    if (GS_KIND(key) == GS_K_INT || GS_KIND(key) == GS_K_BOOL)
        return gs_as_int(vm, key, out);
    gs_raise(vm, vm->e_TypeError, "%s indices must be integers or slices, not %s",
             GS_KIND(o) == GS_K_BYTES ? "byte" : "bytearray", gs_type_name(key));
    return -1;
}

gs_Object *gs_bytes_getitem(gs_VM *vm, gs_Object *o, gs_Object *key)
{
    int64_t len = gs_bytes_len(o);
    const char *s = bdata(o);
    if (GS_KIND(key) == GS_K_SLICE) {
        int64_t start, stop, step, n;
        if (gs_slice_indices(vm, (gs_Slice *)key, len, &start, &stop, &step, &n) < 0)
            return NULL;
        if (step == 1) {
            if (start == 0 && n == len && GS_KIND(o) == GS_K_BYTES)
                return gs_newref(vm, o);
            return make_like(vm, o, s + start, n);
        }
        gs_Object *r = make_like(vm, o, NULL, n);
        if (!r)
            return NULL;
        char *d = GS_KIND(r) == GS_K_BYTES ? ((gs_Bytes *)r)->data : ba_buf((gs_ByteArray *)r);
        for (int64_t i = 0; i < n; i++)
            d[i] = s[start + i * step];
        return r;
    }
    int64_t i;
    if (index_value(vm, key, o, &i) < 0)
        return NULL;
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        gs_raise(vm, vm->e_IndexError, GS_KIND(o) == GS_K_BYTES ? "index out of range" : "bytearray index out of range");
        return NULL;
    }
    return gs_int_new(vm, (unsigned char)s[i]);
}

/* bytearray_setslice_linear: replace [lo, hi) by n bytes */
static int ba_setslice(gs_VM *vm, gs_ByteArray *a, int64_t lo, int64_t hi, const char *bytes, int64_t n)
{
    int64_t avail = hi - lo, growth = n - avail;
    if (growth < 0) {
        if (ba_can_resize(vm, a) < 0)
            return -1;
        if (lo == 0)
            a->start -= growth; /* shrink by advancing the logical start */
        else
            memmove(ba_buf(a) + lo + n, ba_buf(a) + hi, (size_t)(a->len - hi));
        if (lo == 0) {
            /* the length the resize starts from is the old one less the dropped bytes */
            a->len += growth;
            int64_t target = a->len;
            a->len -= growth; /* PyByteArray_Resize sees Py_SIZE unchanged */
            if (ba_resize(vm, a, target) < 0)
                return -1;
        } else if (ba_resize(vm, a, a->len + growth) < 0)
            return -1;
    } else if (growth > 0) {
        if (ba_resize(vm, a, a->len + growth) < 0)
            return -1;
        memmove(ba_buf(a) + lo + n, ba_buf(a) + hi, (size_t)(a->len - lo - n));
    }
    if (n > 0)
        memcpy(ba_buf(a) + lo, bytes, (size_t)n);
    return 0;
}

static gs_Object *bytearray_from_object(gs_VM *vm, gs_Object *src);

int gs_bytes_setitem(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v)
{
    gs_ByteArray *a = (gs_ByteArray *)o;
    if (GS_KIND(key) != GS_K_SLICE) {
        int64_t i;
        if (index_value(vm, key, o, &i) < 0)
            return -1;
        int val = 0;
        if (v && byte_value(vm, v, "byte must be in range(0, 256)", &val) < 0)
            return -1;
        if (i < 0)
            i += a->len;
        if (i < 0 || i >= a->len) {
            gs_raise(vm, vm->e_IndexError, "bytearray index out of range");
            return -1;
        }
        if (v) {
            ba_buf(a)[i] = (char)val;
            return 0;
        }
        return ba_setslice(vm, a, i, i + 1, NULL, 0);
    }
    int64_t start, stop, step, n;
    if (gs_slice_indices(vm, (gs_Slice *)key, a->len, &start, &stop, &step, &n) < 0)
        return -1;
    gs_Object *tmp = NULL;
    const char *bytes = NULL;
    int64_t needed = 0;
    if (v) {
        if (v == o || GS_KIND(v) != GS_K_BYTEARRAY) {
            gs_Kind k = GS_KIND(v);
            if (k == GS_K_INT || k == GS_K_BOOL || k == GS_K_FLOAT || k == GS_K_COMPLEX || k == GS_K_STR) {
                gs_raise(vm, vm->e_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
                return -1;
            }
            tmp = bytearray_from_object(vm, v);
            if (!tmp)
                return -1;
            v = tmp;
        }
        bytes = bdata(v);
        needed = gs_bytes_len(v);
    }
    int r = 0;
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;
    if (step == 1)
        r = ba_setslice(vm, a, start, stop, bytes, needed);
    else if (needed == 0) {
        /* delete an extended slice: keep the bytes not in it, in order */
        if (n > 0) {
            char *keep = gs_mem_alloc(vm, (size_t)a->len + 1);
            int64_t lo = step > 0 ? start : start + (n - 1) * step, st = step > 0 ? step : -step, m = 0;
            for (int64_t i = 0; i < a->len; i++)
                if (!(i >= lo && (i - lo) % st == 0 && (i - lo) / st < n))
                    keep[m++] = ba_buf(a)[i];
            memcpy(ba_buf(a), keep, (size_t)m);
            gs_mem_free(vm, keep);
            r = ba_resize(vm, a, m);
        }
    } else if (needed != n) {
        gs_raise(vm, vm->e_ValueError, "attempt to assign bytes of size %lld to extended slice of size %lld",
                 (long long)needed, (long long)n);
        r = -1;
    } else
        for (int64_t i = 0; i < n; i++)
            ba_buf(a)[start + i * step] = bytes[i];
    gs_xdecref(vm, tmp);
    return r;
}

static int64_t find_in(const char *h, int64_t hn, const char *nd, int64_t nn, int64_t start, int64_t end, bool reverse)
{
    if (start < 0)
        start = 0;
    if (end > hn)
        end = hn;
    if (end - start < nn)
        return -1;
    if (!reverse) {
        for (int64_t i = start; i + nn <= end; i++)
            if (memcmp(h + i, nd, (size_t)nn) == 0)
                return i;
    } else {
        for (int64_t i = end - nn; i >= start; i--)
            if (memcmp(h + i, nd, (size_t)nn) == 0)
                return i;
    }
    return -1;
}

int gs_bytes_contains(gs_VM *vm, gs_Object *c, gs_Object *v)
{
    if (GS_KIND(v) == GS_K_INT || GS_KIND(v) == GS_K_BOOL) {
        int x;
        if (byte_value(vm, v, "byte must be in range(0, 256)", &x) < 0)
            return -1;
        return memchr(bdata(c), x, (size_t)gs_bytes_len(c)) != NULL;
    }
    if (!is_bytes_like(v)) {
        gs_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", gs_type_name(v));
        return -1;
    }
    return find_in(bdata(c), gs_bytes_len(c), bdata(v), gs_bytes_len(v), 0, gs_bytes_len(c), false) >= 0;
}

/* ================================================================== iteration */

gs_Object *gs_bytes_iter(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = GS_KIND(o) == GS_K_BYTES ? vm->t_bytes_iter : vm->t_bytearray_iter;
    gs_Iter *it = (gs_Iter *)gs_alloc(vm, t, sizeof(gs_Iter));
    if (!it)
        return NULL;
    it->ob.kind = GS_K_ITER;
    it->ikind = GS_IT_BYTES;
    it->index = 0;
    it->seq = o;
    it->extra = NULL;
    gs_incref_c(vm, o, GS_CAUSE(GS_CAUSE_INTERNAL, it->ob.id, 0));
    gs_record_fields(vm, &it->ob);
    gs_gc_track(vm, &it->ob);
    return &it->ob;
}

gs_Object *gs_bytes_iter_next(gs_VM *vm, gs_Iter *it)
{
    if (it->seq && it->index < gs_bytes_len(it->seq))
        return gs_int_new(vm, (unsigned char)bdata(it->seq)[it->index++]);
    return NULL;
}

/* ================================================================== codecs */

typedef enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UNKNOWN } Enc;

static Enc encoding_of(const char *name, const char **canon)
{
    char norm[32];
    size_t n = 0;
    for (const char *p = name; *p && n < sizeof norm - 1; p++)
        norm[n++] = *p == '-' || *p == ' ' ? '_' : (char)tolower((unsigned char)*p);
    norm[n] = 0;
    if (!strcmp(norm, "utf_8") || !strcmp(norm, "utf8") || !strcmp(norm, "u8") || !strcmp(norm, "utf")) {
        *canon = "utf-8";
        return ENC_UTF8;
    }
    if (!strcmp(norm, "ascii") || !strcmp(norm, "us_ascii") || !strcmp(norm, "646")) {
        *canon = "ascii";
        return ENC_ASCII;
    }
    if (!strcmp(norm, "latin_1") || !strcmp(norm, "latin1") || !strcmp(norm, "iso_8859_1") || !strcmp(norm, "l1") ||
        !strcmp(norm, "iso8859_1") || !strcmp(norm, "8859") || !strcmp(norm, "cp819") || !strcmp(norm, "latin")) {
        *canon = "latin-1";
        return ENC_LATIN1;
    }
    return ENC_UNKNOWN;
}

typedef enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_XMLREF, ERR_BACKSLASH, ERR_BAD } Errs;

static Errs errors_of(const char *e)
{
    if (!e || !strcmp(e, "strict"))
        return ERR_STRICT;
    if (!strcmp(e, "ignore"))
        return ERR_IGNORE;
    if (!strcmp(e, "replace"))
        return ERR_REPLACE;
    if (!strcmp(e, "xmlcharrefreplace"))
        return ERR_XMLREF;
    if (!strcmp(e, "backslashreplace"))
        return ERR_BACKSLASH;
    return ERR_BAD;
}

/* backslashreplace's escape of a code point: \xNN, \uNNNN or \UNNNNNNNN */
static void add_backslashed(gs_Buf *b, uint32_t c)
{
    char e[16];
    snprintf(e, sizeof e, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
    gs_buf_adds(b, e);
}

static void add_cp(gs_Buf *b, uint32_t c)
{
    if (c < 0x80)
        gs_buf_addc(b, (char)c);
    else if (c < 0x800) {
        gs_buf_addc(b, (char)(0xC0 | (c >> 6)));
        gs_buf_addc(b, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        gs_buf_addc(b, (char)(0xE0 | (c >> 12)));
        gs_buf_addc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
        gs_buf_addc(b, (char)(0x80 | (c & 0x3F)));
    } else {
        gs_buf_addc(b, (char)(0xF0 | (c >> 18)));
        gs_buf_addc(b, (char)(0x80 | ((c >> 12) & 0x3F)));
        gs_buf_addc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
        gs_buf_addc(b, (char)(0x80 | (c & 0x3F)));
    }
}

static void decode_error(gs_VM *vm, const char *enc, const unsigned char *s, int64_t start, int64_t end, const char *why)
{
    if (end - start == 1)
        gs_raise(vm, vm->e_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %lld: %s", enc, s[start],
                 (long long)start, why);
    else
        gs_raise(vm, vm->e_UnicodeDecodeError, "'%s' codec can't decode bytes in position %lld-%lld: %s", enc,
                 (long long)start, (long long)end - 1, why);
}

#define CONT(c) (((c) & 0xC0) == 0x80)

/* One UTF-8 sequence at s[i]: its length (> 0), or 0 with *bad_end and
 * *why telling the error's extent, as CPython's decoder classifies it */
static int utf8_step(const unsigned char *s, int64_t n, int64_t i, int64_t *bad_end, const char **why)
{
    unsigned char c = s[i];
    int64_t left = n - i;
    if (c < 0x80)
        return 1;
    *why = "invalid start byte";
    *bad_end = i + 1;
    if (c < 0xC2 || c > 0xF4)
        return 0;
    if (c < 0xE0) {
        if (left < 2)
            goto eod;
        if (!CONT(s[i + 1]))
            goto ic1;
        return 2;
    }
    if (c < 0xF0) {
        if (left < 3) {
            if (left < 2)
                goto eod;
            unsigned char c2 = s[i + 1];
            if (!CONT(c2) || (c2 < 0xA0 ? c == 0xE0 : c == 0xED))
                goto ic1;
            goto eod;
        }
        unsigned char c2 = s[i + 1], c3 = s[i + 2];
        if (!CONT(c2) || (c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0))
            goto ic1;
        if (!CONT(c3))
            goto ic2;
        return 3;
    }
    if (left < 4) {
        if (left < 2)
            goto eod;
        unsigned char c2 = s[i + 1];
        if (!CONT(c2) || (c2 < 0x90 ? c == 0xF0 : c == 0xF4))
            goto ic1;
        if (left < 3)
            goto eod;
        if (!CONT(s[i + 2]))
            goto ic2;
        goto eod;
    }
    {
        unsigned char c2 = s[i + 1];
        if (!CONT(c2) || (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 >= 0x90))
            goto ic1;
        if (!CONT(s[i + 2]))
            goto ic2;
        if (!CONT(s[i + 3]))
            goto ic3;
        return 4;
    }
eod:
    *why = "unexpected end of data";
    *bad_end = n;
    return 0;
ic1:
    *why = "invalid continuation byte";
    *bad_end = i + 1;
    return 0;
ic2:
    *why = "invalid continuation byte";
    *bad_end = i + 2;
    return 0;
ic3:
    *why = "invalid continuation byte";
    *bad_end = i + 3;
    return 0;
}

static gs_Object *decode(gs_VM *vm, const char *data, int64_t n, const char *encoding, const char *errors)
{
    const char *enc;
    Enc e = encoding_of(encoding, &enc);
    if (e == ENC_UNKNOWN) {
        gs_raise(vm, vm->e_LookupError, "unknown encoding: %s", encoding);
        return NULL;
    }
    Errs er = errors_of(errors);
    const unsigned char *s = (const unsigned char *)data;
    gs_Buf b;
    gs_buf_init(&b);
    int64_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            gs_buf_addc(&b, (char)s[i++]);
            continue;
        }
        int64_t bad_end = i + 1;
        const char *why = "ordinal not in range(128)";
        if (e == ENC_LATIN1) {
            add_cp(&b, s[i++]);
            continue;
        }
        if (e == ENC_UTF8) {
            int k = utf8_step(s, n, i, &bad_end, &why);
            if (k) {
                gs_buf_add(&b, data + i, (size_t)k);
                i += k;
                continue;
            }
        }
        if (er == ERR_BAD || er == ERR_XMLREF) {
            gs_buf_free(&b);
            if (er == ERR_XMLREF) /* an encoding handler only */
                gs_raise(vm, vm->e_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
            else
                gs_raise(vm, vm->e_LookupError, "unknown error handler name '%s'", errors);
            return NULL;
        }
        if (er == ERR_STRICT) {
            gs_buf_free(&b);
            decode_error(vm, enc, s, i, bad_end, why);
            return NULL;
        }
        if (er == ERR_REPLACE)
            gs_buf_adds(&b, "\xEF\xBF\xBD");
        if (er == ERR_BACKSLASH) /* each byte of the bad sequence, \xNN */
            for (int64_t k = i; k < bad_end; k++)
                add_backslashed(&b, s[k]);
        i = bad_end;
    }
    return gs_buf_to_str(vm, &b);
}

static gs_Object *encode(gs_VM *vm, gs_Str *str, const char *encoding, const char *errors)
{
    const char *enc;
    Enc e = encoding_of(encoding, &enc);
    if (e == ENC_UNKNOWN) {
        gs_raise(vm, vm->e_LookupError, "unknown encoding: %s", encoding);
        return NULL;
    }
    if (e == ENC_UTF8)
        return gs_bytes_new(vm, str->data, (size_t)str->len);
    Errs er = errors_of(errors);
    uint32_t limit = e == ENC_ASCII ? 0x80 : 0x100;
    gs_Buf b;
    gs_buf_init(&b);
    const unsigned char *s = (const unsigned char *)str->data;
    size_t i = 0, n = (size_t)str->len;
    int64_t pos = 0;
    while (i < n) {
        size_t adv;
        uint32_t c = gs_utf8_decode(s + i, n - i, &adv);
        if (c < limit) {
            gs_buf_addc(&b, (char)c);
            i += adv;
            pos++;
            continue;
        }
        if (er == ERR_STRICT || er == ERR_BAD) {
            if (er == ERR_BAD) {
                gs_buf_free(&b);
                gs_raise(vm, vm->e_LookupError, "unknown error handler name '%s'", errors);
                return NULL;
            }
            /* the run of characters the codec cannot encode */
            size_t j = i + adv;
            int64_t end = pos + 1;
            while (j < n) {
                size_t a2;
                uint32_t c2 = gs_utf8_decode(s + j, n - j, &a2);
                if (c2 < limit)
                    break;
                j += a2;
                end++;
            }
            gs_buf_free(&b);
            char why[32];
            snprintf(why, sizeof why, "ordinal not in range(%u)", limit);
            if (end - pos == 1) {
                char rc[16];
                if (c < 0x100)
                    snprintf(rc, sizeof rc, "\\x%02x", c);
                else if (c < 0x10000)
                    snprintf(rc, sizeof rc, "\\u%04x", c);
                else
                    snprintf(rc, sizeof rc, "\\U%08x", c);
                gs_raise(vm, vm->e_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %lld: %s",
                         enc, rc, (long long)pos, why);
            } else
                gs_raise(vm, vm->e_UnicodeEncodeError, "'%s' codec can't encode characters in position %lld-%lld: %s",
                         enc, (long long)pos, (long long)end - 1, why);
            return NULL;
        }
        if (er == ERR_REPLACE)
            gs_buf_addc(&b, '?');
        else if (er == ERR_BACKSLASH)
            add_backslashed(&b, c);
        else if (er == ERR_XMLREF) {
            char ref[16];
            snprintf(ref, sizeof ref, "&#%u;", c);
            gs_buf_adds(&b, ref);
        }
        i += adv;
        pos++;
    }
    gs_Object *r = b.oom ? NULL : gs_bytes_new(vm, b.data, b.len);
    gs_buf_free(&b);
    return r;
}

/* encoding and errors arguments (positional or keyword): str or absent */
static int enc_args(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames, int first,
                    const char **encoding, const char **errors)
{
    static const char *const names[] = { "encoding", "errors" };
    gs_Object *p[2] = { NULL, NULL };
    int npos = gs_npos(nargs, kwnames);
    for (int i = first; i < npos && i - first < 2; i++)
        p[i - first] = args[i];
    for (int k = 0; kwnames && k < kwnames->len; k++) {
        gs_Str *kn = (gs_Str *)kwnames->items[k];
        int w = !strcmp(kn->data, "encoding") ? 0 : !strcmp(kn->data, "errors") ? 1 : -1;
        if (w < 0) {
            gs_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn->data);
            return -1;
        }
        if (p[w] || w + first < npos) {
            gs_raise(vm, vm->e_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                     names[w], w + first + 1);
            return -1;
        }
        p[w] = args[npos + k];
    }
    for (int w = 0; w < 2; w++) {
        if (p[w] && GS_KIND(p[w]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "%s() argument '%s' must be str, not %s", fname, names[w],
                     gs_type_name(p[w]));
            return -1;
        }
    }
    if (p[0])
        *encoding = ((gs_Str *)p[0])->data;
    if (p[1])
        *errors = ((gs_Str *)p[1])->data;
    return 0;
}

gs_Object *gs_str_encode_method(GS_ARGS)
{
    const char *encoding = "utf-8", *errors = NULL;
    if (gs_npos(nargs, kwnames) > 2) {
        gs_raise(vm, vm->e_TypeError, "encode() takes at most 2 arguments (%d given)", gs_npos(nargs, kwnames));
        return NULL;
    }
    if (enc_args(vm, "encode", args, nargs, kwnames, 0, &encoding, &errors) < 0)
        return NULL;
    return encode(vm, (gs_Str *)self, encoding, errors);
}

static gs_Object *m_decode(GS_ARGS)
{
    const char *encoding = "utf-8", *errors = NULL;
    if (gs_npos(nargs, kwnames) > 2) {
        gs_raise(vm, vm->e_TypeError, "decode() takes at most 2 arguments (%d given)", gs_npos(nargs, kwnames));
        return NULL;
    }
    if (enc_args(vm, "decode", args, nargs, kwnames, 0, &encoding, &errors) < 0)
        return NULL;
    return decode(vm, bdata(self), gs_bytes_len(self), encoding, errors);
}

/* str(obj, encoding, errors): obj (bytes or bytearray) decoded */
gs_Object *gs_str_decode(gs_VM *vm, gs_Object *obj, gs_Object *encoding, gs_Object *errors)
{
    const char *names[2] = { "encoding", "errors" };
    gs_Object *given[2] = { encoding, errors };
    for (int i = 0; i < 2; i++)
        if (given[i] && GS_KIND(given[i]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "str() argument '%s' must be str, not %s", names[i], gs_type_name(given[i]));
            return NULL;
        }
    if (GS_KIND(obj) == GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "decoding str is not supported");
        return NULL;
    }
    if (GS_KIND(obj) != GS_K_BYTES && GS_KIND(obj) != GS_K_BYTEARRAY) {
        gs_raise(vm, vm->e_TypeError, "decoding to str: need a bytes-like object, %s found", gs_type_name(obj));
        return NULL;
    }
    return decode(vm, bdata(obj), gs_bytes_len(obj), encoding ? ((gs_Str *)encoding)->data : "utf-8",
                  errors ? ((gs_Str *)errors)->data : NULL);
}

/* ================================================================== constructors */

/* the bytes of an iterable of ints (list, tuple, range, generator ...) */
static int ints_into(gs_VM *vm, gs_Object *src, gs_Buf *b, const char *range_msg, const char *conv_name)
{
    gs_Object *it = gs_iter(vm, src);
    if (!it) {
        if (gs_exc_matches(vm, vm->e_TypeError)) {
            gs_clear_exc(vm);
            gs_raise(vm, vm->e_TypeError, "cannot convert '%s' object to %s", gs_type_name(src), conv_name);
        }
        return -1;
    }
    for (;;) {
        gs_Object *item = gs_next(vm, it);
        if (!item)
            break;
        int v;
        int r = byte_value(vm, item, range_msg, &v);
        gs_decref(vm, item);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
        gs_buf_addc(b, (char)v);
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

static gs_Object *bytes_new_m(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    if (npos > 3) {
        gs_raise(vm, vm->e_TypeError, "bytes() takes at most 3 arguments (%d given)", npos);
        return NULL;
    }
    gs_Object *src = npos ? args[0] : NULL;
    for (int k = 0; kwnames && k < kwnames->len; k++)
        if (!strcmp(((gs_Str *)kwnames->items[k])->data, "source")) {
            if (src) {
                gs_raise(vm, vm->e_TypeError, "argument for bytes() given by name ('source') and position (1)");
                return NULL;
            }
            src = args[npos + k];
        }
    const char *encoding = NULL, *errors = NULL;
    gs_Tuple *kw2 = NULL; /* keywords other than source are encoding / errors */
    int nkw_enc = 0;
    gs_Object *kwv[2];
    gs_Object *kwn[2];
    for (int k = 0; kwnames && k < kwnames->len; k++)
        if (strcmp(((gs_Str *)kwnames->items[k])->data, "source") != 0) {
            if (nkw_enc == 2) {
                gs_raise(vm, vm->e_TypeError, "bytes() got an unexpected keyword argument '%s'",
                         ((gs_Str *)kwnames->items[k])->data);
                return NULL;
            }
            kwn[nkw_enc] = kwnames->items[k];
            kwv[nkw_enc++] = args[npos + k];
        }
    gs_Object *pargs[4];
    int pn = 0;
    for (int i = 1; i < npos; i++)
        pargs[pn++] = args[i];
    if (nkw_enc) {
        kw2 = (gs_Tuple *)gs_tuple_new(vm, nkw_enc);
        if (!kw2)
            return NULL;
        for (int k = 0; k < nkw_enc; k++) {
            gs_incref(vm, kwn[k]);
            gs_tuple_init(vm, &kw2->ob, k, kwn[k]);
            pargs[pn + k] = kwv[k];
        }
    }
    int r = enc_args(vm, "bytes", pargs, pn + nkw_enc, kw2, 0, &encoding, &errors);
    if (kw2)
        gs_decref(vm, &kw2->ob);
    if (r < 0)
        return NULL;
    if (!src) {
        if (encoding || errors) {
            gs_raise(vm, vm->e_TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
            return NULL;
        }
        return gs_bytes_new(vm, NULL, 0);
    }
    if (GS_KIND(src) == GS_K_STR) {
        if (!encoding) {
            gs_raise(vm, vm->e_TypeError, errors ? "string argument without an encoding" : "string argument without an encoding");
            return NULL;
        }
        return encode(vm, (gs_Str *)src, encoding, errors);
    }
    if (encoding || errors) {
        gs_raise(vm, vm->e_TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
        return NULL;
    }
    if (gs_dispatches(src) || GS_KIND(src) == GS_K_WEAKREF) {
        /* a class's __bytes__ (a proxy forwards it) */
        gs_Object *m = gs_type_lookup(src->type, gs_name(vm, "__bytes__"));
        if (m) {
            gs_Object *r = gs_call_object(vm, m, &src, 1, NULL);
            if (r && GS_KIND(r) != GS_K_BYTES) {
                gs_raise(vm, vm->e_TypeError, "__bytes__ returned non-bytes (type %s)", gs_type_name(r));
                gs_decref(vm, r);
                return NULL;
            }
            return r;
        }
    }
    if (GS_KIND(src) == GS_K_BYTES)
        return gs_newref(vm, src);
    if (GS_KIND(src) == GS_K_BYTEARRAY)
        return gs_bytes_new(vm, bdata(src), (size_t)gs_bytes_len(src));
    size_t buflen;
    /* (a released memoryview has no buffer: its len() raises CPython's ValueError) */
    if (src->type == vm->t_memoryview && gs_len(vm, src) < 0)
        return NULL;
    const char *buf = native_buffer(src, &buflen);
    if (buf)
        return gs_bytes_new(vm, buf, buflen);
    if (GS_KIND(src) == GS_K_INT || GS_KIND(src) == GS_K_BOOL) {
        int64_t n = GS_KIND(src) == GS_K_INT ? ((gs_Int *)src)->value : src == vm->true_;
        if (n < 0) {
            gs_raise(vm, vm->e_ValueError, "negative count");
            return NULL;
        }
        if (n > ((int64_t)1 << 31)) {
            gs_raise_memory(vm);
            return NULL;
        }
        return gs_bytes_new(vm, NULL, (size_t)n);
    }
    if (GS_KIND(src) == GS_K_FLOAT || GS_KIND(src) == GS_K_COMPLEX || src == vm->none) {
        gs_raise(vm, vm->e_TypeError, "cannot convert '%s' object to bytes", gs_type_name(src));
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    if (ints_into(vm, src, &b, "bytes must be in range(0, 256)", "bytes") < 0) {
        gs_buf_free(&b);
        return NULL;
    }
    gs_Object *res = gs_bytes_new(vm, b.data, b.len);
    gs_buf_free(&b);
    return res;
}

/* PyByteArray_FromObject, for slice assignment: bytes, or iterable of ints */
static gs_Object *bytearray_from_object(gs_VM *vm, gs_Object *src)
{
    if (is_bytes_like(src))
        return bytearray_new(vm, bdata(src), gs_bytes_len(src));
    gs_Buf b;
    gs_buf_init(&b);
    if (ints_into(vm, src, &b, "byte must be in range(0, 256)", "bytearray") < 0) {
        gs_buf_free(&b);
        return NULL;
    }
    gs_Object *r = bytearray_new(vm, b.data, (int64_t)b.len);
    gs_buf_free(&b);
    return r;
}

static gs_Object *bytearray_new_m(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    if (npos > 3) {
        gs_raise(vm, vm->e_TypeError, "bytearray() takes at most 3 arguments (%d given)", npos);
        return NULL;
    }
    gs_Object *src = npos ? args[0] : NULL;
    const char *encoding = NULL, *errors = NULL;
    for (int k = 0; kwnames && k < kwnames->len; k++)
        if (!strcmp(((gs_Str *)kwnames->items[k])->data, "source")) {
            gs_raise(vm, vm->e_TypeError, "gcscope: bytearray(source=...) by keyword is not supported");
            return NULL;
        }
    if (enc_args(vm, "bytearray", args, nargs, kwnames, 1, &encoding, &errors) < 0)
        return NULL;
    gs_ByteArray *a = (gs_ByteArray *)bytearray_new(vm, NULL, 0);
    if (!a)
        return NULL;
    gs_Object *o = &a->ob;
    if (!src) {
        if (encoding || errors) {
            gs_raise(vm, vm->e_TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
            goto fail;
        }
        return o;
    }
    if (GS_KIND(src) == GS_K_STR) {
        if (!encoding) {
            gs_raise(vm, vm->e_TypeError, "string argument without an encoding");
            goto fail;
        }
        gs_Object *enc = encode(vm, (gs_Str *)src, encoding, errors);
        if (!enc)
            goto fail;
        int r = ba_resize(vm, a, gs_bytes_len(enc));
        if (r == 0 && a->len)
            memcpy(ba_buf(a), bdata(enc), (size_t)a->len);
        gs_decref(vm, enc);
        if (r < 0)
            goto fail;
        return o;
    }
    if (encoding || errors) {
        gs_raise(vm, vm->e_TypeError, encoding ? "encoding without a string argument" : "errors without a string argument");
        goto fail;
    }
    if (GS_KIND(src) == GS_K_INT || GS_KIND(src) == GS_K_BOOL) {
        int64_t n = GS_KIND(src) == GS_K_INT ? ((gs_Int *)src)->value : src == vm->true_;
        if (n < 0) {
            gs_raise(vm, vm->e_ValueError, "negative count");
            goto fail;
        }
        if (n > 0) {
            if (ba_resize(vm, a, n) < 0)
                goto fail;
            memset(ba_buf(a), 0, (size_t)n);
        }
        return o;
    }
    size_t buflen;
    /* (a released memoryview has no buffer: its len() raises CPython's ValueError) */
    if (src->type == vm->t_memoryview && gs_len(vm, src) < 0)
        goto fail;
    const char *buf = native_buffer(src, &buflen);
    if (is_bytes_like(src) || buf) {
        int64_t n = buf ? (int64_t)buflen : gs_bytes_len(src);
        if (ba_resize(vm, a, n) < 0)
            goto fail;
        if (n)
            memcpy(ba_buf(a), buf ? buf : bdata(src), (size_t)n);
        return o;
    }
    if (GS_KIND(src) == GS_K_LIST || GS_KIND(src) == GS_K_TUPLE) {
        int32_t n = GS_KIND(src) == GS_K_LIST ? ((gs_List *)src)->len : ((gs_Tuple *)src)->len;
        gs_Object **items = GS_KIND(src) == GS_K_LIST ? ((gs_List *)src)->items : ((gs_Tuple *)src)->items;
        if (ba_resize(vm, a, n) < 0)
            goto fail;
        for (int32_t i = 0; i < n; i++) {
            int v;
            if (byte_value(vm, items[i], "byte must be in range(0, 256)", &v) < 0)
                goto fail;
            ba_buf(a)[i] = (char)v;
        }
        return o;
    }
    if (GS_KIND(src) == GS_K_FLOAT || GS_KIND(src) == GS_K_COMPLEX || src == vm->none) {
        gs_raise(vm, vm->e_TypeError, "cannot convert '%s' object to bytearray", gs_type_name(src));
        goto fail;
    }
    {
        gs_Object *it = gs_iter(vm, src);
        if (!it) {
            if (gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_TypeError, "cannot convert '%s' object to bytearray", gs_type_name(src));
            }
            goto fail;
        }
        for (;;) {
            gs_Object *item = gs_next(vm, it);
            if (!item)
                break;
            int v;
            int r = byte_value(vm, item, "byte must be in range(0, 256)", &v);
            gs_decref(vm, item);
            if (r < 0) {
                gs_decref(vm, it);
                goto fail;
            }
            if (a->len + 1 < a->alloc) {
                a->len++;
                ba_buf(a)[a->len] = 0;
            } else if (ba_resize(vm, a, a->len + 1) < 0) {
                gs_decref(vm, it);
                goto fail;
            }
            ba_buf(a)[a->len - 1] = (char)v;
        }
        gs_decref(vm, it);
        if (vm->exc)
            goto fail;
    }
    return o;
fail:
    gs_decref(vm, o);
    return NULL;
}

/* ================================================================== methods shared by bytes and bytearray */

/* a bytes-like argument's data, or TypeError with CPython's wording */
static int need_bytes(gs_VM *vm, gs_Object *o, const char **s, int64_t *n)
{
    if (!is_bytes_like(o)) {
        gs_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", gs_type_name(o));
        return -1;
    }
    *s = bdata(o);
    *n = gs_bytes_len(o);
    return 0;
}

/* start and end of find/count/startswith (None = absent), clipped as slices */
static int range_args(gs_VM *vm, gs_Object **args, int nargs, int from, int64_t len, int64_t *start, int64_t *end)
{
    *start = 0;
    *end = len;
    for (int k = 0; k < 2 && from + k < nargs; k++) {
        gs_Object *v = args[from + k];
        if (v == vm->none)
            continue;
        int64_t x;
        if (GS_KIND(v) != GS_K_INT && GS_KIND(v) != GS_K_BOOL) {
            gs_raise(vm, vm->e_TypeError, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        gs_as_int(vm, v, &x);
        if (x < 0) {
            x += len;
            if (x < 0)
                x = 0;
        }
        if (k == 0)
            *start = x;
        else
            *end = x > len ? len : x;
    }
    return 0;
}

/* the sub argument of find/count/index: bytes-like or an int byte */
static int sub_arg(gs_VM *vm, gs_Object *o, char *one, const char **s, int64_t *n)
{
    if (GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL) {
        int v;
        if (byte_value(vm, o, "byte must be in range(0, 256)", &v) < 0)
            return -1;
        *one = (char)v;
        *s = one;
        *n = 1;
        return 0;
    }
    if (!is_bytes_like(o)) {
        gs_raise(vm, vm->e_TypeError, "argument should be integer or bytes-like object, not '%s'", gs_type_name(o));
        return -1;
    }
    *s = bdata(o);
    *n = gs_bytes_len(o);
    return 0;
}

static int64_t do_find(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, bool reverse, bool *err)
{
    char one;
    const char *s;
    int64_t n, start, end;
    int64_t len = gs_bytes_len(self);
    *err = true;
    if (sub_arg(vm, args[0], &one, &s, &n) < 0 || range_args(vm, args, nargs, 1, len, &start, &end) < 0)
        return -1;
    *err = false;
    if (start > len)
        return -1;
    return find_in(bdata(self), len, s, n, start, end, reverse);
}

static gs_Object *m_find(GS_ARGS)
{
    GS_UNUSED(kwnames);
    bool err;
    int64_t i = do_find(vm, self, args, nargs, false, &err);
    return err ? NULL : gs_int_new(vm, i);
}

static gs_Object *m_rfind(GS_ARGS)
{
    GS_UNUSED(kwnames);
    bool err;
    int64_t i = do_find(vm, self, args, nargs, true, &err);
    return err ? NULL : gs_int_new(vm, i);
}

static gs_Object *m_index(GS_ARGS)
{
    GS_UNUSED(kwnames);
    bool err;
    int64_t i = do_find(vm, self, args, nargs, false, &err);
    if (err)
        return NULL;
    if (i < 0) {
        gs_raise(vm, vm->e_ValueError, "subsection not found");
        return NULL;
    }
    return gs_int_new(vm, i);
}

static gs_Object *m_rindex(GS_ARGS)
{
    GS_UNUSED(kwnames);
    bool err;
    int64_t i = do_find(vm, self, args, nargs, true, &err);
    if (err)
        return NULL;
    if (i < 0) {
        gs_raise(vm, vm->e_ValueError, "subsection not found");
        return NULL;
    }
    return gs_int_new(vm, i);
}

static gs_Object *m_count(GS_ARGS)
{
    GS_UNUSED(kwnames);
    char one;
    const char *s;
    int64_t n, start, end, len = gs_bytes_len(self);
    if (sub_arg(vm, args[0], &one, &s, &n) < 0 || range_args(vm, args, nargs, 1, len, &start, &end) < 0)
        return NULL;
    if (start > len || end - start < n)
        return gs_int_new(vm, 0);
    if (n == 0)
        return gs_int_new(vm, end - start + 1);
    int64_t c = 0;
    const char *d = bdata(self);
    for (int64_t i = start; i + n <= end;) {
        if (memcmp(d + i, s, (size_t)n) == 0) {
            c++;
            i += n;
        } else
            i++;
    }
    return gs_int_new(vm, c);
}

static gs_Object *starts_ends(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, bool ends)
{
    const char *what = ends ? "endswith" : "startswith";
    int64_t len = gs_bytes_len(self), start, end;
    if (range_args(vm, args, nargs, 1, len, &start, &end) < 0)
        return NULL;
    gs_Object *p = args[0];
    gs_Object **cands = &p;
    int32_t nc = 1;
    if (GS_KIND(p) == GS_K_TUPLE) {
        cands = ((gs_Tuple *)p)->items;
        nc = ((gs_Tuple *)p)->len;
    }
    for (int32_t i = 0; i < nc; i++) {
        if (!is_bytes_like(cands[i])) {
            if (GS_KIND(p) == GS_K_TUPLE)
                gs_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", gs_type_name(cands[i]));
            else
                gs_raise(vm, vm->e_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", what,
                         gs_type_name(p));
            return NULL;
        }
        int64_t n = gs_bytes_len(cands[i]);
        if (start > len || end - start < n)
            continue;
        int64_t at = ends ? end - n : start;
        if (memcmp(bdata(self) + at, bdata(cands[i]), (size_t)n) == 0)
            return GS_BOOL(vm, true);
    }
    return GS_BOOL(vm, false);
}

static gs_Object *m_startswith(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return starts_ends(vm, self, args, nargs, false);
}

static gs_Object *m_endswith(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return starts_ends(vm, self, args, nargs, true);
}

static bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c'; }

static gs_Object *strip_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, int which)
{
    const char *chars = NULL;
    int64_t nchars = 0;
    if (nargs && args[0] != vm->none && need_bytes(vm, args[0], &chars, &nchars) < 0)
        return NULL;
    const char *s = bdata(self);
    int64_t len = gs_bytes_len(self), i = 0, j = len;
#define STRIPPED(c) (chars ? memchr(chars, (c), (size_t)nchars) != NULL : is_ws((unsigned char)(c)))
    if (which != 1)
        while (i < j && STRIPPED(s[i]))
            i++;
    if (which != 0)
        while (j > i && STRIPPED(s[j - 1]))
            j--;
#undef STRIPPED
    if (i == 0 && j == len)
        return same_or_copy(vm, self);
    return make_like(vm, self, s + i, j - i);
}

static gs_Object *m_strip(GS_ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 2); }
static gs_Object *m_lstrip(GS_ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 0); }
static gs_Object *m_rstrip(GS_ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 1); }

static int split_args(gs_VM *vm, gs_Object **args, int nargs, gs_Tuple *kwnames, const char *fname, gs_Object **sep,
                      int64_t *maxsplit)
{
    static const char *const names[] = { "sep", "maxsplit" };
    gs_Object *p[2];
    if (gs_pyargs(vm, fname, args, nargs, kwnames, names, 2, 2, 0, p) < 0)
        return -1;
    *sep = p[0] && p[0] != vm->none ? p[0] : NULL;
    *maxsplit = -1;
    if (p[1] && gs_as_int(vm, p[1], maxsplit) < 0)
        return -1;
    if (*maxsplit < 0)
        *maxsplit = INT64_MAX;
    if (*sep && !is_bytes_like(*sep)) {
        gs_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", gs_type_name(*sep));
        return -1;
    }
    if (*sep && gs_bytes_len(*sep) == 0) {
        gs_raise(vm, vm->e_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

static int push_piece(gs_VM *vm, gs_Object *list, gs_Object *self, const char *s, int64_t n)
{
    gs_Object *piece = n == gs_bytes_len(self) && GS_KIND(self) == GS_K_BYTES ? gs_newref(vm, self)
                                                                              : make_like(vm, self, s, n);
    if (!piece)
        return -1;
    int r = gs_list_append(vm, list, piece);
    gs_decref(vm, piece);
    return r;
}

static gs_Object *m_split(GS_ARGS)
{
    gs_Object *sep;
    int64_t maxsplit;
    if (split_args(vm, args, nargs, kwnames, "split", &sep, &maxsplit) < 0)
        return NULL;
    /* stringlib's PyList_New(PREALLOC_SIZE(maxsplit)) */
    gs_Object *list = gs_list_new_cap(vm, maxsplit >= 12 ? 12 : (int32_t)maxsplit + 1);
    if (!list)
        return NULL;
    const char *s = bdata(self);
    int64_t len = gs_bytes_len(self), i = 0, count = 0;
    if (!sep) {
        while (i < len) {
            while (i < len && is_ws((unsigned char)s[i]))
                i++;
            if (i == len)
                break;
            int64_t j = i;
            if (count++ >= maxsplit) {
                j = len;
                while (j > i && is_ws((unsigned char)s[j - 1]))
                    j--;
            } else
                while (j < len && !is_ws((unsigned char)s[j]))
                    j++;
            if (push_piece(vm, list, self, s + i, j - i) < 0)
                goto fail;
            i = j;
            if (count > maxsplit)
                break;
        }
        return list;
    }
    const char *sp = bdata(sep);
    int64_t sn = gs_bytes_len(sep);
    while (count < maxsplit) {
        int64_t at = find_in(s, len, sp, sn, i, len, false);
        if (at < 0)
            break;
        if (push_piece(vm, list, self, s + i, at - i) < 0)
            goto fail;
        i = at + sn;
        count++;
    }
    if (push_piece(vm, list, self, s + i, len - i) < 0)
        goto fail;
    return list;
fail:
    gs_decref(vm, list);
    return NULL;
}

static gs_Object *m_rsplit(GS_ARGS)
{
    gs_Object *sep;
    int64_t maxsplit;
    if (split_args(vm, args, nargs, kwnames, "rsplit", &sep, &maxsplit) < 0)
        return NULL;
    const char *s = bdata(self);
    int64_t len = gs_bytes_len(self), j = len, count = 0, np = 0;
    /* the pieces are found right to left: their extents first, the list after */
    int64_t *at_ = gs_mem_alloc(vm, sizeof(int64_t) * 2 * ((size_t)len + 2));
    if (!at_) {
        gs_raise_memory(vm);
        return NULL;
    }
    if (!sep) {
        while (j > 0) {
            while (j > 0 && is_ws((unsigned char)s[j - 1]))
                j--;
            if (j == 0)
                break;
            int64_t i = j;
            if (count++ >= maxsplit) {
                i = 0;
                while (i < j && is_ws((unsigned char)s[i]))
                    i++;
            } else
                while (i > 0 && !is_ws((unsigned char)s[i - 1]))
                    i--;
            at_[2 * np] = i;
            at_[2 * np++ + 1] = j - i;
            j = i;
            if (count > maxsplit)
                break;
        }
    } else {
        const char *sp = bdata(sep);
        int64_t sn = gs_bytes_len(sep);
        while (count < maxsplit) {
            int64_t at = find_in(s, len, sp, sn, 0, j, true);
            if (at < 0)
                break;
            at_[2 * np] = at + sn;
            at_[2 * np++ + 1] = j - at - sn;
            j = at;
            count++;
        }
        at_[2 * np] = 0;
        at_[2 * np++ + 1] = j;
    }
    gs_Object *list = gs_list_new_cap(vm, maxsplit >= 12 ? 12 : (int32_t)maxsplit + 1);
    for (int64_t k = np - 1; list && k >= 0; k--)
        if (push_piece(vm, list, self, s + at_[2 * k], at_[2 * k + 1]) < 0) {
            gs_decref(vm, list);
            list = NULL;
        }
    gs_mem_free(vm, at_);
    return list;
}

static gs_Object *m_join(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    /* PySequence_Fast: a list or tuple as it is, anything else made a list */
    gs_Object *seq = GS_KIND(args[0]) == GS_K_LIST || GS_KIND(args[0]) == GS_K_TUPLE ? gs_newref(vm, args[0])
                                                                                   : gs_list_from_iterable(vm, args[0]);
    if (!seq)
        return NULL;
    int32_t n = GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->len : ((gs_Tuple *)seq)->len;
    gs_Object **items = GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->items : ((gs_Tuple *)seq)->items;
    if (n == 1 && GS_KIND(items[0]) == GS_K_BYTES && GS_KIND(self) == GS_K_BYTES) {
        gs_Object *r = gs_newref(vm, items[0]);
        gs_decref(vm, seq);
        return r;
    }
    gs_Buf b;
    gs_buf_init(&b);
    for (int32_t i = 0; i < n; i++) {
        /* bytes, bytearray, or any object with a buffer (memoryview, array) */
        size_t ilen = 0;
        if (items[i]->type == vm->t_memoryview && gs_len(vm, items[i]) < 0) {
            gs_buf_free(&b);
            gs_decref(vm, seq);
            return NULL;
        }
        const char *ip = is_bytes_like(items[i]) ? NULL : native_buffer(items[i], &ilen);
        if (!is_bytes_like(items[i]) && !ip) {
            gs_raise(vm, vm->e_TypeError, "sequence item %d: expected a bytes-like object, %s found", i,
                     gs_type_name(items[i]));
            gs_buf_free(&b);
            gs_decref(vm, seq);
            return NULL;
        }
        if (i)
            gs_buf_add(&b, bdata(self), (size_t)gs_bytes_len(self));
        if (ip)
            gs_buf_add(&b, ip, ilen);
        else
            gs_buf_add(&b, bdata(items[i]), (size_t)gs_bytes_len(items[i]));
    }
    gs_decref(vm, seq);
    return buf_to_like(vm, self, &b);
}

static gs_Object *m_replace(GS_ARGS)
{
    GS_UNUSED(kwnames);
    const char *o, *n;
    int64_t on, nn, count = -1;
    if (need_bytes(vm, args[0], &o, &on) < 0 || need_bytes(vm, args[1], &n, &nn) < 0)
        return NULL;
    if (nargs > 2 && gs_as_int(vm, args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = INT64_MAX;
    const char *s = bdata(self);
    int64_t len = gs_bytes_len(self), i = 0, done = 0;
    gs_Buf b;
    gs_buf_init(&b);
    if (on == 0) {
        /* insert `new` before every byte and at the end */
        for (; i <= len; i++) {
            if (done < count) {
                gs_buf_add(&b, n, (size_t)nn);
                done++;
            }
            if (i < len)
                gs_buf_addc(&b, s[i]);
        }
    } else {
        while (i < len) {
            int64_t at = done < count ? find_in(s, len, o, on, i, len, false) : -1;
            if (at < 0)
                break;
            gs_buf_add(&b, s + i, (size_t)(at - i));
            gs_buf_add(&b, n, (size_t)nn);
            i = at + on;
            done++;
        }
        gs_buf_add(&b, s + i, (size_t)(len - i));
    }
    if (done == 0) {
        gs_buf_free(&b);
        return same_or_copy(vm, self);
    }
    return buf_to_like(vm, self, &b);
}

static gs_Object *map_bytes(gs_VM *vm, gs_Object *self, int how)
{
    const char *s = bdata(self);
    int64_t len = gs_bytes_len(self);
    gs_Object *r = make_like(vm, self, s, len);
    if (!r)
        return NULL;
    char *d = GS_KIND(r) == GS_K_BYTES ? ((gs_Bytes *)r)->data : ba_buf((gs_ByteArray *)r);
    bool word_start = true;
    for (int64_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)d[i];
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        switch (how) {
        case 0: d[i] = (char)((c >= 'a' && c <= 'z') ? c - 32 : c); break;            /* upper */
        case 1: d[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c); break;            /* lower */
        case 2: d[i] = (char)((c >= 'a' && c <= 'z') ? c - 32 : (c >= 'A' && c <= 'Z') ? c + 32 : c); break;
        case 3: /* capitalize */
            d[i] = (char)(i == 0 ? ((c >= 'a' && c <= 'z') ? c - 32 : c) : ((c >= 'A' && c <= 'Z') ? c + 32 : c));
            break;
        default: /* title */
            if (alpha)
                d[i] = (char)(word_start ? ((c >= 'a' && c <= 'z') ? c - 32 : c) : ((c >= 'A' && c <= 'Z') ? c + 32 : c));
            word_start = !alpha;
            break;
        }
    }
    return r;
}

static gs_Object *m_upper(GS_ARGS) { GS_UNUSED_ARGS; return map_bytes(vm, self, 0); }
static gs_Object *m_lower(GS_ARGS) { GS_UNUSED_ARGS; return map_bytes(vm, self, 1); }
static gs_Object *m_swapcase(GS_ARGS) { GS_UNUSED_ARGS; return map_bytes(vm, self, 2); }
static gs_Object *m_capitalize(GS_ARGS) { GS_UNUSED_ARGS; return map_bytes(vm, self, 3); }
static gs_Object *m_title(GS_ARGS) { GS_UNUSED_ARGS; return map_bytes(vm, self, 4); }

static gs_Object *test_bytes(gs_VM *vm, gs_Object *self, int what)
{
    const unsigned char *s = (const unsigned char *)bdata(self);
    int64_t len = gs_bytes_len(self);
    if (what == 6) { /* isascii: true when empty */
        for (int64_t i = 0; i < len; i++)
            if (s[i] >= 0x80)
                return GS_BOOL(vm, false);
        return GS_BOOL(vm, true);
    }
    if (len == 0)
        return GS_BOOL(vm, false);
    bool cased = false;
    for (int64_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z', dig = c >= '0' && c <= '9';
        switch (what) {
        case 0: if (!dig) return GS_BOOL(vm, false); break;
        case 1: if (!up && !lo) return GS_BOOL(vm, false); break;
        case 2: if (!up && !lo && !dig) return GS_BOOL(vm, false); break;
        case 3: if (!is_ws(c)) return GS_BOOL(vm, false); break;
        case 4: if (lo) return GS_BOOL(vm, false); cased |= up; break;
        case 5: if (up) return GS_BOOL(vm, false); cased |= lo; break;
        }
    }
    return GS_BOOL(vm, what < 4 || cased);
}

static gs_Object *m_isdigit(GS_ARGS) { GS_UNUSED_ARGS; return test_bytes(vm, self, 0); }
static gs_Object *m_isalpha(GS_ARGS) { GS_UNUSED_ARGS; return test_bytes(vm, self, 1); }
static gs_Object *m_isalnum(GS_ARGS) { GS_UNUSED_ARGS; return test_bytes(vm, self, 2); }
static gs_Object *m_isspace(GS_ARGS) { GS_UNUSED_ARGS; return test_bytes(vm, self, 3); }
static gs_Object *m_isupper(GS_ARGS) { GS_UNUSED_ARGS; return test_bytes(vm, self, 4); }
static gs_Object *m_islower(GS_ARGS) { GS_UNUSED_ARGS; return test_bytes(vm, self, 5); }
static gs_Object *m_isascii(GS_ARGS) { GS_UNUSED_ARGS; return test_bytes(vm, self, 6); }

/* hex(sep=..., bytes_per_sep=1) (_Py_strhex_impl): a one-character ASCII
 * separator between groups of bytes_per_sep bytes, counted from the right
 * (from the left when negative) */
static gs_Object *m_hex(GS_ARGS)
{
    static const char *const names[] = { "sep", "bytes_per_sep" };
    gs_Object *a[2] = { NULL, NULL };
    if (gs_pyargs(vm, "hex", args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return NULL;
    char sep = 0;
    if (a[0]) {
        const char *sd;
        int64_t sl;
        if (GS_KIND(a[0]) == GS_K_STR) {
            sd = ((gs_Str *)a[0])->data;
            sl = ((gs_Str *)a[0])->nchars;
        } else if (GS_KIND(a[0]) == GS_K_BYTES) {
            sd = ((gs_Bytes *)a[0])->data;
            sl = ((gs_Bytes *)a[0])->len;
        } else {
            /* PyObject_Size of anything else */
            sl = gs_len(vm, a[0]);
            if (sl < 0)
                return NULL;
            if (sl == 1) {
                gs_raise(vm, vm->e_TypeError, "sep must be str or bytes.");
                return NULL;
            }
            sd = "";
        }
        if (sl != 1) {
            gs_raise(vm, vm->e_ValueError, "sep must be length 1.");
            return NULL;
        }
        if ((unsigned char)sd[0] >= 0x80) {
            gs_raise(vm, vm->e_ValueError, "sep must be ASCII.");
            return NULL;
        }
        sep = sd[0];
    }
    int64_t per = 1;
    if (a[1] && gs_as_int(vm, a[1], &per) < 0)
        return NULL;
    const unsigned char *s = (const unsigned char *)bdata(self);
    int64_t len = gs_bytes_len(self);
    int64_t group = per < 0 ? -per : per;
    gs_Buf b;
    gs_buf_init(&b);
    for (int64_t i = 0; i < len; i++) {
        /* a separator before byte i when a group ends just before it */
        if (sep && group && i > 0 && (per > 0 ? (len - i) % group == 0 : i % group == 0))
            gs_buf_addc(&b, sep);
        gs_buf_printf(&b, "%02x", s[i]);
    }
    return gs_buf_to_str(vm, &b);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static gs_Object *m_fromhex(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *arg = args[0];
    if (GS_KIND(arg) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "fromhex() argument must be str, not %s", gs_type_name(arg));
        return NULL;
    }
    gs_Str *str = (gs_Str *)arg;
    const char *s = str->data;
    gs_Buf b;
    gs_buf_init(&b);
    int64_t i = 0, n = str->len;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\x0b' || s[i] == '\x0c') {
            i++;
            continue;
        }
        int hi = hexval(s[i]), lo = i + 1 < n ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            gs_buf_free(&b);
            gs_raise(vm, vm->e_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                     (long long)(hi < 0 ? i : i + 1));
            return NULL;
        }
        gs_buf_addc(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    gs_Type *t = (gs_Type *)self;
    gs_Object *r = t == vm->t_bytearray ? bytearray_new(vm, b.data, (int64_t)b.len) : gs_bytes_new(vm, b.data, b.len);
    gs_buf_free(&b);
    return r;
}

static gs_Object *pad(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, int how)
{
    int64_t width;
    int fill = ' ';
    if (gs_as_int(vm, args[0], &width) < 0)
        return NULL;
    if (nargs > 1) {
        if (!is_bytes_like(args[1]) || gs_bytes_len(args[1]) != 1) {
            gs_raise(vm, vm->e_TypeError, "%s() argument 2 must be a byte string of length 1, not %s",
                     how == 0 ? "ljust" : how == 1 ? "rjust" : "center",
                     is_bytes_like(args[1]) ? tname(args[1]) : gs_type_name(args[1]));
            return NULL;
        }
        fill = (unsigned char)bdata(args[1])[0];
    }
    int64_t len = gs_bytes_len(self);
    if (width <= len)
        return same_or_copy(vm, self);
    int64_t total = width - len, left = how == 0 ? 0 : how == 1 ? total : total / 2 + (total & width & 1);
    gs_Buf b;
    gs_buf_init(&b);
    for (int64_t i = 0; i < left; i++)
        gs_buf_addc(&b, (char)fill);
    gs_buf_add(&b, bdata(self), (size_t)len);
    for (int64_t i = 0; i < total - left; i++)
        gs_buf_addc(&b, (char)fill);
    return buf_to_like(vm, self, &b);
}

static gs_Object *m_ljust(GS_ARGS) { GS_UNUSED(kwnames); return pad(vm, self, args, nargs, 0); }
static gs_Object *m_rjust(GS_ARGS) { GS_UNUSED(kwnames); return pad(vm, self, args, nargs, 1); }
static gs_Object *m_center(GS_ARGS) { GS_UNUSED(kwnames); return pad(vm, self, args, nargs, 2); }

static gs_Object *m_zfill(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t width, len = gs_bytes_len(self);
    if (gs_as_int(vm, args[0], &width) < 0)
        return NULL;
    if (width <= len)
        return same_or_copy(vm, self);
    const char *s = bdata(self);
    gs_Buf b;
    gs_buf_init(&b);
    int64_t i = 0;
    if (len && (s[0] == '+' || s[0] == '-'))
        gs_buf_addc(&b, s[i++]);
    for (int64_t k = 0; k < width - len; k++)
        gs_buf_addc(&b, '0');
    gs_buf_add(&b, s + i, (size_t)(len - i));
    return buf_to_like(vm, self, &b);
}

static gs_Object *partition(gs_VM *vm, gs_Object *self, gs_Object *sep, bool reverse)
{
    const char *sp;
    int64_t sn;
    if (need_bytes(vm, sep, &sp, &sn) < 0)
        return NULL;
    if (sn == 0) {
        gs_raise(vm, vm->e_ValueError, "empty separator");
        return NULL;
    }
    const char *s = bdata(self);
    int64_t len = gs_bytes_len(self), at = find_in(s, len, sp, sn, 0, len, reverse);
    gs_Object *p[3];
    if (at < 0) {
        gs_Object *whole = same_or_copy(vm, self), *e1 = make_like(vm, self, "", 0), *e2 = make_like(vm, self, "", 0);
        p[0] = reverse ? e1 : whole;
        p[1] = reverse ? e2 : e1;
        p[2] = reverse ? whole : e2;
    } else {
        p[0] = make_like(vm, self, s, at);
        p[1] = GS_KIND(self) == GS_K_BYTES && GS_KIND(sep) == GS_K_BYTES ? gs_newref(vm, sep) : make_like(vm, self, sp, sn);
        p[2] = make_like(vm, self, s + at + sn, len - at - sn);
    }
    gs_Object *t = p[0] && p[1] && p[2] ? gs_tuple_pack(vm, 3, p[0], p[1], p[2]) : NULL;
    for (int i = 0; i < 3; i++)
        gs_xdecref(vm, p[i]);
    return t;
}

static gs_Object *m_partition(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return partition(vm, self, args[0], false); }
static gs_Object *m_rpartition(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return partition(vm, self, args[0], true); }

static gs_Object *m_removeprefix(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    const char *p;
    int64_t n, len = gs_bytes_len(self);
    if (need_bytes(vm, args[0], &p, &n) < 0)
        return NULL;
    if (n && n <= len && memcmp(bdata(self), p, (size_t)n) == 0)
        return make_like(vm, self, bdata(self) + n, len - n);
    return same_or_copy(vm, self);
}

static gs_Object *m_removesuffix(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    const char *p;
    int64_t n, len = gs_bytes_len(self);
    if (need_bytes(vm, args[0], &p, &n) < 0)
        return NULL;
    if (n && n <= len && memcmp(bdata(self) + len - n, p, (size_t)n) == 0)
        return make_like(vm, self, bdata(self), len - n);
    return same_or_copy(vm, self);
}

static gs_Object *m_splitlines(GS_ARGS)
{
    static const char *const names[] = { "keepends" };
    gs_Object *p[1];
    if (gs_pyargs(vm, "splitlines", args, nargs, kwnames, names, 1, 1, 0, p) < 0)
        return NULL;
    int keep = p[0] ? gs_truthy(vm, p[0]) : 0;
    if (keep < 0)
        return NULL;
    gs_Object *list = gs_list_new(vm, 0);
    if (!list)
        return NULL;
    const char *s = bdata(self);
    int64_t len = gs_bytes_len(self), i = 0;
    while (i < len) {
        int64_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r')
            j++;
        int64_t eol = j;
        if (j < len) {
            j += (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') ? 2 : 1;
            if (keep)
                eol = j;
        }
        if (push_piece(vm, list, self, s + i, eol - i) < 0) {
            gs_decref(vm, list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static gs_Object *m_getnewargs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *copy = gs_bytes_new(vm, bdata(self), (size_t)gs_bytes_len(self));
    gs_Object *t = copy ? gs_tuple_pack(vm, 1, copy) : NULL;
    gs_xdecref(vm, copy);
    return t;
}

/* ================================================================== bytearray's own methods */

static gs_Object *m_append(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_ByteArray *a = (gs_ByteArray *)self;
    int v;
    if (byte_value(vm, args[0], "byte must be in range(0, 256)", &v) < 0)
        return NULL;
    if (ba_resize(vm, a, a->len + 1) < 0)
        return NULL;
    ba_buf(a)[a->len - 1] = (char)v;
    return GS_NONE(vm);
}

static gs_Object *m_extend(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_ByteArray *a = (gs_ByteArray *)self;
    gs_Object *src = args[0];
    if (is_bytes_like(src)) {
        gs_Object *tmp = src == self ? bytearray_new(vm, bdata(src), gs_bytes_len(src)) : gs_newref(vm, src);
        if (!tmp)
            return NULL;
        int r = ba_setslice(vm, a, a->len, a->len, bdata(tmp), gs_bytes_len(tmp));
        gs_decref(vm, tmp);
        return r < 0 ? NULL : GS_NONE(vm);
    }
    if (GS_KIND(src) == GS_K_INT || GS_KIND(src) == GS_K_FLOAT || src == vm->none) {
        gs_raise(vm, vm->e_TypeError, "can't extend bytearray with %s", gs_type_name(src));
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    gs_Object *it = gs_iter(vm, src);
    if (!it) {
        if (gs_exc_matches(vm, vm->e_TypeError)) {
            gs_clear_exc(vm);
            gs_raise(vm, vm->e_TypeError, "can't extend bytearray with %s", gs_type_name(src));
        }
        return NULL;
    }
    for (;;) {
        gs_Object *item = gs_next(vm, it);
        if (!item)
            break;
        int v;
        int r = byte_value(vm, item, "byte must be in range(0, 256)", &v);
        gs_decref(vm, item);
        if (r < 0) {
            gs_decref(vm, it);
            gs_buf_free(&b);
            return NULL;
        }
        gs_buf_addc(&b, (char)v);
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_buf_free(&b);
        return NULL;
    }
    int r = ba_setslice(vm, a, a->len, a->len, b.data, (int64_t)b.len);
    gs_buf_free(&b);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *m_pop(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_ByteArray *a = (gs_ByteArray *)self;
    int64_t i = -1;
    if (nargs && gs_as_int(vm, args[0], &i) < 0)
        return NULL;
    if (a->len == 0) {
        gs_raise(vm, vm->e_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0)
        i += a->len;
    if (i < 0 || i >= a->len) {
        gs_raise(vm, vm->e_IndexError, "pop index out of range");
        return NULL;
    }
    unsigned char v = (unsigned char)ba_buf(a)[i];
    memmove(ba_buf(a) + i, ba_buf(a) + i + 1, (size_t)(a->len - i));
    if (ba_resize(vm, a, a->len - 1) < 0)
        return NULL;
    return gs_int_new(vm, v);
}

static gs_Object *m_insert(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_ByteArray *a = (gs_ByteArray *)self;
    int64_t i;
    int v;
    if (gs_as_int(vm, args[0], &i) < 0 || byte_value(vm, args[1], "byte must be in range(0, 256)", &v) < 0)
        return NULL;
    int64_t n = a->len;
    if (ba_resize(vm, a, n + 1) < 0)
        return NULL;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    memmove(ba_buf(a) + i + 1, ba_buf(a) + i, (size_t)(n - i));
    ba_buf(a)[i] = (char)v;
    return GS_NONE(vm);
}

static gs_Object *m_remove(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_ByteArray *a = (gs_ByteArray *)self;
    int v;
    if (byte_value(vm, args[0], "byte must be in range(0, 256)", &v) < 0)
        return NULL;
    char *p = a->len ? memchr(ba_buf(a), v, (size_t)a->len) : NULL;
    if (!p) {
        gs_raise(vm, vm->e_ValueError, "value not found in bytearray");
        return NULL;
    }
    int64_t at = p - ba_buf(a);
    memmove(ba_buf(a) + at, ba_buf(a) + at + 1, (size_t)(a->len - at));
    if (ba_resize(vm, a, a->len - 1) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *m_clear(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (ba_resize(vm, (gs_ByteArray *)self, 0) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *m_copy(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return bytearray_new(vm, bdata(self), gs_bytes_len(self));
}

static gs_Object *m_reverse(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_ByteArray *a = (gs_ByteArray *)self;
    for (int64_t i = 0, j = a->len - 1; i < j; i++, j--) {
        char t = ba_buf(a)[i];
        ba_buf(a)[i] = ba_buf(a)[j];
        ba_buf(a)[j] = t;
    }
    return GS_NONE(vm);
}

static gs_Object *m_alloc(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, ((gs_ByteArray *)self)->alloc);
}

static gs_Object *m_sizeof(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, (int64_t)gs_bytearray_sizeof(self));
}

/* ================================================================== tables */

#define SHARED_METHODS                                                                                       \
    { "decode", m_decode, 0, 2, GS_KW }, { "hex", m_hex, 0, -1, GS_KW }, { "fromhex", m_fromhex, 1, 1, GS_CLASSMETH }, \
    { "join", m_join, 1, 1, 0 }, { "split", m_split, 0, 2, GS_KW }, { "rsplit", m_rsplit, 0, 2, GS_KW },      \
    { "strip", m_strip, 0, 1, 0 }, { "lstrip", m_lstrip, 0, 1, 0 }, { "rstrip", m_rstrip, 0, 1, 0 },         \
    { "startswith", m_startswith, 1, 3, 0 }, { "endswith", m_endswith, 1, 3, 0 },                             \
    { "find", m_find, 1, 3, 0 }, { "rfind", m_rfind, 1, 3, 0 }, { "index", m_index, 1, 3, 0 },                \
    { "rindex", m_rindex, 1, 3, 0 }, { "count", m_count, 1, 3, 0 }, { "replace", m_replace, 2, 3, 0 },        \
    { "upper", m_upper, 0, 0, 0 }, { "lower", m_lower, 0, 0, 0 }, { "swapcase", m_swapcase, 0, 0, 0 },        \
    { "capitalize", m_capitalize, 0, 0, 0 }, { "title", m_title, 0, 0, 0 },                                   \
    { "isdigit", m_isdigit, 0, 0, 0 }, { "isalpha", m_isalpha, 0, 0, 0 }, { "isalnum", m_isalnum, 0, 0, 0 },  \
    { "isspace", m_isspace, 0, 0, 0 }, { "isupper", m_isupper, 0, 0, 0 }, { "islower", m_islower, 0, 0, 0 },  \
    { "isascii", m_isascii, 0, 0, 0 }, { "ljust", m_ljust, 1, 2, 0 }, { "rjust", m_rjust, 1, 2, 0 },          \
    { "center", m_center, 1, 2, 0 }, { "zfill", m_zfill, 1, 1, 0 }, { "partition", m_partition, 1, 1, 0 },    \
    { "rpartition", m_rpartition, 1, 1, 0 }, { "removeprefix", m_removeprefix, 1, 1, 0 },                     \
    { "removesuffix", m_removesuffix, 1, 1, 0 }, { "splitlines", m_splitlines, 0, 1, GS_KW }

static const gs_MethodDef bytes_methods[] = {
    { "__new__", bytes_new_m, 0, -1, GS_KW },
    { "__getnewargs__", m_getnewargs, 0, 0, 0 },
    SHARED_METHODS,
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef bytearray_methods[] = {
    { "__new__", bytearray_new_m, 0, -1, GS_KW },
    { "__alloc__", m_alloc, 0, 0, 0 },
    { "__sizeof__", m_sizeof, 0, 0, 0 },
    { "append", m_append, 1, 1, 0 }, { "extend", m_extend, 1, 1, 0 }, { "pop", m_pop, 0, 1, 0 },
    { "insert", m_insert, 2, 2, 0 }, { "remove", m_remove, 1, 1, 0 }, { "clear", m_clear, 0, 0, 0 },
    { "copy", m_copy, 0, 0, 0 }, { "reverse", m_reverse, 0, 0, 0 },
    SHARED_METHODS,
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef iter_methods[] = {
    { "__next__", gs_iter_next_method, 0, 0, 0 },
    { "__iter__", gs_iter_self_method, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

void gs_bytes_methods_init(gs_VM *vm)
{
    gs_type_add_methods(vm, vm->t_bytes, bytes_methods);
    gs_type_add_methods(vm, vm->t_bytearray, bytearray_methods);
    gs_type_add_methods(vm, vm->t_bytes_iter, iter_methods);
    gs_type_add_methods(vm, vm->t_bytearray_iter, iter_methods);
}
