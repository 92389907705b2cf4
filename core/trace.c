/*
 * trace.c — the event log, its string pool and the program-output buffer.
 */
#include <stdlib.h>
#include <string.h>

#include "trace.h"

void gs_trace_init(gs_Trace *t)
{
    memset(t, 0, sizeof *t);
    gs_trace_string(t, "", 0); /* id 0 is the empty string */
}

void gs_trace_free(gs_Trace *t)
{
    free(t->ev);
    free(t->strings.bytes);
    free(t->strings.offsets);
    free(t->strings.lens);
    free(t->strings.slots);
    free(t->out);
    free(t->desc);
    free(t->refs);
    memset(t, 0, sizeof *t);
}

int gs_trace_push(gs_Trace *t, gs_Event e)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4096;
        gs_Event *ev = realloc(t->ev, cap * sizeof *ev);
        if (!ev)
            return -1;
        t->ev = ev;
        t->cap = cap;
    }
    t->ev[t->n++] = e;
    return 0;
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
    if (t->ndesc == t->desccap) {
        size_t cap = t->desccap ? t->desccap * 2 : 1024;
        gs_ObjDesc *nd = realloc(t->desc, cap * sizeof *nd);
        if (!nd)
            return -1;
        t->desc = nd;
        t->desccap = cap;
    }
    t->desc[t->ndesc++] = d;
    return 0;
}

int gs_trace_initial_ref(gs_Trace *t, gs_TraceRef r)
{
    if (t->nrefs == t->refscap) {
        size_t cap = t->refscap ? t->refscap * 2 : 1024;
        gs_TraceRef *nr = realloc(t->refs, cap * sizeof *nr);
        if (!nr)
            return -1;
        t->refs = nr;
        t->refscap = cap;
    }
    t->refs[t->nrefs++] = r;
    return 0;
}

const char *gs_event_kind_name(gs_EventKind k)
{
    static const char *names[] = {
        "alloc", "free", "track", "untrack", "incref", "decref", "ref_set", "list_insert",
        "list_remove", "bind", "unbind", "frame_push", "frame_pop", "line", "stdout", "exception",
        "gc_start", "gc_phase", "gc_refs", "gc_unreachable", "gc_rescued", "finalize",
        "weakref_clear", "gc_move", "gc_end",
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
    for (size_t i = t->n; i-- > 0;)
        if (t->ev[i].kind == GS_EV_ALLOC && t->ev[i].obj == id) {
            t->ev[i].b = b;
            t->ev[i].c = c;
            return;
        }
}
