/*
 * descr.c — descriptors and super: property, staticmethod and classmethod
 * objects (with their methods), the descriptor protocol attribute lookup
 * uses (CPython's __get__ / __set__ / __delete__ slots, for the built-in
 * descriptors and for classes that define them in Python), the slots of
 * classes with __slots__ and their member descriptors, and super objects.
 *
 * The objects are CPython 3.11's (Objects/descrobject.c, funcobject.c,
 * typeobject.c): a property holds fget, fset, fdel, its doc and the name
 * __set_name__ gave it; staticmethod(f) and classmethod(f) hold f and a
 * __dict__ with the copies functools.wraps would make (sm_init's
 * functools_wraps), which is why `@staticmethod` costs a dict more than the
 * staticmethod type_new makes for __new__.
 */
#include <stdio.h>

#include "runtime.h"

static gs_Object *member_get(gs_VM *vm, gs_Object *d, gs_Object *obj);
static int member_set(gs_VM *vm, gs_Object *d, gs_Object *obj, gs_Object *value);
static void member_type_init(gs_VM *vm);
static gs_Object *getset_get(gs_VM *vm, gs_Object *d, gs_Object *obj);
static int getset_set(gs_VM *vm, gs_Object *d, gs_Object *obj, gs_Object *value);

/* ================================================================== making them */

/* The attributes sm_init / cm_init copy from the wrapped callable. */
static int descr_wraps(gs_VM *vm, gs_Descr *d)
{
    gs_Object *dict = gs_dict_new(vm);
    if (!dict)
        return -1;
    static const char *names[] = { "__module__", "__name__", "__qualname__", "__doc__" };
    for (int i = 0; i < 4; i++) {
        gs_Object *v = gs_lookup_attr(vm, d->ref, gs_name(vm, names[i]));
        if (!v) {
            if (vm->exc) {
                gs_decref(vm, dict);
                return -1;
            }
            continue;
        }
        gs_dict_set_steal(vm, dict, &gs_name(vm, names[i])->ob, v);
    }
    if (GS_KIND(d->ref) == GS_K_FUNCTION) {
        /* a function's __annotations__: an empty dict it makes on first ask and keeps */
        gs_Object *ann = gs_lookup_attr(vm, d->ref, gs_name(vm, "__annotations__"));
        if (!ann) {
            gs_decref(vm, dict);
            return -1;
        }
        gs_dict_set_steal(vm, dict, &gs_name(vm, "__annotations__")->ob, ann);
    }
    d->dict = (gs_Dict *)dict;
    gs_record_field(vm, &d->ob, 5, NULL, dict);
    return 0;
}

gs_Object *gs_descriptor_new(gs_VM *vm, gs_Type *t, gs_Object *fn, bool wraps)
{
    gs_Descr *d = (gs_Descr *)gs_alloc(vm, t, sizeof(gs_Descr));
    if (!d)
        return NULL;
    d->ref = fn ? gs_newref(vm, fn) : NULL;
    gs_record_fields(vm, &d->ob);
    gs_gc_track(vm, &d->ob);
    if (wraps && fn && descr_wraps(vm, d) < 0) {
        gs_decref(vm, d);
        return NULL;
    }
    return &d->ob;
}

/* A module's descriptor of a C function (itertools.chain.from_iterable):
 * CPython's is a C-level method descriptor, which copies no __dict__. */
gs_Object *gs_descriptor_wrap(gs_VM *vm, gs_Type *t, gs_Object *fn)
{
    return gs_descriptor_new(vm, t, fn, t != vm->t_property && GS_KIND(fn) != GS_K_BUILTIN);
}

static void set_field(gs_VM *vm, gs_Descr *d, gs_Object **field, uint32_t what, gs_Object *v)
{
    gs_Object *old = *field;
    *field = v && v != vm->none ? gs_newref(vm, v) : NULL;
    gs_record_field(vm, &d->ob, what, old, *field);
    gs_xdecref(vm, old);
}

/* property(fget=None, fset=None, fdel=None, doc=None): CPython's
 * property_init, doc taken from fget's docstring when not given. */
static int property_init(gs_VM *vm, gs_Descr *p, gs_Object *fget, gs_Object *fset, gs_Object *fdel, gs_Object *doc)
{
    set_field(vm, p, &p->ref, 0, fget);
    set_field(vm, p, &p->fset, 1, fset);
    set_field(vm, p, &p->fdel, 2, fdel);
    p->getter_doc = false;
    if ((!doc || doc == vm->none) && p->ref) {
        gs_Object *gd = gs_lookup_attr(vm, p->ref, vm->s___doc__);
        if (!gd && vm->exc)
            return -1;
        if (gd) {
            set_field(vm, p, &p->doc, 3, gd);
            if (!p->doc) { /* None is kept as None, as CPython's Py_XSETREF does */
                p->doc = gs_newref(vm, vm->none);
                gs_record_field(vm, &p->ob, 3, NULL, p->doc);
            }
            gs_decref(vm, gd);
            p->getter_doc = true;
        }
    } else if (doc) {
        set_field(vm, p, &p->doc, 3, doc);
        if (!p->doc) {
            p->doc = gs_newref(vm, vm->none);
            gs_record_field(vm, &p->ob, 3, NULL, p->doc);
        }
    }
    return 0;
}

/* property(...), staticmethod(f), classmethod(f) */
gs_Object *gs_descr_construct(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    int npos = gs_npos(nargs, kwnames);
    if (t->inst_kind == GS_K_PROPERTY) { /* property, or abc.abstractproperty */
        static const char *const names[] = { "fget", "fset", "fdel", "doc" };
        gs_Object *a[4] = { NULL, NULL, NULL, NULL };
        if (npos > 4) {
            gs_raise(vm, vm->e_TypeError, "property() takes at most 4 arguments (%d given)", nargs);
            return NULL;
        }
        for (int i = 0; i < npos; i++)
            a[i] = args[i];
        for (int k = 0; kwnames && k < kwnames->len; k++) {
            const char *kn = ((gs_Str *)kwnames->items[k])->data;
            int j = 0;
            while (j < 4 && strcmp(names[j], kn) != 0)
                j++;
            if (j == 4) {
                gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for property()", kn);
                return NULL;
            }
            if (a[j]) {
                gs_raise(vm, vm->e_TypeError, "argument for property() given by name ('%s') and position (%d)", kn,
                         j + 1);
                return NULL;
            }
            a[j] = args[npos + k];
        }
        gs_Descr *p = (gs_Descr *)gs_descriptor_new(vm, t, NULL, false);
        if (!p)
            return NULL;
        if (property_init(vm, p, a[0], a[1], a[2], a[3]) < 0) {
            gs_decref(vm, p);
            return NULL;
        }
        return &p->ob;
    }
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", t->name->data);
        return NULL;
    }
    if (npos != 1) {
        gs_raise(vm, vm->e_TypeError, "%s expected 1 argument, got %d", t->name->data, npos);
        return NULL;
    }
    return gs_descriptor_new(vm, t, args[0], true);
}

/* ================================================================== the protocol */

/* The __get__ of a class that defines one in Python, or NULL. */
static gs_Object *user_get(gs_VM *vm, gs_Object *v)
{
    if (!(v->type->flags & GS_TF_HEAP) && !v->type->native) /* ... or a module's class (functools.cached_property) */
        return NULL;
    return gs_type_lookup(v->type, gs_name(vm, "__get__"));
}

bool gs_descr_is_data(gs_VM *vm, gs_Object *v)
{
    if (GS_KIND(v) == GS_K_PROPERTY || v->type == vm->t_member_descr || v->type == vm->t_getset_descr)
        return true;
    if (!(v->type->flags & GS_TF_HEAP))
        return false;
    return gs_type_lookup(v->type, gs_name(vm, "__set__")) || gs_type_lookup(v->type, gs_name(vm, "__delete__"));
}

static const char *qualname_of(gs_Type *t) { return t->qualname ? t->qualname->data : t->name->data; }

/* "property 'x' of 'C' object has no getter" and its relatives */
static void property_error(gs_VM *vm, gs_Descr *p, gs_Object *obj, const char *what)
{
    gs_Object *nr = p->name ? gs_repr(vm, p->name) : NULL;
    if (p->name && !nr)
        return;
    if (nr && obj)
        gs_raise(vm, vm->e_AttributeError, "property %s of '%s' object has no %s", ((gs_Str *)nr)->data,
                 qualname_of(obj->type), what);
    else if (nr)
        gs_raise(vm, vm->e_AttributeError, "property %s has no %s", ((gs_Str *)nr)->data, what);
    else if (obj)
        gs_raise(vm, vm->e_AttributeError, "property of '%s' object has no %s", qualname_of(obj->type), what);
    else
        gs_raise(vm, vm->e_AttributeError, "property has no %s", what);
    gs_xdecref(vm, nr);
}

gs_Object *gs_descr_get(gs_VM *vm, gs_Object *v, gs_Object *obj, gs_Type *owner)
{
    switch (GS_KIND(v)) {
    case GS_K_FUNCTION:
        return obj ? gs_method_new(vm, v, obj) : gs_newref(vm, v);
    case GS_K_BUILTIN: {
        gs_Builtin *b = (gs_Builtin *)v;
        if ((b->varargs & GS_CLASSMETH) && !b->self) {
            gs_Object *cls = owner ? &owner->ob : obj ? &obj->type->ob : NULL;
            if (!cls)
                return gs_newref(vm, v);
            gs_Object *r = gs_builtin_new(vm, b->name, b->fn, b->min_args, b->max_args, cls);
            if (r) {
                ((gs_Builtin *)r)->takes_kw = b->takes_kw;
                ((gs_Builtin *)r)->owner = b->owner;
            }
            return r;
        }
        if (obj && b->owner && !b->self) {
            gs_Object *r = gs_builtin_new(vm, b->name, b->fn, b->min_args, b->max_args, obj);
            if (r) {
                ((gs_Builtin *)r)->takes_kw = b->takes_kw;
                ((gs_Builtin *)r)->varargs = b->varargs;
                ((gs_Builtin *)r)->owner = b->owner;
            }
            return r;
        }
        return gs_newref(vm, v);
    }
    case GS_K_STATICMETHOD: {
        gs_Object *f = ((gs_Descr *)v)->ref;
        if (!f) {
            gs_raise(vm, vm->e_RuntimeError, "uninitialized staticmethod object");
            return NULL;
        }
        return gs_newref(vm, f);
    }
    case GS_K_CLASSMETHOD: {
        gs_Object *f = ((gs_Descr *)v)->ref;
        if (!f) {
            gs_raise(vm, vm->e_RuntimeError, "uninitialized classmethod object");
            return NULL;
        }
        gs_Type *cls = owner ? owner : obj->type;
        /* 3.11 chains: a classmethod of a property is the property's __get__ */
        if (GS_KIND(f) != GS_K_FUNCTION && GS_KIND(f) != GS_K_BUILTIN && user_get(vm, f)) {
            gs_Object *args[3] = { f, &cls->ob, &cls->ob };
            return gs_call_object(vm, user_get(vm, f), args, 3, NULL);
        }
        return gs_method_new(vm, f, &cls->ob);
    }
    case GS_K_PROPERTY: {
        gs_Descr *p = (gs_Descr *)v;
        if (!obj)
            return gs_newref(vm, v);
        if (!p->ref) {
            property_error(vm, p, obj, "getter");
            return NULL;
        }
        return gs_call_object(vm, p->ref, &obj, 1, NULL);
    }
    default: {
        if (v->type == vm->t_member_descr)
            return member_get(vm, v, obj);
        if (v->type == vm->t_getset_descr)
            return getset_get(vm, v, obj);
        /* a module's function-like object (functools.partial: tp_descr_get) */
        if (GS_KIND(v) == GS_K_INSTANCE && v->type->native && v->type->native->binds)
            return obj ? gs_method_new(vm, v, obj) : gs_newref(vm, v);
        gs_Object *g = user_get(vm, v);
        if (!g)
            return gs_newref(vm, v);
        gs_Object *args[3] = { v, obj ? obj : vm->none, owner ? &owner->ob : &obj->type->ob };
        return gs_call_object(vm, g, args, 3, NULL);
    }
    }
}

/* v.__set__(obj, value) / v.__delete__(obj) (value NULL): 1 done, 0 not a
 * data descriptor, -1 error */
int gs_descr_set(gs_VM *vm, gs_Object *v, gs_Object *obj, gs_Object *value)
{
    if (GS_KIND(v) == GS_K_PROPERTY) {
        gs_Descr *p = (gs_Descr *)v;
        gs_Object *f = value ? p->fset : p->fdel;
        if (!f) {
            property_error(vm, p, obj, value ? "setter" : "deleter");
            return -1;
        }
        gs_Object *args[2] = { obj, value };
        gs_Object *r = gs_call_object(vm, f, args, value ? 2 : 1, NULL);
        if (!r)
            return -1;
        gs_decref(vm, r);
        return 1;
    }
    if (v->type == vm->t_member_descr)
        return member_set(vm, v, obj, value) < 0 ? -1 : 1;
    if (v->type == vm->t_getset_descr)
        return getset_set(vm, v, obj, value);
    if (!(v->type->flags & GS_TF_HEAP))
        return 0;
    gs_Object *m = gs_type_lookup(v->type, gs_name(vm, value ? "__set__" : "__delete__"));
    if (!m) {
        gs_Object *other = gs_type_lookup(v->type, gs_name(vm, value ? "__delete__" : "__set__"));
        if (!other)
            return 0;
        gs_raise(vm, vm->e_AttributeError, "__%s__", value ? "set" : "delete");
        return -1;
    }
    gs_Object *args[3] = { v, obj, value };
    gs_Object *r = gs_call_object(vm, m, args, value ? 3 : 2, NULL);
    if (!r)
        return -1;
    gs_decref(vm, r);
    return 1;
}

/* ================================================================== methods of property, staticmethod, classmethod */

static gs_Object *property_copy(gs_VM *vm, gs_Descr *old, gs_Object *get, gs_Object *set, gs_Object *del)
{
    if (!get || get == vm->none)
        get = old->ref ? old->ref : vm->none;
    if (!set || set == vm->none)
        set = old->fset ? old->fset : vm->none;
    if (!del || del == vm->none)
        del = old->fdel ? old->fdel : vm->none;
    gs_Object *doc = old->getter_doc && get != vm->none ? vm->none : old->doc ? old->doc : vm->none;
    /* PyObject_CallFunctionObjArgs(type(old), get, set, del, doc): a tuple of four */
    gs_Object *argt = gs_phantom_alloc(vm, vm->t_tuple, 4);
    gs_Object *args[4] = { get, set, del, doc };
    gs_Object *r;
    if (old->ob.type == vm->t_property)
        r = gs_descr_construct(vm, vm->t_property, args, 4, NULL);
    else
        r = gs_call_object(vm, &old->ob.type->ob, args, 4, NULL);
    gs_phantom_free(vm, argt);
    if (r && GS_KIND(r) == GS_K_PROPERTY && old->name) {
        gs_Descr *p = (gs_Descr *)r;
        set_field(vm, p, &p->name, 4, old->name);
    }
    return r;
}

static gs_Object *m_prop_getter(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return property_copy(vm, (gs_Descr *)self, args[0], NULL, NULL); }
static gs_Object *m_prop_setter(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return property_copy(vm, (gs_Descr *)self, NULL, args[0], NULL); }
static gs_Object *m_prop_deleter(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return property_copy(vm, (gs_Descr *)self, NULL, NULL, args[0]); }

static gs_Object *m_prop_set_name(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    gs_Descr *p = (gs_Descr *)self;
    set_field(vm, p, &p->name, 4, args[1]);
    return GS_NONE(vm);
}

static gs_Object *m_descr_get(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *obj = args[0] == vm->none ? NULL : args[0];
    gs_Object *type = nargs > 1 && args[1] != vm->none ? args[1] : NULL;
    if (!obj && !type) {
        gs_raise(vm, vm->e_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return gs_descr_get(vm, self, obj, type && GS_KIND(type) == GS_K_TYPE ? (gs_Type *)type : NULL);
}

static gs_Object *m_prop_set(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return gs_descr_set(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *m_prop_delete(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return gs_descr_set(vm, self, args[0], NULL) < 0 ? NULL : GS_NONE(vm);
}

/* f(*args) of a staticmethod (3.10+ makes them callable) */
static gs_Object *m_sm_call(GS_ARGS)
{
    gs_Object *f = ((gs_Descr *)self)->ref;
    return gs_call_object(vm, f, args, nargs, kwnames);
}

/* The built-in type of a descriptor of kind k */
static gs_Type *descr_builtin(gs_VM *vm, gs_Kind k)
{
    return k == GS_K_PROPERTY ? vm->t_property : k == GS_K_CLASSMETHOD ? vm->t_classmethod : vm->t_staticmethod;
}

gs_Object *gs_descr_getattr(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    gs_Descr *d = (gs_Descr *)o;
    const char *n = name->data;
    if (o->type != descr_builtin(vm, GS_KIND(o))) {
        /* a type derived from it (abc.abstractproperty): its own class
         * attributes come first in the MRO (__isabstractmethod__ = True,
         * its __doc__, which shadows a property's doc unless the getter's
         * went into the instance's __dict__, as property_init does for a
         * subclass) */
        if (GS_KIND(o) == GS_K_PROPERTY && name == vm->s___doc__ && d->getter_doc)
            return gs_newref(vm, d->doc ? d->doc : vm->none);
        for (gs_Type *t = o->type; t && t != descr_builtin(vm, GS_KIND(o)); t = t->base) {
            gs_Object *v = t->dict ? gs_dict_get_str(vm, &t->dict->ob, name) : NULL;
            if (v)
                return gs_newref(vm, v);
        }
    }
    if (GS_KIND(o) == GS_K_PROPERTY) {
        if (strcmp(n, "fget") == 0) return gs_newref(vm, d->ref ? d->ref : vm->none);
        if (strcmp(n, "fset") == 0) return gs_newref(vm, d->fset ? d->fset : vm->none);
        if (strcmp(n, "fdel") == 0) return gs_newref(vm, d->fdel ? d->fdel : vm->none);
        if (name == vm->s___doc__) return gs_newref(vm, d->doc ? d->doc : vm->none);
    } else {
        if (strcmp(n, "__func__") == 0 || strcmp(n, "__wrapped__") == 0)
            return gs_newref(vm, d->ref ? d->ref : vm->none);
        if (name == vm->s___dict__) {
            if (!d->dict) {
                gs_Object *dict = gs_dict_new(vm);
                if (!dict)
                    return NULL;
                d->dict = (gs_Dict *)dict;
                gs_record_field(vm, o, 5, NULL, dict);
            }
            return gs_newref(vm, &d->dict->ob);
        }
        if (d->dict) {
            gs_Object *v = gs_dict_get_str(vm, &d->dict->ob, name);
            if (v)
                return gs_newref(vm, v);
        }
    }
    if (strcmp(n, "__isabstractmethod__") == 0) {
        gs_Object *fs[3] = { d->ref, GS_KIND(o) == GS_K_PROPERTY ? d->fset : NULL,
                             GS_KIND(o) == GS_K_PROPERTY ? d->fdel : NULL };
        for (int i = 0; i < 3; i++) {
            if (!fs[i])
                continue;
            gs_Object *a = gs_lookup_attr(vm, fs[i], name);
            if (!a) {
                if (vm->exc)
                    return NULL;
                continue;
            }
            int t = gs_truthy(vm, a);
            gs_decref(vm, a);
            if (t)
                return t < 0 ? NULL : GS_BOOL(vm, true);
        }
        return GS_BOOL(vm, false);
    }
    return NULL;
}

int gs_descr_setattr(gs_VM *vm, gs_Object *o, gs_Str *name, gs_Object *v)
{
    gs_Descr *d = (gs_Descr *)o;
    if (GS_KIND(o) == GS_K_PROPERTY) {
        if (name == vm->s___doc__ && v) {
            set_field(vm, d, &d->doc, 3, v);
            return 0;
        }
        return 1;
    }
    if (!d->dict) {
        gs_Object *dict = gs_dict_new(vm);
        if (!dict)
            return -1;
        d->dict = (gs_Dict *)dict;
        gs_record_field(vm, o, 5, NULL, dict);
    }
    if (v)
        return gs_dict_set(vm, &d->dict->ob, &name->ob, v);
    return gs_dict_del(vm, &d->dict->ob, &name->ob);
}

static const gs_MethodDef property_methods[] = {
    { "getter", m_prop_getter, 1, 1, 0 }, { "setter", m_prop_setter, 1, 1, 0 },
    { "deleter", m_prop_deleter, 1, 1, 0 }, { "__set_name__", m_prop_set_name, 2, 2, 0 },
    { "__get__", m_descr_get, 1, 2, 0 }, { "__set__", m_prop_set, 2, 2, 0 },
    { "__delete__", m_prop_delete, 1, 1, 0 }, { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef sm_methods[] = {
    { "__get__", m_descr_get, 1, 2, 0 }, { "__call__", m_sm_call, 0, -1, GS_KW }, { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef cm_methods[] = {
    { "__get__", m_descr_get, 1, 2, 0 }, { NULL, NULL, 0, 0, 0 },
};

void gs_descr_methods_init(gs_VM *vm)
{
    gs_type_add_methods(vm, vm->t_property, property_methods);
    gs_type_add_methods(vm, vm->t_staticmethod, sm_methods);
    gs_type_add_methods(vm, vm->t_classmethod, cm_methods);
    member_type_init(vm);
}

/* ================================================================== __slots__ */

/* Which slot of objects of class t is `name`: its index in
 * gs_slot_values, or -1. */
int32_t gs_slot_index(gs_Type *t, gs_Str *name)
{
    int32_t n = gs_type_nslots(t);
    for (int32_t i = n - 1; i >= 0; i--)
        if (t->slots[i] == name || gs_str_eq(t->slots[i], name))
            return i;
    return -1;
}

/* ------------------------------------------------------------------ member descriptors
 * CPython's class statement puts a member_descriptor in the class's dict
 * for each name of __slots__ (Objects/descrobject.c, PyMemberDescrObject):
 * a GC object holding its class (d_type, the one reference its traverse
 * shows) and the name; instances' o.x goes through it, as the data
 * descriptor it is.  A class's descriptors hold it in a cycle through its
 * dict, which only the collector (or the class's own clear) breaks. */

typedef struct MemberDescr {
    gs_Instance inst;
    gs_Object *owner;  /* d_type: the class whose slot it is (a reference) */
    gs_Str *name;      /* d_name: the slot's name, interned (the VM keeps it) */
    int32_t index;     /* where the value sits among gs_slot_values */
} MemberDescr;

#define MD(o) ((MemberDescr *)(o))

static void member_set_owner(gs_VM *vm, gs_Object *o, gs_Object *v)
{
    if (v)
        gs_incref_c(vm, v, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD));
    gs_Object *old = MD(o)->owner;
    MD(o)->owner = v;
    gs_record_field(vm, o, GS_NATIVE_FIELD, old, v);
    if (old)
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD));
}

static int member_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *t = MD(o)->owner;
    return t ? fn(vm, o, t, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void member_clear(gs_VM *vm, gs_Object *o) { member_set_owner(vm, o, NULL); }

/* a GC type without a tp_clear (descr_traverse only) */
static const gs_NativeOps member_ops = { sizeof(MemberDescr), true, false, member_traverse, member_clear, NULL,
                                         true, false, false, 0, NULL, NULL };

static const char *member_owner_name(gs_Object *o)
{
    gs_Object *t = MD(o)->owner;
    return t ? ((gs_Type *)t)->name->data : "?";
}

gs_Object *gs_member_descr_new(gs_VM *vm, gs_Type *owner, int32_t index)
{
    gs_Object *o = gs_native_new(vm, vm->t_member_descr);
    if (!o)
        return NULL;
    MD(o)->name = owner->slots[index];
    MD(o)->index = index;
    member_set_owner(vm, o, &owner->ob);
    return o;
}

/* descr_check / descr_setcheck: obj is an instance of the owner, else TypeError */
static int member_check(gs_VM *vm, gs_Object *d, gs_Object *obj)
{
    gs_Type *t = (gs_Type *)MD(d)->owner;
    if (t && gs_issubtype(obj->type, t))
        return 0;
    gs_raise(vm, vm->e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
             MD(d)->name->data, member_owner_name(d), gs_type_name(obj));
    return -1;
}

/* member_get: on the class (obj NULL) the descriptor itself */
static gs_Object *member_get(gs_VM *vm, gs_Object *d, gs_Object *obj)
{
    if (!obj)
        return gs_newref(vm, d);
    if (member_check(vm, d, obj) < 0)
        return NULL;
    gs_Object *v = gs_slot_values(obj)[MD(d)->index];
    if (!v) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", gs_type_name(obj),
                 MD(d)->name->data);
        return NULL;
    }
    return gs_newref(vm, v);
}

/* member_set (value NULL: delete): PyMember_SetOne's T_OBJECT_EX */
static int member_set(gs_VM *vm, gs_Object *d, gs_Object *obj, gs_Object *value)
{
    if (member_check(vm, d, obj) < 0)
        return -1;
    if (!value && !gs_slot_values(obj)[MD(d)->index]) {
        gs_raise(vm, vm->e_AttributeError, "%s", MD(d)->name->data);
        return -1;
    }
    return gs_slot_store(vm, obj, MD(d)->index, value);
}

/* wrap_descr_get: __get__(obj, type=None), unpacked with no name */
static gs_Object *md_get(GS_ARGS)
{
    if (gs_no_kwargs(vm, "__get__", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, " expected %s%d argument%s, got %d", nargs < 1 ? "at least " : "at most ",
                 nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
        return NULL;
    }
    gs_Object *obj = args[0] == vm->none ? NULL : args[0];
    gs_Object *type = nargs > 1 && args[1] != vm->none ? args[1] : NULL;
    if (!obj && !type) {
        gs_raise(vm, vm->e_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return member_get(vm, self, obj);
}

static gs_Object *md_set(GS_ARGS)
{
    if (gs_no_kwargs(vm, "__set__", kwnames) < 0)
        return NULL;
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, " expected 2 arguments, got %d", nargs);
        return NULL;
    }
    return member_set(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *md_delete(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return member_set(vm, self, args[0], NULL) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *md_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_str_printf(vm, "<member '%s' of '%s' objects>", MD(self)->name->data, member_owner_name(self));
}

static gs_Object *md_name(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, &MD(self)->name->ob);
}

static gs_Object *md_qualname(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Type *t = (gs_Type *)MD(self)->owner;
    return gs_str_printf(vm, "%s.%s", t ? qualname_of(t) : "?", MD(self)->name->data);
}

static gs_Object *md_objclass(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, MD(self)->owner ? MD(self)->owner : vm->none);
}

static gs_Object *md_doc(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return GS_NONE(vm);
}

/* PyMemberDescrObject: PyDescr_COMMON and d_member */
static gs_Object *md_sizeof(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_int_new(vm, 48);
}

static const gs_MethodDef member_methods[] = {
    { "__sizeof__", md_sizeof, 0, 0, 0 }, { "__get__", md_get, 0, -1, GS_KW }, { "__set__", md_set, 0, -1, GS_KW }, { "__delete__", md_delete, 1, 1, 0 },
    { "__repr__", md_repr, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
};

/* A read-only attribute of type t computed by fn (CPython's getset
 * descriptors): a property around a builtin the type owns. */
void gs_type_add_getter(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, 0, 0, NULL);
    if (!b)
        return;
    ((gs_Builtin *)b)->owner = t;
    gs_Object *p = gs_descriptor_new(vm, vm->t_property, b, false);
    gs_decref(vm, b);
    if (!p)
        return;
    gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, p);
    gs_decref(vm, p);
}

/* ------------------------------------------------------------------ getset descriptors
 * A class statement whose bases give its objects no __dict__ (or no weak
 * references) puts a getset_descriptor for __dict__ (and __weakref__) in
 * the class's dict, after the slots' member descriptors (PyType_Ready's
 * add_getset of subtype_getsets_full): GC objects holding their class, as
 * a member descriptor does, so the class lives in a cycle with them.  They
 * share MemberDescr's layout; `index` says which attribute they give. */

enum { GETSET_DICT = -1, GETSET_WEAKREF = -2 };

gs_Object *gs_getset_descr_new(gs_VM *vm, gs_Type *owner, bool weakref)
{
    gs_Object *o = gs_native_new(vm, vm->t_getset_descr);
    if (!o)
        return NULL;
    MD(o)->name = weakref ? gs_name(vm, "__weakref__") : vm->s___dict__;
    MD(o)->index = weakref ? GETSET_WEAKREF : GETSET_DICT;
    member_set_owner(vm, o, &owner->ob);
    return o;
}

/* subtype_dict / subtype_getweakref; on the class (obj NULL) the descriptor */
static gs_Object *getset_get(gs_VM *vm, gs_Object *d, gs_Object *obj)
{
    if (!obj)
        return gs_newref(vm, d);
    if (member_check(vm, d, obj) < 0)
        return NULL;
    if (MD(d)->index == GETSET_WEAKREF) {
        gs_Object **list = gs_weakref_listptr(obj);
        return gs_newref(vm, list && *list ? *list : vm->none);
    }
    gs_Object *dict = gs_inst_part(obj) && (obj->type->flags & GS_TF_DICT) ? gs_instance_dict(vm, obj) : NULL;
    if (!dict && !vm->exc)
        gs_raise(vm, vm->e_AttributeError, "This object has no __dict__");
    return dict ? gs_newref(vm, dict) : NULL;
}

/* 1 done, 0 left to the generic setattr (which sets or refuses __dict__), -1 error */
static int getset_set(gs_VM *vm, gs_Object *d, gs_Object *obj, gs_Object *value)
{
    GS_UNUSED(value);
    if (member_check(vm, d, obj) < 0)
        return -1;
    if (MD(d)->index == GETSET_DICT)
        return 0;
    gs_raise(vm, vm->e_AttributeError, "attribute '%s' of '%s' objects is not writable", MD(d)->name->data,
             member_owner_name(d));
    return -1;
}

static gs_Object *gd_get(GS_ARGS)
{
    if (gs_no_kwargs(vm, "__get__", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, " expected %s%d argument%s, got %d", nargs < 1 ? "at least " : "at most ",
                 nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
        return NULL;
    }
    gs_Object *obj = args[0] == vm->none ? NULL : args[0];
    gs_Object *type = nargs > 1 && args[1] != vm->none ? args[1] : NULL;
    if (!obj && !type) {
        gs_raise(vm, vm->e_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return getset_get(vm, self, obj);
}

/* __set__ / __delete__ called in Python: what o.__dict__ = v does, here */
static gs_Object *gd_set_common(gs_VM *vm, gs_Object *self, gs_Object *obj, gs_Object *value)
{
    int r = getset_set(vm, self, obj, value);
    if (r == 0)
        r = gs_generic_setattr(vm, obj, vm->s___dict__, value);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *gd_set(GS_ARGS)
{
    if (gs_no_kwargs(vm, "__set__", kwnames) < 0)
        return NULL;
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, " expected 2 arguments, got %d", nargs);
        return NULL;
    }
    return gd_set_common(vm, self, args[0], args[1]);
}

static gs_Object *gd_delete(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gd_set_common(vm, self, args[0], NULL);
}

static gs_Object *gd_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_str_printf(vm, "<attribute '%s' of '%s' objects>", MD(self)->name->data, member_owner_name(self));
}

static gs_Object *gd_doc(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_str_from_cstr(vm, MD(self)->index == GETSET_WEAKREF ? "list of weak references to the object (if defined)"
                                                                   : "dictionary for instance variables (if defined)");
}

static const gs_MethodDef getset_methods[] = {
    { "__get__", gd_get, 0, -1, GS_KW }, { "__set__", gd_set, 0, -1, GS_KW }, { "__delete__", gd_delete, 1, 1, 0 },
    { "__repr__", gd_repr, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
};

static void member_type_init(gs_VM *vm)
{
    vm->t_member_descr = gs_native_type_new(vm, "member_descriptor", &member_ops, member_methods);
    gs_type_add_getter(vm, vm->t_member_descr, "__name__", md_name);
    gs_type_add_getter(vm, vm->t_member_descr, "__qualname__", md_qualname);
    gs_type_add_getter(vm, vm->t_member_descr, "__objclass__", md_objclass);
    gs_type_add_getter(vm, vm->t_member_descr, "__doc__", md_doc);
    /* (descriptors have no __dict__ and no weak references in CPython) */
    vm->t_getset_descr = gs_native_type_new(vm, "getset_descriptor", &member_ops, getset_methods);
    vm->t_getset_descr->flags &= (uint16_t)~(GS_TF_DICT | GS_TF_WEAK);
    gs_type_add_getter(vm, vm->t_getset_descr, "__name__", md_name);
    gs_type_add_getter(vm, vm->t_getset_descr, "__qualname__", md_qualname);
    gs_type_add_getter(vm, vm->t_getset_descr, "__objclass__", md_objclass);
    gs_type_add_getter(vm, vm->t_getset_descr, "__doc__", gd_doc);
    /* PyGetSetDescrObject: PyDescr_COMMON and d_getset (sys.getsizeof adds the GC header) */
    gs_Object *bs = gs_int_new(vm, 48);
    if (bs) {
        gs_dict_set(vm, &vm->t_getset_descr->dict->ob, &gs_name(vm, "__basicsize__")->ob, bs);
        gs_decref(vm, bs);
    }
}

/* ================================================================== super */

/* The type whose MRO super(type, obj) searches (CPython's supercheck), or
 * NULL with TypeError. */
gs_Type *gs_super_check(gs_VM *vm, gs_Type *type, gs_Object *obj)
{
    if (GS_KIND(obj) == GS_K_TYPE && gs_issubtype((gs_Type *)obj, type))
        return (gs_Type *)obj;
    if (gs_issubtype(obj->type, type))
        return obj->type;
    gs_raise(vm, vm->e_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

gs_Object *gs_super_getattr(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    gs_Method *sp = (gs_Method *)o;
    gs_Type *type = (gs_Type *)sp->func;
    gs_Object *obj = sp->self;
    if (obj && name != vm->s___class__) {
        gs_Type *start = GS_KIND(obj) == GS_K_TYPE && gs_issubtype((gs_Type *)obj, type) ? (gs_Type *)obj : obj->type;
        int32_t n;
        gs_Type **mro = gs_type_mro(start, &n);
        int32_t i = 0;
        while (mro && i < n && mro[i] != type)
            i++;
        for (i++; mro && i < n; i++) {
            gs_Dict *d = mro[i]->dict;
            if (!d)
                continue;
            int32_t ix = gs_table_lookup_str(&d->t, name);
            if (ix < 0)
                continue;
            gs_Object *v = d->t.entries[ix].value;
            gs_incref(vm, v);
            gs_Object *r = gs_descr_get(vm, v, obj == &start->ob ? NULL : obj, start);
            gs_decref(vm, v);
            return r;
        }
    }
    const char *n = name->data;
    if (strcmp(n, "__thisclass__") == 0)
        return gs_newref(vm, &type->ob);
    if (strcmp(n, "__self__") == 0)
        return gs_newref(vm, obj ? obj : vm->none);
    if (strcmp(n, "__self_class__") == 0) {
        if (!obj)
            return GS_NONE(vm);
        gs_Type *start = GS_KIND(obj) == GS_K_TYPE && gs_issubtype((gs_Type *)obj, type) ? (gs_Type *)obj : obj->type;
        return gs_newref(vm, &start->ob);
    }
    if (name == vm->s___class__)
        return gs_newref(vm, &vm->t_super->ob);
    gs_raise(vm, vm->e_AttributeError, "'super' object has no attribute '%s'", n);
    return NULL;
}
