/*
 * fuzz_run.c — libFuzzer target: source text -> compile -> run, the way
 * the viewer runs a scenario (recording, with an event budget per frame and
 * the timeline indexing as it goes), under small event and heap limits so
 * a runaway program ends quickly.  Then the recorded trace is written as
 * JSON and read back, and the timeline is walked.
 *
 * Oracles besides the sanitizers: a completed run's trace must replay with
 * no invalid event (the viewer would otherwise show a wrong heap), and the
 * JSON the VM writes must load back.
 *
 * Build: cmake -B build-fuzz -DCMAKE_C_COMPILER=clang -DGCSCOPE_FUZZ=ON
 * Run:   build-fuzz/fuzz_run -dict=tests/fuzz/python.dict CORPUS_DIR tests/fuzz/corpus/run
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "lang/compile.h"
#include "record/timeline.h"
#include "record/trace_json.h"
#include "runtime/vm.h"

static void discard(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    (void)s;
    (void)n;
}

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
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = true;
    cfg.max_events = 50000;
    cfg.heap_limit = (size_t)32 << 20;
    cfg.write_out = discard;
    cfg.write_err = discard;
    gs_VM *vm = gs_vm_new(&cfg);
    if (!vm)
        return 0;
    gs_Timeline *tl = gs_timeline_new(&vm->trace, NULL);
    gs_Error err;
    memset(&err, 0, sizeof err);
    gs_RunStatus st = GS_RUN_LIMIT;
    if (gs_load_program(vm, "fuzz.py", (const char *)data, size, &err) == 0) {
        /* the viewer's loop: a budget of events per frame, index as we go */
        do {
            gs_error_clear(&err);
            st = gs_vm_run(vm, 3000, &err);
            if (tl)
                gs_timeline_sync(tl);
        } while (st == GS_RUN_PAUSED);
    }
    gs_error_clear(&err);
    if (tl) {
        size_t ev;
        char why[300];
        if ((st == GS_RUN_DONE || st == GS_RUN_EXCEPTION) && gs_timeline_first_error(tl, &ev, why, sizeof why)) {
            fprintf(stderr, "fuzz_run: the VM recorded a trace that does not replay: %s\n", why);
            abort();
        }
        fuzz_walk_timeline(tl);
        gs_timeline_free(tl);
    }
    Buf b = { 0 };
    if (gs_trace_json_write(&vm->trace, "fuzz.py", (const char *)data, size, buf_sink, &b) == 0) {
        gs_Trace t;
        gs_TraceSource src;
        gs_JsonError jerr;
        if (gs_trace_json_read(b.p, b.n, &t, &src, &jerr) < 0) {
            fprintf(stderr, "fuzz_run: the VM's own JSON does not load: byte %zu: %s\n", jerr.offset, jerr.msg);
            abort();
        }
        gs_trace_free(&t);
        gs_trace_source_free(&src);
    }
    free(b.p);
    gs_vm_free(vm);
    return 0;
}
