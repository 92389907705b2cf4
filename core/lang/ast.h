/*
 * ast.h — the abstract syntax tree the parser builds and the compiler reads.
 *
 * Every node lives in a gs_Arena owned by whoever called gs_parse(); freeing
 * the arena frees the whole tree, so no node is ever freed on its own.
 * Strings in the tree (identifiers, literal bytes) are arena copies, always
 * NUL-terminated, with an explicit length because string literals may hold NUL.
 *
 * Positions are CPython's: lines count from 1, columns from 0 in bytes of the
 * UTF-8 line, end positions are one past the last byte.  The compiler uses
 * `line` for the line table and error messages use (line, col + 1).
 */
#ifndef GS_AST_H
#define GS_AST_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/opcodes.h" /* the operators: gs_Operator, gs_CmpOperator */

/* ------------------------------------------------------------------ arena */

typedef struct gs_ArenaBlock gs_ArenaBlock;
typedef struct gs_Arena {
    gs_ArenaBlock *head;
} gs_Arena;

void  gs_arena_init(gs_Arena *a);
void  gs_arena_free(gs_Arena *a);
void *gs_arena_alloc(gs_Arena *a, size_t size);         /* zeroed, 16-aligned */
char *gs_arena_strndup(gs_Arena *a, const char *s, size_t n); /* NUL-terminated copy */

/* ------------------------------------------------------------------ nodes */

typedef enum gs_NodeKind {
    /* expressions */
    GS_E_NAME,        /* name.id */
    GS_E_CONST,       /* constant: see gs_ConstKind */
    GS_E_JOINEDSTR,   /* f-string: seq.items are GS_E_CONST(str) and GS_E_FORMATTED */
    GS_E_FORMATTED,   /* {value!conv:spec}: formatted.* */
    GS_E_BINOP,       /* binop.* */
    GS_E_UNARYOP,     /* unary.* */
    GS_E_BOOLOP,      /* boolop.* : a and b and c  /  a or b */
    GS_E_COMPARE,     /* compare.* : a < b <= c */
    GS_E_CALL,        /* call.* */
    GS_E_ATTRIBUTE,   /* attribute.* */
    GS_E_SUBSCRIPT,   /* subscript.* */
    GS_E_SLICE,       /* slice.* (only as subscript.index) */
    GS_E_LIST,        /* seq.items */
    GS_E_TUPLE,       /* seq.items */
    GS_E_SET,         /* seq.items */
    GS_E_DICT,        /* dict.* */
    GS_E_IFEXP,       /* ifexp.* : body if test else orelse */
    GS_E_LAMBDA,      /* func.* (name "<lambda>", body is one GS_S_RETURN) */
    GS_E_LISTCOMP,    /* comp.* */
    GS_E_SETCOMP,     /* comp.* */
    GS_E_DICTCOMP,    /* comp.* (key and value) */
    GS_E_GENEXP,      /* comp.* */
    GS_E_YIELD,       /* yield.value (may be NULL) */
    GS_E_YIELDFROM,   /* yield.value */
    GS_E_STARRED,     /* starred.value : *x in calls, displays, targets */
    GS_E_NAMEDEXPR,   /* namedexpr.* : (target := value) */

    /* statements */
    GS_S_EXPR,        /* expr.value */
    GS_S_ASSIGN,      /* assign.* : t1 = t2 = value */
    GS_S_AUGASSIGN,   /* augassign.* */
    GS_S_ANNASSIGN,   /* annassign.* : x: T = v */
    GS_S_DELETE,      /* del_.targets */
    GS_S_PASS,
    GS_S_BREAK,
    GS_S_CONTINUE,
    GS_S_IF,          /* if_.* ; elif is an if_ alone in orelse */
    GS_S_WHILE,       /* while_.* */
    GS_S_FOR,         /* for_.* */
    GS_S_FUNCDEF,     /* func.* */
    GS_S_CLASSDEF,    /* classdef.* */
    GS_S_RETURN,      /* ret.value (may be NULL) */
    GS_S_GLOBAL,      /* names.* */
    GS_S_NONLOCAL,    /* names.* */
    GS_S_IMPORT,      /* import.* */
    GS_S_IMPORTFROM,  /* import.* with module set */
    GS_S_TRY,         /* try_.* */
    GS_S_RAISE,       /* raise.* */
    GS_S_WITH,        /* with.* */
    GS_S_ASSERT,      /* assert_.* */
    GS_S_MATCH,       /* match.* */

    /* match patterns (pat.*) */
    GS_P_VALUE,       /* pat.value: a literal or dotted name, compared with == */
    GS_P_SINGLETON,   /* pat.value: None, True or False, compared with is */
    GS_P_CAPTURE,     /* pat.name; name.s NULL: the wildcard _ */
    GS_P_STAR,        /* pat.name (NULL: *_) in a sequence pattern */
    GS_P_SEQUENCE,    /* pat.items */
    GS_P_MAPPING,     /* pat.keys, pat.items; pat.name: **rest (NULL: none) */
    GS_P_CLASS,       /* pat.value: the class; pat.items positional; pat.kwnames/nkw, pat.keys: keyword patterns */
    GS_P_OR,          /* pat.items */
    GS_P_AS,          /* pat.pattern as pat.name */

    GS_NODE_KIND_COUNT
} gs_NodeKind;

typedef enum gs_ConstKind {
    GS_C_NONE, GS_C_TRUE, GS_C_FALSE, GS_C_ELLIPSIS,
    GS_C_INT,    /* int_value, or text when it does not fit in int64 (big = 1) */
    GS_C_FLOAT,  /* float_value */
    GS_C_STR,    /* str / len : UTF-8 after escape processing */
    GS_C_BYTES,  /* str / len : raw bytes */
    GS_C_COMPLEX /* float_value: the imaginary part of an imaginary literal (2j) */
} gs_ConstKind;


typedef enum gs_UnaryOperator { GS_UOP_NEG, GS_UOP_POS, GS_UOP_NOT, GS_UOP_INVERT } gs_UnaryOperator;
typedef enum gs_BoolOperator  { GS_BOOL_AND, GS_BOOL_OR } gs_BoolOperator;

typedef struct gs_Node gs_Node;

typedef struct gs_NodeList {
    gs_Node **items;
    int count;
} gs_NodeList;

typedef struct gs_Ident {              /* an identifier: arena string */
    const char *s;
    int len;
} gs_Ident;

typedef struct gs_IdentList {
    gs_Ident *items;
    int count;
} gs_IdentList;

typedef struct gs_Keyword {            /* name=value in a call; name.s == NULL for **value */
    gs_Ident name;
    gs_Node *value;
    int line, col;
} gs_Keyword;

typedef enum gs_ParamKind {
    GS_PARAM_POSITIONAL,   /* a, a=1 (also positional-only before '/') */
    GS_PARAM_VARARGS,      /* *args */
    GS_PARAM_KWONLY,       /* after * or *args: k, k=1 */
    GS_PARAM_VARKW         /* **kwargs */
} gs_ParamKind;

typedef struct gs_Param {
    gs_Ident name;
    gs_ParamKind kind;
    gs_Node *default_value;   /* NULL if none */
    gs_Node *annotation;      /* `name: annotation`, NULL if none */
    int line, col;
} gs_Param;

typedef struct gs_Comprehension {      /* for target in iter if c1 if c2 */
    gs_Node *target;
    gs_Node *iter;
    gs_NodeList ifs;
} gs_Comprehension;

typedef struct gs_ExceptHandler {      /* except type as name: body ; type NULL = bare except */
    gs_Node *type;
    gs_Ident name;                     /* name.s NULL if no "as" */
    gs_NodeList body;
    int line, col;
} gs_ExceptHandler;

typedef struct gs_MatchCase {         /* case pattern if guard: body */
    gs_Node *pattern;
    gs_Node *guard;                    /* NULL: none */
    gs_NodeList body;
    int line, col;
} gs_MatchCase;

typedef struct gs_WithItem {
    gs_Node *context;
    gs_Node *target;                   /* NULL if no "as" */
} gs_WithItem;

typedef struct gs_Alias {              /* import a.b as c / from m import x as y */
    gs_Ident name;                     /* dotted name as written ("a.b"), or "*" */
    gs_Ident asname;                   /* asname.s NULL if none */
    int line, col;
} gs_Alias;

struct gs_Node {
    gs_NodeKind kind;
    int line, col, end_line, end_col;
    /* a group's span with its parentheses, where a node built on it starts
     * or ends as CPython's do ("(a) / b" from the '('); pline 0: no group */
    int pline, pcol, pend_line, pend_col;
    union {
        gs_Ident name;
        struct {
            gs_ConstKind kind;
            int64_t int_value;
            double float_value;
            const char *str;           /* str/bytes contents, or digits of a big int */
            int len;
            int big;                   /* int literal does not fit in int64 */
        } constant;
        struct { gs_Node *value; char conversion; gs_Node *format_spec; } formatted; /* conversion 0,'r','s','a'; spec is a JOINEDSTR or NULL */
        struct { gs_Operator op; gs_Node *left, *right; } binop;
        struct { gs_UnaryOperator op; gs_Node *operand; } unary;
        struct { gs_BoolOperator op; gs_NodeList values; } boolop;
        struct { gs_Node *left; gs_CmpOperator *ops; gs_NodeList comparators; } compare;
        struct { gs_Node *func; gs_NodeList args; gs_Keyword *keywords; int nkeywords; } call;
        struct { gs_Node *value; gs_Ident attr; } attribute;
        struct { gs_Node *value; gs_Node *index; } subscript;
        struct { gs_Node *lower, *upper, *step; } slice;   /* each may be NULL */
        struct { gs_NodeList items; } seq;
        struct { gs_NodeList keys; gs_NodeList values; } dict; /* keys.items[i] NULL for **values[i] */
        struct { gs_Node *test, *body, *orelse; } ifexp;
        struct {
            gs_Node *elt;                 /* element (key for DICTCOMP) */
            gs_Node *value;               /* DICTCOMP value */
            gs_Comprehension *generators;
            int ngenerators;
        } comp;
        struct { gs_Node *value; } yield;
        struct { gs_Node *value; } starred;
        struct { gs_Node *target; gs_Node *value; } namedexpr;

        struct { gs_Node *value; } expr;
        struct { gs_NodeList targets; gs_Node *value; } assign;
        struct { gs_Node *target; gs_Operator op; gs_Node *value; } augassign;
        struct { gs_Node *target; gs_Node *annotation; gs_Node *value; } annassign;
        struct { gs_NodeList targets; } del_;
        struct { gs_Node *test; gs_NodeList body; gs_NodeList orelse; } if_;
        struct { gs_Node *test; gs_NodeList body; gs_NodeList orelse; } while_;
        struct { gs_Node *target; gs_Node *iter; gs_NodeList body; gs_NodeList orelse; } for_;
        struct {
            gs_Ident name;
            gs_Param *params;
            int nparams;
            gs_NodeList body;
            gs_NodeList decorators;
            int is_lambda;
            int nposonly;      /* added: the first nposonly params are positional-only (before '/') */
            gs_Node *returns;  /* `-> annotation`, NULL if none */
        } func;
        struct {
            gs_Ident name;
            gs_NodeList bases;
            gs_Keyword *keywords;
            int nkeywords;
            gs_NodeList body;
            gs_NodeList decorators;
        } classdef;
        struct { gs_Node *value; } ret;
        struct { gs_IdentList names; } names;
        struct { gs_Ident module; int level; gs_Alias *names; int nnames; } import; /* module.s NULL for plain import */
        struct {
            gs_NodeList body;
            gs_ExceptHandler *handlers;
            int nhandlers;
            int star;                  /* except* (PEP 654): every handler is one */
            gs_NodeList orelse;
            gs_NodeList finalbody;
        } try_;
        struct { gs_Node *exc; gs_Node *cause; } raise;   /* both may be NULL */
        struct { gs_WithItem *items; int nitems; gs_NodeList body; } with;
        struct { gs_Node *test; gs_Node *msg; } assert_;
        struct { gs_Node *subject; gs_MatchCase *cases; int ncases; } match;
        struct {
            gs_Node *value;        /* VALUE/SINGLETON: the expression; CLASS: the class */
            gs_Node *pattern;      /* AS */
            gs_Ident name;         /* CAPTURE, STAR, AS, MAPPING's **rest */
            gs_NodeList items;     /* SEQUENCE, OR, MAPPING's value patterns, CLASS's positional ones */
            gs_NodeList keys;      /* MAPPING's keys; CLASS's keyword patterns */
            gs_Ident *kwnames;     /* CLASS's keyword names */
            int nkw;
        } pat;
    } u;
};

/* ------------------------------------------------------------------ parse */

typedef enum gs_SyntaxKind {
    GS_SYNTAX_ERROR,        /* SyntaxError */
    GS_INDENTATION_ERROR,   /* IndentationError */
    GS_TAB_ERROR,           /* TabError */
    /* Added by the parser author: CPython reports over-deep source with these
     * instead of a SyntaxError; msg is then the text after "RecursionError: "
     * ("maximum recursion depth exceeded during compilation"), or empty for a
     * bare "MemoryError" line, and line/col are 0 (CPython prints no location). */
    GS_RECURSION_ERROR,     /* RecursionError */
    GS_MEMORY_ERROR         /* MemoryError */
} gs_SyntaxKind;

/* A syntax error in CPython 3.11's words.  `msg` is the exact text after
 * "SyntaxError: " that python3.11 prints for the same source; line/col point
 * where CPython's caret points (col counts from 1, 0 = no column). */
typedef struct gs_SyntaxError {
    gs_SyntaxKind kind;
    char msg[256];
    int line, col;
    int end_line, end_col;
} gs_SyntaxError;

/* Parse a whole module.  `src` need not be NUL-terminated; it may contain any
 * bytes (a UTF-8 BOM is skipped, CRLF and CR line ends are accepted, NUL bytes
 * and invalid UTF-8 are syntax errors as in CPython).  On success returns a
 * list of statements allocated in `arena` and returns 0; on failure fills
 * `err` and returns -1.  Never prints, never exits, never recurses without a
 * bound (nesting deeper than CPython's limits is an error, not a crash). */
int gs_parse(gs_Arena *arena, const char *src, size_t len,
             gs_NodeList *out_body, gs_SyntaxError *err);

/* Name of a node kind, for debugging and tests ("Name", "BinOp", "Assign"...). */
const char *gs_node_kind_name(gs_NodeKind kind);

#endif
