/*
 * trace.c — the event log, its string pool and the program-output buffer.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/object.h"
#include "grow.h"
#include "trace.h"

void gs_trace_init(gs_Trace *t)
{
    memset(t, 0, sizeof *t);
    t->cap = GS_TRACE_BLOCK;
    gs_trace_string(t, "", 0); /* id 0 is the empty string */
}

void gs_trace_free(gs_Trace *t)
{
    free(t->packed);
    free(t->blocks);
    free(t->cache);
    free(t->strings.bytes);
    free(t->strings.offsets);
    free(t->strings.lens);
    free(t->strings.slots);
    free(t->out);
    free(t->desc);
    free(t->refs);
    memset(t, 0, sizeof *t);
}

/* ================================================================== packed blocks
 *
 * A block is GS_TRACE_BLOCK records back to back.  A record:
 *
 *   byte 0    bits 0-4 the kind; bit 5: a sub byte follows; bits 6-7 how
 *             the line is stored (below)
 *   byte 1    how obj, a, b, c are stored, two bits each (obj in bits 0-1)
 *   sub       1 byte, if bit 5
 *   flags     2 bytes, for kinds whose events usually have flags (line)
 *   line      the zigzag of the change from the previous record's line
 *   obj       the zigzag of the change from the previous record's obj
 *   a, b, c   the value, or for fields that name an object (rel_to_obj
 *             below) the zigzag of its difference from this record's obj
 *
 * "How stored" is 0: not at all (the value is its base: no change, or 0),
 * 1, 2 or 4 bytes, little-endian.  A record whose kind is 29 or more, or
 * that has flags where its kind has none, is an escape: kind 31 in byte 0,
 * then the kind, sub and flags (4 bytes), then line, obj, a, b, c as above.
 *
 * A repeat is one byte and obj: an event that is the previous one but for
 * obj, and c the same (kind 30) or one more or less (kind 29, bit 7 set
 * for less), as the collector's passes make a million of (gc_refs 1 for
 * every item of a list, each moved to the next generation...).  Bits 5-6
 * say how obj is stored.
 *
 * The previous event starts all zero in each block, so a block unpacks
 * alone.  A record takes at most 2 + 4 + 5 * 4 = 26 bytes.
 *
 * Decoding is branch-free but for escapes and repeats (which come in
 * runs): a trace is read back a block at a time, so unpacking is on the
 * path of every seek. */

enum { REC_MAX = 26, REL_A = 1, REL_B = 2, REL_C = 4, KIND_LIMIT = 29, REP_STEP = 29, REP_SAME = 30, ESCAPE = 31 };

/* Fields holding object ids, stored as the difference from the event's obj
 * (they are usually near: a holder and what it holds were made together). */
static const uint8_t rel_to_obj[32] = {
    [GS_EV_INCREF] = REL_B, [GS_EV_DECREF] = REL_B, [GS_EV_REF_SET] = REL_A | REL_B,
    [GS_EV_LIST_INSERT] = REL_A | REL_B, [GS_EV_LIST_REMOVE] = REL_A | REL_B,
    [GS_EV_GC_REFS] = REL_B, [GS_EV_GC_RESCUED] = REL_B, [GS_EV_WEAKREF_CLEAR] = REL_A | REL_B,
};

/* Kinds whose records always carry the flags (a line's gen-0 threshold);
 * a comparison, not a table: it is on the path from one record to the next. */
static inline unsigned has_flags(unsigned kind) { return kind == GS_EV_LINE; }

static const uint32_t cls_mask[4] = { 0, 0xffu, 0xffffu, 0xffffffffu };

static inline uint32_t zig(uint32_t d) { return (d << 1) ^ (uint32_t)-(int32_t)(d >> 31); }
static inline uint32_t unzig(uint32_t z) { return (z >> 1) ^ (uint32_t)-(int32_t)(z & 1); }
/* The class of a value from its bit length (0 for 0). */
static const uint8_t cls_of_bits[33] = { 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2,
                                         3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 };
static const uint8_t cls_bytes[4] = { 0, 1, 2, 4 };

static inline unsigned cls(uint32_t v)
{
#if defined(__GNUC__)
    return cls_of_bits[v ? 32 - __builtin_clz(v) : 0];
#else
    return (unsigned)(v != 0) + (v > 0xffu) + (v > 0xffffu);
#endif
}

static inline uint32_t le32(uint32_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

/* Stores all four bytes (the buffer has room past the record) and moves on
 * by the class's length. */
static inline uint8_t *put(uint8_t *p, uint32_t v, unsigned c)
{
    v = le32(v);
    memcpy(p, &v, 4);
    return p + cls_bytes[c];
}

/* The event but for obj and c (kind, sub, flags, line, a, b) as 16 bytes. */
static inline void rest_of(const gs_Event *e, uint64_t *x, uint64_t *y)
{
    memcpy(x, e, 8);
    memcpy(y, &e->a, 8);
}

static size_t pack_block(const gs_Event *ev, uint8_t *out)
{
    uint8_t *p = out;
    uint32_t prev_obj = 0, prev_line = 0;
    uint64_t px = 0, py = 0;   /* rest_of the previous event */
    uint32_t prev_c = 0;
    for (int i = 0; i < GS_TRACE_BLOCK; i++) {
        const gs_Event *e = &ev[i];
        uint64_t x, y;
        rest_of(e, &x, &y);
        bool same = x == px && y == py;
        px = x;
        py = y;
        if (same && (e->c == prev_c || e->c - prev_c + 1 <= 2)) {
            uint32_t o = zig(e->obj - prev_obj);
            unsigned co = cls(o);
            unsigned code = e->c == prev_c ? REP_SAME : REP_STEP | (e->c != prev_c + 1) << 7;
            p[0] = (uint8_t)(code | co << 5);
            p = put(p + 1, o, co);
            prev_obj = e->obj;
            prev_c = e->c;
            continue;
        }
        prev_c = e->c;
        unsigned kind = e->kind < KIND_LIMIT ? e->kind : ESCAPE;
        if (e->flags && !has_flags(kind))
            kind = ESCAPE;
        unsigned rel = rel_to_obj[kind];
        uint32_t o = zig(e->obj - prev_obj), l = zig(e->line - prev_line);
        uint32_t a = rel & REL_A ? zig(e->a - e->obj) : e->a;
        uint32_t b = rel & REL_B ? zig(e->b - e->obj) : e->b;
        uint32_t c = rel & REL_C ? zig(e->c - e->obj) : e->c;
        unsigned cl = cls(l), co = cls(o), ca = cls(a), cb = cls(b), cc = cls(c);
        unsigned hs = kind != ESCAPE && e->sub;
        p[0] = (uint8_t)(kind | hs << 5 | cl << 6);
        p[1] = (uint8_t)(co | ca << 2 | cb << 4 | cc << 6);
        p += 2;
        if (kind == ESCAPE) {
            p[0] = e->kind;
            p[1] = e->sub;
            p[2] = (uint8_t)e->flags;
            p[3] = (uint8_t)(e->flags >> 8);
            p += 4;
        } else {
            p[0] = e->sub;
            p += hs;
            p[0] = (uint8_t)e->flags;
            p[1] = (uint8_t)(e->flags >> 8);
            p += 2 * has_flags(kind);
        }
        p = put(p, l, cl);
        p = put(p, o, co);
        p = put(p, a, ca);
        p = put(p, b, cb);
        p = put(p, c, cc);
        prev_obj = e->obj;
        prev_line = e->line;
    }
    return (size_t)(p - out);
}

/* The length of a field stored with class c: 0, 1, 2, 4. */
static inline unsigned cls_len(unsigned c) { return (1u << c) >> 1; }

static inline uint32_t load(const uint8_t *p, unsigned c)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return le32(v) & cls_mask[c];
}

/* Every field's place is worked out from the two header bytes, so the loads
 * of one record do not wait on each other, only on where it starts. */
static void unpack_block(const uint8_t *p, gs_Event *ev)
{
    uint32_t prev_obj = 0, prev_line = 0;
    gs_Event zero = { 0 };
    const gs_Event *pv = &zero;
    for (int i = 0; i < GS_TRACE_BLOCK; pv = &ev[i], i++) {
        gs_Event *e = &ev[i];
        unsigned h = p[0], s = p[1];
        unsigned kind = h & 31;
        if (kind == REP_SAME || kind == REP_STEP) {
            unsigned co = h >> 5 & 3;
            *e = *pv;
            e->obj = prev_obj + unzig(load(p + 1, co));
            prev_obj = e->obj;
            if (kind == REP_STEP)
                e->c += h & 128 ? (uint32_t)-1 : 1;
            p += 1 + cls_len(co);
            continue;
        }
        unsigned lc = h >> 6, co = s & 3, ca = s >> 2 & 3, cb = s >> 4 & 3, cc = s >> 6;
        unsigned pre;
        if (kind == ESCAPE) {
            e->kind = p[2];
            e->sub = p[3];
            e->flags = (uint16_t)(p[4] | p[5] << 8);
            pre = 6;
        } else {
            unsigned hs = h >> 5 & 1, hf = has_flags(kind);
            e->kind = (uint8_t)kind;
            e->sub = (uint8_t)(p[2] & -hs);
            e->flags = (uint16_t)((p[2 + hs] | p[3 + hs] << 8) & -hf);
            pre = 2 + hs + 2 * hf;
        }
        unsigned o_obj = pre + cls_len(lc), o_a = o_obj + cls_len(co), o_b = o_a + cls_len(ca),
                 o_c = o_b + cls_len(cb);
        unsigned len = pre + (cls_len(lc) + cls_len(co)) + (cls_len(ca) + (cls_len(cb) + cls_len(cc)));
        prev_line += unzig(load(p + pre, lc));
        e->line = prev_line;
        uint32_t obj = prev_obj + unzig(load(p + o_obj, co));
        e->obj = obj;
        prev_obj = obj;
        unsigned rel = rel_to_obj[kind];
        uint32_t a = load(p + o_a, ca), b = load(p + o_b, cb), c = load(p + o_c, cc);
        e->a = rel & REL_A ? obj + unzig(a) : a;
        e->b = rel & REL_B ? obj + unzig(b) : b;
        e->c = rel & REL_C ? obj + unzig(c) : c;
        p += len;
    }
}

/* Pack the full tail into a new block. */
static int pack_tail(gs_Trace *t)
{
    size_t k = t->base / GS_TRACE_BLOCK;
    if (!t->cache) {
        t->cache = calloc(1, sizeof *t->cache);
        if (!t->cache)
            return -1;
    }
    /* room for the block and for the four-byte reads and stores at its end */
    if (!gs_grow((void **)&t->blocks, &t->blockscap, k + 1, sizeof *t->blocks) ||
        !gs_grow((void **)&t->packed, &t->packedcap, t->npacked + (size_t)GS_TRACE_BLOCK * REC_MAX + 4, 1))
        return -1;
    t->blocks[k] = t->npacked;
    t->npacked += pack_block(t->tail, t->packed + t->npacked);
    t->base += GS_TRACE_BLOCK;
    t->cap = t->base + GS_TRACE_BLOCK;
    return 0;
}

int gs_trace_push(gs_Trace *t, gs_Event e)
{
    if (t->n - t->base == GS_TRACE_BLOCK && pack_tail(t) < 0)
        return -1;
    t->tail[t->n++ - t->base] = e;
    t->cap = t->base + GS_TRACE_BLOCK;
    return 0;
}

gs_Event gs_trace_get_packed(const gs_Trace *t, size_t i)
{
    size_t k = i / GS_TRACE_BLOCK;
    gs_TraceCache *c = t->cache;
    size_t slot = k % GS_TRACE_CACHED;
    if (c->block[slot] != k + 1) {
        unpack_block(t->packed + t->blocks[k], c->ev[slot]);
        c->block[slot] = k + 1;
    }
    return c->ev[slot][i % GS_TRACE_BLOCK];
}

/* Unpack the last packed block back into the (empty) tail. */
static void unpack_last(gs_Trace *t)
{
    size_t k = t->base / GS_TRACE_BLOCK - 1;
    unpack_block(t->packed + t->blocks[k], t->tail);
    t->npacked = t->blocks[k];
    t->base -= GS_TRACE_BLOCK;
    t->cap = t->base + GS_TRACE_BLOCK;
    t->cache->block[k % GS_TRACE_CACHED] = 0;
}

gs_Event *gs_trace_last(gs_Trace *t)
{
    if (t->n == 0)
        return NULL;
    if (t->n == t->base)
        unpack_last(t);
    return &t->tail[t->n - 1 - t->base];
}

void gs_trace_truncate(gs_Trace *t, size_t n)
{
    if (n >= t->n)
        return;
    while (t->base > n || (t->base == n && n > 0)) {
        t->n = t->base;
        unpack_last(t);
    }
    t->n = n;
}

size_t gs_trace_event_bytes(const gs_Trace *t)
{
    return t->npacked + t->base / GS_TRACE_BLOCK * sizeof *t->blocks + sizeof t->tail +
           (t->cache ? sizeof *t->cache : 0);
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static int pool_rehash(gs_StrPool *p, uint32_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return -1;
    for (uint32_t id = 0; id < p->count; id++) {
        uint32_t h = hash_bytes(p->bytes + p->offsets[id], p->lens[id]) & (nslots - 1);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = id + 1;
    }
    free(p->slots);
    p->slots = slots;
    p->nslots = nslots;
    return 0;
}

uint32_t gs_trace_string(gs_Trace *t, const char *s, size_t len)
{
    gs_StrPool *p = &t->strings;
    if (len > 0xffffffffu - 1)
        return 0;
    if (p->nslots == 0 && pool_rehash(p, 1024) < 0)
        return 0;
    uint32_t h = hash_bytes(s, len) & (p->nslots - 1);
    while (p->slots[h]) {
        uint32_t id = p->slots[h] - 1;
        if (p->lens[id] == len && memcmp(p->bytes + p->offsets[id], s, len) == 0)
            return id;
        h = (h + 1) & (p->nslots - 1);
    }
    if (p->count == p->capacity) {
        uint32_t cap = p->capacity ? p->capacity * 2 : 256;
        uint32_t *offs = realloc(p->offsets, cap * sizeof *offs);
        if (!offs)
            return 0;
        p->offsets = offs;
        uint32_t *lens = realloc(p->lens, cap * sizeof *lens);
        if (!lens)
            return 0;
        p->lens = lens;
        p->capacity = cap;
    }
    if (p->nbytes + len + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->nbytes + len + 1)
            cap *= 2;
        char *b = realloc(p->bytes, cap);
        if (!b)
            return 0;
        p->bytes = b;
        p->cap = cap;
    }
    if (p->nbytes + len + 1 > 0xffffffffu)
        return 0;
    uint32_t id = p->count++;
    p->offsets[id] = (uint32_t)p->nbytes;
    p->lens[id] = (uint32_t)len;
    memcpy(p->bytes + p->nbytes, s, len);
    p->bytes[p->nbytes + len] = 0;
    p->nbytes += len + 1;
    p->slots[h] = id + 1;
    if (p->count * 2 > p->nslots)
        pool_rehash(p, p->nslots * 2);
    return id;
}

int gs_trace_string_append(gs_Trace *t, const char *s, size_t len)
{
    gs_StrPool *p = &t->strings;
    if (len > 0xfffffff0u || p->nbytes + len + 1 > 0xffffffffu || p->count == 0xffffffffu)
        return -1;
    if (p->nslots == 0 && pool_rehash(p, 1024) < 0)
        return -1;
    if (p->count == p->capacity) {
        uint32_t cap = p->capacity ? p->capacity * 2 : 256;
        uint32_t *offs = realloc(p->offsets, cap * sizeof *offs);
        if (!offs)
            return -1;
        p->offsets = offs;
        uint32_t *lens = realloc(p->lens, cap * sizeof *lens);
        if (!lens)
            return -1;
        p->lens = lens;
        p->capacity = cap;
    }
    if (p->nbytes + len + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->nbytes + len + 1)
            cap *= 2;
        char *b = realloc(p->bytes, cap);
        if (!b)
            return -1;
        p->bytes = b;
        p->cap = cap;
    }
    uint32_t id = p->count++;
    p->offsets[id] = (uint32_t)p->nbytes;
    p->lens[id] = (uint32_t)len;
    memcpy(p->bytes + p->nbytes, s, len);
    p->bytes[p->nbytes + len] = 0;
    p->nbytes += len + 1;
    /* index it unless an equal string is already indexed (that one wins) */
    uint32_t h = hash_bytes(s, len) & (p->nslots - 1);
    while (p->slots[h]) {
        uint32_t o = p->slots[h] - 1;
        if (p->lens[o] == len && memcmp(p->bytes + p->offsets[o], s, len) == 0)
            break;
        h = (h + 1) & (p->nslots - 1);
    }
    if (!p->slots[h])
        p->slots[h] = id + 1;
    if (p->count * 2 > p->nslots && pool_rehash(p, p->nslots * 2) < 0)
        return -1;
    return 0;
}

const char *gs_trace_string_at(const gs_Trace *t, uint32_t id, uint32_t *len)
{
    if (id >= t->strings.count) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = t->strings.lens[id];
    return t->strings.bytes + t->strings.offsets[id];
}

int gs_trace_output(gs_Trace *t, const char *s, size_t len, uint32_t *offset)
{
    if (t->nout + len > 0xffffffffu)
        return -1;
    if (t->nout + len > t->outcap) {
        size_t cap = t->outcap ? t->outcap : 4096;
        while (cap < t->nout + len)
            cap *= 2;
        char *o = realloc(t->out, cap);
        if (!o)
            return -1;
        t->out = o;
        t->outcap = cap;
    }
    memcpy(t->out + t->nout, s, len);
    *offset = (uint32_t)t->nout;
    t->nout += len;
    return 0;
}

int gs_trace_describe(gs_Trace *t, gs_ObjDesc d)
{
    if (!gs_grow((void **)&t->desc, &t->desccap, t->ndesc + 1, sizeof *t->desc))
        return -1;
    t->desc[t->ndesc++] = d;
    return 0;
}

int gs_trace_initial_ref(gs_Trace *t, gs_TraceRef r)
{
    if (!gs_grow((void **)&t->refs, &t->refscap, t->nrefs + 1, sizeof *t->refs))
        return -1;
    t->refs[t->nrefs++] = r;
    return 0;
}

const char *gs_event_kind_name(gs_EventKind k)
{
    static const char *names[] = {
        "alloc", "free", "track", "untrack", "incref", "decref", "ref_set", "list_insert",
        "list_remove", "bind", "unbind", "frame_push", "frame_pop", "line", "stdout", "exception",
        "gc_start", "gc_phase", "gc_refs", "gc_unreachable", "gc_rescued", "finalize",
        "weakref_clear", "gc_move", "gc_end", "gc_threshold", "resize",
    };
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

const char *gs_gc_phase_name(gs_GCPhase p)
{
    static const char *names[] = {
        "merge", "update_refs", "subtract_refs", "move_unreachable", "untrack_tuples", "promote",
        "untrack_dicts", "legacy_finalizers", "weakrefs", "finalize", "resurrection", "delete", "done",
    };
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "?";
}

const char *gs_cause_kind_name(int k)
{
    static const char *names[] = {
        "none", "temp", "name", "global", "slot", "key", "value", "attr", "internal", "const", "arg", "gc",
    };
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

void gs_trace_set_alloc_payload(gs_Trace *t, uint32_t id, uint32_t b, uint32_t c)
{
    /* the alloc is recent: only what its allocation set off lies after it */
    for (size_t i = t->n; i-- > 0;) {
        if (i < t->base) {
            /* in a packed block: unpack back to it (rare: the caller sets
             * the payload a few events after the alloc) */
            gs_Event e = gs_trace_get(t, i);
            if (e.kind != GS_EV_ALLOC || e.obj != id)
                continue;
            size_t n = t->n;
            gs_Event *later = malloc((n - i) * sizeof *later);
            if (!later)
                return;
            for (size_t j = i; j < n; j++)
                later[j - i] = gs_trace_get(t, j);
            later[0].b = b;
            later[0].c = c;
            gs_trace_truncate(t, i);
            for (size_t j = i; j < n; j++)
                gs_trace_push(t, later[j - i]);
            free(later);
            return;
        }
        gs_Event *e = &t->tail[i - t->base];
        if (e->kind == GS_EV_ALLOC && e->obj == id) {
            e->b = b;
            e->c = c;
            return;
        }
    }
}

/* ================================================================== sizes
 *
 * CPython 3.11's sys.getsizeof (64-bit Linux) of what an alloc event
 * describes; /tmp/research/sizes/SIZES.md has the sources of each number. */

uint32_t gs_size_of_int(int64_t v)
{
    /* 30-bit digits, at least one: 0 and bool are 28 too */
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint32_t digits = 1;
    while (m >>= 30)
        digits++;
    return 24 + 4 * digits;
}

uint32_t gs_size_of_str(const char *utf8, size_t n)
{
    /* PEP 393: one byte a character while every character is ASCII (a
     * 48-byte header), else a 72-byte header and 1, 2 or 4 bytes a
     * character by the largest: below U+0100 (UTF-8 leads up to 0xC3),
     * below U+10000 (no four-byte sequence) or not; a NUL ends each */
    size_t chars = 0;
    unsigned top = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)utf8[i];
        if ((ch & 0xC0) != 0x80) {
            chars++;
            if (ch > top)
                top = ch;
        }
    }
    if (top < 0x80)
        return (uint32_t)(48 + chars + 1);
    unsigned kind = top >= 0xF0 ? 4 : top >= 0xC4 ? 2 : 1;
    return (uint32_t)(72 + (chars + 1) * kind);
}

static bool name_is(const char *name, size_t n, const char *s) { return strlen(s) == n && memcmp(name, s, n) == 0; }

uint32_t gs_size_of_type_name(uint8_t kind, const char *name, size_t n)
{
    /* tp_basicsize + 16 for the GC header: the iterators by their type */
    static const struct { const char *name; uint16_t size; } iters[] = {
        { "dict_keyiterator", 72 }, { "dict_valueiterator", 72 }, { "dict_itemiterator", 72 },
        { "dict_reversekeyiterator", 72 }, { "dict_reversevalueiterator", 72 }, { "dict_reverseitemiterator", 72 },
        { "set_iterator", 64 }, { "enumerate", 72 }, { "zip", 64 },
        { "dict_keys", 40 }, { "dict_values", 40 }, { "dict_items", 40 },
    };
    /* and the built-in exceptions whose objects have more fields than
     * BaseException (72 + 16) */
    static const struct { const char *name; uint16_t size; } excs[] = {
        { "StopIteration", 96 }, { "SystemExit", 96 }, { "NameError", 96 }, { "UnboundLocalError", 96 },
        { "AttributeError", 104 }, { "ImportError", 112 }, { "ModuleNotFoundError", 112 },
        { "BaseExceptionGroup", 112 }, { "ExceptionGroup", 112 }, { "OSError", 128 },
        { "UnicodeDecodeError", 128 }, { "UnicodeEncodeError", 128 }, { "UnicodeTranslateError", 128 },
        { "SyntaxError", 152 }, { "IndentationError", 152 }, { "TabError", 152 },
    };
    if (kind == GS_K_ITER) {
        for (size_t i = 0; i < sizeof iters / sizeof iters[0]; i++)
            if (name_is(name, n, iters[i].name))
                return iters[i].size;
        return 48;
    }
    if (kind == GS_K_EXCEPTION) {
        for (size_t i = 0; i < sizeof excs / sizeof excs[0]; i++)
            if (name_is(name, n, excs[i].name))
                return excs[i].size;
        return 88;
    }
    if (kind == GS_K_INSTANCE && name_is(name, n, "object"))
        return 16;
    return 0;
}

uint32_t gs_trace_alloc_size(const gs_Trace *t, uint8_t kind, uint32_t type, uint32_t b, uint32_t c)
{
    uint32_t tlen;
    const char *tname = gs_trace_string_at(t, type, &tlen);
    switch ((gs_Kind)kind) {
    case GS_K_NONE: case GS_K_NOTIMPL: case GS_K_ELLIPSIS: return 16;
    case GS_K_BOOL: return 28;
    case GS_K_INT: return gs_size_of_int((int64_t)((uint64_t)b | (uint64_t)c << 32));
    case GS_K_FLOAT: return 24;
    case GS_K_STR: {
        uint32_t len;
        const char *str = gs_trace_string_at(t, b, &len);
        return gs_size_of_str(str, len);
    }
    case GS_K_TUPLE: return 40 + 8 * b;
    case GS_K_LIST: return 56 + 8 * b;
    case GS_K_DICT: return 64;
    case GS_K_SET: return 216;
    case GS_K_TYPE: return 1688;  /* a class whose instances have a managed __dict__ */
    case GS_K_FUNCTION: return 152;
    case GS_K_BUILTIN: return 72;
    case GS_K_METHOD: return 64;
    case GS_K_INSTANCE: {
        uint32_t s = gs_size_of_type_name(kind, tname, tlen);
        return s ? s : 56;       /* class C: pass */
    }
    case GS_K_EXCEPTION: case GS_K_ITER: return gs_size_of_type_name(kind, tname, tlen);
    case GS_K_MODULE: return 72;
    case GS_K_CODE: return 0;    /* depends on the bytecode: a resize event says */
    case GS_K_CELL: return 40;
    case GS_K_RANGE: return 48;
    case GS_K_SLICE: return 56;
    case GS_K_WEAKREF: return 80;
    case GS_K_FRAME: return 136; /* 16 + 120 + 8 * (locals + stack): a resize event says */
    case GS_K_TRACEBACK: return 56;
    case GS_K_GENERATOR: return 168; /* likewise, 168 + 8 * (locals + stack) */
    case GS_K_PROPERTY: return 80;
    case GS_K_CLASSMETHOD: case GS_K_STATICMETHOD: return 48;
    case GS_K_SUPER: return 56;
    case GS_K_COMPLEX: return 32;
    case GS_K_BYTES: return 33 + b;
    case GS_K_BYTEARRAY: return 56;
    default: return 0;
    }
}
