/*
 * theme.c — the viewer's palette and key bindings (a gs_Theme, part of the
 * UI's state): built-in defaults, overridden by a JSON theme file.  Colours
 * are "#RRGGBB"; unknown names are refused so a typo does not silently
 * leave the default in place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "app.h"
#include "ui.h"

#define DEFAULT_COLORS \
    [GS_THEME_BG] = { 0xF4, 0xF3, 0xEF, 255 }, \
    [GS_THEME_PANEL] = { 0xFF, 0xFF, 0xFF, 255 }, \
    [GS_THEME_PANEL_ALT] = { 0xFA, 0xF9, 0xF6, 255 }, \
    [GS_THEME_BORDER] = { 0xD6, 0xD3, 0xCB, 255 }, \
    [GS_THEME_TEXT] = { 0x1F, 0x23, 0x28, 255 }, \
    [GS_THEME_MUTED] = { 0x6B, 0x70, 0x78, 255 }, \
    [GS_THEME_FAINT] = { 0xA9, 0xAD, 0xB3, 255 }, \
    [GS_THEME_ORANGE] = { 0xE6, 0x9F, 0x00, 255 }, \
    [GS_THEME_SKY] = { 0x56, 0xB4, 0xE9, 255 }, \
    [GS_THEME_GREEN] = { 0x00, 0x9E, 0x73, 255 }, \
    [GS_THEME_BLUE] = { 0x00, 0x72, 0xB2, 255 }, \
    [GS_THEME_VERMILLION] = { 0xD5, 0x5E, 0x00, 255 }, \
    [GS_THEME_PURPLE] = { 0xCC, 0x79, 0xA7, 255 }, \
    [GS_THEME_CURRENT] = { 0xFF, 0xF1, 0xB8, 255 }, \
    [GS_THEME_TOOLBAR] = { 0x2B, 0x30, 0x38, 255 }, \
    [GS_THEME_TOOLBAR_TEXT] = { 0xF2, 0xF2, 0xF2, 255 }, \
    [GS_THEME_UNREACHABLE] = { 0xE4, 0xE4, 0xE4, 255 }, \
    [GS_THEME_TOP_FRAME] = { 0xFF, 0xFB, 0xE8, 255 }, \
    [GS_THEME_FREED] = { 0xE0, 0xE0, 0xE0, 255 }, \
    [GS_THEME_TRACK] = { 0xEE, 0xEC, 0xE6, 255 }, \
    [GS_THEME_BUTTON] = { 0x36, 0x3C, 0x45, 255 }, \
    [GS_THEME_BUTTON_HOVER] = { 0x45, 0x4C, 0x57, 255 }, \
    [GS_THEME_SCRUB] = { 0xE9, 0xE6, 0xDE, 255 }, \
    [GS_THEME_STATUS] = { 0xE8, 0xE6, 0xE0, 255 }, \
    [GS_THEME_PROMPT] = { 0xFF, 0xFB, 0xEE, 255 }, \
    [GS_THEME_ERROR_BG] = { 0xFF, 0xF0, 0xE8, 255 },

static const gs_Color default_colors[GS_THEME_N] = { DEFAULT_COLORS };

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


/* ================================================================== keys */

const char *const gs_command_names[GS_CMD_COUNT] = {
    [GS_CMD_NONE] = "none",
    [GS_CMD_STEP_FWD] = "step_forward",
    [GS_CMD_STEP_BACK] = "step_back",
    [GS_CMD_NEXT_LINE] = "next_line",
    [GS_CMD_PREV_LINE] = "previous_line",
    [GS_CMD_STEP_INTO] = "step_into",
    [GS_CMD_STEP_OUT] = "step_out",
    [GS_CMD_CONTINUE] = "continue",
    [GS_CMD_REVERSE_CONTINUE] = "reverse_continue",
    [GS_CMD_BREAKPOINT] = "toggle_breakpoint",
    [GS_CMD_NEXT_GC] = "next_collection",
    [GS_CMD_PREV_GC] = "previous_collection",
    [GS_CMD_NEXT_PHASE] = "next_phase",
    [GS_CMD_PREV_PHASE] = "previous_phase",
    [GS_CMD_HOME] = "first_event",
    [GS_CMD_END] = "last_event",
    [GS_CMD_PLAY_PAUSE] = "play_pause",
    [GS_CMD_FASTER] = "faster",
    [GS_CMD_SLOWER] = "slower",
    [GS_CMD_WATCH] = "watch_selected",
    [GS_CMD_FIT] = "fit",
    [GS_CMD_ZOOM_IN] = "zoom_in",
    [GS_CMD_ZOOM_OUT] = "zoom_out",
    [GS_CMD_PRIMITIVES] = "toggle_primitives",
    [GS_CMD_DEFINITIONS] = "toggle_definitions",
    [GS_CMD_SIZES] = "toggle_sizes",
    [GS_CMD_MARK] = "mark_step",
    [GS_CMD_NEXT_TAB] = "next_bottom_tab",
    [GS_CMD_EXPORT] = "export_trace",
    [GS_CMD_SCREENSHOT] = "screenshot",
    [GS_CMD_RELOAD] = "reload",
    [GS_CMD_LEGEND] = "legend",
    [GS_CMD_HELP] = "help",
    [GS_CMD_BACK] = "back",
    [GS_CMD_QUIT] = "quit",
};

static const struct {
    int cmd;
    const char *key;
} default_keys[] = {
    { GS_CMD_STEP_FWD, "Right" },
    { GS_CMD_STEP_BACK, "Left" },
    { GS_CMD_NEXT_LINE, "F10" },
    { GS_CMD_NEXT_LINE, "Ctrl+Right" },
    { GS_CMD_PREV_LINE, "Shift+F10" },
    { GS_CMD_PREV_LINE, "Ctrl+Left" },
    { GS_CMD_STEP_INTO, "F11" },
    { GS_CMD_STEP_OUT, "Shift+F11" },
    { GS_CMD_CONTINUE, "F5" },
    { GS_CMD_REVERSE_CONTINUE, "Shift+F5" },
    { GS_CMD_BREAKPOINT, "F9" },
    { GS_CMD_NEXT_GC, "G" },
    { GS_CMD_PREV_GC, "Shift+G" },
    { GS_CMD_NEXT_PHASE, "P" },
    { GS_CMD_PREV_PHASE, "Shift+P" },
    { GS_CMD_HOME, "Home" },
    { GS_CMD_END, "End" },
    { GS_CMD_PLAY_PAUSE, "Space" },
    { GS_CMD_FASTER, "+" },
    { GS_CMD_SLOWER, "-" },
    { GS_CMD_WATCH, "W" },
    { GS_CMD_FIT, "F" },
    { GS_CMD_ZOOM_IN, "Ctrl++" },
    { GS_CMD_ZOOM_OUT, "Ctrl+-" },
    { GS_CMD_PRIMITIVES, "H" },
    { GS_CMD_DEFINITIONS, "D" },
    { GS_CMD_SIZES, "B" },
    { GS_CMD_MARK, "M" },
    { GS_CMD_NEXT_TAB, "T" },
    { GS_CMD_EXPORT, "Ctrl+S" },
    { GS_CMD_SCREENSHOT, "Ctrl+P" },
    { GS_CMD_RELOAD, "R" },
    { GS_CMD_LEGEND, "L" },
    { GS_CMD_HELP, "?" },
    { GS_CMD_BACK, "Escape" },
    { GS_CMD_QUIT, "Ctrl+Q" },
};


static const struct {
    const char *name, *shown;
    int key;
} key_names[] = {
    { "Left", "←", GS_KEY_LEFT },       { "Right", "→", GS_KEY_RIGHT },      { "Up", "↑", GS_KEY_UP },
    { "Down", "↓", GS_KEY_DOWN },       { "Home", "Home", GS_KEY_HOME },     { "End", "End", GS_KEY_END },
    { "PageUp", "PageUp", GS_KEY_PAGEUP }, { "PageDown", "PageDown", GS_KEY_PAGEDOWN },
    { "Space", "Space", GS_KEY_SPACE }, { "Enter", "Enter", GS_KEY_ENTER }, { "Escape", "Esc", GS_KEY_ESCAPE },
    { "Esc", "Esc", GS_KEY_ESCAPE },    { "Tab", "Tab", GS_KEY_TAB },        { "Backspace", "Backspace", GS_KEY_BACKSPACE },
    { "+", "+", GS_KEY_PLUS },          { "Plus", "+", GS_KEY_PLUS },        { "-", "−", GS_KEY_MINUS },
    { "Minus", "−", GS_KEY_MINUS },     { "?", "?", GS_KEY_QUESTION },
};

int gs_key_parse(const char *spec, uint8_t *key, uint8_t *mods)
{
    *mods = 0;
    for (;;) {
        if (strncmp(spec, "Ctrl+", 5) == 0 && spec[5]) {
            *mods |= GS_MOD_CTRL;
            spec += 5;
        } else if (strncmp(spec, "Shift+", 6) == 0 && spec[6]) {
            *mods |= GS_MOD_SHIFT;
            spec += 6;
        } else
            break;
    }
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
        if (strcmp(spec, key_names[i].name) == 0) {
            *key = (uint8_t)key_names[i].key;
            return 0;
        }
    if (spec[0] == 'F' && spec[1] >= '1' && spec[1] <= '9') {
        int n = atoi(spec + 1);
        if (n >= 1 && n <= 12 && strlen(spec) == (n >= 10 ? 3u : 2u)) {
            *key = (uint8_t)(GS_KEY_F1 + n - 1);
            return 0;
        }
    }
    if (spec[0] && !spec[1]) {
        char c = spec[0];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c >= 'A' && c <= 'Z') {
            *key = (uint8_t)(GS_KEY_A + (c - 'A'));
            return 0;
        }
        if (c >= '0' && c <= '9') {
            *key = (uint8_t)(GS_KEY_0 + (c - '0'));
            return 0;
        }
    }
    return -1;
}

void gs_key_format(int key, unsigned mods, char *out, size_t n)
{
    char name[16] = "?";
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
        if (key_names[i].key == key) {
            snprintf(name, sizeof name, "%s", key_names[i].shown);
            break;
        }
    if (key >= GS_KEY_F1 && key <= GS_KEY_F12)
        snprintf(name, sizeof name, "F%d", key - GS_KEY_F1 + 1);
    else if (key >= GS_KEY_A && key <= GS_KEY_Z)
        snprintf(name, sizeof name, "%c", 'A' + (key - GS_KEY_A));
    else if (key >= GS_KEY_0 && key <= GS_KEY_9)
        snprintf(name, sizeof name, "%c", '0' + (key - GS_KEY_0));
    snprintf(out, n, "%s%s%s", mods & GS_MOD_CTRL ? "Ctrl+" : "", mods & GS_MOD_SHIFT ? "Shift+" : "", name);
}

void gs_theme_default(gs_Theme *t)
{
    memcpy(t->color, default_colors, sizeof t->color);
    t->nkeys = 0;
    for (size_t i = 0; i < sizeof default_keys / sizeof default_keys[0]; i++) {
        gs_KeyBinding *b = &t->keys[t->nkeys++];
        gs_key_parse(default_keys[i].key, &b->key, &b->mods);
        b->cmd = (uint8_t)default_keys[i].cmd;
    }
}

int gs_key_command(const gs_Theme *t, int key, unsigned mods)
{
    mods &= GS_MOD_CTRL | GS_MOD_SHIFT;
    /* "+", "-" and "?" need Shift on many layouts: Shift is part of the key */
    if (key == GS_KEY_PLUS || key == GS_KEY_MINUS || key == GS_KEY_QUESTION)
        mods &= ~(unsigned)GS_MOD_SHIFT;
    for (int i = 0; i < t->nkeys; i++)
        if (t->keys[i].key == key && t->keys[i].mods == mods)
            return t->keys[i].cmd;
    /* Shift+→ steps like →: Shift only matters where it is bound */
    if (mods & GS_MOD_SHIFT)
        return gs_key_command(t, key, mods & ~(unsigned)GS_MOD_SHIFT);
    return GS_CMD_NONE;
}

void gs_command_keys(const gs_Theme *t, int cmd, char *out, size_t n)
{
    size_t k = 0;
    out[0] = 0;
    for (int i = 0; i < t->nkeys && k < n; i++)
        if (t->keys[i].cmd == cmd) {
            char one[32];
            gs_key_format(t->keys[i].key, t->keys[i].mods, one, sizeof one);
            k += (size_t)snprintf(out + k, n - k, "%s%s", k ? " / " : "", one);
        }
    if (!out[0])
        snprintf(out, n, "(unbound)");
}

/* "keys": { "command": ["Key", ...], ... } replaces those commands' keys. */
static int load_keys(gs_Theme *t, const cJSON *keys, const char *path, char *err, size_t n)
{
    gs_KeyBinding next[GS_KEYMAP_MAX];
    int nnext = t->nkeys;
    memcpy(next, t->keys, sizeof next);
    const cJSON *item;
    cJSON_ArrayForEach(item, keys) {
        int cmd = 1;
        while (cmd < GS_CMD_COUNT && strcmp(gs_command_names[cmd], item->string) != 0)
            cmd++;
        if (cmd == GS_CMD_COUNT) {
            snprintf(err, n, "%s: keys.%s: no such command (see the names in assets/theme.json)", path, item->string);
            return -1;
        }
        if (!cJSON_IsArray(item)) {
            snprintf(err, n, "%s: keys.%s: expected a list of keys like [\"F10\", \"Ctrl+Right\"]", path,
                     item->string);
            return -1;
        }
        int w = 0; /* drop the command's old bindings */
        for (int i = 0; i < nnext; i++)
            if (next[i].cmd != cmd)
                next[w++] = next[i];
        nnext = w;
        const cJSON *k;
        cJSON_ArrayForEach(k, item) {
            gs_KeyBinding b = { .cmd = (uint8_t)cmd };
            const char *spec = cJSON_GetStringValue(k);
            if (!spec || gs_key_parse(spec, &b.key, &b.mods) < 0) {
                snprintf(err, n, "%s: keys.%s: '%s' is not a key (letters, digits, F1-F12, Left, Right, Home, "
                         "End, Space, Escape, +, -, ?, with Ctrl+ or Shift+)", path, item->string, spec ? spec : "?");
                return -1;
            }
            if (nnext == GS_KEYMAP_MAX) {
                snprintf(err, n, "%s: keys: more than %d bindings", path, GS_KEYMAP_MAX);
                return -1;
            }
            /* a key moves to its new command */
            w = 0;
            for (int i = 0; i < nnext; i++)
                if (next[i].key != b.key || next[i].mods != b.mods)
                    next[w++] = next[i];
            nnext = w;
            next[nnext++] = b;
        }
    }
    memcpy(t->keys, next, sizeof next);
    t->nkeys = nnext;
    return 0;
}

/* ================================================================== colours */

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

int gs_theme_load(gs_Theme *t, const char *path, char *err, size_t n)
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
    memcpy(next, t->color, sizeof next);
    int rc = 0;
    const cJSON *colors = cJSON_GetObjectItemCaseSensitive(root, "colors");
    const cJSON *keys = cJSON_GetObjectItemCaseSensitive(root, "keys");
    if (!cJSON_IsObject(root) || (colors && !cJSON_IsObject(colors)) || (keys && !cJSON_IsObject(keys))) {
        snprintf(err, n, "%s: a theme is an object with \"colors\" and \"keys\" objects inside", path);
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
    /* keys last: they are installed only if everything else was good */
    if (rc == 0 && keys)
        rc = load_keys(t, keys, path, err, n);
    cJSON_Delete(root);
    if (rc == 0)
        memcpy(t->color, next, sizeof t->color);
    return rc;
}
