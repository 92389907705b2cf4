/*
 * cmath.c — the cmath module (Modules/cmathmodule.c): mathematical
 * functions of complex numbers.
 *
 * CPython does not call the C library's complex functions: it computes
 * each one from real functions with its own formulas (rescaling to avoid
 * spurious overflow and underflow, log1p near |z| = 1), and takes the
 * results at infinities and NaNs from tables of C99 Annex G's values.
 * The same formulas, evaluated in the same order with the same libm, give
 * the same bits, so they are followed closely here; only the tables are
 * data.  Errors follow CPython's errno protocol: a function reports EDOM
 * ("math domain error", ValueError) or ERANGE ("math range error",
 * OverflowError) after computing its result, and cmath.log(z, base)
 * checks only what the last of its steps left (log(0, 2) is -inf+nanj).
 *
 * Arguments are converted as PyComplex_AsCComplex converts them: a complex
 * as it is, an object whose class has __complex__ by calling it, anything
 * else as a real number (float, int, __float__, __index__).
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "modutil.h"

typedef struct Cx {
    double re, im;
} Cx;

/* what a function reports besides its value (CPython's errno) */
enum { OK = 0, DOM = EDOM, RANGE = ERANGE };

#define LARGE_DOUBLE (DBL_MAX / 4.)
#define SQRT_LARGE_DOUBLE (sqrt(LARGE_DOUBLE))
#define LOG_LARGE_DOUBLE (log(LARGE_DOUBLE))
#define SQRT_DBL_MIN (sqrt(DBL_MIN))
/* multiplying by 2**SCALE_UP makes a subnormal normal; SCALE_DOWN undoes half of it */
#define SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define SCALE_DOWN (-(SCALE_UP + 1) / 2)
#define LN2 0.6931471805599453094
#define LN10 2.302585092994045684
#define PI 3.14159265358979323846
#define E_ 2.7182818284590452354

/* ================================================================== special values */

/* The kind of a double, the index into the tables: -inf, negative,
 * -0.0, +0.0, positive, +inf, NaN. */
enum { ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN };

static int special_type(double d)
{
    if (isfinite(d)) {
        if (d != 0)
            return copysign(1., d) == 1. ? ST_POS : ST_NEG;
        return copysign(1., d) == 1. ? ST_PZERO : ST_NZERO;
    }
    if (isnan(d))
        return ST_NAN;
    return copysign(1., d) == 1. ? ST_PINF : ST_NINF;
}

#define P PI
#define P14 (0.25 * PI)
#define P12 (0.5 * PI)
#define P34 (0.75 * PI)
#define INF INFINITY
#define N NAN
#define U (-9.5426319407711027e33) /* a finite argument: never looked up */
#define R(a, b, c, d, e, f, g) { a, b, c, d, e, f, g }
#define C(x, y) { x, y }

/* [kind of the real part][kind of the imaginary part] */
typedef Cx Table[7][7];

static const Table acos_sv = {
    R(C(P34, INF), C(P, INF), C(P, INF), C(P, -INF), C(P, -INF), C(P34, -INF), C(N, INF)),
    R(C(P12, INF), C(U, U), C(U, U), C(U, U), C(U, U), C(P12, -INF), C(N, N)),
    R(C(P12, INF), C(U, U), C(P12, 0.), C(P12, -0.), C(U, U), C(P12, -INF), C(P12, N)),
    R(C(P12, INF), C(U, U), C(P12, 0.), C(P12, -0.), C(U, U), C(P12, -INF), C(P12, N)),
    R(C(P12, INF), C(U, U), C(U, U), C(U, U), C(U, U), C(P12, -INF), C(N, N)),
    R(C(P14, INF), C(0., INF), C(0., INF), C(0., -INF), C(0., -INF), C(P14, -INF), C(N, INF)),
    R(C(N, INF), C(N, N), C(N, N), C(N, N), C(N, N), C(N, -INF), C(N, N)),
};

static const Table acosh_sv = {
    R(C(INF, -P34), C(INF, -P), C(INF, -P), C(INF, P), C(INF, P), C(INF, P34), C(INF, N)),
    R(C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(0., -P12), C(0., P12), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(0., -P12), C(0., P12), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)),
    R(C(INF, N), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, N), C(N, N)),
};

static const Table asinh_sv = {
    R(C(-INF, -P14), C(-INF, -0.), C(-INF, -0.), C(-INF, 0.), C(-INF, 0.), C(-INF, P14), C(-INF, N)),
    R(C(-INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(-INF, P12), C(N, N)),
    R(C(-INF, -P12), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(-INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)),
    R(C(INF, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(INF, N), C(N, N)),
};

static const Table atanh_sv = {
    R(C(-0., -P12), C(-0., -P12), C(-0., -P12), C(-0., P12), C(-0., P12), C(-0., P12), C(-0., N)),
    R(C(-0., -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(-0., P12), C(N, N)),
    R(C(-0., -P12), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(-0., P12), C(-0., N)),
    R(C(0., -P12), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., P12), C(0., N)),
    R(C(0., -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(0., P12), C(N, N)),
    R(C(0., -P12), C(0., -P12), C(0., -P12), C(0., P12), C(0., P12), C(0., P12), C(0., N)),
    R(C(0., -P12), C(N, N), C(N, N), C(N, N), C(N, N), C(0., P12), C(N, N)),
};

static const Table cosh_sv = {
    R(C(INF, N), C(U, U), C(INF, 0.), C(INF, -0.), C(U, U), C(INF, N), C(INF, N)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(N, 0.), C(U, U), C(1., 0.), C(1., -0.), C(U, U), C(N, 0.), C(N, 0.)),
    R(C(N, 0.), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(N, 0.), C(N, 0.)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)),
    R(C(N, N), C(N, N), C(N, 0.), C(N, 0.), C(N, N), C(N, N), C(N, N)),
};

static const Table exp_sv = {
    R(C(0., 0.), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., 0.), C(0., 0.)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(N, N), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(N, N), C(N, N)),
    R(C(N, N), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(N, N), C(N, N)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)),
    R(C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)),
};

static const Table log_sv = {
    R(C(INF, -P34), C(INF, -P), C(INF, -P), C(INF, P), C(INF, P), C(INF, P34), C(INF, N)),
    R(C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(-INF, -P), C(-INF, P), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(-INF, -0.), C(-INF, 0.), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P12), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, P12), C(N, N)),
    R(C(INF, -P14), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, P14), C(INF, N)),
    R(C(INF, N), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, N), C(N, N)),
};

static const Table sinh_sv = {
    R(C(INF, N), C(U, U), C(-INF, -0.), C(-INF, 0.), C(U, U), C(INF, N), C(INF, N)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(0., N), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(0., N), C(0., N)),
    R(C(0., N), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., N), C(0., N)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)),
    R(C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)),
};

static const Table sqrt_sv = {
    R(C(INF, -INF), C(0., -INF), C(0., -INF), C(0., INF), C(0., INF), C(INF, INF), C(N, INF)),
    R(C(INF, -INF), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, INF), C(N, N)),
    R(C(INF, -INF), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(INF, INF), C(N, N)),
    R(C(INF, -INF), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(INF, INF), C(N, N)),
    R(C(INF, -INF), C(U, U), C(U, U), C(U, U), C(U, U), C(INF, INF), C(N, N)),
    R(C(INF, -INF), C(INF, -0.), C(INF, -0.), C(INF, 0.), C(INF, 0.), C(INF, INF), C(INF, N)),
    R(C(INF, -INF), C(N, N), C(N, N), C(N, N), C(N, N), C(INF, INF), C(N, N)),
};

static const Table tanh_sv = {
    R(C(-1., 0.), C(U, U), C(-1., -0.), C(-1., 0.), C(U, U), C(-1., 0.), C(-1., 0.)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(N, N), C(U, U), C(-0., -0.), C(-0., 0.), C(U, U), C(N, N), C(N, N)),
    R(C(N, N), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(N, N), C(N, N)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(1., 0.), C(U, U), C(1., -0.), C(1., 0.), C(U, U), C(1., 0.), C(1., 0.)),
    R(C(N, N), C(N, N), C(N, -0.), C(N, 0.), C(N, N), C(N, N), C(N, N)),
};

static const Table rect_sv = {
    R(C(INF, N), C(U, U), C(-INF, 0.), C(-INF, -0.), C(U, U), C(INF, N), C(INF, N)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(0., 0.), C(U, U), C(-0., 0.), C(-0., -0.), C(U, U), C(0., 0.), C(0., 0.)),
    R(C(0., 0.), C(U, U), C(0., -0.), C(0., 0.), C(U, U), C(0., 0.), C(0., 0.)),
    R(C(N, N), C(U, U), C(U, U), C(U, U), C(U, U), C(N, N), C(N, N)),
    R(C(INF, N), C(U, U), C(INF, -0.), C(INF, 0.), C(U, U), C(INF, N), C(INF, N)),
    R(C(N, N), C(N, N), C(N, 0.), C(N, 0.), C(N, N), C(N, N), C(N, N)),
};

#undef R
#undef C

static bool nonfinite(Cx z) { return !isfinite(z.re) || !isfinite(z.im); }
static Cx special(const Table *t, Cx z) { return (*t)[special_type(z.re)][special_type(z.im)]; }

/* ================================================================== the functions
 * Each computes its value and sets *err (OK, DOM or RANGE) as CPython's
 * leaves errno. */

static Cx c_sqrt(Cx z, int *err)
{
    /* with x, y >= 0: s = sqrt((x + hypot(x, y))/2) computed as
     * 2*sqrt(x/8 + hypot(x/8, y/8)) (no overflow), d = y/(2s); subnormal
     * parts are scaled up first */
    *err = OK;
    if (nonfinite(z))
        return special(&sqrt_sv, z);
    if (z.re == 0. && z.im == 0.)
        return (Cx){ 0., z.im };
    double ax = fabs(z.re), ay = fabs(z.im), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        ax = ldexp(ax, SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.re >= 0.)
        return (Cx){ s, copysign(d, z.im) };
    return (Cx){ d, copysign(s, z.im) };
}

static Cx c_acos(Cx z, int *err)
{
    *err = OK;
    if (nonfinite(z))
        return special(&acos_sv, z);
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        r.re = atan2(fabs(z.im), z.re);
        r.im = -copysign(log(hypot(z.re / 2., z.im / 2.)) + LN2 * 2., z.im);
    } else {
        int e;
        Cx s1 = c_sqrt((Cx){ 1. - z.re, -z.im }, &e);
        Cx s2 = c_sqrt((Cx){ 1. + z.re, z.im }, &e);
        r.re = 2. * atan2(s1.re, s2.re);
        r.im = asinh(s2.re * s1.im - s2.im * s1.re);
    }
    return r;
}

static Cx c_acosh(Cx z, int *err)
{
    *err = OK;
    if (nonfinite(z))
        return special(&acosh_sv, z);
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        r.re = log(hypot(z.re / 2., z.im / 2.)) + LN2 * 2.;
        r.im = atan2(z.im, z.re);
    } else {
        int e;
        Cx s1 = c_sqrt((Cx){ z.re - 1., z.im }, &e);
        Cx s2 = c_sqrt((Cx){ z.re + 1., z.im }, &e);
        r.re = asinh(s1.re * s2.re + s1.im * s2.im);
        r.im = 2. * atan2(s1.im, s2.re);
    }
    return r;
}

static Cx c_asinh(Cx z, int *err)
{
    *err = OK;
    if (nonfinite(z))
        return special(&asinh_sv, z);
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        if (z.im >= 0.)
            r.re = copysign(log(hypot(z.re / 2., z.im / 2.)) + LN2 * 2., z.re);
        else
            r.re = -copysign(log(hypot(z.re / 2., z.im / 2.)) + LN2 * 2., -z.re);
        r.im = atan2(z.im, fabs(z.re));
    } else {
        int e;
        Cx s1 = c_sqrt((Cx){ 1. + z.im, -z.re }, &e);
        Cx s2 = c_sqrt((Cx){ 1. - z.im, z.re }, &e);
        r.re = asinh(s1.re * s2.im - s2.re * s1.im);
        r.im = atan2(z.im, s1.re * s2.re - s1.im * s2.im);
    }
    return r;
}

/* asin(z) = -i asinh(iz) */
static Cx c_asin(Cx z, int *err)
{
    Cx s = c_asinh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

static Cx c_atanh(Cx z, int *err)
{
    *err = OK;
    if (nonfinite(z))
        return special(&atanh_sv, z);
    if (z.re < 0.) { /* atanh(z) = -atanh(-z) */
        Cx r = c_atanh((Cx){ -z.re, -z.im }, err);
        return (Cx){ -r.re, -r.im };
    }
    Cx r;
    double ay = fabs(z.im);
    if (z.re > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE) {
        /* |z| large: atanh(z) ~ 1/z +/- i*pi/2 */
        double h = hypot(z.re / 2., z.im / 2.);
        r.re = z.re / 4. / h / h;
        r.im = copysign(PI / 2., z.im);
    } else if (z.re == 1. && ay < SQRT_DBL_MIN) {
        if (ay == 0.) { /* C99: atanh(1 +/- 0i) is inf +/- 0i, a singularity */
            r.re = INF;
            r.im = z.im;
            *err = DOM;
        } else {
            r.re = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.im = copysign(atan2(2., -ay) / 2, z.im);
        }
    } else {
        r.re = log1p(4. * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.;
        r.im = -atan2(-2. * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.;
    }
    return r;
}

/* atan(z) = -i atanh(iz) */
static Cx c_atan(Cx z, int *err)
{
    Cx s = c_atanh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

/* At an infinite real part and a finite nonzero imaginary one, cosh,
 * sinh and exp take their signs from cos and sin of the imaginary part;
 * the tables give the other non-finite values. */
static Cx c_cosh(Cx z, int *err)
{
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            r.re = copysign(INF, cos(z.im));
            r.im = z.re > 0 ? copysign(INF, sin(z.im)) : -copysign(INF, sin(z.im));
        } else
            r = special(&cosh_sv, z);
        *err = isinf(z.im) && !isnan(z.re) ? DOM : OK;
        return r;
    }
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        /* cosh(x) overflows where cosh(z) may not */
        double x_minus_one = z.re - copysign(1., z.re);
        r.re = cos(z.im) * cosh(x_minus_one) * E_;
        r.im = sin(z.im) * sinh(x_minus_one) * E_;
    } else {
        r.re = cos(z.im) * cosh(z.re);
        r.im = sin(z.im) * sinh(z.re);
    }
    *err = isinf(r.re) || isinf(r.im) ? RANGE : OK;
    return r;
}

/* cos(z) = cosh(iz) */
static Cx c_cos(Cx z, int *err) { return c_cosh((Cx){ -z.im, z.re }, err); }

static Cx c_sinh(Cx z, int *err)
{
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            r.re = z.re > 0 ? copysign(INF, cos(z.im)) : -copysign(INF, cos(z.im));
            r.im = copysign(INF, sin(z.im));
        } else
            r = special(&sinh_sv, z);
        *err = isinf(z.im) && !isnan(z.re) ? DOM : OK;
        return r;
    }
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        double x_minus_one = z.re - copysign(1., z.re);
        r.re = cos(z.im) * sinh(x_minus_one) * E_;
        r.im = sin(z.im) * cosh(x_minus_one) * E_;
    } else {
        r.re = cos(z.im) * sinh(z.re);
        r.im = sin(z.im) * cosh(z.re);
    }
    *err = isinf(r.re) || isinf(r.im) ? RANGE : OK;
    return r;
}

/* sin(z) = -i sinh(iz) */
static Cx c_sin(Cx z, int *err)
{
    Cx s = c_sinh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

static Cx c_tanh(Cx z, int *err)
{
    /* tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2),
     * with 1-tanh(x)^2 as 1/cosh(x)^2, and 4 exp(-2|x|) for large |x| */
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            r.re = z.re > 0 ? 1.0 : -1.0;
            r.im = copysign(0., 2. * sin(z.im) * cos(z.im));
        } else
            r = special(&tanh_sv, z);
        *err = isinf(z.im) && isfinite(z.re) ? DOM : OK;
        return r;
    }
    *err = OK;
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        r.re = copysign(1., z.re);
        r.im = 4. * sin(z.im) * cos(z.im) * exp(-2. * fabs(z.re));
    } else {
        double tx = tanh(z.re), ty = tan(z.im), cx = 1. / cosh(z.re);
        double txty = tx * ty, denom = 1. + txty * txty;
        r.re = tx * (1. + ty * ty) / denom;
        r.im = ((ty / denom) * cx) * cx;
    }
    return r;
}

/* tan(z) = -i tanh(iz) */
static Cx c_tan(Cx z, int *err)
{
    Cx s = c_tanh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

static Cx c_exp(Cx z, int *err)
{
    Cx r;
    if (nonfinite(z)) {
        if (isinf(z.re) && isfinite(z.im) && z.im != 0.) {
            if (z.re > 0)
                r = (Cx){ copysign(INF, cos(z.im)), copysign(INF, sin(z.im)) };
            else
                r = (Cx){ copysign(0., cos(z.im)), copysign(0., sin(z.im)) };
        } else
            r = special(&exp_sv, z);
        *err = isinf(z.im) && (isfinite(z.re) || (isinf(z.re) && z.re > 0)) ? DOM : OK;
        return r;
    }
    if (z.re > LOG_LARGE_DOUBLE) {
        double l = exp(z.re - 1.);
        r.re = l * cos(z.im) * E_;
        r.im = l * sin(z.im) * E_;
    } else {
        double l = exp(z.re);
        r.re = l * cos(z.im);
        r.im = l * sin(z.im);
    }
    *err = isinf(r.re) || isinf(r.im) ? RANGE : OK;
    return r;
}

static Cx c_log(Cx z, int *err)
{
    /* log(hypot(x, y)) for the real part, except: |z| subnormal or past
     * DBL_MAX (rescale), |z| near 1 (log1p), z = 0 (-inf, a domain error) */
    *err = OK;
    if (nonfinite(z))
        return special(&log_sv, z);
    Cx r;
    double ax = fabs(z.re), ay = fabs(z.im);
    if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE)
        r.re = log(hypot(ax / 2., ay / 2.)) + LN2;
    else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.)
            r.re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * LN2;
        else {
            r.re = -INF;
            r.im = atan2(z.im, z.re);
            *err = DOM;
            return r;
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.re = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else
            r.re = log(h);
    }
    r.im = atan2(z.im, z.re);
    return r;
}

static Cx c_log10(Cx z, int *err)
{
    Cx r = c_log(z, err);
    return (Cx){ r.re / LN10, r.im / LN10 };
}

/* x / y as complex division does it (_Py_c_quot): DOM for a zero y */
static Cx c_quot(Cx a, Cx b, int *err)
{
    Cx r;
    if (!gs_complex_quot(a.re, a.im, b.re, b.im, &r.re, &r.im))
        *err = DOM;
    return r;
}

/* _Py_c_abs: hypot, an infinity before a NaN, RANGE on overflow; with a
 * NaN (and no infinity) *err is left as it was */
static double c_abs(Cx z, int *err)
{
    if (nonfinite(z)) {
        if (isinf(z.re) || isinf(z.im)) {
            *err = OK;
            return isinf(z.re) ? fabs(z.re) : fabs(z.im);
        }
        return NAN;
    }
    double r = hypot(z.re, z.im);
    *err = isfinite(r) ? OK : RANGE;
    return r;
}

/* atan2(z.imag, z.real) and the errno libm leaves: CPython's phase and
 * polar check it, so an underflow (phase(1e200+1e-310j)) is
 * OverflowError there, and here */
static double c_phase(Cx z, int *err)
{
    errno = 0;
    double phi = atan2(z.im, z.re);
    *err = errno == EDOM ? DOM : errno == ERANGE ? RANGE : errno ? DOM : OK;
    return phi;
}

/* ================================================================== arguments and results */

/* PyComplex_AsCComplex: 0, or -1 with CPython's TypeError */
static int complex_arg(gs_VM *vm, gs_Object *o, Cx *out)
{
    if (GS_KIND(o) == GS_K_COMPLEX) {
        *out = (Cx){ ((gs_Complex *)o)->real, ((gs_Complex *)o)->imag };
        return 0;
    }
    gs_Object *m = gs_dispatches(o) ? gs_type_lookup(o->type, gs_name(vm, "__complex__")) : NULL;
    if (m) {
        gs_Object *r = gs_call(vm, m, &o, 1, NULL);
        if (!r)
            return -1;
        if (GS_KIND(r) != GS_K_COMPLEX) {
            gs_raise(vm, vm->e_TypeError, "__complex__ returned non-complex (type %s)", gs_type_name(r));
            gs_decref(vm, r);
            return -1;
        }
        *out = (Cx){ ((gs_Complex *)r)->real, ((gs_Complex *)r)->imag };
        gs_decref(vm, r);
        return 0;
    }
    out->im = 0.;
    return gs_real_arg(vm, o, &out->re);
}

static gs_Object *math_error(gs_VM *vm, int err)
{
    if (err == RANGE)
        gs_raise(vm, vm->e_OverflowError, "math range error");
    else
        gs_raise(vm, vm->e_ValueError, "math domain error");
    return NULL;
}

/* a METH_O function of one complex: "cmath.sqrt() takes exactly one argument (0 given)" */
static int one_complex(gs_VM *vm, const char *name, gs_Object **args, int nargs, gs_Tuple *kwnames, Cx *z)
{
    char full[32];
    snprintf(full, sizeof full, "cmath.%s", name);
    if (gs_onearg(vm, full, nargs, kwnames) < 0)
        return -1;
    return complex_arg(vm, args[0], z);
}

typedef Cx (*CFn)(Cx, int *);

static gs_Object *apply(gs_VM *vm, const char *name, CFn fn, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    Cx z;
    if (one_complex(vm, name, args, nargs, kwnames, &z) < 0)
        return NULL;
    int err;
    z = fn(z, &err);
    if (err != OK)
        return math_error(vm, err);
    return gs_complex_new(vm, z.re, z.im);
}

#define FUNC1(name)                                                                                                    \
    static gs_Object *m_##name(GS_ARGS)                                                                                \
    {                                                                                                                  \
        GS_UNUSED(self);                                                                                               \
        return apply(vm, #name, c_##name, args, nargs, kwnames);                                                       \
    }
FUNC1(acos)
FUNC1(acosh)
FUNC1(asin)
FUNC1(asinh)
FUNC1(atan)
FUNC1(atanh)
FUNC1(cos)
FUNC1(cosh)
FUNC1(exp)
FUNC1(log10)
FUNC1(sin)
FUNC1(sinh)
FUNC1(sqrt)
FUNC1(tan)
FUNC1(tanh)
#undef FUNC1

/* log(z[, base]): the error is what the last step left (log(0, 2) is not one) */
static gs_Object *m_log(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "cmath.log() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, "log expected at %s %d argument%s, got %d", nargs < 1 ? "least" : "most",
                 nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
        return NULL;
    }
    Cx x, y;
    if (complex_arg(vm, args[0], &x) < 0)
        return NULL;
    int err;
    x = c_log(x, &err);
    if (nargs == 2) {
        if (complex_arg(vm, args[1], &y) < 0)
            return NULL;
        y = c_log(y, &err);
        x = c_quot(x, y, &err);
    }
    if (err != OK)
        return math_error(vm, err);
    return gs_complex_new(vm, x.re, x.im);
}

static gs_Object *m_phase(GS_ARGS)
{
    GS_UNUSED(self);
    Cx z;
    if (one_complex(vm, "phase", args, nargs, kwnames, &z) < 0)
        return NULL;
    int err;
    double phi = c_phase(z, &err);
    return err != OK ? math_error(vm, err) : gs_float_new(vm, phi);
}

static gs_Object *m_polar(GS_ARGS)
{
    GS_UNUSED(self);
    Cx z;
    if (one_complex(vm, "polar", args, nargs, kwnames, &z) < 0)
        return NULL;
    int err;
    double phi = c_phase(z, &err);
    double r = c_abs(z, &err);
    if (err != OK)
        return math_error(vm, err);
    gs_Object *a = gs_float_new(vm, r), *b = a ? gs_float_new(vm, phi) : NULL;
    gs_Object *t = b ? gs_tuple_pack(vm, 2, a, b) : NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return t;
}

/* rect(r, phi): as exp(log(r) + i*phi) for r > 0, -exp(log(-r) + i*phi) for r < 0 */
static gs_Object *m_rect(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "cmath.rect() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "rect expected 2 arguments, got %d", nargs);
        return NULL;
    }
    double r, phi;
    if (gs_real_arg(vm, args[0], &r) < 0 || gs_real_arg(vm, args[1], &phi) < 0)
        return NULL;
    Cx z;
    if (!isfinite(r) || !isfinite(phi)) {
        if (isinf(r) && isfinite(phi) && phi != 0.) {
            if (r > 0)
                z = (Cx){ copysign(INF, cos(phi)), copysign(INF, sin(phi)) };
            else
                z = (Cx){ -copysign(INF, cos(phi)), -copysign(INF, sin(phi)) };
        } else
            z = rect_sv[special_type(r)][special_type(phi)];
        if (r != 0. && !isnan(r) && isinf(phi))
            return math_error(vm, DOM);
    } else if (phi == 0.0)
        z = (Cx){ r, r * phi }; /* keeps the sign of a zero phi */
    else
        z = (Cx){ r * cos(phi), r * sin(phi) };
    return gs_complex_new(vm, z.re, z.im);
}

static gs_Object *m_isfinite(GS_ARGS)
{
    GS_UNUSED(self);
    Cx z;
    if (one_complex(vm, "isfinite", args, nargs, kwnames, &z) < 0)
        return NULL;
    return GS_BOOL(vm, isfinite(z.re) && isfinite(z.im));
}

static gs_Object *m_isnan(GS_ARGS)
{
    GS_UNUSED(self);
    Cx z;
    if (one_complex(vm, "isnan", args, nargs, kwnames, &z) < 0)
        return NULL;
    return GS_BOOL(vm, isnan(z.re) || isnan(z.im));
}

static gs_Object *m_isinf(GS_ARGS)
{
    GS_UNUSED(self);
    Cx z;
    if (one_complex(vm, "isinf", args, nargs, kwnames, &z) < 0)
        return NULL;
    return GS_BOOL(vm, isinf(z.re) || isinf(z.im));
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static gs_Object *m_isclose(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol" };
    gs_Object *v[4];
    if (gs_clinic_bind(vm, "isclose", names, 4, 0, 2, 2, args, nargs, kwnames, v) < 0)
        return NULL;
    Cx a, b;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (complex_arg(vm, v[0], &a) < 0 || complex_arg(vm, v[1], &b) < 0 ||
        (v[2] && gs_real_arg(vm, v[2], &rel_tol) < 0) || (v[3] && gs_real_arg(vm, v[3], &abs_tol) < 0))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        gs_raise(vm, vm->e_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a.re == b.re && a.im == b.im) /* equal infinities too */
        return GS_BOOL(vm, true);
    if (isinf(a.re) || isinf(a.im) || isinf(b.re) || isinf(b.im))
        return GS_BOOL(vm, false);
    int err = OK;
    double diff = c_abs((Cx){ a.re - b.re, a.im - b.im }, &err);
    return GS_BOOL(vm, diff <= rel_tol * c_abs(b, &err) || diff <= rel_tol * c_abs(a, &err) || diff <= abs_tol);
}

/* ================================================================== the module */

/* in the order of CPython's method table */
static const gs_MethodDef cmath_functions[] = {
    { "acos", m_acos, 0, -1, GS_KW },         { "acosh", m_acosh, 0, -1, GS_KW },
    { "asin", m_asin, 0, -1, GS_KW },         { "asinh", m_asinh, 0, -1, GS_KW },
    { "atan", m_atan, 0, -1, GS_KW },         { "atanh", m_atanh, 0, -1, GS_KW },
    { "cos", m_cos, 0, -1, GS_KW },           { "cosh", m_cosh, 0, -1, GS_KW },
    { "exp", m_exp, 0, -1, GS_KW },           { "isclose", m_isclose, 0, -1, GS_KW },
    { "isfinite", m_isfinite, 0, -1, GS_KW }, { "isinf", m_isinf, 0, -1, GS_KW },
    { "isnan", m_isnan, 0, -1, GS_KW },       { "log", m_log, 0, -1, GS_KW },
    { "log10", m_log10, 0, -1, GS_KW },       { "phase", m_phase, 0, -1, GS_KW },
    { "polar", m_polar, 0, -1, GS_KW },       { "rect", m_rect, 0, -1, GS_KW },
    { "sin", m_sin, 0, -1, GS_KW },           { "sinh", m_sinh, 0, -1, GS_KW },
    { "sqrt", m_sqrt, 0, -1, GS_KW },         { "tan", m_tan, 0, -1, GS_KW },
    { "tanh", m_tanh, 0, -1, GS_KW },         { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_module_cmath(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "cmath");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, cmath_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "__doc__",
                  gs_str_from_cstr(vm, "This module provides access to mathematical functions for complex\nnumbers."));
    gs_module_add(vm, m, "pi", gs_float_new(vm, PI));
    gs_module_add(vm, m, "e", gs_float_new(vm, E_));
    gs_module_add(vm, m, "tau", gs_float_new(vm, 2.0 * PI));
    gs_module_add(vm, m, "inf", gs_float_new(vm, INF));
    gs_module_add(vm, m, "infj", gs_complex_new(vm, 0.0, INF));
    gs_module_add(vm, m, "nan", gs_float_new(vm, NAN));
    gs_module_add(vm, m, "nanj", gs_complex_new(vm, 0.0, NAN));
    /* CPython's import keeps one object more than the model makes (the
     * module's __spec__), measured with python3.11 */
    gs_gc_import_footprint(vm, 1, 1, 0);
    return m;
}
