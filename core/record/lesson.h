/*
 * lesson.h — the lesson format: an ordinary .py file with a header, line
 * narration, prediction prompts, collector-phase narration and a recap, all
 * in comments, so the same file runs unchanged under python3.11.
 *
 *   # ---
 *   # title: Reference counting
 *   # summary: Watch a list's count rise and fall as names come and go.
 *   # options: show-primitives, granularity=line
 *   # breakpoints: 7, 12
 *   # ---
 *   x = [1, 2, 3]        #> A new list; the name x holds its only reference.
 *   #> Narration on its own line belongs to the next line of code.
 *   y = x
 *   #? What does sys.getrefcount(y) print? | 3 | x, y and the call's argument. | hide: y
 *   print(sys.getrefcount(y))
 *   #? Is the list freed by 'del x'? | no | y still holds it. | choices: yes; no
 *   del x
 *   #@ subtract_refs: References from inside the set are taken away.
 *   gc.collect()
 *   #= Recap: every name, slot and argument is one reference.
 *
 * Markers (a '#' followed directly by the marker character):
 *   #>  narration for the line it ends, or (alone on a line) the next code
 *       line; several #> lines in a row join into one paragraph.  The viewer
 *       shows it while its line is about to run and, greyed, right after.
 *   #?  a prediction prompt for the next code line, asked before that line
 *       runs: `question | answer | explanation`, then optional fields:
 *         choices: a; b; c     the student picks one (the answer is one of them)
 *         hide: NAME, ...      what shows '?' until answered: the count of the
 *                              object a NAME refers to, `counts` (every count),
 *                              `collector` (the collector panel's figures),
 *                              `output`, or `none`; default `counts, collector`
 *         show: NAME, ...      objects highlighted with the feedback
 *       An answer that is a number (or a tuple of numbers) is typed and
 *       compared as numbers; other answers without choices compare as words.
 *   #@  `PHASE: text`, narration for one collector phase (update_refs,
 *       subtract_refs, move_unreachable, ..., done: see gs_gc_phase_name) of
 *       any collection that starts while the next code line runs.
 *   #=  recap text, shown when the program has finished.
 * Header keys: title (required), summary (required), options, breakpoints,
 * chapter.  Options: show-primitives (ints and strs drawn as heap objects),
 * hide-primitives (drawn inline), show-definitions (functions and classes as
 * heap objects; hidden by default), granularity=event|line|phase (what one
 * step is; a line by default).
 *
 * A malformed marker or header entry is a problem with a line number: the
 * rest of the lesson is still read, without that marker.
 *
 * Ownership: gs_lesson_parse fills a gs_Lesson whose strings it owns;
 * gs_lesson_free releases them.
 */
#ifndef GS_LESSON_H
#define GS_LESSON_H

#include <stdbool.h>
#include <stddef.h>

enum {                     /* gs_Prompt.hide */
    GS_HIDE_COUNTS = 1 << 0,    /* every object's reference count */
    GS_HIDE_COLLECTOR = 1 << 1, /* the collector's counts and results */
    GS_HIDE_OUTPUT = 1 << 2     /* the program's output */
};

typedef struct gs_Prompt {
    int line;              /* the code line it precedes */
    int marker_line;       /* the line of its '#?' */
    char *question;
    char *answer;
    char *explanation;
    char **choices;        /* nchoices, or NULL: the student types the answer */
    int nchoices;
    int answer_choice;     /* index of the answer in choices, -1 without choices */
    unsigned hide;         /* GS_HIDE_* */
    char **hide_names;     /* names whose objects' counts are hidden */
    int nhide_names;
    char **show_names;     /* names whose objects the feedback points at */
    int nshow_names;
    char *hint;            /* said after a first wrong answer, or NULL */
} gs_Prompt;

typedef struct gs_PhaseNote {
    int line;              /* the code line whose collections it narrates */
    int phase;             /* gs_GCPhase */
    char *text;
} gs_PhaseNote;

enum {
    GS_LESSON_SHOW_PRIMITIVES = 1 << 0,
    GS_LESSON_HIDE_PRIMITIVES = 1 << 1,
    GS_LESSON_SHOW_DEFINITIONS = 1 << 2,   /* functions and classes drawn as heap objects */
    GS_LESSON_SHOW_SIZES = 1 << 3          /* nodes show their size in bytes from the first frame */
};

enum {                     /* gs_Lesson.line_flags[line] */
    GS_LINE_MARKUP = 1 << 0,    /* the whole line is lesson markup (or the header): not shown as code */
    GS_LINE_NARRATED = 1 << 1,  /* a code line with narration */
    GS_LINE_PROMPTED = 1 << 2,  /* a code line with a prompt */
    GS_LINE_PHASES = 1 << 3     /* a code line with collector-phase narration */
};

typedef struct gs_LessonError {
    int line;              /* 1-based; 0 if not about a line */
    char msg[256];
} gs_LessonError;

typedef struct gs_Lesson {
    bool has_header;       /* false: a plain scenario with no header */
    char *title;
    char *summary;
    char *chapter;
    unsigned options;
    char granularity[16];  /* "", "event", "line" or "phase" */
    int *breakpoints;
    int nbreakpoints;
    char **narration;      /* narration[line] (1-based) or NULL; nlines + 2 entries */
    int nlines;
    unsigned char *line_flags; /* GS_LINE_* per line (1-based); nlines + 2 entries */
    int *code_len;         /* bytes of a code line before its '#>' marker, -1 for the whole line */
    gs_Prompt *prompts;
    int nprompts;
    gs_PhaseNote *phase_notes;
    int nphase_notes;
    char *recap;
    gs_LessonError *problems; /* malformed markers and header entries, in file order */
    int nproblems;
} gs_Lesson;

/* Parse the lesson parts of a .py source.  A file without a header is a
 * valid scenario (has_header false) whose markers still count.  Returns the
 * number of problems found (each malformed marker is left out; `err` gets
 * the first one), or -1 when out of memory. */
int gs_lesson_parse(const char *src, size_t len, gs_Lesson *out, gs_LessonError *err);
void gs_lesson_free(gs_Lesson *l);

/* Narration for a line (NULL if none). */
const char *gs_lesson_narration(const gs_Lesson *l, int line);
/* The prompt that precedes `line`, or NULL. */
const gs_Prompt *gs_lesson_prompt_at(const gs_Lesson *l, int line);
/* Narration for `phase` of a collection that starts on `line`, or NULL. */
const char *gs_lesson_phase_narration(const gs_Lesson *l, int line, int phase);
/* Whether the lesson has phase narration for any phase of collections on `line`. */
bool gs_lesson_has_phase_notes(const gs_Lesson *l, int line);

/* What a student typed (or chose: choice >= 0) against a prompt. */
typedef enum gs_AnswerCheck {
    GS_ANSWER_RIGHT,
    GS_ANSWER_WRONG,
    GS_ANSWER_EMPTY,          /* nothing typed */
    GS_ANSWER_NOT_A_NUMBER    /* the answer is a number and this is not one */
} gs_AnswerCheck;
gs_AnswerCheck gs_prompt_check(const gs_Prompt *p, const char *typed, int choice);
/* For a one-number answer: +1 if the answer is above the number typed,
 * -1 below, 0 otherwise (not a number, several, a choice, the same, one
 * off, or "below 1" when the answer is 0: those would give it away). */
int gs_prompt_direction(const gs_Prompt *p, const char *typed);
/* Whether the prompt's answer is typed as a number (or a tuple of numbers). */
bool gs_prompt_numeric(const gs_Prompt *p);

#endif
