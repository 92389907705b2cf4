/*
 * lexer.c — CPython 3.11's tokenizer, rewritten over a normalised buffer.
 *
 * The structure mirrors Parser/tokenizer.c (tok_get): indentation is measured
 * at the beginning of each logical line, pending INDENT/DEDENT tokens are
 * returned one per call, and errors carry the same message and the same
 * column CPython computes (often "where the tokenizer's cursor stopped",
 * which is why error columns below are taken from explicit pointers).
 *
 * Two kinds of lexer error exist in CPython and the parser needs to tell them
 * apart: errors *raised* by the tokenizer (unterminated string, bad number,
 * invalid character ...) replace a later parser error, while "done codes"
 * (bad dedent, tab/space mix, EOF inside brackets) do not.  `err_raised`
 * records which one happened.
 */
#include "lexer.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ utilities */

int gs_lex_utf8_decode(const char *s, const char *end, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t avail = (size_t)(end - s);
    unsigned c = u[0];
    if (c < 0x80) { *cp = c; return 1; }
    int n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; c &= 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; c &= 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; c &= 0x07; min = 0x10000; }
    else return 0;
    if (avail < (size_t)n) return 0;
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return n;
}

int gs_lex_char_offset(const char *line_start, int col)
{
    int n = 0;
    for (int i = 0; i < col; i++)
        if (((unsigned char)line_start[i] & 0xC0) != 0x80) n++;
    return n + 1;
}

/* An approximation of Unicode XID_Start/XID_Continue that keeps letters of
 * the common scripts and rejects punctuation, symbols and spaces, which are
 * what "invalid character" errors are about in practice. */
int gs_lex_is_id_char(unsigned cp, int first)
{
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_') return 1;
        return !first && cp >= '0' && cp <= '9';
    }
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return 1;
    if (cp < 0xC0) return !first && cp == 0xB7;
    if (cp == 0xD7 || cp == 0xF7) return 0;
    if (cp < 0x2000) {
        if (cp >= 0x300 && cp <= 0x36F) return !first;  /* combining marks */
        if (cp == 0x37E || cp == 0x387) return 0;
        return 1;
    }
    if (cp >= 0x2000 && cp <= 0x2BFF) {   /* punctuation, symbols, arrows, math */
        if (cp == 0x203F || cp == 0x2040 || cp == 0x2054) return !first;
        if (cp >= 0x2070 && cp <= 0x209F) return cp == 0x2071 || cp == 0x207F || (cp >= 0x2090);
        if (cp >= 0x2100 && cp <= 0x214F) return 1;   /* letterlike */
        if (cp >= 0x2160 && cp <= 0x2188) return 1;   /* roman numerals */
        return 0;
    }
    if (cp >= 0x2C00 && cp <= 0x2DFF) return 1;
    if (cp >= 0x2E00 && cp <= 0x2E7F) return 0;
    if (cp >= 0x3000 && cp <= 0x3004) return 0;
    if (cp >= 0x3008 && cp <= 0x3020) return 0;
    if (cp == 0x3030 || cp == 0x303D || cp == 0x30FB) return 0;
    if (cp >= 0xD800 && cp <= 0xF8FF) return 0;    /* surrogates, private use */
    if (cp >= 0xFE10 && cp <= 0xFE6F) return 0;    /* CJK compat punctuation */
    if (cp == 0xFEFF) return 0;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return 0;
    if (cp >= 0xFF1A && cp <= 0xFF20) return 0;
    if (cp >= 0xFF3B && cp <= 0xFF40) return 0;
    if (cp >= 0xFF5B && cp <= 0xFF65) return 0;
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return 0;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return 0;  /* emoji and pictographs */
    if (cp >= 0xE0000) return 0;
    return 1;
}

/* Printable in the sense of str.isprintable(): not a control, separator or
 * format character.  Used to pick between the two invalid-character texts. */
static int lex_is_printable(unsigned cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return 0;
    if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F)) return 0;
    if (cp >= 0x2028 && cp <= 0x202F) return 0;
    if (cp >= 0x205F && cp <= 0x206F) return 0;
    if (cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return 0;
    if (cp >= 0xD800 && cp <= 0xF8FF) return 0;
    if (cp >= 0xE0000) return 0;
    return 1;
}

static int is_ident_start_ascii(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
static int is_ident_char_ascii(int c)
{
    return is_ident_start_ascii(c) || (c >= '0' && c <= '9');
}
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ------------------------------------------------------------- errors */

/* Record an error.  `offset` is CPython's 1-based SyntaxError.offset. */
static gs_LexTokType lex_fail(gs_Lexer *lx, gs_SyntaxKind kind, int raised,
                              int line, int offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

#include <stdarg.h>
static gs_LexTokType lex_fail(gs_Lexer *lx, gs_SyntaxKind kind, int raised,
                              int line, int offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    memset(&lx->err, 0, sizeof lx->err);
    lx->err.kind = kind;
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    va_end(ap);
    lx->err.line = line;
    lx->err.col = offset;
    lx->err.end_line = line;
    lx->err.end_col = offset;
    lx->err_raised = raised;
    lx->done = 1;
    return GS_TK_ERROR;
}

/* Offset of the cursor position `p` on the current line, CPython-style
 * (the number of characters before it, which CPython uses as 1-based). */
static int lex_cur_offset(gs_Lexer *lx, const char *p)
{
    return gs_lex_char_offset(lx->line_start, (int)(p - lx->line_start)) - 1;
}

/* ------------------------------------------------------------- init */

static void lex_common_init(gs_Lexer *lx)
{
    memset(lx, 0, sizeof *lx);
}

/* PEP 263: "coding[:=] NAME" in a comment on line 1 or 2 (line 2 only when
 * line 1 is a comment or blank).  gcscope reads UTF-8 only: a UTF-8 name is
 * fine, a single-byte one is fine while the file is ASCII (it reads the same),
 * and anything else is CPython's "encoding problem: NAME". */
static void check_coding(gs_Lexer *lx, int ascii)
{
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", "utf-8-sig", NULL};
    static const char *const bytewise[] = {
        "ascii", "us-ascii", "646", "latin-1", "latin1", "l1", "iso-8859-1", "iso8859-1", "iso-latin-1",
        "iso-8859-15", "iso8859-15", "latin-9", "latin9", "cp1252", "windows-1252", "cp437", NULL};
    const char *p = lx->buf_start, *end = lx->end;
    for (int line = 1; line <= 2 && p < end; line++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\f')) q++;
        if (q < eol && *q == '#') {
            for (const char *k = q; k + 7 <= eol; k++) {
                if (memcmp(k, "coding", 6) != 0 || (k[6] != ':' && k[6] != '=')) continue;
                const char *n = k + 7;
                while (n < eol && (*n == ' ' || *n == '\t')) n++;
                const char *n0 = n;
                char name[32];
                size_t len = 0;
                while (n < eol && ((*n > 0 && is_ident_char_ascii(*n)) || *n == '-' || *n == '.')) {
                    if (len < sizeof name - 1) name[len++] = (char)(*n >= 'A' && *n <= 'Z' ? *n + 32 : *n == '_' ? '-' : *n);
                    n++;
                }
                name[len] = '\0';
                if (!len) break;
                if (strncmp(name, "utf-8-", 6) == 0)
                    return;
                for (int i = 0; utf8[i]; i++)
                    if (strcmp(name, utf8[i]) == 0) return;
                for (int i = 0; bytewise[i]; i++)
                    if (strcmp(name, bytewise[i]) == 0) {
                        if (ascii) return;
                        snprintf(lx->bad_coding, sizeof lx->bad_coding, "gcscope reads only UTF-8 (not %s)", name);
                        lx->bad_coding_line = line;
                        return;
                    }
                snprintf(lx->bad_coding, sizeof lx->bad_coding, "encoding problem: %.*s", (int)(n - n0), n0);
                lx->bad_coding_line = line;
                return;
            }
        } else if (q < eol && *q != '\r') {
            return; /* line 1 holds code: line 2 is not looked at */
        }
        p = eol + 1;
    }
}

void gs_lex_init(gs_Lexer *lx, const char *buf, size_t len)
{
    lex_common_init(lx);
    lx->cur = buf;
    lx->buf_start = buf;
    lx->end = buf + len;
    lx->line_start = buf;
    lx->line = 1;
    lx->atbol = 1;
    /* Find the first line that is not valid UTF-8: CPython decodes the file
     * line by line and fails when the tokenizer first needs that line. */
    int line = 1, ascii = 1;
    const char *p = buf;
    while (p < lx->end) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n') { line++; p++; continue; }
        if (c < 0x80) { p++; continue; }
        ascii = 0;
        unsigned cp;
        int n = gs_lex_utf8_decode(p, lx->end, &cp);
        if (!n) {
            lx->bad_utf8_line = line;
            lx->bad_utf8_byte = c;
            break;
        }
        p += n;
    }
    check_coding(lx, ascii);
}

void gs_lex_init_fexpr(gs_Lexer *lx, const char *start, const char *end,
                       int line, const char *line_start)
{
    lex_common_init(lx);
    lx->cur = start;
    lx->buf_start = start;
    lx->end = end;
    lx->line = line;
    lx->line_start = line_start;
    lx->fexpr = 1;
}

/* ------------------------------------------------------------- tokens */

static void tok_set(gs_Lexer *lx, gs_LexToken *t, gs_LexTokType type,
                    const char *start, const char *stop, int start_line,
                    const char *start_line_start)
{
    t->type = (unsigned char)type;
    t->op = 0;
    t->kw = 0;
    t->level = (unsigned char)(lx->nparen > 255 ? 255 : lx->nparen);
    t->start = start;
    t->len = (int)(stop - start);
    t->line = start_line;
    t->col = (int)(start - start_line_start);
    t->end_line = lx->line;
    t->end_col = (int)(stop - lx->line_start);
}

static int lex_keyword(const char *s, int n)
{
    static const struct { const char *w; int len; int kw; } kws[] = {
        {"False", 5, GS_KW_FALSE}, {"None", 4, GS_KW_NONE}, {"True", 4, GS_KW_TRUE},
        {"and", 3, GS_KW_AND}, {"as", 2, GS_KW_AS}, {"assert", 6, GS_KW_ASSERT},
        {"async", 5, GS_KW_ASYNC}, {"await", 5, GS_KW_AWAIT}, {"break", 5, GS_KW_BREAK},
        {"class", 5, GS_KW_CLASS}, {"continue", 8, GS_KW_CONTINUE}, {"def", 3, GS_KW_DEF},
        {"del", 3, GS_KW_DEL}, {"elif", 4, GS_KW_ELIF}, {"else", 4, GS_KW_ELSE},
        {"except", 6, GS_KW_EXCEPT}, {"finally", 7, GS_KW_FINALLY}, {"for", 3, GS_KW_FOR},
        {"from", 4, GS_KW_FROM}, {"global", 6, GS_KW_GLOBAL}, {"if", 2, GS_KW_IF},
        {"import", 6, GS_KW_IMPORT}, {"in", 2, GS_KW_IN}, {"is", 2, GS_KW_IS},
        {"lambda", 6, GS_KW_LAMBDA}, {"nonlocal", 8, GS_KW_NONLOCAL}, {"not", 3, GS_KW_NOT},
        {"or", 2, GS_KW_OR}, {"pass", 4, GS_KW_PASS}, {"raise", 5, GS_KW_RAISE},
        {"return", 6, GS_KW_RETURN}, {"try", 3, GS_KW_TRY}, {"while", 5, GS_KW_WHILE},
        {"with", 4, GS_KW_WITH}, {"yield", 5, GS_KW_YIELD},
    };
    if (n < 2 || n > 8) return 0;
    char c = s[0];
    if (!((c >= 'a' && c <= 'y') || c == 'F' || c == 'N' || c == 'T')) return 0;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (kws[i].w[0] == c && kws[i].len == n && memcmp(kws[i].w, s, (size_t)n) == 0)
            return kws[i].kw;
    return 0;
}

/* Operators: longest match, decided by the first one to three bytes. */
static int lex_operator(const char *s, const char *end, int *len)
{
    int c1 = s + 1 < end ? (unsigned char)s[1] : 0;
    int c2 = s + 2 < end ? (unsigned char)s[2] : 0;
#define OP(n, code) do { *len = (n); return (code); } while (0)
    switch (s[0]) {
    case '(': OP(1, GS_T_LPAR);
    case ')': OP(1, GS_T_RPAR);
    case '[': OP(1, GS_T_LSQB);
    case ']': OP(1, GS_T_RSQB);
    case '{': OP(1, GS_T_LBRACE);
    case '}': OP(1, GS_T_RBRACE);
    case ',': OP(1, GS_T_COMMA);
    case ';': OP(1, GS_T_SEMI);
    case '~': OP(1, GS_T_TILDE);
    case ':': if (c1 == '=') OP(2, GS_T_COLONEQUAL); OP(1, GS_T_COLON);
    case '.': if (c1 == '.' && c2 == '.') OP(3, GS_T_ELLIPSIS); OP(1, GS_T_DOT);
    case '+': if (c1 == '=') OP(2, GS_T_PLUSEQUAL); OP(1, GS_T_PLUS);
    case '-': if (c1 == '=') OP(2, GS_T_MINEQUAL); if (c1 == '>') OP(2, GS_T_RARROW); OP(1, GS_T_MINUS);
    case '*':
        if (c1 == '*') { if (c2 == '=') OP(3, GS_T_DOUBLESTAREQUAL); OP(2, GS_T_DOUBLESTAR); }
        if (c1 == '=') OP(2, GS_T_STAREQUAL);
        OP(1, GS_T_STAR);
    case '/':
        if (c1 == '/') { if (c2 == '=') OP(3, GS_T_DOUBLESLASHEQUAL); OP(2, GS_T_DOUBLESLASH); }
        if (c1 == '=') OP(2, GS_T_SLASHEQUAL);
        OP(1, GS_T_SLASH);
    case '%': if (c1 == '=') OP(2, GS_T_PERCENTEQUAL); OP(1, GS_T_PERCENT);
    case '&': if (c1 == '=') OP(2, GS_T_AMPEREQUAL); OP(1, GS_T_AMPER);
    case '|': if (c1 == '=') OP(2, GS_T_VBAREQUAL); OP(1, GS_T_VBAR);
    case '^': if (c1 == '=') OP(2, GS_T_CIRCUMFLEXEQUAL); OP(1, GS_T_CIRCUMFLEX);
    case '@': if (c1 == '=') OP(2, GS_T_ATEQUAL); OP(1, GS_T_AT);
    case '=': if (c1 == '=') OP(2, GS_T_EQEQUAL); OP(1, GS_T_EQUAL);
    case '!': if (c1 == '=') OP(2, GS_T_NOTEQUAL); OP(1, GS_T_EXCLAMATION);
    case '<':
        if (c1 == '<') { if (c2 == '=') OP(3, GS_T_LEFTSHIFTEQUAL); OP(2, GS_T_LEFTSHIFT); }
        if (c1 == '=') OP(2, GS_T_LESSEQUAL);
        OP(1, GS_T_LESS);
    case '>':
        if (c1 == '>') { if (c2 == '=') OP(3, GS_T_RIGHTSHIFTEQUAL); OP(2, GS_T_RIGHTSHIFT); }
        if (c1 == '=') OP(2, GS_T_GREATEREQUAL);
        OP(1, GS_T_GREATER);
    default: return 0;
    }
#undef OP
}

/* Consume a newline inside a token (string): CPython reads the next line. */
static void lex_newline(gs_Lexer *lx, const char *after)
{
    lx->line++;
    lx->line_start = after;
}

static int lex_peek(gs_Lexer *lx, const char *p) { return p < lx->end ? (unsigned char)*p : -1; }

/* CPython's verify_end_of_number: a number may run straight into one of a
 * few keywords ("1if x else y"), but not into any other identifier. */
static int lex_number_end_ok(gs_Lexer *lx, const char *p)
{
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    int c = lex_peek(lx, p);
    if (!(c >= 0 && is_ident_char_ascii(c))) return 1;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t n = strlen(kws[i]);
        if ((size_t)(lx->end - p) >= n && memcmp(p, kws[i], n) == 0) return 1;
    }
    return !(c >= 0 && is_ident_char_ascii(c));
}

/* Scan the digits-with-underscores tail; NULL on a misplaced underscore
 * (then *bad points where CPython reports it). */
static const char *lex_decimal_tail(gs_Lexer *lx, const char *p, const char **bad)
{
    for (;;) {
        while (is_digit(lex_peek(lx, p))) p++;
        if (lex_peek(lx, p) != '_') return p;
        p++;
        if (!is_digit(lex_peek(lx, p))) { *bad = p; return NULL; }
    }
}

static gs_LexTokType lex_number(gs_Lexer *lx, gs_LexToken *t, const char *start)
{
    const char *p = start;
    const char *bad = NULL;
    int c = lex_peek(lx, p);
    const char *kind = "decimal";
#define NUM_FAIL(ptr, ...) return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, lex_cur_offset(lx, (ptr)), __VA_ARGS__)
    if (c == '0' && p + 1 < lx->end && strchr("xXoObB", p[1]) && p[1]) {
        int base = (p[1] == 'x' || p[1] == 'X') ? 16 : (p[1] == 'o' || p[1] == 'O') ? 8 : 2;
        kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        p += 2;
        do {
            if (lex_peek(lx, p) == '_') p++;
            c = lex_peek(lx, p);
            int ok = base == 16 ? is_xdigit(c) : base == 8 ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
            if (!ok) {
                if (base != 16 && is_digit(c))
                    NUM_FAIL(p + 1, "invalid digit '%c' in %s literal", c, kind);
                NUM_FAIL(p, "invalid %s literal", kind);
            }
            do {
                p++;
                c = lex_peek(lx, p);
            } while (base == 16 ? is_xdigit(c) : base == 8 ? (c >= '0' && c <= '7') : (c == '0' || c == '1'));
        } while (c == '_');
        if (base != 16 && is_digit(c))
            NUM_FAIL(p + 1, "invalid digit '%c' in %s literal", c, kind);
        if (!lex_number_end_ok(lx, p)) NUM_FAIL(p, "invalid %s literal", kind);
        goto done;
    }
    int is_float = 0;
    if (c == '0') {
        int nonzero = 0;
        while (lex_peek(lx, p) == '0') {
            p++;
            if (lex_peek(lx, p) == '_') {
                p++;
                if (!is_digit(lex_peek(lx, p))) NUM_FAIL(p, "invalid decimal literal");
            }
        }
        const char *zeros_end = p;
        if (is_digit(lex_peek(lx, p))) {
            nonzero = 1;
            p = lex_decimal_tail(lx, p, &bad);
            if (!p) NUM_FAIL(bad, "invalid decimal literal");
        }
        c = lex_peek(lx, p);
        if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            is_float = 1;
        } else if (nonzero) {
            (void)zeros_end;
            return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, lex_cur_offset(lx, start) + 1,
                            "leading zeros in decimal integer literals are not permitted; "
                            "use an 0o prefix for octal integers");
        }
    } else if (c != '.') {
        p = lex_decimal_tail(lx, p, &bad);
        if (!p) NUM_FAIL(bad, "invalid decimal literal");
    }
    c = lex_peek(lx, p);
    if (c == '.') {
        is_float = 1;
        p++;
        if (is_digit(lex_peek(lx, p))) {
            p = lex_decimal_tail(lx, p, &bad);
            if (!p) NUM_FAIL(bad, "invalid decimal literal");
        }
        c = lex_peek(lx, p);
    }
    if (c == 'e' || c == 'E') {
        const char *e = p;
        p++;
        c = lex_peek(lx, p);
        if (c == '+' || c == '-') {
            p++;
            if (!is_digit(lex_peek(lx, p))) NUM_FAIL(p, "invalid decimal literal");
        } else if (!is_digit(c)) {
            /* "1else": back up to the 'e' and let the end check decide */
            p = e;
            if (!lex_number_end_ok(lx, p)) NUM_FAIL(p, "invalid decimal literal");
            goto done;
        }
        is_float = 1;
        p = lex_decimal_tail(lx, p, &bad);
        if (!p) NUM_FAIL(bad, "invalid decimal literal");
        c = lex_peek(lx, p);
    }
    if (c == 'j' || c == 'J') {
        p++;
        kind = "imaginary";
    }
    if (!lex_number_end_ok(lx, p)) NUM_FAIL(p, "invalid %s literal", kind);
    (void)is_float;
done:
#undef NUM_FAIL
    tok_set(lx, t, GS_TK_NUMBER, start, p, lx->line, lx->line_start);
    lx->cur = p;
    return GS_TK_NUMBER;
}

/* Delimit a string literal whose quote starts at q (prefix from start). */
static gs_LexTokType lex_string(gs_Lexer *lx, gs_LexToken *t, const char *start, const char *q)
{
    char quote = *q;
    int triple = (lx->end - q >= 3 && q[1] == quote && q[2] == quote);
    int start_line = lx->line;
    const char *start_ls = lx->line_start;
    const char *p = q + (triple ? 3 : 1);
    for (;;) {
        if (p >= lx->end) {
            /* CPython reports at the token start, naming the line it was on
             * when input ran out. */
            int at = lx->line;
            if (p > q && p[-1] == '\n' && lx->line > start_line) at = lx->line - 1;
            if (triple) at = lx->line - (p > q && p[-1] == '\n' ? 1 : 0);
            if (at < start_line) at = start_line;
            int off = gs_lex_char_offset(start_ls, (int)(start - start_ls));
            return lex_fail(lx, GS_SYNTAX_ERROR, 1, start_line, off,
                            triple ? "unterminated triple-quoted string literal (detected at line %d)"
                                   : "unterminated string literal (detected at line %d)", at);
        }
        char c = *p;
        if (c == '\n') {
            if (!triple) {
                int off = gs_lex_char_offset(start_ls, (int)(start - start_ls));
                return lex_fail(lx, GS_SYNTAX_ERROR, 1, start_line, off,
                                "unterminated string literal (detected at line %d)", lx->line);
            }
            p++;
            lex_newline(lx, p);
            if (lx->bad_utf8_line && lx->line >= lx->bad_utf8_line) return GS_TK_ERROR + 100;
            continue;
        }
        if (c == '\\') {
            p++;
            if (p < lx->end) {
                if (*p == '\n') {
                    p++;
                    lex_newline(lx, p);
                    if (lx->bad_utf8_line && lx->line >= lx->bad_utf8_line) return GS_TK_ERROR + 100;
                } else {
                    p++;
                }
            }
            continue;
        }
        if (c == quote) {
            if (!triple) { p++; break; }
            if (lx->end - p >= 3 && p[1] == quote && p[2] == quote) { p += 3; break; }
        }
        p++;
    }
    tok_set(lx, t, GS_TK_STRING, start, p, start_line, start_ls);
    lx->cur = p;
    return GS_TK_STRING;
}

static gs_LexTokType lex_bad_utf8(gs_Lexer *lx)
{
    return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->bad_utf8_line, 0,
                    "Non-UTF-8 code starting with '\\x%02x' in file <file> on line %d, "
                    "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    lx->bad_utf8_byte, lx->bad_utf8_line);
}

static gs_LexTokType lex_endmarker(gs_Lexer *lx, gs_LexToken *t)
{
    const char *ls = lx->line_start;
    int line = lx->line;
    t->type = GS_TK_ENDMARKER;
    t->op = t->kw = 0;
    t->level = (unsigned char)(lx->nparen > 255 ? 255 : lx->nparen);
    t->start = lx->end;
    t->len = 0;
    t->line = t->end_line = line;
    const char *e = lx->end;
    if (e > ls && e[-1] == '\n') e--;
    t->col = t->end_col = (int)(e - ls);
    return GS_TK_ENDMARKER;
}

/* Where CPython's tokenizer stands at end of input: on the last physical
 * line, after its last character (not on the empty line after the final
 * newline).  *col is that line's length. */
static void lex_eof_pos(const gs_Lexer *lx, int *line, int *col)
{
    const char *ls = lx->line_start;
    int l = lx->line;
    if (l > 1 && ls == lx->end && lx->end > lx->buf_start) {
        const char *b = lx->end - 1;
        while (b > lx->buf_start && b[-1] != '\n') b--;
        ls = b;
        l--;
    }
    const char *e = lx->end;
    if (e > ls && e[-1] == '\n') e--;
    *line = l;
    *col = (int)(e - ls);
}

gs_LexTokType gs_lex_next(gs_Lexer *lx, gs_LexToken *t)
{
    if (lx->done) {
        if (lx->done == 2) return lex_endmarker(lx, t);
        t->type = GS_TK_ERROR;
        return GS_TK_ERROR;
    }
    gs_LexTokType r;
    if (lx->bad_coding_line)
        return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->bad_coding_line, 0, "%s", lx->bad_coding);
    if (lx->bad_utf8_line && lx->line >= lx->bad_utf8_line) return lex_bad_utf8(lx);

nextline:
    if (lx->atbol && !lx->fexpr) {
        int col = 0, altcol = 0, cont_col = 0;
        const char *p = lx->cur;
        lx->atbol = 0;
        for (;;) {
            int c = lex_peek(lx, p);
            if (c == ' ') { col++; altcol++; p++; }
            else if (c == '\t') { col = (col / 8 + 1) * 8; altcol++; p++; }
            else if (c == '\f') { col = altcol = 0; p++; }
            else if (c == '\\') {
                /* indentation cannot be split by a continuation: the first
                 * backslash fixes the level */
                cont_col = cont_col ? cont_col : col;
                if (lex_peek(lx, p + 1) != '\n')
                    return lex_fail(lx, GS_SYNTAX_ERROR, 0, lx->line, lex_cur_offset(lx, p) + 2,
                                    "unexpected character after line continuation character");
                if (p + 2 >= lx->end)
                    return lex_fail(lx, GS_SYNTAX_ERROR, 0, lx->line, lex_cur_offset(lx, p) + 2,
                                    "unexpected EOF while parsing");
                p += 2;
                lex_newline(lx, p);
            }
            else break;
        }
        lx->cur = p;
        int c = lex_peek(lx, p);
        int blank = (c == '#' || c == '\n');
        if (!blank && lx->nparen == 0 && c >= 0) {
            if (cont_col) { col = cont_col; }
            int top = lx->indent_top;
            if (col == lx->indstack[top]) {
                if (altcol != lx->altstack[top]) goto taberror;
            } else if (col > lx->indstack[top]) {
                if (top + 1 >= GS_LEX_MAXINDENT)
                    return lex_fail(lx, GS_INDENTATION_ERROR, 0, lx->line, 1, "too many levels of indentation");
                if (altcol <= lx->altstack[top]) goto taberror;
                lx->pending++;
                lx->indent_top = ++top;
                lx->indstack[top] = col;
                lx->altstack[top] = altcol;
            } else {
                while (lx->indent_top > 0 && col < lx->indstack[lx->indent_top]) {
                    lx->pending--;
                    lx->indent_top--;
                }
                if (col != lx->indstack[lx->indent_top]) {
                    const char *e = lx->cur;
                    while (e < lx->end && *e != '\n') e++;
                    return lex_fail(lx, GS_INDENTATION_ERROR, 0, lx->line,
                                    gs_lex_char_offset(lx->line_start, (int)(e - lx->line_start)),
                                    "unindent does not match any outer indentation level");
                }
                if (altcol != lx->altstack[lx->indent_top]) goto taberror;
            }
        } else if (c < 0 && lx->nparen == 0) {
            /* end of input: close every open block */
            lx->pending -= lx->indent_top;
            lx->indent_top = 0;
        }
    }

    if (lx->pending) {
        /* INDENT/DEDENT have no text; CPython locates errors on them at the
         * cursor, i.e. the first character of the line's code. */
        t->type = GS_TK_INDENT;
        if (lx->pending < 0) { lx->pending++; t->type = GS_TK_DEDENT; }
        else lx->pending--;
        t->op = t->kw = 0;
        t->level = 0;
        t->start = lx->cur;
        t->len = 0;
        t->line = t->end_line = lx->line;
        t->col = t->end_col = (int)(lx->cur - lx->line_start);
        if (lx->cur >= lx->end && !lx->fexpr) {
            /* CPython's cursor at EOF is past the last line's end */
            lex_eof_pos(lx, &t->line, &t->col);
            t->end_line = t->line;
            t->end_col = ++t->col;
        }
        return (gs_LexTokType)t->type;
    }

again:
    /* skip spaces and comments */
    while (lx->cur < lx->end && (*lx->cur == ' ' || *lx->cur == '\t' || *lx->cur == '\f')) lx->cur++;
    const char *comment = NULL;
    if (lx->cur < lx->end && *lx->cur == '#') {
        comment = lx->cur;
        while (lx->cur < lx->end && *lx->cur != '\n') lx->cur++;
    }
    const char *s = lx->cur;
    if (s >= lx->end) {
        if (lx->fexpr) {
            lx->done = 2;
            return lex_endmarker(lx, t);
        }
        if (lx->nparen > 0) {
            gs_LexParen *pp = &lx->parens[lx->nparen - 1];
            return lex_fail(lx, GS_SYNTAX_ERROR, 0, pp->line, pp->col + 1, "'%c' was never closed", pp->ch);
        }
        if (lx->line_has_tokens) {
            /* input without a final newline still ends its logical line */
            lx->line_has_tokens = 0;
            tok_set(lx, t, GS_TK_NEWLINE, s, s, lx->line, lx->line_start);
            return GS_TK_NEWLINE;
        }
        if (lx->indent_top > 0) {
            lx->pending = -lx->indent_top;
            lx->indent_top = 0;
            lx->pending++;
            t->type = GS_TK_DEDENT;
            t->op = t->kw = 0;
            t->level = 0;
            t->start = s;
            t->len = 0;
            lex_eof_pos(lx, &t->line, &t->col);
            t->end_line = t->line;
            t->end_col = ++t->col;
            return GS_TK_DEDENT;
        }
        /* The ENDMARKER is at the end of the last physical line, not at
         * the start of the (empty) line after the final newline. */
        lx->done = 2;
        if (lx->line > 1 && lx->line_start == lx->end && lx->end > lx->buf_start) {
            const char *q = lx->end - 1;   /* the final '\n' */
            const char *b = q;
            while (b > lx->buf_start && b[-1] != '\n') b--;
            lx->line--;
            lx->line_start = b;
        }
        return lex_endmarker(lx, t);
    }

    int c = (unsigned char)*s;

    if (c == '\n') {
        lx->cur = s + 1;
        if (lx->fexpr) goto again;
        int blank = !lx->line_has_tokens;
        int inparen = lx->nparen > 0;
        const char *ls = lx->line_start;
        lex_newline(lx, s + 1);
        lx->atbol = 1;
        if (lx->bad_utf8_line && lx->line >= lx->bad_utf8_line) return lex_bad_utf8(lx);
        if (blank || inparen) goto nextline;
        lx->line_has_tokens = 0;
        t->type = GS_TK_NEWLINE;
        t->op = t->kw = 0;
        t->level = 0;
        t->start = s;
        t->len = 1;
        t->line = t->end_line = lx->line - 1;
        /* CPython's NEWLINE starts where a trailing comment starts */
        t->col = (int)((comment ? comment : s) - ls);
        t->end_col = t->col + 1;
        return GS_TK_NEWLINE;
    }

    lx->line_has_tokens = 1;

    /* identifiers and string prefixes */
    if (is_ident_start_ascii(c)) {
        const char *p = s;
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        /* string prefix? */
        for (;;) {
            int d = lex_peek(lx, p);
            if (!saw_b && !saw_u && !saw_f && (d == 'b' || d == 'B')) saw_b = 1;
            else if (!saw_b && !saw_u && !saw_r && !saw_f && (d == 'u' || d == 'U')) saw_u = 1;
            else if (!saw_r && !saw_u && (d == 'r' || d == 'R')) saw_r = 1;
            else if (!saw_f && !saw_b && !saw_u && (d == 'f' || d == 'F')) saw_f = 1;
            else break;
            p++;
            int q = lex_peek(lx, p);
            if (q == '"' || q == '\'') {
                lx->cur = s;
                r = lex_string(lx, t, s, p);
                if ((int)r == GS_TK_ERROR + 100) return lex_bad_utf8(lx);
                return r;
            }
        }
        p = s;
        while (p < lx->end) {
            int d = (unsigned char)*p;
            if (d < 128) {
                if (!is_ident_char_ascii(d)) break;
                p++;
                continue;
            }
            unsigned cp;
            int n = gs_lex_utf8_decode(p, lx->end, &cp);
            if (!n) break;
            if (!gs_lex_is_id_char(cp, p == s)) {
                int off = gs_lex_char_offset(lx->line_start, (int)(p - lx->line_start));
                if (lex_is_printable(cp))
                    return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, off,
                                    "invalid character '%.*s' (U+%04X)", n, p, cp);
                return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, off,
                                "invalid non-printable character U+%04X", cp);
            }
            p += n;
        }
        tok_set(lx, t, GS_TK_NAME, s, p, lx->line, lx->line_start);
        t->kw = (unsigned char)lex_keyword(s, (int)(p - s));
        lx->cur = p;
        return GS_TK_NAME;
    }

    if (is_digit(c) || (c == '.' && is_digit(lex_peek(lx, s + 1))))
        return lex_number(lx, t, s);

    if (c == '"' || c == '\'') {
        r = lex_string(lx, t, s, s);
        if ((int)r == GS_TK_ERROR + 100) return lex_bad_utf8(lx);
        return r;
    }

    if (c == '\\') {
        if (lex_peek(lx, s + 1) != '\n') {
            return lex_fail(lx, GS_SYNTAX_ERROR, 0, lx->line, lex_cur_offset(lx, s + 1) + 1,
                            "unexpected character after line continuation character");
        }
        if (s + 2 >= lx->end)
            return lex_fail(lx, GS_SYNTAX_ERROR, 0, lx->line, lex_cur_offset(lx, s) + 2,
                            "unexpected EOF while parsing");
        lx->cur = s + 2;
        lex_newline(lx, s + 2);
        if (lx->bad_utf8_line && lx->line >= lx->bad_utf8_line) return lex_bad_utf8(lx);
        goto again;
    }

    int len = 0;
    int op = lex_operator(s, lx->end, &len);
    if (op) {
        if (op == GS_T_LPAR || op == GS_T_LSQB || op == GS_T_LBRACE) {
            if (lx->nparen >= GS_LEX_MAXLEVEL)
                return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, lex_cur_offset(lx, s + 1),
                                "too many nested parentheses");
            tok_set(lx, t, GS_TK_OP, s, s + len, lx->line, lx->line_start);
            gs_LexParen *pp = &lx->parens[lx->nparen++];
            pp->ch = (char)c;
            pp->line = lx->line;
            pp->col = (int)(s - lx->line_start);
        } else if (op == GS_T_RPAR || op == GS_T_RSQB || op == GS_T_RBRACE) {
            /* the column in characters is counted only for an error: counting
             * it for every bracket is quadratic on a long line ("f()()()...") */
            if (lx->nparen == 0)
                return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line,
                                gs_lex_char_offset(lx->line_start, (int)(s - lx->line_start)), "unmatched '%c'", c);
            gs_LexParen *pp = &lx->parens[lx->nparen - 1];
            char want = pp->ch == '(' ? ')' : pp->ch == '[' ? ']' : '}';
            if (want != c) {
                int off = gs_lex_char_offset(lx->line_start, (int)(s - lx->line_start));
                if (pp->line != lx->line)
                    return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, off,
                                    "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                                    c, pp->ch, pp->line);
                return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, off,
                                "closing parenthesis '%c' does not match opening parenthesis '%c'",
                                c, pp->ch);
            }
            lx->nparen--;
            tok_set(lx, t, GS_TK_OP, s, s + len, lx->line, lx->line_start);
        } else {
            tok_set(lx, t, GS_TK_OP, s, s + len, lx->line, lx->line_start);
        }
        t->op = (unsigned char)op;
        lx->cur = s + len;
        return GS_TK_OP;
    }

    if (c >= 128) {
        unsigned cp = 0xFFFD;
        int n = gs_lex_utf8_decode(s, lx->end, &cp);
        if (n == 0) n = 1;
        int off = gs_lex_char_offset(lx->line_start, (int)(s - lx->line_start));
        if (lex_is_printable(cp))
            return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, off, "invalid character '%.*s' (U+%04X)", n, s, cp);
        return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, off, "invalid non-printable character U+%04X", cp);
    }

    /* '$', '?', '`' and control characters: CPython hands the parser an
     * ERRORTOKEN, which it reports as a plain "invalid syntax" there. */
    if (c < 0x20 && c != '\t') {
        int off = gs_lex_char_offset(lx->line_start, (int)(s - lx->line_start));
        return lex_fail(lx, GS_SYNTAX_ERROR, 1, lx->line, off, "invalid non-printable character U+%04X", (unsigned)c);
    }
    tok_set(lx, t, GS_TK_OP, s, s + 1, lx->line, lx->line_start);
    t->op = GS_T_NONE;
    lx->cur = s + 1;
    return GS_TK_OP;

taberror:
    return lex_fail(lx, GS_TAB_ERROR, 0, lx->line, 1, "inconsistent use of tabs and spaces in indentation");
}
