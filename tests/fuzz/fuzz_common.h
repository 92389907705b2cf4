/*
 * fuzz_common.h — helpers shared by the libFuzzer targets: walking a
 * timeline the way the viewer does (seek, step both ways, read every live
 * object, its label and edges, the frames and the collector state), so a
 * trace that loads can never crash the viewer's queries either.
 */
#ifndef GS_FUZZ_COMMON_H
#define GS_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "record/timeline.h"

/* The heap's bytes are the sum of the live objects' sizes, whatever the
 * trace did (events that fail are skipped both ways). */
static void fuzz_check_bytes(gs_Timeline *tl)
{
    gs_TLObject o;
    size_t cursor = 0, n = 0;
    uint64_t total = 0, gen[4] = { 0, 0, 0, 0 };
    while (gs_timeline_next_object(tl, &cursor, &o)) {
        if (++n > 100000)
            return;
        if (o.flags & GS_TLO_STATIC)
            continue;
        total += o.size;
        if (o.flags & GS_TLO_TRACKED)
            gen[o.gen & 3] += o.size;
    }
    gs_TLBytes by;
    gs_timeline_bytes(tl, &by);
    if (by.total != total || by.gen[0] != gen[0] || by.gen[1] != gen[1] || by.gen[2] != gen[2] ||
        by.gen[3] != gen[3] || gs_timeline_heap_bytes(tl) != total) {
        fprintf(stderr, "fuzz: position %zu: heap bytes %llu, the live objects' sizes add up to %llu\n",
                gs_timeline_pos(tl), (unsigned long long)by.total, (unsigned long long)total);
        abort();
    }
}

/* Everything the viewer reads at one position. */
static void fuzz_read_state(gs_Timeline *tl)
{
    gs_TLObject o;
    gs_TLEdge edges[64];
    gs_TLFrame frames[16];
    char label[128];
    size_t cursor = 0, seen = 0;
    while (gs_timeline_next_object(tl, &cursor, &o) && seen++ < 256) {
        gs_timeline_label(tl, o.id, label, sizeof label);
        gs_timeline_edges(tl, o.id, edges, 64);
        gs_TLObject again;
        gs_timeline_object(tl, o.id, &again);
    }
    size_t nf = gs_timeline_frames(tl, frames, 16);
    for (size_t i = 0; i < nf && i < 16; i++)
        gs_timeline_frame_names(tl, frames[i].id, edges, 64);
    gs_TLGC gc;
    gs_timeline_gc(tl, &gc);
    gs_timeline_line(tl);
    gs_timeline_depth(tl);
    gs_timeline_object_count(tl);
    gs_timeline_generation_bytes(tl, 5);
    fuzz_check_bytes(tl);
    /* ids that do not exist must be refused, not read */
    gs_timeline_object(tl, 0, &o);
    gs_timeline_object(tl, UINT32_MAX, &o);
    gs_timeline_label(tl, UINT32_MAX, label, sizeof label);
    gs_timeline_edges(tl, UINT32_MAX, edges, 64);
    gs_timeline_frame_names(tl, UINT32_MAX, edges, 64);
}

/* Walk the timeline with every stepping command the viewer has. */
static void fuzz_walk_timeline(gs_Timeline *tl)
{
    size_t n = gs_timeline_length(tl);
    gs_timeline_seek(tl, n);
    fuzz_read_state(tl);
    gs_timeline_seek(tl, n / 2);
    fuzz_read_state(tl);
    for (int i = 0; i < 8; i++)
        gs_timeline_step_event(tl, -1);
    for (int i = 0; i < 4; i++)
        gs_timeline_step_event(tl, +1);
    fuzz_read_state(tl);
    gs_timeline_seek(tl, 0);
    fuzz_read_state(tl);
    gs_timeline_step_event(tl, -1);
    gs_timeline_next_line(tl);
    gs_timeline_step_into(tl);
    gs_timeline_step_into(tl);
    gs_timeline_step_out(tl);
    gs_timeline_prev_line(tl);
    gs_timeline_step_back_into(tl);
    uint32_t lines[2] = { 1, 3 };
    gs_timeline_continue(tl, +1, lines, 2);
    gs_timeline_continue(tl, -1, lines, 2);
    gs_timeline_next_collection(tl, +1);
    gs_timeline_next_phase(tl, +1);
    fuzz_read_state(tl);
    gs_timeline_next_phase(tl, -1);
    gs_timeline_next_collection(tl, -1);
    gs_TLObject o;
    size_t cursor = 0;
    if (gs_timeline_next_object(tl, &cursor, &o)) {
        gs_timeline_watch(tl, +1, o.id);
        gs_timeline_watch(tl, -1, o.id);
    }
    gs_timeline_seek(tl, n + 100);
    gs_timeline_step_event(tl, +1);
    fuzz_read_state(tl);
}

#endif
