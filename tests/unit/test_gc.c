/*
 * test_gc.c — the cycle collector, pass by pass: a small graph whose
 * gc_refs values were computed by hand is collected while recording, and
 * the recorded gc_refs of every object, after update_refs and after each
 * internal edge is subtracted, are compared with them; so are the phases'
 * order, the objects found unreachable and rescued, and what collect()
 * returns.  The between-phase checks (validate_list) are on throughout
 * (check_refcounts), and a run stopped half way is freed without leaks.
 * A pass larger than the recording's gc detail keeps its outcome (the same
 * moves, marks and frees, a timeline that replays it) without gc_refs.
 */
#include <stdio.h>
#include <string.h>

#include "lang/compile.h"
#include "runtime/runtime.h"
#include "record/timeline.h"

static int passed, failed;

#define CHECK(cond, ...)                                                                                             \
    do {                                                                                                             \
        if (cond)                                                                                                    \
            passed++;                                                                                                \
        else {                                                                                                       \
            failed++;                                                                                                \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                              \
            printf(__VA_ARGS__);                                                                                     \
            printf("\n");                                                                                            \
        }                                                                                                            \
    } while (0)

static char outbuf[8192];
static size_t outlen;

static void capture(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    if (outlen + n < sizeof outbuf) {
        memcpy(outbuf + outlen, s, n);
        outlen += n;
        outbuf[outlen] = 0;
    }
}

static int64_t gc_detail; /* gs_VMConfig.gc_detail of the next run */

static gs_VM *run(const char *src, bool record, uint64_t budget, gs_RunStatus *status)
{
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = record;
    cfg.gc_detail = gc_detail;
    cfg.check_refcounts = true; /* also turns on validate_list between phases */
    cfg.write_out = capture;
    cfg.write_err = capture;
    outlen = 0;
    outbuf[0] = 0;
    gs_VM *vm = gs_vm_new(&cfg);
    if (!vm)
        return NULL;
    gs_Error err;
    if (gs_load_program(vm, "t.py", src, strlen(src), &err) < 0) {
        printf("compile error: %s\n", err.text ? err.text : "?");
        gs_error_clear(&err);
        gs_vm_free(vm);
        return NULL;
    }
    *status = gs_vm_run(vm, budget, &err);
    if (*status == GS_RUN_EXCEPTION)
        printf("program raised: %s\n", err.text ? err.text : "?");
    gs_error_clear(&err);
    return vm;
}

/* ------------------------------------------------------------------ reading a recorded pass */

typedef struct Pass {
    size_t start, end;       /* events [start, end) from gc_start to gc_end */
    uint32_t generation, collected;
} Pass;

/* The n-th collection (0-based) recorded in the trace. */
static bool find_pass(gs_VM *vm, int n, Pass *p)
{
    int seen = 0;
    for (size_t i = 0; i < vm->trace.n; i++) {
        const gs_Event e_ = gs_trace_get(&vm->trace, i), *e = &e_;
        if (e->kind != GS_EV_GC_START)
            continue;
        if (seen++ < n)
            continue;
        p->start = i;
        p->generation = e->a;
        for (size_t j = i; j < vm->trace.n; j++)
            if (gs_trace_get(&vm->trace, j).kind == GS_EV_GC_END) {
                p->end = j + 1;
                p->collected = gs_trace_get(&vm->trace, j).a;
                return true;
            }
        return false;
    }
    return false;
}

/* The ids of the first `n` lists allocated after event `from`. */
static int lists_after(gs_VM *vm, size_t from, uint32_t *ids, int n)
{
    uint32_t list_name = gs_trace_string(&vm->trace, "list", 4);
    int k = 0;
    for (size_t i = from; i < vm->trace.n && k < n; i++) {
        const gs_Event e_ = gs_trace_get(&vm->trace, i), *e = &e_;
        if (e->kind == GS_EV_ALLOC && e->a == list_name)
            ids[k++] = e->obj;
    }
    return k;
}

static int index_of(const uint32_t *ids, int n, uint32_t id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return i;
    return -1;
}

/* One step of a pass as the viewer replays it, restricted to our objects:
 * "P<phase>", "R<obj>=<refs>" (update_refs) or "R<obj>=<refs><-<src>"
 * (an edge subtracted or followed), "U<obj>" unreachable, "S<obj><-<src>"
 * rescued; objects are named A, B, C... by their order in `ids`. */
static void describe(gs_VM *vm, const Pass *p, const uint32_t *ids, int n, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = 0;
    for (size_t i = p->start; i < p->end; i++) {
        const gs_Event e_ = gs_trace_get(&vm->trace, i), *e = &e_;
        char step[64];
        step[0] = 0;
        int o = index_of(ids, n, e->obj), src = index_of(ids, n, e->b);
        switch (e->kind) {
        case GS_EV_GC_PHASE:
            snprintf(step, sizeof step, "P%s", gs_gc_phase_name((gs_GCPhase)e->sub));
            break;
        case GS_EV_GC_REFS:
            if (o < 0)
                break;
            if (e->b == 0)
                snprintf(step, sizeof step, "R%c=%u", 'A' + o, e->a);
            else
                snprintf(step, sizeof step, "R%c=%u<-%c", 'A' + o, e->a, src >= 0 ? 'A' + src : '?');
            break;
        case GS_EV_GC_UNREACHABLE:
            if (o >= 0)
                snprintf(step, sizeof step, "U%c", 'A' + o);
            break;
        case GS_EV_GC_RESCUED:
            if (o >= 0)
                snprintf(step, sizeof step, "S%c<-%c", 'A' + o, src >= 0 ? 'A' + src : '?');
            break;
        default:
            break;
        }
        if (step[0] && len + strlen(step) + 2 < cap)
            len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", step);
    }
}

/* ------------------------------------------------------------------ tests */

/* A <-> B is a cycle; C -> A holds it from outside; the names a, b go.
 *   refcounts:     A 2 (B, C)   B 1 (A)   C 1 (the name c)
 *   subtract A->B: B 0;  B->A: A 1;  C->A: A 0
 *   move_unreachable: A (0) and B (0) go to unreachable, C (1) is
 *   reachable and rescues A, A rescues B: nothing is collected.
 * Then `del c` frees C by refcounting (A 1, B 1) and collect(1) finds A and
 * B: each loses its only reference to the other, both are unreachable. */
static void a_pass_records_gc_refs_edge_by_edge(void)
{
    const char *src = "import gc\n"
                      "gc.collect()\n"
                      "a = []\n"
                      "b = [a]\n"
                      "a.append(b)\n"
                      "c = [a]\n"
                      "del a, b\n"
                      "r1 = gc.collect(0)\n"
                      "del c\n"
                      "r2 = gc.collect(1)\n"
                      "print(r1, r2)\n";
    gs_RunStatus st;
    gs_VM *vm = run(src, true, 0, &st);
    CHECK(vm && st == GS_RUN_DONE, "the program runs");
    if (!vm)
        return;
    CHECK(strcmp(outbuf, "0 2\n") == 0, "collect(0) finds nothing, collect(1) finds the cycle (got %s)", outbuf);
    CHECK(vm->check_failure == NULL, "no refcount or validate_list failure: %s",
          vm->check_failure ? vm->check_failure : "");
    Pass first, second, third;
    CHECK(find_pass(vm, 0, &first) && find_pass(vm, 1, &second) && find_pass(vm, 2, &third), "three passes");
    uint32_t ids[3];
    CHECK(lists_after(vm, first.end, ids, 3) == 3, "three lists made after the first collection");
    char got[2048];

    describe(vm, &second, ids, 3, got, sizeof got);
    const char *want2 = "Pmerge Pupdate_refs RA=2 RB=1 RC=1 Psubtract_refs RB=0<-A RA=1<-B RA=0<-C "
                        "Pmove_unreachable UA UB SA<-C SB<-A Puntrack_tuples Ppromote Plegacy_finalizers "
                        "Pweakrefs Pfinalize Presurrection Pdelete Pdone";
    CHECK(strcmp(got, want2) == 0, "collect(0), step by step:\n  want %s\n  got  %s", want2, got);
    CHECK(second.generation == 0 && second.collected == 0, "collect(0) returns 0 (got %u)", second.collected);

    describe(vm, &third, ids, 3, got, sizeof got);
    const char *want3 = "Pmerge Pupdate_refs RA=1 RB=1 Psubtract_refs RB=0<-A RA=0<-B Pmove_unreachable UA UB "
                        "Puntrack_tuples Ppromote Plegacy_finalizers Pweakrefs Pfinalize Presurrection "
                        "RA=1 RB=1 RB=0<-A RA=0<-B UA UB Pdelete Pdone";
    CHECK(strcmp(got, want3) == 0, "collect(1), step by step:\n  want %s\n  got  %s", want3, got);
    CHECK(third.generation == 1 && third.collected == 2, "collect(1) returns 2 (got %u)", third.collected);

    /* the survivors of collect(0) moved to generation 1, recorded */
    bool moved = false;
    for (size_t i = second.start; i < second.end; i++) {
        const gs_Event e_ = gs_trace_get(&vm->trace, i), *e = &e_;
        if (e->kind == GS_EV_GC_MOVE && e->obj == ids[2] && e->a == 0 && e->b == 1)
            moved = true;
    }
    CHECK(moved, "C moves from generation 0 to 1");
    gs_vm_free(vm);
}

/* Full collections untrack dicts of atomics; tuples of atomics are
 * untracked by any collection; both are recorded as untrack events. */
static void collections_untrack_atomic_tuples_and_dicts(void)
{
    const char *src = "import gc\n"
                      "gc.collect()\n"
                      "n = 3\n"
                      "t = (n, 'x')\n"
                      "d = {'k': []}\n"
                      "d['k'] = 1\n"
                      "before = (gc.is_tracked(t), gc.is_tracked(d))\n"
                      "gc.collect(0)\n"
                      "mid = (gc.is_tracked(t), gc.is_tracked(d))\n"
                      "gc.collect()\n"
                      "print(before, mid, (gc.is_tracked(t), gc.is_tracked(d)))\n";
    gs_RunStatus st;
    gs_VM *vm = run(src, true, 0, &st);
    CHECK(vm && st == GS_RUN_DONE, "the program runs");
    if (!vm)
        return;
    CHECK(strcmp(outbuf, "(True, True) (False, True) (False, False)\n") == 0, "tracking (got %s)", outbuf);
    CHECK(vm->check_failure == NULL, "no check failure: %s", vm->check_failure ? vm->check_failure : "");
    gs_vm_free(vm);
}

/* validate_list notices a flag a phase should have cleared. */
static void validate_list_catches_a_stray_flag(void)
{
    gs_RunStatus st;
    gs_VM *vm = run("x = []\n", false, 0, &st);
    CHECK(vm && st == GS_RUN_DONE, "the program runs");
    if (!vm)
        return;
    gs_Object *l = gs_list_new(vm, 0);
    l->gcflags |= GS_GC_COLLECTING; /* as if a pass had left it set */
    CHECK(gs_gc_collect(vm, 0, 0) == 0, "the collection itself runs");
    CHECK(vm->check_failure && strstr(vm->check_failure, "COLLECTING"), "validate_list reports it: %s",
          vm->check_failure ? vm->check_failure : "(nothing)");
    l->gcflags &= (uint8_t)~GS_GC_COLLECTING;
    gs_decref(vm, l);
    gs_vm_free(vm);
}

/* Counts move with allocations of containers, not with tracking; free-listed
 * lists and dicts come back without counting; collect(g) resets 0..g. */
static void counts_follow_allocations_and_free_lists(void)
{
    gs_RunStatus st;
    gs_VM *vm = run("import gc\n", false, 0, &st);
    CHECK(vm && st == GS_RUN_DONE, "the program runs");
    if (!vm)
        return;
    gs_gc_collect(vm, 2, 0);
    CHECK(vm->gens[0].count == 0 && vm->gens[1].count == 0 && vm->gens[2].count == 0, "a full collection zeroes");
    gs_Object *l = gs_list_new(vm, 0);
    gs_Object *d = gs_dict_new(vm);
    gs_Object *s = gs_str_from_cstr(vm, "not a container");
    CHECK(vm->gens[0].count == 2, "a list and a dict count, a str does not (%d)", vm->gens[0].count);
    CHECK(!(d->gcflags & GS_GC_TRACKED), "a new dict is counted though not tracked");
    gs_decref(vm, l);
    gs_decref(vm, d);
    gs_decref(vm, s);
    CHECK(vm->gens[0].count == 2, "freed to the free lists: no change (%d)", vm->gens[0].count);
    l = gs_list_new(vm, 0);
    d = gs_dict_new(vm);
    CHECK(vm->gens[0].count == 2, "taken back from the free lists: no change (%d)", vm->gens[0].count);
    gs_Object *in = gs_instance_new(vm, vm->e_Exception);
    CHECK(vm->gens[0].count == 3, "an exception object counts (%d)", vm->gens[0].count);
    gs_decref(vm, in);
    CHECK(vm->gens[0].count == 2, "freeing it subtracts (%d)", vm->gens[0].count);
    gs_gc_collect(vm, 0, 0);
    CHECK(vm->gens[0].count == 0 && vm->gens[1].count == 1, "collect(0): (0, 1, 0)");
    gs_gc_collect(vm, 1, 0);
    CHECK(vm->gens[0].count == 0 && vm->gens[1].count == 0 && vm->gens[2].count == 1, "collect(1): (0, 0, 1)");
    gs_decref(vm, l);
    gs_decref(vm, d);
    gs_vm_free(vm);
}

/* A run stopped half way (a paused GUI run) holds frames and objects; the
 * VM frees all of it (the ASan and valgrind runs check for leaks). */
static void a_paused_run_is_freed(void)
{
    const char *src = "class Node:\n"
                      "    def __del__(self):\n"
                      "        print('never printed')\n"
                      "def build(n):\n"
                      "    first = Node()\n"
                      "    cur = first\n"
                      "    for i in range(n):\n"
                      "        cur.next = Node()\n"
                      "        cur = cur.next\n"
                      "    cur.next = first\n"
                      "    keep = [first, {'k': first}]\n"
                      "    while True:\n"
                      "        keep.append([keep])\n"
                      "build(50)\n";
    gs_RunStatus st;
    gs_VM *vm = run(src, true, 4000, &st);
    CHECK(vm && st == GS_RUN_PAUSED, "the run pauses inside build()");
    if (!vm)
        return;
    CHECK(vm->frame && vm->frame->back, "two frames are active");
    gs_vm_free(vm);
    CHECK(strstr(outbuf, "never printed") == NULL, "teardown runs no finalizer");
}

/* Class objects: a heap type holds itself (its MRO) and its base three
 * times; `del C` + collect() finds what CPython finds. */
static void classes_are_cycles_the_collector_frees(void)
{
    const char *src = "import gc, sys\n"
                      "gc.collect()\n"
                      "class A:\n"
                      "    pass\n"
                      "class B(A):\n"
                      "    pass\n"
                      "r = (sys.getrefcount(A), sys.getrefcount(B))\n"
                      "del B\n"
                      "n1 = gc.collect()\n"
                      "del A\n"
                      "n2 = gc.collect()\n"
                      "print(r, n1, n2)\n";
    gs_RunStatus st;
    gs_VM *vm = run(src, false, 0, &st);
    CHECK(vm && st == GS_RUN_DONE, "the program runs");
    if (!vm)
        return;
    CHECK(strcmp(outbuf, "(8, 3) 3 5\n") == 0, "refcounts and collections as CPython 3.11 (got %s)", outbuf);
    CHECK(vm->check_failure == NULL, "no check failure: %s", vm->check_failure ? vm->check_failure : "");
    gs_vm_free(vm);
}

typedef struct PassCounts {
    size_t refs, moves, unreachable, frees;
    uint32_t set_size, summarised;
} PassCounts;

static PassCounts count_pass(gs_VM *vm, const Pass *p)
{
    PassCounts c;
    memset(&c, 0, sizeof c);
    for (size_t i = p->start; i < p->end; i++) {
        gs_Event e = gs_trace_get(&vm->trace, i);
        c.refs += e.kind == GS_EV_GC_REFS;
        c.moves += e.kind == GS_EV_GC_MOVE;
        c.unreachable += e.kind == GS_EV_GC_UNREACHABLE;
        c.frees += e.kind == GS_EV_FREE;
        if (e.kind == GS_EV_GC_PHASE && e.sub == GS_GC_UPDATE_REFS && !c.set_size) {
            c.set_size = e.a;
            c.summarised = e.b;
        }
    }
    return c;
}

static void a_large_pass_records_its_outcome_only(void)
{
    const char *src = "import gc\n"
                      "gc.disable()\n"
                      "keep = [[] for i in range(50)]\n"
                      "for i in range(20):\n"
                      "    a = []\n"
                      "    b = [a]\n"
                      "    a.append(b)\n"
                      "a = b = None\n"
                      "print(gc.collect(), gc.get_count())\n";
    int64_t details[2] = { 10, -1 }; /* below the pass's size, then every pass in full */
    PassCounts c[2];
    char out[2][sizeof outbuf];
    gs_VM *vm[2];
    for (int k = 0; k < 2; k++) {
        gc_detail = details[k];
        gs_RunStatus st;
        vm[k] = run(src, true, 0, &st);
        gc_detail = 0;
        CHECK(vm[k] && st == GS_RUN_DONE, "the program runs (gc_detail %lld)", (long long)details[k]);
        if (!vm[k])
            return;
        snprintf(out[k], sizeof out[k], "%s", outbuf);
        Pass p;
        CHECK(find_pass(vm[k], 0, &p), "the collection is recorded");
        c[k] = count_pass(vm[k], &p);
    }
    CHECK(strcmp(out[0], "40 (0, 0, 0)\n") == 0 && strcmp(out[0], out[1]) == 0, "same output: %s / %s", out[0],
          out[1]);
    CHECK(c[0].set_size >= 91 && c[0].set_size == c[1].set_size, "update_refs tells the set's size (%u, %u)",
          c[0].set_size, c[1].set_size);
    CHECK(c[0].summarised == 1 && c[0].refs == 0, "over the detail: no gc_refs (%zu), marked summarised (%u)",
          c[0].refs, c[0].summarised);
    CHECK(c[1].summarised == 0 && c[1].refs >= c[1].set_size, "in full: gc_refs for every object (%zu)", c[1].refs);
    CHECK(c[0].moves == c[1].moves && c[0].unreachable == c[1].unreachable && c[0].frees == c[1].frees &&
              c[0].frees >= 40,
          "the same outcome: %zu/%zu moves, %zu/%zu unreachable, %zu/%zu frees", c[0].moves, c[1].moves,
          c[0].unreachable, c[1].unreachable, c[0].frees, c[1].frees);
    /* the summarised trace replays to the same heap */
    gs_TimelineConfig tc = { 0, true };
    gs_Timeline *tl[2];
    for (int k = 0; k < 2; k++) {
        tl[k] = gs_timeline_new(&vm[k]->trace, &tc);
        CHECK(tl[k] && gs_timeline_sync(tl[k]) == 0, "timeline %d indexes", k);
        char msg[200];
        size_t bad;
        CHECK(!gs_timeline_first_error(tl[k], &bad, msg, sizeof msg), "timeline %d replays every event: %s", k,
              gs_timeline_first_error(tl[k], &bad, msg, sizeof msg) ? msg : "");
        gs_timeline_seek(tl[k], gs_timeline_length(tl[k]));
    }
    size_t cur = 0, live = 0, same = 0;
    gs_TLObject o, o2;
    while (gs_timeline_next_object(tl[0], &cur, &o)) {
        live++;
        same += gs_timeline_object(tl[1], o.id, &o2) && o2.gen == o.gen && o2.refcnt == o.refcnt &&
                (o2.flags & GS_TLO_TRACKED) == (o.flags & GS_TLO_TRACKED);
    }
    CHECK(live > 100 && same == live, "the heap at the end: %zu of %zu objects agree", same, live);
    for (int k = 0; k < 2; k++) {
        gs_timeline_free(tl[k]);
        gs_vm_free(vm[k]);
    }
}

/* --check-refcounts recounts only what each line changed (refcheck.c): a
 * reference nobody holds, made at one line, is reported at the next, even
 * after a loop has given out thousands of ids; a count changed with no
 * event at all is caught by the full check at the end. */
static gs_Object *stray;
static bool silent;

static void corrupt_at_line_5(void *ctx, gs_VM *vm)
{
    GS_UNUSED(ctx);
    if (vm->cur_line != 5 || stray)
        return;
    if (silent) {
        stray = vm->main_module;
        stray->refcnt++;
    } else
        stray = gs_list_new(vm, 0); /* a new reference, held by nobody */
}

static void refcount_check_finds_a_stray_reference(bool quiet)
{
    const char *src = "a = []\n"
                      "b = [a]\n"
                      "for i in range(3000):\n"
                      "    c = [i, str(i)]\n"
                      "x = 1\n"
                      "y = 2\n"
                      "z = 3\n";
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.check_refcounts = true;
    cfg.write_out = capture;
    cfg.write_err = capture;
    cfg.on_line = corrupt_at_line_5;
    stray = NULL;
    silent = quiet;
    gs_VM *vm = gs_vm_new(&cfg);
    CHECK(vm != NULL, "a VM");
    if (!vm)
        return;
    gs_Error err;
    CHECK(gs_load_program(vm, "t.py", src, strlen(src), &err) == 0, "it compiles");
    gs_RunStatus st = gs_vm_run(vm, 0, &err);
    gs_error_clear(&err);
    CHECK(st == GS_RUN_DONE, "the program runs");
    const char *want = quiet ? "module object" : "line 6: list object";
    CHECK(vm->check_failure && strstr(vm->check_failure, want), "the check reports '%s': %s", want,
          vm->check_failure ? vm->check_failure : "(nothing)");
    if (stray && quiet)
        stray->refcnt--;
    else if (stray)
        gs_decref(vm, stray);
    gs_vm_free(vm);
}

int main(void)
{
    a_pass_records_gc_refs_edge_by_edge();
    collections_untrack_atomic_tuples_and_dicts();
    validate_list_catches_a_stray_flag();
    counts_follow_allocations_and_free_lists();
    a_paused_run_is_freed();
    classes_are_cycles_the_collector_frees();
    a_large_pass_records_its_outcome_only();
    refcount_check_finds_a_stray_reference(false);
    refcount_check_finds_a_stray_reference(true);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
