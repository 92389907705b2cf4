/*
 * draw.h — the seam between the GUI's logic and its pixels (microui/lite
 * style).  The UI emits a list of draw commands and never touches SDL; the
 * render layer (render.c) is the only code that calls SDL_Renderer, and
 * executes the list.  Tests assert on the command list with no display.
 *
 * Text is measured through gs_TextMetrics, a callback table, so the UI can
 * lay out text with a real font (render layer) or a fixed-width fake
 * (tests).  All coordinates are in logical pixels; the render layer applies
 * the HiDPI scale.
 *
 * Ownership: a gs_DrawList owns its command array and the text bytes the
 * commands point into; gs_draw_reset empties it for the next frame without
 * freeing; gs_draw_free releases everything.
 */
#ifndef GS_DRAW_H
#define GS_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gs_Color {
    uint8_t r, g, b, a;
} gs_Color;

typedef struct gs_Rect {
    float x, y, w, h;
} gs_Rect;

typedef enum gs_FontId {
    GS_FONT_UI,       /* proportional, normal size */
    GS_FONT_UI_BOLD,
    GS_FONT_SMALL,    /* proportional, small (badges, edge labels) */
    GS_FONT_MONO,     /* monospace (source code, output) */
    GS_FONT_TITLE,    /* larger, bold (panel titles, lesson title) */
    GS_FONT_COUNT
} gs_FontId;

typedef enum gs_DrawKind {
    GS_DRAW_RECT,        /* filled rectangle, optional corner radius */
    GS_DRAW_RECT_LINE,   /* rectangle outline of `thickness` */
    GS_DRAW_LINE,        /* segment x0,y0 -> x1,y1 of `thickness` */
    GS_DRAW_TRIANGLE,    /* filled triangle (arrowheads): x0..y2 */
    GS_DRAW_CIRCLE,      /* filled circle at x0,y0 radius r */
    GS_DRAW_TEXT,        /* text (UTF-8) with its top-left at x0,y0 */
    GS_DRAW_CLIP,        /* set the clip rectangle (w <= 0: no clip) */
    GS_DRAW_CURVE        /* quadratic Bézier x0,y0 -> (x1,y1 control) -> x2,y2 of `thickness` */
} gs_DrawKind;

typedef struct gs_DrawCmd {
    uint8_t kind;        /* gs_DrawKind */
    uint8_t font;        /* gs_FontId, for text */
    uint16_t text_len;
    gs_Color color;
    float x0, y0, x1, y1, x2, y2;
    float radius;        /* corner radius (rects), radius (circles) */
    float thickness;
    gs_Rect rect;        /* rects and clips */
    uint32_t text_off;   /* offset of the text in the list's text buffer */
    uint32_t tag;        /* what the command draws (object id, widget id) for tests and hit-testing */
} gs_DrawCmd;

typedef struct gs_DrawList {
    gs_DrawCmd *cmds;
    size_t n, cap;
    char *text;
    size_t ntext, captext;
} gs_DrawList;

void gs_draw_init(gs_DrawList *l);
void gs_draw_reset(gs_DrawList *l);
void gs_draw_free(gs_DrawList *l);

void gs_draw_rect(gs_DrawList *l, gs_Rect r, gs_Color c, float radius, uint32_t tag);
void gs_draw_rect_line(gs_DrawList *l, gs_Rect r, gs_Color c, float radius, float thickness, uint32_t tag);
void gs_draw_line(gs_DrawList *l, float x0, float y0, float x1, float y1, gs_Color c, float thickness, uint32_t tag);
void gs_draw_curve(gs_DrawList *l, float x0, float y0, float cx, float cy, float x1, float y1, gs_Color c,
                   float thickness, uint32_t tag);
void gs_draw_triangle(gs_DrawList *l, float x0, float y0, float x1, float y1, float x2, float y2, gs_Color c,
                      uint32_t tag);
void gs_draw_circle(gs_DrawList *l, float x, float y, float r, gs_Color c, uint32_t tag);
void gs_draw_text(gs_DrawList *l, gs_FontId font, float x, float y, const char *s, size_t len, gs_Color c,
                  uint32_t tag);
void gs_draw_clip(gs_DrawList *l, gs_Rect r);
const char *gs_draw_text_of(const gs_DrawList *l, const gs_DrawCmd *c);

/* Text measurement: the render layer provides a real one, tests a fake. */
typedef struct gs_TextMetrics {
    void *ctx;
    float (*width)(void *ctx, gs_FontId font, const char *s, size_t len);
    float (*height)(void *ctx, gs_FontId font); /* line height */
} gs_TextMetrics;

/* ------------------------------------------------------------------ input records
 * SDL events are translated into these before the UI sees them (lite-style),
 * so tests can feed input with no display. */
typedef enum gs_InputKind {
    GS_IN_NONE,
    GS_IN_KEY,           /* key + mods */
    GS_IN_TEXT,          /* typed text (UTF-8 in text) */
    GS_IN_MOUSE_DOWN,    /* x, y, button */
    GS_IN_MOUSE_UP,
    GS_IN_MOUSE_MOVE,    /* x, y */
    GS_IN_WHEEL,         /* x, y (position), dy (scroll) */
    GS_IN_RESIZE,        /* w, h */
    GS_IN_DROP_FILE,     /* text = path */
    GS_IN_QUIT
} gs_InputKind;

/* Keys the UI knows, independent of SDL's keycodes. */
typedef enum gs_Key {
    GS_KEY_NONE, GS_KEY_LEFT, GS_KEY_RIGHT, GS_KEY_UP, GS_KEY_DOWN, GS_KEY_HOME, GS_KEY_END,
    GS_KEY_PAGEUP, GS_KEY_PAGEDOWN, GS_KEY_SPACE, GS_KEY_ENTER, GS_KEY_ESCAPE, GS_KEY_TAB, GS_KEY_BACKSPACE,
    GS_KEY_F1, GS_KEY_F2, GS_KEY_F3, GS_KEY_F4, GS_KEY_F5, GS_KEY_F6, GS_KEY_F7, GS_KEY_F8, GS_KEY_F9,
    GS_KEY_F10, GS_KEY_F11, GS_KEY_F12, GS_KEY_PLUS, GS_KEY_MINUS, GS_KEY_QUESTION,
    GS_KEY_A, /* letters are GS_KEY_A + (c - 'a') */
    GS_KEY_Z = GS_KEY_A + 25,
    GS_KEY_0, /* digits are GS_KEY_0 + (c - '0') */
    GS_KEY_9 = GS_KEY_0 + 9,
    GS_KEY_COUNT
} gs_Key;

enum { GS_MOD_SHIFT = 1, GS_MOD_CTRL = 2, GS_MOD_ALT = 4 };

typedef struct gs_Input {
    uint8_t kind;        /* gs_InputKind */
    uint8_t button;      /* 1 left, 2 middle, 3 right */
    uint16_t key;        /* gs_Key */
    uint8_t mods;
    float x, y, dy;
    int w, h;
    char text[512];
} gs_Input;

#endif
