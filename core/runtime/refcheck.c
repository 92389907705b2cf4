/* refcheck.c — `gcscope run --check-refcounts`: every live object's count
 * compared with the number of references held to it, at every line.
 *
 * A full check walks the whole heap (every object's references, the
 * frames, the VM's own roots) and compares each count with what it found.
 * Doing that at every line made a loop of 10^6 iterations run for hours:
 * the heap is walked once per line however little the line changed.
 *
 * So the check remembers what it found.  For every holder it keeps the ids
 * it held at the last check, and per object the number of holders counted.
 * The trace says what changed since (check mode records, as --record does):
 * an incref or decref names the object and, for a slot, its holder; a
 * ref_set, list insert or remove names the holder; alloc and free name the
 * object.  At a line only those holders are walked again (their old
 * references subtracted, their new ones added), the frames and roots are
 * recounted (they change at every line), and only the objects whose count
 * or holders changed are compared: the cost of a line is what the line did.
 *
 * The trace is a log of what the runtime announces, and a holder can change
 * silently (a reference stolen from the value stack into a container is a
 * ref_set, but a bug need not be).  Two things keep the answer exact:
 *   - a mismatch found incrementally is never reported as such: a full
 *     check runs and decides (a stale memory gives a false alarm, never a
 *     wrong verdict);
 *   - a full check also runs whenever the events seen since the last one
 *     outnumber four times the heap it walked, and at the end of the program, so every
 *     object is compared from scratch at intervals that keep the total cost
 *     linear in the program's work. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "vm.h"
#include "runtime.h"

typedef struct IdVec {
    uint32_t *v;
    size_t n, cap;
} IdVec;

struct gs_RefCheck {
    uint32_t cap;          /* ids 0 .. cap-1 have room in the arrays below */
    int64_t *held;         /* references counted to each id */
    uint32_t **refs;       /* per holder id: the ids it held at its last walk */
    uint32_t *nrefs;
    uint32_t *walk_mark;   /* == epoch: already queued to be walked in this check */
    uint32_t *cmp_mark;    /* == epoch: already queued to be compared */
    uint8_t *by_events;    /* a big holder followed by its events, not walked (below) */
    uint32_t epoch;
    IdVec roots;           /* ids held by frames and the VM at the last check */
    IdVec fixed_roots;     /* ids held by the VM's start-up roots at the last full check */
    IdVec holders;         /* to walk again in this check */
    IdVec verify;          /* to compare in this check */
    IdVec scratch;
    size_t cursor;         /* first trace event not yet read */
    size_t heap_work;      /* ids + references the last full check walked */
    size_t since_full;     /* events read since the last full check */
    bool valid;            /* the memory matches the heap of the last check */
    uint64_t nfull, nincremental, nfallback; /* GS_CHECK_STATS */
};

static int vec_push(IdVec *v, uint32_t id)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        uint32_t *p = realloc(v->v, cap * sizeof *p);
        if (!p)
            return -1;
        v->v = p;
        v->cap = cap;
    }
    v->v[v->n++] = id;
    return 0;
}

/* One per-id array grown from `old` to `cap` entries, the new ones zero.
 * On failure the array is left as it was (still valid for `old`). */
static bool grow_ids(void **arr, size_t elem, uint32_t old, uint32_t cap)
{
    char *p = realloc(*arr, (size_t)cap * elem);
    if (!p)
        return false;
    memset(p + (size_t)old * elem, 0, (size_t)(cap - old) * elem);
    *arr = p;
    return true;
}

static int reserve(gs_RefCheck *rc, uint32_t need)
{
    if (need <= rc->cap)
        return 0;
    uint32_t cap = rc->cap ? rc->cap : 1024;
    while (cap < need)
        cap = cap > UINT32_MAX / 2 ? UINT32_MAX : cap * 2;
    if (!grow_ids((void **)&rc->held, sizeof *rc->held, rc->cap, cap) ||
        !grow_ids((void **)&rc->refs, sizeof *rc->refs, rc->cap, cap) ||
        !grow_ids((void **)&rc->nrefs, sizeof *rc->nrefs, rc->cap, cap) ||
        !grow_ids((void **)&rc->walk_mark, sizeof *rc->walk_mark, rc->cap, cap) ||
        !grow_ids((void **)&rc->cmp_mark, sizeof *rc->cmp_mark, rc->cap, cap) ||
        !grow_ids((void **)&rc->by_events, sizeof *rc->by_events, rc->cap, cap))
        return -1; /* the ones grown keep their old entries: still valid for rc->cap */
    rc->cap = cap;
    return 0;
}

/* ------------------------------------------------------------------ what holds what */

static void collect(IdVec *out, gs_Object *o)
{
    if (o && !(o->gcflags & GS_GC_STATIC) && o->id)
        vec_push(out, o->id);
}

static int collect_visit(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    GS_UNUSED(vm);
    GS_UNUSED(holder);
    GS_UNUSED(cause);
    collect(arg, ref);
    return 0;
}

/* The references one object holds: what gs_traverse shows, and what the
 * runtime keeps outside it (a type's references to itself from its own
 * members, a traceback's code objects, a code object's names). */
static void object_refs(gs_VM *vm, gs_Object *o, IdVec *out)
{
    gs_traverse(vm, o, collect_visit, out);
    switch (GS_KIND(o)) {
    case GS_K_TYPE: {
        gs_Type *t = (gs_Type *)o;
        for (int32_t i = 0; i < t->internal_refs; i++)
            collect(out, o);
        collect(out, &t->name->ob);
        collect(out, t->qualname ? &t->qualname->ob : NULL);
        collect(out, &t->module->ob);
        break;
    }
    case GS_K_EXCEPTION: {
        gs_Exception *e = (gs_Exception *)o;
        for (int i = 0; i < e->ntb; i++)
            collect(out, &e->tb[i].code->ob);
        collect(out, e->attr_obj);
        collect(out, e->attr_name ? &e->attr_name->ob : NULL);
        break;
    }
    case GS_K_CODE: {
        gs_Code *c = (gs_Code *)o;
        for (int32_t i = 0; i < c->nnames; i++)
            collect(out, &c->names[i]->ob);
        for (int32_t i = 0; i < c->nlocals + c->ncells + c->nfrees; i++)
            collect(out, &c->localnames[i]->ob);
        collect(out, &c->name->ob);
        collect(out, &c->qualname->ob);
        collect(out, &c->filename->ob);
        break;
    }
    default:
        break;
    }
}

static void collect_root(void *out, gs_Object *o)
{
    collect(out, o);
}

/* The references held outside objects that change as the program runs:
 * the frames' slots and value stacks, the exception being handled. */
static void root_refs(gs_VM *vm, IdVec *out)
{
    for (gs_Frame *f = vm->frame; f; f = f->back) {
        for (gs_Object **p = f->localsplus; p < f->sp; p++)
            collect(out, *p);
        collect(out, f->frame_obj);
        collect(out, f->locals_dict);
        collect(out, f->func ? &f->func->ob : NULL);
        if (f->owns_locals) /* a class body's namespace */
            collect(out, f->locals);
    }
    collect(out, vm->exc);
    collect(out, vm->handled);
    collect(out, vm->gc_garbage);
    collect(out, vm->gc_callbacks);
    collect(out, vm->ast_consts);
}

/* ... and those the VM set up at start: the modules, the built-in types'
 * dicts.  They change too rarely to recount at every line (the full
 * checks recount them). */
static void fixed_root_refs(gs_VM *vm, IdVec *out)
{
    collect(out, vm->builtins);
    collect(out, vm->main_module);
    collect(out, vm->modules);
    collect(out, vm->sys_module);
    collect(out, vm->gc_module);
    collect(out, vm->weakref_module);
    collect(out, vm->builtins_module);
    collect(out, &vm->main_code->ob);
    collect(out, vm->tstate_dict);
    gs_builtins_count_roots(vm, collect_root, out);
}

/* ------------------------------------------------------------------ bookkeeping */

static void to_walk(gs_RefCheck *rc, uint32_t id)
{
    if (id && id < rc->cap && rc->walk_mark[id] != rc->epoch && !rc->by_events[id]) {
        rc->walk_mark[id] = rc->epoch;
        vec_push(&rc->holders, id);
    }
}

static void to_compare(gs_RefCheck *rc, uint32_t id)
{
    if (id && id < rc->cap && rc->cmp_mark[id] != rc->epoch) {
        rc->cmp_mark[id] = rc->epoch;
        vec_push(&rc->verify, id);
    }
}

/* Count (sign +1) or uncount (-1) references held; the objects they name
 * are to be compared. */
static void count_ids(gs_RefCheck *rc, const uint32_t *ids, size_t n, int sign)
{
    for (size_t i = 0; i < n; i++) {
        if (ids[i] >= rc->cap)
            continue;
        rc->held[ids[i]] += sign;
        to_compare(rc, ids[i]);
    }
}

/* A holder of this many references (a module's namespace with thousands
 * of globals, a big list) is not walked again for one changed slot: that
 * made a program of n assignments at module level cost n^2.  Its changes
 * are taken from the events instead: a ref_set replaces one reference
 * with another, a list insert or remove adds or takes one, a key's incref
 * or decref (keys have no ref_set) adds or takes one.  Its remembered list
 * is then out of date, so it is not walked again until the next full
 * check; if it is freed, the next check is a full one. */
#define GS_CHECK_BIG_HOLDER 256

static void held_delta(gs_RefCheck *rc, uint32_t id, int sign)
{
    if (id && id < rc->cap) {
        rc->held[id] += sign;
        to_compare(rc, id);
    }
}

/* Walk a holder again: forget what it held, count what it holds now, and
 * remember that.  A freed holder holds nothing. */
static int rewalk(gs_VM *vm, gs_RefCheck *rc, uint32_t id)
{
    count_ids(rc, rc->refs[id], rc->nrefs[id], -1);
    rc->nrefs[id] = 0;
    gs_Object *o = id < vm->objtab_cap ? vm->objtab[id] : NULL;
    if (!o) {
        free(rc->refs[id]);
        rc->refs[id] = NULL;
        return 0;
    }
    rc->scratch.n = 0;
    object_refs(vm, o, &rc->scratch);
    if (rc->scratch.n) {
        uint32_t *p = realloc(rc->refs[id], rc->scratch.n * sizeof *p);
        if (!p)
            return -1;
        memcpy(p, rc->scratch.v, rc->scratch.n * sizeof *p);
        rc->refs[id] = p;
        rc->nrefs[id] = (uint32_t)rc->scratch.n;
    }
    count_ids(rc, rc->scratch.v, rc->scratch.n, +1);
    rc->by_events[id] = rc->scratch.n >= GS_CHECK_BIG_HOLDER;
    return 0;
}

static void recount_roots(gs_VM *vm, gs_RefCheck *rc)
{
    count_ids(rc, rc->roots.v, rc->roots.n, -1);
    rc->roots.n = 0;
    root_refs(vm, &rc->roots);
    count_ids(rc, rc->roots.v, rc->roots.n, +1);
}

static int compare(gs_VM *vm, gs_RefCheck *rc, bool report)
{
    for (size_t i = 0; i < rc->verify.n; i++) {
        uint32_t id = rc->verify.v[i];
        gs_Object *o = id < vm->objtab_cap ? vm->objtab[id] : NULL;
        if (!o || (o->gcflags & GS_GC_STATIC) || o->refcnt == rc->held[id])
            continue;
        if (report) {
            char buf[256];
            snprintf(buf, sizeof buf, "line %u: %s object #%u has refcount %lld but %lld holders", vm->cur_line,
                     gs_type_name(o), id, (long long)o->refcnt, (long long)rc->held[id]);
            free(vm->check_failure);
            vm->check_failure = strdup(buf);
        }
        return -1;
    }
    return 0;
}

static void next_epoch(gs_RefCheck *rc)
{
    rc->holders.n = rc->verify.n = 0;
    if (++rc->epoch == 0) { /* wrapped: old marks could match again */
        memset(rc->walk_mark, 0, rc->cap * sizeof *rc->walk_mark);
        memset(rc->cmp_mark, 0, rc->cap * sizeof *rc->cmp_mark);
        rc->epoch = 1;
    }
}

/* ------------------------------------------------------------------ full and incremental */

static int full_check(gs_VM *vm, gs_RefCheck *rc)
{
    rc->nfull++;
    rc->valid = false;
    if (reserve(rc, vm->next_id + 1) < 0)
        return 0; /* out of memory: no verdict rather than a wrong one */
    next_epoch(rc);
    memset(rc->held, 0, rc->cap * sizeof *rc->held);
    rc->roots.n = 0;
    /* every id ever given out is looked at (ids are not reused), so that
     * is the cost that spaces the full checks */
    size_t work = rc->cap;
    for (uint32_t id = 1; id < rc->cap; id++) {
        rc->nrefs[id] = 0;
        if (id < vm->objtab_cap && vm->objtab[id]) {
            if (rewalk(vm, rc, id) < 0)
                return 0;
            work += 1 + rc->nrefs[id];
        } else {
            rc->by_events[id] = 0;
            free(rc->refs[id]);
            rc->refs[id] = NULL;
        }
    }
    recount_roots(vm, rc);
    rc->fixed_roots.n = 0;
    fixed_root_refs(vm, &rc->fixed_roots);
    count_ids(rc, rc->fixed_roots.v, rc->fixed_roots.n, +1);
    work += rc->roots.n + rc->fixed_roots.n;
    /* every live object is compared, counted or not */
    for (uint32_t id = 1; id < rc->cap && id < vm->objtab_cap; id++)
        if (vm->objtab[id])
            to_compare(rc, id);
    int r = compare(vm, rc, true);
    rc->heap_work = work;
    rc->since_full = 0;
    rc->cursor = vm->trace.n;
    rc->valid = r == 0;
    return r;
}

/* What the events since the last check changed: holders to walk again and
 * objects whose count changed. */
static void read_events(gs_VM *vm, gs_RefCheck *rc)
{
    for (size_t i = rc->cursor; i < vm->trace.n; i++) {
        gs_Event e = gs_trace_get(&vm->trace, i);
        switch (e.kind) {
        case GS_EV_ALLOC:
            to_walk(rc, e.obj);
            to_compare(rc, e.obj);
            break;
        case GS_EV_FREE:
            if (e.obj < rc->cap && rc->by_events[e.obj])
                rc->valid = false; /* what it held is known only roughly: start afresh */
            to_walk(rc, e.obj);
            to_compare(rc, e.obj);
            break;
        case GS_EV_INCREF:
        case GS_EV_DECREF: {
            to_compare(rc, e.obj);
            /* an object in use whose references change with no event of
             * their own: a generator's frame (its slots move between the
             * value stack and the generator as it runs and suspends), an
             * iterator, a native module object's state */
            gs_Object *o = e.obj < vm->objtab_cap ? vm->objtab[e.obj] : NULL;
            if (o && (GS_KIND(o) == GS_K_GENERATOR || GS_KIND(o) == GS_K_ITER || GS_KIND(o) == GS_K_FRAME ||
                      GS_KIND(o) == GS_K_INSTANCE))
                to_walk(rc, e.obj);
            /* the holder of a slot; a frame's id for a name or a temporary,
             * which may also be some object's id: walking that object again
             * costs a little and changes nothing */
            if (e.b < rc->cap && rc->by_events[e.b]) {
                /* a set's ref_set names its keys; a dict's names only values */
                gs_Object *h = e.b < vm->objtab_cap ? vm->objtab[e.b] : NULL;
                if (e.sub == GS_CAUSE_KEY && h && GS_KIND(h) == GS_K_DICT)
                    held_delta(rc, e.obj, e.kind == GS_EV_INCREF ? +1 : -1);
            } else if (e.b < vm->objtab_cap && vm->objtab[e.b])
                to_walk(rc, e.b);
            break;
        }
        case GS_EV_FRAME_POP: /* c: the generator a suspended frame goes back to */
            to_walk(rc, e.c);
            break;
        case GS_EV_REF_SET:
            if (e.obj < rc->cap && rc->by_events[e.obj]) {
                held_delta(rc, e.a, -1);
                held_delta(rc, e.b, +1);
            }
            to_walk(rc, e.obj);
            to_compare(rc, e.a);
            to_compare(rc, e.b);
            break;
        case GS_EV_LIST_INSERT:
            if (e.obj < rc->cap && rc->by_events[e.obj])
                held_delta(rc, e.b, +1);
            to_walk(rc, e.obj);
            to_compare(rc, e.b);
            break;
        case GS_EV_LIST_REMOVE:
            if (e.obj < rc->cap && rc->by_events[e.obj])
                held_delta(rc, e.a, -1);
            to_walk(rc, e.obj);
            to_compare(rc, e.a);
            break;
        case GS_EV_BIND:
        case GS_EV_UNBIND:
            to_compare(rc, e.a);
            to_compare(rc, e.b);
            break;
        case GS_EV_WEAKREF_CLEAR:
            to_walk(rc, e.obj);
            to_walk(rc, e.b);
            break;
        default:
            break;
        }
    }
    rc->since_full += vm->trace.n - rc->cursor;
    rc->cursor = vm->trace.n;
}

int gs_vm_check_refcounts(gs_VM *vm)
{
    if (!vm->objtab)
        return 0;
    if (!vm->refcheck) {
        vm->refcheck = calloc(1, sizeof *vm->refcheck);
        if (!vm->refcheck)
            return 0;
    }
    gs_RefCheck *rc = vm->refcheck;
    int r;
    /* from scratch: the first time, after a mismatch, once the events since
     * the last full check outnumber what it walked, and at the end */
    if (!rc->valid || vm->finished || !vm->recording || vm->trace.n < rc->cursor ||
        rc->since_full + (vm->trace.n - rc->cursor) > 4 * rc->heap_work)
        r = full_check(vm, rc);
    else if (reserve(rc, vm->next_id + 1) < 0)
        r = full_check(vm, rc);
    else {
        rc->nincremental++;
        next_epoch(rc);
        read_events(vm, rc);
        r = 0;
        for (size_t i = 0; rc->valid && i < rc->holders.n; i++)
            if (rewalk(vm, rc, rc->holders.v[i]) < 0)
                rc->valid = false;
        if (rc->valid) {
            recount_roots(vm, rc);
            r = compare(vm, rc, false);
        }
        if (!rc->valid || r < 0) { /* the memory may be stale (a silent change): decide afresh */
            rc->nfallback += rc->valid;
            r = full_check(vm, rc);
        }
    }
    /* Checking alone records only to learn what changed: what has been read
     * is dropped, so the trace stays small. */
    if (!vm->cfg.record && vm->trace.n > ((size_t)1 << 16)) {
        gs_trace_truncate(&vm->trace, 0);
        rc->cursor = 0;
        vm->last_line_event = GS_NO_LINE_EVENT;
    }
    return r;
}

void gs_refcheck_free(gs_VM *vm)
{
    gs_RefCheck *rc = vm->refcheck;
    if (!rc)
        return;
    if (getenv("GS_CHECK_STATS"))
        fprintf(stderr, "check-refcounts: %llu full, %llu incremental, %llu fell back to full\n",
                (unsigned long long)rc->nfull, (unsigned long long)rc->nincremental,
                (unsigned long long)rc->nfallback);
    for (uint32_t id = 0; id < rc->cap; id++)
        free(rc->refs[id]);
    free(rc->refs);
    free(rc->nrefs);
    free(rc->held);
    free(rc->walk_mark);
    free(rc->cmp_mark);
    free(rc->by_events);
    free(rc->roots.v);
    free(rc->fixed_roots.v);
    free(rc->holders.v);
    free(rc->verify.v);
    free(rc->scratch.v);
    free(rc);
    vm->refcheck = NULL;
}
