/*
 * placement.c — stable rows for every object's stays (see placement.h).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/object.h"
#include "placement.h"
#include "scene_build.h"

#define NOT_ALIVE 255

/* A min-heap of free rows, one per band. */
typedef struct RowHeap {
    uint32_t *v;
    uint32_t n, cap;
    uint32_t next;          /* rows handed out so far */
} RowHeap;

static int heap_push(RowHeap *h, uint32_t row)
{
    if (h->n == h->cap) {
        uint32_t cap = h->cap ? h->cap * 2 : 64;
        uint32_t *v = realloc(h->v, cap * sizeof *v);
        if (!v)
            return -1;
        h->v = v;
        h->cap = cap;
    }
    uint32_t i = h->n++;
    h->v[i] = row;
    while (i > 0) {
        uint32_t parent = (i - 1) / 2;
        if (h->v[parent] <= h->v[i])
            break;
        uint32_t t = h->v[parent];
        h->v[parent] = h->v[i];
        h->v[i] = t;
        i = parent;
    }
    return 0;
}

static uint32_t heap_take(RowHeap *h)
{
    if (h->n == 0)
        return h->next++;
    uint32_t top = h->v[0];
    h->v[0] = h->v[--h->n];
    uint32_t i = 0;
    for (;;) {
        uint32_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && h->v[l] < h->v[m])
            m = l;
        if (r < h->n && h->v[r] < h->v[m])
            m = r;
        if (m == i)
            break;
        uint32_t t = h->v[m];
        h->v[m] = h->v[i];
        h->v[i] = t;
        i = m;
    }
    return top;
}

/* The band an event moves its object to, NOT_ALIVE when it dies, or -1 if
 * the event does not move it. */
static int band_after(const gs_Event *e)
{
    switch (e->kind) {
    case GS_EV_ALLOC: return GS_BAND_UNTRACKED;
    case GS_EV_TRACK: return e->a >= 3 ? GS_BAND_PERMANENT : (int)e->a;
    case GS_EV_UNTRACK: return GS_BAND_UNTRACKED;
    case GS_EV_GC_MOVE: return e->b >= 3 ? GS_BAND_PERMANENT : (int)e->b;
    case GS_EV_FREE: return NOT_ALIVE;
    default: return -1;
    }
}

/* band_after, except that an untrack of an object being freed (its count
 * went to 0, and nothing took it back) does not move it */
static int band_after_dying(const gs_Event *e, uint8_t *dying, uint32_t nids)
{
    if (e->obj < nids) {
        if (e->kind == GS_EV_DECREF)
            dying[e->obj] = e->a == 0;
        else if (e->kind == GS_EV_INCREF || e->kind == GS_EV_ALLOC || e->kind == GS_EV_FREE)
            dying[e->obj] = 0;
        else if (e->kind == GS_EV_UNTRACK && dying[e->obj])
            return -1;
    }
    return band_after(e);
}

static bool kind_placed(int kind, unsigned what)
{
    switch (kind) {
    case GS_K_CODE: case GS_K_MODULE: case GS_K_BUILTIN: return false;
    case GS_K_INT: case GS_K_STR: case GS_K_FLOAT: case GS_K_BOOL: return (what & GS_PLACE_PRIMITIVES) != 0;
    default: return true;
    }
}

int gs_placement_build(gs_Placement *p, const gs_Trace *t, unsigned what)
{
    memset(p, 0, sizeof *p);
    uint32_t nids = 1;
    for (size_t i = 0; i < t->n; i++) {
        const gs_Event e_ = gs_trace_get(t, i), *e = &e_;
        if (band_after(e) >= 0 && e->obj >= nids)
            nids = e->obj + 1;
    }
    /* objects that get no place: by kind (from their alloc), and the
     * namespaces of classes (a class's field 0) unless definitions show */
    uint8_t *skip = malloc(nids);
    uint8_t *kinds = malloc(nids);
    if (!skip || !kinds) {
        free(skip);
        free(kinds);
        return -1;
    }
    memset(kinds, 0xff, nids);
    /* the runtime's own objects (made before the trace began) are never
     * drawn: only objects the trace saw allocated get a place */
    memset(skip, 1, nids);
    for (size_t i = 0; i < t->n; i++) {
        const gs_Event e_ = gs_trace_get(t, i), *e = &e_;
        if (e->kind == GS_EV_ALLOC && e->obj < nids) {
            kinds[e->obj] = e->sub;
            skip[e->obj] = !kind_placed(e->sub, what) || (e->flags & (GS_ALLOC_RUNTIME | GS_ALLOC_INTERNAL)) ||
                           (!(what & GS_PLACE_DEFINITIONS) && gs_scene_definition(t, e->sub, e->a));
        } else if (e->kind == GS_EV_REF_SET && e->sub == GS_CAUSE_INTERNAL && e->c == 0 && e->obj < nids &&
                   e->b < nids &&
                   ((kinds[e->obj] == GS_K_TYPE && !(what & GS_PLACE_DEFINITIONS)) || kinds[e->obj] == GS_K_MODULE))
            skip[e->b] = 1; /* a class's or module's namespace */
        else if (e->kind == GS_EV_REF_SET && e->sub == GS_CAUSE_INTERNAL && (e->c == 4 || e->c == 5) &&
                 e->obj < nids && e->b < nids && kinds[e->obj] == GS_K_FUNCTION && !(what & GS_PLACE_DEFINITIONS))
            skip[e->b] = 1; /* a function's __defaults__ / __kwdefaults__ */
    }
    free(kinds);
    uint8_t *band = malloc(nids);
    /* an object whose count went to 0 is being freed: CPython untracks
     * it first (and runs its __del__, its weak references' callbacks),
     * but it is not a "not tracked" object; it stays where it was, in
     * its generation, until it is gone (lesson 14's 'report') */
    uint8_t *dying = calloc(nids, 1);
    p->first = calloc(nids, sizeof *p->first);
    p->count = calloc(nids, sizeof *p->count);
    if (!band || !dying || !p->first || !p->count) {
        free(band);
        free(dying);
        free(skip);
        gs_placement_free(p);
        return -1;
    }
    p->nids = nids;
    memset(band, NOT_ALIVE, nids);
    /* pass 1: count stays */
    uint64_t total = 0;
    for (size_t i = 0; i < t->n; i++) {
        const gs_Event e_ = gs_trace_get(t, i), *e = &e_;
        int b = band_after_dying(e, dying, nids);
        if (b < 0 || b == band[e->obj] || skip[e->obj])
            continue;
        if (b != NOT_ALIVE && p->count[e->obj] < UINT16_MAX) {
            p->count[e->obj]++;
            total++;
        }
        band[e->obj] = (uint8_t)b;
    }
    uint64_t off = 0;
    for (uint32_t id = 0; id < nids; id++) {
        p->first[id] = (uint32_t)off;
        off += p->count[id];
        p->count[id] = 0;
    }
    p->stays = malloc((size_t)(total ? total : 1) * sizeof *p->stays);
    RowHeap heaps[GS_BAND_COUNT];
    memset(heaps, 0, sizeof heaps);
    if (!p->stays) {
        free(band);
        free(dying);
        free(skip);
        gs_placement_free(p);
        return -1;
    }
    /* pass 2: fill stays and give rows */
    memset(band, NOT_ALIVE, nids);
    memset(dying, 0, nids);
    int rc = 0;
    for (size_t i = 0; i < t->n && rc == 0; i++) {
        const gs_Event e_ = gs_trace_get(t, i), *e = &e_;
        int b = band_after_dying(e, dying, nids);
        uint32_t id = e->obj;
        if (b < 0 || b == band[id] || skip[id])
            continue;
        if (band[id] != NOT_ALIVE && p->count[id] > 0) {
            gs_Stay *prev = &p->stays[p->first[id] + p->count[id] - 1];
            prev->to = i;
            rc = heap_push(&heaps[prev->band], prev->row);
        }
        if (b != NOT_ALIVE && p->count[id] < UINT16_MAX) {
            gs_Stay *s = &p->stays[p->first[id] + p->count[id]++];
            s->from = i;
            s->to = UINT64_MAX;
            s->band = (uint8_t)b;
            s->row = heap_take(&heaps[b]);
        }
        band[id] = (uint8_t)b;
    }
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        p->rows[b] = heaps[b].next;
        free(heaps[b].v);
    }
    free(band);
    free(dying);
    free(skip);
    if (rc < 0) {
        gs_placement_free(p);
        return -1;
    }
    return 0;
}

void gs_placement_free(gs_Placement *p)
{
    free(p->stays);
    free(p->first);
    free(p->count);
    memset(p, 0, sizeof *p);
}

const gs_Stay *gs_placement_at(const gs_Placement *p, uint32_t id, uint64_t ev)
{
    if (id >= p->nids || p->count[id] == 0)
        return NULL;
    const gs_Stay *s = &p->stays[p->first[id]];
    int lo = 0, hi = p->count[id] - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ev < s[mid].from)
            hi = mid - 1;
        else if (ev >= s[mid].to)
            lo = mid + 1;
        else
            return &s[mid];
    }
    return NULL;
}
