/*
 * bench_gc.c — one full collection inside gcscope, timed in the process.
 *
 * usage: bench_gc HEAP.py [--no-record | --gc-detail-all]
 *
 * Runs HEAP.py (a gc_heap_*.py file: it builds a heap with the collector
 * disabled and ends with the line `ready = True`) in a VM, recording every
 * event unless --no-record.  When the run reaches the `ready = True` line
 * (the on_line hook fires before the line executes), gs_gc_collect(vm, 2)
 * is timed with CLOCK_MONOTONIC (and CLOCK_PROCESS_CPUTIME_ID): the same single full collection over the
 * same heap that gc_collect.py times with time.perf_counter() in CPython.
 * Recording is on by default, so the time includes the collector's events
 * as `gcscope run --record` keeps them: a pass over more than 100,000
 * objects (GS_GC_DETAIL_DEFAULT) records its outcome (gc_move, unreachable
 * marks, frees ...) but not each object's gc_refs.  --gc-detail-all records
 * those too (gc_refs per object and per internal edge), as `--gc-detail all`.
 *
 * Prints one JSON line:
 *   {"metric": "gc_collect", "ns": N, "cpu_ns": N, "collected": C, "tracked": T,
 *    "events": E, "record": true}
 * where "tracked" is the sum of the generation counts before collecting and
 * "events" how many events the collection recorded.  Exit status 0, or 1
 * if the marker line never ran or the program failed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lang/compile.h"
#include "runtime/vm.h"

typedef struct Ctx {
    uint32_t marker_line;
    bool done;
    int64_t ns;
    int64_t cpu_ns;
    int64_t collected;
    int64_t tracked;
    size_t events;
} Ctx;

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void discard(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    (void)s;
    (void)n;
}

static void on_line(void *p, gs_VM *vm)
{
    Ctx *c = p;
    if (c->done || vm->cur_line != c->marker_line)
        return;
    c->done = true;
    c->tracked = (int64_t)vm->gens[0].count + vm->gens[1].count + vm->gens[2].count;
    size_t ev0 = vm->trace.n;
    int64_t c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID), t0 = clock_ns(CLOCK_MONOTONIC);
    c->collected = gs_gc_collect(vm, 2, 0);
    int64_t t1 = clock_ns(CLOCK_MONOTONIC), c1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    c->ns = t1 - t0;
    c->cpu_ns = c1 - c0;
    c->events = vm->trace.n - ev0;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

/* The 1-based line number of the first line that is exactly "ready = True". */
static uint32_t find_marker(const char *src)
{
    uint32_t line = 1;
    for (const char *p = src; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n >= 12 && strncmp(p, "ready = True", 12) == 0)
            return line;
        if (!e)
            break;
        p = e + 1;
        line++;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_gc HEAP.py [--no-record | --gc-detail-all]\n");
        return 2;
    }
    bool record = !(argc > 2 && strcmp(argv[2], "--no-record") == 0);
    bool full = argc > 2 && strcmp(argv[2], "--gc-detail-all") == 0;
    size_t len;
    char *src = read_all(argv[1], &len);
    if (!src) {
        fprintf(stderr, "bench_gc: cannot read %s\n", argv[1]);
        return 2;
    }
    Ctx ctx = { .marker_line = find_marker(src) };
    if (!ctx.marker_line) {
        fprintf(stderr, "bench_gc: %s has no line `ready = True`\n", argv[1]);
        return 2;
    }
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = record;
    cfg.gc_detail = full ? -1 : 0;
    cfg.write_out = discard;
    cfg.write_err = discard;
    cfg.on_line = on_line;
    cfg.on_line_ctx = &ctx;
    gs_VM *vm = gs_vm_new(&cfg);
    gs_Error err;
    if (!vm || gs_load_program(vm, argv[1], src, len, &err) < 0) {
        fprintf(stderr, "bench_gc: cannot load %s\n", argv[1]);
        return 1;
    }
    gs_RunStatus st = gs_vm_run(vm, 0, &err);
    if (st != GS_RUN_DONE || !ctx.done) {
        fprintf(stderr, "bench_gc: %s: %s\n", argv[1], err.text ? err.text : "the marker line never ran");
        return 1;
    }
    gs_error_clear(&err);
    printf("{\"metric\": \"gc_collect\", \"ns\": %lld, \"cpu_ns\": %lld, \"collected\": %lld, \"tracked\": %lld, "
           "\"events\": %zu, \"record\": %s}\n",
           (long long)ctx.ns, (long long)ctx.cpu_ns, (long long)ctx.collected, (long long)ctx.tracked, ctx.events,
           record ? "true" : "false");
    /* the VM's teardown is not part of the measurement; skip it */
    fflush(stdout);
    _Exit(0);
}
