/*
 * draw.c — the draw command list (see draw.h): two growable arrays, one of
 * commands and one of the text bytes they point into.  No SDL here; the UI
 * fills a list, render.c executes it, tests read it.
 *
 * Invariant: every text command's [text_off, text_off + text_len) lies inside
 * text[0, ntext), and text[text_off + text_len] is a NUL, so
 * gs_draw_text_of() can be printed as a C string.
 *
 * Allocation failure drops the command (the frame draws without it) rather
 * than aborting: a missing label is better than a crashed viewer, and the next
 * frame retries.
 */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

void gs_draw_init(gs_DrawList *l)
{
    memset(l, 0, sizeof *l);
}

void gs_draw_reset(gs_DrawList *l)
{
    l->n = 0;
    l->ntext = 0;
}

void gs_draw_free(gs_DrawList *l)
{
    free(l->cmds);
    free(l->text);
    gs_draw_init(l);
}

/* A zeroed command appended to the list, or NULL when memory ran out. */
static gs_DrawCmd *push(gs_DrawList *l, gs_DrawKind kind, gs_Color c, uint32_t tag)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        gs_DrawCmd *nc = realloc(l->cmds, cap * sizeof *nc);
        if (!nc)
            return NULL;
        l->cmds = nc;
        l->cap = cap;
    }
    gs_DrawCmd *cmd = &l->cmds[l->n++];
    memset(cmd, 0, sizeof *cmd);
    cmd->kind = (uint8_t)kind;
    cmd->color = c;
    cmd->tag = tag;
    return cmd;
}

void gs_draw_rect(gs_DrawList *l, gs_Rect r, gs_Color c, float radius, uint32_t tag)
{
    gs_DrawCmd *cmd = push(l, GS_DRAW_RECT, c, tag);
    if (!cmd)
        return;
    cmd->rect = r;
    cmd->radius = radius;
}

void gs_draw_rect_line(gs_DrawList *l, gs_Rect r, gs_Color c, float radius, float thickness, uint32_t tag)
{
    gs_DrawCmd *cmd = push(l, GS_DRAW_RECT_LINE, c, tag);
    if (!cmd)
        return;
    cmd->rect = r;
    cmd->radius = radius;
    cmd->thickness = thickness;
}

void gs_draw_line(gs_DrawList *l, float x0, float y0, float x1, float y1, gs_Color c, float thickness, uint32_t tag)
{
    gs_DrawCmd *cmd = push(l, GS_DRAW_LINE, c, tag);
    if (!cmd)
        return;
    cmd->x0 = x0;
    cmd->y0 = y0;
    cmd->x1 = x1;
    cmd->y1 = y1;
    cmd->thickness = thickness;
}

void gs_draw_curve(gs_DrawList *l, float x0, float y0, float cx, float cy, float x1, float y1, gs_Color c,
                   float thickness, uint32_t tag)
{
    gs_DrawCmd *cmd = push(l, GS_DRAW_CURVE, c, tag);
    if (!cmd)
        return;
    cmd->x0 = x0;
    cmd->y0 = y0;
    cmd->x1 = cx;
    cmd->y1 = cy;
    cmd->x2 = x1;
    cmd->y2 = y1;
    cmd->thickness = thickness;
}

void gs_draw_triangle(gs_DrawList *l, float x0, float y0, float x1, float y1, float x2, float y2, gs_Color c,
                      uint32_t tag)
{
    gs_DrawCmd *cmd = push(l, GS_DRAW_TRIANGLE, c, tag);
    if (!cmd)
        return;
    cmd->x0 = x0;
    cmd->y0 = y0;
    cmd->x1 = x1;
    cmd->y1 = y1;
    cmd->x2 = x2;
    cmd->y2 = y2;
}

void gs_draw_circle(gs_DrawList *l, float x, float y, float r, gs_Color c, uint32_t tag)
{
    gs_DrawCmd *cmd = push(l, GS_DRAW_CIRCLE, c, tag);
    if (!cmd)
        return;
    cmd->x0 = x;
    cmd->y0 = y;
    cmd->radius = r;
}

/* Text longer than a command can say (uint16_t) is cut at a UTF-8 boundary;
 * nothing on screen is 64 KiB wide. */
void gs_draw_text(gs_DrawList *l, gs_FontId font, float x, float y, const char *s, size_t len, gs_Color c,
                  uint32_t tag)
{
    if (!s)
        len = 0;
    if (len > UINT16_MAX) {
        len = UINT16_MAX;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    if (l->ntext + len + 1 > UINT32_MAX)
        return;
    if (l->ntext + len + 1 > l->captext) {
        size_t cap = l->captext ? l->captext : 4096;
        while (cap < l->ntext + len + 1)
            cap *= 2;
        char *nt = realloc(l->text, cap);
        if (!nt)
            return;
        l->text = nt;
        l->captext = cap;
    }
    gs_DrawCmd *cmd = push(l, GS_DRAW_TEXT, c, tag);
    if (!cmd)
        return;
    cmd->font = (uint8_t)(font < GS_FONT_COUNT ? font : GS_FONT_UI);
    cmd->x0 = x;
    cmd->y0 = y;
    cmd->text_off = (uint32_t)l->ntext;
    cmd->text_len = (uint16_t)len;
    if (len)
        memcpy(l->text + l->ntext, s, len);
    l->text[l->ntext + len] = '\0';
    l->ntext += len + 1;
}

void gs_draw_clip(gs_DrawList *l, gs_Rect r)
{
    gs_DrawCmd *cmd = push(l, GS_DRAW_CLIP, (gs_Color){0, 0, 0, 0}, 0);
    if (!cmd)
        return;
    cmd->rect = r;
}

const char *gs_draw_text_of(const gs_DrawList *l, const gs_DrawCmd *c)
{
    if (c->kind != GS_DRAW_TEXT || !l->text)
        return "";
    return l->text + c->text_off;
}
