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

#include "record/lesson.h"
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

/* "12,345": bytes read at a glance, as the event log writes them too. */
static void fmt_bytes(uint64_t b, char *out, size_t n) { gs_scene_format_bytes(b, out, n); }

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

/* Like text_fit, but a text too long loses its middle: its end stays
 * ("method FakeFile.__e…" told __enter__ from __exit__ by nothing;
 * "method Fake…__exit__" does; "str 'pe…lum '" from "str 'pe…ar '"). */
static void text_fit_middle(gs_Ui *ui, gs_DrawList *dl, gs_FontId f, float x, float y, float maxw, const char *s,
                            gs_Color c)
{
    size_t n = strlen(s);
    float ell = tw(ui, f, "…");
    if (ui->tm.width(ui->tm.ctx, f, s, n) <= maxw || maxw < 4 * ell || n >= 500) {
        text_fit(ui, dl, f, x, y, maxw, s, c);
        return;
    }
    /* the end: up to 45 % of the room, from a character's start */
    size_t tail = n;
    while (tail > 0) {
        size_t t = tail - 1;
        while (t > 0 && ((unsigned char)s[t] & 0xC0) == 0x80)
            t--;
        if (ui->tm.width(ui->tm.ctx, f, s + t, n - t) > 0.45f * maxw)
            break;
        tail = t;
    }
    float tailw = ui->tm.width(ui->tm.ctx, f, s + tail, n - tail);
    size_t head = tail;
    while (head > 0 && ui->tm.width(ui->tm.ctx, f, s, head) + ell + tailw > maxw) {
        head--;
        while (head > 0 && ((unsigned char)s[head] & 0xC0) == 0x80)
            head--;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s…%s", (int)head, s, s + tail);
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
    ui->buttons[ui->nbuttons].choice = -1;
    ui->nbuttons++;
}

static void add_button_choice(gs_Ui *ui, gs_Rect r, uint8_t action, int64_t arg, int choice, const char *tip)
{
    add_button(ui, r, action, arg, tip);
    if (ui->nbuttons && ui->buttons[ui->nbuttons - 1].action == action)
        ui->buttons[ui->nbuttons - 1].choice = choice;
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
    free(ui->fold);
    gs_obstacles_free(&ui->obstacles);
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
/* The narrowest a box gets when the heap is wider than the canvas. */
#define NODE_NARROW 150.0f
#define NODE_NARROWEST 112.0f
#define ROW_H 56.0f
#define NODE_H 44.0f

typedef struct Placed {
    const gs_SceneObject *o;
    gs_Rect r;          /* target rectangle (world coordinates before zoom/pan) */
    float x, y;         /* animated position (world) */
    float alpha;
    bool visible;
    int box;            /* its index among the frame's obstacles (-1: none) */
    int unseen;         /* references counted in its badge that no arrow on the canvas draws */
} Placed;

typedef struct Layout {
    gs_Rect source, canvas, gc, insp, narr, tabs, scrub, status;
    gs_Rect split[GS_SPLIT_COUNT];
} Layout;

typedef struct HeapGeom {
    float band_x[GS_BAND_COUNT];
    float band_w[GS_BAND_COUNT];
    bool band_shown[GS_BAND_COUNT];
    float names_x, names_w;
    float top;
    float total_w, total_h;
    uint32_t rows[GS_BAND_COUNT];
    uint32_t first_unplaced[GS_BAND_COUNT]; /* the row objects without a placement start at */
    /* a column taller than the canvas wraps: its rows go down `per_col`
     * at a time, then on in the next sub-column to the right (ncols of
     * them, sub_w wide; the last takes whatever is left) */
    uint32_t per_col;
    int ncols[GS_BAND_COUNT];
    float sub_w[GS_BAND_COUNT];
    float row_h;            /* rows' pitch: ROW_H, or less when a row or two more fits so */
} HeapGeom;

/* The closest rows come: a gap of 4 between boxes, room for an arrow. */
#define ROW_H_MIN 48.0f

/* A band of `rows` rows, wrapped: the rows of its tallest sub-column (the
 * first's, or the last's with what is left). */
static uint32_t wrapped_rows(const HeapGeom *g, int band, uint32_t rows)
{
    if (g->ncols[band] <= 1)
        return rows;
    uint32_t k = (uint32_t)g->ncols[band];
    return rows > g->per_col * k ? rows - g->per_col * (k - 1) : g->per_col;
}

/* Where a band's row goes: its box's top-left corner (world units). */
static void row_slot(const HeapGeom *g, int band, uint32_t row, float *x, float *y)
{
    uint32_t col = g->ncols[band] > 1 ? row / g->per_col : 0;
    if (col > (uint32_t)g->ncols[band] - 1 && g->ncols[band] > 1)
        col = (uint32_t)g->ncols[band] - 1;
    *x = g->band_x[band] + (float)col * g->sub_w[band] + 8;
    *y = g->top + (float)(row - col * (g->ncols[band] > 1 ? g->per_col : 0)) * g->row_h;
}

static bool shown_as_node(const gs_Ui *ui, const gs_SceneObject *o)
{
    if (o->flags & GS_SO_GROUPED)
        return false; /* its group's first member stands for it */
    if ((o->flags & GS_SO_PRIMITIVE) && !ui->show_primitives)
        return false;
    if ((o->flags & GS_SO_DEFINITION) && !ui->show_definitions)
        return false;
    return true;
}

/* How many objects a drawn box stands for: a stack "19 × Job" is 19. */
static int objects_in_box(const gs_SceneObject *o) { return o->group_count > 0 ? o->group_count : 1; }

/* The objects of band b the canvas draws now (a stack counts as all it stands for). */
static int drawn_in_band(const gs_Ui *ui, const gs_Scene *s, int b)
{
    int n = 0;
    for (int i = 0; i < s->nobjects; i++)
        if (s->objects[i].band == b && shown_as_node(ui, &s->objects[i]))
            n += objects_in_box(&s->objects[i]);
    return n;
}

static void cell_value(const gs_Ui *ui, const gs_Scene *s, uint32_t target, char *buf, size_t n, bool *inline_v);

/* The cells a node shows: every slot up to five; a longer container its
 * first three, a "… N more" cell, and its last two.  cell[i] is an index in
 * the object's slots, or -1 for the "more" cell. */
#define NODE_CELLS 6
static int cell_slots(const gs_SceneObject *o, int *cell)
{
    if (o->group_count)
        return 0; /* a group says who holds its members instead */
    int total = o->nrefs > o->nslots ? o->nrefs : o->nslots;
    if (total <= 5) {
        for (int i = 0; i < o->nslots; i++)
            cell[i] = i;
        return o->nslots;
    }
    int n = 0;
    for (int i = 0; i < 3 && i < o->nslots; i++)
        cell[n++] = i;
    cell[n++] = -1;
    for (int i = o->nslots - 2; i < o->nslots; i++)
        if (i >= 3)
            cell[n++] = i;
    return n;
}

/* How many references the "more" cell stands for. */
static int cells_left_out(const gs_SceneObject *o)
{
    int total = o->nrefs > o->nslots ? o->nrefs : o->nslots;
    return total > 5 ? total - 5 : 0;
}

/* The cells' widths, from their text: "label:value" for inline primitives,
 * "label" plus an arrow dot otherwise. */
static int node_cells(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o, float *widths, float *total)
{
    int cell[NODE_CELLS];
    int cells = cell_slots(o, cell);
    float sum = 0;
    for (int i = 0; i < cells; i++) {
        if (cell[i] < 0) {
            char more[32];
            snprintf(more, sizeof more, "… %d more", cells_left_out(o));
            widths[i] = tw(ui, GS_FONT_SMALL, more) + 10;
            sum += widths[i] + 2;
            continue;
        }
        const gs_SceneSlot *sl = &s->slots[o->first_slot + cell[i]];
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

/* The cells that fit in a node `avail` wide (a node is capped in width, so
 * long labels can leave no room for all): keep the container's last cell
 * and a "… N more" cell, and as many of the first cells as fit, so the
 * cells shown and N always add up to its real length.  Returns the number
 * of cells; *left_out is N. */
static int fit_cells(gs_Ui *ui, const gs_SceneObject *o, float avail, int *cell, float *widths, int cells,
                     int *left_out)
{
    float z = ui->zoom, sum = 0;
    for (int i = 0; i < cells; i++)
        sum += widths[i] * z + 2;
    if (sum <= avail || cells == 0)
        return cells;
    /* narrower cells first ('ccccc…'): every slot shown beats a "more" */
    sum = 0;
    for (int i = 0; i < cells; i++) {
        if (cell[i] >= 0 && widths[i] > 60)
            widths[i] = 60;
        sum += widths[i] * z + 2;
    }
    if (sum <= avail)
        return cells;
    int total = o->nrefs > o->nslots ? o->nrefs : o->nslots;
    int head[NODE_CELLS];
    float headw[NODE_CELLS];
    int nhead = 0, last = -1;
    float lastw = 0;
    for (int i = 0; i < cells; i++) {
        if (cell[i] < 0)
            break;
        head[nhead] = cell[i];
        headw[nhead++] = widths[i];
    }
    if (cell[cells - 1] >= 0 && (nhead < cells || cells > 1)) { /* the last slot */
        last = cell[cells - 1];
        lastw = widths[cells - 1];
        if (nhead == cells)
            nhead--; /* it was counted as a head cell */
    }
    char more[32];
    snprintf(more, sizeof more, "… %d more", total);
    float morew = tw(ui, GS_FONT_SMALL, more) + 10;
    float used = morew * z + 2 + (last >= 0 ? lastw * z + 2 : 0);
    if (used > avail) { /* not even that: just the "more" cell */
        last = -1;
        used = morew * z + 2;
    }
    int keep = 0;
    while (keep < nhead && used + headw[keep] * z + 2 <= avail)
        used += headw[keep++] * z + 2;
    int n = 0;
    for (int i = 0; i < keep; i++) {
        cell[n] = head[i];
        widths[n++] = headw[i];
    }
    cell[n] = -1;
    widths[n++] = morew;
    if (last >= 0) {
        cell[n] = last;
        widths[n++] = lastw;
    }
    *left_out = total - keep - (last >= 0);
    return n;
}

/* The cells a node draws at its width w (screen px): node_cells, then
 * fit_cells; cell[] and widths[] hold NODE_CELLS + 1.  The node, its
 * arrows and the count of references no arrow shows all use these. */
static int node_drawn_cells(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o, float w, int *cell, float *widths,
                            int *left_out)
{
    float cells_w;
    int cells = node_cells(ui, s, o, widths, &cells_w);
    cell_slots(o, cell);
    *left_out = cells_left_out(o);
    return fit_cells(ui, o, w - 12, cell, widths, cells, left_out);
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

/* A name's value drawn inline that is a literal (a number, a str,
 * None...): an object the scene has, with a value of its own. */
static const gs_SceneObject *literal_target(const gs_Scene *s, const gs_SceneName *nm, bool inl)
{
    const gs_SceneObject *vo = inl ? gs_scene_find(s, nm->target) : NULL;
    return vo && (vo->flags & GS_SO_PRIMITIVE) && vo->value[0] ? vo : NULL;
}

/* The names column's width that shows every name whose value is a
 * literal (a number, a short str, None: 12 characters at most) whole,
 * "phase = 'start'": the line
 * being run reads such values, and a cut one misleads ("total = 99…" for
 * 9900, "phase = 's…" for 'start' or 'stop'). */
static float literal_names_width(gs_Ui *ui, const gs_Scene *s)
{
    float w = 0;
    for (int fi = 0; fi < s->nframes; fi++) {
        const gs_SceneFrame *f = &s->frames[fi];
        for (int k = 0; k < f->nnames; k++) {
            const gs_SceneName *nm = &s->names[f->first_name + k];
            char v[64], line[128];
            bool inl;
            cell_value(ui, s, nm->target, v, sizeof v, &inl);
            if (!literal_target(s, nm, inl) || strlen(v) > 12)
                continue; /* a long str is cut anyway ('xxxxxxxx…) */
            snprintf(line, sizeof line, "%s = %s", nm->name, v);
            w = fmaxf(w, tw(ui, GS_FONT_MONO, line) + 20 + 16);
        }
    }
    return w;
}

/* Where a frame box's title breaks, in a names column names_w wide (world
 * units): 0 if it fits on one line, else the length of its first line.  A
 * narrow column wraps "module (ended)" and "lines() · paused" to a second
 * line rather than cut them short: the break goes before "(" or "·" if the
 * first part then fits, else at the last space that fits. */
static size_t frame_title_break(gs_Ui *ui, const gs_Scene *s, const gs_SceneFrame *f, float names_w)
{
    float room = names_w - 8 - 16;
    if (tw(ui, GS_FONT_UI_BOLD, f->title) <= room)
        return 0;
    size_t best = 0, marked = 0, first_marked = 0;
    for (const char *p = f->title; (p = strchr(p, ' ')) != NULL; p++) {
        size_t n = (size_t)(p - f->title);
        bool mark = p[1] == '(' || strncmp(p + 1, "·", strlen("·")) == 0;
        if (mark && !first_marked)
            first_marked = n;
        if (n == 0 || ui->tm.width(ui->tm.ctx, GS_FONT_UI_BOLD, f->title, n) > room)
            break;
        best = n;
        if (mark)
            marked = n;
    }
    if (!marked && !best) {
        /* "Resource.__del__()": after its class's dot (the second line
         * starts at the method, no character dropped; a class too long
         * for the first line is cut there, the method still reads whole) */
        size_t dot = 0;
        for (const char *p = f->title; (p = strchr(p, '.')) != NULL; p++) {
            size_t n = (size_t)(p + 1 - f->title);
            if (!dot || ui->tm.width(ui->tm.ctx, GS_FONT_UI_BOLD, f->title, n) <= room)
                dot = n;
        }
        if (dot)
            return dot;
    }
    /* a name too long for a line of its own is cut, but "· paused" or
     * "(ended)" still reads whole on the second line */
    return marked ? marked : best ? best : first_marked;
}

/* A frame box's height: its title (one or two lines) and its names. */
/* During a collection over the module's namespace, the module frame has a
 * row under its title for the namespace dict's gc_refs. */
static bool ns_row(const gs_Scene *s, const gs_SceneFrame *f)
{
    return strcmp(f->title, "module") == 0 && s->ns_gc_refs >= 0;
}

static float frame_box_height(gs_Ui *ui, const gs_Scene *s, const gs_SceneFrame *f, float names_w)
{
    return 26 + (frame_title_break(ui, s, f, names_w) ? 20 : 0) + (ns_row(s, f) ? 20 : 0) + (float)f->nnames * 20;
}

static float measure_node(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o);

/* A node's width, and the least width that shows its whole title (cut
 * after that: its #id goes first), measured once per scene: measuring
 * text was most of a frame's cost on a big heap, and the layout asks more
 * than once. */
static void node_title(const gs_SceneObject *o, char *title, size_t n);
static void node_size_text(const gs_SceneObject *o, char *out, size_t n, bool hidden);

static float title_floor(gs_Ui *ui, const gs_SceneObject *o)
{
    char title[96];
    node_title(o, title, sizeof title);
    /* the title, then the count badge ("2", "many", "3 each") and margins */
    float w = tw(ui, GS_FONT_UI_BOLD, title) + tw(ui, GS_FONT_SMALL, o->group_count ? "000 each" : "many") + 14 + 22;
    if (o->flags & GS_SO_HAS_GCREFS)
        w += tw(ui, GS_FONT_SMALL, "gc_refs 00") + 16;
    if (ui->show_sizes) { /* asked for (B): a narrowed box keeps its bytes beside its title */
        char sz[48];
        node_size_text(o, sz, sizeof sz, false);
        w += tw(ui, GS_FONT_SMALL, sz) + 8;
    }
    return w;
}

static float node_measure(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o, int which)
{
    int i = (int)(o - s->objects);
    if (i < 0 || i >= s->nobjects)
        return which ? title_floor(ui, o) : measure_node(ui, s, o);
    unsigned key = s->version * 8u + (ui->show_primitives ? 1u : 0u) + (ui->show_definitions ? 2u : 0u) +
                   (ui->show_sizes ? 4u : 0u);
    if (ui->node_w_scene != s || ui->node_w_key != key || ui->node_w_cap < s->nobjects) {
        if (ui->node_w_cap < s->nobjects) {
            float *w = realloc(ui->node_w, (size_t)s->nobjects * 2 * sizeof *w);
            if (!w)
                return which ? title_floor(ui, o) : measure_node(ui, s, o);
            ui->node_w = w;
            ui->node_w_cap = s->nobjects;
        }
        for (int k = 0; k < 2 * s->nobjects; k++)
            ui->node_w[k] = NAN;
        ui->node_w_scene = s;
        ui->node_w_key = key;
    }
    float *w = &ui->node_w[2 * i + which];
    if (isnan(*w))
        *w = which ? title_floor(ui, o) : measure_node(ui, s, o);
    return *w;
}

static float node_width(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o) { return node_measure(ui, s, o, 0); }

static void node_title(const gs_SceneObject *o, char *title, size_t n)
{
    if (o->group_count)
        snprintf(title, n, "%d × %s", o->group_count, o->type);
    else if (o->value[0] && strcmp(o->type, "generator") == 0)
        snprintf(title, n, "%s %s", o->value, o->type); /* "only_even() generator": a cut title keeps the name */
    else if (o->value[0])
        snprintf(title, n, "%s %s", o->type, o->value);
    else
        snprintf(title, n, "%s", o->type);
}

/* "56 B" after a node's #id (B); a group: each one's size. */
static void node_size_text(const gs_SceneObject *o, char *out, size_t n, bool hidden)
{
    char b[32];
    if (hidden)
        snprintf(b, sizeof b, "?");
    else
        fmt_bytes(o->size, b, sizeof b);
    snprintf(out, n, o->group_count ? "%s B each" : "%s B", b);
}

static float measure_node(gs_Ui *ui, const gs_Scene *s, const gs_SceneObject *o)
{
    float widths[NODE_CELLS], cells_w;
    node_cells(ui, s, o, widths, &cells_w);
    float w = 16 + cells_w;
    char title[96];
    node_title(o, title, sizeof title);
    float tw_title = tw(ui, GS_FONT_UI_BOLD, title) + 52 + tw(ui, GS_FONT_SMALL, "#00000");
    if (o->flags & GS_SO_HAS_GCREFS)
        tw_title += tw(ui, GS_FONT_SMALL, "gc_refs 00") + 16;
    if (ui->show_sizes) {
        char sz[48];
        node_size_text(o, sz, sizeof sz, false); /* "?" is never wider */
        tw_title += tw(ui, GS_FONT_SMALL, sz) + 8;
    }
    if (w < tw_title)
        w = tw_title;
    if (w < 110)
        w = 110;
    if (w > BAND_W_MAX - 16)
        w = BAND_W_MAX - 16;
    return w;
}

static float frame_box_width(gs_Ui *ui, const gs_Scene *s, const gs_SceneFrame *f);

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Rows held only by objects drawn as their group are folded away (a list
 * of 500 alike items is one stack, not a column 500 rows tall): the rows
 * of grouped objects that no drawn object shares, sorted (band << 32 |
 * row).  Kept per scene version. */
static void fold_rows(gs_Ui *ui, const gs_UiData *d)
{
    const gs_Scene *s = d->scene;
    unsigned key = s->version * 4u + (ui->show_primitives ? 1u : 0u) + (ui->show_definitions ? 2u : 0u);
    if (ui->fold_scene == s && ui->fold_key == key && ui->fold_event == s->event)
        return;
    ui->fold_scene = s;
    ui->fold_key = key;
    ui->fold_event = s->event;
    ui->nfold = 0;
    if (!d->placement)
        return;
    int cap = 0;
    uint64_t *live = NULL;
    int nlive = 0, caplive = 0;
    for (int i = 0; i < s->nobjects; i++) {
        const gs_SceneObject *o = &s->objects[i];
        bool grouped = o->flags & GS_SO_GROUPED;
        if (!grouped && !shown_as_node(ui, o))
            continue;
        const gs_Stay *st = gs_placement_at(d->placement, o->id, s->event);
        if (!st)
            continue;
        uint64_t k = (uint64_t)o->band << 32 | st->row;
        uint64_t **arr = grouped ? &ui->fold : &live;
        int *n = grouped ? &ui->nfold : &nlive, *c = grouped ? &cap : &caplive;
        if (grouped && cap < ui->capfold)
            cap = ui->capfold;
        if (*n == *c) {
            int nc = *c ? *c * 2 : 256;
            uint64_t *na = realloc(*arr, (size_t)nc * sizeof *na);
            if (!na)
                break;
            *arr = na;
            *c = nc;
            if (grouped)
                ui->capfold = nc;
        }
        (*arr)[(*n)++] = k;
    }
    if (nlive > 0)
        qsort(live, (size_t)nlive, sizeof *live, cmp_u64);
    if (ui->nfold > 0)
        qsort(ui->fold, (size_t)ui->nfold, sizeof *ui->fold, cmp_u64);
    int w = 0;
    for (int i = 0; i < ui->nfold; i++)
        if ((nlive == 0 || !bsearch(&ui->fold[i], live, (size_t)nlive, sizeof *live, cmp_u64)) &&
            (w == 0 || ui->fold[w - 1] != ui->fold[i]))
            ui->fold[w++] = ui->fold[i];
    ui->nfold = w;
    free(live);
}

/* How many of the sorted keys are below k. */
static int keys_below(const uint64_t *a, int n, uint64_t k)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (a[mid] < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A placement row after the folded rows above it are taken away. */
static uint32_t folded_row(const gs_Ui *ui, int band, uint32_t row)
{
    if (!ui->nfold)
        return row;
    uint64_t first = (uint64_t)band << 32;
    return row - (uint32_t)(keys_below(ui->fold, ui->nfold, first | row) - keys_below(ui->fold, ui->nfold, first));
}

/* Narrow the widest columns with boxes, in turn, down to `floor` (the
 * next widest sharing what must go), until `over` is spent. */
static void narrow_columns(float *bw, const uint32_t *live_rows, float *over, float floor, const float *band_floor)
{
    while (*over > 0) {
        float fl[GS_BAND_COUNT];
        for (int b = 0; b < GS_BAND_COUNT; b++)
            fl[b] = band_floor && band_floor[b] > floor ? band_floor[b] : floor;
        int widest = -1;
        for (int b = 0; b < GS_BAND_COUNT; b++)
            if (live_rows[b] > 0 && fminf(bw[b], BAND_W_MAX) > fl[b] &&
                (widest < 0 || fminf(bw[b], BAND_W_MAX) > fminf(bw[widest], BAND_W_MAX)))
                widest = b;
        if (widest < 0)
            break;
        float cur = fminf(bw[widest], BAND_W_MAX), cut = fminf(*over, cur - fl[widest]);
        for (int b = 0; b < GS_BAND_COUNT; b++)
            if (b != widest && live_rows[b] > 0 && fminf(bw[b], BAND_W_MAX) < cur && fminf(bw[b], BAND_W_MAX) > fl[b] &&
                cur - fminf(bw[b], BAND_W_MAX) < cut)
                cut = fmaxf(cur - fminf(bw[b], BAND_W_MAX), 1);
        bw[widest] = cur - cut;
        *over -= cut;
    }
}

/* Columns: the names column, then one per band that has something in it
 * now (the three generations always, as a reminder they exist).  A column
 * is as wide as its widest box, so an empty generation is a narrow strip. */
static void heap_geometry(gs_Ui *ui, const gs_UiData *d, HeapGeom *g)
{
    memset(g, 0, sizeof *g);
    const gs_Scene *s = d->scene;
    float bw[GS_BAND_COUNT];
    uint32_t live_rows[GS_BAND_COUNT] = { 0 }, unplaced[GS_BAND_COUNT] = { 0 }, extent[GS_BAND_COUNT] = { 0 };
    fold_rows(ui, d);
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        bw[b] = b <= GS_BAND_GEN2 ? 76 : 0; /* an empty generation is a narrow strip */
        /* as many rows as the band ever needs (the picture keeps its size
         * while stepping), less the folded ones */
        uint32_t rows = d->placement ? d->placement->rows[b] : 0;
        uint32_t folded = rows ? rows - folded_row(ui, b, rows) : 0;
        g->rows[b] = rows - folded;
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
            uint32_t row = st ? folded_row(ui, o->band, st->row) : 0;
            if (st && row + 1 > g->rows[o->band])
                g->rows[o->band] = row + 1;
            if (st && row + 1 > extent[o->band])
                extent[o->band] = row + 1;
            if (!st)
                unplaced[o->band]++; /* immortal ints and strs (H): below the placed rows */
        }
    }
    if (!d->placement)
        for (int b = 0; b < GS_BAND_COUNT; b++)
            g->rows[b] = live_rows[b];
    else
        for (int b = 0; b < GS_BAND_COUNT; b++) {
            g->first_unplaced[b] = g->rows[b];
            g->rows[b] += unplaced[b];
            if (unplaced[b])
                extent[b] = g->rows[b];
        }
    if (!d->placement)
        memcpy(extent, live_rows, sizeof extent);
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
    /* an empty generation is a strip titled "g1 · 0": 62 px, and if that
     * is still too wide, as narrow as its title */
    for (float strip = 62; strip >= 46 && over > 0; strip -= 16)
        for (int b = 0; b <= GS_BAND_GEN2 && over > 0; b++)
            if (live_rows[b] == 0 && bw[b] > strip) {
                over -= bw[b] - strip;
                bw[b] = strip;
            }
    /* then the names column to 150, the widest columns to 216 (a wide box
     * shows fewer cells), and only then the names column to 120: a name's
     * value ("phase = 'start'") is what the line being run reads */
    float literal_floor = fminf(fmaxf(literal_names_width(ui, s), 120), 180);
    for (int stage = 0; stage < 2; stage++) {
        float floor = stage == 0 ? fmaxf(150, literal_floor) : literal_floor;
        if (over > 0 && names_w > floor) {
            float cut = fminf(over, names_w - floor);
            names_w -= cut;
            over -= cut;
        }
        if (stage == 0)
            narrow_columns(bw, live_rows, &over, 216, NULL);
    }
    /* still too wide: the widest columns narrow, down to NODE_NARROW, and
     * their boxes with them (a long container then shows fewer cells and
     * "… N more"; a long title is cut) */
    narrow_columns(bw, live_rows, &over, NODE_NARROW + 16, NULL);
    /* and last, rather than a box at the right out of sight, boxes down
     * to NODE_NARROWEST as far as their titles stay whole: a title loses
     * its #id first (lessons 10, 11, 12 and 16 had a box cut by the
     * canvas's right edge at one stop in 17) */
    if (over > 0) {
        float floor[GS_BAND_COUNT] = { 0 };
        for (int i = 0; i < s->nobjects; i++) {
            const gs_SceneObject *o = &s->objects[i];
            if (shown_as_node(ui, o))
                floor[o->band] = fmaxf(floor[o->band], fminf(node_measure(ui, s, o, 1), NODE_NARROW) + 16);
        }
        narrow_columns(bw, live_rows, &over, NODE_NARROWEST + 16, floor);
    }
    g->top = 26;
    float x = names_w + 16;
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        g->band_shown[b] = b <= GS_BAND_GEN2 || live_rows[b] > 0;
        g->sub_w[b] = bw[b] > BAND_W_MAX ? BAND_W_MAX : bw[b];
        g->ncols[b] = 1;
        if (g->band_shown[b])
            x += g->sub_w[b];
    }
    /* A column whose boxes reach below the canvas wraps into as many
     * sub-columns as the canvas has room for on the right: the rows that
     * fit stay where they are, the next ones go on beside them (lesson
     * 17's twelve Rows, counted for a prediction, all in sight). */
    float zoom = ui->zoom > 0 ? ui->zoom : 1;
    int fit = ui->canvas.h > 0 ? (int)(((ui->canvas.h - 26) / zoom - 10 - NODE_H - g->top) / ROW_H) + 1 : 0;
    g->per_col = fit >= 3 ? (uint32_t)fit : 0;
    float spare = ui->canvas.w > 0 ? ui->canvas.w / zoom - x - 20 : 0;
    for (int b = 0; b < GS_BAND_COUNT && g->per_col; b++) {
        if (!g->band_shown[b] || extent[b] <= g->per_col || g->sub_w[b] <= 0)
            continue;
        int want = (int)((extent[b] + g->per_col - 1) / g->per_col);
        /* room for the sub-columns: empty generations narrow to strips,
         * then the names column to 150, before boxes go out of sight */
        float short_of = (float)(want - 1) * g->sub_w[b] - spare;
        for (float strip = 62; strip >= 46 && short_of > 0; strip -= 16)
            for (int e = 0; e <= GS_BAND_GEN2 && short_of > 0; e++)
                if (e != b && live_rows[e] == 0 && g->sub_w[e] > strip) {
                    spare += g->sub_w[e] - strip;
                    short_of -= g->sub_w[e] - strip;
                    g->sub_w[e] = strip;
                }
        if (short_of > 0 && names_w > 150) {
            float cut = fminf(short_of, names_w - 150);
            names_w -= cut;
            spare += cut;
        }
        /* as many sub-columns as it wants, up to 4, narrower if need be
         * (a box down to NODE_NARROW: a long list shows fewer cells) */
        float avail = g->sub_w[b] + spare;
        int k = want < 4 ? want : 4;
        float minw = fminf(g->sub_w[b], NODE_NARROW + 16); /* a column of small boxes keeps its width */
        while (k > 1 && avail / (float)k < minw)
            k--;
        if (k > 1) {
            float w = fminf(g->sub_w[b], avail / (float)k);
            g->ncols[b] = k;
            spare = avail - w * (float)k;
            g->sub_w[b] = w;
        }
    }
    g->names_x = 0;
    g->names_w = names_w;
    x = names_w + 16;
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        g->band_x[b] = x;
        g->band_w[b] = g->sub_w[b] * (float)g->ncols[b];
        if (g->band_shown[b])
            x += g->band_w[b];
    }
    g->total_w = x;
    uint32_t maxrows = 1;
    uint32_t maxlive = 0; /* the rows in use now, in the tallest sub-column */
    for (int b = 0; b < GS_BAND_COUNT; b++)
        if (g->band_shown[b]) {
            uint32_t r = wrapped_rows(g, b, g->rows[b]), l = wrapped_rows(g, b, extent[b]);
            maxrows = r > maxrows ? r : maxrows;
            maxlive = l > maxlive ? l : maxlive;
        }
    /* still a row or two too tall for the canvas: the rows close up, as
     * far as a gap an arrow can pass through */
    g->row_h = ROW_H;
    if (g->per_col && maxlive > g->per_col) {
        /* above the HEAP label's strip, else down to the canvas's edge
         * (the label then gives way to the boxes) */
        for (float margin = 26; margin >= 4; margin -= 22) {
            float room_h = (ui->canvas.h - margin) / zoom - 10 - NODE_H - g->top;
            float pitch = room_h / (float)(maxlive - 1);
            if (pitch >= ROW_H_MIN) {
                g->row_h = fminf(pitch, ROW_H);
                break;
            }
        }
    }
    float names_h = g->top;
    for (int fi = 0; fi < s->nframes; fi++)
        names_h += frame_box_height(ui, s, &s->frames[fi], names_w) + 12;
    g->total_h = g->top + (float)maxrows * g->row_h + 12;
    if (names_h > g->total_h)
        g->total_h = names_h;
}

/* World -> screen */
static float sx(gs_Ui *ui, float x) { return ui->canvas.x + (x - ui->pan_x) * ui->zoom; }
static float sy(gs_Ui *ui, float y) { return ui->canvas.y + (y - ui->pan_y) * ui->zoom; }

/* The smallest zoom a fit goes to: below it the canvas's text would be
 * too small to read. */
#define FIT_MIN_ZOOM 0.5f

void gs_ui_fit(gs_Ui *ui, const gs_UiData *d, bool overview)
{
    HeapGeom g;
    heap_geometry(ui, d, &g);
    float zx = ui->canvas.w / (g.total_w + 20), zy = ui->canvas.h / (g.total_h + 20);
    float z = zx < zy ? zx : zy;
    /* Canvas text does not scale, so a new document starts at zoom 1 (the
     * rest is a drag away); F asks for an overview, as far as text stays
     * readable: then the frames and the young generation stay in view,
     * where the program's own objects are. */
    if (!overview || z > 1.0f)
        z = 1.0f;
    if (z < FIT_MIN_ZOOM)
        z = FIT_MIN_ZOOM;
    ui->zoom = z;
    ui->zoom_auto = overview && z < 1.0f;
    ui->pan_x = -10;
    ui->pan_y = -10;
    ui->pan_auto = false;
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

/* A quadratic arc's control x, kept so that the arc's farthest point (a
 * quarter of the ends' and half the control's) stays inside the canvas:
 * past its right edge an arc runs behind the panels beside it. */
static float arc_inside(const gs_Ui *ui, float x0, float x1, float cx)
{
    float right = ui->canvas.x + ui->canvas.w - 6, most = 2 * right - (x0 + x1) / 2;
    return cx > most ? fmaxf(most, fmaxf(x0, x1) + 12) : cx;
}

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

/* A straight dashed segment: 6-px dashes, 6-px gaps (at most 400). */
static void dashed_line(gs_DrawList *dl, float x0, float y0, float x1, float y1, gs_Color c, float thick)
{
    float len = hypotf(x1 - x0, y1 - y0);
    if (!(len > 0))
        return;
    int n = (int)(len / 6) + 1;
    if (n > 400)
        n = 400;
    for (int i = 0; i < n; i += 2) {
        float a = (float)i / (float)n, b = (float)(i + 1) / (float)n;
        gs_draw_line(dl, x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b, c, thick, 0);
    }
}

/* A route along the canvas's lanes: straight legs, corners rounded by a
 * quadratic curve through the corner point. */
static void draw_route(gs_Ui *ui, gs_DrawList *dl, const gs_Route *r, gs_Color c, float thick, bool dashed)
{
    if (r->n < 2)
        return;
    float px = r->x[0], py = r->y[0];
    for (int k = 1; k < r->n; k++) {
        float cx = r->x[k], cy = r->y[k];
        float ex = cx, ey = cy; /* where this leg's straight part ends */
        float nx = 0, ny = 0;   /* and where the rounded corner ends */
        bool corner = k + 1 < r->n;
        if (corner) {
            float lin = hypotf(cx - px, cy - py), lout = hypotf(r->x[k + 1] - cx, r->y[k + 1] - cy);
            float rad = fminf(10 * ui->zoom, fminf(lin, lout) / 2);
            ex = cx - (cx - px) / (lin > 0 ? lin : 1) * rad;
            ey = cy - (cy - py) / (lin > 0 ? lin : 1) * rad;
            nx = cx + (r->x[k + 1] - cx) / (lout > 0 ? lout : 1) * rad;
            ny = cy + (r->y[k + 1] - cy) / (lout > 0 ? lout : 1) * rad;
        }
        if (dashed)
            dashed_line(dl, px, py, ex, ey, c, thick);
        else if (ex != px || ey != py)
            gs_draw_line(dl, px, py, ex, ey, c, thick, 0);
        if (corner) {
            if (dashed)
                dashed_line(dl, ex, ey, nx, ny, c, thick);
            else
                gs_draw_curve(dl, ex, ey, cx, cy, nx, ny, c, thick, 0);
            px = nx;
            py = ny;
        }
    }
    float dx = r->x[r->n - 1] - r->x[r->n - 2], dy = r->y[r->n - 1] - r->y[r->n - 2];
    arrowhead(dl, r->x[r->n - 1], r->y[r->n - 1], dx, dy, 9 * (ui->zoom < 1 ? 1 : ui->zoom), c);
}

/* An arrow from (x0, y0), inside box from_box of the frame's obstacles (-1:
 * a frame's name), into object `to`: the plain curve when it meets no box
 * on its way, else a route around them (route.h). */
static void edge_ex(gs_Ui *ui, gs_DrawList *dl, float x0, float y0, int from_box, const Placed *to, gs_Color c,
                    float thick, bool dashed)
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
    } else { /* same column: swing out to the right, further the longer
              * the arc (arcs nest), into the target's upper half from above,
              * its lower half from below (arcs into one box do not meet),
              * and further going up than going down */
        x1 = tx0 + tw_;
        y1 = ty0 + th_ * (y0 < ty0 ? 0.3f : 0.7f);
        /* upward arcs swing further than downward ones: a two-object
         * loop (A.ref to B below, B.ref back up to A) is two arcs, not
         * one thick one (lesson 7) */
        float bulge = (y0 < ty0 ? 30 : 60) * ui->zoom + fabsf(y1 - y0) * 0.4f;
        cx = arc_inside(ui, x0, x1, (x0 > x1 ? x0 : x1) + bulge);
        cy = (y0 + y1) / 2;
    }
    gs_Route curve = { { x0, cx, x1 }, { y0, cy, y1 }, 3, true, 0 }, r;
    gs_route(&ui->obstacles, x0, y0, (gs_Rect){ tx0, ty0, tw_, th_ }, from_box, to->box, &curve, &r);
    if (!r.curve) {
        draw_route(ui, dl, &r, c, thick, dashed);
        return;
    }
    cx = arc_inside(ui, x0, x1, r.x[1]); /* the curve, bent around what it met */
    cy = r.y[1];
    if (dashed)
        dashed_curve(dl, x0, y0, cx, cy, x1, y1, c, thick);
    else
        gs_draw_curve(dl, x0, y0, cx, cy, x1, y1, c, thick, 0);
    arrowhead(dl, x1, y1, x1 - cx, y1 - cy, 9 * (ui->zoom < 1 ? 1 : ui->zoom), c);
}

/* A reference an object holds to itself: a loop from its cell out past
 * the node's right edge and back into that edge, so it cannot be read as
 * an arrow to the node above or below. */
static void self_loop(gs_Ui *ui, gs_DrawList *dl, float x0, float y0, const Placed *p, gs_Color c)
{
    float right = sx(ui, p->x) + p->r.w * ui->zoom, top = sy(ui, p->y), h = p->r.h * ui->zoom;
    float ex = right, ey = top + h * 0.3f;
    float cx = right + 46 * ui->zoom, cy = y0 + 18 * ui->zoom;
    gs_draw_curve(dl, x0, y0, cx, cy, ex, ey, c, 1.8f, 0);
    arrowhead(dl, ex, ey, ex - cx, ey - cy, 9 * (ui->zoom < 1 ? 1 : ui->zoom), c);
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

/* The group a GROUPED object is drawn as: its first member. */
static const Placed *group_head(const gs_Scene *s, const Placed *pl, int npl, uint32_t id)
{
    const gs_SceneObject *o = gs_scene_find(s, id);
    if (!o || !(o->flags & GS_SO_GROUPED))
        return NULL;
    for (int i = 0; i < npl; i++)
        if (pl[i].o->group_count && pl[i].o->group == o->group && strcmp(pl[i].o->type, o->type) == 0)
            return &pl[i];
    return NULL;
}

static void cell_value(const gs_Ui *ui, const gs_Scene *s, uint32_t target, char *buf, size_t n, bool *inline_v)
{
    const gs_SceneObject *t = gs_scene_find(s, target);
    *inline_v = false;
    if (target && target == s->ns_id) { /* drawn as the module's frame box, not as an object */
        snprintf(buf, n, "module's names");
        *inline_v = true;
        return;
    }
    if (!t) {
        snprintf(buf, n, "·");
        *inline_v = true; /* a runtime object the trace does not show (None, a builtin) */
        return;
    }
    if ((t->flags & GS_SO_PRIMITIVE) && !ui->show_primitives) {
        snprintf(buf, n, "%s", t->value[0] ? t->value : t->type); /* a loop's iterator by its type */
        *inline_v = true;
    } else if ((t->flags & GS_SO_DEFINITION) && !ui->show_definitions) {
        snprintf(buf, n, "%.20s %.30s", t->type, t->value);
        *inline_v = true;
    }
}

/* A prompt hides this object's count until it is answered. */
static bool count_hidden(const gs_UiData *d, uint32_t id)
{
    if (d->hide_counts)
        return true;
    for (int i = 0; i < d->nhide_ids; i++)
        if (d->hide_ids[i] == id)
            return true;
    return false;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Words with every size as '?': "created str #9 (1 reference, ? bytes)",
 * "list #5 freed (? bytes)", "... ? bytes in all". */
static const char *mask_bytes(const char *text, char *buf, size_t n)
{
    size_t k = 0;
    const char *from = text;
    for (const char *b = strstr(text, " byte"); b && k < n; b = strstr(b + 1, " byte")) {
        const char *num = b; /* back over "12,345" */
        while (num > from && (is_digit(num[-1]) || (num[-1] == ',' && num - 1 > from && is_digit(num[-2]))))
            num--;
        if (num == b || !is_digit(*num))
            continue;
        int w = snprintf(buf + k, n - k, "%.*s?", (int)(num - from), from);
        k = w < 0 ? n : k + (size_t)w;
        from = b;
    }
    if (from == text)
        return text;
    if (k < n)
        snprintf(buf + k, n - k, "%s", from);
    return buf;
}

/* An event's words with the count of a hidden object as '?': "list #9 now
 * has ? references" (a prediction asks for that count). */
static const char *mask_count(const gs_UiData *d, uint32_t focus, const char *text, char *buf, size_t n)
{
    /* while a prediction that hides counts is open, sizes in words are
     * hidden too, as on the nodes: "created str #9 (1 reference, 59
     * bytes)" or a free's size may be its answer ("hide: none" hides
     * none); one that hides some objects' counts hides their sizes alone
     * ("str #1708 freed (? bytes)" of a str the question is not about
     * read as broken) */
    const char *out = text;
    if (d->prompt && (d->prompt->state == GS_PROMPT_ASKING || d->prompt->state == GS_PROMPT_RETRY) &&
        (d->hide_counts || (focus && count_hidden(d, focus))))
        out = mask_bytes(text, buf, n);
    if (!focus || !count_hidden(d, focus) || !strstr(out, " reference"))
        return out;
    /* every "N reference(s)": "now has 2 references", "(1 reference now)",
     * "created list #9 (1 reference, 72 bytes)"; always plural, so the
     * word does not tell a 1 */
    char src[512];
    snprintf(src, sizeof src, "%s", out);
    size_t k = 0;
    const char *from = src;
    for (const char *r = strstr(src, " reference"); r && k < n; r = strstr(r + 1, " reference")) {
        const char *num = r;
        while (num > from && is_digit(num[-1]))
            num--;
        if (num == r)
            continue;
        int w = snprintf(buf + k, n - k, "%.*s? references", (int)(num - from), from);
        k = w < 0 ? n : k + (size_t)w;
        from = r + strlen(" reference");
        if (*from == 's')
            from++;
    }
    if (k < n)
        snprintf(buf + k, n - k, "%.*s", (int)strnlen(from, n - k), from);
    return buf;
}

/* How much an event of the log says about what a line did: 0 an
 * exception; 1 names, objects made or freed; 2 what objects refer to and
 * counts a name or a container changed; 3 a call's mechanics (called,
 * parameters, its names going away); 4 a count going up or down while an
 * expression is evaluated. */
/* Whether a log entry is the birth or death of a plain value (an int, a
 * float, a str), which the picture does not draw until H: 1; or of a
 * loop's iterator, drawn with D: 2; else 0 */
static int about_undrawn_kind(const char *text)
{
    const char *colon = strstr(text, ": ");
    const char *t = colon && colon - text <= 6 ? colon + 2 : text;
    const char *w = strncmp(t, "created ", 8) == 0 ? t + 8 : t, *sp = strchr(w, ' ');
    if (sp && sp - w >= 8 && strncmp(sp - 8, "iterator", 8) == 0 && sp[1] == '#' && (w != t || strstr(sp, " freed")))
        return 2;
    static const char *const kinds[] = { "int", "float", "str" };
    for (int k = 0; k < 3; k++) {
        size_t n = strlen(kinds[k]);
        if (strncmp(t, "created ", 8) == 0 && strncmp(t + 8, kinds[k], n) == 0 && t[8 + n] == ' ')
            return 1;
        if (strncmp(t, kinds[k], n) == 0 && strncmp(t + n, " #", 2) == 0 && strstr(t, " freed"))
            return 1;
        char many[16];
        snprintf(many, sizeof many, "× %s freed", kinds[k]);
        if (strstr(t, many))
            return 1;
    }
    return 0;
}

/* hide_plain: ints, floats and strs are not drawn (H is off), hide_iters:
 * nor loops' iterators (D is off): their births and deaths are told only
 * when the line did nothing else */
static int event_rank(const char *text, bool hide_plain, bool hide_iters)
{
    if (strstr(text, " raised"))
        return 0;
    int undrawn = about_undrawn_kind(text);
    if ((undrawn == 1 && hide_plain) || (undrawn == 2 && hide_iters))
        return 4;
    if (strstr(text, "(+1: the expression being evaluated") || strstr(text, "(-1: the expression being evaluated") ||
        strstr(text, "(+1: the interpreter, which keeps it alive while its __del__ runs)") ||
        strstr(text, " is tracked again, in generation") || strstr(text, "no longer tracked by the collector: its count is 0"))
        return 4; /* a dying object's untrack and re-track for its __del__: true, but the collector's business
                     (EVENTS has them; lesson 1 has not met the collector) */
    if (strstr(text, " is called") || strstr(text, "parameter ") || strstr(text, " is done") ||
        strstr(text, " goes away") || strstr(text, " pauses") || strstr(text, " goes on from") ||
        strstr(text, "a call's argument"))
        return 3;
    if (strstr(text, " reference (") || strstr(text, " references ("))
        return 2;
    if (strstr(text, "name ") || strstr(text, "created ") || strstr(text, "__dict__") || strstr(text, " freed") ||
        strstr(text, " cleared") || strstr(text, "collector") || strstr(text, "__del__ runs") ||
        strstr(text, " grows in place"))
        return 1;
    return 2;
}

/* The count a log entry's object has at the last of the line's entries
 * that change it (before `last`: the end of the line, or where a call it
 * made has stopped), if a later one does and it differs from the entry's;
 * else -1. */
/* Whether text names object #id ("#12", not "#123"). */
static bool names_id(const char *text, uint32_t id)
{
    char want[16];
    int n = snprintf(want, sizeof want, "#%u", id);
    for (const char *p = strstr(text, want); p; p = strstr(p + 1, want))
        if (!is_digit(p[n]))
            return true;
    return false;
}

static int count_at_line_end(const gs_UiData *d, int i, int last, int *at)
{
    *at = -1;
    const char *has = strstr(d->event_log[i], " now has ");
    if (!d->event_log_focus || !d->event_log_focus[i] || !has || !strstr(has, " reference"))
        return -1;
    int now = atoi(has + 9);
    if (now == 0)
        return -1; /* dying: what its __del__ does to the count is not the line's */
    /* an object the line frees has no count at its end (the counts its
     * __del__ makes in the meantime are not one) */
    for (int j = i + 1; j < last; j++)
        if (strstr(d->event_log[j], " freed") && names_id(d->event_log[j], d->event_log_focus[i]))
            return -1;
    for (int j = last - 1; j > i; j--) {
        const char *h = strstr(d->event_log[j], " now has ");
        if (d->event_log_focus[j] == d->event_log_focus[i] && h && strstr(h, " reference")) {
            int fin = atoi(h + 9);
            *at = j;
            return fin != now ? fin : -1;
        }
    }
    return -1;
}

/* What the line before the current one did, from the event log: its
 * last few events (counts a prediction hides as '?'), oldest first. */
static bool line_summary(const gs_UiData *d, bool hide_plain, bool hide_iters, char *out, size_t n, char *head,
                         size_t hn)
{
    int last = d->nevent_log - 1, first = 0;
    /* back to the start of the line the running frame did: stepping over
     * a call, the calling line (the viewer found its start by frame), not
     * the callee's last line; the calls it made are part of what it did */
    if (d->event_log_index && d->line_done_event != UINT64_MAX)
        for (int i = last - 1; i >= 0 && !first; i--)
            if (d->event_log_index[i] == d->line_done_event && strstr(d->event_log[i], " starts: "))
                first = i + 1;
    /* else the start of the line the last event belongs to: a call it
     * made (a callback, a __del__) started lines of its own on the way */
    unsigned line_of = last > 0 ? (unsigned)atoi(d->event_log[last - 1]) : 0;
    if (!first) {
        first = last;
        while (first > 0 && !(strstr(d->event_log[first - 1], " starts: ") &&
                              (unsigned)atoi(d->event_log[first - 1]) == line_of))
            first--;
    }
    if (first == 0) { /* not in the log: since the latest line start then */
        first = last;
        while (first > 0 && !strstr(d->event_log[first - 1], " starts: "))
            first--;
    }
    /* the step started inside the line, in a call it made (a stop at
     * the callee's `return`): what the line did since then, not again
     * what the student saw on the way */
    bool since = false;
    unsigned whole_line = first > 0 ? (unsigned)atoi(d->event_log[first - 1]) : 0;
    if (first > 0 && d->event_log_index && d->step_from_event != UINT64_MAX &&
        d->event_log_index[first - 1] < d->step_from_event) {
        int k = first;
        while (k < last && d->event_log_index[k] < d->step_from_event)
            k++;
        if (k > first && k < last) {
            first = k;
            since = true;
        }
    }
    /* the stop was in a call the running frame's line made, whose start
     * is past the log's reach (a gc.callbacks function during line 50's
     * gc.collect()): what is told is the rest of that line */
    unsigned named = 0; /* the line a step over it ran, its start out of the log's reach */
    if (!since && whole_line && d->step_from_event != UINT64_MAX && d->line_done_event != UINT64_MAX &&
        d->line_done_event < d->step_from_event && d->line_done_line && whole_line != d->line_done_line) {
        if (d->event_log_index && d->event_log_index[first - 1] < d->step_from_event)
            since = true; /* the stop was inside that call */
        else
            named = d->line_done_line; /* the step began at that line: what it did last */
        whole_line = d->line_done_line;
    }
    bool partial = false;
    if (first == 0) {
        /* the line started before the log's reach (a call that made and
         * freed thousands of objects): its last events, not nothing */
        if (last < 2)
            return false;
        first = last > 40 ? last - 40 : 1;
        partial = true;
    }
    if (first == last) {
        unsigned prev = (unsigned)atoi(d->event_log[first - 1]);
        snprintf(head, hn, "What line %u just did:", prev);
        snprintf(out, n, "nothing on the heap changed: it only read values (a test, a comparison), or its work was "
                         "on objects not drawn or on the collector's settings (see CYCLE COLLECTOR)");
        return prev != 0;
    }
    enum { SHOWN = 4 }; /* the line's main events; the rest are in EVENTS */
    /* an exception comes first: a line that raised jumps somewhere else,
     * and that is what the student must read; then what the line did to
     * names and objects, in the order it happened; counts going up and
     * down only if the line did nothing else (EVENTS has them all) */
    int order[SHOWN], norder = 0;
    /* the line's own events before those of the calls it made (a
     * constructor's "name self ..."): a rank per kind, then per line; the
     * line's own call ("f() is called") before the counts inside it */
    unsigned own = (unsigned)atoi(d->event_log[partial ? last - 1 : first - 1]); /* the line's number, from its start */
    static const struct { int rank; bool inner; } levels[] = {
        { 0, false }, { 0, true }, { 1, false }, { 2, false }, { 1, true }, { 3, false }, { 2, true },
        { 3, true }, { 4, false }, { 4, true }
    };
    for (int level = 0; level < 10 && norder < SHOWN && !(levels[level].rank == 4 && norder > 0); level++) {
        int rank = levels[level].rank;
        bool inner = levels[level].inner;
        int chosen[SHOWN], nchosen = 0;
        for (int i = first; i < last && norder + nchosen < SHOWN; i++)
            if (event_rank(d->event_log[i], hide_plain, hide_iters) == rank && ((unsigned)atoi(d->event_log[i]) != own) == inner &&
                !strstr(d->event_log[i], " starts: ")) /* a called line's start did nothing itself */
                chosen[nchosen++] = i;
        /* merged into the order so far by position (after the raise) */
        for (int c = 0; c < nchosen; c++) {
            int at = norder;
            while (at > 0 && rank > 0 && order[at - 1] > chosen[c] && event_rank(d->event_log[order[at - 1]], hide_plain, hide_iters) > 0)
                at--;
            memmove(&order[at + 1], &order[at], (size_t)(norder - at) * sizeof order[0]);
            order[at] = chosen[c];
            norder++;
        }
    }
    int more = last - first - norder;
    size_t k = 0;
    out[0] = 0;
    for (int j = 0; j < norder && k < n; j++) {
        int i = order[j];
        size_t li = strlen(d->event_log[i]);
        if (i + 1 < last && strncmp(d->event_log[i], d->event_log[i + 1], li) == 0 &&
            strncmp(d->event_log[i + 1] + li, " —", strlen(" —")) == 0)
            continue; /* "collector: done" before "collector: done — 2 collected" */
        /* a count the line changed again later: the latest too ("..., then
         * 2 references"), so the words agree with the badge */
        char joined[300];
        const char *said = d->event_log[i];
        int at, fin = count_at_line_end(d, i, last, &at);
        for (int q = 0; q < norder && fin >= 0; q++)
            if (order[q] == at)
                fin = -1; /* that entry is said too: once is enough */
        if (fin >= 0) {
            snprintf(joined, sizeof joined, "%s; %d reference%s when the line ended", said, fin, fin == 1 ? "" : "s");
            said = joined;
        }
        char masked[320];
        const char *t = mask_count(d, d->event_log_focus ? d->event_log_focus[i] : 0, said, masked, sizeof masked);
        const char *colon = strstr(t, ": ");
        if (colon && colon - t <= 6)
            t = colon + 2;
        k += (size_t)snprintf(out + k, n - k, "%s%s", k ? "; " : "", t);
    }
    if (more > 0 && k < n)
        snprintf(out + k, n - k, "; and %d more (EVENTS lists them)", more);
    if (!own && !named && !since) {
        /* before the first line: what the compiler made, not what the
         * program did ("created str 'box C'" read as box C existing) */
        bool compiled = true;
        for (int i = first; i < last && compiled; i++)
            compiled = strncmp(d->event_log[i], "0: ", 3) == 0 || strcmp(d->event_log[i], "the program starts") == 0;
        if (compiled) {
            snprintf(head, hn, "Before the first line:");
            snprintf(out, n, "Python compiled the program. Its code and the constants it uses (strings and "
                             "numbers written in it) are objects too, made now; EVENTS lists them. No line has run.");
            return true;
        }
    }
    /* the line's call returned on the way and its caller's line went on
     * (a constructor's last line, then the caller making the next
     * object): not all of it was that line's doing */
    unsigned caller = 0;
    for (int i = first, done = 0; i < last && !named && !since && own && !caller; i++) {
        unsigned li = (unsigned)atoi(d->event_log[i]);
        if (li == own && strstr(d->event_log[i], "() is done"))
            done = 1;
        else if (done && li && li != own)
            caller = li;
    }
    if (named)
        snprintf(head, hn, "What line %u did last:", named);
    else if (caller)
        snprintf(head, hn, "Since the last stop (line %u, then the rest of line %u):", own, caller);
    else if (since && own && own != whole_line) /* the stop was in a call the line made: its line first */
        snprintf(head, hn, "Since the last stop (line %u, then the rest of line %u):", own, whole_line);
    else if (since)
        snprintf(head, hn, "Since the last stop (the rest of line %u):", whole_line);
    else
        snprintf(head, hn, !own ? "What just happened:" : partial ? "What line %u did last:" : "What line %u just did:",
                 own);
    return out[0] != 0;
}

static bool shown_by_prompt(const gs_UiData *d, uint32_t id)
{
    for (int i = 0; i < d->nshow_ids; i++)
        if (d->show_ids[i] == id)
            return true;
    return false;
}

bool gs_ui_stat_highlights(const gs_Ui *ui, const gs_SceneObject *o)
{
    if (!ui->stat_tab || ui->stat_tab != ui->bottom_tab)
        return false;
    if (!o->allocated)
        return false;
    return ui->stat_tab == 3 ? (uint32_t)o->created_line == ui->stat_key : o->type_id == ui->stat_key;
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
    if (gs_ui_stat_highlights(ui, o))
        gs_draw_rect_line(dl, (gs_Rect){ x - 5, y - 5, w + 10, h + 10 }, with_alpha(C_PURPLE, a), 9, 3, o->id);
    if (shown_by_prompt(d, o->id)) {
        float pulse = 0.5f + 0.5f * (float)sin(ui->time * 4.0);
        gs_draw_rect_line(dl, (gs_Rect){ x - 8, y - 8, w + 16, h + 16 }, with_alpha(C_ORANGE, 0.5f + 0.5f * pulse), 10,
                          3, o->id);
    }
    gs_draw_rect(dl, r, with_alpha(fill, a), 6 * ui->zoom, o->id);
    gs_draw_rect_line(dl, r, with_alpha(edgec, a), 6 * ui->zoom, collecting ? 2.5f : 1.5f, o->id);
    *nanchor = 0;
    if (ui->zoom < 0.45f) /* level of detail: boxes only */
        return;
    /* header: type (and value), #id, count badge */
    char title[96];
    node_title(o, title, sizeof title);
    if (o->group_count) /* a stack of alike objects */
        for (int k = 2; k >= 1; k--)
            gs_draw_rect_line(dl, (gs_Rect){ x + 4 * (float)k, y - 4 * (float)k, w, h }, with_alpha(edgec, 0.5f * a),
                              6 * ui->zoom, 1, o->id);
    gs_NodeAnim *an = anim_of(ui, o->id, false);
    float pulse = an ? an->pulse : 0;
    float widths[NODE_CELLS + 1];
    int cell[NODE_CELLS + 1], left_out;
    int cells = node_drawn_cells(ui, s, o, w, cell, widths, &left_out);
    char rc[24];
    bool hidden = count_hidden(d, o->id);
    if (hidden)
        snprintf(rc, sizeof rc, "?");
    else if (o->refcount < 0) /* a constant the interpreter shares (small ints): its count is not followed */
        snprintf(rc, sizeof rc, "many");
    else if (o->group_count)
        snprintf(rc, sizeof rc, "%d each", o->refcount);
    else
        snprintf(rc, sizeof rc, "%d", o->refcount);
    float badge_w = tw(ui, GS_FONT_SMALL, rc) + 14;
    float bx = x + w - badge_w - 6, by = y + 5;
    gs_Color badge = hidden ? C_ORANGE : C_TEXT;
    if (pulse > 0.01f && !hidden)
        badge = an->pulse_sign > 0 ? C_GREEN : C_VERMILLION;
    float grow = pulse * 3;
    gs_draw_rect(dl, (gs_Rect){ bx - grow, by - grow, badge_w + 2 * grow, 18 + 2 * grow }, with_alpha(badge, a), 9,
                 o->id);
    text(dl, GS_FONT_SMALL, bx + 7, by + 2, rc, with_alpha(RGB(255, 255, 255), a));
    float gx = bx;
    /* "+1" beside the count: that many of its references have no arrow */
    /* not during a collection's passes: the gc_refs pill is what they are
     * about, and with both a narrowed box kept no room for its title
     * (lesson 11's Jobs read "…") */
    char un[16];
    snprintf(un, sizeof un, "+%d", p->unseen);
    float uw = tw(ui, GS_FONT_SMALL, un) + 10;
    /* the title comes first: a pill that would cut a title which fits
     * without it is left out ("make_stream() generator 216 B" read
     * "make_stream() …" in lesson 20); the inspector still says who holds */
    /* a box with no cells whose title and bytes do not fit side by side
     * gives the bytes the empty row below ("make_stream() generator" over
     * "216 B") */
    float title_need = tw(ui, zf(ui, GS_FONT_UI_BOLD), title);
    char sz_below[48] = "";
    bool size_below = false;
    if (ui->show_sizes) {
        node_size_text(o, sz_below, sizeof sz_below, hidden);
        float szw = tw(ui, GS_FONT_SMALL, sz_below) + 8;
        size_below = cells == 0 && !o->group_count && title_need + szw > bx - x - 12;
        if (!size_below)
            title_need += szw;
    }
    bool pill_cuts_title = title_need > bx - uw - 3 - x - 12 && title_need <= bx - x - 12;
    if (!hidden && o->refcount > 0 && !o->group_count && p->unseen > 0 && ui->zoom >= 0.7f &&
        !(o->flags & GS_SO_HAS_GCREFS) && !pill_cuts_title) {
        gx = bx - uw - 3;
        gs_Rect ur = { gx, by, uw, 18 };
        gs_draw_rect(dl, ur, with_alpha(C_PANEL, a), 9, o->id);
        gs_draw_rect_line(dl, ur, with_alpha(C_MUTED, a), 9, 1, o->id);
        text(dl, GS_FONT_SMALL, gx + 5, by + 2, un, with_alpha(C_MUTED, a));
        add_button(ui, ur, GS_ACT_NONE, 0,
                   p->unseen == 1 ? "1 reference with no arrow here: the code running now holds it (a call's argument, a "
                                    "value being computed, the interpreter while the object's __del__ runs), or an "
                                    "object the picture hides (D, H), or a long "
                                    "container's cell left out (\"… N more\"). Click the box: the inspector says who."
                                  : "References with no arrow here: the code running now holds them (a call's "
                                    "arguments, values being computed), or objects the picture hides (D, H), or a long "
                                    "container's cells left out (\"… N more\"). Click the box: the inspector says who.");
    }
    if (o->flags & GS_SO_HAS_GCREFS) {
        char gr[32];
        snprintf(gr, sizeof gr, "gc_refs %lld", (long long)o->gc_refs);
        float gw = tw(ui, GS_FONT_SMALL, gr) + 12;
        gx = gx - gw - 4;
        gs_draw_rect(dl, (gs_Rect){ gx, by, gw, 18 }, with_alpha(C_ORANGE, a), 9, o->id);
        text(dl, GS_FONT_SMALL, gx + 6, by + 2, gr, with_alpha(C_TEXT, a));
    }
    /* the #id the event log and the inspector use, beside the title */
    char idb[16];
    snprintf(idb, sizeof idb, o->group_count ? "" : "#%u", o->id);
    float idw = idb[0] ? tw(ui, GS_FONT_SMALL, idb) + 6 : 0;
    float tmax = gx - x - 12 - idw;
    if (tw(ui, zf(ui, GS_FONT_UI_BOLD), title) > tmax) {
        idb[0] = 0; /* a narrowed box: the title (as much as fits) before its #id */
        tmax += idw;
        idw = 0;
    }
    /* with sizes (B): the title first, then its bytes, then the #id, as
     * far as they fit (zoomed out, boxes shrink and text does not) */
    char sz[48] = "";
    float szw = 0;
    if (ui->show_sizes && !size_below) {
        node_size_text(o, sz, sizeof sz, hidden); /* a prediction may be about it */
        szw = tw(ui, GS_FONT_SMALL, sz) + 8;
        float avail = gx - x - 12, tww = tw(ui, zf(ui, GS_FONT_UI_BOLD), title);
        /* asked for (B): the bytes stay, the #id goes first, then the
         * title is cut ("str 'pear pl…' 69 B": lesson 19 is about them) */
        idb[0] = tww + idw + szw <= avail ? idb[0] : 0;
        idw = idb[0] ? idw : 0;
        tmax = avail - idw - szw;
        if (tmax < 40)
            sz[0] = 0; /* too narrow for both: the title */
    }
    /* a value's end tells boxes apart (a method's name, a str's last
     * words); a group's count and a generator's name come first */
    if (o->value[0] && !o->group_count && strcmp(o->type, "generator") != 0)
        text_fit_middle(ui, dl, zf(ui, GS_FONT_UI_BOLD), x + 8, y + 4, fmaxf(tmax, 0), title,
                        with_alpha(unreachable ? C_MUTED : C_TEXT, a));
    else
        text_fit(ui, dl, zf(ui, GS_FONT_UI_BOLD), x + 8, y + 4, fmaxf(tmax, 0), title,
                 with_alpha(unreachable ? C_MUTED : C_TEXT, a));
    float after = x + 8 + fminf(tw(ui, zf(ui, GS_FONT_UI_BOLD), title), fmaxf(tmax, 0)) + 5;
    if (idb[0])
        text(dl, GS_FONT_SMALL, after, y + 6, idb, with_alpha(C_FAINT, a));
    if (sz[0])
        text(dl, GS_FONT_SMALL, after + idw, y + 6, sz, with_alpha(C_PURPLE, a));
    if (o->id == d->watch)
        text(dl, GS_FONT_SMALL, x, y - 15, "watched (W)", with_alpha(C_VERMILLION, a));
    /* cells, one per outgoing reference (a long container: its ends) */
    float cy = y + h - 22, cx = x + 8;
    if (size_below)
        text(dl, GS_FONT_SMALL, cx, cy + 2, sz_below, with_alpha(C_PURPLE, a));
    for (int i = 0; i < cells; i++) {
        float cw = widths[i] * ui->zoom;
        gs_Rect cr = { cx, cy, cw, 18 };
        if (cell[i] < 0) {
            char more[32];
            snprintf(more, sizeof more, "… %d more", left_out);
            gs_draw_rect(dl, cr, with_alpha(tint(C_SKY, 0.2f), a), 3, o->id);
            text_fit(ui, dl, GS_FONT_SMALL, cx + 4, cy + 2, cw - 6, more, with_alpha(C_BLUE, a));
            add_hit(ui, cr, o->id); /* select it: the inspector lists them all */
            cx += cw + 2;
            continue;
        }
        const gs_SceneSlot *sl = &s->slots[o->first_slot + cell[i]];
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
    if (o->group_count) {
        char held[64];
        snprintf(held, sizeof held, "each held only by #%u", o->group);
        text_fit(ui, dl, GS_FONT_SMALL, x + 8, cy + 2, w - 14, held, with_alpha(C_MUTED, a));
    }
    (void)pl;
    (void)npl;
}

static int cmp_placed(const void *a, const void *b)
{
    uint32_t x = ((const Placed *)a)->o->id, y = ((const Placed *)b)->o->id;
    return x < y ? -1 : x > y;
}

/* The heap follows what a step did: when every object the step made or
 * whose count it changed lies outside the canvas (below the bottom of a
 * long column, right of a wide one), the view pans to bring them in, as
 * little as it takes. A student who panned away keeps the view until a
 * step changes something out of sight. */
/* Whether world rectangle r is in sight with the view panned to (px, py). */
static bool in_sight(const gs_Ui *ui, gs_Rect r, float pan_x, float pan_y)
{
    gs_Rect c = ui->canvas;
    float x = c.x + (r.x - pan_x) * ui->zoom, y = c.y + (r.y - pan_y) * ui->zoom;
    float left = c.x + 40 + (pan_x > -10 ? ui->pin_world * ui->zoom : 0); /* panned right, the names column covers its part */
    return x + 40 <= c.x + c.w && x + r.w * ui->zoom >= left && y >= c.y + 20 && y + r.h * ui->zoom <= c.y + c.h - 26;
}

static void follow_changes(gs_Ui *ui, const gs_Rect *changed, int n)
{
    if (n == 0 || ui->dragging)
        return;
    /* a view the follow moved goes home (the names on the left, the
     * young generation) as soon as what changes is in sight from there */
    if (ui->pan_auto) {
        for (int i = 0; i < n; i++)
            if (in_sight(ui, changed[i], -10, -10)) {
                ui->pan_x = ui->pan_y = -10;
                ui->pan_auto = false;
                return;
            }
    }
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    bool some_in = false, all_in = true;
    for (int i = 0; i < n; i++) {
        bool in = in_sight(ui, changed[i], ui->pan_x, ui->pan_y);
        some_in = some_in || in;
        all_in = all_in && in;
        x0 = fminf(x0, changed[i].x);
        y0 = fminf(y0, changed[i].y);
        x1 = fmaxf(x1, changed[i].x + changed[i].w);
        y1 = fmaxf(y1, changed[i].y + changed[i].h);
    }
    /* the canvas in world units, less a margin for the column titles and
     * the HEAP label */
    float vw = ui->canvas.w / ui->zoom, vh = (ui->canvas.h - 46) / ui->zoom;
    /* all in sight, or some and the rest cannot join them: the student
     * sees the step where the view is; else it pans to show them all (a
     * box the step changed at the bottom, cut by the canvas's edge) */
    if (all_in || (some_in && (x1 - x0 > vw - (ui->pan_x > -10 ? ui->pin_world : 0) || y1 - y0 > vh)))
        return;
    float left = ui->pan_x, top = ui->pan_y;
    if (x1 - x0 > vw)
        x1 = x0 + vw; /* too wide to fit: its left part */
    if (y1 - y0 > vh)
        y1 = y0 + vh;
    /* panned right, the names column stays and covers the left of the view */
    float pinned = ui->pin_world;
    if (x0 < left + (left > -10 ? pinned : 0))
        left = x0 - 10 - pinned;
    else if (x1 > left + vw)
        left = x1 - vw + 10;
    if (y0 < top + 20 / ui->zoom)
        top = y0 - 20 / ui->zoom;
    else if (y1 > top + vh)
        top = y1 - vh + 10;
    ui->pan_x = fmaxf(left, -10);
    ui->pan_y = fmaxf(top, -10);
    ui->pan_auto = ui->pan_x != -10 || ui->pan_y != -10;
}

static void draw_heap(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, double dt)
{
    const gs_Scene *s = d->scene;
    gs_Rect c = ui->canvas;
    gs_draw_rect(dl, c, C_PANEL_ALT, 6, 0);
    gs_draw_clip(dl, c);
    HeapGeom g;
    heap_geometry(ui, d, &g);
    /* place every drawn object, noting the ones this step made or changed */
    Placed *pl = malloc((size_t)(s->nobjects ? s->nobjects : 1) * sizeof *pl);
    int npl = 0;
    gs_Rect changed[64];
    int nchanged = 0, nfresh = 0;
    if (!pl) {
        gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
        return;
    }
    uint32_t *rank = NULL;
    uint32_t nextrank[GS_BAND_COUNT] = { 0 };
    if (d->placement)
        memcpy(nextrank, g.first_unplaced, sizeof nextrank);
    if (!d->placement)
        rank = NULL;
    for (int i = 0; i < s->nobjects; i++) {
        const gs_SceneObject *o = &s->objects[i];
        if (!shown_as_node(ui, o))
            continue;
        uint32_t row;
        const gs_Stay *st = d->placement ? gs_placement_at(d->placement, o->id, s->event) : NULL;
        row = st ? folded_row(ui, o->band, st->row) : nextrank[o->band]++;
        Placed *p = &pl[npl++];
        p->o = o;
        float rx, ry;
        row_slot(&g, o->band, row, &rx, &ry);
        p->r = (gs_Rect){ rx, ry, fminf(node_width(ui, s, o), g.sub_w[o->band] - 16), NODE_H };
        /* animate towards the target position */
        gs_NodeAnim *an = anim_of(ui, o->id, true);
        float k = dt > 0 ? (float)(1.0 - exp(-dt * 10.0)) : 1.0f;
        bool news = false; /* made, or its count changed, by this step */
        if (!an) {
            p->x = p->r.x;
            p->y = p->r.y;
            p->alpha = 1;
        } else {
            if (isnan(an->x)) {
                an->x = p->r.x;
                an->y = p->r.y;
                an->alpha = 0;
                news = true;
                nfresh++;
            }
            an->x += (p->r.x - an->x) * k;
            an->y += (p->r.y - an->y) * k;
            an->alpha += (1 - an->alpha) * k;
            if (an->last_refcount >= 0 && an->last_refcount != o->refcount) {
                an->pulse = 1;
                an->pulse_sign = (int8_t)(o->refcount > an->last_refcount ? 1 : -1);
                news = true;
            }
            an->last_refcount = o->refcount;
            if (an->last_size && an->last_size != o->size)
                news = true; /* grown or shrunk in place (a list's append, a dict's new table) */
            an->last_size = o->size;
            an->pulse *= dt > 0 ? (float)exp(-dt * 3.0) : 0.0f;
            an->band = o->band;
            p->x = an->x;
            p->y = an->y;
            p->alpha = an->alpha;
        }
        if (news && nchanged < (int)(sizeof changed / sizeof changed[0]))
            changed[nchanged++] = p->r;
    }
    if (nfresh < npl) /* not a first picture: a step changed these */
        follow_changes(ui, changed, nchanged);
    /* a prediction that opens brings what it asks about (and points at)
     * into view, once: the student may pan away from there */
    if (d->prompt && (d->prompt->state == GS_PROMPT_ASKING || d->prompt->state == GS_PROMPT_RETRY) &&
        ui->prompt_framed != d->prompt->index + 1 && !ui->dragging && d->nhide_ids + d->nshow_ids > 0) {
        ui->prompt_framed = d->prompt->index + 1;
        gs_Rect want[16];
        int nwant = 0;
        for (int i = 0; i < npl && nwant < 16; i++) {
            bool asked = shown_by_prompt(d, pl[i].o->id);
            for (int k = 0; k < d->nhide_ids && !asked; k++)
                asked = d->hide_ids[k] == pl[i].o->id;
            if (asked && !in_sight(ui, pl[i].r, ui->pan_x, ui->pan_y))
                want[nwant++] = pl[i].r;
        }
        if (nwant > 0) {
            ui->pan_auto = true; /* home, if that shows them */
            follow_changes(ui, want, nwant);
        }
    }
    /* a view the follow moved, where every object has since died (a
     * collection of what it followed), would stay blank; or from where
     * every box is in sight again (the column that ran below the canvas
     * has shrunk, or wrapped): home, with the columns' titles */
    if (ui->pan_auto && !ui->dragging && npl > 0) {
        bool any = false, all_home = true;
        for (int i = 0; i < npl; i++) {
            any = any || in_sight(ui, pl[i].r, ui->pan_x, ui->pan_y);
            all_home = all_home && in_sight(ui, pl[i].r, -10, -10);
        }
        if (!any || all_home) {
            ui->pan_x = ui->pan_y = -10;
            ui->pan_auto = false;
        }
    }
    /* Home shows the heap's right edge too, when the boxes on the left are
     * few enough: with the young generations empty (narrow strips), the
     * view pans right just enough (or as far as it can), the names column
     * staying where it is, and no box slides under the names. */
    ui->pin_world = g.names_w + 16 + 10; /* the width the names column keeps (world units) */
    if (!ui->dragging && !ui->pan_auto && (ui->pan_x == -10 || ui->home_fit) && npl > 0) {
        float vw = ui->canvas.w / ui->zoom, minl = 1e30f, maxr = -1e30f;
        for (int i = 0; i < npl; i++) {
            minl = fminf(minl, pl[i].r.x);
            maxr = fmaxf(maxr, pl[i].r.x + pl[i].r.w);
        }
        float want = fminf(maxr + 12 - vw, minl - ui->pin_world - 8); /* as far as the leftmost box allows */
        ui->pan_x = want > -10 ? want : -10;
        ui->home_fit = ui->pan_x != -10;
    }
    ui->beyond_right = 0;
    for (int i = 0; i < npl; i++) {
        Placed *p = &pl[i];
        float px = sx(ui, p->x), py = sy(ui, p->y);
        if (sx(ui, p->r.x) + p->r.w * ui->zoom > c.x + c.w + 1 && sy(ui, p->r.y) < c.y + c.h)
            ui->beyond_right++;
        p->visible = px + p->r.w * ui->zoom > c.x - 200 && px < c.x + c.w + 200 && py + NODE_H * ui->zoom > c.y - 200 &&
                     py < c.y + c.h + 200;
    }
    /* band backgrounds and titles */
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        if (!g.band_shown[b])
            continue;
        bool collected = s->in_collection && b <= GS_BAND_GEN2 && b <= s->collecting_gen;
        gs_Rect br = { sx(ui, g.band_x[b]), c.y, g.band_w[b] * ui->zoom - 6, c.h };
        gs_draw_rect(dl, br, collected ? tint(C_ORANGE, 0.20f) : tint(band_color(ui, b), 0.06f), 0, 0);
        char t[64];
        int n = 0;
        n = drawn_in_band(ui, s, b);
        if (g.band_w[b] < 70 && b <= GS_BAND_GEN2) {
            /* a narrow strip: as much of "g1 · 0" as fits its width */
            snprintf(t, sizeof t, "g%d · %d", b, n);
            if (tw(ui, GS_FONT_SMALL, t) > br.w - 10)
                snprintf(t, sizeof t, "g%d·%d", b, n);
        }
        else if (g.band_w[b] < 150 && b <= GS_BAND_GEN2)
            snprintf(t, sizeof t, "gen %d · %d", b, n);
        else if (g.band_w[b] < 150)
            snprintf(t, sizeof t, "%s · %d", b == GS_BAND_PERMANENT ? "perm." : "not tracked", n);
        else
            snprintf(t, sizeof t, "%s · %d", band_title(b), n);
        /* panned right, a column partly under the names keeps its title
         * in its visible part, or none if that is a sliver */
        float tx = br.x;
        if (ui->pan_x > -10)
            tx = fmaxf(tx, c.x + ui->pin_world * ui->zoom);
        if (br.x + br.w - tx >= 34)
            text_fit(ui, dl, GS_FONT_SMALL, tx + 8, c.y + 6, br.x + br.w - tx - 10, t,
                     collected ? C_VERMILLION : C_MUTED);
    }
    /* the names column stays in place when the view pans right: the heap's
     * columns slide under it, so a name and its arrow are always in sight */
    bool pin = ui->pan_x > -10;
    float pin_w = pin ? ui->pin_world * ui->zoom : 0;
    float names_sx = pin ? c.x + (g.names_x + 10) * ui->zoom : sx(ui, g.names_x);
    {
        /* the panel's title, in its bottom corner: the columns' titles have the top */
        const char *ht = "HEAP";
        const char *hint = c.w > 480 ? "drag to pan · wheel to zoom · F fits · L legend" : "";
        float hw = tw(ui, GS_FONT_SMALL, hint), htw = tw(ui, GS_FONT_UI_BOLD, ht);
        float by = c.y + c.h - 22;
        gs_Rect lr = { c.x + c.w - hw - htw - 30, by - 2, hw + htw + 26, 22 };
        /* a box down there (a column filling the canvas's height) keeps
         * its place: the label gives way */
        bool covered = false;
        for (int i = 0; i < npl && !covered; i++) {
            float bx = sx(ui, pl[i].r.x), byy = sy(ui, pl[i].r.y);
            covered = bx < lr.x + lr.w && bx + pl[i].r.w * ui->zoom > lr.x && byy < lr.y + lr.h &&
                      byy + pl[i].r.h * ui->zoom > lr.y;
        }
        if (!covered) {
            gs_draw_rect(dl, lr, with_alpha(C_PANEL_ALT, 0.92f), 4, 0);
            text(dl, GS_FONT_UI_BOLD, c.x + c.w - hw - htw - 22, by, ht, C_MUTED);
            text(dl, GS_FONT_SMALL, c.x + c.w - hw - 10, by + 3, hint, C_FAINT);
        }
    }
    free(rank);
    qsort(pl, (size_t)npl, sizeof *pl, cmp_placed);
    /* how far the drawn objects reach now (a fit's zoom comes back when they shrink) */
    float ext_w = g.names_w + 20, ext_h = g.top + 40;
    for (int i = 0; i < npl; i++) {
        ext_w = fmaxf(ext_w, pl[i].r.x + pl[i].r.w + 20);
        ext_h = fmaxf(ext_h, pl[i].r.y + pl[i].r.h + 20);
    }
    ui->live_w = ext_w;
    ui->live_h = ext_h;
    bool big = npl > 1500;
    /* the boxes on screen, which arrows go around, and the free lanes
     * between them: the strip between two columns, the gap between rows */
    gs_Obstacles *ob = &ui->obstacles;
    gs_obstacles_reset(ob);
    int nvisible = 0;
    for (int i = 0; i < npl; i++) {
        pl[i].box = -1;
        if (pl[i].visible && nvisible++ < 2000)
            pl[i].box = gs_obstacles_add(ob, (gs_Rect){ sx(ui, pl[i].x), sy(ui, pl[i].y), pl[i].r.w * ui->zoom,
                                                        pl[i].r.h * ui->zoom });
    }
    for (int b = 0; b < GS_BAND_COUNT && ob->nlane_x < 15; b++)
        if (g.band_shown[b])
            for (int k = 0; k < g.ncols[b] && ob->nlane_x < 15; k++)
                ob->lane_x[ob->nlane_x++] = sx(ui, g.band_x[b] + (float)k * g.sub_w[b]) - 3 * ui->zoom;
    ob->lane_x[ob->nlane_x++] = sx(ui, g.total_w) - 3 * ui->zoom;
    ob->lane_y0 = sy(ui, g.top - (g.row_h - NODE_H) / 2);
    ob->lane_dy = g.row_h * ui->zoom;
    ob->nlane_y = (int)((g.total_h - g.top) / g.row_h) + 2;
    if (nvisible > 2000 || !gs_obstacles_index(ob, (gs_Rect){ c.x - 200, c.y - 200, c.w + 400, c.h + 400 }))
        gs_obstacles_reset(ob); /* a heap this big is drawn with plain curves */
    if (pin) { /* the pinned column covers the heap's columns scrolled under it, their titles too */
        gs_draw_rect(dl, (gs_Rect){ c.x, c.y, pin_w - 4, c.h }, C_PANEL_ALT, 0, 0);
        gs_draw_rect(dl, (gs_Rect){ c.x + pin_w - 4, c.y, 1, c.h }, C_BORDER, 0, 0); /* its edge */
    }
    text(dl, GS_FONT_SMALL, names_sx + 8, c.y + 6, "names (frames)", C_MUTED);
    /* frames: the roots, with arrows from their names (during a
     * collection, the module object above them) */
    float fy = g.top + (s->module_gc_refs >= 0 ? 24 : 0);
    /* panned down, the frames stay at the top too, if their stack fits:
     * the roots stay in sight while the view follows objects below */
    float stack_h = fy;
    for (int fi = 0; fi < s->nframes; fi++)
        stack_h += frame_box_height(ui, s, &s->frames[fi], g.names_w) + 12;
    bool pin_v = ui->pan_y > -10 && (stack_h + 10) * ui->zoom <= c.h - 30;
    ui->nhits = 0;
    for (int fi = 0; fi < s->nframes; fi++) {
        const gs_SceneFrame *f = &s->frames[fi];
        size_t title_break = frame_title_break(ui, s, f, g.names_w);
        float fh = frame_box_height(ui, s, f, g.names_w),
              names_y = 26 + (title_break ? 20 : 0) + (ns_row(s, f) ? 20 : 0);
        gs_Rect fr = { names_sx + 8 * ui->zoom, pin_v ? c.y + (fy + 10) * ui->zoom : sy(ui, fy), (g.names_w - 8) * ui->zoom,
                       fh * ui->zoom };
        bool top_frame = !f->paused && (fi == s->nframes - 1 || s->frames[fi + 1].paused);
        gs_draw_rect(dl, fr, top_frame ? C_TOP_FRAME : f->paused ? C_PANEL_ALT : C_PANEL, 6, 0);
        gs_draw_rect_line(dl, fr, top_frame ? C_ORANGE : f->paused ? C_MUTED : C_BORDER, 6, top_frame ? 2 : 1, 0);
        if (ui->zoom >= 0.45f) {
            float title_w = fr.w - 16;
            if (strcmp(f->title, "module") == 0 && s->module_gc_refs >= 0) {
                /* the module object above its namespace: the collection's root */
                char mt[96];
                /* a root once the references from inside the set are
                 * subtracted: before, gc_refs is still a copy of the count */
                bool subtracted = strcmp(s->phase, "merge") != 0 && strcmp(s->phase, "update_refs") != 0;
                snprintf(mt, sizeof mt, "module object · gc_refs %lld%s", (long long)s->module_gc_refs,
                         subtracted && s->module_gc_refs > 0 ? ": a root" : "");
                float mw = fminf(tw(ui, GS_FONT_SMALL, mt) + 16, g.names_w * ui->zoom + 120);
                gs_Rect mr = { fr.x, fr.y - 22 * ui->zoom, mw, 18 };
                gs_draw_rect(dl, mr, tint(C_ORANGE, 0.35f), 5, s->module_id);
                gs_draw_rect_line(dl, mr, C_ORANGE, 5, 1.5f, s->module_id);
                text_fit(ui, dl, GS_FONT_SMALL, mr.x + 6, mr.y + 2, mw - 10, mt, C_TEXT);
            }
            if (strcmp(f->title, "module") == 0 && s->ns_gc_refs >= 0) {
                /* the module namespace is a dict in the collected set: its
                 * gc_refs stays above 0 (the interpreter refers to it), so it
                 * is a root of the collection */
                char gr[48];
                /* held from outside the set: a root (once subtracted) */
                bool ns_root = s->ns_gc_refs > 0 && strcmp(s->phase, "merge") != 0 &&
                               strcmp(s->phase, "update_refs") != 0;
                snprintf(gr, sizeof gr, "dict · gc_refs %lld", (long long)s->ns_gc_refs);
                float gw = fminf(tw(ui, GS_FONT_SMALL, gr) + 12, fr.w - 12);
                float ry = fr.y + (26 + (title_break ? 20 : 0)) * ui->zoom;
                gs_draw_rect(dl, (gs_Rect){ fr.x + 6, ry - 2, gw, 18 }, C_ORANGE, 9, s->ns_id);
                text_fit(ui, dl, GS_FONT_SMALL, fr.x + 12, ry, gw - 10, gr, C_TEXT);
                if (ns_root) { /* said at the title's right: the frame is that dict */
                    const char *rt = "a root";
                    float rw = tw(ui, GS_FONT_UI_BOLD, rt);
                    text(dl, GS_FONT_UI_BOLD, fr.x + fr.w - rw - 8, fr.y + 4, rt, C_VERMILLION);
                    title_w -= rw + 8;
                }
            }
            if (title_break) { /* two lines: the first part, then the rest */
                char t1[sizeof f->title];
                snprintf(t1, sizeof t1, "%.*s", (int)title_break, f->title);
                text_fit(ui, dl, zf(ui, GS_FONT_UI_BOLD), fr.x + 8, fr.y + 4, title_w, t1, C_TEXT);
                text_fit(ui, dl, zf(ui, GS_FONT_UI_BOLD), fr.x + 8, fr.y + (4 + 20) * ui->zoom, title_w,
                         f->title + title_break + (f->title[title_break] == ' '), C_TEXT);
            } else
                text_fit(ui, dl, zf(ui, GS_FONT_UI_BOLD), fr.x + 8, fr.y + 4, title_w, f->title, C_TEXT);
            for (int k = 0; k < f->nnames; k++) {
                const gs_SceneName *nm = &s->names[f->first_name + k];
                float ny = fr.y + (names_y + (float)k * 20) * ui->zoom;
                char v[64];
                bool inl;
                cell_value(ui, s, nm->target, v, sizeof v, &inl);
                char line[128];
                if (inl)
                    snprintf(line, sizeof line, "%s = %s", nm->name, v);
                else
                    snprintf(line, sizeof line, "%s", nm->name);
                gs_FontId nf = zf(ui, GS_FONT_MONO);
                float room = fr.w - (inl ? 18 : 30); /* a name with an arrow keeps room for its dot */
                char val[72];
                snprintf(val, sizeof val, " = %s", v);
                float vw = tw(ui, nf, val);
                bool literal = literal_target(s, nm, inl) != NULL;
                size_t nn = strlen(nm->name) < 60 ? strlen(nm->name) : 60;
                if (inl && literal && tw(ui, nf, line) > room && vw + tw(ui, nf, "a…") <= room) {
                    float ell = tw(ui, nf, "…");
                    while (nn > 0 && ui->tm.width(ui->tm.ctx, nf, nm->name, nn) + ell > room - vw) {
                        nn--;
                        while (nn > 0 && ((unsigned char)nm->name[nn] & 0xC0) == 0x80)
                            nn--;
                    }
                }
                /* a long name and a short value: the name is cut, so the
                 * value stays ("last_coll… = 30"), as long as the name
                 * keeps 5 characters (else "total = 99…", not "tot… = 9900") */
                if (inl && literal && tw(ui, nf, line) > room && vw + tw(ui, nf, "a…") <= room && nn >= 5) {
                    char nb[80];
                    snprintf(nb, sizeof nb, "%.*s…%s", (int)nn, nm->name, val);
                    gs_draw_text(dl, nf, fr.x + 10, ny, nb, strlen(nb), C_TEXT, 0);
                } else
                    text_fit(ui, dl, nf, fr.x + 10, ny, room, line, C_TEXT);
                const Placed *t = inl ? NULL : find_placed(pl, npl, nm->target);
                if (t) {
                    float ax = fr.x + fr.w - 10, ay = ny + 8;
                    gs_draw_circle(dl, ax, ay, 3.5f, C_TEXT, 0);
                    bool hl = nm->target == ui->selected;
                    if (pin) { /* from its dot rightwards: an object under the pinned column has no arrow */
                        float cx0 = ax - 4;
                        gs_draw_clip(dl, (gs_Rect){ cx0, c.y, c.x + c.w - cx0, c.h });
                    }
                    bool under_pin = pin && sx(ui, t->x) + t->r.w * ui->zoom <= c.x + pin_w;
                    if ((!big || hl || t->visible) && !under_pin) /* one under the pinned column: no arrow into names */
                        edge_ex(ui, dl, ax, ay, -1, t, hl ? C_ORANGE : with_alpha(C_TEXT, 0.75f), hl ? 2.5f : 1.5f,
                                false);
                    if (pin)
                        gs_draw_clip(dl, c);
                }
            }
        }
        fy += fh + 12;
    }
    /* what each badge counts that no arrow shows (the code running now
     * holds it, or an object the picture hides): the difference, beside
     * the badge; a student counting arrows otherwise finds one too few
     * (Noisy's 2 inside its __del__, with self's arrow alone).  The names'
     * arrows here, the cells' in the edge loop below: a box's arrows leave
     * from the cells it draws (a narrowed one draws fewer), and only a box
     * on screen draws any */
    for (int i = 0; i < npl; i++)
        pl[i].unseen = pl[i].o->refcount;
    for (int fi = 0; fi < s->nframes; fi++)
        for (int k = 0; k < s->frames[fi].nnames; k++) {
            Placed *t = (Placed *)find_placed(pl, npl, s->names[s->frames[fi].first_name + k].target);
            if (t)
                t->unseen--;
        }
    /* edges, then nodes on top (right of a pinned names column) */
    if (pin)
        gs_draw_clip(dl, (gs_Rect){ c.x + pin_w, c.y, c.w - pin_w, c.h });
    for (int i = 0; i < npl; i++) {
        const Placed *p = &pl[i];
        const gs_SceneObject *o = p->o;
        /* big heaps: edges between boxes on screen, plus the selection's */
        if (!p->visible && !(big && o->id == ui->selected))
            continue;
        float x = sx(ui, p->x), y = sy(ui, p->y), w = p->r.w * ui->zoom, h = p->r.h * ui->zoom;
        float widths[NODE_CELLS + 1];
        int cell[NODE_CELLS + 1], left_out;
        int cells = node_drawn_cells(ui, s, o, w, cell, widths, &left_out); /* as the node draws them */
        float cell_x[NODE_CELLS + 2];
        cell_x[0] = x + 8;
        for (int k = 0; k < cells; k++)
            cell_x[k + 1] = cell_x[k] + widths[k] * ui->zoom + 2;
        const Placed *group_drawn = NULL;
        for (int ci = 0; ci < cells; ci++) {
            if (cell[ci] < 0)
                continue;
            int k = cell[ci];
            const gs_SceneSlot *sl = &s->slots[o->first_slot + k];
            const Placed *t = find_placed(pl, npl, sl->target);
            if (t && !sl->weak)
                ((Placed *)t)->unseen--; /* an arrow from a drawn cell */
            if (!t)
                t = group_head(s, pl, npl, sl->target);
            if (!t || (big && !t->visible && o->id != ui->selected && sl->target != ui->selected))
                continue;
            if (t->o->group_count) { /* one arrow into a group */
                if (t == group_drawn)
                    continue;
                group_drawn = t;
            }
            float ax, ay;
            if (ui->zoom >= 0.45f && cell_x[ci + 1] - 2 <= x + w - 4) {
                ax = cell_x[ci + 1] - 2 - 7;
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
                edge_ex(ui, dl, ax, ay, p->box, t, ec, flash ? 3.5f : hl ? 2.5f : 1.4f, sl->weak);
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
    /* a column whose boxes go on below the canvas says how many are out
     * of sight there (gen 0 with 2,000 Jobs): the title's count is not
     * all in view */
    for (int b = 0; b < GS_BAND_COUNT; b++) {
        if (!g.band_shown[b])
            continue;
        int below = 0, above = 0;
        for (int i = 0; i < npl; i++)
            if (pl[i].o->band == b) {
                below += sy(ui, pl[i].r.y) + pl[i].r.h * ui->zoom > c.y + c.h - 2;
                above += sy(ui, pl[i].r.y) < c.y + 18;
            }
        float bx = sx(ui, g.band_x[b]), bw = g.band_w[b] * ui->zoom - 6;
        if ((below == 0 && above == 0) || bx + bw < c.x + (pin ? pin_w : 0) || bx > c.x + c.w || bw < 60)
            continue;
        for (int side = 0; side < 2; side++) {
            int count = side == 0 ? below : above;
            if (count == 0)
                continue;
            char t[64];
            snprintf(t, sizeof t, side == 0 ? "↓ %d more below" : "↑ %d more above (drag down)", count);
            float w = fminf(tw(ui, GS_FONT_SMALL, t) + 12, bw - 4);
            gs_Rect r = { bx + 2, side == 0 ? c.y + c.h - 20 : c.y + 20, w, 18 };
            gs_draw_rect(dl, r, with_alpha(C_PANEL, 0.95f), 4, 0);
            gs_draw_rect_line(dl, r, C_BORDER, 4, 1, 0);
            text_fit(ui, dl, GS_FONT_SMALL, r.x + 6, r.y + 2, r.w - 8, t, C_MUTED);
        }
    }
    /* boxes the canvas's right edge cuts or hides: said at that edge, as
     * the columns say what is below (lessons 11 and 16: four full columns
     * and "not tracked" do not fit in 570 px) */
    if (ui->beyond_right > 0) {
        char t[80];
        snprintf(t, sizeof t, "→ %d box%s past the right edge (drag left)", ui->beyond_right,
                 ui->beyond_right == 1 ? "" : "es");
        float w = tw(ui, GS_FONT_SMALL, t) + 12;
        gs_Rect r = { c.x + c.w - w - 4, c.y + c.h - 46, w, 18 };
        gs_draw_rect(dl, r, with_alpha(C_PANEL, 0.95f), 4, 0);
        gs_draw_rect_line(dl, r, C_BORDER, 4, 1, 0);
        text(dl, GS_FONT_SMALL, r.x + 6, r.y + 2, t, C_MUTED);
    }
    if (pin)
        gs_draw_clip(dl, c);
    free(pl);
    if (s->nobjects == 0 && s->nframes == 0)
        text(dl, GS_FONT_UI, c.x + 20, c.y + 40,
             d->error && s->nevents == 0 ? "The program did not start: the error says why."
                                         : "Nothing on the heap yet: press → to run the first line.",
             C_MUTED);
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

/* The lines the panel shows: the viewer's (markup left out), or every
 * line of the source. */
static int source_rows(const gs_UiData *d) { return d->src_lines ? d->nsrc_lines : count_lines(d->source, d->source_len); }

static void source_row(const gs_UiData *d, int row, int *line, const char **text, size_t *len, uint8_t *marks)
{
    if (d->src_lines) {
        const gs_SourceLine *sl = &d->src_lines[row];
        *line = sl->line;
        *text = d->source + sl->start;
        *len = sl->len;
        *marks = sl->marks;
        return;
    }
    const char *p = d->source, *end = d->source + d->source_len;
    for (int l = 0; l < row && p < end; p++)
        if (*p == '\n')
            l++;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    *line = row + 1;
    *text = p;
    *len = (size_t)(q - p);
    *marks = 0;
}

/* The row showing file line `line` (the nearest shown line at or after it). */
static int row_of_line(const gs_UiData *d, int line)
{
    if (!d->src_lines)
        return line - 1;
    int lo = 0, hi = d->nsrc_lines;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (d->src_lines[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A source row as the panel draws it: tabs as 4 spaces, at most 500
 * bytes; *comment is where a comment starts in it (SIZE_MAX: none). */
static size_t source_text(const char *p, size_t n, char *buf, size_t cap, size_t *comment)
{
    size_t k = 0;
    bool in_str = false;
    char qc = 0;
    *comment = SIZE_MAX;
    if (n > 400)
        n = 400;
    for (size_t i = 0; i < n && k < cap - 5; i++) {
        char ch = p[i];
        if (!in_str && (ch == '\'' || ch == '"')) {
            in_str = true;
            qc = ch;
        } else if (in_str && ch == qc)
            in_str = false;
        if (!in_str && ch == '#' && *comment == SIZE_MAX)
            *comment = k;
        if (ch == '\t') {
            for (int t = 0; t < 4; t++)
                buf[k++] = ' ';
        } else
            buf[k++] = ch;
    }
    buf[k] = 0;
    return k;
}

/* Where the pieces of a wrapped source row start: a row wider than
 * `cols` characters breaks after the last space, bracket or comma (else
 * dot) that fits in its second half (else at `cols`),
 * its continuations indented as the row plus two.  Returns how many
 * pieces (at most `max`); starts[i] are byte offsets in buf. */
static int wrap_row(const char *buf, size_t k, int cols, size_t *starts, int max, int *indent)
{
    int lead = 0;
    while ((size_t)lead < k && buf[lead] == ' ')
        lead++;
    *indent = lead + 2;
    int n = 0;
    size_t at = 0;
    starts[n++] = 0;
    while (n < max) {
        int width = n == 1 ? cols : cols - *indent;
        if (width < 8)
            width = 8;
        /* `width` characters from `at` (UTF-8 aware) */
        size_t end = at;
        int c = 0;
        while (end < k && c < width) {
            end++;
            while (end < k && ((unsigned char)buf[end] & 0xC0) == 0x80)
                end++;
            c++;
        }
        if (end >= k)
            break;
        size_t cut = end;
        for (int pass = 0; pass < 2 && cut == end; pass++)
            for (size_t j = end; j > at + (size_t)width / 2; j--)
                if (strchr(pass == 0 ? " ([{," : ".", buf[j - 1])) {
                    cut = j;
                    break;
                }
        starts[n++] = cut;
        at = cut;
    }
    return n;
}

static void draw_source(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    panel(dl, r, "SOURCE", ui);
    float top = panel_top(ui, r);
    float lh = th(ui, GS_FONT_MONO) + 2;
    int visible = (int)((r.y + r.h - top - 4) / lh);
    int nrows = source_rows(d);
    int cur = d->scene->line;
    int cur_row = cur > 0 ? row_of_line(d, cur) : -1;
    /* the gutter: marks, the current line's arrow (to x + 30), then the
     * numbers right-aligned, as wide as the last line's needs (a 3-digit
     * number under the arrow read "▶00") */
    float gutter = 60;
    if (nrows > 0) {
        int last_line;
        const char *lp;
        size_t ln;
        uint8_t lm;
        source_row(d, nrows - 1, &last_line, &lp, &ln, &lm);
        char num[16];
        snprintf(num, sizeof num, "%d", last_line);
        gutter = fmaxf(gutter, 34 + tw(ui, GS_FONT_MONO, num) + 12);
    }
    float space = tw(ui, GS_FONT_MONO, " ");
    int cols = space > 0 ? (int)((r.w - gutter - 8) / space) : 80;
    if (cols < 16)
        cols = 16;
    enum { MAXWRAP = 8 };
    char buf[512];
    size_t starts[MAXWRAP], comment;
    int indent;
    if (ui->follow_line && cur_row >= 0) {
        if (cur_row < ui->source_scroll + 2 || cur_row > ui->source_scroll + visible - 2)
            ui->source_scroll = cur_row - visible / 3;
        /* long rows wrap, so fewer rows fit: keep the current one in sight */
        for (;;) {
            int used = 0;
            for (int row = ui->source_scroll < 0 ? 0 : ui->source_scroll; row <= cur_row && row < nrows; row++) {
                int line;
                const char *p;
                size_t n;
                uint8_t marks;
                source_row(d, row, &line, &p, &n, &marks);
                size_t k = source_text(p, n, buf, sizeof buf, &comment);
                used += wrap_row(buf, k, cols, starts, MAXWRAP, &indent);
            }
            if (used <= visible - 1 || ui->source_scroll >= cur_row)
                break;
            ui->source_scroll++;
        }
    }
    /* the furthest scroll: the last rows fill the panel, wrapped as drawn
     * (counting them unwrapped would stop short of a current line near the
     * end of a program with long lines) */
    int last_first = nrows, filled = 0;
    while (last_first > 0) {
        int line;
        const char *p;
        size_t n;
        uint8_t marks;
        source_row(d, last_first - 1, &line, &p, &n, &marks);
        size_t k = source_text(p, n, buf, sizeof buf, &comment);
        int h = wrap_row(buf, k, cols, starts, MAXWRAP, &indent);
        if (filled + h > visible)
            break;
        filled += h;
        last_first--;
    }
    if (ui->source_scroll > last_first)
        ui->source_scroll = last_first;
    if (ui->source_scroll < 0)
        ui->source_scroll = 0;
    ui->gutter_rect = (gs_Rect){ r.x, top, gutter, r.y + r.h - top };
    ui->source_rect = (gs_Rect){ r.x, top, r.w, r.y + r.h - top };
    ui->source_line_h = lh;
    ui->nsource_rows_y = 0;
    gs_draw_clip(dl, (gs_Rect){ r.x + 1, top, r.w - 2, r.y + r.h - top - 2 });
    float y = top;
    for (int row = ui->source_scroll; row < nrows && y + lh <= r.y + r.h; row++) {
        int line;
        const char *p;
        size_t n;
        uint8_t marks;
        source_row(d, row, &line, &p, &n, &marks);
        size_t k = source_text(p, n, buf, sizeof buf, &comment);
        int pieces = wrap_row(buf, k, cols, starts, MAXWRAP, &indent);
        float rh = lh * (float)pieces;
        if (ui->nsource_rows_y < (int)(sizeof ui->source_rows_y / sizeof ui->source_rows_y[0])) {
            ui->source_rows_y[ui->nsource_rows_y] = y + rh; /* where the row ends, for clicks */
            ui->nsource_rows_y++;
        }
        if (line == d->error_line && d->error) {
            /* the line an error names stays marked whatever the step */
            gs_draw_rect(dl, (gs_Rect){ r.x + 2, y - 1, r.w - 4, rh }, C_ERROR_BG, 0, 0);
            gs_draw_rect(dl, (gs_Rect){ r.x + 2, y - 1, 3, rh }, C_VERMILLION, 0, 0);
        }
        if (line == cur) {
            gs_draw_rect(dl, (gs_Rect){ r.x + 2, y - 1, r.w - 4, rh }, C_CURRENT, 0, 0);
            gs_draw_triangle(dl, r.x + 30, y + lh / 2, r.x + 21, y + 3, r.x + 21, y + lh - 4, C_ORANGE, 0);
        } else if (d->prompt && line == d->prompt->line)
            gs_draw_rect(dl, (gs_Rect){ r.x + 2, y - 1, r.w - 4, rh }, tint(C_ORANGE, 0.12f), 0, 0);
        if (is_breakpoint(d, line))
            gs_draw_circle(dl, r.x + 11, y + lh / 2, 5, C_VERMILLION, 0);
        else if (marks & GS_LINE_PROMPTED)
            text(dl, GS_FONT_SMALL, r.x + 7, y + 1, "?", C_ORANGE);
        else if (marks & (GS_LINE_NARRATED | GS_LINE_PHASES))
            gs_draw_circle(dl, r.x + 11, y + lh / 2, 2.5f, with_alpha(C_GREEN, 0.8f), 0);
        char num[16];
        snprintf(num, sizeof num, "%d", line);
        text(dl, GS_FONT_MONO, r.x + gutter - 8 - tw(ui, GS_FONT_MONO, num) - 4, y, num, C_FAINT);
        /* each piece: code, then a comment muted */
        for (int i = 0; i < pieces && y + lh <= r.y + r.h; i++) {
            size_t from = starts[i], to = i + 1 < pieces ? starts[i + 1] : k;
            float tx = r.x + gutter + (i > 0 ? (float)indent * space : 0);
            if (i > 0)
                text(dl, GS_FONT_SMALL, r.x + gutter - 14, y + 1, "↪", C_FAINT);
            if (comment == SIZE_MAX || comment >= to)
                gs_draw_text(dl, GS_FONT_MONO, tx, y, buf + from, to - from, C_TEXT, 0);
            else if (comment <= from)
                gs_draw_text(dl, GS_FONT_MONO, tx, y, buf + from, to - from, C_FAINT, 0);
            else {
                gs_draw_text(dl, GS_FONT_MONO, tx, y, buf + from, comment - from, C_TEXT, 0);
                float cx = tx + ui->tm.width(ui->tm.ctx, GS_FONT_MONO, buf + from, comment - from);
                gs_draw_text(dl, GS_FONT_MONO, cx, y, buf + comment, to - comment, C_FAINT, 0);
            }
            y += lh;
        }
    }
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
}

/* ================================================================== right column: GC and inspector */


/* The collector panel, per generation: its count against the threshold
 * (what starts a collection), how many objects it holds and how many of
 * those the canvas draws (and why the others are not), the collections so
 * far.  With dl NULL it only measures: the height it needs. */
static float draw_gc_panel(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    const gs_Scene *s = d->scene;
    if (dl)
        panel(dl, r, "CYCLE COLLECTOR", ui);
    float y = panel_top(ui, r), x = r.x + 10, w = r.w - 20, lh = th(ui, GS_FONT_SMALL);
    bool hide = d->hide_collector;
    for (int g = 0; g < 3; g++) {
        const gs_SceneGen *G = &s->gens[g];
        bool coll = s->in_collection && g <= s->collecting_gen;
        char t[96], c[64];
        snprintf(t, sizeof t, "generation %d", g);
        if (hide)
            snprintf(c, sizeof c, "count ? of %d", G->threshold);
        else
            snprintf(c, sizeof c, "count %d of %d", G->count, G->threshold);
        if (dl) {
            text(dl, GS_FONT_SMALL, x, y, t, coll ? C_VERMILLION : C_TEXT);
            text(dl, GS_FONT_SMALL, x + w - tw(ui, GS_FONT_SMALL, c), y, c, coll ? C_VERMILLION : C_TEXT);
        }
        y += lh + 2;
        if (dl) {
            gs_Rect bar = { x, y, w, 7 };
            gs_draw_rect(dl, bar, C_TRACK, 3, 0);
            float frac = G->threshold > 0 && !hide ? (float)G->count / (float)G->threshold : 0;
            if (frac > 1)
                frac = 1;
            if (frac > 0)
                gs_draw_rect(dl, (gs_Rect){ bar.x, bar.y, bar.w * frac, bar.h }, band_color(ui, g), 3, 0);
        }
        y += 10;
        int drawn = drawn_in_band(ui, s, g);
        int defs = ui->show_definitions ? 0 : G->definitions;
        char objs[200];
        char gb[32];
        fmt_bytes(s->bytes_gen[g], gb, sizeof gb);
        int k = snprintf(objs, sizeof objs, "%d object%s (%s bytes), %d drawn", G->objects, G->objects == 1 ? "" : "s",
                         gb, drawn);
        if (defs)
            k += snprintf(objs + k, sizeof objs - (size_t)k, defs == 1 ? "; %d function or class not drawn (D)"
                                                                          : "; %d functions and classes not drawn (D)",
                          defs);
        if (G->interpreter)
            snprintf(objs + k, sizeof objs - (size_t)k, "; %d of the interpreter's own", G->interpreter);
        y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f, objs, C_MUTED);
        char stats[160], cb[32];
        fmt_bytes(d->gen_collected_bytes[g], cb, sizeof cb);
        if (hide)
            snprintf(stats, sizeof stats, "collections so far: ?");
        else if (d->gen_collections[g] == 0 && g < 2 && (d->gen_collections[g + 1] || (g == 0 && d->gen_collections[2])))
            /* gc.collect() is a collection of generation 2 alone in
             * CPython's statistics, though it takes in the younger ones */
            snprintf(stats, sizeof stats, "not collected on its own yet; generation %d's collections include it",
                     d->gen_collections[g + 1] ? g + 1 : 2);
        else if (d->gen_collections[g] == 0) /* the counts above include the start-up's collections */
            snprintf(stats, sizeof stats, g ? "no collections since the program started (its count includes start-up's)"
                                            : "no collections since the program started");
        else
            snprintf(stats, sizeof stats, "%d collection%s: collected %d object%s, %s bytes%s",
                     d->gen_collections[g], d->gen_collections[g] == 1 ? "" : "s", d->gen_collected[g],
                     d->gen_collected[g] == 1 ? "" : "s", cb, d->gen_uncollectable[g] ? ", some uncollectable!" : "");
        y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f, stats, C_FAINT) + 5;
    }
    if (s->permanent > 0) {
        /* gc.freeze(): out of every generation, never examined */
        char pb[32], pt[160];
        fmt_bytes(s->bytes_gen[3], pb, sizeof pb);
        if (d->hide_collector) /* "never collected" would answer a prediction about it */
            snprintf(pt, sizeof pt, "permanent generation (gc.freeze): %d object%s (%s bytes)", s->permanent,
                     s->permanent == 1 ? "" : "s", pb);
        else
            snprintf(pt, sizeof pt, "permanent generation (gc.freeze): %d object%s (%s bytes), never collected",
                     s->permanent, s->permanent == 1 ? "" : "s", pb);
        y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f, pt, C_MUTED) + 5;
    }
    char st[128];
    if (s->in_collection)
        snprintf(st, sizeof st, "collecting generation %d: %s", s->collecting_gen, s->phase);
    else if (!s->gc_enabled)
        snprintf(st, sizeof st, "automatic collection OFF (gc.disable)");
    else if (s->gens[0].threshold == 0)
        snprintf(st, sizeof st, "automatic collection OFF (generation 0's threshold is 0)");
    else
        snprintf(st, sizeof st, "automatic collection on");
    y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f, st, s->in_collection ? C_VERMILLION : C_TEXT) + 2;
    {
        /* the heap's bytes: what the generations hold and what none does */
        char hb[32], ub[32], heap[160];
        uint64_t tracked = s->bytes_gen[0] + s->bytes_gen[1] + s->bytes_gen[2] + s->bytes_gen[3];
        fmt_bytes(s->bytes, hb, sizeof hb);
        fmt_bytes(s->bytes > tracked ? s->bytes - tracked : 0, ub, sizeof ub);
        snprintf(heap, sizeof heap, "heap: %s bytes in all, %s bytes of it in untracked objects", hb, ub);
        y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f, heap, C_PURPLE) + 2;
    }
    y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f,
                   "count: GC objects allocated minus freed since generation 0 was collected (for 1 and 2: "
                   "collections of the younger one). Past the threshold, a collection starts.",
                   C_FAINT);
    return y - r.y + 8;
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
/* Whether `target` leads back to itself through strong slots: a cycle. */
static bool in_a_cycle(const gs_Scene *s, uint32_t target)
{
    int cap = s->nobjects + 1, head = 0, tail = 0;
    int *q = malloc((size_t)cap * sizeof *q);
    char *seen = calloc((size_t)cap, 1);
    const gs_SceneObject *t0 = gs_scene_find(s, target);
    bool cyc = false;
    if (q && seen && t0)
        q[tail++] = (int)(t0 - s->objects);
    while (head < tail && !cyc) {
        const gs_SceneObject *o = &s->objects[q[head++]];
        for (int k = 0; k < o->nslots && !cyc; k++) {
            const gs_SceneSlot *sl = &s->slots[o->first_slot + k];
            if (sl->weak)
                continue;
            if (sl->target == target) {
                cyc = true;
                break;
            }
            const gs_SceneObject *t = gs_scene_find(s, sl->target);
            if (!t || seen[t - s->objects] || tail >= cap)
                continue;
            seen[t - s->objects] = 1;
            q[tail++] = (int)(t - s->objects);
        }
    }
    free(q);
    free(seen);
    return cyc;
}

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
        if (f->paused)
            continue; /* its generator holds it: not a root */
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

/* One row of the inspector: text, and the object a click selects (0 none). */
static void insp_row(gs_Ui *ui, gs_DrawList *dl, gs_Rect r, float *y, float top, const char *t, gs_Color c,
                     uint32_t link, gs_FontId f)
{
    float lh = th(ui, f) + 3;
    if (*y + lh > top && *y < r.y + r.h - 2) {
        gs_Rect hr = { r.x + 6, *y - 1, r.w - 12, lh };
        if (link && in_rect(hr, ui->mouse_x, ui->mouse_y))
            gs_draw_rect(dl, hr, C_CURRENT, 3, 0);
        text_fit(ui, dl, f, r.x + 10, *y, r.w - 20, t, c);
        if (link)
            add_hit(ui, hr, link);
    }
    *y += lh;
}

static void insp_wrap(gs_Ui *ui, gs_DrawList *dl, gs_Rect r, float *y, float top, const char *t, gs_Color c)
{
    float h = text_wrap(ui, NULL, GS_FONT_SMALL, 0, 0, r.w - 20, 1e9f, t, c);
    if (*y >= top && *y + h <= r.y + r.h)
        text_wrap(ui, dl, GS_FONT_SMALL, r.x + 10, *y, r.w - 20, r.y + r.h - *y, t, c);
    *y += h + 3;
}

static void draw_inspector(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    const gs_Scene *s = d->scene;
    panel(dl, r, "INSPECTOR", ui);
    float top = panel_top(ui, r);
    const gs_SceneObject *o = ui->selected ? gs_scene_find(s, ui->selected) : NULL;
    if (!o) {
        text_wrap(ui, dl, GS_FONT_SMALL, r.x + 10, top, r.w - 20, r.y + r.h - top,
                  ui->selected ? "The selected object has been freed at this point."
                               : "Click an object on the heap to see who refers to it and why it is still alive.",
                  C_MUTED);
        return;
    }
    gs_draw_clip(dl, (gs_Rect){ r.x + 1, top, r.w - 2, r.y + r.h - top - 2 });
    float y = top - (float)ui->insp_scroll;
    char t[200];
    snprintf(t, sizeof t, "%s #%u %s", o->type, o->id, o->value);
    insp_row(ui, dl, r, &y, top, t, C_TEXT, 0, GS_FONT_UI_BOLD);
    bool hidden = count_hidden(d, o->id);
    if (hidden)
        snprintf(t, sizeof t, "refcount ? (answer the prediction first) · %s", band_title(o->band));
    else if (o->refcount < 0)
        snprintf(t, sizeof t, "refcount: many (a value the interpreter shares, like a small int; its count is not "
                              "followed) · %s", band_title(o->band));
    else
        snprintf(t, sizeof t, "refcount %d · %s", o->refcount, band_title(o->band));
    insp_row(ui, dl, r, &y, top, t, C_TEXT, 0, GS_FONT_SMALL);
    if (hidden)
        snprintf(t, sizeof t, "size ? bytes (sys.getsizeof)");
    else {
        char b[32];
        fmt_bytes(o->size, b, sizeof b);
        snprintf(t, sizeof t, "size %s bytes (sys.getsizeof)", b);
    }
    insp_row(ui, dl, r, &y, top, t, C_PURPLE, 0, GS_FONT_SMALL);
    if (o->flags & GS_SO_HAS_GCREFS) {
        snprintf(t, sizeof t, "gc_refs %lld%s", (long long)o->gc_refs,
                 (o->flags & GS_SO_UNREACHABLE) ? " · tentatively unreachable" : "");
        insp_row(ui, dl, r, &y, top, t, C_ORANGE, 0, GS_FONT_SMALL);
    }
    const gs_SceneHolders *h0 = s->holders.id == o->id ? &s->holders : NULL;
    if (o->created_line > 0) {
        snprintf(t, sizeof t, "created on line %d%s", o->created_line,
                 h0 && h0->finalizing               ? " · its __del__ is running"
                 : (o->flags & GS_SO_FINALIZED) ? " · __del__ has run"
                                                : "");
        insp_row(ui, dl, r, &y, top, t, C_MUTED, 0, GS_FONT_SMALL);
    }
    /* who holds it: names, drawn slots, then what the picture does not draw */
    const gs_SceneHolders *h = s->holders.id == o->id ? &s->holders : NULL;
    uint32_t ids[64];
    const char *labs[64];
    int nr = referrers(s, o->id, ids, labs, 64);
    int named = 0;
    for (int fi = 0; fi < s->nframes; fi++)
        for (int k = 0; k < s->frames[fi].nnames; k++)
            named += s->names[s->frames[fi].first_name + k].target == o->id;
    int holders = named + nr + (h ? h->hidden + h->temps : 0);
    y += 2;
    if (hidden)
        snprintf(t, sizeof t, "held by:");
    else
        snprintf(t, sizeof t, "held by %d reference%s:", holders, holders == 1 ? "" : "s");
    insp_row(ui, dl, r, &y, top, t, C_MUTED, 0, GS_FONT_SMALL);
    for (int fi = 0; fi < s->nframes; fi++)
        for (int k = 0; k < s->frames[fi].nnames; k++) {
            const gs_SceneName *nm = &s->names[s->frames[fi].first_name + k];
            if (nm->target != o->id)
                continue;
            snprintf(t, sizeof t, "  %s: the name %s", s->frames[fi].title, nm->name);
            insp_row(ui, dl, r, &y, top, t, C_TEXT, 0, GS_FONT_SMALL);
        }
    for (int i = 0; i < nr; i++) {
        const gs_SceneObject *ho = gs_scene_find(s, ids[i]);
        snprintf(t, sizeof t, "  %s #%u [%s]", ho ? ho->type : "?", ids[i], labs[i]);
        insp_row(ui, dl, r, &y, top, t, C_BLUE, ids[i], GS_FONT_SMALL);
    }
    if (h && h->hidden) {
        snprintf(t, sizeof t, "  %d from objects not drawn (such as the compiled code, a class, a library's own parts "
                 "like weakref.finalize's registry, the interpreter)", h->hidden);
        insp_wrap(ui, dl, r, &y, top, t, C_MUTED);
    }
    if (h && h->temps && h->finalizing) {
        snprintf(t, sizeof t, "  1 held by the interpreter while its __del__ runs: it keeps the object alive for the "
                 "call, then lets go when __del__ returns (freeing it unless __del__ stored it somewhere)");
        insp_wrap(ui, dl, r, &y, top, t, C_TEXT);
        if (h->temps > 1) {
            snprintf(t, sizeof t, "  %d held for a moment by the code running now (a value on the stack or a call's "
                     "argument)", h->temps - 1);
            insp_wrap(ui, dl, r, &y, top, t, C_TEXT);
        }
    } else if (h && h->temps && h->dying_holder) {
        snprintf(t, sizeof t, "  %d held by %s #%u, which is being freed: it lets go of what it held one reference at "
                 "a time (a list, its last item first)", h->temps, h->dying_type, h->dying_holder);
        insp_wrap(ui, dl, r, &y, top, t, C_TEXT);
    } else if (h && h->temps) {
        snprintf(t, sizeof t, "  %d held for a moment by the expression being evaluated (a value on the stack or a "
                 "call's argument)", h->temps);
        insp_wrap(ui, dl, r, &y, top, t, C_TEXT);
    }
    /* what it refers to: every reference (the node shows a long one's ends) */
    int total = o->nrefs > o->nslots ? o->nrefs : o->nslots;
    if (total) {
        y += 2;
        snprintf(t, sizeof t, "refers to %d object%s%s:", total, total == 1 ? "" : "s",
                 o->nslots < total ? " (select it to list them all)" : "");
        insp_row(ui, dl, r, &y, top, t, C_MUTED, 0, GS_FONT_SMALL);
        for (int k = 0; k < o->nslots; k++) {
            const gs_SceneSlot *sl = &s->slots[o->first_slot + k];
            const gs_SceneObject *tgt = gs_scene_find(s, sl->target);
            snprintf(t, sizeof t, "  [%s] %s #%u %s", sl->label, tgt ? tgt->type : "object", sl->target,
                     tgt ? tgt->value : "");
            insp_row(ui, dl, r, &y, top, t, tgt ? C_BLUE : C_MUTED, tgt ? sl->target : 0, GS_FONT_SMALL);
            if (o->slots_gap >= 0 && k + 1 == o->slots_gap) {
                snprintf(t, sizeof t, "  … %d more", total - o->nslots);
                insp_row(ui, dl, r, &y, top, t, C_MUTED, 0, GS_FONT_SMALL);
            }
        }
    }
    /* why alive */
    char path[512];
    int w = why_alive(s, o->id, path, sizeof path);
    y += 4;
    insp_row(ui, dl, r, &y, top, "why is it alive?", C_MUTED, 0, GS_FONT_SMALL);
    if (w == 0)
        insp_wrap(ui, dl, r, &y, top, path, C_TEXT);
    else if (h && h->temps && h->finalizing)
        insp_wrap(ui, dl, r, &y, top,
                  "Its count had reached 0 (or the collector found it unreachable), so Python is running its "
                  "__del__ before freeing it: for the call, the interpreter holds it, and __del__'s self refers "
                  "to it. When __del__ returns and nothing else took a reference, it is freed.",
                  C_TEXT);
    else if (h && h->temps && h->dying_holder)
        insp_wrap(ui, dl, r, &y, top,
                  "Only the object being freed still holds it, for a moment: when that reference is let go, its "
                  "count drops, and at 0 it is freed too.",
                  C_TEXT);
    else if (h && h->temps)
        insp_wrap(ui, dl, r, &y, top,
                  "No name reaches it yet: the expression being evaluated holds it (just made or just "
                  "returned). A name or a slot takes it when the statement stores it; if nothing does, it is freed.",
                  C_TEXT);
    else if (h && h->hidden)
        insp_wrap(ui, dl, r, &y, top,
                  "No name reaches it: objects this picture does not draw hold it (such as the compiled code's "
                  "constants, a class, a library's own parts, the interpreter's own objects).",
                  C_TEXT);
    else {
        /* held by an object the picture hides (D): a for loop's iterator */
        const gs_SceneObject *hider = NULL;
        for (int i = 0; i < nr && !hider; i++) {
            const gs_SceneObject *ho = gs_scene_find(s, ids[i]);
            if (ho && (ho->flags & GS_SO_DEFINITION) && !ui->show_definitions)
                hider = ho;
        }
        if (hider) {
            snprintf(t, sizeof t, "No name reaches it, but %s #%u holds it, which this picture hides (D shows it)%s.",
                     hider->type, hider->id,
                     strstr(hider->type, "iterator") ? ": a for loop's iterator, held by the running loop" : "");
            insp_wrap(ui, dl, r, &y, top, t, C_TEXT);
        } else if (in_a_cycle(s, o->id))
            insp_wrap(ui, dl, r, &y, top,
                      "No name reaches it: only a reference cycle keeps it alive. The cycle collector can find it.",
                      C_VERMILLION);
        else
            insp_wrap(ui, dl, r, &y, top,
                      "No name reaches it: what holds it is held only by the running code for now (a value being "
                      "evaluated, a loop), or by objects this picture does not draw.",
                      C_TEXT);
    }
    float content = y + (float)ui->insp_scroll - top;
    ui->insp_max_scroll = content > r.y + r.h - top - 4 ? (int)(content - (r.y + r.h - top - 4)) : 0;
    if (ui->insp_scroll > ui->insp_max_scroll)
        ui->insp_scroll = ui->insp_max_scroll;
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
    if (ui->insp_max_scroll > 0 && ui->insp_scroll < ui->insp_max_scroll)
        text(dl, GS_FONT_SMALL, r.x + r.w - 90, r.y + 6, "more ↓ (wheel)", C_MUTED);
}

/* ================================================================== bottom: narration, events, output, plot */

/* A paragraph of a text panel: an optional bold head, then wrapped text. */
typedef struct Para {
    const char *head, *body;
    gs_FontId font;
    gs_Color head_c, body_c;
} Para;

/* Height of paragraphs wrapped in `w` (dl NULL), or draw them from y,
 * clipped to [top, bottom), skipping `scroll` pixels. */
static float paras(gs_Ui *ui, gs_DrawList *dl, const Para *p, int n, float x, float y, float w, float top, float bottom)
{
    float y0 = y;
    for (int i = 0; i < n; i++) {
        if (p[i].head) {
            float hh = th(ui, GS_FONT_UI_BOLD);
            if (dl && y + hh > top && y < bottom)
                text_fit(ui, dl, GS_FONT_SMALL, x, y, w, p[i].head, p[i].head_c);
            y += th(ui, GS_FONT_SMALL) + 1;
        }
        if (p[i].body && *p[i].body) {
            float h = text_wrap(ui, NULL, p[i].font, 0, 0, w, 1e9f, p[i].body, p[i].body_c);
            /* a paragraph scrolled partly above the top is drawn from its
             * start: the panel's clip hides the lines above (it used to be
             * left out whole, so a long recap scrolled to a blank panel) */
            if (dl && y + h > top && y < bottom)
                text_wrap(ui, dl, p[i].font, x, y, w, bottom - y, p[i].body, p[i].body_c);
            y += h;
        }
        y += 7;
    }
    return y - y0;
}

/* Takes out the first paragraph with this head (or, head NULL, this
 * body); whether there was one. */
static bool drop_para(Para *p, int *n, const char *head, const char *body)
{
    for (int i = 0; i < *n; i++)
        if (head ? p[i].head == head : p[i].body == body) {
            memmove(&p[i], &p[i + 1], (size_t)(*n - i - 1) * sizeof p[0]);
            (*n)--;
            return true;
        }
    return false;
}

static void draw_narration(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    panel(dl, r, "WHAT IS HAPPENING", ui);
    float top = panel_top(ui, r);
    const gs_Scene *s = d->scene;
    Para p[8];
    int n = 0;
    char stop[240], next_h[80], prev_h[80], gc_h[160], score[160];
    if (d->stop_reason) {
        snprintf(stop, sizeof stop, "%s", d->stop_reason);
        p[n++] = (Para){ NULL, stop, GS_FONT_UI_BOLD, C_TEXT, C_VERMILLION };
    }
    if (d->step_note)
        p[n++] = (Para){ NULL, d->step_note, GS_FONT_SMALL, C_MUTED, C_MUTED };
    if (s->in_collection) {
        snprintf(gc_h, sizeof gc_h, "CYCLE COLLECTOR, generation %d — %s", s->collecting_gen, gs_scene_phase_title(s->phase));
        p[n++] = (Para){ gc_h, d->phase_note ? d->phase_note : s->phase_doing, GS_FONT_UI, C_VERMILLION, C_TEXT };
    } else if (d->phase_note)
        p[n++] = (Para){ "CYCLE COLLECTOR — done", d->phase_note, GS_FONT_UI, C_VERMILLION, C_TEXT };
    bool at_recap = d->at_end && !d->recording && d->recap && *d->recap;
    if (d->narration && !at_recap) { /* at the end its line has run: the recap needs the room */
        snprintf(next_h, sizeof next_h, d->narration_line == s->line ? "Line %d:" : "Line %d (the call in progress):",
                 d->narration_line);
        p[n++] = (Para){ next_h, d->narration, GS_FONT_UI, C_ORANGE, C_TEXT };
    }
    bool recap = d->at_end && !d->recording;
    /* at the end the recap and score need the room; in a collection its
     * phases' words do (a line before gc.collect(), "which just ran",
     * reads as stale nine phase stops later) */
    if (d->narration_prev && !recap && !s->in_collection && !d->phase_note) {
        snprintf(prev_h, sizeof prev_h, d->narration_prev_running ? "Line %d (the call in progress):"
                                                                   : "Line %d, which just ran:",
                 d->narration_prev_line);
        p[n++] = (Para){ prev_h, d->narration_prev, GS_FONT_SMALL, C_FAINT, C_MUTED };
    }
    if (recap) {
        if (d->score_of > 0) { /* first: below the recap it fell out of view */
            /* green only for a good score: "0 of 2" is not a success */
            bool good = d->score_right * 2 >= d->score_of && d->score_right > 0;
            snprintf(score, sizeof score, "You predicted %d of %d right at the first try%s.", d->score_right,
                     d->score_of, d->prompts_answered < d->score_of ? " (some were not asked: you jumped past them)" : "");
            p[n++] = (Para){ NULL, score, GS_FONT_UI_BOLD, C_TEXT, good ? C_GREEN : C_TEXT };
        }
        if (d->recap && *d->recap)
            p[n++] = (Para){ "Recap", d->recap, GS_FONT_UI, C_GREEN, C_TEXT };
    }
    char le_masked[400], summary[480], summary_h[96];
    const char *le_summary = NULL; /* the "What just happened" paragraph's body */
    if (s->last_event[0] && !(d->at_end && d->recap)) {
        const char *le = mask_count(d, s->focus, s->last_event, le_masked, sizeof le_masked);
        const char *colon = strstr(le, ": ");
        if (colon && colon - le <= 6)
            le = colon + 2; /* "17: ..." -> "..." (the line is highlighted in the source) */
        const char *head = s->phase_summary ? "What this phase did:" : "What just happened:";
        if (strncmp(le, "line ", 5) == 0 && strstr(le, " starts: ") && d->nevent_log >= 2 &&
            line_summary(d, !ui->show_primitives, !ui->show_definitions, summary, sizeof summary, summary_h,
                         sizeof summary_h)) {
            /* a new line has only started: what the line before it did is the news */
            le = summary;
            head = summary_h;
        }
        p[n++] = (Para){ head, le, GS_FONT_SMALL, C_FAINT, C_BLUE };
        le_summary = le;
    }
    if (n == 0) {
        p[n++] = (Para){ NULL,
                         d->error ? "The program could not start: the error is below. Fix the file and press R to "
                                    "reload."
                                  : "Nothing has run yet. Press → to run the first line.",
                         GS_FONT_UI, C_TEXT, C_MUTED };
    }
    float w = r.w - 24;
    float total = paras(ui, NULL, p, n, 0, 0, w, 0, 1e9f);
    float room = r.y + r.h - top - 4;
    /* short of room: the greyed words of the line before go first (what
     * it did is told below them), so the news stays in sight; then what a
     * collector phase did, which EVENTS lists beside (lesson 8's phases
     * keep their own words whole) */
    if (total > room && drop_para(p, &n, prev_h, NULL))
        total = paras(ui, NULL, p, n, 0, 0, w, 0, 1e9f);
    if (total > room && s->phase_summary && le_summary && drop_para(p, &n, NULL, le_summary))
        total = paras(ui, NULL, p, n, 0, 0, w, 0, 1e9f);
    ui->narr_rect = r;
    ui->narr_max_scroll = total > room ? (int)(total - room) : 0;
    if (ui->narr_scroll > ui->narr_max_scroll)
        ui->narr_scroll = ui->narr_max_scroll;
    if (ui->narr_scroll < 0)
        ui->narr_scroll = 0;
    gs_draw_clip(dl, (gs_Rect){ r.x + 1, top, r.w - 2, room });
    paras(ui, dl, p, n, r.x + 12, top - (float)ui->narr_scroll, w, top, top + room);
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
    if (ui->narr_max_scroll > 0 && ui->narr_scroll < ui->narr_max_scroll)
        text(dl, GS_FONT_SMALL, r.x + r.w - 90, r.y + 6, "more ↓ (wheel)", C_MUTED);
}

/* The code of line `line`, trimmed, into out ("" if none). */
static void code_of_line(const gs_UiData *d, int line, char *out, size_t n)
{
    out[0] = 0;
    const char *p = d->source, *end = d->source + d->source_len;
    if (!p || line <= 0)
        return;
    if (d->src_lines) {
        /* the source panel's lines are in order: a look-up, not a scan of
         * the file for each row of each frame */
        int lo = 0, hi = d->nsrc_lines;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (d->src_lines[mid].line < line)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < d->nsrc_lines && d->src_lines[lo].line == line) {
            p = d->source + d->src_lines[lo].start;
            end = p + d->src_lines[lo].len;
        } else
            return;
    } else
        for (int l = 1; l < line && p < end; p++)
            if (*p == '\n')
                l++;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    size_t k = (size_t)(q - p) < n - 1 ? (size_t)(q - p) : n - 1;
    memcpy(out, p, k);
    out[k] = 0;
}

const gs_SceneStat *gs_ui_stat_rows(const gs_UiData *d, int tab, int *n)
{
    *n = tab == 3 ? d->scene->nby_line : tab == 4 ? d->scene->nby_type : 0;
    return tab == 3 ? d->scene->by_line : tab == 4 ? d->scene->by_type : NULL;
}

/* A row's figures: "3 objects", "168 bytes", growth "+2 (+112 B)" or "=". */
static void stat_cells(const gs_SceneStat *row, char cnt[static 48], char byt[static 48], char gr[static 64])
{
    char num[32];
    fmt_bytes((uint64_t)row->count, num, sizeof num);
    snprintf(cnt, 48, "%s object%s", num, row->count == 1 ? "" : "s");
    fmt_bytes(row->bytes, num, sizeof num);
    snprintf(byt, 48, "%s bytes", num);
    if (row->growth || row->growth_bytes)
        snprintf(gr, 64, "%+d (%+lld B)", row->growth, (long long)row->growth_bytes);
    else
        snprintf(gr, 64, "=");
}

/* BY LINE (tab 3) and BY TYPE (tab 4): rows computed in the scene, one
 * per line or type, largest first; a click (or ↑/↓) picks a row and its
 * objects are outlined on the heap. */
static void draw_stats(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r, float top, float bottom)
{
    int n;
    const gs_SceneStat *rows = gs_ui_stat_rows(d, ui->bottom_tab, &n);
    bool by_type = ui->bottom_tab == 4;
    if (d->hide_counts || d->hide_collector) {
        /* counts of objects would give a prediction's answer away */
        text(dl, GS_FONT_SMALL, r.x + 8, top + 4, "(hidden until you answer the prediction)", C_ORANGE);
        return;
    }
    float lh = th(ui, GS_FONT_SMALL) + 3, x = r.x + 8, w = r.w - 16;
    uint64_t total = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
        total += rows[i].bytes;
        count += rows[i].count;
    }
    char tb[32], base[96], head[200];
    fmt_bytes(total, tb, sizeof tb);
    snprintf(base, sizeof base, "made and alive: %d object%s, %s bytes", count, count == 1 ? "" : "s", tb);
    bool picked = false, none_left = false; /* a type gone since the mark */
    int outlined = 0;
    for (int i = 0; i < n; i++)
        if (ui->stat_tab == ui->bottom_tab && rows[i].key == ui->stat_key) {
            picked = true;
            none_left = rows[i].count == 0;
        }
    for (int i = 0; picked && i < d->scene->nobjects; i++)
        outlined += gs_ui_stat_highlights(ui, &d->scene->objects[i]) && shown_as_node(ui, &d->scene->objects[i]);
    /* what a pick did comes first (a narrow panel cuts the end) */
    if (picked && outlined)
        snprintf(head, sizeof head, "%d outlined on the heap · %s", outlined, base);
    else if (picked && none_left)
        snprintf(head, sizeof head, "none of them alive now · %s", base);
    else if (picked)
        snprintf(head, sizeof head, "none of them drawn · %s", base);
    else if (by_type && d->marked)
        snprintf(head, sizeof head, "%s · growth since event %llu (M)", base, (unsigned long long)(d->mark_event + 1));
    else
        snprintf(head, sizeof head, "%s%s", base, by_type ? " · M marks: growth" : " · click a row");
    text_fit(ui, dl, GS_FONT_SMALL, x, top + 2, w, head, C_FAINT);
    float y0 = top + lh + 4;
    int rows_fit = (int)((bottom - y0) / lh);
    if (rows_fit < 1)
        rows_fit = 1;
    /* keep the chosen row in view */
    int sel = -1;
    for (int i = 0; i < n; i++)
        if (ui->stat_tab == ui->bottom_tab && rows[i].key == ui->stat_key)
            sel = i;
    if (ui->stat_scroll > n - rows_fit)
        ui->stat_scroll = n - rows_fit;
    if (ui->stat_scroll < 0)
        ui->stat_scroll = 0;
    if (sel >= 0 && ui->stat_follow && sel < ui->stat_scroll)
        ui->stat_scroll = sel;
    if (sel >= 0 && ui->stat_follow && sel >= ui->stat_scroll + rows_fit)
        ui->stat_scroll = sel - rows_fit + 1;
    ui->stat_follow = false; /* the wheel may scroll it away again */
    /* columns from the right, as wide as the rows shown need: growth
     * (after a mark), bytes, count; the name has the rest */
    float cw_bytes = 0, cw_count = 0, cw_growth = 0;
    for (int k = 0; k < rows_fit && ui->stat_scroll + k < n; k++) {
        char cnt[48], byt[48], gr[64];
        stat_cells(&rows[ui->stat_scroll + k], cnt, byt, gr);
        cw_count = fmaxf(cw_count, tw(ui, GS_FONT_SMALL, cnt) + 14);
        cw_bytes = fmaxf(cw_bytes, tw(ui, GS_FONT_SMALL, byt) + 14);
        if (by_type && d->marked)
            cw_growth = fmaxf(cw_growth, tw(ui, GS_FONT_SMALL, gr) + 14);
    }
    float xb = x + w - cw_growth - cw_bytes, xc = xb - cw_count;
    for (int k = 0; k < rows_fit && ui->stat_scroll + k < n; k++) {
        int i = ui->stat_scroll + k;
        const gs_SceneStat *row = &rows[i];
        float y = y0 + (float)k * lh;
        gs_Rect rr = { r.x + 4, y - 1, r.w - 8, lh };
        if (i == sel)
            gs_draw_rect(dl, rr, tint(C_PURPLE, 0.25f), 0, 0);
        else if (in_rect(rr, ui->mouse_x, ui->mouse_y))
            gs_draw_rect(dl, rr, tint(C_SKY, 0.15f), 0, 0);
        char name[160], cnt[48], byt[48], gr[64];
        stat_cells(row, cnt, byt, gr);
        if (by_type)
            snprintf(name, sizeof name, "%s", row->type);
        else {
            char code[120];
            code_of_line(d, (int)row->key, code, sizeof code);
            if (row->key)
                snprintf(name, sizeof name, "line %u: %s", row->key, code);
            else
                snprintf(name, sizeof name, "compiling the program (before line 1)");
        }
        text_fit(ui, dl, GS_FONT_SMALL, x, y, xc - x - 8, name, C_TEXT);
        text(dl, GS_FONT_SMALL, xb - tw(ui, GS_FONT_SMALL, cnt), y, cnt, C_MUTED);
        text(dl, GS_FONT_SMALL, xb + cw_bytes - tw(ui, GS_FONT_SMALL, byt), y, byt, C_PURPLE);
        if (cw_growth > 0) {
            text(dl, GS_FONT_SMALL, x + w - tw(ui, GS_FONT_SMALL, gr), y, gr,
                 row->growth > 0 ? C_VERMILLION : row->growth < 0 ? C_GREEN : C_FAINT);
        }
        add_button(ui, rr, GS_ACT_NONE, GS_STAT_ROW_ARG + ((int64_t)ui->bottom_tab << 32) + row->key,
                   "Outline these objects on the heap (click again: none)");
    }
    if (n == 0)
        text(dl, GS_FONT_SMALL, x, y0, "(nothing the program made is alive yet)", C_FAINT);
    else if (n > rows_fit) {
        char more[64];
        snprintf(more, sizeof more, "rows %d-%d of %d (wheel, ↑/↓)", ui->stat_scroll + 1,
                 ui->stat_scroll + rows_fit < n ? ui->stat_scroll + rows_fit : n, n);
        text(dl, GS_FONT_SMALL, r.x + r.w - tw(ui, GS_FONT_SMALL, more) - 10, r.y + 7, more, C_MUTED);
    }
}

/* The rows a printed line takes at `cpr` characters a row (at least one). */
static int out_rows(const char *p, size_t len, size_t cpr)
{
    size_t chars = 0;
    for (size_t i = 0; i < len; i++)
        chars += ((unsigned char)p[i] & 0xC0) != 0x80;
    return chars == 0 ? 1 : (int)((chars + cpr - 1) / cpr);
}

static void draw_bottom_tabs(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    gs_draw_rect(dl, r, C_PANEL, 6, 0);
    gs_draw_rect_line(dl, r, C_BORDER, 6, 1, 0);
    static const char *tabs[] = { "EVENTS", "OUTPUT", "LIVE OBJECTS", "BY LINE", "BY TYPE" };
    static const char *short_tabs[] = { "EVENTS", "OUTPUT", "LIVE", "LINES", "TYPES" };
    /* a narrow panel takes the short names, and less padding, so every
     * tab stays inside it */
    float pad = 18, need = 8;
    for (int i = 0; i < GS_BOTTOM_TABS; i++)
        need += tw(ui, GS_FONT_SMALL, tabs[i]) + pad + 4;
    const char *const *names = need <= r.w ? tabs : short_tabs;
    if (need > r.w) {
        need = 8;
        for (int i = 0; i < GS_BOTTOM_TABS; i++)
            need += tw(ui, GS_FONT_SMALL, short_tabs[i]) + pad + 4;
        if (need > r.w)
            pad = 8;
    }
    float x = r.x + 8;
    for (int i = 0; i < GS_BOTTOM_TABS; i++) {
        const char *label = names[i];
        float w = tw(ui, GS_FONT_SMALL, label) + pad;
        gs_Rect tr = { x, r.y + 4, w, 20 };
        if (i == ui->bottom_tab)
            gs_draw_rect(dl, tr, tint(C_SKY, 0.25f), 4, 0);
        text(dl, GS_FONT_SMALL, x + pad / 2, r.y + 7, label, i == ui->bottom_tab ? C_TEXT : C_MUTED);
        add_button(ui, tr, GS_ACT_NONE, 1000 + i, "Switch the bottom panel");
        x += w + 4;
    }
    float top = r.y + 30;
    gs_draw_line(dl, r.x + 1, top - 2, r.x + r.w - 1, top - 2, C_BORDER, 1, 0);
    gs_draw_clip(dl, (gs_Rect){ r.x + 2, top, r.w - 4, r.h - (top - r.y) - 2 });
    float lh = th(ui, GS_FONT_MONO) + 1;
    float bottom = r.y + r.h - 4;
    if (ui->bottom_tab == 0) {
        /* newest at the bottom; an entry wraps onto a second and a third
         * line rather than lose its end (a string grown in place, and why) */
        float slh = th(ui, GS_FONT_SMALL) + 1, y = bottom;
        float w = r.w - 16;
        /* the wheel scrolls back through earlier entries (the narration's
         * "and 36 more (EVENTS lists them)"); a step shows the newest again */
        if (ui->events_scroll_at != d->scene->event) {
            ui->events_scroll = 0;
            ui->events_scroll_at = d->scene->event;
        }
        if (ui->events_scroll > d->nevent_log - 1)
            ui->events_scroll = d->nevent_log > 0 ? d->nevent_log - 1 : 0;
        /* scrolled back as far as it goes, the list still fills the panel:
         * the oldest entry at the top, not alone at the bottom */
        while (ui->events_scroll > 0) {
            float used = 0;
            for (int i = d->nevent_log - ui->events_scroll; i >= 0 && bottom - used >= top + 2 + slh + 2; i--) {
                char masked[400];
                const char *et = mask_count(d, d->event_log_focus ? d->event_log_focus[i] : 0, d->event_log[i], masked,
                                            sizeof masked);
                used += fmaxf(text_wrap(ui, NULL, GS_FONT_SMALL, 0, 0, w, 3 * slh, et, C_TEXT), slh) + 2;
            }
            if (bottom - used < top + 2 + slh + 2)
                break; /* one newer entry more would not fit: this is as far back as it needs */
            ui->events_scroll--;
        }
        int newest = d->nevent_log - 1 - ui->events_scroll, oldest_shown = newest + 1;
        /* what fits: with entries left over either way, the top row says
         * how many, and the list starts below it */
        float list_top = top + 2;
        for (int pass = 0; pass < 2; pass++) {
            y = bottom;
            oldest_shown = newest + 1;
            for (int i = newest; i >= 0; i--) {
                char masked[400];
                const char *et = mask_count(d, d->event_log_focus ? d->event_log_focus[i] : 0, d->event_log[i], masked,
                                            sizeof masked);
                float h = text_wrap(ui, NULL, GS_FONT_SMALL, 0, 0, w, 3 * slh, et, C_TEXT);
                if (h < slh)
                    h = slh;
                if (y - h - 2 < list_top)
                    break;
                y -= h + 2;
                if (pass == 1) {
                    /* the event just applied, or the newest before it (a
                     * phase's stop is on its last event; the next phase's
                     * start, not yet run, has no entry) */
                    bool current = d->event_log_index &&
                                   (d->event_log_index[i] == d->scene->event ||
                                    (i == d->nevent_log - 1 && d->event_log_index[i] < d->scene->event));
                    gs_Rect er = { r.x + 4, y - 1, r.w - 8, h + 2 };
                    bool hover = in_rect(er, ui->mouse_x, ui->mouse_y);
                    if (current || hover)
                        gs_draw_rect(dl, er, current ? C_CURRENT : tint(C_SKY, 0.15f), 0, 0);
                    text_wrap(ui, dl, GS_FONT_SMALL, r.x + 8, y, w, 3 * slh, et, current ? C_TEXT : C_MUTED);
                    if (d->event_log_index)
                        add_button(ui, er, GS_ACT_SEEK, (int64_t)d->event_log_index[i], "Jump to this event");
                }
                oldest_shown = i;
            }
            if (pass == 0 && (oldest_shown > 0 || ui->events_scroll > 0))
                list_top = top + 2 + slh + 2;
        }
        if (oldest_shown > 0 || ui->events_scroll > 0) {
            char more[96];
            if (oldest_shown > 0 && ui->events_scroll > 0)
                snprintf(more, sizeof more, "↑ %d earlier · ↓ %d newer (mouse wheel)", oldest_shown, ui->events_scroll);
            else if (oldest_shown > 0)
                snprintf(more, sizeof more, "↑ %d earlier (mouse wheel)", oldest_shown);
            else
                snprintf(more, sizeof more, "↓ %d newer (mouse wheel)", ui->events_scroll);
            text_fit(ui, dl, GS_FONT_SMALL, r.x + 8, top + 2, w, more, C_FAINT);
        }
        if (d->nevent_log == 0)
            text(dl, GS_FONT_SMALL, r.x + 8, top + 4, "(each step's events appear here)", C_FAINT);
    } else if (ui->bottom_tab == 1) {
        /* the last lines printed, or earlier ones scrolled back to */
        const char *o = d->output ? d->output : "";
        size_t n = d->output_len;
        /* a long line wraps at the panel's width (monospace: a fixed
         * number of characters a row), so nothing printed is cut off */
        float cw = tw(ui, GS_FONT_MONO, "M");
        size_t cpr = cw > 0 ? (size_t)fmaxf(8, (r.w - 20) / cw) : 80;
        int total = 0;
        for (const char *p = o, *end = o + n; p < end;) {
            const char *q = memchr(p, '\n', (size_t)(end - p));
            if (!q)
                q = end;
            total += out_rows(p, (size_t)(q - p), cpr);
            p = q < end ? q + 1 : end;
        }
        int rows = (int)((bottom - top - 2) / lh);
        if (rows < 1)
            rows = 1;
        int max_scroll = total > rows ? total - rows : 0;
        ui->output_max_scroll = max_scroll;
        if (ui->output_scroll > max_scroll)
            ui->output_scroll = max_scroll;
        if (ui->output_scroll < 0)
            ui->output_scroll = 0;
        int first = total - rows - ui->output_scroll;
        if (first < 0)
            first = 0;
        if (d->hide_output)
            text(dl, GS_FONT_SMALL, r.x + 8, top + 4, "(hidden until you answer the prediction)", C_ORANGE);
        else {
            const char *p = o, *end = o + n;
            float y = top + 2;
            int row = 0, drawn = 0;
            while (p < end && drawn < rows) {
                const char *q = memchr(p, '\n', (size_t)(end - p));
                if (!q)
                    q = end;
                /* the line's rows: cpr characters each, cut between characters */
                const char *a = p;
                do {
                    const char *b = a;
                    for (size_t c = 0; c < cpr && b < q; c++)
                        do
                            b++;
                        while (b < q && ((unsigned char)*b & 0xC0) == 0x80);
                    if (row++ >= first && drawn < rows) {
                        gs_draw_text(dl, GS_FONT_MONO, r.x + 8, y, a, (size_t)(b - a), C_TEXT, 0);
                        y += lh;
                        drawn++;
                    }
                    a = b;
                } while (a < q);
                p = q < end ? q + 1 : end;
            }
            if (n == 0)
                text(dl, GS_FONT_SMALL, r.x + 8, top + 4, "(nothing printed yet)", C_FAINT);
            char more[64];
            if (first > 0) {
                snprintf(more, sizeof more, "↑ %d earlier line%s (wheel)", first, first == 1 ? "" : "s");
                text(dl, GS_FONT_SMALL, r.x + r.w - tw(ui, GS_FONT_SMALL, more) - 10, r.y + 7, more, C_MUTED);
            }
        }
    } else if (ui->bottom_tab >= 3) {
        draw_stats(ui, dl, d, r, top, bottom);
    } else {
        /* live objects per generation over time, and the heap's bytes on
         * their own scale (the right axis, from their least to their most,
         * so a program's few hundred bytes show over the interpreter's
         * thousands); the key to the curves on a line above the plot */
        float slh = th(ui, GS_FONT_SMALL);
        gs_Rect pr = { r.x + 10, top + slh + 8, r.w - 20, r.y + r.h - top - slh - 18 };
        gs_draw_rect_line(dl, pr, C_BORDER, 0, 1, 0);
        if (d->nplot > 1 && d->plot_max > 0) {
            float lx = r.x + 10, ly = top + 3;
            text(dl, GS_FONT_SMALL, lx, ly, "live objects:", C_FAINT);
            lx += tw(ui, GS_FONT_SMALL, "live objects:") + 8;
            for (int g = 0; g < 3; g++) {
                char gl[16];
                snprintf(gl, sizeof gl, "gen %d", g);
                gs_draw_rect(dl, (gs_Rect){ lx, ly + 6, 12, 3 }, band_color(ui, g), 0, 0);
                text(dl, GS_FONT_SMALL, lx + 16, ly, gl, C_MUTED);
                lx += tw(ui, GS_FONT_SMALL, gl) + 26;
            }
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
            text(dl, GS_FONT_SMALL, pr.x + 4, pr.y + pr.h - slh - 2, "0", C_MUTED);
            if (d->plot_bytes && d->plot_bytes_max > 0) {
                uint64_t lo = d->plot_bytes_max;
                for (int i = 0; i < d->nplot; i++)
                    if (d->plot_bytes[i] < lo)
                        lo = d->plot_bytes[i];
                double span = d->plot_bytes_max > lo ? (double)(d->plot_bytes_max - lo) : 1.0;
                float px = 0, py = 0;
                for (int i = 0; i < d->nplot; i++) {
                    float x = pr.x + pr.w * (float)i / (float)(d->nplot - 1);
                    float y = pr.y + pr.h - 2 - (pr.h - 4) * (float)((double)(d->plot_bytes[i] - lo) / span);
                    if (i)
                        gs_draw_line(dl, px, py, x, y, C_PURPLE, 2, 0);
                    px = x;
                    py = y;
                }
                char bm[48], bb[32];
                fmt_bytes(d->plot_bytes_max, bb, sizeof bb);
                snprintf(bm, sizeof bm, "%s bytes", bb);
                text(dl, GS_FONT_SMALL, pr.x + pr.w - tw(ui, GS_FONT_SMALL, bm) - 4, pr.y + 2, bm, C_PURPLE);
                fmt_bytes(lo, bb, sizeof bb);
                snprintf(bm, sizeof bm, "%s bytes", bb);
                text(dl, GS_FONT_SMALL, pr.x + pr.w - tw(ui, GS_FONT_SMALL, bm) - 4, pr.y + pr.h - slh - 2, bm,
                     C_PURPLE);
                const char *bl = "heap bytes";
                if (lx + 16 + tw(ui, GS_FONT_SMALL, bl) <= r.x + r.w - 8) {
                    gs_draw_rect(dl, (gs_Rect){ lx, ly + 6, 12, 3 }, C_PURPLE, 0, 0);
                    text(dl, GS_FONT_SMALL, lx + 16, ly, bl, C_MUTED);
                }
            }
            if (d->marked && d->scene->nevents > 1) {
                /* the step M marked: BY TYPE's growth counts from there */
                float mx2 = pr.x + pr.w * (float)d->mark_event / (float)(d->scene->nevents - 1);
                for (float yy = pr.y; yy < pr.y + pr.h; yy += 8)
                    gs_draw_line(dl, mx2, yy, mx2, fminf(yy + 4, pr.y + pr.h), C_PURPLE, 1.5f, 0);
                text(dl, GS_FONT_SMALL, mx2 + 3, pr.y + pr.h - 2 * slh - 2, "M", C_PURPLE);
            }
            /* where the step is now */
            float fx = pr.x + pr.w * (d->scene->nevents > 1 ? (float)d->scene->event / (float)(d->scene->nevents - 1) : 0);
            gs_draw_line(dl, fx, pr.y, fx, pr.y + pr.h, C_ORANGE, 1.5f, 0);
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
    char sp[32];
    if (d->speed >= 9)
        snprintf(sp, sizeof sp, "speed: fastest");
    else
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
    bool asking = d->prompt && (d->prompt->state == GS_PROMPT_ASKING || d->prompt->state == GS_PROMPT_RETRY);
    if (ui->scrub_title != d->title) { /* another document: nothing of it seen yet */
        ui->scrub_title = d->title;
        ui->scrub_reached = 0;
    }
    if (d->scene->event > ui->scrub_reached)
        ui->scrub_reached = d->scene->event;
    for (int i = 0; i < d->ngc_marks && !d->hide_collector; i++) { /* where collections run may be the answer */
        if (asking && d->gc_marks[i] > d->scene->event)
            continue; /* the collections still to come are what a prediction asks about */
        if (d->score_of > 0 && d->gc_marks[i] > ui->scrub_reached)
            continue; /* in a lesson with predictions, the ones not reached yet (a later one may ask) */
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
    int shown = 0, defs = 0, iters = 0, descrs = 0;
    for (int i = 0; i < s->nobjects; i++) {
        const gs_SceneObject *o = &s->objects[i];
        shown += shown_as_node(ui, o) ? objects_in_box(o) : 0;
        bool def = (o->flags & GS_SO_DEFINITION) && !ui->show_definitions;
        defs += def;
        iters += def && strstr(o->type, "iterator") != NULL; /* a for loop's, hidden with D */
        descrs += def && (strstr(o->type, "descriptor") || strcmp(o->type, "property") == 0 ||
                          strcmp(o->type, "classmethod") == 0 || strcmp(o->type, "staticmethod") == 0);
    }
    char objs[160];
    int k = snprintf(objs, sizeof objs, "%d object%s drawn", shown, shown == 1 ? "" : "s");
    if (defs) {
        /* "functions and classes", "functions, classes and loop iterators" */
        bool one = defs == 1; /* "1 function or class" */
        const char *part[4] = { one ? "function" : "functions", one ? "class" : "classes", NULL, NULL };
        int np = 2;
        if (descrs)
            part[np++] = one ? "attribute's descriptor" : "their attributes' descriptors";
        if (iters)
            part[np++] = one ? "loop iterator" : "loop iterators";
        k += snprintf(objs + k, sizeof objs - (size_t)k, " (%d ", defs);
        for (int i = 0; i < np && k < (int)sizeof objs; i++)
            k += snprintf(objs + k, sizeof objs - (size_t)k, "%s%s",
                          i == 0 ? "" : i == np - 1 ? (one ? " or " : " and ") : ", ", part[i]);
        if (k < (int)sizeof objs)
            snprintf(objs + k, sizeof objs - (size_t)k, one ? " hidden: D shows it)" : " hidden: D shows them)");
    }
    char hb[32];
    fmt_bytes(s->bytes, hb, sizeof hb);
    k = snprintf(t, sizeof t, "event %llu of %llu   ·   line %d   ·   %s   ·   heap %s bytes",
                 (unsigned long long)(s->nevents ? s->event + 1 : 0), (unsigned long long)s->nevents, s->line, objs, hb);
    if (d->fps > 0)
        snprintf(t + k, sizeof t - (size_t)k, "   ·   %.0f fps", (double)d->fps);
    text(dl, GS_FONT_SMALL, r.x + 10, r.y + 3, t, C_MUTED);
    /* on the right: a tooltip, a notice or a hint, where it does not cover the left */
    float left = r.x + 10 + tw(ui, GS_FONT_SMALL, t) + 24, room = r.x + r.w - 12 - left;
    const char *right = ui->tooltip[0] ? ui->tooltip : d->notice;
    if (right && room > 60)
        text_fit(ui, dl, GS_FONT_SMALL, fmaxf(left, r.x + r.w - 12 - tw(ui, GS_FONT_SMALL, right)), r.y + 3, room,
                 right, C_TEXT);
    else if (!right) {
        const char *hint = "→ step · F10 next line · G next collection · click an object · L legend · ? keys";
        if (tw(ui, GS_FONT_SMALL, hint) <= room)
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
    { GS_CMD_FIT, 0, "fit the whole heap in view; again: back to full size (click selects, drag pans, wheel zooms)" },
    { GS_CMD_ZOOM_IN, GS_CMD_ZOOM_OUT, "zoom in / out" },
    { GS_CMD_PRIMITIVES, GS_CMD_DEFINITIONS,
      "ints and strings / functions, classes and loops' iterators: inline or as objects" },
    { GS_CMD_SIZES, 0, "each object's size in bytes (sys.getsizeof) on the heap" },
    { GS_CMD_NEXT_TAB, GS_CMD_MARK,
      "next bottom panel (events, output, live objects, by line, by type; ↑/↓ pick a row) / mark this step: BY TYPE's growth" },
    { GS_CMD_EXPORT, GS_CMD_SCREENSHOT, "export the trace (JSON) / save a screenshot (PNG)" },
    { GS_CMD_RELOAD, 0, "reload the file from disk" },
    { GS_CMD_LEGEND, 0, "what the colours, badges and arrows mean" },
    { GS_CMD_BACK, GS_CMD_HELP,
      "deselect, then back to the lessons (during a prediction, twice); cancel a long run / this help" },
};

#define GS_COUNTOF_HELP (sizeof key_help / sizeof key_help[0])

static void draw_help(gs_Ui *ui, gs_DrawList *dl)
{
    gs_draw_rect(dl, (gs_Rect){ 0, 0, (float)ui->w, (float)ui->h }, RGBA(0, 0, 0, 110), 0, 0);
    float w = fminf(820, (float)ui->w - 40), keys_w = fminf(300, w * 0.38f);
    float desc_w = w - keys_w - 50;
    /* rows as tall as their wrapped words; the box as tall as the rows,
     * and the prediction card's keys under them */
    static const char predict[] =
        "In a prediction: type your answer, or press 1–9 for a choice; Enter checks it, Tab shows the answer without "
        "answering. While you type, letters are the answer's: Ctrl plus a letter runs that letter's command.";
    float h = 60 + text_wrap(ui, NULL, GS_FONT_UI, 0, 0, w - 40, 1e9f, predict, C_TEXT) + 10;
    for (size_t i = 0; i < GS_COUNTOF_HELP; i++)
        h += fmaxf(th(ui, GS_FONT_UI), text_wrap(ui, NULL, GS_FONT_UI, 0, 0, desc_w, 1e9f, key_help[i].what, C_TEXT)) + 6;
    h = fminf(h + 10, (float)ui->h - 20);
    gs_Rect r = { ((float)ui->w - w) / 2, ((float)ui->h - h) / 2, w, h };
    gs_draw_rect(dl, r, C_PANEL, 10, 0);
    gs_draw_clip(dl, r);
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
        float kh = text_wrap(ui, dl, GS_FONT_UI_BOLD, r.x + 20, y, keys_w, 1e9f, keys, C_BLUE);
        float dh = text_wrap(ui, dl, GS_FONT_UI, r.x + 30 + keys_w, y, desc_w, 1e9f, key_help[i].what, C_TEXT);
        y += fmaxf(fmaxf(kh, dh), th(ui, GS_FONT_UI)) + 6;
    }
    text_wrap(ui, dl, GS_FONT_UI, r.x + 20, y + 4, w - 40, 1e9f, predict, C_MUTED);
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
}

/* What the picture's marks mean: shown once by itself, then on L. */
/* A count badge as the heap draws one: filled, or (outline) the "+1" pill */
static void legend_badge(gs_Ui *ui, gs_DrawList *dl, float x, float y, const char *label, gs_Color c, bool outline)
{
    gs_Rect r = { x, y, 28, 18 };
    gs_draw_rect(dl, r, outline ? C_PANEL : c, 9, 0);
    if (outline)
        gs_draw_rect_line(dl, r, c, 9, 1, 0);
    text(dl, GS_FONT_SMALL, x + (strlen(label) > 1 ? 6 : 10), y + 2, label, outline ? c : RGB(255, 255, 255));
}

static void draw_legend(gs_Ui *ui, gs_DrawList *dl)
{
    gs_draw_rect(dl, (gs_Rect){ 0, 0, (float)ui->w, (float)ui->h }, RGBA(0, 0, 0, 110), 0, 0);
    float w = fminf(820, (float)ui->w - 40), h = fminf(570, (float)ui->h - 40);
    gs_Rect r = { ((float)ui->w - w) / 2, ((float)ui->h - h) / 2, w, h };
    gs_draw_rect(dl, r, C_PANEL, 10, 0);
    gs_draw_clip(dl, r);
    text(dl, GS_FONT_TITLE, r.x + 20, r.y + 14, "How to read the picture", C_TEXT);
    float x = r.x + 24, y = r.y + 54, lh = th(ui, GS_FONT_UI) + 12, tx = x + 150, tw_ = w - 190;
    /* boxes by generation */
    const char *gens[] = { "g0", "g1", "g2" };
    for (int g = 0; g < 3; g++) {
        gs_Rect b = { x + (float)g * 46, y, 40, 22 };
        gs_draw_rect(dl, b, tint(band_color(ui, g), 0.16f), 5, 0);
        gs_draw_rect_line(dl, b, band_color(ui, g), 5, 1.5f, 0);
        text(dl, GS_FONT_SMALL, b.x + 12, b.y + 4, gens[g], C_TEXT);
    }
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 3,
              "An object: its colour and column are its generation (g0, g1, g2, as here) or \"not tracked\" (grey: the "
              "collector never looks at it). A column's title counts its objects: \"gen 1 · 0\" (narrow: \"g1 · 0\"), generation 1 is empty.",
              C_TEXT);
    y += lh * 2.6f;
    legend_badge(ui, dl, x, y, "2", C_TEXT, false);
    legend_badge(ui, dl, x + 34, y, "3", C_GREEN, false);
    legend_badge(ui, dl, x + 68, y, "1", C_VERMILLION, false);
    legend_badge(ui, dl, x + 102, y, "?", C_ORANGE, false);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "Its reference count. It flashes green when it goes up, orange-red when it goes down; '?' hides it until "
              "you answer a prediction; 'many': a value the interpreter shares (a small int).",
              C_TEXT);
    y += lh * 1.6f;
    legend_badge(ui, dl, x, y, "+1", C_MUTED, true);
    legend_badge(ui, dl, x + 32, y, "2", C_TEXT, false);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "Beside the count: how many of its references have no arrow (the code running now holds them, an "
              "object not drawn, or a long container's cells left out).",
              C_TEXT);
    y += lh * 1.6f;
    gs_draw_rect(dl, (gs_Rect){ x, y, 70, 18 }, C_ORANGE, 9, 0);
    text(dl, GS_FONT_SMALL, x + 6, y + 2, "gc_refs 1", C_TEXT);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "During a collection: the references from outside the generations being collected. 0 means maybe "
              "garbage.",
              C_TEXT);
    y += lh * 1.6f;
    gs_draw_rect(dl, (gs_Rect){ x, y, 60, 22 }, C_UNREACHABLE, 5, 0);
    gs_draw_rect_line(dl, (gs_Rect){ x, y, 60, 22 }, C_FAINT, 5, 1.5f, 0);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "A grey box during a collection: tentatively unreachable (it may be rescued by a later reference).",
              C_TEXT);
    y += lh * 1.6f;
    gs_draw_line(dl, x, y + 6, x + 60, y + 6, C_TEXT, 1.5f, 0);
    arrowhead(dl, x + 64, y + 6, 1, 0, 9, C_TEXT);
    dashed_curve(dl, x, y + 22, x + 30, y + 22, x + 60, y + 22, C_MUTED, 1.5f);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "A reference (counted in the target's badge); dashed: a weak reference, which counts for nothing.",
              C_TEXT);
    y += lh * 1.8f;
    gs_draw_rect(dl, (gs_Rect){ x, y, 90, 22 }, C_TOP_FRAME, 5, 0);
    gs_draw_rect_line(dl, (gs_Rect){ x, y, 90, 22 }, C_ORANGE, 5, 2, 0);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "A frame with its names: the yellow one is running now; a grey one is a generator's, paused at a "
              "yield. The module's names are the program's global names.",
              C_TEXT);
    y += lh * 1.6f;
    for (int k = 2; k >= 0; k--)
        gs_draw_rect_line(dl, (gs_Rect){ x + 4 * (float)k, y - 4 * (float)k + 4, 70, 20 }, C_SKY, 5, 1, 0);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "\"500 × Item\": many alike objects that only one container holds, drawn as one stack.",
              C_TEXT);
    y += lh * 1.6f;
    gs_draw_rect_line(dl, (gs_Rect){ x, y, 70, 22 }, C_PURPLE, 5, 3, 0);
    text(dl, GS_FONT_SMALL, x + 12, y + 4, "56 B", C_PURPLE);
    text_wrap(ui, dl, GS_FONT_UI, tx, y, tw_, lh * 2,
              "With B: an object's size in bytes (sys.getsizeof). A purple outline: the objects of the BY LINE or "
              "BY TYPE row you picked.",
              C_TEXT);
    y += lh * 1.6f;
    text(dl, GS_FONT_SMALL, r.x + 20, r.y + h - 24, "L shows this again · any key closes", C_MUTED);
    add_button(ui, r, GS_ACT_NONE, 4000, "Close the legend");
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
}

/* A prediction prompt takes over the narration panel, so the heap it asks
 * about stays in view: the question, then choices (keys 1 to 9) or a field
 * to type in, the feedback, and a way to skip.  With dl NULL nothing is
 * drawn and no button is added: it returns the height the card needs at
 * r's width (the layout grows the bottom row by it, so a long hint is read
 * whole).  `fb` is the feedback's font; `scroll` moves what is between the
 * heading and the skip row up, in a window too small for it all. */
static float prompt_card(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r, gs_FontId fb, float scroll)
{
    const gs_UiPrompt *p = d->prompt;
    bool open = p->state == GS_PROMPT_ASKING || p->state == GS_PROMPT_RETRY;
    float x = r.x + 14, w = r.w - 28, y = r.y + 32 - scroll;
    /* the body lies between the heading and the skip row (or closing line) */
    float body = r.y + 28, foot = r.y + r.h - 24;
    if (dl) {
        gs_draw_rect(dl, r, C_PROMPT, 6, 0);
        gs_draw_rect_line(dl, r, C_ORANGE, 6, 2.5f, 0);
        char head[96];
        snprintf(head, sizeof head, open ? "Predict before line %d runs" : "Line %d runs next", p->line);
        text(dl, GS_FONT_UI_BOLD, r.x + 14, r.y + 8, head, C_ORANGE);
        char count[48];
        snprintf(count, sizeof count, "prediction %d of %d", p->index + 1, d->score_of);
        text(dl, GS_FONT_SMALL, r.x + r.w - tw(ui, GS_FONT_SMALL, count) - 14, r.y + 10, count, C_MUTED);
        gs_draw_clip(dl, (gs_Rect){ r.x + 2, body, r.w - 4, fmaxf(0, foot - body) });
    }
    /* what the step that reached the prompt passed over ("Skipped ahead:
     * ...") would be lost under the card: it comes first, small */
    if (open && d->step_note && d->step_note[0])
        y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f, d->step_note, C_MUTED) + 4;
    /* the lesson's words for the line asked about are under the card: they
     * come with it (lesson 11's tell what → will do in the loop) */
    if (d->narration && d->narration[0] && d->narration_line == p->line)
        y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f, d->narration, C_MUTED) + 6;
    y += text_wrap(ui, dl, GS_FONT_UI, x, y, w, 1e9f, p->question, C_TEXT) + 6;
    if (open) {
        if (p->nchoices) {
            float cx = x;
            for (int i = 0; i < p->nchoices; i++) {
                char label[160];
                snprintf(label, sizeof label, "%d)  %s", i + 1, p->choices[i]);
                float bw = fminf(tw(ui, GS_FONT_UI, label) + 20, w);
                if (cx + bw > x + w && cx > x) {
                    cx = x;
                    y += 30;
                }
                gs_Rect b = { cx, y, bw, 26 };
                cx += bw + 8;
                if (!dl)
                    continue;
                bool hover = in_rect(b, ui->mouse_x, ui->mouse_y);
                bool sel = i == ui->choice_sel;
                bool wrong = i == ui->wrong_choice && p->state == GS_PROMPT_RETRY && !sel;
                gs_draw_rect(dl, b, sel ? tint(C_ORANGE, 0.45f) : wrong ? tint(C_VERMILLION, 0.18f)
                                    : hover ? tint(C_SKY, 0.3f) : C_PANEL, 5, 0);
                gs_draw_rect_line(dl, b, sel ? C_ORANGE : wrong ? C_VERMILLION : C_BORDER, 5, sel || wrong ? 2 : 1, 0);
                text_fit(ui, dl, GS_FONT_UI, b.x + 10, b.y + 4, bw - 14, label, wrong ? C_MUTED : C_TEXT);
                if (b.y >= body - 1 && b.y + b.h <= foot + 1) /* scrolled out of the card: not clickable */
                    add_button_choice(ui, b, GS_ACT_ANSWER_PROMPT, p->index, i,
                                      wrong ? "Your first answer: not this one" : "Choose this answer");
            }
            y += 34;
        } else {
            float fw = fminf(320, w - 130);
            gs_Rect f = { x, y, fw, 26 };
            y += 34;
            if (dl) {
                gs_draw_rect(dl, f, RGB(255, 255, 255), 4, 0);
                gs_draw_rect_line(dl, f, C_ORANGE, 4, 1.5f, 0);
                ui->answer_rect = f;
                if (ui->answer[0])
                    text_fit(ui, dl, GS_FONT_MONO, f.x + 8, f.y + 4, fw - 20, ui->answer, C_TEXT);
                else
                    text(dl, GS_FONT_SMALL, f.x + 8, f.y + 6, p->tuple     ? "type numbers, like (1, 2, 3)"
                                                            : p->numeric ? "type a number"
                                                                         : "type your answer",
                         C_FAINT);
                float cw = tw(ui, GS_FONT_MONO, ui->answer);
                if (fmod(ui->time, 1.0) < 0.6 && cw < fw - 20)
                    gs_draw_rect(dl, (gs_Rect){ f.x + 8 + cw + 1, f.y + 5, 1.5f, 16 }, C_TEXT, 0, 0);
                gs_Rect ok = { f.x + fw + 8, f.y, 110, 26 };
                gs_draw_rect(dl, ok, C_ORANGE, 5, 0);
                text(dl, GS_FONT_UI_BOLD, ok.x + 12, ok.y + 4, "Check ⏎", C_TEXT);
                if (ok.y >= body - 1 && ok.y + ok.h <= foot + 1)
                    add_button_choice(ui, ok, GS_ACT_ANSWER_PROMPT, p->index, -1, "Check your answer (Enter)");
            }
        }
        /* the feedback (a hint may run to several lines) takes the card's
         * width; the skip link has its own row below it */
        if (ui->leave_armed)
            y += text_wrap(ui, dl, GS_FONT_UI_BOLD, x, y, w, 1e9f,
                           "Press Esc again to leave this lesson (you would start it again from the beginning); "
                           "to stay, go on answering.",
                           C_VERMILLION) +
                 6;
        if (p->feedback)
            y += text_wrap(ui, dl, fb, x, y, w, 1e9f, p->feedback,
                           p->state == GS_PROMPT_RETRY ? C_VERMILLION : C_TEXT);
        else {
            char how[96];
            snprintf(how, sizeof how, "Look at the heap, then press 1 to %d or click an answer.", p->nchoices);
            y += text_wrap(ui, dl, GS_FONT_SMALL, x, y, w, 1e9f,
                           p->nchoices ? how
                                       : "Look at the heap, type your answer and press Enter. While you type, "
                                         "letters are the answer's: Ctrl+F fits the heap, Ctrl+H shows primitives.",
                           C_MUTED);
        }
        if (dl) {
            gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
            const char *sk = "Skip: show the answer (Tab)";
            float skw = tw(ui, GS_FONT_SMALL, sk);
            gs_Rect skip = { r.x + r.w - skw - 16, r.y + r.h - 22, skw + 4, 18 };
            text(dl, GS_FONT_SMALL, skip.x, skip.y, sk, in_rect(skip, ui->mouse_x, ui->mouse_y) ? C_BLUE : C_MUTED);
            add_button(ui, skip, GS_ACT_SKIP_PROMPT, p->index, "Show the answer without answering (Tab)");
        }
    } else {
        bool right = p->state == GS_PROMPT_RIGHT;
        if (p->feedback) /* wrapped: the answer it gives must be read whole (lesson 18's is long) */
            y += text_wrap(ui, dl, GS_FONT_UI_BOLD, x, y, w, 1e9f, p->feedback, right ? C_GREEN : C_VERMILLION) + 4;
        if (p->explanation && *p->explanation)
            y += text_wrap(ui, dl, fb == GS_FONT_UI_BOLD ? GS_FONT_UI : fb, x, y, w, 1e9f, p->explanation,
                           C_TEXT) + 4;
        if (dl) {
            gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
            text(dl, GS_FONT_SMALL, x, r.y + r.h - 22, "Press → to run the line and watch it happen.", C_MUTED);
        }
    }
    return y + scroll - r.y + 24 + 6; /* the skip row (or the closing line) and the margin */
}

/* The height the prompt card needs at width w, in its usual fonts. */
static float prompt_height(gs_Ui *ui, const gs_UiData *d, float w)
{
    return prompt_card(ui, NULL, d, (gs_Rect){ 0, 0, w, 0 }, GS_FONT_UI_BOLD, 0);
}

static void draw_prompt(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d, gs_Rect r)
{
    const gs_UiPrompt *p = d->prompt;
    if (ui->answer_for != p->index + 1) { /* a new prompt: an empty field */
        ui->answer_for = p->index + 1;
        ui->answer_retry_for = 0;
        ui->answer[0] = 0;
        ui->choice_sel = -1;
        ui->wrong_choice = -1;
        ui->prompt_scroll = 0;
    }
    if (p->state == GS_PROMPT_RETRY && ui->answer_retry_for != p->index + 1) {
        /* a second try starts from an empty field, not after the wrong
         * answer; a wrong choice stays marked so it is not picked again */
        ui->answer_retry_for = p->index + 1;
        if (p->feedback && strstr(p->feedback, "OUTPUT"))
            ui->bottom_tab = 1; /* the hint sends the student to OUTPUT: it is open */
        ui->answer[0] = 0;
        ui->wrong_choice = ui->choice_sel;
        ui->choice_sel = -1;
    }
    ui->prompt_rect = r;
    /* the layout grew the card as far as the heap allows; in a window too
     * small for that the feedback takes the small font, and what still
     * does not fit scrolls with the wheel */
    float need = prompt_height(ui, d, r.w);
    gs_FontId fb = GS_FONT_UI_BOLD;
    if (need > r.h + 0.5f) {
        fb = GS_FONT_SMALL;
        need = prompt_card(ui, NULL, d, (gs_Rect){ 0, 0, r.w, 0 }, fb, 0);
    }
    ui->prompt_max_scroll = need > r.h + 0.5f ? (int)ceilf(need - r.h) : 0;
    if (ui->prompt_scroll > ui->prompt_max_scroll)
        ui->prompt_scroll = ui->prompt_max_scroll;
    if (ui->prompt_scroll < 0)
        ui->prompt_scroll = 0;
    prompt_card(ui, dl, d, r, fb, (float)ui->prompt_scroll);
    if (ui->prompt_scroll < ui->prompt_max_scroll)
        text(dl, GS_FONT_SMALL, r.x + 14, r.y + r.h - 22, "more ↓ (wheel)", C_MUTED);
}

/* The error panel sits at the bottom of the heap, as tall as its text
 * needs (at most a third of the canvas); × (or a click on it) folds it to a
 * small tab, which opens it again. */
static void draw_error(gs_Ui *ui, gs_DrawList *dl, const gs_UiData *d)
{
    char t[64];
    if (d->error_line > 0)
        snprintf(t, sizeof t, "Error on line %d", d->error_line);
    else
        snprintf(t, sizeof t, "Error");
    if (ui->error_folded == d->error && !d->browser) {
        float w = tw(ui, GS_FONT_SMALL, t) + 40;
        gs_Rect r = { ui->canvas.x + 10, ui->canvas.y + ui->canvas.h - 28, w, 22 };
        gs_draw_rect(dl, r, C_ERROR_BG, 6, 0);
        gs_draw_rect_line(dl, r, C_VERMILLION, 6, 1.5f, 0);
        text(dl, GS_FONT_SMALL, r.x + 10, r.y + 3, t, C_VERMILLION);
        text(dl, GS_FONT_SMALL, r.x + w - 18, r.y + 3, "▴", C_VERMILLION);
        add_button(ui, r, GS_ACT_NONE, 3001, "Show the error again");
        return;
    }
    float w = (d->browser ? (float)ui->w - 80 : ui->canvas.w - 40);
    float body = text_wrap(ui, NULL, GS_FONT_MONO, 0, 0, w - 28, 1e9f, d->error, C_TEXT);
    float maxh = d->browser ? (float)ui->h * 0.4f : ui->canvas.h * 0.36f;
    float h = fminf(fmaxf(body + 48, 80), maxh);
    gs_Rect r = d->browser ? (gs_Rect){ 40, (float)ui->h - h - 30, w, h }
                           : (gs_Rect){ ui->canvas.x + 20, ui->canvas.y + ui->canvas.h - h - 16, w, h };
    gs_draw_rect(dl, r, C_ERROR_BG, 8, 0);
    gs_draw_rect_line(dl, r, C_VERMILLION, 8, 2, 0);
    text(dl, GS_FONT_UI_BOLD, r.x + 14, r.y + 10, t, C_VERMILLION);
    gs_Rect x = { r.x + r.w - 30, r.y + 6, 24, 24 };
    text(dl, GS_FONT_UI_BOLD, x.x + 6, x.y + 2, "×", in_rect(x, ui->mouse_x, ui->mouse_y) ? C_TEXT : C_MUTED);
    add_button(ui, x, GS_ACT_NONE, 3000, "Fold the error panel away");
    gs_draw_clip(dl, (gs_Rect){ r.x + 2, r.y + 34, r.w - 4, r.h - 38 });
    text_wrap(ui, dl, GS_FONT_MONO, r.x + 14, r.y + 36, w - 28, h - 44, d->error, C_TEXT);
    gs_draw_clip(dl, (gs_Rect){ 0, 0, 0, 0 });
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
        float score_w = 0;
        if (d->lesson_score && d->lesson_score[i] >= 0) {
            char sc[32];
            snprintf(sc, sizeof sc, "✓ %d/%d", d->lesson_score[i], d->lesson_score_of[i]);
            score_w = tw(ui, GS_FONT_SMALL, sc) + 12;
            /* done: green when every prediction was right at the first try */
            gs_Color scol = d->lesson_score[i] == d->lesson_score_of[i] ? C_GREEN
                            : d->lesson_score[i] > 0                     ? C_ORANGE
                                                                         : C_MUTED;
            text(dl, GS_FONT_SMALL, x + colw - score_w, y + 6, sc, scol);
        }
        text_fit(ui, dl, GS_FONT_UI_BOLD, x + 56, y + 4, colw - 70 - score_w, d->lesson_titles[i], C_TEXT);
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

/* ================================================================== layout */

/* The panels' rectangles.  Widths and heights follow the window and the
 * program (the source column is as wide as its widest line, within
 * limits) unless the student dragged a splitter: then theirs. */
static void layout(gs_Ui *ui, const gs_UiData *d, Layout *L)
{
    float W = (float)ui->w, H = (float)ui->h;
    float top = 52, status_h = 22, scrub_h = 34;
    float bottom_h = H >= 760 ? 200 : H >= 600 ? H * 0.27f : H * 0.3f;
    float right_w = W >= 1100 ? 280 : fmaxf(190, W * 0.24f);
    if (d->source && ui->code_width_of != d->source) {
        ui->code_width_of = d->source;
        ui->code_width = code_width(ui, d->source, d->source_len);
    }
    float left_w = fminf(fmaxf(ui->code_width + 60 + 18, W >= 1100 ? 300 : W * 0.26f), W * (W >= 1100 ? 0.31f : 0.3f)); /* the heap is the subject: it gets the width */
    if (ui->user_left > 0)
        left_w = ui->user_left;
    if (ui->user_right > 0)
        right_w = ui->user_right;
    if (ui->user_bottom > 0)
        bottom_h = ui->user_bottom;
    /* whatever was asked, the heap keeps a usable width and height */
    left_w = fminf(fmaxf(left_w, 140), fmaxf(140, W - right_w - 240));
    right_w = fminf(fmaxf(right_w, 170), fmaxf(170, W - left_w - 240));
    float bw = W - right_w - 24;
    float narr_w = ui->user_narr > 0 ? ui->user_narr : bw * 0.58f;
    narr_w = fminf(fmaxf(narr_w, 200), bw - 160);
    if (d->prompt) {
        /* a prediction card grows the bottom row to hold its question,
         * answer field, feedback (a long hint) and buttons, as far as it
         * can while the heap it asks about keeps 40% of the window */
        float need = prompt_height(ui, d, narr_w);
        float most = fmaxf(90, H - top - status_h - scrub_h - 24 - fmaxf(140, H * 0.4f));
        bottom_h = fmaxf(bottom_h, fminf(need, most));
    }
    float mid_h = H - top - status_h - scrub_h - bottom_h - 24;
    if (mid_h < 140) {
        mid_h = 140;
        bottom_h = fmaxf(90, H - top - status_h - scrub_h - 24 - mid_h);
    }
    float mid_y = top;
    L->source = (gs_Rect){ 8, mid_y, left_w, mid_h };
    ui->canvas = (gs_Rect){ left_w + 16, mid_y, W - left_w - right_w - 32, mid_h };
    L->canvas = ui->canvas;
    float gc_h = draw_gc_panel(ui, NULL, d, (gs_Rect){ W - right_w - 8, mid_y, right_w, 0 });
    float col_h = mid_h + bottom_h + 8;
    if (gc_h > col_h - 90)
        gc_h = col_h - 90;
    L->gc = (gs_Rect){ W - right_w - 8, mid_y, right_w, gc_h };
    L->insp = (gs_Rect){ W - right_w - 8, mid_y + gc_h + 8, right_w, col_h - gc_h - 8 };
    ui->inspector_rect = L->insp;
    float by = mid_y + mid_h + 8;
    L->narr = (gs_Rect){ 8, by, narr_w, bottom_h };
    L->tabs = (gs_Rect){ 8 + narr_w + 8, by, bw - narr_w - 8, bottom_h };
    ui->bottom_rect = L->tabs;
    L->scrub = (gs_Rect){ 8, H - status_h - scrub_h - 6, W - 16, scrub_h };
    L->status = (gs_Rect){ 0, H - status_h, W, status_h };
    /* the splitters are the gaps between panels */
    L->split[GS_SPLIT_LEFT] = (gs_Rect){ left_w + 8, mid_y, 8, mid_h };
    L->split[GS_SPLIT_RIGHT] = (gs_Rect){ W - right_w - 16, mid_y, 8, col_h };
    L->split[GS_SPLIT_BOTTOM] = (gs_Rect){ 8, mid_y + mid_h, bw, 8 };
    L->split[GS_SPLIT_NARR] = (gs_Rect){ 8 + narr_w, by, 8, bottom_h };
    memcpy(ui->split_rect, L->split, sizeof ui->split_rect);
}

static void draw_splitters(gs_Ui *ui, gs_DrawList *dl, const Layout *L)
{
    for (int k = 1; k < GS_SPLIT_COUNT; k++) {
        gs_Rect r = L->split[k];
        bool hot = ui->drag_split == k || in_rect(r, ui->mouse_x, ui->mouse_y);
        if (!hot)
            continue;
        bool vertical = r.h > r.w;
        float cx = r.x + r.w / 2, cy = r.y + r.h / 2;
        for (int i = -2; i <= 2; i++)
            gs_draw_circle(dl, vertical ? cx : cx + (float)i * 6, vertical ? cy + (float)i * 6 : cy, 1.6f, C_MUTED, 0);
        snprintf(ui->tooltip, sizeof ui->tooltip, "Drag to resize the panels");
    }
}

/* A splitter dragged to (x, y): the size it gives. */
static void drag_splitter(gs_Ui *ui, float x, float y)
{
    float W = (float)ui->w, H = (float)ui->h;
    switch (ui->drag_split) {
    case GS_SPLIT_LEFT: ui->user_left = fminf(fmaxf(x - 12, 140), W * 0.7f); break;
    case GS_SPLIT_RIGHT: ui->user_right = fminf(fmaxf(W - x - 12, 170), W * 0.6f); break;
    case GS_SPLIT_BOTTOM: ui->user_bottom = fminf(fmaxf(H - 22 - 34 - 6 - 8 - y, 90), H * 0.7f); break;
    case GS_SPLIT_NARR: ui->user_narr = fmaxf(x - 12, 200); break;
    default: break;
    }
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
    case GS_CMD_MARK: return GS_ACT_MARK;
    case GS_CMD_QUIT: return GS_ACT_QUIT;
    default: return GS_ACT_NONE;
    }
}

/* A prompt is waiting for an answer typed into its field. */
static bool typing(const gs_UiData *d)
{
    return d->prompt && !d->prompt->nchoices &&
           (d->prompt->state == GS_PROMPT_ASKING || d->prompt->state == GS_PROMPT_RETRY);
}

static void answer(gs_Ui *ui, gs_Action *acts, int *nacts, int64_t index, int choice)
{
    push_action(acts, nacts, GS_ACT_ANSWER_PROMPT, index);
    if (*nacts > 0 && acts[*nacts - 1].kind == GS_ACT_ANSWER_PROMPT) {
        acts[*nacts - 1].choice = choice;
        if (choice < 0)
            snprintf(acts[*nacts - 1].text, sizeof acts[*nacts - 1].text, "%s", ui->answer);
        else
            ui->choice_sel = choice;
    }
}

/* Keys a prompt takes: 1-9 pick a choice, ↑ ↓ move between choices, Enter
 * answers (once answered, it does nothing: → runs the line), Tab skips, Backspace edits the
 * field; while typing, letters, digits, Space, + and - are text, not
 * commands.  True if the key was the prompt's. */
static bool prompt_key(gs_Ui *ui, const gs_Input *in, const gs_UiData *d, gs_Action *acts, int *nacts)
{
    const gs_UiPrompt *p = d->prompt;
    if (!p)
        return false;
    bool open = p->state == GS_PROMPT_ASKING || p->state == GS_PROMPT_RETRY;
    if (!open)
        return in->key == GS_KEY_ENTER; /* the Enter that followed a choice's digit would run the line before its
                                           explanation is read: → runs it, as the card says */
    if (in->mods & GS_MOD_CTRL)
        return false;
    switch (in->key) {
    case GS_KEY_TAB: push_action(acts, nacts, GS_ACT_SKIP_PROMPT, p->index); return true;
    case GS_KEY_ENTER:
        answer(ui, acts, nacts, p->index, p->nchoices ? ui->choice_sel : -1);
        return true;
    default: break;
    }
    if (p->nchoices) {
        if (in->key >= GS_KEY_0 + 1 && in->key <= GS_KEY_0 + 9 && in->key - GS_KEY_0 <= p->nchoices) {
            answer(ui, acts, nacts, p->index, in->key - GS_KEY_0 - 1);
            return true;
        }
        if (in->key == GS_KEY_DOWN || in->key == GS_KEY_UP) {
            int k = ui->choice_sel + (in->key == GS_KEY_DOWN ? 1 : -1);
            ui->choice_sel = k < 0 ? p->nchoices - 1 : k % p->nchoices;
            return true;
        }
        return false;
    }
    if (in->key == GS_KEY_BACKSPACE) {
        size_t n = strlen(ui->answer);
        while (n > 0 && ((unsigned char)ui->answer[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        ui->answer[n] = 0;
        return true;
    }
    /* text keys arrive as GS_IN_TEXT too: here they are not commands */
    return (in->key >= GS_KEY_A && in->key <= GS_KEY_9) || in->key == GS_KEY_SPACE || in->key == GS_KEY_PLUS ||
           in->key == GS_KEY_MINUS || in->key == GS_KEY_QUESTION;
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
        if (ui->drag_split) {
            drag_splitter(ui, in->x, in->y);
            return;
        }
        if (ui->dragging) {
            ui->pan_auto = false; /* the student's own view stays theirs */
            ui->home_fit = false;
            ui->pan_x -= (in->x - ui->drag_x) / ui->zoom;
            ui->pan_y -= (in->y - ui->drag_y) / ui->zoom;
            ui->drag_x = in->x;
            ui->drag_y = in->y;
        }
        return;
    case GS_IN_MOUSE_UP:
        ui->dragging = false;
        ui->drag_split = 0;
        return;
    case GS_IN_WHEEL:
        if (in_rect(ui->canvas, in->x, in->y) && !d->browser) {
            float wx = ui->pan_x + (in->x - ui->canvas.x) / ui->zoom;
            float wy = ui->pan_y + (in->y - ui->canvas.y) / ui->zoom;
            ui->zoom *= in->dy > 0 ? 1.12f : 1 / 1.12f;
            ui->zoom_auto = false;
            ui->pan_auto = false;
            ui->home_fit = false;
            if (ui->zoom < 0.05f)
                ui->zoom = 0.05f;
            if (ui->zoom > 3)
                ui->zoom = 3;
            ui->pan_x = wx - (in->x - ui->canvas.x) / ui->zoom;
            ui->pan_y = wy - (in->y - ui->canvas.y) / ui->zoom;
        } else if (in_rect(ui->source_rect, in->x, in->y)) {
            ui->source_scroll -= (int)(in->dy * 3);
            ui->follow_line = false;
        } else if (in_rect(ui->bottom_rect, in->x, in->y) && ui->bottom_tab == 0) {
            ui->events_scroll += (int)(in->dy * 2);
            if (ui->events_scroll < 0)
                ui->events_scroll = 0;
        } else if (in_rect(ui->bottom_rect, in->x, in->y) && ui->bottom_tab == 1) {
            ui->output_scroll += (int)(in->dy * 3);
        } else if (in_rect(ui->bottom_rect, in->x, in->y) && ui->bottom_tab >= 3) {
            ui->stat_scroll -= (int)(in->dy * 3);
        } else if (in_rect(ui->inspector_rect, in->x, in->y)) {
            ui->insp_scroll -= (int)(in->dy * 24);
            if (ui->insp_scroll < 0)
                ui->insp_scroll = 0;
        } else if (d->prompt && in_rect(ui->prompt_rect, in->x, in->y)) {
            ui->prompt_scroll -= (int)(in->dy * 20);
        } else if (in_rect(ui->narr_rect, in->x, in->y)) {
            ui->narr_scroll -= (int)(in->dy * 20);
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
        if (!d->browser && !ui->help)
            for (int k = 1; k < GS_SPLIT_COUNT; k++)
                if (in_rect(ui->split_rect[k], in->x, in->y)) {
                    ui->drag_split = k;
                    return;
                }
        for (int i = ui->nbuttons - 1; i >= 0; i--) {
            if (!in_rect(ui->buttons[i].r, in->x, in->y))
                continue;
            uint8_t a = ui->buttons[i].action;
            int64_t arg = ui->buttons[i].arg;
            if (a == GS_ACT_NONE && arg >= 1000 && arg < 1000 + GS_BOTTOM_TABS)
                ui->bottom_tab = (int)(arg - 1000);
            else if (a == GS_ACT_NONE && arg >= GS_STAT_ROW_ARG) {
                /* a BY LINE / BY TYPE row: outline its objects (again: none) */
                int tab = (int)((arg - GS_STAT_ROW_ARG) >> 32);
                uint32_t key = (uint32_t)(arg - GS_STAT_ROW_ARG);
                bool same = ui->stat_tab == tab && ui->stat_key == key;
                ui->stat_tab = same ? 0 : tab;
                ui->stat_key = same ? 0 : key;
            }
            else if (a == GS_ACT_NONE && arg == 2000)
                ui->help = !ui->help;
            else if (a == GS_ACT_NONE && arg == 3000)
                ui->error_folded = d->error;
            else if (a == GS_ACT_NONE && arg == 3001)
                ui->error_folded = NULL;
            else if (a == GS_ACT_NONE && arg == 4000)
                ui->legend = false;
            else if (a == GS_ACT_SPEED && (in->mods & GS_MOD_SHIFT))
                push_action(acts, nacts, a, -1);
            else if (a == GS_ACT_ANSWER_PROMPT)
                answer(ui, acts, nacts, arg, ui->buttons[i].choice);
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
            /* rows wrap: the row whose drawn lines hold the click */
            int row = -1;
            for (int i = 0; i < ui->nsource_rows_y && row < 0; i++)
                if (in->y < ui->source_rows_y[i])
                    row = ui->source_scroll + i;
            if (row >= 0 && row < source_rows(d)) {
                int line;
                const char *t;
                size_t n;
                uint8_t marks;
                source_row(d, row, &line, &t, &n, &marks);
                push_action(acts, nacts, GS_ACT_TOGGLE_BREAKPOINT, line);
            }
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
    case GS_IN_TEXT:
        ui->leave_armed = false; /* typing: the student stays */
        if (typing(d)) {
            /* printable characters only, up to the field's size */
            size_t have = strlen(ui->answer);
            for (const unsigned char *c = (const unsigned char *)in->text; *c && have + 1 < sizeof ui->answer; c++)
                if (*c >= 0x20 && *c != 0x7f)
                    ui->answer[have++] = (char)*c;
            ui->answer[have] = 0;
        }
        return;
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
        if (ui->legend && in->key != GS_KEY_NONE) {
            /* any key closes it, and only closes it: a step taken behind
             * it (P through a whole collection) would go unseen */
            ui->legend = false;
            return;
        }
        if (in->key != GS_KEY_ESCAPE)
            ui->leave_armed = false; /* any other key: the student stays */
        if (prompt_key(ui, in, d, acts, nacts))
            return;
        if (ui->bottom_tab >= 3 && (in->key == GS_KEY_UP || in->key == GS_KEY_DOWN) && !in->mods) {
            /* the next / previous row of BY LINE or BY TYPE */
            int n;
            const gs_SceneStat *rows = gs_ui_stat_rows(d, ui->bottom_tab, &n);
            int sel = -1;
            for (int i = 0; i < n; i++)
                if (ui->stat_tab == ui->bottom_tab && rows[i].key == ui->stat_key)
                    sel = i;
            sel = in->key == GS_KEY_DOWN ? sel + 1 : sel < 0 ? 0 : sel - 1;
            if (sel >= n)
                sel = n - 1;
            if (sel < 0)
                sel = 0;
            if (n > 0) {
                ui->stat_tab = ui->bottom_tab;
                ui->stat_key = rows[sel].key;
                ui->stat_follow = true;
            }
            return;
        }
        int cmd = gs_key_command(&ui->theme, in->key, in->mods);
        if (cmd == GS_CMD_NONE && typing(d) && (in->mods & GS_MOD_CTRL))
            /* letters are the answer field's: with Ctrl they are the commands (Ctrl+F fits) */
            cmd = gs_key_command(&ui->theme, in->key, in->mods & ~(unsigned)GS_MOD_CTRL);
        switch (cmd) {
        case GS_CMD_HELP: ui->help = true; return;
        case GS_CMD_LEGEND: ui->legend = true; return;
        case GS_CMD_BACK:
            if (ui->selected && !d->recording) { /* first Esc: let go of the selected object */
                ui->selected = 0;
                return;
            }
            if (d->prompt && !d->recording && !ui->leave_armed &&
                (d->prompt->state == GS_PROMPT_ASKING || d->prompt->state == GS_PROMPT_RETRY)) {
                /* a prediction is open: leaving the lesson would lose the
                 * student's place, so the card asks for a second Esc */
                ui->leave_armed = true;
                return;
            }
            ui->leave_armed = false;
            push_action(acts, nacts, d->recording ? GS_ACT_CANCEL : GS_ACT_BROWSER, 0);
            return;
        case GS_CMD_FIT:
            if (ui->zoom_auto) { /* F again: back to full size, where text is read */
                ui->zoom = 1.0f;
                ui->zoom_auto = false;
                ui->pan_x = ui->pan_y = -10;
                ui->pan_auto = false;
            } else
                gs_ui_fit(ui, d, true);
            return;
        case GS_CMD_PRIMITIVES: ui->show_primitives = !ui->show_primitives; return;
        case GS_CMD_DEFINITIONS: ui->show_definitions = !ui->show_definitions; return;
        case GS_CMD_SIZES: ui->show_sizes = !ui->show_sizes; return;
        case GS_CMD_NEXT_TAB: ui->bottom_tab = (ui->bottom_tab + 1) % GS_BOTTOM_TABS; return;
        case GS_CMD_WATCH: push_action(acts, nacts, GS_ACT_WATCH, d->watch == ui->selected ? 0 : ui->selected); return;
        case GS_CMD_ZOOM_IN: ui->zoom = fminf(ui->zoom * 1.2f, 3.0f); ui->zoom_auto = false; return;
        case GS_CMD_ZOOM_OUT: ui->zoom = fmaxf(ui->zoom / 1.2f, 0.05f); ui->zoom_auto = false; return;
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
    Layout L;
    layout(ui, d, &L);
    gs_Rect source = L.source, gcr = L.gc, insp = L.insp, narr = L.narr, tabs = L.tabs, scrub = L.scrub,
            status = L.status;
    if (ui->zoom <= 0)
        ui->zoom = 1;
    if (ui->fit_pending && d->placement) {
        gs_ui_fit(ui, d, false);
        ui->fit_pending = false;
    }
    if (ui->zoom_auto && ui->live_w > 0 && ui->live_w < ui->canvas.w && ui->live_h < ui->canvas.h) {
        /* the heap shrank back: so does the overview's zoom */
        ui->zoom = 1.0f;
        ui->zoom_auto = false;
        ui->pan_x = -10;
        ui->pan_y = -10;
    }
    draw_heap(ui, dl, d, dt);
    draw_source(ui, dl, d, source);
    draw_gc_panel(ui, dl, d, gcr);
    draw_inspector(ui, dl, d, insp);
    if (d->prompt)
        draw_prompt(ui, dl, d, narr);
    else
        draw_narration(ui, dl, d, narr);
    draw_bottom_tabs(ui, dl, d, tabs);
    draw_scrubber(ui, dl, d, scrub);
    draw_toolbar(ui, dl, d);
    if (d->error)
        draw_error(ui, dl, d);
    draw_status(ui, dl, d, status);
    draw_splitters(ui, dl, &L);
    if (ui->legend)
        draw_legend(ui, dl);
    if (ui->help)
        draw_help(ui, dl);
    ui->last_event = d->scene->event;
    return nacts;
}
