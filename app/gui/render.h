/*
 * render.h — the render stage: the only code that draws with SDL.
 *
 * A gs_Render executes a gs_DrawList (draw.h) on an SDL_Renderer it borrows:
 * shapes become horizontal pixel spans drawn with SDL_RenderFillRects (the
 * software renderer fills rects fast, while its triangle rasterizer costs
 * ~1 ms per long diagonal line), text is blitted from a glyph cache.  Each
 * (font, code point) is rendered once with TTF_RenderGlyph32_Blended, in
 * white, into a texture atlas; a label is drawn by copying its glyphs, tinted
 * with SDL_SetTextureColorMod, at advances and kerning from SDL_ttf.
 *
 * Coordinates in the draw list are logical pixels; the render layer
 * multiplies them by `scale` (output pixels per logical pixel, > 1 on HiDPI
 * screens) and opens its fonts at scale × their logical size, so text stays
 * crisp instead of being stretched.
 *
 * Ownership: gs_render_create borrows the SDL_Renderer (it must outlive the
 * gs_Render) and copies the font paths; gs_render_free releases the fonts
 * and the atlas textures and nothing else.  SDL_ttf is initialised by
 * gs_render_create and released by gs_render_free (TTF_Init is reference
 * counted).
 */
#ifndef GS_RENDER_H
#define GS_RENDER_H

#include <SDL.h>

#include "draw.h"
#include "fonts.h"

typedef struct gs_Render gs_Render;

/* Logical pixel sizes of the faces in draw.h's gs_FontId. */
float gs_render_font_size(gs_FontId font);

/* A render layer for `r` at `scale`; NULL with a message in err (the font
 * file that failed and why). */
gs_Render *gs_render_create(SDL_Renderer *r, float scale, const gs_FontPaths *fonts, char *err, size_t errn);
void gs_render_free(gs_Render *rd);

/* A new scale (the window moved to another screen): reopens the fonts and
 * empties the glyph cache.  0, or -1 with a message (rd keeps its old fonts). */
int gs_render_set_scale(gs_Render *rd, float scale, char *err, size_t errn);
float gs_render_scale(const gs_Render *rd);

/* Text measurement backed by the real fonts, in logical pixels; valid while
 * rd lives.  width() of a string is exactly how far gs_render_execute
 * advances the pen over it. */
gs_TextMetrics gs_render_metrics(gs_Render *rd);

/* Fill the whole output with `c`. */
void gs_render_clear(gs_Render *rd, gs_Color c);

/* Execute every command of `l` in order, then flush SDL's command queue so a
 * surface-backed renderer's pixels are current.  The clip is reset at the
 * start and the end. */
void gs_render_execute(gs_Render *rd, const gs_DrawList *l);

/* Glyph cache figures, for tests: how many glyphs SDL_ttf has rendered since
 * creation (each (font, code point) once unless the atlas filled up), and
 * how many are cached now. */
unsigned long gs_render_glyph_renders(const gs_Render *rd);
size_t gs_render_glyphs_cached(const gs_Render *rd);

#endif
