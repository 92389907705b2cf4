/*
 * test_timeline.c — the heap rebuilt from the trace equals the VM's own.
 *
 * 1. For every program in tests/programs, run it recording, and at sampled
 *    lines snapshot the VM's live heap (every non-static object's count,
 *    generation and references as gs_traverse reports them; every frame
 *    with its function and bound names).  Then rebuild the timeline from
 *    the trace alone, seek to each snapshot's event index in random order
 *    and compare: they must be identical.
 * 2. At random event indices (not only line starts) the state reached by
 *    different paths (forward, backward one event at a time, jumps through
 *    checkpoints) is the same.
 * 3. Incremental recording: a run in budgets of events, indexed as it goes,
 *    gives the same timeline as a run in one go.
 * 4. Stepping commands on small recorded programs.
 * 5. Every event carries the line of the frame that caused it: after a
 *    return (or a yield, or a call from C such as __del__ or __init__)
 *    events are credited to the caller's line again, and objects the
 *    caller's statement makes after the call say so (checked on every
 *    program of 1 and on small programs made for it).
 * 6. Sizes: every object's size in the timeline is the VM's sys.getsizeof
 *    at each snapshot, and at every position of a short run, stepped
 *    forward, backward and reached by seeks, the heap's bytes (in all and
 *    by generation) are the sums of the live objects' sizes.
 *
 * Run from the source directory (ctest sets WORKING_DIRECTORY).
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compile.h"
#include "runtime/object.h"
#include "record/timeline.h"
#include "runtime/runtime.h"
#include "runtime/vm.h"

static int failures, checks;

#define CHECK(cond, ...)                                                \
    do {                                                                \
        checks++;                                                       \
        if (!(cond)) {                                                  \
            failures++;                                                 \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                               \
            fputc('\n', stderr);                                        \
        }                                                               \
    } while (0)

/* ================================================================== deterministic randomness */

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* ================================================================== snapshots of the VM */

typedef struct Ref {
    uint32_t holder, sub, slot, target;
} Ref;

typedef struct ObjSnap {
    uint32_t id, kind, tracked, gen;
    int64_t refcnt;
    uint64_t size;
} ObjSnap;

typedef struct FrameSnap {
    uint32_t id, func, nnames;
    Ref *names;             /* holder = frame id, slot = name string id */
} FrameSnap;

typedef struct Snap {
    size_t pos;
    uint32_t line;
    ObjSnap *objs;
    size_t nobjs;
    Ref *refs;
    size_t nrefs, refcap;
    FrameSnap *frames;
    size_t nframes;
} Snap;

typedef struct Run {
    Snap *snaps;
    size_t nsnaps, cap;
    size_t lines_seen;
    size_t stride;          /* snapshot every stride-th line */
} Run;

static int cmp_ref(const void *a, const void *b)
{
    const Ref *x = a, *y = b;
    if (x->holder != y->holder)
        return x->holder < y->holder ? -1 : 1;
    if (x->sub != y->sub)
        return x->sub < y->sub ? -1 : 1;
    if (x->slot != y->slot)
        return x->slot < y->slot ? -1 : 1;
    return x->target < y->target ? -1 : x->target > y->target;
}

static void push_ref(Snap *s, Ref r)
{
    if (s->nrefs == s->refcap) {
        s->refcap = s->refcap ? s->refcap * 2 : 256;
        s->refs = realloc(s->refs, s->refcap * sizeof *s->refs);
    }
    s->refs[s->nrefs++] = r;
}

static int snap_visit(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    Snap *s = arg;
    uint32_t slot = cause.what;
    if (cause.kind == GS_CAUSE_ATTR) {
        /* instance attributes: the trace names them by string, gs_traverse by key object */
        gs_Object *key = gs_vm_object(vm, slot);
        slot = key && GS_KIND(key) == GS_K_STR ? gs_trace_string(&vm->trace, ((gs_Str *)key)->data,
                                                                 (size_t)((gs_Str *)key)->len)
                                               : 0xffffffffu;
    }
    if (cause.kind == GS_CAUSE_NAME && GS_KIND(holder) == GS_K_FRAME) {
        /* a frame object's locals: the trace names them by string, gs_traverse by slot */
        gs_FrameObj *fo = (gs_FrameObj *)holder;
        gs_Str *nm = fo->code->localnames[slot];
        slot = gs_trace_string(&vm->trace, nm->data, (size_t)nm->len);
    }
    push_ref(s, (Ref){ holder->id, cause.kind, slot, ref->id });
    return 0;
}

static void snapshot(Run *run, gs_VM *vm)
{
    if (run->nsnaps == run->cap) {
        run->cap = run->cap ? run->cap * 2 : 64;
        run->snaps = realloc(run->snaps, run->cap * sizeof *run->snaps);
    }
    Snap *s = &run->snaps[run->nsnaps++];
    memset(s, 0, sizeof *s);
    s->pos = vm->trace.n;
    s->line = vm->cur_line;
    s->objs = malloc((vm->objtab_cap + 1) * sizeof *s->objs);
    for (uint32_t id = 1; id < vm->objtab_cap; id++) {
        gs_Object *o = vm->objtab[id];
        if (!o || (o->gcflags & GS_GC_STATIC))
            continue;
        bool tracked = (o->gcflags & GS_GC_TRACKED) != 0;
        s->objs[s->nobjs++] = (ObjSnap){ id, o->kind, tracked, tracked ? o->gen : 0, o->refcnt, gs_sizeof(vm, o) };
        if (GS_KIND(o) != GS_K_GENERATOR)
            gs_traverse(vm, o, snap_visit, s);
    }
    qsort(s->refs, s->nrefs, sizeof *s->refs, cmp_ref);
    size_t nf = 0;
    for (gs_Frame *f = vm->frame; f; f = f->back)
        nf++;
    s->frames = calloc(nf + 1, sizeof *s->frames);
    for (gs_Frame *f = vm->frame; f; f = f->back) {
        FrameSnap *fs = &s->frames[s->nframes++];
        fs->id = f->id;
        /* a module or class body's frame names its namespace in the trace,
         * not its function (the timeline gives it as ns) */
        fs->func = f->func && !f->owns_locals ? f->func->ob.id : 0;
        fs->names = calloc((size_t)f->nlocalsplus + 2, sizeof *fs->names);
        if (f->locals_dict) /* the frame's f_locals dict, bound as "locals()" (frame.c) */
            fs->names[fs->nnames++] = (Ref){ f->id, GS_CAUSE_NAME, gs_trace_string(&vm->trace, "locals()", 8),
                                             f->locals_dict->id };
        for (int32_t i = 0; i < f->nlocalsplus; i++) {
            gs_Object *v = f->localsplus[i];
            if (!v)
                continue;
            gs_Str *nm = f->code->localnames[i];
            uint32_t sid = gs_trace_string(&vm->trace, nm->data, (size_t)nm->len);
            fs->names[fs->nnames++] = (Ref){ f->id, GS_CAUSE_NAME, sid, v->id };
        }
        qsort(fs->names, fs->nnames, sizeof *fs->names, cmp_ref);
    }
}

static void on_line(void *ctx, gs_VM *vm)
{
    /* every line of short runs; ever sparser in long ones (~150 ln n in all) */
    Run *run = ctx;
    if (run->lines_seen++ % run->stride == 0)
        snapshot(run, vm);
    run->stride = 1 + run->lines_seen / 150;
}

static void free_run(Run *run)
{
    for (size_t i = 0; i < run->nsnaps; i++) {
        Snap *s = &run->snaps[i];
        free(s->objs);
        free(s->refs);
        for (size_t k = 0; k < s->nframes; k++)
            free(s->frames[k].names);
        free(s->frames);
    }
    free(run->snaps);
}

/* ================================================================== comparing with the timeline */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static gs_TLEdge *edge_buf;
static size_t edge_cap;

static size_t tl_edges(const gs_Timeline *tl, uint32_t holder, bool frame)
{
    size_t n = frame ? gs_timeline_frame_names(tl, holder, edge_buf, edge_cap)
                     : gs_timeline_edges(tl, holder, edge_buf, edge_cap);
    if (n > edge_cap) {
        edge_cap = n * 2;
        edge_buf = realloc(edge_buf, edge_cap * sizeof *edge_buf);
        n = frame ? gs_timeline_frame_names(tl, holder, edge_buf, edge_cap)
                  : gs_timeline_edges(tl, holder, edge_buf, edge_cap);
    }
    return n;
}

/* Compare the timeline (already at s->pos) with the snapshot.  Returns the
 * number of differences (the first few are printed). */
static int compare(const char *name, const gs_Timeline *tl, const Snap *s)
{
    int diffs = 0;
#define DIFF(...)                                                                      \
    do {                                                                               \
        if (diffs++ < 5) {                                                             \
            fprintf(stderr, "%s: event %zu (line %u): ", name, s->pos, s->line);       \
            fprintf(stderr, __VA_ARGS__);                                              \
            fputc('\n', stderr);                                                       \
        }                                                                              \
    } while (0)
    /* live objects: the same set, counts, generations */
    size_t nlive = 0;
    size_t cur = 0;
    gs_TLObject o;
    uint32_t *ids = malloc((gs_timeline_object_count(tl) + 1) * sizeof *ids);
    while (gs_timeline_next_object(tl, &cur, &o))
        if (!(o.flags & GS_TLO_STATIC))
            ids[nlive++] = o.id;
    qsort(ids, nlive, sizeof *ids, cmp_u32);
    size_t a = 0, b = 0;
    while (a < s->nobjs || b < nlive) {
        if (b >= nlive || (a < s->nobjs && s->objs[a].id < ids[b])) {
            DIFF("obj %u (kind %u, refcount %lld) is live in the VM, not in the timeline", s->objs[a].id,
                 s->objs[a].kind, (long long)s->objs[a].refcnt);
            a++;
            continue;
        }
        if (a >= s->nobjs || ids[b] < s->objs[a].id) {
            char lab[128];
            gs_timeline_label(tl, ids[b], lab, sizeof lab);
            DIFF("obj %u (%s) is live in the timeline, not in the VM", ids[b], lab);
            b++;
            continue;
        }
        const ObjSnap *v = &s->objs[a];
        gs_timeline_object(tl, v->id, &o);
        if (o.refcnt != v->refcnt)
            DIFF("obj %u: refcount %lld in the VM, %lld in the timeline", v->id, (long long)v->refcnt,
                 (long long)o.refcnt);
        if (o.kind != v->kind)
            DIFF("obj %u: kind %u in the VM, %u in the timeline", v->id, v->kind, o.kind);
        if (o.size != v->size) {
            char lab[128];
            gs_timeline_label(tl, v->id, lab, sizeof lab);
            DIFF("obj %u (%s): size %llu in the VM, %u in the timeline", v->id, lab, (unsigned long long)v->size,
                 o.size);
        }
        bool tracked = (o.flags & GS_TLO_TRACKED) != 0;
        if (tracked != (bool)v->tracked || (tracked && o.gen != v->gen))
            DIFF("obj %u: tracked %u gen %u in the VM, tracked %d gen %u in the timeline", v->id, v->tracked,
                 v->gen, tracked, o.gen);
        a++;
        b++;
    }
    /* references of every live object */
    Ref *trefs = NULL;
    size_t ntrefs = 0, tcap = 0;
    for (size_t k = 0; k < nlive; k++) {
        gs_timeline_object(tl, ids[k], &o);
        if (o.kind == GS_K_GENERATOR)
            continue;
        size_t n = tl_edges(tl, ids[k], false);
        for (size_t j = 0; j < n; j++) {
            if (ntrefs == tcap) {
                tcap = tcap ? tcap * 2 : 256;
                trefs = realloc(trefs, tcap * sizeof *trefs);
            }
            trefs[ntrefs++] = (Ref){ edge_buf[j].holder, edge_buf[j].sub, edge_buf[j].slot, edge_buf[j].target };
        }
    }
    qsort(trefs, ntrefs, sizeof *trefs, cmp_ref);
    a = b = 0;
    while (a < s->nrefs || b < ntrefs) {
        int c = a >= s->nrefs ? 1 : b >= ntrefs ? -1 : cmp_ref(&s->refs[a], &trefs[b]);
        if (c < 0) {
            const Ref *r = &s->refs[a++];
            char lab[128];
            gs_timeline_label(tl, r->holder, lab, sizeof lab);
            DIFF("reference %u (%s) -%s %u-> %u is in the VM, not in the timeline", r->holder, lab,
                 gs_cause_kind_name((int)r->sub), r->slot, r->target);
        } else if (c > 0) {
            const Ref *r = &trefs[b++];
            char lab[128];
            gs_timeline_label(tl, r->holder, lab, sizeof lab);
            DIFF("reference %u (%s) -%s %u-> %u is in the timeline, not in the VM", r->holder, lab,
                 gs_cause_kind_name((int)r->sub), r->slot, r->target);
        } else {
            a++;
            b++;
        }
    }
    free(trefs);
    free(ids);
    /* frames */
    gs_TLFrame fr[512];
    size_t nf = gs_timeline_frames(tl, fr, 512);
    if (nf != s->nframes)
        DIFF("%zu frames in the VM, %zu in the timeline", s->nframes, nf);
    for (size_t k = 0; k < nf && k < s->nframes && k < 512; k++) {
        const FrameSnap *vf = &s->frames[k];
        if (fr[k].id != vf->id || fr[k].func != vf->func) {
            DIFF("frame %zu: id %u func %u in the VM, id %u func %u in the timeline", k, vf->id, vf->func,
                 fr[k].id, fr[k].func);
            continue;
        }
        size_t n = tl_edges(tl, fr[k].id, true);
        Ref *names = malloc((n + 1) * sizeof *names);
        for (size_t j = 0; j < n; j++)
            names[j] = (Ref){ edge_buf[j].holder, GS_CAUSE_NAME, edge_buf[j].slot, edge_buf[j].target };
        qsort(names, n, sizeof *names, cmp_ref);
        bool same = n == vf->nnames;
        for (size_t j = 0; same && j < n; j++)
            same = cmp_ref(&names[j], &vf->names[j]) == 0;
        if (!same) {
            const gs_Trace *tr = gs_timeline_trace(tl);
            char vb[512] = "", tb[512] = "";
            for (size_t j = 0; j < vf->nnames; j++)
                snprintf(vb + strlen(vb), sizeof vb - strlen(vb), " %s=%u",
                         gs_trace_string_at(tr, vf->names[j].slot, NULL), vf->names[j].target);
            for (size_t j = 0; j < n; j++)
                snprintf(tb + strlen(tb), sizeof tb - strlen(tb), " %s=%u",
                         gs_trace_string_at(tr, names[j].slot, NULL), names[j].target);
            DIFF("frame %u names: VM{%s } timeline{%s }", vf->id, vb, tb);
        }
        free(names);
    }
    return diffs;
#undef DIFF
}

/* ================================================================== a canonical dump of the timeline's state */

static char *dump_state(const gs_Timeline *tl, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    size_t nlive = gs_timeline_object_count(tl), n = 0, cur = 0;
    gs_TLObject *objs = malloc((nlive + 1) * sizeof *objs);
    while (n < nlive + 1 && gs_timeline_next_object(tl, &cur, &objs[n]))
        n++;
    uint32_t *ids = malloc((n + 1) * sizeof *ids);
    for (size_t k = 0; k < n; k++)
        ids[k] = objs[k].id;
    qsort(ids, n, sizeof *ids, cmp_u32);
    for (size_t k = 0; k < n; k++) {
        gs_TLObject o;
        gs_timeline_object(tl, ids[k], &o);
        fprintf(f, "o%u f%x k%u g%u t%u %u/%u rc%lld gr%lld len%u size%u\n", o.id, o.flags, o.kind, o.gen, o.type, o.b,
                o.c, (long long)o.refcnt, (long long)((o.flags & GS_TLO_IN_GC) ? o.gc_refs : 0), o.length, o.size);
        size_t ne = tl_edges(tl, o.id, false);
        for (size_t j = 0; j < ne; j++)
            fprintf(f, "  %u %u -> %u\n", edge_buf[j].sub, edge_buf[j].slot, edge_buf[j].target);
    }
    gs_TLFrame fr[256];
    size_t nf = gs_timeline_frames(tl, fr, 256);
    for (size_t k = 0; k < nf && k < 256; k++) {
        fprintf(f, "frame %u name %u parent %u func %u ns %u depth %u line %u\n", fr[k].id, fr[k].name, fr[k].parent,
                fr[k].func, fr[k].ns, fr[k].depth, fr[k].line);
        size_t ne = tl_edges(tl, fr[k].id, true);
        for (size_t j = 0; j < ne; j++)
            fprintf(f, "  %u = %u\n", edge_buf[j].slot, edge_buf[j].target);
    }
    gs_TLGC g;
    gs_timeline_gc(tl, &g);
    fprintf(f, "gc %d %u %u %u %u %u %u\n", g.collecting, g.generation, g.phase, g.start_event, g.collections,
            g.collected, g.uncollectable);
    fprintf(f, "line %u depth %u\n", gs_timeline_line(tl), gs_timeline_depth(tl));
    gs_TLBytes by;
    gs_timeline_bytes(tl, &by);
    fprintf(f, "bytes %llu %llu %llu %llu %llu %llu\n", (unsigned long long)by.total, (unsigned long long)by.allocated,
            (unsigned long long)by.gen[0], (unsigned long long)by.gen[1], (unsigned long long)by.gen[2],
            (unsigned long long)by.gen[3]);
    fclose(f);
    free(ids);
    free(objs);
    return buf;
}

/* ================================================================== running programs */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = 0;
    fclose(f);
    return buf;
}

static void quiet(void *ctx, const char *s, size_t n) { (void)ctx; (void)s; (void)n; }

/* Run `src` recording.  budget 0 = in one go; otherwise in budgets, indexing
 * `tl` (if given) after each pause.  Returns the VM (caller frees) or NULL
 * if the program does not compile. */
static gs_VM *record(const char *name, const char *src, size_t len, Run *run, uint64_t budget, gs_Timeline **tlp)
{
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = true;
    cfg.write_out = quiet;
    cfg.write_err = quiet;
    if (run) {
        cfg.on_line = on_line;
        cfg.on_line_ctx = run;
    }
    gs_VM *vm = gs_vm_new(&cfg);
    gs_Error err;
    if (gs_load_program(vm, name, src, len, &err) < 0) {
        gs_error_clear(&err);
        gs_vm_free(vm);
        return NULL;
    }
    if (tlp)
        *tlp = gs_timeline_new(&vm->trace, NULL);
    for (;;) {
        gs_RunStatus st = gs_vm_run(vm, budget, &err);
        gs_error_clear(&err);
        if (tlp)
            gs_timeline_sync(*tlp);
        if (st != GS_RUN_PAUSED)
            break;
    }
    return vm;
}

static int nprograms, nsnapshots, npaths;

/* Different paths to the same position give the same state. */
static void check_paths(const char *name, gs_Timeline *tl)
{
    size_t n = gs_timeline_length(tl);
    for (int k = 0; k < 12; k++) {
        size_t p = n ? (size_t)(rnd() % (n + 1)) : 0;
        size_t la, lb, lc;
        gs_timeline_seek(tl, 0);
        gs_timeline_seek(tl, p);
        char *fwd = dump_state(tl, &la);
        gs_timeline_seek(tl, n);
        size_t back = p + (size_t)(rnd() % 200);
        gs_timeline_seek(tl, back < n ? back : n);
        while (gs_timeline_pos(tl) > p)
            gs_timeline_step_event(tl, -1);
        char *bwd = dump_state(tl, &lb);
        gs_timeline_seek(tl, (size_t)(rnd() % (n + 1)));
        gs_timeline_seek(tl, p);
        char *jump = dump_state(tl, &lc);
        CHECK(la == lb && memcmp(fwd, bwd, la) == 0, "%s: position %zu forward differs from backward:\n%s\n--\n%s",
              name, p, fwd, bwd);
        CHECK(la == lc && memcmp(fwd, jump, la) == 0, "%s: position %zu forward differs from a jump", name, p);
        free(fwd);
        free(bwd);
        free(jump);
        npaths++;
    }
}

/* ================================================================== lines follow the frame stack */

/* A frame as check_lines models it: its id and the line of its latest line
 * event (0 before its first). */
typedef struct LineFrame {
    uint32_t id, line;
} LineFrame;

typedef struct LineStats {
    size_t pops;            /* frame_pop events followed */
    size_t after_pop;       /* events checked between a frame_pop and the next line event */
} LineStats;

/* The line an event must carry: the latest line of the innermost frame that
 * has started one (a frame binding its arguments runs on its caller's). */
static uint32_t model_line(const LineFrame *st, size_t n)
{
    while (n-- > 0)
        if (st[n].line)
            return st[n].line;
    return 0;
}

/* Walk the trace with a model of the frame stack and check every event's
 * line: the frame that caused it is on top, so the line is the top frame's
 * latest line event (a frame_pop is the leaving frame's doing, a frame_push
 * the calling frame's).  And the property as a student sees it: after every
 * frame_pop, each event up to the next line event carries the caller's line
 * (unless a suspended generator resumes first: it goes on from the line it
 * yielded on). */
static void check_lines(const char *name, const gs_Trace *tr, LineStats *stats)
{
    enum { MAXF = 1100, MAXS = 256 };
    static LineFrame st[MAXF], susp[MAXS];
    size_t n = 0, ns = 0;
    int bad = 0;
    bool after_pop = false;
    uint32_t caller_line = 0;
    for (size_t i = 0; i < tr->n && bad < 3; i++) {
        gs_Event e = gs_trace_get(tr, i);
        if (e.kind == GS_EV_LINE) {
            CHECK(n > 0 && st[n - 1].id == e.obj, "%s: event %zu: a line event of frame %u, not the top frame", name,
                  i, e.obj);
            if (n > 0)
                st[n - 1].line = e.line;
            after_pop = false;
            continue;
        }
        uint32_t want = model_line(st, n);
        if (want && e.line != want) {
            CHECK(0, "%s: event %zu (%s) carries line %u; the frame executing is on line %u", name, i,
                  gs_event_kind_name((gs_EventKind)e.kind), e.line, want);
            bad++;
        }
        if (after_pop && e.kind == GS_EV_FRAME_PUSH && e.sub == 1)
            after_pop = false;
        if (after_pop) {
            if (e.line != caller_line) {
                CHECK(0, "%s: event %zu (%s) after a return carries line %u, not the caller's line %u", name, i,
                      gs_event_kind_name((gs_EventKind)e.kind), e.line, caller_line);
                bad++;
            }
            if (stats)
                stats->after_pop++;
        }
        if (e.kind == GS_EV_FRAME_PUSH) {
            LineFrame f = { e.obj, 0 };
            if (e.sub == 1) /* a generator resumes: it keeps the line it stopped on */
                for (size_t k = 0; k < ns; k++)
                    if (susp[k].id == e.obj) {
                        f = susp[k];
                        susp[k] = susp[--ns];
                        break;
                    }
            if (n < MAXF)
                st[n++] = f;
        } else if (e.kind == GS_EV_FRAME_POP && e.sub <= 1) {
            CHECK(n > 0 && st[n - 1].id == e.obj, "%s: event %zu pops frame %u, not the top frame", name, i, e.obj);
            if (n == 0)
                continue;
            if (e.sub == 1 && ns < MAXS)
                susp[ns++] = st[n - 1];
            n--;
            caller_line = model_line(st, n);
            after_pop = n > 0 && caller_line != 0;
            if (stats)
                stats->pops++;
        } else if (e.kind == GS_EV_FRAME_POP) { /* a suspended frame discarded with its generator */
            for (size_t k = 0; k < ns; k++)
                if (susp[k].id == e.obj) {
                    susp[k] = susp[--ns];
                    break;
                }
        }
    }
}

/* The object bound to global `name` at the end of the run (0 if none): a
 * value in the module frame's namespace dict. */
static uint32_t global_object(gs_Timeline *tl, const char *name)
{
    const gs_Trace *tr = gs_timeline_trace(tl);
    uint32_t ns = 0;
    for (size_t i = 0; i < tr->n && !ns; i++) {
        gs_Event e = gs_trace_get(tr, i);
        if (e.kind == GS_EV_FRAME_PUSH && e.b == 0)
            ns = e.c;
    }
    gs_timeline_seek(tl, gs_timeline_length(tl));
    gs_TLEdge ed[256];
    size_t ne = gs_timeline_edges(tl, ns, ed, 256);
    for (size_t k = 0; k < ne && k < 256; k++) {
        gs_TLObject key;
        if (ed[k].sub != GS_CAUSE_VALUE || !gs_timeline_object(tl, ed[k].slot, &key) || key.kind != GS_K_STR)
            continue;
        const char *s = gs_trace_string_at(tr, key.b, NULL);
        if (s && strcmp(s, name) == 0)
            return ed[k].target;
    }
    return 0;
}

/* Programs where a frame leaves and its caller goes on in the same
 * statement, each with objects that statement makes after the call: global
 * name = the line it must say it was created on.  Every `#` line number is
 * the source line. */
typedef struct LineCase {
    const char *name, *src;
    struct {
        const char *global;
        uint32_t line;
    } made[4];
    uint32_t last_line;     /* the line shown at the end (0: not checked) */
} LineCase;

static const LineCase line_cases[] = {
    { "nested calls, a return value stored in the caller",
      "def g():\n"                  /* 1 */
      "    b = [2]\n"               /* 2 */
      "    return b\n"              /* 3 */
      "def f():\n"                  /* 4 */
      "    a = g()\n"               /* 5 */
      "    c = (a, [a])\n"          /* 6 */
      "    return c\n"              /* 7 */
      "x = f()\n"                   /* 8 */
      "y = [f(), 1]\n"              /* 9 */
      "z = [1, g()]\n",             /* 10 */
      { { "x", 6 }, { "y", 9 }, { "z", 10 } }, 10 },
    { "a __del__ run by a rebinding in the caller",
      "class D:\n"                          /* 1 */
      "    def __del__(self):\n"            /* 2 */
      "        t = [1]\n"                   /* 3 */
      "        u = [t]\n"                   /* 4 */
      "d = D()\n"                           /* 5 */
      "d = None; after = [5]\n"             /* 6 */
      "def h():\n"                          /* 7 */
      "    d = D()\n"                       /* 8 */
      "    d = 0; return [d]\n"             /* 9 */
      "r = h()\n"                           /* 10 */
      "last = D()\n"                        /* 11 */
      "last = 1\n",                         /* 12 */
      { { "after", 6 }, { "r", 9 } }, 12 },
    { "__init__ called from C",
      "class P:\n"                          /* 1 */
      "    def __init__(self):\n"           /* 2 */
      "        self.v = [1]\n"              /* 3 */
      "        self.w = 2\n"                /* 4 */
      "p = [P(), 9]\n",                     /* 5 */
      { { "p", 5 } }, 5 },
    { "a generator resumed from the caller",
      "def gen():\n"                        /* 1 */
      "    x = yield [1]\n"                 /* 2 */
      "    yield [x, 2]\n"                  /* 3 */
      "    w = [3]\n"                       /* 4 */
      "g = gen()\n"                         /* 5 */
      "a = [next(g), 10]\n"                 /* 6 */
      "b = [g.send(5), 20]\n"               /* 7 */
      "c = [list(g), 30]\n"                 /* 8 */
      "for v in gen():\n"                   /* 9 */
      "    k = [v]\n",                      /* 10 */
      { { "a", 6 }, { "b", 7 }, { "c", 8 } }, 0 },
    { "an exception propagating out of a call",
      "def bad():\n"                        /* 1 */
      "    t = [1]\n"                       /* 2 */
      "    raise ValueError('x')\n"         /* 3 */
      "def mid():\n"                        /* 4 */
      "    return [bad()]\n"                /* 5 */
      "try:\n"                              /* 6 */
      "    mid()\n"                         /* 7 */
      "except ValueError as e:\n"           /* 8 */
      "    got = [str(e)]\n"                /* 9 */
      "try:\n"                              /* 10 */
      "    bad()\n"                         /* 11 */
      "except ValueError:\n"                /* 12 */
      "    pass\n",                         /* 13 */
      { { "got", 9 } }, 0 },
    { "a class body",
      "class K:\n"                          /* 1 */
      "    a = [1]\n"                       /* 2 */
      "    def m(self):\n"                  /* 3 */
      "        return 1\n"                  /* 4 */
      "    b = (2, [a])\n"                  /* 5 */
      "k = [K, 2]\n",                       /* 6 */
      { { "K", 1 }, { "k", 6 } }, 6 },
    { "a comprehension",
      "class P:\n"                          /* 1 */
      "    def __init__(self, k):\n"        /* 2 */
      "        self.k = k\n"                /* 3 */
      "xs = [[i]\n"                         /* 4 */
      "      for i in range(3)]\n"          /* 5 */
      "ys = [[P(k)] for k in range(2)]; first = ys[0]\n" /* 6 */
      "ds = ({k: [k]\n"                     /* 7 */
      "       for k in range(2)}, [0])\n"   /* 8 */
      "zs = [sum(j\n"                       /* 9 */
      "          for j in range(4)), 1]\n", /* 10 */
      { { "first", 6 }, { "ds", 7 }, { "zs", 9 } }, 9 },
    { "weakref and gc callbacks",
      "import gc, weakref\n"                /* 1 */
      "class C:\n"                          /* 2 */
      "    pass\n"                          /* 3 */
      "def cb(r):\n"                        /* 4 */
      "    seen = [r]\n"                    /* 5 */
      "def on_gc(phase, info):\n"           /* 6 */
      "    seen = [phase]\n"                /* 7 */
      "o = C()\n"                           /* 8 */
      "w = weakref.ref(o, cb)\n"            /* 9 */
      "del o; after_cb = [1]\n"             /* 10 */
      "gc.callbacks.append(on_gc)\n"        /* 11 */
      "n = [gc.collect(), 2]\n"             /* 12 */
      "gc.callbacks.clear()\n",             /* 13 */
      { { "after_cb", 10 }, { "n", 12 } }, 13 },
};

static gs_VM *record_src(const char *src, gs_Timeline **tl);

static void test_lines_follow_frames(void)
{
    LineStats stats = { 0, 0 };
    for (size_t c = 0; c < sizeof line_cases / sizeof line_cases[0]; c++) {
        const LineCase *lc = &line_cases[c];
        gs_Timeline *tl;
        gs_VM *vm = record_src(lc->src, &tl);
        CHECK(vm != NULL, "%s: compiles", lc->name);
        if (!vm)
            continue;
        size_t pops = stats.pops;
        check_lines(lc->name, &vm->trace, &stats);
        CHECK(stats.pops > pops, "%s: frames returned", lc->name);
        for (int k = 0; k < 4 && lc->made[k].global; k++) {
            uint32_t id = global_object(tl, lc->made[k].global);
            gs_TLObject o;
            CHECK(id && gs_timeline_object(tl, id, &o), "%s: %s is alive at the end", lc->name, lc->made[k].global);
            if (id && gs_timeline_object(tl, id, &o))
                CHECK(o.alloc_line == lc->made[k].line, "%s: %s says it was created on line %u (want %u)", lc->name,
                      lc->made[k].global, o.alloc_line, lc->made[k].line);
        }
        if (lc->last_line) {
            gs_timeline_seek(tl, gs_timeline_length(tl));
            CHECK(gs_timeline_line(tl) == lc->last_line, "%s: the run ends on line %u (want %u)", lc->name,
                  gs_timeline_line(tl), lc->last_line);
        }
        /* just after each return the viewer's line is the caller's */
        const gs_Trace *tr = &vm->trace;
        for (size_t i = 0; i + 1 < tr->n; i++) {
            gs_Event e = gs_trace_get(tr, i), next = gs_trace_get(tr, i + 1);
            if (e.kind != GS_EV_FRAME_POP || e.sub != 0 || e.b == 0 || next.kind == GS_EV_LINE)
                continue;
            gs_timeline_seek(tl, i + 1);
            CHECK(gs_timeline_line(tl) == next.line, "%s: after the return at event %zu the viewer's line is %u, the next event's %u",
                  lc->name, i, gs_timeline_line(tl), next.line);
        }
        gs_timeline_free(tl);
        gs_vm_free(vm);
    }
    CHECK(stats.after_pop > 100, "events after returns were checked (%zu)", stats.after_pop);
}

static void test_source(const char *file, const char *path, const char *src, size_t len);

/* The heap's bytes at the current position are the sums of the live
 * objects' sizes: all, those with an alloc event, by generation. */
static bool bytes_add_up(const char *name, const gs_Timeline *tl)
{
    uint64_t total = 0, allocated = 0, gen[4] = { 0, 0, 0, 0 };
    size_t cur = 0;
    gs_TLObject o;
    while (gs_timeline_next_object(tl, &cur, &o)) {
        if (o.flags & GS_TLO_STATIC)
            continue;
        total += o.size;
        if (o.alloc_event != UINT32_MAX)
            allocated += o.size;
        if (o.flags & GS_TLO_TRACKED)
            gen[o.gen & 3] += o.size;
    }
    gs_TLBytes by;
    gs_timeline_bytes(tl, &by);
    bool ok = by.total == total && by.allocated == allocated && gs_timeline_heap_bytes(tl) == total;
    for (int g = 0; g < 4; g++)
        ok = ok && by.gen[g] == gen[g] && gs_timeline_generation_bytes(tl, g) == gen[g];
    CHECK(ok, "%s: position %zu: heap bytes %llu (allocated %llu, gens %llu %llu %llu %llu), the live objects' sizes "
              "add up to %llu (allocated %llu, gens %llu %llu %llu %llu)",
          name, gs_timeline_pos(tl), (unsigned long long)by.total, (unsigned long long)by.allocated,
          (unsigned long long)by.gen[0], (unsigned long long)by.gen[1], (unsigned long long)by.gen[2],
          (unsigned long long)by.gen[3], (unsigned long long)total, (unsigned long long)allocated,
          (unsigned long long)gen[0], (unsigned long long)gen[1], (unsigned long long)gen[2], (unsigned long long)gen[3]);
    return ok;
}

static int nbyte_positions;
/* Runs longer than this are not checked at every position (--bytes-limit N:
 * the sanitizer build, about 20 times slower, uses a smaller one). */
static size_t bytes_limit = 20000;
/* Only every k-th program of the directory (--every K: the sanitizer build,
 * whose own program tests already run each one recorded). */
static size_t every = 1;

/* Every position of a short run: forward one event at a time, back again,
 * and a few dozen seeks in random order. */
static void check_bytes_everywhere(const char *name, gs_Timeline *tl)
{
    size_t n = gs_timeline_length(tl);
    if (n > bytes_limit)
        return;
    gs_timeline_seek(tl, 0);
    bool ok = bytes_add_up(name, tl);
    while (ok && gs_timeline_pos(tl) < n) {
        gs_timeline_step_event(tl, 1);
        ok = bytes_add_up(name, tl);
        nbyte_positions++;
    }
    while (ok && gs_timeline_pos(tl) > 0) {
        gs_timeline_step_event(tl, -1);
        ok = bytes_add_up(name, tl);
        nbyte_positions++;
    }
    for (int k = 0; ok && k < 40; k++) {
        gs_timeline_seek(tl, (size_t)(rnd() % (n + 1)));
        ok = bytes_add_up(name, tl);
        nbyte_positions++;
    }
}

static void test_program(const char *dir, const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    size_t len;
    char *src = read_all(path, &len);
    if (!src)
        return;
    test_source(file, path, src, len);
    free(src);
}

static void test_source(const char *file, const char *path, const char *src, size_t len)
{
    Run run;
    memset(&run, 0, sizeof run);
    run.stride = 1;
    gs_VM *vm = record(path, src, len, &run, 0, NULL);
    if (!vm) {
        free_run(&run);
        return;
    }
    nprograms++;
    check_lines(file, &vm->trace, NULL);
    gs_TimelineConfig tc = { .checkpoint_every = 97, .strict = true };
    gs_Timeline *tl = gs_timeline_new(&vm->trace, &tc);
    CHECK(gs_timeline_sync(tl) == 0, "%s: sync", file);
    size_t bad;
    char msg[300];
    if (gs_timeline_first_error(tl, &bad, msg, sizeof msg))
        CHECK(0, "%s: the trace does not replay: %s", file, msg);
    /* snapshots in random order */
    for (size_t k = run.nsnaps; k > 1; k--) {
        size_t j = (size_t)(rnd() % k);
        Snap t = run.snaps[k - 1];
        run.snaps[k - 1] = run.snaps[j];
        run.snaps[j] = t;
    }
    int diffs = 0;
    for (size_t k = 0; k < run.nsnaps && diffs < 3; k++) {
        gs_timeline_seek(tl, run.snaps[k].pos);
        int d = compare(file, tl, &run.snaps[k]);
        CHECK(d == 0, "%s: %d differences at event %zu", file, d, run.snaps[k].pos);
        diffs += d != 0;
        nsnapshots++;
    }
    check_paths(file, tl);
    check_bytes_everywhere(file, tl);
    gs_timeline_free(tl);
    free_run(&run);
    gs_vm_free(vm);
}

/* Programs for what tests/programs does not cover yet: closures,
 * generators, exception chaining, sorting, collections with finalizers. */
static const char *extra_programs[][2] = {
    { "closures", "def outer(n):\n    total = [n]\n    def add(k):\n        total[0] += k\n        return total[0]\n"
                  "    return add\nf = outer(1)\nf(2)\ng = outer(10)\nprint(f(3), g(4))\n"
                  "def counter():\n    c = 0\n    def inc():\n        nonlocal c\n        c += 1\n        return c\n"
                  "    return inc\ni = counter()\ni()\ni()\nprint(i())\ndel f, g, i\n" },
    { "generators", "def gen(n):\n    acc = []\n    for i in range(n):\n        acc.append(i)\n        yield i\n"
                    "    return acc\ng = gen(3)\nprint(next(g))\nprint(next(g))\nfor x in gen(2):\n    print(x)\n"
                    "h = gen(5)\nnext(h)\ndel h\nprint(list(gen(4)))\nprint(sum(x * x for x in range(4)))\n"
                    "g2 = gen(1)\ndel g2\n" },
    { "exceptions", "class E(Exception):\n    pass\ndef f():\n    try:\n        1 / 0\n    except ZeroDivisionError as z:\n"
                    "        raise E('wrapped') from z\ntry:\n    f()\nexcept E as e:\n    err = e\n"
                    "print(type(err.__cause__).__name__)\ntry:\n    try:\n        {}['k']\n    except KeyError:\n"
                    "        [][1]\nexcept IndexError as e2:\n    ctx = e2.__context__\nprint(type(ctx).__name__)\n"
                    "err.__traceback__ = None\ndel err, ctx\n" },
    { "sorting", "words = ['pear', 'fig', 'apple', 'kiwi']\nwords.sort()\nwords.sort(key=len, reverse=True)\n"
                 "words.reverse()\nnums = sorted([3, 1, 2])\nprint(words, nums)\npairs = list(zip(words, nums))\n"
                 "d = {w: len(w) for w in words}\nks = d.keys()\nfor i, w in enumerate(words):\n    d[w] = i\n"
                 "print(sorted(d.items()), list(ks))\ns = {1, 2, 3}\ns.add(4)\ns.discard(1)\nprint(sorted(s))\n" },
    { "classes", "class A:\n    kind = 'a'\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n"
                 "        return self.v\nclass B(A):\n    def get(self):\n        return A.get(self) * 2\n"
                 "class C(B):\n    pass\nb = C(4)\nm = b.get\nprint(m(), b.__dict__)\nb.w = [b]\ndef fn():\n    pass\n"
                 "fn.attr = b\ndel b, m\nprint(fn.attr.v)\ndel fn\nlam = lambda x, *a, **k: (x, a, k)\n"
                 "print(lam(1, 2, z=3))\n" },
    { "collections", "import gc\nclass N:\n    def __init__(self, name):\n        self.name = name\n"
                     "    def __del__(self):\n        print('del', self.name)\na = N('a')\nb = N('b')\n"
                     "a.peer = b\nb.peer = a\nl = [1]\nl.append(l)\ndel a, b, l\nprint(gc.collect())\n"
                     "c = N('c')\nc.me = c\nd = {'c': c}\nd['d'] = d\ndel c, d\ngc.collect()\nprint('end')\n" },
};

static void test_extra_programs(void)
{
    for (size_t i = 0; i < sizeof extra_programs / sizeof extra_programs[0]; i++)
        test_source(extra_programs[i][0], extra_programs[i][0], extra_programs[i][1], strlen(extra_programs[i][1]));
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void test_all_programs(const char *dir)
{
    DIR *d = opendir(dir);
    CHECK(d != NULL, "cannot open %s", dir);
    if (!d)
        return;
    char *names[2048];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 2048) {
        size_t l = strlen(e->d_name);
        if (l > 3 && strcmp(e->d_name + l - 3, ".py") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (i % every == 0)
            test_program(dir, names[i]);
        free(names[i]);
    }
}

/* ================================================================== incremental recording */

static void test_incremental(const char *dir)
{
    const char *files[] = { "scenario_binary_tree_insert_and_walk.py", "rc_list_append_insert_pop_remove.py",
                            "flow_recursion_factorial_and_fibonacci.py" };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        size_t len;
        char *src = read_all(path, &len);
        if (!src)
            continue;
        gs_Timeline *inc = NULL;
        gs_VM *a = record(path, src, len, NULL, 50, &inc);
        gs_VM *b = record(path, src, len, NULL, 0, NULL);
        CHECK(a && b && a->trace.n == b->trace.n, "%s: same events in budgets and in one go", files[f]);
        if (a && b) {
            gs_Timeline *whole = gs_timeline_new(&b->trace, NULL);
            gs_timeline_sync(whole);
            CHECK(gs_timeline_length(inc) == gs_timeline_length(whole), "%s: indexed everything", files[f]);
            size_t n = gs_timeline_length(whole);
            for (int k = 0; k < 20; k++) {
                size_t p = (size_t)(rnd() % (n + 1)), la, lb;
                gs_timeline_seek(inc, p);
                gs_timeline_seek(whole, p);
                char *x = dump_state(inc, &la), *y = dump_state(whole, &lb);
                CHECK(la == lb && memcmp(x, y, la) == 0, "%s: incremental timeline differs at %zu", files[f], p);
                free(x);
                free(y);
            }
            gs_timeline_free(whole);
        }
        gs_timeline_free(inc);
        gs_vm_free(a);
        gs_vm_free(b);
        free(src);
    }
}

/* A statement that passes the event limit by far (each `l += l` doubles
 * the list) is cut from the trace; a timeline indexing between budgets, as
 * the viewer does, must never have indexed what the cut removes (the VM
 * does not pause once the limit is hit).  Found by fuzz_run. */
static void test_cut_after_pause(void)
{
    const char *src = "l = [0]\nwhile True:\n    l += l\n";
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = true;
    cfg.max_events = 50000;
    cfg.write_out = quiet;
    cfg.write_err = quiet;
    gs_VM *vm = gs_vm_new(&cfg);
    gs_Error err;
    memset(&err, 0, sizeof err);
    CHECK(vm && gs_load_program(vm, "cut.py", src, strlen(src), &err) == 0, "cut.py loads");
    if (!vm)
        return;
    gs_Timeline *tl = gs_timeline_new(&vm->trace, NULL);
    gs_RunStatus st;
    size_t most = 0;
    do {
        gs_error_clear(&err);
        st = gs_vm_run(vm, 3000, &err);
        gs_timeline_sync(tl);
        if (gs_timeline_length(tl) > most)
            most = gs_timeline_length(tl);
    } while (st == GS_RUN_PAUSED);
    gs_error_clear(&err);
    CHECK(st == GS_RUN_LIMIT, "the event limit stops it (status %d)", (int)st);
    CHECK(most <= vm->trace.n, "indexed %zu events, the trace keeps %zu", most, vm->trace.n);
    size_t bad;
    char msg[300];
    CHECK(!gs_timeline_first_error(tl, &bad, msg, sizeof msg), "the cut trace replays: %s",
          gs_timeline_first_error(tl, &bad, msg, sizeof msg) ? msg : "");
    gs_timeline_seek(tl, gs_timeline_length(tl));
    gs_timeline_seek(tl, 0);
    gs_timeline_free(tl);
    gs_vm_free(vm);
}

/* ================================================================== stepping */

static gs_VM *record_src(const char *src, gs_Timeline **tl)
{
    gs_VM *vm = record("<test>", src, strlen(src), NULL, 0, NULL);
    if (!vm)
        return NULL;
    gs_TimelineConfig tc = { .checkpoint_every = 31, .strict = true };
    *tl = gs_timeline_new(&vm->trace, &tc);
    gs_timeline_sync(*tl);
    size_t bad;
    char msg[300];
    if (gs_timeline_first_error(*tl, &bad, msg, sizeof msg))
        CHECK(0, "stepping program does not replay: %s", msg);
    return vm;
}

static const char *frame_name(gs_Timeline *tl)
{
    gs_TLFrame fr[64];
    size_t n = gs_timeline_frames(tl, fr, 64);
    return n ? gs_trace_string_at(gs_timeline_trace(tl), fr[0].name, NULL) : "";
}

static void test_stepping(void)
{
    const char *src = "def f(x):\n"          /* 1 */
                      "    y = x + 1\n"      /* 2 */
                      "    return y\n"       /* 3 */
                      "a = f(1)\n"           /* 4 */
                      "b = f(a)\n"           /* 5 */
                      "c = [a, b]\n"         /* 6 */
                      "d = c\n"              /* 7 */
                      "del d\n"              /* 8 */
                      "del c\n"              /* 9 */
                      "print(a, b)\n";       /* 10 */
    gs_Timeline *tl;
    gs_VM *vm = record_src(src, &tl);
    CHECK(vm != NULL, "compiles");
    if (!vm)
        return;
    size_t n = gs_timeline_length(tl);
    gs_timeline_seek(tl, 0);
    gs_timeline_step_into(tl);
    CHECK(gs_timeline_line(tl) == 1 && gs_timeline_depth(tl) == 1, "first line is 1 (got %u)", gs_timeline_line(tl));
    gs_timeline_next_line(tl);
    CHECK(gs_timeline_line(tl) == 4, "next line over the def is 4 (got %u)", gs_timeline_line(tl));
    gs_timeline_step_into(tl);
    CHECK(gs_timeline_line(tl) == 2 && gs_timeline_depth(tl) == 2 && strcmp(frame_name(tl), "f") == 0,
          "step into f: line 2 depth 2 (got %u depth %u %s)", gs_timeline_line(tl), gs_timeline_depth(tl),
          frame_name(tl));
    gs_timeline_next_line(tl);
    CHECK(gs_timeline_line(tl) == 3, "next line in f is 3 (got %u)", gs_timeline_line(tl));
    gs_timeline_next_line(tl);
    CHECK(gs_timeline_line(tl) == 5 && gs_timeline_depth(tl) == 1, "next line after return is 5 (got %u)",
          gs_timeline_line(tl));
    gs_timeline_prev_line(tl);
    CHECK(gs_timeline_line(tl) == 4 && gs_timeline_depth(tl) == 1, "back one line over the call is 4 (got %u)",
          gs_timeline_line(tl));
    gs_timeline_prev_line(tl);
    CHECK(gs_timeline_line(tl) == 1, "back again is 1 (got %u)", gs_timeline_line(tl));
    gs_timeline_next_line(tl);
    gs_timeline_next_line(tl);
    gs_timeline_step_into(tl);
    CHECK(gs_timeline_line(tl) == 2 && gs_timeline_depth(tl) == 2, "second call: into f (got %u)",
          gs_timeline_line(tl));
    gs_timeline_step_back_into(tl);
    CHECK(gs_timeline_line(tl) == 5 && gs_timeline_depth(tl) == 1, "step back into the caller's line 5 (got %u)",
          gs_timeline_line(tl));
    gs_timeline_step_into(tl);
    size_t in_f = gs_timeline_pos(tl);
    gs_timeline_step_out(tl);
    CHECK(gs_timeline_depth(tl) == 1 && gs_timeline_pos(tl) > in_f, "step out returns to the module");
    gs_Event evv = gs_trace_get(gs_timeline_trace(tl), gs_timeline_pos(tl) - 1), *ev = &evv;
    CHECK(ev->kind == GS_EV_FRAME_POP, "step out stops just after the return (got %s)",
          gs_event_kind_name((gs_EventKind)ev->kind));
    CHECK(gs_timeline_line(tl) == 5, "back on line 5 after the return (got %u)", gs_timeline_line(tl));

    /* breakpoints */
    uint32_t bp[] = { 3 };
    gs_timeline_seek(tl, 0);
    gs_timeline_continue(tl, 1, bp, 1);
    size_t first = gs_timeline_pos(tl);
    CHECK(gs_timeline_line(tl) == 3, "continue to breakpoint on 3 (got %u)", gs_timeline_line(tl));
    gs_timeline_continue(tl, 1, bp, 1);
    size_t second = gs_timeline_pos(tl);
    CHECK(gs_timeline_line(tl) == 3 && second > first, "continue again: the second call");
    gs_timeline_continue(tl, 1, bp, 1);
    CHECK(gs_timeline_pos(tl) == n, "no more hits: the end");
    gs_timeline_continue(tl, -1, bp, 1);
    CHECK(gs_timeline_pos(tl) == second, "reverse continue: the second hit");
    gs_timeline_continue(tl, -1, bp, 1);
    CHECK(gs_timeline_pos(tl) == first, "reverse continue again: the first hit");
    gs_timeline_continue(tl, -1, bp, 1);
    CHECK(gs_timeline_pos(tl) == 0, "reverse continue past the first hit: the start");

    /* watch the list: its count changes at `d = c`, `del d`, and it dies at `del c` */
    uint32_t seven[] = { 7 };
    gs_timeline_seek(tl, 0);
    gs_timeline_continue(tl, 1, seven, 1);
    gs_TLFrame fr[4];
    gs_timeline_frames(tl, fr, 4);
    uint32_t list = 0;
    gs_TLObject o;
    size_t cur = 0;
    while (gs_timeline_next_object(tl, &cur, &o))
        if (o.kind == GS_K_LIST && !(o.flags & (GS_TLO_STATIC | GS_TLO_RUNTIME)) && o.length == 2)
            list = o.id;
    CHECK(list != 0, "the list c exists at line 7");
    gs_timeline_object(tl, list, &o);
    CHECK(o.refcnt == 1, "c's count is 1 at line 7 (got %lld)", (long long)o.refcnt);
    int changes = 0;
    for (;;) {
        size_t before = gs_timeline_pos(tl);
        gs_timeline_watch(tl, 1, list);
        if (gs_timeline_pos(tl) == before || gs_timeline_pos(tl) == n)
            break;
        changes++;
        evv = gs_trace_get(gs_timeline_trace(tl), gs_timeline_pos(tl) - 1);
        CHECK(ev->obj == list, "watch stops on the list's events");
        if (ev->kind == GS_EV_FREE) {
            CHECK(!gs_timeline_object(tl, list, &o), "freed list is gone");
            break;
        }
    }
    CHECK(changes >= 4, "watch: +1 at d = c, -1 at del d, the free at del c (got %d stops)", changes);
    size_t at_free = gs_timeline_pos(tl);
    gs_timeline_watch(tl, -1, list);
    CHECK(gs_timeline_pos(tl) < at_free && gs_timeline_object(tl, list, &o), "watch back: alive again");

    /* one event forward and back */
    gs_timeline_seek(tl, n / 2);
    size_t la, lb;
    char *s1 = dump_state(tl, &la);
    gs_timeline_step_event(tl, 1);
    gs_timeline_step_event(tl, -1);
    char *s2 = dump_state(tl, &lb);
    CHECK(gs_timeline_pos(tl) == n / 2 && la == lb && memcmp(s1, s2, la) == 0, "one event forward and back");
    free(s1);
    free(s2);
    gs_timeline_free(tl);
    gs_vm_free(vm);
}

/* ================================================================== collections */

static void test_collections(void)
{
    const char *src = "import gc\n"
                      "class Node:\n"
                      "    pass\n"
                      "a = Node()\n"
                      "b = Node()\n"
                      "a.other = b\n"
                      "b.other = a\n"
                      "keep = [1, 2]\n"
                      "del a, b\n"
                      "n = gc.collect()\n"
                      "print(n)\n";
    gs_Timeline *tl;
    gs_VM *vm = record_src(src, &tl);
    if (!vm) {
        fprintf(stderr, "test_timeline: collections: the gc program does not compile; skipped\n");
        return;
    }
    const gs_Trace *tr = gs_timeline_trace(tl);
    size_t starts = 0;
    for (size_t i = 0; i < tr->n; i++)
        starts += gs_trace_get(tr, i).kind == GS_EV_GC_START;
    if (!starts) {
        fprintf(stderr, "test_timeline: collections: no gc events recorded yet; skipped\n");
        gs_timeline_free(tl);
        gs_vm_free(vm);
        return;
    }
    gs_timeline_seek(tl, 0);
    gs_timeline_next_collection(tl, 1);
    size_t start = gs_timeline_pos(tl);
    CHECK(gs_trace_get(tr, start - 1).kind == GS_EV_GC_START, "next collection stops after gc_start");
    gs_TLGC g;
    gs_timeline_gc(tl, &g);
    CHECK(g.collecting && g.collections == 1, "collecting after gc_start");
    /* walk the phases: at some point both nodes are marked unreachable */
    bool saw_unreachable = false, saw_refs = false;
    int phases = 0;
    for (;;) {
        size_t before = gs_timeline_pos(tl);
        gs_timeline_next_phase(tl, 1);
        if (gs_timeline_pos(tl) == before)
            break;
        phases++;
        gs_timeline_gc(tl, &g);
        if (!g.collecting)
            break;
        /* look at every event of this phase */
        size_t cur = 0;
        gs_TLObject o;
        while (gs_timeline_next_object(tl, &cur, &o)) {
            saw_refs |= (o.flags & GS_TLO_IN_GC) != 0;
            saw_unreachable |= (o.flags & GS_TLO_UNREACHABLE) != 0;
        }
        size_t p = gs_timeline_pos(tl);
        while (p < gs_timeline_length(tl) && gs_trace_get(tr, p).kind != GS_EV_GC_PHASE && gs_trace_get(tr, p).kind != GS_EV_GC_END) {
            gs_timeline_step_event(tl, 1);
            p = gs_timeline_pos(tl);
            cur = 0;
            while (gs_timeline_next_object(tl, &cur, &o)) {
                saw_refs |= (o.flags & GS_TLO_IN_GC) != 0;
                saw_unreachable |= (o.flags & GS_TLO_UNREACHABLE) != 0;
            }
        }
    }
    CHECK(phases >= 3, "a collection has phases (%d)", phases);
    CHECK(saw_refs, "objects show gc_refs during the collection");
    CHECK(saw_unreachable, "the cycle is marked unreachable during the collection");
    gs_timeline_gc(tl, &g);
    CHECK(!g.collecting && g.collected >= 2, "the collection ends having collected the cycle (%u)", g.collected);
    size_t end = gs_timeline_pos(tl);
    gs_timeline_next_phase(tl, -1);
    CHECK(gs_timeline_pos(tl) < end, "previous phase goes back");
    gs_timeline_next_collection(tl, -1);
    CHECK(gs_timeline_pos(tl) <= start, "previous collection goes back to (or before) its start");
    gs_timeline_free(tl);
    gs_vm_free(vm);
}

/* A weakref names its referent (alloc payload c) without counting it, and
 * reads as cleared once the referent is gone, in both directions. */
static void test_weakref_referent(void)
{
    const char *src = "import weakref\n"                 /* 1 */
                      "class C:\n"                       /* 2 */
                      "    pass\n"                       /* 3 */
                      "x = C()\n"                        /* 4 */
                      "r = weakref.ref(x)\n"             /* 5 */
                      "n = 1\n"                          /* 6 */
                      "del x\n"                          /* 7 */
                      "n = 2\n";                         /* 8 */
    gs_Timeline *tl;
    gs_VM *vm = record_src(src, &tl);
    if (!vm)
        return;
    uint32_t at6 = 6, at8 = 8;
    gs_timeline_seek(tl, 0);
    gs_timeline_continue(tl, 1, &at6, 1);
    size_t cur = 0;
    gs_TLObject o, wr = { 0 }, x = { 0 };
    while (gs_timeline_next_object(tl, &cur, &o)) {
        if (o.kind == GS_K_WEAKREF && (o.flags & GS_TLO_ALIVE) && !(o.flags & GS_TLO_RUNTIME))
            wr = o;
        /* (C's getset descriptors are instances too: x is the one line 4 made) */
        if (o.kind == GS_K_INSTANCE && (o.flags & GS_TLO_ALIVE) && o.alloc_line == 4)
            x = o;
    }
    CHECK(wr.id && x.id && wr.c == x.id, "weakref %u names its referent %u (c = %u)", wr.id, x.id, wr.c);
    CHECK(!(wr.flags & GS_TLO_CLEARED), "a live referent: not cleared");
    CHECK(x.refcnt == 1, "the weak reference adds no count: %lld", (long long)x.refcnt);
    gs_timeline_continue(tl, 1, &at8, 1);
    CHECK(gs_timeline_object(tl, wr.id, &o) && (o.flags & GS_TLO_CLEARED), "after del x the weakref is cleared");
    CHECK(!gs_timeline_object(tl, x.id, &o), "and its referent is gone");
    gs_timeline_continue(tl, -1, &at6, 1);
    CHECK(gs_timeline_object(tl, wr.id, &o) && !(o.flags & GS_TLO_CLEARED), "stepping back un-clears it");
    gs_timeline_free(tl);
    gs_vm_free(vm);
}

/* CPython 3.11 grows a function's local str in place for `s += t` once
 * the function is quickened: one object whose contents and size change,
 * told by resize events that carry the new contents; stepping back gives
 * the old contents again. */
static void test_str_grown_in_place(void)
{
    const char *src = "def grow(n):\n"                   /* 1 */
                      "    s = 'ab'\n"                   /* 2 */
                      "    for i in range(n):\n"         /* 3 */
                      "        s += '-x'\n"              /* 4 */
                      "    return s\n"                   /* 5 */
                      "t = grow(20)\n"                   /* 6 */
                      "n = 1\n";                         /* 7 */
    gs_Timeline *tl;
    gs_VM *vm = record_src(src, &tl);
    if (!vm)
        return;
    const gs_Trace *tr = &vm->trace;
    size_t first = SIZE_MAX, grown = 0;
    uint32_t id = 0;
    for (size_t i = 0; i < tr->n; i++) {
        gs_Event e = gs_trace_get(tr, i);
        if (e.kind == GS_EV_RESIZE && e.c) {
            if (first == SIZE_MAX)
                first = i, id = e.obj;
            CHECK(e.obj == id, "one object grows: event %zu names %u, not %u", i, e.obj, id);
            grown++;
        }
    }
    CHECK(first != SIZE_MAX && grown >= 10, "the string grows in place once quickened (%zu times)", grown);
    if (first == SIZE_MAX) {
        gs_timeline_free(tl);
        gs_vm_free(vm);
        return;
    }
    gs_TLObject o;
    uint32_t len;
    gs_timeline_seek(tl, tr->n);
    CHECK(gs_timeline_object(tl, id, &o), "t's string is alive at the end");
    const char *text = gs_trace_string_at(tr, o.b, &len);
    char want[64] = "ab";
    for (int k = 0; k < 20; k++)
        strcat(want, "-x");
    CHECK(len == strlen(want) && memcmp(text, want, len) == 0, "its contents at the end: '%.*s'", (int)len, text);
    CHECK(o.size == 49 + strlen(want), "its size at the end: %u", o.size);
    gs_timeline_seek(tl, first); /* just before the first growth */
    gs_timeline_object(tl, id, &o);
    text = gs_trace_string_at(tr, o.b, &len);
    uint32_t before = (uint32_t)len;
    gs_timeline_seek(tl, first + 1);
    gs_timeline_object(tl, id, &o);
    text = gs_trace_string_at(tr, o.b, &len);
    CHECK(len == before + 2 && memcmp(text + before, "-x", 2) == 0, "one growth adds '-x': %u then '%.*s'", before,
          (int)len, text);
    gs_timeline_seek(tl, first); /* back */
    gs_timeline_object(tl, id, &o);
    gs_trace_string_at(tr, o.b, &len);
    CHECK(len == before && o.size == 49 + before, "stepping back gives the old contents and size (%u, %u)", len, o.size);
    gs_timeline_free(tl);
    gs_vm_free(vm);
}

int main(int argc, char **argv)
{
    const char *dir = "tests/programs";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--bytes-limit") == 0 && i + 1 < argc)
            bytes_limit = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--every") == 0 && i + 1 < argc && atoi(argv[i + 1]) > 0)
            every = (size_t)atoi(argv[++i]);
        else
            dir = argv[i];
    }
    test_stepping();
    test_lines_follow_frames();
    test_collections();
    test_weakref_referent();
    test_str_grown_in_place();
    test_incremental(dir);
    test_cut_after_pause();
    test_extra_programs();
    test_all_programs(dir);
    free(edge_buf);
    printf("test_timeline: %d checks, %d failed; %d programs, %d snapshots compared with the VM, %d path checks, "
           "%d positions whose bytes add up\n",
           checks, failures, nprograms, nsnapshots, npaths, nbyte_positions);
    return failures ? 1 : 0;
}
