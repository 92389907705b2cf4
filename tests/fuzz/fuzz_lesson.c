/*
 * fuzz_lesson.c — libFuzzer target: bytes -> gs_lesson_parse (header,
 * narration, prompts, recap), then every query the viewer makes.  A parse
 * that fails must say why and on which line.
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
    if (gs_lesson_parse((const char *)data, size, &l, &err) < 0) {
        if (!err.msg[0] || err.line < 0 || memchr(err.msg, 0, sizeof err.msg) == NULL) {
            fprintf(stderr, "fuzz_lesson: refused without a message\n");
            abort();
        }
        return 0;
    }
    size_t total = 0;
    for (int line = -1; line <= l.nlines + 2; line++) {
        const char *n = gs_lesson_narration(&l, line);
        if (n)
            total += strlen(n);
        const gs_Prompt *p = gs_lesson_prompt_at(&l, line);
        if (p)
            total += strlen(p->question) + strlen(p->answer) + strlen(p->explanation);
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
    gs_lesson_free(&l);
    return (int)(total & 0);
}
