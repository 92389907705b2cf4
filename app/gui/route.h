/*
 * route.h — paths for the heap's arrows that go around the boxes between
 * their ends.
 *
 * An arrow drawn through a box reads as a reference to (or from) the object
 * in it, and the heap is laid out in columns (the frames' names, then one
 * column a band) of boxes in rows, so a reference from the names to a string
 * in the "not tracked" column, or from an object to one three rows below it,
 * would cross whatever sits in between.  The canvas keeps free lanes: a
 * strip between two columns, and a gap between two rows.  A route is the
 * plain curve when that is clear; else the same curve bent the least that
 * clears every box (so it stays a curve, and arcs within a column stay
 * nested); else the shortest of a few paths along the lanes (a bracket
 * down the strip beside a column, or down a strip, along a row gap and
 * down the next strip) that meets no box; else whichever meets the fewest.
 *
 * Everything here is in screen pixels; the obstacles are rebuilt each frame
 * (a grid of cells listing the boxes that overlap them, so a probe costs a
 * few comparisons however big the heap).
 */
#ifndef GS_ROUTE_H
#define GS_ROUTE_H

#include <stdbool.h>

#include "draw.h"

#define GS_ROUTE_MAX 8     /* points of a route, its ends included */
/* Probes a frame may spend looking for routes (about 40 instructions
 * each): past them, arrows are drawn as plain curves, so a dense heap
 * still draws in a few milliseconds. */
#define GS_ROUTE_BUDGET 250000

typedef struct gs_Obstacles {
    gs_Rect *box;          /* the boxes, screen pixels */
    int n, cap;
    float gx, gy, cell;    /* the grid: origin and cell size */
    int cols, rows;
    int *start;            /* cell k's boxes are idx[start[k] .. start[k + 1]) */
    int *idx;
    float lane_x[16];      /* free vertical strips (their middles) */
    int nlane_x;
    float lane_y0, lane_dy; /* free horizontal strips: lane_y0 + k * lane_dy ... */
    int nlane_y;
    long budget;           /* probes left this frame */
} gs_Obstacles;

/* A path: a polyline whose inner corners are drawn rounded (curve == false),
 * or one quadratic curve p[0] -> p[1] (control) -> p[2] (curve == true). */
typedef struct gs_Route {
    float x[GS_ROUTE_MAX], y[GS_ROUTE_MAX];
    int n;
    bool curve;
    int crossed;           /* boxes it meets (0: a clear route) */
} gs_Route;

void gs_obstacles_init(gs_Obstacles *ob);
void gs_obstacles_free(gs_Obstacles *ob);
/* Start a frame's obstacles: forget the boxes, keep the memory. */
void gs_obstacles_reset(gs_Obstacles *ob);
/* Returns the box's index, or -1 when out of memory (the box is then not avoided). */
int gs_obstacles_add(gs_Obstacles *ob, gs_Rect r);
/* Build the grid over `area` once every box is added; false when out of memory. */
bool gs_obstacles_index(gs_Obstacles *ob, gs_Rect area);

/* The route from (x0, y0) into the side of box `to` (index `to_box`, or -1
 * when it is not an obstacle) facing the way it comes from; `from_box` is
 * the box it starts in (-1: none).  `curve` is the arrow's plain curve
 * (three points), kept when it is clear. */
void gs_route(gs_Obstacles *ob, float x0, float y0, gs_Rect to, int from_box, int to_box, const gs_Route *curve,
              gs_Route *out);

#endif
