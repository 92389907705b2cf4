/*
 * format.c — format(value, spec), f-string replacement fields and
 * str.format: the format-spec mini-language of CPython 3.11 for str, int
 * and float.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== format specs */

typedef struct FormatSpec {
    char fill[5];
    int fill_len;
    char align;      /* 0 < > ^ = */
    char sign;       /* 0 + - space */
    bool no_neg_0;   /* 'z': a float that rounds to -0 prints as 0 (3.11) */
    bool alt;
    bool zero;
    int64_t width;   /* -1 none */
    char grouping;   /* 0 , _ */
    int64_t precision;
    char type;       /* 0 or type char */
} FormatSpec;

static int parse_spec(gs_VM *vm, const char *s, size_t n, FormatSpec *f)
{
    memset(f, 0, sizeof *f);
    f->width = -1;
    f->precision = -1;
    f->fill[0] = ' ';
    f->fill_len = 1;
    size_t i = 0;
    /* fill + align: a fill is one code point followed by an align char */
    size_t adv = 1;
    if (n > 0)
        gs_utf8_decode((const unsigned char *)s, n, &adv);
    if (n > adv && strchr("<>^=", s[adv])) {
        memcpy(f->fill, s, adv);
        f->fill_len = (int)adv;
        f->align = s[adv];
        i = adv + 1;
    } else if (n > 0 && strchr("<>^=", s[0])) {
        f->align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        f->sign = s[i++];
    if (i < n && s[i] == 'z') {
        f->no_neg_0 = true;
        i++;
    }
    if (i < n && s[i] == '#') {
        f->alt = true;
        i++;
    }
    if (i < n && s[i] == '0') {
        f->zero = true;
        i++;
    }
    if (i < n && isdigit((unsigned char)s[i])) {
        f->width = 0;
        while (i < n && isdigit((unsigned char)s[i])) {
            f->width = f->width * 10 + (s[i++] - '0');
            if (f->width > 100000000) {
                gs_raise(vm, vm->e_ValueError, "Too many decimal digits in format string");
                return -1;
            }
        }
    }
    if (i < n && (s[i] == ',' || s[i] == '_'))
        f->grouping = s[i++];
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || !isdigit((unsigned char)s[i])) {
            gs_raise(vm, vm->e_ValueError, "Format specifier missing precision");
            return -1;
        }
        f->precision = 0;
        while (i < n && isdigit((unsigned char)s[i])) {
            f->precision = f->precision * 10 + (s[i++] - '0');
            if (f->precision > 100000000) {
                gs_raise(vm, vm->e_ValueError, "Too many decimal digits in format string");
                return -1;
            }
        }
    }
    if (i < n)
        f->type = s[i++];
    if (i < n) {
        gs_raise(vm, vm->e_ValueError, "Invalid format specifier");
        return -1;
    }
    if (f->zero && !f->align) {
        f->fill[0] = '0';
        f->fill_len = 1;
        f->align = '=';
    }
    return 0;
}

static void pad_into(gs_Buf *out, const FormatSpec *f, const char *body, size_t blen, int32_t bchars,
                     size_t sign_len, char default_align)
{
    int64_t pad = f->width > bchars ? f->width - bchars : 0;
    char align = f->align ? f->align : default_align;
    int64_t left = 0, right = 0;
    if (align == '<')
        right = pad;
    else if (align == '>')
        left = pad;
    else if (align == '^') {
        left = pad / 2;
        right = pad - left;
    } else if (align == '=') {
        gs_buf_add(out, body, sign_len);
        for (int64_t i = 0; i < pad; i++)
            gs_buf_add(out, f->fill, (size_t)f->fill_len);
        gs_buf_add(out, body + sign_len, blen - sign_len);
        return;
    }
    for (int64_t i = 0; i < left; i++)
        gs_buf_add(out, f->fill, (size_t)f->fill_len);
    gs_buf_add(out, body, blen);
    for (int64_t i = 0; i < right; i++)
        gs_buf_add(out, f->fill, (size_t)f->fill_len);
}

static void group_digits(gs_Buf *out, const char *digits, size_t n, char sep, int every)
{
    for (size_t i = 0; i < n; i++) {
        gs_buf_addc(out, digits[i]);
        size_t rest = n - i - 1;
        if (sep && rest > 0 && rest % (size_t)every == 0)
            gs_buf_addc(out, sep);
    }
}

static gs_Object *format_int(gs_VM *vm, int64_t v, FormatSpec *f)
{
    char type = f->type ? f->type : 'd';
    bool as_float = strchr("eEfFgG%", type) != NULL;
    if (f->precision >= 0 && !as_float) {
        gs_raise(vm, vm->e_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f->no_neg_0 && !as_float && strchr("bcdoxXn", type)) {
        gs_raise(vm, vm->e_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    char digits[80];
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    const char *prefix = "";
    int base = 10;
    switch (type) {
    case 'd': case 'n': base = 10; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'b': base = 2; prefix = "0b"; break;
    case 'c': {
        if (v < 0 || v > 0x10ffff) {
            gs_raise(vm, vm->e_OverflowError, "%%c arg not in range(0x110000)");
            return NULL;
        }
        char u[5];
        int len;
        uint32_t c = (uint32_t)v;
        if (c < 0x80) { u[0] = (char)c; len = 1; }
        else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); len = 2; }
        else if (c < 0x10000) { u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); len = 3; }
        else { u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F)); u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); len = 4; }
        gs_Buf out;
        gs_buf_init(&out);
        pad_into(&out, f, u, (size_t)len, 1, 0, '<');
        return gs_buf_to_str(vm, &out);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        gs_Object *fl = gs_float_new(vm, (double)v);
        if (!fl)
            return NULL;
        char spec[64];
        snprintf(spec, sizeof spec, "%s", "");
        gs_Object *r;
        {
            r = gs_format_float(vm, (double)v, f);
        }
        gs_decref(vm, fl);
        return r;
    }
    default:
        gs_raise(vm, vm->e_ValueError, "Unknown format code '%c' for object of type 'int'", type);
        return NULL;
    }
    int nd = 0;
    char tmp[80];
    do {
        int d = (int)(mag % (uint64_t)base);
        tmp[nd++] = (char)(d < 10 ? '0' + d : (type == 'X' ? 'A' : 'a') + d - 10);
        mag /= (uint64_t)base;
    } while (mag);
    for (int i = 0; i < nd; i++)
        digits[i] = tmp[nd - 1 - i];
    gs_Buf body;
    gs_buf_init(&body);
    if (v < 0)
        gs_buf_addc(&body, '-');
    else if (f->sign == '+')
        gs_buf_addc(&body, '+');
    else if (f->sign == ' ')
        gs_buf_addc(&body, ' ');
    if (f->alt)
        gs_buf_adds(&body, prefix);
    size_t sign_len = body.len;
    if (f->grouping) {
        int every = base == 10 ? 3 : 4;
        group_digits(&body, digits, (size_t)nd, f->grouping, every);
    } else
        gs_buf_add(&body, digits, (size_t)nd);
    gs_Buf out;
    gs_buf_init(&out);
    pad_into(&out, f, body.data, body.len, (int32_t)body.len, sign_len, '>');
    gs_buf_free(&body);
    return gs_buf_to_str(vm, &out);
}

gs_Object *gs_format_float(gs_VM *vm, double v, void *spec)
{
    FormatSpec *f = spec;
    char type = f->type;
    int64_t prec = f->precision;
    gs_Buf num;
    gs_buf_init(&num);
    bool neg = signbit(v) && !isnan(v);
    double a = neg ? -v : v;
    if (isinf(a) || isnan(a)) {
        gs_buf_adds(&num, isnan(a) ? "nan" : "inf");
        if (type == 'F' || type == 'E' || type == 'G') {
            for (size_t i = 0; i < num.len; i++)
                num.data[i] = (char)toupper((unsigned char)num.data[i]);
        }
    } else if (type == 0 && prec < 0) {
        gs_float_repr_into(&num, a);
    } else {
        char fmt[16];
        char t = type ? type : 'g';
        bool percent = t == '%';
        if (percent) {
            a *= 100;
            t = 'f';
        }
        if (prec < 0)
            prec = 6;
        if (type == 0) {
            /* no type but a precision: like 'g' but always keeps a digit after the point when needed */
            t = 'g';
        }
        if (prec > 400)
            prec = 400;
        snprintf(fmt, sizeof fmt, "%%%s.%d%c", f->alt ? "#" : "", (int)prec, t);
        char *tmp = malloc(800);
        if (!tmp) {
            gs_raise_memory(vm);
            return NULL;
        }
        snprintf(tmp, 800, fmt, a);
        if (type == 0 && !strpbrk(tmp, ".e") && !isinf(a)) {
            /* format(1.0, '.3') gives '1.0' */
            size_t l = strlen(tmp);
            if (l + 2 < 800) {
                tmp[l] = '.';
                tmp[l + 1] = '0';
                tmp[l + 2] = 0;
            }
        }
        /* CPython writes exponents with at least two digits, as C does */
        gs_buf_adds(&num, tmp);
        if (percent)
            gs_buf_addc(&num, '%');
        free(tmp);
    }
    if (neg && f->no_neg_0) {
        /* Py_DTSF_NO_NEG_0: drop the sign when the digits shown are all 0 */
        bool zero = true;
        for (size_t i = 0; i < num.len && num.data[i] != 'e' && num.data[i] != 'E'; i++)
            if (isdigit((unsigned char)num.data[i]) && num.data[i] != '0')
                zero = false;
        if (zero && !isinf(a))
            neg = false;
    }
    gs_Buf body;
    gs_buf_init(&body);
    if (neg)
        gs_buf_addc(&body, '-');
    else if (f->sign == '+')
        gs_buf_addc(&body, '+');
    else if (f->sign == ' ')
        gs_buf_addc(&body, ' ');
    size_t sign_len = body.len;
    if (f->grouping) {
        size_t intlen = 0;
        while (intlen < num.len && isdigit((unsigned char)num.data[intlen]))
            intlen++;
        group_digits(&body, num.data, intlen, f->grouping, 3);
        gs_buf_add(&body, num.data + intlen, num.len - intlen);
    } else
        gs_buf_add(&body, num.data ? num.data : "", num.len);
    gs_buf_free(&num);
    gs_Buf out;
    gs_buf_init(&out);
    pad_into(&out, f, body.data, body.len, (int32_t)body.len, sign_len, '>');
    gs_buf_free(&body);
    return gs_buf_to_str(vm, &out);
}

static gs_Object *format_impl(gs_VM *vm, gs_Object *v, gs_Object *specobj);

/* PyObject_Format: str and int with an empty spec are done at once; anything
 * else goes through its __format__, which _PyObject_LookupSpecial hands
 * over bound (a GC object, freed after the call: gc.get_count() sees it). */
gs_Object *gs_format(gs_VM *vm, gs_Object *v, gs_Object *specobj)
{
    if (((gs_Str *)specobj)->len == 0 && (GS_KIND(v) == GS_K_STR || GS_KIND(v) == GS_K_INT))
        return format_impl(vm, v, specobj);
    gs_Object *meth = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_Object *r = format_impl(vm, v, specobj);
    gs_phantom_free(vm, meth);
    return r;
}

static gs_Object *format_impl(gs_VM *vm, gs_Object *v, gs_Object *specobj)
{
    gs_Str *spec = (gs_Str *)specobj;
    if (gs_dispatches(v) && gs_type_lookup_slot(vm, v->type, gs_name(vm, "__format__"))) {
        gs_Object *m = gs_type_lookup_slot(vm, v->type, gs_name(vm, "__format__"));
        gs_Object *args[2] = { v, specobj };
        return gs_call_object(vm, m, args, 2, NULL);
    }
    if (GS_KIND(v) == GS_K_INSTANCE || GS_KIND(v) == GS_K_EXCEPTION) {
        gs_Object *m = gs_type_lookup(v->type, gs_name(vm, "__format__"));
        if (m) {
            gs_Object *args[2] = { v, specobj };
            return gs_call_object(vm, m, args, 2, NULL);
        }
        if (spec->len) {
            gs_raise(vm, vm->e_TypeError, "unsupported format string passed to %s.__format__", gs_type_name(v));
            return NULL;
        }
        return gs_str(vm, v);
    }
    if (spec->len == 0)
        return gs_str(vm, v);
    FormatSpec f;
    if (parse_spec(vm, spec->data, (size_t)spec->len, &f) < 0)
        return NULL;
    switch (GS_KIND(v)) {
    case GS_K_INT:
        if (f.type == 's' || f.type == 'r') goto bad_code;
        return format_int(vm, ((gs_Int *)v)->value, &f);
    case GS_K_BOOL: /* int.__format__: a non-empty spec formats 1 or 0 */
        if (f.type == 's' || f.type == 'r') goto bad_code;
        return format_int(vm, v == vm->true_, &f);
    case GS_K_FLOAT:
        if (f.type && !strchr("eEfFgG%n", f.type)) goto bad_code;
        return gs_format_float(vm, ((gs_Float *)v)->value, &f);
    case GS_K_STR: {
        gs_Str *s = (gs_Str *)v;
        if (f.type && f.type != 's') goto bad_code;
        if (f.grouping) {
            gs_raise(vm, vm->e_ValueError, "Cannot specify '%c' with 's'.", f.grouping);
            return NULL;
        }
        if (f.sign) {
            gs_raise(vm, vm->e_ValueError, f.sign == ' ' ? "Space not allowed in string format specifier"
                                                         : "Sign not allowed in string format specifier");
            return NULL;
        }
        if (f.no_neg_0) {
            gs_raise(vm, vm->e_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
            return NULL;
        }
        if (f.alt) {
            gs_raise(vm, vm->e_ValueError, "Alternate form (#) not allowed in string format specifier");
            return NULL;
        }
        if (f.align == '=') {
            gs_raise(vm, vm->e_ValueError, "'=' alignment not allowed in string format specifier");
            return NULL;
        }
        size_t blen = (size_t)s->len;
        int32_t bchars = s->nchars;
        if (f.precision >= 0 && f.precision < bchars) {
            blen = (size_t)(gs_utf8_offset(s->data, (size_t)s->len, f.precision) - s->data);
            bchars = (int32_t)f.precision;
        }
        gs_Buf out;
        gs_buf_init(&out);
        pad_into(&out, &f, s->data, blen, bchars, 0, '<');
        return gs_buf_to_str(vm, &out);
    }
    default: {
        gs_Object *s = gs_str(vm, v);
        if (!s)
            return NULL;
        if (spec->len) {
            gs_decref(vm, s);
            gs_raise(vm, vm->e_TypeError, "unsupported format string passed to %s.__format__", gs_type_name(v));
            return NULL;
        }
        return s;
    }
    }
bad_code:
    gs_raise(vm, vm->e_ValueError, "Unknown format code '%c' for object of type '%s'", f.type, gs_type_name(v));
    return NULL;
}

/* str.format: {} {0} {name} {0!r:>5} {{ }} and {x.attr} / {x[0]} */
#define S ((gs_Str *)self)

gs_Object *gs_str_format_method(GS_ARGS)
{
    gs_Str *s = S;
    int npos = gs_npos(nargs, kwnames);
    gs_Buf out;
    gs_buf_init(&out);
    int auto_ix = 0;
    bool manual = false, automatic = false;
    int32_t i = 0;
    while (i < s->len) {
        char c = s->data[i];
        if (c == '{' && i + 1 < s->len && s->data[i + 1] == '{') {
            gs_buf_addc(&out, '{');
            i += 2;
            continue;
        }
        if (c == '}' && i + 1 < s->len && s->data[i + 1] == '}') {
            gs_buf_addc(&out, '}');
            i += 2;
            continue;
        }
        if (c == '}') {
            gs_raise(vm, vm->e_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (c != '{') {
            gs_buf_addc(&out, c);
            i++;
            continue;
        }
        /* find the matching close brace (nested braces in the spec) */
        int32_t j = i + 1, depth = 1;
        while (j < s->len && depth) {
            if (s->data[j] == '{')
                depth++;
            else if (s->data[j] == '}')
                depth--;
            if (depth)
                j++;
        }
        if (j >= s->len) {
            gs_raise(vm, vm->e_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        const char *field = s->data + i + 1;
        int32_t flen = j - i - 1;
        i = j + 1;
        /* split field: name [!conv] [:spec] */
        int32_t name_end = 0;
        while (name_end < flen && field[name_end] != '!' && field[name_end] != ':')
            name_end++;
        char conv = 0;
        int32_t spec_start = name_end;
        if (spec_start < flen && field[spec_start] == '!') {
            if (spec_start + 1 >= flen) {
                gs_raise(vm, vm->e_ValueError, "end of string while looking for conversion specifier");
                goto fail;
            }
            conv = field[spec_start + 1];
            spec_start += 2;
            if (spec_start < flen && field[spec_start] != ':') {
                gs_raise(vm, vm->e_ValueError, "expected ':' after conversion specifier");
                goto fail;
            }
        }
        const char *spec = "";
        int32_t speclen = 0;
        if (spec_start < flen && field[spec_start] == ':') {
            spec = field + spec_start + 1;
            speclen = flen - spec_start - 1;
        }
        /* the argument */
        int32_t k = 0;
        while (k < name_end && field[k] != '.' && field[k] != '[')
            k++;
        gs_Object *val = NULL;
        if (k == 0) {
            if (manual) {
                gs_raise(vm, vm->e_ValueError, "cannot switch from manual field specification to automatic field numbering");
                goto fail;
            }
            automatic = true;
            if (auto_ix >= npos) {
                gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple", auto_ix);
                goto fail;
            }
            val = gs_newref(vm, args[auto_ix++]);
        } else if (isdigit((unsigned char)field[0])) {
            if (automatic) {
                gs_raise(vm, vm->e_ValueError, "cannot switch from automatic field numbering to manual field specification");
                goto fail;
            }
            manual = true;
            int ix = atoi(field);
            if (ix >= npos) {
                gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple", ix);
                goto fail;
            }
            val = gs_newref(vm, args[ix]);
        } else {
            char nm[256];
            snprintf(nm, sizeof nm, "%.*s", (int)k, field);
            gs_Object *kv = gs_kwarg(vm, args, nargs, kwnames, nm);
            if (!kv) {
                gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, gs_str_from_cstr(vm, nm))));
                goto fail;
            }
            val = gs_newref(vm, kv);
        }
        /* .attr and [index] chains */
        while (k < name_end) {
            if (field[k] == '.') {
                int32_t e = k + 1;
                while (e < name_end && field[e] != '.' && field[e] != '[')
                    e++;
                gs_Object *an = gs_str_intern(vm, field + k + 1, (size_t)(e - k - 1));
                gs_Object *nv = an ? gs_getattr(vm, val, (gs_Str *)an) : NULL;
                gs_xdecref(vm, an);
                gs_decref(vm, val);
                if (!nv)
                    goto fail;
                val = nv;
                k = e;
            } else {
                int32_t e = k + 1;
                while (e < name_end && field[e] != ']')
                    e++;
                gs_Object *key;
                bool digits = e > k + 1;
                for (int32_t q = k + 1; q < e; q++)
                    if (!isdigit((unsigned char)field[q]))
                        digits = false;
                if (digits)
                    key = gs_int_new(vm, atoll(field + k + 1));
                else
                    key = gs_str_new(vm, field + k + 1, (size_t)(e - k - 1));
                gs_Object *nv = key ? gs_getitem(vm, val, key) : NULL;
                gs_xdecref(vm, key);
                gs_decref(vm, val);
                if (!nv)
                    goto fail;
                val = nv;
                k = e + 1;
            }
        }
        gs_Object *cv = val;
        if (conv == 'r' || conv == 'a')
            cv = gs_repr(vm, val);
        else if (conv == 's')
            cv = gs_str(vm, val);
        else if (conv) {
            gs_raise(vm, vm->e_ValueError, "Unknown conversion specifier %c", conv);
            gs_decref(vm, val);
            goto fail;
        } else
            gs_incref(vm, cv);
        gs_decref(vm, val);
        if (!cv)
            goto fail;
        /* nested replacement fields in the spec ({:{}{}}) take the next
         * arguments, numbered together with the outer fields */
        gs_Object *specobj;
        if (memchr(spec, '{', (size_t)speclen)) {
            gs_Buf sb;
            gs_buf_init(&sb);
            bool bad = false;
            for (int32_t q = 0; q < speclen && !bad; q++) {
                if (spec[q] != '{') {
                    gs_buf_addc(&sb, spec[q]);
                    continue;
                }
                int32_t e = q + 1;
                while (e < speclen && spec[e] != '}')
                    e++;
                gs_Object *nv = NULL;
                if (e == q + 1) {
                    if (manual) {
                        gs_raise(vm, vm->e_ValueError,
                                 "cannot switch from manual field specification to automatic field numbering");
                        bad = true;
                        break;
                    }
                    automatic = true;
                    if (auto_ix >= npos) {
                        gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple",
                                 auto_ix);
                        bad = true;
                        break;
                    }
                    nv = args[auto_ix++];
                } else if (isdigit((unsigned char)spec[q + 1])) {
                    manual = true;
                    int ix = atoi(spec + q + 1);
                    if (ix >= npos) {
                        gs_raise(vm, vm->e_IndexError, "Replacement index %d out of range for positional args tuple", ix);
                        bad = true;
                        break;
                    }
                    nv = args[ix];
                } else {
                    char nm[128];
                    snprintf(nm, sizeof nm, "%.*s", (int)(e - q - 1), spec + q + 1);
                    nv = gs_kwarg(vm, args, nargs, kwnames, nm);
                    if (!nv) {
                        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError,
                                                          gs_tuple_pack(vm, 1, gs_str_from_cstr(vm, nm))));
                        bad = true;
                        break;
                    }
                }
                gs_Object *ns = gs_str(vm, nv);
                if (!ns) {
                    bad = true;
                    break;
                }
                gs_buf_add(&sb, ((gs_Str *)ns)->data, (size_t)((gs_Str *)ns)->len);
                gs_decref(vm, ns);
                q = e;
            }
            if (bad) {
                gs_buf_free(&sb);
                gs_decref(vm, cv);
                goto fail;
            }
            specobj = gs_buf_to_str(vm, &sb);
        } else
            specobj = gs_str_new(vm, spec, (size_t)speclen);
        if (!specobj) {
            gs_decref(vm, cv);
            goto fail;
        }
        gs_Object *fv = gs_format(vm, cv, specobj);
        gs_decref(vm, cv);
        gs_decref(vm, specobj);
        if (!fv)
            goto fail;
        gs_buf_add(&out, ((gs_Str *)fv)->data, (size_t)((gs_Str *)fv)->len);
        gs_decref(vm, fv);
    }
    return gs_buf_to_str(vm, &out);
fail:
    gs_buf_free(&out);
    return NULL;
}
#undef S
