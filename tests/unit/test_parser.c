/*
 * test_parser.c — the parser builds the trees CPython builds, and fails the
 * way python3.11 fails.
 *
 * Valid programs are checked through a compact S-expression dump of the
 * tree.  Invalid programs come from syntax_errors.txt, a table produced by
 * running every case through /usr/bin/python3.11, so message, line and
 * offset are CPython's own.  A few generated inputs (deep nesting, huge
 * files, odd bytes) are built here.
 *
 * Usage: test_parser [path/to/syntax_errors.txt]
 * Prints one line per failing case and, last, "N passed, M failed".
 */
#define _POSIX_C_SOURCE 200809L
#include "lang/ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int passed, failed;

/* ------------------------------------------------------------ dumper */

typedef struct Out { char *s; size_t n, cap; } Out;

static void put(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Out *o, const char *fmt, ...)
{
    va_list ap;
    if (!o->s) {
        o->cap = 256;
        o->s = malloc(o->cap);
        if (!o->s) abort();
    }
    for (;;) {
        va_start(ap, fmt);
        int k = vsnprintf(o->s + o->n, o->cap - o->n, fmt, ap);
        va_end(ap);
        if (k >= 0 && o->n + (size_t)k < o->cap) { o->n += (size_t)k; return; }
        o->cap = o->cap ? o->cap * 2 + (size_t)k : 256 + (size_t)k;
        o->s = realloc(o->s, o->cap);
        if (!o->s) abort();
    }
}

static void dump(Out *o, const gs_Node *n);

static void dump_list(Out *o, gs_NodeList l)
{
    for (int i = 0; i < l.count; i++) {
        put(o, " ");
        dump(o, l.items[i]);
    }
}

static void dump_block(Out *o, const char *tag, gs_NodeList l)
{
    put(o, " (%s", tag);
    dump_list(o, l);
    put(o, ")");
}

static void dump_str(Out *o, const char *s, int len)
{
    put(o, "'");
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\'' || c == '\\') put(o, "\\%c", c);
        else if (c == '\n') put(o, "\\n");
        else if (c < 0x20 || c == 0x7f) put(o, "\\x%02x", c);
        else put(o, "%c", c);
    }
    put(o, "'");
}

static const char *binop_name(gs_Operator op)
{
    static const char *const names[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"};
    return names[op];
}

static const char *cmp_name(gs_CmpOperator op)
{
    static const char *const names[] = {"<", "<=", "==", "!=", ">", ">=", "is", "is-not", "in", "not-in"};
    return names[op];
}

static void dump_params(Out *o, const gs_Node *n)
{
    put(o, "(");
    for (int i = 0; i < n->u.func.nparams; i++) {
        const gs_Param *pa = &n->u.func.params[i];
        if (i) put(o, " ");
        if (i == n->u.func.nposonly && n->u.func.nposonly) put(o, "/ ");
        static const char *const pre[] = {"", "*", "kw:", "**"};
        put(o, "%s%s", pre[pa->kind], pa->name.s);
        if (pa->default_value) { put(o, "="); dump(o, pa->default_value); }
    }
    if (n->u.func.nposonly && n->u.func.nposonly == n->u.func.nparams) put(o, " /");
    put(o, ")");
}

static void dump_keywords(Out *o, const gs_Keyword *k, int n)
{
    for (int i = 0; i < n; i++) {
        if (k[i].name.s) put(o, " %s=", k[i].name.s);
        else put(o, " **");
        dump(o, k[i].value);
    }
}

static void dump(Out *o, const gs_Node *n)
{
    if (!n) { put(o, "_"); return; }
    switch (n->kind) {
    case GS_E_NAME: put(o, "%s", n->u.name.s); break;
    case GS_E_CONST:
        switch (n->u.constant.kind) {
        case GS_C_NONE: put(o, "None"); break;
        case GS_C_TRUE: put(o, "True"); break;
        case GS_C_FALSE: put(o, "False"); break;
        case GS_C_ELLIPSIS: put(o, "..."); break;
        case GS_C_INT:
            if (n->u.constant.big) put(o, "%s", n->u.constant.str);
            else put(o, "%lld", (long long)n->u.constant.int_value);
            break;
        case GS_C_FLOAT: put(o, "%.17gf", n->u.constant.float_value); break;
        case GS_C_COMPLEX: put(o, "%.17gj", n->u.constant.float_value); break;
        case GS_C_STR: dump_str(o, n->u.constant.str, n->u.constant.len); break;
        case GS_C_BYTES: put(o, "b"); dump_str(o, n->u.constant.str, n->u.constant.len); break;
        }
        break;
    case GS_E_JOINEDSTR: put(o, "(f"); dump_list(o, n->u.seq.items); put(o, ")"); break;
    case GS_E_FORMATTED:
        put(o, "(fmt ");
        dump(o, n->u.formatted.value);
        if (n->u.formatted.conversion) put(o, " !%c", n->u.formatted.conversion);
        if (n->u.formatted.format_spec) { put(o, " :"); dump(o, n->u.formatted.format_spec); }
        put(o, ")");
        break;
    case GS_E_BINOP:
        put(o, "(%s ", binop_name(n->u.binop.op));
        dump(o, n->u.binop.left);
        put(o, " ");
        dump(o, n->u.binop.right);
        put(o, ")");
        break;
    case GS_E_UNARYOP: {
        static const char *const u[] = {"neg", "pos", "not", "inv"};
        put(o, "(%s ", u[n->u.unary.op]);
        dump(o, n->u.unary.operand);
        put(o, ")");
        break;
    }
    case GS_E_BOOLOP:
        put(o, "(%s", n->u.boolop.op == GS_BOOL_AND ? "and" : "or");
        dump_list(o, n->u.boolop.values);
        put(o, ")");
        break;
    case GS_E_COMPARE:
        put(o, "(cmp ");
        dump(o, n->u.compare.left);
        for (int i = 0; i < n->u.compare.comparators.count; i++) {
            put(o, " %s ", cmp_name(n->u.compare.ops[i]));
            dump(o, n->u.compare.comparators.items[i]);
        }
        put(o, ")");
        break;
    case GS_E_CALL:
        put(o, "(call ");
        dump(o, n->u.call.func);
        dump_list(o, n->u.call.args);
        dump_keywords(o, n->u.call.keywords, n->u.call.nkeywords);
        put(o, ")");
        break;
    case GS_E_ATTRIBUTE:
        put(o, "(. ");
        dump(o, n->u.attribute.value);
        put(o, " %s)", n->u.attribute.attr.s);
        break;
    case GS_E_SUBSCRIPT:
        put(o, "([] ");
        dump(o, n->u.subscript.value);
        put(o, " ");
        dump(o, n->u.subscript.index);
        put(o, ")");
        break;
    case GS_E_SLICE:
        put(o, "(slice ");
        dump(o, n->u.slice.lower);
        put(o, " ");
        dump(o, n->u.slice.upper);
        put(o, " ");
        dump(o, n->u.slice.step);
        put(o, ")");
        break;
    case GS_E_LIST: put(o, "[list"); dump_list(o, n->u.seq.items); put(o, "]"); break;
    case GS_E_TUPLE: put(o, "(tuple"); dump_list(o, n->u.seq.items); put(o, ")"); break;
    case GS_E_SET: put(o, "{set"); dump_list(o, n->u.seq.items); put(o, "}"); break;
    case GS_E_DICT:
        put(o, "{dict");
        for (int i = 0; i < n->u.dict.keys.count; i++) {
            put(o, " ");
            if (n->u.dict.keys.items[i]) dump(o, n->u.dict.keys.items[i]);
            else put(o, "**");
            put(o, ":");
            dump(o, n->u.dict.values.items[i]);
        }
        put(o, "}");
        break;
    case GS_E_IFEXP:
        put(o, "(ifexp ");
        dump(o, n->u.ifexp.test);
        put(o, " ");
        dump(o, n->u.ifexp.body);
        put(o, " ");
        dump(o, n->u.ifexp.orelse);
        put(o, ")");
        break;
    case GS_E_LAMBDA:
        put(o, "(lambda ");
        dump_params(o, n);
        put(o, " ");
        dump(o, n->u.func.body.items[0]->u.ret.value);
        put(o, ")");
        break;
    case GS_E_LISTCOMP: case GS_E_SETCOMP: case GS_E_DICTCOMP: case GS_E_GENEXP: {
        const char *tag = n->kind == GS_E_LISTCOMP ? "listcomp" : n->kind == GS_E_SETCOMP ? "setcomp"
                        : n->kind == GS_E_DICTCOMP ? "dictcomp" : "genexp";
        put(o, "(%s ", tag);
        dump(o, n->u.comp.elt);
        if (n->kind == GS_E_DICTCOMP) { put(o, ":"); dump(o, n->u.comp.value); }
        for (int i = 0; i < n->u.comp.ngenerators; i++) {
            put(o, " (for ");
            dump(o, n->u.comp.generators[i].target);
            put(o, " ");
            dump(o, n->u.comp.generators[i].iter);
            for (int j = 0; j < n->u.comp.generators[i].ifs.count; j++) {
                put(o, " if ");
                dump(o, n->u.comp.generators[i].ifs.items[j]);
            }
            put(o, ")");
        }
        put(o, ")");
        break;
    }
    case GS_E_YIELD: put(o, "(yield "); dump(o, n->u.yield.value); put(o, ")"); break;
    case GS_E_YIELDFROM: put(o, "(yield-from "); dump(o, n->u.yield.value); put(o, ")"); break;
    case GS_E_STARRED: put(o, "*"); dump(o, n->u.starred.value); break;
    case GS_E_NAMEDEXPR:
        put(o, "(:= ");
        dump(o, n->u.namedexpr.target);
        put(o, " ");
        dump(o, n->u.namedexpr.value);
        put(o, ")");
        break;
    case GS_S_EXPR: put(o, "(expr "); dump(o, n->u.expr.value); put(o, ")"); break;
    case GS_S_ASSIGN:
        put(o, "(=");
        dump_list(o, n->u.assign.targets);
        put(o, " ");
        dump(o, n->u.assign.value);
        put(o, ")");
        break;
    case GS_S_AUGASSIGN:
        put(o, "(%s= ", binop_name(n->u.augassign.op));
        dump(o, n->u.augassign.target);
        put(o, " ");
        dump(o, n->u.augassign.value);
        put(o, ")");
        break;
    case GS_S_ANNASSIGN:
        put(o, "(ann ");
        dump(o, n->u.annassign.target);
        put(o, " ");
        dump(o, n->u.annassign.annotation);
        put(o, " ");
        dump(o, n->u.annassign.value);
        put(o, ")");
        break;
    case GS_S_DELETE: put(o, "(del"); dump_list(o, n->u.del_.targets); put(o, ")"); break;
    case GS_S_PASS: put(o, "pass"); break;
    case GS_S_BREAK: put(o, "break"); break;
    case GS_S_CONTINUE: put(o, "continue"); break;
    case GS_S_IF:
        put(o, "(if ");
        dump(o, n->u.if_.test);
        dump_block(o, "do", n->u.if_.body);
        if (n->u.if_.orelse.count) dump_block(o, "else", n->u.if_.orelse);
        put(o, ")");
        break;
    case GS_S_WHILE:
        put(o, "(while ");
        dump(o, n->u.while_.test);
        dump_block(o, "do", n->u.while_.body);
        if (n->u.while_.orelse.count) dump_block(o, "else", n->u.while_.orelse);
        put(o, ")");
        break;
    case GS_S_FOR:
        put(o, "(for ");
        dump(o, n->u.for_.target);
        put(o, " ");
        dump(o, n->u.for_.iter);
        dump_block(o, "do", n->u.for_.body);
        if (n->u.for_.orelse.count) dump_block(o, "else", n->u.for_.orelse);
        put(o, ")");
        break;
    case GS_S_FUNCDEF:
        put(o, "(def %s ", n->u.func.name.s);
        dump_params(o, n);
        if (n->u.func.decorators.count) dump_block(o, "@", n->u.func.decorators);
        dump_block(o, "do", n->u.func.body);
        put(o, ")");
        break;
    case GS_S_CLASSDEF:
        put(o, "(class %s (", n->u.classdef.name.s);
        for (int i = 0; i < n->u.classdef.bases.count; i++) {
            if (i) put(o, " ");
            dump(o, n->u.classdef.bases.items[i]);
        }
        dump_keywords(o, n->u.classdef.keywords, n->u.classdef.nkeywords);
        put(o, ")");
        if (n->u.classdef.decorators.count) dump_block(o, "@", n->u.classdef.decorators);
        dump_block(o, "do", n->u.classdef.body);
        put(o, ")");
        break;
    case GS_S_RETURN: put(o, "(return "); dump(o, n->u.ret.value); put(o, ")"); break;
    case GS_S_GLOBAL: case GS_S_NONLOCAL:
        put(o, "(%s", n->kind == GS_S_GLOBAL ? "global" : "nonlocal");
        for (int i = 0; i < n->u.names.names.count; i++) put(o, " %s", n->u.names.names.items[i].s);
        put(o, ")");
        break;
    case GS_S_IMPORT: case GS_S_IMPORTFROM:
        if (n->kind == GS_S_IMPORT) put(o, "(import");
        else put(o, "(from %d:%s", n->u.import.level, n->u.import.module.s);
        for (int i = 0; i < n->u.import.nnames; i++) {
            put(o, " %s", n->u.import.names[i].name.s);
            if (n->u.import.names[i].asname.s) put(o, "=>%s", n->u.import.names[i].asname.s);
        }
        put(o, ")");
        break;
    case GS_S_TRY:
        put(o, "(try");
        dump_block(o, "do", n->u.try_.body);
        for (int i = 0; i < n->u.try_.nhandlers; i++) {
            const gs_ExceptHandler *h = &n->u.try_.handlers[i];
            put(o, " (except ");
            dump(o, h->type);
            if (h->name.s) put(o, " as %s", h->name.s);
            dump_list(o, h->body);
            put(o, ")");
        }
        if (n->u.try_.orelse.count) dump_block(o, "else", n->u.try_.orelse);
        if (n->u.try_.finalbody.count) dump_block(o, "finally", n->u.try_.finalbody);
        put(o, ")");
        break;
    case GS_S_RAISE:
        put(o, "(raise ");
        dump(o, n->u.raise.exc);
        put(o, " ");
        dump(o, n->u.raise.cause);
        put(o, ")");
        break;
    case GS_S_WITH:
        put(o, "(with");
        for (int i = 0; i < n->u.with.nitems; i++) {
            put(o, " (");
            dump(o, n->u.with.items[i].context);
            put(o, " ");
            dump(o, n->u.with.items[i].target);
            put(o, ")");
        }
        dump_block(o, "do", n->u.with.body);
        put(o, ")");
        break;
    case GS_S_ASSERT:
        put(o, "(assert ");
        dump(o, n->u.assert_.test);
        put(o, " ");
        dump(o, n->u.assert_.msg);
        put(o, ")");
        break;
    default:
        put(o, "<%s>", gs_node_kind_name(n->kind));
    }
}

static char *dump_module(gs_NodeList body)
{
    Out o = {0};
    put(&o, "%s", "");
    for (int i = 0; i < body.count; i++) {
        if (i) put(&o, "\n");
        dump(&o, body.items[i]);
    }
    return o.s;
}

/* ------------------------------------------------------------ checks */

static void check_tree(const char *name, const char *src, size_t len, const char *want)
{
    gs_Arena a;
    gs_arena_init(&a);
    gs_NodeList body;
    gs_SyntaxError err;
    int rc = gs_parse(&a, src, len, &body, &err);
    if (rc != 0) {
        printf("FAIL %s: unexpected error line %d col %d: %s\n", name, err.line, err.col, err.msg);
        failed++;
    } else {
        char *got = dump_module(body);
        if (strcmp(got, want) != 0) {
            printf("FAIL %s:\n  want: %s\n  got:  %s\n", name, want, got);
            failed++;
        } else {
            passed++;
        }
        free(got);
    }
    gs_arena_free(&a);
}

#define TREE(name, src, want) check_tree(name, src, sizeof(src) - 1, want)

static const char *kind_name(gs_SyntaxKind k)
{
    switch (k) {
    case GS_SYNTAX_ERROR: return "SyntaxError";
    case GS_INDENTATION_ERROR: return "IndentationError";
    case GS_TAB_ERROR: return "TabError";
    case GS_RECURSION_ERROR: return "RecursionError";
    case GS_MEMORY_ERROR: return "MemoryError";
    }
    return "?";
}

static int check_error(const char *name, const char *src, size_t len, const char *kind, int line, int col,
                       const char *msg)
{
    gs_Arena a;
    gs_arena_init(&a);
    gs_NodeList body;
    gs_SyntaxError err;
    int rc = gs_parse(&a, src, len, &body, &err);
    gs_arena_free(&a);
    if (rc == 0) {
        printf("FAIL %s: parsed, want %s: %s\n", name, kind, msg);
        failed++;
        return 0;
    }
    if (strcmp(kind_name(err.kind), kind) != 0 || strcmp(err.msg, msg) != 0 ||
        (line >= 0 && err.line != line) || (col >= 0 && err.col != col)) {
        printf("FAIL %s:\n  want %s: %s (line %d col %d)\n  got  %s: %s (line %d col %d)\n", name, kind, msg,
               line, col, kind_name(err.kind), err.msg, err.line, err.col);
        failed++;
        return 0;
    }
    passed++;
    return 1;
}

static int check_parses(const char *name, const char *src, size_t len)
{
    gs_Arena a;
    gs_arena_init(&a);
    gs_NodeList body;
    gs_SyntaxError err;
    int rc = gs_parse(&a, src, len, &body, &err);
    gs_arena_free(&a);
    if (rc != 0) {
        printf("FAIL %s: want success (compiler's job), got %s: %s (line %d col %d)\n", name, kind_name(err.kind),
               err.msg, err.line, err.col);
        failed++;
        return 0;
    }
    passed++;
    return 1;
}

/* ------------------------------------------------------------ error table */

static size_t unescape(const char *s, char *out)
{
    size_t n = 0;
    while (*s) {
        if (*s != '\\') { out[n++] = *s++; continue; }
        s++;
        switch (*s) {
        case 'n': out[n++] = '\n'; s++; break;
        case 't': out[n++] = '\t'; s++; break;
        case 'r': out[n++] = '\r'; s++; break;
        case '\\': out[n++] = '\\'; s++; break;
        case 'x': {
            unsigned v = 0;
            sscanf(s + 1, "%2x", &v);
            out[n++] = (char)v;
            s += 3;
            break;
        }
        default: out[n++] = '\\'; break;
        }
    }
    return n;
}

/* Errors CPython raises after parsing (symbol table / compiler).  The
 * parser must accept these sources; the compiler reports them. */
static int compiler_owned(const char *msg)
{
    static const char *const owned[] = {
        "keyword argument repeated", "nonlocal declaration not allowed at module level",
        "duplicate argument", "too many statically nested blocks", "multiple starred expressions in assignment",
        "can't use starred expression here", "starred assignment target must be in a list or tuple",
        "'break', 'continue' and 'return' cannot appear in an except* block",
    };
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
        if (strncmp(msg, owned[i], strlen(owned[i])) == 0) return 1;
    return 0;
}

static void run_table(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("FAIL cannot open %s\n", path);
        failed++;
        return;
    }
    static char linebuf[1 << 16];
    static char src[1 << 16];
    int lineno = 0;
    while (fgets(linebuf, sizeof linebuf, f)) {
        lineno++;
        if (linebuf[0] == '#' || linebuf[0] == '\n') continue;
        linebuf[strcspn(linebuf, "\n")] = '\0';
        char *fields[5];
        char *p = linebuf;
        int nf = 0;
        for (; nf < 5; nf++) {
            fields[nf] = p;
            char *tab = strchr(p, '\t');
            if (!tab) { nf++; break; }
            *tab = '\0';
            p = tab + 1;
        }
        if (nf < 5) continue;
        size_t n = unescape(fields[4], src);
        char name[64];
        snprintf(name, sizeof name, "syntax_errors.txt:%d", lineno);
        if (compiler_owned(fields[3])) {
            check_parses(name, src, n);
            continue;
        }
        check_error(name, src, n, fields[0], atoi(fields[1]), atoi(fields[2]), fields[3]);
    }
    fclose(f);
}

/* ------------------------------------------------------------ generated */

static char *repeat(const char *pre, const char *unit, int times, const char *mid, const char *unit2, const char *post,
                    size_t *len)
{
    size_t a = strlen(pre), u = strlen(unit), m = strlen(mid), u2 = strlen(unit2), z = strlen(post);
    size_t n = a + u * (size_t)times + m + u2 * (size_t)times + z;
    char *s = malloc(n + 1);
    char *q = s;
    memcpy(q, pre, a); q += a;
    for (int i = 0; i < times; i++) { memcpy(q, unit, u); q += u; }
    memcpy(q, mid, m); q += m;
    for (int i = 0; i < times; i++) { memcpy(q, unit2, u2); q += u2; }
    memcpy(q, post, z); q += z;
    *q = '\0';
    *len = n;
    return s;
}

static void deep_nesting(void)
{
    static const char *rec = "maximum recursion depth exceeded during compilation";
    size_t n;
    char *s;
    /* thresholds measured with python3.11 running a script */
    s = repeat("x = ", "not ", 2998, "1\n", "", "", &n);
    check_parses("2998 nested not", s, n); free(s);
    s = repeat("x = ", "not ", 2999, "1\n", "", "", &n);
    check_error("2999 nested not", s, n, "RecursionError", -1, -1, rec); free(s);
    s = repeat("x = ", "not ", 5000, "1\n", "", "", &n);
    check_error("5000 nested not", s, n, "RecursionError", -1, -1, rec); free(s);
    s = repeat("x = ", "-", 5000, "1\n", "", "", &n);
    check_error("5000 nested minus", s, n, "RecursionError", -1, -1, rec); free(s);
    s = repeat("", "-", 2998, "1\n", "", "", &n);
    check_parses("2998 minus statement", s, n); free(s);
    s = repeat("x = 1", "+1", 100000, "\n", "", "", &n);
    check_error("100000 additions", s, n, "RecursionError", -1, -1, rec); free(s);
    s = repeat("x = a", ".b", 10000, "\n", "", "", &n);
    check_error("10000 attributes", s, n, "RecursionError", -1, -1, rec); free(s);
    s = repeat("x = a", "()", 10000, "\n", "", "", &n);
    check_error("10000 calls", s, n, "RecursionError", -1, -1, rec); free(s);
    s = repeat("x = 1", "**1", 2983, "\n", "", "", &n);
    check_parses("2983 powers", s, n); free(s);
    s = repeat("x = 1", "**1", 2984, "\n", "", "", &n);
    check_error("2984 powers", s, n, "MemoryError", -1, -1, ""); free(s);
    s = repeat("x = ", "lambda: ", 2983, "1\n", "", "", &n);
    check_parses("2983 lambdas", s, n); free(s);
    s = repeat("x = ", "lambda: ", 2984, "1\n", "", "", &n);
    check_error("2984 lambdas", s, n, "MemoryError", -1, -1, ""); free(s);
    s = repeat("x = ", "1 if 1 else ", 2998, "1\n", "", "", &n);
    check_parses("2998 conditional expressions", s, n); free(s);
    s = repeat("x = ", "1 if 1 else ", 5000, "1\n", "", "", &n);
    check_error("5000 conditional expressions", s, n, "RecursionError", -1, -1, rec); free(s);
    s = repeat("x = ", "-(", 199, "1", ")", "\n", &n);
    check_parses("199 parenthesised negations", s, n); free(s);
    s = repeat("x = ", "[", 5000, "", "]", "\n", &n);
    check_error("5000 nested lists", s, n, "SyntaxError", 1, 205, "too many nested parentheses"); free(s);
    s = repeat("x = ", "f(", 5000, "", ")", "\n", &n);
    check_error("5000 nested calls", s, n, "SyntaxError", 1, 406, "too many nested parentheses"); free(s);
    s = repeat("x = ", "{1: ", 300, "", "}", "\n", &n);
    check_error("300 nested dicts", s, n, "SyntaxError", 1, 805, "too many nested parentheses"); free(s);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Hang guards only: slower builds (sanitizers, -O0) get slack. */
#if defined(__SANITIZE_ADDRESS__) || !defined(__OPTIMIZE__)
#define GS_SLOW_BUILD 10.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GS_SLOW_BUILD 10.0
#endif
#endif
#ifndef GS_SLOW_BUILD
#define GS_SLOW_BUILD 1.0
#endif

static void big_inputs(void)
{
    /* a 2 MB single line */
    size_t n;
    char *s = repeat("x = [", "1, ", 700000, "1]\n", "", "", &n);
    double t0 = now();
    check_parses("2 MB single line", s, n);
    double dt = now() - t0;
    /* speed is the bench's business; this only guards against a hang */
    printf("info: 2 MB single line parsed in %.3f s\n", dt);
    if (dt > 30.0 * GS_SLOW_BUILD) { printf("FAIL 2 MB single line took %.3f s (a hang?)\n", dt); failed++; } else passed++;
    free(s);
    /* a 1 MB file of ordinary statements */
    const char *unit = "def f(a, b=1):\n    if a < b:\n        return [x * 2 for x in range(a)]\n    return {'k': a, 'v': f\"{b!r:>4}\"}\n";
    s = repeat("", unit, (int)(1000000 / strlen(unit)), "", "", "", &n);
    t0 = now();
    check_parses("1 MB file", s, n);
    dt = now() - t0;
    printf("info: 1 MB file parsed in %.3f s\n", dt);
    if (dt > 30.0 * GS_SLOW_BUILD) { printf("FAIL 1 MB file took %.3f s (a hang?)\n", dt); failed++; } else passed++;
    free(s);
}

/* ------------------------------------------------------------ trees */

static void trees(void)
{
    TREE("empty file", "", "");
    TREE("only comments and blank lines", "# hi\n\n   \n# there", "");
    TREE("no trailing newline", "x = 1", "(= x 1)");
    TREE("BOM is skipped", "\xef\xbb\xbfx = 1\n", "(= x 1)");
    TREE("CRLF line ends", "if a:\r\n    b\r\nc\r\n", "(if a (do (expr b)))\n(expr c)");
    TREE("CR line ends", "if a:\r    b\rc\r", "(if a (do (expr b)))\n(expr c)");
    TREE("chained assignment", "a = b = 1\n", "(= a b 1)");
    TREE("tuple unpacking", "a, b = b, a\n", "(= (tuple a b) (tuple b a))");
    TREE("starred target", "a, *b = c\n[x, *y] = z\n", "(= (tuple a *b) c)\n(= [list x *y] z)");
    TREE("attribute and subscript targets", "a.b = c[1] = 2\n", "(= (. a b) ([] c 1) 2)");
    TREE("augmented assignment", "a += 1\na -= 1\na *= 1\na @= 1\na /= 1\na //= 1\na %= 1\na **= 1\na <<= 1\na >>= 1\na |= 1\na ^= 1\na &= 1\n",
         "(+= a 1)\n(-= a 1)\n(*= a 1)\n(@= a 1)\n(/= a 1)\n(//= a 1)\n(%= a 1)\n(**= a 1)\n(<<= a 1)\n(>>= a 1)\n(|= a 1)\n(^= a 1)\n(&= a 1)");
    TREE("annotated assignment", "x: int = 1\ny: list\n", "(ann x int 1)\n(ann y list _)");
    TREE("del", "del a, b.c, d[0]\ndel (x, y)\n", "(del a (. b c) ([] d 0))\n(del (tuple x y))");
    TREE("simple statements", "pass; x = 1;\nglobal a, b\n", "pass\n(= x 1)\n(global a b)");
    TREE("if elif else", "if a:\n    pass\nelif b:\n    x\nelse:\n    y\n", "(if a (do pass) (else (if b (do (expr x)) (else (expr y)))))");
    TREE("while else", "while a:\n    break\nelse:\n    continue_ = 1\n", "(while a (do break) (else (= continue_ 1)))");
    TREE("for else", "for i, j in x:\n    continue\nelse:\n    pass\n", "(for (tuple i j) x (do continue) (else pass))");
    TREE("def with all parameter kinds", "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    return a\n",
         "(def f (a b=1 / c=2 *args kw:d kw:e=3 **kw) (do (return a)))");
    TREE("def with bare star and annotations", "@dec\n@mod.dec(1)\ndef g(x: int, *, y: str = 'a') -> None: pass\n",
         "(def g (x kw:y='a') (@ dec (call (. mod dec) 1)) (do pass))");
    TREE("class", "class A(B, C, metaclass=M, **kw):\n    x = 1\n", "(class A (B C metaclass=M **kw) (do (= x 1)))");
    TREE("imports", "import a, a.b as c\nfrom m import x as y, z\nfrom . import (p,)\nfrom ...pkg.mod import *\n",
         "(import a a.b=>c)\n(from 0:m x=>y z)\n(from 1: p)\n(from 3:pkg.mod *)");
    TREE("try", "try:\n    a\nexcept E as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n",
         "(try (do (expr a)) (except E as e (expr b)) (except (tuple A B) (expr c)) (except _ (expr d)) (else (expr e)) (finally (expr f)))");
    TREE("raise", "def f():\n    raise\n    raise X\n    raise X from Y\n", "(def f () (do (raise _ _) (raise X _) (raise X Y)))");
    TREE("with", "with a as b, c as d:\n    pass\nwith (x as y, z):\n    pass\nwith (a, b):\n    pass\n",
         "(with (a b) (c d) (do pass))\n(with (x y) (z _) (do pass))\n(with (a _) (b _) (do pass))");
    TREE("assert", "assert x\nassert x, 'msg'\n", "(assert x _)\n(assert x 'msg')");
    TREE("arithmetic precedence", "x = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ 8\n", "(= x (- (+ 1 (* 2 3)) (@ (% (// (/ 4 5) 6) 7) 8)))");
    TREE("power binds tighter than unary minus", "x = -2 ** -3 ** 2\n", "(= x (neg (** 2 (neg (** 3 2)))))");
    TREE("boolean and not", "x = a or b and not c\n", "(= x (or a (and b (not c))))");
    TREE("chained comparisons", "x = a < b <= c == d != e > f >= g is h is not i in j not in k\n",
         "(= x (cmp a < b <= c == d != e > f >= g is h is-not i in j not-in k))");
    TREE("bitwise", "x = a | b ^ c & d << e >> f\n", "(= x (| a (^ b (& c (>> (<< d e) f)))))");
    TREE("unary", "x = -a + +b - ~c\n", "(= x (- (+ (neg a) (pos b)) (inv c)))");
    TREE("conditional and lambda", "f = lambda x, y=1, *a, k, **kw: x if y else k\n",
         "(= f (lambda (x y=1 *a kw:k **kw) (ifexp y x k)))");
    TREE("calls", "f(a, *b, c=1, **d)\nf(x for x in y)\n",
         "(expr (call f a *b c=1 **d))\n(expr (call f (genexp x (for x y))))");
    TREE("subscripts and slices", "a[1:2:3]\na[:]\na[::2]\na[1, 2]\na[1:, ::]\n",
         "(expr ([] a (slice 1 2 3)))\n(expr ([] a (slice _ _ _)))\n(expr ([] a (slice _ _ 2)))\n(expr ([] a (tuple 1 2)))\n(expr ([] a (tuple (slice 1 _ _) (slice _ _ _))))");
    TREE("constants", "x = None, True, False, ..., 0, 1_000, 0x1F, 0o17, 0b101, 1.5, 1e10, .5, 5.\n",
         "(= x (tuple None True False ... 0 1000 31 15 5 1.5f 10000000000f 0.5f 5f))");
    TREE("big int", "x = 123456789012345678901234567890\ny = 0xFFFFFFFFFFFFFFFFFF\n",
         "(= x 123456789012345678901234567890)\n(= y 4722366482869645213695)");
    TREE("displays", "x = [1, *a], (1,), (), {1, *b}, {}, {1: 2, **c}\n",
         "(= x (tuple [list 1 *a] (tuple 1) (tuple) {set 1 *b} {dict} {dict 1:2 **:c}))");
    TREE("comprehensions", "x = [a for b in c if d if e for f in g]\ny = {a for a in b}\nz = {k: v for k, v in w}\n",
         "(= x (listcomp a (for b c if d if e) (for f g)))\n(= y (setcomp a (for a b)))\n(= z (dictcomp k:v (for (tuple k v) w)))");
    TREE("generator expression", "g = (x * 2 for x in y)\n", "(= g (genexp (* x 2) (for x y)))");
    TREE("yield", "def f():\n    yield\n    yield 1\n    x = yield 2\n    y = yield from z\n    w = (yield)\n",
         "(def f () (do (expr (yield _)) (expr (yield 1)) (= x (yield 2)) (= y (yield-from z)) (= w (yield _))))");
    TREE("walrus", "if (n := len(a)) > 10: pass\n", "(if (cmp (:= n (call len a)) > 10) (do pass))");
    TREE("strings", "x = 'a' \"b\" '''c\nd''' r'\\n', b'\\x00' rb'\\d'\n",
         "(= x (tuple 'abc\\nd\\\\n' b'\\x00\\\\d'))");
    TREE("string escapes", "x = '\\n\\t\\\\\\'\\\"\\x41\\101\\u00e9\\U0001F600\\q'\n",
         "(= x '\\n\\x09\\\\\\'\"AA\xc3\xa9\xf0\x9f\x98\x80\\\\q')");
    TREE("prefixes are case-insensitive", "x = R'\\n' + B'a' + F'{a}' + Rb'x' + fR'\\{a}'\n",
         "(= x (+ (+ (+ (+ '\\\\n' b'a') (f (fmt a))) b'x') (f '\\\\' (fmt a))))");
    TREE("line continuation", "x = 1 + \\\n    2\n", "(= x (+ 1 2))");
    TREE("implicit joining", "x = (1 +\n  2)\ny = [\n  1,\n]\n", "(= x (+ 1 2))\n(= y [list 1])");
    TREE("tabs for indentation", "if a:\n\tb\n\tif c:\n\t\td\n", "(if a (do (expr b) (if c (do (expr d)))))");
    TREE("f-string parts", "x = f'a{b}c{d!r}{e:>{w}}{{}}'\n",
         "(= x (f 'a' (fmt b) 'c' (fmt d !r) (fmt e :(f '>' (fmt w))) '{}'))");
    TREE("f-string debug and concatenation", "x = 'p' f'{a=}' 'q' f'{b = !s}'\n",
         "(= x (f 'pa=' (fmt a !r) 'qb = ' (fmt b !s)))");
    TREE("f-string conversions", "x = f'{a!s}{a!a}{a:10}'\n", "(= x (f (fmt a !s) (fmt a !a) (fmt a :(f '10'))))");
    TREE("empty f-string", "x = f''\n", "(= x (f))");
    TREE("f-string with nested quotes", "x = f\"{d['k']}\" f'''{\"x\"}'''\n", "(= x (f (fmt ([] d 'k')) (fmt 'x')))");
    TREE("keyword-only lambda and defaults", "f = lambda *, a=1: a\n", "(= f (lambda (kw:a=1) a))");
    TREE("positional-only", "def f(a, /): pass\n", "(def f (a /) (do pass))");
    TREE("decorated class", "@d\nclass C: pass\n", "(class C () (@ d) (do pass))");
    TREE("nested functions", "def f():\n    def g():\n        return 1\n    return g\n",
         "(def f () (do (def g () (do (return 1))) (return g)))");
    TREE("dedent to middle level", "if a:\n    if b:\n        c\n    d\ne\n", "(if a (do (if b (do (expr c))) (expr d)))\n(expr e)");
    TREE("return tuple", "def f(): return 1, *a\n", "(def f () (do (return (tuple 1 *a))))");
    TREE("yield in call and star-arg order", "f(*a, b, *c, d=1, *e, **g)\n", "(expr (call f *a b *c *e d=1 **g))");
    TREE("soft keyword-looking names", "match = 1\ncase = match\n_ = case\n", "(= match 1)\n(= case match)\n(= _ case)");
    TREE("number ending at keyword", "x = 1if y else 2\n", "(= x (ifexp y 1 2))");
    TREE("NUL truncates the rest of its line (python3.11.2 behaviour)", "print(1)\n\0print(3)\nprint(2)\n",
         "(expr (call print 1))\n(expr (call print 2))");
    TREE("form feed at line start", "x = 1\n\fy = 2\n", "(= x 1)\n(= y 2)");
    TREE("non-ASCII identifier", "\xc3\xa9t\xc3\xa9 = '\xe2\x82\xac'\n", "(= \xc3\xa9t\xc3\xa9 '\xe2\x82\xac')");
}

/* Positions the compiler relies on. */
static void positions(void)
{
    gs_Arena a;
    gs_arena_init(&a);
    gs_NodeList body;
    gs_SyntaxError err;
    const char *src = "x = 1\nif y:\n    z = foo(a,\n        b)\n";
    if (gs_parse(&a, src, strlen(src), &body, &err) != 0 || body.count != 2) {
        printf("FAIL positions: parse\n");
        failed++;
    } else {
        const gs_Node *as = body.items[0];
        const gs_Node *ifs = body.items[1];
        const gs_Node *call = ifs->u.if_.body.items[0]->u.assign.value;
        int ok = as->line == 1 && as->col == 0 && as->end_col == 5 && ifs->line == 2 && ifs->end_line == 4 &&
                 call->line == 3 && call->col == 8 && call->end_line == 4 && call->end_col == 10;
        if (ok) passed++;
        else {
            printf("FAIL positions: assign %d:%d-%d if %d-%d call %d:%d-%d:%d\n", as->line, as->col, as->end_col,
                   ifs->line, ifs->end_line, call->line, call->col, call->end_line, call->end_col);
            failed++;
        }
    }
    gs_arena_free(&a);
}

int main(int argc, char **argv)
{
    const char *table = argc > 1 ? argv[1] : NULL;
    char path[4096];
    if (!table) {
        /* next to this source file */
        const char *me = __FILE__;
        const char *slash = strrchr(me, '/');
        if (slash) snprintf(path, sizeof path, "%.*s/syntax_errors.txt", (int)(slash - me), me);
        else snprintf(path, sizeof path, "syntax_errors.txt");
        table = path;
    }
    trees();
    positions();
    run_table(table);
    deep_nesting();
    big_inputs();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
