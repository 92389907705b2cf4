/*
 * typing.c — the typing module, the part teaching programs use: the
 * names annotations import (gcscope does not evaluate function
 * annotations, so importing them is most of what a program needs) and the
 * objects a program can build and print: List[int], Dict[str, int],
 * Optional[Node], Union[...], Callable[[int], str], Tuple[int, ...],
 * Literal, ClassVar, Final, TypeVar('T'), Generic, NewType, cast,
 * get_origin and get_args, with Lib/typing.py's reprs ("typing.List[int]",
 * "typing.Optional[__main__.Node]", "~T"), equality and hashing.
 *
 * Every typing object here is an instance of one of a few built-in types
 * named as CPython's classes (typing._SpecialGenericAlias, _GenericAlias,
 * _SpecialForm, _UnionGenericAlias, _CallableGenericAlias, TypeVar ...)
 * keeping its origin and arguments as C data.  Generic and Protocol are
 * real base classes; Generic[T] (and Protocol[T]) give the class itself,
 * since gcscope's class statement does not call __mro_entries__.
 * NamedTuple and TypedDict need class annotations, which gcscope does not
 * evaluate: they are not provided.
 */
#include <stdio.h>

#include "modutil.h"

enum TypingKind {
    TK_SPECIAL_GENERIC, /* List, Dict ...: subscriptable, not yet subscripted */
    TK_SPECIAL_FORM,    /* Any, Optional, Union, ClassVar, Final, Literal ... */
    TK_ALIAS,           /* List[int], ClassVar[int], Stack[int] ... */
    TK_UNION,           /* Union[int, str] */
    TK_CALLABLE,        /* Callable[[int], str] */
    TK_TYPEVAR,
    TK_NEWTYPE,
    TK_FORWARD,         /* ForwardRef('Node') */
};

typedef struct TypingObj {
    gs_Instance inst;
    int kind;
    int nparams;          /* special generics: parameters (-1: Tuple, any number) */
    const char *name;     /* special generics and forms: "List", "Optional" ... (static) */
    gs_Object *str_name;  /* TypeVar, NewType and ForwardRef: the name (str) */
    gs_Object *origin;    /* the class behind (list, dict ...), the special form, or NULL */
    gs_Object *args;      /* tuple, or NULL */
    uint8_t variance;     /* TypeVar: 0, '+' or '-' */
} TypingObj;

static int ty_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    TypingObj *t = (TypingObj *)o;
    gs_Object *f[3] = { t->str_name, t->origin, t->args };
    for (int i = 0; i < 3; i++)
        if (f[i]) {
            int r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD + (uint32_t)i), arg);
            if (r)
                return r;
        }
    return 0;
}

static void ty_clear(gs_VM *vm, gs_Object *o)
{
    TypingObj *t = (TypingObj *)o;
    gs_native_set(vm, o, &t->str_name, GS_NATIVE_FIELD, NULL);
    gs_native_set(vm, o, &t->origin, GS_NATIVE_FIELD + 1, NULL);
    gs_native_set(vm, o, &t->args, GS_NATIVE_FIELD + 2, NULL);
}

static const gs_NativeOps typing_ops = { .gc = true, .size = sizeof(TypingObj), .traverse = ty_traverse, .clear = ty_clear };

/* The module's types, found through the module object every function is
 * bound to (typing objects find them through their own type's dict). */
static gs_Type *mtype(gs_VM *vm, gs_Object *module, const char *name)
{
    gs_Object *t = gs_dict_get_str(vm, &((gs_Module *)module)->dict->ob, gs_name(vm, name));
    return t && GS_KIND(t) == GS_K_TYPE ? (gs_Type *)t : NULL;
}

/* The module itself: every typing type's dict keeps it as _module */
static gs_Object *module_of(gs_VM *vm, gs_Object *o)
{
    gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "_typing_module"));
    return m && GS_KIND(m) == GS_K_MODULE ? m : NULL;
}

static bool is_typing(gs_Object *o) { return GS_KIND(o) == GS_K_INSTANCE && o->type->native == &typing_ops; }

static gs_Object *ty_new(gs_VM *vm, gs_Type *t, int kind, const char *name, gs_Object *origin, gs_Object *args)
{
    if (!t) {
        gs_raise(vm, vm->e_RuntimeError, "typing's types are missing");
        return NULL;
    }
    gs_Object *o = gs_instance_new(vm, t);
    if (!o)
        return NULL;
    TypingObj *ty = (TypingObj *)o;
    ty->kind = kind;
    ty->name = name;
    if (origin)
        gs_native_set(vm, o, &ty->origin, GS_NATIVE_FIELD + 1, origin);
    if (args)
        gs_native_set(vm, o, &ty->args, GS_NATIVE_FIELD + 2, args);
    return o;
}

/* ================================================================== reprs */

/* _type_repr */
static int type_repr_into(gs_VM *vm, gs_Buf *b, gs_Object *o)
{
    if (GS_KIND(o) == GS_K_TYPE) {
        gs_Type *t = (gs_Type *)o;
        gs_Object *mod = gs_getattr(vm, o, vm->s___module__);
        gs_Object *qn = mod ? gs_getattr(vm, o, vm->s___qualname__) : NULL;
        if (!qn) {
            gs_xdecref(vm, mod);
            return -1;
        }
        GS_UNUSED(t);
        if (GS_KIND(mod) == GS_K_STR && strcmp(((gs_Str *)mod)->data, "builtins") == 0)
            gs_buf_adds(b, ((gs_Str *)qn)->data);
        else {
            gs_Object *ms = gs_str(vm, mod);
            if (ms) {
                gs_buf_printf(b, "%s.%s", ((gs_Str *)ms)->data, ((gs_Str *)qn)->data);
                gs_decref(vm, ms);
            }
        }
        gs_decref(vm, mod);
        gs_decref(vm, qn);
        return vm->exc ? -1 : 0;
    }
    if (o == vm->ellipsis) {
        gs_buf_adds(b, "...");
        return 0;
    }
    if (GS_KIND(o) == GS_K_FUNCTION) {
        gs_buf_adds(b, ((gs_Function *)o)->name->data);
        return 0;
    }
    gs_Object *r = gs_repr(vm, o);
    if (!r)
        return -1;
    gs_buf_add(b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
    gs_decref(vm, r);
    return 0;
}

static int args_into(gs_VM *vm, gs_Buf *b, gs_Tuple *args, int32_t from, int32_t to)
{
    for (int32_t i = from; i < to; i++) {
        if (i > from)
            gs_buf_adds(b, ", ");
        if (type_repr_into(vm, b, args->items[i]) < 0)
            return -1;
    }
    return 0;
}

static gs_Object *ty_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    gs_Buf b;
    gs_buf_init(&b);
    gs_Tuple *a = (gs_Tuple *)t->args;
    int r = 0;
    switch (t->kind) {
    case TK_SPECIAL_GENERIC:
    case TK_SPECIAL_FORM: gs_buf_printf(&b, "typing.%s", t->name); break;
    case TK_TYPEVAR:
        if (t->variance)
            gs_buf_addc(&b, (char)t->variance);
        else
            gs_buf_addc(&b, '~');
        gs_buf_adds(&b, ((gs_Str *)t->str_name)->data);
        break;
    case TK_NEWTYPE: gs_buf_printf(&b, "__main__.%s", ((gs_Str *)t->str_name)->data); break;
    case TK_FORWARD: {
        gs_Object *rr = gs_repr(vm, t->str_name);
        if (!rr) {
            r = -1;
            break;
        }
        gs_buf_printf(&b, "ForwardRef(%s)", ((gs_Str *)rr)->data);
        gs_decref(vm, rr);
        break;
    }
    case TK_UNION:
        if (a->len == 2 && (a->items[0] == &vm->t_none->ob || a->items[1] == &vm->t_none->ob)) {
            gs_buf_adds(&b, "typing.Optional[");
            r = type_repr_into(vm, &b, a->items[a->items[0] == &vm->t_none->ob ? 1 : 0]);
            gs_buf_addc(&b, ']');
            break;
        }
        gs_buf_adds(&b, "typing.Union[");
        r = args_into(vm, &b, a, 0, a->len);
        gs_buf_addc(&b, ']');
        break;
    case TK_CALLABLE:
        if (a->len == 2 && a->items[0] == vm->ellipsis) {
            gs_buf_adds(&b, "typing.Callable[...");
            gs_buf_adds(&b, ", ");
            r = type_repr_into(vm, &b, a->items[1]);
            gs_buf_addc(&b, ']');
            break;
        }
        gs_buf_adds(&b, "typing.Callable[[");
        r = args_into(vm, &b, a, 0, a->len - 1);
        gs_buf_adds(&b, "], ");
        if (r == 0)
            r = type_repr_into(vm, &b, a->items[a->len - 1]);
        gs_buf_addc(&b, ']');
        break;
    case TK_ALIAS:
        if (t->name)
            gs_buf_printf(&b, "typing.%s", t->name);
        else
            r = type_repr_into(vm, &b, t->origin);
        gs_buf_addc(&b, '[');
        if (r == 0 && a->len == 0)
            gs_buf_adds(&b, "()");
        else if (r == 0 && t->name && strcmp(t->name, "Literal") == 0) {
            for (int32_t i = 0; r == 0 && i < a->len; i++) {
                gs_Object *rr = gs_repr(vm, a->items[i]);
                if (!rr)
                    r = -1;
                else {
                    gs_buf_printf(&b, "%s%s", i ? ", " : "", ((gs_Str *)rr)->data);
                    gs_decref(vm, rr);
                }
            }
        } else if (r == 0)
            r = args_into(vm, &b, a, 0, a->len);
        gs_buf_addc(&b, ']');
        break;
    default: break;
    }
    if (r < 0) {
        gs_buf_free(&b);
        return NULL;
    }
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== subscription */

/* _type_convert: None is NoneType, a str a ForwardRef */
static gs_Object *convert_arg(gs_VM *vm, gs_Object *module, gs_Object *a)
{
    if (a == vm->none)
        return gs_newref(vm, &vm->t_none->ob);
    if (GS_KIND(a) == GS_K_STR) {
        gs_Object *f = ty_new(vm, mtype(vm, module, "ForwardRef"), TK_FORWARD, NULL, NULL, NULL);
        if (f)
            gs_native_set(vm, f, &((TypingObj *)f)->str_name, GS_NATIVE_FIELD, a);
        return f;
    }
    return gs_newref(vm, a);
}

/* the parameters of X[params] as a tuple of converted arguments */
static gs_Object *params_tuple(gs_VM *vm, gs_Object *module, gs_Object *params, bool convert)
{
    gs_Object *src = GS_KIND(params) == GS_K_TUPLE ? gs_newref(vm, params) : gs_tuple_pack(vm, 1, params);
    if (!src || !convert)
        return src;
    int32_t n = ((gs_Tuple *)src)->len;
    gs_Object *t = gs_tuple_new(vm, n);
    for (int32_t i = 0; t && i < n; i++) {
        gs_Object *c = convert_arg(vm, module, ((gs_Tuple *)src)->items[i]);
        if (!c) {
            for (int32_t j = i; j < n; j++)
                gs_tuple_init(vm, t, j, GS_NONE(vm));
            gs_decref(vm, t);
            t = NULL;
            break;
        }
        gs_tuple_init(vm, t, i, c);
    }
    gs_decref(vm, src);
    return t;
}

static gs_Object *repr_of(gs_VM *vm, gs_Object *o, const char **out)
{
    gs_Object *r = gs_repr(vm, o);
    *out = r ? ((gs_Str *)r)->data : "";
    return r;
}

/* Union[args]: flattened, duplicates dropped, one left is itself */
static gs_Object *make_union(gs_VM *vm, gs_Object *module, gs_Object *params)
{
    gs_Object *p = params_tuple(vm, module, params, true);
    if (!p)
        return NULL;
    gs_Tuple *pt = (gs_Tuple *)p;
    if (pt->len == 0) {
        gs_decref(vm, p);
        gs_raise(vm, vm->e_TypeError, "Cannot take a Union of no types.");
        return NULL;
    }
    gs_Object *flat = gs_list_new(vm, 0);
    for (int32_t i = 0; flat && i < pt->len; i++) {
        gs_Object *x = pt->items[i];
        gs_Tuple *inner = is_typing(x) && ((TypingObj *)x)->kind == TK_UNION ? (gs_Tuple *)((TypingObj *)x)->args : NULL;
        int32_t n = inner ? inner->len : 1;
        for (int32_t j = 0; j < n; j++) {
            gs_Object *y = inner ? inner->items[j] : x;
            int have = 0;
            for (int32_t k = 0; !have && k < ((gs_List *)flat)->len; k++) {
                int eq = gs_equal(vm, ((gs_List *)flat)->items[k], y);
                if (eq < 0) {
                    gs_decref(vm, flat);
                    gs_decref(vm, p);
                    return NULL;
                }
                have = eq;
            }
            if (!have && gs_list_append(vm, flat, y) < 0) {
                gs_decref(vm, flat);
                flat = NULL;
                break;
            }
        }
    }
    gs_decref(vm, p);
    if (!flat)
        return NULL;
    if (((gs_List *)flat)->len == 1) {
        gs_Object *only = gs_newref(vm, ((gs_List *)flat)->items[0]);
        gs_decref(vm, flat);
        return only;
    }
    gs_Object *args = gs_tuple_from_iterable(vm, flat);
    gs_decref(vm, flat);
    if (!args)
        return NULL;
    gs_Object *u = ty_new(vm, mtype(vm, module, "_UnionGenericAlias"), TK_UNION, "Union", NULL, args);
    gs_decref(vm, args);
    if (u) {
        gs_Object *un = gs_dict_get_str(vm, &((gs_Module *)module)->dict->ob, gs_name(vm, "Union"));
        if (un)
            gs_native_set(vm, u, &((TypingObj *)u)->origin, GS_NATIVE_FIELD + 1, un);
    }
    return u;
}

static gs_Object *alias_of(gs_VM *vm, gs_Object *module, const char *name, gs_Object *origin, gs_Object *args,
                           const char *type_name, int kind)
{
    return ty_new(vm, mtype(vm, module, type_name), kind, name, origin, args);
}

static gs_Object *subscript_callable(gs_VM *vm, gs_Object *module, gs_Object *self, gs_Object *params)
{
    if (GS_KIND(params) != GS_K_TUPLE || ((gs_Tuple *)params)->len != 2) {
        gs_raise(vm, vm->e_TypeError, "Callable must be used as Callable[[arg, ...], result].");
        return NULL;
    }
    gs_Object *targs = ((gs_Tuple *)params)->items[0], *result = ((gs_Tuple *)params)->items[1];
    gs_Object *all = gs_list_new(vm, 0);
    if (!all)
        return NULL;
    int r = 0;
    if (targs == vm->ellipsis)
        r = gs_list_append(vm, all, targs);
    else if (GS_KIND(targs) == GS_K_LIST) {
        for (int32_t i = 0; r == 0 && i < ((gs_List *)targs)->len; i++) {
            gs_Object *c = convert_arg(vm, module, ((gs_List *)targs)->items[i]);
            r = c ? gs_list_append(vm, all, c) : -1;
            gs_xdecref(vm, c);
        }
    } else {
        /* not a list: one argument, or a tuple's items (_CallableType.__getitem_inner__) */
        bool tup = GS_KIND(targs) == GS_K_TUPLE;
        int32_t n = tup ? ((gs_Tuple *)targs)->len : 1;
        for (int32_t i = 0; r == 0 && i < n; i++) {
            gs_Object *c = convert_arg(vm, module, tup ? ((gs_Tuple *)targs)->items[i] : targs);
            r = c ? gs_list_append(vm, all, c) : -1;
            gs_xdecref(vm, c);
        }
    }
    gs_Object *rc = r == 0 ? convert_arg(vm, module, result) : NULL;
    if (rc) {
        r = gs_list_append(vm, all, rc);
        gs_decref(vm, rc);
    } else
        r = -1;
    gs_Object *args = r == 0 ? gs_tuple_from_iterable(vm, all) : NULL;
    gs_decref(vm, all);
    if (!args)
        return NULL;
    gs_Object *res = alias_of(vm, module, "Callable", ((TypingObj *)self)->origin, args, "_CallableGenericAlias",
                              TK_CALLABLE);
    gs_decref(vm, args);
    return res;
}

static gs_Object *ty_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    gs_Object *params = args[0];
    gs_Object *module = module_of(vm, self);
    if (!module) {
        gs_raise(vm, vm->e_RuntimeError, "typing module missing");
        return NULL;
    }
    if (t->kind == TK_SPECIAL_GENERIC) {
        if (strcmp(t->name, "Callable") == 0)
            return subscript_callable(vm, module, self, params);
        bool is_tuple = strcmp(t->name, "Tuple") == 0;
        gs_Object *a;
        if (is_tuple && GS_KIND(params) == GS_K_TUPLE && ((gs_Tuple *)params)->len == 0)
            a = gs_newref(vm, params); /* Tuple[()] */
        else
            a = params_tuple(vm, module, params, true);
        if (!a)
            return NULL;
        int32_t n = ((gs_Tuple *)a)->len;
        if (!is_tuple && n != t->nparams) {
            gs_raise(vm, vm->e_TypeError, "Too %s arguments for typing.%s; actual %d, expected %d",
                     n > t->nparams ? "many" : "few", t->name, n, t->nparams);
            gs_decref(vm, a);
            return NULL;
        }
        gs_Object *r = alias_of(vm, module, t->name, t->origin, a, "_GenericAlias", TK_ALIAS);
        gs_decref(vm, a);
        return r;
    }
    if (t->kind == TK_SPECIAL_FORM) {
        const char *n = t->name;
        if (strcmp(n, "Union") == 0)
            return make_union(vm, module, params);
        if (strcmp(n, "Optional") == 0) {
            if (GS_KIND(params) == GS_K_TUPLE) {
                const char *rs;
                gs_Object *rr = repr_of(vm, params, &rs);
                gs_raise(vm, vm->e_TypeError, "typing.Optional requires a single type. Got %s.", rs);
                gs_xdecref(vm, rr);
                return NULL;
            }
            gs_Object *pair = gs_tuple_pack(vm, 2, params, vm->none);
            gs_Object *u = pair ? make_union(vm, module, pair) : NULL;
            gs_xdecref(vm, pair);
            return u;
        }
        if (strcmp(n, "ClassVar") == 0 || strcmp(n, "Final") == 0 || strcmp(n, "Type") == 0 ||
            strcmp(n, "TypeGuard") == 0 || strcmp(n, "Required") == 0 || strcmp(n, "NotRequired") == 0) {
            if (GS_KIND(params) == GS_K_TUPLE) {
                gs_raise(vm, vm->e_TypeError, "typing.%s accepts only single type.", n);
                return NULL;
            }
            gs_Object *a = params_tuple(vm, module, params, true);
            gs_Object *r = a ? alias_of(vm, module, n, self, a, "_GenericAlias", TK_ALIAS) : NULL;
            gs_xdecref(vm, a);
            return r;
        }
        if (strcmp(n, "Literal") == 0 || strcmp(n, "Annotated") == 0) {
            gs_Object *a = params_tuple(vm, module, params, false);
            if (a && strcmp(n, "Annotated") == 0 && ((gs_Tuple *)a)->len < 2) {
                gs_raise(vm, vm->e_TypeError,
                         "Annotated[...] should be used with at least two arguments (a type and an annotation).");
                gs_decref(vm, a);
                return NULL;
            }
            gs_Object *r = a ? alias_of(vm, module, n, self, a, "_GenericAlias", TK_ALIAS) : NULL;
            gs_xdecref(vm, a);
            return r;
        }
        gs_raise(vm, vm->e_TypeError, "typing.%s is not subscriptable", n);
        return NULL;
    }
    const char *rs;
    gs_Object *rr = repr_of(vm, self, &rs);
    gs_raise(vm, vm->e_TypeError, "%s is not a generic class", rs);
    gs_xdecref(vm, rr);
    return NULL;
}

/* ================================================================== calls, equality, attributes */

static gs_Object *ty_call(GS_ARGS)
{
    TypingObj *t = (TypingObj *)self;
    const char *rs;
    gs_Object *rr;
    switch (t->kind) {
    case TK_NEWTYPE:
        /* UserId(x) is x */
        if (gs_npos(nargs, kwnames) != 1 || (kwnames && kwnames->len)) {
            gs_raise(vm, vm->e_TypeError, "NewType.__call__() takes 2 positional arguments but %d were given",
                     gs_npos(nargs, kwnames) + 1);
            return NULL;
        }
        return gs_newref(vm, args[0]);
    case TK_ALIAS:
    case TK_SPECIAL_GENERIC:
        if (t->origin && GS_KIND(t->origin) == GS_K_TYPE && !(((gs_Type *)t->origin)->flags & GS_TF_HEAP) && t->name) {
            gs_Type *o = (gs_Type *)t->origin;
            const char *on = o->name->data;
            gs_raise(vm, vm->e_TypeError, "Type %s cannot be instantiated; use %s() instead", t->name, on);
            return NULL;
        }
        if (t->origin && GS_KIND(t->origin) == GS_K_TYPE)
            return gs_call(vm, t->origin, args, nargs, kwnames);
        rr = repr_of(vm, self, &rs);
        gs_raise(vm, vm->e_TypeError, "Type %s cannot be instantiated", t->name ? t->name : rs);
        gs_xdecref(vm, rr);
        return NULL;
    default:
        rr = repr_of(vm, self, &rs);
        if (t->kind == TK_SPECIAL_FORM && strcmp(t->name, "Any") == 0)
            gs_raise(vm, vm->e_TypeError, "Any cannot be instantiated");
        else
            gs_raise(vm, vm->e_TypeError, "Cannot instantiate %s", rs);
        gs_xdecref(vm, rr);
        return NULL;
    }
}

/* Union args compare as sets; other aliases by origin and args */
static int ty_equal(gs_VM *vm, TypingObj *a, TypingObj *b)
{
    if (a == b)
        return 1;
    if (a->kind != b->kind || (a->kind != TK_ALIAS && a->kind != TK_UNION && a->kind != TK_CALLABLE))
        return 0;
    if (a->kind == TK_UNION) {
        gs_Tuple *x = (gs_Tuple *)a->args, *y = (gs_Tuple *)b->args;
        if (x->len != y->len)
            return 0;
        for (int32_t i = 0; i < x->len; i++) {
            int found = 0;
            for (int32_t j = 0; !found && j < y->len; j++) {
                int eq = gs_equal(vm, x->items[i], y->items[j]);
                if (eq < 0)
                    return -1;
                found = eq;
            }
            if (!found)
                return 0;
        }
        return 1;
    }
    int eq = (a->origin && b->origin) ? gs_equal(vm, a->origin, b->origin) : a->origin == b->origin;
    if (eq <= 0)
        return eq;
    return gs_equal(vm, a->args, b->args);
}

static gs_Object *ty_eq(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (!is_typing(args[0]))
        return gs_newref(vm, vm->notimpl);
    int r = ty_equal(vm, (TypingObj *)self, (TypingObj *)args[0]);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

static gs_Object *ty_hash(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    if (t->kind == TK_UNION) {
        /* hash(frozenset(args)) */
        gs_Object *fs = gs_set_from_iterable(vm, true, t->args);
        int64_t h = fs ? gs_hash(vm, fs) : -1;
        gs_xdecref(vm, fs);
        return h == -1 && vm->exc ? NULL : gs_int_new(vm, h);
    }
    if (t->kind == TK_ALIAS || t->kind == TK_CALLABLE) {
        gs_Object *pair = gs_tuple_pack(vm, 2, t->origin ? t->origin : vm->none, t->args);
        int64_t h = pair ? gs_hash(vm, pair) : -1;
        gs_xdecref(vm, pair);
        return h == -1 && vm->exc ? NULL : gs_int_new(vm, h);
    }
    uintptr_t p = (uintptr_t)self;
    return gs_int_new(vm, (int64_t)((p >> 4) | (p << 60)) & INT64_MAX);
}

static gs_Object *ty_origin(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    if (t->kind == TK_TYPEVAR || t->kind == TK_SPECIAL_FORM || t->kind == TK_NEWTYPE || t->kind == TK_FORWARD) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__origin__'", gs_type_name(self));
        return NULL;
    }
    return gs_newref(vm, t->origin ? t->origin : vm->none);
}

static gs_Object *ty_args(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    if (!t->args) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__args__'", gs_type_name(self));
        return NULL;
    }
    return gs_newref(vm, t->args);
}

static gs_Object *ty_name(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    if (t->str_name)
        return gs_newref(vm, t->str_name);
    if (t->name)
        return gs_str_from_cstr(vm, t->name);
    gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__name__'", gs_type_name(self));
    return NULL;
}

/* ================================================================== TypeVar, NewType, functions */

/* TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False) */
static gs_Object *typevar_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    gs_Object *cov = NULL, *contra = NULL;
    for (int i = 0; kwnames && i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        if (strcmp(k, "covariant") == 0)
            cov = args[npos + i];
        else if (strcmp(k, "contravariant") == 0)
            contra = args[npos + i];
        else if (strcmp(k, "bound") != 0) {
            gs_raise(vm, vm->e_TypeError, "TypeVar.__init__() got an unexpected keyword argument '%s'", k);
            return NULL;
        }
    }
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "TypeVar.__init__() missing 1 required positional argument: 'name'");
        return NULL;
    }
    if (npos == 2) {
        gs_raise(vm, vm->e_TypeError, "A single constraint is not allowed");
        return NULL;
    }
    int c1 = cov ? gs_truthy(vm, cov) : 0, c2 = contra ? gs_truthy(vm, contra) : 0;
    if (c1 < 0 || c2 < 0)
        return NULL;
    if (c1 && c2) {
        gs_raise(vm, vm->e_ValueError, "Bivariant types are not supported.");
        return NULL;
    }
    gs_Object *o = ty_new(vm, (gs_Type *)self, TK_TYPEVAR, NULL, NULL, NULL);
    if (!o)
        return NULL;
    ((TypingObj *)o)->variance = c1 ? '+' : c2 ? '-' : 0;
    gs_native_set(vm, o, &((TypingObj *)o)->str_name, GS_NATIVE_FIELD, args[0]);
    return o;
}

/* NewType(name, tp) */
static gs_Object *newtype_new(GS_ARGS)
{
    static const char *const names[] = { "name", "tp" };
    static const gs_PySig sig = { "NewType.__init__", names, 2, 2, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *o = ty_new(vm, (gs_Type *)self, TK_NEWTYPE, NULL, a[1], NULL);
    if (o)
        gs_native_set(vm, o, &((TypingObj *)o)->str_name, GS_NATIVE_FIELD, a[0]);
    return o;
}

/* ForwardRef(arg) */
static gs_Object *forward_new(GS_ARGS)
{
    static const char *const names[] = { "arg", "is_argument", "module", "is_class" };
    static const gs_PySig sig = { "ForwardRef.__init__", names, 3, 1, 1, 1 };
    gs_Object *a[4];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (GS_KIND(a[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "Forward reference must be a string -- got %s", gs_type_name(a[0]));
        return NULL;
    }
    gs_Object *o = ty_new(vm, (gs_Type *)self, TK_FORWARD, NULL, NULL, NULL);
    if (o)
        gs_native_set(vm, o, &((TypingObj *)o)->str_name, GS_NATIVE_FIELD, a[0]);
    return o;
}

/* Generic[T] / Protocol[T] / Stack[int]: __class_getitem__ */
static gs_Object *generic_class_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Type *cls = (gs_Type *)self;
    if (!(cls->flags & GS_TF_HEAP))
        return gs_newref(vm, self); /* Generic[T]: the base class itself (no __mro_entries__ here) */
    gs_Object *module = gs_type_lookup(cls, gs_name(vm, "_typing_module")); /* Generic's */
    if (!module || GS_KIND(module) != GS_K_MODULE) {
        gs_raise(vm, vm->e_RuntimeError, "typing module missing");
        return NULL;
    }
    gs_Object *a = params_tuple(vm, module, args[0], true);
    gs_Object *r = a ? ty_new(vm, mtype(vm, module, "_GenericAlias"), TK_ALIAS, NULL, self, a) : NULL;
    gs_xdecref(vm, a);
    return r;
}

static gs_Object *f_cast(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "typ", "val" };
    static const gs_PySig sig = { "cast", names, 2, 2, 0, 0 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return gs_newref(vm, a[1]);
}

static gs_Object *f_identity(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_npos(nargs, kwnames) != 1) {
        gs_raise(vm, vm->e_TypeError, "expected 1 argument, got %d", gs_npos(nargs, kwnames));
        return NULL;
    }
    return gs_newref(vm, args[0]);
}

static gs_Object *f_get_origin(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "tp" };
    static const gs_PySig sig = { "get_origin", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (is_typing(a[0])) {
        TypingObj *t = (TypingObj *)a[0];
        if ((t->kind == TK_ALIAS || t->kind == TK_UNION || t->kind == TK_CALLABLE) && t->origin) {
            /* ClassVar[int] -> ClassVar, Annotated[int, x] -> Annotated */
            return gs_newref(vm, t->origin);
        }
        if (t->kind == TK_SPECIAL_GENERIC && t->origin)
            return gs_newref(vm, t->origin);
    }
    if (GS_KIND(a[0]) == GS_K_TYPE && strcmp(((gs_Type *)a[0])->name->data, "typing.Generic") == 0)
        return gs_newref(vm, a[0]);
    return GS_NONE(vm);
}

static gs_Object *f_get_args(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "tp" };
    static const gs_PySig sig = { "get_args", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (is_typing(a[0])) {
        TypingObj *t = (TypingObj *)a[0];
        if (t->kind == TK_CALLABLE && t->args) {
            /* ([arg, ...], result) */
            gs_Tuple *at = (gs_Tuple *)t->args;
            if (at->len == 2 && at->items[0] == vm->ellipsis)
                return gs_newref(vm, t->args);
            gs_Object *l = gs_list_new(vm, 0);
            for (int32_t i = 0; l && i < at->len - 1; i++)
                if (gs_list_append(vm, l, at->items[i]) < 0) {
                    gs_decref(vm, l);
                    l = NULL;
                }
            gs_Object *r = l ? gs_tuple_pack(vm, 2, l, at->items[at->len - 1]) : NULL;
            gs_xdecref(vm, l);
            return r;
        }
        if ((t->kind == TK_ALIAS || t->kind == TK_UNION) && t->args)
            return gs_newref(vm, t->args);
    }
    return gs_newref(vm, vm->empty_tuple);
}

/* ================================================================== the module */

static const gs_MethodDef alias_methods[] = {
    { "__getitem__", ty_getitem, 1, 1, 0 },
    { "__repr__", ty_repr, 0, 0, 0 },
    { "__call__", ty_call, 0, -1, GS_KW },
    { "__eq__", ty_eq, 1, 1, 0 },
    { "__hash__", ty_hash, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef typevar_methods[] = {
    { "__new__", typevar_new, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef newtype_methods[] = {
    { "__new__", newtype_new, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef forward_methods[] = {
    { "__new__", forward_new, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const struct {
    const char *name;
    const char *origin; /* a builtin type's name, or NULL */
    int nparams;
} special_generics[] = {
    { "List", "list", 1 },           { "Dict", "dict", 2 },           { "Set", "set", 1 },
    { "FrozenSet", "frozenset", 1 }, { "Tuple", "tuple", -1 },        { "Type", "type", 1 },
    { "Callable", NULL, -1 },        { "Iterable", NULL, 1 },         { "Iterator", NULL, 1 },
    { "Generator", NULL, 3 },        { "Sequence", NULL, 1 },         { "MutableSequence", NULL, 1 },
    { "Mapping", NULL, 2 },          { "MutableMapping", NULL, 2 },   { "AbstractSet", NULL, 1 },
    { "MutableSet", NULL, 1 },       { "Collection", NULL, 1 },       { "Container", NULL, 1 },
    { "Reversible", NULL, 1 },       { "Hashable", NULL, 0 },         { "Sized", NULL, 0 },
    { "KeysView", NULL, 1 },         { "ItemsView", NULL, 2 },        { "ValuesView", NULL, 1 },
    { "MappingView", NULL, 1 },      { "Deque", NULL, 1 },            { "DefaultDict", NULL, 2 },
    { "OrderedDict", NULL, 2 },      { "Counter", NULL, 1 },          { "ChainMap", NULL, 2 },
    { "Awaitable", NULL, 1 },        { "Coroutine", NULL, 3 },        { "AsyncIterable", NULL, 1 },
    { "AsyncIterator", NULL, 1 },    { "AsyncGenerator", NULL, 2 },   { "ContextManager", NULL, 1 },
    { "AsyncContextManager", NULL, 1 },
};

static const char *const special_forms[] = {
    "Any", "Optional", "Union", "ClassVar", "Final", "Literal", "Annotated", "NoReturn", "Never", "Self",
    "LiteralString", "TypeAlias", "TypeGuard", "Required", "NotRequired", NULL,
};

static gs_Type *new_typing_type(gs_VM *vm, const char *full, const gs_MethodDef *extra)
{
    gs_Type *t = gs_modtype_new(vm, full, vm->t_object, &typing_ops, false);
    gs_type_add_methods(vm, t, alias_methods);
    if (extra)
        gs_type_add_methods(vm, t, extra);
    gs_type_add_getter(vm, t, "__origin__", ty_origin);
    gs_type_add_getter(vm, t, "__args__", ty_args);
    gs_type_add_getter(vm, t, "__name__", ty_name);
    return t;
}

static gs_Object *builtin_type(gs_VM *vm, const char *name)
{
    gs_Object *t = gs_dict_get_str(vm, vm->builtins, gs_name(vm, name));
    return t && GS_KIND(t) == GS_K_TYPE ? t : NULL;
}

gs_Object *gs_module_typing(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "typing");
    if (!m)
        return NULL;
    static const char *const tnames[] = { "_SpecialGenericAlias", "_GenericAlias", "_SpecialForm",
                                          "_UnionGenericAlias", "_CallableGenericAlias", "_CallableType",
                                          "_TupleType" };
    gs_Type *types[GS_COUNTOF(tnames)];
    for (int i = 0; i < GS_COUNTOF(tnames); i++) {
        char full[64];
        snprintf(full, sizeof full, "typing.%s", tnames[i]);
        types[i] = new_typing_type(vm, full, NULL);
        gs_module_add(vm, m, tnames[i], gs_newref(vm, &types[i]->ob));
    }
    gs_Type *t_typevar = new_typing_type(vm, "typing.TypeVar", typevar_methods);
    gs_Type *t_newtype = new_typing_type(vm, "typing.NewType", newtype_methods);
    gs_Type *t_forward = new_typing_type(vm, "typing.ForwardRef", forward_methods);
    gs_module_add(vm, m, "TypeVar", gs_newref(vm, &t_typevar->ob));
    gs_module_add(vm, m, "NewType", gs_newref(vm, &t_newtype->ob));
    gs_module_add(vm, m, "ForwardRef", gs_newref(vm, &t_forward->ob));
    gs_Type *all_types[] = { types[0], types[1], types[2], types[3], types[4], types[5], types[6],
                             t_typevar, t_newtype, t_forward };
    for (int i = 0; i < GS_COUNTOF(all_types); i++)
        gs_modtype_add_attr(vm, all_types[i], "_typing_module", gs_newref(vm, m));
    /* Generic and Protocol: base classes */
    static const gs_MethodDef generic_methods[] = {
        { "__class_getitem__", generic_class_getitem, 1, 1, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    gs_Type *t_generic = gs_modtype_new(vm, "typing.Generic", vm->t_object, NULL, true);
    gs_type_add_methods(vm, t_generic, generic_methods);
    gs_modtype_add_attr(vm, t_generic, "_typing_module", gs_newref(vm, m));
    gs_module_add(vm, m, "Generic", gs_newref(vm, &t_generic->ob));
    gs_Type *t_protocol = gs_modtype_new(vm, "typing.Protocol", t_generic, NULL, true);
    gs_module_add(vm, m, "Protocol", gs_newref(vm, &t_protocol->ob));
    for (int i = 0; i < GS_COUNTOF(special_generics); i++) {
        const char *n = special_generics[i].name;
        gs_Type *t = strcmp(n, "Callable") == 0 ? types[5] : strcmp(n, "Tuple") == 0 ? types[6] : types[0];
        gs_Object *origin = special_generics[i].origin ? builtin_type(vm, special_generics[i].origin) : NULL;
        gs_Object *o = ty_new(vm, t, TK_SPECIAL_GENERIC, n, origin, NULL);
        if (!o)
            break;
        ((TypingObj *)o)->nparams = special_generics[i].nparams;
        gs_module_add(vm, m, n, o);
    }
    for (int i = 0; special_forms[i]; i++) {
        gs_Object *o = ty_new(vm, types[2], TK_SPECIAL_FORM, special_forms[i], NULL, NULL);
        gs_module_add(vm, m, special_forms[i], o);
    }
    /* AnyStr = TypeVar('AnyStr', bytes, str): gcscope has no bytes */
    gs_Object *anystr = ty_new(vm, t_typevar, TK_TYPEVAR, NULL, NULL, NULL);
    if (anystr) {
        gs_Object *nm = gs_str_from_cstr(vm, "AnyStr");
        if (nm)
            gs_native_set(vm, anystr, &((TypingObj *)anystr)->str_name, GS_NATIVE_FIELD, nm);
        gs_xdecref(vm, nm);
        gs_module_add(vm, m, "AnyStr", anystr);
    }
    gs_Object *str_type = builtin_type(vm, "str");
    if (str_type)
        gs_module_add(vm, m, "Text", gs_newref(vm, str_type));
    gs_module_add(vm, m, "TYPE_CHECKING", GS_BOOL(vm, false));
    static const gs_MethodDef functions[] = {
        { "cast", f_cast, 0, -1, GS_KW },
        { "get_origin", f_get_origin, 0, -1, GS_KW },
        { "get_args", f_get_args, 0, -1, GS_KW },
        { "overload", f_identity, 0, -1, GS_KW },
        { "final", f_identity, 0, -1, GS_KW },
        { "no_type_check", f_identity, 0, -1, GS_KW },
        { "runtime_checkable", f_identity, 0, -1, GS_KW },
        { "assert_never", f_identity, 0, -1, GS_KW },
        { "reveal_type", f_identity, 0, -1, GS_KW },
        { NULL, NULL, 0, 0, 0 },
    };
    if (gs_module_add_functions(vm, m, functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    return m;
}

void gs_typing_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "typing", count, ctx);
}
