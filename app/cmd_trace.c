/*
 * cmd_trace.c — `gcscope trace` (record a run, save it as JSON) and
 * `gcscope check` (load a JSON trace, validate it, replay every event).
 *
 * Saving is atomic: the JSON goes to a temporary file next to the target,
 * is flushed to disk, and only then renamed over it; any failure removes
 * the temporary file, so a failed write leaves nothing behind (and an older
 * trace at the target untouched).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_trace.h"
#include "lang/compile.h"
#include "record/timeline.h"
#include "runtime/vm.h"

enum { EXIT_OK = 0, EXIT_RAISED = 1, EXIT_USAGE = 2, EXIT_LIMIT = 3 };

static void trace_usage(FILE *out)
{
    fprintf(out, "usage: gcscope trace FILE.py -o OUT.json [--max-events N (default 20000000)] [--max-memory MB]\n"
                 "                     [--gc-detail N|all (default 100000)]\n"
                 "       gcscope check TRACE.json\n");
}

bool gs_parse_gc_detail(const char *arg, int64_t *out)
{
    if (strcmp(arg, "all") == 0) {
        *out = -1;
        return true;
    }
    char *end;
    errno = 0;
    unsigned long long n = strtoull(arg, &end, 10);
    if (*end || errno || n == 0 || arg[0] == '-' || n > INT64_MAX) {
        fprintf(stderr, "gcscope: --gc-detail needs a positive number of objects or 'all', not '%s'\n", arg);
        return false;
    }
    *out = (int64_t)n;
    return true;
}

/* The whole file, NUL-terminated; NULL with errno set. */
static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
        int e = S_ISDIR(st.st_mode) ? EISDIR : errno;
        close(fd);
        errno = e;
        return NULL;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        close(fd);
        errno = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n + 1 >= cap) {
            bool too_big = cap > ((size_t)1 << 30); /* /dev/zero: stop at 2 GiB */
            char *nb = too_big ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                close(fd);
                errno = too_big ? EFBIG : ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            errno = e;
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* ================================================================== check */

int gs_trace_load_file(const char *path, gs_Trace *t, gs_TraceSource *src, char *msg, size_t msgsize)
{
    size_t len;
    char *buf = slurp(path, &len);
    if (!buf) {
        snprintf(msg, msgsize, "%s: can't read the file: %s", path, strerror(errno));
        return -1;
    }
    gs_JsonError err;
    int r = gs_trace_json_read(buf, len, t, src, &err);
    free(buf);
    if (r < 0) {
        snprintf(msg, msgsize, "%s: byte %zu: %s", path, err.offset, err.msg);
        return -1;
    }
    gs_TimelineConfig cfg = { .strict = true };
    gs_Timeline *tl = gs_timeline_new(t, &cfg);
    if (!tl || gs_timeline_sync(tl) < 0) {
        snprintf(msg, msgsize, "%s: out of memory while replaying the trace", path);
        gs_timeline_free(tl);
        gs_trace_free(t);
        gs_trace_source_free(src);
        return -1;
    }
    size_t ev;
    char why[300];
    if (gs_timeline_first_error(tl, &ev, why, sizeof why)) {
        snprintf(msg, msgsize, "%s: %s", path, why);
        gs_timeline_free(tl);
        gs_trace_free(t);
        gs_trace_source_free(src);
        return -1;
    }
    gs_timeline_free(tl);
    return 0;
}

int gs_cmd_check(int argc, char **argv)
{
    if (argc != 1 || argv[0][0] == '-') {
        trace_usage(stderr);
        return EXIT_USAGE;
    }
    gs_Trace t;
    gs_TraceSource src;
    char msg[512];
    if (gs_trace_load_file(argv[0], &t, &src, msg, sizeof msg) < 0) {
        fprintf(stderr, "gcscope: %s\n", msg);
        return EXIT_USAGE;
    }
    size_t lines = 0, gcs = 0;
    for (size_t i = 0; i < t.n; i++) {
        lines += gs_trace_get(&t, i).kind == GS_EV_LINE;
        gcs += gs_trace_get(&t, i).kind == GS_EV_GC_START;
    }
    printf("%s: ok: %zu events (%zu lines, %zu collections), %zu described objects, %u strings, source %s\n",
           argv[0], t.n, lines, gcs, t.ndesc, t.strings.count, src.path && src.path[0] ? src.path : "(none)");
    gs_trace_free(&t);
    gs_trace_source_free(&src);
    return EXIT_OK;
}

/* ================================================================== trace */

static void out_stdout(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    fwrite(s, 1, n, stdout);
}

static void out_stderr(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    fflush(stdout);
    fwrite(s, 1, n, stderr);
}

static int fd_sink(void *ctx, const char *buf, size_t n)
{
    int fd = *(int *)ctx;
    while (n) {
        ssize_t w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        n -= (size_t)w;
    }
    return 0;
}

int gs_trace_save_file(const gs_Trace *t, const char *path, const char *src, size_t srclen, const char *out,
                           char *msg, size_t msgsize)
{
    struct stat st;
    if (stat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(msg, msgsize, "%s: writing the trace failed: %s", out, strerror(EISDIR));
            return -1;
        }
        /* a device or a pipe (/dev/null, /dev/full): renaming a temporary
         * over it would replace it, so write straight to it */
        int fd = open(out, O_WRONLY | O_CLOEXEC);
        int r = fd < 0 ? -1 : gs_trace_json_write(t, path, src, srclen, fd_sink, &fd);
        int e = errno;
        if (fd >= 0 && close(fd) < 0 && r == 0) {
            r = -1;
            e = errno;
        }
        if (r < 0)
            snprintf(msg, msgsize, "%s: writing the trace failed: %s", out, e ? strerror(e) : "out of memory");
        return r;
    }
    size_t n = strlen(out);
    char *tmp = malloc(n + 16);
    if (!tmp) {
        snprintf(msg, msgsize, "%s: out of memory", out);
        return -1;
    }
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", out);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(msg, msgsize, "%s: can't create a temporary file next to it: %s", out, strerror(errno));
        free(tmp);
        return -1;
    }
    fchmod(fd, 0644);
    int r = gs_trace_json_write(t, path, src, srclen, fd_sink, &fd);
    int e = errno;
    if (r == 0 && fsync(fd) < 0 && errno != EINVAL && errno != EROFS) {
        r = -1;
        e = errno;
    }
    if (close(fd) < 0 && r == 0) {
        r = -1;
        e = errno;
    }
    if (r == 0 && rename(tmp, out) < 0) {
        r = -1;
        e = errno;
    }
    if (r < 0) {
        unlink(tmp);
        snprintf(msg, msgsize, "%s: writing the trace failed: %s", out, e ? strerror(e) : "out of memory");
    }
    free(tmp);
    return r;
}

int gs_cmd_trace(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--max-events") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            cfg.max_events = strtoull(argv[++i], &end, 10);
            if (*end || errno || cfg.max_events == 0 || argv[i][0] == '-') {
                fprintf(stderr, "gcscope: --max-events needs a positive whole number, not '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else if (strcmp(argv[i], "--max-memory") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            unsigned long long mb = strtoull(argv[++i], &end, 10);
            if (*end || errno || mb == 0 || argv[i][0] == '-' || mb > ((size_t)-1 >> 21)) {
                fprintf(stderr, "gcscope: --max-memory needs a positive number of megabytes, not '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
            cfg.heap_limit = (size_t)mb << 20; /* the program's simulated heap: MemoryError past it */
        } else if (strcmp(argv[i], "--gc-detail") == 0 && i + 1 < argc) {
            if (!gs_parse_gc_detail(argv[++i], &cfg.gc_detail))
                return EXIT_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "gcscope: unknown option '%s'\n", argv[i]);
            trace_usage(stderr);
            return EXIT_USAGE;
        } else if (!in)
            in = argv[i];
        else {
            fprintf(stderr, "gcscope: trace takes one file, got '%s' too\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!in || !out) {
        trace_usage(stderr);
        return EXIT_USAGE;
    }
    size_t len;
    char *src = slurp(in, &len);
    if (!src) {
        fprintf(stderr, "gcscope: can't open file '%s': [Errno %d] %s\n", in, errno, strerror(errno));
        return EXIT_USAGE;
    }
    cfg.record = true;
    if (!cfg.max_events)
        cfg.max_events = 20000000; /* as the viewer: every event is kept, so an endless loop must end */
    cfg.write_out = out_stdout;
    cfg.write_err = out_stderr;
    cfg.argv0 = in; /* sys.argv[0] */
    gs_VM *vm = gs_vm_new(&cfg);
    if (!vm) {
        fprintf(stderr, "gcscope: out of memory\n");
        free(src);
        return EXIT_LIMIT;
    }
    gs_Error err;
    int code = EXIT_OK;
    if (gs_load_program(vm, in, src, len, &err) < 0) {
        fflush(stdout);
        fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", in, err.line, err.type_name,
                err.text ? err.text : "invalid syntax");
        gs_error_clear(&err);
        gs_vm_free(vm);
        free(src);
        return EXIT_RAISED;
    }
    gs_RunStatus st = gs_vm_run(vm, 0, &err);
    fflush(stdout);
    if (st == GS_RUN_EXCEPTION) {
        fputs(err.text ? err.text : "", stderr);
        code = err.exit_code; /* 1, or what SystemExit asked for */
    } else if (st == GS_RUN_LIMIT) {
        fprintf(stderr, "gcscope: %s:%d: %s\n", in, err.line, err.text ? err.text : "resource limit");
        code = EXIT_LIMIT;
    }
    gs_error_clear(&err);
    char msg[512];
    if (gs_trace_save_file(&vm->trace, in, src, len, out, msg, sizeof msg) < 0) {
        fprintf(stderr, "gcscope: %s\n", msg);
        code = EXIT_USAGE;
    }
    gs_vm_free(vm);
    free(src);
    return code;
}
