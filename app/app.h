/*
 * app.h — what the files of app/ share: commands and course loading.
 */
#ifndef GS_APP_H
#define GS_APP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gs_CourseEntry {
    char *file;      /* "02_reference_counting.py" */
    char *path;      /* full path */
    char *chapter;
    char *title;
    char *summary;
} gs_CourseEntry;

typedef struct gs_Course {
    gs_CourseEntry *entries;
    int nentries;
} gs_Course;

bool gs_app_find_lessons(char *out, size_t n);
bool gs_app_find_asset(const char *name, char *out, size_t n); /* assets/NAME in the data directory */
char *gs_app_read_file(const char *path, size_t *len); /* NUL-terminated, malloc'd; NULL + errno */
int gs_course_load(const char *dir, gs_Course *c, char *err, size_t errn);
void gs_course_free(gs_Course *c);

int gs_cmd_lessons(int argc, char **argv);

#endif
