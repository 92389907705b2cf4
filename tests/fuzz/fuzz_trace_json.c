/*
 * fuzz_trace_json.c — libFuzzer target: bytes -> gs_trace_json_read ->
 * the timeline `gcscope check` and the viewer build over it (strict
 * indexing, first error), then every stepping command and state query.
 * A document that loads is also written back and must load again.
 *
 * Run: build-fuzz/fuzz_trace_json -dict=tests/fuzz/json.dict CORPUS_DIR tests/fuzz/corpus/trace_json
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "record/timeline.h"
#include "record/trace_json.h"

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static int buf_sink(void *ctx, const char *s, size_t n)
{
    Buf *b = ctx;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gs_Trace t;
    gs_TraceSource src;
    gs_JsonError err;
    if (gs_trace_json_read((const char *)data, size, &t, &src, &err) < 0) {
        if (!err.msg[0] || err.offset > size) {
            fprintf(stderr, "fuzz_trace_json: refused without a message or offset (%zu > %zu)\n", err.offset, size);
            abort();
        }
        return 0;
    }
    gs_TimelineConfig cfg = { .strict = true };
    gs_Timeline *tl = gs_timeline_new(&t, &cfg);
    if (tl) {
        gs_timeline_sync(tl);
        size_t ev;
        char why[300];
        bool bad = gs_timeline_first_error(tl, &ev, why, sizeof why);
        /* the viewer refuses a trace with a bad event, but the timeline
         * promises never to crash on one: walk it either way */
        fuzz_walk_timeline(tl);
        gs_timeline_free(tl);
        (void)bad;
    }
    Buf b = { 0 };
    if (gs_trace_json_write(&t, src.path, src.text, src.len, buf_sink, &b) == 0) {
        gs_Trace t2;
        gs_TraceSource src2;
        gs_JsonError err2;
        if (gs_trace_json_read(b.p, b.n, &t2, &src2, &err2) < 0) {
            fprintf(stderr, "fuzz_trace_json: a loaded trace written back does not load: byte %zu: %s\n",
                    err2.offset, err2.msg);
            abort();
        }
        if (t2.n != t.n) {
            fprintf(stderr, "fuzz_trace_json: %zu events written, %zu read back\n", t.n, t2.n);
            abort();
        }
        gs_trace_free(&t2);
        gs_trace_source_free(&src2);
    }
    free(b.p);
    gs_trace_free(&t);
    gs_trace_source_free(&src);
    return 0;
}
