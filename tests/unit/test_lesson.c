/*
 * test_lesson.c — the lesson format: headers, narration, prompts, recap and
 * the messages for malformed files.
 */
#include <stdio.h>
#include <string.h>

#include "record/lesson.h"
#include "record/trace.h"

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
                      "# breakpoints: 7, 11\n"
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
    CHECK(l.nbreakpoints == 2 && l.breakpoints[0] == 7 && l.breakpoints[1] == 11, "breakpoints");
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

/* A malformed marker or header entry is a problem on its line; the rest of
 * the file is still a lesson. */
static void expect_problem(const char *src, int line, const char *needle)
{
    gs_Lesson l;
    gs_LessonError e;
    int rc = gs_lesson_parse(src, strlen(src), &l, &e);
    CHECK(rc >= 1, "expected a problem containing '%s' (rc %d)", needle, rc);
    if (rc >= 1) {
        CHECK(e.line == line, "problem line %d, expected %d (%s)", e.line, line, e.msg);
        CHECK(strstr(e.msg, needle) != NULL, "message '%s' lacks '%s'", e.msg, needle);
        CHECK(l.nproblems == rc && l.problems[0].line == e.line, "the problems are kept in the lesson");
    }
    if (rc >= 0)
        gs_lesson_free(&l);
}

static void malformed_lessons_name_the_line(void)
{
    expect_problem("# ---\n# title: T\n# ---\nx = 1\n", 1, "needs a 'summary:'");
    expect_problem("# ---\n# title: T\n# summary: S\nx = 1\n", 1, "never closed");
    expect_problem("# ---\n# title: T\n# summary: S\n# colour: red\n# ---\n", 4, "unknown header key 'colour'");
    expect_problem("# ---\n# title: T\n# summary: S\n# options: sparkle\n# ---\n", 4, "unknown option 'sparkle'");
    expect_problem("# ---\n# title: T\n# summary: S\n# breakpoints: one\n# ---\n", 4, "line numbers");
    expect_problem("# ---\n# title: T\n# summary: S\n# breakpoints: 40\n# ---\nx = 1\n", 4, "past the end");
    /* lesson 2 said "the red dot beside line 27" when 27 had become narration */
    expect_problem("# ---\n# title: T\n# summary: S\n# breakpoints: 7\n# ---\nx = 1\n#> text\ny = 2\n", 4,
                   "no code");
    expect_problem("# ---\n# title: T\n# summary: S\n# breakpoints: 7\n# ---\nx = 1\n\ny = 2\n", 4, "no code");
    expect_problem("# ---\n# title: T\n# summary: S\n# just words\n# ---\n", 4, "'# key: value'");
    expect_problem("x = 1\n#? no answer here\ny = 2\n", 2, "answer is missing");
    expect_problem("x = 1\n#?  | 3 | why\ny = 2\n", 2, "needs a question and an answer");
    expect_problem("x = 1\n#> dangling\n", 2, "no line of code after it");
    expect_problem("x = 1\n#? q | a\n", 2, "no line of code after it");
    expect_problem("x = 1  #= recap\n", 1, "line of its own");
    expect_problem("x = 1  #? q | 1\n", 1, "line of its own");
    expect_problem("x = 1\n#? q | 1 | why | choices:\ny = 2\n", 2, "the list is empty");
    expect_problem("x = 1\n#? q | 1 | why | choices: ; ;\ny = 2\n", 2, "the list is empty");
    expect_problem("x = 1\n#? q | 1 | why | choices: 1\ny = 2\n", 2, "one choice is no choice");
    expect_problem("x = 1\n#? q | three | why | choices: one; two\ny = 2\n", 2, "'three' is not among the choices");
    expect_problem("x = 1\n#? q | 1 | why | colour: red\ny = 2\n", 2, "unknown prompt field 'colour'");
    expect_problem("x = 1\n#? q | 1 | why | hide: 3x\ny = 2\n", 2, "'3x' is not a name");
    expect_problem("x = 1\n#? q | 1 | why | show: cache..items\ny = 2\n", 2, "'cache..items' is not a name");
    expect_problem("x = 1\n#? q | 1 | why | show: cache.\ny = 2\n", 2, "is not a name or an attribute path");
    expect_problem("x = 1\n#? q | 1 | why | hint:\ny = 2\n", 2, "hint: the text is empty");
    expect_problem("import gc\n#@ subtrac_refs: typo\ngc.collect()\n", 2, "'subtrac_refs' is not a collector phase");
    expect_problem("import gc\n#@ no colon here\ngc.collect()\n", 2, "the ':' is missing");
    expect_problem("import gc\n#@ update_refs:\ngc.collect()\n", 2, "has no text");

    /* the bad marker is left out; everything else stays */
    const char *src = "x = 1\n"                                         /* 1 */
                      "#? q | 3 | why | choices: 1; 2\n"                /* 2: answer not among the choices */
                      "#> kept\n"                                       /* 3 */
                      "y = 2\n"                                         /* 4 */
                      "#? q2 | 2 | why\n"                               /* 5 */
                      "z = 3\n";                                        /* 6 */
    gs_Lesson l;
    gs_LessonError e;
    CHECK(gs_lesson_parse(src, strlen(src), &l, &e) == 1, "one problem");
    CHECK(gs_lesson_prompt_at(&l, 4) == NULL, "the bad prompt is left out");
    CHECK(gs_lesson_prompt_at(&l, 6) != NULL, "the good one stays");
    CHECK(gs_lesson_narration(&l, 4) && strcmp(gs_lesson_narration(&l, 4), "kept") == 0, "narration stays");
    CHECK(l.line_flags[2] & GS_LINE_MARKUP, "the bad marker is still markup (not shown as code)");
    gs_lesson_free(&l);
}

static void prompts_take_choices_hide_and_show(void)
{
    const char *src = "a = [1]\n"                                                       /* 1 */
                      "#? Freed? | no | b holds it. | choices: yes; no | show: a\n"     /* 2 */
                      "b = a\n"                                                         /* 3 */
                      "#? Count? | 2 | a and b. | hide: a, collector\n"                 /* 4 */
                      "print(len(a))  #> prints 1\n"                                    /* 5 */
                      "#? Tuple? | (3, 0, 0) | why\n"                                   /* 6 */
                      "import gc\n"                                                     /* 7 */
                      "#@ subtract_refs: Inside references go.\n"                       /* 8 */
                      "#@ subtract_refs: All of them.\n"                                /* 9 */
                      "#@ done: Two were found.\n"                                      /* 10 */
                      "gc.collect()\n";                                                 /* 11 */
    gs_Lesson l;
    gs_LessonError e;
    int rc = gs_lesson_parse(src, strlen(src), &l, &e);
    CHECK(rc == 0, "parses: %d %s", e.line, e.msg);
    const gs_Prompt *p = gs_lesson_prompt_at(&l, 3);
    CHECK(p && p->nchoices == 2 && p->answer_choice == 1 && strcmp(p->choices[0], "yes") == 0, "choices");
    CHECK(p && p->hide == (GS_HIDE_COUNTS | GS_HIDE_COLLECTOR) && p->nhide_names == 0, "default hide");
    CHECK(p && p->nshow_names == 1 && strcmp(p->show_names[0], "a") == 0, "show");
    CHECK(p && gs_prompt_check(p, NULL, 1) == GS_ANSWER_RIGHT, "choosing 'no' is right");
    CHECK(p && gs_prompt_check(p, NULL, 0) == GS_ANSWER_WRONG, "choosing 'yes' is not");
    CHECK(p && gs_prompt_check(p, "2", -1) == GS_ANSWER_RIGHT, "typing the choice's number");
    CHECK(p && gs_prompt_check(p, " No. ", -1) == GS_ANSWER_RIGHT, "typing the choice's words");
    CHECK(p && gs_prompt_check(p, "", -1) == GS_ANSWER_EMPTY, "nothing chosen");
    p = gs_lesson_prompt_at(&l, 5);
    CHECK(p && p->hide == GS_HIDE_COLLECTOR && p->nhide_names == 1 && strcmp(p->hide_names[0], "a") == 0,
          "hide names and keywords");
    CHECK(p && gs_prompt_numeric(p), "a number answer is typed");
    CHECK(p && gs_prompt_check(p, "2", -1) == GS_ANSWER_RIGHT && gs_prompt_check(p, " +2.0 ", -1) == GS_ANSWER_RIGHT,
          "numbers compare as numbers");
    CHECK(p && gs_prompt_check(p, "3", -1) == GS_ANSWER_WRONG, "3 is wrong");
    CHECK(p && gs_prompt_direction(p, "5") == -1 && gs_prompt_direction(p, "0") == 1,
          "which way a number two or more off is off: less than 5, more than 0");
    CHECK(p && gs_prompt_direction(p, "3") == 0 && gs_prompt_direction(p, "1") == 0,
          "one off gets no direction: 'less than 3' of a 2 all but says it");
    if (p) {
        gs_Prompt zero = *p;
        zero.answer = (char *)"0";
        CHECK(gs_prompt_direction(&zero, "2") == 0 && gs_prompt_direction(&zero, "3") == -1,
              "'less than 2' of a count of 0 leaves two numbers to guess: no direction; 'less than 3' is one");
    }
    CHECK(p && gs_prompt_check(p, "two", -1) == GS_ANSWER_NOT_A_NUMBER, "words where a number is asked");
    CHECK(p && gs_prompt_check(p, "-2", -1) == GS_ANSWER_WRONG, "negative");
    CHECK(p && gs_prompt_check(p, "99999999999999999999999999999", -1) == GS_ANSWER_WRONG, "huge");
    CHECK(p && gs_prompt_check(p, "1e99999", -1) == GS_ANSWER_WRONG, "overflowing exponent");
    CHECK(p && gs_prompt_check(p, "   ", -1) == GS_ANSWER_EMPTY, "blank");
    CHECK(p && gs_prompt_check(p, "\xc3\xa9\xe2\x82\xac", -1) == GS_ANSWER_NOT_A_NUMBER, "non-ASCII");
    char big[10001];
    memset(big, '7', sizeof big - 1);
    big[sizeof big - 1] = 0;
    CHECK(p && gs_prompt_check(p, big, -1) == GS_ANSWER_NOT_A_NUMBER, "10,000 characters");
    CHECK(l.code_len[5] == (int)strlen("print(len(a))  "), "a trailing marker is cut from the code: %d",
          l.code_len[5]);
    CHECK((l.line_flags[4] & GS_LINE_MARKUP) && (l.line_flags[5] & GS_LINE_PROMPTED) &&
              (l.line_flags[5] & GS_LINE_NARRATED),
          "line flags");
    p = gs_lesson_prompt_at(&l, 7);
    CHECK(p && gs_prompt_check(p, "(3,0,0)", -1) == GS_ANSWER_RIGHT && gs_prompt_check(p, "3 0 0", -1) == GS_ANSWER_RIGHT,
          "tuples of numbers");
    CHECK(p && gs_prompt_check(p, "(3, 0)", -1) == GS_ANSWER_WRONG, "a shorter tuple");
    const char *sub = gs_lesson_phase_narration(&l, 11, GS_GC_SUBTRACT_REFS);
    CHECK(sub && strcmp(sub, "Inside references go. All of them.") == 0, "phase narration joins: %s", sub ? sub : "-");
    CHECK(gs_lesson_phase_narration(&l, 11, GS_GC_DONE) != NULL, "done");
    CHECK(gs_lesson_phase_narration(&l, 11, GS_GC_UPDATE_REFS) == NULL, "no note for update_refs");
    CHECK(gs_lesson_has_phase_notes(&l, 11) && !gs_lesson_has_phase_notes(&l, 7), "lines with phase notes");
    CHECK(l.line_flags[8] & GS_LINE_MARKUP, "'#@' lines are markup");
    gs_lesson_free(&l);

    /* a text answer without choices compares as words */
    const char *t = "x = 1\n#? What happens? | It is freed | why\ny = 2\n";
    CHECK(gs_lesson_parse(t, strlen(t), &l, &e) == 0, "text prompt");
    p = gs_lesson_prompt_at(&l, 3);
    CHECK(p && !gs_prompt_numeric(p), "words, not a number");
    CHECK(p && gs_prompt_check(p, "it   is FREED.", -1) == GS_ANSWER_RIGHT, "case and spaces do not matter");
    CHECK(p && gs_prompt_check(p, "it survives", -1) == GS_ANSWER_WRONG, "other words are wrong");
    gs_lesson_free(&l);
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
    prompts_take_choices_hide_and_show();
    empty_and_odd_inputs_do_not_fail();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
