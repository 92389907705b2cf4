/*
 * mappingproxy.c — the read-only view of a mapping that a class's __dict__
 * is (and types.MappingProxyType), as CPython 3.11's mappingproxy
 * (Objects/descrobject.c).
 *
 * A proxy holds one strong reference to its mapping and forwards every
 * reading operation to it: [], len(), iteration, `in`, get(), keys(),
 * values(), items(), copy() (the mapping's own copy: a dict for a class's
 * __dict__), reversed(), the comparisons, str() and `|` (either side's
 * proxy unwrapped first).  It has no __setitem__ or __delitem__, so
 * assignment and deletion raise the generic TypeError with its type's
 * name; it is unhashable (3.11 has no tp_hash for it).
 *
 * It is a GC object CPython tracks (its traverse visits the mapping; no
 * tp_clear), 24 bytes of tp_basicsize: sys.getsizeof gives 40.  Each read
 * of C.__dict__ makes a new one, as type___dict___get does.
 */
#include <stdio.h>

#include "opcodes.h"
#include "runtime.h"

typedef struct MappingProxy {
    gs_Instance inst;
    gs_Object *mapping; /* the mapping it shows (a strong reference) */
} MappingProxy;

#define MP(o) ((MappingProxy *)(o))

static int mp_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *m = MP(o)->mapping;
    return m ? fn(vm, o, m, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void mp_clear(gs_VM *vm, gs_Object *o)
{
    gs_Object *m = MP(o)->mapping;
    if (!m)
        return;
    MP(o)->mapping = NULL;
    gs_record_field(vm, o, GS_NATIVE_FIELD, m, NULL);
    gs_decref_c(vm, m, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD));
}

/* a GC type without a tp_clear (mappingproxy_traverse only) */
static const gs_NativeOps mappingproxy_ops = { .size = sizeof(MappingProxy), .gc = true, .traverse = mp_traverse,
                                               .clear = mp_clear };

/* mappingproxy_check_mapping: what has a mapping's [] (PyMapping_Check),
 * less lists and tuples, whose [] takes indices */
static bool is_mapping(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_LIST: case GS_K_TUPLE:
        return false;
    case GS_K_DICT: case GS_K_STR: case GS_K_BYTES: case GS_K_BYTEARRAY: case GS_K_RANGE:
        return true;
    case GS_K_TYPE: /* (type's [] is __class_getitem__, not a mapping's) */
        return false;
    default:
        return gs_type_lookup(o->type, vm->s___getitem__) != NULL;
    }
}

gs_Object *gs_mappingproxy_new(gs_VM *vm, gs_Object *mapping)
{
    if (!is_mapping(vm, mapping)) {
        gs_raise(vm, vm->e_TypeError, "mappingproxy() argument must be a mapping, not %s", gs_type_name(mapping));
        return NULL;
    }
    gs_Object *o = gs_native_new(vm, vm->t_mappingproxy);
    if (!o)
        return NULL;
    gs_incref_c(vm, mapping, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD));
    MP(o)->mapping = mapping;
    gs_record_field(vm, o, GS_NATIVE_FIELD, NULL, mapping);
    return o;
}

gs_Object *gs_mappingproxy_mapping(gs_VM *vm, gs_Object *o)
{
    return o->type == vm->t_mappingproxy ? MP(o)->mapping : NULL;
}

/* mappingproxy(mapping) */
static gs_Object *mp_new(GS_ARGS)
{
    GS_UNUSED(self);
    /* (nargs counts the keyword arguments' values too) */
    int npos = nargs - (kwnames ? kwnames->len : 0);
    if (nargs > 1) {
        gs_raise(vm, vm->e_TypeError, "mappingproxy() takes at most 1 argument (%d given)", nargs);
        return NULL;
    }
    gs_Object *mapping = npos ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "mapping");
    if (!mapping) {
        if (!vm->exc)
            gs_raise(vm, vm->e_TypeError, "mappingproxy() missing required argument 'mapping' (pos 1)");
        return NULL;
    }
    return gs_mappingproxy_new(vm, mapping);
}

/* the mapping's method `name` called with args (PyObject_CallMethod) */
static gs_Object *forward(gs_VM *vm, gs_Object *self, const char *name, gs_Object **args, int nargs)
{
    gs_Object *m = gs_getattr(vm, MP(self)->mapping, gs_name(vm, name));
    gs_Object *r = m ? gs_call(vm, m, args, nargs, NULL) : NULL;
    gs_xdecref(vm, m);
    return r;
}

static gs_Object *mp_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_getitem(vm, MP(self)->mapping, args[0]);
}

static gs_Object *mp_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t n = gs_len(vm, MP(self)->mapping);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *mp_iter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_iter(vm, MP(self)->mapping);
}

/* a dict's own test, anything else's PySequence_Contains */
static gs_Object *mp_contains(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int r = GS_KIND(MP(self)->mapping) == GS_K_DICT && MP(self)->mapping->type == vm->t_dict
                ? gs_contains_builtin(vm, MP(self)->mapping, args[0])
                : gs_contains(vm, MP(self)->mapping, args[0]);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* get(key, default=None): the mapping's get(key, default) */
static gs_Object *mp_get(GS_ARGS)
{
    if (gs_no_kwargs(vm, "mappingproxy.get", kwnames) < 0 || gs_check_args(vm, "get", nargs, 1, 2) < 0)
        return NULL;
    gs_Object *argv[2] = { args[0], nargs > 1 ? args[1] : vm->none };
    return forward(vm, self, "get", argv, 2);
}

static gs_Object *mp_keys(GS_ARGS) { GS_UNUSED_ARGS; return forward(vm, self, "keys", NULL, 0); }
static gs_Object *mp_values(GS_ARGS) { GS_UNUSED_ARGS; return forward(vm, self, "values", NULL, 0); }
static gs_Object *mp_items(GS_ARGS) { GS_UNUSED_ARGS; return forward(vm, self, "items", NULL, 0); }
static gs_Object *mp_copy(GS_ARGS) { GS_UNUSED_ARGS; return forward(vm, self, "copy", NULL, 0); }

static gs_Object *mp_reversed(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_reversed(vm, MP(self)->mapping);
}

/* mappingproxy_richcompare: the mapping compared with the other */
static gs_Object *mp_compare(gs_VM *vm, gs_Object *self, gs_Object *other, int op)
{
    return gs_compare(vm, op, MP(self)->mapping, other);
}

static gs_Object *mp_eq(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_compare(vm, self, args[0], GS_CMP_EQ); }
static gs_Object *mp_ne(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_compare(vm, self, args[0], GS_CMP_NE); }
static gs_Object *mp_lt(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_compare(vm, self, args[0], GS_CMP_LT); }
static gs_Object *mp_le(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_compare(vm, self, args[0], GS_CMP_LE); }
static gs_Object *mp_gt(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_compare(vm, self, args[0], GS_CMP_GT); }
static gs_Object *mp_ge(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_compare(vm, self, args[0], GS_CMP_GE); }

/* mappingproxy_or: either side's proxy unwrapped, then their `|` */
static gs_Object *mp_or_impl(gs_VM *vm, gs_Object *left, gs_Object *right)
{
    if (left->type == vm->t_mappingproxy)
        left = MP(left)->mapping;
    if (right->type == vm->t_mappingproxy)
        right = MP(right)->mapping;
    return gs_binary_op(vm, GS_OP_BITOR, left, right, false);
}

static gs_Object *mp_or(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_or_impl(vm, self, args[0]); }
static gs_Object *mp_ror(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return mp_or_impl(vm, args[0], self); }

static gs_Object *mp_ior(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_raise(vm, vm->e_TypeError, "'|=' is not supported by %s; use '|' instead", gs_type_name(self));
    return NULL;
}

static gs_Object *mp_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *r = gs_repr(vm, MP(self)->mapping);
    gs_Object *s = r ? gs_str_printf(vm, "mappingproxy(%s)", ((gs_Str *)r)->data) : NULL;
    gs_xdecref(vm, r);
    return s;
}

static gs_Object *mp_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str(vm, MP(self)->mapping);
}

static const gs_MethodDef mappingproxy_methods[] = {
    { "__new__", mp_new, 0, -1, GS_KW },
    { "__repr__", mp_repr, 0, 0, 0 },
    { "__str__", mp_str, 0, 0, 0 },
    { "__getitem__", mp_getitem, 1, 1, 0 },
    { "__len__", mp_len, 0, 0, 0 },
    { "__iter__", mp_iter, 0, 0, 0 },
    { "__contains__", mp_contains, 1, 1, 0 },
    { "__eq__", mp_eq, 1, 1, 0 },
    { "__ne__", mp_ne, 1, 1, 0 },
    { "__lt__", mp_lt, 1, 1, 0 },
    { "__le__", mp_le, 1, 1, 0 },
    { "__gt__", mp_gt, 1, 1, 0 },
    { "__ge__", mp_ge, 1, 1, 0 },
    { "__or__", mp_or, 1, 1, 0 },
    { "__ror__", mp_ror, 1, 1, 0 },
    { "__ior__", mp_ior, 1, 1, 0 },
    { "__reversed__", mp_reversed, 0, 0, 0 },
    { "get", mp_get, 0, -1, GS_KW },
    { "keys", mp_keys, 0, 0, 0 },
    { "values", mp_values, 0, 0, 0 },
    { "items", mp_items, 0, 0, 0 },
    { "copy", mp_copy, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

void gs_mappingproxy_type_init(gs_VM *vm)
{
    gs_Type *t = gs_native_type_new(vm, "mappingproxy", &mappingproxy_ops, mappingproxy_methods);
    /* no __dict__, no weak references, unhashable */
    t->flags &= (uint16_t)~(GS_TF_DICT | GS_TF_WEAK);
    gs_dict_set(vm, &t->dict->ob, &vm->s___hash__->ob, vm->none);
    gs_Object *bs = gs_int_new(vm, 24);
    if (bs) {
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, "__basicsize__")->ob, bs);
        gs_decref(vm, bs);
    }
    vm->t_mappingproxy = t;
}
