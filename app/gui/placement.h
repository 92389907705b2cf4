/*
 * placement.h — where each object sits on the heap canvas, for the whole
 * run at once.
 *
 * One pass over the trace splits every object's life into stays (one per
 * band it lives in: generation 0, 1, 2, permanent, untracked) and gives each
 * stay a row: the lowest row of that band free when the stay begins.  So the
 * layout is deterministic (a function of the trace), stable (an object keeps
 * its row until it changes band or dies) and non-overlapping (two stays that
 * overlap in time never share a row).  Seeking to any event is a binary
 * search in the object's stays.
 */
#ifndef GS_PLACEMENT_H
#define GS_PLACEMENT_H

#include <stdint.h>

#include "record/trace.h"

typedef struct gs_Stay {
    uint64_t from;          /* first event index the stay covers */
    uint64_t to;            /* one past the last (UINT64_MAX: to the end) */
    uint8_t band;           /* gs_Band */
    uint32_t row;
} gs_Stay;

typedef struct gs_Placement {
    gs_Stay *stays;         /* grouped by object: stays[first[id] .. first[id] + count[id]) */
    uint32_t *first;
    uint16_t *count;
    uint32_t nids;          /* ids are < nids */
    uint32_t rows[5];       /* rows each band ever needs */
} gs_Placement;

/* What gets a place: objects the viewer does not draw take no rows. */
enum {
    GS_PLACE_PRIMITIVES  = 1 << 0,   /* ints, strs, floats, bools as their own boxes */
    GS_PLACE_DEFINITIONS = 1 << 1    /* functions, classes and class namespaces */
};

/* Compute from events 0..n of a trace; returns -1 on OOM. */
int gs_placement_build(gs_Placement *p, const gs_Trace *t, unsigned what);
void gs_placement_free(gs_Placement *p);
/* The stay of object `id` at event `ev`, or NULL if it is not alive then. */
const gs_Stay *gs_placement_at(const gs_Placement *p, uint32_t id, uint64_t ev);

#endif
