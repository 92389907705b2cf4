/*
 * route.c — arrows around boxes (see route.h).
 *
 * The search is small on purpose: a handful of candidate paths along the
 * canvas's free lanes, each probed every few pixels against a grid of the
 * boxes, the shortest clear one kept.  It finds a clear path for the
 * layouts the heap makes (boxes left-aligned in columns, rows a fixed
 * pitch apart) and never costs more than a few thousand probes an arrow.
 */
#include "route.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CELL 32.0f
#define PROBE_STEP 4.0f
#define INSET 2.0f      /* grazing a box's outline is not crossing it */
#define MAX_SEEN 32

void gs_obstacles_init(gs_Obstacles *ob) { memset(ob, 0, sizeof *ob); }

void gs_obstacles_free(gs_Obstacles *ob)
{
    free(ob->box);
    free(ob->start);
    free(ob->idx);
    memset(ob, 0, sizeof *ob);
}

void gs_obstacles_reset(gs_Obstacles *ob)
{
    ob->budget = GS_ROUTE_BUDGET;
    ob->n = 0;
    ob->cols = ob->rows = 0;
    ob->nlane_x = 0;
    ob->nlane_y = 0;
}

int gs_obstacles_add(gs_Obstacles *ob, gs_Rect r)
{
    if (ob->n == ob->cap) {
        int cap = ob->cap ? ob->cap * 2 : 256;
        gs_Rect *b = realloc(ob->box, (size_t)cap * sizeof *b);
        if (!b)
            return -1;
        ob->box = b;
        ob->cap = cap;
    }
    ob->box[ob->n] = r;
    return ob->n++;
}

/* The cells box r covers, clamped to the grid; false when it misses it. */
static bool cell_span(const gs_Obstacles *ob, gs_Rect r, int *c0, int *r0, int *c1, int *r1)
{
    if (!(r.x + r.w >= ob->gx && r.y + r.h >= ob->gy && r.x < ob->gx + (float)ob->cols * ob->cell &&
          r.y < ob->gy + (float)ob->rows * ob->cell))
        return false; /* off the grid (or NaN) */
    *c0 = (int)floorf((r.x - ob->gx) / ob->cell);
    *r0 = (int)floorf((r.y - ob->gy) / ob->cell);
    *c1 = (int)floorf((r.x + r.w - ob->gx) / ob->cell);
    *r1 = (int)floorf((r.y + r.h - ob->gy) / ob->cell);
    if (*c1 < 0 || *r1 < 0 || *c0 >= ob->cols || *r0 >= ob->rows)
        return false;
    if (*c0 < 0)
        *c0 = 0;
    if (*r0 < 0)
        *r0 = 0;
    if (*c1 >= ob->cols)
        *c1 = ob->cols - 1;
    if (*r1 >= ob->rows)
        *r1 = ob->rows - 1;
    return true;
}

/* Box i in every cell it covers: counted in start[cell + 1] (fill NULL),
 * or written to idx at fill[cell]++. */
static void cover(gs_Obstacles *ob, int i, int *fill)
{
    int c0, r0, c1, r1;
    if (!cell_span(ob, ob->box[i], &c0, &r0, &c1, &r1))
        return;
    for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++) {
            size_t k = (size_t)r * (size_t)ob->cols + (size_t)c;
            if (fill)
                ob->idx[fill[k]++] = i;
            else
                ob->start[k + 1]++;
        }
}

bool gs_obstacles_index(gs_Obstacles *ob, gs_Rect area)
{
    ob->cell = CELL;
    ob->gx = area.x;
    ob->gy = area.y;
    ob->cols = (int)ceilf(area.w / CELL);
    ob->rows = (int)ceilf(area.h / CELL);
    if (ob->cols < 1 || ob->rows < 1 || ob->cols > 4096 || ob->rows > 4096) {
        ob->cols = ob->rows = 0;
        return false;
    }
    size_t ncells = (size_t)ob->cols * (size_t)ob->rows;
    free(ob->start);
    ob->start = calloc(ncells + 1, sizeof *ob->start);
    if (!ob->start) {
        ob->cols = ob->rows = 0;
        return false;
    }
    /* count, then fill: each cell's boxes contiguous in idx */
    for (int i = 0; i < ob->n; i++)
        cover(ob, i, NULL);
    for (size_t k = 0; k < ncells; k++)
        ob->start[k + 1] += ob->start[k];
    size_t total = (size_t)ob->start[ncells];
    free(ob->idx);
    ob->idx = malloc((total ? total : 1) * sizeof *ob->idx);
    int *fill = malloc((ncells ? ncells : 1) * sizeof *fill);
    if (!ob->idx || !fill) {
        free(fill);
        ob->cols = ob->rows = 0;
        return false;
    }
    memcpy(fill, ob->start, ncells * sizeof *fill);
    for (int i = 0; i < ob->n; i++)
        cover(ob, i, fill);
    free(fill);
    return true;
}

/* The boxes point (x, y) is inside, added to seen[] (once each). */
static void probe(const gs_Obstacles *ob, float x, float y, int from_box, int to_box, int *seen, int *nseen)
{
    float fx = (x - ob->gx) / ob->cell, fy = (y - ob->gy) / ob->cell;
    if (!(fx >= 0 && fy >= 0 && fx < (float)ob->cols && fy < (float)ob->rows))
        return; /* off the grid (or NaN): no box there */
    int c = (int)fx, r = (int)fy;
    size_t k = (size_t)r * (size_t)ob->cols + (size_t)c;
    for (int j = ob->start[k]; j < ob->start[k + 1]; j++) {
        int b = ob->idx[j];
        if (b == from_box || b == to_box)
            continue;
        gs_Rect q = ob->box[b];
        if (x <= q.x + INSET || x >= q.x + q.w - INSET || y <= q.y + INSET || y >= q.y + q.h - INSET)
            continue;
        bool known = false;
        for (int s = 0; s < *nseen && !known; s++)
            known = seen[s] == b;
        if (!known && *nseen < MAX_SEEN)
            seen[(*nseen)++] = b;
    }
}

/* Boxes route r meets, counting no further than `limit`; each probe spends
 * one of the frame's budget. */
static int crossings(gs_Obstacles *ob, const gs_Route *r, int from_box, int to_box, int limit)
{
    if (!ob->cols || r->n < 2)
        return 0;
    int seen[MAX_SEEN], nseen = 0;
    if (r->curve && r->n == 3) {
        float len = hypotf(r->x[1] - r->x[0], r->y[1] - r->y[0]) + hypotf(r->x[2] - r->x[1], r->y[2] - r->y[1]);
        float fs = len / PROBE_STEP; /* NaN or huge: the cap (a cast would be undefined) */
        int steps = fs < 1998 ? (int)fs + 2 : 2000;
        for (int i = 1; i < steps && nseen <= limit; i++, ob->budget--) {
            float t = (float)i / (float)steps, u = 1 - t;
            probe(ob, u * u * r->x[0] + 2 * u * t * r->x[1] + t * t * r->x[2],
                  u * u * r->y[0] + 2 * u * t * r->y[1] + t * t * r->y[2], from_box, to_box, seen, &nseen);
        }
        return nseen;
    }
    for (int k = 0; k + 1 < r->n; k++) {
        float dx = r->x[k + 1] - r->x[k], dy = r->y[k + 1] - r->y[k];
        float fs = hypotf(dx, dy) / PROBE_STEP;
        int steps = fs < 1999 ? (int)fs + 1 : 2000;
        for (int i = 0; i <= steps && nseen <= limit; i++, ob->budget--) {
            float t = (float)i / (float)steps;
            probe(ob, r->x[k] + dx * t, r->y[k] + dy * t, from_box, to_box, seen, &nseen);
        }
    }
    return nseen;
}

static float route_length(const gs_Route *r)
{
    float len = 0;
    for (int k = 0; k + 1 < r->n; k++)
        len += fabsf(r->x[k + 1] - r->x[k]) + fabsf(r->y[k + 1] - r->y[k]);
    return len;
}

/* A polyline through n points (legs of zero length left out). */
static void path(gs_Route *r, int n, const float *x, const float *y)
{
    r->n = 0;
    for (int k = 0; k < n && r->n < GS_ROUTE_MAX; k++) {
        if (r->n > 0 && r->x[r->n - 1] == x[k] && r->y[r->n - 1] == y[k])
            continue;
        r->x[r->n] = x[k];
        r->y[r->n] = y[k];
        r->n++;
    }
}

/* Keep the candidate if it meets fewer boxes than the best so far, or as
 * few on a shorter path (a bend costs a little length). */
static void consider(gs_Obstacles *ob, gs_Route *cand, int from_box, int to_box, gs_Route *best, float *best_cost)
{
    if (cand->n < 2)
        return; /* every point the same: no path */
    cand->curve = false;
    cand->crossed = crossings(ob, cand, from_box, to_box, MAX_SEEN);
    float cost = (float)cand->crossed * 1e6f + route_length(cand) + 24.0f * (float)(cand->n - 2);
    if (cost < *best_cost) {
        *best = *cand;
        *best_cost = cost;
    }
}

/* The free vertical strip nearest to the right of x (or left, dir < 0); NAN if none. */
static float lane_beside(const gs_Obstacles *ob, float x, int dir)
{
    float best = NAN;
    for (int i = 0; i < ob->nlane_x; i++) {
        float l = ob->lane_x[i];
        if (dir > 0 && l > x && (isnan(best) || l < best))
            best = l;
        if (dir < 0 && l < x && (isnan(best) || l > best))
            best = l;
    }
    return best;
}

void gs_route(gs_Obstacles *ob, float x0, float y0, gs_Rect to, int from_box, int to_box, const gs_Route *curve,
              gs_Route *out)
{
    *out = *curve;
    out->crossed = crossings(ob, curve, from_box, to_box, MAX_SEEN);
    if (out->crossed == 0 || !ob->cols || ob->budget <= 0)
        return;
    /* first the curve bent further: its control point moved by the
     * smallest offset that clears every box keeps the arrow a curve, and
     * arcs within one column stay nested (longer ones swing further out) */
    static const float off[] = { 0, 40, -40, 80, -80, 130, -130, 190, -190, 260, 340 };
    enum { NOFF = sizeof off / sizeof off[0] };
    float best_d = INFINITY;
    gs_Route bent = *curve;
    for (int i = 0; i < NOFF && ob->budget > 0; i++)
        for (int j = 0; j < NOFF; j++) {
            float d = fabsf(off[i]) + fabsf(off[j]);
            if ((i == 0 && j == 0) || d >= best_d)
                continue;
            gs_Route c = *curve;
            c.x[1] += off[i];
            c.y[1] += off[j];
            if (crossings(ob, &c, from_box, to_box, 0) == 0) {
                bent = c;
                best_d = d;
            }
        }
    if (best_d < INFINITY) {
        *out = bent;
        out->crossed = 0;
        return;
    }
    gs_Route best = *out;
    float best_cost = (float)out->crossed * 1e6f + 1e5f; /* a path has to do better than the curve */
    /* arrows into different boxes take slightly different strips, so two
     * running down the same one stay apart */
    float shift = (float)((to_box < 0 ? 0 : to_box) % 5 - 2) * 2.0f;
    float ty = to.y + to.h / 2;
    /* the free row gaps within three rows of either end (a few are enough) */
    float lanes_y[12];
    int nl = 0;
    for (int k = 0; k < ob->nlane_y && nl < 12; k++) {
        float ly = ob->lane_y0 + (float)k * ob->lane_dy;
        float lo = fminf(y0, ty) - 3 * ob->lane_dy, hi = fmaxf(y0, ty) + 3 * ob->lane_dy;
        if (ly >= lo && ly <= hi)
            lanes_y[nl++] = ly + shift * 0.5f;
    }
    gs_Route c;
    if (to.x >= x0 + 8) {
        /* into the target's left side, from the strip just left of it */
        float xa = lane_beside(ob, x0, +1), xb = lane_beside(ob, to.x, -1);
        if (isnan(xa) || isnan(xb) || xb <= x0)
            return;
        xa += shift;
        xb += shift;
        /* along the source's row, then down beside the target */
        path(&c, 4, (float[]){ x0, xb, xb, to.x }, (float[]){ y0, y0, ty, ty });
        consider(ob, &c, from_box, to_box, &best, &best_cost);
        /* down beside the source, then along the target's row */
        path(&c, 4, (float[]){ x0, xa, xa, to.x }, (float[]){ y0, y0, ty, ty });
        consider(ob, &c, from_box, to_box, &best, &best_cost);
        /* down beside the source, along a row gap, down beside the target */
        for (int k = 0; k < nl && xa < xb; k++) {
            float ly = lanes_y[k];
            path(&c, 6, (float[]){ x0, xa, xa, xb, xb, to.x }, (float[]){ y0, y0, ly, ly, ty, ty });
            consider(ob, &c, from_box, to_box, &best, &best_cost);
        }
    } else {
        /* into the target's right side, from the strip just right of it */
        float right = to.x + to.w;
        float xa = lane_beside(ob, fmaxf(x0, right), +1), xr = lane_beside(ob, right, +1);
        if (isnan(xa) || isnan(xr))
            return;
        xa += shift;
        xr += shift;
        /* a bracket down the strip beside the column (the same column, or
         * the target's strip is the source's) */
        path(&c, 4, (float[]){ x0, xa, xa, right }, (float[]){ y0, y0, ty, ty });
        consider(ob, &c, from_box, to_box, &best, &best_cost);
        /* out beside the source, back along a row gap, down beside the target */
        for (int k = 0; k < nl && xr < xa; k++) {
            float ly = lanes_y[k];
            path(&c, 6, (float[]){ x0, xa, xa, xr, xr, right }, (float[]){ y0, y0, ly, ly, ty, ty });
            consider(ob, &c, from_box, to_box, &best, &best_cost);
        }
    }
    *out = best;
}
