/*
 * bench_trace.c — the trace and timeline budgets of DESIGN.md, measured.
 *
 * usage: bench_trace [--events N] [--import-events M] [--tmp DIR]
 *
 * 1. Records a synthetic program (calls building linked lists of instances,
 *    list/dict cycles for the collector, a slowly growing live heap) until
 *    the trace holds N events (default 10^7), in budgets as the viewer
 *    does, and indexes it with a timeline.
 * 2. Bytes per event in memory: the trace's arrays (events, string pool,
 *    output, object table) plus gs_timeline_memory(), divided by N.  Both
 *    "used" (what the arrays hold) and "allocated" (their capacity: the
 *    event array doubles) are printed; untouched capacity is never paged
 *    in, so "used" is what the budget is about.
 * 3. Seek: gs_timeline_seek to 200 random positions (fixed seed); median,
 *    95th percentile and maximum.  One step back and forward: mean of 10^5 steps.
 * 4. On disk: gs_trace_json_write into a file under --tmp (default
 *    $TMPDIR or /tmp): bytes per event and MB/s (1 MB = 10^6 bytes), and
 *    the formatter alone into a sink that drops the bytes.
 * 5. Import: a second recording of M events (default 10^6) written to
 *    memory, then 5 times gs_trace_json_read + gs_timeline_sync; medians.
 *
 * Each result is one JSON line on stdout ({"metric": ..., "value": ...,
 * "unit": ...}); progress goes to stderr.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lang/compile.h"
#include "record/timeline.h"
#include "record/trace.h"
#include "runtime/vm.h"

#include "record/trace_json.h"

static const char SYNTH[] =
    "import gc\n"
    "\n"
    "class Node:\n"
    "    def __init__(self, value, next):\n"
    "        self.value = value\n"
    "        self.next = next\n"
    "\n"
    "def build(n):\n"
    "    head = None\n"
    "    for i in range(n):\n"
    "        head = Node(i, head)\n"
    "    return head\n"
    "\n"
    "keep = []\n"
    "for r in range(10**7):\n"
    "    h = build(20)\n"
    "    a = [r]\n"
    "    b = [a, {'k': r}]\n"
    "    a.append(b)\n"
    "    if r % 8 == 0:\n"
    "        keep.append(h)\n"
    "    h = None\n"
    "print(len(keep))\n";

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void metric(const char *name, double value, const char *unit, const char *note)
{
    printf("{\"metric\": \"%s\", \"value\": %.6g, \"unit\": \"%s\"", name, value, unit);
    if (note)
        printf(", \"note\": \"%s\"", note);
    printf("}\n");
    fflush(stdout);
}

static void discard(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    (void)s;
    (void)n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Record SYNTH until the trace holds at least `target` events. */
static gs_VM *record(size_t target, double *secs)
{
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = true;
    cfg.write_out = discard;
    cfg.write_err = discard;
    gs_VM *vm = gs_vm_new(&cfg);
    gs_Error err;
    if (!vm || gs_load_program(vm, "synth.py", SYNTH, sizeof SYNTH - 1, &err) < 0) {
        fprintf(stderr, "bench_trace: cannot load the synthetic program\n");
        exit(1);
    }
    double t0 = now_s();
    while (vm->trace.n < target) {
        size_t left = target - vm->trace.n;
        gs_RunStatus st = gs_vm_run(vm, left < 1000000 ? left : 1000000, &err);
        if (st != GS_RUN_PAUSED) {
            fprintf(stderr, "bench_trace: the synthetic program stopped early (%d): %s\n", (int)st,
                    err.text ? err.text : "");
            exit(1);
        }
    }
    *secs = now_s() - t0;
    return vm;
}

typedef struct TraceBytes {
    size_t used, allocated;
} TraceBytes;

static TraceBytes trace_bytes(const gs_Trace *t)
{
    TraceBytes b;
    const gs_StrPool *p = &t->strings;
    b.used = gs_trace_event_bytes(t) + p->nbytes + (size_t)p->count * 8 + (size_t)p->nslots * 4 + t->nout +
             t->ndesc * sizeof(gs_ObjDesc) + t->nrefs * sizeof(gs_TraceRef);
    b.allocated = t->packedcap + t->blockscap * sizeof(size_t) + sizeof t->tail +
                  (t->cache ? sizeof *t->cache : 0) + p->cap + (size_t)p->capacity * 8 + (size_t)p->nslots * 4 + t->outcap +
                  t->desccap * sizeof(gs_ObjDesc) + t->refscap * sizeof(gs_TraceRef);
    return b;
}

typedef struct Mem {
    char *buf;
    size_t n, cap;
} Mem;

static int mem_sink(void *ctx, const char *s, size_t n)
{
    Mem *m = ctx;
    if (m->n + n > m->cap) {
        size_t cap = m->cap ? m->cap : 1 << 20;
        while (cap < m->n + n)
            cap *= 2;
        char *b = realloc(m->buf, cap);
        if (!b)
            return -1;
        m->buf = b;
        m->cap = cap;
    }
    memcpy(m->buf + m->n, s, n);
    m->n += n;
    return 0;
}

typedef struct Count {
    size_t n;
} Count;

static int null_sink(void *ctx, const char *s, size_t n)
{
    (void)s;
    ((Count *)ctx)->n += n;
    return 0;
}

static int file_sink(void *ctx, const char *s, size_t n)
{
    return fwrite(s, 1, n, (FILE *)ctx) == n ? 0 : -1;
}

int main(int argc, char **argv)
{
    size_t nev = 10000000, nimport = 1000000;
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--events") == 0 && i + 1 < argc)
            nev = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--import-events") == 0 && i + 1 < argc)
            nimport = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--tmp") == 0 && i + 1 < argc)
            tmp = argv[++i];
        else {
            fprintf(stderr, "usage: bench_trace [--events N] [--import-events M] [--tmp DIR]\n");
            return 2;
        }
    }

    /* ---------------------------------------------------------- record and index */
    fprintf(stderr, "bench_trace: recording %zu events...\n", nev);
    double rec_s;
    gs_VM *vm = record(nev, &rec_s);
    const gs_Trace *t = &vm->trace;
    size_t n = t->n;
    metric("trace_events", (double)n, "events", NULL);
    metric("trace_record_rate", (double)n / rec_s / 1e6, "Mevents/s", "recording the synthetic program");

    gs_Timeline *tl = gs_timeline_new(t, NULL);
    double t0 = now_s();
    if (!tl || gs_timeline_sync(tl) < 0) {
        fprintf(stderr, "bench_trace: timeline out of memory\n");
        return 1;
    }
    double index_s = now_s() - t0;
    metric("trace_index_time", index_s * 1e3, "ms", "gs_timeline_sync over the whole trace");
    size_t bad_ev;
    char msg[256];
    if (gs_timeline_first_error(tl, &bad_ev, msg, sizeof msg))
        fprintf(stderr, "bench_trace: note: the timeline refused event %zu: %s\n", bad_ev, msg);

    /* ---------------------------------------------------------- memory */
    TraceBytes tb = trace_bytes(t);
    gs_TimelineMemory tm;
    gs_timeline_memory(tl, &tm);
    size_t tl_bytes = tm.per_event + tm.archive + tm.checkpoints + tm.states;
    metric("mem_trace_per_event", (double)tb.used / (double)n, "B/event", "trace arrays, used");
    metric("mem_timeline_per_event", (double)tl_bytes / (double)n, "B/event", "gs_timeline_memory total");
    metric("mem_timeline_index_per_event", (double)tm.per_event / (double)n, "B/event", "undo words + indexes");
    metric("mem_timeline_archive_per_event", (double)tm.archive / (double)n, "B/event", NULL);
    metric("mem_timeline_checkpoints_per_event", (double)tm.checkpoints / (double)n, "B/event", NULL);
    metric("mem_timeline_checkpoints", (double)tm.ncheckpoints, "checkpoints", NULL);
    metric("mem_timeline_states_per_event", (double)tm.states / (double)n, "B/event", NULL);
    metric("mem_per_event", (double)(tb.used + tl_bytes) / (double)n, "B/event", "trace used + timeline");
    metric("mem_per_event_allocated", (double)(tb.allocated + tl_bytes) / (double)n, "B/event",
           "trace capacity + timeline");

    /* ---------------------------------------------------------- reading packed events */
    {
        double best = 1e9;
        uint64_t sum = 0;
        for (int r = 0; r < 3; r++) {
            double s0 = now_s();
            for (size_t i = 0; i < n; i++) {
                gs_Event e = gs_trace_get(t, i);
                sum += e.obj ^ e.a ^ e.line;
            }
            double d = now_s() - s0;
            best = d < best ? d : best;
        }
        metric("read_all_events", best / (double)n * 1e9, "ns/event",
               sum ? "gs_trace_get over the whole trace in order, best of 3" : "(sum 0)");
    }

    /* ---------------------------------------------------------- seek */
    enum { NSEEK = 200 };
    double seeks[NSEEK], worst = 0;
    for (int i = 0; i < NSEEK; i++) {
        size_t pos = (size_t)(rnd() % (n + 1));
        double s0 = now_s();
        gs_timeline_seek(tl, pos);
        double d = now_s() - s0;
        seeks[i] = d * 1e3;
        if (seeks[i] > worst)
            worst = seeks[i];
    }
    metric("seek_median", median(seeks, NSEEK), "ms", "200 random positions in the trace");
    metric("seek_p95", seeks[NSEEK * 95 / 100], "ms", NULL); /* sorted by median() */
    metric("seek_max", worst, "ms", NULL);
    gs_timeline_seek(tl, n / 2);
    enum { NSTEP = 100000 };
    double s0 = now_s();
    for (int i = 0; i < NSTEP; i++)
        gs_timeline_step_event(tl, -1);
    double back = (now_s() - s0) / NSTEP;
    s0 = now_s();
    for (int i = 0; i < NSTEP; i++)
        gs_timeline_step_event(tl, +1);
    double fwd = (now_s() - s0) / NSTEP;
    metric("step_back", back * 1e9, "ns", "mean of 10^5 steps back from the middle");
    metric("step_forward", fwd * 1e9, "ns", NULL);
    gs_timeline_free(tl);

    /* ---------------------------------------------------------- export */
    fprintf(stderr, "bench_trace: exporting...\n");
    Count c = { 0 };
    s0 = now_s();
    int rc = gs_trace_json_write(t, "synth.py", SYNTH, sizeof SYNTH - 1, null_sink, &c);
    double fmt_s = now_s() - s0;
    if (rc == 0)
        metric("export_formatter_rate", (double)c.n / fmt_s / 1e6, "MB/s", "into a sink that drops the bytes");
    char path[1024];
    snprintf(path, sizeof path, "%s/gcscope-bench-trace-%d.json", tmp, (int)getpid());
    FILE *f = fopen(path, "wb");
    if (f) {
        static char fbuf[1 << 20];
        setvbuf(f, fbuf, _IOFBF, sizeof fbuf);
        s0 = now_s();
        rc = gs_trace_json_write(t, "synth.py", SYNTH, sizeof SYNTH - 1, file_sink, f);
        rc |= fclose(f);
        double file_s = now_s() - s0;
        if (rc == 0) {
            metric("export_rate", (double)c.n / file_s / 1e6, "MB/s", "gs_trace_json_write to a file");
            metric("disk_per_event", (double)c.n / (double)n, "B/event", "JSON file size / events");
        } else
            fprintf(stderr, "bench_trace: note: writing %s failed\n", path);
        unlink(path);
    } else
        fprintf(stderr, "bench_trace: note: cannot create %s; export to a file skipped\n", path);
    gs_vm_free(vm);

    /* ---------------------------------------------------------- import */
    fprintf(stderr, "bench_trace: import of %zu events...\n", nimport);
    vm = record(nimport, &rec_s);
    Mem m = { 0 };
    if (gs_trace_json_write(&vm->trace, "synth.py", SYNTH, sizeof SYNTH - 1, mem_sink, &m) < 0) {
        fprintf(stderr, "bench_trace: export to memory failed\n");
        return 1;
    }
    size_t nimp = vm->trace.n;
    gs_vm_free(vm);
    enum { NIMP = 5 };
    double parse[NIMP], index[NIMP], total[NIMP];
    for (int i = 0; i < NIMP; i++) {
        gs_Trace lt;
        gs_TraceSource src;
        gs_JsonError jerr;
        s0 = now_s();
        if (gs_trace_json_read(m.buf, m.n, &lt, &src, &jerr) < 0) {
            fprintf(stderr, "bench_trace: import failed at byte %zu: %s\n", jerr.offset, jerr.msg);
            return 1;
        }
        double s1 = now_s();
        gs_Timeline *itl = gs_timeline_new(&lt, NULL);
        if (!itl || gs_timeline_sync(itl) < 0) {
            fprintf(stderr, "bench_trace: timeline out of memory\n");
            return 1;
        }
        double s2 = now_s();
        parse[i] = (s1 - s0) * 1e3;
        index[i] = (s2 - s1) * 1e3;
        total[i] = (s2 - s0) * 1e3;
        gs_timeline_free(itl);
        gs_trace_free(&lt);
        gs_trace_source_free(&src);
    }
    metric("import_events", (double)nimp, "events", NULL);
    metric("import_size", (double)m.n / 1e6, "MB", NULL);
    metric("import_parse", median(parse, NIMP), "ms", "gs_trace_json_read");
    metric("import_index", median(index, NIMP), "ms", "gs_timeline_sync of the loaded trace");
    metric("import_total", median(total, NIMP), "ms", "parse + index, median of 5");
    free(m.buf);
    return 0;
}
