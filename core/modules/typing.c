/*
 * typing.c — the typing module, the part teaching programs use: the
 * names annotations import and the objects a program can build and print:
 * List[int], Dict[str, int], Optional[Node], Union[...], Callable[[int],
 * str], Tuple[int, ...], Literal, ClassVar, Final, TypeVar('T'),
 * ParamSpec, TypeVarTuple, Generic, NewType, cast, get_origin and
 * get_args, with Lib/typing.py's reprs ("typing.List[int]",
 * "typing.Optional[__main__.Node]", "~T"), equality and hashing;
 * get_type_hints (string annotations evaluated in the module's globals, a
 * class's bases included); TypedDict in both forms (a _TypedDictMeta class
 * whose calls give plain dicts); Protocol, whose metaclass _ProtocolMeta
 * compares attributes for @runtime_checkable protocols in isinstance and
 * issubclass (it derives from type here, from ABCMeta in CPython, so
 * abstract methods of a protocol are not enforced on its subclasses); the
 * SupportsX protocols.
 *
 * Every typing object here is an instance of one of a few built-in types
 * named as CPython's classes (typing._SpecialGenericAlias, _GenericAlias,
 * _SpecialForm, _UnionGenericAlias, _CallableGenericAlias, TypeVar ...)
 * keeping its origin and arguments as C data.  Generic and Protocol are
 * real base classes; Generic[T] and Stack[int] are aliases whose
 * __mro_entries__ put the class among the bases (the class keeps them as
 * __orig_bases__), and Generic.__init_subclass__ gives a class its
 * __parameters__.  NamedTuple, in both forms, is Lib/typing.py's (below).
 * IO, BinaryIO, TextIO, ParamSpecArgs and ParamSpecKwargs are classes to
 * name only; overload keeps no registry (get_overloads gives []).
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
        if (t->variance == 'T')
            ; /* TypeVarTuple: its name alone */
        else if (t->variance)
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
        gs_buf_printf(&b, "ForwardRef(%s", ((gs_Str *)rr)->data);
        gs_decref(vm, rr);
        if (t->origin) { /* __forward_module__ (kept as the origin) */
            rr = gs_repr(vm, t->origin);
            if (!rr) {
                r = -1;
                break;
            }
            gs_buf_printf(&b, ", module=%s", ((gs_Str *)rr)->data);
            gs_decref(vm, rr);
        }
        gs_buf_addc(&b, ')');
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
    gs_Object *module = gs_type_lookup(cls, gs_name(vm, "_typing_module")); /* Generic's */
    if (!module || GS_KIND(module) != GS_K_MODULE) {
        gs_raise(vm, vm->e_RuntimeError, "typing module missing");
        return NULL;
    }
    gs_Object *a = params_tuple(vm, module, args[0], true);
    if (a && (cls == mtype(vm, module, "Generic") || cls == mtype(vm, module, "Protocol"))) {
        /* Generic[T, ...]: type variables only, each once */
        gs_Tuple *at = (gs_Tuple *)a;
        const char *err = at->len == 0 ? "Parameter list to %s[...] cannot be empty" : NULL;
        for (int32_t i = 0; !err && i < at->len; i++) {
            if (!is_typing(at->items[i]) || ((TypingObj *)at->items[i])->kind != TK_TYPEVAR)
                err = "Parameters to %s[...] must all be type variables or parameter specification variables.";
            for (int32_t j = 0; !err && j < i; j++)
                if (at->items[j] == at->items[i])
                    err = "Parameters to %s[...] must all be unique";
        }
        if (err) {
            const char *dot = strrchr(cls->name->data, '.');
            gs_raise(vm, vm->e_TypeError, err, dot ? dot + 1 : cls->name->data);
            gs_decref(vm, a);
            return NULL;
        }
    }
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

/* ================================================================== NamedTuple
 * Lib/typing.py's: NamedTuple is a function whose __mro_entries__ puts
 * _NamedTuple (a class named 'NamedTuple' whose metaclass is
 * NamedTupleMeta) among a class statement's bases; NamedTupleMeta.__new__
 * gives the class statement a collections.namedtuple made from the body's
 * annotations, its values as defaults, and the body's other names copied
 * on.  Here the function is an instance of typing._NamedTupleFunction,
 * which prints as CPython's function does; Generic among the bases is
 * accepted but not kept (no __class_getitem__ on the result). */

/* _make_nmtuple(name, types, module, defaults): `fields` a list of
 * (name, type) pairs */
static gs_Object *make_nmtuple(gs_VM *vm, gs_Object *tmod, gs_Object *name, gs_Object *pairs, gs_Object *defaults,
                               gs_Object *module)
{
    gs_Object *fields = gs_list_new(vm, 0), *types = gs_dict_new(vm), *res = NULL;
    gs_Object *coll = NULL, *nt = NULL, *kwn = NULL;
    if (!fields || !types)
        goto done;
    for (int32_t i = 0; i < ((gs_List *)pairs)->len; i++) {
        gs_Object *p = ((gs_List *)pairs)->items[i];
        if (GS_KIND(p) != GS_K_TUPLE || ((gs_Tuple *)p)->len != 2) {
            int32_t n = GS_KIND(p) == GS_K_TUPLE ? ((gs_Tuple *)p)->len : -1;
            if (n < 0)
                gs_raise(vm, vm->e_TypeError, "cannot unpack non-iterable %s object", gs_type_name(p));
            else
                gs_raise(vm, vm->e_ValueError, n < 2 ? "not enough values to unpack (expected 2, got %d)"
                                                     : "too many values to unpack (expected 2)", n);
            goto done;
        }
        gs_Object *t = convert_arg(vm, tmod, ((gs_Tuple *)p)->items[1]);
        if (!t || gs_list_append(vm, fields, ((gs_Tuple *)p)->items[0]) < 0 ||
            gs_setitem(vm, types, ((gs_Tuple *)p)->items[0], t) < 0) {
            gs_xdecref(vm, t);
            goto done;
        }
        gs_decref(vm, t);
    }
    coll = gs_import(vm, gs_name(vm, "collections"));
    nt = coll ? gs_getattr(vm, coll, gs_name(vm, "namedtuple")) : NULL;
    kwn = nt ? gs_tuple_new(vm, 2) : NULL;
    if (!kwn)
        goto done;
    gs_tuple_init(vm, kwn, 0, gs_newref(vm, &gs_name(vm, "defaults")->ob));
    gs_tuple_init(vm, kwn, 1, gs_newref(vm, &gs_name(vm, "module")->ob));
    gs_Object *cargs[4] = { name, fields, defaults ? defaults : vm->empty_tuple, module };
    res = gs_call(vm, nt, cargs, 4, (gs_Tuple *)kwn);
    if (res && gs_setattr(vm, res, gs_name(vm, "__annotations__"), types) < 0) {
        gs_decref(vm, res);
        res = NULL;
    }
done:
    gs_xdecref(vm, fields);
    gs_xdecref(vm, types);
    gs_xdecref(vm, coll);
    gs_xdecref(vm, nt);
    gs_xdecref(vm, kwn);
    return res;
}

static bool name_in(const gs_Object *key, const char *const *names)
{
    if (GS_KIND(key) != GS_K_STR)
        return false;
    for (int i = 0; names[i]; i++)
        if (strcmp(((const gs_Str *)key)->data, names[i]) == 0)
            return true;
    return false;
}

/* NamedTupleMeta.__new__(cls, typename, bases, ns) */
static gs_Object *ntmeta_new(GS_ARGS)
{
    static const char *const prohibited[] = { "__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                                              "_field_defaults", "_make", "_replace", "_asdict", "_source", NULL };
    static const char *const special[] = { "__module__", "__name__", "__annotations__", NULL };
    if (gs_npos(nargs, kwnames) != 3 || (kwnames && kwnames->len) || GS_KIND(args[1]) != GS_K_TUPLE ||
        GS_KIND(args[2]) != GS_K_DICT) {
        gs_raise(vm, vm->e_TypeError, "NamedTupleMeta.__new__() takes 4 positional arguments but %d were given",
                 gs_npos(nargs, kwnames) + 1);
        return NULL;
    }
    gs_Object *tmod = gs_type_lookup((gs_Type *)self, gs_name(vm, "_typing_module"));
    gs_Object *nt_cls = tmod ? (gs_Object *)mtype(vm, tmod, "_NamedTuple") : NULL;
    gs_Object *generic = tmod ? (gs_Object *)mtype(vm, tmod, "Generic") : NULL;
    gs_Tuple *bases = (gs_Tuple *)args[1];
    for (int32_t i = 0; i < bases->len; i++)
        if (bases->items[i] != nt_cls && bases->items[i] != generic) {
            gs_raise(vm, vm->e_TypeError, "can only inherit from a NamedTuple type and Generic");
            return NULL;
        }
    gs_Object *ns = args[2];
    gs_Object *ann = gs_dict_get_str(vm, ns, gs_name(vm, "__annotations__"));
    gs_Object *pairs = gs_list_new(vm, 0), *defaults = gs_list_new(vm, 0), *res = NULL, *keys = NULL;
    gs_Buf dn;
    gs_buf_init(&dn);
    int ndefaults = 0;
    if (!pairs || !defaults)
        goto done;
    if (ann) {
        gs_Object *ak = gs_list_from_iterable(vm, ann);
        for (int32_t i = 0; ak && i < ((gs_List *)ak)->len; i++) {
            gs_Object *k = ((gs_List *)ak)->items[i];
            gs_Object *t = gs_getitem(vm, ann, k);
            gs_Object *p = t ? gs_tuple_pack(vm, 2, k, t) : NULL;
            gs_xdecref(vm, t);
            if (!p || gs_list_append(vm, pairs, p) < 0) {
                gs_xdecref(vm, p);
                gs_decref(vm, ak);
                goto done;
            }
            gs_decref(vm, p);
            gs_Object *d = gs_dict_get(vm, ns, k);
            gs_Object *ks = gs_str(vm, k);
            if (!ks) {
                gs_decref(vm, ak);
                goto done;
            }
            if (d) {
                gs_list_append(vm, defaults, d);
                gs_buf_printf(&dn, "%s%s", ndefaults++ ? ", " : "", ((gs_Str *)ks)->data);
            } else if (ndefaults) {
                gs_raise(vm, vm->e_TypeError, "Non-default namedtuple field %s cannot follow default field%s %s",
                         ((gs_Str *)ks)->data, ndefaults > 1 ? "s" : "", dn.data ? dn.data : "");
                gs_decref(vm, ks);
                gs_decref(vm, ak);
                goto done;
            }
            gs_decref(vm, ks);
        }
        if (!ak)
            goto done;
        gs_decref(vm, ak);
    }
    gs_Object *module = gs_dict_get_str(vm, ns, vm->s___module__);
    if (!module) {
        gs_raise(vm, vm->e_KeyError, "'__module__'");
        goto done;
    }
    res = make_nmtuple(vm, tmod, args[0], pairs, defaults, module);
    gs_Object *fields = res ? gs_getattr(vm, res, gs_name(vm, "_fields")) : NULL;
    keys = fields ? gs_list_from_iterable(vm, ns) : NULL;
    for (int32_t i = 0; keys && i < ((gs_List *)keys)->len; i++) {
        gs_Object *k = ((gs_List *)keys)->items[i];
        if (name_in(k, prohibited)) {
            gs_raise(vm, vm->e_AttributeError, "Cannot overwrite NamedTuple attribute %s", ((gs_Str *)k)->data);
            break;
        }
        int in = name_in(k, special) ? 1 : gs_contains(vm, fields, k);
        if (in < 0)
            break;
        if (in || GS_KIND(k) != GS_K_STR)
            continue;
        gs_Object *v = gs_dict_get(vm, ns, k);
        if (v && gs_setattr(vm, res, (gs_Str *)k, v) < 0)
            break;
    }
    gs_xdecref(vm, fields);
    if (vm->exc || !keys) {
        gs_xdecref(vm, res);
        res = NULL;
    }
done:
    gs_buf_free(&dn);
    gs_xdecref(vm, pairs);
    gs_xdecref(vm, defaults);
    gs_xdecref(vm, keys);
    return res;
}

/* NamedTuple(typename, fields=None, /, **kwargs) */
static gs_Object *ntfunc_call(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames), nkw = kwnames ? kwnames->len : 0;
    if (npos < 1 || npos > 2) {
        if (npos < 1)
            gs_raise(vm, vm->e_TypeError, "NamedTuple() missing 1 required positional argument: 'typename'");
        else
            gs_raise(vm, vm->e_TypeError, "NamedTuple() takes from 1 to 2 positional arguments but %d were given", npos);
        return NULL;
    }
    gs_Object *tmod = gs_type_lookup(self->type, gs_name(vm, "_typing_module"));
    gs_Object *pairs = NULL;
    if (npos == 2 && args[1] != vm->none) {
        if (nkw) {
            gs_raise(vm, vm->e_TypeError, "Either list of fields or keywords can be provided to NamedTuple, not both");
            return NULL;
        }
        pairs = gs_list_from_iterable(vm, args[1]);
    } else {
        pairs = gs_list_new(vm, 0);
        for (int i = 0; pairs && i < nkw; i++) {
            gs_Object *p = gs_tuple_pack(vm, 2, kwnames->items[i], args[npos + i]);
            if (!p || gs_list_append(vm, pairs, p) < 0) {
                gs_decref(vm, pairs);
                pairs = NULL;
            }
            gs_xdecref(vm, p);
        }
    }
    if (!pairs)
        return NULL;
    /* module=_caller(): None lets collections.namedtuple take the calling
     * frame's __name__, as it does for a direct call */
    gs_Object *res = make_nmtuple(vm, tmod, args[0], pairs, NULL, vm->none);
    gs_decref(vm, pairs);
    return res;
}

/* NamedTuple.__mro_entries__(bases): (_NamedTuple,) */
static gs_Object *ntfunc_mro_entries(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *tmod = gs_type_lookup(self->type, gs_name(vm, "_typing_module"));
    gs_Type *nt_cls = tmod ? mtype(vm, tmod, "_NamedTuple") : NULL;
    if (!nt_cls) {
        gs_raise(vm, vm->e_RuntimeError, "typing._NamedTuple is missing");
        return NULL;
    }
    return gs_tuple_pack(vm, 1, &nt_cls->ob);
}

static gs_Object *ntfunc_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_str_printf(vm, "<function NamedTuple at %p>", (void *)self);
}

static gs_Object *typing_module_of_type(gs_VM *vm, gs_Type *t)
{
    gs_Object *m = gs_type_lookup(t, gs_name(vm, "_typing_module"));
    return m && GS_KIND(m) == GS_K_MODULE ? m : NULL;
}

/* callable(o) */
static bool is_callable(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    return k == GS_K_FUNCTION || k == GS_K_BUILTIN || k == GS_K_METHOD || k == GS_K_TYPE ||
           gs_type_lookup(o->type, vm->s___call__);
}

/* ParamSpec(name, *, bound=None, covariant=False, contravariant=False): ~P */
static gs_Object *paramspec_new(GS_ARGS)
{
    static const char *const names[] = { "name", "bound", "covariant", "contravariant" };
    static const gs_PySig sig = { "ParamSpec.__init__", names, 1, 1, 3, 1 };
    gs_Object *a[4];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *o = ty_new(vm, (gs_Type *)self, TK_TYPEVAR, NULL, NULL, NULL);
    if (o)
        gs_native_set(vm, o, &((TypingObj *)o)->str_name, GS_NATIVE_FIELD, a[0]);
    return o;
}

/* TypeVarTuple(name): Ts */
static gs_Object *tvtuple_new(GS_ARGS)
{
    static const char *const names[] = { "name" };
    static const gs_PySig sig = { "TypeVarTuple.__init__", names, 1, 1, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *o = ty_new(vm, (gs_Type *)self, TK_TYPEVAR, NULL, NULL, NULL);
    if (o) {
        ((TypingObj *)o)->variance = 'T';
        gs_native_set(vm, o, &((TypingObj *)o)->str_name, GS_NATIVE_FIELD, a[0]);
    }
    return o;
}

/* assert_type(val, typ, /): val */
static gs_Object *f_assert_type(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_npos(nargs, kwnames) != 2 || (kwnames && kwnames->len)) {
        gs_raise(vm, vm->e_TypeError, "assert_type() takes 2 positional arguments but %d were given",
                 gs_npos(nargs, kwnames));
        return NULL;
    }
    return gs_newref(vm, args[0]);
}

/* clear_overloads(): nothing is registered here (overload keeps no registry) */
static gs_Object *f_clear_overloads(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    if (gs_npos(nargs, kwnames) || (kwnames && kwnames->len)) {
        gs_raise(vm, vm->e_TypeError, "clear_overloads() takes 0 positional arguments but %d were given",
                 gs_npos(nargs, kwnames));
        return NULL;
    }
    return GS_NONE(vm);
}

/* get_overloads(func): [] (overload keeps no registry here) */
static gs_Object *f_get_overloads(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "func" };
    static const gs_PySig sig = { "get_overloads", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return gs_list_new(vm, 0);
}

/* dataclass_transform(**kwargs): a decorator that returns what it is given */
static gs_Object *f_dataclass_transform(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    if (gs_npos(nargs, kwnames)) {
        gs_raise(vm, vm->e_TypeError, "dataclass_transform() takes 0 positional arguments but %d were given",
                 gs_npos(nargs, kwnames));
        return NULL;
    }
    return gs_builtin_new(vm, "decorator", f_identity, 0, -1, NULL);
}

/* ================================================================== Generic's parameters */

/* _collect_parameters: the TypeVars in args, in order, once each */
static int collect_params(gs_VM *vm, gs_Object *list, gs_Tuple *args)
{
    for (int32_t i = 0; args && i < args->len; i++) {
        gs_Object *t = args->items[i];
        if (!is_typing(t))
            continue;
        TypingObj *ty = (TypingObj *)t;
        if (ty->kind == TK_TYPEVAR) {
            int in = gs_contains(vm, list, t);
            if (in < 0 || (!in && gs_list_append(vm, list, t) < 0))
                return -1;
        } else if (ty->kind == TK_ALIAS || ty->kind == TK_UNION || ty->kind == TK_CALLABLE) {
            if (!(ty->name && strcmp(ty->name, "Literal") == 0) && collect_params(vm, list, (gs_Tuple *)ty->args) < 0)
                return -1;
        }
    }
    return 0;
}

/* an alias's __parameters__ */
static gs_Object *ty_parameters(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    if ((t->kind == TK_ALIAS || t->kind == TK_UNION || t->kind == TK_CALLABLE) &&
        collect_params(vm, l, (gs_Tuple *)t->args) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    gs_Object *r = gs_tuple_from_iterable(vm, l);
    gs_decref(vm, l);
    return r;
}

/* Generic.__init_subclass__: cls.__parameters__ from __orig_bases__ */
static gs_Object *generic_init_subclass(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (GS_KIND(self) != GS_K_TYPE)
        return GS_NONE(vm);
    gs_Type *cls = (gs_Type *)self;
    gs_Object *tmod = typing_module_of_type(vm, cls);
    gs_Type *generic = tmod ? mtype(vm, tmod, "Generic") : NULL;
    gs_Object *orig = cls->dict ? gs_dict_get_str(vm, &cls->dict->ob, gs_name(vm, "__orig_bases__")) : NULL;
    bool error = false;
    if (orig && GS_KIND(orig) == GS_K_TUPLE) {
        for (int32_t i = 0; i < ((gs_Tuple *)orig)->len; i++)
            if (((gs_Tuple *)orig)->items[i] == &generic->ob)
                error = true;
    } else {
        orig = NULL;
        gs_Type *tdmeta = tmod ? mtype(vm, tmod, "_TypedDictMeta") : NULL;
        for (int32_t i = 0; i < cls->nbases; i++)
            if (cls->bases[i] == generic && strcmp(cls->name->data, "Protocol") != 0 && cls->ob.type != tdmeta)
                error = true;
    }
    if (error) {
        gs_raise(vm, vm->e_TypeError, "Cannot inherit from plain Generic");
        return NULL;
    }
    gs_Object *tvars = gs_list_new(vm, 0);
    if (!tvars)
        return NULL;
    if (orig) {
        if (collect_params(vm, tvars, (gs_Tuple *)orig) < 0)
            goto fail;
        gs_Tuple *gvars = NULL;
        for (int32_t i = 0; i < ((gs_Tuple *)orig)->len; i++) {
            gs_Object *b = ((gs_Tuple *)orig)->items[i];
            if (is_typing(b) && ((TypingObj *)b)->kind == TK_ALIAS && ((TypingObj *)b)->origin == &generic->ob) {
                if (gvars) {
                    gs_raise(vm, vm->e_TypeError, "Cannot inherit from Generic[...] multiple types.");
                    goto fail;
                }
                gvars = (gs_Tuple *)((TypingObj *)b)->args;
            }
        }
        if (gvars) {
            gs_Buf missing;
            gs_buf_init(&missing);
            int nmiss = 0;
            for (int32_t i = 0; i < ((gs_List *)tvars)->len; i++) {
                gs_Object *tv = ((gs_List *)tvars)->items[i];
                bool in = false;
                for (int32_t j = 0; j < gvars->len; j++)
                    in = in || gvars->items[j] == tv;
                if (!in) {
                    gs_Object *s = gs_str(vm, tv);
                    if (s)
                        gs_buf_printf(&missing, "%s%s", nmiss++ ? ", " : "", ((gs_Str *)s)->data);
                    gs_xdecref(vm, s);
                }
            }
            if (nmiss) {
                gs_Buf all;
                gs_buf_init(&all);
                for (int32_t j = 0; j < gvars->len; j++) {
                    gs_Object *s = gs_str(vm, gvars->items[j]);
                    if (s)
                        gs_buf_printf(&all, "%s%s", j ? ", " : "", ((gs_Str *)s)->data);
                    gs_xdecref(vm, s);
                }
                gs_raise(vm, vm->e_TypeError, "Some type variables (%s) are not listed in Generic[%s]",
                         missing.data ? missing.data : "", all.data ? all.data : "");
                gs_buf_free(&all);
                gs_buf_free(&missing);
                goto fail;
            }
            gs_buf_free(&missing);
            gs_list_clear(vm, tvars);
            for (int32_t j = 0; j < gvars->len; j++)
                if (gs_list_append(vm, tvars, gvars->items[j]) < 0)
                    goto fail;
        }
    }
    gs_Object *params = gs_tuple_from_iterable(vm, tvars);
    int r = params ? gs_setattr(vm, self, gs_name(vm, "__parameters__"), params) : -1;
    gs_xdecref(vm, params);
    gs_decref(vm, tvars);
    return r < 0 ? NULL : GS_NONE(vm);
fail:
    gs_decref(vm, tvars);
    return NULL;
}

/* _GenericAlias.__mro_entries__(bases): what a class statement puts in
 * place of List[int], Generic[T] or Stack[int] among its bases */
static gs_Object *ty_mro_entries(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    TypingObj *t = (TypingObj *)self;
    gs_Object *bases = args[0];
    gs_Object *tmod = module_of(vm, self);
    gs_Type *generic = tmod ? mtype(vm, tmod, "Generic") : NULL;
    gs_Type *protocol = tmod ? mtype(vm, tmod, "Protocol") : NULL;
    if ((t->kind != TK_ALIAS && t->kind != TK_SPECIAL_GENERIC) || !t->origin || GS_KIND(t->origin) != GS_K_TYPE ||
        GS_KIND(bases) != GS_K_TUPLE || !generic) {
        const char *rs;
        gs_Object *rr = repr_of(vm, self, &rs);
        if (t->kind == TK_TYPEVAR) { /* TypeVar is the metaclass: TypeVar('X', bases, ns) refuses the tuple */
            gs_Object *br = gs_repr(vm, bases);
            if (br)
                gs_raise(vm, vm->e_TypeError, "TypeVar(name, constraint, ...): constraints must be types. Got %.100s.",
                         ((gs_Str *)br)->data);
            gs_xdecref(vm, br);
        } else
            gs_raise(vm, vm->e_TypeError, "Cannot subclass %s", rs);
        gs_xdecref(vm, rr);
        return NULL;
    }
    gs_Tuple *bt = (gs_Tuple *)bases;
    int32_t at = 0;
    while (at < bt->len && bt->items[at] != self)
        at++;
    if (t->name) { /* List[int]: the class, and Generic unless a later base brings it */
        gs_Object *res = gs_list_new(vm, 0);
        bool in = false;
        for (int32_t i = 0; i < bt->len; i++)
            in = in || bt->items[i] == t->origin;
        if (res && !in)
            gs_list_append(vm, res, t->origin);
        bool later = false;
        for (int32_t i = at + 1; i < bt->len; i++) {
            gs_Object *b = bt->items[i];
            if (is_typing(b) || (GS_KIND(b) == GS_K_TYPE && gs_issubtype((gs_Type *)b, generic)))
                later = true;
        }
        if (res && !later)
            gs_list_append(vm, res, &generic->ob);
        gs_Object *r = res ? gs_tuple_from_iterable(vm, res) : NULL;
        gs_xdecref(vm, res);
        return r;
    }
    if (t->origin == &generic->ob) {
        for (int32_t i = 0; i < bt->len; i++)
            if (bt->items[i] == &protocol->ob)
                return gs_tuple_new(vm, 0);
        for (int32_t i = at + 1; i < bt->len; i++)
            if (is_typing(bt->items[i]) && bt->items[i] != self)
                return gs_tuple_new(vm, 0);
    }
    return gs_tuple_pack(vm, 1, t->origin);
}

/* ================================================================== TypedDict */

/* class Movie(TypedDict, total=False) and TypedDict('Movie', {...}):
 * Lib/typing.py's _TypedDictMeta makes a dict subclass whose calls give
 * plain dicts, with __annotations__, __required_keys__, __optional_keys__
 * and __total__. */

/* frozenset of the keys, in order */
static int keys_into(gs_VM *vm, gs_Object *set, gs_Object *from)
{
    if (!from)
        return 0;
    gs_Object *it = gs_iter(vm, from), *k;
    while (it && (k = gs_next(vm, it)) != NULL) {
        int r = gs_set_add(vm, set, k);
        gs_decref(vm, k);
        if (r < 0)
            break;
    }
    gs_xdecref(vm, it);
    return vm->exc ? -1 : 0;
}

/* the origin of a typing alias (Required[int] -> Required), or NULL */
static gs_Object *alias_origin(gs_Object *o)
{
    if (!is_typing(o))
        return NULL;
    TypingObj *t = (TypingObj *)o;
    return t->kind == TK_ALIAS || t->kind == TK_UNION || t->kind == TK_CALLABLE ? t->origin : NULL;
}

static gs_Object *td_build(gs_VM *vm, gs_Type *meta, gs_Object *name, gs_Tuple *bases, gs_Object *ns, gs_Object *total)
{
    gs_Object *tmod = typing_module_of_type(vm, meta);
    gs_Type *generic = tmod ? mtype(vm, tmod, "Generic") : NULL;
    if (!tmod || !generic || GS_KIND(name) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "_TypedDictMeta.__new__() needs a name, bases and a namespace");
        return NULL;
    }
    bool has_generic = false;
    for (int32_t i = 0; i < bases->len; i++) {
        gs_Object *b = bases->items[i];
        if (b->type != meta && b != &generic->ob) {
            gs_raise(vm, vm->e_TypeError, "cannot inherit from both a TypedDict type and a non-TypedDict base class");
            return NULL;
        }
        if (GS_KIND(b) == GS_K_TYPE && gs_issubtype((gs_Type *)b, generic))
            has_generic = true;
    }
    gs_Type *nb[2];
    int32_t n = 0;
    if (has_generic)
        nb[n++] = generic;
    nb[n++] = vm->t_dict;
    gs_Object *tp = gs_type_new_from(vm, meta, (gs_Str *)name, nb, n, ns, NULL, NULL);
    if (!tp)
        return NULL;
    gs_Object *ann = gs_dict_new(vm), *req = gs_set_new(vm, false), *opt = gs_set_new(vm, false);
    gs_Object *own = gs_dict_get_str(vm, ns, gs_name(vm, "__annotations__"));
    gs_Object *own_conv = gs_dict_new(vm);
    if (!ann || !req || !opt || !own_conv)
        goto fail;
    if (own) {
        gs_Object *keys = gs_list_from_iterable(vm, own);
        for (int32_t i = 0; keys && i < ((gs_List *)keys)->len; i++) {
            gs_Object *k = ((gs_List *)keys)->items[i];
            gs_Object *v = gs_getitem(vm, own, k);
            gs_Object *c = v ? convert_arg(vm, tmod, v) : NULL;
            if (c && GS_KIND(v) == GS_K_STR) { /* _type_check(tp, msg, module=tp_dict.__module__) */
                gs_Object *mod = gs_dict_get_str(vm, ns, vm->s___module__);
                if (mod)
                    gs_native_set(vm, c, &((TypingObj *)c)->origin, GS_NATIVE_FIELD + 1, mod);
            }
            gs_xdecref(vm, v);
            if (!c || gs_dict_set(vm, own_conv, k, c) < 0) {
                gs_xdecref(vm, c);
                break;
            }
            gs_decref(vm, c);
        }
        gs_xdecref(vm, keys);
        if (vm->exc)
            goto fail;
    }
    for (int32_t i = 0; i < bases->len; i++) {
        gs_Type *b = (gs_Type *)bases->items[i];
        gs_Object *bd = b->dict ? &b->dict->ob : NULL;
        if (!bd)
            continue;
        gs_Object *ba = gs_dict_get_str(vm, bd, gs_name(vm, "__annotations__"));
        if (ba && gs_dict_update(vm, ann, ba) < 0)
            goto fail;
        if (keys_into(vm, req, gs_dict_get_str(vm, bd, gs_name(vm, "__required_keys__"))) < 0 ||
            keys_into(vm, opt, gs_dict_get_str(vm, bd, gs_name(vm, "__optional_keys__"))) < 0)
            goto fail;
    }
    if (gs_dict_update(vm, ann, own_conv) < 0)
        goto fail;
    int is_total = gs_truthy(vm, total);
    if (is_total < 0)
        goto fail;
    gs_Object *annotated = gs_dict_get_str(vm, &((gs_Module *)tmod)->dict->ob, gs_name(vm, "Annotated"));
    gs_Object *required = gs_dict_get_str(vm, &((gs_Module *)tmod)->dict->ob, gs_name(vm, "Required"));
    gs_Object *notrequired = gs_dict_get_str(vm, &((gs_Module *)tmod)->dict->ob, gs_name(vm, "NotRequired"));
    gs_Dict *od = (gs_Dict *)own_conv;
    for (int32_t i = 0; i < od->t.nentries; i++) {
        gs_Object *k = od->t.entries[i].key, *v = od->t.entries[i].value;
        if (!k || !v)
            continue;
        gs_Object *origin = alias_origin(v);
        if (origin && origin == annotated) {
            gs_Tuple *aa = (gs_Tuple *)((TypingObj *)v)->args;
            if (aa && aa->len)
                origin = alias_origin(aa->items[0]);
        }
        gs_Object *into = origin && origin == required       ? req
                          : origin && origin == notrequired ? opt
                          : is_total                        ? req
                                                            : opt;
        if (gs_set_add(vm, into, k) < 0)
            goto fail;
    }
    gs_Object *freq = gs_set_from_iterable(vm, true, req), *fopt = freq ? gs_set_from_iterable(vm, true, opt) : NULL;
    int r = fopt ? 0 : -1;
    if (r == 0)
        r = gs_setattr(vm, tp, gs_name(vm, "__annotations__"), ann);
    if (r == 0)
        r = gs_setattr(vm, tp, gs_name(vm, "__required_keys__"), freq);
    if (r == 0)
        r = gs_setattr(vm, tp, gs_name(vm, "__optional_keys__"), fopt);
    gs_xdecref(vm, freq);
    gs_xdecref(vm, fopt);
    if (r == 0 && !gs_type_lookup((gs_Type *)tp, gs_name(vm, "__total__")))
        r = gs_setattr(vm, tp, gs_name(vm, "__total__"), (is_total ? vm->true_ : vm->false_));
    if (r < 0)
        goto fail;
    gs_decref(vm, ann);
    gs_decref(vm, req);
    gs_decref(vm, opt);
    gs_decref(vm, own_conv);
    return tp;
fail:
    gs_xdecref(vm, ann);
    gs_xdecref(vm, req);
    gs_xdecref(vm, opt);
    gs_xdecref(vm, own_conv);
    gs_decref(vm, tp);
    return NULL;
}

/* _TypedDictMeta.__new__(cls, name, bases, ns, total=True) */
static gs_Object *tdmeta_new(GS_ARGS)
{
    static const char *const names[] = { "name", "bases", "ns", "total" };
    static const gs_PySig sig = { "_TypedDictMeta.__new__", names, 4, 3, 0, 1 };
    gs_Object *a[4];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (GS_KIND(a[1]) != GS_K_TUPLE || GS_KIND(a[2]) != GS_K_DICT) {
        gs_raise(vm, vm->e_TypeError, "_TypedDictMeta.__new__() needs a tuple of bases and a dict");
        return NULL;
    }
    gs_Type *meta = mtype(vm, typing_module_of_type(vm, (gs_Type *)self), "_TypedDictMeta");
    return td_build(vm, meta ? meta : (gs_Type *)self, a[0], (gs_Tuple *)a[1], a[2], a[3] ? a[3] : vm->true_);
}

/* __call__ = dict: Movie(name=..., year=...) is a plain dict */
static gs_Object *tdmeta_call(GS_ARGS)
{
    GS_UNUSED(self);
    return gs_call(vm, &vm->t_dict->ob, args, nargs, kwnames);
}

static gs_Object *tdmeta_check(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_raise(vm, vm->e_TypeError, "TypedDict does not support instance and class checks");
    return NULL;
}

/* the __name__ of the module whose code called (typing._caller) */
static gs_Object *caller_module(gs_VM *vm)
{
    gs_Object *g = vm->frame ? vm->frame->globals : NULL;
    gs_Object *n = g && GS_KIND(g) == GS_K_DICT ? gs_dict_get_str(vm, g, vm->s___name__) : NULL;
    return n ? n : vm->none;
}

/* TypedDict(typename, fields=None, /, *, total=True, **kwargs) */
static gs_Object *tdfunc_call(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames), nkw = kwnames ? kwnames->len : 0;
    if (npos < 1 || npos > 2) {
        if (npos < 1)
            gs_raise(vm, vm->e_TypeError, "TypedDict() missing 1 required positional argument: 'typename'");
        else
            gs_raise(vm, vm->e_TypeError, "TypedDict() takes from 1 to 2 positional arguments but %d were given", npos);
        return NULL;
    }
    gs_Object *tmod = typing_module_of_type(vm, self->type);
    gs_Type *meta = tmod ? mtype(vm, tmod, "_TypedDictMeta") : NULL;
    if (!meta) {
        gs_raise(vm, vm->e_RuntimeError, "typing._TypedDictMeta is missing");
        return NULL;
    }
    gs_Object *total = vm->true_;
    gs_Object *kw = gs_dict_new(vm);
    for (int i = 0; kw && i < nkw; i++) {
        if (strcmp(((gs_Str *)kwnames->items[i])->data, "total") == 0)
            total = args[npos + i];
        else if (gs_dict_set(vm, kw, kwnames->items[i], args[npos + i]) < 0) {
            gs_decref(vm, kw);
            kw = NULL;
        }
    }
    if (!kw)
        return NULL;
    gs_Object *fields = npos == 2 && args[1] != vm->none ? args[1] : NULL;
    if (fields && gs_len(vm, kw) > 0) {
        gs_decref(vm, kw);
        gs_raise(vm, vm->e_TypeError, "TypedDict takes either a dict or keyword arguments, but not both");
        return NULL;
    }
    if (gs_len(vm, kw) > 0)
        gs_warn_deprecated(vm, "The kwargs-based syntax for TypedDict definitions is deprecated in Python 3.11, will be "
                               "removed in Python 3.13, and may not be understood by third-party type checkers.");
    gs_Object *ann = fields ? gs_call(vm, &vm->t_dict->ob, &fields, 1, NULL) : gs_newref(vm, kw);
    gs_decref(vm, kw);
    gs_Object *ns = ann ? gs_dict_new(vm) : NULL;
    gs_Object *res = NULL;
    if (ns && gs_dict_set(vm, ns, &gs_name(vm, "__annotations__")->ob, ann) == 0) {
        gs_Object *mod = caller_module(vm);
        if (mod == vm->none || gs_dict_set(vm, ns, &vm->s___module__->ob, mod) == 0) {
            gs_Object *bases = gs_tuple_new(vm, 0);
            if (bases)
                res = td_build(vm, meta, args[0], (gs_Tuple *)bases, ns, total);
            gs_xdecref(vm, bases);
        }
    }
    gs_xdecref(vm, ns);
    gs_xdecref(vm, ann);
    return res;
}

/* TypedDict.__mro_entries__(bases): (_TypedDict,) */
static gs_Object *tdfunc_mro_entries(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *tmod = typing_module_of_type(vm, self->type);
    gs_Type *td = tmod ? mtype(vm, tmod, "_TypedDict") : NULL;
    if (!td) {
        gs_raise(vm, vm->e_RuntimeError, "typing._TypedDict is missing");
        return NULL;
    }
    return gs_tuple_pack(vm, 1, &td->ob);
}

static gs_Object *tdfunc_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_str_printf(vm, "<function TypedDict at %p>", (void *)self);
}

/* is_typeddict(tp) */
static gs_Object *f_is_typeddict(GS_ARGS)
{
    static const char *const names[] = { "tp" };
    static const gs_PySig sig = { "is_typeddict", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Type *meta = mtype(vm, self, "_TypedDictMeta");
    return GS_BOOL(vm, meta && gs_isinstance(a[0], meta));
}

/* ================================================================== get_type_hints */

static gs_Object *eval_type(gs_VM *vm, gs_Object *tmod, gs_Object *t, gs_Object *g, gs_Object *l);

/* ForwardRef._evaluate: eval(arg, globalns, localns), then _type_check */
static gs_Object *eval_forward(gs_VM *vm, gs_Object *tmod, gs_Object *src, gs_Object *g, gs_Object *l)
{
    gs_Object *ev = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "eval"));
    if (!ev) {
        gs_raise(vm, vm->e_RuntimeError, "eval is missing");
        return NULL;
    }
    gs_Object *cargs[3] = { src, g, l };
    gs_Object *v = gs_call(vm, ev, cargs, 3, NULL);
    if (!v)
        return NULL;
    gs_Object *c = convert_arg(vm, tmod, v);
    gs_decref(vm, v);
    if (!c || (is_typing(c) && ((TypingObj *)c)->kind == TK_FORWARD))
        return c;
    gs_Object *r = eval_type(vm, tmod, c, g, l);
    gs_decref(vm, c);
    return r;
}

/* _eval_type: ForwardRefs evaluated, inside aliases too (a new alias
 * only when an argument changed) */
static gs_Object *eval_type(gs_VM *vm, gs_Object *tmod, gs_Object *t, gs_Object *g, gs_Object *l)
{
    if (is_typing(t) && ((TypingObj *)t)->kind == TK_FORWARD)
        return eval_forward(vm, tmod, ((TypingObj *)t)->str_name, g, l);
    if (!is_typing(t))
        return gs_newref(vm, t);
    TypingObj *ty = (TypingObj *)t;
    if ((ty->kind != TK_ALIAS && ty->kind != TK_UNION && ty->kind != TK_CALLABLE) || !ty->args)
        return gs_newref(vm, t);
    if (ty->kind == TK_ALIAS && ty->name && strcmp(ty->name, "Literal") == 0)
        return gs_newref(vm, t);
    gs_Tuple *a = (gs_Tuple *)ty->args;
    gs_Object *na = gs_tuple_new(vm, a->len);
    bool changed = false;
    for (int32_t i = 0; na && i < a->len; i++) {
        gs_Object *e = eval_type(vm, tmod, a->items[i], g, l);
        if (!e) {
            for (int32_t j = i; j < a->len; j++)
                gs_tuple_init(vm, na, j, GS_NONE(vm));
            gs_decref(vm, na);
            return NULL;
        }
        changed = changed || e != a->items[i];
        gs_tuple_init(vm, na, i, e);
    }
    if (!na)
        return NULL;
    gs_Object *r;
    if (!changed)
        r = gs_newref(vm, t);
    else if (ty->kind == TK_UNION)
        r = make_union(vm, tmod, na);
    else {
        r = ty_new(vm, t->type, ty->kind, ty->name, ty->origin, na);
        if (r)
            ((TypingObj *)r)->nparams = ty->nparams;
    }
    gs_decref(vm, na);
    return r;
}

/* _strip_annotations, for the outer Annotated, Required and NotRequired */
static gs_Object *strip_annotations(gs_VM *vm, gs_Object *tmod, gs_Object *t)
{
    gs_Object *origin = alias_origin(t);
    gs_Object *md = &((gs_Module *)tmod)->dict->ob;
    if (origin && (origin == gs_dict_get_str(vm, md, gs_name(vm, "Annotated")) ||
                   origin == gs_dict_get_str(vm, md, gs_name(vm, "Required")) ||
                   origin == gs_dict_get_str(vm, md, gs_name(vm, "NotRequired")))) {
        gs_Tuple *a = (gs_Tuple *)((TypingObj *)t)->args;
        if (a && a->len)
            return strip_annotations(vm, tmod, a->items[0]);
    }
    return gs_newref(vm, t);
}

/* hints[name] = _eval_type(value) for each annotation of `ann` */
static int hints_from(gs_VM *vm, gs_Object *tmod, gs_Object *hints, gs_Object *ann, gs_Object *g, gs_Object *l)
{
    gs_Object *keys = gs_list_from_iterable(vm, ann);
    for (int32_t i = 0; keys && i < ((gs_List *)keys)->len; i++) {
        gs_Object *k = ((gs_List *)keys)->items[i];
        gs_Object *v = gs_getitem(vm, ann, k);
        gs_Object *c = v ? convert_arg(vm, tmod, v) : NULL;
        gs_xdecref(vm, v);
        gs_Object *e = c ? eval_type(vm, tmod, c, g, l) : NULL;
        gs_xdecref(vm, c);
        if (!e || gs_dict_set(vm, hints, k, e) < 0) {
            gs_xdecref(vm, e);
            break;
        }
        gs_decref(vm, e);
    }
    gs_xdecref(vm, keys);
    return vm->exc ? -1 : 0;
}

/* get_type_hints(obj, globalns=None, localns=None, include_extras=False) */
static gs_Object *f_get_type_hints(GS_ARGS)
{
    static const char *const names[] = { "obj", "globalns", "localns", "include_extras" };
    static const gs_PySig sig = { "get_type_hints", names, 4, 1, 0, 0 };
    gs_Object *a[4];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *tmod = self, *obj = a[0];
    gs_Object *globalns = a[1] && a[1] != vm->none ? a[1] : NULL, *localns = a[2] && a[2] != vm->none ? a[2] : NULL;
    int extras = a[3] ? gs_truthy(vm, a[3]) : 0;
    if (extras < 0)
        return NULL;
    gs_Object *hints = gs_dict_new(vm);
    if (!hints)
        return NULL;
    if (GS_KIND(obj) == GS_K_TYPE) {
        gs_Type *t = (gs_Type *)obj;
        for (int32_t i = t->nmro - 1; i >= 0; i--) {
            gs_Type *base = t->mro[i];
            gs_Object *ann = base->dict ? gs_dict_get_str(vm, &base->dict->ob, gs_name(vm, "__annotations__")) : NULL;
            if (!ann || GS_KIND(ann) != GS_K_DICT)
                continue;
            gs_Object *bg = NULL, *bl = NULL;
            if (globalns)
                bg = gs_newref(vm, globalns);
            else {
                gs_Object *mn = gs_getattr(vm, obj == &base->ob ? obj : &base->ob, vm->s___module__);
                gs_Object *mod = mn ? gs_dict_get(vm, vm->modules, mn) : NULL;
                gs_xdecref(vm, mn);
                bg = mod && GS_KIND(mod) == GS_K_MODULE ? gs_newref(vm, &((gs_Module *)mod)->dict->ob) : gs_dict_new(vm);
            }
            bl = localns ? gs_newref(vm, localns) : gs_dict_copy(vm, &base->dict->ob);
            if (!bg || !bl) {
                gs_xdecref(vm, bg);
                gs_xdecref(vm, bl);
                goto fail;
            }
            /* with neither given, eval looks in the class's namespace first */
            bool swap = !localns && !globalns;
            int r = hints_from(vm, tmod, hints, ann, swap ? bl : bg, swap ? bg : bl);
            gs_decref(vm, bg);
            gs_decref(vm, bl);
            if (r < 0)
                goto fail;
        }
    } else {
        if (!globalns) {
            if (GS_KIND(obj) == GS_K_MODULE)
                globalns = &((gs_Module *)obj)->dict->ob;
            else {
                gs_Object *gl = gs_lookup_attr(vm, obj, gs_name(vm, "__globals__"));
                if (vm->exc)
                    goto fail;
                globalns = gl ? gl : NULL;
                if (gl)
                    gs_decref(vm, gl); /* the function keeps it */
            }
        }
        gs_Object *empty = NULL;
        if (!globalns)
            globalns = empty = gs_dict_new(vm);
        if (!localns)
            localns = globalns;
        gs_Object *ann = gs_lookup_attr(vm, obj, gs_name(vm, "__annotations__"));
        if (!ann && gs_exc_matches(vm, vm->e_AttributeError))
            gs_clear_exc(vm);
        int r = -1;
        if (!ann && !vm->exc) {
            if (GS_KIND(obj) == GS_K_FUNCTION || GS_KIND(obj) == GS_K_BUILTIN || GS_KIND(obj) == GS_K_MODULE ||
                GS_KIND(obj) == GS_K_METHOD)
                r = 0;
            else {
                gs_Object *rr = gs_repr(vm, obj);
                if (rr)
                    gs_raise(vm, vm->e_TypeError, "%s is not a module, class, method, or function.",
                             ((gs_Str *)rr)->data);
                gs_xdecref(vm, rr);
            }
        } else if (ann)
            r = hints_from(vm, tmod, hints, ann, globalns, localns);
        gs_xdecref(vm, ann);
        gs_xdecref(vm, empty);
        if (r < 0)
            goto fail;
    }
    if (extras)
        return hints;
    gs_Dict *hd = (gs_Dict *)hints;
    for (int32_t i = 0; i < hd->t.nentries; i++) {
        gs_Object *k = hd->t.entries[i].key, *v = hd->t.entries[i].value;
        if (!k || !v)
            continue;
        gs_Object *s = strip_annotations(vm, tmod, v);
        if (!s)
            goto fail;
        if (s != v && gs_dict_set(vm, hints, k, s) < 0) {
            gs_decref(vm, s);
            goto fail;
        }
        gs_decref(vm, s);
    }
    return hints;
fail:
    gs_decref(vm, hints);
    return NULL;
}

/* ================================================================== Protocol */

/* Lib/typing.py's EXCLUDED_ATTRIBUTES (and the class's own bookkeeping) */
static bool protocol_excluded(const char *n)
{
    static const char *const ex[] = { "__parameters__", "__orig_bases__", "__orig_class__", "_is_protocol",
                                      "_is_runtime_protocol", "__abstractmethods__", "__annotations__", "__dict__",
                                      "__doc__", "__init__", "__module__", "__new__", "__slots__", "__subclasshook__",
                                      "__weakref__", "__class_getitem__", "_MutableMapping__marker", "__qualname__",
                                      "__init_subclass__", "__firstlineno__", "_typing_module", NULL };
    if (strncmp(n, "_abc_", 5) == 0)
        return true;
    for (int i = 0; ex[i]; i++)
        if (strcmp(n, ex[i]) == 0)
            return true;
    return false;
}

/* _get_protocol_attrs: a list of the names the protocol asks for */
static gs_Object *protocol_attrs(gs_VM *vm, gs_Type *cls)
{
    gs_Object *attrs = gs_list_new(vm, 0);
    gs_Object *tmod = typing_module_of_type(vm, cls);
    gs_Type *generic = tmod ? mtype(vm, tmod, "Generic") : NULL, *protocol = tmod ? mtype(vm, tmod, "Protocol") : NULL;
    for (int32_t i = 0; attrs && i < cls->nmro - 1; i++) {
        gs_Type *base = cls->mro[i];
        if (base == generic || base == protocol || !base->dict)
            continue;
        gs_Object *srcs[2] = { &base->dict->ob, gs_dict_get_str(vm, &base->dict->ob, gs_name(vm, "__annotations__")) };
        for (int s = 0; s < 2; s++) {
            if (!srcs[s] || GS_KIND(srcs[s]) != GS_K_DICT)
                continue;
            gs_Dict *d = (gs_Dict *)srcs[s];
            for (int32_t j = 0; j < d->t.nentries; j++) {
                gs_Object *k = d->t.entries[j].key;
                if (!k || !d->t.entries[j].value || GS_KIND(k) != GS_K_STR || protocol_excluded(((gs_Str *)k)->data))
                    continue;
                int in = gs_contains(vm, attrs, k);
                if (in < 0 || (!in && gs_list_append(vm, attrs, k) < 0)) {
                    gs_decref(vm, attrs);
                    return NULL;
                }
            }
        }
    }
    return attrs;
}

/* getattr(cls, name, False) as 0/1 */
static int class_flag(gs_VM *vm, gs_Object *cls, const char *name)
{
    gs_Object *v = gs_lookup_attr(vm, cls, gs_name(vm, name));
    if (!v)
        return vm->exc ? -1 : 0;
    int t = gs_truthy(vm, v);
    gs_decref(vm, v);
    return t;
}

/* whether every attribute of the protocol is callable on the class */
static int callable_members_only(gs_VM *vm, gs_Type *cls, gs_Object *attrs)
{
    for (int32_t i = 0; i < ((gs_List *)attrs)->len; i++) {
        gs_Object *v = gs_lookup_attr(vm, &cls->ob, (gs_Str *)((gs_List *)attrs)->items[i]);
        if (!v && vm->exc)
            return -1;
        bool c = v && is_callable(vm, v);
        gs_xdecref(vm, v);
        if (!c)
            return 0;
    }
    return 1;
}

/* getattr(v, "__isabstractmethod__", False) as 0/1, -1 on error */
static int is_abstract(gs_VM *vm, gs_Object *v)
{
    gs_Object *r = v ? gs_lookup_attr(vm, v, gs_name(vm, "__isabstractmethod__")) : NULL;
    if (!r)
        return vm->exc ? -1 : 0;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* ABCMeta's _abc_init (compute_abstract_methods): cls.__abstractmethods__,
 * the names still abstract, own or inherited (object.__new__ refuses a
 * class with any) */
static int set_abstracts(gs_VM *vm, gs_Type *cls)
{
    gs_Object *abstracts = gs_set_new(vm, false);
    if (!abstracts)
        return -1;
    gs_Dict *d = cls->dict;
    for (int32_t i = 0; d && i < d->t.nentries; i++) {
        gs_Object *k = d->t.entries[i].key, *v = d->t.entries[i].value;
        if (!k || !v)
            continue;
        int a = is_abstract(vm, v);
        if (a < 0 || (a && gs_set_add(vm, abstracts, k) < 0))
            goto fail;
    }
    for (int32_t b = 0; b < cls->nbases; b++) {
        gs_Object *names = gs_lookup_attr(vm, &cls->bases[b]->ob, gs_name(vm, "__abstractmethods__"));
        if (!names) {
            if (vm->exc && !gs_exc_matches(vm, vm->e_AttributeError))
                goto fail;
            gs_clear_exc(vm);
            continue;
        }
        gs_Object *it = gs_iter(vm, names), *n;
        gs_decref(vm, names);
        while (it && (n = gs_next(vm, it)) != NULL) {
            gs_Object *v = GS_KIND(n) == GS_K_STR ? gs_lookup_attr(vm, &cls->ob, (gs_Str *)n) : NULL;
            int a = vm->exc ? -1 : is_abstract(vm, v);
            gs_xdecref(vm, v);
            if (a < 0 || (a && gs_set_add(vm, abstracts, n) < 0)) {
                gs_decref(vm, n);
                break;
            }
            gs_decref(vm, n);
        }
        gs_xdecref(vm, it);
        if (vm->exc)
            goto fail;
    }
    gs_Object *fs = gs_set_from_iterable(vm, true, abstracts);
    int r = fs ? gs_setattr(vm, &cls->ob, gs_name(vm, "__abstractmethods__"), fs) : -1;
    gs_xdecref(vm, fs);
    gs_decref(vm, abstracts);
    return r;
fail:
    gs_decref(vm, abstracts);
    return -1;
}

/* _ProtocolMeta.__new__(mcls, name, bases, ns, **kwargs): ABCMeta's,
 * type.__new__ and the class's abstract methods */
static gs_Object *protometa_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos != 3 || GS_KIND(args[0]) != GS_K_STR || GS_KIND(args[1]) != GS_K_TUPLE || GS_KIND(args[2]) != GS_K_DICT) {
        gs_raise(vm, vm->e_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", npos);
        return NULL;
    }
    gs_Object *cls = gs_type_new(vm, (gs_Type *)self, (gs_Str *)args[0], args[1], args[2], args + 3, kwnames);
    if (cls && GS_KIND(cls) == GS_K_TYPE && set_abstracts(vm, (gs_Type *)cls) < 0) {
        gs_decref(vm, cls);
        return NULL;
    }
    return cls;
}

/* Protocol.__init__ (_no_init_or_replace_init): a protocol class cannot
 * be instantiated; a class derived from one has object's __init__ */
static gs_Object *protocol_init(GS_ARGS)
{
    int p = class_flag(vm, &self->type->ob, "_is_protocol");
    if (p < 0)
        return NULL;
    if (p) {
        gs_raise(vm, vm->e_TypeError, "Protocols cannot be instantiated");
        return NULL;
    }
    GS_UNUSED(args);
    if (nargs) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no arguments", self->type->name->data);
        return NULL;
    }
    GS_UNUSED(kwnames);
    return GS_NONE(vm);
}

/* _ProtocolMeta.__instancecheck__(cls, instance) */
static gs_Object *protometa_instancecheck(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 1 || GS_KIND(self) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "__instancecheck__() takes exactly one argument (%d given)", nargs);
        return NULL;
    }
    gs_Type *cls = (gs_Type *)self;
    gs_Object *inst = args[0];
    int is_proto = class_flag(vm, self, "_is_protocol");
    int is_runtime = is_proto > 0 ? class_flag(vm, self, "_is_runtime_protocol") : 0;
    if (is_proto < 0 || is_runtime < 0)
        return NULL;
    if (is_proto && !is_runtime) {
        gs_raise(vm, vm->e_TypeError, "Instance and class checks can only be used with @runtime_checkable protocols");
        return NULL;
    }
    if (!is_proto)
        return GS_BOOL(vm, gs_issubtype(inst->type, cls));
    if (gs_issubtype(inst->type, cls))
        return GS_BOOL(vm, true);
    gs_Object *attrs = protocol_attrs(vm, cls);
    if (!attrs)
        return NULL;
    bool all = true;
    for (int32_t i = 0; all && i < ((gs_List *)attrs)->len; i++) {
        gs_Str *n = (gs_Str *)((gs_List *)attrs)->items[i];
        gs_Object *v = gs_lookup_attr(vm, inst, n);
        if (!v) {
            if (vm->exc) {
                gs_decref(vm, attrs);
                return NULL;
            }
            all = false;
            continue;
        }
        /* a method can be blocked by setting it to None */
        if (v == vm->none) {
            gs_Object *cv = gs_lookup_attr(vm, self, n);
            if (cv && is_callable(vm, cv))
                all = false;
            gs_xdecref(vm, cv);
        }
        gs_decref(vm, v);
    }
    gs_decref(vm, attrs);
    return GS_BOOL(vm, all);
}

/* _ProtocolMeta.__subclasscheck__ (through _proto_hook) */
static gs_Object *protometa_subclasscheck(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 1 || GS_KIND(self) != GS_K_TYPE) {
        gs_raise(vm, vm->e_TypeError, "__subclasscheck__() takes exactly one argument (%d given)", nargs);
        return NULL;
    }
    gs_Type *cls = (gs_Type *)self;
    gs_Object *other = args[0];
    int is_proto = cls->dict && gs_dict_get_str(vm, &cls->dict->ob, gs_name(vm, "_is_protocol")) == vm->true_;
    if (!is_proto || GS_KIND(other) != GS_K_TYPE) {
        if (GS_KIND(other) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "issubclass() arg 1 must be a class");
            return NULL;
        }
        return GS_BOOL(vm, gs_issubtype((gs_Type *)other, cls));
    }
    if (gs_issubtype((gs_Type *)other, cls))
        return GS_BOOL(vm, true);
    int is_runtime = class_flag(vm, self, "_is_runtime_protocol");
    if (is_runtime < 0)
        return NULL;
    if (!is_runtime) {
        gs_raise(vm, vm->e_TypeError, "Instance and class checks can only be used with @runtime_checkable protocols");
        return NULL;
    }
    gs_Object *attrs = protocol_attrs(vm, cls);
    int only = attrs ? callable_members_only(vm, cls, attrs) : -1;
    if (only <= 0) {
        gs_xdecref(vm, attrs);
        if (only == 0)
            gs_raise(vm, vm->e_TypeError, "Protocols with non-method members don't support issubclass()");
        return NULL;
    }
    gs_Type *ot = (gs_Type *)other;
    bool ok = true;
    for (int32_t i = 0; ok && i < ((gs_List *)attrs)->len; i++) {
        gs_Object *n = ((gs_List *)attrs)->items[i];
        bool found = false;
        for (int32_t j = 0; !found && j < ot->nmro; j++) {
            gs_Type *b = ot->mro[j];
            gs_Object *v = b->dict ? gs_dict_get(vm, &b->dict->ob, n) : NULL;
            if (v) {
                found = true;
                if (v == vm->none)
                    ok = false;
            }
        }
        if (!found)
            ok = false;
    }
    gs_decref(vm, attrs);
    return GS_BOOL(vm, ok);
}

/* Protocol.__init_subclass__: cls._is_protocol says whether Protocol is
 * among its own bases */
static gs_Object *protocol_init_subclass(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (GS_KIND(self) != GS_K_TYPE)
        return GS_NONE(vm);
    gs_Type *cls = (gs_Type *)self;
    gs_Object *own = cls->dict ? gs_dict_get_str(vm, &cls->dict->ob, gs_name(vm, "_is_protocol")) : NULL;
    if (own && own == vm->true_)
        return GS_NONE(vm);
    bool direct = false;
    for (int32_t i = 0; i < cls->nbases; i++)
        if (strcmp(cls->bases[i]->name->data, "Protocol") == 0 && cls->bases[i]->module &&
            strcmp(cls->bases[i]->module->data, "typing") == 0)
            direct = true;
    if (gs_setattr(vm, self, gs_name(vm, "_is_protocol"), (direct ? vm->true_ : vm->false_)) < 0)
        return NULL;
    /* if cls.__init__ is Protocol.__init__: cls.__init__ = _no_init_or_replace_init */
    gs_Object *init = gs_type_lookup(cls, gs_name(vm, "__init__"));
    if (init && GS_KIND(init) == GS_K_BUILTIN && ((gs_Builtin *)init)->fn == protocol_init &&
        gs_dict_set(vm, &cls->dict->ob, &gs_name(vm, "__init__")->ob, init) < 0)
        return NULL;
    return generic_init_subclass(vm, self, args, nargs, kwnames);
}

/* runtime_checkable(cls) */
static gs_Object *f_runtime_checkable(GS_ARGS)
{
    static const char *const names[] = { "cls" };
    static const gs_PySig sig = { "runtime_checkable", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Type *generic = mtype(vm, self, "Generic");
    int is_proto = GS_KIND(a[0]) == GS_K_TYPE ? class_flag(vm, a[0], "_is_protocol") : 0;
    if (is_proto < 0)
        return NULL;
    if (!generic || GS_KIND(a[0]) != GS_K_TYPE || !gs_issubtype((gs_Type *)a[0], generic) || !is_proto) {
        gs_Object *rr = gs_repr(vm, a[0]);
        if (rr)
            gs_raise(vm, vm->e_TypeError, "@runtime_checkable can be only applied to protocol classes, got %s",
                     ((gs_Str *)rr)->data);
        gs_xdecref(vm, rr);
        return NULL;
    }
    if (gs_setattr(vm, a[0], gs_name(vm, "_is_runtime_protocol"), vm->true_) < 0)
        return NULL;
    return gs_newref(vm, a[0]);
}

/* ================================================================== the module */

static const gs_MethodDef alias_methods[] = {
    { "__getitem__", ty_getitem, 1, 1, 0 },
    { "__repr__", ty_repr, 0, 0, 0 },
    { "__call__", ty_call, 0, -1, GS_KW },
    { "__eq__", ty_eq, 1, 1, 0 },
    { "__hash__", ty_hash, 0, 0, 0 },
    { "__mro_entries__", ty_mro_entries, 1, 1, 0 },
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

static const gs_MethodDef paramspec_methods[] = {
    { "__new__", paramspec_new, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef tvtuple_methods[] = {
    { "__new__", tvtuple_new, 0, -1, GS_KW },
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
    { "AsyncContextManager", NULL, 1 }, { "ByteString", NULL, 0 },     { "Pattern", NULL, 1 },
    { "Match", NULL, 1 },
};

static const char *const special_forms[] = {
    "Any", "Optional", "Union", "ClassVar", "Final", "Literal", "Annotated", "NoReturn", "Never", "Self",
    "LiteralString", "TypeAlias", "TypeGuard", "Required", "NotRequired", "Concatenate", "Unpack", NULL,
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
    gs_type_add_getter(vm, t, "__parameters__", ty_parameters);
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
    gs_Type *t_paramspec = new_typing_type(vm, "typing.ParamSpec", paramspec_methods);
    gs_Type *t_tvtuple = new_typing_type(vm, "typing.TypeVarTuple", tvtuple_methods);
    gs_module_add(vm, m, "ParamSpec", gs_newref(vm, &t_paramspec->ob));
    gs_module_add(vm, m, "TypeVarTuple", gs_newref(vm, &t_tvtuple->ob));
    gs_module_add(vm, m, "TypeVar", gs_newref(vm, &t_typevar->ob));
    gs_module_add(vm, m, "NewType", gs_newref(vm, &t_newtype->ob));
    gs_module_add(vm, m, "ForwardRef", gs_newref(vm, &t_forward->ob));
    gs_Type *all_types[] = { types[0], types[1], types[2], types[3], types[4], types[5], types[6],
                             t_typevar, t_newtype, t_forward, t_paramspec, t_tvtuple };
    for (int i = 0; i < GS_COUNTOF(all_types); i++)
        gs_modtype_add_attr(vm, all_types[i], "_typing_module", gs_newref(vm, m));
    /* Generic and Protocol: base classes */
    static const gs_MethodDef generic_methods[] = {
        { "__class_getitem__", generic_class_getitem, 1, 1, 0 },
        { "__init_subclass__", generic_init_subclass, 0, -1, GS_KW | GS_CLASSMETH },
        { NULL, NULL, 0, 0, 0 },
    };
    gs_Type *t_generic = gs_modtype_new(vm, "typing.Generic", vm->t_object, NULL, true);
    gs_type_add_methods(vm, t_generic, generic_methods);
    gs_modtype_add_attr(vm, t_generic, "_typing_module", gs_newref(vm, m));
    gs_module_add(vm, m, "Generic", gs_newref(vm, &t_generic->ob));
    /* Protocol: a class of _ProtocolMeta (type here, ABCMeta in CPython),
     * whose __instancecheck__ compares attributes for @runtime_checkable
     * protocols */
    static const gs_MethodDef protometa_methods[] = {
        { "__new__", protometa_new, 0, -1, GS_KW },
        { "__instancecheck__", protometa_instancecheck, 1, 1, 0 },
        { "__subclasscheck__", protometa_subclasscheck, 1, 1, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    static const gs_MethodDef protocol_methods[] = {
        { "__init__", protocol_init, 0, -1, GS_KW },
        { "__init_subclass__", protocol_init_subclass, 0, -1, GS_KW | GS_CLASSMETH },
        { NULL, NULL, 0, 0, 0 },
    };
    gs_Type *protometa = gs_modtype_new(vm, "typing._ProtocolMeta", vm->t_type, NULL, true);
    gs_type_add_methods(vm, protometa, protometa_methods);
    gs_type_update_hooks(vm, protometa);
    gs_module_add(vm, m, "_ProtocolMeta", gs_newref(vm, &protometa->ob));
    gs_Type *t_protocol = NULL;
    {
        gs_Object *ns = gs_dict_new(vm);
        gs_Object *mod = gs_str_intern(vm, "typing", 6);
        if (ns && mod && gs_dict_set(vm, ns, &vm->s___module__->ob, mod) == 0 &&
            gs_dict_set(vm, ns, &gs_name(vm, "_is_protocol")->ob, vm->true_) == 0 &&
            gs_dict_set(vm, ns, &gs_name(vm, "_is_runtime_protocol")->ob, vm->false_) == 0)
            t_protocol = (gs_Type *)gs_type_new_from(vm, protometa, gs_name(vm, "Protocol"), &t_generic, 1, ns, NULL, NULL);
        gs_xdecref(vm, ns);
        gs_xdecref(vm, mod);
    }
    if (!t_protocol) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_type_add_methods(vm, t_protocol, protocol_methods);
    gs_module_add(vm, m, "Protocol", &t_protocol->ob);
    if (set_abstracts(vm, t_protocol) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    /* the runtime-checkable protocols of one method (SupportsInt ...): the
     * method is a stand-in for Lib/typing.py's abstract one */
    static const char *const supports[][2] = { { "SupportsInt", "__int__" },     { "SupportsFloat", "__float__" },
                                               { "SupportsComplex", "__complex__" }, { "SupportsBytes", "__bytes__" },
                                               { "SupportsIndex", "__index__" }, { "SupportsAbs", "__abs__" },
                                               { "SupportsRound", "__round__" } };
    for (int i = 0; i < GS_COUNTOF(supports); i++) {
        gs_Object *ns = gs_dict_new(vm);
        gs_Object *mod = gs_str_intern(vm, "typing", 6);
        gs_Object *fn = gs_builtin_new(vm, supports[i][1], f_identity, 0, -1, NULL);
        gs_Object *c = NULL;
        if (ns && mod && fn && gs_dict_set(vm, ns, &vm->s___module__->ob, mod) == 0 &&
            gs_dict_set(vm, ns, &gs_name(vm, supports[i][1])->ob, fn) == 0 &&
            gs_dict_set(vm, ns, &gs_name(vm, "_is_runtime_protocol")->ob, vm->true_) == 0)
            c = gs_type_new_from(vm, protometa, gs_name(vm, supports[i][0]), &t_protocol, 1, ns, NULL, NULL);
        gs_xdecref(vm, ns);
        gs_xdecref(vm, mod);
        gs_xdecref(vm, fn);
        gs_Object *nm = c ? gs_str_from_cstr(vm, supports[i][1]) : NULL;
        gs_Object *one = nm ? gs_tuple_pack(vm, 1, nm) : NULL;
        gs_Object *am = one ? gs_set_from_iterable(vm, true, one) : NULL;
        int ok = am ? gs_setattr(vm, c, gs_name(vm, "__abstractmethods__"), am) : -1;
        gs_xdecref(vm, nm);
        gs_xdecref(vm, one);
        gs_xdecref(vm, am);
        if (c && ok == 0)
            gs_module_add(vm, m, supports[i][0], c);
        else {
            gs_xdecref(vm, c);
            gs_clear_exc(vm);
        }
    }
    /* IO[AnyStr], BinaryIO, TextIO, ParamSpecArgs, ParamSpecKwargs: classes to name */
    gs_Type *t_io = gs_modtype_new(vm, "typing.IO", t_generic, NULL, true);
    gs_module_add(vm, m, "IO", gs_newref(vm, &t_io->ob));
    gs_module_add(vm, m, "BinaryIO", gs_newref(vm, &gs_modtype_new(vm, "typing.BinaryIO", t_io, NULL, true)->ob));
    gs_module_add(vm, m, "TextIO", gs_newref(vm, &gs_modtype_new(vm, "typing.TextIO", t_io, NULL, true)->ob));
    gs_module_add(vm, m, "ParamSpecArgs",
                  gs_newref(vm, &gs_modtype_new(vm, "typing.ParamSpecArgs", vm->t_object, NULL, false)->ob));
    gs_module_add(vm, m, "ParamSpecKwargs",
                  gs_newref(vm, &gs_modtype_new(vm, "typing.ParamSpecKwargs", vm->t_object, NULL, false)->ob));
    /* TypedDict: _TypedDictMeta, _TypedDict made through it, and the function */
    {
        static const gs_MethodDef meta_methods[] = {
            { "__new__", tdmeta_new, 0, -1, GS_KW },
            { "__call__", tdmeta_call, 0, -1, GS_KW },
            { "__subclasscheck__", tdmeta_check, 0, -1, GS_KW },
            { "__instancecheck__", tdmeta_check, 0, -1, GS_KW },
            { NULL, NULL, 0, 0, 0 },
        };
        static const gs_MethodDef func_methods[] = {
            { "__call__", tdfunc_call, 0, -1, GS_KW },
            { "__mro_entries__", tdfunc_mro_entries, 1, 1, 0 },
            { "__repr__", tdfunc_repr, 0, 0, 0 },
            { NULL, NULL, 0, 0, 0 },
        };
        gs_Type *meta = gs_modtype_new(vm, "typing._TypedDictMeta", vm->t_type, NULL, true);
        gs_type_add_methods(vm, meta, meta_methods);
        gs_modtype_add_attr(vm, meta, "_typing_module", gs_newref(vm, m));
        gs_type_update_hooks(vm, meta);
        gs_module_add(vm, m, "_TypedDictMeta", gs_newref(vm, &meta->ob));
        gs_Object *ns = gs_dict_new(vm);
        gs_Object *mod = gs_str_intern(vm, "typing", 6);
        if (ns && mod)
            gs_dict_set(vm, ns, &vm->s___module__->ob, mod);
        gs_xdecref(vm, mod);
        gs_Object *tdc = ns ? gs_type_new_from(vm, meta, gs_name(vm, "TypedDict"), NULL, 0, ns, NULL, NULL) : NULL;
        gs_xdecref(vm, ns);
        if (tdc)
            gs_module_add(vm, m, "_TypedDict", tdc);
        gs_Type *t_func = gs_modtype_new(vm, "typing._TypedDictFunction", vm->t_object, NULL, false);
        gs_type_add_methods(vm, t_func, func_methods);
        gs_modtype_add_attr(vm, t_func, "_typing_module", gs_newref(vm, m));
        gs_Object *f = gs_instance_new(vm, t_func);
        if (f)
            gs_module_add(vm, m, "TypedDict", f);
    }
    /* NamedTuple: NamedTupleMeta(type), _NamedTuple made through it, and
     * the function */
    {
        static const gs_MethodDef meta_methods[] = { { "__new__", ntmeta_new, 0, -1, GS_KW }, { NULL, NULL, 0, 0, 0 } };
        static const gs_MethodDef func_methods[] = {
            { "__call__", ntfunc_call, 0, -1, GS_KW },
            { "__mro_entries__", ntfunc_mro_entries, 1, 1, 0 },
            { "__repr__", ntfunc_repr, 0, 0, 0 },
            { NULL, NULL, 0, 0, 0 },
        };
        gs_Type *meta = gs_modtype_new(vm, "typing.NamedTupleMeta", vm->t_type, NULL, true);
        gs_type_add_methods(vm, meta, meta_methods);
        gs_modtype_add_attr(vm, meta, "_typing_module", gs_newref(vm, m));
        gs_type_update_hooks(vm, meta);
        gs_Object *ns = gs_dict_new(vm);
        gs_Object *mod = gs_str_intern(vm, "typing", 6);
        if (ns && mod)
            gs_dict_set(vm, ns, &vm->s___module__->ob, mod);
        gs_xdecref(vm, mod);
        gs_Object *ntc = ns ? gs_type_new_from(vm, meta, gs_name(vm, "NamedTuple"), NULL, 0, ns, NULL, NULL) : NULL;
        gs_xdecref(vm, ns);
        gs_module_add(vm, m, "NamedTupleMeta", gs_newref(vm, &meta->ob));
        if (ntc)
            gs_module_add(vm, m, "_NamedTuple", ntc);
        gs_Type *t_func = gs_modtype_new(vm, "typing._NamedTupleFunction", vm->t_object, NULL, false);
        gs_type_add_methods(vm, t_func, func_methods);
        gs_modtype_add_attr(vm, t_func, "_typing_module", gs_newref(vm, m));
        gs_Object *f = gs_instance_new(vm, t_func);
        if (f)
            gs_module_add(vm, m, "NamedTuple", f);
    }
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
        { "runtime_checkable", f_runtime_checkable, 0, -1, GS_KW },
        { "get_type_hints", f_get_type_hints, 0, -1, GS_KW },
        { "is_typeddict", f_is_typeddict, 0, -1, GS_KW },
        { "assert_type", f_assert_type, 0, -1, GS_KW },
        { "clear_overloads", f_clear_overloads, 0, -1, GS_KW },
        { "get_overloads", f_get_overloads, 0, -1, GS_KW },
        { "dataclass_transform", f_dataclass_transform, 0, -1, GS_KW },
        { "no_type_check_decorator", f_identity, 0, -1, GS_KW },
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
