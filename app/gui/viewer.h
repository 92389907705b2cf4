/*
 * viewer.h — one open document (a scenario or a saved trace) and the
 * commands that move through it; the window loop and `gcscope shot`.
 *
 * The viewer owns the VM while it records (incrementally: a budget of
 * events per frame, so the window keeps drawing and Esc cancels), the
 * trace, the timeline over it and the placement of objects.  Actions from
 * the UI become timeline stepping commands here.
 */
#ifndef GS_VIEWER_H
#define GS_VIEWER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "record/lesson.h"
#include "placement.h"
#include "scene.h"
#include "record/timeline.h"
#include "ui.h"
#include "runtime/vm.h"

#define GS_MAX_BREAKPOINTS 256
#define GS_EVENT_LOG 200

typedef struct gs_Viewer {
    char path[1024];
    char *source;
    size_t source_len;
    gs_Lesson lesson;
    bool has_lesson;
    /* the lesson's side (tutor.c): prompts, narration, progress */
    struct gs_PromptProgress {
        uint8_t tries;               /* wrong answers so far */
        uint8_t state;               /* gs_PromptState */
        bool first_try;              /* right at the first try */
    } *prompts;                      /* per lesson prompt */
    int prompt_active;               /* index of the prompt on screen, -1 none */
    char prompt_feedback[512];
    gs_UiPrompt ui_prompt;           /* what the UI draws of it */
    uint32_t hide_ids[16], show_ids[16];
    int nhide_ids, nshow_ids;
    gs_SourceLine *src_lines;        /* the source panel's lines */
    int nsrc_lines;
    char stop_reason[200];           /* why the last continue / play stopped */
    char step_note[768];             /* what the last step passed over */
    int *lesson_score, *lesson_score_of; /* the course's best first-try scores (progress file) */
    bool no_progress;                /* gcscope shot: answers are not kept */
    gs_VM *vm;                       /* while and after recording a scenario */
    gs_Trace *trace;                 /* vm's trace, or a loaded one */
    gs_Trace loaded;                 /* a trace read from JSON */
    bool is_loaded_trace;
    gs_Timeline *tl;
    gs_Placement placement;
    bool placement_ready;
    unsigned place_what;             /* GS_PLACE_*: what the canvas draws as boxes */
    const gs_Timeline *view_synced_for;
    bool recording;
    char *error;
    int error_line;
    int status;                      /* as an exit code: 0 ok, 1 raised, 2 bad input, 3 limit */
    char notice[1400];
    char recorded_from[1024];        /* the scenario a loaded trace was recorded from */               /* status-bar message, until the next action */
    int breakpoints[GS_MAX_BREAKPOINTS];
    int nbreakpoints;
    uint32_t watch;
    uint32_t selected;               /* the UI's selection, for the scene's holder counts */
    bool playing;
    double play_accum;
    int speed;                       /* 1..9: steps per second = 2^(speed-1) */
    gs_Granularity granularity;
    gs_Scene scene;
    size_t scene_pos;                /* position the scene was built for, SIZE_MAX = stale */
    size_t step_from, step_to;       /* the latest forward step's start and end (SIZE_MAX: none) */
    /* derived for the UI */
    uint64_t *gc_marks;
    int ngc_marks;
    struct gs_GcEnd { uint64_t pos; uint32_t gen, collected, uncollectable; uint64_t bytes; } *gc_ends; /* bytes: what it freed */
    int ngc_ends;
    uint64_t *out_events;            /* stdout events, in order (the output shown at a position) */
    int nout_events;
    bool marks_ready;                /* the arrays above are derived (the run is complete) */
    uint64_t *line_events;
    int nline_events;
    char *log_text[GS_EVENT_LOG];
    uint64_t log_index[GS_EVENT_LOG];
    uint32_t log_focus[GS_EVENT_LOG]; /* the object each is about, 0 none */
    int nlog;
    int *plot;
    int nplot, plot_max;
    uint64_t *plot_bytes;            /* the heap's bytes at the same samples */
    uint64_t plot_bytes_max;
    /* BY TYPE's growth: the counts and bytes per type at the step marked with M */
    bool marked;
    uint64_t mark_event;
    gs_SceneStat *mark_rows;
    int nmark_rows;
    bool show_sizes;                 /* the lesson's show-sizes: nodes show bytes from the first frame */
    /* course */
    gs_Course course;
    bool browser;
    const char **lesson_titles, **lesson_summaries, **lesson_chapters;
    char lessons_dir[1024];
    long long mtime;                 /* of the open file, for reload on change */
    int restore_line;                /* after a reload: go back to this line once recorded */
    int lesson_index;
} gs_Viewer;

void gs_viewer_init(gs_Viewer *v);
void gs_viewer_free(gs_Viewer *v);
/* Open a .py scenario/lesson or a .json trace; on failure the error panel
 * says why (the viewer stays usable). */
void gs_viewer_open(gs_Viewer *v, const char *path);
/* Run the recording VM for a budget of events; true while still recording. */
bool gs_viewer_record_step(gs_Viewer *v, uint64_t budget);
/* Apply one UI action. */
void gs_viewer_act(gs_Viewer *v, gs_Ui *ui, const gs_Action *a);
/* Advance playback by dt seconds. */
void gs_viewer_tick(gs_Viewer *v, double dt);
/* Apply the UI's view toggles (H, D) and a new document's options. */
void gs_viewer_sync_view(gs_Viewer *v, gs_Ui *ui);
/* Fill the UI's data for this frame (rebuilding the scene if needed). */
void gs_viewer_data(gs_Viewer *v, gs_UiData *d, float fps);

/* viewer_io.c: open a saved trace (0, or -1 with `err` set); export the
 * current trace next to the scenario (Ctrl+S) or to `out` if given. */
int gs_viewer_load_trace(gs_Viewer *v, const char *path, char *err, size_t errn);
int gs_viewer_export(gs_Viewer *v, const char *out, char *msg, size_t n);
/* "collector: done — collected 2 objects, 112 bytes, 0 uncollectable": the
 * words for collection `i` of v->gc_ends (its bytes: all it freed). */
void gs_viewer_gc_end_words(const gs_Viewer *v, int i, char *out, size_t n);
/* The line event (index) that started the line the running frame did
 * before the line event `cur`: stepping over a call, the calling line, not
 * the callee's last line; at a frame's first line, the line that called it.
 * SIZE_MAX if none. */
size_t gs_viewer_line_before(const gs_Viewer *v, size_t cur);
/* Internal to the viewer, shared with viewer_io.c and tutor.c. */
void gs_viewer_apply_lesson(gs_Viewer *v);
/* Tell the timeline which statements span lines (from the source's syntax),
 * so the beginner's step takes each as one stop. */
void gs_viewer_mark_statements(gs_Viewer *v);
void gs_viewer_finish_recording(gs_Viewer *v);

/* tutor.c: the lesson's side of the viewer.  Source lines without markup;
 * the narration, phase narration and prompt for the position on screen
 * (filling the UI's data); prompts that stop a forward move before their
 * line; answers checked; the student's progress (first-try scores) kept
 * in $GCSCOPE_PROGRESS or ~/.local/share/gcscope/progress.json. */
void gs_tutor_open(gs_Viewer *v);                 /* after the lesson is parsed */
void gs_tutor_close(gs_Viewer *v);
size_t gs_tutor_guard(gs_Viewer *v, size_t from, size_t to);
bool gs_tutor_holds_forward(gs_Viewer *v);        /* a prompt is waiting: forward moves answer it first */
void gs_tutor_release(gs_Viewer *v);              /* a forward move past an answered prompt */
void gs_tutor_answer(gs_Viewer *v, const gs_Action *a);
void gs_tutor_skip(gs_Viewer *v, int index);
void gs_tutor_data(gs_Viewer *v, gs_UiData *d);
void gs_tutor_course_scores(gs_Viewer *v);        /* the browser's per-lesson scores */
const char *gs_progress_path(char *buf, size_t n); /* NULL: nowhere to keep it */
bool gs_progress_flag(const char *name);          /* "legend_seen" ... */
void gs_progress_set_flag(const char *name);

int gs_cmd_gui(int argc, char **argv);
int gs_cmd_shot(int argc, char **argv);

#endif
