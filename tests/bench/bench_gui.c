/*
 * bench_gui.c — the GUI budgets of DESIGN.md, headless.
 *
 * usage: bench_gui [--frames N] [--heap FILE.py]      frame and relayout times
 *        bench_gui --first-frame FILE.py               time to first frame (one, in a fresh process)
 *
 * Everything runs on SDL's software renderer drawing into a 1280×800
 * surface (gs_platform_offscreen; SDL_VIDEODRIVER=offscreen), with the real
 * fonts and glyph cache (gs_render_create at scale 1), exactly as
 * `gcscope shot` draws.
 *
 * 1. Frames: gs_Scene objects are built by hand with 100, 1,000 and 10,000
 *    heap objects (instances, lists, dicts, tuples in the three generations
 *    and "not tracked", each holding one to three references, ints shown
 *    inline, a module frame and a function frame with names) and drawn with
 *    gs_ui_frame (placement, layout, draw list) + gs_render_clear +
 *    gs_render_execute.  Two views: "default" (zoom 1 at the top left, what
 *    a new document shows) and "fit" (gs_ui_fit overview: every object in
 *    view, the level-of-detail path).  After 3 warm-up frames, N frames
 *    (default 30) are timed; the median of each stage is printed.
 * 2. Relayout after a step: the viewer (gs_Viewer) records FILE.py
 *    (default tests/bench/gui_heap.py, ~1,000 drawn objects at the end),
 *    seeks 200 events before the end and takes 100 steps; each step is
 *    timed from the action to a new draw list: gs_viewer_act(STEP_FWD) +
 *    gs_viewer_data (scene rebuild) + gs_ui_frame.  Medians printed, with
 *    the render of the same frame.
 * 3. --first-frame: from nothing to the first frame's pixels for FILE, the
 *    way `gcscope shot FILE` does it: open + record + index + placement,
 *    seek to 0, offscreen renderer, fonts (fontconfig), glyph cache, the
 *    first gs_ui_frame and gs_render_execute (the PNG is not written).
 *
 * Each result is one JSON line on stdout ({"metric": ..., "value": ...,
 * "unit": ...}).
 */
#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "fonts.h"
#include "platform.h"
#include "render.h"
#include "scene.h"
#include "ui.h"
#include "viewer.h"

#define W 1280
#define H 800

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static void metric(const char *name, double value, const char *unit, const char *note)
{
    printf("{\"metric\": \"%s\", \"value\": %.6g, \"unit\": \"%s\"", name, value, unit);
    if (note)
        printf(", \"note\": \"%s\"", note);
    printf("}\n");
    fflush(stdout);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct Gfx {
    SDL_Renderer *sdl;
    SDL_Surface *surface;
    gs_Render *rd;
} Gfx;

static bool gfx_open(Gfx *g)
{
    if (gs_platform_offscreen(W, H, &g->sdl, &g->surface) != 0) {
        fprintf(stderr, "bench_gui: offscreen: %s\n", SDL_GetError());
        return false;
    }
    gs_FontPaths fonts;
    char err[1024];
    if (gs_fonts_find(&fonts, err, sizeof err) < 0 || !(g->rd = gs_render_create(g->sdl, 1.0f, &fonts, err, sizeof err))) {
        fprintf(stderr, "bench_gui: %s\n", err);
        gs_platform_offscreen_close(g->sdl, g->surface);
        return false;
    }
    return true;
}

static void gfx_close(Gfx *g)
{
    gs_render_free(g->rd);
    gs_platform_offscreen_close(g->sdl, g->surface);
}

static const gs_Color BG = { 0xF4, 0xF3, 0xEF, 255 };

/* ================================================================== hand-built scenes */

static const char SOURCE[] =
    "import gc\n"
    "\n"
    "class Node:\n"
    "    def __init__(self, value, next):\n"
    "        self.value = value\n"
    "        self.next = next\n"
    "\n"
    "def build(n):\n"
    "    head = None\n"
    "    for i in range(n):\n"
    "        head = Node(i, head)\n"
    "    return head\n"
    "\n"
    "keep = []\n"
    "table = {}\n"
    "for r in range(100):\n"
    "    h = build(20)\n"
    "    a = [r]\n"
    "    b = [a, {'k': r}]\n"
    "    a.append(b)\n"
    "    table[r] = (h, a)\n"
    "    keep.append(h)\n"
    "print(len(keep))\n";

/* `n` heap objects with ids 1000..; 64 int primitives with ids 1..64 drawn
 * inline.  Deterministic. */
static void build_scene(gs_Scene *s, int n)
{
    gs_scene_clear(s);
    s->event = 5000;
    s->nevents = 10000;
    s->line = 11;
    s->gc_enabled = true;
    for (int i = 1; i <= 64; i++) {
        gs_SceneObject *o = gs_scene_add_object(s);
        o->id = (uint32_t)i;
        snprintf(o->type, sizeof o->type, "int");
        snprintf(o->value, sizeof o->value, "%d", 1000 + i);
        o->refcount = 3;
        o->band = GS_BAND_UNTRACKED;
        o->flags = GS_SO_PRIMITIVE;
        o->band_order = (uint32_t)i;
    }
    uint32_t first = 1000;
    for (int i = 0; i < n; i++) {
        gs_SceneObject *o = gs_scene_add_object(s);
        uint32_t id = first + (uint32_t)i;
        o->id = id;
        o->refcount = 1 + i % 3;
        o->created_line = 11;
        o->band_order = (uint32_t)i;
        int kind = i % 10;
        /* 50% gen 0, 20% gen 1, 25% gen 2, 5% not tracked (the tuples) */
        int r = (i * 7) % 20;
        o->band = kind == 9 ? GS_BAND_UNTRACKED : r < 10 ? GS_BAND_GEN0 : r < 14 ? GS_BAND_GEN1 : GS_BAND_GEN2;
        uint32_t other = first + (uint32_t)((i * 31 + 7) % n);
        uint32_t prim = 1 + (uint32_t)(i % 64);
        gs_SceneSlot *sl;
        if (kind < 4) {          /* list [int, obj] */
            snprintf(o->type, sizeof o->type, "list");
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "0"); sl->target = prim;
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "1"); sl->target = other;
        } else if (kind < 7) {   /* Node(value=int, next=obj) */
            snprintf(o->type, sizeof o->type, "Node");
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "value"); sl->target = prim;
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "next"); sl->target = other;
        } else if (kind < 9) {   /* dict {'k': int, 'o': obj, 'p': obj} */
            snprintf(o->type, sizeof o->type, "dict");
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "'k'"); sl->target = prim;
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "'o'"); sl->target = other;
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "'p'");
            sl->target = first + (uint32_t)((i * 17 + 3) % n);
        } else {                 /* tuple (int,) */
            snprintf(o->type, sizeof o->type, "tuple");
            sl = gs_scene_add_slot(s, o); snprintf(sl->label, sizeof sl->label, "0"); sl->target = prim;
        }
        o->nslots = s->nslots - o->first_slot;
    }
    gs_SceneFrame *f = gs_scene_add_frame(s);
    f->id = 1;
    snprintf(f->title, sizeof f->title, "module");
    f->line = 16;
    static const char *names[] = { "keep", "table", "r", "h", "a", "b", "gc", "Node", "build" };
    for (int k = 0; k < 9; k++) {
        gs_SceneName *nm = gs_scene_add_name(s, f);
        snprintf(nm->name, sizeof nm->name, "%s", names[k]);
        nm->target = k == 2 ? 5 : first + (uint32_t)((k * 97) % n);
    }
    f->nnames = s->nnames - f->first_name;
    f = gs_scene_add_frame(s);
    f->id = 2;
    snprintf(f->title, sizeof f->title, "build()");
    f->line = 11;
    static const char *fnames[] = { "n", "head", "i" };
    for (int k = 0; k < 3; k++) {
        gs_SceneName *nm = gs_scene_add_name(s, f);
        snprintf(nm->name, sizeof nm->name, "%s", fnames[k]);
        nm->target = k == 1 ? first + (uint32_t)(n - 1) : (uint32_t)(k + 1);
    }
    f->nnames = s->nnames - f->first_name;
    s->gens[0] = (gs_SceneGen){ .count = n / 2 % 700, .threshold = 700, .objects = n / 2 };
    s->gens[1] = (gs_SceneGen){ .count = 3, .threshold = 10, .objects = n / 5 };
    s->gens[2] = (gs_SceneGen){ .count = 0, .threshold = 10, .objects = n / 4 };
    snprintf(s->last_event, sizeof s->last_event, "line 11 · head = Node(i, head): Node #%u now has 2 references",
             first + (uint32_t)(n - 1));
    s->focus = first + (uint32_t)(n - 1);
    s->delta = 1;
    gs_scene_sort(s);
}

static void fill_data(gs_UiData *d, const gs_Scene *s)
{
    static const char *log[] = { "line 11 · head = Node(i, head)", "alloc Node #1234", "incref list #1200 → 2",
                                 "decref int 1005 → 2", "ref_set Node #1234.next" };
    static const uint64_t log_index[] = { 4995, 4996, 4997, 4998, 4999 };
    static const uint64_t marks[] = { 1000, 2500, 4000, 7000 };
    static const int bps[] = { 17 };
    static int plot[200 * 3];
    for (int i = 0; i < 200; i++)
        for (int g = 0; g < 3; g++)
            plot[i * 3 + g] = (i * (g + 1) * 7) % 500;
    memset(d, 0, sizeof *d);
    d->scene = s;
    d->placement = NULL;
    d->title = "bench.py";
    d->source = SOURCE;
    d->source_len = sizeof SOURCE - 1;
    d->narration = "Each call of build() makes twenty Node instances linked by their next attribute.";
    d->output = "100\n";
    d->output_len = 4;
    d->gc_marks = marks;
    d->ngc_marks = 4;
    d->breakpoints = bps;
    d->nbreakpoints = 1;
    d->event_log = log;
    d->event_log_index = log_index;
    d->nevent_log = 5;
    d->plot = plot;
    d->nplot = 200;
    d->plot_max = 500;
    d->speed = 3;
    d->granularity = GS_GRAN_EVENT;
    d->fps = 60;
}

static void bench_frames(Gfx *g, int n, bool fit, int frames)
{
    gs_Scene s;
    gs_scene_init(&s);
    build_scene(&s, n);
    gs_UiData d;
    fill_data(&d, &s);
    gs_Ui ui;
    gs_ui_init(&ui, gs_render_metrics(g->rd), W, H, NULL);
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    /* one frame lays the canvas out, then the view is chosen */
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    if (fit)
        gs_ui_fit(&ui, &d, true);
    double *tui = malloc((size_t)frames * sizeof *tui), *trd = malloc((size_t)frames * sizeof *trd),
           *tall = malloc((size_t)frames * sizeof *tall);
    size_t ncmds = 0;
    for (int i = -3; i < frames; i++) {
        double t0 = now_ms();
        gs_ui_frame(&ui, NULL, 0, &d, 1.0 / 60, &dl, acts);
        double t1 = now_ms();
        gs_render_clear(g->rd, BG);
        gs_render_execute(g->rd, &dl);
        double t2 = now_ms();
        if (i >= 0) {
            tui[i] = t1 - t0;
            trd[i] = t2 - t1;
            tall[i] = t2 - t0;
            ncmds = dl.n;
        }
    }
    char name[64], note[128];
    const char *view = fit ? "fit" : "default";
    snprintf(note, sizeof note, "%d objects, %s view, zoom %.3g, %zu draw commands", n, view, ui.zoom, ncmds);
    snprintf(name, sizeof name, "frame_%s_%d", view, n);
    metric(name, median(tall, frames), "ms", note);
    snprintf(name, sizeof name, "frame_%s_%d_ui", view, n);
    metric(name, median(tui, frames), "ms", "gs_ui_frame");
    snprintf(name, sizeof name, "frame_%s_%d_render", view, n);
    metric(name, median(trd, frames), "ms", "gs_render_clear + gs_render_execute");
    free(tui);
    free(trd);
    free(tall);
    gs_draw_free(&dl);
    gs_ui_free(&ui);
    gs_scene_free(&s);
}

/* ================================================================== relayout after a step */

static gs_Viewer viewer;

static int bench_relayout(Gfx *g, const char *path)
{
    gs_Viewer *v = &viewer;
    gs_viewer_init(v);
    gs_viewer_open(v, path);
    while (gs_viewer_record_step(v, 50000000))
        ;
    if (!v->tl || v->error) {
        fprintf(stderr, "bench_gui: %s: %s\n", path, v->error ? v->error : "no timeline");
        return -1;
    }
    size_t len = gs_timeline_length(v->tl);
    gs_timeline_seek(v->tl, len > 200 ? len - 200 : 0);
    v->scene_pos = SIZE_MAX;
    gs_Ui ui;
    gs_ui_init(&ui, gs_render_metrics(g->rd), W, H, NULL);
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_viewer_sync_view(v, &ui);
    gs_UiData d;
    gs_viewer_data(v, &d, 60);
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    enum { NSTEPS = 100 };
    double step[NSTEPS], frame[NSTEPS], total[NSTEPS], render[NSTEPS];
    int objects = 0;
    for (int i = 0; i < NSTEPS; i++) {
        double t0 = now_ms();
        gs_Action a = { .kind = GS_ACT_STEP_FWD };
        gs_viewer_act(v, &ui, &a);
        gs_viewer_sync_view(v, &ui);
        gs_viewer_data(v, &d, 60);
        double t1 = now_ms();
        gs_ui_frame(&ui, NULL, 0, &d, 1.0 / 60, &dl, acts);
        double t2 = now_ms();
        gs_render_clear(g->rd, BG);
        gs_render_execute(g->rd, &dl);
        double t3 = now_ms();
        step[i] = t1 - t0;
        frame[i] = t2 - t1;
        total[i] = t2 - t0;
        render[i] = t3 - t2;
        objects = d.scene->nobjects;
    }
    char note[160];
    snprintf(note, sizeof note, "%s, %d scene objects: step + scene rebuild + gs_ui_frame", path, objects);
    metric("relayout_step", median(total, NSTEPS), "ms", note);
    metric("relayout_step_rebuild", median(step, NSTEPS), "ms", "gs_viewer_act + gs_viewer_data");
    metric("relayout_step_ui", median(frame, NSTEPS), "ms", "gs_ui_frame");
    metric("relayout_step_render", median(render, NSTEPS), "ms", "render of the same frame");
    gs_draw_free(&dl);
    gs_ui_free(&ui);
    gs_viewer_free(v);
    return 0;
}

/* ================================================================== first frame */

static int first_frame(const char *path)
{
    double t0 = now_ms();
    gs_Viewer *v = &viewer;
    gs_viewer_init(v);
    gs_viewer_open(v, path);
    while (gs_viewer_record_step(v, 50000000))
        ;
    if (v->tl)
        gs_timeline_seek(v->tl, 0);
    double t1 = now_ms();
    Gfx g;
    if (!gfx_open(&g))
        return 1;
    double t2 = now_ms();
    gs_Ui ui;
    gs_ui_init(&ui, gs_render_metrics(g.rd), W, H, NULL);
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_viewer_sync_view(v, &ui);
    gs_UiData d;
    gs_viewer_data(v, &d, 0);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    double t3 = now_ms();
    gs_render_clear(g.rd, BG);
    gs_render_execute(g.rd, &dl);
    double t4 = now_ms();
    char note[1200];
    snprintf(note, sizeof note, "%s: %zu events", path, v->tl ? gs_timeline_length(v->tl) : (size_t)0);
    metric("first_frame", t4 - t0, "ms", note);
    metric("first_frame_record", t1 - t0, "ms", "open + record + index + placement");
    metric("first_frame_sdl_fonts", t2 - t1, "ms", "offscreen renderer + fontconfig + render layer");
    metric("first_frame_ui", t3 - t2, "ms", "scene + gs_ui_frame");
    metric("first_frame_render", t4 - t3, "ms", "gs_render_execute (glyph cache cold)");
    gs_draw_free(&dl);
    gs_ui_free(&ui);
    gfx_close(&g);
    gs_viewer_free(v);
    return 0;
}

int main(int argc, char **argv)
{
    int frames = 30;
    const char *heap = "tests/bench/gui_heap.py";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--first-frame") == 0 && i + 1 < argc)
            return first_frame(argv[i + 1]);
        if (strcmp(argv[i], "--frames") == 0 && i + 1 < argc)
            frames = atoi(argv[++i]);
        else if (strcmp(argv[i], "--heap") == 0 && i + 1 < argc)
            heap = argv[++i];
        else {
            fprintf(stderr, "usage: bench_gui [--frames N] [--heap FILE.py] | --first-frame FILE.py\n");
            return 2;
        }
    }
    if (frames < 1)
        frames = 1;
    Gfx g;
    if (!gfx_open(&g))
        return 1;
    static const int sizes[] = { 100, 1000, 10000 };
    for (int k = 0; k < 3; k++) {
        bench_frames(&g, sizes[k], false, frames);
        bench_frames(&g, sizes[k], true, frames);
    }
    int rc = bench_relayout(&g, heap) < 0;
    gfx_close(&g);
    return rc;
}
