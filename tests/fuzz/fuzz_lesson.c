/*
 * fuzz_lesson.c — libFuzzer target: bytes -> gs_lesson_parse (header,
 * narration, prompts, phase narration, recap), then every query the viewer
 * makes, and the input's lines typed as answers to every prompt.  Every
 * problem must say why and on which line.
 *
 * Run: build-fuzz/fuzz_lesson -dict=tests/fuzz/lesson.dict CORPUS_DIR tests/fuzz/corpus/lesson
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record/lesson.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gs_Lesson l;
    gs_LessonError err;
    memset(&err, 0, sizeof err);
    int problems = gs_lesson_parse((const char *)data, size, &l, &err);
    if (problems < 0)
        return 0; /* out of memory */
    for (int i = 0; i < l.nproblems; i++)
        if (!l.problems[i].msg[0] || l.problems[i].line < 0 || l.problems[i].line > l.nlines + 1 ||
            memchr(l.problems[i].msg, 0, sizeof l.problems[i].msg) == NULL) {
            fprintf(stderr, "fuzz_lesson: a problem without a message or a line\n");
            abort();
        }
    size_t total = 0;
    for (int line = -1; line <= l.nlines + 2; line++) {
        const char *n = gs_lesson_narration(&l, line);
        if (n)
            total += strlen(n);
        const gs_Prompt *p = gs_lesson_prompt_at(&l, line);
        if (p) {
            total += strlen(p->question) + strlen(p->answer) + strlen(p->explanation);
            for (int c = -1; c <= p->nchoices; c++)
                total += (size_t)gs_prompt_check(p, NULL, c);
            total += (size_t)gs_prompt_check(p, p->answer, -1) + gs_prompt_numeric(p);
        }
        for (int ph = -1; ph <= 14; ph++) {
            const char *note = gs_lesson_phase_narration(&l, line, ph);
            if (note)
                total += strlen(note);
        }
        total += gs_lesson_has_phase_notes(&l, line);
    }
    for (int i = 0; i < l.nbreakpoints; i++)
        total += (size_t)l.breakpoints[i];
    if (l.title)
        total += strlen(l.title);
    if (l.summary)
        total += strlen(l.summary);
    if (l.recap)
        total += strlen(l.recap);
    if (l.chapter)
        total += strlen(l.chapter);
    total += strlen(l.granularity);
    /* every line of the input typed as an answer to every prompt */
    char typed[512];
    const char *p = (const char *)data, *end = p + size;
    for (int k = 0; k < 64 && p < end; k++) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        size_t n = q ? (size_t)(q - p) : (size_t)(end - p);
        if (n >= sizeof typed)
            n = sizeof typed - 1;
        memcpy(typed, p, n);
        typed[n] = 0;
        for (int i = 0; i < l.nprompts; i++)
            total += (size_t)gs_prompt_check(&l.prompts[i], typed, -1);
        p = q ? q + 1 : end;
    }
    gs_lesson_free(&l);
    return (int)(total & 0);
}
