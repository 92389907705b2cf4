/*
 * buf.c — growable byte buffers, for reprs, formatting and reports.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== buffers */

void gs_buf_init(gs_Buf *b) { b->data = NULL; b->len = b->cap = 0; b->oom = false; }
void gs_buf_free(gs_Buf *b) { free(b->data); gs_buf_init(b); }

static bool buf_reserve(gs_Buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    if (extra >= INT32_MAX || b->len + extra >= INT32_MAX) {
        b->oom = true; /* no str is that long: "".join() of a terabyte stops here, not in swap */
        return false;
    }
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->oom = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void gs_buf_add(gs_Buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void gs_buf_adds(gs_Buf *b, const char *s) { gs_buf_add(b, s, strlen(s)); }
void gs_buf_addc(gs_Buf *b, char c) { gs_buf_add(b, &c, 1); }

void gs_buf_printf(gs_Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0 && buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

char *gs_buf_steal(gs_Buf *b)
{
    if (!b->data)
        buf_reserve(b, 0);
    char *d = b->data;
    if (d)
        d[b->len] = 0;
    gs_buf_init(b);
    return d;
}

gs_Object *gs_buf_to_str(gs_VM *vm, gs_Buf *b)
{
    if (b->oom) {
        gs_buf_free(b);
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *s = gs_str_new(vm, b->data ? b->data : "", b->len);
    gs_buf_free(b);
    return s;
}
