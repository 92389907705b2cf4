/*
 * viewer_io.c — saved traces in the viewer: open a trace JSON (it is
 * validated and replayed before anything is shown), export the current one
 * (Ctrl+S) through the same atomic writer as `gcscope trace`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_trace.h"
#include "viewer.h"

int gs_viewer_load_trace(gs_Viewer *v, const char *path, char *err, size_t errn)
{
    gs_TraceSource src;
    memset(&src, 0, sizeof src);
    if (gs_trace_load_file(path, &v->loaded, &src, err, errn) < 0)
        return -1;
    v->is_loaded_trace = true;
    v->trace = &v->loaded;
    /* the recorded program's text, for the source panel and its lesson */
    snprintf(v->recorded_from, sizeof v->recorded_from, "%s", src.path ? src.path : "");
    v->source = src.text;
    v->source_len = src.len;
    src.text = NULL;
    gs_trace_source_free(&src);
    if (!v->source) {
        v->source = strdup("");
        v->source_len = 0;
    }
    v->tl = gs_timeline_new(v->trace, NULL);
    if (!v->tl || gs_timeline_sync(v->tl) < 0) {
        snprintf(err, errn, "%s: out of memory while replaying the trace", path);
        if (v->tl)
            gs_timeline_free(v->tl);
        v->tl = NULL;
        gs_trace_free(&v->loaded);
        v->is_loaded_trace = false;
        v->trace = NULL;
        return -1;
    }
    if (v->source)
        gs_viewer_apply_lesson(v);
    gs_viewer_mark_statements(v);
    gs_viewer_finish_recording(v);
    return 0;
}

/* "dir/name.py" -> "dir/name.trace.json"; a loaded "x.json" is re-saved as
 * "x.copy.json" so exporting never overwrites the file that is open. */
static void export_name(const gs_Viewer *v, char *out, size_t n)
{
    const char *p = v->path[0] ? v->path : "gcscope";
    size_t len = strlen(p);
    const char *dot = strrchr(p, '.');
    const char *slash = strrchr(p, '/');
    if (!dot || (slash && dot < slash))
        dot = p + len;
    snprintf(out, n, "%.*s%s", (int)(dot - p), p, v->is_loaded_trace ? ".copy.json" : ".trace.json");
}

int gs_viewer_export(gs_Viewer *v, const char *out, char *msg, size_t n)
{
    if (!v->trace) {
        snprintf(msg, n, "nothing to export: no program is open");
        return -1;
    }
    if (v->recording) {
        snprintf(msg, n, "the program is still running; export once the run has finished");
        return -1;
    }
    char name[1100];
    if (!out) {
        export_name(v, name, sizeof name);
        out = name;
    }
    char err[1200];
    const char *from = v->is_loaded_trace ? v->recorded_from : v->path;
    if (gs_trace_save_file(v->trace, from, v->source ? v->source : "", v->source ? v->source_len : 0, out, err,
                           sizeof err) < 0) {
        snprintf(msg, n, "%s", err);
        return -1;
    }
    snprintf(msg, n, "trace saved: %s (%zu events)", out, v->trace->n);
    return 0;
}
