/*
 * operator.c — the operator module (Modules/_operator.c, which
 * Lib/operator.py re-exports): Python's operators as functions (add, lt,
 * not_, getitem, iadd ...; each also under its dunder name, __add__ is add)
 * and three callable types, itemgetter, attrgetter and methodcaller, whose
 * instances keep what they were made with as C data (gs_NativeOps): the
 * collector and the trace see those references as CPython's tp_traverse
 * shows them.
 *
 * The functions are C functions in CPython too, so their messages are
 * C's: "add expected 2 arguments, got 1", "_operator.neg() takes exactly
 * one argument (0 given)".
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

/* ================================================================== argument checks */

/* _PyArg_CheckPositional(name, nargs, n, n) and no keywords */
static int check_n(gs_VM *vm, const char *name, int n, int nargs, gs_Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "_operator.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs == n)
        return 0;
    if (n == 1) {
        gs_raise(vm, vm->e_TypeError, "_operator.%s() takes exactly one argument (%d given)", name, nargs);
        return -1;
    }
    gs_raise(vm, vm->e_TypeError, "%s expected %d arguments, got %d", name, n, nargs);
    return -1;
}

/* ================================================================== the operators */

#define BINOP(fname, opcode, inplace)                                                                              \
    static gs_Object *op_##fname(GS_ARGS)                                                                            \
    {                                                                                                                \
        GS_UNUSED(self);                                                                                             \
        if (check_n(vm, #fname, 2, nargs, kwnames) < 0)                                                              \
            return NULL;                                                                                             \
        return gs_binary_op(vm, opcode, args[0], args[1], inplace);                                                 \
    }

BINOP(add, GS_OP_ADD, false)
BINOP(sub, GS_OP_SUB, false)
BINOP(mul, GS_OP_MUL, false)
BINOP(matmul, GS_OP_MATMUL, false)
BINOP(truediv, GS_OP_TRUEDIV, false)
BINOP(floordiv, GS_OP_FLOORDIV, false)
BINOP(mod, GS_OP_MOD, false)
BINOP(pow, GS_OP_POW, false)
BINOP(lshift, GS_OP_LSHIFT, false)
BINOP(rshift, GS_OP_RSHIFT, false)
BINOP(or_, GS_OP_BITOR, false)
BINOP(xor, GS_OP_BITXOR, false)
BINOP(and_, GS_OP_BITAND, false)
BINOP(iadd, GS_OP_ADD, true)
BINOP(isub, GS_OP_SUB, true)
BINOP(imul, GS_OP_MUL, true)
BINOP(imatmul, GS_OP_MATMUL, true)
BINOP(itruediv, GS_OP_TRUEDIV, true)
BINOP(ifloordiv, GS_OP_FLOORDIV, true)
BINOP(imod, GS_OP_MOD, true)
BINOP(ipow, GS_OP_POW, true)
BINOP(ilshift, GS_OP_LSHIFT, true)
BINOP(irshift, GS_OP_RSHIFT, true)
BINOP(ior, GS_OP_BITOR, true)
BINOP(ixor, GS_OP_BITXOR, true)
BINOP(iand, GS_OP_BITAND, true)

#define CMPOP(fname, opcode)                                                                                       \
    static gs_Object *op_##fname(GS_ARGS)                                                                            \
    {                                                                                                                \
        GS_UNUSED(self);                                                                                             \
        if (check_n(vm, #fname, 2, nargs, kwnames) < 0)                                                              \
            return NULL;                                                                                             \
        return gs_compare(vm, opcode, args[0], args[1]);                                                            \
    }

CMPOP(lt, GS_CMP_LT)
CMPOP(le, GS_CMP_LE)
CMPOP(eq, GS_CMP_EQ)
CMPOP(ne, GS_CMP_NE)
CMPOP(gt, GS_CMP_GT)
CMPOP(ge, GS_CMP_GE)

/* -x, +x, ~x (which: 0, 1, 2, as GS_UNARY_*) */
static gs_Object *unary(gs_VM *vm, gs_Object *a, int which) { return gs_unary_op(vm, which, a); }

static gs_Object *op_neg(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "neg", 1, nargs, kwnames) < 0 ? NULL : unary(vm, args[0], 0);
}

static gs_Object *op_pos(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "pos", 1, nargs, kwnames) < 0 ? NULL : unary(vm, args[0], 1);
}

static gs_Object *op_inv(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "inv", 1, nargs, kwnames) < 0 ? NULL : unary(vm, args[0], 2);
}

static gs_Object *op_invert(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "invert", 1, nargs, kwnames) < 0 ? NULL : unary(vm, args[0], 2);
}

/* abs(x): the builtin */
static gs_Object *op_abs(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "abs", 1, nargs, kwnames) < 0)
        return NULL;
    gs_Object *f = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "abs"));
    if (!f) {
        gs_raise(vm, vm->e_NameError, "name 'abs' is not defined");
        return NULL;
    }
    return gs_call(vm, f, args, 1, NULL);
}

static gs_Object *op_not_(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "not_", 1, nargs, kwnames) < 0)
        return NULL;
    int t = gs_truthy(vm, args[0]);
    return t < 0 ? NULL : GS_BOOL(vm, !t);
}

static gs_Object *op_truth(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "truth", 1, nargs, kwnames) < 0)
        return NULL;
    int t = gs_truthy(vm, args[0]);
    return t < 0 ? NULL : GS_BOOL(vm, t);
}

static gs_Object *op_is_(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "is_", 2, nargs, kwnames) < 0 ? NULL : GS_BOOL(vm, args[0] == args[1]);
}

static gs_Object *op_is_not(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "is_not", 2, nargs, kwnames) < 0 ? NULL : GS_BOOL(vm, args[0] != args[1]);
}

static gs_Object *op_index(GS_ARGS)
{
    GS_UNUSED(self);
    int64_t v;
    if (check_n(vm, "index", 1, nargs, kwnames) < 0)
        return NULL;
    if (GS_KIND(args[0]) == GS_K_INT) /* of any size: itself */
        return gs_newref(vm, args[0]);
    if (gs_index_arg(vm, args[0], &v) < 0)
        return NULL;
    return gs_int_new(vm, v);
}

/* PySequence_Check: a sequence type, or an instance with __getitem__ (not a dict) */
static bool is_sequence(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_LIST || k == GS_K_TUPLE || k == GS_K_STR || k == GS_K_RANGE)
        return true;
    return k == GS_K_INSTANCE && gs_type_lookup(o->type, vm->s___getitem__) != NULL;
}

static gs_Object *concat(gs_VM *vm, gs_Object **args, bool inplace)
{
    if (!is_sequence(vm, args[0]) || !is_sequence(vm, args[1])) {
        gs_Kind k = GS_KIND(args[0]);
        if (k != GS_K_LIST && k != GS_K_TUPLE && k != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "'%s' object can't be concatenated", gs_type_name(args[0]));
            return NULL;
        }
    }
    return gs_binary_op(vm, GS_OP_ADD, args[0], args[1], inplace);
}

static gs_Object *op_concat(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "concat", 2, nargs, kwnames) < 0 ? NULL : concat(vm, args, false);
}

static gs_Object *op_iconcat(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "iconcat", 2, nargs, kwnames) < 0 ? NULL : concat(vm, args, true);
}

static gs_Object *op_contains(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "contains", 2, nargs, kwnames) < 0)
        return NULL;
    int r = gs_contains(vm, args[0], args[1]);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* countOf / indexOf: walk the iterable comparing by identity, then == */
static int64_t seq_search(gs_VM *vm, gs_Object *seq, gs_Object *v, bool count)
{
    gs_Object *it = gs_iter(vm, seq);
    if (!it)
        return -2;
    int64_t i = 0, n = 0;
    gs_Object *item;
    while ((item = gs_next(vm, it)) != NULL) {
        int eq = item == v ? 1 : gs_equal(vm, item, v);
        gs_decref(vm, item);
        if (eq < 0) {
            gs_decref(vm, it);
            return -2;
        }
        if (eq) {
            if (!count) {
                gs_decref(vm, it);
                return i;
            }
            n++;
        }
        i++;
    }
    gs_decref(vm, it);
    if (vm->exc)
        return -2;
    return count ? n : -1;
}

static gs_Object *op_countOf(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "countOf", 2, nargs, kwnames) < 0)
        return NULL;
    int64_t n = seq_search(vm, args[0], args[1], true);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *op_indexOf(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "indexOf", 2, nargs, kwnames) < 0)
        return NULL;
    int64_t n = seq_search(vm, args[0], args[1], false);
    if (n == -1)
        gs_raise(vm, vm->e_ValueError, "sequence.index(x): x not in sequence");
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *op_getitem(GS_ARGS)
{
    GS_UNUSED(self);
    return check_n(vm, "getitem", 2, nargs, kwnames) < 0 ? NULL : gs_getitem(vm, args[0], args[1]);
}

static gs_Object *op_setitem(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "setitem", 3, nargs, kwnames) < 0 || gs_setitem(vm, args[0], args[1], args[2]) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *op_delitem(GS_ARGS)
{
    GS_UNUSED(self);
    if (check_n(vm, "delitem", 2, nargs, kwnames) < 0 || gs_delitem(vm, args[0], args[1]) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* length_hint(obj, default=0) */
static gs_Object *op_length_hint(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "length_hint() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, "length_hint expected %s, got %d",
                 nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
        return NULL;
    }
    int64_t dflt = 0;
    if (nargs == 2 && !gs_is_intlike(args[1])) {
        gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(args[1]));
        return NULL;
    }
    if (nargs == 2)
        dflt = gs_intlike_value(vm, args[1]);
    gs_Object *o = args[0];
    gs_Kind k = GS_KIND(o);
    bool has_len = k == GS_K_LIST || k == GS_K_TUPLE || k == GS_K_STR || k == GS_K_DICT || k == GS_K_SET ||
                   k == GS_K_RANGE || (k == GS_K_INSTANCE && gs_type_lookup(o->type, vm->s___len__));
    if (has_len) {
        int64_t n = gs_len(vm, o);
        return n < 0 ? NULL : gs_int_new(vm, n);
    }
    if (k == GS_K_ITER) {
        /* the iterators of the built-in sequences know what is left */
        gs_Iter *it = (gs_Iter *)o;
        if (it->seq && (it->ikind == GS_IT_LIST || it->ikind == GS_IT_TUPLE)) {
            int64_t n = gs_len(vm, it->seq);
            if (n < 0)
                return NULL;
            return gs_int_new(vm, n - it->index > 0 ? n - it->index : 0);
        }
        if (it->ikind == GS_IT_RANGE) {
            int64_t left = it->step > 0 ? (it->stop - it->index + it->step - 1) / it->step
                                        : (it->index - it->stop - it->step - 1) / -it->step;
            return gs_int_new(vm, left > 0 ? left : 0);
        }
    }
    gs_Object *m = k == GS_K_INSTANCE ? gs_type_lookup(o->type, gs_name(vm, "__length_hint__")) : NULL;
    if (m) {
        gs_Object *r = gs_call(vm, m, &o, 1, NULL);
        if (!r)
            return NULL;
        if (r == vm->notimpl) {
            gs_decref(vm, r);
            return gs_int_new(vm, dflt);
        }
        return r;
    }
    return gs_int_new(vm, dflt);
}

/* call(obj, /, *args, **kwargs) */
static gs_Object *op_call(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_npos(nargs, kwnames) < 1) {
        gs_raise(vm, vm->e_TypeError, "call() missing required argument 'obj' (pos 1)");
        return NULL;
    }
    return gs_call(vm, args[0], args + 1, nargs - 1, kwnames);
}

/* ================================================================== itemgetter */

typedef struct ItemGetter {
    gs_Instance inst;
    gs_Object *item; /* the one item, or the tuple of them */
    int64_t nitems;
} ItemGetter;

/* CPython's types here are heap types, which their instances traverse, in
 * _operator.c's order.  Here they are static types, whose instances'
 * alloc events do not imply the edge to the class (the timeline draws it
 * for heap types only): the edge is a field of its own, recorded when the
 * object is made. */
enum { TYPE_FIELD = GS_NATIVE_FIELD - 1 };

static int visit_type(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    return fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, TYPE_FIELD), arg);
}

static gs_Object *new_instance(gs_VM *vm, gs_Type *t)
{
    gs_Object *o = gs_instance_new(vm, t);
    if (o)
        gs_record_field(vm, o, TYPE_FIELD, NULL, &t->ob);
    return o;
}

static int ig_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *item = ((ItemGetter *)o)->item;
    int r = visit_type(vm, o, fn, arg);
    if (r)
        return r;
    return item ? fn(vm, o, item, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void ig_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &((ItemGetter *)o)->item, GS_NATIVE_FIELD, NULL);
}

static const gs_NativeOps itemgetter_ops = { .gc = true, .size = sizeof(ItemGetter), .traverse = ig_traverse, .clear = ig_clear };

static gs_Object *tuple_of_args(gs_VM *vm, gs_Object **args, int n)
{
    gs_Object *t = gs_tuple_new(vm, n);
    for (int i = 0; t && i < n; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, args[i]));
    return t;
}

static gs_Object *ig_new(GS_ARGS)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "itemgetter() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1) {
        gs_raise(vm, vm->e_TypeError, "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    gs_Object *item = nargs == 1 ? gs_newref(vm, args[0]) : tuple_of_args(vm, args, nargs);
    if (!item)
        return NULL;
    gs_Object *o = new_instance(vm, (gs_Type *)self);
    if (o) {
        ((ItemGetter *)o)->nitems = nargs;
        gs_native_set(vm, o, &((ItemGetter *)o)->item, GS_NATIVE_FIELD, item);
    }
    gs_decref(vm, item);
    return o;
}

/* one argument, no keywords: the messages of the callable types */
static int call_one(gs_VM *vm, const char *name, int nargs, gs_Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        gs_raise(vm, vm->e_TypeError, "%s expected 1 argument, got %d", name, nargs);
        return -1;
    }
    return 0;
}

static gs_Object *ig_call(GS_ARGS)
{
    ItemGetter *ig = (ItemGetter *)self;
    if (call_one(vm, "itemgetter", nargs, kwnames) < 0)
        return NULL;
    if (!ig->item) {
        gs_raise(vm, vm->e_TypeError, "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    if (ig->nitems == 1)
        return gs_getitem(vm, args[0], ig->item);
    gs_Tuple *items = (gs_Tuple *)ig->item;
    gs_Object *t = gs_tuple_new(vm, items->len);
    if (!t)
        return NULL;
    for (int32_t i = 0; i < items->len; i++) {
        gs_Object *v = gs_getitem(vm, args[0], items->items[i]);
        if (!v) {
            for (int32_t j = i; j < items->len; j++)
                gs_tuple_init(vm, t, j, GS_NONE(vm));
            gs_decref(vm, t);
            return NULL;
        }
        gs_tuple_init(vm, t, i, v);
    }
    return t;
}

/* "operator.NAME(" + the reprs of args + ")" */
static gs_Object *repr_call(gs_VM *vm, gs_Object *self, const char *name, gs_Object **items, int n, gs_Object *kw)
{
    int rc = gs_repr_enter(vm, self);
    if (rc != 0)
        return rc < 0 ? NULL : gs_str_printf(vm, "operator.%s(...)", name);
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "operator.%s(", name);
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        gs_Object *r = gs_repr(vm, items[i]);
        if (!r) {
            ok = false;
            break;
        }
        if (i)
            gs_buf_adds(&b, ", ");
        gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
        gs_decref(vm, r);
    }
    int32_t pos = 0;
    gs_Object *k, *v;
    while (ok && kw && gs_dict_next(kw, &pos, &k, &v)) {
        gs_Object *r = gs_repr(vm, v);
        if (!r) {
            ok = false;
            break;
        }
        gs_buf_adds(&b, ", ");
        gs_Object *ks = gs_str(vm, k);
        if (ks) {
            gs_buf_add(&b, ((gs_Str *)ks)->data, (size_t)((gs_Str *)ks)->len);
            gs_decref(vm, ks);
        }
        gs_buf_addc(&b, '=');
        gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
        gs_decref(vm, r);
    }
    gs_repr_leave(vm, self);
    if (!ok) {
        gs_buf_free(&b);
        return NULL;
    }
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

static gs_Object *ig_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    ItemGetter *ig = (ItemGetter *)self;
    if (!ig->item)
        return repr_call(vm, self, "itemgetter", NULL, 0, NULL);
    if (ig->nitems == 1)
        return repr_call(vm, self, "itemgetter", &ig->item, 1, NULL);
    gs_Tuple *t = (gs_Tuple *)ig->item;
    return repr_call(vm, self, "itemgetter", t->items, t->len, NULL);
}

/* ================================================================== attrgetter */

typedef struct AttrGetter {
    gs_Instance inst;
    gs_Object *attr; /* tuple: each a str, or a tuple of the str parts of a dotted name */
    int64_t nattrs;
} AttrGetter;

static int ag_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *a = ((AttrGetter *)o)->attr;
    int r = a ? fn(vm, o, a, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
    return r ? r : visit_type(vm, o, fn, arg);
}

static void ag_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &((AttrGetter *)o)->attr, GS_NATIVE_FIELD, NULL);
}

static const gs_NativeOps attrgetter_ops = { .gc = true, .size = sizeof(AttrGetter), .traverse = ag_traverse, .clear = ag_clear };

/* "a.b.c" -> ('a', 'b', 'c'), a plain name -> the interned name */
static gs_Object *split_dotted(gs_VM *vm, gs_Str *s)
{
    const char *d = memchr(s->data, '.', (size_t)s->len);
    if (!d)
        return gs_str_intern(vm, s->data, (size_t)s->len);
    int n = 1;
    for (int32_t i = 0; i < s->len; i++)
        n += s->data[i] == '.';
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t)
        return NULL;
    const char *p = s->data, *end = s->data + s->len;
    for (int i = 0; i < n; i++) {
        const char *q = memchr(p, '.', (size_t)(end - p));
        if (!q)
            q = end;
        gs_tuple_init(vm, t, i, gs_str_intern(vm, p, (size_t)(q - p)));
        p = q + 1;
    }
    return t;
}

static gs_Object *ag_new(GS_ARGS)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "attrgetter() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1) {
        gs_raise(vm, vm->e_TypeError, "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    gs_Object *attr = gs_tuple_new(vm, nargs);
    if (!attr)
        return NULL;
    for (int i = 0; i < nargs; i++) {
        gs_Object *a = NULL;
        if (GS_KIND(args[i]) != GS_K_STR)
            gs_raise(vm, vm->e_TypeError, "attribute name must be a string");
        else
            a = split_dotted(vm, (gs_Str *)args[i]);
        if (!a) {
            for (int j = i; j < nargs; j++)
                gs_tuple_init(vm, attr, j, GS_NONE(vm));
            gs_decref(vm, attr);
            return NULL;
        }
        gs_tuple_init(vm, attr, i, a);
    }
    gs_Object *o = new_instance(vm, (gs_Type *)self);
    if (o) {
        ((AttrGetter *)o)->nattrs = nargs;
        gs_native_set(vm, o, &((AttrGetter *)o)->attr, GS_NATIVE_FIELD, attr);
    }
    gs_decref(vm, attr);
    return o;
}

static gs_Object *dotted_getattr(gs_VM *vm, gs_Object *obj, gs_Object *attr)
{
    if (GS_KIND(attr) == GS_K_STR)
        return gs_getattr(vm, obj, (gs_Str *)attr);
    gs_Tuple *parts = (gs_Tuple *)attr;
    gs_Object *cur = gs_newref(vm, obj);
    for (int32_t i = 0; cur && i < parts->len; i++) {
        gs_Object *next = gs_getattr(vm, cur, (gs_Str *)parts->items[i]);
        gs_decref(vm, cur);
        cur = next;
    }
    return cur;
}

static gs_Object *ag_call(GS_ARGS)
{
    AttrGetter *ag = (AttrGetter *)self;
    if (call_one(vm, "attrgetter", nargs, kwnames) < 0)
        return NULL;
    if (!ag->attr) {
        gs_raise(vm, vm->e_TypeError, "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    gs_Tuple *attrs = (gs_Tuple *)ag->attr;
    if (attrs->len == 1)
        return dotted_getattr(vm, args[0], attrs->items[0]);
    gs_Object *t = gs_tuple_new(vm, attrs->len);
    if (!t)
        return NULL;
    for (int32_t i = 0; i < attrs->len; i++) {
        gs_Object *v = dotted_getattr(vm, args[0], attrs->items[i]);
        if (!v) {
            for (int32_t j = i; j < attrs->len; j++)
                gs_tuple_init(vm, t, j, GS_NONE(vm));
            gs_decref(vm, t);
            return NULL;
        }
        gs_tuple_init(vm, t, i, v);
    }
    return t;
}

static gs_Object *ag_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    AttrGetter *ag = (AttrGetter *)self;
    if (!ag->attr)
        return repr_call(vm, self, "attrgetter", NULL, 0, NULL);
    gs_Tuple *attrs = (gs_Tuple *)ag->attr;
    gs_Object *names = gs_tuple_new(vm, attrs->len);
    if (!names)
        return NULL;
    for (int32_t i = 0; i < attrs->len; i++) {
        gs_Object *a = attrs->items[i];
        if (GS_KIND(a) == GS_K_STR) {
            gs_tuple_init(vm, names, i, gs_newref(vm, a));
            continue;
        }
        gs_Buf b;
        gs_buf_init(&b);
        gs_Tuple *parts = (gs_Tuple *)a;
        for (int32_t j = 0; j < parts->len; j++) {
            if (j)
                gs_buf_addc(&b, '.');
            gs_buf_add(&b, ((gs_Str *)parts->items[j])->data, (size_t)((gs_Str *)parts->items[j])->len);
        }
        gs_Object *s = gs_buf_to_str(vm, &b);
        gs_tuple_init(vm, names, i, s ? s : GS_NONE(vm));
    }
    gs_Object *r = repr_call(vm, self, "attrgetter", ((gs_Tuple *)names)->items, ((gs_Tuple *)names)->len, NULL);
    gs_decref(vm, names);
    return r;
}

/* ================================================================== methodcaller */

typedef struct MethodCaller {
    gs_Instance inst;
    gs_Object *name, *args, *kwds; /* str, tuple, dict */
} MethodCaller;

static int mc_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    MethodCaller *mc = (MethodCaller *)o;
    gs_Object *f[3] = { mc->name, mc->args, mc->kwds };
    for (int i = 0; i < 3; i++) {
        int r = f[i] ? fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD + (uint32_t)i), arg) : 0;
        if (r)
            return r;
    }
    return visit_type(vm, o, fn, arg);
}

static void mc_clear(gs_VM *vm, gs_Object *o)
{
    MethodCaller *mc = (MethodCaller *)o;
    gs_native_set(vm, o, &mc->name, GS_NATIVE_FIELD, NULL);
    gs_native_set(vm, o, &mc->args, GS_NATIVE_FIELD + 1, NULL);
    gs_native_set(vm, o, &mc->kwds, GS_NATIVE_FIELD + 2, NULL);
}

static const gs_NativeOps methodcaller_ops = { .gc = true, .size = sizeof(MethodCaller), .traverse = mc_traverse, .clear = mc_clear };

static gs_Object *mc_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "method name must be a string");
        return NULL;
    }
    gs_Object *name = gs_str_intern(vm, ((gs_Str *)args[0])->data, (size_t)((gs_Str *)args[0])->len);
    gs_Object *a = name ? tuple_of_args(vm, args + 1, npos - 1) : NULL;
    gs_Object *kw = a ? gs_dict_new(vm) : NULL;
    for (int i = 0; kw && kwnames && i < kwnames->len; i++)
        if (gs_dict_set(vm, kw, kwnames->items[i], args[npos + i]) < 0) {
            gs_decref(vm, kw);
            kw = NULL;
        }
    gs_Object *o = kw ? new_instance(vm, (gs_Type *)self) : NULL;
    if (o) {
        MethodCaller *mc = (MethodCaller *)o;
        gs_native_set(vm, o, &mc->name, GS_NATIVE_FIELD, name);
        gs_native_set(vm, o, &mc->args, GS_NATIVE_FIELD + 1, a);
        gs_native_set(vm, o, &mc->kwds, GS_NATIVE_FIELD + 2, kw);
    }
    gs_xdecref(vm, name);
    gs_xdecref(vm, a);
    gs_xdecref(vm, kw);
    return o;
}

static gs_Object *mc_call(GS_ARGS)
{
    MethodCaller *mc = (MethodCaller *)self;
    if (call_one(vm, "methodcaller", nargs, kwnames) < 0)
        return NULL;
    if (!mc->name) {
        gs_raise(vm, vm->e_TypeError, "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    gs_Object *m = gs_getattr(vm, args[0], (gs_Str *)mc->name);
    if (!m)
        return NULL;
    gs_Tuple *a = (gs_Tuple *)mc->args;
    gs_Dict *kw = (gs_Dict *)mc->kwds;
    int nkw = kw->t.used, n = a->len + nkw;
    gs_Object **argv = malloc(((size_t)n + 1) * sizeof *argv);
    gs_Object *names = nkw ? gs_tuple_new(vm, nkw) : NULL;
    gs_Object *r = NULL;
    if (!argv || (nkw && !names)) {
        if (!vm->exc)
            gs_raise_memory(vm);
        goto done;
    }
    for (int32_t i = 0; i < a->len; i++)
        argv[i] = a->items[i];
    int32_t pos = 0, j = 0;
    gs_Object *k, *v;
    while (gs_dict_next(&kw->ob, &pos, &k, &v)) {
        argv[a->len + j] = v;
        gs_tuple_init(vm, names, j, gs_newref(vm, k));
        j++;
    }
    r = gs_call(vm, m, argv, n, (gs_Tuple *)names);
done:
    free(argv);
    gs_xdecref(vm, names);
    gs_decref(vm, m);
    return r;
}

static gs_Object *mc_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MethodCaller *mc = (MethodCaller *)self;
    if (!mc->name)
        return repr_call(vm, self, "methodcaller", NULL, 0, NULL);
    gs_Tuple *a = (gs_Tuple *)mc->args;
    gs_Object **items = malloc(((size_t)a->len + 1) * sizeof *items);
    if (!items) {
        gs_raise_memory(vm);
        return NULL;
    }
    items[0] = mc->name;
    for (int32_t i = 0; i < a->len; i++)
        items[i + 1] = a->items[i];
    gs_Object *r = repr_call(vm, self, "methodcaller", items, a->len + 1, mc->kwds);
    free(items);
    return r;
}

/* ================================================================== the module */

static const gs_MethodDef ig_methods[] = {
    { "__new__", ig_new, 0, -1, GS_KW },
    { "__call__", ig_call, 0, -1, GS_KW },
    { "__repr__", ig_repr, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef ag_methods[] = {
    { "__new__", ag_new, 0, -1, GS_KW },
    { "__call__", ag_call, 0, -1, GS_KW },
    { "__repr__", ag_repr, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef mc_methods[] = {
    { "__new__", mc_new, 0, -1, GS_KW },
    { "__call__", mc_call, 0, -1, GS_KW },
    { "__repr__", mc_repr, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* the functions, each with its dunder alias where operator.py makes one */
static const struct {
    const char *name;
    gs_CFunc fn;
    const char *alias;
} functions[] = {
    { "abs", op_abs, "__abs__" },
    { "add", op_add, "__add__" },
    { "and_", op_and_, "__and__" },
    { "call", op_call, "__call__" },
    { "concat", op_concat, "__concat__" },
    { "contains", op_contains, "__contains__" },
    { "countOf", op_countOf, NULL },
    { "delitem", op_delitem, "__delitem__" },
    { "eq", op_eq, "__eq__" },
    { "floordiv", op_floordiv, "__floordiv__" },
    { "ge", op_ge, "__ge__" },
    { "getitem", op_getitem, "__getitem__" },
    { "gt", op_gt, "__gt__" },
    { "iadd", op_iadd, "__iadd__" },
    { "iand", op_iand, "__iand__" },
    { "iconcat", op_iconcat, "__iconcat__" },
    { "ifloordiv", op_ifloordiv, "__ifloordiv__" },
    { "ilshift", op_ilshift, "__ilshift__" },
    { "imatmul", op_imatmul, "__imatmul__" },
    { "imod", op_imod, "__imod__" },
    { "imul", op_imul, "__imul__" },
    { "index", op_index, "__index__" },
    { "indexOf", op_indexOf, NULL },
    { "inv", op_inv, "__inv__" },
    { "invert", op_invert, "__invert__" },
    { "ior", op_ior, "__ior__" },
    { "ipow", op_ipow, "__ipow__" },
    { "irshift", op_irshift, "__irshift__" },
    { "is_", op_is_, NULL },
    { "is_not", op_is_not, NULL },
    { "isub", op_isub, "__isub__" },
    { "itruediv", op_itruediv, "__itruediv__" },
    { "ixor", op_ixor, "__ixor__" },
    { "le", op_le, "__le__" },
    { "length_hint", op_length_hint, NULL },
    { "lshift", op_lshift, "__lshift__" },
    { "lt", op_lt, "__lt__" },
    { "matmul", op_matmul, "__matmul__" },
    { "mod", op_mod, "__mod__" },
    { "mul", op_mul, "__mul__" },
    { "ne", op_ne, "__ne__" },
    { "neg", op_neg, "__neg__" },
    { "not_", op_not_, "__not__" },
    { "or_", op_or_, "__or__" },
    { "pos", op_pos, "__pos__" },
    { "pow", op_pow, "__pow__" },
    { "rshift", op_rshift, "__rshift__" },
    { "setitem", op_setitem, "__setitem__" },
    { "sub", op_sub, "__sub__" },
    { "truediv", op_truediv, "__truediv__" },
    { "truth", op_truth, NULL },
    { "xor", op_xor, "__xor__" },
};

static const char *const operator_all[] = {
    "abs", "add", "and_", "attrgetter", "call", "concat", "contains", "countOf", "delitem", "eq", "floordiv",
    "ge", "getitem", "gt", "iadd", "iand", "iconcat", "ifloordiv", "ilshift", "imatmul", "imod", "imul",
    "index", "indexOf", "inv", "invert", "ior", "ipow", "irshift", "is_", "is_not", "isub", "itemgetter",
    "itruediv", "ixor", "le", "length_hint", "lshift", "lt", "matmul", "methodcaller", "mod", "mul", "ne",
    "neg", "not_", "or_", "pos", "pow", "rshift", "setitem", "sub", "truediv", "truth", "xor", NULL,
};

gs_Object *gs_module_operator(gs_VM *vm)
{
    gs_Type *t_ig = gs_modtype_new(vm, "operator.itemgetter", vm->t_object, &itemgetter_ops, false);
    gs_type_add_methods(vm, t_ig, ig_methods);
    gs_modtype_add_attr(vm, t_ig, "__basicsize__", gs_int_new(vm, 48)); /* + 16 of GC header */
    gs_Type *t_ag = gs_modtype_new(vm, "operator.attrgetter", vm->t_object, &attrgetter_ops, false);
    gs_type_add_methods(vm, t_ag, ag_methods);
    gs_Type *t_mc = gs_modtype_new(vm, "operator.methodcaller", vm->t_object, &methodcaller_ops, false);
    gs_type_add_methods(vm, t_mc, mc_methods);
    gs_Object *m = gs_module_new(vm, "operator");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "__all__", gs_str_list(vm, operator_all));
    for (int i = 0; i < GS_COUNTOF(functions); i++) {
        gs_Object *b = gs_builtin_new(vm, functions[i].name, functions[i].fn, 0, -1, m);
        if (!b) {
            gs_decref(vm, m);
            return NULL;
        }
        ((gs_Builtin *)b)->takes_kw = true;
        ((gs_Builtin *)b)->owner = NULL;
        if (functions[i].alias)
            gs_module_add(vm, m, functions[i].alias, gs_newref(vm, b));
        gs_module_add(vm, m, functions[i].name, b);
    }
    gs_module_add(vm, m, "itemgetter", gs_newref(vm, &t_ig->ob));
    gs_module_add(vm, m, "attrgetter", gs_newref(vm, &t_ag->ob));
    gs_module_add(vm, m, "methodcaller", gs_newref(vm, &t_mc->ob));
    return m;
}

void gs_operator_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "operator", count, ctx);
}
