/*
 * viewer.c — an open document, its stepping commands, the window loop and
 * `gcscope shot` (see viewer.h).
 */
#include <SDL.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "lang/ast.h"
#include "lang/compile.h"
#include "fonts.h"
#include "platform.h"
#include "render.h"
#include "scene_build.h"
#include "viewer.h"

#define GUI_MAX_EVENTS 20000000ull   /* a window's trace stops here (memory) */
#define RECORD_BUDGET 400000ull      /* events recorded per frame while running */

static const char *trace_reader_missing = NULL;

/* ================================================================== document life */

void gs_viewer_init(gs_Viewer *v)
{
    memset(v, 0, sizeof *v);
    gs_scene_init(&v->scene);
    v->speed = 4;
    v->granularity = GS_GRAN_LINE;
    v->prompt_active = -1;
    v->scene_pos = SIZE_MAX;
    v->step_from = v->step_to = SIZE_MAX;
    v->lesson_index = -1;
}

static void close_document(gs_Viewer *v)
{
    if (v->tl)
        gs_timeline_free(v->tl);
    v->tl = NULL;
    if (v->vm)
        gs_vm_free(v->vm);
    v->vm = NULL;
    if (v->is_loaded_trace)
        gs_trace_free(&v->loaded);
    v->is_loaded_trace = false;
    v->trace = NULL;
    v->restore_line = 0;
    gs_placement_free(&v->placement);
    v->placement_ready = false;
    if (v->has_lesson)
        gs_lesson_free(&v->lesson);
    v->has_lesson = false;
    gs_tutor_close(v);
    free(v->source);
    v->source = NULL;
    v->source_len = 0;
    free(v->error);
    v->error = NULL;
    v->status = 0;
    v->error_line = 0;
    free(v->gc_marks);
    v->gc_marks = NULL;
    v->ngc_marks = 0;
    free(v->gc_ends);
    v->gc_ends = NULL;
    v->ngc_ends = 0;
    free(v->out_events);
    v->out_events = NULL;
    v->nout_events = 0;
    v->marks_ready = false;
    free(v->line_events);
    v->line_events = NULL;
    v->nline_events = 0;
    for (int i = 0; i < v->nlog; i++)
        free(v->log_text[i]);
    v->nlog = 0;
    free(v->plot);
    v->plot = NULL;
    v->nplot = v->plot_max = 0;
    free(v->plot_bytes);
    v->plot_bytes = NULL;
    v->plot_bytes_max = 0;
    free(v->mark_rows);
    v->mark_rows = NULL;
    v->nmark_rows = 0;
    v->marked = false;
    v->show_sizes = false;
    v->recording = false;
    v->playing = false;
    v->watch = 0;
    v->nbreakpoints = 0;
    v->scene_pos = SIZE_MAX;
    v->step_from = v->step_to = SIZE_MAX;
    v->place_what = 0;
}

void gs_viewer_free(gs_Viewer *v)
{
    close_document(v);
    gs_scene_free(&v->scene);
    gs_course_free(&v->course);
    free(v->lesson_score);
    free(v->lesson_score_of);
    free(v->lesson_titles);
    free(v->lesson_summaries);
    free(v->lesson_chapters);
    memset(v, 0, sizeof *v);
}

static void set_error(gs_Viewer *v, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void set_error(gs_Viewer *v, int line, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    free(v->error);
    v->error = strdup(buf);
    v->error_line = line;
}

static long long file_mtime(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

static void empty_trace_timeline(gs_Viewer *v)
{
    gs_trace_init(&v->loaded);
    v->is_loaded_trace = true;
    v->trace = &v->loaded;
    v->tl = gs_timeline_new(v->trace, NULL);
}

/* The lesson header, narration and prompts in v->source, if it has them.
 * A malformed marker is left out and named in the error panel; the rest of
 * the lesson works. */
void gs_viewer_apply_lesson(gs_Viewer *v)
{
    const char *src = v->source, *path = v->path;
    size_t n = v->source_len;
    gs_LessonError le;
    int problems = gs_lesson_parse(src, n, &v->lesson, &le);
    if (problems >= 0) {
        v->has_lesson = true;
        for (int i = 0; i < v->lesson.nbreakpoints && v->nbreakpoints < GS_MAX_BREAKPOINTS; i++)
            v->breakpoints[v->nbreakpoints++] = v->lesson.breakpoints[i];
        if (v->lesson.options & GS_LESSON_SHOW_PRIMITIVES)
            v->place_what |= GS_PLACE_PRIMITIVES;
        if (v->lesson.options & GS_LESSON_SHOW_DEFINITIONS)
            v->place_what |= GS_PLACE_DEFINITIONS;
        if (v->lesson.options & GS_LESSON_SHOW_SIZES)
            v->show_sizes = true;
        /* a line at a time unless the lesson chooses otherwise */
        v->granularity = strcmp(v->lesson.granularity, "event") == 0   ? GS_GRAN_EVENT
                         : strcmp(v->lesson.granularity, "phase") == 0 ? GS_GRAN_PHASE
                                                                       : GS_GRAN_LINE;
    }
    if (problems > 0)
        set_error(v, 0, "%s:%d: lesson markup: %s%s (that marker is left out; the rest of the lesson works)", path,
                  le.line, le.msg, problems > 1 ? " — and more: gcscope lessons --check FILE lists them" : "");
    gs_tutor_open(v);
}

/* Marks the lines of statements in `body` (and the bodies of compound
 * statements in it) that span lines: first[L] = the statement's first line. */
static void mark_statements(const gs_NodeList *body, uint32_t *first, uint32_t n)
{
    for (int i = 0; i < body->count; i++) {
        const gs_Node *st = body->items[i];
        switch (st->kind) {
        case GS_S_IF: mark_statements(&st->u.if_.body, first, n); mark_statements(&st->u.if_.orelse, first, n); break;
        case GS_S_WHILE:
            mark_statements(&st->u.while_.body, first, n);
            mark_statements(&st->u.while_.orelse, first, n);
            break;
        case GS_S_FOR: mark_statements(&st->u.for_.body, first, n); mark_statements(&st->u.for_.orelse, first, n); break;
        case GS_S_FUNCDEF: mark_statements(&st->u.func.body, first, n); break;
        case GS_S_CLASSDEF: mark_statements(&st->u.classdef.body, first, n); break;
        case GS_S_WITH: mark_statements(&st->u.with.body, first, n); break;
        case GS_S_MATCH:
            for (int k = 0; k < st->u.match.ncases; k++)
                mark_statements(&st->u.match.cases[k].body, first, n);
            break;
        case GS_S_TRY:
            mark_statements(&st->u.try_.body, first, n);
            for (int h = 0; h < st->u.try_.nhandlers; h++)
                mark_statements(&st->u.try_.handlers[h].body, first, n);
            mark_statements(&st->u.try_.orelse, first, n);
            mark_statements(&st->u.try_.finalbody, first, n);
            break;
        default: /* a simple statement: all its lines are one step */
            if (st->end_line > st->line && st->line > 0)
                for (int l = st->line; l <= st->end_line && (uint32_t)l < n; l++)
                    first[l] = (uint32_t)st->line;
            break;
        }
    }
}

void gs_viewer_mark_statements(gs_Viewer *v)
{
    if (!v->tl || !v->source || !v->source_len)
        return;
    gs_Arena arena;
    gs_arena_init(&arena);
    gs_NodeList body;
    gs_SyntaxError err;
    if (gs_parse(&arena, v->source, v->source_len, &body, &err) == 0) {
        uint32_t n = 2;
        for (size_t i = 0; i < v->source_len; i++)
            n += v->source[i] == '\n';
        uint32_t *first = calloc(n, sizeof *first);
        if (first) {
            mark_statements(&body, first, n);
            gs_timeline_set_statements(v->tl, first, n); /* out of memory: every line stays a stop */
            free(first);
        }
    }
    gs_arena_free(&arena);
}

void gs_viewer_open(gs_Viewer *v, const char *path)
{
    close_document(v);
    v->browser = false;
    snprintf(v->path, sizeof v->path, "%s", path);
    v->mtime = file_mtime(path);
    size_t len = strlen(path);
    if (len > 5 && strcmp(path + len - 5, ".json") == 0) {
        char err[1024];
        if (gs_viewer_load_trace(v, path, err, sizeof err) < 0) {
            empty_trace_timeline(v);
            set_error(v, 0, "%s", err);
            v->status = 2;
        }
        return;
    }
    size_t n;
    char *src = gs_app_read_file(path, &n);
    if (!src) {
        empty_trace_timeline(v);
        set_error(v, 0, "%s: cannot open: %s", path, strerror(errno));
        v->status = 2;
        return;
    }
    v->source = src;
    v->source_len = n;
    gs_viewer_apply_lesson(v);
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = true;
    cfg.max_events = GUI_MAX_EVENTS;
    cfg.argv0 = path; /* sys.argv[0] */
    v->vm = gs_vm_new(&cfg);
    if (!v->vm) {
        empty_trace_timeline(v);
        set_error(v, 0, "out of memory");
        v->status = 3;
        return;
    }
    v->trace = &v->vm->trace;
    v->tl = gs_timeline_new(v->trace, NULL);
    gs_viewer_mark_statements(v);
    gs_Error err;
    if (gs_load_program(v->vm, path, src, n, &err) < 0) {
        if (err.line > 0)
            set_error(v, err.line, "%s:%d:%d: %s: %s", path, err.line, err.col > 0 ? err.col : 1, err.type_name,
                      err.text ? err.text : "");
        else /* CPython's MemoryError / RecursionError for over-deep source has no location */
            set_error(v, 0, "%s: %s: %s", path, err.type_name,
                      err.text && err.text[0] ? err.text : "the source is nested too deeply (or is too large) to compile");
        v->status = 2;
        gs_error_clear(&err);
        return;
    }
    v->recording = true;
}

/* Append x to a growable array of `size`-byte items; false when out of memory. */
static bool push_item(void **arr, int *n, int *cap, const void *x, size_t size)
{
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 64;
        void *m = realloc(*arr, (size_t)c * size);
        if (!m)
            return false;
        *arr = m;
        *cap = c;
    }
    memcpy((char *)*arr + (size_t)*n * size, x, size);
    (*n)++;
    return true;
}

static int gc_end_at(const gs_Viewer *v, uint64_t ev);
static void mark_step(gs_Viewer *v);

/* Sizes for derive_marks' pass: each object's bytes as the trace sets them
 * (an alloc implies a size, a resize changes it, described objects carry
 * theirs), so the heap's bytes and what each collection freed come from
 * the same reading of the trace as the rest, with no seeking; the unit
 * test holds them to the timeline's figures. */
typedef struct gs_SizeTrack {
    uint32_t *size;                  /* by object id, 0 unknown */
    uint8_t *is_static;
    size_t nids;
    uint64_t total;                  /* gs_timeline_heap_bytes at this point */
    bool in_gc;
    uint64_t freed;                  /* by the collection under way */
} gs_SizeTrack;

static bool size_track_init(gs_SizeTrack *st, const gs_Trace *t, size_t nids)
{
    memset(st, 0, sizeof *st);
    st->nids = nids;
    st->size = calloc(nids ? nids : 1, sizeof *st->size);
    st->is_static = calloc(nids ? nids : 1, 1);
    if (!st->size || !st->is_static)
        return false;
    for (size_t k = 0; k < t->ndesc; k++) {
        const gs_ObjDesc *d = &t->desc[k];
        if (d->id >= nids)
            continue;
        if (d->flags & GS_DESC_STATIC) {
            st->is_static[d->id] = 1;
            continue;
        }
        st->size[d->id] = d->size ? d->size : gs_trace_alloc_size(t, d->kind, d->type, d->b, d->c);
        st->total += st->size[d->id];
    }
    return true;
}

static void size_track_event(gs_SizeTrack *st, const gs_Trace *t, const gs_Event *e)
{
    switch (e->kind) {
    case GS_EV_GC_START: st->in_gc = true; st->freed = 0; return;
    case GS_EV_GC_END: st->in_gc = false; return;
    default: break;
    }
    if (e->obj >= st->nids || st->is_static[e->obj])
        return;
    uint32_t *sz = &st->size[e->obj];
    switch (e->kind) {
    case GS_EV_ALLOC:
        *sz = gs_trace_alloc_size(t, e->sub, e->a, e->b, e->c);
        st->total += *sz;
        break;
    case GS_EV_RESIZE:
        /* a collection that clears a dict releases its table before the
         * dict itself goes: freed by the collection too, so its bytes and
         * the heap's drop agree */
        if (st->in_gc && e->b < *sz)
            st->freed += *sz - e->b;
        st->total += (uint64_t)e->b - *sz;
        *sz = e->b;
        break;
    case GS_EV_FREE:
        st->total -= *sz;
        if (st->in_gc)
            st->freed += *sz;
        *sz = 0;
        break;
    default: break;
    }
}

static void size_track_free(gs_SizeTrack *st)
{
    free(st->size);
    free(st->is_static);
}

/* Marks for the scrubber and the plot, once the run is complete. */
static void derive_marks(gs_Viewer *v)
{
    const gs_Trace *t = v->trace;
    free(v->gc_marks);
    v->gc_marks = NULL;
    v->ngc_marks = 0;
    free(v->gc_ends);
    v->gc_ends = NULL;
    v->ngc_ends = 0;
    free(v->out_events);
    v->out_events = NULL;
    v->nout_events = 0;
    v->marks_ready = false;
    free(v->plot);
    v->plot = NULL;
    v->nplot = 0;
    v->plot_max = 0;
    free(v->plot_bytes);
    v->plot_bytes = NULL;
    v->plot_bytes_max = 0;
    /* one pass over the trace (reading it back unpacks it): collections
     * for the scrubber, each collection's result (the per-generation
     * totals, as gc.get_stats), where output was written (a frame finds
     * the output at its position by bisection) and live tracked objects
     * per generation, sampled at 200 points for the plot */
    int samples = 200;
    v->plot = calloc((size_t)samples * 3, sizeof(int));
    v->plot_bytes = calloc((size_t)samples, sizeof *v->plot_bytes);
    uint8_t *gen = calloc(v->placement.nids ? v->placement.nids : 1, 1);
    gs_SizeTrack st;
    bool sizes_ok = size_track_init(&st, t, v->placement.nids) && v->plot_bytes;
    int live[4] = { 0, 0, 0, 0 };
    size_t step = t->n / (size_t)samples + 1;
    int mcap = 0, ecap = 0, ocap = 0;
    bool marks_ok = true, ends_ok = true, out_ok = true;
    for (size_t i = 0; i < t->n; i++) {
        gs_Event e = gs_trace_get(t, i);
        if (e.kind == GS_EV_GC_START && marks_ok) {
            uint64_t x = i;
            marks_ok = push_item((void **)&v->gc_marks, &v->ngc_marks, &mcap, &x, sizeof x);
        }
        if (sizes_ok)
            size_track_event(&st, t, &e);
        if (e.kind == GS_EV_GC_END && ends_ok) {
            struct gs_GcEnd x = { i, e.c, e.a, e.b, st.freed };
            ends_ok = push_item((void **)&v->gc_ends, &v->ngc_ends, &ecap, &x, sizeof x);
        } else if (e.kind == GS_EV_STDOUT && out_ok) {
            uint64_t x = i;
            out_ok = push_item((void **)&v->out_events, &v->nout_events, &ocap, &x, sizeof x);
        }
        if (!v->plot || !gen)
            continue;
        if (e.obj < v->placement.nids) {
            uint8_t *g = &gen[e.obj];
            switch (e.kind) {
            case GS_EV_TRACK: *g = (uint8_t)(e.a + 1); if (e.a < 3) live[e.a]++; break;
            case GS_EV_UNTRACK: case GS_EV_FREE: if (*g && *g <= 3) live[*g - 1]--; *g = 0; break;
            case GS_EV_GC_MOVE: if (*g && *g <= 3) live[*g - 1]--; *g = (uint8_t)(e.b + 1); if (e.b < 3) live[e.b]++; break;
            default: break;
            }
        }
        if (i % step == 0 && v->nplot < samples) {
            for (int g = 0; g < 3; g++) {
                v->plot[v->nplot * 3 + g] = live[g] < 0 ? 0 : live[g];
                if (live[g] > v->plot_max)
                    v->plot_max = live[g];
            }
            if (sizes_ok) {
                v->plot_bytes[v->nplot] = st.total;
                if (st.total > v->plot_bytes_max)
                    v->plot_bytes_max = st.total;
            }
            v->nplot++;
        }
    }
    v->marks_ready = out_ok;
    free(gen);
    size_track_free(&st);
    if (!sizes_ok) {
        free(v->plot_bytes);
        v->plot_bytes = NULL;
        v->plot_bytes_max = 0;
    }
}

static void derive_line_marks(gs_Viewer *v)
{
    free(v->line_events);
    v->line_events = NULL;
    v->nline_events = 0;
    if (!v->nbreakpoints)
        return;
    const gs_Trace *t = v->trace;
    int cap = 0;
    for (size_t i = 0; i < t->n && v->nline_events < 2000; i++) {
        gs_Event e = gs_trace_get(t, i);
        if (e.kind != GS_EV_LINE)
            continue;
        for (int b = 0; b < v->nbreakpoints; b++)
            if ((int)e.line == v->breakpoints[b]) {
                uint64_t x = i;
                if (!push_item((void **)&v->line_events, &v->nline_events, &cap, &x, sizeof x))
                    return;
            }
    }
}

void gs_viewer_finish_recording(gs_Viewer *v)
{
    v->recording = false;
    if (gs_placement_build(&v->placement, v->trace, v->place_what) == 0)
        v->placement_ready = true;
    derive_marks(v);
    derive_line_marks(v);
    if (v->restore_line > 0 && v->tl) {
        /* after a reload: the first time the old current line runs */
        uint32_t l = (uint32_t)v->restore_line;
        gs_timeline_seek(v->tl, 0);
        gs_timeline_continue(v->tl, +1, &l, 1);
    }
    v->restore_line = 0;
    v->scene_pos = SIZE_MAX;
}

bool gs_viewer_record_step(gs_Viewer *v, uint64_t budget)
{
    if (!v->recording)
        return false;
    gs_Error err;
    gs_RunStatus st = gs_vm_run(v->vm, budget, &err);
    gs_timeline_sync(v->tl);
    if (st == GS_RUN_PAUSED)
        return true;
    if (st == GS_RUN_EXCEPTION) {
        set_error(v, err.line, "%s", err.text ? err.text : "the program raised an exception");
        v->status = 1;
    } else if (st == GS_RUN_LIMIT) {
        set_error(v, err.line, "%s — the run so far can still be stepped through", err.text ? err.text : "limit");
        v->status = 3;
    }
    gs_error_clear(&err);
    gs_viewer_finish_recording(v);
    return false;
}

/* ================================================================== stepping */

/* ------------------------------------------------------------------ collector phases
 * A step by phase lands at the END of a phase, so the picture shows what
 * it did, under its own name; phases that did nothing are passed over and
 * named in one line; the end of a collection is a stop of its own. */

static bool phase_boundary(gs_Event e) { return e.kind == GS_EV_GC_PHASE || e.kind == GS_EV_GC_END; }

/* The index of the next phase boundary after `i` (or the trace's end). */
static size_t next_boundary(const gs_Trace *t, size_t i)
{
    while (++i < t->n && !phase_boundary(gs_trace_get(t, i)))
        ;
    return i;
}

static void add_skipped(char *note, size_t n, const char *phase)
{
    size_t k = strlen(note);
    if (!k)
        snprintf(note, n, "Passed over (nothing to do): %s", phase);
    else
        snprintf(note + k, n - k, ", %s", phase);
}

/* Whether the lesson narrates this phase of a collection line `line`
 * starts: such a phase is a stop even when it had nothing to do (its
 * words say why: "nothing is promoted: ..."). */
static bool phase_narrated(const gs_Viewer *v, unsigned line, int phase)
{
    if (!v->has_lesson)
        return false;
    for (int k = 0; k < v->lesson.nphase_notes; k++)
        if (v->lesson.phase_notes[k].line == (int)line && v->lesson.phase_notes[k].phase == phase)
            return true;
    return false;
}

/* A phase in plain words, with its name in gcmodule.c after it (lesson 8
 * names them): "subtracting references from inside the set (subtract_refs)" */
static void phase_words(int phase, char *out, size_t n)
{
    if (phase == GS_GC_DONE) { /* not "done (done)" */
        snprintf(out, n, "the end of the collection");
        return;
    }
    const char *name = gs_gc_phase_name((gs_GCPhase)phase);
    snprintf(out, n, "%s (%s)", gs_scene_phase_title(name), name);
}

/* The sentence for "... done." ("done" itself: "All phases done."). */
static void phase_done_words(int phase, char *out, size_t n)
{
    if (phase == GS_GC_DONE) {
        snprintf(out, n, "All phases");
        return;
    }
    phase_words(phase, out, n);
    out[0] = (char)toupper((unsigned char)out[0]);
}

/* P or G went from outside a collection to one a later line starts: the
 * lines on the way ran unseen, and their narration with them (lesson 11:
 * P at line 8 went on to line 39's collection).  Said before the step's
 * own note. */
static void note_lines_jumped(gs_Viewer *v, size_t from, size_t to)
{
    const gs_Trace *t = v->trace;
    size_t lines = 0, start = SIZE_MAX;
    uint32_t first = 0;
    for (size_t j = from; j < to && j < t->n; j++) {
        gs_Event e = gs_trace_get(t, j);
        if (e.kind == GS_EV_GC_START)
            start = j;
        if (e.kind != GS_EV_LINE || start != SIZE_MAX)
            continue;
        first = lines ? first : e.line;
        lines++;
    }
    if (!lines || start == SIZE_MAX)
        return;
    /* the line of the stop it left ran too: it was the next to run */
    for (size_t j = from, k = 0; j-- > 0 && k < 4096; k++) {
        gs_Event e = gs_trace_get(t, j);
        if (e.kind == GS_EV_LINE) {
            first = e.line;
            lines++;
            break;
        }
        if (e.kind == GS_EV_GC_END || e.kind == GS_EV_GC_PHASE)
            break;
    }
    char was[sizeof v->step_note];
    snprintf(was, sizeof was, "%s", v->step_note);
    uint32_t at = gs_trace_get(t, start).line;
    if (lines == 1 && first == at)
        return; /* just the line that starts it: its narration is on screen */
    int k = snprintf(v->step_note, sizeof v->step_note,
                     "Went on to the collection line %u starts, past %zu line run%s (from line %u; → shows them line "
                     "by line, with their narration). ",
                     at, lines, lines == 1 ? "" : "s", first);
    if (k > 0 && (size_t)k < sizeof v->step_note) { /* then the step's own note, as much as fits */
        size_t len = strnlen(was, sizeof v->step_note - (size_t)k - 1);
        memcpy(v->step_note + k, was, len);
        v->step_note[(size_t)k + len] = 0;
    }
}

/* What the collection ending at event ev (its gc_end) freed: "collected
 * 2 objects; 336 bytes freed in all, with what they held" (the bytes
 * include what the collected objects held, such as an untracked dict). */
static void collected_words(const gs_Viewer *v, size_t ev, char *out, size_t n)
{
    int ge = gc_end_at(v, ev);
    unsigned c = ge >= 0 ? v->gc_ends[ge].collected : gs_trace_get(v->trace, ev).a; /* gc_end's a: collected */
    if (ge >= 0 && c) {
        char num[32];
        gs_scene_format_bytes(v->gc_ends[ge].bytes, num, sizeof num);
        snprintf(out, n, "collected %u object%s; %s bytes freed in all, with what they held", c, c == 1 ? "" : "s",
                 num);
    } else
        snprintf(out, n, "collected %u object%s", c, c == 1 ? "" : "s");
}

static size_t phase_fwd(gs_Viewer *v)
{
    const gs_Trace *t = v->trace;
    size_t pos = gs_timeline_pos(v->tl), n = t->n;
    char skipped[320] = "";
    /* the boundary that starts the next phase to finish: the next
     * gc_phase at or after pos (a position at a boundary has finished the
     * phase before it) */
    size_t i = pos;
    while (i < n && !phase_boundary(gs_trace_get(t, i)))
        i++;
    while (i < n) {
        gs_Event e = gs_trace_get(t, i);
        if (e.kind == GS_EV_GC_PHASE && e.sub == GS_GC_DONE) {
            /* the last phase and the collection's end are one moment: one
             * stop, its result, with the "done" narration (tutor.c shows it
             * right after a collection) (lesson 8's walk: P10 changed
             * nothing) */
            size_t end = next_boundary(t, i);
            if (end < n && end - i == 1 && gs_trace_get(t, end).kind == GS_EV_GC_END) { /* no callback ran in it */
                i = end;
                continue;
            }
        }
        if (e.kind == GS_EV_GC_END) {
            char what[128];
            collected_words(v, i, what, sizeof what);
            snprintf(v->step_note, sizeof v->step_note, "%s%sThe collection is over: %s.", skipped,
                     skipped[0] ? ". " : "", what);
            return gs_timeline_seek(v->tl, i + 1);
        }
        size_t end = next_boundary(t, i);
        if (end - i > 1 || end >= n || phase_narrated(v, e.line, e.sub)) {
            char next[96], done[96];
            if (end >= n)
                snprintf(next, sizeof next, "the end");
            else if (gs_trace_get(t, end).kind == GS_EV_GC_END)
                snprintf(next, sizeof next, "the end of the collection");
            else
                phase_words(gs_trace_get(t, end).sub, next, sizeof next);
            phase_done_words(e.sub, done, sizeof done);
            snprintf(v->step_note, sizeof v->step_note, "%s%s%s: done. Next: %s (P).", skipped,
                     skipped[0] ? ". " : "", done, next);
            return gs_timeline_seek(v->tl, end);
        }
        if (e.sub != GS_GC_DONE) /* the last phase is no work passed over: it ends the collection */
            add_skipped(skipped, sizeof skipped, gs_scene_phase_title(gs_gc_phase_name((gs_GCPhase)e.sub)));
        i = end;
    }
    return gs_timeline_seek(v->tl, n);
}

static size_t phase_back(gs_Viewer *v)
{
    const gs_Trace *t = v->trace;
    size_t pos = gs_timeline_pos(v->tl);
    /* the latest stop before pos: the end of a phase that did something,
     * or just after a gc_end */
    for (size_t i = pos > 1 ? pos - 1 : 0; i-- > 0;) {
        gs_Event e = gs_trace_get(t, i);
        if (e.kind == GS_EV_GC_END && i + 1 < pos)
            return gs_timeline_seek(v->tl, i + 1);
        if (!phase_boundary(e) || i >= pos)
            continue;
        size_t j = i;
        while (j-- > 0 && !phase_boundary(gs_trace_get(t, j)) && gs_trace_get(t, j).kind != GS_EV_GC_START)
            ;
        if (gs_trace_get(t, j).kind == GS_EV_GC_PHASE &&
            (i - j > 1 || phase_narrated(v, gs_trace_get(t, j).line, gs_trace_get(t, j).sub))) {
            char done[96];
            phase_done_words(gs_trace_get(t, j).sub, done, sizeof done);
            snprintf(v->step_note, sizeof v->step_note, "%s: done.", done);
            return gs_timeline_seek(v->tl, i);
        }
    }
    return gs_timeline_seek(v->tl, 0);
}

/* ------------------------------------------------------------------ a beginner's steps
 * → shows a line's first LESSON_RUNS runs (a loop's first rounds, a
 * function's first calls) and passes over its repeats, saying so; it never
 * passes over a collection unseen (it stops at its end, or by phases in
 * phase granularity). F10 and F11 remain the exact debugger steps. */
enum { LESSON_RUNS = 2 };

/* lines[from..to] as ranges, "15–16, 33–36" (they are sorted) */
static void line_ranges(const uint32_t *lines, int from, int to, char *out, size_t n)
{
    size_t k = 0;
    out[0] = 0;
    for (int i = from; i <= to && k < n; i++) {
        int j = i;
        while (j + 1 <= to && lines[j + 1] == lines[j] + 1)
            j++;
        k += (size_t)(j > i ? snprintf(out + k, n - k, "%s%u–%u", i > from ? ", " : "", lines[i], lines[j])
                            : snprintf(out + k, n - k, "%s%u", i > from ? ", " : "", lines[i]));
        i = j;
    }
}

static void note_passed(gs_Viewer *v, const gs_TLStepInfo *in, int dir)
{
    size_t k = 0, n = sizeof v->step_note;
    if (in->passed > 1) { /* a loop header's last test alone is not worth a word */
        if (in->first_line == in->last_line)
            k += (size_t)snprintf(v->step_note, n, "%s: line %u ran %zu more time%s, as before",
                                  dir > 0 ? "Skipped ahead" : "Went back over", in->first_line, in->passed,
                                  in->passed == 1 ? "" : "s");
        else if (in->nlines > 16)
            k += (size_t)snprintf(v->step_note, n, "%s: lines %u–%u ran again (%zu line runs in all), as before",
                                  dir > 0 ? "Skipped ahead" : "Went back over", in->first_line, in->last_line,
                                  in->passed);
        else {
            /* the lines that ran, as ranges ("15–16, 33–36"), a class's
             * body between them not having run again; lines that ran as
             * often as each other go together, each group with its count
             * ("line 14 ran 2 more times, lines 18–19 675 more times each,
             * line 20 once more"): a loop's lines seldom all run alike */
            k += (size_t)snprintf(v->step_note, n, "%s: ", dir > 0 ? "Skipped ahead" : "Went back over");
            int groups = 0;
            for (int g = 0; g < in->nlines; groups++) {
                int end = g;
                while (end + 1 < in->nlines && in->runs[end + 1] == in->runs[g])
                    end++;
                g = end + 1;
            }
            if (groups > 3) { /* too many to list: the lines, and how often the least and the most ran */
                size_t lo = in->runs[0], hi = in->runs[0];
                for (int i = 1; i < in->nlines; i++) {
                    lo = in->runs[i] < lo ? in->runs[i] : lo;
                    hi = in->runs[i] > hi ? in->runs[i] : hi;
                }
                char lines[128];
                line_ranges(in->lines, 0, in->nlines - 1, lines, sizeof lines);
                char least[24];
                snprintf(least, sizeof least, lo == 1 ? "once" : "%zu", lo);
                k += (size_t)snprintf(v->step_note + k, n - k, "lines %s ran again, from %s to %zu more times each",
                                      lines, least, hi);
                groups = 0; /* said */
            }
            for (int g = 0; g < in->nlines && k < n && groups;) {
                int end = g;
                while (end + 1 < in->nlines && in->runs[end + 1] == in->runs[g])
                    end++;
                char lines[128];
                line_ranges(in->lines, g, end, lines, sizeof lines);
                size_t r = in->runs[g];
                if (groups == 1)
                    k += (size_t)snprintf(v->step_note + k, n - k, "lines %s ran again, %zu more time%s", lines, r,
                                          r == 1 ? "" : "s");
                else if (r == 1)
                    k += (size_t)snprintf(v->step_note + k, n - k, "%s%s %s %sonce more", g ? ", " : "",
                                          end > g ? "lines" : "line", lines, g ? "" : "ran ");
                else
                    k += (size_t)snprintf(v->step_note + k, n - k, "%s%s %s %s%zu more times%s", g ? ", " : "",
                                          end > g ? "lines" : "line", lines, g ? "" : "ran ", r,
                                          end > g ? " each" : "");
                g = end + 1;
            }
            if (k < n)
                k += (size_t)snprintf(v->step_note + k, n - k, ", as before");
        }
        if (in->grown_in_place) /* not quite as before: later rounds grew a string the first copied */
            k += (size_t)snprintf(v->step_note + k, n - k,
                                  ", except that %zu time%s a string grew in place instead of being copied "
                                  "(EVENTS says \"grows in place\"; F10 stops at every line, round after round).",
                                  in->grown_in_place, in->grown_in_place == 1 ? "" : "s");
        else
            k += (size_t)snprintf(v->step_note + k, n - k, " (F10 stops at every line, round after round).");
    }
    if (in->collections_passed && k < n)
        k += (size_t)snprintf(v->step_note + k, n - k, "%s%zu more collection%s ran meanwhile (G stops at each).",
                              k ? " " : "", in->collections_passed, in->collections_passed == 1 ? "" : "s");
    if (in->collection && k < n) {
        /* the step stopped just after its gc_end: what it freed, in bytes too */
        char what[128];
        collected_words(v, gs_timeline_pos(v->tl) - 1, what, sizeof what); /* just after the gc_end */
        snprintf(v->step_note + k, n - k,
                 "%sA collection of generation %u has just run: %s (Shift+G goes back to its start, then P steps "
                 "through its phases).",
                 k ? " " : "", in->gc_generation, what);
    }
}

/* A step that stops inside a collection (at a line of Python code it
 * runs: a __del__, a weak reference's callback, a gc.callbacks function)
 * says so, and what the collector is doing there: the student did not see
 * it start. */
static void note_inside_collection(gs_Viewer *v)
{
    gs_TLGC g;
    gs_timeline_gc(v->tl, &g);
    if (!g.collecting)
        return;
    const char *what = g.phase == GS_GC_FINALIZE ? "it is running the __del__ of each object it found unreachable"
                     : g.phase == GS_GC_WEAKREFS ? "it is calling the callbacks of weak references to what it "
                                                   "found unreachable"
                     : g.phase == GS_GC_DONE     ? "it has finished and is telling the functions in gc.callbacks"
                                                 : "it is telling the functions in gc.callbacks that it starts";
    gs_Event st = gs_trace_get(v->trace, g.start_event);
    size_t k = strlen(v->step_note), n = sizeof v->step_note;
    if (k < n)
        snprintf(v->step_note + k, n - k, "%sInside a collection of generation %u, started on line %u: %s (G goes "
                 "to its start, P through its phases).", k ? " " : "", g.generation, st.line, what);
}

/* Whether the position is just after a gc_end. */
static bool after_collection(const gs_Viewer *v, size_t pos)
{
    return pos > 0 && pos <= v->trace->n && gs_trace_get(v->trace, pos - 1).kind == GS_EV_GC_END;
}

static bool collecting(const gs_Viewer *v)
{
    gs_TLGC g;
    gs_timeline_gc(v->tl, &g);
    return g.collecting;
}

static void rebuild(gs_Viewer *v);

/* Whether the generations a collection takes in (0 .. gen) hold any object
 * the picture draws, at the current position. */
static bool collection_draws_something(gs_Viewer *v, int gen)
{
    rebuild(v);
    int drawn = 0;
    for (int g = 0; g <= gen && g < 3; g++) {
        const gs_SceneGen *G = &v->scene.gens[g];
        drawn += G->objects - G->interpreter - ((v->place_what & GS_PLACE_DEFINITIONS) ? 0 : G->definitions);
    }
    return drawn > 0;
}

static size_t step_fwd(gs_Viewer *v)
{
    gs_TLStepInfo in;
    switch (v->granularity) {
    case GS_GRAN_LINE: {
        size_t to = gs_timeline_step_lesson(v->tl, +1, LESSON_RUNS, &in);
        note_passed(v, &in, +1);
        note_inside_collection(v);
        return to;
    }
    case GS_GRAN_PHASE: {
        /* lines between collections, a collection phase by phase */
        if (collecting(v))
            return phase_fwd(v);
        size_t from = gs_timeline_pos(v->tl), to = gs_timeline_step_lesson(v->tl, +1, LESSON_RUNS, &in);
        /* a collection the step stops at, or lands inside (at a __del__ or
         * a callback it runs), is stepped through phase by phase from its
         * start */
        gs_TLGC g;
        gs_timeline_seek(v->tl, in.collection ? to - 1 : to);
        gs_timeline_gc(v->tl, &g);
        if (g.collecting && g.start_event >= from) {
            gs_timeline_seek(v->tl, (size_t)g.start_event + 1);
            if (collection_draws_something(v, g.generation))
                return phase_fwd(v);
            /* a collection of objects the picture does not draw (the
             * interpreter's, a setup gc.collect()): its end is one stop,
             * not eight phases of "on objects this picture does not draw" */
            to = gs_timeline_step_lesson(v->tl, +1, LESSON_RUNS, &in);
            note_passed(v, &in, +1);
            return to;
        }
        gs_timeline_seek(v->tl, to);
        note_passed(v, &in, +1);
        return to;
    }
    default: return gs_timeline_step_event(v->tl, +1);
    }
}

static size_t step_back(gs_Viewer *v)
{
    gs_TLStepInfo in;
    switch (v->granularity) {
    case GS_GRAN_LINE: {
        size_t to = gs_timeline_step_lesson(v->tl, -1, LESSON_RUNS, &in);
        note_passed(v, &in, -1);
        note_inside_collection(v);
        return to;
    }
    case GS_GRAN_PHASE:
        if (collecting(v) || after_collection(v, gs_timeline_pos(v->tl)))
            return phase_back(v);
        {
            size_t to = gs_timeline_step_lesson(v->tl, -1, LESSON_RUNS, &in);
            note_passed(v, &in, -1);
            return to;
        }
    default: return gs_timeline_step_event(v->tl, -1);
    }
}

/* Why a continue or a play stopped where it did. */
static void stop_reason(gs_Viewer *v, size_t pos, bool moved)
{
    v->stop_reason[0] = 0;
    if (!moved) {
        snprintf(v->stop_reason, sizeof v->stop_reason, "%s",
                 pos >= gs_timeline_length(v->tl) ? "Nothing further: this is the end of the program."
                                                  : "Nothing earlier: this is the start.");
        return;
    }
    if (pos == 0)
        return;
    gs_Event e = gs_trace_get(v->trace, pos - 1);
    if (v->watch && e.obj == v->watch && (e.kind == GS_EV_INCREF || e.kind == GS_EV_DECREF)) {
        unsigned now = e.a, was = e.kind == GS_EV_INCREF ? now - 1 : now + 1;
        snprintf(v->stop_reason, sizeof v->stop_reason, "Stopped: watched object #%u's count changed %u → %u.",
                 v->watch, was, now);
    } else if (v->watch && e.obj == v->watch && e.kind == GS_EV_FREE)
        snprintf(v->stop_reason, sizeof v->stop_reason, "Stopped: watched object #%u was freed.", v->watch);
    else if (v->prompt_active >= 0)
        snprintf(v->stop_reason, sizeof v->stop_reason, "Stopped before line %u: a prediction first.", e.line);
    else if (e.kind == GS_EV_LINE) {
        for (int i = 0; i < v->nbreakpoints; i++)
            if (v->breakpoints[i] == (int)e.line)
                snprintf(v->stop_reason, sizeof v->stop_reason, "Stopped at the breakpoint on line %u.", e.line);
    }
    if (!v->stop_reason[0] && pos >= gs_timeline_length(v->tl))
        snprintf(v->stop_reason, sizeof v->stop_reason, "The program has finished.");
}

static size_t continue_to(gs_Viewer *v, int dir)
{
    size_t start = gs_timeline_pos(v->tl);
    uint32_t lines[GS_MAX_BREAKPOINTS + 64];
    size_t n = 0;
    for (int i = 0; i < v->nbreakpoints; i++)
        lines[n++] = (uint32_t)v->breakpoints[i];
    if (v->has_lesson && v->prompts)
        for (int i = 0; i < v->lesson.nprompts && n < sizeof lines / sizeof lines[0]; i++)
            if (v->prompts[i].state == GS_PROMPT_ASKING)
                lines[n++] = (uint32_t)v->lesson.prompts[i].line;
    size_t best = gs_timeline_continue(v->tl, dir, lines, n);
    if (v->watch) {
        gs_timeline_seek(v->tl, start);
        size_t w = gs_timeline_watch(v->tl, dir, v->watch);
        if ((dir > 0 && w < best) || (dir < 0 && w > best))
            best = w;
    }
    return gs_timeline_seek(v->tl, best);
}

static bool forward_action(int k)
{
    switch (k) {
    case GS_ACT_STEP_FWD: case GS_ACT_NEXT_LINE: case GS_ACT_STEP_INTO: case GS_ACT_STEP_OUT: case GS_ACT_CONTINUE:
    case GS_ACT_NEXT_GC: case GS_ACT_NEXT_PHASE: case GS_ACT_END:
        return true;
    default:
        return false;
    }
}

static void toggle_breakpoint(gs_Viewer *v, int line)
{
    if (line <= 0)
        return;
    for (int i = 0; i < v->nbreakpoints; i++)
        if (v->breakpoints[i] == line) {
            v->breakpoints[i] = v->breakpoints[--v->nbreakpoints];
            derive_line_marks(v);
            return;
        }
    if (v->nbreakpoints < GS_MAX_BREAKPOINTS)
        v->breakpoints[v->nbreakpoints++] = line;
    derive_line_marks(v);
}

static void open_course(gs_Viewer *v)
{
    if (v->course.nentries) {
        gs_tutor_course_scores(v); /* a lesson may have just been finished */
        return;
    }
    if (!gs_app_find_lessons(v->lessons_dir, sizeof v->lessons_dir))
        return;
    char err[1024];
    if (gs_course_load(v->lessons_dir, &v->course, err, sizeof err) < 0) {
        set_error(v, 0, "%s", err);
        return;
    }
    int n = v->course.nentries;
    v->lesson_titles = calloc((size_t)n + 1, sizeof(char *));
    v->lesson_summaries = calloc((size_t)n + 1, sizeof(char *));
    v->lesson_chapters = calloc((size_t)n + 1, sizeof(char *));
    if (!v->lesson_titles || !v->lesson_summaries || !v->lesson_chapters)
        return;
    for (int i = 0; i < n; i++) {
        v->lesson_titles[i] = v->course.entries[i].title;
        v->lesson_summaries[i] = v->course.entries[i].summary;
        v->lesson_chapters[i] = v->course.entries[i].chapter;
    }
    gs_tutor_course_scores(v);
}

static void reload(gs_Viewer *v)
{
    char path[1024];
    snprintf(path, sizeof path, "%s", v->path);
    int line = v->scene.line;
    int bps[GS_MAX_BREAKPOINTS], nb = v->nbreakpoints;
    memcpy(bps, v->breakpoints, sizeof bps);
    gs_viewer_open(v, path);
    memcpy(v->breakpoints, bps, sizeof bps);
    v->nbreakpoints = nb;
    /* the run records in the background as usual; when it is complete the
     * view returns to the line it was on (gs_viewer_finish_recording) */
    v->restore_line = line;
    if (!v->recording)
        gs_viewer_finish_recording(v);
}

void gs_viewer_act(gs_Viewer *v, gs_Ui *ui, const gs_Action *a)
{
    (void)ui;
    if (v->browser) {
        if (a->kind == GS_ACT_OPEN_LESSON && a->arg >= 0 && a->arg < v->course.nentries) {
            v->lesson_index = (int)a->arg;
            gs_viewer_open(v, v->course.entries[a->arg].path);
        } else if (a->kind == GS_ACT_OPEN_FILE)
            gs_viewer_open(v, a->text);
        return;
    }
    if (!v->tl)
        return;
    v->notice[0] = 0;
    /* a prompt on screen holds forward moves until it is answered or skipped */
    if (v->prompt_active >= 0 && forward_action(a->kind)) {
        if (gs_tutor_holds_forward(v))
            return;
        gs_tutor_release(v);
    }
    v->stop_reason[0] = 0;
    v->step_note[0] = 0;
    size_t before = gs_timeline_pos(v->tl);
    size_t after = before;
    switch (a->kind) {
    case GS_ACT_STEP_FWD: after = step_fwd(v); break;
    case GS_ACT_STEP_BACK: after = step_back(v); break;
    case GS_ACT_NEXT_LINE: after = gs_timeline_next_line(v->tl); break;
    case GS_ACT_PREV_LINE: after = gs_timeline_prev_line(v->tl); break;
    case GS_ACT_STEP_INTO: after = gs_timeline_step_into(v->tl); break;
    case GS_ACT_STEP_OUT: after = gs_timeline_step_out(v->tl); break;
    case GS_ACT_CONTINUE: after = continue_to(v, +1); break;
    case GS_ACT_REVERSE_CONTINUE: after = continue_to(v, -1); break;
    case GS_ACT_NEXT_GC:
        after = gs_timeline_next_collection(v->tl, +1);
        note_lines_jumped(v, before, after);
        break;
    case GS_ACT_PREV_GC: after = gs_timeline_next_collection(v->tl, -1); break;
    case GS_ACT_NEXT_PHASE:
        after = phase_fwd(v);
        note_lines_jumped(v, before, after);
        break;
    case GS_ACT_PREV_PHASE: after = phase_back(v); break;
    case GS_ACT_HOME: after = gs_timeline_seek(v->tl, 0); break;
    case GS_ACT_END: after = gs_timeline_seek(v->tl, gs_timeline_length(v->tl)); break;
    case GS_ACT_SEEK: after = gs_timeline_seek(v->tl, (size_t)a->arg + 1); break;
    case GS_ACT_TOGGLE_BREAKPOINT: toggle_breakpoint(v, (int)a->arg); break;
    case GS_ACT_WATCH: v->watch = (uint32_t)a->arg; break;
    case GS_ACT_MARK: mark_step(v); break;
    case GS_ACT_PLAY_PAUSE: v->playing = !v->playing; v->play_accum = 0; break;
    case GS_ACT_SPEED:
        v->speed += (int)a->arg;
        if (v->speed < 1) v->speed = 1;
        if (v->speed > 9) v->speed = 9;
        break;
    case GS_ACT_GRANULARITY: v->granularity = (gs_Granularity)(a->arg % 3); break;
    case GS_ACT_RELOAD: reload(v); break;
    case GS_ACT_OPEN_FILE: gs_viewer_open(v, a->text); break;
    case GS_ACT_BROWSER:
        open_course(v);
        v->browser = true;
        break;
    case GS_ACT_ANSWER_PROMPT: gs_tutor_answer(v, a); break;
    case GS_ACT_SKIP_PROMPT: gs_tutor_skip(v, (int)a->arg); break;
    case GS_ACT_CANCEL:
        if (v->recording) {
            set_error(v, 0, "run cancelled after %zu events — what was recorded can be stepped through",
                      v->trace->n);
            gs_viewer_finish_recording(v);
        }
        break;
    case GS_ACT_EXPORT: {
        char msg[1200];
        if (gs_viewer_export(v, NULL, msg, sizeof msg) < 0)
            set_error(v, 0, "%s", msg);
        else
            snprintf(v->notice, sizeof v->notice, "%s", msg);
        break;
    }
    default: break;
    }
    if (a->kind == GS_ACT_WATCH)
        snprintf(v->notice, sizeof v->notice, "%s",
                 v->watch ? "Watching the selected object: F5 continues to its next count change."
                          : "Select an object (click it) first, then press W to watch it.");
    if (after > before && forward_action(a->kind) && a->kind != GS_ACT_END) {
        size_t held = gs_tutor_guard(v, before, after);
        if (held != after) /* a prediction comes first: nothing was passed over */
            v->step_note[0] = 0;
        after = gs_timeline_seek(v->tl, held);
    }
    else if (after != before) {
        /* moving elsewhere: a prompt on the new line shows again if unanswered */
        v->prompt_active = -1;
    }
    if (a->kind == GS_ACT_CONTINUE || a->kind == GS_ACT_REVERSE_CONTINUE)
        stop_reason(v, after, after != before);
    if (after != before) {
        v->scene_pos = SIZE_MAX;
        /* where a move forward came from: what a line did is told from
         * there when the move started inside it (in a call it made) */
        bool fwd = forward_action(a->kind) && after > before;
        v->step_from = fwd ? before : SIZE_MAX;
        v->step_to = fwd ? after : SIZE_MAX;
    }
}

void gs_viewer_tick(gs_Viewer *v, double dt)
{
    if (!v->playing || !v->tl || v->browser)
        return;
    if (v->prompt_active >= 0) {
        /* a prediction still asking holds play (and says how to answer);
         * one answered or skipped lets it go on, as → does */
        if (gs_tutor_holds_forward(v)) {
            v->playing = false;
            return;
        }
        gs_tutor_release(v);
    }
    if (v->speed >= 9) {
        /* the top speed goes by time, not by steps: the whole run in 20 s,
         * still stopping at prompts and breakpoints */
        size_t len = gs_timeline_length(v->tl), before = gs_timeline_pos(v->tl);
        size_t target = before + (size_t)((double)len * dt / 20.0) + 1;
        if (target > len)
            target = len;
        bool hit = false;
        for (size_t i = before; i < target && v->nbreakpoints; i++) {
            gs_Event e = gs_trace_get(v->trace, i);
            if (e.kind != GS_EV_LINE)
                continue;
            for (int b = 0; b < v->nbreakpoints && !hit; b++)
                hit = v->breakpoints[b] == (int)e.line;
            if (hit) {
                target = i + 1;
                break;
            }
        }
        size_t after = gs_timeline_seek(v->tl, gs_tutor_guard(v, before, target));
        v->scene_pos = SIZE_MAX;
        if (after >= len || hit || v->prompt_active >= 0) {
            v->playing = false;
            stop_reason(v, after, after != before);
        }
        return;
    }
    double per_sec = (double)(1 << (v->speed - 1));
    v->play_accum += dt * per_sec;
    while (v->play_accum >= 1) {
        v->play_accum -= 1;
        size_t before = gs_timeline_pos(v->tl);
        gs_Action a = { .kind = GS_ACT_STEP_FWD };
        gs_viewer_act(v, NULL, &a);
        size_t after = gs_timeline_pos(v->tl);
        bool at_break = false;
        if (after > 0 && after <= v->trace->n && gs_trace_get(v->trace, after - 1).kind == GS_EV_LINE)
            for (int i = 0; i < v->nbreakpoints; i++)
                if ((int)gs_trace_get(v->trace, after - 1).line == v->breakpoints[i])
                    at_break = true;
        if (after == before || after >= gs_timeline_length(v->tl) || at_break || v->prompt_active >= 0) {
            v->playing = false;
            stop_reason(v, after, true);
            break;
        }
    }
}

static void rebuild(gs_Viewer *v);

void gs_viewer_gc_end_words(const gs_Viewer *v, int i, char *out, size_t n)
{
    const struct gs_GcEnd *e = &v->gc_ends[i];
    char num[32];
    gs_scene_format_bytes(e->bytes, num, sizeof num);
    snprintf(out, n, "collector: done — collected %u object%s, %s byte%s, %u uncollectable", e->collected,
             e->collected == 1 ? "" : "s", num, e->bytes == 1 ? "" : "s", e->uncollectable);
}

/* The collection that ended with event `ev`, or -1. */
static int gc_end_at(const gs_Viewer *v, uint64_t ev)
{
    int lo = 0, hi = v->ngc_ends;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (v->gc_ends[mid].pos < ev)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < v->ngc_ends && v->gc_ends[lo].pos == ev ? lo : -1;
}

/* Rows of types gone since the mark: the largest loss first, then by
 * name, so the order is the same every time. */
static int cmp_gone(const void *a, const void *b)
{
    const gs_SceneStat *x = a, *y = b;
    if (x->growth_bytes != y->growth_bytes)
        return x->growth_bytes < y->growth_bytes ? -1 : 1;
    return strcmp(x->type, y->type);
}

/* BY TYPE's growth since the marked step: objgraph's show_growth, by
 * count and by bytes.  A type that had objects at the mark and has none
 * now gets a row too (0 objects, its loss as growth), after the live
 * rows: the scene's rows are largest first, and it has no bytes. */
static void stat_growth(gs_Viewer *v)
{
    gs_Scene *s = &v->scene;
    for (int i = 0; i < s->nby_type; i++) {
        gs_SceneStat *r = &s->by_type[i];
        r->growth = 0;
        r->growth_bytes = 0;
        if (!v->marked)
            continue;
        r->growth = r->count;
        r->growth_bytes = (int64_t)r->bytes;
        for (int k = 0; k < v->nmark_rows; k++)
            if (v->mark_rows[k].key == r->key) {
                r->growth -= v->mark_rows[k].count;
                r->growth_bytes -= (int64_t)v->mark_rows[k].bytes;
                break;
            }
    }
    if (!v->marked)
        return;
    int live = s->nby_type;
    for (int k = 0; k < v->nmark_rows; k++) {
        const gs_SceneStat *m = &v->mark_rows[k];
        bool alive = m->count == 0; /* a row that was itself gone at the mark: nothing to lose */
        for (int i = 0; i < live && !alive; i++)
            alive = s->by_type[i].key == m->key;
        if (alive)
            continue;
        gs_SceneStat *r = gs_scene_add_stat(s, true);
        if (!r)
            break;
        r->key = m->key;
        memcpy(r->type, m->type, sizeof r->type);
        r->growth = -m->count;
        r->growth_bytes = -(int64_t)m->bytes;
    }
    if (s->nby_type - live > 1) /* never qsort a NULL array, even of no rows (UBSan) */
        qsort(s->by_type + live, (size_t)(s->nby_type - live), sizeof *s->by_type, cmp_gone);
}

/* M: the step BY TYPE's growth is counted from (M again at the same step: no mark). */
static void mark_step(gs_Viewer *v)
{
    rebuild(v);
    if (v->marked && v->mark_event == v->scene.event) {
        v->marked = false;
        snprintf(v->notice, sizeof v->notice, "Mark cleared: BY TYPE shows no growth.");
        v->scene_pos = SIZE_MAX;
        return;
    }
    gs_SceneStat *rows = malloc(((size_t)v->scene.nby_type + 1) * sizeof *rows);
    if (!rows)
        return;
    if (v->scene.nby_type > 0) /* no rows yet: by_type may be NULL, which memcpy must not get (UBSan) */
        memcpy(rows, v->scene.by_type, (size_t)v->scene.nby_type * sizeof *rows);
    free(v->mark_rows);
    v->mark_rows = rows;
    v->nmark_rows = v->scene.nby_type;
    v->marked = true;
    v->mark_event = v->scene.event;
    snprintf(v->notice, sizeof v->notice, "Marked event %llu: BY TYPE shows each type's growth since.",
             (unsigned long long)(v->scene.event + 1));
    v->scene_pos = SIZE_MAX;
}

/* A run of "L: T #N freed (S bytes): nothing refers to it any more"
 * entries, one line L and type T, folded into its first entry. */
typedef struct LogFold {
    int slot;             /* the entry, -1 none */
    unsigned line;
    char type[48];
    unsigned lo_id, hi_id; /* the lowest and highest #id freed (frees come in any order) */
    int count;
    uint64_t bytes;       /* their sizes' sum, as each entry says it */
    bool sized;           /* every entry says its size */
    bool cut;             /* the run began before the events the log reads back: more were freed */
} LogFold;

#define GS_LOG_LOOKBACK 5000 /* events read back for the log, at most */

/* Where the log starts: the last 40 events, or further back to the start
 * of the line the step came from (a line that freed a thousand objects),
 * but no more than GS_LOG_LOOKBACK events (describing an event can cost a
 * scan of the source: a program of a million lines must still step). */
size_t gs_viewer_line_before(const gs_Viewer *v, size_t cur)
{
    if (!v->tl || cur == SIZE_MAX || cur >= v->trace->n)
        return SIZE_MAX;
    uint32_t frame = gs_trace_get(v->trace, cur).obj;
    size_t prev = gs_timeline_line_event_before(v->tl, cur);
    /* back over the lines of the calls the frame's line made (a line
     * event's obj is its frame) to the frame's own line before */
    int hops = 0;
    for (size_t i = prev; i != SIZE_MAX && hops < 4096; i = gs_timeline_line_event_before(v->tl, i), hops++)
        if (gs_trace_get(v->trace, i).obj == frame)
            return i;
    return prev; /* the frame's first line: the calling line came before it */
}

static size_t log_start_line(const gs_Viewer *v, size_t pos);

/* Where the log's words start: log_start_line's event, moved back over a
 * run of frees it falls inside (a run is one entry, "743 × int freed", and
 * its tail alone would read as a second, smaller run). */
static bool in_free_run(gs_Event e, uint32_t line)
{
    return e.line == line && (e.kind == GS_EV_FREE || e.kind == GS_EV_DECREF || e.kind == GS_EV_UNTRACK);
}

static size_t log_start(const gs_Viewer *v, size_t pos, bool *cut)
{
    size_t from = log_start_line(v, pos), limit = pos > GS_LOG_LOOKBACK ? pos - GS_LOG_LOOKBACK : 0;
    *cut = false;
    if (from >= pos || from == 0)
        return from;
    uint32_t line = gs_trace_get(v->trace, from).line;
    while (from > limit && in_free_run(gs_trace_get(v->trace, from - 1), line))
        from--;
    /* still inside the run where the log's reach ends (a collection that
     * freed 400 Jobs): the first entry's count is of the last ones only */
    *cut = from == limit && from > 0 && in_free_run(gs_trace_get(v->trace, from - 1), line);
    return from;
}

static size_t log_start_line(const gs_Viewer *v, size_t pos)
{
    size_t from = pos > 40 ? pos - 40 : 0, limit = pos > GS_LOG_LOOKBACK ? pos - GS_LOG_LOOKBACK : 0;
    size_t cur = SIZE_MAX; /* the latest line start */
    for (size_t i = pos; i-- > limit;)
        if (gs_trace_get(v->trace, i).kind == GS_EV_LINE) {
            cur = i;
            break;
        }
    if (cur == SIZE_MAX || cur == 0 || cur <= limit)
        return from;
    /* the start of the line the running frame came from (over a call: the
     * calling line, whose call may have made many events) */
    size_t i = gs_viewer_line_before(v, cur);
    if (i == SIZE_MAX || i < limit)
        return from;
    return i < from ? (i > 0 ? i - 1 : 0) : from;
}

/* "L: T #N freed (S bytes): nothing refers to it any more" (the size
 * may be missing): its line, type, id and size (0 if not said). */
static bool plain_free(const char *text, unsigned *line, char *type, size_t tn, unsigned *id, uint64_t *size)
{
    const char *tail = ": nothing refers to it any more";
    size_t len = strlen(text), tl = strlen(tail);
    if (len <= tl || strcmp(text + len - tl, tail) != 0)
        return false;
    char *end;
    unsigned long l = strtoul(text, &end, 10);
    if (end == text || strncmp(end, ": ", 2) != 0)
        return false;
    const char *t = end + 2, *hash = strstr(t, " #");
    if (!hash || hash > text + len - tl)
        return false;
    unsigned long n = strtoul(hash + 2, &end, 10);
    if (strncmp(end, " freed", 6) != 0 || (size_t)(hash - t) >= tn)
        return false;
    const char *p = end + 6;
    uint64_t sz = 0;
    if (strncmp(p, " (", 2) == 0) { /* " (1,234 bytes)" */
        p += 2;
        bool digits = false;
        for (; (*p >= '0' && *p <= '9') || (*p == ',' && digits); p++)
            if (*p != ',') {
                sz = sz * 10 + (uint64_t)(*p - '0');
                digits = true;
            }
        if (!digits || strncmp(p, " bytes)", 7) != 0)
            return false;
        p += 7;
    }
    if (p != text + len - tl)
        return false;
    memcpy(type, t, (size_t)(hash - t));
    type[hash - t] = 0;
    *line = (unsigned)l;
    *id = (unsigned)n;
    *size = sz;
    return true;
}

static void start_fold(LogFold *f, const char *text, int slot)
{
    f->slot = -1;
    if (plain_free(text, &f->line, f->type, sizeof f->type, &f->lo_id, &f->bytes)) {
        f->slot = slot;
        f->hi_id = f->lo_id;
        f->count = 1;
        f->sized = f->bytes > 0;
    }
}

static void end_fold(gs_Viewer *v, LogFold *f)
{
    if (f->slot < 0 || (f->count < 2 && !f->cut) || f->slot >= v->nlog)
        return;
    char buf[200], total[48] = "";
    if (f->sized) {
        char num[32];
        gs_scene_format_bytes(f->bytes, num, sizeof num);
        snprintf(total, sizeof total, f->cut ? ", %s bytes" : ", %s bytes in all", num);
    }
    /* the ids are not consecutive: "#12 and #20", or "ids #12 to #99" */
    if (f->cut) /* the run began out of the log's reach: these are its last */
        snprintf(buf, sizeof buf, "%u: … then %d more × %s freed (up to #%u%s): nothing refers to them any more",
                 f->line, f->count, f->type, f->hi_id, total);
    else
        snprintf(buf, sizeof buf,
                 f->count == 2 ? "%u: %d × %s freed (#%u and #%u%s): nothing refers to them any more"
                               : "%u: %d × %s freed (ids #%u to #%u%s): nothing refers to them any more",
                 f->line, f->count, f->type, f->lo_id, f->hi_id, total);
    char *t = strdup(buf);
    if (t) {
        free(v->log_text[f->slot]);
        v->log_text[f->slot] = t;
    }
    f->slot = -1;
}

/* Fold this entry into the run before it if it continues it. */
static bool fold_free(gs_Viewer *v, LogFold *f, const char *text, size_t ev)
{
    unsigned line, id;
    char type[48];
    uint64_t size;
    if (f->slot >= 0 && f->slot == v->nlog - 1 && plain_free(text, &line, type, sizeof type, &id, &size) &&
        line == f->line && strcmp(type, f->type) == 0) {
        f->count++;
        f->bytes += size;
        f->sized &= size > 0;
        if (id < f->lo_id)
            f->lo_id = id;
        if (id > f->hi_id)
            f->hi_id = id;
        v->log_index[f->slot] = ev;
        return true;
    }
    end_fold(v, f);
    return false;
}

/* The birth or death of a library object's private part (a weak
 * dictionary's KeyedRef), or of a built-in module's own object (what
 * `import gc` builds): the canvas leaves those out or folds them into
 * their owner, and so does the log. */
static bool internal_event(const gs_Viewer *v, size_t ev)
{
    enum { NOT_THE_PROGRAMS = GS_ALLOC_INTERNAL | GS_ALLOC_RUNTIME };
    gs_Event e = gs_trace_get(v->trace, ev), a;
    if (e.kind == GS_EV_ALLOC)
        return (e.flags & NOT_THE_PROGRAMS) != 0;
    if (e.kind == GS_EV_FREE)
        return gs_timeline_gone(v->tl, e.obj, &a) && (a.flags & NOT_THE_PROGRAMS);
    if (e.kind == GS_EV_WEAKREF_CLEAR) { /* a KeyedRef cleared, its callback called */
        gs_TLObject o;
        if (gs_timeline_object(v->tl, e.obj, &o))
            return o.alloc_event != UINT32_MAX && (o.alloc_flags & NOT_THE_PROGRAMS);
        return gs_timeline_gone(v->tl, e.obj, &a) && (a.flags & NOT_THE_PROGRAMS);
    }
    return false;
}

static void phase_summary(gs_Viewer *v, size_t pos);

static void rebuild(gs_Viewer *v)
{
    size_t pos = gs_timeline_pos(v->tl);
    if (pos == v->scene_pos && !v->recording)
        return;
    gs_scene_build(&v->scene, v->tl, v->source, v->source_len, v->selected);
    v->scene_pos = pos;
    /* an object being freed stays in its generation's column, as the
     * placement keeps it (placement.c): untracking it for its __del__ or
     * its weak references' callbacks does not make it "not tracked" */
    if (v->placement_ready)
        for (int i = 0; i < v->scene.nobjects; i++) {
            gs_SceneObject *o = &v->scene.objects[i];
            if (o->refcount != 0 || o->band != GS_BAND_UNTRACKED)
                continue;
            const gs_Stay *st = gs_placement_at(&v->placement, o->id, v->scene.event);
            if (st && st->band != GS_BAND_UNTRACKED)
                o->band = st->band;
        }
    stat_growth(v);
    /* the narration says what a collection freed, in bytes too: just
     * after its end, and at its last phase ("done"), whose result is the
     * next event */
    int ge = -1;
    if (pos && gs_trace_get(v->trace, pos - 1).kind == GS_EV_GC_END)
        ge = gc_end_at(v, pos - 1);
    else if (pos && pos < v->trace->n && gs_trace_get(v->trace, pos - 1).kind == GS_EV_GC_PHASE &&
             gs_trace_get(v->trace, pos - 1).sub == GS_GC_DONE && gs_trace_get(v->trace, pos).kind == GS_EV_GC_END)
        ge = gc_end_at(v, pos);
    if (ge >= 0)
        gs_viewer_gc_end_words(v, ge, v->scene.last_event, sizeof v->scene.last_event);
    /* the event log: the last events up to here, in words */
    for (int i = 0; i < v->nlog; i++)
        free(v->log_text[i]);
    v->nlog = 0;
    /* Far enough back to reach the line before's start even when it freed
     * a thousand objects; a run of frees of one type on one line is one
     * entry ("1000 × int freed"), so what else the line did stays in view. */
    bool cut;
    size_t from = log_start(v, pos, &cut);
    LogFold fold = { .slot = -1 };
    for (size_t ev = from; ev < pos; ev++) {
        char buf[320]; /* the longest words (a string grown in place, a resize's why) whole */
        uint32_t focus;
        int delta;
        gs_scene_describe(v->tl, ev, v->source, v->source_len, buf, sizeof buf, &focus, &delta);
        if (!buf[0] || internal_event(v, ev))
            continue;
        int end = gs_trace_get(v->trace, ev).kind == GS_EV_GC_END ? gc_end_at(v, ev) : -1;
        if (end >= 0) /* with the bytes it freed (known once the run is complete) */
            gs_viewer_gc_end_words(v, end, buf, sizeof buf);
        if (focus && gs_trace_get(v->trace, ev).kind != GS_EV_ALLOC && gs_trace_get(v->trace, ev).kind != GS_EV_FREE) {
            /* skip counts of objects the canvas does not draw (built-ins, strings the program prints) */
            const gs_SceneObject *fo = gs_scene_find(&v->scene, focus);
            /* but a name bound to a plain value is on the picture: the
             * names box shows it inline ("i = 4") */
            bool named = (strstr(buf, ": name ") && strstr(buf, " now refers to ")) ||
                         strstr(buf, " grows in place"); /* its new value is the name's, inline */
            /* so is an attribute of a drawn object set to a plain value: its
             * cell shows it ("key:7"); a list's items are not told one by
             * one (a comprehension's ten thousand would fill the log) */
            gs_Event fe = gs_trace_get(v->trace, ev);
            if (!named && fe.kind == GS_EV_REF_SET && fe.sub == GS_CAUSE_ATTR && fe.obj != focus) {
                const gs_SceneObject *ho = gs_scene_find(&v->scene, fe.obj);
                named = ho && !(ho->flags & GS_SO_PRIMITIVE) &&
                        !((ho->flags & GS_SO_DEFINITION) && !(v->place_what & GS_PLACE_DEFINITIONS));
            }
            if (!named && (!fo || ((fo->flags & GS_SO_PRIMITIVE) && !(v->place_what & GS_PLACE_PRIMITIVES)) ||
                           ((fo->flags & GS_SO_DEFINITION) && !(v->place_what & GS_PLACE_DEFINITIONS))))
                continue;
        }
        if (fold_free(v, &fold, buf, ev))
            continue;
        if (v->nlog == GS_EVENT_LOG) { /* keep the latest */
            free(v->log_text[0]);
            memmove(v->log_text, v->log_text + 1, (GS_EVENT_LOG - 1) * sizeof v->log_text[0]);
            memmove(v->log_index, v->log_index + 1, (GS_EVENT_LOG - 1) * sizeof v->log_index[0]);
            memmove(v->log_focus, v->log_focus + 1, (GS_EVENT_LOG - 1) * sizeof v->log_focus[0]);
            v->nlog--;
            fold.slot--;
        }
        v->log_text[v->nlog] = strdup(buf);
        v->log_index[v->nlog] = ev;
        v->log_focus[v->nlog] = focus;
        if (v->log_text[v->nlog]) {
            start_fold(&fold, buf, v->nlog);
            fold.cut = cut && v->nlog == 0; /* the log's first entry: the run's start may be before it */
            cut = false;
            v->nlog++;
        }
    }
    end_fold(v, &fold);
    /* The narration's "what just happened" must be about something on the
     * canvas: if the last event was about an object not drawn, tell the
     * latest one that was, or what the collector is doing meanwhile. */
    if (pos && (v->nlog == 0 || v->log_index[v->nlog - 1] != pos - 1)) {
        gs_Scene *s = &v->scene;
        /* in a collection, the phase on screen's latest drawn event (the
         * delete phase's frees), if it made one */
        size_t phase_ev = SIZE_MAX;
        for (size_t i = pos, k = 0; s->in_collection && i-- > 0 && k < 200000; k++)
            if (gs_trace_get(v->trace, i).kind == GS_EV_GC_PHASE) {
                phase_ev = i;
                break;
            }
        bool drawn_in_phase = v->nlog && phase_ev != SIZE_MAX && v->log_index[v->nlog - 1] > phase_ev;
        if (s->in_collection && !drawn_in_phase && strcmp(s->phase, "done") == 0)
            /* the last phase touches no object: it adds up what the collection did */
            snprintf(s->last_event, sizeof s->last_event,
                     "collector: done, it adds up what this collection found and freed (the figures come next)");
        else if (s->in_collection && !drawn_in_phase)
            snprintf(s->last_event, sizeof s->last_event,
                     "collector: %s, on objects this picture does not draw (built-ins, code, strings)", s->phase);
        else if (v->nlog)
            snprintf(s->last_event, sizeof s->last_event, "%s", v->log_text[v->nlog - 1]);
    }
    phase_summary(v, pos);
}

/* At a stop inside a collection, "what just happened" is what the phase
 * on screen did, not only its last event (lesson 8's subtract_refs takes
 * nine gc_refs off; the last one alone said "Node D refers to C"): how
 * many steps EVENTS lists, then the last. */
static void phase_summary(gs_Viewer *v, size_t pos)
{
    gs_Scene *s = &v->scene;
    s->phase_summary = false;
    if (!s->in_collection || !pos || v->nlog < 2)
        return;
    size_t phase_ev = SIZE_MAX;
    for (size_t i = pos, k = 0; i-- > 0 && k < 200000; k++) {
        gs_Event e = gs_trace_get(v->trace, i);
        if (e.kind == GS_EV_GC_PHASE) {
            phase_ev = i;
            break;
        }
        if (e.kind == GS_EV_GC_START)
            return;
    }
    if (phase_ev == SIZE_MAX)
        return;
    int first = v->nlog;
    while (first > 0 && v->log_index[first - 1] > phase_ev && strncmp(v->log_text[first - 1], "collector: ", 11) == 0)
        first--;
    int n = v->nlog - first;
    if (n < 2 || (first > 0 && v->log_index[first - 1] > phase_ev))
        return; /* one event says itself; a phase that ran code (a callback, a __del__) is told by its lines */
    snprintf(s->last_event, sizeof s->last_event, "%d steps, listed in EVENTS; the last: %s", n,
             v->log_text[v->nlog - 1] + 11 /* without "collector: " */);
    s->phase_summary = true;
}

/* The UI's H and D toggles decide what gets a place on the canvas. */
void gs_viewer_sync_view(gs_Viewer *v, gs_Ui *ui)
{
    if (!v->tl || v->browser)
        return;
    if (ui->selected != v->selected) {
        /* the selected object's holders are counted in the scene */
        v->selected = ui->selected;
        v->scene_pos = SIZE_MAX;
    }
    if (v->view_synced_for != v->tl) {
        /* a new document: the UI starts from the lesson's options */
        ui->show_primitives = (v->place_what & GS_PLACE_PRIMITIVES) != 0;
        ui->show_definitions = (v->place_what & GS_PLACE_DEFINITIONS) != 0;
        ui->show_sizes = v->show_sizes;
        ui->fit_pending = true;
        v->view_synced_for = v->tl;
    }
    unsigned want = (ui->show_primitives ? GS_PLACE_PRIMITIVES : 0) | (ui->show_definitions ? GS_PLACE_DEFINITIONS : 0);
    if (want != v->place_what) {
        v->place_what = want;
        if (!v->recording) {
            gs_placement_free(&v->placement);
            v->placement_ready = gs_placement_build(&v->placement, v->trace, want) == 0;
            ui->fit_pending = true;
        }
        v->scene_pos = SIZE_MAX;
    }
}

void gs_viewer_data(gs_Viewer *v, gs_UiData *d, float fps)
{
    memset(d, 0, sizeof *d);
    d->fps = fps;
    if (v->browser || !v->tl) {
        d->browser = true;
        d->nlessons = v->course.nentries;
        d->lesson_titles = v->lesson_titles;
        d->lesson_summaries = v->lesson_summaries;
        d->lesson_chapters = v->lesson_chapters;
        d->lesson_score = v->lesson_score;
        d->lesson_score_of = v->lesson_score_of;
        d->error = v->error;
        gs_scene_clear(&v->scene);
        d->scene = &v->scene;
        return;
    }
    rebuild(v);
    d->scene = &v->scene;
    d->show_definitions = (v->place_what & GS_PLACE_DEFINITIONS) != 0;
    d->placement = v->placement_ready ? &v->placement : NULL;
    d->title = v->has_lesson && v->lesson.has_header ? v->lesson.title : v->path;
    d->source = v->source ? v->source : "";
    d->source_len = v->source_len;
    d->recap = v->has_lesson ? v->lesson.recap : NULL;
    /* output up to the current position */
    size_t out_len = 0;
    const gs_Trace *t = v->trace;
    size_t pos = gs_timeline_pos(v->tl);
    if (v->marks_ready) {
        int lo = 0, hi = v->nout_events; /* the first stdout event at or after pos */
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (v->out_events[mid] < pos)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0) {
            gs_Event e = gs_trace_get(t, v->out_events[lo - 1]);
            out_len = (size_t)e.a + e.b;
        }
    } else
        for (size_t i = pos; i-- > 0;)
            if (gs_trace_get(t, i).kind == GS_EV_STDOUT) {
                gs_Event e = gs_trace_get(t, i);
                out_len = (size_t)e.a + e.b;
                break;
            }
    d->output = t->out;
    d->output_len = out_len <= t->nout ? out_len : t->nout;
    d->gc_marks = v->gc_marks;
    d->ngc_marks = v->ngc_marks;
    for (int i = 0; i < v->ngc_ends && v->gc_ends[i].pos < pos; i++) {
        uint32_t g = v->gc_ends[i].gen < 3 ? v->gc_ends[i].gen : 2;
        d->gen_collections[g]++;
        d->gen_collected[g] += (int)v->gc_ends[i].collected;
        d->gen_uncollectable[g] += (int)v->gc_ends[i].uncollectable;
        d->gen_collected_bytes[g] += v->gc_ends[i].bytes;
    }
    d->breakpoints = v->breakpoints;
    d->nbreakpoints = v->nbreakpoints;
    d->line_events = v->line_events;
    d->nline_events = v->nline_events;
    d->event_log = (const char *const *)v->log_text;
    d->event_log_index = v->log_index;
    d->event_log_focus = v->log_focus;
    d->nevent_log = v->nlog;
    size_t cur_line = v->tl ? gs_timeline_line_event_before(v->tl, gs_timeline_pos(v->tl)) : SIZE_MAX;
    size_t line_done = gs_viewer_line_before(v, cur_line);
    d->line_done_event = line_done == SIZE_MAX ? UINT64_MAX : (uint64_t)line_done;
    d->line_done_line = line_done == SIZE_MAX ? 0 : gs_trace_get(v->trace, line_done).line;
    d->step_from_event = v->tl && v->step_to == gs_timeline_pos(v->tl) && v->step_from != SIZE_MAX
                             ? (uint64_t)v->step_from : UINT64_MAX;
    d->plot = v->plot;
    d->nplot = v->nplot;
    d->plot_max = v->plot_max;
    d->plot_bytes = v->plot_bytes;
    d->plot_bytes_max = v->plot_bytes_max;
    d->marked = v->marked;
    d->mark_event = v->mark_event;
    d->watch = v->watch;
    d->playing = v->playing;
    d->speed = v->speed;
    d->granularity = v->granularity;
    d->recording = v->recording;
    d->record_progress = (double)t->n;
    d->error = v->error;
    d->error_line = v->error_line;
    d->notice = v->notice[0] ? v->notice : NULL;
    gs_tutor_data(v, d);
    (void)trace_reader_missing;
}

/* ================================================================== the window */

static int gui_loop(gs_Viewer *v, const gs_Theme *theme)
{
    gs_Platform p;
    char err[1024];
    if (gs_platform_open(&p, "gcscope", 1280, 800, err, sizeof err) < 0) {
        fprintf(stderr, "gcscope: cannot open a window: %s\n"
                        "         (no display? try: gcscope shot FILE -o out.png)\n", err);
        return 2;
    }
    gs_FontPaths fonts;
    if (gs_fonts_find(&fonts, err, sizeof err) < 0) {
        fprintf(stderr, "gcscope: %s\n", err);
        gs_platform_close(&p);
        return 2;
    }
    gs_Render *rd = gs_render_create(p.renderer, p.scale, &fonts, err, sizeof err);
    if (!rd) {
        fprintf(stderr, "gcscope: %s\n", err);
        gs_platform_close(&p);
        return 2;
    }
    gs_Ui ui;
    gs_ui_init(&ui, gs_render_metrics(rd), p.w, p.h, theme);
    if (!gs_progress_flag("legend_seen")) { /* the first time: what the marks mean */
        ui.legend = true;
        gs_progress_set_flag("legend_seen");
    }
    gs_DrawList dl;
    gs_draw_init(&dl);
    uint64_t last = SDL_GetPerformanceCounter();
    double freq = (double)SDL_GetPerformanceFrequency();
    double fps = 60, since_check = 0, quiet = 0;
    size_t last_pos = SIZE_MAX;
    bool quit = false, fitted = false;
    while (!quit) {
        gs_Input inputs[64];
        int nin = 0;
        while (nin < 64 && gs_platform_poll(&inputs[nin]))
            nin++;
        for (int i = 0; i < nin; i++)
            if (inputs[i].kind == GS_IN_RESIZE && gs_platform_refresh(&p))
                gs_render_set_scale(rd, p.scale, err, sizeof err);
        uint64_t now = SDL_GetPerformanceCounter();
        double dt = (double)(now - last) / freq;
        last = now;
        if (dt > 0)
            fps = fps * 0.9 + (1.0 / dt) * 0.1;
        if (v->recording) {
            gs_viewer_record_step(v, RECORD_BUDGET);
            if (!v->recording && !fitted && v->tl) {
                gs_timeline_seek(v->tl, 0);
                v->scene_pos = SIZE_MAX;
            }
        }
        since_check += dt;
        if (since_check > 1.0 && !v->browser && v->path[0] && !v->is_loaded_trace) {
            since_check = 0;
            long long m = file_mtime(v->path);
            if (m && m != v->mtime) {
                gs_Action a = { .kind = GS_ACT_RELOAD };
                gs_viewer_act(v, &ui, &a);
            }
        }
        gs_viewer_tick(v, dt);
        gs_viewer_sync_view(v, &ui);
        gs_UiData d;
        gs_viewer_data(v, &d, (float)fps);
        gs_Action acts[GS_UI_MAX_ACTIONS];
        int na = gs_ui_frame(&ui, inputs, nin, &d, dt, &dl, acts);
        for (int i = 0; i < na; i++) {
            if (acts[i].kind == GS_ACT_QUIT) {
                quit = true;
                continue;
            }
            if (acts[i].kind == GS_ACT_SCREENSHOT) {
                char path[1200];
                snprintf(path, sizeof path, "%s-event%zu.png", v->path[0] ? v->path : "gcscope",
                         v->tl ? gs_timeline_pos(v->tl) : 0);
                int ow, oh;
                SDL_GetRendererOutputSize(p.renderer, &ow, &oh);
                SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, ow, oh, 32, SDL_PIXELFORMAT_RGBA32);
                if (s && SDL_RenderReadPixels(p.renderer, NULL, SDL_PIXELFORMAT_RGBA32, s->pixels, s->pitch) == 0 &&
                    gs_platform_save_png(s, path, err, sizeof err) == 0)
                    snprintf(v->notice, sizeof v->notice, "screenshot saved: %s", path);
                else
                    set_error(v, 0, "screenshot failed: %s", s ? err : SDL_GetError());
                if (s)
                    SDL_FreeSurface(s);
                continue;
            }
            gs_viewer_act(v, &ui, &acts[i]);
        }
        gs_render_clear(rd, ui.theme.color[GS_THEME_BG]);
        gs_render_execute(rd, &dl);
        SDL_RenderPresent(p.renderer);
        /* idle: once the animations have settled (about a second after
         * the last input or step), wait for input instead of drawing; a
         * few frames a second keep a prompt's caret blinking and notice a
         * file changed on disk */
        size_t pos = v->tl ? gs_timeline_pos(v->tl) : 0;
        if (nin || na || v->playing || v->recording || pos != last_pos)
            quiet = 0;
        else
            quiet += dt;
        last_pos = pos;
        if (quiet > 1.5)
            gs_platform_wait(300);
        else if (!v->playing && !v->recording && nin == 0)
            SDL_Delay(8);
    }
    gs_draw_free(&dl);
    gs_ui_free(&ui);
    gs_render_free(rd);
    gs_platform_close(&p);
    return 0;
}

/* $GCSCOPE_THEME, else assets/theme.json; -1 with `err` if a file exists
 * and is bad (the built-in palette stays). */
static int load_theme(gs_Theme *t, char *err, size_t n)
{
    gs_theme_default(t);
    char path[4096];
    const char *env = getenv("GCSCOPE_THEME");
    if (env && *env)
        snprintf(path, sizeof path, "%s", env);
    else if (!gs_app_find_asset("theme.json", path, sizeof path))
        return 0;
    return gs_theme_load(t, path, err, n);
}

int gs_cmd_gui(int argc, char **argv)
{
    gs_Viewer v;
    gs_viewer_init(&v);
    char terr[1200];
    gs_Theme theme;
    int theme_rc = load_theme(&theme, terr, sizeof terr);
    if (argc >= 1) {
        gs_viewer_open(&v, argv[0]);
    } else {
        open_course(&v);
        v.browser = true;
    }
    if (theme_rc < 0) {
        fprintf(stderr, "gcscope: %s (using the built-in colours)\n", terr);
        snprintf(v.notice, sizeof v.notice, "%s (using the built-in colours)", terr);
    }
    int rc = gui_loop(&v, &theme);
    gs_viewer_free(&v);
    return rc;
}

/* ================================================================== gcscope shot */

int gs_cmd_shot(int argc, char **argv)
{
    const char *file = NULL, *out = NULL;
    long long at = -1, line = -1;
    bool end = false, browser = false;
    uint32_t select = 0;
    int phase = -1, prompt = 0, nanswers = 0;
    const char *answers[4];
    int w = 1280, h = 800;
    bool sizes = false;
    int tab = -1, row = 0;
    long long mark_at = -1;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if ((strcmp(argv[i], "--at") == 0 || strcmp(argv[i], "--line") == 0) && i + 1 < argc) {
            char *e;
            errno = 0;
            long long n = strtoll(argv[i + 1], &e, 10);
            if (errno || e == argv[i + 1] || *e || n < (argv[i][2] == 'l' ? 1 : 0)) {
                fprintf(stderr, "gcscope: shot: %s wants %s, not '%s'\n", argv[i],
                        argv[i][2] == 'l' ? "a line number from 1" : "an event number from 0", argv[i + 1]);
                return 2;
            }
            *(argv[i][2] == 'l' ? &line : &at) = n;
            i++;
        } else if (strcmp(argv[i], "--select") == 0 && i + 1 < argc) {
            char *e;
            errno = 0;
            unsigned long long n = strtoull(argv[i + 1], &e, 10);
            if (errno || e == argv[i + 1] || *e || n == 0 || n > UINT32_MAX) {
                fprintf(stderr, "gcscope: shot: --select wants an object number (the #N of an event), not '%s'\n",
                        argv[i + 1]);
                return 2;
            }
            select = (uint32_t)n;
            i++;
        } else if (strcmp(argv[i], "--phase") == 0 && i + 1 < argc) {
            phase = -1;
            for (int k = 0; k < GS_GC_PHASE_COUNT; k++)
                if (strcmp(argv[i + 1], gs_gc_phase_name((gs_GCPhase)k)) == 0)
                    phase = k;
            if (phase < 0) {
                fprintf(stderr, "gcscope: shot: --phase wants one of merge, update_refs, subtract_refs, "
                        "move_unreachable, untrack_tuples, promote, untrack_dicts, legacy_finalizers, weakrefs, "
                        "finalize, resurrection, delete, done; not '%s'\n", argv[i + 1]);
                return 2;
            }
            i++;
        } else if (strcmp(argv[i], "--prompt") == 0 && i + 1 < argc) {
            char *e;
            long k = strtol(argv[i + 1], &e, 10);
            if (*e || e == argv[i + 1] || k < 1 || k > 10000) {
                fprintf(stderr, "gcscope: shot: --prompt wants the number of a prediction (1 is the first), not '%s'\n",
                        argv[i + 1]);
                return 2;
            }
            prompt = (int)k;
            i++;
        } else if (strcmp(argv[i], "--answer") == 0 && i + 1 < argc) {
            if (nanswers == 4) {
                fprintf(stderr, "gcscope: shot: at most 4 --answer\n");
                return 2;
            }
            answers[nanswers++] = argv[++i];
        } else if (strcmp(argv[i], "--sizes") == 0)
            sizes = true;
        else if (strcmp(argv[i], "--tab") == 0 && i + 1 < argc) {
            static const char *const tabs[GS_BOTTOM_TABS] = { "events", "output", "plot", "line", "type" };
            tab = -1;
            for (int k = 0; k < GS_BOTTOM_TABS; k++)
                if (strcmp(argv[i + 1], tabs[k]) == 0)
                    tab = k;
            if (tab < 0) {
                fprintf(stderr, "gcscope: shot: --tab wants events, output, plot, line or type; not '%s'\n", argv[i + 1]);
                return 2;
            }
            i++;
        } else if ((strcmp(argv[i], "--row") == 0 || strcmp(argv[i], "--mark") == 0) && i + 1 < argc) {
            char *e;
            long long k = strtoll(argv[i + 1], &e, 10);
            bool is_row = argv[i][2] == 'r';
            if (*e || e == argv[i + 1] || k < (is_row ? 1 : 0) || k > 1000000000LL) {
                fprintf(stderr, "gcscope: shot: %s wants %s, not '%s'\n", argv[i],
                        is_row ? "a row number (1 is the first)" : "an event number from 0", argv[i + 1]);
                return 2;
            }
            *(is_row ? &row : &(int){ 0 }) = (int)k;
            if (!is_row)
                mark_at = k;
            i++;
        } else if (strcmp(argv[i], "--browser") == 0)
            browser = true;
        else if (strcmp(argv[i], "--end") == 0)
            end = true;
        else if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d", &w, &h) != 2 || w < 200 || h < 150 || w > 8192 || h > 8192) {
                fprintf(stderr, "gcscope: shot: --size wants WxH between 200x150 and 8192x8192, not '%s'\n", argv[i]);
                return 2;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "gcscope: shot: unknown option '%s'\n", argv[i]);
            return 2;
        } else if (!file)
            file = argv[i];
        else {
            fprintf(stderr, "gcscope: shot: one file only ('%s' too)\n", argv[i]);
            return 2;
        }
    }
    if ((!file && !browser) || (file && browser) || !out) {
        fprintf(stderr, "usage: gcscope shot FILE [--at N | --line N | --end | --prompt K [--answer TEXT ...]] [--phase NAME] "
                        "[--select ID] [--sizes] [--tab events|output|plot|line|type [--row K]] [--mark N] "
                        "[--size WxH] -o OUT.png\n"
                        "       gcscope shot --browser [--size WxH] -o OUT.png\n");
        return 2;
    }
    char terr[1200];
    gs_Theme theme;
    if (load_theme(&theme, terr, sizeof terr) < 0) {
        fprintf(stderr, "gcscope: shot: %s\n", terr);
        return 2;
    }
    gs_Viewer v;
    gs_viewer_init(&v);
    v.no_progress = true; /* a frame for a file: nothing a student answered */
    if (browser) {
        open_course(&v);
        v.browser = true;
    } else
        gs_viewer_open(&v, file);
    while (gs_viewer_record_step(&v, 50000000))
        ;
    if (v.tl) {
        size_t len = gs_timeline_length(v.tl);
        if (mark_at >= 0) {
            /* BY TYPE's growth counts from just after event N (M there) */
            gs_timeline_seek(v.tl, (size_t)mark_at + 1);
            mark_step(&v);
            v.notice[0] = 0;
        }
        if (end)
            gs_timeline_seek(v.tl, len);
        else if (line > 0) {
            /* the first time line N runs; a comment or blank line means the
             * next line of code after it */
            uint32_t ls[64];
            for (int k = 0; k < 64; k++)
                ls[k] = (uint32_t)line + (uint32_t)k;
            size_t p = len;
            for (int k = 1; k <= 64 && p == len; k++) {
                gs_timeline_seek(v.tl, 0);
                p = gs_timeline_continue(v.tl, +1, ls, (size_t)k);
            }
            if (p == len)
                fprintf(stderr, "gcscope: shot: line %lld never runs; showing the end\n", line);
        } else if (at >= 0)
            gs_timeline_seek(v.tl, (size_t)at);
        else if (prompt > 0) {
            /* the K-th prediction, asked, and answered as given */
            if (!v.has_lesson || prompt > v.lesson.nprompts) {
                fprintf(stderr, "gcscope: shot: %s has %d prediction%s, not %d\n", file,
                        v.has_lesson ? v.lesson.nprompts : 0, v.has_lesson && v.lesson.nprompts == 1 ? "" : "s", prompt);
                gs_viewer_free(&v);
                return 2;
            }
            uint32_t pl = (uint32_t)v.lesson.prompts[prompt - 1].line;
            gs_timeline_seek(v.tl, 0);
            size_t p = gs_timeline_continue(v.tl, +1, &pl, 1);
            if (p >= len)
                fprintf(stderr, "gcscope: shot: the line of prediction %d (%u) never runs; showing the end\n", prompt, pl);
            for (int k = 0; k < nanswers; k++) {
                if (k == 0 && p > 0)
                    gs_timeline_seek(v.tl, gs_tutor_guard(&v, p - 1, p));
                gs_Action a = { .kind = GS_ACT_ANSWER_PROMPT, .arg = v.prompt_active, .choice = -1 };
                const gs_Prompt *pr = v.prompt_active >= 0 ? &v.lesson.prompts[v.prompt_active] : NULL;
                if (pr && pr->nchoices && answers[k][0] >= '1' && answers[k][0] <= '9' && !answers[k][1])
                    a.choice = answers[k][0] - '1';
                snprintf(a.text, sizeof a.text, "%s", answers[k]);
                gs_viewer_act(&v, NULL, &a);
            }
        } else
            gs_timeline_seek(v.tl, 0);
        if (phase >= 0) {
            /* the end of that collector phase, in the next collection from here */
            size_t p = gs_timeline_pos(v.tl), n = v.trace->n;
            while (p < n && !(gs_trace_get(v.trace, p).kind == GS_EV_GC_PHASE && gs_trace_get(v.trace, p).sub == phase))
                p++;
            while (p + 1 < n && gs_trace_get(v.trace, p + 1).kind != GS_EV_GC_PHASE && gs_trace_get(v.trace, p + 1).kind != GS_EV_GC_END)
                p++;
            if (p >= n)
                fprintf(stderr, "gcscope: shot: no %s phase after this point; showing the end\n",
                        gs_gc_phase_name((gs_GCPhase)phase));
            gs_timeline_seek(v.tl, p + 1);
        }
        /* a prompt on this line shows as it would in the window */
        size_t pos = gs_timeline_pos(v.tl);
        if (pos > 0)
            gs_timeline_seek(v.tl, gs_tutor_guard(&v, pos - 1, pos));
    }
    SDL_Renderer *r;
    SDL_Surface *surf;
    if (gs_platform_offscreen(w, h, &r, &surf) < 0) {
        fprintf(stderr, "gcscope: shot: cannot render offscreen: %s\n", SDL_GetError());
        gs_viewer_free(&v);
        return 2;
    }
    char err[1024];
    gs_FontPaths fonts;
    gs_Render *rd = NULL;
    if (gs_fonts_find(&fonts, err, sizeof err) < 0 || !(rd = gs_render_create(r, 1.0f, &fonts, err, sizeof err))) {
        fprintf(stderr, "gcscope: shot: %s\n", err);
        gs_platform_offscreen_close(r, surf);
        gs_viewer_free(&v);
        return 2;
    }
    gs_Ui ui;
    gs_ui_init(&ui, gs_render_metrics(rd), w, h, &theme);
    ui.selected = select;
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_viewer_sync_view(&v, &ui);
    if (sizes)
        ui.show_sizes = true;
    gs_UiData d;
    gs_viewer_data(&v, &d, 0);
    if (tab >= 0)
        ui.bottom_tab = tab;
    if (row > 0) {
        /* the K-th row of BY LINE / BY TYPE, picked: its objects outlined */
        int n;
        const gs_SceneStat *rows = gs_ui_stat_rows(&d, tab, &n);
        if (row > n)
            fprintf(stderr, "gcscope: shot: --row %d: that view has %d row%s; none picked\n", row, n, n == 1 ? "" : "s");
        else {
            ui.stat_tab = tab;
            ui.stat_key = rows[row - 1].key;
        }
    }
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    gs_render_clear(rd, ui.theme.color[GS_THEME_BG]);
    gs_render_execute(rd, &dl);
    /* the frame shows the error panel; the exit code says what happened */
    int rc = v.status;
    if (v.status == 1 && v.error) {
        /* a traceback: its last line names the exception */
        size_t n = strlen(v.error);
        while (n && v.error[n - 1] == '\n')
            n--;
        size_t b = n;
        while (b && v.error[b - 1] != '\n')
            b--;
        fprintf(stderr, "gcscope: shot: %s:%d: %.*s\n", file, v.error_line, (int)(n - b), v.error + b);
    } else if (v.status && v.error) {
        const char *nl = strchr(v.error, '\n');
        fprintf(stderr, "gcscope: shot: %.*s\n", nl ? (int)(nl - v.error) : (int)strlen(v.error), v.error);
    }
    if (gs_platform_save_png(surf, out, err, sizeof err) < 0) {
        fprintf(stderr, "gcscope: shot: %s\n", err);
        rc = 2;
    }
    gs_draw_free(&dl);
    gs_ui_free(&ui);
    gs_render_free(rd);
    gs_platform_offscreen_close(r, surf);
    gs_viewer_free(&v);
    return rc;
}
