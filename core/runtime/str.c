/*
 * str.c — str objects: UTF-8, creation, interning, the repr of a str, case
 * mapping and the methods of str.
 *
 * Strings are UTF-8 with a cached code-point count, so len() and indexing
 * of ASCII strings are O(1).  A str's repr follows CPython's rules exactly
 * (quote choice, escapes), because lessons print reprs and the
 * differential tests compare them byte by byte.  repr() of other objects
 * is repr.c; format specs and str.format are format.c.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== UTF-8 */

int32_t gs_utf8_len(const char *s, size_t n)
{
    int32_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

/* Byte position of code point `index` (0 <= index <= nchars). */
const char *gs_utf8_offset(const char *s, size_t n, int64_t index)
{
    size_t i = 0;
    while (index > 0 && i < n) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        index--;
    }
    return s + i;
}

uint32_t gs_utf8_decode(const unsigned char *s, size_t n, size_t *adv)
{
    uint32_t c = s[0];
    if (c < 0x80 || n < 2) {
        *adv = 1;
        return c;
    }
    if ((c & 0xE0) == 0xC0) {
        *adv = 2;
        return ((c & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *adv = 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    if (n >= 4) {
        *adv = 4;
        return ((c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *adv = 1;
    return c;
}

/* ================================================================== creation */

/* FNV-1a, not CPython's hash.  CPython 3.11 randomizes str hashes; the
 * reference runs of tests/run_programs.py use PYTHONHASHSEED=0, which makes
 * them SipHash-1-3 with an all-zero key over the PEP 393 buffer (1, 2 or 4
 * bytes a code point; "" hashes to 0).  So sets of strings (and hash(str))
 * print differently here; test programs keep them out of printed order. */
int64_t gs_str_hash(gs_Str *s)
{
    if (s->hash != -1)
        return s->hash;
    uint64_t h = 14695981039346656037ULL;
    for (int32_t i = 0; i < s->len; i++) {
        h ^= (unsigned char)s->data[i];
        h *= 1099511628211ULL;
    }
    int64_t r = (int64_t)(h >> 1);
    if (r == -1)
        r = -2;
    s->hash = r;
    return r;
}

bool gs_str_eq(gs_Str *a, gs_Str *b)
{
    return a == b || (a->len == b->len && memcmp(a->data, b->data, (size_t)a->len) == 0);
}

static gs_Str *str_alloc(gs_VM *vm, size_t len)
{
    if (len > INT32_MAX - 64) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Str *s = (gs_Str *)gs_alloc(vm, vm->t_str, sizeof(gs_Str) + len + 1);
    if (!s)
        return NULL;
    s->hash = -1;
    s->len = (int32_t)len;
    s->interned = 0;
    s->data[len] = 0;
    return s;
}

gs_Object *gs_str_new(gs_VM *vm, const char *str, size_t len)
{
    if (len == 0 && vm->empty_str)
        return gs_newref(vm, vm->empty_str);
    if (len == 1 && (unsigned char)str[0] < 128 && vm->char_strs[(unsigned char)str[0]])
        return gs_newref(vm, vm->char_strs[(unsigned char)str[0]]);
    gs_Str *s = str_alloc(vm, len);
    if (!s)
        return NULL;
    memcpy(s->data, str, len);
    s->nchars = gs_utf8_len(str, len);
    gs_record_alloc(vm, &s->ob);
    return &s->ob;
}

/* An int's decimal string: CPython's long_to_decimal_string writes a new
 * string and never hands out the one-character singletons, so str(5) is a
 * new 50-byte object each time. */
uintptr_t gs_decimal_scratch(gs_VM *vm, int64_t v)
{
    if (!vm->tm)
        return 0;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    size_t digits = m == 0 ? 0 : m < (1u << 30) ? 1 : m < ((uint64_t)1 << 60) ? 2 : 3;
    return gs_tm_new_block(vm, 24 + 4 * (1 + digits));
}

gs_Object *gs_str_of_int(gs_VM *vm, int64_t v)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%" PRId64, v);
    /* long_to_decimal_string works in a scratch int, freed once the string
     * is made: tracemalloc's peak sees it */
    uintptr_t scratch = gs_decimal_scratch(vm, v);
    gs_Str *s = str_alloc(vm, (size_t)n);
    if (s) {
        memcpy(s->data, buf, (size_t)n);
        s->nchars = n;
        gs_record_alloc(vm, &s->ob);
    }
    if (vm->tm)
        gs_tm_drop_block(vm, scratch);
    return s ? &s->ob : NULL;
}

gs_Object *gs_str_from_cstr(gs_VM *vm, const char *s) { return gs_str_new(vm, s, strlen(s)); }

gs_Object *gs_str_printf(gs_VM *vm, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof small)
        return gs_str_new(vm, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big) {
        gs_raise_memory(vm);
        return NULL;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    gs_Object *r = gs_str_new(vm, big, (size_t)n);
    free(big);
    return r;
}

/* ------------------------------------------------------------------ the program's interned strings
 * CPython interns an identifier-like literal and what sys.intern is given;
 * unless the runtime holds the same name (then that one is the interned
 * str), such a str is mortal: it dies with its last reference and leaves
 * the interned table then.  vm->lits finds them by text: open addressing,
 * no references, TOMB marks a removed one. */
#define TOMB ((gs_Str *)1)

static size_t lits_slot(gs_VM *vm, const char *data, size_t len, int64_t h, bool *found)
{
    size_t mask = vm->lits.cap - 1, i = (size_t)h & mask, tomb = SIZE_MAX;
    *found = false;
    for (;; i = (i + 1) & mask) {
        gs_Str *s = vm->lits.slots[i];
        if (!s)
            return tomb != SIZE_MAX ? tomb : i;
        if (s == TOMB) {
            if (tomb == SIZE_MAX)
                tomb = i;
            continue;
        }
        if (s->hash == h && (size_t)s->len == len && memcmp(s->data, data, len) == 0) {
            *found = true;
            return i;
        }
    }
}

static gs_Str *lits_find(gs_VM *vm, const char *data, size_t len, int64_t h)
{
    if (!vm->lits.cap)
        return NULL;
    bool found;
    size_t i = lits_slot(vm, data, len, h, &found);
    return found ? vm->lits.slots[i] : NULL;
}

/* s (hashed) joins the set: 0, or -1 when out of memory (s stays a plain str) */
static int lits_add(gs_VM *vm, gs_Str *s)
{
    if ((vm->lits.used + 1) * 2 > vm->lits.cap) {
        size_t cap = vm->lits.cap ? vm->lits.cap * 2 : 64;
        gs_Str **old = vm->lits.slots;
        size_t oldcap = vm->lits.cap;
        gs_Str **slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        vm->lits.slots = slots;
        vm->lits.cap = cap;
        vm->lits.used = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i] && old[i] != TOMB) {
                bool found;
                vm->lits.slots[lits_slot(vm, old[i]->data, (size_t)old[i]->len, old[i]->hash, &found)] = old[i];
                vm->lits.used++;
            }
        free(old);
    }
    bool found;
    size_t i = lits_slot(vm, s->data, (size_t)s->len, s->hash, &found);
    if (!vm->lits.slots[i])
        vm->lits.used++; /* a tombstone reused was counted already */
    vm->lits.slots[i] = s;
    s->interned = 2;
    return 0;
}

void gs_str_forget_interned(gs_VM *vm, gs_Str *s)
{
    bool found;
    if (!vm->lits.cap)
        return;
    size_t i = lits_slot(vm, s->data, (size_t)s->len, s->hash, &found);
    if (found && vm->lits.slots[i] == s)
        vm->lits.slots[i] = TOMB;
    s->interned = 0;
}

void gs_str_interned_free(gs_VM *vm)
{
    free(vm->lits.slots);
    vm->lits.slots = NULL;
    vm->lits.cap = vm->lits.used = 0;
}

/* the runtime's interned str of that text, or NULL */
static gs_Object *static_interned(gs_VM *vm, const char *str, size_t len, int64_t *hash)
{
    gs_Str *p = malloc(sizeof(gs_Str) + len + 1);
    if (!p)
        return NULL;
    p->hash = -1;
    p->len = (int32_t)len;
    memcpy(p->data, str, len);
    p->data[len] = 0;
    p->ob.kind = GS_K_STR;
    p->ob.type = vm->t_str;
    *hash = gs_str_hash(p);
    int32_t ix = gs_table_lookup(vm, &vm->interned, &p->ob, *hash);
    free(p);
    return ix >= 0 ? vm->interned.entries[ix].key : NULL;
}

gs_Object *gs_str_intern_obj(gs_VM *vm, gs_Str *s)
{
    if (s->interned)
        return gs_newref(vm, &s->ob);
    int64_t h;
    gs_Object *st = static_interned(vm, s->data, (size_t)s->len, &h);
    if (st)
        return gs_newref(vm, st);
    gs_Str *lit = lits_find(vm, s->data, (size_t)s->len, h);
    if (lit)
        return gs_newref(vm, &lit->ob);
    if (s->ob.type != vm->t_str) /* a subclass's str is not interned: an exact copy is */
        return gs_str_intern_literal(vm, s->data, (size_t)s->len);
    s->hash = h;
    lits_add(vm, s);
    return gs_newref(vm, &s->ob);
}

/* A literal that looks like an identifier: CPython interns it, and it is
 * the runtime's interned string when the runtime has one by that name (a
 * builtin's, a method's, an attribute's...: held all over, so "immortal"
 * here); otherwise a string of the program's own (s = 'hello' prints 4 for
 * sys.getrefcount(s) in a script, as CPython 3.11 does), shared by the
 * equal literals of one compilation through the compiler's constants. */
gs_Object *gs_str_intern_literal(gs_VM *vm, const char *str, size_t len)
{
    int64_t h;
    gs_Object *st = static_interned(vm, str, len, &h);
    if (st)
        return gs_newref(vm, st);
    if (vm->lits_private) /* exec/eval's code: its own strs, not interned */
        return gs_str_new(vm, str, len);
    gs_Str *lit = lits_find(vm, str, len, h);
    if (lit)
        return gs_newref(vm, &lit->ob);
    gs_Object *s = gs_str_new(vm, str, len);
    if (s) {
        ((gs_Str *)s)->hash = h;
        lits_add(vm, (gs_Str *)s);
    }
    return s;
}

/* Interned strings are shared and live as long as the VM (CPython's
 * interned identifiers are effectively immortal too). */
gs_Object *gs_str_intern(gs_VM *vm, const char *str, size_t len)
{
    gs_Str probe;
    gs_Str *p = malloc(sizeof probe + len + 1);
    if (!p) {
        gs_raise_memory(vm);
        return NULL;
    }
    p->hash = -1;
    p->len = (int32_t)len;
    memcpy(p->data, str, len);
    p->data[len] = 0;
    p->ob.kind = GS_K_STR;
    p->ob.type = vm->t_str; /* a probe of an exact str (the table compares by text) */
    int64_t h = gs_str_hash(p);
    int32_t ix = gs_table_lookup(vm, &vm->interned, &p->ob, h);
    if (ix >= 0) {
        free(p);
        return gs_newref(vm, vm->interned.entries[ix].key);
    }
    free(p);
    gs_Str *s = str_alloc(vm, len);
    if (!s)
        return NULL;
    memcpy(s->data, str, len);
    s->nchars = gs_utf8_len(str, len);
    s->hash = h;
    s->interned = 1;
    s->ob.gcflags |= GS_GC_STATIC;
    s->ob.refcnt = 1 << 30;
    if (vm->trace.ndesc) /* after start-up, which describes all at once */
        gs_record_describe(vm, &s->ob);
    gs_table_insert(vm, NULL, &vm->interned, &s->ob, h, NULL);
    return gs_newref(vm, &s->ob);
}

gs_Str *gs_name(gs_VM *vm, const char *s)
{
    gs_Object *o = gs_str_intern(vm, s, strlen(s));
    if (o)
        o->refcnt--; /* static: the table keeps it */
    return (gs_Str *)o;
}

gs_Object *gs_str_concat(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Str *x = (gs_Str *)a, *y = (gs_Str *)b;
    if (y->len == 0)
        return gs_newref(vm, a);
    if (x->len == 0)
        return gs_newref(vm, b);
    gs_Str *s = str_alloc(vm, (size_t)x->len + (size_t)y->len);
    if (!s)
        return NULL;
    memcpy(s->data, x->data, (size_t)x->len);
    memcpy(s->data + x->len, y->data, (size_t)y->len);
    s->nchars = x->nchars + y->nchars;
    gs_record_alloc(vm, &s->ob);
    return &s->ob;
}

int gs_str_kind(gs_Str *s)
{
    if (!s->pep393) {
        /* the largest code point from the UTF-8 lead bytes: below U+0080,
         * U+0100 (leads up to 0xC3), U+10000 (no four-byte sequence) */
        unsigned top = 0;
        for (int32_t i = 0; i < s->len; i++)
            if ((unsigned char)s->data[i] > top)
                top = (unsigned char)s->data[i];
        s->pep393 = (uint8_t)(1 + (top < 0x80 ? 0 : top < 0xC4 ? 1 : top < 0xF0 ? 2 : 4));
    }
    return s->pep393 - 1;
}

int gs_str_grow_in_place(gs_VM *vm, gs_Object **slot, gs_Object *right)
{
    gs_Str *x = (gs_Str *)*slot, *y = (gs_Str *)right;
    /* unicode_modifiable: one reference (none from sys.stdout's pending
     * text either), never hashed, not interned, not a subclass, not one of CPython's cached one-character strings
     * (every character below U+0100, whose count is never 1 there) */
    if (x->ob.refcnt != 1 || (x->ob.gcflags & GS_GC_PENDING_OUT) || x->hash != -1 || x->interned ||
        x->ob.type != vm->t_str ||
        (x->ob.gcflags & GS_GC_STATIC) || (x->nchars == 1 && (unsigned char)x->data[0] < 0xC4) ||
        y->ob.type != vm->t_str)
        return 0;
    /* the right side fits the left's kind, and ASCII stays ASCII (a
     * latin-1 character would change the header: CPython copies then) */
    if (gs_str_kind(y) > gs_str_kind(x))
        return 0;
    if ((size_t)y->len > (size_t)INT32_MAX - 64 - (size_t)x->len || vm->heap_bytes + (size_t)y->len > vm->heap_limit) {
        gs_raise_memory(vm);
        return -1;
    }
    uint32_t old = (uint32_t)gs_sizeof(vm, &x->ob);
    bool short_before = x->len <= 4096;
    /* tracemalloc sees a realloc: the old block's trace goes, the new
     * block is traced with its size and the line that grew it */
    if (vm->tm)
        gs_tm_free(vm, &x->ob, GS_TM_OBJECT);
    gs_Str *r = realloc(x, sizeof(gs_Str) + (size_t)x->len + (size_t)y->len + 1);
    if (!r) {
        gs_raise_memory(vm);
        return -1;
    }
    memcpy(r->data + r->len, y->data, (size_t)y->len);
    r->len += y->len;
    r->nchars += y->nchars;
    r->data[r->len] = 0;
    r->trace_id = 0; /* its contents changed: a new label */
    vm->heap_bytes += (size_t)y->len;
    *slot = &r->ob;
    if (vm->objtab)
        gs_objtab_set(vm, r->ob.id, &r->ob);
    if (vm->tm)
        gs_tm_block(vm, &r->ob, GS_TM_OBJECT, gs_sizeof(vm, &r->ob), true);
    /* past 4,096 bytes the label (its first 4,096) no longer changes */
    if (!vm->cfg.no_sizes) {
        uint32_t label = short_before || r->len <= 4096 ? gs_str_label(vm, r) : 0;
        gs_record(vm, GS_EV_RESIZE, 0, r->ob.id, old, (uint32_t)gs_sizeof(vm, &r->ob), label);
    }
    return 1;
}

gs_Object *gs_str_getitem(gs_VM *vm, gs_Str *s, int64_t i)
{
    if (i < 0)
        i += s->nchars;
    if (i < 0 || i >= s->nchars) {
        gs_raise(vm, vm->e_IndexError, "string index out of range");
        return NULL;
    }
    if (s->nchars == s->len)
        return gs_str_new(vm, s->data + i, 1);
    const char *p = gs_utf8_offset(s->data, (size_t)s->len, i);
    const char *q = gs_utf8_offset(p, (size_t)(s->data + s->len - p), 1);
    return gs_str_new(vm, p, (size_t)(q - p));
}

/* ================================================================== repr of str */

static bool printable_cp(uint32_t c)
{
    if (c < 0x20 || c == 0x7f)
        return false;
    if (c < 0x7f)
        return true;
    if (c < 0xa0 || c == 0xa0 || c == 0xad)
        return false;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
        (c >= 0x205f && c <= 0x206f) || c == 0x3000 || c == 0xfeff || (c >= 0xd800 && c <= 0xf8ff) ||
        (c >= 0xfff9 && c <= 0xfffb) || c == 0xe0001 || (c >= 0xf0000))
        return false;
    return true;
}

void gs_repr_str_into(gs_Buf *b, const char *s, size_t len)
{
    bool has_sq = memchr(s, '\'', len) != NULL;
    bool has_dq = memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    gs_buf_addc(b, q);
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            gs_buf_addc(b, '\\');
            gs_buf_addc(b, (char)c);
            i++;
        } else if (c == '\n') {
            gs_buf_adds(b, "\\n");
            i++;
        } else if (c == '\t') {
            gs_buf_adds(b, "\\t");
            i++;
        } else if (c == '\r') {
            gs_buf_adds(b, "\\r");
            i++;
        } else if (c < 0x80) {
            if (c < 0x20 || c == 0x7f)
                gs_buf_printf(b, "\\x%02x", c);
            else
                gs_buf_addc(b, (char)c);
            i++;
        } else {
            size_t adv;
            uint32_t cp = gs_utf8_decode((const unsigned char *)s + i, len - i, &adv);
            if (printable_cp(cp))
                gs_buf_add(b, s + i, adv);
            else if (cp < 0x100)
                gs_buf_printf(b, "\\x%02x", cp);
            else if (cp < 0x10000)
                gs_buf_printf(b, "\\u%04x", cp);
            else
                gs_buf_printf(b, "\\U%08x", cp);
            i += adv;
        }
    }
    gs_buf_addc(b, q);
}

gs_Object *gs_str_repr(gs_VM *vm, gs_Str *s)
{
    gs_Buf b;
    gs_buf_init(&b);
    gs_repr_str_into(&b, s->data, (size_t)s->len);
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== case mapping */

/* Simple case mapping for the scripts lessons use: ASCII, Latin-1,
 * Latin Extended-A, Greek and Cyrillic; ß upper-cases to "SS" as in
 * CPython.  Returns the mapped code point (or 0 for the ß special case). */
static uint32_t map_case(uint32_t c, bool upper)
{
    if (upper) {
        if (c >= 'a' && c <= 'z') return c - 32;
        if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
        if (c == 0xFF) return 0x178;
        if (c == 0xB5) return 0x39C;
        if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
            bool odd_is_lower = !((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E));
            if (odd_is_lower ? (c & 1) : !(c & 1)) return c - 1;
            return c;
        }
        if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
        if (c == 0x3C2) return 0x3A3;
        if (c >= 0x430 && c <= 0x44F) return c - 32;
        if (c >= 0x450 && c <= 0x45F) return c - 80;
        return c;
    }
    if (c >= 'A' && c <= 'Z') return c + 32;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
    if (c == 0x178) return 0xFF;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
        bool odd_is_lower = !((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E));
        if (odd_is_lower ? !(c & 1) : (c & 1)) return c + 1;
        return c;
    }
    if (c == 0x130) return 'i';
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

static void put_utf8(gs_Buf *b, uint32_t c)
{
    char u[4];
    int n;
    if (c < 0x80) { u[0] = (char)c; n = 1; }
    else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) { u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); n = 3; }
    else { u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F)); u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); n = 4; }
    gs_buf_add(b, u, (size_t)n);
}

gs_Object *gs_str_case(gs_VM *vm, gs_Str *s, bool upper)
{
    gs_Buf b;
    gs_buf_init(&b);
    size_t i = 0, n = (size_t)s->len;
    while (i < n) {
        size_t adv;
        uint32_t c = gs_utf8_decode((const unsigned char *)s->data + i, n - i, &adv);
        if (upper && c == 0xDF)
            gs_buf_adds(&b, "SS");
        else
            put_utf8(&b, map_case(c, upper));
        i += adv;
    }
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== the methods of str */

#define S ((gs_Str *)self)

static gs_Object *m_str_upper_lower(gs_VM *vm, gs_Object *self, bool upper)
{
    gs_Str *s = S;
    if (s->nchars != s->len)
        return gs_str_case(vm, s, upper);
    char *buf = malloc((size_t)s->len + 1);
    if (!buf) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        buf[i] = (char)(c < 128 ? (upper ? toupper(c) : tolower(c)) : c);
    }
    gs_Object *r = gs_str_new(vm, buf, (size_t)s->len);
    free(buf);
    return r;
}

static gs_Object *m_str_upper(GS_ARGS) { GS_UNUSED_ARGS; return m_str_upper_lower(vm, self, true); }
static gs_Object *m_str_lower(GS_ARGS) { GS_UNUSED_ARGS; return m_str_upper_lower(vm, self, false); }

/* A cased letter (Unicode's Cased, for the scripts map_case knows), and
 * whether it is upper or lower case. */
static bool cp_upper(uint32_t c) { return map_case(c, false) != c; }
static bool cp_lower(uint32_t c) { return map_case(c, true) != c || c == 0xDF || c == 0x138 || c == 0x149; }
static bool cp_cased(uint32_t c) { return cp_upper(c) || cp_lower(c) || c == 0xAA || c == 0xBA; }

/* title() and capitalize(): a letter after a cased one goes to lower case,
 * the others (capitalize: the first only) to upper (CPython's title case
 * is upper case for these scripts; ß titles as "Ss"). */
static gs_Object *title_impl(gs_VM *vm, gs_Object *self, bool only_first)
{
    gs_Str *s = S;
    gs_Buf b;
    gs_buf_init(&b);
    bool prev_cased = false, first = true;
    for (size_t i = 0, adv = 0, n = (size_t)s->len; i < n; i += adv) {
        uint32_t c = gs_utf8_decode((const unsigned char *)s->data + i, n - i, &adv);
        bool up = only_first ? first : !prev_cased;
        if (up && c == 0xDF)
            gs_buf_adds(&b, "Ss");
        else
            put_utf8(&b, map_case(c, up));
        if (!only_first)
            prev_cased = cp_cased(c);
        first = false;
    }
    return gs_buf_to_str(vm, &b);
}

static gs_Object *m_str_capitalize(GS_ARGS) { GS_UNUSED_ARGS; return title_impl(vm, self, true); }
static gs_Object *m_str_title(GS_ARGS) { GS_UNUSED_ARGS; return title_impl(vm, self, false); }

static gs_Object *m_str_join(GS_ARGS)
{
    GS_UNUSED_ARGS;
    /* a list or tuple is used as it is (CPython's PySequence_Fast) */
    bool seqarg = GS_KIND(args[0]) == GS_K_LIST || GS_KIND(args[0]) == GS_K_TUPLE;
    gs_Object *seq;
    if (seqarg)
        seq = gs_newref(vm, args[0]);
    else {
        /* PySequence_Fast(seq, "can only join an iterable"): iter()'s TypeError says that */
        gs_Object *it = gs_iter(vm, args[0]);
        if (!it) {
            if (gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        seq = gs_list_from_iterable(vm, it);
        gs_decref(vm, it);
    }
    if (!seq)
        return NULL;
    bool tup = GS_KIND(seq) == GS_K_TUPLE;
    gs_Object **items = tup ? ((gs_Tuple *)seq)->items : ((gs_List *)seq)->items;
    int32_t n = tup ? ((gs_Tuple *)seq)->len : ((gs_List *)seq)->len;
    /* the result's size first, as CPython does: past the heap it is a MemoryError at once */
    size_t total = n > 1 ? (size_t)(n - 1) * (size_t)S->len : 0;
    for (int32_t i = 0; i < n; i++)
        if (GS_KIND(items[i]) == GS_K_STR)
            total += (size_t)((gs_Str *)items[i])->len;
    if (total > vm->heap_limit || total >= INT32_MAX) {
        gs_decref(vm, seq);
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    for (int32_t i = 0; i < n; i++) {
        if (GS_KIND(items[i]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "sequence item %d: expected str instance, %s found", i,
                     gs_type_name(items[i]));
            gs_buf_free(&b);
            gs_decref(vm, seq);
            return NULL;
        }
        if (i)
            gs_buf_add(&b, S->data, (size_t)S->len);
        gs_buf_add(&b, ((gs_Str *)items[i])->data, (size_t)((gs_Str *)items[i])->len);
    }
    if (n == 1 && items[0]->type == vm->t_str) {
        gs_Object *r = gs_newref(vm, items[0]);
        gs_buf_free(&b);
        gs_decref(vm, seq);
        return r;
    }
    gs_decref(vm, seq);
    return gs_buf_to_str(vm, &b);
}

static bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f; }

/* Unicode's White_Space, as str.isspace(), split() and strip() take it
 * (CPython's _PyUnicode_IsWhitespace, Unicode 14) */
static bool is_ws_cp(uint32_t c)
{
    if (c < 0x80)
        return is_ws((unsigned char)c);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

bool gs_unicode_isspace(uint32_t c) { return is_ws_cp(c); }

/* The bytes of the whitespace character that starts at d[i] (d is n
 * bytes of UTF-8), or 0 if it is not whitespace. */
static int32_t ws_at(const char *d, int32_t i, int32_t n)
{
    unsigned char c = (unsigned char)d[i];
    if (c < 0x80)
        return is_ws(c) ? 1 : 0;
    size_t adv;
    uint32_t cp = gs_utf8_decode((const unsigned char *)d + i, (size_t)(n - i), &adv);
    return is_ws_cp(cp) ? (int32_t)adv : 0;
}

/* The same for the character that ends just before d[j]. */
static int32_t ws_before(const char *d, int32_t j)
{
    int32_t k = j - 1;
    while (k > 0 && ((unsigned char)d[k] & 0xC0) == 0x80)
        k--;
    return ws_at(d, k, j) == j - k ? j - k : 0;
}

/* A line boundary for splitlines(): \n, \r, \v, \f, \x1c-\x1e, \x85,
 * U+2028, U+2029 (\r\n is one, counted by the caller). Its bytes, or 0. */
static int32_t linebreak_at(const char *d, int32_t i, int32_t n)
{
    unsigned char c = (unsigned char)d[i];
    if (c < 0x80)
        return c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e);
    size_t adv;
    uint32_t cp = gs_utf8_decode((const unsigned char *)d + i, (size_t)(n - i), &adv);
    return cp == 0x85 || cp == 0x2028 || cp == 0x2029 ? (int32_t)adv : 0;
}

/* The bytes of the character at d[i] (of d[..n]) if it is one of the
 * characters of chars (nchars bytes of UTF-8), else 0. */
static int32_t in_chars(const char *chars, int32_t nchars, const char *d, int32_t i, int32_t n)
{
    size_t adv;
    gs_utf8_decode((const unsigned char *)d + i, (size_t)(n - i), &adv);
    for (int32_t k = 0; k + (int32_t)adv <= nchars; k++)
        if (memcmp(chars + k, d + i, adv) == 0 && (k == 0 || ((unsigned char)chars[k] & 0xC0) != 0x80))
            return (int32_t)adv;
    return 0;
}

/* The same for the character that ends just before d[j] (not before d[lo]). */
static int32_t in_chars_before(const char *chars, int32_t nchars, const char *d, int32_t lo, int32_t j)
{
    int32_t k = j - 1;
    while (k > lo && ((unsigned char)d[k] & 0xC0) == 0x80)
        k--;
    return in_chars(chars, nchars, d, k, j) == j - k ? j - k : 0;
}

static gs_Object *strip_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, int which)
{
    gs_Str *s = S;
    const char *chars = NULL;
    int32_t nchars = 0;
    if (nargs && args[0] != vm->none) {
        if (GS_KIND(args[0]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "strip arg must be None or str");
            return NULL;
        }
        chars = ((gs_Str *)args[0])->data;
        nchars = ((gs_Str *)args[0])->len;
    }
    int32_t i = 0, j = s->len;
    if (which & 1)
        for (int32_t w; i < j && (w = chars ? in_chars(chars, nchars, s->data, i, j) : ws_at(s->data, i, j)) > 0;)
            i += w;
    if (which & 2)
        for (int32_t w; j > i && (w = chars ? in_chars_before(chars, nchars, s->data, i, j) : ws_before(s->data, j)) > 0;)
            j -= w;
    if (i == 0 && j == s->len)
        return gs_newref(vm, self);
    return gs_str_new(vm, s->data + i, (size_t)(j - i));
}

static gs_Object *m_str_strip(GS_ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 3); }
static gs_Object *m_str_lstrip(GS_ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 1); }
static gs_Object *m_str_rstrip(GS_ARGS) { GS_UNUSED(kwnames); return strip_impl(vm, self, args, nargs, 2); }

static gs_Object *m_str_split(GS_ARGS)
{
    static const char *allowed[] = { "sep", "maxsplit", NULL };
    if (gs_check_kw_allowed(vm, "split", kwnames, allowed) < 0)
        return NULL;
    if (kwnames && kwnames->len)
        gs_clinic_parser_init(vm, GS_CLINIC_STR_SPLIT, 2); /* sep, maxsplit */
    int npos = gs_npos(nargs, kwnames);
    gs_Object *sep = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "sep");
    gs_Object *ms = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "maxsplit");
    int64_t maxsplit = -1;
    if (ms && gs_as_int(vm, ms, &maxsplit) < 0)
        return NULL;
    gs_Str *s = S;
    /* stringlib's PyList_New(PREALLOC_SIZE(maxsplit)): room for 12 (or
     * maxsplit + 1) items whatever it finds */
    gs_Object *l = gs_list_new_cap(vm, maxsplit < 0 || maxsplit >= 12 ? 12 : (int32_t)maxsplit + 1);
    if (!l)
        return NULL;
    if (!sep || sep == vm->none) {
        int32_t i = 0;
        while (i < s->len) {
            for (int32_t w; i < s->len && (w = ws_at(s->data, i, s->len)) > 0;)
                i += w;
            if (i >= s->len)
                break;
            int32_t j = i;
            if (maxsplit == 0)
                j = s->len; /* the rest, its trailing blanks kept (split_whitespace) */
            else
                while (j < s->len && !ws_at(s->data, j, s->len))
                    j++;
            gs_Object *p = gs_str_new(vm, s->data + i, (size_t)(j - i));
            if (!p || gs_list_append(vm, l, p) < 0) {
                gs_xdecref(vm, p);
                gs_decref(vm, l);
                return NULL;
            }
            gs_decref(vm, p);
            if (maxsplit > 0)
                maxsplit--;
            i = j;
        }
        return l;
    }
    if (GS_KIND(sep) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "must be str or None, not %s", gs_type_name(sep));
        gs_decref(vm, l);
        return NULL;
    }
    gs_Str *sp = (gs_Str *)sep;
    if (sp->len == 0) {
        gs_raise(vm, vm->e_ValueError, "empty separator");
        gs_decref(vm, l);
        return NULL;
    }
    int32_t i = 0;
    for (;;) {
        int32_t j = -1;
        if (maxsplit != 0)
            for (int32_t k = i; k + sp->len <= s->len; k++)
                if (memcmp(s->data + k, sp->data, (size_t)sp->len) == 0) {
                    j = k;
                    break;
                }
        int32_t end = j < 0 ? s->len : j;
        gs_Object *p = gs_str_new(vm, s->data + i, (size_t)(end - i));
        if (!p || gs_list_append(vm, l, p) < 0) {
            gs_xdecref(vm, p);
            gs_decref(vm, l);
            return NULL;
        }
        gs_decref(vm, p);
        if (j < 0)
            break;
        i = j + sp->len;
        if (maxsplit > 0)
            maxsplit--;
    }
    return l;
}

static gs_Object *m_str_splitlines(GS_ARGS)
{
    static const char *allowed[] = { "keepends", NULL };
    if (gs_check_kw_allowed(vm, "splitlines", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *ke = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "keepends");
    int64_t keep = 0;
    if (ke && gs_as_int(vm, ke, &keep) < 0)
        return NULL;
    gs_Str *s = S;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    int32_t i = 0;
    while (i < s->len) {
        int32_t j = i, w = 0;
        while (j < s->len && (w = linebreak_at(s->data, j, s->len)) == 0)
            j++;
        if (w == 1 && s->data[j] == '\r' && j + 1 < s->len && s->data[j + 1] == '\n')
            w = 2;
        gs_Object *p = i == 0 && j + w == s->len && (keep || w == 0) && s->ob.type == vm->t_str
                           ? gs_newref(vm, self) /* one line, all of it: the string itself */
                           : gs_str_new(vm, s->data + i, (size_t)(j - i + (keep ? w : 0)));
        if (!p || gs_list_append(vm, l, p) < 0) {
            gs_xdecref(vm, p);
            gs_decref(vm, l);
            return NULL;
        }
        gs_decref(vm, p);
        i = j + w;
    }
    return l;
}

static int64_t find_sub(gs_Str *s, gs_Str *sub, int64_t start, int64_t end, bool reverse)
{
    if (end > s->len)
        end = s->len;
    if (start < 0)
        start = 0;
    if (reverse) {
        for (int64_t k = end - sub->len; k >= start; k--)
            if (memcmp(s->data + k, sub->data, (size_t)sub->len) == 0)
                return k;
        return -1;
    }
    for (int64_t k = start; k + sub->len <= end; k++)
        if (memcmp(s->data + k, sub->data, (size_t)sub->len) == 0)
            return k;
    return -1;
}

static int str_arg(gs_VM *vm, gs_Object *o, const char *what)
{
    if (GS_KIND(o) == GS_K_STR)
        return 0;
    gs_raise(vm, vm->e_TypeError, "%s", what);
    return -1;
}

static int slice_bounds(gs_VM *vm, gs_Str *s, gs_Object **args, int nargs, int first, int64_t *start, int64_t *end)
{
    /* byte offsets from code-point indexes */
    int64_t a = 0, b = s->nchars;
    if (nargs > first && args[first] != vm->none && gs_slice_index(vm, args[first], &a) < 0)
        return -1;
    if (nargs > first + 1 && args[first + 1] != vm->none && gs_slice_index(vm, args[first + 1], &b) < 0)
        return -1;
    if (a < 0) { a += s->nchars; if (a < 0) a = 0; }
    if (b < 0) { b += s->nchars; if (b < 0) b = 0; }
    if (a > s->nchars) a = s->nchars + 1;
    if (b > s->nchars) b = s->nchars;
    *start = a > s->nchars ? s->len + 1 : (int64_t)(gs_utf8_offset(s->data, (size_t)s->len, a) - s->data);
    *end = (int64_t)(gs_utf8_offset(s->data, (size_t)s->len, b) - s->data);
    return 0;
}

static gs_Object *find_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, bool reverse, bool raise)
{
    if (str_arg(vm, args[0], "must be str") < 0)
        return NULL;
    int64_t st, en;
    if (slice_bounds(vm, S, args, nargs, 1, &st, &en) < 0)
        return NULL;
    int64_t k = st > S->len ? -1 : find_sub(S, (gs_Str *)args[0], st, en, reverse);
    if (k < 0 && raise) {
        gs_raise(vm, vm->e_ValueError, "substring not found");
        return NULL;
    }
    if (k >= 0)
        k = gs_utf8_len(S->data, (size_t)k);
    return gs_int_new(vm, k);
}

static gs_Object *m_str_find(GS_ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, false, false); }
static gs_Object *m_str_rfind(GS_ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, true, false); }
static gs_Object *m_str_index(GS_ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, false, true); }
static gs_Object *m_str_rindex(GS_ARGS) { GS_UNUSED(kwnames); return find_impl(vm, self, args, nargs, true, true); }

static gs_Object *m_str_count(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (str_arg(vm, args[0], "must be str") < 0)
        return NULL;
    gs_Str *sub = (gs_Str *)args[0];
    int64_t st, en;
    if (slice_bounds(vm, S, args, nargs, 1, &st, &en) < 0)
        return NULL;
    int64_t c = 0;
    if (st > S->len)
        return gs_int_new(vm, 0);
    if (sub->len == 0)
        return gs_int_new(vm, gs_utf8_len(S->data + st, (size_t)(en - st)) + 1);
    for (int64_t k = st; k + sub->len <= en;) {
        if (memcmp(S->data + k, sub->data, (size_t)sub->len) == 0) {
            c++;
            k += sub->len;
        } else
            k++;
    }
    return gs_int_new(vm, c);
}

static gs_Object *starts_ends(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, bool ends, const char *name)
{
    gs_Object *p = args[0];
    int64_t st, en;
    if (slice_bounds(vm, S, args, nargs, 1, &st, &en) < 0)
        return NULL;
    gs_Object **cands = &p;
    int n = 1;
    if (GS_KIND(p) == GS_K_TUPLE) {
        cands = ((gs_Tuple *)p)->items;
        n = ((gs_Tuple *)p)->len;
    }
    for (int i = 0; i < n; i++) {
        if (GS_KIND(cands[i]) != GS_K_STR) {
            if (GS_KIND(p) == GS_K_TUPLE)
                gs_raise(vm, vm->e_TypeError, "tuple for %s must only contain str, not %s", name,
                         gs_type_name(cands[i]));
            else
                gs_raise(vm, vm->e_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                         gs_type_name(cands[i]));
            return NULL;
        }
        gs_Str *x = (gs_Str *)cands[i];
        if (st > S->len || en - st < x->len)
            continue;
        if (memcmp(S->data + (ends ? en - x->len : st), x->data, (size_t)x->len) == 0)
            return GS_BOOL(vm, true);
    }
    return GS_BOOL(vm, false);
}

static gs_Object *m_str_startswith(GS_ARGS) { GS_UNUSED(kwnames); return starts_ends(vm, self, args, nargs, false, "startswith"); }
static gs_Object *m_str_endswith(GS_ARGS) { GS_UNUSED(kwnames); return starts_ends(vm, self, args, nargs, true, "endswith"); }

static gs_Object *m_str_replace(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (str_arg(vm, args[0], "replace() argument 1 must be str") < 0 ||
        str_arg(vm, args[1], "replace() argument 2 must be str") < 0)
        return NULL;
    int64_t count = -1;
    if (nargs > 2 && gs_as_int(vm, args[2], &count) < 0)
        return NULL;
    gs_Str *old = (gs_Str *)args[0], *new_ = (gs_Str *)args[1];
    gs_Str *s = S;
    gs_Buf b;
    gs_buf_init(&b);
    if (old->len == 0) {
        /* insert between every character */
        int64_t n = 0;
        const char *p = s->data, *end = s->data + s->len;
        while (p <= end) {
            if (count < 0 || n < count) {
                gs_buf_add(&b, new_->data, (size_t)new_->len);
                n++;
            }
            if (p == end)
                break;
            const char *q = gs_utf8_offset(p, (size_t)(end - p), 1);
            gs_buf_add(&b, p, (size_t)(q - p));
            p = q;
        }
        return gs_buf_to_str(vm, &b);
    }
    int64_t n = 0;
    int32_t i = 0;
    while (i < s->len) {
        if ((count < 0 || n < count) && i + old->len <= s->len && memcmp(s->data + i, old->data, (size_t)old->len) == 0) {
            gs_buf_add(&b, new_->data, (size_t)new_->len);
            i += old->len;
            n++;
        } else
            gs_buf_addc(&b, s->data[i++]);
    }
    if (n == 0) {
        gs_buf_free(&b);
        return gs_newref(vm, self);
    }
    return gs_buf_to_str(vm, &b);
}

static bool is_letter_cp(uint32_t c);
static bool is_decimal_cp(uint32_t c);
static bool is_digit_cp(uint32_t c);

static gs_Object *str_pred(gs_VM *vm, gs_Object *self, int which)
{
    gs_Str *s = S;
    if (s->len == 0)
        return GS_BOOL(vm, false);
    bool any_cased = false;
    for (size_t i = 0, adv = 0, n = (size_t)s->len; i < n; i += adv) {
        uint32_t c = gs_utf8_decode((const unsigned char *)s->data + i, n - i, &adv);
        bool alpha = c < 128 ? isalpha((int)c) != 0 : c != '_' && is_letter_cp(c);
        switch (which) {
        case 1: if (!alpha) return GS_BOOL(vm, false); break;
        case 2: if (!alpha && !is_decimal_cp(c) && !is_digit_cp(c)) return GS_BOOL(vm, false); break;
        case 3: if (!is_ws_cp(c)) return GS_BOOL(vm, false); break;
        case 4: if (cp_lower(c)) return GS_BOOL(vm, false); if (cp_upper(c)) any_cased = true; break;
        case 5: if (cp_upper(c)) return GS_BOOL(vm, false); if (cp_lower(c)) any_cased = true; break;
        }
    }
    if (which >= 4)
        return GS_BOOL(vm, any_cased);
    return GS_BOOL(vm, true);
}

static bool is_digit_cp(uint32_t c);
static gs_Object *char_pred(gs_VM *vm, gs_Object *self, bool (*ok)(uint32_t));
static gs_Object *m_str_isdigit(GS_ARGS) { GS_UNUSED_ARGS; return char_pred(vm, self, is_digit_cp); }
static gs_Object *m_str_isalpha(GS_ARGS) { GS_UNUSED_ARGS; return str_pred(vm, self, 1); }
static gs_Object *m_str_isalnum(GS_ARGS) { GS_UNUSED_ARGS; return str_pred(vm, self, 2); }
static gs_Object *m_str_isspace(GS_ARGS) { GS_UNUSED_ARGS; return str_pred(vm, self, 3); }
static gs_Object *m_str_isupper(GS_ARGS) { GS_UNUSED_ARGS; return str_pred(vm, self, 4); }
static gs_Object *m_str_islower(GS_ARGS) { GS_UNUSED_ARGS; return str_pred(vm, self, 5); }

static gs_Object *pad_impl(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, char align)
{
    int64_t width = 0; /* set by as_int; GCC's -Og/ASan build cannot tell */
    if (gs_as_int(vm, args[0], &width) < 0)
        return NULL;
    const char *fill = " ";
    int32_t flen = 1;
    if (nargs > 1) {
        if (GS_KIND(args[1]) != GS_K_STR || ((gs_Str *)args[1])->nchars != 1) {
            gs_raise(vm, vm->e_TypeError, "The fill character must be exactly one character long");
            return NULL;
        }
        fill = ((gs_Str *)args[1])->data;
        flen = ((gs_Str *)args[1])->len;
    }
    gs_Str *s = S;
    if (width <= s->nchars)
        return gs_newref(vm, self);
    if (width > 100000000) {
        gs_raise_memory(vm);
        return NULL;
    }
    int64_t pad = width - s->nchars, left = 0;
    if (align == '>')
        left = pad;
    else if (align == '^')
        left = pad / 2 + (pad & width & 1);
    gs_Buf b;
    gs_buf_init(&b);
    for (int64_t i = 0; i < left; i++)
        gs_buf_add(&b, fill, (size_t)flen);
    gs_buf_add(&b, s->data, (size_t)s->len);
    for (int64_t i = left; i < pad; i++)
        gs_buf_add(&b, fill, (size_t)flen);
    return gs_buf_to_str(vm, &b);
}

static gs_Object *m_str_ljust(GS_ARGS) { GS_UNUSED(kwnames); return pad_impl(vm, self, args, nargs, '<'); }
static gs_Object *m_str_rjust(GS_ARGS) { GS_UNUSED(kwnames); return pad_impl(vm, self, args, nargs, '>'); }
static gs_Object *m_str_center(GS_ARGS) { GS_UNUSED(kwnames); return pad_impl(vm, self, args, nargs, '^'); }

static gs_Object *m_str_zfill(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t width = 0;
    if (gs_as_int(vm, args[0], &width) < 0)
        return NULL;
    gs_Str *s = S;
    if (width <= s->nchars)
        return gs_newref(vm, self);
    if (width > 100000000) { /* as pad_impl: "1".zfill(10**12) must not fill a buffer for minutes */
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    int32_t i = 0;
    if (s->len && (s->data[0] == '-' || s->data[0] == '+')) {
        gs_buf_addc(&b, s->data[0]);
        i = 1;
    }
    for (int64_t k = 0; k < width - s->nchars; k++)
        gs_buf_addc(&b, '0');
    gs_buf_add(&b, s->data + i, (size_t)(s->len - i));
    return gs_buf_to_str(vm, &b);
}

static gs_Object *m_str_partition_impl(gs_VM *vm, gs_Object *self, gs_Object *sepo, bool reverse)
{
    if (str_arg(vm, sepo, "must be str") < 0)
        return NULL;
    gs_Str *sep = (gs_Str *)sepo;
    if (sep->len == 0) {
        gs_raise(vm, vm->e_ValueError, "empty separator");
        return NULL;
    }
    int64_t k = find_sub(S, sep, 0, S->len, reverse);
    gs_Object *a, *b, *c;
    if (k < 0) {
        if (reverse) {
            a = gs_newref(vm, vm->empty_str);
            b = gs_newref(vm, vm->empty_str);
            c = gs_newref(vm, self);
        } else {
            a = gs_newref(vm, self);
            b = gs_newref(vm, vm->empty_str);
            c = gs_newref(vm, vm->empty_str);
        }
    } else {
        a = gs_str_new(vm, S->data, (size_t)k);
        b = gs_newref(vm, sepo);
        c = gs_str_new(vm, S->data + k + sep->len, (size_t)(S->len - k - sep->len));
    }
    gs_Object *t = gs_tuple_new(vm, 3);
    if (!t || !a || !c) {
        gs_xdecref(vm, a);
        gs_xdecref(vm, b);
        gs_xdecref(vm, c);
        gs_xdecref(vm, t);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, a);
    gs_tuple_init(vm, t, 1, b);
    gs_tuple_init(vm, t, 2, c);
    return t;
}

static gs_Object *m_str_partition(GS_ARGS) { GS_UNUSED_ARGS; return m_str_partition_impl(vm, self, args[0], false); }
static gs_Object *m_str_rpartition(GS_ARGS) { GS_UNUSED_ARGS; return m_str_partition_impl(vm, self, args[0], true); }

/* ------------------------------------------------------------------ more of str's methods */

/* each code point of s */
#define FOR_CHARS(s, c)                                                                                              \
    for (size_t i_ = 0, adv_ = 0, n_ = (size_t)(s)->len; i_ < n_; i_ += adv_)                                       \
        for (uint32_t c = gs_utf8_decode((const unsigned char *)(s)->data + i_, n_ - i_, &adv_), once_ = 1; once_;  \
             once_ = 0)

/* The Unicode classes str's predicates ask about, for the digits of the
 * common scripts (Python's unicodedata has them all) */
static bool is_decimal_cp(uint32_t c)
{
    static const uint32_t zeros[] = { '0', 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6,
                                      0xC66, 0xCE6, 0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0xFF10 };
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
        if (c >= zeros[i] && c <= zeros[i] + 9)
            return true;
    return false;
}

static bool is_digit_cp(uint32_t c)
{
    return is_decimal_cp(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) ||
           (c >= 0x2488 && c <= 0x2490) || c == 0x24EA || (c >= 0x24F5 && c <= 0x24FD) || c == 0x24FF ||
           (c >= 0x2776 && c <= 0x277E) || (c >= 0x2780 && c <= 0x2788) || (c >= 0x278A && c <= 0x2792);
}

static bool is_numeric_cp(uint32_t c)
{
    static const uint32_t cjk[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B,
                                    0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x5104 };
    if (is_digit_cp(c) || (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2189) || (c >= 0x2469 && c <= 0x2473) ||
        (c >= 0x247D && c <= 0x2487) || (c >= 0x2491 && c <= 0x249B) || (c >= 0x24EB && c <= 0x24F4))
        return true;
    for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
        if (c == cjk[i])
            return true;
    return false;
}

/* printable: not a control, separator (but space) or format character */
static bool is_printable_cp(uint32_t c)
{
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0xAD)
        return false;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) ||
        c == 0x3000 || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xFFF9 && c <= 0xFFFB))
        return false;
    return true;
}

/* a letter for identifiers: cased letters, and the scripts without case */
static bool is_letter_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return c == 0xAA || c == 0xB5 || c == 0xBA || map_case(c, true) != c || map_case(c, false) != c ||
           c == 0xDF || (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) || (c >= 0x904 && c <= 0x939) ||
           (c >= 0x3041 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

static gs_Object *char_pred(gs_VM *vm, gs_Object *self, bool (*ok)(uint32_t))
{
    if (S->len == 0)
        return GS_BOOL(vm, false);
    FOR_CHARS(S, c)
    if (!ok(c))
        return GS_BOOL(vm, false);
    return GS_BOOL(vm, true);
}

static gs_Object *m_str_isdecimal(GS_ARGS) { GS_UNUSED_ARGS; return char_pred(vm, self, is_decimal_cp); }
static gs_Object *m_str_isnumeric(GS_ARGS) { GS_UNUSED_ARGS; return char_pred(vm, self, is_numeric_cp); }

static gs_Object *m_str_isascii(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_BOOL(vm, S->nchars == S->len); /* every character one byte */
}

static gs_Object *m_str_isprintable(GS_ARGS)
{
    GS_UNUSED_ARGS;
    FOR_CHARS(S, c)
    if (!is_printable_cp(c))
        return GS_BOOL(vm, false);
    return GS_BOOL(vm, true); /* the empty string too */
}

static gs_Object *m_str_isidentifier(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (S->len == 0)
        return GS_BOOL(vm, false);
    bool first = true;
    FOR_CHARS(S, c)
    {
        bool ok = is_letter_cp(c) || (!first && (is_decimal_cp(c) || (c >= 0x300 && c <= 0x36F) || c == 0xB7));
        if (!ok)
            return GS_BOOL(vm, false);
        first = false;
    }
    return GS_BOOL(vm, true);
}

/* istitle: uppercase characters only after uncased ones, lowercase only after cased ones */
static gs_Object *m_str_istitle(GS_ARGS)
{
    GS_UNUSED_ARGS;
    bool cased = false, prev_cased = false;
    FOR_CHARS(S, c)
    {
        bool upper = map_case(c, false) != c, lower = map_case(c, true) != c || c == 0xDF;
        if (upper) {
            if (prev_cased)
                return GS_BOOL(vm, false);
            prev_cased = cased = true;
        } else if (lower) {
            if (!prev_cased)
                return GS_BOOL(vm, false);
            prev_cased = cased = true;
        } else
            prev_cased = false;
    }
    return GS_BOOL(vm, cased);
}

/* swapcase (ß upper-cases to SS, as upper() does) and casefold (lower
 * case, ß folded to ss) */
static gs_Object *case_map(gs_VM *vm, gs_Object *self, bool fold)
{
    gs_Buf b;
    gs_buf_init(&b);
    FOR_CHARS(S, c)
    {
        uint32_t up = map_case(c, true), low = map_case(c, false);
        if (c == 0xDF)
            gs_buf_adds(&b, fold ? "ss" : "SS");
        else
            put_utf8(&b, fold ? low : up != c ? up : low);
    }
    return gs_buf_to_str(vm, &b);
}

static gs_Object *m_str_swapcase(GS_ARGS) { GS_UNUSED_ARGS; return case_map(vm, self, false); }
static gs_Object *m_str_casefold(GS_ARGS) { GS_UNUSED_ARGS; return case_map(vm, self, true); }

/* removeprefix/removesuffix: the string itself when it does not have it */
static gs_Object *remove_affix(gs_VM *vm, gs_Object *self, gs_Object *a, bool suffix)
{
    if (GS_KIND(a) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "%s() argument must be str, not %s", suffix ? "removesuffix" : "removeprefix",
                 gs_type_name(a));
        return NULL;
    }
    gs_Str *x = (gs_Str *)a;
    int32_t off = suffix ? S->len - x->len : 0;
    if (x->len == 0 || x->len > S->len || memcmp(S->data + off, x->data, (size_t)x->len) != 0)
        return self->type == vm->t_str ? gs_newref(vm, self) : gs_str_new(vm, S->data, (size_t)S->len);
    return gs_str_new(vm, S->data + (suffix ? 0 : x->len), (size_t)(S->len - x->len));
}

static gs_Object *m_str_removeprefix(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return remove_affix(vm, self, args[0], false); }
static gs_Object *m_str_removesuffix(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return remove_affix(vm, self, args[0], true); }

/* rsplit(sep=None, maxsplit=-1): split's pieces found from the right */
static gs_Object *m_str_rsplit(GS_ARGS)
{
    static const char *allowed[] = { "sep", "maxsplit", NULL };
    if (gs_check_kw_allowed(vm, "rsplit", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *sep = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "sep");
    gs_Object *ms = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "maxsplit");
    int64_t maxsplit = -1;
    if (ms && gs_as_int(vm, ms, &maxsplit) < 0)
        return NULL;
    gs_Str *s = S, *sp = NULL;
    if (sep && sep != vm->none) {
        if (GS_KIND(sep) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "must be str or None, not %s", gs_type_name(sep));
            return NULL;
        }
        sp = (gs_Str *)sep;
        if (sp->len == 0) {
            gs_raise(vm, vm->e_ValueError, "empty separator");
            return NULL;
        }
    }
    gs_Object *l = gs_list_new_cap(vm, maxsplit < 0 || maxsplit >= 12 ? 12 : (int32_t)maxsplit + 1);
    if (!l)
        return NULL;
    int32_t j = s->len; /* the end of the piece being looked for */
    for (;;) {
        int32_t start, next;
        if (!sp) {
            for (int32_t w; j > 0 && (w = ws_before(s->data, j)) > 0;)
                j -= w;
            if (j == 0)
                break;
            int32_t i = j;
            if (maxsplit == 0)
                i = 0; /* the rest, its leading blanks kept (rsplit_whitespace) */
            else
                while (i > 0 && !ws_before(s->data, i))
                    i--;
            start = i;
            next = i;
        } else {
            int32_t k = -1;
            if (maxsplit != 0)
                for (int32_t q = j - sp->len; q >= 0; q--)
                    if (memcmp(s->data + q, sp->data, (size_t)sp->len) == 0) {
                        k = q;
                        break;
                    }
            start = k < 0 ? 0 : k + sp->len;
            next = k;
        }
        gs_Object *p = gs_str_new(vm, s->data + start, (size_t)(j - start));
        if (!p || gs_list_append(vm, l, p) < 0) {
            gs_xdecref(vm, p);
            gs_decref(vm, l);
            return NULL;
        }
        gs_decref(vm, p);
        if (next < 0 || (!sp && next == 0))
            break;
        j = next;
        if (maxsplit > 0)
            maxsplit--;
    }
    gs_List *lst = (gs_List *)l; /* found backwards: reversed in place, as PyList_Reverse */
    for (int32_t i = 0; i < lst->len / 2; i++) {
        gs_Object *t = lst->items[i];
        lst->items[i] = lst->items[lst->len - 1 - i];
        lst->items[lst->len - 1 - i] = t;
    }
    if (vm->recording) /* slot i held what slot len-1-i holds now (as list.reverse records it) */
        for (int32_t i = 0; i < lst->len; i++)
            if (lst->items[i] != lst->items[lst->len - 1 - i])
                gs_record(vm, GS_EV_REF_SET, GS_CAUSE_SLOT, l->id, lst->items[lst->len - 1 - i]->id,
                          lst->items[i]->id, (uint32_t)i);
    return l;
}

/* expandtabs(tabsize=8) */
static gs_Object *m_str_expandtabs(GS_ARGS)
{
    static const char *allowed[] = { "tabsize", NULL };
    if (gs_check_kw_allowed(vm, "expandtabs", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *ts = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "tabsize");
    int64_t tab = 8;
    if (ts && gs_as_int(vm, ts, &tab) < 0)
        return NULL;
    gs_Buf b;
    gs_buf_init(&b);
    int64_t col = 0;
    FOR_CHARS(S, c)
    {
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                if (b.len + (size_t)n > (size_t)100000000) {
                    gs_buf_free(&b);
                    gs_raise(vm, vm->e_OverflowError, "new string is too long");
                    return NULL;
                }
                for (int64_t k = 0; k < n; k++)
                    gs_buf_addc(&b, ' ');
                col += n;
            }
        } else {
            put_utf8(&b, c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    return gs_buf_to_str(vm, &b);
}

/* str.maketrans(x[, y[, z]]): a dict of code points to code points, strings or None */
static gs_Object *m_str_maketrans(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    gs_Object *d = gs_dict_new(vm);
    if (!d)
        return NULL;
    if (nargs == 1) {
        if (GS_KIND(args[0]) != GS_K_DICT) {
            gs_raise(vm, vm->e_TypeError, "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        gs_DictTable *t = &((gs_Dict *)args[0])->t;
        for (int32_t i = 0; i < t->nentries; i++) {
            gs_Object *k = t->entries[i].key, *v = t->entries[i].value;
            if (!k)
                continue;
            gs_Object *key;
            if (GS_KIND(k) == GS_K_STR) {
                if (((gs_Str *)k)->nchars != 1) {
                    gs_raise(vm, vm->e_ValueError, "string keys in translate table must be of length 1");
                    goto fail;
                }
                size_t adv;
                key = gs_int_new(vm, gs_utf8_decode((const unsigned char *)((gs_Str *)k)->data,
                                                    (size_t)((gs_Str *)k)->len, &adv));
            } else if (GS_KIND(k) == GS_K_INT) {
                key = gs_newref(vm, k);
            } else {
                gs_raise(vm, vm->e_TypeError, "keys in translate table must be strings or integers");
                goto fail;
            }
            int r = key ? gs_dict_set(vm, d, key, v) : -1;
            gs_xdecref(vm, key);
            if (r < 0)
                goto fail;
        }
        return d;
    }
    for (int i = 0; i < nargs; i++)
        if (GS_KIND(args[i]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, i == 0 ? "maketrans() argument 1 must be str, not %s"
                                        : i == 1 ? "maketrans() argument 2 must be str, not %s"
                                                 : "maketrans() argument 3 must be str, not %s",
                     gs_type_name(args[i]));
            goto fail;
        }
    gs_Str *x = (gs_Str *)args[0], *y = (gs_Str *)args[1];
    if (x->nchars != y->nchars) {
        gs_raise(vm, vm->e_ValueError, "the first two maketrans arguments must have equal length");
        goto fail;
    }
    for (size_t i = 0, j = 0, ax, ay; i < (size_t)x->len; i += ax, j += ay) {
        uint32_t a = gs_utf8_decode((const unsigned char *)x->data + i, (size_t)x->len - i, &ax);
        uint32_t c = gs_utf8_decode((const unsigned char *)y->data + j, (size_t)y->len - j, &ay);
        gs_Object *k = gs_int_new(vm, a), *v = gs_int_new(vm, c);
        int r = k && v ? gs_dict_set(vm, d, k, v) : -1;
        gs_xdecref(vm, k);
        gs_xdecref(vm, v);
        if (r < 0)
            goto fail;
    }
    if (nargs > 2)
        FOR_CHARS((gs_Str *)args[2], c)
        {
            gs_Object *k = gs_int_new(vm, c);
            int r = k ? gs_dict_set(vm, d, k, vm->none) : -1;
            gs_xdecref(vm, k);
            if (r < 0)
                goto fail;
        }
    return d;
fail:
    gs_decref(vm, d);
    return NULL;
}

/* translate(table): table[ord(c)] for each character: a str, a code point,
 * None (dropped); a LookupError keeps the character */
static gs_Object *m_str_translate(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Buf b;
    gs_buf_init(&b);
    FOR_CHARS(S, c)
    {
        gs_Object *k = gs_int_new(vm, c);
        gs_Object *v = k ? gs_getitem(vm, args[0], k) : NULL;
        gs_xdecref(vm, k);
        if (!v) {
            if (!gs_exc_matches(vm, vm->e_LookupError))
                goto fail;
            gs_clear_exc(vm);
            put_utf8(&b, c);
            continue;
        }
        if (GS_KIND(v) == GS_K_STR)
            gs_buf_add(&b, ((gs_Str *)v)->data, (size_t)((gs_Str *)v)->len);
        else if (GS_KIND(v) == GS_K_INT) {
            int64_t cp = ((gs_Int *)v)->value;
            if (cp < 0 || cp > 0x10FFFF) {
                gs_raise(vm, vm->e_ValueError, "character mapping must be in range(0x110000)");
                gs_decref(vm, v);
                goto fail;
            }
            put_utf8(&b, (uint32_t)cp);
        } else if (v != vm->none) {
            gs_raise(vm, vm->e_TypeError, "character mapping must return integer, None or str");
            gs_decref(vm, v);
            goto fail;
        }
        gs_decref(vm, v);
    }
    return gs_buf_to_str(vm, &b);
fail:
    gs_buf_free(&b);
    return NULL;
}

static const gs_MethodDef str_methods[] = {
    { "upper", m_str_upper, 0, 0, false }, { "lower", m_str_lower, 0, 0, false },
    { "capitalize", m_str_capitalize, 0, 0, false }, { "title", m_str_title, 0, 0, false },
    { "join", m_str_join, 1, 1, false }, { "split", m_str_split, 0, 2, true },
    { "splitlines", m_str_splitlines, 0, 1, true }, { "strip", m_str_strip, 0, 1, false },
    { "lstrip", m_str_lstrip, 0, 1, false }, { "rstrip", m_str_rstrip, 0, 1, false },
    { "find", m_str_find, 1, 3, GS_VARARGS }, { "rfind", m_str_rfind, 1, 3, GS_VARARGS },
    { "index", m_str_index, 1, 3, GS_VARARGS }, { "rindex", m_str_rindex, 1, 3, GS_VARARGS },
    { "count", m_str_count, 1, 3, GS_VARARGS }, { "startswith", m_str_startswith, 1, 3, GS_VARARGS },
    { "endswith", m_str_endswith, 1, 3, GS_VARARGS }, { "replace", m_str_replace, 2, 3, false },
    { "isdigit", m_str_isdigit, 0, 0, false }, { "isalpha", m_str_isalpha, 0, 0, false },
    { "isalnum", m_str_isalnum, 0, 0, false }, { "isspace", m_str_isspace, 0, 0, false },
    { "isupper", m_str_isupper, 0, 0, false }, { "islower", m_str_islower, 0, 0, false },
    { "ljust", m_str_ljust, 1, 2, false }, { "rjust", m_str_rjust, 1, 2, false },
    { "center", m_str_center, 1, 2, false }, { "zfill", m_str_zfill, 1, 1, false },
    { "partition", m_str_partition, 1, 1, false }, { "rpartition", m_str_rpartition, 1, 1, false },
    { "format", gs_str_format_method, 0, -1, GS_KW | GS_VARARGS }, { "encode", gs_str_encode_method, 0, 2, GS_KW },
    { "format_map", gs_str_format_map_method, 1, 1, false }, { "rsplit", m_str_rsplit, 0, 2, true },
    { "swapcase", m_str_swapcase, 0, 0, false }, { "casefold", m_str_casefold, 0, 0, false },
    { "removeprefix", m_str_removeprefix, 1, 1, false }, { "removesuffix", m_str_removesuffix, 1, 1, false },
    { "isdecimal", m_str_isdecimal, 0, 0, false }, { "isnumeric", m_str_isnumeric, 0, 0, false },
    { "isascii", m_str_isascii, 0, 0, false }, { "isidentifier", m_str_isidentifier, 0, 0, false },
    { "isprintable", m_str_isprintable, 0, 0, false }, { "istitle", m_str_istitle, 0, 0, false },
    { "expandtabs", m_str_expandtabs, 0, 1, true }, { "translate", m_str_translate, 1, 1, false },
    { "maketrans", m_str_maketrans, 1, 3, GS_CLASSMETH },
    { NULL, NULL, 0, 0, false },
};

void gs_str_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_str, str_methods); }
