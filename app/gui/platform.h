/*
 * platform.h — the GUI's contact with the operating system through SDL:
 * the window, input translation, headless rendering and PNG output.
 *
 * Stage one of a frame is here: SDL events become draw.h's gs_Input records
 * (gs_platform_translate), so the UI never sees an SDL type and tests can
 * feed it input with no display.  Coordinates in the records are logical
 * pixels (SDL window coordinates); the render layer multiplies by `scale`.
 */
#ifndef GS_PLATFORM_H
#define GS_PLATFORM_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "draw.h"

typedef struct gs_Platform {
    SDL_Window *window;
    SDL_Renderer *renderer;
    int w, h;    /* window size in logical pixels */
    float scale; /* output pixels per logical pixel (2 on most HiDPI screens) */
} gs_Platform;

/* Initialise SDL video and open a resizable, HiDPI-aware window of w×h
 * logical pixels with a renderer (accelerated, else software).  0, or -1
 * with a message in err (nothing left open). */
int gs_platform_open(gs_Platform *p, const char *title, int w, int h, char *err, size_t errn);

/* Re-read the window size and scale (after a resize or a move to another
 * screen); true if the scale changed, so the caller can
 * gs_render_set_scale. */
bool gs_platform_refresh(gs_Platform *p);

/* Destroy the renderer and window and quit SDL video. */
void gs_platform_close(gs_Platform *p);

/* Map one SDL event to an input record; false if the UI has no use for it.
 * A key that types a character yields two records, GS_IN_KEY (from
 * SDL_KEYDOWN, e.g. Shift+'/' as GS_KEY_QUESTION) and GS_IN_TEXT ("?"):
 * the UI acts on keys and feeds text only to a focused text field.
 * The event keeps its own memory: for SDL_DROPFILE the caller still
 * SDL_free()s e->drop.file (gs_platform_poll does). */
bool gs_platform_translate(const SDL_Event *e, gs_Input *in);

/* The next input record from SDL's queue, skipping events the UI ignores;
 * false when the queue is empty. */
bool gs_platform_poll(gs_Input *in);
/* Block until an input arrives or `ms` milliseconds pass (an idle window
 * need not draw). */
void gs_platform_wait(int ms);

/* ------------------------------------------------------------------ headless */

/* A software renderer drawing into a new w×h 32-bit surface with alpha
 * (SDL_PIXELFORMAT_ARGB8888; read pixels with SDL_GetRGBA), needing no
 * display: SDL_VIDEODRIVER defaults to "offscreen" (then "dummy") if unset.
 * 0, or -1 with SDL_GetError() set.  Release with gs_platform_offscreen_close. */
int gs_platform_offscreen(int w, int h, SDL_Renderer **out, SDL_Surface **target);
void gs_platform_offscreen_close(SDL_Renderer *r, SDL_Surface *target);

/* Write `s` as a PNG at `path` atomically: a temporary file in the same
 * directory, then rename; on failure nothing is left behind and err says
 * why.  0 or -1. */
int gs_platform_save_png(SDL_Surface *s, const char *path, char *err, size_t errn);

#endif
