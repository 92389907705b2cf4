/*
 * weakref.c — the weakref module: ref (core/runtime/weakrefobject.c),
 * getweakrefcount, getweakrefs, and the classes of Lib/weakref.py:
 * KeyedRef, WeakValueDictionary, WeakKeyDictionary and finalize.
 *
 * WeakValueDictionary, WeakKeyDictionary and finalize are CPython classes
 * written in Python; here they are built-in types whose instances keep the
 * same state in the same shape: a `data` dict, a `_remove` callback that
 * holds only a weak reference to its dictionary, and for finalize a
 * class-level registry that keeps every live finalizer (and so its weak
 * reference) reachable until it has been called.
 */
#include <stdio.h>

#include "modules.h"

/* Types of the weakref module, made when it is first imported. */
typedef struct gs_WeakrefState {
    gs_Type *t_keyedref, *t_wvd, *t_wkd, *t_finalize, *t_finfo;
    gs_Object *registry;        /* finalize._registry: finalize object -> info (dict, owned) */
    int64_t next_index;         /* finalize._index_iter */
    bool shutdown;              /* finalize._shutdown */
    gs_Object *atexit_kept[2];  /* phantoms: a list and a dict `import atexit` keeps */
} gs_WeakrefState;

static gs_Object *keyedref_new(GS_ARGS)
{
    if (gs_npos(nargs, kwnames) != 3 || (kwnames && kwnames->len)) {
        gs_raise(vm, vm->e_TypeError, "KeyedRef.__new__() takes 3 arguments");
        return NULL;
    }
    return gs_weakref_new_full(vm, (gs_Type *)self, args[0], args[1], args[2]);
}

static gs_Object *keyedref_key(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *k = ((gs_WeakRef *)self)->key;
    return gs_newref(vm, k ? k : vm->none);
}

/* ------------------------------------------------------------------ module functions */

static gs_Object *m_getweakrefcount(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object **list = gs_weakref_listptr(args[0]);
    int64_t n = 0;
    for (gs_WeakRef *w = list ? (gs_WeakRef *)*list : NULL; w; w = w->next)
        n++;
    return gs_int_new(vm, n);
}

static gs_Object *m_getweakrefs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    gs_Object **list = gs_weakref_listptr(args[0]);
    for (gs_WeakRef *w = list ? (gs_WeakRef *)*list : NULL; w; w = w->next)
        if (gs_list_append(vm, l, &w->ob) < 0) {
            gs_decref(vm, l);
            return NULL;
        }
    return l;
}

/* ================================================================== helpers for the Python-level classes */

static gs_Object *attr(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Instance *in = (gs_Instance *)o;
    gs_DictTable *t = in->dict ? &in->dict->t : &in->attrs;
    int32_t ix = gs_table_lookup_str(t, gs_name(vm, name));
    return ix >= 0 ? t->entries[ix].value : NULL; /* borrowed */
}

static int set_attr_steal(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    if (!v)
        return -1;
    int r = gs_setattr(vm, o, gs_name(vm, name), v);
    gs_decref(vm, v);
    return r;
}

static gs_Object *self_data(gs_VM *vm, gs_Object *self)
{
    gs_Object *d = attr(vm, self, "data");
    if (!d || GS_KIND(d) != GS_K_DICT) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute 'data'", gs_type_name(self));
        return NULL;
    }
    return d;
}

static gs_Object *bound_builtin(gs_VM *vm, const char *name, gs_CFunc fn, int min, int max, gs_Object *selfobj)
{
    return gs_builtin_new(vm, name, fn, min, max, selfobj);
}

static void raise_key_error(gs_VM *vm, gs_Object *key)
{
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, key)));
}

/* ================================================================== WeakValueDictionary */

/* The `_remove` callback: selfref is a weak reference to the dictionary;
 * wr is the dead KeyedRef.  CPython's _remove_dead_weakref deletes the key
 * only if it still maps to a dead reference. */
static gs_Object *wvd_remove(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *d = ((gs_WeakRef *)self)->object;
    gs_Object *wr = args[0];
    if (d && gs_is_weakref(wr)) {
        gs_Object *data = attr(vm, d, "data");
        gs_Object *key = ((gs_WeakRef *)wr)->key;
        if (data && key) {
            gs_Object *v = gs_dict_get(vm, data, key);
            if (vm->exc)
                return NULL;
            if (v && gs_is_weakref(v) && !((gs_WeakRef *)v)->object && gs_dict_del(vm, data, key) < 0)
                return NULL;
        }
    }
    return GS_NONE(vm);
}

/* ------------------------------------------------------------------ what the Python code also makes
 * In CPython these classes run Python code (Lib/weakref.py) that makes
 * objects this model does not: argument tuples of the calls it makes,
 * the `remove` closure and its defaults, the pending-removals list...
 * They only matter to gc.get_count(); these helpers move the counter (and
 * the free lists) as that code does, measured against python3.11. */

/* Argument tuples that live only during a call: sizes in call order. */
static void phantom_call_tuples(gs_VM *vm, const int32_t *lens, int n)
{
    gs_Object *held[4] = { NULL, NULL, NULL, NULL };
    for (int i = 0; i < n && i < 4; i++)
        held[i] = gs_phantom_alloc(vm, vm->t_tuple, lens[i]);
    for (int i = n < 4 ? n - 1 : 3; i >= 0; i--)
        gs_phantom_free(vm, held[i]);
}

/* Objects the Python-level constructor keeps for the object's life. */
static void phantom_kept(gs_VM *vm, int n)
{
    for (int i = 0; i < n; i++)
        gs_gc_on_alloc(vm);
}

static int wvd_set(gs_VM *vm, gs_Object *self, gs_Object *key, gs_Object *value)
{
    gs_Object *data = self_data(vm, self);
    gs_Object *remove = attr(vm, self, "_remove");
    if (!data || !remove)
        return -1;
    gs_WeakrefState *st = vm->wr;
    /* KeyedRef(value, self._remove, key): the call's tuple; in __new__,
     * ref.__new__(type, ob, callback)'s tuple and the one tp_new_wrapper
     * slices from it; the reference; then super().__init__(ob, callback):
     * a super object, a method-wrapper and an argument tuple */
    gs_Object *t_call = gs_phantom_alloc(vm, vm->t_tuple, 3);
    gs_Object *t_new = gs_phantom_alloc(vm, vm->t_tuple, 3);
    gs_Object *t_slice = gs_phantom_alloc(vm, vm->t_tuple, 2);
    gs_Object *kr = gs_weakref_new_full(vm, st->t_keyedref, value, remove, key);
    gs_phantom_free(vm, t_slice);
    gs_phantom_free(vm, t_new);
    gs_gc_on_alloc(vm); /* super() */
    gs_gc_on_alloc(vm); /* the bound __init__ */
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, 2));
    gs_gc_on_free(vm);
    gs_gc_on_free(vm);
    gs_phantom_free(vm, t_call);
    if (!kr)
        return -1;
    int r = gs_dict_set(vm, data, key, kr);
    gs_decref(vm, kr);
    return r;
}

static int update_from(gs_VM *vm, gs_Object *self, gs_Object *src, int (*set)(gs_VM *, gs_Object *, gs_Object *, gs_Object *))
{
    if (GS_KIND(src) == GS_K_DICT) {
        int32_t pos = 0;
        gs_Object *k, *v;
        while (gs_dict_next(src, &pos, &k, &v)) {
            gs_incref(vm, k);
            gs_incref(vm, v);
            int r = set(vm, self, k, v);
            gs_decref(vm, k);
            gs_decref(vm, v);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    /* an iterable of pairs */
    gs_Object *it = gs_iter(vm, src);
    if (!it)
        return -1;
    gs_Object *item;
    while ((item = gs_next(vm, it)) != NULL) {
        if ((GS_KIND(item) != GS_K_TUPLE && GS_KIND(item) != GS_K_LIST) || gs_len(vm, item) != 2) {
            gs_decref(vm, item);
            gs_decref(vm, it);
            gs_raise(vm, vm->e_TypeError, "cannot convert dictionary update sequence element to a sequence");
            return -1;
        }
        gs_Object *k = gs_getitem(vm, item, vm->small_ints[5]);
        gs_Object *v = gs_getitem(vm, item, vm->small_ints[6]);
        int r = (k && v) ? set(vm, self, k, v) : -1;
        gs_xdecref(vm, k);
        gs_xdecref(vm, v);
        gs_decref(vm, item);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

static int update_kwargs(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames,
                         int (*set)(gs_VM *, gs_Object *, gs_Object *, gs_Object *))
{
    if (!kwnames)
        return 0;
    int npos = nargs - kwnames->len;
    for (int i = 0; i < kwnames->len; i++)
        if (set(vm, self, kwnames->items[i], args[npos + i]) < 0)
            return -1;
    return 0;
}

static gs_Object *wvd_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "WeakValueDictionary expected at most 1 argument, got %d", npos);
        return NULL;
    }
    gs_Object *d = gs_instance_new(vm, (gs_Type *)self);
    if (!d)
        return NULL;
    phantom_kept(vm, 9); /* remove's defaults, _pending_removals, _iterating, **kw dicts, ... */
    /* def remove(wr, selfref=ref(self), ...): holds the dictionary weakly */
    gs_Object *selfref = gs_weakref_new(vm, d, NULL);
    gs_Object *remove = selfref ? bound_builtin(vm, "remove", wvd_remove, 1, 1, selfref) : NULL;
    gs_xdecref(vm, selfref);
    if (set_attr_steal(vm, d, "_remove", remove) < 0 || set_attr_steal(vm, d, "data", gs_dict_new(vm)) < 0 ||
        (npos == 1 && update_from(vm, d, args[0], wvd_set) < 0) ||
        update_kwargs(vm, d, args, nargs, kwnames, wvd_set) < 0) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

/* The live value for key, new reference; NULL without error if absent or dead. */
static gs_Object *wvd_lookup(gs_VM *vm, gs_Object *self, gs_Object *key)
{
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = gs_dict_get(vm, data, key);
    if (!wr || !gs_is_weakref(wr) || !((gs_WeakRef *)wr)->object)
        return NULL;
    return gs_newref(vm, ((gs_WeakRef *)wr)->object);
}

static gs_Object *wvd_getitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wvd_lookup(vm, self, args[0]);
    if (!v && !vm->exc)
        raise_key_error(vm, args[0]);
    return v;
}

static gs_Object *wvd_setitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return wvd_set(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *wvd_delitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    if (!data || gs_dict_del(vm, data, args[0]) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *wvd_contains(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wvd_lookup(vm, self, args[0]);
    if (vm->exc) {
        if (!gs_exc_matches(vm, vm->e_TypeError))
            return NULL;
        gs_clear_exc(vm);
    }
    bool in = v != NULL;
    gs_xdecref(vm, v);
    return GS_BOOL(vm, in);
}

static gs_Object *wvd_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    return data ? gs_int_new(vm, ((gs_Dict *)data)->t.used) : NULL;
}

static gs_Object *wvd_get(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wvd_lookup(vm, self, args[0]);
    if (v || vm->exc)
        return v;
    return gs_newref(vm, nargs > 1 ? args[1] : vm->none);
}

enum { VIEW_KEYS, VIEW_VALUES, VIEW_ITEMS };

/* keys(), values(), items() and __iter__ of both weak dictionaries.  In
 * CPython they are generators (Lib/weakref.py):
 *     with _IterationGuard(self):
 *         for k, wr in self.data.items():   # or self.data / .values()
 *             ...yield
 * Here the live entries are copied into a list the generator's iterator
 * walks (the list is the generator's progress: outside the count), and the
 * objects CPython's generator has alive meanwhile are phantoms with the same
 * lifetimes: the call's and ref(self)'s 1-tuples (alive at once, so two go
 * to the free list), the guard and its weak reference, BEFORE_WITH's bound
 * __enter__ and __exit__, the dict's iterator and, for .items(), its result
 * tuple.  weak_keys: the keys are the weak references (WeakKeyDictionary). */
static gs_Object *weak_view(gs_VM *vm, gs_Object *self, int what, bool weak_keys)
{
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *l = gs_list_new_uncounted(vm);
    gs_Object *it = l ? gs_iter(vm, l) : NULL; /* the generator */
    gs_xdecref(vm, l);
    if (!it)
        return NULL;
    gs_Object *t_call = gs_phantom_alloc(vm, vm->t_tuple, 1);
    gs_Object *guard = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_Object *t_ref = gs_phantom_alloc(vm, vm->t_tuple, 1);
    gs_Object *guard_ref = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_phantom_free(vm, t_ref);
    gs_phantom_free(vm, t_call);
    gs_Object *enter = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_Object *exit = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_phantom_free(vm, enter);
    bool via_items = weak_keys ? what != VIEW_KEYS : what != VIEW_VALUES;
    gs_Object *dict_it = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_Object *result = via_items ? gs_phantom_alloc(vm, vm->t_tuple, 2) : NULL;
    int32_t pos = 0;
    gs_Object *dk, *dv;
    while (gs_dict_next(data, &pos, &dk, &dv)) {
        gs_Object *wr = weak_keys ? dk : dv;
        gs_Object *obj = gs_is_weakref(wr) ? ((gs_WeakRef *)wr)->object : NULL;
        if (!obj)
            continue;
        gs_Object *k = weak_keys ? obj : dk, *v = weak_keys ? dv : obj;
        gs_Object *item = what == VIEW_KEYS ? gs_newref(vm, k) : what == VIEW_VALUES ? gs_newref(vm, v)
                                                                                  : gs_tuple_pack(vm, 2, k, v);
        if (!item || gs_list_append(vm, l, item) < 0) {
            gs_xdecref(vm, item);
            gs_decref(vm, it);
            it = NULL;
            break;
        }
        gs_decref(vm, item);
    }
    gs_phantom_free(vm, result);
    gs_phantom_free(vm, dict_it);
    gs_phantom_free(vm, exit);
    gs_phantom_free(vm, guard_ref);
    gs_phantom_free(vm, guard);
    return it;
}

static gs_Object *wvd_keys(GS_ARGS) { GS_UNUSED_ARGS; return weak_view(vm, self, VIEW_KEYS, false); }
static gs_Object *wvd_values(GS_ARGS) { GS_UNUSED_ARGS; return weak_view(vm, self, VIEW_VALUES, false); }
static gs_Object *wvd_items(GS_ARGS) { GS_UNUSED_ARGS; return weak_view(vm, self, VIEW_ITEMS, false); }

static gs_Object *wvd_pop(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = gs_dict_pop(vm, data, args[0]);
    if (vm->exc)
        return NULL;
    gs_Object *v = wr && gs_is_weakref(wr) ? ((gs_WeakRef *)wr)->object : NULL;
    if (v)
        gs_incref(vm, v);
    gs_xdecref(vm, wr);
    if (v)
        return v;
    if (nargs > 1)
        return gs_newref(vm, args[1]);
    raise_key_error(vm, args[0]);
    return NULL;
}

static gs_Object *wvd_setdefault(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wvd_lookup(vm, self, args[0]);
    if (v || vm->exc)
        return v;
    gs_Object *dflt = nargs > 1 ? args[1] : vm->none;
    if (wvd_set(vm, self, args[0], dflt) < 0)
        return NULL;
    return gs_newref(vm, dflt);
}

static gs_Object *wvd_update(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if ((npos >= 1 && update_from(vm, self, args[0], wvd_set) < 0) ||
        update_kwargs(vm, self, args, nargs, kwnames, wvd_set) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *wvd_clear(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_dict_clear(vm, data);
    return GS_NONE(vm);
}

static gs_Object *wvd_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    const char *name = strrchr(self->type->name->data, '.');
    return gs_str_printf(vm, "<%s at 0x%llx>", name ? name + 1 : self->type->name->data, gs_object_address(self));
}

/* ================================================================== WeakKeyDictionary */

/* def remove(k, selfref=ref(self)): del self.data[k] */
static gs_Object *wkd_remove(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *d = ((gs_WeakRef *)self)->object;
    if (d) {
        gs_Object *data = attr(vm, d, "data");
        if (data && gs_dict_del(vm, data, args[0]) < 0) {
            if (!gs_exc_matches(vm, vm->e_KeyError))
                return NULL;
            gs_clear_exc(vm);
        }
    }
    return GS_NONE(vm);
}

static int wkd_set(gs_VM *vm, gs_Object *self, gs_Object *key, gs_Object *value)
{
    static const int32_t calls[1] = { 2 }; /* ref(key, self._remove) */
    phantom_call_tuples(vm, calls, 1);
    gs_Object *data = self_data(vm, self);
    gs_Object *remove = attr(vm, self, "_remove");
    if (!data || !remove)
        return -1;
    gs_Object *wr = gs_weakref_new(vm, key, remove);
    if (!wr)
        return -1;
    int r = gs_dict_set(vm, data, wr, value);
    gs_decref(vm, wr);
    return r;
}

static gs_Object *wkd_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "WeakKeyDictionary expected at most 1 argument, got %d", npos);
        return NULL;
    }
    gs_Object *d = gs_instance_new(vm, (gs_Type *)self);
    if (!d)
        return NULL;
    phantom_kept(vm, 3); /* remove's defaults, _pending_removals, _iterating */
    gs_Object *selfref = gs_weakref_new(vm, d, NULL);
    gs_Object *remove = selfref ? bound_builtin(vm, "remove", wkd_remove, 1, 1, selfref) : NULL;
    gs_xdecref(vm, selfref);
    if (set_attr_steal(vm, d, "_remove", remove) < 0 || set_attr_steal(vm, d, "data", gs_dict_new(vm)) < 0 ||
        (npos == 1 && update_from(vm, d, args[0], wkd_set) < 0)) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

/* data[ref(key)], borrowed; NULL without error if absent. */
static gs_Object *wkd_lookup(gs_VM *vm, gs_Object *self, gs_Object *key)
{
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = gs_weakref_new(vm, key, NULL);
    if (!wr)
        return NULL;
    gs_Object *v = gs_dict_get(vm, data, wr);
    gs_decref(vm, wr);
    return v;
}

static gs_Object *wkd_getitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wkd_lookup(vm, self, args[0]);
    if (v)
        return gs_newref(vm, v);
    if (!vm->exc)
        raise_key_error(vm, args[0]);
    return NULL;
}

static gs_Object *wkd_setitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return wkd_set(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *wkd_delitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = gs_weakref_new(vm, args[0], NULL);
    if (!wr)
        return NULL;
    int r = gs_dict_del(vm, data, wr);
    gs_decref(vm, wr);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *wkd_contains(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wkd_lookup(vm, self, args[0]);
    if (vm->exc) {
        if (!gs_exc_matches(vm, vm->e_TypeError))
            return NULL;
        gs_clear_exc(vm);
    }
    return GS_BOOL(vm, v != NULL);
}

static gs_Object *wkd_get(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wkd_lookup(vm, self, args[0]);
    if (vm->exc)
        return NULL;
    return gs_newref(vm, v ? v : nargs > 1 ? args[1] : vm->none);
}

static gs_Object *wkd_keys(GS_ARGS) { GS_UNUSED_ARGS; return weak_view(vm, self, VIEW_KEYS, true); }
static gs_Object *wkd_values(GS_ARGS) { GS_UNUSED_ARGS; return weak_view(vm, self, VIEW_VALUES, true); }
static gs_Object *wkd_items(GS_ARGS) { GS_UNUSED_ARGS; return weak_view(vm, self, VIEW_ITEMS, true); }

static gs_Object *wkd_pop(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = gs_weakref_new(vm, args[0], NULL);
    if (!wr)
        return NULL;
    gs_Object *v = gs_dict_pop(vm, data, wr);
    gs_decref(vm, wr);
    if (v || vm->exc)
        return v;
    if (nargs > 1)
        return gs_newref(vm, args[1]);
    raise_key_error(vm, args[0]);
    return NULL;
}

static gs_Object *wkd_setdefault(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = wkd_lookup(vm, self, args[0]);
    if (v)
        return gs_newref(vm, v);
    if (vm->exc)
        return NULL;
    gs_Object *dflt = nargs > 1 ? args[1] : vm->none;
    if (wkd_set(vm, self, args[0], dflt) < 0)
        return NULL;
    return gs_newref(vm, dflt);
}

static gs_Object *wkd_update(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if ((npos >= 1 && update_from(vm, self, args[0], wkd_set) < 0) ||
        update_kwargs(vm, self, args, nargs, kwnames, wkd_set) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* ================================================================== finalize */

/* Each live finalizer is a key of the registry; its value is an _Info
 * instance holding the weak reference (whose callback is the finalizer
 * itself), func, args, kwargs, atexit and index. */
static gs_Object *finalize_new(GS_ARGS)
{
    gs_WeakrefState *st = vm->wr;
    int npos = gs_npos(nargs, kwnames);
    if (npos < 2) {
        gs_raise(vm, vm->e_TypeError, "finalize.__init__() missing %d required positional argument%s: %s",
                 2 - npos, npos == 1 ? "" : "s", npos == 1 ? "'func'" : "'obj' and 'func'");
        return NULL;
    }
    /* In CPython's order: the call's argument tuple, the finalizer, then
     * __init__'s *args tuple and **kwargs dict, (the first time) what
     * atexit.register keeps, the _Info, ref(obj, self)'s tuple and the
     * weak reference; the call tuple and an empty **kwargs die at the end. */
    gs_Object *t_call = gs_phantom_alloc(vm, vm->t_tuple, npos + (kwnames ? kwnames->len : 0));
    gs_Object *f = gs_instance_new(vm, (gs_Type *)self);
    if (!f) {
        gs_phantom_free(vm, t_call);
        return NULL;
    }
    gs_Object *fargs = gs_tuple_new(vm, npos - 2);
    if (fargs)
        for (int i = 2; i < npos; i++)
            gs_tuple_init(vm, fargs, i - 2, gs_newref(vm, args[i]));
    gs_Object *fkw = NULL, *t_kw = NULL;
    if (kwnames && kwnames->len) {
        fkw = gs_dict_new(vm);
        for (int i = 0; fkw && i < kwnames->len; i++)
            if (gs_dict_set(vm, fkw, kwnames->items[i], args[npos + i]) < 0) {
                gs_decref(vm, fkw);
                fkw = NULL;
            }
    } else {
        t_kw = gs_phantom_alloc(vm, vm->t_dict, 0); /* **kwargs, empty: info.kwargs is None */
        fkw = GS_NONE(vm);
    }
    if (st->next_index == 0) {
        /* import atexit; atexit.register(self._exitfunc): what it keeps, and
         * what it leaves on the free lists (two dicts, two 1-tuples and two
         * 2-tuples, measured with python3.11 after a full collection) */
        phantom_kept(vm, 8);
        /* ... a list and a dict it keeps and two 3-tuples, alive at once,
         * that it frees, all of which come from the free lists when they can
         * (measured by filling each free list first) */
        st->atexit_kept[0] = gs_phantom_alloc(vm, vm->t_list, 0);
        st->atexit_kept[1] = gs_phantom_alloc(vm, vm->t_dict, 0);
        gs_Object *t3a = gs_phantom_alloc(vm, vm->t_tuple, 3), *t3b = gs_phantom_alloc(vm, vm->t_tuple, 3);
        gs_phantom_free(vm, t3b);
        gs_phantom_free(vm, t3a);
        gs_Object *tmp[6] = { gs_phantom_alloc(vm, vm->t_dict, 0),  gs_phantom_alloc(vm, vm->t_dict, 0),
                              gs_phantom_alloc(vm, vm->t_tuple, 1), gs_phantom_alloc(vm, vm->t_tuple, 1),
                              gs_phantom_alloc(vm, vm->t_tuple, 2), gs_phantom_alloc(vm, vm->t_tuple, 2) };
        for (int i = 5; i >= 0; i--)
            gs_phantom_free(vm, tmp[i]);
    }
    gs_Object *info = gs_instance_new(vm, st->t_finfo);
    int err = !fargs || !fkw || !info;
    /* CPython keeps atexit in the info and exposes it through a property
     * with a setter; here it is the finalizer's own attribute */
    if (!err)
        err = set_attr_steal(vm, f, "atexit", GS_BOOL(vm, true)) < 0;
    if (!err) {
        gs_Object *t_ref = gs_phantom_alloc(vm, vm->t_tuple, 2);
        gs_Object *wr = gs_weakref_new(vm, args[0], f);
        gs_phantom_free(vm, t_ref);
        err = set_attr_steal(vm, info, "weakref", wr) < 0 ||
              set_attr_steal(vm, info, "func", gs_newref(vm, args[1])) < 0 ||
              set_attr_steal(vm, info, "args", gs_newref(vm, fargs)) < 0 ||
              set_attr_steal(vm, info, "kwargs", gs_newref(vm, fkw)) < 0 ||
              set_attr_steal(vm, info, "index", gs_int_new(vm, st->next_index++)) < 0 ||
              gs_dict_set(vm, st->registry, f, info) < 0;
    }
    gs_xdecref(vm, fargs);
    gs_xdecref(vm, fkw);
    gs_xdecref(vm, info);
    gs_phantom_free(vm, t_kw);
    gs_phantom_free(vm, t_call);
    if (err) {
        gs_decref(vm, f);
        return NULL;
    }
    return f;
}

/* Call func(*args, **kwargs) from an info. */
static gs_Object *finalize_invoke(gs_VM *vm, gs_Object *info)
{
    gs_Object *func = attr(vm, info, "func");
    gs_Object *fargs = attr(vm, info, "args");
    gs_Object *fkw = attr(vm, info, "kwargs");
    if (!func || !fargs || GS_KIND(fargs) != GS_K_TUPLE) {
        gs_raise(vm, vm->e_RuntimeError, "finalize: broken registry entry");
        return NULL;
    }
    gs_Tuple *t = (gs_Tuple *)fargs;
    int nkw = fkw && GS_KIND(fkw) == GS_K_DICT ? ((gs_Dict *)fkw)->t.used : 0;
    int n = t->len + nkw;
    gs_Object **argv = malloc(sizeof(gs_Object *) * (size_t)(n ? n : 1));
    if (!argv) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int i = 0; i < t->len; i++)
        argv[i] = t->items[i];
    gs_Object *names = NULL;
    if (nkw) {
        names = gs_tuple_new(vm, nkw);
        if (!names) {
            free(argv);
            return NULL;
        }
        int32_t pos = 0;
        gs_Object *k, *v;
        for (int i = 0; gs_dict_next(fkw, &pos, &k, &v); i++) {
            gs_tuple_init(vm, names, i, gs_newref(vm, k));
            argv[t->len + i] = v;
        }
    }
    gs_incref(vm, func);
    gs_incref(vm, fargs);
    gs_xincref(vm, fkw);
    /* **(info.kwargs or {}) compiles to BUILD_MAP 0 (the dict the call gets),
     * BUILD_MAP 0 again when kwargs is None (the `{}`), DICT_MERGE (which
     * frees the `{}`), CALL_FUNCTION_EX */
    gs_Object *merged = gs_phantom_alloc(vm, vm->t_dict, 0);
    if (!nkw)
        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_dict, 0));
    gs_Object *r = gs_call_object(vm, func, argv, n, (gs_Tuple *)names);
    gs_phantom_free(vm, merged);
    gs_decref(vm, func);
    gs_decref(vm, fargs);
    gs_xdecref(vm, fkw);
    gs_xdecref(vm, names);
    free(argv);
    return r;
}

/* def __call__(self, _=None): info = registry.pop(self, None); if info and
 * not shutdown: return info.func(*info.args, **(info.kwargs or {})) */
static gs_Object *finalize_call(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_WeakrefState *st = vm->wr;
    gs_Object *info = gs_dict_pop(vm, st->registry, self);
    if (vm->exc)
        return NULL;
    if (!info)
        return GS_NONE(vm);
    gs_Object *r = st->shutdown ? GS_NONE(vm) : finalize_invoke(vm, info);
    gs_decref(vm, info);
    return r;
}

static gs_Object *finalize_peek_or_detach(gs_VM *vm, gs_Object *self, bool detach)
{
    gs_WeakrefState *st = vm->wr;
    gs_Object *info = gs_dict_get(vm, st->registry, self);
    if (!info)
        return vm->exc ? NULL : GS_NONE(vm);
    gs_Object *wr = attr(vm, info, "weakref");
    gs_Object *obj = wr && gs_is_weakref(wr) ? ((gs_WeakRef *)wr)->object : NULL;
    if (!obj)
        return GS_NONE(vm);
    gs_incref(vm, info);
    gs_Object *kw = attr(vm, info, "kwargs");
    gs_Object *kwd = kw && kw != vm->none ? gs_newref(vm, kw) : gs_dict_new(vm);
    gs_Object *r = kwd ? gs_tuple_pack(vm, 4, obj, attr(vm, info, "func"), attr(vm, info, "args"), kwd) : NULL;
    gs_xdecref(vm, kwd);
    if (r && detach) {
        gs_Object *popped = gs_dict_pop(vm, st->registry, self);
        gs_xdecref(vm, popped);
    }
    gs_decref(vm, info);
    return r;
}

static gs_Object *finalize_detach(GS_ARGS) { GS_UNUSED_ARGS; return finalize_peek_or_detach(vm, self, true); }
static gs_Object *finalize_peek(GS_ARGS) { GS_UNUSED_ARGS; return finalize_peek_or_detach(vm, self, false); }

static gs_Object *finalize_alive(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *info = gs_dict_get(vm, vm->wr->registry, self);
    if (vm->exc)
        return NULL;
    return GS_BOOL(vm, info != NULL);
}

static gs_Object *finalize_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *info = gs_dict_get(vm, vm->wr->registry, self);
    gs_Object *wr = info ? attr(vm, info, "weakref") : NULL;
    gs_Object *obj = wr && gs_is_weakref(wr) ? ((gs_WeakRef *)wr)->object : NULL;
    if (!obj)
        return gs_str_printf(vm, "<finalize object at 0x%llx; dead>", gs_object_address(self));
    return gs_str_printf(vm, "<finalize object at 0x%llx; for '%s' at 0x%llx>", gs_object_address(self),
                         obj->type->name->data, gs_object_address(obj));
}

/* At the end of the run (CPython's atexit, before __main__ is cleared):
 * call the live finalizers whose atexit is true, newest first. */
void gs_weakref_at_exit(gs_VM *vm)
{
    gs_WeakrefState *st = vm->wr;
    if (!st || !st->registry)
        return;
    bool reenable = vm->gc_enabled;
    vm->gc_enabled = false;
    for (;;) {
        /* the newest live finalizer marked for exit */
        gs_Object *best = NULL;
        int64_t best_index = -1;
        int32_t pos = 0;
        gs_Object *f, *info;
        while (gs_dict_next(st->registry, &pos, &f, &info)) {
            gs_Object *a = attr(vm, f, "atexit");
            gs_Object *ix = attr(vm, info, "index");
            if (a && gs_truthy(vm, a) == 1 && ix && GS_KIND(ix) == GS_K_INT && ((gs_Int *)ix)->value > best_index) {
                best = f;
                best_index = ((gs_Int *)ix)->value;
            }
        }
        if (!best)
            break;
        gs_incref(vm, best);
        gs_Object *r = gs_call_object(vm, best, NULL, 0, NULL);
        if (!r)
            gs_write_unraisable(vm, "Exception ignored in atexit callback: ", best);
        else
            gs_decref(vm, r);
        /* a finalizer that failed is still removed from the registry */
        gs_Object *left = gs_dict_pop(vm, st->registry, best);
        gs_clear_exc(vm);
        gs_xdecref(vm, left);
        gs_decref(vm, best);
    }
    st->shutdown = true;
    if (reenable)
        vm->gc_enabled = true;
}

/* ================================================================== the module */

/* Classes of Lib/weakref.py: built-in types here, named "weakref.Name" so
 * that repr(), __name__ and __module__ read as CPython's. */
static gs_Type *new_type(gs_VM *vm, const char *name, gs_Type *base)
{
    char full[64];
    snprintf(full, sizeof full, "weakref.%s", name);
    gs_Type *t = gs_type_new_builtin(vm, full, base, (gs_Kind)base->inst_kind, GS_TF_BASETYPE);
    t->module = gs_name(vm, "weakref");
    return t;
}

static void add_property(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, 0, 0, NULL);
    if (!b)
        return;
    ((gs_Builtin *)b)->owner = t;
    gs_Object *p = gs_descriptor_new(vm, vm->t_property, b, false);
    gs_decref(vm, b);
    if (p) {
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, p);
        gs_decref(vm, p);
    }
}

static const gs_MethodDef keyedref_methods[] = {
    { "__new__", keyedref_new, 0, -1, GS_KW }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef wvd_methods[] = {
    { "__new__", wvd_new, 0, -1, GS_KW }, { "__getitem__", wvd_getitem, 1, 1, false },
    { "__setitem__", wvd_setitem, 2, 2, false }, { "__delitem__", wvd_delitem, 1, 1, false },
    { "__contains__", wvd_contains, 1, 1, false }, { "__len__", wvd_len, 0, 0, false },
    { "__iter__", wvd_keys, 0, 0, false }, { "__repr__", wvd_repr, 0, 0, false },
    { "get", wvd_get, 1, 2, false }, { "keys", wvd_keys, 0, 0, false }, { "values", wvd_values, 0, 0, false },
    { "items", wvd_items, 0, 0, false }, { "pop", wvd_pop, 1, 2, false },
    { "setdefault", wvd_setdefault, 1, 2, false }, { "update", wvd_update, 0, -1, GS_KW },
    { "clear", wvd_clear, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef wkd_methods[] = {
    { "__new__", wkd_new, 0, -1, GS_KW }, { "__getitem__", wkd_getitem, 1, 1, false },
    { "__setitem__", wkd_setitem, 2, 2, false }, { "__delitem__", wkd_delitem, 1, 1, false },
    { "__contains__", wkd_contains, 1, 1, false }, { "__len__", wvd_len, 0, 0, false },
    { "__iter__", wkd_keys, 0, 0, false }, { "__repr__", wvd_repr, 0, 0, false },
    { "get", wkd_get, 1, 2, false }, { "keys", wkd_keys, 0, 0, false }, { "values", wkd_values, 0, 0, false },
    { "items", wkd_items, 0, 0, false }, { "pop", wkd_pop, 1, 2, false },
    { "setdefault", wkd_setdefault, 1, 2, false }, { "update", wkd_update, 0, -1, GS_KW },
    { "clear", wvd_clear, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef finalize_methods[] = {
    { "__new__", finalize_new, 0, -1, GS_KW }, { "__call__", finalize_call, 0, 1, false },
    { "detach", finalize_detach, 0, 0, false }, { "peek", finalize_peek, 0, 0, false },
    { "__repr__", finalize_repr, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static void make_types(gs_VM *vm)
{
    gs_WeakrefState *st = calloc(1, sizeof *st);
    if (!st)
        abort(); /* a few bytes at import: nothing sensible to continue with */
    vm->wr = st;
    gs_weakref_methods_init(vm);
    st->t_keyedref = new_type(vm, "KeyedRef", vm->t_weakref);
    gs_type_add_methods(vm, st->t_keyedref, keyedref_methods);
    add_property(vm, st->t_keyedref, "key", keyedref_key);
    st->t_wvd = new_type(vm, "WeakValueDictionary", vm->t_object);
    gs_type_add_methods(vm, st->t_wvd, wvd_methods);
    st->t_wkd = new_type(vm, "WeakKeyDictionary", vm->t_object);
    gs_type_add_methods(vm, st->t_wkd, wkd_methods);
    st->t_finalize = new_type(vm, "finalize", vm->t_object);
    gs_type_add_methods(vm, st->t_finalize, finalize_methods);
    add_property(vm, st->t_finalize, "alive", finalize_alive);
    st->t_finfo = new_type(vm, "_Info", vm->t_object);
    st->registry = gs_dict_new(vm);
    if (st->registry)
        gs_dict_set(vm, &st->t_finalize->dict->ob, &gs_name(vm, "_registry")->ob, st->registry);
}

gs_Object *gs_module_weakref(gs_VM *vm)
{
    if (!vm->wr)
        make_types(vm);
    gs_WeakrefState *st = vm->wr;
    gs_Object *m = gs_module_new(vm, "weakref");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "ref", gs_newref(vm, &vm->t_weakref->ob));
    gs_module_add(vm, m, "ReferenceType", gs_newref(vm, &vm->t_weakref->ob));
    gs_module_add(vm, m, "KeyedRef", gs_newref(vm, &st->t_keyedref->ob));
    gs_module_add(vm, m, "WeakValueDictionary", gs_newref(vm, &st->t_wvd->ob));
    gs_module_add(vm, m, "WeakKeyDictionary", gs_newref(vm, &st->t_wkd->ob));
    gs_module_add(vm, m, "finalize", gs_newref(vm, &st->t_finalize->ob));
    gs_module_add_fn(vm, m, "getweakrefcount", m_getweakrefcount, 1, 1, false);
    gs_module_add_fn(vm, m, "getweakrefs", m_getweakrefs, 1, 1, false);
    /* CPython's `import weakref` runs Lib/weakref.py (and _weakrefset,
     * _collections_abc...): about 407 more long-lived objects than this
     * module makes, which the 25 % rule of full collections counts */
    vm->gc_long_lived_phantom += 350;
    return m;
}

/* References held by this module's static state, for the refcount check. */
void gs_weakref_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_WeakrefState *st = vm->wr;
    if (!st)
        return;
    gs_Type *types[] = { vm->t_weakref, st->t_keyedref, st->t_wvd, st->t_wkd, st->t_finalize, st->t_finfo };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i]->dict)
            count(ctx, &types[i]->dict->ob);
    count(ctx, st->registry);
}

/* Teardown: drop the registry (the static types' dicts go with the other
 * static types). */
void gs_weakref_clear(gs_VM *vm)
{
    gs_WeakrefState *st = vm->wr;
    if (!st)
        return;
    gs_Object *r = st->registry;
    st->registry = NULL;
    gs_xdecref(vm, r);
    for (int i = 0; i < 2; i++) {
        gs_phantom_free(vm, st->atexit_kept[i]);
        st->atexit_kept[i] = NULL;
    }
}

void gs_weakref_free(gs_VM *vm)
{
    free(vm->wr);
    vm->wr = NULL;
}

