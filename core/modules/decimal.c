/*
 * decimal.c — the decimal module: Decimal, Context and the signals, as
 * CPython 3.11's C module _decimal (libmpdec 2.5.1) has them.
 *
 * The arithmetic is the General Decimal Arithmetic specification's (the
 * semantics Lib/_pydecimal.py spells out in Python), written here on GMP:
 * a number is a sign, an integer coefficient (an mpz) and a power of ten,
 * or an infinity or a NaN (with a payload).  Where libmpdec and
 * _pydecimal part ways, the C module's answer is the one a program sees,
 * so this file follows libmpdec: the order of the checks and the signals
 * raised (mpd_qfinalize's overflow, clamping and subnormal rounding), an
 * integer power computed by repeated squaring at a few extra digits, a
 * power with a non-integer exponent as exp(y * ln(x)) at 23 extra digits,
 * exact results of division and square root brought to their ideal
 * exponent.  exp, ln and log10 are correctly rounded (half even) as
 * libmpdec's are (its default context asks for that): their values come
 * from _pydecimal's fixed-point series, which round correctly too.
 *
 * Signals work as in _decimal: an operation collects its conditions in a
 * status word (libmpdec's bits); the context's flags take them all, and
 * the first trapped signal (InvalidOperation, FloatOperation,
 * DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded,
 * Clamped) is raised with the list of the trapped conditions:
 * decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>].
 *
 * The objects: a Decimal is not a GC object (sys.getsizeof 104: libmpdec
 * keeps four 64-bit words of coefficient, 76 digits, inside the object;
 * a coefficient that ever needed more lives in a separate block that
 * __sizeof__ counts, 8 bytes a word).  Which results went past those four
 * words follows libmpdec's own resizing (a product asks for the words of
 * both operands, a quotient for those of its aligned dividend ...), so
 * sys.getsizeof agrees for what a program computes.  For exp, ln, log10
 * and non-integer powers the words come from a model of libmpdec's
 * passes (their work precisions, and the extra passes its correct
 * rounding takes when a result lies near a rounding boundary), not from
 * its arithmetic itself: right for what the tests and the differential
 * fuzzing tried, not proven for every operand.  A Context is not a
 * GC object either; its traps and flags are SignalDicts (instances of a
 * class _decimal makes with type(), so GC objects), which hold the bits.
 * The current context lives in the module's state (CPython keeps it in a
 * context variable); the first use makes it, as CPython's
 * current_context() does, with the collector allocations that costs.
 */
#include <ctype.h>
#include <gmp.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

/* ================================================================== numbers
 *
 * Dn: a decimal number as libmpdec's mpd_t holds one.  Dctx: a context
 * (precision, exponent limits, rounding, clamping, traps and flags).  The
 * operations take their operands as const and write a result that is
 * none of them; they add their conditions to *st. */

enum { DN_FIN, DN_INF, DN_QNAN, DN_SNAN };

typedef struct Dn {
    mpz_t c;      /* coefficient >= 0; a NaN's payload (0: none) */
    int64_t exp;  /* finite numbers only */
    uint8_t sign; /* 1: negative */
    uint8_t kind; /* DN_* */
    bool dyn;     /* libmpdec's coefficient went past the object's four inline words */
} Dn;

/* libmpdec's status bits (mpdecimal.h): the context repr lists the flags
 * in this order; MPD_Not_implemented is _decimal's FloatOperation */
enum {
    S_CLAMPED = 0x1, S_CONV = 0x2, S_DIVZERO = 0x4, S_DIVIMP = 0x8, S_DIVUNDEF = 0x10, S_FPU = 0x20,
    S_INEXACT = 0x40, S_INVCTX = 0x80, S_INVALID = 0x100, S_MALLOC = 0x200, S_FLOATOP = 0x400,
    S_OVERFLOW = 0x800, S_ROUNDED = 0x1000, S_SUBNORMAL = 0x2000, S_UNDERFLOW = 0x4000,
};
#define S_IEEE_INVALID (S_CONV | S_DIVIMP | S_DIVUNDEF | S_FPU | S_INVCTX | S_INVALID | S_MALLOC)
#define S_ERRORS (S_IEEE_INVALID | S_DIVZERO)
#define S_NFLAGS 15

/* rounding modes, in libmpdec's order (mpd_round_string) */
enum { R_UP, R_DOWN, R_CEILING, R_FLOOR, R_HALF_UP, R_HALF_DOWN, R_HALF_EVEN, R_05UP, R_TRUNC, R_COUNT };
static const char *const round_names[R_COUNT] = { "ROUND_UP",        "ROUND_DOWN",      "ROUND_CEILING",
                                                  "ROUND_FLOOR",     "ROUND_HALF_UP",   "ROUND_HALF_DOWN",
                                                  "ROUND_HALF_EVEN", "ROUND_05UP",      "ROUND_TRUNC" };

#define MAX_PREC INT64_C(999999999999999999)
#define MAX_EMAX INT64_C(999999999999999999)
#define MIN_EMIN INT64_C(-999999999999999999)
#define MIN_ETINY (MIN_EMIN - (MAX_PREC - 1))
#define EXP_INF INT64_C(2000000000000000001)
#define EXP_CLAMP INT64_C(-4000000000000000001)
/* coefficients past this many digits are refused (MemoryError): GMP would
 * abort the process when an allocation fails */
#define DIG_LIMIT INT64_C(50000000)

typedef struct Dctx {
    int64_t prec, emax, emin;
    uint32_t traps, status;
    uint8_t round, clamp;
} Dctx;

static void max_ctx(Dctx *c)
{
    c->prec = MAX_PREC;
    c->emax = MAX_EMAX;
    c->emin = MIN_EMIN;
    c->round = R_HALF_EVEN;
    c->clamp = 0;
    c->traps = S_IEEE_INVALID | S_DIVZERO | S_OVERFLOW | S_UNDERFLOW;
    c->status = 0;
}

static int64_t etiny(const Dctx *c) { return c->emin - (c->prec - 1); }
static int64_t etop(const Dctx *c) { return c->emax - (c->prec - 1); }

static void dn_init(Dn *a)
{
    mpz_init(a->c);
    a->exp = 0;
    a->sign = 0;
    a->kind = DN_FIN;
    a->dyn = false;
}

static void dn_clear(Dn *a) { mpz_clear(a->c); }

static bool is_special(const Dn *a) { return a->kind != DN_FIN; }
static bool is_nan(const Dn *a) { return a->kind == DN_QNAN || a->kind == DN_SNAN; }
static bool is_inf(const Dn *a) { return a->kind == DN_INF; }
static bool is_zero(const Dn *a) { return a->kind == DN_FIN && mpz_sgn(a->c) == 0; }
static bool zcoeff(const Dn *a) { return mpz_sgn(a->c) == 0; }

static const uint64_t P10[20] = {
    UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000), UINT64_C(10000), UINT64_C(100000),
    UINT64_C(1000000), UINT64_C(10000000), UINT64_C(100000000), UINT64_C(1000000000),
    UINT64_C(10000000000), UINT64_C(100000000000), UINT64_C(1000000000000), UINT64_C(10000000000000),
    UINT64_C(100000000000000), UINT64_C(1000000000000000), UINT64_C(10000000000000000),
    UINT64_C(100000000000000000), UINT64_C(1000000000000000000), UINT64_C(10000000000000000000),
};

/* 10**n */
static void p10(mpz_t r, int64_t n) { mpz_ui_pow_ui(r, 10, (unsigned long)(n < 0 ? 0 : n)); }

/* decimal digits of c (1 for 0) */
static int64_t ndig(const mpz_t c)
{
    if (mpz_sgn(c) == 0)
        return 1;
    if (mpz_fits_ulong_p(c)) {
        uint64_t v = mpz_get_ui(c);
        int n = 1;
        while (n < 20 && v >= P10[n])
            n++;
        return n;
    }
    size_t n = mpz_sizeinbase(c, 10); /* exact or one too many */
    mpz_t p;
    mpz_init(p);
    p10(p, (int64_t)n - 1);
    int less = mpz_cmp(c, p) < 0;
    mpz_clear(p);
    return (int64_t)n - less;
}

static int64_t digits(const Dn *a) { return ndig(a->c); }
static int64_t adjexp(const Dn *a) { return a->exp + digits(a) - 1; }

/* 64-bit words libmpdec needs for n digits (19 a word) */
static int64_t words_of(int64_t n) { return n <= 0 ? 1 : (n + 18) / 19; }
static int64_t words(const Dn *a) { return is_special(a) && zcoeff(a) ? 1 : words_of(digits(a)); }

/* libmpdec resized the result to `w` words: past four, it left the object */
static void need(Dn *r, int64_t w)
{
    if (w > 4)
        r->dyn = true;
}
static void touch(Dn *r) { need(r, words(r)); }

/* c *= 10**n; false past DIG_LIMIT digits */
static bool shl(mpz_t c, int64_t n)
{
    if (n <= 0 || mpz_sgn(c) == 0)
        return true;
    if (n > DIG_LIMIT || ndig(c) + n > DIG_LIMIT)
        return false;
    mpz_t p;
    mpz_init(p);
    p10(p, n);
    mpz_mul(c, c, p);
    mpz_clear(p);
    return true;
}

/* c //= 10**n; the rounding digit as libmpdec's: 0 exact, 1-4 less than a
 * half dropped, 5 exactly a half, 6-9 more */
static int shr_rnd(mpz_t c, int64_t n)
{
    if (n <= 0 || mpz_sgn(c) == 0)
        return 0;
    int64_t d = ndig(c);
    if (n > d) {
        mpz_set_ui(c, 0);
        return 1;
    }
    mpz_t p, rest;
    mpz_inits(p, rest, NULL);
    p10(p, n - 1);
    mpz_fdiv_qr(c, rest, c, p);
    int first = (int)mpz_fdiv_q_ui(c, c, 10);
    if (mpz_sgn(rest) && (first == 0 || first == 5))
        first++;
    mpz_clears(p, rest, NULL);
    return first;
}

/* trailing zeros of a coefficient (0 for 0) */
static int64_t tzeros(const mpz_t c)
{
    if (mpz_sgn(c) == 0)
        return 0;
    mpz_t t, ten;
    mpz_init(t);
    mpz_init_set_ui(ten, 10);
    int64_t n = (int64_t)mpz_remove(t, c, ten);
    mpz_clears(t, ten, NULL);
    return n;
}

static void set_special(Dn *r, uint8_t sign, uint8_t kind)
{
    mpz_set_ui(r->c, 0);
    r->exp = 0;
    r->sign = sign;
    r->kind = kind;
}

/* mpd_seterror: a quiet NaN and the condition */
static void set_error(Dn *r, uint32_t flags, uint32_t *st)
{
    set_special(r, 0, DN_QNAN);
    *st |= flags;
}

static void settriple(Dn *r, uint8_t sign, uint64_t v, int64_t exp)
{
    mpz_set_ui(r->c, v);
    r->exp = exp;
    r->sign = sign;
    r->kind = DN_FIN;
}

/* mpd_qcopy into a fresh result */
static void dn_copy(Dn *r, const Dn *a)
{
    if (r == a)
        return;
    mpz_set(r->c, a->c);
    r->exp = a->exp;
    r->sign = a->sign;
    r->kind = a->kind;
    touch(r);
}

/* the value of a into r without libmpdec's copy (an operation that writes
 * its shifted result directly: sizes follow the result) */
static void dn_set(Dn *r, const Dn *a)
{
    mpz_set(r->c, a->c);
    r->exp = a->exp;
    r->sign = a->sign;
    r->kind = a->kind;
}

/* ------------------------------------------------------------------ finalizing */

static void fix_nan(Dn *r, const Dctx *ctx)
{
    int64_t prec = ctx->prec - ctx->clamp;
    if (mpz_sgn(r->c) && ndig(r->c) > prec) {
        if (prec <= 0) {
            mpz_set_ui(r->c, 0);
        } else {
            mpz_t p;
            mpz_init(p);
            p10(p, prec);
            mpz_mod(r->c, r->c, p);
            mpz_clear(p);
        }
    }
}

static bool rnd_incr(const Dn *d, int rnd, const Dctx *ctx)
{
    switch (ctx->round) {
    case R_DOWN: case R_TRUNC: return false;
    case R_HALF_UP: return rnd >= 5;
    case R_HALF_EVEN: return rnd > 5 || (rnd == 5 && mpz_odd_p(d->c));
    case R_CEILING: return !(rnd == 0 || d->sign);
    case R_FLOOR: return !(rnd == 0 || !d->sign);
    case R_HALF_DOWN: return rnd > 5;
    case R_UP: return rnd != 0;
    case R_05UP: {
        unsigned long ld = mpz_fdiv_ui(d->c, 10);
        return rnd != 0 && (ld == 0 || ld == 5);
    }
    default: return false;
    }
}

static void apply_round_excess(Dn *d, int rnd, const Dctx *ctx)
{
    if (rnd_incr(d, rnd, ctx)) {
        mpz_add_ui(d->c, d->c, 1);
        touch(d);
    }
}

static void maxcoeff(Dn *d, const Dctx *ctx, uint32_t *st)
{
    if (ctx->prec > DIG_LIMIT) {
        set_error(d, S_MALLOC, st);
        return;
    }
    p10(d->c, ctx->prec);
    mpz_sub_ui(d->c, d->c, 1);
    touch(d);
}

static void check_exp(Dn *d, const Dctx *ctx, uint32_t *st);

static void apply_round(Dn *d, int rnd, const Dctx *ctx, uint32_t *st)
{
    if (rnd_incr(d, rnd, ctx)) {
        mpz_add_ui(d->c, d->c, 1);
        if (digits(d) > ctx->prec) {
            mpz_fdiv_q_ui(d->c, d->c, 10);
            d->exp += 1;
            check_exp(d, ctx, st);
        }
    }
}

/* _mpd_check_exp: overflow, clamping (fold-down) and subnormal rounding */
static void check_exp(Dn *d, const Dctx *ctx, uint32_t *st)
{
    int64_t adj = adjexp(d);
    if (adj > ctx->emax) {
        if (zcoeff(d)) {
            d->exp = ctx->emax - (ctx->clamp ? ctx->prec - 1 : 0);
            *st |= S_CLAMPED;
            return;
        }
        switch (ctx->round) {
        case R_HALF_UP: case R_HALF_EVEN: case R_HALF_DOWN: case R_UP: case R_TRUNC:
            set_special(d, d->sign, DN_INF);
            break;
        case R_DOWN: case R_05UP:
            maxcoeff(d, ctx, st);
            d->exp = ctx->emax - ctx->prec + 1;
            break;
        case R_CEILING:
            if (d->sign) {
                maxcoeff(d, ctx, st);
                d->exp = ctx->emax - ctx->prec + 1;
            } else {
                set_special(d, 0, DN_INF);
            }
            break;
        case R_FLOOR:
            if (!d->sign) {
                maxcoeff(d, ctx, st);
                d->exp = ctx->emax - ctx->prec + 1;
            } else {
                set_special(d, 1, DN_INF);
            }
            break;
        default:
            break;
        }
        *st |= S_OVERFLOW | S_INEXACT | S_ROUNDED;
    } else if (ctx->clamp && d->exp > etop(ctx)) {
        int64_t shift = d->exp - etop(ctx);
        if (!shl(d->c, shift)) {
            set_error(d, S_MALLOC, st);
            return;
        }
        touch(d);
        d->exp -= shift;
        *st |= S_CLAMPED;
        if (!zcoeff(d) && adj < ctx->emin)
            *st |= S_SUBNORMAL;
    } else if (adj < ctx->emin) {
        int64_t et = etiny(ctx);
        if (zcoeff(d)) {
            if (d->exp < et) {
                d->exp = et;
                *st |= S_CLAMPED;
            }
            return;
        }
        *st |= S_SUBNORMAL;
        if (d->exp < et) {
            int rnd = shr_rnd(d->c, et - d->exp);
            d->exp = et;
            apply_round_excess(d, rnd, ctx);
            *st |= S_ROUNDED;
            if (rnd) {
                *st |= S_INEXACT | S_UNDERFLOW;
                if (zcoeff(d))
                    *st |= S_CLAMPED;
            }
        }
    }
}

static void check_round(Dn *d, const Dctx *ctx, uint32_t *st)
{
    if (is_special(d))
        return;
    int64_t nd = digits(d);
    if (nd > ctx->prec) {
        int64_t shift = nd - ctx->prec;
        int rnd = shr_rnd(d->c, shift);
        d->exp += shift;
        apply_round(d, rnd, ctx, st);
        *st |= S_ROUNDED;
        if (rnd)
            *st |= S_INEXACT;
    }
}

/* mpd_qfinalize */
static void finalize(Dn *r, const Dctx *ctx, uint32_t *st)
{
    if (is_special(r)) {
        if (is_nan(r))
            fix_nan(r, ctx);
        return;
    }
    check_exp(r, ctx, st);
    check_round(r, ctx, st);
}

/* ------------------------------------------------------------------ NaN operands */

static bool check_nan(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (!is_nan(a))
        return false;
    if (a->kind == DN_SNAN)
        *st |= S_INVALID;
    dn_copy(r, a);
    r->kind = DN_QNAN;
    fix_nan(r, ctx);
    return true;
}

static bool check_nans(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    if (!is_nan(a) && !is_nan(b))
        return false;
    const Dn *choice = b;
    if (a->kind == DN_SNAN) {
        choice = a;
        *st |= S_INVALID;
    } else if (b->kind == DN_SNAN) {
        *st |= S_INVALID;
    } else if (a->kind == DN_QNAN) {
        choice = a;
    }
    dn_copy(r, choice);
    r->kind = DN_QNAN;
    fix_nan(r, ctx);
    return true;
}

static bool check_3nans(Dn *r, const Dn *a, const Dn *b, const Dn *c, const Dctx *ctx, uint32_t *st)
{
    if (!is_nan(a) && !is_nan(b) && !is_nan(c))
        return false;
    const Dn *choice = c;
    if (a->kind == DN_SNAN) {
        choice = a;
        *st |= S_INVALID;
    } else if (b->kind == DN_SNAN) {
        choice = b;
        *st |= S_INVALID;
    } else if (c->kind == DN_SNAN) {
        *st |= S_INVALID;
    } else if (a->kind == DN_QNAN) {
        choice = a;
    } else if (b->kind == DN_QNAN) {
        choice = b;
    }
    dn_copy(r, choice);
    r->kind = DN_QNAN;
    fix_nan(r, ctx);
    return true;
}

/* ------------------------------------------------------------------ comparison */

/* |a| vs |b|, same adjusted exponent, finite nonzero */
static int cmp_coeff_aligned(const Dn *a, const Dn *b)
{
    if (a->exp == b->exp)
        return mpz_cmp(a->c, b->c) < 0 ? -1 : mpz_cmp(a->c, b->c) > 0;
    /* the one with the larger exponent gets the other's zeros */
    mpz_t t;
    mpz_init(t);
    int r;
    if (a->exp > b->exp) {
        mpz_set(t, a->c);
        shl(t, a->exp - b->exp);
        r = mpz_cmp(t, b->c);
    } else {
        mpz_set(t, b->c);
        shl(t, b->exp - a->exp);
        r = -mpz_cmp(t, a->c);
    }
    mpz_clear(t);
    return r < 0 ? -1 : r > 0;
}

static int cmp_abs(const Dn *a, const Dn *b)
{
    if (is_inf(a))
        return is_inf(b) ? 0 : 1;
    if (is_inf(b))
        return -1;
    if (zcoeff(a))
        return zcoeff(b) ? 0 : -1;
    if (zcoeff(b))
        return 1;
    int64_t x = adjexp(a), y = adjexp(b);
    if (x != y)
        return x < y ? -1 : 1;
    return cmp_coeff_aligned(a, b);
}

static int arith_sign(const Dn *a) { return a->sign ? -1 : 1; }

/* _mpd_cmp: no NaNs */
static int dn_cmp(const Dn *a, const Dn *b)
{
    if (is_inf(a)) {
        if (is_inf(b))
            return (int)b->sign - (int)a->sign;
        return arith_sign(a);
    }
    if (is_inf(b))
        return -arith_sign(b);
    if (zcoeff(a))
        return zcoeff(b) ? 0 : -arith_sign(b);
    if (zcoeff(b))
        return arith_sign(a);
    if (a->sign != b->sign)
        return (int)b->sign - (int)a->sign;
    int64_t x = adjexp(a), y = adjexp(b);
    if (x != y)
        return (x < y ? -1 : 1) * arith_sign(a);
    return cmp_coeff_aligned(a, b) * arith_sign(a);
}

/* mpd_qcmp: INT_MAX (and Invalid_operation) with a NaN */
static int dn_qcmp(const Dn *a, const Dn *b, uint32_t *st)
{
    if (is_nan(a) || is_nan(b)) {
        *st |= S_INVALID;
        return INT_MAX;
    }
    return dn_cmp(a, b);
}

static void op_compare(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st, bool signal)
{
    if (check_nans(r, a, b, ctx, st)) {
        if (signal)
            *st |= S_INVALID;
        return;
    }
    int c = dn_cmp(a, b);
    settriple(r, c < 0, c != 0, 0);
}

/* the total order (compare_total), with the signs given */
static int cmp_total(const Dn *a, uint8_t sa, const Dn *b, uint8_t sb)
{
    if (sa != sb)
        return (int)sb - (int)sa;
    int c;
    if (is_nan(a)) {
        c = 1;
        if (is_nan(b)) {
            int na = a->kind == DN_QNAN, nb = b->kind == DN_QNAN;
            if (na == nb) {
                int r = mpz_cmp(a->c, b->c);
                c = r < 0 ? -1 : r > 0;
            } else {
                c = na - nb;
            }
        }
    } else if (is_nan(b)) {
        c = -1;
    } else {
        c = cmp_abs(a, b);
        if (c == 0 && !is_inf(a) && a->exp != b->exp)
            c = a->exp < b->exp ? -1 : 1;
    }
    return sa ? -c : c;
}

static void op_compare_total(Dn *r, const Dn *a, const Dn *b, bool mag)
{
    int c = mag ? cmp_total(a, 0, b, 0) : cmp_total(a, a->sign, b, b->sign);
    settriple(r, c < 0, c != 0, 0);
}

static int cmp_numequal(const Dn *a, const Dn *b)
{
    if (a->sign != b->sign)
        return (int)b->sign - (int)a->sign;
    return (a->exp < b->exp ? -1 : 1) * arith_sign(a);
}

/* max, min, max_mag, min_mag */
static void op_minmax(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st, bool want_max, bool mag)
{
    if (a->kind == DN_QNAN && !is_nan(b)) {
        dn_copy(r, b);
    } else if (b->kind == DN_QNAN && !is_nan(a)) {
        dn_copy(r, a);
    } else if (check_nans(r, a, b, ctx, st)) {
        return;
    } else {
        int c = mag ? cmp_abs(a, b) : dn_cmp(a, b);
        if (c == 0)
            c = cmp_numequal(a, b);
        dn_copy(r, want_max ? (c < 0 ? b : a) : (c < 0 ? a : b));
    }
    finalize(r, ctx, st);
}

/* ------------------------------------------------------------------ copies */

static void op_copy_abs(Dn *r, const Dn *a) { dn_copy(r, a); r->sign = 0; }
static void op_copy_negate(Dn *r, const Dn *a) { dn_copy(r, a); r->sign ^= 1; }
static void op_copy_sign(Dn *r, const Dn *a, const Dn *b) { uint8_t s = b->sign; dn_copy(r, a); r->sign = s; }

/* minus, plus, abs */
static void op_plus(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st, bool negate)
{
    if (is_special(a) && check_nan(r, a, ctx, st))
        return;
    if (is_zero(a) && ctx->round != R_FLOOR) {
        op_copy_abs(r, a);
    } else {
        dn_copy(r, a);
        if (negate)
            r->sign ^= 1;
    }
    finalize(r, ctx, st);
}

static void op_abs(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a) && check_nan(r, a, ctx, st))
        return;
    op_plus(r, a, ctx, st, a->sign != 0);
}

/* ------------------------------------------------------------------ addition */

static void addsub(Dn *r, const Dn *a, const Dn *b, uint8_t sign_b, const Dctx *ctx, uint32_t *st)
{
    const Dn *big = a, *small = b;
    uint8_t sbig = a->sign, ssmall = sign_b;
    Dn tiny, aligned;
    dn_init(&tiny);
    dn_init(&aligned);
    if (a->exp != b->exp) {
        if (b->exp > a->exp) {
            big = b;
            small = a;
            sbig = sign_b;
            ssmall = a->sign;
        }
        if (!zcoeff(big)) {
            int64_t bd = digits(big);
            int64_t e = big->exp - 1 + (bd > ctx->prec ? 0 : bd - ctx->prec - 1);
            if (adjexp(small) < e) {
                /* libmpdec's stand-in for a far smaller operand: one digit
                 * below the rounding digit gives the same result */
                mpz_set_ui(tiny.c, zcoeff(small) ? 0 : 1);
                tiny.exp = e;
                small = &tiny;
            }
            mpz_set(aligned.c, big->c);
            if (!shl(aligned.c, big->exp - small->exp)) {
                set_error(r, S_MALLOC, st);
                goto done;
            }
            aligned.exp = small->exp;
            big = &aligned;
        }
    }
    int64_t bw = words(big), sw = words(small);
    need(r, bw > sw ? bw : sw);
    r->exp = small->exp;
    r->kind = DN_FIN;
    if (sbig == ssmall) {
        mpz_add(r->c, big->c, small->c);
        r->sign = sbig;
    } else if (mpz_cmp(big->c, small->c) >= 0) {
        mpz_sub(r->c, big->c, small->c);
        r->sign = sbig;
    } else {
        mpz_sub(r->c, small->c, big->c);
        r->sign = ssmall;
    }
    if (sbig != ssmall && zcoeff(r))
        r->sign = ctx->round == R_FLOOR;
    touch(r);
done:
    dn_clear(&tiny);
    dn_clear(&aligned);
}

static void op_add(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st, bool sub)
{
    uint8_t sign_b = (uint8_t)(b->sign ^ (sub ? 1 : 0));
    if (is_special(a) || is_special(b)) {
        if (check_nans(r, a, b, ctx, st))
            return;
        if (is_inf(a)) {
            if (a->sign != sign_b && is_inf(b))
                set_error(r, S_INVALID, st);
            else
                set_special(r, a->sign, DN_INF);
            return;
        }
        set_special(r, sign_b, DN_INF);
        return;
    }
    addsub(r, a, b, sign_b, ctx, st);
    finalize(r, ctx, st);
}

/* ------------------------------------------------------------------ multiplication */

/* the product's coefficient and exponent, unrounded (_mpd_qmul) */
static void mul_exact(Dn *r, const Dn *a, const Dn *b)
{
    int64_t wa = words(a), wb = words(b);
    if (wa > 1 || wb > 1)
        need(r, wa + wb);
    mpz_mul(r->c, a->c, b->c);
    r->exp = a->exp + b->exp;
    r->sign = a->sign ^ b->sign;
    r->kind = DN_FIN;
}

static void op_mul(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a) || is_special(b)) {
        if (check_nans(r, a, b, ctx, st))
            return;
        /* _mpd_qmul_inf */
        if ((is_inf(a) && is_zero(b)) || (is_inf(b) && is_zero(a))) {
            set_error(r, S_INVALID, st);
            return;
        }
        set_special(r, a->sign ^ b->sign, DN_INF);
        return;
    }
    mul_exact(r, a, b);
    finalize(r, ctx, st);
}

/* ------------------------------------------------------------------ division */

enum { NO_IDEAL_EXP, SET_IDEAL_EXP };

static void div_impl(int action, Dn *q, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    uint8_t sign = a->sign ^ b->sign;
    if (is_special(a) || is_special(b)) {
        if (check_nans(q, a, b, ctx, st))
            return;
        if (is_inf(a)) {
            if (is_inf(b))
                set_error(q, S_INVALID, st);
            else
                set_special(q, sign, DN_INF);
            return;
        }
        settriple(q, sign, 0, etiny(ctx));
        *st |= S_CLAMPED;
        return;
    }
    if (zcoeff(b)) {
        if (zcoeff(a)) {
            set_error(q, S_DIVUNDEF, st);
        } else {
            set_special(q, sign, DN_INF);
            *st |= S_DIVZERO;
        }
        return;
    }
    if (zcoeff(a)) {
        settriple(q, sign, 0, a->exp - b->exp);
        finalize(q, ctx, st);
        return;
    }
    int64_t ad = digits(a), bd = digits(b);
    int64_t shift = (bd - ad) + ctx->prec + 1;
    int64_t ideal = a->exp - b->exp, exp = ideal - shift;
    mpz_t x, y, rem;
    mpz_inits(x, y, rem, NULL);
    mpz_set(x, a->c);
    mpz_set(y, b->c);
    bool ok = shift > 0 ? shl(x, shift) : shl(y, -shift);
    if (!ok) {
        set_error(q, S_MALLOC, st);
        mpz_clears(x, y, rem, NULL);
        return;
    }
    need(q, words_of(ndig(x)) - words_of(ndig(y)) + 1);
    mpz_tdiv_qr(q->c, rem, x, y);
    q->sign = sign;
    q->kind = DN_FIN;
    int64_t s = ideal - exp;
    if (mpz_sgn(rem)) {
        unsigned long ld = mpz_fdiv_ui(q->c, 10);
        if (ld == 0 || ld == 5)
            mpz_add_ui(q->c, q->c, 1);
    } else if (action == SET_IDEAL_EXP && s > 0) {
        int64_t tz = tzeros(q->c);
        if (tz > s)
            tz = s;
        shr_rnd(q->c, tz);
        exp += tz;
    }
    q->exp = exp;
    mpz_clears(x, y, rem, NULL);
    finalize(q, ctx, st);
}

static void op_div(Dn *q, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    div_impl(SET_IDEAL_EXP, q, a, b, ctx, st);
}

/* _mpd_qdivmod: finite operands, b nonzero; q or r may be NULL */
static void divmod_impl(Dn *q, Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    uint8_t sign_ab = a->sign ^ b->sign;
    int64_t ideal = a->exp > b->exp ? b->exp : a->exp;
    Dn tq, tr;
    dn_init(&tq);
    dn_init(&tr);
    if (!q)
        q = &tq;
    if (!r)
        r = &tr;
    if (zcoeff(a)) {
        dn_copy(r, a);
        r->exp = ideal;
        settriple(q, sign_ab, 0, 0);
        goto out;
    }
    int64_t expdiff = adjexp(a) - adjexp(b);
    if (expdiff < 0) {
        dn_copy(r, a);
        if (a->exp > b->exp) {
            if (!shl(r->c, a->exp - b->exp)) {
                set_error(q, S_MALLOC, st);
                set_error(r, S_MALLOC, st);
                goto out;
            }
            touch(r);
            r->exp = ideal;
        }
        settriple(q, sign_ab, 0, 0);
        goto out;
    }
    if (expdiff > ctx->prec) {
        *st |= S_DIVIMP;
        set_special(q, 0, DN_QNAN);
        set_special(r, 0, DN_QNAN);
        goto out;
    }
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    mpz_set(x, a->c);
    mpz_set(y, b->c);
    if (a->exp > b->exp)
        shl(x, a->exp - b->exp);
    else if (b->exp > a->exp)
        shl(y, b->exp - a->exp);
    need(q, words_of(ndig(x)) - words_of(ndig(y)) + 1);
    need(r, words_of(ndig(y)));
    mpz_tdiv_qr(q->c, r->c, x, y);
    mpz_clears(x, y, NULL);
    q->kind = r->kind = DN_FIN;
    q->sign = sign_ab;
    q->exp = 0;
    if (digits(q) > ctx->prec) {
        *st |= S_DIVIMP;
        set_special(q, 0, DN_QNAN);
        set_special(r, 0, DN_QNAN);
        goto out;
    }
    r->sign = a->sign;
    r->exp = ideal;
out:
    dn_clear(&tq);
    dn_clear(&tr);
}

static void op_divmod(Dn *q, Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    uint8_t sign = a->sign ^ b->sign;
    if (is_special(a) || is_special(b)) {
        if (check_nans(q, a, b, ctx, st)) {
            dn_copy(r, q);
            return;
        }
        if (is_inf(a)) {
            if (is_inf(b))
                set_special(q, 0, DN_QNAN);
            else
                set_special(q, sign, DN_INF);
            set_special(r, 0, DN_QNAN);
            *st |= S_INVALID;
            return;
        }
        dn_copy(r, a);
        finalize(r, ctx, st);
        settriple(q, sign, 0, 0);
        return;
    }
    if (zcoeff(b)) {
        if (zcoeff(a)) {
            set_special(q, 0, DN_QNAN);
            set_special(r, 0, DN_QNAN);
            *st |= S_DIVUNDEF;
        } else {
            set_special(q, sign, DN_INF);
            set_special(r, 0, DN_QNAN);
            *st |= S_DIVZERO | S_INVALID;
        }
        return;
    }
    divmod_impl(q, r, a, b, ctx, st);
    finalize(q, ctx, st);
    finalize(r, ctx, st);
}

static void op_divint(Dn *q, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    uint8_t sign = a->sign ^ b->sign;
    if (is_special(a) || is_special(b)) {
        if (check_nans(q, a, b, ctx, st))
            return;
        if (is_inf(a) && is_inf(b)) {
            set_error(q, S_INVALID, st);
            return;
        }
        if (is_inf(a)) {
            set_special(q, sign, DN_INF);
            return;
        }
        settriple(q, sign, 0, 0);
        return;
    }
    if (zcoeff(b)) {
        if (zcoeff(a)) {
            set_error(q, S_DIVUNDEF, st);
        } else {
            set_special(q, sign, DN_INF);
            *st |= S_DIVZERO;
        }
        return;
    }
    divmod_impl(q, NULL, a, b, ctx, st);
    finalize(q, ctx, st);
}

static void op_rem(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a) || is_special(b)) {
        if (check_nans(r, a, b, ctx, st))
            return;
        if (is_inf(a)) {
            set_error(r, S_INVALID, st);
            return;
        }
        dn_copy(r, a);
        finalize(r, ctx, st);
        return;
    }
    if (zcoeff(b)) {
        set_error(r, zcoeff(a) ? S_DIVUNDEF : S_INVALID, st);
        return;
    }
    divmod_impl(NULL, r, a, b, ctx, st);
    finalize(r, ctx, st);
}

static void op_rem_near(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a) || is_special(b)) {
        if (check_nans(r, a, b, ctx, st))
            return;
        if (is_inf(a)) {
            set_error(r, S_INVALID, st);
            return;
        }
        dn_copy(r, a);
        finalize(r, ctx, st);
        return;
    }
    if (zcoeff(b)) {
        set_error(r, zcoeff(a) ? S_DIVUNDEF : S_INVALID, st);
        return;
    }
    Dn q, t;
    dn_init(&q);
    dn_init(&t);
    divmod_impl(&q, r, a, b, ctx, st);
    if (is_nan(&q) || is_nan(r) || zcoeff(r))
        goto finish;
    int64_t expdiff = adjexp(b) - adjexp(r);
    if (-1 <= expdiff && expdiff <= 1) {
        int64_t qdigits = digits(&q);
        mpz_t nines;
        mpz_init(nines);
        p10(nines, qdigits);
        mpz_sub_ui(nines, nines, 1);
        bool allnine = mpz_cmp(q.c, nines) == 0;
        mpz_clear(nines);
        bool isodd = mpz_odd_p(q.c);
        Dctx mx;
        max_ctx(&mx);
        uint32_t ws = 0;
        /* t = r - b (same signs) or r + b: the other candidate */
        addsub(&t, r, b, a->sign == b->sign ? (uint8_t)!b->sign : b->sign, &mx, &ws);
        if (ws & S_ERRORS) {
            set_error(r, ws & S_ERRORS, st);
            goto finish;
        }
        int c = cmp_abs(&t, r);
        if (c < 0 || (c == 0 && isodd)) {
            if (allnine && qdigits == ctx->prec) {
                set_error(r, S_DIVIMP, st);
                goto finish;
            }
            dn_copy(r, &t);
        }
    }
finish:
    dn_clear(&q);
    dn_clear(&t);
    finalize(r, ctx, st);
}

/* ------------------------------------------------------------------ rescaling */

/* _mpd_qrescale: a to exponent exp with ctx's rounding, no precision check */
static void rescale(Dn *r, const Dn *a, int64_t exp, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a)) {
        dn_copy(r, a);
        return;
    }
    if (zcoeff(a)) {
        settriple(r, a->sign, 0, exp);
        return;
    }
    int64_t expdiff = a->exp - exp;
    if (expdiff >= 0) {
        if (digits(a) + expdiff > MAX_PREC + 1) {
            set_error(r, S_INVALID, st);
            return;
        }
        dn_copy(r, a);
        if (!shl(r->c, expdiff)) {
            set_error(r, S_MALLOC, st);
            return;
        }
        touch(r);
        r->exp = exp;
    } else {
        dn_set(r, a);
        int rnd = shr_rnd(r->c, -expdiff);
        touch(r);
        r->exp = exp;
        apply_round_excess(r, rnd, ctx);
        *st |= S_ROUNDED;
        if (rnd)
            *st |= S_INEXACT;
    }
    if (!zcoeff(r) && adjexp(r) < ctx->emin)
        *st |= S_SUBNORMAL;
}

static void op_quantize(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    uint32_t ws = 0;
    if (is_special(a) || is_special(b)) {
        if (check_nans(r, a, b, ctx, st))
            return;
        if (is_inf(a) && is_inf(b)) {
            dn_copy(r, a);
            return;
        }
        set_error(r, S_INVALID, st);
        return;
    }
    if (b->exp > ctx->emax || b->exp < etiny(ctx)) {
        set_error(r, S_INVALID, st);
        return;
    }
    if (zcoeff(a)) {
        settriple(r, a->sign, 0, b->exp);
        finalize(r, ctx, st);
        return;
    }
    int64_t expdiff = a->exp - b->exp;
    if (digits(a) + expdiff > ctx->prec) {
        set_error(r, S_INVALID, st);
        return;
    }
    dn_set(r, a);
    if (expdiff >= 0) {
        if (!shl(r->c, expdiff)) {
            set_error(r, S_MALLOC, st);
            return;
        }
        touch(r);
        r->exp = b->exp;
    } else {
        int rnd = shr_rnd(r->c, -expdiff);
        touch(r);
        r->exp = b->exp;
        if (rnd_incr(r, rnd, ctx)) {
            mpz_add_ui(r->c, r->c, 1);
            if (digits(r) > ctx->prec) {
                set_error(r, S_INVALID, st);
                return;
            }
        }
        ws |= S_ROUNDED;
        if (rnd)
            ws |= S_INEXACT;
    }
    if (adjexp(r) > ctx->emax || adjexp(r) < etiny(ctx)) {
        set_error(r, S_INVALID, st);
        return;
    }
    *st |= ws;
    finalize(r, ctx, st);
}

/* normalize */
static void op_reduce(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        dn_copy(r, a);
        return;
    }
    dn_copy(r, a);
    finalize(r, ctx, st);
    if (is_special(r))
        return;
    if (zcoeff(r)) {
        settriple(r, a->sign, 0, 0);
        return;
    }
    int64_t shift = tzeros(r->c);
    int64_t maxexp = ctx->clamp ? etop(ctx) : ctx->emax;
    if (shift > maxexp - r->exp)
        shift = maxexp - r->exp;
    shr_rnd(r->c, shift);
    r->exp += shift;
}

enum { TO_INT_EXACT, TO_INT_SILENT, TO_INT_TRUNC };

static void round_to_integral(int action, Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        dn_copy(r, a);
        return;
    }
    if (a->exp >= 0) {
        dn_copy(r, a);
        return;
    }
    if (zcoeff(a)) {
        settriple(r, a->sign, 0, 0);
        return;
    }
    dn_set(r, a);
    int rnd = shr_rnd(r->c, -a->exp);
    touch(r);
    r->exp = 0;
    if (action != TO_INT_TRUNC) {
        apply_round_excess(r, rnd, ctx);
        if (action == TO_INT_EXACT) {
            *st |= S_ROUNDED;
            if (rnd)
                *st |= S_INEXACT;
        }
    }
}

/* ------------------------------------------------------------------ neighbours */

static void op_next_minus(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st);
static void op_next_plus(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st);

static void next_impl(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st, bool plus)
{
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        if (a->sign == (plus ? 0 : 1)) {
            dn_copy(r, a);
            return;
        }
        set_special(r, 0, DN_FIN);
        maxcoeff(r, ctx, st);
        if (is_nan(r))
            return;
        r->sign = plus ? 1 : 0;
        r->exp = etop(ctx);
        return;
    }
    Dctx w = *ctx;
    w.round = plus ? R_CEILING : R_FLOOR;
    w.status = 0;
    uint32_t ws = 0;
    dn_copy(r, a);
    finalize(r, &w, &ws);
    if (ws & (S_INEXACT | S_ERRORS)) {
        *st |= ws & S_ERRORS;
        return;
    }
    ws = 0;
    Dn tiny;
    dn_init(&tiny);
    settriple(&tiny, 0, 1, etiny(ctx) - 1);
    op_add(r, a, &tiny, &w, &ws, !plus);
    dn_clear(&tiny);
    *st |= ws & S_ERRORS;
}

static void op_next_minus(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st) { next_impl(r, a, ctx, st, false); }
static void op_next_plus(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st) { next_impl(r, a, ctx, st, true); }

static void op_next_toward(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    if (check_nans(r, a, b, ctx, st))
        return;
    int c = dn_cmp(a, b);
    if (c == 0) {
        op_copy_sign(r, a, b);
        return;
    }
    if (c < 0)
        op_next_plus(r, a, ctx, st);
    else
        op_next_minus(r, a, ctx, st);
    if (is_inf(r)) {
        *st |= S_OVERFLOW | S_ROUNDED | S_INEXACT;
    } else if (!is_special(r) && adjexp(r) < ctx->emin) {
        *st |= S_UNDERFLOW | S_SUBNORMAL | S_ROUNDED | S_INEXACT;
        if (zcoeff(r))
            *st |= S_CLAMPED;
    }
}

/* ------------------------------------------------------------------ fma, logb, scaleb */

static void op_fma(Dn *r, const Dn *a, const Dn *b, const Dn *c, const Dctx *ctx, uint32_t *st)
{
    uint32_t ws = 0;
    /* the product goes into the result first, as _mpd_qmul leaves it */
    if (is_special(a) || is_special(b)) {
        if (!check_nans(r, a, b, ctx, &ws)) {
            if ((is_inf(a) && is_zero(b)) || (is_inf(b) && is_zero(a)))
                set_error(r, S_INVALID, &ws);
            else
                set_special(r, a->sign ^ b->sign, DN_INF);
        }
    } else {
        mul_exact(r, a, b);
    }
    if (!(ws & S_INVALID)) {
        Dn p;
        dn_init(&p);
        dn_copy(&p, r);
        p.dyn = false;
        op_add(r, &p, c, ctx, &ws, false);
        dn_clear(&p);
    }
    *st |= ws;
}

static void set_ssize(Dn *r, int64_t v, const Dctx *ctx, uint32_t *st)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    mpz_set_ui(r->c, u);
    r->sign = v < 0;
    r->exp = 0;
    r->kind = DN_FIN;
    finalize(r, ctx, st);
}

static void op_logb(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        set_special(r, 0, DN_INF);
    } else if (zcoeff(a)) {
        set_special(r, 1, DN_INF);
        *st |= S_DIVZERO;
    } else {
        set_ssize(r, adjexp(a), ctx, st);
    }
}

/* |b| as a uint64 when b is an integer that fits (else false) */
static bool abs_u64(const Dn *b, uint64_t *out)
{
    if (is_special(b))
        return false;
    mpz_t t;
    mpz_init_set(t, b->c);
    bool ok = true;
    if (b->exp > 0)
        ok = b->exp <= 20 && shl(t, b->exp);
    else if (b->exp < 0)
        ok = shr_rnd(t, -b->exp) == 0;
    ok = ok && mpz_fits_ulong_p(t);
    if (ok)
        *out = mpz_get_ui(t);
    mpz_clear(t);
    return ok;
}

static void op_scaleb(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st)
{
    if ((is_special(a) || is_special(b)) && check_nans(r, a, b, ctx, st))
        return;
    if (b->exp != 0 || is_inf(b)) {
        set_error(r, S_INVALID, st);
        return;
    }
    uint64_t n;
    uint64_t maxjump = 2 * (uint64_t)(ctx->emax + ctx->prec);
    if (!abs_u64(b, &n) || n > maxjump) {
        set_error(r, S_INVALID, st);
        return;
    }
    if (is_inf(a)) {
        dn_copy(r, a);
        return;
    }
    __int128 e = (__int128)a->exp + (__int128)n * arith_sign(b);
    if (e > EXP_INF)
        e = EXP_INF;
    if (e < EXP_CLAMP)
        e = EXP_CLAMP;
    dn_copy(r, a);
    r->exp = (int64_t)e;
    finalize(r, ctx, st);
}

/* number_class */
static const char *dn_class(const Dn *a, const Dctx *ctx)
{
    if (a->kind == DN_QNAN)
        return "NaN";
    if (a->kind == DN_SNAN)
        return "sNaN";
    if (is_inf(a))
        return a->sign ? "-Infinity" : "+Infinity";
    if (zcoeff(a))
        return a->sign ? "-Zero" : "+Zero";
    if (adjexp(a) < ctx->emin)
        return a->sign ? "-Subnormal" : "+Subnormal";
    return a->sign ? "-Normal" : "+Normal";
}

/* ------------------------------------------------------------------ shift, rotate, logical */

/* b must be an integer in [-prec, prec] */
static bool shift_amount(const Dn *b, const Dctx *ctx, int64_t *n)
{
    uint64_t u;
    if (b->exp != 0 || is_inf(b) || !abs_u64(b, &u) || u > (uint64_t)ctx->prec)
        return false;
    *n = b->sign ? -(int64_t)u : (int64_t)u;
    return true;
}

static void op_shift(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st, bool rotate)
{
    int64_t n;
    if ((is_special(a) || is_special(b)) && check_nans(r, a, b, ctx, st))
        return;
    if (!shift_amount(b, ctx, &n)) {
        set_error(r, S_INVALID, st);
        return;
    }
    if (is_inf(a)) {
        dn_copy(r, a);
        return;
    }
    if (ctx->prec > DIG_LIMIT) {
        set_error(r, S_MALLOC, st);
        return;
    }
    mpz_t m, hi;
    mpz_inits(m, hi, NULL);
    p10(m, ctx->prec);
    int64_t ad = digits(a);
    dn_set(r, a);
    mpz_mod(r->c, r->c, m); /* the low prec digits (_mpd_cap) */
    if (rotate) {
        /* big (shifted left, capped) + small (shifted right) */
        int64_t k = n < 0 ? ctx->prec + n : n;
        mpz_set(hi, r->c);
        shl(r->c, k);
        shr_rnd(hi, ctx->prec - k);
        mpz_mod(r->c, r->c, m);
        int64_t bw = words_of(ndig(r->c)), sw = words_of(ndig(hi));
        need(r, bw > sw ? bw : sw);
        mpz_add(r->c, r->c, hi);
    } else if (n >= 0) {
        need(r, words_of(ad + n));
        shl(r->c, n);
        mpz_mod(r->c, r->c, m);
    } else {
        need(r, words_of(ad));
        shr_rnd(r->c, -n);
    }
    mpz_clears(m, hi, NULL);
    touch(r);
}

/* digit-wise and/or/xor/invert of operands made of 0 and 1 digits */
static bool logical_digits(const Dn *a, char **out)
{
    if (is_special(a) || a->sign || a->exp != 0)
        return false;
    char *s = mpz_get_str(NULL, 10, a->c);
    for (char *p = s; *p; p++)
        if (*p != '0' && *p != '1') {
            free(s);
            return false;
        }
    *out = s;
    return true;
}

enum { LG_AND, LG_OR, LG_XOR, LG_INVERT };

static void op_logical(Dn *r, const Dn *a, const Dn *b, int which, const Dctx *ctx, uint32_t *st)
{
    char *x = NULL, *y = NULL;
    if (!logical_digits(a, &x) || (which != LG_INVERT && !logical_digits(b, &y))) {
        free(x);
        free(y);
        set_error(r, S_INVALID, st);
        return;
    }
    int64_t p = ctx->prec;
    if (p > DIG_LIMIT) {
        free(x);
        free(y);
        set_error(r, S_MALLOC, st);
        return;
    }
    int64_t lx = (int64_t)strlen(x), ly = y ? (int64_t)strlen(y) : 0;
    char *res = malloc((size_t)p + 1);
    if (!res) {
        free(x);
        free(y);
        set_error(r, S_MALLOC, st);
        return;
    }
    for (int64_t i = 0; i < p; i++) { /* digit i from the right */
        int dx = i < lx ? x[lx - 1 - i] - '0' : 0, dy = i < ly ? y[ly - 1 - i] - '0' : 0, d;
        switch (which) {
        case LG_AND: d = dx & dy; break;
        case LG_OR: d = dx | dy; break;
        case LG_XOR: d = dx ^ dy; break;
        default: d = !dx; break;
        }
        res[p - 1 - i] = (char)('0' + d);
    }
    res[p] = '\0';
    mpz_set_str(r->c, res, 10);
    r->exp = 0;
    r->sign = 0;
    r->kind = DN_FIN;
    touch(r);
    free(x);
    free(y);
    free(res);
}

/* ------------------------------------------------------------------ square root */

/* _mpd_qsqrt (decimal.py's algorithm): Newton's method on integers, an
 * exact root brought to its ideal exponent, rounded half even */
static void op_sqrt(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    int64_t ideal = (a->exp - (a->exp & 1)) / 2;
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        if (a->sign)
            set_error(r, S_INVALID, st);
        else
            set_special(r, 0, DN_INF);
        return;
    }
    if (zcoeff(a)) {
        settriple(r, a->sign, 0, ideal);
        finalize(r, ctx, st);
        return;
    }
    if (a->sign) {
        set_error(r, S_INVALID, st);
        return;
    }
    int64_t prec = ctx->prec + 1, l, shift;
    bool exact;
    if (prec > DIG_LIMIT) {
        set_error(r, S_MALLOC, st);
        return;
    }
    mpz_t c, q, rem;
    mpz_inits(c, q, rem, NULL);
    mpz_set(c, a->c);
    int64_t ad = digits(a);
    if (a->exp & 1) {
        mpz_mul_ui(c, c, 10);
        l = (ad >> 1) + 1;
    } else {
        l = (ad + 1) >> 1;
    }
    shift = prec - l;
    if (shift >= 0) {
        if (!shl(c, 2 * shift)) {
            set_error(r, S_MALLOC, st);
            goto out;
        }
        exact = true;
    } else {
        exact = shr_rnd(c, -2 * shift) == 0;
    }
    ideal -= shift;
    /* r = floor(sqrt(c)), starting from 10**prec */
    p10(r->c, prec);
    r->kind = DN_FIN;
    r->sign = 0;
    touch(r);
    for (;;) {
        mpz_tdiv_q(q, c, r->c);
        if (mpz_cmp(r->c, q) <= 0)
            break;
        mpz_add(r->c, r->c, q);
        touch(r);
        mpz_tdiv_q_2exp(r->c, r->c, 1);
    }
    if (exact) {
        mpz_mul(q, r->c, r->c);
        exact = mpz_cmp(q, c) == 0;
    }
    if (exact) {
        if (shift >= 0)
            shr_rnd(r->c, shift);
        else
            shl(r->c, -shift);
        touch(r);
        ideal += shift;
    } else {
        unsigned long lsd = mpz_fdiv_ui(r->c, 10);
        if (lsd == 0 || lsd == 5)
            mpz_add_ui(r->c, r->c, 1);
    }
    r->exp = ideal;
out:
    mpz_clears(c, q, rem, NULL);
    Dctx w = *ctx;
    w.round = R_HALF_EVEN;
    finalize(r, &w, st);
}

/* ------------------------------------------------------------------ exp, ln, log10
 *
 * Fixed-point integer series from Lib/_pydecimal.py (_iexp, _ilog, _dexp,
 * _dlog, _dlog10): each gives a value with an error of at most one unit in
 * its last place, and the callers add digits until rounding to the
 * context's precision is unambiguous: the correctly rounded result. */

/* closest integer to a/b (b > 0), a half to even */
static void div_nearest(mpz_t r, const mpz_t a, const mpz_t b)
{
    mpz_t q, m;
    mpz_inits(q, m, NULL);
    mpz_fdiv_qr(q, m, a, b);
    mpz_mul_2exp(m, m, 1);
    if (mpz_odd_p(q))
        mpz_add_ui(m, m, 1);
    if (mpz_cmp(m, b) > 0)
        mpz_add_ui(q, q, 1);
    mpz_set(r, q);
    mpz_clears(q, m, NULL);
}

static void div_nearest_ui(mpz_t r, const mpz_t a, unsigned long b)
{
    mpz_t t;
    mpz_init_set_ui(t, b);
    div_nearest(r, a, t);
    mpz_clear(t);
}

/* closest integer to x / 2**shift, a half to even */
static void rshift_nearest(mpz_t r, const mpz_t x, unsigned long shift)
{
    mpz_t q, m, b;
    mpz_inits(q, m, b, NULL);
    mpz_fdiv_q_2exp(q, x, shift);
    mpz_fdiv_r_2exp(m, x, shift);
    mpz_mul_2exp(m, m, 1);
    if (mpz_odd_p(q))
        mpz_add_ui(m, m, 1);
    mpz_set_ui(b, 1);
    mpz_mul_2exp(b, b, shift);
    if (mpz_cmp(m, b) > 0)
        mpz_add_ui(q, q, 1);
    mpz_set(r, q);
    mpz_clears(q, m, b, NULL);
}

/* closest integer to sqrt(n), from the approximation a */
static void sqrt_nearest(mpz_t r, const mpz_t n, const mpz_t a0)
{
    mpz_t a, b, t;
    mpz_inits(a, b, t, NULL);
    mpz_set(a, a0);
    mpz_set_ui(b, 0);
    while (mpz_cmp(a, b) != 0) {
        mpz_set(b, a);
        mpz_cdiv_q(t, n, a); /* a - (-n // a) */
        mpz_add(t, a, t);
        mpz_fdiv_q_2exp(a, t, 1);
    }
    mpz_set(r, a);
    mpz_clears(a, b, t, NULL);
}

static int64_t str_len(const mpz_t x) /* len(str(x)) */
{
    return ndig(x) + (mpz_sgn(x) < 0);
}

/* -int(-10*len(str(M))//(3*L)) */
static long series_terms(const mpz_t M, long L)
{
    long n = 10 * (long)str_len(M);
    return (n + 3 * L - 1) / (3 * L);
}

/* M * log(x/M) approximately */
static void ilog(mpz_t out, const mpz_t x, const mpz_t M)
{
    const long L = 8;
    mpz_t y, t, u, v, w, yshift, ay;
    mpz_inits(y, t, u, v, w, yshift, ay, NULL);
    mpz_sub(y, x, M);
    long R = 0;
    for (;;) {
        mpz_abs(ay, y);
        bool go;
        if (R <= L) {
            mpz_mul_2exp(t, ay, (unsigned long)(L - R));
            go = mpz_cmp(t, M) >= 0;
        } else {
            mpz_fdiv_q_2exp(t, ay, (unsigned long)(R - L));
            go = mpz_cmp(t, M) >= 0;
        }
        if (!go)
            break;
        /* y = _div_nearest((M*y) << 1, M + _sqrt_nearest(M*(M+_rshift_nearest(y, R)), M)) */
        rshift_nearest(t, y, (unsigned long)R);
        mpz_add(t, M, t);
        mpz_mul(t, M, t);
        sqrt_nearest(u, t, M);
        mpz_add(u, M, u);
        mpz_mul(v, M, y);
        mpz_mul_2exp(v, v, 1);
        div_nearest(y, v, u);
        R++;
    }
    long T = series_terms(M, L);
    rshift_nearest(yshift, y, (unsigned long)R);
    div_nearest_ui(w, M, (unsigned long)T);
    for (long k = T - 1; k > 0; k--) {
        div_nearest_ui(t, M, (unsigned long)k);
        mpz_mul(u, yshift, w);
        div_nearest(v, u, M);
        mpz_sub(w, t, v);
    }
    mpz_mul(u, w, y);
    div_nearest(out, u, M);
    mpz_clears(y, t, u, v, w, yshift, ay, NULL);
}

/* floor(10**p * log(10)) (_Log10Memoize.getdigits) */
static void log10_digits(mpz_t out, int64_t p)
{
    static const char known[] = "23025850929940456840179914546843642076011014886";
    if (p + 1 <= (int64_t)sizeof known - 1) {
        char buf[sizeof known];
        memcpy(buf, known, (size_t)p + 1);
        buf[p + 1] = '\0';
        mpz_set_str(out, buf, 10);
        return;
    }
    mpz_t M, t, d;
    mpz_inits(M, t, d, NULL);
    int64_t extra = 3;
    char *s = NULL;
    for (;;) {
        p10(M, p + extra + 2);
        mpz_mul_ui(t, M, 10);
        ilog(d, t, M);
        div_nearest_ui(d, d, 100);
        free(s);
        s = mpz_get_str(NULL, 10, d);
        size_t n = strlen(s);
        bool zeros = true;
        for (size_t i = n - (size_t)extra; i < n; i++)
            if (s[i] != '0')
                zeros = false;
        if (!zeros)
            break;
        extra += 3;
    }
    /* keep the reliable digits: no trailing zeros, nor the next digit */
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == '0')
        n--;
    if (n > 0)
        n--;
    s[n < (size_t)p + 1 ? n : (size_t)p + 1] = '\0';
    mpz_set_str(out, s, 10);
    free(s);
    mpz_clears(M, t, d, NULL);
}

/* M * exp(x/M) approximately, x/M small */
static void iexp(mpz_t out, const mpz_t x, const mpz_t M)
{
    const long L = 8;
    mpz_t t, y, Mshift, u;
    mpz_inits(t, y, Mshift, u, NULL);
    mpz_mul_2exp(t, x, (unsigned long)L);
    mpz_fdiv_q(t, t, M);
    unsigned long R = mpz_sgn(t) ? (unsigned long)mpz_sizeinbase(t, 2) : 0;
    long T = series_terms(M, L);
    div_nearest_ui(y, x, (unsigned long)T);
    mpz_mul_2exp(Mshift, M, R);
    for (long i = T - 1; i > 0; i--) {
        mpz_add(t, Mshift, y);
        mpz_mul(t, x, t);
        mpz_mul_ui(u, Mshift, (unsigned long)i);
        div_nearest(y, t, u);
    }
    for (long k = (long)R - 1; k >= 0; k--) {
        mpz_mul_2exp(Mshift, M, (unsigned long)(k + 2));
        mpz_add(t, y, Mshift);
        mpz_mul(t, y, t);
        div_nearest(y, t, Mshift);
    }
    mpz_add(out, M, y);
    mpz_clears(t, y, Mshift, u, NULL);
}

/* exp(c*10**e) with p digits: *d (p digits, error < 1) and *f, the exponent */
static void dexp(mpz_t d, int64_t *f, const mpz_t c, int64_t e, int64_t p)
{
    p += 2;
    int64_t extra = e + str_len(c) - 1;
    if (extra < 0)
        extra = 0;
    int64_t q = p + extra, shift = e + q;
    mpz_t cshift, l10, quot, rem, t, M;
    mpz_inits(cshift, l10, quot, rem, t, M, NULL);
    mpz_set(cshift, c);
    if (shift >= 0) {
        shl(cshift, shift);
    } else {
        p10(t, -shift);
        mpz_fdiv_q(cshift, cshift, t);
    }
    log10_digits(l10, q);
    mpz_fdiv_qr(quot, rem, cshift, l10);
    p10(t, extra);
    div_nearest(rem, rem, t);
    p10(M, p);
    iexp(t, rem, M);
    div_nearest_ui(d, t, 1000);
    *f = mpz_get_si(quot) - p + 3;
    mpz_clears(cshift, l10, quot, rem, t, M, NULL);
}

/* 10**p * log(c*10**e), error at most 1 */
static void dlog(mpz_t out, const mpz_t c0, int64_t e, int64_t p)
{
    p += 2;
    int64_t l = ndig(c0);
    int64_t f = e + l - (e + l >= 1);
    mpz_t c, logd, t, M, fl;
    mpz_inits(c, logd, t, M, fl, NULL);
    mpz_set(c, c0);
    if (p > 0) {
        int64_t k = e + p - f;
        if (k >= 0) {
            shl(c, k);
        } else {
            p10(t, -k);
            div_nearest(c, c, t);
        }
        p10(M, p);
        ilog(logd, c, M);
    }
    if (f) {
        int64_t af = f < 0 ? -f : f;
        int64_t extra = 0;
        for (int64_t v = af; v >= 10; v /= 10)
            extra++;
        if (p + extra >= 0) {
            log10_digits(t, p + extra);
            mpz_mul_si(t, t, (long)f);
            p10(M, extra);
            div_nearest(fl, t, M);
        }
    }
    mpz_add(t, fl, logd);
    div_nearest_ui(out, t, 100);
    mpz_clears(c, logd, t, M, fl, NULL);
}

/* 10**p * log10(c*10**e), error at most 1 */
static void dlog10(mpz_t out, const mpz_t c0, int64_t e, int64_t p)
{
    p += 2;
    int64_t l = ndig(c0);
    int64_t f = e + l - (e + l >= 1);
    mpz_t c, logd, lt, t, M;
    mpz_inits(c, logd, lt, t, M, NULL);
    mpz_set(c, c0);
    if (p > 0) {
        p10(M, p);
        int64_t k = e + p - f;
        if (k >= 0) {
            shl(c, k);
        } else {
            p10(t, -k);
            div_nearest(c, c, t);
        }
        ilog(logd, c, M);
        log10_digits(t, p);
        mpz_mul(logd, logd, M);
        div_nearest(logd, logd, t);
        mpz_mul_si(lt, M, (long)f);
    } else {
        p10(t, -p);
        mpz_set_si(lt, (long)f);
        div_nearest(lt, lt, t);
    }
    mpz_add(t, lt, logd);
    div_nearest_ui(out, t, 100);
    mpz_clears(c, logd, lt, t, M, NULL);
}

/* coeff % (5*10**(len(str(abs(coeff)))-p-1)) != 0: rounding it to p
 * digits is unambiguous */
static bool roundable(const mpz_t coeff, int64_t p)
{
    int64_t n = ndig(coeff) - p - 1;
    if (n < 0)
        return true;
    mpz_t m;
    mpz_init(m);
    p10(m, n);
    mpz_mul_ui(m, m, 5);
    bool ok = !mpz_divisible_p(coeff, m);
    mpz_clear(m);
    return ok;
}

static int64_t dec_len(int64_t v) /* len(str(v)) */
{
    int n = v < 0 ? 2 : 1;
    for (uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; u >= 10; u /= 10)
        n++;
    return n;
}

/* where a pass of libmpdec's exp at wp digits left its result: the
 * reduced operand, the Taylor sum at wp+t+2 digits and its squarings
 * (sizes only) */
static void exp_words(Dn *r, const Dn *a, int64_t wp)
{
    int64_t t = digits(a) + a->exp;
    if (t < 0)
        t = 0;
    if (t > 19)
        return;
    int64_t p2 = wp + t + 2;
    if (p2 < 10)
        p2 = 10;
    need(r, words(a));
    need(r, words_of(p2));
    if (t > 0 && words_of(p2) > 1)
        need(r, 2 * words_of(p2));
}

/* exp(a), correctly rounded half even to ctx (the value; op_exp adds libmpdec's sizes) */
static void exp_value(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        if (a->sign)
            settriple(r, 0, 0, 0);
        else
            set_special(r, 0, DN_INF);
        return;
    }
    if (zcoeff(a)) {
        settriple(r, 0, 1, 0);
        return;
    }
    int64_t p = ctx->prec, adj = adjexp(a);
    r->kind = DN_FIN;
    r->sign = 0;
    if (!a->sign && adj > dec_len((ctx->emax + 1) * 3)) {
        settriple(r, 0, 1, ctx->emax + 1); /* overflows */
    } else if (a->sign && adj > dec_len((-etiny(ctx) + 1) * 3)) {
        settriple(r, 0, 1, etiny(ctx) - 1); /* underflows to 0 */
    } else if (!a->sign && adj < -p) {
        /* 1.00...01: the final rounding raises the right flags */
        p10(r->c, p);
        mpz_add_ui(r->c, r->c, 1);
        r->exp = -p;
    } else if (a->sign && adj < -p - 1) {
        p10(r->c, p + 1);
        mpz_sub_ui(r->c, r->c, 1);
        r->exp = -p - 1;
    } else {
        mpz_t c;
        mpz_init_set(c, a->c);
        if (a->sign)
            mpz_neg(c, c);
        int64_t extra = 3, f;
        for (;;) {
            dexp(r->c, &f, c, a->exp, p + extra);
            if (roundable(r->c, p))
                break;
            extra += 3;
        }
        r->exp = f;
        mpz_clear(c);
    }
    Dctx w = *ctx;
    w.round = R_HALF_EVEN;
    finalize(r, &w, st);
}

/* a lower bound for the adjusted exponent of ln(a) (_ln_exp_bound) */
static int64_t ln_exp_bound(const Dn *a)
{
    int64_t adj = adjexp(a);
    if (adj >= 1)
        return dec_len(adj * 23 / 10) - 1;
    if (adj <= -2)
        return dec_len((-1 - adj) * 23 / 10) - 1;
    mpz_t num, t;
    mpz_inits(num, t, NULL);
    int64_t r;
    if (adj == 0) {
        /* num = str(c - 10**-e), den = str(c): len(num) - len(den) - (num < den) */
        p10(t, -a->exp);
        mpz_sub(num, a->c, t);
        char *sn = mpz_get_str(NULL, 10, num), *sd = mpz_get_str(NULL, 10, a->c);
        r = (int64_t)strlen(sn) - (int64_t)strlen(sd) - (strcmp(sn, sd) < 0);
        free(sn);
        free(sd);
    } else {
        p10(t, -a->exp);
        mpz_sub(num, t, a->c);
        r = a->exp + str_len(num) - 1;
    }
    mpz_clears(num, t, NULL);
    return r;
}

/* where a pass of libmpdec's ln at wp digits left its result: Newton's
 * iterations on z = ln(v) to 2k+2 places (k about half of wp+2, more
 * for v near 1), then z + t*ln(10), where a = v * 10**t (sizes only) */
static void ln_words(Dn *r, const Dn *a, int64_t wp)
{
    int64_t maxprec = wp + 2, adj = adjexp(a), zadj = 0;
    /* 0.900 <= v < 1 or 1 <= v <= 1.15 (a itself): a logarithm near zero */
    Dn one, d;
    dn_init(&one);
    dn_init(&d);
    settriple(&one, 0, 1, 0);
    Dctx mx;
    max_ctx(&mx);
    uint32_t ws = 0;
    op_add(&d, a, &one, &mx, &ws, true);
    int c = dn_cmp(a, &one);
    bool below = c < 0 && adj == -1 && adjexp(&d) <= -2; /* a >= 0.9 */
    bool above = c > 0 && adj == 0 && (adjexp(&d) <= -2 || (adjexp(&d) == -1 && mpz_cmp_ui(d.c, 15) <= 0 &&
                                                            digits(&d) <= 2));
    if (!zcoeff(&d) && (below || above)) {
        int64_t lower = adjexp(&d) - (above ? 1 : 0);
        if (lower < 0)
            maxprec -= lower;
        zadj = adjexp(&d);
    }
    dn_clear(&one);
    dn_clear(&d);
    int64_t t = c < 0 && adj < 0 ? adj + 1 : adj; /* v in (0.5, 1) or [1, 5] */
    int64_t k = (maxprec + 2) / 2;
    int64_t zd = 2 * k + 3 + (zadj < 0 ? zadj : 0);
    need(r, words_of(zd < 1 ? 1 : zd));
    if (t)
        need(r, words_of(2 * k + 3 + dec_len(t < 0 ? -t : t)));
}

/* libmpdec's correct rounding (allcr): passes at prec+3, prec+22 ... digits
 * until the pass's result plus or minus a unit in its last place rounds
 * the same to prec digits.  The values are the functions' own (correctly
 * rounded); what the passes leave in the result is its size. */
typedef void (*ValueFn)(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st);
typedef void (*WordsFn)(Dn *r, const Dn *a, int64_t wp);

static void ziv_sizes(Dn *r, const Dn *a, const Dctx *ctx, ValueFn f, WordsFn w)
{
    Dctx wc = *ctx, pc = *ctx;
    wc.round = pc.round = R_HALF_EVEN;
    wc.clamp = 0;
    for (int64_t wp = ctx->prec + 3, pass = 0; pass < 8; wp += 19, pass++) {
        w(r, a, wp);
        Dn v, ulp, t1, t2;
        dn_init(&v);
        dn_init(&ulp);
        dn_init(&t1);
        dn_init(&t2);
        wc.prec = wp;
        uint32_t ws = 0;
        f(&v, a, &wc, &ws);
        bool done = is_special(&v) || zcoeff(&v);
        if (!done) {
            settriple(&ulp, 0, 1, v.exp + digits(&v) - wp);
            op_add(&t1, &v, &ulp, &pc, &ws, false);
            op_add(&t2, &v, &ulp, &pc, &ws, true);
            done = dn_qcmp(&t1, &t2, &ws) == 0;
        }
        dn_clear(&v);
        dn_clear(&ulp);
        dn_clear(&t1);
        dn_clear(&t2);
        if (done)
            break;
    }
}

static void op_exp(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (ctx->prec > DIG_LIMIT / 4 && !is_special(a) && !zcoeff(a)) {
        set_error(r, S_MALLOC, st); /* (more digits than the series can be worked to) */
        return;
    }
    if (!is_special(a) && !zcoeff(a) && digits(a) + a->exp <= 19) {
        /* (_mpd_qexp_check_one: |a| <= 9 * 10**(-wp-1) gives 1 at once) */
        Dn lim, aa;
        dn_init(&lim);
        dn_init(&aa);
        settriple(&lim, 0, 9, -(ctx->prec + 3 + 1));
        dn_set(&aa, a);
        aa.sign = 0;
        if (dn_cmp(&aa, &lim) > 0)
            ziv_sizes(r, a, ctx, exp_value, exp_words);
        dn_clear(&lim);
        dn_clear(&aa);
    }
    exp_value(r, a, ctx, st);
}

static void ln_value(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        if (a->sign)
            set_error(r, S_INVALID, st);
        else
            set_special(r, 0, DN_INF);
        return;
    }
    if (zcoeff(a)) {
        set_special(r, 1, DN_INF);
        return;
    }
    if (a->sign) {
        set_error(r, S_INVALID, st);
        return;
    }
    Dn one;
    dn_init(&one);
    settriple(&one, 0, 1, 0);
    int c1 = dn_cmp(a, &one);
    dn_clear(&one);
    if (c1 == 0) {
        settriple(r, 0, 0, 0);
        return;
    }
    /* certain overflow of the result's exponent */
    int64_t adj = adjexp(a), t = adj < 0 ? -adj - 1 : adj;
    if (dec_len(2 * t) - 1 > ctx->emax) {
        *st |= S_OVERFLOW | S_INEXACT | S_ROUNDED;
        set_special(r, adj < 0, DN_INF);
        return;
    }
    int64_t p = ctx->prec, places = p - ln_exp_bound(a) + 2;
    mpz_t coeff;
    mpz_init(coeff);
    for (;;) {
        dlog(coeff, a->c, a->exp, places);
        if (roundable(coeff, p))
            break;
        places += 3;
    }
    r->kind = DN_FIN;
    r->sign = mpz_sgn(coeff) < 0;
    mpz_abs(r->c, coeff);
    r->exp = -places;
    mpz_clear(coeff);
    Dctx w = *ctx;
    w.round = R_HALF_EVEN;
    finalize(r, &w, st);
}

static int64_t log10_exp_bound(const Dn *a)
{
    int64_t adj = adjexp(a);
    if (adj >= 1)
        return dec_len(adj) - 1;
    if (adj <= -2)
        return dec_len(-1 - adj) - 1;
    mpz_t num, t;
    mpz_inits(num, t, NULL);
    int64_t r;
    p10(t, -a->exp);
    if (adj == 0) {
        mpz_sub(num, a->c, t);
        mpz_mul_ui(t, a->c, 231);
        char *sn = mpz_get_str(NULL, 10, num), *sd = mpz_get_str(NULL, 10, t);
        r = (int64_t)strlen(sn) - (int64_t)strlen(sd) - (strcmp(sn, sd) < 0) + 2;
        free(sn);
        free(sd);
    } else {
        mpz_sub(num, t, a->c);
        char *sn = mpz_get_str(NULL, 10, num);
        r = (int64_t)strlen(sn) + a->exp - (strcmp(sn, "231") < 0) - 1;
        free(sn);
    }
    mpz_clears(num, t, NULL);
    return r;
}

static void log10_value(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    Dctx w = *ctx;
    w.round = R_HALF_EVEN;
    if (is_special(a)) {
        if (check_nan(r, a, ctx, st))
            return;
        if (a->sign)
            set_error(r, S_INVALID, st);
        else
            set_special(r, 0, DN_INF);
        return;
    }
    if (zcoeff(a)) {
        set_special(r, 1, DN_INF);
        return;
    }
    if (a->sign) {
        set_error(r, S_INVALID, st);
        return;
    }
    int64_t adj = adjexp(a);
    int64_t tz = tzeros(a->c);
    mpz_t lead;
    mpz_init_set(lead, a->c);
    shr_rnd(lead, tz);
    bool pow10 = mpz_cmp_ui(lead, 1) == 0;
    mpz_clear(lead);
    if (pow10) {
        /* a power of ten: exact */
        settriple(r, adj < 0, (uint64_t)(adj < 0 ? -adj : adj), 0);
        finalize(r, &w, st);
        return;
    }
    int64_t t = adj < 0 ? -adj - 1 : adj;
    if (dec_len(t) - 1 > ctx->emax) {
        *st |= S_OVERFLOW | S_INEXACT | S_ROUNDED;
        set_special(r, adj < 0, DN_INF);
        return;
    }
    int64_t p = ctx->prec, places = p - log10_exp_bound(a) + 2;
    mpz_t coeff;
    mpz_init(coeff);
    for (;;) {
        dlog10(coeff, a->c, a->exp, places);
        if (roundable(coeff, p))
            break;
        places += 3;
    }
    r->kind = DN_FIN;
    r->sign = mpz_sgn(coeff) < 0;
    mpz_abs(r->c, coeff);
    r->exp = -places;
    mpz_clear(coeff);
    finalize(r, &w, st);
}

/* whether ln or log10 of a computes (a finite positive number, not 1,
 * nor a power of ten for log10, nor certain to overflow) */
static bool log_computes(const Dn *a, const Dctx *ctx, bool ten)
{
    if (is_special(a) || zcoeff(a) || a->sign)
        return false;
    Dn one;
    dn_init(&one);
    settriple(&one, 0, 1, 0);
    bool is_one = dn_cmp(a, &one) == 0;
    dn_clear(&one);
    if (is_one && !ten)
        return false;
    if (ten) {
        mpz_t lead;
        mpz_init_set(lead, a->c);
        shr_rnd(lead, tzeros(a->c));
        bool pow10 = mpz_cmp_ui(lead, 1) == 0;
        mpz_clear(lead);
        if (pow10)
            return false;
    }
    int64_t adj = adjexp(a), t = adj < 0 ? -adj - 1 : adj;
    return dec_len(ten ? t : 2 * t) - 1 <= ctx->emax;
}

static void log10_words(Dn *r, const Dn *a, int64_t wp) { ln_words(r, a, wp + 3); }

static void op_ln(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (ctx->prec > DIG_LIMIT / 4 && log_computes(a, ctx, false)) {
        set_error(r, S_MALLOC, st);
        return;
    }
    if (log_computes(a, ctx, false))
        ziv_sizes(r, a, ctx, ln_value, ln_words);
    ln_value(r, a, ctx, st);
}

static void op_log10(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st)
{
    if (ctx->prec > DIG_LIMIT / 4 && log_computes(a, ctx, true)) {
        set_error(r, S_MALLOC, st);
        return;
    }
    if (log_computes(a, ctx, true))
        ziv_sizes(r, a, ctx, log10_value, log10_words);
    log10_value(r, a, ctx, st);
}

/* ------------------------------------------------------------------ power */

static bool is_integer(const Dn *a)
{
    if (is_special(a))
        return false;
    if (a->exp >= 0 || zcoeff(a))
        return true;
    return tzeros(a->c) >= -a->exp;
}

/* an integral value's parity */
static bool int_odd(const Dn *a)
{
    if (a->exp > 0)
        return false;
    if (a->exp == 0)
        return mpz_odd_p(a->c);
    mpz_t t;
    mpz_init_set(t, a->c);
    shr_rnd(t, -a->exp);
    bool odd = mpz_odd_p(t);
    mpz_clear(t);
    return odd;
}

/* the integral value of a as an mpz (|a| <= 10**DIG_LIMIT) */
static bool int_value(mpz_t out, const Dn *a)
{
    mpz_set(out, a->c);
    if (a->exp > 0 && !shl(out, a->exp))
        return false;
    if (a->exp < 0)
        shr_rnd(out, -a->exp);
    if (a->sign)
        mpz_neg(out, out);
    return true;
}

/* x**y when |x| is one: 1 with the digits the ideal exponent gives */
static int check_pow_one(Dn *r, const Dn *base, const Dn *exp, uint8_t rsign, const Dctx *ctx, uint32_t *st)
{
    Dn one;
    dn_init(&one);
    settriple(&one, 0, 1, 0);
    int cmp = cmp_abs(base, &one);
    dn_clear(&one);
    if (cmp != 0)
        return cmp;
    int64_t shift;
    if (is_integer(exp)) {
        if (exp->sign) {
            settriple(r, rsign, 1, 0);
            return 0;
        }
        /* exp * -base.exp, capped at prec - 1 */
        mpz_t v;
        mpz_init(v);
        int_value(v, exp);
        mpz_mul_si(v, v, (long)-base->exp);
        if (mpz_cmp_si(v, (long)(ctx->prec - 1)) > 0) {
            shift = ctx->prec - 1;
            *st |= S_ROUNDED;
        } else {
            shift = mpz_get_si(v);
        }
        mpz_clear(v);
    } else {
        shift = ctx->prec - 1;
        *st |= S_INEXACT | S_ROUNDED;
    }
    mpz_set_ui(r->c, 1);
    if (!shl(r->c, shift)) {
        set_error(r, S_MALLOC, st);
        return 0;
    }
    touch(r);
    r->exp = -shift;
    r->sign = rsign;
    r->kind = DN_FIN;
    return 0;
}

static int64_t exp_digits(int64_t v) { return dec_len(v < 0 ? -v : v); } /* mpd_exp_digits: digits of |v| */

static int64_t lower_bound_zeta(const Dn *x)
{
    int64_t t = adjexp(x);
    if (t > 0)
        return exp_digits(t) - 1;
    if (t < -1)
        return exp_digits(t + 1) - 1;
    Dn one, s;
    dn_init(&one);
    dn_init(&s);
    settriple(&one, 0, 1, 0);
    Dctx mx;
    max_ctx(&mx);
    uint32_t ws = 0;
    op_add(&s, x, &one, &mx, &ws, true);
    int64_t u = adjexp(&s);
    dn_clear(&one);
    dn_clear(&s);
    return t == 0 ? u - 2 : u - 1;
}

/* certain overflow or underflow of x**y */
static bool check_pow_bounds(Dn *r, const Dn *x, const Dn *y, uint8_t rsign, const Dctx *ctx, uint32_t *st)
{
    Dn ax;
    dn_init(&ax);
    dn_copy(&ax, x);
    ax.sign = 0;
    int64_t lb_theta = adjexp(y), lb_zeta = lower_bound_zeta(&ax);
    bool sign = (adjexp(&ax) < 0) ^ (y->sign != 0);
    dn_clear(&ax);
    if (!sign) {
        if (exp_digits(ctx->emax) < lb_zeta + lb_theta) {
            settriple(r, rsign, 1, EXP_INF);
            finalize(r, ctx, st);
            return true;
        }
    } else if (exp_digits(etiny(ctx)) < lb_zeta + lb_theta) {
        settriple(r, rsign, 1, etiny(ctx) - 1);
        finalize(r, ctx, st);
        return true;
    }
    return false;
}

/* _mpd_qpow_int: repeated squaring at prec + digits(y) + 2 digits */
static void pow_int(Dn *r, const Dn *base, const Dn *exp, uint8_t rsign, const Dctx *ctx, uint32_t *st)
{
    Dctx w = *ctx;
    w.traps = 0;
    w.status = 0;
    w.prec += digits(exp) + exp->exp + 2;
    w.round = R_HALF_EVEN;
    w.clamp = 0;
    Dn tbase, tmp;
    dn_init(&tbase);
    dn_init(&tmp);
    if (exp->sign) {
        uint32_t ws = 0;
        Dn one;
        dn_init(&one);
        settriple(&one, 0, 1, 0);
        w.prec += 1;
        op_div(&tbase, &one, base, &w, &ws);
        dn_clear(&one);
        *st |= ws;
        if (ws & S_ERRORS) {
            set_special(r, 0, DN_QNAN);
            goto finish;
        }
    } else {
        dn_copy(&tbase, base);
    }
    uint64_t n;
    uint32_t ws = 0;
    if (abs_u64(exp, &n)) {
        /* _mpd_qpow_uint: the bits of n from the top */
        dn_copy(r, &tbase);
        int top = 63 - __builtin_clzll(n);
        for (int bit = top - 1; bit >= 0; bit--) {
            dn_set(&tmp, r);
            op_mul(r, &tmp, &tmp, &w, &ws);
            if ((n >> bit) & 1) {
                dn_set(&tmp, r);
                op_mul(r, &tmp, &tbase, &w, &ws);
            }
            if (is_special(r) || (zcoeff(r) && (ws & S_CLAMPED)))
                break;
        }
        *st |= ws;
        r->sign = rsign;
    } else {
        /* _mpd_qpow_mpd: an exponent past 64 bits */
        mpz_t e;
        mpz_init(e);
        int_value(e, exp);
        mpz_abs(e, e);
        settriple(r, 0, 1, 0);
        while (mpz_sgn(e)) {
            if (mpz_odd_p(e)) {
                dn_set(&tmp, r);
                op_mul(r, &tmp, &tbase, &w, &ws);
                *st |= ws;
                if (is_special(r) || (zcoeff(r) && (ws & S_CLAMPED)))
                    break;
            }
            dn_set(&tmp, &tbase);
            op_mul(&tbase, &tmp, &tmp, &w, &ws);
            mpz_fdiv_q_2exp(e, e, 1);
            if (is_nan(&tbase)) {
                set_error(r, ws & S_ERRORS, st);
                break;
            }
        }
        mpz_clear(e);
        if (!is_nan(r))
            r->sign = rsign;
    }
    if (is_inf(r))
        settriple(r, rsign, 1, EXP_INF); /* for ROUND_DOWN, ROUND_FLOOR ... */
finish:
    dn_clear(&tbase);
    dn_clear(&tmp);
    finalize(r, ctx, st);
}

/* _mpd_qpow_real: exp(y * ln(x)) at max(prec, digits(x)) + 23 digits */
static void pow_real(Dn *r, const Dn *base, const Dn *exp, const Dctx *ctx, uint32_t *st)
{
    Dctx w;
    max_ctx(&w);
    int64_t bd = digits(base);
    w.prec = (bd > ctx->prec ? bd : ctx->prec) + 4 + 19;
    w.round = R_HALF_EVEN;
    uint32_t ws = 0;
    Dn l;
    dn_init(&l);
    op_ln(&l, base, &w, &ws);
    dn_copy(r, &l);
    r->dyn = l.dyn;
    dn_copy(&l, r);
    mul_exact(r, &l, exp);
    finalize(r, &w, &ws);
    dn_copy(&l, r);
    op_exp(r, &l, &w, st);
    dn_clear(&l);
    *st |= ws & S_ERRORS;
    *st |= S_INEXACT | S_ROUNDED;
}

static void op_pow(Dn *r, const Dn *base, const Dn *exp, const Dctx *ctx, uint32_t *st)
{
    uint8_t rsign = 0;
    bool intexp = false;
    if ((is_special(base) || is_special(exp)) && check_nans(r, base, exp, ctx, st))
        return;
    if (is_integer(exp)) {
        intexp = true;
        rsign = base->sign && int_odd(exp);
    }
    if (is_zero(base)) {
        if (is_zero(exp))
            set_error(r, S_INVALID, st);
        else if (exp->sign)
            set_special(r, rsign, DN_INF);
        else
            settriple(r, rsign, 0, 0);
        return;
    }
    if (base->sign && (!intexp || is_inf(exp))) {
        set_error(r, S_INVALID, st);
        return;
    }
    if (is_inf(exp)) {
        Dn one;
        dn_init(&one);
        settriple(&one, 0, 1, 0);
        int cmp = dn_cmp(base, &one);
        dn_clear(&one);
        if (cmp == 0) {
            mpz_set_ui(r->c, 1);
            if (!shl(r->c, ctx->prec - 1)) {
                set_error(r, S_MALLOC, st);
                return;
            }
            touch(r);
            r->exp = -(ctx->prec - 1);
            r->sign = rsign;
            r->kind = DN_FIN;
            *st |= S_INEXACT | S_ROUNDED;
            return;
        }
        cmp *= arith_sign(exp);
        if (cmp < 0)
            settriple(r, rsign, 0, 0);
        else
            set_special(r, rsign, DN_INF);
        return;
    }
    if (is_inf(base)) {
        if (is_zero(exp))
            settriple(r, rsign, 1, 0);
        else if (exp->sign)
            settriple(r, rsign, 0, 0);
        else
            set_special(r, rsign, DN_INF);
        return;
    }
    if (is_zero(exp)) {
        settriple(r, rsign, 1, 0);
        return;
    }
    if (check_pow_one(r, base, exp, rsign, ctx, st) == 0)
        return;
    if (check_pow_bounds(r, base, exp, rsign, ctx, st))
        return;
    if (intexp) {
        pow_int(r, base, exp, rsign, ctx, st);
        return;
    }
    pow_real(r, base, exp, ctx, st);
    if (!is_special(r)) {
        Dn one;
        dn_init(&one);
        settriple(&one, 0, 1, 0);
        if (dn_cmp(r, &one) == 0) {
            mpz_set_ui(r->c, 1);
            if (!shl(r->c, ctx->prec - 1))
                set_error(r, S_MALLOC, st);
            touch(r);
            r->exp = -(ctx->prec - 1);
        }
        dn_clear(&one);
    }
    if (is_inf(r))
        settriple(r, 0, 1, EXP_INF);
    finalize(r, ctx, st);
}

/* pow(base, exp, mod): integers only, |mod| with at most prec digits */
static void op_powmod(Dn *r, const Dn *base, const Dn *exp, const Dn *mod, const Dctx *ctx, uint32_t *st)
{
    if (is_special(base) || is_special(exp) || is_special(mod)) {
        if (check_3nans(r, base, exp, mod, ctx, st))
            return;
        set_error(r, S_INVALID, st);
        return;
    }
    if (!is_integer(base) || !is_integer(exp) || !is_integer(mod) || zcoeff(mod) ||
        digits(mod) + mod->exp > ctx->prec) {
        set_error(r, S_INVALID, st);
        return;
    }
    uint8_t sign = base->sign && int_odd(exp);
    if (zcoeff(exp)) {
        if (zcoeff(base)) {
            set_error(r, S_INVALID, st);
            return;
        }
        Dn one;
        dn_init(&one);
        settriple(&one, 0, 1, 0);
        settriple(r, sign, cmp_abs(mod, &one) == 0 ? 0 : 1, 0);
        dn_clear(&one);
        return;
    }
    if (exp->sign) {
        set_error(r, S_INVALID, st);
        return;
    }
    if (zcoeff(base)) {
        settriple(r, sign, 0, 0);
        return;
    }
    mpz_t b, e, m;
    mpz_inits(b, e, m, NULL);
    bool ok = int_value(m, mod) && int_value(b, base);
    ok = ok && int_value(e, exp);
    if (!ok) {
        set_error(r, S_MALLOC, st);
    } else {
        mpz_abs(m, m);
        mpz_abs(b, b);
        mpz_powm(r->c, b, e, m);
        r->exp = 0;
        r->sign = sign;
        r->kind = DN_FIN;
        touch(r);
    }
    mpz_clears(b, e, m, NULL);
}

/* ================================================================== text */

/* a malloc'd copy of n bytes of s */
static char *str_ndup(const char *s, size_t n)
{
    char *r = malloc(n + 1);
    if (r) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}

static bool strneq(const char *s, const char *l, size_t n) /* s starts with l, any case */
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != l[i])
            return false;
    return true;
}

/* the payload of a NaN: digits only; its first nonzero digit, or NULL */
static const char *scan_payload(const char *s, const char **end)
{
    while (*s == '0')
        s++;
    const char *coeff = s;
    while (isdigit((unsigned char)*s))
        s++;
    *end = s;
    return *s == '\0' ? coeff : NULL;
}

/* [digits][.][digits][eE][+-][digits]: the first relevant coefficient
 * digit (nonzero, or a lone zero), or NULL (io.c's scan_dpoint_exp) */
static const char *scan_dpoint_exp(const char *s, const char **dpoint, const char **exp, const char **end)
{
    const char *coeff = NULL;
    *dpoint = NULL;
    *exp = NULL;
    for (; *s; s++) {
        switch (*s) {
        case '.':
            if (*dpoint || *exp)
                return NULL;
            *dpoint = s;
            break;
        case 'E': case 'e':
            if (*exp)
                return NULL;
            *exp = s;
            if (s[1] == '+' || s[1] == '-')
                s++;
            break;
        default:
            if (!isdigit((unsigned char)*s))
                return NULL;
            if (!coeff && !*exp) {
                if (*s == '0') {
                    if (!isdigit((unsigned char)s[1]) && !(s[1] == '.' && isdigit((unsigned char)s[2])))
                        coeff = s;
                } else {
                    coeff = s;
                }
            }
            break;
        }
    }
    *end = s;
    return coeff;
}

/* strtoexp: a decimal exponent; out of range: saturated (ok), junk: false */
static bool parse_exp(const char *s, int64_t *out)
{
    const char *p = s;
    bool neg = false;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    if (!isdigit((unsigned char)*p))
        return false;
    uint64_t v = 0;
    bool big = false;
    for (; isdigit((unsigned char)*p); p++) {
        if (v > (UINT64_MAX - 9) / 10)
            big = true;
        else
            v = v * 10 + (uint64_t)(*p - '0');
    }
    if (*p)
        return false;
    if (big || v > (uint64_t)INT64_MAX)
        *out = neg ? INT64_MIN : INT64_MAX;
    else
        *out = neg ? -(int64_t)v : (int64_t)v;
    return true;
}

/* mpd_qset_string: s (NUL-terminated ASCII) finalized with ctx */
static void dn_from_string(Dn *r, const char *s, const Dctx *ctx, uint32_t *st)
{
    uint8_t sign = 0;
    const char *coeff, *end, *dpoint = NULL, *exp = NULL;
    r->kind = DN_FIN;
    r->exp = 0;
    mpz_set_ui(r->c, 0);
    if (*s == '+') {
        s++;
    } else if (*s == '-') {
        sign = 1;
        s++;
    }
    r->sign = sign;
    if (strneq(s, "nan", 3) || strneq(s, "snan", 4)) {
        bool snan = strneq(s, "snan", 4);
        s += snan ? 4 : 3;
        set_special(r, sign, snan ? DN_SNAN : DN_QNAN);
        if (!*s)
            return;
        if (!(coeff = scan_payload(s, &end)))
            goto error;
        if (!*coeff)
            return;
        if ((int64_t)(end - coeff) > ctx->prec - ctx->clamp)
            goto error;
        char *buf = str_ndup(coeff, (size_t)(end - coeff));
        if (!buf) {
            set_error(r, S_MALLOC, st);
            return;
        }
        mpz_set_str(r->c, buf, 10);
        free(buf);
        touch(r);
        return;
    }
    if (strneq(s, "inf", 3)) {
        s += 3;
        if (!*s || (strneq(s, "inity", 5) && !s[5])) {
            set_special(r, sign, DN_INF);
            return;
        }
        goto error;
    }
    if (!(coeff = scan_dpoint_exp(s, &dpoint, &exp, &end)))
        goto error;
    if (exp) {
        int64_t e;
        end = exp;
        if (!parse_exp(exp + 1, &e))
            goto error;
        r->exp = e;
    }
    size_t ndigits = (size_t)(end - coeff);
    if (dpoint) {
        size_t frac = (size_t)(end - dpoint - 1);
        if (dpoint > coeff)
            ndigits--;
        if (frac > (size_t)MAX_PREC)
            goto error;
        if (r->exp < INT64_MIN + (int64_t)frac)
            r->exp = INT64_MIN;
        else
            r->exp -= (int64_t)frac;
    }
    if (ndigits > (size_t)MAX_PREC || (int64_t)ndigits > DIG_LIMIT) {
        if ((int64_t)ndigits > DIG_LIMIT && ndigits <= (size_t)MAX_PREC) {
            set_error(r, S_MALLOC, st);
            return;
        }
        goto error;
    }
    if (r->exp > EXP_INF)
        r->exp = EXP_INF;
    if (r->exp == INT64_MIN)
        r->exp = INT64_MIN + 1;
    {
        char *buf = malloc(ndigits + 1), *q = buf;
        if (!buf) {
            set_error(r, S_MALLOC, st);
            return;
        }
        for (const char *p = coeff; p < end; p++)
            if (p != dpoint)
                *q++ = *p;
        *q = '\0';
        mpz_set_str(r->c, buf, 10);
        free(buf);
    }
    need(r, words_of((int64_t)ndigits));
    finalize(r, ctx, st);
    return;
error:
    set_error(r, S_CONV, st);
}

/* how _mpd_to_string lays a number out */
enum { FMT_UPPER = 1, FMT_TOSCI = 2, FMT_TOENG = 4, FMT_EXP = 8, FMT_FIXED = 16, FMT_PERCENT = 32,
       FMT_SIGN_SPACE = 64, FMT_SIGN_PLUS = 128 };

static int64_t mod_floor(int64_t a, int64_t m)
{
    int64_t r = a % m;
    return r < 0 ? r + m : r;
}

/* _mpd_to_string into b; dplace: the decimal point's default place */
static void dn_to_string(gs_Buf *b, const Dn *d, int flags, int64_t dplace)
{
    if (d->sign)
        gs_buf_addc(b, '-');
    else if (flags & FMT_SIGN_SPACE)
        gs_buf_addc(b, ' ');
    else if (flags & FMT_SIGN_PLUS)
        gs_buf_addc(b, '+');
    if (is_special(d)) {
        if (is_nan(d)) {
            gs_buf_adds(b, d->kind == DN_QNAN ? "NaN" : "sNaN");
            if (mpz_sgn(d->c)) {
                char *s = mpz_get_str(NULL, 10, d->c);
                gs_buf_adds(b, s);
                free(s);
            }
        } else {
            gs_buf_adds(b, "Infinity");
        }
        if (flags & FMT_PERCENT)
            gs_buf_addc(b, '%');
        return;
    }
    char *cs = mpz_get_str(NULL, 10, d->c);
    int64_t nd = (int64_t)strlen(cs);
    int64_t ldigits = nd + d->exp;
    if (flags & FMT_EXP) {
        ;
    } else if ((flags & FMT_FIXED) || (d->exp <= 0 && ldigits > -6)) {
        dplace = ldigits;
    } else if (flags & FMT_TOENG) {
        if (zcoeff(d))
            dplace = -1 + mod_floor(d->exp + 2, 3);
        else
            dplace += mod_floor(ldigits - 1, 3);
    }
    if (dplace <= 0) {
        gs_buf_adds(b, "0.");
        for (int64_t k = 0; k < -dplace; k++)
            gs_buf_addc(b, '0');
        gs_buf_adds(b, cs);
    } else if (dplace >= nd) {
        gs_buf_adds(b, cs);
        for (int64_t k = 0; k < dplace - nd; k++)
            gs_buf_addc(b, '0');
    } else {
        gs_buf_add(b, cs, (size_t)dplace);
        gs_buf_addc(b, '.');
        gs_buf_adds(b, cs + dplace);
    }
    if (ldigits != dplace || (flags & FMT_EXP))
        gs_buf_printf(b, "%c%+lld", (flags & FMT_UPPER) ? 'E' : 'e', (long long)(ldigits - dplace));
    if (flags & FMT_PERCENT)
        gs_buf_addc(b, '%');
    free(cs);
}

/* ------------------------------------------------------------------ format() */

typedef struct FmtSpec {
    int64_t min_width, prec; /* prec -1: none */
    char type, align, sign;
    char fill[5];
    const char *dot, *sep, *grouping;
} FmtSpec;

static int utf8_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return -1;
}

/* mpd_parse_fmt_str: false for an invalid spec */
static bool parse_fmt(FmtSpec *spec, const char *fmt, int caps)
{
    const char *cp = fmt;
    bool have_align = false;
    spec->min_width = 0;
    spec->prec = -1;
    spec->type = caps ? 'G' : 'g';
    spec->align = '>';
    spec->sign = '-';
    spec->dot = "";
    spec->sep = "";
    spec->grouping = "";
    int n = *cp ? utf8_len(cp) : 1;
    if (n < 0)
        return false;
    if (*cp && (cp[n] == '<' || cp[n] == '>' || cp[n] == '=' || cp[n] == '^')) {
        memcpy(spec->fill, cp, (size_t)n);
        spec->fill[n] = '\0';
        cp += n;
        spec->align = *cp++;
        have_align = true;
    } else {
        strcpy(spec->fill, " ");
        if (*cp == '<' || *cp == '>' || *cp == '=' || *cp == '^') {
            spec->align = *cp++;
            have_align = true;
        }
    }
    if (*cp == '+' || *cp == '-' || *cp == ' ')
        spec->sign = *cp++;
    if (*cp == '0') {
        if (have_align)
            return false;
        spec->align = 'z';
        spec->fill[0] = *cp++;
        spec->fill[1] = '\0';
    }
    if (isdigit((unsigned char)*cp)) {
        if (*cp == '0')
            return false;
        int64_t v = 0;
        while (isdigit((unsigned char)*cp)) {
            if (v > (INT64_MAX - 9) / 10)
                return false;
            v = v * 10 + (*cp++ - '0');
        }
        spec->min_width = v;
    }
    if (*cp == ',') {
        spec->dot = ".";
        spec->sep = ",";
        spec->grouping = "\003\003";
        cp++;
    }
    if (*cp == '.') {
        cp++;
        if (!isdigit((unsigned char)*cp))
            return false;
        int64_t v = 0;
        while (isdigit((unsigned char)*cp)) {
            if (v > (INT64_MAX - 9) / 10)
                return false;
            v = v * 10 + (*cp++ - '0');
        }
        spec->prec = v;
    }
    if (*cp == 'E' || *cp == 'e' || *cp == 'F' || *cp == 'f' || *cp == 'G' || *cp == 'g' || *cp == '%') {
        spec->type = *cp++;
    } else if (*cp == 'N' || *cp == 'n') {
        if (*spec->sep)
            return false;
        spec->type = *cp++ == 'N' ? 'G' : 'g';
        spec->dot = "."; /* the C locale */
        spec->sep = "";
        spec->grouping = "";
    }
    return *cp == '\0';
}

/* the number rounded to prec significant digits (_mpd_round) */
static void round_sig(Dn *r, const Dn *a, int64_t prec, const Dctx *ctx, uint32_t *st)
{
    int64_t exp = a->exp + digits(a) - prec;
    rescale(r, a, exp, ctx, st);
    if (digits(r) > prec) {
        Dn t;
        dn_init(&t);
        dn_copy(&t, r);
        rescale(r, &t, exp + 1, ctx, st);
        dn_clear(&t);
    }
}

/* insert the separators (grouping 3,3) and pad with zeros for '0' */
static void add_sep_dot(gs_Buf *out, const char *num, const FmtSpec *spec)
{
    const char *p = num, *sign = NULL;
    if (*p == '+' || *p == '-' || *p == ' ')
        sign = p++;
    const char *intpart = p;
    while (isdigit((unsigned char)*p))
        p++;
    int64_t n_int = p - intpart;
    const char *dot = NULL;
    if (*p == '.') {
        p++;
        dot = spec->dot;
    }
    const char *rest = p;
    if (!dot && (!*spec->sep || !*spec->grouping)) {
        gs_buf_adds(out, num);
        return;
    }
    /* built from the right, as libmpdec does, then reversed */
    gs_Buf rev = { 0 };
    int64_t n_sign = sign ? 1 : 0, nchars = 0;
    for (int64_t i = (int64_t)strlen(rest) - 1; i >= 0; i--, nchars++)
        gs_buf_addc(&rev, rest[i]);
    if (dot) {
        gs_buf_addc(&rev, *dot);
        nchars++;
    }
    const char *g = spec->grouping;
    int64_t consume = *g, n_src = n_int;
    bool pad = false;
    size_t n_sep = strlen(spec->sep);
    for (;;) {
        if (*g == 0 || *g == CHAR_MAX || consume > n_src)
            consume = n_src;
        n_src -= consume;
        for (int64_t i = consume - 1; i >= 0; i--, nchars++)
            gs_buf_addc(&rev, pad ? '0' : intpart[n_src + i]);
        if (n_src == 0) {
            if (spec->align == 'z' && nchars + n_sign < spec->min_width) {
                n_src = spec->min_width - (nchars + n_sign);
                consume = *g - consume;
                pad = true;
                continue;
            }
            break;
        }
        if (n_sep > 0) {
            if (pad && n_src > 1)
                n_src -= 1;
            gs_buf_add(&rev, spec->sep, n_sep);
            nchars++;
        }
        if (*g && g[1])
            g++;
        consume = *g;
    }
    if (sign)
        gs_buf_addc(&rev, *sign);
    for (size_t i = rev.len; i > 0; i--)
        gs_buf_addc(out, rev.data[i - 1]);
    gs_buf_free(&rev);
}

/* characters in a UTF-8 string */
static int64_t nchars_of(const char *s, size_t len)
{
    int64_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* mpd_qformat_spec: NULL with *st set when the spec passes libmpdec's limits */
static char *dn_format(const Dn *dec, FmtSpec *spec, const Dctx *ctx, bool no_neg_0, uint32_t *st)
{
    Dn tmp;
    dn_init(&tmp);
    int64_t dplace = 1;
    char type = spec->type;
    /* dec_format's check for 'z' mirrors the rounding for 'f', '%', 'g'
     * and 'e' only (not their capitals): a number that rounds to -0 with
     * another type keeps its sign */
    bool z_rounds = spec->prec >= 0 && (type == 'f' || type == '%' || type == 'g' || type == 'e');
    bool z_zero = zcoeff(dec);
    int flags = 0;
    char *res = NULL;
    if (spec->min_width > MAX_PREC) {
        *st |= S_INVALID;
        goto out;
    }
    if (spec->min_width > DIG_LIMIT) {
        *st |= S_MALLOC;
        goto out;
    }
    if (isupper((unsigned char)type)) {
        type = (char)tolower((unsigned char)type);
        flags |= FMT_UPPER;
    }
    if (spec->sign == ' ')
        flags |= FMT_SIGN_SPACE;
    else if (spec->sign == '+')
        flags |= FMT_SIGN_PLUS;
    if (is_special(dec)) {
        if (spec->align == 'z') {
            strcpy(spec->fill, " ");
            spec->align = '>';
        }
        if (type == '%')
            flags |= FMT_PERCENT;
    } else {
        uint32_t ws = 0;
        switch (type) {
        case 'g': flags |= FMT_TOSCI; break;
        case 'e': flags |= FMT_EXP; break;
        case '%':
            flags |= FMT_PERCENT;
            dn_copy(&tmp, dec);
            tmp.exp += 2;
            dec = &tmp;
            type = 'f';
            flags |= FMT_FIXED;
            break;
        default: flags |= FMT_FIXED; break;
        }
        if (spec->prec >= 0) {
            if (spec->prec > MAX_PREC || spec->prec > DIG_LIMIT) {
                *st |= S_INVALID;
                goto out;
            }
            Dn t2;
            dn_init(&t2);
            switch (type) {
            case 'g': {
                int64_t prec = spec->prec == 0 ? 1 : spec->prec;
                if (digits(dec) > prec) {
                    round_sig(&t2, dec, prec, ctx, &ws);
                    dn_copy(&tmp, &t2);
                    dec = &tmp;
                }
                break;
            }
            case 'e':
                if (zcoeff(dec)) {
                    dplace = 1 - spec->prec;
                } else {
                    round_sig(&t2, dec, spec->prec + 1, ctx, &ws);
                    dn_copy(&tmp, &t2);
                    dec = &tmp;
                }
                break;
            default:
                rescale(&t2, dec, -spec->prec, ctx, &ws);
                dn_copy(&tmp, &t2);
                dec = &tmp;
                break;
            }
            dn_clear(&t2);
        }
        if (type == 'f' && zcoeff(dec) && dec->exp > 0) {
            Dn t2;
            dn_init(&t2);
            rescale(&t2, dec, 0, ctx, &ws);
            dn_copy(&tmp, &t2);
            dn_clear(&t2);
            dec = &tmp;
        }
        if (ws & S_ERRORS) {
            *st |= ws & S_ERRORS;
            goto out;
        }
        if (no_neg_0 && dec->sign && (z_rounds ? zcoeff(dec) : z_zero)) {
            if (dec != &tmp) {
                dn_copy(&tmp, dec);
                dec = &tmp;
            }
            tmp.sign = 0;
        }
    }
    gs_Buf num = { 0 };
    dn_to_string(&num, dec, flags, dplace);
    gs_buf_addc(&num, '\0');
    gs_Buf body = { 0 };
    if (*spec->dot && !is_special(dec))
        add_sep_dot(&body, num.data, spec);
    else
        gs_buf_adds(&body, num.data);
    gs_buf_free(&num);
    int64_t nch = nchars_of(body.data ? body.data : "", body.len);
    gs_Buf out = { 0 };
    if (nch < spec->min_width) {
        int64_t add = spec->min_width - nch, lpad = 0, rpad = 0;
        char align = spec->align == 'z' ? '=' : spec->align;
        if (align == '<')
            rpad = add;
        else if (align == '>' || align == '=')
            lpad = add;
        else {
            lpad = add / 2;
            rpad = add - lpad;
        }
        size_t start = 0;
        if (align == '=' && body.len && (body.data[0] == '-' || body.data[0] == '+' || body.data[0] == ' ')) {
            gs_buf_addc(&out, body.data[0]);
            start = 1;
        }
        for (int64_t i = 0; i < lpad; i++)
            gs_buf_adds(&out, spec->fill);
        gs_buf_add(&out, body.data + start, body.len - start);
        for (int64_t i = 0; i < rpad; i++)
            gs_buf_adds(&out, spec->fill);
    } else {
        gs_buf_add(&out, body.data ? body.data : "", body.len);
    }
    gs_buf_free(&body);
    gs_buf_addc(&out, '\0');
    res = gs_buf_steal(&out);
out:
    dn_clear(&tmp);
    return res;
}

/* ================================================================== the objects */

typedef struct DecObj {
    gs_Instance inst;
    Dn v;
    int64_t hash; /* -1: not computed yet */
    int64_t alloc; /* libmpdec's words in its separate block (v.dyn) */
    bool ready;   /* v is initialised */
} DecObj;

typedef struct SigDict {
    gs_Instance inst;
    uint32_t bits;
    bool valid; /* made by a context (a SignalDict() of its own is "invalid") */
} SigDict;

typedef struct CtxObj {
    gs_Instance inst;
    int64_t prec, emax, emin;
    uint8_t round, clamp, capitals;
    gs_Object *traps, *flags; /* SignalDicts, never NULL once made */
} CtxObj;

typedef struct CmObj {
    gs_Instance inst;
    gs_Object *local, *global;
} CmObj;

#define DEC(o) ((DecObj *)(o))
#define CTXO(o) ((CtxObj *)(o))
#define SD(o) ((SigDict *)(o))
#define CM(o) ((CmObj *)(o))

enum { NSIG = 9, NCOND = 4 };
/* signal_map: the IEEE signals, in _decimal's order */
static const char *const sig_names[NSIG] = { "InvalidOperation", "FloatOperation", "DivisionByZero", "Overflow",
                                             "Underflow", "Subnormal", "Inexact", "Rounded", "Clamped" };
static const uint32_t sig_flags[NSIG] = { S_IEEE_INVALID, S_FLOATOP, S_DIVZERO, S_OVERFLOW, S_UNDERFLOW,
                                          S_SUBNORMAL, S_INEXACT, S_ROUNDED, S_CLAMPED };
/* cond_map past its first entry (InvalidOperation itself) */
static const char *const cond_names[NCOND] = { "ConversionSyntax", "DivisionImpossible", "DivisionUndefined",
                                               "InvalidContext" };
static const uint32_t cond_flags[NCOND] = { S_CONV, S_DIVIMP, S_DIVUNDEF, S_INVCTX };
/* dec_signal_string: the name of each status bit in a context's repr */
static const char *const bit_names[S_NFLAGS] = { "Clamped",          "InvalidOperation", "DivisionByZero",
                                                 "InvalidOperation", "InvalidOperation", "InvalidOperation",
                                                 "Inexact",          "InvalidOperation", "InvalidOperation",
                                                 "InvalidOperation", "FloatOperation",   "Overflow",
                                                 "Rounded",          "Subnormal",        "Underflow" };

typedef struct DecState {
    gs_Type *t_dec, *t_ctx, *t_cm, *t_mixin; /* static types */
    gs_Type *t_sigdict;                       /* class SignalDict(SignalDictMixin, MutableMapping) (held) */
    gs_Type *e_base;                          /* DecimalException (held) */
    gs_Type *sig[NSIG], *cond[NCOND];         /* (held) */
    gs_Object *dectuple;                      /* DecimalTuple (held) */
    gs_Object *dflt, *basic, *extended;       /* the context templates (held) */
    gs_Object *current;                       /* the thread's context, NULL until first use (held) */
} DecState;

static DecState *dstate(gs_VM *vm) { return vm->modstate[GS_MS_DECIMAL]; }

static bool is_dec(gs_VM *vm, gs_Object *o)
{
    DecState *s = dstate(vm);
    return s && gs_isinstance(o, s->t_dec);
}

bool gs_is_decimal(gs_VM *vm, gs_Object *o) { return is_dec(vm, o); }

bool gs_is_decimal_type(gs_VM *vm, gs_Type *t)
{
    DecState *s = dstate(vm);
    return s && t && gs_issubtype(t, s->t_dec);
}

gs_Type *gs_decimal_type(gs_VM *vm)
{
    DecState *s = dstate(vm);
    return s ? s->t_dec : NULL;
}

static bool is_ctx(gs_VM *vm, gs_Object *o)
{
    DecState *s = dstate(vm);
    return s && gs_isinstance(o, s->t_ctx);
}

static gs_Object *notimpl(gs_VM *vm) { return gs_newref(vm, vm->notimpl); }

/* ------------------------------------------------------------------ Decimal objects */

static void dec_free(gs_Object *o)
{
    if (DEC(o)->ready) {
        dn_clear(&DEC(o)->v);
        DEC(o)->ready = false;
    }
}

static const gs_NativeOps dec_ops = { .size = sizeof(DecObj), .gc = false, .free = dec_free, .packs_args = true };

/* sys.getsizeof: 104, and libmpdec's block past four words */
static size_t dec_size(const gs_Object *o)
{
    const DecObj *d = (const DecObj *)o;
    return d->ready && d->v.dyn ? 104 + 8 * (size_t)d->alloc : 104;
}

/* a new Decimal of class t (zero) */
static gs_Object *dec_alloc_t(gs_VM *vm, gs_Type *t)
{
    gs_Object *o = gs_native_new(vm, t);
    if (!o)
        return NULL;
    dn_init(&DEC(o)->v);
    DEC(o)->ready = true;
    DEC(o)->hash = -1;
    return o;
}

static gs_Object *dec_alloc(gs_VM *vm) { return dec_alloc_t(vm, dstate(vm)->t_dec); }

/* its value is final: the size it ends with */
static gs_Object *dec_done(gs_VM *vm, gs_Object *o)
{
    DecObj *d = DEC(o);
    if (d->v.dyn) {
        int64_t w = words(&d->v);
        if (is_special(&d->v) && zcoeff(&d->v))
            w = 0;
        d->alloc = w > 4 ? w : 4;
        gs_size_settled(vm, o, 104);
    }
    return o;
}

/* ------------------------------------------------------------------ contexts */

static gs_Object *sigdict_new(gs_VM *vm, uint32_t bits)
{
    gs_Object *o = gs_native_new(vm, dstate(vm)->t_sigdict);
    if (o) {
        SD(o)->bits = bits;
        SD(o)->valid = true;
    }
    return o;
}

static int ctx_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = 0;
    if (CTXO(o)->traps)
        r = fn(vm, o, CTXO(o)->traps, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg);
    if (!r && CTXO(o)->flags)
        r = fn(vm, o, CTXO(o)->flags, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD + 1), arg);
    return r;
}

static void ctx_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &CTXO(o)->traps, GS_NATIVE_FIELD, NULL);
    gs_native_set(vm, o, &CTXO(o)->flags, GS_NATIVE_FIELD + 1, NULL);
}

static const gs_NativeOps ctx_ops = { .size = sizeof(CtxObj), .gc = false, .traverse = ctx_traverse,
                                      .clear = ctx_clear, .packs_args = true };

static int cm_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = 0;
    if (CM(o)->local)
        r = fn(vm, o, CM(o)->local, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg);
    if (!r && CM(o)->global)
        r = fn(vm, o, CM(o)->global, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD + 1), arg);
    return r;
}

static void cm_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &CM(o)->local, GS_NATIVE_FIELD, NULL);
    gs_native_set(vm, o, &CM(o)->global, GS_NATIVE_FIELD + 1, NULL);
}

static const gs_NativeOps cm_ops = { .size = sizeof(CmObj), .gc = false, .traverse = cm_traverse, .clear = cm_clear };

static const gs_NativeOps sd_ops = { .size = sizeof(SigDict), .gc = true };

static uint32_t *ctx_traps(gs_Object *c) { return &SD(CTXO(c)->traps)->bits; }
static uint32_t *ctx_status(gs_Object *c) { return &SD(CTXO(c)->flags)->bits; }

/* the context's arithmetic settings */
static Dctx dctx_of(gs_Object *c)
{
    CtxObj *x = CTXO(c);
    Dctx d = { x->prec, x->emax, x->emin, *ctx_traps(c), *ctx_status(c), x->round, x->clamp };
    return d;
}

/* context_new: a context with DefaultContext's settings (or the
 * built-in default while there is none) and two new SignalDicts */
static gs_Object *ctx_make(gs_VM *vm, gs_Type *t)
{
    DecState *s = dstate(vm);
    gs_Object *o = gs_native_new(vm, t);
    if (!o)
        return NULL;
    CtxObj *c = CTXO(o);
    uint32_t traps = S_IEEE_INVALID | S_DIVZERO | S_OVERFLOW, status = 0;
    c->prec = 28;
    c->emax = 999999;
    c->emin = -999999;
    c->round = R_HALF_EVEN;
    c->clamp = 0;
    if (s->dflt) {
        CtxObj *d = CTXO(s->dflt);
        c->prec = d->prec;
        c->emax = d->emax;
        c->emin = d->emin;
        c->round = d->round;
        c->clamp = d->clamp;
        traps = *ctx_traps(s->dflt);
        status = *ctx_status(s->dflt);
    }
    c->capitals = 1;
    gs_Object *tr = sigdict_new(vm, traps);
    gs_Object *fl = tr ? sigdict_new(vm, status) : NULL;
    if (!fl) {
        gs_xdecref(vm, tr);
        gs_decref(vm, o);
        return NULL;
    }
    gs_native_set(vm, o, &c->traps, GS_NATIVE_FIELD, tr);
    gs_native_set(vm, o, &c->flags, GS_NATIVE_FIELD + 1, fl);
    gs_decref(vm, tr);
    gs_decref(vm, fl);
    return o;
}

/* context_copy */
static gs_Object *ctx_copy(gs_VM *vm, gs_Object *src)
{
    gs_Object *o = ctx_make(vm, dstate(vm)->t_ctx);
    if (!o)
        return NULL;
    CtxObj *c = CTXO(o), *s = CTXO(src);
    c->prec = s->prec;
    c->emax = s->emax;
    c->emin = s->emin;
    c->round = s->round;
    c->clamp = s->clamp;
    c->capitals = s->capitals;
    *ctx_traps(o) = *ctx_traps(src);
    *ctx_status(o) = *ctx_status(src);
    return o;
}

/* The current context (borrowed): made on first use from DefaultContext,
 * as current_context() does; CPython's context variable, its context and
 * HAMT cost the collector five allocations beside the two SignalDicts. */
static gs_Object *cur_ctx(gs_VM *vm)
{
    DecState *s = dstate(vm);
    if (s->current)
        return s->current;
    gs_Object *c = ctx_copy(vm, s->dflt);
    if (!c)
        return NULL;
    *ctx_status(c) = 0;
    s->current = c;
    gs_gc_import_footprint(vm, 5, 5, 0);
    return c;
}

/* PyDec_SetCurrentContext: a template is copied first */
static int set_current(gs_VM *vm, gs_Object *v)
{
    DecState *s = dstate(vm);
    if (v == s->dflt || v == s->basic || v == s->extended) {
        v = ctx_copy(vm, v);
        if (!v)
            return -1;
        *ctx_status(v) = 0;
    } else {
        gs_incref(vm, v);
    }
    if (!s->current)
        gs_gc_import_footprint(vm, 5, 5, 0);
    gs_Object *old = s->current;
    s->current = v;
    gs_xdecref(vm, old);
    return 0;
}

/* the class raised for the trapped conditions */
static gs_Type *flags_as_exception(DecState *s, uint32_t flags)
{
    for (int i = 0; i < NSIG; i++)
        if (flags & sig_flags[i])
            return s->sig[i];
    return s->sig[0];
}

/* the list of the conditions' classes: cond_map, then signal_map past InvalidOperation */
static gs_Object *flags_as_list(gs_VM *vm, uint32_t flags)
{
    DecState *s = dstate(vm);
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    if (flags & S_INVALID)
        gs_list_append(vm, l, &s->sig[0]->ob);
    for (int i = 0; i < NCOND; i++)
        if (flags & cond_flags[i])
            gs_list_append(vm, l, &s->cond[i]->ob);
    for (int i = 1; i < NSIG; i++)
        if (flags & sig_flags[i])
            gs_list_append(vm, l, &s->sig[i]->ob);
    return l;
}

/* dec_addstatus: the flags take the conditions; a trapped one raises.
 * 1 raised, 0 not */
static int add_status(gs_VM *vm, gs_Object *ctx, uint32_t status)
{
    *ctx_status(ctx) |= status;
    uint32_t traps = *ctx_traps(ctx);
    if (status & S_MALLOC) {
        gs_raise_memory(vm);
        return 1;
    }
    if (!(status & traps))
        return 0;
    gs_Object *lst = flags_as_list(vm, traps & status);
    gs_Object *args = lst ? gs_tuple_new(vm, 1) : NULL;
    if (!args) {
        gs_xdecref(vm, lst);
        return 1;
    }
    gs_tuple_init(vm, args, 0, lst);
    gs_raise_obj(vm, gs_exception_new(vm, flags_as_exception(dstate(vm), traps & status), args));
    return 1;
}

/* a Decimal result of an operation in ctx: the status added, the object
 * finished (NULL when a trap raised) */
static gs_Object *dec_result(gs_VM *vm, gs_Object *r, gs_Object *ctx, uint32_t status)
{
    if (add_status(vm, ctx, status)) {
        gs_decref(vm, r);
        return NULL;
    }
    return dec_done(vm, r);
}

/* CONTEXT_CHECK_VA: None (or nothing) is the current context */
static gs_Object *ctx_arg(gs_VM *vm, gs_Object *o)
{
    if (!o || o == vm->none)
        return cur_ctx(vm);
    if (!is_ctx(vm, o)) {
        gs_raise(vm, vm->e_TypeError, "optional argument must be a context");
        return NULL;
    }
    return o;
}

/* ------------------------------------------------------------------ argument binding
 * PyArg_ParseTupleAndKeywords's, with the messages of a format that names
 * no function ("function missing required argument 'exp' (pos 1)") */

static int va_bind(gs_VM *vm, const char *const *names, int n, int nreq, gs_Object **args, int nargs,
                   gs_Tuple *kwnames, gs_Object **out)
{
    int nkw = kwnames ? kwnames->len : 0, npos = nargs - nkw;
    if (npos + nkw > n) {
        gs_raise(vm, vm->e_TypeError, "function takes at most %d %sargument%s (%d given)", n,
                 npos == 0 ? "keyword " : "", n == 1 ? "" : "s", npos + nkw);
        return -1;
    }
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    for (int i = 0; i < npos; i++)
        out[i] = args[i];
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < nkw; k++) {
            gs_Str *kn = (gs_Str *)kwnames->items[k];
            if (strcmp(kn->data, names[i]) == 0) {
                if (i < npos) {
                    gs_raise(vm, vm->e_TypeError, "argument for function given by name ('%s') and position (%d)",
                             names[i], i + 1);
                    return -1;
                }
                out[i] = args[npos + k];
            }
        }
        if (!out[i] && i < nreq) {
            gs_raise(vm, vm->e_TypeError, "function missing required argument '%s' (pos %d)", names[i], i + 1);
            return -1;
        }
    }
    for (int k = 0; k < nkw; k++) {
        gs_Str *kn = (gs_Str *)kwnames->items[k];
        bool known = false;
        for (int i = 0; i < n; i++)
            known = known || strcmp(kn->data, names[i]) == 0;
        if (!known) {
            gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for this function", kn->data);
            return -1;
        }
    }
    return 0;
}

/* PyArg_ParseTuple's "O|O..." (no keywords) */
static int tuple_bind(gs_VM *vm, int min, int max, int nargs, gs_Tuple *kwnames, const char *fname)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs < min || nargs > max) {
        if (min == max)
            gs_raise(vm, vm->e_TypeError, "function takes exactly %d argument%s (%d given)", min, min == 1 ? "" : "s",
                     nargs);
        else if (nargs < min)
            gs_raise(vm, vm->e_TypeError, "function takes at least %d argument%s (%d given)", min,
                     min == 1 ? "" : "s", nargs);
        else
            gs_raise(vm, vm->e_TypeError, "function takes at most %d argument%s (%d given)", max, max == 1 ? "" : "s",
                     nargs);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ conversions to Decimal */

/* o, an int or bool, into d exactly; libmpdec's import sizes */
static void dn_from_int(gs_VM *vm, Dn *d, gs_Object *o)
{
    mpz_t z;
    gs_int_get_mpz(vm, o, z);
    d->sign = mpz_sgn(z) < 0;
    mpz_abs(d->c, z);
    mpz_clear(z);
    d->exp = 0;
    d->kind = DN_FIN;
    size_t bits = mpz_sgn(d->c) ? mpz_sizeinbase(d->c, 2) : 0;
    if (bits > 30) {
        /* _mpd_importsize: 30-bit digits * log10(2**30) / 19, plus one */
        double x = (double)((bits + 29) / 30) * (log10(1073741824.0) / 19);
        need(d, (int64_t)x + 1);
    }
}

/* |f| = n / 2**k exactly: n * 5**k * 10**-k (PyDecType_FromFloatExact) */
static void dn_from_double(Dn *d, double x)
{
    d->sign = signbit(x) ? 1 : 0;
    if (isnan(x)) {
        set_special(d, 0, DN_QNAN);
        return;
    }
    if (isinf(x)) {
        set_special(d, d->sign, DN_INF);
        return;
    }
    d->kind = DN_FIN;
    x = fabs(x);
    int e2;
    double m = frexp(x, &e2);
    uint64_t n = (uint64_t)ldexp(m, 53);
    int64_t k = 53 - (int64_t)e2; /* x = n / 2**k */
    while (n && !(n & 1) && k > 0) {
        n >>= 1;
        k--;
    }
    if (n == 0)
        k = 0;
    mpz_set_ui(d->c, n);
    int64_t wn = 1;
    if (k < 0) {
        mpz_mul_2exp(d->c, d->c, (unsigned long)-k);
        size_t bits = mpz_sizeinbase(d->c, 2);
        if (bits > 30) {
            double w = (double)((bits + 29) / 30) * (log10(1073741824.0) / 19);
            need(d, (int64_t)w + 1);
        }
        wn = words(d);
        k = 0;
    }
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 5, (unsigned long)k);
    int64_t wp = words_of(ndig(p));
    if (wn > 1 || wp > 1)
        need(d, wn + wp);
    mpz_mul(d->c, d->c, p);
    mpz_clear(p);
    d->exp = -k;
}

static bool is_uspace(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* Py_UNICODE_TODECIMAL for the scripts str.isdecimal knows: 0-9, or -1 */
static int udigit(uint32_t c)
{
    static const uint32_t zeros[] = { 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6,
                                      0xC66, 0xCE6, 0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0xFF10 };
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
        if (c >= zeros[i] && c <= zeros[i] + 9)
            return (int)(c - zeros[i]);
    return -1;
}

/* numeric_as_ascii: the ASCII text of a str (Unicode spaces become ' ',
 * Unicode digits ASCII ones, anything else makes it invalid: ""); malloc'd */
static char *numeric_ascii(gs_Str *s, bool strip_ws, bool ignore_underscores)
{
    const unsigned char *p = (const unsigned char *)s->data;
    size_t n = (size_t)s->len;
    /* decode to code points */
    uint32_t *cps = malloc((n + 1) * sizeof *cps);
    char *res = malloc(n + 1);
    if (!cps || !res) {
        free(cps);
        free(res);
        return NULL;
    }
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t adv = 1;
        cps[m++] = gs_utf8_decode(p + i, n - i, &adv);
        i += adv ? adv : 1;
    }
    size_t j = 0, len = m;
    if (strip_ws) {
        while (len > 0 && is_uspace(cps[len - 1]))
            len--;
        while (j < len && is_uspace(cps[j]))
            j++;
    }
    char *cp = res;
    for (; j < len; j++) {
        uint32_t ch = cps[j];
        if (ignore_underscores && ch == '_')
            continue;
        if (ch > 0 && ch <= 127) {
            *cp++ = (char)ch;
            continue;
        }
        if (is_uspace(ch)) {
            *cp++ = ' ';
            continue;
        }
        int d = udigit(ch);
        if (d < 0) {
            cp = res; /* invalid: the empty string */
            break;
        }
        *cp++ = (char)('0' + d);
    }
    *cp = '\0';
    free(cps);
    return res;
}

/* exact conversion of a str (Decimal(str)); 0, or -1 with an exception */
static int dn_from_str_exact(gs_VM *vm, Dn *d, gs_Str *s, gs_Object *ctx)
{
    char *a = numeric_ascii(s, true, true);
    if (!a) {
        gs_raise_memory(vm);
        return -1;
    }
    Dctx mx;
    max_ctx(&mx);
    uint32_t st = 0;
    dn_from_string(d, a, &mx, &st);
    free(a);
    if (st & (S_INEXACT | S_ROUNDED | S_CLAMPED))
        set_error(d, S_INVALID, &st);
    st &= S_ERRORS;
    return add_status(vm, ctx, st) ? -1 : 0;
}

/* dectuple_as_str: (sign, digits, exponent) as text */
static char *dectuple_text(gs_VM *vm, gs_Object *t)
{
    gs_Tuple *tp = (gs_Tuple *)t;
    if (tp->len != 3) {
        gs_raise(vm, vm->e_ValueError, "argument must be a sequence of length 3");
        return NULL;
    }
    gs_Object *sg = tp->items[0], *dg = tp->items[1], *ex = tp->items[2];
    if (!gs_is_intlike(sg) || gs_int_is_big(sg) ||
        (gs_intlike_value(vm, sg) != 0 && gs_intlike_value(vm, sg) != 1)) {
        gs_raise(vm, vm->e_ValueError, "sign must be an integer with the value 0 or 1");
        return NULL;
    }
    bool neg = gs_intlike_value(vm, sg) == 1, inf = false, special = false;
    gs_Buf b = { 0 };
    gs_buf_addc(&b, neg ? '-' : '+');
    int64_t exp = 0;
    if (GS_KIND(ex) == GS_K_STR) {
        const char *e = ((gs_Str *)ex)->data;
        special = true;
        if (strcmp(e, "F") == 0) {
            gs_buf_adds(&b, "Inf");
            inf = true;
        } else if (strcmp(e, "n") == 0) {
            gs_buf_adds(&b, "NaN");
        } else if (strcmp(e, "N") == 0) {
            gs_buf_adds(&b, "sNaN");
        } else {
            gs_raise(vm, vm->e_ValueError, "string argument in the third position must be 'F', 'n' or 'N'");
            gs_buf_free(&b);
            return NULL;
        }
    } else {
        if (!gs_is_intlike(ex)) {
            gs_raise(vm, vm->e_ValueError, "exponent must be an integer");
            gs_buf_free(&b);
            return NULL;
        }
        if (gs_int_is_big(ex)) {
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C ssize_t");
            gs_buf_free(&b);
            return NULL;
        }
        exp = gs_intlike_value(vm, ex);
    }
    gs_Object **items = NULL;
    int64_t n = 0;
    if (GS_KIND(dg) == GS_K_TUPLE) {
        items = ((gs_Tuple *)dg)->items;
        n = ((gs_Tuple *)dg)->len;
    } else if (GS_KIND(dg) == GS_K_LIST) {
        items = ((gs_List *)dg)->items;
        n = ((gs_List *)dg)->len;
    } else {
        gs_raise(vm, vm->e_ValueError, "coefficient must be a tuple of digits");
        gs_buf_free(&b);
        return NULL;
    }
    if (n == 0 && !special)
        gs_buf_addc(&b, '0');
    for (int64_t i = 0; i < n; i++) {
        gs_Object *x = items[i];
        int64_t v = gs_is_intlike(x) && !gs_int_is_big(x) ? gs_intlike_value(vm, x) : -1;
        if (!gs_is_intlike(x) || v < 0 || v > 9) {
            gs_raise(vm, vm->e_ValueError, "coefficient must be a tuple of digits");
            gs_buf_free(&b);
            return NULL;
        }
        if (!inf)
            gs_buf_addc(&b, (char)('0' + v));
    }
    if (!special)
        gs_buf_printf(&b, "E%lld", (long long)exp);
    return gs_buf_steal(&b);
}

/* PyDecType_FromObjectExact: v into a new Decimal of class t (or v itself) */
static gs_Object *dec_from_object(gs_VM *vm, gs_Type *t, gs_Object *v, gs_Object *ctx)
{
    DecState *s = dstate(vm);
    if (!v) {
        gs_Object *o = dec_alloc_t(vm, t);
        return o ? dec_done(vm, o) : NULL;
    }
    if (is_dec(vm, v)) {
        if (t == s->t_dec && v->type == s->t_dec)
            return gs_newref(vm, v);
        gs_Object *o = dec_alloc_t(vm, t);
        if (!o)
            return NULL;
        dn_copy(&DEC(o)->v, &DEC(v)->v);
        return dec_done(vm, o);
    }
    if (GS_KIND(v) == GS_K_STR) {
        gs_Object *o = dec_alloc_t(vm, t);
        if (!o)
            return NULL;
        if (dn_from_str_exact(vm, &DEC(o)->v, (gs_Str *)v, ctx) < 0) {
            gs_decref(vm, o);
            return NULL;
        }
        return dec_done(vm, o);
    }
    if (gs_is_intlike(v)) {
        gs_Object *o = dec_alloc_t(vm, t);
        if (!o)
            return NULL;
        dn_from_int(vm, &DEC(o)->v, v);
        return dec_done(vm, o);
    }
    if (GS_KIND(v) == GS_K_TUPLE || GS_KIND(v) == GS_K_LIST) {
        gs_Object *tup = GS_KIND(v) == GS_K_TUPLE ? gs_newref(vm, v) : gs_tuple_from_iterable(vm, v);
        if (!tup)
            return NULL;
        char *text = dectuple_text(vm, tup);
        gs_decref(vm, tup);
        if (!text)
            return NULL;
        gs_Object *o = dec_alloc_t(vm, t);
        if (!o) {
            free(text);
            return NULL;
        }
        Dctx mx;
        max_ctx(&mx);
        uint32_t st = 0;
        dn_from_string(&DEC(o)->v, text, &mx, &st);
        free(text);
        if (st & (S_INEXACT | S_ROUNDED | S_CLAMPED))
            set_error(&DEC(o)->v, S_INVALID, &st);
        return dec_result(vm, o, ctx, st & S_ERRORS);
    }
    if (GS_KIND(v) == GS_K_FLOAT) {
        if (add_status(vm, ctx, S_FLOATOP))
            return NULL;
        gs_Object *o = dec_alloc_t(vm, t);
        if (!o)
            return NULL;
        dn_from_double(&DEC(o)->v, ((gs_Float *)v)->value);
        return dec_done(vm, o);
    }
    gs_raise(vm, vm->e_TypeError, "conversion from %s to Decimal is not supported", gs_type_name(v));
    return NULL;
}

/* An operand for arithmetic: a Decimal (borrowed), or an int converted
 * into tmp.  0: neither (NotImplemented) */
static int operand(gs_VM *vm, gs_Object *o, const Dn **out, Dn *tmp)
{
    if (is_dec(vm, o)) {
        *out = &DEC(o)->v;
        return 1;
    }
    if (gs_is_intlike(o)) {
        dn_from_int(vm, tmp, o);
        tmp->dyn = false;
        *out = tmp;
        return 1;
    }
    return 0;
}

/* the same for the methods: TypeError for anything else */
static int operand_raise(gs_VM *vm, gs_Object *o, const Dn **out, Dn *tmp)
{
    if (operand(vm, o, out, tmp))
        return 1;
    gs_raise(vm, vm->e_TypeError, "conversion from %s to Decimal is not supported", gs_type_name(o));
    return 0;
}

/* ------------------------------------------------------------------ the operations, generically */

typedef void (*UnOp)(Dn *r, const Dn *a, const Dctx *ctx, uint32_t *st);
typedef void (*BinOp)(Dn *r, const Dn *a, const Dn *b, const Dctx *ctx, uint32_t *st);

static void b_add(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_add(r, a, b, c, st, false); }
static void b_sub(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_add(r, a, b, c, st, true); }
static void b_compare(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_compare(r, a, b, c, st, false); }
static void b_compare_signal(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_compare(r, a, b, c, st, true); }
static void b_max(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_minmax(r, a, b, c, st, true, false); }
static void b_min(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_minmax(r, a, b, c, st, false, false); }
static void b_max_mag(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_minmax(r, a, b, c, st, true, true); }
static void b_min_mag(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_minmax(r, a, b, c, st, false, true); }
static void b_shift(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_shift(r, a, b, c, st, false); }
static void b_rotate(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_shift(r, a, b, c, st, true); }
static void b_and(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_logical(r, a, b, LG_AND, c, st); }
static void b_or(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_logical(r, a, b, LG_OR, c, st); }
static void b_xor(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { op_logical(r, a, b, LG_XOR, c, st); }
static void b_compare_total(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { GS_UNUSED(c); GS_UNUSED(st); op_compare_total(r, a, b, false); }
static void b_compare_total_mag(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { GS_UNUSED(c); GS_UNUSED(st); op_compare_total(r, a, b, true); }
static void b_copy_sign(Dn *r, const Dn *a, const Dn *b, const Dctx *c, uint32_t *st) { GS_UNUSED(c); GS_UNUSED(st); op_copy_sign(r, a, b); }
static void u_minus(Dn *r, const Dn *a, const Dctx *c, uint32_t *st) { op_plus(r, a, c, st, true); }
static void u_plus(Dn *r, const Dn *a, const Dctx *c, uint32_t *st) { op_plus(r, a, c, st, false); }
static void u_invert(Dn *r, const Dn *a, const Dctx *c, uint32_t *st) { op_logical(r, a, NULL, LG_INVERT, c, st); }
static void u_to_int(Dn *r, const Dn *a, const Dctx *c, uint32_t *st) { round_to_integral(TO_INT_SILENT, r, a, c, st); }
static void u_to_intx(Dn *r, const Dn *a, const Dctx *c, uint32_t *st) { round_to_integral(TO_INT_EXACT, r, a, c, st); }

static gs_Object *apply_unary(gs_VM *vm, const Dn *a, gs_Object *ctx, UnOp op)
{
    gs_Object *r = dec_alloc(vm);
    if (!r)
        return NULL;
    Dctx c = dctx_of(ctx);
    uint32_t st = 0;
    op(&DEC(r)->v, a, &c, &st);
    return dec_result(vm, r, ctx, st);
}

static gs_Object *apply_binary(gs_VM *vm, const Dn *a, const Dn *b, gs_Object *ctx, BinOp op)
{
    gs_Object *r = dec_alloc(vm);
    if (!r)
        return NULL;
    Dctx c = dctx_of(ctx);
    uint32_t st = 0;
    op(&DEC(r)->v, a, b, &c, &st);
    return dec_result(vm, r, ctx, st);
}

/* the number protocol: x op y of Decimals and ints, else NotImplemented */
static gs_Object *nb_binary(gs_VM *vm, gs_Object *x, gs_Object *y, BinOp op)
{
    Dn ta, tb;
    dn_init(&ta);
    dn_init(&tb);
    const Dn *a, *b;
    gs_Object *r;
    if (!operand(vm, x, &a, &ta) || !operand(vm, y, &b, &tb)) {
        r = notimpl(vm);
    } else {
        gs_Object *ctx = cur_ctx(vm);
        r = ctx ? apply_binary(vm, a, b, ctx, op) : NULL;
    }
    dn_clear(&ta);
    dn_clear(&tb);
    return r;
}

static gs_Object *nb_divmod(gs_VM *vm, gs_Object *x, gs_Object *y)
{
    Dn ta, tb;
    dn_init(&ta);
    dn_init(&tb);
    const Dn *a, *b;
    gs_Object *res = NULL;
    if (!operand(vm, x, &a, &ta) || !operand(vm, y, &b, &tb)) {
        res = notimpl(vm);
        goto out;
    }
    gs_Object *ctx = cur_ctx(vm);
    gs_Object *q = ctx ? dec_alloc(vm) : NULL, *r = q ? dec_alloc(vm) : NULL;
    if (!r) {
        gs_xdecref(vm, q);
        goto out;
    }
    Dctx c = dctx_of(ctx);
    uint32_t st = 0;
    op_divmod(&DEC(q)->v, &DEC(r)->v, a, b, &c, &st);
    if (add_status(vm, ctx, st)) {
        gs_decref(vm, q);
        gs_decref(vm, r);
        goto out;
    }
    dec_done(vm, q);
    dec_done(vm, r);
    res = gs_tuple_pack(vm, 2, q, r);
    gs_decref(vm, q);
    gs_decref(vm, r);
out:
    dn_clear(&ta);
    dn_clear(&tb);
    return res;
}

static gs_Object *nb_pow(gs_VM *vm, gs_Object *x, gs_Object *y, gs_Object *m)
{
    Dn ta, tb, tc;
    dn_init(&ta);
    dn_init(&tb);
    dn_init(&tc);
    const Dn *a, *b, *c = NULL;
    gs_Object *res = NULL;
    if (!operand(vm, x, &a, &ta) || !operand(vm, y, &b, &tb) || (m && m != vm->none && !operand(vm, m, &c, &tc))) {
        res = notimpl(vm);
        goto out;
    }
    gs_Object *ctx = cur_ctx(vm);
    gs_Object *r = ctx ? dec_alloc(vm) : NULL;
    if (!r)
        goto out;
    Dctx dc = dctx_of(ctx);
    uint32_t st = 0;
    if (c)
        op_powmod(&DEC(r)->v, a, b, c, &dc, &st);
    else
        op_pow(&DEC(r)->v, a, b, &dc, &st);
    res = dec_result(vm, r, ctx, st);
out:
    dn_clear(&ta);
    dn_clear(&tb);
    dn_clear(&tc);
    return res;
}

#define NB2(name, op)                                                                                           \
    static gs_Object *d_##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return nb_binary(vm, self, args[0], op); } \
    static gs_Object *d_r##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return nb_binary(vm, args[0], self, op); }

NB2(add, b_add)
NB2(sub, b_sub)
NB2(mul, op_mul)
NB2(truediv, op_div)
NB2(floordiv, op_divint)
NB2(mod, op_rem)

static gs_Object *d_divmod(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return nb_divmod(vm, self, args[0]); }
static gs_Object *d_rdivmod(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return nb_divmod(vm, args[0], self); }

static gs_Object *d_pow(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return nb_pow(vm, self, args[0], nargs > 1 ? args[1] : NULL);
}

static gs_Object *d_rpow(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return nb_pow(vm, args[0], self, nargs > 1 ? args[1] : NULL);
}

static gs_Object *nb_unary(gs_VM *vm, gs_Object *self, UnOp op)
{
    gs_Object *ctx = cur_ctx(vm);
    return ctx ? apply_unary(vm, &DEC(self)->v, ctx, op) : NULL;
}

static gs_Object *d_neg(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return nb_unary(vm, self, u_minus); }
static gs_Object *d_pos(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return nb_unary(vm, self, u_plus); }
static gs_Object *d_abs(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return nb_unary(vm, self, op_abs); }

static gs_Object *d_bool(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    return GS_BOOL(vm, !is_zero(&DEC(self)->v));
}

/* ------------------------------------------------------------------ methods with an optional context */

/* d.m(context=None) of a unary operation */
static gs_Object *va_unary(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, UnOp op)
{
    static const char *const names[] = { "context" };
    gs_Object *a[1];
    if (va_bind(vm, names, 1, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[0]);
    return ctx ? apply_unary(vm, &DEC(self)->v, ctx, op) : NULL;
}

/* d.m(other, context=None) of a binary operation */
static gs_Object *va_binary(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, BinOp op)
{
    static const char *const names[] = { "other", "context" };
    gs_Object *a[2];
    if (va_bind(vm, names, 2, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[1]);
    if (!ctx)
        return NULL;
    Dn tb;
    dn_init(&tb);
    const Dn *b;
    gs_Object *r = operand_raise(vm, a[0], &b, &tb) ? apply_binary(vm, &DEC(self)->v, b, ctx, op) : NULL;
    dn_clear(&tb);
    return r;
}

#define VA1(name, op) static gs_Object *m_##name(GS_ARGS) { return va_unary(vm, self, args, nargs, kwnames, op); }
#define VA2(name, op) static gs_Object *m_##name(GS_ARGS) { return va_binary(vm, self, args, nargs, kwnames, op); }

VA1(exp, op_exp)
VA1(ln, op_ln)
VA1(log10, op_log10)
VA1(next_minus, op_next_minus)
VA1(next_plus, op_next_plus)
VA1(normalize, op_reduce)
VA1(sqrt, op_sqrt)
VA1(logb, op_logb)
VA1(logical_invert, u_invert)
VA2(compare, b_compare)
VA2(compare_signal, b_compare_signal)
VA2(max, b_max)
VA2(max_mag, b_max_mag)
VA2(min, b_min)
VA2(min_mag, b_min_mag)
VA2(next_toward, op_next_toward)
VA2(remainder_near, op_rem_near)
VA2(logical_and, b_and)
VA2(logical_or, b_or)
VA2(logical_xor, b_xor)
VA2(rotate, b_rotate)
VA2(scaleb, op_scaleb)
VA2(shift, b_shift)
VA2(compare_total, b_compare_total)
VA2(compare_total_mag, b_compare_total_mag)
VA2(copy_sign, b_copy_sign)

/* getround: one of the ROUND_* strings */
static int round_arg(gs_VM *vm, gs_Object *v)
{
    if (GS_KIND(v) == GS_K_STR)
        for (int i = 0; i < R_TRUNC; i++)
            if (strcmp(((gs_Str *)v)->data, round_names[i]) == 0)
                return i;
    gs_raise(vm, vm->e_TypeError,
             "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
             "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]");
    return -1;
}

/* to_integral(rounding=None, context=None) and its relatives */
static gs_Object *to_integral(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, UnOp op)
{
    static const char *const names[] = { "rounding", "context" };
    gs_Object *a[2];
    if (va_bind(vm, names, 2, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[1]);
    if (!ctx)
        return NULL;
    Dctx c = dctx_of(ctx);
    if (a[0] && a[0] != vm->none) {
        int r = round_arg(vm, a[0]);
        if (r < 0)
            return NULL;
        c.round = (uint8_t)r;
    }
    gs_Object *r = dec_alloc(vm);
    if (!r)
        return NULL;
    uint32_t st = 0;
    op(&DEC(r)->v, &DEC(self)->v, &c, &st);
    return dec_result(vm, r, ctx, st);
}

static gs_Object *m_to_integral_value(GS_ARGS) { return to_integral(vm, self, args, nargs, kwnames, u_to_int); }
static gs_Object *m_to_integral_exact(GS_ARGS) { return to_integral(vm, self, args, nargs, kwnames, u_to_intx); }

static gs_Object *m_quantize(GS_ARGS)
{
    static const char *const names[] = { "exp", "rounding", "context" };
    gs_Object *a[3];
    if (va_bind(vm, names, 3, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[2]);
    if (!ctx)
        return NULL;
    Dctx c = dctx_of(ctx);
    if (a[1] && a[1] != vm->none) {
        int r = round_arg(vm, a[1]);
        if (r < 0)
            return NULL;
        c.round = (uint8_t)r;
    }
    Dn tb;
    dn_init(&tb);
    const Dn *b;
    gs_Object *r = NULL;
    if (operand_raise(vm, a[0], &b, &tb) && (r = dec_alloc(vm))) {
        uint32_t st = 0;
        op_quantize(&DEC(r)->v, &DEC(self)->v, b, &c, &st);
        r = dec_result(vm, r, ctx, st);
    }
    dn_clear(&tb);
    return r;
}

static gs_Object *m_fma(GS_ARGS)
{
    static const char *const names[] = { "other", "third", "context" };
    gs_Object *a[3];
    if (va_bind(vm, names, 3, 2, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[2]);
    if (!ctx)
        return NULL;
    Dn tb, tc;
    dn_init(&tb);
    dn_init(&tc);
    const Dn *b, *c;
    gs_Object *r = NULL;
    if (operand_raise(vm, a[0], &b, &tb) && operand_raise(vm, a[1], &c, &tc) && (r = dec_alloc(vm))) {
        Dctx dc = dctx_of(ctx);
        uint32_t st = 0;
        op_fma(&DEC(r)->v, &DEC(self)->v, b, c, &dc, &st);
        r = dec_result(vm, r, ctx, st);
    }
    dn_clear(&tb);
    dn_clear(&tc);
    return r;
}

static gs_Object *m_same_quantum(GS_ARGS)
{
    static const char *const names[] = { "other", "context" };
    gs_Object *a[2];
    if (va_bind(vm, names, 2, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!ctx_arg(vm, a[1]))
        return NULL;
    Dn tb;
    dn_init(&tb);
    const Dn *b;
    gs_Object *r = NULL;
    if (operand_raise(vm, a[0], &b, &tb)) {
        const Dn *x = &DEC(self)->v;
        bool same = (is_special(x) || is_special(b)) ? (is_nan(x) && is_nan(b)) || (is_inf(x) && is_inf(b))
                                                     : x->exp == b->exp;
        r = GS_BOOL(vm, same);
    }
    dn_clear(&tb);
    return r;
}

static gs_Object *ctx_bool(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, bool normal)
{
    static const char *const names[] = { "context" };
    gs_Object *a[1];
    if (va_bind(vm, names, 1, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[0]);
    if (!ctx)
        return NULL;
    const Dn *x = &DEC(self)->v;
    if (is_special(x) || zcoeff(x))
        return GS_BOOL(vm, false);
    bool below = adjexp(x) < CTXO(ctx)->emin;
    return GS_BOOL(vm, normal ? !below : below);
}

static gs_Object *m_is_normal(GS_ARGS) { return ctx_bool(vm, self, args, nargs, kwnames, true); }
static gs_Object *m_is_subnormal(GS_ARGS) { return ctx_bool(vm, self, args, nargs, kwnames, false); }

static gs_Object *m_number_class(GS_ARGS)
{
    static const char *const names[] = { "context" };
    gs_Object *a[1];
    if (va_bind(vm, names, 1, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[0]);
    if (!ctx)
        return NULL;
    Dctx c = dctx_of(ctx);
    return gs_str_from_cstr(vm, dn_class(&DEC(self)->v, &c));
}

/* str() and to_eng_string(): capitals from the context */
static gs_Object *dn_str_obj(gs_VM *vm, const Dn *d, int capitals, bool eng)
{
    gs_Buf b = { 0 };
    dn_to_string(&b, d, (capitals ? FMT_UPPER : 0) | (eng ? FMT_TOENG : FMT_TOSCI), 1);
    return gs_buf_to_str(vm, &b);
}

static gs_Object *m_to_eng_string(GS_ARGS)
{
    static const char *const names[] = { "context" };
    gs_Object *a[1];
    if (va_bind(vm, names, 1, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[0]);
    return ctx ? dn_str_obj(vm, &DEC(self)->v, CTXO(ctx)->capitals, true) : NULL;
}

static gs_Object *d_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *ctx = cur_ctx(vm);
    return ctx ? dn_str_obj(vm, &DEC(self)->v, CTXO(ctx)->capitals, false) : NULL;
}

static gs_Object *d_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *ctx = cur_ctx(vm);
    if (!ctx)
        return NULL;
    gs_Buf b = { 0 };
    gs_buf_adds(&b, "Decimal('");
    dn_to_string(&b, &DEC(self)->v, (CTXO(ctx)->capitals ? FMT_UPPER : 0) | FMT_TOSCI, 1);
    gs_buf_adds(&b, "')");
    return gs_buf_to_str(vm, &b);
}

/* ------------------------------------------------------------------ the plain methods */

#define PRED(name, expr)                                                                                        \
    static gs_Object *m_##name(GS_ARGS)                                                                         \
    {                                                                                                           \
        GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);                                                  \
        const Dn *x = &DEC(self)->v;                                                                            \
        return GS_BOOL(vm, (expr));                                                                             \
    }

PRED(is_canonical, x != NULL)
PRED(is_finite, !is_special(x))
PRED(is_infinite, is_inf(x))
PRED(is_nan, is_nan(x))
PRED(is_qnan, x->kind == DN_QNAN)
PRED(is_snan, x->kind == DN_SNAN)
PRED(is_signed, x->sign != 0)
PRED(is_zero, is_zero(x))

static gs_Object *m_adjusted(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    const Dn *x = &DEC(self)->v;
    return gs_int_new(vm, is_special(x) ? 0 : adjexp(x));
}

static gs_Object *m_self(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return gs_newref(vm, self); }
static gs_Object *m_radix(GS_ARGS) { GS_UNUSED_ARGS; gs_Object *r = dec_alloc(vm); if (r) settriple(&DEC(r)->v, 0, 10, 0); return r; }

static gs_Object *copy_op(gs_VM *vm, gs_Object *self, bool negate)
{
    gs_Object *r = dec_alloc(vm);
    if (!r)
        return NULL;
    if (negate)
        op_copy_negate(&DEC(r)->v, &DEC(self)->v);
    else
        op_copy_abs(&DEC(r)->v, &DEC(self)->v);
    return dec_done(vm, r);
}

static gs_Object *m_copy_abs(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return copy_op(vm, self, false); }
static gs_Object *m_copy_negate(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return copy_op(vm, self, true); }

static gs_Object *m_as_tuple(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    const Dn *x = &DEC(self)->v;
    gs_Object *expo;
    if (is_inf(x))
        expo = gs_str_from_cstr(vm, "F");
    else if (is_nan(x))
        expo = gs_str_from_cstr(vm, x->kind == DN_QNAN ? "n" : "N");
    else
        expo = gs_int_new(vm, x->exp);
    if (!expo)
        return NULL;
    gs_Object *digits;
    if (is_inf(x)) {
        digits = gs_tuple_new(vm, 1);
        if (digits)
            gs_tuple_init(vm, digits, 0, gs_int_new(vm, 0));
    } else if (is_nan(x) && zcoeff(x)) {
        digits = gs_newref(vm, vm->empty_tuple);
    } else {
        char *s = mpz_get_str(NULL, 10, x->c);
        size_t n = strlen(s);
        digits = gs_tuple_new(vm, (int32_t)n);
        for (size_t i = 0; digits && i < n; i++)
            gs_tuple_init(vm, digits, (int32_t)i, gs_int_new(vm, s[i] - '0'));
        free(s);
    }
    gs_Object *sign = gs_int_new(vm, x->sign);
    gs_Object *r = NULL;
    if (digits && sign) {
        /* (called from C, the class packs its arguments: _PyObject_MakeTpCall's tuple) */
        gs_PhantomCall pc;
        gs_phantom_call_begin(vm, (gs_Type *)dstate(vm)->dectuple, 3, 0, &pc);
        gs_Object *argv[3] = { sign, digits, expo };
        r = gs_call(vm, dstate(vm)->dectuple, argv, 3, NULL);
        gs_phantom_call_end(vm, &pc);
    }
    gs_xdecref(vm, sign);
    gs_xdecref(vm, digits);
    gs_decref(vm, expo);
    return r;
}

static gs_Object *m_as_integer_ratio(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    const Dn *x = &DEC(self)->v;
    if (is_special(x)) {
        if (is_nan(x))
            gs_raise(vm, vm->e_ValueError, "cannot convert NaN to integer ratio");
        else
            gs_raise(vm, vm->e_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    mpz_t n, d, g;
    mpz_inits(n, d, g, NULL);
    mpz_set(n, x->c);
    mpz_set_ui(d, 1);
    if (x->exp >= 0) {
        if (!shl(n, x->exp)) {
            mpz_clears(n, d, g, NULL);
            gs_raise_memory(vm);
            return NULL;
        }
    } else {
        p10(d, -x->exp);
    }
    mpz_gcd(g, n, d);
    if (mpz_sgn(g)) {
        mpz_divexact(n, n, g);
        mpz_divexact(d, d, g);
    } else {
        mpz_set_ui(d, 1);
    }
    if (x->sign)
        mpz_neg(n, n);
    gs_Object *a = gs_int_from_mpz(vm, n), *b = a ? gs_int_from_mpz(vm, d) : NULL;
    if (!a)
        mpz_clear(d);
    mpz_clear(g);
    gs_Object *r = b ? gs_tuple_pack(vm, 2, a, b) : NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return r;
}

static gs_Object *m_from_float(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Type *t = (gs_Type *)self;
    gs_Object *v = args[0];
    gs_Object *ctx = cur_ctx(vm);
    if (!ctx)
        return NULL;
    gs_Object *r;
    if (gs_is_intlike(v)) {
        r = dec_from_object(vm, dstate(vm)->t_dec, v, ctx);
    } else if (GS_KIND(v) == GS_K_FLOAT) {
        r = dec_alloc(vm);
        if (r) {
            dn_from_double(&DEC(r)->v, ((gs_Float *)v)->value);
            dec_done(vm, r);
        }
    } else {
        gs_raise(vm, vm->e_TypeError, "argument must be int or float");
        return NULL;
    }
    if (r && t != dstate(vm)->t_dec) {
        gs_Object *o = gs_call(vm, self, &r, 1, NULL);
        gs_decref(vm, r);
        return o;
    }
    return r;
}

/* ------------------------------------------------------------------ to ints and floats */

/* dec_as_long */
static gs_Object *as_long(gs_VM *vm, gs_Object *self, int round)
{
    const Dn *x = &DEC(self)->v;
    if (is_special(x)) {
        if (is_nan(x))
            gs_raise(vm, vm->e_ValueError, "cannot convert NaN to integer");
        else
            gs_raise(vm, vm->e_OverflowError, "cannot convert Infinity to integer");
        return NULL;
    }
    gs_Object *ctx = cur_ctx(vm);
    if (!ctx)
        return NULL;
    Dctx c = dctx_of(ctx);
    c.round = (uint8_t)round;
    Dn r;
    dn_init(&r);
    uint32_t st = 0;
    round_to_integral(TO_INT_SILENT, &r, x, &c, &st);
    mpz_t z;
    mpz_init(z);
    bool ok = int_value(z, &r);
    dn_clear(&r);
    if (!ok) {
        mpz_clear(z);
        gs_raise_memory(vm);
        return NULL;
    }
    return gs_int_from_mpz(vm, z);
}

static gs_Object *d_int(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return as_long(vm, self, R_DOWN); }
static gs_Object *d_floor(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return as_long(vm, self, R_FLOOR); }
static gs_Object *d_ceil(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return as_long(vm, self, R_CEILING); }

static gs_Object *d_round(GS_ARGS)
{
    if (tuple_bind(vm, 0, 1, nargs, kwnames, "__round__") < 0)
        return NULL;
    gs_Object *ctx = cur_ctx(vm);
    if (!ctx)
        return NULL;
    if (nargs == 0 || args[0] == vm->none)
        return as_long(vm, self, R_HALF_EVEN);
    gs_Object *x = args[0];
    if (!gs_is_intlike(x)) {
        gs_raise(vm, vm->e_TypeError, "optional arg must be an integer");
        return NULL;
    }
    if (gs_int_is_big(x)) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C ssize_t");
        return NULL;
    }
    int64_t y = gs_intlike_value(vm, x);
    Dn q;
    dn_init(&q);
    settriple(&q, 0, 1, y == INT64_MIN ? INT64_MAX : -y);
    gs_Object *r = apply_binary(vm, &DEC(self)->v, &q, ctx, op_quantize);
    dn_clear(&q);
    return r;
}

static gs_Object *d_float(GS_ARGS)
{
    GS_UNUSED_ARGS;
    const Dn *x = &DEC(self)->v;
    if (is_nan(x)) {
        if (x->kind == DN_SNAN) {
            gs_raise(vm, vm->e_ValueError, "cannot convert signaling NaN to float");
            return NULL;
        }
        return gs_float_new(vm, x->sign ? -NAN : NAN);
    }
    gs_Buf b = { 0 };
    dn_to_string(&b, x, FMT_TOSCI, 1);
    gs_buf_addc(&b, '\0');
    double v = strtod(b.data, NULL);
    gs_buf_free(&b);
    return gs_float_new(vm, v);
}

static gs_Object *d_complex(GS_ARGS)
{
    gs_Object *f = d_float(vm, self, args, nargs, kwnames);
    if (!f)
        return NULL;
    gs_Object *c = gs_complex_new(vm, ((gs_Float *)f)->value, 0.0);
    gs_decref(vm, f);
    return c;
}

/* ------------------------------------------------------------------ hash */

#define HASH_MOD ((uint64_t)0x1FFFFFFFFFFFFFFF) /* 2**61 - 1 */

static gs_Object *d_hash(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    DecObj *d = DEC(self);
    if (d->hash != -1)
        return gs_int_new(vm, d->hash);
    const Dn *x = &d->v;
    int64_t h;
    if (is_special(x)) {
        if (x->kind == DN_SNAN) {
            gs_raise(vm, vm->e_TypeError, "Cannot hash a signaling NaN value");
            return NULL;
        }
        if (is_nan(x))
            return gs_int_new(vm, gs_hash_builtin(vm, self)); /* the object's identity */
        h = x->sign ? -314159 : 314159;
    } else {
        mpz_t p, e, t;
        mpz_init_set_ui(p, HASH_MOD);
        mpz_inits(e, t, NULL);
        if (x->exp >= 0) {
            mpz_set_ui(t, 10);
            mpz_set_si(e, (long)x->exp);
        } else {
            mpz_set_ui(t, UINT64_C(2075258708292324556)); /* 10**-1 modulo p */
            mpz_set_si(e, (long)-x->exp);
        }
        mpz_powm(e, t, e, p);
        mpz_mod(t, x->c, p);
        mpz_mul(t, t, e);
        mpz_mod(t, t, p);
        h = (int64_t)mpz_get_ui(t);
        mpz_clears(p, e, t, NULL);
        if (x->sign)
            h = -h;
        if (h == -1)
            h = -2;
    }
    d->hash = h;
    return gs_int_new(vm, h);
}

/* ------------------------------------------------------------------ comparisons */

static gs_Object *richcmp(gs_VM *vm, gs_Object *self, gs_Object *w, int op)
{
    gs_Object *ctx = cur_ctx(vm);
    if (!ctx)
        return NULL;
    bool eqne = op == GS_CMP_EQ || op == GS_CMP_NE;
    const Dn *a = &DEC(self)->v, *b = NULL;
    Dn ta, tb;
    dn_init(&ta);
    dn_init(&tb);
    gs_Object *res = NULL;
    if (is_dec(vm, w)) {
        b = &DEC(w)->v;
    } else if (gs_is_intlike(w)) {
        dn_from_int(vm, &tb, w);
        b = &tb;
    } else if (GS_KIND(w) == GS_K_FLOAT || (GS_KIND(w) == GS_K_COMPLEX && eqne)) {
        double v = ((gs_Float *)w)->value;
        if (GS_KIND(w) == GS_K_COMPLEX) {
            gs_Object *im = gs_getattr(vm, w, gs_name(vm, "imag")), *re = im ? gs_getattr(vm, w, gs_name(vm, "real")) : NULL;
            if (!re) {
                gs_xdecref(vm, im);
                goto out;
            }
            bool real = ((gs_Float *)im)->value == 0.0;
            v = ((gs_Float *)re)->value;
            gs_decref(vm, im);
            gs_decref(vm, re);
            if (!real) {
                res = notimpl(vm);
                goto out;
            }
        }
        if (!eqne && add_status(vm, ctx, S_FLOATOP))
            goto out;
        *ctx_status(ctx) |= S_FLOATOP;
        dn_from_double(&tb, v);
        b = &tb;
    } else if (gs_is_fraction(vm, w)) {
        /* numerator_as_decimal; self times the denominator (exactly) */
        dn_from_int(vm, &tb, gs_fraction_num(w));
        b = &tb;
        if (!is_special(a)) {
            Dn den;
            dn_init(&den);
            dn_from_int(vm, &den, gs_fraction_den(w));
            mul_exact(&ta, a, &den);
            dn_clear(&den);
            a = &ta;
        }
    } else {
        res = notimpl(vm);
        goto out;
    }
    {
        bool snan = a->kind == DN_SNAN || b->kind == DN_SNAN;
        uint32_t st = 0;
        int r = dn_qcmp(a, b, &st);
        if (r == INT_MAX) {
            if ((snan || !eqne) && add_status(vm, ctx, st))
                goto out;
            res = GS_BOOL(vm, op == GS_CMP_NE);
            goto out;
        }
        bool v;
        switch (op) {
        case GS_CMP_EQ: v = r == 0; break;
        case GS_CMP_NE: v = r != 0; break;
        case GS_CMP_LE: v = r <= 0; break;
        case GS_CMP_GE: v = r >= 0; break;
        case GS_CMP_LT: v = r == -1; break;
        default: v = r == 1; break;
        }
        res = GS_BOOL(vm, v);
    }
out:
    dn_clear(&ta);
    dn_clear(&tb);
    return res;
}

#define CMP(name, op) \
    static gs_Object *d_##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return richcmp(vm, self, args[0], op); }
CMP(lt, GS_CMP_LT)
CMP(le, GS_CMP_LE)
CMP(gt, GS_CMP_GT)
CMP(ge, GS_CMP_GE)
CMP(eq, GS_CMP_EQ)
CMP(ne, GS_CMP_NE)

/* ------------------------------------------------------------------ format() */

static gs_Object *d_format(GS_ARGS)
{
    if (tuple_bind(vm, 1, 2, nargs, kwnames, "__format__") < 0)
        return NULL;
    gs_Object *ctx = cur_ctx(vm);
    if (!ctx)
        return NULL;
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "format arg must be str");
        return NULL;
    }
    /* the 'z' option (no negative zero), which libmpdec does not know */
    gs_Str *fs = (gs_Str *)args[0];
    char *fmt = str_ndup(fs->data, (size_t)fs->len);
    if (!fmt) {
        gs_raise_memory(vm);
        return NULL;
    }
    bool no_neg_0 = false;
    char *z = strchr(fmt, 'z');
    if (z) {
        no_neg_0 = true;
        memmove(z, z + 1, strlen(z));
    }
    FmtSpec spec;
    if (!parse_fmt(&spec, fmt, CTXO(ctx)->capitals)) {
        free(fmt);
        gs_raise(vm, vm->e_ValueError, "invalid format string");
        return NULL;
    }
    free(fmt);
    Dctx c = dctx_of(ctx);
    uint32_t st = 0;
    char *s = dn_format(&DEC(self)->v, &spec, &c, no_neg_0, &st);
    if (!s) {
        if (st & S_MALLOC)
            gs_raise_memory(vm);
        else
            gs_raise(vm, vm->e_ValueError, "format specification exceeds internal limits of _decimal");
        return NULL;
    }
    gs_Object *r = gs_str_from_cstr(vm, s);
    free(s);
    return r;
}

/* ------------------------------------------------------------------ construction, copying */

static gs_Object *d_new(GS_ARGS)
{
    static const char *const names[] = { "value", "context" };
    gs_Object *a[2];
    if (va_bind(vm, names, 2, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *ctx = ctx_arg(vm, a[1]);
    return ctx ? dec_from_object(vm, (gs_Type *)self, a[0], ctx) : NULL;
}

static gs_Object *d_reduce(GS_ARGS)
{
    gs_Object *s = d_str(vm, self, args, nargs, kwnames);
    gs_Object *t = s ? gs_tuple_pack(vm, 1, s) : NULL;
    gs_Object *r = t ? gs_tuple_pack(vm, 2, &self->type->ob, t) : NULL;
    gs_xdecref(vm, s);
    gs_xdecref(vm, t);
    return r;
}

static gs_Object *d_deepcopy(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return gs_newref(vm, self); }

static gs_Object *d_imag(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *r = dec_alloc(vm);
    return r ? dec_done(vm, r) : NULL;
}

static const gs_MethodDef dec_methods[] = {
    { "__new__", d_new, 0, -1, GS_KW | GS_VARARGS },
    { "exp", m_exp, 0, -1, GS_KW | GS_VARARGS },
    { "ln", m_ln, 0, -1, GS_KW | GS_VARARGS },
    { "log10", m_log10, 0, -1, GS_KW | GS_VARARGS },
    { "next_minus", m_next_minus, 0, -1, GS_KW | GS_VARARGS },
    { "next_plus", m_next_plus, 0, -1, GS_KW | GS_VARARGS },
    { "normalize", m_normalize, 0, -1, GS_KW | GS_VARARGS },
    { "to_integral", m_to_integral_value, 0, -1, GS_KW | GS_VARARGS },
    { "to_integral_exact", m_to_integral_exact, 0, -1, GS_KW | GS_VARARGS },
    { "to_integral_value", m_to_integral_value, 0, -1, GS_KW | GS_VARARGS },
    { "sqrt", m_sqrt, 0, -1, GS_KW | GS_VARARGS },
    { "compare", m_compare, 0, -1, GS_KW | GS_VARARGS },
    { "compare_signal", m_compare_signal, 0, -1, GS_KW | GS_VARARGS },
    { "max", m_max, 0, -1, GS_KW | GS_VARARGS },
    { "max_mag", m_max_mag, 0, -1, GS_KW | GS_VARARGS },
    { "min", m_min, 0, -1, GS_KW | GS_VARARGS },
    { "min_mag", m_min_mag, 0, -1, GS_KW | GS_VARARGS },
    { "next_toward", m_next_toward, 0, -1, GS_KW | GS_VARARGS },
    { "quantize", m_quantize, 0, -1, GS_KW | GS_VARARGS },
    { "remainder_near", m_remainder_near, 0, -1, GS_KW | GS_VARARGS },
    { "fma", m_fma, 0, -1, GS_KW | GS_VARARGS },
    { "is_canonical", m_is_canonical, 0, 0, 0 },
    { "is_finite", m_is_finite, 0, 0, 0 },
    { "is_infinite", m_is_infinite, 0, 0, 0 },
    { "is_nan", m_is_nan, 0, 0, 0 },
    { "is_qnan", m_is_qnan, 0, 0, 0 },
    { "is_snan", m_is_snan, 0, 0, 0 },
    { "is_signed", m_is_signed, 0, 0, 0 },
    { "is_zero", m_is_zero, 0, 0, 0 },
    { "is_normal", m_is_normal, 0, -1, GS_KW | GS_VARARGS },
    { "is_subnormal", m_is_subnormal, 0, -1, GS_KW | GS_VARARGS },
    { "adjusted", m_adjusted, 0, 0, 0 },
    { "canonical", m_self, 0, 0, 0 },
    { "conjugate", m_self, 0, 0, 0 },
    { "radix", m_radix, 0, 0, 0 },
    { "copy_abs", m_copy_abs, 0, 0, 0 },
    { "copy_negate", m_copy_negate, 0, 0, 0 },
    { "logb", m_logb, 0, -1, GS_KW | GS_VARARGS },
    { "logical_invert", m_logical_invert, 0, -1, GS_KW | GS_VARARGS },
    { "number_class", m_number_class, 0, -1, GS_KW | GS_VARARGS },
    { "to_eng_string", m_to_eng_string, 0, -1, GS_KW | GS_VARARGS },
    { "compare_total", m_compare_total, 0, -1, GS_KW | GS_VARARGS },
    { "compare_total_mag", m_compare_total_mag, 0, -1, GS_KW | GS_VARARGS },
    { "copy_sign", m_copy_sign, 0, -1, GS_KW | GS_VARARGS },
    { "same_quantum", m_same_quantum, 0, -1, GS_KW | GS_VARARGS },
    { "logical_and", m_logical_and, 0, -1, GS_KW | GS_VARARGS },
    { "logical_or", m_logical_or, 0, -1, GS_KW | GS_VARARGS },
    { "logical_xor", m_logical_xor, 0, -1, GS_KW | GS_VARARGS },
    { "rotate", m_rotate, 0, -1, GS_KW | GS_VARARGS },
    { "scaleb", m_scaleb, 0, -1, GS_KW | GS_VARARGS },
    { "shift", m_shift, 0, -1, GS_KW | GS_VARARGS },
    { "from_float", m_from_float, 1, 1, GS_CLASSMETH },
    { "as_tuple", m_as_tuple, 0, 0, 0 },
    { "as_integer_ratio", m_as_integer_ratio, 0, 0, 0 },
    { "__copy__", m_self, 0, 0, 0 },
    { "__deepcopy__", d_deepcopy, 1, 1, 0 },
    { "__format__", d_format, 0, -1, GS_VARARGS },
    { "__reduce__", d_reduce, 0, 0, 0 },
    { "__round__", d_round, 0, -1, GS_VARARGS },
    { "__ceil__", d_ceil, 0, 0, 0 },
    { "__floor__", d_floor, 0, 0, 0 },
    { "__trunc__", d_int, 0, 0, 0 },
    { "__complex__", d_complex, 0, 0, 0 },
    { "__repr__", d_repr, 0, 0, 0 },
    { "__str__", d_str, 0, 0, 0 },
    { "__hash__", d_hash, 0, 0, 0 },
    { "__eq__", d_eq, 1, 1, 0 },
    { "__ne__", d_ne, 1, 1, 0 },
    { "__lt__", d_lt, 1, 1, 0 },
    { "__le__", d_le, 1, 1, 0 },
    { "__gt__", d_gt, 1, 1, 0 },
    { "__ge__", d_ge, 1, 1, 0 },
    { "__add__", d_add, 1, 1, 0 },
    { "__radd__", d_radd, 1, 1, 0 },
    { "__sub__", d_sub, 1, 1, 0 },
    { "__rsub__", d_rsub, 1, 1, 0 },
    { "__mul__", d_mul, 1, 1, 0 },
    { "__rmul__", d_rmul, 1, 1, 0 },
    { "__truediv__", d_truediv, 1, 1, 0 },
    { "__rtruediv__", d_rtruediv, 1, 1, 0 },
    { "__floordiv__", d_floordiv, 1, 1, 0 },
    { "__rfloordiv__", d_rfloordiv, 1, 1, 0 },
    { "__mod__", d_mod, 1, 1, 0 },
    { "__rmod__", d_rmod, 1, 1, 0 },
    { "__divmod__", d_divmod, 1, 1, 0 },
    { "__rdivmod__", d_rdivmod, 1, 1, 0 },
    { "__pow__", d_pow, 1, 2, 0 },
    { "__rpow__", d_rpow, 1, 2, 0 },
    { "__neg__", d_neg, 0, 0, 0 },
    { "__pos__", d_pos, 0, 0, 0 },
    { "__abs__", d_abs, 0, 0, 0 },
    { "__bool__", d_bool, 0, 0, 0 },
    { "__int__", d_int, 0, 0, 0 },
    { "__float__", d_float, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== Context */

static const char *const invalid_signals =
    "valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n"
    "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]";

/* exception_as_flag: a signal class's bit, or 0 with KeyError */
static uint32_t signal_flag(gs_VM *vm, gs_Object *key)
{
    DecState *s = dstate(vm);
    for (int i = 0; i < NSIG; i++)
        if (key == &s->sig[i]->ob)
            return sig_flags[i];
    gs_Object *msg = gs_str_from_cstr(vm, invalid_signals);
    if (msg) {
        gs_Object *args = gs_tuple_pack(vm, 1, msg);
        gs_decref(vm, msg);
        if (args)
            gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, args));
    }
    return 0;
}

static void raise_key(gs_VM *vm, const char *text)
{
    gs_Object *msg = gs_str_from_cstr(vm, text);
    gs_Object *args = msg ? gs_tuple_pack(vm, 1, msg) : NULL;
    gs_xdecref(vm, msg);
    if (args)
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, args));
}

/* list_as_flags */
static int flags_of_list(gs_VM *vm, gs_Object *l, uint32_t *out)
{
    uint32_t f = 0;
    for (int64_t i = 0; i < ((gs_List *)l)->len; i++) {
        uint32_t x = signal_flag(vm, ((gs_List *)l)->items[i]);
        if (!x)
            return -1;
        f |= x;
    }
    *out = f;
    return 0;
}

/* dict_as_flags (or a SignalDict's bits) */
static int flags_of_dict(gs_VM *vm, gs_Object *v, uint32_t *out)
{
    DecState *s = dstate(vm);
    if (gs_isinstance(v, s->t_mixin)) {
        *out = SD(v)->bits;
        return 0;
    }
    if (GS_KIND(v) != GS_K_DICT) {
        gs_raise(vm, vm->e_TypeError, "argument must be a signal dict");
        return -1;
    }
    if (gs_len(vm, v) != NSIG) {
        raise_key(vm, "invalid signal dict");
        return -1;
    }
    uint32_t f = 0;
    for (int i = 0; i < NSIG; i++) {
        gs_Object *b = gs_dict_get(vm, v, &s->sig[i]->ob);
        if (!b) {
            if (!vm->exc)
                raise_key(vm, "invalid signal dict");
            return -1;
        }
        int t = gs_truthy(vm, b);
        if (t < 0)
            return -1;
        if (t)
            f |= sig_flags[i];
    }
    *out = f;
    return 0;
}

/* PyLong_AsSsize_t: an int only */
static int ssize_arg(gs_VM *vm, gs_Object *v, int64_t *out)
{
    if (!gs_is_intlike(v)) {
        gs_raise(vm, vm->e_TypeError, "an integer is required");
        return -1;
    }
    if (gs_int_is_big(v)) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = gs_intlike_value(vm, v);
    return 0;
}

enum { CA_PREC, CA_ROUNDING, CA_EMIN, CA_EMAX, CA_CAPITALS, CA_CLAMP, CA_FLAGS, CA_TRAPS };

/* one context attribute (context_setprec ...); from_attr: ctx.name = v */
static int ctx_set(gs_VM *vm, gs_Object *c, int which, gs_Object *v, bool from_attr)
{
    CtxObj *x = CTXO(c);
    int64_t n;
    switch (which) {
    case CA_ROUNDING: {
        int r = round_arg(vm, v);
        if (r < 0)
            return -1;
        x->round = (uint8_t)r;
        return 0;
    }
    case CA_FLAGS:
    case CA_TRAPS: {
        /* Context(traps=[...]) takes a list too; ctx.traps = ... a dict only */
        uint32_t f;
        if (GS_KIND(v) == GS_K_LIST && !from_attr ? flags_of_list(vm, v, &f) : flags_of_dict(vm, v, &f))
            return -1;
        *(which == CA_TRAPS ? ctx_traps(c) : ctx_status(c)) = f;
        return 0;
    }
    default:
        break;
    }
    if (ssize_arg(vm, v, &n) < 0)
        return -1;
    switch (which) {
    case CA_PREC:
        if (n < 1 || n > MAX_PREC) {
            gs_raise(vm, vm->e_ValueError, "valid range for prec is [1, MAX_PREC]");
            return -1;
        }
        x->prec = n;
        break;
    case CA_EMIN:
        if (n < MIN_EMIN || n > 0) {
            gs_raise(vm, vm->e_ValueError, "valid range for Emin is [MIN_EMIN, 0]");
            return -1;
        }
        x->emin = n;
        break;
    case CA_EMAX:
        if (n < 0 || n > MAX_EMAX) {
            gs_raise(vm, vm->e_ValueError, "valid range for Emax is [0, MAX_EMAX]");
            return -1;
        }
        x->emax = n;
        break;
    case CA_CAPITALS:
        if (n != 0 && n != 1) {
            gs_raise(vm, vm->e_ValueError, "valid values for capitals are 0 or 1");
            return -1;
        }
        x->capitals = (uint8_t)n;
        break;
    default:
        if (n != 0 && n != 1) {
            gs_raise(vm, vm->e_ValueError, "valid values for clamp are 0 or 1");
            return -1;
        }
        x->clamp = (uint8_t)n;
        break;
    }
    return 0;
}

/* context_setattrs: the given ones, in _decimal's order (traps before flags) */
static int ctx_set_all(gs_VM *vm, gs_Object *c, gs_Object **a)
{
    static const int order[] = { CA_PREC, CA_ROUNDING, CA_EMIN, CA_EMAX, CA_CAPITALS, CA_CLAMP, CA_TRAPS, CA_FLAGS };
    for (int i = 0; i < 8; i++) {
        gs_Object *v = a[order[i]];
        if (v && v != vm->none && ctx_set(vm, c, order[i], v, false) < 0)
            return -1;
    }
    return 0;
}

static const char *const ctx_kw[] = { "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps" };

/* context_new and context_init at once: a module's type is called
 * through its __new__ (a class deriving from Context calls __init__ too) */
static gs_Object *c_new(GS_ARGS)
{
    gs_Object *a[8];
    if (va_bind(vm, ctx_kw, 8, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *c = ctx_make(vm, (gs_Type *)self);
    if (c && ctx_set_all(vm, c, a) < 0) {
        gs_decref(vm, c);
        return NULL;
    }
    return c;
}

static gs_Object *c_init(GS_ARGS)
{
    gs_Object *a[8];
    if (va_bind(vm, ctx_kw, 8, 0, args, nargs, kwnames, a) < 0 || ctx_set_all(vm, self, a) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* mpd_lsnprint_signals */
static void signals_text(gs_Buf *b, uint32_t flags)
{
    bool invalid_done = false, first = true;
    gs_buf_addc(b, '[');
    for (int j = 0; j < S_NFLAGS; j++) {
        uint32_t f = flags & (1u << j);
        if (!f)
            continue;
        if (f & S_IEEE_INVALID) {
            if (invalid_done)
                continue;
            invalid_done = true;
        }
        if (!first)
            gs_buf_adds(b, ", ");
        gs_buf_adds(b, bit_names[j]);
        first = false;
    }
    gs_buf_addc(b, ']');
}

static gs_Object *c_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CtxObj *c = CTXO(self);
    gs_Buf b = { 0 };
    gs_buf_printf(&b, "Context(prec=%lld, rounding=%s, Emin=%lld, Emax=%lld, capitals=%d, clamp=%d, flags=",
                  (long long)c->prec, round_names[c->round], (long long)c->emin, (long long)c->emax, c->capitals,
                  c->clamp);
    signals_text(&b, *ctx_status(self));
    gs_buf_adds(&b, ", traps=");
    signals_text(&b, *ctx_traps(self));
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

/* the attributes, as properties */
#define CGET(name, expr) \
    static gs_Object *cg_##name(GS_ARGS) { GS_UNUSED(self); GS_UNUSED(nargs); GS_UNUSED(kwnames); CtxObj *c = CTXO(args[0]); return (expr); }
CGET(prec, gs_int_new(vm, c->prec))
CGET(emax, gs_int_new(vm, c->emax))
CGET(emin, gs_int_new(vm, c->emin))
CGET(rounding, gs_str_intern(vm, round_names[c->round], strlen(round_names[c->round])))
CGET(capitals, gs_int_new(vm, c->capitals))
CGET(clamp, gs_int_new(vm, c->clamp))
CGET(traps, gs_newref(vm, c->traps))
CGET(flags, gs_newref(vm, c->flags))

#define CSET(name, which)                                                                                       \
    static gs_Object *cs_##name(GS_ARGS)                                                                        \
    {                                                                                                           \
        GS_UNUSED(self); GS_UNUSED(nargs); GS_UNUSED(kwnames);                                                  \
        return ctx_set(vm, args[0], which, args[1], true) < 0 ? NULL : GS_NONE(vm);                             \
    }
CSET(prec, CA_PREC)
CSET(emax, CA_EMAX)
CSET(emin, CA_EMIN)
CSET(rounding, CA_ROUNDING)
CSET(capitals, CA_CAPITALS)
CSET(clamp, CA_CLAMP)
CSET(traps, CA_TRAPS)
CSET(flags, CA_FLAGS)

static gs_Object *cd_any(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_raise(vm, vm->e_AttributeError, "context attributes cannot be deleted");
    return NULL;
}

static gs_Object *c_clear_flags(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); *ctx_status(self) = 0; return GS_NONE(vm); }
static gs_Object *c_clear_traps(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); *ctx_traps(self) = 0; return GS_NONE(vm); }
static gs_Object *c_copy(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); return ctx_copy(vm, self); }
static gs_Object *c_etiny(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); Dctx c = dctx_of(self); return gs_int_new(vm, etiny(&c)); }
static gs_Object *c_etop(GS_ARGS) { GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames); Dctx c = dctx_of(self); return gs_int_new(vm, etop(&c)); }

/* signals_as_list */
static gs_Object *signal_list(gs_VM *vm, uint32_t flags)
{
    DecState *s = dstate(vm);
    gs_Object *l = gs_list_new(vm, 0);
    for (int i = 0; l && i < NSIG; i++)
        if (flags & sig_flags[i])
            gs_list_append(vm, l, &s->sig[i]->ob);
    return l;
}

static gs_Object *c_reduce(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    CtxObj *c = CTXO(self);
    gs_Object *fl = signal_list(vm, *ctx_status(self)), *tr = fl ? signal_list(vm, *ctx_traps(self)) : NULL;
    gs_Object *items[8] = { gs_int_new(vm, c->prec), gs_str_from_cstr(vm, round_names[c->round]),
                            gs_int_new(vm, c->emin), gs_int_new(vm, c->emax), gs_int_new(vm, c->capitals),
                            gs_int_new(vm, c->clamp), fl, tr };
    gs_Object *t = gs_tuple_new(vm, 8), *r = NULL;
    bool ok = t != NULL;
    for (int i = 0; i < 8; i++) {
        if (!items[i])
            ok = false;
        if (t && items[i])
            gs_tuple_init(vm, t, i, items[i]);
        else
            gs_xdecref(vm, items[i]);
    }
    if (ok)
        r = gs_tuple_pack(vm, 2, &self->type->ob, t);
    gs_xdecref(vm, t);
    return r;
}

/* the context's arithmetic: ctx.add(a, b) ... */
static gs_Object *cx_unary(gs_VM *vm, gs_Object *ctx, gs_Object *v, UnOp op)
{
    Dn t;
    dn_init(&t);
    const Dn *a;
    gs_Object *r = operand_raise(vm, v, &a, &t) ? apply_unary(vm, a, ctx, op) : NULL;
    dn_clear(&t);
    return r;
}

static gs_Object *cx_binary(gs_VM *vm, gs_Object *ctx, gs_Object **args, int nargs, gs_Tuple *kwnames, BinOp op)
{
    if (tuple_bind(vm, 2, 2, nargs, kwnames, "function") < 0)
        return NULL;
    Dn ta, tb;
    dn_init(&ta);
    dn_init(&tb);
    const Dn *a, *b;
    gs_Object *r = operand_raise(vm, args[0], &a, &ta) && operand_raise(vm, args[1], &b, &tb)
                       ? apply_binary(vm, a, b, ctx, op)
                       : NULL;
    dn_clear(&ta);
    dn_clear(&tb);
    return r;
}

#define CX1(name, op) static gs_Object *cx_##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return cx_unary(vm, self, args[0], op); }
#define CX2(name, op) static gs_Object *cx_##name(GS_ARGS) { return cx_binary(vm, self, args, nargs, kwnames, op); }
CX1(abs, op_abs)
CX1(exp, op_exp)
CX1(ln, op_ln)
CX1(log10, op_log10)
CX1(minus, u_minus)
CX1(plus, u_plus)
CX1(next_minus, op_next_minus)
CX1(next_plus, op_next_plus)
CX1(normalize, op_reduce)
CX1(to_integral_value, u_to_int)
CX1(to_integral_exact, u_to_intx)
CX1(sqrt, op_sqrt)
CX1(logb, op_logb)
CX1(logical_invert, u_invert)
CX2(add, b_add)
CX2(subtract, b_sub)
CX2(multiply, op_mul)
CX2(divide, op_div)
CX2(divide_int, op_divint)
CX2(remainder, op_rem)
CX2(remainder_near, op_rem_near)
CX2(compare, b_compare)
CX2(compare_signal, b_compare_signal)
CX2(max, b_max)
CX2(min, b_min)
CX2(max_mag, b_max_mag)
CX2(min_mag, b_min_mag)
CX2(next_toward, op_next_toward)
CX2(quantize, op_quantize)
CX2(compare_total, b_compare_total)
CX2(compare_total_mag, b_compare_total_mag)
CX2(copy_sign, b_copy_sign)
CX2(logical_and, b_and)
CX2(logical_or, b_or)
CX2(logical_xor, b_xor)
CX2(rotate, b_rotate)
CX2(scaleb, op_scaleb)
CX2(shift, b_shift)

static gs_Object *cx_divmod(GS_ARGS)
{
    if (tuple_bind(vm, 2, 2, nargs, kwnames, "function") < 0)
        return NULL;
    Dn ta, tb;
    dn_init(&ta);
    dn_init(&tb);
    const Dn *a, *b;
    gs_Object *res = NULL;
    if (operand_raise(vm, args[0], &a, &ta) && operand_raise(vm, args[1], &b, &tb)) {
        gs_Object *q = dec_alloc(vm), *r = q ? dec_alloc(vm) : NULL;
        if (r) {
            Dctx c = dctx_of(self);
            uint32_t st = 0;
            op_divmod(&DEC(q)->v, &DEC(r)->v, a, b, &c, &st);
            if (!add_status(vm, self, st)) {
                dec_done(vm, q);
                dec_done(vm, r);
                res = gs_tuple_pack(vm, 2, q, r);
            }
        }
        gs_xdecref(vm, q);
        gs_xdecref(vm, r);
    }
    dn_clear(&ta);
    dn_clear(&tb);
    return res;
}

static gs_Object *cx_power(GS_ARGS)
{
    static const char *const names[] = { "a", "b", "modulo" };
    gs_Object *a[3];
    if (va_bind(vm, names, 3, 2, args, nargs, kwnames, a) < 0)
        return NULL;
    Dn ta, tb, tc;
    dn_init(&ta);
    dn_init(&tb);
    dn_init(&tc);
    const Dn *x, *y, *m = NULL;
    gs_Object *res = NULL;
    if (operand_raise(vm, a[0], &x, &ta) && operand_raise(vm, a[1], &y, &tb) &&
        (!a[2] || a[2] == vm->none || operand_raise(vm, a[2], &m, &tc))) {
        gs_Object *r = dec_alloc(vm);
        if (r) {
            Dctx c = dctx_of(self);
            uint32_t st = 0;
            if (m)
                op_powmod(&DEC(r)->v, x, y, m, &c, &st);
            else
                op_pow(&DEC(r)->v, x, y, &c, &st);
            res = dec_result(vm, r, self, st);
        }
    }
    dn_clear(&ta);
    dn_clear(&tb);
    dn_clear(&tc);
    return res;
}

static gs_Object *cx_fma(GS_ARGS)
{
    if (tuple_bind(vm, 3, 3, nargs, kwnames, "function") < 0)
        return NULL;
    Dn ta, tb, tc;
    dn_init(&ta);
    dn_init(&tb);
    dn_init(&tc);
    const Dn *x, *y, *z;
    gs_Object *res = NULL;
    if (operand_raise(vm, args[0], &x, &ta) && operand_raise(vm, args[1], &y, &tb) &&
        operand_raise(vm, args[2], &z, &tc)) {
        gs_Object *r = dec_alloc(vm);
        if (r) {
            Dctx c = dctx_of(self);
            uint32_t st = 0;
            op_fma(&DEC(r)->v, x, y, z, &c, &st);
            res = dec_result(vm, r, self, st);
        }
    }
    dn_clear(&ta);
    dn_clear(&tb);
    dn_clear(&tc);
    return res;
}

/* the predicates and one-operand helpers */
static gs_Object *cx_pred(gs_VM *vm, gs_Object *ctx, gs_Object *v, int which)
{
    Dn t;
    dn_init(&t);
    const Dn *x;
    gs_Object *r = NULL;
    if (operand_raise(vm, v, &x, &t)) {
        bool b = false;
        switch (which) {
        case 0: b = !is_special(x); break;
        case 1: b = is_inf(x); break;
        case 2: b = is_nan(x); break;
        case 3: b = x->kind == DN_QNAN; break;
        case 4: b = x->sign != 0; break;
        case 5: b = x->kind == DN_SNAN; break;
        case 6: b = is_zero(x); break;
        case 7: b = !is_special(x) && !zcoeff(x) && adjexp(x) >= CTXO(ctx)->emin; break;
        default: b = !is_special(x) && !zcoeff(x) && adjexp(x) < CTXO(ctx)->emin; break;
        }
        r = GS_BOOL(vm, b);
    }
    dn_clear(&t);
    return r;
}

#define CXP(name, which) static gs_Object *cx_##name(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return cx_pred(vm, self, args[0], which); }
CXP(is_finite, 0)
CXP(is_infinite, 1)
CXP(is_nan, 2)
CXP(is_qnan, 3)
CXP(is_signed, 4)
CXP(is_snan, 5)
CXP(is_zero, 6)
CXP(is_normal, 7)
CXP(is_subnormal, 8)

static gs_Object *cx_is_canonical(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames); GS_UNUSED(self);
    if (!is_dec(vm, args[0])) {
        gs_raise(vm, vm->e_TypeError, "argument must be a Decimal");
        return NULL;
    }
    return GS_BOOL(vm, true);
}

static gs_Object *cx_canonical(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames); GS_UNUSED(self);
    if (!is_dec(vm, args[0])) {
        gs_raise(vm, vm->e_TypeError, "argument must be a Decimal");
        return NULL;
    }
    return gs_newref(vm, args[0]);
}

static gs_Object *cx_copy1(gs_VM *vm, gs_Object *v, int which)
{
    Dn t;
    dn_init(&t);
    const Dn *x;
    gs_Object *r = NULL;
    if (operand_raise(vm, v, &x, &t) && (r = dec_alloc(vm))) {
        if (which == 0)
            op_copy_abs(&DEC(r)->v, x);
        else if (which == 1)
            op_copy_negate(&DEC(r)->v, x);
        else
            dn_copy(&DEC(r)->v, x);
        dec_done(vm, r);
    }
    dn_clear(&t);
    return r;
}

static gs_Object *cx_copy_abs(GS_ARGS) { GS_UNUSED(self); GS_UNUSED(nargs); GS_UNUSED(kwnames); return cx_copy1(vm, args[0], 0); }
static gs_Object *cx_copy_negate(GS_ARGS) { GS_UNUSED(self); GS_UNUSED(nargs); GS_UNUSED(kwnames); return cx_copy1(vm, args[0], 1); }

static gs_Object *cx_copy_decimal(GS_ARGS)
{
    GS_UNUSED(self); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (is_dec(vm, args[0]))
        return gs_newref(vm, args[0]);
    return cx_copy1(vm, args[0], 2);
}

static gs_Object *cx_number_class(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    Dn t;
    dn_init(&t);
    const Dn *x;
    gs_Object *r = NULL;
    if (operand_raise(vm, args[0], &x, &t)) {
        Dctx c = dctx_of(self);
        r = gs_str_from_cstr(vm, dn_class(x, &c));
    }
    dn_clear(&t);
    return r;
}

static gs_Object *cx_string(gs_VM *vm, gs_Object *ctx, gs_Object *v, bool eng)
{
    Dn t;
    dn_init(&t);
    const Dn *x;
    gs_Object *r = operand_raise(vm, v, &x, &t) ? dn_str_obj(vm, x, CTXO(ctx)->capitals, eng) : NULL;
    dn_clear(&t);
    return r;
}

static gs_Object *cx_to_sci_string(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return cx_string(vm, self, args[0], false); }
static gs_Object *cx_to_eng_string(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return cx_string(vm, self, args[0], true); }

static gs_Object *cx_same_quantum(GS_ARGS)
{
    if (tuple_bind(vm, 2, 2, nargs, kwnames, "function") < 0)
        return NULL;
    gs_Object *argv[1] = { args[1] };
    if (!is_dec(vm, args[0])) {
        Dn t;
        dn_init(&t);
        const Dn *x;
        int ok = operand_raise(vm, args[0], &x, &t);
        dn_clear(&t);
        if (!ok)
            return NULL;
        gs_Object *d = dec_from_object(vm, dstate(vm)->t_dec, args[0], self);
        if (!d)
            return NULL;
        gs_Object *r = m_same_quantum(vm, d, argv, 1, NULL);
        gs_decref(vm, d);
        return r;
    }
    return m_same_quantum(vm, args[0], argv, 1, NULL);
}

static gs_Object *cx_radix(GS_ARGS) { return m_radix(vm, self, args, nargs, kwnames); }

/* ctx.create_decimal(num="0"): the context's rounding applies */
static gs_Object *cx_create_decimal(GS_ARGS)
{
    if (tuple_bind(vm, 0, 1, nargs, kwnames, "create_decimal") < 0)
        return NULL;
    gs_Object *v = nargs ? args[0] : NULL;
    Dctx c = dctx_of(self);
    uint32_t st = 0;
    gs_Object *r;
    if (!v) {
        r = dec_alloc(vm);
        if (!r)
            return NULL;
        finalize(&DEC(r)->v, &c, &st);
        return dec_result(vm, r, self, st);
    }
    if (is_dec(vm, v)) {
        const Dn *x = &DEC(v)->v;
        r = dec_alloc(vm);
        if (!r)
            return NULL;
        if (is_nan(x) && digits(x) > c.prec - c.clamp && mpz_sgn(x->c)) {
            set_error(&DEC(r)->v, S_CONV, &st);
        } else {
            dn_copy(&DEC(r)->v, x);
            finalize(&DEC(r)->v, &c, &st);
        }
        return dec_result(vm, r, self, st);
    }
    if (GS_KIND(v) == GS_K_STR) {
        char *a = numeric_ascii((gs_Str *)v, false, false);
        if (!a)
            return NULL;
        r = dec_alloc(vm);
        if (!r) {
            free(a);
            return NULL;
        }
        dn_from_string(&DEC(r)->v, a, &c, &st);
        free(a);
        return dec_result(vm, r, self, st);
    }
    if (gs_is_intlike(v)) {
        r = dec_alloc(vm);
        if (!r)
            return NULL;
        dn_from_int(vm, &DEC(r)->v, v);
        finalize(&DEC(r)->v, &c, &st);
        return dec_result(vm, r, self, st);
    }
    if (GS_KIND(v) == GS_K_TUPLE || GS_KIND(v) == GS_K_LIST) {
        gs_Object *tup = GS_KIND(v) == GS_K_TUPLE ? gs_newref(vm, v) : gs_tuple_from_iterable(vm, v);
        char *text = tup ? dectuple_text(vm, tup) : NULL;
        gs_xdecref(vm, tup);
        if (!text)
            return NULL;
        r = dec_alloc(vm);
        if (!r) {
            free(text);
            return NULL;
        }
        dn_from_string(&DEC(r)->v, text, &c, &st);
        free(text);
        return dec_result(vm, r, self, st);
    }
    if (GS_KIND(v) == GS_K_FLOAT) {
        if (add_status(vm, self, S_FLOATOP))
            return NULL;
        r = dec_alloc(vm);
        if (!r)
            return NULL;
        dn_from_double(&DEC(r)->v, ((gs_Float *)v)->value);
        c = dctx_of(self);
        finalize(&DEC(r)->v, &c, &st);
        return dec_result(vm, r, self, st);
    }
    gs_raise(vm, vm->e_TypeError, "conversion from %s to Decimal is not supported", gs_type_name(v));
    return NULL;
}

static gs_Object *cx_from_float(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *v = args[0];
    if (!gs_is_intlike(v) && GS_KIND(v) != GS_K_FLOAT) {
        gs_raise(vm, vm->e_TypeError, "argument must be int or float");
        return NULL;
    }
    gs_Object *r = dec_alloc(vm);
    if (!r)
        return NULL;
    if (gs_is_intlike(v))
        dn_from_int(vm, &DEC(r)->v, v);
    else
        dn_from_double(&DEC(r)->v, ((gs_Float *)v)->value);
    Dctx c = dctx_of(self);
    uint32_t st = 0;
    finalize(&DEC(r)->v, &c, &st);
    return dec_result(vm, r, self, st);
}

static gs_Object *cx_apply(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    Dn t;
    dn_init(&t);
    const Dn *x;
    gs_Object *r = NULL;
    if (operand_raise(vm, args[0], &x, &t) && (r = dec_alloc(vm))) {
        Dctx c = dctx_of(self);
        uint32_t st = 0;
        dn_copy(&DEC(r)->v, x);
        finalize(&DEC(r)->v, &c, &st);
        r = dec_result(vm, r, self, st);
    }
    dn_clear(&t);
    return r;
}

static const gs_MethodDef ctx_methods[] = {
    { "__new__", c_new, 0, -1, GS_KW | GS_VARARGS },
    { "__init__", c_init, 0, -1, GS_KW | GS_VARARGS },
    { "__repr__", c_repr, 0, 0, 0 },
    { "abs", cx_abs, 1, 1, 0 },
    { "exp", cx_exp, 1, 1, 0 },
    { "ln", cx_ln, 1, 1, 0 },
    { "log10", cx_log10, 1, 1, 0 },
    { "minus", cx_minus, 1, 1, 0 },
    { "next_minus", cx_next_minus, 1, 1, 0 },
    { "next_plus", cx_next_plus, 1, 1, 0 },
    { "normalize", cx_normalize, 1, 1, 0 },
    { "plus", cx_plus, 1, 1, 0 },
    { "to_integral", cx_to_integral_value, 1, 1, 0 },
    { "to_integral_exact", cx_to_integral_exact, 1, 1, 0 },
    { "to_integral_value", cx_to_integral_value, 1, 1, 0 },
    { "sqrt", cx_sqrt, 1, 1, 0 },
    { "add", cx_add, 0, -1, GS_VARARGS },
    { "compare", cx_compare, 0, -1, GS_VARARGS },
    { "compare_signal", cx_compare_signal, 0, -1, GS_VARARGS },
    { "divide", cx_divide, 0, -1, GS_VARARGS },
    { "divide_int", cx_divide_int, 0, -1, GS_VARARGS },
    { "divmod", cx_divmod, 0, -1, GS_VARARGS },
    { "max", cx_max, 0, -1, GS_VARARGS },
    { "max_mag", cx_max_mag, 0, -1, GS_VARARGS },
    { "min", cx_min, 0, -1, GS_VARARGS },
    { "min_mag", cx_min_mag, 0, -1, GS_VARARGS },
    { "multiply", cx_multiply, 0, -1, GS_VARARGS },
    { "next_toward", cx_next_toward, 0, -1, GS_VARARGS },
    { "quantize", cx_quantize, 0, -1, GS_VARARGS },
    { "remainder", cx_remainder, 0, -1, GS_VARARGS },
    { "remainder_near", cx_remainder_near, 0, -1, GS_VARARGS },
    { "subtract", cx_subtract, 0, -1, GS_VARARGS },
    { "power", cx_power, 0, -1, GS_KW | GS_VARARGS },
    { "fma", cx_fma, 0, -1, GS_VARARGS },
    { "Etiny", c_etiny, 0, 0, 0 },
    { "Etop", c_etop, 0, 0, 0 },
    { "radix", cx_radix, 0, 0, 0 },
    { "is_canonical", cx_is_canonical, 1, 1, 0 },
    { "is_finite", cx_is_finite, 1, 1, 0 },
    { "is_infinite", cx_is_infinite, 1, 1, 0 },
    { "is_nan", cx_is_nan, 1, 1, 0 },
    { "is_normal", cx_is_normal, 1, 1, 0 },
    { "is_qnan", cx_is_qnan, 1, 1, 0 },
    { "is_signed", cx_is_signed, 1, 1, 0 },
    { "is_snan", cx_is_snan, 1, 1, 0 },
    { "is_subnormal", cx_is_subnormal, 1, 1, 0 },
    { "is_zero", cx_is_zero, 1, 1, 0 },
    { "_apply", cx_apply, 1, 1, 0 },
    { "canonical", cx_canonical, 1, 1, 0 },
    { "copy_abs", cx_copy_abs, 1, 1, 0 },
    { "copy_decimal", cx_copy_decimal, 1, 1, 0 },
    { "copy_negate", cx_copy_negate, 1, 1, 0 },
    { "logb", cx_logb, 1, 1, 0 },
    { "logical_invert", cx_logical_invert, 1, 1, 0 },
    { "number_class", cx_number_class, 1, 1, 0 },
    { "to_sci_string", cx_to_sci_string, 1, 1, 0 },
    { "to_eng_string", cx_to_eng_string, 1, 1, 0 },
    { "compare_total", cx_compare_total, 0, -1, GS_VARARGS },
    { "compare_total_mag", cx_compare_total_mag, 0, -1, GS_VARARGS },
    { "copy_sign", cx_copy_sign, 0, -1, GS_VARARGS },
    { "logical_and", cx_logical_and, 0, -1, GS_VARARGS },
    { "logical_or", cx_logical_or, 0, -1, GS_VARARGS },
    { "logical_xor", cx_logical_xor, 0, -1, GS_VARARGS },
    { "rotate", cx_rotate, 0, -1, GS_VARARGS },
    { "same_quantum", cx_same_quantum, 0, -1, GS_VARARGS },
    { "scaleb", cx_scaleb, 0, -1, GS_VARARGS },
    { "shift", cx_shift, 0, -1, GS_VARARGS },
    { "clear_flags", c_clear_flags, 0, 0, 0 },
    { "clear_traps", c_clear_traps, 0, 0, 0 },
    { "__copy__", c_copy, 0, 0, 0 },
    { "__reduce__", c_reduce, 0, 0, 0 },
    { "copy", c_copy, 0, 0, 0 },
    { "create_decimal", cx_create_decimal, 0, -1, GS_VARARGS },
    { "create_decimal_from_float", cx_from_float, 1, 1, 0 },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== SignalDict */

static int sd_check(gs_VM *vm, gs_Object *o)
{
    if (!SD(o)->valid) {
        gs_raise(vm, vm->e_ValueError, "invalid signal dict");
        return -1;
    }
    return 0;
}

static gs_Object *sd_new(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    return gs_native_new(vm, (gs_Type *)self);
}

static gs_Object *sd_getitem(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (sd_check(vm, self) < 0)
        return NULL;
    uint32_t f = signal_flag(vm, args[0]);
    return f ? GS_BOOL(vm, SD(self)->bits & f) : NULL;
}

static gs_Object *sd_setitem(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (sd_check(vm, self) < 0)
        return NULL;
    uint32_t f = signal_flag(vm, args[0]);
    if (!f)
        return NULL;
    int t = gs_truthy(vm, args[1]);
    if (t < 0)
        return NULL;
    if (t)
        SD(self)->bits |= f;
    else
        SD(self)->bits &= ~f;
    return GS_NONE(vm);
}

static gs_Object *sd_delitem(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (sd_check(vm, self) < 0)
        return NULL;
    gs_raise(vm, vm->e_ValueError, "signal keys cannot be deleted");
    return NULL;
}

static gs_Object *sd_len(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    return sd_check(vm, self) < 0 ? NULL : gs_int_new(vm, NSIG);
}

static gs_Object *sd_signal_tuple(gs_VM *vm)
{
    DecState *s = dstate(vm);
    gs_Object *t = gs_tuple_new(vm, NSIG);
    for (int i = 0; t && i < NSIG; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, &s->sig[i]->ob));
    return t;
}

static gs_Object *sd_iter(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (sd_check(vm, self) < 0)
        return NULL;
    gs_Object *t = sd_signal_tuple(vm);
    gs_Object *it = t ? gs_iter(vm, t) : NULL;
    gs_xdecref(vm, t);
    return it;
}

static gs_Object *sd_repr(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (sd_check(vm, self) < 0)
        return NULL;
    gs_Buf b = { 0 };
    gs_buf_addc(&b, '{');
    for (int i = 0; i < NSIG; i++)
        gs_buf_printf(&b, "%s<class 'decimal.%s'>:%s", i ? ", " : "", sig_names[i],
                      (SD(self)->bits & sig_flags[i]) ? "True" : "False");
    gs_buf_addc(&b, '}');
    return gs_buf_to_str(vm, &b);
}

static gs_Object *sd_copy(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (sd_check(vm, self) < 0)
        return NULL;
    DecState *s = dstate(vm);
    gs_Object *d = gs_dict_new(vm);
    for (int i = 0; d && i < NSIG; i++)
        gs_dict_set(vm, d, &s->sig[i]->ob, (SD(self)->bits & sig_flags[i]) ? vm->true_ : vm->false_);
    return d;
}

static gs_Object *sd_cmp(gs_VM *vm, gs_Object *self, gs_Object *w, bool ne)
{
    if (sd_check(vm, self) < 0)
        return NULL;
    DecState *s = dstate(vm);
    uint32_t other;
    if (gs_isinstance(w, s->t_mixin)) {
        if (sd_check(vm, w) < 0)
            return NULL;
        other = SD(w)->bits;
    } else if (GS_KIND(w) == GS_K_DICT) {
        if (flags_of_dict(vm, w, &other) < 0) {
            if (vm->exc && (gs_exc_matches(vm, vm->e_KeyError) || gs_exc_matches(vm, vm->e_TypeError))) {
                gs_clear_exc(vm);
                return notimpl(vm);
            }
            return NULL;
        }
    } else {
        return notimpl(vm);
    }
    return GS_BOOL(vm, (SD(self)->bits == other) != ne);
}

static gs_Object *sd_eq(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return sd_cmp(vm, self, args[0], false); }
static gs_Object *sd_ne(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return sd_cmp(vm, self, args[0], true); }

static const gs_MethodDef sd_methods[] = {
    { "__new__", sd_new, 0, -1, GS_KW },
    { "__getitem__", sd_getitem, 1, 1, 0 },
    { "__setitem__", sd_setitem, 2, 2, 0 },
    { "__delitem__", sd_delitem, 1, 1, 0 },
    { "__len__", sd_len, 0, 0, 0 },
    { "__iter__", sd_iter, 0, 0, 0 },
    { "__repr__", sd_repr, 0, 0, 0 },
    { "__eq__", sd_eq, 1, 1, 0 },
    { "__ne__", sd_ne, 1, 1, 0 },
    { "copy", sd_copy, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== localcontext */

static gs_Object *cm_enter(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (set_current(vm, CM(self)->local) < 0)
        return NULL;
    return gs_newref(vm, CM(self)->local);
}

static gs_Object *cm_exit(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (set_current(vm, CM(self)->global) < 0)
        return NULL;
    return GS_NONE(vm);
}

static const gs_MethodDef cm_methods[] = {
    { "__enter__", cm_enter, 0, 0, 0 },
    { "__exit__", cm_exit, 0, -1, GS_VARARGS },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module's functions */

static gs_Object *f_getcontext(GS_ARGS)
{
    GS_UNUSED(self); GS_UNUSED(args);
    if (gs_noargs(vm, "decimal.getcontext", nargs, kwnames) < 0)
        return NULL;
    gs_Object *c = cur_ctx(vm);
    return c ? gs_newref(vm, c) : NULL;
}

static gs_Object *f_setcontext(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_onearg(vm, "decimal.setcontext", nargs, kwnames) < 0)
        return NULL;
    if (!is_ctx(vm, args[0])) {
        gs_raise(vm, vm->e_TypeError, "argument must be a context");
        return NULL;
    }
    return set_current(vm, args[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *f_localcontext(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "ctx", "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps" };
    gs_Object *global = cur_ctx(vm);
    if (!global)
        return NULL;
    gs_Object *a[9];
    if (va_bind(vm, names, 9, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *local = a[0] && a[0] != vm->none ? a[0] : global;
    if (!is_ctx(vm, local)) {
        gs_raise(vm, vm->e_TypeError, "optional argument must be a context");
        return NULL;
    }
    gs_Object *copy = ctx_copy(vm, local);
    if (!copy || ctx_set_all(vm, copy, a + 1) < 0) {
        gs_xdecref(vm, copy);
        return NULL;
    }
    gs_Object *m = gs_native_new(vm, dstate(vm)->t_cm);
    if (!m) {
        gs_decref(vm, copy);
        return NULL;
    }
    gs_native_set(vm, m, &CM(m)->local, GS_NATIVE_FIELD, copy);
    gs_native_set(vm, m, &CM(m)->global, GS_NATIVE_FIELD + 1, global);
    gs_decref(vm, copy);
    return m;
}

static const gs_MethodDef functions[] = {
    { "getcontext", f_getcontext, 0, -1, GS_KW },
    { "setcontext", f_setcontext, 0, -1, GS_KW },
    { "localcontext", f_localcontext, 0, -1, GS_KW | GS_VARARGS },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module */

/* type(name, bases, {'__module__': module}): a class as CPython's
 * PyErr_NewException and _decimal's type() call make them */
static gs_Type *make_class(gs_VM *vm, const char *name, const char *module, gs_Type **bases, int nb)
{
    gs_Object *ns = gs_dict_new(vm);
    gs_Object *mod = ns ? gs_str_from_cstr(vm, module) : NULL;
    gs_Object *bt = mod ? gs_tuple_new(vm, nb) : NULL;
    gs_Object *nm = bt ? gs_str_intern(vm, name, strlen(name)) : NULL; /* (a class's name: interned) */
    gs_Object *cls = NULL;
    if (nm) {
        for (int i = 0; i < nb; i++)
            gs_tuple_init(vm, bt, i, gs_newref(vm, &bases[i]->ob));
        if (gs_dict_set(vm, ns, &vm->s___module__->ob, mod) == 0) {
            gs_Object *argv[3] = { nm, bt, ns };
            cls = gs_call(vm, &vm->t_type->ob, argv, 3, NULL);
        }
    }
    gs_xdecref(vm, ns);
    gs_xdecref(vm, mod);
    gs_xdecref(vm, bt);
    gs_xdecref(vm, nm);
    if (cls && GS_KIND(cls) != GS_K_TYPE) {
        gs_decref(vm, cls);
        cls = NULL;
    }
    return (gs_Type *)cls;
}

static void add_prop(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc get, gs_CFunc set)
{
    gs_Object *g = gs_builtin_new(vm, name, get, 1, 1, NULL);
    gs_Object *s = g ? gs_builtin_new(vm, name, set, 2, 2, NULL) : NULL;
    gs_Object *d = s ? gs_builtin_new(vm, name, cd_any, 1, 1, NULL) : NULL;
    gs_Object *p = d ? gs_call(vm, &vm->t_property->ob, (gs_Object *[]){ g, s, d }, 3, NULL) : NULL;
    gs_xdecref(vm, g);
    gs_xdecref(vm, s);
    gs_xdecref(vm, d);
    if (p)
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, p);
    gs_xdecref(vm, p);
}

/* the state: the types, the signal classes, DecimalTuple, the templates */
static DecState *make_state(gs_VM *vm)
{
    DecState *s = dstate(vm);
    if (s)
        return s;
    s = calloc(1, sizeof *s);
    if (!s) {
        gs_raise_memory(vm);
        return NULL;
    }
    vm->modstate[GS_MS_DECIMAL] = s;
    vm->runtime_alloc++; /* the interpreter's, not the program's */
    s->t_dec = gs_modtype_new(vm, "decimal.Decimal", vm->t_object, &dec_ops, true);
    s->t_dec->flags &= (uint16_t)~GS_TF_DICT; /* no __dict__ */
    s->t_dec->var_size = dec_size;
    gs_type_add_methods(vm, s->t_dec, dec_methods);
    gs_modtype_add_attr(vm, s->t_dec, "__basicsize__", gs_int_new(vm, 104));
    gs_modtype_add_attr(vm, s->t_dec, "__module__", gs_str_from_cstr(vm, "decimal"));
    gs_modtype_add_attr(vm, s->t_dec, "__doc__", gs_str_from_cstr(vm,
        "Construct a new Decimal object. 'value' can be an integer, string, tuple,\n"
        "or another Decimal object. If no value is given, return Decimal('0'). The\n"
        "context does not affect the conversion and is only passed to determine if\n"
        "the InvalidOperation trap is active.\n\n"));
    gs_type_add_getter(vm, s->t_dec, "real", m_self);
    gs_type_add_getter(vm, s->t_dec, "imag", d_imag);
    gs_type_update_hooks(vm, s->t_dec);
    s->t_ctx = gs_modtype_new(vm, "decimal.Context", vm->t_object, &ctx_ops, true);
    s->t_ctx->flags &= (uint16_t)~GS_TF_DICT;
    gs_type_add_methods(vm, s->t_ctx, ctx_methods);
    gs_modtype_add_attr(vm, s->t_ctx, "__basicsize__", gs_int_new(vm, 96));
    gs_modtype_add_attr(vm, s->t_ctx, "__module__", gs_str_from_cstr(vm, "decimal"));
    gs_modtype_add_attr(vm, s->t_ctx, "__doc__", gs_str_from_cstr(vm,
        "The context affects almost all operations and controls rounding,\n"
        "Over/Underflow, raising of exceptions and much more.  A new context\n"
        "can be constructed as follows:\n\n"
        "    >>> c = Context(prec=28, Emin=-425000000, Emax=425000000,\n"
        "    ...             rounding=ROUND_HALF_EVEN, capitals=1, clamp=1,\n"
        "    ...             traps=[InvalidOperation, DivisionByZero, Overflow],\n"
        "    ...             flags=[])\n"
        "    >>>\n\n\n"));
    static const struct { const char *name; gs_CFunc get, set; } props[] = {
        { "prec", cg_prec, cs_prec },       { "Emax", cg_emax, cs_emax },
        { "Emin", cg_emin, cs_emin },       { "rounding", cg_rounding, cs_rounding },
        { "capitals", cg_capitals, cs_capitals }, { "clamp", cg_clamp, cs_clamp },
        { "traps", cg_traps, cs_traps },    { "flags", cg_flags, cs_flags },
    };
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
        add_prop(vm, s->t_ctx, props[i].name, props[i].get, props[i].set);
    gs_type_update_hooks(vm, s->t_ctx);
    s->t_cm = gs_modtype_new(vm, "decimal.ContextManager", vm->t_object, &cm_ops, false);
    s->t_cm->flags &= (uint16_t)~GS_TF_DICT;
    gs_type_add_methods(vm, s->t_cm, cm_methods);
    gs_modtype_add_attr(vm, s->t_cm, "__basicsize__", gs_int_new(vm, 32));
    s->t_mixin = gs_modtype_new(vm, "decimal.SignalDictMixin", vm->t_object, &sd_ops, true);
    s->t_mixin->flags &= (uint16_t)~GS_TF_DICT;
    gs_type_add_methods(vm, s->t_mixin, sd_methods);
    gs_dict_set(vm, &s->t_mixin->dict->ob, &vm->s___hash__->ob, vm->none);
    gs_modtype_add_attr(vm, s->t_mixin, "__basicsize__", gs_int_new(vm, 24));
    gs_type_update_hooks(vm, s->t_mixin);
    vm->runtime_alloc--;
    return s;
}


gs_Object *gs_module_decimal(gs_VM *vm)
{
    DecState *s = make_state(vm);
    if (!s)
        return NULL;
    /* _decimal imports collections (DecimalTuple) and collections.abc
     * (MutableMapping, SignalDict's base) */
    bool had_collections = gs_module_imported(vm, "collections");
    gs_Object *coll = gs_import(vm, gs_name(vm, "collections"));
    gs_Object *abcm = coll ? gs_import(vm, gs_name(vm, "collections.abc")) : NULL;
    gs_Object *mm = abcm ? gs_getattr(vm, abcm, gs_name(vm, "MutableMapping")) : NULL;
    gs_xdecref(vm, abcm);
    if (!mm) {
        gs_xdecref(vm, coll);
        return NULL;
    }
    if (!s->dectuple) {
        gs_Object *nt = gs_getattr(vm, coll, gs_name(vm, "namedtuple"));
        gs_Object *cargs[3] = { gs_str_intern(vm, "DecimalTuple", 12), gs_str_intern(vm, "sign digits exponent", 20),
                                gs_str_intern(vm, "decimal", 7) };
        gs_Object *kw = gs_tuple_pack(vm, 1, gs_name(vm, "module"));
        if (nt && cargs[0] && cargs[1] && cargs[2] && kw)
            s->dectuple = gs_call(vm, nt, cargs, 3, (gs_Tuple *)kw);
        for (int i = 0; i < 3; i++)
            gs_xdecref(vm, cargs[i]);
        gs_xdecref(vm, kw);
        gs_xdecref(vm, nt);
    }
    gs_decref(vm, coll);
    if (!s->dectuple) {
        gs_decref(vm, mm);
        return NULL;
    }
    if (!s->t_sigdict) {
        gs_Type *bases[2] = { s->t_mixin, (gs_Type *)mm };
        s->t_sigdict = make_class(vm, "SignalDict", "abc", bases, 2);
    }
    gs_decref(vm, mm);
    if (!s->t_sigdict)
        return NULL;
    if (!s->e_base) {
        s->e_base = make_class(vm, "DecimalException", "decimal", &vm->e_ArithmeticError, 1);
        if (!s->e_base)
            return NULL;
        enum { INEXACT = 6, ROUNDED = 7, SUBNORMAL = 5 };
        for (int i = NSIG - 1; i >= 0; i--) {
            gs_Type *bases[3] = { s->e_base, NULL, NULL };
            int nb = 1;
            if (sig_flags[i] == S_FLOATOP) {
                bases[1] = vm->e_TypeError;
                nb = 2;
            } else if (sig_flags[i] == S_DIVZERO) {
                bases[1] = vm->e_ZeroDivisionError;
                nb = 2;
            } else if (sig_flags[i] == S_OVERFLOW) {
                bases[0] = s->sig[INEXACT];
                bases[1] = s->sig[ROUNDED];
                nb = 2;
            } else if (sig_flags[i] == S_UNDERFLOW) {
                bases[0] = s->sig[INEXACT];
                bases[1] = s->sig[ROUNDED];
                bases[2] = s->sig[SUBNORMAL];
                nb = 3;
            }
            s->sig[i] = make_class(vm, sig_names[i], "decimal", bases, nb);
            if (!s->sig[i])
                return NULL;
        }
        for (int i = 0; i < NCOND; i++) {
            gs_Type *bases[2] = { s->sig[0], vm->e_ZeroDivisionError };
            s->cond[i] = make_class(vm, cond_names[i], "decimal", bases, cond_flags[i] == S_DIVUNDEF ? 2 : 1);
            if (!s->cond[i])
                return NULL;
        }
    }
    if (!s->dflt) {
        s->dflt = ctx_make(vm, s->t_ctx);
        s->basic = s->dflt ? ctx_make(vm, s->t_ctx) : NULL;
        s->extended = s->basic ? ctx_make(vm, s->t_ctx) : NULL;
        if (!s->extended)
            return NULL;
        CTXO(s->basic)->prec = 9;
        CTXO(s->basic)->round = R_HALF_UP;
        *ctx_traps(s->basic) |= S_UNDERFLOW | S_CLAMPED;
        CTXO(s->extended)->prec = 9;
        *ctx_traps(s->extended) = 0;
    }
    gs_Object *m = gs_module_new(vm, "decimal");
    if (!m || gs_module_add_functions(vm, m, functions) < 0) {
        gs_xdecref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "Decimal", gs_newref(vm, &s->t_dec->ob));
    gs_module_add(vm, m, "Context", gs_newref(vm, &s->t_ctx->ob));
    gs_module_add(vm, m, "DecimalTuple", gs_newref(vm, s->dectuple));
    gs_module_add(vm, m, "DecimalException", gs_newref(vm, &s->e_base->ob));
    for (int i = 0; i < NSIG; i++)
        gs_module_add(vm, m, sig_names[i], gs_newref(vm, &s->sig[i]->ob));
    for (int i = 0; i < NCOND; i++)
        gs_module_add(vm, m, cond_names[i], gs_newref(vm, &s->cond[i]->ob));
    gs_module_add(vm, m, "DefaultContext", gs_newref(vm, s->dflt));
    gs_module_add(vm, m, "HAVE_CONTEXTVAR", gs_newref(vm, vm->true_));
    gs_module_add(vm, m, "HAVE_THREADS", gs_newref(vm, vm->true_));
    gs_module_add(vm, m, "BasicContext", gs_newref(vm, s->basic));
    gs_module_add(vm, m, "ExtendedContext", gs_newref(vm, s->extended));
    gs_module_add(vm, m, "MAX_PREC", gs_int_new(vm, MAX_PREC));
    gs_module_add(vm, m, "MAX_EMAX", gs_int_new(vm, MAX_EMAX));
    gs_module_add(vm, m, "MIN_EMIN", gs_int_new(vm, MIN_EMIN));
    gs_module_add(vm, m, "MIN_ETINY", gs_int_new(vm, MIN_ETINY));
    for (int i = 0; i < R_TRUNC; i++)
        gs_module_add(vm, m, round_names[i], gs_str_intern(vm, round_names[i], strlen(round_names[i])));
    gs_module_add(vm, m, "__version__", gs_str_from_cstr(vm, "1.70"));
    gs_module_add(vm, m, "__libmpdec_version__", gs_str_from_cstr(vm, "2.5.1"));
    /* CPython runs Lib/decimal.py and _decimal's initialisation, which
     * imports collections, collections.abc and numbers (Number.register):
     * allocations (measured with the collector disabled: 571 after an
     * import of collections, 1,944 with it), objects kept after a full
     * collection (491, 1,163), measured with python3.11; less what the
     * model makes (340 allocations, 452 objects kept; with collections,
     * 1,700 and 648, and collections' own 486 phantoms).  Tuned to what
     * gc.get_count() and gc.collect() show after the import with the
     * collector enabled: 49 fewer allocations count after collections,
     * 32 more with it; of collections' objects left in cycles, 67
     * survive the import's automatic collections (the model's 71 less
     * 4). */
    /* numbers.Number.register(Decimal), as _decimal's initialisation does
     * (the numbers module counts its own import: 267 allocations, 140
     * objects kept, taken off the figures below) */
    gs_Object *nm = gs_import(vm, gs_name(vm, "numbers"));
    gs_Object *num = nm ? gs_getattr(vm, nm, gs_name(vm, "Number")) : NULL;
    gs_Object *reg = num ? gs_getattr(vm, num, gs_name(vm, "register")) : NULL;
    gs_Object *dt = &s->t_dec->ob;
    gs_Object *rr = reg ? gs_call_object(vm, reg, &dt, 1, NULL) : NULL;
    gs_xdecref(vm, rr);
    gs_xdecref(vm, reg);
    gs_xdecref(vm, num);
    gs_xdecref(vm, nm);
    if (!rr) {
        gs_decref(vm, m);
        return NULL;
    }
    if (had_collections)
        gs_gc_import_footprint(vm, 571 - 340 - 49 - 267, 491 - 452 - 140, 0);
    else
        gs_gc_import_footprint(vm, 1944 - 1700 + 32 - 267 - 10, 1163 - 648 - 486 - 140, 67 - 71);
    return m;
}

void gs_decimal_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    DecState *s = dstate(vm);
    if (!s)
        return;
    gs_Object *held[] = { s->t_sigdict ? &s->t_sigdict->ob : NULL, s->e_base ? &s->e_base->ob : NULL, s->dectuple,
                          s->dflt, s->basic, s->extended, s->current };
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++)
        if (held[i])
            count(ctx, held[i]);
    for (int i = 0; i < NSIG; i++)
        if (s->sig[i])
            count(ctx, &s->sig[i]->ob);
    for (int i = 0; i < NCOND; i++)
        if (s->cond[i])
            count(ctx, &s->cond[i]->ob);
}

void gs_decimal_clear(gs_VM *vm)
{
    DecState *s = dstate(vm);
    if (!s)
        return;
    gs_Object **held[] = { &s->current, &s->dflt, &s->basic, &s->extended, &s->dectuple };
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++) {
        gs_Object *o = *held[i];
        *held[i] = NULL;
        gs_xdecref(vm, o);
    }
    gs_Type **types[NSIG + NCOND + 2];
    int n = 0;
    for (int i = 0; i < NSIG; i++)
        types[n++] = &s->sig[i];
    for (int i = 0; i < NCOND; i++)
        types[n++] = &s->cond[i];
    types[n++] = &s->e_base;
    types[n++] = &s->t_sigdict;
    for (int i = 0; i < n; i++) {
        gs_Type *t = *types[i];
        *types[i] = NULL;
        if (t)
            gs_decref(vm, &t->ob);
    }
}

void gs_decimal_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_DECIMAL]); /* the static types themselves are the VM's */
    vm->modstate[GS_MS_DECIMAL] = NULL;
}
