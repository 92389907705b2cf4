/*
 * number.c — int and float objects, arithmetic and comparison for every
 * type (numbers, sequences, and instances through their dunder methods).
 *
 * Ints are 64-bit here; a result that does not fit goes on in bigint.c
 * (GMP), as CPython's unbounded ints do.
 */
#include <ctype.h>
#include <inttypes.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <strings.h>

#include "opcodes.h"
#include "runtime.h"

/* ================================================================== constructors */

gs_Object *gs_int_new(gs_VM *vm, int64_t v)
{
    if (v >= -5 && v <= 256 && vm->small_ints[v + 5])
        return gs_newref(vm, vm->small_ints[v + 5]);
    gs_Int *i;
    if (vm->free_ints && vm->heap_bytes + sizeof(gs_Int) <= vm->heap_limit) {
        /* The int free list: reuse without going back to malloc. */
        i = (gs_Int *)vm->free_ints;
        vm->free_ints = i->ob.gc_next;
        memset(&i->ob, 0, sizeof i->ob);
        vm->heap_bytes += sizeof(gs_Int);
        i->ob.refcnt = 1;
        i->ob.type = vm->t_int;
        i->ob.kind = GS_K_INT;
        i->ob.id = ++vm->next_id;
        if (vm->objtab)
            gs_objtab_set(vm, i->ob.id, &i->ob);
    } else {
        i = (gs_Int *)gs_alloc(vm, vm->t_int, sizeof(gs_Int));
        if (!i)
            return NULL;
    }
    i->value = v;
    i->big = NULL;
    if (vm->recording)
        gs_record_alloc(vm, &i->ob);
    else {
        vm->events++;
        if (vm->tm)
            gs_tm_object(vm, &i->ob);
    }
    return &i->ob;
}

gs_Object *gs_float_new(gs_VM *vm, double v)
{
    gs_Float *f = (gs_Float *)gs_alloc(vm, vm->t_float, sizeof(gs_Float));
    if (!f)
        return NULL;
    f->value = v;
    gs_record_alloc(vm, &f->ob);
    return &f->ob;
}

/* ================================================================== float repr */

/* Shortest repr that round-trips, in CPython's layout: 1.0, 0.1, 1e+16,
 * 1.5e-07, inf, nan. */
void gs_float_repr_into(gs_Buf *b, double v)
{
    if (isnan(v)) {
        gs_buf_adds(b, "nan");
        return;
    }
    if (isinf(v)) {
        gs_buf_adds(b, v < 0 ? "-inf" : "inf");
        return;
    }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    /* buf is d.ddde[+-]XX; split mantissa digits and exponent */
    char digits[32];
    int nd = 0;
    const char *p = buf;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = 0;
    if (neg)
        gs_buf_addc(b, '-');
    int decpt = exp + 1; /* position of the decimal point relative to digits */
    if (-4 < decpt && decpt <= 16) {
        if (decpt <= 0) {
            gs_buf_adds(b, "0.");
            for (int i = 0; i < -decpt; i++)
                gs_buf_addc(b, '0');
            gs_buf_add(b, digits, (size_t)nd);
        } else if (decpt >= nd) {
            gs_buf_add(b, digits, (size_t)nd);
            for (int i = nd; i < decpt; i++)
                gs_buf_addc(b, '0');
            gs_buf_adds(b, ".0");
        } else {
            gs_buf_add(b, digits, (size_t)decpt);
            gs_buf_addc(b, '.');
            gs_buf_add(b, digits + decpt, (size_t)(nd - decpt));
        }
    } else {
        gs_buf_addc(b, digits[0]);
        if (nd > 1) {
            gs_buf_addc(b, '.');
            gs_buf_add(b, digits + 1, (size_t)(nd - 1));
        }
        gs_buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
}

gs_Object *gs_float_repr(gs_VM *vm, double v)
{
    gs_Buf b;
    gs_buf_init(&b);
    gs_float_repr_into(&b, v);
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== int parsing */

int gs_int_from_str(gs_VM *vm, const char *s, size_t len, int base, int64_t *out)
{
    GS_UNUSED(vm);
    size_t i = 0, n = len;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v'))
        i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r' ||
                     s[n - 1] == '\f' || s[n - 1] == '\v'))
        n--;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (base == 0 || base == 16 || base == 8 || base == 2) {
        if (i + 1 < n && s[i] == '0') {
            char c = (char)(s[i + 1] | 0x20);
            int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
            if (pb && (base == 0 || base == pb)) {
                base = pb;
                i += 2;
                if (i < n && s[i] == '_')
                    i++;
            }
        }
        if (base == 0)
            base = 10;
    }
    if (i >= n)
        return -1;
    uint64_t acc = 0;
    bool any = false, prev_us = false, big = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_') {
            if (!any || prev_us)
                return -1;
            prev_us = true;
            continue;
        }
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'z')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z')
            d = c - 'A' + 10;
        else
            return -1;
        if (d >= base)
            return -1;
        if (big || acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            big = true; /* the rest is still checked */
        else
            acc = acc * (uint64_t)base + (uint64_t)d;
        any = true;
        prev_us = false;
    }
    if (prev_us || !any)
        return -1;
    if (big)
        return -2;
    if (neg) {
        if (acc > (uint64_t)INT64_MAX + 1)
            return -2;
        *out = (int64_t)(0 - acc);
    } else {
        if (acc > (uint64_t)INT64_MAX)
            return -2;
        *out = (int64_t)acc;
    }
    return 0;
}

/* The base int(text, 0) reads text in: its prefix's (text checked) */
static int gs_int_text_base(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && strchr(" \t\n\r\f\v+-", s[i]))
        i++;
    if (i + 1 < n && s[i] == '0') {
        char c = (char)(s[i + 1] | 0x20);
        return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
    }
    return 10;
}

/* ================================================================== arithmetic */

static const char *op_symbol(int op, bool inplace)
{
    static const char *syms[] = { "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&" };
    static const char *isyms[] = { "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=" };
    return inplace ? isyms[op] : syms[op];
}

static const char *op_dunder(int op, int which)
{
    static const char *names[][3] = {
        { "__add__", "__radd__", "__iadd__" }, { "__sub__", "__rsub__", "__isub__" },
        { "__mul__", "__rmul__", "__imul__" }, { "__matmul__", "__rmatmul__", "__imatmul__" },
        { "__truediv__", "__rtruediv__", "__itruediv__" }, { "__floordiv__", "__rfloordiv__", "__ifloordiv__" },
        { "__mod__", "__rmod__", "__imod__" }, { "__pow__", "__rpow__", "__ipow__" },
        { "__lshift__", "__rlshift__", "__ilshift__" }, { "__rshift__", "__rrshift__", "__irshift__" },
        { "__or__", "__ror__", "__ior__" }, { "__xor__", "__rxor__", "__ixor__" },
        { "__and__", "__rand__", "__iand__" },
    };
    return names[op][which];
}

static gs_Object *int_op(gs_VM *vm, int op, int64_t a, int64_t b)
{
    int64_t r;
    switch (op) {
    case GS_OP_ADD: if (__builtin_add_overflow(a, b, &r)) return gs_big_op64(vm, op, a, b); return gs_int_new(vm, r);
    case GS_OP_SUB: if (__builtin_sub_overflow(a, b, &r)) return gs_big_op64(vm, op, a, b); return gs_int_new(vm, r);
    case GS_OP_MUL: if (__builtin_mul_overflow(a, b, &r)) return gs_big_op64(vm, op, a, b); return gs_int_new(vm, r);
    case GS_OP_FLOORDIV:
    case GS_OP_MOD: {
        if (b == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError,
                     op == GS_OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
            return NULL;
        }
        if (a == INT64_MIN && b == -1)
            return op == GS_OP_MOD ? gs_int_new(vm, 0) : gs_big_op64(vm, op, a, b);
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            q -= 1;
            m += b;
        }
        return gs_int_new(vm, op == GS_OP_MOD ? m : q);
    }
    case GS_OP_TRUEDIV:
        if (b == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "division by zero");
            return NULL;
        }
        /* both exact as doubles: one rounding, as CPython's fast path;
         * else the quotient rounded once (long_true_divide) */
        if (a < -(INT64_C(1) << 53) || a > (INT64_C(1) << 53) || b < -(INT64_C(1) << 53) || b > (INT64_C(1) << 53))
            return gs_big_op64(vm, op, a, b);
        return gs_float_new(vm, (double)a / (double)b);
    case GS_OP_POW: {
        if (b < 0) {
            if (a == 0) {
                gs_raise(vm, vm->e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
                return NULL;
            }
            return gs_float_new(vm, pow((double)a, (double)b));
        }
        int64_t result = 1, base = a;
        uint64_t e = (uint64_t)b;
        while (e) {
            if (e & 1)
                if (__builtin_mul_overflow(result, base, &result))
                    return gs_big_op64(vm, op, a, b);
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base))
                return gs_big_op64(vm, op, a, b);
        }
        return gs_int_new(vm, result);
    }
    case GS_OP_LSHIFT:
        if (b < 0) {
            gs_raise(vm, vm->e_ValueError, "negative shift count");
            return NULL;
        }
        if (a == 0)
            return gs_int_new(vm, 0);
        if (b >= 63 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b)))
            return gs_big_op64(vm, op, a, b);
        return gs_int_new(vm, (int64_t)((uint64_t)a << b));
    case GS_OP_RSHIFT:
        if (b < 0) {
            gs_raise(vm, vm->e_ValueError, "negative shift count");
            return NULL;
        }
        return gs_int_new(vm, b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    case GS_OP_BITOR: return gs_int_new(vm, a | b);
    case GS_OP_BITXOR: return gs_int_new(vm, a ^ b);
    case GS_OP_BITAND: return gs_int_new(vm, a & b);
    default: return NULL;
    }
}

static gs_Object *float_op(gs_VM *vm, int op, double a, double b)
{
    switch (op) {
    case GS_OP_ADD: return gs_float_new(vm, a + b);
    case GS_OP_SUB: return gs_float_new(vm, a - b);
    case GS_OP_MUL: return gs_float_new(vm, a * b);
    case GS_OP_TRUEDIV:
        if (b == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "float division by zero");
            return NULL;
        }
        return gs_float_new(vm, a / b);
    case GS_OP_FLOORDIV:
    case GS_OP_MOD: {
        if (b == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, op == GS_OP_MOD ? "float modulo" : "float floor division by zero");
            return NULL;
        }
        double m = fmod(a, b);
        double div = (a - m) / b;
        if (m) {
            if ((b < 0) != (m < 0)) {
                m += b;
                div -= 1.0;
            }
        } else
            m = copysign(0.0, b);
        double fl;
        if (div) {
            fl = floor(div);
            if (div - fl > 0.5)
                fl += 1.0;
        } else
            fl = copysign(0.0, a / b);
        return gs_float_new(vm, op == GS_OP_MOD ? m : fl);
    }
    case GS_OP_POW: {
        if (a == 0 && b < 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        if (a < 0 && b != floor(b)) {
            /* float_pow hands a negative base with a fractional power to complex's */
            gs_Object *ca = gs_complex_new(vm, a, 0.0), *cb = ca ? gs_complex_new(vm, b, 0.0) : NULL;
            gs_Object *r = cb ? gs_complex_binop(vm, GS_OP_POW, ca, cb) : NULL;
            gs_xdecref(vm, ca);
            gs_xdecref(vm, cb);
            return r;
        }
        double r = pow(a, b);
        if (isinf(r) && isfinite(a) && isfinite(b)) {
            gs_raise(vm, vm->e_OverflowError, "(34, 'Numerical result out of range')");
            return NULL;
        }
        return gs_float_new(vm, r);
    }
    default: return NULL;
    }
}

static bool is_intlike(gs_Object *o) { return GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL; }
static int64_t intval(gs_VM *vm, gs_Object *o) { return GS_KIND(o) == GS_K_INT ? ((gs_Int *)o)->value : o == vm->true_; }
static bool is_num(gs_Object *o) { return is_intlike(o) || GS_KIND(o) == GS_K_FLOAT; }
static double fval(gs_VM *vm, gs_Object *o) { return GS_KIND(o) == GS_K_FLOAT ? ((gs_Float *)o)->value : (double)intval(vm, o); }

static gs_Object *user_method(gs_VM *vm, gs_Object *self, const char *name)
{
    if (GS_KIND(self) == GS_K_WEAKREF && !(self->type->flags & GS_TF_HEAP))
        return gs_type_lookup(self->type, gs_name(vm, name)); /* a proxy's forwarding methods */
    return gs_dispatches(self) ? gs_type_lookup_slot(vm, self->type, gs_name(vm, name)) : NULL;
}

static gs_Object *call_binary_dunder(gs_VM *vm, gs_Object *self, const char *name, gs_Object *other)
{
    gs_Object *m = user_method(vm, self, name);
    if (!m)
        return gs_newref(vm, vm->notimpl);
    gs_Object *args[2] = { self, other };
    return gs_call_object(vm, m, args, 2, NULL);
}

/* objects whose operators are their type's methods: instances of classes,
 * and weak references (proxies forward them to the referent) */
static bool is_user(gs_Object *o) { return gs_dispatches(o) || GS_KIND(o) == GS_K_WEAKREF; }

/* CPython's binary_op1 with the methods classes define in Python: the
 * in-place method, the right operand's reflected method first when its
 * class derives from the left's, the left's method, the reflected one.
 * NotImplemented when none applies (the built-in operation is next). */
static gs_Object *user_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace)
{
    if (inplace && user_method(vm, a, op_dunder(op, 2))) {
        gs_Object *r = call_binary_dunder(vm, a, op_dunder(op, 2), b);
        if (!r || r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    bool ua = user_method(vm, a, op_dunder(op, 0)) != NULL;
    bool ub = a->type != b->type && user_method(vm, b, op_dunder(op, 1)) != NULL;
    if (ub && gs_issubtype(b->type, a->type)) {
        gs_Object *r = call_binary_dunder(vm, b, op_dunder(op, 1), a);
        if (!r || r != vm->notimpl)
            return r;
        gs_decref(vm, r);
        ub = false;
    }
    if (ua) {
        gs_Object *r = call_binary_dunder(vm, a, op_dunder(op, 0), b);
        if (!r || r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    if (ub)
        return call_binary_dunder(vm, b, op_dunder(op, 1), a);
    return gs_newref(vm, vm->notimpl);
}

static gs_Object *builtin_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace);

gs_Object *gs_binary_op(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace)
{
    if (is_user(a) || is_user(b)) {
        gs_Object *r = user_binop(vm, op, a, b, inplace);
        if (!r || r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    return builtin_binop(vm, op, a, b, inplace);
}

gs_Object *gs_binary_op_builtin(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    return builtin_binop(vm, op, a, b, false);
}

/* The operators of the built-in types. */
static gs_Object *builtin_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace)
{
    gs_Kind ka = GS_KIND(a), kb = GS_KIND(b);
    if (ka == GS_K_BOOL && kb == GS_K_BOOL && (op == GS_OP_BITAND || op == GS_OP_BITOR || op == GS_OP_BITXOR)) {
        /* bool's own &, | and ^ (bool_and...) give a bool */
        bool x = a == vm->true_, y = b == vm->true_;
        return gs_newref(vm, (op == GS_OP_BITAND ? x && y : op == GS_OP_BITOR ? x || y : x != y) ? vm->true_ : vm->false_);
    }
    if (is_intlike(a) && is_intlike(b) && op != GS_OP_MATMUL)
        return gs_int_is_big(a) || gs_int_is_big(b) ? gs_big_binop(vm, op, a, b)
                                                    : int_op(vm, op, intval(vm, a), intval(vm, b));
    if (is_num(a) && is_num(b) && op <= GS_OP_POW && op != GS_OP_MATMUL) {
        double x, y; /* an int past 64 bits, as a float */
        if (gs_int_to_double(vm, a, &x) < 0 || gs_int_to_double(vm, b, &y) < 0)
            return NULL;
        return float_op(vm, op, GS_KIND(a) == GS_K_FLOAT ? fval(vm, a) : x, GS_KIND(b) == GS_K_FLOAT ? fval(vm, b) : y);
    }
    if (ka == GS_K_COMPLEX || kb == GS_K_COMPLEX || ka == GS_K_BYTES || kb == GS_K_BYTES || ka == GS_K_BYTEARRAY ||
        kb == GS_K_BYTEARRAY) {
        gs_Object *r = ka == GS_K_COMPLEX || kb == GS_K_COMPLEX ? gs_complex_binop(vm, op, a, b)
                                                              : gs_bytes_binop(vm, op, a, b, inplace);
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    if (op == GS_OP_ADD) {
        if (ka == GS_K_STR && kb == GS_K_STR)
            return gs_str_concat(vm, a, b);
        if (ka == GS_K_LIST && kb == GS_K_LIST && !inplace)
            return gs_list_concat(vm, a, b);
        if (ka == GS_K_LIST && inplace) {
            if (gs_list_extend(vm, a, b) < 0)
                return NULL;
            return gs_newref(vm, a);
        }
        if (ka == GS_K_TUPLE && kb == GS_K_TUPLE)
            return gs_list_concat(vm, a, b);
        if (ka == GS_K_STR || ka == GS_K_LIST || ka == GS_K_TUPLE) {
            gs_raise(vm, vm->e_TypeError, "can only concatenate %s (not \"%s\") to %s", gs_type_name(a),
                     gs_type_name(b), gs_type_name(a));
            return NULL;
        }
    }
    if (op == GS_OP_MUL) {
        gs_Object *seq = NULL, *n = NULL;
        if ((ka == GS_K_STR || ka == GS_K_LIST || ka == GS_K_TUPLE)) {
            seq = a;
            n = b;
        } else if (kb == GS_K_STR || kb == GS_K_LIST || kb == GS_K_TUPLE) {
            seq = b;
            n = a;
        }
        if (seq) {
            /* the count: an int, or what __index__ gives (sq_repeat takes
             * PyNumber_AsSsize_t: a class's __index__, a proxy's) */
            int64_t times = 0;
            int ix = is_intlike(n) ? 1 : gs_index_value(vm, n, &times);
            if (ix < 0)
                return NULL;
            if (ix == 0) {
                gs_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'", gs_type_name(n));
                return NULL;
            }
            if (gs_int_is_big(n)) {
                gs_raise(vm, vm->e_OverflowError, "cannot fit 'int' into an index-sized integer");
                return NULL;
            }
            if (is_intlike(n))
                times = intval(vm, n);
            if (inplace && GS_KIND(seq) == GS_K_LIST && seq == a) {
                /* list *= n mutates in place (list_inplace_repeat): one
                 * resize, then the copies go in after the items */
                gs_List *l = (gs_List *)a;
                int64_t size = l->len;
                if (size == 0 || times == 1)
                    return gs_newref(vm, a);
                if (times < 1) {
                    gs_list_clear(vm, a);
                    return gs_newref(vm, a);
                }
                if (times > (1 << 28) / size) {
                    gs_raise_memory(vm);
                    return NULL;
                }
                if (gs_list_resize(vm, a, size * times) < 0)
                    return NULL;
                for (int64_t k = 1; k < times; k++)
                    for (int64_t j = 0; j < size; j++) {
                        gs_Object *v = l->items[j];
                        gs_incref_c(vm, v, gs_slot_cause(a, l->len));
                        l->items[l->len] = v;
                        gs_rec_insert(vm, a, l->len, v);
                        l->len++;
                    }
                return gs_newref(vm, a);
            }
            return gs_seq_repeat(vm, seq, times);
        }
    }
    if (op == GS_OP_BITOR && (ka == GS_K_TYPE || kb == GS_K_TYPE || gs_is_union(vm, a) || gs_is_union(vm, b) ||
                              gs_is_generic_alias(vm, a) || gs_is_generic_alias(vm, b))) {
        gs_Object *r = gs_union_or(vm, a, b); /* int | str, list[int] | None */
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    if (op == GS_OP_MOD && ka == GS_K_STR) /* str's nb_remainder never gives NotImplemented */
        return gs_str_percent(vm, a, b);
    if ((ka == GS_K_DICT && kb == GS_K_DICT) && op == GS_OP_BITOR) {
        if (inplace) {
            if (gs_dict_update(vm, a, b) < 0)
                return NULL;
            return gs_newref(vm, a);
        }
        gs_Object *r = gs_dict_copy(vm, a);
        if (r && gs_dict_update(vm, r, b) < 0) {
            gs_decref(vm, r);
            return NULL;
        }
        return r;
    }
    if (ka == GS_K_SET && kb == GS_K_SET) {
        gs_Object *r = gs_set_binop(vm, op, a, b, inplace);
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    if (ka == GS_K_ITER || kb == GS_K_ITER) {
        gs_Object *r = gs_dictview_binop(vm, op, a, b);
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    if (op == GS_OP_POW)
        gs_raise(vm, vm->e_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                 inplace ? "**=" : "** or pow()", gs_type_name(a), gs_type_name(b));
    else
        gs_raise(vm, vm->e_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol(op, inplace),
                 gs_type_name(a), gs_type_name(b));
    return NULL;
}

/* ================================================================== comparison */

static const char *cmp_symbol(int op)
{
    static const char *s[] = { "<", "<=", "==", "!=", ">", ">=" };
    return s[op];
}

static const char *cmp_dunder(int op)
{
    static const char *s[] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };
    return s[op];
}

static int swapped_op(int op)
{
    static const int s[] = { GS_CMP_GT, GS_CMP_GE, GS_CMP_EQ, GS_CMP_NE, GS_CMP_LT, GS_CMP_LE };
    return s[op];
}

static bool cmp_result(int op, int c)
{
    switch (op) {
    case GS_CMP_LT: return c < 0;
    case GS_CMP_LE: return c <= 0;
    case GS_CMP_EQ: return c == 0;
    case GS_CMP_NE: return c != 0;
    case GS_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

/* Compare sequences item by item like CPython: first differing item decides. */
/* list_richcompare and tuplerichcompare: the first items that differ (by
 * ==) decide.  Lists hold both items while == runs (their __eq__ may change
 * the lists) and re-read their sizes; tuples hold nothing; the final
 * comparison with `op` holds nothing either, as in CPython 3.11. */
static int32_t seq_len(gs_Object *s) { return GS_KIND(s) == GS_K_LIST ? ((gs_List *)s)->len : ((gs_Tuple *)s)->len; }
static gs_Object **seq_items(gs_Object *s) { return GS_KIND(s) == GS_K_LIST ? ((gs_List *)s)->items : ((gs_Tuple *)s)->items; }

static gs_Object *seq_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    bool hold = GS_KIND(a) == GS_K_LIST;
    int32_t i;
    for (i = 0; i < seq_len(a) && i < seq_len(b); i++) {
        gs_Object *x = seq_items(a)[i], *y = seq_items(b)[i];
        if (x == y)
            continue;
        if (hold) {
            gs_incref(vm, x);
            gs_incref(vm, y);
        }
        int eq = gs_equal(vm, x, y);
        if (hold) {
            gs_decref(vm, x);
            gs_decref(vm, y);
        }
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    int32_t na = seq_len(a), nb = seq_len(b);
    if (i >= na || i >= nb)
        return GS_BOOL(vm, cmp_result(op, na < nb ? -1 : na > nb ? 1 : 0));
    if (op == GS_CMP_EQ)
        return GS_BOOL(vm, false);
    if (op == GS_CMP_NE)
        return GS_BOOL(vm, true);
    return gs_compare(vm, op, seq_items(a)[i], seq_items(b)[i]);
}

static int dict_equal(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Dict *x = (gs_Dict *)a, *y = (gs_Dict *)b;
    if (x->t.used != y->t.used)
        return 0;
    for (int32_t i = 0; i < x->t.nentries; i++) {
        gs_DictEntry *e = &x->t.entries[i];
        if (!e->key)
            continue;
        gs_Object *ov = gs_dict_get(vm, b, e->key);
        if (!ov) {
            if (vm->exc)
                return -1;
            return 0;
        }
        int eq = gs_equal(vm, e->value, ov);
        if (eq <= 0)
            return eq;
    }
    return 1;
}

static gs_Object *compare_inner(gs_VM *vm, int op, gs_Object *a, gs_Object *b);

gs_Object *gs_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    /* [[[...]]] == [[[...]]] recurses in C: CPython's Py_EnterRecursiveCall */
    if (vm->native_depth >= GS_NATIVE_DEPTH_MAX) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded in comparison");
        return NULL;
    }
    vm->native_depth++;
    gs_Object *r = compare_inner(vm, op, a, b);
    vm->native_depth--;
    return r;
}

/* Whether a's != is object.__ne__ (which inverts __eq__), not a built-in
 * type's own (dict.__ne__) */
static bool ne_is_objects(gs_VM *vm, gs_Object *a)
{
    gs_Object *ne = gs_type_lookup(a->type, gs_name(vm, "__ne__"));
    return !ne || (GS_KIND(ne) == GS_K_BUILTIN && ((gs_Builtin *)ne)->owner == vm->t_object);
}

/* a.__eq__(b) inverted: object.__ne__ for a class that defines __eq__
 * only; NotImplemented stays */
static gs_Object *ne_from_eq(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Object *r = call_binary_dunder(vm, a, "__eq__", b);
    if (!r || r == vm->notimpl)
        return r;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t < 0 ? NULL : GS_BOOL(vm, !t);
}

/* CPython's do_richcompare with the methods classes define in Python:
 * the right operand's reflected method first when its class derives from
 * the left's, the left's method, then the reflected one; NotImplemented
 * when none applies (the built-in comparison is next). */
static gs_Object *user_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    int sw = swapped_op(op);
    bool checked_reverse = false;
    if (a->type != b->type && gs_issubtype(b->type, a->type) && user_method(vm, b, cmp_dunder(sw))) {
        checked_reverse = true;
        gs_Object *r = call_binary_dunder(vm, b, cmp_dunder(sw), a);
        if (!r || r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    gs_Object *r = NULL;
    if (user_method(vm, a, cmp_dunder(op)))
        r = call_binary_dunder(vm, a, cmp_dunder(op), b);
    else if (op == GS_CMP_NE && ne_is_objects(vm, a) && user_method(vm, a, "__eq__"))
        r = ne_from_eq(vm, a, b);
    if (r && r != vm->notimpl)
        return r;
    if (r)
        gs_decref(vm, r);
    else if (vm->exc)
        return NULL;
    if (!checked_reverse) {
        r = NULL;
        if (user_method(vm, b, cmp_dunder(sw)))
            r = call_binary_dunder(vm, b, cmp_dunder(sw), a);
        else if (sw == GS_CMP_NE && ne_is_objects(vm, b) && user_method(vm, b, "__eq__"))
            r = ne_from_eq(vm, b, a);
        if (r)
            return r;
        if (vm->exc)
            return NULL;
    }
    return gs_newref(vm, vm->notimpl);
}

static gs_Object *builtin_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b);

static gs_Object *compare_inner(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (is_user(a) || is_user(b)) {
        gs_Object *r = user_compare(vm, op, a, b);
        if (!r || r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    return builtin_compare(vm, op, a, b);
}

gs_Object *gs_compare_builtin(gs_VM *vm, int op, gs_Object *a, gs_Object *b) { return builtin_compare(vm, op, a, b); }

/* The comparisons of the built-in types; identity for == and != */
/* i against d (not NaN) exactly, as float_richcompare: 2**53 + 1 > float(2**53) */
static int cmp_int_double(int64_t i, double d)
{
    if (d >= 9223372036854775808.0)
        return -1;
    if (d < -9223372036854775808.0)
        return 1;
    double t = trunc(d);
    int64_t it = (int64_t)t;
    if (i != it)
        return i < it ? -1 : 1;
    return d > t ? -1 : d < t ? 1 : 0;
}

static gs_Object *builtin_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    gs_Kind ka = GS_KIND(a), kb = GS_KIND(b);
    if (is_intlike(a) && is_intlike(b)) {
        if (gs_int_is_big(a) || gs_int_is_big(b))
            return GS_BOOL(vm, cmp_result(op, gs_big_compare(vm, a, b)));
        int64_t x = intval(vm, a), y = intval(vm, b);
        return GS_BOOL(vm, cmp_result(op, x < y ? -1 : x > y ? 1 : 0));
    }
    if ((gs_int_is_big(a) && kb == GS_K_FLOAT) || (ka == GS_K_FLOAT && gs_int_is_big(b))) {
        /* exactly, as CPython's float_richcompare does */
        double d = ((gs_Float *)(ka == GS_K_FLOAT ? a : b))->value;
        if (isnan(d))
            return GS_BOOL(vm, op == GS_CMP_NE);
        int c = gs_big_compare_double(vm, ka == GS_K_FLOAT ? b : a, d);
        return GS_BOOL(vm, cmp_result(op, ka == GS_K_FLOAT ? -c : c));
    }
    if ((is_intlike(a) && kb == GS_K_FLOAT) || (ka == GS_K_FLOAT && is_intlike(b))) {
        double d = ((gs_Float *)(ka == GS_K_FLOAT ? a : b))->value;
        if (isnan(d))
            return GS_BOOL(vm, op == GS_CMP_NE);
        int c = cmp_int_double(intval(vm, ka == GS_K_FLOAT ? b : a), d);
        return GS_BOOL(vm, cmp_result(op, ka == GS_K_FLOAT ? -c : c));
    }
    if (is_num(a) && is_num(b)) {
        double x = fval(vm, a), y = fval(vm, b);
        if (isnan(x) || isnan(y))
            return GS_BOOL(vm, op == GS_CMP_NE);
        return GS_BOOL(vm, cmp_result(op, x < y ? -1 : x > y ? 1 : 0));
    }
    if (ka == GS_K_STR && kb == GS_K_STR) {
        gs_Str *x = (gs_Str *)a, *y = (gs_Str *)b;
        if (op == GS_CMP_EQ || op == GS_CMP_NE)
            return GS_BOOL(vm, gs_str_eq(x, y) == (op == GS_CMP_EQ));
        int32_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->data, y->data, (size_t)n);
        if (c == 0)
            c = x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
        return GS_BOOL(vm, cmp_result(op, c));
    }
    if ((ka == GS_K_LIST && kb == GS_K_LIST) || (ka == GS_K_TUPLE && kb == GS_K_TUPLE))
        return seq_compare(vm, op, a, b);
    if (ka == GS_K_COMPLEX || kb == GS_K_COMPLEX || ka == GS_K_BYTES || kb == GS_K_BYTES || ka == GS_K_BYTEARRAY ||
        kb == GS_K_BYTEARRAY) {
        gs_Object *r = ka == GS_K_COMPLEX || kb == GS_K_COMPLEX ? gs_complex_compare(vm, op, a, b)
                                                              : gs_bytes_compare(vm, op, a, b);
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    if (ka == GS_K_DICT && kb == GS_K_DICT && (op == GS_CMP_EQ || op == GS_CMP_NE)) {
        int eq = dict_equal(vm, a, b);
        if (eq < 0)
            return NULL;
        return GS_BOOL(vm, eq == (op == GS_CMP_EQ));
    }
    if (ka == GS_K_SET && kb == GS_K_SET) {
        return gs_set_compare(vm, op, a, b);
    }
    if (ka == GS_K_SLICE && kb == GS_K_SLICE) { /* slice_richcompare: as (start, stop, step) tuples */
        gs_Slice *x = (gs_Slice *)a, *y = (gs_Slice *)b;
        gs_Object *tx = gs_tuple_pack(vm, 3, x->start, x->stop, x->step);
        gs_Object *ty = tx ? gs_tuple_pack(vm, 3, y->start, y->stop, y->step) : NULL;
        gs_Object *r = ty ? seq_compare(vm, op, tx, ty) : NULL;
        gs_xdecref(vm, tx);
        gs_xdecref(vm, ty);
        return r;
    }
    if (ka == GS_K_ITER || kb == GS_K_ITER) {
        gs_Object *r = gs_dictview_compare(vm, op, a, b);
        if (r != vm->notimpl)
            return r;
        gs_decref(vm, r);
    }
    if (ka == GS_K_METHOD && kb == GS_K_METHOD && (op == GS_CMP_EQ || op == GS_CMP_NE)) {
        /* method_richcompare: the same self (identity) and equal functions */
        gs_Method *x = (gs_Method *)a, *y = (gs_Method *)b;
        int eq = x->self == y->self ? gs_equal(vm, x->func, y->func) : 0;
        if (eq < 0)
            return NULL;
        return GS_BOOL(vm, eq == (op == GS_CMP_EQ));
    }
    if (ka == GS_K_BUILTIN && kb == GS_K_BUILTIN && (op == GS_CMP_EQ || op == GS_CMP_NE)) {
        /* meth_richcompare: the same C function bound to the same object */
        gs_Builtin *x = (gs_Builtin *)a, *y = (gs_Builtin *)b;
        bool eq = x->self == y->self && x->fn == y->fn && strcmp(x->name, y->name) == 0;
        return GS_BOOL(vm, eq == (op == GS_CMP_EQ));
    }
    if (ka == GS_K_RANGE && kb == GS_K_RANGE && (op == GS_CMP_EQ || op == GS_CMP_NE)) {
        gs_Range *x = (gs_Range *)a, *y = (gs_Range *)b;
        bool eq = x->len == y->len && (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
        return GS_BOOL(vm, eq == (op == GS_CMP_EQ));
    }
    if (op == GS_CMP_EQ)
        return GS_BOOL(vm, a == b);
    if (op == GS_CMP_NE)
        return GS_BOOL(vm, a != b);
    gs_raise(vm, vm->e_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_symbol(op),
             gs_type_name(a), gs_type_name(b));
    return NULL;
}

/* ================================================================== int(x), float(x) and the methods of int and float */

gs_Object *gs_int_from_object(gs_VM *vm, gs_Object *o, gs_Object *base_obj)
{
    if (!base_obj && gs_dispatches(o)) {
        /* __int__, then __index__ (then __trunc__) of a class */
        gs_Object *m = user_method(vm, o, "__int__");
        if (!m)
            m = user_method(vm, o, "__index__");
        if (!m)
            m = user_method(vm, o, "__trunc__");
        if (m) {
            gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
            if (r && GS_KIND(r) != GS_K_INT && GS_KIND(r) != GS_K_BOOL) {
                gs_raise(vm, vm->e_TypeError, "__int__ returned non-int (type %s)", gs_type_name(r));
                gs_decref(vm, r);
                return NULL;
            }
            if (r && r->type != vm->t_int) {
                int64_t v = GS_KIND(r) == GS_K_INT ? ((gs_Int *)r)->value : r == vm->true_;
                gs_decref(vm, r);
                return gs_int_new(vm, v);
            }
            return r;
        }
        if (GS_KIND(o) == GS_K_INT) /* int of an int subclass: an exact int */
            return gs_int_new(vm, ((gs_Int *)o)->value);
    }
    int64_t base = 10;
    if (base_obj) {
        if (gs_as_int(vm, base_obj, &base) < 0)
            return NULL;
        if (GS_KIND(o) != GS_K_STR && GS_KIND(o) != GS_K_BYTES && GS_KIND(o) != GS_K_BYTEARRAY) {
            gs_raise(vm, vm->e_TypeError, "int() can't convert non-string with explicit base");
            return NULL;
        }
        if (base != 0 && (base < 2 || base > 36)) {
            gs_raise(vm, vm->e_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
    }
    switch (GS_KIND(o)) {
    case GS_K_INT: return gs_newref(vm, o);
    case GS_K_BOOL: return gs_int_new(vm, o == vm->true_);
    case GS_K_FLOAT: {
        double d = ((gs_Float *)o)->value;
        if (isnan(d)) {
            gs_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer");
            return NULL;
        }
        if (isinf(d)) {
            gs_raise(vm, vm->e_OverflowError, "cannot convert float infinity to integer");
            return NULL;
        }
        if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18)
            return gs_big_from_double(vm, d);
        return gs_int_new(vm, (int64_t)d);
    }
    case GS_K_STR:
    case GS_K_BYTES:
    case GS_K_BYTEARRAY: { /* bytes are read as ASCII text (_PyLong_FromBytes) */
        gs_Kind k = GS_KIND(o);
        gs_ByteArray *ba = (gs_ByteArray *)o;
        const char *p = k == GS_K_STR ? ((gs_Str *)o)->data
                        : k == GS_K_BYTES ? ((gs_Bytes *)o)->data : ba->data ? ba->data + ba->start : "";
        size_t n = k == GS_K_STR ? (size_t)((gs_Str *)o)->len
                   : k == GS_K_BYTES ? (size_t)((gs_Bytes *)o)->len : (size_t)ba->len;
        int64_t v;
        int r = k != GS_K_STR && n && memchr(p, 0, n) ? -1 : gs_int_from_str(vm, p, n, (int)base, &v);
        if (r == -2) /* checked, and past 64 bits */
            return gs_big_from_text(vm, p, n, base == 0 ? gs_int_text_base(p, n) : (int)base);
        if (r < 0) { /* bytes are quoted as bytes, their first 200 */
            gs_Object *b = k == GS_K_STR ? gs_newref(vm, o) : gs_bytes_new(vm, p, n < 200 ? n : 200);
            gs_Object *rep = b ? gs_repr(vm, b) : NULL;
            gs_xdecref(vm, b);
            if (!rep)
                return NULL;
            gs_raise(vm, vm->e_ValueError, "invalid literal for int() with base %d: %s", (int)base,
                     ((gs_Str *)rep)->data);
            gs_decref(vm, rep);
            return NULL;
        }
        return gs_int_new(vm, v);
    }
    case GS_K_WEAKREF: { /* a proxy forwards __int__ / __index__ */
        gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__int__"));
        if (!m)
            m = gs_type_lookup(o->type, gs_name(vm, "__index__"));
        if (m)
            return gs_call_object(vm, m, &o, 1, NULL);
        break;
    }
    default: break;
    }
    gs_raise(vm, vm->e_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
             gs_type_name(o));
    return NULL;
}

gs_Object *gs_float_from_object(gs_VM *vm, gs_Object *o)
{
    if (gs_dispatches(o)) {
        gs_Object *m = user_method(vm, o, "__float__");
        if (!m)
            m = user_method(vm, o, "__index__");
        if (m) {
            gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
            if (r && GS_KIND(r) == GS_K_INT) {
                double d = (double)((gs_Int *)r)->value;
                gs_decref(vm, r);
                return gs_float_new(vm, d);
            }
            if (r && GS_KIND(r) != GS_K_FLOAT) {
                gs_raise(vm, vm->e_TypeError, "%s.__float__ returned non-float (type %s)", gs_type_name(o),
                         gs_type_name(r));
                gs_decref(vm, r);
                return NULL;
            }
            if (r && r->type != vm->t_float) {
                double d = ((gs_Float *)r)->value;
                gs_decref(vm, r);
                return gs_float_new(vm, d);
            }
            return r;
        }
        if (GS_KIND(o) == GS_K_FLOAT)
            return gs_float_new(vm, ((gs_Float *)o)->value);
    }
    switch (GS_KIND(o)) {
    case GS_K_FLOAT: return gs_newref(vm, o);
    case GS_K_INT: {
        double d;
        return gs_int_to_double(vm, o, &d) < 0 ? NULL : gs_float_new(vm, d);
    }
    case GS_K_BOOL: return gs_float_new(vm, o == vm->true_);
    case GS_K_STR:
    case GS_K_BYTES:
    case GS_K_BYTEARRAY: { /* bytes are read as ASCII text; the message shows the object */
        gs_Kind k = GS_KIND(o);
        char buf[128];
        const char *p = k == GS_K_STR ? ((gs_Str *)o)->data
                        : k == GS_K_BYTES ? ((gs_Bytes *)o)->data
                        : ((gs_ByteArray *)o)->data ? ((gs_ByteArray *)o)->data + ((gs_ByteArray *)o)->start : "";
        size_t n = k == GS_K_STR ? (size_t)((gs_Str *)o)->len
                   : k == GS_K_BYTES ? (size_t)((gs_Bytes *)o)->len : (size_t)((gs_ByteArray *)o)->len;
        while (n && isspace((unsigned char)*p)) { p++; n--; }
        while (n && isspace((unsigned char)p[n - 1])) n--;
        size_t j = 0;
        for (size_t i = 0; i < n && j < sizeof buf - 1; i++)
            if (p[i] != '_')
                buf[j++] = p[i];
        buf[j] = 0;
        char *end;
        double d = strtod(buf, &end);
        bool ok = j > 0 && *end == 0 && n < sizeof buf - 1 && !(n && memchr(p, 0, n));
        if (ok) {
            /* strtod accepts hex and "infinity"; CPython accepts inf/nan words too */
            if (strchr(buf, 'x') || strchr(buf, 'X'))
                ok = false;
        }
        if (!ok) {
            gs_Object *rep = gs_repr(vm, o);
            if (!rep)
                return NULL;
            gs_raise(vm, vm->e_ValueError, "could not convert string to float: %s", ((gs_Str *)rep)->data);
            gs_decref(vm, rep);
            return NULL;
        }
        return gs_float_new(vm, d);
    }
    default:
        gs_raise(vm, vm->e_TypeError, "float() argument must be a string or a real number, not '%s'", gs_type_name(o));
        return NULL;
    }
}

static gs_Object *m_int_bit_length(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (gs_int_is_big(self))
        return gs_int_new(vm, gs_big_bit_length(self));
    int64_t v = GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = 0;
    while (m) {
        n++;
        m >>= 1;
    }
    return gs_int_new(vm, n);
}

/* int.bit_count(): the ones in the absolute value */
static gs_Object *m_int_bit_count(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (gs_int_is_big(self))
        return gs_int_new(vm, gs_big_bit_count(self));
    int64_t v = GS_KIND(self) == GS_K_INT ? ((gs_Int *)self)->value : self == vm->true_;
    return gs_int_new(vm, __builtin_popcountll(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v));
}

/* float.hex(): 0x1.8000000000000p+1, as CPython's float_hex */
static gs_Object *m_float_hex(GS_ARGS)
{
    GS_UNUSED_ARGS;
    double x = ((gs_Float *)self)->value;
    if (isnan(x) || isinf(x))
        return gs_str_from_cstr(vm, isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
    if (x == 0)
        return gs_str_from_cstr(vm, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char buf[64], *p = buf;
    static const char hexd[] = "0123456789abcdef";
    if (x < 0)
        *p++ = '-';
    *p++ = '0';
    *p++ = 'x';
    *p++ = hexd[(int)m];
    m -= (int)m;
    *p++ = '.';
    for (int i = 0; i < 13; i++) { /* (TOHEX_NBITS - 1) / 4 digits */
        m *= 16.0;
        *p++ = hexd[(int)m];
        m -= (int)m;
    }
    snprintf(p, sizeof buf - (size_t)(p - buf), "p%+d", e);
    return gs_str_from_cstr(vm, buf);
}

static gs_Object *m_float_is_integer(GS_ARGS)
{
    GS_UNUSED_ARGS;
    double d = ((gs_Float *)self)->value;
    return GS_BOOL(vm, isfinite(d) && d == floor(d));
}

static gs_Object *m_float_as_integer_ratio(GS_ARGS)
{
    GS_UNUSED_ARGS;
    double d = ((gs_Float *)self)->value;
    if (isinf(d)) {
        gs_raise(vm, vm->e_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(d)) {
        gs_raise(vm, vm->e_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(d, &e);
    int64_t num = 0, den = 1;
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2;
        e--;
    }
    num = (int64_t)m; /* at most 53 bits */
    /* num * 2**e: past 64 bits, a shift in bigint.c */
    while (e < 0 && num % 2 == 0) {
        num /= 2;
        e++;
    }
    gs_Object *a = e > 0 ? gs_big_op64(vm, GS_OP_LSHIFT, num, e) : gs_int_new(vm, num);
    gs_Object *b = e < 0 ? gs_big_op64(vm, GS_OP_LSHIFT, 1, -e) : gs_int_new(vm, den);
    if (!a || !b) {
        gs_xdecref(vm, a);
        gs_xdecref(vm, b);
        return NULL;
    }
    gs_Object *t = gs_tuple_new(vm, 2);
    if (!t) {
        gs_decref(vm, a);
        gs_decref(vm, b);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, a);
    gs_tuple_init(vm, t, 1, b);
    return t;
}

/* int.conjugate(): the int itself (an exact int of a subclass's value) */
static gs_Object *m_int_conjugate(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return self->type == vm->t_int ? gs_newref(vm, self) : gs_int_from_object(vm, self, NULL);
}

/* int.as_integer_ratio(): (the int, 1) */
static gs_Object *m_int_as_integer_ratio(GS_ARGS)
{
    gs_Object *n = m_int_conjugate(vm, self, args, nargs, kwnames);
    gs_Object *one = n ? gs_int_new(vm, 1) : NULL;
    gs_Object *t = one ? gs_tuple_new(vm, 2) : NULL;
    if (!t) {
        gs_xdecref(vm, n);
        gs_xdecref(vm, one);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, n);
    gs_tuple_init(vm, t, 1, one);
    return t;
}

static gs_Object *m_float_conjugate(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return self->type == vm->t_float ? gs_newref(vm, self) : gs_float_new(vm, ((gs_Float *)self)->value);
}

/* float.fromhex(s), a class method: [sign]['0x']digits['.'digits]['p'exp],
 * 'inf', 'infinity' or 'nan', with spaces around; strtod reads the hex
 * form with the same correct rounding */
static gs_Object *m_float_fromhex(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    gs_Object *a = args[0];
    if (GS_KIND(a) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    const char *p = ((gs_Str *)a)->data, *end = p + ((gs_Str *)a)->len;
    while (p < end && isspace((unsigned char)*p))
        p++;
    while (end > p && isspace((unsigned char)end[-1]))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    size_t n = (size_t)(end - p);
    double x = 0;
    bool ok = false;
    char buf[512];
    if ((n == 3 && strncasecmp(p, "inf", 3) == 0) || (n == 8 && strncasecmp(p, "infinity", 8) == 0)) {
        x = INFINITY;
        ok = true;
    } else if (n == 3 && strncasecmp(p, "nan", 3) == 0) {
        x = NAN;
        ok = true;
    } else {
        if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            p += 2;
            n -= 2;
        }
        /* digits, one point at most, at least one digit, then p[sign]digits */
        size_t i = 0, digits = 0;
        while (i < n && isxdigit((unsigned char)p[i]))
            i++, digits++;
        if (i < n && p[i] == '.') {
            i++;
            while (i < n && isxdigit((unsigned char)p[i]))
                i++, digits++;
        }
        bool good = digits > 0;
        if (good && i < n && (p[i] == 'p' || p[i] == 'P')) {
            i++;
            if (i < n && (p[i] == '+' || p[i] == '-'))
                i++;
            size_t e0 = i;
            while (i < n && isdigit((unsigned char)p[i]))
                i++;
            good = i > e0;
        }
        good = good && i == n;
        if (good && n + 3 < sizeof buf) {
            buf[0] = '0';
            buf[1] = 'x';
            memcpy(buf + 2, p, n);
            buf[n + 2] = 0;
            char *stop;
            x = strtod(buf, &stop);
            ok = *stop == 0;
            if (ok && isinf(x)) {
                gs_raise(vm, vm->e_OverflowError, "hexadecimal value too large to represent as a float");
                return NULL;
            }
        }
    }
    if (!ok) {
        gs_raise(vm, vm->e_ValueError, "invalid hexadecimal floating-point string");
        return NULL;
    }
    gs_Object *f = gs_float_new(vm, neg ? -x : x);
    if (!f || self == (gs_Object *)vm->t_float)
        return f;
    gs_Object *r = gs_call_object(vm, self, &f, 1, NULL); /* a subclass: cls(value) */
    gs_decref(vm, f);
    return r;
}

void gs_number_methods_init(gs_VM *vm)
{
    static const gs_MethodDef int_methods[] = {
        { "to_bytes", gs_int_to_bytes_m, 0, -1, GS_KW },
        { "from_bytes", gs_int_from_bytes_m, 0, -1, GS_KW | GS_CLASSMETH },
        { NULL, NULL, 0, 0, 0 },
    };
    gs_type_add_methods(vm, vm->t_int, int_methods);
    gs_type_add_method(vm, vm->t_int, "bit_length", m_int_bit_length, 0, 0);
    gs_type_add_method(vm, vm->t_int, "bit_count", m_int_bit_count, 0, 0);
    gs_type_add_method(vm, vm->t_float, "is_integer", m_float_is_integer, 0, 0);
    gs_type_add_method(vm, vm->t_float, "hex", m_float_hex, 0, 0);
    gs_type_add_method(vm, vm->t_float, "as_integer_ratio", m_float_as_integer_ratio, 0, 0);
    gs_type_add_method(vm, vm->t_int, "conjugate", m_int_conjugate, 0, 0);
    gs_type_add_method(vm, vm->t_int, "as_integer_ratio", m_int_as_integer_ratio, 0, 0);
    gs_type_add_method(vm, vm->t_float, "conjugate", m_float_conjugate, 0, 0);
    static const gs_MethodDef float_methods[] = {
        { "fromhex", m_float_fromhex, 1, 1, GS_CLASSMETH },
        { NULL, NULL, 0, 0, 0 },
    };
    gs_type_add_methods(vm, vm->t_float, float_methods);
}
