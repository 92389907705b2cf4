/*
 * trace_json.h — a trace as a JSON document, written and read back.
 *
 * The format ("gcscope-trace", version 2; schema in assets/trace.schema.json,
 * worked example in the README) holds everything the timeline needs and
 * nothing of the VM: the source, the string pool, the program's output,
 * the object table (objects that exist without an alloc event, and the
 * references they hold at the start) and the events, one array of eight
 * fields per event: [kind, sub, flags, line, obj, a, b, c].
 *
 * Writing streams through a sink the caller provides (app/ writes to a
 * temporary file and renames it), with a hand-written formatter: it must
 * keep up with 100 MB/s.  Reading is a small pull parser that fills the
 * trace directly (packed, about 9 bytes per event, instead of the ~700 a
 * DOM parser's tree needs); it validates the document's structure — JSON
 * syntax, UTF-8, nesting depth, types and ranges of every field, counts —
 * and reports the first problem with its byte offset and path.  Whether the
 * events make sense together (no event on a freed object, counts that
 * follow) is the timeline's job: see gs_timeline_first_error().
 */
#ifndef GS_TRACE_JSON_H
#define GS_TRACE_JSON_H

#include <stddef.h>

#include "trace.h"

#define GS_TRACE_FORMAT "gcscope-trace"
/* Version 2 adds sizes: `resize` events and objects' "size" (trace.h,
 * "Sizes"); a version-1 trace still reads, its sizes derived from its
 * events alone. */
#define GS_TRACE_VERSION 2
#define GS_TRACE_MODEL "cpython-3.11"

/* The source a trace was recorded from. */
typedef struct gs_TraceSource {
    char *path;             /* malloc'd, NUL-terminated */
    char *text;             /* malloc'd, NUL-terminated (text may hold NULs: use len) */
    size_t len;
} gs_TraceSource;

void gs_trace_source_free(gs_TraceSource *s);

/* Where written bytes go.  Returns 0, or -1 to stop writing (disk full...). */
typedef int (*gs_JsonSink)(void *ctx, const char *buf, size_t n);

/* Write `t` and its source as JSON.  Returns 0, or -1 if the sink failed
 * or memory ran out. */
int gs_trace_json_write(const gs_Trace *t, const char *path, const char *src, size_t srclen, gs_JsonSink sink,
                        void *ctx);

typedef struct gs_JsonError {
    size_t offset;          /* byte offset in the document */
    char msg[256];          /* "events[12][4] (a): expected a whole number from 0 to 4294967295" */
} gs_JsonError;

/* Parse a JSON trace.  On success returns 0 and `t` (initialised here;
 * free with gs_trace_free) and `src` hold it.  On failure returns -1, fills
 * `err` and leaves nothing allocated. */
int gs_trace_json_read(const char *buf, size_t len, gs_Trace *t, gs_TraceSource *src, gs_JsonError *err);

/* Names used in the format. */
const char *gs_kind_name(int kind);             /* gs_Kind -> "list"; "?" if out of range */
int gs_kind_from_name(const char *s, size_t n); /* -1 if unknown */

#endif
