/*
 * weakrefobject.c — weak references: weakref.ref objects, the proxies of
 * weakref.proxy (ProxyType, CallableProxyType) and the instances of
 * classes derived from ref.
 *
 * A weak reference names an object without holding it: the referent's
 * count does not change, and when the referent dies the reference is
 * cleared (it then returns None, a proxy raises ReferenceError) and its
 * callback, if any, is called with the reference.  The model is CPython
 * 3.11's Objects/weakrefobject.c:
 *
 *   - every object that can be weakly referenced keeps a doubly linked list
 *     of its weak references (gs_weakref_listptr says where it starts);
 *   - the list starts with the "basic" references, the ones without a
 *     callback that everybody shares: the plain ref (exact type), then the
 *     plain proxy; weakref.ref(o) / weakref.proxy(o) without a callback
 *     return them when they exist; a reference with a callback (or of a
 *     subclass) is always new and goes right after the basic ones, so
 *     callbacks run newest first;
 *   - on the refcount path (gs_weakref_clear_all, from gs_dealloc) __del__
 *     has already run; the basic references are cleared, then every
 *     reference with a callback is cleared and the callbacks are called in
 *     list order;
 *   - in a collection (collector.c's handle_weakrefs) references are cleared
 *     with gs_weakref_clear_ref, which keeps the callback: the collector
 *     decides which callbacks to call, before any __del__ runs.
 *
 * A weak reference holds its callback (a real reference: the collector
 * traverses it), for a KeyedRef (the values of a WeakValueDictionary) its
 * key, and for an instance of a class derived from ref its attributes and
 * its class, like any instance.  A proxy forwards every operation to its
 * referent: its type's methods (__add__, __len__, __iter__ ...) unwrap the
 * operands and do the operation on the referent, as CPython's proxy slots
 * do; attribute access goes through gs_proxy_getattr / gs_proxy_setattr.
 * The classes of Lib/weakref.py are in core/modules/weakref.c.
 */
#include <stdio.h>

#include "opcodes.h"
#include "runtime.h"

size_t gs_weakref_size(void) { return sizeof(gs_WeakRef); }

#define WR(o) ((gs_WeakRef *)(o))
#define OB(w) (&(w)->inst.ob)

/* Field numbers of a weak reference in traverse order and in the trace
 * (1 is also an instance's __dict__: a subclass of KeyedRef never has one) */
enum { F_CALLBACK = 0, F_KEY = 1, F_CLASS = 3 };

bool gs_weakref_has_attrs(gs_Object *o)
{
    return GS_KIND(o) == GS_K_WEAKREF && (o->type->flags & (GS_TF_HEAP | GS_TF_WEAKREF_ATTRS));
}

gs_Object **gs_weakref_listptr(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if ((o->type->flags & GS_TF_HEAP) && k != GS_K_TYPE) {
        /* objects of classes: unless __slots__ left __weakref__ out (or
         * the built-in base, int or tuple, cannot have it) */
        if (!(o->type->flags & GS_TF_WEAK))
            return NULL;
        return &gs_inst_part(o)->weakreflist;
    }
    switch (k) {
    case GS_K_INSTANCE:
        /* object() itself has no __weakref__; every class derived from it
         * does, but for a few C types (mappingproxy, getset_descriptor) */
        return o->type->base && (o->type->flags & GS_TF_WEAK) ? &((gs_Instance *)o)->weakreflist : NULL;
    case GS_K_EXCEPTION:
        /* built-in exception types have no __weakref__; classes derived from them do */
        return (o->type->flags & GS_TF_HEAP) ? &((gs_Instance *)o)->weakreflist : NULL;
    case GS_K_FUNCTION: return &((gs_Function *)o)->weakreflist;
    case GS_K_TYPE: return &((gs_Type *)o)->weakreflist;
    case GS_K_SET: return &((gs_Set *)o)->weakreflist;
    case GS_K_METHOD: return &((gs_Method *)o)->weakreflist;
    case GS_K_BUILTIN: return &((gs_Builtin *)o)->weakreflist;
    case GS_K_MODULE: return &((gs_Module *)o)->weakreflist;
    case GS_K_CODE: return &((gs_Code *)o)->weakreflist;
    case GS_K_GENERATOR: return gs_gen_weakreflist(o);
    case GS_K_WEAKREF:
        /* a class derived from ref gets __weakref__; ref and the proxies have none */
        return gs_weakref_has_attrs(o) ? &((gs_Instance *)o)->weakreflist : NULL;
    default: return NULL;
    }
}

/* ================================================================== the list */

static void insert_head(gs_WeakRef *wr, gs_Object **list)
{
    gs_WeakRef *head = WR(*list);
    wr->prev = NULL;
    wr->next = head;
    if (head)
        head->prev = wr;
    *list = OB(wr);
}

static void insert_after(gs_WeakRef *wr, gs_WeakRef *prev)
{
    wr->prev = prev;
    wr->next = prev->next;
    if (prev->next)
        prev->next->prev = wr;
    prev->next = wr;
}

/* CPython's get_basic_refs: the shared references without a callback at
 * the head of the list, the plain ref (exact type) then the plain proxy. */
static void basic_refs(gs_VM *vm, gs_Object *head, gs_WeakRef **refp, gs_WeakRef **proxyp)
{
    gs_WeakRef *h = WR(head);
    *refp = *proxyp = NULL;
    if (!h || h->callback)
        return;
    if (OB(h)->type == vm->t_weakref) {
        *refp = h;
        h = h->next;
    }
    if (h && !h->callback && gs_is_proxy(OB(h)))
        *proxyp = h;
}

/* Unlink from the referent (CPython's clear_weakref without the callback). */
static void unlink_ref(gs_VM *vm, gs_WeakRef *wr)
{
    gs_Object *obj = wr->object;
    if (!obj)
        return;
    gs_Object **list = gs_weakref_listptr(obj);
    if (list && *list == OB(wr))
        *list = wr->next ? OB(wr->next) : NULL;
    if (wr->prev)
        wr->prev->next = wr->next;
    if (wr->next)
        wr->next->prev = wr->prev;
    wr->prev = wr->next = NULL;
    wr->object = NULL;
    if (vm->recording && (OB(wr)->gcflags & GS_GC_SHOWN))
        gs_record(vm, GS_EV_WEAKREF_CLEAR, 0, OB(wr)->id, 0, obj->id, 0);
}

void gs_weakref_clear_ref(gs_VM *vm, gs_Object *o) { unlink_ref(vm, WR(o)); }

/* The reference itself dies or is cleared by the collector (weakref_dealloc
 * and gc_clear): a KeyedRef's key slot first (a subclass's slots go before
 * its base's fields), then it leaves the referent's list and drops its
 * callback.  A subclass's attributes went before (object.c). */
void gs_weakref_dealloc(gs_VM *vm, gs_Object *o)
{
    gs_WeakRef *wr = WR(o);
    gs_Object *key = wr->key;
    wr->key = NULL;
    if (key) {
        gs_record_field(vm, o, F_KEY, key, NULL);
        gs_decref_c(vm, key, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_KEY));
    }
    unlink_ref(vm, wr);
    gs_Object *cb = wr->callback;
    wr->callback = NULL;
    if (cb) {
        gs_record_field(vm, o, F_CALLBACK, cb, NULL);
        gs_decref_c(vm, cb, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_CALLBACK));
    }
}

int gs_weakref_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_WeakRef *wr = WR(o);
    int r;
    /* subtype_traverse: a KeyedRef's slot, the class of a subclass's
     * instance, then the base weakref's callback, as CPython */
    if (wr->key && (r = fn(vm, o, wr->key, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_KEY), arg)))
        return r;
    if ((o->type->flags & GS_TF_HEAP) &&
        (r = fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_CLASS), arg)))
        return r;
    if (wr->callback && (r = fn(vm, o, wr->callback, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_CALLBACK), arg)))
        return r;
    return 0;
}

/* Call one callback with its reference; errors are printed, never raised. */
static void handle_callback(gs_VM *vm, gs_Object *wr, gs_Object *callback)
{
    if (vm->recording && (wr->gcflags & GS_GC_SHOWN))
        gs_record(vm, GS_EV_WEAKREF_CLEAR, 1, wr->id, callback->id, 0, 0);
    gs_Object *r = gs_call_object(vm, callback, &wr, 1, NULL);
    if (!r)
        gs_write_unraisable(vm, "Exception ignored in: ", callback);
    else
        gs_decref(vm, r);
}

/* The refcount path (CPython's PyObject_ClearWeakRefs): `o` is dying and its
 * __del__ has run.  Clear the basic references, then clear every reference
 * with a callback and call the callbacks in list order. */
void gs_weakref_clear_all(gs_VM *vm, gs_Object *o)
{
    gs_Object **list = gs_weakref_listptr(o);
    if (!list)
        return;
    if (*list && !WR(*list)->callback) {
        unlink_ref(vm, WR(*list));
        if (*list && !WR(*list)->callback)
            unlink_ref(vm, WR(*list));
    }
    if (!*list)
        return;
    gs_Object *saved = vm->exc;
    vm->exc = NULL;
    int count = 0;
    for (gs_WeakRef *w = WR(*list); w; w = w->next)
        count++;
    if (count == 1) {
        gs_WeakRef *cur = WR(*list);
        gs_Object *cb = cur->callback;
        uint32_t cur_id = OB(cur)->id; /* the callback may free the reference */
        cur->callback = NULL;
        gs_record_field(vm, OB(cur), F_CALLBACK, cb, NULL);
        unlink_ref(vm, cur);
        if (cb) {
            if (OB(cur)->refcnt > 0 && !vm->gc_teardown)
                handle_callback(vm, OB(cur), cb);
            gs_decref_c(vm, cb, GS_CAUSE(GS_CAUSE_INTERNAL, cur_id, F_CALLBACK));
        }
    } else {
        /* CPython collects (ref, callback) pairs in a tuple first, so the
         * callbacks run after every reference is cleared */
        gs_Object *pairs = gs_tuple_new(vm, count * 2);
        if (!pairs) {
            gs_clear_exc(vm);
            vm->exc = saved;
            return;
        }
        gs_WeakRef *cur = WR(*list);
        for (int i = 0; i < count && cur; i++) {
            gs_WeakRef *next = cur->next;
            gs_Object *cb = cur->callback;
            cur->callback = NULL;
            gs_record_field(vm, OB(cur), F_CALLBACK, cb, NULL); /* before a decref can free it */
            if (OB(cur)->refcnt > 0) {
                gs_incref(vm, OB(cur));
                gs_tuple_init(vm, pairs, i * 2, OB(cur));
                if (cb)
                    gs_tuple_init(vm, pairs, i * 2 + 1, cb);
            } else if (cb)
                gs_decref(vm, cb);
            unlink_ref(vm, cur);
            cur = next;
        }
        gs_Tuple *t = (gs_Tuple *)pairs;
        for (int i = 0; i < count; i++)
            if (t->items[i * 2 + 1] && !vm->gc_teardown)
                handle_callback(vm, t->items[i * 2], t->items[i * 2 + 1]);
        gs_decref(vm, pairs);
    }
    vm->exc = saved;
}

/* ================================================================== making references */

static gs_Object **weakrefable_list(gs_VM *vm, gs_Object *o)
{
    gs_Object **list = gs_weakref_listptr(o);
    if (!list)
        gs_raise(vm, vm->e_TypeError, "cannot create weak reference to '%s' object", gs_type_name(o));
    return list;
}

/* A new reference object of `type` to o, not yet in o's list. */
static gs_WeakRef *alloc_ref(gs_VM *vm, gs_Type *type, gs_Object *o, gs_Object *callback, gs_Object *key)
{
    /* a class derived from ref: its __slots__ values after the reference */
    size_t size = sizeof(gs_WeakRef) + ((type->flags & GS_TF_HEAP) ? gs_class_extra_size(type, sizeof(gs_WeakRef)) : 0);
    gs_WeakRef *wr = (gs_WeakRef *)gs_alloc(vm, type, size);
    if (!wr)
        return NULL;
    gs_table_init(&wr->inst.attrs);
    wr->object = o;
    wr->hash = -1;
    if (vm->recording && (OB(wr)->gcflags & GS_GC_SHOWN))
        gs_trace_set_alloc_payload(&vm->trace, OB(wr)->id, 0, o->id);
    if (callback) {
        wr->callback = callback;
        gs_incref_c(vm, callback, GS_CAUSE(GS_CAUSE_INTERNAL, OB(wr)->id, F_CALLBACK));
    }
    if (key) {
        wr->key = key;
        gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_INTERNAL, OB(wr)->id, F_KEY));
    }
    gs_record_fields(vm, OB(wr)); /* key, class, callback */
    return wr;
}

/* weakref.ref(o[, callback]), KeyedRef(o, callback, key) and the classes
 * derived from ref; new reference. */
gs_Object *gs_weakref_new_full(gs_VM *vm, gs_Type *type, gs_Object *o, gs_Object *callback, gs_Object *key)
{
    gs_Object **list = weakrefable_list(vm, o);
    if (!list)
        return NULL;
    if (callback == vm->none)
        callback = NULL;
    gs_WeakRef *ref, *proxy;
    basic_refs(vm, *list, &ref, &proxy);
    if (!callback && type == vm->t_weakref && ref)
        return gs_newref(vm, OB(ref)); /* the shared one */
    /* the allocation may collect, and the collection change o's list:
     * look at it again afterwards */
    gs_WeakRef *wr = alloc_ref(vm, type, o, callback, key);
    if (!wr)
        return NULL;
    list = gs_weakref_listptr(o);
    if (!callback && type == vm->t_weakref)
        insert_head(wr, list);
    else {
        basic_refs(vm, *list, &ref, &proxy);
        gs_WeakRef *prev = proxy ? proxy : ref;
        if (prev)
            insert_after(wr, prev);
        else
            insert_head(wr, list);
    }
    gs_gc_track(vm, OB(wr));
    return OB(wr);
}

gs_Object *gs_weakref_new(gs_VM *vm, gs_Object *o, gs_Object *callback)
{
    return gs_weakref_new_full(vm, vm->t_weakref, o, callback, NULL);
}

/* PyCallable_Check: the object's type has a tp_call */
static bool is_callable(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_FUNCTION || k == GS_K_BUILTIN || k == GS_K_METHOD || k == GS_K_TYPE)
        return true;
    return (k == GS_K_INSTANCE || k == GS_K_EXCEPTION || k == GS_K_WEAKREF) && gs_type_lookup(o->type, vm->s___call__);
}

/* PyWeakref_NewProxy: a CallableProxyType for a callable referent. */
gs_Object *gs_proxy_new(gs_VM *vm, gs_Object *o, gs_Object *callback)
{
    gs_Object **list = weakrefable_list(vm, o);
    if (!list)
        return NULL;
    if (callback == vm->none)
        callback = NULL;
    gs_WeakRef *ref, *proxy;
    basic_refs(vm, *list, &ref, &proxy);
    if (!callback && proxy)
        return gs_newref(vm, OB(proxy));
    gs_Type *type = is_callable(vm, o) ? vm->t_weakcallableproxy : vm->t_weakproxy;
    gs_WeakRef *wr = alloc_ref(vm, type, o, callback, NULL);
    if (!wr)
        return NULL;
    list = gs_weakref_listptr(o);
    basic_refs(vm, *list, &ref, &proxy);
    gs_WeakRef *prev;
    if (!callback) {
        if (proxy) {
            /* a collection during the allocation made one: that one is shared */
            gs_decref(vm, OB(wr));
            return gs_newref(vm, OB(proxy));
        }
        prev = ref;
    } else
        prev = proxy ? proxy : ref;
    if (prev)
        insert_after(wr, prev);
    else
        insert_head(wr, list);
    gs_gc_track(vm, OB(wr));
    return OB(wr);
}

/* The referent, borrowed, or NULL if the reference is dead. */
gs_Object *gs_weakref_get(gs_Object *wr) { return WR(wr)->object; }

/* The callback of a weak reference (borrowed), or NULL. */
gs_Object *gs_weakref_callback(gs_Object *wr) { return WR(wr)->callback; }

/* ================================================================== ReferenceType */

/* The class (from a subclass up to ref) whose own dict first defines
 * __hash__ or __eq__, and its __hash__ (NULL: __eq__ alone, unhashable). */
static gs_Object *own_hash(gs_VM *vm, gs_Type *t, bool *found)
{
    *found = false;
    for (; t && t != vm->t_weakref; t = t->base) {
        if (!t->dict)
            continue;
        gs_Object *h = gs_dict_get_str(vm, &t->dict->ob, vm->s___hash__);
        if (h) {
            *found = true;
            return h == vm->none ? NULL : h;
        }
        if (gs_dict_get_str(vm, &t->dict->ob, vm->s___eq__)) {
            *found = true;
            return NULL; /* a class with __eq__ and no __hash__ gets __hash__ = None */
        }
    }
    return NULL;
}

static int64_t ref_hash_value(gs_VM *vm, gs_Object *o)
{
    gs_WeakRef *wr = WR(o);
    if (wr->hash != -1)
        return wr->hash;
    if (!wr->object) {
        gs_raise(vm, vm->e_TypeError, "weak object has gone away");
        return -1;
    }
    gs_Object *obj = gs_newref(vm, wr->object);
    int64_t h = gs_hash(vm, obj);
    gs_decref(vm, obj);
    if (h != -1)
        wr->hash = h;
    return h;
}

static gs_Object *ref_hash(GS_ARGS);

int64_t gs_weakref_hash(gs_VM *vm, gs_Object *o)
{
    if (gs_is_proxy(o)) {
        /* proxies have no tp_hash: they would change hash when the referent dies */
        gs_raise(vm, vm->e_TypeError, "unhashable type: '%s'", gs_type_name(o));
        return -1;
    }
    bool found;
    gs_Object *h = own_hash(vm, o->type, &found);
    if (found) {
        if (!h) {
            gs_raise(vm, vm->e_TypeError, "unhashable type: '%s'", gs_type_name(o));
            return -1;
        }
        if (!(GS_KIND(h) == GS_K_BUILTIN && ((gs_Builtin *)h)->fn == ref_hash)) {
            gs_Object *r = gs_call_object(vm, h, &o, 1, NULL);
            if (!r)
                return -1;
            if (GS_KIND(r) != GS_K_INT && GS_KIND(r) != GS_K_BOOL) {
                gs_decref(vm, r);
                gs_raise(vm, vm->e_TypeError, "__hash__ method should return an integer");
                return -1;
            }
            int64_t v = gs_hash(vm, r);
            gs_decref(vm, r);
            return v;
        }
    }
    return ref_hash_value(vm, o);
}

/* ref.__new__(type, ob[, callback]): called by the type (self is the type,
 * from call.c or a subclass call) or from Python as ref.__new__(cls, ...).
 * Keywords are ignored, as PyArg_UnpackTuple does; __init__ refuses them. */
static gs_Object *ref_new(GS_ARGS)
{
    gs_Type *type = (gs_Type *)self;
    int npos = gs_npos(nargs, kwnames);
    if (!self) {
        if (npos < 1) {
            gs_raise(vm, vm->e_TypeError, "weakref.ReferenceType.__new__(): not enough arguments");
            return NULL;
        }
        if (GS_KIND(args[0]) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "weakref.ReferenceType.__new__(X): X is not a type object (%s)",
                     gs_type_name(args[0]));
            return NULL;
        }
        type = (gs_Type *)args[0];
        if (!gs_issubtype(type, vm->t_weakref)) {
            gs_raise(vm, vm->e_TypeError, "weakref.ReferenceType.__new__(%s): %s is not a subtype of "
                     "weakref.ReferenceType", type->name->data, type->name->data);
            return NULL;
        }
        args++;
        nargs--;
        npos--;
    }
    if (npos < 1 || npos > 2) {
        gs_raise(vm, vm->e_TypeError, npos < 1 ? "__new__ expected at least 1 argument, got %d"
                                               : "__new__ expected at most 2 arguments, got %d", npos);
        return NULL;
    }
    gs_Object *r = gs_weakref_new_full(vm, type, args[0], npos > 1 ? args[1] : NULL, NULL);
    if (r && self == &vm->t_weakref->ob && kwnames && kwnames->len) {
        /* weakref.ref(...) runs weakref___init__ next, which refuses keywords */
        gs_decref(vm, r);
        gs_raise(vm, vm->e_TypeError, "ref() takes no keyword arguments");
        return NULL;
    }
    return r;
}

/* weakref___init__: checks its arguments and does nothing. */
static gs_Object *ref_init(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "ref() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, nargs < 1 ? "__init__ expected at least 1 argument, got %d"
                                                : "__init__ expected at most 2 arguments, got %d", nargs);
        return NULL;
    }
    return GS_NONE(vm);
}

static gs_Object *ref_call(GS_ARGS)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 0) {
        gs_raise(vm, vm->e_TypeError, "weakref expected 0 arguments, got %d", nargs);
        return NULL;
    }
    gs_Object *o = WR(self)->object;
    return gs_newref(vm, o ? o : vm->none);
}

static gs_Object *ref_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t h = ref_hash_value(vm, self);
    return h == -1 ? NULL : gs_int_new(vm, h);
}

/* "<weakref at 0x..; to 'C' at 0x..>", with the referent's __name__ when
 * it has a str one (functions, classes) */
static gs_Object *ref_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = WR(self)->object;
    if (!o)
        return gs_str_printf(vm, "<weakref at 0x%llx; dead>", gs_object_address(self));
    gs_incref(vm, o);
    gs_Object *name = gs_lookup_attr(vm, o, vm->s___name__);
    gs_Object *r = NULL;
    if (!vm->exc) {
        if (name && GS_KIND(name) == GS_K_STR)
            r = gs_str_printf(vm, "<weakref at 0x%llx; to '%s' at 0x%llx (%s)>", gs_object_address(self),
                              o->type->name->data, gs_object_address(o), ((gs_Str *)name)->data);
        else
            r = gs_str_printf(vm, "<weakref at 0x%llx; to '%s' at 0x%llx>", gs_object_address(self),
                              o->type->name->data, gs_object_address(o));
    }
    gs_xdecref(vm, name);
    gs_decref(vm, o);
    return r;
}

/* weakref_richcompare: equality only; live references compare their
 * referents, dead ones (either) by identity.  The other side may be a
 * proxy: proxies are weak references too (PyWeakref_Check). */
static gs_Object *ref_richcompare(gs_VM *vm, gs_Object *a, gs_Object *b, int op)
{
    if (!gs_is_weakref(a) || !gs_is_weakref(b))
        return gs_newref(vm, vm->notimpl);
    gs_Object *x = WR(a)->object, *y = WR(b)->object;
    if (!x || !y)
        return GS_BOOL(vm, (a == b) == (op == GS_CMP_EQ));
    gs_incref(vm, x);
    gs_incref(vm, y);
    gs_Object *r = gs_compare(vm, op, x, y);
    gs_decref(vm, x);
    gs_decref(vm, y);
    return r;
}

static gs_Object *ref_eq(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return ref_richcompare(vm, self, args[0], GS_CMP_EQ); }
static gs_Object *ref_ne(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return ref_richcompare(vm, self, args[0], GS_CMP_NE); }

/* ref.__callback__, a read-only member */
static gs_Object *ref_callback_get(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *cb = WR(self)->callback;
    return gs_newref(vm, cb ? cb : vm->none);
}

/* A class derived from ref called: its __new__ (ref's, KeyedRef's,
 * WeakMethod's or its own), then, if that made an instance of it, its
 * __init__ (its own, or ref's argument check). */
gs_Object *gs_weakref_subclass_call(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_Object *nw = gs_type_lookup(t, gs_name(vm, "__new__"));
    gs_Object *obj;
    if (nw && GS_KIND(nw) == GS_K_STATICMETHOD)
        nw = ((gs_Cell *)nw)->ref;
    if (nw && GS_KIND(nw) == GS_K_BUILTIN)
        obj = ((gs_Builtin *)nw)->fn(vm, &t->ob, args, nargs, kwnames);
    else if (nw) {
        gs_Object *argv[nargs + 1];
        argv[0] = &t->ob;
        for (int i = 0; i < nargs; i++)
            argv[i + 1] = args[i];
        obj = gs_call_object(vm, nw, argv, nargs + 1, kwnames);
    } else
        obj = ref_new(vm, &t->ob, args, nargs, kwnames);
    if (!obj || !gs_isinstance(obj, t))
        return obj;
    gs_Object *init = gs_type_lookup(t, vm->s___init__);
    gs_Object *r;
    if (init && GS_KIND(init) == GS_K_BUILTIN)
        r = ((gs_Builtin *)init)->fn(vm, obj, args, nargs, kwnames);
    else if (init) {
        gs_Object *argv[nargs + 1];
        argv[0] = obj;
        for (int i = 0; i < nargs; i++)
            argv[i + 1] = args[i];
        r = gs_call_object(vm, init, argv, nargs + 1, kwnames);
        if (r && r != vm->none) {
            gs_raise(vm, vm->e_TypeError, "__init__() should return None, not '%s'", gs_type_name(r));
            gs_decref(vm, r);
            r = NULL;
        }
    } else
        r = GS_NONE(vm);
    if (!r) {
        gs_decref(vm, obj);
        return NULL;
    }
    gs_decref(vm, r);
    return obj;
}

/* ================================================================== proxies */

gs_Object *gs_proxy_referent(gs_VM *vm, gs_Object *p)
{
    gs_Object *o = WR(p)->object;
    if (!o)
        gs_raise(vm, vm->e_ReferenceError, "weakly-referenced object no longer exists");
    return o;
}

/* UNWRAP: a proxy operand becomes its referent (a new reference here). */
static gs_Object *unwrap(gs_VM *vm, gs_Object *o)
{
    if (gs_is_proxy(o) && !(o = gs_proxy_referent(vm, o)))
        return NULL;
    return gs_newref(vm, o);
}

gs_Object *gs_proxy_getattr(gs_VM *vm, gs_Object *p, gs_Str *name, bool quiet)
{
    gs_Object *o = unwrap(vm, p);
    if (!o)
        return NULL;
    gs_Object *r = quiet ? gs_lookup_attr(vm, o, name) : gs_getattr(vm, o, name);
    gs_decref(vm, o);
    return r;
}

int gs_proxy_setattr(gs_VM *vm, gs_Object *p, gs_Str *name, gs_Object *v)
{
    gs_Object *o = unwrap(vm, p);
    if (!o)
        return -1;
    int r = gs_setattr(vm, o, name, v);
    gs_decref(vm, o);
    return r;
}

/* "<weakproxy at 0x.. to C at 0x..>"; a dead one names None */
static gs_Object *proxy_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = WR(self)->object ? WR(self)->object : vm->none;
    return gs_str_printf(vm, "<weakproxy at 0x%llx to %s at 0x%llx>", gs_object_address(self), o->type->name->data,
                         gs_object_address(o));
}

/* WRAP_BINARY: unwrap both operands (the left one first) and do `op`
 * between the referents.  which: 0 self op other, 1 other op self (the
 * reflected method), 2 self op= other. */
static gs_Object *proxy_binop(gs_VM *vm, gs_Object *self, gs_Object *other, int op, int which)
{
    gs_Object *left = which == 1 ? other : self, *right = which == 1 ? self : other;
    gs_Object *x = unwrap(vm, left);
    if (!x)
        return NULL;
    gs_Object *y = unwrap(vm, right);
    if (!y) {
        gs_decref(vm, x);
        return NULL;
    }
    gs_Object *r = gs_binary_op(vm, op, x, y, which == 2);
    gs_decref(vm, x);
    gs_decref(vm, y);
    return r;
}

#define PROXY_BINOP(name, op)                                                                                   \
    static gs_Object *proxy_##name(GS_ARGS)                                                                     \
    {                                                                                                           \
        GS_UNUSED(nargs); GS_UNUSED(kwnames);                                                                   \
        return proxy_binop(vm, self, args[0], op, 0);                                                           \
    }                                                                                                           \
    static gs_Object *proxy_r##name(GS_ARGS)                                                                    \
    {                                                                                                           \
        GS_UNUSED(nargs); GS_UNUSED(kwnames);                                                                   \
        return proxy_binop(vm, self, args[0], op, 1);                                                           \
    }                                                                                                           \
    static gs_Object *proxy_i##name(GS_ARGS)                                                                    \
    {                                                                                                           \
        GS_UNUSED(nargs); GS_UNUSED(kwnames);                                                                   \
        return proxy_binop(vm, self, args[0], op, 2);                                                           \
    }
PROXY_BINOP(add, GS_OP_ADD)
PROXY_BINOP(sub, GS_OP_SUB)
PROXY_BINOP(mul, GS_OP_MUL)
PROXY_BINOP(matmul, GS_OP_MATMUL)
PROXY_BINOP(truediv, GS_OP_TRUEDIV)
PROXY_BINOP(floordiv, GS_OP_FLOORDIV)
PROXY_BINOP(mod, GS_OP_MOD)
PROXY_BINOP(pow, GS_OP_POW)
PROXY_BINOP(lshift, GS_OP_LSHIFT)
PROXY_BINOP(rshift, GS_OP_RSHIFT)
PROXY_BINOP(or, GS_OP_BITOR)
PROXY_BINOP(xor, GS_OP_BITXOR)
PROXY_BINOP(and, GS_OP_BITAND)
#undef PROXY_BINOP

/* proxy_richcompare: unwrap both sides, compare the referents */
static gs_Object *proxy_compare(gs_VM *vm, gs_Object *self, gs_Object *other, int op)
{
    gs_Object *x = unwrap(vm, self);
    if (!x)
        return NULL;
    gs_Object *y = unwrap(vm, other);
    if (!y) {
        gs_decref(vm, x);
        return NULL;
    }
    gs_Object *r = gs_compare(vm, op, x, y);
    gs_decref(vm, x);
    gs_decref(vm, y);
    return r;
}

#define PROXY_CMP(name, op)                                                                                     \
    static gs_Object *proxy_##name(GS_ARGS)                                                                     \
    {                                                                                                           \
        GS_UNUSED(nargs); GS_UNUSED(kwnames);                                                                   \
        return proxy_compare(vm, self, args[0], op);                                                            \
    }
PROXY_CMP(lt, GS_CMP_LT)
PROXY_CMP(le, GS_CMP_LE)
PROXY_CMP(eq, GS_CMP_EQ)
PROXY_CMP(ne, GS_CMP_NE)
PROXY_CMP(gt, GS_CMP_GT)
PROXY_CMP(ge, GS_CMP_GE)
#undef PROXY_CMP

/* A unary operator on the referent, as the VM's UNARY_* instruction does
 * it: ints and floats inline, instances (and weak references) through
 * their type's method. */
enum { U_NEG, U_POS, U_INVERT };

static gs_Object *unary_op(gs_VM *vm, gs_Object *o, int which)
{
    static const char *dunder[] = { "__neg__", "__pos__", "__invert__" };
    static const char *sym[] = { "-", "+", "~" };
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_INT || k == GS_K_BOOL) {
        int64_t x = k == GS_K_INT ? ((gs_Int *)o)->value : o == vm->true_;
        if (gs_int_is_big(o) || (which == U_NEG && x == INT64_MIN))
            return which == U_POS ? gs_newref(vm, o) : gs_big_unary(vm, which == U_NEG ? GS_BIG_NEG : GS_BIG_INVERT, o);
        return gs_int_new(vm, which == U_NEG ? -x : which == U_INVERT ? ~x : x);
    }
    if (k == GS_K_FLOAT && which != U_INVERT) {
        double x = ((gs_Float *)o)->value;
        return gs_float_new(vm, which == U_NEG ? -x : x);
    }
    gs_Object *m = (k == GS_K_INSTANCE || k == GS_K_WEAKREF) ? gs_type_lookup(o->type, gs_name(vm, dunder[which]))
                                                            : NULL;
    if (m)
        return gs_call_object(vm, m, &o, 1, NULL);
    gs_raise(vm, vm->e_TypeError, "bad operand type for unary %s: '%s'", sym[which], gs_type_name(o));
    return NULL;
}

static gs_Object *proxy_unary(gs_VM *vm, gs_Object *self, int which)
{
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *r = unary_op(vm, o, which);
    gs_decref(vm, o);
    return r;
}

static gs_Object *proxy_neg(GS_ARGS) { GS_UNUSED_ARGS; return proxy_unary(vm, self, U_NEG); }
static gs_Object *proxy_pos(GS_ARGS) { GS_UNUSED_ARGS; return proxy_unary(vm, self, U_POS); }
static gs_Object *proxy_invert(GS_ARGS) { GS_UNUSED_ARGS; return proxy_unary(vm, self, U_INVERT); }

/* A protocol function of the runtime on the referent */
static gs_Object *on_referent(gs_VM *vm, gs_Object *self, gs_Object *(*generic)(gs_VM *, gs_Object *))
{
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *r = generic(vm, o);
    gs_decref(vm, o);
    return r;
}

static gs_Object *proxy_abs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *absf = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "abs"));
    gs_Object *r = absf ? gs_call_object(vm, absf, &o, 1, NULL) : NULL;
    gs_decref(vm, o);
    return r;
}

static gs_Object *proxy_int(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *r = gs_int_from_object(vm, o, NULL);
    gs_decref(vm, o);
    return r;
}

static gs_Object *proxy_float(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *r = gs_float_from_object(vm, o);
    gs_decref(vm, o);
    return r;
}

/* PyNumber_Index on the referent */
static gs_Object *proxy_index(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *r = NULL;
    if (GS_KIND(o) == GS_K_INT)
        r = gs_newref(vm, o);
    else if (GS_KIND(o) == GS_K_BOOL)
        r = gs_int_new(vm, o == vm->true_);
    else {
        gs_Object *m = (GS_KIND(o) == GS_K_INSTANCE || GS_KIND(o) == GS_K_WEAKREF)
                           ? gs_type_lookup(o->type, gs_name(vm, "__index__"))
                           : NULL;
        if (m)
            r = gs_call_object(vm, m, &o, 1, NULL);
        else
            gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(o));
    }
    gs_decref(vm, o);
    return r;
}

static gs_Object *proxy_bool(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    int t = gs_truthy(vm, o);
    gs_decref(vm, o);
    return t < 0 ? NULL : GS_BOOL(vm, t);
}

static gs_Object *proxy_str(GS_ARGS) { GS_UNUSED_ARGS; return on_referent(vm, self, gs_str); }
static gs_Object *proxy_iter(GS_ARGS) { GS_UNUSED_ARGS; return on_referent(vm, self, gs_iter); }

static gs_Object *proxy_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    int64_t n = gs_len(vm, o);
    gs_decref(vm, o);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *proxy_contains(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    int r = gs_contains(vm, o, args[0]);
    gs_decref(vm, o);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

static gs_Object *proxy_getitem(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *key = unwrap(vm, args[0]);
    gs_Object *r = key ? gs_getitem(vm, o, key) : NULL;
    gs_xdecref(vm, key);
    gs_decref(vm, o);
    return r;
}

static gs_Object *proxy_setitem(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    int r = gs_setitem(vm, o, args[0], args[1]);
    gs_decref(vm, o);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *proxy_delitem(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    int r = gs_delitem(vm, o, args[0]);
    gs_decref(vm, o);
    return r < 0 ? NULL : GS_NONE(vm);
}

/* proxy_iternext: only a referent that is an iterator */
static gs_Object *proxy_next(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = WR(self)->object;
    if (!o) {
        gs_raise(vm, vm->e_ReferenceError, "weakly-referenced object no longer exists");
        return NULL;
    }
    gs_Kind k = GS_KIND(o);
    if (k != GS_K_ITER && k != GS_K_GENERATOR && !gs_type_lookup(o->type, vm->s___next__)) {
        gs_raise(vm, vm->e_TypeError, "Weakref proxy referenced a non-iterator '%s' object", gs_type_name(o));
        return NULL;
    }
    gs_incref(vm, o);
    gs_Object *r = gs_next(vm, o);
    gs_decref(vm, o);
    if (!r && !vm->exc)
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, NULL));
    return r;
}

/* WRAP_METHOD: obj.__reversed__() / obj.__bytes__() */
static gs_Object *call_method0(gs_VM *vm, gs_Object *self, const char *name)
{
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *m = gs_getattr(vm, o, gs_name(vm, name));
    gs_decref(vm, o);
    if (!m)
        return NULL;
    gs_Object *r = gs_call(vm, m, NULL, 0, NULL);
    gs_decref(vm, m);
    return r;
}

static gs_Object *proxy_reversed(GS_ARGS) { GS_UNUSED_ARGS; return call_method0(vm, self, "__reversed__"); }
static gs_Object *proxy_bytes(GS_ARGS) { GS_UNUSED_ARGS; return call_method0(vm, self, "__bytes__"); }

/* proxy_call (CallableProxyType): the arguments, unwrapped, to the referent */
static gs_Object *proxy_call(GS_ARGS)
{
    gs_Object *o = unwrap(vm, self);
    if (!o)
        return NULL;
    gs_Object *r = gs_call(vm, o, args, nargs, kwnames);
    gs_decref(vm, o);
    return r;
}

static const gs_MethodDef ref_methods[] = {
    { "__new__", ref_new, 0, -1, GS_KW },  { "__init__", ref_init, 0, -1, GS_KW },
    { "__call__", ref_call, 0, -1, GS_KW }, { "__hash__", ref_hash, 0, 0, false },
    { "__repr__", ref_repr, 0, 0, false }, { "__eq__", ref_eq, 1, 1, false },
    { "__ne__", ref_ne, 1, 1, false },     { NULL, NULL, 0, 0, false },
};

#define BIN(name) { "__" #name "__", proxy_##name, 1, 1, false }, { "__r" #name "__", proxy_r##name, 1, 1, false }, \
                  { "__i" #name "__", proxy_i##name, 1, 1, false }
static const gs_MethodDef proxy_methods[] = {
    { "__repr__", proxy_repr, 0, 0, false },     { "__str__", proxy_str, 0, 0, false },
    BIN(add), BIN(sub), BIN(mul), BIN(matmul), BIN(truediv), BIN(floordiv), BIN(mod), BIN(pow),
    BIN(lshift), BIN(rshift), BIN(or), BIN(xor), BIN(and),
    { "__lt__", proxy_lt, 1, 1, false },         { "__le__", proxy_le, 1, 1, false },
    { "__eq__", proxy_eq, 1, 1, false },         { "__ne__", proxy_ne, 1, 1, false },
    { "__gt__", proxy_gt, 1, 1, false },         { "__ge__", proxy_ge, 1, 1, false },
    { "__neg__", proxy_neg, 0, 0, false },       { "__pos__", proxy_pos, 0, 0, false },
    { "__abs__", proxy_abs, 0, 0, false },       { "__invert__", proxy_invert, 0, 0, false },
    { "__int__", proxy_int, 0, 0, false },       { "__float__", proxy_float, 0, 0, false },
    { "__index__", proxy_index, 0, 0, false },   { "__bool__", proxy_bool, 0, 0, false },
    { "__len__", proxy_len, 0, 0, false },       { "__contains__", proxy_contains, 1, 1, false },
    { "__getitem__", proxy_getitem, 1, 1, false }, { "__setitem__", proxy_setitem, 2, 2, false },
    { "__delitem__", proxy_delitem, 1, 1, false }, { "__iter__", proxy_iter, 0, 0, false },
    { "__next__", proxy_next, 0, 0, false },     { "__reversed__", proxy_reversed, 0, 0, false },
    { "__bytes__", proxy_bytes, 0, 0, false },   { NULL, NULL, 0, 0, false },
};
#undef BIN

static const gs_MethodDef callable_proxy_methods[] = {
    { "__call__", proxy_call, 0, -1, GS_KW }, { NULL, NULL, 0, 0, false },
};

static void add_property(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, 0, 0, NULL);
    if (!b)
        return;
    ((gs_Builtin *)b)->owner = t;
    gs_Object *p = gs_descriptor_wrap(vm, vm->t_property, b);
    gs_decref(vm, b);
    if (p) {
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, p);
        gs_decref(vm, p);
    }
}

/* ref's methods and the proxy types, when weakref is first imported */
void gs_weakref_methods_init(gs_VM *vm)
{
    gs_type_add_methods(vm, vm->t_weakref, ref_methods);
    /* ref.__new__ is a static method: ref.__new__(cls, ob) passes the class */
    gs_Object *nw = gs_dict_get_str(vm, &vm->t_weakref->dict->ob, gs_name(vm, "__new__"));
    if (nw)
        ((gs_Builtin *)nw)->owner = NULL;
    add_property(vm, vm->t_weakref, "__callback__", ref_callback_get);
    gs_Type *p = gs_type_new_builtin(vm, "weakref.ProxyType", vm->t_object, GS_K_WEAKREF, GS_TF_WEAKPROXY);
    gs_type_add_methods(vm, p, proxy_methods);
    gs_Type *cp = gs_type_new_builtin(vm, "weakref.CallableProxyType", vm->t_object, GS_K_WEAKREF, GS_TF_WEAKPROXY);
    gs_type_add_methods(vm, cp, proxy_methods);
    gs_type_add_methods(vm, cp, callable_proxy_methods);
    vm->t_weakproxy = p;
    vm->t_weakcallableproxy = cp;
}
