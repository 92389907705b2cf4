/*
 * lesson.c — parse a lesson's header, narration, prompts and recap (see
 * lesson.h for the format).  Comments are found the way Python finds them:
 * a '#' outside any string literal, including triple-quoted ones that span
 * lines, so a '#>' inside a string is never mistaken for narration.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "trace.h"

/* A problem with a line: kept, and the parse goes on without the marker. */
static void problem(gs_Lesson *l, bool *oom, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void problem(gs_Lesson *l, bool *oom, int line, const char *fmt, ...)
{
    gs_LessonError *np = realloc(l->problems, (size_t)(l->nproblems + 1) * sizeof *np);
    if (!np) {
        *oom = true;
        return;
    }
    l->problems = np;
    gs_LessonError *e = &np[l->nproblems++];
    e->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

static char *dup_trim(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *r = malloc(n + 1);
    if (r) {
        memcpy(r, s, n);
        r[n] = 0;
    }
    return r;
}

/* Append text to a paragraph, separated by a space. */
static int append_para(char **para, const char *text)
{
    size_t old = *para ? strlen(*para) : 0, add = strlen(text);
    char *r = realloc(*para, old + add + 2);
    if (!r)
        return -1;
    if (old && add)
        r[old++] = ' ';
    memcpy(r + old, text, add + 1);
    *para = r;
    return 0;
}

typedef struct Line {
    const char *start;
    size_t len;          /* without the line end */
    const char *comment; /* first '#' outside strings, or NULL */
    bool has_code;       /* something before the comment */
} Line;

/* Split into lines and find each line's comment, tracking string state
 * across lines for triple-quoted strings. */
static Line *split_lines(const char *src, size_t len, int *nlines)
{
    int cap = 64, n = 0;
    Line *lines = malloc((size_t)cap * sizeof *lines);
    if (!lines)
        return NULL;
    size_t i = 0;
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB && (unsigned char)src[2] == 0xBF)
        i = 3;
    char quote = 0;      /* inside a string: its quote char */
    bool triple = false;
    while (i < len || (i == len && n == 0 && len == 0)) {
        if (n == cap) {
            cap *= 2;
            Line *nl = realloc(lines, (size_t)cap * sizeof *nl);
            if (!nl) {
                free(lines);
                return NULL;
            }
            lines = nl;
        }
        Line *L = &lines[n++];
        L->start = src + i;
        L->comment = NULL;
        L->has_code = false;
        size_t j = i;
        while (j < len && src[j] != '\n' && src[j] != '\r') {
            char c = src[j];
            if (quote) {
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == quote) {
                    if (!triple) {
                        quote = 0;
                    } else if (j + 2 < len && src[j + 1] == quote && src[j + 2] == quote) {
                        quote = 0;
                        triple = false;
                        j += 3;
                        continue;
                    }
                }
                L->has_code = true;
                j++;
                continue;
            }
            if (c == '#' && !L->comment) {
                L->comment = src + j;
                break;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                triple = j + 2 < len && src[j + 1] == c && src[j + 2] == c;
                j += triple ? 3 : 1;
                L->has_code = true;
                continue;
            }
            if (!isspace((unsigned char)c))
                L->has_code = true;
            j++;
        }
        if (L->comment) {
            while (j < len && src[j] != '\n' && src[j] != '\r')
                j++;
        }
        if (j > len)
            j = len;
        L->len = (size_t)(src + j - L->start);
        if (quote && !triple)
            quote = 0; /* an unterminated one-line string ends with the line */
        if (quote && triple)
            L->has_code = true;
        if (j < len && src[j] == '\r' && j + 1 < len && src[j + 1] == '\n')
            j += 2;
        else if (j < len)
            j++;
        i = j;
        if (i == len && len == 0)
            break;
    }
    *nlines = n;
    return lines;
}

static bool is_header_fence(const Line *L)
{
    if (!L->comment || L->has_code)
        return false;
    const char *p = L->comment + 1;
    const char *end = L->start + L->len;
    while (p < end && *p == ' ')
        p++;
    size_t n = (size_t)(end - p);
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    return n == 3 && memcmp(p, "---", 3) == 0;
}

typedef struct Parse {
    gs_Lesson *l;
    bool oom;
    int breakpoints_line; /* the header line that lists them */
} Parse;

#define PROBLEM(P, line, ...) problem((P)->l, &(P)->oom, (line), __VA_ARGS__)

static void parse_breakpoints(Parse *P, const char *v, int line)
{
    gs_Lesson *l = P->l;
    const char *p = v;
    P->breakpoints_line = line;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        if (!isdigit((unsigned char)*p)) {
            PROBLEM(P, line, "breakpoints must be line numbers separated by commas, not '%s'", v);
            return;
        }
        long n = strtol(p, (char **)&p, 10);
        if (n < 1 || n > 1000000) {
            PROBLEM(P, line, "breakpoint %ld is not a line of this file", n);
            continue;
        }
        int *b = realloc(l->breakpoints, (size_t)(l->nbreakpoints + 1) * sizeof *b);
        if (!b) {
            P->oom = true;
            return;
        }
        l->breakpoints = b;
        l->breakpoints[l->nbreakpoints++] = (int)n;
    }
}

static void parse_options(Parse *P, const char *v, int line)
{
    gs_Lesson *l = P->l;
    const char *p = v;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        const char *q = p;
        while (*q && *q != ',' && *q != ' ')
            q++;
        size_t n = (size_t)(q - p);
        if (n == 15 && memcmp(p, "show-primitives", 15) == 0)
            l->options |= GS_LESSON_SHOW_PRIMITIVES;
        else if (n == 15 && memcmp(p, "hide-primitives", 15) == 0)
            l->options |= GS_LESSON_HIDE_PRIMITIVES;
        else if (n == 16 && memcmp(p, "show-definitions", 16) == 0)
            l->options |= GS_LESSON_SHOW_DEFINITIONS;
        else if (n == 10 && memcmp(p, "show-sizes", 10) == 0)
            l->options |= GS_LESSON_SHOW_SIZES;
        else if (n > 12 && memcmp(p, "granularity=", 12) == 0) {
            size_t g = n - 12;
            if (!((g == 5 && memcmp(p + 12, "event", 5) == 0) || (g == 4 && memcmp(p + 12, "line", 4) == 0) ||
                  (g == 5 && memcmp(p + 12, "phase", 5) == 0)))
                PROBLEM(P, line, "granularity must be event, line or phase, not '%.*s'", (int)(g > 40 ? 40 : g),
                        p + 12);
            else {
                memcpy(l->granularity, p + 12, g);
                l->granularity[g] = 0;
            }
        } else
            PROBLEM(P, line, "unknown option '%.*s' (known: show-primitives, hide-primitives, show-definitions, "
                    "show-sizes, granularity=...)", (int)(n > 40 ? 40 : n), p);
        p = q;
    }
}

/* The header, if the file starts with one: its lines become markup.
 * Returns the index of the first line after it. */
static int parse_header(Parse *P, Line *lines, int nlines)
{
    gs_Lesson *l = P->l;
    int i = 0;
    while (i < nlines && !lines[i].comment && !lines[i].has_code)
        i++;
    if (i >= nlines || !is_header_fence(&lines[i]))
        return 0;
    int open = i;
    l->has_header = true;
    l->line_flags[open + 1] |= GS_LINE_MARKUP;
    for (i = open + 1; i < nlines; i++) {
        Line *L = &lines[i];
        if (is_header_fence(L)) {
            l->line_flags[i + 1] |= GS_LINE_MARKUP;
            break;
        }
        if (L->has_code) {
            PROBLEM(P, open + 1, "the lesson header opened here is never closed with '# ---' before the code on "
                    "line %d", i + 1);
            break;
        }
        if (!L->comment)
            continue;
        l->line_flags[i + 1] |= GS_LINE_MARKUP;
        const char *p = L->comment + 1;
        const char *end = L->start + L->len;
        while (p < end && *p == ' ')
            p++;
        const char *colon = memchr(p, ':', (size_t)(end - p));
        if (!colon) {
            PROBLEM(P, i + 1, "expected '# key: value' in the lesson header");
            continue;
        }
        char *key = dup_trim(p, (size_t)(colon - p));
        char *val = dup_trim(colon + 1, (size_t)(end - colon - 1));
        if (!key || !val) {
            free(key);
            free(val);
            P->oom = true;
            return i + 1;
        }
        char **slot = strcmp(key, "title") == 0     ? &l->title
                      : strcmp(key, "summary") == 0 ? &l->summary
                      : strcmp(key, "chapter") == 0 ? &l->chapter
                                                    : NULL;
        if (slot) {
            free(*slot);
            *slot = val;
            val = NULL;
        } else if (strcmp(key, "options") == 0)
            parse_options(P, val, i + 1);
        else if (strcmp(key, "breakpoints") == 0)
            parse_breakpoints(P, val, i + 1);
        else
            PROBLEM(P, i + 1, "unknown header key '%.40s' (known: title, summary, chapter, options, breakpoints)",
                    key);
        free(key);
        free(val);
    }
    if (i >= nlines)
        PROBLEM(P, open + 1, "the lesson header opened here is never closed with '# ---'");
    if (!l->title || !*l->title)
        PROBLEM(P, open + 1, "the lesson header needs a 'title:'");
    if (!l->summary || !*l->summary)
        PROBLEM(P, open + 1, "the lesson header needs a 'summary:'");
    return i < nlines ? i + 1 : i;
}

/* Text after a marker: "#> text" -> "text". */
static char *marker_text(const Line *L)
{
    const char *p = L->comment + 2;
    const char *end = L->start + L->len;
    return dup_trim(p, (size_t)(end - p));
}

/* ------------------------------------------------------------------ answers */

/* Words for comparing: ASCII lower case, runs of spaces as one, without
 * surrounding quotes or a final full stop. */
static void normalize(const char *s, char *out, size_t n)
{
    size_t k = 0;
    bool space = false;
    while (*s && isspace((unsigned char)*s))
        s++;
    for (; *s && k + 1 < n; s++) {
        unsigned char c = (unsigned char)*s;
        if (isspace(c)) {
            space = true;
            continue;
        }
        if (space && k)
            out[k++] = ' ';
        space = false;
        if (k + 1 < n)
            out[k++] = (char)(c < 128 ? tolower(c) : c);
    }
    out[k] = 0;
    while (k && (out[k - 1] == '.' || out[k - 1] == '!'))
        out[--k] = 0;
    if (k >= 2 && (out[0] == '\'' || out[0] == '"' || out[0] == '`') && out[k - 1] == out[0]) {
        memmove(out, out + 1, k - 2);
        out[k - 2] = 0;
    }
}

static bool same_words(const char *a, const char *b)
{
    char x[512], y[512];
    normalize(a, x, sizeof x);
    normalize(b, y, sizeof y);
    return strcmp(x, y) == 0;
}

/* One number: [sign] digits [. digits] [e [sign] digits]. */
static const char *parse_number(const char *p, double *out)
{
    const char *s = p;
    if (*p == '+' || *p == '-')
        p++;
    const char *d = p;
    while (isdigit((unsigned char)*p) || *p == '_')
        p++;
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (p == d || (p == d + 1 && *d == '.'))
        return NULL;
    if (*p == 'e' || *p == 'E') {
        const char *e = p + 1;
        if (*e == '+' || *e == '-')
            e++;
        if (isdigit((unsigned char)*e)) {
            p = e;
            while (isdigit((unsigned char)*p))
                p++;
        }
    }
    char buf[512];
    size_t n = (size_t)(p - s), k = 0;
    if (n >= sizeof buf)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            buf[k++] = s[i];
    buf[k] = 0;
    *out = strtod(buf, NULL);
    return p;
}

/* "3", "-2", "(3, 0, 0)", "3 0 0", "[1, 2]": the numbers, at most `max`;
 * -1 if it is not only numbers. */
static int parse_numbers(const char *s, double *vals, int max)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    char close = 0;
    if (*p == '(' || *p == '[') {
        close = *p == '(' ? ')' : ']';
        p++;
    }
    int n = 0;
    for (;;) {
        while (isspace((unsigned char)*p))
            p++;
        if (!*p || *p == close)
            break;
        if (n == max)
            return -1;
        const char *q = parse_number(p, &vals[n]);
        if (!q)
            return -1;
        n++;
        p = q;
        while (isspace((unsigned char)*p))
            p++;
        if (*p == ',')
            p++;
        else if (*p && *p != close && !isdigit((unsigned char)*p) && *p != '-' && *p != '+')
            return -1;
    }
    if (close) {
        if (*p != close)
            return -1;
        p++;
    }
    while (isspace((unsigned char)*p))
        p++;
    return *p || n == 0 ? -1 : n;
}

enum { MAX_NUMBERS = 8 };

bool gs_prompt_numeric(const gs_Prompt *p)
{
    double v[MAX_NUMBERS];
    return p->nchoices == 0 && parse_numbers(p->answer, v, MAX_NUMBERS) > 0;
}

int gs_prompt_direction(const gs_Prompt *p, const char *typed)
{
    double want, got;
    if (p->nchoices || !typed || parse_numbers(p->answer, &want, 1) != 1 || parse_numbers(typed, &got, 1) != 1 ||
        want == got)
        return 0;
    /* "less than 1" (or 2) of a count would be (all but) the answer itself, and one off
     * ("more than 5" of a 6) all but says it: no direction then */
    if ((want < got && want >= 0 && got <= 2) || (want > got ? want - got : got - want) <= 1)
        return 0;
    return want > got ? 1 : -1;
}

gs_AnswerCheck gs_prompt_check(const gs_Prompt *p, const char *typed, int choice)
{
    if (p->nchoices > 0) {
        if (choice < 0 && typed) { /* a typed choice: its number or its words */
            char *end;
            long k = strtol(typed, &end, 10);
            while (*end && isspace((unsigned char)*end))
                end++;
            if (end != typed && !*end && k >= 1 && k <= p->nchoices)
                choice = (int)k - 1;
            for (int i = 0; choice < 0 && i < p->nchoices; i++)
                if (same_words(typed, p->choices[i]))
                    choice = i;
        }
        if (choice < 0)
            return typed && strspn(typed, " \t") < strlen(typed) ? GS_ANSWER_WRONG : GS_ANSWER_EMPTY;
        return choice == p->answer_choice ? GS_ANSWER_RIGHT : GS_ANSWER_WRONG;
    }
    if (!typed || strspn(typed, " \t\r\n") == strlen(typed))
        return GS_ANSWER_EMPTY;
    double want[MAX_NUMBERS], got[MAX_NUMBERS];
    int nw = parse_numbers(p->answer, want, MAX_NUMBERS);
    if (nw > 0) {
        if (strlen(typed) > 400)
            return GS_ANSWER_NOT_A_NUMBER;
        int ng = parse_numbers(typed, got, MAX_NUMBERS);
        if (ng < 0)
            return GS_ANSWER_NOT_A_NUMBER;
        if (ng != nw)
            return GS_ANSWER_WRONG;
        for (int i = 0; i < nw; i++)
            if (got[i] != want[i])
                return GS_ANSWER_WRONG;
        return GS_ANSWER_RIGHT;
    }
    return same_words(typed, p->answer) ? GS_ANSWER_RIGHT : GS_ANSWER_WRONG;
}

/* ------------------------------------------------------------------ prompts */

static void prompt_free(gs_Prompt *p)
{
    free(p->question);
    free(p->answer);
    free(p->explanation);
    for (int i = 0; i < p->nchoices; i++)
        free(p->choices[i]);
    free(p->choices);
    for (int i = 0; i < p->nhide_names; i++)
        free(p->hide_names[i]);
    free(p->hide_names);
    for (int i = 0; i < p->nshow_names; i++)
        free(p->show_names[i]);
    free(p->show_names);
    free(p->hint);
    memset(p, 0, sizeof *p);
}

static bool push_str(char ***arr, int *n, char *s)
{
    if (!s)
        return false;
    char **na = realloc(*arr, (size_t)(*n + 1) * sizeof *na);
    if (!na) {
        free(s);
        return false;
    }
    *arr = na;
    na[(*n)++] = s;
    return true;
}

static bool is_identifier(const char *s)
{
    if (!*s || !(isalpha((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80))
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80))
            return false;
    return true;
}

/* A name, or names joined by dots: an attribute path ("cache.items"). */
static bool is_dotted_name(const char *s)
{
    char part[128];
    for (;;) {
        const char *dot = strchr(s, '.');
        size_t n = dot ? (size_t)(dot - s) : strlen(s);
        if (n == 0 || n >= sizeof part)
            return false;
        memcpy(part, s, n);
        part[n] = 0;
        if (!is_identifier(part))
            return false;
        if (!dot)
            return true;
        s = dot + 1;
    }
}

/* "hide: x, counts" / "show: x, cache.items": names or attribute paths
 * (or hide's keywords). */
static bool prompt_names(Parse *P, gs_Prompt *p, const char *v, bool hide, int line)
{
    const char *s = v;
    bool any = false;
    while (*s) {
        while (*s == ',' || isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && *e != ',')
            e++;
        char *w = dup_trim(s, (size_t)(e - s));
        if (!w) {
            P->oom = true;
            return false;
        }
        s = e;
        any = true;
        if (hide && strcmp(w, "counts") == 0)
            p->hide |= GS_HIDE_COUNTS;
        else if (hide && strcmp(w, "collector") == 0)
            p->hide |= GS_HIDE_COLLECTOR;
        else if (hide && strcmp(w, "output") == 0)
            p->hide |= GS_HIDE_OUTPUT;
        else if (hide && strcmp(w, "none") == 0)
            ;
        else if (is_dotted_name(w)) {
            if (!push_str(hide ? &p->hide_names : &p->show_names, hide ? &p->nhide_names : &p->nshow_names, w)) {
                P->oom = true;
                return false;
            }
            continue;
        } else {
            PROBLEM(P, line, "%s: '%.40s' is not a name or an attribute path%s", hide ? "hide" : "show", w,
                    hide ? " (or counts, collector, output, none)" : "");
            free(w);
            return false;
        }
        free(w);
    }
    if (!any) {
        PROBLEM(P, line, "%s: names nothing", hide ? "hide" : "show");
        return false;
    }
    return true;
}

/* question | answer | explanation | key: value ...  false: a problem was
 * reported (or memory ran out) and the prompt is left out. */
static bool parse_prompt(Parse *P, gs_Prompt *p, const char *text, int line)
{
    memset(p, 0, sizeof *p);
    p->answer_choice = -1;
    p->hide = GS_HIDE_COUNTS | GS_HIDE_COLLECTOR;
    p->marker_line = line;
    const char *field[16];
    size_t flen[16];
    int nf = 0;
    const char *s = text;
    for (;;) {
        const char *bar = strchr(s, '|');
        if (nf == 16) {
            PROBLEM(P, line, "a prompt has at most 16 fields separated by '|'");
            return false;
        }
        field[nf] = s;
        flen[nf] = bar ? (size_t)(bar - s) : strlen(s);
        nf++;
        if (!bar)
            break;
        s = bar + 1;
    }
    if (nf < 2) {
        PROBLEM(P, line, "a prompt needs 'question | answer | explanation' (the answer is missing)");
        return false;
    }
    p->question = dup_trim(field[0], flen[0]);
    p->answer = dup_trim(field[1], flen[1]);
    p->explanation = nf > 2 ? dup_trim(field[2], flen[2]) : dup_trim("", 0);
    if (!p->question || !p->answer || !p->explanation) {
        P->oom = true;
        return false;
    }
    if (!*p->question || !*p->answer) {
        PROBLEM(P, line, "a prompt needs a question and an answer: 'question | answer | explanation'");
        return false;
    }
    bool hide_given = false;
    for (int i = 3; i < nf; i++) {
        char *f = dup_trim(field[i], flen[i]);
        if (!f) {
            P->oom = true;
            return false;
        }
        char *colon = strchr(f, ':');
        char *key = colon ? dup_trim(f, (size_t)(colon - f)) : NULL;
        const char *val = colon ? colon + 1 : "";
        bool ok = true;
        if (!key || (strcmp(key, "choices") && strcmp(key, "hide") && strcmp(key, "show") && strcmp(key, "hint"))) {
            PROBLEM(P, line, "unknown prompt field '%.40s' (after the explanation: choices:, hide:, show:, hint:)",
                    key ? key : f);
            ok = false;
        } else if (strcmp(key, "hint") == 0) {
            free(p->hint);
            p->hint = dup_trim(val, strlen(val));
            if (!p->hint)
                P->oom = true;
            else if (!*p->hint) {
                PROBLEM(P, line, "hint: the text is empty");
                free(p->hint);
                p->hint = NULL;
            }
            ok = p->hint != NULL;
        } else if (strcmp(key, "choices") == 0) {
            const char *c = val;
            while (ok && *c) {
                const char *e = strchr(c, ';');
                if (!e)
                    e = c + strlen(c);
                char *choice = dup_trim(c, (size_t)(e - c));
                if (choice && !*choice)
                    free(choice);
                else if (!push_str(&p->choices, &p->nchoices, choice)) {
                    P->oom = true;
                    ok = false;
                }
                c = *e ? e + 1 : e;
            }
            if (ok && p->nchoices == 0) {
                PROBLEM(P, line, "choices: the list is empty (separate choices with ';')");
                ok = false;
            } else if (ok && p->nchoices == 1) {
                PROBLEM(P, line, "choices: one choice is no choice (separate choices with ';')");
                ok = false;
            } else if (ok && p->nchoices > 9) {
                PROBLEM(P, line, "choices: at most 9 (the keys 1 to 9 pick them)");
                ok = false;
            }
        } else {
            bool hide = strcmp(key, "hide") == 0;
            if (hide && !hide_given) {
                p->hide = 0;
                hide_given = true;
            }
            ok = prompt_names(P, p, val, hide, line);
        }
        free(key);
        free(f);
        if (!ok)
            return false;
    }
    if (p->nchoices) {
        for (int i = 0; i < p->nchoices && p->answer_choice < 0; i++)
            if (same_words(p->choices[i], p->answer))
                p->answer_choice = i;
        if (p->answer_choice < 0) {
            PROBLEM(P, line, "the answer '%.60s' is not among the choices", p->answer);
            return false;
        }
    }
    return true;
}

/* "update_refs: text" */
static bool parse_phase_note(Parse *P, const char *text, int line, int *phase, char **note)
{
    const char *colon = strchr(text, ':');
    char *name = colon ? dup_trim(text, (size_t)(colon - text)) : NULL;
    if (!colon || !name) {
        free(name);
        PROBLEM(P, line, "collector-phase narration is '#@ PHASE: text' (the ':' is missing)");
        return false;
    }
    *phase = -1;
    for (int k = 0; k < GS_GC_PHASE_COUNT; k++)
        if (strcmp(name, gs_gc_phase_name((gs_GCPhase)k)) == 0)
            *phase = k;
    if (*phase < 0) {
        PROBLEM(P, line, "'%.40s' is not a collector phase (merge, update_refs, subtract_refs, move_unreachable, "
                "untrack_tuples, promote, untrack_dicts, legacy_finalizers, weakrefs, finalize, resurrection, "
                "delete, done)", name);
        free(name);
        return false;
    }
    free(name);
    *note = dup_trim(colon + 1, strlen(colon + 1));
    if (!*note) {
        P->oom = true;
        return false;
    }
    if (!**note) {
        free(*note);
        PROBLEM(P, line, "collector-phase narration for %s has no text", gs_gc_phase_name((gs_GCPhase)*phase));
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ the whole file */

typedef struct Pending {
    char *narration;
    int narration_line;
    gs_Prompt prompt;
    bool has_prompt;
    gs_PhaseNote *notes;
    int nnotes;
} Pending;

static void pending_free(Pending *pd)
{
    free(pd->narration);
    if (pd->has_prompt)
        prompt_free(&pd->prompt);
    for (int i = 0; i < pd->nnotes; i++)
        free(pd->notes[i].text);
    free(pd->notes);
    memset(pd, 0, sizeof *pd);
}

static void add_phase_note(Parse *P, Pending *pd, int phase, char *text, int line)
{
    /* consecutive notes for one phase join into a paragraph */
    for (int i = 0; i < pd->nnotes; i++)
        if (pd->notes[i].phase == phase) {
            if (append_para(&pd->notes[i].text, text) < 0)
                P->oom = true;
            free(text);
            return;
        }
    gs_PhaseNote *nn = realloc(pd->notes, (size_t)(pd->nnotes + 1) * sizeof *nn);
    if (!nn) {
        free(text);
        P->oom = true;
        return;
    }
    pd->notes = nn;
    nn[pd->nnotes++] = (gs_PhaseNote){ .line = line, .phase = phase, .text = text };
}

/* A code line takes what was waiting for it. */
static void attach(Parse *P, Pending *pd, int line)
{
    gs_Lesson *l = P->l;
    if (pd->narration) {
        l->narration[line] = pd->narration;
        l->line_flags[line] |= GS_LINE_NARRATED;
        pd->narration = NULL;
    }
    pd->narration_line = 0;
    if (pd->has_prompt) {
        gs_Prompt *np = realloc(l->prompts, (size_t)(l->nprompts + 1) * sizeof *np);
        if (!np) {
            P->oom = true;
            prompt_free(&pd->prompt);
        } else {
            l->prompts = np;
            pd->prompt.line = line;
            l->prompts[l->nprompts++] = pd->prompt;
            l->line_flags[line] |= GS_LINE_PROMPTED;
        }
        memset(&pd->prompt, 0, sizeof pd->prompt);
        pd->has_prompt = false;
    }
    if (pd->nnotes) {
        gs_PhaseNote *nn = realloc(l->phase_notes, (size_t)(l->nphase_notes + pd->nnotes) * sizeof *nn);
        if (!nn) {
            P->oom = true;
            for (int i = 0; i < pd->nnotes; i++)
                free(pd->notes[i].text);
        } else {
            l->phase_notes = nn;
            for (int i = 0; i < pd->nnotes; i++) {
                pd->notes[i].line = line;
                nn[l->nphase_notes++] = pd->notes[i];
            }
            l->line_flags[line] |= GS_LINE_PHASES;
        }
        free(pd->notes);
        pd->notes = NULL;
        pd->nnotes = 0;
    }
}

int gs_lesson_parse(const char *src, size_t len, gs_Lesson *l, gs_LessonError *err)
{
    memset(l, 0, sizeof *l);
    memset(err, 0, sizeof *err);
    Parse P = { .l = l };
    int nlines = 0;
    Line *lines = split_lines(src, len, &nlines);
    if (!lines)
        return -1;
    l->nlines = nlines;
    l->narration = calloc((size_t)nlines + 2, sizeof(char *));
    l->line_flags = calloc((size_t)nlines + 2, 1);
    l->code_len = malloc(((size_t)nlines + 2) * sizeof(int));
    if (!l->narration || !l->line_flags || !l->code_len) {
        free(lines);
        gs_lesson_free(l);
        return -1;
    }
    for (int i = 0; i < nlines + 2; i++)
        l->code_len[i] = -1;
    int first = parse_header(&P, lines, nlines);
    Pending pd;
    memset(&pd, 0, sizeof pd);
    for (int i = first; i < nlines && !P.oom; i++) {
        Line *L = &lines[i];
        int ln = i + 1;
        char mark = (L->comment && L->comment + 1 < L->start + L->len) ? L->comment[1] : 0;
        bool is_marker = mark == '>' || mark == '?' || mark == '=' || mark == '@';
        if (!is_marker) {
            if (L->has_code)
                attach(&P, &pd, ln);
            continue;
        }
        if (L->has_code) {
            /* the marker comment is not shown as code (an answer would be) */
            l->code_len[ln] = (int)(L->comment - L->start);
            if (mark == '>') {
                char *t = marker_text(L);
                if (!t || append_para(&pd.narration, t) < 0)
                    P.oom = true;
                free(t);
            } else
                PROBLEM(&P, ln, "a %s must be on a line of its own, before the line it is about",
                        mark == '=' ? "recap ('#=')" : mark == '?' ? "prompt ('#?')" : "phase narration ('#@')");
            attach(&P, &pd, ln);
            continue;
        }
        l->line_flags[ln] |= GS_LINE_MARKUP;
        char *t = marker_text(L);
        if (!t) {
            P.oom = true;
            break;
        }
        if (mark == '=') {
            if (append_para(&l->recap, t) < 0)
                P.oom = true;
        } else if (mark == '>') {
            if (append_para(&pd.narration, t) < 0)
                P.oom = true;
            if (!pd.narration_line)
                pd.narration_line = ln;
        } else if (mark == '?') {
            gs_Prompt np;
            if (parse_prompt(&P, &np, t, ln)) {
                if (pd.has_prompt) {
                    PROBLEM(&P, pd.prompt.marker_line, "two prompts in a row: the prompt on line %d has no code "
                            "line after it", pd.prompt.marker_line);
                    prompt_free(&pd.prompt);
                }
                pd.prompt = np;
                pd.has_prompt = true;
            } else
                prompt_free(&np);
        } else {
            int phase;
            char *note;
            if (parse_phase_note(&P, t, ln, &phase, &note))
                add_phase_note(&P, &pd, phase, note, ln);
        }
        free(t);
    }
    if (pd.narration)
        PROBLEM(&P, pd.narration_line, "narration ('#>') on line %d has no line of code after it",
                pd.narration_line);
    if (pd.has_prompt)
        PROBLEM(&P, pd.prompt.marker_line, "the prompt ('#?') on line %d has no line of code after it",
                pd.prompt.marker_line);
    if (pd.nnotes)
        PROBLEM(&P, pd.notes[0].line, "phase narration ('#@') on line %d has no line of code after it",
                pd.notes[0].line);
    pending_free(&pd);
    int kept = 0;
    for (int b = 0; b < l->nbreakpoints; b++)
        if (l->breakpoints[b] > nlines)
            PROBLEM(&P, P.breakpoints_line, "breakpoint %d is past the end of the file (%d lines)", l->breakpoints[b],
                    nlines);
        else if (!lines[l->breakpoints[b] - 1].has_code || (l->line_flags[l->breakpoints[b]] & GS_LINE_MARKUP))
            PROBLEM(&P, P.breakpoints_line, "breakpoint %d is on a line with no code (blank, a comment or lesson "
                    "text): the program never stops there", l->breakpoints[b]);
        else
            l->breakpoints[kept++] = l->breakpoints[b];
    l->nbreakpoints = kept;
    free(lines);
    if (P.oom) {
        gs_lesson_free(l);
        return -1;
    }
    if (l->nproblems)
        *err = l->problems[0];
    return l->nproblems;
}

void gs_lesson_free(gs_Lesson *l)
{
    free(l->title);
    free(l->summary);
    free(l->chapter);
    free(l->breakpoints);
    if (l->narration)
        for (int i = 0; i <= l->nlines + 1; i++)
            free(l->narration[i]);
    free(l->narration);
    free(l->line_flags);
    free(l->code_len);
    for (int i = 0; i < l->nprompts; i++)
        prompt_free(&l->prompts[i]);
    free(l->prompts);
    for (int i = 0; i < l->nphase_notes; i++)
        free(l->phase_notes[i].text);
    free(l->phase_notes);
    free(l->recap);
    free(l->problems);
    memset(l, 0, sizeof *l);
}

const char *gs_lesson_narration(const gs_Lesson *l, int line)
{
    if (!l->narration || line < 1 || line > l->nlines)
        return NULL;
    return l->narration[line];
}

const gs_Prompt *gs_lesson_prompt_at(const gs_Lesson *l, int line)
{
    for (int i = 0; i < l->nprompts; i++)
        if (l->prompts[i].line == line)
            return &l->prompts[i];
    return NULL;
}

const char *gs_lesson_phase_narration(const gs_Lesson *l, int line, int phase)
{
    for (int i = 0; i < l->nphase_notes; i++)
        if (l->phase_notes[i].line == line && l->phase_notes[i].phase == phase)
            return l->phase_notes[i].text;
    return NULL;
}

bool gs_lesson_has_phase_notes(const gs_Lesson *l, int line)
{
    return l->line_flags && line >= 1 && line <= l->nlines && (l->line_flags[line] & GS_LINE_PHASES);
}
