/*
 * trace_json.c — write a trace as JSON at disk speed; read it back with a
 * pull parser that trusts nothing.
 *
 * Writer: one growing buffer flushed to the caller's sink every 1 MiB;
 * numbers by hand (no printf), strings escaped by a table-driven loop with
 * an ASCII fast path.  Invalid UTF-8 in a string (the VM's strings come
 * from valid UTF-8 source, so this should not happen) is written as U+FFFD
 * so the document is always valid JSON.
 *
 * Reader: the whole document is first checked to be UTF-8; then a
 * recursive-descent parser with an explicit depth limit walks it once,
 * appending straight into the gs_Trace.  Every failure says where: a byte
 * offset, and a path such as events[12][4] (a).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/object.h"
#include "trace_json.h"

/* ================================================================== names */

static const char *const kind_names[] = {
    "none", "bool", "int", "float", "str", "tuple", "list", "dict", "set", "type", "function", "builtin", "method",
    "instance", "exception", "module", "code", "cell", "range", "iter", "slice", "notimplemented", "ellipsis",
    "weakref", "frame", "traceback", "generator", "property", "classmethod", "staticmethod", "super",
    "complex", "bytes", "bytearray",
};
_Static_assert(sizeof kind_names / sizeof kind_names[0] == GS_K_COUNT, "a name for every gs_Kind");

const char *gs_kind_name(int kind)
{
    return kind >= 0 && kind < GS_K_COUNT ? kind_names[kind] : "?";
}

int gs_kind_from_name(const char *s, size_t n)
{
    for (int k = 0; k < GS_K_COUNT; k++)
        if (strlen(kind_names[k]) == n && memcmp(kind_names[k], s, n) == 0)
            return k;
    return -1;
}

static int event_from_name(const char *s, size_t n)
{
    for (int k = 0; k < GS_EV_KIND_COUNT; k++) {
        const char *name = gs_event_kind_name((gs_EventKind)k);
        if (name[0] == s[0] && strlen(name) == n && memcmp(name, s, n) == 0)
            return k;
    }
    return -1;
}

static int cause_from_name(const char *s, size_t n)
{
    for (int k = 0; k <= GS_CAUSE_GC; k++) {
        const char *name = gs_cause_kind_name(k);
        if (strlen(name) == n && memcmp(name, s, n) == 0)
            return k;
    }
    return -1;
}

void gs_trace_source_free(gs_TraceSource *s)
{
    free(s->path);
    free(s->text);
    memset(s, 0, sizeof *s);
}

/* ================================================================== writer */

#define WBUF (1u << 20)

typedef struct W {
    char *buf;
    size_t n;
    gs_JsonSink sink;
    void *ctx;
    bool failed;
} W;

static void w_flush(W *w)
{
    if (w->n && !w->failed && w->sink(w->ctx, w->buf, w->n) < 0)
        w->failed = true;
    w->n = 0;
}

static inline void w_room(W *w, size_t need)
{
    if (w->n + need > WBUF)
        w_flush(w);
}

static void w_put(W *w, const char *s, size_t n)
{
    while (n) {
        w_room(w, 1);
        size_t k = WBUF - w->n < n ? WBUF - w->n : n;
        memcpy(w->buf + w->n, s, k);
        w->n += k;
        s += k;
        n -= k;
    }
}

#define W_LIT(w, lit) w_put((w), (lit), sizeof(lit) - 1)

static inline void w_u32(W *w, uint32_t v)
{
    char tmp[10];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    w_room(w, 10);
    while (k)
        w->buf[w->n++] = tmp[--k];
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xc2 || c > 0xf4)
        return 0;
    size_t len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if (c == 0xe0 && s[1] < 0xa0)
        return 0; /* overlong */
    if (c == 0xed && s[1] > 0x9f)
        return 0; /* surrogate */
    if (c == 0xf0 && s[1] < 0x90)
        return 0; /* overlong */
    if (c == 0xf4 && s[1] > 0x8f)
        return 0; /* past U+10FFFF */
    return len;
}

static void w_str(W *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    w_room(w, 1);
    w->buf[w->n++] = '"';
    while (p < end) {
        /* the plain ASCII run */
        const unsigned char *q = p;
        while (q < end && *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\')
            q++;
        if (q > p) {
            w_put(w, (const char *)p, (size_t)(q - p));
            p = q;
            if (p == end)
                break;
        }
        unsigned c = *p;
        w_room(w, 8);
        if (c == '"' || c == '\\') {
            w->buf[w->n++] = '\\';
            w->buf[w->n++] = (char)c;
            p++;
        } else if (c < 0x20) {
            w->buf[w->n++] = '\\';
            switch (c) {
            case '\n': w->buf[w->n++] = 'n'; break;
            case '\t': w->buf[w->n++] = 't'; break;
            case '\r': w->buf[w->n++] = 'r'; break;
            default:
                memcpy(w->buf + w->n, "u00", 3);
                w->n += 3;
                w->buf[w->n++] = hex[c >> 4];
                w->buf[w->n++] = hex[c & 15];
            }
            p++;
        } else {
            size_t k = utf8_seq(p, (size_t)(end - p));
            if (k) {
                memcpy(w->buf + w->n, p, k);
                w->n += k;
                p += k;
            } else {
                memcpy(w->buf + w->n, "\\ufffd", 6);
                w->n += 6;
                p++;
            }
        }
    }
    w_room(w, 1);
    w->buf[w->n++] = '"';
}

int gs_trace_json_write(const gs_Trace *t, const char *path, const char *src, size_t srclen, gs_JsonSink sink,
                        void *ctx)
{
    W w = { malloc(WBUF), 0, sink, ctx, false };
    if (!w.buf)
        return -1;
    W_LIT(&w, "{\n\"format\": \"" GS_TRACE_FORMAT "\",\n\"version\": ");
    w_u32(&w, GS_TRACE_VERSION);
    W_LIT(&w, ",\n\"model\": \"" GS_TRACE_MODEL "\",\n\"source\": {\"path\": ");
    w_str(&w, path ? path : "", path ? strlen(path) : 0);
    W_LIT(&w, ", \"text\": ");
    w_str(&w, src ? src : "", src ? srclen : 0);
    W_LIT(&w, "},\n\"counts\": {\"strings\": ");
    w_u32(&w, t->strings.count);
    W_LIT(&w, ", \"objects\": ");
    w_u32(&w, (uint32_t)t->ndesc);
    W_LIT(&w, ", \"refs\": ");
    w_u32(&w, (uint32_t)t->nrefs);
    W_LIT(&w, ", \"events\": ");
    w_u32(&w, (uint32_t)t->n);
    W_LIT(&w, ", \"output\": ");
    w_u32(&w, (uint32_t)t->nout);
    W_LIT(&w, "},\n\"strings\": [");
    for (uint32_t i = 0; i < t->strings.count; i++) {
        if (i)
            W_LIT(&w, ",");
        W_LIT(&w, "\n");
        w_str(&w, t->strings.bytes + t->strings.offsets[i], t->strings.lens[i]);
    }
    W_LIT(&w, "\n],\n\"output\": ");
    w_str(&w, t->out ? t->out : "", t->nout);
    W_LIT(&w, ",\n\"objects\": [");
    for (size_t i = 0; i < t->ndesc; i++) {
        const gs_ObjDesc *d = &t->desc[i];
        if (i)
            W_LIT(&w, ",");
        W_LIT(&w, "\n{\"id\": ");
        w_u32(&w, d->id);
        W_LIT(&w, ", \"kind\": \"");
        const char *kn = gs_kind_name(d->kind);
        w_put(&w, kn, strlen(kn));
        W_LIT(&w, "\", \"type\": ");
        w_u32(&w, d->type);
        if (d->flags & GS_DESC_STATIC)
            W_LIT(&w, ", \"static\": true");
        else
            W_LIT(&w, ", \"static\": false");
        if (d->flags & GS_DESC_TRACKED)
            W_LIT(&w, ", \"tracked\": true, \"gen\": ");
        else
            W_LIT(&w, ", \"tracked\": false, \"gen\": ");
        w_u32(&w, d->gen);
        W_LIT(&w, ", \"refcount\": ");
        w_u32(&w, d->refcnt);
        W_LIT(&w, ", \"b\": ");
        w_u32(&w, d->b);
        W_LIT(&w, ", \"c\": ");
        w_u32(&w, d->c);
        W_LIT(&w, ", \"size\": ");
        w_u32(&w, d->size);
        W_LIT(&w, "}");
    }
    W_LIT(&w, "\n],\n\"refs\": [");
    for (size_t i = 0; i < t->nrefs; i++) {
        const gs_TraceRef *r = &t->refs[i];
        if (i)
            W_LIT(&w, ",");
        W_LIT(&w, "\n[");
        w_u32(&w, r->holder);
        W_LIT(&w, ", \"");
        const char *sn = gs_cause_kind_name(r->sub);
        w_put(&w, sn, strlen(sn));
        W_LIT(&w, "\", ");
        w_u32(&w, r->slot);
        W_LIT(&w, ", ");
        w_u32(&w, r->target);
        W_LIT(&w, "]");
    }
    W_LIT(&w, "\n],\n\"events\": [");
    const char *quoted[GS_EV_KIND_COUNT];
    size_t qlen[GS_EV_KIND_COUNT];
    char names[GS_EV_KIND_COUNT][32];
    for (int k = 0; k < GS_EV_KIND_COUNT; k++) {
        snprintf(names[k], sizeof names[k], "[\"%s\",", gs_event_kind_name((gs_EventKind)k));
        quoted[k] = names[k];
        qlen[k] = strlen(names[k]);
    }
    for (size_t i = 0; i < t->n && !w.failed; i++) {
        const gs_Event ev = gs_trace_get(t, i), *e = &ev;
        w_room(&w, 96);
        if (i)
            w.buf[w.n++] = ',';
        w.buf[w.n++] = '\n';
        if (e->kind < GS_EV_KIND_COUNT) {
            memcpy(w.buf + w.n, quoted[e->kind], qlen[e->kind]);
            w.n += qlen[e->kind];
        } else
            W_LIT(&w, "[\"?\",");
        w_u32(&w, e->sub);
        w.buf[w.n++] = ',';
        w_u32(&w, e->flags);
        w.buf[w.n++] = ',';
        w_u32(&w, e->line);
        w.buf[w.n++] = ',';
        w_u32(&w, e->obj);
        w.buf[w.n++] = ',';
        w_u32(&w, e->a);
        w.buf[w.n++] = ',';
        w_u32(&w, e->b);
        w.buf[w.n++] = ',';
        w_u32(&w, e->c);
        w.buf[w.n++] = ']';
    }
    W_LIT(&w, "\n]\n}\n");
    w_flush(&w);
    free(w.buf);
    return w.failed ? -1 : 0;
}

/* ================================================================== reader */

#define MAX_DEPTH 64

typedef struct P {
    const char *s, *p, *end;
    gs_JsonError *err;
    bool failed;
    char *tmp;              /* decoded string scratch */
    size_t tmpcap;
    uint32_t version;       /* the document's */
} P;

static bool perr(P *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool perr(P *p, const char *fmt, ...)
{
    if (p->failed)
        return false;
    p->failed = true;
    p->err->offset = (size_t)(p->p - p->s);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    va_end(ap);
    return false;
}

/* Put "where: " in front of the message of the failure just reported. */
static bool where(P *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool where(P *p, const char *fmt, ...)
{
    char pre[128], old[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pre, sizeof pre, fmt, ap);
    va_end(ap);
    snprintf(old, sizeof old, "%s", p->err->msg);
    char both[sizeof pre + sizeof old + 4];
    snprintf(both, sizeof both, "%s: %s", pre, old);
    size_t n = strlen(both);
    if (n >= sizeof p->err->msg)
        n = sizeof p->err->msg - 1;
    memcpy(p->err->msg, both, n);
    p->err->msg[n] = 0;
    return false;
}

static inline void ws(P *p)
{
    while (p->p < p->end && (*p->p == ' ' || *p->p == '\n' || *p->p == '\r' || *p->p == '\t'))
        p->p++;
}

static const char *describe(P *p)
{
    if (p->p >= p->end)
        return "the end of the document";
    switch (*p->p) {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't': case 'f': return "a boolean";
    case 'n': return "null";
    default: return (*p->p == '-' || (*p->p >= '0' && *p->p <= '9')) ? "a number" : "an unexpected character";
    }
}

static bool expect(P *p, char c)
{
    ws(p);
    if (p->p < p->end && *p->p == c) {
        p->p++;
        return true;
    }
    return perr(p, "expected '%c' but found %s", c, describe(p));
}

/* After an element: ',' (more) or `close` (done).  Returns 1 more, 0 done, -1 error. */
static int next_item(P *p, char close)
{
    ws(p);
    if (p->p < p->end && *p->p == ',') {
        p->p++;
        return 1;
    }
    if (p->p < p->end && *p->p == close) {
        p->p++;
        return 0;
    }
    perr(p, "expected ',' or '%c' but found %s", close, describe(p));
    return -1;
}

/* True (and consumes it) if the next token is `close`: an empty container. */
static bool empty(P *p, char close)
{
    ws(p);
    if (p->p < p->end && *p->p == close) {
        p->p++;
        return true;
    }
    return false;
}

static bool tmp_fit(P *p, size_t n)
{
    if (n <= p->tmpcap)
        return true;
    size_t c = p->tmpcap ? p->tmpcap : 256;
    while (c < n)
        c *= 2;
    char *t = realloc(p->tmp, c);
    if (!t)
        return perr(p, "out of memory");
    p->tmp = t;
    p->tmpcap = c;
    return true;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool read_hex4(P *p, unsigned *out)
{
    if (p->end - p->p < 4)
        return perr(p, "truncated \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p->p[i]);
        if (h < 0)
            return perr(p, "bad \\u escape");
        v = v * 16 + (unsigned)h;
    }
    p->p += 4;
    *out = v;
    return true;
}

/* A string; *s points into the document when it has no escapes, else into
 * p->tmp.  The document is already known to be valid UTF-8. */
static bool read_string(P *p, const char **s, size_t *n)
{
    ws(p);
    if (p->p >= p->end || *p->p != '"')
        return perr(p, "expected a string but found %s", describe(p));
    p->p++;
    const char *start = p->p;
    while (p->p < p->end && *p->p != '"' && *p->p != '\\' && (unsigned char)*p->p >= 0x20)
        p->p++;
    if (p->p < p->end && *p->p == '"') {
        *s = start;
        *n = (size_t)(p->p - start);
        p->p++;
        return true;
    }
    size_t len = (size_t)(p->p - start);
    if (!tmp_fit(p, len + 16))
        return false;
    memcpy(p->tmp, start, len);
    for (;;) {
        if (p->p >= p->end)
            return perr(p, "unterminated string");
        unsigned char c = (unsigned char)*p->p;
        if (c == '"') {
            p->p++;
            break;
        }
        if (c < 0x20)
            return perr(p, "control character %u inside a string", c);
        if (!tmp_fit(p, len + 8))
            return false;
        if (c != '\\') {
            p->tmp[len++] = (char)c;
            p->p++;
            continue;
        }
        p->p++;
        if (p->p >= p->end)
            return perr(p, "unterminated string");
        char e = *p->p++;
        switch (e) {
        case '"': p->tmp[len++] = '"'; break;
        case '\\': p->tmp[len++] = '\\'; break;
        case '/': p->tmp[len++] = '/'; break;
        case 'b': p->tmp[len++] = '\b'; break;
        case 'f': p->tmp[len++] = '\f'; break;
        case 'n': p->tmp[len++] = '\n'; break;
        case 'r': p->tmp[len++] = '\r'; break;
        case 't': p->tmp[len++] = '\t'; break;
        case 'u': {
            unsigned cp;
            if (!read_hex4(p, &cp))
                return false;
            if (cp >= 0xdc00 && cp <= 0xdfff)
                return perr(p, "lone low surrogate in \\u escape");
            if (cp >= 0xd800 && cp <= 0xdbff) {
                unsigned lo;
                if (p->end - p->p < 2 || p->p[0] != '\\' || p->p[1] != 'u')
                    return perr(p, "lone high surrogate in \\u escape");
                p->p += 2;
                if (!read_hex4(p, &lo))
                    return false;
                if (lo < 0xdc00 || lo > 0xdfff)
                    return perr(p, "bad surrogate pair in \\u escape");
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            }
            if (cp < 0x80)
                p->tmp[len++] = (char)cp;
            else if (cp < 0x800) {
                p->tmp[len++] = (char)(0xc0 | cp >> 6);
                p->tmp[len++] = (char)(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                p->tmp[len++] = (char)(0xe0 | cp >> 12);
                p->tmp[len++] = (char)(0x80 | ((cp >> 6) & 0x3f));
                p->tmp[len++] = (char)(0x80 | (cp & 0x3f));
            } else {
                p->tmp[len++] = (char)(0xf0 | cp >> 18);
                p->tmp[len++] = (char)(0x80 | ((cp >> 12) & 0x3f));
                p->tmp[len++] = (char)(0x80 | ((cp >> 6) & 0x3f));
                p->tmp[len++] = (char)(0x80 | (cp & 0x3f));
            }
            break;
        }
        default:
            p->p--;
            return perr(p, "bad escape '\\%c' in a string", e);
        }
    }
    *s = p->tmp;
    *n = len;
    return true;
}

/* A whole number from 0 to 2^32 - 1. */
static inline bool read_u32(P *p, uint32_t *out)
{
    ws(p);
    const char *q = p->p;
    if (q < p->end && *q >= '0' && *q <= '9') {
        uint64_t v = (uint64_t)(*q++ - '0');
        if (v == 0 && q < p->end && *q >= '0' && *q <= '9')
            return perr(p, "a number with a leading zero");
        while (q < p->end && *q >= '0' && *q <= '9') {
            v = v * 10 + (uint64_t)(*q++ - '0');
            if (v > 0xffffffffu) {
                while (q < p->end && *q >= '0' && *q <= '9')
                    q++;
                return perr(p, "number too large (the largest allowed is 4294967295)");
            }
        }
        if (q < p->end && (*q == '.' || *q == 'e' || *q == 'E'))
            return perr(p, "expected a whole number but found a fraction or an exponent");
        p->p = q;
        *out = (uint32_t)v;
        return true;
    }
    if (q < p->end && *q == '-')
        return perr(p, "expected a whole number from 0 to 4294967295 but found a negative number");
    return perr(p, "expected a whole number from 0 to 4294967295 but found %s", describe(p));
}

static bool read_bool(P *p, bool *out)
{
    ws(p);
    if (p->end - p->p >= 4 && memcmp(p->p, "true", 4) == 0) {
        p->p += 4;
        *out = true;
        return true;
    }
    if (p->end - p->p >= 5 && memcmp(p->p, "false", 5) == 0) {
        p->p += 5;
        *out = false;
        return true;
    }
    return perr(p, "expected true or false but found %s", describe(p));
}

/* Any JSON value, not kept (keys this version does not know). */
static bool skip_value(P *p, int depth)
{
    if (depth > MAX_DEPTH)
        return perr(p, "nesting deeper than %d levels", MAX_DEPTH);
    ws(p);
    if (p->p >= p->end)
        return perr(p, "expected a value but found the end of the document");
    char c = *p->p;
    if (c == '"') {
        const char *s;
        size_t n;
        return read_string(p, &s, &n);
    }
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        p->p++;
        if (empty(p, close))
            return true;
        for (;;) {
            if (c == '{') {
                const char *s;
                size_t n;
                if (!read_string(p, &s, &n) || !expect(p, ':'))
                    return false;
            }
            if (!skip_value(p, depth + 1))
                return false;
            int r = next_item(p, close);
            if (r < 0)
                return false;
            if (r == 0)
                return true;
        }
    }
    if (c == 't' || c == 'f') {
        bool b;
        return read_bool(p, &b);
    }
    if (c == 'n') {
        if (p->end - p->p >= 4 && memcmp(p->p, "null", 4) == 0) {
            p->p += 4;
            return true;
        }
        return perr(p, "unexpected character");
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        const char *q = p->p;
        if (*q == '-')
            q++;
        if (q >= p->end || *q < '0' || *q > '9')
            return perr(p, "malformed number");
        while (q < p->end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' || *q == '+' ||
                              *q == '-'))
            q++;
        p->p = q;
        return true;
    }
    return perr(p, "unexpected character '%c'", c >= 0x20 && c < 0x7f ? c : '?');
}

/* The offset of the first byte that is not valid UTF-8, or len. */
static size_t utf8_check(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* ASCII fast path, eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t v;
            memcpy(&v, p + i, 8);
            if (v & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_seq(p + i, len - i);
        if (!k)
            return i;
        i += k;
    }
    return len;
}

/* ------------------------------------------------------------------ sections */

typedef struct Doc {
    bool seen[12];
    uint32_t counts[5];     /* strings, objects, refs, events, output */
    bool counts_seen[5];
} Doc;

static bool key_is(const char *k, size_t n, const char *lit) { return strlen(lit) == n && memcmp(k, lit, n) == 0; }

static bool read_source(P *p, gs_TraceSource *src)
{
    if (!expect(p, '{'))
        return false;
    bool have_path = false, have_text = false;
    if (!empty(p, '}'))
        for (;;) {
            const char *k, *s;
            size_t kn, n;
            if (!read_string(p, &k, &kn))
                return false;
            char key[16];
            snprintf(key, sizeof key, "%.*s", (int)(kn < 15 ? kn : 15), k);
            if (!expect(p, ':'))
                return false;
            if (key_is(k, kn, "path") || key_is(k, kn, "text")) {
                bool path = key[0] == 'p';
                if ((path && have_path) || (!path && have_text))
                    return perr(p, "duplicate key '%s'", key);
                if (!read_string(p, &s, &n))
                    return where(p, "source.%s", key);
                char *copy = malloc(n + 1);
                if (!copy)
                    return perr(p, "out of memory");
                memcpy(copy, s, n);
                copy[n] = 0;
                if (path) {
                    src->path = copy;
                    have_path = true;
                } else {
                    src->text = copy;
                    src->len = n;
                    have_text = true;
                }
            } else if (!skip_value(p, 2))
                return false;
            int r = next_item(p, '}');
            if (r < 0)
                return false;
            if (r == 0)
                break;
        }
    if (!have_path || !have_text)
        return perr(p, "source needs both \"path\" and \"text\"");
    return true;
}

static bool read_counts(P *p, Doc *d)
{
    static const char *names[5] = { "strings", "objects", "refs", "events", "output" };
    if (!expect(p, '{'))
        return false;
    if (!empty(p, '}'))
        for (;;) {
            const char *k;
            size_t kn;
            if (!read_string(p, &k, &kn) || !expect(p, ':'))
                return false;
            int which = -1;
            for (int i = 0; i < 5; i++)
                if (key_is(k, kn, names[i]))
                    which = i;
            if (which < 0) {
                if (!skip_value(p, 2))
                    return false;
            } else {
                if (d->counts_seen[which])
                    return perr(p, "duplicate key '%s' in counts", names[which]);
                if (!read_u32(p, &d->counts[which]))
                    return where(p, "counts.%s", names[which]);
                d->counts_seen[which] = true;
            }
            int r = next_item(p, '}');
            if (r < 0)
                return false;
            if (r == 0)
                break;
        }
    for (int i = 0; i < 5; i++)
        if (!d->counts_seen[i])
            return perr(p, "counts needs \"%s\"", names[i]);
    return true;
}

static bool read_strings(P *p, gs_Trace *t)
{
    if (!expect(p, '['))
        return false;
    if (empty(p, ']'))
        return perr(p, "strings must start with the empty string (id 0)");
    for (size_t i = 0;; i++) {
        const char *s;
        size_t n;
        if (!read_string(p, &s, &n))
            return where(p, "strings[%zu]", i);
        if (i == 0) {
            if (n != 0)
                return perr(p, "strings[0] must be the empty string");
        } else if (gs_trace_string_append(t, s, n) < 0)
            return perr(p, "strings[%zu]: out of memory or more than 4 GB of strings", i);
        int r = next_item(p, ']');
        if (r < 0)
            return false;
        if (r == 0)
            return true;
    }
}

static bool read_output(P *p, gs_Trace *t)
{
    const char *s;
    size_t n;
    if (!read_string(p, &s, &n))
        return where(p, "output");
    uint32_t off;
    if (n && gs_trace_output(t, s, n, &off) < 0)
        return perr(p, "output: out of memory or larger than 4 GB");
    return true;
}

static bool read_objects(P *p, gs_Trace *t)
{
    /* "size" (version 2) is optional: without it the size is derived */
    enum { K_ID, K_KIND, K_TYPE, K_STATIC, K_TRACKED, K_GEN, K_REFCOUNT, K_B, K_C, K_SIZE, K_N, K_REQUIRED = K_SIZE };
    static const char *keys[K_N] = { "id", "kind", "type", "static", "tracked", "gen", "refcount", "b", "c", "size" };
    if (!expect(p, '['))
        return false;
    if (empty(p, ']'))
        return true;
    for (size_t i = 0;; i++) {
        gs_ObjDesc d;
        memset(&d, 0, sizeof d);
        bool seen[K_N] = { false };
        if (!expect(p, '{'))
            return where(p, "objects[%zu]", i);
        if (!empty(p, '}'))
            for (;;) {
                const char *k;
                size_t kn;
                if (!read_string(p, &k, &kn) || !expect(p, ':'))
                    return where(p, "objects[%zu]", i);
                int which = -1;
                for (int j = 0; j < K_N; j++)
                    if (key_is(k, kn, keys[j]))
                        which = j;
                if (which < 0) {
                    if (!skip_value(p, 3))
                        return where(p, "objects[%zu]", i);
                } else {
                    if (seen[which])
                        return perr(p, "objects[%zu]: duplicate key '%s'", i, keys[which]);
                    seen[which] = true;
                    uint32_t v = 0;
                    bool b = false, ok;
                    if (which == K_KIND) {
                        const char *s;
                        size_t n;
                        ok = read_string(p, &s, &n);
                        if (ok) {
                            int kind = gs_kind_from_name(s, n);
                            if (kind < 0)
                                return perr(p, "objects[%zu].kind: unknown kind \"%.*s\"", i, (int)(n > 32 ? 32 : n),
                                            s);
                            d.kind = (uint8_t)kind;
                        }
                    } else if (which == K_STATIC || which == K_TRACKED)
                        ok = read_bool(p, &b);
                    else
                        ok = read_u32(p, &v);
                    if (!ok)
                        return where(p, "objects[%zu].%s", i, keys[which]);
                    switch (which) {
                    case K_ID: d.id = v; break;
                    case K_TYPE: d.type = v; break;
                    case K_STATIC: d.flags |= b ? GS_DESC_STATIC : GS_DESC_RUNTIME; break;
                    case K_TRACKED: d.flags |= b ? GS_DESC_TRACKED : 0; break;
                    case K_GEN:
                        if (v > 3)
                            return perr(p, "objects[%zu].gen: %u is not a generation (0-3)", i, v);
                        d.gen = (uint8_t)v;
                        break;
                    case K_REFCOUNT: d.refcnt = v; break;
                    case K_B: d.b = v; break;
                    case K_C: d.c = v; break;
                    case K_SIZE: d.size = v; break;
                    default: break;
                    }
                }
                int r = next_item(p, '}');
                if (r < 0)
                    return where(p, "objects[%zu]", i);
                if (r == 0)
                    break;
            }
        for (int j = 0; j < K_REQUIRED; j++)
            if (!seen[j])
                return perr(p, "objects[%zu] needs \"%s\"", i, keys[j]);
        if (gs_trace_describe(t, d) < 0)
            return perr(p, "out of memory");
        int r = next_item(p, ']');
        if (r < 0)
            return false;
        if (r == 0)
            return true;
    }
}

static bool read_refs(P *p, gs_Trace *t)
{
    if (!expect(p, '['))
        return false;
    if (empty(p, ']'))
        return true;
    for (size_t i = 0;; i++) {
        gs_TraceRef r;
        memset(&r, 0, sizeof r);
        const char *s;
        size_t n;
        if (!expect(p, '[') || !read_u32(p, &r.holder))
            return where(p, "refs[%zu][0] (holder)", i);
        if (!expect(p, ',') || !read_string(p, &s, &n))
            return where(p, "refs[%zu][1] (sub)", i);
        int sub = cause_from_name(s, n);
        if (sub < 0)
            return perr(p, "refs[%zu][1] (sub): unknown slot kind \"%.*s\"", i, (int)(n > 32 ? 32 : n), s);
        r.sub = (uint8_t)sub;
        if (!expect(p, ',') || !read_u32(p, &r.slot))
            return where(p, "refs[%zu][2] (slot)", i);
        if (!expect(p, ',') || !read_u32(p, &r.target))
            return where(p, "refs[%zu][3] (target)", i);
        if (!expect(p, ']'))
            return where(p, "refs[%zu]", i);
        if (gs_trace_initial_ref(t, r) < 0)
            return perr(p, "out of memory");
        int k = next_item(p, ']');
        if (k < 0)
            return false;
        if (k == 0)
            return true;
    }
}

static bool read_events(P *p, gs_Trace *t)
{
    static const char *fields[8] = { "kind", "sub", "flags", "line", "obj", "a", "b", "c" };
    if (!expect(p, '['))
        return false;
    if (empty(p, ']'))
        return true;
    for (size_t i = 0;; i++) {
        gs_Event e;
        memset(&e, 0, sizeof e);
        const char *s;
        size_t n;
        int f = 0;
        uint32_t v[7];
        if (!expect(p, '['))
            return where(p, "events[%zu]", i);
        if (!read_string(p, &s, &n))
            return where(p, "events[%zu][0] (kind)", i);
        int kind = n ? event_from_name(s, n) : -1;
        if (kind < 0)
            return perr(p, "events[%zu][0] (kind): unknown event kind \"%.*s\"", i, (int)(n > 32 ? 32 : n), s);
        if (kind == GS_EV_RESIZE && p->version < 2)
            return perr(p, "events[%zu][0] (kind): \"resize\" events are version 2; this trace says version %u", i,
                        p->version);
        for (f = 0; f < 7; f++) {
            ws(p);
            if (p->p < p->end && *p->p == ',')
                p->p++;
            else {
                perr(p, "expected 8 fields, found %d", f + 1);
                return where(p, "events[%zu]", i);
            }
            if (!read_u32(p, &v[f]))
                return where(p, "events[%zu][%d] (%s)", i, f + 1, fields[f + 1]);
        }
        ws(p);
        if (p->p >= p->end || *p->p != ']') {
            perr(p, "expected ']' after 8 fields but found %s", describe(p));
            return where(p, "events[%zu]", i);
        }
        p->p++;
        if (v[0] > 255)
            return perr(p, "events[%zu][1] (sub): %u is larger than 255", i, v[0]);
        if (v[1] > 65535)
            return perr(p, "events[%zu][2] (flags): %u is larger than 65535", i, v[1]);
        if (v[2] > GS_TRACE_MAX_LINE)
            return perr(p, "events[%zu][3] (line): %u is past the last line a source can have (%u)", i, v[2],
                        GS_TRACE_MAX_LINE);
        e.kind = (uint8_t)kind;
        e.sub = (uint8_t)v[0];
        e.flags = (uint16_t)v[1];
        e.line = v[2];
        e.obj = v[3];
        e.a = v[4];
        e.b = v[5];
        e.c = v[6];
        if (t->n < t->cap)
            t->tail[t->n++ - t->base] = e;
        else if (gs_trace_push(t, e) < 0)
            return perr(p, "out of memory at event %zu", i);
        int r = next_item(p, ']');
        if (r < 0)
            return where(p, "events[%zu]", i);
        if (r == 0)
            return true;
    }
}

int gs_trace_json_read(const char *buf, size_t len, gs_Trace *t, gs_TraceSource *src, gs_JsonError *err)
{
    memset(err, 0, sizeof *err);
    memset(src, 0, sizeof *src);
    gs_trace_init(t);
    P p = { buf, buf, buf + len, err, false, NULL, 0, 0 };
    Doc d;
    memset(&d, 0, sizeof d);
    static const char *const sections[] = { "format", "version", "model", "source", "counts", "strings",
                                            "output", "objects", "refs", "events" };
    enum { S_FORMAT, S_VERSION, S_MODEL, S_SOURCE, S_COUNTS, S_STRINGS, S_OUTPUT, S_OBJECTS, S_REFS, S_EVENTS,
           S_N };
    size_t bad = utf8_check(buf, len);
    ws(&p);
    if (p.p == p.end) {
        perr(&p, "the file is empty");
        goto fail;
    }
    if (bad < len) {
        p.p = buf + bad;
        perr(&p, "the file is not valid UTF-8");
        goto fail;
    }
    if (*p.p != '{') {
        perr(&p, "a trace is a JSON object, but the file starts with %s", describe(&p));
        goto fail;
    }
    p.p++;
    if (empty(&p, '}')) {
        perr(&p, "the trace is an empty object: \"format\" is missing");
        goto fail;
    }
    for (;;) {
        const char *k;
        size_t kn;
        if (!read_string(&p, &k, &kn) || !expect(&p, ':'))
            goto fail;
        int which = -1;
        for (int i = 0; i < S_N; i++)
            if (key_is(k, kn, sections[i]))
                which = i;
        if (which >= 0 && d.seen[which]) {
            perr(&p, "duplicate key \"%s\"", sections[which]);
            goto fail;
        }
        if (which >= 0)
            d.seen[which] = true;
        if (which > S_FORMAT && !d.seen[S_FORMAT]) {
            perr(&p, "\"format\" must come first (is this a gcscope trace?)");
            goto fail;
        }
        if (which > S_VERSION && !d.seen[S_VERSION]) {
            perr(&p, "\"version\" must come before \"%s\"", sections[which]);
            goto fail;
        }
        bool ok = true;
        switch (which) {
        case S_FORMAT: {
            const char *s;
            size_t n;
            ok = read_string(&p, &s, &n);
            if (ok && !key_is(s, n, GS_TRACE_FORMAT)) {
                perr(&p, "format is \"%.*s\", not \"" GS_TRACE_FORMAT "\"", (int)(n > 40 ? 40 : n), s);
                goto fail;
            }
            if (!ok)
                where(&p, "format");
            break;
        }
        case S_VERSION: {
            uint32_t v = 0;
            ok = read_u32(&p, &v);
            if (!ok)
                where(&p, "version");
            else if (v < 1 || v > GS_TRACE_VERSION) {
                perr(&p, "unknown version %u (this gcscope reads versions 1 to %d)", v, GS_TRACE_VERSION);
                goto fail;
            }
            p.version = v;
            break;
        }
        case S_MODEL: {
            const char *s;
            size_t n;
            ok = read_string(&p, &s, &n);
            if (ok && !key_is(s, n, GS_TRACE_MODEL)) {
                perr(&p, "model is \"%.*s\", but this gcscope models \"" GS_TRACE_MODEL "\"",
                     (int)(n > 40 ? 40 : n), s);
                goto fail;
            }
            if (!ok)
                where(&p, "model");
            break;
        }
        case S_SOURCE: ok = read_source(&p, src); break;
        case S_COUNTS: ok = read_counts(&p, &d); break;
        case S_STRINGS: ok = read_strings(&p, t); break;
        case S_OUTPUT: ok = read_output(&p, t); break;
        case S_OBJECTS: ok = read_objects(&p, t); break;
        case S_REFS: ok = read_refs(&p, t); break;
        case S_EVENTS: ok = read_events(&p, t); break;
        default: ok = skip_value(&p, 1); break;
        }
        if (!ok)
            goto fail;
        int r = next_item(&p, '}');
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
    }
    ws(&p);
    if (p.p != p.end) {
        perr(&p, "unexpected %s after the trace", describe(&p));
        goto fail;
    }
    for (int i = 0; i < S_N; i++)
        if (!d.seen[i]) {
            perr(&p, "the trace has no \"%s\"", sections[i]);
            goto fail;
        }
    {
        size_t have[5] = { t->strings.count, t->ndesc, t->nrefs, t->n, t->nout };
        static const char *names[5] = { "strings", "objects", "refs", "events", "output" };
        for (int i = 0; i < 5; i++)
            if (have[i] != d.counts[i]) {
                perr(&p, "counts.%s says %u but the trace has %zu", names[i], d.counts[i], have[i]);
                goto fail;
            }
    }
    free(p.tmp);
    return 0;
fail:
    free(p.tmp);
    gs_trace_free(t);
    gs_trace_source_free(src);
    return -1;
}
