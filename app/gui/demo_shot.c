/*
 * demo_shot.c — `gcscope demo-shot`: one sample frame drawn through draw.h,
 * rendered with no display and saved as a PNG.  It proves the pipeline end
 * to end (fonts → draw list → render layer → software renderer → PNG) until
 * the real UI replaces the drawing in sample_frame().
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>

#include "demo_shot.h"
#include "draw.h"
#include "fonts.h"
#include "platform.h"
#include "render.h"

#define RGB(r, g, b) ((gs_Color){r, g, b, 255})

static const gs_Color BG = RGB(0xF4, 0xF5, 0xF7), PANEL = RGB(0xFF, 0xFF, 0xFF), BORDER = RGB(0xC9, 0xCE, 0xD6),
                      INK = RGB(0x1F, 0x23, 0x28), MUTED = RGB(0x6A, 0x73, 0x7D), ACCENT = RGB(0x2F, 0x6F, 0xEB),
                      TOOLBAR = RGB(0x24, 0x29, 0x2F), EDGE = RGB(0x57, 0x60, 0x6A), GEN0 = RGB(0xE8, 0xF1, 0xFF),
                      GEN1 = RGB(0xEF, 0xF8, 0xEA), GEN2 = RGB(0xFB, 0xF3, 0xE4), RED = RGB(0xCF, 0x22, 0x2E),
                      GREEN = RGB(0x1A, 0x7F, 0x37), WHITE = RGB(0xFF, 0xFF, 0xFF);

typedef struct Ctx {
    gs_DrawList *l;
    gs_TextMetrics tm;
} Ctx;

static void text(Ctx *c, gs_FontId f, float x, float y, const char *s, gs_Color col)
{
    gs_draw_text(c->l, f, x, y, s, strlen(s), col, 0);
}

static float text_w(Ctx *c, gs_FontId f, const char *s)
{
    return c->tm.width(c->tm.ctx, f, s, strlen(s));
}

static void text_centered(Ctx *c, gs_FontId f, gs_Rect r, const char *s, gs_Color col)
{
    float w = text_w(c, f, s), h = c->tm.height(c->tm.ctx, f);
    text(c, f, floorf(r.x + (r.w - w) / 2), floorf(r.y + (r.h - h) / 2), s, col);
}

static void panel(Ctx *c, gs_Rect r, const char *title)
{
    gs_draw_rect(c->l, r, PANEL, 0, 0);
    gs_draw_rect_line(c->l, r, BORDER, 0, 1, 0);
    gs_draw_rect(c->l, (gs_Rect){r.x + 1, r.y + 1, r.w - 2, 24}, RGB(0xEA, 0xEE, 0xF2), 0, 0);
    gs_draw_line(c->l, r.x, r.y + 25, r.x + r.w, r.y + 25, BORDER, 1, 0);
    text(c, GS_FONT_UI_BOLD, r.x + 8, r.y + 4, title, INK);
}

/* An arrowhead at (x, y) pointing along (dx, dy). */
static void arrowhead(Ctx *c, float x, float y, float dx, float dy, gs_Color col)
{
    float len = sqrtf(dx * dx + dy * dy);
    if (len == 0)
        return;
    dx /= len, dy /= len;
    float bx = x - dx * 9, by = y - dy * 9;
    gs_draw_triangle(c->l, x, y, bx - dy * 4.5f, by + dx * 4.5f, bx + dy * 4.5f, by - dx * 4.5f, col, 0);
}

/* A quadratic curve from (x0, y0) via control (cx, cy) to an arrowhead at
 * (x1, y1); the stroke stops at the arrowhead's base so the tip stays sharp. */
static void curve_arrow(Ctx *c, float x0, float y0, float cx, float cy, float x1, float y1)
{
    float tx = x1 - cx, ty = y1 - cy, tl = sqrtf(tx * tx + ty * ty);
    gs_draw_curve(c->l, x0, y0, cx, cy, x1 - tx / tl * 8, y1 - ty / tl * 8, EDGE, 1.5f, 0);
    arrowhead(c, x1, y1, tx, ty, EDGE);
}

/* A curved edge from (x0, y0) to (x1, y1) bending by `bend`, with a label. */
static void edge(Ctx *c, float x0, float y0, float x1, float y1, float bend, const char *label)
{
    float mx = (x0 + x1) / 2, my = (y0 + y1) / 2, dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    float cx = mx - dy / len * bend, cy = my + dx / len * bend;
    curve_arrow(c, x0, y0, cx, cy, x1, y1);
    if (label) {
        float lx = (x0 + 2 * cx + x1) / 4, ly = (y0 + 2 * cy + y1) / 4, w = text_w(c, GS_FONT_SMALL, label);
        gs_draw_rect(c->l, (gs_Rect){lx - w / 2 - 3, ly - 8, w + 6, 15}, RGB(0xFF, 0xFF, 0xFF), 3, 0);
        text(c, GS_FONT_SMALL, lx - w / 2, ly - 7, label, MUTED);
    }
}

/* A heap object: a rounded box with its type, summary and refcount badge. */
static void node(Ctx *c, gs_Rect r, const char *type, const char *summary, int rc, bool garbage)
{
    gs_draw_rect(c->l, (gs_Rect){r.x + 2, r.y + 3, r.w, r.h}, (gs_Color){0, 0, 0, 28}, 6, 0); /* shadow */
    gs_draw_rect(c->l, r, garbage ? RGB(0xE6, 0xE6, 0xE6) : WHITE, 6, 0);
    gs_draw_rect_line(c->l, r, garbage ? RGB(0x9A, 0x9A, 0x9A) : ACCENT, 6, 1.5f, 0);
    text(c, GS_FONT_UI_BOLD, r.x + 9, r.y + 6, type, garbage ? MUTED : INK);
    text(c, GS_FONT_MONO, r.x + 9, r.y + 25, summary, garbage ? MUTED : INK);
    char badge[16];
    snprintf(badge, sizeof badge, "%d", rc);
    float bx = r.x + r.w - 2, by = r.y + 2;
    gs_draw_circle(c->l, bx, by, 10, rc ? ACCENT : RED, 0);
    text_centered(c, GS_FONT_SMALL, (gs_Rect){bx - 10, by - 10, 20, 20}, badge, WHITE);
}

static void sample_frame(Ctx *c, float W, float H)
{
    gs_DrawList *l = c->l;
    gs_draw_rect(l, (gs_Rect){0, 0, W, H}, BG, 0, 0);

    /* toolbar */
    gs_draw_rect(l, (gs_Rect){0, 0, W, 36}, TOOLBAR, 0, 0);
    text(c, GS_FONT_TITLE, 12, 8, "gcscope", WHITE);
    text(c, GS_FONT_UI, 100, 10, "03 · Reference cycles \u25BE", RGB(0xD0, 0xD7, 0xDE));
    const char *buttons[] = {"|\u25C0", "\u25C0\u25C0", "\u25C0", "\u25B6", "\u25B6\u25B6", "\u25B6|"};
    float bx = 320;
    for (int i = 0; i < 6; i++) {
        gs_Rect b = {bx, 6, 34, 24};
        gs_draw_rect(l, b, i == 3 ? ACCENT : RGB(0x3A, 0x41, 0x49), 4, 0);
        text_centered(c, GS_FONT_UI, b, buttons[i], WHITE);
        bx += 40;
    }
    text(c, GS_FONT_UI, bx + 12, 10, "granularity: event \u00B7 line \u00B7 gc-phase", RGB(0xD0, 0xD7, 0xDE));

    float top = 44, bottom = H - 30, left_w = W * 0.26f, right_w = W * 0.22f;
    float mid_x = 8 + left_w + 8, mid_w = W - left_w - right_w - 32;

    /* source */
    gs_Rect src = {8, top, left_w, bottom - top - 120};
    panel(c, src, "SOURCE");
    const char *lines[] = {"import gc", "", "class Node:", "    def __init__(self):", "        self.next = None",
                           "", "a = Node()", "b = Node()", "a.next = b", "b.next = a", "del a, b",
                           "gc.collect()"};
    gs_draw_clip(l, src);
    for (int i = 0; i < 12; i++) {
        float y = src.y + 32 + (float)i * 19;
        if (i == 9)
            gs_draw_rect(l, (gs_Rect){src.x + 1, y - 2, src.w - 2, 19}, RGB(0xFF, 0xF4, 0xC2), 0, 0);
        char num[8];
        snprintf(num, sizeof num, "%2d", i + 1);
        text(c, GS_FONT_MONO, src.x + 16, y, num, MUTED);
        text(c, GS_FONT_MONO, src.x + 44, y, lines[i], INK);
    }
    gs_draw_circle(l, src.x + 9, src.y + 32 + 9 * 19 + 8, 4, RED, 0); /* a breakpoint */
    gs_draw_clip(l, (gs_Rect){0, 0, 0, 0});

    /* heap */
    gs_Rect heap = {mid_x, top, mid_w, bottom - top - 120};
    panel(c, heap, "HEAP");
    float band_y = heap.y + 26, band_h = heap.h - 27, frames_w = 120;
    const char *bands[] = {"gen 0", "gen 1", "gen 2"};
    const gs_Color band_col[] = {GEN0, GEN1, GEN2};
    float band_w = (heap.w - frames_w - 2) / 3;
    text(c, GS_FONT_SMALL, heap.x + 8, band_y + 6, "frames (roots)", MUTED);
    for (int i = 0; i < 3; i++) {
        float x = heap.x + 1 + frames_w + band_w * (float)i;
        gs_draw_rect(l, (gs_Rect){x, band_y, band_w, band_h}, band_col[i], 0, 0);
        gs_draw_line(l, x, band_y, x, band_y + band_h, BORDER, 1, 0);
        text(c, GS_FONT_SMALL, x + 8, band_y + 6, bands[i], MUTED);
    }
    /* a frame with two names */
    gs_Rect fr = {heap.x + 10, band_y + 30, frames_w - 20, 64};
    gs_draw_rect(l, fr, WHITE, 4, 0);
    gs_draw_rect_line(l, fr, BORDER, 4, 1, 0);
    text(c, GS_FONT_SMALL, fr.x + 6, fr.y + 4, "<module>", MUTED);
    text(c, GS_FONT_MONO, fr.x + 8, fr.y + 22, "a", INK);
    text(c, GS_FONT_MONO, fr.x + 8, fr.y + 42, "b", INK);
    gs_draw_circle(l, fr.x + fr.w - 10, fr.y + 29, 3, EDGE, 0);
    gs_draw_circle(l, fr.x + fr.w - 10, fr.y + 49, 3, EDGE, 0);

    float g0 = heap.x + 1 + frames_w;
    gs_Rect na = {g0 + 24, band_y + 40, 130, 46}, nb = {g0 + 60, band_y + 150, 130, 46};
    gs_Rect nl = {g0 + band_w + 24, band_y + 90, 124, 46}, nd = {g0 + 2 * band_w + 20, band_y + 120, 120, 46};
    node(c, na, "Node", "a", 2, false);
    node(c, nb, "Node", "b", 2, false);
    node(c, nl, "list", "[1, 2, 3]", 1, false);
    node(c, nd, "dict", "{'k': …}", 0, true);
    edge(c, fr.x + fr.w - 10, fr.y + 29, na.x, na.y + 20, 10, NULL);
    edge(c, fr.x + fr.w - 10, fr.y + 49, nb.x, nb.y + 20, -20, NULL);
    edge(c, na.x + 90, na.y + na.h, nb.x + 100, nb.y, 25, ".next");
    edge(c, nb.x + 20, nb.y, na.x + 30, na.y + na.h, 25, ".next");
    edge(c, na.x + na.w, na.y + 30, nl.x, nl.y + 24, -12, "[0]");
    /* a self-loop: out of the right side, back into the bottom */
    curve_arrow(c, nd.x + nd.w, nd.y + 30, nd.x + nd.w + 40, nd.y + nd.h + 40, nd.x + nd.w - 30, nd.y + nd.h);
    text(c, GS_FONT_SMALL, nd.x + nd.w - 34, nd.y + nd.h + 22, "['self']", MUTED);

    /* narration */
    gs_Rect nar = {8, bottom - 112, left_w + 8 + mid_w, 112};
    panel(c, nar, "NARRATION");
    text(c, GS_FONT_UI, nar.x + 10, nar.y + 34,
         "b.next = a: the two Node objects now refer to each other.", INK);
    text(c, GS_FONT_UI, nar.x + 10, nar.y + 56,
         "After del a, b each refcount drops to 1, never 0 \u2014 only the cycle collector can free them.",
         INK);
    text(c, GS_FONT_UI_BOLD, nar.x + 10, nar.y + 82, "refcount  +1", GREEN);
    text(c, GS_FONT_UI_BOLD, nar.x + 120, nar.y + 82, "refcount  \u22121", RED);

    /* gc panel with count/threshold bars */
    gs_Rect gc = {W - right_w - 8, top, right_w, bottom - top};
    panel(c, gc, "GC");
    const int counts[] = {412, 7, 2}, thresholds[] = {700, 10, 10};
    const gs_Color bar_col[] = {ACCENT, GREEN, RGB(0xBF, 0x87, 0x00)};
    for (int i = 0; i < 3; i++) {
        float y = gc.y + 38 + (float)i * 44;
        char buf[64];
        snprintf(buf, sizeof buf, "gen %d   %d / %d", i, counts[i], thresholds[i]);
        text(c, GS_FONT_UI, gc.x + 10, y, buf, INK);
        gs_Rect bar = {gc.x + 10, y + 20, gc.w - 20, 10};
        gs_draw_rect(l, bar, RGB(0xEA, 0xEE, 0xF2), 5, 0);
        gs_draw_rect(l, (gs_Rect){bar.x, bar.y, bar.w * (float)counts[i] / (float)thresholds[i], bar.h}, bar_col[i],
                     5, 0);
    }
    text(c, GS_FONT_UI_BOLD, gc.x + 10, gc.y + 180, "INSPECTOR", INK);
    gs_draw_line(l, gc.x + 10, gc.y + 200, gc.x + gc.w - 10, gc.y + 200, BORDER, 1, 0);
    const char *insp[] = {"Node at 0x7f3a…c0", "refcount  2", "referrers  <module>.a, Node.next",
                          "generation  0", "tracked  yes"};
    for (int i = 0; i < 5; i++)
        text(c, i ? GS_FONT_UI : GS_FONT_MONO, gc.x + 10, gc.y + 208 + (float)i * 20, insp[i], i ? INK : ACCENT);

    /* status bar */
    gs_draw_rect(l, (gs_Rect){0, H - 24, W, 24}, RGB(0xEA, 0xEE, 0xF2), 0, 0);
    gs_draw_line(l, 0, H - 24, W, H - 24, BORDER, 1, 0);
    text(c, GS_FONT_SMALL, 10, H - 19, "event 128 / 342  \u00B7  line 10  \u00B7  60 FPS", MUTED);
    /* a translucent overlay to show alpha blending */
    gs_draw_rect(l, (gs_Rect){W - right_w - 8, H - 22, 140, 20}, (gs_Color){0x2F, 0x6F, 0xEB, 60}, 10, 0);
    text(c, GS_FONT_SMALL, W - right_w + 4, H - 19, "collecting gen 0 …", ACCENT);
}

int gs_demo_shot(const char *out_png, int w, int h)
{
    char err[512];
    gs_FontPaths fonts;
    if (gs_fonts_find(&fonts, err, sizeof err) != 0) {
        fprintf(stderr, "gcscope: %s\n", err);
        return -1;
    }
    SDL_Renderer *r;
    SDL_Surface *target;
    if (gs_platform_offscreen(w, h, &r, &target) != 0) {
        fprintf(stderr, "gcscope: %s\n", SDL_GetError());
        return -1;
    }
    int rc = -1;
    gs_Render *rd = gs_render_create(r, 1.0f, &fonts, err, sizeof err);
    if (rd) {
        gs_DrawList l;
        gs_draw_init(&l);
        Ctx c = {&l, gs_render_metrics(rd)};
        sample_frame(&c, (float)w, (float)h);
        gs_render_clear(rd, BG);
        gs_render_execute(rd, &l);
        rc = gs_platform_save_png(target, out_png, err, sizeof err);
        gs_draw_free(&l);
        gs_render_free(rd);
    }
    if (rc != 0)
        fprintf(stderr, "gcscope: %s\n", err);
    gs_platform_offscreen_close(r, target);
    IMG_Quit();
    return rc;
}

int gs_cmd_demo_shot(int argc, char **argv)
{
    const char *out = NULL;
    int w = 1280, h = 800;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            char *end;
            const char *s = argv[++i];
            long pw = strtol(s, &end, 10), ph = 0;
            if (end != s && (*end == 'x' || *end == 'X')) {
                const char *hs = end + 1;
                ph = strtol(hs, &end, 10);
                if (end == hs || *end)
                    ph = 0;
            }
            if (pw < 320 || ph < 200 || pw > 8192 || ph > 8192) {
                fprintf(stderr, "gcscope: demo-shot: --size wants WxH between 320x200 and 8192x8192, not '%s'\n", s);
                return 2;
            }
            w = (int)pw;
            h = (int)ph;
        } else {
            fprintf(stderr, "gcscope: demo-shot: unexpected argument '%s'\n"
                            "usage: gcscope demo-shot -o OUT.png [--size WxH]\n", argv[i]);
            return 2;
        }
    }
    if (!out) {
        fprintf(stderr, "usage: gcscope demo-shot -o OUT.png [--size WxH]\n");
        return 2;
    }
    return gs_demo_shot(out, w, h) == 0 ? 0 : 2;
}
