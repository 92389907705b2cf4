/*
 * weakrefobject.c — weak references (weakref.ref objects).
 *
 * A weak reference names an object without holding it: the referent's
 * count does not change, and when the referent dies the reference is
 * cleared (it then returns None) and its callback, if any, is called with
 * the reference.  The model is CPython 3.11's Objects/weakrefobject.c:
 *
 *   - every object that can be weakly referenced keeps a doubly linked list
 *     of its weak references (gs_Instance.weakreflist is the head);
 *   - weakref.ref(o) without a callback reuses o's existing plain reference;
 *     a reference with a callback is always new and goes right after the
 *     plain one (so callbacks run newest first);
 *   - on the refcount path (gs_weakref_clear_all, from gs_dealloc) __del__
 *     has already run; the plain reference is cleared, then every reference
 *     with a callback is cleared and the callbacks are called in list order;
 *   - in a collection (collector.c's handle_weakrefs) references are cleared
 *     with gs_weakref_clear_ref, which keeps the callback: the collector
 *     decides which callbacks to call, before any __del__ runs.
 *
 * A weak reference holds its callback (a real reference: the collector
 * traverses it) and, for the KeyedRef values of a WeakValueDictionary, its
 * key.  The classes of Lib/weakref.py are in core/modules/weakref.c.
 */
#include <stdio.h>

#include "runtime.h"





size_t gs_weakref_size(void) { return sizeof(gs_WeakRef); }


gs_Object **gs_weakref_listptr(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (o->type->flags & GS_TF_HEAP) {
        /* objects of classes: unless __slots__ left __weakref__ out (or
         * the built-in base, int or tuple, cannot have it) */
        if (k == GS_K_TYPE)
            return &((gs_Type *)o)->weakreflist;
        if (!(o->type->flags & GS_TF_WEAK))
            return NULL;
        return &gs_inst_part(o)->weakreflist;
    }
    if (k == GS_K_INSTANCE)
        return &((gs_Instance *)o)->weakreflist;
    if (k == GS_K_FUNCTION)
        return &((gs_Function *)o)->weakreflist;
    if (k == GS_K_TYPE)
        return &((gs_Type *)o)->weakreflist;
    /* built-in exception types have no __weakref__; classes derived from them do */
    if (k == GS_K_EXCEPTION && (o->type->flags & GS_TF_HEAP))
        return &((gs_Instance *)o)->weakreflist;
    return NULL;
}

/* ================================================================== the list */

static void insert_head(gs_WeakRef *wr, gs_Object **list)
{
    gs_WeakRef *head = (gs_WeakRef *)*list;
    wr->prev = NULL;
    wr->next = head;
    if (head)
        head->prev = wr;
    *list = &wr->ob;
}

static void insert_after(gs_WeakRef *wr, gs_WeakRef *prev)
{
    wr->prev = prev;
    wr->next = prev->next;
    if (prev->next)
        prev->next->prev = wr;
    prev->next = wr;
}

/* The plain reference (no callback, exact type) at the head of the list. */
static gs_WeakRef *basic_ref(gs_VM *vm, gs_Object *head)
{
    gs_WeakRef *wr = (gs_WeakRef *)head;
    if (wr && !wr->callback && wr->ob.type == vm->t_weakref)
        return wr;
    return NULL;
}

/* Unlink from the referent (CPython's clear_weakref without the callback). */
static void unlink_ref(gs_VM *vm, gs_WeakRef *wr)
{
    gs_Object *obj = wr->object;
    if (!obj)
        return;
    gs_Object **list = gs_weakref_listptr(obj);
    if (list && *list == &wr->ob)
        *list = wr->next ? &wr->next->ob : NULL;
    if (wr->prev)
        wr->prev->next = wr->next;
    if (wr->next)
        wr->next->prev = wr->prev;
    wr->prev = wr->next = NULL;
    wr->object = NULL;
    if (vm->recording && (wr->ob.gcflags & GS_GC_SHOWN))
        gs_record(vm, GS_EV_WEAKREF_CLEAR, 0, wr->ob.id, 0, obj->id, 0);
}

void gs_weakref_clear_ref(gs_VM *vm, gs_Object *o)
{
    unlink_ref(vm, (gs_WeakRef *)o);
}

void gs_weakref_dealloc(gs_VM *vm, gs_Object *o)
{
    gs_WeakRef *wr = (gs_WeakRef *)o;
    unlink_ref(vm, wr);
    gs_Object *key = wr->key, *cb = wr->callback;
    wr->key = wr->callback = NULL;
    if (key)
        gs_decref_c(vm, key, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1));
    if (cb)
        gs_decref_c(vm, cb, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0));
}

int gs_weakref_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_WeakRef *wr = (gs_WeakRef *)o;
    int r;
    /* a KeyedRef's slot first, then the base weakref's callback, as CPython */
    if (wr->key && (r = fn(vm, o, wr->key, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1), arg)))
        return r;
    if (wr->callback && (r = fn(vm, o, wr->callback, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg)))
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
 * __del__ has run.  Clear the plain reference, then clear every reference
 * with a callback and call the callbacks in list order. */
void gs_weakref_clear_all(gs_VM *vm, gs_Object *o)
{
    gs_Object **list = gs_weakref_listptr(o);
    if (!list)
        return;
    if (*list && !((gs_WeakRef *)*list)->callback) {
        unlink_ref(vm, (gs_WeakRef *)*list);
        if (*list && !((gs_WeakRef *)*list)->callback)
            unlink_ref(vm, (gs_WeakRef *)*list);
    }
    if (!*list)
        return;
    gs_Object *saved = vm->exc;
    vm->exc = NULL;
    int count = 0;
    for (gs_WeakRef *w = (gs_WeakRef *)*list; w; w = w->next)
        count++;
    if (count == 1) {
        gs_WeakRef *cur = (gs_WeakRef *)*list;
        gs_Object *cb = cur->callback;
        uint32_t cur_id = cur->ob.id; /* the callback may free the reference */
        cur->callback = NULL;
        gs_record_field(vm, &cur->ob, 0, cb, NULL);
        unlink_ref(vm, cur);
        if (cb) {
            if (cur->ob.refcnt > 0 && !vm->gc_teardown)
                handle_callback(vm, &cur->ob, cb);
            gs_decref_c(vm, cb, GS_CAUSE(GS_CAUSE_INTERNAL, cur_id, 0));
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
        gs_WeakRef *cur = (gs_WeakRef *)*list;
        for (int i = 0; i < count && cur; i++) {
            gs_WeakRef *next = cur->next;
            gs_Object *cb = cur->callback;
            cur->callback = NULL;
            gs_record_field(vm, &cur->ob, 0, cb, NULL); /* before a decref can free it */
            if (cur->ob.refcnt > 0) {
                gs_incref(vm, &cur->ob);
                gs_tuple_init(vm, pairs, i * 2, &cur->ob);
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

/* weakref.ref(o[, callback]) and KeyedRef(o, callback, key); new reference. */
gs_Object *gs_weakref_new_full(gs_VM *vm, gs_Type *type, gs_Object *o, gs_Object *callback, gs_Object *key)
{
    gs_Object **list = gs_weakref_listptr(o);
    if (!list) {
        gs_raise(vm, vm->e_TypeError, "cannot create weak reference to '%s' object", gs_type_name(o));
        return NULL;
    }
    if (callback == vm->none)
        callback = NULL;
    if (!callback && type == vm->t_weakref) {
        gs_WeakRef *ref = basic_ref(vm, *list);
        if (ref)
            return gs_newref(vm, &ref->ob);
    }
    /* a class derived from weakref.ref: an instance part after the reference */
    bool sub = (type->flags & GS_TF_HEAP) != 0;
    size_t size = sizeof(gs_WeakRef) + (sub ? gs_class_extra_size(type, sizeof(gs_WeakRef)) : 0);
    gs_WeakRef *wr = (gs_WeakRef *)(sub ? gs_alloc_fresh(vm, type, size) : gs_alloc(vm, type, size));
    if (!wr)
        return NULL;
    if (sub)
        gs_sub_weakref_ready(vm, &wr->ob);
    /* the allocation may have collected: look at the list again */
    list = gs_weakref_listptr(o);
    wr->object = o;
    wr->hash = -1;
    if (vm->recording && (wr->ob.gcflags & GS_GC_SHOWN))
        gs_trace_set_alloc_payload(&vm->trace, wr->ob.id, 0, o->id);
    if (callback) {
        wr->callback = callback;
        gs_incref_c(vm, callback, GS_CAUSE(GS_CAUSE_INTERNAL, wr->ob.id, 0));
    }
    if (key) {
        wr->key = key;
        gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_INTERNAL, wr->ob.id, 1));
    }
    gs_record_fields(vm, &wr->ob); /* key, callback */
    if (!callback && type == vm->t_weakref)
        insert_head(wr, list);
    else {
        gs_WeakRef *prev = basic_ref(vm, *list);
        if (prev)
            insert_after(wr, prev);
        else
            insert_head(wr, list);
    }
    gs_gc_track(vm, &wr->ob);
    return &wr->ob;
}

gs_Object *gs_weakref_new(gs_VM *vm, gs_Object *o, gs_Object *callback)
{
    return gs_weakref_new_full(vm, vm->t_weakref, o, callback, NULL);
}

/* The referent, borrowed, or NULL if the reference is dead. */
gs_Object *gs_weakref_get(gs_Object *wr) { return ((gs_WeakRef *)wr)->object; }

int64_t gs_weakref_hash(gs_VM *vm, gs_Object *o)
{
    gs_WeakRef *wr = (gs_WeakRef *)o;
    if (wr->hash != -1)
        return wr->hash;
    if (!wr->object) {
        gs_raise(vm, vm->e_TypeError, "weak object has gone away");
        return -1;
    }
    int64_t h = gs_hash(vm, wr->object);
    if (h != -1)
        wr->hash = h;
    return h;
}

int gs_weakref_equal(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Object *x = ((gs_WeakRef *)a)->object, *y = ((gs_WeakRef *)b)->object;
    if (!x || !y)
        return a == b;
    return gs_equal(vm, x, y);
}

/* ------------------------------------------------------------------ ReferenceType methods */

static gs_Object *ref_new(GS_ARGS)
{
    /* self is the type being called; keywords are __init__'s to refuse
     * (weakref___new__ ignores them), which a class's own __init__ may take */
    int npos = gs_npos(nargs, kwnames);
    if (kwnames && kwnames->len && !(((gs_Type *)self)->flags & GS_TF_HEAP)) {
        gs_raise(vm, vm->e_TypeError, "ref() takes no keyword arguments");
        return NULL;
    }
    if (npos < 1 || npos > 2) {
        gs_raise(vm, vm->e_TypeError, npos < 1 ? "__new__ expected at least 1 argument, got %d"
                                               : "__new__ expected at most 2 arguments, got %d", npos);
        return NULL;
    }
    return gs_weakref_new_full(vm, (gs_Type *)self, args[0], npos > 1 ? args[1] : NULL, NULL);
}

/* weakref___init__: the arguments are checked, nothing is set */
static gs_Object *ref_init(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    int npos = gs_npos(nargs, kwnames);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "ref() takes no keyword arguments");
        return NULL;
    }
    if (npos < 1 || npos > 2) {
        gs_raise(vm, vm->e_TypeError, npos < 1 ? "__init__ expected at least 1 argument, got %d"
                                               : "__init__ expected at most 2 arguments, got %d", npos);
        return NULL;
    }
    return GS_NONE(vm);
}

static gs_Object *ref_call(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (nargs != 0) {
        gs_raise(vm, vm->e_TypeError, "weakref() takes no arguments (%d given)", nargs);
        return NULL;
    }
    gs_Object *o = ((gs_WeakRef *)self)->object;
    return gs_newref(vm, o ? o : vm->none);
}

static gs_Object *ref_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t h = gs_weakref_hash(vm, self);
    return h == -1 ? NULL : gs_int_new(vm, h);
}

static gs_Object *ref_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = ((gs_WeakRef *)self)->object;
    if (!o)
        return gs_str_printf(vm, "<weakref at 0x%llx; dead>", gs_object_address(self));
    return gs_str_printf(vm, "<weakref at 0x%llx; to '%s' at 0x%llx>", gs_object_address(self), o->type->name->data,
                         gs_object_address(o));
}

static const gs_MethodDef ref_methods[] = {
    { "__new__", ref_new, 0, -1, GS_KW }, { "__init__", ref_init, 0, -1, GS_KW }, { "__call__", ref_call, 0, 0, false },
    { "__hash__", ref_hash, 0, 0, false }, { "__repr__", ref_repr, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

void gs_weakref_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_weakref, ref_methods); }

/* The callback of a weak reference (borrowed), or NULL. */
gs_Object *gs_weakref_callback(gs_Object *wr) { return ((gs_WeakRef *)wr)->callback; }
