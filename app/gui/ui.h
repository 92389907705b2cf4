/*
 * ui.h — the viewer's logic: panels, heap drawing, input -> actions.
 *
 * One frame is gs_ui_frame(): it reads input records and the data to show
 * (a gs_Scene plus the source, lesson text, output and timeline marks),
 * updates the UI's own state (selection, zoom, scroll, animation), emits
 * draw commands and returns the actions the user asked for (step, seek,
 * toggle a breakpoint...).  The app executes actions against the timeline;
 * the UI never touches the timeline or SDL, so it is tested by feeding
 * inputs and asserting on state, actions and draw commands.
 */
#ifndef GS_UI_H
#define GS_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "placement.h"
#include "scene.h"

typedef enum gs_ActionKind {
    GS_ACT_NONE,
    GS_ACT_STEP_FWD, GS_ACT_STEP_BACK,          /* one event (or one unit of the granularity) */
    GS_ACT_NEXT_LINE, GS_ACT_PREV_LINE,         /* F10 / Shift+F10 */
    GS_ACT_STEP_INTO, GS_ACT_STEP_OUT,          /* F11 / Shift+F11 */
    GS_ACT_CONTINUE, GS_ACT_REVERSE_CONTINUE,   /* F5 / Shift+F5 */
    GS_ACT_NEXT_GC, GS_ACT_PREV_GC,             /* G / Shift+G */
    GS_ACT_NEXT_PHASE, GS_ACT_PREV_PHASE,       /* P / Shift+P */
    GS_ACT_HOME, GS_ACT_END,
    GS_ACT_SEEK,                                /* arg = event index */
    GS_ACT_TOGGLE_BREAKPOINT,                   /* arg = line */
    GS_ACT_WATCH,                               /* arg = object id (0 = clear) */
    GS_ACT_PLAY_PAUSE,
    GS_ACT_SPEED,                               /* arg = +1 / -1 */
    GS_ACT_GRANULARITY,                         /* arg = 0 event, 1 line, 2 phase */
    GS_ACT_EXPORT,                              /* Ctrl+S */
    GS_ACT_SCREENSHOT,                          /* Ctrl+P */
    GS_ACT_RELOAD,                              /* R */
    GS_ACT_OPEN_LESSON,                         /* arg = index in the course */
    GS_ACT_OPEN_FILE,                           /* text = path (dropped file) */
    GS_ACT_BROWSER,                             /* back to the lesson browser */
    GS_ACT_ANSWER_PROMPT,                       /* the student answered; arg = prompt index */
    GS_ACT_CANCEL,                              /* Esc while recording */
    GS_ACT_QUIT
} gs_ActionKind;

typedef struct gs_Action {
    uint8_t kind;
    int64_t arg;
    char text[512];
} gs_Action;

#define GS_UI_MAX_ACTIONS 16

typedef enum gs_Granularity { GS_GRAN_EVENT, GS_GRAN_LINE, GS_GRAN_PHASE } gs_Granularity;

/* What the frame shows besides the scene. */
typedef struct gs_UiData {
    const gs_Scene *scene;
    const gs_Placement *placement;     /* stable rows; NULL = order by id */
    const char *title;                 /* lesson title or file name */
    const char *source;                /* program text */
    size_t source_len;
    const char *narration;             /* lesson text for the current line, or NULL */
    const char *recap;                 /* shown at the end, or NULL */
    const char *output;                /* program output up to now */
    size_t output_len;
    const uint64_t *gc_marks;          /* event index of each collection start, sorted */
    int ngc_marks;
    int gen_collections[3];            /* gc.get_stats() so far, per generation */
    int gen_collected[3], gen_uncollectable[3];
    const int *breakpoints;            /* lines */
    int nbreakpoints;
    const uint64_t *line_events;       /* event index where each breakpoint line runs (scrubber marks) */
    int nline_events;
    const char *const *event_log;      /* recent events in words, newest last */
    const uint64_t *event_log_index;
    int nevent_log;
    const int *plot;                   /* live objects per generation over time: plot[i*3 + g] */
    int nplot;
    int plot_max;
    uint32_t watch;                    /* watched object, 0 none */
    bool playing;
    int speed;                         /* events per second step index */
    gs_Granularity granularity;
    bool recording;                    /* still running the program */
    double record_progress;            /* events so far (for the progress bar) */
    const char *error;                 /* error panel text, or NULL */
    int error_line;
    const char *notice;                /* a short status message ("saved trace to ..."), or NULL */
    const char *prompt_question;       /* a prediction prompt waiting for an answer, or NULL */
    const char *prompt_answer;
    const char *prompt_explanation;
    bool prompt_revealed;
    int prompt_index;
    /* lesson browser */
    bool browser;
    const char *const *lesson_titles;
    const char *const *lesson_summaries;
    const char *const *lesson_chapters;
    int nlessons;
    float fps;
    bool show_definitions;             /* the scene includes functions and classes */
} gs_UiData;

typedef struct gs_NodeAnim {
    uint32_t id;
    float x, y;                        /* where it was drawn last frame */
    float alpha;
    float pulse;                       /* 1 right after a refcount change, decays to 0 */
    int8_t pulse_sign;
    int last_refcount;
    uint8_t band;
} gs_NodeAnim;

/* ------------------------------------------------------------------ keys
 * Every key is a binding from a key (with Ctrl/Shift) to a command; the
 * theme file's "keys" object rebinds a command by name:
 *   "keys": { "next_line": ["F10", "Ctrl+Right"], "next_collection": ["N"] } */
typedef enum gs_Command {
    GS_CMD_NONE,
    GS_CMD_STEP_FWD,
    GS_CMD_STEP_BACK,
    GS_CMD_NEXT_LINE,
    GS_CMD_PREV_LINE,
    GS_CMD_STEP_INTO,
    GS_CMD_STEP_OUT,
    GS_CMD_CONTINUE,
    GS_CMD_REVERSE_CONTINUE,
    GS_CMD_BREAKPOINT,
    GS_CMD_NEXT_GC,
    GS_CMD_PREV_GC,
    GS_CMD_NEXT_PHASE,
    GS_CMD_PREV_PHASE,
    GS_CMD_HOME,
    GS_CMD_END,
    GS_CMD_PLAY_PAUSE,
    GS_CMD_FASTER,
    GS_CMD_SLOWER,
    GS_CMD_WATCH,
    GS_CMD_FIT,
    GS_CMD_ZOOM_IN,
    GS_CMD_ZOOM_OUT,
    GS_CMD_PRIMITIVES,
    GS_CMD_DEFINITIONS,
    GS_CMD_EXPORT,
    GS_CMD_SCREENSHOT,
    GS_CMD_RELOAD,
    GS_CMD_HELP,
    GS_CMD_BACK,
    GS_CMD_QUIT,
    GS_CMD_COUNT
} gs_Command;
typedef struct gs_KeyBinding {
    uint8_t key, mods, cmd;
} gs_KeyBinding;

#define GS_KEYMAP_MAX 96
extern const char *const gs_command_names[GS_CMD_COUNT];
/* "Shift+F10" -> key and mods; -1 if not a key gcscope knows. */
int gs_key_parse(const char *spec, uint8_t *key, uint8_t *mods);
void gs_key_format(int key, unsigned mods, char *out, size_t n);

/* ------------------------------------------------------------------ theme
 * The palette (Okabe–Ito, safe for the common colour-vision deficiencies).
 * Defaults are built in; assets/theme.json (or $GCSCOPE_THEME) overrides
 * them by name: { "colors": { "sky_blue": "#56B4E9", ... } }. */
typedef enum gs_ThemeColor {
    GS_THEME_BG,
    GS_THEME_PANEL,
    GS_THEME_PANEL_ALT,
    GS_THEME_BORDER,
    GS_THEME_TEXT,
    GS_THEME_MUTED,
    GS_THEME_FAINT,
    GS_THEME_ORANGE,
    GS_THEME_SKY,
    GS_THEME_GREEN,
    GS_THEME_BLUE,
    GS_THEME_VERMILLION,
    GS_THEME_PURPLE,
    GS_THEME_CURRENT,
    GS_THEME_TOOLBAR,
    GS_THEME_TOOLBAR_TEXT,
    GS_THEME_UNREACHABLE,
    GS_THEME_TOP_FRAME,
    GS_THEME_FREED,
    GS_THEME_TRACK,
    GS_THEME_BUTTON,
    GS_THEME_BUTTON_HOVER,
    GS_THEME_SCRUB,
    GS_THEME_STATUS,
    GS_THEME_PROMPT,
    GS_THEME_ERROR_BG,
    GS_THEME_N
} gs_ThemeColor;
extern const char *const gs_theme_names[GS_THEME_N];

/* The colours and key bindings of one viewer: part of its gs_Ui. */
typedef struct gs_Theme {
    gs_Color color[GS_THEME_N];
    gs_KeyBinding keys[GS_KEYMAP_MAX];
    int nkeys;
} gs_Theme;

/* The built-in palette and keys. */
void gs_theme_default(gs_Theme *t);
/* Apply a theme file over `t`; 0, or -1 with one line in `err`
 * ("theme.json: colors.sky: ...").  On failure `t` is unchanged. */
int gs_theme_load(gs_Theme *t, const char *path, char *err, size_t n);
/* The command bound to a key press, or GS_CMD_NONE. */
int gs_key_command(const gs_Theme *t, int key, unsigned mods);
/* "F10 / Ctrl+→": every binding of a command. */
void gs_command_keys(const gs_Theme *t, int cmd, char *out, size_t n);

typedef struct gs_Ui {
    gs_Theme theme;                    /* colours and keys */
    gs_TextMetrics tm;
    int w, h;                          /* window, logical pixels */
    const char *code_width_of;         /* the source code_width was measured for */
    float *node_w;                     /* node widths measured this frame (NaN: not yet) */
    int node_w_cap;
    const void *node_w_scene;          /* node_w is valid for this scene, version and view */
    unsigned node_w_key;
    float code_width;                  /* widest line of code (comment lines aside), pixels */
    /* heap canvas */
    float zoom;
    float pan_x, pan_y;
    bool dragging;
    float drag_x, drag_y;
    uint32_t selected;
    uint32_t hovered;
    bool show_primitives;              /* ints and strs as heap objects (H) */
    bool show_definitions;             /* functions and classes as heap objects (D) */
    bool fit_pending;                  /* fit the heap to the canvas on the next frame */
    /* source */
    int source_scroll;                 /* first visible line */
    bool follow_line;
    /* panels */
    int bottom_tab;                    /* 0 events, 1 output, 2 plot */
    int output_scroll;
    bool help;
    int browser_scroll;
    int browser_max_scroll;            /* content height beyond the window, from the last frame */
    int browser_sel;                   /* lesson chosen with the arrow keys, -1 none */
    bool browser_follow;               /* scroll browser_sel into view on the next frame */
    int browser_hover;
    char tooltip[128];
    float mouse_x, mouse_y;
    /* animation */
    gs_NodeAnim *anim;
    int nanim, capanim;
    double time;                       /* seconds, advanced by the caller */
    uint64_t last_event;
    /* hit-testing for the frame just drawn */
    gs_Rect canvas, source_rect, gutter_rect, scrub_rect, toolbar_rect, inspector_rect, bottom_rect;
    struct { gs_Rect r; uint32_t id; } *hits;
    int nhits, caphits;
    struct { gs_Rect r; uint8_t action; int64_t arg; const char *tip; } *buttons;
    int nbuttons, capbuttons;
    uint64_t scrub_events;
} gs_Ui;

/* theme NULL: the built-in colours and keys */
void gs_ui_init(gs_Ui *ui, gs_TextMetrics tm, int w, int h, const gs_Theme *theme);
void gs_ui_free(gs_Ui *ui);
/* One frame.  `dt` seconds since the last frame (animation). Returns the
 * number of actions written to `actions` (at most GS_UI_MAX_ACTIONS). */
int gs_ui_frame(gs_Ui *ui, const gs_Input *in, int nin, const gs_UiData *d, double dt, gs_DrawList *out,
                gs_Action *actions);
/* Zoom 1 at the top-left, or (overview, the F key) everything in view. */
void gs_ui_fit(gs_Ui *ui, const gs_UiData *d, bool overview);
/* The rectangle object `id` was drawn at in the last frame (tests). */
bool gs_ui_node_rect(const gs_Ui *ui, uint32_t id, gs_Rect *r);

#endif
