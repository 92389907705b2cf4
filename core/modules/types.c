/*
 * types.c — the types module, and the two objects of PEP 585 and PEP 604
 * that annotations make without any import: types.GenericAlias
 * (list[int], dict[str, list[int]], tuple[int, ...]) and types.UnionType
 * (int | str, list[int] | None), as CPython 3.11's Objects/genericaliasobject.c
 * and Objects/unionobject.c: their reprs, __origin__ and __args__,
 * equality and hashing, calling an alias (list[int]("ab")), an alias as a
 * base class (__mro_entries__), isinstance() and issubclass() with a union,
 * and the TypeError of either with a parameterized generic.
 *
 * The module names the types of objects a program already has
 * (FunctionType, GeneratorType, NoneType ...), SimpleNamespace and
 * MappingProxyType (functools.singledispatch's registry is one).
 *
 * Both kinds are instances of a native type made the first time one is
 * needed (an annotation, an import of types); they live as long as the VM.
 */
#include <stddef.h>
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

typedef struct AliasObj {
    gs_Instance inst;
    gs_Object *origin; /* GenericAlias: list, dict ...; a union: NULL */
    gs_Object *args;   /* tuple */
} AliasObj;

enum { ALIAS_ORIGIN = GS_NATIVE_FIELD, ALIAS_ARGS };

static int alias_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    AliasObj *a = (AliasObj *)o;
    int r = 0;
    if (a->origin)
        r = fn(vm, o, a->origin, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, ALIAS_ORIGIN), arg);
    if (!r && a->args)
        r = fn(vm, o, a->args, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, ALIAS_ARGS), arg);
    return r;
}

static void alias_clear(gs_VM *vm, gs_Object *o)
{
    AliasObj *a = (AliasObj *)o;
    gs_native_set(vm, o, &a->origin, ALIAS_ORIGIN, NULL);
    gs_native_set(vm, o, &a->args, ALIAS_ARGS, NULL);
}

static const gs_NativeOps alias_ops = { .gc = true, .size = sizeof(AliasObj), .traverse = alias_traverse, .clear = alias_clear };

enum { T_ALIAS, T_UNION, T_NAMESPACE, T_CALLITER, T_COUNT };

/* tuple(l) of a list */
static gs_Object *tuple_of(gs_VM *vm, gs_Object *l)
{
    gs_List *ll = (gs_List *)l;
    gs_Object *t = gs_tuple_new(vm, ll->len);
    for (int32_t i = 0; t && i < ll->len; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, ll->items[i]));
    return t;
}

/* o.name() */
static gs_Object *call_method0(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Object *m = gs_getattr(vm, o, gs_name(vm, name));
    gs_Object *r = m ? gs_call(vm, m, NULL, 0, NULL) : NULL;
    gs_xdecref(vm, m);
    return r;
}

static gs_Type *types_of(gs_VM *vm);

static bool is_alias(gs_VM *vm, gs_Object *o)
{
    gs_Type **t = vm->modstate[GS_MS_TYPES];
    return t && o->type == t[T_ALIAS];
}

static bool is_union(gs_VM *vm, gs_Object *o)
{
    gs_Type **t = vm->modstate[GS_MS_TYPES];
    return t && o->type == t[T_UNION];
}

static gs_Object *alias_make(gs_VM *vm, int which, gs_Object *origin, gs_Object *args)
{
    gs_Type **t = (gs_Type **)types_of(vm);
    if (!t)
        return NULL;
    gs_Object *o = gs_native_new(vm, t[which]);
    if (!o)
        return NULL;
    AliasObj *a = (AliasObj *)o;
    if (origin)
        gs_native_set(vm, o, &a->origin, ALIAS_ORIGIN, origin);
    gs_native_set(vm, o, &a->args, ALIAS_ARGS, args);
    return o;
}

/* origin[params]: a tuple of parameters is the arguments, anything else
 * one argument (Py_GenericAlias) */
gs_Object *gs_generic_alias_new(gs_VM *vm, gs_Object *origin, gs_Object *params)
{
    gs_Object *args = GS_KIND(params) == GS_K_TUPLE ? gs_newref(vm, params) : gs_tuple_pack(vm, 1, params);
    if (!args)
        return NULL;
    gs_Object *r = alias_make(vm, T_ALIAS, origin, args);
    gs_decref(vm, args);
    return r;
}

/* The built-in classes whose [] makes a GenericAlias (their
 * __class_getitem__ in CPython) */
bool gs_type_is_generic(gs_VM *vm, gs_Type *t)
{
    static const char *const builtins[] = { "list", "dict", "tuple", "set", "frozenset", "type", "enumerate",
                                            "BaseExceptionGroup", "ExceptionGroup", "mappingproxy", NULL };
    static const char *const collections[] = { "deque", "defaultdict", "OrderedDict", "Counter", "ChainMap", NULL };
    const char *mod = t->module ? t->module->data : "builtins";
    const char *const *names = strcmp(mod, "builtins") == 0 && !(t->flags & GS_TF_HEAP) ? builtins
                               : strcmp(mod, "collections") == 0                      ? collections
                                                                                      : NULL;
    const char *dot = strrchr(t->name->data, '.'), *name = dot ? dot + 1 : t->name->data;
    GS_UNUSED(vm);
    for (int i = 0; names && names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

/* ga_repr_item / union_repr_item: a class by its qualified name (module
 * first unless builtins), ... for Ellipsis, an alias by its repr */
static int item_into(gs_VM *vm, gs_Buf *b, gs_Object *o, bool in_union)
{
    if (o == vm->ellipsis && !in_union) {
        gs_buf_adds(b, "...");
        return 0;
    }
    if (in_union && o == &vm->t_none->ob) {
        gs_buf_adds(b, "None");
        return 0;
    }
    if (GS_KIND(o) == GS_K_TYPE && !is_alias(vm, o)) {
        gs_Object *mod = gs_lookup_attr(vm, o, vm->s___module__);
        gs_Object *qn = mod ? gs_lookup_attr(vm, o, vm->s___qualname__) : NULL;
        if (mod && qn && GS_KIND(mod) == GS_K_STR && GS_KIND(qn) == GS_K_STR) {
            if (strcmp(((gs_Str *)mod)->data, "builtins") == 0)
                gs_buf_adds(b, ((gs_Str *)qn)->data);
            else
                gs_buf_printf(b, "%s.%s", ((gs_Str *)mod)->data, ((gs_Str *)qn)->data);
            gs_decref(vm, mod);
            gs_decref(vm, qn);
            return 0;
        }
        gs_xdecref(vm, mod);
        gs_xdecref(vm, qn);
        if (vm->exc)
            return -1;
    }
    gs_Object *r = gs_repr(vm, o);
    if (!r)
        return -1;
    gs_buf_add(b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
    gs_decref(vm, r);
    return 0;
}

static gs_Object *alias_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    AliasObj *a = (AliasObj *)self;
    gs_Tuple *t = (gs_Tuple *)a->args;
    gs_Buf b;
    gs_buf_init(&b);
    int r = 0;
    if (is_union(vm, self)) {
        for (int32_t i = 0; r == 0 && i < t->len; i++) {
            if (i)
                gs_buf_adds(&b, " | ");
            r = item_into(vm, &b, t->items[i], true);
        }
    } else {
        r = item_into(vm, &b, a->origin, false);
        gs_buf_addc(&b, '[');
        if (t->len == 0)
            gs_buf_adds(&b, "()");
        for (int32_t i = 0; r == 0 && i < t->len; i++) {
            if (i)
                gs_buf_adds(&b, ", ");
            r = item_into(vm, &b, t->items[i], false);
        }
        gs_buf_addc(&b, ']');
    }
    if (r < 0) {
        gs_buf_free(&b);
        return NULL;
    }
    return gs_buf_to_str(vm, &b);
}

static gs_Object *alias_origin(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    AliasObj *a = (AliasObj *)self;
    if (!a->origin) {
        gs_raise(vm, vm->e_AttributeError, "'types.UnionType' object has no attribute '__origin__'");
        return NULL;
    }
    return gs_newref(vm, a->origin);
}

static gs_Object *alias_args(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, ((AliasObj *)self)->args);
}

static bool is_typevar(gs_Object *o)
{
    const char *n = o->type->name->data, *dot = strrchr(n, '.');
    return strcmp(dot ? dot + 1 : n, "TypeVar") == 0;
}

/* __parameters__: the type variables among the arguments (typing.TypeVar) */
static gs_Object *alias_parameters(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Tuple *t = (gs_Tuple *)((AliasObj *)self)->args;
    gs_Object *l = gs_list_new(vm, 0);
    for (int32_t i = 0; l && i < t->len; i++)
        if (is_typevar(t->items[i]) && gs_list_append(vm, l, t->items[i]) < 0) {
            gs_decref(vm, l);
            return NULL;
        }
    if (!l)
        return NULL;
    gs_Object *r = tuple_of(vm, l);
    gs_decref(vm, l);
    return r;
}

static bool same_items_as(gs_VM *vm, gs_Tuple *x, gs_Tuple *y, int *err)
{
    for (int32_t i = 0; i < x->len; i++) {
        bool found = false;
        for (int32_t j = 0; !found && j < y->len; j++) {
            int eq = gs_equal(vm, x->items[i], y->items[j]);
            if (eq < 0) {
                *err = 1;
                return false;
            }
            found = eq;
        }
        if (!found)
            return false;
    }
    return true;
}

static gs_Object *alias_eq(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (o->type != self->type)
        return gs_newref(vm, vm->notimpl);
    AliasObj *a = (AliasObj *)self, *b = (AliasObj *)o;
    if (is_union(vm, self)) { /* as sets */
        int err = 0;
        bool eq = same_items_as(vm, (gs_Tuple *)a->args, (gs_Tuple *)b->args, &err) &&
                  same_items_as(vm, (gs_Tuple *)b->args, (gs_Tuple *)a->args, &err);
        return err ? NULL : GS_BOOL(vm, eq);
    }
    int eq = gs_equal(vm, a->origin, b->origin);
    if (eq > 0)
        eq = gs_equal(vm, a->args, b->args);
    return eq < 0 ? NULL : GS_BOOL(vm, eq);
}

static gs_Object *alias_hash(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    AliasObj *a = (AliasObj *)self;
    int64_t h;
    if (is_union(vm, self)) { /* hash(frozenset(args)) */
        gs_Object *fs = gs_set_from_iterable(vm, true, a->args);
        h = fs ? gs_hash(vm, fs) : -1;
        gs_xdecref(vm, fs);
    } else {
        int64_t h0 = gs_hash(vm, a->origin), h1 = h0 == -1 ? -1 : gs_hash(vm, a->args);
        h = h1 == -1 ? -1 : h0 ^ h1;
        if (h == -1 && !vm->exc)
            h = -2;
    }
    return h == -1 && vm->exc ? NULL : gs_int_new(vm, h);
}

/* list[int](...) calls list, and gives the result __orig_class__ when it
 * takes attributes */
static gs_Object *alias_call(GS_ARGS)
{
    AliasObj *a = (AliasObj *)self;
    if (!a->origin) {
        gs_raise(vm, vm->e_TypeError, "'types.UnionType' object is not callable");
        return NULL;
    }
    gs_Object *r = gs_call(vm, a->origin, args, nargs - (kwnames ? kwnames->len : 0), kwnames);
    gs_Str *orig = r ? gs_name(vm, "__orig_class__") : NULL;
    if (orig && gs_inst_part(r)) {
        gs_Object *saved = vm->exc;
        vm->exc = NULL;
        if (gs_setattr(vm, r, orig, self) < 0 &&
            !gs_exc_matches(vm, vm->e_AttributeError) && !gs_exc_matches(vm, vm->e_TypeError)) {
            gs_decref(vm, r);
            return NULL;
        }
        gs_clear_exc(vm);
        vm->exc = saved;
    }
    return r;
}

static gs_Object *alias_mro_entries(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_tuple_pack(vm, 1, ((AliasObj *)self)->origin);
}

/* an alias's other attributes are its origin's (list[int].append) */
static gs_Object *alias_getattr(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    AliasObj *a = (AliasObj *)self;
    if (!a->origin || GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", gs_type_name(self),
                 GS_KIND(args[0]) == GS_K_STR ? ((gs_Str *)args[0])->data : "?");
        return NULL;
    }
    return gs_getattr(vm, a->origin, (gs_Str *)args[0]);
}

static gs_Object *alias_instancecheck(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    GS_UNUSED(self);
    gs_raise(vm, vm->e_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static gs_Object *alias_subclasscheck(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    GS_UNUSED(self);
    gs_raise(vm, vm->e_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

/* ================================================================== unions */

static bool unionable(gs_VM *vm, gs_Object *o)
{
    return o == vm->none || GS_KIND(o) == GS_K_TYPE || is_alias(vm, o) || is_union(vm, o);
}

bool gs_is_union(gs_VM *vm, gs_Object *o) { return is_union(vm, o); }
bool gs_is_generic_alias(gs_VM *vm, gs_Object *o) { return is_alias(vm, o); }

gs_Object *gs_union_args(gs_Object *u) { return ((AliasObj *)u)->args; }

static int add_flat(gs_VM *vm, gs_Object *l, gs_Object *o)
{
    gs_Object *one[1] = { o == vm->none ? &vm->t_none->ob : o };
    gs_Object **items = one;
    int32_t n = 1;
    if (is_union(vm, o)) {
        items = ((gs_Tuple *)((AliasObj *)o)->args)->items;
        n = ((gs_Tuple *)((AliasObj *)o)->args)->len;
    }
    for (int32_t i = 0; i < n; i++) {
        bool dup = false;
        gs_List *have = (gs_List *)l;
        for (int32_t j = 0; !dup && j < have->len; j++) {
            if (have->items[j] == items[i])
                dup = true;
            else if (is_alias(vm, have->items[j]) && is_alias(vm, items[i])) { /* aliases by equality */
                int eq = gs_equal(vm, have->items[j], items[i]);
                if (eq < 0)
                    return -1;
                dup = eq;
            }
        }
        if (!dup && gs_list_append(vm, l, items[i]) < 0)
            return -1;
    }
    return 0;
}

/* a | b of classes, None, aliases and unions (_Py_union_type_or):
 * flattened, duplicates dropped, one left is itself; NotImplemented when
 * either is something else */
gs_Object *gs_union_or(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    if (!unionable(vm, a) || !unionable(vm, b))
        return gs_newref(vm, vm->notimpl);
    gs_Object *l = gs_list_new(vm, 0);
    if (!l || add_flat(vm, l, a) < 0 || add_flat(vm, l, b) < 0) {
        gs_xdecref(vm, l);
        return NULL;
    }
    gs_List *ll = (gs_List *)l;
    if (ll->len == 1) {
        gs_Object *r = gs_newref(vm, ll->items[0]);
        gs_decref(vm, l);
        return r;
    }
    gs_Object *t = tuple_of(vm, l);
    gs_decref(vm, l);
    if (!t)
        return NULL;
    gs_Object *r = alias_make(vm, T_UNION, NULL, t);
    gs_decref(vm, t);
    return r;
}

/* ================================================================== SimpleNamespace */

static gs_Object *ns_init(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 0) {
        gs_raise(vm, vm->e_TypeError, "no positional arguments expected");
        return NULL;
    }
    for (int32_t i = 0; kwnames && i < kwnames->len; i++)
        if (gs_setattr(vm, self, (gs_Str *)kwnames->items[i], args[npos + i]) < 0)
            return NULL;
    return GS_NONE(vm);
}

/* SimpleNamespace(**kwargs): an instance, its attributes set (a class
 * derived from it gets its own __init__ called by type.__call__) */
static gs_Object *ns_new(GS_ARGS)
{
    gs_Object *o = gs_instance_new(vm, (gs_Type *)self);
    if (!o)
        return NULL;
    if (!(((gs_Type *)self)->flags & GS_TF_HEAP)) {
        gs_Object *r = ns_init(vm, o, args, nargs, kwnames);
        if (!r) {
            gs_decref(vm, o);
            return NULL;
        }
        gs_decref(vm, r);
    }
    return o;
}

/* namespace(a=1, b='x'): the attributes in the order they were set */
static gs_Object *ns_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *d = gs_getattr(vm, self, vm->s___dict__);
    if (!d)
        return NULL;
    const char *name = self->type->flags & GS_TF_HEAP ? self->type->name->data : "namespace";
    int rec = gs_repr_enter(vm, self);
    if (rec != 0) {
        gs_decref(vm, d);
        return rec < 0 ? NULL : gs_str_printf(vm, "%s(...)", name);
    }
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%s(", name);
    gs_Object *items = call_method0(vm, d, "items");
    gs_Object *it = items ? gs_iter(vm, items) : NULL;
    gs_xdecref(vm, items);
    gs_Object *kv;
    bool first = true, ok = it != NULL;
    while (ok && (kv = gs_next(vm, it))) {
        gs_Tuple *p = (gs_Tuple *)kv;
        gs_Object *vr = GS_KIND(p->items[0]) == GS_K_STR ? gs_repr(vm, p->items[1]) : NULL;
        if (vr) {
            gs_buf_printf(&b, "%s%s=%s", first ? "" : ", ", ((gs_Str *)p->items[0])->data, ((gs_Str *)vr)->data);
            first = false;
            gs_decref(vm, vr);
        } else if (vm->exc)
            ok = false;
        gs_decref(vm, kv);
    }
    gs_xdecref(vm, it);
    gs_decref(vm, d);
    gs_repr_leave(vm, self);
    if (!ok || vm->exc) {
        gs_buf_free(&b);
        return NULL;
    }
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

static gs_Object *ns_eq(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Type **t = vm->modstate[GS_MS_TYPES];
    if (!gs_isinstance(args[0], t[T_NAMESPACE]) || !gs_isinstance(self, t[T_NAMESPACE]))
        return gs_newref(vm, vm->notimpl);
    gs_Object *a = gs_getattr(vm, self, vm->s___dict__), *b = a ? gs_getattr(vm, args[0], vm->s___dict__) : NULL;
    int eq = b ? gs_equal(vm, a, b) : -1;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return eq < 0 ? NULL : GS_BOOL(vm, eq);
}

/* ================================================================== iter(callable, sentinel) */

/* CPython's callable_iterator (Objects/iterobject.c): calls the callable
 * until it returns something equal to the sentinel, then lets go of both */
typedef struct CallIter {
    gs_Instance inst;
    gs_Object *callable, *sentinel;
} CallIter;

enum { CI_CALLABLE = GS_NATIVE_FIELD, CI_SENTINEL };

static int calliter_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    CallIter *c = (CallIter *)o;
    int r = 0;
    if (c->callable)
        r = fn(vm, o, c->callable, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, CI_CALLABLE), arg);
    if (!r && c->sentinel)
        r = fn(vm, o, c->sentinel, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, CI_SENTINEL), arg);
    return r;
}

static void calliter_clear(gs_VM *vm, gs_Object *o)
{
    CallIter *c = (CallIter *)o;
    gs_native_set(vm, o, &c->callable, CI_CALLABLE, NULL);
    gs_native_set(vm, o, &c->sentinel, CI_SENTINEL, NULL);
}

static const gs_NativeOps calliter_ops = { .gc = true, .size = sizeof(CallIter), .traverse = calliter_traverse, .clear = calliter_clear };

static gs_Object *calliter_next(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    CallIter *c = (CallIter *)self;
    if (!c->callable)
        return NULL; /* exhausted */
    gs_Object *r = gs_call(vm, c->callable, NULL, 0, NULL);
    if (!r) {
        if (gs_exc_matches(vm, vm->e_StopIteration)) { /* a StopIteration from the callable ends it too */
            gs_clear_exc(vm);
            calliter_clear(vm, self);
        }
        return NULL;
    }
    int eq = gs_equal(vm, r, c->sentinel);
    if (eq == 0)
        return r;
    gs_decref(vm, r);
    if (eq > 0)
        calliter_clear(vm, self);
    return NULL;
}

static gs_Object *calliter_self(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, self);
}

gs_Object *gs_callable_iter_new(gs_VM *vm, gs_Object *callable, gs_Object *sentinel)
{
    gs_Type **t = (gs_Type **)types_of(vm);
    gs_Object *o = t ? gs_native_new(vm, t[T_CALLITER]) : NULL;
    if (!o)
        return NULL;
    CallIter *c = (CallIter *)o;
    gs_native_set(vm, o, &c->callable, CI_CALLABLE, callable);
    gs_native_set(vm, o, &c->sentinel, CI_SENTINEL, sentinel);
    return o;
}

/* ================================================================== the types */

static gs_Type *make_types(gs_VM *vm);

static gs_Type *types_of(gs_VM *vm)
{
    gs_Type **t = vm->modstate[GS_MS_TYPES];
    return t ? (gs_Type *)t : make_types(vm);
}

static gs_Type *make_types(gs_VM *vm)
{
    gs_Type **t;
    static const gs_MethodDef alias_methods[] = {
        { "__repr__", alias_repr, 0, 0, 0 },
        { "__eq__", alias_eq, 1, 1, 0 },
        { "__hash__", alias_hash, 0, 0, 0 },
        { "__call__", alias_call, 0, -1, GS_KW },
        { "__mro_entries__", alias_mro_entries, 1, 1, 0 },
        { "__getattr__", alias_getattr, 1, 1, 0 },
        { "__instancecheck__", alias_instancecheck, 1, 1, 0 },
        { "__subclasscheck__", alias_subclasscheck, 1, 1, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    static const gs_MethodDef union_methods[] = {
        { "__repr__", alias_repr, 0, 0, 0 },
        { "__eq__", alias_eq, 1, 1, 0 },
        { "__hash__", alias_hash, 0, 0, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    static const gs_MethodDef ns_methods[] = {
        { "__new__", ns_new, 0, -1, GS_KW },
        { "__init__", ns_init, 0, -1, GS_KW },
        { "__repr__", ns_repr, 0, 0, 0 },
        { "__eq__", ns_eq, 1, 1, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    t = calloc(T_COUNT, sizeof *t);
    if (!t) {
        gs_raise_memory(vm);
        return NULL;
    }
    vm->runtime_alloc++; /* the interpreter's, not the program's */
    t[T_ALIAS] = gs_native_type_new(vm, "types.GenericAlias", &alias_ops, alias_methods);
    gs_type_add_getter(vm, t[T_ALIAS], "__origin__", alias_origin);
    gs_type_add_getter(vm, t[T_ALIAS], "__args__", alias_args);
    gs_type_add_getter(vm, t[T_ALIAS], "__parameters__", alias_parameters);
    gs_type_update_hooks(vm, t[T_ALIAS]);
    t[T_ALIAS]->hooks |= GS_HOOK_GETATTR; /* a C __getattr__ is no hook by itself: the origin's attributes */
    t[T_UNION] = gs_native_type_new(vm, "types.UnionType", &alias_ops, union_methods);
    gs_type_add_getter(vm, t[T_UNION], "__args__", alias_args);
    gs_type_add_getter(vm, t[T_UNION], "__parameters__", alias_parameters);
    gs_type_update_hooks(vm, t[T_UNION]);
    static const gs_MethodDef calliter_methods[] = {
        { "__next__", calliter_next, 0, 0, GS_ITERNEXT },
        { "__iter__", calliter_self, 0, 0, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    t[T_CALLITER] = gs_native_type_new(vm, "callable_iterator", &calliter_ops, calliter_methods);
    gs_modtype_add_attr(vm, t[T_CALLITER], "__basicsize__", gs_int_new(vm, 32)); /* + 16 of GC header */
    t[T_NAMESPACE] = gs_modtype_new(vm, "types.SimpleNamespace", vm->t_object, NULL, true);
    gs_type_add_methods(vm, t[T_NAMESPACE], ns_methods);
    gs_type_update_hooks(vm, t[T_NAMESPACE]);
    vm->runtime_alloc--;
    vm->modstate[GS_MS_TYPES] = t;
    return (gs_Type *)t;
}

/* (The refcount check counts SimpleNamespace's dict with sys's types, by
 * its name: sys.implementation is one too.) */
void gs_types_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_TYPES]); /* the types themselves are the VM's */
    vm->modstate[GS_MS_TYPES] = NULL;
}

gs_Object *gs_module_types(gs_VM *vm)
{
    gs_Type **t = (gs_Type **)types_of(vm);
    gs_Object *m = t ? gs_module_new(vm, "types") : NULL;
    if (!m)
        return NULL;
    gs_module_add(vm, m, "GenericAlias", gs_newref(vm, &t[T_ALIAS]->ob));
    gs_module_add(vm, m, "UnionType", gs_newref(vm, &t[T_UNION]->ob));
    gs_module_add(vm, m, "SimpleNamespace", gs_newref(vm, &t[T_NAMESPACE]->ob));
    gs_module_add(vm, m, "NoneType", gs_newref(vm, &vm->t_none->ob));
    gs_module_add(vm, m, "EllipsisType", gs_newref(vm, &vm->ellipsis->type->ob));
    gs_module_add(vm, m, "NotImplementedType", gs_newref(vm, &vm->notimpl->type->ob));
    static const struct { const char *name; size_t off; } kinds[] = {
        { "FunctionType", offsetof(gs_VM, t_function) },    { "LambdaType", offsetof(gs_VM, t_function) },
        { "MethodType", offsetof(gs_VM, t_method) },        { "BuiltinFunctionType", offsetof(gs_VM, t_builtin) },
        { "BuiltinMethodType", offsetof(gs_VM, t_builtin) }, { "GeneratorType", offsetof(gs_VM, t_generator) },
        { "CodeType", offsetof(gs_VM, t_code) },            { "CellType", offsetof(gs_VM, t_cell) },
        { "FrameType", offsetof(gs_VM, t_frame) },          { "TracebackType", offsetof(gs_VM, t_traceback) },
        { "ModuleType", offsetof(gs_VM, t_module) },         { "MappingProxyType", offsetof(gs_VM, t_mappingproxy) },
        { "GetSetDescriptorType", offsetof(gs_VM, t_getset_descr) },
        { "MemberDescriptorType", offsetof(gs_VM, t_member_descr) },
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        gs_Type *k = *(gs_Type **)((char *)vm + kinds[i].off);
        if (k)
            gs_module_add(vm, m, kinds[i].name, gs_newref(vm, &k->ob));
    }
    return m;
}
