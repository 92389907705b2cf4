/*
 * json.c — the json module for strings: loads (CPython's C scanner,
 * Modules/_json.c: the same error messages and positions, object keys
 * memoized per call so equal keys are one str; object_hook,
 * object_pairs_hook, parse_float, parse_int, parse_constant, cls) and dumps
 * (Lib/json/encoder.py: indent, separators, sort_keys, ensure_ascii,
 * allow_nan, skipkeys, check_circular, default, cls), the JSONEncoder
 * (encode, default, iterencode with the pieces Lib/json/encoder.py's
 * generator yields, made at once) and JSONDecoder classes (a decoder keeps
 * its scanner, _json.Scanner, as scan_once), the submodules json.decoder and json.encoder, and
 * json.decoder.JSONDecodeError (a ValueError with msg, doc, pos, lineno,
 * colno).  No files: dump and load are absent.
 */
#include <math.h>
#include <stdio.h>

#include "modutil.h"

typedef struct JsonState {
    gs_Type *e_decode;    /* json.decoder.JSONDecodeError */
    gs_Type *t_encoder;   /* json.encoder.JSONEncoder (a class subclasses override default() of) */
    gs_Type *t_decoder;   /* json.decoder.JSONDecoder */
    gs_Type *t_scanner;   /* _json.Scanner, a decoder's scan_once */
    gs_Object *constants; /* json.decoder._CONSTANTS: {'-Infinity': -inf, 'Infinity': inf, 'NaN': nan} */
} JsonState;

/* ================================================================== decoding */

typedef struct Scan {
    gs_VM *vm;
    gs_Object *doc;       /* the str being decoded (borrowed) */
    uint32_t *s;          /* its code points */
    int64_t n;
    gs_Object *memo;      /* dict: key -> the first equal key */
    bool strict;
    gs_Object *object_hook; /* borrowed, or NULL */
    gs_Object *pairs_hook;  /* object_pairs_hook: borrowed, or NULL */
    gs_Object *parse_float, *parse_int; /* borrowed; NULL: float, int themselves */
    gs_Object *parse_constant; /* borrowed; NULL: the floats themselves */
    int depth;
    const char *err_msg;  /* the JSONDecodeError raised, its message */
    int64_t err_pos;      /* ... and where */
} Scan;

/* The frames of json's Python files, where CPython's traceback shows them (3.11.2):
 * json.loads with the default decoder; json.dumps with the C encoder */
#define JSON_INIT_PY "/usr/lib/python3.11/json/__init__.py"
#define JSON_DECODER_PY "/usr/lib/python3.11/json/decoder.py"
#define JSON_ENCODER_PY "/usr/lib/python3.11/json/encoder.py"
static const gs_LibFrame f_loads_type[] = {
    { JSON_INIT_PY, 339, "loads", "raise TypeError(f'the JSON object must be str, bytes or bytearray, '", NULL } };
/* loads itself: with no options, or with some (a decoder made for the call) */
static const gs_LibFrame f_loads_default[] = {
    { JSON_INIT_PY, 346, "loads", "return _default_decoder.decode(s)", "       ^^^^^^^^^^^^^^^^^^^^^^^^^^" } };
static const gs_LibFrame f_loads_options[] = {
    { JSON_INIT_PY, 359, "loads", "return cls(**kw).decode(s)", "       ^^^^^^^^^^^^^^^^^^^" } };
/* then the decoder's, by the error */
static const gs_LibFrame f_decode_scan[] = {
    { JSON_DECODER_PY, 337, "decode", "obj, end = self.raw_decode(s, idx=_w(s, 0).end())",
      "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { JSON_DECODER_PY, 353, "raw_decode", "obj, end = self.scan_once(s, idx)", "           ^^^^^^^^^^^^^^^^^^^^^^" } };
static const gs_LibFrame f_decode_value[] = { /* "Expecting value": scan_once's StopIteration, at any depth */
    { JSON_DECODER_PY, 337, "decode", "obj, end = self.raw_decode(s, idx=_w(s, 0).end())",
      "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { JSON_DECODER_PY, 355, "raw_decode", "raise JSONDecodeError(\"Expecting value\", s, err.value) from None", NULL } };
static const gs_LibFrame f_decode_extra[] = {
    { JSON_DECODER_PY, 340, "decode", "raise JSONDecodeError(\"Extra data\", s, end)", NULL } };
static const gs_LibFrame f_dumps_default[] = {
    { JSON_INIT_PY, 231, "dumps", "return _default_encoder.encode(obj)", "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { JSON_ENCODER_PY, 200, "encode", "chunks = self.iterencode(o, _one_shot=True)",
      "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { JSON_ENCODER_PY, 258, "iterencode", "return _iterencode(o, 0)", "       ^^^^^^^^^^^^^^^^^" },
    { JSON_ENCODER_PY, 180, "default", "raise TypeError(f'Object of type {o.__class__.__name__} '", NULL } };
static const gs_LibFrame f_dumps_options[] = { /* with options (sort_keys, separators...) but no indent */
    { JSON_INIT_PY, 238, "dumps", "**kw).encode(obj)", "      ^^^^^^^^^^^" },
    { JSON_ENCODER_PY, 200, "encode", "chunks = self.iterencode(o, _one_shot=True)",
      "         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^" },
    { JSON_ENCODER_PY, 258, "iterencode", "return _iterencode(o, 0)", "       ^^^^^^^^^^^^^^^^^" },
    { JSON_ENCODER_PY, 180, "default", "raise TypeError(f'Object of type {o.__class__.__name__} '", NULL } };

/* JSONDecodeError(msg, doc, pos): "msg: line L column C (char P)" */
static void raise_errmsg(Scan *sc, const char *msg, int64_t pos)
{
    gs_VM *vm = sc->vm;
    int64_t lineno = 1, last_nl = -1;
    for (int64_t i = 0; i < pos && i < sc->n; i++)
        if (sc->s[i] == '\n') {
            lineno++;
            last_nl = i;
        }
    int64_t colno = pos - last_nl;
    gs_Object *text = gs_str_printf(vm, "%s: line %lld column %lld (char %lld)", msg, (long long)lineno,
                                    (long long)colno, (long long)pos);
    gs_Object *args = text ? gs_tuple_pack(vm, 1, text) : NULL;
    gs_xdecref(vm, text);
    if (!args)
        return;
    JsonState *st = vm->modstate[GS_MS_JSON];
    sc->err_msg = msg;
    sc->err_pos = pos;
    gs_Object *e = gs_exception_new(vm, st->e_decode, args);
    if (!e)
        return;
    gs_Object *m = gs_str_from_cstr(vm, msg), *p = gs_int_new(vm, pos), *l = gs_int_new(vm, lineno),
              *c = gs_int_new(vm, colno);
    if (m && p && l && c) {
        gs_setattr(vm, e, gs_name(vm, "msg"), m);
        gs_setattr(vm, e, gs_name(vm, "doc"), sc->doc);
        gs_setattr(vm, e, gs_name(vm, "pos"), p);
        gs_setattr(vm, e, gs_name(vm, "lineno"), l);
        gs_setattr(vm, e, gs_name(vm, "colno"), c);
    }
    gs_xdecref(vm, m);
    gs_xdecref(vm, p);
    gs_xdecref(vm, l);
    gs_xdecref(vm, c);
    gs_raise_obj(vm, e);
}

static bool is_ws(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int64_t skip_ws(Scan *sc, int64_t i)
{
    while (i < sc->n && is_ws(sc->s[i]))
        i++;
    return i;
}

static void put_utf8(gs_Buf *b, uint32_t c)
{
    char t[4];
    if (c < 0x80) {
        gs_buf_addc(b, (char)c);
        return;
    }
    if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        gs_buf_add(b, t, 2);
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        gs_buf_add(b, t, 3);
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        gs_buf_add(b, t, 4);
    }
}

static int hex4(Scan *sc, int64_t at, uint32_t *out)
{
    uint32_t c = 0;
    for (int64_t i = at; i < at + 4; i++) {
        uint32_t d = sc->s[i];
        c <<= 4;
        if (d >= '0' && d <= '9')
            c |= d - '0';
        else if (d >= 'a' && d <= 'f')
            c |= d - 'a' + 10;
        else if (d >= 'A' && d <= 'F')
            c |= d - 'A' + 10;
        else
            return -1;
    }
    *out = c;
    return 0;
}

/* scanstring_unicode: `end` is just past the opening quote */
static gs_Object *scan_string(Scan *sc, int64_t end, int64_t *next_end)
{
    int64_t begin = end - 1;
    gs_Buf b;
    gs_buf_init(&b);
    for (;;) {
        int64_t next;
        uint32_t c = 0;
        for (next = end; next < sc->n; next++) {
            c = sc->s[next];
            if (c == '"' || c == '\\')
                break;
            if (c <= 0x1f && sc->strict) {
                gs_buf_free(&b);
                raise_errmsg(sc, "Invalid control character at", next);
                return NULL;
            }
        }
        if (next >= sc->n || (c != '"' && c != '\\')) {
            gs_buf_free(&b);
            raise_errmsg(sc, "Unterminated string starting at", begin);
            return NULL;
        }
        for (int64_t i = end; i < next; i++)
            put_utf8(&b, sc->s[i]);
        next++;
        if (c == '"') {
            end = next;
            break;
        }
        if (next == sc->n) {
            gs_buf_free(&b);
            raise_errmsg(sc, "Unterminated string starting at", begin);
            return NULL;
        }
        c = sc->s[next];
        if (c != 'u') {
            end = next + 1;
            switch (c) {
            case '"': case '\\': case '/': break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: c = 0;
            }
            if (c == 0) {
                gs_buf_free(&b);
                raise_errmsg(sc, "Invalid \\escape", end - 2);
                return NULL;
            }
        } else {
            next++;
            end = next + 4;
            if (end >= sc->n) {
                gs_buf_free(&b);
                raise_errmsg(sc, "Invalid \\uXXXX escape", next - 1);
                return NULL;
            }
            if (hex4(sc, next, &c) < 0) {
                gs_buf_free(&b);
                raise_errmsg(sc, "Invalid \\uXXXX escape", end - 5);
                return NULL;
            }
            next = end;
            if (c >= 0xD800 && c <= 0xDBFF && end + 6 < sc->n && sc->s[next] == '\\' && sc->s[next + 1] == 'u') {
                uint32_t c2;
                end += 6;
                if (hex4(sc, next + 2, &c2) < 0) {
                    gs_buf_free(&b);
                    raise_errmsg(sc, "Invalid \\uXXXX escape", end - 5);
                    return NULL;
                }
                if (c2 >= 0xDC00 && c2 <= 0xDFFF)
                    c = 0x10000 + (((c - 0xD800) << 10) | (c2 - 0xDC00));
                else {
                    end -= 6;
                }
            }
            if (c >= 0xD800 && c <= 0xDFFF)
                c = 0xFFFD; /* a lone surrogate: gcscope's strs are UTF-8 */
        }
        put_utf8(&b, c);
    }
    *next_end = end;
    gs_Object *r = b.len ? gs_str_new(sc->vm, b.data, b.len) : gs_newref(sc->vm, sc->vm->empty_str);
    gs_buf_free(&b);
    return r;
}

static gs_Object *scan_once(Scan *sc, int64_t idx, int64_t *next_idx);

static gs_Object *parse_object(Scan *sc, int64_t idx, int64_t *next_idx)
{
    gs_VM *vm = sc->vm;
    /* with object_pairs_hook, a list of (key, value) pairs */
    gs_Object *d = sc->pairs_hook ? gs_list_new(vm, 0) : gs_dict_new(vm);
    if (!d)
        return NULL;
    idx = skip_ws(sc, idx);
    if (idx >= sc->n || sc->s[idx] != '}') {
        for (;;) {
            if (idx >= sc->n || sc->s[idx] != '"') {
                raise_errmsg(sc, "Expecting property name enclosed in double quotes", idx);
                goto fail;
            }
            gs_Object *key = scan_string(sc, idx + 1, &idx);
            if (!key)
                goto fail;
            /* memokey = memo.setdefault(key, key) */
            gs_Object *memokey = gs_dict_get(vm, sc->memo, key);
            if (memokey) {
                gs_incref(vm, memokey);
                gs_decref(vm, key);
                key = memokey;
            } else if (gs_dict_set(vm, sc->memo, key, key) < 0) {
                gs_decref(vm, key);
                goto fail;
            }
            idx = skip_ws(sc, idx);
            if (idx >= sc->n || sc->s[idx] != ':') {
                gs_decref(vm, key);
                raise_errmsg(sc, "Expecting ':' delimiter", idx);
                goto fail;
            }
            idx = skip_ws(sc, idx + 1);
            gs_Object *val = scan_once(sc, idx, &idx);
            if (!val) {
                gs_decref(vm, key);
                goto fail;
            }
            int r;
            if (sc->pairs_hook) {
                gs_Object *pair = gs_tuple_pack(vm, 2, key, val);
                r = pair ? gs_list_append(vm, d, pair) : -1;
                gs_xdecref(vm, pair);
            } else
                r = gs_dict_set(vm, d, key, val);
            gs_decref(vm, key);
            gs_decref(vm, val);
            if (r < 0)
                goto fail;
            idx = skip_ws(sc, idx);
            if (idx < sc->n && sc->s[idx] == '}')
                break;
            if (idx >= sc->n || sc->s[idx] != ',') {
                raise_errmsg(sc, "Expecting ',' delimiter", idx);
                goto fail;
            }
            idx = skip_ws(sc, idx + 1);
        }
    }
    *next_idx = idx + 1;
    if (sc->pairs_hook || sc->object_hook) {
        gs_Object *r = gs_call_object(vm, sc->pairs_hook ? sc->pairs_hook : sc->object_hook, &d, 1, NULL);
        gs_decref(vm, d);
        return r;
    }
    return d;
fail:
    gs_decref(vm, d);
    return NULL;
}

static gs_Object *parse_array(Scan *sc, int64_t idx, int64_t *next_idx)
{
    gs_VM *vm = sc->vm;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    idx = skip_ws(sc, idx);
    if (idx >= sc->n || sc->s[idx] != ']') {
        for (;;) {
            gs_Object *val = scan_once(sc, idx, &idx);
            if (!val)
                goto fail;
            int r = gs_list_append(vm, l, val);
            gs_decref(vm, val);
            if (r < 0)
                goto fail;
            idx = skip_ws(sc, idx);
            if (idx < sc->n && sc->s[idx] == ']')
                break;
            if (idx >= sc->n || sc->s[idx] != ',') {
                raise_errmsg(sc, "Expecting ',' delimiter", idx);
                goto fail;
            }
            idx = skip_ws(sc, idx + 1);
        }
    }
    *next_idx = idx + 1;
    return l;
fail:
    gs_decref(vm, l);
    return NULL;
}

static bool match(Scan *sc, int64_t idx, const char *word)
{
    size_t n = strlen(word);
    if (idx + (int64_t)n > sc->n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (sc->s[idx + (int64_t)i] != (uint32_t)word[i])
            return false;
    return true;
}

static gs_Object *parse_number(Scan *sc, int64_t start, int64_t *next_idx)
{
    gs_VM *vm = sc->vm;
    int64_t idx = start;
    if (idx < sc->n && sc->s[idx] == '-')
        idx++;
    if (idx < sc->n && sc->s[idx] >= '1' && sc->s[idx] <= '9') {
        idx++;
        while (idx < sc->n && sc->s[idx] >= '0' && sc->s[idx] <= '9')
            idx++;
    } else if (idx < sc->n && sc->s[idx] == '0')
        idx++;
    else
        return NULL; /* no number here: "Expecting value" */
    bool is_float = false;
    if (idx < sc->n - 1 && sc->s[idx] == '.' && sc->s[idx + 1] >= '0' && sc->s[idx + 1] <= '9') {
        is_float = true;
        idx += 2;
        while (idx < sc->n && sc->s[idx] >= '0' && sc->s[idx] <= '9')
            idx++;
    }
    if (idx < sc->n - 1 && (sc->s[idx] == 'e' || sc->s[idx] == 'E')) {
        int64_t e_start = idx;
        idx++;
        if (idx < sc->n - 1 && (sc->s[idx] == '-' || sc->s[idx] == '+'))
            idx++;
        while (idx < sc->n && sc->s[idx] >= '0' && sc->s[idx] <= '9')
            idx++;
        if (sc->s[idx - 1] >= '0' && sc->s[idx - 1] <= '9')
            is_float = true;
        else
            idx = e_start;
    }
    int64_t len = idx - start;
    char *buf = malloc((size_t)len + 1);
    if (!buf) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int64_t i = 0; i < len; i++)
        buf[i] = (char)sc->s[start + i];
    buf[len] = 0;
    *next_idx = idx;
    gs_Object *r;
    int64_t v;
    gs_Object *custom = is_float ? sc->parse_float : sc->parse_int;
    if (custom) { /* CPython's scanner calls it with the number's text */
        gs_Object *numstr = gs_str_new(vm, buf, (size_t)len);
        r = numstr ? gs_call_object(vm, custom, &numstr, 1, NULL) : NULL;
        gs_xdecref(vm, numstr);
    } else if (is_float)
        r = gs_float_new(vm, strtod(buf, NULL));
    else if (gs_int_from_str(vm, buf, (size_t)len, 10, &v) == -2)
        r = gs_big_from_text(vm, buf, (size_t)len, 10);
    else
        r = gs_int_new(vm, v);
    free(buf);
    return r;
}

/* _parse_constant: parse_constant(name), or the float itself */
static gs_Object *parse_constant(Scan *sc, const char *name, double v)
{
    gs_VM *vm = sc->vm;
    if (!sc->parse_constant)
        return gs_float_new(vm, v);
    gs_Object *n = gs_str_intern(vm, name, strlen(name));
    gs_Object *r = n ? gs_call_object(vm, sc->parse_constant, &n, 1, NULL) : NULL;
    gs_xdecref(vm, n);
    return r;
}

/* scan_once_unicode: NULL with no error = "Expecting value" at idx */
static gs_Object *scan_once_inner(Scan *sc, int64_t idx, int64_t *next_idx)
{
    gs_VM *vm = sc->vm;
    if (idx < 0 || idx >= sc->n)
        return NULL;
    uint32_t c = sc->s[idx];
    switch (c) {
    case '"': return scan_string(sc, idx + 1, next_idx);
    case '{': return parse_object(sc, idx + 1, next_idx);
    case '[': return parse_array(sc, idx + 1, next_idx);
    case 'n':
        if (match(sc, idx, "null")) {
            *next_idx = idx + 4;
            return GS_NONE(vm);
        }
        return NULL;
    case 't':
        if (match(sc, idx, "true")) {
            *next_idx = idx + 4;
            return GS_BOOL(vm, true);
        }
        return NULL;
    case 'f':
        if (match(sc, idx, "false")) {
            *next_idx = idx + 5;
            return GS_BOOL(vm, false);
        }
        return NULL;
    case 'N':
        if (match(sc, idx, "NaN")) {
            *next_idx = idx + 3;
            return parse_constant(sc, "NaN", NAN);
        }
        return NULL;
    case 'I':
        if (match(sc, idx, "Infinity")) {
            *next_idx = idx + 8;
            return parse_constant(sc, "Infinity", INFINITY);
        }
        return NULL;
    case '-':
        if (match(sc, idx, "-Infinity")) {
            *next_idx = idx + 9;
            return parse_constant(sc, "-Infinity", -INFINITY);
        }
        break;
    default: break;
    }
    return parse_number(sc, idx, next_idx);
}

static gs_Object *scan_once(Scan *sc, int64_t idx, int64_t *next_idx)
{
    gs_VM *vm = sc->vm;
    /* Py_EnterRecursiveCall(" while decoding a JSON object from a unicode string") */
    if (sc->depth + vm->depth >= vm->recursion_limit || sc->depth >= GS_NATIVE_DEPTH_MAX) {
        gs_raise(vm, vm->e_RecursionError,
                 "maximum recursion depth exceeded while decoding a JSON %s from a unicode string",
                 idx < sc->n && sc->s[idx] == '[' ? "array" : "object");
        return NULL;
    }
    sc->depth++;
    gs_Object *r = scan_once_inner(sc, idx, next_idx);
    sc->depth--;
    if (!r && !vm->exc)
        raise_errmsg(sc, "Expecting value", idx);
    return r;
}

/* The code points of the str `s` for a scan (sc->s, sc->n); -1 with
 * MemoryError */
static int scan_setup(gs_VM *vm, Scan *sc, gs_Object *s)
{
    gs_Str *str = (gs_Str *)s;
    sc->vm = vm;
    sc->doc = s;
    sc->n = 0;
    sc->s = malloc(sizeof(uint32_t) * (size_t)(str->nchars + 1));
    if (!sc->s) {
        gs_raise_memory(vm);
        return -1;
    }
    for (size_t i = 0, k = 0; i < (size_t)str->len; k++) {
        size_t adv;
        sc->s[k] = gs_utf8_decode((const unsigned char *)str->data + i, (size_t)str->len - i, &adv);
        i += adv ? adv : 1;
        sc->n = (int64_t)k + 1;
    }
    return 0;
}

/* JSONDecodeError(msg, doc, pos) raised for the str doc */
static void raise_decode_error(gs_VM *vm, const char *msg, gs_Object *doc, int64_t pos)
{
    Scan sc;
    memset(&sc, 0, sizeof sc);
    if (scan_setup(vm, &sc, doc) < 0)
        return;
    raise_errmsg(&sc, msg, pos);
    free(sc.s);
}

/* scanner.scan_once(s, idx) with the memo a call keeps (cleared after):
 * the value, or NULL with an exception ("Expecting value" too) */
static gs_Object *scan_run(Scan *sc, int64_t idx, int64_t *end)
{
    gs_VM *vm = sc->vm;
    bool own_memo = !sc->memo;
    if (own_memo && !(sc->memo = gs_dict_new(vm)))
        return NULL;
    gs_Object *r = scan_once(sc, idx, end);
    gs_dict_clear(vm, sc->memo);
    if (own_memo) {
        gs_decref(vm, sc->memo);
        sc->memo = NULL;
    }
    return r;
}

/* json.detect_encoding(b), then b.decode(it, 'surrogatepass'): a new str */
static gs_Object *decode_bytes(gs_VM *vm, gs_Object *b)
{
    const unsigned char *d;
    int64_t n;
    if (GS_KIND(b) == GS_K_BYTES) {
        d = (const unsigned char *)((gs_Bytes *)b)->data;
        n = ((gs_Bytes *)b)->len;
    } else {
        gs_ByteArray *ba = (gs_ByteArray *)b;
        d = (const unsigned char *)(ba->data ? ba->data + ba->start : "");
        n = ba->len;
    }
    const char *enc = "utf-8";
    if (n >= 4 && ((d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF) || (d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0)))
        enc = "utf-32";
    else if (n >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) || (d[0] == 0xFF && d[1] == 0xFE)))
        enc = "utf-16";
    else if (n >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
        enc = "utf-8-sig";
    else if (n >= 4 && !d[0])
        enc = d[1] ? "utf-16-be" : "utf-32-be";
    else if (n >= 4 && !d[1])
        enc = d[2] || d[3] ? "utf-16-le" : "utf-32-le";
    else if (n == 2 && !d[0])
        enc = "utf-16-be";
    else if (n == 2 && !d[1])
        enc = "utf-16-le";
    gs_Object *sub = NULL;
    if (strcmp(enc, "utf-8-sig") == 0) { /* the BOM dropped, then utf-8 */
        sub = gs_bytes_new(vm, (const char *)d + 3, (size_t)(n - 3));
        if (!sub)
            return NULL;
        b = sub;
        enc = "utf-8";
    }
    gs_Object *e = gs_str_from_cstr(vm, enc), *errors = gs_str_from_cstr(vm, "surrogatepass");
    gs_Object *r = e && errors ? gs_str_decode(vm, b, e, errors) : NULL;
    gs_xdecref(vm, sub);
    gs_xdecref(vm, e);
    gs_xdecref(vm, errors);
    return r;
}

static gs_Object *loads_str(gs_VM *vm, gs_Object *s, gs_Object **a, int nkw, int npos, gs_Object **args,
                            gs_Tuple *kwnames, bool *rest, bool other_kw);

static gs_Object *m_loads(GS_ARGS)
{
    GS_UNUSED(self);
    /* def loads(s, *, cls=None, object_hook=None, parse_float=None,
     *           parse_int=None, parse_constant=None, object_pairs_hook=None, **kw) */
    static const char *const names[] = { "s", "cls", "object_hook", "parse_float", "parse_int", "parse_constant",
                                         "object_pairs_hook", "strict" };
    static const gs_PySig sig = { "loads", names, 1, 1, 6, 0 };
    gs_Object *a[8] = { NULL };
    int nkw = kwnames ? kwnames->len : 0, npos = gs_npos(nargs, kwnames), nrest = 0;
    bool rest[nkw + 1];
    if (gs_pysig_bind_varkw(vm, &sig, args, nargs, kwnames, a, rest) < 0)
        return NULL;
    /* **kw: strict alone keeps the scanner here; any other goes to the decoder */
    for (int k = 0; k < nkw; k++)
        if (rest[k]) {
            nrest++;
            if (strcmp(((gs_Str *)kwnames->items[k])->data, "strict") == 0)
                a[7] = args[npos + k];
        }
    bool other_kw = nrest > (a[7] ? 1 : 0);
    gs_Object *s = a[0];
    gs_Object *decoded = NULL; /* bytes: s.decode(detect_encoding(s), 'surrogatepass') */
    if (GS_KIND(s) == GS_K_BYTES || GS_KIND(s) == GS_K_BYTEARRAY) {
        decoded = decode_bytes(vm, s);
        if (!decoded)
            return NULL;
        s = decoded;
    }
    if (GS_KIND(s) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "the JSON object must be str, bytes or bytearray, not %s", gs_type_name(s));
        GS_LIB_FRAMES(vm, f_loads_type);
        return NULL;
    }
    gs_Object *r = loads_str(vm, s, a, nkw, npos, args, kwnames, rest, other_kw);
    gs_xdecref(vm, decoded);
    return r;
}

/* loads of a str s, its arguments bound */
static gs_Object *loads_str(gs_VM *vm, gs_Object *s, gs_Object **a, int nkw, int npos, gs_Object **args,
                            gs_Tuple *kwnames, bool *rest, bool other_kw)
{
    static const char *const names[] = { "s", "cls", "object_hook", "parse_float", "parse_int", "parse_constant",
                                         "object_pairs_hook", "strict" };
    gs_Str *str = (gs_Str *)s;
    if (str->len >= 3 && memcmp(str->data, "\xEF\xBB\xBF", 3) == 0) {
        raise_decode_error(vm, "Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0);
        return NULL;
    }
    if ((a[1] && a[1] != vm->none) || other_kw) {
        /* cls(**kw).decode(s) (cls None: JSONDecoder): kw holds loads' **kw
         * in the call's order, then the hooks that are not None, in loads'
         * order */
        static const int order[] = { 2, 6, 3, 4, 5 };
        gs_Object *vals[nkw + 5];
        gs_Object *kn = gs_tuple_new(vm, nkw + 5);
        int nk = 0;
        for (int k = 0; kn && k < nkw; k++)
            if (rest[k]) {
                vals[nk] = args[npos + k];
                gs_tuple_init(vm, kn, nk++, gs_newref(vm, kwnames->items[k]));
            }
        for (int i = 0; kn && i < 5; i++) {
            gs_Object *v = a[order[i]];
            if (!v || v == vm->none)
                continue;
            vals[nk] = v;
            gs_tuple_init(vm, kn, nk++, gs_str_from_cstr(vm, names[order[i]]));
        }
        if (!kn)
            return NULL;
        ((gs_Tuple *)kn)->len = nk; /* the unused slots were never filled */
        JsonState *st = vm->modstate[GS_MS_JSON];
        gs_Object *cls = a[1] && a[1] != vm->none ? a[1] : &st->t_decoder->ob;
        gs_Object *dec = gs_call_object(vm, cls, vals, nk, (gs_Tuple *)kn);
        gs_decref(vm, kn);
        gs_Object *r = dec ? gs_call_method(vm, dec, "decode", &s, 1) : NULL;
        gs_xdecref(vm, dec);
        return r;
    }
    Scan sc;
    memset(&sc, 0, sizeof sc);
    sc.strict = true;
    /* parse_float=float or parse_int=int is the scanner's own fast path */
    if (a[3] && a[3] != vm->none && a[3] != &vm->t_float->ob)
        sc.parse_float = a[3];
    if (a[4] && a[4] != vm->none && a[4] != &vm->t_int->ob)
        sc.parse_int = a[4];
    if (a[5] && a[5] != vm->none)
        sc.parse_constant = a[5];
    if (a[6] && a[6] != vm->none)
        sc.pairs_hook = a[6];
    if (a[2] && a[2] != vm->none)
        sc.object_hook = a[2];
    if (a[7]) {
        int t = gs_truthy(vm, a[7]);
        if (t < 0)
            return NULL;
        sc.strict = t == 1;
    }
    if (scan_setup(vm, &sc, s) < 0)
        return NULL;
    int64_t end;
    gs_Object *r = scan_run(&sc, skip_ws(&sc, 0), &end);
    if (r) {
        end = skip_ws(&sc, end);
        if (end != sc.n) {
            raise_errmsg(&sc, "Extra data", end);
            gs_decref(vm, r);
            r = NULL;
        }
    }
    free(sc.s);
    /* CPython's loads with cls and the hooks None and no other keyword
     * (strict): _default_decoder.decode(s); else cls(**kw).decode(s) */
    bool default_decoder = !a[7];
    for (int i = 1; i < 7; i++)
        default_decoder = default_decoder && (!a[i] || a[i] == vm->none);
    if (!r && sc.err_msg) {
        if (strcmp(sc.err_msg, "Extra data") == 0)
            GS_LIB_FRAMES(vm, f_decode_extra);
        else if (strcmp(sc.err_msg, "Expecting value") == 0)
            GS_LIB_FRAMES(vm, f_decode_value);
        else
            GS_LIB_FRAMES(vm, f_decode_scan);
        gs_exc_lib_outer(vm, default_decoder ? f_loads_default : f_loads_options);
    }
    return r;
}

/* JSONDecodeError(msg, doc, pos): "msg: line L column C (char P)" as its
 * args, and the five as attributes (Lib/json/decoder.py) */
static gs_Object *jde_init(GS_ARGS)
{
    static const char *const names[] = { "msg", "doc", "pos" };
    static const gs_PySig sig = { "JSONDecodeError.__init__", names, 3, 3, 0, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t pos;
    if (GS_KIND(a[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "gcscope's JSONDecodeError needs a str doc, not %s", gs_type_name(a[1]));
        return NULL;
    }
    if (gs_index_arg(vm, a[2], &pos) < 0)
        return NULL;
    /* doc.count('\n', 0, pos) + 1 and pos - doc.rfind('\n', 0, pos), in code points */
    gs_Str *doc = (gs_Str *)a[1];
    int64_t lineno = 1, last_nl = -1, k = 0;
    for (size_t i = 0; i < (size_t)doc->len && k < pos; k++) {
        size_t adv;
        uint32_t c = gs_utf8_decode((const unsigned char *)doc->data + i, (size_t)doc->len - i, &adv);
        i += adv ? adv : 1;
        if (c == '\n') {
            lineno++;
            last_nl = k;
        }
    }
    int64_t colno = pos - last_nl;
    gs_Object *ms = gs_str(vm, a[0]);
    gs_Object *text = ms ? gs_str_printf(vm, "%s: line %lld column %lld (char %lld)", ((gs_Str *)ms)->data,
                                         (long long)lineno, (long long)colno, (long long)pos)
                         : NULL;
    gs_xdecref(vm, ms);
    gs_Object *targs = text ? gs_tuple_pack(vm, 1, text) : NULL;
    gs_xdecref(vm, text);
    if (!targs)
        return NULL;
    if (GS_KIND(self) == GS_K_EXCEPTION) /* ValueError.__init__(self, errmsg): the args field (traverse's 10) */
        gs_native_set(vm, self, (gs_Object **)&((gs_Exception *)self)->args, 10, targs);
    gs_decref(vm, targs);
    gs_Object *l = gs_int_new(vm, lineno), *c = gs_int_new(vm, colno);
    int r = l && c && gs_setattr(vm, self, gs_name(vm, "msg"), a[0]) == 0 &&
                    gs_setattr(vm, self, gs_name(vm, "doc"), a[1]) == 0 &&
                    gs_setattr(vm, self, gs_name(vm, "pos"), a[2]) == 0 &&
                    gs_setattr(vm, self, gs_name(vm, "lineno"), l) == 0 &&
                    gs_setattr(vm, self, gs_name(vm, "colno"), c) == 0
                ? 0
                : -1;
    gs_xdecref(vm, l);
    gs_xdecref(vm, c);
    return r < 0 ? NULL : GS_NONE(vm);
}

/* ================================================================== JSONDecoder and its scanner */

/* _json.Scanner (c_make_scanner(decoder)): what JSONDecoder keeps as
 * scan_once.  It takes the decoder's options when it is made, so setting
 * them on the decoder later changes nothing, as in CPython; a bound
 * method among them (object_hook=self.hook) makes a cycle through the
 * decoder, which the collector finds as CPython's does. */
typedef struct Scanner {
    gs_Instance inst;
    bool strict;
    gs_Object *object_hook, *pairs_hook, *parse_float, *parse_int, *parse_constant, *memo;
} Scanner;

static int scanner_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    Scanner *sc = (Scanner *)o;
    gs_Object *f[6] = { sc->object_hook, sc->pairs_hook, sc->parse_float, sc->parse_int, sc->parse_constant, sc->memo };
    for (int i = 0; i < 6; i++)
        if (f[i]) {
            int r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD + (uint32_t)i), arg);
            if (r)
                return r;
        }
    return 0;
}

static void scanner_clear(gs_VM *vm, gs_Object *o)
{
    Scanner *sc = (Scanner *)o;
    gs_Object **f[6] = { &sc->object_hook, &sc->pairs_hook, &sc->parse_float, &sc->parse_int, &sc->parse_constant,
                         &sc->memo };
    for (int i = 0; i < 6; i++)
        gs_native_set(vm, o, f[i], GS_NATIVE_FIELD + (uint32_t)i, NULL);
}

static const gs_NativeOps scanner_ops = { .size = sizeof(Scanner), .gc = true, .tp_clear = true,
                                          .traverse = scanner_traverse, .clear = scanner_clear };

/* make_scanner(ctx): the options read from the decoder */
static gs_Object *scanner_make(gs_VM *vm, gs_Object *ctx)
{
    JsonState *st = vm->modstate[GS_MS_JSON];
    static const char *const attrs[] = { "strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int",
                                         "parse_constant" };
    gs_Object *v[6] = { NULL };
    for (int i = 0; i < 6; i++)
        if (!(v[i] = gs_getattr(vm, ctx, gs_name(vm, attrs[i]))))
            break;
    int strict = v[5] ? gs_truthy(vm, v[0]) : -1;
    gs_Object *memo = strict >= 0 ? gs_dict_new(vm) : NULL;
    gs_Object *o = memo ? gs_native_new(vm, st->t_scanner) : NULL;
    if (o) {
        Scanner *sc = (Scanner *)o;
        sc->strict = strict == 1;
        gs_Object **f[6] = { &sc->object_hook, &sc->pairs_hook, &sc->parse_float, &sc->parse_int,
                             &sc->parse_constant, &sc->memo };
        gs_Object *vals[6] = { v[1], v[2], v[3], v[4], v[5], memo };
        for (int i = 0; i < 6; i++)
            gs_native_set(vm, o, f[i], GS_NATIVE_FIELD + (uint32_t)i, vals[i]);
    }
    for (int i = 0; i < 6; i++)
        gs_xdecref(vm, v[i]);
    gs_xdecref(vm, memo);
    return o;
}

/* scan_once(string, idx): (value, end), or StopIteration(idx) where no
 * value starts ("Expecting value", which raw_decode reports) */
static gs_Object *scanner_call(GS_ARGS)
{
    static const char *const names[] = { "string", "idx" };
    gs_Object *a[2];
    if (gs_clinic_bind(vm, "scan_once", names, 2, 0, 2, 2, args, nargs, kwnames, a) < 0)
        return NULL;
    if (GS_KIND(a[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "first argument must be a string, not %s", gs_type_name(a[0]));
        return NULL;
    }
    int64_t idx;
    if (gs_index_arg(vm, a[1], &idx) < 0)
        return NULL;
    Scanner *scn = (Scanner *)self;
    if (!scn->memo) {
        gs_raise(vm, vm->e_RuntimeError, "the scanner was cleared");
        return NULL;
    }
    Scan sc;
    memset(&sc, 0, sizeof sc);
    sc.strict = scn->strict;
    sc.memo = scn->memo;
    if (scn->object_hook != vm->none)
        sc.object_hook = scn->object_hook;
    if (scn->pairs_hook != vm->none)
        sc.pairs_hook = scn->pairs_hook;
    if (scn->parse_float != &vm->t_float->ob)
        sc.parse_float = scn->parse_float;
    if (scn->parse_int != &vm->t_int->ob)
        sc.parse_int = scn->parse_int;
    sc.parse_constant = scn->parse_constant;
    if (idx < 0) {
        gs_raise(vm, vm->e_ValueError, "idx cannot be negative");
        return NULL;
    }
    if (scan_setup(vm, &sc, a[0]) < 0)
        return NULL;
    int64_t end = idx;
    gs_Object *r = idx >= sc.n ? NULL : scan_run(&sc, idx, &end);
    free(sc.s);
    if (!r && (!vm->exc || (sc.err_msg && strcmp(sc.err_msg, "Expecting value") == 0))) {
        int64_t at = vm->exc ? sc.err_pos : idx;
        gs_clear_exc(vm);
        gs_Object *p = gs_int_new(vm, at);
        gs_Object *t = p ? gs_tuple_pack(vm, 1, p) : NULL;
        gs_xdecref(vm, p);
        if (t)
            gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, t));
        return NULL;
    }
    if (!r)
        return NULL;
    gs_Object *e = gs_int_new(vm, end);
    gs_Object *res = e ? gs_tuple_pack(vm, 2, r, e) : NULL;
    gs_xdecref(vm, e);
    gs_decref(vm, r);
    return res;
}

static const gs_MethodDef scanner_methods[] = {
    { "__call__", scanner_call, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* JSONDecoder(*, object_hook=None, parse_float=None, parse_int=None,
 * parse_constant=None, strict=True, object_pairs_hook=None): the options
 * as Lib/json/decoder.py keeps them, a memo dict and scan_once */
static gs_Object *jd_init(GS_ARGS)
{
    static const char *const k[] = { "object_hook", "parse_float", "parse_int", "parse_constant", "strict",
                                     "object_pairs_hook" };
    int npos = gs_npos(nargs, kwnames);
    if (npos > 0) {
        gs_raise(vm, vm->e_TypeError, "JSONDecoder.__init__() takes 1 positional argument but %d were given", npos + 1);
        return NULL;
    }
    JsonState *st = vm->modstate[GS_MS_JSON];
    gs_Object *v[6] = { vm->none, vm->none, vm->none, vm->none, vm->true_, vm->none };
    for (int j = 0; kwnames && j < kwnames->len; j++) {
        const char *kn = ((gs_Str *)kwnames->items[j])->data;
        int found = -1;
        for (int i = 0; i < 6 && found < 0; i++)
            if (strcmp(kn, k[i]) == 0)
                found = i;
        if (found < 0) {
            gs_raise(vm, vm->e_TypeError, "JSONDecoder.__init__() got an unexpected keyword argument '%s'", kn);
            return NULL;
        }
        v[found] = args[npos + j];
    }
    /* parse_float or float, parse_int or int, parse_constant or _CONSTANTS.__getitem__ */
    gs_Object *dflt[3] = { &vm->t_float->ob, &vm->t_int->ob, NULL };
    gs_Object *val[6] = { NULL };
    for (int i = 0; i < 6; i++) {
        if (i >= 1 && i <= 3) {
            int t = gs_truthy(vm, v[i]);
            if (t < 0)
                goto fail;
            if (!t) {
                val[i] = i == 3 ? gs_getattr(vm, st->constants, gs_name(vm, "__getitem__")) : gs_newref(vm, dflt[i - 1]);
                if (!val[i])
                    goto fail;
                continue;
            }
        }
        val[i] = gs_newref(vm, v[i]);
    }
    for (int i = 0; i < 6; i++)
        if (gs_setattr(vm, self, gs_name(vm, k[i]), val[i]) < 0)
            goto fail;
    gs_Object *memo = gs_dict_new(vm);
    if (!memo || gs_setattr(vm, self, gs_name(vm, "memo"), memo) < 0) {
        gs_xdecref(vm, memo);
        goto fail;
    }
    gs_decref(vm, memo);
    gs_Object *scan = scanner_make(vm, self);
    if (!scan || gs_setattr(vm, self, gs_name(vm, "scan_once"), scan) < 0) {
        gs_xdecref(vm, scan);
        goto fail;
    }
    gs_decref(vm, scan);
    for (int i = 0; i < 6; i++)
        gs_decref(vm, val[i]);
    return GS_NONE(vm);
fail:
    for (int i = 0; i < 6; i++)
        gs_xdecref(vm, val[i]);
    return NULL;
}

static gs_Object *jd_new(GS_ARGS)
{
    gs_Object *o = gs_instance_new(vm, (gs_Type *)self);
    if (o && !(((gs_Type *)self)->flags & GS_TF_HEAP)) { /* a subclass's __init__ runs through type.__call__ */
        gs_Object *r = jd_init(vm, o, args, nargs, kwnames);
        if (!r) {
            gs_decref(vm, o);
            return NULL;
        }
        gs_decref(vm, r);
    }
    return o;
}

/* raw_decode(self, s, idx=0): (obj, end) from self.scan_once(s, idx) */
static gs_Object *jd_raw_decode(GS_ARGS)
{
    static const char *const names[] = { "s", "idx" };
    static const gs_PySig sig = { "JSONDecoder.raw_decode", names, 2, 1, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *zero = NULL;
    if (!a[1])
        a[1] = zero = gs_int_new(vm, 0);
    gs_Object *r = a[1] ? gs_call_method(vm, self, "scan_once", a, 2) : NULL;
    gs_xdecref(vm, zero);
    if (!r && gs_exc_matches(vm, vm->e_StopIteration)) {
        /* raise JSONDecodeError("Expecting value", s, err.value) from None */
        gs_Object *val = gs_getattr(vm, vm->exc, gs_name(vm, "value"));
        int64_t pos = 0;
        bool ok = val && gs_index_arg(vm, val, &pos) == 0;
        gs_xdecref(vm, val);
        if (ok) {
            gs_clear_exc(vm);
            if (GS_KIND(a[0]) == GS_K_STR)
                raise_decode_error(vm, "Expecting value", a[0], pos);
            else
                gs_raise(vm, vm->e_TypeError, "expected str, got %s", gs_type_name(a[0]));
        }
    }
    return r;
}

/* decode(self, s): the value of the whole str, whitespace around it */
static gs_Object *jd_decode(GS_ARGS)
{
    static const char *const names[] = { "s", "_w" };
    static const gs_PySig sig = { "JSONDecoder.decode", names, 2, 1, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *s = a[0];
    if (GS_KIND(s) != GS_K_STR) { /* WHITESPACE.match(s, 0) */
        gs_raise(vm, vm->e_TypeError, "expected string or bytes-like object, got '%s'", gs_type_name(s));
        return NULL;
    }
    Scan sc;
    memset(&sc, 0, sizeof sc);
    if (scan_setup(vm, &sc, s) < 0)
        return NULL;
    gs_Object *idx = gs_int_new(vm, skip_ws(&sc, 0));
    gs_Object *kn = idx ? gs_tuple_pack(vm, 1, gs_name(vm, "idx")) : NULL;
    gs_Object *rd = kn ? gs_getattr(vm, self, gs_name(vm, "raw_decode")) : NULL;
    gs_Object *cargs[2] = { s, idx };
    gs_Object *res = rd ? gs_call_object(vm, rd, cargs, 2, (gs_Tuple *)kn) : NULL;
    gs_xdecref(vm, rd);
    gs_xdecref(vm, kn);
    gs_xdecref(vm, idx);
    gs_Object *obj = NULL;
    if (res) {
        gs_Object *pair = GS_KIND(res) == GS_K_TUPLE ? gs_newref(vm, res) : gs_tuple_from_iterable(vm, res);
        int64_t end = 0;
        if (pair && ((gs_Tuple *)pair)->len != 2)
            gs_raise(vm, vm->e_ValueError, ((gs_Tuple *)pair)->len < 2 ? "not enough values to unpack (expected 2, got %d)"
                                                                       : "too many values to unpack (expected 2)",
                     ((gs_Tuple *)pair)->len);
        else if (pair && gs_index_arg(vm, ((gs_Tuple *)pair)->items[1], &end) == 0) {
            end = skip_ws(&sc, end);
            if (end != sc.n)
                raise_errmsg(&sc, "Extra data", end);
            else
                obj = gs_newref(vm, ((gs_Tuple *)pair)->items[0]);
        }
        gs_xdecref(vm, pair);
        gs_decref(vm, res);
    }
    free(sc.s);
    return obj;
}

static const gs_MethodDef decoder_methods[] = {
    { "__new__", jd_new, 0, -1, GS_KW },
    { "__init__", jd_init, 0, -1, GS_KW },
    { "decode", jd_decode, 0, -1, GS_KW },
    { "raw_decode", jd_raw_decode, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== encoding */

typedef struct Enc {
    gs_VM *vm;
    gs_Buf out;
    const char *indent;   /* NULL: no newlines */
    gs_Object *item_sep, *key_sep; /* str */
    bool skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys;
    gs_Object *dflt;      /* default, or NULL */
    gs_Object *markers;   /* list of containers being encoded */
    int level;
    bool not_serializable; /* the TypeError raised is the encoder's own */
    gs_Object *chunks;    /* iterencode: a list of the pieces Lib/json/encoder.py's
                           * generator yields (NULL: one str) */
} Enc;

/* iterencode: what is in the buffer becomes a piece (the generator's yield) */
static int cut(Enc *e)
{
    if (!e->chunks || e->out.len == 0)
        return 0;
    gs_Object *piece = gs_str_new(e->vm, e->out.data, e->out.len);
    int r = piece ? gs_list_append(e->vm, e->chunks, piece) : -1;
    gs_xdecref(e->vm, piece);
    e->out.len = 0;
    return r;
}

/* what _iterencode_list writes with the separator before it */
static bool enc_scalar(gs_Object *v)
{
    gs_Kind k = GS_KIND(v);
    return k == GS_K_NONE || k == GS_K_BOOL || k == GS_K_INT || k == GS_K_FLOAT || k == GS_K_STR;
}

static void enc_string(Enc *e, gs_Str *s)
{
    gs_Buf *b = &e->out;
    gs_buf_addc(b, '"');
    const unsigned char *p = (const unsigned char *)s->data;
    size_t n = (size_t)s->len;
    for (size_t i = 0; i < n;) {
        size_t adv;
        uint32_t c = gs_utf8_decode(p + i, n - i, &adv);
        if (!adv)
            adv = 1;
        switch (c) {
        case '"': gs_buf_adds(b, "\\\""); break;
        case '\\': gs_buf_adds(b, "\\\\"); break;
        case '\n': gs_buf_adds(b, "\\n"); break;
        case '\r': gs_buf_adds(b, "\\r"); break;
        case '\t': gs_buf_adds(b, "\\t"); break;
        case '\b': gs_buf_adds(b, "\\b"); break;
        case '\f': gs_buf_adds(b, "\\f"); break;
        default:
            if (c < 0x20 || (e->ensure_ascii && c >= 0x7f)) {
                if (c < 0x20 || c < 0x10000 || !e->ensure_ascii)
                    gs_buf_printf(b, "\\u%04x", c);
                else {
                    uint32_t v = c - 0x10000;
                    gs_buf_printf(b, "\\u%04x\\u%04x", 0xD800 | (v >> 10), 0xDC00 | (v & 0x3FF));
                }
            } else
                gs_buf_add(b, (const char *)p + i, adv);
        }
        i += adv;
    }
    gs_buf_addc(b, '"');
}

/* JSONEncoder.default names the type by its __name__: "Decimal", "date",
 * not a module type's dotted "decimal.Decimal" */
static const char *type_short_name(gs_Type *t)
{
    const char *dot = (t->flags & GS_TF_HEAP) ? NULL : strrchr(t->name->data, '.');
    return dot ? dot + 1 : t->name->data;
}

static int enc_float(Enc *e, double v)
{
    if (isnan(v) || isinf(v)) {
        if (!e->allow_nan) {
            gs_raise(e->vm, e->vm->e_ValueError, "Out of range float values are not JSON compliant");
            return -1;
        }
        gs_buf_adds(&e->out, isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        return 0;
    }
    gs_float_repr_into(&e->out, v);
    return 0;
}

static void newline_indent(Enc *e)
{
    gs_buf_addc(&e->out, '\n');
    for (int i = 0; i < e->level; i++)
        gs_buf_adds(&e->out, e->indent);
}

static int enc_obj(Enc *e, gs_Object *o);

static int mark(Enc *e, gs_Object *o)
{
    if (!e->check_circular)
        return 0;
    gs_List *m = (gs_List *)e->markers;
    for (int32_t i = 0; i < m->len; i++)
        if (m->items[i] == o) {
            gs_raise(e->vm, e->vm->e_ValueError, "Circular reference detected");
            return -1;
        }
    return gs_list_append(e->vm, e->markers, o);
}

static void unmark(Enc *e)
{
    if (e->check_circular) {
        gs_Object *v = gs_list_pop(e->vm, e->markers, -1);
        gs_xdecref(e->vm, v);
    }
}

static void add_str(Enc *e, gs_Object *s) { gs_buf_add(&e->out, ((gs_Str *)s)->data, (size_t)((gs_Str *)s)->len); }

static int enc_list(Enc *e, gs_Object *o)
{
    gs_VM *vm = e->vm;
    int64_t n = GS_KIND(o) == GS_K_LIST ? ((gs_List *)o)->len : ((gs_Tuple *)o)->len;
    if (n == 0) {
        gs_buf_adds(&e->out, "[]");
        return 0;
    }
    if (mark(e, o) < 0)
        return -1;
    gs_buf_addc(&e->out, '[');
    if (e->indent) {
        e->level++;
        newline_indent(e);
    }
    gs_incref(vm, o);
    int r = 0;
    for (int64_t i = 0; r == 0; i++) {
        n = GS_KIND(o) == GS_K_LIST ? ((gs_List *)o)->len : ((gs_Tuple *)o)->len;
        if (i >= n)
            break;
        if (i) {
            add_str(e, e->item_sep);
            if (e->indent)
                newline_indent(e);
        }
        gs_Object *v = GS_KIND(o) == GS_K_LIST ? ((gs_List *)o)->items[i] : ((gs_Tuple *)o)->items[i];
        gs_incref(vm, v);
        r = enc_scalar(v) ? 0 : cut(e); /* `yield buf` before a container's pieces */
        if (r == 0)
            r = enc_obj(e, v);
        gs_decref(vm, v);
    }
    gs_decref(vm, o);
    if (r < 0)
        return -1;
    if (e->indent) {
        e->level--;
        newline_indent(e);
        if (cut(e) < 0)
            return -1;
    }
    gs_buf_addc(&e->out, ']');
    unmark(e);
    return 0;
}

/* a dict key as JSON wants it: a str, or NULL to skip (or on error) */
static gs_Object *key_str(Enc *e, gs_Object *k, bool *skip)
{
    gs_VM *vm = e->vm;
    *skip = false;
    switch (GS_KIND(k)) {
    case GS_K_STR: return gs_newref(vm, k);
    case GS_K_FLOAT: {
        double v = ((gs_Float *)k)->value;
        if (isnan(v) || isinf(v)) {
            if (!e->allow_nan) {
                gs_raise(vm, vm->e_ValueError, "Out of range float values are not JSON compliant");
                return NULL;
            }
            return gs_str_from_cstr(vm, isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
        return gs_float_repr(vm, v);
    }
    case GS_K_BOOL: return gs_str_from_cstr(vm, k == vm->true_ ? "true" : "false");
    case GS_K_NONE: return gs_str_from_cstr(vm, "null");
    case GS_K_INT: return gs_repr(vm, k);
    default:
        if (e->skipkeys) {
            *skip = true;
            return NULL;
        }
        gs_raise(vm, vm->e_TypeError, "keys must be str, int, float, bool or None, not %s", gs_type_name(k));
        return NULL;
    }
}

static int enc_dict(Enc *e, gs_Object *o)
{
    gs_VM *vm = e->vm;
    if (((gs_Dict *)o)->t.used == 0) {
        gs_buf_adds(&e->out, "{}");
        return 0;
    }
    if (mark(e, o) < 0)
        return -1;
    gs_buf_addc(&e->out, '{');
    if (cut(e) < 0)
        return -1;
    if (e->indent) {
        e->level++;
        newline_indent(e);
        if (cut(e) < 0)
            return -1;
    }
    /* items = sorted(dct.items()) if sort_keys else dct.items() */
    gs_Object *items = gs_list_new(vm, 0);
    int32_t pos = 0;
    gs_Object *k, *v;
    int r = items ? 0 : -1;
    while (r == 0 && gs_dict_next(o, &pos, &k, &v)) {
        gs_Object *t = gs_tuple_pack(vm, 2, k, v);
        r = t ? gs_list_append(vm, items, t) : -1;
        gs_xdecref(vm, t);
    }
    if (r == 0 && e->sort_keys)
        r = gs_list_sort(vm, items, NULL, false);
    bool first = true;
    for (int32_t i = 0; r == 0 && i < ((gs_List *)items)->len; i++) {
        gs_Tuple *kv = (gs_Tuple *)((gs_List *)items)->items[i];
        bool skip;
        gs_Object *ks = key_str(e, kv->items[0], &skip);
        if (!ks) {
            if (skip)
                continue;
            r = -1;
            break;
        }
        if (!first) {
            add_str(e, e->item_sep);
            if (e->indent)
                newline_indent(e);
            r = cut(e);
        }
        first = false;
        enc_string(e, (gs_Str *)ks);
        gs_decref(vm, ks);
        if (r == 0)
            r = cut(e);
        add_str(e, e->key_sep);
        if (r == 0)
            r = cut(e);
        if (r == 0)
            r = enc_obj(e, kv->items[1]);
    }
    gs_xdecref(vm, items);
    if (r < 0)
        return -1;
    if (e->indent) {
        e->level--;
        newline_indent(e);
        if (cut(e) < 0)
            return -1;
    }
    gs_buf_addc(&e->out, '}');
    unmark(e);
    return 0;
}

static int enc_obj_inner(Enc *e, gs_Object *o);

/* o as JSON; in iterencode's pieces, each value ends one */
static int enc_obj(Enc *e, gs_Object *o)
{
    int r = enc_obj_inner(e, o);
    return r < 0 ? r : cut(e);
}

static int enc_obj_inner(Enc *e, gs_Object *o)
{
    gs_VM *vm = e->vm;
    if (vm->native_depth >= GS_NATIVE_DEPTH_MAX || vm->depth + e->level >= vm->recursion_limit) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while encoding a JSON object");
        return -1;
    }
    switch (GS_KIND(o)) {
    case GS_K_NONE: gs_buf_adds(&e->out, "null"); return 0;
    case GS_K_BOOL: gs_buf_adds(&e->out, o == vm->true_ ? "true" : "false"); return 0;
    case GS_K_INT:
        if (gs_int_is_big(o)) {
            char *s = gs_big_digits(vm, o, 10);
            if (!s)
                return -1;
            gs_buf_adds(&e->out, s);
            free(s);
            return 0;
        }
        gs_buf_printf(&e->out, "%lld", (long long)((gs_Int *)o)->value);
        return 0;
    case GS_K_FLOAT: return enc_float(e, ((gs_Float *)o)->value);
    case GS_K_STR: enc_string(e, (gs_Str *)o); return 0;
    case GS_K_LIST: case GS_K_TUPLE: {
        vm->native_depth++;
        int r = enc_list(e, o);
        vm->native_depth--;
        return r;
    }
    case GS_K_DICT: {
        vm->native_depth++;
        int r = enc_dict(e, o);
        vm->native_depth--;
        return r;
    }
    default: break;
    }
    if (!e->dflt) {
        gs_raise(vm, vm->e_TypeError, "Object of type %s is not JSON serializable", type_short_name(o->type));
        e->not_serializable = true;
        return -1;
    }
    if (mark(e, o) < 0)
        return -1;
    gs_Object *r = gs_call_object(vm, e->dflt, &o, 1, NULL);
    if (!r)
        return -1;
    vm->native_depth++;
    int rr = enc_obj(e, r);
    vm->native_depth--;
    gs_decref(vm, r);
    if (rr < 0)
        return -1;
    unmark(e);
    return 0;
}

/* The encoder of dumps() and JSONEncoder.encode(): obj as JSON with these
 * options (sep NULL: CPython's by indent; dflt NULL: none); `defaults`
 * says every option was left as dumps() has it, for the frames of the
 * traceback. */
typedef struct EncOpts {
    bool skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys;
    gs_Object *indent, *item_sep, *key_sep, *dflt; /* NULL: not given */
    bool defaults;
    bool chunks;          /* iterencode: a list of the pieces, not one str */
} EncOpts;

static gs_Object *encode_with(gs_VM *vm, gs_Object *obj, const EncOpts *o)
{
    Enc e;
    memset(&e, 0, sizeof e);
    e.vm = vm;
    e.skipkeys = o->skipkeys;
    e.ensure_ascii = o->ensure_ascii;
    e.check_circular = o->check_circular;
    e.allow_nan = o->allow_nan;
    e.sort_keys = o->sort_keys;
    e.dflt = o->dflt;
    char *indent = NULL;
    gs_Object *ind = o->indent;
    if (ind && ind != vm->none) {
        if (GS_KIND(ind) == GS_K_INT || GS_KIND(ind) == GS_K_BOOL) {
            int64_t n = GS_KIND(ind) == GS_K_BOOL ? ind == vm->true_ : ((gs_Int *)ind)->value;
            if (n < 0)
                n = 0;
            if (n > 1000000) {
                gs_raise_memory(vm);
                return NULL;
            }
            indent = malloc((size_t)n + 1);
            if (indent) {
                memset(indent, ' ', (size_t)n);
                indent[n] = 0;
            }
        } else if (GS_KIND(ind) == GS_K_STR)
            indent = strdup(((gs_Str *)ind)->data);
        else {
            gs_raise(vm, vm->e_TypeError, "can't multiply sequence by non-int of type '%s'", gs_type_name(ind));
            return NULL;
        }
        if (!indent) {
            gs_raise_memory(vm);
            return NULL;
        }
    }
    e.indent = indent;
    if (o->item_sep && o->key_sep) {
        e.item_sep = gs_newref(vm, o->item_sep);
        e.key_sep = gs_newref(vm, o->key_sep);
    } else {
        e.item_sep = gs_str_from_cstr(vm, indent ? "," : ", ");
        e.key_sep = gs_str_from_cstr(vm, ": ");
    }
    e.markers = gs_list_new(vm, 0);
    if (o->chunks)
        e.chunks = gs_list_new(vm, 0);
    gs_buf_init(&e.out);
    int r = e.item_sep && e.key_sep && e.markers && (e.chunks || !o->chunks) ? enc_obj(&e, obj) : -1;
    gs_xdecref(vm, e.item_sep);
    gs_xdecref(vm, e.key_sep);
    gs_xdecref(vm, e.markers);
    free(indent);
    if (r < 0) {
        gs_buf_free(&e.out);
        /* CPython's C encoder, called by its dumps: with every argument at
         * its default, through _default_encoder; else a JSONEncoder made
         * for the call (with indent, its Python encoder: not told here) */
        if (e.not_serializable && (!o->indent || o->indent == vm->none))
            gs_exc_lib_frames(vm, o->defaults ? f_dumps_default : f_dumps_options, 4);
        gs_xdecref(vm, e.chunks);
        return NULL;
    }
    if (e.chunks) {
        gs_buf_free(&e.out);
        return e.chunks;
    }
    return gs_buf_to_str(vm, &e.out);
}

/* separators=(item, key): two strings */
static int separators_of(gs_VM *vm, gs_Object *sep, gs_Object **item, gs_Object **key)
{
    if ((GS_KIND(sep) != GS_K_TUPLE && GS_KIND(sep) != GS_K_LIST) || gs_len(vm, sep) != 2) {
        gs_raise(vm, vm->e_ValueError, "too many values to unpack (expected 2)");
        return -1;
    }
    gs_Object **it = GS_KIND(sep) == GS_K_TUPLE ? ((gs_Tuple *)sep)->items : ((gs_List *)sep)->items;
    if (GS_KIND(it[0]) != GS_K_STR || GS_KIND(it[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "separators must be strings");
        return -1;
    }
    *item = it[0];
    *key = it[1];
    return 0;
}

static const char *const k_enc_options[] = { "skipkeys", "ensure_ascii", "check_circular", "allow_nan",
                                             "sort_keys", "indent",     "separators",     "default" };

static gs_Object *m_dumps(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls",
                                         "indent", "separators", "default", "sort_keys" };
    gs_Object *a[10];
    if (gs_pyargs(vm, "dumps", args, nargs, kwnames, names, 10, 1, 1, a) < 0)
        return NULL;
    EncOpts o;
    memset(&o, 0, sizeof o);
    bool flags[5] = { false, true, true, true, false };
    gs_Object *fa[5] = { a[1], a[2], a[3], a[4], a[9] };
    for (int i = 0; i < 5; i++)
        if (fa[i]) {
            int t = gs_truthy(vm, fa[i]);
            if (t < 0)
                return NULL;
            flags[i] = t == 1;
        }
    if (a[5] && a[5] != vm->none) {
        /* cls(skipkeys=..., ..., default=..., sort_keys=...).encode(obj) */
        gs_Object *vals[8] = { GS_BOOL(vm, flags[0]), GS_BOOL(vm, flags[1]), GS_BOOL(vm, flags[2]),
                               GS_BOOL(vm, flags[3]), GS_BOOL(vm, flags[4]), gs_newref(vm, a[6] ? a[6] : vm->none),
                               gs_newref(vm, a[7] ? a[7] : vm->none), gs_newref(vm, a[8] ? a[8] : vm->none) };
        gs_Object *kn = gs_tuple_new(vm, 8);
        for (int i = 0; kn && i < 8; i++)
            gs_tuple_init(vm, kn, i, gs_str_from_cstr(vm, k_enc_options[i]));
        gs_Object *enc = kn ? gs_call_object(vm, a[5], vals, 8, (gs_Tuple *)kn) : NULL;
        for (int i = 0; i < 8; i++)
            gs_decref(vm, vals[i]);
        gs_xdecref(vm, kn);
        gs_Object *m = enc ? gs_getattr(vm, enc, gs_name(vm, "encode")) : NULL;
        gs_Object *r = m ? gs_call_object(vm, m, &a[0], 1, NULL) : NULL;
        gs_xdecref(vm, m);
        gs_xdecref(vm, enc);
        return r;
    }
    o.skipkeys = flags[0];
    o.ensure_ascii = flags[1];
    o.check_circular = flags[2];
    o.allow_nan = flags[3];
    o.sort_keys = flags[4];
    o.indent = a[6];
    o.dflt = a[8] && a[8] != vm->none ? a[8] : NULL;
    if (a[7] && a[7] != vm->none && separators_of(vm, a[7], &o.item_sep, &o.key_sep) < 0)
        return NULL;
    o.defaults = !o.skipkeys && o.ensure_ascii && o.check_circular && o.allow_nan && (!a[6] || a[6] == vm->none) &&
                 (!a[7] || a[7] == vm->none) && !o.dflt && !o.sort_keys;
    return encode_with(vm, a[0], &o);
}

/* ================================================================== JSONEncoder */

/* JSONEncoder(*, skipkeys=False, ensure_ascii=True, check_circular=True,
 * allow_nan=True, sort_keys=False, indent=None, separators=None,
 * default=None): the options as attributes, as Lib/json/encoder.py keeps
 * them (item_separator and key_separator; default only when given) */
static gs_Object *je_init(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 0) {
        gs_raise(vm, vm->e_TypeError, "JSONEncoder.__init__() takes 1 positional argument but %d were given", npos + 1);
        return NULL;
    }
    gs_Object *v[8] = { vm->false_, vm->true_, vm->true_, vm->true_, vm->false_, vm->none, vm->none, vm->none };
    for (int k = 0; kwnames && k < kwnames->len; k++) {
        const char *kn = ((gs_Str *)kwnames->items[k])->data;
        int found = -1;
        for (int i = 0; i < 8 && found < 0; i++)
            if (strcmp(kn, k_enc_options[i]) == 0)
                found = i;
        if (found < 0) {
            gs_raise(vm, vm->e_TypeError, "JSONEncoder.__init__() got an unexpected keyword argument '%s'", kn);
            return NULL;
        }
        v[found] = args[npos + k];
    }
    for (int i = 0; i < 6; i++)
        if (gs_setattr(vm, self, gs_name(vm, k_enc_options[i]), v[i]) < 0)
            return NULL;
    if (v[6] != vm->none) {
        gs_Object *item, *key;
        if (separators_of(vm, v[6], &item, &key) < 0 || gs_setattr(vm, self, gs_name(vm, "item_separator"), item) < 0 ||
            gs_setattr(vm, self, gs_name(vm, "key_separator"), key) < 0)
            return NULL;
    } else if (v[5] != vm->none) {
        gs_Object *comma = gs_str_from_cstr(vm, ",");
        int r = comma ? gs_setattr(vm, self, gs_name(vm, "item_separator"), comma) : -1;
        gs_xdecref(vm, comma);
        if (r < 0)
            return NULL;
    }
    if (v[7] != vm->none && gs_setattr(vm, self, gs_name(vm, "default"), v[7]) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *je_new(GS_ARGS)
{
    gs_Object *o = gs_instance_new(vm, (gs_Type *)self);
    if (o && !(((gs_Type *)self)->flags & GS_TF_HEAP)) { /* a subclass's __init__ runs through type.__call__ */
        gs_Object *r = je_init(vm, o, args, nargs, kwnames);
        if (!r) {
            gs_decref(vm, o);
            return NULL;
        }
        gs_decref(vm, r);
    }
    return o;
}

/* JSONEncoder.default(o): what a subclass overrides; this one refuses */
static gs_Object *je_default(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    if (nargs != 1) {
        gs_raise(vm, vm->e_TypeError, "JSONEncoder.default() takes 2 positional arguments but %d were given", nargs + 1);
        return NULL;
    }
    gs_raise(vm, vm->e_TypeError, "Object of type %s is not JSON serializable", type_short_name(args[0]->type));
    return NULL;
}

/* an option of the encoder: its attribute (or the class's) */
static int je_flag(gs_VM *vm, gs_Object *self, const char *name, bool *out)
{
    gs_Object *v = gs_getattr(vm, self, gs_name(vm, name));
    int t = v ? gs_truthy(vm, v) : -1;
    gs_xdecref(vm, v);
    if (t < 0)
        return -1;
    *out = t == 1;
    return 0;
}

static gs_Object *je_run(gs_VM *vm, gs_Object *self, gs_Object *obj, bool chunks);

/* encode(o): the JSON of o, with self.default for what JSON lacks */
static gs_Object *je_encode(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 1) {
        gs_raise(vm, vm->e_TypeError, "JSONEncoder.encode() takes 2 positional arguments but %d were given", nargs + 1);
        return NULL;
    }
    return je_run(vm, self, args[0], false);
}

/* iterencode(o, _one_shot=False): the pieces Lib/json/encoder.py's
 * generator yields, from an iterator over a list of them (made at once) */
static gs_Object *je_iterencode(GS_ARGS)
{
    static const char *const names[] = { "o", "_one_shot" };
    static const gs_PySig sig = { "JSONEncoder.iterencode", names, 2, 1, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *l = je_run(vm, self, a[0], true);
    gs_Object *it = l ? gs_iter(vm, l) : NULL;
    gs_xdecref(vm, l);
    return it;
}

static gs_Object *je_run(gs_VM *vm, gs_Object *self, gs_Object *obj, bool chunks)
{
    EncOpts o;
    memset(&o, 0, sizeof o);
    o.chunks = chunks;
    if (je_flag(vm, self, "skipkeys", &o.skipkeys) < 0 || je_flag(vm, self, "ensure_ascii", &o.ensure_ascii) < 0 ||
        je_flag(vm, self, "check_circular", &o.check_circular) < 0 || je_flag(vm, self, "allow_nan", &o.allow_nan) < 0 ||
        je_flag(vm, self, "sort_keys", &o.sort_keys) < 0)
        return NULL;
    gs_Object *indent = gs_getattr(vm, self, gs_name(vm, "indent"));
    gs_Object *item = indent ? gs_getattr(vm, self, gs_name(vm, "item_separator")) : NULL;
    gs_Object *key = item ? gs_getattr(vm, self, gs_name(vm, "key_separator")) : NULL;
    gs_Object *dflt = key ? gs_getattr(vm, self, gs_name(vm, "default")) : NULL;
    gs_Object *r = NULL;
    if (dflt && (GS_KIND(item) != GS_K_STR || GS_KIND(key) != GS_K_STR))
        gs_raise(vm, vm->e_TypeError, "separators must be strings");
    else if (dflt) {
        o.indent = indent;
        o.item_sep = item;
        o.key_sep = key;
        o.dflt = dflt;
        r = encode_with(vm, obj, &o);
    }
    gs_xdecref(vm, indent);
    gs_xdecref(vm, item);
    gs_xdecref(vm, key);
    gs_xdecref(vm, dflt);
    return r;
}

static const gs_MethodDef encoder_methods[] = {
    { "__new__", je_new, 0, -1, GS_KW },      { "__init__", je_init, 0, -1, GS_KW },
    { "default", je_default, 0, -1, 0 },      { "encode", je_encode, 0, -1, 0 },
    { "iterencode", je_iterencode, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module */

static const gs_MethodDef functions[] = {
    { "loads", m_loads, 0, -1, GS_KW }, { "dumps", m_dumps, 0, -1, GS_KW }, { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_module_json(gs_VM *vm)
{
    JsonState *st = vm->modstate[GS_MS_JSON];
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st) {
            gs_raise_memory(vm);
            return NULL;
        }
        vm->modstate[GS_MS_JSON] = st;
        st->e_decode = gs_type_new_builtin(vm, "JSONDecodeError", vm->e_ValueError, GS_K_EXCEPTION,
                                           GS_TF_BASETYPE);
        st->e_decode->module = gs_name(vm, "json.decoder");
        static const gs_MethodDef jde_methods[] = { { "__init__", jde_init, 0, -1, GS_KW }, { NULL, NULL, 0, 0, 0 } };
        gs_type_add_methods(vm, st->e_decode, jde_methods);
        st->t_encoder = gs_modtype_new(vm, "json.encoder.JSONEncoder", vm->t_object, NULL, true);
        gs_type_add_methods(vm, st->t_encoder, encoder_methods);
        gs_modtype_add_attr(vm, st->t_encoder, "item_separator", gs_str_from_cstr(vm, ", "));
        gs_modtype_add_attr(vm, st->t_encoder, "key_separator", gs_str_from_cstr(vm, ": "));
        st->t_decoder = gs_modtype_new(vm, "json.decoder.JSONDecoder", vm->t_object, NULL, true);
        gs_type_add_methods(vm, st->t_decoder, decoder_methods);
        st->t_scanner = gs_native_type_new(vm, "_json.Scanner", &scanner_ops, scanner_methods);
        st->constants = gs_dict_new(vm);
        static const char *const cn[] = { "-Infinity", "Infinity", "NaN" };
        const double cv[] = { -INFINITY, INFINITY, NAN };
        for (int i = 0; st->constants && i < 3; i++) {
            gs_Object *f = gs_float_new(vm, cv[i]);
            if (f)
                gs_dict_set(vm, st->constants, &gs_name(vm, cn[i])->ob, f);
            gs_xdecref(vm, f);
        }
        if (!st->constants || vm->exc)
            return NULL;
    }
    gs_Object *m = gs_module_new(vm, "json");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "JSONDecodeError", gs_newref(vm, &st->e_decode->ob));
    gs_module_add(vm, m, "JSONEncoder", gs_newref(vm, &st->t_encoder->ob));
    gs_module_add(vm, m, "JSONDecoder", gs_newref(vm, &st->t_decoder->ob));
    /* json/__init__.py imports its submodules decoder and encoder: they
     * are in sys.modules and attributes of the package */
    static const char *const subs[] = { "decoder", "encoder" };
    for (int i = 0; i < 2; i++) {
        char full[32];
        snprintf(full, sizeof full, "json.%s", subs[i]);
        gs_Object *sub = gs_module_new(vm, full);
        if (!sub || gs_dict_set(vm, vm->modules, &gs_name(vm, full)->ob, sub) < 0) {
            gs_xdecref(vm, sub);
            gs_decref(vm, m);
            return NULL;
        }
        if (i == 0) {
            gs_module_add(vm, sub, "JSONDecoder", gs_newref(vm, &st->t_decoder->ob));
            gs_module_add(vm, sub, "JSONDecodeError", gs_newref(vm, &st->e_decode->ob));
        } else
            gs_module_add(vm, sub, "JSONEncoder", gs_newref(vm, &st->t_encoder->ob));
        gs_module_add(vm, m, subs[i], sub);
    }
    return m;
}

/* The refcount check: JSONEncoder's and JSONDecoder's dicts are held by
 * the classes, which no object traverses (as for the other static types),
 * and the state holds _CONSTANTS. */
void gs_json_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "json.encoder", count, ctx);
    gs_modtypes_count_roots(vm, "json.decoder", count, ctx);
    JsonState *st = vm->modstate[GS_MS_JSON];
    if (st && st->constants)
        count(ctx, st->constants);
}

void gs_json_clear(gs_VM *vm)
{
    JsonState *st = vm->modstate[GS_MS_JSON];
    if (st && st->constants) {
        gs_Object *c = st->constants;
        st->constants = NULL;
        gs_decref(vm, c);
    }
}

void gs_json_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_JSON]);
    vm->modstate[GS_MS_JSON] = NULL;
}
