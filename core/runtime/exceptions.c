/*
 * exceptions.c — exception objects and the methods of BaseException.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== errors */

void gs_error_clear(gs_Error *e)
{
    free(e->text);
    memset(e, 0, sizeof *e);
}

void gs_write_out(gs_VM *vm, const char *s, size_t n)
{
    if (vm->recording && vm->cfg.record) { /* not when recording only to check counts (refcheck.c) */
        uint32_t off;
        if (gs_trace_output(&vm->trace, s, n, &off) == 0)
            gs_record(vm, GS_EV_STDOUT, 0, vm->cur_frame_id, off, (uint32_t)n, 0);
        if (vm->trace.strings.nbytes + vm->trace.nout > GS_TRACE_TEXT_MAX)
            vm->limit_hit = true; /* print("x" * 10**6) forever: the trace keeps every byte */
    }
    if (vm->cfg.write_out)
        vm->cfg.write_out(vm->cfg.write_ctx, s, n);
}

void gs_write_err(gs_VM *vm, const char *s, size_t n)
{
    if (vm->cfg.write_err)
        vm->cfg.write_err(vm->cfg.write_ctx, s, n);
}

static void exc_set_context(gs_VM *vm, gs_Object *exc)
{
    /* an exception raised while another is being handled remembers it */
    if (vm->handled && vm->handled != exc && GS_KIND(exc) == GS_K_EXCEPTION) {
        gs_Exception *e = (gs_Exception *)exc;
        if (!e->context) {
            /* avoid a context cycle */
            gs_Object *h = vm->handled;
            bool cyc = false;
            for (gs_Object *x = h; x && GS_KIND(x) == GS_K_EXCEPTION; x = ((gs_Exception *)x)->context)
                if (x == exc) {
                    cyc = true;
                    break;
                }
            if (!cyc) {
                e->context = gs_newref(vm, h);
                gs_record_field(vm, exc, 12, NULL, h);
            }
        }
    }
}

void gs_raise_obj(gs_VM *vm, gs_Object *exc)
{
    if (!exc) {
        if (!vm->exc)
            gs_raise_memory(vm);
        return;
    }
    gs_Object *old = vm->exc;
    vm->exc = exc;
    exc_set_context(vm, exc);
    if (old)
        gs_decref(vm, old);
    if (vm->recording) {
        gs_Exception *e = (gs_Exception *)exc;
        uint32_t msg = 0;
        if (e->args && e->args->len >= 1 && GS_KIND(e->args->items[0]) == GS_K_STR)
            msg = gs_trace_name(vm, (gs_Str *)e->args->items[0]);
        gs_record(vm, GS_EV_EXCEPTION, 0, exc->id, gs_trace_name(vm, exc->type->name), msg, 0);
    }
}

void gs_raise(gs_VM *vm, gs_Type *type, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    gs_Object *msg = gs_str_from_cstr(vm, buf);
    if (!msg)
        return;
    gs_Object *args = gs_tuple_new(vm, 1);
    if (!args) {
        gs_decref(vm, msg);
        return;
    }
    gs_tuple_init(vm, args, 0, msg);
    gs_raise_obj(vm, gs_exception_new(vm, type, args));
}

void gs_raise_memory(gs_VM *vm)
{
    /* Never allocate a fresh MemoryError when memory is the problem: raise
     * a prebuilt one, as CPython does. */
    static const char *why = "out of memory";
    GS_UNUSED(why);
    gs_Object *old = vm->exc;
    size_t saved = vm->heap_limit;
    vm->heap_limit = (size_t)-1; /* allow the small exception object itself */
    gs_Object *e = gs_exception_new(vm, vm->e_MemoryError, NULL);
    vm->heap_limit = saved;
    if (!e)
        return;
    vm->exc = e;
    if (old)
        gs_decref(vm, old);
}

bool gs_exc_matches(gs_VM *vm, gs_Type *type)
{
    return vm->exc && gs_issubtype(vm->exc->type, type);
}

void gs_clear_exc(gs_VM *vm)
{
    gs_Object *e = vm->exc;
    vm->exc = NULL;
    if (e)
        gs_decref(vm, e);
}

void gs_tb_add(gs_VM *vm, gs_Object *exc, gs_Frame *f)
{
    /* a traceback entry is tiny and one per frame: let it past the heap
     * ceiling, so a MemoryError is reported with its traceback, as CPython does */
    size_t saved = vm->heap_limit;
    vm->heap_limit = (size_t)-1;
    gs_traceback_here(vm, exc, f);
    vm->heap_limit = saved;
}

static void lib_prepend(gs_VM *vm, const gs_LibFrame *frames, int n, bool only_outer)
{
    gs_Object *o = vm->exc;
    if (!o || GS_KIND(o) != GS_K_EXCEPTION || n <= 0)
        return;
    gs_Exception *e = (gs_Exception *)o;
    if ((only_outer && e->nlib == 0) || e->ntb > 0 || e->nlib + n > GS_LIB_FRAMES_MAX)
        return; /* not (only) the stand-in's: it passed through Python code already */
    memmove(e->lib + n, e->lib, (size_t)e->nlib * sizeof e->lib[0]);
    for (int i = 0; i < n; i++)
        e->lib[i] = &frames[i];
    e->nlib += n;
}

void gs_exc_lib_frames(gs_VM *vm, const gs_LibFrame *frames, int n) { lib_prepend(vm, frames, n, false); }

void gs_exc_lib_outer(gs_VM *vm, const gs_LibFrame *frame) { lib_prepend(vm, frame, 1, true); }

/* ================================================================== "Did you mean" (CPython's suggestions.c) */

#define SUGG_MAX_ITEMS 750
#define SUGG_MAX_LEN 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t subst_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost)
{
    size_t buffer[SUGG_MAX_LEN];
    while (an && bn && a[0] == b[0]) {
        a++; b++; an--; bn--;
    }
    while (an && bn && a[an - 1] == b[bn - 1]) {
        an--; bn--;
    }
    if (an == 0 || bn == 0)
        return (an + bn) * MOVE_COST;
    if (an > SUGG_MAX_LEN || bn > SUGG_MAX_LEN)
        return max_cost + 1;
    if (bn < an) {
        const char *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if ((bn - an) * MOVE_COST > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < an; i++)
        buffer[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + subst_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

typedef struct Suggest {
    const char *name;
    size_t len;
    const char *best;
    size_t best_len;
    size_t best_dist;
    int count;
} Suggest;

static void suggest_try(Suggest *s, const char *item, size_t ilen)
{
    s->count++;
    if (ilen == s->len && memcmp(item, s->name, ilen) == 0)
        return;
    size_t maxd = (s->len + ilen + 3) * MOVE_COST / 6;
    if (s->best && s->best_dist - 1 < maxd)
        maxd = s->best_dist - 1;
    size_t d = levenshtein(s->name, s->len, item, ilen, maxd);
    if (d > maxd)
        return;
    if (!s->best || d < s->best_dist) {
        s->best = item;
        s->best_len = ilen;
        s->best_dist = d;
    }
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Try a list of candidate names (need not be sorted: CPython sorts dir()
 * output; ties go to the first in sorted order, so we sort too). */
static bool suggest_from(Suggest *s, const char **items, int n)
{
    if (n >= SUGG_MAX_ITEMS)
        return false;
    qsort(items, (size_t)n, sizeof *items, cmp_cstr);
    s->best = NULL;
    for (int i = 0; i < n; i++)
        suggest_try(s, items[i], strlen(items[i]));
    return s->best != NULL;
}

static int dict_keys_into(gs_Object *d, const char **out, int n, int cap)
{
    if (!d)
        return n;
    int32_t pos = 0;
    gs_Object *k, *v;
    while (gs_dict_next(d, &pos, &k, &v))
        if (GS_KIND(k) == GS_K_STR && n < cap)
            out[n++] = ((gs_Str *)k)->data;
    return n;
}

char *gs_name_error_suggestion(gs_VM *vm, gs_Frame *f, gs_Str *name)
{
    const char *items[SUGG_MAX_ITEMS + 1];
    Suggest s = { name->data, (size_t)name->len, NULL, 0, 0, 0 };
    int n = 0;
    /* CPython's order: the code's local variable names, then globals, then builtins */
    if (f->code->flags & GS_CO_OPTIMIZED)
        for (int i = 0; i < f->code->nlocals && n < SUGG_MAX_ITEMS; i++)
            items[n++] = f->code->localnames[i]->data;
    else if (f->locals && f->locals != f->globals)
        n = dict_keys_into(f->locals, items, n, SUGG_MAX_ITEMS + 1);
    if (n && suggest_from(&s, items, n))
        return strndup(s.best, s.best_len);
    n = dict_keys_into(f->globals, items, 0, SUGG_MAX_ITEMS + 1);
    if (suggest_from(&s, items, n))
        return strndup(s.best, s.best_len);
    n = dict_keys_into(vm->builtins, items, 0, SUGG_MAX_ITEMS + 1);
    if (suggest_from(&s, items, n))
        return strndup(s.best, s.best_len);
    return NULL;
}

static const char *object_dunders[] = {
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__",
    "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__",
    "__subclasshook__",
};

static char *attribute_suggestion(gs_VM *vm, gs_Object *obj, gs_Str *name)
{
    GS_UNUSED(vm);
    const char *items[SUGG_MAX_ITEMS + 1];
    int n = 0;
    Suggest s = { name->data, (size_t)name->len, NULL, 0, 0, 0 };
    for (int i = 0; i < GS_COUNTOF(object_dunders); i++)
        items[n++] = object_dunders[i];
    gs_Kind k = GS_KIND(obj);
    if (k == GS_K_INSTANCE || k == GS_K_EXCEPTION) {
        gs_Instance *in = (gs_Instance *)obj;
        gs_DictTable *t = in->dict ? &in->dict->t : &in->attrs;
        for (int32_t i = 0; i < t->nentries && n < SUGG_MAX_ITEMS; i++)
            if (t->entries[i].key)
                items[n++] = ((gs_Str *)t->entries[i].key)->data;
        items[n++] = "__dict__";
        items[n++] = "__module__";
        items[n++] = "__weakref__";
    }
    if (k == GS_K_MODULE)
        n = dict_keys_into(&((gs_Module *)obj)->dict->ob, items, 0, SUGG_MAX_ITEMS + 1);
    else {
        gs_Type *t = k == GS_K_TYPE ? (gs_Type *)obj : obj->type;
        for (; t; t = t->base)
            if (t->dict)
                n = dict_keys_into(&t->dict->ob, items, n, SUGG_MAX_ITEMS + 1);
    }
    /* remove duplicates after sorting */
    qsort(items, (size_t)n, sizeof *items, cmp_cstr);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (m == 0 || strcmp(items[m - 1], items[i]) != 0)
            items[m++] = items[i];
    if (suggest_from(&s, items, m))
        return strndup(s.best, s.best_len);
    return NULL;
}

void gs_raise_name_error(gs_VM *vm, gs_Frame *f, gs_Str *name, bool global)
{
    GS_UNUSED(global);
    gs_raise(vm, vm->e_NameError, "name '%s' is not defined", name->data);
    if (vm->exc) {
        gs_Exception *e = (gs_Exception *)vm->exc;
        e->attr_name = name;
        gs_incref(vm, name);
        e->suggestion = gs_name_error_suggestion(vm, f, name);
    }
}

/* ================================================================== traceback text */

/* Line `line` of `filename` when that is the program's source: [*p, *q)
 * without its line end; false otherwise (exec'd code, another file). */
bool gs_source_line(gs_VM *vm, const char *filename, int line, const char **lp, const char **lq)
{
    if (!vm->source || !vm->filename || !filename || strcmp(filename, vm->filename) != 0 || line <= 0)
        return false;
    const char *p = vm->source, *end = vm->source + vm->source_len;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    if (p >= end)
        return false;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r' && *q != '\0') /* a NUL would end the report's text */
        q++;
    *lp = p;
    *lq = q;
    return true;
}

static bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\f'; }

/* A warning as the warnings module shows it with the default filters:
 * "file:line: Category: text", then the line, stripped */
void gs_write_warning(gs_VM *vm, const char *filename, int line, const char *category, const char *text)
{
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%s:%d: %s: %s\n", filename ? filename : "<string>", line, category, text);
    const char *p, *q;
    if (gs_source_line(vm, filename, line, &p, &q)) {
        while (p < q && is_blank(*p))
            p++;
        while (q > p && is_blank(q[-1]))
            q--;
        if (q > p) {
            gs_buf_adds(&b, "  ");
            gs_buf_add(&b, p, (size_t)(q - p));
            gs_buf_addc(&b, '\n');
        }
    }
    if (b.data)
        gs_write_err(vm, b.data, b.len);
    gs_buf_free(&b);
}

/* the code points in the first n bytes of s (UTF-8) */
static int chars_in(const char *s, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* The line under a traceback entry's source line that marks where its
 * instruction is, as CPython 3.11's tb_displayline: ^ under the node, or
 * ~ under a binary operation with ^ under its operator, ~ under a
 * subscript's value with ^ under its brackets; nothing when the node is
 * the whole line or its place is not known.  p..q is the line; columns
 * are bytes from the line's start, counted as code points. */
static void caret_line(const gs_Pos *ps, int line, const char *p, const char *q, gs_Buf *out)
{
    int len = (int)(q - p);
    if (ps->col < 0 || ps->end_col < 0 || ps->end_line < line || ps->col > len)
        return;
    int indent = 0;
    while (indent < len && is_blank(p[indent]))
        indent++;
    int last = len; /* one past the last non-blank byte */
    while (last > indent && (is_blank(p[last - 1])))
        last--;
    int start = ps->col, end = ps->end_col, left = -1, right = -1;
    if (ps->end_line != line)
        end = last; /* a node over several lines: up to this line's last character */
    else if (ps->anchor == GS_ANCHOR_BINOP && ps->left >= 0 && ps->right <= len) {
        /* the operator: the first non-blank character after the left
         * operand, and the next one too when it is not blank (//, **) */
        for (int k = ps->left; k < ps->right; k++) {
            if (is_blank(p[k]))
                continue;
            left = k;
            right = k + 1 + (k + 1 < ps->right && !is_blank(p[k + 1]));
            break;
        }
    } else if (ps->anchor == GS_ANCHOR_SUBSCRIPT && ps->left >= 0 && ps->right + 1 <= len) {
        left = ps->left;
        right = ps->right + 1;
    }
    if (end > len)
        end = len;
    if (end <= start)
        return;
    int cstart = chars_in(p, start), cend = chars_in(p, end), cindent = chars_in(p, indent);
    int stripped = chars_in(p, len) - cindent; /* the line as printed, trailing blanks included */
    if (cend - cstart == stripped && left < 0)
        return;
    int cleft = left >= 0 ? chars_in(p, left) : -1, cright = right >= 0 ? chars_in(p, right) : -1;
    gs_buf_adds(out, "    ");
    for (int c = cindent; c < cend; c++)
        gs_buf_addc(out, c < cstart ? ' ' : left < 0 ? '^' : c >= cleft && c < cright ? '^' : '~');
    gs_buf_addc(out, '\n');
}

/* A traceback entry's source line, stripped, and its carets. */
static void source_line(gs_VM *vm, gs_Code *code, int line, int lasti, gs_Buf *out)
{
    const char *p, *q;
    if (!gs_source_line(vm, code->filename ? code->filename->data : NULL, line, &p, &q))
        return;
    const char *a = p;
    while (a < q && is_blank(*a))
        a++;
    if (a == q)
        return;
    gs_buf_adds(out, "    "); /* the line without its indentation (trailing blanks kept, as CPython's) */
    gs_buf_add(out, a, (size_t)(q - a));
    gs_buf_addc(out, '\n');
    if (code->pos && lasti >= 0 && lasti < code->nops && code->lines[lasti] == line)
        caret_line(&code->pos[lasti], line, p, q, out);
}

/* The exception's __notes__ (add_note), a line each after its message, as
 * 3.11's print_exception_notes writes them: a str as it is, anything else
 * by str(); notes that are not a list or tuple by their repr. */
static void add_prefixed(gs_Buf *out, const char *pre, const char *s, size_t n)
{
    /* each line of s after pre (the margin of a group's member) */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        if (j < n)
            j++;
        gs_buf_adds(out, pre);
        gs_buf_add(out, s + i, j - i);
        i = j;
    }
}

static void notes_into(gs_VM *vm, gs_Object *exc, gs_Buf *out, const char *pre)
{
    gs_Object *saved = vm->exc;
    vm->exc = NULL;
    gs_Str *key = gs_name(vm, "__notes__"); /* NULL when memory has run out (a MemoryError's traceback) */
    gs_Object *notes = key && (gs_dispatches(exc) || GS_KIND(exc) == GS_K_EXCEPTION) ? gs_lookup_attr(vm, exc, key) : NULL;
    if (notes && GS_KIND(notes) != GS_K_LIST && GS_KIND(notes) != GS_K_TUPLE) {
        gs_Object *r = gs_repr(vm, notes);
        gs_buf_adds(out, pre);
        if (r) {
            gs_buf_add(out, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
            gs_buf_addc(out, '\n');
            gs_decref(vm, r);
        } else
            gs_buf_adds(out, "<__notes__ repr() failed>\n");
    } else if (notes) {
        int64_t n = GS_KIND(notes) == GS_K_LIST ? ((gs_List *)notes)->len : ((gs_Tuple *)notes)->len;
        for (int64_t i = 0; i < n; i++) {
            if (GS_KIND(notes) == GS_K_LIST && i >= ((gs_List *)notes)->len)
                break; /* a note's __str__ emptied the list */
            gs_Object *it = GS_KIND(notes) == GS_K_LIST ? ((gs_List *)notes)->items[i] : ((gs_Tuple *)notes)->items[i];
            gs_Object *st = gs_str(vm, it);
            if (st) {
                add_prefixed(out, pre, ((gs_Str *)st)->data, (size_t)((gs_Str *)st)->len);
                gs_decref(vm, st);
            } else {
                gs_buf_adds(out, pre);
                gs_buf_adds(out, "<note str() failed>");
            }
            gs_clear_exc(vm);
            gs_buf_addc(out, '\n');
        }
    }
    gs_xdecref(vm, notes);
    gs_clear_exc(vm);
    vm->exc = saved;
}

/* print_exception: one exception, each line after `pre` (the indent and
 * margin of a group's member), its traceback's header after `hpre` */
static void format_one(gs_VM *vm, gs_Object *exc, gs_Buf *final, const char *pre, const char *hpre)
{
    gs_Exception *e = (gs_Exception *)exc;
    gs_Buf tbuf, *out = &tbuf;
    gs_buf_init(&tbuf);
    if (e->traceback && GS_KIND(e->traceback) == GS_K_TRACEBACK) {
        gs_buf_adds(final, hpre);
        gs_buf_adds(final, gs_is_excgroup(vm, exc) ? "Exception Group Traceback (most recent call last):\n"
                                                   : "Traceback (most recent call last):\n");
        /* collapse runs of identical entries like CPython does */
        gs_Object *tb = e->traceback;
        int guard = 0;
        while (tb && GS_KIND(tb) == GS_K_TRACEBACK && guard++ < 100000) {
            gs_TracebackObj *t0 = (gs_TracebackObj *)tb;
            gs_Code *c0 = gs_traceback_code(tb);
            int run = 1;
            gs_Object *nx = t0->next;
            while (nx && GS_KIND(nx) == GS_K_TRACEBACK && gs_traceback_code(nx) == c0 &&
                   ((gs_TracebackObj *)nx)->lineno == t0->lineno) {
                run++;
                nx = ((gs_TracebackObj *)nx)->next;
            }
            int shown = run > 3 ? 3 : run;
            for (int k = 0; k < shown && c0; k++) {
                gs_buf_printf(out, "  File \"%s\", line %d, in %s\n", c0->filename->data, t0->lineno, c0->name->data);
                source_line(vm, c0, t0->lineno, t0->lasti, out);
            }
            if (run > 3)
                gs_buf_printf(out, "  [Previous line repeated %d more time%s]\n", run - 3, run - 3 == 1 ? "" : "s");
            tb = nx;
        }
        for (int i = 0; i < e->nlib; i++) { /* CPython's Python code it went through, as CPython prints it */
            const gs_LibFrame *lf = e->lib[i];
            gs_buf_printf(out, "  File \"%s\", line %d, in %s\n", lf->file, lf->line, lf->func);
            if (lf->text) /* none for code compiled from a string ("<string>") */
                gs_buf_printf(out, "    %s\n", lf->text);
            if (lf->carets)
                gs_buf_printf(out, "    %s\n", lf->carets);
        }
    }
    gs_Type *t = exc->type;
    gs_Object *s = NULL;
    add_prefixed(final, pre, tbuf.data ? tbuf.data : "", tbuf.len);
    tbuf.len = 0;
    if (gs_issubtype(t, vm->e_SyntaxError) && e->args->len == 2 && GS_KIND(e->args->items[1]) == GS_K_TUPLE &&
        ((gs_Tuple *)e->args->items[1])->len >= 4) {
        /* print_exception: where the error is, the line, a caret; then only its message */
        gs_Tuple *info = (gs_Tuple *)e->args->items[1];
        if (GS_KIND(info->items[0]) == GS_K_STR && GS_KIND(info->items[1]) == GS_K_INT)
            gs_buf_printf(out, "  File \"%s\", line %lld\n", ((gs_Str *)info->items[0])->data,
                          (long long)((gs_Int *)info->items[1])->value);
        if (GS_KIND(info->items[3]) == GS_K_STR && GS_KIND(info->items[2]) == GS_K_INT) {
            const char *tx = ((gs_Str *)info->items[3])->data;
            long long off = ((gs_Int *)info->items[2])->value;
            size_t n = strcspn(tx, "\n");
            const char *st = tx;
            while (*st == ' ' || *st == '\t' || *st == '\f') {
                st++;
                off--;
            }
            if (n > (size_t)(st - tx)) {
                gs_buf_printf(out, "    %.*s\n", (int)(n - (size_t)(st - tx)), st);
                if (off >= 1) {
                    gs_buf_adds(out, "    ");
                    for (long long k = 1; k < off; k++)
                        gs_buf_addc(out, ' ');
                    gs_buf_adds(out, "^\n");
                }
            }
        }
        s = gs_str(vm, e->args->items[0]);
    }
    add_prefixed(final, pre, tbuf.data ? tbuf.data : "", tbuf.len);
    gs_buf_free(&tbuf);
    out = final;
    gs_buf_adds(out, pre);
    /* a class of a module (a program's own, or json.decoder's): its module's name first */
    if (t->module && strcmp(t->module->data, "builtins") != 0 && strcmp(t->module->data, "__main__") != 0)
        gs_buf_printf(out, "%s.%s", t->module->data, t->name->data);
    else
        gs_buf_adds(out, t->name->data);
    if (!s && !vm->exc)
        s = gs_str(vm, exc);
    if (!s) {
        gs_clear_exc(vm);
        gs_buf_adds(out, ": <exception str() failed>");
    } else {
        if (((gs_Str *)s)->len) {
            gs_buf_adds(out, ": ");
            gs_buf_add(out, ((gs_Str *)s)->data, (size_t)((gs_Str *)s)->len);
        }
        gs_decref(vm, s);
    }
    char *sugg = NULL;
    if (gs_issubtype(t, vm->e_NameError) && e->suggestion)
        sugg = strdup(e->suggestion);
    else if (gs_issubtype(t, vm->e_AttributeError) && e->attr_obj && e->attr_name)
        sugg = attribute_suggestion(vm, e->attr_obj, e->attr_name);
    if (sugg) {
        gs_buf_printf(out, ". Did you mean: '%s'?", sugg);
        free(sugg);
    }
    gs_buf_addc(out, '\n');
    notes_into(vm, exc, out, pre);
    if (gs_issubtype(t, vm->e_ModuleNotFoundError) && e->suggestion) /* the modules gcscope has */
        gs_buf_printf(out, "%s%s\n", pre, e->suggestion);
}

/* pythonrun.c's print_exception_recursive and print_exception_group: the
 * chain (cause or context) first, then the exception; a group's members
 * below it in numbered boxes, each line after an indent and "| " */
typedef struct {
    gs_VM *vm;
    gs_Buf *out;
    int depth;          /* exception_group_depth */
    bool need_close;
    gs_Object **seen;   /* the exceptions printed or being printed (malloc'd, borrowed entries) */
    int nseen, capseen;
} PrintCtx;

enum { MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10, MAX_CHAIN = 31 };

static void print_recursive(PrintCtx *c, gs_Object *v, int chain);

static void write_indent(PrintCtx *c)
{
    for (int i = 0; i < 2 * c->depth; i++)
        gs_buf_addc(c->out, ' ');
}

static void write_margin(PrintCtx *c)
{
    write_indent(c);
    if (c->depth)
        gs_buf_adds(c->out, "| ");
}

static bool was_seen(PrintCtx *c, gs_Object *v)
{
    for (int i = 0; i < c->nseen; i++)
        if (c->seen[i] == v)
            return true;
    return false;
}

static void print_chained(PrintCtx *c, gs_Object *v, const char *message, int chain)
{
    bool need_close = c->need_close;
    print_recursive(c, v, chain + 1);
    c->need_close = need_close;
    write_margin(c);
    gs_buf_addc(c->out, '\n');
    write_margin(c);
    gs_buf_adds(c->out, message);
    write_margin(c);
    gs_buf_addc(c->out, '\n');
}

static void print_cause_and_context(PrintCtx *c, gs_Object *v, int chain)
{
    if (c->nseen == c->capseen) {
        int cap = c->capseen ? 2 * c->capseen : 16;
        gs_Object **s = realloc(c->seen, (size_t)cap * sizeof *s);
        if (!s)
            return;
        c->seen = s;
        c->capseen = cap;
    }
    c->seen[c->nseen++] = v;
    if (chain >= MAX_CHAIN)
        return;
    gs_Exception *e = (gs_Exception *)v;
    if (e->cause && GS_KIND(e->cause) == GS_K_EXCEPTION) {
        if (!was_seen(c, e->cause))
            print_chained(c, e->cause, "The above exception was the direct cause of the following exception:\n", chain);
        return;
    }
    if (e->suppress_context)
        return;
    if (e->context && GS_KIND(e->context) == GS_K_EXCEPTION && !was_seen(c, e->context))
        print_chained(c, e->context, "During handling of the above exception, another exception occurred:\n", chain);
}

static void print_one(PrintCtx *c, gs_Object *v)
{
    char pre[2 * MAX_GROUP_DEPTH + 8], hpre[2 * MAX_GROUP_DEPTH + 8];
    int n = 2 * c->depth;
    memset(pre, ' ', (size_t)n);
    strcpy(pre + n, c->depth ? "| " : "");
    memset(hpre, ' ', (size_t)n);
    strcpy(hpre + n, c->depth == 1 && gs_is_excgroup(c->vm, v) ? "+ " : c->depth ? "| " : "");
    format_one(c->vm, v, c->out, pre, hpre);
}

static void print_group(PrintCtx *c, gs_Object *v, int chain)
{
    if (c->depth > MAX_GROUP_DEPTH) {
        write_margin(c);
        gs_buf_printf(c->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (c->depth == 0)
        c->depth++;
    print_one(c, v);
    gs_Tuple *excs = ((gs_Exception *)v)->eg_excs;
    gs_incref(c->vm, &excs->ob);
    int num = excs->len;
    int n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (int i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last)
            c->need_close = true; /* the closing line may come from a nested group */
        write_indent(c);
        bool truncated = i >= MAX_GROUP_WIDTH;
        if (!truncated)
            gs_buf_printf(c->out, "%s+---------------- %d ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        else
            gs_buf_printf(c->out, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->depth++;
        if (!truncated)
            print_recursive(c, excs->items[i], chain);
        else {
            int more = num - MAX_GROUP_WIDTH;
            write_margin(c);
            gs_buf_printf(c->out, "and %d more exception%s\n", more, more > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            write_indent(c);
            gs_buf_adds(c->out, "+------------------------------------\n");
            c->need_close = false;
        }
        c->depth--;
    }
    gs_decref(c->vm, &excs->ob);
    if (c->depth == 1)
        c->depth--;
}

static void print_recursive(PrintCtx *c, gs_Object *v, int chain)
{
    print_cause_and_context(c, v, chain);
    if (gs_is_excgroup(c->vm, v))
        print_group(c, v, chain);
    else
        print_one(c, v);
}

void gs_format_exception(gs_VM *vm, gs_Object *exc, gs_Buf *out)
{
    if (GS_KIND(exc) != GS_K_EXCEPTION) {
        gs_buf_adds(out, "<not an exception>\n");
        return;
    }
    PrintCtx c = { vm, out, 0, false, NULL, 0, 0 };
    print_recursive(&c, exc, 0);
    free(c.seen);
}

void gs_write_unraisable(gs_VM *vm, const char *what, gs_Object *obj)
{
    gs_Object *exc = vm->exc;
    vm->exc = NULL;
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_adds(&b, what);
    gs_Object *r = obj ? gs_repr(vm, obj) : NULL;
    if (r) {
        gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
        gs_decref(vm, r);
    } else
        gs_clear_exc(vm);
    gs_buf_addc(&b, '\n');
    if (exc)
        gs_format_exception(vm, exc, &b);
    gs_write_err(vm, b.data ? b.data : "", b.len);
    gs_buf_free(&b);
    if (exc)
        gs_decref(vm, exc);
}

/* OSError(errno, strerror) of an errno with its own class makes that class
 * (FileNotFoundError for 2 ...), as OSError_new's errnomap */
static gs_Type *oserror_subclass(gs_VM *vm, gs_Object *errno_obj)
{
    static const struct { int no; const char *name; } map[] = {
        { 1, "PermissionError" },          { 2, "FileNotFoundError" },     { 3, "ProcessLookupError" },
        { 4, "InterruptedError" },         { 10, "ChildProcessError" },    { 11, "BlockingIOError" },
        { 13, "PermissionError" },         { 17, "FileExistsError" },      { 20, "NotADirectoryError" },
        { 21, "IsADirectoryError" },       { 32, "BrokenPipeError" },      { 103, "ConnectionAbortedError" },
        { 104, "ConnectionResetError" },   { 108, "BrokenPipeError" },     { 110, "TimeoutError" },
        { 111, "ConnectionRefusedError" }, { 114, "BlockingIOError" },     { 115, "BlockingIOError" },
    };
    if (GS_KIND(errno_obj) != GS_K_INT || gs_int_is_big(errno_obj))
        return NULL;
    int64_t no = ((gs_Int *)errno_obj)->value;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].no == no)
            for (int j = 0; j < vm->nexc_more; j++)
                if (strcmp(vm->exc_more[j]->name->data, map[i].name) == 0)
                    return vm->exc_more[j];
    return NULL;
}

gs_Object *gs_exception_new(gs_VM *vm, gs_Type *t, gs_Object *args)
{
    /* OSError(errno, strerror[, filename[, winerror[, filename2]]]): args
     * keep the first two, the file names are attributes */
    gs_Object *filename = NULL, *filename2 = NULL;
    int nargs = args ? ((gs_Tuple *)args)->len : 0;
    if (nargs >= 2 && nargs <= 5 && gs_issubtype(t, vm->e_OSError)) {
        gs_Tuple *a = (gs_Tuple *)args;
        if (t == vm->e_OSError) {
            gs_Type *sub = oserror_subclass(vm, a->items[0]);
            if (sub)
                t = sub;
        }
        if (nargs >= 3) {
            filename = a->items[2] != vm->none ? a->items[2] : NULL;
            filename2 = nargs == 5 && a->items[4] != vm->none ? a->items[4] : NULL;
            gs_Object *two = gs_tuple_pack(vm, 2, a->items[0], a->items[1]);
            if (filename)
                gs_incref(vm, filename);
            if (filename2)
                gs_incref(vm, filename2);
            gs_decref(vm, args);
            args = two;
            if (!args) {
                gs_xdecref(vm, filename);
                gs_xdecref(vm, filename2);
                return NULL;
            }
        }
    }
    gs_Object *eg_msg = NULL;
    gs_Tuple *eg_excs = NULL;
    if (gs_issubtype(t, vm->e_BaseExceptionGroup) && gs_excgroup_new_check(vm, &t, (gs_Tuple *)args, &eg_msg, &eg_excs) < 0) {
        gs_xdecref(vm, args);
        return NULL;
    }
    gs_Exception *e = (gs_Exception *)gs_alloc(vm, t, sizeof(gs_Exception) + (size_t)gs_type_nslots(t) * sizeof(gs_Object *));
    if (!e) {
        gs_xdecref(vm, eg_msg);
        gs_xdecref(vm, &eg_excs->ob);
        gs_xdecref(vm, args);
        gs_xdecref(vm, filename);
        gs_xdecref(vm, filename2);
        return NULL;
    }
    e->inst.ob.kind = GS_K_EXCEPTION;
    gs_table_init(&e->inst.attrs);
    e->args = args ? (gs_Tuple *)args : (gs_Tuple *)gs_newref(vm, vm->empty_tuple);
    e->eg_msg = eg_msg;
    e->eg_excs = eg_excs;
    gs_record_fields(vm, &e->inst.ob);
    gs_gc_track(vm, &e->inst.ob);
    if (filename) {
        gs_setattr(vm, &e->inst.ob, gs_name(vm, "filename"), filename);
        gs_decref(vm, filename);
    }
    if (filename2) {
        gs_setattr(vm, &e->inst.ob, gs_name(vm, "filename2"), filename2);
        gs_decref(vm, filename2);
    }
    return &e->inst.ob;
}

/* An exception CPython raises without making the object (PyErr_SetNone):
 * it exists here, but outside generation 0's count until a handler in
 * Python code catches it, which is when CPython normalizes it and makes
 * the object (gs_exception_normalized).  Freed before that, it leaves the
 * count as it was. */
gs_Object *gs_exception_new_unnormalized(gs_VM *vm, gs_Type *t)
{
    gs_Exception *e = (gs_Exception *)gs_alloc_resized(vm, t, sizeof(gs_Exception) + (size_t)gs_type_nslots(t) * sizeof(gs_Object *));
    if (!e)
        return NULL;
    e->inst.ob.kind = GS_K_EXCEPTION;
    e->inst.ob.gcflags |= GS_GC_UNCOUNTED;
    gs_table_init(&e->inst.attrs);
    e->args = (gs_Tuple *)gs_newref(vm, vm->empty_tuple);
    gs_record_fields(vm, &e->inst.ob);
    gs_gc_track(vm, &e->inst.ob);
    return &e->inst.ob;
}

void gs_exception_normalized(gs_VM *vm, gs_Object *o)
{
    if (o && (o->gcflags & GS_GC_UNCOUNTED)) {
        o->gcflags &= (uint8_t)~GS_GC_UNCOUNTED;
        gs_gc_on_alloc(vm); /* may collect: no error is set during normalization */
    }
}

/* BaseException.__init__(self, *args): args become self.args */
static gs_Object *m_exc_init(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (GS_KIND(self) != GS_K_EXCEPTION)
        return GS_NONE(vm);
    gs_Object *t = gs_tuple_new(vm, nargs);
    if (!t)
        return NULL;
    for (int i = 0; i < nargs; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, args[i]));
    gs_Exception *e = (gs_Exception *)self;
    gs_Object *old = &e->args->ob;
    e->args = (gs_Tuple *)t;
    gs_record_field(vm, self, 10, old, t);
    gs_decref(vm, old);
    return GS_NONE(vm);
}

static gs_Object *m_exc_with_traceback(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, self);
}

/* BaseException.add_note(note) (3.11): appended to the list __notes__,
 * made on the first note; the traceback prints each after the message */
static gs_Object *m_exc_add_note(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "note must be a str, not '%s'", gs_type_name(args[0]));
        return NULL;
    }
    gs_Str *name = gs_name(vm, "__notes__");
    if (!name)
        return NULL;
    gs_Object *notes = gs_lookup_attr(vm, self, name);
    if (!notes && vm->exc)
        return NULL;
    if (!notes) {
        notes = gs_list_new(vm, 0);
        if (!notes || gs_setattr(vm, self, name, notes) < 0) {
            gs_xdecref(vm, notes);
            return NULL;
        }
    }
    if (GS_KIND(notes) != GS_K_LIST) {
        gs_decref(vm, notes);
        gs_raise(vm, vm->e_TypeError, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    int r = gs_list_append(vm, notes, args[0]);
    gs_decref(vm, notes);
    return r < 0 ? NULL : GS_NONE(vm);
}

void gs_exceptions_methods_init(gs_VM *vm)
{
    gs_type_add_method(vm, vm->e_BaseException, "add_note", m_exc_add_note, 1, 1);
    gs_type_add_method(vm, vm->e_BaseException, "with_traceback", m_exc_with_traceback, 1, 1);
    gs_type_add_method(vm, vm->e_BaseException, "__init__", m_exc_init, 0, -1);
    gs_excgroup_methods_init(vm);
}
