/*
 * compiler.c — AST to bytecode, in two passes like CPython's:
 *
 *   1. the symbol table decides, for every name in every scope, whether it
 *      is a fast local, a cell, a free variable, a global or a name looked
 *      up at run time (module and class bodies);
 *   2. code generation walks the tree and emits instructions whose
 *      reference behaviour is CPython 3.11's (LOAD_METHOD + CALL shapes,
 *      constant tuples folded and shared file-wide, locals numbered in the
 *      order CPython numbers them so frames are cleared in the same order).
 *
 * After generation a data-flow pass computes each code object's maximum
 * stack depth, so frames never overflow their value stack.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "ast.h"
#include "compile.h"
#include "runtime/runtime.h"
#include "runtime/opcodes.h"

/* ================================================================== symbol table */

enum {
    SYM_ASSIGNED = 1 << 0,
    SYM_PARAM = 1 << 1,
    SYM_GLOBAL = 1 << 2,    /* declared global */
    SYM_NONLOCAL = 1 << 3,  /* declared nonlocal */
    SYM_USED = 1 << 4,
    SYM_CELL = 1 << 5,      /* local captured by an inner scope */
    SYM_FREE = 1 << 6,      /* comes from an enclosing scope */
    SYM_FREE_CLASS = 1 << 7 /* free variable passed through a class body */
};

typedef enum ScopeKind { SC_MODULE, SC_FUNCTION, SC_CLASS, SC_COMPREHENSION } ScopeKind;

typedef struct Sym {
    const char *name;
    int len;
    int flags;
    int line, col;       /* first global/nonlocal declaration, for errors */
} Sym;

/* An index from names to their positions in an array its owner keeps (a
 * scope's symbols, a code unit's names and variable names), like the dicts
 * of CPython's symtable: open addressing on a hash of the name, so a lookup
 * costs the same in a 200,000-line module as in a ten-line one. */
typedef struct NameIndex {
    uint32_t *hash;
    int32_t *pos;        /* -1: empty */
    int cap, n;
} NameIndex;

static uint32_t name_hash(const char *s, int len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (int i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The position of `s` (hash h), asking `same(arr, pos)` to compare; -1 if absent. */
static int ni_find(const NameIndex *ix, uint32_t h, bool (*same)(const void *arr, int pos, const char *s, int len),
                   const void *arr, const char *s, int len)
{
    if (!ix->cap)
        return -1;
    for (int i = (int)(h & (uint32_t)(ix->cap - 1));; i = (i + 1) & (ix->cap - 1)) {
        if (ix->pos[i] < 0)
            return -1;
        if (ix->hash[i] == h && same(arr, ix->pos[i], s, len))
            return ix->pos[i];
    }
}

/* Add position `pos` for a name of hash h; false when out of memory. */
static bool ni_add(NameIndex *ix, uint32_t h, int pos)
{
    if (2 * (ix->n + 1) > ix->cap) {
        int cap = ix->cap ? ix->cap * 2 : 32;
        uint32_t *nh = malloc((size_t)cap * sizeof *nh);
        int32_t *np = malloc((size_t)cap * sizeof *np);
        if (!nh || !np) {
            free(nh);
            free(np);
            return false;
        }
        for (int i = 0; i < cap; i++)
            np[i] = -1;
        for (int i = 0; i < ix->cap; i++)
            if (ix->pos[i] >= 0) {
                int j = (int)(ix->hash[i] & (uint32_t)(cap - 1));
                while (np[j] >= 0)
                    j = (j + 1) & (cap - 1);
                nh[j] = ix->hash[i];
                np[j] = ix->pos[i];
            }
        free(ix->hash);
        free(ix->pos);
        ix->hash = nh;
        ix->pos = np;
        ix->cap = cap;
    }
    int j = (int)(h & (uint32_t)(ix->cap - 1));
    while (ix->pos[j] >= 0)
        j = (j + 1) & (ix->cap - 1);
    ix->hash[j] = h;
    ix->pos[j] = pos;
    ix->n++;
    return true;
}

static uint32_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static void ni_free(NameIndex *ix)
{
    free(ix->hash);
    free(ix->pos);
    memset(ix, 0, sizeof *ix);
}

typedef struct Scope {
    ScopeKind kind;
    const gs_Node *node;        /* funcdef, lambda, classdef, comprehension; NULL for module */
    struct Scope *parent;
    Sym *syms;
    int nsyms, capsyms;
    NameIndex sym_index;        /* name -> index in syms */
    struct Scope **children;
    int nchildren, capchildren;
    const char *name;           /* for qualnames */
    int name_len;
    bool is_generator;
    bool has_varargs, has_varkw;
    bool needs_class_cell;      /* a class whose methods use super or __class__: its body has a __class__ cell */
} Scope;

typedef struct Compiler {
    gs_VM *vm;
    gs_Arena *arena;
    const char *filename;
    gs_Error *err;
    bool failed;
    Scope *module_scope;
    Scope **all_scopes;
    int nall, capall;
    NameIndex scope_index;      /* a scope's node -> its index in all_scopes, for scope_of */
    gs_Object *const_cache;     /* dict: file-wide constant merging, like CPython's c_const_cache */
    gs_Object *ast_consts;      /* list: CPython's AST arena, which holds every constant the parser and
                                   the AST optimizer made until the module has run (see ast_const) */
    struct Unit *u;             /* code unit being generated */
    int future_line;            /* line of the last `from __future__ import` at the file's start, or -1 */
    bool future_annotations;    /* `from __future__ import annotations`: a class's annotations are kept as strings */
} Compiler;

static void *xrealloc(Compiler *c, void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        c->failed = true;
        free(p);
    }
    return q;
}

static void compile_error(Compiler *c, int line, int col, const char *fmt, ...)
{
    if (c->failed)
        return;
    c->failed = true;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gs_Error *e = c->err;
    e->kind = GS_ERR_SYNTAX;
    snprintf(e->type_name, sizeof e->type_name, "SyntaxError");
    e->line = line;
    e->col = col;
    free(e->text);
    e->text = strdup(msg);
}

static bool same_sym(const void *arr, int pos, const char *s, int len)
{
    const Sym *sym = &((const Sym *)arr)[pos];
    return sym->len == len && memcmp(sym->name, s, (size_t)len) == 0;
}

static Sym *scope_find(Scope *s, const char *name, int len)
{
    int i = ni_find(&s->sym_index, name_hash(name, len), same_sym, s->syms, name, len);
    return i < 0 ? NULL : &s->syms[i];
}

static Sym *scope_add(Compiler *c, Scope *s, const char *name, int len, int flags)
{
    Sym *sym = scope_find(s, name, len);
    if (sym) {
        sym->flags |= flags;
        return sym;
    }
    if (s->nsyms == s->capsyms) {
        s->capsyms = s->capsyms ? s->capsyms * 2 : 16;
        s->syms = xrealloc(c, s->syms, (size_t)s->capsyms * sizeof(Sym));
        if (!s->syms)
            return NULL;
    }
    if (!ni_add(&s->sym_index, name_hash(name, len), s->nsyms)) {
        c->failed = true;
        return NULL;
    }
    sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->len = len;
    sym->flags = flags;
    sym->line = sym->col = 0;
    return sym;
}

static Scope *scope_new(Compiler *c, ScopeKind kind, const gs_Node *node, Scope *parent)
{
    Scope *s = calloc(1, sizeof *s);
    if (!s) {
        c->failed = true;
        return NULL;
    }
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    if (parent) {
        if (parent->nchildren == parent->capchildren) {
            parent->capchildren = parent->capchildren ? parent->capchildren * 2 : 4;
            parent->children = xrealloc(c, parent->children, (size_t)parent->capchildren * sizeof(Scope *));
            if (!parent->children)
                return s;
        }
        parent->children[parent->nchildren++] = s;
    }
    if (c->nall == c->capall) {
        c->capall = c->capall ? c->capall * 2 : 16;
        c->all_scopes = xrealloc(c, c->all_scopes, (size_t)c->capall * sizeof(Scope *));
        if (!c->all_scopes)
            return s;
    }
    c->all_scopes[c->nall++] = s;
    if (node && !ni_add(&c->scope_index, ptr_hash(node), c->nall - 1))
        c->failed = true;
    return s;
}


/* The scope a function, class or comprehension node opened (the symbol
 * table pass made them; code generation looks them up by node). */
static bool same_scope_node(const void *arr, int pos, const char *s, int len)
{
    GS_UNUSED(len);
    return ((Scope *const *)arr)[pos]->node == (const gs_Node *)(const void *)s;
}

static Scope *scope_of(Compiler *c, const gs_Node *node)
{
    int i = ni_find(&c->scope_index, ptr_hash(node), same_scope_node, c->all_scopes, (const char *)node, 0);
    return i < 0 ? NULL : c->all_scopes[i];
}

static void st_expr(Compiler *c, Scope *s, const gs_Node *e);
static void st_stmts(Compiler *c, Scope *s, const gs_NodeList *body);

static void st_target(Compiler *c, Scope *s, const gs_Node *t)
{
    if (!t)
        return;
    switch (t->kind) {
    case GS_E_NAME: {
        Sym *sym = scope_find(s, t->u.name.s, t->u.name.len);
        if (sym && (sym->flags & SYM_GLOBAL))
            return;
        scope_add(c, s, t->u.name.s, t->u.name.len, SYM_ASSIGNED);
        return;
    }
    case GS_E_TUPLE:
    case GS_E_LIST:
        for (int i = 0; i < t->u.seq.items.count; i++)
            st_target(c, s, t->u.seq.items.items[i]);
        return;
    case GS_E_STARRED: st_target(c, s, t->u.starred.value); return;
    default: st_expr(c, s, t); return;
    }
}

static void st_exprs(Compiler *c, Scope *s, const gs_NodeList *l)
{
    for (int i = 0; i < l->count; i++)
        st_expr(c, s, l->items[i]);
}

static void st_params(Compiler *c, Scope *fs, const gs_Node *fn)
{
    for (int i = 0; i < fn->u.func.nparams; i++) {
        const gs_Param *p = &fn->u.func.params[i];
        Sym *sym = scope_find(fs, p->name.s, p->name.len);
        if (sym && (sym->flags & SYM_PARAM)) {
            compile_error(c, p->line, p->col + 1, "duplicate argument '%s' in function definition", p->name.s);
            return;
        }
        scope_add(c, fs, p->name.s, p->name.len, SYM_PARAM | SYM_ASSIGNED);
        if (p->kind == GS_PARAM_VARARGS)
            fs->has_varargs = true;
        if (p->kind == GS_PARAM_VARKW)
            fs->has_varkw = true;
    }
}

static void st_function(Compiler *c, Scope *s, const gs_Node *fn)
{
    /* defaults, annotations (unless they stay text) and decorators are
     * evaluated in the enclosing scope */
    for (int i = 0; i < fn->u.func.nparams; i++) {
        if (fn->u.func.params[i].default_value)
            st_expr(c, s, fn->u.func.params[i].default_value);
        if (!c->future_annotations)
            st_expr(c, s, fn->u.func.params[i].annotation);
    }
    if (!c->future_annotations && !fn->u.func.is_lambda)
        st_expr(c, s, fn->u.func.returns);
    if (!fn->u.func.is_lambda)
        st_exprs(c, s, &fn->u.func.decorators);
    Scope *fs = scope_new(c, SC_FUNCTION, fn, s);
    if (!fs)
        return;
    fs->name = fn->u.func.name.s;
    fs->name_len = fn->u.func.name.len;
    st_params(c, fs, fn);
    st_stmts(c, fs, &fn->u.func.body);
}

static void st_comprehension(Compiler *c, Scope *s, const gs_Node *e)
{
    /* the first iterable is evaluated in the enclosing scope */
    st_expr(c, s, e->u.comp.generators[0].iter);
    Scope *cs = scope_new(c, SC_COMPREHENSION, e, s);
    if (!cs)
        return;
    static const char *names[] = { "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>" };
    int which = e->kind == GS_E_LISTCOMP ? 0 : e->kind == GS_E_SETCOMP ? 1 : e->kind == GS_E_DICTCOMP ? 2 : 3;
    cs->name = names[which];
    cs->name_len = (int)strlen(cs->name);
    cs->is_generator = e->kind == GS_E_GENEXP;
    scope_add(c, cs, ".0", 2, SYM_PARAM | SYM_ASSIGNED);
    for (int i = 0; i < e->u.comp.ngenerators; i++) {
        const gs_Comprehension *g = &e->u.comp.generators[i];
        if (i > 0)
            st_expr(c, cs, g->iter);
        st_target(c, cs, g->target);
        st_exprs(c, cs, &g->ifs);
    }
    st_expr(c, cs, e->u.comp.elt);
    if (e->u.comp.value)
        st_expr(c, cs, e->u.comp.value);
}

static void st_expr(Compiler *c, Scope *s, const gs_Node *e)
{
    if (!e || c->failed)
        return;
    switch (e->kind) {
    case GS_E_NAME:
        scope_add(c, s, e->u.name.s, e->u.name.len, SYM_USED);
        /* CPython's symtable: super counts as a use of __class__ */
        if (s->kind != SC_MODULE && s->kind != SC_CLASS && e->u.name.len == 5 && memcmp(e->u.name.s, "super", 5) == 0)
            scope_add(c, s, "__class__", 9, SYM_USED);
        return;
    case GS_E_CONST: return;
    case GS_E_JOINEDSTR: st_exprs(c, s, &e->u.seq.items); return;
    case GS_E_FORMATTED: st_expr(c, s, e->u.formatted.value); st_expr(c, s, e->u.formatted.format_spec); return;
    case GS_E_BINOP: st_expr(c, s, e->u.binop.left); st_expr(c, s, e->u.binop.right); return;
    case GS_E_UNARYOP: st_expr(c, s, e->u.unary.operand); return;
    case GS_E_BOOLOP: st_exprs(c, s, &e->u.boolop.values); return;
    case GS_E_COMPARE: st_expr(c, s, e->u.compare.left); st_exprs(c, s, &e->u.compare.comparators); return;
    case GS_E_CALL:
        st_expr(c, s, e->u.call.func);
        st_exprs(c, s, &e->u.call.args);
        for (int i = 0; i < e->u.call.nkeywords; i++)
            st_expr(c, s, e->u.call.keywords[i].value);
        return;
    case GS_E_ATTRIBUTE: st_expr(c, s, e->u.attribute.value); return;
    case GS_E_SUBSCRIPT: st_expr(c, s, e->u.subscript.value); st_expr(c, s, e->u.subscript.index); return;
    case GS_E_SLICE:
        st_expr(c, s, e->u.slice.lower);
        st_expr(c, s, e->u.slice.upper);
        st_expr(c, s, e->u.slice.step);
        return;
    case GS_E_LIST: case GS_E_TUPLE: case GS_E_SET: st_exprs(c, s, &e->u.seq.items); return;
    case GS_E_DICT:
        for (int i = 0; i < e->u.dict.keys.count; i++) {
            st_expr(c, s, e->u.dict.keys.items[i]);
            st_expr(c, s, e->u.dict.values.items[i]);
        }
        return;
    case GS_E_IFEXP:
        st_expr(c, s, e->u.ifexp.test);
        st_expr(c, s, e->u.ifexp.body);
        st_expr(c, s, e->u.ifexp.orelse);
        return;
    case GS_E_LAMBDA: st_function(c, s, e); return;
    case GS_E_LISTCOMP: case GS_E_SETCOMP: case GS_E_DICTCOMP: case GS_E_GENEXP:
        st_comprehension(c, s, e);
        return;
    case GS_E_YIELD:
    case GS_E_YIELDFROM:
        if (s->kind == SC_MODULE || s->kind == SC_CLASS) {
            compile_error(c, e->line, e->col + 1, "'yield' outside function");
            return;
        }
        s->is_generator = true;
        st_expr(c, s, e->u.yield.value);
        return;
    case GS_E_STARRED: st_expr(c, s, e->u.starred.value); return;
    case GS_E_NAMEDEXPR: {
        st_expr(c, s, e->u.namedexpr.value);
        /* := in a comprehension binds in the enclosing function or module */
        Scope *t = s;
        while (t->kind == SC_COMPREHENSION)
            t = t->parent;
        st_target(c, t, e->u.namedexpr.target);
        if (t != s) {
            scope_add(c, s, e->u.namedexpr.target->u.name.s, e->u.namedexpr.target->u.name.len, SYM_USED);
        }
        return;
    }
    default: return;
    }
}

static void st_decl(Compiler *c, Scope *s, const gs_Node *st, int flag)
{
    for (int i = 0; i < st->u.names.names.count; i++) {
        const gs_Ident *id = &st->u.names.names.items[i];
        Sym *sym = scope_find(s, id->s, id->len);
        const char *kw = flag == SYM_GLOBAL ? "global" : "nonlocal";
        if (sym) {
            if ((sym->flags & SYM_PARAM)) {
                compile_error(c, st->line, st->col + 1, "name '%s' is parameter and %s", id->s, kw);
                return;
            }
            if (flag == SYM_GLOBAL && (sym->flags & SYM_NONLOCAL)) {
                compile_error(c, st->line, st->col + 1, "name '%s' is nonlocal and global", id->s);
                return;
            }
            if (flag == SYM_NONLOCAL && (sym->flags & SYM_GLOBAL)) {
                compile_error(c, st->line, st->col + 1, "name '%s' is nonlocal and global", id->s);
                return;
            }
            if (sym->flags & SYM_USED) {
                compile_error(c, st->line, st->col + 1, "name '%s' is used prior to %s declaration", id->s, kw);
                return;
            }
            if (sym->flags & SYM_ASSIGNED) {
                compile_error(c, st->line, st->col + 1, "name '%s' is assigned to before %s declaration", id->s, kw);
                return;
            }
        }
        if (flag == SYM_NONLOCAL && s->kind == SC_MODULE) {
            compile_error(c, st->line, st->col + 1, "nonlocal declaration not allowed at module level");
            return;
        }
        Sym *n = scope_add(c, s, id->s, id->len, flag);
        if (n && !n->line) {
            n->line = st->line;
            n->col = st->col + 1;
        }
    }
}

/* a match pattern's names are stores; its values, classes and keys loads */
static void st_pattern(Compiler *c, Scope *s, const gs_Node *pt)
{
    if (!pt || c->failed)
        return;
    gs_Node tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.kind = GS_E_NAME;
    switch (pt->kind) {
    case GS_P_VALUE: case GS_P_SINGLETON: st_expr(c, s, pt->u.pat.value); return;
    case GS_P_CAPTURE: case GS_P_STAR: case GS_P_AS: case GS_P_MAPPING:
        if (pt->kind == GS_P_AS)
            st_pattern(c, s, pt->u.pat.pattern);
        if (pt->kind == GS_P_MAPPING) {
            st_exprs(c, s, &pt->u.pat.keys);
            for (int i = 0; i < pt->u.pat.items.count; i++)
                st_pattern(c, s, pt->u.pat.items.items[i]);
        }
        if (pt->u.pat.name.s) {
            tmp.u.name = pt->u.pat.name;
            st_target(c, s, &tmp);
        }
        return;
    case GS_P_CLASS: case GS_P_SEQUENCE: case GS_P_OR:
        if (pt->kind == GS_P_CLASS) {
            st_expr(c, s, pt->u.pat.value);
            for (int i = 0; i < pt->u.pat.keys.count; i++)
                st_pattern(c, s, pt->u.pat.keys.items[i]);
        }
        for (int i = 0; i < pt->u.pat.items.count; i++)
            st_pattern(c, s, pt->u.pat.items.items[i]);
        return;
    default: return;
    }
}

static void st_stmt(Compiler *c, Scope *s, const gs_Node *st)
{
    if (c->failed)
        return;
    switch (st->kind) {
    case GS_S_EXPR: st_expr(c, s, st->u.expr.value); return;
    case GS_S_ASSIGN:
        st_expr(c, s, st->u.assign.value);
        for (int i = 0; i < st->u.assign.targets.count; i++)
            st_target(c, s, st->u.assign.targets.items[i]);
        return;
    case GS_S_AUGASSIGN:
        st_expr(c, s, st->u.augassign.value);
        if (st->u.augassign.target->kind == GS_E_NAME)
            scope_add(c, s, st->u.augassign.target->u.name.s, st->u.augassign.target->u.name.len, SYM_USED);
        st_target(c, s, st->u.augassign.target);
        return;
    case GS_S_ANNASSIGN:
        st_expr(c, s, st->u.annassign.annotation);
        st_expr(c, s, st->u.annassign.value);
        if (st->u.annassign.value || st->u.annassign.target->kind != GS_E_NAME)
            st_target(c, s, st->u.annassign.target);
        else
            st_target(c, s, st->u.annassign.target);
        return;
    case GS_S_DELETE:
        for (int i = 0; i < st->u.del_.targets.count; i++)
            st_target(c, s, st->u.del_.targets.items[i]);
        return;
    case GS_S_IF:
        st_expr(c, s, st->u.if_.test);
        st_stmts(c, s, &st->u.if_.body);
        st_stmts(c, s, &st->u.if_.orelse);
        return;
    case GS_S_WHILE:
        st_expr(c, s, st->u.while_.test);
        st_stmts(c, s, &st->u.while_.body);
        st_stmts(c, s, &st->u.while_.orelse);
        return;
    case GS_S_FOR:
        st_expr(c, s, st->u.for_.iter);
        st_target(c, s, st->u.for_.target);
        st_stmts(c, s, &st->u.for_.body);
        st_stmts(c, s, &st->u.for_.orelse);
        return;
    case GS_S_FUNCDEF: {
        st_function(c, s, st);
        gs_Node tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.kind = GS_E_NAME;
        tmp.u.name = st->u.func.name;
        st_target(c, s, &tmp);
        return;
    }
    case GS_S_CLASSDEF: {
        st_exprs(c, s, &st->u.classdef.bases);
        for (int i = 0; i < st->u.classdef.nkeywords; i++)
            st_expr(c, s, st->u.classdef.keywords[i].value);
        st_exprs(c, s, &st->u.classdef.decorators);
        Scope *cs = scope_new(c, SC_CLASS, st, s);
        if (!cs)
            return;
        cs->name = st->u.classdef.name.s;
        cs->name_len = st->u.classdef.name.len;
        st_stmts(c, cs, &st->u.classdef.body);
        gs_Node tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.kind = GS_E_NAME;
        tmp.u.name = st->u.classdef.name;
        st_target(c, s, &tmp);
        return;
    }
    case GS_S_RETURN: st_expr(c, s, st->u.ret.value); return;
    case GS_S_GLOBAL: st_decl(c, s, st, SYM_GLOBAL); return;
    case GS_S_NONLOCAL: st_decl(c, s, st, SYM_NONLOCAL); return;
    case GS_S_IMPORT:
    case GS_S_IMPORTFROM:
        for (int i = 0; i < st->u.import.nnames; i++) {
            const gs_Alias *a = &st->u.import.names[i];
            gs_Node tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.kind = GS_E_NAME;
            if (a->asname.s)
                tmp.u.name = a->asname;
            else {
                tmp.u.name = a->name;
                if (st->kind == GS_S_IMPORT) {
                    const char *dot = memchr(a->name.s, '.', (size_t)a->name.len);
                    if (dot)
                        tmp.u.name.len = (int)(dot - a->name.s);
                }
            }
            if (tmp.u.name.len == 1 && tmp.u.name.s[0] == '*') {
                if (s->kind != SC_MODULE) {
                    compile_error(c, st->line, st->col + 1, "import * only allowed at module level");
                    return;
                }
                continue;
            }
            st_target(c, s, &tmp);
        }
        return;
    case GS_S_TRY:
        st_stmts(c, s, &st->u.try_.body);
        for (int i = 0; i < st->u.try_.nhandlers; i++) {
            const gs_ExceptHandler *h = &st->u.try_.handlers[i];
            st_expr(c, s, h->type);
            if (h->name.s) {
                gs_Node tmp;
                memset(&tmp, 0, sizeof tmp);
                tmp.kind = GS_E_NAME;
                tmp.u.name = h->name;
                st_target(c, s, &tmp);
            }
            st_stmts(c, s, &h->body);
        }
        st_stmts(c, s, &st->u.try_.orelse);
        st_stmts(c, s, &st->u.try_.finalbody);
        return;
    case GS_S_RAISE: st_expr(c, s, st->u.raise.exc); st_expr(c, s, st->u.raise.cause); return;
    case GS_S_WITH:
        for (int i = 0; i < st->u.with.nitems; i++) {
            st_expr(c, s, st->u.with.items[i].context);
            st_target(c, s, st->u.with.items[i].target);
        }
        st_stmts(c, s, &st->u.with.body);
        return;
    case GS_S_ASSERT: st_expr(c, s, st->u.assert_.test); st_expr(c, s, st->u.assert_.msg); return;
    case GS_S_MATCH:
        st_expr(c, s, st->u.match.subject);
        for (int i = 0; i < st->u.match.ncases; i++) {
            st_pattern(c, s, st->u.match.cases[i].pattern);
            st_expr(c, s, st->u.match.cases[i].guard);
            st_stmts(c, s, &st->u.match.cases[i].body);
        }
        return;
    default: return;
    }
}

static void st_stmts(Compiler *c, Scope *s, const gs_NodeList *body)
{
    for (int i = 0; i < body->count && !c->failed; i++)
        st_stmt(c, s, body->items[i]);
}

static bool is_local(Sym *sym)
{
    return sym && (sym->flags & (SYM_ASSIGNED | SYM_PARAM)) && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL));
}

/* Find the function scope that binds `name` for a free reference from `s`;
 * marks it a cell there and free in every scope in between. */
static bool resolve_free(Compiler *c, Scope *s, const char *name, int len)
{
    for (Scope *p = s->parent; p; p = p->parent) {
        if (p->kind == SC_MODULE)
            return false;
        Sym *sym = scope_find(p, name, len);
        if (p->kind == SC_CLASS) {
            /* class bodies are skipped when resolving inner names, but
             * __class__ is the implicit cell of the nearest class */
            if (len == 9 && memcmp(name, "__class__", 9) == 0) {
                p->needs_class_cell = true;
                for (Scope *q = s->parent; q != p; q = q->parent) {
                    Sym *t = scope_add(c, q, name, len, 0);
                    if (t)
                        t->flags |= (q->kind == SC_CLASS) ? SYM_FREE_CLASS : SYM_FREE;
                }
                return true;
            }
            continue;
        }
        if (sym && (sym->flags & SYM_GLOBAL))
            return false;
        if (is_local(sym)) {
            sym->flags |= SYM_CELL;
            for (Scope *q = s->parent; q != p; q = q->parent) {
                Sym *t = scope_add(c, q, name, len, 0);
                if (t)
                    t->flags |= (q->kind == SC_CLASS) ? SYM_FREE_CLASS : SYM_FREE;
            }
            return true;
        }
        if (sym && (sym->flags & (SYM_FREE | SYM_NONLOCAL))) {
            for (Scope *q = s->parent; q != p; q = q->parent) {
                Sym *t = scope_add(c, q, name, len, 0);
                if (t)
                    t->flags |= (q->kind == SC_CLASS) ? SYM_FREE_CLASS : SYM_FREE;
            }
            if (p->kind != SC_CLASS)
                sym->flags |= SYM_FREE;
            return true;
        }
    }
    return false;
}

static void st_resolve(Compiler *c, Scope *s)
{
    /* children first would miss cells created by grandchildren; resolve
     * each scope's own references, walking the tree top-down, then again
     * for children so pass-through frees are present. */
    for (int i = 0; i < s->nchildren; i++)
        st_resolve(c, s->children[i]);
    if (s->kind == SC_MODULE)
        return;
    for (int i = 0; i < s->nsyms && !c->failed; i++) {
        Sym *sym = &s->syms[i];
        if (sym->flags & SYM_NONLOCAL) {
            if (!resolve_free(c, s, sym->name, sym->len)) {
                compile_error(c, sym->line, sym->col, "no binding for nonlocal '%.*s' found", sym->len, sym->name);
                return;
            }
            sym->flags |= SYM_FREE;
            continue;
        }
        if (sym->flags & SYM_GLOBAL)
            continue;
        if (s->kind == SC_CLASS) {
            if (!(sym->flags & SYM_ASSIGNED) && (sym->flags & SYM_USED))
                if (resolve_free(c, s, sym->name, sym->len))
                    sym->flags |= SYM_FREE_CLASS;
            continue;
        }
        if (is_local(sym))
            continue;
        if (sym->flags & SYM_USED)
            if (resolve_free(c, s, sym->name, sym->len))
                sym->flags |= SYM_FREE;
    }
}

/* ================================================================== code units */

typedef struct Label { int target; } Label; /* instruction index, -1 until placed */

typedef enum FBlockKind { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
                          FB_HANDLER, FB_HANDLER_NAME, FB_POP_VALUE, FB_EXCEPT_STAR } FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int start_label;          /* continue target (loops) */
    int exit_label;           /* break target (loops) */
    const gs_Node *node;      /* try/with statement, or handler name */
    const gs_ExceptHandler *handler;
} FBlock;

typedef struct Unit {
    Scope *scope;
    struct Unit *parent;
    uint32_t *ops;
    int32_t *lines;
    int nops, capops;
    int *labels;              /* label id -> instruction index */
    int nlabels, caplabels;
    gs_Object **consts;
    int nconsts, capconsts;
    NameIndex consts_index;   /* constant object -> index in consts */
    gs_Object *const_index;   /* dict: const key -> index */
    gs_Str **names;
    int nnames, capnames;
    NameIndex names_index;
    gs_Str **varnames;        /* fast locals in CPython's order */
    int nvarnames, capvarnames;
    NameIndex varnames_index;
    gs_Str **cellnames;
    int ncells, capcells;
    gs_Str **freenames;
    int nfrees, capfrees;
    int argcount, kwonlycount, posonlyargcount;
    const char *private_name;  /* the class whose body this is or is inside (u_private): __x becomes _Class__x */
    int private_len;
    int flags;
    int firstline;
    int cur_line;
    gs_Pos *pos;              /* each instruction's place (gs_Pos), from cur_pos */
    gs_Pos cur_pos;
    /* Where CPython 3.11's stack depth differs from the model's code (a
     * display CPython builds another way, a with block's handler): per
     * instruction, CPython's effect instead of the model's (CP_SAME: none)
     * and how far above the depth after it CPython's stack gets (code.c's
     * co_stacksize: what sys.getsizeof counts of generators and frames). */
    int8_t *cp_eff, *cp_peak;
    FBlock fblocks[24];
    int nfblocks;
    gs_Str *name, *qualname;
} Unit;

enum { CP_SAME = -128 };

static void emit(Compiler *c, int op, int arg)
{
    Unit *u = c->u;
    if (c->failed)
        return;
    if (arg < 0 || arg >= (1 << 24)) {
        compile_error(c, u->cur_line, 0, "too many constants or names in one function");
        return;
    }
    if (u->nops == u->capops) {
        u->capops = u->capops ? u->capops * 2 : 64;
        u->ops = xrealloc(c, u->ops, (size_t)u->capops * sizeof *u->ops);
        u->lines = xrealloc(c, u->lines, (size_t)u->capops * sizeof *u->lines);
        u->pos = xrealloc(c, u->pos, (size_t)u->capops * sizeof *u->pos);
        u->cp_eff = xrealloc(c, u->cp_eff, (size_t)u->capops);
        u->cp_peak = xrealloc(c, u->cp_peak, (size_t)u->capops);
        if (!u->ops || !u->lines || !u->pos || !u->cp_eff || !u->cp_peak)
            return;
    }
    u->ops[u->nops] = GS_INSTR(op, arg);
    u->lines[u->nops] = u->cur_line;
    u->pos[u->nops] = u->cur_pos;
    u->cp_eff[u->nops] = CP_SAME;
    u->cp_peak[u->nops] = 0;
    u->nops++;
}

/* The last instruction emitted takes CPython's stack effect `eff` and
 * peak `peak` (see Unit.cp_eff). */
static void cpython_depth(Compiler *c, int at, int eff, int peak)
{
    if (!c->failed && at >= 0 && at < c->u->nops) {
        c->u->cp_eff[at] = (int8_t)eff;
        c->u->cp_peak[at] = (int8_t)peak;
    }
}

static int new_label(Compiler *c)
{
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        u->caplabels = u->caplabels ? u->caplabels * 2 : 16;
        u->labels = xrealloc(c, u->labels, (size_t)u->caplabels * sizeof *u->labels);
        if (!u->labels)
            return 0;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void place_label(Compiler *c, int l)
{
    if (!c->failed)
        c->u->labels[l] = c->u->nops;
}

/* Jumps are emitted with a label id and patched to instruction indexes at
 * the end (assemble). We mark them by keeping the label id as argument. */
static bool is_jump(int op)
{
    switch (op) {
    case OP_JUMP: case OP_JUMP_BACKWARD: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER: case OP_SEND: case OP_SETUP_FINALLY: case OP_SETUP_CLEANUP:
        return true;
    default:
        return false;
    }
}

/* A jump back to a placed label is a loop's back edge: CPython's
 * JUMP_BACKWARD, which warms the code up for specialization (vm.c). */
static void emit_jump(Compiler *c, int op, int label)
{
    if (op == OP_JUMP && !c->failed && c->u->labels[label] >= 0)
        op = OP_JUMP_BACKWARD;
    emit(c, op, label);
}

/* ------------------------------------------------------------------ constants */

static gs_Object *const_key(Compiler *c, gs_Object *v)
{
    /* (type, value) so that 1 and True and 1.0 stay distinct constants */
    gs_VM *vm = c->vm;
    if (GS_KIND(v) == GS_K_TUPLE) {
        gs_Tuple *t = (gs_Tuple *)v;
        gs_Object *kt = gs_tuple_new(vm, t->len);
        if (!kt)
            return NULL;
        for (int32_t i = 0; i < t->len; i++) {
            gs_Object *k = const_key(c, t->items[i]);
            if (!k) {
                for (int32_t j = i; j < t->len; j++)
                    gs_tuple_init(vm, kt, j, gs_newref(vm, vm->none));
                gs_decref(vm, kt);
                return NULL;
            }
            gs_tuple_init(vm, kt, i, k);
        }
        gs_Object *r = gs_tuple_pack(vm, 2, &v->type->ob, kt);
        gs_decref(vm, kt);
        return r;
    }
    if (GS_KIND(v) == GS_K_SET) {
        /* a frozenset: (type, frozenset of its items' keys) */
        gs_Object *keys = gs_list_new(vm, 0);
        if (!keys)
            return NULL;
        int64_t pos = 0;
        gs_Object *item;
        while (gs_set_next(v, &pos, &item, NULL)) {
            gs_Object *k = const_key(c, item);
            if (!k || gs_list_append(vm, keys, k) < 0) {
                gs_xdecref(vm, k);
                gs_decref(vm, keys);
                return NULL;
            }
            gs_decref(vm, k);
        }
        gs_Object *fs = gs_set_from_iterable(vm, true, keys);
        gs_decref(vm, keys);
        gs_Object *r = fs ? gs_tuple_pack(vm, 2, &v->type->ob, fs) : NULL;
        gs_xdecref(vm, fs);
        return r;
    }
    if (GS_KIND(v) == GS_K_CODE) {
        gs_Object *idn = gs_int_new(vm, (int64_t)v->id); /* codes never merge */
        gs_Object *k = idn ? gs_tuple_pack(vm, 2, &v->type->ob, idn) : NULL;
        gs_xdecref(vm, idn);
        return k;
    }
    if (GS_KIND(v) == GS_K_FLOAT || GS_KIND(v) == GS_K_COMPLEX) {
        /* 0.0 == -0.0, but they are different constants */
        gs_Object *r = gs_repr(vm, v);
        gs_Object *k = r ? gs_tuple_pack(vm, 2, &v->type->ob, r) : NULL;
        gs_xdecref(vm, r);
        return k;
    }
    return gs_tuple_pack(vm, 2, &v->type->ob, v);
}

/* Merge a constant with an equal one already seen in this file (CPython
 * shares constants across all code objects of a module).  Returns a new
 * reference to the canonical object; *first says whether v became it. */
static gs_Object *merge_const(Compiler *c, gs_Object *v, bool *first)
{
    gs_VM *vm = c->vm;
    *first = false;
    if (GS_KIND(v) == GS_K_CODE) {
        *first = true;
        return gs_newref(vm, v);
    }
    gs_Object *key = const_key(c, v);
    if (!key) {
        c->failed = true;
        return gs_newref(vm, v);
    }
    gs_Object *have = gs_dict_get(vm, c->const_cache, key);
    if (have) {
        gs_decref(vm, key);
        return gs_newref(vm, have);
    }
    if (GS_KIND(v) == GS_K_SET && ((gs_Set *)v)->used > 0) {
        /* merge_consts_recursive: a new frozenset made from the merged
         * items in the old one's slot order becomes the constant */
        gs_Object *items = gs_list_new(vm, 0);
        int64_t pos = 0;
        gs_Object *item;
        while (items && gs_set_next(v, &pos, &item, NULL)) {
            bool f;
            gs_Object *m = merge_const(c, item, &f);
            gs_list_append(vm, items, m);
            gs_decref(vm, m);
        }
        gs_Object *t = items ? gs_tuple_from_iterable(vm, items) : NULL;
        gs_xdecref(vm, items);
        gs_Object *fs = t ? gs_set_from_iterable(vm, true, t) : NULL;
        gs_xdecref(vm, t);
        if (!fs) {
            gs_decref(vm, key);
            c->failed = true;
            return gs_newref(vm, v);
        }
        gs_dict_set(vm, c->const_cache, key, fs);
        gs_decref(vm, key);
        return fs;
    }
    if (GS_KIND(v) == GS_K_TUPLE) {
        /* share the items too */
        gs_Tuple *t = (gs_Tuple *)v;
        for (int32_t i = 0; i < t->len; i++) {
            bool f;
            gs_Object *item = merge_const(c, t->items[i], &f);
            gs_Object *old = t->items[i];
            t->items[i] = item;
            gs_decref(vm, old);
        }
    }
    gs_dict_set(vm, c->const_cache, key, v);
    gs_decref(vm, key);
    *first = true;
    return gs_newref(vm, v);
}

/* Add a constant (steals v); returns its index in the unit's co_consts. */
static bool same_object(const void *arr, int pos, const char *s, int len)
{
    GS_UNUSED(len);
    return ((gs_Object *const *)arr)[pos] == (const gs_Object *)(const void *)s;
}

static int add_const(Compiler *c, gs_Object *v)
{
    gs_VM *vm = c->vm;
    Unit *u = c->u;
    if (!v) {
        c->failed = true;
        return 0;
    }
    bool first;
    gs_Object *canon = merge_const(c, v, &first);
    gs_decref(vm, v);
    /* constants are merged, so the same one is the same object */
    uint32_t h = ptr_hash(canon);
    int have = ni_find(&u->consts_index, h, same_object, u->consts, (const char *)canon, 0);
    if (have >= 0) {
        gs_decref(vm, canon);
        return have;
    }
    if (!ni_add(&u->consts_index, h, u->nconsts)) {
        gs_decref(vm, canon);
        c->failed = true;
        return 0;
    }
    if (u->nconsts == u->capconsts) {
        u->capconsts = u->capconsts ? u->capconsts * 2 : 16;
        u->consts = xrealloc(c, u->consts, (size_t)u->capconsts * sizeof *u->consts);
        if (!u->consts)
            return 0;
    }
    u->consts[u->nconsts] = canon;
    return u->nconsts++;
}

static bool same_str(const void *arr, int pos, const char *s, int len)
{
    const gs_Str *x = ((gs_Str *const *)arr)[pos];
    return x->len == len && memcmp(x->data, s, (size_t)len) == 0;
}

/* The index of name s in arr, added if absent; `ix` indexes arr (NULL: a
 * short array searched in order). */
static int add_name_to(Compiler *c, gs_Str ***arr, int *n, int *cap, NameIndex *ix, const char *s, int len)
{
    uint32_t h = ix ? name_hash(s, len) : 0;
    if (ix) {
        int i = ni_find(ix, h, same_str, *arr, s, len);
        if (i >= 0)
            return i;
    } else
        for (int i = 0; i < *n; i++)
            if ((*arr)[i]->len == len && memcmp((*arr)[i]->data, s, (size_t)len) == 0)
                return i;
    if (ix && !ni_add(ix, h, *n)) {
        c->failed = true;
        return 0;
    }
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *arr = xrealloc(c, *arr, (size_t)*cap * sizeof **arr);
        if (!*arr)
            return 0;
    }
    gs_Object *str = gs_str_intern(c->vm, s, (size_t)len);
    if (!str) {
        c->failed = true;
        return 0;
    }
    (*arr)[*n] = (gs_Str *)str;
    return (*n)++;
}

static int add_name(Compiler *c, const char *s, int len)
{
    return add_name_to(c, &c->u->names, &c->u->nnames, &c->u->capnames, &c->u->names_index, s, len);
}

/* _Py_Mangle: inside a class, a name that starts with two underscores and
 * does not end with two becomes _Class__name (the class name without its
 * leading underscores) */
static int add_mangled_name(Compiler *c, const char *s, int len)
{
    const char *p = c->u->private_name;
    int plen = c->u->private_len;
    if (!p || len < 3 || s[0] != '_' || s[1] != '_' || (s[len - 1] == '_' && s[len - 2] == '_') ||
        memchr(s, '.', (size_t)len))
        return add_name(c, s, len);
    while (plen > 0 && *p == '_') {
        p++;
        plen--;
    }
    if (plen == 0)
        return add_name(c, s, len);
    char buf[512];
    if (1 + plen + len >= (int)sizeof buf)
        return add_name(c, s, len);
    buf[0] = '_';
    memcpy(buf + 1, p, (size_t)plen);
    memcpy(buf + 1 + plen, s, (size_t)len);
    return add_name(c, buf, 1 + plen + len);
}

static int add_varname(Compiler *c, const char *s, int len)
{
    return add_name_to(c, &c->u->varnames, &c->u->nvarnames, &c->u->capvarnames, &c->u->varnames_index, s, len);
}

static int find_in(gs_Str **arr, int n, const char *s, int len)
{
    for (int i = 0; i < n; i++)
        if (arr[i]->len == len && memcmp(arr[i]->data, s, (size_t)len) == 0)
            return i;
    return -1;
}

/* ================================================================== code generation */

static void gen_expr(Compiler *c, const gs_Node *e);
static void gen_stmts(Compiler *c, const gs_NodeList *body);
static void gen_store(Compiler *c, const gs_Node *t);
static gs_Code *gen_function_code(Compiler *c, const gs_Node *fn, Scope *fs);

static const gs_Pos pos_unknown = { -1, -1, -1, -1, -1, GS_ANCHOR_NONE };

/* The instructions from here on are n's (its line, and its place for a
 * traceback's carets). */
static void set_line(Compiler *c, const gs_Node *n)
{
    if (!n || n->line <= 0)
        return;
    c->u->cur_line = n->line;
    gs_Pos p = { n->col, n->end_line, n->end_col, -1, -1, GS_ANCHOR_NONE };
    if (n->kind == GS_E_BINOP) {
        p.anchor = GS_ANCHOR_BINOP;
        p.left = n->u.binop.left->end_col;
        p.right = n->u.binop.right->col;
    } else if (n->kind == GS_E_SUBSCRIPT) {
        p.anchor = GS_ANCHOR_SUBSCRIPT;
        p.left = n->u.subscript.value->end_col;
        p.right = n->u.subscript.index->end_col;
    }
    c->u->cur_pos = p;
}

/* An attribute's instruction (LOAD_ATTR, LOAD_METHOD, STORE_ATTR,
 * DELETE_ATTR): at the attribute node, but on its last line from its
 * name when it spans lines (update_start_location_to_match_attr). */
static void set_attr_line(Compiler *c, const gs_Node *a)
{
    set_line(c, a);
    if (a->line > 0 && a->end_line != a->line) {
        c->u->cur_line = a->end_line;
        int len = a->u.attribute.attr.len;
        c->u->cur_pos.col = len <= a->end_col ? a->end_col - len : -1;
    }
}

typedef struct Loc {
    int line;
    gs_Pos pos;
} Loc;

static Loc loc_save(Compiler *c) { return (Loc){ c->u->cur_line, c->u->cur_pos }; }

static void loc_restore(Compiler *c, Loc l)
{
    c->u->cur_line = l.line;
    c->u->cur_pos = l.pos;
}

/* The instructions from here on are on `line`, at no known place. */
static void set_line_only(Compiler *c, int line)
{
    c->u->cur_line = line;
    c->u->cur_pos = pos_unknown;
}

typedef enum NameOp { NO_LOAD, NO_STORE, NO_DELETE } NameOp;

static void gen_name(Compiler *c, const char *name, int len, NameOp op, int line, int col)
{
    Unit *u = c->u;
    Scope *s = u->scope;
    Sym *sym = scope_find(s, name, len);
    GS_UNUSED(line);
    GS_UNUSED(col);
    if (s->kind == SC_MODULE) {
        int ix = add_name(c, name, len);
        emit(c, op == NO_LOAD ? OP_LOAD_NAME : op == NO_STORE ? OP_STORE_NAME : OP_DELETE_NAME, ix);
        return;
    }
    if (sym && (sym->flags & SYM_GLOBAL)) {
        int ix = add_name(c, name, len);
        emit(c, op == NO_LOAD ? OP_LOAD_GLOBAL : op == NO_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL,
             op == NO_LOAD ? ix << 1 : ix);
        return;
    }
    if (s->kind == SC_CLASS) {
        if (sym && (sym->flags & SYM_FREE_CLASS) && op == NO_LOAD) {
            int ix = find_in(u->freenames, u->nfrees, name, len);
            emit(c, OP_LOAD_CLASSDEREF, u->nvarnames + u->ncells + ix);
            return;
        }
        if (sym && (sym->flags & SYM_FREE) && !(sym->flags & SYM_ASSIGNED)) {
            int ix = find_in(u->freenames, u->nfrees, name, len);
            if (ix >= 0) {
                emit(c, op == NO_LOAD ? OP_LOAD_DEREF : op == NO_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF,
                     u->nvarnames + u->ncells + ix);
                return;
            }
        }
        int ix = add_mangled_name(c, name, len);
        emit(c, op == NO_LOAD ? OP_LOAD_NAME : op == NO_STORE ? OP_STORE_NAME : OP_DELETE_NAME, ix);
        return;
    }
    /* function or comprehension */
    if (sym && (sym->flags & SYM_CELL)) {
        int ix = find_in(u->cellnames, u->ncells, name, len);
        emit(c, op == NO_LOAD ? OP_LOAD_DEREF : op == NO_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF,
             (1 << 23) | ix); /* patched: cells follow the locals, whose count is known at the end */
        return;
    }
    if (sym && (sym->flags & SYM_FREE)) {
        int ix = find_in(u->freenames, u->nfrees, name, len);
        emit(c, op == NO_LOAD ? OP_LOAD_DEREF : op == NO_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF,
             (1 << 22) | ix);
        return;
    }
    if (is_local(sym)) {
        int ix = add_varname(c, name, len);
        emit(c, op == NO_LOAD ? OP_LOAD_FAST : op == NO_STORE ? OP_STORE_FAST : OP_DELETE_FAST, ix);
        return;
    }
    int ix = add_name(c, name, len);
    emit(c, op == NO_LOAD ? OP_LOAD_GLOBAL : op == NO_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL,
         op == NO_LOAD ? ix << 1 : ix);
}

/* LOAD_GLOBAL with the low bit set pushes NULL first (3.11's call shape). */
static bool gen_name_push_null(Compiler *c, const gs_Node *e)
{
    Unit *u = c->u;
    if (u->scope->kind == SC_MODULE || u->scope->kind == SC_CLASS)
        return false;
    Sym *sym = scope_find(u->scope, e->u.name.s, e->u.name.len);
    if (sym && (sym->flags & (SYM_CELL | SYM_FREE)) && !(sym->flags & SYM_GLOBAL))
        return false;
    if (is_local(sym))
        return false;
    int ix = add_name(c, e->u.name.s, e->u.name.len);
    emit(c, OP_LOAD_GLOBAL, (ix << 1) | 1);
    return true;
}

/* ------------------------------------------------------------------ constants folding */

/* A constant the AST holds (steals v; returns a new reference to the
 * file's object for its value).
 *
 * CPython 3.11's parser makes an object for every literal, and its AST
 * optimizer one for every constant it folds (-2.5, (1, 'a b')); each goes
 * into the AST's arena, a list (PyArena.a_objects) that keeps it until
 * the arena is freed.  For a script that is after the module has run:
 * pyrun_file() in Python/pythonrun.c parses into an arena, run_mod()
 * compiles and runs the code, and only then is the arena freed.  The
 * compiler keeps one object per value for the whole file (merge_const),
 * the one the AST made first, so that object has one reference more than
 * the code objects give it: s = "a b" then sys.getrefcount(s) prints 4 in
 * a script (co_consts, the arena, s, the argument) and 3 after
 * exec(compile(...)), whose arena is gone before the code runs.  The AST's
 * other, equal objects (a second "a b" literal) are unreachable and not
 * modelled; static objects (small ints, interned strings) count nothing. */
static gs_Object *ast_const(Compiler *c, gs_Object *v)
{
    if (!v || (v->gcflags & GS_GC_STATIC))
        return v;
    bool first;
    gs_Object *canon = merge_const(c, v, &first);
    if (first)
        gs_list_append(c->vm, c->ast_consts, canon);
    gs_decref(c->vm, v);
    return canon;
}

static gs_Object *literal_value(Compiler *c, const gs_Node *e)
{
    gs_VM *vm = c->vm;
    switch (e->u.constant.kind) {
    case GS_C_NONE: return gs_newref(vm, vm->none);
    case GS_C_TRUE: return gs_newref(vm, vm->true_);
    case GS_C_FALSE: return gs_newref(vm, vm->false_);
    case GS_C_ELLIPSIS: return gs_newref(vm, vm->ellipsis);
    case GS_C_INT:
        if (e->u.constant.big) /* the parser kept its decimal digits */
            return gs_big_from_text(vm, e->u.constant.str, (size_t)e->u.constant.len, 10);
        return gs_int_new(vm, e->u.constant.int_value);
    case GS_C_FLOAT: return gs_float_new(vm, e->u.constant.float_value);
    case GS_C_COMPLEX: return gs_complex_new(vm, 0.0, e->u.constant.float_value);
    case GS_C_STR:
        /* CPython interns constant strings that look like identifiers */
        {
            bool ident = e->u.constant.len <= 40;
            for (int i = 0; i < e->u.constant.len && ident; i++) {
                char ch = e->u.constant.str[i];
                ident = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
            }
            if (ident)
                return gs_str_intern_literal(vm, e->u.constant.str, (size_t)e->u.constant.len);
            return gs_str_new(vm, e->u.constant.str, (size_t)e->u.constant.len);
        }
    case GS_C_BYTES:
        return gs_bytes_new(vm, e->u.constant.str, (size_t)e->u.constant.len);
    }
    return NULL;
}

/* The object of a literal (new reference): the parser's, which the AST holds. */
static gs_Object *const_value(Compiler *c, const gs_Node *e) { return ast_const(c, literal_value(c, e)); }

static gs_Object *fold(Compiler *c, const gs_Node *e);

/* ------------------------------------------------------------------ arithmetic on constants
 * CPython's AST optimizer folds an operator whose operands are constants
 * (after folding them, bottom up) into one constant, unless it raises or
 * the result would be big (fold_binop's safe_multiply, safe_power,
 * safe_lshift, safe_mod): `"ab" * 3`, `10 ** 4`, `-1.5`, `not 1`, `1 + 2j`
 * are constants of the code, shared and counted as such.  The operands'
 * own objects (the parser's, and the folded steps in between) stay in the
 * AST's arena unreachable; they are not modelled: only the result is. */
enum { FOLD_MAX_INT_BITS = 128, FOLD_MAX_ITEMS = 256, FOLD_MAX_STR = 4096, FOLD_MAX_TOTAL = 1024 };

static int64_t fold_bits(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t n = 0;
    for (; m; m >>= 1)
        n++;
    return n;
}

static bool fold_int(gs_VM *vm, gs_Object *o, int64_t *v)
{
    if (GS_KIND(o) == GS_K_BOOL) {
        *v = o == vm->true_;
        return true;
    }
    if (GS_KIND(o) == GS_K_INT) {
        *v = ((gs_Int *)o)->value;
        return true;
    }
    return false;
}

/* the bits of an int constant's magnitude */
static int64_t obj_bits(gs_Object *o, int64_t v) { return gs_int_is_big(o) ? gs_big_bit_length(o) : fold_bits(v); }

/* check_complexity: what is left of `limit` items after a nested tuple's */
static int64_t fold_complexity(gs_Object *o, int64_t limit)
{
    if (GS_KIND(o) != GS_K_TUPLE)
        return limit;
    gs_Tuple *t = (gs_Tuple *)o;
    limit -= t->len;
    for (int32_t i = 0; limit >= 0 && i < t->len; i++)
        limit = fold_complexity(t->items[i], limit);
    return limit;
}

/* true where CPython leaves the operation to run time for its size */
static bool fold_too_big(gs_VM *vm, int op, gs_Object *l, gs_Object *r)
{
    int64_t lv = 0, rv = 0;
    bool li = fold_int(vm, l, &lv), ri = fold_int(vm, r, &rv);
    switch (op) {
    case GS_OP_MUL: {
        if (li && ri)
            return lv && rv && obj_bits(l, lv) + obj_bits(r, rv) > FOLD_MAX_INT_BITS;
        if (!li && ri) { /* the int first */
            gs_Object *t = l;
            l = r;
            r = t;
            lv = rv;
        } else if (!li) {
            return false;
        }
        gs_Kind k = GS_KIND(r);
        int64_t size = k == GS_K_TUPLE ? ((gs_Tuple *)r)->len
                       : k == GS_K_STR ? ((gs_Str *)r)->nchars
                       : k == GS_K_BYTES ? ((gs_Bytes *)r)->len : 0;
        if (!size)
            return false;
        if (k == GS_K_TUPLE)
            return lv < 0 || lv > FOLD_MAX_ITEMS / size || (lv && fold_complexity(r, FOLD_MAX_TOTAL / lv) < 0);
        return lv < 0 || lv > FOLD_MAX_STR / size;
    }
    case GS_OP_POW:
        return li && ri && lv && rv > 0 && obj_bits(l, lv) > FOLD_MAX_INT_BITS / rv;
    case GS_OP_LSHIFT:
        return li && ri && lv && rv && (rv < 0 || rv > FOLD_MAX_INT_BITS || obj_bits(l, lv) > FOLD_MAX_INT_BITS - rv);
    case GS_OP_MOD:
        return GS_KIND(l) == GS_K_STR || GS_KIND(l) == GS_K_BYTES; /* formatting */
    case GS_OP_MATMUL:
        return true;
    default:
        return false;
    }
}

/* -x, +x, ~x, not x of a constant (NULL, exception cleared, if it raises) */
static gs_Object *fold_unary_op(gs_VM *vm, int uop, gs_Object *v)
{
    int64_t x;
    if (uop == GS_UOP_NOT) {
        int t = gs_truthy(vm, v);
        return t < 0 ? NULL : gs_newref(vm, t ? vm->false_ : vm->true_);
    }
    if (fold_int(vm, v, &x)) {
        if (uop != GS_UOP_POS && (gs_int_is_big(v) || (uop == GS_UOP_NEG && x == INT64_MIN)))
            return gs_big_unary(vm, uop == GS_UOP_NEG ? GS_BIG_NEG : GS_BIG_INVERT, v);
        if (gs_int_is_big(v))
            return gs_newref(vm, v);
        if (uop == GS_UOP_NEG)
            return gs_int_new(vm, -x);
        return gs_int_new(vm, uop == GS_UOP_INVERT ? ~x : x);
    }
    if (GS_KIND(v) == GS_K_FLOAT && uop != GS_UOP_INVERT)
        return uop == GS_UOP_NEG ? gs_float_new(vm, -((gs_Float *)v)->value) : gs_newref(vm, v);
    if (GS_KIND(v) == GS_K_COMPLEX && uop != GS_UOP_INVERT) {
        gs_Complex *z = (gs_Complex *)v;
        return uop == GS_UOP_NEG ? gs_complex_new(vm, -z->real, -z->imag) : gs_newref(vm, v);
    }
    return NULL;
}

/* A str the optimizer made: interned as a literal would be (identifier
 * characters), since the code object interns its constants so. */
static gs_Object *fold_str(Compiler *c, gs_Object *v)
{
    if (!v || GS_KIND(v) != GS_K_STR || v->type != c->vm->t_str || (v->gcflags & GS_GC_STATIC))
        return v;
    gs_Str *s = (gs_Str *)v;
    bool ident = s->len <= 40;
    for (int32_t i = 0; i < s->len && ident; i++) {
        char ch = s->data[i];
        ident = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    }
    if (!ident)
        return v;
    gs_Object *w = gs_str_intern_literal(c->vm, s->data, (size_t)s->len);
    gs_decref(c->vm, v);
    return w;
}

/* The value of a constant expression, not yet the AST's (NULL if it is
 * not one, or raises): literals, operators on them, tuples of them. */
static gs_Object *fold_value(Compiler *c, const gs_Node *e)
{
    gs_VM *vm = c->vm;
    if (e->kind == GS_E_CONST)
        return e->u.constant.kind == GS_C_INT && e->u.constant.big ? NULL : literal_value(c, e);
    if (e->kind == GS_E_TUPLE)
        return fold(c, e);
    if (e->kind == GS_E_UNARYOP) {
        gs_Object *o = fold_value(c, e->u.unary.operand);
        gs_Object *v = o ? fold_unary_op(vm, (int)e->u.unary.op, o) : NULL;
        gs_xdecref(vm, o);
        if (!v)
            gs_clear_exc(vm);
        return v;
    }
    if (e->kind != GS_E_BINOP)
        return NULL;
    gs_Object *l = fold_value(c, e->u.binop.left);
    gs_Object *r = l ? fold_value(c, e->u.binop.right) : NULL;
    int op = (int)e->u.binop.op;
    gs_Object *v = r && !fold_too_big(vm, op, l, r) ? gs_binary_op_builtin(vm, op, l, r) : NULL;
    gs_xdecref(vm, l);
    gs_xdecref(vm, r);
    if (!v)
        gs_clear_exc(vm);
    return fold_str(c, v);
}

/* Constant folding the way CPython's AST optimizer does it: operators on
 * constants (above) and tuples of constants (the optimizer's objects,
 * which the AST holds: ast_const). */
static gs_Object *fold(Compiler *c, const gs_Node *e)
{
    gs_VM *vm = c->vm;
    if (!e)
        return NULL;
    if (e->kind == GS_E_CONST)
        return const_value(c, e);
    if (e->kind == GS_E_BINOP || e->kind == GS_E_UNARYOP) {
        gs_Object *v = fold_value(c, e);
        return v ? ast_const(c, v) : NULL;
    }
    if (e->kind == GS_E_TUPLE) {
        int n = e->u.seq.items.count;
        for (int i = 0; i < n; i++) {
            const gs_Node *it = e->u.seq.items.items[i];
            if (it->kind == GS_E_STARRED)
                return NULL;
        }
        gs_Object *items[n > 0 ? n : 1];
        for (int i = 0; i < n; i++) {
            items[i] = fold(c, e->u.seq.items.items[i]);
            if (!items[i]) {
                for (int j = 0; j < i; j++)
                    gs_decref(vm, items[j]);
                return NULL;
            }
        }
        gs_Object *t = gs_tuple_new(vm, n);
        if (!t)
            return NULL;
        for (int i = 0; i < n; i++)
            gs_tuple_init(vm, t, i, items[i]);
        return ast_const(c, t); /* inner tuples too: fold_tuple works bottom-up */
    }
    return NULL;
}

/* Whether e folds into a constant (which the AST then holds: a sub-
 * expression that folds is folded even when its parent does not). */
static bool foldable(Compiler *c, const gs_Node *e)
{
    if (e->kind == GS_E_CONST)
        return !(e->u.constant.kind == GS_C_INT && e->u.constant.big);
    if (e->kind == GS_E_TUPLE) {
        for (int i = 0; i < e->u.seq.items.count; i++)
            if (!foldable(c, e->u.seq.items.items[i]))
                return false;
        return true;
    }
    if (e->kind != GS_E_BINOP && e->kind != GS_E_UNARYOP)
        return false;
    gs_Object *v = fold(c, e);
    gs_xdecref(c->vm, v);
    return v != NULL;
}

static void load_const_obj(Compiler *c, gs_Object *v) { emit(c, OP_LOAD_CONST, add_const(c, v)); }

static void load_folded(Compiler *c, const gs_Node *e)
{
    gs_Object *v = fold(c, e);
    if (!v) {
        c->failed = true;
        return;
    }
    load_const_obj(c, v);
}

/* ------------------------------------------------------------------ SyntaxWarnings */

/* A SyntaxWarning as CPython's compiler_warn prints it with the default
 * filters: "file:line: SyntaxWarning: text" and the line, stripped (the
 * program's own source only; exec'd code gets no line). */
static void compile_warn(Compiler *c, int line, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gs_write_warning(c->vm, c->filename, line, "SyntaxWarning", msg);
}

static bool foldable(Compiler *c, const gs_Node *e);
static gs_Object *fold(Compiler *c, const gs_Node *e);

/* infer_type: the type name of what e makes, when its kind tells; the
 * constant an expression folds into tells its own (NULL: not known) */
static const char *infer_type(Compiler *c, const gs_Node *e, char *buf, size_t n)
{
    switch (e->kind) {
    case GS_E_TUPLE:
        if (!foldable(c, e))
            return "tuple";
        break;
    case GS_E_LIST: case GS_E_LISTCOMP: return "list";
    case GS_E_DICT: case GS_E_DICTCOMP: return "dict";
    case GS_E_SET: case GS_E_SETCOMP: return "set";
    case GS_E_GENEXP: return "generator";
    case GS_E_LAMBDA: return "function";
    case GS_E_JOINEDSTR: case GS_E_FORMATTED: return "str";
    default: break;
    }
    if (!foldable(c, e))
        return NULL;
    gs_Object *v = fold(c, e);
    if (!v)
        return NULL;
    snprintf(buf, n, "%s", gs_type_name(v));
    gs_decref(c->vm, v);
    return buf;
}

/* check_is_arg: `is` with a literal other than None, True, False, ... */
static bool is_literal(Compiler *c, const gs_Node *e)
{
    if (e->kind == GS_E_CONST) {
        gs_ConstKind k = e->u.constant.kind;
        return k != GS_C_NONE && k != GS_C_TRUE && k != GS_C_FALSE && k != GS_C_ELLIPSIS;
    }
    return (e->kind == GS_E_TUPLE || e->kind == GS_E_BINOP || e->kind == GS_E_UNARYOP) && foldable(c, e);
}

static void check_compare(Compiler *c, const gs_Node *e)
{
    const gs_Node *left = e->u.compare.left;
    for (int i = 0; i < e->u.compare.comparators.count; i++) {
        const gs_Node *right = e->u.compare.comparators.items[i];
        gs_CmpOperator op = e->u.compare.ops[i];
        if ((op == GS_CMP_IS || op == GS_CMP_IS_NOT) && (is_literal(c, left) || is_literal(c, right))) {
            compile_warn(c, e->line, op == GS_CMP_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                                     : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left = right;
    }
}

/* check_caller: a literal or display called, as in [(1, 2) (3, 4)] */
static void check_caller(Compiler *c, const gs_Node *call)
{
    const gs_Node *f = call->u.call.func;
    bool literal = f->kind == GS_E_CONST || f->kind == GS_E_TUPLE || f->kind == GS_E_LIST ||
                   f->kind == GS_E_LISTCOMP || f->kind == GS_E_DICT || f->kind == GS_E_DICTCOMP ||
                   f->kind == GS_E_SET || f->kind == GS_E_SETCOMP || f->kind == GS_E_GENEXP ||
                   f->kind == GS_E_JOINEDSTR || f->kind == GS_E_FORMATTED;
    char buf[64];
    const char *t = literal ? infer_type(c, f, buf, sizeof buf) : NULL;
    if (t)
        compile_warn(c, call->line, "'%s' object is not callable; perhaps you missed a comma?", t);
}

/* check_subscripter and check_index: [1, 2][3, 4], 5[0] */
static void check_subscript(Compiler *c, const gs_Node *e)
{
    const gs_Node *v = e->u.subscript.value, *ix = e->u.subscript.index;
    char vb[64], ib[64];
    const char *vt = infer_type(c, v, vb, sizeof vb);
    if (vt && (v->kind == GS_E_CONST || v->kind == GS_E_UNARYOP || v->kind == GS_E_BINOP || v->kind == GS_E_SET ||
               v->kind == GS_E_SETCOMP || v->kind == GS_E_GENEXP || v->kind == GS_E_LAMBDA) &&
        (strcmp(vt, "NoneType") == 0 || strcmp(vt, "ellipsis") == 0 || strcmp(vt, "int") == 0 ||
         strcmp(vt, "bool") == 0 || strcmp(vt, "float") == 0 || strcmp(vt, "complex") == 0 ||
         strcmp(vt, "set") == 0 || strcmp(vt, "frozenset") == 0 || strcmp(vt, "generator") == 0 ||
         strcmp(vt, "function") == 0)) {
        compile_warn(c, e->line, "'%s' object is not subscriptable; perhaps you missed a comma?", vt);
        return;
    }
    const char *it = ix->kind == GS_E_SLICE ? NULL : infer_type(c, ix, ib, sizeof ib);
    if (!it || strcmp(it, "int") == 0 || strcmp(it, "bool") == 0)
        return;
    bool seq = (vt && (strcmp(vt, "str") == 0 || strcmp(vt, "bytes") == 0 || strcmp(vt, "tuple") == 0) &&
                (v->kind == GS_E_CONST || foldable(c, v))) ||
               v->kind == GS_E_TUPLE || v->kind == GS_E_LIST || v->kind == GS_E_LISTCOMP ||
               v->kind == GS_E_JOINEDSTR || v->kind == GS_E_FORMATTED;
    if (seq && vt)
        compile_warn(c, e->line, "%s indices must be integers or slices, not %s; perhaps you missed a comma?", vt, it);
}

/* ------------------------------------------------------------------ expressions */

static const int binop_codes[] = { GS_OP_ADD, GS_OP_SUB, GS_OP_MUL, GS_OP_MATMUL, GS_OP_TRUEDIV, GS_OP_FLOORDIV,
                                   GS_OP_MOD, GS_OP_POW, GS_OP_LSHIFT, GS_OP_RSHIFT, GS_OP_BITOR, GS_OP_BITXOR,
                                   GS_OP_BITAND };

static void gen_exprs(Compiler *c, const gs_NodeList *l)
{
    for (int i = 0; i < l->count; i++)
        gen_expr(c, l->items[i]);
}

static bool has_starred(const gs_NodeList *l)
{
    for (int i = 0; i < l->count; i++)
        if (l->items[i]->kind == GS_E_STARRED)
            return true;
    return false;
}

/* A frozenset of a set display's items (all foldable), built by adding
 * them in order as PyFrozenSet_New(tuple) does; NULL if they are not all
 * constants. */
static gs_Object *fold_set(Compiler *c, const gs_Node *e)
{
    gs_VM *vm = c->vm;
    const gs_NodeList *items = &e->u.seq.items;
    for (int i = 0; i < items->count; i++)
        if (!foldable(c, items->items[i]))
            return NULL;
    gs_Object *l = gs_list_new(vm, 0);
    for (int i = 0; l && i < items->count; i++) {
        gs_Object *v = fold(c, items->items[i]);
        if (!v || gs_list_append(vm, l, v) < 0) {
            gs_xdecref(vm, v);
            gs_decref(vm, l);
            l = NULL;
            break;
        }
        gs_decref(vm, v);
    }
    gs_Object *t = l ? gs_tuple_from_iterable(vm, l) : NULL;
    gs_xdecref(vm, l);
    gs_Object *fs = t ? gs_set_from_iterable(vm, true, t) : NULL;
    gs_xdecref(vm, t);
    if (!fs) {
        gs_clear_exc(vm); /* an unhashable item: left to fail at run time */
        return NULL;
    }
    return fs;
}

static void gen_sequence(Compiler *c, const gs_Node *e, gs_NodeKind kind);

/* An iterable operand (a `for` or comprehension iterable, the right side of
 * the last `in` / `not in`): CPython 3.11's fold_iter turns a list display
 * into a tuple display (a constant when its items are: `for x in [1, 2]`
 * builds no list) and a set display of constants into a frozenset
 * constant, which the AST keeps alive. */
static void gen_iter_operand(Compiler *c, const gs_Node *e)
{
    if (e->kind == GS_E_LIST && !has_starred(&e->u.seq.items)) {
        gen_sequence(c, e, GS_E_TUPLE);
        return;
    }
    gs_Object *fs = e->kind == GS_E_SET ? fold_set(c, e) : NULL;
    if (!fs) {
        gen_expr(c, e);
        return;
    }
    gs_list_append(c->vm, c->ast_consts, fs); /* the AST's own reference */
    load_const_obj(c, fs);
}

/* list/tuple/set displays; `kind` is GS_E_LIST, GS_E_TUPLE or GS_E_SET */
static void gen_sequence(Compiler *c, const gs_Node *e, gs_NodeKind kind)
{
    const gs_NodeList *items = &e->u.seq.items;
    if (kind == GS_E_TUPLE && foldable(c, e)) {
        load_folded(c, e);
        return;
    }
    if (kind == GS_E_SET && items->count > 2) {
        /* starunpack_helper: more than two constants become BUILD_SET 0,
         * LOAD_CONST frozenset, SET_UPDATE 1 (and so a set_merge) */
        gs_Object *fs = fold_set(c, e);
        if (fs) {
            emit(c, OP_BUILD_SET, 0);
            load_const_obj(c, fs);
            emit(c, OP_SET_UPDATE, 1);
            return;
        }
    }
    if (!has_starred(items)) {
        int start = c->u->nops;
        gen_exprs(c, items);
        int arg = items->count;
        bool consts = false;
        if (kind == GS_E_LIST) {
            consts = items->count > 2;
            for (int i = 0; consts && i < items->count; i++)
                consts = foldable(c, items->items[i]);
            arg |= consts ? GS_BUILD_EVEN : items->count > 30 ? GS_BUILD_GROWN : 0;
        }
        emit(c, kind == GS_E_LIST ? OP_BUILD_LIST : kind == GS_E_TUPLE ? OP_BUILD_TUPLE : OP_BUILD_SET, arg);
        if (consts && c->u->nops - start == items->count + 1) {
            /* CPython: BUILD_LIST 0, LOAD_CONST (the tuple), LIST_EXTEND */
            for (int i = start; i < c->u->nops - 1; i++)
                cpython_depth(c, i, 0, 0);
            cpython_depth(c, c->u->nops - 1, 1, 1);
        }
        return;
    }
    /* with *x: build a list (or set) and extend it; tuples convert at the end */
    int i = 0;
    int pre = 0;
    while (i < items->count && items->items[i]->kind != GS_E_STARRED) {
        gen_expr(c, items->items[i]);
        i++;
        pre++;
    }
    emit(c, kind == GS_E_SET ? OP_BUILD_SET : OP_BUILD_LIST, pre);
    for (; i < items->count; i++) {
        const gs_Node *it = items->items[i];
        if (it->kind == GS_E_STARRED) {
            gen_expr(c, it->u.starred.value);
            emit(c, kind == GS_E_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            gen_expr(c, it);
            emit(c, kind == GS_E_SET ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == GS_E_TUPLE)
        emit(c, OP_LIST_TO_TUPLE, 0);
}

static void gen_dict(Compiler *c, const gs_Node *e)
{
    int n = e->u.dict.keys.count;
    int pending = 0;
    bool built = false;
    /* 2 to 15 constant keys: CPython pushes the values and then the tuple
     * of keys (BUILD_CONST_KEY_MAP), not the pairs */
    bool const_keys = n > 1 && n <= 15;
    for (int i = 0; const_keys && i < n; i++)
        const_keys = e->u.dict.keys.items[i] && foldable(c, e->u.dict.keys.items[i]);
    if (const_keys) {
        bool single = true;
        int *at = malloc((size_t)n * sizeof *at);
        if (!at) {
            c->failed = true;
            return;
        }
        for (int i = 0; i < n; i++) {
            at[i] = c->u->nops;
            gen_expr(c, e->u.dict.keys.items[i]);
            single = single && c->u->nops == at[i] + 1;
            gen_expr(c, e->u.dict.values.items[i]);
        }
        emit(c, OP_BUILD_MAP, n);
        if (single) {
            for (int i = 0; i < n; i++)
                cpython_depth(c, at[i], 0, 0);
            cpython_depth(c, c->u->nops - 1, 1 - n, n);
        }
        free(at);
        return;
    }
    for (int i = 0; i < n; i++) {
        const gs_Node *k = e->u.dict.keys.items[i];
        if (!k) {
            if (pending || !built) {
                emit(c, OP_BUILD_MAP, pending);
                if (built)
                    emit(c, OP_DICT_UPDATE, 1);
                built = true;
                pending = 0;
            }
            gen_expr(c, e->u.dict.values.items[i]);
            emit(c, OP_DICT_UPDATE, 1);
            continue;
        }
        gen_expr(c, k);
        gen_expr(c, e->u.dict.values.items[i]);
        pending++;
    }
    if (!built || pending) {
        emit(c, OP_BUILD_MAP, pending);
        if (built)
            emit(c, OP_DICT_UPDATE, 1);
    }
}

static void gen_compare(Compiler *c, const gs_Node *e)
{
    check_compare(c, e);
    int n = e->u.compare.comparators.count;
    gen_expr(c, e->u.compare.left);
    gs_CmpOperator last = e->u.compare.ops[n - 1];
    bool fold_last = last == GS_CMP_IN || last == GS_CMP_NOT_IN; /* fold_compare */
    if (n == 1) {
        if (fold_last)
            gen_iter_operand(c, e->u.compare.comparators.items[0]);
        else
            gen_expr(c, e->u.compare.comparators.items[0]);
        gs_CmpOperator op = e->u.compare.ops[0];
        if (op == GS_CMP_IS || op == GS_CMP_IS_NOT)
            emit(c, OP_IS_OP, op == GS_CMP_IS_NOT);
        else if (op == GS_CMP_IN || op == GS_CMP_NOT_IN)
            emit(c, OP_CONTAINS_OP, op == GS_CMP_NOT_IN);
        else
            emit(c, OP_COMPARE_OP, op);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < n; i++) {
        if (i == n - 1 && fold_last)
            gen_iter_operand(c, e->u.compare.comparators.items[i]);
        else
            gen_expr(c, e->u.compare.comparators.items[i]);
        if (i < n - 1) {
            emit(c, OP_SWAP, 2);
            emit(c, OP_COPY, 2);
        }
        gs_CmpOperator op = e->u.compare.ops[i];
        if (op == GS_CMP_IS || op == GS_CMP_IS_NOT)
            emit(c, OP_IS_OP, op == GS_CMP_IS_NOT);
        else if (op == GS_CMP_IN || op == GS_CMP_NOT_IN)
            emit(c, OP_CONTAINS_OP, op == GS_CMP_NOT_IN);
        else
            emit(c, OP_COMPARE_OP, op);
        if (i < n - 1)
            emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    emit_jump(c, OP_JUMP, end);
    place_label(c, cleanup);
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_TOP, 0);
    place_label(c, end);
}

static int kwnames_const(Compiler *c, const gs_Keyword *kws, int n)
{
    gs_VM *vm = c->vm;
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t) {
        c->failed = true;
        return 0;
    }
    for (int i = 0; i < n; i++)
        gs_tuple_init(vm, t, i, gs_str_intern(vm, kws[i].name.s, (size_t)kws[i].name.len));
    return add_const(c, t);
}

/* CPython's validate_keywords: the same name twice is a SyntaxError at the second. */
static void check_keywords(Compiler *c, const gs_Keyword *kw, int n)
{
    for (int i = 0; i < n; i++) {
        if (!kw[i].name.s)
            continue;
        for (int j = i + 1; j < n; j++)
            if (kw[j].name.s && kw[j].name.len == kw[i].name.len &&
                memcmp(kw[j].name.s, kw[i].name.s, (size_t)kw[i].name.len) == 0) {
                compile_error(c, kw[j].line, kw[j].col + 1, "keyword argument repeated: %.*s", kw[i].name.len,
                              kw[i].name.s);
                return;
            }
    }
}

/* Arguments after the callable: positional then keywords, or the _EX form. */
static void gen_call_args(Compiler *c, const gs_Node *call, int extra_pos)
{
    const gs_NodeList *args = &call->u.call.args;
    int nkw = call->u.call.nkeywords;
    check_keywords(c, call->u.call.keywords, nkw);
    bool starred = has_starred(args);
    bool dstar = false;
    for (int i = 0; i < nkw; i++)
        if (!call->u.call.keywords[i].name.s)
            dstar = true;
    if (!starred && !dstar) {
        gen_exprs(c, args);
        for (int i = 0; i < nkw; i++)
            gen_expr(c, call->u.call.keywords[i].value);
        if (nkw)
            emit(c, OP_KW_NAMES, kwnames_const(c, call->u.call.keywords, nkw));
        emit(c, OP_CALL, args->count + nkw + extra_pos);
        return;
    }
    /* CALL_FUNCTION_EX: positional args as one object (a lone *x passes x
     * itself, as CPython does) and an optional dict */
    if (!extra_pos && args->count == 1 && args->items[0]->kind == GS_E_STARRED)
        gen_expr(c, args->items[0]->u.starred.value);
    else {
        if (extra_pos)
            emit(c, OP_BUILD_LIST, 1); /* method receiver goes first */
        else
            emit(c, OP_BUILD_LIST, 0);
        for (int i = 0; i < args->count; i++) {
            const gs_Node *a = args->items[i];
            if (a->kind == GS_E_STARRED) {
                gen_expr(c, a->u.starred.value);
                emit(c, OP_LIST_EXTEND, 1 | GS_EXTEND_IN_CALL);
            } else {
                gen_expr(c, a);
                emit(c, OP_LIST_APPEND, 1);
            }
        }
        emit(c, OP_LIST_TO_TUPLE, 0);
    }
    if (nkw) {
        emit(c, OP_BUILD_MAP, 0);
        for (int i = 0; i < nkw; i++) {
            const gs_Keyword *k = &call->u.call.keywords[i];
            if (k->name.s) {
                load_const_obj(c, gs_str_intern(c->vm, k->name.s, (size_t)k->name.len));
                gen_expr(c, k->value);
                emit(c, OP_BUILD_MAP, 1);
                emit(c, OP_DICT_MERGE, 1);
            } else {
                gen_expr(c, k->value);
                emit(c, OP_DICT_MERGE, 1);
            }
        }
        emit(c, OP_CALL_FUNCTION_EX, 1);
    } else
        emit(c, OP_CALL_FUNCTION_EX, 0);
}

static void gen_call(Compiler *c, const gs_Node *e)
{
    check_caller(c, e);
    const gs_Node *f = e->u.call.func;
    bool star_args = has_starred(&e->u.call.args);
    for (int i = 0; i < e->u.call.nkeywords; i++)
        if (!e->u.call.keywords[i].name.s)
            star_args = true;
    /* maybe_optimize_method_call: no LOAD_METHOD when there are *args or
     * **kwargs (CALL_FUNCTION_EX takes the bound method) */
    if (f->kind == GS_E_ATTRIBUTE && !star_args) {
        gen_expr(c, f->u.attribute.value);
        set_attr_line(c, f);
        emit(c, OP_LOAD_METHOD, add_mangled_name(c, f->u.attribute.attr.s, f->u.attribute.attr.len));
        set_line(c, e);
        gen_call_args(c, e, 0);
        return;
    }
    if (f->kind == GS_E_NAME && gen_name_push_null(c, f)) {
        gen_call_args(c, e, 0);
        return;
    }
    emit(c, OP_PUSH_NULL, 0);
    gen_expr(c, f);
    gen_call_args(c, e, 0);
}

static void gen_function(Compiler *c, const gs_Node *fn);
static void gen_comprehension(Compiler *c, const gs_Node *e);

static void gen_expr(Compiler *c, const gs_Node *e)
{
    if (c->failed || !e)
        return;
    Loc saved = loc_save(c);
    set_line(c, e);
    switch (e->kind) {
    case GS_E_NAME: gen_name(c, e->u.name.s, e->u.name.len, NO_LOAD, e->line, e->col); break;
    case GS_E_CONST: load_const_obj(c, const_value(c, e)); break;
    case GS_E_JOINEDSTR: {
        int n = 0;
        for (int i = 0; i < e->u.seq.items.count; i++) {
            const gs_Node *p = e->u.seq.items.items[i];
            if (p->kind == GS_E_CONST && p->u.constant.len == 0)
                continue;
            gen_expr(c, p);
            n++;
        }
        if (n == 0)
            load_const_obj(c, gs_str_new(c->vm, "", 0));
        else if (n > 1 || e->u.seq.items.items[0]->kind != GS_E_FORMATTED)
            emit(c, OP_BUILD_STRING, n);
        break;
    }
    case GS_E_FORMATTED: {
        gen_expr(c, e->u.formatted.value);
        int flags = 0;
        switch (e->u.formatted.conversion) {
        case 's': flags = GS_FV_STR; break;
        case 'r': flags = GS_FV_REPR; break;
        case 'a': flags = GS_FV_ASCII; break;
        default: break;
        }
        if (e->u.formatted.format_spec) {
            gen_expr(c, e->u.formatted.format_spec);
            flags |= GS_FV_SPEC;
        }
        emit(c, OP_FORMAT_VALUE, flags);
        break;
    }
    case GS_E_BINOP:
        if (foldable(c, e)) {
            load_folded(c, e);
            break;
        }
        gen_expr(c, e->u.binop.left);
        gen_expr(c, e->u.binop.right);
        set_line(c, e);
        emit(c, OP_BINARY_OP, binop_codes[e->u.binop.op]);
        break;
    case GS_E_UNARYOP:
        if (foldable(c, e)) {
            load_folded(c, e);
            break;
        }
        gen_expr(c, e->u.unary.operand);
        switch (e->u.unary.op) {
        case GS_UOP_NEG: emit(c, OP_UNARY_NEGATIVE, 0); break;
        case GS_UOP_POS: emit(c, OP_UNARY_POSITIVE, 0); break;
        case GS_UOP_NOT: emit(c, OP_UNARY_NOT, 0); break;
        case GS_UOP_INVERT: emit(c, OP_UNARY_INVERT, 0); break;
        }
        break;
    case GS_E_BOOLOP: {
        int end = new_label(c);
        int n = e->u.boolop.values.count;
        for (int i = 0; i < n; i++) {
            gen_expr(c, e->u.boolop.values.items[i]);
            if (i < n - 1)
                emit_jump(c, e->u.boolop.op == GS_BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        place_label(c, end);
        break;
    }
    case GS_E_COMPARE: gen_compare(c, e); break;
    case GS_E_CALL: gen_call(c, e); break;
    case GS_E_ATTRIBUTE:
        gen_expr(c, e->u.attribute.value);
        set_attr_line(c, e);
        emit(c, OP_LOAD_ATTR, add_mangled_name(c, e->u.attribute.attr.s, e->u.attribute.attr.len));
        break;
    case GS_E_SUBSCRIPT:
        check_subscript(c, e);
        gen_expr(c, e->u.subscript.value);
        gen_expr(c, e->u.subscript.index);
        set_line(c, e);
        emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case GS_E_SLICE: {
        const gs_Node *parts[3] = { e->u.slice.lower, e->u.slice.upper, e->u.slice.step };
        int n = e->u.slice.step ? 3 : 2;
        for (int i = 0; i < n; i++) {
            if (parts[i])
                gen_expr(c, parts[i]);
            else
                load_const_obj(c, gs_newref(c->vm, c->vm->none));
        }
        emit(c, OP_BUILD_SLICE, n);
        break;
    }
    case GS_E_LIST: gen_sequence(c, e, GS_E_LIST); break;
    case GS_E_TUPLE: gen_sequence(c, e, GS_E_TUPLE); break;
    case GS_E_SET: gen_sequence(c, e, GS_E_SET); break;
    case GS_E_DICT: gen_dict(c, e); break;
    case GS_E_IFEXP: {
        int orelse = new_label(c), end = new_label(c);
        gen_expr(c, e->u.ifexp.test);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, orelse);
        gen_expr(c, e->u.ifexp.body);
        emit_jump(c, OP_JUMP, end);
        place_label(c, orelse);
        gen_expr(c, e->u.ifexp.orelse);
        place_label(c, end);
        break;
    }
    case GS_E_LAMBDA: gen_function(c, e); break;
    case GS_E_LISTCOMP: case GS_E_SETCOMP: case GS_E_DICTCOMP: case GS_E_GENEXP:
        gen_comprehension(c, e);
        break;
    case GS_E_YIELD:
        if (e->u.yield.value)
            gen_expr(c, e->u.yield.value);
        else
            load_const_obj(c, gs_newref(c->vm, c->vm->none));
        emit(c, OP_YIELD_VALUE, 0);
        break;
    case GS_E_YIELDFROM: {
        gen_expr(c, e->u.yield.value);
        emit(c, OP_GET_YIELD_FROM_ITER, 0);
        load_const_obj(c, gs_newref(c->vm, c->vm->none));
        int loop = new_label(c), exit = new_label(c);
        place_label(c, loop);
        emit_jump(c, OP_SEND, exit);
        emit(c, OP_YIELD_VALUE, 1);
        emit_jump(c, OP_JUMP, loop);
        place_label(c, exit);
        break;
    }
    case GS_E_STARRED:
        compile_error(c, e->line, e->col + 1, "can't use starred expression here");
        break;
    case GS_E_NAMEDEXPR:
        gen_expr(c, e->u.namedexpr.value);
        emit(c, OP_COPY, 1);
        gen_store(c, e->u.namedexpr.target);
        break;
    default:
        compile_error(c, e->line, e->col + 1, "invalid syntax");
        break;
    }
    loc_restore(c, saved);
}

/* ------------------------------------------------------------------ assignment */

static void gen_unpack(Compiler *c, const gs_NodeList *items, int line, int col)
{
    int star = -1;
    for (int i = 0; i < items->count; i++)
        if (items->items[i]->kind == GS_E_STARRED) {
            if (star >= 0) {
                compile_error(c, line, col + 1, "multiple starred expressions in assignment");
                return;
            }
            star = i;
        }
    if (star < 0)
        emit(c, OP_UNPACK_SEQUENCE, items->count);
    else
        emit(c, OP_UNPACK_EX, star | ((items->count - star - 1) << 8));
    for (int i = 0; i < items->count; i++) {
        const gs_Node *t = items->items[i];
        gen_store(c, t->kind == GS_E_STARRED ? t->u.starred.value : t);
    }
}

static void gen_store(Compiler *c, const gs_Node *t)
{
    if (c->failed)
        return;
    switch (t->kind) {
    case GS_E_NAME: gen_name(c, t->u.name.s, t->u.name.len, NO_STORE, t->line, t->col); return;
    case GS_E_ATTRIBUTE: {
        gen_expr(c, t->u.attribute.value);
        Loc saved = loc_save(c);
        set_attr_line(c, t);
        emit(c, OP_STORE_ATTR, add_mangled_name(c, t->u.attribute.attr.s, t->u.attribute.attr.len));
        loc_restore(c, saved);
        return;
    }
    case GS_E_SUBSCRIPT: {
        gen_expr(c, t->u.subscript.value);
        gen_expr(c, t->u.subscript.index);
        Loc saved = loc_save(c);
        set_line(c, t);
        emit(c, OP_STORE_SUBSCR, 0);
        loc_restore(c, saved);
        return;
    }
    case GS_E_TUPLE:
    case GS_E_LIST:
        gen_unpack(c, &t->u.seq.items, t->line, t->col);
        return;
    default:
        compile_error(c, t->line, t->col + 1, "cannot assign to expression");
        return;
    }
}

static void gen_delete(Compiler *c, const gs_Node *t)
{
    switch (t->kind) {
    case GS_E_NAME: {
        Loc saved = loc_save(c);
        set_line(c, t);
        gen_name(c, t->u.name.s, t->u.name.len, NO_DELETE, t->line, t->col);
        loc_restore(c, saved);
        return;
    }
    case GS_E_ATTRIBUTE: {
        gen_expr(c, t->u.attribute.value);
        Loc saved = loc_save(c);
        set_attr_line(c, t);
        emit(c, OP_DELETE_ATTR, add_mangled_name(c, t->u.attribute.attr.s, t->u.attribute.attr.len));
        loc_restore(c, saved);
        return;
    }
    case GS_E_SUBSCRIPT: {
        gen_expr(c, t->u.subscript.value);
        gen_expr(c, t->u.subscript.index);
        Loc saved = loc_save(c);
        set_line(c, t);
        emit(c, OP_DELETE_SUBSCR, 0);
        loc_restore(c, saved);
        return;
    }
    case GS_E_TUPLE:
    case GS_E_LIST:
        for (int i = 0; i < t->u.seq.items.count; i++)
            gen_delete(c, t->u.seq.items.items[i]);
        return;
    default:
        compile_error(c, t->line, t->col + 1, "cannot delete expression");
        return;
    }
}

/* The target is loaded and stored at its own place, the operation at the
 * statement's (compiler_augassign): what a traceback's carets mark. */
static void gen_augassign(Compiler *c, const gs_Node *st)
{
    const gs_Node *t = st->u.augassign.target;
    int op = binop_codes[st->u.augassign.op] | 0x80; /* high bit: in-place */
    Loc saved = loc_save(c);
    switch (t->kind) {
    case GS_E_NAME:
        set_line(c, t);
        gen_name(c, t->u.name.s, t->u.name.len, NO_LOAD, t->line, t->col);
        loc_restore(c, saved);
        gen_expr(c, st->u.augassign.value);
        emit(c, OP_BINARY_OP, op);
        set_line(c, t);
        gen_name(c, t->u.name.s, t->u.name.len, NO_STORE, t->line, t->col);
        break;
    case GS_E_ATTRIBUTE: {
        int ix = add_mangled_name(c, t->u.attribute.attr.s, t->u.attribute.attr.len);
        set_line(c, t);
        gen_expr(c, t->u.attribute.value);
        emit(c, OP_COPY, 1);
        set_attr_line(c, t);
        emit(c, OP_LOAD_ATTR, ix);
        loc_restore(c, saved);
        gen_expr(c, st->u.augassign.value);
        emit(c, OP_BINARY_OP, op);
        set_attr_line(c, t);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_ATTR, ix);
        break;
    }
    case GS_E_SUBSCRIPT:
        set_line(c, t);
        gen_expr(c, t->u.subscript.value);
        gen_expr(c, t->u.subscript.index);
        emit(c, OP_COPY, 2);
        emit(c, OP_COPY, 2);
        emit(c, OP_BINARY_SUBSCR, 0);
        loc_restore(c, saved);
        gen_expr(c, st->u.augassign.value);
        emit(c, OP_BINARY_OP, op);
        set_line(c, t);
        emit(c, OP_SWAP, 3);
        emit(c, OP_SWAP, 2);
        emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        compile_error(c, t->line, t->col + 1, "'%s' is an illegal expression for augmented assignment",
                      gs_node_kind_name(t->kind));
        return;
    }
    loc_restore(c, saved);
}

/* ------------------------------------------------------------------ blocks and unwinding */

static FBlock *push_fblock(Compiler *c, FBlockKind kind, int start, int exit, const gs_Node *node)
{
    Unit *u = c->u;
    if (u->nfblocks >= 20) {
        compile_error(c, u->cur_line, 0, "too many statically nested blocks");
        return NULL;
    }
    FBlock *b = &u->fblocks[u->nfblocks++];
    b->kind = kind;
    b->start_label = start;
    b->exit_label = exit;
    b->node = node;
    b->handler = NULL;
    return b;
}

static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

/* Emit what leaving block `b` early needs (break, continue, return). If
 * `preserve_tos`, a value (the return value) stays on top of the stack. */
static void unwind_fblock(Compiler *c, FBlock *b, bool preserve_tos)
{
    switch (b->kind) {
    case FB_WHILE:
        return;
    case FB_FINALLY_END:
        /* leaving a finally body entered by an exception: [prev, exc] */
        emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos) {
            emit(c, OP_SWAP, 2);
            emit(c, OP_POP_TOP, 0);
            emit(c, OP_SWAP, 2);
        } else
            emit(c, OP_POP_TOP, 0);
        emit(c, OP_POP_EXCEPT, 0);
        return;
    case FB_FOR:
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        return;
    case FB_TRY_EXCEPT:
        emit(c, OP_POP_BLOCK, 0);
        return;
    case FB_FINALLY_TRY:
        emit(c, OP_POP_BLOCK, 0);
        /* run the finally body inline */
        if (preserve_tos) {
            /* keep the value below while the finally body runs */
        }
        gen_stmts(c, &b->node->u.try_.finalbody);
        return;
    case FB_WITH:
        emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        /* call __exit__(None, None, None) */
        load_const_obj(c, gs_newref(c->vm, c->vm->none));
        load_const_obj(c, gs_newref(c->vm, c->vm->none));
        load_const_obj(c, gs_newref(c->vm, c->vm->none));
        emit(c, OP_CALL, 2);
        emit(c, OP_POP_TOP, 0);
        return;
    case FB_HANDLER:
        emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        return;
    case FB_HANDLER_NAME:
        emit(c, OP_POP_BLOCK, 0);
        emit(c, OP_POP_BLOCK, 0);
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_EXCEPT, 0);
        load_const_obj(c, gs_newref(c->vm, c->vm->none));
        gen_name(c, b->handler->name.s, b->handler->name.len, NO_STORE, 0, 0);
        gen_name(c, b->handler->name.s, b->handler->name.len, NO_DELETE, 0, 0);
        return;
    case FB_EXCEPT_STAR: /* gen_return / gen_break_continue refuse to leave one */
        return;
    case FB_POP_VALUE:
        if (preserve_tos)
            emit(c, OP_SWAP, 2);
        emit(c, OP_POP_TOP, 0);
        return;
    }
}

/* ------------------------------------------------------------------ statements */

static void gen_if(Compiler *c, const gs_Node *st)
{
    int orelse = new_label(c), end = new_label(c);
    gen_expr(c, st->u.if_.test);
    emit_jump(c, OP_POP_JUMP_IF_FALSE, orelse);
    gen_stmts(c, &st->u.if_.body);
    if (st->u.if_.orelse.count) {
        emit_jump(c, OP_JUMP, end);
        place_label(c, orelse);
        gen_stmts(c, &st->u.if_.orelse);
    } else
        place_label(c, orelse);
    place_label(c, end);
}

/* 1 for a constant that is true, 0 for one that is false, -1 for anything
 * else (read off the tree: no object is made). */
static int const_truth(const gs_Node *e)
{
    if (e->kind != GS_E_CONST)
        return -1;
    switch (e->u.constant.kind) {
    case GS_C_TRUE: case GS_C_ELLIPSIS: return 1;
    case GS_C_FALSE: case GS_C_NONE: return 0;
    case GS_C_INT: return e->u.constant.big || e->u.constant.int_value != 0;
    case GS_C_FLOAT: case GS_C_COMPLEX: return e->u.constant.float_value != 0.0;
    case GS_C_STR: case GS_C_BYTES: return e->u.constant.len > 0;
    }
    return -1;
}

static void gen_while(Compiler *c, const gs_Node *st)
{
    int loop = new_label(c), orelse = new_label(c), end = new_label(c);
    place_label(c, loop);
    set_line(c, st);
    gen_expr(c, st->u.while_.test);
    emit_jump(c, OP_POP_JUMP_IF_FALSE, orelse);
    if (!push_fblock(c, FB_WHILE, loop, end, st))
        return;
    gen_stmts(c, &st->u.while_.body);
    pop_fblock(c);
    set_line(c, st);
    /* CPython tests the condition again at the bottom and jumps back with
     * POP_JUMP_BACKWARD_IF_TRUE, which does not warm the code up; only a
     * constant-true loop ends in a JUMP_BACKWARD */
    if (const_truth(st->u.while_.test) > 0)
        emit_jump(c, OP_JUMP, loop);
    else
        emit(c, OP_JUMP, loop);
    place_label(c, orelse);
    gen_stmts(c, &st->u.while_.orelse);
    place_label(c, end);
}

static void gen_for(Compiler *c, const gs_Node *st)
{
    int loop = new_label(c), cleanup = new_label(c), end = new_label(c);
    gen_iter_operand(c, st->u.for_.iter);
    set_line(c, st);
    emit(c, OP_GET_ITER, 0);
    place_label(c, loop);
    set_line(c, st);
    emit_jump(c, OP_FOR_ITER, cleanup);
    if (!push_fblock(c, FB_FOR, loop, end, st))
        return;
    gen_store(c, st->u.for_.target);
    gen_stmts(c, &st->u.for_.body);
    pop_fblock(c);
    set_line(c, st);
    emit_jump(c, OP_JUMP, loop);
    place_label(c, cleanup);
    gen_stmts(c, &st->u.for_.orelse);
    place_label(c, end);
}

/* CPython's compiler_unwind_fblock refuses to leave an except* handler */
static bool leaves_except_star(Compiler *c, int down_to)
{
    for (int i = c->u->nfblocks - 1; i >= down_to; i--)
        if (c->u->fblocks[i].kind == FB_EXCEPT_STAR)
            return true;
    return false;
}

static void gen_return(Compiler *c, const gs_Node *st)
{
    Unit *u = c->u;
    if (u->scope->kind != SC_FUNCTION && u->scope->kind != SC_COMPREHENSION) {
        compile_error(c, st->line, st->col + 1, "'return' outside function");
        return;
    }
    bool preserve = st->u.ret.value != NULL;
    if (st->u.ret.value)
        gen_expr(c, st->u.ret.value);
    if (leaves_except_star(c, 0)) {
        const gs_Node *at = st->u.ret.value ? st->u.ret.value : st;
        compile_error(c, at->line, at->col + 1, "'break', 'continue' and 'return' cannot appear in an except* block");
        return;
    }
    for (int i = u->nfblocks - 1; i >= 0; i--) {
        FBlock saved = u->fblocks[i];
        int n = u->nfblocks;
        u->nfblocks = i; /* code emitted while unwinding sees only outer blocks */
        unwind_fblock(c, &saved, preserve);
        u->nfblocks = n;
    }
    if (!st->u.ret.value)
        load_const_obj(c, gs_newref(c->vm, c->vm->none));
    emit(c, OP_RETURN_VALUE, 0);
}

static void gen_break_continue(Compiler *c, const gs_Node *st, bool is_break)
{
    Unit *u = c->u;
    int i;
    for (i = u->nfblocks - 1; i >= 0; i--)
        if (u->fblocks[i].kind == FB_WHILE || u->fblocks[i].kind == FB_FOR)
            break;
    if (leaves_except_star(c, i < 0 ? 0 : i + 1)) {
        compile_error(c, st->line, st->col + 1, "'break', 'continue' and 'return' cannot appear in an except* block");
        return;
    }
    if (i < 0) {
        compile_error(c, st->line, st->col + 1, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    for (int j = u->nfblocks - 1; j > i; j--) {
        FBlock saved = u->fblocks[j];
        int n = u->nfblocks;
        u->nfblocks = j;
        unwind_fblock(c, &saved, false);
        u->nfblocks = n;
    }
    if (is_break) {
        FBlock loopb = u->fblocks[i];
        unwind_fblock(c, &loopb, false);
        emit_jump(c, OP_JUMP, loopb.exit_label);
    } else
        emit_jump(c, OP_JUMP, u->fblocks[i].start_label);
}

/* Outermost first: enclosing function names get ".<locals>" (CPython).
 * Recursion as deep as the scopes, which the compiler already recursed. */
static void qualname_add(gs_Buf *b, Scope *p, bool innermost)
{
    if (!p || p->kind == SC_MODULE)
        return;
    qualname_add(b, p->parent, false);
    if (b->len)
        gs_buf_addc(b, '.');
    gs_buf_add(b, p->name, (size_t)p->name_len);
    if (!innermost && p->kind == SC_FUNCTION) /* not after <listcomp>: CPython's compiler_set_qualname */
        gs_buf_adds(b, ".<locals>");
}

static gs_Object *qualname_for(Compiler *c, Scope *s)
{
    /* no fixed buffer: 90 nested functions, or one with a 100,000-character
     * name, have qualnames longer than any buffer would be */
    gs_Buf b;
    gs_buf_init(&b);
    qualname_add(&b, s, true);
    gs_Object *r = gs_str_intern(c->vm, b.data && !b.oom ? b.data : "", b.oom ? 0 : b.len);
    gs_buf_free(&b);
    return r;
}

/* The decorators go on the stack with no NULL before them, as CPython 3.11
 * compiles them: each CALL 0 then finds [decorator, function] in the
 * method layout and calls decorator(function), the innermost first, and
 * the next CALL 0 finds the one below beside the result. */
static void gen_decorators_then(Compiler *c, const gs_NodeList *decos)
{
    for (int i = 0; i < decos->count; i++)
        gen_expr(c, decos->items[i]);
}

static void apply_decorators(Compiler *c, const gs_NodeList *decos)
{
    Loc saved = loc_save(c);
    for (int i = decos->count - 1; i >= 0; i--) {
        set_line(c, decos->items[i]);
        emit(c, OP_CALL, 0);
    }
    loc_restore(c, saved);
}

static void gen_closure(Compiler *c, gs_Code *code, Scope *fs)
{
    /* a tuple of the cells the inner code's free variables refer to */
    GS_UNUSED(fs);
    Unit *u = c->u;
    for (int i = 0; i < code->nfrees; i++) {
        gs_Str *name = code->localnames[code->nlocals + code->ncells + i];
        int ix = find_in(u->cellnames, u->ncells, name->data, name->len);
        if (ix >= 0)
            emit(c, OP_LOAD_CLOSURE, (1 << 23) | ix);
        else {
            ix = find_in(u->freenames, u->nfrees, name->data, name->len);
            if (ix < 0) {
                compile_error(c, u->cur_line, 0, "internal error: free variable '%s' not found", name->data);
                return;
            }
            emit(c, OP_LOAD_CLOSURE, (1 << 22) | ix);
        }
    }
    emit(c, OP_BUILD_TUPLE, code->nfrees);
}

static gs_Object *annotation_text(Compiler *c, const gs_Node *a);

/* name, annotation: a value, or its text under `from __future__ import annotations` */
static void gen_annotation(Compiler *c, const char *name, int len, const gs_Node *a)
{
    gs_VM *vm = c->vm;
    load_const_obj(c, gs_str_intern(vm, name, (size_t)len));
    gs_Object *text = c->future_annotations ? annotation_text(c, a) : NULL;
    if (text)
        load_const_obj(c, text);
    else
        gen_expr(c, a);
}

/* compiler_visit_annotations: the tuple (name, annotation, ...) of the
 * parameters that have one -- those after the positional-only ones first,
 * then those, *args, the keyword-only ones, **kwargs -- and 'return';
 * whether there was any */
static bool gen_annotations(Compiler *c, const gs_Node *fn)
{
    if (fn->u.func.is_lambda)
        return false;
    gs_VM *vm = c->vm;
    int n = 0, np = fn->u.func.nparams, npo = fn->u.func.nposonly;
    const gs_Param *ps = fn->u.func.params;
    const gs_Node *ann[2 * 256 + 1];
    const gs_Ident *names[2 * 256 + 1];
    static const gs_Ident ret = { "return", 6 };
    for (int pass = 0; pass < 5; pass++)
        for (int i = 0; i < np && n < 512; i++) {
            const gs_Param *p = &ps[i];
            bool take = pass == 0 ? p->kind == GS_PARAM_POSITIONAL && i >= npo
                      : pass == 1 ? p->kind == GS_PARAM_POSITIONAL && i < npo
                      : pass == 2 ? p->kind == GS_PARAM_VARARGS
                      : pass == 3 ? p->kind == GS_PARAM_KWONLY : p->kind == GS_PARAM_VARKW;
            if (take && p->annotation) {
                names[n] = &p->name;
                ann[n++] = p->annotation;
            }
        }
    if (fn->u.func.returns) {
        names[n] = &ret;
        ann[n++] = fn->u.func.returns;
    }
    if (n == 0)
        return false;
    /* as text they are all constants: the optimizer folds the tuple */
    gs_Object *t = c->future_annotations ? gs_tuple_new(vm, 2 * n) : NULL;
    for (int i = 0; t && i < n; i++) {
        gs_Object *text = annotation_text(c, ann[i]);
        if (!text) {
            gs_decref(vm, t);
            t = NULL;
            break;
        }
        gs_tuple_init(vm, t, 2 * i, gs_str_intern(vm, names[i]->s, (size_t)names[i]->len));
        gs_tuple_init(vm, t, 2 * i + 1, text);
    }
    if (t) {
        load_const_obj(c, t);
        return true;
    }
    for (int i = 0; i < n; i++)
        gen_annotation(c, names[i]->s, names[i]->len, ann[i]);
    emit(c, OP_BUILD_TUPLE, 2 * n);
    return true;
}

static void gen_function(Compiler *c, const gs_Node *fn)
{
    gs_VM *vm = c->vm;
    Scope *fs = scope_of(c, fn);
    if (!fs) {
        c->failed = true;
        return;
    }
    if (!fn->u.func.is_lambda)
        gen_decorators_then(c, &fn->u.func.decorators);
    int flags = 0;
    /* defaults: a tuple of the positional defaults, a dict of keyword-only ones */
    int ndef = 0, nkwdef = 0;
    for (int i = 0; i < fn->u.func.nparams; i++) {
        const gs_Param *p = &fn->u.func.params[i];
        if (p->default_value && p->kind == GS_PARAM_POSITIONAL) {
            gen_expr(c, p->default_value);
            ndef++;
        }
    }
    if (ndef) {
        emit(c, OP_BUILD_TUPLE, ndef);
        flags |= GS_MF_DEFAULTS;
    }
    for (int i = 0; i < fn->u.func.nparams; i++) {
        const gs_Param *p = &fn->u.func.params[i];
        if (p->default_value && p->kind == GS_PARAM_KWONLY) {
            load_const_obj(c, gs_str_intern(vm, p->name.s, (size_t)p->name.len));
            gen_expr(c, p->default_value);
            nkwdef++;
        }
    }
    if (nkwdef) {
        emit(c, OP_BUILD_MAP, nkwdef);
        flags |= GS_MF_KWDEFAULTS;
    }
    if (gen_annotations(c, fn))
        flags |= GS_MF_ANNOTATIONS;
    gs_Code *code = gen_function_code(c, fn, fs);
    if (!code)
        return;
    if (code->nfrees) {
        gen_closure(c, code, fs);
        flags |= GS_MF_CLOSURE;
    }
    load_const_obj(c, &code->ob);
    emit(c, OP_MAKE_FUNCTION, flags);
    if (!fn->u.func.is_lambda) {
        apply_decorators(c, &fn->u.func.decorators);
        gen_name(c, fn->u.func.name.s, fn->u.func.name.len, NO_STORE, fn->line, fn->col);
    }
}

static gs_Code *assemble(Compiler *c, Unit *u);
static void unit_enter(Compiler *c, Unit *u, Scope *s, int firstline);
static void unit_leave(Compiler *c, Unit *u);

/* Under `from __future__ import annotations` a class's annotation is
 * kept as its source text (CPython unparses the expression; for an
 * annotation written on one line the way unparse writes it the text is
 * the same), or NULL to evaluate it (the text is not the program's). */
static gs_Object *annotation_text(Compiler *c, const gs_Node *a)
{
    gs_VM *vm = c->vm;
    if (!vm->source || !vm->filename || !c->filename || strcmp(c->filename, vm->filename) != 0 ||
        a->line != a->end_line || a->end_col <= a->col)
        return NULL;
    const char *p = vm->source, *end = vm->source + vm->source_len;
    for (int line = 1; line < a->line && p < end; p++)
        if (*p == '\n')
            line++;
    if ((size_t)(end - p) < (size_t)a->end_col)
        return NULL;
    return gs_str_new(vm, p + a->col, (size_t)(a->end_col - a->col));
}

/* Whether a class body annotates a plain name (`x: int`), at its top or
 * inside its if/for/while/with/try blocks (CPython's find_ann): then the
 * body starts with SETUP_ANNOTATIONS. */
static bool has_simple_annotation(const gs_NodeList *body)
{
    for (int i = 0; i < body->count; i++) {
        const gs_Node *st = body->items[i];
        bool found = false;
        switch (st->kind) {
        case GS_S_ANNASSIGN: found = st->u.annassign.target->kind == GS_E_NAME; break;
        case GS_S_IF: found = has_simple_annotation(&st->u.if_.body) || has_simple_annotation(&st->u.if_.orelse); break;
        case GS_S_WHILE:
            found = has_simple_annotation(&st->u.while_.body) || has_simple_annotation(&st->u.while_.orelse);
            break;
        case GS_S_FOR: found = has_simple_annotation(&st->u.for_.body) || has_simple_annotation(&st->u.for_.orelse); break;
        case GS_S_WITH: found = has_simple_annotation(&st->u.with.body); break;
        case GS_S_MATCH:
            for (int k = 0; !found && k < st->u.match.ncases; k++)
                found = has_simple_annotation(&st->u.match.cases[k].body);
            break;
        case GS_S_TRY:
            found = has_simple_annotation(&st->u.try_.body) || has_simple_annotation(&st->u.try_.orelse) ||
                    has_simple_annotation(&st->u.try_.finalbody);
            for (int h = 0; !found && h < st->u.try_.nhandlers; h++)
                found = has_simple_annotation(&st->u.try_.handlers[h].body);
            break;
        default: break;
        }
        if (found)
            return true;
    }
    return false;
}

static void gen_class(Compiler *c, const gs_Node *st)
{
    gs_VM *vm = c->vm;
    Scope *cs = scope_of(c, st);
    if (!cs) {
        c->failed = true;
        return;
    }
    gen_decorators_then(c, &st->u.classdef.decorators);
    emit(c, OP_PUSH_NULL, 0);
    emit(c, OP_LOAD_BUILD_CLASS, 0);
    /* the class body is compiled as a function run with a fresh namespace */
    Unit cu;
    unit_enter(c, &cu, cs, st->line);
    cu.name = (gs_Str *)gs_str_intern(vm, st->u.classdef.name.s, (size_t)st->u.classdef.name.len);
    cu.private_name = st->u.classdef.name.s;
    cu.private_len = st->u.classdef.name.len;
    cu.qualname = (gs_Str *)qualname_for(c, cs);
    set_line_only(c, st->line);
    gen_name(c, "__name__", 8, NO_LOAD, st->line, st->col);
    gen_name(c, "__module__", 10, NO_STORE, st->line, st->col);
    load_const_obj(c, gs_newref(vm, &cu.qualname->ob));
    gen_name(c, "__qualname__", 12, NO_STORE, st->line, st->col);
    const gs_NodeList *body = &st->u.classdef.body;
    if (has_simple_annotation(body))
        emit(c, OP_SETUP_ANNOTATIONS, 0); /* the namespace gets its __annotations__ dict (dataclasses read it) */
    if (body->count && body->items[0]->kind == GS_S_EXPR && body->items[0]->u.expr.value->kind == GS_E_CONST &&
        body->items[0]->u.expr.value->u.constant.kind == GS_C_STR) {
        /* a docstring: __doc__ in the namespace */
        load_const_obj(c, const_value(c, body->items[0]->u.expr.value));
        gen_name(c, "__doc__", 7, NO_STORE, st->line, st->col);
        gs_NodeList rest = *body;
        rest.items++;
        rest.count--;
        gen_stmts(c, &rest);
    } else
        gen_stmts(c, body);
    if (cs->needs_class_cell) {
        /* return the __class__ cell, also stored as __classcell__ for type.__new__ */
        emit(c, OP_LOAD_CLOSURE, (1 << 23) | 0);
        emit(c, OP_COPY, 1);
        gen_name(c, "__classcell__", 13, NO_STORE, st->line, st->col);
    } else
        load_const_obj(c, gs_newref(vm, vm->none));
    emit(c, OP_RETURN_VALUE, 0);
    gs_Code *code = assemble(c, &cu);
    unit_leave(c, &cu);
    if (!code)
        return;
    int flags = 0;
    if (code->nfrees) {
        gen_closure(c, code, cs);
        flags |= GS_MF_CLOSURE;
    }
    load_const_obj(c, &code->ob);
    emit(c, OP_MAKE_FUNCTION, flags);
    load_const_obj(c, gs_str_intern(vm, st->u.classdef.name.s, (size_t)st->u.classdef.name.len));
    gen_exprs(c, &st->u.classdef.bases);
    check_keywords(c, st->u.classdef.keywords, st->u.classdef.nkeywords);
    int nkw = 0;
    for (int i = 0; i < st->u.classdef.nkeywords; i++)
        if (st->u.classdef.keywords[i].name.s) {
            gen_expr(c, st->u.classdef.keywords[i].value);
            nkw++;
        }
    if (nkw)
        emit(c, OP_KW_NAMES, kwnames_const(c, st->u.classdef.keywords, nkw));
    emit(c, OP_CALL, 2 + st->u.classdef.bases.count + nkw);
    apply_decorators(c, &st->u.classdef.decorators);
    gen_name(c, st->u.classdef.name.s, st->u.classdef.name.len, NO_STORE, st->line, st->col);
}

static void gen_import(Compiler *c, const gs_Node *st)
{
    gs_VM *vm = c->vm;
    for (int i = 0; i < st->u.import.nnames; i++) {
        const gs_Alias *a = &st->u.import.names[i];
        load_const_obj(c, gs_int_new(vm, 0));
        load_const_obj(c, gs_newref(vm, vm->none));
        emit(c, OP_IMPORT_NAME, add_name(c, a->name.s, a->name.len));
        const char *dot = a->asname.s ? memchr(a->name.s, '.', (size_t)a->name.len) : NULL;
        if (dot) {
            /* import a.b.c as d: the package's attributes down to c (as CPython 3.11 compiles it) */
            const char *end = a->name.s + a->name.len;
            for (const char *p = dot + 1;;) {
                const char *q = memchr(p, '.', (size_t)(end - p));
                emit(c, OP_IMPORT_FROM, add_name(c, p, (int)((q ? q : end) - p)));
                if (!q)
                    break;
                emit(c, OP_SWAP, 2);
                emit(c, OP_POP_TOP, 0);
                p = q + 1;
            }
            gen_name(c, a->asname.s, a->asname.len, NO_STORE, a->line, a->col);
            emit(c, OP_POP_TOP, 0);
        } else if (a->asname.s)
            gen_name(c, a->asname.s, a->asname.len, NO_STORE, a->line, a->col);
        else {
            const char *dot = memchr(a->name.s, '.', (size_t)a->name.len);
            int len = dot ? (int)(dot - a->name.s) : a->name.len;
            gen_name(c, a->name.s, len, NO_STORE, a->line, a->col);
        }
    }
}

static bool is_future_import(const gs_Node *st)
{
    return st->kind == GS_S_IMPORTFROM && st->u.import.level == 0 && st->u.import.module.len == 10 &&
           memcmp(st->u.import.module.s, "__future__", 10) == 0;
}

/* CPython's future_parse (Python/future.c): the `from __future__ import`
 * statements at the start of the file (after a docstring) name features
 * it knows; "braces" has its own answer.  Runs before the symbol table,
 * as in CPython.  The statements Python 3 made the default change nothing
 * here; `annotations` would make annotations strings, and gcscope does not
 * evaluate annotations at all. */
static void future_parse(Compiler *c, const gs_NodeList *body)
{
    c->future_line = -1;
    int i = 0;
    if (body->count && body->items[0]->kind == GS_S_EXPR && body->items[0]->u.expr.value->kind == GS_E_CONST &&
        body->items[0]->u.expr.value->u.constant.kind == GS_C_STR)
        i++;
    static const char *const known[] = { "nested_scopes", "generators", "division", "absolute_import",
                                         "with_statement", "print_function", "unicode_literals",
                                         "barry_as_FLUFL", "generator_stop", "annotations" };
    bool done = false;
    int prev_line = 0;
    for (; i < body->count; i++) {
        const gs_Node *st = body->items[i];
        if (done && st->line > prev_line)
            return;
        prev_line = st->line;
        if (!is_future_import(st)) {
            done = true;
            continue;
        }
        if (done) {
            compile_error(c, st->line, st->col, "from __future__ imports must occur at the beginning of the file");
            return;
        }
        for (int k = 0; k < st->u.import.nnames; k++) {
            const gs_Ident *name = &st->u.import.names[k].name;
            bool ok = false;
            for (int j = 0; j < GS_COUNTOF(known); j++)
                if ((int)strlen(known[j]) == name->len && memcmp(known[j], name->s, (size_t)name->len) == 0)
                    ok = true;
            if (ok) {
                if (name->len == 11 && memcmp(name->s, "annotations", 11) == 0)
                    c->future_annotations = true;
                continue;
            }
            if (name->len == 6 && memcmp(name->s, "braces", 6) == 0)
                compile_error(c, st->line, st->col + 1, "not a chance");
            else
                compile_error(c, st->line, st->col + 1, "future feature %.*s is not defined", name->len, name->s);
            return;
        }
        c->future_line = st->line;
    }
}

static void gen_importfrom(Compiler *c, const gs_Node *st)
{
    gs_VM *vm = c->vm;
    if (is_future_import(st) && st->line > c->future_line) {
        compile_error(c, st->line, st->col + 1, "from __future__ imports must occur at the beginning of the file");
        return;
    }
    if (st->u.import.level > 0) {
        compile_error(c, st->line, st->col + 1, "attempted relative import with no known parent package");
        return;
    }
    load_const_obj(c, gs_int_new(vm, 0));
    int n = st->u.import.nnames;
    gs_Object *names = gs_tuple_new(vm, n);
    if (!names) {
        c->failed = true;
        return;
    }
    for (int i = 0; i < n; i++)
        gs_tuple_init(vm, names, i, gs_str_intern(vm, st->u.import.names[i].name.s,
                                                   (size_t)st->u.import.names[i].name.len));
    load_const_obj(c, names);
    emit(c, OP_IMPORT_NAME, add_name(c, st->u.import.module.s, st->u.import.module.len));
    for (int i = 0; i < n; i++) {
        const gs_Alias *a = &st->u.import.names[i];
        if (a->name.len == 1 && a->name.s[0] == '*') {
            emit(c, OP_IMPORT_FROM, (1 << 23));
            continue;
        }
        emit(c, OP_IMPORT_FROM, add_name(c, a->name.s, a->name.len));
        if (a->asname.s)
            gen_name(c, a->asname.s, a->asname.len, NO_STORE, a->line, a->col);
        else
            gen_name(c, a->name.s, a->name.len, NO_STORE, a->line, a->col);
    }
    emit(c, OP_POP_TOP, 0);
}

/*
 * try/except/else/finally, with a run-time block stack:
 *   SETUP_FINALLY h   pushes a handler (target h, current stack depth);
 *   POP_BLOCK         pops it.
 * When an exception is raised inside, the VM trims the stack to the saved
 * depth, pushes the exception and jumps to h.
 */
static void gen_try_except(Compiler *c, const gs_Node *st)
{
    gs_VM *vm = c->vm;
    int handler = new_label(c), orelse = new_label(c), end = new_label(c), cleanup = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, handler);
    if (!push_fblock(c, FB_TRY_EXCEPT, -1, -1, st))
        return;
    gen_stmts(c, &st->u.try_.body);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    emit_jump(c, OP_JUMP, orelse);

    /* stack here: [exc] */
    place_label(c, handler);
    emit(c, OP_PUSH_EXC_INFO, 0);             /* [prev, exc]; exc becomes the one being handled */
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);  /* errors in a handler restore `prev`: depth [prev] */
    for (int i = 0; i < st->u.try_.nhandlers; i++) {
        const gs_ExceptHandler *h = &st->u.try_.handlers[i];
        set_line_only(c, h->line);
        if (!h->type && i != st->u.try_.nhandlers - 1) {
            compile_error(c, h->line, h->col + 1, "default 'except:' must be last");
            return;
        }
        int next = new_label(c);
        if (h->type) {
            gen_expr(c, h->type);
            emit(c, OP_CHECK_EXC_MATCH, 0);   /* [prev, exc, bool] */
            emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->name.s) {
            gen_name(c, h->name.s, h->name.len, NO_STORE, h->line, h->col); /* [prev] */
            int name_cleanup = new_label(c);
            emit_jump(c, OP_SETUP_FINALLY, name_cleanup);
            FBlock *b = push_fblock(c, FB_HANDLER_NAME, -1, -1, st);
            if (!b)
                return;
            b->handler = h;
            gen_stmts(c, &h->body);
            pop_fblock(c);
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            load_const_obj(c, gs_newref(vm, vm->none));
            gen_name(c, h->name.s, h->name.len, NO_STORE, h->line, h->col);
            gen_name(c, h->name.s, h->name.len, NO_DELETE, h->line, h->col);
            emit_jump(c, OP_JUMP, end);
            /* an exception inside the handler body: [prev, exc2] */
            place_label(c, name_cleanup);
            load_const_obj(c, gs_newref(vm, vm->none));
            gen_name(c, h->name.s, h->name.len, NO_STORE, h->line, h->col);
            gen_name(c, h->name.s, h->name.len, NO_DELETE, h->line, h->col);
            emit(c, OP_RERAISE, 0);
        } else {
            emit(c, OP_POP_TOP, 0);           /* [prev] */
            FBlock *b = push_fblock(c, FB_HANDLER, -1, -1, st);
            if (!b)
                return;
            gen_stmts(c, &h->body);
            pop_fblock(c);
            emit(c, OP_POP_BLOCK, 0);
            emit(c, OP_POP_EXCEPT, 0);
            emit_jump(c, OP_JUMP, end);
        }
        place_label(c, next);
    }
    /* nothing matched: re-raise; the cleanup handler restores prev */
    emit(c, OP_RERAISE, 0);
    place_label(c, cleanup);                  /* [prev, exc] */
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);                /* restores prev, pops it */
    emit(c, OP_RERAISE, 0);

    place_label(c, orelse);
    gen_stmts(c, &st->u.try_.orelse);
    place_label(c, end);
}

/*
 * try/except* (CPython's compiler_try_star_except).  Each handler takes
 * from what is left of the exception the part its types match
 * (CHECK_EG_MATCH); what a handler raises is collected in a list, with the
 * unmatched rest last, and PREP_RERAISE_STAR makes of them what leaves
 * the statement (None: nothing).
 */
static void gen_try_star(Compiler *c, const gs_Node *st)
{
    gs_VM *vm = c->vm;
    int handler = new_label(c), orelse = new_label(c), end = new_label(c), cleanup = new_label(c);
    int reraise = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, handler);
    if (!push_fblock(c, FB_TRY_EXCEPT, -1, -1, st))
        return;
    gen_stmts(c, &st->u.try_.body);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    emit_jump(c, OP_JUMP, orelse);

    place_label(c, handler);                  /* [exc] */
    emit(c, OP_PUSH_EXC_INFO, 0);             /* [prev, exc] */
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    emit(c, OP_COPY, 1);                      /* [prev, orig, exc] */
    emit(c, OP_BUILD_LIST, 0);
    emit(c, OP_SWAP, 2);                      /* [prev, orig, raised, exc] */
    for (int i = 0; i < st->u.try_.nhandlers; i++) {
        const gs_ExceptHandler *h = &st->u.try_.handlers[i];
        set_line_only(c, h->line);
        int no_match = new_label(c), next = new_label(c), raised = new_label(c);
        gen_expr(c, h->type);
        emit(c, OP_CHECK_EG_MATCH, 0);        /* [prev, orig, raised, rest, match-or-None] */
        emit(c, OP_COPY, 1);
        load_const_obj(c, gs_newref(vm, vm->none));
        emit(c, OP_IS_OP, 0);
        emit_jump(c, OP_POP_JUMP_IF_TRUE, no_match);
        if (h->name.s)
            gen_name(c, h->name.s, h->name.len, NO_STORE, h->line, h->col);
        else
            emit(c, OP_POP_TOP, 0);           /* [prev, orig, raised, rest] */
        emit_jump(c, OP_SETUP_FINALLY, raised);
        if (!push_fblock(c, FB_EXCEPT_STAR, -1, -1, st))
            return;
        gen_stmts(c, &h->body);
        pop_fblock(c);
        emit(c, OP_POP_BLOCK, 0);
        if (h->name.s) {
            load_const_obj(c, gs_newref(vm, vm->none));
            gen_name(c, h->name.s, h->name.len, NO_STORE, h->line, h->col);
            gen_name(c, h->name.s, h->name.len, NO_DELETE, h->line, h->col);
        }
        emit_jump(c, OP_JUMP, next);
        place_label(c, raised);               /* [prev, orig, raised, rest, exc2] */
        if (h->name.s) {
            load_const_obj(c, gs_newref(vm, vm->none));
            gen_name(c, h->name.s, h->name.len, NO_STORE, h->line, h->col);
            gen_name(c, h->name.s, h->name.len, NO_DELETE, h->line, h->col);
        }
        emit(c, OP_LIST_APPEND, 2);
        emit_jump(c, OP_JUMP, next);
        place_label(c, no_match);             /* [prev, orig, raised, rest, None] */
        emit(c, OP_POP_TOP, 0);
        place_label(c, next);
    }
    emit(c, OP_LIST_APPEND, 1);               /* [prev, orig, raised + [rest]] */
    emit(c, OP_PREP_RERAISE_STAR, 0);         /* [prev, what leaves] */
    emit(c, OP_COPY, 1);
    load_const_obj(c, gs_newref(vm, vm->none));
    emit(c, OP_IS_OP, 1);
    emit_jump(c, OP_POP_JUMP_IF_TRUE, reraise);
    emit(c, OP_POP_TOP, 0);                   /* [prev] */
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit_jump(c, OP_JUMP, end);
    place_label(c, reraise);                  /* [prev, exc] */
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
    place_label(c, cleanup);                  /* [prev, exc] */
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);

    place_label(c, orelse);
    gen_stmts(c, &st->u.try_.orelse);
    place_label(c, end);
}

static void gen_try(Compiler *c, const gs_Node *st)
{
    if (!st->u.try_.finalbody.count) {
        if (st->u.try_.star)
            gen_try_star(c, st);
        else
            gen_try_except(c, st);
        return;
    }
    int handler = new_label(c), end = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, handler);
    if (!push_fblock(c, FB_FINALLY_TRY, -1, -1, st))
        return;
    if (st->u.try_.nhandlers && st->u.try_.star)
        gen_try_star(c, st);
    else if (st->u.try_.nhandlers)
        gen_try_except(c, st);
    else
        gen_stmts(c, &st->u.try_.body);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    gen_stmts(c, &st->u.try_.finalbody);
    emit_jump(c, OP_JUMP, end);
    /* exceptional path: [exc] */
    place_label(c, handler);
    int cleanup = new_label(c);
    emit(c, OP_PUSH_EXC_INFO, 0);            /* [prev, exc] */
    emit_jump(c, OP_SETUP_CLEANUP, cleanup);
    if (!push_fblock(c, FB_FINALLY_END, -1, -1, st))
        return;
    gen_stmts(c, &st->u.try_.finalbody);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
    place_label(c, cleanup);                 /* [prev, exc2] */
    emit(c, OP_SWAP, 2);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
    place_label(c, end);
}

static void gen_with(Compiler *c, const gs_Node *st, int item)
{
    gs_VM *vm = c->vm;
    if (item >= st->u.with.nitems) {
        gen_stmts(c, &st->u.with.body);
        return;
    }
    const gs_WithItem *wi = &st->u.with.items[item];
    int handler = new_label(c), end = new_label(c), suppress = new_label(c);
    gen_expr(c, wi->context);
    set_line(c, st);
    emit(c, OP_BEFORE_WITH, 0);               /* [exit, enter_result] */
    if (wi->target)
        gen_store(c, wi->target);
    else
        emit(c, OP_POP_TOP, 0);
    emit_jump(c, OP_SETUP_FINALLY, handler);  /* handler gets [exit, exc] */
    if (!push_fblock(c, FB_WITH, -1, -1, st))
        return;
    gen_with(c, st, item + 1);
    pop_fblock(c);
    emit(c, OP_POP_BLOCK, 0);
    set_line(c, st);
    load_const_obj(c, gs_newref(vm, vm->none));
    load_const_obj(c, gs_newref(vm, vm->none));
    load_const_obj(c, gs_newref(vm, vm->none));
    emit(c, OP_CALL, 2);                      /* exit(None, None, None) as [exit, None, None, None] */
    emit(c, OP_POP_TOP, 0);
    emit_jump(c, OP_JUMP, end);
    place_label(c, handler);                  /* [exit, exc] */
    emit(c, OP_PUSH_EXC_INFO, 0);             /* [exit, prev, exc] */
    emit(c, OP_WITH_EXCEPT_START, 0);         /* [exit, prev, exc, result] */
    /* CPython's handler has the instruction offset below the exception, and
     * its cleanup handler copies the exception: two slots deeper here */
    cpython_depth(c, c->u->nops - 1, 1, 2);
    emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit(c, OP_SWAP, 2);                      /* [exit, exc, prev] */
    emit(c, OP_POP_EXCEPT, 0);                /* [exit, exc] */
    emit(c, OP_RERAISE, 0);
    place_label(c, suppress);                 /* [exit, prev, exc] */
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_POP_EXCEPT, 0);                /* [exit] */
    emit(c, OP_POP_TOP, 0);
    place_label(c, end);
}

/* ------------------------------------------------------------------ match */

/* A pattern's failure exits: a label that pops `npop` values, then jumps to
 * `target`; emitted after the case (PatCtx.t) */
typedef struct Tramp {
    int label, npop, target;
} Tramp;

typedef struct PatCtx {
    Tramp *t;
    int n, cap;
} PatCtx;

static int fail_pop(Compiler *c, PatCtx *pc, int npop, int target)
{
    if (npop == 0)
        return target;
    if (pc->n == pc->cap) {
        pc->cap = pc->cap ? pc->cap * 2 : 8;
        Tramp *t = realloc(pc->t, (size_t)pc->cap * sizeof *t);
        if (!t) {
            c->failed = true;
            return target;
        }
        pc->t = t;
    }
    int l = new_label(c);
    pc->t[pc->n++] = (Tramp){ l, npop, target };
    return l;
}

static void gen_pattern(Compiler *c, PatCtx *pc, const gs_Node *pt, int fail);

/* n values on the stack, the first on top: each matched by its pattern */
static void gen_subpatterns(Compiler *c, PatCtx *pc, const gs_NodeList *items, int fail)
{
    for (int i = 0; i < items->count; i++)
        gen_pattern(c, pc, items->items[i], fail_pop(c, pc, items->count - 1 - i, fail));
}

/* Match the value on top of the stack against pt, consuming it whether it
 * matches or not (jumping to `fail` when not), binding its names. */
static void gen_pattern(Compiler *c, PatCtx *pc, const gs_Node *pt, int fail)
{
    gs_VM *vm = c->vm;
    if (c->failed)
        return;
    Loc saved = loc_save(c);
    set_line(c, pt);
    switch (pt->kind) {
    case GS_P_CAPTURE:
    case GS_P_STAR:
        if (pt->u.pat.name.s)
            gen_name(c, pt->u.pat.name.s, pt->u.pat.name.len, NO_STORE, pt->line, pt->col);
        else
            emit(c, OP_POP_TOP, 0);
        break;
    case GS_P_VALUE:
    case GS_P_SINGLETON:
        gen_expr(c, pt->u.pat.value);
        if (pt->kind == GS_P_VALUE)
            emit(c, OP_COMPARE_OP, GS_CMP_EQ);
        else
            emit(c, OP_IS_OP, 0);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, fail);
        break;
    case GS_P_AS:
        emit(c, OP_COPY, 1);
        gen_pattern(c, pc, pt->u.pat.pattern, fail_pop(c, pc, 1, fail));
        gen_name(c, pt->u.pat.name.s, pt->u.pat.name.len, NO_STORE, pt->line, pt->col);
        break;
    case GS_P_OR: {
        int end = new_label(c), n = pt->u.pat.items.count;
        for (int i = 0; i < n - 1; i++) {
            int next = new_label(c);
            emit(c, OP_COPY, 1);
            gen_pattern(c, pc, pt->u.pat.items.items[i], next);
            emit(c, OP_POP_TOP, 0);
            emit_jump(c, OP_JUMP, end);
            place_label(c, next);
        }
        gen_pattern(c, pc, pt->u.pat.items.items[n - 1], fail);
        place_label(c, end);
        break;
    }
    case GS_P_SEQUENCE: {
        const gs_NodeList *items = &pt->u.pat.items;
        int n = items->count, star = -1;
        for (int i = 0; i < n; i++)
            if (items->items[i]->kind == GS_P_STAR)
                star = i;
        emit(c, OP_MATCH_SEQUENCE, 0);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, fail_pop(c, pc, 1, fail));
        emit(c, OP_GET_LEN, 0);
        load_const_obj(c, gs_int_new(vm, star < 0 ? n : n - 1));
        emit(c, OP_COMPARE_OP, star < 0 ? GS_CMP_EQ : GS_CMP_GE);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, fail_pop(c, pc, 1, fail));
        if (star < 0)
            emit(c, OP_UNPACK_SEQUENCE, n);
        else
            emit(c, OP_UNPACK_EX, star | ((n - star - 1) << 8));
        gen_subpatterns(c, pc, items, fail);
        break;
    }
    case GS_P_MAPPING: {
        emit(c, OP_MATCH_MAPPING, 0);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, fail_pop(c, pc, 1, fail));
        for (int i = 0; i < pt->u.pat.keys.count; i++) {
            const gs_Node *k = pt->u.pat.keys.items[i];
            gen_expr(c, k);
            emit(c, OP_COPY, 2);
            emit(c, OP_CONTAINS_OP, 0);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, fail_pop(c, pc, 1, fail));
            emit(c, OP_COPY, 1);
            gen_expr(c, k);
            emit(c, OP_BINARY_SUBSCR, 0);
            gen_pattern(c, pc, pt->u.pat.items.items[i], fail_pop(c, pc, 1, fail));
        }
        if (pt->u.pat.name.s) { /* **rest: a dict of the other items */
            emit(c, OP_BUILD_MAP, 0);
            emit(c, OP_COPY, 2);
            emit(c, OP_DICT_UPDATE, 1);
            for (int i = 0; i < pt->u.pat.keys.count; i++) {
                emit(c, OP_COPY, 1);
                gen_expr(c, pt->u.pat.keys.items[i]);
                emit(c, OP_DELETE_SUBSCR, 0);
            }
            gen_name(c, pt->u.pat.name.s, pt->u.pat.name.len, NO_STORE, pt->line, pt->col);
        }
        emit(c, OP_POP_TOP, 0);
        break;
    }
    case GS_P_CLASS: {
        int npos = pt->u.pat.items.count, nkw = pt->u.pat.nkw;
        gen_expr(c, pt->u.pat.value);
        gs_Object *names = gs_tuple_new(vm, nkw);
        for (int i = 0; names && i < nkw; i++)
            gs_tuple_init(vm, names, i, gs_str_intern(vm, pt->u.pat.kwnames[i].s, (size_t)pt->u.pat.kwnames[i].len));
        load_const_obj(c, names);
        emit(c, OP_MATCH_CLASS, npos);
        emit(c, OP_COPY, 1);
        load_const_obj(c, gs_newref(vm, vm->none));
        emit(c, OP_IS_OP, 0);
        emit_jump(c, OP_POP_JUMP_IF_TRUE, fail_pop(c, pc, 1, fail));
        emit(c, OP_UNPACK_SEQUENCE, npos + nkw);
        for (int i = 0; i < npos + nkw; i++)
            gen_pattern(c, pc, i < npos ? pt->u.pat.items.items[i] : pt->u.pat.keys.items[i - npos],
                        fail_pop(c, pc, npos + nkw - 1 - i, fail));
        break;
    }
    default:
        compile_error(c, pt->line, pt->col + 1, "invalid pattern");
        break;
    }
    loc_restore(c, saved);
}

/* match subject: case pattern [if guard]: body ... -- the subject stays on
 * the stack while the cases are tried; each case matches a copy */
static void gen_match(Compiler *c, const gs_Node *st)
{
    set_line(c, st);
    gen_expr(c, st->u.match.subject);
    int end = new_label(c);
    for (int i = 0; i < st->u.match.ncases && !c->failed; i++) {
        const gs_MatchCase *mc = &st->u.match.cases[i];
        PatCtx pc = { NULL, 0, 0 };
        int next = new_label(c);
        set_line(c, mc->pattern);
        emit(c, OP_COPY, 1);
        gen_pattern(c, &pc, mc->pattern, next);
        if (mc->guard) {
            gen_expr(c, mc->guard);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        emit(c, OP_POP_TOP, 0); /* the subject */
        gen_stmts(c, &mc->body);
        emit_jump(c, OP_JUMP, end);
        for (int k = 0; k < pc.n; k++) {
            place_label(c, pc.t[k].label);
            for (int j = 0; j < pc.t[k].npop; j++)
                emit(c, OP_POP_TOP, 0);
            emit_jump(c, OP_JUMP, pc.t[k].target);
        }
        free(pc.t);
        place_label(c, next);
    }
    set_line(c, st);
    emit(c, OP_POP_TOP, 0); /* no case matched */
    place_label(c, end);
}

static void gen_stmt(Compiler *c, const gs_Node *st)
{
    if (c->failed)
        return;
    set_line(c, st);
    switch (st->kind) {
    case GS_S_EXPR:
        gen_expr(c, st->u.expr.value);
        emit(c, OP_POP_TOP, 0);
        break;
    case GS_S_ASSIGN: {
        const gs_Node *val = st->u.assign.value;
        const gs_Node *tgt = st->u.assign.targets.items[0];
        if (st->u.assign.targets.count == 1 && (tgt->kind == GS_E_TUPLE || tgt->kind == GS_E_LIST) &&
            (val->kind == GS_E_TUPLE || val->kind == GS_E_LIST) && tgt->u.seq.items.count == val->u.seq.items.count &&
            (val->u.seq.items.count == 2 || val->u.seq.items.count == 3) && !has_starred(&tgt->u.seq.items) &&
            !has_starred(&val->u.seq.items) && !(val->kind == GS_E_TUPLE && foldable(c, val))) {
            /* CPython 3.11 compiles a, b = x, y without building a tuple:
             * evaluate left to right, reverse with SWAP, store left to right */
            int n = val->u.seq.items.count;
            gen_exprs(c, &val->u.seq.items);
            emit(c, OP_SWAP, n);
            for (int i = 0; i < n; i++)
                gen_store(c, tgt->u.seq.items.items[i]);
            break;
        }
        gen_expr(c, st->u.assign.value);
        int n = st->u.assign.targets.count;
        for (int i = 0; i < n; i++) {
            if (i < n - 1)
                emit(c, OP_COPY, 1);
            gen_store(c, st->u.assign.targets.items[i]);
        }
        break;
    }
    case GS_S_AUGASSIGN: gen_augassign(c, st); break;
    case GS_S_ANNASSIGN:
        if (st->u.annassign.value) {
            gen_expr(c, st->u.annassign.value);
            gen_store(c, st->u.annassign.target);
        }
        if (c->u->scope && (c->u->scope->kind == SC_CLASS || c->u->scope->kind == SC_MODULE) &&
            st->u.annassign.target->kind == GS_E_NAME) {
            /* a class body or a module keeps the annotation: __annotations__[name]
             * = annotation (what dataclasses read); functions do not evaluate them */
            const gs_Node *t = st->u.annassign.target;
            const gs_Node *a = st->u.annassign.annotation;
            gs_Object *text = c->future_annotations ? annotation_text(c, a) : NULL;
            if (text)
                load_const_obj(c, text); /* PEP 563: the annotation's source, not evaluated */
            else
                gen_expr(c, a);
            gen_name(c, "__annotations__", 15, NO_LOAD, st->line, st->col);
            load_const_obj(c, gs_str_intern(c->vm, t->u.name.s, (size_t)t->u.name.len));
            emit(c, OP_STORE_SUBSCR, 0);
        }
        break;
    case GS_S_DELETE:
        for (int i = 0; i < st->u.del_.targets.count; i++)
            gen_delete(c, st->u.del_.targets.items[i]);
        break;
    case GS_S_PASS: emit(c, OP_NOP, 0); break;
    case GS_S_BREAK: gen_break_continue(c, st, true); break;
    case GS_S_CONTINUE: gen_break_continue(c, st, false); break;
    case GS_S_IF: gen_if(c, st); break;
    case GS_S_WHILE: gen_while(c, st); break;
    case GS_S_FOR: gen_for(c, st); break;
    case GS_S_FUNCDEF: gen_function(c, st); break;
    case GS_S_CLASSDEF: gen_class(c, st); break;
    case GS_S_RETURN: gen_return(c, st); break;
    case GS_S_GLOBAL:
    case GS_S_NONLOCAL: emit(c, OP_NOP, 0); break;
    case GS_S_IMPORT: gen_import(c, st); break;
    case GS_S_IMPORTFROM: gen_importfrom(c, st); break;
    case GS_S_TRY: gen_try(c, st); break;
    case GS_S_RAISE:
        if (st->u.raise.exc) {
            gen_expr(c, st->u.raise.exc);
            if (st->u.raise.cause) {
                gen_expr(c, st->u.raise.cause);
                emit(c, OP_RAISE_VARARGS, 2);
            } else
                emit(c, OP_RAISE_VARARGS, 1);
        } else
            emit(c, OP_RAISE_VARARGS, 0);
        break;
    case GS_S_WITH: gen_with(c, st, 0); break;
    case GS_S_MATCH: gen_match(c, st); break;
    case GS_S_ASSERT: {
        if (st->u.assert_.test->kind == GS_E_TUPLE && st->u.assert_.test->u.seq.items.count > 0)
            compile_warn(c, st->line, "assertion is always true, perhaps remove parentheses?");
        int end = new_label(c);
        gen_expr(c, st->u.assert_.test);
        emit_jump(c, OP_POP_JUMP_IF_TRUE, end);
        /* CPython 3.11 raises from the test's place when it is a
         * comparison (under its `not`s), else from the statement's: what
         * a traceback's carets mark */
        const gs_Node *t = st->u.assert_.test;
        while (t->kind == GS_E_UNARYOP && t->u.unary.op == GS_UOP_NOT)
            t = t->u.unary.operand;
        Loc saved = loc_save(c);
        if (t->kind == GS_E_COMPARE)
            set_line(c, t);
        emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        if (st->u.assert_.msg) {
            gen_expr(c, st->u.assert_.msg);
            emit(c, OP_CALL, 0);
        }
        emit(c, OP_RAISE_VARARGS, 1);
        loc_restore(c, saved);
        place_label(c, end);
        break;
    }
    default:
        compile_error(c, st->line, st->col + 1, "invalid syntax");
        break;
    }
}

static void gen_stmts(Compiler *c, const gs_NodeList *body)
{
    for (int i = 0; i < body->count && !c->failed; i++)
        gen_stmt(c, body->items[i]);
}

/* ------------------------------------------------------------------ comprehensions */

static void gen_comp_generator(Compiler *c, const gs_Node *e, int gen_index, int depth)
{
    const gs_Comprehension *g = &e->u.comp.generators[gen_index];
    int loop = new_label(c), cleanup = new_label(c), skip = new_label(c);
    if (gen_index == 0)
        emit(c, OP_LOAD_FAST, add_varname(c, ".0", 2));
    else {
        gen_iter_operand(c, g->iter);
        emit(c, OP_GET_ITER, 0);
    }
    place_label(c, loop);
    emit_jump(c, OP_FOR_ITER, cleanup);
    gen_store(c, g->target);
    for (int i = 0; i < g->ifs.count; i++) {
        gen_expr(c, g->ifs.items[i]);
        emit_jump(c, OP_POP_JUMP_IF_FALSE, skip);
    }
    if (gen_index + 1 < e->u.comp.ngenerators)
        gen_comp_generator(c, e, gen_index + 1, depth + 1);
    else {
        switch (e->kind) {
        /* the result sits below one iterator per generator: depth + 2 */
        case GS_E_LISTCOMP:
            gen_expr(c, e->u.comp.elt);
            emit(c, OP_LIST_APPEND, depth + 2);
            break;
        case GS_E_SETCOMP:
            gen_expr(c, e->u.comp.elt);
            emit(c, OP_SET_ADD, depth + 2);
            break;
        case GS_E_DICTCOMP:
            gen_expr(c, e->u.comp.elt);
            gen_expr(c, e->u.comp.value);
            emit(c, OP_MAP_ADD, depth + 2);
            break;
        default:
            gen_expr(c, e->u.comp.elt);
            emit(c, OP_YIELD_VALUE, 0);
            emit(c, OP_POP_TOP, 0);
            break;
        }
    }
    place_label(c, skip);
    emit_jump(c, OP_JUMP, loop);
    place_label(c, cleanup);
}

static void gen_comprehension(Compiler *c, const gs_Node *e)
{
    gs_VM *vm = c->vm;
    Scope *cs = scope_of(c, e);
    if (!cs) {
        c->failed = true;
        return;
    }
    Unit cu;
    unit_enter(c, &cu, cs, e->line);
    cu.name = (gs_Str *)gs_str_intern(vm, cs->name, (size_t)cs->name_len);
    cu.qualname = (gs_Str *)qualname_for(c, cs);
    cu.argcount = 1;
    cu.flags |= GS_CO_OPTIMIZED | GS_CO_COMPREHENSION | (cs->is_generator ? GS_CO_GENERATOR : 0);
    set_line_only(c, e->line);
    add_varname(c, ".0", 2);
    if (e->kind != GS_E_GENEXP)
        emit(c, e->kind == GS_E_LISTCOMP ? OP_BUILD_LIST : e->kind == GS_E_SETCOMP ? OP_BUILD_SET : OP_BUILD_MAP, 0);
    gen_comp_generator(c, e, 0, 0);
    if (e->kind == GS_E_GENEXP)
        load_const_obj(c, gs_newref(vm, vm->none));
    emit(c, OP_RETURN_VALUE, 0);
    gs_Code *code = assemble(c, &cu);
    unit_leave(c, &cu);
    if (!code)
        return;
    int flags = 0;
    if (code->nfrees) {
        gen_closure(c, code, cs);
        flags |= GS_MF_CLOSURE;
    }
    load_const_obj(c, &code->ob);
    emit(c, OP_MAKE_FUNCTION, flags);
    gen_iter_operand(c, e->u.comp.generators[0].iter);
    emit(c, OP_GET_ITER, 0);
    emit(c, OP_CALL, 0); /* [func, iter]: the iterator becomes the argument .0 */
}

/* ------------------------------------------------------------------ units */

/* Names in byte order (a scope's names are distinct). */
static int cmp_sym_names(const void *x, const void *y)
{
    const Sym *a = *(Sym *const *)x, *b = *(Sym *const *)y;
    int n = a->len < b->len ? a->len : b->len;
    int cmp = memcmp(a->name, b->name, (size_t)n);
    return cmp ? cmp : a->len - b->len;
}

static void unit_enter(Compiler *c, Unit *u, Scope *s, int firstline)
{
    memset(u, 0, sizeof *u);
    u->scope = s;
    u->parent = c->u;
    u->firstline = firstline;
    u->cur_line = firstline;
    u->cur_pos = pos_unknown;
    if (u->parent) { /* a function or class inside a class keeps its name for mangling */
        u->private_name = u->parent->private_name;
        u->private_len = u->parent->private_len;
    }
    c->u = u;
    /* cells and frees are known from the symbol table; CPython numbers
     * each group in sorted name order (dictbytype sorts the keys) */
    Sym **sorted = malloc((size_t)(s->nsyms > 0 ? s->nsyms : 1) * sizeof *sorted);
    if (!sorted) {
        c->failed = true;
        return;
    }
    for (int i = 0; i < s->nsyms; i++)
        sorted[i] = &s->syms[i];
    qsort(sorted, (size_t)s->nsyms, sizeof *sorted, cmp_sym_names);
    for (int i = 0; i < s->nsyms; i++) {
        Sym *sym = sorted[i];
        if ((sym->flags & SYM_CELL) && s->kind != SC_CLASS)
            add_name_to(c, &u->cellnames, &u->ncells, &u->capcells, NULL, sym->name, sym->len);
    }
    if (s->kind == SC_CLASS && s->needs_class_cell)
        add_name_to(c, &u->cellnames, &u->ncells, &u->capcells, NULL, "__class__", 9);
    for (int i = 0; i < s->nsyms; i++) {
        Sym *sym = sorted[i];
        if (sym->flags & (SYM_FREE | SYM_FREE_CLASS))
            if (!(s->kind == SC_CLASS && (sym->flags & SYM_ASSIGNED) && !(sym->flags & SYM_FREE_CLASS) &&
                  !(sym->flags & SYM_NONLOCAL)))
                add_name_to(c, &u->freenames, &u->nfrees, &u->capfrees, NULL, sym->name, sym->len);
    }
    free(sorted);
}

static void unit_free(Compiler *c, Unit *u)
{
    gs_VM *vm = c->vm;
    free(u->ops);
    free(u->lines);
    free(u->pos);
    free(u->cp_eff);
    free(u->cp_peak);
    free(u->labels);
    for (int i = 0; i < u->nconsts; i++)
        gs_decref(vm, u->consts[i]);
    free(u->consts);
    free(u->names);
    free(u->varnames);
    ni_free(&u->names_index);
    ni_free(&u->consts_index);
    ni_free(&u->varnames_index);
    free(u->cellnames);
    free(u->freenames);
    memset(u, 0, sizeof *u);
}

static void unit_leave(Compiler *c, Unit *u)
{
    c->u = u->parent;
    unit_free(c, u);
}

/* Stack effect of an instruction; `jump` says whether the jump is taken. */
static int stack_effect(int op, int arg, bool jump)
{
    switch (op) {
    case OP_NOP: case OP_LINE_MARK: case OP_SETUP_ANNOTATIONS: case OP_MAKE_CELL: case OP_COPY_FREE_VARS:
        return 0;
    case OP_POP_TOP: return -1;
    case OP_PUSH_NULL: return 1;
    case OP_COPY: return 1;
    case OP_SWAP: return 0;
    case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_NAME: case OP_LOAD_DEREF:
    case OP_LOAD_CLOSURE: case OP_LOAD_CLASSDEREF: case OP_LOAD_BUILD_CLASS: case OP_LOAD_ASSERTION_ERROR:
        return 1;
    case OP_LOAD_GLOBAL: return (arg & 1) ? 2 : 1;
    case OP_STORE_FAST: case OP_STORE_NAME: case OP_STORE_GLOBAL: case OP_STORE_DEREF: return -1;
    case OP_DELETE_FAST: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_DELETE_DEREF: return 0;
    case OP_LOAD_ATTR: return 0;
    case OP_STORE_ATTR: return -2;
    case OP_DELETE_ATTR: return -1;
    case OP_LOAD_METHOD: return 1;
    case OP_BINARY_SUBSCR: return -1;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_GET_LEN: case OP_MATCH_SEQUENCE: case OP_MATCH_MAPPING: return 1;
    case OP_MATCH_CLASS: return -2;
    case OP_BINARY_OP: return -1;
    case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT: return 0;
    case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: return -1;
    case OP_BUILD_LIST: return 1 - GS_BUILD_COUNT(arg);
    case OP_BUILD_TUPLE: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE: return -1;
    case OP_MAP_ADD: return -2;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_FORMAT_VALUE: return (arg & GS_FV_SPEC) ? -1 : 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_JUMP: case OP_JUMP_BACKWARD: return 0;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: return -1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_GET_ITER: return 0;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_KW_NAMES: return 0;
    case OP_CALL: return -arg - 1;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION:
        return -((arg & GS_MF_DEFAULTS) ? 1 : 0) - ((arg & GS_MF_KWDEFAULTS) ? 1 : 0) - ((arg & GS_MF_CLOSURE) ? 1 : 0) -
               ((arg & GS_MF_ANNOTATIONS) ? 1 : 0);
    case OP_RETURN_VALUE: return -1;
    case OP_IMPORT_NAME: return -1;
    case OP_IMPORT_FROM: return (arg & (1 << 23)) ? 0 : 1;
    case OP_RAISE_VARARGS: return -arg;
    case OP_RERAISE: return -1;
    case OP_PUSH_EXC_INFO: return 1;
    case OP_POP_EXCEPT: return -1;
    case OP_CHECK_EXC_MATCH: return 0;
    case OP_CHECK_EG_MATCH: return 0;
    case OP_PREP_RERAISE_STAR: return -1;
    case OP_BEFORE_WITH: return 1;
    case OP_WITH_EXCEPT_START: return 1;
    case OP_YIELD_VALUE: return 0;
    case OP_GET_YIELD_FROM_ITER: return 0;
    case OP_SEND: return jump ? -1 : 0;
    case OP_SETUP_FINALLY: return jump ? 1 : 0;
    case OP_SETUP_CLEANUP: return 0;
    case OP_POP_BLOCK: return 0;
    default: return 0;
    }
}

static bool ends_flow(int op)
{
    return op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
           op == OP_RERAISE;
}

/* Maximum stack depth by data flow over the instructions.  With `cpython`,
 * CPython's own count (compile.c stackdepth): a SETUP_CLEANUP handler
 * starts with the instruction offset and the exception on the stack. */
static int compute_stacksize(Compiler *c, const uint32_t *ops, int n, const Unit *u)
{
    bool cpython = u != NULL;
    int *depth = malloc((size_t)(n + 1) * sizeof(int));
    int *work = malloc((size_t)(n + 1) * sizeof(int));
    if (!depth || !work) {
        free(depth);
        free(work);
        c->failed = true;
        return 0;
    }
    for (int i = 0; i <= n; i++)
        depth[i] = -1;
    int nwork = 0, maxd = 0, workcap = n + 1;
    depth[0] = 0;
    work[nwork++] = 0;
    while (nwork) {
        int i = work[--nwork];
        int d = depth[i];
        for (; i < n; i++) {
            int op = (int)GS_OPCODE(ops[i]), arg = (int)GS_OPARG(ops[i]);
            bool cp = cpython && u->cp_eff && u->cp_eff[i] != CP_SAME;
            if (is_jump(op)) {
                int jd = d + stack_effect(op, arg, true);
                if (op == OP_SETUP_FINALLY)
                    jd = d + 1;
                else if (op == OP_SETUP_CLEANUP)
                    jd = cpython ? d + 2 : d; /* the model's handler depth excludes the exception below it */
                if (cp)
                    jd = d + u->cp_eff[i];
                if (jd > maxd)
                    maxd = jd;
                if (arg <= n && depth[arg] < jd) {
                    depth[arg] = jd;
                    if (nwork == workcap) { /* a target whose depth rose again is visited again */
                        int *w = realloc(work, (size_t)workcap * 2 * sizeof(int));
                        if (!w) {
                            c->failed = true;
                            nwork = 0;
                            break;
                        }
                        work = w;
                        workcap *= 2;
                    }
                    work[nwork++] = arg;
                }
            }
            d += cp && !is_jump(op) ? u->cp_eff[i] : stack_effect(op, arg, false);
            if (d > maxd)
                maxd = d;
            if (cpython && u->cp_peak && d + u->cp_peak[i] > maxd)
                maxd = d + u->cp_peak[i];
            if (d < 0)
                d = 0;
            if (ends_flow(op))
                break;
            if (depth[i + 1] >= d)
                break;
            depth[i + 1] = d;
        }
    }
    free(depth);
    free(work);
    return maxd;
}

static gs_Code *assemble(Compiler *c, Unit *u)
{
    gs_VM *vm = c->vm;
    if (c->failed)
        return NULL;
    int n = u->nops;
    /* patch jumps and cell/free indexes */
    for (int i = 0; i < n; i++) {
        int op = (int)GS_OPCODE(u->ops[i]);
        int arg = (int)GS_OPARG(u->ops[i]);
        if (is_jump(op))
            u->ops[i] = GS_INSTR(op, u->labels[arg] < 0 ? n : u->labels[arg]);
        else if (op == OP_LOAD_DEREF || op == OP_STORE_DEREF || op == OP_DELETE_DEREF || op == OP_LOAD_CLOSURE) {
            if (arg & (1 << 23))
                u->ops[i] = GS_INSTR(op, u->nvarnames + (arg & 0x3fffff));
            else if (arg & (1 << 22))
                u->ops[i] = GS_INSTR(op, u->nvarnames + u->ncells + (arg & 0x3fffff));
        } else if (op == OP_LOAD_CLASSDEREF)
            u->ops[i] = GS_INSTR(op, arg - u->nvarnames + u->nvarnames); /* already absolute for classes */
    }
    gs_Code *code = (gs_Code *)gs_alloc(vm, vm->t_code, sizeof(gs_Code));
    if (!code) {
        c->failed = true;
        return NULL;
    }
    memset((char *)code + sizeof(gs_Object), 0, sizeof(gs_Code) - sizeof(gs_Object));
    /* the instruction words, then one name-lookup hint per instruction (gs_code_hints) */
    code->ops = malloc((size_t)(n ? n : 1) * (sizeof(uint32_t) + sizeof(int32_t)));
    if (code->ops)
        memset(code->ops + n, 0xff, (size_t)n * sizeof(int32_t));
    code->lines = malloc((size_t)(n ? n : 1) * sizeof(int32_t));
    code->pos = malloc((size_t)(n ? n : 1) * sizeof(gs_Pos));
    code->linestart = calloc((size_t)(n ? n : 1), 1);
    code->consts = malloc((size_t)(u->nconsts ? u->nconsts : 1) * sizeof(gs_Object *));
    code->names = malloc((size_t)(u->nnames ? u->nnames : 1) * sizeof(gs_Str *));
    int nlp = u->nvarnames + u->ncells + u->nfrees;
    code->localnames = malloc((size_t)(nlp ? nlp : 1) * sizeof(gs_Str *));
    code->cell2arg = malloc((size_t)(u->ncells ? u->ncells : 1) * sizeof(int32_t));
    if (!code->ops || !code->lines || !code->pos || !code->linestart || !code->consts || !code->names || !code->localnames ||
        !code->cell2arg) {
        c->failed = true;
        gs_decref(vm, code);
        return NULL;
    }
    memcpy(code->ops, u->ops, (size_t)n * sizeof(uint32_t));
    memcpy(code->lines, u->lines, (size_t)n * sizeof(int32_t));
    if (n)
        memcpy(code->pos, u->pos, (size_t)n * sizeof(gs_Pos));
    /* an instruction starts a line when its line differs from the previous
     * instruction's, or when it is a jump target (a loop comes back to it) */
    for (int i = 0; i < n; i++)
        code->linestart[i] = (i == 0 || code->lines[i] != code->lines[i - 1]) && code->lines[i] > 0;
    /* a jump back to a loop's head is not a line of its own: the target
     * instruction starts the line again instead */
    for (int i = 0; i < n; i++)
        if ((GS_OPCODE(code->ops[i]) == OP_JUMP || GS_OPCODE(code->ops[i]) == OP_JUMP_BACKWARD) &&
            (int)GS_OPARG(code->ops[i]) <= i)
            code->linestart[i] = 0;
    for (int i = 0; i < n; i++) {
        int op = (int)GS_OPCODE(code->ops[i]);
        int arg = (int)GS_OPARG(code->ops[i]);
        if ((op == OP_JUMP || op == OP_JUMP_BACKWARD) && arg < i && arg < n && code->lines[arg] > 0)
            code->linestart[arg] = 1;
    }
    code->nops = n;
    for (int i = 0; i < u->nconsts; i++)
        code->consts[i] = u->consts[i]; /* move the references */
    code->nconsts = u->nconsts;
    u->nconsts = 0;
    for (int i = 0; i < u->nnames; i++)
        code->names[i] = u->names[i];
    code->nnames = u->nnames;
    u->nnames = 0;
    for (int i = 0; i < u->nvarnames; i++)
        code->localnames[i] = u->varnames[i];
    for (int i = 0; i < u->ncells; i++) {
        code->localnames[u->nvarnames + i] = u->cellnames[i];
        code->cell2arg[i] = -1;
        for (int a = 0; a < u->nvarnames && a < u->argcount + u->kwonlycount + ((u->flags & GS_CO_VARARGS) ? 1 : 0) +
                                                                     ((u->flags & GS_CO_VARKW) ? 1 : 0);
             a++)
            if (gs_str_eq(u->varnames[a], u->cellnames[i]))
                code->cell2arg[i] = a;
    }
    for (int i = 0; i < u->nfrees; i++)
        code->localnames[u->nvarnames + u->ncells + i] = u->freenames[i];
    code->nlocals = u->nvarnames;
    code->ncells = u->ncells;
    code->nfrees = u->nfrees;
    u->nvarnames = u->ncells = u->nfrees = 0;
    code->argcount = u->argcount;
    code->posonlyargcount = u->posonlyargcount;
    code->kwonlycount = u->kwonlycount;
    code->flags = u->flags;
    code->firstline = u->firstline;
    /* CPython's depth, and two slots more for the model's own use */
    code->co_stacksize = compute_stacksize(c, code->ops, n, u);
    code->stacksize = compute_stacksize(c, code->ops, n, NULL) + 2;
    code->name = u->name;
    code->qualname = u->qualname;
    u->name = u->qualname = NULL;
    code->filename = (gs_Str *)gs_str_intern(vm, c->filename, strlen(c->filename));
    gs_record_alloc(vm, &code->ob);
    return code;
}

static gs_Code *gen_function_code(Compiler *c, const gs_Node *fn, Scope *fs)
{
    gs_VM *vm = c->vm;
    Unit fu;
    unit_enter(c, &fu, fs, fn->line);
    fu.flags = GS_CO_OPTIMIZED | (fs->is_generator ? GS_CO_GENERATOR : 0);
    if (fs->parent && fs->parent->kind != SC_MODULE)
        fu.flags |= GS_CO_NESTED;
    /* parameters take the first local slots, in CPython's order:
     * positional, keyword-only, *args, **kwargs */
    for (int i = 0; i < fn->u.func.nparams; i++) {
        const gs_Param *p = &fn->u.func.params[i];
        if (p->kind == GS_PARAM_POSITIONAL) {
            add_varname(c, p->name.s, p->name.len);
            fu.argcount++;
        }
    }
    fu.posonlyargcount = fn->u.func.nposonly;
    for (int i = 0; i < fn->u.func.nparams; i++) {
        const gs_Param *p = &fn->u.func.params[i];
        if (p->kind == GS_PARAM_KWONLY) {
            add_varname(c, p->name.s, p->name.len);
            fu.kwonlycount++;
        }
    }
    for (int i = 0; i < fn->u.func.nparams; i++) {
        const gs_Param *p = &fn->u.func.params[i];
        if (p->kind == GS_PARAM_VARARGS) {
            add_varname(c, p->name.s, p->name.len);
            fu.flags |= GS_CO_VARARGS;
        }
    }
    for (int i = 0; i < fn->u.func.nparams; i++) {
        const gs_Param *p = &fn->u.func.params[i];
        if (p->kind == GS_PARAM_VARKW) {
            add_varname(c, p->name.s, p->name.len);
            fu.flags |= GS_CO_VARKW;
        }
    }
    fu.name = (gs_Str *)gs_str_intern(vm, fn->u.func.name.s, (size_t)fn->u.func.name.len);
    fu.qualname = (gs_Str *)qualname_for(c, fs);
    /* a docstring is the first constant, as in CPython (it holds a reference) */
    const gs_NodeList *body = &fn->u.func.body;
    if (fn->u.func.is_lambda) {
        /* body is a single return */
        gen_stmts(c, body);
    } else {
        if (body->count && body->items[0]->kind == GS_S_EXPR && body->items[0]->u.expr.value->kind == GS_E_CONST &&
            body->items[0]->u.expr.value->u.constant.kind == GS_C_STR)
            add_const(c, const_value(c, body->items[0]->u.expr.value));
        else
            add_const(c, gs_newref(vm, vm->none));
        gen_stmts(c, body);
        if (!c->failed) {
            /* implicit return None at the end (line of the last statement) */
            load_const_obj(c, gs_newref(vm, vm->none));
            emit(c, OP_RETURN_VALUE, 0);
        }
    }
    gs_Code *code = assemble(c, &fu);
    unit_leave(c, &fu);
    return code;
}

/* ================================================================== entry */

/* A module body, or for eval() a single expression whose value the code
 * returns.  `program`: the VM's main module, whose AST constants stay held
 * until the run ends; for exec() and eval() strings CPython frees the AST
 * once the code is made, and so does this. */
static gs_Code *compile_body(gs_VM *vm, const gs_NodeList *body, const char *filename, bool eval_mode, bool program,
                             gs_Error *err)
{
    Compiler c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.filename = filename;
    c.err = err;
    c.const_cache = gs_dict_new(vm);
    c.ast_consts = gs_list_new(vm, 0);
    if (!c.const_cache || !c.ast_consts) {
        gs_xdecref(vm, c.const_cache);
        gs_xdecref(vm, c.ast_consts);
        return NULL;
    }
    future_parse(&c, body);
    c.module_scope = c.failed ? NULL : scope_new(&c, SC_MODULE, NULL, NULL);
    if (c.module_scope) {
        st_stmts(&c, c.module_scope, body);
        if (!c.failed)
            st_resolve(&c, c.module_scope);
    }
    gs_Code *code = NULL;
    if (!c.failed) {
        Unit mu;
        unit_enter(&c, &mu, c.module_scope, 1);
        mu.name = (gs_Str *)gs_str_intern(vm, "<module>", 8);
        mu.qualname = (gs_Str *)gs_str_intern(vm, "<module>", 8);
        if (eval_mode) { /* gs_compile_string checked: one expression statement */
            set_line(&c, body->items[0]);
            gen_expr(&c, body->items[0]->u.expr.value);
        } else {
            if (has_simple_annotation(body))
                emit(&c, OP_SETUP_ANNOTATIONS, 0); /* `x: int` at the top: __annotations__['x'] = int */
            gs_NodeList rest = *body;
            const gs_Node *first = body->count ? body->items[0] : NULL;
            if (first && first->kind == GS_S_EXPR && first->u.expr.value->kind == GS_E_CONST &&
                first->u.expr.value->u.constant.kind == GS_C_STR) {
                /* a docstring: the module's __doc__ */
                set_line(&c, first);
                load_const_obj(&c, const_value(&c, first->u.expr.value));
                gen_name(&c, "__doc__", 7, NO_STORE, first->line, first->col);
                rest.items++;
                rest.count--;
            }
            gen_stmts(&c, &rest);
            set_line_only(&c, body->count ? body->items[body->count - 1]->line : 1);
            load_const_obj(&c, gs_newref(vm, vm->none));
        }
        emit(&c, OP_RETURN_VALUE, 0);
        code = assemble(&c, &mu);
        unit_leave(&c, &mu);
    }
    if (c.failed && err->kind == GS_ERR_NONE) {
        err->kind = GS_ERR_SYNTAX;
        snprintf(err->type_name, sizeof err->type_name, "MemoryError");
        free(err->text);
        err->text = strdup("out of memory while compiling");
    }
    for (int i = 0; i < c.nall; i++) {
        free(c.all_scopes[i]->syms);
        ni_free(&c.all_scopes[i]->sym_index);
        free(c.all_scopes[i]->children);
        free(c.all_scopes[i]);
    }
    free(c.all_scopes);
    ni_free(&c.scope_index);
    gs_decref(vm, c.const_cache);
    if (code && program) {
        /* the AST's references live until the run ends (vm.c releases them) */
        gs_vm_keep_ast_consts(vm, c.ast_consts);
    } else
        gs_decref(vm, c.ast_consts);
    if (c.failed && code) {
        gs_decref(vm, code);
        code = NULL;
    }
    return code;
}

gs_Code *gs_compile_module(gs_VM *vm, const gs_NodeList *body, const char *filename, gs_Error *err)
{
    return compile_body(vm, body, filename, false, true, err);
}

gs_Code *gs_compile_string_body(gs_VM *vm, const gs_NodeList *body, const char *filename, bool eval_mode, gs_Error *err)
{
    return compile_body(vm, body, filename, eval_mode, false, err);
}
