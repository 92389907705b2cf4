/*
 * numbers.c — the numbers module (Lib/numbers.py, PEP 3141): the
 * abstract base classes of the numeric tower, Number > Complex > Real >
 * Rational > Integral, made on import as the Python file makes them:
 * classes whose metaclass is abc.ABCMeta, with `__slots__ = ()`, their
 * abstract methods and properties (__isabstractmethod__ True, so a class
 * deriving from one cannot be instantiated until it defines them all:
 * "Can't instantiate abstract class ... with abstract methods ...") and
 * their concrete methods, C functions here that do what the Python ones
 * do (Complex.__sub__ is self + -other, Integral.__float__ is
 * float(int(self)) ...).
 *
 * The built-in numbers are registered as CPython registers them: complex
 * a Complex, float a Real, int (and so bool) an Integral.  CPython's
 * fractions.Fraction derives from Rational; the model's Fraction is a
 * type of its own (fractions.c), registered here as a virtual subclass,
 * so isinstance and issubclass answer the same but Fraction.__mro__ does
 * not list the numbers classes.
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

enum { N_NUMBER, N_COMPLEX, N_REAL, N_RATIONAL, N_INTEGRAL, N_COUNT };

/* ================================================================== the abstract methods' bodies */

/* `raise NotImplementedError` */
static gs_Object *ab_notimpl(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_raise_obj(vm, gs_exception_new_unnormalized(vm, vm->e_NotImplementedError));
    return NULL;
}

/* Complex.__complex__: a docstring only, so None */
static gs_Object *ab_none(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_NONE(vm);
}

/* ================================================================== the concrete methods */

/* Complex.__bool__: self != 0 */
static gs_Object *c_bool(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_compare(vm, GS_CMP_NE, self, vm->small_ints[5]);
}

/* Complex.__sub__: self + -other */
static gs_Object *c_sub(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *neg = gs_unary_op(vm, GS_UNARY_NEG, args[0]);
    return neg ? gs_binop_steal(vm, GS_OP_ADD, gs_newref(vm, self), neg) : NULL;
}

/* Complex.__rsub__: -self + other */
static gs_Object *c_rsub(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *neg = gs_unary_op(vm, GS_UNARY_NEG, self);
    return neg ? gs_binop_steal(vm, GS_OP_ADD, neg, gs_newref(vm, args[0])) : NULL;
}

/* Real.__complex__: complex(float(self)) */
static gs_Object *r_complex(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *f = gs_float_from_object(vm, self);
    if (!f)
        return NULL;
    gs_Object *r = gs_complex_new(vm, ((gs_Float *)f)->value, 0.0);
    gs_decref(vm, f);
    return r;
}

/* Real.conjugate: +self */
static gs_Object *r_conjugate(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_unary_op(vm, GS_UNARY_POS, self);
}

/* (a // b, a % b) */
static gs_Object *divmod_of(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Object *q = gs_binary_op(vm, GS_OP_FLOORDIV, a, b, false);
    gs_Object *r = q ? gs_binary_op(vm, GS_OP_MOD, a, b, false) : NULL;
    gs_Object *t = r ? gs_tuple_pack(vm, 2, q, r) : NULL;
    gs_xdecref(vm, q);
    gs_xdecref(vm, r);
    return t;
}

/* Real.__divmod__ / __rdivmod__ */
static gs_Object *r_divmod(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return divmod_of(vm, self, args[0]);
}

static gs_Object *r_rdivmod(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return divmod_of(vm, args[0], self);
}

/* int(getattr(o, name)) */
static gs_Object *int_of_attr(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Object *v = gs_getattr(vm, o, gs_name(vm, name));
    if (!v)
        return NULL;
    gs_Object *i = gs_int_from_object(vm, v, NULL);
    gs_decref(vm, v);
    return i;
}

/* Rational.__float__: int(self.numerator) / int(self.denominator) (the
 * ints' true division: huge ratios do not overflow) */
static gs_Object *q_float(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *n = int_of_attr(vm, self, "numerator");
    gs_Object *d = n ? int_of_attr(vm, self, "denominator") : NULL;
    if (!d) {
        gs_xdecref(vm, n);
        return NULL;
    }
    return gs_binop_steal(vm, GS_OP_TRUEDIV, n, d);
}

/* Integral.__index__: int(self) */
static gs_Object *i_index(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_int_from_object(vm, self, NULL);
}

/* Integral.__float__: float(int(self)) */
static gs_Object *i_float(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *i = gs_int_from_object(vm, self, NULL);
    if (!i)
        return NULL;
    gs_Object *f = gs_float_from_object(vm, i);
    gs_decref(vm, i);
    return f;
}

/* the properties' getters: called with the instance as their argument */
static gs_Object *p_pos(GS_ARGS) /* Real.real, Integral.numerator: +self */
{
    GS_UNUSED(self);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_unary_op(vm, GS_UNARY_POS, args[0]);
}

static gs_Object *p_zero(GS_ARGS) /* Real.imag */
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, 0);
}

static gs_Object *p_one(GS_ARGS) /* Integral.denominator */
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, 1);
}

/* ================================================================== the classes */

#define ABSTRACT GS_ABSTRACT
#define END { NULL, NULL, 0, 0, 0 }
/* an abstract method of one operand and of two */
#define AB1(name) { name, ab_notimpl, 0, 0, ABSTRACT }
#define AB2(name) { name, ab_notimpl, 1, 1, ABSTRACT }

static const gs_MethodDef number_m[] = { END };
static const gs_MethodDef complex_m[] = {
    { "__complex__", ab_none, 0, 0, ABSTRACT },
    { "__bool__", c_bool, 0, 0, 0 },
    AB2("__add__"), AB2("__radd__"), AB1("__neg__"), AB1("__pos__"),
    { "__sub__", c_sub, 1, 1, 0 },
    { "__rsub__", c_rsub, 1, 1, 0 },
    AB2("__mul__"), AB2("__rmul__"), AB2("__truediv__"), AB2("__rtruediv__"), AB2("__pow__"), AB2("__rpow__"),
    AB1("__abs__"), AB1("conjugate"), AB2("__eq__"),
    END,
};
static const gs_MethodDef real_m[] = {
    AB1("__float__"), AB1("__trunc__"), AB1("__floor__"), AB1("__ceil__"),
    { "__round__", ab_notimpl, 0, 1, ABSTRACT },
    { "__divmod__", r_divmod, 1, 1, 0 },
    { "__rdivmod__", r_rdivmod, 1, 1, 0 },
    AB2("__floordiv__"), AB2("__rfloordiv__"), AB2("__mod__"), AB2("__rmod__"), AB2("__lt__"), AB2("__le__"),
    { "__complex__", r_complex, 0, 0, 0 },
    { "conjugate", r_conjugate, 0, 0, 0 },
    END,
};
static const gs_MethodDef rational_m[] = { { "__float__", q_float, 0, 0, 0 }, END };
static const gs_MethodDef integral_m[] = {
    AB1("__int__"),
    { "__index__", i_index, 0, 0, 0 },
    { "__pow__", ab_notimpl, 1, 2, ABSTRACT },
    AB2("__lshift__"), AB2("__rlshift__"), AB2("__rshift__"), AB2("__rrshift__"), AB2("__and__"), AB2("__rand__"),
    AB2("__xor__"), AB2("__rxor__"), AB2("__or__"), AB2("__ror__"), AB1("__invert__"),
    { "__float__", i_float, 0, 0, 0 },
    END,
};

/* a property of a getter (abstract: its __isabstractmethod__ is True, and so the property's) */
typedef struct PropDef {
    const char *name;
    gs_CFunc get;
    bool abstract;
} PropDef;

static const PropDef complex_p[] = { { "real", ab_notimpl, true }, { "imag", ab_notimpl, true }, { NULL, NULL, 0 } };
static const PropDef real_p[] = { { "real", p_pos, false }, { "imag", p_zero, false }, { NULL, NULL, 0 } };
static const PropDef rational_p[] = { { "numerator", ab_notimpl, true }, { "denominator", ab_notimpl, true },
                                      { NULL, NULL, 0 } };
static const PropDef integral_p[] = { { "numerator", p_pos, false }, { "denominator", p_one, false },
                                      { NULL, NULL, 0 } };

typedef struct NumSpec {
    const char *name;
    const char *doc;
    const gs_MethodDef *methods;
    const PropDef *props;
    bool no_hash; /* __hash__ = None: Number says so, Complex defines __eq__ */
} NumSpec;

/* in the order numbers.py defines them, each deriving from the one before */
static const NumSpec specs[N_COUNT] = {
    [N_NUMBER] = { "Number",
                   "All numbers inherit from this class.\n\n    If you just want to check if an argument x is a "
                   "number, without\n    caring what kind, use isinstance(x, Number).\n    ",
                   number_m, NULL, true },
    [N_COMPLEX] = { "Complex",
                    "Complex defines the operations that work on the builtin complex type.\n\n    In short, those "
                    "are: a conversion to complex, .real, .imag, +, -,\n    *, /, **, abs(), .conjugate, ==, and "
                    "!=.\n\n    If it is given heterogeneous arguments, and doesn't have special\n    knowledge about "
                    "them, it should fall back to the builtin complex\n    type as described below.\n    ",
                    complex_m, complex_p, true },
    [N_REAL] = { "Real",
                 "To Complex, Real adds the operations that work on real numbers.\n\n    In short, those are: a "
                 "conversion to float, trunc(), divmod,\n    %, <, <=, >, and >=.\n\n    Real also provides defaults "
                 "for the derived operations.\n    ",
                 real_m, real_p, false },
    [N_RATIONAL] = { "Rational", ".numerator and .denominator should be in lowest terms.", rational_m, rational_p,
                     false },
    [N_INTEGRAL] = { "Integral",
                     "Integral adds methods that work on integral numbers.\n\n    In short, these are conversion to "
                     "int, pow with modulus, and the\n    bit-string operations.\n    ",
                     integral_m, integral_p, false },
};

static int put(gs_VM *vm, gs_Object *d, const char *name, gs_Object *v)
{
    int r = v ? gs_dict_set(vm, d, &gs_name(vm, name)->ob, v) : -1;
    gs_xdecref(vm, v);
    return r;
}

/* class Name(base, metaclass=ABCMeta): its docstring, __slots__ = (),
 * its methods and properties, then abc.update_abstractmethods(cls) */
static gs_Object *make_class(gs_VM *vm, gs_Object *meta, gs_Object *update, int which, gs_Object *base)
{
    const NumSpec *sp = &specs[which];
    gs_Object *bases = base ? gs_tuple_pack(vm, 1, base) : gs_newref(vm, vm->empty_tuple);
    gs_Object *ns = gs_dict_new(vm);
    gs_Object *name = gs_str_intern(vm, sp->name, strlen(sp->name));
    gs_Object *cls = NULL;
    if (bases && ns && name && put(vm, ns, "__module__", gs_str_from_cstr(vm, "numbers")) == 0 &&
        put(vm, ns, "__qualname__", gs_newref(vm, name)) == 0 &&
        put(vm, ns, "__doc__", gs_str_from_cstr(vm, sp->doc)) == 0 &&
        put(vm, ns, "__slots__", gs_newref(vm, vm->empty_tuple)) == 0 &&
        (!sp->no_hash || put(vm, ns, "__hash__", gs_newref(vm, vm->none)) == 0)) {
        gs_Object *a[3] = { name, bases, ns };
        cls = gs_call_object(vm, meta, a, 3, NULL);
    }
    gs_xdecref(vm, bases);
    gs_xdecref(vm, ns);
    gs_xdecref(vm, name);
    if (!cls)
        return NULL;
    gs_Type *t = (gs_Type *)cls;
    gs_type_add_methods(vm, t, sp->methods);
    for (const PropDef *p = sp->props; p && p->name; p++) {
        gs_Object *g = gs_builtin_new(vm, p->name, p->get, 1, 1, NULL);
        if (g && p->abstract)
            ((gs_Builtin *)g)->varargs |= GS_ABSTRACT;
        gs_Object *prop = g ? gs_descriptor_new(vm, vm->t_property, g, false) : NULL;
        gs_xdecref(vm, g);
        if (put(vm, &t->dict->ob, p->name, prop) < 0) {
            gs_decref(vm, cls);
            return NULL;
        }
    }
    gs_type_update_hooks(vm, t);
    gs_Object *r = gs_call_object(vm, update, &cls, 1, NULL);
    if (!r) {
        gs_decref(vm, cls);
        return NULL;
    }
    gs_decref(vm, r);
    return cls;
}

/* cls.register(t) */
static int do_register(gs_VM *vm, gs_Object *cls, gs_Type *t)
{
    gs_Object *m = gs_getattr(vm, cls, gs_name(vm, "register"));
    gs_Object *a = &t->ob;
    gs_Object *r = m ? gs_call_object(vm, m, &a, 1, NULL) : NULL;
    gs_xdecref(vm, m);
    gs_xdecref(vm, r);
    return r ? 0 : -1;
}

gs_Object *gs_module_numbers(gs_VM *vm)
{
    /* CPython runs Lib/numbers.py: allocations and objects kept, measured
     * with python3.11 (gc.get_count() after an import at a program's top,
     * objects kept after a full collection), less what the model makes
     * here (its abc classes when abc was not imported yet, the Fraction
     * type when nothing made it yet).  A program that imported fractions
     * (or statistics) had numbers already in CPython: the import costs
     * nothing there, so the model takes back what it adds to
     * gc.get_count() (125) before making it, lest its allocations start a
     * collection CPython does not. */
    bool had_abc = gs_module_imported(vm, "abc");
    if (gs_module_imported(vm, "fractions"))
        gs_gc_import_footprint(vm, 0 - 125, -1 - 113, 0);
    gs_Object *abc = gs_import(vm, gs_name(vm, "abc"));
    gs_Object *meta = abc ? gs_getattr(vm, abc, gs_name(vm, "ABCMeta")) : NULL;
    gs_Object *update = meta ? gs_getattr(vm, abc, gs_name(vm, "update_abstractmethods")) : NULL;
    gs_Object *am = update ? gs_getattr(vm, abc, gs_name(vm, "abstractmethod")) : NULL;
    gs_xdecref(vm, abc);
    gs_Object *m = am ? gs_module_new(vm, "numbers") : NULL;
    if (m) {
        gs_module_add(vm, m, "__doc__",
                      gs_str_from_cstr(vm, "Abstract Base Classes (ABCs) for numbers, according to PEP 3141.\n\n"
                                           "TODO: Fill out more detailed documentation on the operators."));
        /* from abc import ABCMeta, abstractmethod */
        gs_module_add(vm, m, "ABCMeta", gs_newref(vm, meta));
        gs_module_add(vm, m, "abstractmethod", gs_newref(vm, am));
        static const char *const all[] = { "Number", "Complex", "Real", "Rational", "Integral", NULL };
        gs_module_add(vm, m, "__all__", gs_str_list(vm, all));
    }
    /* borrowed: the module holds them */
    gs_Object *cls[N_COUNT] = { NULL };
    for (int i = 0; m && i < N_COUNT; i++) {
        cls[i] = make_class(vm, meta, update, i, i ? cls[i - 1] : NULL);
        if (!cls[i]) {
            gs_decref(vm, m);
            m = NULL;
            break;
        }
        gs_module_add(vm, m, specs[i].name, cls[i]);
    }
    gs_xdecref(vm, meta);
    gs_xdecref(vm, update);
    gs_xdecref(vm, am);
    if (!m)
        return NULL;
    gs_Type *frac = gs_fraction_type(vm);
    if (!frac || do_register(vm, cls[N_COMPLEX], vm->t_complex) < 0 || do_register(vm, cls[N_REAL], vm->t_float) < 0 ||
        do_register(vm, cls[N_INTEGRAL], vm->t_int) < 0 || do_register(vm, cls[N_RATIONAL], frac) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    if (!gs_module_imported(vm, "fractions")) {
        if (had_abc)
            gs_gc_import_footprint(vm, 267 - 181, 140 - 148, 0);
        else
            gs_gc_import_footprint(vm, 268 - 173, 140 - 166, 0);
    }
    return m;
}
