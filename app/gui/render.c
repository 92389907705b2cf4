/*
 * render.c — executes draw commands on an SDL_Renderer (see render.h).
 *
 * Shapes.  Every shape is scan-converted here into horizontal spans, one per
 * pixel row, sampled at pixel centres and half-open ([left, right)), and the
 * spans go to SDL_RenderFillRects; vertical runs of equal spans are merged,
 * so an axis-aligned rectangle is one rect and a rounded one a handful.  This
 * is what the software renderer does fastest, it never blends a pixel twice
 * within one shape (translucent shapes have no seams), and the picture is the
 * same on every SDL backend.  No anti-aliasing: edges are clean, not smooth.
 *
 * Text.  A glyph cache maps (font, code point) to a rectangle in a texture
 * atlas page, the glyph's ink offset from the pen and its advance.  A glyph
 * is rendered once, white, by TTF_RenderGlyph32_Blended, cropped to its ink
 * and uploaded; labels are drawn with one SDL_RenderCopy per visible glyph,
 * tinted by the texture's color and alpha mod.  When every page is full the
 * cache is emptied and refilled (SDL flushes queued copies before a texture
 * changes, so this is safe mid-frame).
 *
 * Invariants: the glyph hash table is at most half full; ascii[f][c] and the
 * hash table index the same glyph array; a glyph with page < 0 has no ink.
 */
#include "render.h"

#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ATLAS_SIZE = 1024, ATLAS_PAGES = 8, ATLAS_PAD = 1, KERN_UNKNOWN = INT8_MIN };

/* Logical pixel sizes, indexed by gs_FontId. */
static const float font_px[GS_FONT_COUNT] = {
    [GS_FONT_UI] = 14, [GS_FONT_UI_BOLD] = 14, [GS_FONT_SMALL] = 11, [GS_FONT_MONO] = 13, [GS_FONT_TITLE] = 16,
};

typedef struct Glyph {
    uint32_t key;          /* font << 21 | code point */
    int16_t page;          /* atlas page, -1: no ink (space, control) */
    uint16_t ax, ay, w, h; /* ink rectangle in the page */
    int16_t ox, oy;        /* ink offset from the pen x and the line top */
    int16_t advance;
    uint32_t kern;         /* code point to kern with; 0: none (controls, missing glyphs) */
} Glyph;

struct gs_Render {
    SDL_Renderer *sdl;
    float scale;
    gs_FontPaths paths;
    TTF_Font *font[GS_FONT_COUNT];
    int ascent[GS_FONT_COUNT], line_h[GS_FONT_COUNT];

    /* the atlas: pages[0..npages) exist; glyphs are packed on shelves of
     * the last page in use, cur_page */
    SDL_Texture *pages[ATLAS_PAGES];
    int npages, cur_page, shelf_x, shelf_y, shelf_h;

    /* the glyph cache */
    Glyph *glyphs;
    size_t nglyphs, capglyphs;
    int32_t *table; /* open addressing, -1 empty */
    size_t tabcap;
    int32_t ascii[GS_FONT_COUNT][128];
    int8_t kern_ascii[GS_FONT_COUNT][95][95];
    unsigned long renders;

    /* scratch, kept between frames */
    SDL_Rect *rects;
    size_t nrects, caprects;
    SDL_FPoint *pts;
    size_t cappts;
    float *rowbounds; /* fill_convex: caprows left bounds, then caprows right bounds */
    size_t caprows;

    /* per-execute state: the clip in output pixels */
    SDL_Rect clip;
};

float gs_render_font_size(gs_FontId font)
{
    return font < GS_FONT_COUNT ? font_px[font] : font_px[GS_FONT_UI];
}

/* ================================================================== glyph cache */

static void cache_clear(gs_Render *rd)
{
    rd->nglyphs = 0;
    if (rd->table)
        memset(rd->table, 0xff, rd->tabcap * sizeof *rd->table);
    memset(rd->ascii, 0xff, sizeof rd->ascii);
    memset(rd->kern_ascii, KERN_UNKNOWN & 0xff, sizeof rd->kern_ascii);
    rd->cur_page = 0;
    rd->shelf_x = rd->shelf_y = rd->shelf_h = 0;
}

static size_t hash_slot(uint32_t key, size_t cap)
{
    return (size_t)((key * 2654435761u) ^ (key >> 15)) & (cap - 1);
}

static int32_t cache_find(const gs_Render *rd, uint32_t key)
{
    if (!rd->tabcap)
        return -1;
    for (size_t i = hash_slot(key, rd->tabcap);; i = (i + 1) & (rd->tabcap - 1)) {
        int32_t g = rd->table[i];
        if (g < 0)
            return -1;
        if (rd->glyphs[g].key == key)
            return g;
    }
}

/* Append `g` to the cache; false when memory ran out (the glyph is then
 * simply not cached and will be rendered again). */
static bool cache_add(gs_Render *rd, const Glyph *g)
{
    if (rd->nglyphs == rd->capglyphs) {
        size_t cap = rd->capglyphs ? rd->capglyphs * 2 : 256;
        Glyph *ng = realloc(rd->glyphs, cap * sizeof *ng);
        if (!ng)
            return false;
        rd->glyphs = ng;
        rd->capglyphs = cap;
    }
    if ((rd->nglyphs + 1) * 2 > rd->tabcap) {
        size_t cap = rd->tabcap ? rd->tabcap * 2 : 1024;
        int32_t *nt = malloc(cap * sizeof *nt);
        if (!nt)
            return false;
        memset(nt, 0xff, cap * sizeof *nt);
        for (size_t k = 0; k < rd->nglyphs; k++) {
            size_t i = hash_slot(rd->glyphs[k].key, cap);
            while (nt[i] >= 0)
                i = (i + 1) & (cap - 1);
            nt[i] = (int32_t)k;
        }
        free(rd->table);
        rd->table = nt;
        rd->tabcap = cap;
    }
    int32_t idx = (int32_t)rd->nglyphs++;
    rd->glyphs[idx] = *g;
    size_t i = hash_slot(g->key, rd->tabcap);
    while (rd->table[i] >= 0)
        i = (i + 1) & (rd->tabcap - 1);
    rd->table[i] = idx;
    uint32_t cp = g->key & 0x1FFFFF, f = g->key >> 21;
    if (cp < 128)
        rd->ascii[f][cp] = idx;
    return true;
}

/* Room for a w×h image in the atlas: its page and position, or false if the
 * image can never fit.  Opens a new page, or empties the cache, as needed. */
static bool atlas_place(gs_Render *rd, int w, int h, int *page, int *x, int *y)
{
    if (w + ATLAS_PAD > ATLAS_SIZE || h + ATLAS_PAD > ATLAS_SIZE)
        return false;
    for (int attempt = 0; attempt < 3; attempt++) {
        if (rd->cur_page < rd->npages) {
            if (rd->shelf_x + w + ATLAS_PAD > ATLAS_SIZE) { /* next shelf */
                rd->shelf_y += rd->shelf_h + ATLAS_PAD;
                rd->shelf_x = rd->shelf_h = 0;
            }
            if (rd->shelf_y + h + ATLAS_PAD <= ATLAS_SIZE) {
                *page = rd->cur_page;
                *x = rd->shelf_x;
                *y = rd->shelf_y;
                rd->shelf_x += w + ATLAS_PAD;
                if (h > rd->shelf_h)
                    rd->shelf_h = h;
                return true;
            }
            rd->cur_page++; /* this page is full */
            rd->shelf_x = rd->shelf_y = rd->shelf_h = 0;
            continue;
        }
        if (rd->npages < ATLAS_PAGES) {
            SDL_Texture *t = SDL_CreateTexture(rd->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                               ATLAS_SIZE, ATLAS_SIZE);
            if (t) {
                SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
                SDL_SetTextureScaleMode(t, SDL_ScaleModeNearest);
                rd->pages[rd->npages++] = t;
                continue;
            }
        }
        if (rd->npages == 0)
            return false;
        cache_clear(rd); /* every page is full: start over */
    }
    return false;
}

/* Render `cp` of font `f` and put its ink in the atlas. */
static void glyph_render(gs_Render *rd, gs_FontId f, uint32_t cp, Glyph *g)
{
    TTF_Font *font = rd->font[f];
    uint32_t render_cp = cp;
    g->kern = cp;
    if (!TTF_GlyphIsProvided32(font, cp)) {
        render_cp = TTF_GlyphIsProvided32(font, 0xFFFD) ? 0xFFFD : '?';
        g->kern = 0;
    }
    int minx = 0, maxx = 0, miny = 0, maxy = 0, adv = 0;
    if (TTF_GlyphMetrics32(font, render_cp, &minx, &maxx, &miny, &maxy, &adv) != 0)
        return;
    g->advance = (int16_t)adv;
    SDL_Surface *s = TTF_RenderGlyph32_Blended(font, render_cp, (SDL_Color){255, 255, 255, 255});
    rd->renders++;
    if (!s)
        return;
    if (s->format->format != SDL_PIXELFORMAT_ARGB8888) {
        SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_FreeSurface(s);
        if (!c)
            return;
        s = c;
    }
    /* crop to the ink: spaces upload nothing and blits touch fewer pixels */
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    if (SDL_LockSurface(s) == 0) {
        for (int y = 0; y < s->h; y++) {
            const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch);
            for (int x = 0; x < s->w; x++)
                if (row[x] >> 24) {
                    if (x < x0)
                        x0 = x;
                    if (x > x1)
                        x1 = x;
                    if (y < y0)
                        y0 = y;
                    y1 = y;
                }
        }
        int page, ax, ay;
        if (x1 >= x0 && atlas_place(rd, x1 - x0 + 1, y1 - y0 + 1, &page, &ax, &ay)) {
            SDL_Rect dst = {ax, ay, x1 - x0 + 1, y1 - y0 + 1};
            const uint8_t *src = (const uint8_t *)s->pixels + (size_t)y0 * (size_t)s->pitch + (size_t)x0 * 4;
            if (SDL_UpdateTexture(rd->pages[page], &dst, src, s->pitch) == 0) {
                g->page = (int16_t)page;
                g->ax = (uint16_t)ax;
                g->ay = (uint16_t)ay;
                g->w = (uint16_t)dst.w;
                g->h = (uint16_t)dst.h;
                /* SDL_ttf puts the pen origin at x = -minx when minx < 0, and
                 * the baseline at y = max(ascent, maxy) */
                g->ox = (int16_t)((minx < 0 ? minx : 0) + x0);
                int top = rd->ascent[f] - maxy;
                g->oy = (int16_t)((top < 0 ? top : 0) + y0);
            }
        }
        SDL_UnlockSurface(s);
    }
    SDL_FreeSurface(s);
}

/* The cached glyph of `cp` in font `f`, rendering it on first use. */
static Glyph glyph_get(gs_Render *rd, gs_FontId f, uint32_t cp)
{
    uint32_t key = (uint32_t)f << 21 | cp;
    int32_t idx = cp < 128 ? rd->ascii[f][cp] : cache_find(rd, key);
    if (idx >= 0)
        return rd->glyphs[idx];
    Glyph g = {.key = key, .page = -1};
    if (cp == '\t') {
        g.advance = (int16_t)(4 * glyph_get(rd, f, ' ').advance);
    } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x200B || cp == 0xFEFF) {
        /* controls and zero-width characters: no ink, no advance */
    } else {
        glyph_render(rd, f, cp, &g);
    }
    cache_add(rd, &g);
    return g;
}

static int kerning(gs_Render *rd, gs_FontId f, uint32_t a, uint32_t b)
{
    if (a >= 32 && a < 127 && b >= 32 && b < 127) {
        int8_t *k = &rd->kern_ascii[f][a - 32][b - 32];
        if (*k == KERN_UNKNOWN) {
            int v = TTF_GetFontKerningSizeGlyphs32(rd->font[f], a, b);
            *k = (int8_t)(v < -127 ? -127 : v > 127 ? 127 : v);
        }
        return *k;
    }
    return TTF_GetFontKerningSizeGlyphs32(rd->font[f], a, b);
}

/* ================================================================== UTF-8 */

/* The code point at s[*i], advancing *i; malformed input (overlong forms,
 * surrogates, truncated sequences) yields U+FFFD and consumes one byte. */
static uint32_t utf8_next(const unsigned char *s, size_t len, size_t *i)
{
    unsigned char c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    int n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF)
        n = 1, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 2, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 3, cp = c & 0x07, min = 0x10000;
    else {
        (*i)++;
        return 0xFFFD;
    }
    if (*i + (size_t)n >= len) { /* truncated */
        (*i)++;
        return 0xFFFD;
    }
    for (int k = 1; k <= n; k++) {
        unsigned char cc = s[*i + (size_t)k];
        if ((cc & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = cp << 6 | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        (*i)++;
        return 0xFFFD;
    }
    *i += (size_t)n + 1;
    return cp;
}

/* ================================================================== text */

/* Width in output pixels of s[0, len) in font f: the sum of advances and
 * kerning, exactly what draw_text moves the pen by. */
static int text_px(gs_Render *rd, gs_FontId f, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    int x = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i < len;) {
        Glyph g = glyph_get(rd, f, utf8_next(u, len, &i));
        if (prev && g.kern)
            x += kerning(rd, f, prev, g.kern);
        x += g.advance;
        prev = g.kern;
    }
    return x;
}

static float metrics_width(void *ctx, gs_FontId font, const char *s, size_t len)
{
    gs_Render *rd = ctx;
    if (font >= GS_FONT_COUNT)
        font = GS_FONT_UI;
    return s ? (float)text_px(rd, font, s, len) / rd->scale : 0.0f;
}

static float metrics_height(void *ctx, gs_FontId font)
{
    gs_Render *rd = ctx;
    if (font >= GS_FONT_COUNT)
        font = GS_FONT_UI;
    return (float)rd->line_h[font] / rd->scale;
}

gs_TextMetrics gs_render_metrics(gs_Render *rd)
{
    return (gs_TextMetrics){.ctx = rd, .width = metrics_width, .height = metrics_height};
}

static void draw_text(gs_Render *rd, const gs_DrawCmd *c, const char *s)
{
    gs_FontId f = c->font < GS_FONT_COUNT ? (gs_FontId)c->font : GS_FONT_UI;
    int top = (int)lroundf(c->y0 * rd->scale);
    int x = (int)lroundf(c->x0 * rd->scale);
    const SDL_Rect *cl = &rd->clip;
    if (top >= cl->y + cl->h || top + rd->line_h[f] <= cl->y || x >= cl->x + cl->w)
        return;
    const unsigned char *u = (const unsigned char *)s;
    size_t len = c->text_len;
    uint32_t prev = 0;
    int tinted = -1; /* the page whose mods hold this command's color */
    for (size_t i = 0; i < len;) {
        Glyph g = glyph_get(rd, f, utf8_next(u, len, &i));
        if (prev && g.kern)
            x += kerning(rd, f, prev, g.kern);
        if (g.page >= 0) {
            SDL_Rect dst = {x + g.ox, top + g.oy, g.w, g.h};
            if (dst.x >= cl->x + cl->w)
                break; /* the rest of the label is right of the clip */
            if (dst.x + dst.w > cl->x) {
                SDL_Texture *t = rd->pages[g.page];
                if (tinted != g.page) {
                    SDL_SetTextureColorMod(t, c->color.r, c->color.g, c->color.b);
                    SDL_SetTextureAlphaMod(t, c->color.a);
                    tinted = g.page;
                }
                SDL_Rect src = {g.ax, g.ay, g.w, g.h};
                SDL_RenderCopy(rd->sdl, t, &src, &dst);
            }
        }
        x += g.advance;
        prev = g.kern;
    }
}

/* ================================================================== spans */

static bool rects_reserve(gs_Render *rd, size_t more)
{
    if (rd->nrects + more <= rd->caprects)
        return true;
    size_t cap = rd->caprects ? rd->caprects : 256;
    while (cap < rd->nrects + more)
        cap *= 2;
    SDL_Rect *nr = realloc(rd->rects, cap * sizeof *nr);
    if (!nr)
        return false;
    rd->rects = nr;
    rd->caprects = cap;
    return true;
}

/* Add pixels [l, r) of row y, clipped; a span continuing one of the last few
 * rects straight down extends it instead. */
static inline void span(gs_Render *rd, int y, int l, int r)
{
    const SDL_Rect *cl = &rd->clip;
    if (y < cl->y || y >= cl->y + cl->h)
        return;
    if (l < cl->x)
        l = cl->x;
    if (r > cl->x + cl->w)
        r = cl->x + cl->w;
    if (r <= l)
        return;
    for (size_t k = rd->nrects; k > 0 && k + 3 > rd->nrects; k--) {
        SDL_Rect *p = &rd->rects[k - 1];
        if (p->x == l && p->w == r - l && p->y + p->h == y) {
            p->h++;
            return;
        }
        if (p->h == 1 && p->y == y && (p->x + p->w == l || r == p->x)) { /* touching on the same row */
            int nl = p->x < l ? p->x : l, nr = p->x + p->w > r ? p->x + p->w : r;
            p->x = nl;
            p->w = nr - nl;
            return;
        }
    }
    if (!rects_reserve(rd, 1))
        return;
    rd->rects[rd->nrects++] = (SDL_Rect){l, y, r - l, 1};
}

static void set_color(gs_Render *rd, gs_Color c)
{
    SDL_SetRenderDrawColor(rd->sdl, c.r, c.g, c.b, c.a);
    SDL_SetRenderDrawBlendMode(rd->sdl, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
}

/* Draw the spans gathered so far in color c. */
static void flush_spans(gs_Render *rd, gs_Color c)
{
    if (rd->nrects) {
        set_color(rd, c);
        SDL_RenderFillRects(rd->sdl, rd->rects, (int)rd->nrects);
    }
    rd->nrects = 0;
}

/* Pixel columns whose centres lie in [xl, xr). */
static int px_lo(float x)
{
    return (int)ceilf(x - 0.5f);
}

/* First and one-past-last pixel rows whose centres lie in [y0, y1), clamped
 * to the clip. */
static void rows_of(const gs_Render *rd, float y0, float y1, int *first, int *last)
{
    *first = px_lo(y0);
    *last = px_lo(y1);
    if (*first < rd->clip.y)
        *first = rd->clip.y;
    if (*last > rd->clip.y + rd->clip.h)
        *last = rd->clip.y + rd->clip.h;
}

/* How far a rounded rectangle's edge is pulled in at row centre yc. */
static float corner_inset(float top, float bottom, float radius, float yc)
{
    float d = 0;
    if (yc < top + radius)
        d = top + radius - yc;
    else if (yc > bottom - radius)
        d = yc - (bottom - radius);
    if (d <= 0)
        return 0;
    if (d >= radius)
        return radius;
    return radius - sqrtf(radius * radius - d * d);
}

/* A rectangle's edges in output pixels, snapped to whole pixels so boxes
 * and their outlines are crisp. */
typedef struct PxRect {
    int x0, y0, x1, y1;
} PxRect;

static PxRect px_rect(const gs_Render *rd, gs_Rect r)
{
    float s = rd->scale;
    return (PxRect){(int)lroundf(r.x * s), (int)lroundf(r.y * s), (int)lroundf((r.x + r.w) * s),
                    (int)lroundf((r.y + r.h) * s)};
}

static float clamp_radius(float radius, int w, int h)
{
    float m = (float)(w < h ? w : h) / 2.0f;
    return radius < 0 ? 0 : radius > m ? m : radius;
}

static void rounded_spans(gs_Render *rd, PxRect p, float radius)
{
    int first, last;
    rows_of(rd, (float)p.y0, (float)p.y1, &first, &last);
    for (int y = first; y < last; y++) {
        float in = corner_inset((float)p.y0, (float)p.y1, radius, (float)y + 0.5f);
        span(rd, y, px_lo((float)p.x0 + in), px_lo((float)p.x1 - in));
    }
}

static void draw_rect(gs_Render *rd, const gs_DrawCmd *c)
{
    PxRect p = px_rect(rd, c->rect);
    if (p.x1 <= p.x0 || p.y1 <= p.y0)
        return;
    float radius = clamp_radius(c->radius * rd->scale, p.x1 - p.x0, p.y1 - p.y0);
    if (radius < 0.5f) {
        SDL_Rect r = {p.x0, p.y0, p.x1 - p.x0, p.y1 - p.y0};
        SDL_Rect out;
        if (SDL_IntersectRect(&r, &rd->clip, &out) && rects_reserve(rd, 1))
            rd->rects[rd->nrects++] = out;
    } else {
        rounded_spans(rd, p, radius);
    }
    flush_spans(rd, c->color);
}

static void draw_rect_line(gs_Render *rd, const gs_DrawCmd *c)
{
    PxRect o = px_rect(rd, c->rect);
    if (o.x1 <= o.x0 || o.y1 <= o.y0)
        return;
    int t = (int)lroundf(c->thickness * rd->scale);
    if (t < 1)
        t = 1;
    if (2 * t >= o.x1 - o.x0 || 2 * t >= o.y1 - o.y0) { /* all border: a filled box */
        gs_DrawCmd f = *c;
        f.kind = GS_DRAW_RECT;
        draw_rect(rd, &f);
        return;
    }
    float radius = clamp_radius(c->radius * rd->scale, o.x1 - o.x0, o.y1 - o.y0);
    PxRect in = {o.x0 + t, o.y0 + t, o.x1 - t, o.y1 - t};
    float iradius = radius - (float)t > 0 ? radius - (float)t : 0;
    int first, last;
    rows_of(rd, (float)o.y0, (float)o.y1, &first, &last);
    for (int y = first; y < last; y++) {
        float yc = (float)y + 0.5f;
        float oi = corner_inset((float)o.y0, (float)o.y1, radius, yc);
        int ol = px_lo((float)o.x0 + oi), or_ = px_lo((float)o.x1 - oi);
        if (y < in.y0 || y >= in.y1) {
            span(rd, y, ol, or_);
            continue;
        }
        float ii = corner_inset((float)in.y0, (float)in.y1, iradius, yc);
        int il = px_lo((float)in.x0 + ii), ir = px_lo((float)in.x1 - ii);
        span(rd, y, ol, il);
        span(rd, y, ir, or_);
    }
    flush_spans(rd, c->color);
}

static void draw_circle(gs_Render *rd, const gs_DrawCmd *c)
{
    float s = rd->scale, cx = c->x0 * s, cy = c->y0 * s, r = c->radius * s;
    if (!(r > 0))
        return;
    int first, last;
    rows_of(rd, cy - r, cy + r, &first, &last);
    for (int y = first; y < last; y++) {
        float dy = (float)y + 0.5f - cy, h2 = r * r - dy * dy;
        if (h2 <= 0)
            continue;
        float h = sqrtf(h2);
        span(rd, y, px_lo(cx - h), px_lo(cx + h));
    }
    flush_spans(rd, c->color);
}

/* ------------------------------------------------------------------ polygons */

/* Fill the convex polygon p[0, n) (output pixels, n <= 4): each row is
 * the span between its leftmost and rightmost edge crossing.  Each edge is
 * walked over the rows whose centres it spans, updating those rows' bounds,
 * so a row costs two crossings however many edges there are.  A crossing is
 * computed from the edge's endpoints in a canonical order (top first), so
 * two polygons sharing an edge split the pixels along it exactly: a curve
 * made of quads has no doubly-blended or missing pixels at the joints. */
static void fill_convex(gs_Render *rd, const SDL_FPoint *p, int n)
{
    float ymin = p[0].y, ymax = p[0].y;
    for (int i = 0; i < n; i++) {
        if (!isfinite(p[i].x) || !isfinite(p[i].y))
            return;
        ymin = p[i].y < ymin ? p[i].y : ymin;
        ymax = p[i].y > ymax ? p[i].y : ymax;
    }
    int first, last;
    rows_of(rd, ymin, ymax, &first, &last);
    if (first >= last)
        return;
    if ((size_t)(last - first) > rd->caprows) {
        size_t cap = (size_t)(last - first) * 2;
        float *nb = realloc(rd->rowbounds, cap * 2 * sizeof *nb);
        if (!nb)
            return;
        rd->rowbounds = nb;
        rd->caprows = cap;
    }
    float *xl = rd->rowbounds, *xr = rd->rowbounds + rd->caprows;
    for (int y = first; y < last; y++) {
        xl[y - first] = INFINITY;
        xr[y - first] = -INFINITY;
    }
    for (int i = 0; i < n; i++) {
        SDL_FPoint a = p[i], b = p[(i + 1) % n];
        if (a.y == b.y)
            continue;
        if (a.y > b.y) {
            SDL_FPoint t = a;
            a = b;
            b = t;
        }
        float dxdy = (b.x - a.x) / (b.y - a.y);
        int r0 = px_lo(a.y), r1 = px_lo(b.y);
        r0 = r0 < first ? first : r0;
        r1 = r1 > last ? last : r1;
        for (int y = r0; y < r1; y++) {
            float x = a.x + ((float)y + 0.5f - a.y) * dxdy;
            int k = y - first;
            xl[k] = x < xl[k] ? x : xl[k];
            xr[k] = x > xr[k] ? x : xr[k];
        }
    }
    for (int y = first; y < last; y++)
        if (xl[y - first] < xr[y - first])
            span(rd, y, px_lo(xl[y - first]), px_lo(xr[y - first]));
}

static bool pts_reserve(gs_Render *rd, size_t n)
{
    if (n <= rd->cappts)
        return true;
    size_t cap = rd->cappts ? rd->cappts : 64;
    while (cap < n)
        cap *= 2;
    SDL_FPoint *np = realloc(rd->pts, cap * sizeof *np);
    if (!np)
        return false;
    rd->pts = np;
    rd->cappts = cap;
    return true;
}

/* Stroke width in output pixels: at least one pixel, so thin lines never
 * vanish. */
static float stroke_px(const gs_Render *rd, float thickness)
{
    float t = thickness * rd->scale;
    return t >= 1.0f ? t : 1.0f;
}

static void draw_line(gs_Render *rd, const gs_DrawCmd *c)
{
    float s = rd->scale, x0 = c->x0 * s, y0 = c->y0 * s, x1 = c->x1 * s, y1 = c->y1 * s;
    float t = stroke_px(rd, c->thickness), dx = x1 - x0, dy = y1 - y0;
    int ti = (int)lroundf(t);
    if (ti < 1)
        ti = 1;
    if (fabsf(dy) < 0.01f || fabsf(dx) < 0.01f) {
        /* axis-aligned: a crisp rect a whole number of pixels thick */
        int first, last;
        if (fabsf(dy) < 0.01f) {
            int top = (int)lroundf(y0 - (float)ti / 2.0f);
            int l = (int)lroundf(fminf(x0, x1)), r = (int)lroundf(fmaxf(x0, x1));
            if (r == l)
                r = l + 1;
            for (int y = top; y < top + ti; y++)
                span(rd, y, l, r);
        } else {
            int left = (int)lroundf(x0 - (float)ti / 2.0f);
            rows_of(rd, fminf(y0, y1), fmaxf(y0, y1), &first, &last);
            for (int y = first; y < last; y++)
                span(rd, y, left, left + ti);
        }
        flush_spans(rd, c->color);
        return;
    }
    float len = sqrtf(dx * dx + dy * dy), nx = -dy / len * t / 2.0f, ny = dx / len * t / 2.0f;
    SDL_FPoint q[4] = {{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}};
    fill_convex(rd, q, 4);
    flush_spans(rd, c->color);
}

static void draw_triangle(gs_Render *rd, const gs_DrawCmd *c)
{
    float s = rd->scale;
    SDL_FPoint q[3] = {{c->x0 * s, c->y0 * s}, {c->x1 * s, c->y1 * s}, {c->x2 * s, c->y2 * s}};
    fill_convex(rd, q, 3);
    flush_spans(rd, c->color);
}

/* A quadratic Bézier stroke: the curve is flattened into n segments, each
 * a quad between the stroke's cross-sections at its ends; neighbouring quads
 * share a cross-section exactly (see fill_convex). */
static void draw_curve(gs_Render *rd, const gs_DrawCmd *c)
{
    float s = rd->scale;
    float ax = c->x0 * s, ay = c->y0 * s, bx = c->x1 * s, by = c->y1 * s, ex = c->x2 * s, ey = c->y2 * s;
    float hw = stroke_px(rd, c->thickness) / 2.0f;
    float approx = hypotf(bx - ax, by - ay) + hypotf(ex - bx, ey - by);
    if (!isfinite(approx))
        return;
    /* cull a curve wholly outside the clip (the hull bounds it) */
    float x0 = fminf(ax, fminf(bx, ex)) - hw, x1 = fmaxf(ax, fmaxf(bx, ex)) + hw;
    float y0 = fminf(ay, fminf(by, ey)) - hw, y1 = fmaxf(ay, fmaxf(by, ey)) + hw;
    const SDL_Rect *cl = &rd->clip;
    if (x1 < (float)cl->x || x0 > (float)(cl->x + cl->w) || y1 < (float)cl->y || y0 > (float)(cl->y + cl->h))
        return;
    /* segments: flattening a quadratic into n chords strays at most
     * |a - 2b + e| / (4 n²) from it; keep that under half a pixel */
    float dd = hypotf(ax - 2 * bx + ex, ay - 2 * by + ey);
    int n = (int)ceilf(sqrtf(dd / 2.0f));
    n = n < 1 ? 1 : n > 48 ? 48 : n;
    if (!pts_reserve(rd, 2 * (size_t)(n + 1)))
        return;
    SDL_FPoint *left = rd->pts, *right = rd->pts + n + 1;
    float cdx = ex - ax, cdy = ey - ay; /* fallback direction */
    for (int i = 0; i <= n; i++) {
        float t = (float)i / (float)n, u = 1 - t;
        float px = u * u * ax + 2 * u * t * bx + t * t * ex, py = u * u * ay + 2 * u * t * by + t * t * ey;
        float tx = 2 * u * (bx - ax) + 2 * t * (ex - bx), ty = 2 * u * (by - ay) + 2 * t * (ey - by);
        float tl = sqrtf(tx * tx + ty * ty);
        if (tl < 1e-4f) {
            tx = cdx, ty = cdy;
            tl = sqrtf(tx * tx + ty * ty);
            if (tl < 1e-4f)
                tx = 1, ty = 0, tl = 1;
        }
        float nx = -ty / tl * hw, ny = tx / tl * hw;
        left[i] = (SDL_FPoint){px + nx, py + ny};
        right[i] = (SDL_FPoint){px - nx, py - ny};
    }
    for (int i = 0; i < n; i++) {
        SDL_FPoint q[4] = {left[i], left[i + 1], right[i + 1], right[i]};
        fill_convex(rd, q, 4);
    }
    flush_spans(rd, c->color);
}

/* ================================================================== execute */

static void set_clip(gs_Render *rd, const gs_DrawCmd *c, int out_w, int out_h)
{
    SDL_Rect whole = {0, 0, out_w, out_h};
    if (c->rect.w <= 0 || c->rect.h <= 0) {
        rd->clip = whole;
        SDL_RenderSetClipRect(rd->sdl, NULL);
        return;
    }
    PxRect p = px_rect(rd, c->rect);
    SDL_Rect r = {p.x0, p.y0, p.x1 - p.x0, p.y1 - p.y0};
    if (!SDL_IntersectRect(&r, &whole, &rd->clip))
        rd->clip = (SDL_Rect){0, 0, 0, 0};
    SDL_RenderSetClipRect(rd->sdl, &rd->clip);
}

void gs_render_clear(gs_Render *rd, gs_Color c)
{
    SDL_RenderSetClipRect(rd->sdl, NULL);
    SDL_SetRenderDrawColor(rd->sdl, c.r, c.g, c.b, c.a);
    SDL_RenderClear(rd->sdl);
}

void gs_render_execute(gs_Render *rd, const gs_DrawList *l)
{
    int out_w = 0, out_h = 0;
    SDL_GetRendererOutputSize(rd->sdl, &out_w, &out_h);
    rd->clip = (SDL_Rect){0, 0, out_w, out_h};
    SDL_RenderSetClipRect(rd->sdl, NULL);
    rd->nrects = 0;
    for (size_t i = 0; i < l->n; i++) {
        const gs_DrawCmd *c = &l->cmds[i];
        if (c->kind == GS_DRAW_CLIP) {
            set_clip(rd, c, out_w, out_h);
            continue;
        }
        if (c->color.a == 0 || rd->clip.w <= 0 || rd->clip.h <= 0)
            continue;
        switch ((gs_DrawKind)c->kind) {
        case GS_DRAW_RECT: draw_rect(rd, c); break;
        case GS_DRAW_RECT_LINE: draw_rect_line(rd, c); break;
        case GS_DRAW_LINE: draw_line(rd, c); break;
        case GS_DRAW_TRIANGLE: draw_triangle(rd, c); break;
        case GS_DRAW_CIRCLE: draw_circle(rd, c); break;
        case GS_DRAW_CURVE: draw_curve(rd, c); break;
        case GS_DRAW_TEXT:
            if (l->text && c->text_len && (size_t)c->text_off + c->text_len <= l->ntext)
                draw_text(rd, c, l->text + c->text_off);
            break;
        case GS_DRAW_CLIP: break;
        }
    }
    SDL_RenderSetClipRect(rd->sdl, NULL);
    SDL_RenderFlush(rd->sdl);
}

/* ================================================================== lifetime */

static void close_fonts(TTF_Font **fonts)
{
    for (int i = 0; i < GS_FONT_COUNT; i++) {
        if (fonts[i])
            TTF_CloseFont(fonts[i]);
        fonts[i] = NULL;
    }
}

/* Open the five faces at `scale` into fonts[]; on failure none stays open. */
static int open_fonts(const gs_FontPaths *paths, float scale, TTF_Font **fonts, char *err, size_t errn)
{
    for (int i = 0; i < GS_FONT_COUNT; i++) {
        bool bold = i == GS_FONT_UI_BOLD || i == GS_FONT_TITLE;
        const char *path = i == GS_FONT_MONO ? paths->mono : bold ? paths->bold : paths->regular;
        int px = (int)lroundf(font_px[i] * scale);
        fonts[i] = TTF_OpenFont(path, px < 4 ? 4 : px);
        if (!fonts[i]) {
            snprintf(err, errn, "cannot open font %s: %s", path, TTF_GetError());
            close_fonts(fonts);
            return -1;
        }
        if (bold && paths->synth_bold)
            TTF_SetFontStyle(fonts[i], TTF_STYLE_BOLD);
    }
    return 0;
}

static void adopt_fonts(gs_Render *rd, TTF_Font **fonts, float scale)
{
    close_fonts(rd->font);
    for (int i = 0; i < GS_FONT_COUNT; i++) {
        rd->font[i] = fonts[i];
        rd->ascent[i] = TTF_FontAscent(fonts[i]);
        rd->line_h[i] = TTF_FontLineSkip(fonts[i]);
        if (rd->line_h[i] < TTF_FontHeight(fonts[i]))
            rd->line_h[i] = TTF_FontHeight(fonts[i]);
    }
    rd->scale = scale;
    cache_clear(rd);
}

gs_Render *gs_render_create(SDL_Renderer *r, float scale, const gs_FontPaths *fonts, char *err, size_t errn)
{
    if (!r || !fonts || !(scale > 0.1f && scale < 16.0f)) {
        snprintf(err, errn, "render: bad arguments (scale %g)", (double)scale);
        return NULL;
    }
    if (TTF_Init() != 0) { /* reference counted: paired with TTF_Quit in gs_render_free */
        snprintf(err, errn, "cannot initialise SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    gs_Render *rd = calloc(1, sizeof *rd);
    if (!rd) {
        snprintf(err, errn, "out of memory");
        TTF_Quit();
        return NULL;
    }
    rd->sdl = r;
    rd->paths = *fonts;
    TTF_Font *opened[GS_FONT_COUNT] = {0};
    if (open_fonts(&rd->paths, scale, opened, err, errn) != 0) {
        free(rd);
        TTF_Quit();
        return NULL;
    }
    adopt_fonts(rd, opened, scale);
    return rd;
}

int gs_render_set_scale(gs_Render *rd, float scale, char *err, size_t errn)
{
    if (!(scale > 0.1f && scale < 16.0f)) {
        snprintf(err, errn, "render: bad scale %g", (double)scale);
        return -1;
    }
    if (scale == rd->scale)
        return 0;
    TTF_Font *opened[GS_FONT_COUNT] = {0};
    if (open_fonts(&rd->paths, scale, opened, err, errn) != 0)
        return -1;
    adopt_fonts(rd, opened, scale);
    return 0;
}

float gs_render_scale(const gs_Render *rd)
{
    return rd->scale;
}

void gs_render_free(gs_Render *rd)
{
    if (!rd)
        return;
    close_fonts(rd->font);
    for (int i = 0; i < rd->npages; i++)
        SDL_DestroyTexture(rd->pages[i]);
    free(rd->glyphs);
    free(rd->table);
    free(rd->rects);
    free(rd->pts);
    free(rd->rowbounds);
    free(rd);
    TTF_Quit();
}

unsigned long gs_render_glyph_renders(const gs_Render *rd)
{
    return rd->renders;
}

size_t gs_render_glyphs_cached(const gs_Render *rd)
{
    return rd->nglyphs;
}
