/*
 * demo_shot.h — `gcscope demo-shot`: a sample frame rendered with no display
 * (demo_shot.c).  No SDL types here, so main.c can include it freely.
 */
#ifndef GS_DEMO_SHOT_H
#define GS_DEMO_SHOT_H

/* Draw a sample frame through draw.h at w×h with no display and save it as
 * a PNG (atomically); 0, or -1 after printing why to stderr. */
int gs_demo_shot(const char *out_png, int w, int h);

/* `gcscope demo-shot -o OUT.png [--size WxH]`; returns the exit code
 * (0, or 2 for a usage error or a file that cannot be written). */
int gs_cmd_demo_shot(int argc, char **argv);

#endif
