/*
 * scene.c — the gs_Scene container (see scene.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene.h"

void gs_scene_init(gs_Scene *s) { memset(s, 0, sizeof *s); s->collecting_gen = -1; }

void gs_scene_clear(gs_Scene *s)
{
    s->version++;
    s->nobjects = s->nslots = s->nframes = s->nnames = 0;
    s->event = s->nevents = 0;
    s->line = 0;
    memset(s->gens, 0, sizeof s->gens);
    s->permanent = 0;
    s->gc_enabled = true;
    s->in_collection = false;
    s->collecting_gen = -1;
    s->phase[0] = 0;
    s->edge_from = s->edge_to = 0;
    s->last_event[0] = 0;
    s->focus = 0;
    s->delta = 0;
    s->bytes = s->bytes_allocated = 0;
    memset(s->bytes_gen, 0, sizeof s->bytes_gen);
    s->nby_line = s->nby_type = 0;
}

void gs_scene_free(gs_Scene *s)
{
    free(s->objects);
    free(s->slots);
    free(s->frames);
    free(s->names);
    free(s->by_line);
    free(s->by_type);
    gs_scene_init(s);
}

#define GROW(arr, n, cap)                                                                                            \
    do {                                                                                                             \
        if ((n) == (cap)) {                                                                                          \
            int nc = (cap) ? (cap) * 2 : 64;                                                                         \
            void *na = realloc((arr), (size_t)nc * sizeof *(arr));                                                   \
            if (!na)                                                                                                 \
                return NULL;                                                                                         \
            (arr) = na;                                                                                              \
            (cap) = nc;                                                                                              \
        }                                                                                                            \
    } while (0)

gs_SceneObject *gs_scene_add_object(gs_Scene *s)
{
    GROW(s->objects, s->nobjects, s->capobjects);
    s->version++;
    gs_SceneObject *o = &s->objects[s->nobjects++];
    memset(o, 0, sizeof *o);
    o->first_slot = s->nslots;
    return o;
}

gs_SceneSlot *gs_scene_add_slot(gs_Scene *s, gs_SceneObject *owner)
{
    GROW(s->slots, s->nslots, s->capslots);
    s->version++;
    gs_SceneSlot *sl = &s->slots[s->nslots++];
    memset(sl, 0, sizeof *sl);
    if (owner->nslots == 0)
        owner->first_slot = s->nslots - 1;
    owner->nslots++;
    return sl;
}

gs_SceneStat *gs_scene_add_stat(gs_Scene *s, bool by_type)
{
    if (by_type) {
        GROW(s->by_type, s->nby_type, s->capby_type);
        gs_SceneStat *r = &s->by_type[s->nby_type++];
        memset(r, 0, sizeof *r);
        return r;
    }
    GROW(s->by_line, s->nby_line, s->capby_line);
    gs_SceneStat *r = &s->by_line[s->nby_line++];
    memset(r, 0, sizeof *r);
    return r;
}

gs_SceneFrame *gs_scene_add_frame(gs_Scene *s)
{
    GROW(s->frames, s->nframes, s->capframes);
    gs_SceneFrame *f = &s->frames[s->nframes++];
    memset(f, 0, sizeof *f);
    f->first_name = s->nnames;
    return f;
}

gs_SceneName *gs_scene_add_name(gs_Scene *s, gs_SceneFrame *owner)
{
    GROW(s->names, s->nnames, s->capnames);
    gs_SceneName *n = &s->names[s->nnames++];
    memset(n, 0, sizeof *n);
    if (owner->nnames == 0)
        owner->first_name = s->nnames - 1;
    owner->nnames++;
    return n;
}

static int cmp_obj(const void *a, const void *b)
{
    uint32_t x = ((const gs_SceneObject *)a)->id, y = ((const gs_SceneObject *)b)->id;
    return x < y ? -1 : x > y;
}

void gs_scene_sort(gs_Scene *s)
{
    /* slots are referenced by index from their owner, so they stay valid */
    s->version++;
    if (s->nobjects > 1) /* an empty scene has no array: qsort(NULL) is undefined */
        qsort(s->objects, (size_t)s->nobjects, sizeof *s->objects, cmp_obj);
}

const gs_SceneObject *gs_scene_find(const gs_Scene *s, uint32_t id)
{
    int lo = 0, hi = s->nobjects - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        uint32_t m = s->objects[mid].id;
        if (m == id)
            return &s->objects[mid];
        if (m < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

void gs_scene_format_bytes(uint64_t b, char *out, size_t n)
{
    if (n == 0)
        return;
    char raw[32];
    int len = snprintf(raw, sizeof raw, "%llu", (unsigned long long)b);
    size_t k = 0;
    for (int i = 0; i < len && k + 1 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0 && k + 2 < n)
            out[k++] = ',';
        out[k++] = raw[i];
    }
    out[k] = 0;
}
