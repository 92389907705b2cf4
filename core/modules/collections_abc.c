/*
 * collections_abc.c — collections.abc (CPython's Lib/_collections_abc.py):
 * the abstract base classes of the container protocols, made on import as
 * the Python file makes them: classes whose metaclass is abc.ABCMeta, with
 * `__slots__ = ()`, their abstract methods (__isabstractmethod__ True, so
 * a class deriving from one cannot be instantiated until it defines them)
 * and their mixin methods, which are C functions here.
 *
 * isinstance([], Iterable) is answered as CPython answers it: the
 * one-method ABCs (Hashable, Iterable, Iterator, Reversible, Generator,
 * Sized, Container, Collection, Callable) have a __subclasshook__ that
 * looks for the methods along the class's MRO (_check_methods: a None
 * there means "no"); the others know the built-in types by register()
 * (tuple, str, range, bytes are Sequences, list and bytearray
 * MutableSequences, dict a MutableMapping, frozenset a Set, set a
 * MutableSet, the dict views KeysView / ItemsView / ValuesView).  A
 * built-in type of the model does not list every slot method in its dict,
 * so for those the hook asks what the type's objects can do.
 *
 * A user's `class M(Mapping)` with __getitem__, __len__ and __iter__ gets
 * get, __contains__, keys, items, values and __eq__; MutableMapping adds
 * pop, popitem, clear, update and setdefault; Sequence gives __iter__,
 * __contains__, __reversed__, index and count; MutableSequence append,
 * clear, reverse, extend, pop, remove and __iadd__.  keys() / items() /
 * values() are KeysView / ItemsView / ValuesView objects (their one slot,
 * _mapping, holds the mapping).
 *
 * Not modelled: the Set mixins (comparisons and operators), the async
 * ABCs, ByteString, __class_getitem__; the mixins' iteration uses C
 * iterators where CPython's are generators (no frame objects).
 */
#include <stdio.h>
#include <string.h>

#include "modutil.h"

enum {
    A_HASHABLE, A_ITERABLE, A_ITERATOR, A_REVERSIBLE, A_GENERATOR, A_SIZED, A_CONTAINER, A_COLLECTION,
    A_CALLABLE, A_SET, A_MUTABLESET, A_MAPPING, A_MUTABLEMAPPING, A_MAPPINGVIEW, A_KEYSVIEW, A_ITEMSVIEW,
    A_VALUESVIEW, A_SEQUENCE, A_MUTABLESEQUENCE, A_COUNT
};

typedef struct AbcState {
    gs_Object *cls[A_COUNT]; /* owned */
    gs_Type *t_seqiter;      /* the iterator Sequence.__iter__ / __reversed__ give */
} AbcState;

static AbcState *state(gs_VM *vm) { return vm->modstate[GS_MS_COLLECTIONS_ABC]; }

/* ================================================================== helpers */

static gs_Object *call_method(gs_VM *vm, gs_Object *o, const char *name, gs_Object **args, int nargs)
{
    gs_Object *m = gs_getattr(vm, o, gs_name(vm, name));
    if (!m)
        return NULL;
    gs_Object *r = gs_call_object(vm, m, args, nargs, NULL);
    gs_decref(vm, m);
    return r;
}

/* isinstance(o, cls) with the ABC machinery (the builtin's) */
static int py_isinstance(gs_VM *vm, gs_Object *o, gs_Object *cls)
{
    gs_Object *b = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "isinstance"));
    if (!b)
        return 0;
    gs_Object *args[2] = { o, cls };
    gs_Object *r = gs_call_object(vm, b, args, 2, NULL);
    if (!r)
        return -1;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* The class of this module `self` is (a mixin's self is an instance). */
static int abc_index(gs_VM *vm, gs_Object *cls)
{
    AbcState *st = state(vm);
    for (int i = 0; st && i < A_COUNT; i++)
        if (st->cls[i] == cls)
            return i;
    return -1;
}

/* ================================================================== __subclasshook__ */

/* What a built-in type of the model can do, asked by name: its dict does
 * not list every slot CPython's has.  1 yes, 0 no (None in CPython's
 * dict), -1 not a method of it. */
static int builtin_has(gs_VM *vm, gs_Type *t, const char *name)
{
    gs_Object *v = t->dict ? gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, name)) : NULL;
    if (v)
        return v != vm->none;
    if (t == vm->t_object)
        return strcmp(name, "__hash__") == 0 ? 1 : -1;
    bool view = false; /* dict's views, and the types derived from them (odict_keys ...) */
    for (gs_Type *b = t; b; b = b->base)
        view = view || b == vm->t_dict_keys || b == vm->t_dict_values || b == vm->t_dict_items;
    gs_Kind k = t->inst_kind;
    bool sized = view || k == GS_K_LIST || k == GS_K_TUPLE || k == GS_K_STR || k == GS_K_BYTES ||
                 k == GS_K_BYTEARRAY || k == GS_K_DICT || k == GS_K_SET || k == GS_K_RANGE;
    bool iterator = (k == GS_K_ITER && !view) || k == GS_K_GENERATOR;
    if (strcmp(name, "__hash__") == 0) {
        /* (dict_values has no __eq__: it keeps object's hash) */
        bool unhashable = (view && !gs_issubtype(t, vm->t_dict_values)) || k == GS_K_LIST || k == GS_K_DICT ||
                          k == GS_K_BYTEARRAY || (k == GS_K_SET && t != vm->t_frozenset);
        return unhashable ? 0 : -1;
    }
    if (strcmp(name, "__iter__") == 0)
        return sized || iterator ? 1 : -1;
    if (strcmp(name, "__next__") == 0)
        return iterator ? 1 : -1;
    if (strcmp(name, "__len__") == 0 || strcmp(name, "__contains__") == 0)
        return sized ? 1 : -1;
    if (strcmp(name, "__reversed__") == 0)
        return view || k == GS_K_LIST || k == GS_K_DICT || k == GS_K_RANGE ? 1 : -1;
    if (strcmp(name, "__call__") == 0)
        return k == GS_K_FUNCTION || k == GS_K_BUILTIN || k == GS_K_METHOD || k == GS_K_TYPE ? 1 : -1;
    if (strcmp(name, "send") == 0 || strcmp(name, "throw") == 0 || strcmp(name, "close") == 0)
        return k == GS_K_GENERATOR ? 1 : -1;
    return -1;
}

/* _check_methods(C, *names): True, or NotImplemented */
static gs_Object *check_methods(gs_VM *vm, gs_Object *c, const char *const *names)
{
    if (GS_KIND(c) != GS_K_TYPE)
        return gs_newref(vm, vm->notimpl);
    int32_t n;
    gs_Type **mro = gs_type_mro((gs_Type *)c, &n);
    for (; *names; names++) {
        int found = -1;
        for (int32_t i = 0; mro && i < n && found < 0; i++) {
            gs_Type *b = mro[i];
            if (b->flags & GS_TF_HEAP) {
                gs_Object *v = b->dict ? gs_dict_get_str(vm, &b->dict->ob, gs_name(vm, *names)) : NULL;
                if (v)
                    found = v != vm->none;
            } else
                found = builtin_has(vm, b, *names);
        }
        if (found != 1)
            return gs_newref(vm, vm->notimpl);
    }
    return GS_BOOL(vm, true);
}

static gs_Object *m_subclasshook(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    static const char *const hashable[] = { "__hash__", NULL }, *const iterable[] = { "__iter__", NULL },
                             *const iterator[] = { "__iter__", "__next__", NULL },
                             *const reversible[] = { "__reversed__", "__iter__", NULL },
                             *const generator[] = { "__iter__", "__next__", "send", "throw", "close", NULL },
                             *const sized[] = { "__len__", NULL }, *const container[] = { "__contains__", NULL },
                             *const collection[] = { "__len__", "__iter__", "__contains__", NULL },
                             *const callable[] = { "__call__", NULL };
    const char *const *names = NULL;
    switch (abc_index(vm, self)) {
    case A_HASHABLE: names = hashable; break;
    case A_ITERABLE: names = iterable; break;
    case A_ITERATOR: names = iterator; break;
    case A_REVERSIBLE: names = reversible; break;
    case A_GENERATOR: names = generator; break;
    case A_SIZED: names = sized; break;
    case A_CONTAINER: names = container; break;
    case A_COLLECTION: names = collection; break;
    case A_CALLABLE: names = callable; break;
    default: break;
    }
    return names ? check_methods(vm, args[0], names) : gs_newref(vm, vm->notimpl);
}

/* ================================================================== the abstract methods' bodies */

static gs_Object *raise_empty(gs_VM *vm, gs_Type *t)
{
    gs_raise_obj(vm, gs_exception_new_unnormalized(vm, t));
    return NULL;
}

static gs_Object *ab_zero(GS_ARGS) { GS_UNUSED_ARGS; return gs_int_new(vm, 0); }
static gs_Object *ab_false(GS_ARGS) { GS_UNUSED_ARGS; return GS_BOOL(vm, false); }
static gs_Object *ab_empty_iter(GS_ARGS) { GS_UNUSED_ARGS; return gs_iter(vm, vm->empty_tuple); }
static gs_Object *ab_stop(GS_ARGS) { GS_UNUSED_ARGS; return raise_empty(vm, vm->e_StopIteration); }
static gs_Object *ab_keyerror(GS_ARGS) { GS_UNUSED_ARGS; return raise_empty(vm, vm->e_KeyError); }
static gs_Object *ab_indexerror(GS_ARGS) { GS_UNUSED_ARGS; return raise_empty(vm, vm->e_IndexError); }
static gs_Object *ab_notimpl(GS_ARGS) { GS_UNUSED_ARGS; return raise_empty(vm, vm->e_NotImplementedError); }

/* Generator.throw(typ, val=None, tb=None): raise it */
static gs_Object *ab_throw(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    gs_Object *val = nargs > 1 && args[1] != vm->none ? args[1] : NULL;
    gs_Object *exc = val ? val : args[0];
    if (GS_KIND(exc) == GS_K_TYPE)
        exc = gs_call_object(vm, exc, NULL, 0, NULL);
    else
        gs_incref(vm, exc);
    if (exc)
        gs_raise_obj(vm, exc);
    return NULL;
}

/* Generator.close(): self.throw(GeneratorExit); a GeneratorExit or
 * StopIteration coming back is fine */
static gs_Object *g_close(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *a = &vm->e_GeneratorExit->ob;
    gs_Object *r = call_method(vm, self, "throw", &a, 1);
    if (r) {
        gs_decref(vm, r);
        gs_raise(vm, vm->e_RuntimeError, "generator ignored GeneratorExit");
        return NULL;
    }
    if (gs_exc_matches(vm, vm->e_GeneratorExit) || gs_exc_matches(vm, vm->e_StopIteration)) {
        gs_clear_exc(vm);
        return GS_NONE(vm);
    }
    return NULL;
}

/* Generator.__next__: self.send(None) */
static gs_Object *g_next(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *a = vm->none;
    return call_method(vm, self, "send", &a, 1);
}

static gs_Object *it_self(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return gs_newref(vm, self); }

/* ================================================================== Mapping */

/* Mapping.get(key, default=None) */
static gs_Object *map_get(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *r = gs_getitem(vm, self, args[0]);
    if (r || !gs_exc_matches(vm, vm->e_KeyError))
        return r;
    gs_clear_exc(vm);
    return gs_newref(vm, nargs > 1 ? args[1] : vm->none);
}

static gs_Object *map_contains(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *r = gs_getitem(vm, self, args[0]);
    if (r) {
        gs_decref(vm, r);
        return GS_BOOL(vm, true);
    }
    if (!gs_exc_matches(vm, vm->e_KeyError))
        return NULL;
    gs_clear_exc(vm);
    return GS_BOOL(vm, false);
}

static gs_Object *make_view(gs_VM *vm, int which, gs_Object *mapping)
{
    return gs_call_object(vm, state(vm)->cls[which], &mapping, 1, NULL);
}

static gs_Object *map_keys(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return make_view(vm, A_KEYSVIEW, self); }
static gs_Object *map_items(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return make_view(vm, A_ITEMSVIEW, self); }
static gs_Object *map_values(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return make_view(vm, A_VALUESVIEW, self); }

/* dict(m.items()) */
static gs_Object *dict_of(gs_VM *vm, gs_Object *m)
{
    gs_Object *items = call_method(vm, m, "items", NULL, 0);
    if (!items)
        return NULL;
    gs_Object *d = gs_call_object(vm, &vm->t_dict->ob, &items, 1, NULL);
    gs_decref(vm, items);
    return d;
}

/* Mapping.__eq__: dict(self.items()) == dict(other.items()) for another Mapping */
static gs_Object *map_eq(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int is = py_isinstance(vm, args[0], state(vm)->cls[A_MAPPING]);
    if (is <= 0)
        return is < 0 ? NULL : gs_newref(vm, vm->notimpl);
    gs_Object *a = dict_of(vm, self), *b = a ? dict_of(vm, args[0]) : NULL;
    int eq = b ? gs_equal(vm, a, b) : -1;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return eq < 0 ? NULL : GS_BOOL(vm, eq);
}

/* ================================================================== MutableMapping */

/* pop(key, default=<marker>) */
static gs_Object *mm_pop(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *v = gs_getitem(vm, self, args[0]);
    if (!v) {
        if (nargs < 2 || !gs_exc_matches(vm, vm->e_KeyError))
            return NULL;
        gs_clear_exc(vm);
        return gs_newref(vm, args[1]);
    }
    if (gs_delitem(vm, self, args[0]) < 0) {
        gs_decref(vm, v);
        return NULL;
    }
    return v;
}

/* popitem(): the first key of iter(self), or KeyError */
static gs_Object *mm_popitem(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *it = gs_iter(vm, self);
    gs_Object *key = it ? gs_next(vm, it) : NULL;
    gs_xdecref(vm, it);
    if (!key) {
        if (!vm->exc || gs_exc_matches(vm, vm->e_StopIteration)) {
            gs_clear_exc(vm);
            raise_empty(vm, vm->e_KeyError);
        }
        return NULL;
    }
    gs_Object *v = gs_getitem(vm, self, key);
    if (!v || gs_delitem(vm, self, key) < 0) {
        gs_xdecref(vm, v);
        gs_decref(vm, key);
        return NULL;
    }
    gs_Object *r = gs_tuple_pack(vm, 2, key, v);
    gs_decref(vm, key);
    gs_decref(vm, v);
    return r;
}

/* clear(): popitem() until KeyError */
static gs_Object *mm_clear(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    for (;;) {
        gs_Object *r = call_method(vm, self, "popitem", NULL, 0);
        if (!r)
            break;
        gs_decref(vm, r);
    }
    if (!gs_exc_matches(vm, vm->e_KeyError))
        return NULL;
    gs_clear_exc(vm);
    return GS_NONE(vm);
}

static int set_pairs(gs_VM *vm, gs_Object *self, gs_Object *iterable)
{
    gs_Object *it = gs_iter(vm, iterable);
    if (!it)
        return -1;
    gs_Object *pair;
    while ((pair = gs_next(vm, it))) {
        gs_Object *pit = gs_iter(vm, pair);
        gs_Object *k = pit ? gs_next(vm, pit) : NULL, *v = k ? gs_next(vm, pit) : NULL;
        gs_xdecref(vm, pit);
        gs_decref(vm, pair);
        int r = v ? gs_setitem(vm, self, k, v) : -1;
        if (!v && !vm->exc)
            gs_raise(vm, vm->e_ValueError, "not enough values to unpack (expected 2, got %d)", k ? 1 : 0);
        gs_xdecref(vm, k);
        gs_xdecref(vm, v);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

/* update(other=(), /, **kwds) */
static gs_Object *mm_update(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "MutableMapping.update() takes from 1 to 2 positional arguments but %d were given",
                 npos + 1);
        return NULL;
    }
    if (npos == 1) {
        gs_Object *other = args[0];
        /* (collections.UserDict uses these mixins whether or not this
         * module was imported: without it, a mapping is found by keys()) */
        AbcState *st = state(vm);
        int is = st && st->cls[A_MAPPING] ? py_isinstance(vm, other, st->cls[A_MAPPING]) : GS_KIND(other) == GS_K_DICT;
        if (is < 0)
            return NULL;
        gs_Object *keys = is ? NULL : gs_lookup_attr(vm, other, gs_name(vm, "keys"));
        if (!is && !keys && vm->exc)
            return NULL;
        if (is || keys) {
            gs_Object *ks = keys ? gs_call_object(vm, keys, NULL, 0, NULL) : gs_newref(vm, other);
            gs_xdecref(vm, keys);
            gs_Object *it = ks ? gs_iter(vm, ks) : NULL;
            gs_xdecref(vm, ks);
            if (!it)
                return NULL;
            gs_Object *k;
            while ((k = gs_next(vm, it))) {
                gs_Object *v = gs_getitem(vm, other, k);
                int r = v ? gs_setitem(vm, self, k, v) : -1;
                gs_xdecref(vm, v);
                gs_decref(vm, k);
                if (r < 0)
                    break;
            }
            gs_decref(vm, it);
            if (vm->exc)
                return NULL;
        } else if (set_pairs(vm, self, other) < 0)
            return NULL;
    }
    for (int i = 0; kwnames && i < kwnames->len; i++)
        if (gs_setitem(vm, self, kwnames->items[i], args[npos + i]) < 0)
            return NULL;
    return GS_NONE(vm);
}

/* setdefault(key, default=None) */
static gs_Object *mm_setdefault(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *v = gs_getitem(vm, self, args[0]);
    if (v || !gs_exc_matches(vm, vm->e_KeyError))
        return v;
    gs_clear_exc(vm);
    gs_Object *d = nargs > 1 ? args[1] : vm->none;
    return gs_setitem(vm, self, args[0], d) < 0 ? NULL : gs_newref(vm, d);
}

/* ================================================================== views */

static gs_Object *view_mapping(gs_VM *vm, gs_Object *self) { return gs_getattr(vm, self, gs_name(vm, "_mapping")); }

static gs_Object *mv_init(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_setattr(vm, self, gs_name(vm, "_mapping"), args[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *mv_len(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *m = view_mapping(vm, self);
    int64_t n = m ? gs_len(vm, m) : -1;
    gs_xdecref(vm, m);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

/* '{0.__class__.__name__}({0._mapping!r})' */
static gs_Object *mv_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *m = view_mapping(vm, self);
    gs_Object *r = m ? gs_repr(vm, m) : NULL;
    gs_xdecref(vm, m);
    if (!r)
        return NULL;
    gs_Object *s = gs_str_printf(vm, "%s(%s)", self->type->name->data, ((gs_Str *)r)->data);
    gs_decref(vm, r);
    return s;
}

/* the mapping's keys, values or (key, value) pairs, as a list */
static gs_Object *view_list(gs_VM *vm, gs_Object *self, int what)
{
    gs_Object *m = view_mapping(vm, self);
    gs_Object *it = m ? gs_iter(vm, m) : NULL;
    gs_Object *l = it ? gs_list_new(vm, 0) : NULL;
    gs_Object *k;
    while (l && (k = gs_next(vm, it))) {
        gs_Object *v = what == 0 ? gs_newref(vm, k) : gs_getitem(vm, m, k);
        gs_Object *e = what == 2 && v ? gs_tuple_pack(vm, 2, k, v) : v;
        if (what == 2)
            gs_xdecref(vm, v);
        gs_decref(vm, k);
        if (!e || gs_list_append(vm, l, e) < 0) {
            gs_xdecref(vm, e);
            break;
        }
        gs_decref(vm, e);
    }
    gs_xdecref(vm, it);
    gs_xdecref(vm, m);
    if (vm->exc) {
        gs_xdecref(vm, l);
        return NULL;
    }
    return l;
}

static gs_Object *view_iter(gs_VM *vm, gs_Object *self, int what)
{
    if (what == 0) {
        gs_Object *m = view_mapping(vm, self);
        gs_Object *it = m ? gs_iter(vm, m) : NULL;
        gs_xdecref(vm, m);
        return it;
    }
    gs_Object *l = view_list(vm, self, what);
    gs_Object *it = l ? gs_iter(vm, l) : NULL;
    gs_xdecref(vm, l);
    return it;
}

static gs_Object *kv_iter(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return view_iter(vm, self, 0); }
static gs_Object *vv_iter(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return view_iter(vm, self, 1); }
static gs_Object *iv_iter(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return view_iter(vm, self, 2); }

static gs_Object *kv_contains(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *m = view_mapping(vm, self);
    int r = m ? gs_contains(vm, m, args[0]) : -1;
    gs_xdecref(vm, m);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* ItemsView: (key, value) in it: the mapping has key, with that value */
static gs_Object *iv_contains(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *item = args[0];
    if (GS_KIND(item) != GS_K_TUPLE || ((gs_Tuple *)item)->len != 2)
        return GS_BOOL(vm, false);
    gs_Object *m = view_mapping(vm, self);
    gs_Object *v = m ? gs_getitem(vm, m, ((gs_Tuple *)item)->items[0]) : NULL;
    gs_xdecref(vm, m);
    if (!v) {
        if (!gs_exc_matches(vm, vm->e_KeyError))
            return NULL;
        gs_clear_exc(vm);
        return GS_BOOL(vm, false);
    }
    gs_Object *w = ((gs_Tuple *)item)->items[1];
    int eq = v == w ? 1 : gs_equal(vm, v, w);
    gs_decref(vm, v);
    return eq < 0 ? NULL : GS_BOOL(vm, eq);
}

static gs_Object *vv_contains(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *l = view_list(vm, self, 1);
    int r = -1;
    if (l) {
        r = 0;
        for (int32_t i = 0; i < ((gs_List *)l)->len && r == 0; i++) {
            gs_Object *v = ((gs_List *)l)->items[i];
            r = v == args[0] ? 1 : gs_equal(vm, v, args[0]);
        }
        gs_decref(vm, l);
    }
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* ================================================================== Sequence */

/* The iterator of Sequence.__iter__ / __reversed__: self[i] for i = 0, 1
 * ... until IndexError (or len-1 down to 0). */
typedef struct SeqIter {
    gs_Instance inst;
    gs_Object *seq; /* NULL once exhausted */
    int64_t i;
    bool reverse;
} SeqIter;

static int si_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *s = ((SeqIter *)o)->seq;
    return s ? fn(vm, o, s, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void si_clear(gs_VM *vm, gs_Object *o) { gs_native_set(vm, o, &((SeqIter *)o)->seq, GS_NATIVE_FIELD, NULL); }

static const gs_NativeOps seqiter_ops = { sizeof(SeqIter), true, false, si_traverse, si_clear, NULL,
                                          true, false, false, 0, NULL, NULL };

static gs_Object *si_new(gs_VM *vm, gs_Object *seq, bool reverse)
{
    int64_t start = 0;
    if (reverse && (start = gs_len(vm, seq) - 1) < -1)
        return NULL;
    gs_Object *o = gs_native_new(vm, state(vm)->t_seqiter);
    if (!o)
        return NULL;
    ((SeqIter *)o)->i = start;
    ((SeqIter *)o)->reverse = reverse;
    gs_native_set(vm, o, &((SeqIter *)o)->seq, GS_NATIVE_FIELD, seq);
    return o;
}

static gs_Object *si_next(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    SeqIter *s = (SeqIter *)self;
    if (!s->seq || (s->reverse && s->i < 0)) {
        si_clear(vm, self);
        return NULL;
    }
    gs_Object *k = gs_int_new(vm, s->i);
    gs_Object *v = k ? gs_getitem(vm, s->seq, k) : NULL;
    gs_xdecref(vm, k);
    if (!v) {
        if (!s->reverse && gs_exc_matches(vm, vm->e_IndexError)) {
            gs_clear_exc(vm);
            si_clear(vm, self);
        }
        return NULL;
    }
    s->i += s->reverse ? -1 : 1;
    return v;
}

static const gs_MethodDef seqiter_methods[] = {
    { "__next__", si_next, 0, 0, GS_ITERNEXT }, { "__iter__", it_self, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
};

/* the module's state, made now if the module has not been imported yet
 * (collections' UserString iterates as a Sequence without it) */
static AbcState *state_made(gs_VM *vm)
{
    AbcState *st = state(vm);
    if (st)
        return st;
    st = calloc(1, sizeof *st);
    if (!st) {
        gs_raise_memory(vm);
        return NULL;
    }
    vm->modstate[GS_MS_COLLECTIONS_ABC] = st;
    st->t_seqiter = gs_native_type_new(vm, "collections.abc._SequenceIterator", &seqiter_ops, seqiter_methods);
    return st;
}

gs_Object *gs_sequence_iter(gs_VM *vm, gs_Object *seq, bool reverse)
{
    return state_made(vm) ? si_new(vm, seq, reverse) : NULL;
}

static gs_Object *seq_iter(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return si_new(vm, self, false); }
static gs_Object *seq_reversed(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return si_new(vm, self, true); }

/* for v in self: if v is value or v == value: ... (1 found, 0 not, -1
 * error); *at the index */
static int seq_find(gs_VM *vm, gs_Object *self, gs_Object *value, int64_t start, int64_t stop, int64_t *at,
                    int64_t *count)
{
    gs_Object *it = gs_iter(vm, self);
    if (!it)
        return -1;
    gs_Object *v;
    int64_t i = 0;
    int found = 0;
    while ((v = gs_next(vm, it))) {
        bool in = i >= start && (stop < 0 || i < stop);
        int eq = in ? (v == value ? 1 : gs_equal(vm, v, value)) : 0;
        gs_decref(vm, v);
        if (eq < 0) {
            gs_decref(vm, it);
            return -1;
        }
        if (eq) {
            found = 1;
            if (!count) {
                *at = i;
                break;
            }
            (*count)++;
        }
        if (stop >= 0 && i + 1 >= stop && !count)
            break;
        i++;
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : found;
}

static gs_Object *seq_contains(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t at;
    int r = seq_find(vm, self, args[0], 0, -1, &at, NULL);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* index(value, start=0, stop=None) */
static gs_Object *seq_index(GS_ARGS)
{
    GS_UNUSED(kwnames);
    int64_t start = 0, stop = -1;
    if (nargs > 1 && args[1] != vm->none) {
        if (gs_index_arg(vm, args[1], &start) < 0)
            return NULL;
        if (start < 0) {
            int64_t n = gs_len(vm, self);
            if (n < 0)
                return NULL;
            start = start + n < 0 ? 0 : start + n;
        }
    }
    if (nargs > 2 && args[2] != vm->none) {
        if (gs_index_arg(vm, args[2], &stop) < 0)
            return NULL;
        if (stop < 0) {
            int64_t n = gs_len(vm, self);
            if (n < 0)
                return NULL;
            stop = stop + n < 0 ? 0 : stop + n;
        }
        if (stop <= start) {
            gs_raise_obj(vm, gs_exception_new_unnormalized(vm, vm->e_ValueError));
            return NULL;
        }
    }
    int64_t at = 0;
    int r = seq_find(vm, self, args[0], start, stop, &at, NULL);
    if (r < 0)
        return NULL;
    if (!r) {
        gs_raise_obj(vm, gs_exception_new_unnormalized(vm, vm->e_ValueError));
        return NULL;
    }
    return gs_int_new(vm, at);
}

static gs_Object *seq_count(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t at, n = 0;
    int r = seq_find(vm, self, args[0], 0, -1, &at, &n);
    return r < 0 ? NULL : gs_int_new(vm, n);
}

/* ================================================================== MutableSequence */

static gs_Object *ms_append(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t n = gs_len(vm, self);
    gs_Object *i = n >= 0 ? gs_int_new(vm, n) : NULL;
    gs_Object *a[2] = { i, args[0] };
    gs_Object *r = i ? call_method(vm, self, "insert", a, 2) : NULL;
    gs_xdecref(vm, i);
    return r;
}

/* clear(): pop() until IndexError */
static gs_Object *ms_clear(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    for (;;) {
        gs_Object *r = call_method(vm, self, "pop", NULL, 0);
        if (!r)
            break;
        gs_decref(vm, r);
    }
    if (!gs_exc_matches(vm, vm->e_IndexError))
        return NULL;
    gs_clear_exc(vm);
    return GS_NONE(vm);
}

static gs_Object *ms_reverse(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t n = gs_len(vm, self);
    if (n < 0)
        return NULL;
    for (int64_t i = 0; i < n / 2; i++) {
        gs_Object *a = gs_int_new(vm, i), *b = gs_int_new(vm, n - i - 1);
        gs_Object *va = a && b ? gs_getitem(vm, self, a) : NULL, *vb = va ? gs_getitem(vm, self, b) : NULL;
        int r = vb && gs_setitem(vm, self, a, vb) == 0 && gs_setitem(vm, self, b, va) == 0 ? 0 : -1;
        gs_xdecref(vm, a);
        gs_xdecref(vm, b);
        gs_xdecref(vm, va);
        gs_xdecref(vm, vb);
        if (r < 0)
            return NULL;
    }
    return GS_NONE(vm);
}

/* extend(values): a copy first when values is self */
static gs_Object *ms_extend(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *src = args[0] == self ? gs_list_from_iterable(vm, self) : gs_newref(vm, args[0]);
    gs_Object *it = src ? gs_iter(vm, src) : NULL;
    gs_xdecref(vm, src);
    if (!it)
        return NULL;
    gs_Object *v;
    while ((v = gs_next(vm, it))) {
        gs_Object *r = call_method(vm, self, "append", &v, 1);
        gs_decref(vm, v);
        if (!r)
            break;
        gs_decref(vm, r);
    }
    gs_decref(vm, it);
    return vm->exc ? NULL : GS_NONE(vm);
}

/* pop(index=-1) */
static gs_Object *ms_pop(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *i = nargs ? gs_newref(vm, args[0]) : gs_int_new(vm, -1);
    gs_Object *v = i ? gs_getitem(vm, self, i) : NULL;
    if (v && gs_delitem(vm, self, i) < 0) {
        gs_decref(vm, v);
        v = NULL;
    }
    gs_xdecref(vm, i);
    return v;
}

static gs_Object *ms_remove(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *i = call_method(vm, self, "index", args, 1);
    if (!i)
        return NULL;
    int r = gs_delitem(vm, self, i);
    gs_decref(vm, i);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *ms_iadd(GS_ARGS)
{
    gs_Object *r = ms_extend(vm, self, args, nargs, kwnames);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    return gs_newref(vm, self);
}

/* ================================================================== the classes */

#define ABSTRACT (GS_ABSTRACT)
#define HOOK { "__subclasshook__", m_subclasshook, 1, 1, GS_CLASSMETH }
#define END { NULL, NULL, 0, 0, 0 }

static const gs_MethodDef hashable_m[] = { { "__hash__", ab_zero, 0, 0, ABSTRACT }, HOOK, END };
static const gs_MethodDef iterable_m[] = { { "__iter__", ab_empty_iter, 0, 0, ABSTRACT }, HOOK, END };
static const gs_MethodDef iterator_m[] = { { "__next__", ab_stop, 0, 0, ABSTRACT }, { "__iter__", it_self, 0, 0, 0 },
                                           HOOK, END };
static const gs_MethodDef reversible_m[] = { { "__reversed__", ab_empty_iter, 0, 0, ABSTRACT }, HOOK, END };
static const gs_MethodDef generator_m[] = { { "__next__", g_next, 0, 0, 0 }, { "send", ab_stop, 1, 1, ABSTRACT },
                                            { "throw", ab_throw, 1, 3, ABSTRACT }, { "close", g_close, 0, 0, 0 },
                                            HOOK, END };
static const gs_MethodDef sized_m[] = { { "__len__", ab_zero, 0, 0, ABSTRACT }, HOOK, END };
static const gs_MethodDef container_m[] = { { "__contains__", ab_false, 1, 1, ABSTRACT }, HOOK, END };
static const gs_MethodDef collection_m[] = { HOOK, END };
static const gs_MethodDef callable_m[] = { { "__call__", ab_false, 0, -1, ABSTRACT | GS_KW }, HOOK, END };
static const gs_MethodDef set_m[] = { END };
static const gs_MethodDef mutableset_m[] = { { "add", ab_notimpl, 1, 1, ABSTRACT },
                                             { "discard", ab_notimpl, 1, 1, ABSTRACT }, END };
static const gs_MethodDef mapping_m[] = {
    { "__getitem__", ab_keyerror, 1, 1, ABSTRACT }, { "get", map_get, 1, 2, 0 },
    { "__contains__", map_contains, 1, 1, 0 }, { "keys", map_keys, 0, 0, 0 }, { "items", map_items, 0, 0, 0 },
    { "values", map_values, 0, 0, 0 }, { "__eq__", map_eq, 1, 1, 0 }, END,
};
/* Mapping.get and MutableMapping's mixins, for collections.UserDict, whose
 * class (a MutableMapping in CPython) takes them from there */
const gs_MethodDef gs_mutable_mapping_mixins[] = {
    { "get", map_get, 1, 2, 0 },     { "pop", mm_pop, 1, 2, 0 },
    { "popitem", mm_popitem, 0, 0, 0 }, { "clear", mm_clear, 0, 0, 0 },
    { "update", mm_update, 0, -1, GS_KW }, { "setdefault", mm_setdefault, 1, 2, 0 },
    { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_mutable_mapping_update(GS_ARGS) { return mm_update(vm, self, args, nargs, kwnames); }

static const gs_MethodDef mutablemapping_m[] = {
    { "__setitem__", ab_keyerror, 2, 2, ABSTRACT }, { "__delitem__", ab_keyerror, 1, 1, ABSTRACT },
    { "pop", mm_pop, 1, 2, 0 }, { "popitem", mm_popitem, 0, 0, 0 }, { "clear", mm_clear, 0, 0, 0 },
    { "update", mm_update, 0, -1, GS_KW }, { "setdefault", mm_setdefault, 1, 2, 0 }, END,
};
static const gs_MethodDef mappingview_m[] = { { "__init__", mv_init, 1, 1, 0 }, { "__len__", mv_len, 0, 0, 0 },
                                              { "__repr__", mv_repr, 0, 0, 0 }, END };
static const gs_MethodDef keysview_m[] = { { "__contains__", kv_contains, 1, 1, 0 }, { "__iter__", kv_iter, 0, 0, 0 },
                                           END };
static const gs_MethodDef itemsview_m[] = { { "__contains__", iv_contains, 1, 1, 0 },
                                            { "__iter__", iv_iter, 0, 0, 0 }, END };
static const gs_MethodDef valuesview_m[] = { { "__contains__", vv_contains, 1, 1, 0 },
                                             { "__iter__", vv_iter, 0, 0, 0 }, END };
static const gs_MethodDef sequence_m[] = {
    { "__getitem__", ab_indexerror, 1, 1, ABSTRACT }, { "__iter__", seq_iter, 0, 0, 0 },
    { "__contains__", seq_contains, 1, 1, 0 }, { "__reversed__", seq_reversed, 0, 0, 0 },
    { "index", seq_index, 1, 3, 0 }, { "count", seq_count, 1, 1, 0 }, END,
};
static const gs_MethodDef mutablesequence_m[] = {
    { "__setitem__", ab_indexerror, 2, 2, ABSTRACT }, { "__delitem__", ab_indexerror, 1, 1, ABSTRACT },
    { "insert", ab_indexerror, 2, 2, ABSTRACT }, { "append", ms_append, 1, 1, 0 }, { "clear", ms_clear, 0, 0, 0 },
    { "reverse", ms_reverse, 0, 0, 0 }, { "extend", ms_extend, 1, 1, 0 }, { "pop", ms_pop, 0, 1, 0 },
    { "remove", ms_remove, 1, 1, 0 }, { "__iadd__", ms_iadd, 1, 1, 0 }, END,
};

typedef struct AbcSpec {
    const char *name;
    int bases[3]; /* -1 ended */
    const gs_MethodDef *methods;
    const char *slots; /* one slot name, or NULL */
} AbcSpec;

/* in the order _collections_abc.py defines them */
static const AbcSpec specs[A_COUNT] = {
    [A_HASHABLE] = { "Hashable", { -1 }, hashable_m, NULL },
    [A_ITERABLE] = { "Iterable", { -1 }, iterable_m, NULL },
    [A_ITERATOR] = { "Iterator", { A_ITERABLE, -1 }, iterator_m, NULL },
    [A_REVERSIBLE] = { "Reversible", { A_ITERABLE, -1 }, reversible_m, NULL },
    [A_GENERATOR] = { "Generator", { A_ITERATOR, -1 }, generator_m, NULL },
    [A_SIZED] = { "Sized", { -1 }, sized_m, NULL },
    [A_CONTAINER] = { "Container", { -1 }, container_m, NULL },
    [A_COLLECTION] = { "Collection", { A_SIZED, A_ITERABLE, A_CONTAINER }, collection_m, NULL },
    [A_CALLABLE] = { "Callable", { -1 }, callable_m, NULL },
    [A_SET] = { "Set", { A_COLLECTION, -1 }, set_m, NULL },
    [A_MUTABLESET] = { "MutableSet", { A_SET, -1 }, mutableset_m, NULL },
    [A_MAPPING] = { "Mapping", { A_COLLECTION, -1 }, mapping_m, NULL },
    [A_MUTABLEMAPPING] = { "MutableMapping", { A_MAPPING, -1 }, mutablemapping_m, NULL },
    [A_MAPPINGVIEW] = { "MappingView", { A_SIZED, -1 }, mappingview_m, "_mapping" },
    [A_KEYSVIEW] = { "KeysView", { A_MAPPINGVIEW, A_SET, -1 }, keysview_m, NULL },
    [A_ITEMSVIEW] = { "ItemsView", { A_MAPPINGVIEW, A_SET, -1 }, itemsview_m, NULL },
    [A_VALUESVIEW] = { "ValuesView", { A_MAPPINGVIEW, A_COLLECTION, -1 }, valuesview_m, NULL },
    [A_SEQUENCE] = { "Sequence", { A_REVERSIBLE, A_COLLECTION, -1 }, sequence_m, NULL },
    [A_MUTABLESEQUENCE] = { "MutableSequence", { A_SEQUENCE, -1 }, mutablesequence_m, NULL },
};

/* class Name(bases..., metaclass=ABCMeta): __slots__ = (...), then its
 * methods and abc.update_abstractmethods(cls) */
static gs_Object *make_abc(gs_VM *vm, gs_Object *meta, gs_Object *update, const AbcSpec *sp)
{
    AbcState *st = state(vm);
    int nb = 0;
    while (nb < 3 && sp->bases[nb] >= 0)
        nb++;
    gs_Object *bases = gs_tuple_new(vm, nb);
    for (int i = 0; bases && i < nb; i++)
        gs_tuple_init(vm, bases, i, gs_newref(vm, st->cls[sp->bases[i]]));
    gs_Object *ns = gs_dict_new(vm);
    gs_Object *mod = gs_str_from_cstr(vm, "collections.abc");
    gs_Object *name = gs_str_intern(vm, sp->name, strlen(sp->name));
    gs_Object *slots = sp->slots ? gs_tuple_new(vm, 1) : gs_newref(vm, vm->empty_tuple);
    if (sp->slots && slots)
        gs_tuple_init(vm, slots, 0, gs_str_intern(vm, sp->slots, strlen(sp->slots)));
    gs_Object *cls = NULL;
    if (bases && ns && mod && name && slots && gs_dict_set(vm, ns, &vm->s___module__->ob, mod) == 0 &&
        gs_dict_set(vm, ns, &vm->s___qualname__->ob, name) == 0 &&
        gs_dict_set(vm, ns, &gs_name(vm, "__slots__")->ob, slots) == 0) {
        gs_Object *a[3] = { name, bases, ns };
        cls = gs_call_object(vm, meta, a, 3, NULL);
    }
    gs_xdecref(vm, bases);
    gs_xdecref(vm, ns);
    gs_xdecref(vm, mod);
    gs_xdecref(vm, name);
    gs_xdecref(vm, slots);
    if (!cls)
        return NULL;
    gs_Type *t = (gs_Type *)cls;
    gs_type_add_methods(vm, t, sp->methods);
    /* a class defining __eq__ has __hash__ = None; a Mapping is not reversible */
    if (gs_dict_get_str(vm, &t->dict->ob, vm->s___eq__))
        gs_dict_set(vm, &t->dict->ob, &vm->s___hash__->ob, vm->none);
    if (sp == &specs[A_MAPPING])
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, "__reversed__")->ob, vm->none);
    gs_type_update_hooks(vm, t);
    gs_Object *r = gs_call_object(vm, update, &cls, 1, NULL);
    if (!r) {
        gs_decref(vm, cls);
        return NULL;
    }
    gs_decref(vm, r);
    return cls;
}

static int do_register(gs_VM *vm, int which, gs_Type *t)
{
    gs_Object *a = &t->ob;
    gs_Object *r = call_method(vm, state(vm)->cls[which], "register", &a, 1);
    gs_xdecref(vm, r);
    return r ? 0 : -1;
}

gs_Object *gs_module_collections_abc(gs_VM *vm)
{
    /* CPython made these classes (and abc's, and registered the built-in
     * types) at start-up: making them now neither counts in generation 0
     * nor starts an automatic collection (CPython's import does neither
     * here); what CPython's import does allocate is added at the end */
    int64_t count0 = vm->gens[0].count;
    bool enabled = vm->gc_enabled;
    vm->gc_enabled = false;
    AbcState *st = state_made(vm);
    if (!st) {
        vm->gc_enabled = enabled;
        return NULL;
    }
    gs_Object *abc = gs_import(vm, gs_name(vm, "abc"));
    gs_Object *meta = abc ? gs_getattr(vm, abc, gs_name(vm, "ABCMeta")) : NULL;
    gs_Object *update = meta ? gs_getattr(vm, abc, gs_name(vm, "update_abstractmethods")) : NULL;
    gs_xdecref(vm, abc);
    gs_Object *m = update ? gs_module_new(vm, "collections.abc") : NULL;
    for (int i = 0; m && i < A_COUNT; i++) {
        gs_Object *old = st->cls[i];
        st->cls[i] = make_abc(vm, meta, update, &specs[i]);
        gs_xdecref(vm, old);
        if (!st->cls[i]) {
            gs_decref(vm, m);
            m = NULL;
            break;
        }
        gs_module_add(vm, m, specs[i].name, gs_newref(vm, st->cls[i]));
    }
    gs_xdecref(vm, meta);
    gs_xdecref(vm, update);
    if (!m) {
        vm->gc_enabled = enabled;
        return NULL;
    }
    struct { int which; gs_Type *t; } regs[] = {
        { A_SEQUENCE, vm->t_tuple }, { A_SEQUENCE, vm->t_str }, { A_SEQUENCE, vm->t_range },
        { A_SEQUENCE, vm->t_bytes }, { A_MUTABLESEQUENCE, vm->t_list }, { A_MUTABLESEQUENCE, vm->t_bytearray },
        { A_MAPPING, vm->t_mappingproxy }, { A_MUTABLEMAPPING, vm->t_dict }, { A_SET, vm->t_frozenset }, { A_MUTABLESET, vm->t_set },
        { A_KEYSVIEW, vm->t_dict_keys }, { A_ITEMSVIEW, vm->t_dict_items }, { A_VALUESVIEW, vm->t_dict_values },
    };
    for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++)
        if (do_register(vm, regs[i].which, regs[i].t) < 0) {
            vm->gc_enabled = enabled;
            gs_decref(vm, m);
            return NULL;
        }
    /* collections registers deque as a MutableSequence */
    if (gs_module_imported(vm, "collections")) {
        gs_Object *coll = gs_import(vm, gs_name(vm, "collections"));
        gs_Object *dq = coll ? gs_lookup_attr(vm, coll, gs_name(vm, "deque")) : NULL;
        gs_xdecref(vm, coll);
        if (dq && GS_KIND(dq) == GS_K_TYPE)
            do_register(vm, A_MUTABLESEQUENCE, (gs_Type *)dq);
        gs_xdecref(vm, dq);
        gs_clear_exc(vm);
    }
    /* CPython made these classes at start-up (_collections_abc): a
     * program's import allocates 28 objects and keeps 14 (measured with
     * python3.11 after a full collection); the model makes them now (167
     * kept, not counted as allocations: above) */
    vm->gens[0].count = count0;
    vm->gc_enabled = enabled;
    gs_gc_import_footprint(vm, 28, 14 - 167, 0);
    return m;
}

void gs_collections_abc_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    AbcState *st = state(vm);
    for (int i = 0; st && i < A_COUNT; i++)
        if (st->cls[i])
            count(ctx, st->cls[i]);
}

void gs_collections_abc_clear(gs_VM *vm)
{
    AbcState *st = state(vm);
    for (int i = 0; st && i < A_COUNT; i++) {
        gs_Object *v = st->cls[i];
        st->cls[i] = NULL;
        gs_xdecref(vm, v);
    }
}

void gs_collections_abc_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_COLLECTIONS_ABC]);
    vm->modstate[GS_MS_COLLECTIONS_ABC] = NULL;
}
