/*
 * bigint.c — ints past 64 bits, on GMP's mpz_t.
 *
 * An int whose value fits in an int64_t is always stored there (gs_Int's
 * value) with no mpz: every fast path that reads ->value stays right.  A
 * bigger one keeps its value in an mpz behind gs_Int's `big` and its
 * `value` saturated (INT64_MAX or INT64_MIN, with the value's sign), so
 * code that only asks "how big, which sign" of an int it cannot take
 * (an index, a count) sees a huge number of the right sign.  Code that
 * computes with ints asks gs_int_is_big first and comes here.
 *
 * What a program can print is CPython 3.11's: floor division and modulo
 * keep the divisor's sign (GMP's fdiv), the bit operations work on two's
 * complement of unbounded width (GMP's and/ior/xor/com do too), true
 * division and int -> float round correctly (round half to even), hash is
 * the value modulo 2**61 - 1, and str() refuses more than 4300 decimal
 * digits as 3.11.2 does (sys.set_int_max_str_digits is not modelled).
 * sys.getsizeof is CPython's: 24 bytes and 4 a 30-bit digit.
 */
#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "opcodes.h"
#include "runtime.h"

/* Results past this many bits raise MemoryError: GMP aborts the process
 * when an allocation fails, and 2**(10**10) would ask for 1.2 GB. */
#define BIG_MAX_BITS ((size_t)1 << 28)

static mpz_ptr big_of(gs_Object *o) { return (mpz_ptr)((gs_Int *)o)->big; }

/* o (an int or a bool) into z, which this initialises */
static void get_mpz(gs_VM *vm, gs_Object *o, mpz_t z)
{
    if (GS_KIND(o) == GS_K_INT && ((gs_Int *)o)->big)
        mpz_init_set(z, big_of(o));
    else
        mpz_init_set_si(z, GS_KIND(o) == GS_K_INT ? (long)((gs_Int *)o)->value : (long)(o == vm->true_));
}

static size_t bits_of(const mpz_t z) { return mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0; }

static gs_Object *too_big(gs_VM *vm)
{
    gs_raise_memory(vm);
    return NULL;
}

/* The int object of z's value; z is cleared (its limbs move into the
 * object when it needs them). */
static gs_Object *from_mpz(gs_VM *vm, mpz_t z)
{
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        mpz_clear(z);
        return gs_int_new(vm, (int64_t)v);
    }
    mpz_ptr keep = malloc(sizeof *keep);
    gs_Int *i = keep ? (gs_Int *)gs_alloc(vm, vm->t_int, sizeof(gs_Int)) : NULL;
    if (!i) {
        free(keep);
        mpz_clear(z);
        if (!vm->exc)
            gs_raise_memory(vm);
        return NULL;
    }
    *keep = *z; /* the limbs change owner: z is not cleared */
    i->big = keep;
    i->value = mpz_sgn(keep) < 0 ? INT64_MIN : INT64_MAX;
    gs_record_alloc(vm, &i->ob);
    return &i->ob;
}

void gs_int_get_mpz(gs_VM *vm, gs_Object *o, void *z) { get_mpz(vm, o, (mpz_ptr)z); }

gs_Object *gs_int_from_mpz(gs_VM *vm, void *z) { return from_mpz(vm, (mpz_ptr)z); }

void gs_big_free(gs_Object *o)
{
    gs_Int *i = (gs_Int *)o;
    if (i->big) {
        mpz_clear(big_of(o));
        free(i->big);
        i->big = NULL;
    }
}

/* ------------------------------------------------------------------ to float */

/* m * 2**exp2 as the nearest double (ties to even), m > 0 and `sticky`
 * saying that m stands for a little more than its value (bits a division
 * dropped).  Returns false when the result is past the largest double. */
static bool round_to_double(const mpz_t m, bool sticky, long exp2, double *out)
{
    size_t n = mpz_sizeinbase(m, 2);
    if (n <= 53 && !sticky) {
        double d = ldexp(mpz_get_d(m), (int)(exp2 < -100000 ? -100000 : exp2 > 100000 ? 100000 : exp2));
        *out = d;
        return isfinite(d);
    }
    /* keep 54 bits (53 and the rounding bit); what is below is sticky */
    long drop = (long)n - 54;
    mpz_t top;
    mpz_init(top);
    if (drop > 0) {
        mpz_tdiv_q_2exp(top, m, (mp_bitcnt_t)drop);
        if (mpz_scan1(m, 0) < (mp_bitcnt_t)drop)
            sticky = true;
    } else
        mpz_mul_2exp(top, m, (mp_bitcnt_t)-drop);
    uint64_t t = mpz_get_ui(top);
    mpz_clear(top);
    uint64_t mant = t >> 1;
    if ((t & 1) && (sticky || (mant & 1)))
        mant++;
    long e = exp2 + drop + 1;
    if (e > 2000)
        return false;
    double d = ldexp((double)mant, (int)(e < -2000 ? -2000 : e));
    *out = d;
    return isfinite(d);
}

int gs_int_to_double(gs_VM *vm, gs_Object *o, double *out)
{
    if (!(GS_KIND(o) == GS_K_INT && ((gs_Int *)o)->big)) {
        *out = GS_KIND(o) == GS_K_INT ? (double)((gs_Int *)o)->value : (double)(o == vm->true_);
        return 0;
    }
    mpz_t m;
    mpz_init(m);
    mpz_abs(m, big_of(o));
    double d;
    bool ok = round_to_double(m, false, 0, &d);
    mpz_clear(m);
    if (!ok) {
        gs_raise(vm, vm->e_OverflowError, "int too large to convert to float");
        return -1;
    }
    *out = mpz_sgn(big_of(o)) < 0 ? -d : d;
    return 0;
}

/* a / b for ints, correctly rounded (long_true_divide) */
static gs_Object *true_divide(gs_VM *vm, mpz_t a, mpz_t b)
{
    if (!mpz_sgn(b)) {
        gs_raise(vm, vm->e_ZeroDivisionError, "division by zero");
        return NULL;
    }
    bool neg = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    mpz_abs(a, a);
    mpz_abs(b, b);
    if (!mpz_sgn(a))
        return gs_float_new(vm, neg ? -0.0 : 0.0);
    size_t na = bits_of(a), nb = bits_of(b);
    if (na <= 53 && nb <= 53) {
        double q = mpz_get_d(a) / mpz_get_d(b);
        return gs_float_new(vm, neg ? -q : q);
    }
    /* scale so that the quotient has at least 55 bits, then divide */
    long shift = 55 + (long)nb - (long)na;
    if (shift > 0)
        mpz_mul_2exp(a, a, (mp_bitcnt_t)shift);
    else if (shift < 0)
        mpz_mul_2exp(b, b, (mp_bitcnt_t)-shift);
    mpz_t q, r;
    mpz_inits(q, r, NULL);
    mpz_tdiv_qr(q, r, a, b);
    double d;
    bool ok = round_to_double(q, mpz_sgn(r) != 0, -shift, &d);
    mpz_clears(q, r, NULL);
    if (!ok) {
        gs_raise(vm, vm->e_OverflowError, "integer division result too large for a float");
        return NULL;
    }
    return gs_float_new(vm, neg ? -d : d);
}

/* ------------------------------------------------------------------ arithmetic */

/* a op b; a and b are the caller's and are cleared here */
static gs_Object *big_op(gs_VM *vm, int op, mpz_t a, mpz_t b)
{
    gs_Object *res = NULL;
    mpz_t r;
    mpz_init(r);
    switch (op) {
    case GS_OP_ADD: mpz_add(r, a, b); goto made;
    case GS_OP_SUB: mpz_sub(r, a, b); goto made;
    case GS_OP_MUL:
        if (bits_of(a) + bits_of(b) > BIG_MAX_BITS)
            goto memory;
        mpz_mul(r, a, b);
        goto made;
    case GS_OP_FLOORDIV:
    case GS_OP_MOD:
        if (!mpz_sgn(b)) {
            gs_raise(vm, vm->e_ZeroDivisionError,
                     op == GS_OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
            goto done;
        }
        if (op == GS_OP_MOD)
            mpz_fdiv_r(r, a, b);
        else
            mpz_fdiv_q(r, a, b);
        goto made;
    case GS_OP_TRUEDIV:
        res = true_divide(vm, a, b);
        goto done;
    case GS_OP_POW: {
        if (mpz_sgn(b) < 0) {
            /* a negative exponent: float ** float */
            mpz_t one;
            mpz_init_set_si(one, 1);
            double x, y;
            if (!mpz_sgn(a)) {
                gs_raise(vm, vm->e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            } else if (mpz_cmpabs(a, one) == 0) {
                res = gs_float_new(vm, mpz_sgn(a) < 0 && mpz_odd_p(b) ? -1.0 : 1.0);
            } else {
                bool okx = round_to_double(a, false, 0, &x), oky = true;
                mpz_t nb;
                mpz_init(nb);
                mpz_neg(nb, b);
                oky = round_to_double(nb, false, 0, &y);
                mpz_clear(nb);
                if (!okx || !oky)
                    gs_raise(vm, vm->e_OverflowError, "int too large to convert to float");
                else {
                    if (mpz_sgn(a) < 0)
                        x = -x;
                    res = gs_float_new(vm, pow(x, -y));
                }
            }
            mpz_clear(one);
            goto done;
        }
        if (mpz_cmpabs_ui(a, 1) <= 0) { /* 0, 1 and -1 to any power */
            if (!mpz_sgn(a))
                mpz_set_si(r, mpz_sgn(b) ? 0 : 1);
            else
                mpz_set_si(r, mpz_sgn(a) < 0 && mpz_odd_p(b) ? -1 : 1);
            goto made;
        }
        if (!mpz_fits_ulong_p(b) || bits_of(a) * mpz_get_ui(b) > BIG_MAX_BITS)
            goto memory;
        mpz_pow_ui(r, a, mpz_get_ui(b));
        goto made;
    }
    case GS_OP_LSHIFT:
    case GS_OP_RSHIFT:
        if (mpz_sgn(b) < 0) {
            gs_raise(vm, vm->e_ValueError, "negative shift count");
            goto done;
        }
        if (op == GS_OP_RSHIFT) {
            if (!mpz_fits_ulong_p(b) || mpz_get_ui(b) >= bits_of(a) + 1)
                mpz_set_si(r, mpz_sgn(a) < 0 ? -1 : 0);
            else
                mpz_fdiv_q_2exp(r, a, mpz_get_ui(b));
            goto made;
        }
        if (!mpz_sgn(a))
            goto made;
        if (!mpz_fits_ulong_p(b) || bits_of(a) + mpz_get_ui(b) > BIG_MAX_BITS)
            goto memory;
        mpz_mul_2exp(r, a, mpz_get_ui(b));
        goto made;
    case GS_OP_BITOR: mpz_ior(r, a, b); goto made;
    case GS_OP_BITXOR: mpz_xor(r, a, b); goto made;
    case GS_OP_BITAND: mpz_and(r, a, b); goto made;
    default: goto done;
    }
memory:
    too_big(vm);
    goto done;
made:
    mpz_clears(a, b, NULL);
    return from_mpz(vm, r);
done:
    mpz_clears(r, a, b, NULL);
    return res;
}

gs_Object *gs_big_binop(gs_VM *vm, int op, gs_Object *x, gs_Object *y)
{
    mpz_t a, b;
    get_mpz(vm, x, a);
    get_mpz(vm, y, b);
    return big_op(vm, op, a, b);
}

gs_Object *gs_big_op64(gs_VM *vm, int op, int64_t x, int64_t y)
{
    mpz_t a, b;
    mpz_init_set_si(a, (long)x);
    mpz_init_set_si(b, (long)y);
    return big_op(vm, op, a, b);
}

gs_Object *gs_big_unary(gs_VM *vm, int which, gs_Object *o)
{
    mpz_t a;
    get_mpz(vm, o, a);
    if (which == GS_BIG_NEG)
        mpz_neg(a, a);
    else if (which == GS_BIG_INVERT)
        mpz_com(a, a);
    else if (which == GS_BIG_ABS)
        mpz_abs(a, a);
    return from_mpz(vm, a);
}

gs_Object *gs_big_powmod(gs_VM *vm, gs_Object *base, gs_Object *exp, gs_Object *mod)
{
    mpz_t b, e, m, r;
    get_mpz(vm, base, b);
    get_mpz(vm, exp, e);
    get_mpz(vm, mod, m);
    mpz_init(r);
    gs_Object *res = NULL;
    if (!mpz_sgn(m)) {
        gs_raise(vm, vm->e_ValueError, "pow() 3rd argument cannot be 0");
    } else if (mpz_sgn(e) < 0 && !mpz_invert(b, b, m)) {
        gs_raise(vm, vm->e_ValueError, "base is not invertible for the given modulus");
    } else {
        mpz_t am;
        mpz_init(am);
        mpz_abs(am, m);
        if (mpz_sgn(e) < 0)
            mpz_neg(e, e);
        mpz_powm(r, b, e, am); /* 0 <= r < |m| */
        if (mpz_sgn(m) < 0 && mpz_sgn(r))
            mpz_add(r, r, m); /* the result takes the modulus's sign */
        mpz_clear(am);
        mpz_clears(b, e, m, NULL);
        return from_mpz(vm, r);
    }
    mpz_clears(b, e, m, r, NULL);
    return res;
}

/* ------------------------------------------------------------------ comparison, hash, size */

int gs_big_compare(gs_VM *vm, gs_Object *x, gs_Object *y)
{
    mpz_t a, b;
    get_mpz(vm, x, a);
    get_mpz(vm, y, b);
    int c = mpz_cmp(a, b);
    mpz_clears(a, b, NULL);
    return c < 0 ? -1 : c > 0;
}

int gs_big_compare_double(gs_VM *vm, gs_Object *x, double d)
{
    mpz_t a;
    get_mpz(vm, x, a);
    int c = mpz_cmp_d(a, d); /* exact, and infinities are allowed */
    mpz_clear(a);
    return c < 0 ? -1 : c > 0;
}

int64_t gs_big_hash(gs_Object *o)
{
    /* CPython: |n| mod (2**61 - 1), with n's sign; -1 becomes -2 */
    const unsigned long P = (1UL << 61) - 1;
    int64_t h = (int64_t)mpz_tdiv_ui(big_of(o), P);
    if (mpz_sgn(big_of(o)) < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

size_t gs_big_sizeof(gs_Object *o)
{
    size_t bits = mpz_sizeinbase(big_of(o), 2);
    return 24 + 4 * ((bits + 29) / 30);
}

int64_t gs_big_bit_length(gs_Object *o) { return (int64_t)mpz_sizeinbase(big_of(o), 2); }

int64_t gs_big_bit_count(gs_Object *o)
{
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, big_of(o));
    int64_t n = (int64_t)mpz_popcount(a);
    mpz_clear(a);
    return n;
}

/* ------------------------------------------------------------------ text */

char *gs_big_digits(gs_VM *vm, gs_Object *o, int base)
{
    mpz_ptr z = big_of(o);
    int64_t limit = vm->max_str_digits;
    if (base == 10 && limit > 0 && mpz_sizeinbase(z, 10) > (size_t)limit) {
        /* sizeinbase may be one too many: count for real */
        char *s = mpz_get_str(NULL, 10, z);
        size_t n = strlen(s) - (s[0] == '-');
        if (n > (size_t)limit) {
            free(s);
            gs_raise(vm, vm->e_ValueError,
                     "Exceeds the limit (%d digits) for integer string conversion; use "
                     "sys.set_int_max_str_digits() to increase the limit",
                     (int)limit);
            return NULL;
        }
        return s;
    }
    char *s = mpz_get_str(NULL, base, z); /* malloc: GMP's default allocator */
    if (!s)
        gs_raise_memory(vm);
    return s;
}

int gs_big_label(const gs_Object *o, char *buf, size_t n)
{
    /* its digits, or the first 24 of them and how many there are */
    char *s = mpz_get_str(NULL, 10, big_of((gs_Object *)o));
    size_t len = strlen(s), nd = len - (s[0] == '-');
    int r = nd <= 40 ? snprintf(buf, n, "%s", s)
                     : snprintf(buf, n, "%.*s… (%zu digits)", (int)(len - nd) + 24, s, nd);
    free(s);
    return r;
}

gs_Object *gs_big_str(gs_VM *vm, gs_Object *o)
{
    char *s = gs_big_digits(vm, o, 10);
    if (!s)
        return NULL;
    gs_Object *r = gs_str_new(vm, s, strlen(s));
    free(s);
    return r;
}

gs_Object *gs_big_from_text(gs_VM *vm, const char *s, size_t len, int base)
{
    /* s was checked by gs_int_from_str: spaces, a sign, a prefix, digits
     * and single underscores between them */
    char *buf = malloc(len + 2);
    if (!buf)
        return too_big(vm);
    size_t n = 0, digits = 0;
    size_t i = 0;
    while (i < len && strchr(" \t\n\r\f\v", s[i]))
        i++;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        if (s[i] == '-')
            buf[n++] = '-';
        i++;
    }
    if (i + 1 < len && s[i] == '0') {
        char c = (char)(s[i + 1] | 0x20);
        if ((c == 'x' && base == 16) || (c == 'o' && base == 8) || (c == 'b' && base == 2))
            i += 2;
    }
    for (; i < len; i++) {
        char c = s[i];
        if (c == '_')
            continue;
        if (strchr(" \t\n\r\f\v", c))
            break;
        buf[n++] = c;
        digits++;
    }
    buf[n] = 0;
    if (base == 10 && vm->max_str_digits > 0 && digits > (size_t)vm->max_str_digits) {
        free(buf);
        gs_raise(vm, vm->e_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; use "
                 "sys.set_int_max_str_digits() to increase the limit",
                 (int)vm->max_str_digits, digits);
        return NULL;
    }
    if (digits * 6 > BIG_MAX_BITS) {
        free(buf);
        return too_big(vm);
    }
    mpz_t z;
    int bad = mpz_init_set_str(z, buf, base);
    free(buf);
    if (bad) {
        mpz_clear(z);
        gs_raise(vm, vm->e_ValueError, "invalid literal for int() with base %d", base);
        return NULL;
    }
    return from_mpz(vm, z);
}

gs_Object *gs_big_from_double(gs_VM *vm, double d)
{
    mpz_t z;
    mpz_init_set_d(z, d); /* truncates, as int(float) does */
    return from_mpz(vm, z);
}

/* ------------------------------------------------------------------ math */

double gs_big_frexp(gs_Object *o, long *e)
{
    signed long exp;
    double d = mpz_get_d_2exp(&exp, big_of(o)); /* 0.5 <= |d| < 1 */
    *e = exp;
    return d;
}

gs_Object *gs_big_factorial(gs_VM *vm, int64_t n)
{
    /* log2(n!) < n * log2(n) */
    double bits = (double)n * log2((double)(n > 2 ? n : 2));
    if (bits > (double)BIG_MAX_BITS)
        return too_big(vm);
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)n);
    return from_mpz(vm, r);
}

gs_Object *gs_big_comb_perm(gs_VM *vm, int64_t n, int64_t k, bool perm)
{
    double bits = (double)k * log2((double)(n > 2 ? n : 2));
    if (bits > (double)BIG_MAX_BITS)
        return too_big(vm);
    mpz_t r;
    mpz_init(r);
    if (perm) {
        mpz_set_ui(r, 1);
        for (int64_t i = 0; i < k; i++)
            mpz_mul_ui(r, r, (unsigned long)(n - i));
    } else
        mpz_bin_uiui(r, (unsigned long)n, (unsigned long)k);
    return from_mpz(vm, r);
}

gs_Object *gs_big_gcd_lcm(gs_VM *vm, gs_Object **args, int nargs, bool lcm)
{
    mpz_t r, x;
    get_mpz(vm, args[0], r);
    mpz_abs(r, r);
    for (int i = 1; i < nargs; i++) {
        get_mpz(vm, args[i], x);
        if (lcm)
            mpz_lcm(r, r, x);
        else
            mpz_gcd(r, r, x);
        mpz_clear(x);
    }
    return from_mpz(vm, r);
}

gs_Object *gs_big_isqrt(gs_VM *vm, gs_Object *o)
{
    mpz_t r;
    get_mpz(vm, o, r);
    if (mpz_sgn(r) < 0) {
        mpz_clear(r);
        gs_raise(vm, vm->e_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    mpz_sqrt(r, r);
    return from_mpz(vm, r);
}

gs_Object *gs_big_round(gs_VM *vm, gs_Object *o, int64_t ndigits)
{
    /* round(x, -n): to a multiple of 10**n, ties to even (long_round) */
    if (ndigits >= 0)
        return gs_newref(vm, o);
    mpz_t x, p, q, r;
    get_mpz(vm, o, x);
    mpz_inits(p, q, r, NULL);
    if (-ndigits > (int64_t)bits_of(x) / 3 + 2) { /* 10**n > |x| * 2: rounds to 0 */
        mpz_clears(x, p, q, r, NULL);
        return gs_int_new(vm, 0);
    }
    mpz_ui_pow_ui(p, 10, (unsigned long)-ndigits);
    mpz_fdiv_qr(q, r, x, p);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(x, p, r, NULL);
    return from_mpz(vm, q);
}

void gs_big_copy_into(gs_Object *dst, const gs_Object *src)
{
    gs_Int *d = (gs_Int *)dst;
    d->value = ((const gs_Int *)src)->value;
    d->big = NULL;
    if (!gs_int_is_big(src))
        return;
    mpz_ptr z = malloc(sizeof *z);
    if (!z)
        return; /* keeps the saturated value */
    mpz_init_set(z, big_of((gs_Object *)src));
    d->big = z;
}

/* The unsigned int of n bytes (little: least significant first), shifted
 * right by `shift` bits: random's getrandbits builds its result so. */
gs_Object *gs_int_from_raw_bytes(gs_VM *vm, const unsigned char *b, size_t n, bool little, size_t shift)
{
    mpz_t z;
    mpz_init(z);
    if (n)
        mpz_import(z, n, little ? -1 : 1, 1, 1, 0, b);
    mpz_fdiv_q_2exp(z, z, shift);
    return from_mpz(vm, z);
}

/* |o|'s bytes, most significant first, at least one (malloc'd; NULL when
 * memory is out): random's seed splits an int so */
unsigned char *gs_int_abs_bytes(gs_VM *vm, gs_Object *o, size_t *n)
{
    mpz_t z;
    get_mpz(vm, o, z);
    mpz_abs(z, z);
    size_t len = (bits_of(z) + 7) / 8;
    unsigned char *b = calloc(len ? len : 1, 1);
    if (b && len)
        mpz_export(b, NULL, 1, 1, 1, 0, z);
    mpz_clear(z);
    *n = len ? len : 1;
    return b;
}

/* ------------------------------------------------------------------ int.to_bytes, int.from_bytes */

static int byteorder_arg(gs_VM *vm, gs_Object *o, bool *little)
{
    *little = false;
    if (!o)
        return 0; /* 'big' by default (3.11) */
    if (GS_KIND(o) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "to_bytes() argument 'byteorder' must be str, not %s", gs_type_name(o));
        return -1;
    }
    const char *s = ((gs_Str *)o)->data;
    if (strcmp(s, "little") == 0)
        *little = true;
    else if (strcmp(s, "big") != 0) {
        gs_raise(vm, vm->e_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

/* byteorder (a[1]) and signed (a[2]) of to_bytes and from_bytes */
static int order_and_sign(gs_VM *vm, gs_Object **a, bool *little, bool *is_signed)
{
    *is_signed = false;
    if (byteorder_arg(vm, a[1], little) < 0)
        return -1;
    if (a[2]) {
        int t = gs_truthy(vm, a[2]);
        if (t < 0)
            return -1;
        *is_signed = t;
    }
    return 0;
}

gs_Object *gs_int_to_bytes_m(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    static const char *const names[] = { "length", "byteorder", "signed" };
    gs_Object *a[3] = { NULL, NULL, NULL };
    if (gs_pyargs(vm, "to_bytes", args, nargs, kwnames, names, 3, 2, 0, a) < 0)
        return NULL;
    int64_t length = 1;
    bool little, is_signed;
    if ((a[0] && gs_as_int(vm, a[0], &length) < 0) || order_and_sign(vm, a, &little, &is_signed) < 0)
        return NULL;
    if (length < 0) {
        gs_raise(vm, vm->e_ValueError, "length argument must be non-negative");
        return NULL;
    }
    mpz_t z, lim;
    get_mpz(vm, self, z);
    if (mpz_sgn(z) < 0 && !is_signed) {
        mpz_clear(z);
        gs_raise(vm, vm->e_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    if ((uint64_t)length * 8 > BIG_MAX_BITS) {
        mpz_clear(z);
        return too_big(vm);
    }
    /* fits in length bytes: unsigned below 2**(8n); signed in [-2**(8n-1), 2**(8n-1)) */
    mpz_init(lim);
    mpz_ui_pow_ui(lim, 2, (unsigned long)(length * 8 - (is_signed && length ? 1 : 0)));
    bool fits = length == 0 ? mpz_sgn(z) == 0 : mpz_sgn(z) >= 0 ? mpz_cmp(z, lim) < 0 : mpz_cmpabs(z, lim) <= 0;
    if (!fits) {
        mpz_clears(z, lim, NULL);
        gs_raise(vm, vm->e_OverflowError, "int too big to convert");
        return NULL;
    }
    if (mpz_sgn(z) < 0) { /* two's complement in length bytes */
        mpz_ui_pow_ui(lim, 2, (unsigned long)(length * 8));
        mpz_add(z, z, lim);
    }
    unsigned char *buf = calloc((size_t)length + 1, 1);
    if (!buf) {
        mpz_clears(z, lim, NULL);
        return too_big(vm);
    }
    size_t count = 0;
    if (mpz_sgn(z)) {
        size_t need = (mpz_sizeinbase(z, 2) + 7) / 8;
        mpz_export(buf + (size_t)length - need, &count, 1, 1, 1, 0, z); /* big-endian, right-aligned */
    }
    if (little)
        for (int64_t i = 0; i < length / 2; i++) {
            unsigned char t = buf[i];
            buf[i] = buf[length - 1 - i];
            buf[length - 1 - i] = t;
        }
    mpz_clears(z, lim, NULL);
    gs_Object *r = gs_bytes_new(vm, (const char *)buf, (size_t)length);
    free(buf);
    return r;
}

gs_Object *gs_int_from_bytes_m(gs_VM *vm, gs_Object *cls, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    static const char *const names[] = { "bytes", "byteorder", "signed" };
    gs_Object *a[3] = { NULL, NULL, NULL };
    if (gs_pyargs(vm, "from_bytes", args, nargs, kwnames, names, 3, 2, 1, a) < 0)
        return NULL;
    bool little, is_signed;
    if (order_and_sign(vm, a, &little, &is_signed) < 0)
        return NULL;
    /* bytes, or what bytes() makes of it (a bytearray, a list of ints) */
    gs_Object *b = GS_KIND(a[0]) == GS_K_BYTES ? gs_newref(vm, a[0]) : gs_call_object(vm, &vm->t_bytes->ob, &a[0], 1, NULL);
    if (!b)
        return NULL;
    const unsigned char *p = (const unsigned char *)((gs_Bytes *)b)->data;
    size_t n = (size_t)((gs_Bytes *)b)->len;
    mpz_t z;
    mpz_init(z);
    if (n)
        mpz_import(z, n, little ? -1 : 1, 1, 1, 0, p);
    if (is_signed && n && (p[little ? n - 1 : 0] & 0x80)) {
        mpz_t lim;
        mpz_init(lim);
        mpz_ui_pow_ui(lim, 2, (unsigned long)(n * 8));
        mpz_sub(z, z, lim);
        mpz_clear(lim);
    }
    gs_decref(vm, b);
    gs_Object *r = from_mpz(vm, z);
    if (r && cls != &vm->t_int->ob) { /* a subclass: cls(the int) */
        gs_Object *o = gs_call_object(vm, cls, &r, 1, NULL);
        gs_decref(vm, r);
        r = o;
    }
    return r;
}
