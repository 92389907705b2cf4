/*
 * abstract.c — the protocols every type answers: item access, item assignment
 * and deletion, len() and `in`.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== generic item access */

int gs_index_value(gs_VM *vm, gs_Object *o, int64_t *out)
{
    if (gs_int_is_big(o)) {
        gs_raise(vm, vm->e_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (GS_KIND(o) == GS_K_INT) {
        *out = ((gs_Int *)o)->value;
        return 1;
    }
    if (GS_KIND(o) == GS_K_BOOL) {
        *out = o == vm->true_;
        return 1;
    }
    gs_Kind k = GS_KIND(o);
    gs_Object *m = k == GS_K_INSTANCE || k == GS_K_WEAKREF ? gs_type_lookup(o->type, gs_name(vm, "__index__")) : NULL;
    if (!m)
        return 0;
    /* PyNumber_Index: an object with __index__ (a proxy forwards it) */
    gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
    if (!r)
        return -1;
    int ok = GS_KIND(r) == GS_K_INT || GS_KIND(r) == GS_K_BOOL;
    if (ok)
        *out = GS_KIND(r) == GS_K_INT ? ((gs_Int *)r)->value : r == vm->true_;
    else
        gs_raise(vm, vm->e_TypeError, "__index__ returned non-int (type %s)", gs_type_name(r));
    gs_decref(vm, r);
    return ok ? 1 : -1;
}

static int index_of(gs_VM *vm, gs_Object *key, const char *what, int64_t *out)
{
    int r = gs_index_value(vm, key, out);
    if (r == 0 && strcmp(what, "string") == 0) /* unicode_subscript's own words */
        gs_raise(vm, vm->e_TypeError, "string indices must be integers, not '%s'", gs_type_name(key));
    else if (r == 0)
        gs_raise(vm, vm->e_TypeError, "%s indices must be integers or slices, not %s", what, gs_type_name(key));
    return r > 0 ? 0 : -1;
}

gs_Object *gs_getitem(gs_VM *vm, gs_Object *o, gs_Object *key)
{
    if (gs_dispatches(o)) {
        gs_Object *m = gs_type_lookup_slot(vm, o->type, vm->s___getitem__);
        if (m) {
            gs_Object *args[2] = { o, key };
            return gs_call_object(vm, m, args, 2, NULL);
        }
    }
    return gs_getitem_builtin(vm, o, key);
}

gs_Object *gs_getitem_builtin(gs_VM *vm, gs_Object *o, gs_Object *key)
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
    case GS_K_BYTES: case GS_K_BYTEARRAY:
        return gs_bytes_getitem(vm, o, key);
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
    case GS_K_TYPE: {
        /* cls[key]: __class_getitem__ (typing.Generic's, or a class's own,
         * an implicit classmethod); list[int] and friends are out of scope */
        gs_Object *m = gs_type_lookup((gs_Type *)o, gs_name(vm, "__class_getitem__"));
        if (m && GS_KIND(m) == GS_K_BUILTIN)
            return ((gs_Builtin *)m)->fn(vm, o, &key, 1, NULL);
        if (m) {
            /* bound as any class attribute (a classmethod to the class) */
            gs_incref(vm, m);
            gs_Object *f = gs_descr_get(vm, m, NULL, (gs_Type *)o);
            gs_decref(vm, m);
            if (!f)
                return NULL;
            gs_Object *r = gs_call_object(vm, f, &key, 1, NULL);
            gs_decref(vm, f);
            return r;
        }
        if (gs_type_is_generic(vm, (gs_Type *)o)) /* list[int]: a types.GenericAlias */
            return gs_generic_alias_new(vm, o, key);
        gs_raise(vm, vm->e_TypeError, "type '%s' is not subscriptable", ((gs_Type *)o)->name->data);
        return NULL;
    }
    case GS_K_WEAKREF: { /* a proxy forwards [] */
        gs_Object *m = gs_type_lookup(o->type, vm->s___getitem__);
        if (m) {
            gs_Object *args[2] = { o, key };
            return gs_call_object(vm, m, args, 2, NULL);
        }
        break;
    }
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
                gs_rec_remove(vm, o, lo + i * st, garbage[i]);
            l->len = w;
            if (n > 0)
                gs_list_resize(vm, o, w); /* list_ass_subscript: a shrink, which cannot fail */
            for (int64_t i = 0; i < n; i++)
                gs_decref_c(vm, garbage[i], gs_slot_cause(o, lo + i * st));
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
    int r = gs_list_assign_slice(vm, o, start, stop, src, m);
    gs_xdecref(vm, seq);
    return r;
}

static int call_item_dunder(gs_VM *vm, gs_Object *m, gs_Object *o, gs_Object *key, gs_Object *v)
{
    gs_Object *args[3] = { o, key, v };
    gs_Object *r = gs_call_object(vm, m, args, v ? 3 : 2, NULL);
    if (!r)
        return -1;
    gs_decref(vm, r);
    return 0;
}

int gs_setitem(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v)
{
    if (gs_dispatches(o)) {
        gs_Object *m = gs_type_lookup_slot(vm, o->type, gs_name(vm, "__setitem__"));
        if (m)
            return call_item_dunder(vm, m, o, key, v);
    }
    return gs_setitem_builtin(vm, o, key, v);
}

int gs_setitem_builtin(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v)
{
    int64_t i;
    switch (GS_KIND(o)) {
    case GS_K_LIST:
        if (GS_KIND(key) == GS_K_SLICE)
            return list_setslice(vm, o, (gs_Slice *)key, v);
        if (index_of(vm, key, "list", &i) < 0)
            return -1;
        return gs_list_setitem(vm, o, i, v);
    case GS_K_BYTEARRAY:
        return gs_bytes_setitem(vm, o, key, v);
    case GS_K_DICT:
        return gs_dict_set(vm, o, key, v);
    case GS_K_WEAKREF: { /* a proxy forwards [] = */
        gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__setitem__"));
        if (m)
            return call_item_dunder(vm, m, o, key, v);
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
    if (gs_dispatches(o)) {
        gs_Object *m = gs_type_lookup_slot(vm, o->type, gs_name(vm, "__delitem__"));
        if (m)
            return call_item_dunder(vm, m, o, key, NULL);
    }
    return gs_delitem_builtin(vm, o, key);
}

int gs_delitem_builtin(gs_VM *vm, gs_Object *o, gs_Object *key)
{
    int64_t i;
    switch (GS_KIND(o)) {
    case GS_K_LIST:
        if (GS_KIND(key) == GS_K_SLICE)
            return list_setslice(vm, o, (gs_Slice *)key, NULL);
        if (index_of(vm, key, "list", &i) < 0)
            return -1;
        return gs_list_delitem(vm, o, i);
    case GS_K_BYTEARRAY:
        return gs_bytes_setitem(vm, o, key, NULL);
    case GS_K_DICT:
        return gs_dict_del(vm, o, key);
    case GS_K_WEAKREF: { /* a proxy forwards del [] */
        gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__delitem__"));
        if (m)
            return call_item_dunder(vm, m, o, key, NULL);
        break;
    }
    default:
        break;
    }
    /* PyObject_DelItem: an index key goes to PySequence_DelItem when the
     * type has sequence methods (the containers, every class's heap type),
     * whose error words it differently */
    gs_Kind k = GS_KIND(o), kk = GS_KIND(key);
    bool seq = k == GS_K_TUPLE || k == GS_K_STR || k == GS_K_BYTES || k == GS_K_SET || k == GS_K_RANGE ||
               (o->type->flags & GS_TF_HEAP) || o->type == vm->t_mappingproxy || o->type == vm->t_dict_keys ||
               o->type == vm->t_dict_items || o->type == vm->t_dict_values;
    bool index = kk == GS_K_INT || kk == GS_K_BOOL ||
                 ((kk == GS_K_INSTANCE || kk == GS_K_WEAKREF) && gs_type_lookup(key->type, gs_name(vm, "__index__")));
    gs_raise(vm, vm->e_TypeError, "'%s' object %s support item deletion", gs_type_name(o),
             seq && index ? "doesn't" : "does not");
    return -1;
}

int64_t gs_len(gs_VM *vm, gs_Object *o)
{
    if (gs_dispatches(o)) {
        gs_Object *m = gs_type_lookup_slot(vm, o->type, vm->s___len__);
        if (m) {
            gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
            if (!r)
                return -1;
            if (GS_KIND(r) != GS_K_INT && GS_KIND(r) != GS_K_BOOL) {
                gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(r));
                gs_decref(vm, r);
                return -1;
            }
            int64_t n = GS_KIND(r) == GS_K_INT ? ((gs_Int *)r)->value : r == vm->true_;
            gs_decref(vm, r);
            if (n < 0) {
                gs_raise(vm, vm->e_ValueError, "__len__() should return >= 0");
                return -1;
            }
            return n;
        }
    }
    return gs_len_builtin(vm, o);
}

int64_t gs_len_builtin(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_STR: return ((gs_Str *)o)->nchars;
    case GS_K_BYTES: case GS_K_BYTEARRAY: return gs_bytes_len(o);
    case GS_K_LIST: return ((gs_List *)o)->len;
    case GS_K_TUPLE: return ((gs_Tuple *)o)->len;
    case GS_K_DICT: return ((gs_Dict *)o)->t.used;
    case GS_K_SET: return ((gs_Set *)o)->used;
    case GS_K_RANGE: return ((gs_Range *)o)->len;
    case GS_K_WEAKREF: { /* a proxy forwards len() */
        gs_Object *m = gs_type_lookup(o->type, vm->s___len__);
        if (!m)
            break;
        gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
        if (!r)
            return -1;
        int64_t n = GS_KIND(r) == GS_K_INT ? ((gs_Int *)r)->value : 0;
        gs_decref(vm, r);
        return n;
    }
    default:
        if (gs_dict_view_base(vm, o))
            return ((gs_Dict *)((gs_Iter *)o)->seq)->t.used;
        break;
    }
    gs_raise(vm, vm->e_TypeError, "object of type '%s' has no len()", gs_type_name(o));
    return -1;
}

int gs_contains(gs_VM *vm, gs_Object *c, gs_Object *v)
{
    if (gs_dispatches(c)) {
        gs_Object *m = gs_type_lookup_slot(vm, c->type, vm->s___contains__);
        if (m) {
            gs_Object *args[2] = { c, v };
            gs_Object *r = gs_call_object(vm, m, args, 2, NULL);
            if (!r)
                return -1;
            int t = gs_truthy(vm, r);
            gs_decref(vm, r);
            return t;
        }
        /* no __contains__: an instance is iterated (by its __iter__); a
         * built-in type's own test applies to its subclasses */
        if (GS_KIND(c) == GS_K_INSTANCE || GS_KIND(c) == GS_K_EXCEPTION)
            goto iterate;
    }
    return gs_contains_builtin(vm, c, v);
iterate:;
    gs_Object *it0 = gs_iter(vm, c);
    if (!it0) {
        if (gs_exc_matches(vm, vm->e_TypeError)) {
            gs_clear_exc(vm);
            gs_raise(vm, vm->e_TypeError, "argument of type '%s' is not iterable", gs_type_name(c));
        }
        return -1;
    }
    for (;;) {
        gs_Object *item = gs_next(vm, it0);
        if (!item)
            break;
        int eq = item == v ? 1 : gs_equal(vm, item, v);
        gs_decref(vm, item);
        if (eq) {
            gs_decref(vm, it0);
            return eq;
        }
    }
    gs_decref(vm, it0);
    return vm->exc ? -1 : 0;
}

int gs_contains_builtin(gs_VM *vm, gs_Object *c, gs_Object *v)
{
    switch (GS_KIND(c)) {
    case GS_K_BYTES: case GS_K_BYTEARRAY: return gs_bytes_contains(vm, c, v);
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
        if (gs_dict_view_base(vm, c) == vm->t_dict_keys)
            return gs_contains(vm, ((gs_Iter *)c)->seq, v);
        if (gs_dict_view_base(vm, c) == vm->t_dict_items) {
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
    case GS_K_WEAKREF: { /* a proxy forwards in */
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

/* ================================================================== match statements */

/* whether a class in t's MRO is collections.abc's `name` (or, for
 * sequences, MutableSequence; for mappings, MutableMapping) */
static bool has_abc(gs_Type *t, const char *name, const char *mutable_name)
{
    int32_t n;
    gs_Type **mro = gs_type_mro(t, &n);
    for (int32_t i = 0; mro && i < n; i++) {
        gs_Type *b = mro[i];
        if (b->module && strcmp(b->module->data, "collections.abc") == 0 &&
            (strcmp(b->name->data, name) == 0 || strcmp(b->name->data, mutable_name) == 0))
            return true;
    }
    return false;
}

/* MATCH_SEQUENCE: Py_TPFLAGS_SEQUENCE -- list, tuple, range, deque and
 * collections.abc.Sequence's subclasses; never str, bytes or bytearray */
bool gs_match_sequence(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_LIST || k == GS_K_TUPLE || k == GS_K_RANGE)
        return true;
    if (k == GS_K_STR || k == GS_K_BYTES || k == GS_K_BYTEARRAY || k == GS_K_DICT)
        return false;
    GS_UNUSED(vm);
    for (gs_Type *t = o->type; t; t = t->base)
        if (strcmp(t->name->data, "deque") == 0 && t->module && strcmp(t->module->data, "collections") == 0)
            return true;
    return has_abc(o->type, "Sequence", "MutableSequence");
}

/* MATCH_MAPPING: Py_TPFLAGS_MAPPING -- dicts and collections.abc.Mapping's subclasses */
bool gs_match_mapping(gs_VM *vm, gs_Object *o)
{
    GS_UNUSED(vm);
    return GS_KIND(o) == GS_K_DICT || has_abc(o->type, "Mapping", "MutableMapping");
}

/* _Py_TPFLAGS_MATCH_SELF: Cls(x) of these built-ins matches the subject itself */
static bool match_self(gs_VM *vm, gs_Type *t)
{
    gs_Type *self_types[] = { vm->t_bool, vm->t_bytearray, vm->t_bytes, vm->t_dict,  vm->t_float, vm->t_frozenset,
                              vm->t_int,  vm->t_list,      vm->t_set,   vm->t_str, vm->t_tuple };
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
        if (gs_issubtype(t, self_types[i]))
            return true;
    return false;
}

/* match_class_attr: subject.name, each name once */
static gs_Object *class_attr(gs_VM *vm, gs_Object *subject, gs_Type *t, gs_Str *name, gs_Str **seen, int *nseen)
{
    for (int i = 0; i < *nseen; i++)
        if (gs_str_eq(seen[i], name)) {
            gs_Object *r = gs_repr(vm, &name->ob);
            if (r)
                gs_raise(vm, vm->e_TypeError, "%s() got multiple sub-patterns for attribute %s", t->name->data,
                         ((gs_Str *)r)->data);
            gs_xdecref(vm, r);
            return NULL;
        }
    seen[(*nseen)++] = name;
    gs_Object *v = gs_getattr(vm, subject, name);
    if (!v && gs_exc_matches(vm, vm->e_AttributeError))
        gs_clear_exc(vm);
    return v;
}

/* MATCH_CLASS: a tuple of the subject's attributes the pattern names (its
 * positional ones through cls.__match_args__), None when it does not
 * match, NULL with an error */
gs_Object *gs_match_class(gs_VM *vm, gs_Object *subject, gs_Object *cls, int npos, gs_Tuple *kwnames)
{
    if (GS_KIND(cls) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "called match pattern must be a type");
        return NULL;
    }
    gs_Type *t = (gs_Type *)cls;
    if (!gs_isinstance(subject, t))
        return gs_newref(vm, vm->none);
    int total = npos + kwnames->len;
    gs_Object **vals = calloc((size_t)(total ? total : 1), sizeof *vals);
    gs_Str **seen = calloc((size_t)(total ? total : 1), sizeof *seen);
    gs_Object *margs = NULL, *result = NULL;
    int got = 0, nseen = 0;
    if (!vals || !seen) {
        gs_raise_memory(vm);
        goto done;
    }
    if (npos) {
        margs = gs_getattr(vm, cls, gs_name(vm, "__match_args__"));
        bool self = false;
        if (margs && GS_KIND(margs) != GS_K_TUPLE) {
            gs_raise(vm, vm->e_TypeError, "%s.__match_args__ must be a tuple (got %s)", t->name->data,
                     gs_type_name(margs));
            goto done;
        }
        if (!margs) {
            if (!gs_exc_matches(vm, vm->e_AttributeError))
                goto done;
            gs_clear_exc(vm);
            self = match_self(vm, t);
        }
        int allowed = self ? 1 : margs ? ((gs_Tuple *)margs)->len : 0;
        if (allowed < npos) {
            gs_raise(vm, vm->e_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", t->name->data, allowed,
                     allowed == 1 ? "" : "s", npos);
            goto done;
        }
        if (self)
            vals[got++] = gs_newref(vm, subject);
        else
            for (int i = 0; i < npos; i++) {
                gs_Object *name = ((gs_Tuple *)margs)->items[i];
                if (GS_KIND(name) != GS_K_STR) {
                    gs_raise(vm, vm->e_TypeError, "__match_args__ elements must be strings (got %s)",
                             gs_type_name(name));
                    goto done;
                }
                if (!(vals[got] = class_attr(vm, subject, t, (gs_Str *)name, seen, &nseen)))
                    goto done;
                got++;
            }
    }
    for (int i = 0; i < kwnames->len; i++) {
        if (!(vals[got] = class_attr(vm, subject, t, (gs_Str *)kwnames->items[i], seen, &nseen)))
            goto done;
        got++;
    }
    result = gs_tuple_new(vm, total);
    for (int i = 0; result && i < total; i++) {
        gs_tuple_init(vm, result, i, vals[i]);
        vals[i] = NULL;
    }
done:
    for (int i = 0; vals && i < got; i++)
        gs_xdecref(vm, vals[i]);
    free(vals);
    free(seen);
    gs_xdecref(vm, margs);
    if (!result && !vm->exc)
        return gs_newref(vm, vm->none); /* an attribute missing: no match */
    return result;
}
