/*
 * lessons.c — the course index (lessons/course.json) and `gcscope lessons`.
 *
 * The lessons folder is found, in order, at $GCSCOPE_DATA/lessons, next to
 * the executable (../lessons from build/, ../share/gcscope/lessons when
 * installed), then in the source tree the binary was built from.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "record/lesson.h"

/* `<data dir>/<rel>`, readable: the data directory is $GCSCOPE_DATA, then
 * next to the executable (build tree or installed share/gcscope), then the
 * source tree this binary was built from. */
static bool find_data(const char *rel, char *out, size_t n)
{
    const char *env = getenv("GCSCOPE_DATA");
    if (env && *env) {
        snprintf(out, n, "%s/%s", env, rel);
        if (access(out, R_OK) == 0)
            return true;
    }
    char exe[PATH_MAX];
    ssize_t r = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (r > 0) {
        exe[r] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            const char *dirs[] = { "..", "../share/gcscope", "." };
            for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
                snprintf(out, n, "%s/%s/%s", exe, dirs[i], rel);
                if (access(out, R_OK) == 0)
                    return true;
            }
        }
    }
#ifdef GCSCOPE_SOURCE_DIR
    snprintf(out, n, "%s/%s", GCSCOPE_SOURCE_DIR, rel);
    if (access(out, R_OK) == 0)
        return true;
#endif
    return false;
}

bool gs_app_find_lessons(char *out, size_t n)
{
    if (!find_data("lessons/course.json", out, n))
        return false;
    out[strlen(out) - strlen("/course.json")] = 0;
    return true;
}

bool gs_app_find_asset(const char *name, char *out, size_t n)
{
    char rel[256];
    snprintf(rel, sizeof rel, "assets/%s", name);
    return find_data(rel, out, n);
}

char *gs_app_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap > ((size_t)1 << 30)) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                fclose(f);
                errno = e;
                return NULL;
            }
            break;
        }
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

void gs_course_free(gs_Course *c)
{
    for (int i = 0; i < c->nentries; i++) {
        free(c->entries[i].file);
        free(c->entries[i].path);
        free(c->entries[i].chapter);
        free(c->entries[i].title);
        free(c->entries[i].summary);
    }
    free(c->entries);
    memset(c, 0, sizeof *c);
}

/* Load lessons/course.json and each lesson's header. */
int gs_course_load(const char *dir, gs_Course *c, char *err, size_t errn)
{
    memset(c, 0, sizeof *c);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/course.json", dir);
    size_t len;
    char *text = gs_app_read_file(path, &len);
    if (!text) {
        snprintf(err, errn, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        snprintf(err, errn, "%s: not valid JSON near byte %ld", path, at ? (long)(at - text) : 0L);
        free(text);
        return -1;
    }
    int rc = 0;
    cJSON *chapters = cJSON_GetObjectItemCaseSensitive(root, "chapters");
    if (!cJSON_IsArray(chapters)) {
        snprintf(err, errn, "%s: needs a \"chapters\" array", path);
        rc = -1;
        goto done;
    }
    int ci = 0;
    cJSON *ch;
    cJSON_ArrayForEach(ch, chapters) {
        cJSON *title = cJSON_GetObjectItemCaseSensitive(ch, "title");
        cJSON *lessons = cJSON_GetObjectItemCaseSensitive(ch, "lessons");
        if (!cJSON_IsString(title) || !cJSON_IsArray(lessons)) {
            snprintf(err, errn, "%s: chapter %d needs a \"title\" string and a \"lessons\" array", path, ci + 1);
            rc = -1;
            goto done;
        }
        cJSON *lf;
        cJSON_ArrayForEach(lf, lessons) {
            if (!cJSON_IsString(lf) || strchr(lf->valuestring, '/') || !strstr(lf->valuestring, ".py")) {
                snprintf(err, errn, "%s: chapter \"%s\": lesson entries must be file names like \"01_name.py\"", path,
                         title->valuestring);
                rc = -1;
                goto done;
            }
            gs_CourseEntry *ne = realloc(c->entries, (size_t)(c->nentries + 1) * sizeof *ne);
            if (!ne) {
                snprintf(err, errn, "out of memory");
                rc = -1;
                goto done;
            }
            c->entries = ne;
            gs_CourseEntry *e = &c->entries[c->nentries++];
            memset(e, 0, sizeof *e);
            e->file = strdup(lf->valuestring);
            e->chapter = strdup(title->valuestring);
            char lp[PATH_MAX];
            snprintf(lp, sizeof lp, "%s/%s", dir, lf->valuestring);
            e->path = strdup(lp);
            size_t sl;
            char *src = gs_app_read_file(lp, &sl);
            if (!src) {
                snprintf(err, errn, "%s: cannot read lesson named in course.json: %s", lp, strerror(errno));
                rc = -1;
                goto done;
            }
            gs_Lesson les;
            gs_LessonError le;
            if (gs_lesson_parse(src, sl, &les, &le) < 0) {
                snprintf(err, errn, "%s: out of memory", lp);
                free(src);
                rc = -1;
                goto done;
            }
            /* a lesson with problems still opens (without the bad markers);
             * `gcscope lessons --check` lists them */
            if (!les.has_header) {
                snprintf(err, errn, "%s:1: a lesson needs a header ('# ---' / '# title: ...' / '# ---')", lp);
                gs_lesson_free(&les);
                free(src);
                rc = -1;
                goto done;
            }
            e->title = strdup(les.title ? les.title : lf->valuestring);
            e->summary = strdup(les.summary ? les.summary : "");
            gs_lesson_free(&les);
            free(src);
        }
        ci++;
    }
done:
    cJSON_Delete(root);
    free(text);
    if (rc < 0)
        gs_course_free(c);
    return rc;
}

/* Every problem of one lesson file, as `path:line: problem`; how many. */
static int check_file(const char *path)
{
    size_t n;
    char *src = gs_app_read_file(path, &n);
    if (!src) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        return 1;
    }
    gs_Lesson l;
    gs_LessonError le;
    int problems = gs_lesson_parse(src, n, &l, &le);
    free(src);
    if (problems < 0) {
        fprintf(stderr, "%s: out of memory\n", path);
        return 1;
    }
    for (int i = 0; i < l.nproblems; i++)
        fprintf(stderr, "%s:%d: %s\n", path, l.problems[i].line, l.problems[i].msg);
    gs_lesson_free(&l);
    return problems;
}

int gs_cmd_lessons(int argc, char **argv)
{
    const char *dir = NULL;
    bool check = false;
    char found[PATH_MAX];
    const char *files[64];
    int nfiles = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--check") == 0)
            check = true;
        else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (check && argv[i][0] != '-' && nfiles < 64)
            files[nfiles++] = argv[i];
        else {
            fprintf(stderr, "gcscope: lessons: unknown argument '%s' (usage: gcscope lessons [--check [FILE.py ...]] "
                    "[--dir DIR])\n", argv[i]);
            return 2;
        }
    }
    if (nfiles) {
        /* an instructor's own files: their markers and header */
        int problems = 0;
        for (int i = 0; i < nfiles; i++)
            problems += check_file(files[i]);
        if (problems == 0)
            printf("%d file%s, every header and marker valid\n", nfiles, nfiles == 1 ? "" : "s");
        return problems ? 2 : 0;
    }
    if (!dir) {
        if (!gs_app_find_lessons(found, sizeof found)) {
            fprintf(stderr, "gcscope: cannot find the lessons folder (set GCSCOPE_DATA to the folder holding lessons/)\n");
            return 2;
        }
        dir = found;
    }
    gs_Course c;
    char err[1024];
    if (gs_course_load(dir, &c, err, sizeof err) < 0) {
        fprintf(stderr, "gcscope: %s\n", err);
        return 2;
    }
    int rc = 0;
    if (check) {
        /* every .py in the folder must be in the course */
        DIR *d = opendir(dir);
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL) {
            const char *name = de->d_name;
            size_t nl = strlen(name);
            if (nl < 4 || strcmp(name + nl - 3, ".py") != 0)
                continue;
            bool listed = false;
            for (int i = 0; i < c.nentries; i++)
                if (strcmp(c.entries[i].file, name) == 0)
                    listed = true;
            if (!listed) {
                fprintf(stderr, "gcscope: %s/%s: lesson file is not listed in course.json\n", dir, name);
                rc = 2;
            }
        }
        if (d)
            closedir(d);
        for (int i = 0; i < c.nentries; i++)
            if (check_file(c.entries[i].path))
                rc = 2;
        if (rc == 0)
            printf("%d lessons, all headers and markers valid\n", c.nentries);
    } else {
        const char *last = "";
        int n = 0;
        for (int i = 0; i < c.nentries; i++) {
            gs_CourseEntry *e = &c.entries[i];
            if (strcmp(last, e->chapter) != 0) {
                printf("%s%s\n", i ? "\n" : "", e->chapter);
                last = e->chapter;
            }
            printf("  %2d. %-44s %s\n", ++n, e->title, e->summary);
        }
        printf("\nOpen one with: gcscope %s/<file>.py   (files: %s)\n", dir, dir);
    }
    gs_course_free(&c);
    return rc;
}
