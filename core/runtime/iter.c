/*
 * iter.c — range, slice and the iterator objects (of sequences, dicts, sets,
 * enumerate, zip, map, filter, reversed, callables) and gs_next.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== range, slice */

/* The block of an int CPython allocates for v: none for the small ints,
 * a whole PyLongObject below 2^30 (_PyLong_FromMedium), else its size. */
static size_t int_block(int64_t v)
{
    if (v >= -5 && v <= 256)
        return 0;
    return v > -(1 << 30) && v < (1 << 30) ? 32 : gs_size_of_int(v);
}

static uintptr_t int_temp(gs_VM *vm, int64_t v)
{
    size_t n = int_block(v);
    return n ? gs_tm_new_block(vm, n) : 0;
}

/* compute_range_length (3.11) works on int objects: (hi - lo - 1) // step
 * + 1, each step a new int, the temporaries freed once the length is
 * made; tracemalloc's peak sees them.  Returns the length's block (0: a
 * small int), which the range keeps. */
static uintptr_t range_length_blocks(gs_VM *vm, int64_t start, int64_t stop, int64_t step)
{
    int64_t lo = step > 0 ? start : stop, hi = step > 0 ? stop : start, st = step > 0 ? step : -step;
    uintptr_t neg = step > 0 ? 0 : int_temp(vm, st), len = 0;
    int64_t t1, d;
    if (lo < hi && !__builtin_sub_overflow(hi, lo, &t1)) {
        d = t1 - 1;
        uintptr_t k1 = int_temp(vm, t1), k2 = int_temp(vm, d), k3 = int_temp(vm, d / st);
        len = int_temp(vm, d / st + 1);
        gs_tm_drop_block(vm, k3);
        gs_tm_drop_block(vm, k2);
        gs_tm_drop_block(vm, k1);
    }
    gs_tm_drop_block(vm, neg);
    return len;
}

gs_Object *gs_range_new(gs_VM *vm, int64_t start, int64_t stop, int64_t step)
{
    uintptr_t length = vm->tm ? range_length_blocks(vm, start, stop, step) : 0;
    gs_Range *r = (gs_Range *)gs_alloc(vm, vm->t_range, sizeof(gs_Range));
    if (vm->tm)
        gs_tm_drop_block(vm, length); /* ... traced again as the range's own */
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    if (step > 0)
        r->len = start < stop ? (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1) : 0;
    else
        r->len = start > stop ? (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-(step + 1) + 1) + 1) : 0;
    /* the range keeps its length as an int object */
    if (vm->tm && int_block(r->len))
        gs_tm_block(vm, &r->ob, GS_TM_ITEMS, int_block(r->len), false);
    return &r->ob;
}

/* range.index(x) and range.count(x): an int by arithmetic, anything else
 * by comparing it with each item (_PySequence_IterSearch).  Returns the
 * index or the count; -1 with an exception, -2: not found. */
static int64_t range_search(gs_VM *vm, gs_Range *r, gs_Object *x, bool count)
{
    if (GS_KIND(x) == GS_K_INT || GS_KIND(x) == GS_K_BOOL) {
        int in = gs_contains(vm, &r->ob, x);
        if (in < 0)
            return -1;
        if (count)
            return in;
        int64_t v = GS_KIND(x) == GS_K_INT ? ((gs_Int *)x)->value : x == vm->true_;
        return in ? (v - r->start) / r->step : -2;
    }
    int64_t n = 0;
    for (int64_t i = 0; i < r->len; i++) {
        gs_Object *v = gs_int_new(vm, r->start + i * r->step);
        int eq = v ? gs_equal(vm, v, x) : -1;
        gs_xdecref(vm, v);
        if (eq < 0)
            return -1;
        if (eq && !count)
            return i;
        n += eq;
    }
    return count ? n : -2;
}

static gs_Object *m_range_index(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t i = range_search(vm, (gs_Range *)self, args[0], false);
    if (i == -2) {
        if (GS_KIND(args[0]) == GS_K_INT || GS_KIND(args[0]) == GS_K_BOOL) {
            gs_Object *rp = gs_repr(vm, args[0]);
            if (rp)
                gs_raise(vm, vm->e_ValueError, "%s is not in range", ((gs_Str *)rp)->data);
            gs_xdecref(vm, rp);
        } else
            gs_raise(vm, vm->e_ValueError, "sequence.index(x): x not in sequence");
    }
    return i < 0 ? NULL : gs_int_new(vm, i);
}

static gs_Object *m_range_count(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t n = range_search(vm, (gs_Range *)self, args[0], true);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static const gs_MethodDef range_methods[] = {
    { "index", m_range_index, 1, 1, false }, { "count", m_range_count, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

static gs_Object *m_slice_indices(GS_ARGS);

static const gs_MethodDef slice_methods[] = {
    { "indices", m_slice_indices, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

/* cls.__class_getitem__(params), a class method of the built-in classes
 * PEP 585 made generic: list[int] is types.GenericAlias(list, (int,)) */
static gs_Object *m_class_getitem(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_generic_alias_new(vm, args[0], args[1]);
}

void gs_range_methods_init(gs_VM *vm)
{
    gs_type_add_methods(vm, vm->t_range, range_methods);
    gs_type_add_methods(vm, vm->t_slice, slice_methods);
    gs_Type *generic[] = { vm->t_list, vm->t_dict, vm->t_tuple, vm->t_set, vm->t_frozenset };
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++) {
        gs_Object *b = gs_builtin_new(vm, "__class_getitem__", m_class_getitem, 2, 2, NULL);
        gs_Object *cm = b ? gs_descriptor_wrap(vm, vm->t_classmethod, b) : NULL;
        gs_xdecref(vm, b);
        if (cm && !generic[i]->dict)
            generic[i]->dict = (gs_Dict *)gs_dict_new(vm);
        if (cm && generic[i]->dict)
            gs_dict_set(vm, &generic[i]->dict->ob, &gs_name(vm, "__class_getitem__")->ob, cm);
        gs_xdecref(vm, cm);
    }
}

int gs_slice_index(gs_VM *vm, gs_Object *v, int64_t *out)
{
    if (GS_KIND(v) == GS_K_INT) {
        *out = ((gs_Int *)v)->value;
        return 0;
    }
    if (GS_KIND(v) == GS_K_BOOL) {
        *out = v == vm->true_;
        return 0;
    }
    int ix = GS_KIND(v) == GS_K_INSTANCE ? gs_index_value(vm, v, out) : 0; /* an __index__ */
    if (ix > 0)
        return 0;
    if (ix == 0)
        gs_raise(vm, vm->e_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int gs_slice_indices(gs_VM *vm, gs_Slice *sl, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                     int64_t *slicelen)
{
    int64_t st = 1;
    if (sl->step != vm->none) {
        if (gs_slice_index(vm, sl->step, &st) < 0)
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
        if (gs_slice_index(vm, sl->start, &lo) < 0)
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
        if (gs_slice_index(vm, sl->stop, &hi) < 0)
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

/* slice.indices(length): (start, stop, step) fitted to a sequence of that length */
static gs_Object *m_slice_indices(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t len = 0;
    int ix = gs_index_value(vm, args[0], &len);
    if (ix <= 0) {
        if (ix == 0)
            gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(args[0]));
        return NULL;
    }
    if (len < 0) {
        gs_raise(vm, vm->e_ValueError, "length should not be negative");
        return NULL;
    }
    int64_t start, stop, step, n;
    if (gs_slice_indices(vm, (gs_Slice *)self, len, &start, &stop, &step, &n) < 0)
        return NULL;
    gs_Object *a = gs_int_new(vm, start), *b = gs_int_new(vm, stop), *c = gs_int_new(vm, step);
    gs_Object *r = a && b && c ? gs_tuple_pack(vm, 3, a, b, c) : NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    gs_xdecref(vm, c);
    return r;
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
        /* compute_slice: the slice's own stop, scaled (range(10)[1::2] is range(1, 10, 2)) */
        return gs_range_new(vm, r->start + start * r->step, r->start + stop * r->step, r->step * step);
    }
    if (k == GS_K_STR) {
        gs_Str *s = (gs_Str *)seq;
        if (start == 0 && step == 1 && n == len && seq->type == vm->t_str)
            return gs_newref(vm, seq); /* unicode_result_unchanged: the whole str is itself */
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
    if (k == GS_K_INSTANCE && gs_type_lookup_slot(vm, seq->type, vm->s___getitem__)) {
        /* the sequence protocol: seq[len(seq) - 1] down to seq[0] */
        int64_t n = gs_len(vm, seq);
        if (n < 0)
            return NULL;
        gs_Object *it = gs_iter_new(vm, GS_IT_REVERSED, seq);
        if (it)
            ((gs_Iter *)it)->index = n - 1;
        return it;
    }
    if (k == GS_K_DICT || gs_dict_view_base(vm, seq)) {
        /* a dict or a dict view (3.8+): what it holds now, backwards (CPython's
         * dict_reverse*iterator walks the entries; the model a copy) */
        gs_Object *l = gs_list_from_iterable(vm, seq);
        gs_Object *it = l ? gs_reversed(vm, l) : NULL;
        gs_xdecref(vm, l);
        return it;
    }
    if (k != GS_K_LIST && k != GS_K_TUPLE && k != GS_K_STR && k != GS_K_BYTES && k != GS_K_BYTEARRAY) {
        gs_raise(vm, vm->e_TypeError, "'%s' object is not reversible", gs_type_name(seq));
        return NULL;
    }
    gs_Object *it = gs_iter_new(vm, GS_IT_REVERSED, seq);
    if (!it)
        return NULL;
    if (k == GS_K_LIST)
        it->type = vm->t_list_reverseiterator; /* both static: no count to move */
    int64_t len = k == GS_K_LIST ? ((gs_List *)seq)->len : k == GS_K_TUPLE ? ((gs_Tuple *)seq)->len
                : k == GS_K_STR ? ((gs_Str *)seq)->nchars : gs_bytes_len(seq);
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

/* zip(strict=True) found iterator i exhausted: all of them must be
 * (Python/bltinmodule.c's zip_next, its messages).  Always NULL: the end,
 * or ValueError. */
static gs_Object *zip_strict_end(gs_VM *vm, gs_Tuple *its, int32_t i)
{
    if (vm->exc)
        return NULL; /* the iterator raised */
    if (i) {
        gs_raise(vm, vm->e_ValueError, "zip() argument %d is shorter than argument%s%d", i + 1,
                 i == 1 ? " " : "s 1-", i);
        return NULL;
    }
    for (int32_t k = 1; k < its->len; k++) {
        gs_Object *v = gs_next(vm, its->items[k]);
        if (v) {
            gs_decref(vm, v);
            gs_raise(vm, vm->e_ValueError, "zip() argument %d is longer than argument%s%d", k + 1,
                     k == 1 ? " " : "s 1-", k);
            return NULL;
        }
        if (vm->exc)
            return NULL;
    }
    return NULL;
}

static gs_Object *iter_result(gs_VM *vm, gs_Iter *it, gs_Object **vals, int n) /* steals vals */
{
    gs_Tuple *r = (gs_Tuple *)it->extra;
    if (r && r->ob.refcnt == 1 && r->len == n) {
        gs_incref(vm, r);
        for (int i = 0; i < n; i++) {
            gs_Object *old = r->items[i];
            r->items[i] = vals[i];
            gs_rec_set(vm, &r->ob, GS_CAUSE_SLOT, (uint32_t)i, old, vals[i]);
            gs_decref_c(vm, old, gs_slot_cause(&r->ob, i));
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

/* seq[i] for the sequence protocol's iterators (iter() and reversed() of an
 * object with __getitem__): IndexError or StopIteration ends them */
static gs_Object *seq_item(gs_VM *vm, gs_Iter *it, int64_t i)
{
    gs_Object *key = gs_int_new(vm, i);
    gs_Object *r = key ? gs_getitem(vm, it->seq, key) : NULL;
    gs_xdecref(vm, key);
    if (!r && (gs_exc_matches(vm, vm->e_IndexError) || gs_exc_matches(vm, vm->e_StopIteration))) {
        gs_clear_exc(vm);
        it->index = -1;
        iter_exhaust(vm, it);
    }
    return r;
}

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
            return gs_gen_next(vm, o);
        }
        gs_Object *m = gs_type_lookup(o->type, vm->s___next__);
        if (!m) {
            gs_raise(vm, vm->e_TypeError, "'%s' object is not an iterator", gs_type_name(o));
            return NULL;
        }
        if (GS_KIND(m) == GS_K_BUILTIN && (((gs_Builtin *)m)->varargs & GS_ITERNEXT))
            return ((gs_Builtin *)m)->fn(vm, o, NULL, 0, NULL); /* a module's tp_iternext */
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
    case GS_IT_BYTES: {
        gs_Object *r = gs_bytes_iter_next(vm, it);
        if (!r && !vm->exc)
            iter_exhaust(vm, it);
        return r;
    }
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
        if (GS_KIND(s) == GS_K_INSTANCE)
            return seq_item(vm, it, i);
        if (GS_KIND(s) == GS_K_LIST) {
            if (i >= ((gs_List *)s)->len) {
                iter_exhaust(vm, it);
                return NULL;
            }
            return gs_newref(vm, ((gs_List *)s)->items[i]);
        }
        if (GS_KIND(s) == GS_K_TUPLE)
            return gs_newref(vm, ((gs_Tuple *)s)->items[i]);
        if (GS_KIND(s) == GS_K_BYTES || GS_KIND(s) == GS_K_BYTEARRAY) {
            if (i >= gs_bytes_len(s)) { /* a bytearray that shrank */
                iter_exhaust(vm, it);
                return NULL;
            }
            gs_Object *key = gs_int_new(vm, i);
            gs_Object *r = key ? gs_bytes_getitem(vm, s, key) : NULL;
            gs_xdecref(vm, key);
            return r;
        }
        return gs_str_getitem(vm, (gs_Str *)s, i);
    }
    case GS_IT_SEQ:
        return it->seq ? seq_item(vm, it, it->index++) : NULL;
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
        bool strict = it->step != 0; /* zip(..., strict=True) */
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
                    return strict ? zip_strict_end(vm, its, i) : NULL; /* zip keeps its iterators until it dies */
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
                return strict ? zip_strict_end(vm, its, i) : NULL;
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
    if (gs_dispatches(o)) {
        gs_Object *m = gs_type_lookup_slot(vm, o->type, vm->s___iter__);
        if (m == vm->none) {
            gs_raise(vm, vm->e_TypeError, "'%s' object is not iterable", gs_type_name(o));
            return NULL;
        }
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
        /* no __iter__ but a __getitem__: the sequence protocol */
        if (GS_KIND(o) == GS_K_INSTANCE && gs_type_lookup_slot(vm, o->type, vm->s___getitem__))
            return gs_iter_new(vm, GS_IT_SEQ, o);
    }
    return gs_iter_builtin(vm, o);
}

gs_Object *gs_iter_builtin(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_LIST: return gs_iter_new(vm, GS_IT_LIST, o);
    case GS_K_TUPLE: return gs_iter_new(vm, GS_IT_TUPLE, o);
    case GS_K_STR: return gs_iter_new(vm, GS_IT_STR, o);
    case GS_K_BYTES: case GS_K_BYTEARRAY: return gs_bytes_iter(vm, o);
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
        if (gs_dict_view_base(vm, o)) {
            gs_Object *d = ((gs_Iter *)o)->seq;
            gs_Type *vt = gs_dict_view_base(vm, o);
            gs_IterKind k = vt == vm->t_dict_keys ? GS_IT_DICT_KEYS
                          : vt == vm->t_dict_values ? GS_IT_DICT_VALUES : GS_IT_DICT_ITEMS;
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
    case GS_K_WEAKREF: { /* a proxy forwards iter() */
        gs_Object *m = gs_type_lookup(o->type, vm->s___iter__);
        if (m)
            return gs_call_object(vm, m, &o, 1, NULL);
        break;
    }
    default:
        break;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object is not iterable", gs_type_name(o));
    return NULL;
}
