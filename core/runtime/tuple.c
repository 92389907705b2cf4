/*
 * tuple.c — tuple objects and their methods.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

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
    gs_rec_set(vm, t, GS_CAUSE_SLOT, (uint32_t)i, NULL, v);
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

/* PyObject_LengthHint(v, dflt) (PySequence_Tuple asks with 10, list.extend
 * with 8): len() of what has one, what is left of the simple iterators,
 * else dflt. */
int64_t gs_length_hint(gs_VM *vm, gs_Object *v, int64_t dflt)
{
    switch (GS_KIND(v)) {
    case GS_K_STR: case GS_K_DICT: case GS_K_SET: case GS_K_RANGE: case GS_K_LIST: case GS_K_TUPLE:
        return gs_len(vm, v);
    case GS_K_INSTANCE:
        return gs_type_lookup(v->type, vm->s___len__) ? gs_len(vm, v) : dflt;
    case GS_K_ITER: {
        gs_Iter *i = (gs_Iter *)v;
        if (gs_dict_view_base(vm, v))
            return i->seq ? gs_len(vm, i->seq) : 0; /* a view has a len() */
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
            return !i->seq ? 0 : i->index == 0 ? gs_len(vm, i->seq) : dflt;
        default:
            return dflt;
        }
    }
    default:
        return dflt;
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
    int64_t n = gs_length_hint(vm, v, 10);
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
    if (it->type == vm->t_tuple)
        return gs_newref(vm, it);
    if (GS_KIND(it) == GS_K_TUPLE && !(it->type->flags & GS_TF_HEAP)) {
        /* a built-in tuple subtype (time.struct_time): a plain copy */
        int32_t n = ((gs_Tuple *)it)->len;
        gs_Object *t = gs_tuple_new(vm, n);
        for (int32_t i = 0; t && i < n; i++)
            gs_tuple_init(vm, t, i, gs_newref(vm, ((gs_Tuple *)it)->items[i]));
        return t;
    }
    if (it->type == vm->t_list) {
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

/* ================================================================== the methods of tuple */

static const gs_MethodDef tuple_methods[] = {
    { "index", gs_seq_index_method, 1, 3, false }, { "count", gs_seq_count_method, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

void gs_tuple_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_tuple, tuple_methods); }
