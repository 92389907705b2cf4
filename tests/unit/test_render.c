/*
 * test_render.c — the render and platform layers, headless, in SDL's own
 * test style: one frame is one function; a software renderer draws into a
 * surface (no display: SDL_VIDEODRIVER=offscreen), and the pixels are read
 * back and compared with a tolerance.
 *
 * Last line: "N passed, M failed"; exit status 1 if anything failed.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draw.h"
#include "fonts.h"
#include "platform.h"
#include "render.h"

static int passed, failed;

#define CHECK(cond, ...)                                                                                              \
    do {                                                                                                              \
        if (cond) {                                                                                                   \
            passed++;                                                                                                 \
        } else {                                                                                                      \
            failed++;                                                                                                 \
            printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                                                    \
            printf(__VA_ARGS__);                                                                                      \
            printf("\n");                                                                                             \
        }                                                                                                             \
    } while (0)

static const gs_Color BG = {0x10, 0x20, 0x30, 0xFF};
static const gs_Color RED = {0xE0, 0x10, 0x10, 0xFF};
static const gs_Color GREEN = {0x10, 0xC0, 0x20, 0xFF};
static const gs_Color BLUE = {0x20, 0x40, 0xF0, 0xFF};
static const gs_Color WHITE = {0xFF, 0xFF, 0xFF, 0xFF};

static gs_FontPaths fonts;

/* ------------------------------------------------------------------ a frame */

typedef struct Frame {
    SDL_Renderer *sdl;
    SDL_Surface *surface;
    gs_Render *rd;
    gs_DrawList list;
} Frame;

static bool frame_open(Frame *f, int w, int h, float scale)
{
    memset(f, 0, sizeof *f);
    if (gs_platform_offscreen(w, h, &f->sdl, &f->surface) != 0) {
        printf("offscreen: %s\n", SDL_GetError());
        return false;
    }
    char err[512];
    f->rd = gs_render_create(f->sdl, scale, &fonts, err, sizeof err);
    if (!f->rd) {
        printf("render: %s\n", err);
        gs_platform_offscreen_close(f->sdl, f->surface);
        return false;
    }
    gs_draw_init(&f->list);
    return true;
}

static void frame_close(Frame *f)
{
    gs_draw_free(&f->list);
    gs_render_free(f->rd);
    gs_platform_offscreen_close(f->sdl, f->surface);
}

static void frame_draw(Frame *f)
{
    gs_render_clear(f->rd, BG);
    gs_render_execute(f->rd, &f->list);
}

/* With GCSCOPE_TEST_PNG_DIR set, keep a frame as DIR/NAME.png to look at. */
static void frame_keep(Frame *f, const char *name)
{
    const char *dir = getenv("GCSCOPE_TEST_PNG_DIR");
    if (!dir || !*dir)
        return;
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    if (gs_platform_save_png(f->surface, path, err, sizeof err) != 0)
        printf("note: %s\n", err);
}

static gs_Color pixel(const Frame *f, int x, int y)
{
    SDL_Surface *s = f->surface;
    if (x < 0 || y < 0 || x >= s->w || y >= s->h)
        return (gs_Color){0, 0, 0, 0};
    uint32_t p = *(const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch + (size_t)x * 4);
    gs_Color c;
    SDL_GetRGBA(p, s->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}

static bool near(gs_Color a, gs_Color b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

#define CHECK_PIXEL(f, x, y, want, tol)                                                                               \
    do {                                                                                                              \
        gs_Color got_ = pixel(f, x, y);                                                                               \
        CHECK(near(got_, want, tol), "pixel (%d,%d) is #%02x%02x%02x, want #%02x%02x%02x", x, y, got_.r, got_.g,      \
              got_.b, (want).r, (want).g, (want).b);                                                                  \
    } while (0)

/* How many pixels of [x0,x1)×[y0,y1) differ from the background. */
static int count_ink(const Frame *f, int x0, int y0, int x1, int y1)
{
    int n = 0;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            if (!near(pixel(f, x, y), BG, 0))
                n++;
    return n;
}

/* ------------------------------------------------------------------ tests */

static void test_background_shows_where_nothing_is_drawn(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_draw_rect(&f.list, (gs_Rect){20, 20, 60, 40}, RED, 0, 1);
    frame_draw(&f);
    CHECK_PIXEL(&f, 5, 5, BG, 0);
    CHECK_PIXEL(&f, 319, 199, BG, 0);
    CHECK_PIXEL(&f, 50, 40, RED, 0);
    CHECK_PIXEL(&f, 20, 20, RED, 0);  /* edges are exact: [20, 80) × [20, 60) */
    CHECK_PIXEL(&f, 79, 59, RED, 0);
    CHECK_PIXEL(&f, 80, 40, BG, 0);
    CHECK_PIXEL(&f, 50, 60, BG, 0);
    CHECK(count_ink(&f, 0, 0, 320, 200) == 60 * 40, "%d pixels drawn", count_ink(&f, 0, 0, 320, 200));
    frame_close(&f);
}

static void test_shapes_cover_what_they_should(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_DrawList *l = &f.list;
    gs_draw_rect(l, (gs_Rect){10, 10, 80, 50}, GREEN, 12, 1);                /* rounded */
    gs_draw_rect_line(l, (gs_Rect){110, 10, 80, 50}, BLUE, 0, 3, 2);         /* outline */
    gs_draw_rect_line(l, (gs_Rect){210, 10, 80, 50}, RED, 10, 2, 3);         /* rounded outline */
    gs_draw_line(l, 10, 100, 150, 100, WHITE, 2, 4);                         /* horizontal */
    gs_draw_line(l, 10, 120, 150, 190, RED, 3, 5);                           /* diagonal */
    gs_draw_triangle(l, 200, 100, 260, 100, 230, 150, GREEN, 6);
    gs_draw_circle(l, 290, 150, 20, BLUE, 7);
    gs_draw_curve(l, 160, 190, 200, 150, 240, 190, WHITE, 2, 8);
    frame_draw(&f);
    frame_keep(&f, "shapes");

    /* rounded rect: filled middle, corner pixel cut away, edge midpoints in */
    CHECK_PIXEL(&f, 50, 35, GREEN, 0);
    CHECK_PIXEL(&f, 10, 10, BG, 0);
    CHECK_PIXEL(&f, 89, 59, BG, 0);
    CHECK_PIXEL(&f, 10, 35, GREEN, 0);
    CHECK_PIXEL(&f, 50, 10, GREEN, 0);
    /* outline: border 3 px thick, inside empty */
    CHECK_PIXEL(&f, 110, 35, BLUE, 0);
    CHECK_PIXEL(&f, 112, 35, BLUE, 0);
    CHECK_PIXEL(&f, 113, 35, BG, 0);
    CHECK_PIXEL(&f, 150, 35, BG, 0);
    CHECK_PIXEL(&f, 150, 59, BLUE, 0);
    CHECK_PIXEL(&f, 189, 12, BLUE, 0);
    /* rounded outline: sides drawn, corner cut, inside empty */
    CHECK_PIXEL(&f, 210, 35, RED, 0);
    CHECK_PIXEL(&f, 250, 11, RED, 0);
    CHECK_PIXEL(&f, 210, 10, BG, 0);
    CHECK_PIXEL(&f, 250, 35, BG, 0);
    /* horizontal line: rows 99 and 100, columns [10, 150) */
    CHECK_PIXEL(&f, 80, 99, WHITE, 0);
    CHECK_PIXEL(&f, 80, 100, WHITE, 0);
    CHECK_PIXEL(&f, 80, 98, BG, 0);
    CHECK_PIXEL(&f, 80, 101, BG, 0);
    CHECK_PIXEL(&f, 150, 100, BG, 0);
    /* diagonal: its midpoint, and not far off it */
    CHECK_PIXEL(&f, 80, 155, RED, 0);
    CHECK_PIXEL(&f, 80, 162, BG, 0);
    CHECK_PIXEL(&f, 80, 148, BG, 0);
    /* a diagonal line has no gaps: every row between its ends has ink */
    int gaps = 0;
    for (int y = 122; y < 188; y++)
        if (count_ink(&f, 0, y, 160, y + 1) == 0)
            gaps++;
    CHECK(gaps == 0, "%d empty rows in a diagonal line", gaps);
    /* triangle: centroid in, the far side of an edge out */
    CHECK_PIXEL(&f, 230, 116, GREEN, 0);
    CHECK_PIXEL(&f, 205, 140, BG, 0);
    CHECK_PIXEL(&f, 230, 99, BG, 0);
    /* circle: centre and near the rim in, bounding-box corner out */
    CHECK_PIXEL(&f, 290, 150, BLUE, 0);
    CHECK_PIXEL(&f, 290, 131, BLUE, 0);
    CHECK_PIXEL(&f, 309, 150, BLUE, 0);
    CHECK_PIXEL(&f, 272, 132, BG, 0);
    CHECK_PIXEL(&f, 290, 128, BG, 0);
    /* curve: its apex is at t = 1/2: (200, 170) */
    CHECK_PIXEL(&f, 200, 170, WHITE, 0);
    CHECK_PIXEL(&f, 200, 160, BG, 0);
    CHECK_PIXEL(&f, 200, 178, BG, 0);
    frame_close(&f);
}

static void test_translucent_shapes_blend_once(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_draw_rect(&f.list, (gs_Rect){0, 0, 320, 200}, (gs_Color){0, 0, 0, 255}, 0, 0);
    gs_Color half = {255, 255, 255, 128};
    gs_draw_rect(&f.list, (gs_Rect){10, 10, 100, 60}, half, 14, 1);
    gs_draw_curve(&f.list, 150, 150, 220, 20, 300, 150, half, 6, 2);
    gs_draw_circle(&f.list, 60, 140, 40, half, 3);
    frame_draw(&f);
    frame_keep(&f, "translucent");
    /* every drawn pixel is blended exactly once: one grey, never a darker or
     * lighter seam where the shape's pieces meet */
    int other = 0, grey = 0;
    for (int y = 0; y < 200; y++)
        for (int x = 0; x < 320; x++) {
            gs_Color c = pixel(&f, x, y);
            if (near(c, (gs_Color){128, 128, 128, 255}, 2))
                grey++;
            else if (!near(c, (gs_Color){0, 0, 0, 255}, 0))
                other++;
        }
    CHECK(grey > 5000, "%d grey pixels", grey);
    CHECK(other == 0, "%d pixels blended more or less than once", other);
    frame_close(&f);
}

static void test_clip_limits_drawing(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_draw_clip(&f.list, (gs_Rect){50, 50, 100, 50});
    gs_draw_rect(&f.list, (gs_Rect){0, 0, 320, 200}, RED, 0, 1);
    gs_draw_text(&f.list, GS_FONT_UI, 0, 60, "clipped text that runs far to the right", 39, WHITE, 2);
    gs_draw_clip(&f.list, (gs_Rect){0, 0, 0, 0});
    gs_draw_rect(&f.list, (gs_Rect){0, 190, 10, 10}, GREEN, 0, 3);
    frame_draw(&f);
    CHECK(count_ink(&f, 0, 0, 320, 200) == 100 * 50 + 10 * 10, "%d pixels drawn", count_ink(&f, 0, 0, 320, 200));
    CHECK_PIXEL(&f, 50, 50, RED, 0);
    CHECK_PIXEL(&f, 49, 50, BG, 0);
    CHECK_PIXEL(&f, 150, 75, BG, 0);
    CHECK_PIXEL(&f, 5, 195, GREEN, 0);
    frame_close(&f);
}

static void test_text_draws_inside_its_measured_box(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_TextMetrics tm = gs_render_metrics(f.rd);
    const char *s = "Hello, gcscope 42!";
    for (int font = 0; font < GS_FONT_COUNT; font++) {
        gs_draw_reset(&f.list);
        float x = 30, y = 40;
        gs_draw_text(&f.list, (gs_FontId)font, x, y, s, strlen(s), WHITE, 1);
        frame_draw(&f);
        int w = (int)ceilf(tm.width(tm.ctx, (gs_FontId)font, s, strlen(s)));
        int h = (int)ceilf(tm.height(tm.ctx, (gs_FontId)font));
        CHECK(w > 60 && w < 250, "font %d: width %d", font, w);
        CHECK(h >= 10 && h < 40, "font %d: height %d", font, h);
        int inside = count_ink(&f, 30, 40, 30 + w, 40 + h);
        int all = count_ink(&f, 0, 0, 320, 200);
        CHECK(inside > 100, "font %d: %d pixels of ink in the box", font, inside);
        CHECK(all == inside, "font %d: %d pixels of ink outside the box", font, all - inside);
        /* the ink reaches both ends of the box, so the measure is not loose */
        CHECK(count_ink(&f, 30, 40, 36, 40 + h) > 0, "font %d: no ink at the left end", font);
        CHECK(count_ink(&f, 30 + w - 6, 40, 30 + w, 40 + h) > 0, "font %d: no ink at the right end", font);
    }
    /* colour comes from the command: a red label has red pixels */
    gs_draw_reset(&f.list);
    gs_draw_text(&f.list, GS_FONT_TITLE, 10, 10, "MMMM", 4, RED, 1);
    frame_draw(&f);
    int red = 0;
    for (int y = 10; y < 40; y++)
        for (int x = 10; x < 90; x++)
            if (near(pixel(&f, x, y), RED, 4))
                red++;
    CHECK(red > 50, "%d fully red pixels in red text", red);
    frame_close(&f);
}

static void test_text_metrics_add_up(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_TextMetrics tm = gs_render_metrics(f.rd);
    float ab = tm.width(tm.ctx, GS_FONT_MONO, "ab", 2), a = tm.width(tm.ctx, GS_FONT_MONO, "a", 1);
    CHECK(ab == 2 * a, "mono: width(ab) %g is not 2 × width(a) %g", (double)ab, (double)a);
    CHECK(tm.width(tm.ctx, GS_FONT_UI, "", 0) == 0, "empty text has width");
    CHECK(tm.width(tm.ctx, GS_FONT_UI, "abc", 2) == tm.width(tm.ctx, GS_FONT_UI, "ab", 2), "len is not honoured");
    CHECK(tm.width(tm.ctx, GS_FONT_UI_BOLD, "Wide", 4) > tm.width(tm.ctx, GS_FONT_SMALL, "Wide", 4),
          "bold 14 px is not wider than small 11 px");
    /* kerning: "AV" is narrower than A and V apart in DejaVu Sans ("To" too) */
    float to = tm.width(tm.ctx, GS_FONT_UI, "To", 2);
    float t_o = tm.width(tm.ctx, GS_FONT_UI, "T", 1) + tm.width(tm.ctx, GS_FONT_UI, "o", 1);
    CHECK(to <= t_o, "kerning widened To: %g > %g", (double)to, (double)t_o);
    /* UTF-8: a multi-byte character is one glyph; junk bytes are U+FFFD, not a crash */
    float arrow = tm.width(tm.ctx, GS_FONT_UI, "\u2192", 3);
    CHECK(arrow > 4 && arrow < 30, "arrow width %g", (double)arrow);
    const char junk[] = "\xff\xc3(\xe2\x82 \xf0\x9f";
    float jw = tm.width(tm.ctx, GS_FONT_UI, junk, sizeof junk - 1);
    CHECK(jw > 0, "junk width %g", (double)jw);
    gs_draw_text(&f.list, GS_FONT_UI, 10, 10, junk, sizeof junk - 1, WHITE, 1);
    const char *odd = "tab\there\nnewline \u4e2d \U0001F600";
    gs_draw_text(&f.list, GS_FONT_UI, 10, 40, odd, strlen(odd), WHITE, 1);
    frame_draw(&f);
    CHECK(count_ink(&f, 0, 0, 320, 200) > 0, "junk and controls drew nothing at all");
    frame_close(&f);
}

static void test_identical_lists_give_identical_pixels(void)
{
    Frame a, b;
    if (!frame_open(&a, 320, 200, 1.0f) || !frame_open(&b, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    for (int k = 0; k < 2; k++) {
        gs_DrawList *l = k ? &b.list : &a.list;
        gs_draw_rect(l, (gs_Rect){5.3f, 7.7f, 120.2f, 60.9f}, GREEN, 9.5f, 1);
        gs_draw_curve(l, 10, 190, 160, 20, 310, 190, (gs_Color){255, 255, 255, 200}, 2.5f, 2);
        gs_draw_circle(l, 200.5f, 60.25f, 33.3f, (gs_Color){200, 30, 30, 120}, 3);
        gs_draw_line(l, 300, 10, 140, 150, BLUE, 1.7f, 4);
        gs_draw_text(l, GS_FONT_UI, 20.4f, 100.6f, "same frame, same pixels", 23, WHITE, 5);
    }
    frame_draw(&a);
    frame_draw(&b);
    frame_draw(&a); /* a second frame on a warm glyph cache changes nothing */
    size_t bytes = (size_t)a.surface->pitch * (size_t)a.surface->h;
    CHECK(a.surface->pitch == b.surface->pitch && memcmp(a.surface->pixels, b.surface->pixels, bytes) == 0,
          "the two frames differ");
    frame_close(&a);
    frame_close(&b);
}

static void test_glyph_cache_renders_each_glyph_once(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    CHECK(gs_render_glyph_renders(f.rd) == 0, "glyphs rendered before any text");
    for (int i = 0; i < 20; i++)
        gs_draw_text(&f.list, GS_FONT_UI, 5, (float)(i * 9), "abcabc", 6, WHITE, 1);
    gs_draw_text(&f.list, GS_FONT_MONO, 5, 5, "abc", 3, WHITE, 1);
    frame_draw(&f);
    /* a, b, c in UI and in MONO: six renders for 123 glyphs drawn */
    CHECK(gs_render_glyph_renders(f.rd) == 6, "%lu renders", gs_render_glyph_renders(f.rd));
    CHECK(gs_render_glyphs_cached(f.rd) == 6, "%zu cached", gs_render_glyphs_cached(f.rd));
    for (int i = 0; i < 5; i++)
        frame_draw(&f);
    gs_TextMetrics tm = gs_render_metrics(f.rd);
    tm.width(tm.ctx, GS_FONT_UI, "cab", 3);
    CHECK(gs_render_glyph_renders(f.rd) == 6, "%lu renders after 5 more frames", gs_render_glyph_renders(f.rd));
    /* a new scale reopens the fonts and starts the cache afresh */
    char err[256];
    CHECK(gs_render_set_scale(f.rd, 2.0f, err, sizeof err) == 0, "set_scale: %s", err);
    CHECK(gs_render_glyphs_cached(f.rd) == 0, "cache kept across a scale change");
    frame_close(&f);
}

static void test_hidpi_scales_logical_coordinates(void)
{
    Frame f1, f2;
    if (!frame_open(&f1, 320, 200, 1.0f) || !frame_open(&f2, 640, 400, 2.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_draw_rect(&f2.list, (gs_Rect){10, 10, 20, 20}, RED, 0, 1);
    frame_draw(&f2);
    CHECK_PIXEL(&f2, 20, 20, RED, 0);
    CHECK_PIXEL(&f2, 59, 59, RED, 0);
    CHECK_PIXEL(&f2, 60, 40, BG, 0);
    CHECK_PIXEL(&f2, 19, 40, BG, 0);
    /* text measures about the same in logical pixels at both scales */
    gs_TextMetrics m1 = gs_render_metrics(f1.rd), m2 = gs_render_metrics(f2.rd);
    const char *s = "The quick brown fox";
    float w1 = m1.width(m1.ctx, GS_FONT_UI, s, strlen(s)), w2 = m2.width(m2.ctx, GS_FONT_UI, s, strlen(s));
    CHECK(fabsf(w1 - w2) < w1 * 0.1f, "width %g at scale 1, %g at scale 2", (double)w1, (double)w2);
    CHECK(fabsf(m1.height(m1.ctx, GS_FONT_UI) - m2.height(m2.ctx, GS_FONT_UI)) <= 1.0f, "heights differ");
    frame_close(&f1);
    frame_close(&f2);
}

static double now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static float rnd(uint32_t *seed, uint32_t n)
{
    *seed = *seed * 1103515245u + 12345u;
    return (float)((*seed >> 8) % n);
}

/* The median of RUNS executions of `l` (after one warm-up frame, as every
 * frame after the first runs on a warm glyph cache). */
static double median_frame_ms(Frame *f)
{
    enum { RUNS = 15 };
    double ms[RUNS];
    frame_draw(f);
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        frame_draw(f);
        ms[i] = now_ms() - t0;
    }
    qsort(ms, RUNS, sizeof *ms, cmp_double);
    return ms[RUNS / 2];
}

/* DESIGN.md's budget is 16 ms per frame at 1280×800 in the software
 * renderer with 1,000 visible objects; the bench measures it.  Here we
 * print the median and only fail on something absurd, since test machines
 * are noisy.  The frame looks like a busy heap view: panels, generation
 * bands, 1,000 objects in a grid (box, outline, refcount badge, label),
 * 1,000 curved edges with arrowheads, and ticks, markers and highlights up
 * to 10,000 commands. */
static void test_a_busy_frame_renders_fast(void)
{
    Frame f;
    if (!frame_open(&f, 1280, 800, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_DrawList *l = &f.list;
    uint32_t seed = 12345;
    gs_Color panel = {0xF4, 0xF5, 0xF7, 255}, border = {0xC9, 0xCE, 0xD6, 255}, ink = {0x1F, 0x23, 0x28, 255};
    gs_Color accent = {0x2F, 0x6F, 0xEB, 255}, edge = {0x57, 0x60, 0x6A, 255};
    gs_draw_rect(l, (gs_Rect){0, 0, 1280, 800}, panel, 0, 0);
    for (int b = 0; b < 4; b++) {
        gs_Color band = {(uint8_t)(0xE8 + b * 4), (uint8_t)(0xF1 - b * 3), 0xFF, 255};
        gs_draw_rect(l, (gs_Rect){(float)b * 320, 20, 320, 760}, band, 0, 0);
        gs_draw_rect_line(l, (gs_Rect){(float)b * 320, 20, 320, 760}, border, 0, 1, 0);
    }
    int labels = 0;
    char buf[32];
    for (int i = 0; i < 1000; i++) { /* 40 × 25 objects, 32 × 30 px cells */
        float x = 8 + (float)(i % 40) * 31.5f, y = 30 + (float)(i / 40) * 30;
        gs_draw_rect(l, (gs_Rect){x, y, 26, 18}, (gs_Color){255, 255, 255, 255}, 4, (uint32_t)i);
        gs_draw_rect_line(l, (gs_Rect){x, y, 26, 18}, accent, 4, 1, (uint32_t)i);
        int n = snprintf(buf, sizeof buf, "%d", i);
        gs_draw_text(l, GS_FONT_SMALL, x + 3, y + 3, buf, (size_t)n, ink, (uint32_t)i);
        labels++;
        gs_draw_circle(l, x + 26, y, 4, accent, (uint32_t)i);
    }
    for (int i = 0; i < 1000; i++) { /* edges to objects a few cells away */
        int j = (i + 1 + (int)rnd(&seed, 5) + 40 * (int)rnd(&seed, 3)) % 1000;
        float x0 = 8 + (float)(i % 40) * 31.5f + 13, y0 = 30 + (float)(i / 40) * 30 + 18;
        float x1 = 8 + (float)(j % 40) * 31.5f + 13, y1 = 30 + (float)(j / 40) * 30;
        float cx = (x0 + x1) / 2 + 20, cy = (y0 + y1) / 2;
        gs_draw_curve(l, x0, y0, cx, cy, x1, y1 - 6, edge, 1.5f, (uint32_t)i);
        gs_draw_triangle(l, x1, y1, x1 - 3, y1 - 7, x1 + 3, y1 - 7, edge, (uint32_t)i);
    }
    for (int i = 0; l->n < 10000; i++) { /* ticks, markers, highlights */
        float x = rnd(&seed, 1260), y = rnd(&seed, 780);
        switch (i % 4) {
        case 0: gs_draw_line(l, x, 790, x, 798, border, 1, 0); break;
        case 1: gs_draw_rect(l, (gs_Rect){x, y, 6, 6}, accent, 0, 0); break;
        case 2: gs_draw_circle(l, x, y, 2.5f, edge, 0); break;
        default: gs_draw_rect(l, (gs_Rect){x, y, 14, 10}, (gs_Color){0xFF, 0xD0, 0x40, 90}, 2, 0); break;
        }
    }
    double heap = median_frame_ms(&f);
    frame_keep(&f, "busy_frame");
    printf("busy frame: %zu commands, %d text labels, 1280x800 software renderer: median %.2f ms\n", l->n, labels,
           heap);
    CHECK(heap < 5000.0, "median %.1f ms (a hang guard: speed is the bench's business)", heap);

    /* a stress frame: random commands all over the screen, with heavy
     * overdraw (each box covers 2,400 px, lines cross the whole screen) */
    gs_draw_reset(l);
    labels = 0;
    for (int i = 0; l->n < 10000; i++) {
        float x = rnd(&seed, 1200), y = rnd(&seed, 760);
        gs_Color c = {(uint8_t)rnd(&seed, 256), (uint8_t)rnd(&seed, 256), (uint8_t)rnd(&seed, 256), 255};
        switch (i % 9) {
        case 0:
            if (labels < 1000) {
                int n = snprintf(buf, sizeof buf, "obj_%d rc=%d", i, i % 7);
                gs_draw_text(l, (gs_FontId)(i % GS_FONT_COUNT), x, y, buf, (size_t)n, c, (uint32_t)i);
                labels++;
            }
            break;
        case 1: gs_draw_rect(l, (gs_Rect){x, y, 80, 30}, c, 6, (uint32_t)i); break;
        case 2: gs_draw_rect_line(l, (gs_Rect){x, y, 80, 30}, c, 6, 1.5f, (uint32_t)i); break;
        case 3: gs_draw_line(l, x, y, rnd(&seed, 1280), rnd(&seed, 800), c, 1.5f, (uint32_t)i); break;
        case 4: gs_draw_triangle(l, x, y, x + 9, y + 4, x, y + 9, c, (uint32_t)i); break;
        case 5: gs_draw_circle(l, x, y, 9, c, (uint32_t)i); break;
        case 6: gs_draw_curve(l, x, y, x + 60, y - 40, x + rnd(&seed, 200), y + rnd(&seed, 200), c, 1.5f, 0); break;
        case 7: gs_draw_rect(l, (gs_Rect){x, y, 20, 12}, (gs_Color){c.r, c.g, c.b, 160}, 0, (uint32_t)i); break;
        default: gs_draw_line(l, x, y, x + 40, y, c, 1, (uint32_t)i); break;
        }
    }
    double stress = median_frame_ms(&f);
    frame_keep(&f, "stress_frame");
    printf("stress frame: %zu random commands, %d text labels, heavy overdraw: median %.2f ms\n", l->n, labels,
           stress);
    CHECK(stress < 5000.0, "median %.1f ms (a hang guard)", stress);
    frame_close(&f);
}

/* ------------------------------------------------------------------ draw list */

static void test_draw_list_copies_text_and_resets(void)
{
    gs_DrawList l;
    gs_draw_init(&l);
    char s[] = "label";
    gs_draw_text(&l, GS_FONT_UI, 1, 2, s, 5, WHITE, 42);
    s[0] = 'X';
    CHECK(l.n == 1 && strcmp(gs_draw_text_of(&l, &l.cmds[0]), "label") == 0, "text not copied: '%s'",
          gs_draw_text_of(&l, &l.cmds[0]));
    CHECK(l.cmds[0].tag == 42 && l.cmds[0].text_len == 5 && l.cmds[0].kind == GS_DRAW_TEXT, "command fields");
    for (int i = 0; i < 5000; i++)
        gs_draw_text(&l, GS_FONT_MONO, 0, 0, "growing", 7, WHITE, (uint32_t)i);
    CHECK(l.n == 5001 && strcmp(gs_draw_text_of(&l, &l.cmds[5000]), "growing") == 0, "growth");
    CHECK(strcmp(gs_draw_text_of(&l, &l.cmds[0]), "label") == 0, "early text moved");
    gs_draw_reset(&l);
    CHECK(l.n == 0 && l.ntext == 0 && l.cap >= 5001, "reset keeps memory, drops commands");
    gs_draw_rect(&l, (gs_Rect){1, 2, 3, 4}, RED, 0, 7);
    CHECK(l.n == 1 && l.cmds[0].kind == GS_DRAW_RECT && l.cmds[0].rect.w == 3, "rect after reset");
    gs_draw_free(&l);
    CHECK(l.cmds == NULL && l.n == 0, "free");
}

/* ------------------------------------------------------------------ platform */

static SDL_Event key_event(SDL_Keycode k, Uint16 mod)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    e.key.keysym.mod = mod;
    return e;
}

static void test_sdl_events_translate_to_input_records(void)
{
    gs_Input in;
    SDL_Event e = key_event(SDLK_F5, KMOD_LSHIFT);
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_KEY && in.key == GS_KEY_F5 && in.mods == GS_MOD_SHIFT,
          "Shift+F5");
    e = key_event(SDLK_F11, KMOD_NONE);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_F11 && in.mods == 0, "F11");
    e = key_event(SDLK_LEFT, KMOD_RCTRL);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_LEFT && in.mods == GS_MOD_CTRL, "Ctrl+Left");
    e = key_event(SDLK_g, KMOD_NONE);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_A + ('g' - 'a'), "g");
    e = key_event(SDLK_s, KMOD_LCTRL);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_A + ('s' - 'a') && in.mods == GS_MOD_CTRL, "Ctrl+S");
    e = key_event(SDLK_7, KMOD_NONE);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_0 + 7, "7");
    e = key_event(SDLK_SLASH, KMOD_LSHIFT);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_QUESTION, "?");
    e = key_event(SDLK_SLASH, KMOD_NONE);
    CHECK(!gs_platform_translate(&e, &in), "plain / is no key the UI knows");
    e = key_event(SDLK_EQUALS, KMOD_LSHIFT);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_PLUS, "+");
    e = key_event(SDLK_KP_MINUS, KMOD_NONE);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_MINUS, "keypad -");
    e = key_event(SDLK_SPACE, KMOD_NONE);
    CHECK(gs_platform_translate(&e, &in) && in.key == GS_KEY_SPACE, "space");

    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_RIGHT;
    e.button.x = 120;
    e.button.y = 45;
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_MOUSE_DOWN && in.button == 3 && in.x == 120 &&
              in.y == 45,
          "right button down");
    e.type = SDL_MOUSEBUTTONUP;
    e.button.button = SDL_BUTTON_LEFT;
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_MOUSE_UP && in.button == 1, "left button up");
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = 7;
    e.motion.y = 9;
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_MOUSE_MOVE && in.x == 7 && in.y == 9, "motion");
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = -1;
    e.wheel.preciseY = -1.0f;
    e.wheel.mouseX = 300;
    e.wheel.mouseY = 200;
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_WHEEL && in.dy == -1.0f && in.x == 300 && in.y == 200,
          "wheel");
    e.wheel.direction = SDL_MOUSEWHEEL_FLIPPED;
    CHECK(gs_platform_translate(&e, &in) && in.dy == 1.0f, "flipped wheel");
    memset(&e, 0, sizeof e);
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
    e.window.data1 = 1024;
    e.window.data2 = 700;
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_RESIZE && in.w == 1024 && in.h == 700, "resize");
    memset(&e, 0, sizeof e);
    e.type = SDL_DROPFILE;
    char path[] = "/tmp/scenario.py";
    e.drop.file = path;
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_DROP_FILE && strcmp(in.text, path) == 0, "drop");
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    strcpy(e.text.text, "?");
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_TEXT && strcmp(in.text, "?") == 0, "text");
    memset(&e, 0, sizeof e);
    e.type = SDL_QUIT;
    CHECK(gs_platform_translate(&e, &in) && in.kind == GS_IN_QUIT, "quit");
    memset(&e, 0, sizeof e);
    e.type = SDL_JOYAXISMOTION;
    CHECK(!gs_platform_translate(&e, &in), "joystick ignored");
}

static bool dir_has_tmp(const char *dir)
{
    DIR *d = opendir(dir);
    bool found = false;
    struct dirent *de;
    while (d && (de = readdir(d)))
        if (strstr(de->d_name, ".tmp"))
            found = true;
    if (d)
        closedir(d);
    return found;
}

static void test_png_is_written_atomically(void)
{
    Frame f;
    if (!frame_open(&f, 320, 200, 1.0f)) {
        CHECK(false, "no frame");
        return;
    }
    gs_draw_rect(&f.list, (gs_Rect){10, 10, 30, 30}, RED, 0, 1);
    frame_draw(&f);
    char dir[] = "/tmp/gcscope-test-render-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    char path[256], err[512];
    snprintf(path, sizeof path, "%s/shot.png", dir);
    FILE *old = fopen(path, "w"); /* an older file is replaced whole */
    if (old) {
        fputs("old", old);
        fclose(old);
    }
    CHECK(gs_platform_save_png(f.surface, path, err, sizeof err) == 0, "save: %s", err);
    SDL_Surface *back = IMG_Load(path);
    CHECK(back && back->w == 320 && back->h == 200, "read back: %s", back ? "wrong size" : IMG_GetError());
    if (back) {
        SDL_Surface *rgba = SDL_ConvertSurfaceFormat(back, SDL_PIXELFORMAT_RGBA32, 0);
        if (rgba) {
            const uint8_t *p = (const uint8_t *)rgba->pixels + 20 * rgba->pitch + 20 * 4;
            CHECK(p[0] == RED.r && p[1] == RED.g && p[2] == RED.b, "PNG pixel %d,%d,%d", p[0], p[1], p[2]);
            SDL_FreeSurface(rgba);
        }
        SDL_FreeSurface(back);
    }
    CHECK(!dir_has_tmp(dir), "temporary file left behind");
    /* failure: a directory that does not exist; the message names the path */
    char bad[300];
    snprintf(bad, sizeof bad, "%s/missing/shot.png", dir);
    err[0] = '\0';
    CHECK(gs_platform_save_png(f.surface, bad, err, sizeof err) != 0 && strstr(err, bad), "bad path: '%s'", err);
    /* failure: the target is a directory, so rename fails after the PNG was written */
    char isdir[300];
    snprintf(isdir, sizeof isdir, "%s/adir", dir);
    mkdir(isdir, 0777);
    CHECK(gs_platform_save_png(f.surface, isdir, err, sizeof err) != 0, "saving over a directory succeeded");
    CHECK(!dir_has_tmp(dir), "temporary file left behind after a failure");
    rmdir(isdir);
    unlink(path);
    rmdir(dir);
    frame_close(&f);
}

static void test_fonts_are_found_and_overrides_checked(void)
{
    gs_FontPaths p;
    char err[512] = "";
    CHECK(gs_fonts_find(&p, err, sizeof err) == 0 && p.regular[0] && p.bold[0] && p.mono[0], "find: %s", err);
    CHECK(access(p.regular, R_OK) == 0 && access(p.mono, R_OK) == 0, "unreadable: %s %s", p.regular, p.mono);
    setenv("GCSCOPE_FONT", "/nonexistent/font.ttf", 1);
    CHECK(gs_fonts_find(&p, err, sizeof err) != 0 && strstr(err, "GCSCOPE_FONT") && strstr(err, "/nonexistent"),
          "bad override: '%s'", err);
    setenv("GCSCOPE_FONT", fonts.mono, 1);
    CHECK(gs_fonts_find(&p, err, sizeof err) == 0 && strcmp(p.regular, fonts.mono) == 0 && p.synth_bold,
          "override: %s", err);
    unsetenv("GCSCOPE_FONT");
}

int main(void)
{
    char err[512];
    if (gs_fonts_find(&fonts, err, sizeof err) != 0) {
        printf("fonts: %s\n0 passed, 1 failed\n", err);
        return 1;
    }
    test_background_shows_where_nothing_is_drawn();
    test_shapes_cover_what_they_should();
    test_translucent_shapes_blend_once();
    test_clip_limits_drawing();
    test_text_draws_inside_its_measured_box();
    test_text_metrics_add_up();
    test_identical_lists_give_identical_pixels();
    test_glyph_cache_renders_each_glyph_once();
    test_hidpi_scales_logical_coordinates();
    test_a_busy_frame_renders_fast();
    test_draw_list_copies_text_and_resets();
    test_sdl_events_translate_to_input_records();
    test_png_is_written_atomically();
    test_fonts_are_found_and_overrides_checked();
    IMG_Quit();
    SDL_Quit();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
