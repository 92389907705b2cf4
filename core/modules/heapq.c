/*
 * heapq.c — the heapq module: the C half (Modules/_heapqmodule.c:
 * heappush, heappop, heapify, heapreplace, heappushpop and the max-heap
 * variants) and the Python half (Lib/heapq.py: nsmallest, nlargest,
 * merge), step for step.  The sift loops compare the same pairs in the
 * same order as CPython's, holding the same extra references while `<`
 * runs (a class printing sys.getrefcount(self) from __lt__ prints the
 * same), and move items between the list's slots without touching their
 * counts, as CPython does; each move is a slot event in the trace.
 * nsmallest and nlargest decorate with the same (value, order) tuples and
 * heapify the same way; merge is a generator over a heap of
 * [value, order, iterator] lists.
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

/* ================================================================== sifting (the C half) */

/* arr[i] = v with no count change: a reference moves between slots */
static void slot_store(gs_VM *vm, gs_Object *l, int64_t i, gs_Object *v)
{
    gs_Object *old = ((gs_List *)l)->items[i];
    ((gs_List *)l)->items[i] = v;
    gs_rec_set(vm, l, GS_CAUSE_SLOT, (uint32_t)i, old, v);
}

static int64_t list_len(gs_Object *l) { return ((gs_List *)l)->len; }
static gs_Object *item(gs_Object *l, int64_t i) { return ((gs_List *)l)->items[i]; }

/* PyObject_RichCompareBool(a, b, Py_LT) with both held meanwhile */
static int held_lt(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_incref(vm, a);
    gs_incref(vm, b);
    int r = gs_compare_bool(vm, GS_CMP_LT, a, b);
    gs_decref(vm, b);
    gs_decref(vm, a);
    return r;
}

static int changed_size(gs_VM *vm)
{
    gs_raise(vm, vm->e_RuntimeError, "list changed size during iteration");
    return -1;
}

static int siftdown(gs_VM *vm, gs_Object *heap, int64_t startpos, int64_t pos, bool max)
{
    int64_t size = list_len(heap);
    if (pos >= size) {
        gs_raise(vm, vm->e_IndexError, "index out of range");
        return -1;
    }
    while (pos > startpos) {
        int64_t parentpos = (pos - 1) >> 1;
        gs_Object *newitem = item(heap, pos), *parent = item(heap, parentpos);
        /* the min-heap holds newitem first, the max-heap parent first */
        int cmp;
        if (!max)
            cmp = held_lt(vm, newitem, parent);
        else {
            gs_incref(vm, parent);
            gs_incref(vm, newitem);
            cmp = gs_compare_bool(vm, GS_CMP_LT, parent, newitem);
            gs_decref(vm, parent);
            gs_decref(vm, newitem);
        }
        if (cmp < 0)
            return -1;
        if (size != list_len(heap))
            return changed_size(vm);
        if (cmp == 0)
            break;
        parent = item(heap, parentpos);
        newitem = item(heap, pos);
        slot_store(vm, heap, parentpos, newitem);
        slot_store(vm, heap, pos, parent);
        pos = parentpos;
    }
    return 0;
}

static int siftup(gs_VM *vm, gs_Object *heap, int64_t pos, bool max)
{
    int64_t endpos = list_len(heap), startpos = pos;
    if (pos >= endpos) {
        gs_raise(vm, vm->e_IndexError, "index out of range");
        return -1;
    }
    int64_t limit = endpos >> 1;
    while (pos < limit) {
        int64_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            gs_Object *a = max ? item(heap, childpos + 1) : item(heap, childpos);
            gs_Object *b = max ? item(heap, childpos) : item(heap, childpos + 1);
            int cmp = held_lt(vm, a, b);
            if (cmp < 0)
                return -1;
            childpos += cmp ^ 1;
            if (endpos != list_len(heap))
                return changed_size(vm);
        }
        gs_Object *tmp1 = item(heap, childpos), *tmp2 = item(heap, pos);
        slot_store(vm, heap, childpos, tmp2);
        slot_store(vm, heap, pos, tmp1);
        pos = childpos;
    }
    return siftdown(vm, heap, startpos, pos, max);
}

static gs_Object *heappop_internal(gs_VM *vm, gs_Object *heap, bool max)
{
    int64_t n = list_len(heap);
    if (n == 0) {
        gs_raise(vm, vm->e_IndexError, "index out of range");
        return NULL;
    }
    gs_Object *lastelt = gs_list_pop(vm, heap, n - 1);
    if (!lastelt)
        return NULL;
    n--;
    if (!n)
        return lastelt;
    gs_Object *returnitem = item(heap, 0);
    slot_store(vm, heap, 0, lastelt); /* the popped reference moves into slot 0 */
    if (siftup(vm, heap, 0, max) < 0) {
        gs_decref(vm, returnitem);
        return NULL;
    }
    return returnitem;
}

static gs_Object *heapreplace_internal(gs_VM *vm, gs_Object *heap, gs_Object *newitem, bool max)
{
    if (list_len(heap) == 0) {
        gs_raise(vm, vm->e_IndexError, "index out of range");
        return NULL;
    }
    gs_Object *returnitem = item(heap, 0);
    gs_incref_c(vm, newitem, gs_slot_cause(heap, 0));
    slot_store(vm, heap, 0, newitem);
    if (siftup(vm, heap, 0, max) < 0) {
        gs_decref(vm, returnitem);
        return NULL;
    }
    return returnitem;
}

static int64_t keep_top_bit(int64_t n)
{
    int i = 0;
    while (n > 1) {
        n >>= 1;
        i++;
    }
    return n << i;
}

static int heapify_internal(gs_VM *vm, gs_Object *heap, bool max)
{
    int64_t n = list_len(heap);
    if (n > 2500) { /* cache_friendly_heapify: the same heap, siftups in another order */
        int64_t m = n >> 1, leftmost = keep_top_bit(m + 1) - 1, mhalf = m >> 1;
        for (int64_t i = leftmost - 1; i >= mhalf; i--)
            for (int64_t j = i;; j >>= 1) {
                if (siftup(vm, heap, j, max) < 0)
                    return -1;
                if (!(j & 1))
                    break;
            }
        for (int64_t i = m - 1; i >= leftmost; i--)
            for (int64_t j = i;; j >>= 1) {
                if (siftup(vm, heap, j, max) < 0)
                    return -1;
                if (!(j & 1))
                    break;
            }
        return 0;
    }
    for (int64_t i = (n >> 1) - 1; i >= 0; i--)
        if (siftup(vm, heap, i, max) < 0)
            return -1;
    return 0;
}

/* ------------------------------------------------------------------ the C functions' argument checks */

static int list_arg(gs_VM *vm, const char *fname, const char *which, gs_Object *o)
{
    if (gs_isinstance(o, vm->t_list))
        return 0;
    gs_raise(vm, vm->e_TypeError, "%s() argument%s%s must be list, not %s", fname, which ? " " : "", which ? which : "",
             gs_type_name(o));
    return -1;
}

/* METH_O: one list */
static int one_list(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    char full[64];
    snprintf(full, sizeof full, "_heapq.%s", fname);
    if (gs_onearg(vm, full, nargs, kwnames) < 0)
        return -1;
    return list_arg(vm, fname, NULL, args[0]);
}

/* METH_FASTCALL: a list and an item */
static int list_and_item(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "_heapq.%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "%s expected 2 arguments, got %d", fname, nargs);
        return -1;
    }
    return list_arg(vm, fname, "1", args[0]);
}

static gs_Object *h_heappush(GS_ARGS)
{
    GS_UNUSED(self);
    if (list_and_item(vm, "heappush", args, nargs, kwnames) < 0)
        return NULL;
    gs_Object *heap = args[0];
    if (gs_list_append(vm, heap, args[1]) < 0 || siftdown(vm, heap, 0, list_len(heap) - 1, false) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *h_heappop(GS_ARGS)
{
    GS_UNUSED(self);
    return one_list(vm, "heappop", args, nargs, kwnames) < 0 ? NULL : heappop_internal(vm, args[0], false);
}

static gs_Object *h_heappop_max(GS_ARGS)
{
    GS_UNUSED(self);
    return one_list(vm, "_heappop_max", args, nargs, kwnames) < 0 ? NULL : heappop_internal(vm, args[0], true);
}

static gs_Object *h_heapify(GS_ARGS)
{
    GS_UNUSED(self);
    if (one_list(vm, "heapify", args, nargs, kwnames) < 0 || heapify_internal(vm, args[0], false) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *h_heapify_max(GS_ARGS)
{
    GS_UNUSED(self);
    if (one_list(vm, "_heapify_max", args, nargs, kwnames) < 0 || heapify_internal(vm, args[0], true) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *h_heapreplace(GS_ARGS)
{
    GS_UNUSED(self);
    if (list_and_item(vm, "heapreplace", args, nargs, kwnames) < 0)
        return NULL;
    return heapreplace_internal(vm, args[0], args[1], false);
}

static gs_Object *h_heapreplace_max(GS_ARGS)
{
    GS_UNUSED(self);
    if (list_and_item(vm, "_heapreplace_max", args, nargs, kwnames) < 0)
        return NULL;
    return heapreplace_internal(vm, args[0], args[1], true);
}

static gs_Object *h_heappushpop(GS_ARGS)
{
    GS_UNUSED(self);
    if (list_and_item(vm, "heappushpop", args, nargs, kwnames) < 0)
        return NULL;
    gs_Object *heap = args[0], *newitem = args[1];
    if (list_len(heap) == 0)
        return gs_newref(vm, newitem);
    gs_Object *top = item(heap, 0);
    gs_incref(vm, top);
    int cmp = gs_compare_bool(vm, GS_CMP_LT, top, newitem);
    gs_decref(vm, top);
    if (cmp < 0)
        return NULL;
    if (cmp == 0)
        return gs_newref(vm, newitem);
    if (list_len(heap) == 0) {
        gs_raise(vm, vm->e_IndexError, "index out of range");
        return NULL;
    }
    gs_Object *returnitem = item(heap, 0);
    gs_incref_c(vm, newitem, gs_slot_cause(heap, 0));
    slot_store(vm, heap, 0, newitem);
    if (siftup(vm, heap, 0, false) < 0) {
        gs_decref(vm, returnitem);
        return NULL;
    }
    return returnitem;
}

/* ================================================================== nsmallest, nlargest (the Python half) */

/* builtins.NAME(*args, **kw) */
static gs_Object *call_builtin(gs_VM *vm, const char *name, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_Object *f = gs_dict_get_str(vm, vm->builtins, gs_name(vm, name));
    if (!f) {
        gs_raise(vm, vm->e_NameError, "name '%s' is not defined", name);
        return NULL;
    }
    return gs_call(vm, f, args, nargs, kwnames);
}

/* min/max(it, default=sentinel, key=key) for n == 1 */
static gs_Object *extreme_one(gs_VM *vm, gs_Object *iterable, gs_Object *key, bool largest)
{
    gs_Object *it = gs_iter(vm, iterable);
    if (!it)
        return NULL;
    gs_Object *sentinel = gs_instance_new(vm, vm->t_object);
    gs_Object *kw = sentinel ? gs_tuple_pack(vm, 2, gs_name(vm, "default"), gs_name(vm, "key")) : NULL;
    gs_Object *res = NULL;
    if (kw) {
        gs_Object *argv[3] = { it, sentinel, key ? key : vm->none };
        gs_Object *r = call_builtin(vm, largest ? "max" : "min", argv, 3, (gs_Tuple *)kw);
        if (r) {
            res = gs_list_new(vm, 0);
            if (res && r != sentinel && gs_list_append(vm, res, r) < 0) {
                gs_decref(vm, res);
                res = NULL;
            }
            gs_decref(vm, r);
        }
    }
    gs_xdecref(vm, kw);
    gs_xdecref(vm, sentinel);
    gs_decref(vm, it);
    return res;
}

/* the k-th element of a tuple, borrowed */
static gs_Object *titem(gs_Object *t, int k) { return ((gs_Tuple *)t)->items[k]; }

static gs_Object *n_extreme(gs_VM *vm, gs_Object *n, gs_Object *iterable, gs_Object *key, bool largest)
{
    if (key == vm->none)
        key = NULL;
    /* if n == 1: min()/max() */
    int eq1 = gs_equal(vm, n, vm->small_ints[5 + 1]);
    if (eq1 < 0)
        return NULL;
    if (eq1)
        return extreme_one(vm, iterable, key, largest);
    /* try: size = len(iterable) ... if n >= size: sorted()[:n] */
    int64_t size = gs_len(vm, iterable);
    if (size < 0) {
        if (!gs_exc_matches(vm, vm->e_TypeError) && !gs_exc_matches(vm, vm->e_AttributeError))
            return NULL;
        gs_clear_exc(vm);
    } else {
        gs_Object *so = gs_int_new(vm, size);
        int ge = so ? gs_compare_bool(vm, GS_CMP_GE, n, so) : -1;
        gs_xdecref(vm, so);
        if (ge < 0)
            return NULL;
        if (ge) {
            gs_Object *kwv[2] = { key ? key : vm->none, vm->true_ };
            gs_Object *kwn = gs_tuple_pack(vm, largest ? 2 : 1, gs_name(vm, "key"), gs_name(vm, "reverse"));
            gs_Object *sorted = NULL;
            if (kwn) {
                gs_Object *argv[3] = { iterable, kwv[0], kwv[1] };
                sorted = call_builtin(vm, "sorted", argv, largest ? 3 : 2, (gs_Tuple *)kwn);
                gs_decref(vm, kwn);
            }
            if (!sorted)
                return NULL;
            /* [:n] */
            int64_t k;
            if (gs_index_arg(vm, n, &k) < 0) {
                gs_decref(vm, sorted);
                return NULL;
            }
            int64_t len = list_len(sorted);
            if (k < 0)
                k = len + k < 0 ? 0 : len + k;
            while (list_len(sorted) > k) {
                gs_Object *x = gs_list_pop(vm, sorted, list_len(sorted) - 1);
                gs_xdecref(vm, x);
            }
            return sorted;
        }
    }
    /* result = [(elem, i) ...] or [(key(elem), i, elem) ...] for i, elem in zip(range(n), it) */
    int64_t nn;
    if (gs_index_arg(vm, n, &nn) < 0)
        return NULL;
    gs_Object *it = gs_iter(vm, iterable);
    if (!it)
        return NULL;
    gs_Object *result = gs_list_new(vm, 0);
    for (int64_t i = 0; result && i < nn; i++) {
        gs_Object *elem = gs_next(vm, it);
        if (!elem)
            break;
        gs_Object *order = gs_int_new(vm, largest ? -i : i);
        gs_Object *k = key && order ? gs_call(vm, key, &elem, 1, NULL) : NULL;
        gs_Object *t = !order || (key && !k) ? NULL
                       : key ? gs_tuple_pack(vm, 3, k, order, elem)
                             : gs_tuple_pack(vm, 2, elem, order);
        gs_xdecref(vm, k);
        gs_xdecref(vm, order);
        gs_decref(vm, elem);
        if (!t || gs_list_append(vm, result, t) < 0) {
            gs_xdecref(vm, t);
            gs_decref(vm, result);
            result = NULL;
            break;
        }
        gs_decref(vm, t);
    }
    if (!result || vm->exc) {
        gs_xdecref(vm, result);
        gs_decref(vm, it);
        return NULL;
    }
    if (list_len(result) == 0) {
        gs_decref(vm, it);
        return result;
    }
    /* nsmallest keeps a max-heap of the n smallest, nlargest a min-heap */
    if (heapify_internal(vm, result, !largest) < 0)
        goto fail;
    /* the Python loop's locals: top (and _elem with a key); each operand
     * of `<` is also held by the value stack while it runs */
    gs_Object *top = gs_newref(vm, titem(item(result, 0), 0));
    gs_Object *top_elem = NULL;
    /* elem and k stay bound after the loop, until the function returns */
    gs_Object *last_elem = NULL, *last_k = NULL;
    int64_t order = largest ? -nn : nn;
    gs_Object *elem;
    while ((elem = gs_next(vm, it)) != NULL) {
        gs_xdecref(vm, last_elem);
        last_elem = NULL;
        gs_Object *k = key ? gs_call(vm, key, &elem, 1, NULL) : NULL;
        gs_xdecref(vm, last_k);
        last_k = NULL;
        gs_Object *kk = key ? k : elem;
        int better = -1;
        if (kk) {
            gs_incref(vm, largest ? top : kk);
            gs_incref(vm, largest ? kk : top);
            better = largest ? gs_compare_bool(vm, GS_CMP_LT, top, kk) : gs_compare_bool(vm, GS_CMP_LT, kk, top);
            gs_decref(vm, largest ? kk : top);
            gs_decref(vm, largest ? top : kk);
        }
        if (better > 0) {
            gs_Object *oo = gs_int_new(vm, order);
            gs_Object *t = !oo ? NULL : key ? gs_tuple_pack(vm, 3, k, oo, elem) : gs_tuple_pack(vm, 2, elem, oo);
            gs_xdecref(vm, oo);
            gs_Object *old = t ? heapreplace_internal(vm, result, t, !largest) : NULL;
            gs_xdecref(vm, t);
            if (!old)
                better = -1;
            else {
                gs_decref(vm, old);
                /* top, _order[, _elem] = result[0] */
                gs_Object *first = item(result, 0);
                gs_Object *ntop = gs_newref(vm, titem(first, 0));
                gs_decref(vm, top);
                top = ntop;
                if (key) {
                    gs_Object *ne = gs_newref(vm, titem(first, 2));
                    gs_xdecref(vm, top_elem);
                    top_elem = ne;
                }
                order += largest ? -1 : 1;
            }
        }
        last_k = k;
        last_elem = elem;
        if (better < 0)
            break;
    }
    bool failed = vm->exc != NULL;
    if (!failed && gs_list_sort(vm, result, NULL, largest) < 0)
        failed = true;
    gs_xdecref(vm, top_elem);
    gs_xdecref(vm, last_k);
    gs_xdecref(vm, last_elem);
    if (failed) {
        gs_decref(vm, top);
        goto fail;
    }
    gs_decref(vm, top);
    gs_decref(vm, it);
    /* [elem for (elem, order) in result] */
    gs_Object *out = gs_list_new(vm, 0);
    for (int64_t i = 0; out && i < list_len(result); i++)
        if (gs_list_append(vm, out, titem(item(result, i), key ? 2 : 0)) < 0) {
            gs_decref(vm, out);
            out = NULL;
        }
    gs_decref(vm, result);
    return out;
fail:
    gs_decref(vm, result);
    gs_decref(vm, it);
    return NULL;
}

static const char *const nx_names[] = { "n", "iterable", "key" };

static gs_Object *h_nsmallest(GS_ARGS)
{
    GS_UNUSED(self);
    static const gs_PySig sig = { "nsmallest", nx_names, 3, 2, 0, 0 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return n_extreme(vm, a[0], a[1], a[2], false);
}

static gs_Object *h_nlargest(GS_ARGS)
{
    GS_UNUSED(self);
    static const gs_PySig sig = { "nlargest", nx_names, 3, 2, 0, 0 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return n_extreme(vm, a[0], a[1], a[2], true);
}

/* ================================================================== merge */

/* A merge generator (heapq.py's merge, a generator function), as a state
 * machine: `iterables` until the first next(); then `heap`, the
 * [value, order, iterator] lists ([key, order, value, iterator] with a
 * key); `pending` once a value was yielded from heap[0] (its iterator is
 * advanced on the next resume, as the generator does after its yield);
 * `tail`, the one iterator left, yielded from to the end. */
typedef struct MergeGen {
    gs_Instance inst;
    gs_Object *iterables; /* tuple, until started */
    gs_Object *heap;      /* list */
    gs_Object *key;       /* or NULL */
    gs_Object *tail;      /* or NULL */
    bool reverse, started, pending, done;
} MergeGen;

static int merge_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    MergeGen *g = (MergeGen *)o;
    gs_Object *f[4] = { g->iterables, g->heap, g->key, g->tail };
    for (int i = 0; i < 4; i++)
        if (f[i]) {
            int r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD + (uint32_t)i), arg);
            if (r)
                return r;
        }
    return 0;
}

static void merge_clear(gs_VM *vm, gs_Object *o)
{
    MergeGen *g = (MergeGen *)o;
    gs_native_set(vm, o, &g->iterables, GS_NATIVE_FIELD, NULL);
    gs_native_set(vm, o, &g->heap, GS_NATIVE_FIELD + 1, NULL);
    gs_native_set(vm, o, &g->key, GS_NATIVE_FIELD + 2, NULL);
    gs_native_set(vm, o, &g->tail, GS_NATIVE_FIELD + 3, NULL);
}

static const gs_NativeOps merge_ops = { .gc = true, .size = sizeof(MergeGen), .traverse = merge_traverse, .clear = merge_clear };

/* merge(*iterables, key=None, reverse=False) */
static gs_Object *merge_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    gs_Object *key = NULL, *reverse = NULL;
    for (int i = 0; kwnames && i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        if (strcmp(k, "key") == 0)
            key = args[npos + i];
        else if (strcmp(k, "reverse") == 0)
            reverse = args[npos + i];
        else {
            gs_raise(vm, vm->e_TypeError, "merge() got an unexpected keyword argument '%s'", k);
            return NULL;
        }
    }
    gs_Object *gtype = gs_dict_get_str(vm, &((gs_Module *)self)->dict->ob, gs_name(vm, "_merge_generator"));
    if (!gtype || GS_KIND(gtype) != GS_K_TYPE) {
        gs_raise(vm, vm->e_RuntimeError, "heapq's merge type is missing");
        return NULL;
    }
    gs_Object *its = gs_tuple_new(vm, npos);
    for (int i = 0; its && i < npos; i++)
        gs_tuple_init(vm, its, i, gs_newref(vm, args[i]));
    gs_Object *o = its ? gs_instance_new(vm, (gs_Type *)gtype) : NULL;
    if (!o) {
        gs_xdecref(vm, its);
        return NULL;
    }
    MergeGen *g = (MergeGen *)o;
    gs_native_set(vm, o, &g->iterables, GS_NATIVE_FIELD, its);
    gs_decref(vm, its);
    if (key && key != vm->none)
        gs_native_set(vm, o, &g->key, GS_NATIVE_FIELD + 2, key);
    if (reverse)
        gs_native_set(vm, o, &g->tail, GS_NATIVE_FIELD + 3, reverse); /* read when the generator starts */
    return o;
}

/* the generator's start: each iterable's iterator and first value into the
 * heap, then heapify (reverse: the max-heap functions) */
static int merge_start(gs_VM *vm, gs_Object *self)
{
    MergeGen *g = (MergeGen *)self;
    int rev = 0;
    if (g->tail) {
        rev = gs_truthy(vm, g->tail);
        gs_native_set(vm, self, &g->tail, GS_NATIVE_FIELD + 3, NULL);
        if (rev < 0)
            return -1;
    }
    g->reverse = rev;
    gs_Object *heap = gs_list_new(vm, 0);
    if (!heap)
        return -1;
    gs_native_set(vm, self, &g->heap, GS_NATIVE_FIELD + 1, heap);
    gs_decref(vm, heap);
    gs_Object *its = gs_newref(vm, g->iterables);
    gs_native_set(vm, self, &g->iterables, GS_NATIVE_FIELD, NULL);
    int64_t dir = rev ? -1 : 1;
    int r = 0;
    for (int32_t order = 0; r == 0 && order < ((gs_Tuple *)its)->len; order++) {
        gs_Object *it = gs_iter(vm, ((gs_Tuple *)its)->items[order]);
        gs_Object *value = it ? gs_next(vm, it) : NULL;
        if (!value) {
            gs_xdecref(vm, it);
            if (vm->exc)
                r = -1;
            continue;
        }
        gs_Object *k = g->key ? gs_call(vm, g->key, &value, 1, NULL) : gs_newref(vm, value);
        gs_Object *oo = k ? gs_int_new(vm, order * dir) : NULL;
        gs_Object *entry = oo ? gs_list_new(vm, 0) : NULL;
        int ok = entry && gs_list_append(vm, entry, k) == 0 && gs_list_append(vm, entry, oo) == 0 &&
                 (!g->key || gs_list_append(vm, entry, value) == 0) && gs_list_append(vm, entry, it) == 0 &&
                 gs_list_append(vm, g->heap, entry) == 0;
        gs_xdecref(vm, entry);
        gs_xdecref(vm, oo);
        gs_xdecref(vm, k);
        gs_decref(vm, value);
        gs_decref(vm, it);
        if (!ok)
            r = -1;
    }
    gs_decref(vm, its);
    return r < 0 ? -1 : heapify_internal(vm, g->heap, rev);
}

static gs_Object *merge_next(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MergeGen *g = (MergeGen *)self;
    int vi = g->key ? 2 : 0, ii = g->key ? 3 : 2;
    if (g->done)
        return NULL;
    if (!g->started) {
        g->started = true;
        if (merge_start(vm, self) < 0)
            goto finished;
    }
    if (g->tail) { /* yield from next.__self__ */
        gs_Object *v = gs_next(vm, g->tail);
        if (!v)
            goto finished;
        return v;
    }
    if (g->pending) {
        /* s[0] = next() (with a key: value = next(); s[0] = key(value); s[2] = value);
         * _heapreplace(h, s); StopIteration: _heappop(h) */
        g->pending = false;
        gs_Object *s = item(g->heap, 0);
        gs_incref(vm, s);
        gs_Object *nv = gs_next(vm, ((gs_List *)s)->items[ii]);
        if (!nv) {
            gs_decref(vm, s);
            if (vm->exc)
                goto finished;
            gs_Object *p = heappop_internal(vm, g->heap, g->reverse);
            if (!p)
                goto finished;
            gs_decref(vm, p);
        } else {
            gs_Object *k = g->key ? gs_call(vm, g->key, &nv, 1, NULL) : gs_newref(vm, nv);
            if (k) {
                gs_list_setitem(vm, s, 0, k);
                if (g->key)
                    gs_list_setitem(vm, s, 2, nv);
                gs_decref(vm, k);
            }
            gs_decref(vm, nv);
            gs_Object *r = k ? heapreplace_internal(vm, g->heap, s, g->reverse) : NULL;
            gs_decref(vm, s);
            if (!r)
                goto finished;
            gs_decref(vm, r);
        }
    }
    int64_t n = list_len(g->heap);
    if (n > 1) {
        g->pending = true;
        return gs_newref(vm, ((gs_List *)item(g->heap, 0))->items[vi]);
    }
    if (n == 1) {
        /* one iterator left: its value, then the rest of it */
        gs_Object *s = item(g->heap, 0);
        gs_Object *v = gs_newref(vm, ((gs_List *)s)->items[vi]);
        gs_native_set(vm, self, &g->tail, GS_NATIVE_FIELD + 3, ((gs_List *)s)->items[ii]);
        gs_list_clear(vm, g->heap);
        return v;
    }
finished:
    /* a generator that returned or raised is done for good */
    g->done = true;
    merge_clear(vm, self);
    return NULL;
}

static gs_Object *merge_iter(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, self);
}

static gs_Object *merge_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_str_printf(vm, "<generator object merge at 0x%llx>", gs_object_address(self));
}

/* ================================================================== the module */

static const gs_MethodDef merge_methods[] = {
    { "__next__", merge_next, 0, -1, GS_KW },
    { "__iter__", merge_iter, 0, -1, GS_KW },
    { "__repr__", merge_repr, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef heapq_functions[] = {
    { "heappush", h_heappush, 0, -1, GS_KW },
    { "heappop", h_heappop, 0, -1, GS_KW },
    { "heapify", h_heapify, 0, -1, GS_KW },
    { "heapreplace", h_heapreplace, 0, -1, GS_KW },
    { "heappushpop", h_heappushpop, 0, -1, GS_KW },
    { "merge", merge_new, 0, -1, GS_KW },
    { "nlargest", h_nlargest, 0, -1, GS_KW },
    { "nsmallest", h_nsmallest, 0, -1, GS_KW },
    { "_heappop_max", h_heappop_max, 0, -1, GS_KW },
    { "_heapreplace_max", h_heapreplace_max, 0, -1, GS_KW },
    { "_heapify_max", h_heapify_max, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const char *const heapq_all[] = {
    "heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop", NULL,
};

gs_Object *gs_module_heapq(gs_VM *vm)
{
    gs_Type *mg = gs_modtype_new(vm, "heapq.generator", vm->t_object, &merge_ops, false);
    gs_type_add_methods(vm, mg, merge_methods);
    mg->name = (gs_Str *)gs_str_intern(vm, "generator", 9); /* type(merge(...)).__name__ */
    gs_Object *m = gs_module_new(vm, "heapq");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "__all__", gs_str_list(vm, heapq_all));
    if (gs_module_add_functions(vm, m, heapq_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "_merge_generator", gs_newref(vm, &mg->ob));
    return m;
}

void gs_heapq_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "heapq", count, ctx);
}
