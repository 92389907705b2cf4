/*
 * time.c — the time module (Modules/timemodule.c): the clocks (time,
 * time_ns, perf_counter, monotonic, process_time, thread_time and their
 * _ns forms) read the real clocks CPython reads; sleep() really sleeps in
 * `gcscope run` and returns at once while the VM records (the viewer
 * replays a run; it does not wait for it); gmtime, localtime, mktime,
 * strftime, asctime and ctime convert as CPython does.
 *
 * time.struct_time is a tuple in CPython (a struct sequence): here a type
 * whose instances are tuples of the nine fields, with the fields' names as
 * read-only attributes and CPython's repr.  tm_zone and tm_gmtoff, the two
 * fields a struct_time keeps beyond the tuple, are not modelled.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "modutil.h"

static const char *const field_names[] = { "tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                           "tm_sec",  "tm_wday", "tm_yday", "tm_isdst", NULL };

/* ================================================================== clocks */

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* _PyTime_AsSecondsDouble */
static double ns_to_seconds(int64_t ns)
{
    if (ns % 1000000000 == 0)
        return (double)(ns / 1000000000);
    return (double)ns / 1e9;
}

static gs_Object *clock_float(gs_VM *vm, const char *name, clockid_t id, int nargs, gs_Tuple *kwnames)
{
    if (gs_noargs(vm, name, nargs, kwnames) < 0)
        return NULL;
    return gs_float_new(vm, ns_to_seconds(clock_ns(id)));
}

static gs_Object *clock_int(gs_VM *vm, const char *name, clockid_t id, int nargs, gs_Tuple *kwnames)
{
    if (gs_noargs(vm, name, nargs, kwnames) < 0)
        return NULL;
    return gs_int_new(vm, clock_ns(id));
}

#define CLOCK(fname, id)                                                                                           \
    static gs_Object *t_##fname(GS_ARGS)                                                                             \
    {                                                                                                                \
        GS_UNUSED(self);                                                                                             \
        GS_UNUSED(args);                                                                                             \
        return clock_float(vm, "time." #fname, id, nargs, kwnames);                                                \
    }                                                                                                                \
    static gs_Object *t_##fname##_ns(GS_ARGS)                                                                        \
    {                                                                                                                \
        GS_UNUSED(self);                                                                                             \
        GS_UNUSED(args);                                                                                             \
        return clock_int(vm, "time." #fname "_ns", id, nargs, kwnames);                                            \
    }

CLOCK(time, CLOCK_REALTIME)
CLOCK(perf_counter, CLOCK_MONOTONIC)
CLOCK(monotonic, CLOCK_MONOTONIC)
CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* _PyTime_FromSecondsObject: seconds as a double (a float, or an int) */
static int seconds_arg(gs_VM *vm, gs_Object *o, double *out)
{
    if (GS_KIND(o) == GS_K_FLOAT) {
        *out = ((gs_Float *)o)->value;
        if (isnan(*out)) {
            gs_raise(vm, vm->e_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        return 0;
    }
    int64_t v;
    if (gs_index_arg(vm, o, &v) < 0)
        return -1;
    *out = (double)v;
    return 0;
}

static gs_Object *t_sleep(GS_ARGS)
{
    GS_UNUSED(self);
    double secs;
    if (gs_onearg(vm, "time.sleep", nargs, kwnames) < 0 || seconds_arg(vm, args[0], &secs) < 0)
        return NULL;
    if (secs < 0) {
        gs_raise(vm, vm->e_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        gs_raise(vm, vm->e_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return NULL;
    }
    /* a recorded run is replayed by the viewer at its own pace */
    if (!vm->recording && secs > 0) {
        struct timespec ts = { (time_t)secs, (long)((secs - floor(secs)) * 1e9) };
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
            ;
    }
    return GS_NONE(vm);
}

/* ================================================================== struct_time */

/* a new struct_time of the nine values (stolen) */
static gs_Object *struct_time_new(gs_VM *vm, gs_Type *t, gs_Object **vals) { return gs_structseq_new(vm, t, vals, 9); }

static gs_Type *struct_time_type(gs_VM *vm, gs_Object *module_fn_self)
{
    gs_Object *t = gs_dict_get_str(vm, &((gs_Module *)module_fn_self)->dict->ob, gs_name(vm, "struct_time"));
    return t && GS_KIND(t) == GS_K_TYPE ? (gs_Type *)t : NULL;
}

static gs_Object *tm_to_struct(gs_VM *vm, gs_Type *t, const struct tm *tm)
{
    gs_Object *v[9] = {
        gs_int_new(vm, (int64_t)tm->tm_year + 1900), gs_int_new(vm, tm->tm_mon + 1), gs_int_new(vm, tm->tm_mday),
        gs_int_new(vm, tm->tm_hour), gs_int_new(vm, tm->tm_min), gs_int_new(vm, tm->tm_sec),
        gs_int_new(vm, (tm->tm_wday + 6) % 7), gs_int_new(vm, tm->tm_yday + 1), gs_int_new(vm, tm->tm_isdst),
    };
    return struct_time_new(vm, t, v);
}

/* struct_time(sequence): a 9-sequence */
static gs_Object *st_new(GS_ARGS)
{
    static const char *const names[] = { "sequence", "dict" };
    static const gs_PySig sig = { "struct_time", names, 2, 1, 0, 0 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *tup = gs_tuple_from_iterable(vm, a[0]);
    if (!tup)
        return NULL;
    int32_t n = ((gs_Tuple *)tup)->len;
    if (n < 9 || n > 11) {
        if (n < 9)
            gs_raise(vm, vm->e_TypeError, "time.struct_time() takes an at least 9-sequence (%d-sequence given)", n);
        else
            gs_raise(vm, vm->e_TypeError, "time.struct_time() takes an at most 11-sequence (%d-sequence given)", n);
        gs_decref(vm, tup);
        return NULL;
    }
    gs_Object *v[9];
    for (int i = 0; i < 9; i++)
        v[i] = gs_newref(vm, ((gs_Tuple *)tup)->items[i]);
    gs_decref(vm, tup);
    return struct_time_new(vm, (gs_Type *)self, v);
}

/* ================================================================== conversions */

/* _PyTime_ObjectToTime_t, rounding down; None or nothing: now */
static int time_t_arg(gs_VM *vm, gs_Object *o, time_t *out)
{
    if (!o || o == vm->none) {
        *out = time(NULL);
        return 0;
    }
    if (GS_KIND(o) == GS_K_FLOAT) {
        double d = ((gs_Float *)o)->value;
        if (isnan(d)) {
            gs_raise(vm, vm->e_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            gs_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    int64_t v;
    if (gs_index_arg(vm, o, &v) < 0)
        return -1;
    *out = (time_t)v;
    return 0;
}

static gs_Object *convert(gs_VM *vm, gs_Object *self, const char *name, gs_Object **args, int nargs,
                          gs_Tuple *kwnames, bool local)
{
    if (gs_no_kwargs(vm, name, kwnames) < 0)
        return NULL;
    if (nargs > 1) {
        gs_raise(vm, vm->e_TypeError, "%s expected at most 1 argument, got %d", name, nargs);
        return NULL;
    }
    time_t when;
    if (time_t_arg(vm, nargs ? args[0] : NULL, &when) < 0)
        return NULL;
    struct tm tm;
    errno = 0;
    if (!(local ? localtime_r(&when, &tm) : gmtime_r(&when, &tm))) {
        if (errno == EOVERFLOW || errno == 0)
            gs_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
        else
            gs_raise(vm, vm->e_OSError, "%s", strerror(errno));
        return NULL;
    }
    gs_Type *t = struct_time_type(vm, self);
    if (!t) {
        gs_raise(vm, vm->e_AttributeError, "module 'time' has no attribute 'struct_time'");
        return NULL;
    }
    return tm_to_struct(vm, t, &tm);
}

static gs_Object *t_gmtime(GS_ARGS) { return convert(vm, self, "gmtime", args, nargs, kwnames, false); }
static gs_Object *t_localtime(GS_ARGS) { return convert(vm, self, "localtime", args, nargs, kwnames, true); }

/* gettmarg + checktm: a 9-tuple (or struct_time) into a struct tm */
static int tm_arg(gs_VM *vm, const char *fname, gs_Object *o, struct tm *tm, bool check)
{
    if (GS_KIND(o) != GS_K_TUPLE) {
        gs_raise(vm, vm->e_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    gs_Tuple *t = (gs_Tuple *)o;
    if (t->len != 9) {
        gs_raise(vm, vm->e_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int64_t v[9];
    for (int i = 0; i < 9; i++)
        if (gs_index_arg(vm, t->items[i], &v[i]) < 0)
            return -1;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(v[0] - 1900);
    tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    if (!check)
        return 0;
    /* strftime and asctime: checktm, after CPython's normalisations */
    if (tm->tm_mon == -1)
        tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        gs_raise(vm, vm->e_ValueError, "month out of range");
        return -1;
    }
    if (tm->tm_mday == 0)
        tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        gs_raise(vm, vm->e_ValueError, "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        gs_raise(vm, vm->e_ValueError, "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        gs_raise(vm, vm->e_ValueError, "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        gs_raise(vm, vm->e_ValueError, "seconds out of range");
        return -1;
    }
    if (tm->tm_wday < 0) {
        gs_raise(vm, vm->e_ValueError, "day of week out of range");
        return -1;
    }
    if (tm->tm_yday == -1)
        tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        gs_raise(vm, vm->e_ValueError, "day of year out of range");
        return -1;
    }
    if (tm->tm_isdst < -1)
        tm->tm_isdst = -1;
    else if (tm->tm_isdst > 1)
        tm->tm_isdst = 1;
    return 0;
}

static gs_Object *t_strftime(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "strftime", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, "strftime() takes at %s 1 argument (%d given)", nargs < 1 ? "least" : "most",
                 nargs);
        if (nargs > 2) {
            gs_clear_exc(vm);
            gs_raise(vm, vm->e_TypeError, "strftime() takes at most 2 arguments (%d given)", nargs);
        }
        return NULL;
    }
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "strftime() argument 1 must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    struct tm tm;
    if (nargs == 2) {
        if (tm_arg(vm, "strftime", args[1], &tm, true) < 0)
            return NULL;
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    }
    gs_Str *fmt = (gs_Str *)args[0];
    if (fmt->len == 0)
        return gs_str_new(vm, "", 0);
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            gs_raise_memory(vm);
            return NULL;
        }
        size_t n = strftime(buf, cap, fmt->data, &tm);
        if (n > 0 || cap >= 256 * (size_t)fmt->len + 4096) {
            gs_Object *r = gs_str_new(vm, buf, n);
            free(buf);
            return r;
        }
        free(buf);
    }
}

/* "Thu Jan  1 00:00:00 1970", CPython's own layout */
static gs_Object *asctime_of(gs_VM *vm, const struct tm *tm)
{
    static const char wday[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    return gs_str_printf(vm, "%s %s%3d %.2d:%.2d:%.2d %d", wday[(tm->tm_wday % 7 + 7) % 7],
                         mon[(tm->tm_mon % 12 + 12) % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
                         1900 + tm->tm_year);
}

static gs_Object *t_asctime(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "asctime", kwnames) < 0)
        return NULL;
    if (nargs > 1) {
        gs_raise(vm, vm->e_TypeError, "asctime expected at most 1 argument, got %d", nargs);
        return NULL;
    }
    struct tm tm;
    if (nargs == 1) {
        if (tm_arg(vm, "asctime", args[0], &tm, true) < 0)
            return NULL;
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    }
    return asctime_of(vm, &tm);
}

static gs_Object *t_ctime(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "ctime", kwnames) < 0)
        return NULL;
    if (nargs > 1) {
        gs_raise(vm, vm->e_TypeError, "ctime expected at most 1 argument, got %d", nargs);
        return NULL;
    }
    time_t when;
    if (time_t_arg(vm, nargs ? args[0] : NULL, &when) < 0)
        return NULL;
    struct tm tm;
    if (!localtime_r(&when, &tm)) {
        gs_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return asctime_of(vm, &tm);
}

static gs_Object *t_mktime(GS_ARGS)
{
    GS_UNUSED(self);
    struct tm tm;
    if (gs_onearg(vm, "time.mktime", nargs, kwnames) < 0 || tm_arg(vm, "mktime", args[0], &tm, false) < 0)
        return NULL;
    tm.tm_wday = -1; /* sentinel: mktime sets it */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        gs_raise(vm, vm->e_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return gs_float_new(vm, (double)t);
}

/* ================================================================== the module */

static const gs_MethodDef time_functions[] = {
    { "asctime", t_asctime, 0, -1, GS_KW },
    { "ctime", t_ctime, 0, -1, GS_KW },
    { "gmtime", t_gmtime, 0, -1, GS_KW },
    { "localtime", t_localtime, 0, -1, GS_KW },
    { "mktime", t_mktime, 0, -1, GS_KW },
    { "monotonic", t_monotonic, 0, -1, GS_KW },
    { "monotonic_ns", t_monotonic_ns, 0, -1, GS_KW },
    { "perf_counter", t_perf_counter, 0, -1, GS_KW },
    { "perf_counter_ns", t_perf_counter_ns, 0, -1, GS_KW },
    { "process_time", t_process_time, 0, -1, GS_KW },
    { "process_time_ns", t_process_time_ns, 0, -1, GS_KW },
    { "sleep", t_sleep, 0, -1, GS_KW },
    { "strftime", t_strftime, 0, -1, GS_KW },
    { "thread_time", t_thread_time, 0, -1, GS_KW },
    { "thread_time_ns", t_thread_time_ns, 0, -1, GS_KW },
    { "time", t_time, 0, -1, GS_KW },
    { "time_ns", t_time_ns, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef struct_time_methods[] = {
    { "__new__", st_new, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_module_time(gs_VM *vm)
{
    gs_Type *st = gs_structseq_type(vm, "time.struct_time", field_names, 11); /* tm_zone, tm_gmtoff: not kept */
    gs_type_add_methods(vm, st, struct_time_methods);
    gs_Object *m = gs_module_new(vm, "time");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, time_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "struct_time", gs_newref(vm, &st->ob));
    tzset();
    gs_module_add(vm, m, "timezone", gs_int_new(vm, timezone));
    gs_module_add(vm, m, "altzone", gs_int_new(vm, daylight ? timezone - 3600 : timezone));
    gs_module_add(vm, m, "daylight", gs_int_new(vm, daylight));
    gs_Object *tzn = gs_tuple_new(vm, 2);
    if (tzn) {
        gs_tuple_init(vm, tzn, 0, gs_str_from_cstr(vm, tzname[0]));
        gs_tuple_init(vm, tzn, 1, gs_str_from_cstr(vm, tzname[1]));
        gs_module_add(vm, m, "tzname", tzn);
    }
    return m;
}

void gs_time_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "time", count, ctx);
}
