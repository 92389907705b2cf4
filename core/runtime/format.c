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

/* mag's digits in base, most significant first (upper case for X): how many */
static int u64_digits(uint64_t mag, int base, bool upper, char *out)
{
    char tmp[80];
    int nd = 0;
    do {
        int d = (int)(mag % (uint64_t)base);
        tmp[nd++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
        mag /= (uint64_t)base;
    } while (mag);
    for (int i = 0; i < nd; i++)
        out[i] = tmp[nd - 1 - i];
    return nd;
}

/* an int past 64 bits: its digits in the type's base (upper case for X) */
static char *big_digits_for(gs_VM *vm, gs_Object *v, int base, bool upper)
{
    char *s = gs_big_digits(vm, v, base);
    if (s && upper)
        for (char *p = s; *p; p++)
            *p = (char)toupper((unsigned char)*p);
    return s;
}

static gs_Object *format_int(gs_VM *vm, int64_t v, gs_Object *big, FormatSpec *f)
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
        if (big || v < 0 || v > 0x10ffff) {
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
        double d = (double)v;
        if (big && gs_int_to_double(vm, big, &d) < 0)
            return NULL;
        return gs_format_float(vm, d, f);
    }
    default:
        gs_raise(vm, vm->e_ValueError, "Unknown format code '%c' for object of type 'int'", type);
        return NULL;
    }
    int nd = 0;
    char *bigs = NULL;
    const char *dp = digits;
    if (big) {
        if (!(bigs = big_digits_for(vm, big, base, type == 'X')))
            return NULL;
        dp = bigs + (bigs[0] == '-');
        nd = (int)strlen(dp);
    } else
        nd = u64_digits(mag, base, type == 'X', digits);
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
        group_digits(&body, dp, (size_t)nd, f->grouping, every);
    } else
        gs_buf_add(&body, dp, (size_t)nd);
    free(bigs);
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
        if (type == '%')
            gs_buf_addc(&num, '%'); /* format(inf, '%') is 'inf%' */
    } else if (type == 0 && prec < 0) {
        gs_float_repr_into(&num, a);
    } else {
        char fmt[16];
        char t = type == 'n' ? 'g' : type ? type : 'g'; /* 'n': 'g' in the C locale */
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
        if (!strchr("eEfFgG", t))
            t = 'g'; /* never a conversion of another kind (a %n would write) */
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
    return gs_format_builtin(vm, v, specobj);
}

/* int.__format__, float.__format__, str.__format__ (and complex's, bool's):
 * the built-in kind's own formatting, whatever the class */
gs_Object *gs_format_builtin(gs_VM *vm, gs_Object *v, gs_Object *specobj)
{
    gs_Str *spec = (gs_Str *)specobj;
    if (spec->len == 0)
        return gs_str(vm, v);
    FormatSpec f;
    if (parse_spec(vm, spec->data, (size_t)spec->len, &f) < 0)
        return NULL;
    switch (GS_KIND(v)) {
    case GS_K_INT:
        if (f.type == 's' || f.type == 'r') goto bad_code;
        return format_int(vm, ((gs_Int *)v)->value, gs_int_is_big(v) ? v : NULL, &f);
    case GS_K_BOOL: /* int.__format__: a non-empty spec formats 1 or 0 */
        if (f.type == 's' || f.type == 'r') goto bad_code;
        return format_int(vm, v == vm->true_, NULL, &f);
    case GS_K_COMPLEX:
        return gs_complex_format(vm, v, spec);
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

static int utf8_kind(const char *s, size_t n);

/* What was added to out since `from` went through CPython's writer
 * (whole: as one str, _PyUnicodeWriter_WriteStr) */
static void format_wrote(gs_VM *vm, gs_UWriter *w, gs_Buf *out, size_t from, bool whole)
{
    if (!vm->tm || out->len <= from)
        return;
    const char *s = out->data + from;
    size_t n = out->len - from;
    w->whole = whole;
    gs_uwriter_write(vm, w, gs_utf8_len(s, n), utf8_kind(s, n));
    w->whole = false;
}

/* str.format: {} {0} {name} {0!r:>5} {{ }} and {x.attr} / {x[0]} */
#define S ((gs_Str *)self)

/* str.format(*args, **kwargs), or str.format_map(mapping) when mapping is
 * given: its fields are looked up as mapping[name] (a dict subclass's
 * __missing__ answers) and positional ones are an error */
static gs_Object *str_format_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames,
                                  gs_Object *mapping)
{
    gs_Str *s = S;
    int npos = gs_npos(nargs, kwnames);
    gs_Buf out;
    gs_buf_init(&out);
    /* CPython's writer (build_string), for tracemalloc: each literal run
     * and each field is a write; the last one is not over-allocated */
    gs_UWriter w = { .over = true, .min_length = s->nchars + 100 };
    size_t lit_from = 0; /* where the literal run not yet written starts in out */
    int auto_ix = 0;
    bool manual = false, automatic = false;
    int32_t i = 0;
    while (i < s->len) {
        char c = s->data[i];
        if ((c == '{' || c == '}') && i + 1 < s->len && s->data[i + 1] == c) {
            /* a doubled brace ends a literal run with one of them */
            gs_buf_addc(&out, c);
            i += 2;
            if (i >= s->len)
                w.over = false;
            format_wrote(vm, &w, &out, lit_from, false);
            lit_from = out.len;
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
        format_wrote(vm, &w, &out, lit_from, false); /* the literal run before the field */
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
        if (mapping && (k == 0 || isdigit((unsigned char)field[0]))) {
            gs_raise(vm, vm->e_ValueError, "Format string contains positional fields");
            goto fail;
        }
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
            if (mapping) {
                gs_Object *key = gs_str_new(vm, field, (size_t)k);
                val = key ? gs_getitem(vm, mapping, key) : NULL;
                gs_xdecref(vm, key);
                if (!val)
                    goto fail;
            }
            gs_Object *kv = mapping ? val : gs_kwarg(vm, args, nargs, kwnames, nm);
            if (!kv) {
                gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, gs_str_from_cstr(vm, nm))));
                goto fail;
            }
            if (!mapping)
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
        if (i >= s->len)
            w.over = false; /* the last field */
        if (!conv && !speclen && val->type == vm->t_int && !gs_int_is_big(val)) {
            /* _PyLong_FormatWriter: the digits straight into the writer,
             * beside long_to_decimal_string's scratch int */
            char digits[24];
            int64_t iv = ((gs_Int *)val)->value;
            size_t from = out.len;
            gs_buf_add(&out, digits, (size_t)snprintf(digits, sizeof digits, "%" PRId64, iv));
            uintptr_t scratch = gs_decimal_scratch(vm, iv);
            format_wrote(vm, &w, &out, from, false);
            if (scratch && vm->tm)
                gs_tm_drop_block(vm, scratch);
            lit_from = out.len;
            gs_decref(vm, val);
            continue;
        }
        gs_Object *cv = val;
        if (conv == 'r')
            cv = gs_repr(vm, val);
        else if (conv == 'a')
            cv = gs_ascii(vm, val);
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
        /* an exact str with no spec is written as it is */
        gs_Object *fv = !speclen && cv->type == vm->t_str ? gs_newref(vm, cv) : gs_format(vm, cv, specobj);
        gs_decref(vm, cv);
        gs_decref(vm, specobj);
        if (!fv)
            goto fail;
        if (out.len == 0 && i >= s->len && !speclen && fv->type == vm->t_str) {
            /* the whole result is one str written into an empty writer
             * that does not over-allocate: CPython returns that str */
            gs_buf_free(&out);
            gs_uwriter_finish(vm, &w);
            return fv;
        }
        size_t from = out.len;
        gs_buf_add(&out, ((gs_Str *)fv)->data, (size_t)((gs_Str *)fv)->len);
        format_wrote(vm, &w, &out, from, !speclen);
        lit_from = out.len;
        gs_decref(vm, fv);
    }
    w.over = false;
    if (lit_from == 0 && out.len == (size_t)s->len && s->ob.type == vm->t_str) {
        /* no field and no doubled brace: the format itself, written whole
         * into an empty writer, is the result */
        gs_buf_free(&out);
        return gs_newref(vm, self);
    }
    format_wrote(vm, &w, &out, lit_from, false); /* the last literal run */
    gs_uwriter_finish(vm, &w);
    return gs_buf_to_str(vm, &out);
fail:
    gs_uwriter_finish(vm, &w);
    gs_buf_free(&out);
    return NULL;
}

gs_Object *gs_str_format_method(GS_ARGS) { return str_format_impl(vm, self, args, nargs, kwnames, NULL); }

gs_Object *gs_str_format_map_method(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return str_format_impl(vm, self, NULL, 0, NULL, args[0]);
}
#undef S

/* ================================================================== ascii() */

/* PyObject_ASCII: the repr with every non-ASCII code point escaped
 * (\xNN, \uNNNN, \UNNNNNNNN), as ascii(), %a and {!a} show it. */
gs_Object *gs_ascii(gs_VM *vm, gs_Object *o)
{
    gs_Object *r = gs_repr(vm, o);
    if (!r)
        return NULL;
    gs_Str *s = (gs_Str *)r;
    if (s->nchars == s->len)
        return r;
    gs_Buf b;
    gs_buf_init(&b);
    for (int32_t i = 0; i < s->len;) {
        size_t adv;
        uint32_t cp = gs_utf8_decode((const unsigned char *)s->data + i, (size_t)(s->len - i), &adv);
        if (cp < 0x80)
            gs_buf_addc(&b, (char)cp);
        else if (cp < 0x100)
            gs_buf_printf(&b, "\\x%02x", cp);
        else if (cp < 0x10000)
            gs_buf_printf(&b, "\\u%04x", cp);
        else
            gs_buf_printf(&b, "\\U%08x", cp);
        i += (int32_t)adv;
    }
    gs_decref(vm, r);
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== str % args
 *
 * printf-style formatting, a port of CPython 3.11's PyUnicode_Format
 * (Objects/unicodeobject.c) with its state machine kept as it is, because
 * programs see its corners: which argument a '*' takes, when a mapping is
 * "the" argument, and the errors ("not enough arguments for format
 * string", "not all arguments converted during string formatting", "%d
 * format: a real number is required, not str", ...).  It allocates no GC
 * object, as CPython's does not, so gc.get_count() is untouched.  The
 * format is read as code points: widths, precisions and the index in
 * "unsupported format character" count characters, not bytes. */

enum { PF_LJUST = 1, PF_SIGN = 2, PF_BLANK = 4, PF_ALT = 8, PF_ZERO = 16, PF_NONEG0 = 32 };

typedef struct PctCtx {
    gs_VM *vm;
    gs_Object *args;       /* the tuple, the single argument, or a mapping's value (owned if args_owned) */
    bool args_owned;
    int64_t arglen, argidx;
    gs_Object *dict;       /* args when it is a mapping (borrowed), else NULL */
    const uint32_t *fmt;   /* the format's code points (a bytes format's bytes) */
    int64_t fmtcnt, fmtpos;
    bool bytes;            /* bytes % args (_PyBytes_FormatEx): out holds code points below 256 */
    gs_Buf out;
    gs_UWriter w;          /* str % args: CPython's writer, for tracemalloc */
    uintptr_t held[2];     /* blocks CPython holds while an argument's text is written */
    gs_Object *str_arg;    /* the exact str a %s just wrote (borrowed) */
    gs_Object *sole;       /* that str, when it is the whole result (owned): CPython returns it */
    bool direct;           /* an int's digits went straight into the writer (_PyLong_FormatWriter) */
} PctCtx;


/* The PEP 393 kind (gs_str_kind's numbering) of UTF-8 text */
static int utf8_kind(const char *s, size_t n)
{
    unsigned top = 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] > top)
            top = (unsigned char)s[i];
    return top < 0x80 ? 0 : top < 0xC4 ? 1 : top < 0xF0 ? 2 : 4;
}

/* What was added to c->out since `from` went through CPython's writer */
static void pct_wrote(PctCtx *c, size_t from)
{
    if (c->bytes || !c->vm->tm || c->out.len <= from)
        return;
    const char *s = c->out.data + from;
    size_t n = c->out.len - from;
    gs_uwriter_write(c->vm, &c->w, gs_utf8_len(s, n), utf8_kind(s, n));
}

typedef struct PctArg {
    uint32_t ch;
    int flags;
    int64_t width;
    int prec;
    bool sign;
} PctArg;

static void buf_add_cp(gs_Buf *b, uint32_t c)
{
    char u[4];
    int len;
    if (c < 0x80) { u[0] = (char)c; len = 1; }
    else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); len = 2; }
    else if (c < 0x10000) { u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); len = 3; }
    else { u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F)); u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); len = 4; }
    gs_buf_add(b, u, (size_t)len);
}

/* PyMapping_Check: the type has mp_subscript (dict, list, range, bytes,
 * any class with __getitem__...); tuples and str are excluded by the
 * caller, as PyUnicode_Format does. */
static bool pct_is_mapping(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_DICT: case GS_K_LIST: case GS_K_TUPLE: case GS_K_STR: case GS_K_RANGE:
        return true;
    case GS_K_INT: case GS_K_BOOL: case GS_K_FLOAT: case GS_K_NONE:
        return false;
    default:
        return gs_type_lookup(o->type, vm->s___getitem__) != NULL;
    }
}

/* PyNumber_Check: int, float, bool, or a class with __index__, __int__,
 * __float__ or __complex__ */
static bool pct_is_number(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_INT: case GS_K_BOOL: case GS_K_FLOAT:
        return true;
    case GS_K_STR: case GS_K_NONE: case GS_K_LIST: case GS_K_TUPLE: case GS_K_DICT:
        return false;
    default:
        return gs_type_lookup(o->type, gs_name(vm, "__index__")) || gs_type_lookup(o->type, gs_name(vm, "__int__")) ||
               gs_type_lookup(o->type, gs_name(vm, "__float__")) ||
               gs_type_lookup(o->type, gs_name(vm, "__complex__"));
    }
}

static gs_Object *pct_next_arg(PctCtx *c)
{
    if (c->argidx < c->arglen) {
        int64_t ix = c->argidx++;
        return c->arglen < 0 ? c->args : ((gs_Tuple *)c->args)->items[ix];
    }
    gs_raise(c->vm, c->vm->e_TypeError, "not enough arguments for format string");
    return NULL;
}

/* An int (or a class's __index__/__int__ result) as int64_t: *out.  0 ok,
 * -1 error (set).  `index_only`: _PyNumber_Index, else PyNumber_Long. */
static int pct_as_int(gs_VM *vm, gs_Object *v, bool index_only, int64_t *out)
{
    if (GS_KIND(v) == GS_K_INT || GS_KIND(v) == GS_K_BOOL)
        return gs_as_int(vm, v, out);
    gs_Object *r = NULL;
    if (index_only || GS_KIND(v) != GS_K_FLOAT) {
        gs_Object *m = index_only ? NULL : gs_type_lookup(v->type, gs_name(vm, "__int__"));
        if (!m)
            m = gs_type_lookup(v->type, gs_name(vm, "__index__"));
        if (!m) {
            if (index_only)
                gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(v));
            else
                gs_raise(vm, vm->e_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                         gs_type_name(v));
            return -1;
        }
        r = gs_call_object(vm, m, &v, 1, NULL);
    } else
        r = gs_int_from_object(vm, v, NULL);
    if (!r)
        return -1;
    if (GS_KIND(r) != GS_K_INT && GS_KIND(r) != GS_K_BOOL) {
        gs_raise(vm, vm->e_TypeError, "__int__ returned non-int (type %s)", gs_type_name(r));
        gs_decref(vm, r);
        return -1;
    }
    int rc = gs_as_int(vm, r, out);
    gs_decref(vm, r);
    return rc;
}

/* PyFloat_AsDouble: a float, an int, or a class's __float__ / __index__ */
static int pct_as_double(gs_VM *vm, gs_Object *v, double *out)
{
    switch (GS_KIND(v)) {
    case GS_K_FLOAT: *out = ((gs_Float *)v)->value; return 0;
    case GS_K_INT: return gs_int_to_double(vm, v, out);
    case GS_K_BOOL: *out = v == vm->true_; return 0;
    default: break;
    }
    if (GS_KIND(v) != GS_K_STR && GS_KIND(v) != GS_K_NONE) {
        gs_Object *m = gs_type_lookup(v->type, gs_name(vm, "__float__"));
        if (m) {
            gs_Object *r = gs_call_object(vm, m, &v, 1, NULL);
            if (!r)
                return -1;
            if (GS_KIND(r) != GS_K_FLOAT) {
                gs_raise(vm, vm->e_TypeError, "%s.__float__ returned non-float (type %s)", gs_type_name(v),
                         gs_type_name(r));
                gs_decref(vm, r);
                return -1;
            }
            *out = ((gs_Float *)r)->value;
            gs_decref(vm, r);
            return 0;
        }
        if (gs_type_lookup(v->type, gs_name(vm, "__index__"))) {
            int64_t i;
            if (pct_as_int(vm, v, true, &i) < 0)
                return -1;
            *out = (double)i;
            return 0;
        }
    }
    gs_raise(vm, vm->e_TypeError, "must be real number, not %s", gs_type_name(v));
    return -1;
}

/* _PyUnicode_FormatLong: "-"? ("0x" | "0X" | "0o")? digit+, with at least
 * prec digits */
/* '%d' and friends of a value's digits (most significant first) */
static void pct_format_digits(gs_Buf *b, bool neg, const char *digits, size_t nd, bool alt, int prec, uint32_t type)
{
    if (neg)
        gs_buf_addc(b, '-');
    if (alt && type != 'd' && type != 'i' && type != 'u') {
        gs_buf_addc(b, '0');
        gs_buf_addc(b, (char)type);
    }
    for (int64_t i = (int64_t)nd; i < prec; i++)
        gs_buf_addc(b, '0');
    gs_buf_add(b, digits, nd);
}

static void pct_format_long(gs_Buf *b, int64_t v, bool alt, int prec, uint32_t type)
{
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    char digits[80];
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int nd = u64_digits(mag, base, type == 'X', digits);
    pct_format_digits(b, v < 0, digits, (size_t)nd, alt, prec, type);
}


/* unicode_format_arg_parse: "(key)", flags, width, precision, length modifier */
static int pct_parse(PctCtx *c, PctArg *a)
{
    gs_VM *vm = c->vm;
    if (a->ch == '(') {
        if (!c->dict) {
            gs_raise(vm, vm->e_TypeError, "format requires a mapping");
            return -1;
        }
        ++c->fmtpos;
        --c->fmtcnt;
        int64_t keystart = c->fmtpos;
        int pcount = 1;
        while (pcount > 0 && --c->fmtcnt >= 0) {
            a->ch = c->fmt[c->fmtpos];
            if (a->ch == ')')
                --pcount;
            else if (a->ch == '(')
                ++pcount;
            c->fmtpos++;
        }
        int64_t keylen = c->fmtpos - keystart - 1;
        if (c->fmtcnt < 0 || pcount > 0) {
            gs_raise(vm, vm->e_ValueError, "incomplete format key");
            return -1;
        }
        gs_Buf kb;
        gs_buf_init(&kb);
        for (int64_t i = 0; i < keylen; i++)
            buf_add_cp(&kb, c->fmt[keystart + i]);
        gs_Object *key;
        if (c->bytes) { /* a bytes format's keys are bytes */
            char *kbytes = malloc((size_t)keylen + 1);
            for (int64_t i = 0; kbytes && i < keylen; i++)
                kbytes[i] = (char)c->fmt[keystart + i];
            key = kbytes ? gs_bytes_new(vm, kbytes, (size_t)keylen) : NULL;
            free(kbytes);
            gs_buf_free(&kb);
            if (!kbytes)
                gs_raise_memory(vm);
        } else
            key = gs_buf_to_str(vm, &kb);
        if (!key)
            return -1;
        if (c->args_owned) {
            c->args_owned = false;
            gs_decref(vm, c->args);
        }
        c->args = gs_getitem(vm, c->dict, key);
        gs_decref(vm, key);
        if (!c->args)
            return -1;
        c->args_owned = true;
        c->arglen = -1;
        c->argidx = -2;
    }
    while (--c->fmtcnt >= 0) {
        a->ch = c->fmt[c->fmtpos++];
        switch (a->ch) {
        case '-': a->flags |= PF_LJUST; continue;
        case '+': a->flags |= PF_SIGN; continue;
        case ' ': a->flags |= PF_BLANK; continue;
        case '#': a->flags |= PF_ALT; continue;
        case '0': a->flags |= PF_ZERO; continue;
        case 'z': /* bytes formats only (3.11): no negative zero */
            if (c->bytes) {
                a->flags |= PF_NONEG0;
                continue;
            }
            break;
        }
        break;
    }
    if (a->ch == '*') {
        gs_Object *v = pct_next_arg(c);
        if (!v)
            return -1;
        if (GS_KIND(v) != GS_K_INT && GS_KIND(v) != GS_K_BOOL) {
            gs_raise(vm, vm->e_TypeError, "* wants int");
            return -1;
        }
        int64_t w;
        if (gs_as_int(vm, v, &w) < 0)
            return -1;
        if (w < 0) {
            a->flags |= PF_LJUST;
            w = -w;
        }
        a->width = w;
        if (--c->fmtcnt >= 0)
            a->ch = c->fmt[c->fmtpos++];
    } else if (a->ch >= '0' && a->ch <= '9') {
        a->width = a->ch - '0';
        while (--c->fmtcnt >= 0) {
            a->ch = c->fmt[c->fmtpos++];
            if (a->ch < '0' || a->ch > '9')
                break;
            if (a->width > (INT64_MAX - ((int)a->ch - '0')) / 10) {
                gs_raise(vm, vm->e_ValueError, "width too big");
                return -1;
            }
            a->width = a->width * 10 + (a->ch - '0');
        }
    }
    if (a->ch == '.') {
        a->prec = 0;
        if (--c->fmtcnt >= 0)
            a->ch = c->fmt[c->fmtpos++];
        if (a->ch == '*') {
            gs_Object *v = pct_next_arg(c);
            if (!v)
                return -1;
            if (GS_KIND(v) != GS_K_INT && GS_KIND(v) != GS_K_BOOL) {
                gs_raise(vm, vm->e_TypeError, "* wants int");
                return -1;
            }
            int64_t p;
            if (gs_as_int(vm, v, &p) < 0)
                return -1;
            if (p > INT32_MAX || p < INT32_MIN) {
                gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
                return -1;
            }
            a->prec = p < 0 ? 0 : (int)p;
            if (--c->fmtcnt >= 0)
                a->ch = c->fmt[c->fmtpos++];
        } else if (a->ch >= '0' && a->ch <= '9') {
            a->prec = (int)(a->ch - '0');
            while (--c->fmtcnt >= 0) {
                a->ch = c->fmt[c->fmtpos++];
                if (a->ch < '0' || a->ch > '9')
                    break;
                if (a->prec > (INT32_MAX - ((int)a->ch - '0')) / 10) {
                    gs_raise(vm, vm->e_ValueError, "precision too big");
                    return -1;
                }
                a->prec = a->prec * 10 + (int)(a->ch - '0');
            }
        }
    }
    if (c->fmtcnt >= 0 && (a->ch == 'h' || a->ch == 'l' || a->ch == 'L')) {
        if (--c->fmtcnt >= 0)
            a->ch = c->fmt[c->fmtpos++];
    }
    if (c->fmtcnt < 0) {
        gs_raise(vm, vm->e_ValueError, "incomplete format");
        return -1;
    }
    return 0;
}

/* unicode_format_arg_format: the argument converted to text in *body (a
 * buffer, ASCII for numbers), or NULL and -1 */
/* add bytes to a bytes format's output: one code point each */
static void pct_add_bytes(gs_Buf *body, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf_add_cp(body, (unsigned char)p[i]);
}

/* %s and %b (a bytes-like object or __bytes__), %r and %a (ascii()), %c
 * (an int below 256 or one byte) of _PyBytes_FormatEx */
static int pct_convert_bytes(PctCtx *c, PctArg *a, gs_Object *v, gs_Buf *body)
{
    gs_VM *vm = c->vm;
    gs_Kind k = GS_KIND(v);
    if (a->ch == 'r' || a->ch == 'a') {
        gs_Object *s = gs_ascii(vm, v);
        if (!s)
            return -1;
        gs_buf_add(body, ((gs_Str *)s)->data, (size_t)((gs_Str *)s)->len);
        gs_decref(vm, s);
        return 0;
    }
    if (a->ch == 'c') {
        int64_t x;
        if ((k == GS_K_BYTES && ((gs_Bytes *)v)->len == 1) || (k == GS_K_BYTEARRAY && ((gs_ByteArray *)v)->len == 1)) {
            pct_add_bytes(body, k == GS_K_BYTES ? ((gs_Bytes *)v)->data
                                                : ((gs_ByteArray *)v)->data + ((gs_ByteArray *)v)->start, 1);
            return 0;
        }
        if (k == GS_K_FLOAT || k == GS_K_NONE || k == GS_K_STR || pct_as_int(vm, v, true, &x) < 0) {
            if (k == GS_K_FLOAT || k == GS_K_NONE || k == GS_K_STR || gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_TypeError, "%%c requires an integer in range(256) or a single byte");
            }
            return -1;
        }
        if (x < 0 || x > 255) {
            gs_raise(vm, vm->e_OverflowError, "%%c arg not in range(256)");
            return -1;
        }
        buf_add_cp(body, (uint32_t)x);
        return 0;
    }
    /* %s, %b: format_obj */
    if (k == GS_K_BYTES) {
        pct_add_bytes(body, ((gs_Bytes *)v)->data, (size_t)((gs_Bytes *)v)->len);
        return 0;
    }
    if (k == GS_K_BYTEARRAY) {
        gs_ByteArray *ba = (gs_ByteArray *)v;
        if (ba->len)
            pct_add_bytes(body, ba->data + ba->start, (size_t)ba->len);
        return 0;
    }
    gs_Object *m = gs_dispatches(v) ? gs_type_lookup(v->type, gs_name(vm, "__bytes__")) : NULL;
    if (m) {
        gs_Object *r = gs_call_object(vm, m, &v, 1, NULL);
        if (!r)
            return -1;
        if (GS_KIND(r) != GS_K_BYTES) {
            gs_raise(vm, vm->e_TypeError, "__bytes__ returned non-bytes (type %s)", gs_type_name(r));
            gs_decref(vm, r);
            return -1;
        }
        pct_add_bytes(body, ((gs_Bytes *)r)->data, (size_t)((gs_Bytes *)r)->len);
        gs_decref(vm, r);
        return 0;
    }
    gs_raise(vm, vm->e_TypeError,
             "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", gs_type_name(v));
    return -1;
}

static int pct_convert(PctCtx *c, PctArg *a, gs_Buf *body)
{
    gs_VM *vm = c->vm;
    gs_Object *v = pct_next_arg(c);
    if (!v)
        return -1;
    if (c->bytes && (a->ch == 's' || a->ch == 'b' || a->ch == 'r' || a->ch == 'a' || a->ch == 'c'))
        return pct_convert_bytes(c, a, v, body);
    switch (a->ch) {
    case 's': case 'r': case 'a': {
        gs_Object *s;
        if (GS_KIND(v) == GS_K_INT && !gs_int_is_big(v) && a->width == -1 && a->prec == -1 && !c->bytes) {
            /* CPython writes an exact int's digits straight into its writer */
            char digits[24];
            int64_t iv = ((gs_Int *)v)->value;
            gs_buf_add(body, digits, (size_t)snprintf(digits, sizeof digits, "%" PRId64, iv));
            c->held[0] = gs_decimal_scratch(vm, iv);
            c->direct = true;
            return 0;
        }
        if (GS_KIND(v) == GS_K_STR && a->ch == 's') {
            s = gs_newref(vm, v);
            if (v->type == vm->t_str)
                c->str_arg = v;
        } else
            s = a->ch == 's' ? gs_str(vm, v) : a->ch == 'r' ? gs_repr(vm, v) : gs_ascii(vm, v);
        if (!s)
            return -1;
        gs_buf_add(body, ((gs_Str *)s)->data, (size_t)((gs_Str *)s)->len);
        gs_decref(vm, s);
        return 0;
    }
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': {
        int64_t iv;
        bool index_only = a->ch == 'o' || a->ch == 'x' || a->ch == 'X';
        if (!pct_is_number(vm, v))
            goto wrongtype;
        if (gs_int_is_big(v)) {
            int base = a->ch == 'o' ? 8 : (a->ch == 'x' || a->ch == 'X') ? 16 : 10;
            char *s = big_digits_for(vm, v, base, a->ch == 'X');
            if (!s)
                return -1;
            bool neg = s[0] == '-';
            pct_format_digits(body, neg, s + neg, strlen(s + neg), a->flags & PF_ALT, a->prec, a->ch);
            free(s);
            a->sign = true;
            return 0;
        }
        if (pct_as_int(vm, v, index_only, &iv) < 0) {
            if (gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                goto wrongtype;
            }
            return -1;
        }
        pct_format_long(body, iv, a->flags & PF_ALT, a->prec, a->ch);
        c->direct = GS_KIND(v) == GS_K_INT && a->width == -1 && a->prec == -1 &&
                    !(a->flags & (PF_SIGN | PF_BLANK)) && a->ch != 'X';
        if (vm->tm && !c->bytes && (a->ch == 'd' || a->ch == 'i' || a->ch == 'u')) {
            if (GS_KIND(v) == GS_K_INT && a->width == -1 && a->prec == -1 && !(a->flags & (PF_SIGN | PF_BLANK)))
                c->held[0] = gs_decimal_scratch(vm, iv); /* written straight into the writer */
            else {
                /* repr(v) made (its scratch freed), then copied into the writer */
                uintptr_t scratch = gs_decimal_scratch(vm, iv);
                char digits[24];
                c->held[1] = gs_tm_new_block(vm, 49 + (size_t)snprintf(digits, sizeof digits, "%" PRId64, iv));
                gs_tm_drop_block(vm, scratch);
            }
        }
        a->sign = true;
        return 0;
    wrongtype:
        gs_raise(vm, vm->e_TypeError, "%%%c format: %s is required, not %s", (char)a->ch,
                 index_only ? "an integer" : "a real number", gs_type_name(v));
        return -1;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double x;
        if (pct_as_double(vm, v, &x) < 0)
            return -1;
        FormatSpec f;
        memset(&f, 0, sizeof f);
        f.fill[0] = ' ';
        f.fill_len = 1;
        f.width = -1;
        f.precision = a->prec < 0 ? 6 : a->prec;
        f.alt = (a->flags & PF_ALT) != 0;
        f.type = (char)a->ch;
        gs_Object *s = gs_format_float(vm, x, &f);
        if (!s)
            return -1;
        const char *t = ((gs_Str *)s)->data;
        if ((a->flags & PF_NONEG0) && t[0] == '-' && !strpbrk(t, "123456789") && !strpbrk(t, "ni"))
            t++; /* -0.0 and what rounds to it lose their sign (not -inf, -nan) */
        gs_buf_add(body, t, strlen(t));
        gs_decref(vm, s);
        a->sign = true;
        return 0;
    }
    case 'c': {
        uint32_t ch;
        if (GS_KIND(v) == GS_K_STR) {
            gs_Str *s = (gs_Str *)v;
            if (s->nchars != 1)
                goto char_error;
            size_t adv;
            ch = gs_utf8_decode((const unsigned char *)s->data, (size_t)s->len, &adv);
        } else {
            int64_t x;
            if (GS_KIND(v) == GS_K_FLOAT || GS_KIND(v) == GS_K_NONE || pct_as_int(vm, v, true, &x) < 0) {
                if (GS_KIND(v) == GS_K_FLOAT || GS_KIND(v) == GS_K_NONE || gs_exc_matches(vm, vm->e_TypeError)) {
                    gs_clear_exc(vm);
                    goto char_error;
                }
                return -1;
            }
            if (x < 0 || x > 0x10ffff) {
                gs_raise(vm, vm->e_OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            ch = (uint32_t)x;
        }
        buf_add_cp(body, ch);
        return 0;
    char_error:
        gs_raise(vm, vm->e_TypeError, "%%c requires int or char");
        return -1;
    }
    default:
        gs_raise(vm, vm->e_ValueError, "unsupported format character '%c' (0x%x) at index %" PRId64,
                 (31 <= a->ch && a->ch <= 126) ? (char)a->ch : '?', (int)a->ch, c->fmtpos - 1);
        return -1;
    }
}

static void pct_fill(gs_Buf *b, char fill, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        gs_buf_addc(b, fill);
}

/* unicode_format_arg_output: width, precision (for s, r, a), sign and the
 * 0x prefix placed around the fill as CPython places them */
static void pct_output(PctCtx *c, PctArg *a, const char *s, size_t slen)
{
    gs_Buf *w = &c->out;
    char fill = a->sign && (a->flags & PF_ZERO) ? '0' : ' ';
    int64_t len = gs_utf8_len(s, slen);
    if ((a->width == -1 || a->width <= len) && (a->prec == -1 || a->prec >= len) &&
        !(a->flags & (PF_SIGN | PF_BLANK))) {
        gs_buf_add(w, s, slen);
        return;
    }
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 && len > a->prec) {
        len = a->prec;
        slen = (size_t)(gs_utf8_offset(s, slen, len) - s);
    }
    size_t pindex = 0;
    char signchar = 0;
    if (a->sign) {
        if (s[0] == '-' || s[0] == '+') {
            signchar = s[0];
            len--;
            pindex++;
        } else if (a->flags & PF_SIGN)
            signchar = '+';
        else if (a->flags & PF_BLANK)
            signchar = ' ';
        else
            a->sign = false;
    }
    if (a->width < len)
        a->width = len;
    if (a->sign) {
        if (fill != ' ')
            gs_buf_addc(w, signchar);
        if (a->width > len)
            a->width--;
    }
    bool prefix = (a->flags & PF_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (prefix) {
        if (fill != ' ') {
            gs_buf_add(w, s + pindex, 2);
            pindex += 2;
        }
        a->width -= 2;
        if (a->width < 0)
            a->width = 0;
        len -= 2;
    }
    if (a->width > len && !(a->flags & PF_LJUST)) {
        pct_fill(w, fill, a->width - len);
        a->width = len;
    }
    if (fill == ' ') {
        if (a->sign)
            gs_buf_addc(w, signchar);
        if (prefix) {
            gs_buf_add(w, s + pindex, 2);
            pindex += 2;
        }
    }
    if (len)
        gs_buf_add(w, s + pindex, (size_t)(gs_utf8_offset(s + pindex, slen - pindex, len) - (s + pindex)));
    if (a->width > len)
        pct_fill(w, ' ', a->width - len);
}

static int pct_arg(PctCtx *c)
{
    PctArg a = { c->fmt[c->fmtpos], 0, -1, -1, false };
    size_t from = c->out.len;
    if (a.ch == '%') {
        c->fmtpos++;
        c->fmtcnt--;
        gs_buf_addc(&c->out, '%');
        pct_wrote(c, from);
        return 0;
    }
    if (pct_parse(c, &a) < 0)
        return -1;
    if (c->fmtcnt == 0)
        c->w.over = false; /* the last argument: the writer stops over-allocating */
    gs_Buf body;
    gs_buf_init(&body);
    if (pct_convert(c, &a, &body) < 0) {
        gs_buf_free(&body);
        return -1;
    }
    if (body.oom) {
        gs_buf_free(&body);
        gs_raise_memory(c->vm);
        return -1;
    }
    /* unicode_format_arg_output's fast path writes the whole str: into an
     * empty writer that has stopped over-allocating, the str itself */
    int64_t blen = gs_utf8_len(body.data ? body.data : "", body.len);
    bool fast = (a.width == -1 || a.width <= blen) && (a.prec == -1 || a.prec >= blen) &&
                !(a.flags & (PF_SIGN | PF_BLANK));
    c->w.whole = !c->direct && fast;
    bool was_empty = c->out.len == 0;
    pct_output(c, &a, body.data ? body.data : "", body.len);
    gs_buf_free(&body);
    pct_wrote(c, from);
    c->w.whole = c->direct = false;
    if (was_empty && fast && c->str_arg && c->fmtcnt == 0 && !c->bytes)
        c->sole = gs_newref(c->vm, c->str_arg);
    c->str_arg = NULL;
    for (int i = 0; i < 2; i++)
        if (c->held[i]) {
            if (c->vm->tm)
                gs_tm_drop_block(c->vm, c->held[i]);
            c->held[i] = 0;
        }
    if (c->dict && c->argidx < c->arglen) {
        gs_raise(c->vm, c->vm->e_TypeError, "not all arguments converted during %s formatting",
                 c->bytes ? "bytes" : "string");
        return -1;
    }
    return 0;
}

/* The format's code points through PyUnicode_Format's (or
 * _PyBytes_FormatEx's) state machine: true with the result in *out (its
 * code points in UTF-8), false with an exception set. */
static bool pct_run(gs_VM *vm, const uint32_t *cps, int64_t n, gs_Object *args, bool bytes, gs_Buf *out,
                    gs_Object **sole)
{
    PctCtx c = { .vm = vm, .args = args, .fmt = cps, .fmtcnt = n, .fmtpos = 0, .bytes = bytes,
                 .w = { .over = true, .min_length = n + 100 } };
    gs_buf_init(&c.out);
    if (GS_KIND(args) == GS_K_TUPLE) {
        c.arglen = ((gs_Tuple *)args)->len;
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    gs_Kind ak = GS_KIND(args);
    if (ak != GS_K_TUPLE && ak != GS_K_STR && !(bytes && (ak == GS_K_BYTES || ak == GS_K_BYTEARRAY)) &&
        pct_is_mapping(vm, args))
        c.dict = args;
    bool ok = true;
    while (ok && --c.fmtcnt >= 0) {
        if (cps[c.fmtpos] != '%') {
            int64_t start = c.fmtpos++;
            while (c.fmtcnt >= 0 && cps[c.fmtpos] != '%') {
                c.fmtpos++;
                c.fmtcnt--;
            }
            if (c.fmtcnt < 0) {
                c.fmtpos--;
                c.w.over = false;
            }
            size_t from = c.out.len;
            for (int64_t i = start; i < c.fmtpos; i++)
                buf_add_cp(&c.out, cps[i]);
            pct_wrote(&c, from);
        } else {
            c.fmtpos++;
            ok = pct_arg(&c) == 0;
        }
    }
    if (ok && c.argidx < c.arglen && !c.dict) {
        gs_raise(vm, vm->e_TypeError, "not all arguments converted during %s formatting", bytes ? "bytes" : "string");
        ok = false;
    }
    if (c.args_owned)
        gs_decref(vm, c.args);
    if (!bytes)
        gs_uwriter_finish(vm, &c.w);
    if (ok && c.out.oom) {
        gs_raise_memory(vm);
        ok = false;
    }
    if (!ok)
        gs_buf_free(&c.out);
    *out = c.out;
    if (ok && sole)
        *sole = c.sole; /* the result is that str itself */
    else if (c.sole)
        gs_decref(vm, c.sole);
    return ok;
}

gs_Object *gs_str_percent(gs_VM *vm, gs_Object *format, gs_Object *args)
{
    gs_Str *fs = (gs_Str *)format;
    uint32_t *cps = malloc(((size_t)fs->nchars + 1) * sizeof *cps);
    if (!cps) {
        gs_raise_memory(vm);
        return NULL;
    }
    int64_t n = 0;
    for (int32_t i = 0; i < fs->len;) {
        size_t adv;
        cps[n++] = gs_utf8_decode((const unsigned char *)fs->data + i, (size_t)(fs->len - i), &adv);
        i += (int32_t)adv;
    }
    cps[n] = 0; /* CPython's loops read the terminator, as this one does */
    gs_Buf out;
    gs_Object *sole = NULL;
    bool ok = pct_run(vm, cps, n, args, false, &out, &sole);
    free(cps);
    if (ok && sole) {
        gs_buf_free(&out);
        return sole;
    }
    return ok ? gs_buf_to_str(vm, &out) : NULL;
}

/* bytes % args and bytearray % args: the same machine over the format's
 * bytes, whose result is bytes again (a bytearray for a bytearray) */
gs_Object *gs_bytes_percent(gs_VM *vm, gs_Object *format, gs_Object *args)
{
    bool ba = GS_KIND(format) == GS_K_BYTEARRAY;
    gs_ByteArray *fa = (gs_ByteArray *)format;
    const char *p = !ba ? ((gs_Bytes *)format)->data : fa->data ? fa->data + fa->start : "";
    int64_t n = ba ? ((gs_ByteArray *)format)->len : ((gs_Bytes *)format)->len;
    uint32_t *cps = malloc(((size_t)n + 1) * sizeof *cps);
    if (!cps) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int64_t i = 0; i < n; i++)
        cps[i] = (unsigned char)p[i];
    cps[n] = 0;
    gs_Buf out;
    bool ok = pct_run(vm, cps, n, args, true, &out, NULL);
    free(cps);
    if (!ok)
        return NULL;
    /* back from code points (all below 256) to bytes */
    size_t m = 0;
    for (size_t i = 0; i < out.len;) {
        size_t adv;
        uint32_t cp = gs_utf8_decode((const unsigned char *)out.data + i, out.len - i, &adv);
        out.data[m++] = (char)cp;
        i += adv;
    }
    gs_Object *r = ba ? gs_bytearray_new(vm, out.data ? out.data : "", m) : gs_bytes_new(vm, out.data ? out.data : "", m);
    gs_buf_free(&out);
    return r;
}
