/*
 * scene_build.c — fill a gs_Scene from the timeline's state at its current
 * position, and say in plain words what the last event did.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/object.h"
#include "scene_build.h"

static const char *str_at(const gs_Trace *t, uint32_t id)
{
    return id ? gs_trace_string_at(t, id, NULL) : "";
}

/* Objects a student should not have to look at: the compiler's code
 * objects, modules and built-in functions (they are the runtime's). */
static bool hidden_kind(int kind)
{
    return kind == GS_K_CODE || kind == GS_K_MODULE || kind == GS_K_BUILTIN;
}

static bool primitive_kind(int kind)
{
    return kind == GS_K_INT || kind == GS_K_STR || kind == GS_K_FLOAT || kind == GS_K_BOOL || kind == GS_K_NONE;
}

/* A short value for primitives: 42, 'abc', 1.5 */
static void value_of(const gs_Trace *t, const gs_TLObject *o, char *buf, size_t n)
{
    buf[0] = 0;
    switch (o->kind) {
    case GS_K_INT:
        if (o->alloc_flags & GS_ALLOC_BIGINT) {
            uint32_t len;
            snprintf(buf, n, "%s", gs_trace_string_at(t, o->b, &len));
        } else
            snprintf(buf, n, "%" PRId64, (int64_t)((uint64_t)o->b | ((uint64_t)o->c << 32)));
        break;
    case GS_K_BOOL: snprintf(buf, n, "%s", o->b ? "True" : "False"); break;
    case GS_K_NONE: snprintf(buf, n, "None"); break;
    case GS_K_FLOAT: {
        uint64_t bits = (uint64_t)o->b | ((uint64_t)o->c << 32);
        double d;
        memcpy(&d, &bits, sizeof d);
        snprintf(buf, n, "%.6g", d);
        break;
    }
    case GS_K_STR: {
        uint32_t len;
        const char *s = gs_trace_string_at(t, o->b, &len);
        if (len > 14)
            snprintf(buf, n, "'%.12s…'", s);
        else
            snprintf(buf, n, "'%s'", s);
        break;
    }
    default: break;
    }
}

/* The name a student knows a type by: type(r).__name__ of a weak
 * reference is "ReferenceType", but everyone calls it a weakref. */
static const char *shown_type(const char *type)
{
    if (!type[0])
        return "object";
    if (strcmp(type, "weakref.ReferenceType") == 0)
        return "weakref";
    return type;
}

static void object_label(gs_Timeline *tl, uint32_t id, char *buf, size_t n)
{
    gs_TLObject o;
    const gs_Trace *t = gs_timeline_trace(tl);
    if (!gs_timeline_object(tl, id, &o)) {
        /* gone now: what it was when it was made */
        gs_Event a;
        if (!gs_timeline_gone(tl, id, &a))
            snprintf(buf, n, "object #%u", id);
        else if ((a.sub == GS_K_FUNCTION || a.sub == GS_K_TYPE) && a.b)
            snprintf(buf, n, "%s %s #%u", a.sub == GS_K_TYPE ? "class" : "function", str_at(t, a.b), id);
        else
            snprintf(buf, n, "%s #%u", shown_type(str_at(t, a.a)), id);
        return;
    }
    char v[64];
    value_of(t, &o, v, sizeof v);
    const char *type = shown_type(str_at(t, o.type));
    if (o.kind == GS_K_DICT) {
        /* the module's namespace is drawn as the module's frame box */
        gs_TLFrame frs[16];
        size_t nf = gs_timeline_frames(tl, frs, 16);
        for (size_t k = 0; k < nf && k < 16; k++)
            if (frs[k].ns == id) {
                snprintf(buf, n, "the module's names (dict #%u)", id);
                return;
            }
    }
    if (o.kind == GS_K_TYPE && o.b)
        snprintf(buf, n, "class %s #%u", str_at(t, o.b), id);
    else if (o.kind == GS_K_FUNCTION && o.b)
        snprintf(buf, n, "function %s #%u", str_at(t, o.b), id);
    else if (o.kind == GS_K_MODULE && o.b) /* not drawn: said so */
        snprintf(buf, n, "module %s (modules are not drawn)", str_at(t, o.b));
    else if (v[0])
        snprintf(buf, n, "%s %s", type, v);
    else
        snprintf(buf, n, "%s #%u", type, id);
}

/* The text of a str key object, or NULL. */
static const char *key_text(gs_Timeline *tl, uint32_t key)
{
    gs_TLObject k;
    if (!gs_timeline_object(tl, key, &k) || k.kind != GS_K_STR)
        return NULL;
    return str_at(gs_timeline_trace(tl), k.b);
}

/* The label of a slot: index, key, attribute name or field. */
/* The Python name of an object's internal field (the slot numbers are the
 * runtime's traverse order for each kind). */
static const char *field_name(int kind, uint32_t slot)
{
    static const char *function[] = { "__code__", "__globals__", "__name__", "__qualname__", "__defaults__",
                                       "__kwdefaults__", "__closure__", "__dict__", "__annotations__" };
    switch (kind) {
    case GS_K_FUNCTION: return slot < 9 ? function[slot] : "field";
    case GS_K_METHOD: return slot == 0 ? "__func__" : "__self__";
    case GS_K_BUILTIN: return "__self__";
    case GS_K_CELL: return "cell_contents";
    case GS_K_WEAKREF: return slot == 0 ? "callback" : "key";
    case GS_K_GENERATOR: return slot == 0 ? "function" : "gi_frame";
    case GS_K_FRAME: return slot == 0 ? "f_code" : slot == 1 ? "f_back" : "function";
    case GS_K_ITER: return slot == 0 ? "iterating" : "state";
    case GS_K_SLICE: return slot == 0 ? "start" : slot == 1 ? "stop" : "step";
    case GS_K_TRACEBACK: return slot == 0 ? "tb_next" : "tb_frame";
    case GS_K_PROPERTY: case GS_K_CLASSMETHOD: case GS_K_STATICMETHOD: return "__func__";
    case GS_K_MODULE: return "__dict__";
    case GS_K_TYPE: return slot == 0 ? "__dict__" : slot == 1 ? "__base__" : slot == 3 ? "__bases__" : "__mro__";
    case GS_K_EXCEPTION:
        return slot == 10 ? "args" : slot == 11 ? "__traceback__" : slot == 12 ? "__context__"
             : slot == 13 ? "__cause__" : slot == 16 ? "message" : slot == 17 ? "exceptions"
             : slot == 1 ? "__dict__" : "field";
    case GS_K_INSTANCE:
        return slot == 1 || slot == GS_OSLOT_DICT ? "__dict__" : slot == GS_OSLOT_CLASS ? "__class__" : "field";
    default: return "field";
    }
}

static void slot_label(gs_Timeline *tl, const gs_TLEdge *e, int holder_kind, char *buf, size_t n)
{
    const gs_Trace *t = gs_timeline_trace(tl);
    switch (e->sub) {
    case GS_CAUSE_SLOT: snprintf(buf, n, "%u", e->slot); break;
    case GS_CAUSE_ATTR: snprintf(buf, n, "%s", str_at(t, e->slot)); break;
    case GS_CAUSE_VALUE:
    case GS_CAUSE_KEY: {
        const char *kt = key_text(tl, e->slot);
        if (kt) {
            snprintf(buf, n, "'%.20s'", kt);
            break;
        }
        gs_TLObject k;
        if (gs_timeline_object(tl, e->slot, &k)) {
            char v[64];
            value_of(t, &k, v, sizeof v);
            snprintf(buf, n, "%.22s", v[0] ? v : "key");
        } else
            snprintf(buf, n, "key");
        break;
    }
    case GS_CAUSE_INTERNAL:
        snprintf(buf, n, "%s", field_name(holder_kind, e->slot));
        break;
    default: snprintf(buf, n, "·"); break;
    }
}

/* Edges worth drawing: not to hidden runtime objects, not to code. */
static bool edge_shown(gs_Timeline *tl, const gs_TLEdge *e, int holder_kind)
{
    if (e->sub == GS_CAUSE_KEY || e->sub == GS_CAUSE_CONST)
        return false;
    /* an instance's reference to its class, a class's namespace and base:
     * true, but noise on a picture about the program's data */
    gs_TLObject t;
    bool known = gs_timeline_object(tl, e->target, &t);
    /* ... except an instance's materialised __dict__: once a program has
     * asked for it, the attributes live there, and the instance's only
     * visible reference is the one to its dict */
    if (e->sub == GS_CAUSE_INTERNAL && (holder_kind == GS_K_INSTANCE || holder_kind == GS_K_EXCEPTION ||
                                        holder_kind == GS_K_TYPE) &&
        !(holder_kind != GS_K_TYPE && known && t.kind == GS_K_DICT) &&
        !(holder_kind == GS_K_EXCEPTION && ((e->slot >= 10 && e->slot <= 13) || e->slot == 16 || e->slot == 17))) /* an exception's args,
                                                                               __traceback__, __context__, __cause__ */
        return false;
    if (!known)
        return true; /* None, True... drawn as values */
    if (hidden_kind(t.kind))
        return false;
    if (e->sub == GS_CAUSE_INTERNAL && (t.kind == GS_K_DICT || t.kind == GS_K_STR) && e->slot <= 3 &&
        holder_kind != GS_K_INSTANCE && holder_kind != GS_K_EXCEPTION)
        return false; /* a function's globals and names */
    return true;
}

/* A library object's private part (GS_ALLOC_INTERNAL): not drawn; the
 * object holding it shows what it leads to instead. */
static bool internal_part(gs_Timeline *tl, uint32_t id)
{
    gs_TLObject o;
    return gs_timeline_object(tl, id, &o) && o.alloc_event != UINT32_MAX && (o.alloc_flags & GS_ALLOC_INTERNAL);
}

/* What private part `id` of `owner` leads to, as slots of the owner (the
 * last object of the scene): a weak dictionary drawn as its entries.  A
 * KeyedRef in the dict of a WeakValueDictionary is a dashed slot named by
 * its key to the value; a weak reference that is a WeakKeyDictionary's
 * key, a dashed "key" slot to the key, with the value beside it; a
 * WeakSet's references, dashed slots to its items.  The weak references
 * back to the owner (its `_remove` callback's) lead nowhere new.  Returns
 * the slots added, -1 out of memory. */
static int lift(gs_Scene *s, gs_Timeline *tl, uint32_t owner, uint32_t id, const char *label, int depth)
{
    gs_TLObject o, r;
    if (!gs_timeline_object(tl, id, &o))
        return 0;
    if (o.kind == GS_K_WEAKREF) {
        if ((o.flags & GS_TLO_CLEARED) || !o.c || o.c == owner || !gs_timeline_object(tl, o.c, &r) ||
            !(r.flags & GS_TLO_ALIVE) || hidden_kind(r.kind))
            return 0;
        gs_SceneSlot *sl = gs_scene_add_slot(s, &s->objects[s->nobjects - 1]);
        if (!sl)
            return -1;
        snprintf(sl->label, sizeof sl->label, "%s", label[0] ? label : "weak");
        sl->target = o.c;
        sl->weak = true;
        return 1;
    }
    if (depth >= 4)
        return 0;
    enum { MAXL = 64 };
    gs_TLEdge edges[MAXL];
    size_t ne = gs_timeline_edges(tl, id, edges, MAXL);
    if (ne > MAXL)
        ne = MAXL; /* a big weak dictionary: its first entries */
    int added = 0;
    for (size_t k = 0; k < ne; k++) {
        const gs_TLEdge *e = &edges[k];
        char lab[24];
        int got = 0;
        if (e->sub == GS_CAUSE_KEY) {
            if (internal_part(tl, e->target)) /* a WeakKeyDictionary's reference to its key */
                got = lift(s, tl, owner, e->target, "key", depth + 1);
        } else if (edge_shown(tl, e, o.kind)) {
            if (e->sub == GS_CAUSE_VALUE && internal_part(tl, e->slot))
                snprintf(lab, sizeof lab, "value");
            else
                slot_label(tl, e, o.kind, lab, sizeof lab);
            if (internal_part(tl, e->target))
                got = lift(s, tl, owner, e->target, o.kind == GS_K_DICT || !label[0] ? lab : label, depth + 1);
            else {
                gs_SceneSlot *sl = gs_scene_add_slot(s, &s->objects[s->nobjects - 1]);
                if (!sl)
                    return -1;
                snprintf(sl->label, sizeof sl->label, "%s", lab);
                sl->target = e->target;
                got = 1;
            }
        }
        if (got < 0)
            return -1;
        added += got;
    }
    return added;
}

/* The value `key` has in dict `d` (0: none), among its first entries. */
static uint32_t dict_value(gs_Timeline *tl, uint32_t d, uint32_t key)
{
    gs_TLEdge e[256];
    size_t n = gs_timeline_edges(tl, d, e, 256);
    for (size_t k = 0; k < n && k < 256; k++)
        if (e[k].sub == GS_CAUSE_VALUE && e[k].slot == key)
            return e[k].target;
    return 0;
}

/* A finalizer's slots, from its _Info: `obj` dashed to the object it
 * watches (its weak reference's referent), then func, args and kwargs as
 * finalize's peek() gives them (kwargs when there are any); not the
 * registry's index. */
static int lift_finalizer(gs_Scene *s, gs_Timeline *tl, uint32_t owner, uint32_t info)
{
    gs_TLEdge e[16];
    size_t n = gs_timeline_edges(tl, info, e, 16);
    int added = 0;
    for (size_t k = 0; k < n && k < 16; k++) {
        const char *name = e[k].sub == GS_CAUSE_ATTR ? str_at(gs_timeline_trace(tl), e[k].slot) : "";
        gs_TLObject t;
        bool known = gs_timeline_object(tl, e[k].target, &t);
        int got = 0;
        if (strcmp(name, "weakref") == 0)
            got = lift(s, tl, owner, e[k].target, "obj", 1);
        else if (strcmp(name, "func") == 0 || strcmp(name, "args") == 0 ||
                 (strcmp(name, "kwargs") == 0 && known && t.kind == GS_K_DICT)) {
            gs_SceneSlot *sl = gs_scene_add_slot(s, &s->objects[s->nobjects - 1]);
            if (!sl)
                return -1;
            snprintf(sl->label, sizeof sl->label, "%s", name);
            sl->target = e[k].target;
            got = 1;
        }
        if (got < 0)
            return -1;
        added += got;
    }
    return added;
}

/* A weakref.finalize object's _Info (a private part: the weak reference
 * to the object, func, args, kwargs, index): the value finalize's
 * `_registry` (a dict the weakref module made for itself) keeps for it;
 * 0 if `o` is not a live finalizer. */
static uint32_t finalizer_info(gs_Timeline *tl, const gs_TLObject *o)
{
    const gs_Trace *t = gs_timeline_trace(tl);
    if (o->kind != GS_K_INSTANCE || strcmp(str_at(t, o->type), "finalize") != 0)
        return 0;
    size_t cur = 0;
    gs_TLObject d;
    while (gs_timeline_next_object(tl, &cur, &d)) {
        if (d.kind != GS_K_DICT || d.alloc_event == UINT32_MAX || !(d.alloc_flags & GS_ALLOC_RUNTIME))
            continue;
        uint32_t info = dict_value(tl, d.id, o->id);
        if (info && internal_part(tl, info))
            return info;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Is `id` among the first `n` (sorted) objects? */
static bool in_sorted(const gs_Scene *s, int n, uint32_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        uint32_t m = s->objects[mid].id;
        if (m == id)
            return true;
        if (m < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}

/* Small ints, None, True and interned strings are immortal (the trace
 * never sees them born); add the ones something refers to, so the UI can
 * write their values.  Sorted once at the end: sorting after each
 * addition was most of a rebuild. */
static void add_statics(gs_Scene *s, gs_Timeline *tl, const uint32_t *targets, size_t stride, int n)
{
    if (n <= 0)
        return;
    uint32_t *ids = malloc((size_t)n * sizeof *ids);
    if (!ids)
        return;
    for (int i = 0; i < n; i++)
        ids[i] = *(const uint32_t *)((const char *)targets + (size_t)i * stride);
    qsort(ids, (size_t)n, sizeof *ids, cmp_u32);
    int sorted = s->nobjects, added = 0;
    const gs_Trace *t = gs_timeline_trace(tl);
    for (int i = 0; i < n; i++) {
        uint32_t id = ids[i];
        if ((i > 0 && ids[i - 1] == id) || in_sorted(s, sorted, id))
            continue;
        gs_TLObject o;
        if (!gs_timeline_object(tl, id, &o) || !primitive_kind(o.kind))
            continue;
        gs_SceneObject *so = gs_scene_add_object(s);
        if (!so)
            break;
        so->id = id;
        snprintf(so->type, sizeof so->type, "%s", str_at(t, o.type)[0] ? str_at(t, o.type) : "object");
        value_of(t, &o, so->value, sizeof so->value);
        so->band = GS_BAND_UNTRACKED;
        so->flags = GS_SO_PRIMITIVE;
        so->refcount = (int)o.refcnt;
        so->size = o.size;
        so->type_id = o.type;
        added++;
    }
    free(ids);
    if (added)
        gs_scene_sort(s);
}

static const char *phase_words(int p);

/* Containers whose many references may be grouped (see group_alike). */
typedef struct Many {
    uint32_t holder;
    uint32_t *targets;
    int n;
} Many;

enum { SLOTS_ALL = 16, SLOTS_HEAD = 6, SLOTS_TAIL = 4, GROUP_MIN = 12, GROUP_SCAN_MAX = 200000 };

/* Many objects of one type that only one container holds (each with a
 * count of 1: lesson 20's 500 Items in a list) are drawn as one group: the
 * first stands for the rest, which are flagged GROUPED. */
/* Objects one stack can stand for: the same type in the same column (a
 * stack drawn in generation 2 must not hold an object of generation 0). */
static bool alike(const gs_SceneObject *a, const gs_SceneObject *b)
{
    return a->band == b->band && strcmp(a->type, b->type) == 0;
}

static void group_alike(gs_Scene *s, const Many *m)
{
    int *idx = malloc((size_t)m->n * sizeof *idx);
    if (!idx)
        return;
    int k = 0;
    for (int i = 0; i < m->n; i++) {
        const gs_SceneObject *o = gs_scene_find(s, m->targets[i]);
        if (o && o->refcount == 1 && !(o->flags & (GS_SO_PRIMITIVE | GS_SO_DEFINITION | GS_SO_GROUPED)) &&
            o->group_count == 0 && o->id != m->holder)
            idx[k++] = (int)(o - s->objects);
    }
    for (int i = 0; i < k; i++) {
        if (idx[i] < 0)
            continue;
        gs_SceneObject *first = &s->objects[idx[i]];
        int same = 1;
        for (int j = i + 1; j < k; j++)
            same += idx[j] >= 0 && alike(&s->objects[idx[j]], first);
        if (same < GROUP_MIN)
            continue;
        first->group = m->holder;
        first->group_count = same;
        for (int j = i + 1; j < k; j++)
            if (idx[j] >= 0 && alike(&s->objects[idx[j]], first)) {
                s->objects[idx[j]].flags |= GS_SO_GROUPED;
                s->objects[idx[j]].group = m->holder;
                idx[j] = -1;
            }
        idx[i] = -1;
    }
    free(idx);
}

/* Who holds object `id`, over the whole heap: names (of frames and of the
 * module namespace), slots of drawn objects, objects not drawn; the rest
 * of its count is held by the expression being evaluated. */
static void count_holders(gs_Scene *s, gs_Timeline *tl, uint32_t id, uint32_t ns)
{
    gs_SceneHolders *h = &s->holders;
    memset(h, 0, sizeof *h);
    gs_TLObject target;
    if (!id || !gs_timeline_object(tl, id, &target) || target.refcnt < 0)
        return;
    h->id = id;
    size_t cur = 0, cap = 256;
    gs_TLEdge *e = malloc(cap * sizeof *e);
    if (!e)
        return;
    gs_TLObject o;
    while (gs_timeline_next_object(tl, &cur, &o)) {
        if (!(o.flags & GS_TLO_ALIVE))
            continue;
        size_t ne = gs_timeline_edges(tl, o.id, e, cap);
        if (ne > cap) {
            gs_TLEdge *ne2 = realloc(e, ne * sizeof *e);
            if (!ne2)
                break;
            e = ne2;
            cap = ne;
            ne = gs_timeline_edges(tl, o.id, e, cap);
        }
        for (size_t k = 0; k < ne; k++) {
            if (e[k].target != id)
                continue;
            if (o.id == ns && e[k].sub == GS_CAUSE_VALUE)
                h->names++;
            else if (gs_scene_find(s, o.id))
                h->slots++;
            else
                h->hidden++;
        }
    }
    gs_TLFrame frames[64];
    size_t nf = gs_timeline_frames(tl, frames, 64);
    for (size_t f = 0; f < nf && f < 64; f++) {
        if (frames[f].ns)
            continue;
        size_t nn = gs_timeline_frame_names(tl, frames[f].id, e, cap);
        for (size_t k = 0; k < nn && k < cap; k++)
            h->names += e[k].target == id && e[k].sub != GS_CAUSE_KEY;
    }
    free(e);
    int64_t rest = target.refcnt - h->names - h->slots - h->hidden;
    h->temps = rest > 0 ? (int)rest : 0;
    if (h->temps && (target.flags & GS_TLO_FINALIZED)) {
        /* its __del__ running now?  The frame pushed just after its
         * finalize event is still on the stack (a bounded look back) */
        const gs_Trace *t = gs_timeline_trace(tl);
        size_t pos = gs_timeline_pos(tl);
        for (size_t j = pos; j-- > 0 && pos - j <= 1000000;) {
            gs_Event ev = gs_trace_get(t, j);
            if (ev.kind != GS_EV_FINALIZE || ev.obj != id)
                continue;
            for (size_t k = j + 1; k < pos; k++) {
                gs_Event pe = gs_trace_get(t, k);
                if (pe.kind != GS_EV_FRAME_PUSH)
                    continue;
                for (size_t f = 0; f < nf && f < 64; f++)
                    h->finalizing = h->finalizing || frames[f].id == pe.obj;
                break;
            }
            break;
        }
    }
    if (h->temps && !h->finalizing) {
        /* held by a container that is being freed?  Its next decref says
         * so: its holder is an object no longer alive (a bounded look) */
        const gs_Trace *t = gs_timeline_trace(tl);
        size_t pos = gs_timeline_pos(tl);
        for (size_t j = pos; j < t->n && j < pos + 1000000; j++) {
            gs_Event ev = gs_trace_get(t, j);
            if (ev.obj != id || (ev.kind != GS_EV_DECREF && ev.kind != GS_EV_INCREF && ev.kind != GS_EV_FREE))
                continue;
            gs_TLObject hd;
            if (ev.kind == GS_EV_DECREF && ev.b && ev.b != id &&
                (!gs_timeline_object(tl, ev.b, &hd) || !(hd.flags & GS_TLO_ALIVE))) {
                gs_Event a;
                h->dying_holder = ev.b;
                snprintf(h->dying_type, sizeof h->dying_type, "%s",
                         gs_timeline_gone(tl, ev.b, &a) ? str_at(t, a.a) : "object");
            }
            break;
        }
    }
}

/* ------------------------------------------------------------------ bytes by line, by type */

/* Largest first, as tracemalloc and objgraph list them; ties by count,
 * then by key, so the order is the same every time. */
static int cmp_stat(const void *a, const void *b)
{
    const gs_SceneStat *x = a, *y = b;
    if (x->bytes != y->bytes)
        return x->bytes > y->bytes ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* Rows by key: an open-addressing table from a key to its row (+1; 0 is
 * empty), so a step over many objects costs one look-up each and no sort
 * of the objects (there are few rows: lines and types). */
typedef struct StatIndex {
    uint32_t *key, *row;
    size_t cap, n;
} StatIndex;

static bool stat_index_grow(StatIndex *ix)
{
    size_t cap = ix->cap ? ix->cap * 2 : 256;
    uint32_t *k = calloc(cap, sizeof *k), *r = calloc(cap, sizeof *r);
    if (!k || !r) {
        free(k);
        free(r);
        return false;
    }
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->row[i]) {
            size_t h = (ix->key[i] * 2654435761u) & (cap - 1);
            while (r[h])
                h = (h + 1) & (cap - 1);
            k[h] = ix->key[i];
            r[h] = ix->row[i];
        }
    free(ix->key);
    free(ix->row);
    ix->key = k;
    ix->row = r;
    ix->cap = cap;
    return true;
}

/* Add one object of `size` bytes to the row of `key` (made if new). */
static void stat_add(gs_Scene *s, StatIndex *ix, const gs_Trace *t, bool by_type, uint32_t key, uint32_t size)
{
    if ((ix->n + 1) * 2 > ix->cap && !stat_index_grow(ix))
        return;
    size_t h = (key * 2654435761u) & (ix->cap - 1);
    while (ix->row[h] && ix->key[h] != key)
        h = (h + 1) & (ix->cap - 1);
    gs_SceneStat *r;
    if (ix->row[h])
        r = by_type ? &s->by_type[ix->row[h] - 1] : &s->by_line[ix->row[h] - 1];
    else {
        r = gs_scene_add_stat(s, by_type);
        if (!r)
            return;
        r->key = key;
        if (by_type)
            snprintf(r->type, sizeof r->type, "%s", str_at(t, key)[0] ? str_at(t, key) : "object");
        ix->key[h] = key;
        ix->row[h] = (uint32_t)(by_type ? s->nby_type : s->nby_line);
        ix->n++;
    }
    r->count++;
    r->bytes += size;
}

/* The BY LINE and BY TYPE views: every live object with an alloc event
 * (what gs_TLBytes.allocated sums, so the rows add up to it), by the line
 * that made it and by its type. */
static void build_stats(gs_Scene *s, gs_Timeline *tl)
{
    const gs_Trace *t = gs_timeline_trace(tl);
    StatIndex lines = { 0 }, types = { 0 };
    size_t cur = 0;
    gs_TLObject o;
    while (gs_timeline_next_object(tl, &cur, &o)) {
        if (!(o.flags & GS_TLO_ALIVE) || (o.flags & GS_TLO_STATIC) || o.alloc_event == UINT32_MAX)
            continue;
        stat_add(s, &lines, t, false, o.alloc_line, o.size);
        stat_add(s, &types, t, true, o.type, o.size);
    }
    free(lines.key);
    free(lines.row);
    free(types.key);
    free(types.row);
    if (s->nby_line > 1) /* qsort of no rows: the array may be NULL, which UBSan refuses */
        qsort(s->by_line, (size_t)s->nby_line, sizeof *s->by_line, cmp_stat);
    if (s->nby_type > 1)
        qsort(s->by_type, (size_t)s->nby_type, sizeof *s->by_type, cmp_stat);
}

void gs_scene_build(gs_Scene *s, gs_Timeline *tl, const char *source, size_t source_len, uint32_t selected)
{
    const gs_Trace *t = gs_timeline_trace(tl);
    gs_scene_clear(s);
    size_t pos = gs_timeline_pos(tl);
    s->nevents = gs_timeline_length(tl);
    s->event = pos ? pos - 1 : 0;
    s->line = (int)gs_timeline_line(tl);
    gs_TLGC gc;
    gs_timeline_gc(tl, &gc);
    s->in_collection = gc.collecting;
    s->collecting_gen = gc.collecting ? gc.generation : -1;
    snprintf(s->phase, sizeof s->phase, "%s", gc.collecting ? gs_gc_phase_name((gs_GCPhase)gc.phase) : "");
    snprintf(s->phase_doing, sizeof s->phase_doing, "%s",
             !gc.collecting                             ? ""
             : gc.phase == GS_GC_MERGE && gc.generation == 0 ? "generation 0 is collected alone: nothing younger to merge"
             : gc.phase == GS_GC_DONE ? "all phases done: the collector adds up what it found and freed (EVENTS lists "
                                        "what was freed)"
                                      : phase_words(gc.phase));
    s->gc_enabled = true;
    gs_TLBytes bytes;
    gs_timeline_bytes(tl, &bytes);
    s->bytes = bytes.total;
    s->bytes_allocated = bytes.allocated;
    memcpy(s->bytes_gen, bytes.gen, sizeof s->bytes_gen);
    build_stats(s, tl);
    for (int g = 0; g < 3; g++) {
        s->gens[g].threshold = gc.threshold[g];
        /* CPython zeroes the collected generations' counts as a collection
         * starts, and counts it in the next generation (gc_collect_main);
         * gc_start carries the counts before that */
        s->gens[g].count = !gc.collecting ? (int)gc.count[g]
                         : g <= gc.generation ? 0 : (int)gc.count[g] + (g == gc.generation + 1);
    }
    if (!gc.collecting) {
        /* the counters as of the latest line event (they ride on it) */
        size_t i = gs_timeline_line_event_before(tl, pos);
        if (i != SIZE_MAX) {
            const gs_Event e_ = gs_trace_get(t, i), *e = &e_;
            s->gens[0].count = (int)e->a;
            s->gens[1].count = (int)e->b;
            s->gens[2].count = (int)e->c;
            s->gc_enabled = e->sub != 0;
            if (e->flags && !gc.threshold_set) /* a trace from before gc_threshold events */
                s->gens[0].threshold = e->flags;
        }
        /* A collection has ended since that line started: its counters are
         * stale.  CPython zeroes the collected generations' counts and
         * counts one collection in the next generation (gc_collect_main);
         * the gc_start event carries the counts it started from. */
        if (gc.start_event != 0xffffffffu && (i == SIZE_MAX || gc.start_event > i)) {
            int gen = gc.generation;
            for (int g = 0; g < 3; g++)
                s->gens[g].count = g <= gen ? 0 : (int)gc.count[g] + (g == gen + 1);
        }
    }
    /* objects; a class's namespace dict is drawn as part of the class */
    size_t cur = 0;
    gs_TLObject o;
    enum { MAXE = 64 };
    gs_TLEdge edges[MAXE];
    uint32_t *hidden = NULL;
    size_t nhidden = 0, caphidden = 0;
    while (gs_timeline_next_object(tl, &cur, &o)) {
        if ((o.kind != GS_K_TYPE && o.kind != GS_K_MODULE && o.kind != GS_K_FUNCTION) || !(o.flags & GS_TLO_ALIVE))
            continue;
        /* a class's or module's namespace (field 0); a function's
         * __defaults__ and __kwdefaults__ (fields 4, 5): part of the
         * definition, drawn with it (D) */
        size_t ne = gs_timeline_edges(tl, o.id, edges, MAXE);
        for (size_t k = 0; k < ne && k < MAXE; k++)
            if (edges[k].sub == GS_CAUSE_INTERNAL &&
                (o.kind == GS_K_FUNCTION ? edges[k].slot == 4 || edges[k].slot == 5 : edges[k].slot == 0)) {
                if (nhidden == caphidden) {
                    caphidden = caphidden ? caphidden * 2 : 16;
                    uint32_t *nh = realloc(hidden, caphidden * sizeof *nh);
                    if (!nh)
                        break;
                    hidden = nh;
                }
                hidden[nhidden++] = edges[k].target;
            }
    }
    Many *many = NULL;
    int nmany = 0, capmany = 0;
    gs_TLEdge *big = NULL;
    size_t capbig = 0;
    cur = 0;
    while (gs_timeline_next_object(tl, &cur, &o)) {
        if ((o.flags & GS_TLO_TRACKED) && (o.flags & GS_TLO_ALIVE) && o.gen < 3) {
            /* every tracked object counts in its generation; the ones
             * not added below are the interpreter's own */
            s->gens[o.gen].objects++;
            s->gens[o.gen].interpreter++;
        } else if ((o.flags & GS_TLO_TRACKED) && (o.flags & GS_TLO_ALIVE))
            s->permanent++;
        if ((o.flags & GS_TLO_STATIC) || hidden_kind(o.kind) || !(o.flags & GS_TLO_ALIVE))
            continue;
        if (o.alloc_event != UINT32_MAX && (o.alloc_flags & (GS_ALLOC_RUNTIME | GS_ALLOC_INTERNAL)))
            continue; /* a built-in module's own object, a library object's private part */
        bool is_ns = false;
        for (size_t k = 0; k < nhidden; k++)
            if (hidden[k] == o.id)
                is_ns = true;
        if ((o.flags & (GS_TLO_RUNTIME | GS_TLO_EXTERNAL)) && o.kind != GS_K_DICT)
            continue;
        if ((o.flags & (GS_TLO_RUNTIME | GS_TLO_EXTERNAL)))
            continue; /* the module namespace is drawn as the module frame */
        gs_SceneObject *so = gs_scene_add_object(s);
        if (!so)
            goto out;
        so->id = o.id;
        snprintf(so->type, sizeof so->type, "%s", str_at(t, o.type)[0] ? str_at(t, o.type) : "object");
        value_of(t, &o, so->value, sizeof so->value);
        if ((o.kind == GS_K_FUNCTION || o.kind == GS_K_TYPE) && o.b)
            snprintf(so->value, sizeof so->value, "%s", str_at(t, o.b));
        if (o.kind == GS_K_GENERATOR && o.alloc_event != UINT32_MAX && o.alloc_event > 0) {
            /* made by the call of its function, whose frame then pauses
             * into it (a frame_pop that names the generator) */
            for (size_t j = o.alloc_event + 1; j < t->n && j <= (size_t)o.alloc_event + 16; j++) {
                gs_Event pop = gs_trace_get(t, j);
                if (pop.kind == GS_EV_FRAME_POP && pop.sub == 1 && pop.c == o.id && str_at(t, pop.a)[0]) {
                    snprintf(so->value, sizeof so->value, "%.28s()", str_at(t, pop.a));
                    break;
                }
            }
        }
        if (o.kind == GS_K_METHOD) {
            /* by its function's name: two generators of a pipeline, or a
             * bound method, told apart ("generator only_even()") */
            gs_TLEdge fe[4];
            size_t nfe = gs_timeline_edges(tl, o.id, fe, 4);
            gs_TLObject fo;
            for (size_t k = 0; k < nfe && k < 4; k++)
                if (fe[k].sub == GS_CAUSE_INTERNAL && fe[k].slot == 0 && gs_timeline_object(tl, fe[k].target, &fo) &&
                    fo.kind == GS_K_FUNCTION && fo.b) {
                    snprintf(so->value, sizeof so->value, "%.28s()", str_at(t, fo.b));
                    break;
                }
        }
        if (o.kind == GS_K_TYPE)
            snprintf(so->type, sizeof so->type, "class");
        else if (shown_type(so->type) != so->type)
            snprintf(so->type, sizeof so->type, "%s", shown_type(so->type));
        so->refcount = (int)o.refcnt;
        so->gc_refs = o.gc_refs;
        if (o.flags & GS_TLO_TRACKED)
            so->band = o.gen >= 3 ? GS_BAND_PERMANENT : o.gen;
        else
            so->band = GS_BAND_UNTRACKED;
        if (primitive_kind(o.kind))
            so->flags |= GS_SO_PRIMITIVE;
        if (is_ns || gs_scene_definition(t, o.kind, o.type))
            so->flags |= GS_SO_DEFINITION;
        if (o.flags & GS_TLO_IN_GC)
            so->flags |= GS_SO_HAS_GCREFS | GS_SO_COLLECTING;
        if (o.flags & GS_TLO_UNREACHABLE)
            so->flags |= GS_SO_UNREACHABLE;
        if (o.flags & GS_TLO_FINALIZED)
            so->flags |= GS_SO_FINALIZED;
        if (gc.collecting && (o.flags & GS_TLO_TRACKED) && o.gen <= gc.generation)
            so->flags |= GS_SO_COLLECTING;
        if (o.alloc_event != UINT32_MAX)
            so->created_line = (int)o.alloc_line;
        so->allocated = o.alloc_event != UINT32_MAX;
        so->size = o.size;
        so->type_id = o.type;
        if (o.flags & GS_TLO_TRACKED && o.gen < 3) {
            s->gens[o.gen].interpreter--;
            if (so->flags & GS_SO_DEFINITION)
                s->gens[o.gen].definitions++;
        }
        size_t ne = gs_timeline_edges(tl, o.id, edges, MAXE);
        gs_TLEdge *E = edges;
        if (ne > MAXE) {
            /* a long container: every reference counts, its first and
             * last are drawn */
            if (ne > capbig) {
                gs_TLEdge *nb = realloc(big, ne * sizeof *nb);
                if (nb) {
                    big = nb;
                    capbig = ne;
                }
            }
            if (ne <= capbig) {
                E = big;
                ne = gs_timeline_edges(tl, o.id, E, ne);
            } else
                ne = MAXE;
        }
        /* which references are drawn: the exact test below 64, by kind
         * above (looking up a million targets would cost a frame) */
        int nshown = 0;
        bool folds = false; /* it holds private parts, drawn as what they lead to */
        bool part[MAXE]; /* E[k] leads to one (looked up once; a long container has none drawn apart) */
        /* a weakref.finalize: CPython keeps `atexit` in its _Info (a
         * property here an attribute of its own): not one of its slots */
        bool finalizer = o.kind == GS_K_INSTANCE && strcmp(str_at(t, o.type), "finalize") == 0;
        uint32_t info = finalizer ? finalizer_info(tl, &o) : 0;
        for (size_t k = 0; k < ne; k++) {
            if (ne <= MAXE)
                part[k] = false;
            if (finalizer && E[k].sub == GS_CAUSE_ATTR && strcmp(str_at(t, E[k].slot), "atexit") == 0) {
                E[k].sub = GS_CAUSE_CONST; /* passed over below, as code constants are */
                continue;
            }
            if (ne <= MAXE && (part[k] = internal_part(tl, E[k].target))) {
                folds = true;
                continue;
            }
            nshown += ne <= MAXE ? edge_shown(tl, &E[k], o.kind) : (E[k].sub != GS_CAUSE_KEY && E[k].sub != GS_CAUSE_CONST);
        }
        so->nrefs = nshown;
        so->slots_gap = -1;
        bool all = nshown <= SLOTS_ALL || o.id == selected;
        int seen = 0;
        for (size_t k = 0; k < ne; k++) {
            if (ne <= MAXE ? !edge_shown(tl, &E[k], o.kind) || part[k]
                           : (E[k].sub == GS_CAUSE_KEY || E[k].sub == GS_CAUSE_CONST))
                continue;
            int at = seen++;
            if (!all && at >= SLOTS_HEAD && at < nshown - SLOTS_TAIL) {
                if (at == SLOTS_HEAD)
                    s->objects[s->nobjects - 1].slots_gap = SLOTS_HEAD;
                continue;
            }
            gs_SceneSlot *sl = gs_scene_add_slot(s, &s->objects[s->nobjects - 1]);
            if (!sl)
                goto out;
            slot_label(tl, &E[k], o.kind, sl->label, sizeof sl->label);
            sl->target = E[k].target;
        }
        if (info) { /* a weakref.finalize: what its registry entry holds */
            int got = lift_finalizer(s, tl, o.id, info);
            if (got < 0)
                goto out;
            s->objects[s->nobjects - 1].nrefs += got;
        }
        if (folds) {
            for (size_t k = 0; k < ne; k++) {
                if (!part[k])
                    continue;
                int got = lift(s, tl, o.id, E[k].target, "", 0);
                if (got < 0)
                    goto out;
                s->objects[s->nobjects - 1].nrefs += got;
            }
        }
        if (nshown >= GROUP_MIN && nshown <= GROUP_SCAN_MAX &&
            (o.kind == GS_K_LIST || o.kind == GS_K_TUPLE || o.kind == GS_K_DICT || o.kind == GS_K_SET)) {
            if (nmany == capmany) {
                capmany = capmany ? capmany * 2 : 8;
                Many *nm = realloc(many, (size_t)capmany * sizeof *nm);
                if (!nm)
                    goto out;
                many = nm;
            }
            Many *m = &many[nmany];
            m->holder = o.id;
            m->n = 0;
            m->targets = malloc((size_t)nshown * sizeof *m->targets);
            if (m->targets) {
                for (size_t k = 0; k < ne; k++)
                    if (E[k].sub == GS_CAUSE_SLOT || E[k].sub == GS_CAUSE_VALUE)
                        m->targets[m->n++] = E[k].target;
                nmany++;
            }
        }
        if (o.kind == GS_K_WEAKREF) {
            /* what it refers to without holding it, until that dies */
            gs_TLObject r;
            if (o.flags & GS_TLO_CLEARED)
                snprintf(so->value, sizeof so->value, "dead");
            else if (o.c && gs_timeline_object(tl, o.c, &r) && (r.flags & GS_TLO_ALIVE) && !hidden_kind(r.kind)) {
                gs_SceneSlot *sl = gs_scene_add_slot(s, &s->objects[s->nobjects - 1]);
                if (!sl)
                    goto out;
                snprintf(sl->label, sizeof sl->label, "weak");
                sl->target = o.c;
                sl->weak = true;
            }
        }
    }
    free(hidden);
    gs_scene_sort(s);
    for (int i = 0; i < nmany; i++)
        group_alike(s, &many[i]);
    if (s->nslots)
        add_statics(s, tl, &s->slots[0].target, sizeof s->slots[0], s->nslots);
    /* frames, outermost first */
    gs_TLFrame frames[64];
    size_t nf = gs_timeline_frames(tl, frames, 64);
    if (nf > 64)
        nf = 64;
    /* after the module's frame has returned its global names still hold
     * their objects (until the interpreter exits): the namespace stays on
     * the picture as the finished module */
    bool finished = false;
    if (nf == 0 && pos > 0) {
        /* the module's frame is pushed before the first line starts, after
         * the source's constants are introduced (hundreds of events in a
         * long lesson) */
        for (size_t i = 0; i < t->n && i < pos; i++) {
            gs_Event e = gs_trace_get(t, i);
            if (e.kind == GS_EV_LINE)
                break;
            if (e.kind != GS_EV_FRAME_PUSH || strcmp(str_at(t, e.a), "<module>") != 0)
                continue;
            gs_TLObject ns;
            if (i < pos && gs_timeline_object(tl, e.c, &ns) && (ns.flags & GS_TLO_ALIVE)) {
                memset(&frames[0], 0, sizeof frames[0]);
                frames[0].id = e.obj;
                frames[0].name = e.a;
                frames[0].ns = e.c;
                frames[0].depth = 1;
                frames[0].line = gs_timeline_line(tl);
                nf = 1;
                finished = true;
            }
            break;
        }
    }
    /* the stack, then the generators' paused frames (they hold their
     * locals while they wait: lesson 21's lines() holds self) */
    gs_TLFrame paused[8];
    uint32_t paused_gen[8];
    size_t np = gs_timeline_suspended_frames(tl, paused, paused_gen, 8);
    if (np > 8)
        np = 8;
    for (size_t j = 0; j < nf + np; j++) {
        bool is_paused = j >= nf;
        gs_TLFrame *f = is_paused ? &paused[j - nf] : &frames[nf - 1 - j];
        gs_SceneFrame *sf = gs_scene_add_frame(s);
        if (!sf)
            goto out;
        sf->id = f->id;
        sf->line = (int)f->line;
        sf->paused = is_paused;
        const char *nm = str_at(t, f->name);
        if (is_paused) { /* "lines() · paused": its generator's box is beside it */
            const char *dot = strrchr(nm, '.');
            snprintf(sf->title, sizeof sf->title, "%.24s() · paused", dot ? dot + 1 : nm);
        }
        else if (finished)
            snprintf(sf->title, sizeof sf->title, "module (ended)");
        else if (f->depth <= 1 || strcmp(nm, "<module>") == 0)
            snprintf(sf->title, sizeof sf->title, "module");
        else if (f->class_body)
            snprintf(sf->title, sizeof sf->title, "class %s: its body", nm);
        else
            snprintf(sf->title, sizeof sf->title, "%s()", nm);
        /* every name: a module of many globals has more than the buffer
         * holds (a name is a key and a value edge of its namespace) */
        size_t nn;
        gs_TLEdge *ne = edges;
        if (f->ns)
            nn = gs_timeline_edges(tl, f->ns, edges, MAXE);
        else
            nn = gs_timeline_frame_names(tl, f->id, edges, MAXE);
        if (nn > MAXE) {
            gs_TLEdge *big_names = malloc(nn * sizeof *big_names);
            if (big_names) {
                ne = big_names;
                nn = f->ns ? gs_timeline_edges(tl, f->ns, ne, nn) : gs_timeline_frame_names(tl, f->id, ne, nn);
            } else
                nn = MAXE;
        }
        for (size_t k = 0; k < nn; k++) {
            const char *name;
            if (f->ns) {
                if (ne[k].sub != GS_CAUSE_VALUE && ne[k].sub != GS_CAUSE_ATTR)
                    continue;
                name = ne[k].sub == GS_CAUSE_ATTR ? str_at(t, ne[k].slot) : key_text(tl, ne[k].slot);
                if (!name)
                    continue;
            } else {
                if (ne[k].sub == GS_CAUSE_KEY)
                    continue;
                name = str_at(t, ne[k].slot);
            }
            if (name[0] == '_' && name[1] == '_')
                continue; /* __builtins__, __name__ ... */
            gs_TLObject tgt;
            if (gs_timeline_object(tl, ne[k].target, &tgt) && hidden_kind(tgt.kind))
                continue;
            gs_SceneName *sn = gs_scene_add_name(s, sf);
            if (!sn) {
                if (ne != edges)
                    free(ne);
                goto out;
            }
            snprintf(sn->name, sizeof sn->name, "%s", name);
            sn->target = ne[k].target;
        }
        if (ne != edges)
            free(ne);
    }
    if (s->nnames)
        add_statics(s, tl, &s->names[0].target, sizeof s->names[0], s->nnames);
    /* the module namespace: during a collection, a root the picture shows
     * as the module frame */
    s->ns_gc_refs = -1;
    for (size_t i = 0; i < nf; i++)
        if (frames[i].ns) {
            s->ns_id = frames[i].ns;
            gs_TLObject ns;
            if (gs_timeline_object(tl, frames[i].ns, &ns) && (ns.flags & GS_TLO_IN_GC))
                s->ns_gc_refs = ns.gc_refs;
        }
    /* ...and during a collection, the module object that holds the
     * namespace: held from outside the set (sys.modules), it is the root
     * the namespace, and the program's objects, are reached through */
    s->module_gc_refs = -1;
    if (gc.collecting && s->ns_gc_refs >= 0) {
        size_t c2 = 0;
        gs_TLObject m;
        while (gs_timeline_next_object(tl, &c2, &m)) {
            if (m.kind != GS_K_MODULE || !(m.flags & GS_TLO_ALIVE) || !(m.flags & GS_TLO_IN_GC))
                continue;
            size_t ne = gs_timeline_edges(tl, m.id, edges, MAXE);
            for (size_t k = 0; k < ne && k < MAXE; k++)
                if (edges[k].target == s->ns_id) {
                    s->module_id = m.id;
                    s->module_gc_refs = m.gc_refs;
                }
        }
    }
    count_holders(s, tl, selected, s->ns_id);
    gs_scene_describe(tl, pos ? pos - 1 : 0, source, source_len, s->last_event, sizeof s->last_event, &s->focus,
                      &s->delta);
    if (gc.collecting && pos) {
        const gs_Event e_ = gs_trace_get(t, pos - 1), *e = &e_;
        if (e->kind == GS_EV_GC_REFS && e->b) {
            s->edge_from = e->b;
            s->edge_to = e->obj;
        }
    }
out:
    for (int i = 0; i < nmany; i++)
        free(many[i].targets);
    free(many);
    free(big);
}

static void source_line(const char *src, size_t len, uint32_t line, char *buf, size_t n)
{
    buf[0] = 0;
    if (!src || line == 0)
        return;
    const char *p = src, *end = src + len;
    for (uint32_t l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r' && *q != '#')
        q++;
    while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
        q--;
    size_t k = (size_t)(q - p);
    if (k > 48)
        k = 48;
    snprintf(buf, n, "%.*s", (int)k, p);
}

/* Who takes or lets go of a reference, in words a student knows. */
static const char *cause_words(int sub)
{
    switch (sub) {
    case GS_CAUSE_TEMP: return "the expression being evaluated";
    case GS_CAUSE_NAME: return "a local name";
    case GS_CAUSE_GLOBAL: return "a global name";
    case GS_CAUSE_SLOT: return "a container's slot";
    case GS_CAUSE_KEY: return "a dict key";
    case GS_CAUSE_VALUE: return "a dict value";
    case GS_CAUSE_ATTR: return "an attribute";
    case GS_CAUSE_INTERNAL: return "an object's field";
    case GS_CAUSE_CONST: return "the compiled code";
    case GS_CAUSE_ARG: return "a call's argument";
    case GS_CAUSE_GC: return "the collector";
    default: return "something";
    }
}

/* Who took or dropped a reference, as specifically as the event says:
 * "name first", "attribute next", else the kind of holder. */
static const char *cause_phrase(gs_Timeline *tl, size_t ev, const gs_Event *e, char *buf, size_t n)
{
    const gs_Trace *t = gs_timeline_trace(tl);
    switch (e->sub) {
    case GS_CAUSE_TEMP:
        /* a weak reference's callback the runtime calls (a weak
         * dictionary's clean-up when a value dies, on a `del` line): no
         * expression of the line holds it */
        for (size_t i = ev, k = 0; i-- > 0 && k < 64; k++) {
            gs_Event x = gs_trace_get(t, i);
            if (x.kind == GS_EV_LINE || x.kind == GS_EV_FRAME_PUSH)
                break;
            if (x.kind == GS_EV_WEAKREF_CLEAR && x.sub == 1)
                return "its clean-up of an entry whose object is dying";
            /* a dying object's __del__: CPython holds it (back from 0)
             * for the call, and lets go once __del__ has returned */
            if (x.kind == GS_EV_FINALIZE && x.obj == e->obj && e->kind == GS_EV_INCREF)
                return "the interpreter, which keeps it alive while its __del__ runs";
            if (x.kind == GS_EV_FRAME_POP && e->kind == GS_EV_DECREF) {
                if (k < 16 && strcmp(str_at(t, x.a), "__del__") == 0)
                    return "the interpreter, now that __del__ has returned,";
                break;
            }
        }
        break;
    case GS_CAUSE_NAME:
    case GS_CAUSE_GLOBAL:
    case GS_CAUSE_ATTR:
        if (e->c && str_at(t, e->c)[0] && str_at(t, e->c)[0] != '.') {
            snprintf(buf, n, "%s %s", e->sub == GS_CAUSE_ATTR ? "attribute" : "name", str_at(t, e->c));
            return buf;
        }
        break;
    case GS_CAUSE_VALUE: {
        /* a module's names live in its namespace dict */
        gs_TLFrame frs[16];
        size_t nf = gs_timeline_frames(tl, frs, 16);
        for (size_t k = 0; k < nf && k < 16; k++)
            if (frs[k].ns == e->b) {
                const char *nm = key_text(tl, e->c);
                if (nm) {
                    snprintf(buf, n, "name %s", nm);
                    return buf;
                }
            }
        break;
    }
    default: break;
    }
    return cause_words(e->sub);
}

/* The count obj had just after event ev, from the nearest alloc, incref
 * or decref of it at most 64 events back; -1 if none is that close. */
static int count_after(const gs_Trace *t, size_t ev, uint32_t obj)
{
    for (size_t i = ev + 1, k = 0; i-- > 0 && k < 64; k++) {
        gs_Event x = gs_trace_get(t, i);
        if (x.obj != obj)
            continue;
        if (x.kind == GS_EV_ALLOC)
            return 1;
        if (x.kind == GS_EV_INCREF || x.kind == GS_EV_DECREF)
            return (int)x.a;
    }
    return -1;
}

/* Whether a name's new count is worth saying: an object the picture
 * draws with its badge (not an int or a str, whose counts the program's
 * constants and the interpreter share). */
static bool counted_kind(gs_Timeline *tl, uint32_t id)
{
    gs_TLObject o;
    return gs_timeline_object(tl, id, &o) && !primitive_kind(o.kind) && !hidden_kind(o.kind);
}

/* ".0": the hidden iterator a comprehension's function gets */
static const char *name_words(const char *name, char *buf, size_t n)
{
    if (name[0] == '.') {
        snprintf(buf, n, "the loop's hidden iterator");
        return buf;
    }
    snprintf(buf, n, "name %s", name);
    return buf;
}

static const char *phase_words(int p)
{
    switch (p) {
    case GS_GC_MERGE: return "merge the younger generations into the one being collected";
    case GS_GC_UPDATE_REFS: return "start each object's gc_refs at its reference count";
    case GS_GC_SUBTRACT_REFS: return "subtract references that come from inside the generation";
    case GS_GC_MOVE_UNREACHABLE: return "objects left with gc_refs 0 are tentatively unreachable";
    case GS_GC_UNTRACK_TUPLES: return "stop tracking tuples that cannot be in a cycle (they hold only ints, strs and the like)";
    case GS_GC_PROMOTE: return "survivors move to the next generation";
    case GS_GC_UNTRACK_DICTS: return "stop tracking dicts that cannot be in a cycle (they hold only ints, strs and the like)";
    case GS_GC_LEGACY_FINALIZERS: return "set aside garbage with an old-style C finalizer (tp_del; a Python __del__ is not one)";
    case GS_GC_WEAKREFS: return "clear weak references to garbage and run their callbacks";
    case GS_GC_FINALIZE: return "call __del__ on garbage (once per object)";
    case GS_GC_RESURRECTION: return "check whether a finalizer brought anything back to life";
    case GS_GC_DELETE: return "break the cycles: clear references so refcounting frees them";
    default: return "done";
    }
}

/* Whether event ev happens during a collection: the nearest gc_start or
 * gc_end before it says (clears and callbacks sit close to their
 * collection's start; a bounded look back). */
static bool collecting_at(const gs_Trace *t, size_t ev)
{
    for (size_t i = ev, k = 0; i-- > 0 && k < 20000; k++) {
        uint8_t kind = gs_trace_get(t, i).kind;
        if (kind == GS_EV_GC_START)
            return true;
        if (kind == GS_EV_GC_END)
            return false;
    }
    return false;
}

/* The collector phase event ev happens in: the nearest gc_phase before
 * it (a short look back: the log describes thousands of events), -1
 * outside a collection or farther back. */
static int phase_at(const gs_Trace *t, size_t ev)
{
    for (size_t i = ev, k = 0; i-- > 0 && k < 4096; k++) {
        gs_Event e = gs_trace_get(t, i);
        if (e.kind == GS_EV_GC_PHASE)
            return e.sub;
        if (e.kind == GS_EV_GC_END || e.kind == GS_EV_GC_START)
            return -1;
    }
    return -1;
}

/* Whether function `fn` (freed since) was made to run a class statement's
 * body: its frame, pushed soon after it was made, says so. */
static bool ran_a_class_body(gs_Timeline *tl, uint32_t fn)
{
    const gs_Trace *t = gs_timeline_trace(tl);
    size_t at = gs_timeline_gone_at(tl, fn);
    if (at == SIZE_MAX)
        return false;
    uint32_t name = gs_trace_get(t, at).b;
    /* the next frame pushed: the class body's, of the same name */
    for (size_t i = at + 1, k = 0; i < t->n && k < 256; i++, k++) {
        gs_Event e = gs_trace_get(t, i);
        if (e.kind == GS_EV_FRAME_PUSH)
            return (e.flags & GS_FRAME_CLASS_BODY) && e.a == name;
    }
    return false;
}

/* The resize that gives an object its first size, told with its birth
 * ("created list #5 (88 bytes)"): the event after its alloc, past the
 * track that may come between.  Its index, or 0 if there is none. */
static size_t first_resize(const gs_Trace *t, size_t alloc_ev)
{
    const gs_Event a = gs_trace_get(t, alloc_ev);
    for (size_t i = alloc_ev + 1; i < t->n && i <= alloc_ev + 2; i++) {
        gs_Event nx = gs_trace_get(t, i);
        if (nx.obj != a.obj)
            return 0;
        if (nx.kind == GS_EV_RESIZE)
            return i;
        if (nx.kind != GS_EV_TRACK)
            return 0;
    }
    return 0;
}

void gs_scene_describe(gs_Timeline *tl, size_t ev, const char *source, size_t source_len, char *out, size_t n,
                       uint32_t *focus, int *delta)
{
    const gs_Trace *t = gs_timeline_trace(tl);
    out[0] = 0;
    *focus = 0;
    *delta = 0;
    if (ev >= t->n || gs_timeline_pos(tl) == 0)
        return;
    const gs_Event e_ = gs_trace_get(t, ev), *e = &e_;
    char src[64] = "", lab[96], lab2[96];
    if (e->kind == GS_EV_LINE) /* the only words that quote the line (a scan of the file) */
        source_line(source, source_len, e->line, src, sizeof src);
    /* the program's line is told first in the narration panel; here just
     * a short prefix so a log of events stays readable */
    char where[16];
    snprintf(where, sizeof where, "%u: ", e->line);
    (void)src;
    switch (e->kind) {
    case GS_EV_ALLOC: {
        gs_TLObject now;
        if (gs_timeline_object(tl, e->obj, &now))
            object_label(tl, e->obj, lab, sizeof lab);
        else /* freed since: its type from the event, as its free says it */
            snprintf(lab, sizeof lab, "%s #%u", shown_type(str_at(t, e->a)), e->obj);
        /* its size as it is made: the kind's size, or the resize that
         * follows at once (a list with spare room, a class) */
        uint32_t size = gs_trace_alloc_size(t, e->sub, e->a, e->b, e->c);
        size_t rz = first_resize(t, ev);
        if (rz)
            size = gs_trace_get(t, rz).b;
        char sz[32];
        gs_scene_format_bytes(size, sz, sizeof sz);
        if (size)
            snprintf(out, n, "%screated %s (1 reference, %s bytes)", where, lab, sz);
        else
            snprintf(out, n, "%screated %s (1 reference)", where, lab);
        *focus = e->obj;
        break;
    }
    case GS_EV_FREE: {
        /* its size as it dies (a list that grew: its grown size), which
         * the heap's bytes lose; the timeline kept it to undo the free */
        uint32_t size = gs_timeline_freed_size(tl, ev);
        /* the collector clears an object (a dict gives back its table)
         * before it is freed: its bytes are what it had before the clear,
         * so the frees add up to what the collection says it freed */
        if (collecting_at(t, ev))
            for (size_t b = 1; b <= 512 && b <= ev; b++) {
                gs_Event pv = gs_trace_get(t, ev - b);
                if (pv.kind == GS_EV_GC_START || pv.kind == GS_EV_LINE)
                    break;
                if (pv.kind == GS_EV_RESIZE && pv.obj == e->obj && pv.b < pv.a && pv.a > size)
                    size = pv.a;
            }
        char sz[48] = "";
        if (size) {
            char num[32];
            gs_scene_format_bytes(size, num, sizeof num);
            snprintf(sz, sizeof sz, " (%s bytes)", num);
        }
        gs_Event a; /* a function or class by its name */
        bool named = gs_timeline_gone(tl, e->obj, &a) && (a.sub == GS_K_FUNCTION || a.sub == GS_K_TYPE) && a.b;
        if (named && a.sub == GS_K_FUNCTION && ran_a_class_body(tl, e->obj))
            /* CPython 3.11 runs a class statement's body as a function */
            snprintf(out, n, "%sfunction #%u freed%s: it ran class %s's body, which has finished", where, e->obj, sz,
                     str_at(t, a.b));
        else if (named && a.sub == GS_K_FUNCTION && strcmp(str_at(t, a.b), "<module>") == 0)
            /* CPython 3.11 runs a module's code as a function made for it */
            snprintf(out, n, "%sfunction #%u freed%s: it ran the module's code, which has finished", where, e->obj, sz);
        else if (named)
            snprintf(out, n, "%s%s %s #%u freed%s: nothing refers to it any more", where,
                     a.sub == GS_K_TYPE ? "class" : "function", str_at(t, a.b), e->obj, sz);
        else
            snprintf(out, n, "%s%s #%u freed%s: nothing refers to it any more", where, shown_type(str_at(t, e->a)),
                     e->obj, sz);
        break;
    }
    case GS_EV_INCREF:
    case GS_EV_DECREF:
        object_label(tl, e->obj, lab, sizeof lab);
        char who[80];
        const char *cw = cause_phrase(tl, ev, e, who, sizeof who);
        if (e->kind == GS_EV_INCREF)
            snprintf(out, n, "%s%s now has %u reference%s (+1: %s)", where, lab, e->a, e->a == 1 ? "" : "s", cw);
        else
            snprintf(out, n, "%s%s now has %u reference%s (-1: %s let go)", where, lab, e->a, e->a == 1 ? "" : "s",
                     cw);
        *focus = e->obj;
        *delta = e->kind == GS_EV_INCREF ? 1 : -1;
        break;
    case GS_EV_BIND: {
        char nw[64];
        object_label(tl, e->b, lab, sizeof lab);
        /* the name takes the reference the expression made: say the count
         * it comes to, or "+1: the expression being evaluated" reads as if
         * the name took none */
        int c = count_after(t, ev, e->b);
        /* a call's parameters are bound before its first line runs */
        const char *fn = NULL;
        for (size_t i = ev, k = 0; i-- > 0 && k < 32 && !fn; k++) {
            gs_Event x = gs_trace_get(t, i);
            if (x.kind == GS_EV_LINE || (x.kind == GS_EV_FRAME_PUSH && x.obj != e->obj))
                break;
            if (x.kind == GS_EV_FRAME_PUSH && x.sub == 0)
                fn = str_at(t, x.a);
        }
        char cnt[40] = "";
        if (c > 0 && counted_kind(tl, e->b))
            snprintf(cnt, sizeof cnt, " (%d reference%s now)", c, c == 1 ? "" : "s");
        if (fn && str_at(t, e->c)[0] != '.')
            snprintf(out, n, "%sparameter %s of %s() refers to %s%s", where, str_at(t, e->c), fn, lab, cnt);
        else if (cnt[0])
            snprintf(out, n, "%s%s now refers to %s%s", where, name_words(str_at(t, e->c), nw, sizeof nw), lab, cnt);
        else
            snprintf(out, n, "%s%s now refers to %s", where, name_words(str_at(t, e->c), nw, sizeof nw), lab);
        *focus = e->b;
        break;
    }
    case GS_EV_UNBIND: {
        char nw[64];
        snprintf(out, n, "%s%s goes away", where, name_words(str_at(t, e->c), nw, sizeof nw));
        break;
    }
    case GS_EV_REF_SET: {
        /* a module's namespace: say "name x" rather than "dict #9" */
        gs_TLFrame frs[16];
        size_t nf = gs_timeline_frames(tl, frs, 16);
        const char *nm = NULL;
        for (size_t k = 0; k < nf && k < 16; k++)
            if (frs[k].ns == e->obj && e->sub == GS_CAUSE_VALUE)
                nm = key_text(tl, e->c);
        if (nm) {
            if (e->b) {
                object_label(tl, e->b, lab2, sizeof lab2);
                int c = count_after(t, ev, e->b);
                if (c > 0 && counted_kind(tl, e->b))
                    snprintf(out, n, "%sname %s now refers to %s (%d reference%s now)", where, nm, lab2, c,
                             c == 1 ? "" : "s");
                else
                    snprintf(out, n, "%sname %s now refers to %s", where, nm, lab2);
            } else
                snprintf(out, n, "%sname %s is deleted", where, nm);
            *focus = e->b;
            break;
        }
        object_label(tl, e->obj, lab, sizeof lab);
        gs_TLObject holder;
        bool inst = gs_timeline_object(tl, e->obj, &holder) &&
                    (holder.kind == GS_K_INSTANCE || holder.kind == GS_K_EXCEPTION);
        if (inst && e->sub == GS_CAUSE_INTERNAL && (e->c == 1 || e->c == GS_OSLOT_DICT) && e->b) {
            /* CPython 3.11 keeps attributes in the instance until a
             * program asks for __dict__ (vars(), obj.__dict__): then they
             * move into a real dict the instance refers to */
            object_label(tl, e->b, lab2, sizeof lab2);
            snprintf(out, n, "%s%s's attributes now live in %s, its __dict__", where, lab, lab2);
        } else if (e->sub == GS_CAUSE_ATTR) {
            object_label(tl, e->b ? e->b : e->a, lab2, sizeof lab2);
            snprintf(out, n, e->b ? "%sattribute %s of %s now refers to %s" : "%sattribute %s of %s no longer refers to %s",
                     where, str_at(t, e->c), lab, lab2);
        } else if (e->b) {
            object_label(tl, e->b, lab2, sizeof lab2);
            snprintf(out, n, "%s%s now refers to %s", where, lab, lab2);
        } else if (e->a) {
            object_label(tl, e->a, lab2, sizeof lab2);
            snprintf(out, n, "%s%s no longer refers to %s", where, lab, lab2);
        } else
            snprintf(out, n, "%sa reference from %s was removed", where, lab);
        *focus = e->b ? e->b : e->obj;
        break;
    }
    case GS_EV_LIST_INSERT:
        object_label(tl, e->obj, lab, sizeof lab);
        object_label(tl, e->b, lab2, sizeof lab2);
        snprintf(out, n, "%s%s[%u] now refers to %s", where, lab, e->c, lab2);
        *focus = e->b;
        break;
    case GS_EV_LIST_REMOVE: {
        object_label(tl, e->obj, lab, sizeof lab);
        /* del and remove() drop the slot's reference at once; pop() hands
         * it to the expression, so no count changes here (lesson 6: the
         * list's count stayed 2 as its self-reference went) */
        bool dropped = false;
        for (size_t i = ev + 1; i < t->n && i <= ev + 8 && !dropped; i++) {
            gs_Event nx = gs_trace_get(t, i);
            if (nx.kind == GS_EV_LINE)
                break;
            dropped = nx.kind == GS_EV_DECREF && nx.obj == e->a && nx.sub == GS_CAUSE_SLOT && nx.b == e->obj;
        }
        gs_TLObject tgt;
        if (!e->a || (gs_timeline_object(tl, e->a, &tgt) && (tgt.flags & GS_TLO_STATIC)))
            dropped = true; /* an immortal int or str: its counts are not recorded */
        if (dropped) {
            snprintf(out, n, "%sslot %u of %s removed", where, e->c, lab);
        } else {
            object_label(tl, e->a, lab2, sizeof lab2);
            snprintf(out, n, "%sslot %u of %s removed: its reference to %s passes to the expression being evaluated (no count changes)",
                     where, e->c, lab, e->a == e->obj ? "the list itself" : lab2);
        }
        break;
    }
    case GS_EV_FRAME_PUSH:
        if (strcmp(str_at(t, e->a), "<module>") == 0)
            snprintf(out, n, "the program starts");
        else if (e->flags & GS_FRAME_CLASS_BODY)
            snprintf(out, n, "%sclass %s: its body runs, making the class's namespace", where, str_at(t, e->a));
        else if (e->sub == 1)
            snprintf(out, n, "%s%s() goes on from where it yielded", where, str_at(t, e->a));
        else
            snprintf(out, n, "%s%s() is called", where, str_at(t, e->a));
        break;
    case GS_EV_FRAME_POP:
        if (strcmp(str_at(t, e->a), "<module>") == 0)
            snprintf(out, n, "%sthe program ends (its global names stay until the interpreter exits)", where);
        else if (e->sub == 1)
            snprintf(out, n, "%s%s() pauses: its frame waits in the generator", where, str_at(t, e->a));
        else if (e->sub == 2)
            snprintf(out, n, "%s%s()'s paused frame goes away with its generator", where, str_at(t, e->a));
        else if (e->flags & GS_FRAME_CLASS_BODY)
            snprintf(out, n, "%sclass %s: its body is done; the class is made from the names it defined", where,
                     str_at(t, e->a));
        else
            snprintf(out, n, "%s%s() is done: its local names go away", where, str_at(t, e->a));
        break;
    case GS_EV_LINE: snprintf(out, n, "%sline %u starts: %s", where, e->line, src); break;
    case GS_EV_STDOUT: {
        /* what was printed, on one line */
        char said[48];
        size_t k = 0;
        for (uint32_t i = 0; i < e->b && e->a + i < t->nout && k + 4 < sizeof said; i++) {
            char c = t->out[e->a + i];
            said[k++] = c == '\n' ? ' ' : c;
        }
        while (k && said[k - 1] == ' ')
            k--;
        said[k] = 0;
        snprintf(out, n, "%sprinted: %s%s", where, said, e->b > sizeof said - 5 ? "…" : "");
        break;
    }
    case GS_EV_EXCEPTION: {
        const char *msg = str_at(t, e->b);
        if (strcmp(str_at(t, e->a), "StopIteration") == 0 && !e->sub && !msg[0])
            /* how an iterator says it is done: the loop or call using it stops */
            snprintf(out, n, "%san iterator is used up (StopIteration): what was looping over it stops", where);
        else
            snprintf(out, n, "%s%s raised%s%.80s%s", where, str_at(t, e->a), msg[0] ? ": " : "", msg,
                     e->sub ? " (an except clause will catch it)" : "");
        break;
    }
    case GS_EV_GC_START: snprintf(out, n, "%sthe cycle collector starts on generation %u", where, e->a); break;
    case GS_EV_GC_PHASE:
        if (e->sub == GS_GC_DONE)
            break; /* the gc_end right after says it, with what was collected */
        if (e->sub == GS_GC_UPDATE_REFS && e->b) /* a pass larger than the recording's gc detail */
            snprintf(out, n, "collector: %s (%u objects: too many to show one by one, so only the outcome "
                     "of this collection is recorded)", phase_words(e->sub), e->a);
        else if (e->sub == GS_GC_UPDATE_REFS && e->a)
            snprintf(out, n, "collector: %s (%u objects)", phase_words(e->sub), e->a);
        else if (e->sub == GS_GC_MERGE) {
            int gen = -1; /* its gc_start is just before it */
            for (size_t b = 1; b <= 8 && b <= ev && gen < 0; b++) {
                gs_Event st = gs_trace_get(t, ev - b);
                if (st.kind == GS_EV_GC_START)
                    gen = (int)st.a;
            }
            snprintf(out, n, "collector: %s", gen == 0 ? "generation 0 is collected alone: nothing younger to merge"
                                                        : phase_words(e->sub));
        } else
            snprintf(out, n, "collector: %s", phase_words(e->sub));
        break;
    case GS_EV_GC_REFS:
        object_label(tl, e->obj, lab, sizeof lab);
        if (e->b && phase_at(t, ev) == GS_GC_MOVE_UNREACHABLE) {
            /* the reachability scan marks what a reachable object refers to */
            object_label(tl, e->b, lab2, sizeof lab2);
            snprintf(out, n, "collector: %s is reachable through %s: gc_refs set to %d, so it stays", lab, lab2,
                     (int)e->a);
        } else if (e->b) {
            object_label(tl, e->b, lab2, sizeof lab2);
            snprintf(out, n, "collector: %s refers to %s, so its gc_refs drops to %d", lab2, lab, (int)e->a);
        } else
            snprintf(out, n, "collector: gc_refs of %s starts at its refcount, %d", lab, (int)e->a);
        *focus = e->obj;
        break;
    case GS_EV_GC_UNREACHABLE:
        object_label(tl, e->obj, lab, sizeof lab);
        snprintf(out, n, "collector: %s looks unreachable (nothing outside refers to it)", lab);
        *focus = e->obj;
        break;
    case GS_EV_GC_RESCUED:
        object_label(tl, e->obj, lab, sizeof lab);
        if (e->sub == 1)
            snprintf(out, n, "collector: %s is reachable again (a finalizer kept a reference): "
                             "resurrected, not freed; it moves to generation %u", lab, e->c);
        else if (e->b) {
            object_label(tl, e->b, lab2, sizeof lab2);
            snprintf(out, n, "collector: %s is reachable after all, through %s: rescued", lab, lab2);
        } else
            snprintf(out, n, "collector: %s is reachable after all, rescued", lab);
        *focus = e->obj;
        break;
    case GS_EV_FINALIZE:
        object_label(tl, e->obj, lab, sizeof lab);
        /* its badge goes back up while __del__ runs: say why */
        if (collecting_at(t, ev))
            snprintf(out, n, "collector: __del__ runs for %s (while it runs, its self refers to it)", lab);
        else
            snprintf(out, n, "%s%s's count reached 0: __del__ runs first (while it runs, its self refers to it "
                             "again)", where, lab);
        *focus = e->obj;
        break;
    case GS_EV_WEAKREF_CLEAR: {
        /* the collector's doing only during a collection; else the
         * referent's count reached 0 */
        const char *who = collecting_at(t, ev) ? "collector: " : where;
        if (e->sub == 0)
            snprintf(out, n, "%sweakref #%u is cleared: the object #%u it referred to is going away", who, e->obj,
                     e->b);
        else
            snprintf(out, n, "%sthe callback of weakref #%u is called", who, e->obj);
        break;
    }
    case GS_EV_GC_MOVE: {
        /* merge_younger's moves (into the generation being collected) come
         * before the pass looks at anything; promotions after it */
        gs_TLGC g;
        gs_timeline_gc(tl, &g);
        bool this_pass = collecting_at(t, ev) && g.collections && ev > g.start_event;
        object_label(tl, e->obj, lab, sizeof lab);
        if (e->b == 3) /* the permanent generation */
            snprintf(out, n, "%s%s moves to the permanent generation (gc.freeze)", where, lab);
        else if (e->a == 3)
            snprintf(out, n, "%s%s leaves the permanent generation for generation %u (gc.unfreeze)", where, lab, e->b);
        else if (this_pass && e->b == g.generation && e->a < e->b)
            snprintf(out, n, "collector: %s joins generation %u, the one being collected", lab, e->b);
        else if (this_pass)
            snprintf(out, n, "collector: %s survives and moves to generation %u", lab, e->b);
        else
            snprintf(out, n, "%s%s moves to generation %u", where, lab, e->b);
        *focus = e->obj;
        break;
    }
    case GS_EV_GC_THRESHOLD:
        if ((int32_t)e->a == 0)
            snprintf(out, n, "%sthe collector's thresholds are now (0, %d, %d): generation 0's threshold 0 turns "
                             "automatic collection off", where, (int32_t)e->b, (int32_t)e->c);
        else
            snprintf(out, n, "%sthe collector's thresholds are now (%d, %d, %d)", where, (int32_t)e->a,
                     (int32_t)e->b, (int32_t)e->c);
        break;
    case GS_EV_TRACK:
        /* a container is tracked as it is made: said by "created"; a dict
         * is tracked later, the moment it holds a container */
        if (ev > 0 && gs_trace_get(t, ev - 1).kind == GS_EV_ALLOC && gs_trace_get(t, ev - 1).obj == e->obj)
            break;
        if (count_after(t, ev, e->obj) == 0) { /* subtype_dealloc, around the finalizer */
            object_label(tl, e->obj, lab, sizeof lab);
            snprintf(out, n, "%s%s is tracked again, in generation %u, while its __del__ runs: CPython puts a dying "
                             "object back on the collector's list for its finalizer", where, lab, e->a);
            *focus = e->obj;
            break;
        }
        {
            gs_TLObject tr;
            if (!gs_timeline_object(tl, e->obj, &tr) || tr.kind != GS_K_DICT)
                break; /* a generator, a frame: tracked as it is set up */
        }
        object_label(tl, e->obj, lab, sizeof lab);
        snprintf(out, n, "%s%s is tracked now (generation %u): it holds something that could be part of a cycle",
                 where, lab, e->a);
        *focus = e->obj;
        break;
    case GS_EV_UNTRACK:
        object_label(tl, e->obj, lab, sizeof lab);
        if (collecting_at(t, ev))
            snprintf(out, n, "collector: %s is untracked: nothing it holds could ever be part of a cycle", lab);
        else if (count_after(t, ev, e->obj) == 0)
            snprintf(out, n, "%s%s is no longer tracked by the collector: its count is 0, it is being freed", where,
                     lab);
        else
            snprintf(out, n, "%s%s is no longer tracked by the collector", where, lab);
        *focus = e->obj;
        break;
    case GS_EV_RESIZE: {
        /* a block that changes size: a str grown in place, a list's item
         * array, a dict's or a set's table (both sizes say "bytes", so a
         * prediction's mask hides both) */
        /* its first size, already told with its birth */
        for (size_t back = 1; back <= 2 && back <= ev; back++) {
            gs_Event pv = gs_trace_get(t, ev - back);
            if (pv.obj != e->obj || (pv.kind != GS_EV_ALLOC && pv.kind != GS_EV_TRACK))
                break;
            if (pv.kind == GS_EV_ALLOC && first_resize(t, ev - back) == ev)
                return;
        }
        char was[32], now[32];
        object_label(tl, e->obj, lab, sizeof lab);
        gs_scene_format_bytes(e->a, was, sizeof was);
        gs_scene_format_bytes(e->b, now, sizeof now);
        gs_TLObject o;
        int kind = gs_timeline_object(tl, e->obj, &o) ? o.kind : -1;
        if (!e->c && kind != GS_K_LIST && kind != GS_K_DICT && kind != GS_K_SET && kind != GS_K_BYTEARRAY)
            break; /* the model's own bookkeeping (a generator's frame): CPython resizes nothing there */
        bool grows = e->b > e->a;
        const char *why = "";
        if (e->c)
            why = ": nothing else refers to it, so CPython extends it instead of making a new string";
        else if ((kind == GS_K_DICT || kind == GS_K_LIST) && !grows && collecting_at(t, ev))
            why = kind == GS_K_DICT ? ": the collector clears it to break the cycle, and its table goes"
                                    : ": the collector clears it to break the cycle, and its item array goes";
        else if (kind == GS_K_LIST)
            why = grows ? ": its item array was full, so CPython makes room for more items than it holds"
                        : ": CPython gives back room it no longer needs";
        else if (kind == GS_K_DICT)
            why = grows ? ": its table had no room for another key, so CPython builds a bigger one" : ": a smaller table";
        else if (kind == GS_K_SET)
            why = grows ? ": its table filled up, so CPython builds a bigger one" : ": a smaller table";
        snprintf(out, n, "%s%s %s (%s bytes to %s bytes)%s", where, lab,
                 e->c ? "grows in place" : grows ? "grows" : "shrinks", was, now, why);
        *focus = e->obj;
        break;
    }
    case GS_EV_GC_END:
        snprintf(out, n, "collector: done — %u unreachable object%s collected, %u uncollectable", e->a,
                 e->a == 1 ? "" : "s", e->b);
        break;
    default: break;
    }
}

/* A collector phase in plain words ("subtract_refs": "subtracting
 * references from inside the set"); the name itself if unknown. */
const char *gs_scene_phase_title(const char *phase)
{
    static const struct { const char *name, *words; } t[] = {
        { "merge", "gathering the generations to collect" },
        { "update_refs", "starting each gc_refs at the object's count" },
        { "subtract_refs", "subtracting references from inside the set" },
        { "move_unreachable", "finding what is still reached from outside" },
        { "untrack_tuples", "untracking tuples that cannot be in a cycle" },
        { "promote", "survivors moving to an older generation" },
        { "untrack_dicts", "untracking dicts that cannot be in a cycle" },
        { "legacy_finalizers", "setting aside old-style C finalizers" },
        { "weakrefs", "clearing weak references to garbage" },
        { "finalize", "calling __del__ on garbage" },
        { "resurrection", "checking for resurrected objects" },
        { "delete", "breaking the garbage cycles" },
        { "done", "done" },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(phase, t[i].name) == 0)
            return t[i].words;
    return phase;
}

bool gs_scene_definition(const gs_Trace *t, int kind, uint32_t type_name)
{
    switch (kind) {
    case GS_K_FUNCTION: case GS_K_TYPE: case GS_K_ITER: case GS_K_PROPERTY: case GS_K_CLASSMETHOD:
    case GS_K_STATICMETHOD:
        return true;
    case GS_K_INSTANCE: { /* a native type's object */
        const char *n = type_name ? gs_trace_string_at(t, type_name, NULL) : NULL;
        return n && (strcmp(n, "member_descriptor") == 0 || strcmp(n, "getset_descriptor") == 0);
    }
    default: return false;
    }
}
