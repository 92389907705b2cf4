/*
 * slots.c — making objects of classes, and the dunder methods of the
 * built-in types that classes inherit (CPython's tp_new, tp_init and
 * tp_call slots, with the Python names they have in the types' dicts).
 *
 * Calling a class is CPython's type_call: the class's __new__ makes the
 * object (object.__new__ an instance; list.__new__ an empty list of the
 * class; a staticmethod the class defines, whatever it returns), then, if
 * it is an instance of the class, its __init__ runs.  The built-in
 * __new__ and __init__ are C functions in the types' dicts, so a class
 * derived from list reaches list.__init__ through super() as in CPython.
 *
 * An object of a class derived from a built-in type is the built-in object
 * (its kind is list, int, str ...) with an instance part after it
 * (object.c's gs_inst_part): the built-in code sees a list, attribute
 * lookup sees an instance.  CPython's heap types are all GC types, so these
 * objects are tracked, counted and traversed (the class too) like any
 * instance, even when their built-in type (int, str) is not a container.
 *
 * A C function registered as "__new__" takes the class being made as
 * `self` and the constructor's arguments (the convention of the modules'
 * types too); called explicitly (int.__new__(C, 5)) the class comes first
 * in the arguments and gs_call moves it (GS_TPNEW).
 */
#include <math.h>
#include <stdio.h>

#include "runtime.h"
#include "opcodes.h"

/* ================================================================== objects of classes */

/* A zeroed object of class t whose built-in part takes builtin_size bytes;
 * counted like PyType_GenericAlloc's (never from a free list).  The caller
 * fills the built-in part, then calls sub_ready. */
static gs_Object *sub_alloc(gs_VM *vm, gs_Type *t, size_t builtin_size)
{
    return gs_alloc_fresh(vm, t, builtin_size + gs_class_extra_size(t, builtin_size));
}

/* The built-in part is filled: the instance part starts empty; the alloc
 * event (for the kinds that record their own), the class edge, tracking. */
static gs_Object *sub_ready(gs_VM *vm, gs_Object *o, bool record_alloc)
{
    gs_InstPart *ip = gs_inst_part(o);
    gs_table_init(&ip->attrs);
    ip->dict = NULL;
    ip->weakreflist = NULL;
    if (record_alloc)
        gs_record_alloc(vm, o);
    gs_record_field(vm, o, GS_OSLOT_CLASS, NULL, &o->type->ob);
    gs_gc_track(vm, o);
    return o;
}

gs_Object *gs_sub_int(gs_VM *vm, gs_Type *t, int64_t v)
{
    gs_Int *i = (gs_Int *)sub_alloc(vm, t, sizeof(gs_Int));
    if (!i)
        return NULL;
    i->value = v;
    i->big = NULL;
    return sub_ready(vm, &i->ob, true);
}

gs_Object *gs_sub_float(gs_VM *vm, gs_Type *t, double v)
{
    gs_Float *f = (gs_Float *)sub_alloc(vm, t, sizeof(gs_Float));
    if (!f)
        return NULL;
    f->value = v;
    return sub_ready(vm, &f->ob, true);
}

gs_Object *gs_sub_str(gs_VM *vm, gs_Type *t, gs_Str *from)
{
    gs_Str *s = (gs_Str *)sub_alloc(vm, t, sizeof(gs_Str) + (size_t)from->len + 1);
    if (!s)
        return NULL;
    s->hash = -1;
    s->len = from->len;
    s->nchars = from->nchars;
    memcpy(s->data, from->data, (size_t)from->len + 1);
    return sub_ready(vm, &s->ob, true);
}

/* steals the items */
gs_Object *gs_sub_tuple(gs_VM *vm, gs_Type *t, gs_Object **items, int32_t n)
{
    gs_Tuple *tu = (gs_Tuple *)sub_alloc(vm, t, sizeof(gs_Tuple) + (size_t)n * sizeof(gs_Object *));
    if (!tu) {
        for (int32_t i = 0; i < n; i++)
            gs_decref(vm, items[i]);
        return NULL;
    }
    tu->hash = -1;
    tu->len = n;
    sub_ready(vm, &tu->ob, true);
    for (int32_t i = 0; i < n; i++)
        gs_tuple_init(vm, &tu->ob, i, items[i]);
    return &tu->ob;
}

static gs_Object *sub_list(gs_VM *vm, gs_Type *t)
{
    gs_List *l = (gs_List *)sub_alloc(vm, t, sizeof(gs_List));
    return l ? sub_ready(vm, &l->ob, true) : NULL;
}

static gs_Object *sub_dict(gs_VM *vm, gs_Type *t)
{
    gs_Dict *d = (gs_Dict *)sub_alloc(vm, t, sizeof(gs_Dict));
    if (!d)
        return NULL;
    gs_table_init(&d->t);
    return sub_ready(vm, &d->ob, false);
}

static gs_Object *sub_set(gs_VM *vm, gs_Type *t, bool frozen)
{
    gs_Set *s = (gs_Set *)sub_alloc(vm, t, sizeof(gs_Set));
    if (!s)
        return NULL;
    s->mask = GS_SET_MINSIZE - 1;
    s->table = s->smalltable;
    s->hash = -1;
    s->frozen = frozen;
    return sub_ready(vm, &s->ob, false);
}

/* A weak reference of a class derived from weakref.ref: the instance part
 * of an object weakrefobject.c allocated with gs_class_extra_size. */
void gs_sub_weakref_ready(gs_VM *vm, gs_Object *o)
{
    GS_UNUSED(vm);
    gs_InstPart *ip = gs_inst_part(o);
    gs_table_init(&ip->attrs);
    /* the class edge is recorded with the reference's other fields
     * (gs_record_fields in gs_weakref_new_full) */
}

/* ================================================================== __new__ */

static gs_Object *sub_of_value(gs_VM *vm, gs_Type *t, gs_Object *v)
{
    gs_Object *r = NULL;
    switch (GS_KIND(v)) {
    case GS_K_INT:
        r = gs_sub_int(vm, t, ((gs_Int *)v)->value);
        if (r && gs_int_is_big(v))
            gs_big_copy_into(r, v);
        break;
    case GS_K_BOOL: r = gs_sub_int(vm, t, v == vm->true_); break;
    case GS_K_FLOAT: r = gs_sub_float(vm, t, ((gs_Float *)v)->value); break;
    case GS_K_STR: r = gs_sub_str(vm, t, (gs_Str *)v); break;
    case GS_K_TUPLE: {
        gs_Tuple *tu = (gs_Tuple *)v;
        gs_Object *items[tu->len > 0 ? tu->len : 1];
        for (int32_t i = 0; i < tu->len; i++)
            items[i] = gs_newref(vm, tu->items[i]);
        r = gs_sub_tuple(vm, t, items, tu->len);
        break;
    }
    default: gs_raise(vm, vm->e_TypeError, "cannot make a '%s' from '%s'", t->name->data, gs_type_name(v));
    }
    gs_decref(vm, v);
    return r;
}

static bool has_kw(gs_Tuple *kwnames) { return kwnames && kwnames->len; }

/* Whether `self` is a class, and one derived from `owner`, as
 * tp_new_wrapper checks (only reached through explicit calls). */
static gs_Type *new_target(gs_VM *vm, gs_Object *self)
{
    if (GS_KIND(self) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "__new__(X): X is not a type object (%s)", gs_type_name(self));
        return NULL;
    }
    return (gs_Type *)self;
}

/* "Can't instantiate abstract class X with abstract methods f, g": a
 * class whose __abstractmethods__ is a non-empty set (abc). */
static int check_abstract(gs_VM *vm, gs_Type *t)
{
    if (!(t->flags & GS_TF_HEAP) || !t->dict)
        return 0;
    gs_Object *am = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, "__abstractmethods__"));
    if (!am)
        return 0;
    int64_t n = gs_len(vm, am);
    if (n < 0)
        return -1;
    if (n == 0)
        return 0;
    gs_Object *sorted = gs_list_from_iterable(vm, am);
    if (!sorted || gs_list_sort(vm, sorted, NULL, false) < 0) {
        gs_xdecref(vm, sorted);
        return -1;
    }
    gs_Buf b;
    gs_buf_init(&b);
    gs_List *l = (gs_List *)sorted;
    for (int32_t i = 0; i < l->len; i++) {
        gs_Object *s = gs_str(vm, l->items[i]);
        if (!s) {
            gs_buf_free(&b);
            gs_decref(vm, sorted);
            return -1;
        }
        gs_buf_printf(&b, "%s%s", i ? ", " : "", ((gs_Str *)s)->data);
        gs_decref(vm, s);
    }
    gs_raise(vm, vm->e_TypeError, "Can't instantiate abstract class %s with abstract method%s %s", t->name->data,
             l->len > 1 ? "s" : "", b.data ? b.data : "");
    gs_buf_free(&b);
    gs_decref(vm, sorted);
    return -1;
}

/* object.__new__(cls, ...): an instance, if cls is laid out like object */
static gs_Object *object_new(GS_ARGS)
{
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    if (nargs > 0) {
        gs_Object *newf = gs_type_lookup(t, gs_name(vm, "__new__"));
        gs_Object *initf = gs_type_lookup(t, vm->s___init__);
        gs_Object *onew = gs_dict_get_str(vm, &vm->t_object->dict->ob, gs_name(vm, "__new__"));
        gs_Object *oinit = gs_dict_get_str(vm, &vm->t_object->dict->ob, vm->s___init__);
        if (newf != onew) {
            gs_raise(vm, vm->e_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (initf == oinit) {
            gs_raise(vm, vm->e_TypeError, "%s() takes no arguments", t->name->data);
            return NULL;
        }
    }
    if (t->inst_kind != GS_K_INSTANCE) {
        gs_Type *b = t;
        while (b && (b->flags & GS_TF_HEAP))
            b = b->base;
        gs_raise(vm, vm->e_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", t->name->data,
                 b ? b->name->data : "object");
        return NULL;
    }
    if (check_abstract(vm, t) < 0)
        return NULL;
    if (t == vm->t_object) {
        gs_Object *o = gs_alloc(vm, vm->t_object, sizeof(gs_Instance));
        if (o)
            o->kind = GS_K_INSTANCE;
        return o;
    }
    return gs_instance_new(vm, t);
}

/* object.__init__(self, ...): excess arguments are an error unless the
 * class has its own __new__ (CPython's object_init) */
static gs_Object *object_init(GS_ARGS)
{
    GS_UNUSED(args);
    if (nargs > 0) {
        gs_Type *t = self->type;
        gs_Object *newf = gs_type_lookup(t, gs_name(vm, "__new__"));
        gs_Object *initf = gs_type_lookup(t, vm->s___init__);
        gs_Object *onew = gs_dict_get_str(vm, &vm->t_object->dict->ob, gs_name(vm, "__new__"));
        gs_Object *oinit = gs_dict_get_str(vm, &vm->t_object->dict->ob, vm->s___init__);
        if (initf != oinit) {
            gs_raise(vm, vm->e_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return NULL;
        }
        if (newf == onew) {
            gs_raise(vm, vm->e_TypeError, "%s() takes no arguments", t->name->data);
            return NULL;
        }
    }
    GS_UNUSED(kwnames);
    return GS_NONE(vm);
}

static gs_Object *list_new(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    return t == vm->t_list ? gs_list_new_fresh(vm) : sub_list(vm, t);
}

static gs_Object *dict_new(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    return t == vm->t_dict ? gs_dict_new_fresh(vm) : sub_dict(vm, t);
}

static gs_Object *set_new(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    if (t == vm->t_set && has_kw(kwnames)) {
        gs_raise(vm, vm->e_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    return t == vm->t_set ? gs_set_new(vm, false) : sub_set(vm, t, false);
}

static gs_Object *frozenset_new(GS_ARGS)
{
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    if (has_kw(kwnames)) {
        gs_raise(vm, vm->e_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "frozenset expected at most 1 argument, got %d", npos);
        return NULL;
    }
    if (t == vm->t_frozenset)
        return gs_set_from_iterable(vm, true, npos ? args[0] : NULL);
    gs_Object *s = sub_set(vm, t, true);
    if (s && npos && gs_set_update(vm, s, args[0]) < 0) {
        gs_decref(vm, s);
        return NULL;
    }
    return s;
}

static gs_Object *tuple_new(GS_ARGS)
{
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    if (has_kw(kwnames)) {
        gs_raise(vm, vm->e_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "tuple expected at most 1 argument, got %d", npos);
        return NULL;
    }
    gs_Object *v = npos ? gs_tuple_from_iterable(vm, args[0]) : gs_newref(vm, vm->empty_tuple);
    if (!v || t == vm->t_tuple)
        return v;
    return sub_of_value(vm, t, v);
}

static gs_Object *int_new(GS_ARGS)
{
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *base = gs_kwarg(vm, args, nargs, kwnames, "base");
    if (npos > 2) {
        gs_raise(vm, vm->e_TypeError, "int() takes at most 2 arguments (%d given)", npos);
        return NULL;
    }
    gs_Object *v = npos == 0 ? gs_int_new(vm, 0) : gs_int_from_object(vm, args[0], npos == 2 ? args[1] : base);
    if (!v || t == vm->t_int)
        return v;
    return sub_of_value(vm, t, v);
}

static gs_Object *float_new(GS_ARGS)
{
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    if (has_kw(kwnames)) {
        gs_raise(vm, vm->e_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "float expected at most 1 argument, got %d", npos);
        return NULL;
    }
    gs_Object *v = npos ? gs_float_from_object(vm, args[0]) : gs_float_new(vm, 0.0);
    if (!v || t == vm->t_float)
        return v;
    return sub_of_value(vm, t, v);
}

static gs_Object *str_new(GS_ARGS)
{
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *obj = npos ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "object");
    if (npos > 3) {
        gs_raise(vm, vm->e_TypeError, "str() takes at most 3 arguments (%d given)", npos);
        return NULL;
    }
    gs_Object *v = obj ? gs_str(vm, obj) : gs_newref(vm, vm->empty_str);
    if (!v || t == vm->t_str)
        return v;
    return sub_of_value(vm, t, v);
}

/* BaseException.__new__(cls, *args): the positional arguments are .args */
static gs_Object *exc_new(GS_ARGS)
{
    gs_Type *t = new_target(vm, self);
    if (!t)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *a = gs_tuple_new(vm, npos);
    if (!a)
        return NULL;
    for (int i = 0; i < npos; i++)
        gs_tuple_init(vm, a, i, gs_newref(vm, args[i]));
    return gs_exception_new(vm, t, a);
}

static gs_Object *exc_init(GS_ARGS)
{
    if (has_kw(kwnames)) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", gs_type_name(self));
        return NULL;
    }
    gs_Exception *e = (gs_Exception *)self;
    int npos = gs_npos(nargs, kwnames);
    /* type_call gives __new__ and __init__ the same tuple: nothing changes */
    bool same = e->args && e->args->len == npos;
    for (int i = 0; same && i < npos; i++)
        same = e->args->items[i] == args[i];
    if (same)
        return GS_NONE(vm);
    gs_Object *a = gs_tuple_new(vm, npos);
    if (!a)
        return NULL;
    for (int i = 0; i < npos; i++)
        gs_tuple_init(vm, a, i, gs_newref(vm, args[i]));
    gs_Object *old = e->args ? &e->args->ob : NULL;
    e->args = (gs_Tuple *)a;
    gs_record_field(vm, self, 10, old, a);
    gs_xdecref(vm, old);
    return GS_NONE(vm);
}

/* ================================================================== __init__ of the containers */

static gs_Object *list_init(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (has_kw(kwnames)) {
        gs_raise(vm, vm->e_TypeError, "list() takes no keyword arguments");
        return NULL;
    }
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "list expected at most 1 argument, got %d", npos);
        return NULL;
    }
    if (((gs_List *)self)->len)
        gs_list_clear(vm, self);
    if (npos && gs_list_extend(vm, self, args[0]) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *dict_init(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "dict expected at most 1 argument, got %d", npos);
        return NULL;
    }
    if (npos && gs_dict_update(vm, self, args[0]) < 0)
        return NULL;
    for (int i = 0; kwnames && i < kwnames->len; i++)
        if (gs_setitem(vm, self, kwnames->items[i], args[npos + i]) < 0)
            return NULL;
    return GS_NONE(vm);
}

static gs_Object *set_init(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (has_kw(kwnames)) {
        gs_raise(vm, vm->e_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "set expected at most 1 argument, got %d", npos);
        return NULL;
    }
    if (((gs_Set *)self)->used)
        gs_set_clear(vm, self);
    if (npos && gs_set_update(vm, self, args[0]) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* ================================================================== type */

/* type.__new__(meta, name, bases, ns, **kwargs) */
static gs_Object *type_new_m(GS_ARGS)
{
    gs_Type *meta = new_target(vm, self);
    if (!meta)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    if (npos == 1 && !has_kw(kwnames) && meta == vm->t_type)
        return gs_newref(vm, &args[0]->type->ob);
    if (npos != 3) {
        gs_raise(vm, vm->e_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", npos);
        return NULL;
    }
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "type.__new__() argument 1 must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    if (GS_KIND(args[1]) != GS_K_TUPLE) {
        gs_raise(vm, vm->e_TypeError, "type.__new__() argument 2 must be tuple, not %s", gs_type_name(args[1]));
        return NULL;
    }
    if (GS_KIND(args[2]) != GS_K_DICT) {
        gs_raise(vm, vm->e_TypeError, "type.__new__() argument 3 must be dict, not %s", gs_type_name(args[2]));
        return NULL;
    }
    gs_Tuple *bt = (gs_Tuple *)args[1];
    for (int32_t i = 0; i < bt->len; i++)
        if (GS_KIND(bt->items[i]) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "bases must be types");
            return NULL;
        }
    gs_Type *winner = gs_type_calculate_meta(vm, meta, (gs_Type **)bt->items, bt->len);
    if (!winner)
        return NULL;
    if (winner != meta) {
        /* a more derived metaclass with its own __new__ makes the class */
        gs_Object *wnew = gs_type_lookup(winner, gs_name(vm, "__new__"));
        if (wnew && GS_KIND(wnew) != GS_K_BUILTIN) {
            gs_Object *f = GS_KIND(wnew) == GS_K_STATICMETHOD ? ((gs_Descr *)wnew)->ref : wnew;
            gs_Object *argv[nargs + 1];
            argv[0] = &winner->ob;
            for (int i = 0; i < nargs; i++)
                argv[i + 1] = args[i];
            return gs_call_object(vm, f, argv, nargs + 1, kwnames);
        }
        meta = winner;
    }
    return gs_type_new(vm, meta, (gs_Str *)args[0], args[1], args[2], args + npos, kwnames);
}

static gs_Object *type_init_m(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    int npos = gs_npos(nargs, kwnames);
    if (npos != 1 && npos != 3) {
        gs_raise(vm, vm->e_TypeError, "type.__init__() takes 1 or 3 arguments");
        return NULL;
    }
    return GS_NONE(vm);
}

/* CPython's type_call: __new__, then __init__ if the result is an
 * instance of the class. */
gs_Object *gs_type_call(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_Object *newf = gs_type_lookup(t, gs_name(vm, "__new__"));
    gs_Object *obj;
    if (!newf) {
        gs_raise(vm, vm->e_TypeError, "cannot create '%s' instances", t->name->data);
        return NULL;
    }
    if (GS_KIND(newf) == GS_K_BUILTIN && !((gs_Builtin *)newf)->self)
        obj = ((gs_Builtin *)newf)->fn(vm, &t->ob, args, nargs, kwnames);
    else {
        gs_incref(vm, newf);
        gs_Object *f = GS_KIND(newf) == GS_K_STATICMETHOD ? gs_newref(vm, ((gs_Descr *)newf)->ref)
                                                          : gs_descr_get(vm, newf, NULL, t);
        gs_decref(vm, newf);
        if (!f)
            return NULL;
        gs_Object *argv[nargs + 1];
        argv[0] = &t->ob;
        for (int i = 0; i < nargs; i++)
            argv[i + 1] = args[i];
        obj = gs_call_object(vm, f, argv, nargs + 1, kwnames);
        gs_decref(vm, f);
    }
    if (!obj || !gs_isinstance(obj, t))
        return obj;
    gs_Object *initf = gs_type_lookup(obj->type, vm->s___init__);
    if (!initf)
        return obj;
    gs_Object *argv[nargs + 1];
    argv[0] = obj;
    for (int i = 0; i < nargs; i++)
        argv[i + 1] = args[i];
    gs_Object *r;
    if (GS_KIND(initf) == GS_K_BUILTIN && !((gs_Builtin *)initf)->self)
        r = ((gs_Builtin *)initf)->fn(vm, obj, args, nargs, kwnames);
    else if (GS_KIND(initf) == GS_K_FUNCTION)
        r = gs_call_object(vm, initf, argv, nargs + 1, kwnames);
    else {
        gs_incref(vm, initf);
        gs_Object *f = gs_descr_get(vm, initf, obj, obj->type);
        gs_decref(vm, initf);
        r = f ? gs_call_object(vm, f, args, nargs, kwnames) : NULL;
        gs_xdecref(vm, f);
    }
    if (!r) {
        gs_decref(vm, obj);
        return NULL;
    }
    if (r != vm->none) {
        gs_raise(vm, vm->e_TypeError, "__init__() should return None, not '%s'", gs_type_name(r));
        gs_decref(vm, r);
        gs_decref(vm, obj);
        return NULL;
    }
    gs_decref(vm, r);
    return obj;
}

/* type.__call__(cls, *args, **kwargs): what calling cls does without its
 * metaclass's __call__ */
static gs_Object *type_call_m(GS_ARGS)
{
    if (GS_KIND(self) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "descriptor '__call__' requires a 'type' object");
        return NULL;
    }
    if (((gs_Type *)self)->flags & GS_TF_HEAP) /* not the metaclass's __call__ again (super().__call__) */
        return gs_type_call(vm, (gs_Type *)self, args, nargs, kwnames);
    return gs_call(vm, self, args, nargs, kwnames);
}

static gs_Object *type_prepare_m(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_dict_new(vm);
}

static gs_Object *type_subclasscheck_m(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (GS_KIND(args[0]) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    return GS_BOOL(vm, gs_issubtype((gs_Type *)args[0], (gs_Type *)self));
}

static gs_Object *type_instancecheck_m(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return GS_BOOL(vm, gs_isinstance(args[0], (gs_Type *)self));
}

/* ================================================================== the dunder methods of the built-in types
 * What list.__getitem__, int.__add__, object.__eq__ ... do when called by
 * name (super().__setitem__(k, v), int.__add__(3, 4)): the built-in
 * behaviour, without the Python methods a class adds (those would call
 * back here).  An operand the built-in type cannot take gives
 * NotImplemented, as CPython's wrappers do. */

static gs_Object *notimpl(gs_VM *vm) { return gs_newref(vm, vm->notimpl); }

static bool is_num(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    return k == GS_K_INT || k == GS_K_BOOL || k == GS_K_FLOAT;
}

/* Whether the built-in comparison or operator of self's kind applies to
 * other (else NotImplemented). */
static bool same_family(gs_Object *self, gs_Object *other)
{
    if (is_num(self))
        return is_num(other);
    return GS_KIND(self) == GS_KIND(other);
}

static gs_Object *cmp_wrap(gs_VM *vm, int op, gs_Object *self, gs_Object *other)
{
    if (!same_family(self, other))
        return notimpl(vm);
    if ((GS_KIND(self) == GS_K_DICT) && op != GS_CMP_EQ && op != GS_CMP_NE)
        return notimpl(vm);
    return gs_compare_builtin(vm, op, self, other);
}

#define CMP_WRAPPER(fname, OP)                                                                                     \
    static gs_Object *fname(GS_ARGS)                                                                                \
    {                                                                                                               \
        GS_UNUSED(kwnames);                                                                                         \
        GS_UNUSED(nargs);                                                                                           \
        return cmp_wrap(vm, OP, self, args[0]);                                                                     \
    }
CMP_WRAPPER(w_lt, GS_CMP_LT)
CMP_WRAPPER(w_le, GS_CMP_LE)
CMP_WRAPPER(w_eq, GS_CMP_EQ)
CMP_WRAPPER(w_ne, GS_CMP_NE)
CMP_WRAPPER(w_gt, GS_CMP_GT)
CMP_WRAPPER(w_ge, GS_CMP_GE)

/* Whether the built-in operator op of a's kind takes (a, b). */
static bool binop_applies(int op, gs_Object *a, gs_Object *b)
{
    gs_Kind ka = GS_KIND(a), kb = GS_KIND(b);
    bool seq_a = ka == GS_K_STR || ka == GS_K_LIST || ka == GS_K_TUPLE;
    bool seq_b = kb == GS_K_STR || kb == GS_K_LIST || kb == GS_K_TUPLE;
    if (is_num(a) && is_num(b))
        return op != GS_OP_MATMUL && (GS_KIND(a) != GS_K_FLOAT && GS_KIND(b) != GS_K_FLOAT ? true
                                      : op <= GS_OP_POW);
    if (op == GS_OP_ADD)
        return seq_a && ka == kb;
    if (op == GS_OP_MUL)
        return (seq_a && (kb == GS_K_INT || kb == GS_K_BOOL)) || (seq_b && (ka == GS_K_INT || ka == GS_K_BOOL));
    if (ka == GS_K_SET && kb == GS_K_SET)
        return op == GS_OP_SUB || op == GS_OP_BITOR || op == GS_OP_BITAND || op == GS_OP_BITXOR;
    if (ka == GS_K_DICT && kb == GS_K_DICT)
        return op == GS_OP_BITOR;
    return false;
}

static gs_Object *bin_wrap(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (!binop_applies(op, a, b))
        return notimpl(vm);
    return gs_binary_op_builtin(vm, op, a, b);
}

#define BIN_WRAPPERS(name, OP)                                                                                     \
    static gs_Object *w_##name(GS_ARGS)                                                                             \
    {                                                                                                               \
        GS_UNUSED(kwnames);                                                                                         \
        GS_UNUSED(nargs);                                                                                           \
        return bin_wrap(vm, OP, self, args[0]);                                                                     \
    }                                                                                                               \
    static gs_Object *w_r##name(GS_ARGS)                                                                            \
    {                                                                                                               \
        GS_UNUSED(kwnames);                                                                                         \
        GS_UNUSED(nargs);                                                                                           \
        return bin_wrap(vm, OP, args[0], self);                                                                     \
    }
BIN_WRAPPERS(add, GS_OP_ADD)
BIN_WRAPPERS(sub, GS_OP_SUB)
BIN_WRAPPERS(mul, GS_OP_MUL)
BIN_WRAPPERS(truediv, GS_OP_TRUEDIV)
BIN_WRAPPERS(floordiv, GS_OP_FLOORDIV)
BIN_WRAPPERS(mod, GS_OP_MOD)
BIN_WRAPPERS(pow, GS_OP_POW)
BIN_WRAPPERS(lshift, GS_OP_LSHIFT)
BIN_WRAPPERS(rshift, GS_OP_RSHIFT)
BIN_WRAPPERS(or, GS_OP_BITOR)
BIN_WRAPPERS(xor, GS_OP_BITXOR)
BIN_WRAPPERS(and, GS_OP_BITAND)

/* list.__iadd__ / __imul__ (list += x extends in place) */
static gs_Object *w_list_iadd(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (gs_list_extend(vm, self, args[0]) < 0)
        return NULL;
    return gs_newref(vm, self);
}

static gs_Object *w_getitem(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return gs_getitem_builtin(vm, self, args[0]); }

static gs_Object *w_setitem(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return gs_setitem_builtin(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *w_delitem(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return gs_delitem_builtin(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *w_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t n = gs_len_builtin(vm, self);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *w_contains(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    int r = gs_contains_builtin(vm, self, args[0]);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

static gs_Object *w_iter(GS_ARGS) { GS_UNUSED_ARGS; return gs_iter_builtin(vm, self); }
static gs_Object *w_repr(GS_ARGS) { GS_UNUSED_ARGS; return gs_repr_builtin(vm, self); }
static gs_Object *w_reversed(GS_ARGS) { GS_UNUSED_ARGS; return gs_reversed(vm, self); }

/* int.__format__, float.__format__, str.__format__ */
static gs_Object *w_format(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "%s.__format__() argument must be str, not %s",
                 GS_KIND(self) == GS_K_FLOAT ? "float" : GS_KIND(self) == GS_K_STR ? "str" : "int",
                 gs_type_name(args[0]));
        return NULL;
    }
    return gs_format_builtin(vm, self, args[0]);
}

/* __round__, __divmod__ ...: the built-in function of that name on self */
static gs_Object *call_builtin(gs_VM *vm, const char *name, gs_Object *self, gs_Object **args, int nargs)
{
    gs_Object *fn = gs_dict_get_str(vm, vm->builtins, gs_name(vm, name));
    if (!fn) {
        gs_raise(vm, vm->e_AttributeError, "%s", name);
        return NULL;
    }
    gs_Object *argv[3] = { self, nargs > 0 ? args[0] : NULL, nargs > 1 ? args[1] : NULL };
    return gs_call_object(vm, fn, argv, nargs + 1, NULL);
}

static gs_Object *w_round(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return call_builtin(vm, "round", self, args, nargs);
}

static gs_Object *w_divmod(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return call_builtin(vm, "divmod", self, args, nargs);
}

static gs_Object *w_rdivmod(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    gs_Object *argv[1] = { self };
    return call_builtin(vm, "divmod", args[0], argv, 1);
}

static gs_Object *w_invert(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(self) == GS_K_BOOL)
        return gs_int_new(vm, self == vm->true_ ? -2 : -1);
    if (!gs_int_is_big(self))
        return gs_int_new(vm, ~((gs_Int *)self)->value);
    gs_Object *one = gs_int_new(vm, 1);
    gs_Object *neg = one ? gs_binary_op(vm, GS_OP_ADD, self, one, false) : NULL;
    gs_xdecref(vm, one);
    if (!neg)
        return NULL;
    gs_Object *zero = gs_int_new(vm, 0);
    gs_Object *r = zero ? gs_binary_op(vm, GS_OP_SUB, zero, neg, false) : NULL; /* ~x == -(x + 1) */
    gs_xdecref(vm, zero);
    gs_decref(vm, neg);
    return r;
}

/* float.__trunc__, __floor__, __ceil__: the int toward zero, below, above */
static gs_Object *float_to_int_rounded(gs_VM *vm, gs_Object *self, int how)
{
    double x = ((gs_Float *)self)->value;
    double r = how < 0 ? floor(x) : how > 0 ? ceil(x) : trunc(x);
    gs_Object *f = gs_float_new(vm, r);
    gs_Object *i = f ? gs_int_from_object(vm, f, NULL) : NULL;
    gs_xdecref(vm, f);
    return i;
}

static gs_Object *w_float_trunc(GS_ARGS) { GS_UNUSED_ARGS; return float_to_int_rounded(vm, self, 0); }
static gs_Object *w_float_floor(GS_ARGS) { GS_UNUSED_ARGS; return float_to_int_rounded(vm, self, -1); }
static gs_Object *w_float_ceil(GS_ARGS) { GS_UNUSED_ARGS; return float_to_int_rounded(vm, self, 1); }

/* int.__trunc__, __floor__, __ceil__: the int itself */
static gs_Object *w_int_self(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return self->type == vm->t_int ? gs_newref(vm, self) : gs_int_from_object(vm, self, NULL);
}

/* str.__mod__: format % args */
static gs_Object *w_str_mod(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return gs_str_percent(vm, self, args[0]);
}

/* list.__imul__: repeated in place, itself returned */
static gs_Object *w_list_imul(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (GS_KIND(args[0]) != GS_K_INT && GS_KIND(args[0]) != GS_K_BOOL) {
        gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(args[0]));
        return NULL;
    }
    return gs_binary_op(vm, GS_OP_MUL, self, args[0], true);
}

/* set.__iand__, __ior__, __ixor__, __isub__: in place with another set */
static gs_Object *set_inplace(gs_VM *vm, int op, gs_Object *self, gs_Object *other)
{
    if (GS_KIND(other) != GS_K_SET)
        return notimpl(vm);
    return gs_set_binop(vm, op, self, other, true);
}

static gs_Object *w_set_iand(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return set_inplace(vm, GS_OP_BITAND, self, args[0]); }
static gs_Object *w_set_ior(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return set_inplace(vm, GS_OP_BITOR, self, args[0]); }
static gs_Object *w_set_ixor(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return set_inplace(vm, GS_OP_BITXOR, self, args[0]); }
static gs_Object *w_set_isub(GS_ARGS) { GS_UNUSED(kwnames); GS_UNUSED(nargs); return set_inplace(vm, GS_OP_SUB, self, args[0]); }

static gs_Object *w_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t h = gs_hash_builtin(vm, self);
    return h == -1 && vm->exc ? NULL : gs_int_new(vm, h);
}

static gs_Object *w_str_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (self->type == vm->t_str)
        return gs_newref(vm, self);
    return gs_str_new(vm, ((gs_Str *)self)->data, (size_t)((gs_Str *)self)->len);
}

static gs_Object *w_bool(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_BOOL(vm, GS_KIND(self) == GS_K_FLOAT ? ((gs_Float *)self)->value != 0.0 : ((gs_Int *)self)->value != 0);
}

static gs_Object *w_int(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(self) == GS_K_FLOAT)
        return gs_int_from_object(vm, self, NULL);
    return gs_int_new(vm, GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_);
}

static gs_Object *w_float(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(self) == GS_K_FLOAT)
        return gs_float_new(vm, ((gs_Float *)self)->value);
    return gs_float_new(vm, (double)(GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_));
}

static gs_Object *w_neg(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(self) == GS_K_FLOAT)
        return gs_float_new(vm, -((gs_Float *)self)->value);
    int64_t v = GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_;
    if (gs_int_is_big(self) || v == INT64_MIN)
        return gs_big_unary(vm, GS_BIG_NEG, self);
    return gs_int_new(vm, -v);
}

static gs_Object *w_pos(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(self) == GS_K_FLOAT)
        return gs_float_new(vm, ((gs_Float *)self)->value);
    if (gs_int_is_big(self))
        return self->type == vm->t_int ? gs_newref(vm, self) : gs_big_unary(vm, GS_BIG_POS, self);
    return gs_int_new(vm, GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_);
}

static gs_Object *w_abs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(self) == GS_K_FLOAT) {
        double d = ((gs_Float *)self)->value;
        return gs_float_new(vm, d < 0 ? -d : d);
    }
    int64_t v = GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_;
    if (gs_int_is_big(self) || v == INT64_MIN)
        return gs_big_unary(vm, GS_BIG_ABS, self);
    return gs_int_new(vm, v < 0 ? -v : v);
}

/* ------------------------------------------------------------------ object's */

static gs_Object *o_repr(GS_ARGS) { GS_UNUSED_ARGS; return gs_object_repr(vm, self); }
static gs_Object *o_str(GS_ARGS) { GS_UNUSED_ARGS; return gs_repr(vm, self); }

static gs_Object *o_eq(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return self == args[0] ? GS_BOOL(vm, true) : notimpl(vm);
}

/* object.__ne__: the inverse of the class's __eq__, NotImplemented stays */
static gs_Object *o_ne(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    gs_Object *eq = gs_type_lookup_slot(vm, self->type, vm->s___eq__);
    gs_Object *r;
    if (eq) {
        gs_Object *a[2] = { self, args[0] };
        r = gs_call_object(vm, eq, a, 2, NULL);
    } else
        r = self == args[0] ? GS_BOOL(vm, true) : notimpl(vm);
    if (!r || r == vm->notimpl)
        return r;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t < 0 ? NULL : GS_BOOL(vm, !t);
}

static gs_Object *o_notimpl(GS_ARGS) { GS_UNUSED_ARGS; return notimpl(vm); }

static gs_Object *o_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    uintptr_t p = (uintptr_t)self;
    int64_t h = (int64_t)((p >> 4) | (p << 60));
    return gs_int_new(vm, h == -1 ? -2 : h);
}

static gs_Object *o_getattribute(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[0]));
        return NULL;
    }
    return gs_generic_getattr(vm, self, (gs_Str *)args[0]);
}

static gs_Object *o_setattr(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[0]));
        return NULL;
    }
    return gs_generic_setattr(vm, self, (gs_Str *)args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *o_delattr(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(args[0]));
        return NULL;
    }
    return gs_generic_setattr(vm, self, (gs_Str *)args[0], NULL) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *o_format(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "__format__() argument must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    if (((gs_Str *)args[0])->len) {
        gs_raise(vm, vm->e_TypeError, "unsupported format string passed to %s.__format__", gs_type_name(self));
        return NULL;
    }
    return gs_str(vm, self);
}

/* object.__init_subclass__ (a class method): keywords are an error */
static gs_Object *o_init_subclass(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                 GS_KIND(self) == GS_K_TYPE ? ((gs_Type *)self)->name->data : gs_type_name(self));
        return NULL;
    }
    return GS_NONE(vm);
}

/* copyreg._slotnames(cls): the slots of cls and its bases, each class's
 * __slots__ as written, less __dict__ and __weakref__; kept as
 * cls.__slotnames__, as copyreg keeps them.  (copyreg mangles private
 * names; the model mangles no names, in __slots__ or attributes.) */
static gs_Object *slot_names(gs_VM *vm, gs_Type *cls)
{
    gs_Str *key = gs_name(vm, "__slotnames__");
    gs_Object *cached = cls->dict ? gs_dict_get_str(vm, &cls->dict->ob, key) : NULL;
    if (cached)
        return gs_newref(vm, cached);
    gs_Object *names = gs_list_new(vm, 0);
    int32_t n;
    gs_Type **mro = gs_type_mro(cls, &n);
    for (int32_t i = 0; names && mro && i < n; i++) {
        gs_Type *c = mro[i];
        gs_Object *s = (c->flags & GS_TF_HEAP) && c->dict ? gs_dict_get_str(vm, &c->dict->ob, gs_name(vm, "__slots__"))
                                                          : NULL;
        if (!s)
            continue;
        gs_Object *l = GS_KIND(s) == GS_K_STR ? gs_tuple_pack(vm, 1, s) : gs_list_from_iterable(vm, s);
        int32_t len = !l ? 0 : GS_KIND(l) == GS_K_TUPLE ? ((gs_Tuple *)l)->len : ((gs_List *)l)->len;
        for (int32_t j = 0; j < len; j++) {
            gs_Object *x = GS_KIND(l) == GS_K_TUPLE ? ((gs_Tuple *)l)->items[j] : ((gs_List *)l)->items[j];
            if (GS_KIND(x) != GS_K_STR)
                continue;
            gs_Str *xs = (gs_Str *)x;
            if (strcmp(xs->data, "__dict__") == 0 || strcmp(xs->data, "__weakref__") == 0)
                continue;
            gs_Object *name = gs_newref(vm, x);
            if (!name || gs_list_append(vm, names, name) < 0) {
                gs_xdecref(vm, name);
                gs_decref(vm, l);
                gs_decref(vm, names);
                return NULL;
            }
            gs_decref(vm, name);
        }
        gs_xdecref(vm, l);
        if (vm->exc) {
            gs_decref(vm, names);
            return NULL;
        }
    }
    if (names && gs_setattr(vm, &cls->ob, key, names) < 0)
        gs_clear_exc(vm);
    return names;
}

/* object.__getstate__: the __dict__ (None when empty), and for a class
 * with __slots__ the (state, {slot: value}) of the slots that are set */
static gs_Object *o_getstate(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_InstPart *ip = gs_inst_part(self);
    gs_Object *state = NULL;
    if (ip && (ip->dict || ip->attrs.used)) {
        gs_Object *d = gs_instance_dict(vm, self);
        if (!d)
            return NULL;
        state = gs_newref(vm, d);
    } else
        state = GS_NONE(vm);
    if (!gs_type_nslots(self->type))
        return state;
    gs_Object *names = slot_names(vm, self->type);
    gs_Object *slots = names ? gs_dict_new(vm) : NULL;
    for (int32_t i = 0; slots && i < ((gs_List *)names)->len; i++) {
        gs_Object *k = ((gs_List *)names)->items[i];
        gs_Object *v = gs_getattr(vm, self, (gs_Str *)k);
        if (!v) {
            if (!gs_exc_matches(vm, vm->e_AttributeError))
                break;
            gs_clear_exc(vm);
            continue;
        }
        int r = gs_dict_set(vm, slots, k, v);
        gs_decref(vm, v);
        if (r < 0)
            break;
    }
    gs_xdecref(vm, names);
    if (!slots || vm->exc) {
        gs_xdecref(vm, slots);
        gs_decref(vm, state);
        return NULL;
    }
    if (!((gs_Dict *)slots)->t.used) {
        gs_decref(vm, slots);
        return state;
    }
    gs_Object *r = gs_tuple_pack(vm, 2, state, slots);
    gs_decref(vm, state);
    gs_decref(vm, slots);
    return r;
}

static gs_Object *o_reduce(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_raise(vm, vm->e_TypeError, "cannot pickle '%s' object", gs_type_name(self));
    return NULL;
}

static gs_Object *o_sizeof(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, 16 + 8 * gs_type_nslots(self->type));
}

static gs_Object *o_dir(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *d = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "dir"));
    return d ? gs_call_object(vm, d, &self, 1, NULL) : gs_list_new(vm, 0);
}

static gs_Object *o_class(GS_ARGS) { GS_UNUSED_ARGS; return gs_newref(vm, &self->type->ob); }

/* Install the wrappers: names[i] -> fns[i] for each type listed. */
typedef struct Wrap {
    const char *name;
    gs_CFunc fn;
    int16_t min, max;
} Wrap;

static void add_wraps(gs_VM *vm, gs_Type *t, const Wrap *w, int n)
{
    for (int i = 0; i < n; i++)
        gs_type_add_method(vm, t, w[i].name, w[i].fn, w[i].min, w[i].max);
}

static void set_none(gs_VM *vm, gs_Type *t, const char *name)
{
    gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, vm->none);
}

static void add_wrappers(gs_VM *vm)
{
    const Wrap cmp[] = {
        { "__lt__", w_lt, 1, 1 }, { "__le__", w_le, 1, 1 }, { "__eq__", w_eq, 1, 1 },
        { "__ne__", w_ne, 1, 1 }, { "__gt__", w_gt, 1, 1 }, { "__ge__", w_ge, 1, 1 },
    };
    const Wrap seq[] = {
        { "__getitem__", w_getitem, 1, 1 }, { "__len__", w_len, 0, 0 }, { "__contains__", w_contains, 1, 1 },
        { "__iter__", w_iter, 0, 0 }, { "__repr__", w_repr, 0, 0 },
    };
    const Wrap mut[] = { { "__setitem__", w_setitem, 2, 2 }, { "__delitem__", w_delitem, 1, 1 } };
    const Wrap num[] = {
        { "__add__", w_add, 1, 1 }, { "__radd__", w_radd, 1, 1 }, { "__sub__", w_sub, 1, 1 },
        { "__rsub__", w_rsub, 1, 1 }, { "__mul__", w_mul, 1, 1 }, { "__rmul__", w_rmul, 1, 1 },
        { "__truediv__", w_truediv, 1, 1 }, { "__rtruediv__", w_rtruediv, 1, 1 },
        { "__floordiv__", w_floordiv, 1, 1 }, { "__rfloordiv__", w_rfloordiv, 1, 1 }, { "__mod__", w_mod, 1, 1 },
        { "__rmod__", w_rmod, 1, 1 }, { "__pow__", w_pow, 1, 2 }, { "__rpow__", w_rpow, 1, 2 },
        { "__neg__", w_neg, 0, 0 }, { "__pos__", w_pos, 0, 0 }, { "__abs__", w_abs, 0, 0 },
        { "__bool__", w_bool, 0, 0 }, { "__int__", w_int, 0, 0 }, { "__float__", w_float, 0, 0 },
        { "__hash__", w_hash, 0, 0 }, { "__repr__", w_repr, 0, 0 },
    };
    const Wrap intonly[] = {
        { "__index__", w_int, 0, 0 }, { "__lshift__", w_lshift, 1, 1 }, { "__rlshift__", w_rlshift, 1, 1 },
        { "__rshift__", w_rshift, 1, 1 }, { "__rrshift__", w_rrshift, 1, 1 }, { "__and__", w_and, 1, 1 },
        { "__rand__", w_rand, 1, 1 }, { "__or__", w_or, 1, 1 }, { "__ror__", w_ror, 1, 1 },
        { "__xor__", w_xor, 1, 1 }, { "__rxor__", w_rxor, 1, 1 },
    };
    const Wrap setops[] = {
        { "__and__", w_and, 1, 1 }, { "__rand__", w_rand, 1, 1 }, { "__or__", w_or, 1, 1 },
        { "__ror__", w_ror, 1, 1 }, { "__xor__", w_xor, 1, 1 }, { "__rxor__", w_rxor, 1, 1 },
        { "__sub__", w_sub, 1, 1 }, { "__rsub__", w_rsub, 1, 1 },
    };
    gs_Type *seqs[] = { vm->t_str, vm->t_list, vm->t_tuple, vm->t_dict, vm->t_set, vm->t_frozenset };
    for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
        add_wraps(vm, seqs[i], cmp, GS_COUNTOF(cmp));
        add_wraps(vm, seqs[i], seq, GS_COUNTOF(seq));
    }
    add_wraps(vm, vm->t_list, mut, GS_COUNTOF(mut));
    add_wraps(vm, vm->t_dict, mut, GS_COUNTOF(mut));
    gs_Type *nums[] = { vm->t_int, vm->t_float };
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        add_wraps(vm, nums[i], cmp, GS_COUNTOF(cmp));
        add_wraps(vm, nums[i], num, GS_COUNTOF(num));
    }
    add_wraps(vm, vm->t_int, intonly, GS_COUNTOF(intonly));
    add_wraps(vm, vm->t_set, setops, GS_COUNTOF(setops));
    add_wraps(vm, vm->t_frozenset, setops, GS_COUNTOF(setops));
    const Wrap seqnum[] = { { "__add__", w_add, 1, 1 }, { "__mul__", w_mul, 1, 1 }, { "__rmul__", w_rmul, 1, 1 } };
    add_wraps(vm, vm->t_str, seqnum, GS_COUNTOF(seqnum));
    add_wraps(vm, vm->t_list, seqnum, GS_COUNTOF(seqnum));
    add_wraps(vm, vm->t_tuple, seqnum, GS_COUNTOF(seqnum));
    gs_type_add_method(vm, vm->t_list, "__iadd__", w_list_iadd, 1, 1);
    gs_type_add_method(vm, vm->t_list, "__imul__", w_list_imul, 1, 1);
    gs_type_add_method(vm, vm->t_str, "__mod__", w_str_mod, 1, 1);
    gs_Type *fmts[] = { vm->t_int, vm->t_float, vm->t_str };
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
        gs_type_add_method(vm, fmts[i], "__format__", w_format, 1, 1);
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        gs_type_add_method(vm, nums[i], "__round__", w_round, 0, 1);
        gs_type_add_method(vm, nums[i], "__divmod__", w_divmod, 1, 1);
        gs_type_add_method(vm, nums[i], "__rdivmod__", w_rdivmod, 1, 1);
    }
    gs_type_add_method(vm, vm->t_int, "__invert__", w_invert, 0, 0);
    gs_type_add_method(vm, vm->t_int, "__trunc__", w_int_self, 0, 0);
    gs_type_add_method(vm, vm->t_int, "__floor__", w_int_self, 0, 0);
    gs_type_add_method(vm, vm->t_int, "__ceil__", w_int_self, 0, 0);
    gs_type_add_method(vm, vm->t_float, "__trunc__", w_float_trunc, 0, 0);
    gs_type_add_method(vm, vm->t_float, "__floor__", w_float_floor, 0, 0);
    gs_type_add_method(vm, vm->t_float, "__ceil__", w_float_ceil, 0, 0);
    gs_type_add_method(vm, vm->t_set, "__iand__", w_set_iand, 1, 1);
    gs_type_add_method(vm, vm->t_set, "__ior__", w_set_ior, 1, 1);
    gs_type_add_method(vm, vm->t_set, "__ixor__", w_set_ixor, 1, 1);
    gs_type_add_method(vm, vm->t_set, "__isub__", w_set_isub, 1, 1);
    /* range and the dict views are sequences and sets of their own */
    add_wraps(vm, vm->t_range, cmp, GS_COUNTOF(cmp));
    add_wraps(vm, vm->t_range, seq, GS_COUNTOF(seq));
    gs_type_add_method(vm, vm->t_range, "__reversed__", w_reversed, 0, 0);
    gs_type_add_method(vm, vm->t_range, "__hash__", w_hash, 0, 0);
    const Wrap view[] = { { "__len__", w_len, 0, 0 }, { "__iter__", w_iter, 0, 0 }, { "__repr__", w_repr, 0, 0 },
                          { "__reversed__", w_reversed, 0, 0 } };
    gs_Type *views[] = { vm->t_dict_keys, vm->t_dict_values, vm->t_dict_items };
    for (size_t i = 0; i < sizeof views / sizeof views[0]; i++)
        if (views[i])
            add_wraps(vm, views[i], view, GS_COUNTOF(view));
    if (vm->t_dict_keys)
        gs_type_add_method(vm, vm->t_dict_keys, "__contains__", w_contains, 1, 1);
    if (vm->t_dict_items)
        gs_type_add_method(vm, vm->t_dict_items, "__contains__", w_contains, 1, 1);
    gs_type_add_method(vm, vm->t_list, "__reversed__", w_reversed, 0, 0);
    gs_type_add_method(vm, vm->t_dict, "__reversed__", w_reversed, 0, 0);
    gs_type_add_method(vm, vm->t_dict, "__or__", w_or, 1, 1);
    gs_type_add_method(vm, vm->t_dict, "__ror__", w_ror, 1, 1);
    gs_type_add_method(vm, vm->t_str, "__str__", w_str_str, 0, 0);
    gs_type_add_method(vm, vm->t_str, "__hash__", w_hash, 0, 0);
    gs_type_add_method(vm, vm->t_tuple, "__hash__", w_hash, 0, 0);
    gs_type_add_method(vm, vm->t_frozenset, "__hash__", w_hash, 0, 0);
    set_none(vm, vm->t_list, "__hash__");
    set_none(vm, vm->t_dict, "__hash__");
    set_none(vm, vm->t_set, "__hash__");
    const Wrap obj[] = {
        { "__repr__", o_repr, 0, 0 }, { "__str__", o_str, 0, 0 }, { "__hash__", o_hash, 0, 0 },
        { "__eq__", o_eq, 1, 1 }, { "__ne__", o_ne, 1, 1 }, { "__lt__", o_notimpl, 1, 1 },
        { "__le__", o_notimpl, 1, 1 }, { "__gt__", o_notimpl, 1, 1 }, { "__ge__", o_notimpl, 1, 1 },
        { "__getattribute__", o_getattribute, 1, 1 }, { "__setattr__", o_setattr, 2, 2 },
        { "__delattr__", o_delattr, 1, 1 }, { "__format__", o_format, 1, 1 }, { "__reduce__", o_reduce, 0, 0 },
        { "__reduce_ex__", o_reduce, 1, 1 }, { "__getstate__", o_getstate, 0, 0 }, { "__sizeof__", o_sizeof, 0, 0 },
        { "__dir__", o_dir, 0, 0 }, { "__class__", o_class, 0, 0 },
    };
    add_wraps(vm, vm->t_object, obj, GS_COUNTOF(obj));
    gs_Object *isc = gs_builtin_new(vm, "__init_subclass__", o_init_subclass, 0, 0, NULL);
    gs_Object *sch = gs_builtin_new(vm, "__subclasshook__", o_notimpl, 0, -1, NULL);
    gs_Object *doc = gs_str_from_cstr(vm, "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments "
                                          "and returns a new featureless\ninstance that has no instance attributes and "
                                          "cannot be given any.\n");
    gs_Object *ga = gs_type_lookup(vm->t_object, gs_name(vm, "__getattribute__"));
    if (isc && sch) {
        ((gs_Builtin *)isc)->owner = vm->t_object;
        ((gs_Builtin *)isc)->takes_kw = 1;
        ((gs_Builtin *)isc)->varargs = GS_CLASSMETH;
        ((gs_Builtin *)sch)->owner = vm->t_object;
        ((gs_Builtin *)sch)->varargs = GS_CLASSMETH;
        gs_dict_set(vm, &vm->t_object->dict->ob, &gs_name(vm, "__init_subclass__")->ob, isc);
        gs_dict_set(vm, &vm->t_object->dict->ob, &gs_name(vm, "__subclasshook__")->ob, sch);
    }
    if (doc)
        gs_dict_set(vm, &vm->t_object->dict->ob, &vm->s___doc__->ob, doc);
    gs_Type *withga[] = { vm->t_int, vm->t_float, vm->t_str, vm->t_list, vm->t_tuple, vm->t_dict, vm->t_set,
                          vm->t_frozenset };
    for (size_t i = 0; ga && i < sizeof withga / sizeof withga[0]; i++)
        gs_dict_set(vm, &withga[i]->dict->ob, &gs_name(vm, "__getattribute__")->ob, ga);
    gs_xdecref(vm, isc);
    gs_xdecref(vm, sch);
    gs_xdecref(vm, doc);
}

/* ================================================================== the tables */

typedef struct SlotDef {
    gs_Type **type;
    gs_MethodDef def;
} SlotDef;

void gs_slots_methods_init(gs_VM *vm)
{
    const SlotDef defs[] = {
        { &vm->t_object, { "__new__", object_new, 0, -1, GS_KW } },
        { &vm->t_object, { "__init__", object_init, 0, -1, GS_KW } },
        { &vm->t_type, { "__new__", type_new_m, 0, -1, GS_KW } },
        { &vm->t_type, { "__init__", type_init_m, 0, -1, GS_KW } },
        { &vm->t_type, { "__call__", type_call_m, 0, -1, GS_KW } },
        { &vm->t_type, { "__prepare__", type_prepare_m, 0, -1, GS_KW } },
        { &vm->t_type, { "__subclasscheck__", type_subclasscheck_m, 1, 1, 0 } },
        { &vm->t_type, { "__instancecheck__", type_instancecheck_m, 1, 1, 0 } },
        { &vm->t_list, { "__new__", list_new, 0, -1, GS_KW } },
        { &vm->t_list, { "__init__", list_init, 0, -1, GS_KW } },
        { &vm->t_dict, { "__new__", dict_new, 0, -1, GS_KW } },
        { &vm->t_dict, { "__init__", dict_init, 0, -1, GS_KW } },
        { &vm->t_set, { "__new__", set_new, 0, -1, GS_KW } },
        { &vm->t_set, { "__init__", set_init, 0, -1, GS_KW } },
        { &vm->t_frozenset, { "__new__", frozenset_new, 0, -1, GS_KW } },
        { &vm->t_tuple, { "__new__", tuple_new, 0, -1, GS_KW } },
        { &vm->t_int, { "__new__", int_new, 0, -1, GS_KW } },
        { &vm->t_float, { "__new__", float_new, 0, -1, GS_KW } },
        { &vm->t_str, { "__new__", str_new, 0, -1, GS_KW } },
        { &vm->e_BaseException, { "__new__", exc_new, 0, -1, GS_KW } },
        { &vm->e_BaseException, { "__init__", exc_init, 0, -1, GS_KW } },
    };
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        gs_MethodDef d[2] = { defs[i].def, { NULL, NULL, 0, 0, 0 } };
        gs_type_add_methods(vm, *defs[i].type, d);
    }
    add_wrappers(vm);
}
