/*
 * tracemalloc.c — the tracemalloc module: start and stop tracing the
 * blocks CPython's allocator hands out, read the current and peak totals,
 * take snapshots and group them into statistics by line, file or
 * traceback, compare two snapshots, filter them.
 *
 * CPython splits it in two: _tracemalloc in C (start, stop, the totals,
 * the traces themselves) and Lib/tracemalloc.py (Snapshot, Statistic,
 * StatisticDiff, Traceback, Frame, Trace, Filter, DomainFilter, written in
 * Python).  The traces are runtime/memtrace.c's; the classes here are
 * built-in types named tracemalloc.X whose instances keep what the Python
 * ones keep, in attributes of the same names (a Frame's `_frame` tuple, a
 * Traceback's `_frames` tuple of (filename, lineno) tuples, oldest first, a
 * Snapshot's `traces` over its list of (domain, size, frames, total_nframe)
 * tuples), so they print, compare, sort and group as CPython's do.
 *
 * What is traced: while the C functions of _tracemalloc run, what they
 * make is traced at the calling line, as in CPython (get_traced_memory's
 * tuple and ints); _get_traces makes the snapshot's tuples under
 * tracemalloc's reentrancy flag (untraced, but free-list reuse is
 * attributed to tracemalloc.py:558).  What tracemalloc.py's own code
 * makes CPython traces at tracemalloc.py's lines, and so does the model:
 * the Snapshot and _Traces (560, 423, 475); what statistics(),
 * compare_to() and filter_traces() allocate, kept or only used on the way
 * (see "grouping" below).  Not modelled: what a non-empty filter list
 * costs in CPython (Filter._match runs fnmatch, which compiles and caches
 * a regular expression), the str()/repr() of these objects (Python
 * methods in CPython, C here), and Trace/Frame objects made on access.
 */
#include <math.h>
#include <stdio.h>

#include "modules.h"

/* ================================================================== state */

typedef struct TMTypes {
    gs_Type *frame, *traceback, *trace, *traces, *statistic, *statdiff, *snapshot, *filter, *domainfilter;
    /* the shared keys of Lib/tracemalloc.py's Snapshot and _Traces classes:
     * usable slots and entries (see trace_lib_instance) */
    int snap_usable, snap_entries, traces_usable, traces_entries;
    /* the types isinstance(x, Iterable) has cached (see iterable_cache_run) */
    gs_Type *iterable_seen[32];
    int n_iterable_seen;
    bool iterable_cache;
} TMTypes;

static TMTypes *types_of(gs_VM *vm)
{
    void **slot = gs_tm_module_slot(vm);
    return slot ? (TMTypes *)*slot : NULL;
}

static gs_Object *attr(gs_VM *vm, gs_Object *o, const char *name)
{
    if (GS_KIND(o) != GS_K_INSTANCE)
        return NULL;
    gs_Instance *in = (gs_Instance *)o;
    gs_DictTable *t = in->dict ? &in->dict->t : &in->attrs;
    int32_t ix = gs_table_lookup_str(t, gs_name(vm, name));
    return ix >= 0 ? t->entries[ix].value : NULL; /* borrowed */
}

static int set_attr_steal(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    if (!v)
        return -1;
    int r = gs_setattr(vm, o, gs_name(vm, name), v);
    gs_decref(vm, v);
    return r;
}

/* An instance of one of the module's classes, `self` checked. */
static bool is_a(gs_Object *o, gs_Type *t) { return o && GS_KIND(o) == GS_K_INSTANCE && gs_isinstance(o, t); }

/* ================================================================== _format_size */

/* tracemalloc._format_size: B below 10 KiB, then KiB, MiB... with one
 * decimal below 100 of a unit. */
static void format_size(double size, bool sign, char *out, size_t n)
{
    static const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    for (int u = 0; u < 5; u++) {
        if (fabs(size) < 100 && u != 0) {
            snprintf(out, n, sign ? "%+.1f %s" : "%.1f %s", size, units[u]);
            return;
        }
        if (fabs(size) < 10 * 1024 || u == 4) {
            snprintf(out, n, sign ? "%+.0f %s" : "%.0f %s", size, units[u]);
            return;
        }
        size /= 1024;
    }
}

static bool number_of(gs_VM *vm, gs_Object *o, double *out)
{
    if (GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL) {
        int64_t v = 0;
        gs_as_int(vm, o, &v);
        *out = (double)v;
        return true;
    }
    if (GS_KIND(o) == GS_K_FLOAT) {
        *out = ((gs_Float *)o)->value;
        return true;
    }
    return false;
}

static gs_Object *m_format_size(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    if (gs_check_args(vm, "_format_size", nargs, 2, 2) < 0)
        return NULL;
    double v;
    if (!number_of(vm, args[0], &v)) {
        gs_raise(vm, vm->e_TypeError, "bad operand type for abs(): '%s'", gs_type_name(args[0]));
        return NULL;
    }
    int sign = gs_truthy(vm, args[1]);
    if (sign < 0)
        return NULL;
    char buf[64];
    format_size(v, sign, buf, sizeof buf);
    return gs_str_from_cstr(vm, buf);
}

/* ================================================================== _tracemalloc's functions */

static gs_Object *m_start(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "_tracemalloc.start() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        gs_raise(vm, vm->e_TypeError, "start expected at most 1 argument, got %d", nargs);
        return NULL;
    }
    int64_t nframe = 1;
    if (nargs) {
        if (GS_KIND(args[0]) == GS_K_FLOAT) {
            gs_raise(vm, vm->e_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        if (gs_as_int(vm, args[0], &nframe) < 0)
            return NULL;
        if (nframe > 2147483647 || nframe < -2147483647 - 1) {
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
    }
    if (nframe < 1 || nframe > 65535) {
        gs_raise(vm, vm->e_ValueError, "the number of frames must be in range [1; 65535]");
        return NULL;
    }
    if (gs_tm_start(vm, (int)nframe) < 0) {
        gs_raise_memory(vm);
        return NULL;
    }
    return GS_NONE(vm);
}

static gs_Object *m_stop(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_tm_stop(vm);
    return GS_NONE(vm);
}

static gs_Object *m_is_tracing(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_BOOL(vm, gs_tm_tracing(vm));
}

static gs_Object *m_clear_traces(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_tm_clear_traces(vm);
    return GS_NONE(vm);
}

static gs_Object *m_reset_peak(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_tm_reset_peak(vm);
    return GS_NONE(vm);
}

/* (current, peak): both read first, then the tuple and the ints are made
 * (and traced, at this line) */
static gs_Object *m_get_traced_memory(GS_ARGS)
{
    GS_UNUSED_ARGS;
    uint64_t cur, peak;
    gs_tm_traced_memory(vm, &cur, &peak);
    gs_Object *a = gs_int_new(vm, (int64_t)cur);
    gs_Object *b = a ? gs_int_new(vm, (int64_t)peak) : NULL;
    gs_Object *t = b ? gs_tuple_new(vm, 2) : NULL;
    if (!t) {
        gs_xdecref(vm, a);
        gs_xdecref(vm, b);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, a);
    gs_tuple_init(vm, t, 1, b);
    return t;
}

static gs_Object *m_get_tracemalloc_memory(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, (int64_t)gs_tm_memory(vm));
}

static gs_Object *m_get_traceback_limit(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, gs_tm_limit(vm));
}

/* ================================================================== Frame */

/* ((filename, lineno), ...) */
static gs_Object *frame_tuple(gs_VM *vm, const char *file, int line)
{
    gs_Object *f = gs_str_from_cstr(vm, file);
    gs_Object *l = f ? gs_int_new(vm, line) : NULL;
    gs_Object *t = l ? gs_tuple_new(vm, 2) : NULL;
    if (!t) {
        gs_xdecref(vm, f);
        gs_xdecref(vm, l);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, f);
    gs_tuple_init(vm, t, 1, l);
    return t;
}

static gs_Object *new_frame(gs_VM *vm, gs_Object *raw)
{
    gs_Object *f = gs_instance_new(vm, types_of(vm)->frame);
    if (f && set_attr_steal(vm, f, "_frame", gs_newref(vm, raw)) < 0) {
        gs_decref(vm, f);
        return NULL;
    }
    return f;
}

static gs_Object *frame_raw(gs_VM *vm, gs_Object *self)
{
    gs_Object *r = attr(vm, self, "_frame");
    if (!r)
        gs_raise(vm, vm->e_AttributeError, "_frame");
    return r;
}

static gs_Object *item_of(gs_VM *vm, gs_Object *t, int i)
{
    gs_Object *k = gs_int_new(vm, i);
    if (!k)
        return NULL;
    gs_Object *r = gs_getitem(vm, t, k);
    gs_decref(vm, k);
    return r;
}

static gs_Object *frame_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    gs_Object *raw = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "frame");
    if (!raw) {
        gs_raise(vm, vm->e_TypeError, "Frame.__init__() missing 1 required positional argument: 'frame'");
        return NULL;
    }
    GS_UNUSED(self);
    return new_frame(vm, raw);
}

static gs_Object *frame_filename(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *r = frame_raw(vm, self);
    return r ? item_of(vm, r, 0) : NULL;
}

static gs_Object *frame_lineno(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *r = frame_raw(vm, self);
    return r ? item_of(vm, r, 1) : NULL;
}

static gs_Object *frame_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *f = frame_filename(vm, self, NULL, 0, NULL), *l = f ? frame_lineno(vm, self, NULL, 0, NULL) : NULL;
    gs_Object *fs = l ? gs_str(vm, f) : NULL, *ls = fs ? gs_str(vm, l) : NULL;
    gs_Object *r = ls ? gs_str_printf(vm, "%s:%s", ((gs_Str *)fs)->data, ((gs_Str *)ls)->data) : NULL;
    gs_xdecref(vm, f);
    gs_xdecref(vm, l);
    gs_xdecref(vm, fs);
    gs_xdecref(vm, ls);
    return r;
}

static gs_Object *frame_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *f = frame_filename(vm, self, NULL, 0, NULL), *l = f ? frame_lineno(vm, self, NULL, 0, NULL) : NULL;
    gs_Object *fs = l ? gs_repr(vm, f) : NULL, *ls = fs ? gs_repr(vm, l) : NULL;
    gs_Object *r = ls ? gs_str_printf(vm, "<Frame filename=%s lineno=%s>", ((gs_Str *)fs)->data, ((gs_Str *)ls)->data)
                      : NULL;
    gs_xdecref(vm, f);
    gs_xdecref(vm, l);
    gs_xdecref(vm, fs);
    gs_xdecref(vm, ls);
    return r;
}

/* Frames (and Tracebacks, Traces) compare by what they hold. */
static gs_Object *compare_attr(gs_VM *vm, gs_Object *a, gs_Object *b, gs_Type *t, const char *name, int op)
{
    if (!is_a(b, t))
        return gs_newref(vm, vm->notimpl);
    gs_Object *x = attr(vm, a, name), *y = attr(vm, b, name);
    if (!x || !y)
        return gs_newref(vm, vm->notimpl);
    return gs_compare(vm, op, x, y);
}

static gs_Object *frame_eq(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->frame, "_frame", 2);
}

static gs_Object *frame_lt(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->frame, "_frame", 0);
}

static gs_Object *frame_gt(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->frame, "_frame", 4);
}

static gs_Object *hash_attr(gs_VM *vm, gs_Object *self, const char *name)
{
    gs_Object *x = attr(vm, self, name);
    if (!x)
        return gs_int_new(vm, 0);
    int64_t h = gs_hash(vm, x);
    return h == -1 && vm->exc ? NULL : gs_int_new(vm, h);
}

static gs_Object *frame_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return hash_attr(vm, self, "_frame");
}

/* ================================================================== Traceback */

/* A Traceback of raw frames `frames` (most recent first, as _tracemalloc
 * gives them): it keeps them oldest first. */
static gs_Object *new_traceback(gs_VM *vm, gs_Object *frames, gs_Object *total)
{
    gs_Object *seq = gs_tuple_from_iterable(vm, frames);
    if (!seq)
        return NULL;
    gs_Tuple *s = (gs_Tuple *)seq;
    gs_Object *rev = gs_tuple_new(vm, s->len);
    if (!rev) {
        gs_decref(vm, seq);
        return NULL;
    }
    for (int32_t i = 0; i < s->len; i++)
        gs_tuple_init(vm, rev, i, gs_newref(vm, s->items[s->len - 1 - i]));
    gs_decref(vm, seq);
    gs_Object *tb = gs_instance_new(vm, types_of(vm)->traceback);
    if (!tb || set_attr_steal(vm, tb, "_frames", rev) < 0 ||
        set_attr_steal(vm, tb, "_total_nframe", gs_newref(vm, total ? total : vm->none)) < 0) {
        gs_xdecref(vm, tb);
        return NULL;
    }
    return tb;
}

static gs_Object *traceback_new(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    gs_Object *frames = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "frames");
    gs_Object *total = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "total_nframe");
    if (!frames) {
        gs_raise(vm, vm->e_TypeError, "Traceback.__init__() missing 1 required positional argument: 'frames'");
        return NULL;
    }
    return new_traceback(vm, frames, total);
}

/* the traceback's raw frames, oldest first (borrowed) */
static gs_Tuple *tb_frames(gs_VM *vm, gs_Object *tb)
{
    gs_Object *f = attr(vm, tb, "_frames");
    if (!f || GS_KIND(f) != GS_K_TUPLE) {
        gs_raise(vm, vm->e_AttributeError, "_frames");
        return NULL;
    }
    return (gs_Tuple *)f;
}

static gs_Object *traceback_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Tuple *f = tb_frames(vm, self);
    return f ? gs_int_new(vm, f->len) : NULL;
}

/* a tuple of Frame objects for the raw frames in `raw` */
static gs_Object *frames_of(gs_VM *vm, gs_Tuple *raw)
{
    gs_Object *t = gs_tuple_new(vm, raw->len);
    if (!t)
        return NULL;
    for (int32_t i = 0; i < raw->len; i++) {
        gs_Object *f = new_frame(vm, raw->items[i]);
        if (!f) {
            gs_decref(vm, t);
            return NULL;
        }
        gs_tuple_init(vm, t, i, f);
    }
    return t;
}

static gs_Object *traceback_getitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Tuple *f = tb_frames(vm, self);
    if (!f)
        return NULL;
    gs_Object *raw = gs_getitem(vm, &f->ob, args[0]);
    if (!raw)
        return NULL;
    gs_Object *r = GS_KIND(args[0]) == GS_K_SLICE ? frames_of(vm, (gs_Tuple *)raw) : new_frame(vm, raw);
    gs_decref(vm, raw);
    return r;
}

static gs_Object *traceback_iter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Tuple *f = tb_frames(vm, self);
    gs_Object *t = f ? frames_of(vm, f) : NULL;
    if (!t)
        return NULL;
    gs_Object *it = gs_iter(vm, t);
    gs_decref(vm, t);
    return it;
}

static gs_Object *traceback_contains(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Tuple *f = tb_frames(vm, self);
    gs_Object *raw = is_a(args[0], types_of(vm)->frame) ? attr(vm, args[0], "_frame") : NULL;
    if (!f)
        return NULL;
    if (!raw) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '_frame'", gs_type_name(args[0]));
        return NULL;
    }
    int r = gs_contains(vm, &f->ob, raw);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

static gs_Object *traceback_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Tuple *f = tb_frames(vm, self);
    if (!f)
        return NULL;
    if (!f->len) {
        gs_raise(vm, vm->e_IndexError, "tuple index out of range");
        return NULL;
    }
    gs_Object *fr = new_frame(vm, f->items[0]);
    gs_Object *r = fr ? gs_str(vm, fr) : NULL;
    gs_xdecref(vm, fr);
    return r;
}

static gs_Object *traceback_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Tuple *f = tb_frames(vm, self);
    gs_Object *frames = f ? frames_of(vm, f) : NULL;
    gs_Object *fr = frames ? gs_repr(vm, frames) : NULL;
    gs_xdecref(vm, frames);
    if (!fr)
        return NULL;
    gs_Object *total = attr(vm, self, "_total_nframe");
    gs_Object *r;
    if (!total || total == vm->none)
        r = gs_str_printf(vm, "<Traceback %s>", ((gs_Str *)fr)->data);
    else {
        gs_Object *ts = gs_str(vm, total);
        r = ts ? gs_str_printf(vm, "<Traceback %s total_nframe=%s>", ((gs_Str *)fr)->data, ((gs_Str *)ts)->data)
               : NULL;
        gs_xdecref(vm, ts);
    }
    gs_decref(vm, fr);
    return r;
}

static gs_Object *traceback_total(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *t = attr(vm, self, "_total_nframe");
    return gs_newref(vm, t ? t : vm->none);
}

static gs_Object *traceback_eq(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->traceback, "_frames", 2);
}

static gs_Object *traceback_lt(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->traceback, "_frames", 0);
}

static gs_Object *traceback_gt(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->traceback, "_frames", 4);
}

static gs_Object *traceback_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return hash_attr(vm, self, "_frames");
}

/* The line `line` of the program's own source, stripped (linecache), or
 * "" for any other file: the model reads no files. */
static gs_Object *source_line(gs_VM *vm, gs_Object *file, int64_t line)
{
    if (GS_KIND(file) != GS_K_STR || !vm->filename || strcmp(((gs_Str *)file)->data, vm->filename) != 0 || line < 1)
        return NULL;
    const char *p = vm->source, *end = vm->source + vm->source_len;
    for (int64_t k = 1; k < line && p < end; k++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    if (p >= end)
        return NULL;
    const char *q = memchr(p, '\n', (size_t)(end - p));
    if (!q)
        q = end;
    while (p < q && (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\r'))
        p++;
    while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r' || q[-1] == '\f'))
        q--;
    return q > p ? gs_str_new(vm, p, (size_t)(q - p)) : NULL;
}

static gs_Object *traceback_format(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "limit", "most_recent_first", NULL };
    if (gs_check_kw_allowed(vm, "format", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *limit = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "limit");
    gs_Object *mrf = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "most_recent_first");
    gs_Tuple *f = tb_frames(vm, self);
    if (!f)
        return NULL;
    int64_t from = 0, to = f->len;
    if (limit && limit != vm->none) {
        int64_t lim = 0;
        if (gs_as_int(vm, limit, &lim) < 0)
            return NULL;
        if (lim > 0)
            from = f->len - lim < 0 ? 0 : f->len - lim; /* the most recent `limit` */
        else
            to = f->len + lim < 0 ? 0 : (lim == 0 ? 0 : f->len + lim); /* self[:limit] */
    }
    int rev = mrf ? gs_truthy(vm, mrf) : 0;
    if (rev < 0)
        return NULL;
    gs_Object *lines = gs_list_new(vm, 0);
    if (!lines)
        return NULL;
    for (int64_t k = 0; k < to - from; k++) {
        gs_Object *raw = f->items[rev ? to - 1 - k : from + k];
        if (GS_KIND(raw) != GS_K_TUPLE || ((gs_Tuple *)raw)->len != 2)
            continue;
        gs_Object *file = ((gs_Tuple *)raw)->items[0], *line = ((gs_Tuple *)raw)->items[1];
        gs_Object *fs = gs_str(vm, file), *ls = fs ? gs_str(vm, line) : NULL;
        gs_Object *s = ls ? gs_str_printf(vm, "  File \"%s\", line %s", ((gs_Str *)fs)->data, ((gs_Str *)ls)->data)
                          : NULL;
        gs_xdecref(vm, fs);
        gs_xdecref(vm, ls);
        if (!s || gs_list_append(vm, lines, s) < 0) {
            gs_xdecref(vm, s);
            gs_decref(vm, lines);
            return NULL;
        }
        gs_decref(vm, s);
        int64_t ln = 0;
        if (GS_KIND(line) == GS_K_INT)
            ln = ((gs_Int *)line)->value;
        gs_Object *src = source_line(vm, file, ln);
        if (src) {
            gs_Object *s2 = gs_str_printf(vm, "    %s", ((gs_Str *)src)->data);
            gs_decref(vm, src);
            if (!s2 || gs_list_append(vm, lines, s2) < 0) {
                gs_xdecref(vm, s2);
                gs_decref(vm, lines);
                return NULL;
            }
            gs_decref(vm, s2);
        }
    }
    return lines;
}

/* ================================================================== Trace and _Traces */

static gs_Object *new_trace(gs_VM *vm, gs_Object *raw)
{
    gs_Object *t = gs_instance_new(vm, types_of(vm)->trace);
    if (t && set_attr_steal(vm, t, "_trace", gs_newref(vm, raw)) < 0) {
        gs_decref(vm, t);
        return NULL;
    }
    return t;
}

static gs_Object *trace_new(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    gs_Object *raw = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "trace");
    if (!raw) {
        gs_raise(vm, vm->e_TypeError, "Trace.__init__() missing 1 required positional argument: 'trace'");
        return NULL;
    }
    return new_trace(vm, raw);
}

static gs_Object *trace_field(gs_VM *vm, gs_Object *self, int i)
{
    gs_Object *raw = attr(vm, self, "_trace");
    if (!raw) {
        gs_raise(vm, vm->e_AttributeError, "_trace");
        return NULL;
    }
    return item_of(vm, raw, i);
}

static gs_Object *trace_domain(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return trace_field(vm, self, 0);
}

static gs_Object *trace_size(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return trace_field(vm, self, 1);
}

static gs_Object *trace_traceback(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *frames = trace_field(vm, self, 2);
    gs_Object *total = frames ? trace_field(vm, self, 3) : NULL;
    if (!total && frames && gs_exc_matches(vm, vm->e_IndexError))
        gs_clear_exc(vm);
    gs_Object *tb = frames ? new_traceback(vm, frames, total) : NULL;
    gs_xdecref(vm, frames);
    gs_xdecref(vm, total);
    return tb;
}

static void size_text(gs_VM *vm, gs_Object *size, char *buf, size_t n)
{
    double v = 0;
    number_of(vm, size, &v);
    format_size(v, false, buf, n);
}

static gs_Object *trace_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *tb = trace_traceback(vm, self, NULL, 0, NULL);
    gs_Object *ts = tb ? gs_str(vm, tb) : NULL, *size = ts ? trace_field(vm, self, 1) : NULL;
    gs_Object *r = NULL;
    if (size) {
        char buf[64];
        size_text(vm, size, buf, sizeof buf);
        r = gs_str_printf(vm, "%s: %s", ((gs_Str *)ts)->data, buf);
    }
    gs_xdecref(vm, tb);
    gs_xdecref(vm, ts);
    gs_xdecref(vm, size);
    return r;
}

static gs_Object *trace_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *tb = trace_traceback(vm, self, NULL, 0, NULL);
    gs_Object *tr = tb ? gs_repr(vm, tb) : NULL, *size = tr ? trace_field(vm, self, 1) : NULL;
    gs_Object *dom = size ? trace_field(vm, self, 0) : NULL, *ds = dom ? gs_str(vm, dom) : NULL;
    gs_Object *r = NULL;
    if (ds) {
        char buf[64];
        size_text(vm, size, buf, sizeof buf);
        r = gs_str_printf(vm, "<Trace domain=%s size=%s, traceback=%s>", ((gs_Str *)ds)->data, buf,
                          ((gs_Str *)tr)->data);
    }
    gs_xdecref(vm, tb);
    gs_xdecref(vm, tr);
    gs_xdecref(vm, size);
    gs_xdecref(vm, dom);
    gs_xdecref(vm, ds);
    return r;
}

static gs_Object *trace_eq(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->trace, "_trace", 2);
}

static gs_Object *trace_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return hash_attr(vm, self, "_trace");
}

static gs_Object *new_traces(gs_VM *vm, gs_Object *list)
{
    gs_Object *t = gs_instance_new(vm, types_of(vm)->traces);
    if (t && set_attr_steal(vm, t, "_traces", list) < 0) {
        gs_decref(vm, t);
        return NULL;
    }
    return t;
}

static gs_Object *traces_list(gs_VM *vm, gs_Object *self)
{
    gs_Object *l = attr(vm, self, "_traces");
    if (!l)
        gs_raise(vm, vm->e_AttributeError, "_traces");
    return l;
}

static gs_Object *traces_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = traces_list(vm, self);
    if (!l)
        return NULL;
    int64_t n = gs_len(vm, l);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *traces_getitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = traces_list(vm, self);
    gs_Object *raw = l ? gs_getitem(vm, l, args[0]) : NULL;
    if (!raw)
        return NULL;
    gs_Object *r;
    if (GS_KIND(args[0]) == GS_K_SLICE) {
        int64_t n = gs_len(vm, raw);
        r = n < 0 ? NULL : gs_tuple_new(vm, (int32_t)n);
        for (int64_t i = 0; r && i < n; i++) {
            gs_Object *it = item_of(vm, raw, (int)i), *t = it ? new_trace(vm, it) : NULL;
            gs_xdecref(vm, it);
            if (!t) {
                gs_decref(vm, r);
                r = NULL;
                break;
            }
            gs_tuple_init(vm, r, (int32_t)i, t);
        }
    } else
        r = new_trace(vm, raw);
    gs_decref(vm, raw);
    return r;
}

static gs_Object *traces_iter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = traces_list(vm, self);
    if (!l)
        return NULL;
    int64_t n = gs_len(vm, l);
    gs_Object *t = n < 0 ? NULL : gs_tuple_new(vm, (int32_t)n);
    for (int64_t i = 0; t && i < n; i++) {
        gs_Object *it = item_of(vm, l, (int)i), *tr = it ? new_trace(vm, it) : NULL;
        gs_xdecref(vm, it);
        if (!tr) {
            gs_decref(vm, t);
            return NULL;
        }
        gs_tuple_init(vm, t, (int32_t)i, tr);
    }
    if (!t)
        return NULL;
    gs_Object *r = gs_iter(vm, t);
    gs_decref(vm, t);
    return r;
}

static gs_Object *traces_contains(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = traces_list(vm, self);
    gs_Object *raw = attr(vm, args[0], "_trace");
    if (!l)
        return NULL;
    if (!raw) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '_trace'", gs_type_name(args[0]));
        return NULL;
    }
    int r = gs_contains(vm, l, raw);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

static gs_Object *traces_eq(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return compare_attr(vm, self, args[0], types_of(vm)->traces, "_traces", 2);
}

static gs_Object *traces_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = traces_list(vm, self);
    int64_t n = l ? gs_len(vm, l) : -1;
    return n < 0 ? NULL : gs_str_printf(vm, "<Traces len=%lld>", (long long)n);
}

/* ================================================================== Statistic and StatisticDiff */

/* Statistic(traceback, size, count) and StatisticDiff(traceback, size,
 * size_diff, count, count_diff): the attributes as given */
static gs_Object *stat_init(gs_VM *vm, gs_Type *t, const char **names, int n, gs_Object **args, int nargs,
                            gs_Tuple *kwnames)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > n) {
        gs_raise(vm, vm->e_TypeError, "%s.__init__() takes %d positional arguments but %d were given",
                 strchr(t->name->data, '.') + 1, n + 1, npos + 1);
        return NULL;
    }
    gs_Object *s = gs_instance_new(vm, t);
    for (int i = 0; s && i < n; i++) {
        gs_Object *v = i < npos ? args[i] : gs_kwarg(vm, args, nargs, kwnames, names[i]);
        if (!v) {
            gs_raise(vm, vm->e_TypeError, "%s.__init__() missing 1 required positional argument: '%s'",
                     strchr(t->name->data, '.') + 1, names[i]);
            gs_decref(vm, s);
            return NULL;
        }
        if (set_attr_steal(vm, s, names[i], gs_newref(vm, v)) < 0) {
            gs_decref(vm, s);
            return NULL;
        }
    }
    return s;
}

static gs_Object *statistic_new(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *names[] = { "traceback", "size", "count" };
    return stat_init(vm, types_of(vm)->statistic, names, 3, args, nargs, kwnames);
}

static gs_Object *statdiff_new(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *names[] = { "traceback", "size", "size_diff", "count", "count_diff" };
    return stat_init(vm, types_of(vm)->statdiff, names, 5, args, nargs, kwnames);
}

/* "%s: size=%s, count=%i" and ", average=%s", or with the differences */
static gs_Object *stat_text(gs_VM *vm, gs_Object *self, bool diff)
{
    gs_Object *tb = attr(vm, self, "traceback"), *size = attr(vm, self, "size"), *count = attr(vm, self, "count");
    gs_Object *sd = diff ? attr(vm, self, "size_diff") : NULL, *cd = diff ? attr(vm, self, "count_diff") : NULL;
    if (!tb || !size || !count || (diff && (!sd || !cd))) {
        gs_raise(vm, vm->e_AttributeError, "traceback");
        return NULL;
    }
    gs_Object *ts = gs_str(vm, tb);
    if (!ts)
        return NULL;
    double s = 0, c = 0, d = 0, e = 0;
    number_of(vm, size, &s);
    number_of(vm, count, &c);
    char sb[64], db[64], ab[64], text[512];
    format_size(s, false, sb, sizeof sb);
    if (diff) {
        number_of(vm, sd, &d);
        number_of(vm, cd, &e);
        format_size(d, true, db, sizeof db);
        snprintf(text, sizeof text, "size=%s (%s), count=%lld (%+lld)", sb, db, (long long)c, (long long)e);
    } else
        snprintf(text, sizeof text, "size=%s, count=%lld", sb, (long long)c);
    if (c != 0) {
        format_size(s / c, false, ab, sizeof ab);
        snprintf(text + strlen(text), sizeof text - strlen(text), ", average=%s", ab);
    }
    gs_Object *r = gs_str_printf(vm, "%s: %s", ((gs_Str *)ts)->data, text);
    gs_decref(vm, ts);
    return r;
}

static gs_Object *statistic_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return stat_text(vm, self, false);
}

static gs_Object *statdiff_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return stat_text(vm, self, true);
}

static gs_Object *stat_repr(gs_VM *vm, gs_Object *self, bool diff)
{
    gs_Object *tb = attr(vm, self, "traceback"), *size = attr(vm, self, "size"), *count = attr(vm, self, "count");
    gs_Object *sd = diff ? attr(vm, self, "size_diff") : NULL, *cd = diff ? attr(vm, self, "count_diff") : NULL;
    if (!tb || !size || !count || (diff && (!sd || !cd))) {
        gs_raise(vm, vm->e_AttributeError, "traceback");
        return NULL;
    }
    gs_Object *tr = gs_repr(vm, tb);
    if (!tr)
        return NULL;
    double s = 0, c = 0, d = 0, e = 0;
    number_of(vm, size, &s);
    number_of(vm, count, &c);
    number_of(vm, sd ? sd : size, &d);
    number_of(vm, cd ? cd : count, &e);
    gs_Object *r =
        diff ? gs_str_printf(vm, "<StatisticDiff traceback=%s size=%lld (%+lld) count=%lld (%+lld)>",
                             ((gs_Str *)tr)->data, (long long)s, (long long)d, (long long)c, (long long)e)
             : gs_str_printf(vm, "<Statistic traceback=%s size=%lld count=%lld>", ((gs_Str *)tr)->data,
                             (long long)s, (long long)c);
    gs_decref(vm, tr);
    return r;
}

static gs_Object *statistic_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return stat_repr(vm, self, false);
}

static gs_Object *statdiff_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return stat_repr(vm, self, true);
}

/* __eq__: the same class and equal fields */
static gs_Object *stat_eq(gs_VM *vm, gs_Object *a, gs_Object *b, gs_Type *t, const char **names, int n)
{
    if (!is_a(b, t))
        return gs_newref(vm, vm->notimpl);
    for (int i = 0; i < n; i++) {
        gs_Object *x = attr(vm, a, names[i]), *y = attr(vm, b, names[i]);
        if (!x || !y)
            return GS_BOOL(vm, false);
        int eq = gs_equal(vm, x, y);
        if (eq < 0)
            return NULL;
        if (!eq)
            return GS_BOOL(vm, false);
    }
    return GS_BOOL(vm, true);
}

static const char *stat_names[] = { "traceback", "size", "count" };
static const char *diff_names[] = { "traceback", "size", "size_diff", "count", "count_diff" };

static gs_Object *statistic_eq(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return stat_eq(vm, self, args[0], types_of(vm)->statistic, stat_names, 3);
}

static gs_Object *statdiff_eq(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return stat_eq(vm, self, args[0], types_of(vm)->statdiff, diff_names, 5);
}

/* ================================================================== grouping: Snapshot._group_by */

/* Snapshot.statistics, compare_to and their helpers are Python code in
 * CPython, and what they allocate while tracemalloc traces is traced at
 * tracemalloc.py's lines: a program that reads get_traced_memory() after
 * them, or takes another snapshot, sees it.  The model runs them in C
 * and, while tracing, allocates what CPython would, in CPython's order
 * and at its lines (a Run): the objects that outlive the call (each
 * Statistic, its Traceback and that one's frames tuple, the list, the
 * sums), the dicts and iterators the grouping uses, the KeyError each
 * new group raises (its args tuple, traceback entry and object, the
 * _group_by frame object made for the first), the sort's key tuples.
 * Tuples, lists and dicts come from the free lists as CPython's do;
 * other blocks of CPython's that the model has no object for are blocks
 * of their size and nothing more.  The hash of a Traceback, an int made
 * in its __hash__, is a 36-byte block (3 digits: its size follows the
 * str hash seed in CPython). */

/* A well-formed raw frame: (str, int). */
static bool frame_ok(gs_Object *f)
{
    return GS_KIND(f) == GS_K_TUPLE && ((gs_Tuple *)f)->len == 2 && GS_KIND(((gs_Tuple *)f)->items[0]) == GS_K_STR &&
           GS_KIND(((gs_Tuple *)f)->items[1]) == GS_K_INT;
}

/* a 1-tuple of one raw frame, or of (filename, 0) */
static gs_Object *key_frames(gs_VM *vm, gs_Object *frame, bool filename)
{
    gs_Object *f = filename ? NULL : gs_newref(vm, frame);
    if (filename) {
        f = gs_tuple_new(vm, 2);
        if (f) {
            gs_tuple_init(vm, f, 0, gs_newref(vm, ((gs_Tuple *)frame)->items[0]));
            gs_tuple_init(vm, f, 1, gs_int_new(vm, 0));
        }
    }
    gs_Object *t = f ? gs_tuple_new(vm, 1) : NULL;
    if (!t) {
        gs_xdecref(vm, f);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, f);
    return t;
}

/* the raw frames reversed (oldest first), a new tuple */
static gs_Object *reversed_frames(gs_VM *vm, gs_Tuple *raw)
{
    gs_Object *t = gs_tuple_new(vm, raw->len);
    for (int32_t i = 0; t && i < raw->len; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, raw->items[raw->len - 1 - i]));
    return t;
}

enum { KEY_TRACEBACK, KEY_FILENAME, KEY_LINENO };

static int key_type_of(gs_VM *vm, gs_Object *k, bool cumulative)
{
    int kt = -1;
    if (GS_KIND(k) == GS_K_STR) {
        const char *s = ((gs_Str *)k)->data;
        kt = strcmp(s, "traceback") == 0 ? KEY_TRACEBACK
             : strcmp(s, "filename") == 0 ? KEY_FILENAME
             : strcmp(s, "lineno") == 0   ? KEY_LINENO
                                          : -1;
    }
    if (kt < 0) {
        gs_Object *r = gs_repr(vm, k);
        if (r) {
            gs_raise(vm, vm->e_ValueError, "unknown key_type: %s", ((gs_Str *)r)->data);
            gs_decref(vm, r);
        }
        return -1;
    }
    if (cumulative && kt == KEY_TRACEBACK) {
        gs_raise(vm, vm->e_ValueError, "cumulative mode cannot by used with key type 'traceback'");
        return -1;
    }
    return kt;
}

/* the traceback order: tuples of (filename, lineno), oldest first */
static int cmp_frames(gs_Object *a, gs_Object *b)
{
    gs_Tuple *x = (gs_Tuple *)a, *y = (gs_Tuple *)b;
    for (int32_t i = 0; i < x->len && i < y->len; i++) {
        gs_Tuple *f = (gs_Tuple *)x->items[i], *g = (gs_Tuple *)y->items[i];
        gs_Str *fa = (gs_Str *)f->items[0], *fb = (gs_Str *)g->items[0];
        int c = memcmp(fa->data, fb->data, (size_t)(fa->len < fb->len ? fa->len : fb->len));
        if (c)
            return c < 0 ? -1 : 1;
        if (fa->len != fb->len)
            return fa->len < fb->len ? -1 : 1;
        int64_t la = ((gs_Int *)f->items[1])->value, lb = ((gs_Int *)g->items[1])->value;
        if (la != lb)
            return la < lb ? -1 : 1;
    }
    return x->len == y->len ? 0 : x->len < y->len ? -1 : 1;
}

#define LIB_FILE "/usr/lib/python3.11/tracemalloc.py"

typedef struct Run {
    gs_VM *vm;
    bool on;                /* tracing: blocks are made */
    const gs_Str *file;
} Run;

static Run run_begin(gs_VM *vm)
{
    return (Run){ vm, vm->tm != NULL, gs_name(vm, LIB_FILE) };
}

/* a call into a tracemalloc.py function, at its line `line` */
static void run_enter(Run *r, int line)
{
    if (r->on)
        gs_tm_lib_enter(r->vm, r->file, line);
}

static void run_leave(Run *r)
{
    if (r->on)
        gs_tm_lib_leave(r->vm);
}

/* the innermost function goes on to line `line` */
static void run_line(Run *r, int line)
{
    run_leave(r);
    run_enter(r, line);
}

static uintptr_t run_block(Run *r, size_t size) { return r->on ? gs_tm_new_block(r->vm, size) : 0; }

static void run_free(Run *r, uintptr_t key)
{
    if (r->on)
        gs_tm_drop_block(r->vm, key);
}

/* Traceback.__hash__ (line 213): hash(self._frames) is a new int */
static void run_hash(Run *r)
{
    if (!r->on)
        return;
    run_enter(r, 213);
    gs_tm_transient(r->vm, 36);
    run_leave(r);
}

/* An instance of a class of tracemalloc.py with __slots__: one block of
 * `size` bytes (GC header, object header, a pointer a slot).  Made and
 * filled untraced (the model's attribute table is no block of CPython's). */
static gs_Object *run_instance(Run *r, gs_Type *t, size_t size)
{
    gs_MemTrace *m = gs_tm_suspend(r->vm);
    gs_Object *o = gs_instance_new(r->vm, t);
    gs_tm_resume(r->vm, m);
    if (o && r->on)
        gs_tm_block(r->vm, o, GS_TM_OBJECT, size, false);
    return o;
}

static int run_set(Run *r, gs_Object *o, const char *name, gs_Object *v)
{
    gs_MemTrace *m = gs_tm_suspend(r->vm);
    int rc = set_attr_steal(r->vm, o, name, v);
    gs_tm_resume(r->vm, m);
    return rc;
}

/* A tuple of n Nones from the free lists: a tuple CPython makes and the
 * model needs only as a block (an exception's args, a sort key) */
static gs_Object *run_tuple(Run *r, int32_t n)
{
    if (!r->on)
        return NULL;
    gs_Object *t = gs_tuple_new(r->vm, n);
    for (int32_t i = 0; t && i < n; i++)
        gs_tuple_init(r->vm, t, i, GS_NONE(r->vm));
    return t;
}

/* A KeyError raised and caught in a frame: _PyErr_SetKeyError packs the
 * key in a 1-tuple, PyTraceBack_Here makes the frame object (the first
 * time) and a traceback entry, the handler normalises the exception; all
 * but the frame object go at the end of the handler (the args first). */
typedef struct Exc {
    gs_Object *args;
    uintptr_t tb, exc;
} Exc;

typedef struct FrameObj {
    size_t size;            /* 16 + 120 + 8 * (locals + stack) */
    bool made;
    uintptr_t key;
} FrameObj;

static void exc_raise(Run *r, Exc *e, FrameObj *f)
{
    e->args = run_tuple(r, 1);
    if (r->on && !f->made) {
        f->key = run_block(r, f->size);
        f->made = true;
    }
    e->tb = run_block(r, 56);
    e->exc = run_block(r, 88);
}

static void exc_clear(Run *r, Exc *e)
{
    gs_xdecref(r->vm, e->args);
    run_free(r, e->tb);
    run_free(r, e->exc);
}

/* A Traceback of `frames` (a tuple, most recent first): the instance,
 * then its __init__ (line 193): tuple(reversed(frames)) makes the
 * reversed object and, for the length hint, a bound method, then the
 * tuple. */
static gs_Object *traceback_run(Run *r, gs_Object *frames)
{
    gs_VM *vm = r->vm;
    gs_Object *args = run_tuple(r, 1); /* a class's call packs its arguments */
    gs_Object *tb = run_instance(r, types_of(vm)->traceback, 48);
    if (!tb) {
        gs_xdecref(vm, args);
        return NULL;
    }
    /* Sequence.__init__(self) (line 188): a wrapper descriptor's call
     * packs self in a tuple */
    run_enter(r, 188);
    gs_xdecref(vm, run_tuple(r, 1));
    run_line(r, 193);
    uintptr_t ro = run_block(r, 48);
    if (r->on)
        gs_tm_transient(vm, 72);
    gs_Object *rev = reversed_frames(vm, (gs_Tuple *)frames);
    run_free(r, ro);
    run_leave(r);
    gs_xdecref(vm, args);
    if (!rev || run_set(r, tb, "_frames", rev) < 0 || run_set(r, tb, "_total_nframe", GS_NONE(vm)) < 0) {
        gs_decref(vm, tb);
        return NULL;
    }
    return tb;
}

static int64_t int_value(gs_Object *o) { return GS_KIND(o) == GS_K_INT ? ((gs_Int *)o)->value : 0; }

/* stat.<name> += by (a new int at the current line) */
static int stat_add(Run *r, gs_Object *stat, const char *name, int64_t by)
{
    gs_Object *old = attr(r->vm, stat, name);
    int64_t v = old ? int_value(old) : 0;
    return set_attr_steal(r->vm, stat, name, gs_int_new(r->vm, v + by));
}

/* A 1-tuple of `frame`, or of (frame's filename, 0): a key tuple of
 * lines 495/497/515/517 */
static gs_Object *one_frame(gs_VM *vm, gs_Object *frame, bool filename)
{
    return key_frames(vm, frame, filename);
}

/* Snapshot._group_by(key_type, cumulative): the dict `stats` it
 * returns, keyed here by each Traceback's _frames (CPython keys it by
 * the Traceback, whose hash and equality are those of its _frames), in
 * the order CPython fills it; NULL on error. */
static gs_Object *group_by_run(Run *r, gs_Object *snapshot, int kt, bool cum)
{
    gs_VM *vm = r->vm;
    gs_Object *traces = attr(vm, snapshot, "traces");
    gs_Object *list = traces ? attr(vm, traces, "_traces") : NULL;
    if (!list || (GS_KIND(list) != GS_K_LIST && GS_KIND(list) != GS_K_TUPLE)) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute 'traces'", gs_type_name(snapshot));
        return NULL;
    }
    int64_t n = gs_len(vm, list);
    for (int64_t i = 0; i < n; i++) {
        gs_Object *raw = GS_KIND(list) == GS_K_LIST ? ((gs_List *)list)->items[i] : ((gs_Tuple *)list)->items[i];
        gs_Tuple *tr = (gs_Tuple *)raw;
        if (GS_KIND(raw) != GS_K_TUPLE || tr->len != 4 || GS_KIND(tr->items[2]) != GS_K_TUPLE ||
            GS_KIND(tr->items[1]) != GS_K_INT) {
            gs_raise(vm, vm->e_TypeError, "a trace is (domain, size, traceback, total_nframe)");
            return NULL;
        }
        gs_Tuple *frames = (gs_Tuple *)tr->items[2];
        for (int32_t k = 0; k < frames->len; k++)
            if (!frame_ok(frames->items[k])) {
                gs_raise(vm, vm->e_TypeError, "a frame is (filename, lineno)");
                return NULL;
            }
        if (!frames->len && kt == KEY_FILENAME && !cum) {
            gs_raise(vm, vm->e_IndexError, "tuple index out of range");
            return NULL;
        }
    }
    FrameObj fo = { 312, false, 0 };
    run_enter(r, 484);
    gs_Object *stats = gs_dict_new(vm);
    run_line(r, 485);
    gs_Object *tbs = stats ? gs_dict_new(vm) : NULL;
    run_line(r, cum ? 508 : 487);
    uintptr_t it = run_block(r, 48);
    gs_Object *frames_local = NULL; /* the `frames` local, when it is a tuple made here */
    bool err = !tbs;
    for (int64_t i = 0; i < n && !err; i++) {
        gs_Tuple *tr = (gs_Tuple *)(GS_KIND(list) == GS_K_LIST ? ((gs_List *)list)->items[i]
                                                               : ((gs_Tuple *)list)->items[i]);
        gs_Object *size = tr->items[1];
        gs_Tuple *raw = (gs_Tuple *)tr->items[2];
        int32_t nkeys = cum ? raw->len : 1;
        uintptr_t tupit = 0;
        if (cum) {
            run_line(r, 510);
            tupit = run_block(r, 48);
        }
        for (int32_t k = 0; k < nkeys && !err; k++) {
            gs_Object *key = cum ? raw->items[k] : &raw->ob;
            run_line(r, cum ? 512 : 490);
            gs_Object *tb = gs_dict_get(vm, tbs, key);
            if (vm->exc) {
                err = true;
                break;
            }
            if (!tb) {
                Exc e;
                exc_raise(r, &e, &fo);
                gs_Object *frames;
                if (cum) {
                    run_line(r, kt == KEY_LINENO ? 515 : 517);
                    frames = one_frame(vm, key, kt == KEY_FILENAME);
                } else if (kt == KEY_TRACEBACK || (kt == KEY_LINENO && raw->len <= 1))
                    frames = gs_newref(vm, key); /* trace_traceback[:1] is itself */
                else {
                    run_line(r, kt == KEY_LINENO ? 495 : 497);
                    frames = one_frame(vm, raw->items[0], kt == KEY_FILENAME);
                }
                gs_Object *old = frames_local;
                frames_local = frames;
                gs_xdecref(vm, old);
                if (!frames) {
                    exc_clear(r, &e);
                    err = true;
                    break;
                }
                run_line(r, cum ? 518 : 498);
                gs_Object *ntb = traceback_run(r, frames);
                run_line(r, cum ? 519 : 499);
                err = !ntb || gs_dict_set(vm, tbs, key, ntb) < 0;
                gs_xdecref(vm, ntb);
                exc_clear(r, &e);
                if (err)
                    break;
                tb = ntb; /* the dict keeps it */
            }
            gs_Object *tbframes = attr(vm, tb, "_frames");
            run_line(r, cum ? 521 : 501);
            run_hash(r);
            gs_Object *stat = gs_dict_get(vm, stats, tbframes);
            if (vm->exc) {
                err = true;
                break;
            }
            if (stat) {
                run_line(r, cum ? 522 : 502);
                err = stat_add(r, stat, "size", int_value(size)) < 0;
                run_line(r, cum ? 523 : 503);
                err = err || stat_add(r, stat, "count", 1) < 0;
            } else {
                Exc e;
                exc_raise(r, &e, &fo);
                run_line(r, cum ? 525 : 505);
                gs_Object *args = run_tuple(r, 3);
                stat = run_instance(r, types_of(vm)->statistic, 56);
                gs_xdecref(vm, args);
                err = !stat || run_set(r, stat, "traceback", gs_newref(vm, tb)) < 0 ||
                      run_set(r, stat, "size", gs_newref(vm, size)) < 0 ||
                      run_set(r, stat, "count", gs_int_new(vm, 1)) < 0;
                if (!err) {
                    run_hash(r);
                    err = gs_dict_set(vm, stats, tbframes, stat) < 0;
                }
                gs_xdecref(vm, stat);
                exc_clear(r, &e);
            }
        }
        run_free(r, tupit);
    }
    run_free(r, it);
    /* return stats: the frame object goes first, then the locals */
    if (fo.made)
        run_free(r, fo.key);
    gs_xdecref(vm, tbs);
    gs_xdecref(vm, frames_local);
    run_leave(r);
    if (err) {
        gs_xdecref(vm, stats);
        return NULL;
    }
    return stats;
}

/* ------------------------------------------------------------------ sorting */

/* A statistic and its sort key: descending by (size, count, traceback),
 * or for a comparison (|size_diff|, size, |count_diff|, count,
 * traceback); the traceback by its frames, oldest first. */
typedef struct Item {
    gs_Object *stat;        /* borrowed */
    gs_Object *frames;      /* its Traceback's _frames (borrowed) */
    int64_t k[4];
    int nk;
    size_t order;
} Item;

static int cmp_items(const void *pa, const void *pb)
{
    const Item *a = pa, *b = pb;
    for (int i = 0; i < a->nk; i++)
        if (a->k[i] != b->k[i])
            return a->k[i] > b->k[i] ? -1 : 1;
    int c = cmp_frames(a->frames, b->frames);
    if (c)
        return -c;
    return a->order < b->order ? -1 : a->order > b->order; /* stable */
}

static int64_t abs64(int64_t v) { return v < 0 ? -v : v; }

/* The items of `values` (Statistic or StatisticDiff objects) with their
 * keys, in their order (malloc'ed; NULL and an error set if not
 * statistics) */
static Item *items_of(gs_VM *vm, gs_Object **values, size_t n, bool diff)
{
    Item *it = calloc(n ? n : 1, sizeof *it);
    if (!it) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        gs_Object *s = values[i];
        gs_Object *tb = attr(vm, s, "traceback");
        gs_Object *fr = tb ? attr(vm, tb, "_frames") : NULL;
        gs_Object *size = attr(vm, s, "size"), *count = attr(vm, s, "count");
        if (!fr || !size || !count) {
            free(it);
            gs_raise(vm, vm->e_AttributeError, "traceback");
            return NULL;
        }
        it[i].stat = s;
        it[i].frames = fr;
        it[i].order = i;
        if (diff) {
            gs_Object *sd = attr(vm, s, "size_diff"), *cd = attr(vm, s, "count_diff");
            it[i].k[0] = abs64(sd ? int_value(sd) : 0);
            it[i].k[1] = int_value(size);
            it[i].k[2] = abs64(cd ? int_value(cd) : 0);
            it[i].k[3] = int_value(count);
            it[i].nk = 4;
        } else {
            it[i].k[0] = int_value(size);
            it[i].k[1] = int_value(count);
            it[i].nk = 2;
        }
    }
    return it;
}

/* statistics.sort(reverse=True, key=X._sort_key) at the current line,
 * for a list the model fills already sorted: `items` in the list's order
 * before the sort.  A keys array for 128 statistics or more; a key tuple
 * each, made in the list's order by _sort_key (line 67, or 115 with
 * abs() of a negative difference a new int, at 115 and 116); freed in
 * the order the sort leaves them, ascending (the list is reversed before
 * and after the sort, the keys only before): the reverse of the result. */
static void sort_keys_run(Run *r, Item *items, size_t n, Item *sorted, bool diff)
{
    if (!r->on || !n)
        return;
    gs_VM *vm = r->vm;
    uintptr_t keys = n >= 128 ? run_block(r, 8 * n) : 0;
    gs_Object **kt = calloc(n, sizeof *kt);
    if (!kt)
        return;
    for (size_t i = 0; i < n; i++) {
        run_enter(r, diff ? 115 : 67);
        gs_Object *a = NULL, *b = NULL;
        if (diff) {
            gs_Object *sd = attr(vm, items[i].stat, "size_diff"), *cd = attr(vm, items[i].stat, "count_diff");
            if (sd && int_value(sd) < 0)
                a = gs_int_new(vm, -int_value(sd));
            run_line(r, 116);
            if (cd && int_value(cd) < 0)
                b = gs_int_new(vm, -int_value(cd));
            run_line(r, 115);
        }
        kt[items[i].order] = run_tuple(r, diff ? 5 : 3);
        if (kt[items[i].order] && a) {
            gs_decref(vm, ((gs_Tuple *)kt[items[i].order])->items[0]);
            ((gs_Tuple *)kt[items[i].order])->items[0] = a;
            a = NULL;
        }
        if (kt[items[i].order] && b) {
            gs_decref(vm, ((gs_Tuple *)kt[items[i].order])->items[2]);
            ((gs_Tuple *)kt[items[i].order])->items[2] = b;
            b = NULL;
        }
        gs_xdecref(vm, a);
        gs_xdecref(vm, b);
        run_leave(r);
    }
    for (size_t i = n; i-- > 0;)
        gs_xdecref(vm, kt[sorted[i].order]);
    free(kt);
    run_free(r, keys);
}

/* statistics.sort(...) on a list whose statistics are in their order
 * before the sort: the keys (above), then the list in the sorted order.
 * -1 and an error set on failure. */
static int sort_run(Run *r, gs_Object *list, bool diff)
{
    gs_VM *vm = r->vm;
    gs_List *l = (gs_List *)list;
    size_t n = (size_t)l->len;
    Item *items = items_of(vm, l->items, n, diff);
    Item *sorted = items ? malloc((n ? n : 1) * sizeof *sorted) : NULL;
    gs_Object **src = sorted ? malloc((n ? n : 1) * sizeof *src) : NULL;
    if (!src) {
        if (items)
            gs_raise_memory(vm);
        free(items);
        free(sorted);
        return -1;
    }
    memcpy(sorted, items, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_items);
    sort_keys_run(r, items, n, sorted, diff);
    for (size_t i = 0; i < n; i++)
        src[i] = gs_newref(vm, sorted[i].stat);
    gs_MemTrace *m = gs_tm_suspend(vm);
    int rc = gs_list_assign_slice(vm, list, 0, (int64_t)n, src, (int32_t)n);
    gs_tm_resume(vm, m);
    for (size_t i = 0; i < n; i++)
        gs_decref(vm, src[i]);
    free(src);
    free(items);
    free(sorted);
    return rc;
}

/* the values of a dict, in order (borrowed; malloc'ed array) */
static gs_Object **dict_values(gs_VM *vm, gs_Object *d, size_t *n)
{
    gs_DictTable *t = &((gs_Dict *)d)->t;
    gs_Object **v = malloc(((size_t)t->used + 1) * sizeof *v);
    *n = 0;
    if (!v) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int32_t i = 0; i < t->nentries; i++)
        if (t->entries[i].key)
            v[(*n)++] = t->entries[i].value;
    return v;
}

/* list(grouped.values()) (line 534): the view, a fresh list with exactly
 * the room its length asks (rounded to even), the values iterator */
static gs_Object *values_list_run(Run *r, gs_Object *d)
{
    gs_VM *vm = r->vm;
    size_t n = 0;
    gs_Object **v = dict_values(vm, d, &n);
    if (!v)
        return NULL;
    gs_MemTrace *m = gs_tm_suspend(vm);
    gs_Object *t = gs_tuple_new(vm, (int32_t)n);
    for (size_t i = 0; t && i < n; i++)
        gs_tuple_init(vm, t, (int32_t)i, gs_newref(vm, v[i]));
    gs_tm_resume(vm, m);
    free(v);
    if (!t)
        return NULL;
    uintptr_t view = run_block(r, 40);
    gs_Object *list = gs_list_new_fresh(vm);
    if (list && gs_list_extend(vm, list, t) < 0) {
        gs_decref(vm, list);
        list = NULL;
    }
    run_free(r, run_block(r, 72));
    run_free(r, view);
    m = gs_tm_suspend(vm);
    gs_decref(vm, t);
    gs_tm_resume(vm, m);
    return list;
}

/* Snapshot.statistics(key_type, cumulative) */
static gs_Object *statistics_run(gs_VM *vm, gs_Object *self, int kt, bool cum)
{
    Run r = run_begin(vm);
    run_enter(&r, 533);
    gs_Object *grouped = group_by_run(&r, self, kt, cum);
    run_line(&r, 534);
    gs_Object *list = grouped ? values_list_run(&r, grouped) : NULL;
    run_line(&r, 535);
    if (list && sort_run(&r, list, false) < 0) {
        gs_decref(vm, list);
        list = NULL;
    }
    run_leave(&r);
    gs_xdecref(vm, grouped);
    return list;
}

/* A dict's items iterated (a for loop over d.items()): the view, the
 * iterator and the 2-tuple it hands out again and again; the view goes
 * once the loop has its iterator. */
typedef struct ItemsIter {
    uintptr_t iter;
    gs_Object *result;
} ItemsIter;

static ItemsIter items_iter_run(Run *r)
{
    uintptr_t view = run_block(r, 40);
    ItemsIter it = { run_block(r, 72), run_tuple(r, 2) };
    run_free(r, view);
    return it;
}

static void items_iter_end(Run *r, ItemsIter *it)
{
    gs_xdecref(r->vm, it->result);
    run_free(r, it->iter);
}

static gs_Object *new_diff_run(Run *r, gs_Object *tb, gs_Object *size, gs_Object *sd, gs_Object *count,
                               gs_Object *cd)
{
    gs_Object *args = run_tuple(r, 5);
    gs_Object *s = run_instance(r, types_of(r->vm)->statdiff, 72);
    gs_xdecref(r->vm, args);
    if (s && (run_set(r, s, "traceback", gs_newref(r->vm, tb)) < 0 || run_set(r, s, "size", size) < 0 ||
              run_set(r, s, "size_diff", sd) < 0 || run_set(r, s, "count", count) < 0 ||
              run_set(r, s, "count_diff", cd) < 0)) {
        gs_decref(r->vm, s);
        return NULL;
    }
    if (!s) {
        gs_xdecref(r->vm, size);
        gs_xdecref(r->vm, sd);
        gs_xdecref(r->vm, count);
        gs_xdecref(r->vm, cd);
    }
    return s;
}

/* _compare_grouped_stats(old_group, new_group): the StatisticDiff list,
 * in CPython's order before the sort; it pops what it matches from
 * old_group */
static gs_Object *compare_grouped_run(Run *r, gs_Object *old_group, gs_Object *new_group)
{
    gs_VM *vm = r->vm;
    run_enter(r, 121);
    gs_Object *list = gs_list_new(vm, 0);
    gs_Object *previous = NULL;
    bool err = !list;
    for (int pass = 0; pass < 2 && !err; pass++) {
        gs_Object *group = pass ? old_group : new_group;
        run_line(r, pass ? 134 : 122);
        ItemsIter it = items_iter_run(r);
        size_t n = 0;
        gs_Object **keys = NULL;
        gs_DictTable *t = &((gs_Dict *)group)->t;
        keys = malloc(((size_t)t->nentries + 1) * sizeof *keys);
        if (!keys) {
            gs_raise_memory(vm);
            err = true;
        }
        for (int32_t i = 0; keys && i < t->nentries; i++)
            if (t->entries[i].key)
                keys[n++] = gs_newref(vm, t->entries[i].key);
        for (size_t i = 0; i < n && !err; i++) {
            gs_Object *stat = gs_dict_get(vm, group, keys[i]);
            gs_Object *tb = stat ? attr(vm, stat, "traceback") : NULL;
            gs_Object *size = stat ? attr(vm, stat, "size") : NULL, *count = stat ? attr(vm, stat, "count") : NULL;
            if (!tb || !size || !count) {
                if (!vm->exc)
                    gs_raise(vm, vm->e_AttributeError, "traceback");
                err = true;
                break;
            }
            gs_Object *d;
            if (!pass) {
                run_line(r, 123);
                run_hash(r);
                gs_Object *prev = gs_dict_pop(vm, old_group, keys[i]);
                gs_Object *was = previous;
                previous = prev ? prev : gs_newref(vm, vm->none);
                gs_xdecref(vm, was);
                gs_Object *psize = prev ? attr(vm, prev, "size") : NULL, *pcount = prev ? attr(vm, prev, "count") : NULL;
                if (prev && psize && pcount) {
                    run_line(r, 126);
                    gs_Object *sd = gs_int_new(vm, int_value(size) - int_value(psize));
                    run_line(r, 127);
                    gs_Object *cd = gs_int_new(vm, int_value(count) - int_value(pcount));
                    run_line(r, 125);
                    d = new_diff_run(r, tb, gs_newref(vm, size), sd, gs_newref(vm, count), cd);
                } else {
                    run_line(r, 129);
                    d = new_diff_run(r, tb, gs_newref(vm, size), gs_newref(vm, size), gs_newref(vm, count),
                                     gs_newref(vm, count));
                }
                run_line(r, 132);
            } else {
                run_line(r, 135);
                gs_Object *ns = gs_int_new(vm, -int_value(size));
                gs_Object *nc = gs_int_new(vm, -int_value(count));
                d = new_diff_run(r, tb, gs_int_new(vm, 0), ns, gs_int_new(vm, 0), nc);
                run_line(r, 136);
            }
            err = !d || gs_list_append(vm, list, d) < 0;
            gs_xdecref(vm, d);
        }
        for (size_t i = 0; i < n; i++)
            gs_decref(vm, keys[i]);
        free(keys);
        items_iter_end(r, &it);
    }
    run_leave(r);
    gs_xdecref(vm, previous);
    if (err) {
        gs_xdecref(vm, list);
        return NULL;
    }
    return list;
}

/* Snapshot.compare_to(old_snapshot, key_type, cumulative) */
static gs_Object *compare_run(gs_VM *vm, gs_Object *self, gs_Object *old, int kt, bool cum)
{
    Run r = run_begin(vm);
    run_enter(&r, 544);
    gs_Object *new_group = group_by_run(&r, self, kt, cum);
    run_line(&r, 545);
    gs_Object *old_group = new_group ? group_by_run(&r, old, kt, cum) : NULL;
    run_line(&r, 546);
    gs_Object *list = old_group ? compare_grouped_run(&r, old_group, new_group) : NULL;
    run_line(&r, 547);
    if (list && sort_run(&r, list, true) < 0) {
        gs_decref(vm, list);
        list = NULL;
    }
    run_leave(&r);
    gs_xdecref(vm, new_group);
    gs_xdecref(vm, old_group);
    return list;
}

/* ================================================================== Snapshot */

static gs_Object *new_snapshot(gs_VM *vm, gs_Object *traces_list, gs_Object *limit)
{
    gs_Object *t = new_traces(vm, traces_list);
    gs_Object *s = t ? gs_instance_new(vm, types_of(vm)->snapshot) : NULL;
    if (!s || set_attr_steal(vm, s, "traces", t) < 0 ||
        set_attr_steal(vm, s, "traceback_limit", gs_newref(vm, limit)) < 0) {
        if (!s)
            gs_xdecref(vm, t);
        gs_xdecref(vm, s);
        return NULL;
    }
    return s;
}

static gs_Object *snapshot_new(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    gs_Object *traces = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "traces");
    gs_Object *limit = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "traceback_limit");
    if (!traces || !limit) {
        gs_raise(vm, vm->e_TypeError, "Snapshot.__init__() missing %d required positional argument%s: %s",
                 traces ? 1 : 2, traces ? "" : "s", traces ? "'traceback_limit'" : "'traces' and 'traceback_limit'");
        return NULL;
    }
    return new_snapshot(vm, gs_newref(vm, traces), limit);
}

/* The traces as _get_traces finds them, copied first (as CPython copies
 * its table) since making their tuples allocates. */
typedef struct RawTrace {
    size_t size, first;     /* first: its frames in Collect.f */
    int nframe, total;
    const gs_TMFrame *fr;   /* its frames, once all are copied */
} RawTrace;

/* The model's table of blocks is in address order: the traces are put in
 * an order of their own (frames, then size) so that a run gives the same
 * snapshot every time. */
static int cmp_raw(const void *pa, const void *pb)
{
    const RawTrace *a = pa, *b = pb;
    for (int k = 0; k < a->nframe && k < b->nframe; k++) {
        int c = strcmp(a->fr[k].file, b->fr[k].file);
        if (c)
            return c;
        if (a->fr[k].line != b->fr[k].line)
            return a->fr[k].line < b->fr[k].line ? -1 : 1;
    }
    if (a->nframe != b->nframe)
        return a->nframe < b->nframe ? -1 : 1;
    if (a->total != b->total)
        return a->total < b->total ? -1 : 1;
    return a->size < b->size ? -1 : a->size > b->size;
}

typedef struct Collect {
    RawTrace *t;
    size_t n, cap;
    gs_TMFrame *f;
    size_t nf, fcap;
    bool failed;
} Collect;

static void collect_trace(void *ctx, size_t size, const gs_TMFrame *frames, int nframe, int total)
{
    Collect *c = ctx;
    if (c->failed)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 256;
        RawTrace *t = realloc(c->t, cap * sizeof *t);
        if (!t) {
            c->failed = true;
            return;
        }
        c->t = t;
        c->cap = cap;
    }
    if (c->nf + (size_t)nframe > c->fcap) {
        size_t cap = c->fcap ? 2 * c->fcap : 256;
        while (cap < c->nf + (size_t)nframe)
            cap *= 2;
        gs_TMFrame *f = realloc(c->f, cap * sizeof *f);
        if (!f) {
            c->failed = true;
            return;
        }
        c->f = f;
        c->fcap = cap;
    }
    memcpy(c->f + c->nf, frames, (size_t)nframe * sizeof *frames);
    c->t[c->n++] = (RawTrace){ size, c->nf, nframe, total, NULL };
    c->nf += (size_t)nframe;
}

/* the traceback of trace i: the same as trace j's? (tracemalloc interns
 * tracebacks: one tuple for each) */
static bool same_traceback(const Collect *c, size_t i, size_t j)
{
    const RawTrace *a = &c->t[i], *b = &c->t[j];
    if (a->nframe != b->nframe || a->total != b->total)
        return false;
    for (int k = 0; k < a->nframe; k++)
        if (c->f[a->first + k].file != c->f[b->first + k].file || c->f[a->first + k].line != c->f[b->first + k].line)
            return false;
    return true;
}

static uint64_t raw_traceback_hash(const Collect *c, size_t i)
{
    const RawTrace *a = &c->t[i];
    uint64_t h = 1469598103934665603ull ^ (uint64_t)a->total;
    for (int k = 0; k < a->nframe; k++) {
        h = (h ^ (uint64_t)(uintptr_t)c->f[a->first + k].file) * 1099511628211ull;
        h = (h ^ (uint64_t)c->f[a->first + k].line) * 1099511628211ull;
    }
    return h;
}

/* _get_traces: a list of (0, size, ((filename, lineno), ...), total_nframe),
 * one traceback tuple for all traces with the same traceback.  The list
 * is made at the current line; the rest with the reentrancy flag set. */
static gs_Object *get_traces(gs_VM *vm)
{
    Collect c = { 0 };
    gs_tm_traces(vm, collect_trace, &c);
    for (size_t i = 0; i < c.n; i++)
        c.t[i].fr = c.f + c.t[i].first;
    if (c.n > 1)
        qsort(c.t, c.n, sizeof *c.t, cmp_raw);
    gs_Object *list = c.failed ? NULL : gs_list_new(vm, 0);
    size_t nslots = 16;
    while (nslots < 2 * c.n)
        nslots *= 2;
    size_t *slots = list ? calloc(nslots, sizeof *slots) : NULL; /* trace index + 1 */
    gs_Object **tbs = slots ? calloc(c.n + 1, sizeof *tbs) : NULL;
    if (!tbs) {
        free(slots);
        free(c.t);
        free(c.f);
        gs_xdecref(vm, list);
        gs_raise_memory(vm);
        return NULL;
    }
    bool failed = false;
    gs_tm_set_reentrant(vm, true);
    for (size_t i = 0; i < c.n && !failed; i++) {
        RawTrace *rt = &c.t[i];
        gs_Object *t = gs_tuple_new(vm, 4);
        if (!t) {
            failed = true;
            break;
        }
        gs_tuple_init(vm, t, 0, gs_int_new(vm, 0));
        gs_tuple_init(vm, t, 1, gs_int_new(vm, (int64_t)rt->size));
        size_t j = raw_traceback_hash(&c, i) & (nslots - 1);
        for (; slots[j] && !same_traceback(&c, slots[j] - 1, i); j = (j + 1) & (nslots - 1))
            ;
        gs_Object *tb;
        if (slots[j])
            tb = gs_newref(vm, tbs[slots[j] - 1]);
        else {
            tb = gs_tuple_new(vm, rt->nframe);
            for (int k = 0; tb && k < rt->nframe; k++) {
                gs_Object *f = frame_tuple(vm, c.f[rt->first + (size_t)k].file, c.f[rt->first + (size_t)k].line);
                if (!f) {
                    gs_decref(vm, tb);
                    tb = NULL;
                    break;
                }
                gs_tuple_init(vm, tb, k, f);
            }
            if (tb) {
                slots[j] = i + 1;
                tbs[i] = tb; /* borrowed: the list keeps it */
            }
        }
        if (!tb) {
            gs_tuple_init(vm, t, 2, GS_NONE(vm));
            gs_tuple_init(vm, t, 3, GS_NONE(vm));
            gs_decref(vm, t);
            failed = true;
            break;
        }
        gs_tuple_init(vm, t, 2, tb);
        gs_tuple_init(vm, t, 3, gs_int_new(vm, rt->total));
        failed = gs_list_append(vm, list, t) < 0;
        gs_decref(vm, t);
    }
    gs_tm_set_reentrant(vm, false);
    free(slots);
    free(tbs);
    free(c.t);
    free(c.f);
    if (failed) {
        gs_decref(vm, list);
        return NULL;
    }
    return list;
}

/* An instance of a class of Lib/tracemalloc.py as CPython traces it: 56
 * bytes and a values array sized by its class's shared keys, which have
 * room for 30 and give each new instance one slot fewer while they can
 * (_PyObject_InitializeDict); its __init__ adds its attributes to them. */
static void trace_lib_instance(gs_VM *vm, gs_Object *o, int *usable, int *entries, int nattrs)
{
    if (*usable > 1)
        (*usable)--;
    gs_tm_block(vm, o, GS_TM_OBJECT, 56, false);
    gs_tm_block(vm, o, GS_TM_ITEMS, gs_tm_values_block(*entries + *usable), false);
    if (*entries < nattrs) {
        *usable -= nattrs - *entries;
        *entries = nattrs;
    }
}

/* Snapshot(traces, traceback_limit) called at tracemalloc.py line
 * `line` (steals `list`): the call's args tuple, the instance and its
 * values, then in __init__ (line 423) self.traces = _Traces(traces), the
 * same again. */
static gs_Object *snapshot_run(gs_VM *vm, gs_Object *list, gs_Object *limit, int line)
{
    gs_MemTrace *m2 = gs_tm_suspend(vm);
    gs_Object *s = new_snapshot(vm, list, limit);
    gs_tm_resume(vm, m2);
    TMTypes *ty = types_of(vm);
    gs_Object *tr = s ? attr(vm, s, "traces") : NULL;
    if (tr && ty && vm->tm) {
        const gs_Str *file = gs_name(vm, LIB_FILE);
        gs_tm_lib_enter(vm, file, line);
        gs_Object *args = gs_tuple_new(vm, 2);
        trace_lib_instance(vm, s, &ty->snap_usable, &ty->snap_entries, 2);
        gs_tm_lib_enter(vm, file, 423);
        gs_Object *args2 = gs_tuple_new(vm, 1);
        trace_lib_instance(vm, tr, &ty->traces_usable, &ty->traces_entries, 1);
        for (int i = 0; args && i < 2; i++)
            gs_tuple_init(vm, args, i, GS_NONE(vm));
        if (args2)
            gs_tuple_init(vm, args2, 0, GS_NONE(vm));
        gs_xdecref(vm, args2);
        gs_tm_lib_leave(vm);
        gs_xdecref(vm, args);
        gs_tm_lib_leave(vm);
    }
    return s;
}

static gs_Object *take_snapshot(gs_VM *vm)
{
    if (!gs_tm_tracing(vm)) {
        gs_raise(vm, vm->e_RuntimeError, "the tracemalloc module must be tracing memory allocations to take a snapshot");
        return NULL;
    }
    /* traces = _get_traces() (line 558), traceback_limit =
     * get_traceback_limit() (559), return Snapshot(traces,
     * traceback_limit) (560) whose __init__ makes self.traces =
     * _Traces(traces) (423) */
    const gs_Str *file = gs_name(vm, LIB_FILE);
    gs_tm_lib_enter(vm, file, 558);
    gs_Object *list = get_traces(vm);
    gs_tm_lib_leave(vm);
    if (!list)
        return NULL;
    gs_tm_lib_enter(vm, file, 559);
    gs_Object *limit = gs_int_new(vm, gs_tm_limit(vm));
    gs_tm_lib_leave(vm);
    if (!limit) {
        gs_decref(vm, list);
        return NULL;
    }
    gs_Object *s = snapshot_run(vm, list, limit, 560);
    gs_decref(vm, limit);
    return s;
}

/* The module's Python-level functions run untraced (see the top). */
#define UNTRACED(call)                                 \
    do {                                               \
        gs_MemTrace *m_ = gs_tm_suspend(vm);           \
        gs_Object *r_ = (call);                        \
        gs_tm_resume(vm, m_);                          \
        return r_;                                     \
    } while (0)

static gs_Object *m_take_snapshot(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return take_snapshot(vm);
}

static gs_Object *statistics_impl(gs_VM *vm, gs_Object *self, gs_Object *key, gs_Object *cum, gs_Object *old)
{
    int c = cum ? gs_truthy(vm, cum) : 0;
    if (c < 0)
        return NULL;
    int kt = key_type_of(vm, key, c);
    if (kt < 0)
        return NULL;
    return old ? compare_run(vm, self, old, kt, c) : statistics_run(vm, self, kt, c);
}

static gs_Object *snapshot_statistics(GS_ARGS)
{
    static const char *allowed[] = { "key_type", "cumulative", NULL };
    if (gs_check_kw_allowed(vm, "statistics", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *key = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "key_type");
    gs_Object *cum = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "cumulative");
    if (npos > 2) {
        gs_raise(vm, vm->e_TypeError, "Snapshot.statistics() takes from 2 to 3 positional arguments but %d were given",
                 npos + 1);
        return NULL;
    }
    if (!key) {
        gs_raise(vm, vm->e_TypeError, "Snapshot.statistics() missing 1 required positional argument: 'key_type'");
        return NULL;
    }
    return statistics_impl(vm, self, key, cum, NULL);
}

static gs_Object *snapshot_compare_to(GS_ARGS)
{
    static const char *allowed[] = { "old_snapshot", "key_type", "cumulative", NULL };
    if (gs_check_kw_allowed(vm, "compare_to", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *old = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "old_snapshot");
    gs_Object *key = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "key_type");
    gs_Object *cum = npos > 2 ? args[2] : gs_kwarg(vm, args, nargs, kwnames, "cumulative");
    if (!old || !key) {
        gs_raise(vm, vm->e_TypeError, "Snapshot.compare_to() missing %d required positional argument%s: %s",
                 old ? 1 : 2, old ? "" : "s", old ? "'key_type'" : "'old_snapshot' and 'key_type'");
        return NULL;
    }
    if (!is_a(old, types_of(vm)->snapshot)) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '_group_by'", gs_type_name(old));
        return NULL;
    }
    return statistics_impl(vm, self, key, cum, old);
}

/* ------------------------------------------------------------------ filters */

/* fnmatch.fnmatchcase: * ? [seq] [!seq], the whole name */
static bool glob(const char *p, const char *pe, const char *s, const char *se)
{
    while (p < pe) {
        if (*p == '*') {
            while (p < pe && *p == '*')
                p++;
            if (p == pe)
                return true;
            for (const char *t = s; t <= se; t++)
                if (glob(p, pe, t, se))
                    return true;
            return false;
        }
        if (s == se)
            return false;
        if (*p == '?') {
            /* one character: skip a whole UTF-8 sequence */
            s++;
            while (s < se && ((unsigned char)*s & 0xC0) == 0x80)
                s++;
            p++;
            continue;
        }
        if (*p == '[') {
            const char *q = p + 1;
            bool neg = q < pe && *q == '!';
            if (neg)
                q++;
            const char *start = q;
            while (q < pe && (*q != ']' || q == start))
                q++;
            if (q < pe) {
                bool hit = false;
                for (const char *c = start; c < q; c++) {
                    if (c + 2 < q && c[1] == '-') {
                        if ((unsigned char)*s >= (unsigned char)c[0] && (unsigned char)*s <= (unsigned char)c[2])
                            hit = true;
                        c += 2;
                    } else if (*c == *s)
                        hit = true;
                }
                if (hit == neg)
                    return false;
                s++;
                p = q + 1;
                continue;
            }
            /* no closing bracket: a literal '[' */
        }
        if (*p != *s)
            return false;
        p++;
        s++;
    }
    return s == se;
}

/* os.path.normcase (nothing on POSIX), then a trailing .pyc made .py */
static gs_Object *normalize_filename(gs_VM *vm, gs_Object *name)
{
    if (GS_KIND(name) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "expected str, bytes or os.PathLike object, not %s", gs_type_name(name));
        return NULL;
    }
    gs_Str *s = (gs_Str *)name;
    if (s->len >= 4 && memcmp(s->data + s->len - 4, ".pyc", 4) == 0)
        return gs_str_new(vm, s->data, (size_t)s->len - 1);
    return gs_newref(vm, name);
}

static gs_Object *filter_new(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "inclusive", "filename_pattern", "lineno", "all_frames", "domain", NULL };
    if (gs_check_kw_allowed(vm, "__init__", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    if (npos > 5) {
        gs_raise(vm, vm->e_TypeError, "Filter.__init__() takes from 3 to 6 positional arguments but %d were given",
                 npos + 1);
        return NULL;
    }
    gs_Object *v[5];
    for (int i = 0; i < 5; i++)
        v[i] = i < npos ? args[i] : gs_kwarg(vm, args, nargs, kwnames, allowed[i]);
    if (!v[0] || !v[1]) {
        gs_raise(vm, vm->e_TypeError, "Filter.__init__() missing %d required positional argument%s: %s",
                 v[0] ? 1 : 2, v[0] ? "" : "s", v[0] ? "'filename_pattern'" : "'inclusive' and 'filename_pattern'");
        return NULL;
    }
    gs_Object *pat = normalize_filename(vm, v[1]);
    if (!pat)
        return NULL;
    gs_Object *f = gs_instance_new(vm, types_of(vm)->filter);
    if (!f || set_attr_steal(vm, f, "inclusive", gs_newref(vm, v[0])) < 0 ||
        set_attr_steal(vm, f, "_filename_pattern", pat) < 0 ||
        set_attr_steal(vm, f, "lineno", gs_newref(vm, v[2] ? v[2] : vm->none)) < 0 ||
        set_attr_steal(vm, f, "all_frames", gs_newref(vm, v[3] ? v[3] : vm->false_)) < 0 ||
        set_attr_steal(vm, f, "domain", gs_newref(vm, v[4] ? v[4] : vm->none)) < 0) {
        if (!f)
            gs_decref(vm, pat);
        gs_xdecref(vm, f);
        return NULL;
    }
    return f;
}

static gs_Object *filter_pattern(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *p = attr(vm, self, "_filename_pattern");
    return gs_newref(vm, p ? p : vm->none);
}

static gs_Object *domainfilter_new(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *allowed[] = { "inclusive", "domain", NULL };
    if (gs_check_kw_allowed(vm, "__init__", kwnames, allowed) < 0)
        return NULL;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *inc = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "inclusive");
    gs_Object *dom = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "domain");
    if (!inc || !dom) {
        gs_raise(vm, vm->e_TypeError, "DomainFilter.__init__() missing %d required positional argument%s: %s",
                 inc ? 1 : 2, inc ? "" : "s", inc ? "'domain'" : "'inclusive' and 'domain'");
        return NULL;
    }
    gs_Object *f = gs_instance_new(vm, types_of(vm)->domainfilter);
    if (!f || set_attr_steal(vm, f, "inclusive", gs_newref(vm, inc)) < 0 ||
        set_attr_steal(vm, f, "_domain", gs_newref(vm, dom)) < 0) {
        gs_xdecref(vm, f);
        return NULL;
    }
    return f;
}

static gs_Object *domainfilter_domain(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *d = attr(vm, self, "_domain");
    return gs_newref(vm, d ? d : vm->none);
}

/* Filter._match_frame_impl */
static int frame_matches(gs_VM *vm, gs_Object *filter, gs_Object *frame)
{
    gs_Tuple *f = (gs_Tuple *)frame;
    gs_Object *name = normalize_filename(vm, f->items[0]);
    gs_Object *pat = attr(vm, filter, "_filename_pattern");
    if (!name)
        return -1;
    bool hit = pat && GS_KIND(pat) == GS_K_STR &&
               glob(((gs_Str *)pat)->data, ((gs_Str *)pat)->data + ((gs_Str *)pat)->len, ((gs_Str *)name)->data,
                    ((gs_Str *)name)->data + ((gs_Str *)name)->len);
    gs_decref(vm, name);
    if (!hit)
        return 0;
    gs_Object *lineno = attr(vm, filter, "lineno");
    if (!lineno || lineno == vm->none)
        return 1;
    return gs_equal(vm, f->items[1], lineno);
}

/* BaseFilter._match(trace) for a Filter or a DomainFilter: -1 on error */
static int filter_match(gs_VM *vm, gs_Object *filter, gs_Tuple *trace, bool inclusive)
{
    if (is_a(filter, types_of(vm)->domainfilter)) {
        int eq = gs_equal(vm, trace->items[0], attr(vm, filter, "_domain"));
        return eq < 0 ? -1 : eq ^ !inclusive;
    }
    if (!is_a(filter, types_of(vm)->filter)) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '_match'", gs_type_name(filter));
        return -1;
    }
    gs_Tuple *frames = (gs_Tuple *)trace->items[2];
    gs_Object *all = attr(vm, filter, "all_frames");
    int all_frames = all ? gs_truthy(vm, all) : 0;
    if (all_frames < 0)
        return -1;
    int res;
    if (all_frames) {
        int any = 0;
        for (int32_t i = 0; i < frames->len && !any; i++) {
            any = frame_matches(vm, filter, frames->items[i]);
            if (any < 0)
                return -1;
        }
        res = any ? inclusive : !inclusive;
    } else {
        if (!frames->len) {
            gs_raise(vm, vm->e_IndexError, "tuple index out of range");
            return -1;
        }
        int m = frame_matches(vm, filter, frames->items[0]);
        if (m < 0)
            return -1;
        res = m ^ !inclusive;
    }
    gs_Object *domain = attr(vm, filter, "domain");
    if (domain && domain != vm->none) {
        int eq = gs_equal(vm, trace->items[0], domain);
        if (eq < 0)
            return -1;
        return inclusive ? (res && eq) : (res || !eq);
    }
    return res;
}

static gs_Object *filter_traces_impl(gs_VM *vm, gs_Object *self, gs_Object *filters)
{
    gs_Object *traces = attr(vm, self, "traces");
    gs_Object *list = traces ? attr(vm, traces, "_traces") : NULL;
    gs_Object *limit = attr(vm, self, "traceback_limit");
    if (!list || !limit || GS_KIND(list) != GS_K_LIST) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute 'traces'", gs_type_name(self));
        return NULL;
    }
    gs_Object *fl = gs_list_from_iterable(vm, filters);
    if (!fl)
        return NULL;
    gs_List *f = (gs_List *)fl;
    int *inc = calloc((size_t)f->len + 1, sizeof *inc);
    if (!inc) {
        gs_decref(vm, fl);
        gs_raise_memory(vm);
        return NULL;
    }
    bool any_inc = false, err = false;
    for (int32_t k = 0; k < f->len && !err; k++) {
        gs_Object *v = is_a(f->items[k], types_of(vm)->filter) || is_a(f->items[k], types_of(vm)->domainfilter)
                           ? attr(vm, f->items[k], "inclusive")
                           : NULL;
        if (!v) {
            gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute 'inclusive'", gs_type_name(f->items[k]));
            err = true;
            break;
        }
        inc[k] = gs_truthy(vm, v);
        err = inc[k] < 0;
        any_inc = any_inc || inc[k] > 0;
    }
    gs_Object *out = err ? NULL : gs_list_new(vm, 0);
    gs_List *src = (gs_List *)list;
    for (int32_t i = 0; out && i < src->len; i++) {
        gs_Tuple *tr = (gs_Tuple *)src->items[i];
        if (GS_KIND(src->items[i]) != GS_K_TUPLE || tr->len != 4 || GS_KIND(tr->items[2]) != GS_K_TUPLE) {
            gs_raise(vm, vm->e_TypeError, "a trace is (domain, size, traceback, total_nframe)");
            err = true;
            break;
        }
        bool keep = true;
        if (f->len) {
            /* kept: some inclusive filter matches (if there are any), and
             * no exclusive one refuses */
            bool hit = !any_inc;
            for (int32_t k = 0; k < f->len && !hit && !err; k++)
                if (inc[k]) {
                    int m = filter_match(vm, f->items[k], tr, true);
                    err = m < 0;
                    hit = m > 0;
                }
            keep = hit;
            for (int32_t k = 0; k < f->len && keep && !err; k++)
                if (!inc[k]) {
                    int m = filter_match(vm, f->items[k], tr, false);
                    err = m < 0;
                    keep = m > 0;
                }
        }
        if (err)
            break;
        if (keep && gs_list_append(vm, out, &tr->ob) < 0)
            err = true;
    }
    free(inc);
    gs_decref(vm, fl);
    if (err) {
        gs_xdecref(vm, out);
        return NULL;
    }
    return out;
}

/* Iterable's ABC cache: isinstance(filters, Iterable) the first time for
 * a type adds it to the cache in C (_abc's _add_to_weak_set, at
 * <frozen abc>:123 under __instancecheck__ at 119): the set and a weak
 * reference to it the first time, then for each type a callback bound to
 * that reference and a weak reference to the type. */
static void iterable_cache_run(Run *r, gs_Type *t)
{
    TMTypes *ty = types_of(r->vm);
    if (!r->on || !ty)
        return;
    for (int i = 0; i < ty->n_iterable_seen; i++)
        if (ty->iterable_seen[i] == t)
            return;
    if (ty->n_iterable_seen < (int)(sizeof ty->iterable_seen / sizeof ty->iterable_seen[0]))
        ty->iterable_seen[ty->n_iterable_seen++] = t;
    const gs_Str *abc = gs_name(r->vm, "<frozen abc>");
    gs_tm_lib_enter(r->vm, abc, 119);
    gs_tm_lib_enter(r->vm, abc, 123);
    if (!ty->iterable_cache) {
        gs_tm_new_block(r->vm, 216); /* the set */
        gs_tm_new_block(r->vm, 80);  /* its weak reference, made once (a basic ref is reused) */
        ty->iterable_cache = true;
    }
    gs_tm_new_block(r->vm, 72); /* the callback, bound to that reference */
    gs_tm_new_block(r->vm, 80); /* the weak reference to the type */
    gs_tm_lib_leave(r->vm);
    gs_tm_lib_leave(r->vm);
}

/* Snapshot.filter_traces(filters) as tracemalloc.py runs it: its three
 * cells (self, include_filters, exclude_filters: its list comprehension
 * is a closure), isinstance(filters, Iterable), then either
 * self.traces._traces.copy() (line 474) or the two lists of filters
 * (462-468) and the comprehension's function, closure and list (469),
 * then Snapshot(new_traces, self.traceback_limit) (475). */
static gs_Object *filter_traces_run(gs_VM *vm, gs_Object *self, gs_Object *filters)
{
    gs_MemTrace *m = gs_tm_suspend(vm);
    gs_Object *kept = filter_traces_impl(vm, self, filters);
    int truth = kept ? gs_truthy(vm, filters) : -1;
    gs_tm_resume(vm, m);
    if (!kept || truth < 0) {
        if (kept) {
            m = gs_tm_suspend(vm);
            gs_decref(vm, kept);
            gs_tm_resume(vm, m);
        }
        return NULL;
    }
    gs_Object *limit = attr(vm, self, "traceback_limit");
    Run r = run_begin(vm);
    run_enter(&r, 452);
    uintptr_t cells[3] = { run_block(&r, 40), run_block(&r, 40), run_block(&r, 40) };
    run_line(&r, 458);
    iterable_cache_run(&r, filters->type);
    gs_Object *out = NULL, *inc = NULL, *exc = NULL;
    int err = 0;
    gs_List *k = (gs_List *)kept;
    if (!truth) {
        run_line(&r, 474);
        out = gs_list_copy(vm, kept);
        err = !out;
    } else {
        run_line(&r, 462);
        inc = gs_list_new(vm, 0);
        run_line(&r, 463);
        exc = inc ? gs_list_new(vm, 0) : NULL;
        run_line(&r, 464);
        m = gs_tm_suspend(vm);
        gs_Object *fl = exc ? gs_list_from_iterable(vm, filters) : NULL;
        gs_tm_resume(vm, m);
        err = !fl;
        uintptr_t it = run_block(&r, 48);
        for (int32_t i = 0; fl && i < ((gs_List *)fl)->len && !err; i++) {
            gs_Object *f = ((gs_List *)fl)->items[i];
            gs_Object *v = attr(vm, f, "inclusive");
            int in = v ? gs_truthy(vm, v) : 0;
            run_line(&r, in ? 466 : 468);
            err = gs_list_append(vm, in ? inc : exc, f) < 0;
        }
        run_free(&r, it);
        if (fl) {
            m = gs_tm_suspend(vm);
            gs_decref(vm, fl);
            gs_tm_resume(vm, m);
        }
        run_line(&r, 469);
        gs_Object *closure = run_tuple(&r, 3);
        uintptr_t fn = run_block(&r, 152);
        uintptr_t it2 = run_block(&r, 48);
        out = err ? NULL : gs_list_new(vm, 0);
        err = err || !out;
        for (int32_t i = 0; !err && i < k->len; i++)
            err = gs_list_append(vm, out, k->items[i]) < 0;
        run_free(&r, it2);
        run_free(&r, fn);
        gs_xdecref(vm, closure);
    }
    m = gs_tm_suspend(vm);
    gs_decref(vm, kept);
    gs_tm_resume(vm, m);
    run_leave(&r);
    gs_Object *snap = NULL;
    if (!err)
        snap = snapshot_run(vm, out, limit, 475);
    else
        gs_xdecref(vm, out);
    /* the frame goes: its cells, and the lists they hold */
    run_free(&r, cells[0]);
    gs_xdecref(vm, exc);
    run_free(&r, cells[1]);
    gs_xdecref(vm, inc);
    run_free(&r, cells[2]);
    return snap;
}

static gs_Object *snapshot_filter_traces(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 1) {
        gs_raise(vm, vm->e_TypeError, "Snapshot.filter_traces() missing 1 required positional argument: 'filters'");
        return NULL;
    }
    gs_Object *filters = args[0];
    gs_Kind k = GS_KIND(filters);
    bool iterable = k == GS_K_LIST || k == GS_K_TUPLE || k == GS_K_SET || k == GS_K_DICT || k == GS_K_STR ||
                    k == GS_K_ITER || k == GS_K_GENERATOR || k == GS_K_RANGE ||
                    (k == GS_K_INSTANCE && gs_type_lookup(filters->type, vm->s___iter__));
    if (!iterable) {
        gs_raise(vm, vm->e_TypeError, "filters must be a list of filters, not %s", gs_type_name(filters));
        return NULL;
    }
    return filter_traces_run(vm, self, filters);
}

static gs_Object *snapshot_dump(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_raise(vm, vm->e_OSError, "gcscope has no file access: Snapshot.dump() is not available");
    return NULL;
}

/* ================================================================== get_object_traceback */

static gs_Object *object_traceback(gs_VM *vm, gs_Object *o)
{
    gs_TMFrame frames[64];
    int total = 0;
    int n = gs_tm_object_traceback(vm, o, frames, 64, &total);
    if (n < 0)
        return GS_NONE(vm);
    gs_Object *raw = gs_tuple_new(vm, n);
    for (int i = 0; raw && i < n; i++) {
        gs_Object *f = frame_tuple(vm, frames[i].file, frames[i].line);
        if (!f) {
            gs_decref(vm, raw);
            return NULL;
        }
        gs_tuple_init(vm, raw, i, f);
    }
    if (!raw)
        return NULL;
    gs_Object *tb = new_traceback(vm, raw, NULL);
    gs_decref(vm, raw);
    return tb;
}

static gs_Object *m_get_object_traceback(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    if (gs_check_args(vm, "get_object_traceback", nargs, 1, 1) < 0)
        return NULL;
    UNTRACED(object_traceback(vm, args[0]));
}

/* ================================================================== the module */

static gs_Type *new_type(gs_VM *vm, const char *name)
{
    char full[64];
    snprintf(full, sizeof full, "tracemalloc.%s", name);
    gs_Type *t = gs_type_new_builtin(vm, full, vm->t_object, GS_K_INSTANCE, GS_TF_BASETYPE);
    t->module = gs_name(vm, "tracemalloc");
    return t;
}

static void add_property(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, 0, 0, NULL);
    if (!b)
        return;
    ((gs_Builtin *)b)->owner = t;
    gs_Object *p = gs_descriptor_wrap(vm, vm->t_property, b);
    gs_decref(vm, b);
    if (p) {
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, p);
        gs_decref(vm, p);
    }
}

static const gs_MethodDef frame_methods[] = {
    { "__new__", frame_new, 0, -1, GS_KW }, { "__str__", frame_str, 0, 0, false },
    { "__repr__", frame_repr, 0, 0, false }, { "__eq__", frame_eq, 1, 1, false },
    { "__lt__", frame_lt, 1, 1, false }, { "__gt__", frame_gt, 1, 1, false },
    { "__hash__", frame_hash, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef traceback_methods[] = {
    { "__new__", traceback_new, 0, -1, GS_KW }, { "__len__", traceback_len, 0, 0, false },
    { "__getitem__", traceback_getitem, 1, 1, false }, { "__iter__", traceback_iter, 0, 0, false },
    { "__contains__", traceback_contains, 1, 1, false }, { "__str__", traceback_str, 0, 0, false },
    { "__repr__", traceback_repr, 0, 0, false }, { "__eq__", traceback_eq, 1, 1, false },
    { "__lt__", traceback_lt, 1, 1, false }, { "__gt__", traceback_gt, 1, 1, false },
    { "__hash__", traceback_hash, 0, 0, false }, { "format", traceback_format, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef trace_methods[] = {
    { "__new__", trace_new, 0, -1, GS_KW }, { "__str__", trace_str, 0, 0, false },
    { "__repr__", trace_repr, 0, 0, false }, { "__eq__", trace_eq, 1, 1, false },
    { "__hash__", trace_hash, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef traces_methods[] = {
    { "__len__", traces_len, 0, 0, false }, { "__getitem__", traces_getitem, 1, 1, false },
    { "__iter__", traces_iter, 0, 0, false }, { "__contains__", traces_contains, 1, 1, false },
    { "__eq__", traces_eq, 1, 1, false }, { "__repr__", traces_repr, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef statistic_methods[] = {
    { "__new__", statistic_new, 0, -1, GS_KW }, { "__str__", statistic_str, 0, 0, false },
    { "__repr__", statistic_repr, 0, 0, false }, { "__eq__", statistic_eq, 1, 1, false },
    { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef statdiff_methods[] = {
    { "__new__", statdiff_new, 0, -1, GS_KW }, { "__str__", statdiff_str, 0, 0, false },
    { "__repr__", statdiff_repr, 0, 0, false }, { "__eq__", statdiff_eq, 1, 1, false },
    { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef snapshot_methods[] = {
    { "__new__", snapshot_new, 0, -1, GS_KW }, { "statistics", snapshot_statistics, 0, -1, GS_KW },
    { "compare_to", snapshot_compare_to, 0, -1, GS_KW }, { "filter_traces", snapshot_filter_traces, 0, -1, GS_KW },
    { "dump", snapshot_dump, 0, -1, GS_KW }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef filter_methods[] = {
    { "__new__", filter_new, 0, -1, GS_KW }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef domainfilter_methods[] = {
    { "__new__", domainfilter_new, 0, -1, GS_KW }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef module_functions[] = {
    { "start", m_start, 0, -1, GS_KW }, { "stop", m_stop, 0, 0, false },
    { "is_tracing", m_is_tracing, 0, 0, false }, { "clear_traces", m_clear_traces, 0, 0, false },
    { "reset_peak", m_reset_peak, 0, 0, false }, { "get_traced_memory", m_get_traced_memory, 0, 0, false },
    { "get_tracemalloc_memory", m_get_tracemalloc_memory, 0, 0, false },
    { "get_traceback_limit", m_get_traceback_limit, 0, 0, false },
    { "take_snapshot", m_take_snapshot, 0, 0, false }, { "get_object_traceback", m_get_object_traceback, 0, -1, false },
    { "_format_size", m_format_size, 0, -1, false }, { NULL, NULL, 0, 0, false },
};

static TMTypes *make_types(gs_VM *vm)
{
    void **slot = gs_tm_module_slot(vm);
    if (!slot)
        return NULL;
    if (*slot)
        return *slot;
    TMTypes *t = calloc(1, sizeof *t);
    if (t)
        t->snap_usable = t->traces_usable = 30; /* SHARED_KEYS_MAX_SIZE */
    if (!t)
        return NULL;
    *slot = t;
    t->frame = new_type(vm, "Frame");
    gs_type_add_methods(vm, t->frame, frame_methods);
    add_property(vm, t->frame, "filename", frame_filename);
    add_property(vm, t->frame, "lineno", frame_lineno);
    t->traceback = new_type(vm, "Traceback");
    gs_type_add_methods(vm, t->traceback, traceback_methods);
    add_property(vm, t->traceback, "total_nframe", traceback_total);
    t->trace = new_type(vm, "Trace");
    gs_type_add_methods(vm, t->trace, trace_methods);
    add_property(vm, t->trace, "domain", trace_domain);
    add_property(vm, t->trace, "size", trace_size);
    add_property(vm, t->trace, "traceback", trace_traceback);
    t->traces = new_type(vm, "_Traces");
    gs_type_add_methods(vm, t->traces, traces_methods);
    t->statistic = new_type(vm, "Statistic");
    gs_type_add_methods(vm, t->statistic, statistic_methods);
    t->statdiff = new_type(vm, "StatisticDiff");
    gs_type_add_methods(vm, t->statdiff, statdiff_methods);
    t->snapshot = new_type(vm, "Snapshot");
    gs_type_add_methods(vm, t->snapshot, snapshot_methods);
    t->filter = new_type(vm, "Filter");
    gs_type_add_methods(vm, t->filter, filter_methods);
    add_property(vm, t->filter, "filename_pattern", filter_pattern);
    t->domainfilter = new_type(vm, "DomainFilter");
    gs_type_add_methods(vm, t->domainfilter, domainfilter_methods);
    add_property(vm, t->domainfilter, "domain", domainfilter_domain);
    return t;
}

gs_Object *gs_module_tracemalloc(gs_VM *vm)
{
    TMTypes *t = make_types(vm);
    if (!t) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *m = gs_module_new(vm, "tracemalloc");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, module_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_Type *classes[] = { t->frame, t->traceback, t->trace, t->statistic, t->statdiff, t->snapshot, t->filter,
                           t->domainfilter };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        const char *dot = strchr(classes[i]->name->data, '.');
        gs_module_add(vm, m, dot + 1, gs_newref(vm, &classes[i]->ob));
    }
    gs_freelists_after_tracemalloc_import(vm); /* the module is made: its own objects are not CPython's */
    return m;
}

void gs_tracemalloc_free(gs_VM *vm)
{
    void **slot = gs_tm_module_slot(vm);
    if (slot) {
        free(*slot);
        *slot = NULL;
    }
    gs_tm_free_state(vm);
}

/* The module's classes are static types whose dicts the runtime does not
 * otherwise reach: roots for --check-refcounts, as weakref's are. */
void gs_tracemalloc_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    if (!vm->tm_state)
        return;
    TMTypes *ty = types_of(vm);
    if (!ty)
        return;
    gs_Type *all[] = { ty->frame, ty->traceback, ty->trace, ty->traces, ty->statistic,
                       ty->statdiff, ty->snapshot, ty->filter, ty->domainfilter };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i] && all[i]->dict)
            count(ctx, &all[i]->dict->ob);
}
