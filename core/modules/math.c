/*
 * math.c — the math module (Modules/mathmodule.c): the C library's
 * functions behind CPython's own wrappers, so results and errors are
 * CPython's: a NaN from a number is "math domain error" (ValueError), an
 * infinity from a finite number "math range error" (OverflowError) or a
 * domain error where the function has a singularity; log, log2 and log10
 * special-case zero and negatives; pow, atan2, fmod, frexp, ldexp, modf
 * handle IEEE specials themselves; hypot and dist use CPython's
 * vector_norm, fsum its exact partial sums; floor, ceil and trunc return
 * ints; factorial, comb, perm, gcd, lcm and isqrt work on ints.
 *
 * Integer results past 64 bits (factorial(21), comb(100, 50), floor(1e300))
 * are computed by bigint.c.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

static void raise_domain(gs_VM *vm) { gs_raise(vm, vm->e_ValueError, "math domain error"); }
static void raise_range(gs_VM *vm) { gs_raise(vm, vm->e_OverflowError, "math range error"); }
static void raise_int_overflow(gs_VM *vm)
{
    gs_raise(vm, vm->e_OverflowError, "integer result too large (gcscope's ints are 64-bit)");
}

/* is_error: errno set by libm, r its result */
static bool is_error(gs_VM *vm, double r)
{
    if (errno == EDOM) {
        raise_domain(vm);
        return true;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5)
            return false; /* underflow: not an error */
        raise_range(vm);
        return true;
    }
    gs_raise(vm, vm->e_ValueError, "math domain error");
    return true;
}

/* PyLong_FromDouble: an int from an integral double */
static gs_Object *int_from_double(gs_VM *vm, double d)
{
    if (isinf(d)) {
        gs_raise(vm, vm->e_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(d)) {
        gs_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0)
        return gs_big_from_double(vm, d);
    return gs_int_new(vm, (int64_t)d);
}

/* the checks of a METH_O function: "math.name() takes exactly one argument" */
static int one(gs_VM *vm, const char *name, int nargs, gs_Tuple *kwnames)
{
    char full[64];
    snprintf(full, sizeof full, "math.%s", name);
    return gs_onearg(vm, full, nargs, kwnames);
}

/* _PyArg_CheckPositional for a METH_FASTCALL function of exactly n arguments */
static int exactly(gs_VM *vm, const char *name, int n, int nargs, gs_Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != n) {
        gs_raise(vm, vm->e_TypeError, "%s expected %d argument%s, got %d", name, n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* ================================================================== one-argument functions: math_1 */

typedef double (*Fn1)(double);

static gs_Object *math_1(gs_VM *vm, gs_Object *arg, Fn1 f, bool can_overflow)
{
    double x;
    if (gs_real_arg(vm, arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x)) {
        raise_domain(vm);
        return NULL;
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow)
            raise_range(vm);
        else
            raise_domain(vm);
        return NULL;
    }
    if (isfinite(r) && errno && is_error(vm, r))
        return NULL;
    return gs_float_new(vm, r);
}

static double c_log(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double c_log2(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0)
        return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double c_log10(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double c_log1p(double x) { return x == 0.0 ? x : log1p(x); }

/* loghelper: ints are the log of their exact value; non-positive ints are
 * a domain error before any conversion */
static gs_Object *loghelper(gs_VM *vm, gs_Object *arg, Fn1 f)
{
    if (gs_is_intlike(arg)) {
        int64_t v = gs_intlike_value(vm, arg);
        if (v <= 0) {
            raise_domain(vm);
            return NULL;
        }
        if (gs_int_is_big(arg)) {
            /* too big for a float, maybe: log(d * 2**e) = log(d) + e * log(2) */
            long e;
            double d = gs_big_frexp(arg, &e);
            return gs_float_new(vm, f(d) + f(2.0) * (double)e);
        }
        return gs_float_new(vm, f((double)v));
    }
    return math_1(vm, arg, f, false);
}

#define FUNC1(name, fn, can_overflow)                                                                               \
    static gs_Object *m_##name(GS_ARGS)                                                                              \
    {                                                                                                                \
        GS_UNUSED(self);                                                                                             \
        if (one(vm, #name, nargs, kwnames) < 0)                                                                      \
            return NULL;                                                                                             \
        return math_1(vm, args[0], fn, can_overflow);                                                                \
    }

FUNC1(acos, acos, false)
FUNC1(acosh, acosh, false)
FUNC1(asin, asin, false)
FUNC1(asinh, asinh, false)
FUNC1(atan, atan, false)
FUNC1(atanh, atanh, false)
FUNC1(cbrt, cbrt, false)
FUNC1(cos, cos, false)
FUNC1(cosh, cosh, true)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(fabs, fabs, false)
FUNC1(log1p, c_log1p, false)
FUNC1(sin, sin, false)
FUNC1(sinh, sinh, true)
FUNC1(sqrt, sqrt, false)
FUNC1(tan, tan, false)
FUNC1(tanh, tanh, false)

/* ================================================================== gamma, lgamma, erf, erfc: math_1a */

/* CPython does not use libm's tgamma and lgamma: its own Lanczos
 * approximation (N = 13, g = 6.0246...) gives the digits it prints, so the
 * same steps are taken here.  erf and erfc are libm's, as on Linux builds
 * (HAVE_ERF). */
enum { LANCZOS_N = 13, NGAMMA_INTEGRAL = 23 };
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den[LANCZOS_N] = { 0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                               45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                               1925.0,     66.0,       1.0 };
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};
static const double logpi = 1.144729885849400174143427351353058711647;
static const double pi_d = 3.141592653589793238462643383279502884197;

/* sin(pi*x), exact at the integers and half-integers; x finite */
static double sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(pi_d * y); break;
    case 1: r = cos(pi_d * (y - 0.5)); break;
    case 2: r = sin(pi_d * (1.0 - y)); break; /* not -sin(pi*(y-1)): +0.0 at y == 1 */
    case 3: r = -cos(pi_d * (y - 1.5)); break;
    default: r = sin(pi_d * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/* the rational function of Lanczos' formula, x > 0; rescaled in 1/x for
 * large x so it cannot overflow */
static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

static double c_tgamma(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + lanczos_g_minus_half, z;
    /* z: the rounding error of y, for the correction factor (1 + z*g/y) */
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -pi_d / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double c_lgamma(double x)
{
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = logpi - log(fabs(sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* math_1a: the function reports its own errors through errno */
#define FUNC1A(name, fn)                                                                                             \
    static gs_Object *m_##name(GS_ARGS)                                                                              \
    {                                                                                                                \
        GS_UNUSED(self);                                                                                             \
        if (one(vm, #name, nargs, kwnames) < 0)                                                                      \
            return NULL;                                                                                             \
        double x;                                                                                                    \
        if (gs_real_arg(vm, args[0], &x) < 0)                                                                        \
            return NULL;                                                                                             \
        errno = 0;                                                                                                   \
        double r = fn(x);                                                                                            \
        if (errno && is_error(vm, r))                                                                                \
            return NULL;                                                                                             \
        return gs_float_new(vm, r);                                                                                  \
    }

FUNC1A(erf, erf)
FUNC1A(erfc, erfc)
FUNC1A(gamma, c_tgamma)
FUNC1A(lgamma, c_lgamma)

static gs_Object *m_log(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "log() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, "math.log requires 1 to 2 arguments");
        return NULL;
    }
    gs_Object *num = loghelper(vm, args[0], c_log);
    if (!num || nargs == 1)
        return num;
    gs_Object *den = loghelper(vm, args[1], c_log);
    return gs_binop_steal(vm, GS_OP_TRUEDIV, num, den);
}

static gs_Object *m_log2f(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "log2", nargs, kwnames) < 0)
        return NULL;
    return loghelper(vm, args[0], c_log2);
}

static gs_Object *m_log10f(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "log10", nargs, kwnames) < 0)
        return NULL;
    return loghelper(vm, args[0], c_log10);
}

/* ================================================================== two-argument functions: math_2 */

typedef double (*Fn2)(double, double);

static double c_atan2(double y, double x)
{
    if (isnan(x) || isnan(y))
        return NAN;
    if (isinf(y)) {
        if (isinf(x)) {
            if (copysign(1., x) == 1.)
                return copysign(0.25 * M_PI, y);
            return copysign(0.75 * M_PI, y);
        }
        return copysign(0.5 * M_PI, y);
    }
    if (isinf(x) || y == 0.) {
        if (copysign(1., x) == 1.)
            return copysign(0., y);
        return copysign(M_PI, y);
    }
    return atan2(y, x);
}

static double c_remainder(double x, double y)
{
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0)
            return NAN;
        double absx = fabs(x), absy = fabs(y);
        double m = fmod(absx, absy);
        double c = absy - m, r;
        if (m < c)
            r = m;
        else if (m > c)
            r = -c;
        else
            r = m - 2.0 * fmod(0.5 * (absx - m), absy);
        return copysign(1.0, x) * r;
    }
    if (isnan(x))
        return x;
    if (isnan(y))
        return y;
    if (isinf(x))
        return NAN;
    return x;
}

static gs_Object *math_2(gs_VM *vm, const char *name, gs_Object **args, int nargs, gs_Tuple *kwnames, Fn2 f)
{
    double x, y;
    if (exactly(vm, name, 2, nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0 ||
        gs_real_arg(vm, args[1], &y) < 0)
        return NULL;
    errno = 0;
    double r = f(x, y);
    if (isnan(r))
        errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r))
        errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (errno && is_error(vm, r))
        return NULL;
    return gs_float_new(vm, r);
}

static gs_Object *m_atan2f(GS_ARGS) { GS_UNUSED(self); return math_2(vm, "atan2", args, nargs, kwnames, c_atan2); }
static gs_Object *m_copysign(GS_ARGS) { GS_UNUSED(self); return math_2(vm, "copysign", args, nargs, kwnames, copysign); }
static gs_Object *m_remainderf(GS_ARGS)
{
    GS_UNUSED(self);
    return math_2(vm, "remainder", args, nargs, kwnames, c_remainder);
}

static gs_Object *m_pow(GS_ARGS)
{
    GS_UNUSED(self);
    double x, y, r = 0.;
    if (exactly(vm, "pow", 2, nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0 ||
        gs_real_arg(vm, args[1], &y) < 0)
        return NULL;
    errno = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0. ? 1. : x;
        else if (isnan(y))
            r = x == 1. ? 1. : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    } else {
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r))
                errno = EDOM;
            else
                errno = x == 0. ? EDOM : ERANGE;
        }
    }
    if (errno && is_error(vm, r))
        return NULL;
    return gs_float_new(vm, r);
}

static gs_Object *m_fmod(GS_ARGS)
{
    GS_UNUSED(self);
    double x, y;
    if (exactly(vm, "fmod", 2, nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0 ||
        gs_real_arg(vm, args[1], &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return gs_float_new(vm, x);
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r))
        errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    if (errno && is_error(vm, r))
        return NULL;
    return gs_float_new(vm, r);
}

/* ================================================================== to integers */

/* the result of a special method o.name() if o's class has one; *found */
static gs_Object *special(gs_VM *vm, gs_Object *o, const char *name, bool *found)
{
    *found = false;
    if (GS_KIND(o) != GS_K_INSTANCE)
        return NULL;
    gs_Object *m = gs_type_lookup(o->type, gs_name(vm, name));
    if (!m)
        return NULL;
    *found = true;
    return gs_call(vm, m, &o, 1, NULL);
}

static gs_Object *floor_ceil(gs_VM *vm, gs_Object *o, bool is_floor)
{
    if (gs_is_intlike(o)) /* int.__floor__ / __ceil__: the int itself */
        return gs_int_new(vm, gs_intlike_value(vm, o));
    bool found;
    gs_Object *r = special(vm, o, is_floor ? "__floor__" : "__ceil__", &found);
    if (found)
        return r;
    double x;
    if (gs_real_arg(vm, o, &x) < 0)
        return NULL;
    return int_from_double(vm, is_floor ? floor(x) : ceil(x));
}

static gs_Object *m_floor(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "floor", nargs, kwnames) < 0)
        return NULL;
    return floor_ceil(vm, args[0], true);
}

static gs_Object *m_ceil(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "ceil", nargs, kwnames) < 0)
        return NULL;
    return floor_ceil(vm, args[0], false);
}

static gs_Object *m_trunc(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "trunc", nargs, kwnames) < 0)
        return NULL;
    gs_Object *o = args[0];
    if (GS_KIND(o) == GS_K_FLOAT)
        return int_from_double(vm, trunc(((gs_Float *)o)->value));
    if (gs_is_intlike(o))
        return gs_int_new(vm, gs_intlike_value(vm, o));
    bool found;
    gs_Object *r = special(vm, o, "__trunc__", &found);
    if (found)
        return r;
    const char *tn = o->type->name->data;
    gs_raise(vm, vm->e_TypeError, "type %s doesn't define __trunc__ method", tn);
    return NULL;
}

/* ================================================================== integer functions */

static gs_Object *m_factorial(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "factorial", nargs, kwnames) < 0)
        return NULL;
    int64_t n;
    if (gs_index_arg(vm, args[0], &n) < 0)
        return NULL;
    if (n < 0) {
        gs_raise(vm, vm->e_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    if (n > 20)
        return gs_big_factorial(vm, n);
    int64_t r = 1;
    for (int64_t i = 2; i <= n; i++)
        r *= i;
    return gs_int_new(vm, r);
}

static int64_t gcd64(int64_t a, int64_t b)
{
    uint64_t x = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
    uint64_t y = b < 0 ? (uint64_t)0 - (uint64_t)b : (uint64_t)b;
    while (y) {
        uint64_t t = x % y;
        x = y;
        y = t;
    }
    return (int64_t)x; /* 2**63 only for gcd(-2**63, 0): reported by the caller's abs */
}

static int checked_abs(gs_VM *vm, int64_t v, int64_t *out)
{
    if (v == INT64_MIN) {
        raise_int_overflow(vm);
        return -1;
    }
    *out = v < 0 ? -v : v;
    return 0;
}

/* whether the arguments are all ints and one is past 64 bits */
static bool any_big(gs_Object **args, int nargs)
{
    bool big = false;
    for (int i = 0; i < nargs; i++) {
        if (GS_KIND(args[i]) != GS_K_INT && GS_KIND(args[i]) != GS_K_BOOL)
            return false;
        big = big || gs_int_is_big(args[i]);
    }
    return big;
}

static gs_Object *m_gcd(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "gcd", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return gs_int_new(vm, 0);
    if (any_big(args, nargs))
        return gs_big_gcd_lcm(vm, args, nargs, false);
    int64_t res;
    if (gs_index_arg(vm, args[0], &res) < 0)
        return NULL;
    for (int i = 1; i < nargs; i++) {
        int64_t x;
        if (gs_index_arg(vm, args[i], &x) < 0)
            return NULL;
        if (res != 1 && res != -1)
            res = gcd64(res, x);
    }
    if (checked_abs(vm, res, &res) < 0)
        return NULL;
    return gs_int_new(vm, res);
}

static gs_Object *m_lcm(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "lcm", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return gs_int_new(vm, 1);
    if (any_big(args, nargs))
        return gs_big_gcd_lcm(vm, args, nargs, true);
    int64_t res;
    if (gs_index_arg(vm, args[0], &res) < 0)
        return NULL;
    if (nargs == 1) {
        if (checked_abs(vm, res, &res) < 0)
            return NULL;
        return gs_int_new(vm, res);
    }
    for (int i = 1; i < nargs; i++) {
        int64_t x;
        if (gs_index_arg(vm, args[i], &x) < 0)
            return NULL;
        if (res == 0)
            continue;
        if (x == 0) {
            res = 0;
            continue;
        }
        int64_t g = gcd64(res, x), m;
        if (g < 0 || __builtin_mul_overflow(res / g, x, &m) || m == INT64_MIN)
            return gs_big_gcd_lcm(vm, args, nargs, true);
        res = m < 0 ? -m : m;
    }
    return gs_int_new(vm, res);
}

static gs_Object *m_isqrt(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "isqrt", nargs, kwnames) < 0)
        return NULL;
    if (gs_int_is_big(args[0]))
        return gs_big_isqrt(vm, args[0]);
    int64_t n;
    if (gs_index_arg(vm, args[0], &n) < 0)
        return NULL;
    if (n < 0) {
        gs_raise(vm, vm->e_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    uint64_t r = (uint64_t)sqrt((double)n);
    while (r * r > (uint64_t)n)
        r--;
    while ((r + 1) * (r + 1) <= (uint64_t)n)
        r++;
    return gs_int_new(vm, (int64_t)r);
}

/* comb(n, k) and perm(n, k): n and k by operator.index */
static int nk_args(gs_VM *vm, gs_Object *no, gs_Object *ko, int64_t *n, int64_t *k)
{
    if (gs_index_arg(vm, no, n) < 0 || gs_index_arg(vm, ko, k) < 0)
        return -1;
    if (*n < 0) {
        gs_raise(vm, vm->e_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (*k < 0) {
        gs_raise(vm, vm->e_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

static gs_Object *m_comb(GS_ARGS)
{
    GS_UNUSED(self);
    int64_t n, k;
    if (exactly(vm, "comb", 2, nargs, kwnames) < 0 || nk_args(vm, args[0], args[1], &n, &k) < 0)
        return NULL;
    if (k > n)
        return gs_int_new(vm, 0);
    if (k > n - k)
        k = n - k;
    /* C(n-k+i, i) grows with i: once past 64 bits, so is the result */
    unsigned __int128 r = 1;
    for (int64_t i = 1; i <= k; i++) {
        r = r * (unsigned __int128)(n - k + i) / (unsigned __int128)i;
        if (r > (unsigned __int128)INT64_MAX)
            return gs_big_comb_perm(vm, n, k, false);
    }
    return gs_int_new(vm, (int64_t)r);
}

static gs_Object *m_perm(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "perm() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, "perm expected %s, got %d",
                 nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
        return NULL;
    }
    if (nargs == 1 || args[1] == vm->none)
        return m_factorial(vm, NULL, args, 1, NULL);
    int64_t n, k;
    if (nk_args(vm, args[0], args[1], &n, &k) < 0)
        return NULL;
    if (k > n)
        return gs_int_new(vm, 0);
    int64_t r = 1;
    for (int64_t i = 0; i < k; i++)
        if (__builtin_mul_overflow(r, n - i, &r))
            return gs_big_comb_perm(vm, n, k, true);
    return gs_int_new(vm, r);
}

/* ================================================================== floats in, floats out */

static gs_Object *m_degrees(GS_ARGS)
{
    GS_UNUSED(self);
    double x;
    if (one(vm, "degrees", nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0)
        return NULL;
    return gs_float_new(vm, x * (180.0 / M_PI));
}

static gs_Object *m_radians(GS_ARGS)
{
    GS_UNUSED(self);
    double x;
    if (one(vm, "radians", nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0)
        return NULL;
    return gs_float_new(vm, x * (M_PI / 180.0));
}

static gs_Object *classify(gs_VM *vm, const char *name, gs_Object **args, int nargs, gs_Tuple *kwnames, int which)
{
    double x;
    if (one(vm, name, nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0)
        return NULL;
    bool r = which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x);
    return GS_BOOL(vm, r);
}

static gs_Object *m_isfinite(GS_ARGS) { GS_UNUSED(self); return classify(vm, "isfinite", args, nargs, kwnames, 0); }
static gs_Object *m_isinf(GS_ARGS) { GS_UNUSED(self); return classify(vm, "isinf", args, nargs, kwnames, 1); }
static gs_Object *m_isnan(GS_ARGS) { GS_UNUSED(self); return classify(vm, "isnan", args, nargs, kwnames, 2); }

static gs_Object *float_pair(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Object *t = a && b ? gs_tuple_pack(vm, 2, a, b) : NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return t;
}

static gs_Object *m_frexp(GS_ARGS)
{
    GS_UNUSED(self);
    double x;
    if (one(vm, "frexp", nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0)
        return NULL;
    int e = 0;
    if (!(isnan(x) || isinf(x) || !x))
        x = frexp(x, &e);
    return float_pair(vm, gs_float_new(vm, x), gs_int_new(vm, e));
}

static gs_Object *m_ldexp(GS_ARGS)
{
    GS_UNUSED(self);
    double x, r;
    if (exactly(vm, "ldexp", 2, nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0)
        return NULL;
    if (!gs_is_intlike(args[1])) {
        gs_raise(vm, vm->e_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int64_t e = gs_intlike_value(vm, args[1]);
    errno = 0;
    if (x == 0. || !isfinite(x))
        r = x;
    else if (e > INT32_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (e < INT32_MIN)
        r = copysign(0., x);
    else {
        r = ldexp(x, (int)e);
        errno = isinf(r) ? ERANGE : 0;
    }
    if (errno && is_error(vm, r))
        return NULL;
    return gs_float_new(vm, r);
}

static gs_Object *m_modf(GS_ARGS)
{
    GS_UNUSED(self);
    double x, y;
    if (one(vm, "modf", nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0)
        return NULL;
    if (isinf(x))
        return float_pair(vm, gs_float_new(vm, copysign(0., x)), gs_float_new(vm, x));
    if (isnan(x))
        return float_pair(vm, gs_float_new(vm, x), gs_float_new(vm, x));
    x = modf(x, &y);
    return float_pair(vm, gs_float_new(vm, x), gs_float_new(vm, y));
}

/* vector_norm: CPython's accurate sqrt(sum(x**2 for x in vec)) */
static double vector_norm(int64_t n, const double *vec, double max, bool found_nan)
{
    const double T27 = 134217729.0;
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double t, hi, lo, h;
    int max_e;
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    frexp(max, &max_e);
    if (max_e >= -1023) {
        scale = ldexp(1.0, -max_e);
        for (int64_t i = 0; i < n; i++) {
            x = vec[i] * scale;
            t = x * T27;
            hi = t - (t - x);
            lo = x - hi;
            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        x = h;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for (int64_t i = 0; i < n; i++) {
        x = vec[i] / max;
        x = x * x;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    return max * sqrt(csum - 1.0 + frac1);
}

static gs_Object *m_hypot(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "hypot", kwnames) < 0)
        return NULL;
    double *c = malloc(((size_t)nargs + 1) * sizeof *c);
    if (!c) {
        gs_raise_memory(vm);
        return NULL;
    }
    double max = 0.0;
    bool nan = false;
    for (int i = 0; i < nargs; i++) {
        double x;
        if (gs_real_arg(vm, args[i], &x) < 0) {
            free(c);
            return NULL;
        }
        x = fabs(x);
        c[i] = x;
        nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = vector_norm(nargs, c, max, nan);
    free(c);
    return gs_float_new(vm, r);
}

static gs_Object *m_dist(GS_ARGS)
{
    GS_UNUSED(self);
    if (exactly(vm, "dist", 2, nargs, kwnames) < 0)
        return NULL;
    gs_Object *p = GS_KIND(args[0]) == GS_K_TUPLE ? gs_newref(vm, args[0]) : gs_tuple_from_iterable(vm, args[0]);
    if (!p)
        return NULL;
    gs_Object *q = GS_KIND(args[1]) == GS_K_TUPLE ? gs_newref(vm, args[1]) : gs_tuple_from_iterable(vm, args[1]);
    if (!q) {
        gs_decref(vm, p);
        return NULL;
    }
    gs_Object *res = NULL;
    int32_t n = ((gs_Tuple *)p)->len;
    double *d = NULL;
    if (n != ((gs_Tuple *)q)->len) {
        gs_raise(vm, vm->e_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    d = malloc(((size_t)n + 1) * sizeof *d);
    if (!d) {
        gs_raise_memory(vm);
        goto done;
    }
    double max = 0.0;
    bool nan = false;
    for (int32_t i = 0; i < n; i++) {
        double px, qx;
        if (gs_real_arg(vm, ((gs_Tuple *)p)->items[i], &px) < 0 ||
            gs_real_arg(vm, ((gs_Tuple *)q)->items[i], &qx) < 0)
            goto done;
        double x = fabs(px - qx);
        d[i] = x;
        nan |= isnan(x);
        if (x > max)
            max = x;
    }
    res = gs_float_new(vm, vector_norm(n, d, max, nan));
done:
    free(d);
    gs_decref(vm, p);
    gs_decref(vm, q);
    return res;
}

/* fsum of an iterable: Shewchuk's exact partial sums, rounded once
 * (CPython's msum); statistics sums with it too */
int gs_fsum(gs_VM *vm, gs_Object *iterable, double *out)
{
    gs_Object *it = gs_iter(vm, iterable);
    if (!it)
        return -1;
    size_t n = 0, m = 32;
    double *p = malloc(m * sizeof *p);
    double special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;
    gs_Object *item;
    int rc = -1;
    if (!p) {
        gs_decref(vm, it);
        gs_raise_memory(vm);
        return -1;
    }
    while ((item = gs_next(vm, it)) != NULL) {
        double x, y, t;
        int r = gs_real_arg(vm, item, &x);
        gs_decref(vm, item);
        if (r < 0)
            goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    gs_raise(vm, vm->e_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    double *np = realloc(p, 2 * m * sizeof *p);
                    if (!np) {
                        gs_raise(vm, vm->e_MemoryError, "math.fsum partials");
                        goto done;
                    }
                    p = np;
                    m *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (vm->exc)
        goto done;
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            gs_raise(vm, vm->e_ValueError, "-inf + inf in fsum");
        else {
            *out = special_sum;
            rc = 0;
        }
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    *out = hi;
    rc = 0;
done:
    free(p);
    gs_decref(vm, it);
    return rc;
}

static gs_Object *m_fsum(GS_ARGS)
{
    GS_UNUSED(self);
    if (one(vm, "fsum", nargs, kwnames) < 0)
        return NULL;
    double d;
    return gs_fsum(vm, args[0], &d) < 0 ? NULL : gs_float_new(vm, d);
}

/* prod(iterable, /, *, start=1) */
static gs_Object *m_prod(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    gs_Object *start = NULL;
    for (int i = 0; kwnames && i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        if (strcmp(k, "start") != 0) {
            gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for prod()", k);
            return NULL;
        }
        start = args[npos + i];
    }
    if (npos != 1) {
        gs_raise(vm, vm->e_TypeError, "prod() takes exactly 1 positional argument (%d given)", npos);
        return NULL;
    }
    gs_Object *it = gs_iter(vm, args[0]);
    if (!it)
        return NULL;
    gs_Object *result = gs_newref(vm, start ? start : vm->small_ints[5 + 1]), *item;
    while (result && (item = gs_next(vm, it)) != NULL)
        result = gs_binop_steal(vm, GS_OP_MUL, result, item);
    gs_decref(vm, it);
    if (result && vm->exc) {
        gs_decref(vm, result);
        return NULL;
    }
    return result;
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static gs_Object *m_isclose(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol" };
    gs_Object *v[4] = { NULL, NULL, NULL, NULL };
    int npos = gs_npos(nargs, kwnames);
    if (npos > 2) {
        gs_raise(vm, vm->e_TypeError, "isclose() takes exactly 2 positional arguments (%d given)", npos);
        return NULL;
    }
    for (int i = 0; i < npos; i++)
        v[i] = args[i];
    for (int i = 0; kwnames && i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        int j;
        for (j = 0; j < 4 && strcmp(names[j], k) != 0; j++)
            ;
        if (j == 4) {
            gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for isclose()", k);
            return NULL;
        }
        if (v[j]) {
            gs_raise(vm, vm->e_TypeError, "argument for isclose() given by name ('%s') and position (%d)", k,
                     j + 1);
            return NULL;
        }
        v[j] = args[npos + i];
    }
    for (int j = 0; j < 2; j++)
        if (!v[j]) {
            gs_raise(vm, vm->e_TypeError, "isclose() missing required argument '%s' (pos %d)", names[j], j + 1);
            return NULL;
        }
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (gs_real_arg(vm, v[0], &a) < 0 || gs_real_arg(vm, v[1], &b) < 0 ||
        (v[2] && gs_real_arg(vm, v[2], &rel_tol) < 0) || (v[3] && gs_real_arg(vm, v[3], &abs_tol) < 0))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        gs_raise(vm, vm->e_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b)
        return GS_BOOL(vm, true);
    if (isinf(a) || isinf(b))
        return GS_BOOL(vm, false);
    double diff = fabs(b - a);
    return GS_BOOL(vm, diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
}

static gs_Object *m_nextafter(GS_ARGS)
{
    GS_UNUSED(self);
    double x, y;
    if (exactly(vm, "nextafter", 2, nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0 ||
        gs_real_arg(vm, args[1], &y) < 0)
        return NULL;
    return gs_float_new(vm, nextafter(x, y));
}

static gs_Object *m_ulp(GS_ARGS)
{
    GS_UNUSED(self);
    double x;
    if (one(vm, "ulp", nargs, kwnames) < 0 || gs_real_arg(vm, args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return gs_float_new(vm, x);
    x = fabs(x);
    if (isinf(x))
        return gs_float_new(vm, x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return gs_float_new(vm, x - x2);
    }
    return gs_float_new(vm, x2 - x);
}

/* ================================================================== the module */

static const gs_MethodDef math_functions[] = {
    { "acos", m_acos, 0, -1, GS_KW },
    { "acosh", m_acosh, 0, -1, GS_KW },
    { "asin", m_asin, 0, -1, GS_KW },
    { "asinh", m_asinh, 0, -1, GS_KW },
    { "atan", m_atan, 0, -1, GS_KW },
    { "atan2", m_atan2f, 0, -1, GS_KW },
    { "atanh", m_atanh, 0, -1, GS_KW },
    { "cbrt", m_cbrt, 0, -1, GS_KW },
    { "ceil", m_ceil, 0, -1, GS_KW },
    { "comb", m_comb, 0, -1, GS_KW },
    { "copysign", m_copysign, 0, -1, GS_KW },
    { "cos", m_cos, 0, -1, GS_KW },
    { "cosh", m_cosh, 0, -1, GS_KW },
    { "degrees", m_degrees, 0, -1, GS_KW },
    { "dist", m_dist, 0, -1, GS_KW },
    { "erf", m_erf, 0, -1, GS_KW },
    { "erfc", m_erfc, 0, -1, GS_KW },
    { "exp", m_exp, 0, -1, GS_KW },
    { "exp2", m_exp2, 0, -1, GS_KW },
    { "expm1", m_expm1, 0, -1, GS_KW },
    { "fabs", m_fabs, 0, -1, GS_KW },
    { "factorial", m_factorial, 0, -1, GS_KW },
    { "floor", m_floor, 0, -1, GS_KW },
    { "fmod", m_fmod, 0, -1, GS_KW },
    { "frexp", m_frexp, 0, -1, GS_KW },
    { "fsum", m_fsum, 0, -1, GS_KW },
    { "gamma", m_gamma, 0, -1, GS_KW },
    { "gcd", m_gcd, 0, -1, GS_KW },
    { "hypot", m_hypot, 0, -1, GS_KW },
    { "isclose", m_isclose, 0, -1, GS_KW },
    { "isfinite", m_isfinite, 0, -1, GS_KW },
    { "isinf", m_isinf, 0, -1, GS_KW },
    { "isnan", m_isnan, 0, -1, GS_KW },
    { "isqrt", m_isqrt, 0, -1, GS_KW },
    { "lcm", m_lcm, 0, -1, GS_KW },
    { "ldexp", m_ldexp, 0, -1, GS_KW },
    { "lgamma", m_lgamma, 0, -1, GS_KW },
    { "log", m_log, 0, -1, GS_KW },
    { "log10", m_log10f, 0, -1, GS_KW },
    { "log1p", m_log1p, 0, -1, GS_KW },
    { "log2", m_log2f, 0, -1, GS_KW },
    { "modf", m_modf, 0, -1, GS_KW },
    { "nextafter", m_nextafter, 0, -1, GS_KW },
    { "perm", m_perm, 0, -1, GS_KW },
    { "pow", m_pow, 0, -1, GS_KW },
    { "prod", m_prod, 0, -1, GS_KW },
    { "radians", m_radians, 0, -1, GS_KW },
    { "remainder", m_remainderf, 0, -1, GS_KW },
    { "sin", m_sin, 0, -1, GS_KW },
    { "sinh", m_sinh, 0, -1, GS_KW },
    { "sqrt", m_sqrt, 0, -1, GS_KW },
    { "tan", m_tan, 0, -1, GS_KW },
    { "tanh", m_tanh, 0, -1, GS_KW },
    { "trunc", m_trunc, 0, -1, GS_KW },
    { "ulp", m_ulp, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_module_math(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "math");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, math_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "pi", gs_float_new(vm, M_PI));
    gs_module_add(vm, m, "e", gs_float_new(vm, M_E));
    gs_module_add(vm, m, "tau", gs_float_new(vm, 2.0 * M_PI));
    gs_module_add(vm, m, "inf", gs_float_new(vm, INFINITY));
    gs_module_add(vm, m, "nan", gs_float_new(vm, NAN));
    return m;
}
