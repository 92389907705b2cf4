/*
 * list.c — list objects: slots, growth, sorting and the methods of list.
 * 
 * Every slot change is an event: REF_SET for a slot that gets a new target,
 * LIST_INSERT / LIST_REMOVE when later slots shift.  The reference a slot
 * holds is taken and dropped with the slot as its cause, so the viewer can
 * draw "list #3 [1] ──► obj" and explain each count.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== list */

/* ------------------------------------------------------------------ capacity
 *
 * A list's item array follows CPython 3.11's exactly (Objects/listobject.c),
 * because sys.getsizeof(l) = 56 + 8 * allocated shows it and tracemalloc
 * counts its bytes.  Two facts matter: `cap` (CPython's allocated) and
 * whether the array exists at all (items == NULL is CPython's ob_item ==
 * NULL: a new empty list, or one emptied by clear()).  A list shrunk to
 * nothing by pop() keeps an array of no slots (CPython's realloc(p, 0)
 * returns a block), and a later extend() sees the difference. */

static size_t list_bytes(int64_t cap) { return 56 + 8 * (size_t)cap; }

/* Give the list `cap` slots (0: an array of none), keeping the items; the
 * size change is a resize event and a realloc for tracemalloc. */
static int list_set_cap(gs_VM *vm, gs_List *l, int64_t cap)
{
    if (cap > (1 << 28)) {
        gs_raise_memory(vm);
        return -1;
    }
    if (cap > l->cap && vm->heap_bytes + (size_t)(cap - l->cap) * sizeof(gs_Object *) > vm->heap_limit) {
        gs_raise_memory(vm);
        return -1;
    }
    gs_Object **items = realloc(l->items, (size_t)(cap ? cap : 1) * sizeof(gs_Object *));
    if (!items) {
        gs_raise_memory(vm);
        return -1;
    }
    vm->heap_bytes += (size_t)cap * sizeof(gs_Object *);
    vm->heap_bytes -= (size_t)l->cap * sizeof(gs_Object *);
    int64_t old = l->cap;
    bool had = l->items != NULL;
    l->items = items;
    l->cap = (int32_t)cap;
    if (old != cap || !had)
        gs_size_changed(vm, &l->ob, list_bytes(old), list_bytes(cap));
    if (vm->tm)
        gs_tm_block(vm, &l->ob, GS_TM_ITEMS, (size_t)cap * sizeof(gs_Object *), had);
    return 0;
}

/* CPython's list_resize(l, newsize), for the array only: the caller moves
 * the items and sets len.  Over-allocates on growth (newsize + newsize/8 +
 * 6, rounded down to 4; a big jump gets no extra), shrinks only below half
 * the allocation. */
int gs_list_resize(gs_VM *vm, gs_Object *lo, int64_t newsize)
{
    gs_List *l = (gs_List *)lo;
    int64_t allocated = l->cap;
    if (allocated >= newsize && newsize >= (allocated >> 1))
        return 0;
    int64_t cap = (newsize + (newsize >> 3) + 6) & ~(int64_t)3;
    if (newsize - l->len > cap - newsize)
        cap = (newsize + 3) & ~(int64_t)3;
    if (newsize == 0)
        cap = 0;
    return list_set_cap(vm, l, cap);
}

/* list_preallocate_exact: a list with no array yet gets exactly n slots,
 * rounded up to even (extend() and list() of a sized iterable). */
static int list_prealloc_exact(gs_VM *vm, gs_List *l, int64_t n)
{
    return list_set_cap(vm, l, (n + 1) & ~(int64_t)1);
}

/* list_new_prealloc / PyList_New(n): exactly n slots. */
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
        vm->heap_bytes += (size_t)len * sizeof(gs_Object *);
        memset(l->items, 0, (size_t)len * sizeof(gs_Object *));
    }
    gs_record_alloc(vm, &l->ob);
    if (vm->tm && len > 0)
        gs_tm_block(vm, &l->ob, GS_TM_ITEMS, (size_t)len * sizeof(gs_Object *), false);
    gs_gc_track(vm, &l->ob);
    return &l->ob;
}

/* A constant display of three or more items ([1, 2, 3]): CPython compiles
 * it as BUILD_LIST 0, LOAD_CONST (1, 2, 3), LIST_EXTEND, whose array is
 * preallocated to an even number of slots. */
gs_Object *gs_list_new_even(gs_VM *vm, int32_t len)
{
    gs_Object *l = gs_list_new(vm, len);
    if (!l || (len & 1) == 0)
        return l;
    if (list_set_cap(vm, (gs_List *)l, (int64_t)len + 1) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    ((gs_List *)l)->items[len] = NULL;
    return l;
}

/* An empty list with room for `cap` items (str.split's PyList_New(12)
 * whose size is set to the items it got). */
gs_Object *gs_list_new_cap(gs_VM *vm, int32_t cap)
{
    gs_Object *l = gs_list_new(vm, 0);
    if (l && cap > 0 && list_set_cap(vm, (gs_List *)l, cap) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    return l;
}

/* A display of more than 30 items: BUILD_LIST 0 and LIST_APPEND each, so
 * the array has the capacity n appends give. */
gs_Object *gs_list_new_grown(gs_VM *vm, int32_t len)
{
    int64_t cap = 0;
    for (int64_t k = 1; k <= len; k++)
        if (k > cap) {
            cap = (k + (k >> 3) + 6) & ~(int64_t)3;
            if (k - (k - 1) > cap - k)
                cap = (k + 3) & ~(int64_t)3;
        }
    gs_Object *l = gs_list_new(vm, len);
    if (!l || cap == len)
        return l;
    if (list_set_cap(vm, (gs_List *)l, cap) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    memset(((gs_List *)l)->items + len, 0, (size_t)(cap - len) * sizeof(gs_Object *));
    return l;
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
    gs_rec_set(vm, l, GS_CAUSE_SLOT, (uint32_t)i, NULL, v);
}

int gs_list_append(gs_VM *vm, gs_Object *lo, gs_Object *v)
{
    gs_List *l = (gs_List *)lo;
    if (l->len == l->cap && gs_list_resize(vm, lo, (int64_t)l->len + 1) < 0)
        return -1;
    gs_incref_c(vm, v, gs_slot_cause(lo, l->len));
    l->items[l->len] = v;
    gs_rec_insert(vm, lo, l->len, v);
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
    if (gs_list_resize(vm, lo, (int64_t)l->len + 1) < 0)
        return -1;
    memmove(l->items + i + 1, l->items + i, (size_t)(l->len - i) * sizeof(gs_Object *));
    gs_incref_c(vm, v, gs_slot_cause(lo, i));
    l->items[i] = v;
    l->len++;
    gs_rec_insert(vm, lo, i, v);
    return 0;
}

/* Take slot i out (its reference becomes the caller's) and shrink the
 * array as CPython does: list_resize(n - 1), or, from list_ass_slice
 * (`del l[i]`, remove, pop of another slot than the last), no array at all
 * when the list becomes empty. */
static gs_Object *list_take(gs_VM *vm, gs_List *l, int64_t i, bool slice)
{
    gs_Object *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(gs_Object *));
    gs_rec_remove(vm, &l->ob, i, v);
    if (slice && l->len == 1) {
        l->len = 0;
        gs_list_drop_array(vm, &l->ob);
    } else {
        gs_list_resize(vm, &l->ob, (int64_t)l->len - 1); /* a shrink: cannot fail */
        l->len--;
    }
    return v;
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
    return list_take(vm, l, i, i != l->len - 1);
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
    gs_Object *v = list_take(vm, l, i, true);
    gs_decref_c(vm, v, gs_slot_cause(lo, i));
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
    gs_incref_c(vm, v, gs_slot_cause(lo, i));
    l->items[i] = v;
    gs_rec_set(vm, lo, GS_CAUSE_SLOT, (uint32_t)i, old, v);
    gs_decref_c(vm, old, gs_slot_cause(lo, i));
    return 0;
}

/* The list (already empty) lets go of its array: CPython's ob_item = NULL,
 * allocated 0 (_list_clear). */
void gs_list_drop_array(gs_VM *vm, gs_Object *lo)
{
    gs_List *l = (gs_List *)lo;
    if (!l->items)
        return;
    gs_size_changed(vm, lo, list_bytes(l->cap), list_bytes(0));
    if (vm->tm)
        gs_tm_free(vm, lo, GS_TM_ITEMS);
    vm->heap_bytes -= (size_t)l->cap * sizeof(gs_Object *);
    free(l->items);
    l->items = NULL;
    l->cap = 0;
}

void gs_list_clear(gs_VM *vm, gs_Object *lo)
{
    gs_List *l = (gs_List *)lo;
    /* Detach first, as CPython's list_clear does: a __del__ run by a decref
     * must see the list already empty. */
    gs_Object **items = l->items;
    int32_t n = l->len, cap = l->cap;
    if (!items)
        return;
    l->items = NULL;
    l->len = l->cap = 0;
    for (int32_t i = n - 1; i >= 0; i--)
        gs_rec_remove(vm, lo, i, items[i]);
    gs_size_changed(vm, lo, list_bytes(cap), list_bytes(0));
    if (vm->tm)
        gs_tm_free(vm, lo, GS_TM_ITEMS);
    for (int32_t i = n - 1; i >= 0; i--) /* last item first, like CPython */
        gs_decref_c(vm, items[i], gs_slot_cause(lo, i));
    vm->heap_bytes -= (size_t)cap * sizeof(gs_Object *);
    free(items);
}

/* list.extend(iterable) (list_extend): a list or tuple is copied with one
 * resize (a list with no array yet gets exactly what it needs, rounded to
 * even); anything else is iterated, with room made first for its length
 * hint (8 when it has none) and the spare room given back at the end. */
int gs_list_extend(gs_VM *vm, gs_Object *lo, gs_Object *iterable)
{
    gs_List *l = (gs_List *)lo;
    /* CPython copies exact lists and tuples (and the list itself) directly,
     * and iterates anything else, subclasses too */
    if (iterable->type == vm->t_list || iterable->type == vm->t_tuple || iterable == lo) {
        int32_t n = GS_KIND(iterable) == GS_K_LIST ? ((gs_List *)iterable)->len : ((gs_Tuple *)iterable)->len;
        if (n == 0)
            return 0;
        int64_t need = (int64_t)l->len + n;
        if (!l->items ? list_prealloc_exact(vm, l, n) < 0 : gs_list_resize(vm, lo, need) < 0)
            return -1;
        /* l.extend(l) reads the items as they were */
        for (int32_t i = 0; i < n; i++) {
            gs_Object *v = GS_KIND(iterable) == GS_K_LIST ? ((gs_List *)iterable)->items[i]
                                                          : ((gs_Tuple *)iterable)->items[i];
            gs_incref_c(vm, v, gs_slot_cause(lo, l->len));
            l->items[l->len] = v;
            gs_rec_insert(vm, lo, l->len, v);
            l->len++;
        }
        return 0;
    }
    gs_Object *it = gs_iter(vm, iterable);
    if (!it)
        return -1;
    int64_t hint = gs_length_hint(vm, iterable, 8);
    if (hint < 0) {
        gs_decref(vm, it);
        return -1;
    }
    if (!l->items) {
        if (hint && list_prealloc_exact(vm, l, hint) < 0) {
            gs_decref(vm, it);
            return -1;
        }
    } else if (gs_list_resize(vm, lo, (int64_t)l->len + hint) < 0) {
        gs_decref(vm, it);
        return -1;
    }
    for (;;) {
        gs_Object *v = gs_next(vm, it);
        if (!v)
            break;
        int r = gs_list_append(vm, lo, v);
        gs_decref(vm, v);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    if (vm->exc)
        return -1;
    if (l->len < l->cap)
        gs_list_resize(vm, lo, l->len);
    return 0;
}

/* l[start:stop] = src[:m] (src NULL: del l[start:stop]), step 1, as
 * list_ass_slice: the old items leave from the last (each decref'd as it
 * goes), the new ones come in order, and the array is resized once, as
 * CPython's: before a net growth, after a net shrink, not at all when the
 * length stays; a list left empty has no array. */
int gs_list_assign_slice(gs_VM *vm, gs_Object *lo, int64_t start, int64_t stop, gs_Object **src, int32_t m)
{
    gs_List *l = (gs_List *)lo;
    int64_t norig = stop - start, d = m - norig;
    if (d > 0 && gs_list_resize(vm, lo, (int64_t)l->len + d) < 0)
        return -1;
    for (int64_t i = stop - 1; i >= start; i--) {
        gs_Object *v = l->items[i];
        memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(gs_Object *));
        l->len--;
        gs_rec_remove(vm, lo, i, v);
        gs_decref_c(vm, v, gs_slot_cause(lo, i));
    }
    for (int32_t j = 0; j < m; j++) {
        int64_t i = start + j;
        gs_Object *v = src[j];
        memmove(l->items + i + 1, l->items + i, (size_t)(l->len - i) * sizeof(gs_Object *));
        gs_incref_c(vm, v, gs_slot_cause(lo, i));
        l->items[i] = v;
        l->len++;
        gs_rec_insert(vm, lo, i, v);
    }
    if (l->len == 0)
        gs_list_drop_array(vm, lo);
    else if (d < 0)
        gs_list_resize(vm, lo, l->len);
    return 0;
}

/* PySequence_List: a new list extended by the iterable (list(), sorted(),
 * a starred assignment). */
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

/* l.copy(), l[:]: exactly len(l) slots (list_slice). */
gs_Object *gs_list_copy(gs_VM *vm, gs_Object *lo)
{
    gs_List *l = (gs_List *)lo;
    int32_t n = l->len;
    gs_Object *r = gs_list_new(vm, n);
    if (!r)
        return NULL;
    for (int32_t i = 0; i < n && i < l->len; i++) {
        gs_Object *v = l->items[i];
        gs_incref(vm, v);
        gs_list_init(vm, r, i, v);
    }
    return r;
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

/* ================================================================== sorting (stable merge sort) */

typedef struct SortItem {
    gs_Object *key;
    gs_Object *value;
} SortItem;

static int sort_less(gs_VM *vm, gs_Object *a, gs_Object *b, int *lt)
{
    gs_Object *r = gs_compare(vm, 0, a, b);
    if (!r)
        return -1;
    *lt = gs_truthy(vm, r);
    gs_decref(vm, r);
    return *lt < 0 ? -1 : 0;
}

static int merge_sort(gs_VM *vm, SortItem *a, SortItem *tmp, size_t n)
{
    if (n < 2)
        return 0;
    size_t h = n / 2;
    if (merge_sort(vm, a, tmp, h) < 0 || merge_sort(vm, a + h, tmp, n - h) < 0)
        return -1;
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        int lt;
        if (sort_less(vm, a[j].key, a[i].key, &lt) < 0)
            return -1;
        tmp[k++] = lt ? a[j++] : a[i++];
    }
    while (i < h)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
    return 0;
}

/* CPython's timsort on fewer than 64 items: one natural run (count_run),
 * then binary insertion of the rest.  Same comparisons in the same order,
 * so a comparison that fails names the same two types. */
static int small_sort(gs_VM *vm, SortItem *a, size_t n)
{
    if (n < 2)
        return 0;
    size_t run = 2;
    int lt;
    if (sort_less(vm, a[1].key, a[0].key, &lt) < 0)
        return -1;
    if (lt) {
        while (run < n) {
            if (sort_less(vm, a[run].key, a[run - 1].key, &lt) < 0)
                return -1;
            if (!lt)
                break;
            run++;
        }
        for (size_t i = 0; i < run / 2; i++) {
            SortItem t = a[i];
            a[i] = a[run - 1 - i];
            a[run - 1 - i] = t;
        }
    } else {
        while (run < n) {
            if (sort_less(vm, a[run].key, a[run - 1].key, &lt) < 0)
                return -1;
            if (lt)
                break;
            run++;
        }
    }
    for (size_t start = run; start < n; start++) {
        SortItem pivot = a[start];
        size_t l = 0, r = start;
        do {
            size_t p = l + ((r - l) >> 1);
            if (sort_less(vm, pivot.key, a[p].key, &lt) < 0)
                return -1;
            if (lt)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        memmove(&a[l + 1], &a[l], (start - l) * sizeof *a);
        a[l] = pivot;
    }
    return 0;
}

int gs_list_sort(gs_VM *vm, gs_Object *lo, gs_Object *key, bool reverse)
{
    gs_List *l = (gs_List *)lo;
    size_t n = (size_t)l->len;
    if (n < 2)
        return 0;
    SortItem *items = malloc(n * sizeof *items);
    SortItem *tmp = malloc(n * sizeof *tmp);
    if (!items || !tmp) {
        free(items);
        free(tmp);
        gs_raise_memory(vm);
        return -1;
    }
    /* take the items out (CPython empties the list while sorting) */
    gs_Object **saved = l->items;
    int32_t saved_len = l->len, saved_cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    if (vm->recording) /* the trace sees it empty too (the references stay counted) */
        for (int32_t i = saved_len - 1; i >= 0; i--)
            gs_record(vm, GS_EV_LIST_REMOVE, GS_CAUSE_SLOT, lo->id, saved[i]->id, 0, (uint32_t)i);
    /* and with no array: a key function that appends to it grows it from
     * nothing (the sorted array comes back below) */
    gs_size_changed(vm, lo, list_bytes(saved_cap), list_bytes(0));
    int rc = 0;
    size_t nkeys = 0;
    /* CPython keeps the keys of 128 items or more in a block of its own
     * (fewer fit in its merge state's temporary array) */
    uintptr_t keys_block = key && n >= 128 && vm->tm ? gs_tm_new_block(vm, n * sizeof(gs_Object *)) : 0;
    for (size_t i = 0; i < n; i++) {
        items[i].value = saved[i];
        if (key) {
            items[i].key = gs_call_object(vm, key, &saved[i], 1, NULL);
            if (!items[i].key) {
                rc = -1;
                break;
            }
            nkeys++;
        } else
            items[i].key = saved[i];
    }
    if (rc == 0 && reverse)
        for (size_t i = 0; i < n / 2; i++) {
            SortItem t = items[i];
            items[i] = items[n - 1 - i];
            items[n - 1 - i] = t;
        }
    if (rc == 0)
        rc = n < 64 ? small_sort(vm, items, n) : merge_sort(vm, items, tmp, n);
    if (rc == 0 && reverse)
        for (size_t i = 0; i < n / 2; i++) {
            SortItem t = items[i];
            items[i] = items[n - 1 - i];
            items[n - 1 - i] = t;
        }
    bool modified = l->items != NULL;
    if (rc == 0)
        for (size_t i = 0; i < n; i++)
            saved[i] = items[i].value;
    if (key)
        for (size_t i = 0; i < nkeys; i++)
            gs_decref(vm, items[i].key);
    if (keys_block && vm->tm)
        gs_tm_drop_block(vm, keys_block);
    free(items);
    free(tmp);
    if (modified) {
        gs_list_clear(vm, lo);
        if (rc == 0) {
            gs_raise(vm, vm->e_ValueError, "list modified during sort");
            rc = -1;
        }
    }
    l->items = saved;
    l->len = saved_len;
    l->cap = saved_cap;
    gs_size_changed(vm, lo, list_bytes(0), list_bytes(saved_cap));
    if (vm->recording)
        for (int32_t i = 0; i < l->len; i++)
            gs_record(vm, GS_EV_LIST_INSERT, GS_CAUSE_SLOT, lo->id, 0, l->items[i]->id, (uint32_t)i);
    return rc;
}

/* ================================================================== list methods */

#define SELF_LIST ((gs_List *)self)

static gs_Object *m_list_append(GS_ARGS) { GS_UNUSED_ARGS; return gs_list_append(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }
static gs_Object *m_list_extend(GS_ARGS) { GS_UNUSED_ARGS; return gs_list_extend(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }
static gs_Object *m_list_clear(GS_ARGS) { GS_UNUSED_ARGS; gs_list_clear(vm, self); return GS_NONE(vm); }
static gs_Object *m_list_copy(GS_ARGS) { GS_UNUSED_ARGS; return gs_list_copy(vm, self); }

static gs_Object *m_list_insert(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t i = 0;
    if (gs_as_int(vm, args[0], &i) < 0)
        return NULL;
    return gs_list_insert(vm, self, i, args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *m_list_pop(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t i = -1;
    if (nargs && gs_as_int(vm, args[0], &i) < 0)
        return NULL;
    return gs_list_pop(vm, self, i);
}

static int64_t seq_index(gs_VM *vm, gs_Object *seq, gs_Object *v, int64_t start, int64_t stop)
{
    for (int64_t i = start;; i++) {
        int32_t n = GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->len : ((gs_Tuple *)seq)->len;
        if (i >= n || i >= stop)
            return -1;
        gs_Object *x = GS_KIND(seq) == GS_K_LIST ? ((gs_List *)seq)->items[i] : ((gs_Tuple *)seq)->items[i];
        gs_incref(vm, x);
        int eq = gs_equal(vm, x, v);
        gs_decref(vm, x);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
}

static gs_Object *m_list_remove(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t i = seq_index(vm, self, args[0], 0, INT64_MAX);
    if (i == -2)
        return NULL;
    if (i < 0) {
        gs_raise(vm, vm->e_ValueError, "list.remove(x): x not in list");
        return NULL;
    }
    return gs_list_delitem(vm, self, i) < 0 ? NULL : GS_NONE(vm);
}

gs_Object *gs_seq_index_method(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int32_t len = GS_KIND(self) == GS_K_LIST ? SELF_LIST->len : ((gs_Tuple *)self)->len;
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 1 && gs_as_int(vm, args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && gs_as_int(vm, args[2], &stop) < 0)
        return NULL;
    if (start < 0) { start += len; if (start < 0) start = 0; }
    if (stop < 0) { stop += len; if (stop < 0) stop = 0; }
    int64_t i = seq_index(vm, self, args[0], start, stop);
    if (i == -2)
        return NULL;
    if (i < 0) {
        if (GS_KIND(self) == GS_K_LIST) {
            gs_Object *r = gs_repr(vm, args[0]);
            if (!r)
                return NULL;
            gs_raise(vm, vm->e_ValueError, "%s is not in list", ((gs_Str *)r)->data);
            gs_decref(vm, r);
        } else
            gs_raise(vm, vm->e_ValueError, "tuple.index(x): x not in tuple");
        return NULL;
    }
    return gs_int_new(vm, i);
}

gs_Object *gs_seq_count_method(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t c = 0;
    for (int64_t i = 0;; i++) {
        int32_t n = GS_KIND(self) == GS_K_LIST ? SELF_LIST->len : ((gs_Tuple *)self)->len;
        if (i >= n)
            break;
        gs_Object *x = GS_KIND(self) == GS_K_LIST ? SELF_LIST->items[i] : ((gs_Tuple *)self)->items[i];
        gs_incref(vm, x);
        int eq = gs_equal(vm, x, args[0]);
        gs_decref(vm, x);
        if (eq < 0)
            return NULL;
        c += eq;
    }
    return gs_int_new(vm, c);
}

static gs_Object *m_list_reverse(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_List *l = SELF_LIST;
    for (int32_t i = 0; i < l->len / 2; i++) {
        gs_Object *t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    if (vm->recording) /* slot i held what slot len-1-i holds now */
        for (int32_t i = 0; i < l->len; i++)
            if (l->items[i] != l->items[l->len - 1 - i])
                gs_record(vm, GS_EV_REF_SET, GS_CAUSE_SLOT, self->id, l->items[l->len - 1 - i]->id, l->items[i]->id,
                          (uint32_t)i);
    return GS_NONE(vm);
}

static gs_Object *m_list_sort(GS_ARGS)
{
    static const char *allowed[] = { "key", "reverse", NULL };
    if (gs_check_kw_allowed(vm, "sort", kwnames, allowed) < 0)
        return NULL;
    if (gs_npos(nargs, kwnames) > 0) {
        gs_raise(vm, vm->e_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    if (kwnames && kwnames->len)
        gs_clinic_parser_init(vm, GS_CLINIC_LIST_SORT, 2); /* key, reverse */
    gs_Object *key = gs_kwarg(vm, args, nargs, kwnames, "key");
    gs_Object *rev = gs_kwarg(vm, args, nargs, kwnames, "reverse");
    int r = rev ? gs_truthy(vm, rev) : 0;
    if (r < 0)
        return NULL;
    if (gs_list_sort(vm, self, key == vm->none ? NULL : key, r) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* ================================================================== the methods of list */

static const gs_MethodDef list_methods[] = {
    { "append", m_list_append, 1, 1, false }, { "extend", m_list_extend, 1, 1, false },
    { "insert", m_list_insert, 2, 2, false }, { "pop", m_list_pop, 0, 1, false },
    { "remove", m_list_remove, 1, 1, false }, { "clear", m_list_clear, 0, 0, false },
    { "index", gs_seq_index_method, 1, 3, false }, { "count", gs_seq_count_method, 1, 1, false },
    { "copy", m_list_copy, 0, 0, false }, { "reverse", m_list_reverse, 0, 0, false },
    { "sort", m_list_sort, 0, -1, true }, { NULL, NULL, 0, 0, false },
};

void gs_list_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_list, list_methods); }
