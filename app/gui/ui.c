/*
 * ui.c — the viewer's panels and the heap picture, as draw commands.
 *
 * Screen (logical pixels; everything scales with the window):
 *
 *   toolbar ........................................................ 44
 *   source | heap canvas (names | gen 0 | gen 1 | gen 2 | untracked) | GC + inspector
 *   narration + last event          | events · output · plot
 *   timeline scrubber ............................................... 34
 *   status ......................................................... 22
 *
 * The heap is drawn from the scene: one box per object in its
 * generation's column, at the row the placement gave it (stable for as long
 * as the object stays in that column), a count badge on each box, one
 * labelled cell per outgoing reference with an arrow to the target.
 * Primitives (ints, strings) are written inside the cells unless the user
 * asks to see them as objects (H).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

/* ================================================================== theme (Okabe–Ito, colour-blind safe) */

#define RGB(r, g, b) ((gs_Color){ (r), (g), (b), 255 })
#define RGBA(r, g, b, a) ((gs_Color){ (r), (g), (b), (a) })

#define C_BG (ui->theme.color[GS_THEME_BG])
#define C_PANEL (ui->theme.color[GS_THEME_PANEL])
#define C_PANEL_ALT (ui->theme.color[GS_THEME_PANEL_ALT])
#define C_BORDER (ui->theme.color[GS_THEME_BORDER])
#define C_TEXT (ui->theme.color[GS_THEME_TEXT])
#define C_MUTED (ui->theme.color[GS_THEME_MUTED])
#define C_FAINT (ui->theme.color[GS_THEME_FAINT])
#define C_ORANGE (ui->theme.color[GS_THEME_ORANGE])
#define C_SKY (ui->theme.color[GS_THEME_SKY])
#define C_GREEN (ui->theme.color[GS_THEME_GREEN])
#define C_BLUE (ui->theme.color[GS_THEME_BLUE])
#define C_VERMILLION (ui->theme.color[GS_THEME_VERMILLION])
#define C_PURPLE (ui->theme.color[GS_THEME_PURPLE])
#define C_CURRENT (ui->theme.color[GS_THEME_CURRENT])
#define C_TOOLBAR (ui->theme.color[GS_THEME_TOOLBAR])
#define C_TOOLBAR_TEXT (ui->theme.color[GS_THEME_TOOLBAR_TEXT])
#define C_UNREACHABLE (ui->theme.color[GS_THEME_UNREACHABLE])
#define C_TOP_FRAME (ui->theme.color[GS_THEME_TOP_FRAME])
#define C_FREED (ui->theme.color[GS_THEME_FREED])
#define C_TRACK (ui->theme.color[GS_THEME_TRACK])
#define C_BUTTON (ui->theme.color[GS_THEME_BUTTON])
#define C_BUTTON_HOVER (ui->theme.color[GS_THEME_BUTTON_HOVER])
#define C_SCRUB (ui->theme.color[GS_THEME_SCRUB])
#define C_STATUS (ui->theme.color[GS_THEME_STATUS])
#define C_PROMPT (ui->theme.color[GS_THEME_PROMPT])
#define C_ERROR_BG (ui->theme.color[GS_THEME_ERROR_BG])

static gs_Color band_color(const gs_Ui *ui, int band)
{
    switch (band) {
    case GS_BAND_GEN0: return C_SKY;
    case GS_BAND_GEN1: return C_GREEN;
    case GS_BAND_GEN2: return C_BLUE;
    case GS_BAND_PERMANENT: return C_PURPLE;
    default: return C_FAINT;
    }
}

static gs_Color tint(gs_Color c, float k) /* mix with white: k = 0 white .. 1 colour */
{
    return RGB((uint8_t)(255 - (255 - c.r) * k), (uint8_t)(255 - (255 - c.g) * k), (uint8_t)(255 - (255 - c.b) * k));
}

static gs_Color with_alpha(gs_Color c, float a)
{
    if (a < 0)
        a = 0;
    if (a > 1)
        a = 1;
    c.a = (uint8_t)(c.a * a);
    return c;
}

static const char *band_title(int b)
{
    static const char *t[] = { "generation 0", "generation 1", "generation 2", "permanent", "not tracked" };
    return t[b];
}

/* ================================================================== small helpers */

static float tw(gs_Ui *ui, gs_FontId f, const char *s) { return ui->tm.width(ui->tm.ctx, f, s, strlen(s)); }
static float th(gs_Ui *ui, gs_FontId f) { return ui->tm.height(ui->tm.ctx, f); }

static bool in_rect(gs_Rect r, float x, float y) { return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h; }

static void text(gs_DrawList *dl, gs_FontId f, float x, float y, const char *s, gs_Color c)
{
    gs_draw_text(dl, f, x, y, s, strlen(s), c, 0);
}

/* Text cut to fit a width, with an ellipsis. */
static void text_fit(gs_Ui *ui, gs_DrawList *dl, gs_FontId f, float x, float y, float maxw, const char *s, gs_Color c)
{
    size_t n = strlen(s);
    if (ui->tm.width(ui->tm.ctx, f, s, n) <= maxw) {
        gs_draw_text(dl, f, x, y, s, n, c, 0);
        return;
    }
    char buf[512];
    float ell = tw(ui, f, "…");
    while (n > 0 && ui->tm.width(ui->tm.ctx, f, s, n) + ell > maxw) {
        n--;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (n > sizeof buf - 8)
        n = sizeof buf - 8;
    memcpy(buf, s, n);
    memcpy(buf + n, "…", 4);
    gs_draw_text(dl, f, x, y, buf, strlen(buf), c, 0);
}

/* Word-wrap `s` into `maxw`; draws from (x, y), returns the height used. */
static float text_wrap(gs_Ui *ui, gs_DrawList *dl, gs_FontId f, float x, float y, float maxw, float maxh,
                       const char *s, gs_Color c)
{
    float lh = th(ui, f);
    float used = 0;
    const char *p = s;
    while (*p && used + lh <= maxh + 0.5f) {
        const char *line_end = p, *last_break = NULL;
        while (*line_end && *line_end != '\n') {
            const char *next = line_end + 1;
            while (*next && ((unsigned char)*next & 0xC0) == 0x80)
                next++;
            if (ui->tm.width(ui->tm.ctx, f, p, (size_t)(next - p)) > maxw)
                break;
            if (*line_end == ' ')
                last_break = line_end;
            line_end = next;
        }
        if (*line_end && *line_end != '\n' && last_break)
            line_end = last_break;
        if (line_end == p && *p && *p != '\n') { /* a single very long word */
            line_end = p + 1;
            while (*line_end && ((unsigned char)*line_end & 0xC0) == 0x80)
                line_end++;
        }
        if (dl) /* NULL: measure only */
            gs_draw_text(dl, f, x, y + used, p, (size_t)(line_end - p), c, 0);
        used += lh;
        p = line_end;
        while (*p == ' ')
            p++;
        if (*p == '\n')
            p++;
    }
    return used;
}

static void panel(gs_DrawList *dl, gs_Rect r, const char *title, gs_Ui *ui)
{
    gs_draw_rect(dl, r, C_PANEL, 6, 0);
    gs_draw_rect_line(dl, r, C_BORDER, 6, 1, 0);
    if (title) {
        text(dl, GS_FONT_SMALL, r.x + 10, r.y + 6, title, C_MUTED);
        gs_draw_line(dl, r.x + 1, r.y + 6 + th(ui, GS_FONT_SMALL) + 4, r.x + r.w - 1,
                     r.y + 6 + th(ui, GS_FONT_SMALL) + 4, C_BORDER, 1, 0);
    }
}

static float panel_top(gs_Ui *ui, gs_Rect r) { return r.y + 6 + th(ui, GS_FONT_SMALL) + 10; }

static void add_button(gs_Ui *ui, gs_Rect r, uint8_t action, int64_t arg, const char *tip)
{
    if (ui->nbuttons == ui->capbuttons) {
        int cap = ui->capbuttons ? ui->capbuttons * 2 : 64;
        void *nb = realloc(ui->buttons, (size_t)cap * sizeof *ui->buttons);
        if (!nb)
            return;
        ui->buttons = nb;
        ui->capbuttons = cap;
    }
    ui->buttons[ui->nbuttons].r = r;
    ui->buttons[ui->nbuttons].action = action;
    ui->buttons[ui->nbuttons].arg = arg;
    ui->buttons[ui->nbuttons].tip = tip;
    ui->nbuttons++;
}

static void add_hit(gs_Ui *ui, gs_Rect r, uint32_t id)
{
    if (ui->nhits == ui->caphits) {
        int cap = ui->caphits ? ui->caphits * 2 : 256;
        void *nh = realloc(ui->hits, (size_t)cap * sizeof *ui->hits);
        if (!nh)
            return;
        ui->hits = nh;
        ui->caphits = cap;
    }
    ui->hits[ui->nhits].r = r;
    ui->hits[ui->nhits].id = id;
    ui->nhits++;
}

static void push_action(gs_Action *acts, int *n, uint8_t kind, int64_t arg)
{
    if (*n >= GS_UI_MAX_ACTIONS)
        return;
    memset(&acts[*n], 0, sizeof acts[*n]);
    acts[*n].kind = kind;
    acts[*n].arg = arg;
    (*n)++;
}

/* ================================================================== life */

void gs_ui_init(gs_Ui *ui, gs_TextMetrics tm, int w, int h, const gs_Theme *theme)
{
    memset(ui, 0, sizeof *ui);
    if (theme)
        ui->theme = *theme;
    else
        gs_theme_default(&ui->theme);
    ui->tm = tm;
    ui->w = w;
    ui->h = h;
    ui->zoom = 1.0f;
    ui->follow_line = true;
    ui->bottom_tab = 0;
    ui->browser_hover = -1;
    ui->browser_sel = -1;
}

void gs_ui_free(gs_Ui *ui)
{
    free(ui->anim);
    free(ui->hits);
    free(ui->buttons);
    free(ui->node_w);
    memset(ui, 0, sizeof *ui);
}

static gs_NodeAnim *anim_of(gs_Ui *ui, uint32_t id, bool create)
{
    int lo = 0, hi = ui->nanim - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ui->anim[mid].id == id)
            return &ui->anim[mid];
        if (ui->anim[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    if (!create)
        return NULL;
    if (ui->nanim == ui->capanim) {
        int cap = ui->capanim ? ui->capanim * 2 : 256;
        void *na = realloc(ui->anim, (size_t)cap * sizeof *ui->anim);
        if (!na)
            return NULL;
        ui->anim = na;
        ui->capanim = cap;
    }
    memmove(&ui->anim[lo + 1], &ui->anim[lo], (size_t)(ui->nanim - lo) * sizeof *ui->anim);
    ui->nanim++;
    gs_NodeAnim *a = &ui->anim[lo];
    memset(a, 0, sizeof *a);
    a->id = id;
    a->x = NAN;
    a->last_refcount = -1;
    return a;
}

/* ================================================================== heap geometry */

#define BAND_W_MAX 270.0f
#define ROW_H 56.0f
#define NODE_H 44.0f

typedef struct Placed {
    const gs_SceneObject *o;
    gs_Rect r;          /* target rectangle (world coordinates before zoom/pan) */
    float x, y;         /* animated position (world) */
    float alpha;
    bool visible;
} Placed;

typedef struct HeapGeom {
    float band_x[GS_BAND_COUNT];
    float band_w[GS_BAND_COUNT];
    bool band_shown[GS_BAND_COUNT];
    float names_x, names_w;
    float top;
    float total_w, total_h;
    uint32_t rows[GS_BAND_COUNT];
} HeapGeom;

static bool shown_as_node(const gs_Ui *ui, const gs_SceneObject *o)
{
    if ((o->flags & GS_SO_PRIMITIVE) && !ui->show_primitives)
        return false;
    if ((o->flags & GS_SO_DEFINITION) && !ui->show_definitions)
        return false;
    return true;
}

static void cell_value(const gs_Ui *ui, const gs_Scene *s, uint32_t target, char *buf, size_t n, bool *inline_v);

/* The cells a node shows (at most 5) and their widths, from their text:
 * "label:value" for inline primitives, "label" plus an arrow dot otherwise. */
static int node_cells(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o, float *widths, float *total)
{
    int cells = o->nslots > 5 ? 5 : o->nslots;
    float sum = 0;
    for (int i = 0; i < cells; i++) {
        const gs_SceneSlot *sl = &s->slots[o->first_slot + i];
        char v[64], both[128];
        bool inl;
        cell_value(ui, s, sl->target, v, sizeof v, &inl);
        if (inl)
            snprintf(both, sizeof both, "%s%s%s", sl->label, sl->label[0] ? ":" : "", v);
        else
            snprintf(both, sizeof both, "%s", sl->label);
        float w = tw(ui, GS_FONT_SMALL, both) + (inl ? 8 : 18);
        if (w < 30)
            w = 30;
        if (w > 96)
            w = 96;
        widths[i] = w;
        sum += w + 2;
    }
    *total = sum;
    return cells;
}

static float frame_box_width(gs_Ui *ui, const gs_Scene *s, const gs_SceneFrame *f)
{
    float w = tw(ui, GS_FONT_UI_BOLD, f->title) + 20;
    for (int k = 0; k < f->nnames; k++) {
        const gs_SceneName *nm = &s->names[f->first_name + k];
        char v[64], line[128];
        bool inl;
        cell_value(ui, s, nm->target, v, sizeof v, &inl);
        snprintf(line, sizeof line, inl ? "%s = %s" : "%s", nm->name, v);
        float lw = tw(ui, GS_FONT_MONO, line) + (inl ? 20 : 34);
        if (lw > w)
            w = lw;
    }
    return w;
}

static float measure_node(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o);

/* A node's width, measured once per scene: measuring text was most of a
 * frame's cost on a big heap, and the layout asks more than once. */
static float node_width(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o)
{
    int i = (int)(o - s->objects);
    if (i < 0 || i >= s->nobjects)
        return measure_node(ui, s, o);
    unsigned key = s->version * 4u + (ui->show_primitives ? 1u : 0u) + (ui->show_definitions ? 2u : 0u);
    if (ui->node_w_scene != s || ui->node_w_key != key || ui->node_w_cap < s->nobjects) {
        if (ui->node_w_cap < s->nobjects) {
            float *w = realloc(ui->node_w, (size_t)s->nobjects * sizeof *w);
            if (!w)
                return measure_node(ui, s, o);
            ui->node_w = w;
            ui->node_w_cap = s->nobjects;
        }
        for (int k = 0; k < s->nobjects; k++)
            ui->node_w[k] = NAN;
        ui->node_w_scene = s;
        ui->node_w_key = key;
    }
    if (isnan(ui->node_w[i]))
        ui->node_w[i] = measure_node(ui, s, o);
    return ui->node_w[i];
}

static float measure_node(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o)
{
    float widths[5], cells_w;
    node_cells(ui, s, o, widths, &cells_w);
    float w = 16 + cells_w;
    if (o->nslots > 5)
        w += 26;
    char title[96];
    snprintf(title, sizeof title, "%s %s", o->type, o->value);
    float tw_title = tw(ui, GS_FONT_UI_BOLD, title) + 52;
    if (o->flags & GS_SO_HAS_GCREFS)
        tw_title += tw(ui, GS_FONT_SMALL, "gc_refs 00") + 16;
    if (w < tw_title)
        w = tw_title;
    if (w < 110)
        w = 110;
    if (w > BAND_W_MAX - 16)
        w = BAND_W_MAX - 16;
    return w;
}

static float frame_box_width(gs_Ui *ui, const gs_Scene *s, const gs_SceneFrame *f);

/* Columns: the names column, then one per band that has something in it
 * now (the three generations always, as a reminder they exist).  A column
 * is as wide as its widest box, so an empty generation is a narrow strip. */
static void heap_geometry(gs_Ui *ui, const gs_UiData *d, HeapGeom *g)
{
    memset(g, 0, sizeof *g);
    const gs_Scene *s = d->scene;
    float bw[GS_BAND_COUNT];
    uint32_t live_rows[GS_BAND_COUNT] = { 0 };
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        bw[b] = b <= GS_BAND_GEN2 ? 76 : 0; /* an empty generation is a narrow strip */
        g->rows[b] = d->placement ? d->placement->rows[b] : 0;
    }
    for (int i = 0; i < s->nobjects; i++) {
        const gs_SceneObject *o = &s->objects[i];
        if (!shown_as_node(ui, o))
            continue;
        float w = node_width(ui, s, o) + 16;
        if (w > bw[o->band])
            bw[o->band] = w;
        live_rows[o->band]++;
        if (d->placement) {
            const gs_Stay *st = gs_placement_at(d->placement, o->id, s->event);
            if (st && st->row + 1 > g->rows[o->band])
                g->rows[o->band] = st->row + 1;
        }
    }
    if (!d->placement)
        for (int b = 0; b < GS_BAND_COUNT; b++)
            g->rows[b] = live_rows[b];
    float names_w = 130;
    for (int fi = 0; fi < s->nframes; fi++) {
        float w = frame_box_width(ui, s, &s->frames[fi]) + 16;
        if (w > names_w)
            names_w = w;
    }
    if (names_w > 220)
        names_w = 220;
    /* too wide for the canvas: narrow the names column and empty
     * generations before anything has to scroll out of sight */
    float need = names_w + 16 + 20;
    for (int b = 0; b < GS_BAND_COUNT; b++)
        if (b <= GS_BAND_GEN2 || live_rows[b] > 0)
            need += bw[b] > BAND_W_MAX ? BAND_W_MAX : bw[b];
    float over = ui->canvas.w > 0 ? need - ui->canvas.w / (ui->zoom > 0 ? ui->zoom : 1) : 0;
    if (over > 0 && names_w > 150) {
        float cut = fminf(over, names_w - 150);
        names_w -= cut;
        over -= cut;
    }
    for (int b = 0; b <= GS_BAND_GEN2 && over > 0; b++)
        if (live_rows[b] == 0 && bw[b] > 62) {
            over -= bw[b] - 62;
            bw[b] = 62;
        }
    g->names_x = 0;
    g->names_w = names_w;
    float x = names_w + 16;
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        g->band_shown[b] = b <= GS_BAND_GEN2 || live_rows[b] > 0;
        g->band_x[b] = x;
        g->band_w[b] = bw[b] > BAND_W_MAX ? BAND_W_MAX : bw[b];
        if (g->band_shown[b])
            x += g->band_w[b];
    }
    g->top = 26;
    g->total_w = x;
    uint32_t maxrows = 1;
    for (int b = 0; b < GS_BAND_COUNT; b++)
        if (g->band_shown[b] && g->rows[b] > maxrows)
            maxrows = g->rows[b];
    float names_h = g->top;
    for (int fi = 0; fi < s->nframes; fi++)
        names_h += 26 + (float)s->frames[fi].nnames * 20 + 12;
    g->total_h = g->top + (float)maxrows * ROW_H + 12;
    if (names_h > g->total_h)
        g->total_h = names_h;
}

/* World -> screen */
static float sx(gs_Ui *ui, float x) { return ui->canvas.x + (x - ui->pan_x) * ui->zoom; }
static float sy(gs_Ui *ui, float y) { return ui->canvas.y + (y - ui->pan_y) * ui->zoom; }

void gs_ui_fit(gs_Ui *ui, const gs_UiData *d, bool overview)
{
    HeapGeom g;
    heap_geometry(ui, d, &g);
    float zx = ui->canvas.w / (g.total_w + 20), zy = ui->canvas.h / (g.total_h + 20);
    float z = zx < zy ? zx : zy;
    /* Canvas text does not scale, so a new document starts at zoom 1 (the
     * rest is a drag away); F asks for an overview of everything. */
    if (!overview || z > 1.0f)
        z = 1.0f;
    if (z < 0.05f)
        z = 0.05f;
    ui->zoom = z;
    ui->pan_x = -10;
    ui->pan_y = -10;
}

bool gs_ui_node_rect(const gs_Ui *ui, uint32_t id, gs_Rect *r)
{
    for (int i = 0; i < ui->nhits; i++)
        if (ui->hits[i].id == id) {
            *r = ui->hits[i].r;
            return true;
        }
    return false;
}

/* ================================================================== drawing the heap */

static void arrowhead(gs_DrawList *dl, float x, float y, float dx, float dy, float size, gs_Color c)
{
    float len = sqrtf(dx * dx + dy * dy);
    if (len < 0.001f)
        return;
    dx /= len;
    dy /= len;
    float bx = x - dx * size, by = y - dy * size;
    float px = -dy * size * 0.5f, py = dx * size * 0.5f;
    gs_draw_triangle(dl, x, y, bx + px, by + py, bx - px, by - py, c, 0);
}

/* A quadratic curve drawn as dashes (a weak reference). */
static void dashed_curve(gs_DrawList *dl, float x0, float y0, float cx, float cy, float x1, float y1, gs_Color c,
                         float thick)
{
    float len = hypotf(cx - x0, cy - y0) + hypotf(x1 - cx, y1 - cy);
    int n = (int)(len / 6);
    if (n < 4)
        n = 4;
    if (n > 400)
        n = 400;
    for (int i = 0; i + 1 <= n; i += 2) {
        float t0 = (float)i / (float)n, t1 = (float)(i + 1) / (float)n;
        float ax = (1 - t0) * (1 - t0) * x0 + 2 * (1 - t0) * t0 * cx + t0 * t0 * x1;
        float ay = (1 - t0) * (1 - t0) * y0 + 2 * (1 - t0) * t0 * cy + t0 * t0 * y1;
        float bx = (1 - t1) * (1 - t1) * x0 + 2 * (1 - t1) * t1 * cx + t1 * t1 * x1;
        float by = (1 - t1) * (1 - t1) * y0 + 2 * (1 - t1) * t1 * cy + t1 * t1 * y1;
        gs_draw_line(dl, ax, ay, bx, by, c, thick, 0);
    }
}

static void edge_ex(gs_Ui *ui, gs_DrawList *dl, float x0, float y0, const Placed *to, gs_Color c, float thick,
                    bool dashed);

static void edge(gs_Ui *ui, gs_DrawList *dl, float x0, float y0, const Placed *to, gs_Color c, float thick)
{
    edge_ex(ui, dl, x0, y0, to, c, thick, false);
}

static void edge_ex(gs_Ui *ui, gs_DrawList *dl, float x0, float y0, const Placed *to, gs_Color c, float thick,
                    bool dashed)
{
    float tx0 = sx(ui, to->x), ty0 = sy(ui, to->y);
    float tw_ = to->r.w * ui->zoom, th_ = to->r.h * ui->zoom;
    float x1, y1, cx, cy;
    if (tx0 >= x0 + 8) { /* target to the right: enter its left side */
        x1 = tx0;
        y1 = ty0 + th_ * 0.5f;
        cx = (x0 + x1) / 2;
        cy = y0 + (y1 - y0) * 0.15f;
    } else if (tx0 + tw_ <= x0 - 8) { /* to the left: enter its right side */
        x1 = tx0 + tw_;
        y1 = ty0 + th_ * 0.5f;
        cx = (x0 + x1) / 2;
        cy = (y0 < y1 ? y0 : y1) - 30 * ui->zoom;
    } else { /* same column: swing out to the right */
        x1 = tx0 + tw_;
        y1 = ty0 + th_ * 0.5f;
        float bulge = 40 * ui->zoom + fabsf(y1 - y0) * 0.25f;
        cx = (x0 > x1 ? x0 : x1) + bulge;
        cy = (y0 + y1) / 2;
    }
    if (dashed)
        dashed_curve(dl, x0, y0, cx, cy, x1, y1, c, thick);
    else
        gs_draw_curve(dl, x0, y0, cx, cy, x1, y1, c, thick, 0);
    arrowhead(dl, x1, y1, x1 - cx, y1 - cy, 9 * (ui->zoom < 1 ? 1 : ui->zoom), c);
}

static void self_loop(gs_Ui *ui, gs_DrawList *dl, float x0, float y0, const Placed *p, gs_Color c)
{
    float top = sy(ui, p->y);
    float left = sx(ui, p->x) + 16 * ui->zoom;
    gs_draw_curve(dl, x0, y0, x0 + 10 * ui->zoom, top - 40 * ui->zoom, left, top, c, 1.8f, 0);
    arrowhead(dl, left, top, left - (x0 + 10 * ui->zoom), top - (top - 40 * ui->zoom), 9, c);
}

/* Text on the canvas does not scale; below ~0.9 zoom switch to the small face. */
static gs_FontId zf(const gs_Ui *ui, gs_FontId f) { return ui->zoom < 0.9f ? GS_FONT_SMALL : f; }

static const Placed *find_placed(const Placed *pl, int n, uint32_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (pl[mid].o->id == id)
            return &pl[mid];
        if (pl[mid].o->id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

static void cell_value(const gs_Ui *ui, const gs_Scene *s, uint32_t target, char *buf, size_t n, bool *inline_v)
{
    const gs_SceneObject *t = gs_scene_find(s, target);
    *inline_v = false;
    if (!t) {
        snprintf(buf, n, "·");
        *inline_v = true; /* a runtime object the trace does not show (None, a builtin) */
        return;
    }
    if ((t->flags & GS_SO_PRIMITIVE) && !ui->show_primitives) {
        snprintf(buf, n, "%s", t->value);
        *inline_v = true;
    } else if ((t->flags & GS_SO_DEFINITION) && !ui->show_definitions) {
        snprintf(buf, n, "%.20s %.30s", t->type, t->value);
        *inline_v = true;
    }
}

static void draw_node(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, const Placed *p, const Placed *pl, int npl,
                      float *anchor_x, float *anchor_y, int *nanchor)
{
    const gs_SceneObject *o = p->o;
    const gs_Scene *s = d->scene;
    float x = sx(ui, p->x), y = sy(ui, p->y), w = p->r.w * ui->zoom, h = p->r.h * ui->zoom;
    gs_Rect r = { x, y, w, h };
    add_hit(ui, r, o->id);
    float a = p->alpha;
    bool unreachable = o->flags & GS_SO_UNREACHABLE;
    bool collecting = o->flags & GS_SO_COLLECTING;
    gs_Color fill = unreachable ? C_UNREACHABLE : tint(band_color(ui, o->band), 0.16f);
    gs_Color edgec = unreachable ? C_FAINT : band_color(ui, o->band);
    if (o->id == ui->selected)
        gs_draw_rect(dl, (gs_Rect){ x - 4, y - 4, w + 8, h + 8 }, with_alpha(C_ORANGE, 0.55f * a), 8, o->id);
    if (o->id == d->watch)
        gs_draw_rect_line(dl, (gs_Rect){ x - 6, y - 6, w + 12, h + 12 }, with_alpha(C_VERMILLION, a), 9, 2, o->id);
    gs_draw_rect(dl, r, with_alpha(fill, a), 6 * ui->zoom, o->id);
    gs_draw_rect_line(dl, r, with_alpha(edgec, a), 6 * ui->zoom, collecting ? 2.5f : 1.5f, o->id);
    *nanchor = 0;
    if (ui->zoom < 0.45f) /* level of detail: boxes only */
        return;
    /* header: type and id, count badge */
    char title[96];
    if (o->value[0])
        snprintf(title, sizeof title, "%s %s", o->type, o->value);
    else
        snprintf(title, sizeof title, "%s", o->type);
    gs_NodeAnim *an = anim_of(ui, o->id, false);
    float pulse = an ? an->pulse : 0;
    char rc[24];
    snprintf(rc, sizeof rc, "%d", o->refcount);
    float badge_w = tw(ui, GS_FONT_SMALL, rc) + 14;
    float bx = x + w - badge_w - 6, by = y + 5;
    gs_Color badge = C_TEXT;
    if (pulse > 0.01f)
        badge = an->pulse_sign > 0 ? C_GREEN : C_VERMILLION;
    float grow = pulse * 3;
    gs_draw_rect(dl, (gs_Rect){ bx - grow, by - grow, badge_w + 2 * grow, 18 + 2 * grow }, with_alpha(badge, a), 9,
                 o->id);
    text(dl, GS_FONT_SMALL, bx + 7, by + 2, rc, with_alpha(RGB(255, 255, 255), a));
    float gx = bx;
    if (o->flags & GS_SO_HAS_GCREFS) {
        char gr[32];
        snprintf(gr, sizeof gr, "gc_refs %lld", (long long)o->gc_refs);
        float gw = tw(ui, GS_FONT_SMALL, gr) + 12;
        gx = bx - gw - 4;
        gs_draw_rect(dl, (gs_Rect){ gx, by, gw, 18 }, with_alpha(C_ORANGE, a), 9, o->id);
        text(dl, GS_FONT_SMALL, gx + 6, by + 2, gr, with_alpha(C_TEXT, a));
    }
    text_fit(ui, dl, zf(ui, GS_FONT_UI_BOLD), x + 8, y + 4, gx - x - 12, title, with_alpha(unreachable ? C_MUTED : C_TEXT, a));
    char idb[16];
    snprintf(idb, sizeof idb, "#%u", o->id);
    (void)idb;
    /* cells, one per outgoing reference */
    float widths[5], cells_w;
    int cells = node_cells(ui, s, o, widths, &cells_w);
    float cy = y + h - 22, cx = x + 8;
    for (int i = 0; i < cells; i++) {
        const gs_SceneSlot *sl = &s->slots[o->first_slot + i];
        float cw = widths[i] * ui->zoom;
        if (cx + cw > x + w - 4)
            break;
        gs_Rect cr = { cx, cy, cw, 18 };
        gs_draw_rect(dl, cr, with_alpha(RGB(255, 255, 255), a), 3, o->id);
        gs_draw_rect_line(dl, cr, with_alpha(C_BORDER, a), 3, 1, o->id);
        char v[64];
        bool inl;
        cell_value(ui, s, sl->target, v, sizeof v, &inl);
        if (inl) {
            char both[128];
            snprintf(both, sizeof both, "%s%s%s", sl->label, sl->label[0] ? ":" : "", v);
            text_fit(ui, dl, GS_FONT_SMALL, cx + 4, cy + 2, cw - 6, both, with_alpha(C_TEXT, a));
        } else {
            text_fit(ui, dl, GS_FONT_SMALL, cx + 4, cy + 2, cw - 14, sl->label, with_alpha(C_MUTED, a));
            gs_draw_circle(dl, cx + cw - 7, cy + 9, 3.5f, with_alpha(C_TEXT, a), o->id);
            if (*nanchor < 8) {
                anchor_x[*nanchor] = cx + cw - 7;
                anchor_y[*nanchor] = cy + 9;
                (*nanchor)++;
            }
        }
        cx += cw + 2;
    }
    if (o->nslots > cells) {
        char more[24];
        snprintf(more, sizeof more, "+%d", o->nslots - cells);
        text(dl, GS_FONT_SMALL, x + w - tw(ui, GS_FONT_SMALL, more) - 6, cy + 2, more, with_alpha(C_MUTED, a));
    }
    (void)pl;
    (void)npl;
}

static int cmp_placed(const void *a, const void *b)
{
    uint32_t x = ((const Placed *)a)->o->id, y = ((const Placed *)b)->o->id;
    return x < y ? -1 : x > y;
}

static void draw_heap(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, double dt)
{
    const gs_Scene *s = d->scene;
    gs_Rect c = ui->canvas;
    gs_draw_rect(dl, c, C_PANEL_ALT, 6, 0);
    gs_draw_clip(dl, c);
    HeapGeom g;
    heap_geometry(ui, d, &g);
    /* band backgrounds and titles */
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        if (!g.band_shown[b])
            continue;
        bool collected = s->in_collection && b <= GS_BAND_GEN2 && b <= s->collecting_gen;
        gs_Rect br = { sx(ui, g.band_x[b]), c.y, g.band_w[b] * ui->zoom - 6, c.h };
        gs_draw_rect(dl, br, collected ? tint(C_ORANGE, 0.20f) : tint(band_color(ui, b), 0.06f), 0, 0);
        char t[64];
        int n = 0;
        for (int i = 0; i < s->nobjects; i++)
            if (s->objects[i].band == b && shown_as_node(ui, &s->objects[i]))
                n++;
        if (g.band_w[b] < 70 && b <= GS_BAND_GEN2)
            snprintf(t, sizeof t, "g%d · %d", b, n);
        else if (g.band_w[b] < 150 && b <= GS_BAND_GEN2)
            snprintf(t, sizeof t, "gen %d · %d", b, n);
        else if (g.band_w[b] < 150)
            snprintf(t, sizeof t, "%s · %d", b == GS_BAND_PERMANENT ? "perm." : "untracked", n);
        else
            snprintf(t, sizeof t, "%s · %d", band_title(b), n);
        text_fit(ui, dl, GS_FONT_SMALL, br.x + 8, c.y + 6, br.w - 10, t, collected ? C_VERMILLION : C_MUTED);
    }
    text(dl, GS_FONT_SMALL, sx(ui, g.names_x) + 8, c.y + 6, "names (frames)", C_MUTED);
    /* place every drawn object */
    Placed *pl = malloc((size_t)(s->nobjects ? s->nobjects : 1) * sizeof *pl);
    int npl = 0;
    if (!pl) {
        gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
        return;
    }
    uint32_t *rank = NULL;
    uint32_t nextrank[GS_BAND_COUNT] = { 0 };
    if (!d->placement)
        rank = NULL;
    for (int i = 0; i < s->nobjects; i++) {
        const gs_SceneObject *o = &s->objects[i];
        if (!shown_as_node(ui, o))
            continue;
        uint32_t row;
        const gs_Stay *st = d->placement ? gs_placement_at(d->placement, o->id, s->event) : NULL;
        row = st ? st->row : nextrank[o->band]++;
        Placed *p = &pl[npl++];
        p->o = o;
        p->r = (gs_Rect){ g.band_x[o->band] + 8, g.top + (float)row * ROW_H, node_width(ui, s, o), NODE_H };
        /* animate towards the target position */
        gs_NodeAnim *an = anim_of(ui, o->id, true);
        float k = dt > 0 ? (float)(1.0 - exp(-dt * 10.0)) : 1.0f;
        if (!an) {
            p->x = p->r.x;
            p->y = p->r.y;
            p->alpha = 1;
        } else {
            if (isnan(an->x)) {
                an->x = p->r.x;
                an->y = p->r.y;
                an->alpha = 0;
            }
            an->x += (p->r.x - an->x) * k;
            an->y += (p->r.y - an->y) * k;
            an->alpha += (1 - an->alpha) * k;
            if (an->last_refcount >= 0 && an->last_refcount != o->refcount) {
                an->pulse = 1;
                an->pulse_sign = (int8_t)(o->refcount > an->last_refcount ? 1 : -1);
            }
            an->last_refcount = o->refcount;
            an->pulse *= dt > 0 ? (float)exp(-dt * 3.0) : 0.0f;
            an->band = o->band;
            p->x = an->x;
            p->y = an->y;
            p->alpha = an->alpha;
        }
        float px = sx(ui, p->x), py = sy(ui, p->y);
        p->visible = px + p->r.w * ui->zoom > c.x - 200 && px < c.x + c.w + 200 && py + NODE_H * ui->zoom > c.y - 200 &&
                     py < c.y + c.h + 200;
    }
    free(rank);
    qsort(pl, (size_t)npl, sizeof *pl, cmp_placed);
    bool big = npl > 1500;
    /* frames: the roots, with arrows from their names */
    float fy = g.top;
    ui->nhits = 0;
    for (int fi = 0; fi < s->nframes; fi++) {
        const gs_SceneFrame *f = &s->frames[fi];
        float fh = 26 + (float)f->nnames * 20;
        gs_Rect fr = { sx(ui, g.names_x + 8), sy(ui, fy), (g.names_w - 8) * ui->zoom, fh * ui->zoom };
        bool top_frame = fi == s->nframes - 1;
        gs_draw_rect(dl, fr, top_frame ? C_TOP_FRAME : C_PANEL, 6, 0);
        gs_draw_rect_line(dl, fr, top_frame ? C_ORANGE : C_BORDER, 6, top_frame ? 2 : 1, 0);
        if (ui->zoom >= 0.45f) {
            text_fit(ui, dl, zf(ui, GS_FONT_UI_BOLD), fr.x + 8, fr.y + 4, fr.w - 16, f->title, C_TEXT);
            for (int k = 0; k < f->nnames; k++) {
                const gs_SceneName *nm = &s->names[f->first_name + k];
                float ny = fr.y + (26 + (float)k * 20) * ui->zoom;
                char v[64];
                bool inl;
                cell_value(ui, s, nm->target, v, sizeof v, &inl);
                char line[128];
                if (inl)
                    snprintf(line, sizeof line, "%s = %s", nm->name, v);
                else
                    snprintf(line, sizeof line, "%s", nm->name);
                text_fit(ui, dl, zf(ui, GS_FONT_MONO), fr.x + 10, ny, fr.w - 30, line, C_TEXT);
                const Placed *t = inl ? NULL : find_placed(pl, npl, nm->target);
                if (t) {
                    float ax = fr.x + fr.w - 10, ay = ny + 8;
                    gs_draw_circle(dl, ax, ay, 3.5f, C_TEXT, 0);
                    bool hl = nm->target == ui->selected;
                    if (!big || hl || t->visible)
                        edge(ui, dl, ax, ay, t, hl ? C_ORANGE : with_alpha(C_TEXT, 0.75f), hl ? 2.5f : 1.5f);
                }
            }
        }
        fy += fh + 12;
    }
    /* edges, then nodes on top */
    for (int i = 0; i < npl; i++) {
        const Placed *p = &pl[i];
        const gs_SceneObject *o = p->o;
        /* big heaps: edges between boxes on screen, plus the selection's */
        if (!p->visible && !(big && o->id == ui->selected))
            continue;
        float x = sx(ui, p->x), y = sy(ui, p->y), w = p->r.w * ui->zoom, h = p->r.h * ui->zoom;
        float widths[5], cells_w;
        int cells = node_cells(ui, s, o, widths, &cells_w);
        float cell_x[6];
        cell_x[0] = x + 8;
        for (int k = 0; k < cells; k++)
            cell_x[k + 1] = cell_x[k] + widths[k] * ui->zoom + 2;
        for (int k = 0; k < o->nslots; k++) {
            const gs_SceneSlot *sl = &s->slots[o->first_slot + k];
            const Placed *t = find_placed(pl, npl, sl->target);
            if (!t || (big && !t->visible && o->id != ui->selected && sl->target != ui->selected))
                continue;
            float ax, ay;
            if (k < cells && ui->zoom >= 0.45f && cell_x[k + 1] - 2 <= x + w - 4) {
                ax = cell_x[k + 1] - 2 - 7;
                ay = y + h - 13;
            } else {
                ax = x + w;
                ay = y + h / 2;
            }
            bool flash = s->edge_from == o->id && s->edge_to == sl->target;
            bool hl = o->id == ui->selected || sl->target == ui->selected;
            gs_Color ec = flash ? C_VERMILLION : hl ? C_ORANGE : with_alpha(C_TEXT, 0.6f * p->alpha);
            if (sl->weak)
                ec = hl ? C_ORANGE : with_alpha(C_MUTED, 0.8f * p->alpha);
            if (t == p)
                self_loop(ui, dl, ax, ay, p, ec);
            else
                edge_ex(ui, dl, ax, ay, t, ec, flash ? 3.5f : hl ? 2.5f : 1.4f, sl->weak);
        }
    }
    for (int i = 0; i < npl; i++) {
        if (!pl[i].visible)
            continue;
        float axs[8], ays[8];
        int na;
        if (big && ui->zoom < 0.45f) {
            gs_Rect r = { sx(ui, pl[i].x), sy(ui, pl[i].y), pl[i].r.w * ui->zoom, pl[i].r.h * ui->zoom };
            gs_draw_rect(dl, r, band_color(ui, pl[i].o->band), 2, pl[i].o->id);
            add_hit(ui, r, pl[i].o->id);
            continue;
        }
        draw_node(ui, dl, d, &pl[i], pl, npl, axs, ays, &na);
    }
    /* fade out objects that just died */
    for (int i = 0; i < ui->nanim; i++) {
        gs_NodeAnim *an = &ui->anim[i];
        if (find_placed(pl, npl, an->id) || isnan(an->x))
            continue;
        an->alpha -= (float)dt * 3.0f;
        if (an->alpha <= 0) {
            an->x = NAN;
            an->alpha = 0;
            continue;
        }
        gs_Rect r = { sx(ui, an->x), sy(ui, an->y), 120 * ui->zoom, NODE_H * ui->zoom };
        gs_draw_rect(dl, r, with_alpha(C_FREED, an->alpha), 6, 0);
        gs_draw_rect_line(dl, r, with_alpha(C_VERMILLION, an->alpha), 6, 1.5f, 0);
        if (ui->zoom >= 0.45f)
            text(dl, GS_FONT_SMALL, r.x + 8, r.y + 8, "freed", with_alpha(C_VERMILLION, an->alpha));
    }
    free(pl);
    if (s->nobjects == 0 && s->nframes == 0)
        text(dl, GS_FONT_UI, c.x + 20, c.y + 40, "Nothing on the heap yet: press → to run the first step.", C_MUTED);
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
}

/* ================================================================== source panel */

static int count_lines(const char *s, size_t n)
{
    int lines = n ? 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' && i + 1 < n)
            lines++;
    return lines;
}

static bool is_breakpoint(const gs_UiData *d, int line)
{
    for (int i = 0; i < d->nbreakpoints; i++)
        if (d->breakpoints[i] == line)
            return true;
    return false;
}

/* Width of the widest line that holds code; comment-only lines (a lesson's
 * narration) wrap in the narration panel, so they do not count. */
static float code_width(gs_Ui *ui, const char *src, size_t len)
{
    float w = 0;
    const char *p = src, *end = src + len;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '\n')
            q++;
        const char *t = p;
        while (t < q && (*t == ' ' || *t == '\t'))
            t++;
        if (t < q && *t != '#' && q - p < 200) {
            int tabs = 0;
            for (const char *c = p; c < q; c++)
                tabs += *c == '\t';
            float lw = ui->tm.width(ui->tm.ctx, GS_FONT_MONO, p, (size_t)(q - p)) +
                       (float)tabs * 3 * ui->tm.width(ui->tm.ctx, GS_FONT_MONO, " ", 1);
            if (lw > w)
                w = lw;
        }
        p = q < end ? q + 1 : q;
    }
    return w;
}

static void draw_source(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    panel(dl, r, "SOURCE", ui);
    float top = panel_top(ui, r);
    float lh = th(ui, GS_FONT_MONO) + 2;
    int visible = (int)((r.y + r.h - top - 4) / lh);
    int nlines = count_lines(d->source, d->source_len);
    int cur = d->scene->line;
    if (ui->follow_line && cur > 0) {
        if (cur < ui->source_scroll + 2 || cur > ui->source_scroll + visible - 2)
            ui->source_scroll = cur - visible / 3;
    }
    if (ui->source_scroll > nlines - visible)
        ui->source_scroll = nlines - visible;
    if (ui->source_scroll < 0)
        ui->source_scroll = 0;
    float gutter = 60;
    ui->gutter_rect = (gs_Rect){ r.x, top, gutter, r.y + r.h - top };
    ui->source_rect = (gs_Rect){ r.x, top, r.w, r.y + r.h - top };
    gs_draw_clip(dl, (gs_Rect){ r.x + 1, top, r.w - 2, r.y + r.h - top - 2 });
    const char *p = d->source, *end = d->source + d->source_len;
    int line = 1;
    while (p < end && line <= ui->source_scroll) {
        if (*p++ == '\n')
            line++;
    }
    float y = top;
    for (; line <= nlines && y + lh <= r.y + r.h; line++) {
        const char *q = p;
        while (q < end && *q != '\n' && *q != '\r')
            q++;
        if (line == d->error_line && d->error) {
            /* the line an error names stays marked whatever the step */
            gs_draw_rect(dl, (gs_Rect){ r.x + 2, y - 1, r.w - 4, lh }, C_ERROR_BG, 0, 0);
            gs_draw_rect(dl, (gs_Rect){ r.x + 2, y - 1, 3, lh }, C_VERMILLION, 0, 0);
        }
        if (line == cur) {
            gs_draw_rect(dl, (gs_Rect){ r.x + 2, y - 1, r.w - 4, lh }, C_CURRENT, 0, 0);
            gs_draw_triangle(dl, r.x + 30, y + lh / 2, r.x + 21, y + 3, r.x + 21, y + lh - 4, C_ORANGE, 0);
        }
        if (is_breakpoint(d, line))
            gs_draw_circle(dl, r.x + 11, y + lh / 2, 5, C_VERMILLION, 0);
        char num[16];
        snprintf(num, sizeof num, "%d", line);
        text(dl, GS_FONT_MONO, r.x + gutter - 8 - tw(ui, GS_FONT_MONO, num) - 4, y, num, C_FAINT);
        size_t n = (size_t)(q - p);
        if (n > 400)
            n = 400;
        /* tabs as spaces; comments muted */
        char buf[512];
        size_t k = 0, comment = SIZE_MAX;
        bool in_str = false;
        char qc = 0;
        for (size_t i = 0; i < n && k < sizeof buf - 5; i++) {
            char ch = p[i];
            if (!in_str && (ch == '\'' || ch == '"')) {
                in_str = true;
                qc = ch;
            } else if (in_str && ch == qc)
                in_str = false;
            if (!in_str && ch == '#' && comment == SIZE_MAX)
                comment = k;
            if (ch == '\t') {
                for (int t = 0; t < 4; t++)
                    buf[k++] = ' ';
            } else
                buf[k++] = ch;
        }
        buf[k] = 0;
        float tx = r.x + gutter;
        if (comment == SIZE_MAX)
            text(dl, GS_FONT_MONO, tx, y, buf, C_TEXT);
        else {
            gs_draw_text(dl, GS_FONT_MONO, tx, y, buf, comment, C_TEXT, 0);
            float cx = tx + ui->tm.width(ui->tm.ctx, GS_FONT_MONO, buf, comment);
            bool narr = buf[comment + 1] == '>' || buf[comment + 1] == '?' || buf[comment + 1] == '=';
            gs_draw_text(dl, GS_FONT_MONO, cx, y, buf + comment, k - comment, narr ? C_GREEN : C_FAINT, 0);
        }
        y += lh;
        p = q;
        if (p < end && *p == '\r')
            p++;
        if (p < end && *p == '\n')
            p++;
    }
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
}

/* ================================================================== right column: GC and inspector */

static void draw_gc_panel(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    const gs_Scene *s = d->scene;
    panel(dl, r, "CYCLE COLLECTOR", ui);
    float y = panel_top(ui, r);
    for (int g = 0; g < 3; g++) {
        char t[96];
        snprintf(t, sizeof t, "gen %d  count %d / %d", g, s->gens[g].count, s->gens[g].threshold);
        bool coll = s->in_collection && g <= s->collecting_gen;
        text(dl, GS_FONT_SMALL, r.x + 10, y, t, coll ? C_VERMILLION : C_TEXT);
        char objs[32];
        snprintf(objs, sizeof objs, "%d objects", s->gens[g].objects);
        text(dl, GS_FONT_SMALL, r.x + r.w - 10 - tw(ui, GS_FONT_SMALL, objs), y, objs, C_MUTED);
        y += th(ui, GS_FONT_SMALL) + 2;
        gs_Rect bar = { r.x + 10, y, r.w - 20, 8 };
        gs_draw_rect(dl, bar, C_TRACK, 4, 0);
        float frac = s->gens[g].threshold > 0 ? (float)s->gens[g].count / (float)s->gens[g].threshold : 0;
        if (frac > 1)
            frac = 1;
        if (frac > 0)
            gs_draw_rect(dl, (gs_Rect){ bar.x, bar.y, bar.w * frac, bar.h }, band_color(ui, g), 4, 0);
        y += 11;
        char stats[128];
        snprintf(stats, sizeof stats, "%d collection%s · %d collected%s", d->gen_collections[g],
                 d->gen_collections[g] == 1 ? "" : "s", d->gen_collected[g],
                 d->gen_uncollectable[g] ? " · uncollectable!" : "");
        text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, stats, C_FAINT);
        y += th(ui, GS_FONT_SMALL) + 5;
    }
    char st[128];
    if (s->in_collection)
        snprintf(st, sizeof st, "collecting generation %d: %s", s->collecting_gen, s->phase);
    else
        snprintf(st, sizeof st, "%s", s->gc_enabled ? "automatic collection on" : "automatic collection OFF (gc.disable)");
    text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y + 2, r.w - 20, st, s->in_collection ? C_VERMILLION : C_MUTED);
}

static int referrers(const gs_Scene *s, uint32_t id, uint32_t *out, const char **labels, int max)
{
    int n = 0;
    for (int i = 0; i < s->nobjects && n < max; i++) {
        const gs_SceneObject *o = &s->objects[i];
        for (int k = 0; k < o->nslots && n < max; k++)
            if (s->slots[o->first_slot + k].target == id && !s->slots[o->first_slot + k].weak) {
                out[n] = o->id;
                labels[n] = s->slots[o->first_slot + k].label;
                n++;
            }
    }
    return n;
}

/* "Why is this alive?": a path from a frame's name to the object (BFS). */
static int why_alive(const gs_Scene *s, uint32_t target, char *buf, size_t n)
{
    int cap = s->nobjects + 1;
    uint32_t *q = malloc((size_t)cap * sizeof *q);
    int *prev = malloc((size_t)cap * sizeof *prev);
    int *via = malloc((size_t)cap * sizeof *via);
    char *seen = calloc((size_t)cap, 1);
    if (!q || !prev || !via || !seen) {
        free(q); free(prev); free(via); free(seen);
        return -1;
    }
    int head = 0, tail = 0, found = -1;
    const char *root_name = NULL;
    int root_frame = -1;
    /* roots: every name of every frame */
    for (int fi = s->nframes - 1; fi >= 0 && found < 0; fi--) {
        const gs_SceneFrame *f = &s->frames[fi];
        for (int k = 0; k < f->nnames; k++) {
            const gs_SceneName *nm = &s->names[f->first_name + k];
            const gs_SceneObject *o = gs_scene_find(s, nm->target);
            if (!o)
                continue;
            int idx = (int)(o - s->objects);
            if (seen[idx])
                continue;
            seen[idx] = 1;
            q[tail] = (uint32_t)idx;
            prev[tail] = -1;
            via[tail] = f->first_name + k;
            tail++;
        }
    }
    while (head < tail) {
        int cur = head++;
        const gs_SceneObject *o = &s->objects[q[cur]];
        if (o->id == target) {
            found = cur;
            break;
        }
        for (int k = 0; k < o->nslots; k++) {
            if (s->slots[o->first_slot + k].weak)
                continue; /* a weak reference keeps nothing alive */
            const gs_SceneObject *t = gs_scene_find(s, s->slots[o->first_slot + k].target);
            if (!t)
                continue;
            int idx = (int)(t - s->objects);
            if (seen[idx] || tail >= cap)
                continue;
            seen[idx] = 1;
            q[tail] = (uint32_t)idx;
            prev[tail] = cur;
            via[tail] = o->first_slot + k;
            tail++;
        }
    }
    buf[0] = 0;
    if (found >= 0) {
        int chain[64], nc = 0;
        for (int c = found; c >= 0 && nc < 64; c = prev[c])
            chain[nc++] = c;
        size_t len = 0;
        for (int i = nc - 1; i >= 0; i--) {
            int c = chain[i];
            const gs_SceneObject *o = &s->objects[q[c]];
            if (prev[c] < 0) {
                const gs_SceneName *nm = &s->names[via[c]];
                root_name = nm->name;
                for (int fi = 0; fi < s->nframes; fi++)
                    if (via[c] >= s->frames[fi].first_name && via[c] < s->frames[fi].first_name + s->frames[fi].nnames)
                        root_frame = fi;
                len += (size_t)snprintf(buf + len, len < n ? n - len : 0, "%s: %s → %s #%u",
                                        root_frame >= 0 ? s->frames[root_frame].title : "frame", root_name, o->type,
                                        o->id);
            } else
                len += (size_t)snprintf(buf + len, len < n ? n - len : 0, " .%s → %s #%u", s->slots[via[c]].label,
                                        o->type, o->id);
        }
    }
    free(q); free(prev); free(via); free(seen);
    return found >= 0 ? 0 : 1;
}

static void draw_inspector(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    const gs_Scene *s = d->scene;
    panel(dl, r, "INSPECTOR", ui);
    float y = panel_top(ui, r);
    float lh = th(ui, GS_FONT_SMALL) + 3;
    const gs_SceneObject *o = ui->selected ? gs_scene_find(s, ui->selected) : NULL;
    if (!o) {
        text_wrap(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, r.y + r.h - y,
                  ui->selected ? "The selected object has been freed at this point."
                               : "Click an object on the heap to see who refers to it and why it is still alive.",
                  C_MUTED);
        return;
    }
    char t[160];
    snprintf(t, sizeof t, "%s #%u %s", o->type, o->id, o->value);
    text_fit(ui, dl, GS_FONT_UI_BOLD, r.x + 10, y, r.w - 20, t, C_TEXT);
    y += th(ui, GS_FONT_UI_BOLD) + 4;
    const char *where = band_title(o->band);
    snprintf(t, sizeof t, "refcount %d · %s", o->refcount, where);
    text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, t, C_TEXT);
    y += lh;
    if (o->flags & GS_SO_HAS_GCREFS) {
        snprintf(t, sizeof t, "gc_refs %lld%s", (long long)o->gc_refs,
                 (o->flags & GS_SO_UNREACHABLE) ? " · tentatively unreachable" : "");
        text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, t, C_ORANGE);
        y += lh;
    }
    if (o->created_line > 0) {
        snprintf(t, sizeof t, "created on line %d%s", o->created_line, (o->flags & GS_SO_FINALIZED) ? " · __del__ has run" : "");
        text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, t, C_MUTED);
        y += lh;
    }
    /* referrers */
    uint32_t ids[16];
    const char *labs[16];
    int nr = referrers(s, o->id, ids, labs, 16);
    int named = 0;
    for (int fi = 0; fi < s->nframes; fi++)
        for (int k = 0; k < s->frames[fi].nnames; k++)
            if (s->names[s->frames[fi].first_name + k].target == o->id)
                named++;
    snprintf(t, sizeof t, "held by %d name%s and %d slot%s:", named, named == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
    y += 2;
    text(dl, GS_FONT_SMALL, r.x + 10, y, t, C_MUTED);
    y += lh;
    for (int fi = 0; fi < s->nframes && y < r.y + r.h - 60; fi++)
        for (int k = 0; k < s->frames[fi].nnames; k++) {
            const gs_SceneName *nm = &s->names[s->frames[fi].first_name + k];
            if (nm->target != o->id)
                continue;
            snprintf(t, sizeof t, "  %s: name %s", s->frames[fi].title, nm->name);
            text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, t, C_TEXT);
            y += lh;
        }
    for (int i = 0; i < nr && y < r.y + r.h - 60; i++) {
        const gs_SceneObject *h = gs_scene_find(s, ids[i]);
        snprintf(t, sizeof t, "  %s #%u [%s]", h ? h->type : "?", ids[i], labs[i]);
        gs_Rect hr = { r.x + 8, y - 1, r.w - 16, lh };
        if (in_rect(hr, ui->mouse_x, ui->mouse_y))
            gs_draw_rect(dl, hr, C_CURRENT, 3, 0);
        text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, t, C_BLUE);
        add_hit(ui, hr, ids[i]);
        y += lh;
    }
    /* referents */
    if (o->nslots && y < r.y + r.h - 50) {
        snprintf(t, sizeof t, "refers to %d object%s:", o->nslots, o->nslots == 1 ? "" : "s");
        y += 2;
        text(dl, GS_FONT_SMALL, r.x + 10, y, t, C_MUTED);
        y += lh;
        for (int k = 0; k < o->nslots && y < r.y + r.h - 50; k++) {
            const gs_SceneSlot *sl = &s->slots[o->first_slot + k];
            const gs_SceneObject *tgt = gs_scene_find(s, sl->target);
            snprintf(t, sizeof t, "  [%s] %s #%u %s", sl->label, tgt ? tgt->type : "object", sl->target,
                     tgt ? tgt->value : "");
            gs_Rect hr = { r.x + 8, y - 1, r.w - 16, lh };
            text_fit(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, t, tgt ? C_BLUE : C_MUTED);
            if (tgt)
                add_hit(ui, hr, sl->target);
            y += lh;
        }
    }
    /* why alive */
    char path[512];
    int w = why_alive(s, o->id, path, sizeof path);
    y += 4;
    text(dl, GS_FONT_SMALL, r.x + 10, y, "why is it alive?", C_MUTED);
    y += lh;
    if (w == 0)
        text_wrap(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, r.y + r.h - y - 4, path, C_TEXT);
    else
        text_wrap(ui, dl, GS_FONT_SMALL, r.x + 10, y, r.w - 20, r.y + r.h - y - 4,
                  "No name reaches it: only a reference cycle (or a hidden holder) keeps it alive. "
                  "The cycle collector can find it.",
                  C_VERMILLION);
}

/* ================================================================== bottom: narration, events, output, plot */

static void draw_narration(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    panel(dl, r, "WHAT IS HAPPENING", ui);
    float y = panel_top(ui, r);
    const gs_Scene *s = d->scene;
    if (d->narration && *d->narration) {
        /* a long paragraph steps down a size rather than lose its end */
        float room = r.y + r.h - y - 26;
        gs_FontId f = GS_FONT_UI;
        if (text_wrap(ui, NULL, f, 0, 0, r.w - 24, 1e9f, d->narration, C_TEXT) > room)
            f = GS_FONT_SMALL;
        float h = text_wrap(ui, dl, f, r.x + 12, y, r.w - 24, room, d->narration, C_TEXT);
        y += h + 6;
    }
    if (s->event + 1 >= s->nevents && s->nevents > 0 && d->recap && *d->recap && !d->recording) {
        float h = text_wrap(ui, dl, GS_FONT_UI, r.x + 12, y, r.w - 24, r.y + r.h - y - 26, d->recap, C_GREEN);
        y += h + 6;
    }
    if (s->last_event[0]) {
        const char *le = s->last_event;
        const char *colon = strstr(le, ": ");
        if (colon && colon - le <= 6)
            le = colon + 2; /* "17: ..." -> "..." (the line is highlighted in the source) */
        text_wrap(ui, dl, GS_FONT_MONO, r.x + 12, y, r.w - 24, r.y + r.h - y - 4, le, C_BLUE);
    }
}

static void draw_bottom_tabs(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    gs_draw_rect(dl, r, C_PANEL, 6, 0);
    gs_draw_rect_line(dl, r, C_BORDER, 6, 1, 0);
    static const char *tabs[] = { "EVENTS", "OUTPUT", "LIVE OBJECTS" };
    float x = r.x + 8;
    for (int i = 0; i < 3; i++) {
        float w = tw(ui, GS_FONT_SMALL, tabs[i]) + 18;
        gs_Rect tr = { x, r.y + 4, w, 20 };
        if (i == ui->bottom_tab)
            gs_draw_rect(dl, tr, tint(C_SKY, 0.25f), 4, 0);
        text(dl, GS_FONT_SMALL, x + 9, r.y + 7, tabs[i], i == ui->bottom_tab ? C_TEXT : C_MUTED);
        add_button(ui, tr, GS_ACT_NONE, 1000 + i, "Switch the bottom panel");
        x += w + 4;
    }
    float top = r.y + 30;
    gs_draw_line(dl, r.x + 1, top - 2, r.x + r.w - 1, top - 2, C_BORDER, 1, 0);
    gs_draw_clip(dl, (gs_Rect){ r.x + 2, top, r.w - 4, r.h - (top - r.y) - 2 });
    float lh = th(ui, GS_FONT_MONO) + 1;
    if (ui->bottom_tab == 0) {
        int rows = (int)((r.y + r.h - top - 4) / lh);
        int start = d->nevent_log - rows;
        if (start < 0)
            start = 0;
        float y = top + 2;
        for (int i = start; i < d->nevent_log; i++) {
            bool current = d->event_log_index && d->event_log_index[i] == d->scene->event;
            gs_Rect er = { r.x + 4, y, r.w - 8, lh };
            if (current)
                gs_draw_rect(dl, er, C_CURRENT, 0, 0);
            text_fit(ui, dl, GS_FONT_MONO, r.x + 8, y, r.w - 16, d->event_log[i], current ? C_TEXT : C_MUTED);
            if (d->event_log_index)
                add_button(ui, er, GS_ACT_SEEK, (int64_t)d->event_log_index[i], "Jump to this event");
            y += lh;
        }
    } else if (ui->bottom_tab == 1) {
        /* the last lines of output that fit */
        int rows = (int)((r.y + r.h - top - 4) / lh);
        const char *o = d->output ? d->output : "";
        size_t n = d->output_len;
        int seen = 0;
        size_t start = n;
        while (start > 0 && seen <= rows) {
            start--;
            if (o[start] == '\n' && start + 1 < n)
                seen++;
        }
        if (seen > rows)
            start++;
        float y = top + 2;
        const char *p = o + start, *end = o + n;
        while (p < end && y + lh <= r.y + r.h) {
            const char *q = memchr(p, '\n', (size_t)(end - p));
            if (!q)
                q = end;
            gs_draw_text(dl, GS_FONT_MONO, r.x + 8, y, p, (size_t)(q - p) > 300 ? 300 : (size_t)(q - p), C_TEXT, 0);
            y += lh;
            p = q + 1;
        }
        if (n == 0)
            text(dl, GS_FONT_SMALL, r.x + 8, top + 4, "(nothing printed yet)", C_FAINT);
    } else {
        /* live objects per generation over time */
        gs_Rect pr = { r.x + 10, top + 6, r.w - 20, r.y + r.h - top - 16 };
        gs_draw_rect_line(dl, pr, C_BORDER, 0, 1, 0);
        if (d->nplot > 1 && d->plot_max > 0) {
            for (int g = 0; g < 3; g++) {
                float px = 0, py = 0;
                for (int i = 0; i < d->nplot; i++) {
                    float x = pr.x + pr.w * (float)i / (float)(d->nplot - 1);
                    float y = pr.y + pr.h - pr.h * (float)d->plot[i * 3 + g] / (float)d->plot_max;
                    if (i)
                        gs_draw_line(dl, px, py, x, y, band_color(ui, g), 2, 0);
                    px = x;
                    py = y;
                }
            }
            char mx[32];
            snprintf(mx, sizeof mx, "%d", d->plot_max);
            text(dl, GS_FONT_SMALL, pr.x + 4, pr.y + 2, mx, C_MUTED);
            text(dl, GS_FONT_SMALL, pr.x + pr.w - 150, pr.y + 2, "gen 0   gen 1   gen 2", C_MUTED);
            for (int g = 0; g < 3; g++)
                gs_draw_rect(dl, (gs_Rect){ pr.x + pr.w - 156 + (float)g * 54, pr.y + 8, 4, 4 }, band_color(ui, g), 0, 0);
        } else
            text(dl, GS_FONT_SMALL, pr.x + 8, pr.y + 8, "(the plot fills in as the program runs)", C_FAINT);
    }
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
}

/* ================================================================== toolbar, scrubber, status */

static void icon_button(gs_Ui *ui, gs_DrawList *dl, float x, float y, int icon, uint8_t action, int64_t arg,
                        const char *tip, bool active)
{
    gs_Rect r = { x, y, 34, 30 };
    bool hover = in_rect(r, ui->mouse_x, ui->mouse_y);
    gs_draw_rect(dl, r, active ? C_ORANGE : hover ? C_BUTTON_HOVER : C_BUTTON, 5, 0);
    gs_Color c = C_TOOLBAR_TEXT;
    float cx = x + 17, cy = y + 15;
    switch (icon) {
    case 0: /* |<  home */
        gs_draw_rect(dl, (gs_Rect){ cx - 8, cy - 7, 2.5f, 14 }, c, 0, 0);
        gs_draw_triangle(dl, cx - 5, cy, cx + 6, cy - 7, cx + 6, cy + 7, c, 0);
        break;
    case 1: /* << previous line */
        gs_draw_triangle(dl, cx - 9, cy, cx, cy - 7, cx, cy + 7, c, 0);
        gs_draw_triangle(dl, cx, cy, cx + 9, cy - 7, cx + 9, cy + 7, c, 0);
        break;
    case 2: /* < one step back */
        gs_draw_triangle(dl, cx - 6, cy, cx + 5, cy - 7, cx + 5, cy + 7, c, 0);
        break;
    case 3: /* > one step */
        gs_draw_triangle(dl, cx + 6, cy, cx - 5, cy - 7, cx - 5, cy + 7, c, 0);
        break;
    case 4: /* >> next line */
        gs_draw_triangle(dl, cx + 9, cy, cx, cy - 7, cx, cy + 7, c, 0);
        gs_draw_triangle(dl, cx, cy, cx - 9, cy - 7, cx - 9, cy + 7, c, 0);
        break;
    case 5: /* >| end */
        gs_draw_triangle(dl, cx + 5, cy, cx - 6, cy - 7, cx - 6, cy + 7, c, 0);
        gs_draw_rect(dl, (gs_Rect){ cx + 6, cy - 7, 2.5f, 14 }, c, 0, 0);
        break;
    case 6: /* play / pause */
        if (active) {
            gs_draw_rect(dl, (gs_Rect){ cx - 6, cy - 7, 4, 14 }, c, 0, 0);
            gs_draw_rect(dl, (gs_Rect){ cx + 2, cy - 7, 4, 14 }, c, 0, 0);
        } else
            gs_draw_triangle(dl, cx + 7, cy, cx - 5, cy - 8, cx - 5, cy + 8, c, 0);
        break;
    case 7: /* G: next collection — a small recycling ring */
        gs_draw_circle(dl, cx, cy, 8, c, 0);
        gs_draw_circle(dl, cx, cy, 4.5f, active ? C_ORANGE : C_BUTTON, 0);
        break;
    }
    add_button(ui, r, action, arg, tip);
    if (hover)
        snprintf(ui->tooltip, sizeof ui->tooltip, "%s", tip);
}

static void text_button(gs_Ui *ui, gs_DrawList *dl, float x, float y, const char *label, uint8_t action, int64_t arg,
                        const char *tip, bool active, float *w_out)
{
    float w = tw(ui, GS_FONT_SMALL, label) + 18;
    gs_Rect r = { x, y, w, 30 };
    bool hover = in_rect(r, ui->mouse_x, ui->mouse_y);
    gs_draw_rect(dl, r, active ? C_ORANGE : hover ? C_BUTTON_HOVER : C_BUTTON, 5, 0);
    text(dl, GS_FONT_SMALL, x + 9, y + 7, label, active ? C_TEXT : C_TOOLBAR_TEXT);
    add_button(ui, r, action, arg, tip);
    if (hover)
        snprintf(ui->tooltip, sizeof ui->tooltip, "%s", tip);
    *w_out = w;
}

static void draw_toolbar(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d)
{
    gs_Rect r = { 0, 0, (float)ui->w, 44 };
    ui->toolbar_rect = r;
    gs_draw_rect(dl, r, C_TOOLBAR, 0, 0);
    float x = 8, y = 7, w;
    text_button(ui, dl, x, y, "Lessons", GS_ACT_BROWSER, 0, "Back to the lesson list (Esc)", false, &w);
    x += w + 14;
    icon_button(ui, dl, x, y, 0, GS_ACT_HOME, 0, "Start (Home)", false); x += 38;
    icon_button(ui, dl, x, y, 1, GS_ACT_PREV_LINE, 0, "Back one line (Shift+F10)", false); x += 38;
    icon_button(ui, dl, x, y, 2, GS_ACT_STEP_BACK, 0, "Back one step (←)", false); x += 38;
    icon_button(ui, dl, x, y, 3, GS_ACT_STEP_FWD, 0, "Forward one step (→)", false); x += 38;
    icon_button(ui, dl, x, y, 4, GS_ACT_NEXT_LINE, 0, "Next line, over calls (F10)", false); x += 38;
    icon_button(ui, dl, x, y, 5, GS_ACT_END, 0, "End (End)", false); x += 44;
    icon_button(ui, dl, x, y, 6, GS_ACT_PLAY_PAUSE, 0, "Play / pause (Space)", d->playing); x += 38;
    char sp[16];
    snprintf(sp, sizeof sp, "speed %d", d->speed);
    text_button(ui, dl, x, y, sp, GS_ACT_SPEED, +1, "Faster (+) · click with Shift for slower (-)", false, &w);
    x += w + 12;
    static const char *gran[] = { "step: event", "step: line", "step: gc phase" };
    text_button(ui, dl, x, y, gran[d->granularity], GS_ACT_GRANULARITY, (d->granularity + 1) % 3,
                "What one step moves: an event, a line or a collector phase", false, &w);
    x += w + 12;
    icon_button(ui, dl, x, y, 7, GS_ACT_NEXT_GC, 0, "Next garbage collection (G)", d->scene->in_collection);
    x += 44;
    text_button(ui, dl, x, y, "?", GS_ACT_NONE, 2000, "All keys (?)", ui->help, &w);
    x += w + 16;
    if (d->title)
        text_fit(ui, dl, GS_FONT_TITLE, x, y + 3, (float)ui->w - x - 12, d->title, C_TOOLBAR_TEXT);
}

static void draw_scrubber(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    ui->scrub_rect = r;
    gs_draw_rect(dl, r, C_PANEL, 6, 0);
    gs_draw_rect_line(dl, r, C_BORDER, 6, 1, 0);
    uint64_t n = d->scene->nevents ? d->scene->nevents : 1;
    ui->scrub_events = n;
    gs_Rect track = { r.x + 14, r.y + r.h / 2 - 3, r.w - 28, 6 };
    gs_draw_rect(dl, track, C_SCRUB, 3, 0);
    float frac = n > 1 ? (float)d->scene->event / (float)(n - 1) : 0;
    gs_draw_rect(dl, (gs_Rect){ track.x, track.y, track.w * frac, track.h }, tint(C_SKY, 0.7f), 3, 0);
    for (int i = 0; i < d->ngc_marks; i++) {
        float x = track.x + track.w * (float)d->gc_marks[i] / (float)(n > 1 ? n - 1 : 1);
        gs_draw_rect(dl, (gs_Rect){ x - 1, r.y + 5, 2.5f, r.h - 10 }, C_ORANGE, 0, 0);
    }
    for (int i = 0; i < d->nline_events; i++) {
        float x = track.x + track.w * (float)d->line_events[i] / (float)(n > 1 ? n - 1 : 1);
        gs_draw_circle(dl, x, r.y + 6, 3, C_VERMILLION, 0);
    }
    float cx = track.x + track.w * frac;
    gs_draw_circle(dl, cx, track.y + 3, 8, C_BLUE, 0);
    gs_draw_circle(dl, cx, track.y + 3, 4, RGB(255, 255, 255), 0);
    if (d->recording) {
        char t[64];
        snprintf(t, sizeof t, "running the program… %.0f events (Esc cancels)", d->record_progress);
        text(dl, GS_FONT_SMALL, track.x + 6, r.y + 2, t, C_VERMILLION);
    }
}

static void draw_status(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    gs_draw_rect(dl, r, C_STATUS, 0, 0);
    char t[256];
    const gs_Scene *s = d->scene;
    int shown = 0;
    for (int i = 0; i < s->nobjects; i++)
        shown += shown_as_node(ui, &s->objects[i]);
    if (d->fps > 0)
        snprintf(t, sizeof t, "event %llu / %llu   ·   line %d   ·   %d objects on the heap   ·   %.0f fps",
                 (unsigned long long)(s->nevents ? s->event + 1 : 0), (unsigned long long)s->nevents, s->line, shown,
                 (double)d->fps);
    else
        snprintf(t, sizeof t, "event %llu / %llu   ·   line %d   ·   %d objects on the heap",
                 (unsigned long long)(s->nevents ? s->event + 1 : 0), (unsigned long long)s->nevents, s->line, shown);
    text(dl, GS_FONT_SMALL, r.x + 10, r.y + 3, t, C_MUTED);
    if (ui->tooltip[0])
        text(dl, GS_FONT_SMALL, r.x + r.w - tw(ui, GS_FONT_SMALL, ui->tooltip) - 12, r.y + 3, ui->tooltip, C_TEXT);
    else if (d->notice)
        text(dl, GS_FONT_SMALL, r.x + r.w - tw(ui, GS_FONT_SMALL, d->notice) - 12, r.y + 3, d->notice, C_TEXT);
    else {
        const char *hint = "→ step · F10 next line · G next collection · click an object · ? keys";
        text(dl, GS_FONT_SMALL, r.x + r.w - tw(ui, GS_FONT_SMALL, hint) - 12, r.y + 3, hint, C_FAINT);
    }
}

/* ================================================================== overlays */

/* Rows of the ? overlay: one or two commands and what they do; the keys
 * shown are the ones bound now (the theme file may rebind them). */
static const struct {
    int a, b;
    const char *what;
} key_help[] = {
    { GS_CMD_STEP_FWD, GS_CMD_STEP_BACK, "one step forward / back (event, line or phase: see the toolbar)" },
    { GS_CMD_NEXT_LINE, GS_CMD_PREV_LINE, "next line, stepping over calls / back one line" },
    { GS_CMD_STEP_INTO, GS_CMD_STEP_OUT, "step into a call / step out of the current function" },
    { GS_CMD_CONTINUE, GS_CMD_REVERSE_CONTINUE, "continue to the next breakpoint / reverse continue" },
    { GS_CMD_BREAKPOINT, 0, "breakpoint on the current line (or click the gutter)" },
    { GS_CMD_NEXT_GC, GS_CMD_PREV_GC, "next / previous garbage collection" },
    { GS_CMD_NEXT_PHASE, GS_CMD_PREV_PHASE, "next / previous collector phase" },
    { GS_CMD_HOME, GS_CMD_END, "first / last event" },
    { GS_CMD_PLAY_PAUSE, 0, "play / pause" },
    { GS_CMD_FASTER, GS_CMD_SLOWER, "play faster / slower" },
    { GS_CMD_WATCH, 0, "watch the selected object: stop when its count changes or it is freed" },
    { GS_CMD_FIT, 0, "fit the whole heap in view (click selects, drag pans, wheel zooms)" },
    { GS_CMD_ZOOM_IN, GS_CMD_ZOOM_OUT, "zoom in / out" },
    { GS_CMD_PRIMITIVES, GS_CMD_DEFINITIONS, "ints and strings / functions and classes: inline or as objects" },
    { GS_CMD_EXPORT, GS_CMD_SCREENSHOT, "export the trace (JSON) / save a screenshot (PNG)" },
    { GS_CMD_RELOAD, 0, "reload the file from disk" },
    { GS_CMD_BACK, GS_CMD_HELP, "back to the lessons, or cancel a long run / this help" },
};

#define GS_COUNTOF_HELP (sizeof key_help / sizeof key_help[0])

static void draw_help(gs_Ui *ui, gs_DrawList *dl)
{
    gs_draw_rect(dl, (gs_Rect){ 0, 0, (float)ui->w, (float)ui->h }, RGBA(0, 0, 0, 110), 0, 0);
    float w = 760, h = 40 + (float)GS_COUNTOF_HELP * (th(ui, GS_FONT_UI) + 8) + 30;
    gs_Rect r = { ((float)ui->w - w) / 2, ((float)ui->h - h) / 2, w, h };
    gs_draw_rect(dl, r, C_PANEL, 10, 0);
    text(dl, GS_FONT_TITLE, r.x + 20, r.y + 14, "Keys", C_TEXT);
    float y = r.y + 50;
    for (size_t i = 0; i < GS_COUNTOF_HELP; i++) {
        char ka[96], kb[96], keys[200];
        gs_command_keys(&ui->theme, key_help[i].a, ka, sizeof ka);
        if (key_help[i].b) {
            gs_command_keys(&ui->theme, key_help[i].b, kb, sizeof kb);
            snprintf(keys, sizeof keys, "%s  |  %s", ka, kb);
        } else
            snprintf(keys, sizeof keys, "%s", ka);
        text_fit(ui, dl, GS_FONT_UI_BOLD, r.x + 20, y, 290, keys, C_BLUE);
        text_fit(ui, dl, GS_FONT_UI, r.x + 320, y, w - 340, key_help[i].what, C_TEXT);
        y += th(ui, GS_FONT_UI) + 8;
    }
}

/* A prediction prompt takes over the narration panel, so the heap it asks
 * about stays in view. */
static void draw_prompt(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    gs_draw_rect(dl, r, C_PROMPT, 6, 0);
    gs_draw_rect_line(dl, r, C_ORANGE, 6, 2.5f, 0);
    text(dl, GS_FONT_UI_BOLD, r.x + 14, r.y + 10, "Predict before you step", C_ORANGE);
    float y = r.y + 36, w = r.w - 28;
    y += text_wrap(ui, dl, GS_FONT_UI, r.x + 14, y, w, 60, d->prompt_question, C_TEXT) + 8;
    if (!d->prompt_revealed) {
        text(dl, GS_FONT_SMALL, r.x + 14, y, "Look at the heap, decide, then press Enter (or click here) to check.",
             C_MUTED);
        add_button(ui, r, GS_ACT_ANSWER_PROMPT, d->prompt_index, "Reveal the answer");
    } else {
        char a[256];
        snprintf(a, sizeof a, "Answer: %s", d->prompt_answer);
        text(dl, GS_FONT_UI_BOLD, r.x + 14, y, a, C_GREEN);
        y += th(ui, GS_FONT_UI_BOLD) + 4;
        y += text_wrap(ui, dl, GS_FONT_UI, r.x + 14, y, w, r.y + r.h - y - 20, d->prompt_explanation, C_TEXT);
        text(dl, GS_FONT_SMALL, r.x + 14, r.y + r.h - 20, "Press → to run the line and see.", C_MUTED);
    }
}

static void draw_error(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d)
{
    float w = ui->canvas.w - 40, h = 150;
    gs_Rect r = { ui->canvas.x + 20, ui->canvas.y + ui->canvas.h - h - 16, w, h };
    gs_draw_rect(dl, r, C_ERROR_BG, 8, 0);
    gs_draw_rect_line(dl, r, C_VERMILLION, 8, 2, 0);
    char t[64];
    if (d->error_line > 0)
        snprintf(t, sizeof t, "Error on line %d", d->error_line);
    else
        snprintf(t, sizeof t, "Error");
    text(dl, GS_FONT_UI_BOLD, r.x + 14, r.y + 10, t, C_VERMILLION);
    text_wrap(ui, dl, GS_FONT_MONO, r.x + 14, r.y + 36, w - 28, h - 44, d->error, C_TEXT);
}

/* The course as cards, chapter by chapter; two columns when the window is
 * wide enough, scrolling (wheel, arrows, Page keys) when it is not tall
 * enough.  Arrow keys choose, Enter opens. */
static void draw_browser(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d)
{
    float W = (float)ui->w, H = (float)ui->h;
    gs_draw_rect(dl, (gs_Rect){ 0, 0, W, H }, C_BG, 0, 0);
    int ncols = W >= 1100 ? 2 : 1;
    float colw = (W - 48 - (float)(ncols - 1) * 24) / (float)ncols;
    float chapter_h = th(ui, GS_FONT_UI_BOLD) + 12, card = 50;
    /* columns: chapters stay whole; a new column starts at the chapter
     * nearest the middle of the course */
    float total = 0;
    const char *last = "";
    for (int i = 0; i < d->nlessons; i++) {
        const char *ch = d->lesson_chapters ? d->lesson_chapters[i] : "";
        if (i == 0 || strcmp(ch, last) != 0)
            total += chapter_h;
        total += card;
        last = ch;
    }
    float y0 = 76 - (float)ui->browser_scroll, y = y0, x = 24, col_bottom = 0, acc = 0;
    int col = 0;
    last = "";
    for (int i = 0; i < d->nlessons; i++) {
        const char *ch = d->lesson_chapters ? d->lesson_chapters[i] : "";
        if (i == 0 || strcmp(ch, last) != 0) {
            if (ncols == 2 && col == 0 && i > 0 && acc >= total / 2 - card) {
                col = 1;
                col_bottom = y;
                x = 24 + colw + 24;
                y = y0;
            }
            y += 8;
            text(dl, GS_FONT_UI_BOLD, x, y, ch, C_MUTED);
            y += chapter_h - 8;
            acc += chapter_h;
            last = ch;
        }
        gs_Rect r = { x, y, colw, 44 };
        bool hover = in_rect(r, ui->mouse_x, ui->mouse_y) && ui->mouse_y > 64;
        bool sel = i == ui->browser_sel;
        gs_draw_rect(dl, r, hover || sel ? tint(C_SKY, 0.18f) : C_PANEL, 6, 0);
        gs_draw_rect_line(dl, r, sel ? C_BLUE : hover ? C_SKY : C_BORDER, 6, sel ? 2 : 1, 0);
        char num[8];
        snprintf(num, sizeof num, "%d", (i + 1) % 1000);
        text(dl, GS_FONT_TITLE, x + 14, y + 10, num, C_ORANGE);
        text_fit(ui, dl, GS_FONT_UI_BOLD, x + 56, y + 4, colw - 70, d->lesson_titles[i], C_TEXT);
        text_fit(ui, dl, GS_FONT_SMALL, x + 56, y + 25, colw - 70, d->lesson_summaries[i], C_MUTED);
        if (r.y + r.h > 64 && r.y < H)
            add_button(ui, r, GS_ACT_OPEN_LESSON, i, d->lesson_titles[i]);
        if (sel && ui->browser_follow) {
            if (r.y < 72)
                ui->browser_scroll -= (int)(72 - r.y);
            else if (r.y + r.h > H - 12)
                ui->browser_scroll += (int)(r.y + r.h - (H - 12));
            ui->browser_follow = false;
        }
        y += card;
        acc += card;
    }
    if (y > col_bottom)
        col_bottom = y;
    ui->browser_max_scroll = (int)fmaxf(0, col_bottom + (float)ui->browser_scroll - H + 20);
    if (ui->browser_scroll > ui->browser_max_scroll)
        ui->browser_scroll = ui->browser_max_scroll;
    if (ui->browser_scroll < 0)
        ui->browser_scroll = 0;
    if (ui->browser_max_scroll > 0 && ui->browser_scroll < ui->browser_max_scroll) {
        /* more below: say so */
        const char *more = "more lessons below — scroll or use ↓";
        gs_Rect m = { W / 2 - tw(ui, GS_FONT_SMALL, more) / 2 - 12, H - 30, tw(ui, GS_FONT_SMALL, more) + 24, 22 };
        gs_draw_rect(dl, m, C_TOOLBAR, 11, 0);
        text(dl, GS_FONT_SMALL, m.x + 12, m.y + 3, more, C_TOOLBAR_TEXT);
    }
    /* the title bar stays on top of scrolled cards */
    gs_draw_rect(dl, (gs_Rect){ 0, 0, W, 64 }, C_TOOLBAR, 0, 0);
    text(dl, GS_FONT_TITLE, 24, 18, "gcscope — how Python manages memory", C_TOOLBAR_TEXT);
    const char *hint = "Click a lesson (or ↑ ↓ Enter) · drop a .py or trace file here · Esc quits";
    text(dl, GS_FONT_SMALL, W - tw(ui, GS_FONT_SMALL, hint) - 24, 24, hint, C_FAINT);
    if (d->nlessons == 0)
        text(dl, GS_FONT_UI, 24, 100, "No lessons found. Open a .py file: gcscope FILE.py", C_MUTED);
    if (d->error)
        draw_error(ui, dl, d);
}

/* ================================================================== input */

/* The viewer action for a command (GS_ACT_NONE for ones the UI handles itself). */
static int action_for_command(int cmd, const gs_UiData *d, int64_t *arg)
{
    *arg = 0;
    switch (cmd) {
    case GS_CMD_STEP_FWD: return GS_ACT_STEP_FWD;
    case GS_CMD_STEP_BACK: return GS_ACT_STEP_BACK;
    case GS_CMD_NEXT_LINE: return GS_ACT_NEXT_LINE;
    case GS_CMD_PREV_LINE: return GS_ACT_PREV_LINE;
    case GS_CMD_STEP_INTO: return GS_ACT_STEP_INTO;
    case GS_CMD_STEP_OUT: return GS_ACT_STEP_OUT;
    case GS_CMD_CONTINUE: return GS_ACT_CONTINUE;
    case GS_CMD_REVERSE_CONTINUE: return GS_ACT_REVERSE_CONTINUE;
    case GS_CMD_BREAKPOINT: *arg = d->scene->line; return GS_ACT_TOGGLE_BREAKPOINT;
    case GS_CMD_NEXT_GC: return GS_ACT_NEXT_GC;
    case GS_CMD_PREV_GC: return GS_ACT_PREV_GC;
    case GS_CMD_NEXT_PHASE: return GS_ACT_NEXT_PHASE;
    case GS_CMD_PREV_PHASE: return GS_ACT_PREV_PHASE;
    case GS_CMD_HOME: return GS_ACT_HOME;
    case GS_CMD_END: return GS_ACT_END;
    case GS_CMD_PLAY_PAUSE: return GS_ACT_PLAY_PAUSE;
    case GS_CMD_FASTER: *arg = 1; return GS_ACT_SPEED;
    case GS_CMD_SLOWER: *arg = -1; return GS_ACT_SPEED;
    case GS_CMD_EXPORT: return GS_ACT_EXPORT;
    case GS_CMD_SCREENSHOT: return GS_ACT_SCREENSHOT;
    case GS_CMD_RELOAD: return GS_ACT_RELOAD;
    case GS_CMD_QUIT: return GS_ACT_QUIT;
    default: return GS_ACT_NONE;
    }
}

static void handle_input(gs_Ui *ui, const gs_Input *in, const gs_UiData *d, gs_Action *acts, int *nacts)
{
    switch (in->kind) {
    case GS_IN_RESIZE:
        ui->w = in->w;
        ui->h = in->h;
        return;
    case GS_IN_QUIT:
        push_action(acts, nacts, GS_ACT_QUIT, 0);
        return;
    case GS_IN_DROP_FILE:
        if (*nacts < GS_UI_MAX_ACTIONS) {
            push_action(acts, nacts, GS_ACT_OPEN_FILE, 0);
            snprintf(acts[*nacts - 1].text, sizeof acts[*nacts - 1].text, "%s", in->text);
        }
        return;
    case GS_IN_MOUSE_MOVE:
        ui->mouse_x = in->x;
        ui->mouse_y = in->y;
        if (ui->dragging) {
            ui->pan_x -= (in->x - ui->drag_x) / ui->zoom;
            ui->pan_y -= (in->y - ui->drag_y) / ui->zoom;
            ui->drag_x = in->x;
            ui->drag_y = in->y;
        }
        return;
    case GS_IN_MOUSE_UP:
        ui->dragging = false;
        return;
    case GS_IN_WHEEL:
        if (in_rect(ui->canvas, in->x, in->y) && !d->browser) {
            float wx = ui->pan_x + (in->x - ui->canvas.x) / ui->zoom;
            float wy = ui->pan_y + (in->y - ui->canvas.y) / ui->zoom;
            ui->zoom *= in->dy > 0 ? 1.12f : 1 / 1.12f;
            if (ui->zoom < 0.05f)
                ui->zoom = 0.05f;
            if (ui->zoom > 3)
                ui->zoom = 3;
            ui->pan_x = wx - (in->x - ui->canvas.x) / ui->zoom;
            ui->pan_y = wy - (in->y - ui->canvas.y) / ui->zoom;
        } else if (in_rect(ui->source_rect, in->x, in->y)) {
            ui->source_scroll -= (int)(in->dy * 3);
            ui->follow_line = false;
        } else if (d->browser) {
            ui->browser_scroll -= (int)(in->dy * 40);
            if (ui->browser_scroll > ui->browser_max_scroll)
                ui->browser_scroll = ui->browser_max_scroll;
            if (ui->browser_scroll < 0)
                ui->browser_scroll = 0;
        }
        return;
    case GS_IN_MOUSE_DOWN: {
        ui->mouse_x = in->x;
        ui->mouse_y = in->y;
        for (int i = ui->nbuttons - 1; i >= 0; i--) {
            if (!in_rect(ui->buttons[i].r, in->x, in->y))
                continue;
            uint8_t a = ui->buttons[i].action;
            int64_t arg = ui->buttons[i].arg;
            if (a == GS_ACT_NONE && arg >= 1000 && arg < 1003)
                ui->bottom_tab = (int)(arg - 1000);
            else if (a == GS_ACT_NONE && arg == 2000)
                ui->help = !ui->help;
            else if (a == GS_ACT_SPEED && (in->mods & GS_MOD_SHIFT))
                push_action(acts, nacts, a, -1);
            else if (a != GS_ACT_NONE)
                push_action(acts, nacts, a, arg);
            return;
        }
        if (d->browser)
            return;
        if (in_rect(ui->scrub_rect, in->x, in->y) && ui->scrub_events > 0) {
            float frac = (in->x - ui->scrub_rect.x - 14) / (ui->scrub_rect.w - 28);
            if (frac < 0)
                frac = 0;
            if (frac > 1)
                frac = 1;
            push_action(acts, nacts, GS_ACT_SEEK, (int64_t)(frac * (float)(ui->scrub_events - 1) + 0.5f));
            return;
        }
        if (in_rect(ui->gutter_rect, in->x, in->y)) {
            float lh = th(ui, GS_FONT_MONO) + 2;
            int line = ui->source_scroll + 1 + (int)((in->y - ui->gutter_rect.y) / lh);
            push_action(acts, nacts, GS_ACT_TOGGLE_BREAKPOINT, line);
            return;
        }
        for (int i = ui->nhits - 1; i >= 0; i--)
            if (in_rect(ui->hits[i].r, in->x, in->y)) {
                ui->selected = ui->hits[i].id;
                return;
            }
        if (in_rect(ui->canvas, in->x, in->y)) {
            ui->selected = 0;
            ui->dragging = true;
            ui->drag_x = in->x;
            ui->drag_y = in->y;
        }
        return;
    }
    case GS_IN_KEY: {
        if (d->browser) {
            int n = d->nlessons, page = ui->h / 52 - 2;
            switch (in->key) {
            case GS_KEY_ESCAPE: push_action(acts, nacts, GS_ACT_QUIT, 0); break;
            case GS_KEY_DOWN: ui->browser_sel = ui->browser_sel < 0 ? 0 : ui->browser_sel + 1; break;
            case GS_KEY_UP: ui->browser_sel = ui->browser_sel < 0 ? 0 : ui->browser_sel - 1; break;
            case GS_KEY_PAGEDOWN: ui->browser_sel = (ui->browser_sel < 0 ? 0 : ui->browser_sel) + page; break;
            case GS_KEY_PAGEUP: ui->browser_sel = (ui->browser_sel < 0 ? 0 : ui->browser_sel) - page; break;
            case GS_KEY_HOME: ui->browser_sel = 0; break;
            case GS_KEY_END: ui->browser_sel = n - 1; break;
            case GS_KEY_ENTER:
            case GS_KEY_SPACE:
                if (ui->browser_sel >= 0 && ui->browser_sel < n)
                    push_action(acts, nacts, GS_ACT_OPEN_LESSON, ui->browser_sel);
                break;
            default: break;
            }
            if (ui->browser_sel >= n)
                ui->browser_sel = n - 1;
            if (ui->browser_sel < 0 && n > 0 && in->key != GS_KEY_ESCAPE)
                ui->browser_sel = 0;
            ui->browser_follow = true;
            return;
        }
        if (ui->help && (in->key == GS_KEY_ESCAPE || in->key == GS_KEY_QUESTION)) {
            ui->help = false;
            return;
        }
        if (d->prompt_question && !d->prompt_revealed && (in->key == GS_KEY_ENTER || in->key == GS_KEY_SPACE)) {
            push_action(acts, nacts, GS_ACT_ANSWER_PROMPT, d->prompt_index);
            return;
        }
        int cmd = gs_key_command(&ui->theme, in->key, in->mods);
        switch (cmd) {
        case GS_CMD_HELP: ui->help = true; return;
        case GS_CMD_BACK: push_action(acts, nacts, d->recording ? GS_ACT_CANCEL : GS_ACT_BROWSER, 0); return;
        case GS_CMD_FIT: gs_ui_fit(ui, d, true); return;
        case GS_CMD_PRIMITIVES: ui->show_primitives = !ui->show_primitives; return;
        case GS_CMD_DEFINITIONS: ui->show_definitions = !ui->show_definitions; return;
        case GS_CMD_WATCH: push_action(acts, nacts, GS_ACT_WATCH, d->watch == ui->selected ? 0 : ui->selected); return;
        case GS_CMD_ZOOM_IN: ui->zoom = fminf(ui->zoom * 1.2f, 3.0f); return;
        case GS_CMD_ZOOM_OUT: ui->zoom = fmaxf(ui->zoom / 1.2f, 0.05f); return;
        default: break;
        }
        int64_t arg;
        int a = action_for_command(cmd, d, &arg);
        if (a != GS_ACT_NONE) {
            if (a != GS_ACT_SPEED)
                ui->follow_line = true;
            push_action(acts, nacts, (uint8_t)a, arg);
        }
        return;
    }
    default:
        return;
    }
}

/* ================================================================== the frame */

int gs_ui_frame(gs_Ui *ui, const gs_Input *in, int nin, const gs_UiData *d, double dt, gs_DrawList *dl,
                gs_Action *acts)
{
    int nacts = 0;
    ui->time += dt;
    for (int i = 0; i < nin; i++)
        handle_input(ui, &in[i], d, acts, &nacts);
    gs_draw_reset(dl);
    ui->nbuttons = 0;
    ui->nhits = 0;
    ui->tooltip[0] = 0;
    float W = (float)ui->w, H = (float)ui->h;
    gs_draw_rect(dl, (gs_Rect){ 0, 0, W, H }, C_BG, 0, 0);
    if (d->browser) {
        draw_browser(ui, dl, d);
        return nacts;
    }
    /* columns */
    float top = 52, status_h = 22, scrub_h = 34, bottom_h = H >= 700 ? 180 : 130;
    float left_w = W >= 1100 ? 330 : W * 0.28f, right_w = W >= 1100 ? 270 : W * 0.22f;
    /* the source column grows to fit the widest line of code, up to 36 % */
    if (d->source && ui->code_width_of != d->source) {
        ui->code_width_of = d->source;
        ui->code_width = code_width(ui, d->source, d->source_len);
    }
    if (ui->code_width + 60 + 16 > left_w) {
        /* ...but only into room the heap does not need */
        HeapGeom g;
        heap_geometry(ui, d, &g);
        float spare = W - right_w - 32 - (g.total_w + 20) * ui->zoom - left_w;
        float want = fminf(ui->code_width + 60 + 16, W * 0.36f) - left_w;
        if (spare > 0)
            left_w += fminf(want, spare);
    }
    float mid_y = top, mid_h = H - top - status_h - scrub_h - bottom_h - 24;
    if (mid_h < 120)
        mid_h = 120;
    gs_Rect source = { 8, mid_y, left_w, mid_h };
    ui->canvas = (gs_Rect){ left_w + 16, mid_y, W - left_w - right_w - 32, mid_h };
    float gc_h = 50 + 3 * (th(ui, GS_FONT_SMALL) * 2 + 18) + 4;
    gs_Rect gcr = { W - right_w - 8, mid_y, right_w, gc_h };
    gs_Rect insp = { W - right_w - 8, mid_y + gc_h + 8, right_w, mid_h + bottom_h + 8 - gc_h - 8 };
    ui->inspector_rect = insp;
    float by = mid_y + mid_h + 8;
    gs_Rect narr = { 8, by, (W - right_w - 24) * 0.55f, bottom_h };
    gs_Rect tabs = { narr.x + narr.w + 8, by, W - right_w - 24 - narr.w - 8, bottom_h };
    ui->bottom_rect = tabs;
    gs_Rect scrub = { 8, H - status_h - scrub_h - 6, W - 16, scrub_h };
    gs_Rect status = { 0, H - status_h, W, status_h };
    if (ui->zoom <= 0)
        ui->zoom = 1;
    if (ui->fit_pending && d->placement) {
        gs_ui_fit(ui, d, false);
        ui->fit_pending = false;
    }
    draw_heap(ui, dl, d, dt);
    draw_source(ui, dl, d, source);
    draw_gc_panel(ui, dl, d, gcr);
    draw_inspector(ui, dl, d, insp);
    if (d->prompt_question)
        draw_prompt(ui, dl, d, narr);
    else
        draw_narration(ui, dl, d, narr);
    draw_bottom_tabs(ui, dl, d, tabs);
    draw_scrubber(ui, dl, d, scrub);
    draw_toolbar(ui, dl, d);
    if (d->error)
        draw_error(ui, dl, d);
    draw_status(ui, dl, d, status);
    if (ui->help)
        draw_help(ui, dl);
    ui->last_event = d->scene->event;
    return nacts;
}
