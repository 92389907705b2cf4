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
#include "route.h"
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
    GS_ACT_ANSWER_PROMPT,                       /* arg = prompt index; text = what was typed, or
                                                   choice = the choice picked (-1 none) */
    GS_ACT_SKIP_PROMPT,                         /* show the answer without answering; arg = prompt index */
    GS_ACT_CANCEL,                              /* Esc while recording */
    GS_ACT_MARK,                                /* M: BY TYPE's growth counts from this step */
    GS_ACT_QUIT
} gs_ActionKind;

typedef struct gs_Action {
    uint8_t kind;
    int64_t arg;
    int choice;
    char text[512];
} gs_Action;

#define GS_UI_MAX_ACTIONS 16

typedef enum gs_Granularity { GS_GRAN_EVENT, GS_GRAN_LINE, GS_GRAN_PHASE } gs_Granularity;

/* A line of the source panel: lesson markup lines are left out and marker
 * comments cut, so the panel shows the program a student would write. */
typedef struct gs_SourceLine {
    int line;                          /* its number in the file */
    uint32_t start, len;               /* the code shown, in gs_UiData.source */
    uint8_t marks;                     /* GS_LINE_NARRATED | PROMPTED | PHASES (record/lesson.h): gutter marks */
} gs_SourceLine;

/* Where a prediction prompt stands. */
typedef enum gs_PromptState {
    GS_PROMPT_ASKING,                  /* waiting for an answer */
    GS_PROMPT_RETRY,                   /* one wrong answer: a second try */
    GS_PROMPT_RIGHT,                   /* answered right */
    GS_PROMPT_SHOWN                    /* two wrong answers or skipped: the answer is shown */
} gs_PromptState;

typedef struct gs_UiPrompt {
    int index;                         /* in the lesson */
    const char *question, *answer, *explanation;
    const char *const *choices;        /* NULL: the student types the answer */
    int nchoices;
    bool numeric;                      /* the typed answer is a number */
    bool tuple;                        /* ... or numbers in parentheses */
    uint8_t state;                     /* gs_PromptState */
    const char *feedback;              /* what the last check said ("Please answer with a number."), or NULL */
    int line;                          /* the line it asks about */
} gs_UiPrompt;

/* What the frame shows besides the scene. */
typedef struct gs_UiData {
    const gs_Scene *scene;
    const gs_Placement *placement;     /* stable rows; NULL = order by id */
    const char *title;                 /* lesson title or file name */
    const char *source;                /* program text */
    size_t source_len;
    const gs_SourceLine *src_lines;    /* the lines the source panel shows, in order; NULL: every line */
    int nsrc_lines;
    const char *narration;             /* lesson text for the line about to run, or NULL */
    int narration_line;
    const char *narration_prev;        /* lesson text for the line that just ran (greyed), or NULL */
    int narration_prev_line;
    bool narration_prev_running;       /* that line is still running: it made the call the current line is in */
    const char *phase_note;            /* the lesson's words for the collector phase on screen, or NULL */
    const char *stop_reason;           /* why the last continue or play stopped, or NULL */
    const char *step_note;             /* what the last step skipped or landed on ("skipped: ..."), or NULL */
    const char *recap;                 /* shown at the end, or NULL */
    const char *output;                /* program output up to now */
    size_t output_len;
    const uint64_t *gc_marks;          /* event index of each collection start, sorted */
    int ngc_marks;
    int gen_collections[3];            /* gc.get_stats() so far, per generation */
    int gen_collected[3], gen_uncollectable[3];
    uint64_t gen_collected_bytes[3];   /* what those collections freed, bytes */
    const int *breakpoints;            /* lines */
    int nbreakpoints;
    const uint64_t *line_events;       /* event index where each breakpoint line runs (scrubber marks) */
    int nline_events;
    const char *const *event_log;      /* recent events in words, newest last */
    const uint64_t *event_log_index;
    const uint32_t *event_log_focus;   /* the object each is about (its count may be hidden) */
    int nevent_log;
    uint64_t line_done_event;          /* the line event that started the line the running frame just did
                                          (over a call: the calling line); UINT64_MAX none */
    uint64_t step_from_event;          /* where the step that led here started; UINT64_MAX: not a step */
    uint32_t line_done_line;           /* line_done_event's line number (0: none) */
    const int *plot;                   /* live objects per generation over time: plot[i*3 + g] */
    int nplot;
    int plot_max;
    const uint64_t *plot_bytes;        /* the heap's bytes at the same samples (nplot), or NULL */
    uint64_t plot_bytes_max;
    bool marked;                       /* a step is marked (M): BY TYPE shows growth since */
    uint64_t mark_event;
    uint32_t watch;                    /* watched object, 0 none */
    bool playing;
    int speed;                         /* events per second step index */
    gs_Granularity granularity;
    bool recording;                    /* still running the program */
    double record_progress;            /* events so far (for the progress bar) */
    const char *error;                 /* error panel text, or NULL */
    int error_line;
    const char *notice;                /* a short status message ("saved trace to ..."), or NULL */
    const gs_UiPrompt *prompt;         /* a prediction prompt on screen, or NULL */
    /* what would give a prompt's answer away shows '?' until it is answered */
    bool hide_counts;                  /* every count badge */
    const uint32_t *hide_ids;          /* the counts of these objects */
    int nhide_ids;
    bool hide_collector;               /* the collector panel's figures */
    bool hide_output;
    const uint32_t *show_ids;          /* objects the prompt's feedback points at */
    int nshow_ids;
    int score_right, score_of;         /* predictions right at the first try, of the lesson's prompts */
    int prompts_answered;
    bool at_end;                       /* the run's last event is on screen */
    /* lesson browser */
    bool browser;
    const char *const *lesson_titles;
    const char *const *lesson_summaries;
    const char *const *lesson_chapters;
    const int *lesson_score;           /* per lesson: right at the first try, or -1 never done */
    const int *lesson_score_of;        /* per lesson: its prompts */
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
    uint32_t last_size;                /* bytes last frame (a resize is a change the view follows) */
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
    GS_CMD_SIZES,
    GS_CMD_MARK,
    GS_CMD_NEXT_TAB,
    GS_CMD_EXPORT,
    GS_CMD_SCREENSHOT,
    GS_CMD_RELOAD,
    GS_CMD_LEGEND,
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

/* The panels' splitters (drag to resize). */
enum { GS_SPLIT_NONE, GS_SPLIT_LEFT, GS_SPLIT_RIGHT, GS_SPLIT_BOTTOM, GS_SPLIT_NARR, GS_SPLIT_COUNT };

typedef struct gs_Ui {
    gs_Theme theme;                    /* colours and keys */
    gs_TextMetrics tm;
    int w, h;                          /* window, logical pixels */
    const char *code_width_of;         /* the source code_width was measured for */
    float *node_w;                     /* per node: its width, its title's least width (NaN: not yet) */
    int node_w_cap;
    const void *node_w_scene;          /* node_w is valid for this scene, version and view */
    unsigned node_w_key;
    float code_width;                  /* widest line of code (comment lines aside), pixels */
    /* placement rows folded away this scene (grouped objects only): band << 32 | row, sorted */
    uint64_t *fold;
    int nfold, capfold;
    const void *fold_scene;
    unsigned fold_key;
    uint64_t fold_event;
    /* heap canvas */
    gs_Obstacles obstacles;            /* the boxes drawn this frame, which arrows go around */
    float pin_world;                   /* the names column's width, pinned while the view is panned right */
    int beyond_right;                  /* drawn boxes at the heap's height that end past the canvas's right edge */
    bool home_fit;                     /* the view is home, panned right so the heap's right edge shows */
    bool leave_armed;                  /* Esc pressed once during a prediction: a second leaves the lesson */
    float zoom;
    bool zoom_auto;                    /* the zoom is a fit's overview (it comes back to 1 when the heap shrinks) */
    float live_w, live_h;              /* how far the drawn objects reach (world units), last frame */
    float pan_x, pan_y;
    bool pan_auto;                     /* the view was panned by following a step, not by the student */
    bool dragging;
    float drag_x, drag_y;
    uint32_t selected;
    uint32_t hovered;
    bool show_primitives;              /* ints and strs as heap objects (H) */
    bool show_definitions;             /* functions and classes as heap objects (D) */
    bool show_sizes;                   /* each node shows its size in bytes (B) */
    /* the row chosen in BY LINE (tab 3) or BY TYPE (tab 4): its objects are
     * highlighted on the heap; kept by key so it follows the row across steps */
    int stat_tab;                      /* 3 or 4, 0 none */
    uint32_t stat_key;                 /* the line, or the type name's string id */
    int stat_scroll;                   /* first row shown */
    bool stat_follow;                  /* scroll the picked row into view on the next frame (↑/↓) */
    bool fit_pending;                  /* fit the heap to the canvas on the next frame */
    /* source */
    int source_scroll;                 /* first visible row */
    float source_rows_y[256];          /* where each drawn source row ends (rows wrap), for clicks */
    int nsource_rows_y;
    float source_line_h;
    bool follow_line;
    /* panel sizes the student chose by dragging a splitter (0: automatic) */
    float user_left, user_right, user_bottom, user_narr;
    int drag_split;                    /* GS_SPLIT_* being dragged */
    gs_Rect split_rect[GS_SPLIT_COUNT];
    /* a prediction prompt */
    char answer[256];                  /* what the student has typed */
    int answer_for;                    /* the prompt it is for, + 1 (0: none yet) */
    int prompt_framed;                 /* the prompt whose objects the view was brought to, + 1 */
    int answer_retry_for;              /* the prompt whose second try cleared the field, + 1 */
    int choice_sel;                    /* the choice the arrow keys are on, -1 none */
    int wrong_choice;                  /* the choice picked at the first, wrong, try (marked), -1 none */
    gs_Rect answer_rect;
    gs_Rect prompt_rect;               /* the prediction card, while one is shown */
    int prompt_scroll, prompt_max_scroll; /* its body, in a window too small for it */
    int insp_scroll, insp_max_scroll;  /* the inspector's list */
    /* the narration panel */
    gs_Rect narr_rect;
    int narr_scroll, narr_max_scroll;
    /* panels */
    int bottom_tab;                    /* 0 events, 1 output, 2 plot, 3 by line, 4 by type */
    int output_scroll;                 /* lines scrolled back from the newest */
    int events_scroll;                 /* EVENTS: entries scrolled back from the newest (a step: 0 again) */
    uint64_t events_scroll_at;         /* the event it was scrolled at */
    int output_max_scroll;
    bool help;
    bool legend;                       /* the legend overlay (L; shown once by itself) */
    const char *error_folded;          /* the error text whose panel was folded away (×) */
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
    struct { gs_Rect r; uint8_t action; int64_t arg; int choice; const char *tip; } *buttons;
    int nbuttons, capbuttons;
    uint64_t scrub_events;
    uint64_t scrub_reached;            /* the furthest event shown in this run (a lesson's ticks stop there) */
    const char *scrub_title;           /* the document that was for */
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
#define GS_BOTTOM_TABS 5              /* events, output, live objects, by line, by type */
#define GS_STAT_ROW_ARG (1LL << 40)    /* a BY LINE / BY TYPE row's button: + tab << 32 + key */
/* The rows of BY LINE (tab 3) or BY TYPE (tab 4); NULL for other tabs. */
const gs_SceneStat *gs_ui_stat_rows(const gs_UiData *d, int tab, int *n);
/* Object `o` belongs to the BY LINE / BY TYPE row picked, on the tab shown:
 * the heap outlines it. */
bool gs_ui_stat_highlights(const gs_Ui *ui, const gs_SceneObject *o);
/* The rectangle object `id` was drawn at in the last frame (tests). */
bool gs_ui_node_rect(const gs_Ui *ui, uint32_t id, gs_Rect *r);

#endif
