/*
 * parser.c — recursive-descent parser for gcscope's Python subset.
 *
 * The grammar is CPython 3.11's (Grammar/python.gram) written as ordinary
 * recursive descent.  CPython's PEG parser runs twice: a fast pass and, only
 * when that fails, a second pass with "invalid_*" rules that choose a helpful
 * message.  We parse once, and at the point where the fast pass would fail we
 * test the same patterns the invalid_* rules test, so the message, line and
 * column are CPython's for the common mistakes.  Anything we do not
 * recognise is a plain "invalid syntax" at the furthest token read, as in
 * CPython.
 *
 * Every input is lexed up front (the token array is freed before returning).
 * If lexing stopped at an error, the parser meets an error token there; how
 * that error competes with a parser error follows CPython's
 * _PyPegen_set_syntax_error (see finish_error below).
 *
 * Recursion is bounded by `depth`, counted in CPython parser levels
 * (MAXSTACK 6000, reported as MemoryError like CPython), and the finished tree
 * is checked iteratively for CPython's compile-time nesting limit (a
 * RecursionError), so the compiler may recurse over the tree safely.
 */
#include "ast.h"
#include "lexer.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <math.h>

enum {
    GS_MAXSTACK = 6000,        /* CPython's parser stack limit */
    GS_MAX_AST_DEPTH = 3000,   /* CPython: recursion limit 1000 x COMPILER_STACK_FRAME_SCALE 3 */
    GS_COST_ATOM = 19,         /* CPython rule levels from `expression` down to `atom` */
    GS_COST_BLOCK = 6,
    GS_COST_BASE = 33
};

typedef struct P {
    gs_Arena *a;
    gs_LexToken *t;
    int n, i;
    int maxi;                  /* furthest token looked at (CPython's fill - 1) */
    int max_any;               /* furthest token looked at, speculation included */
    int reached_err;           /* the lexer's error token was looked at */
    int err_index;             /* index of the error token, or -1 */
    const gs_Lexer *lx;        /* lexer state at the end (error, open brackets) */
    const char *buf;           /* normalised source, for error columns */
    size_t buflen;
    int failed;
    gs_SyntaxError e;          /* parser's error; col is a byte column + 1 until finished */
    int e_chars;               /* e.col is already a character offset */
    int e_final;               /* CPython does not look for tokenizer errors after this one */
    int no_invalid;            /* inside a lookahead: CPython's *_without_invalid rules */
    int depth;
    int in_func, in_loop;      /* for the checks CPython makes while compiling */
    int fstring;               /* parsing an f-string expression */
    int has_deferred;
    gs_SyntaxError deferred;
} P;

/* ================================================================ errors */

static void *failv(P *p, gs_SyntaxKind kind, int line, int col, int end_line, int end_col,
                   const char *fmt, va_list ap)
{
    if (p->failed) return NULL;
    p->failed = 1;
    memset(&p->e, 0, sizeof p->e);
    p->e.kind = kind;
    int off = 0;
    if (p->fstring) off = snprintf(p->e.msg, sizeof p->e.msg, "f-string: ");
    vsnprintf(p->e.msg + off, sizeof p->e.msg - (size_t)off, fmt, ap);
    p->e.line = line;
    p->e.col = col + 1;
    p->e.end_line = end_line;
    p->e.end_col = end_col + 1;
    p->e_chars = 0;
    return NULL;
}

static void *fail_at(P *p, gs_SyntaxKind kind, int line, int col, int end_line, int end_col,
                     const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void *fail_at(P *p, gs_SyntaxKind kind, int line, int col, int end_line, int end_col,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failv(p, kind, line, col, end_line, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

/* Column CPython uses for an error on token t: INDENT and DEDENT have no
 * position of their own, so CPython takes the cursor, one less than usual. */
static int tok_err_col(const gs_LexToken *t)
{
    if (t->type == GS_TK_INDENT || t->type == GS_TK_DEDENT) return t->col - 1;
    return t->col;
}

static void *fail_tok(P *p, const gs_LexToken *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void *fail_tok(P *p, const gs_LexToken *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failv(p, GS_SYNTAX_ERROR, t->line, tok_err_col(t), t->end_line, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *fail_node(P *p, const gs_Node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void *fail_node(P *p, const gs_Node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failv(p, GS_SYNTAX_ERROR, n->line, n->col, n->end_line, n->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *fail_range(P *p, const gs_Node *a, const gs_Node *b, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void *fail_range(P *p, const gs_Node *a, const gs_Node *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failv(p, GS_SYNTAX_ERROR, a->line, a->col, b->end_line, b->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *fail_indent(P *p, const gs_LexToken *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void *fail_indent(P *p, const gs_LexToken *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    failv(p, GS_INDENTATION_ERROR, t->line, tok_err_col(t), t->end_line, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *nomem(P *p)
{
    if (p->failed) return NULL;
    p->failed = 1;
    memset(&p->e, 0, sizeof p->e);
    p->e.kind = GS_MEMORY_ERROR;
    p->e_chars = 1;
    return NULL;
}

/* ================================================================ tokens */

static const gs_LexToken *T(P *p)
{
    if (p->i > p->maxi) p->maxi = p->i;
    if (p->i > p->max_any) p->max_any = p->i;
    if (p->i == p->err_index) p->reached_err = 1;
    return &p->t[p->i];
}

static const gs_LexToken *TK(P *p, int k)
{
    int j = p->i + k;
    if (j >= p->n) j = p->n - 1;
    if (j > p->maxi) p->maxi = j;
    if (j > p->max_any) p->max_any = j;
    if (j == p->err_index) p->reached_err = 1;
    return &p->t[j];
}

static const gs_LexToken *prev(P *p) { return &p->t[p->i > 0 ? p->i - 1 : 0]; }

static void adv(P *p)
{
    if (p->i < p->n - 1) p->i++;
}

static int is_op(P *p, int op)
{
    const gs_LexToken *t = T(p);
    return t->type == GS_TK_OP && t->op == op;
}
static int is_kw(P *p, int kw)
{
    const gs_LexToken *t = T(p);
    return t->type == GS_TK_NAME && t->kw == kw;
}
static int is_type(P *p, int type) { return T(p)->type == type; }
static int is_name(P *p)
{
    const gs_LexToken *t = T(p);
    return t->type == GS_TK_NAME && t->kw == 0;
}
static int accept_op(P *p, int op)
{
    if (is_op(p, op)) { adv(p); return 1; }
    return 0;
}
static int accept_kw(P *p, int kw)
{
    if (is_kw(p, kw)) { adv(p); return 1; }
    return 0;
}

/* The generic error: "invalid syntax" at the furthest token read, or an
 * IndentationError when that token is an INDENT/DEDENT. */
static void *fail_generic(P *p)
{
    if (p->failed) return NULL;
    const gs_LexToken *t = &p->t[p->maxi];
    if (t->type == GS_TK_INDENT || t->type == GS_TK_DEDENT) {
        fail_indent(p, t, t->type == GS_TK_INDENT ? "unexpected indent" : "unexpected unindent");
        p->e_final = 1;
        return NULL;
    }
    return fail_tok(p, t, "invalid syntax");
}

static int expect_op(P *p, int op)
{
    if (accept_op(p, op)) return 1;
    fail_generic(p);
    return 0;
}

/* CPython's forced tokens (&&':' in the grammar) fail at once. */
static int expect_forced(P *p, int op, const char *text)
{
    if (accept_op(p, op)) return 1;
    fail_tok(p, T(p), "expected '%s'", text);
    return 0;
}

/* ================================================================ nodes */

static gs_Node *mk(P *p, gs_NodeKind kind, const gs_LexToken *start)
{
    gs_Node *n = gs_arena_alloc(p->a, sizeof *n);
    if (!n) return nomem(p);
    n->kind = kind;
    n->line = start->line;
    n->col = start->col;
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    n->pline = 0;
    return n;
}

/* A node that starts where `start` does, its parentheses included. */
static gs_Node *mk_at(P *p, gs_NodeKind kind, const gs_Node *start)
{
    gs_Node *n = gs_arena_alloc(p->a, sizeof *n);
    if (!n) return nomem(p);
    n->kind = kind;
    bool g = start->pline > 0;
    n->line = g ? start->pline : start->line;
    n->col = g ? start->pcol : start->col;
    n->end_line = g ? start->pend_line : start->end_line;
    n->end_col = g ? start->pend_col : start->end_col;
    n->pline = 0;
    return n;
}

/* n is a group: its parentheses span from lp to the token just consumed */
static gs_Node *grouped(P *p, gs_Node *n, const gs_LexToken *lp)
{
    const gs_LexToken *rp = prev(p);
    n->pline = lp->line;
    n->pcol = lp->col;
    n->pend_line = rp->end_line;
    n->pend_col = rp->end_col;
    return n;
}

/* The node ends where the last consumed token ends. */
static gs_Node *fin(P *p, gs_Node *n)
{
    if (!n) return NULL;
    const gs_LexToken *t = prev(p);
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

/* n ends where `last` does, its parentheses included */
static void end_as(gs_Node *n, const gs_Node *last)
{
    bool g = last->pline > 0;
    n->end_line = g ? last->pend_line : last->end_line;
    n->end_col = g ? last->pend_col : last->end_col;
}

/* Growable arrays live in the arena; doubling keeps the waste under 2x. */
static int vgrow(P *p, void **items, int n, int *cap, size_t elsize)
{
    if (n < *cap) return 1;
    int ncap = *cap ? *cap * 2 : 4;
    void *nb = gs_arena_alloc(p->a, (size_t)ncap * elsize);
    if (!nb) { nomem(p); return 0; }
    if (n) memcpy(nb, *items, (size_t)n * elsize);
    *items = nb;
    *cap = ncap;
    return 1;
}

typedef struct NVec { gs_Node **items; int n, cap; } NVec;

static int npush(P *p, NVec *v, gs_Node *x)
{
    if (!vgrow(p, (void **)&v->items, v->n, &v->cap, sizeof *v->items)) return 0;
    v->items[v->n++] = x;
    return 1;
}
static gs_NodeList nlist(NVec v)
{
    gs_NodeList l = { v.items, v.n };
    return l;
}

static gs_Ident ident_tok(P *p, const gs_LexToken *t)
{
    gs_Ident id = { gs_arena_strndup(p->a, t->start, (size_t)t->len), t->len };
    if (!id.s) nomem(p);
    return id;
}

static int enter(P *p, int cost)
{
    p->depth += cost;
    if (p->depth > GS_MAXSTACK) {
        nomem(p);
        return 0;
    }
    return 1;
}
static void leave(P *p, int cost) { p->depth -= cost; }

/* ================================================================ forward */

static gs_Node *parse_expression(P *p);
static gs_Node *parse_named_expression(P *p);
static gs_Node *parse_star_expressions(P *p, int *is_tuple);
static gs_Node *parse_disjunction(P *p);
static gs_Node *parse_bitwise_or(P *p);
static gs_Node *parse_primary(P *p);
static gs_Node *parse_yield(P *p);
static gs_Node *parse_strings(P *p);
static int parse_statement(P *p, NVec *out);
static int parse_block(P *p, NVec *out, const char *what, int line);
static int parse_params(P *p, gs_Node *fn, int closer, int lambda);

/* ================================================================ targets */

/* CPython's _PyPegen_get_expr_name: how an expression is named in errors. */
static const char *expr_name(const gs_Node *e)
{
    switch (e->kind) {
    case GS_E_ATTRIBUTE: return "attribute";
    case GS_E_SUBSCRIPT: return "subscript";
    case GS_E_STARRED: return "starred";
    case GS_E_NAME: return "name";
    case GS_E_LIST: return "list";
    case GS_E_TUPLE: return "tuple";
    case GS_E_LAMBDA: return "lambda";
    case GS_E_CALL: return "function call";
    case GS_E_BOOLOP: case GS_E_BINOP: case GS_E_UNARYOP: return "expression";
    case GS_E_GENEXP: return "generator expression";
    case GS_E_YIELD: case GS_E_YIELDFROM: return "yield expression";
    case GS_E_LISTCOMP: return "list comprehension";
    case GS_E_SETCOMP: return "set comprehension";
    case GS_E_DICTCOMP: return "dict comprehension";
    case GS_E_DICT: return "dict literal";
    case GS_E_SET: return "set display";
    case GS_E_JOINEDSTR: case GS_E_FORMATTED: return "f-string expression";
    case GS_E_CONST:
        switch (e->u.constant.kind) {
        case GS_C_NONE: return "None";
        case GS_C_TRUE: return "True";
        case GS_C_FALSE: return "False";
        case GS_C_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case GS_E_COMPARE: return "comparison";
    case GS_E_IFEXP: return "conditional expression";
    case GS_E_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

enum { TGT_STAR, TGT_DEL, TGT_FOR };

/* CPython's _PyPegen_get_invalid_target: the first sub-expression that
 * cannot be assigned to (or deleted), or NULL when `e` is a valid target. */
static const gs_Node *invalid_target(const gs_Node *e, int type)
{
    for (;;) {
        switch (e->kind) {
        case GS_E_LIST:
        case GS_E_TUPLE:
            for (int i = 0; i < e->u.seq.items.count; i++) {
                const gs_Node *r = invalid_target(e->u.seq.items.items[i], type);
                if (r) return r;
            }
            return NULL;
        case GS_E_STARRED:
            if (type == TGT_DEL) return e;
            e = e->u.starred.value;
            continue;
        case GS_E_COMPARE:
            if (type == TGT_FOR && e->u.compare.ops[0] == GS_CMP_IN) {
                e = e->u.compare.left;
                continue;
            }
            return e;
        case GS_E_NAME: case GS_E_SUBSCRIPT: case GS_E_ATTRIBUTE:
            return NULL;
        default:
            return e;
        }
    }
}

static void *fail_invalid_target(P *p, const gs_Node *e, int type)
{
    const gs_Node *bad = invalid_target(e, type);
    if (!bad) return fail_generic(p);
    return fail_node(p, bad, type == TGT_DEL ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
}

/* Where a named_expression is followed by '=', CPython's
 * invalid_named_expression picks one of two "did you mean ==" messages.
 * `start` is the token index where `e` began. */
static int is_pure_bitwise_or(const gs_Node *e)
{
    switch (e->kind) {
    case GS_E_COMPARE: case GS_E_BOOLOP: case GS_E_IFEXP: case GS_E_LAMBDA:
    case GS_E_NAMEDEXPR: case GS_E_STARRED: case GS_E_YIELD: case GS_E_YIELDFROM:
        return 0;
    case GS_E_UNARYOP:
        return e->u.unary.op != GS_UOP_NOT;
    default:
        return 1;
    }
}

static const gs_Node *leftmost(const gs_Node *e)
{
    for (;;) {
        switch (e->kind) {
        case GS_E_ATTRIBUTE: e = e->u.attribute.value; break;
        case GS_E_SUBSCRIPT: e = e->u.subscript.value; break;
        case GS_E_CALL: e = e->u.call.func; break;
        case GS_E_BINOP: e = e->u.binop.left; break;
        default: return e;
        }
    }
}

/* Speculatively parse a bitwise_or at the current position; report whether
 * one parses and what follows it.  Nothing is consumed. */
static int spec_bitwise_or(P *p, gs_Node **out, int *next_is_eq)
{
    int save_i = p->i, save_max = p->maxi, save_depth = p->depth;
    p->no_invalid++;
    gs_Node *b = parse_bitwise_or(p);
    p->no_invalid--;
    int ok = b != NULL && !p->failed;
    if (ok) {
        *out = b;
        *next_is_eq = is_op(p, GS_T_EQUAL) || is_op(p, GS_T_COLONEQUAL);
    }
    if (p->failed && p->e.kind == GS_MEMORY_ERROR) return 0;
    p->failed = 0;
    p->i = save_i;
    p->maxi = save_max;
    p->depth = save_depth;
    return ok;
}

/* Returns 1 (and fails) when the invalid_named_expression pattern fires. */
static int check_named_eq(P *p, int start, gs_Node *e)
{
    if (p->failed || p->no_invalid || !is_op(p, GS_T_EQUAL)) return 0;
    int eq = p->i;
    const gs_LexToken *st = &p->t[start];
    p->i = eq + 1;
    gs_Node *b = NULL;
    int next_eq = 0;
    int ok = spec_bitwise_or(p, &b, &next_eq);
    p->i = eq;
    if (!ok || next_eq) return 0;
    if (e->kind == GS_E_NAME && eq == start + 1 && st->type == GS_TK_NAME) {
        fail_range(p, e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return 1;
    }
    if (!is_pure_bitwise_or(e)) return 0;
    const gs_Node *l = leftmost(e);
    if (l->line == e->line && l->col == e->col) {
        if (l->kind == GS_E_LIST || l->kind == GS_E_TUPLE || l->kind == GS_E_GENEXP) return 0;
        if (l->kind == GS_E_CONST && (l->u.constant.kind == GS_C_TRUE || l->u.constant.kind == GS_C_FALSE ||
                                      l->u.constant.kind == GS_C_NONE) && st->type == GS_TK_NAME)
            return 0;
    }
    fail_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(e));
    return 1;
}

/* ================================================================ numbers */

static gs_Node *parse_number(P *p)
{
    const gs_LexToken *t = T(p);
    gs_Node *n = mk(p, GS_E_CONST, t);
    if (!n) return NULL;
    adv(p);
    char tmp[128];
    char *digits = t->len < (int)sizeof tmp ? tmp : malloc((size_t)t->len + 1);
    if (!digits) return nomem(p);
    int k = 0;
    int is_float = 0, is_imag = 0, base = 10;
    const char *s = t->start;
    int len = t->len;
    if (len > 1 && s[0] == '0' && strchr("xXoObB", s[1])) {
        base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
        s += 2;
        len -= 2;
    }
    for (int j = 0; j < len; j++) {
        char c = s[j];
        if (c == '_') continue;
        if (base == 10 && (c == '.' || c == 'e' || c == 'E')) is_float = 1;
        if (c == 'j' || c == 'J') { /* the lexer allows it only last, after a decimal number */
            is_imag = 1;
            continue;
        }
        digits[k++] = c;
    }
    digits[k] = '\0';
    if (is_imag) {
        n->u.constant.kind = GS_C_COMPLEX;
        n->u.constant.float_value = strtod(digits, NULL);
    } else if (is_float) {
        n->u.constant.kind = GS_C_FLOAT;
        n->u.constant.float_value = strtod(digits, NULL);
    } else {
        n->u.constant.kind = GS_C_INT;
        uint64_t v = 0;
        int big = 0;
        for (int j = 0; j < k; j++) {
            int d = digits[j] <= '9' ? digits[j] - '0' : (digits[j] | 0x20) - 'a' + 10;
            if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) { big = 1; break; }
            v = v * (uint64_t)base + (uint64_t)d;
        }
        if (v > (uint64_t)INT64_MAX) big = 1;
        if (big) {
            /* Keep the text; a decimal string is easiest for the runtime. */
            n->u.constant.big = 1;
            if (base != 10) {
                /* convert to decimal by repeated base multiplication on a
                 * little-endian array of base-1e9 limbs */
                int cap = k + 2;
                uint32_t *limb = calloc((size_t)cap, sizeof *limb);
                if (!limb) { if (digits != tmp) free(digits); return nomem(p); }
                int nl = 1;
                for (int j = 0; j < k; j++) {
                    uint64_t carry = (uint64_t)(digits[j] <= '9' ? digits[j] - '0' : (digits[j] | 0x20) - 'a' + 10);
                    for (int q = 0; q < nl; q++) {
                        uint64_t x = (uint64_t)limb[q] * (uint64_t)base + carry;
                        limb[q] = (uint32_t)(x % 1000000000u);
                        carry = x / 1000000000u;
                    }
                    while (carry) { limb[nl++] = (uint32_t)(carry % 1000000000u); carry /= 1000000000u; }
                }
                char *out = gs_arena_alloc(p->a, (size_t)nl * 9 + 1);
                if (!out) { free(limb); if (digits != tmp) free(digits); return nomem(p); }
                int pos = sprintf(out, "%u", limb[nl - 1]);
                for (int q = nl - 2; q >= 0; q--) pos += sprintf(out + pos, "%09u", limb[q]);
                free(limb);
                n->u.constant.str = out;
                n->u.constant.len = pos;
            } else {
                int z = 0;
                while (z < k - 1 && digits[z] == '0') z++;
                n->u.constant.str = gs_arena_strndup(p->a, digits + z, (size_t)(k - z));
                n->u.constant.len = k - z;
            }
        } else {
            n->u.constant.int_value = (int64_t)v;
        }
    }
    if (digits != tmp) free(digits);
    return n;
}

/* ================================================================ strings */

typedef struct SBuf { char *s; int n, cap; } SBuf;

static int sb_put(P *p, SBuf *b, const char *s, int n)
{
    if (b->n + n + 1 > b->cap) {
        int ncap = b->cap ? b->cap : 64;
        while (b->n + n + 1 > ncap) ncap *= 2;
        char *nb = gs_arena_alloc(p->a, (size_t)ncap);
        if (!nb) { nomem(p); return 0; }
        if (b->n) memcpy(nb, b->s, (size_t)b->n);
        b->s = nb;
        b->cap = ncap;
    }
    memcpy(b->s + b->n, s, (size_t)n);
    b->n += n;
    b->s[b->n] = '\0';
    return 1;
}

static int sb_utf8(P *p, SBuf *b, unsigned cp)
{
    char u[4];
    int n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    return sb_put(p, b, u, n);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decode the escapes of s[0..n) into b.  Errors use CPython's codec texts;
 * `errtok` locates them (CPython points at the string token). */
static int decode_escapes(P *p, SBuf *b, const char *s, int n, int bytes, const gs_LexToken *errtok)
{
    int i = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', (size_t)(n - i));
        int run = bs ? (int)(bs - (s + i)) : n - i;
        if (run && !sb_put(p, b, s + i, run)) return 0;
        i += run;
        if (i >= n) break;
        int start = i;
        i++;   /* the backslash */
        if (i >= n) {
            fail_tok(p, errtok, bytes ? "(value error) Trailing \\ in string"
                                      : "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: \\ at end of string",
                     start, start);
            return 0;
        }
        char c = s[i++];
        char ch;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'a': ch = '\a'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'v': ch = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(c - '0');
            for (int q = 0; q < 2 && i < n && s[i] >= '0' && s[i] <= '7'; q++) v = v * 8 + (unsigned)(s[i++] - '0');
            if (bytes) { char x = (char)(v & 0xFF); if (!sb_put(p, b, &x, 1)) return 0; }
            else if (!sb_utf8(p, b, v)) return 0;
            continue;
        }
        case 'x': case 'u': case 'U': {
            int want = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (bytes && c != 'x') {
                /* not an escape in bytes: keep the backslash */
                if (!sb_put(p, b, s + start, 2)) return 0;
                continue;
            }
            unsigned v = 0;
            int q = 0;
            for (; q < want && i < n && hexval((unsigned char)s[i]) >= 0; q++) v = v * 16 + (unsigned)hexval((unsigned char)s[i++]);
            if (q < want) {
                if (bytes) fail_tok(p, errtok, "(value error) invalid \\x escape at position %d", start);
                else fail_tok(p, errtok, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\%s escape",
                              start, i - 1, c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
                return 0;
            }
            if (bytes) { char x = (char)v; if (!sb_put(p, b, &x, 1)) return 0; continue; }
            if (v > 0x10FFFF) {
                fail_tok(p, errtok, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character",
                         start, i - 1);
                return 0;
            }
            if (!sb_utf8(p, b, v)) return 0;
            continue;
        }
        case 'N':
            if (!bytes) {
                /* No Unicode name database here: every \N{...} is refused
                 * the way CPython refuses an unknown name. */
                int e = i;
                if (e < n && s[e] == '{') { while (e < n && s[e] != '}') e++; }
                fail_tok(p, errtok, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
                         start, e < n ? e : n - 1, (i < n && s[i] == '{' && e < n) ? "unknown Unicode character name" : "malformed \\N character escape");
                return 0;
            }
            if (!sb_put(p, b, s + start, 2)) return 0;
            continue;
        default:
            /* invalid escapes are kept verbatim (CPython only warns) */
            if (!sb_put(p, b, s + start, 2)) return 0;
            continue;
        }
        if (!sb_put(p, b, &ch, 1)) return 0;
    }
    return 1;
}

typedef struct StrTok {
    const gs_LexToken *t;
    const char *body;          /* between the quotes */
    int len;
    int raw, bytes, fstr;
    const char *scan;          /* str_pos's cache: line scan_line (starting at scan_ls) holds scan */
    int scan_line;
    const char *scan_ls;
} StrTok;

static void split_string(const gs_LexToken *t, StrTok *st)
{
    const char *s = t->start;
    int k = 0;
    st->t = t;
    st->raw = st->bytes = st->fstr = 0;
    st->scan = t->start;
    st->scan_line = t->line;
    st->scan_ls = t->start - t->col;
    while (s[k] != '\'' && s[k] != '"') {
        char c = (char)(s[k] | 0x20);
        if (c == 'r') st->raw = 1;
        if (c == 'b') st->bytes = 1;
        if (c == 'f') st->fstr = 1;
        k++;
    }
    int q = (t->len - k >= 6 && s[k + 1] == s[k] && s[k + 2] == s[k]) ? 3 : 1;
    st->body = s + k + q;
    st->len = t->len - k - 2 * q;
}

/* --- f-strings (CPython 3.11's fstring_find_literal / fstring_find_expr) --- */

typedef struct FCtx {
    P *p;
    const gs_LexToken *errtok;   /* f-string errors point at the token after the strings */
    StrTok *st;
    NVec parts;                  /* JoinedStr parts being built */
    SBuf lit;                    /* pending literal text */
    int lit_open;
} FCtx;

static gs_Node *fstring_expr(P *p, const char *s, const char *e, StrTok *st);

/* Position (line, line start) of pointer q inside string token st.
 * Expressions come in order, so the scan goes on from the last one: an
 * f-string with 100,000 fields is not quadratic. */
static void str_pos(StrTok *st, const char *q, int *line, const char **ls)
{
    if (q < st->scan) {
        st->scan = st->t->start;
        st->scan_line = st->t->line;
        st->scan_ls = st->t->start - st->t->col;
    }
    int l = st->scan_line;
    const char *start = st->scan_ls;
    for (const char *r = st->scan; r < q; r++)
        if (*r == '\n') { l++; start = r + 1; }
    st->scan = q;
    st->scan_line = l;
    st->scan_ls = start;
    *line = l;
    *ls = start;
}

static int flush_lit(FCtx *f, NVec *parts, SBuf *lit)
{
    P *p = f->p;
    if (lit->n == 0) return 1;
    gs_Node *c = mk(p, GS_E_CONST, f->st->t);
    if (!c) return 0;
    c->u.constant.kind = GS_C_STR;
    c->u.constant.str = lit->s;
    c->u.constant.len = lit->n;
    lit->s = NULL;
    lit->n = lit->cap = 0;
    return npush(p, parts, c);
}

/* Parse f-string text from *sp to end at nesting `lvl` into parts/lit. */
static int fstring_parse(FCtx *f, const char **sp, const char *end, int lvl, NVec *parts, SBuf *lit);

static int fstring_find_expr(FCtx *f, const char **sp, const char *end, int lvl, NVec *parts, SBuf *lit)
{
    P *p = f->p;
    const char *s = *sp;
    if (lvl >= 2) { fail_tok(p, f->errtok, "f-string: expressions nested too deeply"); return 0; }
    s++;   /* '{' */
    const char *expr_start = s;
    char stack[GS_LEX_MAXLEVEL];
    int nest = 0;
    char quote = 0;
    int qlen = 0;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') { fail_tok(p, f->errtok, "f-string expression part cannot include a backslash"); return 0; }
        if (quote) {
            if (ch == quote) {
                if (qlen == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) { s += 2; quote = 0; }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '{' || ch == '[' || ch == '(') {
            if (nest >= GS_LEX_MAXLEVEL) { fail_tok(p, f->errtok, "f-string: too many nested parenthesis"); return 0; }
            stack[nest++] = ch;
            continue;
        }
        if (ch == '#') { fail_tok(p, f->errtok, "f-string expression part cannot include '#'"); return 0; }
        if (nest == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end) {
                char nx = s[1];
                if ((ch == '!' && nx == '=') || (ch == '=' && nx == '=') || (ch == '<' && nx == '=') || (ch == '>' && nx == '=')) {
                    s++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        }
        if (ch == ']' || ch == '}' || ch == ')') {
            if (!nest) { fail_tok(p, f->errtok, "f-string: unmatched '%c'", ch); return 0; }
            char o = stack[--nest];
            if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') || (o == '{' && ch == '}'))) {
                fail_tok(p, f->errtok, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, o);
                return 0;
            }
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) { qlen = 3; s += 2; }
            else qlen = 1;
            quote = ch;
        }
    }
    const char *expr_end = s;
    if (quote) { fail_tok(p, f->errtok, "f-string: unterminated string"); return 0; }
    if (nest) { fail_tok(p, f->errtok, "f-string: unmatched '%c'", stack[nest - 1]); return 0; }
    if (s >= end) goto unexpected_end;
    gs_Node *value = fstring_expr(p, expr_start, expr_end, f->st);
    if (!value) {
        if (!p->failed) fail_tok(p, f->errtok, "f-string: empty expression not allowed");
        return 0;
    }
    int debug = 0;
    const char *debug_end = NULL;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r' || *s == '\v')) s++;
        if (s >= end) goto unexpected_end;
        debug = 1;
        debug_end = s;
    }
    int conv = 0;
    if (*s == '!') {
        s++;
        if (s >= end) goto unexpected_end;
        conv = (unsigned char)*s++;
        if (!(conv == 's' || conv == 'r' || conv == 'a')) {
            fail_tok(p, f->errtok, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return 0;
        }
    }
    gs_Node *spec = NULL;
    if (s < end && *s == ':') {
        s++;
        if (s >= end) goto unexpected_end;
        NVec sparts = {0};
        SBuf slit = {0};
        if (!fstring_parse(f, &s, end, lvl + 1, &sparts, &slit)) return 0;
        if (!flush_lit(f, &sparts, &slit)) return 0;
        spec = mk(p, GS_E_JOINEDSTR, f->st->t);
        if (!spec) return 0;
        spec->u.seq.items = nlist(sparts);
    }
    if (s >= end || *s != '}') { fail_tok(p, f->errtok, "f-string: expecting '}'"); return 0; }
    s++;
    if (debug) {
        if (!sb_put(p, lit, expr_start, (int)(debug_end - expr_start))) return 0;
        if (!spec && !conv) conv = 'r';
    }
    if (!flush_lit(f, parts, lit)) return 0;
    gs_Node *fv = mk_at(p, GS_E_FORMATTED, value);
    if (!fv) return 0;
    fv->line = f->st->t->line;
    fv->col = f->st->t->col;
    fv->end_line = f->st->t->end_line;
    fv->end_col = f->st->t->end_col;
    fv->u.formatted.value = value;
    fv->u.formatted.conversion = (char)conv;
    fv->u.formatted.format_spec = spec;
    if (!npush(p, parts, fv)) return 0;
    *sp = s;
    return 1;
unexpected_end:
    fail_tok(p, f->errtok, "f-string: expecting '}'");
    return 0;
}

static int fstring_parse(FCtx *f, const char **sp, const char *end, int lvl, NVec *parts, SBuf *lit)
{
    P *p = f->p;
    const char *s = *sp;
    for (;;) {
        /* literal part */
        const char *ls = s;
        int doubled = 0;
        while (s < end) {
            char ch = *s++;
            if (!f->st->raw && ch == '\\' && s < end) {
                ch = *s++;
                if (ch == 'N') {
                    if (s < end && *s++ == '{') { while (s < end && *s++ != '}') { } continue; }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (lvl == 0) {
                    if (s < end && *s == ch) { doubled = 1; break; }
                    if (ch == '}') {
                        fail_tok(p, f->errtok, "f-string: single '}' is not allowed");
                        return 0;
                    }
                }
                s--;
                break;
            }
        }
        const char *le = doubled ? s : s;   /* literal ends before the brace (or includes one of a doubled pair) */
        if (le > ls) {
            if (f->st->raw) { if (!sb_put(p, lit, ls, (int)(le - ls))) return 0; }
            else if (!decode_escapes(p, lit, ls, (int)(le - ls), 0, f->errtok)) return 0;
        }
        if (doubled) { s++; continue; }
        if (s >= end || *s == '}') break;
        /* *s == '{' */
        if (!fstring_find_expr(f, &s, end, lvl, parts, lit)) return 0;
    }
    if (lvl == 0 && s < end) { fail_tok(p, f->errtok, "f-string: unexpected end of string"); return 0; }
    if (lvl != 0 && (s >= end || *s != '}')) { fail_tok(p, f->errtok, "f-string: expecting '}'"); return 0; }
    *sp = s;
    return 1;
}

/* Lex and parse one replacement-field expression in place. */
static gs_Node *fstring_expr(P *p, const char *s, const char *e, StrTok *st)
{
    /* all-whitespace is "empty" */
    const char *q = s;
    while (q < e && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f' || *q == '\r')) q++;
    if (q == e) return NULL;
    int line;
    const char *ls;
    str_pos(st, s, &line, &ls);
    gs_Lexer *lx = malloc(sizeof *lx);
    if (!lx) return nomem(p);
    gs_lex_init_fexpr(lx, s, e, line, ls);
    int cap = 16, n = 0;
    gs_LexToken *toks = malloc((size_t)cap * sizeof *toks);
    if (!toks) { free(lx); return nomem(p); }
    for (;;) {
        if (n == cap) {
            cap *= 2;
            gs_LexToken *nt = realloc(toks, (size_t)cap * sizeof *toks);
            if (!nt) { free(toks); free(lx); return nomem(p); }
            toks = nt;
        }
        gs_LexTokType ty = gs_lex_next(lx, &toks[n]);
        toks[n].type = (unsigned char)ty;
        /* the expression is implicitly parenthesised */
        toks[n].level = (unsigned char)(toks[n].level + 1);
        n++;
        if (ty == GS_TK_ENDMARKER || ty == GS_TK_ERROR) break;
    }
    P sub = *p;
    sub.t = toks;
    sub.n = n;
    sub.i = 0;
    sub.maxi = 0;
    sub.reached_err = 0;
    sub.err_index = toks[n - 1].type == GS_TK_ERROR ? n - 1 : -1;
    sub.lx = lx;
    sub.fstring = 1;
    sub.failed = 0;
    gs_Node *r = NULL;
    if (enter(&sub, GS_COST_ATOM)) {
        if (is_kw(&sub, GS_KW_YIELD)) r = parse_yield(&sub);
        else r = parse_star_expressions(&sub, NULL);
        if (r && !is_type(&sub, GS_TK_ENDMARKER)) r = fail_generic(&sub);
        /* CPython parses "(" expr ")", so a lone starred expression is a
         * starred group */
        if (r && r->kind == GS_E_STARRED) r = fail_node(&sub, r, "cannot use starred expression here");
    }
    if (sub.failed && !sub.e_chars && sub.e.kind != GS_MEMORY_ERROR && sub.e.line == line) {
        /* CPython 3.11 reports columns inside the parenthesised copy of
         * the expression text, not in the file */
        int scol = (int)(s - ls);
        sub.e.col = sub.e.col - scol + 1;
        if (sub.e.end_line == line) sub.e.end_col = sub.e.end_col - scol + 1;
        sub.e_chars = 1;
    }
    if (sub.reached_err && sub.lx->done == 1) {
        /* a lexer error inside the expression wins */
        sub.failed = 1;
        sub.e = lx->err;
        sub.e_chars = 1;
        if (strncmp(sub.e.msg, "f-string: ", 10) != 0) {
            char tmp[sizeof sub.e.msg];
            memcpy(tmp, "f-string: ", 10);
            size_t ml = strlen(lx->err.msg);
            if (ml > sizeof tmp - 11) ml = sizeof tmp - 11;
            memcpy(tmp + 10, lx->err.msg, ml);
            tmp[10 + ml] = '\0';
            memcpy(sub.e.msg, tmp, sizeof tmp);
        }
        r = NULL;
    }
    if (sub.failed && !p->failed) {
        p->failed = 1;
        p->e = sub.e;
        p->e_chars = sub.e_chars;
    }
    if (sub.has_deferred && !p->has_deferred) {
        p->has_deferred = 1;
        p->deferred = sub.deferred;
    }
    free(toks);
    free(lx);
    return r;
}

/* atom: STRING+ — adjacent literals concatenate; f-strings make a JoinedStr. */
static gs_Node *parse_strings(P *p)
{
    int first = p->i;
    while (is_type(p, GS_TK_STRING)) adv(p);
    int last = p->i;          /* one past */
    const gs_LexToken *after = T(p);   /* CPython has read this token too */
    int nstr = last - first;
    StrTok sts[8];
    StrTok *st = nstr <= 8 ? sts : malloc((size_t)nstr * sizeof *st);
    if (!st) return nomem(p);
    int any_bytes = 0, any_str = 0, any_f = 0;
    for (int k = 0; k < nstr; k++) {
        split_string(&p->t[first + k], &st[k]);
        if (st[k].bytes) any_bytes = 1; else any_str = 1;
        if (st[k].fstr) any_f = 1;
    }
    gs_Node *res = NULL;
    if (any_bytes && any_str) {
        fail_tok(p, after, "cannot mix bytes and nonbytes literals");
        goto out;
    }
    if (!any_f) {
        SBuf b = {0};
        if (!sb_put(p, &b, "", 0)) goto out;
        for (int k = 0; k < nstr; k++) {
            if (st[k].raw) { if (!sb_put(p, &b, st[k].body, st[k].len)) goto out; }
            else if (!decode_escapes(p, &b, st[k].body, st[k].len, st[k].bytes, after)) goto out;
        }
        if (any_bytes) {
            for (int k = 0; k < nstr; k++)
                for (int j = 0; j < st[k].len; j++)
                    if ((unsigned char)st[k].body[j] >= 0x80) {
                        fail_tok(p, after, "bytes can only contain ASCII literal characters");
                        goto out;
                    }
        }
        res = mk(p, GS_E_CONST, &p->t[first]);
        if (!res) goto out;
        res->u.constant.kind = any_bytes ? GS_C_BYTES : GS_C_STR;
        res->u.constant.str = b.s;
        res->u.constant.len = b.n;
    } else {
        FCtx f = { p, after, NULL, {0}, {0}, 0 };
        NVec parts = {0};
        SBuf lit = {0};
        for (int k = 0; k < nstr; k++) {
            f.st = &st[k];
            if (!st[k].fstr) {
                if (st[k].raw) { if (!sb_put(p, &lit, st[k].body, st[k].len)) goto out; }
                else if (!decode_escapes(p, &lit, st[k].body, st[k].len, 0, after)) goto out;
                continue;
            }
            const char *s = st[k].body;
            if (!fstring_parse(&f, &s, st[k].body + st[k].len, 0, &parts, &lit)) goto out;
        }
        f.st = &st[0];
        if (!flush_lit(&f, &parts, &lit)) goto out;
        res = mk(p, GS_E_JOINEDSTR, &p->t[first]);
        if (!res) goto out;
        res->u.seq.items = nlist(parts);
    }
    fin(p, res);
out:
    if (st != sts) free(st);
    return res;
}

/* ================================================================ atoms */

static gs_Node *parse_comp_tail(P *p, gs_NodeKind kind, gs_Node *elt, gs_Node *value, const gs_LexToken *start);
static gs_Node *parse_star_named_expression(P *p);

static int starts_expression(P *p)
{
    const gs_LexToken *t = T(p);
    switch (t->type) {
    case GS_TK_NAME:
        switch (t->kw) {
        case 0: case GS_KW_NONE: case GS_KW_TRUE: case GS_KW_FALSE: case GS_KW_NOT: case GS_KW_LAMBDA:
        case GS_KW_AWAIT:
            return 1;
        default: return 0;
        }
    case GS_TK_NUMBER: case GS_TK_STRING: return 1;
    case GS_TK_OP:
        switch (t->op) {
        case GS_T_LPAR: case GS_T_LSQB: case GS_T_LBRACE: case GS_T_MINUS: case GS_T_PLUS:
        case GS_T_TILDE: case GS_T_ELLIPSIS:
            return 1;
        default: return 0;
        }
    default: return 0;
    }
}

/* '(' ... ')' : group, tuple, generator expression, yield, walrus */
static gs_Node *parse_paren(P *p)
{
    const gs_LexToken *lp = T(p);
    adv(p);
    if (accept_op(p, GS_T_RPAR)) {
        gs_Node *t = mk(p, GS_E_TUPLE, lp);
        return fin(p, t);
    }
    if (is_kw(p, GS_KW_YIELD)) {
        gs_Node *y = parse_yield(p);
        if (!y) return NULL;
        if (!expect_op(p, GS_T_RPAR)) return NULL;
        return grouped(p, y, lp);
    }
    int start = p->i;
    gs_Node *first = parse_star_named_expression(p);
    if (!first) return NULL;
    if (is_kw(p, GS_KW_FOR)) {
        if (first->kind == GS_E_STARRED) return fail_node(p, first, "iterable unpacking cannot be used in comprehension");
        gs_Node *g = parse_comp_tail(p, GS_E_GENEXP, first, NULL, lp);
        if (!g) return NULL;
        if (!expect_op(p, GS_T_RPAR)) return NULL;
        return fin(p, g);
    }
    if (accept_op(p, GS_T_RPAR)) {
        if (first->kind == GS_E_STARRED) return fail_node(p, first, "cannot use starred expression here");
        return grouped(p, first, lp); /* a group keeps its inner node's position */
    }
    if (!is_op(p, GS_T_COMMA)) {
        if (check_named_eq(p, start, first)) return NULL;
        return fail_generic(p);
    }
    NVec items = {0};
    if (!npush(p, &items, first)) return NULL;
    while (accept_op(p, GS_T_COMMA)) {
        if (is_op(p, GS_T_RPAR)) break;
        int st = p->i;
        gs_Node *e = parse_star_named_expression(p);
        if (!e) return NULL;
        if (!is_op(p, GS_T_COMMA) && !is_op(p, GS_T_RPAR) && check_named_eq(p, st, e)) return NULL;
        if (!npush(p, &items, e)) return NULL;
    }
    if (!expect_op(p, GS_T_RPAR)) return NULL;
    gs_Node *t = mk(p, GS_E_TUPLE, lp);
    if (!t) return NULL;
    t->u.seq.items = nlist(items);
    return fin(p, t);
}

static gs_Node *parse_list(P *p)
{
    const gs_LexToken *lb = T(p);
    adv(p);
    NVec items = {0};
    if (!is_op(p, GS_T_RSQB)) {
        int st = p->i;
        gs_Node *first = parse_star_named_expression(p);
        if (!first) return NULL;
        if (is_kw(p, GS_KW_FOR)) {
            if (first->kind == GS_E_STARRED) return fail_node(p, first, "iterable unpacking cannot be used in comprehension");
            gs_Node *c = parse_comp_tail(p, GS_E_LISTCOMP, first, NULL, lb);
            if (!c) return NULL;
            if (!expect_op(p, GS_T_RSQB)) return NULL;
            return fin(p, c);
        }
        if (!is_op(p, GS_T_COMMA) && !is_op(p, GS_T_RSQB) && check_named_eq(p, st, first)) return NULL;
        if (!npush(p, &items, first)) return NULL;
        while (accept_op(p, GS_T_COMMA)) {
            if (is_op(p, GS_T_RSQB)) break;
            st = p->i;
            gs_Node *e = parse_star_named_expression(p);
            if (!e) return NULL;
            if (!is_op(p, GS_T_COMMA) && !is_op(p, GS_T_RSQB) && check_named_eq(p, st, e)) return NULL;
            if (!npush(p, &items, e)) return NULL;
        }
    }
    if (!expect_op(p, GS_T_RSQB)) return NULL;
    gs_Node *l = mk(p, GS_E_LIST, lb);
    if (!l) return NULL;
    l->u.seq.items = nlist(items);
    return fin(p, l);
}

static gs_Node *parse_brace(P *p)
{
    const gs_LexToken *lb = T(p);
    adv(p);
    if (accept_op(p, GS_T_RBRACE)) {
        gs_Node *d = mk(p, GS_E_DICT, lb);
        return fin(p, d);
    }
    NVec keys = {0}, vals = {0}, items = {0};
    int is_dict;
    /* first element decides dict or set */
    if (accept_op(p, GS_T_DOUBLESTAR)) {
        gs_Node *v = parse_bitwise_or(p);
        if (!v) return NULL;
        if (!npush(p, &keys, NULL) || !npush(p, &vals, v)) return NULL;
        is_dict = 1;
    } else {
        gs_Node *k = parse_star_named_expression(p);
        if (!k) return NULL;
        if (k->kind != GS_E_STARRED && accept_op(p, GS_T_COLON)) {
            gs_Node *v = parse_expression(p);
            if (!v) return NULL;
            if (is_kw(p, GS_KW_FOR)) {
                gs_Node *c = parse_comp_tail(p, GS_E_DICTCOMP, k, v, lb);
                if (!c) return NULL;
                if (!expect_op(p, GS_T_RBRACE)) return NULL;
                return fin(p, c);
            }
            if (!npush(p, &keys, k) || !npush(p, &vals, v)) return NULL;
            is_dict = 1;
        } else {
            if (is_kw(p, GS_KW_FOR)) {
                if (k->kind == GS_E_STARRED) return fail_node(p, k, "iterable unpacking cannot be used in comprehension");
                gs_Node *c = parse_comp_tail(p, GS_E_SETCOMP, k, NULL, lb);
                if (!c) return NULL;
                if (!expect_op(p, GS_T_RBRACE)) return NULL;
                return fin(p, c);
            }
            if (!npush(p, &items, k)) return NULL;
            is_dict = 0;
        }
    }
    while (accept_op(p, GS_T_COMMA)) {
        if (is_op(p, GS_T_RBRACE)) break;
        if (is_dict) {
            if (accept_op(p, GS_T_DOUBLESTAR)) {
                gs_Node *v = parse_bitwise_or(p);
                if (!v) return NULL;
                if (!npush(p, &keys, NULL) || !npush(p, &vals, v)) return NULL;
                continue;
            }
            gs_Node *k = parse_expression(p);
            if (!k) return NULL;
            if (!is_op(p, GS_T_COLON)) {
                if (is_op(p, GS_T_COMMA) || is_op(p, GS_T_RBRACE))
                    return fail_node(p, k, "':' expected after dictionary key");
                return fail_generic(p);
            }
            adv(p);
            gs_Node *v = parse_expression(p);
            if (!v) return NULL;
            if (!npush(p, &keys, k) || !npush(p, &vals, v)) return NULL;
        } else {
            gs_Node *e = parse_star_named_expression(p);
            if (!e) return NULL;
            if (!npush(p, &items, e)) return NULL;
        }
    }
    if (!expect_op(p, GS_T_RBRACE)) return NULL;
    gs_Node *d = mk(p, is_dict ? GS_E_DICT : GS_E_SET, lb);
    if (!d) return NULL;
    if (is_dict) {
        d->u.dict.keys = nlist(keys);
        d->u.dict.values = nlist(vals);
    } else {
        d->u.seq.items = nlist(items);
    }
    return fin(p, d);
}

static gs_Node *parse_atom(P *p)
{
    const gs_LexToken *t = T(p);
    gs_Node *n;
    switch (t->type) {
    case GS_TK_NAME:
        switch (t->kw) {
        case 0:
            n = mk(p, GS_E_NAME, t);
            if (!n) return NULL;
            n->u.name = ident_tok(p, t);
            adv(p);
            return n;
        case GS_KW_NONE: case GS_KW_TRUE: case GS_KW_FALSE:
            n = mk(p, GS_E_CONST, t);
            if (!n) return NULL;
            n->u.constant.kind = t->kw == GS_KW_NONE ? GS_C_NONE : t->kw == GS_KW_TRUE ? GS_C_TRUE : GS_C_FALSE;
            adv(p);
            return n;
        default:
            return fail_generic(p);
        }
    case GS_TK_NUMBER:
        return parse_number(p);
    case GS_TK_STRING:
        return parse_strings(p);
    case GS_TK_OP: {
        int cost = GS_COST_ATOM;
        switch (t->op) {
        case GS_T_ELLIPSIS:
            n = mk(p, GS_E_CONST, t);
            if (!n) return NULL;
            n->u.constant.kind = GS_C_ELLIPSIS;
            adv(p);
            return n;
        case GS_T_LPAR:
            if (!enter(p, cost)) return NULL;
            n = parse_paren(p);
            leave(p, cost);
            return n;
        case GS_T_LSQB:
            if (!enter(p, cost)) return NULL;
            n = parse_list(p);
            leave(p, cost);
            return n;
        case GS_T_LBRACE:
            if (!enter(p, cost)) return NULL;
            n = parse_brace(p);
            leave(p, cost);
            return n;
        default:
            return fail_generic(p);
        }
    }
    default:
        return fail_generic(p);
    }
}

/* ================================================================ primary */

/* slices: slice | ','.(slice | starred_expression)+ [','] */
static gs_Node *parse_slice(P *p)
{
    const gs_LexToken *st = T(p);
    gs_Node *lower = NULL, *upper = NULL, *step = NULL;
    if (!is_op(p, GS_T_COLON)) {
        int start = p->i;
        if (is_op(p, GS_T_STAR)) {
            const gs_LexToken *s = T(p);
            adv(p);
            gs_Node *v = parse_bitwise_or(p);
            if (!v) return NULL;
            gs_Node *sn = mk(p, GS_E_STARRED, s);
            if (!sn) return NULL;
            sn->u.starred.value = v;
            return fin(p, sn);
        }
        lower = parse_named_expression(p);
        if (!lower) return NULL;
        if (!is_op(p, GS_T_COLON)) {
            if (is_op(p, GS_T_EQUAL)) check_named_eq(p, start, lower);
            return lower;
        }
        if (lower->kind == GS_E_NAMEDEXPR) return fail_generic(p);
    }
    adv(p);   /* ':' */
    if (!is_op(p, GS_T_COLON) && !is_op(p, GS_T_COMMA) && !is_op(p, GS_T_RSQB)) {
        upper = parse_expression(p);
        if (!upper) return NULL;
    }
    if (accept_op(p, GS_T_COLON)) {
        if (!is_op(p, GS_T_COMMA) && !is_op(p, GS_T_RSQB)) {
            step = parse_expression(p);
            if (!step) return NULL;
        }
    }
    gs_Node *s = mk(p, GS_E_SLICE, st);
    if (!s) return NULL;
    s->u.slice.lower = lower;
    s->u.slice.upper = upper;
    s->u.slice.step = step;
    return fin(p, s);
}

static gs_Node *parse_slices(P *p)
{
    const gs_LexToken *st = T(p);
    gs_Node *first = parse_slice(p);
    if (!first) return NULL;
    if (!is_op(p, GS_T_COMMA)) return first;
    NVec items = {0};
    if (!npush(p, &items, first)) return NULL;
    while (accept_op(p, GS_T_COMMA)) {
        if (is_op(p, GS_T_RSQB)) break;
        gs_Node *e = parse_slice(p);
        if (!e) return NULL;
        if (!npush(p, &items, e)) return NULL;
    }
    gs_Node *t = mk(p, GS_E_TUPLE, st);
    if (!t) return NULL;
    t->u.seq.items = nlist(items);
    return fin(p, t);
}

/* Call arguments, CPython's `args` with its ordering checks. */
static gs_Node *parse_call(P *p, gs_Node *func, int is_class)
{
    const gs_LexToken *lp = T(p);
    adv(p);   /* '(' */
    gs_Node *c = mk_at(p, GS_E_CALL, func);
    if (!c) return NULL;
    c->u.call.func = func;
    NVec args = {0};
    gs_Keyword *kws = NULL;
    int nk = 0, kcap = 0;
    int seen_kw = 0, seen_dstar = 0;
    const char *pending = NULL;      /* CPython reports these after the arguments */
    const gs_LexToken *first_arg = T(p);
    while (!is_op(p, GS_T_RPAR)) {
        const gs_LexToken *at = T(p);
        if (is_op(p, GS_T_DOUBLESTAR)) {
            adv(p);
            gs_Node *v = parse_expression(p);
            if (!v) return NULL;
            if (!vgrow(p, (void **)&kws, nk, &kcap, sizeof *kws)) return NULL;
            memset(&kws[nk], 0, sizeof kws[nk]);
            kws[nk].value = v;
            kws[nk].line = at->line;
            kws[nk].col = at->col;
            nk++;
            seen_dstar = 1;
        } else if (is_op(p, GS_T_STAR)) {
            adv(p);
            gs_Node *v = parse_expression(p);
            if (!v) return NULL;
            gs_Node *s = mk(p, GS_E_STARRED, at);
            if (!s) return NULL;
            s->u.starred.value = v;
            fin(p, s);
            if (seen_dstar) return fail_tok(p, first_arg, "iterable argument unpacking follows keyword argument unpacking");
            if (!npush(p, &args, s)) return NULL;
        } else if (T(p)->type == GS_TK_NAME && TK(p, 1)->type == GS_TK_OP && TK(p, 1)->op == GS_T_EQUAL) {
            if (at->kw == GS_KW_TRUE || at->kw == GS_KW_FALSE || at->kw == GS_KW_NONE) {
                adv(p);
                return fail_at(p, GS_SYNTAX_ERROR, at->line, at->col, T(p)->end_line, T(p)->end_col,
                               "cannot assign to %.*s", at->len, at->start);
            }
            if (at->kw) {
                return fail_generic(p);
            }
            adv(p);
            adv(p);
            gs_Node *v = parse_expression(p);
            if (!v) return NULL;
            if (is_kw(p, GS_KW_FOR)) {
                /* f(x=1 for ...) */
                return fail_at(p, GS_SYNTAX_ERROR, at->line, at->col, v->end_line, v->end_col,
                               "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            if (!vgrow(p, (void **)&kws, nk, &kcap, sizeof *kws)) return NULL;
            memset(&kws[nk], 0, sizeof kws[nk]);
            kws[nk].name = ident_tok(p, at);
            kws[nk].value = v;
            kws[nk].line = at->line;
            kws[nk].col = at->col;
            nk++;
            seen_kw = 1;
        } else {
            gs_Node *e;
            if (T(p)->type == GS_TK_NAME && TK(p, 1)->type == GS_TK_OP && TK(p, 1)->op == GS_T_COLONEQUAL)
                e = parse_named_expression(p);
            else
                e = parse_expression(p);
            if (!e) return NULL;
            if (is_op(p, GS_T_EQUAL)) {
                const gs_LexToken *eq = T(p);
                return fail_at(p, GS_SYNTAX_ERROR, e->line, e->col, eq->end_line, eq->end_col,
                               "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (is_kw(p, GS_KW_FOR)) {
                if (is_class) return fail_generic(p);
                gs_Node *g = parse_comp_tail(p, GS_E_GENEXP, e, NULL, at);
                if (!g) return NULL;
                fin(p, g);
                /* the generator keeps the position of the call's '(' only
                 * when it is the sole argument */
                if (args.n || nk || !is_op(p, GS_T_RPAR)) {
                    if (!is_op(p, GS_T_RPAR) && !is_op(p, GS_T_COMMA)) return fail_generic(p);
                    if (is_op(p, GS_T_COMMA) && TK(p, 1)->type == GS_TK_OP && TK(p, 1)->op == GS_T_RPAR && !args.n && !nk) {
                        /* f(x for x in y,) is allowed */
                    } else {
                        return fail_range(p, g, g, "Generator expression must be parenthesized");
                    }
                }
                g->line = lp->line;
                g->col = lp->col;
                e = g;
            }
            if (seen_dstar && !pending) pending = "positional argument follows keyword argument unpacking";
            if (seen_kw && !pending) pending = "positional argument follows keyword argument";
            if (!npush(p, &args, e)) return NULL;
        }
        if (!accept_op(p, GS_T_COMMA)) break;
    }
    if (pending) return fail_tok(p, T(p), "%s", pending);
    if (!is_op(p, GS_T_RPAR)) {
        /* `f(a b)`: CPython's "Perhaps you forgot a comma?" is decided in
         * parse_expression; anything else is generic. */
        return fail_generic(p);
    }
    adv(p);
    if (args.n == 1 && nk == 0 && args.items[0]->kind == GS_E_GENEXP && args.items[0]->line == lp->line &&
        args.items[0]->col == lp->col) {
        gs_Node *g = args.items[0];
        g->end_line = prev(p)->end_line;
        g->end_col = prev(p)->end_col;
    }
    c->u.call.args = nlist(args);
    c->u.call.keywords = kws;
    c->u.call.nkeywords = nk;
    return fin(p, c);
}

/* primary: atom followed by .name, (args), [slices] — built in a loop. */
static gs_Node *parse_primary(P *p)
{
    gs_Node *e = parse_atom(p);
    while (e) {
        if (is_op(p, GS_T_DOT)) {
            adv(p);
            if (!is_name(p)) return fail_generic(p);
            gs_Node *a = mk_at(p, GS_E_ATTRIBUTE, e);
            if (!a) return NULL;
            a->u.attribute.value = e;
            a->u.attribute.attr = ident_tok(p, T(p));
            adv(p);
            e = fin(p, a);
        } else if (is_op(p, GS_T_LPAR)) {
            if (!enter(p, GS_COST_ATOM)) return NULL;
            e = parse_call(p, e, 0);
            leave(p, GS_COST_ATOM);
        } else if (is_op(p, GS_T_LSQB)) {
            if (!enter(p, GS_COST_ATOM)) return NULL;
            adv(p);
            gs_Node *s = mk_at(p, GS_E_SUBSCRIPT, e);
            if (!s) return NULL;
            s->u.subscript.value = e;
            s->u.subscript.index = parse_slices(p);
            leave(p, GS_COST_ATOM);
            if (!s->u.subscript.index) return NULL;
            if (!expect_op(p, GS_T_RSQB)) return NULL;
            e = fin(p, s);
        } else {
            break;
        }
    }
    return e;
}

/* ================================================================ operators */

static gs_Node *parse_factor(P *p);

/* power: primary ['**' factor] (right-associative through factor) */
static gs_Node *parse_power(P *p)
{
    gs_Node *base = parse_primary(p);
    if (!base || !is_op(p, GS_T_DOUBLESTAR)) return base;
    adv(p);
    if (!enter(p, 2)) return NULL;
    gs_Node *exp = parse_factor(p);
    leave(p, 2);
    if (!exp) return NULL;
    gs_Node *b = mk_at(p, GS_E_BINOP, base);
    if (!b) return NULL;
    b->u.binop.op = GS_OP_POW;
    b->u.binop.left = base;
    b->u.binop.right = exp;
    end_as(b, exp);
    return b;
}

static gs_Node *parse_factor(P *p)
{
    const gs_LexToken *t = T(p);
    if (t->type == GS_TK_OP && (t->op == GS_T_MINUS || t->op == GS_T_PLUS || t->op == GS_T_TILDE)) {
        adv(p);
        if (!enter(p, 1)) return NULL;
        gs_Node *v = parse_factor(p);
        leave(p, 1);
        if (!v) return NULL;
        gs_Node *u = mk(p, GS_E_UNARYOP, t);
        if (!u) return NULL;
        u->u.unary.op = t->op == GS_T_MINUS ? GS_UOP_NEG : t->op == GS_T_PLUS ? GS_UOP_POS : GS_UOP_INVERT;
        u->u.unary.operand = v;
        end_as(u, v);
        return u;
    }
    return parse_power(p);
}

static int binop_of(const gs_LexToken *t, int level)
{
    if (t->type != GS_TK_OP) return -1;
    switch (level) {
    case 0: /* term */
        switch (t->op) {
        case GS_T_STAR: return GS_OP_MUL;
        case GS_T_SLASH: return GS_OP_TRUEDIV;
        case GS_T_DOUBLESLASH: return GS_OP_FLOORDIV;
        case GS_T_PERCENT: return GS_OP_MOD;
        case GS_T_AT: return GS_OP_MATMUL;
        default: return -1;
        }
    case 1: return t->op == GS_T_PLUS ? GS_OP_ADD : t->op == GS_T_MINUS ? GS_OP_SUB : -1;
    case 2: return t->op == GS_T_LEFTSHIFT ? GS_OP_LSHIFT : t->op == GS_T_RIGHTSHIFT ? GS_OP_RSHIFT : -1;
    case 3: return t->op == GS_T_AMPER ? GS_OP_BITAND : -1;
    case 4: return t->op == GS_T_CIRCUMFLEX ? GS_OP_BITXOR : -1;
    case 5: return t->op == GS_T_VBAR ? GS_OP_BITOR : -1;
    default: return -1;
    }
}

/* Left-associative binary levels, from term (0) to bitwise_or (5); each
 * level loops, so a long `a + b + c ...` does not recurse. */
static gs_Node *parse_binlevel(P *p, int level)
{
    gs_Node *left = level == 0 ? parse_factor(p) : parse_binlevel(p, level - 1);
    while (left) {
        int op = binop_of(T(p), level);
        if (op < 0) break;
        adv(p);
        gs_Node *right = level == 0 ? parse_factor(p) : parse_binlevel(p, level - 1);
        if (!right) return NULL;
        gs_Node *b = mk_at(p, GS_E_BINOP, left);
        if (!b) return NULL;
        b->u.binop.op = (gs_Operator)op;
        b->u.binop.left = left;
        b->u.binop.right = right;
        end_as(b, right);
        left = b;
    }
    return left;
}

static gs_Node *parse_bitwise_or(P *p) { return parse_binlevel(p, 5); }

static int cmp_op(P *p, int *nt)
{
    const gs_LexToken *t = T(p);
    *nt = 1;
    if (t->type == GS_TK_OP) {
        switch (t->op) {
        case GS_T_LESS: return GS_CMP_LT;
        case GS_T_LESSEQUAL: return GS_CMP_LE;
        case GS_T_EQEQUAL: return GS_CMP_EQ;
        case GS_T_NOTEQUAL: return GS_CMP_NE;
        case GS_T_GREATER: return GS_CMP_GT;
        case GS_T_GREATEREQUAL: return GS_CMP_GE;
        default: return -1;
        }
    }
    if (t->type != GS_TK_NAME) return -1;
    if (t->kw == GS_KW_IN) return GS_CMP_IN;
    if (t->kw == GS_KW_IS) {
        const gs_LexToken *n = TK(p, 1);
        if (n->type == GS_TK_NAME && n->kw == GS_KW_NOT) { *nt = 2; return GS_CMP_IS_NOT; }
        return GS_CMP_IS;
    }
    if (t->kw == GS_KW_NOT) {
        const gs_LexToken *n = TK(p, 1);
        if (n->type == GS_TK_NAME && n->kw == GS_KW_IN) { *nt = 2; return GS_CMP_NOT_IN; }
    }
    return -1;
}

static gs_Node *parse_comparison(P *p)
{
    gs_Node *left = parse_bitwise_or(p);
    if (!left) return NULL;
    int nt;
    int op = cmp_op(p, &nt);
    if (op < 0) return left;
    NVec comps = {0};
    gs_CmpOperator *ops = NULL;
    int nops = 0, cap = 0;
    while (op >= 0) {
        for (int k = 0; k < nt; k++) adv(p);
        gs_Node *r = parse_bitwise_or(p);
        if (!r) return NULL;
        if (!vgrow(p, (void **)&ops, nops, &cap, sizeof *ops)) return NULL;
        ops[nops++] = (gs_CmpOperator)op;
        if (!npush(p, &comps, r)) return NULL;
        op = cmp_op(p, &nt);
    }
    gs_Node *c = mk_at(p, GS_E_COMPARE, left);
    if (!c) return NULL;
    c->u.compare.left = left;
    c->u.compare.ops = ops;
    c->u.compare.comparators = nlist(comps);
    end_as(c, comps.items[comps.n - 1]);
    return c;
}

static gs_Node *parse_inversion(P *p)
{
    const gs_LexToken *t = T(p);
    if (t->type == GS_TK_NAME && t->kw == GS_KW_NOT) {
        adv(p);
        if (!enter(p, 1)) return NULL;
        gs_Node *v = parse_inversion(p);
        leave(p, 1);
        if (!v) return NULL;
        gs_Node *u = mk(p, GS_E_UNARYOP, t);
        if (!u) return NULL;
        u->u.unary.op = GS_UOP_NOT;
        u->u.unary.operand = v;
        end_as(u, v);
        return u;
    }
    return parse_comparison(p);
}

static gs_Node *parse_boolop(P *p, int is_or)
{
    gs_Node *first = is_or ? parse_boolop(p, 0) : parse_inversion(p);
    if (!first) return NULL;
    int kw = is_or ? GS_KW_OR : GS_KW_AND;
    if (!is_kw(p, kw)) return first;
    NVec vals = {0};
    if (!npush(p, &vals, first)) return NULL;
    while (accept_kw(p, kw)) {
        gs_Node *v = is_or ? parse_boolop(p, 0) : parse_inversion(p);
        if (!v) return NULL;
        if (!npush(p, &vals, v)) return NULL;
    }
    gs_Node *b = mk_at(p, GS_E_BOOLOP, first);
    if (!b) return NULL;
    b->u.boolop.op = is_or ? GS_BOOL_OR : GS_BOOL_AND;
    b->u.boolop.values = nlist(vals);
    end_as(b, vals.items[vals.n - 1]);
    return b;
}

static gs_Node *parse_disjunction(P *p) { return parse_boolop(p, 1); }

static gs_Node *parse_lambda(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    gs_Node *fn = mk(p, GS_E_LAMBDA, t);
    if (!fn) return NULL;
    fn->u.func.is_lambda = 1;
    fn->u.func.name.s = "<lambda>";
    fn->u.func.name.len = 8;
    if (!is_op(p, GS_T_COLON) && !parse_params(p, fn, GS_T_COLON, 1)) return NULL;
    if (!expect_op(p, GS_T_COLON)) return NULL;
    int save_func = p->in_func, save_loop = p->in_loop;
    p->in_func = 1;
    p->in_loop = 0;
    gs_Node *body = parse_expression(p);
    p->in_func = save_func;
    p->in_loop = save_loop;
    if (!body) return NULL;
    gs_Node *r = mk_at(p, GS_S_RETURN, body);
    if (!r) return NULL;
    r->u.ret.value = body;
    gs_Node **items = gs_arena_alloc(p->a, sizeof *items);
    if (!items) return nomem(p);
    items[0] = r;
    fn->u.func.body.items = items;
    fn->u.func.body.count = 1;
    end_as(fn, body);
    return fn;
}

/* CPython's invalid_expression / invalid_legacy_expression: two
 * expressions side by side.  Called where a disjunction is followed by a
 * token that can start another expression. */
static void check_juxtaposed(P *p, int start, gs_Node *a)
{
    if (p->failed || p->no_invalid || !starts_expression(p)) return;
    const gs_LexToken *st = &p->t[start];
    /* !(NAME STRING | SOFT_KEYWORD) */
    /* CPython compares with strncmp over the token's length, so any
     * prefix of a soft keyword ("m", "ca") counts as one */
    int soft = st->type == GS_TK_NAME && st->kw == 0 &&
               ((st->len <= 5 && memcmp(st->start, "match", (size_t)st->len) == 0) ||
                (st->len <= 4 && memcmp(st->start, "case", (size_t)st->len) == 0) ||
                (st->len == 1 && st->start[0] == '_'));
    int legacy = a->kind == GS_E_NAME &&
                 ((a->u.name.len == 5 && memcmp(a->u.name.s, "print", 5) == 0) ||
                  (a->u.name.len == 4 && memcmp(a->u.name.s, "exec", 4) == 0));
    int save_i = p->i, save_max = p->maxi, save_depth = p->depth;
    gs_Node *b = NULL;
    int b_level = 0;
    if (!(st->type == GS_TK_NAME && p->t[start + 1].type == GS_TK_STRING) && !soft) {
        p->no_invalid++;
        b = parse_expression(p);
        p->no_invalid--;
        if (b && !p->failed) b_level = prev(p)->level;
    }
    int bok = b && !p->failed;
    if (p->failed && p->e.kind == GS_MEMORY_ERROR) return;
    p->failed = 0;
    p->i = save_i;
    p->maxi = save_max;
    p->depth = save_depth;
    if (bok && !legacy && b_level > 0) {
        fail_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
        return;
    }
    if (legacy && a->end_line == st->end_line && !(is_op(p, GS_T_LPAR))) {
        int si = p->i;
        int sm = p->maxi;
        p->no_invalid++;
        gs_Node *c = parse_star_expressions(p, NULL);
        p->no_invalid--;
        int ok = c && !p->failed;
        p->failed = 0;
        p->i = si;
        p->maxi = sm;
        if (ok) fail_range(p, a, c, "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                           a->u.name.len, a->u.name.s, a->u.name.len, a->u.name.s);
    }
}

/* expression: lambdef | disjunction ['if' disjunction 'else' expression] */
static gs_Node *parse_expression(P *p)
{
    if (is_kw(p, GS_KW_LAMBDA)) {
        if (!enter(p, 2)) return NULL;
        gs_Node *l = parse_lambda(p);
        leave(p, 2);
        return l;
    }
    int start = p->i;
    gs_Node *a = parse_disjunction(p);
    if (!a) return NULL;
    if (!is_kw(p, GS_KW_IF)) {
        check_juxtaposed(p, start, a);
        if (p->failed) return NULL;
        return a;
    }
    adv(p);
    gs_Node *test = parse_disjunction(p);
    if (!test) return NULL;
    if (!accept_kw(p, GS_KW_ELSE)) {
        if (!is_op(p, GS_T_COLON))
            return fail_range(p, a, test, "expected 'else' after 'if' expression");
        return fail_generic(p);
    }
    if (!enter(p, 1)) return NULL;
    gs_Node *orelse = parse_expression(p);
    leave(p, 1);
    if (!orelse) return NULL;
    gs_Node *n = mk_at(p, GS_E_IFEXP, a);
    if (!n) return NULL;
    n->u.ifexp.test = test;
    n->u.ifexp.body = a;
    n->u.ifexp.orelse = orelse;
    end_as(n, orelse);
    return n;
}

/* named_expression: NAME ':=' expression | expression !':=' */
static gs_Node *parse_named_expression(P *p)
{
    const gs_LexToken *t = T(p);
    if (t->type == GS_TK_NAME && t->kw == 0 && TK(p, 1)->type == GS_TK_OP && TK(p, 1)->op == GS_T_COLONEQUAL) {
        gs_Node *target = mk(p, GS_E_NAME, t);
        if (!target) return NULL;
        target->u.name = ident_tok(p, t);
        adv(p);
        adv(p);
        gs_Node *v = parse_expression(p);
        if (!v) return NULL;
        gs_Node *n = mk(p, GS_E_NAMEDEXPR, t);
        if (!n) return NULL;
        n->u.namedexpr.target = target;
        n->u.namedexpr.value = v;
        end_as(n, v);
        return n;
    }
    int start = p->i;
    gs_Node *e = parse_expression(p);
    if (!e) return NULL;
    if (is_op(p, GS_T_COLONEQUAL)) {
        return fail_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
    }
    if (is_op(p, GS_T_EQUAL) && check_named_eq(p, start, e)) return NULL;
    return e;
}

static gs_Node *parse_star_named_expression(P *p)
{
    if (is_op(p, GS_T_STAR)) {
        const gs_LexToken *s = T(p);
        adv(p);
        gs_Node *v = parse_bitwise_or(p);
        if (!v) return NULL;
        gs_Node *n = mk(p, GS_E_STARRED, s);
        if (!n) return NULL;
        n->u.starred.value = v;
        end_as(n, v);
        return n;
    }
    return parse_named_expression(p);
}

static gs_Node *parse_star_expression(P *p)
{
    if (is_op(p, GS_T_STAR)) {
        const gs_LexToken *s = T(p);
        adv(p);
        gs_Node *v = parse_bitwise_or(p);
        if (!v) return NULL;
        gs_Node *n = mk(p, GS_E_STARRED, s);
        if (!n) return NULL;
        n->u.starred.value = v;
        end_as(n, v);
        return n;
    }
    return parse_expression(p);
}

/* star_expressions: a comma list becomes an unparenthesised Tuple. */
static gs_Node *parse_star_expressions(P *p, int *is_tuple)
{
    if (is_tuple) *is_tuple = 0;
    gs_Node *first = parse_star_expression(p);
    if (!first || !is_op(p, GS_T_COMMA)) return first;
    NVec items = {0};
    if (!npush(p, &items, first)) return NULL;
    while (accept_op(p, GS_T_COMMA)) {
        if (!starts_expression(p) && !is_op(p, GS_T_STAR)) break;
        gs_Node *e = parse_star_expression(p);
        if (!e) return NULL;
        if (!npush(p, &items, e)) return NULL;
    }
    gs_Node *t = mk_at(p, GS_E_TUPLE, first);
    if (!t) return NULL;
    t->u.seq.items = nlist(items);
    if (is_tuple) *is_tuple = 1;
    return fin(p, t);
}

/* expressions used by `for ... in`: same shape, no starred check needed */
static gs_Node *parse_yield(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    if (!p->in_func && !p->has_deferred) {
        p->has_deferred = 1;
        memset(&p->deferred, 0, sizeof p->deferred);
        p->deferred.kind = GS_SYNTAX_ERROR;
        snprintf(p->deferred.msg, sizeof p->deferred.msg, "'yield' outside function");
        p->deferred.line = t->line;
        p->deferred.col = t->col + 1;
    }
    if (accept_kw(p, GS_KW_FROM)) {
        gs_Node *v = parse_expression(p);
        if (!v) return NULL;
        gs_Node *y = mk(p, GS_E_YIELDFROM, t);
        if (!y) return NULL;
        y->u.yield.value = v;
        end_as(y, v);
        return y;
    }
    gs_Node *y = mk(p, GS_E_YIELD, t);
    if (!y) return NULL;
    if (starts_expression(p) || is_op(p, GS_T_STAR)) {
        gs_Node *v = parse_star_expressions(p, NULL);
        if (!v) return NULL;
        y->u.yield.value = v;
        end_as(y, v);
    }
    return y;
}

/* ================================================================ targets */

/* star_targets for `for` loops and comprehensions: a comma list of
 * primaries (optionally starred), stopping before 'in'. */
static gs_Node *parse_target_list(P *p, int *ok_shape)
{
    const gs_LexToken *st = T(p);
    NVec items = {0};
    int comma = 0;
    *ok_shape = 1;
    for (;;) {
        gs_Node *e;
        if (is_op(p, GS_T_STAR)) {
            const gs_LexToken *s = T(p);
            adv(p);
            gs_Node *v = parse_primary(p);
            if (!v) return NULL;
            e = mk(p, GS_E_STARRED, s);
            if (!e) return NULL;
            e->u.starred.value = v;
            end_as(e, v);
        } else {
            e = parse_primary(p);
            if (!e) return NULL;
        }
        if (!npush(p, &items, e)) return NULL;
        if (!is_op(p, GS_T_COMMA)) break;
        adv(p);
        comma = 1;
        if (is_kw(p, GS_KW_IN) || is_op(p, GS_T_EQUAL)) break;
    }
    if (!is_kw(p, GS_KW_IN)) *ok_shape = 0;
    if (!comma) return items.items[0];
    gs_Node *t = mk(p, GS_E_TUPLE, st);
    if (!t) return NULL;
    t->u.seq.items = nlist(items);
    return fin(p, t);
}

/* Parse `for` targets; on a bad target, report what CPython reports. */
static gs_Node *parse_for_target(P *p)
{
    int start = p->i;
    int save_max = p->maxi;
    int ok_shape;
    gs_Node *t = parse_target_list(p, &ok_shape);
    if (t && ok_shape && !invalid_target(t, TGT_FOR)) return t;
    if (p->failed && p->e.kind == GS_MEMORY_ERROR) return NULL;
    /* invalid_for_target: 'for' star_expressions -> "cannot assign to ..." */
    int fail_max = p->maxi;
    p->failed = 0;
    p->i = start;
    p->maxi = save_max;
    gs_Node *e = parse_star_expressions(p, NULL);
    if (e && !p->failed) {
        const gs_Node *bad = invalid_target(e, TGT_FOR);
        if (bad) return fail_node(p, bad, "cannot assign to %s", expr_name(bad));
    }
    /* a specific message found on the way (e.g. a missing comma) stands */
    if (p->failed && (p->e.kind == GS_MEMORY_ERROR || strcmp(p->e.msg, "invalid syntax") != 0)) return NULL;
    p->failed = 0;
    p->maxi = fail_max > p->maxi ? fail_max : p->maxi;
    return fail_generic(p);
}

static gs_Node *parse_comp_tail(P *p, gs_NodeKind kind, gs_Node *elt, gs_Node *value, const gs_LexToken *start)
{
    gs_Comprehension *gens = NULL;
    int ng = 0, cap = 0;
    while (is_kw(p, GS_KW_FOR)) {
        adv(p);
        gs_Node *target = parse_for_target(p);
        if (!target) return NULL;
        if (!accept_kw(p, GS_KW_IN)) return fail_generic(p);
        gs_Node *iter = parse_disjunction(p);
        if (!iter) return NULL;
        NVec ifs = {0};
        while (accept_kw(p, GS_KW_IF)) {
            gs_Node *c = parse_disjunction(p);
            if (!c) return NULL;
            if (!npush(p, &ifs, c)) return NULL;
        }
        if (!vgrow(p, (void **)&gens, ng, &cap, sizeof *gens)) return NULL;
        gens[ng].target = target;
        gens[ng].iter = iter;
        gens[ng].ifs = nlist(ifs);
        ng++;
    }
    gs_Node *c = mk(p, kind, start);
    if (!c) return NULL;
    c->u.comp.elt = elt;
    c->u.comp.value = value;
    c->u.comp.generators = gens;
    c->u.comp.ngenerators = ng;
    return c;
}

/* ================================================================ params */

/* Function or lambda parameters up to (not including) `closer`. */
static int parse_params(P *p, gs_Node *fn, int closer, int lambda)
{
    gs_Param *ps = NULL;
    int np = 0, cap = 0;
    int kind = GS_PARAM_POSITIONAL;
    int seen_default = 0, seen_slash = 0, seen_star = 0, seen_varkw = 0;
    int nposonly = 0;
    while (!is_op(p, closer)) {
        const gs_LexToken *t = T(p);
        if (seen_varkw) { fail_tok(p, t, "arguments cannot follow var-keyword argument"); return 0; }
        if (is_op(p, GS_T_SLASH)) {
            if (seen_slash) { fail_tok(p, t, "/ may appear only once"); return 0; }
            if (seen_star) { fail_tok(p, t, "/ must be ahead of *"); return 0; }
            if (np == 0) {
                /* look at the next token without counting it as read */
                const gs_LexToken *nx = &p->t[p->i + 1 < p->n ? p->i + 1 : p->i];
                if (nx->type == GS_TK_OP && nx->op == GS_T_COMMA)
                    fail_tok(p, t, "at least one argument must precede /");
                else
                    fail_generic(p);
                return 0;
            }
            adv(p);
            seen_slash = 1;
            nposonly = np;
        } else if (is_op(p, GS_T_STAR)) {
            if (seen_star) { fail_tok(p, t, "* argument may appear only once"); return 0; }
            adv(p);
            seen_star = 1;
            if (is_op(p, GS_T_COMMA) || is_op(p, closer)) {
                /* bare '*': keyword-only parameters must follow.  For def
                 * CPython points at the '*', for lambda at the last token. */
                if (is_op(p, closer)) {
                    fail_tok(p, lambda ? T(p) : t, "named arguments must follow bare *");
                    return 0;
                }
                const gs_LexToken *n1 = TK(p, 1);
                if (n1->type == GS_TK_OP && (n1->op == closer || n1->op == GS_T_DOUBLESTAR)) {
                    fail_tok(p, lambda ? n1 : t, "named arguments must follow bare *");
                    return 0;
                }
            } else {
                if (!is_name(p)) { fail_generic(p); return 0; }
                const gs_LexToken *nt = T(p);
                adv(p);
                gs_Node *ann = NULL;
                if (!lambda && accept_op(p, GS_T_COLON)) {
                    if (!(ann = parse_expression(p))) return 0;
                }
                if (is_op(p, GS_T_EQUAL)) { fail_tok(p, T(p), "var-positional argument cannot have default value"); return 0; }
                if (!vgrow(p, (void **)&ps, np, &cap, sizeof *ps)) return 0;
                memset(&ps[np], 0, sizeof ps[np]);
                ps[np].annotation = ann;
                ps[np].name = ident_tok(p, nt);
                ps[np].kind = GS_PARAM_VARARGS;
                ps[np].line = nt->line;
                ps[np].col = nt->col;
                np++;
            }
            kind = GS_PARAM_KWONLY;
        } else if (is_op(p, GS_T_DOUBLESTAR)) {
            adv(p);
            if (!is_name(p)) { fail_generic(p); return 0; }
            const gs_LexToken *nt = T(p);
            adv(p);
            gs_Node *ann = NULL;
            if (!lambda && accept_op(p, GS_T_COLON)) {
                if (!(ann = parse_expression(p))) return 0;
            }
            if (is_op(p, GS_T_EQUAL)) { fail_tok(p, T(p), "var-keyword argument cannot have default value"); return 0; }
            if (!vgrow(p, (void **)&ps, np, &cap, sizeof *ps)) return 0;
            memset(&ps[np], 0, sizeof ps[np]);
            ps[np].annotation = ann;
            ps[np].name = ident_tok(p, nt);
            ps[np].kind = GS_PARAM_VARKW;
            ps[np].line = nt->line;
            ps[np].col = nt->col;
            np++;
            seen_varkw = 1;
        } else if (is_name(p)) {
            const gs_LexToken *nt = T(p);
            adv(p);
            gs_Node *ann = NULL;
            if (!lambda && accept_op(p, GS_T_COLON)) {
                if (!(ann = parse_expression(p))) return 0;
            }
            gs_Node *def = NULL;
            if (accept_op(p, GS_T_EQUAL)) {
                def = parse_expression(p);
                if (!def) return 0;
                if (kind == GS_PARAM_POSITIONAL) seen_default = 1;
            } else if (seen_default && kind == GS_PARAM_POSITIONAL) {
                fail_tok(p, nt, "non-default argument follows default argument");
                return 0;
            }
            if (!vgrow(p, (void **)&ps, np, &cap, sizeof *ps)) return 0;
            memset(&ps[np], 0, sizeof ps[np]);
            ps[np].name = ident_tok(p, nt);
            ps[np].kind = (gs_ParamKind)kind;
            ps[np].default_value = def;
            ps[np].annotation = ann;
            ps[np].line = nt->line;
            ps[np].col = nt->col;
            np++;
        } else {
            fail_generic(p);
            return 0;
        }
        if (!accept_op(p, GS_T_COMMA)) break;
    }
    if (!is_op(p, closer)) {
        if (!lambda && is_op(p, GS_T_EQUAL)) {
            fail_generic(p);
            return 0;
        }
        fail_generic(p);
        return 0;
    }
    fn->u.func.params = ps;
    fn->u.func.nparams = np;
    fn->u.func.nposonly = nposonly;
    return 1;
}

/* ================================================================ statements */

static void defer(P *p, const gs_Node *s, const char *msg)
{
    if (p->has_deferred) return;
    p->has_deferred = 1;
    memset(&p->deferred, 0, sizeof p->deferred);
    p->deferred.kind = GS_SYNTAX_ERROR;
    snprintf(p->deferred.msg, sizeof p->deferred.msg, "%s", msg);
    p->deferred.line = s->line;
    p->deferred.col = s->col + 1;
    p->deferred.end_line = s->end_line;
    p->deferred.end_col = s->end_col + 1;
}

static int is_aug(const gs_LexToken *t, gs_Operator *op)
{
    if (t->type != GS_TK_OP) return 0;
    switch (t->op) {
    case GS_T_PLUSEQUAL: *op = GS_OP_ADD; return 1;
    case GS_T_MINEQUAL: *op = GS_OP_SUB; return 1;
    case GS_T_STAREQUAL: *op = GS_OP_MUL; return 1;
    case GS_T_ATEQUAL: *op = GS_OP_MATMUL; return 1;
    case GS_T_SLASHEQUAL: *op = GS_OP_TRUEDIV; return 1;
    case GS_T_DOUBLESLASHEQUAL: *op = GS_OP_FLOORDIV; return 1;
    case GS_T_PERCENTEQUAL: *op = GS_OP_MOD; return 1;
    case GS_T_DOUBLESTAREQUAL: *op = GS_OP_POW; return 1;
    case GS_T_LEFTSHIFTEQUAL: *op = GS_OP_LSHIFT; return 1;
    case GS_T_RIGHTSHIFTEQUAL: *op = GS_OP_RSHIFT; return 1;
    case GS_T_VBAREQUAL: *op = GS_OP_BITOR; return 1;
    case GS_T_CIRCUMFLEXEQUAL: *op = GS_OP_BITXOR; return 1;
    case GS_T_AMPEREQUAL: *op = GS_OP_BITAND; return 1;
    default: return 0;
    }
}

static gs_Node *parse_rhs(P *p)
{
    if (is_kw(p, GS_KW_YIELD)) return parse_yield(p);
    return parse_star_expressions(p, NULL);
}

/* Assignment with invalid targets: reproduce CPython's invalid_assignment
 * choice.  segs[0..nseg) are the '='-separated parts (last is the value);
 * starts[] their first token indexes. */
static void *assignment_error(P *p, gs_Node **segs, int *starts, int nseg)
{
    /* invalid_named_expression at the first segment (via
     * star_named_expression), or at later items of an unparenthesised tuple */
    gs_Node *s0 = segs[0];
    int end_i = p->i;
    (void)end_i;
    if (s0->kind != GS_E_TUPLE || s0->col != s0->u.seq.items.items[0]->col || s0->line != s0->u.seq.items.items[0]->line ||
        s0->u.seq.items.count == 0) {
        int save = p->i;
        /* position the parser after s0: that is the '=' before segs[1] */
        p->i = starts[1] - 1;
        int fired = s0->kind != GS_E_STARRED && check_named_eq(p, starts[0], s0);
        if (!fired) p->i = save;
        if (fired) return NULL;
    } else {
        /* unparenthesised tuple: the last element meets the '=' */
        int nitems = s0->u.seq.items.count;
        gs_Node *last = s0->u.seq.items.items[nitems - 1];
        int save = p->i;
        p->i = starts[1] - 1;
        /* the start token of the last element */
        int li = starts[1] - 2;
        while (li > starts[0] && !(p->t[li].line == last->line && p->t[li].col == last->col)) li--;
        int fired = last->kind != GS_E_STARRED && check_named_eq(p, li, last);
        if (!fired) p->i = save;
        if (fired) return NULL;
    }
    for (int k = 0; k < nseg - 1; k++) {
        int parenthesised = p->t[starts[k]].type == GS_TK_OP && p->t[starts[k]].op == GS_T_LPAR;
        if ((segs[k]->kind == GS_E_YIELD || segs[k]->kind == GS_E_YIELDFROM) && !parenthesised)
            return fail_node(p, segs[k], "assignment to yield expression not possible");
        if (invalid_target(segs[k], TGT_STAR)) return fail_invalid_target(p, segs[k], TGT_STAR);
    }
    return fail_generic(p);
}

static int end_simple(P *p)
{
    return is_type(p, GS_TK_NEWLINE) || is_op(p, GS_T_SEMI);
}

static gs_Node *parse_expr_stmt(P *p)
{
    const gs_LexToken *st = T(p);
    int start = p->i;
    /* annotated single name: NAME ':' */
    gs_Node *first;
    int is_tuple = 0;
    if (is_kw(p, GS_KW_YIELD)) first = parse_yield(p);
    else first = parse_star_expressions(p, &is_tuple);
    if (!first) return NULL;

    if (is_op(p, GS_T_COLON)) {
        /* annotated assignment; CPython's messages for bad targets need an
         * expression after the ':' (peeked without counting it as read) */
        const gs_LexToken *nx = &p->t[p->i + 1 < p->n ? p->i + 1 : p->i];
        int ann_follows = nx->type == GS_TK_NAME || nx->type == GS_TK_NUMBER || nx->type == GS_TK_STRING ||
                          (nx->type == GS_TK_OP && (nx->op == GS_T_LPAR || nx->op == GS_T_LSQB || nx->op == GS_T_LBRACE ||
                                                    nx->op == GS_T_MINUS || nx->op == GS_T_PLUS || nx->op == GS_T_TILDE ||
                                                    nx->op == GS_T_ELLIPSIS));
        int good_target = !is_tuple && (first->kind == GS_E_NAME || first->kind == GS_E_ATTRIBUTE ||
                                        first->kind == GS_E_SUBSCRIPT);
        if (!good_target && !ann_follows) return fail_generic(p);
        if (is_tuple) return fail_node(p, first, "only single target (not tuple) can be annotated");
        if (first->kind == GS_E_LIST || (first->kind == GS_E_TUPLE))
            return fail_node(p, first, "only single target (not %s) can be annotated", first->kind == GS_E_LIST ? "list" : "tuple");
        if (first->kind != GS_E_NAME && first->kind != GS_E_ATTRIBUTE && first->kind != GS_E_SUBSCRIPT)
            return fail_node(p, first, "illegal target for annotation");
        adv(p);
        gs_Node *ann = parse_expression(p);
        if (!ann) return NULL;
        gs_Node *n = mk(p, GS_S_ANNASSIGN, st);
        if (!n) return NULL;
        n->u.annassign.target = first;
        n->u.annassign.annotation = ann;
        if (accept_op(p, GS_T_EQUAL)) {
            gs_Node *v = parse_rhs(p);
            if (!v) return NULL;
            n->u.annassign.value = v;
        }
        return fin(p, n);
    }

    gs_Operator aop;
    if (is_aug(T(p), &aop)) {
        if (first->kind != GS_E_NAME && first->kind != GS_E_ATTRIBUTE && first->kind != GS_E_SUBSCRIPT)
            return fail_node(p, first, "'%s' is an illegal expression for augmented assignment", expr_name(first));
        adv(p);
        gs_Node *v = parse_rhs(p);
        if (!v) return NULL;
        gs_Node *n = mk(p, GS_S_AUGASSIGN, st);
        if (!n) return NULL;
        n->u.augassign.target = first;
        n->u.augassign.op = aop;
        n->u.augassign.value = v;
        return fin(p, n);
    }

    if (is_op(p, GS_T_EQUAL)) {
        NVec segs = {0};
        int *starts = NULL;
        int ns = 0, scap = 0;
        if (!npush(p, &segs, first)) return NULL;
        if (!vgrow(p, (void **)&starts, ns, &scap, sizeof *starts)) return NULL;
        starts[ns++] = start;
        while (accept_op(p, GS_T_EQUAL)) {
            int si = p->i;
            gs_Node *v = parse_rhs(p);
            if (!v) return NULL;
            if (!npush(p, &segs, v)) return NULL;
            if (!vgrow(p, (void **)&starts, ns, &scap, sizeof *starts)) return NULL;
            starts[ns++] = si;
        }
        int bad = 0;
        for (int k = 0; k < segs.n - 1; k++)
            if (segs.items[k]->kind == GS_E_YIELD || segs.items[k]->kind == GS_E_YIELDFROM ||
                invalid_target(segs.items[k], TGT_STAR))
                bad = 1;
        if (bad) {
            int save = p->i;
            assignment_error(p, segs.items, starts, segs.n);
            if (!p->failed) { p->i = save; fail_generic(p); }
            return NULL;
        }
        gs_Node *n = mk(p, GS_S_ASSIGN, st);
        if (!n) return NULL;
        n->u.assign.targets.items = segs.items;
        n->u.assign.targets.count = segs.n - 1;
        n->u.assign.value = segs.items[segs.n - 1];
        return fin(p, n);
    }

    gs_Node *n = mk(p, GS_S_EXPR, st);
    if (!n) return NULL;
    n->u.expr.value = first;
    end_as(n, first);
    return n;
}

static gs_Node *parse_dotted_name(P *p, gs_Ident *out)
{
    if (!is_name(p)) return fail_generic(p);
    const gs_LexToken *first = T(p);
    const gs_LexToken *last = first;
    adv(p);
    while (is_op(p, GS_T_DOT) && TK(p, 1)->type == GS_TK_NAME && TK(p, 1)->kw == 0) {
        adv(p);
        last = T(p);
        adv(p);
    }
    if (is_op(p, GS_T_DOT)) { adv(p); return fail_generic(p); }
    /* the tokens may be separated by spaces: rebuild "a.b.c" */
    SBuf b = {0};
    for (const gs_LexToken *t = first; t <= last; t++) {
        if (t->type != GS_TK_NAME) continue;
        if (b.n && !sb_put(p, &b, ".", 1)) return NULL;
        if (!sb_put(p, &b, t->start, t->len)) return NULL;
    }
    out->s = b.s;
    out->len = b.n;
    return (gs_Node *)1;   /* success marker */
}

static int parse_alias(P *p, gs_Alias **al, int *n, int *cap, int dotted)
{
    const gs_LexToken *t = T(p);
    gs_Ident name;
    if (dotted) {
        if (!parse_dotted_name(p, &name)) return 0;
    } else {
        if (!is_name(p)) { fail_generic(p); return 0; }
        name = ident_tok(p, t);
        adv(p);
    }
    if (!vgrow(p, (void **)al, *n, cap, sizeof **al)) return 0;
    gs_Alias *a = &(*al)[*n];
    memset(a, 0, sizeof *a);
    a->name = name;
    a->line = t->line;
    a->col = t->col;
    if (accept_kw(p, GS_KW_AS)) {
        if (!is_name(p)) { fail_generic(p); return 0; }
        a->asname = ident_tok(p, T(p));
        adv(p);
    }
    (*n)++;
    return 1;
}

static gs_Node *parse_import(P *p)
{
    const gs_LexToken *st = T(p);
    gs_Node *n;
    gs_Alias *al = NULL;
    int na = 0, cap = 0;
    if (accept_kw(p, GS_KW_IMPORT)) {
        n = mk(p, GS_S_IMPORT, st);
        if (!n) return NULL;
        do {
            if (!parse_alias(p, &al, &na, &cap, 1)) return NULL;
        } while (accept_op(p, GS_T_COMMA));
    } else {
        adv(p);   /* from */
        n = mk(p, GS_S_IMPORTFROM, st);
        if (!n) return NULL;
        int level = 0;
        for (;;) {
            if (accept_op(p, GS_T_DOT)) level++;
            else if (accept_op(p, GS_T_ELLIPSIS)) level += 3;
            else break;
        }
        if (is_name(p)) {
            if (!parse_dotted_name(p, &n->u.import.module)) return NULL;
        } else if (level == 0) {
            return fail_generic(p);
        } else {
            n->u.import.module.s = "";
            n->u.import.module.len = 0;
        }
        n->u.import.level = level;
        if (!accept_kw(p, GS_KW_IMPORT)) return fail_generic(p);
        if (is_op(p, GS_T_STAR)) {
            const gs_LexToken *s = T(p);
            adv(p);
            if (!vgrow(p, (void **)&al, na, &cap, sizeof *al)) return NULL;
            memset(&al[na], 0, sizeof al[na]);
            al[na].name.s = "*";
            al[na].name.len = 1;
            al[na].line = s->line;
            al[na].col = s->col;
            na++;
        } else if (accept_op(p, GS_T_LPAR)) {
            do {
                if (is_op(p, GS_T_RPAR) && na > 0) break;
                if (!parse_alias(p, &al, &na, &cap, 0)) return NULL;
            } while (accept_op(p, GS_T_COMMA));
            if (!expect_op(p, GS_T_RPAR)) return NULL;
        } else {
            do {
                if (na && is_type(p, GS_TK_NEWLINE))
                    return fail_tok(p, T(p), "trailing comma not allowed without surrounding parentheses");
                if (!parse_alias(p, &al, &na, &cap, 0)) return NULL;
            } while (accept_op(p, GS_T_COMMA));
        }
    }
    n->u.import.names = al;
    n->u.import.nnames = na;
    return fin(p, n);
}

static gs_Node *parse_simple_stmt(P *p)
{
    const gs_LexToken *t = T(p);
    gs_Node *n;
    if (t->type == GS_TK_NAME) {
        switch (t->kw) {
        case GS_KW_PASS: case GS_KW_BREAK: case GS_KW_CONTINUE:
            n = mk(p, t->kw == GS_KW_PASS ? GS_S_PASS : t->kw == GS_KW_BREAK ? GS_S_BREAK : GS_S_CONTINUE, t);
            if (!n) return NULL;
            adv(p);
            if (t->kw == GS_KW_BREAK && !p->in_loop) defer(p, n, "'break' outside loop");
            if (t->kw == GS_KW_CONTINUE && !p->in_loop) defer(p, n, "'continue' not properly in loop");
            return n;
        case GS_KW_RETURN:
            n = mk(p, GS_S_RETURN, t);
            if (!n) return NULL;
            adv(p);
            if (!end_simple(p)) {
                n->u.ret.value = parse_star_expressions(p, NULL);
                if (!n->u.ret.value) return NULL;
            }
            fin(p, n);
            if (!p->in_func) defer(p, n, "'return' outside function");
            return n;
        case GS_KW_RAISE:
            n = mk(p, GS_S_RAISE, t);
            if (!n) return NULL;
            adv(p);
            if (!end_simple(p)) {
                n->u.raise.exc = parse_expression(p);
                if (!n->u.raise.exc) return NULL;
                if (accept_kw(p, GS_KW_FROM)) {
                    n->u.raise.cause = parse_expression(p);
                    if (!n->u.raise.cause) return NULL;
                }
            }
            return fin(p, n);
        case GS_KW_GLOBAL: case GS_KW_NONLOCAL: {
            n = mk(p, t->kw == GS_KW_GLOBAL ? GS_S_GLOBAL : GS_S_NONLOCAL, t);
            if (!n) return NULL;
            adv(p);
            gs_Ident *ids = NULL;
            int ni = 0, cap = 0;
            do {
                if (!is_name(p)) return fail_generic(p);
                if (!vgrow(p, (void **)&ids, ni, &cap, sizeof *ids)) return NULL;
                ids[ni++] = ident_tok(p, T(p));
                adv(p);
            } while (accept_op(p, GS_T_COMMA));
            n->u.names.names.items = ids;
            n->u.names.names.count = ni;
            return fin(p, n);
        }
        case GS_KW_DEL: {
            n = mk(p, GS_S_DELETE, t);
            if (!n) return NULL;
            adv(p);
            int is_tuple = 0;
            gs_Node *e = parse_star_expressions(p, &is_tuple);
            if (!e) return NULL;
            if (invalid_target(e, TGT_DEL)) return fail_invalid_target(p, e, TGT_DEL);
            if (is_tuple) {
                n->u.del_.targets = e->u.seq.items;
            } else {
                gs_Node **items = gs_arena_alloc(p->a, sizeof *items);
                if (!items) return nomem(p);
                items[0] = e;
                n->u.del_.targets.items = items;
                n->u.del_.targets.count = 1;
            }
            return fin(p, n);
        }
        case GS_KW_ASSERT:
            n = mk(p, GS_S_ASSERT, t);
            if (!n) return NULL;
            adv(p);
            n->u.assert_.test = parse_expression(p);
            if (!n->u.assert_.test) return NULL;
            if (accept_op(p, GS_T_COMMA)) {
                n->u.assert_.msg = parse_expression(p);
                if (!n->u.assert_.msg) return NULL;
            }
            return fin(p, n);
        case GS_KW_IMPORT: case GS_KW_FROM:
            return parse_import(p);
        default:
            break;
        }
    }
    return parse_expr_stmt(p);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int parse_simple_stmts(P *p, NVec *out)
{
    for (;;) {
        gs_Node *s = parse_simple_stmt(p);
        if (!s) return 0;
        if (!npush(p, out, s)) return 0;
        if (accept_op(p, GS_T_SEMI)) {
            if (is_type(p, GS_TK_NEWLINE)) break;
            continue;
        }
        break;
    }
    if (!is_type(p, GS_TK_NEWLINE)) {
        fail_generic(p);
        return 0;
    }
    adv(p);
    return 1;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static int parse_block(P *p, NVec *out, const char *what, int line)
{
    if (!is_type(p, GS_TK_NEWLINE)) return parse_simple_stmts(p, out);
    adv(p);
    if (!is_type(p, GS_TK_INDENT)) {
        fail_indent(p, T(p), "expected an indented block after %s on line %d", what, line);
        return 0;
    }
    adv(p);
    if (!enter(p, GS_COST_BLOCK)) return 0;
    while (!is_type(p, GS_TK_DEDENT)) {
        if (is_type(p, GS_TK_ENDMARKER) || is_type(p, GS_TK_ERROR)) { fail_generic(p); return 0; }
        if (!parse_statement(p, out)) return 0;
    }
    leave(p, GS_COST_BLOCK);
    adv(p);
    return 1;
}

/* ':' after a compound statement header.  CPython says "expected ':'" when
 * the line ends instead (and for forced colons, always). */
static int expect_colon(P *p, int forced)
{
    if (accept_op(p, GS_T_COLON)) return 1;
    if (forced || is_type(p, GS_TK_NEWLINE)) {
        fail_tok(p, T(p), "expected ':'");
        return 0;
    }
    fail_generic(p);
    return 0;
}

static gs_Node *parse_test(P *p)
{
    return parse_named_expression(p);
}

static gs_Node *last_stmt_end(P *p, gs_Node *n, NVec *body)
{
    if (body->n) end_as(n, body->items[body->n - 1]);
    else fin(p, n);
    return n;
}

static gs_Node *parse_if(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    gs_Node *test = parse_test(p);
    if (!test) return NULL;
    if (!expect_colon(p, 0)) return NULL;
    gs_Node *n = mk(p, GS_S_IF, t);
    if (!n) return NULL;
    n->u.if_.test = test;
    NVec body = {0};
    if (!parse_block(p, &body, t->kw == GS_KW_IF ? "'if' statement" : "'elif' statement", t->line)) return NULL;
    n->u.if_.body = nlist(body);
    last_stmt_end(p, n, &body);
    gs_Node *cur = n;
    /* elif chains are built in a loop, not by recursion */
    while (is_kw(p, GS_KW_ELIF)) {
        const gs_LexToken *et = T(p);
        adv(p);
        gs_Node *etest = parse_test(p);
        if (!etest) return NULL;
        if (!expect_colon(p, 0)) return NULL;
        gs_Node *e = mk(p, GS_S_IF, et);
        if (!e) return NULL;
        e->u.if_.test = etest;
        NVec eb = {0};
        if (!parse_block(p, &eb, "'elif' statement", et->line)) return NULL;
        e->u.if_.body = nlist(eb);
        last_stmt_end(p, e, &eb);
        gs_Node **items = gs_arena_alloc(p->a, sizeof *items);
        if (!items) return nomem(p);
        items[0] = e;
        cur->u.if_.orelse.items = items;
        cur->u.if_.orelse.count = 1;
        cur = e;
    }
    if (is_kw(p, GS_KW_ELSE)) {
        const gs_LexToken *el = T(p);
        adv(p);
        if (!expect_colon(p, 1)) return NULL;
        NVec ob = {0};
        if (!parse_block(p, &ob, "'else' statement", el->line)) return NULL;
        cur->u.if_.orelse = nlist(ob);
        last_stmt_end(p, cur, &ob);
    }
    /* every If in the chain ends where the chain ends */
    for (gs_Node *x = n; x; x = (x->u.if_.orelse.count == 1 && x->u.if_.orelse.items[0]->kind == GS_S_IF && x != cur)
                                    ? x->u.if_.orelse.items[0] : NULL) {
        x->end_line = cur->end_line;
        x->end_col = cur->end_col;
        if (x == cur) break;
    }
    return n;
}

static int parse_else(P *p, gs_NodeList *out)
{
    if (!is_kw(p, GS_KW_ELSE)) return 1;
    const gs_LexToken *el = T(p);
    adv(p);
    if (!expect_colon(p, 1)) return 0;
    NVec ob = {0};
    if (!parse_block(p, &ob, "'else' statement", el->line)) return 0;
    *out = nlist(ob);
    return 1;
}

static gs_Node *parse_while(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    gs_Node *test = parse_test(p);
    if (!test) return NULL;
    if (!expect_colon(p, 0)) return NULL;
    gs_Node *n = mk(p, GS_S_WHILE, t);
    if (!n) return NULL;
    n->u.while_.test = test;
    NVec body = {0};
    int save = p->in_loop;
    p->in_loop = 1;
    int ok = parse_block(p, &body, "'while' statement", t->line);
    p->in_loop = save;
    if (!ok) return NULL;
    n->u.while_.body = nlist(body);
    last_stmt_end(p, n, &body);
    if (!parse_else(p, &n->u.while_.orelse)) return NULL;
    if (n->u.while_.orelse.count) end_as(n, n->u.while_.orelse.items[n->u.while_.orelse.count - 1]);
    return n;
}

static gs_Node *parse_for(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    gs_Node *target = parse_for_target(p);
    if (!target) return NULL;
    if (!accept_kw(p, GS_KW_IN)) return fail_generic(p);
    gs_Node *iter = parse_star_expressions(p, NULL);
    if (!iter) return NULL;
    if (!expect_colon(p, 0)) return NULL;
    gs_Node *n = mk(p, GS_S_FOR, t);
    if (!n) return NULL;
    n->u.for_.target = target;
    n->u.for_.iter = iter;
    NVec body = {0};
    int save = p->in_loop;
    p->in_loop = 1;
    int ok = parse_block(p, &body, "'for' statement", t->line);
    p->in_loop = save;
    if (!ok) return NULL;
    n->u.for_.body = nlist(body);
    last_stmt_end(p, n, &body);
    if (!parse_else(p, &n->u.for_.orelse)) return NULL;
    if (n->u.for_.orelse.count) end_as(n, n->u.for_.orelse.items[n->u.for_.orelse.count - 1]);
    return n;
}

static gs_Node *parse_try(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    if (!expect_colon(p, 1)) return NULL;
    gs_Node *n = mk(p, GS_S_TRY, t);
    if (!n) return NULL;
    NVec body = {0};
    if (!parse_block(p, &body, "'try' statement", t->line)) return NULL;
    n->u.try_.body = nlist(body);
    gs_ExceptHandler *hs = NULL;
    int nh = 0, cap = 0;
    while (is_kw(p, GS_KW_EXCEPT)) {
        const gs_LexToken *et = T(p);
        adv(p);
        bool star = is_op(p, GS_T_STAR);
        if (star) adv(p);
        if (nh == 0)
            n->u.try_.star = star;
        else if (star != n->u.try_.star)
            return fail_tok(p, et, "cannot have both 'except' and 'except*' on the same 'try'");
        if (star && is_op(p, GS_T_COLON))
            return fail_tok(p, T(p), "expected one or more exception types");
        if (!vgrow(p, (void **)&hs, nh, &cap, sizeof *hs)) return NULL;
        gs_ExceptHandler *h = &hs[nh];
        memset(h, 0, sizeof *h);
        h->line = et->line;
        h->col = et->col;
        if (!is_op(p, GS_T_COLON)) {
            if (is_type(p, GS_TK_NEWLINE)) { fail_tok(p, T(p), "expected ':'"); return NULL; }
            gs_Node *ty = parse_expression(p);
            if (!ty) return NULL;
            if (is_op(p, GS_T_COMMA)) {
                /* except A, B: */
                int si = p->i, sm = p->maxi;
                adv(p);
                gs_Node *rest = parse_star_expressions(p, NULL);
                if (rest && !p->failed) {
                    if (accept_kw(p, GS_KW_AS)) { if (is_name(p)) adv(p); }
                    if (is_op(p, GS_T_COLON))
                        return fail_range(p, ty, rest, "multiple exception types must be parenthesized");
                }
                if (p->failed && p->e.kind == GS_MEMORY_ERROR) return NULL;
                p->failed = 0;
                p->i = si;
                p->maxi = sm;
                return fail_generic(p);
            }
            h->type = ty;
            if (accept_kw(p, GS_KW_AS)) {
                if (!is_name(p)) return fail_generic(p);
                h->name = ident_tok(p, T(p));
                adv(p);
            }
            if (!is_op(p, GS_T_COLON)) {
                if (is_type(p, GS_TK_NEWLINE)) { fail_tok(p, T(p), "expected ':'"); return NULL; }
                return fail_generic(p);
            }
        }
        adv(p);
        NVec hb = {0};
        if (!parse_block(p, &hb, star ? "'except*' statement" : "'except' statement", et->line)) return NULL;
        h->body = nlist(hb);
        nh++;
    }
    n->u.try_.handlers = hs;
    n->u.try_.nhandlers = nh;
    if (nh && !parse_else(p, &n->u.try_.orelse)) return NULL;
    if (is_kw(p, GS_KW_FINALLY)) {
        const gs_LexToken *ft = T(p);
        adv(p);
        if (!expect_colon(p, 1)) return NULL;
        NVec fb = {0};
        if (!parse_block(p, &fb, "'finally' statement", ft->line)) return NULL;
        n->u.try_.finalbody = nlist(fb);
    }
    if (!nh && !n->u.try_.finalbody.count) {
        return fail_tok(p, T(p), "expected 'except' or 'finally' block");
    }
    return fin(p, n);
}

static int parse_with_item(P *p, gs_WithItem **items, int *n, int *cap, int in_parens)
{
    gs_Node *ctx = parse_expression(p);
    if (!ctx) return 0;
    gs_Node *target = NULL;
    if (accept_kw(p, GS_KW_AS)) {
        int ok_shape;
        const gs_LexToken *st = T(p);
        (void)st;
        if (is_op(p, GS_T_STAR)) { fail_generic(p); return 0; }
        target = parse_primary(p);
        if (!target) return 0;
        (void)ok_shape;
        if (!(is_op(p, GS_T_COMMA) || is_op(p, GS_T_COLON) || is_type(p, GS_TK_NEWLINE) ||
              (in_parens && is_op(p, GS_T_RPAR)))) {
            /* invalid_with_item: 'as' followed by a non-target expression */
            int si = p->i;
            (void)si;
            fail_generic(p);
            return 0;
        }
        if (invalid_target(target, TGT_STAR)) {
            fail_invalid_target(p, target, TGT_STAR);
            return 0;
        }
    }
    if (!vgrow(p, (void **)items, *n, cap, sizeof **items)) return 0;
    (*items)[*n].context = ctx;
    (*items)[*n].target = target;
    (*n)++;
    return 1;
}

static gs_Node *parse_with(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    gs_Node *n = mk(p, GS_S_WITH, t);
    if (!n) return NULL;
    gs_WithItem *items = NULL;
    int ni = 0, cap = 0;
    int done = 0;
    if (is_op(p, GS_T_LPAR)) {
        /* 'with' '(' items ','? ')' ':' — else fall back to expressions */
        int si = p->i, sm = p->maxi;
        adv(p);
        int ok = 1;
        do {
            if (is_op(p, GS_T_RPAR) && ni) break;
            if (!parse_with_item(p, &items, &ni, &cap, 1)) { ok = 0; break; }
        } while (accept_op(p, GS_T_COMMA));
        if (ok && accept_op(p, GS_T_RPAR) && is_op(p, GS_T_COLON)) {
            done = 1;
        } else {
            if (p->failed && p->e.kind == GS_MEMORY_ERROR) return NULL;
            p->failed = 0;
            p->i = si;
            p->maxi = sm > p->maxi ? sm : p->maxi;
            ni = 0;
        }
    }
    if (!done) {
        do {
            if (!parse_with_item(p, &items, &ni, &cap, 0)) return NULL;
        } while (accept_op(p, GS_T_COMMA));
    }
    if (!expect_colon(p, 0)) return NULL;
    n->u.with.items = items;
    n->u.with.nitems = ni;
    NVec body = {0};
    if (!parse_block(p, &body, "'with' statement", t->line)) return NULL;
    n->u.with.body = nlist(body);
    return last_stmt_end(p, n, &body);
}

static gs_Node *parse_funcdef(P *p, NVec decos, const gs_LexToken *start)
{
    const gs_LexToken *t = T(p);
    adv(p);
    if (!is_name(p)) return fail_generic(p);
    gs_Node *n = mk(p, GS_S_FUNCDEF, decos.n ? start : t);
    if (!n) return NULL;
    n->u.func.name = ident_tok(p, T(p));
    n->u.func.decorators = nlist(decos);
    adv(p);
    if (!expect_forced(p, GS_T_LPAR, "(")) return NULL;
    if (!parse_params(p, n, GS_T_RPAR, 0)) return NULL;
    if (!expect_op(p, GS_T_RPAR)) return NULL;
    if (accept_op(p, GS_T_RARROW)) {
        if (!(n->u.func.returns = parse_expression(p))) return NULL;
    }
    if (!expect_colon(p, 1)) return NULL;
    int sf = p->in_func, sl = p->in_loop;
    p->in_func = 1;
    p->in_loop = 0;
    NVec body = {0};
    int ok = parse_block(p, &body, "function definition", t->line);
    p->in_func = sf;
    p->in_loop = sl;
    if (!ok) return NULL;
    n->u.func.body = nlist(body);
    return last_stmt_end(p, n, &body);
}

static gs_Node *parse_classdef(P *p, NVec decos, const gs_LexToken *start)
{
    const gs_LexToken *t = T(p);
    adv(p);
    if (!is_name(p)) return fail_generic(p);
    gs_Node *n = mk(p, GS_S_CLASSDEF, decos.n ? start : t);
    if (!n) return NULL;
    n->u.classdef.name = ident_tok(p, T(p));
    n->u.classdef.decorators = nlist(decos);
    adv(p);
    if (is_op(p, GS_T_LPAR)) {
        gs_Node *dummy = mk(p, GS_E_NAME, t);
        if (!dummy) return NULL;
        if (!enter(p, GS_COST_ATOM)) return NULL;
        gs_Node *c = parse_call(p, dummy, 1);
        leave(p, GS_COST_ATOM);
        if (!c) return NULL;
        n->u.classdef.bases = c->u.call.args;
        n->u.classdef.keywords = c->u.call.keywords;
        n->u.classdef.nkeywords = c->u.call.nkeywords;
    }
    if (!expect_colon(p, 0)) return NULL;
    int sf = p->in_func, sl = p->in_loop;
    p->in_func = 0;
    p->in_loop = 0;
    NVec body = {0};
    int ok = parse_block(p, &body, "class definition", t->line);
    p->in_func = sf;
    p->in_loop = sl;
    if (!ok) return NULL;
    n->u.classdef.body = nlist(body);
    return last_stmt_end(p, n, &body);
}

/* ================================================================ match */

/* Whether the NAME 'match' here starts a match statement (a soft keyword):
 * an expression follows it and its line ends in ':' outside brackets (no
 * other statement can).  Looks at the tokens without moving. */
static int starts_match(P *p)
{
    const gs_LexToken *t = &p->t[p->i];
    if (t->type != GS_TK_NAME || t->kw || t->len != 5 || memcmp(t->start, "match", 5) != 0) return 0;
    int j = p->i + 1;
    if (j >= p->n || p->t[j].type == GS_TK_NEWLINE) return 0;
    if (p->t[j].type == GS_TK_OP && (p->t[j].op == GS_T_EQUAL || p->t[j].op == GS_T_DOT || p->t[j].op == GS_T_COLON))
        return 0;
    while (j < p->n && p->t[j].type != GS_TK_NEWLINE && p->t[j].type != GS_TK_ENDMARKER) j++;
    const gs_LexToken *colon = &p->t[j - 1];
    return j < p->n && colon->type == GS_TK_OP && colon->op == GS_T_COLON && colon->level == 0;
}

static int is_soft(const gs_LexToken *t, const char *word)
{
    return t->type == GS_TK_NAME && t->kw == 0 && t->len == (int)strlen(word) && memcmp(t->start, word, (size_t)t->len) == 0;
}

static gs_Node *parse_pattern(P *p);
static gs_Node *parse_binlevel(P *p, int level);

/* a name, or a dotted name, as an expression (a value or class pattern's) */
static gs_Node *pattern_name_or_attr(P *p)
{
    const gs_LexToken *t = T(p);
    gs_Node *n = mk(p, GS_E_NAME, t);
    if (!n) return NULL;
    n->u.name = ident_tok(p, t);
    adv(p);
    while (is_op(p, GS_T_DOT)) {
        adv(p);
        if (!is_name(p)) return fail_generic(p);
        gs_Node *a = mk_at(p, GS_E_ATTRIBUTE, n);
        if (!a) return NULL;
        a->u.attribute.value = n;
        a->u.attribute.attr = ident_tok(p, T(p));
        adv(p);
        n = fin(p, a);
    }
    return n;
}

/* the items of [...], (...) or an open sequence, up to `closer` (-1: an open
 * sequence, ended by ':' or 'if' or 'as') */
static int pattern_items(P *p, NVec *items, int closer)
{
    for (;;) {
        if (closer >= 0 && is_op(p, closer)) return 1;
        gs_Node *it;
        if (is_op(p, GS_T_STAR)) {
            const gs_LexToken *st = T(p);
            adv(p);
            if (!is_name(p)) return fail_generic(p) != NULL;
            it = mk(p, GS_P_STAR, st);
            if (!it) return 0;
            const gs_LexToken *nt = T(p);
            it->u.pat.name = nt->len == 1 && nt->start[0] == '_' ? (gs_Ident){ NULL, 0 } : ident_tok(p, nt);
            adv(p);
            fin(p, it);
        } else if (!(it = parse_pattern(p)))
            return 0;
        if (!npush(p, items, it)) return 0;
        if (!accept_op(p, GS_T_COMMA)) return 1;
        if (closer < 0 && (is_op(p, GS_T_COLON) || is_kw(p, GS_KW_IF))) return 1;
    }
}

static gs_Node *parse_closed_pattern(P *p)
{
    const gs_LexToken *t = T(p);
    if (t->type == GS_TK_NAME && (t->kw == GS_KW_NONE || t->kw == GS_KW_TRUE || t->kw == GS_KW_FALSE)) {
        gs_Node *v = parse_binlevel(p, 1);
        if (!v) return NULL;
        gs_Node *n = mk_at(p, GS_P_SINGLETON, v);
        if (n) n->u.pat.value = v;
        return n;
    }
    if (t->type == GS_TK_NUMBER || t->type == GS_TK_STRING || (t->type == GS_TK_OP && t->op == GS_T_MINUS)) {
        gs_Node *v = parse_binlevel(p, 1); /* -1, 1+2j, 'a' 'b' */
        if (!v) return NULL;
        gs_Node *n = mk_at(p, GS_P_VALUE, v);
        if (n) n->u.pat.value = v;
        return n;
    }
    if (is_name(p)) {
        const gs_LexToken *nx = &p->t[p->i + 1 < p->n ? p->i + 1 : p->i];
        bool dotted = nx->type == GS_TK_OP && nx->op == GS_T_DOT;
        if (!dotted && !(nx->type == GS_TK_OP && nx->op == GS_T_LPAR)) {
            gs_Node *n = mk(p, GS_P_CAPTURE, t);
            if (!n) return NULL;
            n->u.pat.name = t->len == 1 && t->start[0] == '_' ? (gs_Ident){ NULL, 0 } : ident_tok(p, t);
            adv(p);
            return n;
        }
        gs_Node *v = pattern_name_or_attr(p);
        if (!v) return NULL;
        if (!is_op(p, GS_T_LPAR)) {
            gs_Node *n = mk_at(p, GS_P_VALUE, v);
            if (n) n->u.pat.value = v;
            return n;
        }
        /* a class pattern: Cls(p, ..., k=p, ...) */
        adv(p);
        gs_Node *n = mk_at(p, GS_P_CLASS, v);
        if (!n) return NULL;
        n->u.pat.value = v;
        NVec pos = {0}, kwp = {0};
        gs_Ident *names = NULL;
        int nkw = 0, cap = 0;
        while (!is_op(p, GS_T_RPAR)) {
            const gs_LexToken *k = T(p), *k2 = &p->t[p->i + 1 < p->n ? p->i + 1 : p->i];
            if (is_name(p) && k2->type == GS_TK_OP && k2->op == GS_T_EQUAL) {
                adv(p);
                adv(p);
                gs_Node *kp = parse_pattern(p);
                if (!kp) return NULL;
                if (!vgrow(p, (void **)&names, nkw, &cap, sizeof *names)) return NULL;
                names[nkw++] = ident_tok(p, k);
                if (!npush(p, &kwp, kp)) return NULL;
            } else {
                if (nkw) return fail_tok(p, k, "positional patterns follow keyword patterns");
                gs_Node *pp = parse_pattern(p);
                if (!pp || !npush(p, &pos, pp)) return NULL;
            }
            if (!accept_op(p, GS_T_COMMA)) break;
        }
        if (!accept_op(p, GS_T_RPAR)) return fail_generic(p);
        n->u.pat.items = nlist(pos);
        n->u.pat.keys = nlist(kwp);
        n->u.pat.kwnames = names;
        n->u.pat.nkw = nkw;
        return fin(p, n);
    }
    if (is_op(p, GS_T_LPAR) || is_op(p, GS_T_LSQB)) {
        bool paren = is_op(p, GS_T_LPAR);
        adv(p);
        NVec items = {0};
        int closer = paren ? GS_T_RPAR : GS_T_RSQB;
        if (paren && !is_op(p, GS_T_RPAR)) {
            /* (p) is a group; (p,) and (p, q) sequences */
            gs_Node *first = NULL;
            if (!is_op(p, GS_T_STAR) && !(first = parse_pattern(p))) return NULL;
            if (first && is_op(p, GS_T_RPAR)) {
                adv(p);
                return grouped(p, first, t);
            }
            if (first) {
                if (!npush(p, &items, first)) return NULL;
                if (!accept_op(p, GS_T_COMMA)) return fail_generic(p);
            }
        }
        if (!pattern_items(p, &items, closer)) return NULL;
        if (!accept_op(p, closer)) return fail_generic(p);
        gs_Node *n = mk(p, GS_P_SEQUENCE, t);
        if (!n) return NULL;
        n->u.pat.items = nlist(items);
        return fin(p, n);
    }
    if (is_op(p, GS_T_LBRACE)) {
        adv(p);
        gs_Node *n = mk(p, GS_P_MAPPING, t);
        if (!n) return NULL;
        NVec keys = {0}, vals = {0};
        while (!is_op(p, GS_T_RBRACE)) {
            if (accept_op(p, GS_T_DOUBLESTAR)) {
                if (!is_name(p)) return fail_generic(p);
                n->u.pat.name = ident_tok(p, T(p));
                adv(p);
                accept_op(p, GS_T_COMMA);
                break;
            }
            const gs_LexToken *kt = T(p);
            gs_Node *k = kt->type == GS_TK_NAME && kt->kw == 0 ? pattern_name_or_attr(p) : parse_binlevel(p, 1);
            if (!k) return NULL;
            if (!accept_op(p, GS_T_COLON)) return fail_generic(p);
            gs_Node *v = parse_pattern(p);
            if (!v || !npush(p, &keys, k) || !npush(p, &vals, v)) return NULL;
            if (!accept_op(p, GS_T_COMMA)) break;
        }
        if (!accept_op(p, GS_T_RBRACE)) return fail_generic(p);
        n->u.pat.keys = nlist(keys);
        n->u.pat.items = nlist(vals);
        return fin(p, n);
    }
    return fail_generic(p);
}

/* or_pattern ['as' NAME] */
static gs_Node *parse_pattern(P *p)
{
    if (!enter(p, 1)) return NULL;
    gs_Node *first = parse_closed_pattern(p);
    if (!first) return NULL;
    gs_Node *n = first;
    if (is_op(p, GS_T_VBAR)) {
        NVec alts = {0};
        if (!npush(p, &alts, first)) return NULL;
        while (accept_op(p, GS_T_VBAR)) {
            gs_Node *a = parse_closed_pattern(p);
            if (!a || !npush(p, &alts, a)) return NULL;
        }
        n = mk_at(p, GS_P_OR, first);
        if (!n) return NULL;
        n->u.pat.items = nlist(alts);
        end_as(n, alts.items[alts.n - 1]);
    }
    if (accept_kw(p, GS_KW_AS)) {
        if (!is_name(p)) return fail_generic(p);
        gs_Node *a = mk_at(p, GS_P_AS, n);
        if (!a) return NULL;
        a->u.pat.pattern = n;
        a->u.pat.name = ident_tok(p, T(p));
        adv(p);
        n = fin(p, a);
    }
    leave(p, 1);
    return n;
}

static gs_Node *parse_match(P *p)
{
    const gs_LexToken *t = T(p);
    adv(p);
    gs_Node *subject = parse_star_named_expression(p);
    if (!subject) return NULL;
    if (is_op(p, GS_T_COMMA)) { /* match a, b: a tuple */
        NVec items = {0};
        if (!npush(p, &items, subject)) return NULL;
        while (accept_op(p, GS_T_COMMA) && !is_op(p, GS_T_COLON)) {
            gs_Node *e = parse_star_named_expression(p);
            if (!e || !npush(p, &items, e)) return NULL;
        }
        gs_Node *tup = mk_at(p, GS_E_TUPLE, subject);
        if (!tup) return NULL;
        tup->u.seq.items = nlist(items);
        end_as(tup, items.items[items.n - 1]);
        subject = tup;
    }
    if (!expect_colon(p, 0)) return NULL;
    gs_Node *n = mk(p, GS_S_MATCH, t);
    if (!n) return NULL;
    n->u.match.subject = subject;
    if (!is_type(p, GS_TK_NEWLINE)) return fail_generic(p);
    adv(p);
    if (!is_type(p, GS_TK_INDENT)) return fail_indent(p, T(p), "expected an indented block after 'match' statement on line %d", t->line);
    adv(p);
    gs_MatchCase *cases = NULL;
    int ncases = 0, cap = 0;
    while (!is_type(p, GS_TK_DEDENT)) {
        const gs_LexToken *ct = T(p);
        if (!is_soft(ct, "case")) return fail_tok(p, ct, "invalid syntax");
        adv(p);
        gs_Node *pat;
        const gs_LexToken *pt = T(p);
        NVec items = {0};
        if (!pattern_items(p, &items, -1)) return NULL;
        bool comma = prev(p)->type == GS_TK_OP && prev(p)->op == GS_T_COMMA;
        if (items.n == 1 && !comma && items.items[0]->kind != GS_P_STAR) /* the pattern itself */
            pat = items.items[0];
        else {
            pat = mk(p, GS_P_SEQUENCE, pt);
            if (!pat) return NULL;
            pat->u.pat.items = nlist(items);
            end_as(pat, items.items[items.n - 1]);
        }
        gs_Node *guard = NULL;
        if (accept_kw(p, GS_KW_IF) && !(guard = parse_named_expression(p))) return NULL;
        if (!expect_colon(p, 0)) return NULL;
        if (!vgrow(p, (void **)&cases, ncases, &cap, sizeof *cases)) return NULL;
        gs_MatchCase *mc = &cases[ncases++];
        mc->pattern = pat;
        mc->guard = guard;
        mc->line = ct->line;
        mc->col = ct->col;
        NVec body = {0};
        if (!parse_block(p, &body, "'case' statement", ct->line)) return NULL;
        mc->body = nlist(body);
        last_stmt_end(p, n, &body);
    }
    adv(p);
    n->u.match.cases = cases;
    n->u.match.ncases = ncases;
    return n;
}

static int parse_statement(P *p, NVec *out)
{
    const gs_LexToken *t = T(p);
    gs_Node *n = NULL;
    if (t->type == GS_TK_OP && t->op == GS_T_AT) {
        NVec decos = {0};
        while (accept_op(p, GS_T_AT)) {
            gs_Node *d = parse_named_expression(p);
            if (!d) return 0;
            if (!npush(p, &decos, d)) return 0;
            if (!is_type(p, GS_TK_NEWLINE)) { fail_generic(p); return 0; }
            adv(p);
        }
        if (is_kw(p, GS_KW_DEF)) n = parse_funcdef(p, decos, t);
        else if (is_kw(p, GS_KW_CLASS)) n = parse_classdef(p, decos, t);
        else { fail_generic(p); return 0; }
    } else if (t->type == GS_TK_NAME) {
        switch (t->kw) {
        case GS_KW_IF: n = parse_if(p); break;
        case GS_KW_WHILE: n = parse_while(p); break;
        case GS_KW_FOR: n = parse_for(p); break;
        case GS_KW_TRY: n = parse_try(p); break;
        case GS_KW_WITH: n = parse_with(p); break;
        case GS_KW_DEF: { NVec none = {0}; n = parse_funcdef(p, none, t); break; }
        case GS_KW_CLASS: { NVec none = {0}; n = parse_classdef(p, none, t); break; }
        case GS_KW_ASYNC:
            /* async def/for/with are not supported; like CPython, fail at
             * the token after 'async' */
            adv(p);
            (void)T(p);
            fail_generic(p);
            return 0;
        default:
            if (starts_match(p)) {
                n = parse_match(p);
                break;
            }
            return parse_simple_stmts(p, out);
        }
    } else if (t->type == GS_TK_INDENT) {
        fail_indent(p, t, "unexpected indent");
        p->e_final = 1;
        return 0;
    } else {
        return parse_simple_stmts(p, out);
    }
    if (!n) return 0;
    return npush(p, out, n);
}

/* ================================================================ depth */

/* Iterative walk measuring node depth the way CPython's compiler counts its
 * recursion (statements and expressions, the module's body at depth 1). */
typedef struct DItem { const gs_Node *n; int d; } DItem;
typedef struct DStack { DItem *v; int n, cap; int oom; } DStack;

static void dpush(DStack *s, const gs_Node *n, int d)
{
    if (!n || s->oom) return;
    if (s->n == s->cap) {
        int nc = s->cap ? s->cap * 2 : 256;
        DItem *nv = realloc(s->v, (size_t)nc * sizeof *nv);
        if (!nv) { s->oom = 1; return; }
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n].n = n;
    s->v[s->n].d = d;
    s->n++;
}

static void dlist(DStack *s, gs_NodeList l, int d)
{
    for (int i = 0; i < l.count; i++) dpush(s, l.items[i], d);
}

static int max_depth(gs_NodeList body, int *oom)
{
    DStack s = {0};
    int maxd = 0;
    dlist(&s, body, 1);
    while (s.n && !s.oom) {
        DItem it = s.v[--s.n];
        const gs_Node *n = it.n;
        int d = it.d, c = d + 1;
        if (d > maxd) maxd = d;
        if (maxd > GS_MAX_AST_DEPTH) break;
        switch (n->kind) {
        case GS_E_NAME: case GS_E_CONST: case GS_S_PASS: case GS_S_BREAK: case GS_S_CONTINUE:
        case GS_S_GLOBAL: case GS_S_NONLOCAL: case GS_S_IMPORT: case GS_S_IMPORTFROM:
            break;
        case GS_E_JOINEDSTR: case GS_E_LIST: case GS_E_TUPLE: case GS_E_SET: dlist(&s, n->u.seq.items, c); break;
        case GS_E_FORMATTED: dpush(&s, n->u.formatted.value, c); dpush(&s, n->u.formatted.format_spec, c); break;
        case GS_E_BINOP: dpush(&s, n->u.binop.left, c); dpush(&s, n->u.binop.right, c); break;
        case GS_E_UNARYOP: dpush(&s, n->u.unary.operand, c); break;
        case GS_E_BOOLOP: dlist(&s, n->u.boolop.values, c); break;
        case GS_E_COMPARE: dpush(&s, n->u.compare.left, c); dlist(&s, n->u.compare.comparators, c); break;
        case GS_E_CALL:
            dpush(&s, n->u.call.func, c);
            dlist(&s, n->u.call.args, c);
            for (int i = 0; i < n->u.call.nkeywords; i++) dpush(&s, n->u.call.keywords[i].value, c);
            break;
        case GS_E_ATTRIBUTE: dpush(&s, n->u.attribute.value, c); break;
        case GS_E_SUBSCRIPT: dpush(&s, n->u.subscript.value, c); dpush(&s, n->u.subscript.index, c); break;
        case GS_E_SLICE: dpush(&s, n->u.slice.lower, c); dpush(&s, n->u.slice.upper, c); dpush(&s, n->u.slice.step, c); break;
        case GS_E_DICT:
            for (int i = 0; i < n->u.dict.keys.count; i++) dpush(&s, n->u.dict.keys.items[i], c);
            dlist(&s, n->u.dict.values, c);
            break;
        case GS_E_IFEXP: dpush(&s, n->u.ifexp.test, c); dpush(&s, n->u.ifexp.body, c); dpush(&s, n->u.ifexp.orelse, c); break;
        case GS_E_LAMBDA: case GS_S_FUNCDEF:
            for (int i = 0; i < n->u.func.nparams; i++) dpush(&s, n->u.func.params[i].default_value, c);
            dlist(&s, n->u.func.decorators, c);
            if (n->kind == GS_E_LAMBDA && n->u.func.body.count) dpush(&s, n->u.func.body.items[0]->u.ret.value, c);
            else dlist(&s, n->u.func.body, c);
            break;
        case GS_E_LISTCOMP: case GS_E_SETCOMP: case GS_E_DICTCOMP: case GS_E_GENEXP:
            dpush(&s, n->u.comp.elt, c);
            dpush(&s, n->u.comp.value, c);
            for (int i = 0; i < n->u.comp.ngenerators; i++) {
                dpush(&s, n->u.comp.generators[i].target, c);
                dpush(&s, n->u.comp.generators[i].iter, c);
                dlist(&s, n->u.comp.generators[i].ifs, c);
            }
            break;
        case GS_E_YIELD: case GS_E_YIELDFROM: dpush(&s, n->u.yield.value, c); break;
        case GS_E_STARRED: dpush(&s, n->u.starred.value, c); break;
        case GS_E_NAMEDEXPR: dpush(&s, n->u.namedexpr.target, c); dpush(&s, n->u.namedexpr.value, c); break;
        case GS_S_EXPR: dpush(&s, n->u.expr.value, c); break;
        case GS_S_ASSIGN: dlist(&s, n->u.assign.targets, c); dpush(&s, n->u.assign.value, c); break;
        case GS_S_AUGASSIGN: dpush(&s, n->u.augassign.target, c); dpush(&s, n->u.augassign.value, c); break;
        case GS_S_ANNASSIGN:
            dpush(&s, n->u.annassign.target, c); dpush(&s, n->u.annassign.annotation, c); dpush(&s, n->u.annassign.value, c);
            break;
        case GS_S_DELETE: dlist(&s, n->u.del_.targets, c); break;
        case GS_S_IF: dpush(&s, n->u.if_.test, c); dlist(&s, n->u.if_.body, c); dlist(&s, n->u.if_.orelse, c); break;
        case GS_S_WHILE: dpush(&s, n->u.while_.test, c); dlist(&s, n->u.while_.body, c); dlist(&s, n->u.while_.orelse, c); break;
        case GS_S_FOR:
            dpush(&s, n->u.for_.target, c); dpush(&s, n->u.for_.iter, c);
            dlist(&s, n->u.for_.body, c); dlist(&s, n->u.for_.orelse, c);
            break;
        case GS_S_CLASSDEF:
            dlist(&s, n->u.classdef.bases, c);
            for (int i = 0; i < n->u.classdef.nkeywords; i++) dpush(&s, n->u.classdef.keywords[i].value, c);
            dlist(&s, n->u.classdef.decorators, c);
            dlist(&s, n->u.classdef.body, c);
            break;
        case GS_S_RETURN: dpush(&s, n->u.ret.value, c); break;
        case GS_S_TRY:
            dlist(&s, n->u.try_.body, c);
            for (int i = 0; i < n->u.try_.nhandlers; i++) {
                dpush(&s, n->u.try_.handlers[i].type, c);
                dlist(&s, n->u.try_.handlers[i].body, c);
            }
            dlist(&s, n->u.try_.orelse, c);
            dlist(&s, n->u.try_.finalbody, c);
            break;
        case GS_S_RAISE: dpush(&s, n->u.raise.exc, c); dpush(&s, n->u.raise.cause, c); break;
        case GS_S_WITH:
            for (int i = 0; i < n->u.with.nitems; i++) {
                dpush(&s, n->u.with.items[i].context, c);
                dpush(&s, n->u.with.items[i].target, c);
            }
            dlist(&s, n->u.with.body, c);
            break;
        case GS_S_ASSERT: dpush(&s, n->u.assert_.test, c); dpush(&s, n->u.assert_.msg, c); break;
        case GS_S_MATCH:
            dpush(&s, n->u.match.subject, c);
            for (int i = 0; i < n->u.match.ncases; i++) {
                dpush(&s, n->u.match.cases[i].guard, c);
                dlist(&s, n->u.match.cases[i].body, c);
            }
            break;
        default: break;
        }
    }
    *oom = s.oom;
    free(s.v);
    return maxd;
}

/* ================================================================ driver */

/* Byte column -> CPython's 1-based character offset on `line`. */
static int char_col(const char *buf, size_t len, int line, int bytecol1)
{
    if (bytecol1 <= 0) return bytecol1;
    const char *s = buf, *end = buf + len;
    for (int l = 1; l < line && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl) break;
        s = nl + 1;
    }
    int n = 0;
    for (int i = 0; i < bytecol1 - 1 && s + i < end; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    /* columns past the end of the line (CPython allows one) */
    return n + 1;
}

/* Decide the reported error as CPython's _PyPegen_set_syntax_error does. */
static void finish_error(P *p, gs_SyntaxError *err)
{
    const gs_Lexer *lx = p->lx;
    int lex_err = p->err_index >= 0;
    if (p->e.kind == GS_MEMORY_ERROR && p->e_chars) {
        *err = p->e;
        return;
    }
    if (lex_err && (p->reached_err || (lx->err_raised && !p->e_final))) {
        *err = lx->err;
        return;
    }
    gs_SyntaxError e = p->e;
    if (!p->e_chars) {
        e.col = char_col(p->buf, p->buflen, e.line, e.col);
        e.end_col = char_col(p->buf, p->buflen, e.end_line, e.end_col);
    }
    /* an unclosed bracket on an earlier line explains a later error */
    if (lx->nparen > 0 && (lex_err || lx->done == 2 || 1)) {
        const gs_LexParen *pp = &lx->parens[lx->nparen - 1];
        if (lex_err && !p->e_final && p->t[p->max_any].line > pp->line) {
            memset(&e, 0, sizeof e);
            e.kind = GS_SYNTAX_ERROR;
            snprintf(e.msg, sizeof e.msg, "'%c' was never closed", pp->ch);
            e.line = e.end_line = pp->line;
            e.col = char_col(p->buf, p->buflen, pp->line, pp->col + 1);
            e.end_col = e.col;
        }
    }
    *err = e;
}

int gs_parse(gs_Arena *arena, const char *src, size_t len, gs_NodeList *out_body, gs_SyntaxError *err)
{
    memset(err, 0, sizeof *err);
    out_body->items = NULL;
    out_body->count = 0;

    /* Normalise: skip a BOM, turn CRLF and CR into LF, end with a newline.
     * A NUL byte behaves as in CPython 3.11.2 reading a file: the rest of
     * that physical line, newline included, is lost. */
    size_t off = 0;
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB && (unsigned char)src[2] == 0xBF) off = 3;
    char *buf = malloc(len - off + 2);
    if (!buf) { err->kind = GS_MEMORY_ERROR; return -1; }
    size_t n = 0;
    for (size_t k = off; k < len; k++) {
        char c = src[k];
        if (c == '\r') {
            if (k + 1 < len && src[k + 1] == '\n') k++;
            buf[n++] = '\n';
        } else if (c == '\0') {
            while (k < len && src[k] != '\n' && src[k] != '\r') k++;
            if (k < len && src[k] == '\r' && k + 1 < len && src[k + 1] == '\n') k++;
        } else {
            buf[n++] = c;
        }
    }
    if (n > 0 && buf[n - 1] != '\n') buf[n++] = '\n';
    buf[n] = '\0';

    gs_Lexer *lx = malloc(sizeof *lx);
    /* One token per two bytes is rarely exceeded; untouched capacity of a
     * large allocation costs no memory. */
    int cap = (int)(n / 2) + 64, nt = 0;
    gs_LexToken *toks = lx ? malloc((size_t)cap * sizeof *toks) : NULL;
    if (!toks) { free(lx); free(buf); err->kind = GS_MEMORY_ERROR; return -1; }
    gs_lex_init(lx, buf, n);
    for (;;) {
        if (nt == cap) {
            cap *= 2;
            gs_LexToken *t2 = realloc(toks, (size_t)cap * sizeof *toks);
            if (!t2) { free(toks); free(lx); free(buf); err->kind = GS_MEMORY_ERROR; return -1; }
            toks = t2;
        }
        gs_LexTokType ty = gs_lex_next(lx, &toks[nt]);
        toks[nt].type = (unsigned char)ty;
        nt++;
        if (ty == GS_TK_ENDMARKER || ty == GS_TK_ERROR) break;
    }

    P p;
    memset(&p, 0, sizeof p);
    p.a = arena;
    p.t = toks;
    p.n = nt;
    p.err_index = toks[nt - 1].type == GS_TK_ERROR ? nt - 1 : -1;
    p.lx = lx;
    p.buf = buf;
    p.buflen = n;
    p.depth = GS_COST_BASE;

    NVec body = {0};
    while (!p.failed && !is_type(&p, GS_TK_ENDMARKER)) {
        if (is_type(&p, GS_TK_ERROR)) { fail_generic(&p); break; }
        if (!parse_statement(&p, &body)) {
            if (!p.failed) fail_generic(&p);
            break;
        }
    }
    int rc = 0;
    if (p.failed) {
        finish_error(&p, err);
        rc = -1;
    } else {
        int oom = 0;
        int d = max_depth(nlist(body), &oom);
        if (oom) {
            err->kind = GS_MEMORY_ERROR;
            rc = -1;
        } else if (d > GS_MAX_AST_DEPTH) {
            err->kind = GS_RECURSION_ERROR;
            snprintf(err->msg, sizeof err->msg, "maximum recursion depth exceeded during compilation");
            rc = -1;
        } else if (p.has_deferred) {
            *err = p.deferred;
            err->col = char_col(buf, n, err->line, err->col);
            err->end_col = char_col(buf, n, err->end_line, err->end_col);
            rc = -1;
        } else {
            *out_body = nlist(body);
        }
    }
    free(toks);
    free(lx);
    free(buf);
    return rc;
}
