/*
 * viewer_io.c — saved traces in the viewer: open a trace JSON, export the
 * current one (Ctrl+S).
 */
#include <stdio.h>
#include <string.h>

#include "viewer.h"

int gs_viewer_load_trace(gs_Viewer *v, const char *path, char *err, size_t errn)
{
    (void)v;
    snprintf(err, errn, "%s: this build cannot open saved traces yet (the trace reader is not linked)", path);
    return -1;
}

int gs_viewer_export(gs_Viewer *v, char *msg, size_t n)
{
    snprintf(msg, n, "exporting %s needs the trace writer, which this build does not have yet", v->path);
    return -1;
}
