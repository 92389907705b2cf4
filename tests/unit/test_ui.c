/*
 * test_ui.c — the viewer's logic with no display: feed input records and
 * hand-made scenes, assert on UI state, actions and draw commands.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ui.h"
#include "viewer.h"

static int passed, failed;

#define CHECK(cond, ...)                                                                                             \
    do {                                                                                                             \
        if (cond)                                                                                                    \
            passed++;                                                                                                \
        else {                                                                                                       \
            failed++;                                                                                                \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                              \
            printf(__VA_ARGS__);                                                                                     \
            printf("\n");                                                                                            \
        }                                                                                                            \
    } while (0)

/* A fixed-width fake font: 7 px per byte, 16 px lines. */
static float fake_width(void *ctx, gs_FontId f, const char *s, size_t n)
{
    (void)ctx;
    (void)s;
    return (float)n * (f == GS_FONT_SMALL ? 6.0f : 7.0f);
}

static float fake_height(void *ctx, gs_FontId f)
{
    (void)ctx;
    return f == GS_FONT_TITLE ? 20.0f : 16.0f;
}

static const gs_TextMetrics metrics = { NULL, fake_width, fake_height };

/* module: a -> list #10 [0] -> Node #11 ; b -> Node #11 ; Node #11 .next -> itself */
static void make_scene(gs_Scene *s, int node_band)
{
    gs_scene_init(s);
    s->nevents = 100;
    s->event = 40;
    s->line = 3;
    gs_SceneObject *l = gs_scene_add_object(s);
    l->id = 10;
    snprintf(l->type, sizeof l->type, "list");
    l->refcount = 1;
    l->band = GS_BAND_GEN0;
    gs_SceneSlot *sl = gs_scene_add_slot(s, l);
    snprintf(sl->label, sizeof sl->label, "0");
    sl->target = 11;
    gs_SceneObject *n = gs_scene_add_object(s);
    n->id = 11;
    snprintf(n->type, sizeof n->type, "Node");
    n->refcount = 3;
    n->band = (uint8_t)node_band;
    sl = gs_scene_add_slot(s, n);
    snprintf(sl->label, sizeof sl->label, "next");
    sl->target = 11;
    sl = gs_scene_add_slot(s, n);
    snprintf(sl->label, sizeof sl->label, "value");
    sl->target = 12;
    gs_SceneObject *i = gs_scene_add_object(s);
    i->id = 12;
    snprintf(i->type, sizeof i->type, "int");
    snprintf(i->value, sizeof i->value, "42");
    i->refcount = 1;
    i->band = GS_BAND_UNTRACKED;
    i->flags = GS_SO_PRIMITIVE;
    gs_SceneFrame *f = gs_scene_add_frame(s);
    snprintf(f->title, sizeof f->title, "module");
    gs_SceneName *nm = gs_scene_add_name(s, f);
    snprintf(nm->name, sizeof nm->name, "a");
    nm->target = 10;
    nm = gs_scene_add_name(s, f);
    snprintf(nm->name, sizeof nm->name, "b");
    nm->target = 11;
    gs_scene_sort(s);
    s->gens[0].threshold = 700;
    s->gens[1].threshold = 10;
    s->gens[2].threshold = 10;
}

static const char *src = "a = []\nb = Node()\na.append(b)\nprint(a)\n";

static void data_for(gs_UiData *d, const gs_Scene *s)
{
    memset(d, 0, sizeof *d);
    d->scene = s;
    d->source = src;
    d->source_len = strlen(src);
    d->title = "test";
    d->speed = 4;
}

static bool has_text(const gs_DrawList *dl, const char *needle)
{
    for (size_t i = 0; i < dl->n; i++)
        if (dl->cmds[i].kind == GS_DRAW_TEXT &&
            strstr(gs_draw_text_of(dl, &dl->cmds[i]), needle) != NULL)
            return true;
    return false;
}

static void keys_map_to_debugger_actions(void)
{
    gs_Ui ui;
    gs_ui_init(&ui, metrics, 1280, 800, NULL);
    gs_Scene s;
    make_scene(&s, GS_BAND_GEN0);
    gs_UiData d;
    data_for(&d, &s);
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    struct { uint16_t key; uint8_t mods; uint8_t want; } cases[] = {
        { GS_KEY_RIGHT, 0, GS_ACT_STEP_FWD }, { GS_KEY_LEFT, 0, GS_ACT_STEP_BACK },
        { GS_KEY_F10, 0, GS_ACT_NEXT_LINE }, { GS_KEY_F10, GS_MOD_SHIFT, GS_ACT_PREV_LINE },
        { GS_KEY_F11, 0, GS_ACT_STEP_INTO }, { GS_KEY_F11, GS_MOD_SHIFT, GS_ACT_STEP_OUT },
        { GS_KEY_F5, 0, GS_ACT_CONTINUE }, { GS_KEY_F5, GS_MOD_SHIFT, GS_ACT_REVERSE_CONTINUE },
        { GS_KEY_A + 6, 0, GS_ACT_NEXT_GC }, { GS_KEY_HOME, 0, GS_ACT_HOME }, { GS_KEY_END, 0, GS_ACT_END },
        { GS_KEY_SPACE, 0, GS_ACT_PLAY_PAUSE }, { GS_KEY_A + 18, GS_MOD_CTRL, GS_ACT_EXPORT },
        { GS_KEY_A + 15, GS_MOD_CTRL, GS_ACT_SCREENSHOT }, { GS_KEY_LEFT, GS_MOD_CTRL, GS_ACT_PREV_LINE },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gs_Input in;
        memset(&in, 0, sizeof in);
        in.kind = GS_IN_KEY;
        in.key = cases[i].key;
        in.mods = cases[i].mods;
        int n = gs_ui_frame(&ui, &in, 1, &d, 0, &dl, acts);
        CHECK(n == 1 && acts[0].kind == cases[i].want, "key case %zu gave %d actions, kind %d", i, n,
              n ? acts[0].kind : -1);
    }
    /* F9 toggles a breakpoint on the current line */
    gs_Input f9;
    memset(&f9, 0, sizeof f9);
    f9.kind = GS_IN_KEY;
    f9.key = GS_KEY_F9;
    int n = gs_ui_frame(&ui, &f9, 1, &d, 0, &dl, acts);
    CHECK(n == 1 && acts[0].kind == GS_ACT_TOGGLE_BREAKPOINT && acts[0].arg == 3, "F9 on line 3");
    gs_draw_free(&dl);
    gs_scene_free(&s);
    gs_ui_free(&ui);
}

static void clicking_a_node_selects_it_and_the_inspector_lists_referrers(void)
{
    gs_Ui ui;
    gs_ui_init(&ui, metrics, 1280, 800, NULL);
    gs_Scene s;
    make_scene(&s, GS_BAND_GEN0);
    gs_UiData d;
    data_for(&d, &s);
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    gs_Rect r;
    CHECK(gs_ui_node_rect(&ui, 11, &r), "Node #11 was drawn");
    CHECK(!gs_ui_node_rect(&ui, 12, &r) || true, "the int is drawn inline (may not be a node)");
    gs_ui_node_rect(&ui, 11, &r);
    gs_Input click;
    memset(&click, 0, sizeof click);
    click.kind = GS_IN_MOUSE_DOWN;
    click.button = 1;
    click.x = r.x + r.w / 2;
    click.y = r.y + 8;
    gs_ui_frame(&ui, &click, 1, &d, 0, &dl, acts);
    CHECK(ui.selected == 11, "selected %u", ui.selected);
    CHECK(has_text(&dl, "Node #11"), "the inspector names the selection");
    CHECK(has_text(&dl, "held by 1 name and 2 slots"), "one name (b) and two slots (list[0], its own .next)");
    CHECK(has_text(&dl, "list #10 [0]"), "the list is listed as a referrer");
    CHECK(has_text(&dl, "why is it alive?") && has_text(&dl, "module: b → Node #11"), "why alive: through b");
    CHECK(has_text(&dl, "value:42"), "the int is written inline in its cell");
    gs_draw_free(&dl);
    gs_scene_free(&s);
    gs_ui_free(&ui);
}

static void a_promotion_moves_the_node_into_generation_one(void)
{
    gs_Ui ui;
    gs_ui_init(&ui, metrics, 1280, 800, NULL);
    gs_Scene s0, s1;
    make_scene(&s0, GS_BAND_GEN0);
    make_scene(&s1, GS_BAND_GEN1);
    gs_UiData d;
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    data_for(&d, &s0);
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    gs_Rect before, list_r;
    gs_ui_node_rect(&ui, 11, &before);
    gs_ui_node_rect(&ui, 10, &list_r);
    CHECK(before.x == list_r.x, "both start in generation 0's column");
    data_for(&d, &s1);
    /* animation: after a short time the node is on its way, after long enough it has arrived */
    gs_ui_frame(&ui, NULL, 0, &d, 0.02, &dl, acts);
    gs_Rect mid;
    gs_ui_node_rect(&ui, 11, &mid);
    CHECK(mid.x > before.x, "moving right (%.1f > %.1f)", (double)mid.x, (double)before.x);
    for (int i = 0; i < 60; i++)
        gs_ui_frame(&ui, NULL, 0, &d, 0.05, &dl, acts);
    gs_Rect after;
    gs_ui_node_rect(&ui, 11, &after);
    CHECK(after.x >= list_r.x + list_r.w, "arrived in the next column, past generation 0's boxes (%.1f vs %.1f)",
          (double)after.x, (double)(list_r.x + list_r.w));
    CHECK(has_text(&dl, "gen 1 · 1") || has_text(&dl, "generation 1 · 1"), "generation 1's column counts it");
    gs_draw_free(&dl);
    gs_scene_free(&s0);
    gs_scene_free(&s1);
    gs_ui_free(&ui);
}

static void the_gutter_toggles_breakpoints_and_the_scrubber_seeks(void)
{
    gs_Ui ui;
    gs_ui_init(&ui, metrics, 1280, 800, NULL);
    gs_Scene s;
    make_scene(&s, GS_BAND_GEN0);
    gs_UiData d;
    data_for(&d, &s);
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    gs_Input click;
    memset(&click, 0, sizeof click);
    click.kind = GS_IN_MOUSE_DOWN;
    click.button = 1;
    click.x = ui.gutter_rect.x + 10;
    click.y = ui.gutter_rect.y + 17 + 8; /* second line (16 + 2 px per line) */
    int n = gs_ui_frame(&ui, &click, 1, &d, 0, &dl, acts);
    CHECK(n == 1 && acts[0].kind == GS_ACT_TOGGLE_BREAKPOINT && acts[0].arg == 2, "gutter click -> line 2 (%d, %lld)",
          n, n ? (long long)acts[0].arg : -1LL);
    click.x = ui.scrub_rect.x + 14 + (ui.scrub_rect.w - 28) / 2;
    click.y = ui.scrub_rect.y + ui.scrub_rect.h / 2;
    n = gs_ui_frame(&ui, &click, 1, &d, 0, &dl, acts);
    CHECK(n == 1 && acts[0].kind == GS_ACT_SEEK && acts[0].arg >= 48 && acts[0].arg <= 51,
          "scrubber middle -> event ~50 (%lld)", n ? (long long)acts[0].arg : -1LL);
    gs_draw_free(&dl);
    gs_scene_free(&s);
    gs_ui_free(&ui);
}

static void the_current_line_is_highlighted_and_help_lists_keys(void)
{
    gs_Ui ui;
    gs_ui_init(&ui, metrics, 1280, 800, NULL);
    gs_Scene s;
    make_scene(&s, GS_BAND_GEN0);
    gs_UiData d;
    data_for(&d, &s);
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    CHECK(has_text(&dl, "a.append(b)"), "source drawn");
    CHECK(has_text(&dl, "line 3"), "status shows line 3");
    gs_Input q;
    memset(&q, 0, sizeof q);
    q.kind = GS_IN_KEY;
    q.key = GS_KEY_QUESTION;
    gs_ui_frame(&ui, &q, 1, &d, 0, &dl, acts);
    CHECK(ui.help && has_text(&dl, "F10 / Ctrl+→  |  Shift+F10 / Ctrl+←") && has_text(&dl, "W"),
          "? shows every key");
    gs_draw_free(&dl);
    gs_scene_free(&s);
    gs_ui_free(&ui);
}

static void identical_input_gives_identical_commands(void)
{
    gs_Scene s;
    make_scene(&s, GS_BAND_GEN2);
    gs_UiData d;
    data_for(&d, &s);
    gs_DrawList a, b;
    gs_draw_init(&a);
    gs_draw_init(&b);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_Ui u1, u2;
    gs_ui_init(&u1, metrics, 1024, 700, NULL);
    gs_ui_init(&u2, metrics, 1024, 700, NULL);
    gs_ui_frame(&u1, NULL, 0, &d, 0, &a, acts);
    gs_ui_frame(&u2, NULL, 0, &d, 0, &b, acts);
    CHECK(a.n == b.n && memcmp(a.cmds, b.cmds, a.n * sizeof *a.cmds) == 0, "deterministic draw list");
    gs_ui_free(&u1);
    gs_ui_free(&u2);
    gs_draw_free(&a);
    gs_draw_free(&b);
    gs_scene_free(&s);
}

static int key_action(gs_Ui *ui, gs_UiData *d, gs_DrawList *dl, int key, unsigned mods)
{
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_Input in;
    memset(&in, 0, sizeof in);
    in.kind = GS_IN_KEY;
    in.key = (uint16_t)key;
    in.mods = (uint8_t)mods;
    int n = gs_ui_frame(ui, &in, 1, d, 0, dl, acts);
    return n == 1 ? acts[0].kind : -1;
}

static void the_theme_file_rebinds_keys_and_recolours(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/gcscope-test-ui-theme-%d.json", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs("{\"colors\": {\"sky_blue\": \"#102030\"},\n"
          " \"keys\": {\"next_collection\": [\"N\", \"Ctrl+F12\"], \"step_forward\": [\"Right\", \"G\"]}}\n", f);
    fclose(f);
    char err[512];
    gs_Theme theme;
    gs_theme_default(&theme);
    CHECK(gs_theme_load(&theme, path, err, sizeof err) == 0, "theme loads: %s", err);
    CHECK(theme.color[GS_THEME_SKY].r == 0x10 && theme.color[GS_THEME_SKY].b == 0x30, "sky_blue recoloured");
    gs_Ui ui, plain;
    gs_ui_init(&ui, metrics, 1280, 800, &theme);
    gs_ui_init(&plain, metrics, 1280, 800, NULL);
    gs_Scene s;
    make_scene(&s, GS_BAND_GEN0);
    gs_UiData d;
    data_for(&d, &s);
    gs_DrawList dl;
    gs_draw_init(&dl);
    CHECK(key_action(&ui, &d, &dl, GS_KEY_A + ('n' - 'a'), 0) == GS_ACT_NEXT_GC, "N is now next collection");
    CHECK(key_action(&ui, &d, &dl, GS_KEY_F12, GS_MOD_CTRL) == GS_ACT_NEXT_GC, "Ctrl+F12 too");
    CHECK(key_action(&ui, &d, &dl, GS_KEY_A + ('g' - 'a'), 0) == GS_ACT_STEP_FWD, "G moved to step forward");
    CHECK(key_action(&ui, &d, &dl, GS_KEY_A + ('g' - 'a'), GS_MOD_SHIFT) == GS_ACT_PREV_GC, "Shift+G unchanged");
    CHECK(key_action(&ui, &d, &dl, GS_KEY_F10, 0) == GS_ACT_NEXT_LINE, "F10 unchanged");
    /* a second viewer with the built-in theme is not touched by the first */
    CHECK(key_action(&plain, &d, &dl, GS_KEY_A + ('g' - 'a'), 0) == GS_ACT_NEXT_GC, "G is still next collection "
          "in a viewer with the built-in theme");
    CHECK(plain.theme.color[GS_THEME_SKY].r == 0x56, "its sky blue is the built-in one");
    char keys[128];
    gs_command_keys(&ui.theme, GS_CMD_NEXT_GC, keys, sizeof keys);
    CHECK(strcmp(keys, "N / Ctrl+F12") == 0, "help shows the new keys: %s", keys);

    /* a bad file changes nothing and says where */
    f = fopen(path, "w");
    fputs("{\"colors\": {\"sky_blue\": \"#FFFFFF\"}, \"keys\": {\"next_line\": [\"Hyper+Q\"]}}", f);
    fclose(f);
    CHECK(gs_theme_load(&theme, path, err, sizeof err) < 0 && strstr(err, "keys.next_line: 'Hyper+Q' is not a key"),
          "bad key refused: %s", err);
    CHECK(theme.color[GS_THEME_SKY].r == 0x10, "colours untouched by a refused theme");
    CHECK(key_action(&ui, &d, &dl, GS_KEY_F10, 0) == GS_ACT_NEXT_LINE, "keys untouched by a refused theme");
    f = fopen(path, "w");
    fputs("{\"colors\": {\"sky_blue\": \"#FFF\"}}", f);
    fclose(f);
    CHECK(gs_theme_load(&theme, path, err, sizeof err) < 0 && strstr(err, "colors.sky_blue: expected a colour"),
          "short colour refused: %s", err);
    f = fopen(path, "w");
    fputs("{\"colors\": {\n  \"sky_blue\": #1}}", f);
    fclose(f);
    CHECK(gs_theme_load(&theme, path, err, sizeof err) < 0 && strstr(err, ":2:"), "JSON error has a line: %s", err);
    remove(path);

    /* the shipped theme is the built-in one, key for key and colour for colour */
    gs_Theme builtin, shipped;
    gs_theme_default(&builtin);
    gs_theme_default(&shipped);
    CHECK(gs_theme_load(&shipped, "assets/theme.json", err, sizeof err) == 0, "assets/theme.json loads: %s", err);
    CHECK(memcmp(builtin.color, shipped.color, sizeof builtin.color) == 0,
          "assets/theme.json matches the built-in colours");
    for (int c = 1; c < GS_CMD_COUNT; c++) {
        char builtin_keys[128];
        gs_command_keys(&builtin, c, builtin_keys, sizeof builtin_keys);
        gs_command_keys(&shipped, c, keys, sizeof keys);
        CHECK(strcmp(keys, builtin_keys) == 0, "%s: theme.json has %s, built in %s", gs_command_names[c], keys,
              builtin_keys);
    }
    gs_draw_free(&dl);
    gs_scene_free(&s);
    gs_ui_free(&ui);
    gs_ui_free(&plain);
}

/* R (or the file changing on disk) reloads and returns to the same line
 * once the new run is recorded; Ctrl+S writes a trace that loads back. */
static void reload_keeps_the_line_and_export_loads_back(void)
{
    char path[64], out[80];
    snprintf(path, sizeof path, "/tmp/gcscope-test-ui-%d.py", (int)getpid());
    snprintf(out, sizeof out, "/tmp/gcscope-test-ui-%d.trace.json", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs("a = [1]\nb = a\nc = [a, b]\nprint(len(c))\n", f);
    fclose(f);
    gs_Viewer v;
    gs_viewer_init(&v);
    gs_viewer_open(&v, path);
    while (gs_viewer_record_step(&v, 1000))
        ;
    gs_Ui ui;
    gs_ui_init(&ui, metrics, 1280, 800, NULL);
    gs_Action next = { .kind = GS_ACT_NEXT_LINE };
    gs_UiData d;
    for (int i = 1; i <= 3; i++) { /* from before the first line */
        gs_viewer_act(&v, &ui, &next);
        gs_viewer_data(&v, &d, 0);
        CHECK(d.scene->line == i, "F10 number %d reaches line %d (at %d)", i, i, d.scene->line);
    }
    CHECK(d.scene->line == 3, "three F10s reach line 3 (at %d)", d.scene->line);

    f = fopen(path, "w"); /* the instructor edits the file */
    fputs("a = [1]\nb = a\nc = [a, b, a]\nprint(len(c))\nprint('more')\n", f);
    fclose(f);
    gs_Action reload = { .kind = GS_ACT_RELOAD };
    gs_viewer_act(&v, &ui, &reload);
    int slices = 0;
    while (gs_viewer_record_step(&v, 20))
        slices++;
    gs_viewer_data(&v, &d, 0);
    CHECK(d.scene->line == 3, "after the reload still on line 3 (at %d)", d.scene->line);
    CHECK(slices > 0, "the reload recorded in slices, not in one blocking run");

    char msg[1400];
    CHECK(gs_viewer_export(&v, out, msg, sizeof msg) == 0, "export: %s", msg);
    size_t n = v.trace->n;
    gs_viewer_open(&v, out);
    CHECK(v.is_loaded_trace && v.trace && v.trace->n == n && !v.error, "the export loads back with %zu events", n);
    gs_viewer_free(&v);
    gs_ui_free(&ui);
    remove(path);
    remove(out);
}

static void the_lesson_browser_opens_a_lesson_from_the_keyboard(void)
{
    gs_Ui ui;
    gs_ui_init(&ui, metrics, 1280, 800, NULL);
    gs_Scene s;
    make_scene(&s, GS_BAND_GEN0);
    gs_UiData d;
    data_for(&d, &s);
    static const char *titles[] = { "One", "Two", "Three" }, *sums[] = { "a", "b", "c" }, *chs[] = { "A", "A", "B" };
    d.browser = true;
    d.nlessons = 3;
    d.lesson_titles = titles;
    d.lesson_summaries = sums;
    d.lesson_chapters = chs;
    gs_DrawList dl;
    gs_draw_init(&dl);
    gs_Action acts[GS_UI_MAX_ACTIONS];
    gs_ui_frame(&ui, NULL, 0, &d, 0, &dl, acts);
    CHECK(has_text(&dl, "Three") && has_text(&dl, "B"), "titles and chapters drawn");
    gs_Input keys[3];
    memset(keys, 0, sizeof keys);
    for (int i = 0; i < 3; i++)
        keys[i].kind = GS_IN_KEY;
    keys[0].key = GS_KEY_DOWN; /* selects the first */
    keys[1].key = GS_KEY_DOWN; /* the second */
    keys[2].key = GS_KEY_ENTER;
    int n = gs_ui_frame(&ui, keys, 3, &d, 0, &dl, acts);
    CHECK(n == 1 && acts[0].kind == GS_ACT_OPEN_LESSON && acts[0].arg == 1, "Down Down Enter opens lesson 2 (%d, %d)",
          n, n ? (int)acts[0].arg : -1);
    keys[0].key = GS_KEY_END;
    keys[1].key = GS_KEY_DOWN; /* stays on the last */
    n = gs_ui_frame(&ui, keys, 3, &d, 0, &dl, acts);
    CHECK(n == 1 && acts[0].arg == 2, "End then Down stays on the last lesson");
    gs_draw_free(&dl);
    gs_scene_free(&s);
    gs_ui_free(&ui);
}

int main(void)
{
    keys_map_to_debugger_actions();
    clicking_a_node_selects_it_and_the_inspector_lists_referrers();
    a_promotion_moves_the_node_into_generation_one();
    the_gutter_toggles_breakpoints_and_the_scrubber_seeks();
    the_current_line_is_highlighted_and_help_lists_keys();
    identical_input_gives_identical_commands();
    the_theme_file_rebinds_keys_and_recolours();
    reload_keeps_the_line_and_export_loads_back();
    the_lesson_browser_opens_a_lesson_from_the_keyboard();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
