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

static void set_err(gs_LessonError *err, int line, const char *fmt, ...)
{
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
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

static int parse_breakpoints(gs_Lesson *l, const char *v, int line, gs_LessonError *err)
{
    const char *p = v;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        if (!isdigit((unsigned char)*p)) {
            set_err(err, line, "breakpoints must be line numbers separated by commas, not '%s'", v);
            return -1;
        }
        long n = strtol(p, (char **)&p, 10);
        if (n < 1 || n > 1000000) {
            set_err(err, line, "breakpoint %ld is not a line of this file", n);
            return -1;
        }
        int *b = realloc(l->breakpoints, (size_t)(l->nbreakpoints + 1) * sizeof *b);
        if (!b) {
            set_err(err, line, "out of memory");
            return -1;
        }
        l->breakpoints = b;
        l->breakpoints[l->nbreakpoints++] = (int)n;
    }
    return 0;
}

static int parse_options(gs_Lesson *l, const char *v, int line, gs_LessonError *err)
{
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
        else if (n > 12 && memcmp(p, "granularity=", 12) == 0) {
            size_t g = n - 12;
            if (!((g == 5 && memcmp(p + 12, "event", 5) == 0) || (g == 4 && memcmp(p + 12, "line", 4) == 0) ||
                  (g == 5 && memcmp(p + 12, "phase", 5) == 0))) {
                set_err(err, line, "granularity must be event, line or phase, not '%.*s'", (int)g, p + 12);
                return -1;
            }
            memcpy(l->granularity, p + 12, g);
            l->granularity[g] = 0;
        } else {
            set_err(err, line, "unknown option '%.*s' (known: show-primitives, hide-primitives, show-definitions, granularity=...)",
                    (int)n, p);
            return -1;
        }
        p = q;
    }
    return 0;
}

static int parse_header(gs_Lesson *l, Line *lines, int nlines, int *first_code, gs_LessonError *err)
{
    /* the header, if any, is the first non-blank thing in the file */
    int i = 0;
    while (i < nlines && !lines[i].comment && !lines[i].has_code)
        i++;
    if (i >= nlines || !is_header_fence(&lines[i])) {
        *first_code = 0;
        return 0;
    }
    int open = i;
    l->has_header = true;
    for (i = open + 1; i < nlines; i++) {
        Line *L = &lines[i];
        if (is_header_fence(L))
            break;
        if (L->has_code || !L->comment) {
            if (!L->has_code && !L->comment)
                continue;
            set_err(err, open + 1, "the lesson header opened here is never closed with '# ---' before the code on line %d",
                    i + 1);
            return -1;
        }
        const char *p = L->comment + 1;
        const char *end = L->start + L->len;
        while (p < end && *p == ' ')
            p++;
        const char *colon = memchr(p, ':', (size_t)(end - p));
        if (!colon) {
            set_err(err, i + 1, "expected '# key: value' in the lesson header");
            return -1;
        }
        char *key = dup_trim(p, (size_t)(colon - p));
        char *val = dup_trim(colon + 1, (size_t)(end - colon - 1));
        if (!key || !val) {
            free(key);
            free(val);
            set_err(err, i + 1, "out of memory");
            return -1;
        }
        int rc = 0;
        if (strcmp(key, "title") == 0) {
            free(l->title);
            l->title = val;
            val = NULL;
        } else if (strcmp(key, "summary") == 0) {
            free(l->summary);
            l->summary = val;
            val = NULL;
        } else if (strcmp(key, "chapter") == 0) {
            free(l->chapter);
            l->chapter = val;
            val = NULL;
        } else if (strcmp(key, "options") == 0)
            rc = parse_options(l, val, i + 1, err);
        else if (strcmp(key, "breakpoints") == 0)
            rc = parse_breakpoints(l, val, i + 1, err);
        else {
            set_err(err, i + 1, "unknown header key '%s' (known: title, summary, chapter, options, breakpoints)", key);
            rc = -1;
        }
        free(key);
        free(val);
        if (rc < 0)
            return -1;
    }
    if (i >= nlines) {
        set_err(err, open + 1, "the lesson header opened here is never closed with '# ---'");
        return -1;
    }
    if (!l->title || !*l->title) {
        set_err(err, open + 1, "the lesson header needs a 'title:'");
        return -1;
    }
    if (!l->summary || !*l->summary) {
        set_err(err, open + 1, "the lesson header needs a 'summary:'");
        return -1;
    }
    *first_code = i + 1;
    return 0;
}

/* Text after a marker: "#> text" -> "text". */
static char *marker_text(const Line *L)
{
    const char *p = L->comment + 2;
    const char *end = L->start + L->len;
    return dup_trim(p, (size_t)(end - p));
}

static int split_prompt(gs_Prompt *p, const char *text, int line, gs_LessonError *err)
{
    const char *a = strchr(text, '|');
    if (!a) {
        set_err(err, line, "a prompt needs 'question | answer | explanation' (the answer is missing)");
        return -1;
    }
    const char *b = strchr(a + 1, '|');
    p->question = dup_trim(text, (size_t)(a - text));
    p->answer = dup_trim(a + 1, b ? (size_t)(b - a - 1) : strlen(a + 1));
    p->explanation = b ? dup_trim(b + 1, strlen(b + 1)) : dup_trim("", 0);
    if (!p->question || !p->answer || !p->explanation) {
        set_err(err, line, "out of memory");
        return -1;
    }
    if (!*p->question || !*p->answer) {
        set_err(err, line, "a prompt needs a question and an answer: 'question | answer | explanation'");
        return -1;
    }
    return 0;
}

int gs_lesson_parse(const char *src, size_t len, gs_Lesson *l, gs_LessonError *err)
{
    memset(l, 0, sizeof *l);
    memset(err, 0, sizeof *err);
    int nlines = 0;
    Line *lines = split_lines(src, len, &nlines);
    if (!lines) {
        set_err(err, 0, "out of memory");
        return -1;
    }
    l->nlines = nlines;
    l->narration = calloc((size_t)nlines + 2, sizeof(char *));
    if (!l->narration) {
        free(lines);
        set_err(err, 0, "out of memory");
        return -1;
    }
    int first = 0;
    if (parse_header(l, lines, nlines, &first, err) < 0)
        goto fail;
    char *pending = NULL;        /* narration waiting for its code line */
    int pending_line = 0;
    gs_Prompt pending_prompt;
    int prompt_line = 0;
    memset(&pending_prompt, 0, sizeof pending_prompt);
    for (int i = first; i < nlines; i++) {
        Line *L = &lines[i];
        char mark = (L->comment && L->comment + 1 < L->start + L->len) ? L->comment[1] : 0;
        bool is_marker = mark == '>' || mark == '?' || mark == '=';
        if (is_marker && mark == '=') {
            if (L->has_code) {
                set_err(err, i + 1, "a recap ('#=') must be on a line of its own");
                goto fail_pending;
            }
            char *t = marker_text(L);
            if (!t || append_para(&l->recap, t) < 0) {
                free(t);
                set_err(err, i + 1, "out of memory");
                goto fail_pending;
            }
            free(t);
            continue;
        }
        if (is_marker && mark == '?') {
            if (L->has_code) {
                set_err(err, i + 1, "a prompt ('#?') must be on a line of its own, before the line it asks about");
                goto fail_pending;
            }
            if (prompt_line) {
                set_err(err, i + 1, "two prompts in a row: the prompt on line %d has no code line after it", prompt_line);
                goto fail_pending;
            }
            char *t = marker_text(L);
            if (!t) {
                set_err(err, i + 1, "out of memory");
                goto fail_pending;
            }
            int rc = split_prompt(&pending_prompt, t, i + 1, err);
            free(t);
            if (rc < 0)
                goto fail_pending;
            prompt_line = i + 1;
            continue;
        }
        if (is_marker && mark == '>' && !L->has_code) {
            char *t = marker_text(L);
            if (!t || append_para(&pending, t) < 0) {
                free(t);
                set_err(err, i + 1, "out of memory");
                goto fail_pending;
            }
            free(t);
            if (!pending_line)
                pending_line = i + 1;
            continue;
        }
        if (!L->has_code)
            continue;
        /* a code line: it takes pending narration and prompt */
        char *text = pending;
        pending = NULL;
        pending_line = 0;
        if (is_marker && mark == '>') {
            char *t = marker_text(L);
            if (!t || append_para(&text, t) < 0) {
                free(t);
                free(text);
                set_err(err, i + 1, "out of memory");
                goto fail_pending;
            }
            free(t);
        }
        if (text)
            l->narration[i + 1] = text;
        if (prompt_line) {
            gs_Prompt *np = realloc(l->prompts, (size_t)(l->nprompts + 1) * sizeof *np);
            if (!np) {
                set_err(err, i + 1, "out of memory");
                goto fail_pending;
            }
            l->prompts = np;
            pending_prompt.line = i + 1;
            l->prompts[l->nprompts++] = pending_prompt;
            memset(&pending_prompt, 0, sizeof pending_prompt);
            prompt_line = 0;
        }
    }
    if (pending) {
        set_err(err, pending_line, "narration ('#>') on line %d has no line of code after it", pending_line);
        goto fail_pending;
    }
    if (prompt_line) {
        set_err(err, prompt_line, "the prompt ('#?') on line %d has no line of code after it", prompt_line);
        goto fail_pending;
    }
    for (int b = 0; b < l->nbreakpoints; b++)
        if (l->breakpoints[b] > nlines) {
            set_err(err, 0, "breakpoint %d is past the end of the file (%d lines)", l->breakpoints[b], nlines);
            goto fail;
        }
    free(lines);
    return 0;
fail_pending:
    free(pending);
    free(pending_prompt.question);
    free(pending_prompt.answer);
    free(pending_prompt.explanation);
fail:
    free(lines);
    gs_lesson_free(l);
    return -1;
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
    for (int i = 0; i < l->nprompts; i++) {
        free(l->prompts[i].question);
        free(l->prompts[i].answer);
        free(l->prompts[i].explanation);
    }
    free(l->prompts);
    free(l->recap);
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
