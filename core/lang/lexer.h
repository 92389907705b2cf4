/*
 * lexer.h — the tokenizer behind gs_parse(); private to the parser.
 *
 * It follows CPython 3.11's C tokenizer closely enough that its error
 * messages and positions are CPython's: indentation is checked both with
 * tab stops of 8 and of 1 (a disagreement is a TabError), brackets nest at
 * most 200 deep, and a newline inside brackets is not a token.
 *
 * The lexer reads a buffer the parser has already normalised (BOM removed,
 * every line ending turned into '\n', a final '\n' guaranteed) and never
 * copies text: a token is a pointer and length into that buffer.  Strings
 * and numbers are only delimited here; the parser decodes them.
 */
#ifndef GS_LEXER_H
#define GS_LEXER_H

#include "ast.h"

typedef enum gs_LexTokType {
    GS_TK_ENDMARKER, GS_TK_NAME, GS_TK_NUMBER, GS_TK_STRING,
    GS_TK_NEWLINE, GS_TK_INDENT, GS_TK_DEDENT, GS_TK_OP,
    GS_TK_ERROR        /* the lexer's error record says what went wrong */
} gs_LexTokType;

typedef enum gs_LexOp {
    GS_T_NONE,
    GS_T_LPAR, GS_T_RPAR, GS_T_LSQB, GS_T_RSQB, GS_T_LBRACE, GS_T_RBRACE,
    GS_T_COLON, GS_T_COMMA, GS_T_SEMI, GS_T_PLUS, GS_T_MINUS, GS_T_STAR,
    GS_T_SLASH, GS_T_VBAR, GS_T_AMPER, GS_T_LESS, GS_T_GREATER, GS_T_EQUAL,
    GS_T_DOT, GS_T_PERCENT, GS_T_EQEQUAL, GS_T_NOTEQUAL, GS_T_LESSEQUAL,
    GS_T_GREATEREQUAL, GS_T_TILDE, GS_T_CIRCUMFLEX, GS_T_LEFTSHIFT,
    GS_T_RIGHTSHIFT, GS_T_DOUBLESTAR, GS_T_PLUSEQUAL, GS_T_MINEQUAL,
    GS_T_STAREQUAL, GS_T_SLASHEQUAL, GS_T_PERCENTEQUAL, GS_T_AMPEREQUAL,
    GS_T_VBAREQUAL, GS_T_CIRCUMFLEXEQUAL, GS_T_LEFTSHIFTEQUAL,
    GS_T_RIGHTSHIFTEQUAL, GS_T_DOUBLESTAREQUAL, GS_T_DOUBLESLASH,
    GS_T_DOUBLESLASHEQUAL, GS_T_AT, GS_T_ATEQUAL, GS_T_RARROW, GS_T_ELLIPSIS,
    GS_T_COLONEQUAL, GS_T_EXCLAMATION
} gs_LexOp;

/* Keywords are recognised by the lexer so the parser compares small ints. */
typedef enum gs_LexKw {
    GS_KW_NONE_, GS_KW_FALSE, GS_KW_NONE, GS_KW_TRUE, GS_KW_AND, GS_KW_AS,
    GS_KW_ASSERT, GS_KW_ASYNC, GS_KW_AWAIT, GS_KW_BREAK, GS_KW_CLASS,
    GS_KW_CONTINUE, GS_KW_DEF, GS_KW_DEL, GS_KW_ELIF, GS_KW_ELSE, GS_KW_EXCEPT,
    GS_KW_FINALLY, GS_KW_FOR, GS_KW_FROM, GS_KW_GLOBAL, GS_KW_IF, GS_KW_IMPORT,
    GS_KW_IN, GS_KW_IS, GS_KW_LAMBDA, GS_KW_NONLOCAL, GS_KW_NOT, GS_KW_OR,
    GS_KW_PASS, GS_KW_RAISE, GS_KW_RETURN, GS_KW_TRY, GS_KW_WHILE, GS_KW_WITH,
    GS_KW_YIELD
} gs_LexKw;

typedef struct gs_LexToken {
    unsigned char type;       /* gs_LexTokType */
    unsigned char op;         /* gs_LexOp for GS_TK_OP */
    unsigned char kw;         /* gs_LexKw for GS_TK_NAME */
    unsigned char level;      /* bracket depth before this token, capped at 255 */
    int len;
    const char *start;
    int line, col, end_line, end_col;   /* CPython positions, bytes */
} gs_LexToken;

enum { GS_LEX_MAXINDENT = 100, GS_LEX_MAXLEVEL = 200 };

typedef struct gs_LexParen {
    char ch;
    int line, col;
} gs_LexParen;

typedef struct gs_Lexer {
    const char *buf_start, *cur, *end;
    const char *line_start;    /* first byte of the current line */
    int line;
    int atbol;                 /* at the beginning of a logical line */
    int pending;               /* >0: INDENTs to emit, <0: DEDENTs to emit */
    int indent_top;
    int indstack[GS_LEX_MAXINDENT + 1];   /* columns, tabs to multiples of 8 */
    int altstack[GS_LEX_MAXINDENT + 1];   /* columns, tabs count as 1 */
    int nparen;
    gs_LexParen parens[GS_LEX_MAXLEVEL];
    int fexpr;                 /* lexing an f-string expression: no NEWLINE/INDENT */
    int line_has_tokens;       /* a token was emitted on this logical line */
    int bad_utf8_line;         /* line holding the first invalid UTF-8, or 0 */
    unsigned char bad_utf8_byte;
    int bad_coding_line;       /* line of a PEP 263 declaration gcscope can't honour, or 0 */
    char bad_coding[80];       /* its message */
    int done;                  /* 1 after an error, 2 after ENDMARKER */
    int err_raised;            /* error is one CPython's tokenizer raises (see lexer.c) */
    gs_SyntaxError err;        /* filled when GS_TK_ERROR is returned */
} gs_Lexer;

/* Lex a whole module held in buf[0..len) (normalised as described above). */
void gs_lex_init(gs_Lexer *lx, const char *buf, size_t len);

/* Lex an f-string replacement field's expression text in place: positions
 * continue from (line, line_start) so errors point into the real source. */
void gs_lex_init_fexpr(gs_Lexer *lx, const char *start, const char *end,
                       int line, const char *line_start);

/* Produce the next token.  After GS_TK_ERROR or GS_TK_ENDMARKER the lexer
 * keeps returning the same kind of token. */
gs_LexTokType gs_lex_next(gs_Lexer *lx, gs_LexToken *tok);

/* 1-based character column of byte column `col` in the line at `line_start`,
 * as CPython reports SyntaxError.offset. */
int gs_lex_char_offset(const char *line_start, int col);

/* Decode one UTF-8 sequence at s (< end); returns its length or 0 if invalid. */
int gs_lex_utf8_decode(const char *s, const char *end, unsigned *cp);

/* Whether a code point may appear in an identifier (approximation of XID). */
int gs_lex_is_id_char(unsigned cp, int first);

#endif
