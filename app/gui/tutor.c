/*
 * tutor.c — the lesson's side of the viewer: what a student is told and
 * asked at the position on screen.
 *
 *   - The source panel shows the program, not the lesson: markup lines are
 *     left out and marker comments cut (an answer never sits beside its
 *     question); narrated and prompted lines get a mark in the gutter.
 *   - Narration belongs to its moment: the text of the line about to run,
 *     the text of the line that just ran (greyed), nothing older; inside a
 *     call without narration of its own, the calling line's.  During a
 *     collection, the lesson's words for the phase on screen.
 *   - A prediction prompt stops a forward move before its line runs and
 *     holds it until answered (typed, or a choice) or skipped: a wrong
 *     answer gets a second try, a second wrong one the answer; what would
 *     give the answer away shows '?' meanwhile.  First-try answers are the
 *     lesson's score, kept in the student's progress file.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "app.h"
#include "viewer.h"

/* ================================================================== source lines */

static void build_source_lines(gs_Viewer *v)
{
    free(v->src_lines);
    v->src_lines = NULL;
    v->nsrc_lines = 0;
    const char *s = v->source;
    size_t n = v->source_len;
    if (!s)
        return;
    int cap = 64;
    v->src_lines = malloc((size_t)cap * sizeof *v->src_lines);
    if (!v->src_lines)
        return;
    const gs_Lesson *l = v->has_lesson ? &v->lesson : NULL;
    size_t i = 0;
    int line = 1;
    bool last_blank = true; /* no blank lines at the top once the header is gone */
    while (i < n || (i == n && n == 0 && line == 1)) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        size_t len = j - i;
        unsigned flags = l && l->line_flags && line <= l->nlines ? l->line_flags[line] : 0;
        if (l && l->code_len && line <= l->nlines && l->code_len[line] >= 0 && (size_t)l->code_len[line] < len)
            len = (size_t)l->code_len[line];
        while (len && (s[i + len - 1] == ' ' || s[i + len - 1] == '\t') && (flags & GS_LINE_MARKUP) == 0 &&
               l && l->code_len && line <= l->nlines && l->code_len[line] >= 0)
            len--;
        bool blank = true;
        for (size_t k = 0; k < len; k++)
            if (s[i + k] != ' ' && s[i + k] != '\t')
                blank = false;
        /* markup goes; so does a blank line that would follow another */
        if (!(flags & GS_LINE_MARKUP) && !(blank && last_blank && l && l->has_header)) {
            if (v->nsrc_lines == cap) {
                cap *= 2;
                gs_SourceLine *nl = realloc(v->src_lines, (size_t)cap * sizeof *nl);
                if (!nl)
                    return;
                v->src_lines = nl;
            }
            v->src_lines[v->nsrc_lines++] = (gs_SourceLine){
                .line = line, .start = (uint32_t)i, .len = (uint32_t)len,
                .marks = (uint8_t)(flags & (GS_LINE_NARRATED | GS_LINE_PROMPTED | GS_LINE_PHASES)),
            };
            last_blank = blank;
        }
        if (j < n && s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
            j++;
        i = j + 1;
        line++;
        if (j >= n)
            break;
    }
}

static int resolve_names(const gs_Scene *s, char *const *names, int n, uint32_t *out, int max);

/* ================================================================== life */

void gs_tutor_open(gs_Viewer *v)
{
    free(v->prompts);
    v->prompts = v->has_lesson && v->lesson.nprompts ? calloc((size_t)v->lesson.nprompts, sizeof *v->prompts) : NULL;
    v->prompt_active = -1;
    v->prompt_feedback[0] = 0;
    v->stop_reason[0] = 0;
    v->step_note[0] = 0;
    build_source_lines(v);
}

void gs_tutor_close(gs_Viewer *v)
{
    free(v->prompts);
    v->prompts = NULL;
    v->prompt_active = -1;
    free(v->src_lines);
    v->src_lines = NULL;
    v->nsrc_lines = 0;
}

/* ================================================================== the progress file */

const char *gs_progress_path(char *buf, size_t n)
{
    const char *env = getenv("GCSCOPE_PROGRESS");
    if (env)
        return *env ? snprintf(buf, n, "%s", env), buf : NULL;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        snprintf(buf, n, "%s/gcscope/progress.json", xdg);
    else if (home && *home)
        snprintf(buf, n, "%s/.local/share/gcscope/progress.json", home);
    else
        return NULL;
    return buf;
}

static cJSON *progress_load(void)
{
    char path[PATH_MAX];
    if (!gs_progress_path(path, sizeof path))
        return NULL;
    size_t len;
    char *text = gs_app_read_file(path, &len);
    cJSON *root = text ? cJSON_ParseWithLength(text, len) : NULL;
    free(text);
    if (root && !cJSON_IsObject(root)) {
        cJSON_Delete(root);
        root = NULL;
    }
    return root;
}

static void mkdirs(char *path)
{
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0755);
            *p = '/';
        }
}

/* Written beside, then renamed: a crash never leaves half a file. */
static void progress_save(cJSON *root)
{
    char path[PATH_MAX], tmp[PATH_MAX + 16];
    if (!gs_progress_path(path, sizeof path))
        return;
    char *text = cJSON_Print(root);
    if (!text)
        return;
    mkdirs(path);
    snprintf(tmp, sizeof tmp, "%s.%d.tmp", path, (int)getpid());
    FILE *f = fopen(tmp, "w");
    bool ok = f && fputs(text, f) >= 0;
    if (f && fclose(f) != 0)
        ok = false;
    if (ok)
        ok = rename(tmp, path) == 0;
    if (!ok)
        remove(tmp);
    free(text);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The lesson's score once every prompt is answered: the best is kept. */
static void record_score(gs_Viewer *v)
{
    if (!v->has_lesson || !v->lesson.has_header || !v->lesson.nprompts || v->no_progress)
        return;
    int right = 0;
    for (int i = 0; i < v->lesson.nprompts; i++) {
        if (v->prompts[i].state != GS_PROMPT_RIGHT && v->prompts[i].state != GS_PROMPT_SHOWN)
            return;
        right += v->prompts[i].first_try;
    }
    cJSON *root = progress_load();
    if (!root)
        root = cJSON_CreateObject();
    if (!root)
        return;
    cJSON *lessons = cJSON_GetObjectItemCaseSensitive(root, "lessons");
    if (!cJSON_IsObject(lessons)) {
        cJSON_DeleteItemFromObjectCaseSensitive(root, "lessons");
        lessons = cJSON_AddObjectToObject(root, "lessons");
    }
    const char *name = base_name(v->path);
    cJSON *old = lessons ? cJSON_GetObjectItemCaseSensitive(lessons, name) : NULL;
    cJSON *old_right = old ? cJSON_GetObjectItemCaseSensitive(old, "right") : NULL;
    if (lessons && (!cJSON_IsNumber(old_right) || old_right->valuedouble < right)) {
        cJSON_DeleteItemFromObjectCaseSensitive(lessons, name);
        cJSON *e = cJSON_AddObjectToObject(lessons, name);
        if (e) {
            cJSON_AddNumberToObject(e, "right", right);
            cJSON_AddNumberToObject(e, "of", v->lesson.nprompts);
        }
        progress_save(root);
    }
    cJSON_Delete(root);
}

bool gs_progress_flag(const char *name)
{
    cJSON *root = progress_load();
    bool on = root && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, name));
    cJSON_Delete(root);
    return on;
}

void gs_progress_set_flag(const char *name)
{
    cJSON *root = progress_load();
    if (!root)
        root = cJSON_CreateObject();
    if (!root)
        return;
    cJSON_DeleteItemFromObjectCaseSensitive(root, name);
    cJSON_AddTrueToObject(root, name);
    progress_save(root);
    cJSON_Delete(root);
}

void gs_tutor_course_scores(gs_Viewer *v)
{
    int n = v->course.nentries;
    free(v->lesson_score);
    free(v->lesson_score_of);
    v->lesson_score = calloc((size_t)n + 1, sizeof(int));
    v->lesson_score_of = calloc((size_t)n + 1, sizeof(int));
    if (!v->lesson_score || !v->lesson_score_of)
        return;
    cJSON *root = progress_load();
    cJSON *lessons = root ? cJSON_GetObjectItemCaseSensitive(root, "lessons") : NULL;
    for (int i = 0; i < n; i++) {
        cJSON *e = cJSON_IsObject(lessons) ? cJSON_GetObjectItemCaseSensitive(lessons, v->course.entries[i].file)
                                           : NULL;
        cJSON *r = e ? cJSON_GetObjectItemCaseSensitive(e, "right") : NULL;
        cJSON *of = e ? cJSON_GetObjectItemCaseSensitive(e, "of") : NULL;
        bool ok = cJSON_IsNumber(r) && cJSON_IsNumber(of) && r->valuedouble >= 0 && of->valuedouble >= r->valuedouble &&
                  of->valuedouble < 1000;
        v->lesson_score[i] = ok ? (int)r->valuedouble : -1;
        v->lesson_score_of[i] = ok ? (int)of->valuedouble : 0;
    }
    cJSON_Delete(root);
}

/* ================================================================== prompts */

static bool prompt_open(const gs_Viewer *v, int i)
{
    return v->prompts && (v->prompts[i].state == GS_PROMPT_ASKING || v->prompts[i].state == GS_PROMPT_RETRY);
}

size_t gs_tutor_guard(gs_Viewer *v, size_t from, size_t to)
{
    if (!v->has_lesson || !v->lesson.nprompts || to <= from || !v->prompts)
        return to;
    bool any = false;
    for (int i = 0; i < v->lesson.nprompts && !any; i++)
        any = prompt_open(v, i);
    if (!any)
        return to;
    const gs_Trace *t = v->trace;
    for (size_t i = from; i < to && i < t->n; i++) {
        gs_Event e = gs_trace_get(t, i);
        if (e.kind != GS_EV_LINE || !(v->lesson.line_flags && (int)e.line <= v->lesson.nlines &&
                                      (v->lesson.line_flags[e.line] & GS_LINE_PROMPTED)))
            continue;
        for (int k = 0; k < v->lesson.nprompts; k++)
            if (v->lesson.prompts[k].line == (int)e.line && prompt_open(v, k)) {
                if (v->prompt_active != k)
                    v->prompt_feedback[0] = 0;
                v->prompt_active = k;
                return i + 1;
            }
    }
    return to;
}

bool gs_tutor_holds_forward(gs_Viewer *v)
{
    if (v->prompt_active < 0 || !prompt_open(v, v->prompt_active))
        return false;
    const gs_Prompt *p = &v->lesson.prompts[v->prompt_active];
    bool retry = v->prompts && v->prompts[v->prompt_active].state == GS_PROMPT_RETRY;
    if (p->nchoices)
        snprintf(v->prompt_feedback, sizeof v->prompt_feedback,
                 retry ? "Not quite yet: pick another answer (keys 1 to %d) — or press Tab to see it."
                       : "First pick an answer (keys 1 to %d, or click one) — or press Tab to skip.",
                 p->nchoices);
    else
        snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "%s",
                 retry ? "Not quite yet: type another answer and press Enter — or press Tab to see it."
                       : "First type your answer and press Enter — or press Tab to skip.");
    return true;
}

void gs_tutor_release(gs_Viewer *v)
{
    v->prompt_active = -1;
    v->prompt_feedback[0] = 0;
}

void gs_tutor_answer(gs_Viewer *v, const gs_Action *a)
{
    int i = (int)a->arg;
    if (!v->has_lesson || i < 0 || i >= v->lesson.nprompts || i != v->prompt_active || !prompt_open(v, i))
        return;
    const gs_Prompt *p = &v->lesson.prompts[i];
    struct gs_PromptProgress *pp = &v->prompts[i];
    switch (gs_prompt_check(p, a->text, a->choice)) {
    case GS_ANSWER_EMPTY:
        if (p->nchoices && pp->state == GS_PROMPT_RETRY)
            return; /* Enter after a wrong pick: "Not quite" stays on screen */
        if (p->nchoices)
            snprintf(v->prompt_feedback, sizeof v->prompt_feedback,
                     "Pick one of the answers (keys 1 to %d), or press Tab to skip.", p->nchoices);
        else
            snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "Type your answer, then press Enter (Tab skips).");
        return;
    case GS_ANSWER_NOT_A_NUMBER:
        snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "%s",
                 strchr(p->answer, ',') ? "Please answer with numbers, like (1, 2, 3)." : "Please answer with a number.");
        return;
    case GS_ANSWER_RIGHT:
        pp->first_try = pp->tries == 0;
        pp->state = GS_PROMPT_RIGHT;
        snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "%s", pp->first_try ? "Right!" : "Right, this time!");
        break;
    case GS_ANSWER_WRONG:
        pp->tries++;
        if (pp->tries == 1) {
            pp->state = GS_PROMPT_RETRY;
            uint32_t ids[16]; /* point at highlighted objects only if some are on the heap */
            int nids = p->nshow_names ? resolve_names(&v->scene, p->show_names, p->nshow_names, ids, 16)
                                      : resolve_names(&v->scene, p->hide_names, p->nhide_names, ids, 16);
            /* a second try needs something to go on: the lesson's hint,
             * else which way a number is off, and where to look */
            int dir = gs_prompt_direction(p, a->text);
            char off[64] = "";
            if (dir)
                snprintf(off, sizeof off, " The answer is %s than %.20s.", dir > 0 ? "more" : "less", a->text);
            else if (!p->nchoices) {
                /* the field is cleared for the second try: what was typed
                 * stays in sight here (cut whole characters) */
                int n = (int)strlen(a->text);
                if (n > 40)
                    for (n = 40; n > 0 && ((unsigned char)a->text[n] & 0xC0) == 0x80; n--)
                        ;
                snprintf(off, sizeof off, " You answered %.*s%s.", n, a->text, a->text[n] ? "…" : "");
            }
            if (p->hint)
                snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "Not quite.%s Hint: %.300s", off, p->hint);
            else
                snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "Not quite.%s %s", off,
                         nids > 0 ? "Look again at the highlighted objects, then try once more."
                                  : "Look again at the heap, then try once more.");
            return;
        }
        pp->state = GS_PROMPT_SHOWN;
        snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "Not quite: the answer is %.100s.", p->answer);
        break;
    }
    record_score(v);
}

void gs_tutor_skip(gs_Viewer *v, int i)
{
    if (!v->has_lesson || i < 0 || i >= v->lesson.nprompts || i != v->prompt_active || !prompt_open(v, i))
        return;
    v->prompts[i].state = GS_PROMPT_SHOWN;
    v->prompts[i].first_try = false;
    snprintf(v->prompt_feedback, sizeof v->prompt_feedback, "Skipped: the answer is %.100s.",
             v->lesson.prompts[i].answer);
    record_score(v);
}

/* ================================================================== what the frame shows */

/* The object a name refers to, from the innermost frame out; a dotted
 * path ("bounded.items") follows the drawn objects' attribute slots. */
static uint32_t resolve_name(const gs_Scene *s, const char *name)
{
    const char *dot = strchr(name, '.');
    if (dot) {
        char head[128];
        snprintf(head, sizeof head, "%.*s", (int)(dot - name), name);
        uint32_t id = resolve_name(s, head);
        while (id && dot) {
            const char *attr = dot + 1;
            dot = strchr(attr, '.');
            size_t n = dot ? (size_t)(dot - attr) : strlen(attr);
            const gs_SceneObject *o = gs_scene_find(s, id);
            id = 0;
            for (int k = 0; o && k < o->nslots; k++) {
                const gs_SceneSlot *sl = &s->slots[o->first_slot + k];
                if (strlen(sl->label) == n && strncmp(sl->label, attr, n) == 0)
                    id = sl->target;
            }
        }
        return id;
    }
    for (int fi = s->nframes - 1; fi >= 0; fi--) {
        const gs_SceneFrame *f = &s->frames[fi];
        if (f->paused)
            continue; /* a generator's waiting frame: not where a lesson's names live */
        for (int k = 0; k < f->nnames; k++)
            if (strcmp(s->names[f->first_name + k].name, name) == 0)
                return s->names[f->first_name + k].target;
    }
    return 0;
}

static int resolve_names(const gs_Scene *s, char *const *names, int n, uint32_t *out, int max)
{
    int k = 0;
    for (int i = 0; i < n && k < max; i++) {
        uint32_t id = resolve_name(s, names[i]);
        if (id)
            out[k++] = id;
    }
    return k;
}

/* The latest line event at or before index `from` whose line is `line`
 * (SIZE_MAX: none within reach). */
static size_t line_event_of(gs_Viewer *v, size_t from, int line)
{
    int hops = 0;
    for (size_t i = from; i != SIZE_MAX && hops < 4096; i = gs_timeline_line_event_before(v->tl, i), hops++)
        if ((int)gs_trace_get(v->trace, i).line == line)
            return i;
    return SIZE_MAX;
}

/* The narration of the moment: the line the running frame is on ("about
 * to run", or running: after a call returns, its caller's line again),
 * and the line that ran before it ("just ran"); inside a call with no
 * narration of its own, the calling line's. */
static void narration(gs_Viewer *v, gs_UiData *d)
{
    size_t pos = gs_timeline_pos(v->tl);
    size_t last = gs_timeline_line_event_before(v->tl, pos);
    if (last == SIZE_MAX)
        return;
    int l1 = (int)gs_timeline_line(v->tl);
    d->narration = gs_lesson_narration(&v->lesson, l1);
    d->narration_line = l1;
    size_t cur = line_event_of(v, last, l1);
    size_t before = gs_viewer_line_before(v, cur); /* over a call: the calling line */
    if (before != SIZE_MAX) {
        int l0 = (int)gs_trace_get(v->trace, before).line;
        if (l0 != l1 && gs_lesson_narration(&v->lesson, l0)) {
            d->narration_prev = gs_lesson_narration(&v->lesson, l0);
            d->narration_prev_line = l0;
            /* the first line of a call: the calling line has not finished */
            const gs_Scene *s = d->scene;
            for (int fi = s->nframes - 2; fi >= 0; fi--)
                if ((int)s->frames[fi].line == l0)
                    d->narration_prev_running = true;
        }
    }
    if (!d->narration) {
        /* the frames outside the current line's: a calling line's words */
        const gs_Scene *s = d->scene;
        for (int fi = s->nframes - 2; fi >= 0; fi--) {
            const char *t = gs_lesson_narration(&v->lesson, s->frames[fi].line);
            if (t) {
                d->narration = t;
                d->narration_line = s->frames[fi].line;
                break;
            }
        }
        if (d->narration && d->narration_line == d->narration_prev_line)
            d->narration_prev = NULL;
    }
    /* the collector's work is the subject now, not the line before, and
     * still once a collection this line started has ended */
    gs_TLGC gc;
    gs_timeline_gc(v->tl, &gc);
    if (d->scene->in_collection || (gc.start_event != 0xffffffffu && gc.start_event > last))
        d->narration_prev = NULL;
}

void gs_tutor_data(gs_Viewer *v, gs_UiData *d)
{
    d->src_lines = v->src_lines;
    d->nsrc_lines = v->nsrc_lines;
    d->stop_reason = v->stop_reason[0] ? v->stop_reason : NULL;
    d->step_note = v->step_note[0] ? v->step_note : NULL;
    d->at_end = !v->recording && gs_timeline_pos(v->tl) >= gs_timeline_length(v->tl) && gs_timeline_length(v->tl);
    if (!v->has_lesson)
        return;
    narration(v, d);
    const gs_Scene *s = d->scene;
    size_t pos = gs_timeline_pos(v->tl);
    bool just_ended = pos > 0 && gs_trace_get(v->trace, pos - 1).kind == GS_EV_GC_END;
    if (s->in_collection || just_ended) {
        /* the phase on screen; right after a collection, its "done" */
        gs_TLGC gc;
        gs_timeline_gc(v->tl, &gc);
        if (gc.start_event < v->trace->n)
            d->phase_note = gs_lesson_phase_narration(&v->lesson, (int)gs_trace_get(v->trace, gc.start_event).line,
                                                      s->in_collection ? gc.phase : GS_GC_DONE);
    }
    d->score_of = v->lesson.nprompts;
    for (int i = 0; i < v->lesson.nprompts && v->prompts; i++) {
        d->score_right += v->prompts[i].first_try;
        d->prompts_answered += !prompt_open(v, i);
    }
    if (v->prompt_active < 0 || !v->prompts)
        return;
    const gs_Prompt *p = &v->lesson.prompts[v->prompt_active];
    struct gs_PromptProgress *pp = &v->prompts[v->prompt_active];
    gs_UiPrompt *u = &v->ui_prompt;
    *u = (gs_UiPrompt){
        .index = v->prompt_active, .question = p->question, .answer = p->answer, .explanation = p->explanation,
        .choices = (const char *const *)p->choices, .nchoices = p->nchoices, .numeric = gs_prompt_numeric(p), .tuple = p->answer[0] == '(',
        .state = pp->state, .feedback = v->prompt_feedback[0] ? v->prompt_feedback : NULL, .line = p->line,
    };
    d->prompt = u;
    if (prompt_open(v, v->prompt_active)) {
        d->hide_counts = p->hide & GS_HIDE_COUNTS;
        d->hide_collector = p->hide & GS_HIDE_COLLECTOR;
        d->hide_output = p->hide & GS_HIDE_OUTPUT;
        v->nhide_ids = resolve_names(s, p->hide_names, p->nhide_names, v->hide_ids, 16);
        d->hide_ids = v->hide_ids;
        d->nhide_ids = v->nhide_ids;
    }
    /* the part of the heap that shows why: after a wrong answer and with the feedback */
    if (pp->state != GS_PROMPT_ASKING) {
        v->nshow_ids = p->nshow_names ? resolve_names(s, p->show_names, p->nshow_names, v->show_ids, 16)
                                      : resolve_names(s, p->hide_names, p->nhide_names, v->show_ids, 16);
        d->show_ids = v->show_ids;
        d->nshow_ids = v->nshow_ids;
    }
}
