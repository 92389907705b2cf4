/*
 * object.c — allocation (and the free lists), deallocation, traversal,
 * clearing, the generic attribute protocol, truth, equality and hashing.
 * Types and instances themselves are class.c.
 *
 * Every object is born in gs_alloc and dies in gs_dealloc; both record their
 * event, so the trace sees every object's whole life.  Deallocation follows
 * CPython's order for instances: __del__ first (it may resurrect the
 * object), then weak references are cleared, then the object's own
 * references are dropped, then its type.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== allocation */

static bool is_sub_builtin(gs_Object *o);

/* Object memory.  A per-VM cache of freed blocks by size class in front of
 * malloc was tried here and removed: it cut churn_alloc's instructions by
 * 10 % but reused blocks out of address order, and the collector's walks
 * over long generation lists (cycles_collect) became 3x slower from cache
 * misses.  glibc's tcache serves malloc/free pairs well, as long as
 * nothing uses calloc (which bypasses it). */
void *gs_mem_alloc(gs_VM *vm, size_t size)
{
    GS_UNUSED(vm);
    return malloc(size);
}

void gs_mem_free(gs_VM *vm, void *p)
{
    GS_UNUSED(vm);
    free(p);
}

static bool kind_records_own_alloc(gs_Kind k)
{
    switch (k) {
    case GS_K_INT: case GS_K_FLOAT: case GS_K_STR: case GS_K_FUNCTION: case GS_K_CODE:
    case GS_K_TYPE: case GS_K_BUILTIN: case GS_K_MODULE: case GS_K_TUPLE: case GS_K_LIST:
    case GS_K_BYTES:
        return true;
    default:
        return false;
    }
}

/* Whether CPython makes objects of this type with its GC allocator, so that
 * they count in gc.get_count() (range iterators, for one, are not). */
static bool gc_counted(gs_VM *vm, gs_Type *type)
{
    if (type->flags & GS_TF_HEAP) /* all heap types have Py_TPFLAGS_HAVE_GC */
        return true;
    if (type->native)
        return type->native->gc;
    return gs_kind_is_gc((gs_Kind)type->inst_kind) && type != vm->t_iter[GS_IT_RANGE] && type != vm->t_object;
}

/* ------------------------------------------------------------------ free lists
 * CPython 3.11 keeps up to 80 freed lists, 80 freed dicts, 2000 freed tuples
 * of each length 1..20 and one slice, and reuses them without going through
 * its GC allocator: taking one from a free list does not add to generation
 * 0's count, putting one back does not subtract.  (Tuples of length 20 go
 * onto their list but are never taken back, as in CPython.)  A full
 * collection empties the lists (gs_freelists_clear). */
enum { GS_LIST_MAXFREE = 80, GS_DICT_MAXFREE = 80, GS_TUPLE_MAXSAVE = 20, GS_TUPLE_MAXFREE = 2000 };

static int32_t tuple_len_of_size(size_t size)
{
    return (int32_t)((size - sizeof(gs_Tuple)) / sizeof(gs_Object *));
}

static gs_Object *freelist_pop(gs_VM *vm, gs_Type *type, size_t size)
{
    gs_Object **head = NULL;
    int *n = NULL;
    if (type == vm->t_list && size == sizeof(gs_List)) {
        head = &vm->free_lists;
        n = &vm->nfree_lists;
    } else if (type == vm->t_dict && size == sizeof(gs_Dict)) {
        head = &vm->free_dicts;
        n = &vm->nfree_dicts;
    } else if (type == vm->t_tuple) {
        int32_t len = tuple_len_of_size(size);
        if (len < 1 || len >= GS_TUPLE_MAXSAVE)
            return NULL;
        head = &vm->free_tuples[len - 1];
        n = &vm->nfree_tuples[len - 1];
    } else if (type == vm->t_slice && vm->slice_cache) {
        gs_Object *o = vm->slice_cache;
        vm->slice_cache = NULL;
        return o;
    }
    if (!head || !*head)
        return NULL;
    gs_Object *o = *head;
    *head = o->gc_next;
    (*n)--;
    return o;
}

/* Keep a dying object's memory on its free list; false if it must be freed. */
static bool freelist_push(gs_VM *vm, gs_Object *o)
{
    gs_Object **head = NULL;
    int *n = NULL;
    gs_Type *t = o->type;
    if (vm->gc_teardown)
        return false;
    if (t == vm->t_list && vm->nfree_lists < GS_LIST_MAXFREE) {
        head = &vm->free_lists;
        n = &vm->nfree_lists;
    } else if (t == vm->t_dict && vm->nfree_dicts < GS_DICT_MAXFREE) {
        head = &vm->free_dicts;
        n = &vm->nfree_dicts;
    } else if (t == vm->t_tuple) {
        int32_t len = ((gs_Tuple *)o)->len;
        if (len < 1 || len > GS_TUPLE_MAXSAVE || vm->nfree_tuples[len - 1] >= GS_TUPLE_MAXFREE)
            return false;
        head = &vm->free_tuples[len - 1];
        n = &vm->nfree_tuples[len - 1];
    } else if (t == vm->t_slice && !vm->slice_cache) {
        vm->slice_cache = o;
        o->gc_next = NULL;
        return true;
    }
    if (!head)
        return false;
    o->gc_next = *head;
    *head = o;
    (*n)++;
    return true;
}

static void freelist_free(gs_VM *vm, gs_Object **head, int *n)
{
    while (*head) {
        gs_Object *o = *head;
        *head = o->gc_next;
        free(o);
        gs_gc_on_free(vm);
    }
    if (n)
        *n = 0;
}

/* CPython's clear_freelists (full collections); the slice cache is not
 * among them, it goes only with the VM (teardown). */
void gs_freelists_clear(gs_VM *vm)
{
    vm->float_free = 0;
    vm->nfree_keys = 0;
    if (vm->tm)
        gs_tm_clear_free_lists(vm);
    for (int i = 0; i < GS_TUPLE_MAXSAVE; i++)
        freelist_free(vm, &vm->free_tuples[i], &vm->nfree_tuples[i]);
    freelist_free(vm, &vm->free_lists, &vm->nfree_lists);
    freelist_free(vm, &vm->free_dicts, &vm->nfree_dicts);
    if (vm->gc_teardown)
        freelist_free(vm, &vm->slice_cache, NULL);
}

/* What CPython 3.11's start-up (site, encodings, the compiler of a small
 * script, `import gc`) leaves on its free lists when a script's first
 * statements run, measured on Debian's /usr/bin/python3.11 (3.11.2) by
 * allocating from each list and watching gc.get_count(): tuples of length
 * 1..19, then lists, then dicts.  A program that looks at gc.get_count()
 * before its first full collection (which empties the lists) sees them:
 * its first tuples, lists and dicts come from there and are not counted.
 * The figures are what the model needs at its own start so that after its
 * `import gc` the lists hold what CPython's do (the model's gc module takes
 * a dict for its namespace and two lists, gc.garbage and gc.callbacks,
 * which CPython made at start-up). */
static const int startup_free_tuples[GS_TUPLE_MAXSAVE - 1] = { 5, 6, 3, 2, 3, 0, 1, 0, 2, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0 };
enum { STARTUP_FREE_LISTS = 6, STARTUP_FREE_DICTS = 8 };

static void freelist_fill(gs_VM *vm, gs_Object **head, int *n, int want, gs_Type *type, size_t size, int32_t len)
{
    while (*n > want) { /* what the model's compiler left beyond CPython's */
        gs_Object *o = *head;
        *head = o->gc_next;
        (*n)--;
        free(o);
    }
    while (*n < want) {
        gs_Object *o = calloc(1, size);
        if (!o)
            return;
        o->type = type;
        o->kind = type->inst_kind;
        if (type == vm->t_tuple)
            ((gs_Tuple *)o)->len = len;
        o->gc_next = *head;
        *head = o;
        (*n)++;
    }
}

void gs_freelists_startup(gs_VM *vm)
{
    for (int i = 0; i < GS_TUPLE_MAXSAVE - 1; i++)
        freelist_fill(vm, &vm->free_tuples[i], &vm->nfree_tuples[i], startup_free_tuples[i], vm->t_tuple,
                      sizeof(gs_Tuple) + (size_t)(i + 1) * sizeof(gs_Object *), i + 1);
    freelist_fill(vm, &vm->free_lists, &vm->nfree_lists, STARTUP_FREE_LISTS, vm->t_list, sizeof(gs_List), 0);
    freelist_fill(vm, &vm->free_dicts, &vm->nfree_dicts, STARTUP_FREE_DICTS, vm->t_dict, sizeof(gs_Dict), 0);
}

/* What `import tracemalloc` at the top of a script (Lib/tracemalloc.py's
 * module code) leaves on CPython 3.11's free lists, measured on Debian's
 * python3.11 (TRACEMALLOC.md, section 3.2).  From then on the model's
 * lists follow the program, and tracemalloc.start() finds what they hold
 * there, untraced (memtrace.c). */
void gs_freelists_after_tracemalloc_import(gs_VM *vm)
{
    static const int tuples[5] = { 4, 16, 4, 5, 1 };
    for (int i = 0; i < 5; i++)
        freelist_fill(vm, &vm->free_tuples[i], &vm->nfree_tuples[i], tuples[i], vm->t_tuple,
                      sizeof(gs_Tuple) + (size_t)(i + 1) * sizeof(gs_Object *), i + 1);
    freelist_fill(vm, &vm->free_lists, &vm->nfree_lists, 11, vm->t_list, sizeof(gs_List), 0);
    freelist_fill(vm, &vm->free_dicts, &vm->nfree_dicts, 4, vm->t_dict, sizeof(gs_Dict), 0);
    vm->float_free = 3;
    vm->nfree_keys = GS_KEYS_AFTER_TRACEMALLOC_IMPORT;
}

void gs_freelists_after_import(gs_VM *vm, int lists, int dicts, int floats, const int *tuples, int ntuples)
{
    if (vm->tm)
        return; /* tracemalloc traces the blocks the lists hold: they stay the model's own */
    for (int i = 0; i < ntuples && i < GS_TUPLE_MAXSAVE - 1; i++)
        freelist_fill(vm, &vm->free_tuples[i], &vm->nfree_tuples[i], tuples[i], vm->t_tuple,
                      sizeof(gs_Tuple) + (size_t)(i + 1) * sizeof(gs_Object *), i + 1);
    freelist_fill(vm, &vm->free_lists, &vm->nfree_lists, lists, vm->t_list, sizeof(gs_List), 0);
    freelist_fill(vm, &vm->free_dicts, &vm->nfree_dicts, dicts, vm->t_dict, sizeof(gs_Dict), 0);
    vm->float_free = floats;
}

void gs_freelist_counts(gs_VM *vm, int *lists, int *dicts, int *floats, int tuples[19], int *keys)
{
    *keys = vm->nfree_keys;
    *lists = vm->nfree_lists;
    *dicts = vm->nfree_dicts;
    *floats = vm->float_free;
    for (int i = 0; i < 19; i++)
        tuples[i] = vm->nfree_tuples[i];
}

gs_Object *gs_phantom_alloc(gs_VM *vm, gs_Type *type, int32_t len)
{
    size_t size = type == vm->t_tuple ? sizeof(gs_Tuple) + (size_t)len * sizeof(gs_Object *)
                  : type == vm->t_dict ? sizeof(gs_Dict) : sizeof(gs_List);
    gs_Object *o = freelist_pop(vm, type, size);
    if (!o) {
        if (gc_counted(vm, type))
            gs_gc_on_alloc(vm);
        o = malloc(size);
        if (!o)
            return NULL;
    }
    memset(o, 0, size);
    o->type = type;
    o->kind = type->inst_kind;
    o->refcnt = 1;
    if (type == vm->t_tuple)
        ((gs_Tuple *)o)->len = len;
    if (vm->tm) { /* the tuple, dict, list or method object CPython makes and soon frees */
        gs_tm_alloc_begin(vm, o, 1);
        gs_tm_object(vm, o);
    }
    return o;
}

/* CPython's _PyTuple_Resize of an object the model does not show: the same
 * object, new length, no count changes. */
gs_Object *gs_phantom_resize(gs_VM *vm, gs_Object *o, int32_t len)
{
    size_t size = sizeof(gs_Tuple) + (size_t)len * sizeof(gs_Object *);
    if (!vm->tm) {
        gs_Object *r = realloc(o, size);
        if (!r)
            return NULL;
        ((gs_Tuple *)r)->len = len;
        return r;
    }
    /* traced (_PyTuple_Resize is a realloc): a new block, so the traces can
     * move the old one's key to it before it is freed */
    gs_Object *r = malloc(size);
    if (!r)
        return NULL;
    size_t oldsize = sizeof(gs_Tuple) + (size_t)((gs_Tuple *)o)->len * sizeof(gs_Object *);
    memcpy(r, o, oldsize < size ? oldsize : size);
    ((gs_Tuple *)r)->len = len;
    gs_tm_moved(vm, o, r);
    free(o);
    gs_tm_object(vm, r);
    return r;
}

/* The memory of a phantom that becomes a real object (gs_alloc_resized):
 * freed with no count change and no free list. */
void gs_phantom_discard(gs_VM *vm, gs_Object *o)
{
    if (vm->tm)
        gs_tm_phantom_discard(vm, o);
    free(o);
}

void gs_phantom_free(gs_VM *vm, gs_Object *o)
{
    if (!o)
        return;
    if (vm->tm)
        gs_tm_dealloc(vm, o);
    if (freelist_push(vm, o))
        return;
    bool gc = gc_counted(vm, o->type);
    free(o);
    if (gc)
        gs_gc_on_free(vm);
}

/* A class (or str, int, weakref.ref) called with arguments: CPython 3.11
 * goes through tp_call, which packs them in a tuple and the keywords in a
 * dict, and a Python __init__ given keywords gets them back as a tuple of
 * names.  Exceptions keep their argument tuple as .args: the model makes
 * that one for real. */
void gs_phantom_call_begin(gs_VM *vm, gs_Type *t, int npos, int nkw, gs_PhantomCall *pc)
{
    pc->args = pc->kwargs = pc->kwnames = NULL;
    bool packs = ((t->flags & GS_TF_HEAP) && !(t->flags & GS_TF_EXC)) || t == vm->t_str || t == vm->t_int ||
                 t == vm->t_weakref || t == vm->t_property || t == vm->t_staticmethod || t == vm->t_classmethod ||
                 (t->native && t->native->packs_args);
    if (!packs)
        return;
    if (npos > 0)
        pc->args = gs_phantom_alloc(vm, vm->t_tuple, npos);
    if (nkw > 0) {
        pc->kwargs = gs_phantom_alloc(vm, vm->t_dict, 0);
        if ((t->flags & GS_TF_HEAP) && gs_type_lookup(t, vm->s___init__) &&
            GS_KIND(gs_type_lookup(t, vm->s___init__)) == GS_K_FUNCTION)
            pc->kwnames = gs_phantom_alloc(vm, vm->t_tuple, nkw);
    }
}

void gs_phantom_call_end(gs_VM *vm, gs_PhantomCall *pc)
{
    gs_phantom_free(vm, pc->kwnames);
    gs_phantom_free(vm, pc->args);
    gs_phantom_free(vm, pc->kwargs);
    pc->args = pc->kwargs = pc->kwnames = NULL;
}

/* How an allocation treats CPython's free lists and generation 0's count. */
enum {
    ALLOC_REUSE,   /* PyList_New, PyTuple_New...: a free list's memory if any, else a new counted object */
    ALLOC_FRESH,   /* PyType_GenericAlloc (list(), dict()): always a new counted object */
    ALLOC_RESIZED, /* memory CPython got by resizing an object it already counted */
};

static gs_Object *alloc_impl(gs_VM *vm, gs_Type *type, size_t size, int how)
{
    if (vm->heap_bytes + size > vm->heap_limit) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *o = how == ALLOC_REUSE ? freelist_pop(vm, type, size) : NULL;
    if (!o && how == ALLOC_RESIZED) {
        o = gs_mem_alloc(vm, size);
        if (!o) {
            gs_raise_memory(vm);
            return NULL;
        }
    } else if (!o) {
        /* Counting first: like CPython's _PyObject_GC_Link, this may run an
         * automatic collection, which cannot see the object being made. */
        if (gc_counted(vm, type))
            gs_gc_on_alloc(vm);
        o = gs_mem_alloc(vm, size);
        if (!o) {
            gs_raise_memory(vm);
            return NULL;
        }
    }
    memset(o, 0, size);
    vm->heap_bytes += size;
    if (type == vm->t_float && vm->float_free > 0)
        vm->float_free--; /* PyFloat_FromDouble takes one from the free list */
    o->refcnt = 1;
    o->type = type;
    o->kind = type->inst_kind;
    o->id = ++vm->next_id;
    if (vm->tm) {
        if (type == vm->t_tuple)
            ((gs_Tuple *)o)->len = tuple_len_of_size(size); /* which free list */
        gs_tm_alloc_begin(vm, o, how == ALLOC_REUSE ? 1 : how == ALLOC_FRESH ? 0 : -1);
    }
    if (vm->objtab)
        gs_objtab_set(vm, o->id, o);
    if (type->flags & GS_TF_HEAP)
        gs_incref_c(vm, &type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0));
    if (!kind_records_own_alloc(o->kind))
        gs_record_alloc(vm, o);
    return o;
}

gs_Object *gs_alloc(gs_VM *vm, gs_Type *type, size_t size)
{
    return alloc_impl(vm, type, size, ALLOC_REUSE);
}

gs_Object *gs_alloc_fresh(gs_VM *vm, gs_Type *type, size_t size)
{
    return alloc_impl(vm, type, size, ALLOC_FRESH);
}

gs_Object *gs_alloc_resized(gs_VM *vm, gs_Type *type, size_t size)
{
    return alloc_impl(vm, type, size, ALLOC_RESIZED);
}

bool gs_kind_is_gc(gs_Kind k)
{
    switch (k) {
    case GS_K_TUPLE: case GS_K_LIST: case GS_K_DICT: case GS_K_SET: case GS_K_TYPE:
    case GS_K_FUNCTION: case GS_K_METHOD: case GS_K_INSTANCE: case GS_K_EXCEPTION:
    case GS_K_MODULE: case GS_K_CELL: case GS_K_ITER: case GS_K_FRAME:
    case GS_K_TRACEBACK: case GS_K_GENERATOR: case GS_K_PROPERTY:
    case GS_K_CLASSMETHOD: case GS_K_STATICMETHOD: case GS_K_BUILTIN: case GS_K_SLICE: case GS_K_SUPER:
    case GS_K_WEAKREF:
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ traversal */

static int visit_table(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_VisitFn fn, void *arg, bool values_only)
{
    for (int32_t i = 0; i < t->nentries; i++) {
        gs_DictEntry *e = &t->entries[i];
        if (!e->key)
            continue;
        int r;
        /* read everything first: visiting may free the key (dealloc) */
        uint32_t kid = e->key->id;
        gs_Object *value = e->value;
        if (!values_only && (r = fn(vm, holder, e->key, GS_CAUSE(GS_CAUSE_KEY, holder->id, kid), arg)))
            return r;
        if (value && (r = fn(vm, holder, value, GS_CAUSE(values_only ? GS_CAUSE_ATTR : GS_CAUSE_VALUE, holder->id,
                                                          kid), arg)))
            return r;
    }
    return 0;
}

/* dict_traverse: each entry's value, then its key */
static int visit_dict(gs_VM *vm, gs_Object *holder, gs_VisitFn fn, void *arg)
{
    gs_DictTable *t = &((gs_Dict *)holder)->t;
    for (int32_t i = 0; i < t->nentries; i++) {
        gs_DictEntry *e = &t->entries[i];
        if (!e->key)
            continue;
        int r;
        gs_Object *key = e->key;
        if (e->value && (r = fn(vm, holder, e->value, GS_CAUSE(GS_CAUSE_VALUE, holder->id, key->id), arg)))
            return r;
        if ((r = fn(vm, holder, key, GS_CAUSE(GS_CAUSE_KEY, holder->id, key->id), arg)))
            return r;
    }
    return 0;
}

/* Whether the instance's live attribute names appear in the class's shared
 * key order (as a subsequence, compared by identity: both hold interned
 * names).  Then walking the instance's entries in insertion order visits
 * them in shared-key order, with no lookup by name: the common case, as
 * instances usually set their attributes in __init__'s order. */
static bool attrs_in_key_order(const gs_DictTable *order, const gs_DictTable *attrs)
{
    int32_t i = 0;
    if (attrs->nentries <= order->nentries) { /* the usual: a prefix of the key order */
        while (i < attrs->nentries && attrs->entries[i].key == order->entries[i].key)
            i++;
        if (i == attrs->nentries)
            return true;
        i = 0;
    }
    for (int32_t j = 0; j < attrs->nentries; j++) {
        gs_Object *k = attrs->entries[j].key;
        if (!k)
            continue;
        while (i < order->nentries && order->entries[i].key != k)
            i++;
        if (i == order->nentries)
            return false;
        i++;
    }
    return true;
}

/* attrs_in_key_order, remembered on the instance: the collector traverses
 * a long-lived instance many times, and its names only change through
 * gs_setattr, which forgets the answer when it adds or removes one.  (The
 * class's key order only grows, which keeps a subsequence one.) */
static bool instance_in_key_order(gs_Object *o)
{
    if (o->attrs_in_order)
        return true;
    bool r = attrs_in_key_order(&o->type->attr_keys, &gs_inst_part(o)->attrs);
    o->attrs_in_order = r;
    return r;
}

/* An instance's inline attribute values, in the order of the class's shared
 * keys (CPython's values array), whatever order this instance set them. */
static int visit_attrs(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Instance *in = (gs_Instance *)o;
    gs_DictTable *order = &o->type->attr_keys;
    if (in->attrs.used == 0)
        return 0;
    if (instance_in_key_order(o)) {
        for (int32_t ix = 0; ix < in->attrs.nentries; ix++) {
            gs_DictEntry *e = &in->attrs.entries[ix];
            int r;
            if (e->key && e->value && (r = fn(vm, o, e->value, GS_CAUSE(GS_CAUSE_ATTR, o->id, e->key->id), arg)))
                return r;
        }
        return 0;
    }
    int32_t seen = 0;
    for (int32_t i = 0; i < order->nentries && seen < in->attrs.used; i++) {
        gs_Object *key = order->entries[i].key;
        if (!key)
            continue;
        int32_t ix = gs_table_lookup_str(&in->attrs, (gs_Str *)key);
        if (ix < 0)
            continue;
        seen++;
        gs_DictEntry *e = &in->attrs.entries[ix];
        int r;
        if (e->value && (r = fn(vm, o, e->value, GS_CAUSE(GS_CAUSE_ATTR, o->id, e->key->id), arg)))
            return r;
    }
    if (seen < in->attrs.used) /* names the class does not list: insertion order */
        for (int32_t ix = 0; ix < in->attrs.nentries; ix++) {
            gs_DictEntry *e = &in->attrs.entries[ix];
            if (!e->key || gs_table_lookup_str(order, (gs_Str *)e->key) >= 0)
                continue;
            int r;
            if (e->value && (r = fn(vm, o, e->value, GS_CAUSE(GS_CAUSE_ATTR, o->id, e->key->id), arg)))
                return r;
        }
    return 0;
}

#define VISIT(ref, ck, w)                                                          \
    do {                                                                           \
        gs_Object *_r = (gs_Object *)(ref);                                        \
        if (_r) {                                                                  \
            int _v = fn(vm, o, _r, GS_CAUSE((ck), o->id, (w)), arg);               \
            if (_v)                                                                \
                return _v;                                                         \
        }                                                                          \
    } while (0)

/* The values of an object's __slots__ (CPython's traverse_slots along
 * subtype_traverse): the class's own, then its base's, up the layout
 * chain; each class's in their (sorted) order. */
static int visit_slots(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Type *t = o->type;
    if (!gs_type_nslots(t))
        return 0;
    gs_Object **vals = gs_slot_values(o);
    for (gs_Type *c = t; c && (c->flags & GS_TF_HEAP); c = c->base)
        for (int32_t i = c->slot_base; i < c->slot_base + c->nslots; i++) {
            gs_Object *v = vals[i];
            int r;
            if (v && (r = fn(vm, o, v, GS_CAUSE(GS_CAUSE_ATTR, o->id, t->slots[i]->ob.id), arg)))
                return r;
        }
    return 0;
}

/* subtype_traverse of an object of a class derived from a built-in type:
 * slots, attributes (or __dict__), the class; the built-in part follows. */
static int visit_sub_part(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = visit_slots(vm, o, fn, arg);
    if (r)
        return r;
    gs_InstPart *ip = gs_inst_part(o);
    if (ip->dict) {
        if ((r = fn(vm, o, &ip->dict->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_OSLOT_DICT), arg)))
            return r;
    } else
        for (int32_t ix = 0; ix < ip->attrs.nentries; ix++) {
            gs_DictEntry *e = &ip->attrs.entries[ix];
            if (e->key && e->value && (r = fn(vm, o, e->value, GS_CAUSE(GS_CAUSE_ATTR, o->id, e->key->id), arg)))
                return r;
        }
    return fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_OSLOT_CLASS), arg);
}

static int traverse_builtin(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg);

int gs_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    if (is_sub_builtin(o)) {
        int r = visit_sub_part(vm, o, fn, arg);
        if (r)
            return r;
    }
    return traverse_builtin(vm, o, fn, arg);
}

/* What the built-in part of an object holds. */
static int traverse_builtin(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    switch (GS_KIND(o)) {
    /* Each kind visits in the order of its CPython tp_traverse: the
     * collector's move_unreachable depends on it (and so the order of
     * finalizers and weakref callbacks in a collection). */
    case GS_K_TUPLE: {
        gs_Tuple *t = (gs_Tuple *)o;
        for (int32_t i = t->len - 1; i >= 0; i--) /* last item first */
            VISIT(t->items[i], GS_CAUSE_SLOT, i);
        return 0;
    }
    case GS_K_LIST: {
        gs_List *l = (gs_List *)o;
        for (int32_t i = l->len - 1; i >= 0; i--) /* last item first */
            VISIT(l->items[i], GS_CAUSE_SLOT, i);
        return 0;
    }
    case GS_K_DICT: return visit_dict(vm, o, fn, arg);
    case GS_K_SET: { /* set_traverse: slot order */
        int64_t pos = 0;
        gs_Object *key;
        while (gs_set_next(o, &pos, &key, NULL)) {
            int r = fn(vm, o, key, GS_CAUSE(GS_CAUSE_KEY, o->id, key->id), arg);
            if (r)
                return r;
        }
        return 0;
    }
    case GS_K_TYPE: {
        gs_Type *t = (gs_Type *)o;
        if (!(t->flags & GS_TF_HEAP))
            return 0;
        /* an instance of a metaclass: subtype_traverse visits the metaclass,
         * then type_traverse: tp_dict, tp_mro, tp_bases, tp_base (tuples
         * from their last item) */
        if (o->type->flags & GS_TF_HEAP)
            VISIT(o->type, GS_CAUSE_INTERNAL, GS_TSLOT_META);
        VISIT(t->dict, GS_CAUSE_INTERNAL, GS_TSLOT_DICT);
        if (!(t->spare & GS_TYPE_MRO_CLEARED))
            for (int32_t i = t->nmro - 1; i >= 1; i--)
                if (t->mro[i]->flags & GS_TF_HEAP)
                    VISIT(t->mro[i], GS_CAUSE_INTERNAL, GS_TSLOT_MRO + (uint32_t)i);
        for (int32_t i = t->nbases - 1; i >= 0; i--)
            if (t->bases[i]->flags & GS_TF_HEAP)
                VISIT(t->bases[i], GS_CAUSE_INTERNAL, gs_tslot_bases(i));
        if (t->base && (t->base->flags & GS_TF_HEAP))
            VISIT(t->base, GS_CAUSE_INTERNAL, GS_TSLOT_BASE);
        return 0;
    }
    case GS_K_FUNCTION: {
        gs_Function *f = (gs_Function *)o;
        /* func_traverse's order */
        VISIT(f->code, GS_CAUSE_INTERNAL, 0);
        VISIT(f->globals, GS_CAUSE_INTERNAL, 1);
        VISIT(f->defaults, GS_CAUSE_INTERNAL, 4);
        VISIT(f->kwdefaults, GS_CAUSE_INTERNAL, 5);
        VISIT(f->name, GS_CAUSE_INTERNAL, 2);
        VISIT(f->dict, GS_CAUSE_INTERNAL, 7);
        VISIT(f->closure, GS_CAUSE_INTERNAL, 6);
        VISIT(f->annotations, GS_CAUSE_INTERNAL, 8);
        VISIT(f->qualname, GS_CAUSE_INTERNAL, 3);
        return 0;
    }
    case GS_K_BUILTIN: VISIT(((gs_Builtin *)o)->self, GS_CAUSE_INTERNAL, 0); return 0;
    case GS_K_METHOD:
    case GS_K_SUPER:
        VISIT(((gs_Method *)o)->func, GS_CAUSE_INTERNAL, 0);
        VISIT(((gs_Method *)o)->self, GS_CAUSE_INTERNAL, 1);
        return 0;
    case GS_K_EXCEPTION: {
        /* subtype_traverse (the class), then BaseException_traverse */
        gs_Exception *e = (gs_Exception *)o;
        int r0 = visit_slots(vm, o, fn, arg);
        if (r0)
            return r0;
        if (o->type->flags & GS_TF_HEAP)
            VISIT(o->type, GS_CAUSE_INTERNAL, 0);
        if (e->inst.dict)
            VISIT(e->inst.dict, GS_CAUSE_INTERNAL, 1);
        else {
            int r = visit_attrs(vm, o, fn, arg);
            if (r)
                return r;
        }
        VISIT(e->args, GS_CAUSE_INTERNAL, 10);
        VISIT(e->traceback, GS_CAUSE_INTERNAL, 11);
        VISIT(e->cause, GS_CAUSE_INTERNAL, 13);
        VISIT(e->context, GS_CAUSE_INTERNAL, 12);
        VISIT(e->eg_msg, GS_CAUSE_INTERNAL, 16);
        VISIT(e->eg_excs, GS_CAUSE_INTERNAL, 17);
        return 0;
    }
    case GS_K_INSTANCE: {
        /* subtype_traverse: attribute values, the __dict__, the class */
        gs_Instance *in = (gs_Instance *)o;
        int r0 = visit_slots(vm, o, fn, arg);
        if (r0)
            return r0;
        if (in->dict)
            VISIT(in->dict, GS_CAUSE_INTERNAL, 1);
        else {
            int r = visit_attrs(vm, o, fn, arg);
            if (r)
                return r;
        }
        if (o->type->native && o->type->native->traverse) {
            int r = o->type->native->traverse(vm, o, fn, arg);
            if (r)
                return r;
        }
        /* instances traverse their type (heap types only), as CPython does */
        if (o->type->flags & GS_TF_HEAP)
            VISIT(o->type, GS_CAUSE_INTERNAL, 0);
        return 0;
    }
    case GS_K_MODULE: VISIT(((gs_Module *)o)->dict, GS_CAUSE_INTERNAL, 0); return 0;
    case GS_K_CELL: VISIT(((gs_Cell *)o)->ref, GS_CAUSE_INTERNAL, 0); return 0;
    case GS_K_ITER:
        VISIT(((gs_Iter *)o)->seq, GS_CAUSE_INTERNAL, 0);
        VISIT(((gs_Iter *)o)->extra, GS_CAUSE_INTERNAL, 1);
        return 0;
    case GS_K_SLICE:
        VISIT(((gs_Slice *)o)->start, GS_CAUSE_INTERNAL, 0);
        VISIT(((gs_Slice *)o)->stop, GS_CAUSE_INTERNAL, 1);
        VISIT(((gs_Slice *)o)->step, GS_CAUSE_INTERNAL, 2);
        return 0;
    case GS_K_CODE: {
        gs_Code *c = (gs_Code *)o;
        for (int32_t i = 0; i < c->nconsts; i++)
            VISIT(c->consts[i], GS_CAUSE_CONST, i);
        return 0;
    }
    case GS_K_GENERATOR: {
        return gs_gen_traverse(vm, o, fn, arg);
    }
    case GS_K_FRAME: {
        return gs_frame_object_traverse(vm, o, fn, arg);
    }
    case GS_K_TRACEBACK: {
        return gs_traceback_traverse(vm, o, fn, arg);
    }
    case GS_K_WEAKREF: {
        /* a subclass's slots, attributes (or __dict__) first, then ref's own fields */
        gs_Instance *in = (gs_Instance *)o;
        int rs = visit_slots(vm, o, fn, arg);
        if (rs)
            return rs;
        if (in->dict)
            VISIT(in->dict, GS_CAUSE_INTERNAL, 1);
        else {
            int r = visit_attrs(vm, o, fn, arg);
            if (r)
                return r;
        }
        return gs_weakref_traverse(vm, o, fn, arg);
    }
    case GS_K_PROPERTY: case GS_K_CLASSMETHOD: case GS_K_STATICMETHOD: {
        /* property_traverse: get, set, del, doc, name; sm/cm: callable, dict */
        gs_Descr *d = (gs_Descr *)o;
        VISIT(d->ref, GS_CAUSE_INTERNAL, 0);
        VISIT(d->fset, GS_CAUSE_INTERNAL, 1);
        VISIT(d->fdel, GS_CAUSE_INTERNAL, 2);
        VISIT(d->doc, GS_CAUSE_INTERNAL, 3);
        VISIT(d->name, GS_CAUSE_INTERNAL, 4);
        VISIT(d->dict, GS_CAUSE_INTERNAL, 5);
        return 0;
    }
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------ deallocation */

static int release_ref(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    GS_UNUSED(holder);
    GS_UNUSED(arg);
    gs_decref_c(vm, ref, cause);
    return 0;
}

/* Instance attributes die in the order their names were first set on any
 * instance of the class (CPython 3.11's shared keys), not this instance's. */
static void release_slots(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = o->type;
    if (!gs_type_nslots(t))
        return;
    /* subtype_dealloc's clear_slots: the class's own first, then up the
     * layout chain (as visit_slots) */
    gs_Object **vals = gs_slot_values(o);
    for (gs_Type *c = t; c && (c->flags & GS_TF_HEAP); c = c->base) {
        for (int32_t i = c->slot_base; i < c->slot_base + c->nslots; i++) {
            gs_Object *v = vals[i];
            if (!v)
                continue;
            vals[i] = NULL;
            if (vm->recording)
                gs_record(vm, GS_EV_REF_SET, GS_CAUSE_ATTR, o->id, v->id, 0, gs_trace_name(vm, t->slots[i]));
            gs_decref_c(vm, v, GS_CAUSE(GS_CAUSE_ATTR, o->id, t->slots[i]->ob.id));
        }
    }
}

static void release_instance(gs_VM *vm, gs_Object *o)
{
    release_slots(vm, o);
    gs_InstPart *in = gs_inst_part(o);
    if (in->dict) {
        gs_Dict *d = in->dict;
        uint32_t slot = is_sub_builtin(o) ? GS_OSLOT_DICT : 1;
        in->dict = NULL;
        d->owner = NULL;
        /* a split table outliving its instance keeps the size it has */
        d->sk_nentries = o->type->sk_nentries;
        d->sk_usable = o->type->sk_usable;
        gs_record_field(vm, o, slot, &d->ob, NULL);
        gs_decref_c(vm, &d->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, slot));
        return;
    }
    gs_DictTable *order = &o->type->attr_keys;
    /* names in shared-key order: the loop below alone, in insertion order */
    bool in_order = instance_in_key_order(o);
    for (int32_t i = 0; !in_order && i < order->nentries && in->attrs.used; i++) {
        gs_Object *key = order->entries[i].key;
        if (!key)
            continue;
        int32_t ix = gs_table_lookup_str(&in->attrs, (gs_Str *)key);
        if (ix >= 0)
            gs_table_delete_at(vm, o, &in->attrs, ix);
    }
    for (int32_t ix = 0; ix < in->attrs.nentries && in->attrs.used; ix++)
        if (in->attrs.entries[ix].key)
            gs_table_delete_at(vm, o, &in->attrs, ix);
}

bool gs_has_finalizer(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_GENERATOR) {
        /* a suspended generator is closed when it dies, so finally runs */
        return gs_gen_needs_finalizer(o);
    }
    /* an instance of a class, or of a class derived from a built-in type
     * (class T(tuple) with a __del__: CPython's subtype_dealloc calls it) */
    return (o->type->flags & GS_TF_HAS_DEL) &&
           (k == GS_K_INSTANCE || k == GS_K_EXCEPTION || (o->type->flags & GS_TF_HEAP));
}

/* PEP 442: __del__ runs at most once per object, whether the refcount path
 * or the collector gets to it first. */
void gs_call_finalizer(gs_VM *vm, gs_Object *o)
{
    if ((o->gcflags & GS_GC_FINALIZED) || vm->gc_teardown)
        return;
    if (GS_KIND(o) == GS_K_GENERATOR) {
        o->gcflags |= GS_GC_FINALIZED;
        gs_record(vm, GS_EV_FINALIZE, 0, o->id, 0, 0, 0);
        gs_incref(vm, o);
        vm->c_depth++;
        gs_gen_finalize(vm, o);
        vm->c_depth--;
        o->refcnt--; /* the caller looks for a resurrection */
        if (vm->recording && !(o->gcflags & GS_GC_STATIC))
            gs_record_ref(vm, o, false, GS_CAUSE(GS_CAUSE_TEMP, vm->cur_frame_id, 0));
        return;
    }
    gs_Object *del = gs_type_lookup(o->type, vm->s___del__);
    if (!del)
        return;
    o->gcflags |= GS_GC_FINALIZED;
    gs_record(vm, GS_EV_FINALIZE, 0, o->id, 0, 0, 0);
    /* Keep the object alive while __del__ runs (from a dealloc its count is
     * 0: CPython's PyObject_CallFinalizerFromDealloc sets it to 1; the
     * collector holds its own reference already, finalize_garbage); save
     * any exception in flight. */
    bool resurrect = o->refcnt == 0;
    if (resurrect)
        gs_incref(vm, o); /* recorded: the trace's count follows the VM's */
    gs_Object *saved = vm->exc;
    vm->exc = NULL;
    vm->c_depth++; /* called from C: even at the end of a run, not the outermost loop */
    gs_Object *res = gs_call_object(vm, del, &o, 1, NULL);
    vm->c_depth--;
    if (!res)
        gs_write_unraisable(vm, "Exception ignored in: ", del);
    else
        gs_decref(vm, res);
    vm->exc = saved;
    if (!resurrect)
        return;
    o->refcnt--; /* no dealloc here: the caller looks for a resurrection */
    if (vm->recording && !(o->gcflags & GS_GC_STATIC))
        gs_record_ref(vm, o, false, GS_CAUSE(GS_CAUSE_TEMP, vm->cur_frame_id, 0));
}

static void free_memory(gs_VM *vm, gs_Object *o, size_t size)
{
    vm->heap_bytes -= size;
    gs_mem_free(vm, o);
}

static size_t base_size(gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_INT: return sizeof(gs_Int);
    case GS_K_FLOAT: return sizeof(gs_Float);
    case GS_K_COMPLEX: return sizeof(gs_Complex);
    case GS_K_BYTES: return sizeof(gs_Bytes) + (size_t)((gs_Bytes *)o)->len + 1;
    case GS_K_BYTEARRAY: return sizeof(gs_ByteArray);
    case GS_K_STR: return sizeof(gs_Str) + (size_t)((gs_Str *)o)->len + 1;
    case GS_K_TUPLE: return sizeof(gs_Tuple) + (size_t)((gs_Tuple *)o)->len * sizeof(gs_Object *);
    case GS_K_LIST: return sizeof(gs_List);
    case GS_K_DICT: return sizeof(gs_Dict);
    case GS_K_SET: return sizeof(gs_Set);
    case GS_K_TYPE: return sizeof(gs_Type);
    case GS_K_FUNCTION: return sizeof(gs_Function);
    case GS_K_BUILTIN: return sizeof(gs_Builtin);
    case GS_K_METHOD: case GS_K_SUPER: return sizeof(gs_Method);
    case GS_K_INSTANCE: return o->type->native ? o->type->native->size : sizeof(gs_Instance);
    case GS_K_EXCEPTION: return sizeof(gs_Exception);
    case GS_K_MODULE: return sizeof(gs_Module);
    case GS_K_CODE: return sizeof(gs_Code);
    case GS_K_CELL: return sizeof(gs_Cell);
    case GS_K_RANGE: return sizeof(gs_Range);
    case GS_K_ITER: return sizeof(gs_Iter);
    case GS_K_SLICE: return sizeof(gs_Slice);
    case GS_K_FRAME: return sizeof(gs_FrameObj);
    case GS_K_TRACEBACK: return sizeof(gs_TracebackObj);
    case GS_K_GENERATOR: {
        return gs_gen_size();
    }
    case GS_K_WEAKREF: return gs_weakref_size();
    case GS_K_PROPERTY: case GS_K_CLASSMETHOD: case GS_K_STATICMETHOD: return sizeof(gs_Descr);
    default: return sizeof(gs_Object);
    }
}

/* ------------------------------------------------------------------ objects of classes
 * An instance of a class is a gs_Instance (gs_Exception for exceptions):
 * its gs_InstPart follows the header.  An object of a class derived from
 * a built-in type (class L(list)) is the built-in object with a gs_InstPart
 * after it, at the next 8-byte boundary.  The values of __slots__ come
 * after the instance part (after the whole gs_Exception for exceptions). */

_Static_assert(offsetof(gs_Instance, dict) - offsetof(gs_Instance, attrs) == offsetof(gs_InstPart, dict) &&
                   offsetof(gs_Instance, weakreflist) - offsetof(gs_Instance, attrs) ==
                       offsetof(gs_InstPart, weakreflist) &&
                   sizeof(gs_Instance) == offsetof(gs_Instance, attrs) + sizeof(gs_InstPart),
               "gs_Instance ends with a gs_InstPart");

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

/* Whether o is an object of a class derived from a built-in type other
 * than object (a list subclass, an int subclass ...). */
static bool is_sub_builtin(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    /* (a weak reference carries its instance part inside: gs_WeakRef) */
    return (o->type->flags & GS_TF_HEAP) && k != GS_K_INSTANCE && k != GS_K_EXCEPTION && k != GS_K_TYPE &&
           k != GS_K_WEAKREF;
}

gs_InstPart *gs_inst_part(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_INSTANCE || k == GS_K_EXCEPTION || k == GS_K_WEAKREF)
        return (gs_InstPart *)&((gs_Instance *)o)->attrs;
    if (is_sub_builtin(o))
        return (gs_InstPart *)((char *)o + align8(base_size(o)));
    return NULL;
}

int32_t gs_type_nslots(gs_Type *t) { return (t->flags & GS_TF_HEAP) ? t->slot_base + t->nslots : 0; }

gs_Object **gs_slot_values(gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_INSTANCE: /* after a module type's C data, if any */
        return (gs_Object **)((char *)o + align8(o->type->native ? o->type->native->size : sizeof(gs_Instance)));
    case GS_K_EXCEPTION: return (gs_Object **)((char *)o + sizeof(gs_Exception));
    case GS_K_WEAKREF: return (gs_Object **)((char *)o + align8(gs_weakref_size()));
    default: return (gs_Object **)((char *)o + align8(base_size(o)) + sizeof(gs_InstPart));
    }
}

/* The bytes an object of class t takes beyond its built-in part. */
size_t gs_class_extra_size(gs_Type *t, size_t builtin_size)
{
    size_t extra = (size_t)gs_type_nslots(t) * sizeof(gs_Object *);
    switch (t->inst_kind) {
    case GS_K_INSTANCE: case GS_K_EXCEPTION: case GS_K_WEAKREF: /* after C data (native) or the reference */
        return align8(builtin_size) - builtin_size + extra;
    default: return align8(builtin_size) - builtin_size + sizeof(gs_InstPart) + extra;
    }
}

static size_t object_size(gs_Object *o)
{
    size_t n = base_size(o);
    if ((o->type->flags & GS_TF_HEAP) && GS_KIND(o) != GS_K_TYPE)
        n += gs_class_extra_size(o->type, n);
    return n;
}


static void dealloc_now(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (gs_has_finalizer(o) && !(o->gcflags & GS_GC_FINALIZED) && !vm->gc_teardown) {
        /* CPython's subtype_dealloc tracks the object again while __del__
         * runs: it goes to the end of generation 0, and stays there if
         * __del__ resurrects it. */
        if (o->gcflags & GS_GC_TRACKED) {
            gs_gc_untrack(vm, o);
            gs_gc_track(vm, o);
        }
        gs_call_finalizer(vm, o);
        if (o->refcnt > 0)
            return; /* resurrected by __del__ */
    }
    /* untracked before the weakref callbacks run: a collection they start
     * must not see an object whose count is zero */
    if (o->gcflags & GS_GC_TRACKED)
        gs_gc_untrack(vm, o);
    gs_Object **wrlist = gs_weakref_listptr(o);
    if (wrlist && *wrlist) {
        gs_weakref_clear_all(vm, o);
        if (o->refcnt > 0)
            return;
    }
    size_t size = object_size(o);
    if (o->gcflags & GS_GC_SHOWN)
        gs_record(vm, GS_EV_FREE, 0, o->id, gs_type_name_id(vm, o), 0, 0);
    bool sub = is_sub_builtin(o);
    if (sub) {
        /* subtype_dealloc: slots and attributes, then the built-in part */
        release_instance(vm, o);
        gs_table_release(vm, &gs_inst_part(o)->attrs);
    }
    /* Drop everything the object holds.  Containers are emptied slot by slot
     * so each decref names the slot it came from; lists and tuples from the
     * last item to the first, as CPython does. */
    if (k == GS_K_LIST || k == GS_K_TUPLE) {
        gs_Object **items = k == GS_K_LIST ? ((gs_List *)o)->items : ((gs_Tuple *)o)->items;
        int32_t n = k == GS_K_LIST ? ((gs_List *)o)->len : ((gs_Tuple *)o)->len;
        while (--n >= 0)
            if (items[n])
                gs_decref_c(vm, items[n], GS_CAUSE(GS_CAUSE_SLOT, o->id, (uint32_t)n));
    } else if (k == GS_K_GENERATOR) {
        gs_gen_clear(vm, o);
        gs_gen_free(o);
    } else if (k == GS_K_DICT) {
        /* free_keys_object: each entry's key, then its value */
        visit_table(vm, o, &((gs_Dict *)o)->t, release_ref, NULL, false);
    } else if (k == GS_K_WEAKREF) {
        release_instance(vm, o); /* a subclass's attributes, then the reference itself */
        gs_weakref_dealloc(vm, o);
    } else if (k == GS_K_INSTANCE || k == GS_K_EXCEPTION) {
        release_instance(vm, o);
        if (o->type->native) {
            if (o->type->native->clear)
                o->type->native->clear(vm, o);
            if (o->type->native->free)
                o->type->native->free(o);
            for (int i = 0; i < o->type->native->phantoms && !vm->gc_teardown; i++)
                gs_gc_on_free(vm);
        }
        if (k == GS_K_EXCEPTION) {
            gs_Exception *e = (gs_Exception *)o;
            gs_Object *parts[4] = { &e->args->ob, e->traceback, e->context, e->cause };
            e->args = NULL;
            e->traceback = e->context = e->cause = NULL;
            for (int i = 0; i < 4; i++)
                if (parts[i])
                    gs_decref_c(vm, parts[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 10 + i));
            gs_Object *msg = e->eg_msg, *excs = e->eg_excs ? &e->eg_excs->ob : NULL;
            e->eg_msg = NULL;
            e->eg_excs = NULL;
            if (msg)
                gs_decref_c(vm, msg, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 16));
            if (excs)
                gs_decref_c(vm, excs, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 17));
        }
    } else if (k == GS_K_FRAME) {
        gs_frame_object_clear(vm, o);
    } else if (k == GS_K_TRACEBACK) {
        gs_traceback_clear(vm, o);
    } else if (k == GS_K_TYPE && o->type != vm->t_type) {
        /* a class made by a metaclass: its reference to the metaclass goes
         * last (below), as subtype_dealloc's Py_DECREF(type) drops it, not
         * with what the class holds */
        gs_Type *meta = o->type;
        o->type = vm->t_type;
        traverse_builtin(vm, o, release_ref, NULL);
        o->type = meta;
    } else
        traverse_builtin(vm, o, release_ref, NULL);
    if (k == GS_K_EXCEPTION) {
        gs_Exception *e = (gs_Exception *)o;
        for (int i = 0; i < e->ntb; i++)
            gs_decref(vm, e->tb[i].code);
        free(e->tb);
        free(e->suggestion);
        gs_xdecref(vm, e->attr_obj);
        gs_xdecref(vm, e->attr_name);
    }
    if (o->gcflags & GS_GC_PENDING_OUT)
        gs_textio_forget(vm, o); /* CPython's sys.stdout still holds it */
    if (vm->tm)
        gs_tm_dealloc(vm, o);
    if (k == GS_K_STR && ((gs_Str *)o)->interned == 2)
        gs_str_forget_interned(vm, (gs_Str *)o);
    switch (k) {
    case GS_K_INT: gs_big_free(o); break;
    case GS_K_LIST: gs_mem_free(vm, ((gs_List *)o)->items); break;
    case GS_K_BYTEARRAY: gs_mem_free(vm, ((gs_ByteArray *)o)->data); break;
    case GS_K_DICT:
        gs_dict_keys_freed(vm, &((gs_Dict *)o)->t);
        gs_table_release(vm, &((gs_Dict *)o)->t);
        break;
    case GS_K_SET: gs_set_free_table(o); break;
    case GS_K_INSTANCE: case GS_K_EXCEPTION: case GS_K_WEAKREF:
        gs_table_release(vm, &((gs_Instance *)o)->attrs);
        break;
    case GS_K_TYPE: {
        gs_Type *t = (gs_Type *)o;
        if ((t->flags & GS_TF_HEAP) && t->nmro && !vm->gc_teardown)
            gs_class_phantoms_freed(vm, t);
        gs_xdecref(vm, t->name);
        gs_xdecref(vm, t->qualname);
        gs_xdecref(vm, t->module);
        free(t->slots);
        gs_table_free(&t->attr_keys);
        gs_type_free_arrays(t);
        gs_table_free(&t->sk_names);
        break;
    }
    case GS_K_CODE: {
        gs_Code *c = (gs_Code *)o;
        for (int32_t i = 0; i < c->nnames; i++)
            gs_decref(vm, c->names[i]);
        for (int32_t i = 0; i < c->nlocals + c->ncells + c->nfrees; i++)
            gs_decref(vm, c->localnames[i]);
        gs_xdecref(vm, c->name);
        gs_xdecref(vm, c->qualname);
        gs_xdecref(vm, c->filename);
        free(c->ops); free(c->lines); free(c->pos); free(c->linestart); free(c->consts); free(c->spec);
        free(c->names); free(c->localnames); free(c->cell2arg); free(c->exctable);
        break;
    }
    default: break;
    }
    if (vm->objtab && o->id < vm->objtab_cap)
        vm->objtab[o->id] = NULL;
    gs_Type *type = o->type;
    if (type == vm->t_float && vm->float_free < 100)
        vm->float_free++; /* float_dealloc keeps up to 100 */
    if (!(o->gcflags & GS_GC_UNCOUNTED) && freelist_push(vm, o))
        vm->heap_bytes -= size;
    else {
        bool gc = gc_counted(vm, type) && !(o->gcflags & GS_GC_UNCOUNTED);
        free_memory(vm, o, size);
        if (gc)
            gs_gc_on_free(vm);
    }
    if (type->flags & GS_TF_HEAP)
        gs_decref_c(vm, &type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, 0, 0));
}

/* ------------------------------------------------------------------ clearing
 * gs_object_clear drops what an object holds and leaves it valid but empty.
 * It is CPython's tp_clear, which the collector's delete_garbage calls on
 * each unreachable object to break the cycles it is in; the objects then
 * die by reference counting.  With `full` false only the kinds that have a
 * tp_clear in CPython are cleared: tuples, bound methods, iterators,
 * generators and builtins keep their references (a cycle through them
 * always has a mutable member that lets go).  With `full` true (the VM's
 * teardown) every reference is dropped, whatever the kind. */

static void clear_field(gs_VM *vm, gs_Object *holder, gs_Object **field, uint32_t what)
{
    gs_Object *v = *field;
    if (!v)
        return;
    *field = NULL;
    if (what < 14 || what > 15) /* an exception's attr_obj / attr_name (14, 15) are not traversed */
        gs_record_field(vm, holder, what, v, NULL);
    gs_decref_c(vm, v, GS_CAUSE(GS_CAUSE_INTERNAL, holder->id, what));
}

/* A heap type holds internal_refs references to itself (CPython's MRO
 * tuple); type_clear lets go of it by clearing its tp_mro, and of its
 * descriptors' references by clearing the type's dict. */
static void clear_type(gs_VM *vm, gs_Type *t, bool full)
{
    if (!(t->flags & GS_TF_HEAP))
        return;
    if (t->dict)
        gs_dict_clear(vm, &t->dict->ob);
    while (t->internal_refs > 0) {
        t->internal_refs--;
        gs_decref_c(vm, &t->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, GS_TSLOT_SELF));
    }
    /* Py_CLEAR(tp_mro): the MRO tuple's references to the ancestors */
    if (!(t->spare & GS_TYPE_MRO_CLEARED)) {
        t->spare |= GS_TYPE_MRO_CLEARED;
        for (int32_t i = 1; i < t->nmro; i++) {
            gs_Type *a = t->mro[i];
            if (!(a->flags & GS_TF_HEAP))
                continue;
            gs_record_field(vm, &t->ob, GS_TSLOT_MRO + (uint32_t)i, &a->ob, NULL);
            gs_decref_c(vm, &a->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, GS_TSLOT_MRO + (uint32_t)i));
        }
    }
    if (full) {
        clear_field(vm, &t->ob, (gs_Object **)&t->dict, GS_TSLOT_DICT);
        int32_t nb = t->nbases;
        t->nbases = 0;
        for (int32_t i = 0; i < nb; i++) {
            gs_Type *b = t->bases[i];
            if (!(b->flags & GS_TF_HEAP))
                continue;
            gs_record_field(vm, &t->ob, gs_tslot_bases(i), &b->ob, NULL);
            gs_decref_c(vm, &b->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, gs_tslot_bases(i)));
        }
        if (t->base && (t->base->flags & GS_TF_HEAP)) {
            gs_Type *b = t->base;
            t->base = NULL;
            gs_record_field(vm, &t->ob, GS_TSLOT_BASE, &b->ob, NULL);
            gs_decref_c(vm, &b->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, GS_TSLOT_BASE));
        }
    }
}

static void clear_function(gs_VM *vm, gs_Function *f, bool full)
{
    gs_Object *o = &f->ob;
    /* CPython's func_clear order; the code object stays (it is never in a
     * cycle), name and qualname become '' */
    clear_field(vm, o, (gs_Object **)&f->globals, 1);
    clear_field(vm, o, (gs_Object **)&f->defaults, 4);
    clear_field(vm, o, (gs_Object **)&f->kwdefaults, 5);
    clear_field(vm, o, (gs_Object **)&f->dict, 7);
    clear_field(vm, o, (gs_Object **)&f->closure, 6);
    clear_field(vm, o, (gs_Object **)&f->annotations, 8);
    if (f->name != (gs_Str *)vm->empty_str) {
        gs_Object *old = &f->name->ob;
        f->name = (gs_Str *)gs_newref(vm, vm->empty_str);
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 2));
    }
    if (f->qualname != (gs_Str *)vm->empty_str) {
        gs_Object *old = &f->qualname->ob;
        f->qualname = (gs_Str *)gs_newref(vm, vm->empty_str);
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 3));
    }
    if (full)
        clear_field(vm, o, (gs_Object **)&f->code, 0);
}

static void clear_exception(gs_VM *vm, gs_Exception *e, bool full)
{
    gs_Object *o = &e->inst.ob;
    release_instance(vm, o);
    /* args stays a tuple (the empty one) so str() of a cleared exception works */
    if (e->args != (gs_Tuple *)vm->empty_tuple) {
        gs_Object *old = &e->args->ob;
        e->args = (gs_Tuple *)gs_newref(vm, vm->empty_tuple);
        gs_record_field(vm, o, 10, old, &e->args->ob);
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 10));
    }
    clear_field(vm, o, &e->traceback, 11);
    clear_field(vm, o, &e->cause, 13);
    clear_field(vm, o, &e->context, 12);
    clear_field(vm, o, &e->eg_msg, 16); /* BaseExceptionGroup_clear */
    clear_field(vm, o, (gs_Object **)&e->eg_excs, 17);
    if (full) {
        clear_field(vm, o, &e->attr_obj, 14);
        clear_field(vm, o, (gs_Object **)&e->attr_name, 15);
        int n = e->ntb;
        e->ntb = 0;
        for (int i = 0; i < n; i++)
            gs_decref(vm, e->tb[i].code);
    }
}

void gs_object_clear(gs_VM *vm, gs_Object *o, bool full)
{
    if (is_sub_builtin(o))
        release_instance(vm, o); /* subtype_clear: slots, attributes, then the base's tp_clear */
    switch (GS_KIND(o)) {
    case GS_K_LIST: gs_list_clear(vm, o); break;
    case GS_K_DICT: gs_dict_clear(vm, o); break;
    case GS_K_SET: gs_set_clear(vm, o); break;
    case GS_K_INSTANCE:
        release_instance(vm, o);
        if (o->type->native && o->type->native->clear && (full || o->type->native->tp_clear))
            o->type->native->clear(vm, o);
        break;
    case GS_K_EXCEPTION: clear_exception(vm, (gs_Exception *)o, full); break;
    case GS_K_TYPE: clear_type(vm, (gs_Type *)o, full); break;
    case GS_K_FUNCTION: clear_function(vm, (gs_Function *)o, full); break;
    case GS_K_CELL: clear_field(vm, o, &((gs_Cell *)o)->ref, 0); break;
    case GS_K_CLASSMETHOD: case GS_K_STATICMETHOD:
        clear_field(vm, o, &((gs_Descr *)o)->ref, 0);
        clear_field(vm, o, (gs_Object **)&((gs_Descr *)o)->dict, 5);
        break;
    case GS_K_WEAKREF: release_instance(vm, o); gs_weakref_dealloc(vm, o); break;
    case GS_K_FRAME: {
        gs_frame_object_clear(vm, o);
        break;
    }
    case GS_K_TRACEBACK: {
        gs_traceback_clear(vm, o);
        break;
    }
    default:
        if (!full)
            break;
        switch (GS_KIND(o)) {
        case GS_K_TUPLE: {
            gs_Tuple *t = (gs_Tuple *)o;
            for (int32_t i = t->len - 1; i >= 0; i--) {
                gs_Object *v = t->items[i];
                t->items[i] = NULL;
                if (v)
                    gs_decref_c(vm, v, GS_CAUSE(GS_CAUSE_SLOT, o->id, (uint32_t)i));
            }
            break;
        }
        case GS_K_METHOD:
        case GS_K_SUPER:
            clear_field(vm, o, &((gs_Method *)o)->func, 0);
            clear_field(vm, o, &((gs_Method *)o)->self, 1);
            break;
        case GS_K_BUILTIN: clear_field(vm, o, &((gs_Builtin *)o)->self, 0); break;
        case GS_K_PROPERTY: {
            gs_Descr *d = (gs_Descr *)o;
            clear_field(vm, o, &d->ref, 0);
            clear_field(vm, o, &d->fset, 1);
            clear_field(vm, o, &d->fdel, 2);
            clear_field(vm, o, &d->doc, 3);
            clear_field(vm, o, &d->name, 4);
            break;
        }
        case GS_K_MODULE: clear_field(vm, o, (gs_Object **)&((gs_Module *)o)->dict, 0); break;
        case GS_K_ITER:
            clear_field(vm, o, &((gs_Iter *)o)->seq, 0);
            clear_field(vm, o, &((gs_Iter *)o)->extra, 1);
            break;
        case GS_K_SLICE:
            clear_field(vm, o, &((gs_Slice *)o)->start, 0);
            clear_field(vm, o, &((gs_Slice *)o)->stop, 1);
            clear_field(vm, o, &((gs_Slice *)o)->step, 2);
            break;
        case GS_K_GENERATOR: {
            gs_gen_clear(vm, o);
            break;
        }
        default: break;
        }
    }
}

/* Like CPython's trashcan: deep structures (a 10^6-long linked list) would
 * overflow the C stack if each free recursed into the next, so past a depth
 * the object is parked on vm->trash and freed by the outermost call. */
#define GS_DEALLOC_MAX_DEPTH 200

void gs_dealloc(gs_VM *vm, gs_Object *o)
{
    if (o->gcflags & GS_GC_STATIC) {
        o->refcnt = 1 << 30;
        return;
    }
    if (vm->dealloc_depth >= GS_DEALLOC_MAX_DEPTH) {
        /* parked objects are untracked, as CPython's trashcan wants them,
         * so a collection run meanwhile does not see a count of zero */
        gs_gc_untrack(vm, o);
        o->gc_refs = (intptr_t)vm->trash;
        vm->trash = o;
        return;
    }
    vm->dealloc_depth++;
    dealloc_now(vm, o);
    vm->dealloc_depth--;
    if (vm->dealloc_depth == 0) {
        while (vm->trash) {
            gs_Object *t = vm->trash;
            vm->trash = (gs_Object *)t->gc_refs;
            vm->dealloc_depth++;
            dealloc_now(vm, t);
            vm->dealloc_depth--;
        }
    }
}

/* ================================================================== attributes */

static gs_DictTable *instance_table(gs_Object *o)
{
    gs_InstPart *in = gs_inst_part(o);
    return in->dict ? &in->dict->t : &in->attrs;
}

static gs_Object *instance_holder(gs_Object *o)
{
    gs_InstPart *in = gs_inst_part(o);
    return in->dict ? &in->dict->ob : o;
}

static gs_Object *types_tuple(gs_VM *vm, gs_Type **ts, int32_t n)
{
    gs_Object *tup = gs_tuple_new(vm, n);
    if (!tup)
        return NULL;
    for (int32_t i = 0; i < n; i++)
        gs_tuple_init(vm, tup, i, gs_newref(vm, &ts[i]->ob));
    return tup;
}

/* The attributes `type` gives every class (CPython's type_getsets and
 * type_members): NULL with no exception when name is none of them. */
static gs_Object *type_special(gs_VM *vm, gs_Type *t, gs_Str *name)
{
    if (name->len < 4 || name->data[0] != '_' || name->data[1] != '_')
        return NULL;
    /* a built-in type named "module.Name" (weakref.ReferenceType) has
     * __name__ "Name" and __module__ "module", as CPython's tp_name */
    const char *dot = (t->flags & GS_TF_HEAP) ? NULL : strrchr(t->name->data, '.');
    if (dot && (name == vm->s___name__ || name == vm->s___qualname__))
        return gs_str_from_cstr(vm, dot + 1);
    if (dot && name == vm->s___module__)
        return gs_str_new(vm, t->name->data, (size_t)(dot - t->name->data));
    if (name == vm->s___name__)
        return gs_newref(vm, &t->name->ob);
    if (name == vm->s___qualname__)
        return gs_newref(vm, t->qualname ? &t->qualname->ob : &t->name->ob);
    if (name == vm->s___module__) {
        gs_Object *m = (t->flags & GS_TF_HEAP) && t->dict ? gs_dict_get_str(vm, &t->dict->ob, name) : NULL;
        return gs_newref(vm, m ? m : &t->module->ob);
    }
    if (strcmp(name->data, "__mro__") == 0) {
        int32_t n;
        gs_Type **mro = gs_type_mro(t, &n);
        if (t->spare & GS_TYPE_MRO_CLEARED)
            return GS_NONE(vm);
        return mro ? types_tuple(vm, mro, n) : (gs_raise_memory(vm), NULL);
    }
    if (strcmp(name->data, "__bases__") == 0) {
        int32_t n;
        gs_Type **b = gs_type_bases(t, &n);
        return types_tuple(vm, b, n);
    }
    if (strcmp(name->data, "__base__") == 0)
        return t->base ? gs_newref(vm, &t->base->ob) : GS_NONE(vm);
    if (name == vm->s___class__)
        return gs_newref(vm, &t->ob.type->ob);
    if (name == vm->s___dict__ && t->dict) /* type___dict___get: a new read-only view of it */
        return gs_mappingproxy_new(vm, &t->dict->ob);
    if ((t->flags & GS_TF_HEAP) && t->dict && strcmp(name->data, "__annotations__") == 0) {
        /* type_get_annotations: the class's own (never a base's); a class
         * without one gets an empty dict, kept in its __dict__ */
        gs_Object *a = gs_dict_get_str(vm, &t->dict->ob, name);
        if (a)
            return gs_descr_get(vm, a, NULL, t);
        a = gs_dict_new(vm);
        if (a && gs_dict_set(vm, &t->dict->ob, &name->ob, a) < 0)
            gs_decref(vm, a), a = NULL;
        return a;
    }
    if (name == vm->s___doc__) {
        gs_Object *d = t->dict ? gs_dict_get_str(vm, &t->dict->ob, name) : NULL;
        if (!d || !(t->flags & GS_TF_HEAP))
            return gs_newref(vm, d ? d : vm->none);
        return gs_descr_get(vm, d, NULL, t);
    }
    if (strcmp(name->data, "__basicsize__") == 0 || strcmp(name->data, "__flags__") == 0)
        return NULL;
    return NULL;
}

/* C.name (CPython's type_getattro): the metaclass's data descriptors, the
 * class's MRO (descriptors get no instance), then the metaclass's
 * attributes bound to the class. */
static gs_Object *type_getattr(gs_VM *vm, gs_Type *t, gs_Str *name, bool quiet)
{
    gs_Type *meta = t->ob.type;
    gs_Object *mv = gs_type_lookup(meta, name);
    if (mv && (meta->flags & GS_TF_HEAP) && gs_descr_is_data(vm, mv)) {
        gs_incref(vm, mv);
        gs_Object *r = gs_descr_get(vm, mv, &t->ob, meta);
        gs_decref(vm, mv);
        return r;
    }
    gs_Object *r = type_special(vm, t, name);
    if (r || vm->exc)
        return r;
    gs_Object *v = gs_type_lookup(t, name);
    if (v) {
        gs_incref(vm, v);
        r = gs_descr_get(vm, v, NULL, t);
        gs_decref(vm, v);
        return r;
    }
    if (mv) {
        gs_incref(vm, mv);
        r = gs_descr_get(vm, mv, &t->ob, meta);
        gs_decref(vm, mv);
        return r;
    }
    if (!quiet && strcmp(name->data, "__abstractmethods__") == 0)
        gs_raise(vm, vm->e_AttributeError, "__abstractmethods__"); /* type's getset raises it so */
    else if (!quiet)
        gs_raise(vm, vm->e_AttributeError, "type object '%s' has no attribute '%s'", t->name->data, name->data);
    return NULL;
}

static gs_Object *names_tuple(gs_VM *vm, gs_Str **names, int32_t n)
{
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t)
        return NULL;
    for (int32_t i = 0; i < n; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, &names[i]->ob));
    return t;
}

/* co_cellvars in 3.11's localsplus order: the arguments that are cells
 * (in their order), then the other cells */
static gs_Object *cellvars_tuple(gs_VM *vm, gs_Code *c)
{
    gs_Str **cells = c->localnames + c->nlocals;
    gs_Object *t = gs_tuple_new(vm, c->ncells);
    if (!t)
        return NULL;
    int32_t k = 0;
    for (int32_t arg = 0; c->cell2arg && arg < c->nlocals; arg++)
        for (int32_t i = 0; i < c->ncells; i++)
            if (c->cell2arg[i] == arg)
                gs_tuple_init(vm, t, k++, gs_newref(vm, &cells[i]->ob));
    for (int32_t i = 0; i < c->ncells; i++)
        if (!c->cell2arg || c->cell2arg[i] < 0)
            gs_tuple_init(vm, t, k++, gs_newref(vm, &cells[i]->ob));
    return t;
}

/* The co_* attributes lessons use to show cells and free variables. */
static gs_Object *code_attr(gs_VM *vm, gs_Code *c, const char *n)
{
    if (strcmp(n, "co_name") == 0) return gs_newref(vm, &c->name->ob);
    if (strcmp(n, "co_qualname") == 0) return gs_newref(vm, &c->qualname->ob);
    if (strcmp(n, "co_filename") == 0) return gs_newref(vm, &c->filename->ob);
    if (strcmp(n, "co_firstlineno") == 0) return gs_int_new(vm, c->firstline);
    if (strcmp(n, "co_argcount") == 0) return gs_int_new(vm, c->argcount);
    if (strcmp(n, "co_posonlyargcount") == 0) return gs_int_new(vm, c->posonlyargcount);
    if (strcmp(n, "co_kwonlyargcount") == 0) return gs_int_new(vm, c->kwonlycount);
    if (strcmp(n, "co_posonlyargcount") == 0) return gs_int_new(vm, 0);
    if (strcmp(n, "co_nlocals") == 0) return gs_int_new(vm, c->nlocals);
    if (strcmp(n, "co_varnames") == 0) return names_tuple(vm, c->localnames, c->nlocals);
    if (strcmp(n, "co_cellvars") == 0) return cellvars_tuple(vm, c);
    if (strcmp(n, "co_freevars") == 0) return names_tuple(vm, c->localnames + c->nlocals + c->ncells, c->nfrees);
    if (strcmp(n, "co_names") == 0) return names_tuple(vm, c->names, c->nnames);
    if (strcmp(n, "co_flags") == 0) {
        int64_t f = 0;
        if (c->flags & GS_CO_OPTIMIZED) f |= 0x1 | 0x2;
        if (c->flags & GS_CO_VARARGS) f |= 0x4;
        if (c->flags & GS_CO_VARKW) f |= 0x8;
        if (c->flags & GS_CO_NESTED) f |= 0x10;
        if (c->flags & GS_CO_GENERATOR) f |= 0x20;
        if (!c->nfrees && !c->ncells) f |= 0x40;
        return gs_int_new(vm, f);
    }
    if (strcmp(n, "co_consts") == 0) {
        gs_Object *t = gs_tuple_new(vm, c->nconsts);
        if (!t)
            return NULL;
        for (int32_t i = 0; i < c->nconsts; i++)
            gs_tuple_init(vm, t, i, gs_newref(vm, c->consts[i]));
        return t;
    }
    return NULL;
}

static void note_attr_error(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    if (vm->exc && GS_KIND(vm->exc) == GS_K_EXCEPTION && gs_exc_matches(vm, vm->e_AttributeError)) {
        gs_Exception *e = (gs_Exception *)vm->exc;
        if (!e->attr_obj) {
            e->attr_obj = gs_newref(vm, o);
            e->attr_name = (gs_Str *)gs_newref(vm, &name->ob);
        }
    }
}

static gs_Object *getattr_impl(gs_VM *vm, gs_Object *o, gs_Str *name, bool quiet);

gs_Object *gs_getattr(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    gs_Object *r = getattr_impl(vm, o, name, false);
    if (!r)
        note_attr_error(vm, o, name);
    return r;
}

/* CPython's _PyObject_LookupAttr (hasattr, getattr with a default): a missing
 * attribute is NULL with no exception set.  CPython then makes no exception
 * object at all for generic objects and types (gc.get_count() sees that);
 * modules and super() still make one, as their tp_getattro does. */
gs_Object *gs_lookup_attr(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    gs_Object *r = getattr_impl(vm, o, name, true);
    if (!r && vm->exc)
        note_attr_error(vm, o, name);
    return r;
}

/* The attributes a built-in kind gives its objects (CPython: getset
 * descriptors and members of the built-in types): NULL with no exception
 * when name is none of them. */
static gs_Object *kind_getattr(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_INT || k == GS_K_BOOL) { /* int's getset descriptors (the numbers tower) */
        if (strcmp(name->data, "real") == 0 || strcmp(name->data, "numerator") == 0)
            return o->type == vm->t_int ? gs_newref(vm, o) : gs_int_from_object(vm, o, NULL);
        if (strcmp(name->data, "imag") == 0)
            return gs_int_new(vm, 0);
        if (strcmp(name->data, "denominator") == 0)
            return gs_int_new(vm, 1);
        return NULL;
    }
    if (k == GS_K_FLOAT) {
        if (strcmp(name->data, "real") == 0)
            return o->type == vm->t_float ? gs_newref(vm, o) : gs_float_new(vm, ((gs_Float *)o)->value);
        if (strcmp(name->data, "imag") == 0)
            return gs_float_new(vm, 0.0);
        return NULL;
    }
    if (k == GS_K_SLICE) { /* slice's members */
        gs_Slice *sl = (gs_Slice *)o;
        gs_Object *m = strcmp(name->data, "start") == 0  ? sl->start
                       : strcmp(name->data, "stop") == 0 ? sl->stop
                       : strcmp(name->data, "step") == 0 ? sl->step
                                                         : NULL;
        if (!m && (strcmp(name->data, "start") == 0 || strcmp(name->data, "stop") == 0 ||
                   strcmp(name->data, "step") == 0))
            m = vm->none;
        return m ? gs_newref(vm, m) : NULL;
    }
    if (k == GS_K_COMPLEX) { /* complex's member descriptors */
        if (strcmp(name->data, "real") == 0)
            return gs_float_new(vm, ((gs_Complex *)o)->real);
        if (strcmp(name->data, "imag") == 0)
            return gs_float_new(vm, ((gs_Complex *)o)->imag);
        return NULL;
    }
    if (k == GS_K_EXCEPTION) {
        gs_Exception *e = (gs_Exception *)o;
        if (strcmp(name->data, "args") == 0)
            return gs_newref(vm, &e->args->ob);
        if (strcmp(name->data, "__traceback__") == 0)
            return e->traceback ? gs_newref(vm, e->traceback) : GS_NONE(vm);
        if (strcmp(name->data, "__cause__") == 0)
            return e->cause ? gs_newref(vm, e->cause) : GS_NONE(vm);
        if (strcmp(name->data, "__context__") == 0)
            return e->context ? gs_newref(vm, e->context) : GS_NONE(vm);
        if (strcmp(name->data, "__suppress_context__") == 0)
            return GS_BOOL(vm, e->suppress_context);
        if (e->eg_excs && strcmp(name->data, "message") == 0)
            return gs_newref(vm, e->eg_msg);
        if (e->eg_excs && strcmp(name->data, "exceptions") == 0)
            return gs_newref(vm, &e->eg_excs->ob);
        if (gs_issubtype(o->type, vm->e_StopIteration) && strcmp(name->data, "value") == 0)
            return gs_newref(vm, e->args && e->args->len ? e->args->items[0] : vm->none);
        if (gs_issubtype(o->type, vm->e_SystemExit) && strcmp(name->data, "code") == 0)
            return gs_newref(vm, !e->args || e->args->len == 0 ? vm->none
                                 : e->args->len == 1           ? e->args->items[0]
                                                               : &e->args->ob);
        if ((gs_issubtype(o->type, vm->e_NameError) || gs_issubtype(o->type, vm->e_AttributeError)) &&
            strcmp(name->data, "name") == 0)
            return e->attr_name ? gs_newref(vm, &e->attr_name->ob) : GS_NONE(vm);
        if (gs_issubtype(o->type, vm->e_ImportError) && (strcmp(name->data, "name") == 0 || strcmp(name->data, "path") == 0)) {
            gs_DictTable *tb = e->inst.dict ? &e->inst.dict->t : &e->inst.attrs;
            if (gs_table_lookup_str(tb, name) >= 0)
                return NULL; /* set by the program: its own attribute */
            return name->data[0] == 'n' && e->attr_name ? gs_newref(vm, &e->attr_name->ob) : GS_NONE(vm);
        }
        if (gs_issubtype(o->type, vm->e_AttributeError) && strcmp(name->data, "obj") == 0)
            return e->attr_obj ? gs_newref(vm, e->attr_obj) : GS_NONE(vm);
        if (gs_issubtype(o->type, vm->e_OSError)) {
            /* errno and strerror are its first two args when it was made
             * with 2 to 5; the file names it keeps as attributes */
            bool two = e->args && e->args->len == 2;
            if (strcmp(name->data, "errno") == 0)
                return gs_newref(vm, two ? e->args->items[0] : vm->none);
            if (strcmp(name->data, "strerror") == 0)
                return gs_newref(vm, two ? e->args->items[1] : vm->none);
            if (strcmp(name->data, "filename") == 0 || strcmp(name->data, "filename2") == 0) {
                gs_DictTable *tb = e->inst.dict ? &e->inst.dict->t : &e->inst.attrs;
                if (gs_table_lookup_str(tb, name) < 0)
                    return GS_NONE(vm);
            }
        }
        return NULL;
    }
    if (k == GS_K_FUNCTION) {
        gs_Function *f = (gs_Function *)o;
        if (name == vm->s___name__)
            return gs_newref(vm, &f->name->ob);
        if (name == vm->s___qualname__)
            return gs_newref(vm, &f->qualname->ob);
        if (strcmp(name->data, "__defaults__") == 0)
            return f->defaults ? gs_newref(vm, &f->defaults->ob) : GS_NONE(vm);
        if (strcmp(name->data, "__code__") == 0)
            return gs_newref(vm, &f->code->ob);
        if (strcmp(name->data, "__kwdefaults__") == 0)
            return f->kwdefaults ? gs_newref(vm, &f->kwdefaults->ob) : GS_NONE(vm);
        if (name == vm->s___dict__) {
            if (!f->dict) {
                if (!(f->dict = (gs_Dict *)gs_dict_new(vm)))
                    return NULL;
                gs_record_field(vm, o, 7, NULL, &f->dict->ob);
            }
            return gs_newref(vm, &f->dict->ob);
        }
        if (strcmp(name->data, "__closure__") == 0)
            return f->closure ? gs_newref(vm, &f->closure->ob) : GS_NONE(vm);
        if (strcmp(name->data, "__globals__") == 0)
            return gs_newref(vm, &f->globals->ob);
        if (name == vm->s___module__) {
            /* func_module: kept in the function's dict once assigned
             * (functools.wraps), else the globals' __name__ when made */
            gs_Object *m = f->dict ? gs_dict_get_str(vm, &f->dict->ob, name) : NULL;
            if (!m)
                m = f->globals ? gs_dict_get_str(vm, &f->globals->ob, vm->s___name__) : NULL;
            return gs_newref(vm, m ? m : vm->none);
        }
        if (f->dict) {
            gs_Object *v = gs_dict_get_str(vm, &f->dict->ob, name);
            if (v)
                return gs_newref(vm, v);
        }
        if (name == vm->s___doc__) {
            /* the docstring is the code's first constant (3.11); lambdas have none */
            gs_Code *c = f->code;
            bool lambda = c->name->len == 8 && strcmp(c->name->data, "<lambda>") == 0;
            if (!lambda && c->nconsts > 0 && GS_KIND(c->consts[0]) == GS_K_STR && (c->flags & GS_CO_OPTIMIZED))
                return gs_newref(vm, c->consts[0]);
            return GS_NONE(vm);
        }
        if (strcmp(name->data, "__annotations__") == 0) {
            /* made on first ask and kept: staticmethod(f) and classmethod(f)
             * copy it (functools_wraps), so a second wrapper makes none */
            if (!f->annotations || GS_KIND(&f->annotations->ob) == GS_K_TUPLE) {
                /* func_get_annotations: the tuple MAKE_FUNCTION kept becomes a dict */
                gs_Object *t = f->annotations ? &f->annotations->ob : NULL, *d = gs_dict_new(vm);
                if (!d)
                    return NULL;
                for (int32_t i = 0; t && i + 1 < ((gs_Tuple *)t)->len; i += 2)
                    if (gs_dict_set(vm, d, ((gs_Tuple *)t)->items[i], ((gs_Tuple *)t)->items[i + 1]) < 0) {
                        gs_decref(vm, d);
                        return NULL;
                    }
                f->annotations = (gs_Dict *)d;
                gs_record_field(vm, o, 8, t, d);
                gs_xdecref(vm, t);
            }
            return gs_newref(vm, &f->annotations->ob);
        }
        if (strcmp(name->data, "__type_params__") == 0)
            return gs_dict_new(vm);
        return NULL;
    }
    if (k == GS_K_BUILTIN) {
        if (name == vm->s___name__ || name == vm->s___qualname__)
            return gs_str_from_cstr(vm, ((gs_Builtin *)o)->name);
        if (strcmp(name->data, "__self__") == 0) {
            gs_Builtin *b = (gs_Builtin *)o;
            return gs_newref(vm, b->self ? b->self : vm->none);
        }
        if (name == vm->s___doc__)
            return GS_NONE(vm);
        if ((((gs_Builtin *)o)->varargs & GS_ABSTRACT) && strcmp(name->data, "__isabstractmethod__") == 0)
            return GS_BOOL(vm, true);
        return NULL;
    }
    if (k == GS_K_METHOD) {
        gs_Method *m = (gs_Method *)o;
        if (strcmp(name->data, "__self__") == 0)
            return gs_newref(vm, m->self);
        if (strcmp(name->data, "__func__") == 0)
            return gs_newref(vm, m->func);
        gs_Object *r = gs_lookup_attr(vm, m->func, name);
        return r;
    }
    if (k == GS_K_PROPERTY || k == GS_K_CLASSMETHOD || k == GS_K_STATICMETHOD)
        return gs_descr_getattr(vm, o, name);
    if (k == GS_K_CELL && strcmp(name->data, "cell_contents") == 0) {
        gs_Cell *c = (gs_Cell *)o;
        if (!c->ref) {
            gs_raise(vm, vm->e_ValueError, "Cell is empty");
            return NULL;
        }
        return gs_newref(vm, c->ref);
    }
    if (k == GS_K_RANGE) {
        gs_Range *r = (gs_Range *)o;
        if (strcmp(name->data, "start") == 0) return gs_int_new(vm, r->start);
        if (strcmp(name->data, "stop") == 0) return gs_int_new(vm, r->stop);
        if (strcmp(name->data, "step") == 0) return gs_int_new(vm, r->step);
    }
    if (k == GS_K_CODE)
        return code_attr(vm, (gs_Code *)o, name->data);
    if (k == GS_K_GENERATOR) {
        gs_Code *c = gs_gen_code(o);
        if (c && name == vm->s___name__)
            return gs_newref(vm, &c->name->ob);
        if (c && name == vm->s___qualname__)
            return gs_newref(vm, &c->qualname->ob);
        if (c && strcmp(name->data, "gi_code") == 0)
            return gs_newref(vm, &c->ob);
        if (strcmp(name->data, "gi_running") == 0)
            return GS_BOOL(vm, gs_gen_running(o));
        if (strcmp(name->data, "gi_frame") == 0)
            return gs_gen_frame(vm, o);
    }
    if (k == GS_K_FRAME || k == GS_K_TRACEBACK)
        return gs_frameobj_getattr(vm, o, name);
    return NULL;
}

/* "'P' object has no attribute 'x'" for an unset slot or a missing name */
static void no_attribute(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", gs_type_name(o), name->data);
}

/* CPython's PyObject_GenericGetAttr: a data descriptor of the class, the
 * object's own attributes, its kind's attributes, then the class's
 * attribute (a method binds to the object). */
static gs_Object *generic_getattr(gs_VM *vm, gs_Object *o, gs_Str *name, bool quiet)
{
    gs_Type *tp = o->type;
    if (name == vm->s___class__)
        return gs_newref(vm, &tp->ob);
    gs_Object *descr = gs_type_lookup(tp, name);
    if (descr && gs_descr_is_data(vm, descr)) {
        gs_incref(vm, descr);
        gs_Object *r = gs_descr_get(vm, descr, o, tp);
        gs_decref(vm, descr);
        return r;
    }
    /* (a slot is read through its member descriptor, found above) */
    gs_InstPart *ip = gs_inst_part(o);
    if (ip) {
        gs_DictTable *t = ip->dict ? &ip->dict->t : &ip->attrs;
        int32_t ix = gs_table_lookup_str(t, name);
        if (ix >= 0)
            return gs_newref(vm, t->entries[ix].value);
        if (name == vm->s___dict__ && (tp->flags & GS_TF_DICT)) {
            gs_Object *d = gs_instance_dict(vm, o);
            return d ? gs_newref(vm, d) : NULL;
        }
    }
    gs_Object *r = kind_getattr(vm, o, name);
    if (r || vm->exc)
        return r;
    if (descr) {
        gs_incref(vm, descr);
        r = gs_descr_get(vm, descr, o, tp);
        gs_decref(vm, descr);
        return r;
    }
    if (!quiet)
        no_attribute(vm, o, name);
    return NULL;
}

gs_Object *gs_generic_getattr(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    if (GS_KIND(o) == GS_K_TYPE)
        return type_getattr(vm, (gs_Type *)o, name, false);
    return generic_getattr(vm, o, name, false);
}

/* quiet: a missing attribute of a generic object or a type is NULL with no
 * exception (gs_lookup_attr); code this lookup runs is not quiet */
static gs_Object *getattr_impl(gs_VM *vm, gs_Object *o, gs_Str *name, bool quiet)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_SUPER)
        return gs_super_getattr(vm, o, name);
    if (gs_is_proxy(o))
        return gs_proxy_getattr(vm, o, name, quiet); /* every name is the referent's */
    if (k == GS_K_MODULE) {
        gs_Object *v = gs_dict_get_str(vm, &((gs_Module *)o)->dict->ob, name);
        if (v)
            return gs_newref(vm, v);
        if (name == vm->s___dict__)
            return gs_newref(vm, &((gs_Module *)o)->dict->ob);
        if (name == vm->s___class__)
            return gs_newref(vm, &o->type->ob);
        gs_raise(vm, vm->e_AttributeError, "module '%s' has no attribute '%s'",
                 ((gs_Module *)o)->name->data, name->data);
        return NULL;
    }
    gs_Type *tp = o->type;
    if (tp->hooks & (GS_HOOK_GETATTRIBUTE | GS_HOOK_GETATTR)) {
        /* CPython's slot_tp_getattr_hook: __getattribute__, then on
         * AttributeError __getattr__ */
        gs_Object *r;
        if (tp->hooks & GS_HOOK_GETATTRIBUTE) {
            gs_Object *m = gs_type_lookup(tp, gs_name(vm, "__getattribute__"));
            gs_Object *args[2] = { o, &name->ob };
            r = m ? gs_call_object(vm, m, args, 2, NULL) : NULL;
        } else
            r = k == GS_K_TYPE ? type_getattr(vm, (gs_Type *)o, name, false) : generic_getattr(vm, o, name, false);
        if (r || !(tp->hooks & GS_HOOK_GETATTR) || !gs_exc_matches(vm, vm->e_AttributeError))
            return r;
        gs_clear_exc(vm);
        gs_Object *m = gs_type_lookup(tp, gs_name(vm, "__getattr__"));
        if (!m) {
            no_attribute(vm, o, name);
            return NULL;
        }
        gs_Object *args[2] = { o, &name->ob };
        return gs_call_object(vm, m, args, 2, NULL);
    }
    if (k == GS_K_TYPE)
        return type_getattr(vm, (gs_Type *)o, name, quiet);
    return generic_getattr(vm, o, name, quiet);
}

/* Slot si of o holds v (NULL: nothing); the member descriptor checked o. */
int gs_slot_store(gs_VM *vm, gs_Object *o, int32_t si, gs_Object *v)
{
    gs_Type *tp = o->type;
    gs_Object **vals = gs_slot_values(o);
    gs_Object *old = vals[si];
    vals[si] = v ? gs_newref(vm, v) : NULL;
    if (vm->recording)
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_ATTR, o->id, old ? old->id : 0, v ? v->id : 0,
                  gs_trace_name(vm, tp->slots[si]));
    if (old)
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_ATTR, o->id, tp->slots[si]->ob.id));
    return 0;
}

/* CPython's PyObject_GenericSetAttr (v NULL: delete). */
static int generic_setattr(gs_VM *vm, gs_Object *o, gs_Str *name, gs_Object *v)
{
    gs_Kind k = GS_KIND(o);
    gs_Type *tp = o->type;
    gs_Object *descr = gs_type_lookup(tp, name);
    if (descr && gs_descr_is_data(vm, descr)) {
        gs_incref(vm, descr);
        int r = gs_descr_set(vm, descr, o, v);
        gs_decref(vm, descr);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    /* (a slot is set through its member descriptor, found above) */
    gs_InstPart *ip = gs_inst_part(o);
    if (k == GS_K_EXCEPTION && v && strcmp(name->data, "__traceback__") == 0) {
        gs_Exception *e = (gs_Exception *)o;
        gs_Object *old = e->traceback;
        e->traceback = v == vm->none ? NULL : gs_newref(vm, v);
        gs_record_field(vm, o, 11, old, e->traceback);
        gs_xdecref(vm, old);
        return 0;
    }
    if (k == GS_K_EXCEPTION && ((gs_Exception *)o)->eg_excs &&
        (strcmp(name->data, "message") == 0 || strcmp(name->data, "exceptions") == 0)) {
        gs_raise(vm, vm->e_AttributeError, "readonly attribute"); /* BaseExceptionGroup's members */
        return -1;
    }
    if (k == GS_K_EXCEPTION && v && (strcmp(name->data, "__cause__") == 0 || strcmp(name->data, "__context__") == 0)) {
        /* BaseException's getset: None or an exception; a cause suppresses the context */
        bool cause = name->data[2] == 'c' && name->data[3] == 'a';
        if (v != vm->none && GS_KIND(v) != GS_K_EXCEPTION) {
            gs_raise(vm, vm->e_TypeError, "exception %s must be None or derive from BaseException", cause ? "cause" : "context");
            return -1;
        }
        gs_Exception *e = (gs_Exception *)o;
        gs_Object **field = cause ? &e->cause : &e->context;
        gs_Object *old = *field;
        *field = v == vm->none ? NULL : gs_newref(vm, v);
        gs_record_field(vm, o, cause ? 13 : 12, old, *field);
        gs_xdecref(vm, old);
        if (cause)
            e->suppress_context = true;
        return 0;
    }
    if (!ip || !(tp->flags & GS_TF_DICT)) {
        if ((k == GS_K_COMPLEX && (strcmp(name->data, "real") == 0 || strcmp(name->data, "imag") == 0)) ||
            (k == GS_K_SLICE && (strcmp(name->data, "start") == 0 || strcmp(name->data, "stop") == 0 ||
                                 strcmp(name->data, "step") == 0))) {
            gs_raise(vm, vm->e_AttributeError, "readonly attribute"); /* complex's and slice's members */
            return -1;
        }
        if (((k == GS_K_INT || k == GS_K_BOOL) &&
             (strcmp(name->data, "real") == 0 || strcmp(name->data, "imag") == 0 ||
              strcmp(name->data, "numerator") == 0 || strcmp(name->data, "denominator") == 0)) ||
            (k == GS_K_FLOAT && (strcmp(name->data, "real") == 0 || strcmp(name->data, "imag") == 0))) {
            /* int's and float's getset descriptors */
            gs_raise(vm, vm->e_AttributeError, "attribute '%s' of '%s' objects is not writable", name->data,
                     k == GS_K_FLOAT ? "float" : "int");
            return -1;
        }
        if (descr && v)
            gs_raise(vm, vm->e_AttributeError, "'%s' object attribute '%s' is read-only", gs_type_name(o), name->data);
        else
            no_attribute(vm, o, name);
        return -1;
    }
    if (v && name == vm->s___dict__) {
        gs_raise(vm, vm->e_TypeError, "setting __dict__ is not supported");
        return -1;
    }
    /* an object a built-in type's __new__ made (a class derived from int,
     * tuple, list, dict, str, an exception ...: not object_new, the only
     * one that sets up inline values), or a C type with a plain
     * tp_dictoffset (io.StringIO), keeps a __dict__ pointer: the dict is
     * made with the first attribute (gc.collect() counts it with a cycle
     * through it) */
    if (v && !ip->dict && (tp->inst_kind != GS_K_INSTANCE || (tp->flags & GS_TF_CDICT)) && !gs_instance_dict(vm, o))
        return -1;
    gs_DictTable *t = instance_table(o);
    gs_Object *holder = instance_holder(o);
    if (v && name->interned != 1 && !ip->dict) {
        /* CPython interns attribute names: the instance holds the
         * interned copy, not the caller's string */
        gs_Object *iname = gs_str_intern(vm, name->data, (size_t)name->len);
        if (!iname)
            return -1;
        gs_decref(vm, iname); /* interned strings live as long as the VM */
        name = (gs_Str *)iname;
    }
    if (v) {
        if (!ip->dict && gs_table_lookup_str(&tp->attr_keys, name) < 0) {
            gs_Object *iname = gs_str_intern(vm, name->data, (size_t)name->len);
            if (!iname)
                return -1;
            gs_table_insert(vm, NULL, &tp->attr_keys, iname, gs_str_hash(name), NULL);
            gs_decref(vm, iname); /* interned: the VM keeps it */
        }
        int32_t used = t->used;
        int r = gs_table_insert(vm, holder, t, &name->ob, gs_str_hash(name), v);
        if (t->used != used)
            o->attrs_in_order = 0; /* a new name */
        if (r == 0 && holder != o) /* a materialised __dict__: MAINTAIN_TRACKING, as its setitem does */
            gs_dict_maybe_track(vm, holder, NULL, v);
        return r;
    }
    int32_t ix = gs_table_lookup_str(t, name);
    if (ix < 0) {
        no_attribute(vm, o, name);
        return -1;
    }
    gs_table_delete_at(vm, holder, t, ix);
    o->attrs_in_order = 0;
    return 0;
}

int gs_generic_setattr(gs_VM *vm, gs_Object *o, gs_Str *name, gs_Object *v)
{
    return generic_setattr(vm, o, name, v);
}

static bool is_hook_name(gs_Str *name)
{
    return name->len >= 11 && name->data[0] == '_' &&
           (strcmp(name->data, "__getattribute__") == 0 || strcmp(name->data, "__getattr__") == 0 ||
            strcmp(name->data, "__setattr__") == 0 || strcmp(name->data, "__delattr__") == 0);
}

static int type_setattr(gs_VM *vm, gs_Type *t, gs_Str *name, gs_Object *v)
{
    if (!(t->flags & GS_TF_HEAP)) {
        gs_raise(vm, vm->e_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, t->name->data);
        return -1;
    }
    gs_Type *meta = t->ob.type;
    gs_Object *mv = (meta->flags & GS_TF_HEAP) ? gs_type_lookup(meta, name) : NULL;
    if (mv && gs_descr_is_data(vm, mv)) {
        gs_incref(vm, mv);
        int r = gs_descr_set(vm, mv, &t->ob, v);
        gs_decref(vm, mv);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    if (name == vm->s___name__ || name == vm->s___qualname__) {
        if (!v || GS_KIND(v) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, v ? "can only assign string to %s.%s, not '%s'" : "cannot delete '%s' attribute of immutable type '%s'",
                     v ? t->name->data : name->data, v ? name->data : t->name->data, v ? gs_type_name(v) : "");
            return -1;
        }
        gs_Str **field = name == vm->s___name__ ? &t->name : &t->qualname;
        gs_Object *old = *field ? &(*field)->ob : NULL;
        *field = (gs_Str *)gs_newref(vm, v);
        gs_xdecref(vm, old);
        return 0;
    }
    int r;
    if (v) {
        r = gs_dict_set(vm, &t->dict->ob, &name->ob, v);
        if (r == 0 && name == vm->s___del__)
            t->flags |= GS_TF_HAS_DEL;
    } else {
        if (!gs_dict_get_str(vm, &t->dict->ob, name)) {
            gs_raise(vm, vm->e_AttributeError, "type object '%s' has no attribute '%s'", t->name->data, name->data);
            return -1;
        }
        r = gs_dict_del(vm, &t->dict->ob, &name->ob);
    }
    if (r == 0 && is_hook_name(name))
        gs_type_update_hooks(vm, t);
    return r;
}

int gs_setattr(gs_VM *vm, gs_Object *o, gs_Str *name, gs_Object *v)
{
    gs_Kind k = GS_KIND(o);
    gs_Type *tp = o->type;
    if (tp->hooks & (v ? GS_HOOK_SETATTR : GS_HOOK_DELATTR)) {
        gs_Object *m = gs_type_lookup(tp, gs_name(vm, v ? "__setattr__" : "__delattr__"));
        if (m) {
            gs_Object *args[3] = { o, &name->ob, v };
            gs_Object *r = gs_call_object(vm, m, args, v ? 3 : 2, NULL);
            if (!r)
                return -1;
            gs_decref(vm, r);
            return 0;
        }
    }
    if (k == GS_K_TYPE)
        return type_setattr(vm, (gs_Type *)o, name, v);
    if (gs_is_proxy(o))
        return gs_proxy_setattr(vm, o, name, v); /* every name is the referent's */
    if (k == GS_K_MODULE) {
        gs_Object *d = &((gs_Module *)o)->dict->ob;
        if (v)
            return gs_dict_set(vm, d, &name->ob, v);
        if (!gs_dict_get_str(vm, d, name)) {
            gs_raise(vm, vm->e_AttributeError, "module '%s' has no attribute '%s'",
                     ((gs_Module *)o)->name->data, name->data);
            return -1;
        }
        return gs_dict_del(vm, d, &name->ob);
    }
    if (k == GS_K_FUNCTION) {
        gs_Function *f = (gs_Function *)o;
        if (name == vm->s___name__ || name == vm->s___qualname__) {
            /* func_set_name / func_set_qualname: the fields (what functools.wraps sets) */
            bool q = name == vm->s___qualname__;
            if (!v || GS_KIND(v) != GS_K_STR) {
                gs_raise(vm, vm->e_TypeError, "%s must be set to a string object", name->data);
                return -1;
            }
            gs_Str **field = q ? &f->qualname : &f->name;
            gs_Object *old = &(*field)->ob;
            *field = (gs_Str *)v;
            gs_incref_c(vm, v, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, q ? 3 : 2));
            gs_record_field(vm, o, q ? 3 : 2, old, v);
            gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, q ? 3 : 2));
            return 0;
        }
        if (!f->dict) {
            f->dict = (gs_Dict *)gs_dict_new(vm);
            if (!f->dict)
                return -1;
            gs_record_field(vm, o, 7, NULL, &f->dict->ob);
        }
        if (v)
            return gs_dict_set(vm, &f->dict->ob, &name->ob, v);
        return gs_dict_del(vm, &f->dict->ob, &name->ob);
    }
    if (k == GS_K_PROPERTY || k == GS_K_CLASSMETHOD || k == GS_K_STATICMETHOD) {
        int r = gs_descr_setattr(vm, o, name, v);
        if (r <= 0)
            return r;
    }
    if (k == GS_K_NONE) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object attribute '%s' is read-only", gs_type_name(o), name->data);
        return -1;
    }
    return generic_setattr(vm, o, name, v);
}

/* ================================================================== truth, equality, hashing */

int gs_truthy(gs_VM *vm, gs_Object *o)
{
    if (gs_dispatches(o)) {
        gs_Object *m = gs_type_lookup_slot(vm, o->type, vm->s___bool__);
        bool is_len = false;
        if (!m) {
            m = gs_type_lookup_slot(vm, o->type, vm->s___len__);
            is_len = true;
        }
        if (m) {
            gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
            if (!r)
                return -1;
            int res;
            if (is_len) {
                if (GS_KIND(r) != GS_K_INT && GS_KIND(r) != GS_K_BOOL) {
                    gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(r));
                    res = -1;
                } else if (GS_KIND(r) == GS_K_INT && ((gs_Int *)r)->value < 0) {
                    gs_raise(vm, vm->e_ValueError, "__len__() should return >= 0");
                    res = -1;
                } else
                    res = GS_KIND(r) == GS_K_INT ? ((gs_Int *)r)->value != 0 : r == vm->true_;
            } else if (GS_KIND(r) != GS_K_BOOL) {
                gs_raise(vm, vm->e_TypeError, "__bool__ should return bool, returned %s", gs_type_name(r));
                res = -1;
            } else
                res = r == vm->true_;
            gs_decref(vm, r);
            return res;
        }
    }
    switch (GS_KIND(o)) {
    case GS_K_NONE: return 0;
    case GS_K_BOOL: return o == vm->true_;
    case GS_K_INT: return ((gs_Int *)o)->value != 0;
    case GS_K_FLOAT: return ((gs_Float *)o)->value != 0.0;
    case GS_K_COMPLEX: return ((gs_Complex *)o)->real != 0.0 || ((gs_Complex *)o)->imag != 0.0;
    case GS_K_BYTES: return ((gs_Bytes *)o)->len != 0;
    case GS_K_BYTEARRAY: return ((gs_ByteArray *)o)->len != 0;
    case GS_K_STR: return ((gs_Str *)o)->len != 0;
    case GS_K_LIST: return ((gs_List *)o)->len != 0;
    case GS_K_TUPLE: return ((gs_Tuple *)o)->len != 0;
    case GS_K_DICT: return ((gs_Dict *)o)->t.used != 0;
    case GS_K_SET: return ((gs_Set *)o)->used != 0;
    case GS_K_RANGE: return ((gs_Range *)o)->len != 0;
    case GS_K_WEAKREF: { /* a proxy forwards bool() (a ref is always true) */
        gs_Object *m = gs_type_lookup(o->type, vm->s___bool__);
        if (!m)
            return 1;
        gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
        if (!r)
            return -1;
        int res = r == vm->true_;
        gs_decref(vm, r);
        return res;
    }
    default:
        return 1;
    }
}

int gs_equal(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    if (a == b)
        return 1;
    gs_Object *r = gs_compare(vm, 2 /* GS_CMP_EQ */, a, b);
    if (!r)
        return -1;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

static int64_t hash_finish(int64_t h) { return h == -1 ? -2 : h; }

static int64_t hash_inner(gs_VM *vm, gs_Object *o);

/* hash() of an object whose class may define __hash__ (or set it to
 * None, as a class defining __eq__ alone gets): false when it does not,
 * else true with *out the hash (-1: error) */
static bool hash_dispatch(gs_VM *vm, gs_Object *o, int64_t *out)
{
    *out = -1;
    gs_Object *h = gs_type_lookup_slot(vm, o->type, vm->s___hash__);
    if (h == vm->none) {
        gs_raise(vm, vm->e_TypeError, "unhashable type: '%s'", gs_type_name(o));
        return true;
    }
    if (!h) {
        /* a class with its own __eq__ made before __hash__ = None was set */
        gs_Object *eq = gs_type_lookup_slot(vm, o->type, vm->s___eq__);
        if (eq && (GS_KIND(o) == GS_K_INSTANCE || GS_KIND(o) == GS_K_EXCEPTION)) {
            /* a C type with its own __eq__ and no __hash__ inherits no
             * tp_hash (inherit_slots): its __eq__ comes first in the MRO */
            gs_Type *eo = gs_type_lookup_owner(o->type, vm->s___eq__), *ho = gs_type_lookup_owner(o->type, vm->s___hash__);
            int32_t n, ei = -1, hi = -1;
            gs_Type **mro = gs_type_mro(o->type, &n);
            for (int32_t i = 0; mro && i < n; i++) {
                if (mro[i] == eo && ei < 0)
                    ei = i;
                if (mro[i] == ho && hi < 0)
                    hi = i;
            }
            if (!ho || (ei >= 0 && ei < hi)) {
                gs_raise(vm, vm->e_TypeError, "unhashable type: '%s'", gs_type_name(o));
                return true;
            }
        }
        return false;
    }
    gs_Object *r = gs_call_object(vm, h, &o, 1, NULL);
    if (!r)
        return true;
    if (GS_KIND(r) != GS_K_INT && GS_KIND(r) != GS_K_BOOL) {
        gs_decref(vm, r);
        gs_raise(vm, vm->e_TypeError, "__hash__ method should return an integer");
        return true;
    }
    /* slot_tp_hash keeps a value that fits a Py_hash_t as it is (hash(x) ==
     * hash(x.__hash__()) for a hashable x), -1 becoming -2 */
    *out = GS_KIND(r) == GS_K_INT ? ((gs_Int *)r)->value : gs_hash(vm, r);
    if (*out == -1)
        *out = -2;
    gs_decref(vm, r);
    return true;
}

int64_t gs_hash(gs_VM *vm, gs_Object *o)
{
    int64_t h;
    if (gs_dispatches(o) && hash_dispatch(vm, o, &h))
        return h;
    return gs_hash_builtin(vm, o);
}

int64_t gs_hash_builtin(gs_VM *vm, gs_Object *o)
{
    int64_t h;
    /* hash(((((),),),)) 100,000 deep recurses in C */
    if (vm->native_depth >= GS_NATIVE_DEPTH_MAX) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while hashing");
        return -1;
    }
    vm->native_depth++;
    h = hash_inner(vm, o);
    vm->native_depth--;
    return h;
}

/* CPython's _Py_HashDouble: the value reduced modulo 2**61 - 1, so that
 * equal ints and floats hash alike (and sets order floats like CPython);
 * NaN hashes by the identity of `o`, the object it is part of */
int64_t gs_hash_double(gs_Object *o, double d)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    if (isinf(d))
        return d > 0 ? 314159 : -314159;
    if (isnan(d)) {
        uintptr_t p = (uintptr_t)o;
        return hash_finish((int64_t)((p >> 4) | (p << 60)));
    }
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) { /* 28 bits at a time */
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P)
            x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    x = x * (uint64_t)(int64_t)sign;
    return hash_finish((int64_t)x);
}

static int64_t hash_inner(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_STR: return gs_str_hash((gs_Str *)o);
    case GS_K_INT: {
        /* CPython: hash(n) = n mod (2**61 - 1), keeping the sign */
        if (gs_int_is_big(o))
            return gs_big_hash(o);
        int64_t v = ((gs_Int *)o)->value;
        const int64_t P = ((int64_t)1 << 61) - 1;
        int64_t h = v >= 0 ? v % P : -(int64_t)(((uint64_t)0 - (uint64_t)v) % (uint64_t)P); /* -2**63 too */
        return hash_finish(h);
    }
    case GS_K_BOOL: return o == vm->true_;
    case GS_K_NONE:
        /* CPython 3.11 hashes None by its address (id >> 4).  The low 17
         * bits of that are the same in every run of the reference build
         * (libpython3.11 is mapped 2 MiB-aligned and None sits at offset
         * ...5bbe0 in Debian's 3.11.7), and they are all a set of up to
         * 2**17 slots looks at first, so this value puts None in the slot
         * where the reference interpreter puts it.  The high bits are
         * arbitrary: CPython's change from run to run. */
        return 0x7f0000005bbeLL;
    case GS_K_COMPLEX: return gs_complex_hash(vm, o);
    case GS_K_BYTES: return gs_bytes_hash((gs_Bytes *)o);
    case GS_K_FLOAT: return gs_hash_double(o, ((gs_Float *)o)->value);
    case GS_K_TUPLE: {
        /* CPython 3.11's xxHash-based tuple hash */
        gs_Tuple *t = (gs_Tuple *)o;
        if (t->hash != -1)
            return t->hash;
        const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
        uint64_t acc = P5;
        for (int32_t i = 0; i < t->len; i++) {
            int64_t lane = gs_hash(vm, t->items[i]);
            if (lane == -1)
                return -1;
            acc += (uint64_t)lane * P2;
            acc = (acc << 31) | (acc >> 33);
            acc *= P1;
        }
        acc += (uint64_t)t->len ^ (P5 ^ 3527539UL);
        if (acc == (uint64_t)-1)
            return 1546275796;
        t->hash = (int64_t)acc;
        return (int64_t)acc;
    }
    case GS_K_WEAKREF: return gs_weakref_hash(vm, o);
    case GS_K_METHOD: {
        /* method_hash: self's address mixed with the function's hash */
        gs_Method *m = (gs_Method *)o;
        uintptr_t p = (uintptr_t)m->self;
        int64_t x = (int64_t)((p >> 4) | (p << 60));
        int64_t y = gs_hash(vm, m->func);
        if (y == -1)
            return -1;
        return hash_finish(x ^ y);
    }
    case GS_K_BUILTIN: {
        gs_Builtin *b = (gs_Builtin *)o;
        if (!b->self)
            break;
        uintptr_t p = (uintptr_t)b->self, q = (uintptr_t)b->fn;
        return hash_finish((int64_t)(((p >> 4) | (p << 60)) ^ ((q >> 4) | (q << 60))));
    }
    case GS_K_LIST: case GS_K_DICT: case GS_K_SET: case GS_K_BYTEARRAY:
        if (GS_KIND(o) == GS_K_SET && ((gs_Set *)o)->frozen)
            return gs_frozenset_hash(o);
        gs_raise(vm, vm->e_TypeError, "unhashable type: '%s'", gs_type_name(o));
        return -1;
    default:
        break;
    }
    /* identity hash, like CPython's pointer rotation */
    uintptr_t p = (uintptr_t)o;
    return hash_finish((int64_t)((p >> 4) | (p << 60)));
}
