/*
 * abc.c — the abc module: abstract base classes.  ABCMeta is a real
 * metaclass (a class derived from type, made on import as Lib/abc.py
 * makes it, with C methods standing for Modules/_abc.c's helpers), ABC a
 * real class whose metaclass it is, abstractmethod marks a function (or
 * property, classmethod, staticmethod) with __isabstractmethod__ = True.
 *
 * ABCMeta.__new__ makes the class with type.__new__, then does _abc_init:
 * the class gets __abstractmethods__ (a frozenset of the names still
 * abstract) and _abc_impl (an _abc._abc_data object holding the registry
 * of virtual subclasses as weak references).  object.__new__ refuses a
 * class whose __abstractmethods__ is not empty (runtime/slots.c,
 * check_abstract), with CPython's message.  register, __instancecheck__
 * and __subclasscheck__ follow _abc.c's algorithm; the positive and
 * negative caches CPython keeps beside the registry are not modelled (they
 * change nothing a program prints, only which weak references exist).
 *
 * The deprecated abstractproperty, abstractclassmethod and
 * abstractstaticmethod are Lib/abc.py's classes derived from property,
 * classmethod and staticmethod, with __isabstractmethod__ = True in their
 * dicts.  Here they are types of the VM (made on the first import) whose
 * objects are the built-in descriptors of their base with this type:
 * descr.c looks up their class's attributes first (__isabstractmethod__,
 * __doc__) and size.c gives them the sizes a class statement's subclass
 * has (a __weakref__, and for property a managed __dict__).
 */
#include <stdio.h>

#include "modutil.h"

/* The state kept for the VM's life: the invalidation counter
 * (get_cache_token) and the _abc_data type. */
typedef struct AbcState {
    int64_t counter;
    gs_Type *t_data;
    gs_Type *t_absprop, *t_abscm, *t_abssm; /* abstractproperty, abstractclassmethod, abstractstaticmethod */
} AbcState;

static AbcState *state(gs_VM *vm) { return vm->modstate[GS_MS_ABC]; }

/* ================================================================== _abc._abc_data */

typedef struct AbcData {
    gs_Instance inst;
    gs_Object *registry; /* a set of weak references to the registered classes, or NULL */
} AbcData;

static int data_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    AbcData *d = (AbcData *)o;
    return d->registry ? fn(vm, o, d->registry, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void data_clear(gs_VM *vm, gs_Object *o)
{
    AbcData *d = (AbcData *)o;
    gs_native_set(vm, o, &d->registry, GS_NATIVE_FIELD, NULL);
}

/* CPython's _abc_data is a GC type with a tp_clear */
static const gs_NativeOps data_ops = { sizeof(AbcData), true, true, data_traverse, data_clear, NULL,
                                       true, false, false, 0, NULL, NULL };

/* ================================================================== helpers */

/* getattr(v, "__isabstractmethod__", False) as 0/1, -1 on error */
static int is_abstract(gs_VM *vm, gs_Object *v)
{
    gs_Object *r = gs_lookup_attr(vm, v, gs_name(vm, "__isabstractmethod__"));
    if (!r)
        return vm->exc ? -1 : 0;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* compute_abstract_methods: cls.__abstractmethods__ = the names of cls's
 * own abstract attributes and of its bases' abstract names still abstract
 * in cls */
static int compute_abstracts(gs_VM *vm, gs_Type *cls)
{
    gs_Object *abstracts = gs_set_new(vm, true);
    if (!abstracts)
        return -1;
    /* PyMapping_Items(ns): the items first, since __isabstractmethod__ may run code */
    gs_Object *items = gs_list_new(vm, 0);
    if (!items)
        goto error;
    {
        int32_t pos = 0;
        gs_Object *k, *v;
        while (gs_dict_next(&cls->dict->ob, &pos, &k, &v)) {
            gs_Object *pair = gs_tuple_pack(vm, 2, k, v);
            if (!pair || gs_list_append(vm, items, pair) < 0) {
                gs_xdecref(vm, pair);
                goto error;
            }
            gs_decref(vm, pair);
        }
    }
    for (int32_t i = 0; i < ((gs_List *)items)->len; i++) {
        gs_Tuple *pair = (gs_Tuple *)((gs_List *)items)->items[i];
        int a = is_abstract(vm, pair->items[1]);
        if (a < 0 || (a && gs_set_add(vm, abstracts, pair->items[0]) < 0))
            goto error;
    }
    int32_t nb;
    gs_Type **bases = gs_type_bases(cls, &nb);
    for (int32_t i = 0; bases && i < nb; i++) {
        gs_Object *ba = gs_lookup_attr(vm, &bases[i]->ob, gs_name(vm, "__abstractmethods__"));
        if (!ba) {
            if (vm->exc)
                goto error;
            continue;
        }
        gs_Object *it = gs_iter(vm, ba);
        gs_decref(vm, ba);
        if (!it)
            goto error;
        gs_Object *key;
        while ((key = gs_next(vm, it))) {
            gs_Object *value = GS_KIND(key) == GS_K_STR ? gs_lookup_attr(vm, &cls->ob, (gs_Str *)key) : NULL;
            if (!value) {
                gs_decref(vm, key);
                if (vm->exc) {
                    gs_decref(vm, it);
                    goto error;
                }
                continue;
            }
            int a = is_abstract(vm, value);
            gs_decref(vm, value);
            if (a < 0 || (a && gs_set_add(vm, abstracts, key) < 0)) {
                gs_decref(vm, key);
                gs_decref(vm, it);
                goto error;
            }
            gs_decref(vm, key);
        }
        gs_decref(vm, it);
        if (vm->exc)
            goto error;
    }
    if (gs_setattr(vm, &cls->ob, gs_name(vm, "__abstractmethods__"), abstracts) < 0)
        goto error;
    gs_decref(vm, items);
    gs_decref(vm, abstracts);
    return 0;
error:
    gs_xdecref(vm, items);
    gs_decref(vm, abstracts);
    return -1;
}

/* _abc_init(cls): the abstract methods, then the class's _abc_impl */
static int abc_init(gs_VM *vm, gs_Type *cls)
{
    if (compute_abstracts(vm, cls) < 0)
        return -1;
    gs_Object *data = gs_native_new(vm, state(vm)->t_data);
    if (!data)
        return -1;
    int r = gs_setattr(vm, &cls->ob, gs_name(vm, "_abc_impl"), data);
    gs_decref(vm, data);
    return r;
}

/* the class's _abc_data, or NULL with CPython's TypeError */
static AbcData *impl_of(gs_VM *vm, gs_Object *cls)
{
    gs_Object *d = gs_lookup_attr(vm, cls, gs_name(vm, "_abc_impl"));
    if (!d) {
        if (!vm->exc)
            gs_raise(vm, vm->e_AttributeError, "type object '%s' has no attribute '_abc_impl'",
                     GS_KIND(cls) == GS_K_TYPE ? ((gs_Type *)cls)->name->data : gs_type_name(cls));
        return NULL;
    }
    if (d->type != state(vm)->t_data) {
        gs_raise(vm, vm->e_TypeError, "_abc_impl is set to a wrong type");
        gs_decref(vm, d);
        return NULL;
    }
    gs_decref(vm, d); /* the class's dict keeps it */
    return (AbcData *)d;
}

/* issubclass(a, b) as the builtin does it (b's __subclasscheck__): 0/1, -1 */
static int call_issubclass(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Object *f = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "issubclass"));
    gs_Object *r = f ? gs_call(vm, f, (gs_Object *[]){ a, b }, 2, NULL) : NULL;
    if (!r)
        return -1;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* ================================================================== ABCMeta's methods */

/* ABCMeta.__new__(mcls, name, bases, namespace, /, **kwargs) */
static gs_Object *meta_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos != 3) {
        static const char *const pn[] = { "'name', 'bases', and 'namespace'", "'bases' and 'namespace'",
                                          "'namespace'" };
        if (npos < 3)
            gs_raise(vm, vm->e_TypeError, "ABCMeta.__new__() missing %d required positional argument%s: %s",
                     3 - npos, npos == 2 ? "" : "s", pn[npos]);
        else
            gs_raise(vm, vm->e_TypeError, "ABCMeta.__new__() takes 4 positional arguments but %d were given",
                     npos + 1);
        return NULL;
    }
    if (GS_KIND(args[0]) != GS_K_STR || GS_KIND(args[1]) != GS_K_TUPLE || GS_KIND(args[2]) != GS_K_DICT) {
        /* type.__new__'s own checks and messages */
        gs_Object *tn = gs_dict_get_str(vm, &vm->t_type->dict->ob, gs_name(vm, "__new__"));
        gs_Object *argv[nargs + 1];
        argv[0] = self;
        for (int i = 0; i < nargs; i++)
            argv[i + 1] = args[i];
        return tn ? gs_call(vm, tn, argv, nargs + 1, kwnames) : NULL;
    }
    gs_Object *cls = gs_type_new(vm, (gs_Type *)self, (gs_Str *)args[0], args[1], args[2], args + 3, kwnames);
    if (!cls)
        return NULL;
    if (GS_KIND(cls) == GS_K_TYPE && abc_init(vm, (gs_Type *)cls) < 0) {
        gs_decref(vm, cls);
        return NULL;
    }
    return cls;
}

/* ABCMeta.register(cls, subclass): a virtual subclass */
static gs_Object *meta_register(GS_ARGS)
{
    static const char *const names[] = { "subclass" };
    static const gs_PySig sig = { "ABCMeta.register", names, 1, 1, 0, 1 };
    gs_Object *bound[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, bound) < 0)
        return NULL;
    args = bound;
    gs_Object *sub = args[0];
    if (GS_KIND(sub) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "Can only register classes");
        return NULL;
    }
    int r = call_issubclass(vm, sub, self);
    if (r < 0)
        return NULL;
    if (r)
        return gs_newref(vm, sub); /* already a subclass */
    /* a cycle is tested after "already a subclass" */
    r = call_issubclass(vm, self, sub);
    if (r < 0)
        return NULL;
    if (r) {
        gs_raise(vm, vm->e_RuntimeError, "Refusing to create an inheritance cycle");
        return NULL;
    }
    AbcData *d = impl_of(vm, self);
    if (!d)
        return NULL;
    if (!d->registry) {
        gs_Object *s = gs_set_new(vm, false);
        if (!s)
            return NULL;
        gs_native_set(vm, &d->inst.ob, &d->registry, GS_NATIVE_FIELD, s);
        gs_decref(vm, s);
    }
    gs_Object *wr = gs_weakref_new(vm, sub, NULL);
    if (!wr || gs_set_add(vm, d->registry, wr) < 0) {
        gs_xdecref(vm, wr);
        return NULL;
    }
    gs_decref(vm, wr);
    state(vm)->counter++;
    return gs_newref(vm, sub);
}

/* the classes whose __bases__ name cls (type.__subclasses__, found on
 * the collector's lists: every class is tracked) */
static gs_Object *subclasses_of(gs_VM *vm, gs_Type *cls)
{
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    for (int g = 0; g < GS_NUM_GENERATIONS + 1; g++) {
        gs_Object *head = gs_gc_generation(vm, g);
        for (gs_Object *o = head ? head->gc_next : NULL; o && o != head; o = o->gc_next) {
            if (GS_KIND(o) != GS_K_TYPE || !(((gs_Type *)o)->flags & GS_TF_HEAP))
                continue;
            int32_t nb;
            gs_Type **bases = gs_type_bases((gs_Type *)o, &nb);
            for (int32_t i = 0; bases && i < nb; i++)
                if (bases[i] == cls) {
                    if (gs_list_append(vm, l, o) < 0) {
                        gs_decref(vm, l);
                        return NULL;
                    }
                    break;
                }
        }
    }
    return l;
}

/* ABCMeta.__subclasscheck__(cls, subclass) (_abc_subclasscheck) */
static gs_Object *meta_subclasscheck(GS_ARGS)
{
    static const char *const names[] = { "subclass" };
    static const gs_PySig sig = { "ABCMeta.__subclasscheck__", names, 1, 1, 0, 1 };
    gs_Object *bound[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, bound) < 0)
        return NULL;
    args = bound;
    gs_Object *sub = args[0];
    if (GS_KIND(sub) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    AbcData *d = impl_of(vm, self);
    if (!d)
        return NULL;
    /* 1. the class's hook */
    gs_Object *hook = gs_getattr(vm, self, gs_name(vm, "__subclasshook__"));
    gs_Object *ok = hook ? gs_call(vm, hook, &sub, 1, NULL) : NULL;
    gs_xdecref(vm, hook);
    if (!ok)
        return NULL;
    if (ok != vm->notimpl) {
        if (ok != vm->true_ && ok != vm->false_) {
            gs_decref(vm, ok);
            gs_raise(vm, vm->e_AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
            return NULL;
        }
        return ok;
    }
    gs_decref(vm, ok);
    /* 2. a direct subclass */
    if (gs_issubtype((gs_Type *)sub, (gs_Type *)self))
        return GS_BOOL(vm, true);
    /* 3. a subclass of a registered class */
    if (d->registry) {
        gs_Object *snap = gs_list_from_iterable(vm, d->registry);
        if (!snap)
            return NULL;
        for (int32_t i = 0; i < ((gs_List *)snap)->len; i++) {
            gs_Object *rcls = gs_weakref_get(((gs_List *)snap)->items[i]);
            if (!rcls)
                continue;
            int r = call_issubclass(vm, sub, rcls);
            if (r) {
                gs_decref(vm, snap);
                return r < 0 ? NULL : GS_BOOL(vm, true);
            }
        }
        gs_decref(vm, snap);
    }
    /* 4. a subclass of a subclass (recursive) */
    gs_Object *subs = subclasses_of(vm, (gs_Type *)self);
    if (!subs)
        return NULL;
    for (int32_t i = 0; i < ((gs_List *)subs)->len; i++) {
        int r = call_issubclass(vm, sub, ((gs_List *)subs)->items[i]);
        if (r) {
            gs_decref(vm, subs);
            return r < 0 ? NULL : GS_BOOL(vm, true);
        }
    }
    gs_decref(vm, subs);
    return GS_BOOL(vm, false);
}

/* cls.__subclasscheck__(c) as 0/1, -1 */
static int subclasscheck(gs_VM *vm, gs_Object *cls, gs_Object *c)
{
    gs_Object *m = gs_getattr(vm, cls, gs_name(vm, "__subclasscheck__"));
    gs_Object *r = m ? gs_call(vm, m, &c, 1, NULL) : NULL;
    gs_xdecref(vm, m);
    if (!r)
        return -1;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* ABCMeta.__instancecheck__(cls, instance) (_abc_instancecheck) */
static gs_Object *meta_instancecheck(GS_ARGS)
{
    static const char *const names[] = { "instance" };
    static const gs_PySig sig = { "ABCMeta.__instancecheck__", names, 1, 1, 0, 1 };
    gs_Object *bound[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, bound) < 0)
        return NULL;
    args = bound;
    if (!impl_of(vm, self))
        return NULL;
    gs_Object *subclass = gs_getattr(vm, args[0], vm->s___class__);
    if (!subclass)
        return NULL;
    gs_Object *subtype = &args[0]->type->ob;
    int r = subclasscheck(vm, self, subclass);
    if (r == 0 && subtype != subclass)
        r = subclasscheck(vm, self, subtype);
    gs_decref(vm, subclass);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* ABCMeta._abc_registry_clear(cls) / _abc_caches_clear(cls) */
static gs_Object *meta_registry_clear(GS_ARGS)
{
    GS_UNUSED_ARGS;
    AbcData *d = impl_of(vm, self);
    if (!d)
        return NULL;
    if (d->registry)
        gs_set_clear(vm, d->registry);
    return GS_NONE(vm);
}

static gs_Object *meta_caches_clear(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return impl_of(vm, self) ? GS_NONE(vm) : NULL;
}

/* ABCMeta._dump_registry(cls, file=None): a debug helper */
static gs_Object *meta_dump_registry(GS_ARGS)
{
    GS_UNUSED_ARGS;
    AbcData *d = impl_of(vm, self);
    if (!d)
        return NULL;
    gs_Object *rep = gs_repr(vm, self);
    if (!rep)
        return NULL;
    gs_Object *pr = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "print"));
    gs_Object *line = gs_str_printf(vm, "Class: %s.%s", ((gs_Type *)self)->module->data,
                                    ((gs_Type *)self)->name->data);
    gs_decref(vm, rep);
    gs_Object *r = line ? gs_call(vm, pr, &line, 1, NULL) : NULL;
    gs_xdecref(vm, line);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    line = gs_str_printf(vm, "Inv. counter: %lld", (long long)state(vm)->counter);
    r = line ? gs_call(vm, pr, &line, 1, NULL) : NULL;
    gs_xdecref(vm, line);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    return GS_NONE(vm);
}

static const gs_MethodDef meta_methods[] = {
    { "__new__", meta_new, 0, -1, GS_KW },
    { "register", meta_register, 0, -1, GS_KW },
    { "__instancecheck__", meta_instancecheck, 0, -1, GS_KW },
    { "__subclasscheck__", meta_subclasscheck, 0, -1, GS_KW },
    { "_abc_registry_clear", meta_registry_clear, 0, 0, 0 },
    { "_abc_caches_clear", meta_caches_clear, 0, 0, 0 },
    { "_dump_registry", meta_dump_registry, 0, 1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== module functions */

/* abstractmethod(funcobj): funcobj.__isabstractmethod__ = True */
static gs_Object *abc_abstractmethod(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "funcobj" };
    static const gs_PySig sig = { "abstractmethod", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (gs_setattr(vm, a[0], gs_name(vm, "__isabstractmethod__"), vm->true_) < 0)
        return NULL;
    return gs_newref(vm, a[0]);
}

static gs_Object *abc_get_cache_token(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    if (gs_noargs(vm, "_abc.get_cache_token", nargs, kwnames) < 0)
        return NULL;
    return gs_int_new(vm, state(vm)->counter);
}

/* update_abstractmethods(cls): recompute after the class changed */
static gs_Object *abc_update_abstractmethods(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "cls" };
    static const gs_PySig sig = { "update_abstractmethods", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *cls = a[0];
    /* not an ABC: nothing to do */
    gs_Object *am = GS_KIND(cls) == GS_K_TYPE ? gs_lookup_attr(vm, cls, gs_name(vm, "__abstractmethods__")) : NULL;
    if (!am)
        return vm->exc ? NULL : gs_newref(vm, cls);
    gs_decref(vm, am);
    if (compute_abstracts(vm, (gs_Type *)cls) < 0)
        return NULL;
    return gs_newref(vm, cls);
}

/* ================================================================== the deprecated decorators */

/* abstractclassmethod(callable) / abstractstaticmethod(callable):
 *     def __init__(self, callable):
 *         callable.__isabstractmethod__ = True
 *         super().__init__(callable)
 * (classmethod's and staticmethod's __init__ copy what functools.wraps
 * would: gs_descriptor_new's wraps) */
static gs_Object *abs_method_new(gs_VM *vm, gs_Type *t, const char *qualname, gs_Object **args, int nargs,
                                 gs_Tuple *kwnames)
{
    static const char *const names[] = { "callable" };
    const gs_PySig sig = { qualname, names, 1, 1, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (gs_setattr(vm, a[0], gs_name(vm, "__isabstractmethod__"), vm->true_) < 0)
        return NULL;
    return gs_descriptor_new(vm, t, a[0], true);
}

static gs_Object *abscm_new(GS_ARGS)
{
    return abs_method_new(vm, (gs_Type *)self, "abstractclassmethod.__init__", args, nargs, kwnames);
}

static gs_Object *abssm_new(GS_ARGS)
{
    return abs_method_new(vm, (gs_Type *)self, "abstractstaticmethod.__init__", args, nargs, kwnames);
}

/* abstractproperty(fget=None, fset=None, fdel=None, doc=None): property's own __init__ */
static gs_Object *absprop_new(GS_ARGS) { return gs_descr_construct(vm, (gs_Type *)self, args, nargs, kwnames); }

/* class NAME(base): "doc"; __isabstractmethod__ = True */
static gs_Type *deprecated_type(gs_VM *vm, const char *full, gs_Type *base, gs_CFunc make, const char *doc)
{
    gs_Type *t = gs_type_new_builtin(vm, full, base, (gs_Kind)base->inst_kind, GS_TF_BASETYPE);
    t->module = (gs_Str *)gs_str_intern(vm, "abc", 3);
    t->flags |= GS_TF_PYCLASS;
    t->dict = (gs_Dict *)gs_dict_new(vm);
    const gs_MethodDef defs[] = { { "__new__", make, 0, -1, GS_KW }, { NULL, NULL, 0, 0, 0 } };
    gs_type_add_methods(vm, t, defs);
    gs_modtype_add_attr(vm, t, "__doc__", gs_str_from_cstr(vm, doc));
    gs_modtype_add_attr(vm, t, "__isabstractmethod__", gs_newref(vm, vm->true_));
    return t;
}

static void make_deprecated_types(gs_VM *vm, AbcState *st)
{
    st->t_abscm = deprecated_type(vm, "abc.abstractclassmethod", vm->t_classmethod, abscm_new,
                                  "A decorator indicating abstract classmethods.\n\n"
                                  "    Deprecated, use 'classmethod' with 'abstractmethod' instead:\n\n"
                                  "        class C(ABC):\n"
                                  "            @classmethod\n"
                                  "            @abstractmethod\n"
                                  "            def my_abstract_classmethod(cls, ...):\n"
                                  "                ...\n\n    ");
    st->t_abssm = deprecated_type(vm, "abc.abstractstaticmethod", vm->t_staticmethod, abssm_new,
                                  "A decorator indicating abstract staticmethods.\n\n"
                                  "    Deprecated, use 'staticmethod' with 'abstractmethod' instead:\n\n"
                                  "        class C(ABC):\n"
                                  "            @staticmethod\n"
                                  "            @abstractmethod\n"
                                  "            def my_abstract_staticmethod(...):\n"
                                  "                ...\n\n    ");
    st->t_absprop = deprecated_type(vm, "abc.abstractproperty", vm->t_property, absprop_new,
                                    "A decorator indicating abstract properties.\n\n"
                                    "    Deprecated, use 'property' with 'abstractmethod' instead:\n\n"
                                    "        class C(ABC):\n"
                                    "            @property\n"
                                    "            @abstractmethod\n"
                                    "            def my_abstract_property(self):\n"
                                    "                ...\n\n    ");
}

static const gs_MethodDef module_functions[] = {
    { "abstractmethod", abc_abstractmethod, 0, -1, GS_KW },
    { "get_cache_token", abc_get_cache_token, 0, -1, GS_KW },
    { "update_abstractmethods", abc_update_abstractmethods, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module */

/* a class made as a class statement of Lib/abc.py makes it */
static gs_Object *make_class(gs_VM *vm, gs_Type *meta, const char *name, gs_Type *base, const char *doc)
{
    gs_Object *ns = gs_dict_new(vm);
    if (!ns)
        return NULL;
    gs_Object *mod = gs_str_intern(vm, "abc", 3);
    gs_Object *qn = gs_str_intern(vm, name, strlen(name));
    gs_Object *d = gs_str_from_cstr(vm, doc);
    if (!mod || !qn || !d || gs_dict_set(vm, ns, &gs_name(vm, "__module__")->ob, mod) < 0 ||
        gs_dict_set(vm, ns, &gs_name(vm, "__qualname__")->ob, qn) < 0 ||
        gs_dict_set(vm, ns, &gs_name(vm, "__doc__")->ob, d) < 0) {
        gs_xdecref(vm, mod);
        gs_xdecref(vm, qn);
        gs_xdecref(vm, d);
        gs_decref(vm, ns);
        return NULL;
    }
    gs_decref(vm, mod);
    gs_decref(vm, qn);
    gs_decref(vm, d);
    if (base != vm->t_type) {
        /* class ABC(metaclass=ABCMeta): __slots__ = () */
        if (gs_dict_set(vm, ns, &gs_name(vm, "__slots__")->ob, vm->empty_tuple) < 0) {
            gs_decref(vm, ns);
            return NULL;
        }
    }
    gs_Object *cls = gs_type_new_from(vm, meta, (gs_Str *)gs_name(vm, name), &base, 1, ns, NULL, NULL);
    gs_decref(vm, ns);
    return cls;
}

gs_Object *gs_module_abc(gs_VM *vm)
{
    AbcState *st = state(vm);
    bool made_types = false;
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st) {
            gs_raise_memory(vm);
            return NULL;
        }
        vm->modstate[GS_MS_ABC] = st;
        st->t_data = gs_native_type_new(vm, "_abc._abc_data", &data_ops, NULL);
        make_deprecated_types(vm, st);
        made_types = true;
    }
    gs_Object *m = gs_module_new(vm, "abc");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, module_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_Object *meta = make_class(vm, vm->t_type, "ABCMeta", vm->t_type,
                                 "Metaclass for defining Abstract Base Classes (ABCs).\n\n"
                                 "    Use this metaclass to create an ABC.  An ABC can be subclassed\n"
                                 "    directly, and then acts as a mix-in class.  You can also register\n"
                                 "    unrelated concrete classes (even built-in classes) and unrelated\n"
                                 "    ABCs as 'virtual subclasses' -- these and their descendants will\n"
                                 "    be considered subclasses of the registering ABC by the built-in\n"
                                 "    issubclass() function, but the registering ABC won't show up in\n"
                                 "    their MRO (Method Resolution Order) nor will method\n"
                                 "    implementations defined by the registering ABC be callable (not\n"
                                 "    even via super()).\n    ");
    if (!meta) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_type_add_methods(vm, (gs_Type *)meta, meta_methods);
    gs_type_update_hooks(vm, (gs_Type *)meta);
    gs_module_add(vm, m, "ABCMeta", meta);
    /* ABC: made through ABCMeta.__new__, as its class statement is */
    gs_Object *ns = gs_dict_new(vm);
    gs_Object *abc = NULL;
    if (ns) {
        gs_Object *mod = gs_str_intern(vm, "abc", 3);
        gs_Object *qn = gs_str_intern(vm, "ABC", 3);
        gs_Object *doc = gs_str_from_cstr(vm, "Helper class that provides a standard way to create an ABC using\n"
                                              "    inheritance.\n    ");
        gs_dict_set(vm, ns, &gs_name(vm, "__module__")->ob, mod);
        gs_dict_set(vm, ns, &gs_name(vm, "__qualname__")->ob, qn);
        gs_dict_set(vm, ns, &gs_name(vm, "__doc__")->ob, doc);
        gs_dict_set(vm, ns, &gs_name(vm, "__slots__")->ob, vm->empty_tuple);
        gs_xdecref(vm, mod);
        gs_xdecref(vm, qn);
        gs_xdecref(vm, doc);
        gs_Object *bases = gs_newref(vm, vm->empty_tuple);
        gs_Object *name = gs_str_intern(vm, "ABC", 3);
        abc = meta_new(vm, meta, (gs_Object *[]){ name, bases, ns }, 3, NULL);
        gs_decref(vm, name);
        gs_decref(vm, bases);
        gs_decref(vm, ns);
    }
    if (!abc) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "ABC", abc);
    gs_module_add(vm, m, "abstractclassmethod", gs_newref(vm, &st->t_abscm->ob));
    gs_module_add(vm, m, "abstractstaticmethod", gs_newref(vm, &st->t_abssm->ob));
    gs_module_add(vm, m, "abstractproperty", gs_newref(vm, &st->t_absprop->ob));
    /* CPython imports abc at start-up: a program's import allocates about
     * one object (measured with python3.11 after a full collection); the
     * model makes its classes now (28 allocations, 18 kept), and on the
     * first import the deprecated decorators' types (6, all kept) */
    gs_gc_import_footprint(vm, 1 - 28 - (made_types ? 6 : 0), -18 - (made_types ? 6 : 0), 0);
    return m;
}

void gs_abc_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_ABC]);
    vm->modstate[GS_MS_ABC] = NULL;
}

/* The dicts of the deprecated decorators' types, which the types hold */
void gs_abc_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "abc", count, ctx);
}
