/*
 * test_trace_json.c — a trace saved as JSON and loaded back is the same
 * trace, and gives the same timeline; hostile documents are refused with
 * a message that says where.
 *
 * 1. Round trip over every program in tests/programs: record, write JSON
 *    (through a sink), read it back; the events, strings, output and
 *    object table are identical, and the timelines of the live trace and
 *    of the loaded one agree at every line start and at random events.
 * 2. Strings with quotes, control characters, NULs, non-ASCII and invalid
 *    UTF-8 survive (invalid UTF-8 becomes U+FFFD, and only that).
 * 3. A sink that fails stops the writer with an error.
 * 4. The hostile corpus in tests/bad_traces (expected.txt) fails with the
 *    expected message; 100,000-deep nesting and every prefix of a real
 *    trace fail cleanly.
 * 6. Version 1: a trace with its sizes taken out (no resize events, no
 *    objects' sizes) still loads and replays, with the same references and
 *    counts, sizes derived from its alloc events, and byte totals that are
 *    the sums of its objects' sizes.
 * 5. Packed blocks: random events of every shape (ids near and far apart,
 *    values of every width, kinds past 31, lines going back, runs that
 *    differ only in obj and c) read back
 *    as written, in order and at random, through truncation, amending the
 *    last event and setting an alloc's payload in a packed block.
 *
 * Run from the source directory (ctest sets WORKING_DIRECTORY).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compile.h"
#include "runtime/object.h"
#include "record/timeline.h"
#include "record/trace_json.h"
#include "runtime/vm.h"

static int failures, checks;

#define CHECK(cond, ...)                                                \
    do {                                                                \
        checks++;                                                       \
        if (!(cond)) {                                                  \
            failures++;                                                 \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                               \
            fputc('\n', stderr);                                        \
        }                                                               \
    } while (0)

static uint64_t rng = 0x2545f4914f6cdd1dull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* ================================================================== a memory sink */

typedef struct Mem {
    char *buf;
    size_t n, cap;
    size_t fail_after;      /* 0 = never */
} Mem;

static int mem_sink(void *ctx, const char *s, size_t n)
{
    Mem *m = ctx;
    if (m->fail_after && m->n + n > m->fail_after)
        return -1;
    if (m->n + n + 1 > m->cap) {
        size_t c = m->cap ? m->cap : 4096;
        while (c < m->n + n + 1)
            c *= 2;
        m->buf = realloc(m->buf, c);
        m->cap = c;
    }
    memcpy(m->buf + m->n, s, n);
    m->n += n;
    m->buf[m->n] = 0;
    return 0;
}

/* ================================================================== state dump (as in test_timeline) */

static gs_TLEdge *edge_buf;
static size_t edge_cap;

static size_t tl_edges(const gs_Timeline *tl, uint32_t holder, bool frame)
{
    for (;;) {
        size_t n = frame ? gs_timeline_frame_names(tl, holder, edge_buf, edge_cap)
                         : gs_timeline_edges(tl, holder, edge_buf, edge_cap);
        if (n <= edge_cap)
            return n;
        edge_cap = n * 2;
        edge_buf = realloc(edge_buf, edge_cap * sizeof *edge_buf);
    }
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static bool dump_sizes = true;

static char *dump_state(const gs_Timeline *tl, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    size_t n = 0, cur = 0, cap = gs_timeline_object_count(tl) + 1;
    uint32_t *ids = malloc(cap * sizeof *ids);
    gs_TLObject o;
    while (n < cap && gs_timeline_next_object(tl, &cur, &o))
        ids[n++] = o.id;
    qsort(ids, n, sizeof *ids, cmp_u32);
    for (size_t k = 0; k < n; k++) {
        gs_timeline_object(tl, ids[k], &o);
        char lab[160];
        gs_timeline_label(tl, o.id, lab, sizeof lab);
        fprintf(f, "o%u f%x k%u g%u rc%lld gr%lld len%u %s\n", o.id, o.flags, o.kind, o.gen, (long long)o.refcnt,
                (long long)((o.flags & GS_TLO_IN_GC) ? o.gc_refs : 0), o.length, lab);
        if (dump_sizes)
            fprintf(f, "  size %u\n", o.size);
        size_t ne = tl_edges(tl, o.id, false);
        for (size_t j = 0; j < ne; j++)
            fprintf(f, "  %u %u -> %u\n", edge_buf[j].sub, edge_buf[j].slot, edge_buf[j].target);
    }
    gs_TLFrame fr[256];
    size_t nf = gs_timeline_frames(tl, fr, 256);
    for (size_t k = 0; k < nf && k < 256; k++) {
        fprintf(f, "frame %u %s parent %u func %u ns %u depth %u line %u\n", fr[k].id,
                gs_trace_string_at(gs_timeline_trace(tl), fr[k].name, NULL), fr[k].parent, fr[k].func, fr[k].ns,
                fr[k].depth, fr[k].line);
        size_t ne = tl_edges(tl, fr[k].id, true);
        for (size_t j = 0; j < ne; j++)
            fprintf(f, "  %s = %u\n", gs_trace_string_at(gs_timeline_trace(tl), edge_buf[j].slot, NULL),
                    edge_buf[j].target);
    }
    gs_TLGC g;
    gs_timeline_gc(tl, &g);
    fprintf(f, "gc %d %u %u %u %u %u\n", g.collecting, g.generation, g.phase, g.collections, g.collected,
            g.uncollectable);
    if (dump_sizes) {
        gs_TLBytes by;
        gs_timeline_bytes(tl, &by);
        fprintf(f, "bytes %llu %llu %llu %llu %llu %llu\n", (unsigned long long)by.total,
                (unsigned long long)by.allocated, (unsigned long long)by.gen[0], (unsigned long long)by.gen[1],
                (unsigned long long)by.gen[2], (unsigned long long)by.gen[3]);
    }
    fclose(f);
    free(ids);
    return buf;
}

/* ================================================================== round trip */

static void quiet(void *ctx, const char *s, size_t n) { (void)ctx; (void)s; (void)n; }

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = 0;
    fclose(f);
    return buf;
}

static gs_VM *record(const char *path, const char *src, size_t len)
{
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = true;
    cfg.write_out = quiet;
    cfg.write_err = quiet;
    gs_VM *vm = gs_vm_new(&cfg);
    gs_Error err;
    if (gs_load_program(vm, path, src, len, &err) < 0) {
        gs_error_clear(&err);
        gs_vm_free(vm);
        return NULL;
    }
    gs_vm_run(vm, 0, &err);
    gs_error_clear(&err);
    return vm;
}

static bool same_traces(const char *name, const gs_Trace *a, const gs_Trace *b)
{
    bool ok = true;
#define SAME(cond, ...)                    \
    do {                                   \
        CHECK(cond, __VA_ARGS__);          \
        ok = ok && (cond);                 \
    } while (0)
    bool same_events = a->n == b->n;
    for (size_t i = 0; same_events && i < a->n; i++) {
        gs_Event ea = gs_trace_get(a, i), eb = gs_trace_get(b, i);
        same_events = memcmp(&ea, &eb, sizeof ea) == 0;
    }
    SAME(same_events, "%s: events differ", name);
    SAME(a->strings.count == b->strings.count, "%s: %u strings, %u after loading", name, a->strings.count,
         b->strings.count);
    for (uint32_t i = 0; ok && i < a->strings.count; i++) {
        uint32_t la, lb;
        const char *x = gs_trace_string_at(a, i, &la), *y = gs_trace_string_at(b, i, &lb);
        SAME(la == lb && memcmp(x, y, la) == 0, "%s: string %u differs", name, i);
    }
    SAME(a->nout == b->nout && (a->nout == 0 || memcmp(a->out, b->out, a->nout) == 0), "%s: output differs", name);
    SAME(a->ndesc == b->ndesc && memcmp(a->desc, b->desc, a->ndesc * sizeof *a->desc) == 0, "%s: object table differs",
         name);
    SAME(a->nrefs == b->nrefs && memcmp(a->refs, b->refs, a->nrefs * sizeof *a->refs) == 0,
         "%s: initial references differ", name);
#undef SAME
    return ok;
}

static int nround, npositions;

static void round_trip(const char *name, const char *path, const char *src, size_t len)
{
    gs_VM *vm = record(path, src, len);
    if (!vm)
        return;
    Mem m = { 0 };
    CHECK(gs_trace_json_write(&vm->trace, path, src, len, mem_sink, &m) == 0, "%s: write", name);
    gs_Trace t;
    gs_TraceSource ts;
    gs_JsonError err;
    int r = gs_trace_json_read(m.buf, m.n, &t, &ts, &err);
    CHECK(r == 0, "%s: read back: byte %zu: %s", name, err.offset, err.msg);
    if (r == 0) {
        nround++;
        CHECK(ts.len == len && memcmp(ts.text, src, len) == 0 && strcmp(ts.path, path) == 0, "%s: source", name);
        if (same_traces(name, &vm->trace, &t)) {
            gs_Timeline *live = gs_timeline_new(&vm->trace, NULL);
            gs_TimelineConfig strict = { .strict = true, .checkpoint_every = 211 };
            gs_Timeline *loaded = gs_timeline_new(&t, &strict);
            gs_timeline_sync(live);
            gs_timeline_sync(loaded);
            size_t bad;
            char msg[300];
            CHECK(!gs_timeline_first_error(loaded, &bad, msg, sizeof msg), "%s: the loaded trace does not replay: %s",
                  name, msg);
            /* every line start, and random events, in random order */
            size_t n = t.n, npos = 0;
            size_t *pos = malloc((n + 64) * sizeof *pos);
            for (size_t i = 0; i < n; i++)
                if (gs_trace_get(&t, i).kind == GS_EV_LINE)
                    pos[npos++] = i + 1;
            for (int k = 0; k < 40; k++)
                pos[npos++] = (size_t)(rnd() % (n + 1));
            for (size_t k = npos; k > 1; k--) {
                size_t j = (size_t)(rnd() % k), tmp = pos[k - 1];
                pos[k - 1] = pos[j];
                pos[j] = tmp;
            }
            if (npos > 60)
                npos = 60; /* a random sample of them */
            for (size_t k = 0; k < npos; k++) {
                size_t la, lb;
                gs_timeline_seek(live, pos[k]);
                gs_timeline_seek(loaded, pos[k]);
                char *x = dump_state(live, &la), *y = dump_state(loaded, &lb);
                bool same = la == lb && memcmp(x, y, la) == 0;
                CHECK(same, "%s: the loaded trace's state differs at %zu", name, pos[k]);
                free(x);
                free(y);
                npositions++;
                if (!same)
                    break;
            }
            free(pos);
            gs_timeline_free(live);
            gs_timeline_free(loaded);
        }
        gs_trace_free(&t);
        gs_trace_source_free(&ts);
    }
    /* a sink that fails part way stops the writer */
    Mem f = { .fail_after = m.n / 2 + 1 };
    CHECK(gs_trace_json_write(&vm->trace, path, src, len, mem_sink, &f) < 0, "%s: a failing sink is reported", name);
    free(f.buf);
    free(m.buf);
    gs_vm_free(vm);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* ================================================================== version 1 */

/* The heap's bytes add up to its live objects' sizes. */
static bool bytes_add_up(const gs_Timeline *tl)
{
    uint64_t total = 0;
    size_t cur = 0;
    gs_TLObject o;
    while (gs_timeline_next_object(tl, &cur, &o))
        if (!(o.flags & GS_TLO_STATIC))
            total += o.size;
    return total == gs_timeline_heap_bytes(tl);
}

static int nversion1;

/* A program's trace as version 1 wrote it: no resize events, no "size" in
 * its objects.  It loads, replays like the version-2 trace but for sizes,
 * and its sizes are the ones its alloc events imply. */
static void version_1(const char *name, const char *src)
{
    gs_VM *vm = record(name, src, strlen(src));
    if (!vm)
        return;
    gs_Trace v1;
    gs_trace_init(&v1);
    for (uint32_t i = 1; i < vm->trace.strings.count; i++) {
        uint32_t n;
        const char *str = gs_trace_string_at(&vm->trace, i, &n);
        gs_trace_string_append(&v1, str, n);
    }
    for (size_t i = 0; i < vm->trace.ndesc; i++) {
        gs_ObjDesc d = vm->trace.desc[i];
        d.size = 0;
        gs_trace_describe(&v1, d);
    }
    for (size_t i = 0; i < vm->trace.nrefs; i++)
        gs_trace_initial_ref(&v1, vm->trace.refs[i]);
    uint32_t off;
    if (vm->trace.nout)
        gs_trace_output(&v1, vm->trace.out, vm->trace.nout, &off);
    size_t resizes = 0;
    for (size_t i = 0; i < vm->trace.n; i++) {
        gs_Event e = gs_trace_get(&vm->trace, i);
        if (e.kind == GS_EV_RESIZE)
            resizes++;
        else
            gs_trace_push(&v1, e);
    }
    Mem m = { 0 };
    CHECK(gs_trace_json_write(&v1, name, src, strlen(src), mem_sink, &m) == 0, "%s: write", name);
    /* what version 1 wrote: its number, and no sizes */
    char *text = malloc(m.n + 1), *w = text;
    const char *r = m.buf, *end = m.buf + m.n;
    while (r < end) {
        if (r + 12 <= end && memcmp(r, "\"version\": 2", 12) == 0) {
            memcpy(w, "\"version\": 1", 12);
            w += 12;
            r += 12;
        } else if (r + 12 <= end && memcmp(r, ", \"size\": 0}", 12) == 0) {
            *w++ = '}';
            r += 12;
        } else
            *w++ = *r++;
    }
    gs_Trace t;
    gs_TraceSource ts;
    gs_JsonError err;
    int rc = gs_trace_json_read(text, (size_t)(w - text), &t, &ts, &err);
    CHECK(rc == 0, "%s: a version-1 trace does not load: byte %zu: %s", name, err.offset, err.msg);
    CHECK(strstr(text, "\"size\"") == NULL && strstr(text, "\"version\": 1,") != NULL,
          "%s: the document is not version 1's", name);
    CHECK(resizes > 0, "%s: the program resizes nothing", name);
    if (rc == 0) {
        nversion1++;
        gs_TimelineConfig strict = { .strict = true };
        gs_Timeline *old = gs_timeline_new(&t, &strict), *now = gs_timeline_new(&vm->trace, NULL);
        gs_timeline_sync(old);
        gs_timeline_sync(now);
        size_t bad;
        char msg[300];
        CHECK(!gs_timeline_first_error(old, &bad, msg, sizeof msg), "%s: the version-1 trace does not replay: %s",
              name, msg);
        /* position i of the version-1 trace is position i + (resizes before it) of the other */
        size_t k = 0, skipped = 0;
        dump_sizes = false;
        for (size_t i = 0; i <= t.n; i++) {
            while (k < vm->trace.n && gs_trace_get(&vm->trace, k).kind == GS_EV_RESIZE) {
                k++;
                skipped++;
            }
            if (i % 7 == 0 || i == t.n) {
                gs_timeline_seek(old, i);
                gs_timeline_seek(now, i + skipped);
                size_t la, lb;
                char *x = dump_state(old, &la), *y = dump_state(now, &lb);
                CHECK(la == lb && memcmp(x, y, la) == 0, "%s: version 1 differs at %zu", name, i);
                CHECK(bytes_add_up(old), "%s: version 1's bytes do not add up at %zu", name, i);
                free(x);
                free(y);
            }
            k++;
        }
        dump_sizes = true;
        /* what the alloc events say is kept: a list's length, a str's contents */
        gs_timeline_seek(old, t.n);
        size_t cur = 0;
        gs_TLObject o;
        int lists = 0;
        while (gs_timeline_next_object(old, &cur, &o))
            if (o.kind == GS_K_LIST && o.alloc_event != UINT32_MAX) {
                gs_Event a = gs_trace_get(&t, o.alloc_event);
                CHECK(o.size == 56 + 8 * a.b, "%s: list %u of %u slots has size %u", name, o.id, a.b, o.size);
                lists++;
            }
        CHECK(lists > 0, "%s: no list left to look at", name);
        gs_timeline_free(old);
        gs_timeline_free(now);
        gs_trace_free(&t);
        gs_trace_source_free(&ts);
    }
    free(text);
    free(m.buf);
    gs_trace_free(&v1);
    gs_vm_free(vm);
}

static void test_version_1(void)
{
    version_1("v1_lists.py", "a = [0] * 5\nb = []\nfor i in range(20):\n    b.append(i)\nc = {'k': b}\n"
                             "c['j'] = 1\nd = b[:3]\nprint(len(b), a, d)\n");
    version_1("v1_class.py", "class P:\n    def __init__(self, x):\n        self.x = x\n"
                             "ps = [P(i) for i in range(10)]\nq = ps[0].__dict__\ns = set(range(10))\n"
                             "def g():\n    yield 1\nk = g()\nkeep = [ps, q, s, k, [1, 2, 3]]\n");
}

/* Only every k-th program (--every K: the sanitizer build, whose own
 * program tests already record each one). */
static size_t every = 1;

static void test_round_trips(const char *dir)
{
    DIR *d = opendir(dir);
    CHECK(d != NULL, "cannot open %s", dir);
    if (!d)
        return;
    char *names[2048];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 2048) {
        size_t l = strlen(e->d_name);
        if (l > 3 && strcmp(e->d_name + l - 3, ".py") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (i % every) {
            free(names[i]);
            continue;
        }
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *src = read_all(path, &len);
        if (src)
            round_trip(names[i], path, src, len);
        free(src);
        free(names[i]);
    }
}

/* ================================================================== odd strings */

static void test_strings(void)
{
    gs_Trace t;
    gs_trace_init(&t);
    const char odd[] = "q\"b\\s/\b\f\n\r\t\x01\x1f nul:\0 é ∑ 𝄞";
    gs_trace_string(&t, odd, sizeof odd - 1);
    const char bad[] = "bad \xff\xfe utf8 \xc0\xaf end";
    gs_trace_string(&t, bad, sizeof bad - 1);
    uint32_t off;
    gs_trace_output(&t, "out\n\x7f", 5, &off);
    Mem m = { 0 };
    CHECK(gs_trace_json_write(&t, "p\"ath", "src\n\"text\"", 10, mem_sink, &m) == 0, "write odd strings");
    gs_Trace u;
    gs_TraceSource s;
    gs_JsonError err;
    int r = gs_trace_json_read(m.buf, m.n, &u, &s, &err);
    CHECK(r == 0, "read odd strings: byte %zu: %s", err.offset, err.msg);
    if (r == 0) {
        uint32_t len;
        const char *x = gs_trace_string_at(&u, 1, &len);
        CHECK(len == sizeof odd - 1 && memcmp(x, odd, len) == 0, "control characters, NUL and non-ASCII survive");
        x = gs_trace_string_at(&u, 2, &len);
        CHECK(strcmp(x, "bad \xef\xbf\xbd\xef\xbf\xbd utf8 \xef\xbf\xbd\xef\xbf\xbd end") == 0,
              "invalid UTF-8 becomes U+FFFD: %s", x);
        CHECK(u.nout == 5 && memcmp(u.out, "out\n\x7f", 5) == 0, "output survives");
        CHECK(strcmp(s.path, "p\"ath") == 0 && s.len == 10, "source survives");
        gs_trace_free(&u);
        gs_trace_source_free(&s);
    }
    free(m.buf);
    gs_trace_free(&t);
}

/* ================================================================== hostile documents */

/* Parse and replay like `gcscope check`: returns 0 or -1 with msg. */
static int load(const char *buf, size_t len, char *msg, size_t size)
{
    gs_Trace t;
    gs_TraceSource s;
    gs_JsonError err;
    if (gs_trace_json_read(buf, len, &t, &s, &err) < 0) {
        snprintf(msg, size, "byte %zu: %s", err.offset, err.msg);
        return -1;
    }
    gs_TimelineConfig cfg = { .strict = true };
    gs_Timeline *tl = gs_timeline_new(&t, &cfg);
    gs_timeline_sync(tl);
    size_t ev;
    int r = 0;
    if (gs_timeline_first_error(tl, &ev, msg, size))
        r = -1;
    else {
        /* a valid trace can be walked both ways */
        gs_timeline_seek(tl, t.n);
        gs_timeline_seek(tl, t.n / 3);
        gs_timeline_seek(tl, 0);
    }
    gs_timeline_free(tl);
    gs_trace_free(&t);
    gs_trace_source_free(&s);
    return r;
}

static void test_corpus(const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/expected.txt", dir);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "cannot open %s", path);
    if (!f)
        return;
    char line[1024];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = 0;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = 0;
        char file[1100];
        snprintf(file, sizeof file, "%s/%s", dir, line);
        size_t len;
        char *buf = read_all(file, &len);
        CHECK(buf != NULL, "cannot read %s", file);
        if (!buf)
            continue;
        char msg[512] = "";
        int r = load(buf, len, msg, sizeof msg);
        CHECK(r < 0 && strstr(msg, tab + 1), "%s: got \"%s\", wanted \"%s\"", line, msg, tab + 1);
        free(buf);
        n++;
    }
    fclose(f);
    CHECK(n >= 40, "the corpus has %d cases", n);

    /* 100,000 levels of nesting */
    size_t depth = 100000;
    char *deep = malloc(2 * depth + 128);
    int k = sprintf(deep, "{\"format\": \"gcscope-trace\", \"version\": 1, \"x\": ");
    memset(deep + k, '[', depth);
    memset(deep + k + depth, ']', depth);
    strcpy(deep + k + 2 * depth, "}");
    char msg[512];
    CHECK(load(deep, strlen(deep), msg, sizeof msg) < 0 && strstr(msg, "nesting deeper than"), "deep nesting: %s",
          msg);
    free(deep);
}

/* Every prefix of a real trace fails cleanly; random mutations never crash. */
static void test_prefixes_and_mutations(void)
{
    const char *src = "class N:\n    pass\na = N()\na.me = a\nxs = [1, 'two', 3.0, None]\nd = {'k': xs}\n"
                      "del a\nprint(len(d))\n";
    gs_VM *vm = record("<mut>", src, strlen(src));
    CHECK(vm != NULL, "the program compiles");
    if (!vm)
        return;
    Mem m = { 0 };
    gs_trace_json_write(&vm->trace, "<mut>", src, strlen(src), mem_sink, &m);
    char msg[512];
    CHECK(load(m.buf, m.n, msg, sizeof msg) == 0, "the whole trace loads: %s", msg);
    int prefixes = 0;
    size_t end = m.n; /* without the trailing newline, the whole document is still valid */
    while (end > 0 && (m.buf[end - 1] == '\n' || m.buf[end - 1] == ' '))
        end--;
    for (size_t cut = 0; cut < end; cut += 1 + m.n / 1500) {
        char *b = malloc(cut + 1);
        memcpy(b, m.buf, cut);
        b[cut] = 0;
        int r = load(b, cut, msg, sizeof msg);
        CHECK(r < 0, "a prefix of %zu bytes of %zu loads", cut, m.n);
        free(b);
        prefixes++;
    }
    static const char *bits[] = { "[", "]", "{", "}", ",", "\"", "\\", "-1", "1e99", "\xff", "0", "4294967295" };
    int ok = 0, refused = 0;
    for (int i = 0; i < 600; i++) {
        char *b = malloc(m.n + 32);
        memcpy(b, m.buf, m.n);
        size_t n = m.n, pos = (size_t)(rnd() % n);
        switch (rnd() % 3) {
        case 0: b[pos] = (char)(rnd() & 0xff); break;
        case 1: {
            size_t del = 1 + (size_t)(rnd() % 24);
            if (pos + del > n)
                del = n - pos;
            memmove(b + pos, b + pos + del, n - pos - del);
            n -= del;
            break;
        }
        default: {
            const char *ins = bits[rnd() % (sizeof bits / sizeof bits[0])];
            size_t l = strlen(ins);
            memmove(b + pos + l, b + pos, n - pos);
            memcpy(b + pos, ins, l);
            n += l;
        }
        }
        if (load(b, n, msg, sizeof msg) == 0)
            ok++;
        else
            refused++;
        free(b);
    }
    CHECK(refused > 300, "most mutations are refused (%d refused, %d still valid)", refused, ok);
    printf("test_trace_json: %d prefixes refused, %d mutations: %d refused, %d still valid\n", prefixes, ok + refused,
           refused, ok);
    free(m.buf);
    gs_vm_free(vm);
}

static uint32_t rnd32(void) { return (uint32_t)rnd(); }

/* A value of a random width: 0, one byte, two, three or four. */
static uint32_t rnd_width(void)
{
    static const uint32_t masks[] = { 0, 0xff, 0xffff, 0xffffff, 0xffffffff };
    return rnd32() & masks[rnd32() % 5];
}

static gs_Event rnd_event(uint32_t *near)
{
    /* a third are the previous event again but for obj and c (runs, as
     * the collector makes them) */
    static gs_Event prev;
    static const uint32_t steps[] = { 0, 1, (uint32_t)-1, 2 };
    if (rnd32() % 3 == 0) {
        *near += rnd32() % 3;
        prev.obj = rnd32() % 4 ? *near : rnd_width();
        prev.c += steps[rnd32() % 4];
        return prev;
    }
    gs_Event e;
    e.kind = (uint8_t)(rnd32() % 8 == 0 ? rnd32() : rnd32() % GS_EV_KIND_COUNT);
    e.sub = (uint8_t)(rnd32() % 3 ? 0 : rnd32());
    e.flags = (uint16_t)(rnd32() % 3 ? 0 : rnd32());
    e.line = rnd32() % 4 ? *near % 1000 : rnd_width();
    /* ids mostly near each other, as a program makes them */
    *near += rnd32() % 5;
    e.obj = rnd32() % 4 ? *near : rnd_width();
    e.a = rnd32() % 2 ? *near - rnd32() % 9 : rnd_width();
    e.b = rnd32() % 2 ? *near + rnd32() % 300 : rnd_width();
    e.c = rnd32() % 2 ? *near : rnd_width();
    prev = e;
    return e;
}

static bool same_event(gs_Event a, gs_Event b) { return memcmp(&a, &b, sizeof a) == 0; }

static void test_packed_blocks(void)
{
    enum { N = 20000 };
    gs_Event *want = malloc(N * sizeof *want);
    gs_Trace t;
    gs_trace_init(&t);
    uint32_t near = 1000;
    for (size_t i = 0; i < N; i++) {
        want[i] = rnd_event(&near);
        /* the recorders' way (in place while the tail has room) and push */
        if (t.n < t.cap && i % 2)
            t.tail[t.n++ - t.base] = want[i];
        else
            CHECK(gs_trace_push(&t, want[i]) == 0, "push %zu", i);
    }
    CHECK(t.n == N && t.base == N / GS_TRACE_BLOCK * GS_TRACE_BLOCK, "%zu events, %zu packed", t.n, t.base);
    CHECK(gs_trace_event_bytes(&t) < N * sizeof(gs_Event), "packed smaller than unpacked (%zu bytes)",
          gs_trace_event_bytes(&t));
    size_t bad = 0;
    for (size_t i = 0; i < N; i++)
        bad += !same_event(gs_trace_get(&t, i), want[i]);
    for (size_t i = N; i-- > 0;)
        bad += !same_event(gs_trace_get(&t, i), want[i]);
    for (int k = 0; k < 100000; k++) {
        size_t i = rnd32() % N;
        bad += !same_event(gs_trace_get(&t, i), want[i]);
    }
    CHECK(bad == 0, "%zu reads differ from what was written", bad);

    /* cut back into a packed block, to a block boundary, then amend */
    size_t cuts[] = { N - 1, 19000, 18944, 130, 64, 1 };
    for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
        gs_trace_truncate(&t, cuts[c]);
        CHECK(t.n == cuts[c], "truncated to %zu (got %zu)", cuts[c], t.n);
        bad = 0;
        for (size_t i = 0; i < t.n; i++)
            bad += !same_event(gs_trace_get(&t, i), want[i]);
        CHECK(bad == 0, "after truncating to %zu: %zu events differ", cuts[c], bad);
        gs_Event *last = gs_trace_last(&t);
        CHECK(last && same_event(*last, want[t.n - 1]), "the last event after truncating to %zu", cuts[c]);
        last->flags = 7;
        want[t.n - 1].flags = 7;
        CHECK(same_event(gs_trace_get(&t, t.n - 1), want[t.n - 1]), "amended last event at %zu", t.n - 1);
    }
    /* grow again and set an alloc's payload three blocks back */
    for (size_t i = t.n; i < 1000; i++) {
        want[i] = rnd_event(&near);
        if (i == 700) {
            want[i].kind = GS_EV_ALLOC;
            want[i].obj = 0xabcdef;
        } else if (want[i].kind == GS_EV_ALLOC)
            want[i].obj = 1;
        gs_trace_push(&t, want[i]);
    }
    gs_trace_set_alloc_payload(&t, 0xabcdef, 5, 0xfffffff0u);
    want[700].b = 5;
    want[700].c = 0xfffffff0u;
    bad = 0;
    for (size_t i = 0; i < t.n; i++)
        bad += !same_event(gs_trace_get(&t, i), want[i]);
    CHECK(t.n == 1000 && bad == 0, "alloc payload set in a packed block: %zu events, %zu differ", t.n, bad);
    gs_trace_free(&t);
    free(want);
}

int main(int argc, char **argv)
{
    const char *programs = "tests/programs", *bad = "tests/bad_traces";
    int npos = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--every") == 0 && i + 1 < argc && atoi(argv[i + 1]) > 0)
            every = (size_t)atoi(argv[++i]);
        else if (npos++ == 0)
            programs = argv[i];
        else
            bad = argv[i];
    }
    test_strings();
    test_packed_blocks();
    test_corpus(bad);
    test_prefixes_and_mutations();
    test_round_trips(programs);
    test_version_1();
    free(edge_buf);
    printf("test_trace_json: %d checks, %d failed; %d programs round-tripped, %d positions compared, %d version-1 "
           "traces replayed\n",
           checks, failures, nround, npositions, nversion1);
    return failures ? 1 : 0;
}
