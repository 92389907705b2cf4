/*
 * cmd_trace.h — `gcscope trace` and `gcscope check`, and the trace-file
 * loader the viewer and `gcscope shot` share.
 */
#ifndef GS_CMD_TRACE_H
#define GS_CMD_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "record/trace.h"
#include "record/trace_json.h"

/* gcscope trace FILE.py -o OUT.json [--max-events N]: run recording and
 * write the trace atomically.  Exit 0, 1 (the program raised; the trace is
 * still written), 2 (usage, unreadable input, failed write), 3 (limit). */
int gs_cmd_trace(int argc, char **argv);

/* The argument of --gc-detail: a positive number of objects, or "all"
 * (every pass in full, -1).  False (with a message on stderr) otherwise. */
bool gs_parse_gc_detail(const char *arg, int64_t *out);

/* gcscope check TRACE.json: validate and replay.  Exit 0, or 2 naming the
 * first problem. */
int gs_cmd_check(int argc, char **argv);

/* Read, parse and replay a trace file.  Returns 0 with `t` and `src` filled
 * (free with gs_trace_free / gs_trace_source_free), or -1 with `msg` set to
 * one line naming the file and the problem ("t.json: byte 12: ...",
 * "t.json: event 40 (decref): ..."). */
int gs_trace_load_file(const char *path, gs_Trace *t, gs_TraceSource *src, char *msg, size_t msgsize);

/* Write `t` (recorded from `path`, whose text is `src`) to `out` as JSON,
 * through a temporary file renamed into place, so a failed write never
 * leaves half a trace.  Returns 0, or -1 with `msg` set to one line. */
int gs_trace_save_file(const gs_Trace *t, const char *path, const char *src, size_t srclen, const char *out,
                       char *msg, size_t msgsize);

#endif
