/*
 * theme.c — the viewer's palette: built-in defaults, overridden by a JSON
 * theme file.  Colours are "#RRGGBB"; unknown names are refused so a typo
 * does not silently leave the default in place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "app.h"
#include "ui.h"

static const gs_Color defaults[GS_THEME_N] = {
    [GS_THEME_BG] = { 0xF4, 0xF3, 0xEF, 255 },
    [GS_THEME_PANEL] = { 0xFF, 0xFF, 0xFF, 255 },
    [GS_THEME_PANEL_ALT] = { 0xFA, 0xF9, 0xF6, 255 },
    [GS_THEME_BORDER] = { 0xD6, 0xD3, 0xCB, 255 },
    [GS_THEME_TEXT] = { 0x1F, 0x23, 0x28, 255 },
    [GS_THEME_MUTED] = { 0x6B, 0x70, 0x78, 255 },
    [GS_THEME_FAINT] = { 0xA9, 0xAD, 0xB3, 255 },
    [GS_THEME_ORANGE] = { 0xE6, 0x9F, 0x00, 255 },
    [GS_THEME_SKY] = { 0x56, 0xB4, 0xE9, 255 },
    [GS_THEME_GREEN] = { 0x00, 0x9E, 0x73, 255 },
    [GS_THEME_BLUE] = { 0x00, 0x72, 0xB2, 255 },
    [GS_THEME_VERMILLION] = { 0xD5, 0x5E, 0x00, 255 },
    [GS_THEME_PURPLE] = { 0xCC, 0x79, 0xA7, 255 },
    [GS_THEME_CURRENT] = { 0xFF, 0xF1, 0xB8, 255 },
    [GS_THEME_TOOLBAR] = { 0x2B, 0x30, 0x38, 255 },
    [GS_THEME_TOOLBAR_TEXT] = { 0xF2, 0xF2, 0xF2, 255 },
    [GS_THEME_UNREACHABLE] = { 0xE4, 0xE4, 0xE4, 255 },
    [GS_THEME_TOP_FRAME] = { 0xFF, 0xFB, 0xE8, 255 },
    [GS_THEME_FREED] = { 0xE0, 0xE0, 0xE0, 255 },
    [GS_THEME_TRACK] = { 0xEE, 0xEC, 0xE6, 255 },
    [GS_THEME_BUTTON] = { 0x36, 0x3C, 0x45, 255 },
    [GS_THEME_BUTTON_HOVER] = { 0x45, 0x4C, 0x57, 255 },
    [GS_THEME_SCRUB] = { 0xE9, 0xE6, 0xDE, 255 },
    [GS_THEME_STATUS] = { 0xE8, 0xE6, 0xE0, 255 },
    [GS_THEME_PROMPT] = { 0xFF, 0xFB, 0xEE, 255 },
    [GS_THEME_ERROR_BG] = { 0xFF, 0xF0, 0xE8, 255 },
};

gs_Color gs_theme[GS_THEME_N] = {
    [GS_THEME_BG] = { 0xF4, 0xF3, 0xEF, 255 },
    [GS_THEME_PANEL] = { 0xFF, 0xFF, 0xFF, 255 },
    [GS_THEME_PANEL_ALT] = { 0xFA, 0xF9, 0xF6, 255 },
    [GS_THEME_BORDER] = { 0xD6, 0xD3, 0xCB, 255 },
    [GS_THEME_TEXT] = { 0x1F, 0x23, 0x28, 255 },
    [GS_THEME_MUTED] = { 0x6B, 0x70, 0x78, 255 },
    [GS_THEME_FAINT] = { 0xA9, 0xAD, 0xB3, 255 },
    [GS_THEME_ORANGE] = { 0xE6, 0x9F, 0x00, 255 },
    [GS_THEME_SKY] = { 0x56, 0xB4, 0xE9, 255 },
    [GS_THEME_GREEN] = { 0x00, 0x9E, 0x73, 255 },
    [GS_THEME_BLUE] = { 0x00, 0x72, 0xB2, 255 },
    [GS_THEME_VERMILLION] = { 0xD5, 0x5E, 0x00, 255 },
    [GS_THEME_PURPLE] = { 0xCC, 0x79, 0xA7, 255 },
    [GS_THEME_CURRENT] = { 0xFF, 0xF1, 0xB8, 255 },
    [GS_THEME_TOOLBAR] = { 0x2B, 0x30, 0x38, 255 },
    [GS_THEME_TOOLBAR_TEXT] = { 0xF2, 0xF2, 0xF2, 255 },
    [GS_THEME_UNREACHABLE] = { 0xE4, 0xE4, 0xE4, 255 },
    [GS_THEME_TOP_FRAME] = { 0xFF, 0xFB, 0xE8, 255 },
    [GS_THEME_FREED] = { 0xE0, 0xE0, 0xE0, 255 },
    [GS_THEME_TRACK] = { 0xEE, 0xEC, 0xE6, 255 },
    [GS_THEME_BUTTON] = { 0x36, 0x3C, 0x45, 255 },
    [GS_THEME_BUTTON_HOVER] = { 0x45, 0x4C, 0x57, 255 },
    [GS_THEME_SCRUB] = { 0xE9, 0xE6, 0xDE, 255 },
    [GS_THEME_STATUS] = { 0xE8, 0xE6, 0xE0, 255 },
    [GS_THEME_PROMPT] = { 0xFF, 0xFB, 0xEE, 255 },
    [GS_THEME_ERROR_BG] = { 0xFF, 0xF0, 0xE8, 255 },
};

const char *const gs_theme_names[GS_THEME_N] = {
    [GS_THEME_BG] = "background",
    [GS_THEME_PANEL] = "panel",
    [GS_THEME_PANEL_ALT] = "panel_alt",
    [GS_THEME_BORDER] = "border",
    [GS_THEME_TEXT] = "text",
    [GS_THEME_MUTED] = "muted",
    [GS_THEME_FAINT] = "faint",
    [GS_THEME_ORANGE] = "orange",
    [GS_THEME_SKY] = "sky_blue",
    [GS_THEME_GREEN] = "bluish_green",
    [GS_THEME_BLUE] = "blue",
    [GS_THEME_VERMILLION] = "vermillion",
    [GS_THEME_PURPLE] = "reddish_purple",
    [GS_THEME_CURRENT] = "current_line",
    [GS_THEME_TOOLBAR] = "toolbar",
    [GS_THEME_TOOLBAR_TEXT] = "toolbar_text",
    [GS_THEME_UNREACHABLE] = "unreachable",
    [GS_THEME_TOP_FRAME] = "top_frame",
    [GS_THEME_FREED] = "freed",
    [GS_THEME_TRACK] = "track",
    [GS_THEME_BUTTON] = "button",
    [GS_THEME_BUTTON_HOVER] = "button_hover",
    [GS_THEME_SCRUB] = "scrubber",
    [GS_THEME_STATUS] = "status_bar",
    [GS_THEME_PROMPT] = "prompt",
    [GS_THEME_ERROR_BG] = "error_panel",
};

void gs_theme_reset(void)
{
    memcpy(gs_theme, defaults, sizeof gs_theme);
}

static int hex(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool parse_color(const char *s, gs_Color *c)
{
    if (!s || s[0] != '#' || strlen(s) != 7)
        return false;
    int v[6];
    for (int i = 0; i < 6; i++)
        if ((v[i] = hex((unsigned char)s[i + 1])) < 0)
            return false;
    *c = (gs_Color){ (uint8_t)(v[0] * 16 + v[1]), (uint8_t)(v[2] * 16 + v[3]), (uint8_t)(v[4] * 16 + v[5]), 255 };
    return true;
}

int gs_theme_load(const char *path, char *err, size_t n)
{
    size_t len;
    char *text = gs_app_read_file(path, &len);
    if (!text) {
        snprintf(err, n, "%s: cannot read the theme: %m", path);
        return -1;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        int line = 1, col = 1;
        for (const char *p = text; at && p < at && p < text + len; p++) {
            if (*p == '\n') {
                line++;
                col = 1;
            } else
                col++;
        }
        snprintf(err, n, "%s:%d:%d: the theme is not valid JSON", path, line, col);
        free(text);
        return -1;
    }
    free(text);
    gs_Color next[GS_THEME_N];
    memcpy(next, gs_theme, sizeof next);
    int rc = 0;
    const cJSON *colors = cJSON_GetObjectItemCaseSensitive(root, "colors");
    if (!cJSON_IsObject(root) || !cJSON_IsObject(colors)) {
        snprintf(err, n, "%s: a theme is an object with a \"colors\" object inside", path);
        rc = -1;
    }
    const cJSON *item;
    if (rc == 0)
        cJSON_ArrayForEach(item, colors) {
            int k = 0;
            while (k < GS_THEME_N && strcmp(gs_theme_names[k], item->string) != 0)
                k++;
            if (k == GS_THEME_N) {
                snprintf(err, n, "%s: colors.%s: no such colour (see the names in assets/theme.json)", path,
                         item->string);
                rc = -1;
                break;
            }
            if (!parse_color(cJSON_GetStringValue(item), &next[k])) {
                snprintf(err, n, "%s: colors.%s: expected a colour like \"#56B4E9\"", path, item->string);
                rc = -1;
                break;
            }
        }
    cJSON_Delete(root);
    if (rc == 0)
        memcpy(gs_theme, next, sizeof gs_theme);
    return rc;
}
