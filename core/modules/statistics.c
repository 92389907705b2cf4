/*
 * statistics.c — the statistics module, as CPython 3.11's
 * Lib/statistics.py computes it, so that every result is the same float,
 * int or Fraction:
 *
 *   - mean, variance, pvariance, harmonic_mean sum the data exactly as
 *     Fractions (_sum, _ss: each value's exact ratio) and convert the
 *     result to the type the data's types coerce to (_coerce, _convert):
 *     ints give an int when the result is whole (mean([1, 2, 3]) is 2) and
 *     a float otherwise, Fractions a Fraction, floats a float;
 *   - stdev and pstdev take the correctly rounded square root of the
 *     exact variance (_float_sqrt_of_frac);
 *   - fmean, geometric_mean, covariance, correlation and
 *     linear_regression work in floats with math.fsum's exact partials;
 *   - median and quantiles use the data's own arithmetic (the objects'
 *     + and /), mode and multimode count as collections.Counter does.
 *
 * StatisticsError is a ValueError subclass; LinearRegression the
 * namedtuple CPython's module makes (so importing statistics imports
 * collections and fractions, as in CPython).  NormalDist is not here.
 */
#include <math.h>
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

typedef struct StatsState {
    gs_Type *e_error; /* statistics.StatisticsError */
} StatsState;

static gs_Type *stats_error(gs_VM *vm) { return ((StatsState *)vm->modstate[GS_MS_STATISTICS])->e_error; }

#define B(op, a, b) gs_binop_steal(vm, GS_OP_##op, (a), (b))
#define R(o) gs_newref(vm, (o))
#define I(v) gs_int_new(vm, (v))

/* ------------------------------------------------------------------ errors
 * Where Lib/statistics.py raises each StatisticsError: its traceback
 * shows that line of the module's function. */
#define STATS_PY "/usr/lib/python3.11/statistics.py"
enum { S_MEAN, S_FMEAN_EMPTY, S_FMEAN_LEN, S_FMEAN_WSUM, S_GEO, S_HM_EMPTY, S_HM_NEG1, S_HM_WLEN, S_HM_POS, S_MED, S_MED_LOW, S_MED_HIGH, S_MED_GROUPED, S_MODE, S_Q_N, S_Q_TWO, S_VAR, S_PVAR, S_STDEV, S_PSTDEV, S_COV_LEN, S_COV_TWO, S_COR_LEN, S_COR_TWO, S_COR_CONST, S_LR_LEN, S_LR_TWO, S_LR_CONST };
static const gs_LibFrame sites[] = {
    [S_MEAN] = { STATS_PY, 432, "mean", "raise StatisticsError('mean requires at least one data point')", NULL },
    [S_FMEAN_EMPTY] = { STATS_PY, 458, "fmean", "raise StatisticsError('fmean requires at least one data point')", NULL },
    [S_FMEAN_LEN] = { STATS_PY, 467, "fmean", "raise StatisticsError('data and weights must be the same length')", NULL },
    [S_FMEAN_WSUM] = { STATS_PY, 470, "fmean", "raise StatisticsError('sum of weights must be non-zero')", NULL },
    [S_GEO] = { STATS_PY, 489, "geometric_mean", "raise StatisticsError('geometric mean requires a non-empty dataset '", NULL },
    [S_HM_EMPTY] = { STATS_PY, 521, "harmonic_mean", "raise StatisticsError('harmonic_mean requires at least one data point')", NULL },
    [S_HM_NEG1] = { STATS_PY, 526, "harmonic_mean", "raise StatisticsError(errmsg)", NULL },
    [S_HM_WLEN] = { STATS_PY, 537, "harmonic_mean", "raise StatisticsError('Number of weights does not match data size')", NULL },
    [S_HM_POS] = { STATS_PY, 545, "harmonic_mean", "raise StatisticsError('Weighted sum must be positive')", NULL },
    [S_MED] = { STATS_PY, 565, "median", "raise StatisticsError(\"no median for empty data\")", NULL },
    [S_MED_LOW] = { STATS_PY, 588, "median_low", "raise StatisticsError(\"no median for empty data\")", NULL },
    [S_MED_HIGH] = { STATS_PY, 610, "median_high", "raise StatisticsError(\"no median for empty data\")", NULL },
    [S_MED_GROUPED] = { STATS_PY, 660, "median_grouped", "raise StatisticsError(\"no median for empty data\")", NULL },
    [S_MODE] = { STATS_PY, 713, "mode", "raise StatisticsError('no mode for empty data') from None", NULL },
    [S_Q_N] = { STATS_PY, 790, "quantiles", "raise StatisticsError('n must be at least 1')", NULL },
    [S_Q_TWO] = { STATS_PY, 794, "quantiles", "raise StatisticsError('must have at least two data points')", NULL },
    [S_VAR] = { STATS_PY, 862, "variance", "raise StatisticsError('variance requires at least two data points')", NULL },
    [S_PVAR] = { STATS_PY, 903, "pvariance", "raise StatisticsError('pvariance requires at least one data point')", NULL },
    [S_STDEV] = { STATS_PY, 918, "stdev", "raise StatisticsError('stdev requires at least two data points')", NULL },
    [S_PSTDEV] = { STATS_PY, 936, "pstdev", "raise StatisticsError('pstdev requires at least one data point')", NULL },
    [S_COV_LEN] = { STATS_PY, 982, "covariance", "raise StatisticsError('covariance requires that both inputs have same number of data points')", NULL },
    [S_COV_TWO] = { STATS_PY, 984, "covariance", "raise StatisticsError('covariance requires at least two data points')", NULL },
    [S_COR_LEN] = { STATS_PY, 1010, "correlation", "raise StatisticsError('correlation requires that both inputs have same number of data points')", NULL },
    [S_COR_TWO] = { STATS_PY, 1012, "correlation", "raise StatisticsError('correlation requires at least two data points')", NULL },
    [S_COR_CONST] = { STATS_PY, 1021, "correlation", "raise StatisticsError('at least one of the inputs is constant')", NULL },
    [S_LR_LEN] = { STATS_PY, 1067, "linear_regression", "raise StatisticsError('linear regression requires that both inputs have same number of data points')", NULL },
    [S_LR_TWO] = { STATS_PY, 1069, "linear_regression", "raise StatisticsError('linear regression requires at least two data points')", NULL },
    [S_LR_CONST] = { STATS_PY, 1081, "linear_regression", "raise StatisticsError('x is constant')", NULL },
};

/* StatisticsError(msg) raised by func's line that says so (func NULL, or
 * a line not in the table: no frame) */
static gs_Object *fail(gs_VM *vm, const char *func, const char *msg)
{
    gs_raise(vm, stats_error(vm), "%s", msg);
    int found = -1, nfunc = 0, only = -1;
    for (int i = 0; func && i < GS_COUNTOF(sites); i++)
        if (strcmp(sites[i].func, func) == 0) {
            nfunc++;
            only = i;
            if (found < 0 && strstr(sites[i].text, msg))
                found = i;
        }
    if (found < 0 && nfunc == 1)
        found = only;
    if (found >= 0)
        gs_exc_lib_frames(vm, &sites[found], 1);
    return NULL;
}

static gs_Object *list_item(gs_Object *l, int64_t i) { return ((gs_List *)l)->items[i]; }
static int64_t list_len(gs_Object *l) { return ((gs_List *)l)->len; }

/* sorted(data) */
static gs_Object *sorted_list(gs_VM *vm, gs_Object *data)
{
    gs_Object *l = gs_list_from_iterable(vm, data);
    if (l && gs_list_sort(vm, l, NULL, false) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    return l;
}

/* ================================================================== exact sums */

/* _coerce(T, S) */
static gs_Type *coerce(gs_VM *vm, gs_Type *t, gs_Type *s)
{
    gs_Type *ft = gs_fraction_type(vm);
    if (t == s)
        return t;
    if (s == vm->t_int || s == vm->t_bool)
        return t;
    if (t == vm->t_int)
        return s;
    if (gs_issubtype(s, t))
        return s;
    if (gs_issubtype(t, s))
        return t;
    if (gs_issubtype(t, vm->t_int))
        return s;
    if (gs_issubtype(s, vm->t_int))
        return t;
    if (gs_issubtype(t, ft) && gs_issubtype(s, vm->t_float))
        return s;
    if (gs_issubtype(t, vm->t_float) && gs_issubtype(s, ft))
        return t;
    const char *tn = strrchr(t->name->data, '.'), *sn = strrchr(s->name->data, '.');
    gs_raise(vm, vm->e_TypeError, "don't know how to coerce %s and %s", tn ? tn + 1 : t->name->data,
             sn ? sn + 1 : s->name->data);
    return NULL;
}

/* The state of _sum and _ss over the data: the types seen (in order), the
 * exact sums as Fractions, the sum of the non-finite floats. */
typedef struct Acc {
    gs_Type *types[16];
    int ntypes;
    gs_Object *sx, *sxx; /* Fractions (sxx only for _ss) */
    gs_Object *special;  /* the partials[None] of CPython: a float, or NULL */
    int64_t count;
} Acc;

static void acc_free(gs_VM *vm, Acc *a)
{
    gs_xdecref(vm, a->sx);
    gs_xdecref(vm, a->sxx);
    gs_xdecref(vm, a->special);
}

static int add_type(gs_VM *vm, Acc *a, gs_Type *t)
{
    for (int i = 0; i < a->ntypes; i++)
        if (a->types[i] == t)
            return 0;
    if (a->ntypes == GS_COUNTOF(a->types)) {
        gs_raise(vm, vm->e_TypeError, "too many types of data");
        return -1;
    }
    a->types[a->ntypes++] = t;
    return 0;
}

/* reduce(_coerce, types, int) */
static gs_Type *acc_type(gs_VM *vm, Acc *a)
{
    gs_Type *t = vm->t_int;
    for (int i = 0; t && i < a->ntypes; i++)
        t = coerce(vm, t, a->types[i]);
    return t;
}

/* _exact_ratio(x): 0 with new ints *n, *d; 1 for a non-finite float (*n
 * the float, *d NULL); -1 with TypeError */
static int exact_ratio(gs_VM *vm, gs_Object *x, gs_Object **n, gs_Object **d)
{
    if (GS_KIND(x) == GS_K_FLOAT && !isfinite(((gs_Float *)x)->value)) {
        *n = R(x);
        *d = NULL;
        return 1;
    }
    if (gs_is_intlike(x)) {
        *n = GS_KIND(x) == GS_K_BOOL ? I(x == vm->true_) : R(x);
        *d = I(1);
        return 0;
    }
    if (gs_is_fraction(vm, x)) {
        *n = R(gs_fraction_num(x));
        *d = R(gs_fraction_den(x));
        return 0;
    }
    gs_Object *m = gs_lookup_attr(vm, x, gs_name(vm, "as_integer_ratio"));
    if (m) {
        gs_Object *r = gs_call(vm, m, NULL, 0, NULL);
        gs_decref(vm, m);
        if (!r)
            return -1;
        if (GS_KIND(r) != GS_K_TUPLE || ((gs_Tuple *)r)->len != 2) {
            gs_decref(vm, r);
            gs_raise(vm, vm->e_TypeError, "as_integer_ratio() must return a pair");
            return -1;
        }
        *n = R(((gs_Tuple *)r)->items[0]);
        *d = R(((gs_Tuple *)r)->items[1]);
        gs_decref(vm, r);
        return 0;
    }
    if (vm->exc)
        return -1;
    *n = gs_lookup_attr(vm, x, gs_name(vm, "numerator"));
    *d = *n ? gs_lookup_attr(vm, x, gs_name(vm, "denominator")) : NULL;
    if (*n && *d)
        return 0;
    gs_xdecref(vm, *n);
    if (!vm->exc) {
        const char *tn = gs_type_name(x), *dot = strrchr(tn, '.');
        gs_raise(vm, vm->e_TypeError, "can't convert type '%s' to numerator/denominator", dot ? dot + 1 : tn);
    }
    return -1;
}

/* one value into the sums (sxx too when `squares`) */
static int acc_add(gs_VM *vm, Acc *a, gs_Object *x, bool squares)
{
    if (add_type(vm, a, x->type) < 0)
        return -1;
    gs_Object *n, *d;
    int k = exact_ratio(vm, x, &n, &d);
    if (k < 0)
        return -1;
    a->count++;
    if (k == 1) {
        a->special = a->special ? B(ADD, a->special, n) : n;
        return a->special ? 0 : -1;
    }
    gs_Object *f = gs_fraction_new(vm, n, d);
    gs_Object *sq = NULL;
    if (f && squares) {
        gs_Object *nn = gs_binary_op(vm, GS_OP_MUL, n, n, false);
        gs_Object *dd = nn ? gs_binary_op(vm, GS_OP_MUL, d, d, false) : NULL;
        sq = dd ? gs_fraction_new(vm, nn, dd) : NULL;
        gs_xdecref(vm, nn);
        gs_xdecref(vm, dd);
    }
    gs_decref(vm, n);
    gs_decref(vm, d);
    if (!f || (squares && !sq)) {
        gs_xdecref(vm, f);
        return -1;
    }
    a->sx = a->sx ? B(ADD, a->sx, f) : f;
    if (squares)
        a->sxx = a->sxx ? B(ADD, a->sxx, sq) : sq;
    return a->sx && (!squares || a->sxx) ? 0 : -1;
}

/* every value of an iterable into the sums */
static int acc_all(gs_VM *vm, Acc *a, gs_Object *data, bool squares)
{
    gs_Object *it = gs_iter(vm, data), *x;
    if (!it)
        return -1;
    while ((x = gs_next(vm, it)) != NULL) {
        int r = acc_add(vm, a, x, squares);
        gs_decref(vm, x);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

/* _sum(data): *T, *total (new: a Fraction, a non-finite float, or int 0
 * for no data), *count */
static int stat_sum(gs_VM *vm, gs_Object *data, gs_Type **t, gs_Object **total, int64_t *count)
{
    Acc a = { 0 };
    if (acc_all(vm, &a, data, false) < 0 || !(*t = acc_type(vm, &a))) {
        acc_free(vm, &a);
        return -1;
    }
    *total = a.special ? R(a.special) : a.sx ? R(a.sx) : I(0);
    *count = a.count;
    acc_free(vm, &a);
    return 0;
}

/* _ss(data, c): *T, *ss, *count (c NULL or None: the mean of the data) */
static int stat_ss(gs_VM *vm, gs_Object *data, gs_Object *c, gs_Type **t, gs_Object **ss, int64_t *count)
{
    if (c && c != vm->none) {
        /* _sum((d := x - c) * d for x in data) */
        gs_Object *l = gs_list_new(vm, 0), *it = l ? gs_iter(vm, data) : NULL, *x;
        if (!it) {
            gs_xdecref(vm, l);
            return -1;
        }
        while ((x = gs_next(vm, it)) != NULL) {
            gs_Object *dv = gs_binary_op(vm, GS_OP_SUB, x, c, false);
            gs_decref(vm, x);
            gs_Object *sq = dv ? gs_binary_op(vm, GS_OP_MUL, dv, dv, false) : NULL;
            gs_xdecref(vm, dv);
            if (!sq || gs_list_append(vm, l, sq) < 0) {
                gs_xdecref(vm, sq);
                break;
            }
            gs_decref(vm, sq);
        }
        gs_decref(vm, it);
        int r = vm->exc ? -1 : stat_sum(vm, l, t, ss, count);
        gs_decref(vm, l);
        return r;
    }
    Acc a = { 0 };
    if (acc_all(vm, &a, data, true) < 0) {
        acc_free(vm, &a);
        return -1;
    }
    gs_Object *r;
    if (!a.count) {
        gs_Object *zero = I(0), *one = I(1);
        r = zero && one ? gs_fraction_new(vm, zero, one) : NULL;
        gs_xdecref(vm, zero);
        gs_xdecref(vm, one);
    } else if (a.special) {
        r = R(a.special);
    } else {
        /* (count * sxx - sx * sx) / count */
        gs_Object *n = I(a.count);
        r = B(TRUEDIV, B(SUB, gs_binary_op(vm, GS_OP_MUL, n, a.sxx, false), gs_binary_op(vm, GS_OP_MUL, a.sx, a.sx, false)),
              R(n));
        gs_decref(vm, n);
    }
    *t = r ? acc_type(vm, &a) : NULL;
    *count = a.count;
    acc_free(vm, &a);
    if (!*t) {
        gs_xdecref(vm, r);
        return -1;
    }
    *ss = r;
    return 0;
}

/* _convert(value, T) (steals value) */
static gs_Object *convert(gs_VM *vm, gs_Object *value, gs_Type *t)
{
    if (!value)
        return NULL;
    if (value->type == t)
        return value;
    if (gs_issubtype(t, vm->t_int) && gs_is_fraction(vm, value) && !(GS_KIND(gs_fraction_den(value)) == GS_K_INT &&
                                                                       !gs_int_is_big(gs_fraction_den(value)) &&
                                                                       ((gs_Int *)gs_fraction_den(value))->value == 1))
        t = vm->t_float;
    gs_Object *r = gs_call(vm, &t->ob, &value, 1, NULL);
    if (!r && gs_is_decimal_type(vm, t) && gs_exc_matches(vm, vm->e_TypeError)) {
        /* T(value.numerator) / T(value.denominator) */
        gs_clear_exc(vm);
        gs_Object *n = gs_getattr(vm, value, gs_name(vm, "numerator"));
        gs_Object *d = n ? gs_getattr(vm, value, gs_name(vm, "denominator")) : NULL;
        gs_Object *tn = d ? gs_call(vm, &t->ob, &n, 1, NULL) : NULL, *td = tn ? gs_call(vm, &t->ob, &d, 1, NULL) : NULL;
        r = td ? gs_binary_op(vm, GS_OP_TRUEDIV, tn, td, false) : NULL;
        gs_xdecref(vm, n);
        gs_xdecref(vm, d);
        gs_xdecref(vm, tn);
        gs_xdecref(vm, td);
    }
    gs_decref(vm, value);
    return r;
}

/* ================================================================== square roots */

static int64_t bit_length(gs_VM *vm, gs_Object *o)
{
    if (gs_int_is_big(o))
        return gs_big_bit_length(o);
    int64_t v = gs_intlike_value(vm, o);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return u ? 64 - __builtin_clzll(u) : 0;
}

/* _integer_sqrt_of_frac_rto(n, m) (steals both): isqrt(n // m), its last
 * bit set when inexact */
static gs_Object *isqrt_rto(gs_VM *vm, gs_Object *n, gs_Object *m)
{
    gs_Object *q = n && m ? gs_binary_op(vm, GS_OP_FLOORDIV, n, m, false) : NULL;
    gs_Object *a = q ? gs_big_isqrt(vm, q) : NULL;
    gs_xdecref(vm, q);
    gs_Object *r = NULL;
    if (a) {
        gs_Object *sq = B(MUL, B(MUL, R(a), R(a)), R(m));
        int ne = sq ? gs_compare_bool(vm, GS_CMP_NE, sq, n) : -1;
        gs_xdecref(vm, sq);
        r = ne < 0 ? NULL : B(BITOR, R(a), I(ne));
        gs_decref(vm, a);
    }
    gs_xdecref(vm, n);
    gs_xdecref(vm, m);
    return r;
}

static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* _float_sqrt_of_frac(n, m): the correctly rounded sqrt(n / m) */
static gs_Object *float_sqrt_of_frac(gs_VM *vm, gs_Object *n, gs_Object *m)
{
    int64_t q = floordiv64(bit_length(vm, n) - bit_length(vm, m) - (2 * 53 + 3), 2);
    gs_Object *num, *den;
    if (q >= 0) {
        num = B(LSHIFT, isqrt_rto(vm, R(n), B(LSHIFT, R(m), I(2 * q))), I(q));
        den = I(1);
    } else {
        num = isqrt_rto(vm, B(LSHIFT, R(n), I(-2 * q)), R(m));
        den = B(LSHIFT, I(1), I(-q));
    }
    gs_Object *r = num && den ? gs_int_true_divide(vm, num, den) : NULL;
    gs_xdecref(vm, num);
    gs_xdecref(vm, den);
    return r;
}

/* stdev / pstdev of the exact mean square mss (stolen) */
static gs_Object *call0(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Object *m = gs_getattr(vm, o, gs_name(vm, name));
    gs_Object *r = m ? gs_call(vm, m, NULL, 0, NULL) : NULL;
    gs_xdecref(vm, m);
    return r;
}

/* 4 * n * (dr*dx)**2 vs m * (dr*nx + dx*nr)**2 (gs_compare_bool's -1 on error) */
static int straddles(gs_VM *vm, int op, gs_Object *n, gs_Object *m, gs_Object *rr, gs_Object *xr)
{
    gs_Object *nr = ((gs_Tuple *)rr)->items[0], *dr = ((gs_Tuple *)rr)->items[1];
    gs_Object *nx = ((gs_Tuple *)xr)->items[0], *dx = ((gs_Tuple *)xr)->items[1];
    gs_Object *lhs = B(MUL, B(MUL, I(4), R(n)), B(POW, B(MUL, R(dr), R(dx)), I(2)));
    gs_Object *rhs = B(MUL, R(m), B(POW, B(ADD, B(MUL, R(dr), R(nx)), B(MUL, R(dx), R(nr))), I(2)));
    int c = lhs && rhs ? gs_compare_bool(vm, op, lhs, rhs) : -1;
    gs_xdecref(vm, lhs);
    gs_xdecref(vm, rhs);
    return c;
}

/* _decimal_sqrt_of_frac(n, m): the square root of n/m as a Decimal,
 * moved a step up or down when Decimal.sqrt's rounding of the rounded
 * quotient is off */
static gs_Object *decimal_sqrt_of_frac(gs_VM *vm, gs_Type *t, gs_Object *n, gs_Object *m)
{
    gs_Object *zero = I(0);
    int sg = zero ? gs_compare_bool(vm, GS_CMP_LE, n, zero) : -1;
    int z = sg > 0 ? gs_compare_bool(vm, GS_CMP_EQ, n, zero) : 0;
    gs_xdecref(vm, zero);
    if (sg < 0 || z < 0)
        return NULL;
    GS_UNUSED(t);
    gs_Object *dec = R(&gs_decimal_type(vm)->ob); /* Decimal, whatever T is */
    n = R(n);
    m = R(m);
    gs_Object *res = NULL, *root = NULL, *rr = NULL, *plus = NULL, *pr = NULL, *minus = NULL, *mr = NULL;
    if (sg) {
        if (z) {
            gs_Object *z = gs_str_from_cstr(vm, "0.0");
            res = z ? gs_call(vm, dec, &z, 1, NULL) : NULL;
            gs_xdecref(vm, z);
            goto out;
        }
        n = B(SUB, I(0), n);
        m = B(SUB, I(0), m);
    }
    gs_Object *dn = n ? gs_call(vm, dec, &n, 1, NULL) : NULL, *dm = dn ? gs_call(vm, dec, &m, 1, NULL) : NULL;
    gs_Object *q = dm ? gs_binary_op(vm, GS_OP_TRUEDIV, dn, dm, false) : NULL;
    gs_xdecref(vm, dn);
    gs_xdecref(vm, dm);
    root = q ? call0(vm, q, "sqrt") : NULL;
    gs_xdecref(vm, q);
    rr = root ? call0(vm, root, "as_integer_ratio") : NULL;
    plus = rr ? call0(vm, root, "next_plus") : NULL;
    pr = plus ? call0(vm, plus, "as_integer_ratio") : NULL;
    int c = pr ? straddles(vm, GS_CMP_GT, n, m, rr, pr) : -1;
    if (c != 0) {
        res = c > 0 ? R(plus) : NULL;
        goto out;
    }
    minus = call0(vm, root, "next_minus");
    mr = minus ? call0(vm, minus, "as_integer_ratio") : NULL;
    c = mr ? straddles(vm, GS_CMP_LT, n, m, rr, mr) : -1;
    if (c >= 0)
        res = R(c ? minus : root);
out:
    gs_xdecref(vm, dec);
    gs_xdecref(vm, n);
    gs_xdecref(vm, m);
    gs_xdecref(vm, root);
    gs_xdecref(vm, rr);
    gs_xdecref(vm, plus);
    gs_xdecref(vm, pr);
    gs_xdecref(vm, minus);
    gs_xdecref(vm, mr);
    return res;
}

static gs_Object *sqrt_of(gs_VM *vm, gs_Object *mss, gs_Type *t)
{
    if (!mss)
        return NULL;
    gs_Object *n = gs_getattr(vm, mss, gs_name(vm, "numerator"));
    gs_Object *d = n ? gs_getattr(vm, mss, gs_name(vm, "denominator")) : NULL;
    gs_decref(vm, mss);
    gs_Object *r = d ? (gs_is_decimal_type(vm, t) ? decimal_sqrt_of_frac(vm, t, n, d) : float_sqrt_of_frac(vm, n, d))
                     : NULL;
    gs_xdecref(vm, n);
    gs_xdecref(vm, d);
    return r;
}

/* ================================================================== fsum */

/* fsum of any iterable (math.fsum's) */
static int fsum_of(gs_VM *vm, gs_Object *data, double *out) { return gs_fsum(vm, data, out); }

/* ================================================================== averages */

static gs_Object *m_mean(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data" };
    static const gs_PySig sig = { "mean", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    gs_Type *t;
    gs_Object *total;
    int64_t n;
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0 || stat_sum(vm, a[0], &t, &total, &n) < 0)
        return NULL;
    if (n < 1) {
        gs_decref(vm, total);
        return fail(vm, "mean", "mean requires at least one data point");
    }
    return convert(vm, B(TRUEDIV, total, I(n)), t);
}

/* fmean(data, weights=None) */
static gs_Object *fmean_impl(gs_VM *vm, gs_Object *data, gs_Object *weights)
{
    int64_t n = gs_len_builtin(vm, data);
    bool has_len = n >= 0;
    if (!has_len) {
        if (!gs_isinstance(vm->exc, vm->e_TypeError))
            return NULL;
        gs_decref(vm, vm->exc);
        vm->exc = NULL;
        n = 0;
    }
    double num, den;
    if (!weights || weights == vm->none) {
        gs_Object *l = gs_list_from_iterable(vm, data);
        if (!l)
            return NULL;
        if (!has_len)
            n = list_len(l);
        int r = gs_fsum(vm, l, &num);
        gs_decref(vm, l);
        if (r < 0)
            return NULL;
        if (!n)
            return fail(vm, "fmean", "fmean requires at least one data point");
        return gs_float_new(vm, num / (double)n);
    }
    gs_Object *wl = gs_list_from_iterable(vm, weights);
    if (!wl)
        return NULL;
    /* fsum(map(mul, data, weights)) */
    gs_Object *prods = gs_list_new(vm, 0), *it = prods ? gs_iter(vm, data) : NULL, *x;
    int64_t k = 0, count = 0;
    while (it && (x = gs_next(vm, it)) != NULL) {
        count++;
        if (k >= list_len(wl)) {
            gs_decref(vm, x);
            break;
        }
        gs_Object *p = gs_binary_op(vm, GS_OP_MUL, x, list_item(wl, k++), false);
        gs_decref(vm, x);
        if (!p || gs_list_append(vm, prods, p) < 0) {
            gs_xdecref(vm, p);
            break;
        }
        gs_decref(vm, p);
    }
    gs_xdecref(vm, it);
    gs_Object *r = NULL;
    if (!has_len)
        n = count;
    if (!vm->exc && gs_fsum(vm, prods, &num) == 0) {
        if (n != list_len(wl))
            fail(vm, "fmean", "data and weights must be the same length");
        else if (gs_fsum(vm, wl, &den) == 0) {
            if (den == 0.0)
                fail(vm, "fmean", "sum of weights must be non-zero");
            else
                r = gs_float_new(vm, num / den);
        }
    }
    gs_xdecref(vm, prods);
    gs_decref(vm, wl);
    return r;
}

static gs_Object *m_fmean(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data", "weights" };
    static const gs_PySig sig = { "fmean", names, 2, 1, 0, 0 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return fmean_impl(vm, a[0], a[1]);
}

static gs_Object *m_geometric_mean(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data" };
    static const gs_PySig sig = { "geometric_mean", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    /* exp(fmean(map(log, data))); a ValueError is the StatisticsError */
    gs_Object *it = gs_iter(vm, a[0]), *x;
    if (!it)
        return NULL;
    gs_Object *logs = gs_list_new(vm, 0);
    bool domain = false;
    while (logs && (x = gs_next(vm, it)) != NULL) {
        double v;
        int r = gs_real_arg(vm, x, &v);
        gs_decref(vm, x);
        if (r < 0)
            break;
        if (!(v > 0.0) && !isnan(v)) {
            domain = true;
            break;
        }
        gs_Object *f = gs_float_new(vm, log(v));
        if (!f || gs_list_append(vm, logs, f) < 0) {
            gs_xdecref(vm, f);
            break;
        }
        gs_decref(vm, f);
    }
    gs_decref(vm, it);
    if (vm->exc && !domain) {
        gs_xdecref(vm, logs);
        return NULL;
    }
    gs_Object *m = domain || !logs ? NULL : fmean_impl(vm, logs, NULL);
    gs_xdecref(vm, logs);
    if (!m) {
        if (!domain && !gs_isinstance(vm->exc, vm->e_ValueError))
            return NULL;
        if (vm->exc) {
            gs_decref(vm, vm->exc);
            vm->exc = NULL;
        }
        return fail(vm, "geometric_mean", "geometric mean requires a non-empty dataset containing positive numbers");
    }
    double v = exp(((gs_Float *)m)->value);
    gs_decref(vm, m);
    if (isinf(v)) {
        gs_raise(vm, vm->e_OverflowError, "math range error");
        return NULL;
    }
    return gs_float_new(vm, v);
}

/* x < 0 raises StatisticsError(msg): 0, or -1 */
static int check_neg(gs_VM *vm, gs_Object *x, const char *msg)
{
    gs_Object *zero = I(0);
    int lt = gs_compare_bool(vm, GS_CMP_LT, x, zero);
    gs_decref(vm, zero);
    if (lt > 0)
        fail(vm, NULL, msg);
    return lt ? -1 : 0;
}

static bool is_real(gs_VM *vm, gs_Object *o) { return gs_is_real(o) || gs_is_fraction(vm, o); }

static gs_Object *m_harmonic_mean(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data", "weights" };
    static const gs_PySig sig = { "harmonic_mean", names, 2, 1, 0, 0 };
    static const char *errmsg = "harmonic mean does not support negative values";
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *data = gs_list_from_iterable(vm, a[0]), *wl = NULL, *r = NULL, *sum_w = NULL, *terms = NULL;
    if (!data)
        return NULL;
    int64_t n = list_len(data);
    bool weighted = a[1] && a[1] != vm->none;
    if (n < 1) {
        fail(vm, "harmonic_mean", "harmonic_mean requires at least one data point");
        goto out;
    }
    if (n == 1 && !weighted) {
        gs_Object *x = list_item(data, 0);
        if (!is_real(vm, x))
            gs_raise(vm, vm->e_TypeError, "unsupported type");
        else if (check_neg(vm, x, errmsg) == 0)
            r = R(x);
        else if (gs_isinstance(vm->exc, stats_error(vm)))
            gs_exc_lib_frames(vm, &sites[S_HM_NEG1], 1);
        goto out;
    }
    if (!weighted) {
        sum_w = I(n);
    } else {
        wl = gs_list_from_iterable(vm, a[1]);
        if (!wl)
            goto out;
        if (list_len(wl) != n) {
            fail(vm, "harmonic_mean", "Number of weights does not match data size");
            goto out;
        }
        for (int64_t i = 0; i < n; i++)
            if (check_neg(vm, list_item(wl, i), errmsg) < 0)
                goto out;
        gs_Type *t;
        int64_t c;
        if (stat_sum(vm, wl, &t, &sum_w, &c) < 0)
            goto out;
    }
    /* _sum(w / x if w else 0 for w, x in zip(weights, _fail_neg(data))) */
    terms = gs_list_new(vm, 0);
    for (int64_t i = 0; terms && i < n; i++) {
        gs_Object *w = wl ? list_item(wl, i) : NULL, *x = list_item(data, i), *term;
        if (check_neg(vm, x, errmsg) < 0)
            goto out;
        int tr = w ? gs_truthy(vm, w) : 1;
        if (tr < 0)
            goto out;
        if (!tr) {
            term = I(0);
        } else {
            gs_Object *one = w ? R(w) : I(1);
            term = gs_binary_op(vm, GS_OP_TRUEDIV, one, x, false);
            gs_decref(vm, one);
        }
        if (!term) {
            if (gs_isinstance(vm->exc, vm->e_ZeroDivisionError)) {
                gs_decref(vm, vm->exc);
                vm->exc = NULL;
                r = I(0);
            }
            goto out;
        }
        int ap = gs_list_append(vm, terms, term);
        gs_decref(vm, term);
        if (ap < 0)
            goto out;
    }
    gs_Type *t;
    gs_Object *total;
    int64_t c;
    if (!terms || stat_sum(vm, terms, &t, &total, &c) < 0)
        goto out;
    gs_Object *zero = I(0);
    int le = gs_compare_bool(vm, GS_CMP_LE, total, zero);
    gs_decref(vm, zero);
    if (le != 0) {
        if (le > 0)
            fail(vm, "harmonic_mean", "Weighted sum must be positive");
        gs_decref(vm, total);
        goto out;
    }
    r = convert(vm, B(TRUEDIV, R(sum_w), total), t);
out:
    gs_decref(vm, data);
    gs_xdecref(vm, wl);
    gs_xdecref(vm, sum_w);
    gs_xdecref(vm, terms);
    return r;
}

/* ================================================================== medians and modes */

static gs_Object *median_kind(GS_ARGS, const char *name, int kind)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data" };
    gs_PySig sig = { name, names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *l = sorted_list(vm, a[0]), *r = NULL;
    if (!l)
        return NULL;
    int64_t n = list_len(l);
    if (n == 0)
        fail(vm, name, "no median for empty data");
    else if (kind == 2 || n % 2 == 1)
        r = R(list_item(l, n / 2));
    else if (kind == 1)
        r = R(list_item(l, n / 2 - 1));
    else
        r = B(TRUEDIV, gs_binary_op(vm, GS_OP_ADD, list_item(l, n / 2 - 1), list_item(l, n / 2), false), I(2));
    gs_decref(vm, l);
    return r;
}

static gs_Object *m_median(GS_ARGS) { return median_kind(vm, self, args, nargs, kwnames, "median", 0); }
static gs_Object *m_median_low(GS_ARGS) { return median_kind(vm, self, args, nargs, kwnames, "median_low", 1); }
static gs_Object *m_median_high(GS_ARGS) { return median_kind(vm, self, args, nargs, kwnames, "median_high", 2); }

/* float(v), a ValueError turned into TypeError('Value cannot be converted to a float') */
static int to_double(gs_VM *vm, gs_Object *v, double *out)
{
    gs_Object *f = gs_float_from_object(vm, v);
    if (!f) {
        if (gs_isinstance(vm->exc, vm->e_ValueError)) {
            gs_decref(vm, vm->exc);
            vm->exc = NULL;
            gs_raise(vm, vm->e_TypeError, "Value cannot be converted to a float");
        }
        return -1;
    }
    *out = ((gs_Float *)f)->value;
    gs_decref(vm, f);
    return 0;
}

static gs_Object *m_median_grouped(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data", "interval" };
    static const gs_PySig sig = { "median_grouped", names, 2, 1, 0, 0 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *l = sorted_list(vm, a[0]), *r = NULL;
    if (!l)
        return NULL;
    int64_t n = list_len(l);
    if (!n) {
        gs_decref(vm, l);
        return fail(vm, "median_grouped", "no median for empty data");
    }
    gs_Object *x = list_item(l, n / 2);
    /* i = bisect_left(data, x); j = bisect_right(data, x, lo=i) */
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        int c = gs_compare_bool(vm, GS_CMP_LT, list_item(l, mid), x);
        if (c < 0)
            goto out;
        if (c)
            lo = mid + 1;
        else
            hi = mid;
    }
    int64_t i = lo;
    hi = n;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        int c = gs_compare_bool(vm, GS_CMP_LT, x, list_item(l, mid));
        if (c < 0)
            goto out;
        if (c)
            hi = mid;
        else
            lo = mid + 1;
    }
    int64_t j = lo;
    double interval = 1.0, xf = 0.0;
    if ((a[1] && to_double(vm, a[1], &interval) < 0) || to_double(vm, x, &xf) < 0)
        goto out;
    double L = xf - interval / 2.0;
    double f = (double)(j - i);
    r = gs_float_new(vm, L + interval * ((double)n / 2.0 - (double)i) / f);
out:
    gs_decref(vm, l);
    return r;
}

/* Counter(iter(data)): a dict of counts, in first-seen order */
static gs_Object *count_values(gs_VM *vm, gs_Object *data)
{
    gs_Object *d = gs_dict_new(vm), *it = d ? gs_iter(vm, data) : NULL, *x;
    if (!it) {
        gs_xdecref(vm, d);
        return NULL;
    }
    while ((x = gs_next(vm, it)) != NULL) {
        gs_Object *c = gs_dict_get(vm, d, x);
        int r = vm->exc ? -1 : gs_dict_set_steal(vm, d, x, c ? B(ADD, R(c), I(1)) : I(1));
        gs_decref(vm, x);
        if (r < 0)
            break;
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

static int64_t max_count(gs_Object *d)
{
    int32_t pos = 0;
    gs_Object *k, *v;
    int64_t best = 0;
    while (gs_dict_next(d, &pos, &k, &v))
        if (((gs_Int *)v)->value > best)
            best = ((gs_Int *)v)->value;
    return best;
}

static gs_Object *m_mode(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data" };
    static const gs_PySig sig = { "mode", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *d = count_values(vm, a[0]);
    if (!d)
        return NULL;
    int64_t best = max_count(d);
    int32_t pos = 0;
    gs_Object *k, *v, *r = NULL;
    while (!r && gs_dict_next(d, &pos, &k, &v))
        if (((gs_Int *)v)->value == best)
            r = R(k);
    gs_decref(vm, d);
    return r ? r : fail(vm, "mode", "no mode for empty data");
}

static gs_Object *m_multimode(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data" };
    static const gs_PySig sig = { "multimode", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *d = count_values(vm, a[0]);
    if (!d)
        return NULL;
    int64_t best = max_count(d);
    gs_Object *l = gs_list_new(vm, 0);
    int32_t pos = 0;
    gs_Object *k, *v;
    while (l && gs_dict_next(d, &pos, &k, &v))
        if (((gs_Int *)v)->value == best && gs_list_append(vm, l, k) < 0) {
            gs_decref(vm, l);
            l = NULL;
        }
    gs_decref(vm, d);
    return l;
}

/* (lo * (n - delta) + hi * delta) / n */
static gs_Object *interpolate(gs_VM *vm, gs_Object *lo, gs_Object *hi, int64_t n, int64_t delta)
{
    return B(TRUEDIV, B(ADD, B(MUL, R(lo), I(n - delta)), B(MUL, R(hi), I(delta))), I(n));
}

static gs_Object *m_quantiles(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "data", "n", "method" };
    static const gs_PySig sig = { "quantiles", names, 1, 1, 2, 0 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t n = 4;
    if (a[1]) {
        gs_Object *one = I(1);
        int lt = gs_compare_bool(vm, GS_CMP_LT, a[1], one);
        gs_decref(vm, one);
        if (lt)
            return lt < 0 ? NULL : fail(vm, "quantiles", "n must be at least 1");
    }
    gs_Object *l = sorted_list(vm, a[0]);
    if (!l)
        return NULL;
    int64_t ld = list_len(l);
    gs_Object *result = NULL;
    if (ld < 2) {
        fail(vm, "quantiles", "must have at least two data points");
        goto out;
    }
    int inclusive = 0, exclusive = 1;
    if (a[2]) {
        gs_Object *s = gs_str_from_cstr(vm, "inclusive");
        inclusive = s ? gs_equal(vm, a[2], s) : -1;
        gs_xdecref(vm, s);
        if (inclusive < 0)
            goto out;
        if (!inclusive) {
            s = gs_str_from_cstr(vm, "exclusive");
            exclusive = s ? gs_equal(vm, a[2], s) : -1;
            gs_xdecref(vm, s);
            if (exclusive < 0)
                goto out;
        }
    }
    if (!inclusive && !exclusive) {
        gs_Object *r = gs_repr(vm, a[2]);
        if (r) {
            gs_raise(vm, vm->e_ValueError, "Unknown method: %s", ((gs_Str *)r)->data);
            gs_decref(vm, r);
        }
        goto out;
    }
    if (a[1] && gs_index_arg(vm, a[1], &n) < 0) /* range(1, n) */
        goto out;
    result = gs_list_new(vm, 0);
    for (int64_t i = 1; result && i < n; i++) {
        gs_Object *v;
        if (inclusive) {
            int64_t m = ld - 1, j = i * m / n, delta = i * m % n;
            v = interpolate(vm, list_item(l, j), list_item(l, j + 1), n, delta);
        } else {
            int64_t m = ld + 1, j = i * m / n;
            j = j < 1 ? 1 : j > ld - 1 ? ld - 1 : j;
            int64_t delta = i * m - j * n;
            v = interpolate(vm, list_item(l, j - 1), list_item(l, j), n, delta);
        }
        if (!v || gs_list_append(vm, result, v) < 0) {
            gs_xdecref(vm, v);
            gs_decref(vm, result);
            result = NULL;
        } else {
            gs_decref(vm, v);
        }
    }
out:
    gs_decref(vm, l);
    return result;
}

/* ================================================================== spread */

/* variance, pvariance, stdev, pstdev */
static gs_Object *spread(GS_ARGS, const char *name, bool sample, bool root)
{
    GS_UNUSED(self);
    static const char *const sample_names[] = { "data", "xbar" }, *const pop_names[] = { "data", "mu" };
    gs_PySig sig = { name, sample ? sample_names : pop_names, 2, 1, 0, 0 };
    gs_Object *a[2];
    gs_Type *t;
    gs_Object *ss;
    int64_t n;
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0 || stat_ss(vm, a[0], a[1], &t, &ss, &n) < 0)
        return NULL;
    if (n < (sample ? 2 : 1)) {
        gs_decref(vm, ss);
        char msg[80];
        snprintf(msg, sizeof msg, "%s requires at least %s data point%s", name, sample ? "two" : "one", sample ? "s" : "");
        return fail(vm, name, msg);
    }
    gs_Object *mss = B(TRUEDIV, ss, I(sample ? n - 1 : n));
    return root ? sqrt_of(vm, mss, t) : convert(vm, mss, t);
}

static gs_Object *m_variance(GS_ARGS) { return spread(vm, self, args, nargs, kwnames, "variance", true, false); }
static gs_Object *m_pvariance(GS_ARGS) { return spread(vm, self, args, nargs, kwnames, "pvariance", false, false); }
static gs_Object *m_stdev(GS_ARGS) { return spread(vm, self, args, nargs, kwnames, "stdev", true, true); }
static gs_Object *m_pstdev(GS_ARGS) { return spread(vm, self, args, nargs, kwnames, "pstdev", false, true); }

/* ================================================================== two variables */

/* def func(x, y, /, ...): the positional-only names given as keywords
 * are CPython's TypeError */
static int bind_xy(gs_VM *vm, const gs_PySig *sig, gs_Object **args, int nargs, gs_Tuple *kwnames, gs_Object **out)
{
    gs_Buf b = { 0 };
    for (int32_t i = 0; kwnames && i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        if (strcmp(k, "x") == 0 || strcmp(k, "y") == 0)
            gs_buf_printf(&b, "%s%s", b.len ? ", " : "", k);
    }
    if (b.len) {
        gs_buf_addc(&b, 0);
        gs_raise(vm, vm->e_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                 sig->qualname, b.data);
        gs_buf_free(&b);
        return -1;
    }
    gs_buf_free(&b);
    return gs_pysig_bind(vm, sig, args, nargs, kwnames, out);
}

/* the checks of covariance, correlation and linear_regression: n = len(x) */
static int pair_len(gs_VM *vm, gs_Object *x, gs_Object *y, const char *func, const char *what, int64_t *n)
{
    *n = gs_len(vm, x);
    if (*n < 0)
        return -1;
    int64_t ny = gs_len(vm, y);
    if (ny < 0)
        return -1;
    char msg[120];
    if (ny != *n) {
        snprintf(msg, sizeof msg, "%s requires that both inputs have same number of data points", what);
        fail(vm, func, msg);
        return -1;
    }
    if (*n < 2) {
        snprintf(msg, sizeof msg, "%s requires at least two data points", what);
        fail(vm, func, msg);
        return -1;
    }
    return 0;
}

/* fsum(f(xi, yi) for xi, yi in zip(x, y)) with f(a, b) = (a - ca) * (b - cb)
 * (ca, cb NULL: a * b); y NULL: the squares of x's terms */
static int fsum_products(gs_VM *vm, gs_Object *x, gs_Object *y, gs_Object *ca, gs_Object *cb, double *out)
{
    gs_Object *lx = gs_list_from_iterable(vm, x), *ly = lx && y ? gs_list_from_iterable(vm, y) : NULL;
    gs_Object *terms = lx && (!y || ly) ? gs_list_new(vm, 0) : NULL;
    int rc = -1;
    if (!terms)
        goto out;
    int64_t n = list_len(lx);
    if (ly && list_len(ly) < n)
        n = list_len(ly);
    for (int64_t i = 0; i < n; i++) {
        gs_Object *dx = ca ? gs_binary_op(vm, GS_OP_SUB, list_item(lx, i), ca, false) : R(list_item(lx, i));
        gs_Object *dy = !dx ? NULL : !y ? R(dx) : cb ? gs_binary_op(vm, GS_OP_SUB, list_item(ly, i), cb, false) : R(list_item(ly, i));
        gs_Object *p = dy ? gs_binary_op(vm, GS_OP_MUL, dx, dy, false) : NULL;
        gs_xdecref(vm, dx);
        gs_xdecref(vm, dy);
        if (!p || gs_list_append(vm, terms, p) < 0) {
            gs_xdecref(vm, p);
            goto out;
        }
        gs_decref(vm, p);
    }
    rc = gs_fsum(vm, terms, out);
out:
    gs_xdecref(vm, lx);
    gs_xdecref(vm, ly);
    gs_xdecref(vm, terms);
    return rc;
}

/* fsum(x) / n, fsum(y) / n as new floats */
static int means(gs_VM *vm, gs_Object *x, gs_Object *y, int64_t n, gs_Object **xbar, gs_Object **ybar)
{
    double sx, sy;
    if (fsum_of(vm, x, &sx) < 0 || fsum_of(vm, y, &sy) < 0)
        return -1;
    *xbar = gs_float_new(vm, sx / (double)n);
    *ybar = gs_float_new(vm, sy / (double)n);
    return 0;
}

static gs_Object *m_covariance(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "x", "y" };
    gs_Object *a[2];
    static const gs_PySig sig = { "covariance", names, 2, 2, 0, 0 };
    if (bind_xy(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t n;
    gs_Object *xbar, *ybar;
    double sxy;
    if (pair_len(vm, a[0], a[1], "covariance", "covariance", &n) < 0 || means(vm, a[0], a[1], n, &xbar, &ybar) < 0)
        return NULL;
    int r = fsum_products(vm, a[0], a[1], xbar, ybar, &sxy);
    gs_decref(vm, xbar);
    gs_decref(vm, ybar);
    return r < 0 ? NULL : gs_float_new(vm, sxy / (double)(n - 1));
}

static gs_Object *m_correlation(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "x", "y" };
    gs_Object *a[2];
    static const gs_PySig sig = { "correlation", names, 2, 2, 0, 0 };
    if (bind_xy(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t n;
    gs_Object *xbar, *ybar;
    double sxy, sxx, syy;
    if (pair_len(vm, a[0], a[1], "correlation", "correlation", &n) < 0 || means(vm, a[0], a[1], n, &xbar, &ybar) < 0)
        return NULL;
    int r = fsum_products(vm, a[0], a[1], xbar, ybar, &sxy) < 0 || fsum_products(vm, a[0], NULL, xbar, NULL, &sxx) < 0 ||
            fsum_products(vm, a[1], NULL, ybar, NULL, &syy) < 0;
    gs_decref(vm, xbar);
    gs_decref(vm, ybar);
    if (r)
        return NULL;
    double den = sqrt(sxx * syy);
    if (den == 0.0)
        return fail(vm, "correlation", "at least one of the inputs is constant");
    return gs_float_new(vm, sxy / den);
}

static gs_Object *m_linear_regression(GS_ARGS)
{
    static const char *const names[] = { "x", "y", "proportional" };
    gs_Object *a[3];
    static const gs_PySig sig = { "linear_regression", names, 2, 2, 1, 0 };
    if (bind_xy(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t n;
    if (pair_len(vm, a[0], a[1], "linear_regression", "linear regression", &n) < 0)
        return NULL;
    int prop = a[2] ? gs_truthy(vm, a[2]) : 0;
    if (prop < 0)
        return NULL;
    gs_Object *xbar = NULL, *ybar = NULL;
    double sxy, sxx;
    int r;
    if (prop)
        r = fsum_products(vm, a[0], a[1], NULL, NULL, &sxy) < 0 || fsum_products(vm, a[0], NULL, NULL, NULL, &sxx) < 0;
    else
        r = means(vm, a[0], a[1], n, &xbar, &ybar) < 0 || fsum_products(vm, a[0], a[1], xbar, ybar, &sxy) < 0 ||
            fsum_products(vm, a[0], NULL, xbar, NULL, &sxx) < 0;
    gs_Object *res = NULL;
    if (!r) {
        if (sxx == 0.0) {
            fail(vm, "linear_regression", "x is constant");
        } else {
            double slope = sxy / sxx;
            double intercept = prop ? 0.0 : ((gs_Float *)ybar)->value - slope * ((gs_Float *)xbar)->value;
            gs_Object *cls = gs_getattr(vm, self, gs_name(vm, "LinearRegression"));
            if (cls) {
                gs_Object *vals[2] = { gs_float_new(vm, slope), gs_float_new(vm, intercept) };
                gs_Object *kw = gs_tuple_pack(vm, 2, gs_name(vm, "slope"), gs_name(vm, "intercept"));
                if (vals[0] && vals[1] && kw)
                    res = gs_call(vm, cls, vals, 2, (gs_Tuple *)kw);
                gs_xdecref(vm, vals[0]);
                gs_xdecref(vm, vals[1]);
                gs_xdecref(vm, kw);
                gs_decref(vm, cls);
            }
        }
    }
    gs_xdecref(vm, xbar);
    gs_xdecref(vm, ybar);
    return res;
}

/* ================================================================== the module */

static const gs_MethodDef functions[] = {
    { "mean", m_mean, 0, -1, GS_KW },
    { "fmean", m_fmean, 0, -1, GS_KW },
    { "geometric_mean", m_geometric_mean, 0, -1, GS_KW },
    { "harmonic_mean", m_harmonic_mean, 0, -1, GS_KW },
    { "median", m_median, 0, -1, GS_KW },
    { "median_low", m_median_low, 0, -1, GS_KW },
    { "median_high", m_median_high, 0, -1, GS_KW },
    { "median_grouped", m_median_grouped, 0, -1, GS_KW },
    { "mode", m_mode, 0, -1, GS_KW },
    { "multimode", m_multimode, 0, -1, GS_KW },
    { "quantiles", m_quantiles, 0, -1, GS_KW },
    { "pvariance", m_pvariance, 0, -1, GS_KW },
    { "variance", m_variance, 0, -1, GS_KW },
    { "pstdev", m_pstdev, 0, -1, GS_KW },
    { "stdev", m_stdev, 0, -1, GS_KW },
    { "covariance", m_covariance, 0, -1, GS_KW },
    { "correlation", m_correlation, 0, -1, GS_KW },
    { "linear_regression", m_linear_regression, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_module_statistics(gs_VM *vm)
{
    StatsState *st = vm->modstate[GS_MS_STATISTICS];
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st) {
            gs_raise_memory(vm);
            return NULL;
        }
        vm->modstate[GS_MS_STATISTICS] = st;
        st->e_error = gs_type_new_builtin(vm, "StatisticsError", vm->e_ValueError, GS_K_EXCEPTION, GS_TF_BASETYPE);
        st->e_error->module = gs_name(vm, "statistics");
    }
    /* Lib/statistics.py imports fractions and collections (namedtuple) */
    gs_Object *fr = gs_import(vm, gs_name(vm, "fractions"));
    gs_Object *coll = fr ? gs_import(vm, gs_name(vm, "collections")) : NULL;
    gs_xdecref(vm, fr);
    if (!coll)
        return NULL;
    gs_Object *nt = gs_getattr(vm, coll, gs_name(vm, "namedtuple"));
    gs_decref(vm, coll);
    gs_Object *lr = NULL;
    if (nt) {
        gs_Object *cargs[3] = { gs_str_intern(vm, "LinearRegression", 16), NULL, gs_str_intern(vm, "statistics", 10) };
        cargs[1] = gs_tuple_pack(vm, 2, gs_name(vm, "slope"), gs_name(vm, "intercept"));
        gs_Object *kw = gs_tuple_pack(vm, 1, gs_name(vm, "module"));
        if (cargs[0] && cargs[1] && cargs[2] && kw)
            lr = gs_call(vm, nt, cargs, 3, (gs_Tuple *)kw);
        for (int i = 0; i < 3; i++)
            gs_xdecref(vm, cargs[i]);
        gs_xdecref(vm, kw);
        gs_decref(vm, nt);
    }
    if (!lr)
        return NULL;
    gs_Object *m = gs_module_new(vm, "statistics");
    if (!m || gs_module_add_functions(vm, m, functions) < 0) {
        gs_xdecref(vm, m);
        gs_decref(vm, lr);
        return NULL;
    }
    gs_module_add(vm, m, "StatisticsError", gs_newref(vm, &st->e_error->ob));
    gs_module_add(vm, m, "LinearRegression", lr);
    gs_module_add(vm, m, "Fraction", gs_newref(vm, &gs_fraction_type(vm)->ob)); /* from fractions import Fraction */
    static const char *const all[] = { "StatisticsError", "correlation", "covariance", "fmean",
                                       "geometric_mean", "harmonic_mean", "linear_regression", "mean", "median",
                                       "median_grouped", "median_high", "median_low", "mode", "multimode",
                                       "pstdev", "pvariance", "quantiles", "stdev", "variance", NULL };
    gs_module_add(vm, m, "__all__", gs_str_list(vm, all));
    /* CPython runs Lib/statistics.py and what it imports beyond fractions
     * and collections (random, bisect ...): allocations, objects kept,
     * objects left in cycles, measured with python3.11 after a full
     * collection in a program that imported nothing before; less what the
     * model makes (the footprints of fractions, decimal and collections
     * included: of the objects kept, 741 real and 1033 + 29 + 486 their
     * phantoms) */
    enum { CPY_ALLOCS = 4938, CPY_KEPT = 2557, CPY_GARBAGE = 117, MODEL_ALLOCS = 4119,
           MODEL_KEPT = 741 + 1033 + 29 + 486, MODEL_GARBAGE = 117 };
    /* (tuned, as fractions' figures, to what gc.get_count() and
     * gc.collect() show after the import with the collector enabled: 150
     * fewer allocations count; fractions' late garbage goes in the
     * automatic collections of this import, and 6 more objects are left in
     * cycles at its end) */
    enum { TUNE_ALLOCS = -150, LATE_GARBAGE = 6 };
    gs_gc_import_footprint(vm, CPY_ALLOCS - MODEL_ALLOCS + TUNE_ALLOCS, CPY_KEPT - MODEL_KEPT,
                           CPY_GARBAGE - MODEL_GARBAGE + LATE_GARBAGE);
    return m;
}

void gs_statistics_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_STATISTICS]); /* the exception type itself is the VM's */
    vm->modstate[GS_MS_STATISTICS] = NULL;
}
