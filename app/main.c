/*
 * main.c — the gcscope command line: run, trace, check, shot, lessons.
 *
 * All I/O policy lives here: reading files, printing program output and
 * tracebacks, exit codes (0 ok, 1 the program raised, 2 usage or bad input,
 * 3 a resource limit).  core/ only returns results and error records.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cmd_trace.h"
#ifdef GCSCOPE_HAVE_GUI
#include "render.h"
#include "viewer.h"
#endif
#ifdef GCSCOPE_HAVE_GUI
#include "gui/demo_shot.h"
#endif
#include "lang/compile.h"
#include "runtime/vm.h"

enum { EXIT_OK = 0, EXIT_RAISED = 1, EXIT_USAGE = 2, EXIT_LIMIT = 3 };

static void usage(FILE *out)
{
    fprintf(out,
            "usage: gcscope run [--record] [--max-events N] [--max-memory MB] [--gc-detail N|all] [--check-refcounts] [--stats] [--no-sizes] FILE.py\n"
            "       gcscope lessons [--check] [--dir DIR]\n"
            "       gcscope trace FILE.py -o OUT.json [--max-events N] [--max-memory MB] [--gc-detail N|all]\n"
            "       gcscope check TRACE.json\n"
            "       gcscope [FILE.py | TRACE.json]          open the viewer (the lesson list without a file)\n"
            "       gcscope shot FILE [--at N | --line N | --end] [--size WxH] -o OUT.png\n"
            "\n"
            "  run FILE.py        run like python3.11: output on stdout, traceback on stderr\n"
            "    --record         keep every event (prints the same output)\n"
            "    --max-events N   stop after N events (exit 3)\n"
            "    --max-memory MB  the program's heap ceiling (default 1024): MemoryError past it\n"
            "    --gc-detail N    record each object's gc_refs only in collections of at most N\n"
            "                     objects (default 100000; 'all' for every collection)\n"
            "    --check-refcounts  check every refcount against its holders at each line\n"
            "    --stats          print event and memory figures to stderr at the end\n"
            "    --no-sizes       with --record, leave out the size events (the bench's measure of their cost)\n"
            "  trace FILE.py      run recording and save the trace as JSON (atomically)\n"
            "  check TRACE.json   validate a trace and replay every event (exit 0, or 2 and the first problem)\n"
            "  lessons            list the bundled course by chapter\n"
            "    --check          validate course.json and every lesson's header and markers\n");
}

/* Read a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap > ((size_t)1 << 30)) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                fclose(f);
                errno = e ? e : EIO;
                return NULL;
            }
            break;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void write_stdout(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    fwrite(s, 1, n, stdout);
}

/* input(): a line of our own stdin (the prompt, on stdout, is flushed
 * first, as a pipe to a person would want) */
static char *read_stdin_line(void *ctx, size_t *len)
{
    (void)ctx;
    fflush(stdout);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n <= 0) {
        free(line);
        return NULL;
    }
    *len = (size_t)n;
    return line;
}

static void write_stderr(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    fflush(stdout);
    fwrite(s, 1, n, stderr);
}

/* The source line `line` (1-based), without its line end. */
static void print_source_line(const char *src, size_t len, int line, int col)
{
    const char *p = src, *end = src + len;
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB && (unsigned char)src[2] == 0xBF)
        p += 3;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    if (p >= end || line <= 0)
        return;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    const char *s = p;
    while (s < q && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    if (q - s > 1000)
        return; /* CPython prints it; a 2 MB line on a terminal helps no one */
    fprintf(stderr, "    %.*s\n", (int)(q - s), s);
    if (col > 0) {
        int caret = col - 1 - (int)(s - p);
        if (caret < 0)
            caret = 0;
        fprintf(stderr, "    %*s^\n", caret, "");
    }
}

static int cmd_run(int argc, char **argv)
{
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    const char *path = NULL;
    bool stats = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--record") == 0)
            cfg.record = true;
        else if (strcmp(argv[i], "--check-refcounts") == 0)
            cfg.check_refcounts = true;
        else if (strcmp(argv[i], "--stats") == 0)
            stats = true;
        else if (strcmp(argv[i], "--no-sizes") == 0)
            cfg.no_sizes = true;
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
            usage(stderr);
            return EXIT_USAGE;
        } else if (!path)
            path = argv[i];
        else {
            fprintf(stderr, "gcscope: run takes one file, got '%s' too\n", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!path) {
        usage(stderr);
        return EXIT_USAGE;
    }
    /* python3 names the script by its absolute path (the directory it was
     * started in, joined with the argument as given) in tracebacks and
     * messages; so do we */
    char abspath[PATH_MAX * 2];
    char cwd[PATH_MAX];
    cfg.argv0 = path; /* sys.argv[0]: as given */
    if (path[0] != '/' && getcwd(cwd, sizeof cwd)) {
        snprintf(abspath, sizeof abspath, "%s/%s", cwd, path);
        path = abspath;
    }
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        fprintf(stderr, "gcscope: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return EXIT_USAGE;
    }
    cfg.write_out = write_stdout;
    cfg.write_err = write_stderr;
    cfg.read_line = read_stdin_line;
    gs_VM *vm = gs_vm_new(&cfg);
    if (!vm) {
        fprintf(stderr, "gcscope: out of memory\n");
        free(src);
        return EXIT_LIMIT;
    }
    gs_Error err;
    int code = EXIT_OK;
    if (gs_load_program(vm, path, src, len, &err) < 0) {
        fflush(stdout);
        if (strcmp(err.type_name, "RecursionError") == 0 || strcmp(err.type_name, "MemoryError") == 0) {
            /* CPython reports over-deep source without a location; name the file first */
            fprintf(stderr, "gcscope: %s: the source is nested too deeply (or is too large) to compile\n", path);
            if (err.text && err.text[0])
                fprintf(stderr, "%s: %s\n", err.type_name, err.text);
            else
                fprintf(stderr, "%s\n", err.type_name);
        } else if (err.text && strncmp(err.text, "Non-UTF-8 code", 14) == 0) {
            /* the message names the file and line; CPython prints nothing else */
            fprintf(stderr, "%s: %s\n", err.type_name, err.text);
        } else {
            fprintf(stderr, "  File \"%s\", line %d\n", path, err.line);
            print_source_line(src, len, err.line, err.col);
            fprintf(stderr, "%s: %s\n", err.type_name, err.text ? err.text : "invalid syntax");
        }
        gs_error_clear(&err);
        code = EXIT_RAISED;
    } else {
        gs_RunStatus st = gs_vm_run(vm, 0, &err);
        fflush(stdout);
        if (st == GS_RUN_EXCEPTION) {
            fputs(err.text ? err.text : "", stderr);
            code = err.exit_code; /* 1, or what SystemExit asked for */
        } else if (st == GS_RUN_LIMIT) {
            fprintf(stderr, "gcscope: %s:%d: %s\n", path, err.line, err.text ? err.text : "resource limit");
            code = EXIT_LIMIT;
        }
        gs_error_clear(&err);
        if (cfg.check_refcounts && vm->check_failure) {
            fprintf(stderr, "gcscope: %s: refcount check failed: %s\n", path, vm->check_failure);
            if (code == EXIT_OK)
                code = EXIT_LIMIT + 1;
        }
        if (stats) {
            fprintf(stderr, "gcscope: %llu events, %zu recorded (%.2f bytes each, packed), %u objects allocated\n",
                    (unsigned long long)vm->events, vm->trace.n,
                    vm->trace.n ? (double)gs_trace_event_bytes(&vm->trace) / (double)vm->trace.n : 0.0, vm->next_id);
            size_t hist[GS_EV_KIND_COUNT] = { 0 };
            size_t causes[GS_EV_KIND_COUNT][16] = { { 0 } };
            for (size_t i = 0; i < vm->trace.n; i++) {
                const gs_Event e_ = gs_trace_get(&vm->trace, i), *e = &e_;
                if (e->kind < GS_EV_KIND_COUNT) {
                    hist[e->kind]++;
                    causes[e->kind][e->sub & 15]++;
                }
            }
            for (int k = 0; k < GS_EV_KIND_COUNT; k++)
                if (hist[k]) {
                    fprintf(stderr, "  %-16s %10zu", gs_event_kind_name((gs_EventKind)k), hist[k]);
                    if (k == GS_EV_INCREF || k == GS_EV_DECREF)
                        for (int c = 0; c < 16; c++)
                            if (causes[k][c])
                                fprintf(stderr, "  %s=%zu", gs_cause_kind_name(c), causes[k][c]);
                    fputc('\n', stderr);
                }
        }
    }
    fflush(stdout);
    gs_vm_free(vm);
    free(src);
    return code;
}

static bool looks_like_document(const char *arg)
{
    size_t n = strlen(arg);
    return (n > 3 && strcmp(arg + n - 3, ".py") == 0) || (n > 5 && strcmp(arg + n - 5, ".json") == 0);
}

#if defined(GCSCOPE_GUI_HELPER) && !defined(GCSCOPE_HAVE_GUI)
/* The viewer lives in GCSCOPE_GUI_HELPER next to this executable (so that
 * `gcscope run` does not load SDL and its libraries): run it with the same
 * arguments.  Returns only if it cannot be started. */
static int exec_gui(char **argv)
{
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) {
        fprintf(stderr, "gcscope: cannot find the viewer: %s\n", strerror(errno));
        return EXIT_USAGE;
    }
    path[n] = 0;
    char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    if (dir + sizeof GCSCOPE_GUI_HELPER > sizeof path) {
        fprintf(stderr, "gcscope: cannot find the viewer: path too long\n");
        return EXIT_USAGE;
    }
    memcpy(path + dir, GCSCOPE_GUI_HELPER, sizeof GCSCOPE_GUI_HELPER);
    fflush(NULL);
    execv(path, argv);
    fprintf(stderr, "gcscope: cannot start the viewer %s: %s\n", path, strerror(errno));
    return EXIT_USAGE;
}
#endif

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "lessons") == 0)
        return gs_cmd_lessons(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "trace") == 0)
        return gs_cmd_trace(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "check") == 0)
        return gs_cmd_check(argc - 2, argv + 2);
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return EXIT_OK;
    }
#ifdef GCSCOPE_HAVE_GUI
    if (argc >= 2 && strcmp(argv[1], "shot") == 0)
        return gs_cmd_shot(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "demo-shot") == 0)
        return gs_cmd_demo_shot(argc - 2, argv + 2);
    if (argc < 2)
        return gs_cmd_gui(0, NULL);
    if (argc == 2 && looks_like_document(argv[1]))
        return gs_cmd_gui(1, argv + 1);
#elif defined(GCSCOPE_GUI_HELPER)
    if (argc < 2 || (argc == 2 && looks_like_document(argv[1])) || strcmp(argv[1], "shot") == 0 ||
        strcmp(argv[1], "demo-shot") == 0)
        return exec_gui(argv);
#else
    if (argc < 2 || looks_like_document(argv[1])) {
        fprintf(stderr, "gcscope: this build has no GUI (configure with -DGCSCOPE_GUI=ON); try: gcscope run FILE.py\n");
        return EXIT_USAGE;
    }
#endif
    fprintf(stderr, "gcscope: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
