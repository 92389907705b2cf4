/*
 * collector.c — CPython 3.11's cycle collector (Modules/gcmodule.c without
 * the module, which is core/modules/gc.c) and the teardown of a VM's heap.
 *
 * Reference counting frees an object the moment its last reference goes;
 * it cannot free a group of objects that refer to each other (a cycle).
 * The collector finds such groups.  Like CPython's Modules/gcmodule.c it
 * looks only at "container" objects (lists, dicts, tuples, instances,
 * functions, ...), which sit on one of three generation lists while they
 * are tracked; new ones go to the end of generation 0.  A collection of
 * generation g runs these phases, each a function below, in this order:
 *
 *   merge_younger        generations 0..g-1 are appended to g ("young");
 *   update_refs          every young object's gc_refs := its refcount;
 *   subtract_refs        for every reference from a young object to a
 *                        young object, the target's gc_refs -= 1.  What is
 *                        left counts the references from outside young;
 *   move_unreachable     objects with gc_refs > 0 are reachable, and so is
 *                        everything they reach; the others go, tentatively,
 *                        to an `unreachable` list, and come back to young
 *                        when a later reachable object reaches them;
 *   untrack_tuples       reachable tuples holding only atomic values (and
 *                        untracked tuples) leave the collector;
 *   promote              survivors move to generation g+1 (generation 2's
 *                        stay); a full collection first untracks dicts that
 *                        hold only atomic keys and values;
 *   legacy_finalizers    objects with a pre-PEP 442 tp_del would be set
 *                        aside as uncollectable: Python code cannot make
 *                        any, so the list stays empty;
 *   handle_weakrefs      weak references to unreachable objects are
 *                        cleared; callbacks of references that are not
 *                        themselves garbage are called, before any __del__;
 *   finalize_garbage     __del__ runs, at most once per object (PEP 442);
 *   handle_resurrected   __del__ may have stored a reference to garbage
 *                        somewhere reachable: the reachability analysis
 *                        runs again on what is left, and what a finalizer
 *                        resurrected moves to the older generation;
 *   delete_garbage       each object left is cleared (gs_object_clear, the
 *                        tp_clear of CPython) so the cycles break and
 *                        reference counting frees them; with DEBUG_SAVEALL
 *                        they are appended to gc.garbage instead;
 *   stats                the counts gc.collect() returns: the unreachable
 *                        objects found (those freed or resurrected while
 *                        finalizers ran are not counted) plus the weak
 *                        references freed right after their callback.
 *
 * Every phase boundary, every gc_refs value (with the edge that changed
 * it), every object found unreachable or rescued, every weakref cleared and
 * every move between generations is an event, so a viewer can replay a
 * pass edge by edge.  Between phases validate_list checks the lists and
 * flags (on in Debug builds and with --check-refcounts).
 *
 * Counting (gc.get_count) follows CPython: generation 0's count is the
 * number of GC objects allocated minus those deallocated since the last
 * collection (free-listed lists, dicts and tuples are invisible to it, see
 * object.c), and an allocation that makes it exceed the threshold runs a
 * collection of the oldest generation whose count exceeds its threshold.
 */
#include <stdio.h>
#include <time.h>

#include "runtime.h"


/* ================================================================== lists */

static void list_init(gs_Object *head)
{
    head->gc_next = head->gc_prev = head;
}

static bool list_is_empty(gs_Object *head) { return head->gc_next == head; }

static void list_append(gs_Object *head, gs_Object *o)
{
    o->gc_prev = head->gc_prev;
    o->gc_next = head;
    head->gc_prev->gc_next = o;
    head->gc_prev = o;
}

static void list_remove(gs_Object *o)
{
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    o->gc_next = o->gc_prev = NULL;
}

/* Move `o` from whatever list it is on to the end of `to`. */
static void list_move(gs_Object *o, gs_Object *to)
{
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    list_append(to, o);
}

/* Append all of `from` to `to`; `from` becomes empty. */
static void list_merge(gs_Object *from, gs_Object *to)
{
    if (!list_is_empty(from)) {
        gs_Object *to_tail = to->gc_prev;
        gs_Object *first = from->gc_next, *last = from->gc_prev;
        to_tail->gc_next = first;
        first->gc_prev = to_tail;
        last->gc_next = to;
        to->gc_prev = last;
    }
    list_init(from);
}

static int64_t list_size(gs_Object *head)
{
    int64_t n = 0;
    for (gs_Object *o = head->gc_next; o != head; o = o->gc_next)
        n++;
    return n;
}

static gs_Object *gen_head(gs_VM *vm, int g) { return g == GS_PERMANENT ? &vm->permanent.head : &vm->gens[g].head; }

gs_Object *gs_gc_generation(gs_VM *vm, int g) { return gen_head(vm, g); }

/* ================================================================== events */

static inline bool shown(gs_VM *vm, gs_Object *o) { return vm->recording && (o->gcflags & GS_GC_SHOWN); }

/* gs_record for the collector's per-object and per-edge events: while the
 * trace has room (and no event limit is set) the event is appended in
 * place, which keeps a recorded pass over a large heap cheap. */
static inline void rec_fast(gs_VM *vm, gs_EventKind kind, uint8_t sub, uint32_t obj, uint32_t a, uint32_t b,
                            uint32_t c)
{
    gs_Trace *t = &vm->trace;
    if (t->n < t->cap && !vm->cfg.max_events) {
        vm->events++;
        t->tail[t->n++ - t->base] = (gs_Event){ .kind = (uint8_t)kind, .sub = sub, .line = vm->cur_line, .obj = obj, .a = a,
                                    .b = b, .c = c };
        return;
    }
    gs_record(vm, kind, sub, obj, a, b, c);
}

static void phase(gs_VM *vm, gs_GCPhase p)
{
    if (vm->recording)
        gs_record(vm, GS_EV_GC_PHASE, (uint8_t)p, 0, 0, 0, 0);
}

/* Set the generation of every object of a list, recording each move. */
static void set_gen(gs_VM *vm, gs_Object *head, int to)
{
    for (gs_Object *o = head->gc_next; o != head; o = o->gc_next) {
        if (o->gen != to && shown(vm, o))
            gs_record(vm, GS_EV_GC_MOVE, 0, o->id, o->gen, (uint32_t)to, 0);
        o->gen = (uint8_t)to;
    }
}

static void set_gen_one(gs_VM *vm, gs_Object *o, int to)
{
    if (o->gen != to && shown(vm, o))
        gs_record(vm, GS_EV_GC_MOVE, 0, o->id, o->gen, (uint32_t)to, 0);
    o->gen = (uint8_t)to;
}

/* ================================================================== tracking and counting */

void gs_gc_init(gs_VM *vm)
{
    static const int thresholds[GS_NUM_GENERATIONS] = { 700, 10, 10 };
    for (int i = 0; i < GS_NUM_GENERATIONS; i++) {
        list_init(&vm->gens[i].head);
        vm->gens[i].threshold = thresholds[i];
        vm->gens[i].count = 0;
    }
    list_init(&vm->permanent.head);
    vm->gc_enabled = true;
    /* CPython's one-slice cache is filled during start-up: the program's
     * first slice does not count as an allocation */
    gs_Object *s = calloc(1, sizeof(gs_Slice));
    if (s) {
        s->type = vm->t_slice;
        s->kind = GS_K_SLICE;
        gs_phantom_free(vm, s);
    }
}

void gs_gc_track(gs_VM *vm, gs_Object *o)
{
    if (o->gcflags & (GS_GC_TRACKED | GS_GC_STATIC))
        return;
    o->gcflags |= GS_GC_TRACKED;
    o->gen = 0;
    list_append(&vm->gens[0].head, o);
    if (shown(vm, o))
        gs_record(vm, GS_EV_TRACK, 0, o->id, 0, 0, 0);
}

void gs_gc_untrack(gs_VM *vm, gs_Object *o)
{
    if (!(o->gcflags & GS_GC_TRACKED))
        return;
    list_remove(o);
    o->gcflags &= (uint8_t)~(GS_GC_TRACKED | GS_GC_COLLECTING | GS_GC_UNREACHABLE);
    if (shown(vm, o))
        gs_record(vm, GS_EV_UNTRACK, 0, o->id, o->gen, 0, 0);
}

/* CPython's _PyObject_GC_MAY_BE_TRACKED: could this object be part of a
 * cycle?  Atomic objects (ints, strs, None, built-in types) cannot; a tuple
 * can if it is tracked; any other container can. */
bool gs_gc_may_be_tracked(gs_Object *o)
{
    if (!gs_is_gc_object(o))
        return false;
    if (GS_KIND(o) == GS_K_TUPLE)
        return (o->gcflags & GS_GC_TRACKED) != 0;
    return true;
}

static int64_t collect_generations(gs_VM *vm);

/* A GC object was allocated (not taken from a free list): count it, and
 * collect if generation 0 is now over its threshold (CPython's
 * _PyObject_GC_Link). */
void gs_gc_on_alloc(gs_VM *vm)
{
    gs_Gen *g0 = &vm->gens[0];
    g0->count++;
    if (g0->count > g0->threshold && vm->gc_enabled && g0->threshold && !vm->gc_collecting && !vm->exc &&
        !vm->gc_teardown) {
        vm->gc_collecting = true;
        collect_generations(vm);
        vm->gc_collecting = false;
    }
}

/* What importing a module CPython writes in Python leaves behind that the
 * model does not make: `allocs` GC allocations (generation 0's count, and
 * the automatic collections they trigger), `long_lived` objects that stay
 * (the 25 % rule of full collections) and `garbage` objects in cycles that
 * the next collection finds (and counts in what it returns).  Negative
 * figures take back what the model made and CPython already had. */
void gs_gc_import_footprint(gs_VM *vm, int64_t allocs, int64_t long_lived, int64_t garbage)
{
    for (int64_t i = 0; i < allocs; i++)
        gs_gc_on_alloc(vm);
    for (int64_t i = 0; i < -allocs; i++) /* the model made objects CPython already had */
        gs_gc_on_free(vm);
    vm->gc_long_lived_phantom += long_lived;
    vm->gc_phantom_garbage += garbage;
}

void gs_gc_on_free(gs_VM *vm)
{
    if (vm->gens[0].count > 0)
        vm->gens[0].count--;
}

/* ================================================================== traversal for the collector */

/* gs_traverse, plus the reference a heap type holds to itself (modelled
 * by internal_refs: its MRO tuple), which is an internal edge too. */
static int gc_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = gs_traverse(vm, o, fn, arg);
    if (r)
        return r;
    if (GS_KIND(o) == GS_K_TYPE && (((gs_Type *)o)->flags & GS_TF_HEAP))
        for (int32_t i = 0; i < ((gs_Type *)o)->internal_refs; i++)
            if ((r = fn(vm, o, o, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 2), arg)))
                return r;
    return 0;
}

/* ================================================================== validate_list */

static bool validating(gs_VM *vm)
{
#ifndef NDEBUG
    GS_UNUSED(vm);
    return true;
#else
    return vm->cfg.check_refcounts;
#endif
}

static void validate_fail(gs_VM *vm, const char *where, gs_Object *o, const char *what)
{
    if (vm->check_failure)
        return;
    char buf[256];
    snprintf(buf, sizeof buf, "gc: validate_list after %s: %s object #%u: %s", where,
             o ? gs_type_name(o) : "-", o ? o->id : 0, what);
    vm->check_failure = strdup(buf);
}

/* CPython's validate_list: the list is consistently doubly linked, every
 * member is tracked, and the COLLECTING and UNREACHABLE flags are all set
 * or all clear as `collecting` and `unreachable` say (-1: either). */
static void validate_list(gs_VM *vm, gs_Object *head, int collecting, int unreachable, const char *where)
{
    if (!validating(vm))
        return;
    gs_Object *prev = head;
    for (gs_Object *o = head->gc_next; o != head; o = o->gc_next) {
        if (!o || o->gc_prev != prev) {
            validate_fail(vm, where, o, "broken links");
            return;
        }
        if (!(o->gcflags & GS_GC_TRACKED))
            validate_fail(vm, where, o, "on a list but not tracked");
        if (o->refcnt <= 0)
            validate_fail(vm, where, o, "refcount is too small");
        if (collecting >= 0 && ((o->gcflags & GS_GC_COLLECTING) != 0) != collecting)
            validate_fail(vm, where, o, collecting ? "COLLECTING flag missing" : "COLLECTING flag left set");
        if (unreachable >= 0 && ((o->gcflags & GS_GC_UNREACHABLE) != 0) != unreachable)
            validate_fail(vm, where, o, unreachable ? "UNREACHABLE flag missing" : "UNREACHABLE flag left set");
        prev = o;
    }
    if (head->gc_prev != prev)
        validate_fail(vm, where, NULL, "list head's prev is not the last object");
}

/* After subtract_refs: gc_refs is never negative (else a refcount is too
 * small for the references the objects traverse). */
static void validate_refs(gs_VM *vm, gs_Object *head, const char *where)
{
    if (!validating(vm))
        return;
    for (gs_Object *o = head->gc_next; o != head; o = o->gc_next)
        if (o->gc_refs < 0)
            validate_fail(vm, where, o, "gc_refs below zero: refcount is too small");
}

/* ================================================================== the phases */

/* merge_younger: generations 0..g-1 are appended to generation g.
 * After it, `young` (generation g's list) holds every object to examine,
 * oldest generation's first, and the younger lists are empty.  The moved
 * objects still say their old generation: update_refs, which walks the
 * list next, sets it (and records the moves, as part of this phase), so a
 * pass over a large heap walks it once for both. */
static void merge_younger(gs_VM *vm, int generation)
{
    phase(vm, GS_GC_MERGE);
    gs_Object *young = gen_head(vm, generation);
    for (int i = 0; i < generation; i++)
        list_merge(gen_head(vm, i), young);
}

/* update_refs: after it, every object in `containers` has gc_refs equal to
 * its reference count and the COLLECTING flag set (that flag is how the
 * next phases recognise members of the set).
 *
 * It also decides whether this pass records gc_refs events: a set larger
 * than the configured detail is recorded by its outcome only.  The phase
 * event (when announced) says how many objects the set has and whether its
 * gc_refs follow, so it is recorded after the count and before them.
 *
 * With gen >= 0 (the collection's own set) it first finishes merge_younger:
 * objects from younger generations move to `gen`, each move recorded in
 * list order, which is the order merge_younger appended them in. */
static void update_refs(gs_VM *vm, gs_Object *containers, bool announce, int gen)
{
    int64_t n = 0;
    for (gs_Object *o = containers->gc_next; o != containers; o = o->gc_next) {
        if (gen >= 0 && o->gen != gen) {
            if (shown(vm, o))
                gs_record(vm, GS_EV_GC_MOVE, 0, o->id, o->gen, (uint32_t)gen, 0);
            o->gen = (uint8_t)gen;
        }
        o->gc_refs = o->refcnt;
        o->gcflags |= GS_GC_COLLECTING;
        n++;
    }
    int64_t detail = vm->cfg.gc_detail ? vm->cfg.gc_detail : GS_GC_DETAIL_DEFAULT;
    vm->gc_refs_shown = vm->recording && vm->cfg.record && (detail < 0 || n <= detail);
    if (announce && vm->recording)
        gs_record(vm, GS_EV_GC_PHASE, GS_GC_UPDATE_REFS, 0, (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n),
                  !vm->gc_refs_shown, 0);
    if (vm->gc_refs_shown)
        for (gs_Object *o = containers->gc_next; o != containers; o = o->gc_next)
            if (o->gcflags & GS_GC_SHOWN)
                rec_fast(vm, GS_EV_GC_REFS, 0, o->id, (uint32_t)o->gc_refs, 0, 0);
}

static int visit_decref(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    GS_UNUSED(arg);
    if (ref->gcflags & GS_GC_COLLECTING) {
        ref->gc_refs--;
        if (vm->gc_refs_shown && (ref->gcflags & GS_GC_SHOWN))
            rec_fast(vm, GS_EV_GC_REFS, cause.kind, ref->id, (uint32_t)ref->gc_refs, holder->id, cause.what);
    }
    return 0;
}

/* subtract_refs: after it, an object's gc_refs is the number of references
 * to it from outside `containers` (references from the set itself, the
 * internal edges, have been subtracted one by one).  gc_refs > 0 means
 * directly reachable from outside. */
static void subtract_refs(gs_VM *vm, gs_Object *containers)
{
    for (gs_Object *o = containers->gc_next; o != containers; o = o->gc_next)
        gc_traverse(vm, o, visit_decref, NULL);
}

static int visit_reachable(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    gs_Object *young = arg;
    GS_UNUSED(cause);
    /* objects of other generations, and young objects already scanned
     * (to the left of the scan), have no COLLECTING flag */
    if (!(ref->gcflags & GS_GC_COLLECTING))
        return 0;
    if (ref->gcflags & GS_GC_UNREACHABLE) {
        /* thought unreachable, but reached after all: back to young,
         * where the scan will get to it again */
        list_move(ref, young);
        ref->gcflags &= (uint8_t)~GS_GC_UNREACHABLE;
        ref->gc_refs = 1;
        if (shown(vm, ref))
            gs_record(vm, GS_EV_GC_RESCUED, 0, ref->id, 1, holder->id, 0);
    } else if (ref->gc_refs == 0) {
        /* not scanned yet: tell the scan it is reachable */
        ref->gc_refs = 1;
        if (vm->gc_refs_shown && (ref->gcflags & GS_GC_SHOWN))
            rec_fast(vm, GS_EV_GC_REFS, cause.kind, ref->id, 1, holder->id, cause.what);
    }
    return 0;
}

/* move_unreachable: after it, `young` holds exactly the objects reachable
 * from outside the original set (their COLLECTING flag cleared), and
 * `unreachable` the others (COLLECTING and UNREACHABLE set).  The scan
 * reverses chains (C -> B -> A is scanned as A, B, C and ends C, B, A), as
 * in CPython, so later passes over the same objects move nothing. */
static void move_unreachable(gs_VM *vm, gs_Object *young, gs_Object *unreachable)
{
    gs_Object *o = young->gc_next;
    while (o != young) {
        gs_Object *next;
        if (o->gc_refs) {
            /* reachable: whatever it refers to is reachable too.  The
             * traversal may append to young, so read `next` after it. */
            gc_traverse(vm, o, visit_reachable, young);
            o->gcflags &= (uint8_t)~GS_GC_COLLECTING;
            next = o->gc_next;
        } else {
            /* maybe unreachable: assume so until something reaches it */
            next = o->gc_next;
            list_move(o, unreachable);
            o->gcflags |= GS_GC_UNREACHABLE;
            if (shown(vm, o))
                gs_record(vm, GS_EV_GC_UNREACHABLE, 0, o->id, 0, 0, 0);
        }
        o = next;
    }
}

/* update_refs + subtract_refs + move_unreachable (CPython's
 * deduce_unreachable).  gen: the collection's generation when `base` is its
 * merged set (update_refs finishes the merge), else -1. */
static void deduce_unreachable(gs_VM *vm, gs_Object *base, gs_Object *unreachable, bool announce, int gen)
{
    validate_list(vm, base, 0, 0, "merge");
    update_refs(vm, base, announce, gen);
    if (announce)
        phase(vm, GS_GC_SUBTRACT_REFS);
    subtract_refs(vm, base);
    validate_refs(vm, base, "subtract_refs");
    list_init(unreachable);
    if (announce)
        phase(vm, GS_GC_MOVE_UNREACHABLE);
    move_unreachable(vm, base, unreachable);
    validate_list(vm, base, 0, 0, "move_unreachable (young)");
    validate_list(vm, unreachable, 1, 1, "move_unreachable (unreachable)");
}

/* A class's modelled bases tuple is (object,) or another built-in base:
 * untrackable, like the tuples untrack_tuples untracks. */
static void untrack_type_bases(gs_Type *t)
{
    if (!(t->flags & GS_TF_HEAP))
        return;
    for (int32_t i = 0; i < t->nbases; i++)
        if (t->bases[i]->flags & GS_TF_HEAP)
            return; /* a class in the tuple: it stays tracked */
    t->spare |= GS_TYPE_BASES_UNTRACKED;
}

/* untrack_tuples: after it, no tuple in `head` holds only atomic values or
 * untracked tuples (CPython's _PyTuple_MaybeUntrack on each). */
static void untrack_tuples(gs_VM *vm, gs_Object *head)
{
    phase(vm, GS_GC_UNTRACK_TUPLES);
    gs_Object *next;
    for (gs_Object *o = head->gc_next; o != head; o = next) {
        next = o->gc_next;
        if (GS_KIND(o) == GS_K_TYPE) {
            untrack_type_bases((gs_Type *)o);
            continue;
        }
        if (GS_KIND(o) != GS_K_TUPLE || o->type != vm->t_tuple)
            continue;
        gs_Tuple *t = (gs_Tuple *)o;
        int32_t i;
        for (i = 0; i < t->len; i++)
            if (!t->items[i] || gs_gc_may_be_tracked(t->items[i]))
                break;
        if (i == t->len)
            gs_gc_untrack(vm, o);
    }
}

/* untrack_dicts (full collections only): after it, no dict in `head`
 * holds only atomic keys and values (CPython's _PyDict_MaybeUntrack). */
static void untrack_dicts(gs_VM *vm, gs_Object *head)
{
    phase(vm, GS_GC_UNTRACK_DICTS);
    gs_Object *next;
    for (gs_Object *o = head->gc_next; o != head; o = next) {
        next = o->gc_next;
        if (GS_KIND(o) != GS_K_DICT || o->type != vm->t_dict)
            continue;
        gs_DictTable *t = &((gs_Dict *)o)->t;
        int32_t i;
        for (i = 0; i < t->nentries; i++) {
            gs_DictEntry *e = &t->entries[i];
            if (!e->key || !e->value)
                continue;
            if (gs_gc_may_be_tracked(e->value) || gs_gc_may_be_tracked(e->key))
                break;
        }
        if (i == t->nentries)
            gs_gc_untrack(vm, o);
    }
}

/* promote: after it, the survivors are in generation g+1 (for g < 2) and
 * the young list is empty; a full collection leaves them in generation 2,
 * untracks atomic dicts, and resets the long-lived counters. */
static void promote(gs_VM *vm, int generation, gs_Object *young, gs_Object *old)
{
    phase(vm, GS_GC_PROMOTE);
    if (generation >= 1) { /* CPython's start-up objects the model lacks leave generation 1 */
        if (generation == GS_NUM_GENERATIONS - 2)
            vm->long_lived_pending += vm->gc_gen1_phantom;
        vm->gc_long_lived_phantom += vm->gc_gen1_phantom;
        vm->gc_gen1_phantom = 0;
    }
    if (young != old) {
        if (generation == GS_NUM_GENERATIONS - 2)
            vm->long_lived_pending += list_size(young);
        set_gen(vm, young, generation + 1);
        list_merge(young, old);
    } else {
        /* only in full collections, to avoid quadratic dict build-up
         * (CPython issue #14775) */
        untrack_dicts(vm, young);
        vm->long_lived_pending = 0;
        vm->long_lived_total = list_size(young) + vm->gc_long_lived_phantom;
    }
}

/* legacy_finalizers: objects with a tp_del (pre-PEP 442) and what they
 * reach would be moved to `finalizers` as uncollectable.  No object a
 * program can make has one, so `finalizers` stays empty; what this phase
 * still does is what CPython's does besides: clear the UNREACHABLE flags.
 * After it, `unreachable` is a plain list of COLLECTING objects. */
static void move_legacy_finalizers(gs_VM *vm, gs_Object *unreachable, gs_Object *finalizers)
{
    phase(vm, GS_GC_LEGACY_FINALIZERS);
    list_init(finalizers);
    for (gs_Object *o = unreachable->gc_next; o != unreachable; o = o->gc_next)
        o->gcflags &= (uint8_t)~GS_GC_UNREACHABLE;
}

/* Objects CPython would have in the set besides the ones we make: a class
 * comes with its MRO tuple and its bases tuple (until a collection
 * untracks it). */
static int phantom_count(gs_Object *o)
{
    if (GS_KIND(o) == GS_K_INSTANCE && o->type->native)
        return o->type->native->phantoms;
    if (GS_KIND(o) != GS_K_TYPE || !(((gs_Type *)o)->flags & GS_TF_HEAP))
        return 0;
    gs_Type *t = (gs_Type *)o;
    int n = 1;                                      /* __mro__ */
    if (!(t->spare & GS_TYPE_BASES_UNTRACKED))
        n++;                                        /* __bases__ */
    return n;
}

static void debug_line(gs_VM *vm, const char *msg, const char *tname, unsigned long long addr)
{
    char buf[200];
    int n = snprintf(buf, sizeof buf, "gc: %s <%s 0x%llx>\n", msg, tname, addr);
    if (n > 0)
        gs_write_err(vm, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void debug_cycle(gs_VM *vm, const char *msg, gs_Object *o)
{
    unsigned long long a = gs_object_address(o);
    /* tp_name: the classes of Lib/weakref.py are named without their
     * module (as CPython's heap types), weakref.ReferenceType with it */
    debug_line(vm, msg, o->type->name->data, a);
    if (GS_KIND(o) == GS_K_TYPE && (((gs_Type *)o)->flags & GS_TF_HEAP)) {
        gs_Type *t = (gs_Type *)o;
        debug_line(vm, msg, "tuple", a + 0x3c0);
        if (!(t->spare & GS_TYPE_BASES_UNTRACKED))
            debug_line(vm, msg, "tuple", a + 0x400);
    }
}

/* handle_weakrefs: after it, no object in `unreachable` is weakly
 * referenced any more, no weak reference in it will ever call its
 * callback, and the callbacks of the weak references outside it have been
 * called.  Returns how many of those weak references died right after
 * their callback (gc.collect() counts them). */
static int64_t handle_weakrefs(gs_VM *vm, gs_Object *unreachable, gs_Object *old, int old_gen)
{
    phase(vm, GS_GC_WEAKREFS);
    gs_Object wrcb_to_call;
    list_init(&wrcb_to_call);
    int64_t num_freed = 0;
    gs_Object *next;
    /* Clear every weakref to an unreachable object first: no callback may
     * run while a weakref could still resurrect garbage. */
    for (gs_Object *o = unreachable->gc_next; o != unreachable; o = next) {
        next = o->gc_next;
        if (GS_KIND(o) == GS_K_WEAKREF)
            gs_weakref_clear_ref(vm, o); /* garbage itself: never calls back */
        gs_Object **list = gs_weakref_listptr(o);
        if (!list)
            continue;
        while (*list) {
            gs_Object *wr = *list;
            gs_weakref_clear_ref(vm, wr); /* unlinks: *list moves on */
            if (!gs_weakref_callback(wr))
                continue;
            /* a weakref that is garbage too is left alone: its callback
             * is not needed and might see insane objects */
            if (wr->gcflags & GS_GC_COLLECTING)
                continue;
            gs_incref(vm, wr); /* so it cannot go away before its turn */
            list_move(wr, &wrcb_to_call);
        }
    }
    /* Now the callbacks: they cannot reach garbage. */
    while (!list_is_empty(&wrcb_to_call)) {
        gs_Object *wr = wrcb_to_call.gc_next;
        gs_Object *cb = gs_weakref_callback(wr);
        if (shown(vm, wr))
            gs_record(vm, GS_EV_WEAKREF_CLEAR, 1, wr->id, cb->id, 0, 0);
        gs_Object *r = gs_call_object(vm, cb, &wr, 1, NULL);
        if (!r)
            gs_write_unraisable(vm, "Exception ignored in: ", cb);
        else
            gs_decref(vm, r);
        gs_decref(vm, wr);
        if (wrcb_to_call.gc_next == wr) {
            /* still alive: it goes to the older generation */
            list_move(wr, old);
            set_gen_one(vm, wr, old_gen);
        } else
            num_freed++;
    }
    return num_freed;
}

static void finalize_generator(gs_VM *vm, gs_Object *g)
{
    gs_Object *close = vm->t_generator->dict ? gs_dict_get_str(vm, &vm->t_generator->dict->ob, gs_name(vm, "close"))
                                             : NULL;
    if (!close)
        return;
    gs_Object *r = gs_call_object(vm, close, &g, 1, NULL);
    if (!r)
        gs_write_unraisable(vm, "Exception ignored in: ", g);
    else
        gs_decref(vm, r);
}

/* finalize_garbage: after it, every object of `collectable` that has a
 * __del__ has run it (once in its life: the FINALIZED flag).  Finalizers
 * may free or resurrect objects, so the list is walked by always taking its
 * first object; objects freed meanwhile simply vanish from it. */
static void finalize_garbage(gs_VM *vm, gs_Object *collectable)
{
    phase(vm, GS_GC_FINALIZE);
    gs_Object seen;
    list_init(&seen);
    while (!list_is_empty(collectable)) {
        gs_Object *o = collectable->gc_next;
        list_move(o, &seen);
        if (o->gcflags & GS_GC_FINALIZED)
            continue;
        if (gs_has_finalizer(o)) {
            gs_incref(vm, o);
            gs_call_finalizer(vm, o);
            gs_decref(vm, o);
        } else if (GS_KIND(o) == GS_K_GENERATOR) {
            /* generators have a tp_finalize: a suspended one is closed */
            o->gcflags |= GS_GC_FINALIZED;
            gs_incref(vm, o);
            finalize_generator(vm, o);
            gs_decref(vm, o);
        }
    }
    list_merge(&seen, collectable);
}

/* handle_resurrected: after it, `still_unreachable` holds what is garbage
 * even counting the references finalizers made, and whatever a finalizer
 * resurrected (and what that reaches) has moved to the older generation. */
static void handle_resurrected_objects(gs_VM *vm, gs_Object *unreachable, gs_Object *still_unreachable,
                                       gs_Object *old, int old_gen)
{
    phase(vm, GS_GC_RESURRECTION);
    for (gs_Object *o = unreachable->gc_next; o != unreachable; o = o->gc_next)
        o->gcflags &= (uint8_t)~GS_GC_COLLECTING;
    /* the same three phases again, under this one's name */
    deduce_unreachable(vm, unreachable, still_unreachable, false, -1);
    for (gs_Object *o = still_unreachable->gc_next; o != still_unreachable; o = o->gc_next)
        o->gcflags &= (uint8_t)~GS_GC_UNREACHABLE;
    /* what is left in `unreachable` was garbage before the finalizers ran
     * and is reachable now: resurrected (sub 1; c: the generation it goes
     * to), so the picture stops drawing it as garbage */
    for (gs_Object *o = unreachable->gc_next; o != unreachable; o = o->gc_next)
        if (shown(vm, o))
            gs_record(vm, GS_EV_GC_RESCUED, 1, o->id, o->gc_refs > 0 ? (uint32_t)o->gc_refs : 1, 0, (uint32_t)old_gen);
    set_gen(vm, unreachable, old_gen);
    list_merge(unreachable, old);
}

/* delete_garbage: after it, `collectable` is empty.  Each object was
 * cleared (or, with DEBUG_SAVEALL, appended to gc.garbage); an object that
 * survives its clearing moves to the older generation, where it may die
 * later. */
static void delete_garbage(gs_VM *vm, gs_Object *collectable, gs_Object *old, int old_gen)
{
    phase(vm, GS_GC_DELETE);
    while (!list_is_empty(collectable)) {
        gs_Object *o = collectable->gc_next;
        if (vm->gc_debug & GS_DEBUG_SAVEALL) {
            if (vm->gc_garbage && gs_list_append(vm, vm->gc_garbage, o) < 0)
                gs_clear_exc(vm);
        } else {
            gs_incref(vm, o);
            gs_object_clear(vm, o, false);
            gs_decref(vm, o);
        }
        if (collectable->gc_next == o) {
            o->gcflags &= (uint8_t)~GS_GC_COLLECTING;
            list_move(o, old);
            set_gen_one(vm, o, old_gen);
        }
    }
}

static double now_seconds(void);
static void err_printf(gs_VM *vm, const char *fmt, ...);

/* stats: after it, the uncollectable objects (always none: see
 * move_legacy_finalizers) are reported and sit in the older generation,
 * gc.get_stats() counts this collection, the free lists are empty if it
 * was a full one, and the pass's end is recorded.  Returns how many
 * objects were uncollectable. */
static int64_t stats(gs_VM *vm, int generation, gs_Object *finalizers, gs_Object *old, int old_gen, int64_t m,
                     double t1)
{
    phase(vm, GS_GC_DONE);
    int64_t n = 0;
    for (gs_Object *o = finalizers->gc_next; o != finalizers; o = o->gc_next) {
        n++;
        if (vm->gc_debug & GS_DEBUG_UNCOLLECTABLE)
            debug_cycle(vm, "uncollectable", o);
    }
    if (vm->gc_debug & GS_DEBUG_STATS)
        err_printf(vm, "gc: done, %lld unreachable, %lld uncollectable, %.4fs elapsed\n", (long long)(n + m),
                   (long long)n, now_seconds() - t1);
    /* handle_legacy_finalizers: with DEBUG_SAVEALL they would go to gc.garbage */
    for (gs_Object *o = finalizers->gc_next; o != finalizers; o = o->gc_next)
        if ((vm->gc_debug & GS_DEBUG_SAVEALL) && vm->gc_garbage && gs_list_append(vm, vm->gc_garbage, o) < 0)
            gs_clear_exc(vm);
    set_gen(vm, finalizers, old_gen);
    list_merge(finalizers, old);
    /* the free lists are emptied only by collections of the oldest generation */
    if (generation == GS_NUM_GENERATIONS - 1)
        gs_freelists_clear(vm);
    vm->gc_stats[generation].collections++;
    vm->gc_stats[generation].collected += m;
    vm->gc_stats[generation].uncollectable += n;
    if (vm->recording)
        gs_record(vm, GS_EV_GC_END, 0, 0, (uint32_t)m, (uint32_t)n, (uint32_t)generation);
    return n;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void err_printf(gs_VM *vm, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        gs_write_err(vm, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* One collection of `generation` (CPython's gc_collect_main).  Returns the
 * number of unreachable objects found plus weakrefs freed after their
 * callbacks; *collected and *uncollectable get the two parts. */
static int64_t collect_main(gs_VM *vm, int generation, int64_t *collected, int64_t *uncollectable)
{
    int64_t m = 0; /* objects collected */
    int64_t n;     /* unreachable objects that could not be collected */
    double t1 = 0;
    if (vm->gc_debug & GS_DEBUG_STATS) {
        err_printf(vm, "gc: collecting generation %d...\n", generation);
        err_printf(vm, "gc: objects in each generation: %lld %lld %lld\n", (long long)list_size(gen_head(vm, 0)),
                   (long long)list_size(gen_head(vm, 1)), (long long)list_size(gen_head(vm, 2)));
        err_printf(vm, "gc: objects in permanent generation: %lld\n", (long long)list_size(gen_head(vm, GS_PERMANENT)));
        t1 = now_seconds();
    }
    if (vm->recording) {
        uint32_t c0 = (uint32_t)(vm->gens[0].count > 0xffff ? 0xffff : vm->gens[0].count);
        uint32_t c1 = (uint32_t)(vm->gens[1].count > 0xffff ? 0xffff : vm->gens[1].count);
        gs_record(vm, GS_EV_GC_START, 0, 0, (uint32_t)generation, c0 | c1 << 16, (uint32_t)vm->gens[2].count);
    }

    /* update collection and allocation counters */
    if (generation + 1 < GS_NUM_GENERATIONS)
        vm->gens[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        vm->gens[i].count = 0;

    merge_younger(vm, generation);
    gs_Object *young = gen_head(vm, generation);
    int old_gen = generation < GS_NUM_GENERATIONS - 1 ? generation + 1 : generation;
    gs_Object *old = gen_head(vm, old_gen);
    validate_list(vm, old, 0, 0, "merge (old)");

    gs_Object unreachable; /* non-problematic unreachable trash */
    gs_Object finalizers;  /* objects with, and reachable from, a legacy finalizer */
    deduce_unreachable(vm, young, &unreachable, true, generation);

    untrack_tuples(vm, young);
    promote(vm, generation, young, old);

    move_legacy_finalizers(vm, &unreachable, &finalizers);
    validate_list(vm, &finalizers, 0, 0, "legacy_finalizers (finalizers)");
    validate_list(vm, &unreachable, 1, 0, "legacy_finalizers (unreachable)");

    if (vm->gc_debug & GS_DEBUG_COLLECTABLE)
        for (gs_Object *o = unreachable.gc_next; o != &unreachable; o = o->gc_next)
            debug_cycle(vm, "collectable", o);

    m += handle_weakrefs(vm, &unreachable, old, old_gen);
    validate_list(vm, old, 0, 0, "handle_weakrefs (old)");
    validate_list(vm, &unreachable, 1, 0, "handle_weakrefs (unreachable)");

    finalize_garbage(vm, &unreachable);

    gs_Object final_unreachable;
    handle_resurrected_objects(vm, &unreachable, &final_unreachable, old, old_gen);
    validate_list(vm, old, 0, 0, "handle_resurrected (old)");

    for (gs_Object *o = final_unreachable.gc_next; o != &final_unreachable; o = o->gc_next)
        m += 1 + phantom_count(o);
    /* the cycles an import left (gs_gc_import_footprint): in generation 0, so any collection finds them */
    m += vm->gc_phantom_garbage;
    vm->gc_phantom_garbage = 0;
    delete_garbage(vm, &final_unreachable, old, old_gen);
    validate_list(vm, old, 0, 0, "delete_garbage (old)");

    n = stats(vm, generation, &finalizers, old, old_gen, m, t1);
    if (collected)
        *collected = m;
    if (uncollectable)
        *uncollectable = n;
    return n + m;
}

/* gc.callbacks: each is called with ("start" | "stop", info). */
static void invoke_callbacks(gs_VM *vm, const char *phase_name, int generation, int64_t collected,
                             int64_t uncollectable)
{
    gs_Object *cbs = vm->gc_callbacks;
    if (!cbs || GS_KIND(cbs) != GS_K_LIST || ((gs_List *)cbs)->len == 0)
        return;
    gs_Object *info = gs_dict_new(vm);
    if (info) {
        gs_Object *g = gs_int_new(vm, generation), *c = gs_int_new(vm, collected), *u = gs_int_new(vm, uncollectable);
        if (!g || !c || !u || gs_dict_set(vm, info, &gs_name(vm, "generation")->ob, g) < 0 ||
            gs_dict_set(vm, info, &gs_name(vm, "collected")->ob, c) < 0 ||
            gs_dict_set(vm, info, &gs_name(vm, "uncollectable")->ob, u) < 0) {
            gs_decref(vm, info);
            info = NULL;
        }
        gs_xdecref(vm, g);
        gs_xdecref(vm, c);
        gs_xdecref(vm, u);
    }
    if (!info) {
        gs_write_unraisable(vm, "Exception ignored in: ", NULL);
        return;
    }
    for (int32_t i = 0; i < ((gs_List *)cbs)->len; i++) {
        gs_Object *cb = ((gs_List *)cbs)->items[i];
        gs_incref(vm, cb);
        gs_Object *ph = gs_str_from_cstr(vm, phase_name);
        /* CPython's PyObject_CallFunction(cb, "sO", ...) passes a small
         * stack, not a tuple */
        gs_Object *argv[2] = { ph, info };
        gs_Object *r = ph ? gs_call_object(vm, cb, argv, 2, NULL) : NULL;
        gs_xdecref(vm, ph);
        if (!r)
            gs_write_unraisable(vm, "Exception ignored in: ", cb);
        else
            gs_decref(vm, r);
        gs_decref(vm, cb);
    }
    gs_decref(vm, info);
}

static int64_t collect_with_callback(gs_VM *vm, int generation)
{
    int64_t collected = 0, uncollectable = 0;
    invoke_callbacks(vm, "start", generation, 0, 0);
    int64_t r = collect_main(vm, generation, &collected, &uncollectable);
    invoke_callbacks(vm, "stop", generation, collected, uncollectable);
    return r;
}

/* An automatic collection: the oldest generation whose count exceeds its
 * threshold, except that a full collection also waits until the objects
 * that survived young collections since the last full one are at least 25 %
 * of those a full collection last saw (Martin von Löwis's rule, CPython
 * issue #4074). */
static int64_t collect_generations(gs_VM *vm)
{
    for (int i = GS_NUM_GENERATIONS - 1; i >= 0; i--) {
        if (vm->gens[i].count > vm->gens[i].threshold) {
            if (i == GS_NUM_GENERATIONS - 1 && vm->long_lived_pending < vm->long_lived_total / 4)
                continue;
            return collect_with_callback(vm, i);
        }
    }
    return 0;
}

int64_t gs_gc_collect(gs_VM *vm, int generation, int reason)
{
    GS_UNUSED(reason);
    if (generation < 0 || generation >= GS_NUM_GENERATIONS) {
        gs_raise(vm, vm->e_ValueError, "invalid generation");
        return -1;
    }
    if (vm->gc_collecting || vm->gc_teardown)
        return 0; /* already collecting, don't do anything */
    vm->gc_collecting = true;
    gs_Object *saved = vm->exc;
    vm->exc = NULL;
    int64_t n = collect_with_callback(vm, generation);
    vm->exc = saved;
    vm->gc_collecting = false;
    return n;
}

/* ================================================================== freezing (gc.freeze) */

/* Every tracked object moves to the permanent generation, which no
 * collection looks at; the counts restart. */
void gs_gc_freeze(gs_VM *vm)
{
    for (int i = 0; i < GS_NUM_GENERATIONS; i++) {
        set_gen(vm, gen_head(vm, i), GS_PERMANENT);
        list_merge(gen_head(vm, i), gen_head(vm, GS_PERMANENT));
        vm->gens[i].count = 0;
    }
}

/* The permanent generation goes back to the oldest one. */
void gs_gc_unfreeze(gs_VM *vm)
{
    set_gen(vm, gen_head(vm, GS_PERMANENT), GS_NUM_GENERATIONS - 1);
    list_merge(gen_head(vm, GS_PERMANENT), gen_head(vm, GS_NUM_GENERATIONS - 1));
}

int64_t gs_gc_generation_size(gs_VM *vm, int g) { return list_size(gen_head(vm, g)); }

/* ================================================================== teardown */

static void drop_root(gs_VM *vm, gs_Object **root)
{
    gs_Object *o = *root;
    *root = NULL;
    if (o)
        gs_decref(vm, o);
}

/* Frames still on the stack (a paused run): drop what they hold. */
static void clear_frames(gs_VM *vm)
{
    gs_Frame *f = vm->frame;
    while (f) {
        gs_Frame *back = f->back;
        for (gs_Object **p = f->localsplus; p < f->sp; p++)
            drop_root(vm, p);
        f->sp = f->localsplus;
        drop_root(vm, (gs_Object **)&f->func);
        if (f->owns_locals) {
            f->owns_locals = 0;
            drop_root(vm, &f->locals);
        }
        if (!f->gen) {
            f->back = vm->frames_free;
            vm->frames_free = f;
        }
        f = back;
    }
    vm->frame = NULL;
    vm->depth = 0;
}

/* Free an object's memory without touching what it refers to. */
static void free_raw(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_LIST: free(((gs_List *)o)->items); break;
    case GS_K_DICT: gs_table_free(&((gs_Dict *)o)->t); break;
    case GS_K_SET: gs_set_free_table(o); break;
    case GS_K_INSTANCE:
        gs_table_free(&((gs_Instance *)o)->attrs);
        if (o->type->native && o->type->native->free)
            o->type->native->free(o);
        break;
    case GS_K_EXCEPTION:
        gs_table_free(&((gs_Instance *)o)->attrs);
        free(((gs_Exception *)o)->tb);
        free(((gs_Exception *)o)->suggestion);
        break;
    case GS_K_TYPE:
        gs_table_free(&((gs_Type *)o)->attr_keys);
        gs_table_free(&((gs_Type *)o)->sk_names);
        free(((gs_Type *)o)->slots);
        gs_type_free_arrays((gs_Type *)o);
        break;
    case GS_K_GENERATOR: {
        gs_gen_free(o);
        break;
    }
    default: break;
    }
    if (vm->objtab && o->id < vm->objtab_cap)
        vm->objtab[o->id] = NULL;
    free(o);
}

/* The end of a VM: with recording, finalizers, callbacks and collections
 * off, drop every root, clear every tracked object (which frees the cycles
 * and, by cascade, everything they held), free whatever is still left, then
 * the static types and the interned strings.  vm.c frees the other static
 * objects afterwards. */
void gs_gc_free_all(gs_VM *vm)
{
    vm->recording = false;
    vm->gc_teardown = true;
    vm->gc_enabled = false;
    vm->gc_collecting = true;

    /* 1. roots: frames, the VM's own references, the static types' dicts */
    clear_frames(vm);
    drop_root(vm, &vm->exc);
    drop_root(vm, &vm->handled);
    drop_root(vm, &vm->ast_consts);
    drop_root(vm, (gs_Object **)&vm->main_code);
    drop_root(vm, &vm->main_module);
    drop_root(vm, &vm->sys_module);
    drop_root(vm, &vm->gc_module);
    drop_root(vm, &vm->weakref_module);
    drop_root(vm, &vm->builtins_module);
    drop_root(vm, &vm->modules);
    drop_root(vm, &vm->builtins);
    drop_root(vm, &vm->gc_garbage);
    drop_root(vm, &vm->gc_callbacks);
    drop_root(vm, &vm->tstate_dict);
    gs_clinic_free(vm);
    for (int w = 0; w < 2; w++) {
        gs_textio_flush(vm, w);
        free(vm->textio[w].pieces);
        vm->textio[w].pieces = NULL;
        vm->textio[w].piececap = 0;
    }
    gs_modules_clear(vm);
    gs_Type *boot[3] = { vm->t_type, vm->t_object, vm->t_str };
    for (int i = 0; i < 3; i++)
        drop_root(vm, (gs_Object **)&boot[i]->dict);
    for (gs_Type *t = vm->static_types; t; t = (gs_Type *)t->ob.gc_next)
        drop_root(vm, (gs_Object **)&t->dict);

    /* 2. clear every tracked object; cascades free most of the heap */
    gs_Object work, left;
    list_init(&work);
    list_init(&left);
    for (int g = 0; g <= GS_PERMANENT; g++)
        list_merge(gen_head(vm, g), &work);
    while (!list_is_empty(&work)) {
        gs_Object *o = work.gc_next;
        gs_incref(vm, o);
        gs_object_clear(vm, o, true);
        if (work.gc_next == o)
            list_move(o, &left);
        gs_decref(vm, o);
    }

    /* 3. what is still alive is held by something outside the heap's
     * reach (a reference leaked): free it as it is */
    while (!list_is_empty(&left)) {
        gs_Object *o = left.gc_next;
        list_remove(o);
        free_raw(vm, o);
    }
    if (vm->objtab)
        for (uint32_t id = 1; id < vm->objtab_cap; id++)
            if (vm->objtab[id] && !(vm->objtab[id]->gcflags & GS_GC_STATIC))
                free_raw(vm, vm->objtab[id]);
    gs_freelists_clear(vm);
    while (vm->free_ints) {
        gs_Object *o = vm->free_ints;
        vm->free_ints = o->gc_next;
        free(o);
    }

    /* 4. static objects: types (with their shared-key tables), interned strings */
    for (gs_Type *t = vm->static_types; t;) {
        gs_Type *next = (gs_Type *)t->ob.gc_next;
        gs_table_free(&t->attr_keys);
        gs_type_free_arrays(t);
        free(t);
        t = next;
    }
    vm->static_types = NULL;
    for (int i = 0; i < 3; i++) {
        gs_table_free(&boot[i]->attr_keys);
        gs_type_free_arrays(boot[i]);
        free(boot[i]);
    }
    for (int32_t i = 0; i < vm->interned.nentries; i++)
        if (vm->interned.entries[i].key) {
            free(vm->interned.entries[i].key);
            vm->interned.entries[i].key = NULL;
        }
    gs_modules_free(vm);
}

/* ================================================================== program start */

/* About how many objects CPython 3.11 has when a script starts (Debian's
 * /usr/bin/python3.11, 3.11.2: "import gc; gc.collect();
 * print(len(gc.get_objects()))" prints 4787).  At the script's first line
 * they are in generation 1 (4762 of them; generation 2 is empty): start-up
 * ran eight young collections and no older one. */
enum { GS_CPYTHON_STARTUP_LONG_LIVED = 4787, GS_CPYTHON_START_COUNT0 = 12 };

/* The built-ins are made; the program is not compiled yet.  Where CPython's
 * own start-up objects are when a script runs, ours go: generation 1 (the
 * script's constants, made next, start in generation 0, as CPython's do).
 * So a full collection examines generation 2, then 0, then 1 (younger
 * lists are appended in that order), with the module's globals last, as
 * CPython's does: the order its finalizers run at exit.  The objects
 * CPython has and the model does not are counted with generation 1 until
 * it is first collected, then in generation 2 for the 25 % rule of full
 * collections (none before the first one: long_lived_total is 0), so
 * automatic full collections come when CPython's would. */
void gs_gc_program_start(gs_VM *vm)
{
    gs_Object *g1 = gen_head(vm, 1);
    for (int g = 0; g < GS_NUM_GENERATIONS; g++)
        if (g != 1) {
            set_gen(vm, gen_head(vm, g), 1);
            list_merge(gen_head(vm, g), g1);
        }
    int64_t n = list_size(g1);
    vm->gc_gen1_phantom = n < GS_CPYTHON_STARTUP_LONG_LIVED ? GS_CPYTHON_STARTUP_LONG_LIVED - n : 0;
    vm->gc_long_lived_phantom = 0;
    vm->long_lived_total = 0;
    vm->long_lived_pending = 0;
    /* The counters as CPython's start-up leaves them: Debian's python3.11
     * (3.11.2) shows gc.get_count() == (37, 8, 0) at the first statement of
     * `import gc; print(gc.get_count())`; the model's own start-up does not
     * count.  (13: the model's `import gc` then takes its dict and two
     * lists from the free lists CPython's start-up left, gs_freelists_startup,
     * where CPython counted them at start-up.)  Compiling the program then
     * adds what the model's compiler allocates (CPython's compiler allocates more, and more for bigger
     * programs: its count at the first statement is 21 to 214 over
     * tests/programs and the lessons). */
    vm->gens[0].count = GS_CPYTHON_START_COUNT0;
    vm->gens[1].count = 8;
    vm->gens[2].count = 0;
    /* ...those 8 young collections are in gc.get_stats() too: Debian's
     * python3.11 reports 8 collections that collected 24 objects at the
     * first statement */
    vm->gc_stats[0].collections = 8;
    vm->gc_stats[0].collected = 24;
}

/* ================================================================== program end */

/* The program is over: what CPython's Py_FinalizeEx does with the heap.
 * atexit hooks run (weakref.finalize); a full collection runs with the
 * callbacks if gc is enabled (PyGC_Collect); sys.modules lets go of every
 * module, so __main__ is freed (its dict too, by reference counting,
 * unless functions or classes put it in a cycle); then a last collection
 * runs, enabled or not, without callbacks (_PyGC_CollectNoFail): the
 * finalizers of what __main__ held run in collection order, which is
 * roughly the order the objects were made. */
void gs_gc_at_exit(gs_VM *vm)
{
    /* C code (the interpreter shutting down) holds references now: the
     * per-line checks, which look only at Python-level holders, stay off */
    vm->c_depth++;
    gs_modules_at_exit(vm);
    gs_textio_flush(vm, 0); /* flush_std_files, before the collection */
    gs_textio_flush(vm, 1);
    if (vm->gc_enabled && !vm->gc_collecting)
        gs_gc_collect(vm, GS_NUM_GENERATIONS - 1, 0);
    /* finalize_modules: sys.modules lets go of its modules first, so
     * __main__ goes with the VM's reference */
    if (vm->modules && gs_dict_get_str(vm, vm->modules, vm->s___main__))
        gs_dict_set(vm, vm->modules, &vm->s___main__->ob, vm->none);
    drop_root(vm, &vm->main_module);
    if (!vm->gc_collecting) {
        gs_Object *saved = vm->exc;
        vm->exc = NULL;
        vm->gc_collecting = true;
        collect_main(vm, GS_NUM_GENERATIONS - 1, NULL, NULL);
        vm->gc_collecting = false;
        gs_clear_exc(vm);
        vm->exc = saved;
    }
    vm->c_depth--;
}
