/*
 * lesson.h — the lesson format: an ordinary .py file with a header, line
 * narration, prediction prompts and a recap, all in comments, so the same
 * file runs unchanged under python3.11.
 *
 *   # ---
 *   # title: Reference counting
 *   # summary: Watch a list's count rise and fall as names come and go.
 *   # options: show-primitives
 *   # breakpoints: 7, 12
 *   # ---
 *   x = [1, 2, 3]        #> A new list; the name x holds its only reference.
 *   #> Narration on its own line belongs to the next line of code.
 *   y = x
 *   #? What does sys.getrefcount(y) print? | 3 | x, y and the call's argument.
 *   print(sys.getrefcount(y))
 *   #= Recap: every name, slot and argument is one reference.
 *
 * Markers (a '#' followed directly by the marker character):
 *   #>  narration for the line it ends, or (alone on a line) the next code line;
 *       several #> lines in a row join into one paragraph
 *   #?  a prediction prompt for the next code line: question | answer | why
 *       (the viewer pauses before that line runs and asks)
 *   #=  recap text, shown when the program has finished
 * Header keys: title (required), summary (required), options, breakpoints,
 * chapter.  Options: show-primitives (ints and strs drawn as heap objects),
 * hide-primitives (drawn inline), show-definitions (functions and classes as
 * heap objects; hidden by default), granularity=event|line|phase.
 *
 * Ownership: gs_lesson_parse fills a gs_Lesson whose strings it owns;
 * gs_lesson_free releases them.
 */
#ifndef GS_LESSON_H
#define GS_LESSON_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gs_Prompt {
    int line;              /* the code line it precedes */
    char *question;
    char *answer;
    char *explanation;
} gs_Prompt;

enum {
    GS_LESSON_SHOW_PRIMITIVES = 1 << 0,
    GS_LESSON_HIDE_PRIMITIVES = 1 << 1,
    GS_LESSON_SHOW_DEFINITIONS = 1 << 2    /* functions and classes drawn as heap objects */
};

typedef struct gs_Lesson {
    bool has_header;       /* false: a plain scenario with no header */
    char *title;
    char *summary;
    char *chapter;
    unsigned options;
    char granularity[16];  /* "", "event", "line" or "phase" */
    int *breakpoints;
    int nbreakpoints;
    char **narration;      /* narration[line] (1-based) or NULL; nlines + 1 entries */
    int nlines;
    gs_Prompt *prompts;
    int nprompts;
    char *recap;
} gs_Lesson;

typedef struct gs_LessonError {
    int line;              /* 1-based; 0 if not about a line */
    char msg[256];
} gs_LessonError;

/* Parse the lesson parts of a .py source.  A file without a header is a
 * valid scenario (has_header false) whose markers still count.  Returns 0,
 * or -1 with `err` describing the first malformed header or marker. */
int gs_lesson_parse(const char *src, size_t len, gs_Lesson *out, gs_LessonError *err);
void gs_lesson_free(gs_Lesson *l);

/* Narration for a line (NULL if none). */
const char *gs_lesson_narration(const gs_Lesson *l, int line);
/* The prompt that precedes `line`, or NULL. */
const gs_Prompt *gs_lesson_prompt_at(const gs_Lesson *l, int line);

#endif
