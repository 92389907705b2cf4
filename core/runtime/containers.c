/*
 * containers.c — tuple, list, dict, set, range, slice and iterator objects.
 *
 * Every slot change is an event: REF_SET for a slot that gets a new target,
 * LIST_INSERT / LIST_REMOVE when later slots shift.  The reference a slot
 * holds is taken and dropped with the slot as its cause, so the viewer can
 * draw "list #3 [1] ──► obj" and explain each count.
 */
#include <stdio.h>

#include "runtime.h"

/* ================================================================== helpers */

static gs_Cause slot_cause(gs_Object *holder, int64_t i) { return GS_CAUSE(GS_CAUSE_SLOT, holder->id, (uint32_t)i); }

static inline void rec_insert(gs_VM *vm, gs_Object *l, int64_t i, gs_Object *v)
{
    if (vm->recording)
        gs_record(vm, GS_EV_LIST_INSERT, GS_CAUSE_SLOT, l->id, 0, v->id, (uint32_t)i);
}

static inline void rec_remove(gs_VM *vm, gs_Object *l, int64_t i, gs_Object *v)
{
    if (vm->recording)
        gs_record(vm, GS_EV_LIST_REMOVE, GS_CAUSE_SLOT, l->id, v->id, 0, (uint32_t)i);
}

static inline void rec_set(gs_VM *vm, gs_Object *holder, int sub, uint32_t slot, gs_Object *old, gs_Object *v)
{
    if (vm->recording)
        gs_record(vm, GS_EV_REF_SET, (uint8_t)sub, holder->id, old ? old->id : 0, v ? v->id : 0, slot);
}

/* ================================================================== tuple */

static gs_Object *tuple_new_impl(gs_VM *vm, int32_t len, bool reuse)
{
    if (len == 0 && vm->empty_tuple)
        return gs_newref(vm, vm->empty_tuple);
    if (len < 0 || len > (1 << 28)) {
        gs_raise_memory(vm);
        return NULL;
    }
    size_t size = sizeof(gs_Tuple) + (size_t)len * sizeof(gs_Object *);
    gs_Tuple *t = (gs_Tuple *)(reuse ? gs_alloc(vm, vm->t_tuple, size) : gs_alloc_resized(vm, vm->t_tuple, size));
    if (!t)
        return NULL;
    t->len = len;
    t->hash = -1;
    memset(t->items, 0, (size_t)len * sizeof(gs_Object *));
    gs_record_alloc(vm, &t->ob);
    if (len > 0)
        gs_gc_track(vm, &t->ob);
    return &t->ob;
}

gs_Object *gs_tuple_new(gs_VM *vm, int32_t len)
{
    return tuple_new_impl(vm, len, true);
}

void gs_tuple_init(gs_VM *vm, gs_Object *t, int32_t i, gs_Object *v)
{
    /* the caller's reference moves into the slot: no count changes, only
     * its holder, which the REF_SET event tells */
    ((gs_Tuple *)t)->items[i] = v;
    rec_set(vm, t, GS_CAUSE_SLOT, (uint32_t)i, NULL, v);
}

gs_Object *gs_tuple_pack(gs_VM *vm, int n, ...)
{
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        gs_Object *v = va_arg(ap, gs_Object *);
        gs_incref(vm, v);
        gs_tuple_init(vm, t, i, v);
    }
    va_end(ap);
    return t;
}

/* ================================================================== list */

gs_Object *gs_list_new(gs_VM *vm, int32_t len)
{
    if (len < 0 || len > (1 << 28)) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_List *l = (gs_List *)gs_alloc(vm, vm->t_list, sizeof(gs_List));
    if (!l)
        return NULL;
    l->len = len;
    l->cap = len;
    l->items = NULL;
    if (len > 0) {
        if (vm->heap_bytes + (size_t)len * sizeof(gs_Object *) > vm->heap_limit ||
            !(l->items = gs_mem_alloc(vm, (size_t)len * sizeof(gs_Object *)))) {
            l->len = l->cap = 0;
            gs_record_alloc(vm, &l->ob);
            gs_decref(vm, l);
            gs_raise_memory(vm);
            return NULL;
        }
        memset(l->items, 0, (size_t)len * sizeof(gs_Object *));
    }
    gs_record_alloc(vm, &l->ob);
    gs_gc_track(vm, &l->ob);
    return &l->ob;
}

/* An empty list from `alloc`, recorded and tracked. */
static gs_Object *empty_list_from(gs_VM *vm, gs_Object *(*alloc)(gs_VM *, gs_Type *, size_t), uint8_t gcflags)
{
    gs_List *l = (gs_List *)alloc(vm, vm->t_list, sizeof(gs_List));
    if (!l)
        return NULL;
    l->ob.gcflags |= gcflags;
    gs_record_alloc(vm, &l->ob);
    gs_gc_track(vm, &l->ob);
    return &l->ob;
}

/* A list the model needs where CPython has none (a generator's state):
 * outside generation 0's count and the free lists, coming and going. */
gs_Object *gs_list_new_uncounted(gs_VM *vm)
{
    return empty_list_from(vm, gs_alloc_resized, GS_GC_UNCOUNTED);
}

/* list(): list_vectorcall gets its object from PyType_GenericAlloc, never
 * from the free list */
gs_Object *gs_list_new_fresh(gs_VM *vm)
{
    return empty_list_from(vm, gs_alloc_fresh, 0);
}

void gs_list_init(gs_VM *vm, gs_Object *l, int32_t i, gs_Object *v)
{
    ((gs_List *)l)->items[i] = v;
    rec_set(vm, l, GS_CAUSE_SLOT, (uint32_t)i, NULL, v);
}

static int list_grow(gs_VM *vm, gs_List *l, int64_t need)
{
    if (need <= l->cap)
        return 0;
    if (need > (1 << 28)) {
        gs_raise_memory(vm);
        return -1;
    }
    /* CPython's over-allocation pattern: new = n + n/8 + 6, rounded to 4 */
    int64_t cap = (need + (need >> 3) + 6) & ~(int64_t)3;
    size_t extra = (size_t)(cap - l->cap) * sizeof(gs_Object *);
    if (vm->heap_bytes + extra > vm->heap_limit) {
        gs_raise_memory(vm);
        return -1;
    }
    gs_Object **items = realloc(l->items, (size_t)cap * sizeof(gs_Object *));
    if (!items) {
        gs_raise_memory(vm);
        return -1;
    }
    vm->heap_bytes += extra;
    l->items = items;
    l->cap = (int32_t)cap;
    return 0;
}

int gs_list_append(gs_VM *vm, gs_Object *lo, gs_Object *v)
{
    gs_List *l = (gs_List *)lo;
    if (l->len == l->cap && list_grow(vm, l, (int64_t)l->len + 1) < 0)
        return -1;
    gs_incref_c(vm, v, slot_cause(lo, l->len));
    l->items[l->len] = v;
    rec_insert(vm, lo, l->len, v);
    l->len++;
    return 0;
}

int gs_list_insert(gs_VM *vm, gs_Object *lo, int64_t i, gs_Object *v)
{
    gs_List *l = (gs_List *)lo;
    if (i < 0) {
        i += l->len;
        if (i < 0)
            i = 0;
    }
    if (i > l->len)
        i = l->len;
    if (l->len == l->cap && list_grow(vm, l, (int64_t)l->len + 1) < 0)
        return -1;
    memmove(l->items + i + 1, l->items + i, (size_t)(l->len - i) * sizeof(gs_Object *));
    gs_incref_c(vm, v, slot_cause(lo, i));
    l->items[i] = v;
    l->len++;
    rec_insert(vm, lo, i, v);
    return 0;
}

gs_Object *gs_list_pop(gs_VM *vm, gs_Object *lo, int64_t i)
{
    gs_List *l = (gs_List *)lo;
    if (l->len == 0) {
        gs_raise(vm, vm->e_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len) {
        gs_raise(vm, vm->e_IndexError, "pop index out of range");
        return NULL;
    }
    gs_Object *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(gs_Object *));
    l->len--;
    rec_remove(vm, lo, i, v); /* the slot's reference becomes the caller's */
    return v;
}

int gs_list_delitem(gs_VM *vm, gs_Object *lo, int64_t i)
{
    gs_List *l = (gs_List *)lo;
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len) {
        gs_raise(vm, vm->e_IndexError, "list assignment index out of range");
        return -1;
    }
    gs_Object *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(gs_Object *));
    l->len--;
    rec_remove(vm, lo, i, v);
    gs_decref_c(vm, v, slot_cause(lo, i));
    return 0;
}

int gs_list_setitem(gs_VM *vm, gs_Object *lo, int64_t i, gs_Object *v)
{
    gs_List *l = (gs_List *)lo;
    if (i < 0)
        i += l->len;
    if (i < 0 || i >= l->len) {
        gs_raise(vm, vm->e_IndexError, "list assignment index out of range");
        return -1;
    }
    gs_Object *old = l->items[i];
    gs_incref_c(vm, v, slot_cause(lo, i));
    l->items[i] = v;
    rec_set(vm, lo, GS_CAUSE_SLOT, (uint32_t)i, old, v);
    gs_decref_c(vm, old, slot_cause(lo, i));
    return 0;
}

void gs_list_clear(gs_VM *vm, gs_Object *lo)
{
    gs_List *l = (gs_List *)lo;
    /* Detach first, as CPython's list_clear does: a __del__ run by a decref
     * must see the list already empty. */
    gs_Object **items = l->items;
    int32_t n = l->len;
    l->items = NULL;
    l->len = l->cap = 0;
    for (int32_t i = n - 1; i >= 0; i--)
        rec_remove(vm, lo, i, items[i]);
    for (int32_t i = n - 1; i >= 0; i--) /* last item first, like CPython */
        gs_decref_c(vm, items[i], slot_cause(lo, i));
    free(items);
}

int gs_list_extend(gs_VM *vm, gs_Object *l, gs_Object *iterable)
{
    if (GS_KIND(iterable) == GS_K_LIST || GS_KIND(iterable) == GS_K_TUPLE) {
        int32_t n = GS_KIND(iterable) == GS_K_LIST ? ((gs_List *)iterable)->len : ((gs_Tuple *)iterable)->len;
        gs_List *dst = (gs_List *)l;
        if (list_grow(vm, dst, (int64_t)dst->len + n) < 0)
            return -1;
        for (int32_t i = 0; i < n; i++) {
            gs_Object *v = GS_KIND(iterable) == GS_K_LIST ? ((gs_List *)iterable)->items[i]
                                                          : ((gs_Tuple *)iterable)->items[i];
            if (gs_list_append(vm, l, v) < 0)
                return -1;
        }
        return 0;
    }
    gs_Object *it = gs_iter(vm, iterable);
    if (!it)
        return -1;
    for (;;) {
        gs_Object *v = gs_next(vm, it);
        if (!v)
            break;
        int r = gs_list_append(vm, l, v);
        gs_decref(vm, v);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

gs_Object *gs_list_from_iterable(gs_VM *vm, gs_Object *it)
{
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    if (gs_list_extend(vm, l, it) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    return l;
}

/* PyObject_LengthHint(v, 10), as PySequence_Tuple asks it: len() of what has
 * one, what is left of the simple iterators, else 10. */
static int64_t length_hint(gs_VM *vm, gs_Object *v)
{
    switch (GS_KIND(v)) {
    case GS_K_STR: case GS_K_DICT: case GS_K_SET: case GS_K_RANGE: case GS_K_LIST: case GS_K_TUPLE:
        return gs_len(vm, v);
    case GS_K_INSTANCE:
        return gs_type_lookup(v->type, vm->s___len__) ? gs_len(vm, v) : 10;
    case GS_K_ITER: {
        gs_Iter *i = (gs_Iter *)v;
        switch (i->ikind) {
        case GS_IT_LIST: case GS_IT_TUPLE: {
            int64_t n = i->seq ? gs_len(vm, i->seq) - i->index : 0;
            return n > 0 ? n : 0;
        }
        case GS_IT_RANGE: {
            int64_t n = i->step > 0 ? (i->stop - i->index + i->step - 1) / i->step
                                    : (i->index - i->stop - i->step - 1) / -i->step;
            return n > 0 ? n : 0;
        }
        case GS_IT_STR: case GS_IT_DICT_KEYS: case GS_IT_DICT_VALUES: case GS_IT_DICT_ITEMS: case GS_IT_SET:
            return !i->seq ? 0 : i->index == 0 ? gs_len(vm, i->seq) : 10;
        default:
            return 10;
        }
    }
    default:
        return 10;
    }
}

/* PySequence_Tuple for anything but a list or tuple: CPython makes a tuple of
 * the hinted length first, grows it by resizing as items come and resizes it
 * to fit at the end.  The model keeps that tuple as a phantom (the free list
 * it comes from and gc.get_count() see it) and the items in a plain array,
 * and the real tuple takes the phantom's place at the end. */
static gs_Object *tuple_from_iterator(gs_VM *vm, gs_Object *v)
{
    gs_Object *it = gs_iter(vm, v);
    if (!it)
        return NULL;
    int64_t n = length_hint(vm, v);
    if (n < 0 || n > (1 << 28)) {
        gs_decref(vm, it);
        if (n > 0)
            gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *hold = n > 0 ? gs_phantom_alloc(vm, vm->t_tuple, (int32_t)n) : NULL;
    gs_Object **items = NULL;
    int64_t j = 0, cap = 0;
    gs_Object *item;
    while ((item = gs_next(vm, it))) {
        if (j >= n || j >= cap) {
            if (j >= n) {
                int64_t grow = n + 10 + (n >> 2);
                gs_Object *h = grow > (1 << 28) ? NULL
                               : !hold          ? gs_phantom_alloc(vm, vm->t_tuple, (int32_t)grow)
                                                : gs_phantom_resize(vm, hold, (int32_t)grow);
                if (!h) {
                    gs_decref(vm, item);
                    gs_raise_memory(vm);
                    break;
                }
                hold = h;
                n = grow;
            }
            int64_t c = cap ? cap * 2 : 16;
            while (c <= j) c *= 2;
            gs_Object **grown = realloc(items, (size_t)c * sizeof *items);
            if (!grown) {
                gs_decref(vm, item);
                gs_raise_memory(vm);
                break;
            }
            items = grown;
            cap = c;
        }
        items[j++] = item;
    }
    gs_decref(vm, it);
    gs_Object *t = NULL;
    if (!vm->exc) {
        if (j == 0) {
            t = gs_newref(vm, vm->empty_tuple);
        } else {
            /* the phantom's memory becomes the tuple: no new count, no free list */
            gs_phantom_discard(vm, hold);
            hold = NULL;
            t = tuple_new_impl(vm, (int32_t)j, false);
            if (t)
                for (int64_t k = 0; k < j; k++)
                    gs_tuple_init(vm, t, (int32_t)k, items[k]);
        }
    }
    if (!t)
        for (int64_t k = 0; k < j; k++)
            gs_decref(vm, items[k]);
    free(items);
    gs_phantom_free(vm, hold); /* empty or failed: CPython's Py_DECREF of its tuple */
    return t;
}

gs_Object *gs_tuple_from_iterable(gs_VM *vm, gs_Object *it)
{
    if (GS_KIND(it) == GS_K_TUPLE)
        return gs_newref(vm, it);
    if (GS_KIND(it) == GS_K_LIST) {
        /* copied straight into the tuple, as CPython does (no temporary list) */
        int32_t n = ((gs_List *)it)->len;
        gs_Object *t = gs_tuple_new(vm, n);
        if (!t)
            return NULL;
        if (((gs_List *)it)->len == n) {
            for (int32_t i = 0; i < n; i++)
                gs_tuple_init(vm, t, i, gs_newref(vm, ((gs_List *)it)->items[i]));
            return t;
        }
        gs_decref(vm, t); /* the list changed meanwhile: the general path */
    }
    return tuple_from_iterator(vm, it);
}

gs_Object *gs_list_concat(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    bool tuple = GS_KIND(a) == GS_K_TUPLE;
    int32_t na = tuple ? ((gs_Tuple *)a)->len : ((gs_List *)a)->len;
    int32_t nb = tuple ? ((gs_Tuple *)b)->len : ((gs_List *)b)->len;
    gs_Object **ia = tuple ? ((gs_Tuple *)a)->items : ((gs_List *)a)->items;
    gs_Object **ib = tuple ? ((gs_Tuple *)b)->items : ((gs_List *)b)->items;
    if (tuple && nb == 0)
        return gs_newref(vm, a);
    if (tuple && na == 0)
        return gs_newref(vm, b);
    if ((int64_t)na + nb > (1 << 28)) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *r = tuple ? gs_tuple_new(vm, na + nb) : gs_list_new(vm, na + nb);
    if (!r)
        return NULL;
    for (int32_t i = 0; i < na + nb; i++) {
        gs_Object *v = i < na ? ia[i] : ib[i - na];
        gs_incref(vm, v);
        if (tuple)
            gs_tuple_init(vm, r, i, v);
        else
            gs_list_init(vm, r, i, v);
    }
    return r;
}

gs_Object *gs_seq_repeat(gs_VM *vm, gs_Object *seq, int64_t n)
{
    if (n < 0)
        n = 0;
    gs_Kind k = GS_KIND(seq);
    if (k == GS_K_STR) {
        gs_Str *s = (gs_Str *)seq;
        if (n == 1)
            return gs_newref(vm, seq);
        if (s->len && n > (int64_t)(vm->heap_limit / (size_t)s->len)) {
            gs_raise_memory(vm);
            return NULL;
        }
        size_t total = (size_t)s->len * (size_t)n;
        char *buf = malloc(total + 1);
        if (!buf) {
            gs_raise_memory(vm);
            return NULL;
        }
        for (int64_t i = 0; i < n; i++)
            memcpy(buf + (size_t)i * (size_t)s->len, s->data, (size_t)s->len);
        gs_Object *r = gs_str_new(vm, buf, total);
        free(buf);
        return r;
    }
    bool tuple = k == GS_K_TUPLE;
    int32_t len = tuple ? ((gs_Tuple *)seq)->len : ((gs_List *)seq)->len;
    if (tuple && n == 1)
        return gs_newref(vm, seq);
    if (len && n > (int64_t)(vm->heap_limit / sizeof(gs_Object *) / (size_t)len)) {
        gs_raise_memory(vm);
        return NULL;
    }
    int64_t total = (int64_t)len * n;
    if (total > (1 << 28)) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *r = tuple ? gs_tuple_new(vm, (int32_t)total) : gs_list_new(vm, (int32_t)total);
    if (!r)
        return NULL;
    gs_Object **src = tuple ? ((gs_Tuple *)seq)->items : ((gs_List *)seq)->items;
    for (int64_t i = 0; i < total; i++) {
        gs_Object *v = src[i % len];
        gs_incref(vm, v);
        if (tuple)
            gs_tuple_init(vm, r, (int32_t)i, v);
        else
            gs_list_init(vm, r, (int32_t)i, v);
    }
    return r;
}

/* ================================================================== dict table */

void gs_table_init(gs_DictTable *t) { memset(t, 0, sizeof *t); }

/* A table's entries and index are one block (the entries first): one
 * allocation per table, as an instance's attributes need one each. */
void gs_table_free(gs_DictTable *t)
{
    free(t->entries);
    gs_table_init(t);
}

void gs_table_release(gs_VM *vm, gs_DictTable *t)
{
    gs_mem_free(vm, t->entries);
    gs_table_init(t);
}

static int32_t probe_find(gs_VM *vm, gs_DictTable *t, gs_Object *key, int64_t hash, bool *error)
{
    if (!t->index_size)
        return -1;
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int32_t ix = t->index[i];
        if (ix == -1)
            return -1;
        if (ix >= 0) {
            gs_DictEntry *e = &t->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash && e->key) {
                if (GS_KIND(e->key) == GS_K_STR && GS_KIND(key) == GS_K_STR) {
                    if (gs_str_eq((gs_Str *)e->key, (gs_Str *)key))
                        return ix;
                } else if (vm) {
                    gs_Object *k = e->key;
                    gs_incref(vm, k);
                    int eq = gs_equal(vm, k, key);
                    gs_decref(vm, k);
                    if (eq < 0) {
                        *error = true;
                        return -1;
                    }
                    if (eq)
                        return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int32_t gs_table_lookup(gs_VM *vm, gs_DictTable *t, gs_Object *key, int64_t hash)
{
    bool err = false;
    return probe_find(vm, t, key, hash, &err);
}

int32_t gs_table_lookup_str(gs_DictTable *t, gs_Str *key)
{
    if (!t->index_size)
        return -1;
    int64_t hash = gs_str_hash(key);
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int32_t ix = t->index[i];
        if (ix == -1)
            return -1;
        if (ix >= 0) {
            gs_DictEntry *e = &t->entries[ix];
            if (e->key == &key->ob)
                return ix;
            if (e->hash == hash && e->key && GS_KIND(e->key) == GS_K_STR && gs_str_eq((gs_Str *)e->key, key))
                return ix;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static void index_insert(gs_DictTable *t, int64_t hash, int32_t ix)
{
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (t->index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    t->index[i] = ix;
}

static int table_resize(gs_VM *vm, gs_DictTable *t, int32_t minused)
{
    int32_t size = 8;
    while (size * 2 / 3 < minused + 1)
        size *= 2;
    int32_t cap = size * 2 / 3;
    size_t bytes = (size_t)cap * sizeof(gs_DictEntry) + (size_t)size * sizeof(int32_t);
    gs_DictEntry *entries = vm ? gs_mem_alloc(vm, bytes) : malloc(bytes);
    if (!entries) {
        if (vm)
            gs_raise_memory(vm);
        return -1;
    }
    int32_t *index = (int32_t *)(entries + cap);
    memset(index, 0xff, (size_t)size * sizeof(int32_t));
    int32_t n = 0;
    for (int32_t i = 0; i < t->nentries; i++)
        if (t->entries[i].key)
            entries[n++] = t->entries[i];
    if (vm)
        gs_mem_free(vm, t->entries);
    else
        free(t->entries);
    t->index = index;
    t->entries = entries;
    t->index_size = size;
    t->cap = cap;
    t->nentries = n;
    t->used = n;
    for (int32_t i = 0; i < n; i++)
        index_insert(t, entries[i].hash, i);
    return 0;
}

/* Insert or replace.  Does not steal.  `holder` NULL = no events, no refs
 * for the key (the VM's interned table). */
static int table_insert(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key, int64_t hash, gs_Object *value,
                        bool steal);

int gs_table_insert(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key, int64_t hash, gs_Object *value)
{
    return table_insert(vm, holder, t, key, hash, value, false);
}

/* Like gs_dict_set but the caller's reference to `value` moves into the
 * dict (no count change, no incref/decref events): STORE_NAME uses it. */
int gs_dict_set_steal(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1) {
        gs_decref(vm, value);
        return -1;
    }
    gs_dict_maybe_track(vm, d, key, value);
    int r = table_insert(vm, d, &((gs_Dict *)d)->t, key, h, value, true);
    if (r < 0)
        gs_decref(vm, value);
    return r;
}

int gs_dict_set_str_steal_hint(gs_VM *vm, gs_Object *d, gs_Str *key, gs_Object *value, int32_t *hint)
{
    gs_DictTable *t = &((gs_Dict *)d)->t;
    int32_t ix = *hint;
    if ((uint32_t)ix < (uint32_t)t->nentries && t->entries[ix].key == &key->ob) {
        /* table_insert's replace, without the probe */
        gs_dict_maybe_track(vm, d, &key->ob, value);
        gs_DictEntry *e = &t->entries[ix];
        gs_Object *old = e->value;
        uint32_t slot = vm->recording ? key->ob.id : 0;
        e->value = value;
        rec_set(vm, d, GS_CAUSE_VALUE, slot, old, value);
        if (old)
            gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_VALUE, d->id, slot));
        return 0;
    }
    int r = gs_dict_set_steal(vm, d, &key->ob, value);
    if (r == 0)
        *hint = gs_table_lookup_str(t, key);
    return r;
}

gs_Object *gs_dict_get_str_hint(gs_Object *d, gs_Str *key, int32_t *hint)
{
    gs_DictTable *t = &((gs_Dict *)d)->t;
    int32_t ix = *hint;
    if ((uint32_t)ix < (uint32_t)t->nentries && t->entries[ix].key == &key->ob)
        return t->entries[ix].value;
    ix = gs_table_lookup_str(t, key);
    if (ix < 0)
        return NULL;
    *hint = ix;
    return t->entries[ix].value;
}

static int table_insert(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key, int64_t hash, gs_Object *value,
                        bool steal)
{
    bool err = false;
    int32_t ix = probe_find(holder ? vm : NULL, t, key, hash, &err);
    if (err)
        return -1;
    bool attrs = holder && GS_KIND(holder) != GS_K_DICT;
    int sub = attrs ? GS_CAUSE_ATTR : GS_CAUSE_VALUE;
    uint32_t slot = 0;
    if (holder && vm->recording)
        slot = attrs ? gs_trace_name(vm, (gs_Str *)key) : key->id;
    if (ix >= 0) {
        gs_DictEntry *e = &t->entries[ix];
        gs_Object *old = e->value;
        if (holder && vm->recording && !attrs)
            slot = e->key->id; /* an equal key (1 for 1.0) leaves the stored key in place */
        if (holder && value && !steal)
            gs_incref_c(vm, value, GS_CAUSE(sub, holder->id, slot));
        e->value = value;
        if (holder) {
            rec_set(vm, holder, sub, slot, old, value);
            if (old)
                gs_decref_c(vm, old, GS_CAUSE(sub, holder->id, slot));
        }
        return 0;
    }
    if (t->nentries >= t->cap && table_resize(vm, t, t->used) < 0)
        return -1;
    if (holder) {
        if (!attrs)
            gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, holder->id, key->id));
        else
            gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, holder->id, slot));
        if (value && !steal)
            gs_incref_c(vm, value, GS_CAUSE(sub, holder->id, slot));
    }
    gs_DictEntry *e = &t->entries[t->nentries];
    e->hash = hash;
    e->key = key;
    e->value = value;
    index_insert(t, hash, t->nentries);
    t->nentries++;
    t->used++;
    if (holder)
        rec_set(vm, holder, sub, slot, NULL, value);
    return 0;
}

void gs_table_delete_at(gs_VM *vm, gs_Object *holder, gs_DictTable *t, int32_t ix)
{
    gs_DictEntry *e = &t->entries[ix];
    /* find the index slot that points at ix and make it a dummy */
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)e->hash;
    uint64_t i = (uint64_t)e->hash & mask;
    while (t->index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    t->index[i] = -2;
    gs_Object *key = e->key, *value = e->value;
    e->key = NULL;
    e->value = NULL;
    t->used--;
    bool attrs = GS_KIND(holder) != GS_K_DICT;
    int sub = attrs ? GS_CAUSE_ATTR : GS_CAUSE_VALUE;
    uint32_t slot = vm->recording ? (attrs ? gs_trace_name(vm, (gs_Str *)key) : key->id) : 0;
    rec_set(vm, holder, sub, slot, value, NULL);
    if (value)
        gs_decref_c(vm, value, GS_CAUSE(sub, holder->id, slot));
    gs_decref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, holder->id, slot));
}

void gs_table_clear(gs_VM *vm, gs_Object *holder, gs_DictTable *t)
{
    gs_DictTable old = *t;
    gs_table_init(t);
    bool attrs = GS_KIND(holder) != GS_K_DICT;
    int sub = attrs ? GS_CAUSE_ATTR : GS_CAUSE_VALUE;
    for (int32_t i = 0; i < old.nentries; i++) {
        gs_DictEntry *e = &old.entries[i];
        if (!e->key)
            continue;
        uint32_t slot = vm->recording ? (attrs ? gs_trace_name(vm, (gs_Str *)e->key) : e->key->id) : 0;
        rec_set(vm, holder, sub, slot, e->value, NULL);
    }
    for (int32_t i = 0; i < old.nentries; i++) {
        gs_DictEntry *e = &old.entries[i];
        if (!e->key)
            continue;
        uint32_t slot = vm->recording ? (attrs ? gs_trace_name(vm, (gs_Str *)e->key) : e->key->id) : 0;
        if (e->value)
            gs_decref_c(vm, e->value, GS_CAUSE(sub, holder->id, slot));
        gs_decref_c(vm, e->key, GS_CAUSE(GS_CAUSE_KEY, holder->id, slot));
    }
    gs_table_release(vm, &old);
}

/* ================================================================== dict */

static gs_Object *dict_new_impl(gs_VM *vm, bool fresh)
{
    gs_Dict *d = (gs_Dict *)(fresh ? gs_alloc_fresh : gs_alloc)(vm, vm->t_dict, sizeof(gs_Dict));
    if (!d)
        return NULL;
    gs_table_init(&d->t);
    d->owner = NULL;
    /* CPython 3.11 tracks dicts lazily: a new dict is untracked until it
     * holds something that could be part of a cycle. */
    return &d->ob;
}

gs_Object *gs_dict_new(gs_VM *vm)
{
    return dict_new_impl(vm, false);
}

/* dict(): dict_new gets its object from PyType_GenericAlloc, never from the
 * free list (and unlike PyDict_New, ... it untracks it at once: the same) */
gs_Object *gs_dict_new_fresh(gs_VM *vm)
{
    return dict_new_impl(vm, true);
}

/* Atomic values never make a dict tracked (CPython's MAINTAIN_TRACKING). */
bool gs_dict_maybe_untracked_value(gs_Object *v)
{
    /* CPython's _PyObject_GC_MAY_BE_TRACKED: only atomic values and
     * untracked tuples leave the dict untracked (an empty dict does not) */
    return !gs_gc_may_be_tracked(v);
}

void gs_dict_maybe_track(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value)
{
    if (d->gcflags & GS_GC_TRACKED)
        return;
    if ((key && !gs_dict_maybe_untracked_value(key)) || (value && !gs_dict_maybe_untracked_value(value)))
        gs_gc_track(vm, d);
}

gs_Object *gs_dict_get(gs_VM *vm, gs_Object *d, gs_Object *key)
{
    gs_Dict *dict = (gs_Dict *)d;
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return NULL;
    bool err = false;
    int32_t ix = probe_find(vm, &dict->t, key, h, &err);
    return ix >= 0 ? dict->t.entries[ix].value : NULL;
}

gs_Object *gs_dict_get_str(gs_VM *vm, gs_Object *d, gs_Str *key)
{
    GS_UNUSED(vm);
    gs_Dict *dict = (gs_Dict *)d;
    int32_t ix = gs_table_lookup_str(&dict->t, key);
    return ix >= 0 ? dict->t.entries[ix].value : NULL;
}

int gs_dict_set(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return -1;
    gs_dict_maybe_track(vm, d, key, value);
    return gs_table_insert(vm, d, &((gs_Dict *)d)->t, key, h, value);
}

int gs_dict_del(gs_VM *vm, gs_Object *d, gs_Object *key)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return -1;
    bool err = false;
    gs_Dict *dict = (gs_Dict *)d;
    int32_t ix = probe_find(vm, &dict->t, key, h, &err);
    if (err)
        return -1;
    if (ix < 0) {
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, key)));
        return -1;
    }
    gs_table_delete_at(vm, d, &dict->t, ix);
    return 0;
}

gs_Object *gs_dict_pop(gs_VM *vm, gs_Object *d, gs_Object *key)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return NULL;
    bool err = false;
    gs_Dict *dict = (gs_Dict *)d;
    int32_t ix = probe_find(vm, &dict->t, key, h, &err);
    if (ix < 0)
        return NULL;
    gs_Object *v = dict->t.entries[ix].value;
    gs_incref(vm, v);
    gs_table_delete_at(vm, d, &dict->t, ix);
    return v;
}

void gs_dict_clear(gs_VM *vm, gs_Object *d) { gs_table_clear(vm, d, &((gs_Dict *)d)->t); }

int gs_dict_next(gs_Object *d, int32_t *pos, gs_Object **key, gs_Object **value)
{
    if (GS_KIND(d) == GS_K_SET) {
        int64_t p = *pos;
        int found = gs_set_next(d, &p, key, NULL);
        *pos = (int32_t)p;
        if (found && value)
            *value = NULL;
        return found;
    }
    gs_DictTable *t = &((gs_Dict *)d)->t;
    while (*pos < t->nentries) {
        gs_DictEntry *e = &t->entries[(*pos)++];
        if (e->key) {
            *key = e->key;
            if (value)
                *value = e->value;
            return 1;
        }
    }
    return 0;
}

gs_Object *gs_dict_copy(gs_VM *vm, gs_Object *src)
{
    gs_Object *d = gs_dict_new(vm);
    if (!d)
        return NULL;
    if (gs_dict_update(vm, d, src) < 0) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

int gs_dict_update(gs_VM *vm, gs_Object *d, gs_Object *other)
{
    if (GS_KIND(other) == GS_K_DICT) {
        int32_t pos = 0;
        gs_Object *k, *v;
        while (gs_dict_next(other, &pos, &k, &v))
            if (gs_dict_set(vm, d, k, v) < 0)
                return -1;
        return 0;
    }
    /* an iterable of pairs */
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    int64_t n = 0;
    for (;; n++) {
        gs_Object *item = gs_next(vm, it);
        if (!item)
            break;
        gs_Object *pair = gs_tuple_from_iterable(vm, item);
        if (!pair) {
            if (gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                         (long long)n);
            }
            gs_decref(vm, item);
            gs_decref(vm, it);
            return -1;
        }
        gs_decref(vm, item);
        gs_Tuple *p = (gs_Tuple *)pair;
        if (p->len != 2) {
            gs_raise(vm, vm->e_ValueError, "dictionary update sequence element #%lld has length %d; 2 is required",
                     (long long)n, p->len);
            gs_decref(vm, pair);
            gs_decref(vm, it);
            return -1;
        }
        int r = gs_dict_set(vm, d, p->items[0], p->items[1]);
        gs_decref(vm, pair);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

/* ================================================================== set
 *
 * CPython 3.11's Objects/setobject.c, function for function, so that a set
 * built by the same operations holds its elements in the same slots and so
 * iterates, prints and pops in CPython's order.  The table layout is
 * described in object.h.  Deviations, none of them visible in a program's
 * output:
 *   - a dummy slot is {NULL, -1} rather than a pointer to a dummy object;
 *   - a key's reference is taken when it is stored, not before the probe
 *     (CPython increfs first so that __eq__ cannot free it; our callers
 *     always hold the key);
 *   - set_swap_bodies (intersection_update) copies the other table's layout
 *     with one incref per key, so that every reference keeps its holder. */

#define SET_LINEAR_PROBES 9
#define SET_PERTURB_SHIFT 5

static gs_Set *set_of(gs_Object *s) { return (gs_Set *)s; }

static void set_reset_small(gs_Set *so)
{
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = 0;
    so->used = 0;
    so->mask = GS_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* The key now lives in an active slot: take its reference and say so. */
static void set_hold(gs_VM *vm, gs_Set *so, gs_Object *key)
{
    gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, so->ob.id, key->id));
    rec_set(vm, &so->ob, GS_CAUSE_KEY, key->id, NULL, key);
}

/* The key has left its slot: drop its reference. */
static void set_release(gs_VM *vm, gs_Set *so, gs_Object *key)
{
    rec_set(vm, &so->ob, GS_CAUSE_KEY, key->id, key, NULL);
    gs_decref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, so->ob.id, key->id));
}

/* Compare a stored key with `key` (equal hashes): 1 equal, 0 not, -1 error. */
static int set_keys_equal(gs_VM *vm, gs_Object *startkey, gs_Object *key)
{
    if (startkey == key)
        return 1;
    if (GS_KIND(startkey) == GS_K_STR && GS_KIND(key) == GS_K_STR)
        return gs_str_eq((gs_Str *)startkey, (gs_Str *)key);
    gs_incref(vm, startkey);
    int eq = gs_equal(vm, startkey, key);
    gs_decref(vm, startkey);
    return eq;
}

/* set_lookkey: the active slot holding `key`, or the unused slot that ends
 * its probe sequence.  NULL on a comparison error. */
static gs_SetEntry *set_lookkey(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint64_t mask = (uint64_t)so->mask;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        gs_SetEntry *entry = &so->table[i];
        int probes = (i + SET_LINEAR_PROBES <= mask) ? SET_LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                gs_Object *startkey = entry->key;
                gs_SetEntry *table = so->table;
                int cmp = set_keys_equal(vm, startkey, key);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != startkey)
                    return set_lookkey(vm, so, key, hash); /* __eq__ changed the set */
                if (cmp > 0)
                    return entry;
                mask = (uint64_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_insert_clean: place a key known to be absent into a table with no
 * dummies.  No counts change; the caller keeps fill and used. */
static void set_insert_clean(gs_SetEntry *table, uint64_t mask, gs_Object *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        gs_SetEntry *entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + SET_LINEAR_PROBES <= mask) {
            for (int j = 0; j < SET_LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_null:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* set_table_resize: rebuild into the smallest power-of-two table (at least
 * GS_SET_MINSIZE) larger than `minused`, dropping the dummies.  Keys keep
 * their references. */
static int set_table_resize(gs_VM *vm, gs_Set *so, int64_t minused)
{
    gs_SetEntry small_copy[GS_SET_MINSIZE];
    uint64_t newsize = GS_SET_MINSIZE;
    while (newsize <= (uint64_t)minused)
        newsize <<= 1;
    gs_SetEntry *oldtable = so->table;
    int64_t oldmask = so->mask;
    bool oldtable_malloced = oldtable != so->smalltable;
    gs_SetEntry *newtable;
    if (newsize == GS_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; /* no dummies: nothing to do */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > (uint64_t)1 << 40 || !(newtable = malloc(newsize * sizeof(gs_SetEntry)))) {
            gs_raise_memory(vm);
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(gs_SetEntry));
    so->mask = (int64_t)newsize - 1;
    so->table = newtable;
    uint64_t newmask = (uint64_t)so->mask;
    so->fill = so->used;
    for (gs_SetEntry *entry = oldtable; entry <= oldtable + oldmask; entry++)
        if (entry->key)
            set_insert_clean(newtable, newmask, entry->key, entry->hash);
    if (oldtable_malloced)
        free(oldtable);
    return 0;
}

/* set_add_entry: 0 (added or already there) or -1.  Like 3.11, a key that
 * is absent goes to the last dummy slot its probe passed, if any. */
static int set_add_entry(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
restart:;
    uint64_t mask = (uint64_t)so->mask;
    uint64_t i = (uint64_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    gs_SetEntry *freeslot = NULL;
    gs_SetEntry *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + SET_LINEAR_PROBES <= mask) ? SET_LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                gs_Object *startkey = entry->key;
                gs_SetEntry *table = so->table;
                int cmp = set_keys_equal(vm, startkey, key);
                if (cmp > 0)
                    return 0; /* found active */
                if (cmp < 0)
                    return -1;
                if (table != so->table || entry->key != startkey)
                    goto restart;
                mask = (uint64_t)so->mask;
            } else if (entry->hash == -1 && entry->key == NULL) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        set_hold(vm, so, key);
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    set_hold(vm, so, key);
    if ((uint64_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int set_contains_entry(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
    gs_SetEntry *entry = set_lookkey(vm, so, key, hash);
    return entry ? entry->key != NULL : -1;
}

/* set_discard_entry: the slot becomes a dummy.  1 found, 0 not, -1 error. */
static int set_discard_entry(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
    gs_SetEntry *entry = set_lookkey(vm, so, key, hash);
    if (!entry)
        return -1;
    if (!entry->key)
        return 0;
    gs_Object *old_key = entry->key;
    entry->key = NULL;
    entry->hash = -1;
    so->used--;
    set_release(vm, so, old_key);
    return 1;
}

static int set_add_key(gs_VM *vm, gs_Set *so, gs_Object *key)
{
    int64_t hash = gs_hash(vm, key);
    if (hash == -1)
        return -1;
    return set_add_entry(vm, so, key, hash);
}

/* set_contains_key / set_discard_key with set_contains' retry: an unhashable
 * set is looked up as the frozenset of its elements. */
static int set_key_op(gs_VM *vm, gs_Set *so, gs_Object *key, bool discard)
{
    int64_t hash = gs_hash(vm, key);
    if (hash != -1)
        return discard ? set_discard_entry(vm, so, key, hash) : set_contains_entry(vm, so, key, hash);
    if (GS_KIND(key) != GS_K_SET || set_of(key)->frozen || !gs_exc_matches(vm, vm->e_TypeError))
        return -1;
    gs_clear_exc(vm);
    gs_Object *tmpkey = gs_set_from_iterable(vm, true, key);
    if (!tmpkey)
        return -1;
    hash = gs_hash(vm, tmpkey);
    int rv = discard ? set_discard_entry(vm, so, tmpkey, hash) : set_contains_entry(vm, so, tmpkey, hash);
    gs_decref(vm, tmpkey);
    return rv;
}

/* set_clear_internal: empty the set first, then release the old keys in
 * slot order (their finalizers may look at the set). */
void gs_set_clear(gs_VM *vm, gs_Object *s)
{
    gs_Set *so = set_of(s);
    gs_SetEntry small_copy[GS_SET_MINSIZE];
    gs_SetEntry *table = so->table;
    int64_t size = so->mask + 1;
    bool malloced = table != so->smalltable;
    if (so->fill == 0 && !malloced)
        return;
    if (!malloced) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    set_reset_small(so);
    for (int64_t i = 0; i < size; i++)
        if (table[i].key)
            rec_set(vm, s, GS_CAUSE_KEY, table[i].key->id, table[i].key, NULL);
    for (int64_t i = 0; i < size; i++)
        if (table[i].key)
            gs_decref_c(vm, table[i].key, GS_CAUSE(GS_CAUSE_KEY, s->id, table[i].key->id));
    if (malloced)
        free(table);
}

void gs_set_free_table(gs_Object *s)
{
    gs_Set *so = set_of(s);
    if (so->table != so->smalltable)
        free(so->table);
    set_reset_small(so);
}

/* set_next: the next active slot at or after *pos. */
int gs_set_next(gs_Object *s, int64_t *pos, gs_Object **key, int64_t *hash)
{
    gs_Set *so = set_of(s);
    int64_t i = *pos;
    while (i <= so->mask && !so->table[i].key)
        i++;
    *pos = i + 1;
    if (i > so->mask)
        return 0;
    *key = so->table[i].key;
    if (hash)
        *hash = so->table[i].hash;
    return 1;
}

/* set_merge: add every element of another set, copying its table outright
 * when this one is empty and the same size (so a copy has the original's
 * order). */
static int set_merge(gs_VM *vm, gs_Set *so, gs_Set *other)
{
    if (other == so || other->used == 0)
        return 0;
    /* one big resize at the start rather than incrementally */
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        if (set_table_resize(vm, so, (so->used + other->used) * 2) != 0)
            return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (int64_t i = 0; i <= other->mask; i++) {
            gs_Object *key = other->table[i].key;
            if (key) {
                so->table[i].key = key;
                so->table[i].hash = other->table[i].hash;
                set_hold(vm, so, key);
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (int64_t i = 0; i <= other->mask; i++) {
            gs_Object *key = other->table[i].key;
            if (key) {
                set_insert_clean(so->table, (uint64_t)so->mask, key, other->table[i].hash);
                set_hold(vm, so, key);
            }
        }
        return 0;
    }
    for (int64_t i = 0; i <= other->mask; i++) {
        gs_SetEntry *e = &other->table[i];
        if (e->key && set_add_entry(vm, so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

/* set_update_internal: from a set, a dict (keys, with one resize first) or
 * any iterable. */
int gs_set_update(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (GS_KIND(other) == GS_K_SET)
        return set_merge(vm, so, set_of(other));
    if (GS_KIND(other) == GS_K_DICT) {
        gs_DictTable *t = &((gs_Dict *)other)->t;
        int64_t dictsize = t->used;
        if ((so->fill + dictsize) * 5 >= so->mask * 3)
            if (set_table_resize(vm, so, (so->used + dictsize) * 2) != 0)
                return -1;
        for (int32_t i = 0; i < t->nentries; i++) {
            gs_DictEntry *e = &t->entries[i];
            if (e->key && set_add_entry(vm, so, e->key, e->hash) < 0)
                return -1;
        }
        return 0;
    }
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int r = set_add_key(vm, so, key);
        gs_decref(vm, key);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

gs_Object *gs_set_new(gs_VM *vm, bool frozen)
{
    gs_Set *s = (gs_Set *)gs_alloc(vm, frozen ? vm->t_frozenset : vm->t_set, sizeof(gs_Set));
    if (!s)
        return NULL;
    s->ob.kind = GS_K_SET;
    set_reset_small(s);
    s->finger = 0;
    s->frozen = frozen;
    gs_gc_track(vm, &s->ob);
    return &s->ob;
}

/* make_new_set / make_new_frozenset: frozenset(f) of an exact frozenset is
 * f itself. */
gs_Object *gs_set_from_iterable(gs_VM *vm, bool frozen, gs_Object *iterable)
{
    if (frozen && iterable && GS_KIND(iterable) == GS_K_SET && iterable->type == vm->t_frozenset)
        return gs_newref(vm, iterable);
    gs_Object *s = gs_set_new(vm, frozen);
    if (s && iterable && gs_set_update(vm, s, iterable) < 0) {
        gs_decref(vm, s);
        return NULL;
    }
    return s;
}

/* make_new_set_basetype(type(so), iterable) */
static gs_Object *set_new_like(gs_VM *vm, gs_Object *so, gs_Object *iterable)
{
    gs_Object *s = gs_set_new(vm, set_of(so)->frozen);
    if (s && iterable && gs_set_update(vm, s, iterable) < 0) {
        gs_decref(vm, s);
        return NULL;
    }
    return s;
}

int gs_set_add(gs_VM *vm, gs_Object *s, gs_Object *v) { return set_add_key(vm, set_of(s), v); }

int gs_set_contains(gs_VM *vm, gs_Object *s, gs_Object *v) { return set_key_op(vm, set_of(s), v, false); }

int gs_set_discard(gs_VM *vm, gs_Object *s, gs_Object *v) { return set_key_op(vm, set_of(s), v, true); }

int gs_set_remove(gs_VM *vm, gs_Object *s, gs_Object *v)
{
    int rv = set_key_op(vm, set_of(s), v, true);
    if (rv < 0)
        return -1;
    if (rv == 0) {
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, v)));
        return -1;
    }
    return 0;
}

/* set_pop: from the finger on, wrapping around; the slot becomes a dummy. */
gs_Object *gs_set_pop(gs_VM *vm, gs_Object *s)
{
    gs_Set *so = set_of(s);
    if (so->used == 0) {
        gs_Object *msg = gs_str_from_cstr(vm, "pop from an empty set");
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, msg ? gs_tuple_pack(vm, 1, msg) : NULL));
        gs_xdecref(vm, msg);
        return NULL;
    }
    gs_SetEntry *entry = so->table + (so->finger & so->mask);
    gs_SetEntry *limit = so->table + so->mask;
    while (!entry->key) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    gs_Object *key = gs_newref(vm, entry->key);
    entry->key = NULL;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    set_release(vm, so, key);
    return key;
}

gs_Object *gs_set_copy(gs_VM *vm, gs_Object *s)
{
    if (s->type == vm->t_frozenset)
        return gs_newref(vm, s);
    return set_new_like(vm, s, s);
}

/* set_union: a copy, then each other iterable merged in. */
gs_Object *gs_set_union(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    gs_Object *result = set_new_like(vm, s, s);
    if (!result)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (others[i] == s)
            continue;
        if (gs_set_update(vm, result, others[i]) < 0) {
            gs_decref(vm, result);
            return NULL;
        }
    }
    return result;
}

/* set_intersection: walks the smaller set when both are sets. */
static gs_Object *set_intersection(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    if (s == other)
        return set_new_like(vm, s, s);
    gs_Object *result = set_new_like(vm, s, NULL);
    if (!result)
        return NULL;
    gs_Set *so = set_of(s);
    if (GS_KIND(other) == GS_K_SET) {
        gs_Set *ot = set_of(other);
        if (ot->used > so->used) {
            gs_Set *tmp = so;
            so = ot;
            ot = tmp;
        }
        int64_t pos = 0, hash;
        gs_Object *key;
        while (gs_set_next(&ot->ob, &pos, &key, &hash)) {
            gs_incref(vm, key);
            int rv = set_contains_entry(vm, so, key, hash);
            if (rv > 0)
                rv = set_add_entry(vm, set_of(result), key, hash);
            gs_decref(vm, key);
            if (rv < 0) {
                gs_decref(vm, result);
                return NULL;
            }
        }
        return result;
    }
    gs_Object *it = gs_iter(vm, other);
    if (!it) {
        gs_decref(vm, result);
        return NULL;
    }
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int64_t hash = gs_hash(vm, key);
        int rv = hash == -1 ? -1 : set_contains_entry(vm, so, key, hash);
        bool added = false;
        if (rv > 0) {
            rv = set_add_entry(vm, set_of(result), key, hash);
            added = rv == 0;
        }
        gs_decref(vm, key);
        if (rv < 0) {
            gs_decref(vm, it);
            gs_decref(vm, result);
            return NULL;
        }
        if (added && set_of(result)->used >= so->used)
            break; /* every element of `s` is in already */
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_decref(vm, result);
        return NULL;
    }
    return result;
}

gs_Object *gs_set_intersection(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    if (n == 0)
        return set_new_like(vm, s, s);
    gs_Object *result = gs_newref(vm, s);
    for (int i = 0; i < n; i++) {
        gs_Object *r = set_intersection(vm, result, others[i]);
        gs_decref(vm, result);
        if (!r)
            return NULL;
        result = r;
    }
    return result;
}

/* set_swap_bodies(so, tmp); Py_DECREF(tmp): `so` takes `tmp`'s table slot
 * for slot; its old keys are released afterwards in slot order. */
static int set_take_table(gs_VM *vm, gs_Set *so, gs_Set *src)
{
    gs_SetEntry small_copy[GS_SET_MINSIZE];
    gs_SetEntry *old = so->table;
    int64_t oldsize = so->mask + 1;
    bool old_malloced = old != so->smalltable;
    gs_SetEntry *table = so->smalltable;
    if (src->table != src->smalltable) {
        table = malloc((size_t)(src->mask + 1) * sizeof(gs_SetEntry));
        if (!table) {
            gs_raise_memory(vm);
            return -1;
        }
    }
    if (!old_malloced) {
        memcpy(small_copy, old, sizeof small_copy);
        old = small_copy;
    }
    memcpy(table, src->table, (size_t)(src->mask + 1) * sizeof(gs_SetEntry));
    so->table = table;
    so->mask = src->mask;
    so->fill = src->fill;
    so->used = src->used;
    so->hash = -1;
    /* the old keys leave before the new ones arrive: a key in both keeps
     * its slot (keyed by the key's id) and must not be recorded twice */
    for (int64_t i = 0; i < oldsize; i++)
        if (old[i].key)
            rec_set(vm, &so->ob, GS_CAUSE_KEY, old[i].key->id, old[i].key, NULL);
    for (int64_t i = 0; i <= so->mask; i++)
        if (table[i].key)
            set_hold(vm, so, table[i].key);
    for (int64_t i = 0; i < oldsize; i++)
        if (old[i].key)
            gs_decref_c(vm, old[i].key, GS_CAUSE(GS_CAUSE_KEY, so->ob.id, old[i].key->id));
    if (old_malloced)
        free(old);
    return 0;
}

int gs_set_intersection_update(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    gs_Object *tmp = gs_set_intersection(vm, s, others, n);
    if (!tmp)
        return -1;
    int r = tmp == s ? 0 : set_take_table(vm, set_of(s), set_of(tmp));
    gs_decref(vm, tmp);
    return r;
}

int gs_set_isdisjoint(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (s == other)
        return so->used == 0;
    if (GS_KIND(other) == GS_K_SET) {
        gs_Set *ot = set_of(other);
        if (ot->used > so->used) {
            gs_Set *tmp = so;
            so = ot;
            ot = tmp;
        }
        int64_t pos = 0, hash;
        gs_Object *key;
        while (gs_set_next(&ot->ob, &pos, &key, &hash)) {
            gs_incref(vm, key);
            int rv = set_contains_entry(vm, so, key, hash);
            gs_decref(vm, key);
            if (rv != 0)
                return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int rv = set_key_op(vm, so, key, false);
        gs_decref(vm, key);
        if (rv != 0) {
            gs_decref(vm, it);
            return rv < 0 ? -1 : 0;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 1;
}

/* set_difference_update_internal: then, if over a quarter of the slots are
 * dummies, rebuild the table. */
static int set_difference_update_internal(gs_VM *vm, gs_Set *so, gs_Object *other)
{
    if (&so->ob == other) {
        gs_set_clear(vm, other);
        return 0;
    }
    if (GS_KIND(other) == GS_K_SET) {
        /* when the other set is over 8 times larger, use the intersection */
        if ((set_of(other)->used >> 3) > so->used)
            other = set_intersection(vm, &so->ob, other);
        else
            gs_incref(vm, other);
        if (!other)
            return -1;
        int64_t pos = 0, hash;
        gs_Object *key;
        while (gs_set_next(other, &pos, &key, &hash)) {
            gs_incref(vm, key);
            int rv = set_discard_entry(vm, so, key, hash);
            gs_decref(vm, key);
            if (rv < 0) {
                gs_decref(vm, other);
                return -1;
            }
        }
        gs_decref(vm, other);
    } else {
        gs_Object *it = gs_iter(vm, other);
        if (!it)
            return -1;
        for (;;) {
            gs_Object *key = gs_next(vm, it);
            if (!key)
                break;
            int rv = set_key_op(vm, so, key, true);
            gs_decref(vm, key);
            if (rv < 0) {
                gs_decref(vm, it);
                return -1;
            }
        }
        gs_decref(vm, it);
        if (vm->exc)
            return -1;
    }
    if ((uint64_t)(so->fill - so->used) <= (uint64_t)so->mask / 4)
        return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

int gs_set_difference_update(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    for (int i = 0; i < n; i++)
        if (set_difference_update_internal(vm, set_of(s), others[i]) < 0)
            return -1;
    return 0;
}

static gs_Object *set_copy_and_difference(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Object *result = set_new_like(vm, s, s);
    if (result && set_difference_update_internal(vm, set_of(result), other) < 0) {
        gs_decref(vm, result);
        return NULL;
    }
    return result;
}

/* set_difference: a new set of the elements of `s` not in `other`, walking
 * `s` unless it is much larger than `other`. */
static gs_Object *set_difference(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    int64_t other_size;
    if (GS_KIND(other) == GS_K_SET)
        other_size = set_of(other)->used;
    else if (GS_KIND(other) == GS_K_DICT)
        other_size = ((gs_Dict *)other)->t.used;
    else
        return set_copy_and_difference(vm, s, other);
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(vm, s, other);
    gs_Object *result = set_new_like(vm, s, NULL);
    if (!result)
        return NULL;
    int64_t pos = 0, hash;
    gs_Object *key;
    while (gs_set_next(s, &pos, &key, &hash)) {
        gs_incref(vm, key);
        int rv;
        if (GS_KIND(other) == GS_K_DICT) {
            bool err = false;
            rv = probe_find(vm, &((gs_Dict *)other)->t, key, hash, &err) >= 0;
            if (err)
                rv = -1;
        } else {
            rv = set_contains_entry(vm, set_of(other), key, hash);
        }
        if (rv == 0)
            rv = set_add_entry(vm, set_of(result), key, hash);
        gs_decref(vm, key);
        if (rv < 0) {
            gs_decref(vm, result);
            return NULL;
        }
    }
    return result;
}

gs_Object *gs_set_difference(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    if (n == 0)
        return set_new_like(vm, s, s);
    gs_Object *result = set_difference(vm, s, others[0]);
    if (!result)
        return NULL;
    for (int i = 1; i < n; i++)
        if (set_difference_update_internal(vm, set_of(result), others[i]) < 0) {
            gs_decref(vm, result);
            return NULL;
        }
    return result;
}

/* set_symmetric_difference_update: each element of `other` (a dict's keys,
 * a set, or a set made from the iterable) is discarded if present, else
 * added. */
int gs_set_symmetric_difference_update(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (s == other) {
        gs_set_clear(vm, s);
        return 0;
    }
    if (GS_KIND(other) == GS_K_DICT) {
        gs_DictTable *t = &((gs_Dict *)other)->t;
        for (int32_t i = 0; i < t->nentries; i++) {
            gs_DictEntry *e = &t->entries[i];
            if (!e->key)
                continue;
            gs_Object *key = gs_newref(vm, e->key);
            int rv = set_discard_entry(vm, so, key, e->hash);
            if (rv == 0)
                rv = set_add_entry(vm, so, key, e->hash);
            gs_decref(vm, key);
            if (rv < 0)
                return -1;
        }
        return 0;
    }
    gs_Object *otherset = GS_KIND(other) == GS_K_SET ? gs_newref(vm, other) : set_new_like(vm, s, other);
    if (!otherset)
        return -1;
    int64_t pos = 0, hash;
    gs_Object *key;
    while (gs_set_next(otherset, &pos, &key, &hash)) {
        gs_incref(vm, key);
        int rv = set_discard_entry(vm, so, key, hash);
        if (rv == 0)
            rv = set_add_entry(vm, so, key, hash);
        gs_decref(vm, key);
        if (rv < 0) {
            gs_decref(vm, otherset);
            return -1;
        }
    }
    gs_decref(vm, otherset);
    return 0;
}

gs_Object *gs_set_symmetric_difference(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Object *otherset = set_new_like(vm, s, other);
    if (otherset && gs_set_symmetric_difference_update(vm, otherset, s) < 0) {
        gs_decref(vm, otherset);
        return NULL;
    }
    return otherset;
}

int gs_set_issubset(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (GS_KIND(other) != GS_K_SET) {
        gs_Object *tmp = set_intersection(vm, s, other);
        if (!tmp)
            return -1;
        int r = set_of(tmp)->used == so->used;
        gs_decref(vm, tmp);
        return r;
    }
    if (so->used > set_of(other)->used)
        return 0;
    int64_t pos = 0, hash;
    gs_Object *key;
    while (gs_set_next(s, &pos, &key, &hash)) {
        gs_incref(vm, key);
        int rv = set_contains_entry(vm, set_of(other), key, hash);
        gs_decref(vm, key);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

int gs_set_issuperset(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    if (GS_KIND(other) == GS_K_SET)
        return gs_set_issubset(vm, other, s);
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int rv = set_key_op(vm, set_of(s), key, false);
        gs_decref(vm, key);
        if (rv <= 0) {
            gs_decref(vm, it);
            return rv;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 1;
}

gs_Object *gs_set_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace)
{
    /* frozenset has no in-place slots: `f |= x` rebinds f to f | x */
    if (set_of(a)->frozen)
        inplace = false;
    int r;
    switch (op) {
    case 10: /* | */
        if (!inplace)
            return gs_set_union(vm, a, &b, 1);
        r = gs_set_update(vm, a, b);
        break;
    case 12: /* & */
        if (!inplace)
            return set_intersection(vm, a, b);
        r = gs_set_intersection_update(vm, a, &b, 1);
        break;
    case 1: /* - */
        if (!inplace)
            return set_difference(vm, a, b);
        r = set_difference_update_internal(vm, set_of(a), b);
        break;
    case 11: /* ^ */
        if (!inplace)
            return gs_set_symmetric_difference(vm, a, b);
        r = gs_set_symmetric_difference_update(vm, a, b);
        break;
    default:
        return gs_newref(vm, vm->notimpl);
    }
    return r < 0 ? NULL : gs_newref(vm, a);
}

/* set_richcompare; `op` is GS_CMP_LT .. GS_CMP_GE */
gs_Object *gs_set_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    gs_Set *v = set_of(a), *w = set_of(b);
    int r;
    switch (op) {
    case 2: case 3: /* == != */
        if (v->used != w->used)
            r = 0;
        else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash)
            r = 0;
        else
            r = gs_set_issubset(vm, a, b);
        if (r >= 0 && op == 3)
            r = !r;
        break;
    case 1: r = gs_set_issubset(vm, a, b); break;
    case 5: r = gs_set_issuperset(vm, a, b); break;
    case 0: r = v->used >= w->used ? 0 : gs_set_issubset(vm, a, b); break;
    case 4: r = v->used <= w->used ? 0 : gs_set_issuperset(vm, a, b); break;
    default: return gs_newref(vm, vm->notimpl);
    }
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* frozenset_hash: shuffled bits of every slot's hash xor-ed together (the
 * unused and dummy slots' effect taken out again), then mixed. */
static uint64_t set_shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

int64_t gs_frozenset_hash(gs_Object *s)
{
    gs_Set *so = set_of(s);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    for (int64_t i = 0; i <= so->mask; i++)
        hash ^= set_shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= set_shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= set_shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1)
        hash = 590923713ULL;
    so->hash = (int64_t)hash;
    return so->hash;
}

/* ================================================================== range, slice */

gs_Object *gs_range_new(gs_VM *vm, int64_t start, int64_t stop, int64_t step)
{
    gs_Range *r = (gs_Range *)gs_alloc(vm, vm->t_range, sizeof(gs_Range));
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    if (step > 0)
        r->len = start < stop ? (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
    else
        r->len = start > stop ? (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-(step + 1) + 1) + 1) : 0;
    return &r->ob;
}

static int slice_index(gs_VM *vm, gs_Object *v, int64_t *out)
{
    if (GS_KIND(v) == GS_K_INT) {
        *out = ((gs_Int *)v)->value;
        return 0;
    }
    if (GS_KIND(v) == GS_K_BOOL) {
        *out = v == vm->true_;
        return 0;
    }
    gs_raise(vm, vm->e_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int gs_slice_indices(gs_VM *vm, gs_Slice *sl, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                     int64_t *slicelen)
{
    int64_t st = 1;
    if (sl->step != vm->none) {
        if (slice_index(vm, sl->step, &st) < 0)
            return -1;
        if (st == 0) {
            gs_raise(vm, vm->e_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    int64_t lo, hi;
    if (sl->start == vm->none)
        lo = st < 0 ? len - 1 : 0;
    else {
        if (slice_index(vm, sl->start, &lo) < 0)
            return -1;
        if (lo < 0) {
            lo += len;
            if (lo < 0)
                lo = st < 0 ? -1 : 0;
        } else if (lo >= len)
            lo = st < 0 ? len - 1 : len;
    }
    if (sl->stop == vm->none)
        hi = st < 0 ? -1 : len;
    else {
        if (slice_index(vm, sl->stop, &hi) < 0)
            return -1;
        if (hi < 0) {
            hi += len;
            if (hi < 0)
                hi = st < 0 ? -1 : 0;
        } else if (hi >= len)
            hi = st < 0 ? len - 1 : len;
    }
    int64_t n = 0;
    if (st > 0 && lo < hi)
        n = (hi - lo - 1) / st + 1;
    else if (st < 0 && hi < lo)
        n = (lo - hi - 1) / (-st) + 1;
    *start = lo;
    *stop = hi;
    *step = st;
    *slicelen = n;
    return 0;
}

gs_Object *gs_slice_get(gs_VM *vm, gs_Object *seq, gs_Slice *sl)
{
    gs_Kind k = GS_KIND(seq);
    int64_t len = k == GS_K_LIST ? ((gs_List *)seq)->len : k == GS_K_TUPLE ? ((gs_Tuple *)seq)->len
                : k == GS_K_STR ? ((gs_Str *)seq)->nchars : ((gs_Range *)seq)->len;
    int64_t start, stop, step, n;
    if (gs_slice_indices(vm, sl, len, &start, &stop, &step, &n) < 0)
        return NULL;
    if (k == GS_K_RANGE) {
        gs_Range *r = (gs_Range *)seq;
        return gs_range_new(vm, r->start + start * r->step, r->start + (start + n * step) * r->step, r->step * step);
    }
    if (k == GS_K_STR) {
        gs_Str *s = (gs_Str *)seq;
        if (step == 1 && s->nchars == s->len)
            return gs_str_new(vm, s->data + start, (size_t)n);
        gs_Buf b;
        gs_buf_init(&b);
        for (int64_t i = 0; i < n; i++) {
            const char *p = gs_utf8_offset(s->data, (size_t)s->len, start + i * step);
            const char *q = gs_utf8_offset(p, (size_t)(s->data + s->len - p), 1);
            gs_buf_add(&b, p, (size_t)(q - p));
        }
        return gs_buf_to_str(vm, &b);
    }
    if (k == GS_K_TUPLE && step == 1 && n == len)
        return gs_newref(vm, seq);
    gs_Object **items = k == GS_K_LIST ? ((gs_List *)seq)->items : ((gs_Tuple *)seq)->items;
    gs_Object *r = k == GS_K_LIST ? gs_list_new(vm, (int32_t)n) : gs_tuple_new(vm, (int32_t)n);
    if (!r)
        return NULL;
    for (int64_t i = 0; i < n; i++) {
        gs_Object *v = items[start + i * step];
        gs_incref(vm, v);
        if (k == GS_K_LIST)
            gs_list_init(vm, r, (int32_t)i, v);
        else
            gs_tuple_init(vm, r, (int32_t)i, v);
    }
    return r;
}

/* ================================================================== iterators */

gs_Object *gs_iter_new(gs_VM *vm, gs_IterKind k, gs_Object *seq)
{
    gs_Iter *it = (gs_Iter *)gs_alloc(vm, vm->t_iter[k], sizeof(gs_Iter));
    if (!it)
        return NULL;
    it->ob.kind = GS_K_ITER;
    it->ikind = (uint8_t)k;
    it->index = 0;
    it->seq = seq;
    it->extra = NULL;
    if (seq)
        gs_incref_c(vm, seq, GS_CAUSE(GS_CAUSE_INTERNAL, it->ob.id, 0));
    gs_record_fields(vm, &it->ob);
    if (k != GS_IT_RANGE)
        gs_gc_track(vm, &it->ob);
    return &it->ob;
}

gs_Object *gs_reversed(gs_VM *vm, gs_Object *seq)
{
    gs_Kind k = GS_KIND(seq);
    if (k == GS_K_RANGE) {
        gs_Range *r = (gs_Range *)seq;
        gs_Object *it = gs_iter_new(vm, GS_IT_RANGE, NULL);
        if (!it)
            return NULL;
        gs_Iter *i = (gs_Iter *)it;
        i->index = r->start + (r->len - 1) * r->step;
        i->step = -r->step;
        i->stop = r->len;
        return it;
    }
    if (k != GS_K_LIST && k != GS_K_TUPLE && k != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "'%s' object is not reversible", gs_type_name(seq));
        return NULL;
    }
    gs_Object *it = gs_iter_new(vm, GS_IT_REVERSED, seq);
    if (!it)
        return NULL;
    if (k == GS_K_LIST)
        it->type = vm->t_list_reverseiterator; /* both static: no count to move */
    int64_t len = k == GS_K_LIST ? ((gs_List *)seq)->len : k == GS_K_TUPLE ? ((gs_Tuple *)seq)->len
                                                                        : ((gs_Str *)seq)->nchars;
    ((gs_Iter *)it)->index = len - 1;
    return it;
}

/* enumerate, dict.items() and zip keep their last result tuple and refill
 * it when nobody else holds it (CPython's result-tuple reuse): the tuple
 * keeps holding the last item until the next step, which shows up in
 * sys.getrefcount inside a loop. */
int gs_iter_prime_result(gs_VM *vm, gs_Object *it, int n)
{
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t)
        return -1;
    for (int i = 0; i < n; i++)
        gs_tuple_init(vm, t, i, GS_NONE(vm));
    ((gs_Iter *)it)->extra = t;
    if (vm->recording)
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, it->id, 0, t->id, 1);
    return 0;
}

static gs_Object *iter_result(gs_VM *vm, gs_Iter *it, gs_Object **vals, int n) /* steals vals */
{
    gs_Tuple *r = (gs_Tuple *)it->extra;
    if (r && r->ob.refcnt == 1 && r->len == n) {
        gs_incref(vm, r);
        for (int i = 0; i < n; i++) {
            gs_Object *old = r->items[i];
            r->items[i] = vals[i];
            rec_set(vm, &r->ob, GS_CAUSE_SLOT, (uint32_t)i, old, vals[i]);
            gs_decref_c(vm, old, slot_cause(&r->ob, i));
        }
        r->hash = -1;
        gs_gc_track(vm, &r->ob);
        return &r->ob;
    }
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t) {
        for (int i = 0; i < n; i++)
            gs_decref(vm, vals[i]);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        gs_tuple_init(vm, t, i, vals[i]);
    return t;
}

static gs_Object *table_iter_next(gs_VM *vm, gs_Iter *it)
{
    if (GS_KIND(it->seq) == GS_K_SET) {
        /* setiter_iternext: slot order */
        gs_Set *so = (gs_Set *)it->seq;
        if (it->stop != so->used) {
            it->stop = -1; /* stays an error: the size changed */
            gs_raise(vm, vm->e_RuntimeError, "Set changed size during iteration");
            return NULL;
        }
        int64_t pos = it->index;
        gs_Object *key;
        int found = gs_set_next(it->seq, &pos, &key, NULL);
        it->index = pos;
        return found ? gs_newref(vm, key) : NULL;
    }
    gs_DictTable *t = &((gs_Dict *)it->seq)->t;
    if (it->stop != t->used) {
        it->stop = -1; /* stays an error: the size changed */
        gs_raise(vm, vm->e_RuntimeError, "dictionary changed size during iteration");
        return NULL;
    }
    while (it->index < t->nentries) {
        gs_DictEntry *e = &t->entries[it->index++];
        if (!e->key)
            continue;
        switch (it->ikind) {
        case GS_IT_DICT_VALUES: return gs_newref(vm, e->value);
        case GS_IT_DICT_ITEMS: {
            gs_Object *kv[2] = { gs_newref(vm, e->key), gs_newref(vm, e->value) };
            return iter_result(vm, it, kv, 2);
        }
        default: return gs_newref(vm, e->key);
        }
    }
    return NULL;
}

static void iter_exhaust(gs_VM *vm, gs_Iter *it)
{
    gs_Object *s = it->seq;
    if (s) {
        it->seq = NULL;
        gs_record_field(vm, &it->ob, 0, s, NULL);
        gs_decref_c(vm, s, GS_CAUSE(GS_CAUSE_INTERNAL, it->ob.id, 0));
    }
}

static gs_Object *next_inner(gs_VM *vm, gs_Object *o);

gs_Object *gs_next(gs_VM *vm, gs_Object *o)
{
    /* C loops (sum, max, sorted, join ...) see no line starts: stop them here */
    if (vm->limit_hit || (vm->cfg.max_events && vm->events > vm->cfg.max_events)) {
        vm->limit_hit = true;
        gs_raise(vm, vm->e_MemoryError, "event limit reached");
        return NULL;
    }
    /* map(abs, map(abs, ...)) 100,000 deep would overflow the C stack */
    if (vm->native_depth >= GS_NATIVE_DEPTH_MAX) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    vm->native_depth++;
    gs_Object *r = next_inner(vm, o);
    vm->native_depth--;
    return r;
}

static gs_Object *next_inner(gs_VM *vm, gs_Object *o)
{
    if (GS_KIND(o) != GS_K_ITER) {
        if (GS_KIND(o) == GS_K_GENERATOR) {
            extern gs_Object *gs_gen_next(gs_VM *, gs_Object *);
            return gs_gen_next(vm, o);
        }
        gs_Object *m = gs_type_lookup(o->type, vm->s___next__);
        if (!m) {
            gs_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", gs_type_name(o));
            return NULL;
        }
        gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
        if (!r && gs_exc_matches(vm, vm->e_StopIteration))
            gs_clear_exc(vm);
        return r;
    }
    gs_Iter *it = (gs_Iter *)o;
    if (it->ikind == GS_IT_CALL) {
        gs_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", gs_type_name(o));
        return NULL;
    }
    switch (it->ikind) {
    case GS_IT_RANGE:
        if (it->stop <= 0)
            return NULL;
        it->stop--;
        {
            int64_t v = it->index;
            it->index += it->step;
            return gs_int_new(vm, v);
        }
    case GS_IT_LIST:
        if (it->seq && it->index < ((gs_List *)it->seq)->len)
            return gs_newref(vm, ((gs_List *)it->seq)->items[it->index++]);
        iter_exhaust(vm, it);
        return NULL;
    case GS_IT_TUPLE:
        if (it->seq && it->index < ((gs_Tuple *)it->seq)->len)
            return gs_newref(vm, ((gs_Tuple *)it->seq)->items[it->index++]);
        iter_exhaust(vm, it);
        return NULL;
    case GS_IT_STR:
        if (it->seq && it->index < ((gs_Str *)it->seq)->nchars)
            return gs_str_getitem(vm, (gs_Str *)it->seq, it->index++);
        iter_exhaust(vm, it);
        return NULL;
    case GS_IT_REVERSED: {
        if (!it->seq || it->index < 0) {
            iter_exhaust(vm, it);
            return NULL;
        }
        gs_Object *s = it->seq;
        int64_t i = it->index--;
        if (GS_KIND(s) == GS_K_LIST) {
            if (i >= ((gs_List *)s)->len) {
                iter_exhaust(vm, it);
                return NULL;
            }
            return gs_newref(vm, ((gs_List *)s)->items[i]);
        }
        if (GS_KIND(s) == GS_K_TUPLE)
            return gs_newref(vm, ((gs_Tuple *)s)->items[i]);
        return gs_str_getitem(vm, (gs_Str *)s, i);
    }
    case GS_IT_DICT_KEYS: case GS_IT_DICT_VALUES: case GS_IT_DICT_ITEMS: case GS_IT_SET: {
        if (!it->seq)
            return NULL;
        gs_Object *r = table_iter_next(vm, it);
        if (!r && !vm->exc)
            iter_exhaust(vm, it);
        return r;
    }
    case GS_IT_ENUMERATE: {
        if (!it->seq)
            return NULL;
        gs_Object *v = gs_next(vm, it->seq);
        if (!v) {
            return NULL; /* enumerate keeps its iterator, as CPython's does */
        }
        gs_Object *n = gs_int_new(vm, it->index++);
        if (!n) {
            gs_decref(vm, v);
            return NULL;
        }
        gs_Object *iv[2] = { n, v };
        return iter_result(vm, it, iv, 2);
    }
    case GS_IT_ZIP: {
        if (!it->seq)
            return NULL;
        gs_Tuple *its = (gs_Tuple *)it->seq;
        int32_t n = its->len;
        if (n == 0) {
            iter_exhaust(vm, it);
            return NULL;
        }
        gs_Tuple *r = (gs_Tuple *)it->extra;
        if (!r || r->ob.refcnt != 1 || r->len != n) {
            /* zip_next makes the new result tuple before it asks the
             * iterators, so even the step that finds one exhausted makes
             * (and frees) a tuple: gc.get_count() sees it */
            gs_Object *t = gs_tuple_new(vm, n);
            if (!t)
                return NULL;
            for (int32_t i = 0; i < n; i++) {
                gs_Object *v = gs_next(vm, its->items[i]);
                if (!v) {
                    gs_decref(vm, t); /* with the items it got */
                    return NULL; /* zip keeps its iterators until it dies */
                }
                gs_tuple_init(vm, t, i, v);
            }
            return t;
        }
        gs_Object *vals[n];
        for (int32_t i = 0; i < n; i++) {
            vals[i] = gs_next(vm, its->items[i]);
            if (!vals[i]) {
                for (int32_t j = 0; j < i; j++)
                    gs_decref(vm, vals[j]);
                return NULL;
            }
        }
        return iter_result(vm, it, vals, n);
    }
    case GS_IT_MAP: {
        if (!it->seq)
            return NULL;
        gs_Tuple *its = (gs_Tuple *)it->seq;
        gs_Object *args[16];
        int n = its->len > 16 ? 16 : its->len;
        for (int i = 0; i < n; i++) {
            args[i] = gs_next(vm, its->items[i]);
            if (!args[i]) {
                for (int j = 0; j < i; j++)
                    gs_decref(vm, args[j]);
                return NULL;
            }
        }
        gs_Object *r = gs_call_object(vm, it->extra, args, n, NULL);
        for (int i = 0; i < n; i++)
            gs_decref(vm, args[i]);
        return r;
    }
    case GS_IT_FILTER: {
        for (;;) {
            if (!it->seq)
                return NULL;
            gs_Object *v = gs_next(vm, it->seq);
            if (!v)
                return NULL;
            int t;
            if (it->extra == vm->none || !it->extra)
                t = gs_truthy(vm, v);
            else {
                gs_Object *r = gs_call_object(vm, it->extra, &v, 1, NULL);
                if (!r) {
                    gs_decref(vm, v);
                    return NULL;
                }
                t = gs_truthy(vm, r);
                gs_decref(vm, r);
            }
            if (t < 0) {
                gs_decref(vm, v);
                return NULL;
            }
            if (t)
                return v;
            gs_decref(vm, v);
        }
    }
    default:
        return NULL;
    }
}

gs_Object *gs_iter(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_LIST: return gs_iter_new(vm, GS_IT_LIST, o);
    case GS_K_TUPLE: return gs_iter_new(vm, GS_IT_TUPLE, o);
    case GS_K_STR: return gs_iter_new(vm, GS_IT_STR, o);
    case GS_K_DICT:
    case GS_K_SET: {
        gs_Object *it = gs_iter_new(vm, GS_KIND(o) == GS_K_SET ? GS_IT_SET : GS_IT_DICT_KEYS, o);
        if (it)
            ((gs_Iter *)it)->stop = GS_KIND(o) == GS_K_SET ? ((gs_Set *)o)->used : ((gs_Dict *)o)->t.used;
        return it;
    }
    case GS_K_RANGE: {
        gs_Range *r = (gs_Range *)o;
        gs_Object *it = gs_iter_new(vm, GS_IT_RANGE, NULL);
        if (!it)
            return NULL;
        ((gs_Iter *)it)->index = r->start;
        ((gs_Iter *)it)->step = r->step;
        ((gs_Iter *)it)->stop = r->len;
        return it;
    }
    case GS_K_ITER:
        if (o->type == vm->t_dict_keys || o->type == vm->t_dict_values || o->type == vm->t_dict_items) {
            gs_Object *d = ((gs_Iter *)o)->seq;
            gs_IterKind k = o->type == vm->t_dict_keys ? GS_IT_DICT_KEYS
                          : o->type == vm->t_dict_values ? GS_IT_DICT_VALUES : GS_IT_DICT_ITEMS;
            gs_Object *it = gs_iter_new(vm, k, d);
            if (it) {
                ((gs_Iter *)it)->stop = ((gs_Dict *)d)->t.used;
                if (k == GS_IT_DICT_ITEMS && gs_iter_prime_result(vm, it, 2) < 0) {
                    gs_decref(vm, it);
                    return NULL;
                }
            }
            return it;
        }
        return gs_newref(vm, o);
    case GS_K_GENERATOR:
        return gs_newref(vm, o);
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: {
        gs_Object *m = gs_type_lookup(o->type, vm->s___iter__);
        if (m) {
            gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
            if (r && !gs_type_lookup(r->type, vm->s___next__) && GS_KIND(r) != GS_K_ITER &&
                GS_KIND(r) != GS_K_GENERATOR) {
                gs_raise(vm, vm->e_TypeError, "iter() returned non-iterator of type '%s'", gs_type_name(r));
                gs_decref(vm, r);
                return NULL;
            }
            return r;
        }
        break;
    }
    default:
        break;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object is not iterable", gs_type_name(o));
    return NULL;
}

/* ================================================================== generic item access */

static int index_of(gs_VM *vm, gs_Object *key, const char *what, int64_t *out)
{
    if (GS_KIND(key) == GS_K_INT) {
        *out = ((gs_Int *)key)->value;
        return 0;
    }
    if (GS_KIND(key) == GS_K_BOOL) {
        *out = key == vm->true_;
        return 0;
    }
    gs_raise(vm, vm->e_TypeError, "%s indices must be integers or slices, not %s", what, gs_type_name(key));
    return -1;
}

gs_Object *gs_getitem(gs_VM *vm, gs_Object *o, gs_Object *key)
{
    int64_t i;
    switch (GS_KIND(o)) {
    case GS_K_LIST: {
        if (GS_KIND(key) == GS_K_SLICE)
            return gs_slice_get(vm, o, (gs_Slice *)key);
        if (index_of(vm, key, "list", &i) < 0)
            return NULL;
        gs_List *l = (gs_List *)o;
        if (i < 0)
            i += l->len;
        if (i < 0 || i >= l->len) {
            gs_raise(vm, vm->e_IndexError, "list index out of range");
            return NULL;
        }
        return gs_newref(vm, l->items[i]);
    }
    case GS_K_TUPLE: {
        if (GS_KIND(key) == GS_K_SLICE)
            return gs_slice_get(vm, o, (gs_Slice *)key);
        if (index_of(vm, key, "tuple", &i) < 0)
            return NULL;
        gs_Tuple *t = (gs_Tuple *)o;
        if (i < 0)
            i += t->len;
        if (i < 0 || i >= t->len) {
            gs_raise(vm, vm->e_IndexError, "tuple index out of range");
            return NULL;
        }
        return gs_newref(vm, t->items[i]);
    }
    case GS_K_STR:
        if (GS_KIND(key) == GS_K_SLICE)
            return gs_slice_get(vm, o, (gs_Slice *)key);
        if (index_of(vm, key, "string", &i) < 0)
            return NULL;
        return gs_str_getitem(vm, (gs_Str *)o, i);
    case GS_K_RANGE: {
        if (GS_KIND(key) == GS_K_SLICE)
            return gs_slice_get(vm, o, (gs_Slice *)key);
        if (index_of(vm, key, "range", &i) < 0)
            return NULL;
        gs_Range *r = (gs_Range *)o;
        if (i < 0)
            i += r->len;
        if (i < 0 || i >= r->len) {
            gs_raise(vm, vm->e_IndexError, "range object index out of range");
            return NULL;
        }
        return gs_int_new(vm, r->start + i * r->step);
    }
    case GS_K_DICT: {
        gs_Object *v = gs_dict_get(vm, o, key);
        if (v)
            return gs_newref(vm, v);
        if (vm->exc)
            return NULL;
        if (o->type != vm->t_dict) {
            gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__missing__"));
            if (m) {
                gs_Object *args[2] = { o, key };
                return gs_call_object(vm, m, args, 2, NULL);
            }
        }
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, key)));
        return NULL;
    }
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: {
        gs_Object *m = gs_type_lookup(o->type, vm->s___getitem__);
        if (m) {
            gs_Object *args[2] = { o, key };
            return gs_call_object(vm, m, args, 2, NULL);
        }
        break;
    }
    case GS_K_TYPE:
        /* list[int] and friends: generic aliases are out of scope */
        break;
    default:
        break;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object is not subscriptable", gs_type_name(o));
    return NULL;
}

static int list_setslice(gs_VM *vm, gs_Object *o, gs_Slice *sl, gs_Object *v)
{
    gs_List *l = (gs_List *)o;
    int64_t start, stop, step, n;
    if (gs_slice_indices(vm, sl, l->len, &start, &stop, &step, &n) < 0)
        return -1;
    gs_Object *seq = NULL;
    if (v) {
        seq = v == o ? gs_list_from_iterable(vm, v) : gs_tuple_from_iterable(vm, v);
        if (!seq) {
            if (gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_TypeError, step == 1 ? "can only assign an iterable"
                                                        : "must assign iterable to extended slice");
            }
            return -1;
        }
    }
    int32_t m = seq ? (GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->len : ((gs_Tuple *)seq)->len) : 0;
    gs_Object **src = seq ? (GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->items : ((gs_Tuple *)seq)->items) : NULL;
    if (step != 1) {
        if (seq && m != n) {
            gs_raise(vm, vm->e_ValueError, "attempt to assign sequence of size %d to extended slice of size %lld", m,
                     (long long)n);
            gs_decref(vm, seq);
            return -1;
        }
        if (!seq) {
            /* delete an extended slice like CPython: take the items out in
             * ascending index order, then drop them in that order */
            gs_List *l = (gs_List *)o;
            int64_t lo = step > 0 ? start : start + step * (n - 1), st = step > 0 ? step : -step;
            gs_Object **garbage = malloc((size_t)(n > 0 ? n : 1) * sizeof *garbage);
            if (!garbage) {
                gs_raise_memory(vm);
                return -1;
            }
            int32_t w = 0;
            int64_t next = lo, taken = 0;
            for (int32_t r = 0; r < l->len; r++) {
                if (taken < n && r == next) {
                    garbage[taken++] = l->items[r];
                    next += st;
                    continue;
                }
                l->items[w++] = l->items[r];
            }
            for (int64_t i = n - 1; i >= 0; i--) /* the slots above shift down: remove from the top */
                rec_remove(vm, o, lo + i * st, garbage[i]);
            l->len = w;
            for (int64_t i = 0; i < n; i++)
                gs_decref_c(vm, garbage[i], slot_cause(o, lo + i * st));
            free(garbage);
            return 0;
        }
        for (int64_t i = 0; i < n; i++)
            gs_list_setitem(vm, o, start + i * step, src[i]);
        gs_decref(vm, seq);
        return 0;
    }
    if (stop < start)
        stop = start;
    /* delete [start, stop) then insert the new items at start */
    for (int64_t i = stop - 1; i >= start; i--)
        gs_list_delitem(vm, o, i);
    for (int32_t i = 0; i < m; i++)
        if (gs_list_insert(vm, o, start + i, src[i]) < 0) {
            gs_decref(vm, seq);
            return -1;
        }
    gs_xdecref(vm, seq);
    return 0;
}

int gs_setitem(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v)
{
    int64_t i;
    switch (GS_KIND(o)) {
    case GS_K_LIST:
        if (GS_KIND(key) == GS_K_SLICE)
            return list_setslice(vm, o, (gs_Slice *)key, v);
        if (index_of(vm, key, "list", &i) < 0)
            return -1;
        return gs_list_setitem(vm, o, i, v);
    case GS_K_DICT:
        return gs_dict_set(vm, o, key, v);
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: {
        gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__setitem__"));
        if (m) {
            gs_Object *args[3] = { o, key, v };
            gs_Object *r = gs_call_object(vm, m, args, 3, NULL);
            if (!r)
                return -1;
            gs_decref(vm, r);
            return 0;
        }
        break;
    }
    default:
        break;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object does not support item assignment", gs_type_name(o));
    return -1;
}

int gs_delitem(gs_VM *vm, gs_Object *o, gs_Object *key)
{
    int64_t i;
    switch (GS_KIND(o)) {
    case GS_K_LIST:
        if (GS_KIND(key) == GS_K_SLICE)
            return list_setslice(vm, o, (gs_Slice *)key, NULL);
        if (index_of(vm, key, "list", &i) < 0)
            return -1;
        return gs_list_delitem(vm, o, i);
    case GS_K_DICT:
        return gs_dict_del(vm, o, key);
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: {
        gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__delitem__"));
        if (m) {
            gs_Object *args[2] = { o, key };
            gs_Object *r = gs_call_object(vm, m, args, 2, NULL);
            if (!r)
                return -1;
            gs_decref(vm, r);
            return 0;
        }
        break;
    }
    default:
        break;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object doesn't support item deletion", gs_type_name(o));
    return -1;
}

int64_t gs_len(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_STR: return ((gs_Str *)o)->nchars;
    case GS_K_LIST: return ((gs_List *)o)->len;
    case GS_K_TUPLE: return ((gs_Tuple *)o)->len;
    case GS_K_DICT: return ((gs_Dict *)o)->t.used;
    case GS_K_SET: return ((gs_Set *)o)->used;
    case GS_K_RANGE: return ((gs_Range *)o)->len;
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: {
        gs_Object *m = gs_type_lookup(o->type, vm->s___len__);
        if (!m)
            break;
        gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
        if (!r)
            return -1;
        if (GS_KIND(r) != GS_K_INT) {
            gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(r));
            gs_decref(vm, r);
            return -1;
        }
        int64_t n = ((gs_Int *)r)->value;
        gs_decref(vm, r);
        if (n < 0) {
            gs_raise(vm, vm->e_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n;
    }
    default:
        if (o->type == vm->t_dict_keys || o->type == vm->t_dict_values || o->type == vm->t_dict_items)
            return ((gs_Dict *)((gs_Iter *)o)->seq)->t.used;
        break;
    }
    gs_raise(vm, vm->e_TypeError, "object of type '%s' has no len()", gs_type_name(o));
    return -1;
}

int gs_contains(gs_VM *vm, gs_Object *c, gs_Object *v)
{
    switch (GS_KIND(c)) {
    case GS_K_STR: {
        if (GS_KIND(v) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "'in <string>' requires string as left operand, not %s", gs_type_name(v));
            return -1;
        }
        gs_Str *s = (gs_Str *)c, *sub = (gs_Str *)v;
        if (sub->len == 0)
            return 1;
        if (sub->len > s->len)
            return 0;
        for (int32_t i = 0; i + sub->len <= s->len; i++)
            if (memcmp(s->data + i, sub->data, (size_t)sub->len) == 0)
                return 1;
        return 0;
    }
    case GS_K_DICT: {
        gs_Object *r = gs_dict_get(vm, c, v);
        if (!r && vm->exc)
            return -1;
        return r != NULL;
    }
    case GS_K_SET: return gs_set_contains(vm, c, v);
    case GS_K_RANGE: {
        if (GS_KIND(v) != GS_K_INT && GS_KIND(v) != GS_K_BOOL)
            break;
        gs_Range *r = (gs_Range *)c;
        int64_t x = GS_KIND(v) == GS_K_INT ? ((gs_Int *)v)->value : v == vm->true_;
        if (r->len == 0)
            return 0;
        if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
            return 0;
        return (x - r->start) % r->step == 0;
    }
    case GS_K_LIST:
    case GS_K_TUPLE: {
        for (int32_t i = 0;; i++) {
            int32_t n = GS_KIND(c) == GS_K_LIST ? ((gs_List *)c)->len : ((gs_Tuple *)c)->len;
            if (i >= n)
                return 0;
            gs_Object *item = GS_KIND(c) == GS_K_LIST ? ((gs_List *)c)->items[i] : ((gs_Tuple *)c)->items[i];
            if (item == v)
                return 1;
            gs_incref(vm, item);
            int eq = gs_equal(vm, item, v);
            gs_decref(vm, item);
            if (eq)
                return eq;
        }
    }
    case GS_K_ITER:
        if (c->type == vm->t_dict_keys)
            return gs_contains(vm, ((gs_Iter *)c)->seq, v);
        if (c->type == vm->t_dict_items) {
            if (GS_KIND(v) != GS_K_TUPLE || ((gs_Tuple *)v)->len != 2)
                return 0;
            gs_Object *have = gs_dict_get(vm, ((gs_Iter *)c)->seq, ((gs_Tuple *)v)->items[0]);
            if (!have)
                return vm->exc ? -1 : 0;
            gs_incref(vm, have);
            int eq = gs_equal(vm, have, ((gs_Tuple *)v)->items[1]);
            gs_decref(vm, have);
            return eq;
        }
        break;
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: {
        gs_Object *m = gs_type_lookup(c->type, vm->s___contains__);
        if (m) {
            gs_Object *args[2] = { c, v };
            gs_Object *r = gs_call_object(vm, m, args, 2, NULL);
            if (!r)
                return -1;
            int t = gs_truthy(vm, r);
            gs_decref(vm, r);
            return t;
        }
        break;
    }
    default:
        break;
    }
    /* fall back to iteration */
    gs_Object *it = gs_iter(vm, c);
    if (!it) {
        if (gs_exc_matches(vm, vm->e_TypeError)) {
            gs_clear_exc(vm);
            gs_raise(vm, vm->e_TypeError, "argument of type '%s' is not iterable", gs_type_name(c));
        }
        return -1;
    }
    for (;;) {
        gs_Object *item = gs_next(vm, it);
        if (!item)
            break;
        int eq = item == v ? 1 : gs_equal(vm, item, v);
        gs_decref(vm, item);
        if (eq) {
            gs_decref(vm, it);
            return eq;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

void gs_containers_init(gs_VM *vm) { GS_UNUSED(vm); }
