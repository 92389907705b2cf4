/*
 * test_lesson.c — the lesson format: headers, narration, prompts, recap and
 * the messages for malformed files.
 */
#include <stdio.h>
#include <string.h>

#include "record/lesson.h"

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

static void a_full_lesson_parses_every_part(void)
{
    const char *src = "# ---\n"
                      "# title: Reference counting\n"
                      "# summary: Counts go up and down.\n"
                      "# options: show-primitives, granularity=line\n"
                      "# breakpoints: 7, 9\n"
                      "# ---\n"
                      "import sys\n"                                 /* 7 */
                      "x = [1, 2, 3]   #> A new list.\n"             /* 8 */
                      "#> Two lines of\n"                            /* 9 */
                      "#> narration.\n"                              /* 10 */
                      "y = x\n"                                      /* 11 */
                      "#? What is printed? | 3 | x, y and the argument.\n"
                      "print(sys.getrefcount(y))\n"                  /* 13 */
                      "s = '#> not narration'\n"                     /* 14 */
                      "#= Every name is one reference.\n";
    gs_Lesson l;
    gs_LessonError e;
    int rc = gs_lesson_parse(src, strlen(src), &l, &e);
    CHECK(rc == 0, "parse failed: %d: %s", e.line, e.msg);
    if (rc)
        return;
    CHECK(l.has_header, "has header");
    CHECK(strcmp(l.title, "Reference counting") == 0, "title '%s'", l.title);
    CHECK(strcmp(l.summary, "Counts go up and down.") == 0, "summary");
    CHECK(l.options & GS_LESSON_SHOW_PRIMITIVES, "show-primitives option");
    CHECK(strcmp(l.granularity, "line") == 0, "granularity '%s'", l.granularity);
    CHECK(l.nbreakpoints == 2 && l.breakpoints[0] == 7 && l.breakpoints[1] == 9, "breakpoints");
    CHECK(gs_lesson_narration(&l, 8) && strcmp(gs_lesson_narration(&l, 8), "A new list.") == 0, "trailing narration");
    CHECK(gs_lesson_narration(&l, 11) && strcmp(gs_lesson_narration(&l, 11), "Two lines of narration.") == 0,
          "standalone narration joins and attaches to the next code line: '%s'", gs_lesson_narration(&l, 11));
    CHECK(gs_lesson_narration(&l, 14) == NULL, "a marker inside a string is not narration");
    const gs_Prompt *p = gs_lesson_prompt_at(&l, 13);
    CHECK(p && strcmp(p->question, "What is printed?") == 0 && strcmp(p->answer, "3") == 0 &&
              strcmp(p->explanation, "x, y and the argument.") == 0,
          "prompt attaches to line 13");
    CHECK(l.recap && strcmp(l.recap, "Every name is one reference.") == 0, "recap");
    gs_lesson_free(&l);
}

static void a_file_without_header_is_a_plain_scenario(void)
{
    const char *src = "x = 1  #> one\nprint(x)\n";
    gs_Lesson l;
    gs_LessonError e;
    CHECK(gs_lesson_parse(src, strlen(src), &l, &e) == 0, "parse");
    CHECK(!l.has_header, "no header");
    CHECK(gs_lesson_narration(&l, 1) && strcmp(gs_lesson_narration(&l, 1), "one") == 0, "narration still read");
    gs_lesson_free(&l);
}

static void triple_quoted_strings_hide_markers(void)
{
    const char *src = "doc = '''\n#> inside\n'''\nz = 2 #> real\n";
    gs_Lesson l;
    gs_LessonError e;
    CHECK(gs_lesson_parse(src, strlen(src), &l, &e) == 0, "parse: %s", e.msg);
    CHECK(gs_lesson_narration(&l, 3) == NULL, "no narration from inside the string");
    CHECK(gs_lesson_narration(&l, 4) && strcmp(gs_lesson_narration(&l, 4), "real") == 0, "narration after it");
    gs_lesson_free(&l);
}

static void expect_error(const char *src, int line, const char *needle)
{
    gs_Lesson l;
    gs_LessonError e;
    int rc = gs_lesson_parse(src, strlen(src), &l, &e);
    CHECK(rc == -1, "expected an error containing '%s'", needle);
    if (rc == -1) {
        CHECK(e.line == line, "error line %d, expected %d (%s)", e.line, line, e.msg);
        CHECK(strstr(e.msg, needle) != NULL, "message '%s' lacks '%s'", e.msg, needle);
    } else
        gs_lesson_free(&l);
}

static void malformed_lessons_name_the_line(void)
{
    expect_error("# ---\n# title: T\n# ---\nx = 1\n", 1, "needs a 'summary:'");
    expect_error("# ---\n# title: T\n# summary: S\nx = 1\n", 1, "never closed");
    expect_error("# ---\n# title: T\n# summary: S\n# colour: red\n# ---\n", 4, "unknown header key 'colour'");
    expect_error("# ---\n# title: T\n# summary: S\n# options: sparkle\n# ---\n", 4, "unknown option 'sparkle'");
    expect_error("# ---\n# title: T\n# summary: S\n# breakpoints: one\n# ---\n", 4, "line numbers");
    expect_error("# ---\n# title: T\n# summary: S\n# breakpoints: 40\n# ---\nx = 1\n", 0, "past the end");
    expect_error("# ---\n# title: T\n# summary: S\n# just words\n# ---\n", 4, "'# key: value'");
    expect_error("x = 1\n#? no answer here\ny = 2\n", 2, "answer is missing");
    expect_error("x = 1\n#> dangling\n", 2, "no line of code after it");
    expect_error("x = 1\n#? q | a\n", 2, "no line of code after it");
    expect_error("x = 1  #= recap\n", 1, "line of its own");
}

static void empty_and_odd_inputs_do_not_fail(void)
{
    gs_Lesson l;
    gs_LessonError e;
    CHECK(gs_lesson_parse("", 0, &l, &e) == 0, "empty file");
    gs_lesson_free(&l);
    const char crlf[] = "\xEF\xBB\xBFx = 1  #> bom and crlf\r\ny = 2\r\n";
    CHECK(gs_lesson_parse(crlf, strlen(crlf), &l, &e) == 0, "bom + crlf");
    CHECK(gs_lesson_narration(&l, 1) && strcmp(gs_lesson_narration(&l, 1), "bom and crlf") == 0, "narration with crlf");
    gs_lesson_free(&l);
    const char nul[] = "x = 1\0 #> after nul\n";
    CHECK(gs_lesson_parse(nul, sizeof nul - 1, &l, &e) == 0, "NUL byte");
    gs_lesson_free(&l);
}

int main(void)
{
    a_full_lesson_parses_every_part();
    a_file_without_header_is_a_plain_scenario();
    triple_quoted_strings_hide_markers();
    malformed_lessons_name_the_line();
    empty_and_odd_inputs_do_not_fail();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
