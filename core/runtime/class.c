/*
 * class.c — types, classes, instances and the descriptors classes use
 * (property, staticmethod, classmethod); the methods of object and type.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== methods of built-in types */

void gs_type_add_method(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn, int min, int max)
{
    if (!t->dict)
        t->dict = (gs_Dict *)gs_dict_new(vm);
    gs_Builtin *b = (gs_Builtin *)gs_builtin_new(vm, name, fn, min, max, NULL);
    if (!b)
        return;
    b->owner = t;
    gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, &b->ob);
    gs_decref(vm, b);
}

void gs_type_add_methods(gs_VM *vm, gs_Type *t, const gs_MethodDef *defs)
{
    for (; defs->name; defs++) {
        gs_type_add_method(vm, t, defs->name, defs->fn, defs->min, defs->max);
        if (defs->kw) {
            gs_Object *b = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, defs->name));
            if (b) {
                ((gs_Builtin *)b)->takes_kw = (defs->kw & GS_KW) != 0;
                ((gs_Builtin *)b)->varargs = defs->kw & (GS_VARARGS | GS_STARARGS);
            }
        }
    }
}

static gs_Object *m_object_init(GS_ARGS) { GS_UNUSED_ARGS; return GS_NONE(vm); }

static gs_Object *m_type_mro(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    for (gs_Type *t = (gs_Type *)self; t; t = t->base)
        gs_list_append(vm, l, &t->ob);
    return l;
}

gs_Object *gs_descriptor_wrap(gs_VM *vm, gs_Type *t, gs_Object *fn)
{
    gs_Cell *c = (gs_Cell *)gs_alloc(vm, t, sizeof(gs_Cell));
    if (!c)
        return NULL;
    c->ref = gs_newref(vm, fn);
    gs_record_fields(vm, &c->ob);
    gs_gc_track(vm, &c->ob);
    return &c->ob;
}

void gs_class_methods_init(gs_VM *vm)
{
    gs_type_add_method(vm, vm->t_object, "__init__", m_object_init, 0, -1);
    gs_type_add_method(vm, vm->t_type, "mro", m_type_mro, 0, 0);
}

/* ================================================================== types */

gs_Type *gs_type_new_builtin(gs_VM *vm, const char *name, gs_Type *base, gs_Kind inst_kind, uint8_t flags)
{
    gs_Type *t = calloc(1, sizeof *t);
    if (!t)
        abort(); /* VM start-up: nothing sensible to continue with */
    t->ob.refcnt = 1 << 30;
    t->ob.type = vm->t_type;
    t->ob.kind = GS_K_TYPE;
    t->ob.gcflags = GS_GC_STATIC;
    t->ob.id = ++vm->next_id; /* events name it (an instance's class, `x = int`) */
    if (vm->objtab)
        gs_objtab_set(vm, t->ob.id, &t->ob);
    t->base = base;
    t->inst_kind = (uint8_t)inst_kind;
    t->flags = flags;
    if (base && (base->flags & GS_TF_EXC))
        t->flags |= GS_TF_EXC;
    t->name = (gs_Str *)gs_str_intern(vm, name, strlen(name));
    t->module = (gs_Str *)gs_str_intern(vm, "builtins", 8);
    t->dict = NULL; /* filled by gs_builtin_types_dicts_init once dicts work */
    /* chained for gs_gc_free_all (static objects are never on a gc list) */
    t->ob.gc_next = vm->static_types ? &vm->static_types->ob : NULL;
    vm->static_types = t;
    if (vm->trace.ndesc) /* made after start-up (a module's types on import): name it in the trace */
        gs_record_describe(vm, &t->ob);
    return t;
}

gs_Object *gs_type_lookup(gs_Type *t, gs_Str *name)
{
    for (; t; t = t->base) {
        if (!t->dict)
            continue;
        int32_t ix = gs_table_lookup_str(&t->dict->t, name);
        if (ix >= 0)
            return t->dict->t.entries[ix].value;
    }
    return NULL;
}

bool gs_issubtype(gs_Type *a, gs_Type *b)
{
    for (; a; a = a->base)
        if (a == b)
            return true;
    return false;
}

bool gs_isinstance(gs_Object *o, gs_Type *t) { return gs_issubtype(o->type, t); }

const char *gs_type_name(gs_Object *o) { return o->type->name->data; }

/* ------------------------------------------------------------------ what a class statement also makes
 * CPython's class statement makes objects the model only counts: the
 * argument tuple of the metaclass call, the tuple of bases, the MRO tuple,
 * the __dict__ / __weakref__ getset descriptors, a copy of the namespace
 * for __set_name__, and for __init_subclass__ a tuple, a super object and
 * a bound method.  They move gc.get_count() and the free lists as they do
 * in CPython; the ones a class keeps are given back when it dies. */

static int class_getsets(gs_Type *t)
{
    if (t->base->flags & GS_TF_HEAP)
        return 0;
    return (t->base->flags & GS_TF_EXC) ? 1 : 2;
}

static int32_t class_mro_len(gs_Type *t)
{
    int32_t n = 0;
    for (gs_Type *a = t; a; a = a->base)
        n++;
    return n;
}

/* What a class keeps is noted in its spare bits (bits 4-5: getsets; 8-15:
 * MRO length), so that its death needs no look at its (maybe freed) bases. */
static void class_phantoms_made(gs_VM *vm, gs_Type *t)
{
    int32_t mro = class_mro_len(t);
    t->spare = (uint16_t)(t->spare | (class_getsets(t) << 4) | ((mro > 255 ? 255 : mro) << 8));
    gs_Object *margs = gs_phantom_alloc(vm, vm->t_tuple, 3); /* meta(name, bases, ns) */
    if ((t->base->flags & GS_TF_HEAP) && !(t->base->spare & GS_TYPE_HAS_SUBCLASSES)) {
        t->base->spare |= GS_TYPE_HAS_SUBCLASSES;
        gs_gc_on_alloc(vm); /* the base's first subclass: its tp_subclasses dict */
    }
    gs_gc_on_alloc(vm);                                        /* tp_bases */
    gs_gc_on_alloc(vm);                                        /* tp_mro */
    for (int i = 0; i < class_getsets(t); i++)
        gs_gc_on_alloc(vm);                                    /* getset descriptors */
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_dict, 0)); /* names_to_set */
    gs_Object *sargs = gs_phantom_alloc(vm, vm->t_tuple, 2);  /* super(type, type) */
    gs_gc_on_alloc(vm);                                        /* the super object */
    gs_gc_on_alloc(vm);                                        /* bound __init_subclass__ */
    gs_gc_on_free(vm);
    gs_gc_on_free(vm);
    gs_phantom_free(vm, sargs);
    gs_phantom_free(vm, margs);
}

/* A phantom object that lived with its class dies with it. */
static void phantom_release(gs_VM *vm, gs_Type *type, int32_t len)
{
    size_t size = type == vm->t_tuple  ? sizeof(gs_Tuple) + (size_t)len * sizeof(gs_Object *)
                  : type == vm->t_dict ? sizeof(gs_Dict)
                                       : sizeof(gs_Object);
    gs_Object *o = calloc(1, size);
    if (!o) {
        gs_gc_on_free(vm);
        return;
    }
    o->type = type;
    o->kind = type->inst_kind;
    if (type == vm->t_tuple)
        ((gs_Tuple *)o)->len = len;
    gs_phantom_free(vm, o);
}

void gs_class_phantoms_freed(gs_VM *vm, gs_Type *t)
{
    for (int i = 0; i < ((t->spare >> 4) & 3); i++)
        gs_gc_on_free(vm);
    phantom_release(vm, vm->t_tuple, (t->spare >> 8) & 255);
    phantom_release(vm, vm->t_tuple, 1);
    if (t->spare & GS_TYPE_HAS_SUBCLASSES)
        phantom_release(vm, vm->t_dict, 0);
}

gs_Object *gs_class_new(gs_VM *vm, gs_Str *name, gs_Type *base, gs_Object *ns)
{
    if (!(base->flags & GS_TF_BASETYPE)) {
        gs_raise(vm, vm->e_TypeError, "type '%s' is not an acceptable base type", base->name->data);
        return NULL;
    }
    gs_Type *t = (gs_Type *)gs_alloc(vm, vm->t_type, sizeof(gs_Type));
    if (!t)
        return NULL;
    t->name = name;
    gs_incref_c(vm, &name->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, 0));
    gs_Object *mod = gs_dict_get_str(vm, ns, vm->s___module__);
    t->module = (mod && GS_KIND(mod) == GS_K_STR) ? (gs_Str *)mod : vm->s___main__;
    gs_incref(vm, t->module);
    t->base = base;
    /* CPython's class holds its base three times (tp_base, the tuple of
     * bases, the MRO tuple) and every further ancestor once (the MRO);
     * only heap classes are counted */
    if (base->flags & GS_TF_HEAP) {
        gs_incref_c(vm, &base->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, 1));
        gs_incref_c(vm, &base->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, 3));
        uint32_t k = 4; /* the MRO tuple: one label per ancestor, as gs_traverse */
        for (gs_Type *a = base; a && (a->flags & GS_TF_HEAP); a = a->base, k++)
            gs_incref_c(vm, &a->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, k));
    }
    t->inst_kind = base->inst_kind == GS_K_EXCEPTION ? GS_K_EXCEPTION : GS_K_INSTANCE;
    t->native = base->native; /* a subclass's instances keep the base's C data */
    if (base->inst_kind == GS_K_NONE || base == vm->t_object)
        t->inst_kind = GS_K_INSTANCE;
    t->flags = GS_TF_HEAP | GS_TF_BASETYPE | (base->flags & (GS_TF_EXC | GS_TF_HAS_DEL));
    t->dict = (gs_Dict *)gs_dict_copy(vm, ns);
    if (!t->dict) {
        gs_decref(vm, t);
        return NULL;
    }
    if (gs_dict_get_str(vm, &t->dict->ob, vm->s___del__))
        t->flags |= GS_TF_HAS_DEL;
    /* CPython's type holds references to itself from its MRO tuple and from
     * the __dict__ / __weakref__ descriptors it creates; model them so
     * sys.getrefcount(cls) agrees. */
    t->internal_refs = (base == vm->t_object || (base->flags & GS_TF_HEAP) == 0) ? 3 : 1;
    /* a built-in exception base already gives instances a __dict__: only
     * the __weakref__ descriptor is added */
    if (!(base->flags & GS_TF_HEAP) && (base->flags & GS_TF_EXC))
        t->internal_refs = 2;
    /* the descriptors live in the class's dict, which is then a container
     * the collector tracks (collector.c never untracks it) */
    t->dict->owner = &t->ob;
    if (t->internal_refs > 1)
        gs_gc_track(vm, &t->dict->ob);
    gs_record_alloc(vm, &t->ob);
    gs_record_fields(vm, &t->ob); /* dict, base, bases, MRO */
    for (int32_t i = 0; i < t->internal_refs; i++) /* after the alloc, so the trace counts them */
        gs_incref_c(vm, &t->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, 2));
    gs_gc_track(vm, &t->ob);
    class_phantoms_made(vm, t);
    return &t->ob;
}

/* ================================================================== instances */

gs_Object *gs_instance_new(gs_VM *vm, gs_Type *t)
{
    if (t->inst_kind == GS_K_EXCEPTION)
        return gs_exception_new(vm, t, NULL);
    gs_Instance *in = (gs_Instance *)gs_alloc(vm, t, t->native ? t->native->size : sizeof(gs_Instance));
    if (!in)
        return NULL;
    gs_table_init(&in->attrs);
    in->dict = NULL;
    in->weakreflist = NULL;
    if (t != vm->t_object) /* object() instances are not containers in CPython */
        gs_gc_track(vm, &in->ob);
    return &in->ob;
}

/* Reading obj.__dict__ creates the dict object (CPython 3.11 keeps
 * attribute values inline until then); from then on it is the storage. */
gs_Object *gs_instance_dict(gs_VM *vm, gs_Object *o)
{
    gs_Instance *in = (gs_Instance *)o;
    if (in->dict)
        return &in->dict->ob;
    gs_Dict *d = (gs_Dict *)gs_dict_new(vm);
    if (!d)
        return NULL;
    /* Move the table: references are unchanged, only their holder. */
    gs_table_free(&d->t);
    d->t = in->attrs;
    gs_table_init(&in->attrs);
    d->owner = o;
    in->dict = d;
    /* tracked if a value could be in a cycle (CPython's
     * make_dict_from_instance_attributes) */
    for (int32_t i = 0; i < d->t.nentries; i++)
        if (d->t.entries[i].key && d->t.entries[i].value && gs_gc_may_be_tracked(d->t.entries[i].value)) {
            gs_gc_track(vm, &d->ob);
            break;
        }
    if (vm->recording) {
        for (int32_t i = 0; i < d->t.nentries; i++) {
            gs_DictEntry *e = &d->t.entries[i];
            if (!e->key)
                continue;
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_ATTR, o->id, e->value->id, 0, gs_trace_name(vm, (gs_Str *)e->key));
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_VALUE, d->ob.id, 0, e->value->id, e->key->id);
        }
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, o->id, 0, d->ob.id, 1);
    }
    return &d->ob;
}


/* ================================================================== small constructors */

gs_Object *gs_cell_new(gs_VM *vm, gs_Object *ref)
{
    gs_Cell *c = (gs_Cell *)gs_alloc(vm, vm->t_cell, sizeof(gs_Cell));
    if (!c)
        return NULL;
    c->ref = ref;
    if (ref)
        gs_incref_c(vm, ref, GS_CAUSE(GS_CAUSE_INTERNAL, c->ob.id, 0));
    gs_record_fields(vm, &c->ob);
    gs_gc_track(vm, &c->ob);
    return &c->ob;
}

gs_Object *gs_builtin_new(gs_VM *vm, const char *name, gs_CFunc fn, int min, int max, gs_Object *self)
{
    gs_Builtin *b = (gs_Builtin *)gs_alloc(vm, vm->t_builtin, sizeof(gs_Builtin));
    if (!b)
        return NULL;
    b->name = name;
    b->fn = fn;
    b->min_args = (int16_t)min;
    b->max_args = (int16_t)max;
    b->self = self;
    b->owner = self ? self->type : NULL;
    gs_record_alloc(vm, &b->ob);
    if (self) {
        gs_incref_c(vm, self, GS_CAUSE(GS_CAUSE_INTERNAL, b->ob.id, 0));
        gs_record_fields(vm, &b->ob);
    }
    /* CPython's builtin functions and method descriptors are tracked
     * containers, bound or not (gc.is_tracked(print) is True) */
    gs_gc_track(vm, &b->ob);
    return &b->ob;
}

gs_Object *gs_method_new(gs_VM *vm, gs_Object *func, gs_Object *self)
{
    gs_Method *m = (gs_Method *)gs_alloc(vm, vm->t_method, sizeof(gs_Method));
    if (!m)
        return NULL;
    m->func = func;
    m->self = self;
    gs_incref_c(vm, func, GS_CAUSE(GS_CAUSE_INTERNAL, m->ob.id, 0));
    gs_incref_c(vm, self, GS_CAUSE(GS_CAUSE_INTERNAL, m->ob.id, 1));
    gs_record_fields(vm, &m->ob);
    gs_gc_track(vm, &m->ob);
    return &m->ob;
}
