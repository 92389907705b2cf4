/*
 * re.c — the re module (CPython 3.11's Lib/re/ and Modules/_sre): regular
 * expressions on str.
 *
 * A pattern goes through the three stages CPython's takes.  The parser is
 * re/_parser.py ported line for line, so that re.error says what CPython
 * says at the position it says it ("missing ), unterminated subpattern at
 * position 0"); it builds a tree of nodes.  The compiler (re/_compiler.py's
 * job) checks look-behind widths and turns the tree into a small program.
 * The matcher (_sre's SRE(match)) runs that program by backtracking, with
 * CPython's rules: leftmost-first alternation, greedy and lazy repeats that
 * stop when an iteration matched nothing, the must-advance rule of 3.7+
 * for findall/finditer/sub/split after an empty match.
 *
 * The matcher never recurses on the subject: every choice point, and every
 * register it changed (group marks, repeat counters), goes on an explicit
 * stack that backtracking pops, so a 10^6-character string or a
 * catastrophic pattern costs heap, not C stack.  Only look-arounds and
 * atomic groups call it again, as deep as the pattern nests them.  A long
 * run counts against the VM's event limit like any C loop.
 *
 * What the program gets are heap objects as CPython's: re.Pattern and
 * re.Match (GC objects holding the pattern string, the subject string and
 * the pattern), the callable_iterator of finditer, the strings, lists and
 * tuples of findall/split, and re._cache, the dict of compiled patterns
 * (at most 512) the module-level functions keep.  The flags are the
 * members of RegexFlag, an enum.IntFlag made through the enum module as
 * re/__init__.py makes it (re.I is re.IGNORECASE, == 2).  Not modelled:
 * bytes patterns, \N{name} escapes, re.DEBUG's dump, re.template; \w, \d
 * and case-insensitive matching know the letters and digits of the common
 * scripts (Latin, Greek, Cyrillic, CJK ...), not the whole Unicode database.
 */
#include <setjmp.h>
#include <stdio.h>

#include "modutil.h"


enum {
    F_TEMPLATE = 1, F_I = 2, F_L = 4, F_M = 8, F_S = 16, F_U = 32, F_X = 64, F_DEBUG = 128, F_A = 256,
};
#define MAXREPEAT 4294967295LL
#define MAXGROUPS 1073741823LL
/* the parser's nesting: where CPython's recursion limit stops _parse_sub
 * (495 groups deep, called from module level) */
#define MAX_NEST 990

typedef struct ReState {
    gs_Type *t_pattern, *t_match, *t_iter, *t_scanner; /* t_scanner: _sre.SRE_Scanner (the same C data as t_iter) */
    gs_Type *e_error; /* a class, as re/_constants.py's (held; count_roots reports it) */
} ReState;

/* ================================================================== characters */

static uint32_t lower_cp(uint32_t c)
{
    if (c < 128)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c == 0x178)
        return 0xFF;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
        bool odd_is_lower = !((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E));
        if (odd_is_lower ? !(c & 1) : (c & 1))
            return c + 1;
        return c;
    }
    if (c == 0x130)
        return 'i';
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

static uint32_t upper_cp(uint32_t c)
{
    if (c < 128)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
        return c - 32;
    if (c == 0xFF)
        return 0x178;
    if (c == 0xB5)
        return 0x39C;
    if (c == 0x17F)
        return 'S';
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149) {
        bool odd_is_lower = !((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E));
        if (odd_is_lower ? (c & 1) : !(c & 1))
            return c - 1;
        return c;
    }
    if (c == 0x131)
        return 'I';
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2)
        return c - 32;
    if (c == 0x3C2)
        return 0x3A3;
    if (c >= 0x430 && c <= 0x44F)
        return c - 32;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    return c;
}

/* the case-insensitive comparison of _sre: the lower cases agree, or the
 * upper ones (ſ and s, ı and i) */
static bool same_ignoring_case(uint32_t a, uint32_t b, bool ascii)
{
    if (a == b)
        return true;
    if (ascii)
        return a < 128 && b < 128 && lower_cp(a) == lower_cp(b);
    return lower_cp(a) == lower_cp(b) || upper_cp(a) == upper_cp(b);
}

static bool uni_decimal(uint32_t c)
{
    static const uint32_t zeros[] = { 0x30,   0x660,  0x6F0,  0x7C0,  0x966,  0x9E6,  0xA66,  0xAE6,  0xB66,
                                      0xBE6,  0xC66,  0xCE6,  0xD66,  0xDE6,  0xE50,  0xED0,  0xF20,  0x1040,
                                      0x1090, 0x17E0, 0x1810, 0xFF10 };
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
        if (c >= zeros[i] && c <= zeros[i] + 9)
            return true;
    return false;
}

static bool uni_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

/* str.isalnum() for the scripts programs use (Latin, Greek, Cyrillic,
 * Armenian, Hebrew, Arabic, Devanagari, CJK, kana, Hangul, fullwidth) */
static bool uni_alnum(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    if (uni_decimal(c))
        return true;
    if (c == 0xAA || c == 0xB5 || c == 0xBA || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE))
        return true;
    if (c < 0xC0)
        return false;
    if (c == 0xD7 || c == 0xF7)
        return false;
    if (c <= 0x2C1 || (c >= 0x2C6 && c <= 0x2D1) || (c >= 0x2E0 && c <= 0x2E4) || c == 0x2EC || c == 0x2EE)
        return true;
    if (c >= 0x370 && c <= 0x3FF)
        return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387 && c != 0x3F6 && c != 0x378 &&
               c != 0x379 && c != 0x380 && c != 0x381 && c != 0x382 && c != 0x383 && c != 0x38B && c != 0x38D &&
               c != 0x3A2;
    if ((c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F) || (c >= 0x531 && c <= 0x556) ||
        (c >= 0x561 && c <= 0x587) || (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
        (c >= 0x671 && c <= 0x6D3) || (c >= 0x904 && c <= 0x939) || (c >= 0x1E00 && c <= 0x1FBC) ||
        (c >= 0x2160 && c <= 0x2188) || (c >= 0x2460 && c <= 0x249B) || (c >= 0x3041 && c <= 0x3096) ||
        (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
        return true;
    return false;
}

static bool is_word(uint32_t c, bool ascii)
{
    if (ascii || c < 0x80)
        return c < 0x80 && (c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'));
    return c == '_' || uni_alnum(c);
}

enum { CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD };

static bool cat_match(int cat, uint32_t c, bool ascii)
{
    bool r;
    switch (cat & ~1) {
    case CAT_DIGIT:
        r = ascii ? (c >= '0' && c <= '9') : uni_decimal(c);
        break;
    case CAT_SPACE:
        r = ascii ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : uni_space(c);
        break;
    default:
        r = is_word(c, ascii);
        break;
    }
    return (cat & 1) ? !r : r;
}

/* A character set [...]: ranges (a literal is a range of one) and
 * categories, maybe negated; `ascii` is the ASCII flag where it was written. */
typedef struct SetItem {
    int cat; /* -1: the range lo..hi */
    uint32_t lo, hi;
} SetItem;

typedef struct CSet {
    bool neg, ascii;
    int n, cap;
    SetItem *items;
} CSet;

static bool set_has(const CSet *s, uint32_t c)
{
    for (int i = 0; i < s->n; i++) {
        const SetItem *it = &s->items[i];
        if (it->cat < 0 ? (c >= it->lo && c <= it->hi) : cat_match(it->cat, c, s->ascii))
            return true;
    }
    return false;
}

static bool set_match(const CSet *s, uint32_t c, bool icase)
{
    bool in = set_has(s, c);
    if (!in && icase) {
        uint32_t l = s->ascii ? (c < 128 ? lower_cp(c) : c) : lower_cp(c);
        uint32_t u = s->ascii ? (c < 128 ? upper_cp(c) : c) : upper_cp(c);
        in = (l != c && set_has(s, l)) || (u != c && set_has(s, u));
    }
    return in != s->neg;
}

/* ================================================================== the parser (re/_parser.py) */

enum { N_LIT, N_NLIT, N_ANY, N_IN, N_AT, N_REF, N_SEQ, N_ALT, N_GROUP, N_REPEAT, N_ASSERT, N_COND, N_ATOMIC };
enum { AT_BEGINNING, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END, AT_END_STRING };
enum { R_MAX, R_MIN, R_POSSESSIVE };

typedef struct Node {
    int kind;
    int fl;          /* the flags in effect where it was written */
    int64_t v;       /* literal, set index, AT kind, group (N_GROUP: -1 none), assert direction */
    int64_t min, max; /* N_REPEAT; N_ASSERT: min is 1 when negative */
    int mode;        /* N_REPEAT: R_MAX ... */
    int add, del;    /* N_GROUP: the flags it turns on and off */
    struct Node **kids; /* N_SEQ, N_ALT: the items; N_GROUP, N_REPEAT, N_ASSERT, N_ATOMIC: kids[0]; N_COND: yes, no */
    int nkids, cap;
    int64_t wlo, whi;   /* getwidth(), once worked out */
    bool wdone;
} Node;

typedef struct Parser {
    const uint32_t *s;
    int64_t n;
    int64_t index;
    int64_t next; /* the next token: a character, ESC|c for a backslash and c, -1 at the end */
    int flags;    /* state.flags */
    /* groups: group i (1..) is open (width unknown) or closed with its width */
    int ngroups; /* state.groups: 1 + the groups opened */
    int gcap;
    bool *gclosed;
    int64_t *glo, *ghi;
    /* group names: name of group i as a slice of the pattern, or start -1 */
    int64_t *gname_at, *gname_len;
    int lookbehindgroups; /* -1: None */
    /* conditional references to groups not yet defined: group and position */
    int64_t *refpos_g, *refpos_at;
    int nrefpos, refcap;
    /* every allocation, freed together */
    void **allocs;
    int nallocs, allocap;
    CSet *sets;
    int nsets, setcap;
    jmp_buf fail;
    /* the error: message and position (-1: none), or a ValueError/OverflowError */
    char msg[256];
    int64_t errpos;
    int errkind; /* 0 re.error, 1 ValueError, 2 OverflowError, 3 MemoryError, 4 RecursionError */
    /* the FutureWarnings of sets that a later Python will read differently */
    char warns[4][96];
    int nwarn;
} Parser;

static void p_warn(Parser *p, const char *what, int64_t pos)
{
    if (p->nwarn < 4)
        snprintf(p->warns[p->nwarn++], sizeof p->warns[0], "Possible %s at position %lld", what, (long long)pos);
}

#define ESC 0x40000000
#define TOKLEN(t) ((t) < 0 ? 0 : ((t) & ESC) ? 2 : 1)
#define TOKCH(t) ((uint32_t)((t) & ~ESC))

static void *p_alloc(Parser *p, size_t size);

static _Noreturn void p_fail(Parser *p, int kind, int64_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
    p->errpos = pos;
    p->errkind = kind;
    longjmp(p->fail, 1);
}

static void *p_alloc(Parser *p, size_t size)
{
    if (p->nallocs == p->allocap) {
        int cap = p->allocap ? p->allocap * 2 : 64;
        void **a = realloc(p->allocs, (size_t)cap * sizeof *a);
        if (!a)
            p_fail(p, 3, -1, "out of memory");
        p->allocs = a;
        p->allocap = cap;
    }
    void *m = calloc(1, size ? size : 1);
    if (!m)
        p_fail(p, 3, -1, "out of memory");
    p->allocs[p->nallocs++] = m;
    return m;
}

static void p_free(Parser *p)
{
    for (int i = 0; i < p->nallocs; i++)
        free(p->allocs[i]);
    free(p->allocs);
    free(p->gclosed);
    free(p->glo);
    free(p->ghi);
    free(p->gname_at);
    free(p->gname_len);
    free(p->refpos_g);
    free(p->refpos_at);
    /* the sets' items are the compiled program's (it frees them) */
}

/* Tokenizer.__next */
static void tok_next(Parser *p)
{
    int64_t index = p->index;
    if (index >= p->n) {
        p->next = -1;
        return;
    }
    uint32_t ch = p->s[index];
    if (ch == '\\') {
        index++;
        if (index >= p->n)
            p_fail(p, 0, p->n - 1, "bad escape (end of pattern)");
        p->next = ESC | (int64_t)p->s[index];
    } else
        p->next = ch;
    p->index = index + 1;
}

static int64_t tok_tell(Parser *p) { return p->index - TOKLEN(p->next); }

static bool tok_match(Parser *p, int64_t t)
{
    if (p->next == t) {
        tok_next(p);
        return true;
    }
    return false;
}

static int64_t tok_get(Parser *p)
{
    int64_t t = p->next;
    tok_next(p);
    return t;
}

static void tok_seek(Parser *p, int64_t index)
{
    p->index = index;
    tok_next(p);
}

static _Noreturn void tok_error(Parser *p, int64_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
    p->errpos = tok_tell(p) - offset;
    p->errkind = 0;
    longjmp(p->fail, 1);
}

static bool in_str(int64_t t, const char *chars) { return t >= 0 && t < 128 && strchr(chars, (int)t) && t != 0; }
#define DIGITS "0123456789"
#define OCTDIGITS "01234567"
#define HEXDIGITS "0123456789abcdefABCDEF"
#define ASCIILETTERS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define WHITESPACE " \t\n\r\v\f"
#define SPECIAL_CHARS ".\\[{()*+?^$|"

/* a token as Python writes it (for messages): "\q", "a" */
static void tok_text(int64_t t, char *buf, size_t n)
{
    char one[8];
    uint32_t c = TOKCH(t);
    size_t k = 0;
    if (c < 0x80)
        one[k++] = (char)c;
    else if (c < 0x800) {
        one[k++] = (char)(0xC0 | (c >> 6));
        one[k++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        one[k++] = (char)(0xE0 | (c >> 12));
        one[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
        one[k++] = (char)(0x80 | (c & 0x3F));
    } else {
        one[k++] = (char)(0xF0 | (c >> 18));
        one[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
        one[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
        one[k++] = (char)(0x80 | (c & 0x3F));
    }
    one[k] = 0;
    snprintf(buf, n, "%s%s", (t & ESC) ? "\\" : "", one);
}

static void utf8_put(gs_Buf *b, uint32_t c)
{
    char t[8];
    int64_t tok = c;
    tok_text(tok, t, sizeof t);
    gs_buf_adds(b, t);
}

/* repr() of a run of code points, as Python writes %r of a str */
static void repr_cps(char *out, size_t n, const uint32_t *s, int64_t len)
{
    gs_Buf u, r;
    gs_buf_init(&u);
    gs_buf_init(&r);
    for (int64_t i = 0; i < len; i++)
        utf8_put(&u, s[i]);
    gs_repr_str_into(&r, u.data ? u.data : "", u.len);
    snprintf(out, n, "%.*s", (int)r.len, r.data ? r.data : "");
    gs_buf_free(&u);
    gs_buf_free(&r);
}

static Node *node_new(Parser *p, int kind, int fl)
{
    Node *nd = p_alloc(p, sizeof *nd);
    nd->kind = kind;
    nd->fl = fl;
    return nd;
}

static void node_add(Parser *p, Node *seq, Node *kid)
{
    if (seq->nkids == seq->cap) {
        int cap = seq->cap ? seq->cap * 2 : 4;
        Node **k = p_alloc(p, (size_t)cap * sizeof *k);
        if (seq->nkids)
            memcpy(k, seq->kids, (size_t)seq->nkids * sizeof *k);
        seq->kids = k; /* the old array stays in the pool until the end */
        seq->cap = cap;
    }
    seq->kids[seq->nkids++] = kid;
}

static int set_new(Parser *p, bool neg, bool ascii)
{
    if (p->nsets == p->setcap) {
        int cap = p->setcap ? p->setcap * 2 : 8;
        CSet *s = realloc(p->sets, (size_t)cap * sizeof *s);
        if (!s)
            p_fail(p, 3, -1, "out of memory");
        p->sets = s;
        p->setcap = cap;
    }
    CSet *s = &p->sets[p->nsets];
    memset(s, 0, sizeof *s);
    s->neg = neg;
    s->ascii = ascii;
    return p->nsets++;
}

static void set_add(Parser *p, int si, int cat, uint32_t lo, uint32_t hi)
{
    CSet *s = &p->sets[si];
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 4;
        SetItem *it = realloc(s->items, (size_t)cap * sizeof *it);
        if (!it)
            p_fail(p, 3, -1, "out of memory");
        s->items = it;
        s->cap = cap;
    }
    s->items[s->n++] = (SetItem){ cat, lo, hi };
}

static int eff_flags(Parser *p, int add, int del) { return (p->flags | add) & ~del; }

/* getwidth() */
static void width(Parser *p, Node *nd, int64_t *lo, int64_t *hi)
{
    if (nd->wdone) {
        *lo = nd->wlo;
        *hi = nd->whi;
        return;
    }
    int64_t l = 0, h = 0, i, j, a, b;
    switch (nd->kind) {
    case N_LIT: case N_NLIT: case N_ANY: case N_IN:
        l = h = 1;
        break;
    case N_SEQ:
        for (int k = 0; k < nd->nkids; k++) {
            width(p, nd->kids[k], &i, &j);
            l += i;
            h += j;
        }
        break;
    case N_ALT:
        l = MAXREPEAT - 1;
        for (int k = 0; k < nd->nkids; k++) {
            width(p, nd->kids[k], &i, &j);
            l = i < l ? i : l;
            h = j > h ? j : h;
        }
        break;
    case N_GROUP: case N_ATOMIC:
        width(p, nd->kids[0], &l, &h);
        break;
    case N_REPEAT:
        width(p, nd->kids[0], &i, &j);
        l = i * nd->min;
        h = nd->max == MAXREPEAT && j ? MAXREPEAT : j * nd->max;
        break;
    case N_REF:
        l = p->glo[nd->v];
        h = p->ghi[nd->v];
        break;
    case N_COND:
        width(p, nd->kids[0], &i, &j);
        if (nd->kids[1]) {
            width(p, nd->kids[1], &a, &b);
            i = a < i ? a : i;
            j = b > j ? b : j;
        } else
            i = 0;
        l = i;
        h = j;
        break;
    default:
        break;
    }
    if (l > MAXREPEAT - 1)
        l = MAXREPEAT - 1;
    if (h > MAXREPEAT)
        h = MAXREPEAT;
    nd->wlo = *lo = l;
    nd->whi = *hi = h;
    nd->wdone = true;
}

static bool checkgroup(Parser *p, int64_t gid) { return gid < p->ngroups && p->gclosed[gid]; }

static void checklookbehindgroup(Parser *p, int64_t gid)
{
    if (p->lookbehindgroups >= 0) {
        if (!checkgroup(p, gid))
            tok_error(p, 0, "cannot refer to an open group");
        if (gid >= p->lookbehindgroups)
            tok_error(p, 0, "cannot refer to group defined in the same lookbehind subpattern");
    }
}

static int64_t group_named(Parser *p, const uint32_t *name, int64_t len)
{
    for (int g = 1; g < p->ngroups; g++)
        if (p->gname_at[g] >= 0 && p->gname_len[g] == len &&
            memcmp(p->s + p->gname_at[g], name, (size_t)len * sizeof *name) == 0)
            return g;
    return -1;
}

static int opengroup(Parser *p, int64_t name_at, int64_t name_len)
{
    if (p->ngroups == p->gcap) {
        int cap = p->gcap ? p->gcap * 2 : 16;
        bool *c = realloc(p->gclosed, (size_t)cap * sizeof *c);
        if (c)
            p->gclosed = c;
        int64_t *a = realloc(p->glo, (size_t)cap * sizeof *a);
        if (a)
            p->glo = a;
        int64_t *b = realloc(p->ghi, (size_t)cap * sizeof *b);
        if (b)
            p->ghi = b;
        int64_t *d = realloc(p->gname_at, (size_t)cap * sizeof *d);
        if (d)
            p->gname_at = d;
        int64_t *e = realloc(p->gname_len, (size_t)cap * sizeof *e);
        if (e)
            p->gname_len = e;
        if (!c || !a || !b || !d || !e)
            p_fail(p, 3, -1, "out of memory");
        p->gcap = cap;
    }
    int gid = p->ngroups++;
    p->gclosed[gid] = false;
    p->glo[gid] = p->ghi[gid] = 0;
    p->gname_at[gid] = -1;
    p->gname_len[gid] = 0;
    if (name_at >= 0) {
        int64_t ogid = group_named(p, p->s + name_at, name_len);
        if (ogid >= 0) {
            char r[160];
            repr_cps(r, sizeof r, p->s + name_at, name_len);
            tok_error(p, name_len + 1, "redefinition of group name %s as group %d; was group %lld", r, gid,
                      (long long)ogid);
        }
        p->gname_at[gid] = name_at;
        p->gname_len[gid] = name_len;
    }
    return gid;
}

static bool is_identifier(const uint32_t *s, int64_t n)
{
    if (n == 0)
        return false;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        bool ok = c == '_' || (c >= 0x80 ? uni_alnum(c) && !uni_decimal(c) : ((c | 32) >= 'a' && (c | 32) <= 'z'));
        if (!ok && i > 0)
            ok = c < 0x80 ? (c >= '0' && c <= '9') : uni_alnum(c);
        if (!ok)
            return false;
    }
    return true;
}

/* Tokenizer.getuntil: the name's start (an index into the pattern) and length */
static void getuntil(Parser *p, uint32_t terminator, const char *name, int64_t *at, int64_t *len)
{
    int64_t start = tok_tell(p), n = 0;
    for (;;) {
        int64_t c = p->next;
        tok_next(p);
        if (c < 0) {
            if (!n)
                tok_error(p, 0, "missing %s", name);
            tok_error(p, n, "missing %c, unterminated name", (char)terminator);
        }
        if (c == terminator) {
            if (!n)
                tok_error(p, 1, "missing %s", name);
            break;
        }
        n += TOKLEN(c);
    }
    *at = start;
    *len = n;
}

static void checkgroupname(Parser *p, int64_t at, int64_t len, int offset)
{
    if (!is_identifier(p->s + at, len)) {
        char r[160];
        repr_cps(r, sizeof r, p->s + at, len);
        tok_error(p, len + offset, "bad character in group name %s", r);
    }
}

static int64_t hexval(Parser *p, int64_t from, int64_t n)
{
    int64_t v = 0;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = p->s[from + i];
        v = v * 16 + (c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
    }
    return v;
}

/* getwhile(n, charset): how many characters were taken */
static int64_t getwhile(Parser *p, int n, const char *charset)
{
    int64_t k = 0;
    for (int i = 0; i < n; i++) {
        if (!in_str(p->next, charset))
            break;
        tok_next(p);
        k++;
    }
    return k;
}

/* \x, \u, \U and octal escapes shared by _escape and _class_escape: 1 with
 * *lit set if `esc` was one of them */
static bool hex_escape(Parser *p, int64_t esc, int64_t *lit)
{
    uint32_t c = TOKCH(esc);
    char t[16];
    int want = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (!want)
        return false;
    int64_t from = tok_tell(p);
    int64_t k = getwhile(p, want, HEXDIGITS);
    if (k != want) {
        gs_Buf b;
        gs_buf_init(&b);
        gs_buf_printf(&b, "\\%c", (char)c);
        for (int64_t i = 0; i < k; i++)
            utf8_put(&b, p->s[from + i]);
        snprintf(t, sizeof t, "%.*s", (int)b.len, b.data);
        gs_buf_free(&b);
        tok_error(p, 2 + k, "incomplete escape %s", t);
    }
    *lit = hexval(p, from, k);
    if (c == 'U' && *lit > 0x10FFFF) {
        gs_Buf b;
        gs_buf_init(&b);
        gs_buf_adds(&b, "\\U");
        for (int64_t i = 0; i < k; i++)
            utf8_put(&b, p->s[from + i]);
        snprintf(t, sizeof t, "%.*s", (int)b.len, b.data);
        gs_buf_free(&b);
        tok_error(p, 10, "bad escape %s", t);
    }
    return true;
}

static int64_t escape_literal(int64_t esc)
{
    switch (TOKCH(esc)) {
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    case '\\': return '\\';
    default: return -1;
    }
}

static int escape_category(int64_t esc)
{
    switch (TOKCH(esc)) {
    case 'd': return CAT_DIGIT;
    case 'D': return CAT_NOT_DIGIT;
    case 's': return CAT_SPACE;
    case 'S': return CAT_NOT_SPACE;
    case 'w': return CAT_WORD;
    case 'W': return CAT_NOT_WORD;
    default: return -1;
    }
}

/* _class_escape: a literal (>= 0) or a category (-1 - cat) */
static int64_t class_escape(Parser *p, int64_t esc)
{
    int64_t lit = escape_literal(esc);
    if (lit >= 0)
        return lit;
    int cat = escape_category(esc);
    if (cat >= 0)
        return -1 - cat;
    if (hex_escape(p, esc, &lit))
        return lit;
    uint32_t c = TOKCH(esc);
    char t[16];
    if (c == 'N') {
        tok_error(p, 2, "bad escape \\N"); /* named characters are not modelled */
    }
    if (c >= '0' && c <= '7') {
        int64_t from = tok_tell(p);
        int64_t k = getwhile(p, 2, OCTDIGITS);
        int64_t v = c - '0';
        for (int64_t i = 0; i < k; i++)
            v = v * 8 + (p->s[from + i] - '0');
        if (v > 0377) {
            tok_error(p, 2 + k, "octal escape value \\%c%c%c outside of range 0-0o377", (char)c, (char)p->s[from],
                      (char)p->s[from + 1]);
        }
        return v;
    }
    tok_text(esc, t, sizeof t);
    if (c >= '0' && c <= '9')
        tok_error(p, 2, "bad escape %s", t);
    if (c < 128 && in_str(c, ASCIILETTERS))
        tok_error(p, 2, "bad escape %s", t);
    return c;
}

/* _escape: a node for an escape outside a set */
static Node *escape(Parser *p, int64_t esc, int fl)
{
    uint32_t c = TOKCH(esc);
    Node *nd;
    int cat = escape_category(esc);
    if (cat >= 0) {
        nd = node_new(p, N_IN, fl);
        nd->v = set_new(p, false, fl & F_A);
        set_add(p, (int)nd->v, cat, 0, 0);
        return nd;
    }
    if (c == 'A' || c == 'b' || c == 'B' || c == 'Z') {
        nd = node_new(p, N_AT, fl);
        nd->v = c == 'A' ? AT_BEGINNING_STRING : c == 'b' ? AT_BOUNDARY : c == 'B' ? AT_NON_BOUNDARY : AT_END_STRING;
        return nd;
    }
    int64_t lit = escape_literal(esc);
    if (lit < 0 && !hex_escape(p, esc, &lit)) {
        char t[16];
        if (c == 'N')
            tok_error(p, 2, "bad escape \\N");
        if (c == '0') {
            int64_t from = tok_tell(p), k = getwhile(p, 2, OCTDIGITS);
            lit = 0;
            for (int64_t i = 0; i < k; i++)
                lit = lit * 8 + (p->s[from + i] - '0');
        } else if (c >= '1' && c <= '9') {
            int64_t len = 2;
            uint32_t d2 = 0;
            int64_t group = c - '0';
            if (in_str(p->next, DIGITS)) {
                d2 = TOKCH(tok_get(p));
                len = 3;
                group = group * 10 + (d2 - '0');
                if (c <= '7' && d2 <= '7' && in_str(p->next, OCTDIGITS)) {
                    uint32_t d3 = TOKCH(tok_get(p));
                    int64_t v = (c - '0') * 64 + (d2 - '0') * 8 + (d3 - '0');
                    if (v > 0377)
                        tok_error(p, 4, "octal escape value \\%c%c%c outside of range 0-0o377", (char)c, (char)d2,
                                  (char)d3);
                    nd = node_new(p, N_LIT, fl);
                    nd->v = v;
                    return nd;
                }
            }
            if (group < p->ngroups) {
                if (!checkgroup(p, group))
                    tok_error(p, len, "cannot refer to an open group");
                checklookbehindgroup(p, group);
                nd = node_new(p, N_REF, fl);
                nd->v = group;
                return nd;
            }
            tok_error(p, len - 1, "invalid group reference %lld", (long long)group);
        } else {
            tok_text(esc, t, sizeof t);
            if (c < 128 && in_str(c, ASCIILETTERS))
                tok_error(p, 2, "bad escape %s", t);
            lit = c;
        }
    }
    nd = node_new(p, N_LIT, fl);
    nd->v = lit;
    return nd;
}

static Node *parse_seq(Parser *p, bool verbose, int nested, bool first, int add, int del);

/* _parse_sub: an alternation a|b|c */
static Node *parse_sub(Parser *p, bool verbose, int nested, int add, int del)
{
    if (nested > MAX_NEST)
        p_fail(p, 4, -1, "maximum recursion depth exceeded");
    Node *alt = node_new(p, N_ALT, 0);
    for (;;) {
        node_add(p, alt, parse_seq(p, verbose, nested + 1, !nested && !alt->nkids, add, del));
        if (!tok_match(p, '|'))
            break;
        if (!nested)
            verbose = p->flags & F_X;
    }
    return alt->nkids == 1 ? alt->kids[0] : alt;
}

/* _parse_flags: 1 for global flags (state.flags changed), else 0 with
 * *add and *del */
static int parse_flags(Parser *p, int64_t ch, int *addp, int *delp)
{
    int add = 0, del = 0;
    static const char fchars[] = "iLmsxatu";
    static const int fvals[] = { F_I, F_L, F_M, F_S, F_X, F_A, F_TEMPLATE, F_U };
#define FLAGOF(c) (fvals[strchr(fchars, (int)(c)) - fchars])
#define ISFLAG(c) ((c) >= 0 && (c) < 128 && (c) != 0 && strchr(fchars, (int)(c)))
    if (ch != '-') {
        for (;;) {
            int flag = FLAGOF(ch);
            if (ch == 'L')
                tok_error(p, 0, "bad inline flags: cannot use 'L' flag with a str pattern");
            add |= flag;
            int type = F_A | F_L | F_U;
            if ((flag & type) && (add & type) != flag)
                tok_error(p, 0, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
            ch = tok_get(p);
            if (ch < 0)
                tok_error(p, 0, "missing -, : or )");
            if (ch == ')' || ch == '-' || ch == ':')
                break;
            if (!ISFLAG(ch)) {
                bool alpha = !(ch & ESC) && (ch < 128 ? in_str(ch, ASCIILETTERS) : uni_alnum(TOKCH(ch)));
                tok_error(p, TOKLEN(ch), alpha ? "unknown flag" : "missing -, : or )");
            }
        }
    }
    if (ch == ')') {
        p->flags |= add;
        return 1;
    }
    if (add & F_TEMPLATE)
        tok_error(p, 1, "bad inline flags: cannot turn on global flag");
    if (ch == '-') {
        ch = tok_get(p);
        if (ch < 0)
            tok_error(p, 0, "missing flag");
        if (!ISFLAG(ch)) {
            bool alpha = !(ch & ESC) && (ch < 128 ? in_str(ch, ASCIILETTERS) : uni_alnum(TOKCH(ch)));
            tok_error(p, TOKLEN(ch), alpha ? "unknown flag" : "missing flag");
        }
        for (;;) {
            int flag = FLAGOF(ch);
            if (flag & (F_A | F_L | F_U))
                tok_error(p, 0, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            del |= flag;
            ch = tok_get(p);
            if (ch < 0)
                tok_error(p, 0, "missing :");
            if (ch == ':')
                break;
            if (!ISFLAG(ch)) {
                bool alpha = !(ch & ESC) && (ch < 128 ? in_str(ch, ASCIILETTERS) : uni_alnum(TOKCH(ch)));
                tok_error(p, TOKLEN(ch), alpha ? "unknown flag" : "missing :");
            }
        }
    }
    if (del & F_TEMPLATE)
        tok_error(p, 1, "bad inline flags: cannot turn off global flag");
    if (add & del)
        tok_error(p, 1, "bad inline flags: flag turned on and off");
    *addp = add;
    *delp = del;
    return 0;
#undef FLAGOF
#undef ISFLAG
}

/* the set [...] after its '[' */
static Node *parse_set(Parser *p, int fl)
{
    int64_t here = tok_tell(p) - 1;
    if (p->next == '[')
        p_warn(p, "nested set", tok_tell(p));
    bool neg = tok_match(p, '^');
    int si = set_new(p, neg, fl & F_A);
    int nitems = 0;
    int64_t single = -1;
    for (;;) {
        int64_t this = tok_get(p), code1;
        if (this < 0)
            tok_error(p, tok_tell(p) - here, "unterminated character set");
        if (this == ']' && nitems)
            break;
        if (this & ESC)
            code1 = class_escape(p, this);
        else {
            if (nitems && in_str(this, "-&~|") && p->next == this)
                p_warn(p,
                       this == '-'   ? "set difference"
                       : this == '&' ? "set intersection"
                       : this == '~' ? "set symmetric difference"
                                     : "set union",
                       tok_tell(p) - 1);
            code1 = this;
        }
        if (tok_match(p, '-')) {
            int64_t that = tok_get(p), code2;
            if (that < 0)
                tok_error(p, tok_tell(p) - here, "unterminated character set");
            if (that == ']') {
                if (code1 >= 0)
                    set_add(p, si, -1, (uint32_t)code1, (uint32_t)code1);
                else
                    set_add(p, si, (int)(-1 - code1), 0, 0);
                set_add(p, si, -1, '-', '-');
                nitems += 2;
                break;
            }
            if (that == '-')
                p_warn(p, "set difference", tok_tell(p) - 2);
            code2 = (that & ESC) ? class_escape(p, that) : that;
            if (code1 < 0 || code2 < 0 || code2 < code1) {
                char a[16], b[16];
                tok_text(this, a, sizeof a);
                tok_text(that, b, sizeof b);
                tok_error(p, TOKLEN(this) + 1 + TOKLEN(that), "bad character range %s-%s", a, b);
            }
            set_add(p, si, -1, (uint32_t)code1, (uint32_t)code2);
            nitems++;
            single = -2;
        } else {
            if (code1 >= 0) {
                set_add(p, si, -1, (uint32_t)code1, (uint32_t)code1);
                single = nitems == 0 ? code1 : (single == code1 ? code1 : -2);
            } else {
                set_add(p, si, (int)(-1 - code1), 0, 0);
                single = -2;
            }
            nitems++;
        }
    }
    if (single >= 0) { /* one literal (maybe repeated): LITERAL or NOT_LITERAL */
        Node *nd = node_new(p, neg ? N_NLIT : N_LIT, fl);
        nd->v = single;
        return nd;
    }
    Node *nd = node_new(p, N_IN, fl);
    nd->v = si;
    return nd;
}

/* _parse: a sequence */
static Node *parse_seq(Parser *p, bool verbose, int nested, bool first, int add, int del)
{
    Node *seq = node_new(p, N_SEQ, 0);
    for (;;) {
        int64_t this = p->next;
        if (this < 0 || this == '|' || this == ')')
            break;
        tok_next(p);
        int fl = eff_flags(p, add, del);
        if (verbose) {
            if (in_str(this, WHITESPACE))
                continue;
            if (this == '#') {
                for (;;) {
                    this = tok_get(p);
                    if (this < 0 || this == '\n')
                        break;
                }
                continue;
            }
        }
        if (this & ESC) {
            node_add(p, seq, escape(p, this, fl));
        } else if (!in_str(this, SPECIAL_CHARS)) {
            Node *nd = node_new(p, N_LIT, fl);
            nd->v = this;
            node_add(p, seq, nd);
        } else if (this == '[') {
            node_add(p, seq, parse_set(p, fl));
        } else if (in_str(this, "*+?{")) {
            int64_t here = tok_tell(p), min, max;
            if (this == '?') {
                min = 0;
                max = 1;
            } else if (this == '*') {
                min = 0;
                max = MAXREPEAT;
            } else if (this == '+') {
                min = 1;
                max = MAXREPEAT;
            } else {
                if (p->next == '}') {
                    Node *nd = node_new(p, N_LIT, fl);
                    nd->v = '{';
                    node_add(p, seq, nd);
                    continue;
                }
                min = 0;
                max = MAXREPEAT;
                int64_t lo_at = tok_tell(p), lo_n = 0, hi_at = -1, hi_n = 0;
                while (in_str(p->next, DIGITS)) {
                    tok_next(p);
                    lo_n++;
                }
                if (tok_match(p, ',')) {
                    hi_at = tok_tell(p);
                    while (in_str(p->next, DIGITS)) {
                        tok_next(p);
                        hi_n++;
                    }
                } else {
                    hi_at = lo_at;
                    hi_n = lo_n;
                }
                if (!tok_match(p, '}')) {
                    Node *nd = node_new(p, N_LIT, fl);
                    nd->v = '{';
                    node_add(p, seq, nd);
                    tok_seek(p, here);
                    continue;
                }
                if (lo_n) {
                    min = 0;
                    for (int64_t i = 0; i < lo_n; i++) {
                        min = min * 10 + (p->s[lo_at + i] - '0');
                        if (min >= MAXREPEAT)
                            p_fail(p, 2, -1, "the repetition number is too large");
                    }
                }
                if (hi_n) {
                    max = 0;
                    for (int64_t i = 0; i < hi_n; i++) {
                        max = max * 10 + (p->s[hi_at + i] - '0');
                        if (max >= MAXREPEAT)
                            p_fail(p, 2, -1, "the repetition number is too large");
                    }
                    if (max < min)
                        tok_error(p, tok_tell(p) - here, "min repeat greater than max repeat");
                }
            }
            Node *item = seq->nkids ? seq->kids[seq->nkids - 1] : NULL;
            if (!item || item->kind == N_AT)
                tok_error(p, tok_tell(p) - here + 1, "nothing to repeat");
            if (item->kind == N_REPEAT)
                tok_error(p, tok_tell(p) - here + 1, "multiple repeat");
            if (item->kind == N_GROUP && item->v < 0 && !item->add && !item->del)
                item = item->kids[0];
            Node *r = node_new(p, N_REPEAT, fl);
            r->min = min;
            r->max = max;
            r->mode = tok_match(p, '?') ? R_MIN : tok_match(p, '+') ? R_POSSESSIVE : R_MAX;
            node_add(p, r, item);
            seq->kids[seq->nkids - 1] = r;
        } else if (this == '.') {
            node_add(p, seq, node_new(p, N_ANY, fl));
        } else if (this == '(') {
            int64_t start = tok_tell(p) - 1;
            bool capture = true, atomic = false;
            int64_t name_at = -1, name_len = 0;
            int gadd = 0, gdel = 0;
            if (tok_match(p, '?')) {
                int64_t ch = tok_get(p);
                if (ch < 0)
                    tok_error(p, 0, "unexpected end of pattern");
                if (ch == 'P') {
                    if (tok_match(p, '<')) {
                        getuntil(p, '>', "group name", &name_at, &name_len);
                        checkgroupname(p, name_at, name_len, 1);
                    } else if (tok_match(p, '=')) {
                        getuntil(p, ')', "group name", &name_at, &name_len);
                        checkgroupname(p, name_at, name_len, 1);
                        int64_t gid = group_named(p, p->s + name_at, name_len);
                        if (gid < 0) {
                            char r[160];
                            repr_cps(r, sizeof r, p->s + name_at, name_len);
                            tok_error(p, name_len + 1, "unknown group name %s", r);
                        }
                        if (!checkgroup(p, gid))
                            tok_error(p, name_len + 1, "cannot refer to an open group");
                        checklookbehindgroup(p, gid);
                        Node *nd = node_new(p, N_REF, fl);
                        nd->v = gid;
                        node_add(p, seq, nd);
                        continue;
                    } else {
                        ch = tok_get(p);
                        if (ch < 0)
                            tok_error(p, 0, "unexpected end of pattern");
                        char t[16];
                        tok_text(ch, t, sizeof t);
                        tok_error(p, TOKLEN(ch) + 2, "unknown extension ?P%s", t);
                    }
                } else if (ch == ':') {
                    capture = false;
                } else if (ch == '#') {
                    for (;;) {
                        if (p->next < 0)
                            tok_error(p, tok_tell(p) - start, "missing ), unterminated comment");
                        if (tok_get(p) == ')')
                            break;
                    }
                    continue;
                } else if (ch == '=' || ch == '!' || ch == '<') {
                    int dir = 1, saved_lbg = p->lookbehindgroups;
                    if (ch == '<') {
                        ch = tok_get(p);
                        if (ch < 0)
                            tok_error(p, 0, "unexpected end of pattern");
                        if (ch != '=' && ch != '!') {
                            char t[16];
                            tok_text(ch, t, sizeof t);
                            tok_error(p, TOKLEN(ch) + 2, "unknown extension ?<%s", t);
                        }
                        dir = -1;
                        if (saved_lbg < 0)
                            p->lookbehindgroups = p->ngroups;
                    }
                    Node *sub = parse_sub(p, verbose, nested + 1, add, del);
                    if (dir < 0 && saved_lbg < 0)
                        p->lookbehindgroups = -1;
                    if (!tok_match(p, ')'))
                        tok_error(p, tok_tell(p) - start, "missing ), unterminated subpattern");
                    Node *nd = node_new(p, N_ASSERT, fl);
                    nd->v = dir;
                    nd->min = ch == '!';
                    node_add(p, nd, sub);
                    node_add(p, seq, nd);
                    continue;
                } else if (ch == '(') {
                    int64_t cat, clen, condgroup;
                    getuntil(p, ')', "group name", &cat, &clen);
                    if (is_identifier(p->s + cat, clen)) {
                        condgroup = group_named(p, p->s + cat, clen);
                        if (condgroup < 0) {
                            char r[160];
                            repr_cps(r, sizeof r, p->s + cat, clen);
                            tok_error(p, clen + 1, "unknown group name %s", r);
                        }
                    } else {
                        bool digits = clen > 0 && clen < 12;
                        condgroup = 0;
                        for (int64_t i = 0; digits && i < clen; i++) {
                            uint32_t d = p->s[cat + i];
                            if (d < '0' || d > '9')
                                digits = false;
                            else
                                condgroup = condgroup * 10 + (d - '0');
                        }
                        if (!digits) {
                            char r[160];
                            repr_cps(r, sizeof r, p->s + cat, clen);
                            tok_error(p, clen + 1, "bad character in group name %s", r);
                        }
                        if (!condgroup)
                            tok_error(p, clen + 1, "bad group number");
                        if (condgroup >= MAXGROUPS)
                            tok_error(p, clen + 1, "invalid group reference %lld", (long long)condgroup);
                        bool seen = false;
                        for (int i = 0; i < p->nrefpos; i++)
                            seen = seen || p->refpos_g[i] == condgroup;
                        if (!seen) {
                            if (p->nrefpos == p->refcap) {
                                int cap = p->refcap ? p->refcap * 2 : 4;
                                int64_t *a = realloc(p->refpos_g, (size_t)cap * sizeof *a);
                                if (a)
                                    p->refpos_g = a;
                                int64_t *b = realloc(p->refpos_at, (size_t)cap * sizeof *b);
                                if (b)
                                    p->refpos_at = b;
                                if (!a || !b)
                                    p_fail(p, 3, -1, "out of memory");
                                p->refcap = cap;
                            }
                            p->refpos_g[p->nrefpos] = condgroup;
                            p->refpos_at[p->nrefpos++] = tok_tell(p) - clen - 1;
                        }
                    }
                    checklookbehindgroup(p, condgroup);
                    Node *yes = parse_seq(p, verbose, nested + 1, false, add, del), *no = NULL;
                    if (tok_match(p, '|')) {
                        no = parse_seq(p, verbose, nested + 1, false, add, del);
                        if (p->next == '|')
                            tok_error(p, 0, "conditional backref with more than two branches");
                    }
                    if (!tok_match(p, ')'))
                        tok_error(p, tok_tell(p) - start, "missing ), unterminated subpattern");
                    Node *nd = node_new(p, N_COND, fl);
                    nd->v = condgroup;
                    node_add(p, nd, yes);
                    node_add(p, nd, no);
                    node_add(p, seq, nd);
                    continue;
                } else if (ch == '>') {
                    capture = false;
                    atomic = true;
                } else if (ch >= 0 && (ch == '-' || (ch < 128 && strchr("iLmsxatu", (int)ch)))) {
                    if (parse_flags(p, ch, &gadd, &gdel)) {
                        if (!first || seq->nkids)
                            tok_error(p, tok_tell(p) - start, "global flags not at the start of the expression");
                        verbose = p->flags & F_X;
                        continue;
                    }
                    capture = false;
                } else {
                    char t[16];
                    tok_text(ch, t, sizeof t);
                    tok_error(p, TOKLEN(ch) + 1, "unknown extension ?%s", t);
                }
            }
            int group = capture ? opengroup(p, name_at, name_len) : -1;
            bool sub_verbose = (verbose || (gadd & F_X)) && !(gdel & F_X);
            int nadd = (add & ~gdel) | gadd, ndel = (del & ~gadd) | gdel;
            Node *sub = parse_sub(p, sub_verbose, nested + 1, nadd, ndel);
            if (!tok_match(p, ')'))
                tok_error(p, tok_tell(p) - start, "missing ), unterminated subpattern");
            if (group >= 0) {
                width(p, sub, &p->glo[group], &p->ghi[group]);
                p->gclosed[group] = true;
            }
            Node *nd = node_new(p, atomic ? N_ATOMIC : N_GROUP, fl);
            nd->v = group;
            nd->add = gadd;
            nd->del = gdel;
            node_add(p, nd, sub);
            node_add(p, seq, nd);
        } else if (this == '^' || this == '$') {
            Node *nd = node_new(p, N_AT, fl);
            nd->v = this == '^' ? AT_BEGINNING : AT_END;
            node_add(p, seq, nd);
        }
    }
    return seq;
}

/* ================================================================== the compiled program */

/* Instructions (int32 words).  The single-character tests are two words
 * each (op, argument), so OP_REP1 can carry one. */
enum {
    OP_LIT, OP_LIT_I, OP_LIT_IA, OP_NLIT, OP_NLIT_I, OP_NLIT_IA, OP_ANY, OP_ANYALL, OP_IN, OP_IN_I, /* op arg */
    OP_AT,       /* kind (AT_* with M, ASCII folded in: see at_ok) */
    OP_SAVE,     /* slot: a group's start (even) or end (odd) */
    OP_SPLIT,    /* target: try the next instruction, else the target */
    OP_JMP,      /* target */
    OP_REF,      /* group, icase (0, 1, 2 ascii) */
    OP_REP1,     /* min max mode, then one single-character test, then the rest */
    OP_RPT_INIT, /* r */
    OP_RPT,      /* r min max mode body exit */
    OP_ASSERT,   /* behind-width (-1 ahead) negative end; the sub-program ends with OP_SUCCEED */
    OP_ATOMIC,   /* end; likewise */
    OP_COND,     /* group no-target */
    OP_MATCH, OP_SUCCEED,
};
enum { ATK_BEGINNING, ATK_BEGINNING_LINE, ATK_BEGINNING_STRING, ATK_END, ATK_END_LINE, ATK_END_STRING,
       ATK_BOUNDARY, ATK_NON_BOUNDARY, ATK_UBOUNDARY, ATK_UNON_BOUNDARY };

typedef struct Prog {
    int32_t *code;
    int ncode, cap;
    CSet *sets;
    int nsets;
    int ngroups; /* capturing groups, not counting group 0 */
    int nrpt;    /* general repeats: each has two registers */
    int64_t first_lit; /* the literal every match starts with (case-sensitive), or -1 */
    bool oom;
} Prog;

static void prog_free(Prog *pr)
{
    if (!pr)
        return;
    for (int i = 0; i < pr->nsets; i++)
        free(pr->sets[i].items);
    free(pr->sets);
    free(pr->code);
    free(pr);
}

static int emit(Prog *pr, int32_t w)
{
    if (pr->ncode == pr->cap) {
        int cap = pr->cap ? pr->cap * 2 : 64;
        int32_t *c = realloc(pr->code, (size_t)cap * sizeof *c);
        if (!c) {
            pr->oom = true;
            return pr->ncode;
        }
        pr->code = c;
        pr->cap = cap;
    }
    pr->code[pr->ncode] = w;
    return pr->ncode++;
}

static int32_t rep_max(int64_t max) { return max >= MAXREPEAT ? -1 : (int32_t)(max > INT32_MAX ? INT32_MAX : max); }

/* a one-character test (_simple's _UNIT_CODES), groups without captures unwrapped */
static Node *unit_of(Node *nd)
{
    for (;;) {
        if (nd->kind == N_SEQ && nd->nkids == 1)
            nd = nd->kids[0];
        else if (nd->kind == N_GROUP && nd->v < 0)
            nd = nd->kids[0];
        else
            break;
    }
    return (nd->kind == N_LIT || nd->kind == N_NLIT || nd->kind == N_ANY || nd->kind == N_IN) ? nd : NULL;
}

static void emit_unit(Prog *pr, Node *nd)
{
    bool ic = nd->fl & F_I, ascii = nd->fl & F_A;
    switch (nd->kind) {
    case N_LIT:
        emit(pr, ic ? (ascii ? OP_LIT_IA : OP_LIT_I) : OP_LIT);
        emit(pr, (int32_t)nd->v);
        break;
    case N_NLIT:
        emit(pr, ic ? (ascii ? OP_NLIT_IA : OP_NLIT_I) : OP_NLIT);
        emit(pr, (int32_t)nd->v);
        break;
    case N_ANY:
        emit(pr, (nd->fl & F_S) ? OP_ANYALL : OP_ANY);
        emit(pr, 0);
        break;
    default:
        emit(pr, ic ? OP_IN_I : OP_IN);
        emit(pr, (int32_t)nd->v);
        break;
    }
}

/* the program of a node; 0, or -1 with p->msg set (a look-behind's width) */
static int compile_node(Parser *p, Prog *pr, Node *nd)
{
    int at, j, r;
    int64_t lo, hi;
    switch (nd->kind) {
    case N_LIT: case N_NLIT: case N_ANY: case N_IN:
        emit_unit(pr, nd);
        return 0;
    case N_SEQ:
        for (int k = 0; k < nd->nkids; k++)
            if (compile_node(p, pr, nd->kids[k]) < 0)
                return -1;
        return 0;
    case N_ALT: {
        int *jumps = p_alloc(p, (size_t)nd->nkids * sizeof *jumps);
        for (int k = 0; k < nd->nkids; k++) {
            int split = -1;
            if (k + 1 < nd->nkids) {
                emit(pr, OP_SPLIT);
                split = emit(pr, 0);
            }
            if (compile_node(p, pr, nd->kids[k]) < 0)
                return -1;
            if (k + 1 < nd->nkids) {
                emit(pr, OP_JMP);
                jumps[k] = emit(pr, 0);
                if (!pr->oom)
                    pr->code[split] = pr->ncode;
            }
        }
        for (int k = 0; k + 1 < nd->nkids && !pr->oom; k++)
            pr->code[jumps[k]] = pr->ncode;
        return 0;
    }
    case N_GROUP:
        if (nd->v >= 0) {
            emit(pr, OP_SAVE);
            emit(pr, (int32_t)(2 * nd->v));
        }
        if (compile_node(p, pr, nd->kids[0]) < 0)
            return -1;
        if (nd->v >= 0) {
            emit(pr, OP_SAVE);
            emit(pr, (int32_t)(2 * nd->v + 1));
        }
        return 0;
    case N_AT: {
        bool m = nd->fl & F_M, ascii = nd->fl & F_A;
        int k;
        switch (nd->v) {
        case AT_BEGINNING: k = m ? ATK_BEGINNING_LINE : ATK_BEGINNING; break;
        case AT_BEGINNING_STRING: k = ATK_BEGINNING_STRING; break;
        case AT_END: k = m ? ATK_END_LINE : ATK_END; break;
        case AT_END_STRING: k = ATK_END_STRING; break;
        case AT_BOUNDARY: k = ascii ? ATK_BOUNDARY : ATK_UBOUNDARY; break;
        default: k = ascii ? ATK_NON_BOUNDARY : ATK_UNON_BOUNDARY; break;
        }
        emit(pr, OP_AT);
        emit(pr, k);
        return 0;
    }
    case N_REF:
        emit(pr, OP_REF);
        emit(pr, (int32_t)nd->v);
        emit(pr, (nd->fl & F_I) ? ((nd->fl & F_A) ? 2 : 1) : 0);
        return 0;
    case N_REPEAT: {
        Node *item = nd->kids[0];
        if (nd->mode == R_POSSESSIVE) { /* an atomic group of the greedy repeat */
            emit(pr, OP_ATOMIC);
            at = emit(pr, 0);
            nd->mode = R_MAX;
            r = compile_node(p, pr, nd);
            nd->mode = R_POSSESSIVE;
            if (r < 0)
                return -1;
            emit(pr, OP_SUCCEED);
            if (!pr->oom)
                pr->code[at] = pr->ncode;
            return 0;
        }
        Node *unit = unit_of(item);
        if (unit) {
            emit(pr, OP_REP1);
            emit(pr, (int32_t)nd->min);
            emit(pr, rep_max(nd->max));
            emit(pr, nd->mode);
            emit_unit(pr, unit);
            return 0;
        }
        if (nd->max == 0 && nd->min == 0)
            return 0;
        if (nd->min == 1 && nd->max == 1)
            return compile_node(p, pr, item);
        int rr = pr->nrpt++;
        emit(pr, OP_RPT_INIT);
        emit(pr, rr);
        at = emit(pr, OP_RPT);
        emit(pr, rr);
        emit(pr, (int32_t)(nd->min > INT32_MAX ? INT32_MAX : nd->min));
        emit(pr, rep_max(nd->max));
        emit(pr, nd->mode);
        int body = emit(pr, 0);
        int exitw = emit(pr, 0);
        if (!pr->oom)
            pr->code[body] = pr->ncode;
        if (compile_node(p, pr, item) < 0)
            return -1;
        emit(pr, OP_JMP);
        emit(pr, at);
        if (!pr->oom)
            pr->code[exitw] = pr->ncode;
        return 0;
    }
    case N_ASSERT: {
        int32_t w = -1;
        if (nd->v < 0) {
            width(p, nd->kids[0], &lo, &hi);
            if (lo != hi) {
                snprintf(p->msg, sizeof p->msg, "look-behind requires fixed-width pattern");
                p->errpos = -1;
                return -1;
            }
            w = (int32_t)(lo > INT32_MAX ? INT32_MAX : lo);
        }
        emit(pr, OP_ASSERT);
        emit(pr, w);
        emit(pr, (int32_t)nd->min);
        at = emit(pr, 0);
        if (compile_node(p, pr, nd->kids[0]) < 0)
            return -1;
        emit(pr, OP_SUCCEED);
        if (!pr->oom)
            pr->code[at] = pr->ncode;
        return 0;
    }
    case N_ATOMIC:
        emit(pr, OP_ATOMIC);
        at = emit(pr, 0);
        if (compile_node(p, pr, nd->kids[0]) < 0)
            return -1;
        emit(pr, OP_SUCCEED);
        if (!pr->oom)
            pr->code[at] = pr->ncode;
        return 0;
    case N_COND:
        emit(pr, OP_COND);
        emit(pr, (int32_t)nd->v);
        at = emit(pr, 0);
        if (compile_node(p, pr, nd->kids[0]) < 0)
            return -1;
        emit(pr, OP_JMP);
        j = emit(pr, 0);
        if (!pr->oom)
            pr->code[at] = pr->ncode;
        if (nd->kids[1] && compile_node(p, pr, nd->kids[1]) < 0)
            return -1;
        if (!pr->oom)
            pr->code[j] = pr->ncode;
        return 0;
    }
    return 0;
}

/* ================================================================== the matcher (_sre's SRE(match)) */

/* The subject: its code points (ASCII text read in place), and for
 * non-ASCII text where each code point starts in the UTF-8. */
typedef struct Subject {
    gs_Object *str;
    const unsigned char *s8;
    uint32_t *s32;
    int32_t *boff;
    int64_t n;
} Subject;

#define CH(sub, i) ((sub)->s8 ? (uint32_t)(sub)->s8[i] : (sub)->s32[i])

static void subject_free(Subject *s)
{
    free(s->s32);
    free(s->boff);
    s->s32 = NULL;
    s->boff = NULL;
}

static int subject_init(gs_VM *vm, Subject *s, gs_Object *o)
{
    memset(s, 0, sizeof *s);
    if (GS_KIND(o) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "expected string or bytes-like object, got '%s'", gs_type_name(o));
        return -1;
    }
    gs_Str *str = (gs_Str *)o;
    s->str = o;
    s->n = str->nchars;
    if (str->nchars == str->len) {
        s->s8 = (const unsigned char *)str->data;
        return 0;
    }
    s->s32 = malloc(((size_t)str->nchars + 1) * sizeof *s->s32);
    s->boff = malloc(((size_t)str->nchars + 1) * sizeof *s->boff);
    if (!s->s32 || !s->boff) {
        subject_free(s);
        gs_raise_memory(vm);
        return -1;
    }
    size_t i = 0, adv;
    for (int64_t k = 0; k < s->n; k++) {
        s->boff[k] = (int32_t)i;
        s->s32[k] = gs_utf8_decode((const unsigned char *)str->data + i, (size_t)str->len - i, &adv);
        i += adv;
    }
    s->boff[s->n] = str->len;
    return 0;
}

static int64_t byte_at(const Subject *s, int64_t i) { return s->boff ? s->boff[i] : i; }

/* string[i:j] as CPython's getslice: the string itself when it is all of it */
static gs_Object *substr(gs_VM *vm, const Subject *s, int64_t i, int64_t j)
{
    if (i == 0 && j == s->n && s->str->type == vm->t_str)
        return gs_newref(vm, s->str);
    if (j < i)
        j = i;
    int64_t a = byte_at(s, i), b = byte_at(s, j);
    return gs_str_new(vm, ((gs_Str *)s->str)->data + a, (size_t)(b - a));
}

enum { BT_RESTORE, BT_BRANCH, BT_REP1G, BT_REP1L, BT_RPTL };

typedef struct Bt {
    int32_t kind, pc;
    int64_t pos, a, b;
} Bt;

typedef struct Matcher {
    gs_VM *vm;
    const Prog *pr;
    const Subject *sub;
    int64_t end;       /* endpos */
    int64_t *regs;     /* group slots, lastindex, then each repeat's count and last position */
    int nregs, r_last, r_rpt;
    Bt *stack;
    size_t sp, cap;
    uint64_t steps;
    bool match_all, must_advance;
    int64_t attempt; /* where this attempt started */
} Matcher;

#define REG_CNT(m, r) ((m)->r_rpt + 2 * (r))
#define REG_LAST(m, r) ((m)->r_rpt + 2 * (r) + 1)

static int bt_push(Matcher *m, int kind, int pc, int64_t pos, int64_t a, int64_t b)
{
    if (m->sp == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 256;
        if (cap > ((size_t)1 << 26)) { /* 2 GiB of choice points: _sre's SRE_ERROR_MEMORY */
            gs_raise_memory(m->vm);
            return -1;
        }
        Bt *s = realloc(m->stack, cap * sizeof *s);
        if (!s) {
            gs_raise_memory(m->vm);
            return -1;
        }
        m->stack = s;
        m->cap = cap;
    }
    m->stack[m->sp++] = (Bt){ kind, pc, pos, a, b };
    return 0;
}

static int setreg(Matcher *m, int i, int64_t v)
{
    if (m->regs[i] == v)
        return 0;
    if (bt_push(m, BT_RESTORE, 0, m->regs[i], i, 0) < 0)
        return -1;
    m->regs[i] = v;
    return 0;
}

/* a look-around or atomic group succeeded: its choice points go, what it
 * changed stays (undone if the match backtracks past it) */
static void keep_restores(Matcher *m, size_t base)
{
    size_t j = base;
    for (size_t i = base; i < m->sp; i++)
        if (m->stack[i].kind == BT_RESTORE)
            m->stack[j++] = m->stack[i];
    m->sp = j;
}

static void unwind_to(Matcher *m, size_t base)
{
    while (m->sp > base) {
        Bt *e = &m->stack[--m->sp];
        if (e->kind == BT_RESTORE)
            m->regs[e->a] = e->pos;
    }
}

static inline bool unit_ok(const Matcher *m, const int32_t *ip, uint32_t c)
{
    switch (ip[0]) {
    case OP_LIT: return c == (uint32_t)ip[1];
    case OP_LIT_I: return same_ignoring_case(c, (uint32_t)ip[1], false);
    case OP_LIT_IA: return same_ignoring_case(c, (uint32_t)ip[1], true);
    case OP_NLIT: return c != (uint32_t)ip[1];
    case OP_NLIT_I: return !same_ignoring_case(c, (uint32_t)ip[1], false);
    case OP_NLIT_IA: return !same_ignoring_case(c, (uint32_t)ip[1], true);
    case OP_ANY: return c != '\n';
    case OP_ANYALL: return true;
    case OP_IN: return set_match(&m->pr->sets[ip[1]], c, false);
    default: return set_match(&m->pr->sets[ip[1]], c, true);
    }
}

static bool at_ok(const Matcher *m, int kind, int64_t pos)
{
    const Subject *s = m->sub;
    int64_t end = m->end;
    bool a, b;
    switch (kind) {
    case ATK_BEGINNING: case ATK_BEGINNING_STRING: return pos == 0;
    case ATK_BEGINNING_LINE: return pos == 0 || CH(s, pos - 1) == '\n';
    case ATK_END: return pos == end || (pos + 1 == end && CH(s, pos) == '\n');
    case ATK_END_LINE: return pos == end || CH(s, pos) == '\n';
    case ATK_END_STRING: return pos == end;
    default: {
        if (end == 0)
            return false;
        bool ascii = kind == ATK_BOUNDARY || kind == ATK_NON_BOUNDARY;
        a = pos > 0 && is_word(CH(s, pos - 1), ascii);
        b = pos < end && is_word(CH(s, pos), ascii);
        return (kind == ATK_BOUNDARY || kind == ATK_UBOUNDARY) ? a != b : a == b;
    }
    }
}

/* A run too long for anyone to step through counts toward the event limit. */
static int tick(Matcher *m)
{
    gs_VM *vm = m->vm;
    vm->events++;
    if (vm->limit_hit || (vm->cfg.max_events && vm->events > vm->cfg.max_events)) {
        vm->limit_hit = true;
        gs_raise(vm, vm->e_MemoryError, "event limit reached");
        return -1;
    }
    return 0;
}

static int group_set(const Matcher *m, int g) { return m->regs[2 * g] >= 0 && m->regs[2 * g + 1] >= m->regs[2 * g]; }

/* Run the program from pc at pos: 1 matched (*out the end), 0 no match
 * (the stack back where it was), -1 error. */
static int run(Matcher *m, int pc, int64_t pos, int64_t *out, int depth)
{
    const int32_t *code = m->pr->code;
    const Subject *s = m->sub;
    size_t base = m->sp;
    int64_t end = m->end;
    for (;;) {
        if ((++m->steps & 0xFFF) == 0 && tick(m) < 0)
            return -1;
        const int32_t *ip = code + pc;
        switch (ip[0]) {
        case OP_LIT: case OP_LIT_I: case OP_LIT_IA: case OP_NLIT: case OP_NLIT_I: case OP_NLIT_IA: case OP_ANY:
        case OP_ANYALL: case OP_IN: case OP_IN_I:
            if (pos >= end || !unit_ok(m, ip, CH(s, pos)))
                goto fail;
            pos++;
            pc += 2;
            continue;
        case OP_AT:
            if (!at_ok(m, ip[1], pos))
                goto fail;
            pc += 2;
            continue;
        case OP_SAVE:
            if (setreg(m, ip[1], pos) < 0)
                return -1;
            if ((ip[1] & 1) && setreg(m, m->r_last, ip[1] / 2) < 0)
                return -1;
            pc += 2;
            continue;
        case OP_SPLIT:
            if (bt_push(m, BT_BRANCH, ip[1], pos, 0, 0) < 0)
                return -1;
            pc += 2;
            continue;
        case OP_JMP:
            pc = ip[1];
            continue;
        case OP_REF: {
            int g = ip[1];
            if (!group_set(m, g))
                goto fail;
            int64_t a = m->regs[2 * g], b = m->regs[2 * g + 1];
            if (pos + (b - a) > end)
                goto fail;
            for (int64_t k = 0; k < b - a; k++) {
                uint32_t x = CH(s, a + k), y = CH(s, pos + k);
                if (ip[2] ? !same_ignoring_case(x, y, ip[2] == 2) : x != y)
                    goto fail;
            }
            pos += b - a;
            pc += 3;
            continue;
        }
        case OP_REP1: {
            int64_t min = ip[1], max = ip[2], q = pos;
            const int32_t *unit = ip + 4;
            int cont = pc + 6;
            if (ip[3] == R_MAX) {
                int64_t lim = max < 0 || end - pos < max ? end : pos + max;
                while (q < lim && unit_ok(m, unit, CH(s, q)))
                    q++;
                m->steps += (uint64_t)(q - pos);
                if (q - pos < min)
                    goto fail;
                if (q - pos > min && bt_push(m, BT_REP1G, cont, q, pos + min, 0) < 0)
                    return -1;
                pos = q;
            } else {
                if (end - pos < min)
                    goto fail;
                for (int64_t k = 0; k < min; k++)
                    if (!unit_ok(m, unit, CH(s, pos + k)))
                        goto fail;
                pos += min;
                if ((max < 0 || min < max) && bt_push(m, BT_REP1L, pc, pos, min, 0) < 0)
                    return -1;
            }
            pc = cont;
            continue;
        }
        case OP_RPT_INIT:
            if (setreg(m, REG_CNT(m, ip[1]), 0) < 0 || setreg(m, REG_LAST(m, ip[1]), -1) < 0)
                return -1;
            pc += 2;
            continue;
        case OP_RPT: {
            int r = ip[1];
            int64_t n = m->regs[REG_CNT(m, r)], max = ip[3];
            if (n < ip[2]) {
                if (setreg(m, REG_CNT(m, r), n + 1) < 0)
                    return -1;
                pc = ip[5];
                continue;
            }
            if (ip[4] == R_MAX) {
                if ((max < 0 || n < max) && pos != m->regs[REG_LAST(m, r)]) {
                    if (bt_push(m, BT_BRANCH, ip[6], pos, 0, 0) < 0 || setreg(m, REG_LAST(m, r), pos) < 0 ||
                        setreg(m, REG_CNT(m, r), n + 1) < 0)
                        return -1;
                    pc = ip[5];
                } else
                    pc = ip[6];
            } else {
                if (bt_push(m, BT_RPTL, pc, pos, 0, 0) < 0)
                    return -1;
                pc = ip[6];
            }
            continue;
        }
        case OP_ASSERT: {
            int64_t start = pos, dummy;
            if (ip[1] >= 0) {
                if (pos < ip[1]) {
                    if (ip[2]) {
                        pc = ip[3];
                        continue;
                    }
                    goto fail;
                }
                start = pos - ip[1];
            }
            size_t b0 = m->sp;
            int r = run(m, pc + 4, start, &dummy, depth + 1);
            if (r < 0)
                return -1;
            if (!ip[2]) {
                if (!r)
                    goto fail;
                keep_restores(m, b0);
            } else if (r) {
                unwind_to(m, b0);
                goto fail;
            }
            pc = ip[3];
            continue;
        }
        case OP_ATOMIC: {
            size_t b0 = m->sp;
            int64_t np;
            int r = run(m, pc + 2, pos, &np, depth + 1);
            if (r < 0)
                return -1;
            if (!r)
                goto fail;
            keep_restores(m, b0);
            pos = np;
            pc = ip[1];
            continue;
        }
        case OP_COND:
            pc = group_set(m, ip[1]) ? pc + 3 : ip[2];
            continue;
        case OP_MATCH:
            if ((m->match_all && pos != end) || (m->must_advance && pos == m->attempt))
                goto fail;
            *out = pos;
            return 1;
        case OP_SUCCEED:
            *out = pos;
            return 1;
        }
    fail:
        for (;;) {
            if (m->sp == base)
                return 0;
            Bt *e = &m->stack[m->sp - 1];
            if (e->kind == BT_RESTORE) {
                m->regs[e->a] = e->pos;
                m->sp--;
                continue;
            }
            if (e->kind == BT_BRANCH) {
                pc = e->pc;
                pos = e->pos;
                m->sp--;
                break;
            }
            if (e->kind == BT_REP1G) {
                int64_t q = e->pos - 1;
                if (code[e->pc] == OP_LIT) { /* the next literal must follow */
                    uint32_t lit = (uint32_t)code[e->pc + 1];
                    while (q >= e->a && (q >= end || CH(s, q) != lit))
                        q--;
                }
                if (q < e->a) {
                    m->sp--;
                    continue;
                }
                e->pos = q;
                pc = e->pc;
                pos = q;
                if (q == e->a)
                    m->sp--;
                break;
            }
            if (e->kind == BT_REP1L) {
                const int32_t *rp = code + e->pc;
                int64_t max = rp[2];
                if ((max >= 0 && e->a >= max) || e->pos >= end || !unit_ok(m, rp + 4, CH(s, e->pos))) {
                    m->sp--;
                    continue;
                }
                e->pos++;
                e->a++;
                pos = e->pos;
                pc = e->pc + 6;
                break;
            }
            /* BT_RPTL: the tail failed, try one more iteration */
            {
                int epc = e->pc;
                int64_t epos = e->pos;
                m->sp--;
                const int32_t *rp = code + epc;
                int r = rp[1];
                int64_t n = m->regs[REG_CNT(m, r)], max = rp[3];
                if ((max >= 0 && n >= max) || epos == m->regs[REG_LAST(m, r)])
                    continue;
                if (setreg(m, REG_LAST(m, r), epos) < 0 || setreg(m, REG_CNT(m, r), n + 1) < 0)
                    return -1;
                pc = rp[5];
                pos = epos;
                break;
            }
        }
    }
}

/* One attempt at `at`: 1 with the registers holding the groups, 0, -1. */
static int attempt(Matcher *m, int64_t at)
{
    for (int i = 0; i < m->nregs; i++)
        m->regs[i] = -1;
    m->sp = 0;
    m->attempt = at;
    int64_t e;
    int r = run(m, 0, at, &e, 0);
    if (r == 1) {
        m->regs[0] = at;
        m->regs[1] = e;
    }
    return r;
}

static int matcher_init(gs_VM *vm, Matcher *m, const Prog *pr, const Subject *s, int64_t end)
{
    memset(m, 0, sizeof *m);
    m->vm = vm;
    m->pr = pr;
    m->sub = s;
    m->end = end;
    m->r_last = 2 * (pr->ngroups + 1);
    m->r_rpt = m->r_last + 1;
    m->nregs = m->r_rpt + 2 * pr->nrpt;
    m->regs = malloc((size_t)m->nregs * sizeof *m->regs);
    if (!m->regs) {
        gs_raise_memory(vm);
        return -1;
    }
    return 0;
}

static void matcher_free(Matcher *m)
{
    free(m->regs);
    free(m->stack);
}

/* search (or match, when `anchored`) from pos: 1 found, 0, -1 */
static int do_search(Matcher *m, int64_t pos, bool anchored)
{
    if (pos > m->end)
        return 0;
    if (anchored)
        return attempt(m, pos);
    for (int64_t at = pos; at <= m->end; at++) {
        if (m->pr->first_lit >= 0) {
            uint32_t lit = (uint32_t)m->pr->first_lit;
            while (at < m->end && CH(m->sub, at) != lit)
                at++;
            if (at >= m->end)
                break;
        }
        if (at != pos)
            m->must_advance = false;
        int r = attempt(m, at);
        if (r != 0)
            return r;
        if ((++m->steps & 0xFFF) == 0 && tick(m) < 0)
            return -1;
    }
    return 0;
}

/* ================================================================== compiling a pattern */

static ReState *state_of(gs_VM *vm) { return vm->modstate[GS_MS_RE]; }

/* error.__init__(self, msg, pattern=None, pos=None): the attributes, and
 * the message with the position */
static int error_attrs(gs_VM *vm, gs_Object *e, gs_Object *msg, gs_Object *pattern, gs_Object *pos, gs_Object *lineno,
                       gs_Object *colno)
{
    return gs_setattr(vm, e, gs_name(vm, "msg"), msg) < 0 || gs_setattr(vm, e, gs_name(vm, "pattern"), pattern) < 0 ||
                   gs_setattr(vm, e, gs_name(vm, "pos"), pos) < 0 ||
                   gs_setattr(vm, e, gs_name(vm, "lineno"), lineno) < 0 ||
                   gs_setattr(vm, e, gs_name(vm, "colno"), colno) < 0
               ? -1
               : 0;
}

static void line_col(gs_Str *ps, int64_t pos, int64_t *lineno, int64_t *colno, bool *multiline)
{
    const char *d = ps->data;
    int64_t last_nl = -1, k = 0;
    *lineno = 1;
    for (int32_t i = 0; i < ps->len && k < pos; i++) {
        if (((unsigned char)d[i] & 0xC0) == 0x80)
            continue;
        if (d[i] == '\n') {
            (*lineno)++;
            last_nl = k;
        }
        k++;
    }
    *colno = pos - last_nl;
    *multiline = memchr(d, '\n', (size_t)ps->len) != NULL;
}

static gs_Object *error_init(GS_ARGS)
{
    static const char *const names[] = { "msg", "pattern", "pos" };
    static const gs_PySig sig = { "error.__init__", names, 3, 1, 0, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *pattern = a[1] ? a[1] : vm->none, *pos = a[2] ? a[2] : vm->none;
    gs_Object *text = gs_newref(vm, a[0]), *l = GS_NONE(vm), *c = GS_NONE(vm);
    int64_t p;
    if (pattern != vm->none && pos != vm->none) {
        if (GS_KIND(pattern) != GS_K_STR || GS_KIND(a[0]) != GS_K_STR || gs_index_arg(vm, pos, &p) < 0) {
            if (!vm->exc)
                gs_raise(vm, vm->e_TypeError, "re.error of a %s is not modelled by gcscope", gs_type_name(pattern));
            gs_decref(vm, text);
            return NULL;
        }
        int64_t lineno, colno;
        bool multi;
        line_col((gs_Str *)pattern, p, &lineno, &colno, &multi);
        gs_decref(vm, text);
        text = multi ? gs_str_printf(vm, "%s at position %lld (line %lld, column %lld)", ((gs_Str *)a[0])->data,
                                     (long long)p, (long long)lineno, (long long)colno)
                     : gs_str_printf(vm, "%s at position %lld", ((gs_Str *)a[0])->data, (long long)p);
        gs_decref(vm, l);
        gs_decref(vm, c);
        l = gs_int_new(vm, lineno);
        c = gs_int_new(vm, colno);
    }
    gs_Object *targs = text ? gs_tuple_pack(vm, 1, text) : NULL;
    int r = targs && l && c ? error_attrs(vm, self, a[0], pattern, pos, l, c) : -1;
    if (r == 0 && GS_KIND(self) == GS_K_EXCEPTION) /* super().__init__(msg): the args field (traverse's 10) */
        gs_native_set(vm, self, (gs_Object **)&((gs_Exception *)self)->args, 10, targs);
    gs_xdecref(vm, targs);
    gs_xdecref(vm, text);
    gs_xdecref(vm, l);
    gs_xdecref(vm, c);
    return r < 0 ? NULL : GS_NONE(vm);
}

/* raise re.error(msg, pattern, pos) (pattern NULL: error(msg)) */
static void raise_error(gs_VM *vm, const char *msg, gs_Object *pattern, int64_t pos)
{
    ReState *st = state_of(vm);
    gs_Object *args[3] = { gs_str_from_cstr(vm, msg), pattern, NULL };
    int n = pattern && pos >= 0 ? 3 : 1;
    if (n == 3)
        args[2] = gs_int_new(vm, pos);
    gs_Object *e = args[0] && (n == 1 || args[2]) ? gs_call(vm, &st->e_error->ob, args, n, NULL) : NULL;
    gs_xdecref(vm, args[0]);
    if (n == 3)
        gs_xdecref(vm, args[2]);
    if (e)
        gs_raise_obj(vm, e);
}

/* warnings.warn(text, FutureWarning) pointing at the line that called re */
static void warn_future(gs_VM *vm, const char *text) { gs_warn(vm, "FutureWarning", text); }

/* the code points of a str (malloc'd) */
static uint32_t *code_points(gs_VM *vm, gs_Str *s)
{
    uint32_t *cp = malloc(((size_t)s->nchars + 1) * sizeof *cp);
    if (!cp) {
        gs_raise_memory(vm);
        return NULL;
    }
    size_t i = 0, adv;
    for (int32_t k = 0; k < s->nchars; k++) {
        cp[k] = gs_utf8_decode((const unsigned char *)s->data + i, (size_t)s->len - i, &adv);
        i += adv;
    }
    return cp;
}

static void parser_start(Parser *p, const uint32_t *s, int64_t n, int flags)
{
    memset(p, 0, sizeof *p);
    p->s = s;
    p->n = n;
    p->flags = flags;
    p->lookbehindgroups = -1;
    p->errpos = -1;
}

/* parse and compile: 0, or -1 with p->msg (the parser's setjmp lives here) */
static int parse_and_compile(Parser *p, Prog *pr)
{
    if (setjmp(p->fail))
        return -1;
    opengroup(p, -1, 0); /* group 0 */
    tok_next(p);
    Node *root = parse_sub(p, p->flags & F_X, 0, 0, 0);
    if (p->flags & F_L)
        p_fail(p, 1, -1, "cannot use LOCALE flag with a str pattern");
    if (!(p->flags & F_A))
        p->flags |= F_U;
    else if (p->flags & F_U)
        p_fail(p, 1, -1, "ASCII and UNICODE flags are incompatible");
    if (p->next >= 0)
        tok_error(p, 0, "unbalanced parenthesis");
    for (int i = 0; i < p->nrefpos; i++)
        if (p->refpos_g[i] >= p->ngroups)
            p_fail(p, 0, p->refpos_at[i], "invalid group reference %lld", (long long)p->refpos_g[i]);
    pr->ngroups = p->ngroups - 1;
    if (compile_node(p, pr, root) < 0) {
        p->errkind = 0;
        return -1;
    }
    emit(pr, OP_MATCH);
    if (pr->oom)
        p_fail(p, 3, -1, "out of memory");
    /* the literal a match must start with, for search to skip to */
    pr->first_lit = -1;
    int pc = 0;
    while (pc < pr->ncode && pr->code[pc] == OP_SAVE)
        pc += 2;
    if (pc < pr->ncode && pr->code[pc] == OP_LIT)
        pr->first_lit = pr->code[pc + 1];
    return 0;
}

typedef struct PatternObj {
    gs_Instance inst;
    gs_Object *groupindex; /* dict: name -> group */
    gs_Object *indexgroup; /* tuple: None or the name of each group, 0 first */
    gs_Object *pattern;    /* the str */
    Prog *prog;
    int64_t flags;
    int groups;
    bool holds_type; /* re.Pattern is a heap type in 3.11: its objects hold it */
} PatternObj;

enum { PAT_GROUPINDEX = GS_NATIVE_FIELD, PAT_INDEXGROUP, PAT_PATTERN };

static int pattern_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    PatternObj *p = (PatternObj *)o;
    int r = 0;
    if (p->holds_type)
        r = fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg);
    if (!r && p->groupindex)
        r = fn(vm, o, p->groupindex, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, PAT_GROUPINDEX), arg);
    if (!r && p->indexgroup)
        r = fn(vm, o, p->indexgroup, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, PAT_INDEXGROUP), arg);
    if (!r && p->pattern)
        r = fn(vm, o, p->pattern, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, PAT_PATTERN), arg);
    return r;
}

static void pattern_clear(gs_VM *vm, gs_Object *o)
{
    PatternObj *p = (PatternObj *)o;
    gs_native_set(vm, o, &p->groupindex, PAT_GROUPINDEX, NULL);
    gs_native_set(vm, o, &p->indexgroup, PAT_INDEXGROUP, NULL);
    gs_native_set(vm, o, &p->pattern, PAT_PATTERN, NULL);
    gs_release_own_type(vm, o, &p->holds_type);
}

static void pattern_free(gs_Object *o)
{
    PatternObj *p = (PatternObj *)o;
    prog_free(p->prog);
    p->prog = NULL;
}

static const gs_NativeOps pattern_ops = {
    .gc = true, .size = sizeof(PatternObj), .traverse = pattern_traverse, .clear = pattern_clear, .free = pattern_free
};

/* _compiler.compile(pattern, flags): a new re.Pattern */
static gs_Object *pattern_compile(gs_VM *vm, gs_Object *pstr, int64_t flags)
{
    gs_Str *ps = (gs_Str *)pstr;
    uint32_t *cp = code_points(vm, ps);
    if (!cp)
        return NULL;
    Parser p;
    parser_start(&p, cp, ps->nchars, (int)flags);
    Prog *pr = calloc(1, sizeof *pr);
    if (!pr) {
        free(cp);
        gs_raise_memory(vm);
        return NULL;
    }
    int r = parse_and_compile(&p, pr);
    pr->sets = p.sets;
    pr->nsets = p.nsets;
    for (int i = 0; i < p.nwarn; i++)
        warn_future(vm, p.warns[i]);
    if (r < 0) {
        prog_free(pr);
        switch (p.errkind) {
        case 0: raise_error(vm, p.msg, p.errpos >= 0 ? pstr : NULL, p.errpos); break;
        case 1: gs_raise(vm, vm->e_ValueError, "%s", p.msg); break;
        case 2: gs_raise(vm, vm->e_OverflowError, "%s", p.msg); break;
        case 3: gs_raise_memory(vm); break;
        default: gs_raise(vm, vm->e_RecursionError, "%s", p.msg); break;
        }
        p_free(&p);
        free(cp);
        return NULL;
    }
    /* groupindex and indexgroup */
    gs_Object *gi = gs_dict_new(vm);
    gs_Object *ig = gi ? gs_tuple_new(vm, p.ngroups) : NULL;
    for (int g = 0; ig && g < p.ngroups; g++) {
        gs_Object *name = NULL;
        if (g > 0 && p.gname_at[g] >= 0) {
            gs_Buf b;
            gs_buf_init(&b);
            for (int64_t i = 0; i < p.gname_len[g]; i++)
                utf8_put(&b, cp[p.gname_at[g] + i]);
            name = gs_buf_to_str(vm, &b);
            gs_Object *gv = name ? gs_int_new(vm, g) : NULL;
            if (!gv || gs_dict_set(vm, gi, name, gv) < 0) {
                gs_xdecref(vm, gv);
                gs_xdecref(vm, name);
                name = NULL;
                break;
            }
            gs_decref(vm, gv);
        }
        gs_tuple_init(vm, ig, g, name ? name : GS_NONE(vm));
    }
    int64_t final_flags = p.flags;
    p_free(&p);
    free(cp);
    ReState *st = state_of(vm);
    gs_Object *o = vm->exc ? NULL : gs_native_new(vm, st->t_pattern);
    if (!o) {
        gs_xdecref(vm, gi);
        gs_xdecref(vm, ig);
        prog_free(pr);
        return NULL;
    }
    PatternObj *po = (PatternObj *)o;
    gs_hold_own_type(vm, o, &po->holds_type);
    po->prog = pr;
    po->flags = final_flags;
    po->groups = pr->ngroups;
    gs_native_set(vm, o, &po->groupindex, PAT_GROUPINDEX, gi);
    gs_native_set(vm, o, &po->indexgroup, PAT_INDEXGROUP, ig);
    gs_native_set(vm, o, &po->pattern, PAT_PATTERN, pstr);
    gs_decref(vm, gi);
    gs_decref(vm, ig);
    return o;
}

static bool is_pattern(gs_VM *vm, gs_Object *o) { return o->type == state_of(vm)->t_pattern; }

/* ================================================================== re.Match */

typedef struct MatchObj {
    gs_Instance inst;
    gs_Object *string;
    gs_Object *pattern;
    int64_t pos, endpos, lastindex;
    int ngroups;       /* groups + 1 */
    int64_t *spans;    /* start and end of each group in code points, -1 when unmatched */
    int64_t *bspans;   /* the same in bytes of the UTF-8 */
    bool holds_type;
} MatchObj;

enum { MATCH_STRING = GS_NATIVE_FIELD, MATCH_REGS, MATCH_PATTERN };

static int match_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    MatchObj *m = (MatchObj *)o;
    int r = 0;
    if (m->holds_type)
        r = fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg);
    if (!r && m->string)
        r = fn(vm, o, m->string, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, MATCH_STRING), arg);
    if (!r && m->pattern)
        r = fn(vm, o, m->pattern, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, MATCH_PATTERN), arg);
    return r;
}

static void match_clear(gs_VM *vm, gs_Object *o)
{
    MatchObj *m = (MatchObj *)o;
    gs_native_set(vm, o, &m->string, MATCH_STRING, NULL);
    gs_native_set(vm, o, &m->pattern, MATCH_PATTERN, NULL);
    gs_release_own_type(vm, o, &m->holds_type);
}

static void match_free(gs_Object *o)
{
    MatchObj *m = (MatchObj *)o;
    free(m->spans);
    free(m->bspans);
    m->spans = m->bspans = NULL;
}

static const gs_NativeOps match_ops = {
    .gc = true, .size = sizeof(MatchObj), .traverse = match_traverse, .clear = match_clear, .free = match_free
};

/* sys.getsizeof of a match: CPython's 104 bytes with its GC header, and
 * two 8-byte marks a group (the whole match is group 0) */
static size_t match_size(const gs_Object *o) { return 104 + 16 * (size_t)((const MatchObj *)o)->ngroups; }

static gs_Object *match_new(gs_VM *vm, gs_Object *pattern, const Subject *s, const Matcher *m, int64_t pos,
                            int64_t endpos)
{
    gs_Object *o = gs_native_new(vm, state_of(vm)->t_match);
    if (!o)
        return NULL;
    MatchObj *mo = (MatchObj *)o;
    gs_hold_own_type(vm, o, &mo->holds_type);
    int ng = m->pr->ngroups + 1;
    size_t empty = gs_sizeof(vm, o);
    mo->ngroups = ng;
    gs_size_settled(vm, o, empty); /* its marks: two per group */
    mo->spans = malloc((size_t)ng * 2 * sizeof *mo->spans);
    mo->bspans = malloc((size_t)ng * 2 * sizeof *mo->bspans);
    if (!mo->spans || !mo->bspans) {
        gs_decref(vm, o);
        gs_raise_memory(vm);
        return NULL;
    }
    for (int g = 0; g < ng; g++) {
        bool set = g == 0 || group_set(m, g);
        mo->spans[2 * g] = set ? m->regs[2 * g] : -1;
        mo->spans[2 * g + 1] = set ? m->regs[2 * g + 1] : -1;
        mo->bspans[2 * g] = set ? byte_at(s, m->regs[2 * g]) : -1;
        mo->bspans[2 * g + 1] = set ? byte_at(s, m->regs[2 * g + 1]) : -1;
    }
    mo->pos = pos;
    mo->endpos = endpos;
    mo->lastindex = m->regs[m->r_last];
    gs_native_set(vm, o, &mo->string, MATCH_STRING, s->str);
    gs_native_set(vm, o, &mo->pattern, MATCH_PATTERN, pattern);
    return o;
}

/* group g's text, or dflt (borrowed) when it did not take part */
static gs_Object *match_slice(gs_VM *vm, MatchObj *mo, int g, gs_Object *dflt)
{
    if (mo->spans[2 * g] < 0)
        return gs_newref(vm, dflt);
    gs_Str *s = (gs_Str *)mo->string;
    int64_t a = mo->bspans[2 * g], b = mo->bspans[2 * g + 1];
    if (a == 0 && b == s->len && mo->string->type == vm->t_str)
        return gs_newref(vm, mo->string);
    return gs_str_new(vm, s->data + a, (size_t)(b - a));
}

/* match_getindex: a group number from an int or a name; -1 with IndexError */
static int match_index(gs_VM *vm, MatchObj *mo, gs_Object *key)
{
    int64_t i;
    int r = gs_index_value(vm, key, &i);
    if (r < 0)
        return -1;
    if (r == 0) {
        PatternObj *po = (PatternObj *)mo->pattern;
        gs_Object *v = NULL;
        if (po && GS_KIND(key) == GS_K_STR)
            v = gs_dict_get(vm, po->groupindex, key);
        if (vm->exc)
            return -1;
        i = v && gs_is_intlike(v) ? gs_intlike_value(vm, v) : -1;
    }
    if (i < 0 || i >= mo->ngroups) {
        gs_raise(vm, vm->e_IndexError, "no such group");
        return -1;
    }
    return (int)i;
}

static gs_Object *m_group(GS_ARGS)
{
    MatchObj *mo = (MatchObj *)self;
    if (gs_no_kwargs(vm, "group", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return match_slice(vm, mo, 0, vm->none);
    if (nargs == 1) {
        int g = match_index(vm, mo, args[0]);
        return g < 0 ? NULL : match_slice(vm, mo, g, vm->none);
    }
    gs_Object *t = gs_tuple_new(vm, nargs);
    for (int i = 0; t && i < nargs; i++) {
        int g = match_index(vm, mo, args[i]);
        gs_Object *v = g < 0 ? NULL : match_slice(vm, mo, g, vm->none);
        if (!v) {
            for (int k = i; k < nargs; k++)
                gs_tuple_init(vm, t, k, GS_NONE(vm));
            gs_decref(vm, t);
            return NULL;
        }
        gs_tuple_init(vm, t, i, v);
    }
    return t;
}

static gs_Object *m_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MatchObj *mo = (MatchObj *)self;
    int g = match_index(vm, mo, args[0]);
    return g < 0 ? NULL : match_slice(vm, mo, g, vm->none);
}

static gs_Object *m_groups(GS_ARGS)
{
    static const char *const names[] = { "default" };
    gs_Object *a[1];
    if (gs_clinic_bind(vm, "groups", names, 1, 0, 0, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    MatchObj *mo = (MatchObj *)self;
    gs_Object *dflt = a[0] ? a[0] : vm->none;
    gs_Object *t = gs_tuple_new(vm, mo->ngroups - 1);
    for (int g = 1; t && g < mo->ngroups; g++) {
        gs_Object *v = match_slice(vm, mo, g, dflt);
        if (!v) {
            for (int k = g; k < mo->ngroups; k++)
                gs_tuple_init(vm, t, k - 1, GS_NONE(vm));
            gs_decref(vm, t);
            return NULL;
        }
        gs_tuple_init(vm, t, g - 1, v);
    }
    return t;
}

static gs_Object *m_groupdict(GS_ARGS)
{
    static const char *const names[] = { "default" };
    gs_Object *a[1];
    if (gs_clinic_bind(vm, "groupdict", names, 1, 0, 0, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    MatchObj *mo = (MatchObj *)self;
    gs_Object *dflt = a[0] ? a[0] : vm->none;
    gs_Object *d = gs_dict_new(vm);
    PatternObj *po = (PatternObj *)mo->pattern;
    int32_t pos = 0;
    gs_Object *k, *v;
    while (d && po && gs_dict_next(po->groupindex, &pos, &k, &v)) {
        gs_Object *s = match_slice(vm, mo, (int)gs_intlike_value(vm, v), dflt);
        if (!s || gs_dict_set(vm, d, k, s) < 0) {
            gs_xdecref(vm, s);
            gs_decref(vm, d);
            return NULL;
        }
        gs_decref(vm, s);
    }
    return d;
}

/* start(group=0), end, span */
static int span_arg(gs_VM *vm, gs_Object *self, const char *name, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    if (gs_no_kwargs(vm, name, kwnames) < 0)
        return -1;
    if (nargs > 1) {
        gs_raise(vm, vm->e_TypeError, "%s expected at most 1 argument, got %d", name, nargs);
        return -1;
    }
    return nargs ? match_index(vm, (MatchObj *)self, args[0]) : 0;
}

static gs_Object *m_start(GS_ARGS)
{
    int g = span_arg(vm, self, "start", args, nargs, kwnames);
    return g < 0 ? NULL : gs_int_new(vm, ((MatchObj *)self)->spans[2 * g]);
}

static gs_Object *m_end(GS_ARGS)
{
    int g = span_arg(vm, self, "end", args, nargs, kwnames);
    return g < 0 ? NULL : gs_int_new(vm, ((MatchObj *)self)->spans[2 * g + 1]);
}

static gs_Object *span_tuple(gs_VM *vm, int64_t a, int64_t b)
{
    gs_Object *x = gs_int_new(vm, a), *y = x ? gs_int_new(vm, b) : NULL;
    gs_Object *t = y ? gs_tuple_new(vm, 2) : NULL;
    if (!t) {
        gs_xdecref(vm, x);
        gs_xdecref(vm, y);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, x);
    gs_tuple_init(vm, t, 1, y);
    return t;
}

static gs_Object *m_span(GS_ARGS)
{
    int g = span_arg(vm, self, "span", args, nargs, kwnames);
    MatchObj *mo = (MatchObj *)self;
    return g < 0 ? NULL : span_tuple(vm, mo->spans[2 * g], mo->spans[2 * g + 1]);
}

static gs_Object *m_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MatchObj *mo = (MatchObj *)self;
    gs_Object *g0 = match_slice(vm, mo, 0, vm->none);
    gs_Object *r = g0 ? gs_repr(vm, g0) : NULL;
    gs_xdecref(vm, g0);
    if (!r)
        return NULL;
    gs_Str *rs = (gs_Str *)r;
    /* %.50R: the repr cut to 50 characters */
    const char *cut = rs->nchars > 50 ? gs_utf8_offset(rs->data, (size_t)rs->len, 50) : rs->data + rs->len;
    gs_Object *out = gs_str_printf(vm, "<re.Match object; span=(%lld, %lld), match=%.*s>", (long long)mo->spans[0],
                                   (long long)mo->spans[1], (int)(cut - rs->data), rs->data);
    gs_decref(vm, r);
    return out;
}

static gs_Object *m_get_pos(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_int_new(vm, ((MatchObj *)self)->pos);
}

static gs_Object *m_get_endpos(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_int_new(vm, ((MatchObj *)self)->endpos);
}

static gs_Object *m_get_lastindex(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MatchObj *mo = (MatchObj *)self;
    return mo->lastindex >= 0 ? gs_int_new(vm, mo->lastindex) : GS_NONE(vm);
}

static gs_Object *m_get_lastgroup(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MatchObj *mo = (MatchObj *)self;
    PatternObj *po = (PatternObj *)mo->pattern;
    if (mo->lastindex < 0 || !po || !po->indexgroup)
        return GS_NONE(vm);
    return gs_newref(vm, ((gs_Tuple *)po->indexgroup)->items[mo->lastindex]);
}

static gs_Object *m_get_re(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MatchObj *mo = (MatchObj *)self;
    return gs_newref(vm, mo->pattern ? mo->pattern : vm->none);
}

static gs_Object *m_get_string(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MatchObj *mo = (MatchObj *)self;
    return gs_newref(vm, mo->string ? mo->string : vm->none);
}

static gs_Object *m_get_regs(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    MatchObj *mo = (MatchObj *)self;
    gs_Object *t = gs_tuple_new(vm, mo->ngroups);
    for (int g = 0; t && g < mo->ngroups; g++) {
        gs_Object *sp = span_tuple(vm, mo->spans[2 * g], mo->spans[2 * g + 1]);
        gs_tuple_init(vm, t, g, sp ? sp : GS_NONE(vm));
    }
    return t;
}

/* ================================================================== replacement templates (parse_template) */

typedef struct TPiece {
    int64_t group; /* -1: the literal lit[off, off+len) */
    size_t off, len;
} TPiece;

typedef struct Template {
    gs_Buf lit;
    TPiece *items;
    int n, cap;
    bool oom;
} Template;

static void tpl_free(Template *t)
{
    gs_buf_free(&t->lit);
    free(t->items);
}

static void tpl_piece(Template *t, int64_t group, size_t off, size_t len)
{
    if (t->n && group < 0 && t->items[t->n - 1].group < 0) { /* one literal run */
        t->items[t->n - 1].len += len;
        return;
    }
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 8;
        TPiece *it = realloc(t->items, (size_t)cap * sizeof *it);
        if (!it) {
            t->oom = true;
            return;
        }
        t->items = it;
        t->cap = cap;
    }
    t->items[t->n++] = (TPiece){ group, off, len };
}

static void tpl_char(Template *t, uint32_t c)
{
    size_t off = t->lit.len;
    utf8_put(&t->lit, c);
    tpl_piece(t, -1, off, t->lit.len - off);
}

/* the group a name is in the pattern (its indexgroup), or -1 */
static int64_t group_by_name(PatternObj *po, const uint32_t *name, int64_t n)
{
    gs_Buf b;
    gs_buf_init(&b);
    for (int64_t i = 0; i < n; i++)
        utf8_put(&b, name[i]);
    gs_Tuple *ig = (gs_Tuple *)po->indexgroup;
    int64_t r = -1;
    for (int32_t g = 1; ig && g < ig->len && r < 0; g++) {
        gs_Object *nm = ig->items[g];
        if (GS_KIND(nm) == GS_K_STR && (size_t)((gs_Str *)nm)->len == b.len &&
            memcmp(((gs_Str *)nm)->data, b.data ? b.data : "", b.len) == 0)
            r = g;
    }
    gs_buf_free(&b);
    return r;
}

/* errkind 5: IndexError "unknown group name" */
static int template_parse_inner(Parser *p, Template *t, PatternObj *po)
{
    if (setjmp(p->fail))
        return -1;
    tok_next(p);
    for (;;) {
        int64_t this = tok_get(p);
        if (this < 0)
            break;
        if (!(this & ESC)) {
            tpl_char(t, TOKCH(this));
            continue;
        }
        uint32_t c = TOKCH(this);
        if (c == 'g') {
            if (!tok_match(p, '<'))
                tok_error(p, 0, "missing <");
            int64_t at, len, index;
            getuntil(p, '>', "group name", &at, &len);
            if (is_identifier(p->s + at, len)) {
                index = group_by_name(po, p->s + at, len);
                if (index < 0) {
                    char r[160];
                    repr_cps(r, sizeof r, p->s + at, len);
                    snprintf(p->msg, sizeof p->msg, "unknown group name %s", r);
                    p->errkind = 5;
                    return -1;
                }
            } else {
                bool digits = len > 0 && len < 12;
                index = 0;
                for (int64_t i = 0; digits && i < len; i++) {
                    uint32_t d = p->s[at + i];
                    if (d < '0' || d > '9')
                        digits = false;
                    else
                        index = index * 10 + (d - '0');
                }
                if (!digits) {
                    char r[160];
                    repr_cps(r, sizeof r, p->s + at, len);
                    tok_error(p, len + 1, "bad character in group name %s", r);
                }
                if (index >= MAXGROUPS)
                    tok_error(p, len + 1, "invalid group reference %lld", (long long)index);
            }
            if (index > po->groups)
                tok_error(p, len + 1, "invalid group reference %lld", (long long)index);
            tpl_piece(t, index, 0, 0);
        } else if (c == '0') {
            int64_t v = 0;
            if (in_str(p->next, OCTDIGITS)) {
                v = TOKCH(tok_get(p)) - '0';
                if (in_str(p->next, OCTDIGITS))
                    v = v * 8 + (TOKCH(tok_get(p)) - '0');
            }
            tpl_char(t, (uint32_t)(v & 0xff));
        } else if (c >= '1' && c <= '9') {
            int64_t len = 2, group = c - '0';
            bool isoctal = false;
            if (in_str(p->next, DIGITS)) {
                uint32_t d2 = TOKCH(tok_get(p));
                len = 3;
                group = group * 10 + (d2 - '0');
                if (c <= '7' && d2 <= '7' && in_str(p->next, OCTDIGITS)) {
                    uint32_t d3 = TOKCH(tok_get(p));
                    int64_t v = (c - '0') * 64 + (d2 - '0') * 8 + (d3 - '0');
                    isoctal = true;
                    if (v > 0377)
                        tok_error(p, 4, "octal escape value \\%c%c%c outside of range 0-0o377", (char)c, (char)d2,
                                  (char)d3);
                    tpl_char(t, (uint32_t)v);
                }
            }
            if (!isoctal) {
                if (group > po->groups)
                    tok_error(p, len - 1, "invalid group reference %lld", (long long)group);
                tpl_piece(t, group, 0, 0);
            }
        } else {
            int64_t lit = escape_literal(this);
            if (lit >= 0)
                tpl_char(t, (uint32_t)lit);
            else {
                if (c < 128 && in_str(c, ASCIILETTERS)) {
                    char tt[16];
                    tok_text(this, tt, sizeof tt);
                    tok_error(p, 2, "bad escape %s", tt);
                }
                tpl_char(t, '\\');
                tpl_char(t, c);
            }
        }
    }
    if (t->oom || t->lit.oom)
        p_fail(p, 3, -1, "out of memory");
    return 0;
}

static int template_parse(gs_VM *vm, Template *t, gs_Object *tstr, PatternObj *po)
{
    memset(t, 0, sizeof *t);
    gs_buf_init(&t->lit);
    if (GS_KIND(tstr) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "decoding to str: need a bytes-like object, %s found", gs_type_name(tstr));
        return -1;
    }
    gs_Str *ts = (gs_Str *)tstr;
    uint32_t *cp = code_points(vm, ts);
    if (!cp)
        return -1;
    Parser p;
    parser_start(&p, cp, ts->nchars, 0);
    int r = template_parse_inner(&p, t, po);
    if (r < 0) {
        switch (p.errkind) {
        case 0: raise_error(vm, p.msg, tstr, p.errpos); break;
        case 5: gs_raise(vm, vm->e_IndexError, "%s", p.msg); break;
        default: gs_raise_memory(vm); break;
        }
        tpl_free(t);
    }
    p_free(&p);
    free(cp);
    return r;
}

/* the template with the groups of a match (byte spans into data; an
 * unmatched group is empty) */
static void template_expand(const Template *t, const char *data, const int64_t *bspans, gs_Buf *out)
{
    for (int i = 0; i < t->n; i++) {
        const TPiece *pc = &t->items[i];
        if (pc->group < 0)
            gs_buf_add(out, t->lit.data + pc->off, pc->len);
        else if (bspans[2 * pc->group] >= 0)
            gs_buf_add(out, data + bspans[2 * pc->group],
                       (size_t)(bspans[2 * pc->group + 1] - bspans[2 * pc->group]));
    }
}

static gs_Object *m_expand(GS_ARGS)
{
    static const char *const names[] = { "template" };
    gs_Object *a[1];
    if (gs_clinic_bind(vm, "expand", names, 1, 0, 1, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    MatchObj *mo = (MatchObj *)self;
    Template t;
    if (template_parse(vm, &t, a[0], (PatternObj *)mo->pattern) < 0)
        return NULL;
    gs_Buf out;
    gs_buf_init(&out);
    template_expand(&t, ((gs_Str *)mo->string)->data, mo->bspans, &out);
    tpl_free(&t);
    return gs_buf_to_str(vm, &out);
}

/* ================================================================== searching */

/* the byte spans of the groups the matcher holds */
static void regs_bspans(const Matcher *m, const Subject *s, int64_t *bs)
{
    for (int g = 0; g <= m->pr->ngroups; g++) {
        bool set = g == 0 || group_set(m, g);
        bs[2 * g] = set ? byte_at(s, m->regs[2 * g]) : -1;
        bs[2 * g + 1] = set ? byte_at(s, m->regs[2 * g + 1]) : -1;
    }
}

/* a group's text for findall ('' when unmatched) or split (None) */
static gs_Object *regs_group(gs_VM *vm, const Matcher *m, const Subject *s, int g, gs_Object *dflt)
{
    if (g > 0 && !group_set(m, g))
        return gs_newref(vm, dflt);
    return substr(vm, s, m->regs[2 * g], m->regs[2 * g + 1]);
}

/* pos and endpos as state_init clamps them */
static int pos_args(gs_VM *vm, gs_Object *po, gs_Object *eo, int64_t n, int64_t *pos, int64_t *endpos)
{
    *pos = 0;
    *endpos = n;
    if (po && gs_index_arg(vm, po, pos) < 0)
        return -1;
    if (eo && gs_index_arg(vm, eo, endpos) < 0)
        return -1;
    if (*pos < 0)
        *pos = 0;
    if (*pos > n)
        *pos = n;
    if (*endpos < 0)
        *endpos = 0;
    if (*endpos > n)
        *endpos = n;
    return 0;
}

enum { MODE_MATCH, MODE_SEARCH, MODE_FULLMATCH };

static gs_Object *pattern_match(gs_VM *vm, gs_Object *pat, gs_Object *string, gs_Object *po_, gs_Object *eo, int mode)
{
    PatternObj *po = (PatternObj *)pat;
    Subject s;
    if (subject_init(vm, &s, string) < 0)
        return NULL;
    int64_t pos, endpos;
    Matcher m;
    if (pos_args(vm, po_, eo, s.n, &pos, &endpos) < 0 || matcher_init(vm, &m, po->prog, &s, endpos) < 0) {
        subject_free(&s);
        return NULL;
    }
    m.match_all = mode == MODE_FULLMATCH;
    int r = do_search(&m, pos, mode != MODE_SEARCH);
    gs_Object *res = r < 0 ? NULL : r == 0 ? GS_NONE(vm) : match_new(vm, pat, &s, &m, pos, endpos);
    matcher_free(&m);
    subject_free(&s);
    return res;
}

static gs_Object *pattern_findall(gs_VM *vm, gs_Object *pat, gs_Object *string, gs_Object *po_, gs_Object *eo)
{
    PatternObj *po = (PatternObj *)pat;
    Subject s;
    if (subject_init(vm, &s, string) < 0)
        return NULL;
    int64_t pos, endpos;
    Matcher m;
    if (pos_args(vm, po_, eo, s.n, &pos, &endpos) < 0 || matcher_init(vm, &m, po->prog, &s, endpos) < 0) {
        subject_free(&s);
        return NULL;
    }
    gs_Object *list = gs_list_new(vm, 0);
    int64_t start = pos;
    bool must = false;
    int ng = po->prog->ngroups;
    while (list && start <= endpos) {
        m.must_advance = must;
        int r = do_search(&m, start, false);
        if (r <= 0) {
            if (r < 0) {
                gs_decref(vm, list);
                list = NULL;
            }
            break;
        }
        gs_Object *item;
        if (ng == 0)
            item = substr(vm, &s, m.regs[0], m.regs[1]);
        else if (ng == 1)
            item = regs_group(vm, &m, &s, 1, vm->empty_str);
        else {
            item = gs_tuple_new(vm, ng);
            for (int g = 1; item && g <= ng; g++) {
                gs_Object *v = regs_group(vm, &m, &s, g, vm->empty_str);
                gs_tuple_init(vm, item, g - 1, v ? v : GS_NONE(vm));
            }
        }
        if (!item || gs_list_append(vm, list, item) < 0) {
            gs_xdecref(vm, item);
            gs_decref(vm, list);
            list = NULL;
            break;
        }
        gs_decref(vm, item);
        must = m.regs[1] == m.regs[0];
        start = m.regs[1];
    }
    matcher_free(&m);
    subject_free(&s);
    return list;
}

static gs_Object *pattern_split(gs_VM *vm, gs_Object *pat, gs_Object *string, int64_t maxsplit)
{
    PatternObj *po = (PatternObj *)pat;
    Subject s;
    if (subject_init(vm, &s, string) < 0)
        return NULL;
    Matcher m;
    if (matcher_init(vm, &m, po->prog, &s, s.n) < 0) {
        subject_free(&s);
        return NULL;
    }
    gs_Object *list = gs_list_new(vm, 0);
    int64_t last = 0, start = 0, n = 0;
    bool must = false;
    int ng = po->prog->ngroups;
    while (list && (!maxsplit || n < maxsplit)) {
        m.must_advance = must;
        int r = do_search(&m, start, false);
        if (r <= 0) {
            if (r < 0) {
                gs_decref(vm, list);
                list = NULL;
            }
            break;
        }
        bool ok = true;
        for (int g = 0; ok && g <= ng; g++) {
            gs_Object *item = g == 0 ? substr(vm, &s, last, m.regs[0]) : regs_group(vm, &m, &s, g, vm->none);
            ok = item && gs_list_append(vm, list, item) == 0;
            gs_xdecref(vm, item);
        }
        if (!ok) {
            gs_decref(vm, list);
            list = NULL;
            break;
        }
        n++;
        must = m.regs[1] == m.regs[0];
        last = start = m.regs[1];
    }
    if (list) {
        gs_Object *item = substr(vm, &s, last, s.n);
        if (!item || gs_list_append(vm, list, item) < 0) {
            gs_decref(vm, list);
            list = NULL;
        }
        gs_xdecref(vm, item);
    }
    matcher_free(&m);
    subject_free(&s);
    return list;
}

static bool is_callable(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    return k == GS_K_FUNCTION || k == GS_K_BUILTIN || k == GS_K_METHOD || k == GS_K_TYPE ||
           gs_type_lookup(o->type, vm->s___call__);
}

/* pattern_subx */
static gs_Object *pattern_sub(gs_VM *vm, gs_Object *pat, gs_Object *repl, gs_Object *string, int64_t count, bool subn)
{
    PatternObj *po = (PatternObj *)pat;
    bool callable = is_callable(vm, repl), literal = false, have_tpl = false;
    Template t;
    if (!callable) {
        literal = GS_KIND(repl) == GS_K_STR && !memchr(((gs_Str *)repl)->data, '\\', (size_t)((gs_Str *)repl)->len);
        if (!literal) {
            if (template_parse(vm, &t, repl, po) < 0)
                return NULL;
            have_tpl = true;
        }
    }
    Subject s;
    if (subject_init(vm, &s, string) < 0) {
        if (have_tpl)
            tpl_free(&t);
        return NULL;
    }
    Matcher m;
    int64_t *bs = malloc(((size_t)po->prog->ngroups + 1) * 2 * sizeof *bs);
    if (!bs || matcher_init(vm, &m, po->prog, &s, s.n) < 0) {
        if (!bs)
            gs_raise_memory(vm);
        free(bs);
        subject_free(&s);
        if (have_tpl)
            tpl_free(&t);
        return NULL;
    }
    const char *data = ((gs_Str *)string)->data;
    gs_Buf out;
    gs_buf_init(&out);
    int64_t i = 0, n = 0, start = 0, pieces = 0, bad_at = -1;
    const char *bad_type = NULL;
    bool must = false, failed = false, whole = false;
    while (!count || n < count) {
        m.must_advance = must;
        int r = do_search(&m, start, false);
        if (r <= 0) {
            failed = r < 0;
            break;
        }
        int64_t b = m.regs[0], e = m.regs[1];
        if (i < b) {
            gs_buf_add(&out, data + byte_at(&s, i), (size_t)(byte_at(&s, b) - byte_at(&s, i)));
            pieces++;
        }
        if (callable) {
            gs_Object *mo = match_new(vm, pat, &s, &m, 0, s.n);
            gs_Object *item = mo ? gs_call(vm, repl, &mo, 1, NULL) : NULL;
            gs_xdecref(vm, mo);
            if (!item) {
                failed = true;
                break;
            }
            if (item != vm->none) {
                if (GS_KIND(item) != GS_K_STR) {
                    if (bad_at < 0) {
                        bad_at = pieces;
                        bad_type = gs_type_name(item);
                    }
                } else
                    gs_buf_add(&out, ((gs_Str *)item)->data, (size_t)((gs_Str *)item)->len);
                pieces++;
            }
            gs_decref(vm, item);
        } else if (literal) {
            gs_buf_add(&out, ((gs_Str *)repl)->data, (size_t)((gs_Str *)repl)->len);
            pieces++;
        } else {
            regs_bspans(&m, &s, bs);
            template_expand(&t, data, bs, &out);
            pieces++;
        }
        i = e;
        n++;
        must = e == b;
        start = e;
    }
    if (!failed && i < s.n) {
        whole = i == 0 && pieces == 0;
        gs_buf_add(&out, data + byte_at(&s, i), (size_t)(byte_at(&s, s.n) - byte_at(&s, i)));
        pieces++;
    }
    matcher_free(&m);
    free(bs);
    if (have_tpl)
        tpl_free(&t);
    gs_Object *res = NULL;
    if (failed || out.oom) {
        gs_buf_free(&out);
        if (!vm->exc)
            gs_raise_memory(vm);
    } else if (bad_at >= 0) {
        gs_buf_free(&out);
        gs_raise(vm, vm->e_TypeError, "sequence item %lld: expected str instance, %s found", (long long)bad_at,
                 bad_type);
    } else if (whole && string->type == vm->t_str) {
        gs_buf_free(&out);
        res = gs_newref(vm, string);
    } else
        res = gs_buf_to_str(vm, &out);
    subject_free(&s);
    if (res && subn) {
        gs_Object *cnt = gs_int_new(vm, n);
        gs_Object *tup = cnt ? gs_tuple_new(vm, 2) : NULL;
        if (!tup) {
            gs_xdecref(vm, cnt);
            gs_decref(vm, res);
            return NULL;
        }
        gs_tuple_init(vm, tup, 0, res);
        gs_tuple_init(vm, tup, 1, cnt);
        return tup;
    }
    return res;
}

/* ================================================================== finditer's iterator */

typedef struct IterObj {
    gs_Instance inst;
    gs_Object *pattern;
    gs_Object *string;
    Subject sub;
    int64_t pos0, pos, endpos; /* pos0: the pos finditer was given (each match's .pos) */
    bool must_advance, done;
} IterObj;

enum { ITER_PATTERN = GS_NATIVE_FIELD, ITER_STRING };

static int iter_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    IterObj *it = (IterObj *)o;
    int r = 0;
    if (it->pattern)
        r = fn(vm, o, it->pattern, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, ITER_PATTERN), arg);
    if (!r && it->string)
        r = fn(vm, o, it->string, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, ITER_STRING), arg);
    return r;
}

static void iter_clear(gs_VM *vm, gs_Object *o)
{
    IterObj *it = (IterObj *)o;
    it->done = true;
    subject_free(&it->sub);
    gs_native_set(vm, o, &it->pattern, ITER_PATTERN, NULL);
    gs_native_set(vm, o, &it->string, ITER_STRING, NULL);
}

static void iter_free(gs_Object *o) { subject_free(&((IterObj *)o)->sub); }

static const gs_NativeOps iter_ops = {
    .gc = true, .size = sizeof(IterObj), .traverse = iter_traverse, .clear = iter_clear, .free = iter_free
};

static gs_Object *pattern_scan(gs_VM *vm, gs_Type *t, gs_Object *pat, gs_Object *string, gs_Object *po_,
                               gs_Object *eo)
{
    if (GS_KIND(string) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "expected string or bytes-like object, got '%s'", gs_type_name(string));
        return NULL;
    }
    gs_Object *o = gs_native_new(vm, t);
    if (!o)
        return NULL;
    IterObj *it = (IterObj *)o;
    if (subject_init(vm, &it->sub, string) < 0 ||
        pos_args(vm, po_, eo, ((gs_Str *)string)->nchars, &it->pos, &it->endpos) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    it->pos0 = it->pos;
    gs_native_set(vm, o, &it->pattern, ITER_PATTERN, pat);
    gs_native_set(vm, o, &it->string, ITER_STRING, string);
    return o;
}

static gs_Object *pattern_finditer(gs_VM *vm, gs_Object *pat, gs_Object *string, gs_Object *po_, gs_Object *eo)
{
    return pattern_scan(vm, state_of(vm)->t_iter, pat, string, po_, eo);
}

/* scanner.search() / match(): the next match from where the last ended,
 * NULL with no exception when there is none (it stays exhausted) */
static gs_Object *scan_next(gs_VM *vm, gs_Object *self, bool anchored)
{
    IterObj *it = (IterObj *)self;
    if (it->done || !it->pattern)
        return NULL;
    PatternObj *po = (PatternObj *)it->pattern;
    Matcher m;
    if (matcher_init(vm, &m, po->prog, &it->sub, it->endpos) < 0)
        return NULL;
    m.must_advance = it->must_advance;
    int r = do_search(&m, it->pos, anchored);
    gs_Object *res = NULL;
    if (r > 0) {
        res = match_new(vm, it->pattern, &it->sub, &m, it->pos0, it->endpos);
        it->must_advance = m.regs[1] == m.regs[0];
        it->pos = m.regs[1];
    } else if (r == 0)
        it->done = true;
    matcher_free(&m);
    return res;
}

static gs_Object *iter_next(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return scan_next(vm, self, false);
}

static gs_Object *scanner_call(gs_VM *vm, gs_Object *self, int nargs, gs_Tuple *kwnames, bool anchored)
{
    if (gs_noargs(vm, anchored ? "match" : "search", nargs, kwnames) < 0)
        return NULL;
    gs_Object *r = scan_next(vm, self, anchored);
    return r || vm->exc ? r : GS_NONE(vm);
}

static gs_Object *scanner_search(GS_ARGS)
{
    GS_UNUSED(args);
    return scanner_call(vm, self, nargs, kwnames, false);
}

static gs_Object *scanner_match(GS_ARGS)
{
    GS_UNUSED(args);
    return scanner_call(vm, self, nargs, kwnames, true);
}

static gs_Object *scanner_pattern(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    IterObj *it = (IterObj *)self;
    return gs_newref(vm, it->pattern ? it->pattern : vm->none);
}

static gs_Object *iter_self(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, self);
}

/* ================================================================== re.Pattern's methods */

static const char *const names_spe[] = { "string", "pos", "endpos" };

static gs_Object *p_match_mode(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames,
                               const char *fname, int mode)
{
    gs_Object *a[3];
    if (gs_clinic_bind(vm, fname, names_spe, 3, 0, 1, 3, args, nargs, kwnames, a) < 0)
        return NULL;
    return pattern_match(vm, self, a[0], a[1], a[2], mode);
}

static gs_Object *p_match(GS_ARGS) { return p_match_mode(vm, self, args, nargs, kwnames, "match", MODE_MATCH); }
static gs_Object *p_search(GS_ARGS) { return p_match_mode(vm, self, args, nargs, kwnames, "search", MODE_SEARCH); }
static gs_Object *p_fullmatch(GS_ARGS)
{
    return p_match_mode(vm, self, args, nargs, kwnames, "fullmatch", MODE_FULLMATCH);
}

static gs_Object *p_findall(GS_ARGS)
{
    gs_Object *a[3];
    if (gs_clinic_bind(vm, "findall", names_spe, 3, 0, 1, 3, args, nargs, kwnames, a) < 0)
        return NULL;
    return pattern_findall(vm, self, a[0], a[1], a[2]);
}

static gs_Object *p_finditer(GS_ARGS)
{
    gs_Object *a[3];
    if (gs_clinic_bind(vm, "finditer", names_spe, 3, 0, 1, 3, args, nargs, kwnames, a) < 0)
        return NULL;
    return pattern_finditer(vm, self, a[0], a[1], a[2]);
}

static gs_Object *p_scanner(GS_ARGS)
{
    gs_Object *a[3];
    if (gs_clinic_bind(vm, "scanner", names_spe, 3, 0, 1, 3, args, nargs, kwnames, a) < 0)
        return NULL;
    return pattern_scan(vm, state_of(vm)->t_scanner, self, a[0], a[1], a[2]);
}

static gs_Object *p_split(GS_ARGS)
{
    static const char *const names[] = { "string", "maxsplit" };
    gs_Object *a[2];
    int64_t maxsplit = 0;
    if (gs_clinic_bind(vm, "split", names, 2, 0, 1, 2, args, nargs, kwnames, a) < 0 ||
        (a[1] && gs_index_arg(vm, a[1], &maxsplit) < 0))
        return NULL;
    return pattern_split(vm, self, a[0], maxsplit);
}

static gs_Object *p_sub_mode(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, bool subn)
{
    static const char *const names[] = { "repl", "string", "count" };
    gs_Object *a[3];
    int64_t count = 0;
    if (gs_clinic_bind(vm, subn ? "subn" : "sub", names, 3, 0, 2, 3, args, nargs, kwnames, a) < 0 ||
        (a[2] && gs_index_arg(vm, a[2], &count) < 0))
        return NULL;
    return pattern_sub(vm, self, a[0], a[1], count, subn);
}

static gs_Object *p_sub(GS_ARGS) { return p_sub_mode(vm, self, args, nargs, kwnames, false); }
static gs_Object *p_subn(GS_ARGS) { return p_sub_mode(vm, self, args, nargs, kwnames, true); }

/* re.compile('a+b', re.IGNORECASE|re.MULTILINE) */
static gs_Object *p_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    PatternObj *po = (PatternObj *)self;
    gs_Object *r = gs_repr(vm, po->pattern);
    if (!r)
        return NULL;
    gs_Str *rs = (gs_Str *)r;
    const char *cut = rs->nchars > 200 ? gs_utf8_offset(rs->data, (size_t)rs->len, 200) : rs->data + rs->len;
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_adds(&b, "re.compile(");
    gs_buf_add(&b, rs->data, (size_t)(cut - rs->data));
    gs_decref(vm, r);
    int64_t flags = po->flags;
    if ((flags & (F_L | F_U | F_A)) == F_U)
        flags &= ~F_U;
    if (flags) {
        static const struct { const char *name; int v; } fn[] = {
            { "re.TEMPLATE", F_TEMPLATE }, { "re.IGNORECASE", F_I }, { "re.LOCALE", F_L }, { "re.MULTILINE", F_M },
            { "re.DOTALL", F_S }, { "re.UNICODE", F_U }, { "re.VERBOSE", F_X }, { "re.DEBUG", F_DEBUG },
            { "re.ASCII", F_A },
        };
        bool first = true;
        gs_buf_adds(&b, ", ");
        for (size_t i = 0; i < sizeof fn / sizeof fn[0]; i++)
            if (flags & fn[i].v) {
                gs_buf_printf(&b, "%s%s", first ? "" : "|", fn[i].name);
                flags &= ~fn[i].v;
                first = false;
            }
        if (flags)
            gs_buf_printf(&b, "%s0x%llx", first ? "" : "|", (unsigned long long)flags);
    }
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

static gs_Object *p_eq(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (!is_pattern(vm, args[0]))
        return gs_newref(vm, vm->notimpl);
    PatternObj *a = (PatternObj *)self, *b = (PatternObj *)args[0];
    if (a == b)
        return GS_BOOL(vm, true);
    if (a->flags != b->flags)
        return GS_BOOL(vm, false);
    int eq = gs_equal(vm, a->pattern, b->pattern);
    return eq < 0 ? NULL : GS_BOOL(vm, eq);
}

static gs_Object *p_hash(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    PatternObj *po = (PatternObj *)self;
    int64_t h = gs_hash(vm, po->pattern);
    if (h == -1)
        return NULL;
    h ^= po->flags * 1000003;
    return gs_int_new(vm, h == -1 ? -2 : h);
}

static gs_Object *p_get_pattern(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, ((PatternObj *)self)->pattern);
}

static gs_Object *p_get_flags(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_int_new(vm, ((PatternObj *)self)->flags);
}

static gs_Object *p_get_groups(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_int_new(vm, ((PatternObj *)self)->groups);
}

/* (a mappingproxy in CPython; here a new dict of the same items) */
static gs_Object *p_get_groupindex(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_dict_copy(vm, ((PatternObj *)self)->groupindex);
}

/* __copy__() and __deepcopy__(memo): patterns and matches are immutable */
static gs_Object *copy_self(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_newref(vm, self);
}

/* re.Pattern[str], re.Match[str]: a types.GenericAlias (annotations) */
static gs_Object *class_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_generic_alias_new(vm, self, args[0]);
}

/* ================================================================== the module's functions (re/__init__.py) */

#define MAXCACHE 512

/* _compile(pattern, flags): a new reference to a Pattern, through re._cache */
static gs_Object *get_pattern(gs_VM *vm, gs_Object *module, gs_Object *pattern, gs_Object *flags_o)
{
    int64_t flags = 0;
    if (flags_o && gs_index_arg(vm, flags_o, &flags) < 0)
        return NULL;
    if (is_pattern(vm, pattern)) {
        if (flags) {
            gs_raise(vm, vm->e_ValueError, "cannot process flags argument with a compiled pattern");
            return NULL;
        }
        return gs_newref(vm, pattern);
    }
    if (GS_KIND(pattern) != GS_K_STR) {
        if (GS_KIND(pattern) == GS_K_BYTES)
            gs_raise(vm, vm->e_TypeError, "bytes patterns are not modelled by gcscope");
        else
            gs_raise(vm, vm->e_TypeError, "first argument must be string or compiled pattern");
        return NULL;
    }
    gs_Object *cache = NULL;
    if (module && GS_KIND(module) == GS_K_MODULE) {
        cache = gs_dict_get_str(vm, &((gs_Module *)module)->dict->ob, gs_name(vm, "_cache"));
        if (cache && GS_KIND(cache) != GS_K_DICT)
            cache = NULL;
    }
    gs_Object *fo = gs_int_new(vm, flags);
    gs_Object *key = fo ? gs_tuple_pack(vm, 3, &pattern->type->ob, pattern, fo) : NULL;
    gs_xdecref(vm, fo);
    if (!key)
        return NULL;
    if (cache) {
        gs_Object *hit = gs_dict_get(vm, cache, key);
        if (hit) {
            gs_decref(vm, key);
            return gs_newref(vm, hit);
        }
        if (vm->exc) {
            gs_decref(vm, key);
            return NULL;
        }
    }
    gs_Object *p = pattern_compile(vm, pattern, flags);
    if (p && cache && !(flags & F_DEBUG)) {
        if (((gs_Dict *)cache)->t.used >= MAXCACHE) { /* drop the oldest */
            int32_t pos = 0;
            gs_Object *k, *v;
            if (gs_dict_next(cache, &pos, &k, &v)) {
                gs_incref(vm, k);
                gs_dict_del(vm, cache, k);
                gs_decref(vm, k);
                gs_clear_exc(vm);
            }
        }
        if (gs_dict_set(vm, cache, key, p) < 0) {
            gs_decref(vm, p);
            p = NULL;
        }
    }
    gs_decref(vm, key);
    return p;
}

static gs_Object *f_compile(GS_ARGS)
{
    static const char *const names[] = { "pattern", "flags" };
    static const gs_PySig sig = { "compile", names, 2, 1, 0, 0 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return get_pattern(vm, self, a[0], a[1]);
}

static gs_Object *f_match_mode(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames,
                               const char *fname, int mode)
{
    static const char *const names[] = { "pattern", "string", "flags" };
    gs_PySig sig = { fname, names, 3, 2, 0, 0 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *p = get_pattern(vm, self, a[0], a[2]);
    if (!p)
        return NULL;
    gs_Object *r = mode < 0 ? pattern_findall(vm, p, a[1], NULL, NULL)
                   : mode == 3 ? pattern_finditer(vm, p, a[1], NULL, NULL)
                               : pattern_match(vm, p, a[1], NULL, NULL, mode);
    gs_decref(vm, p);
    return r;
}

static gs_Object *f_match(GS_ARGS) { return f_match_mode(vm, self, args, nargs, kwnames, "match", MODE_MATCH); }
static gs_Object *f_search(GS_ARGS) { return f_match_mode(vm, self, args, nargs, kwnames, "search", MODE_SEARCH); }
static gs_Object *f_fullmatch(GS_ARGS)
{
    return f_match_mode(vm, self, args, nargs, kwnames, "fullmatch", MODE_FULLMATCH);
}
static gs_Object *f_findall(GS_ARGS) { return f_match_mode(vm, self, args, nargs, kwnames, "findall", -1); }
static gs_Object *f_finditer(GS_ARGS) { return f_match_mode(vm, self, args, nargs, kwnames, "finditer", 3); }

static gs_Object *f_sub_mode(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, bool subn)
{
    static const char *const names[] = { "pattern", "repl", "string", "count", "flags" };
    gs_PySig sig = { subn ? "subn" : "sub", names, 5, 3, 0, 0 };
    gs_Object *a[5];
    int64_t count = 0;
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *p = get_pattern(vm, self, a[0], a[4]);
    if (!p)
        return NULL;
    gs_Object *r = a[3] && gs_index_arg(vm, a[3], &count) < 0 ? NULL : pattern_sub(vm, p, a[1], a[2], count, subn);
    gs_decref(vm, p);
    return r;
}

static gs_Object *f_sub(GS_ARGS) { return f_sub_mode(vm, self, args, nargs, kwnames, false); }
static gs_Object *f_subn(GS_ARGS) { return f_sub_mode(vm, self, args, nargs, kwnames, true); }

static gs_Object *f_split(GS_ARGS)
{
    static const char *const names[] = { "pattern", "string", "maxsplit", "flags" };
    static const gs_PySig sig = { "split", names, 4, 2, 0, 0 };
    gs_Object *a[4];
    int64_t maxsplit = 0;
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *p = get_pattern(vm, self, a[0], a[3]);
    if (!p)
        return NULL;
    gs_Object *r = a[2] && gs_index_arg(vm, a[2], &maxsplit) < 0 ? NULL : pattern_split(vm, p, a[1], maxsplit);
    gs_decref(vm, p);
    return r;
}

/* escape(pattern): pattern.translate(_special_chars_map) */
static gs_Object *f_escape(GS_ARGS)
{
    static const char *const names[] = { "pattern" };
    static const gs_PySig sig = { "escape", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    if (GS_KIND(a[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "escape() of a %s is not modelled by gcscope", gs_type_name(a[0]));
        return NULL;
    }
    gs_Str *s = (gs_Str *)a[0];
    gs_Buf b;
    gs_buf_init(&b);
    for (int32_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (c && strchr("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", c))
            gs_buf_addc(&b, '\\');
        gs_buf_addc(&b, c);
    }
    return gs_buf_to_str(vm, &b);
}

static gs_Object *f_purge(GS_ARGS)
{
    static const gs_PySig sig = { "purge", NULL, 0, 0, 0, 0 };
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, NULL) < 0)
        return NULL;
    if (self && GS_KIND(self) == GS_K_MODULE) {
        gs_Object *cache = gs_dict_get_str(vm, &((gs_Module *)self)->dict->ob, gs_name(vm, "_cache"));
        if (cache && GS_KIND(cache) == GS_K_DICT)
            gs_dict_clear(vm, cache);
    }
    return GS_NONE(vm);
}

/* ================================================================== the module */

static ReState *re_types(gs_VM *vm)
{
    ReState *st = vm->modstate[GS_MS_RE];
    if (st)
        return st;
    static const gs_MethodDef pattern_methods[] = {
        { "match", p_match, 0, -1, GS_KW },
        { "search", p_search, 0, -1, GS_KW },
        { "fullmatch", p_fullmatch, 0, -1, GS_KW },
        { "findall", p_findall, 0, -1, GS_KW },
        { "finditer", p_finditer, 0, -1, GS_KW },
        { "split", p_split, 0, -1, GS_KW },
        { "sub", p_sub, 0, -1, GS_KW },
        { "subn", p_subn, 0, -1, GS_KW },
        { "scanner", p_scanner, 0, -1, GS_KW },
        { "__repr__", p_repr, 0, 0, 0 },
        { "__eq__", p_eq, 1, 1, 0 },
        { "__hash__", p_hash, 0, 0, 0 },
        { "__class_getitem__", class_getitem, 1, 1, GS_CLASSMETH },
        { "__copy__", copy_self, 0, 0, 0 },
        { "__deepcopy__", copy_self, 1, 1, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    static const gs_MethodDef match_methods[] = {
        { "group", m_group, 0, -1, GS_KW },
        { "groups", m_groups, 0, -1, GS_KW },
        { "groupdict", m_groupdict, 0, -1, GS_KW },
        { "start", m_start, 0, -1, GS_KW },
        { "end", m_end, 0, -1, GS_KW },
        { "span", m_span, 0, -1, GS_KW },
        { "expand", m_expand, 0, -1, GS_KW },
        { "__getitem__", m_getitem, 1, 1, 0 },
        { "__repr__", m_repr, 0, 0, 0 },
        { "__class_getitem__", class_getitem, 1, 1, GS_CLASSMETH },
        { "__copy__", copy_self, 0, 0, 0 },
        { "__deepcopy__", copy_self, 1, 1, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    static const gs_MethodDef iter_methods[] = {
        { "__next__", iter_next, 0, 0, GS_ITERNEXT },
        { "__iter__", iter_self, 0, 0, 0 },
        { NULL, NULL, 0, 0, 0 },
    };
    st = calloc(1, sizeof *st);
    if (!st) {
        gs_raise_memory(vm);
        return NULL;
    }
    st->t_pattern = gs_native_type_new(vm, "re.Pattern", &pattern_ops, pattern_methods);
    gs_type_add_getter(vm, st->t_pattern, "pattern", p_get_pattern);
    gs_type_add_getter(vm, st->t_pattern, "flags", p_get_flags);
    gs_type_add_getter(vm, st->t_pattern, "groups", p_get_groups);
    gs_type_add_getter(vm, st->t_pattern, "groupindex", p_get_groupindex);
    gs_type_update_hooks(vm, st->t_pattern);
    st->t_match = gs_native_type_new(vm, "re.Match", &match_ops, match_methods);
    st->t_match->var_size = match_size;
    gs_type_add_getter(vm, st->t_match, "pos", m_get_pos);
    gs_type_add_getter(vm, st->t_match, "endpos", m_get_endpos);
    gs_type_add_getter(vm, st->t_match, "lastindex", m_get_lastindex);
    gs_type_add_getter(vm, st->t_match, "lastgroup", m_get_lastgroup);
    gs_type_add_getter(vm, st->t_match, "re", m_get_re);
    gs_type_add_getter(vm, st->t_match, "string", m_get_string);
    gs_type_add_getter(vm, st->t_match, "regs", m_get_regs);
    gs_type_update_hooks(vm, st->t_match);
    st->t_iter = gs_native_type_new(vm, "callable_iterator", &iter_ops, iter_methods);
    gs_modtype_add_attr(vm, st->t_iter, "__basicsize__", gs_int_new(vm, 32)); /* + 16 of GC header */
    gs_type_update_hooks(vm, st->t_iter);
    static const gs_MethodDef scanner_methods[] = {
        { "match", scanner_match, 0, -1, GS_KW },
        { "search", scanner_search, 0, -1, GS_KW },
        { NULL, NULL, 0, 0, 0 },
    };
    st->t_scanner = gs_native_type_new(vm, "_sre.SRE_Scanner", &iter_ops, scanner_methods);
    gs_type_add_getter(vm, st->t_scanner, "pattern", scanner_pattern);
    gs_type_update_hooks(vm, st->t_scanner);
    /* class error(Exception) of re/_constants.py: a class as a class
     * statement makes it, whose __init__ is error_init */
    gs_Object *ns = gs_dict_new(vm);
    gs_Object *mod = ns ? gs_str_from_cstr(vm, "re") : NULL;
    gs_Object *bases = mod ? gs_tuple_pack(vm, 1, &vm->e_Exception->ob) : NULL;
    gs_Object *err = NULL;
    if (bases && gs_dict_set(vm, ns, &vm->s___module__->ob, mod) == 0)
        err = gs_type_new(vm, vm->t_type, gs_name(vm, "error"), bases, ns, NULL, NULL);
    gs_xdecref(vm, bases);
    gs_xdecref(vm, mod);
    gs_xdecref(vm, ns);
    if (!err || GS_KIND(err) != GS_K_TYPE) {
        gs_xdecref(vm, err);
        free(st);
        return NULL;
    }
    static const gs_MethodDef error_methods[] = {
        { "__init__", error_init, 0, -1, GS_KW },
        { NULL, NULL, 0, 0, 0 },
    };
    st->e_error = (gs_Type *)err; /* the state's reference */
    gs_type_add_methods(vm, st->e_error, error_methods);
    gs_type_update_hooks(vm, st->e_error);
    vm->modstate[GS_MS_RE] = st;
    return st;
}

static const gs_MethodDef functions[] = {
    { "compile", f_compile, 0, -1, GS_KW },   { "search", f_search, 0, -1, GS_KW },
    { "match", f_match, 0, -1, GS_KW },       { "fullmatch", f_fullmatch, 0, -1, GS_KW },
    { "split", f_split, 0, -1, GS_KW },       { "findall", f_findall, 0, -1, GS_KW },
    { "finditer", f_finditer, 0, -1, GS_KW }, { "sub", f_sub, 0, -1, GS_KW },
    { "subn", f_subn, 0, -1, GS_KW },         { "escape", f_escape, 0, -1, GS_KW },
    { "purge", f_purge, 0, -1, GS_KW },       { NULL, NULL, 0, 0, 0 },
};

/* ("template", deprecated, is not modelled) */
static const char *const re_all[] = {
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE",
    "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag", NULL,
};

/* ================================================================== RegexFlag */

/* RegexFlag's members in the order re/__init__.py defines them */
static const struct { const char *name, *alias; int v; } regex_flags[] = {
    { "NOFLAG", NULL, 0 },       { "ASCII", "A", F_A },        { "IGNORECASE", "I", F_I }, { "LOCALE", "L", F_L },
    { "UNICODE", "U", F_U },     { "MULTILINE", "M", F_M },    { "DOTALL", "S", F_S },     { "VERBOSE", "X", F_X },
    { "TEMPLATE", "T", F_TEMPLATE }, { "DEBUG", NULL, F_DEBUG },
};

/* enum.global_flag_repr (RegexFlag's __repr__, and its __str__ through
 * object.__str__): re.IGNORECASE|re.MULTILINE, unknown bits in hex */
static gs_Object *flag_repr(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t v = 0;
    if (gs_index_arg(vm, self, &v) < 0)
        return NULL;
    gs_Buf b;
    gs_buf_init(&b);
    if (v == 0)
        gs_buf_adds(&b, "re.NOFLAG");
    int64_t left = v;
    for (size_t i = 1; i < sizeof regex_flags / sizeof regex_flags[0]; i++)
        if (v > 0 && (v & regex_flags[i].v)) {
            gs_buf_printf(&b, "%sre.%s", b.len ? "|" : "", regex_flags[i].name);
            left &= ~(int64_t)regex_flags[i].v;
        }
    if (v < 0)
        gs_buf_printf(&b, "re.RegexFlag(%lld)", (long long)v);
    else if (left)
        gs_buf_printf(&b, "%s0x%llx", b.len ? "|" : "", (unsigned long long)left);
    return gs_buf_to_str(vm, &b);
}

/* format(flag, spec): its str formatted */
static gs_Object *flag_format(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *r = flag_repr(vm, self, NULL, 0, NULL);
    gs_Object *f = r ? gs_format(vm, r, args[0]) : NULL;
    gs_xdecref(vm, r);
    return f;
}

/* class RegexFlag(enum.IntFlag) as re/__init__.py makes it (with
 * enum.global_enum's repr), through the enum module's own metaclass; NULL
 * with an exception */
static gs_Object *make_regexflag(gs_VM *vm)
{
    gs_Object *enum_mod = gs_import(vm, gs_name(vm, "enum"));
    gs_Object *intflag = enum_mod ? gs_getattr(vm, enum_mod, gs_name(vm, "IntFlag")) : NULL;
    gs_xdecref(vm, enum_mod);
    if (!intflag)
        return NULL;
    /* IntFlag('RegexFlag', [(name, value), ...]), its __module__ 're' */
    gs_Object *name = gs_newref(vm, &gs_name(vm, "RegexFlag")->ob);
    gs_Object *names = name ? gs_list_new(vm, 0) : NULL;
    gs_Object *cls = NULL;
    bool ok = names != NULL;
    for (size_t i = 0; ok && i < sizeof regex_flags / sizeof regex_flags[0]; i++) {
        for (int k = 0; ok && k < 2; k++) {
            const char *n = k ? regex_flags[i].alias : regex_flags[i].name;
            if (!n)
                continue;
            gs_Object *v = gs_int_new(vm, regex_flags[i].v);
            gs_Object *ns = v ? gs_str_from_cstr(vm, n) : NULL;
            gs_Object *pair = ns ? gs_tuple_pack(vm, 2, ns, v) : NULL;
            ok = pair && gs_list_append(vm, names, pair) == 0;
            gs_xdecref(vm, pair);
            gs_xdecref(vm, ns);
            gs_xdecref(vm, v);
        }
    }
    if (ok) {
        gs_Object *cargs[2] = { name, names };
        cls = gs_call(vm, intflag, cargs, 2, NULL);
    }
    if (cls) {
        gs_Object *mod = gs_str_from_cstr(vm, "re");
        if (!mod || gs_setattr(vm, cls, vm->s___module__, mod) < 0) {
            gs_decref(vm, cls);
            cls = NULL;
        }
        gs_xdecref(vm, mod);
    }
    gs_xdecref(vm, names);
    if (cls && GS_KIND(cls) == GS_K_TYPE) {
        static const gs_MethodDef flag_methods[] = {
            { "__repr__", flag_repr, 0, 0, 0 },
            { "__str__", flag_repr, 0, 0, 0 },
            { "__format__", flag_format, 1, 1, 0 },
            { NULL, NULL, 0, 0, 0 },
        };
        gs_type_add_methods(vm, (gs_Type *)cls, flag_methods);
        gs_type_update_hooks(vm, (gs_Type *)cls);
    }
    gs_xdecref(vm, name);
    gs_decref(vm, intflag);
    return cls;
}

/* the footprint's allocations tuned to gc.get_count() after `import re`
 * at a program's top (after `import enum`: also what the model's enum
 * import counted beyond CPython's) */
enum { RE_TUNE_FIRST = -147, RE_TUNE_AFTER_ENUM = -248 };

gs_Object *gs_module_re(gs_VM *vm)
{
    bool had_enum = gs_module_imported(vm, "enum");
    ReState *st = re_types(vm);
    gs_Object *m = st ? gs_module_new(vm, "re") : NULL;
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "__all__", gs_str_list(vm, re_all));
    gs_module_add(vm, m, "Pattern", gs_newref(vm, &st->t_pattern->ob));
    gs_module_add(vm, m, "Match", gs_newref(vm, &st->t_match->ob));
    gs_module_add(vm, m, "error", gs_newref(vm, &st->e_error->ob));
    /* the flags: RegexFlag's members, by their names and aliases */
    gs_Object *rf = make_regexflag(vm);
    if (!rf) {
        gs_decref(vm, m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof regex_flags / sizeof regex_flags[0]; i++) {
        gs_Object *member = gs_getattr(vm, rf, gs_name(vm, regex_flags[i].name));
        if (!member) {
            gs_decref(vm, rf);
            gs_decref(vm, m);
            return NULL;
        }
        if (regex_flags[i].alias)
            gs_module_add(vm, m, regex_flags[i].alias, gs_newref(vm, member));
        gs_module_add(vm, m, regex_flags[i].name, member);
    }
    gs_module_add(vm, m, "RegexFlag", rf);
    gs_module_add(vm, m, "_cache", gs_dict_new(vm));
    gs_module_add(vm, m, "_MAXCACHE", gs_int_new(vm, MAXCACHE));
    /* CPython runs Lib/re/ and what it imports (enum, functools,
     * copyreg ...): allocations, objects kept and objects left in cycles,
     * measured with python3.11 after a full collection in a program that
     * imported nothing before (or only enum); less what the model makes
     * (enum's import included: its 111 objects in cycles are among
     * CPython's 117, which the automatic collections these allocations
     * start free, but 6) */
    if (had_enum)
        gs_gc_import_footprint(vm, 880 - 141 + RE_TUNE_AFTER_ENUM, 436 - 105, 6);
    else
        gs_gc_import_footprint(vm, 3173 - 2546 + RE_TUNE_FIRST, 1623 - 196, 6);
    return m;
}

/* re.error, which the state holds */
void gs_re_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    ReState *st = state_of(vm);
    if (st && st->e_error)
        count(ctx, &st->e_error->ob);
}

void gs_re_clear(gs_VM *vm)
{
    ReState *st = state_of(vm);
    if (st && st->e_error) {
        gs_Object *e = &st->e_error->ob;
        st->e_error = NULL;
        gs_decref(vm, e);
    }
}

void gs_re_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_RE]); /* the types themselves are the VM's */
    vm->modstate[GS_MS_RE] = NULL;
}
