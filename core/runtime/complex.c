/*
 * complex.c — complex objects: construction (literals, complex(real, imag),
 * complex('1+2j')), arithmetic with ints and floats, ==, hash, repr, the
 * attributes real / imag and conjugate(), and format().
 *
 * A complex is two doubles and nothing else: not a container, never
 * tracked, 32 bytes in sys.getsizeof (CPython's PyComplexObject).  The
 * algorithms are CPython 3.11's (Objects/complexobject.c): Smith's division,
 * pow() by repeated squaring for small integral exponents, the polar form
 * otherwise, and the same errors ("complex division by zero", "0.0 to a
 * negative or complex power", "complex exponentiation").
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>

#include "opcodes.h"
#include "runtime.h"

gs_Object *gs_complex_new(gs_VM *vm, double real, double imag)
{
    gs_Complex *z = (gs_Complex *)gs_alloc(vm, vm->t_complex, sizeof(gs_Complex));
    if (!z)
        return NULL;
    z->real = real;
    z->imag = imag;
    return &z->ob;
}

/* ================================================================== repr */

/* repr()'s 'r' format without Py_DTSF_ADD_DOT_0: 1.0 is "1", 1e16 "1e+16" */
static void part_into(gs_Buf *b, double v, bool sign)
{
    if (sign && (isnan(v) || !signbit(v))) /* NaN is never signed */
        gs_buf_addc(b, '+');
    if (isnan(v)) {
        gs_buf_adds(b, "nan");
        return;
    }
    size_t at = b->len;
    gs_float_repr_into(b, v);
    if (b->len >= at + 2 && memcmp(b->data + b->len - 2, ".0", 2) == 0)
        b->len -= 2;
}

static void repr_into(gs_Buf *b, double re, double im)
{
    if (re == 0.0 && !signbit(re)) { /* real part +0: the imaginary part alone, no parentheses */
        part_into(b, im, false);
        gs_buf_addc(b, 'j');
        return;
    }
    gs_buf_addc(b, '(');
    part_into(b, re, false);
    part_into(b, im, true);
    gs_buf_adds(b, "j)");
}

gs_Object *gs_complex_repr(gs_VM *vm, gs_Object *o)
{
    gs_Complex *z = (gs_Complex *)o;
    gs_Buf b;
    gs_buf_init(&b);
    repr_into(&b, z->real, z->imag);
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== hash */

int64_t gs_complex_hash(gs_VM *vm, gs_Object *o)
{
    GS_UNUSED(vm);
    gs_Complex *z = (gs_Complex *)o;
    uint64_t hr = (uint64_t)gs_hash_double(o, z->real), hi = (uint64_t)gs_hash_double(o, z->imag);
    /* complex_hash: real + 1000003 * imag, wrapping as unsigned */
    int64_t h = (int64_t)(hr + 1000003ULL * hi);
    return h == -1 ? -2 : h;
}

/* ================================================================== arithmetic */

typedef struct { double re, im; } C;

/* an int, bool, float or complex as a complex; false for anything else */
static bool to_c(gs_VM *vm, gs_Object *o, C *out)
{
    switch (GS_KIND(o)) {
    case GS_K_COMPLEX: out->re = ((gs_Complex *)o)->real; out->im = ((gs_Complex *)o)->imag; return true;
    case GS_K_FLOAT: out->re = ((gs_Float *)o)->value; out->im = 0.0; return true;
    case GS_K_INT:
        out->im = 0.0;
        if (gs_int_is_big(o) && gs_int_to_double(vm, o, &out->re) < 0) {
            gs_clear_exc(vm); /* past the largest float: an infinity */
            out->re = ((gs_Int *)o)->value < 0 ? -HUGE_VAL : HUGE_VAL;
        } else if (!gs_int_is_big(o))
            out->re = (double)((gs_Int *)o)->value;
        return true;
    case GS_K_BOOL: out->re = o == vm->true_ ? 1.0 : 0.0; out->im = 0.0; return true;
    default: return false;
    }
}

static C c_prod(C a, C b) { return (C){ a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re }; }

/* _Py_c_quot: Smith's algorithm; *edom set on division by zero.  Kept
 * out of line, as CPython's is: where both terms of a sum are NaNs, the
 * order the compiler gives them decides the sign of the NaN that comes
 * out (math.copysign shows it), and inlined into gs_complex_quot it came
 * out as the other one. */
__attribute__((noinline)) static C c_quot(C a, C b, bool *edom)
{
    double abr = fabs(b.re), abi = fabs(b.im);
    if (abr >= abi) {
        if (abr == 0.0) {
            *edom = true;
            return (C){ 0.0, 0.0 };
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (C){ (a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom };
    }
    if (abi >= abr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (C){ (a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom };
    }
    return (C){ NAN, NAN }; /* a NaN in b */
}

bool gs_complex_quot(double a_re, double a_im, double b_re, double b_im, double *re, double *im)
{
    bool edom = false;
    C r = c_quot((C){ a_re, a_im }, (C){ b_re, b_im }, &edom);
    *re = r.re;
    *im = r.im;
    return !edom;
}

static C c_pow(C a, C b, bool *edom)
{
    if (b.re == 0.0 && b.im == 0.0)
        return (C){ 1.0, 0.0 };
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            *edom = true;
        return (C){ 0.0, 0.0 };
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (C){ len * cos(phase), len * sin(phase) };
}

static C c_powu(C x, long n)
{
    C r = { 1.0, 0.0 }, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

gs_Object *gs_complex_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    C x, y, r;
    if (!to_c(vm, a, &x) || !to_c(vm, b, &y))
        return gs_newref(vm, vm->notimpl);
    bool edom = false;
    switch (op) {
    case GS_OP_ADD: r = (C){ x.re + y.re, x.im + y.im }; break;
    case GS_OP_SUB: r = (C){ x.re - y.re, x.im - y.im }; break;
    case GS_OP_MUL: r = c_prod(x, y); break;
    case GS_OP_TRUEDIV:
        r = c_quot(x, y, &edom);
        if (edom) {
            gs_raise(vm, vm->e_ZeroDivisionError, "complex division by zero");
            return NULL;
        }
        break;
    case GS_OP_POW:
        /* a small integral exponent: repeated squaring (more accurate) */
        if (y.im == 0.0 && y.re == floor(y.re) && fabs(y.re) <= 100.0) {
            long n = (long)y.re;
            r = n > 0 ? c_powu(x, n) : c_quot((C){ 1.0, 0.0 }, c_powu(x, -n), &edom);
        } else
            r = c_pow(x, y, &edom);
        if (edom) {
            gs_raise(vm, vm->e_ZeroDivisionError, "0.0 to a negative or complex power");
            return NULL;
        }
        if (isinf(r.re) || isinf(r.im)) {
            gs_raise(vm, vm->e_OverflowError, "complex exponentiation");
            return NULL;
        }
        break;
    default:
        return gs_newref(vm, vm->notimpl); /* //, %, <<, @ ...: the caller's "unsupported operand" */
    }
    return gs_complex_new(vm, r.re, r.im);
}

/* complex_richcompare: == and != only (an int is compared with the real
 * part when the imaginary part is 0); ordering is NotImplemented */
gs_Object *gs_complex_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (op != GS_CMP_EQ && op != GS_CMP_NE)
        return gs_newref(vm, vm->notimpl);
    if (GS_KIND(a) != GS_K_COMPLEX) { /* the reflected comparison */
        gs_Object *t = a;
        a = b;
        b = t;
    }
    C x = { 0.0, 0.0 }, y;
    if (!to_c(vm, b, &y))
        return gs_newref(vm, vm->notimpl);
    to_c(vm, a, &x);
    bool eq = x.re == y.re && x.im == y.im;
    return GS_BOOL(vm, eq == (op == GS_CMP_EQ));
}

/* ================================================================== complex(...) */

/* PyOS_string_to_double's grammar at s: a float literal, inf, infinity or
 * nan (any case, with a sign); its length, 0 if none */
static size_t float_prefix(const char *s, double *out)
{
    size_t i = 0;
    if (s[i] == '+' || s[i] == '-')
        i++;
    static const char *words[] = { "infinity", "inf", "nan" };
    for (int w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if (strncasecmp(s + i, words[w], n) == 0) {
            double v = w == 2 ? NAN : INFINITY;
            *out = s[0] == '-' ? -v : v;
            return i + n;
        }
    }
    size_t digits = 0;
    while (isdigit((unsigned char)s[i])) {
        i++;
        digits++;
    }
    if (s[i] == '.') {
        i++;
        while (isdigit((unsigned char)s[i])) {
            i++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1;
        if (s[j] == '+' || s[j] == '-')
            j++;
        if (isdigit((unsigned char)s[j])) {
            while (isdigit((unsigned char)s[j]))
                j++;
            i = j;
        }
    }
    char tmp[512];
    if (i >= sizeof tmp)
        return 0;
    memcpy(tmp, s, i);
    tmp[i] = 0;
    *out = strtod(tmp, NULL);
    return i;
}

/* complex_from_string_inner; underscores between digits are allowed as in
 * a literal (they are dropped first) */
static gs_Object *complex_from_str(gs_VM *vm, gs_Str *str)
{
    gs_Buf clean;
    gs_buf_init(&clean);
    const char *d = str->data;
    bool bad = false;
    for (int32_t k = 0; k < str->len; k++) {
        if (d[k] == '_') {
            if (k == 0 || k + 1 >= str->len || !isdigit((unsigned char)d[k - 1]) || !isdigit((unsigned char)d[k + 1]))
                bad = true;
            continue;
        }
        if (d[k] == 0)
            bad = true;
        gs_buf_addc(&clean, d[k]);
    }
    gs_buf_addc(&clean, 0);
    const char *s = clean.data;
    double x = 0.0, y = 0.0, z;
    bool bracket = false;
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '(') {
        bracket = true;
        s++;
        while (isspace((unsigned char)*s))
            s++;
    }
    size_t n = float_prefix(s, &z);
    if (n) {
        s += n;
        if (*s == '+' || *s == '-') {
            x = z;
            size_t m = float_prefix(s, &y);
            if (m)
                s += m;
            else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (*s != 'j' && *s != 'J')
                bad = true;
            else
                s++;
        } else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        } else
            x = z;
    } else {
        if (*s == '+' || *s == '-') {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        } else
            y = 1.0;
        if (*s != 'j' && *s != 'J')
            bad = true;
        else
            s++;
    }
    while (!bad && isspace((unsigned char)*s))
        s++;
    if (!bad && bracket) {
        if (*s != ')')
            bad = true;
        else {
            s++;
            while (isspace((unsigned char)*s))
                s++;
        }
    }
    if (!bad && *s)
        bad = true;
    gs_buf_free(&clean);
    if (bad) {
        gs_raise(vm, vm->e_ValueError, "complex() arg is a malformed string");
        return NULL;
    }
    return gs_complex_new(vm, x, y);
}

static bool is_number(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    return k == GS_K_INT || k == GS_K_BOOL || k == GS_K_FLOAT || k == GS_K_COMPLEX;
}

/* what complex() takes as a number: the built-in ones, and objects whose
 * class has __float__ or __index__ (CPython's nb_float / nb_index) */
static bool number_like(gs_VM *vm, gs_Object *o)
{
    return is_number(o) || (gs_dispatches(o) && (gs_type_lookup(o->type, gs_name(vm, "__float__")) ||
                                                 gs_type_lookup(o->type, gs_name(vm, "__index__"))));
}

/* a number_like argument as a complex: float() of what is no built-in number */
static int part_of(gs_VM *vm, gs_Object *o, C *out)
{
    /* (a class derived from float or int may define __float__) */
    if (GS_KIND(o) == GS_K_COMPLEX || (is_number(o) && !(o->type->flags & GS_TF_HEAP)))
        return to_c(vm, o, out) ? 0 : -1;
    gs_Object *f = gs_float_from_object(vm, o);
    if (!f)
        return -1;
    out->re = ((gs_Float *)f)->value;
    out->im = 0.0;
    gs_decref(vm, f);
    return 0;
}

static gs_Object *complex_new_m(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "real", "imag" };
    gs_Object *p[2];
    if (gs_npos(nargs, kwnames) > 2) {
        gs_raise(vm, vm->e_TypeError, "complex() takes at most 2 arguments (%d given)", nargs);
        return NULL;
    }
    for (int k = 0; kwnames && k < kwnames->len; k++) {
        gs_Str *kn = (gs_Str *)kwnames->items[k];
        if (strcmp(kn->data, "real") != 0 && strcmp(kn->data, "imag") != 0) {
            gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for complex()", kn->data);
            return NULL;
        }
    }
    if (gs_pyargs(vm, "complex", args, nargs, kwnames, names, 2, 2, 0, p) < 0)
        return NULL;
    gs_Object *r = p[0], *i = p[1];
    if (!r)
        r = vm->small_ints[5]; /* 0 */
    if (GS_KIND(r) == GS_K_COMPLEX && !i && r->type == vm->t_complex)
        return gs_newref(vm, r);
    if (GS_KIND(r) == GS_K_STR) {
        if (i) {
            gs_raise(vm, vm->e_TypeError, "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_from_str(vm, (gs_Str *)r);
    }
    if (i && GS_KIND(i) == GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    /* a class's __complex__ (numbers.Real gives one) */
    gs_Object *own_r = NULL;
    gs_Object *cm = gs_dispatches(r) ? gs_type_lookup(r->type, gs_name(vm, "__complex__")) : NULL;
    if (cm) {
        own_r = gs_call_object(vm, cm, &r, 1, NULL);
        if (!own_r)
            return NULL;
        if (GS_KIND(own_r) != GS_K_COMPLEX) {
            gs_raise(vm, vm->e_TypeError, "__complex__ returned non-complex (type %s)", gs_type_name(own_r));
            gs_decref(vm, own_r);
            return NULL;
        }
        r = own_r;
    }
    if (!number_like(vm, r)) {
        gs_raise(vm, vm->e_TypeError, "complex() first argument must be a string or a number, not '%s'",
                 gs_type_name(r));
        gs_xdecref(vm, own_r);
        return NULL;
    }
    if (i && !number_like(vm, i)) {
        gs_raise(vm, vm->e_TypeError, "complex() second argument must be a number, not '%s'", gs_type_name(i));
        gs_xdecref(vm, own_r);
        return NULL;
    }
    C cr, ci = { 0.0, 0.0 };
    bool r_complex = GS_KIND(r) == GS_K_COMPLEX;
    int ok = part_of(vm, r, &cr);
    gs_xdecref(vm, own_r);
    if (ok < 0 || (i && part_of(vm, i, &ci) < 0))
        return NULL;
    if (!i)
        ci.re = cr.im;
    /* real + imag * 1j, for parts that are complex themselves */
    if (i && GS_KIND(i) == GS_K_COMPLEX)
        cr.re -= ci.im;
    if (r_complex && i)
        ci.re += cr.im;
    return gs_complex_new(vm, cr.re, ci.re);
}

/* ================================================================== attributes and methods */

static gs_Object *m_conjugate(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Complex *z = (gs_Complex *)self;
    return gs_complex_new(vm, z->real, -z->imag);
}

static gs_Object *m_getnewargs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Complex *z = (gs_Complex *)self;
    gs_Object *a = gs_float_new(vm, z->real), *b = gs_float_new(vm, z->imag);
    gs_Object *t = a && b ? gs_tuple_pack(vm, 2, a, b) : NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return t;
}

/* format(z, spec): CPython's format_complex_internal for the specs people
 * write ('', '.2f', '>20', '+.3e' ...): both parts formatted as floats
 * with the same spec, the result padded as a whole.  With no type the
 * parts are repr-like and the parentheses stay (unless the real part is
 * +0 and no precision was asked for, as repr). */
gs_Object *gs_complex_format(gs_VM *vm, gs_Object *o, gs_Str *specs)
{
    gs_Complex *z = (gs_Complex *)o;
    const char *s = specs->data;
    if (specs->len == 0)
        return gs_complex_repr(vm, o);
    /* [[fill]align][sign][z][#][0][width][,|_][.precision][type] */
    char fill = ' ', align = 0, sign = 0, type = 0;
    int width = -1, prec = -1;
    const char *p = s;
    if (p[0] && p[1] && strchr("<>^=", p[1])) {
        fill = p[0];
        align = p[1];
        p += 2;
    } else if (p[0] && strchr("<>^=", p[0])) {
        align = p[0];
        p++;
    }
    if (*p == '+' || *p == '-' || *p == ' ')
        sign = *p++;
    bool zero = false;
    if (*p == '0') {
        zero = true;
        p++;
    }
    if (isdigit((unsigned char)*p)) {
        width = 0;
        while (isdigit((unsigned char)*p))
            width = width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
        p++;
        prec = 0;
        while (isdigit((unsigned char)*p))
            prec = prec * 10 + (*p++ - '0');
    }
    if (*p && strchr("eEfFgGn", *p))
        type = *p++;
    if (*p) {
        gs_raise(vm, vm->e_ValueError, "Unknown format code '%c' for object of type 'complex'", *p);
        return NULL;
    }
    if (zero) {
        gs_raise(vm, vm->e_ValueError, "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (align == '=') {
        gs_raise(vm, vm->e_ValueError, "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    bool parens = false, skip_re = false;
    if (!type) {
        /* like repr (a precision uses 'g'), parentheses around both parts */
        if (z->real == 0.0 && !signbit(z->real))
            skip_re = true;
        else
            parens = true;
    }
    char t = type ? type : 'g';
    if (t == 'n')
        t = 'g';
    char re_s[400], im_s[400];
    if (!type && prec < 0) {
        gs_Buf r1, r2;
        gs_buf_init(&r1);
        gs_buf_init(&r2);
        part_into(&r1, z->real, false);
        part_into(&r2, z->imag, false);
        gs_buf_addc(&r1, 0);
        gs_buf_addc(&r2, 0);
        snprintf(re_s, sizeof re_s, "%s", r1.data);
        snprintf(im_s, sizeof im_s, "%s", r2.data);
        gs_buf_free(&r1);
        gs_buf_free(&r2);
    } else {
        char f[16];
        snprintf(f, sizeof f, "%%.%d%c", prec < 0 ? 6 : prec, t);
        snprintf(re_s, sizeof re_s, f, fabs(z->real));
        snprintf(im_s, sizeof im_s, f, fabs(z->imag));
        if (isnan(z->real))
            snprintf(re_s, sizeof re_s, "%s", t >= 'a' ? "nan" : "NAN");
        if (isnan(z->imag))
            snprintf(im_s, sizeof im_s, "%s", t >= 'a' ? "nan" : "NAN");
    }
    if (parens)
        gs_buf_addc(&b, '(');
    if (!skip_re) {
        bool neg = signbit(z->real) && !isnan(z->real);
        if (neg && re_s[0] != '-')
            gs_buf_addc(&b, '-');
        else if (!neg && sign == '+')
            gs_buf_addc(&b, '+');
        else if (!neg && sign == ' ')
            gs_buf_addc(&b, ' ');
        gs_buf_adds(&b, re_s);
    }
    {
        bool neg = signbit(z->imag) && !isnan(z->imag);
        if (neg && im_s[0] != '-')
            gs_buf_addc(&b, '-');
        else if (!neg && (!skip_re || sign == '+'))
            gs_buf_addc(&b, '+');
        else if (!neg && sign == ' ')
            gs_buf_addc(&b, ' ');
        gs_buf_adds(&b, im_s);
    }
    gs_buf_addc(&b, 'j');
    if (parens)
        gs_buf_addc(&b, ')');
    if (width > 0 && (size_t)width > b.len) {
        size_t padn = (size_t)width - b.len;
        if (!align)
            align = '>';
        size_t left = align == '>' ? padn : align == '^' ? padn / 2 : 0, right = padn - left;
        gs_Buf o2;
        gs_buf_init(&o2);
        for (size_t k = 0; k < left; k++)
            gs_buf_addc(&o2, fill);
        gs_buf_add(&o2, b.data, b.len);
        for (size_t k = 0; k < right; k++)
            gs_buf_addc(&o2, fill);
        gs_buf_free(&b);
        return gs_buf_to_str(vm, &o2);
    }
    return gs_buf_to_str(vm, &b);
}

static const gs_MethodDef complex_methods[] = {
    { "__new__", complex_new_m, 0, -1, GS_KW },
    { "conjugate", m_conjugate, 0, 0, 0 },
    { "__getnewargs__", m_getnewargs, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

void gs_complex_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_complex, complex_methods); }
