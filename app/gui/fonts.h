/*
 * fonts.h — where the GUI's fonts are on disk.
 *
 * Order of preference, per face:
 *   1. the environment: GCSCOPE_FONT (proportional; also used for bold,
 *      which is then synthesized) and GCSCOPE_FONT_MONO;
 *   2. fontconfig: the best match for "DejaVu Sans", "DejaVu Sans:bold",
 *      "DejaVu Sans Mono" (any installed font if DejaVu is missing);
 *   3. Debian's fonts-dejavu-core files under /usr/share/fonts/truetype/dejavu.
 * Every path returned names a readable file.  No SDL here.
 */
#ifndef GS_FONTS_H
#define GS_FONTS_H

#include <stdbool.h>
#include <stddef.h>

enum { GS_FONT_PATH_MAX = 1024 };

typedef struct gs_FontPaths {
    char regular[GS_FONT_PATH_MAX]; /* proportional */
    char bold[GS_FONT_PATH_MAX];    /* proportional bold; may equal regular */
    char mono[GS_FONT_PATH_MAX];    /* monospace */
    bool synth_bold;                /* bold is the regular file: embolden it when rendering */
} gs_FontPaths;

/* Fill `out`; 0 on success, -1 with a message in err (naming what was
 * tried) when some face cannot be found. */
int gs_fonts_find(gs_FontPaths *out, char *err, size_t errn);

#endif
