/*
 * fractions.c — the fractions module: Fraction, as CPython 3.11's
 * Lib/fractions.py writes it.  A Fraction keeps its numerator and
 * denominator as int objects (small or big), normalized by their gcd with
 * the sign in the numerator; arithmetic with an int or another Fraction
 * stays exact, with a float it falls back to float arithmetic, as the
 * module's _operator_fallbacks do.  Its hash is the hash of the equal int
 * or float (sys.hash_info's modulus 2**61 - 1).
 *
 * Fraction(Decimal) and Fraction.from_decimal take a Decimal's exact
 * as_integer_ratio(); importing fractions imports decimal, as
 * Lib/fractions.py does.
 *
 * The instances are native: two C fields where CPython has the two slots
 * _numerator and _denominator.  Like any instance of a class with
 * __slots__ they are GC objects.  statistics.c uses the C functions
 * declared in modules.h to make and read them.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

typedef struct Frac {
    gs_Instance inst;
    gs_Object *num, *den; /* ints; den > 0 */
} Frac;

#define FR(o) ((Frac *)(o))

enum { F_NUM = GS_NATIVE_FIELD, F_DEN };

static int frac_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = 0;
    if (FR(o)->num)
        r = fn(vm, o, FR(o)->num, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_NUM), arg);
    if (!r && FR(o)->den)
        r = fn(vm, o, FR(o)->den, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_DEN), arg);
    return r;
}

static void frac_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &FR(o)->num, F_NUM, NULL);
    gs_native_set(vm, o, &FR(o)->den, F_DEN, NULL);
}

static const gs_NativeOps frac_ops = { .size = sizeof(Frac), .gc = true, .traverse = frac_traverse, .clear = frac_clear };

/* ================================================================== ints */

/* The int helpers take borrowed operands and return new references (NULL
 * with an exception set); B() steals both operands. */
#define B(op, a, b) gs_binop_steal(vm, GS_OP_##op, (a), (b))
#define R(o) gs_newref(vm, (o))
#define I(v) gs_int_new(vm, (v))

/* -1, 0, 1 (an int or bool) */
static int isign(gs_VM *vm, gs_Object *a)
{
    if (!gs_int_is_big(a)) {
        int64_t v = gs_intlike_value(vm, a);
        return v < 0 ? -1 : v > 0;
    }
    gs_Object *z = I(0);
    int r = gs_big_compare(vm, a, z);
    gs_decref(vm, z);
    return r;
}

static bool ieq1(gs_VM *vm, gs_Object *a) { return !gs_int_is_big(a) && gs_intlike_value(vm, a) == 1; }

/* math.gcd(a, b), never negative */
static gs_Object *igcd(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    if (!gs_int_is_big(a) && !gs_int_is_big(b)) {
        int64_t x = gs_intlike_value(vm, a), y = gs_intlike_value(vm, b);
        if (x != INT64_MIN && y != INT64_MIN) {
            x = x < 0 ? -x : x;
            y = y < 0 ? -y : y;
            while (y) {
                int64_t t = x % y;
                x = y;
                y = t;
            }
            return I(x);
        }
    }
    gs_Object *args[2] = { a, b };
    return gs_big_gcd_lcm(vm, args, 2, false);
}

/* an int of the same value (a bool becomes 0 or 1) */
static gs_Object *as_int(gs_VM *vm, gs_Object *o)
{
    return GS_KIND(o) == GS_K_BOOL ? I(o == vm->true_) : R(o);
}

/* ================================================================== the type */

static gs_Type *frac_type(gs_VM *vm);

bool gs_is_fraction(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = vm->modstate[GS_MS_FRACTIONS];
    return t && gs_isinstance(o, t);
}

gs_Object *gs_fraction_num(gs_Object *o) { return FR(o)->num; }
gs_Object *gs_fraction_den(gs_Object *o) { return FR(o)->den; }

/* an instance of t with the fields given (stolen; NULL if either is) */
static gs_Object *frac_raw(gs_VM *vm, gs_Type *t, gs_Object *num, gs_Object *den)
{
    gs_Object *o = num && den ? gs_native_new(vm, t) : NULL;
    if (o) {
        gs_native_set(vm, o, &FR(o)->num, F_NUM, num);
        gs_native_set(vm, o, &FR(o)->den, F_DEN, den);
    }
    gs_xdecref(vm, num);
    gs_xdecref(vm, den);
    return o;
}

static void zero_div(gs_VM *vm, gs_Object *num)
{
    gs_Object *s = gs_str(vm, num);
    if (s) {
        gs_raise(vm, vm->e_ZeroDivisionError, "Fraction(%s, 0)", ((gs_Str *)s)->data);
        gs_decref(vm, s);
    }
}

/* Fraction(num, den) of ints (stolen): ZeroDivisionError for den 0, then
 * divided by their gcd, the sign in the numerator when `normalize` */
static gs_Object *frac_make(gs_VM *vm, gs_Type *t, gs_Object *num, gs_Object *den, bool normalize)
{
    if (!num || !den) {
        gs_xdecref(vm, num);
        gs_xdecref(vm, den);
        return NULL;
    }
    int ds = isign(vm, den);
    if (ds == 0) {
        zero_div(vm, num);
        gs_decref(vm, num);
        gs_decref(vm, den);
        return NULL;
    }
    if (normalize) {
        gs_Object *g = igcd(vm, num, den);
        if (g && ds < 0)
            g = B(SUB, I(0), g);
        if (!g) {
            gs_decref(vm, num);
            gs_decref(vm, den);
            return NULL;
        }
        num = B(FLOORDIV, num, R(g));
        den = B(FLOORDIV, den, g);
    }
    return frac_raw(vm, t, num, den);
}

gs_Object *gs_fraction_new(gs_VM *vm, gs_Object *num, gs_Object *den)
{
    gs_Type *t = frac_type(vm);
    return t ? frac_make(vm, t, as_int(vm, num), as_int(vm, den), true) : NULL;
}

static gs_Object *call_method0(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Object *m = gs_getattr(vm, o, gs_name(vm, name));
    gs_Object *r = m ? gs_call(vm, m, NULL, 0, NULL) : NULL;
    gs_xdecref(vm, m);
    return r;
}

/* x.as_integer_ratio() of a float into two new ints */
static int float_ratio(gs_VM *vm, gs_Object *x, gs_Object **n, gs_Object **d)
{
    gs_Object *r = call_method0(vm, x, "as_integer_ratio");
    if (!r)
        return -1;
    *n = R(((gs_Tuple *)r)->items[0]);
    *d = R(((gs_Tuple *)r)->items[1]);
    gs_decref(vm, r);
    return 0;
}

/* numbers.Rational: an int, a bool or a Fraction */
static bool is_rational(gs_VM *vm, gs_Object *o) { return gs_is_intlike(o) || gs_is_fraction(vm, o); }

/* o.numerator, o.denominator of a rational, new references */
static void ratio_of(gs_VM *vm, gs_Object *o, gs_Object **n, gs_Object **d)
{
    if (gs_is_intlike(o)) {
        *n = as_int(vm, o);
        *d = I(1);
    } else {
        *n = R(FR(o)->num);
        *d = R(FR(o)->den);
    }
}

/* ------------------------------------------------------------------ parsing */

/* \d+(_\d+)* at s[*i]: its digits, without the underscores, appended to buf */
static bool scan_digits(const char *s, size_t len, size_t *i, gs_Buf *buf)
{
    size_t j = *i;
    if (j >= len || !isdigit((unsigned char)s[j]))
        return false;
    for (;;) {
        while (j < len && isdigit((unsigned char)s[j]))
            gs_buf_addc(buf, s[j++]);
        if (j + 1 < len && s[j] == '_' && isdigit((unsigned char)s[j + 1]))
            j++;
        else
            break;
    }
    *i = j;
    return true;
}

static gs_Object *int_of_text(gs_VM *vm, gs_Buf *b)
{
    if (b->len == 0)
        return I(0);
    gs_Object *s = gs_str_new(vm, b->data, b->len);
    gs_Object *r = s ? gs_int_from_object(vm, s, NULL) : NULL;
    gs_xdecref(vm, s);
    return r;
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

/* _RATIONAL_FORMAT: 0 with *num and *den set, -1 with ValueError */
static int parse_fraction(gs_VM *vm, gs_Object *str, gs_Object **num, gs_Object **den)
{
    const char *s = ((gs_Str *)str)->data;
    size_t len = ((gs_Str *)str)->len, i = 0;
    gs_Buf nb = { 0 }, db = { 0 }, fb = { 0 }, eb = { 0 };
    bool neg = false, ok = false, has_den = false, eneg = false, has_exp = false;
    while (i < len && is_space(s[i]))
        i++;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (!(i < len && (isdigit((unsigned char)s[i]) || (s[i] == '.' && i + 1 < len && isdigit((unsigned char)s[i + 1])))))
        goto done;
    scan_digits(s, len, &i, &nb);
    if (i < len && s[i] == '/') {
        i++;
        if (!scan_digits(s, len, &i, &db))
            goto done;
        has_den = true;
    } else {
        if (i < len && s[i] == '.') {
            i++;
            scan_digits(s, len, &i, &fb);
        }
        if (i < len && (s[i] == 'e' || s[i] == 'E')) {
            size_t j = i + 1;
            bool en = false;
            if (j < len && (s[j] == '+' || s[j] == '-'))
                en = s[j++] == '-';
            if (scan_digits(s, len, &j, &eb)) {
                i = j;
                eneg = en;
                has_exp = true;
            }
        }
    }
    while (i < len && is_space(s[i]))
        i++;
    ok = i == len;
done:
    if (!ok) {
        gs_Object *r = gs_repr(vm, str);
        if (r) {
            gs_raise(vm, vm->e_ValueError, "Invalid literal for Fraction: %s", ((gs_Str *)r)->data);
            gs_decref(vm, r);
        }
        gs_buf_free(&nb);
        gs_buf_free(&db);
        gs_buf_free(&fb);
        gs_buf_free(&eb);
        return -1;
    }
    gs_Object *n = int_of_text(vm, &nb), *d;
    if (has_den) {
        d = int_of_text(vm, &db);
    } else {
        d = I(1);
        if (fb.len) {
            gs_Object *scale = B(POW, I(10), I((int64_t)fb.len));
            n = B(ADD, B(MUL, n, R(scale)), int_of_text(vm, &fb));
            d = B(MUL, d, scale);
        }
        if (has_exp) {
            gs_Object *e = int_of_text(vm, &eb);
            if (eneg)
                d = B(MUL, d, B(POW, I(10), e));
            else
                n = B(MUL, n, B(POW, I(10), e));
        }
    }
    if (neg && n)
        n = B(SUB, I(0), n);
    gs_buf_free(&nb);
    gs_buf_free(&db);
    gs_buf_free(&fb);
    gs_buf_free(&eb);
    if (!n || !d) {
        gs_xdecref(vm, n);
        gs_xdecref(vm, d);
        return -1;
    }
    *num = n;
    *den = d;
    return 0;
}

/* ------------------------------------------------------------------ construction */

/* the lines of Fraction.__new__ (Lib/fractions.py) that raise */
#define FRACTIONS_PY "/usr/lib/python3.11/fractions.py"
static const gs_LibFrame new_ratio = { FRACTIONS_PY, 108, "__new__", "self._numerator, self._denominator = numerator.as_integer_ratio()", NULL };
static const gs_LibFrame new_literal = { FRACTIONS_PY, 115, "__new__", "raise ValueError('Invalid literal for Fraction: %r' %", NULL };
static const gs_LibFrame new_one_type = { FRACTIONS_PY, 140, "__new__", "raise TypeError(\"argument should be a string \"", NULL };
static const gs_LibFrame new_two_types = { FRACTIONS_PY, 153, "__new__", "raise TypeError(\"both arguments should be \"", NULL };
static const gs_LibFrame new_zero = { FRACTIONS_PY, 157, "__new__", "raise ZeroDivisionError('Fraction(%s, 0)' % numerator)", NULL };

static gs_Object *fr_new(GS_ARGS)
{
    static const char *const names[] = { "numerator", "denominator", "_normalize" };
    static const gs_PySig sig = { "Fraction.__new__", names, 2, 0, 1, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Type *t = (gs_Type *)self;
    gs_Object *num = a[0], *den = a[1];
    bool normalize = true;
    if (a[2]) {
        int tr = gs_truthy(vm, a[2]);
        if (tr < 0)
            return NULL;
        normalize = tr;
    }
    gs_Object *n, *d;
    if (!den || den == vm->none) {
        if (!num)
            return frac_raw(vm, t, I(0), I(1));
        if (is_rational(vm, num)) {
            ratio_of(vm, num, &n, &d);
            return frac_raw(vm, t, n, d);
        }
        if (GS_KIND(num) == GS_K_FLOAT || gs_is_decimal(vm, num)) {
            /* numerator.as_integer_ratio(), which raises for a NaN or an infinity */
            if (float_ratio(vm, num, &n, &d) < 0) {
                gs_exc_lib_frames(vm, &new_ratio, 1);
                return NULL;
            }
            return frac_raw(vm, t, n, d);
        }
        if (GS_KIND(num) == GS_K_STR) {
            if (parse_fraction(vm, num, &n, &d) < 0) {
                if (gs_isinstance(vm->exc, vm->e_ValueError))
                    gs_exc_lib_frames(vm, &new_literal, 1);
                return NULL;
            }
        } else {
            gs_raise(vm, vm->e_TypeError, "argument should be a string or a Rational instance");
            gs_exc_lib_frames(vm, &new_one_type, 1);
            return NULL;
        }
    } else if (GS_KIND(num ? num : den) == GS_K_INT && GS_KIND(den) == GS_K_INT && num) {
        n = R(num);
        d = R(den);
    } else if ((!num || is_rational(vm, num)) && is_rational(vm, den)) {
        gs_Object *nn, *nd, *dn, *dd;
        if (num)
            ratio_of(vm, num, &nn, &nd);
        else {
            nn = I(0);
            nd = I(1);
        }
        ratio_of(vm, den, &dn, &dd);
        n = B(MUL, nn, dd);
        d = B(MUL, dn, nd);
    } else {
        gs_raise(vm, vm->e_TypeError, "both arguments should be Rational instances");
        gs_exc_lib_frames(vm, &new_two_types, 1);
        return NULL;
    }
    gs_Object *r = frac_make(vm, t, n, d, normalize);
    if (!r && gs_isinstance(vm->exc, vm->e_ZeroDivisionError))
        gs_exc_lib_frames(vm, &new_zero, 1);
    return r;
}

static gs_Object *fr_from_float(GS_ARGS)
{
    static const char *const names[] = { "f" };
    static const gs_PySig sig = { "Fraction.from_float", names, 1, 1, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Type *t = (gs_Type *)self;
    gs_Object *f = a[0];
    if (gs_is_intlike(f))
        return gs_call(vm, self, &f, 1, NULL);
    if (GS_KIND(f) != GS_K_FLOAT) {
        gs_Object *r = gs_repr(vm, f);
        if (r) {
            const char *dot = strrchr(t->name->data, '.');
            gs_raise(vm, vm->e_TypeError, "%s.from_float() only takes floats, not %s (%s)", dot ? dot + 1 : t->name->data,
                     ((gs_Str *)r)->data, gs_type_name(f));
            gs_decref(vm, r);
        }
        return NULL;
    }
    gs_Object *r = call_method0(vm, f, "as_integer_ratio");
    if (!r)
        return NULL;
    gs_Object *o = gs_call(vm, self, ((gs_Tuple *)r)->items, 2, NULL);
    gs_decref(vm, r);
    return o;
}

/* Fraction.from_decimal(dec): an int, or a Decimal's exact ratio */
static gs_Object *fr_from_decimal(GS_ARGS)
{
    static const char *const names[] = { "dec" };
    static const gs_PySig sig = { "Fraction.from_decimal", names, 1, 1, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Type *t = (gs_Type *)self;
    gs_Object *dec = a[0];
    if (gs_is_intlike(dec)) {
        gs_Object *i = as_int(vm, dec);
        gs_Object *dm = i ? gs_import(vm, gs_name(vm, "decimal")) : NULL;
        gs_Object *dt = dm ? gs_getattr(vm, dm, gs_name(vm, "Decimal")) : NULL;
        gs_xdecref(vm, dm);
        dec = dt ? gs_call(vm, dt, &i, 1, NULL) : NULL;
        gs_xdecref(vm, dt);
        gs_xdecref(vm, i);
        if (!dec)
            return NULL;
    } else if (!gs_is_decimal(vm, dec)) {
        gs_Object *r = gs_repr(vm, dec);
        if (r) {
            const char *dot = strrchr(t->name->data, '.');
            gs_raise(vm, vm->e_TypeError, "%s.from_decimal() only takes Decimals, not %s (%s)",
                     dot ? dot + 1 : t->name->data, ((gs_Str *)r)->data, gs_type_name(dec));
            gs_decref(vm, r);
            static const gs_LibFrame raise_line = { FRACTIONS_PY, 189, "from_decimal", "raise TypeError(", NULL };
            gs_exc_lib_frames(vm, &raise_line, 1);
        }
        return NULL;
    } else {
        gs_incref(vm, dec);
    }
    gs_Object *r = call_method0(vm, dec, "as_integer_ratio");
    gs_decref(vm, dec);
    if (!r)
        return NULL;
    gs_Object *o = gs_call(vm, self, ((gs_Tuple *)r)->items, 2, NULL);
    gs_decref(vm, r);
    return o;
}

/* ------------------------------------------------------------------ the plain methods */

static gs_Object *fr_numerator(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return R(FR(self)->num); }
static gs_Object *fr_denominator(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return R(FR(self)->den); }
static gs_Object *fr_imag(GS_ARGS) { GS_UNUSED_ARGS; return I(0); }

static gs_Object *fr_as_integer_ratio(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    return gs_tuple_pack(vm, 2, FR(self)->num, FR(self)->den);
}

static gs_Object *fr_repr(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *n = gs_str(vm, FR(self)->num), *d = n ? gs_str(vm, FR(self)->den) : NULL;
    gs_Object *r = NULL;
    if (d) {
        const char *name = self->type->name->data, *dot = strrchr(name, '.');
        r = gs_str_printf(vm, "%s(%s, %s)", dot ? dot + 1 : name, ((gs_Str *)n)->data, ((gs_Str *)d)->data);
    }
    gs_xdecref(vm, n);
    gs_xdecref(vm, d);
    return r;
}

static gs_Object *fr_str(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (ieq1(vm, FR(self)->den))
        return gs_str(vm, FR(self)->num);
    gs_Object *n = gs_str(vm, FR(self)->num), *d = n ? gs_str(vm, FR(self)->den) : NULL;
    gs_Object *r = d ? gs_str_printf(vm, "%s/%s", ((gs_Str *)n)->data, ((gs_Str *)d)->data) : NULL;
    gs_xdecref(vm, n);
    gs_xdecref(vm, d);
    return r;
}

static gs_Type *fraction_t(gs_VM *vm) { return vm->modstate[GS_MS_FRACTIONS]; }

/* Fraction(n, d) of the base class, stolen ints */
static gs_Object *mk(gs_VM *vm, gs_Object *n, gs_Object *d, bool normalize)
{
    return frac_make(vm, fraction_t(vm), n, d, normalize);
}

static gs_Object *fr_limit_denominator(GS_ARGS)
{
    static const char *const names[] = { "max_denominator" };
    static const gs_PySig sig = { "Fraction.limit_denominator", names, 1, 0, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *maxd = a[0] ? R(a[0]) : I(1000000);
    gs_Object *one = I(1);
    int lt = gs_compare_bool(vm, GS_CMP_LT, maxd, one);
    gs_decref(vm, one);
    if (lt != 0) {
        if (lt > 0)
            gs_raise(vm, vm->e_ValueError, "max_denominator should be at least 1");
        gs_decref(vm, maxd);
        return NULL;
    }
    int le = gs_compare_bool(vm, GS_CMP_LE, FR(self)->den, maxd);
    if (le != 0) {
        gs_decref(vm, maxd);
        return le < 0 ? NULL : mk(vm, R(FR(self)->num), R(FR(self)->den), false);
    }
    gs_Object *p0 = I(0), *q0 = I(1), *p1 = I(1), *q1 = I(0);
    gs_Object *n = R(FR(self)->num), *d = R(FR(self)->den), *r = NULL;
    for (;;) {
        gs_Object *aa = B(FLOORDIV, R(n), R(d));
        gs_Object *q2 = B(ADD, R(q0), B(MUL, R(aa), R(q1)));
        int gt = q2 ? gs_compare_bool(vm, GS_CMP_GT, q2, maxd) : -1;
        if (gt != 0) {
            gs_xdecref(vm, aa);
            gs_xdecref(vm, q2);
            if (gt < 0)
                goto out;
            break;
        }
        gs_Object *np1 = B(ADD, R(p0), B(MUL, R(aa), R(p1)));
        gs_decref(vm, p0);
        gs_decref(vm, q0);
        p0 = p1;
        q0 = q1;
        p1 = np1;
        q1 = q2;
        gs_Object *nd = B(SUB, R(n), B(MUL, aa, R(d)));
        gs_decref(vm, n);
        n = d;
        d = nd;
        if (!p1 || !d)
            goto out;
    }
    {
        gs_Object *k = B(FLOORDIV, B(SUB, R(maxd), R(q0)), R(q1));
        gs_Object *b1 = k ? mk(vm, B(ADD, R(p0), B(MUL, R(k), R(p1))), B(ADD, R(q0), B(MUL, R(k), R(q1))), true) : NULL;
        gs_xdecref(vm, k);
        gs_Object *b2 = b1 ? mk(vm, R(p1), R(q1), true) : NULL;
        if (b2) {
            gs_Object *e2 = gs_binary_op(vm, GS_OP_SUB, b2, self, false);
            gs_Object *e1 = e2 ? gs_binary_op(vm, GS_OP_SUB, b1, self, false) : NULL;
            gs_Object *a2 = e1 ? gs_binary_op(vm, GS_OP_MUL, e2, e2, false) : NULL;
            gs_Object *a1 = a2 ? gs_binary_op(vm, GS_OP_MUL, e1, e1, false) : NULL;
            int c = a1 ? gs_compare_bool(vm, GS_CMP_LE, a2, a1) : -1; /* |x| <= |y| as x*x <= y*y */
            if (c >= 0)
                r = R(c ? b2 : b1);
            gs_xdecref(vm, e1);
            gs_xdecref(vm, e2);
            gs_xdecref(vm, a1);
            gs_xdecref(vm, a2);
        }
        gs_xdecref(vm, b1);
        gs_xdecref(vm, b2);
    }
out:
    gs_xdecref(vm, p0);
    gs_xdecref(vm, q0);
    gs_xdecref(vm, p1);
    gs_xdecref(vm, q1);
    gs_xdecref(vm, n);
    gs_xdecref(vm, d);
    gs_decref(vm, maxd);
    return r;
}

/* ------------------------------------------------------------------ arithmetic */

static gs_Object *notimpl(gs_VM *vm) { return R(vm->notimpl); }

static int64_t bit_length(gs_VM *vm, gs_Object *o)
{
    if (gs_int_is_big(o))
        return gs_big_bit_length(o);
    int64_t v = gs_intlike_value(vm, o);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return u ? 64 - __builtin_clzll(u) : 0;
}

/* a / b of two ints, correctly rounded (CPython's long_true_divide): past
 * 2**53 a quotient of 58 or 59 bits, its last bit set when inexact, is
 * rounded half-even once, to the 53 bits of a double or to the fewer a
 * subnormal result keeps */
gs_Object *gs_int_true_divide(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    const int64_t lim = (int64_t)1 << 53;
    if (!gs_int_is_big(a) && !gs_int_is_big(b)) {
        int64_t x = gs_intlike_value(vm, a), y = gs_intlike_value(vm, b);
        if (y == 0 || (x >= -lim && x <= lim && y >= -lim && y <= lim))
            return gs_binary_op(vm, GS_OP_TRUEDIV, a, b, false);
    }
    int sa = isign(vm, a), sb = isign(vm, b);
    if (sb == 0 || sa == 0)
        return gs_binary_op(vm, GS_OP_TRUEDIV, a, b, false);
    gs_Object *x = sa < 0 ? B(SUB, I(0), R(a)) : R(a), *y = sb < 0 ? B(SUB, I(0), R(b)) : R(b);
    if (!x || !y) {
        gs_xdecref(vm, x);
        gs_xdecref(vm, y);
        return NULL;
    }
    int64_t shift = bit_length(vm, x) - bit_length(vm, y) - 58;
    if (shift >= 0)
        y = B(LSHIFT, y, I(shift));
    else
        x = B(LSHIFT, x, I(-shift));
    gs_Object *q = x && y ? gs_binary_op(vm, GS_OP_FLOORDIV, x, y, false) : NULL;
    gs_Object *r = q ? gs_binary_op(vm, GS_OP_MOD, x, y, false) : NULL;
    gs_xdecref(vm, x);
    gs_xdecref(vm, y);
    if (!r) {
        gs_xdecref(vm, q);
        return NULL;
    }
    uint64_t qv = (uint64_t)gs_intlike_value(vm, q); /* 2**57 <= qv < 2**59 */
    if (isign(vm, r))
        qv |= 1;
    gs_decref(vm, q);
    gs_decref(vm, r);
    int64_t drop = (64 - __builtin_clzll(qv)) - 53;
    if (-1074 - shift > drop)
        drop = -1074 - shift; /* subnormal: fewer bits */
    if (drop >= 64) {
        qv = 0;
    } else {
        uint64_t half = (uint64_t)1 << (drop - 1), rem = qv & ((half << 1) - 1);
        qv >>= drop;
        if (rem > half || (rem == half && (qv & 1)))
            qv++;
    }
    int64_t e = shift + drop;
    double d = ldexp((double)qv, (int)(e < -2000 ? -2000 : e > 2000 ? 2000 : e));
    if (isinf(d)) {
        gs_raise(vm, vm->e_OverflowError, "integer division result too large for a float");
        return NULL;
    }
    return gs_float_new(vm, (sa < 0) != (sb < 0) ? -d : d);
}

/* float(a): n / d */
static gs_Object *to_float(gs_VM *vm, gs_Object *a)
{
    if (GS_KIND(a) == GS_K_FLOAT)
        return R(a);
    if (gs_is_intlike(a))
        return gs_float_from_object(vm, a);
    return gs_int_true_divide(vm, FR(a)->num, FR(a)->den);
}

static gs_Object *fr_float(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return to_float(vm, self); }

enum { A_ADD, A_SUB, A_MUL, A_DIV, A_FLOORDIV, A_MOD, A_DIVMOD };

static const int float_ops[] = { GS_OP_ADD, GS_OP_SUB, GS_OP_MUL, GS_OP_TRUEDIV, GS_OP_FLOORDIV, GS_OP_MOD, -1 };

/* the exact operation of two rationals (ints or Fractions) */
static gs_Object *rational_op(gs_VM *vm, int which, gs_Object *a, gs_Object *b)
{
    gs_Object *na, *da, *nb, *db;
    ratio_of(vm, a, &na, &da);
    ratio_of(vm, b, &nb, &db);
    switch (which) {
    case A_ADD:
    case A_SUB: {
        gs_Object *d = B(MUL, R(da), R(db));
        gs_Object *n = which == A_ADD ? B(ADD, B(MUL, na, db), B(MUL, da, nb)) : B(SUB, B(MUL, na, db), B(MUL, da, nb));
        return mk(vm, n, d, true);
    }
    case A_MUL:
        return mk(vm, B(MUL, na, nb), B(MUL, da, db), true);
    case A_DIV: {
        /* _div: the gcds taken first, the sign moved to the numerator, as
         * the message of a division by zero shows */
        gs_Object *g1 = igcd(vm, na, nb);
        if (g1 && !gs_int_is_big(g1) && gs_intlike_value(vm, g1) > 1) {
            na = B(FLOORDIV, na, R(g1));
            nb = B(FLOORDIV, nb, R(g1));
        }
        gs_xdecref(vm, g1);
        gs_Object *g2 = igcd(vm, db, da);
        if (g2 && (gs_int_is_big(g2) || gs_intlike_value(vm, g2) > 1)) {
            da = B(FLOORDIV, da, R(g2));
            db = B(FLOORDIV, db, R(g2));
        }
        gs_xdecref(vm, g2);
        gs_Object *n = B(MUL, na, db), *d = B(MUL, nb, da);
        if (n && d && isign(vm, d) < 0) {
            n = B(SUB, I(0), n);
            d = B(SUB, I(0), d);
        }
        return mk(vm, n, d, false);
    }
    case A_FLOORDIV:
        return B(FLOORDIV, B(MUL, na, db), B(MUL, da, nb));
    case A_MOD: {
        gs_Object *d = B(MUL, R(da), R(db));
        return mk(vm, B(MOD, B(MUL, na, db), B(MUL, nb, da)), d, true);
    }
    default: { /* divmod */
        gs_Object *x = B(MUL, na, R(db)), *y = B(MUL, R(da), nb);
        gs_Object *q = x && y ? gs_binary_op(vm, GS_OP_FLOORDIV, x, y, false) : NULL;
        gs_Object *m = q ? B(MOD, R(x), R(y)) : NULL;
        gs_xdecref(vm, x);
        gs_xdecref(vm, y);
        gs_Object *f = m ? mk(vm, m, B(MUL, da, db), true) : NULL;
        if (!f) {
            gs_xdecref(vm, q);
            if (!m) {
                gs_decref(vm, da);
                gs_decref(vm, db);
            }
            return NULL;
        }
        gs_Object *t = gs_tuple_pack(vm, 2, q, f);
        gs_decref(vm, q);
        gs_decref(vm, f);
        return t;
    }
    }
}

/* divmod(x, y) of floats (or a float and an int) */
static gs_Object *float_divmod(gs_VM *vm, gs_Object *x, gs_Object *y)
{
    gs_Object *q = gs_binary_op(vm, GS_OP_FLOORDIV, x, y, false);
    gs_Object *m = q ? gs_binary_op(vm, GS_OP_MOD, x, y, false) : NULL;
    gs_Object *t = m ? gs_tuple_pack(vm, 2, q, m) : NULL;
    gs_xdecref(vm, q);
    gs_xdecref(vm, m);
    return t;
}

/* _operator_fallbacks: forward (self op other) and reverse (other op self) */
static gs_Object *arith(gs_VM *vm, int which, gs_Object *self, gs_Object *other, bool reverse)
{
    if (is_rational(vm, other))
        return reverse ? rational_op(vm, which, other, self) : rational_op(vm, which, self, other);
    if (GS_KIND(other) == GS_K_FLOAT || GS_KIND(other) == GS_K_COMPLEX) {
        gs_Object *f = to_float(vm, self);
        if (!f)
            return NULL;
        gs_Object *x = reverse ? other : f, *y = reverse ? f : other, *r;
        if (which == A_DIVMOD)
            r = float_divmod(vm, x, y);
        else
            r = gs_binary_op(vm, float_ops[which], x, y, false);
        gs_decref(vm, f);
        return r;
    }
    return notimpl(vm);
}

#define ARITH(name, which)                                                                                             \
    static gs_Object *fr_##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return arith(vm, which, self, args[0], false); } \
    static gs_Object *fr_r##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return arith(vm, which, self, args[0], true); }

ARITH(add, A_ADD)
ARITH(sub, A_SUB)
ARITH(mul, A_MUL)
ARITH(truediv, A_DIV)
ARITH(floordiv, A_FLOORDIV)
ARITH(mod, A_MOD)
ARITH(divmod, A_DIVMOD)

static gs_Object *fr_pow(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *b = args[0];
    if (is_rational(vm, b)) {
        gs_Object *bn, *bd;
        ratio_of(vm, b, &bn, &bd);
        bool integral = ieq1(vm, bd);
        gs_decref(vm, bd);
        if (!integral) {
            gs_decref(vm, bn);
            return B(POW, to_float(vm, self), to_float(vm, b));
        }
        gs_Object *n = FR(self)->num, *d = FR(self)->den;
        if (isign(vm, bn) >= 0)
            return mk(vm, B(POW, R(n), R(bn)), B(POW, R(d), bn), false);
        gs_Object *p = B(SUB, I(0), bn);
        if (!p)
            return NULL;
        if (isign(vm, n) >= 0)
            return mk(vm, B(POW, R(d), R(p)), B(POW, R(n), p), false);
        return mk(vm, B(POW, B(SUB, I(0), R(d)), R(p)), B(POW, B(SUB, I(0), R(n)), p), false);
    }
    return B(POW, to_float(vm, self), R(b));
}

static gs_Object *fr_rpow(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *a = args[0];
    gs_Object *n = FR(self)->num, *d = FR(self)->den;
    if (ieq1(vm, d) && isign(vm, n) >= 0)
        return gs_binary_op(vm, GS_OP_POW, a, n, false);
    if (is_rational(vm, a)) {
        gs_Object *an, *ad;
        ratio_of(vm, a, &an, &ad);
        gs_Object *f = mk(vm, an, ad, true);
        if (!f)
            return NULL;
        return B(POW, f, R(self));
    }
    if (ieq1(vm, d))
        return gs_binary_op(vm, GS_OP_POW, a, n, false);
    return B(POW, R(a), to_float(vm, self));
}

static gs_Object *fr_pos(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return mk(vm, R(FR(self)->num), R(FR(self)->den), false); }
static gs_Object *fr_neg(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return mk(vm, B(SUB, I(0), R(FR(self)->num)), R(FR(self)->den), false); }

static gs_Object *fr_abs(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *n = FR(self)->num;
    return mk(vm, isign(vm, n) < 0 ? B(SUB, I(0), R(n)) : R(n), R(FR(self)->den), false);
}

/* ------------------------------------------------------------------ to ints */

static gs_Object *fr_trunc(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *n = FR(self)->num, *d = FR(self)->den;
    if (isign(vm, n) < 0)
        return B(SUB, I(0), B(FLOORDIV, B(SUB, I(0), R(n)), R(d)));
    return gs_binary_op(vm, GS_OP_FLOORDIV, n, d, false);
}

static gs_Object *fr_floor(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    return gs_binary_op(vm, GS_OP_FLOORDIV, FR(self)->num, FR(self)->den, false);
}

static gs_Object *fr_ceil(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    return B(SUB, I(0), B(FLOORDIV, B(SUB, I(0), R(FR(self)->num)), R(FR(self)->den)));
}

/* round(self): the nearest int, a half to the even one */
static gs_Object *round_half_even(gs_VM *vm, gs_Object *self)
{
    gs_Object *n = FR(self)->num, *d = FR(self)->den;
    gs_Object *fl = gs_binary_op(vm, GS_OP_FLOORDIV, n, d, false);
    gs_Object *rem2 = fl ? B(MUL, gs_binary_op(vm, GS_OP_MOD, n, d, false), I(2)) : NULL;
    if (!rem2) {
        gs_xdecref(vm, fl);
        return NULL;
    }
    int c = gs_compare_bool(vm, GS_CMP_LT, rem2, d) ? -1 : gs_compare_bool(vm, GS_CMP_GT, rem2, d) ? 1 : 0;
    gs_decref(vm, rem2);
    if (c == 0) {
        gs_Object *odd = B(MOD, R(fl), I(2));
        c = odd && isign(vm, odd) ? 1 : -1;
        gs_xdecref(vm, odd);
    }
    return c < 0 ? fl : B(ADD, fl, I(1));
}

static gs_Object *fr_round(GS_ARGS)
{
    static const char *const names[] = { "ndigits" };
    static const gs_PySig sig = { "Fraction.__round__", names, 1, 0, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!a[0] || a[0] == vm->none)
        return round_half_even(vm, self);
    /* shift = 10**abs(ndigits) */
    gs_Object *nd = a[0];
    int s = gs_is_intlike(nd) ? isign(vm, nd) : 1;
    gs_Object *shift = B(POW, I(10), s < 0 ? B(SUB, I(0), R(nd)) : R(nd));
    if (!shift)
        return NULL;
    if (s > 0) {
        gs_Object *x = gs_binary_op(vm, GS_OP_MUL, self, shift, false);
        gs_Object *r = x ? round_half_even(vm, x) : NULL;
        gs_xdecref(vm, x);
        return mk(vm, r, shift, true);
    }
    gs_Object *x = gs_binary_op(vm, GS_OP_TRUEDIV, self, shift, false);
    gs_Object *r = x ? round_half_even(vm, x) : NULL;
    gs_xdecref(vm, x);
    return mk(vm, B(MUL, r, shift), I(1), true);
}

static gs_Object *fr_bool(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return GS_BOOL(vm, isign(vm, FR(self)->num) != 0); }

/* ------------------------------------------------------------------ hashing */

#define HASH_MOD ((uint64_t)0x1FFFFFFFFFFFFFFF) /* 2**61 - 1 */
#define HASH_INF 314159

/* |o| % (2**61 - 1) of an int */
static int mod_p(gs_VM *vm, gs_Object *o, uint64_t *out)
{
    if (!gs_int_is_big(o)) {
        int64_t v = gs_intlike_value(vm, o);
        uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        *out = u % HASH_MOD;
        return 0;
    }
    gs_Object *a = isign(vm, o) < 0 ? B(SUB, I(0), R(o)) : R(o);
    gs_Object *m = B(MOD, a, I((int64_t)HASH_MOD));
    if (!m)
        return -1;
    *out = (uint64_t)gs_intlike_value(vm, m);
    gs_decref(vm, m);
    return 0;
}

static uint64_t mulmod(uint64_t a, uint64_t b) { return (uint64_t)(((unsigned __int128)a * b) % HASH_MOD); }

static gs_Object *fr_hash(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    uint64_t n, d;
    if (mod_p(vm, FR(self)->num, &n) < 0 || mod_p(vm, FR(self)->den, &d) < 0)
        return NULL;
    int64_t h;
    if (d == 0) {
        h = HASH_INF;
    } else {
        uint64_t inv = 1, b = d, e = HASH_MOD - 2; /* pow(d, -1, P) */
        while (e) {
            if (e & 1)
                inv = mulmod(inv, b);
            b = mulmod(b, b);
            e >>= 1;
        }
        h = (int64_t)mulmod(n, inv);
    }
    if (isign(vm, FR(self)->num) < 0)
        h = -h;
    return I(h == -1 ? -2 : h);
}

/* ------------------------------------------------------------------ comparisons */

static bool nonfinite(gs_Object *f) { return !isfinite(((gs_Float *)f)->value); }

static gs_Object *richcmp(gs_VM *vm, int op, gs_Object *self, gs_Object *other)
{
    if (is_rational(vm, other)) {
        gs_Object *on, *od;
        ratio_of(vm, other, &on, &od);
        gs_Object *x = B(MUL, R(FR(self)->num), od), *y = B(MUL, R(FR(self)->den), on);
        gs_Object *r = x && y ? gs_compare(vm, op, x, y) : NULL;
        gs_xdecref(vm, x);
        gs_xdecref(vm, y);
        return r;
    }
    if (GS_KIND(other) == GS_K_FLOAT) {
        if (nonfinite(other)) {
            gs_Object *z = gs_float_new(vm, 0.0);
            gs_Object *r = z ? gs_compare(vm, op, z, other) : NULL;
            gs_xdecref(vm, z);
            return r;
        }
        gs_Object *n, *d;
        if (float_ratio(vm, other, &n, &d) < 0)
            return NULL;
        gs_Object *f = mk(vm, n, d, true);
        gs_Object *r = f ? gs_compare(vm, op, self, f) : NULL;
        gs_xdecref(vm, f);
        return r;
    }
    if (GS_KIND(other) == GS_K_COMPLEX && (op == GS_CMP_EQ || op == GS_CMP_NE)) {
        gs_Object *real = gs_getattr(vm, other, gs_name(vm, "real")), *imag = real ? gs_getattr(vm, other, gs_name(vm, "imag")) : NULL;
        gs_Object *r = NULL;
        if (imag) {
            bool z = ((gs_Float *)imag)->value == 0.0;
            r = z ? richcmp(vm, op, self, real) : GS_BOOL(vm, op == GS_CMP_NE);
        }
        gs_xdecref(vm, real);
        gs_xdecref(vm, imag);
        return r;
    }
    return notimpl(vm);
}

#define CMP(name, op) \
    static gs_Object *fr_##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return richcmp(vm, op, self, args[0]); }
CMP(lt, GS_CMP_LT)
CMP(le, GS_CMP_LE)
CMP(gt, GS_CMP_GT)
CMP(ge, GS_CMP_GE)
CMP(eq, GS_CMP_EQ)
CMP(ne, GS_CMP_NE)

/* ------------------------------------------------------------------ copying */

static gs_Object *fr_reduce(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *nd = gs_tuple_pack(vm, 2, FR(self)->num, FR(self)->den);
    gs_Object *r = nd ? gs_tuple_pack(vm, 2, &self->type->ob, nd) : NULL;
    gs_xdecref(vm, nd);
    return r;
}

/* __copy__ and __deepcopy__: a Fraction is immutable, itself; a subclass's
 * instance a new one */
static gs_Object *fr_copy(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (self->type == fraction_t(vm))
        return R(self);
    gs_Object *a[2] = { FR(self)->num, FR(self)->den };
    return gs_call(vm, &self->type->ob, a, 2, NULL);
}

/* ================================================================== the module */

static const gs_MethodDef frac_methods[] = {
    { "__new__", fr_new, 0, -1, GS_KW },
    { "from_float", fr_from_float, 0, -1, GS_KW | GS_CLASSMETH },
    { "from_decimal", fr_from_decimal, 0, -1, GS_KW | GS_CLASSMETH },
    { "limit_denominator", fr_limit_denominator, 0, -1, GS_KW },
    { "as_integer_ratio", fr_as_integer_ratio, 0, 0, 0 },
    { "__repr__", fr_repr, 0, 0, 0 },
    { "__str__", fr_str, 0, 0, 0 },
    { "__add__", fr_add, 1, 1, 0 },
    { "__radd__", fr_radd, 1, 1, 0 },
    { "__sub__", fr_sub, 1, 1, 0 },
    { "__rsub__", fr_rsub, 1, 1, 0 },
    { "__mul__", fr_mul, 1, 1, 0 },
    { "__rmul__", fr_rmul, 1, 1, 0 },
    { "__truediv__", fr_truediv, 1, 1, 0 },
    { "__rtruediv__", fr_rtruediv, 1, 1, 0 },
    { "__floordiv__", fr_floordiv, 1, 1, 0 },
    { "__rfloordiv__", fr_rfloordiv, 1, 1, 0 },
    { "__mod__", fr_mod, 1, 1, 0 },
    { "__rmod__", fr_rmod, 1, 1, 0 },
    { "__divmod__", fr_divmod, 1, 1, 0 },
    { "__rdivmod__", fr_rdivmod, 1, 1, 0 },
    { "__pow__", fr_pow, 1, 1, 0 },
    { "__rpow__", fr_rpow, 1, 1, 0 },
    { "__pos__", fr_pos, 0, 0, 0 },
    { "__neg__", fr_neg, 0, 0, 0 },
    { "__abs__", fr_abs, 0, 0, 0 },
    { "__int__", fr_trunc, 0, 0, 0 },
    { "__trunc__", fr_trunc, 0, 0, 0 },
    { "__floor__", fr_floor, 0, 0, 0 },
    { "__ceil__", fr_ceil, 0, 0, 0 },
    { "__round__", fr_round, 0, -1, GS_KW },
    { "__float__", fr_float, 0, 0, 0 },
    { "__hash__", fr_hash, 0, 0, 0 },
    { "__bool__", fr_bool, 0, 0, 0 },
    { "__eq__", fr_eq, 1, 1, 0 },
    { "__ne__", fr_ne, 1, 1, 0 },
    { "__lt__", fr_lt, 1, 1, 0 },
    { "__le__", fr_le, 1, 1, 0 },
    { "__gt__", fr_gt, 1, 1, 0 },
    { "__ge__", fr_ge, 1, 1, 0 },
    { "conjugate", fr_pos, 0, 0, 0 },
    { "__reduce__", fr_reduce, 0, 0, 0 },
    { "__copy__", fr_copy, 0, 0, 0 },
    { "__deepcopy__", fr_copy, 1, 1, 0 },
    { NULL, NULL, 0, 0, 0 },
};

static gs_Type *frac_type(gs_VM *vm)
{
    gs_Type *t = vm->modstate[GS_MS_FRACTIONS];
    if (t)
        return t;
    vm->runtime_alloc++; /* the interpreter's, not the program's */
    t = gs_modtype_new(vm, "fractions.Fraction", vm->t_object, &frac_ops, true);
    t->flags &= (uint16_t)~GS_TF_DICT; /* __slots__: no __dict__ */
    gs_modtype_add_attr(vm, t, "__basicsize__", gs_int_new(vm, 32)); /* two slots; + 16 of GC header */
    gs_type_add_methods(vm, t, frac_methods);
    gs_type_add_getter(vm, t, "numerator", fr_numerator);
    gs_type_add_getter(vm, t, "denominator", fr_denominator);
    gs_type_add_getter(vm, t, "real", fr_pos);
    gs_type_add_getter(vm, t, "imag", fr_imag);
    vm->runtime_alloc--;
    vm->modstate[GS_MS_FRACTIONS] = t;
    return t;
}

gs_Type *gs_fraction_type(gs_VM *vm) { return frac_type(vm); }

gs_Object *gs_module_fractions(gs_VM *vm)
{
    gs_Type *t = frac_type(vm);
    if (!t)
        return NULL;
    /* Lib/fractions.py imports decimal (whose C module imports collections
     * and numbers) */
    bool had_decimal = gs_module_imported(vm, "decimal");
    gs_Object *dec = gs_import(vm, gs_name(vm, "decimal"));
    if (!dec)
        return NULL;
    gs_Object *m = gs_module_new(vm, "fractions");
    if (!m) {
        gs_decref(vm, dec);
        return NULL;
    }
    gs_module_add(vm, m, "Fraction", gs_newref(vm, &t->ob));
    gs_module_add(vm, m, "Decimal", gs_getattr(vm, dec, gs_name(vm, "Decimal"))); /* from decimal import Decimal */
    static const char *const all[] = { "Fraction", NULL };
    gs_module_add(vm, m, "__all__", gs_str_list(vm, all));
    gs_decref(vm, dec);
    /* CPython runs Lib/fractions.py and what it imports beyond decimal
     * (re, operator ...): allocations (with the collector disabled) and
     * objects kept after a full collection, measured with python3.11 in a
     * program that imported decimal before, less what the model makes
     * (53 allocations, 55 objects kept); 43 objects left in cycles, 37 of
     * them early (the automatic collections the import's allocations
     * trigger free them).  With the collector enabled 131 fewer
     * allocations count, as gc.get_count() after the import shows, and 26
     * fewer still when decimal comes with fractions. */
    enum { FR_ALLOCS = 2244 - 53 - 131, FR_KEPT = 1088 - 55, FR_GARBAGE = 6, FR_EARLY = 37 };
    gs_gc_import_footprint(vm, 0, 0, FR_EARLY);
    gs_gc_import_footprint(vm, FR_ALLOCS - (had_decimal ? 0 : 26 - 52), FR_KEPT, FR_GARBAGE);
    return m;
}

void gs_fractions_free(gs_VM *vm)
{
    vm->modstate[GS_MS_FRACTIONS] = NULL; /* the type itself is the VM's */
}
