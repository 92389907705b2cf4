/*
 * ast.c — the arena that owns every AST node, and node-kind names.
 *
 * The parser allocates thousands of small nodes whose lifetimes all end
 * together, so a bump allocator over large blocks is both the fastest and the
 * simplest correct choice: gs_arena_free() releases the whole tree at once.
 */
#include "ast.h"

#include <stdlib.h>
#include <string.h>

/* Blocks are chained newest-first; `used` is the bump offset into data[]. */
struct gs_ArenaBlock {
    gs_ArenaBlock *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

enum { GS_ARENA_BLOCK = 64 * 1024 };

void gs_arena_init(gs_Arena *a) { a->head = NULL; }

void gs_arena_free(gs_Arena *a)
{
    gs_ArenaBlock *b = a->head;
    while (b) {
        gs_ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void *gs_arena_alloc(gs_Arena *a, size_t size)
{
    size_t need = (size + 15) & ~(size_t)15;
    if (need < size) return NULL; /* overflow */
    gs_ArenaBlock *b = a->head;
    if (!b || b->size - b->used < need) {
        /* Oversized requests get a block of their own so one huge string does
         * not waste the rest of a normal block. */
        size_t cap = need > GS_ARENA_BLOCK / 4 ? need : GS_ARENA_BLOCK;
        gs_ArenaBlock *nb = malloc(sizeof *nb + cap);
        if (!nb) return NULL;
        nb->size = cap;
        nb->used = 0;
        if (b && need > GS_ARENA_BLOCK / 4) {
            /* keep the partly used current block at the head */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    memset(p, 0, need);
    return p;
}

char *gs_arena_strndup(gs_Arena *a, const char *s, size_t n)
{
    char *p = gs_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

const char *gs_node_kind_name(gs_NodeKind kind)
{
    static const char *const names[GS_NODE_KIND_COUNT] = {
        [GS_E_NAME] = "Name", [GS_E_CONST] = "Constant", [GS_E_JOINEDSTR] = "JoinedStr",
        [GS_E_FORMATTED] = "FormattedValue", [GS_E_BINOP] = "BinOp", [GS_E_UNARYOP] = "UnaryOp",
        [GS_E_BOOLOP] = "BoolOp", [GS_E_COMPARE] = "Compare", [GS_E_CALL] = "Call",
        [GS_E_ATTRIBUTE] = "Attribute", [GS_E_SUBSCRIPT] = "Subscript", [GS_E_SLICE] = "Slice",
        [GS_E_LIST] = "List", [GS_E_TUPLE] = "Tuple", [GS_E_SET] = "Set", [GS_E_DICT] = "Dict",
        [GS_E_IFEXP] = "IfExp", [GS_E_LAMBDA] = "Lambda", [GS_E_LISTCOMP] = "ListComp",
        [GS_E_SETCOMP] = "SetComp", [GS_E_DICTCOMP] = "DictComp", [GS_E_GENEXP] = "GeneratorExp",
        [GS_E_YIELD] = "Yield", [GS_E_YIELDFROM] = "YieldFrom", [GS_E_STARRED] = "Starred",
        [GS_E_NAMEDEXPR] = "NamedExpr",
        [GS_S_EXPR] = "Expr", [GS_S_ASSIGN] = "Assign", [GS_S_AUGASSIGN] = "AugAssign",
        [GS_S_ANNASSIGN] = "AnnAssign", [GS_S_DELETE] = "Delete", [GS_S_PASS] = "Pass",
        [GS_S_BREAK] = "Break", [GS_S_CONTINUE] = "Continue", [GS_S_IF] = "If",
        [GS_S_WHILE] = "While", [GS_S_FOR] = "For", [GS_S_FUNCDEF] = "FunctionDef",
        [GS_S_CLASSDEF] = "ClassDef", [GS_S_RETURN] = "Return", [GS_S_GLOBAL] = "Global",
        [GS_S_NONLOCAL] = "Nonlocal", [GS_S_IMPORT] = "Import", [GS_S_IMPORTFROM] = "ImportFrom",
        [GS_S_TRY] = "Try", [GS_S_RAISE] = "Raise", [GS_S_WITH] = "With", [GS_S_ASSERT] = "Assert", [GS_S_MATCH] = "Match",
    };
    if ((int)kind < 0 || kind >= GS_NODE_KIND_COUNT || !names[kind]) return "?";
    return names[kind];
}
