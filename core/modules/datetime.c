/*
 * datetime.c — the datetime module (CPython's Modules/_datetimemodule.c,
 * which Lib/datetime.py imports): date, time, datetime, timedelta, tzinfo,
 * timezone and IsoCalendarDate, with CPython 3.11's range checks, error
 * messages, reprs, arithmetic, comparisons, isoformat/fromisoformat,
 * strftime (the C library's, in the C locale, after CPython's own %z %Z %f)
 * and strptime (Lib/_strptime.py's regular expressions, matched here by a
 * small backtracking matcher over the same alternatives).
 *
 * The values are native instances that keep their fields in C.  As in
 * CPython they are not GC objects (no GC header, never tracked) and have
 * fixed sizes, given to sys.getsizeof by each type's __basicsize__; a
 * datetime or time holds a reference to its tzinfo, a timezone to its
 * offset and name.  Classes a program derives from date or datetime get
 * their objects from the constructors here, and the results of
 * arithmetic on them are made by calling the class, as CPython does.
 *
 * The clock is the real one (date.today(), datetime.now(): time.time() and
 * localtime_r, the process's local time zone).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "modutil.h"
#include "runtime/opcodes.h"

/* ================================================================== objects */

/* One layout for every kind: a date uses the first three fields, a time
 * the clock ones, a timedelta days/secs/usecs, a timezone tz and name. */
typedef struct Dt {
    gs_Instance inst;
    int32_t year, month, day, hour, minute, second, us;
    int32_t fold;
    int64_t days, secs, usecs;
    gs_Object *tz;    /* datetime, time: the tzinfo (NULL: None); timezone: its offset, a timedelta */
    gs_Object *name;  /* timezone: its name, or NULL */
} Dt;

#define DT(o) ((Dt *)(o))

enum { F_TZ = GS_NATIVE_FIELD, F_NAME };

static int dt_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = 0;
    if (DT(o)->tz)
        r = fn(vm, o, DT(o)->tz, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_TZ), arg);
    if (!r && DT(o)->name)
        r = fn(vm, o, DT(o)->name, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_NAME), arg);
    return r;
}

static void dt_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &DT(o)->tz, F_TZ, NULL);
    gs_native_set(vm, o, &DT(o)->name, F_NAME, NULL);
}

static const gs_NativeOps dt_ops = { .size = sizeof(Dt), .gc = false, .traverse = dt_traverse, .clear = dt_clear };

typedef struct DtState {
    gs_Type *date, *datetime, *time, *delta, *tzinfo, *timezone, *isocal, *struct_time;
} DtState;

static DtState *st(gs_VM *vm) { return vm->modstate[GS_MS_DATETIME]; }

static bool is_date(gs_VM *vm, gs_Object *o) { return gs_isinstance(o, st(vm)->date); }
static bool is_datetime(gs_VM *vm, gs_Object *o) { return gs_isinstance(o, st(vm)->datetime); }
static bool is_time(gs_VM *vm, gs_Object *o) { return gs_isinstance(o, st(vm)->time); }
static bool is_delta(gs_VM *vm, gs_Object *o) { return gs_isinstance(o, st(vm)->delta); }
static bool is_tzinfo(gs_VM *vm, gs_Object *o) { return gs_isinstance(o, st(vm)->tzinfo); }
static bool is_timezone(gs_VM *vm, gs_Object *o) { return gs_isinstance(o, st(vm)->timezone); }

/* tp_name: "datetime.date", or a class statement's name */
static const char *tpname(gs_Object *o) { return o->type->name->data; }

static gs_Object *notimpl(gs_VM *vm) { return gs_newref(vm, vm->notimpl); }

/* ================================================================== the calendar */

static const int days_in_month_tab[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
static const int days_before_month_tab[13] = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
static const char *const day_names[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const month_names[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const day_full[7] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
static const char *const month_full[12] = { "January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December" };

enum { MINYEAR = 1, MAXYEAR = 9999, MAX_DELTA_DAYS = 999999999, MAX_ORDINAL = 3652059 };

static bool is_leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

static int days_in_month(int y, int m) { return m == 2 && is_leap(y) ? 29 : days_in_month_tab[m]; }

static int days_before_month(int y, int m) { return days_before_month_tab[m] + (m > 2 && is_leap(y)); }

static int64_t days_before_year(int y)
{
    int64_t y1 = y - 1;
    return y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
}

static int64_t ymd_to_ord(int y, int m, int d) { return days_before_year(y) + days_before_month(y, m) + d; }

/* CPython's ord_to_ymd */
static void ord_to_ymd(int64_t ordinal, int *y, int *m, int *d)
{
    int64_t n = ordinal - 1;
    int64_t n400 = n / 146097;
    n %= 146097;
    int64_t year = n400 * 400 + 1;
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    year += n100 * 100 + n4 * 4 + n1;
    if (n1 == 4 || n100 == 4) {
        *y = (int)year - 1;
        *m = 12;
        *d = 31;
        return;
    }
    *y = (int)year;
    bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
    int month = (int)((n + 50) >> 5);
    int preceding = days_before_month_tab[month] + (month > 2 && leap);
    if (preceding > n) {
        month--;
        preceding -= days_in_month_tab[month] + (month == 2 && leap);
    }
    *m = month;
    *d = (int)(n - preceding + 1);
}

static int weekday_of(int y, int m, int d) { return (int)((ymd_to_ord(y, m, d) + 6) % 7); }

static int64_t iso_week1_monday(int year)
{
    int64_t first_day = ymd_to_ord(year, 1, 1);
    int64_t first_weekday = (first_day + 6) % 7;
    int64_t week1_monday = first_day - first_weekday;
    if (first_weekday > 3)
        week1_monday += 7;
    return week1_monday;
}

/* ================================================================== checks */

static int check_date(gs_VM *vm, int64_t y, int64_t m, int64_t d)
{
    if (y < MINYEAR || y > MAXYEAR) {
        gs_raise(vm, vm->e_ValueError, "year %lld is out of range", (long long)y);
        return -1;
    }
    if (m < 1 || m > 12) {
        gs_raise(vm, vm->e_ValueError, "month must be in 1..12");
        return -1;
    }
    if (d < 1 || d > days_in_month((int)y, (int)m)) {
        gs_raise(vm, vm->e_ValueError, "day is out of range for month");
        return -1;
    }
    return 0;
}

static int check_time(gs_VM *vm, int64_t h, int64_t mi, int64_t s, int64_t us, int64_t fold)
{
    const char *msg = NULL;
    if (h < 0 || h > 23)
        msg = "hour must be in 0..23";
    else if (mi < 0 || mi > 59)
        msg = "minute must be in 0..59";
    else if (s < 0 || s > 59)
        msg = "second must be in 0..59";
    else if (us < 0 || us > 999999)
        msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1)
        msg = "fold must be either 0 or 1";
    if (msg) {
        gs_raise(vm, vm->e_ValueError, "%s", msg);
        return -1;
    }
    return 0;
}

static int check_tzinfo(gs_VM *vm, gs_Object *tz)
{
    if (tz == vm->none || is_tzinfo(vm, tz))
        return 0;
    gs_raise(vm, vm->e_TypeError, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", tpname(tz));
    return -1;
}

/* ================================================================== arguments */

/* PyArg_ParseTupleAndKeywords without a function name: names[0..n), the
 * first npos by position too, the first nreq required.  out[i] borrowed or
 * NULL. */
static int bind(gs_VM *vm, const char *fname, const char *const *names, int n, int npos, int nreq, gs_Object **args,
                int nargs, gs_Tuple *kwnames, gs_Object **out)
{
    int nkw = kwnames ? kwnames->len : 0, np = nargs - nkw;
    const char *fn = fname ? fname : "function", *paren = fname ? "()" : "";
    if (np < 0)
        np = 0;
    if (np + nkw > n) {
        gs_raise(vm, vm->e_TypeError, "%s%s takes at most %d %sargument%s (%d given)", fn, paren, n,
                 np == 0 ? "keyword " : "", n == 1 ? "" : "s", np + nkw);
        return -1;
    }
    if (np > npos) {
        gs_raise(vm, vm->e_TypeError, "%s%s takes %s %d positional argument%s (%d given)", fn, paren,
                 nreq < npos ? "at most" : "exactly", npos, npos == 1 ? "" : "s", np);
        return -1;
    }
    for (int i = 0; i < n; i++)
        out[i] = i < np ? args[i] : NULL;
    for (int k = 0; k < nkw; k++) {
        gs_Str *key = (gs_Str *)kwnames->items[k];
        int i = 0;
        while (i < n && strcmp(names[i], key->data) != 0)
            i++;
        if (i == n) {
            bool missing = false; /* (a missing argument is reported first) */
            for (int j = np; j < nreq; j++) {
                bool given = false;
                for (int kk = 0; kk < nkw; kk++)
                    if (strcmp(names[j], ((gs_Str *)kwnames->items[kk])->data) == 0)
                        given = true;
                if (!given) {
                    gs_raise(vm, vm->e_TypeError, "%s%s missing required argument '%s' (pos %d)", fn, paren, names[j],
                             j + 1);
                    missing = true;
                    break;
                }
            }
            if (!missing)
                gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for %s%s", key->data,
                         fname ? fname : "this function", paren);
            return -1;
        }
        if (i < np) {
            gs_raise(vm, vm->e_TypeError, "argument for %s%s given by name ('%s') and position (%d)", fn, paren,
                     key->data, i + 1);
            return -1;
        }
        out[i] = args[np + k];
    }
    for (int i = 0; i < nreq; i++)
        if (!out[i]) {
            gs_raise(vm, vm->e_TypeError, "%s%s missing required argument '%s' (pos %d)", fn, paren, names[i], i + 1);
            return -1;
        }
    return 0;
}

/* an 'i' argument: an int (or __index__) that fits a C int; absent: dflt */
static int int_arg(gs_VM *vm, gs_Object *o, int64_t dflt, int64_t *out)
{
    if (!o) {
        *out = dflt;
        return 0;
    }
    if (GS_KIND(o) == GS_K_FLOAT) {
        gs_raise(vm, vm->e_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    if (gs_int_is_big(o)) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    if (gs_index_arg(vm, o, out) < 0)
        return -1;
    if (*out > INT32_MAX) {
        gs_raise(vm, vm->e_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (*out < INT32_MIN) {
        gs_raise(vm, vm->e_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    return 0;
}

/* ================================================================== constructors */

/* a new bare object of type t (a class statement's class too) */
static gs_Object *alloc_of(gs_VM *vm, gs_Type *t)
{
    gs_Object *o = (t->flags & GS_TF_HEAP) ? gs_instance_new(vm, t) : gs_native_new(vm, t);
    if (o) {
        Dt *d = DT(o);
        d->year = d->month = d->day = 1;
        d->hour = d->minute = d->second = d->us = d->fold = 0;
        d->days = d->secs = d->usecs = 0;
        d->tz = d->name = NULL;
    }
    return o;
}

static gs_Object *date_raw(gs_VM *vm, gs_Type *t, int y, int m, int d)
{
    gs_Object *o = alloc_of(vm, t);
    if (o) {
        DT(o)->year = y;
        DT(o)->month = m;
        DT(o)->day = d;
    }
    return o;
}

static void set_tz(gs_VM *vm, gs_Object *o, gs_Object *tz)
{
    if (tz && tz != vm->none)
        gs_native_set(vm, o, &DT(o)->tz, F_TZ, tz);
}

static gs_Object *datetime_raw(gs_VM *vm, gs_Type *t, int y, int m, int d, int hh, int mi, int ss, int us,
                               gs_Object *tz, int fold)
{
    gs_Object *o = date_raw(vm, t, y, m, d);
    if (o) {
        DT(o)->hour = hh;
        DT(o)->minute = mi;
        DT(o)->second = ss;
        DT(o)->us = us;
        DT(o)->fold = fold;
        set_tz(vm, o, tz);
    }
    return o;
}

static gs_Object *time_raw(gs_VM *vm, gs_Type *t, int hh, int mi, int ss, int us, gs_Object *tz, int fold)
{
    gs_Object *o = alloc_of(vm, t);
    if (o) {
        DT(o)->hour = hh;
        DT(o)->minute = mi;
        DT(o)->second = ss;
        DT(o)->us = us;
        DT(o)->fold = fold;
        set_tz(vm, o, tz);
    }
    return o;
}

/* call a class statement's class with int arguments (and tzinfo) */
static gs_Object *call_class(gs_VM *vm, gs_Type *t, const int *v, int n, gs_Object *tz)
{
    gs_Object *a[9];
    int k = 0;
    for (; k < n; k++)
        a[k] = gs_int_new(vm, v[k]);
    if (tz)
        a[k++] = gs_newref(vm, tz);
    gs_Object *r = gs_call(vm, &t->ob, a, k, NULL);
    for (int i = 0; i < k; i++)
        gs_decref(vm, a[i]);
    return r;
}

/* new_date_subclass_ex: a date of class t (a class statement's is called) */
static gs_Object *date_of(gs_VM *vm, gs_Type *t, int y, int m, int d)
{
    if (t->flags & GS_TF_HEAP) {
        int v[3] = { y, m, d };
        return call_class(vm, t, v, 3, NULL);
    }
    return date_raw(vm, t, y, m, d);
}

static gs_Object *datetime_of(gs_VM *vm, gs_Type *t, int y, int m, int d, int hh, int mi, int ss, int us,
                              gs_Object *tz, int fold)
{
    if ((t->flags & GS_TF_HEAP) && fold == 0) {
        int v[7] = { y, m, d, hh, mi, ss, us };
        return call_class(vm, t, v, 7, tz ? tz : vm->none);
    }
    return datetime_raw(vm, t, y, m, d, hh, mi, ss, us, tz, fold);
}

/* a timedelta from microseconds, normalised and checked */
static gs_Object *delta_from_us(gs_VM *vm, gs_Type *t, __int128 us)
{
    __int128 s = us / 1000000, u = us % 1000000;
    if (u < 0) {
        u += 1000000;
        s--;
    }
    __int128 d = s / 86400, sec = s % 86400;
    if (sec < 0) {
        sec += 86400;
        d--;
    }
    if (d > MAX_DELTA_DAYS || d < -MAX_DELTA_DAYS) {
        if (d > INT64_MAX / 2 || d < -INT64_MAX / 2)
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
        else
            gs_raise(vm, vm->e_OverflowError, "days=%lld; must have magnitude <= %d", (long long)d, MAX_DELTA_DAYS);
        return NULL;
    }
    gs_Object *o = alloc_of(vm, t ? t : st(vm)->delta);
    if (o) {
        DT(o)->days = (int64_t)d;
        DT(o)->secs = (int64_t)sec;
        DT(o)->usecs = (int64_t)u;
    }
    return o;
}

static __int128 delta_us(gs_Object *o)
{
    return ((__int128)DT(o)->days * 86400 + DT(o)->secs) * 1000000 + DT(o)->usecs;
}

static gs_Object *delta_new_days(gs_VM *vm, int64_t days, int64_t secs, int64_t us)
{
    return delta_from_us(vm, NULL, ((__int128)days * 86400 + secs) * 1000000 + us);
}

/* the timezone.utc singleton (borrowed) */
static gs_Object *utc_of(gs_VM *vm)
{
    return gs_dict_get_str(vm, &st(vm)->timezone->dict->ob, gs_name(vm, "utc"));
}

static int check_offset_range(gs_VM *vm, gs_Object *offset)
{
    __int128 us = delta_us(offset);
    if (us <= -(__int128)86400000000LL || us >= (__int128)86400000000LL) {
        gs_Object *r = gs_repr(vm, offset);
        if (r) {
            gs_raise(vm, vm->e_ValueError,
                     "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s.",
                     ((gs_Str *)r)->data);
            gs_decref(vm, r);
        }
        return -1;
    }
    return 0;
}

/* new_timezone: utc for a zero offset without a name */
static gs_Object *timezone_new_obj(gs_VM *vm, gs_Object *offset, gs_Object *name)
{
    if (!name && delta_us(offset) == 0) {
        gs_Object *u = utc_of(vm);
        if (u)
            return gs_newref(vm, u);
    }
    if (check_offset_range(vm, offset) < 0)
        return NULL;
    gs_Object *o = alloc_of(vm, st(vm)->timezone);
    if (o) {
        gs_native_set(vm, o, &DT(o)->tz, F_TZ, offset);
        if (name)
            gs_native_set(vm, o, &DT(o)->name, F_NAME, name);
    }
    return o;
}

static gs_Object *timezone_of_seconds(gs_VM *vm, int64_t secs, int64_t us)
{
    gs_Object *off = delta_new_days(vm, 0, secs, us);
    if (!off)
        return NULL;
    gs_Object *r = timezone_new_obj(vm, off, NULL);
    gs_decref(vm, off);
    return r;
}

/* ================================================================== tzinfo calls */

/* tzinfo.<meth>(arg) checked as CPython's call_tzinfo_method: None or a
 * timedelta strictly within a day; *out new reference (None kept as NULL) */
static int call_offset(gs_VM *vm, gs_Object *tz, const char *meth, gs_Object *arg, gs_Object **out)
{
    *out = NULL;
    if (!tz || tz == vm->none)
        return 0;
    gs_Object *r;
    if (GS_KIND(tz) == GS_K_INSTANCE && tz->type == st(vm)->timezone) {
        if (strcmp(meth, "dst") == 0)
            return 0;
        r = gs_newref(vm, DT(tz)->tz);
    } else {
        gs_Object *m = gs_getattr(vm, tz, gs_name(vm, meth));
        r = m ? gs_call(vm, m, &arg, 1, NULL) : NULL;
        gs_xdecref(vm, m);
        if (!r)
            return -1;
    }
    if (r == vm->none) {
        gs_decref(vm, r);
        return 0;
    }
    if (!is_delta(vm, r)) {
        gs_raise(vm, vm->e_TypeError, "tzinfo.%s() must return None or timedelta, not '%s'", meth, tpname(r));
        gs_decref(vm, r);
        return -1;
    }
    if (check_offset_range(vm, r) < 0) {
        gs_decref(vm, r);
        return -1;
    }
    *out = r;
    return 0;
}

/* the offset in microseconds of a datetime or time (*has: whether aware) */
static int offset_us(gs_VM *vm, gs_Object *o, bool *has, __int128 *us)
{
    gs_Object *off;
    gs_Object *arg = is_datetime(vm, o) ? o : vm->none;
    if (call_offset(vm, DT(o)->tz, "utcoffset", arg, &off) < 0)
        return -1;
    *has = off != NULL;
    *us = off ? delta_us(off) : 0;
    gs_xdecref(vm, off);
    return 0;
}

/* ================================================================== formatting */

/* "+HH:MM[:SS[.ffffff]]" of an offset (sep "" for %z) */
static void format_offset(gs_Buf *b, gs_Object *off, const char *sep)
{
    __int128 us = delta_us(off);
    char sign = '+';
    if (us < 0) {
        sign = '-';
        us = -us;
    }
    int64_t u = (int64_t)(us % 1000000), s = (int64_t)(us / 1000000);
    gs_buf_printf(b, "%c%02lld%s%02lld", sign, (long long)(s / 3600), sep, (long long)(s % 3600 / 60));
    if (s % 60 || u) {
        gs_buf_printf(b, "%s%02lld", sep, (long long)(s % 60));
        if (u)
            gs_buf_printf(b, ".%06lld", (long long)u);
    }
}

static int timespec_of(gs_VM *vm, gs_Object *o, int *spec)
{
    static const char *const specs[] = { "auto", "hours", "minutes", "seconds", "milliseconds", "microseconds" };
    if (!o) {
        *spec = 0;
        return 0;
    }
    if (GS_KIND(o) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "isoformat() argument 2 must be str, not %s", tpname(o));
        return -1;
    }
    for (int i = 0; i < 6; i++)
        if (strcmp(((gs_Str *)o)->data, specs[i]) == 0) {
            *spec = i;
            return 0;
        }
    gs_raise(vm, vm->e_ValueError, "Unknown timespec value");
    return -1;
}

static void format_clock(gs_Buf *b, gs_Object *o, int spec)
{
    Dt *d = DT(o);
    if (spec == 0)
        spec = d->us ? 5 : 3;
    switch (spec) {
    case 1: gs_buf_printf(b, "%02d", d->hour); break;
    case 2: gs_buf_printf(b, "%02d:%02d", d->hour, d->minute); break;
    case 3: gs_buf_printf(b, "%02d:%02d:%02d", d->hour, d->minute, d->second); break;
    case 4: gs_buf_printf(b, "%02d:%02d:%02d.%03d", d->hour, d->minute, d->second, d->us / 1000); break;
    default: gs_buf_printf(b, "%02d:%02d:%02d.%06d", d->hour, d->minute, d->second, d->us); break;
    }
}

/* the offset part of an isoformat: nothing if naive */
static int add_iso_offset(gs_VM *vm, gs_Buf *b, gs_Object *o)
{
    gs_Object *off;
    if (call_offset(vm, DT(o)->tz, "utcoffset", is_datetime(vm, o) ? o : vm->none, &off) < 0)
        return -1;
    if (off) {
        format_offset(b, off, ":");
        gs_decref(vm, off);
    }
    return 0;
}

static gs_Object *iso_datetime(gs_VM *vm, gs_Object *o, const char *sep, size_t seplen, int spec)
{
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%04d-%02d-%02d", DT(o)->year, DT(o)->month, DT(o)->day);
    gs_buf_add(&b, sep, seplen);
    format_clock(&b, o, spec);
    if (add_iso_offset(vm, &b, o) < 0) {
        gs_buf_free(&b);
        return NULL;
    }
    return gs_buf_to_str(vm, &b);
}

static gs_Object *iso_time(gs_VM *vm, gs_Object *o, int spec)
{
    gs_Buf b;
    gs_buf_init(&b);
    format_clock(&b, o, spec);
    if (add_iso_offset(vm, &b, o) < 0) {
        gs_buf_free(&b);
        return NULL;
    }
    return gs_buf_to_str(vm, &b);
}

/* ", tzinfo=...)" and ", fold=1)" after a repr's fields */
static gs_Object *repr_tail(gs_VM *vm, gs_Buf *b, gs_Object *o)
{
    if (DT(o)->tz) {
        gs_Object *r = gs_repr(vm, DT(o)->tz);
        if (!r) {
            gs_buf_free(b);
            return NULL;
        }
        gs_buf_printf(b, ", tzinfo=%s", ((gs_Str *)r)->data);
        gs_decref(vm, r);
    }
    if (DT(o)->fold)
        gs_buf_adds(b, ", fold=1");
    gs_buf_addc(b, ')');
    return gs_buf_to_str(vm, b);
}

static void delta_str_into(gs_Buf *b, gs_Object *o)
{
    Dt *d = DT(o);
    if (d->days)
        gs_buf_printf(b, "%lld day%s, ", (long long)d->days, d->days == 1 || d->days == -1 ? "" : "s");
    gs_buf_printf(b, "%lld:%02lld:%02lld", (long long)(d->secs / 3600), (long long)(d->secs % 3600 / 60),
                  (long long)(d->secs % 60));
    if (d->usecs)
        gs_buf_printf(b, ".%06lld", (long long)d->usecs);
}

static gs_Object *delta_repr_of(gs_VM *vm, gs_Object *o)
{
    Dt *d = DT(o);
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%s(", tpname(o));
    const char *sep = "";
    if (d->days) {
        gs_buf_printf(&b, "days=%lld", (long long)d->days);
        sep = ", ";
    }
    if (d->secs) {
        gs_buf_printf(&b, "%sseconds=%lld", sep, (long long)d->secs);
        sep = ", ";
    }
    if (d->usecs)
        gs_buf_printf(&b, "%smicroseconds=%lld", sep, (long long)d->usecs);
    if (!d->days && !d->secs && !d->usecs)
        gs_buf_addc(&b, '0');
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

/* timezone's tzname: its name, or "UTC", "UTC+05:30" */
static gs_Object *timezone_name(gs_VM *vm, gs_Object *tz)
{
    if (DT(tz)->name)
        return gs_newref(vm, DT(tz)->name);
    gs_Object *off = DT(tz)->tz;
    if (tz == utc_of(vm) || delta_us(off) == 0)
        return gs_str_from_cstr(vm, "UTC");
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_adds(&b, "UTC");
    format_offset(&b, off, ":");
    return gs_buf_to_str(vm, &b);
}

/* ================================================================== strftime */

static void tm_of(gs_VM *vm, gs_Object *o, bool has_date, struct tm *tm)
{
    memset(tm, 0, sizeof *tm);
    Dt *d = DT(o);
    int y = has_date ? d->year : 1900, m = has_date ? d->month : 1, dd = has_date ? d->day : 1;
    tm->tm_year = y - 1900;
    tm->tm_mon = m - 1;
    tm->tm_mday = dd;
    bool clock = !has_date || is_datetime(vm, o);
    tm->tm_hour = clock ? d->hour : 0;
    tm->tm_min = clock ? d->minute : 0;
    tm->tm_sec = clock ? d->second : 0;
    tm->tm_wday = (weekday_of(y, m, dd) + 1) % 7;
    tm->tm_yday = days_before_month(y, m) + dd - 1;
    tm->tm_isdst = -1;
}

static gs_Object *do_strftime(gs_VM *vm, gs_Object *o, gs_Object *fmt, bool has_date)
{
    if (GS_KIND(fmt) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "strftime() argument 1 must be str, not %s", tpname(fmt));
        return NULL;
    }
    bool has_clock = !has_date || is_datetime(vm, o);
    gs_Str *f = (gs_Str *)fmt;
    gs_Buf nf;
    gs_buf_init(&nf);
    for (int32_t i = 0; i < f->len; i++) {
        char c = f->data[i];
        if (c != '%' || i + 1 >= f->len) {
            gs_buf_addc(&nf, c);
            continue;
        }
        char n = f->data[++i];
        if (n == 'f') {
            gs_buf_printf(&nf, "%06d", has_clock ? DT(o)->us : 0);
        } else if (n == 'z' || n == 'Z') {
            gs_Object *tz = has_clock ? DT(o)->tz : NULL;
            gs_Object *arg = has_date ? o : vm->none;
            if (n == 'z') {
                gs_Object *off;
                if (call_offset(vm, tz, "utcoffset", arg, &off) < 0) {
                    gs_buf_free(&nf);
                    return NULL;
                }
                if (off) {
                    format_offset(&nf, off, "");
                    gs_decref(vm, off);
                }
            } else if (tz) {
                gs_Object *name;
                if (is_timezone(vm, tz) && tz->type == st(vm)->timezone)
                    name = timezone_name(vm, tz);
                else {
                    gs_Object *m = gs_getattr(vm, tz, gs_name(vm, "tzname"));
                    name = m ? gs_call(vm, m, &arg, 1, NULL) : NULL;
                    gs_xdecref(vm, m);
                }
                if (!name) {
                    gs_buf_free(&nf);
                    return NULL;
                }
                if (GS_KIND(name) == GS_K_STR) {
                    /* a '%' in the name must reach strftime as "%%" */
                    for (int32_t k = 0; k < ((gs_Str *)name)->len; k++) {
                        if (((gs_Str *)name)->data[k] == '%')
                            gs_buf_addc(&nf, '%');
                        gs_buf_addc(&nf, ((gs_Str *)name)->data[k]);
                    }
                } else if (name != vm->none) {
                    gs_raise(vm, vm->e_TypeError, "tzinfo.tzname() must return None or a string, not '%s'",
                             tpname(name));
                    gs_decref(vm, name);
                    gs_buf_free(&nf);
                    return NULL;
                }
                gs_decref(vm, name);
            }
        } else {
            gs_buf_addc(&nf, '%');
            gs_buf_addc(&nf, n);
        }
    }
    gs_buf_addc(&nf, '\0');
    struct tm tm;
    tm_of(vm, o, has_date, &tm);
    if (nf.len <= 1) {
        gs_buf_free(&nf);
        return gs_str_new(vm, "", 0);
    }
    for (size_t cap = 1024;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            gs_buf_free(&nf);
            gs_raise_memory(vm);
            return NULL;
        }
        size_t n = strftime(buf, cap, nf.data, &tm);
        if (n > 0 || cap >= 256 * nf.len + 4096) {
            gs_Object *r = gs_str_new(vm, buf, n);
            free(buf);
            gs_buf_free(&nf);
            return r;
        }
        free(buf);
    }
}

/* ================================================================== timedelta */

/* accum of delta_new: sum += num * factor (in microseconds), the
 * fractions kept in *leftover */
static int accum(gs_VM *vm, const char *tag, __int128 *sum, gs_Object *num, int64_t factor, double *leftover)
{
    if (gs_is_intlike(num)) {
        if (gs_int_is_big(num)) {
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        *sum += (__int128)gs_intlike_value(vm, num) * factor;
        return 0;
    }
    if (GS_KIND(num) == GS_K_FLOAT) {
        double dnum = ((gs_Float *)num)->value, intpart;
        if (!isfinite(dnum)) {
            if (isnan(dnum))
                gs_raise(vm, vm->e_ValueError, "cannot convert float NaN to integer");
            else
                gs_raise(vm, vm->e_OverflowError, "cannot convert float infinity to integer");
            return -1;
        }
        double frac = modf(dnum, &intpart);
        if (fabs(intpart) > 1e30) {
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        *sum += (__int128)intpart * factor;
        if (frac == 0.0)
            return 0;
        double d = (double)factor * frac;
        frac = modf(d, &intpart);
        *sum += (__int128)intpart;
        *leftover += frac;
        return 0;
    }
    gs_raise(vm, vm->e_TypeError, "unsupported type for timedelta %s component: %s", tag, tpname(num));
    return -1;
}

static gs_Object *td_new(GS_ARGS)
{
    static const char *const names[] = { "days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks" };
    static const char *const tags[] = { "days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks" };
    static const int64_t factors[] = { 86400000000LL, 1000000, 1, 1000, 60000000, 3600000000LL, 604800000000LL };
    gs_Object *a[7];
    if (bind(vm, NULL, names, 7, 7, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    __int128 sum = 0;
    double leftover = 0;
    /* CPython's order: us, ms, seconds, minutes, hours, days, weeks */
    static const int order[] = { 2, 3, 1, 4, 5, 0, 6 };
    for (int k = 0; k < 7; k++) {
        int i = order[k];
        if (a[i] && accum(vm, tags[i], &sum, a[i], factors[i], &leftover) < 0)
            return NULL;
    }
    if (leftover != 0.0) {
        double whole = round(leftover);
        if (fabs(whole - leftover) == 0.5) {
            int odd = (int)(sum & 1);
            whole = 2.0 * round((leftover + odd) * 0.5) - odd;
        }
        sum += (__int128)whole;
    }
    return delta_from_us(vm, (gs_Type *)self, sum);
}

static gs_Object *td_days(GS_ARGS) { GS_UNUSED_ARGS; return gs_int_new(vm, DT(self)->days); }
static gs_Object *td_seconds(GS_ARGS) { GS_UNUSED_ARGS; return gs_int_new(vm, DT(self)->secs); }
static gs_Object *td_microseconds(GS_ARGS) { GS_UNUSED_ARGS; return gs_int_new(vm, DT(self)->usecs); }

static gs_Object *td_total_seconds(GS_ARGS)
{
    if (gs_noargs(vm, "timedelta.total_seconds", nargs, kwnames) < 0)
        return NULL;
    GS_UNUSED(args);
    /* microseconds / 10**6, a true division of ints (exact below 2**53) */
    return gs_float_new(vm, (double)delta_us(self) / 1e6);
}

static gs_Object *td_repr(GS_ARGS) { GS_UNUSED_ARGS; return delta_repr_of(vm, self); }

static gs_Object *td_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Buf b;
    gs_buf_init(&b);
    delta_str_into(&b, self);
    return gs_buf_to_str(vm, &b);
}

/* round-half-even of n / d (d > 0) */
static __int128 div_nearest(__int128 n, __int128 d)
{
    __int128 q = n / d, r = n % d;
    if (r < 0) {
        r += d;
        q--;
    }
    __int128 r2 = 2 * r;
    if (r2 > d || (r2 == d && (q & 1)))
        q++;
    return q;
}

static __int128 floordiv128(__int128 n, __int128 d)
{
    __int128 q = n / d, r = n % d;
    if (r != 0 && ((r < 0) != (d < 0)))
        q--;
    return q;
}

/* a double as an exact ratio n / d (d a power of two) */
static int float_ratio(gs_VM *vm, double x, __int128 *n, __int128 *d)
{
    if (!isfinite(x)) {
        if (isnan(x))
            gs_raise(vm, vm->e_ValueError, "cannot convert NaN to integer ratio");
        else
            gs_raise(vm, vm->e_OverflowError, "cannot convert Infinity to integer ratio");
        return -1;
    }
    int e;
    double m = frexp(x, &e);
    int64_t mant = (int64_t)ldexp(m, 53);
    e -= 53;
    while (mant && (mant & 1) == 0 && e < 0) {
        mant >>= 1;
        e++;
    }
    if (e >= 0) {
        if (e > 60) {
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        *n = (__int128)mant << e;
        *d = 1;
    } else {
        if (-e > 120) {
            *n = 0;
            *d = 1;
            return 0;
        }
        *n = mant;
        *d = (__int128)1 << -e;
    }
    return 0;
}

static gs_Object *td_mul_num(gs_VM *vm, gs_Object *td, gs_Object *num)
{
    if (gs_is_intlike(num)) {
        if (gs_int_is_big(num)) {
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        __int128 us = delta_us(td), f = gs_intlike_value(vm, num);
        if (f != 0 && (us * f) / f != us) {
            gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        return delta_from_us(vm, NULL, us * f);
    }
    __int128 n, d;
    if (float_ratio(vm, ((gs_Float *)num)->value, &n, &d) < 0)
        return NULL;
    return delta_from_us(vm, NULL, div_nearest(delta_us(td) * n, d));
}

static gs_Object *td_add(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (is_delta(vm, self) && is_delta(vm, o))
        return delta_from_us(vm, NULL, delta_us(self) + delta_us(o));
    return notimpl(vm);
}

static gs_Object *td_sub(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (is_delta(vm, self) && is_delta(vm, o))
        return delta_from_us(vm, NULL, delta_us(self) - delta_us(o));
    return notimpl(vm);
}

static gs_Object *td_rsub(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (is_delta(vm, self) && is_delta(vm, o))
        return delta_from_us(vm, NULL, delta_us(o) - delta_us(self));
    return notimpl(vm);
}

static gs_Object *td_mul(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (gs_is_intlike(o) || GS_KIND(o) == GS_K_FLOAT)
        return td_mul_num(vm, self, o);
    return notimpl(vm);
}

static gs_Object *td_truediv(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    __int128 us = delta_us(self);
    if (is_delta(vm, o)) {
        __int128 d = delta_us(o);
        if (d == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "division by zero");
            return NULL;
        }
        /* int / int: correctly rounded for these magnitudes */
        return gs_float_new(vm, (double)us / (double)d);
    }
    if (gs_is_intlike(o)) {
        int64_t v = gs_intlike_value(vm, o);
        if (v == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
            return NULL;
        }
        if (v < 0)
            return delta_from_us(vm, NULL, div_nearest(-us, -(__int128)v));
        return delta_from_us(vm, NULL, div_nearest(us, v));
    }
    if (GS_KIND(o) == GS_K_FLOAT) {
        __int128 n, d;
        if (float_ratio(vm, ((gs_Float *)o)->value, &n, &d) < 0)
            return NULL;
        if (n == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
            return NULL;
        }
        if (n < 0) {
            n = -n;
            us = -us;
        }
        return delta_from_us(vm, NULL, div_nearest(us * d, n));
    }
    return notimpl(vm);
}

static gs_Object *td_floordiv(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    __int128 us = delta_us(self);
    if (is_delta(vm, o)) {
        __int128 d = delta_us(o);
        if (d == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
            return NULL;
        }
        return gs_int_new(vm, (int64_t)floordiv128(us, d));
    }
    if (gs_is_intlike(o)) {
        int64_t v = gs_intlike_value(vm, o);
        if (v == 0) {
            gs_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
            return NULL;
        }
        return delta_from_us(vm, NULL, floordiv128(us, v));
    }
    return notimpl(vm);
}

static gs_Object *td_mod(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (!is_delta(vm, o) || !is_delta(vm, self))
        return notimpl(vm);
    __int128 us = delta_us(self), d = delta_us(o);
    if (d == 0) {
        gs_raise(vm, vm->e_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    return delta_from_us(vm, NULL, us - floordiv128(us, d) * d);
}

static gs_Object *td_divmod(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (!is_delta(vm, o) || !is_delta(vm, self))
        return notimpl(vm);
    __int128 us = delta_us(self), d = delta_us(o);
    if (d == 0) {
        gs_raise(vm, vm->e_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    __int128 q = floordiv128(us, d);
    gs_Object *qo = gs_int_new(vm, (int64_t)q);
    gs_Object *r = delta_from_us(vm, NULL, us - q * d);
    if (!qo || !r) {
        gs_xdecref(vm, qo);
        gs_xdecref(vm, r);
        return NULL;
    }
    gs_Object *t = gs_tuple_new(vm, 2);
    if (!t) {
        gs_decref(vm, qo);
        gs_decref(vm, r);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, qo);
    gs_tuple_init(vm, t, 1, r);
    return t;
}

static gs_Object *td_neg(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return delta_from_us(vm, NULL, -delta_us(self));
}

static gs_Object *td_pos(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return delta_from_us(vm, NULL, delta_us(self));
}

static gs_Object *td_abs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    __int128 us = delta_us(self);
    return delta_from_us(vm, NULL, us < 0 ? -us : us);
}

static gs_Object *td_bool(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_BOOL(vm, delta_us(self) != 0);
}

/* hash((days, seconds, microseconds)), as delta_hash */
static gs_Object *hash_ints(gs_VM *vm, const int64_t *v, int n)
{
    gs_Object *t = gs_tuple_new(vm, n);
    if (!t)
        return NULL;
    for (int i = 0; i < n; i++)
        gs_tuple_init(vm, t, i, gs_int_new(vm, v[i]));
    int64_t h = gs_hash(vm, t);
    gs_decref(vm, t);
    return h == -1 && vm->exc ? NULL : gs_int_new(vm, h);
}

static gs_Object *td_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t v[3] = { DT(self)->days, DT(self)->secs, DT(self)->usecs };
    return hash_ints(vm, v, 3);
}

static bool cmp_result(int op, int c)
{
    switch (op) {
    case GS_CMP_LT: return c < 0;
    case GS_CMP_LE: return c <= 0;
    case GS_CMP_EQ: return c == 0;
    case GS_CMP_NE: return c != 0;
    case GS_CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static int cmp128(__int128 a, __int128 b) { return a < b ? -1 : a > b; }

static gs_Object *td_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (!is_delta(vm, b))
        return notimpl(vm);
    return GS_BOOL(vm, cmp_result(op, cmp128(delta_us(a), delta_us(b))));
}

#define CMP_METHODS(prefix, fn)                                                                                      \
    static gs_Object *prefix##_lt(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return fn(vm, GS_CMP_LT, self, args[0]); } \
    static gs_Object *prefix##_le(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return fn(vm, GS_CMP_LE, self, args[0]); } \
    static gs_Object *prefix##_eq(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return fn(vm, GS_CMP_EQ, self, args[0]); } \
    static gs_Object *prefix##_ne(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return fn(vm, GS_CMP_NE, self, args[0]); } \
    static gs_Object *prefix##_gt(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return fn(vm, GS_CMP_GT, self, args[0]); } \
    static gs_Object *prefix##_ge(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return fn(vm, GS_CMP_GE, self, args[0]); }

#define CMP_DEFS(prefix)                                                                                             \
    { "__lt__", prefix##_lt, 1, 1, 0 }, { "__le__", prefix##_le, 1, 1, 0 }, { "__eq__", prefix##_eq, 1, 1, 0 },     \
        { "__ne__", prefix##_ne, 1, 1, 0 }, { "__gt__", prefix##_gt, 1, 1, 0 }, { "__ge__", prefix##_ge, 1, 1, 0 }

CMP_METHODS(td, td_compare)

static const gs_MethodDef delta_methods[] = {
    { "__new__", td_new, 0, -1, GS_KW },
    { "total_seconds", td_total_seconds, 0, -1, GS_KW },
    { "__repr__", td_repr, 0, 0, 0 },
    { "__str__", td_str, 0, 0, 0 },
    { "__add__", td_add, 1, 1, 0 },
    { "__radd__", td_add, 1, 1, 0 },
    { "__sub__", td_sub, 1, 1, 0 },
    { "__rsub__", td_rsub, 1, 1, 0 },
    { "__mul__", td_mul, 1, 1, 0 },
    { "__rmul__", td_mul, 1, 1, 0 },
    { "__truediv__", td_truediv, 1, 1, 0 },
    { "__floordiv__", td_floordiv, 1, 1, 0 },
    { "__mod__", td_mod, 1, 1, 0 },
    { "__divmod__", td_divmod, 1, 1, 0 },
    { "__neg__", td_neg, 0, 0, 0 },
    { "__pos__", td_pos, 0, 0, 0 },
    { "__abs__", td_abs, 0, 0, 0 },
    { "__bool__", td_bool, 0, 0, 0 },
    { "__hash__", td_hash, 0, 0, 0 },
    CMP_DEFS(td),
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== date */

static gs_Object *d_new(GS_ARGS)
{
    static const char *const names[] = { "year", "month", "day" };
    gs_Object *a[3];
    int64_t y, m, d;
    if (bind(vm, NULL, names, 3, 3, 3, args, nargs, kwnames, a) < 0 || int_arg(vm, a[0], 0, &y) < 0 ||
        int_arg(vm, a[1], 0, &m) < 0 || int_arg(vm, a[2], 0, &d) < 0 || check_date(vm, y, m, d) < 0)
        return NULL;
    return date_raw(vm, (gs_Type *)self, (int)y, (int)m, (int)d);
}

#define GETTER(name, expr)                                                                                           \
    static gs_Object *name(GS_ARGS)                                                                                  \
    {                                                                                                                \
        GS_UNUSED_ARGS;                                                                                              \
        return expr;                                                                                                 \
    }
GETTER(d_year, gs_int_new(vm, DT(self)->year))
GETTER(d_month, gs_int_new(vm, DT(self)->month))
GETTER(d_day, gs_int_new(vm, DT(self)->day))
GETTER(t_hour, gs_int_new(vm, DT(self)->hour))
GETTER(t_minute, gs_int_new(vm, DT(self)->minute))
GETTER(t_second, gs_int_new(vm, DT(self)->second))
GETTER(t_microsecond, gs_int_new(vm, DT(self)->us))
GETTER(t_fold, gs_int_new(vm, DT(self)->fold))
GETTER(t_tzinfo, gs_newref(vm, DT(self)->tz ? DT(self)->tz : vm->none))

/* seconds since the epoch as time_t and microseconds, rounding half to
 * even (_PyTime_ObjectToTimeval) */
static int timestamp_arg(gs_VM *vm, gs_Object *o, time_t *secs, int *us)
{
    if (GS_KIND(o) == GS_K_FLOAT) {
        double d = ((gs_Float *)o)->value;
        if (isnan(d)) {
            gs_raise(vm, vm->e_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        double fl = floor(d);
        double frac = (d - fl) * 1e6;
        double r = round(frac);
        if (fabs(r - frac) == 0.5)
            r = 2.0 * round(frac / 2.0);
        if (!(fl >= -1e15 && fl <= 1e15)) {
            gs_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *secs = (time_t)fl;
        *us = (int)r;
        if (*us >= 1000000) {
            *us -= 1000000;
            (*secs)++;
        }
        return 0;
    }
    if (!gs_is_intlike(o)) {
        gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", tpname(o));
        return -1;
    }
    int64_t v;
    if (gs_index_arg(vm, o, &v) < 0)
        return -1;
    *secs = (time_t)v;
    *us = 0;
    return 0;
}

static int convert_time(gs_VM *vm, time_t t, bool local, struct tm *tm)
{
    errno = 0;
    if (!(local ? localtime_r(&t, tm) : gmtime_r(&t, tm))) {
        gs_raise(vm, errno == EOVERFLOW || errno == 0 ? vm->e_OverflowError : vm->e_OSError,
                 "timestamp out of range for platform time_t");
        return -1;
    }
    if (tm->tm_year + 1900 < MINYEAR || tm->tm_year + 1900 > MAXYEAR) {
        gs_raise(vm, vm->e_ValueError, "year %d is out of range", tm->tm_year + 1900);
        return -1;
    }
    return 0;
}

static void now_of(time_t *secs, int *us)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *secs = ts.tv_sec;
    *us = (int)(ts.tv_nsec / 1000);
}

static gs_Object *d_today(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.today", nargs, kwnames) < 0)
        return NULL;
    time_t s;
    int us;
    struct tm tm;
    now_of(&s, &us);
    if (convert_time(vm, s, true, &tm) < 0)
        return NULL;
    return date_of(vm, (gs_Type *)self, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static gs_Object *d_fromtimestamp(GS_ARGS)
{
    time_t s;
    int us;
    struct tm tm;
    if (gs_onearg(vm, "date.fromtimestamp", nargs, kwnames) < 0 || timestamp_arg(vm, args[0], &s, &us) < 0 ||
        convert_time(vm, s, true, &tm) < 0)
        return NULL;
    return date_of(vm, (gs_Type *)self, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static gs_Object *d_fromordinal(GS_ARGS)
{
    int64_t n;
    if (gs_onearg(vm, "date.fromordinal", nargs, kwnames) < 0 || int_arg(vm, args[0], 0, &n) < 0)
        return NULL;
    if (n < 1) {
        gs_raise(vm, vm->e_ValueError, "ordinal must be >= 1");
        return NULL;
    }
    if (n > MAX_ORDINAL) {
        gs_raise(vm, vm->e_ValueError, "year %d is out of range", 10000);
        return NULL;
    }
    int y, m, d;
    ord_to_ymd(n, &y, &m, &d);
    return date_of(vm, (gs_Type *)self, y, m, d);
}

static int isocal_to_ymd(gs_VM *vm, int64_t year, int64_t week, int64_t day, int *y, int *m, int *d)
{
    if (year < MINYEAR || year > MAXYEAR) {
        gs_raise(vm, vm->e_ValueError, "Year is out of range: %lld", (long long)year);
        return -1;
    }
    if (week <= 0 || week >= 53) {
        bool out = true;
        if (week == 53) {
            /* 53 weeks when the year starts on a Thursday, or a leap year on a Wednesday */
            int first_weekday = (int)((ymd_to_ord((int)year, 1, 1) + 6) % 7);
            if (first_weekday == 3 || (first_weekday == 2 && is_leap((int)year)))
                out = false;
        }
        if (out) {
            gs_raise(vm, vm->e_ValueError, "Invalid week: %lld", (long long)week);
            return -1;
        }
    }
    if (day <= 0 || day >= 8) {
        gs_raise(vm, vm->e_ValueError, "Invalid day: %lld (range is [1, 7])", (long long)day);
        return -1;
    }
    int64_t ord = iso_week1_monday((int)year) + (week - 1) * 7 + day - 1;
    ord_to_ymd(ord, y, m, d);
    return 0;
}

static gs_Object *d_fromisocalendar(GS_ARGS)
{
    static const char *const names[] = { "year", "week", "day" };
    gs_Object *a[3];
    int64_t v[3];
    int y, m, d;
    if (bind(vm, "fromisocalendar", names, 3, 3, 3, args, nargs, kwnames, a) < 0 || int_arg(vm, a[0], 0, &v[0]) < 0 ||
        int_arg(vm, a[1], 0, &v[1]) < 0 || int_arg(vm, a[2], 0, &v[2]) < 0 ||
        isocal_to_ymd(vm, v[0], v[1], v[2], &y, &m, &d) < 0)
        return NULL;
    return date_of(vm, (gs_Type *)self, y, m, d);
}

static gs_Object *d_toordinal(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.toordinal", nargs, kwnames) < 0)
        return NULL;
    return gs_int_new(vm, ymd_to_ord(DT(self)->year, DT(self)->month, DT(self)->day));
}

static gs_Object *d_weekday(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.weekday", nargs, kwnames) < 0)
        return NULL;
    return gs_int_new(vm, weekday_of(DT(self)->year, DT(self)->month, DT(self)->day));
}

static gs_Object *d_isoweekday(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.isoweekday", nargs, kwnames) < 0)
        return NULL;
    return gs_int_new(vm, weekday_of(DT(self)->year, DT(self)->month, DT(self)->day) + 1);
}

static gs_Object *d_isocalendar(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.isocalendar", nargs, kwnames) < 0)
        return NULL;
    int year = DT(self)->year;
    int64_t week1 = iso_week1_monday(year), today = ymd_to_ord(year, DT(self)->month, DT(self)->day);
    int64_t week = floordiv128(today - week1, 7), day = (today - week1) - week * 7;
    if (week < 0) {
        --year;
        week1 = iso_week1_monday(year);
        week = floordiv128(today - week1, 7);
        day = (today - week1) - week * 7;
    } else if (week >= 52 && today >= iso_week1_monday(year + 1)) {
        ++year;
        week = 0;
    }
    gs_Object *v[3] = { gs_int_new(vm, year), gs_int_new(vm, week + 1), gs_int_new(vm, day + 1) };
    return gs_structseq_new(vm, st(vm)->isocal, v, 3);
}

static gs_Object *d_isoformat(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.isoformat", nargs, kwnames) < 0)
        return NULL;
    return gs_str_printf(vm, "%04d-%02d-%02d", DT(self)->year, DT(self)->month, DT(self)->day);
}

static gs_Object *d_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "%04d-%02d-%02d", DT(self)->year, DT(self)->month, DT(self)->day);
}

static gs_Object *d_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "%s(%d, %d, %d)", tpname(self), DT(self)->year, DT(self)->month, DT(self)->day);
}

static gs_Object *ctime_of(gs_VM *vm, gs_Object *o, bool clock)
{
    Dt *d = DT(o);
    return gs_str_printf(vm, "%s %s %2d %02d:%02d:%02d %04d", day_names[weekday_of(d->year, d->month, d->day)],
                         month_names[d->month - 1], d->day, clock ? d->hour : 0, clock ? d->minute : 0,
                         clock ? d->second : 0, d->year);
}

static gs_Object *d_ctime(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.ctime", nargs, kwnames) < 0)
        return NULL;
    return ctime_of(vm, self, is_datetime(vm, self));
}

static gs_Object *d_strftime(GS_ARGS)
{
    static const char *const names[] = { "format" };
    gs_Object *a[1];
    if (bind(vm, "strftime", names, 1, 1, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    return do_strftime(vm, self, a[0], true);
}

/* __format__: an empty spec is str(self), else strftime */
static gs_Object *format_of(gs_VM *vm, gs_Object *self, gs_Object *spec, bool has_date)
{
    if (GS_KIND(spec) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "__format__() argument 1 must be str, not %s", tpname(spec));
        return NULL;
    }
    if (((gs_Str *)spec)->len == 0)
        return gs_str(vm, self);
    return do_strftime(vm, self, spec, has_date);
}

static gs_Object *d_format(GS_ARGS)
{
    if (gs_onearg(vm, "__format__", nargs, kwnames) < 0)
        return NULL;
    return format_of(vm, self, args[0], true);
}

/* time.struct_time of CPython's timetuple() (a struct sequence type of
 * the same name and fields as the time module's) */
static gs_Object *time_module_struct(gs_VM *vm, const int *v)
{
    gs_Object *vals[9];
    for (int i = 0; i < 9; i++)
        vals[i] = gs_int_new(vm, v[i]);
    return gs_structseq_new(vm, st(vm)->struct_time, vals, 9);
}

static gs_Object *timetuple_of(gs_VM *vm, gs_Object *o, int isdst)
{
    Dt *d = DT(o);
    bool clock = is_datetime(vm, o);
    int v[9] = { d->year,
                 d->month,
                 d->day,
                 clock ? d->hour : 0,
                 clock ? d->minute : 0,
                 clock ? d->second : 0,
                 weekday_of(d->year, d->month, d->day),
                 days_before_month(d->year, d->month) + d->day,
                 isdst };
    return time_module_struct(vm, v);
}

static gs_Object *d_timetuple(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "date.timetuple", nargs, kwnames) < 0)
        return NULL;
    return timetuple_of(vm, self, -1);
}

static gs_Object *d_replace(GS_ARGS)
{
    static const char *const names[] = { "year", "month", "day" };
    gs_Object *a[3];
    int64_t y, m, d;
    if (bind(vm, "replace", names, 3, 3, 0, args, nargs, kwnames, a) < 0 ||
        int_arg(vm, a[0], DT(self)->year, &y) < 0 || int_arg(vm, a[1], DT(self)->month, &m) < 0 ||
        int_arg(vm, a[2], DT(self)->day, &d) < 0 || check_date(vm, y, m, d) < 0)
        return NULL;
    return date_raw(vm, self->type, (int)y, (int)m, (int)d);
}

/* a date moved by `days`, of the date's class */
static gs_Object *date_plus_days(gs_VM *vm, gs_Object *o, int64_t days)
{
    int64_t ord = ymd_to_ord(DT(o)->year, DT(o)->month, DT(o)->day) + days;
    if (ord < 1 || ord > MAX_ORDINAL) {
        gs_raise(vm, vm->e_OverflowError, "date value out of range");
        return NULL;
    }
    int y, m, d;
    ord_to_ymd(ord, &y, &m, &d);
    return date_of(vm, o->type, y, m, d);
}

static gs_Object *d_add(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (is_datetime(vm, self) || !is_delta(vm, o))
        return notimpl(vm);
    return date_plus_days(vm, self, DT(o)->days);
}

static gs_Object *d_sub(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (is_datetime(vm, self))
        return notimpl(vm);
    if (is_delta(vm, o))
        return date_plus_days(vm, self, -DT(o)->days);
    if (is_date(vm, o) && !is_datetime(vm, o)) {
        int64_t a = ymd_to_ord(DT(self)->year, DT(self)->month, DT(self)->day);
        int64_t b = ymd_to_ord(DT(o)->year, DT(o)->month, DT(o)->day);
        return delta_new_days(vm, a - b, 0, 0);
    }
    return notimpl(vm);
}

static int cmp_ymd(gs_Object *a, gs_Object *b)
{
    Dt *x = DT(a), *y = DT(b);
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->month != y->month)
        return x->month < y->month ? -1 : 1;
    return x->day < y->day ? -1 : x->day > y->day;
}

/* a datetime against a date that is not one: unequal, not ordered */
static gs_Object *mixed_compare(gs_VM *vm, int op, gs_Object *dt, gs_Object *d)
{
    if (op == GS_CMP_EQ)
        return GS_BOOL(vm, false);
    if (op == GS_CMP_NE)
        return GS_BOOL(vm, true);
    gs_raise(vm, vm->e_TypeError, "can't compare %s to %s", tpname(dt), tpname(d));
    return NULL;
}

static gs_Object *date_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (!is_date(vm, b))
        return notimpl(vm);
    if (is_datetime(vm, b))
        return mixed_compare(vm, op, b, a);
    return GS_BOOL(vm, cmp_result(op, cmp_ymd(a, b)));
}

CMP_METHODS(d, date_compare)

static gs_Object *d_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t v[3] = { DT(self)->year, DT(self)->month, DT(self)->day };
    return hash_ints(vm, v, 3);
}

static gs_Object *d_reduce(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *y = gs_int_new(vm, DT(self)->year), *m = gs_int_new(vm, DT(self)->month),
              *d = gs_int_new(vm, DT(self)->day);
    gs_Object *a = gs_tuple_pack(vm, 3, y, m, d);
    gs_decref(vm, y);
    gs_decref(vm, m);
    gs_decref(vm, d);
    if (!a)
        return NULL;
    gs_Object *r = gs_tuple_pack(vm, 2, &self->type->ob, a);
    gs_decref(vm, a);
    return r;
}

static gs_Object *d_fromisoformat(GS_ARGS);

static const gs_MethodDef date_methods[] = {
    { "__new__", d_new, 0, -1, GS_KW },
    { "today", d_today, 0, -1, GS_KW | GS_CLASSMETH },
    { "fromtimestamp", d_fromtimestamp, 0, -1, GS_KW | GS_CLASSMETH },
    { "fromordinal", d_fromordinal, 0, -1, GS_KW | GS_CLASSMETH },
    { "fromisoformat", d_fromisoformat, 0, -1, GS_KW | GS_CLASSMETH },
    { "fromisocalendar", d_fromisocalendar, 0, -1, GS_KW | GS_CLASSMETH },
    { "toordinal", d_toordinal, 0, -1, GS_KW },
    { "weekday", d_weekday, 0, -1, GS_KW },
    { "isoweekday", d_isoweekday, 0, -1, GS_KW },
    { "isocalendar", d_isocalendar, 0, -1, GS_KW },
    { "isoformat", d_isoformat, 0, -1, GS_KW },
    { "ctime", d_ctime, 0, -1, GS_KW },
    { "strftime", d_strftime, 0, -1, GS_KW },
    { "__format__", d_format, 0, -1, GS_KW },
    { "timetuple", d_timetuple, 0, -1, GS_KW },
    { "replace", d_replace, 0, -1, GS_KW },
    { "__str__", d_str, 0, 0, 0 },
    { "__repr__", d_repr, 0, 0, 0 },
    { "__add__", d_add, 1, 1, 0 },
    { "__radd__", d_add, 1, 1, 0 },
    { "__sub__", d_sub, 1, 1, 0 },
    { "__hash__", d_hash, 0, 0, 0 },
    { "__reduce__", d_reduce, 0, 0, 0 },
    CMP_DEFS(d),
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== datetime */

static gs_Object *dt_new(GS_ARGS)
{
    static const char *const names[] = { "year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold" };
    gs_Object *a[9];
    int64_t v[8];
    if (bind(vm, NULL, names, 9, 8, 3, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 7; i++)
        if (int_arg(vm, a[i], 0, &v[i]) < 0)
            return NULL;
    if (int_arg(vm, a[8], 0, &v[7]) < 0 || check_date(vm, v[0], v[1], v[2]) < 0 ||
        check_time(vm, v[3], v[4], v[5], v[6], v[7]) < 0)
        return NULL;
    gs_Object *tz = a[7] ? a[7] : vm->none;
    if (check_tzinfo(vm, tz) < 0)
        return NULL;
    return datetime_raw(vm, (gs_Type *)self, (int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4], (int)v[5],
                        (int)v[6], tz, (int)v[7]);
}

/* microseconds since 0001-01-01 of the fields (no offset) */
static __int128 dt_local_us(gs_Object *o)
{
    Dt *d = DT(o);
    int64_t ord = ymd_to_ord(d->year, d->month, d->day);
    return (((__int128)ord * 86400 + d->hour * 3600 + d->minute * 60 + d->second) * 1000000) + d->us;
}

/* a datetime of class t from microseconds since 0001-01-01 */
static gs_Object *dt_from_us(gs_VM *vm, gs_Type *t, __int128 us, gs_Object *tz, int fold)
{
    __int128 days = floordiv128(us, (__int128)86400000000LL), rest = us - days * 86400000000LL;
    if (days < 1 || days > MAX_ORDINAL) {
        gs_raise(vm, vm->e_OverflowError, "date value out of range");
        return NULL;
    }
    int y, m, d;
    ord_to_ymd((int64_t)days, &y, &m, &d);
    int64_t s = (int64_t)(rest / 1000000);
    return datetime_of(vm, t, y, m, d, (int)(s / 3600), (int)(s % 3600 / 60), (int)(s % 60), (int)(rest % 1000000),
                       tz, fold);
}

/* datetime from a struct tm and microseconds */
static gs_Object *dt_from_tm(gs_VM *vm, gs_Type *t, const struct tm *tm, int us, gs_Object *tz)
{
    return datetime_of(vm, t, tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
                       tm->tm_sec > 59 ? 59 : tm->tm_sec, us, tz, 0);
}

/* tz.fromutc(dt) */
static gs_Object *call_fromutc(gs_VM *vm, gs_Object *tz, gs_Object *dt)
{
    gs_Object *m = gs_getattr(vm, tz, gs_name(vm, "fromutc"));
    gs_Object *r = m ? gs_call(vm, m, &dt, 1, NULL) : NULL;
    gs_xdecref(vm, m);
    return r;
}

/* a timestamp as a datetime of class t: local time, or tz's */
static gs_Object *dt_from_timestamp(gs_VM *vm, gs_Type *t, time_t s, int us, gs_Object *tz, bool utc)
{
    struct tm tm;
    if (tz && tz != vm->none) {
        if (convert_time(vm, s, false, &tm) < 0)
            return NULL;
        gs_Object *u = dt_from_tm(vm, t, &tm, us, tz);
        if (!u)
            return NULL;
        gs_Object *r = call_fromutc(vm, tz, u);
        gs_decref(vm, u);
        return r;
    }
    if (convert_time(vm, s, !utc, &tm) < 0)
        return NULL;
    return dt_from_tm(vm, t, &tm, us, NULL);
}

static gs_Object *dt_now(GS_ARGS)
{
    static const char *const names[] = { "tz" };
    gs_Object *a[1];
    if (bind(vm, "now", names, 1, 1, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *tz = a[0] ? a[0] : vm->none;
    if (check_tzinfo(vm, tz) < 0)
        return NULL;
    time_t s;
    int us;
    now_of(&s, &us);
    return dt_from_timestamp(vm, (gs_Type *)self, s, us, tz, false);
}

static gs_Object *dt_utcnow(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "datetime.utcnow", nargs, kwnames) < 0)
        return NULL;
    time_t s;
    int us;
    now_of(&s, &us);
    return dt_from_timestamp(vm, (gs_Type *)self, s, us, NULL, true);
}

static gs_Object *dt_fromtimestamp(GS_ARGS)
{
    static const char *const names[] = { "timestamp", "tz" };
    gs_Object *a[2];
    time_t s;
    int us;
    if (bind(vm, "fromtimestamp", names, 2, 2, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *tz = a[1] ? a[1] : vm->none;
    if (check_tzinfo(vm, tz) < 0 || timestamp_arg(vm, a[0], &s, &us) < 0)
        return NULL;
    return dt_from_timestamp(vm, (gs_Type *)self, s, us, tz, false);
}

static gs_Object *dt_utcfromtimestamp(GS_ARGS)
{
    time_t s;
    int us;
    if (gs_onearg(vm, "datetime.utcfromtimestamp", nargs, kwnames) < 0 || timestamp_arg(vm, args[0], &s, &us) < 0)
        return NULL;
    return dt_from_timestamp(vm, (gs_Type *)self, s, us, NULL, true);
}

static gs_Object *dt_combine(GS_ARGS)
{
    static const char *const names[] = { "date", "time", "tzinfo" };
    gs_Object *a[3];
    if (bind(vm, "combine", names, 3, 3, 2, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!is_date(vm, a[0])) {
        gs_raise(vm, vm->e_TypeError, "combine() argument 1 must be datetime.date, not %s", tpname(a[0]));
        return NULL;
    }
    if (!is_time(vm, a[1])) {
        gs_raise(vm, vm->e_TypeError, "combine() argument 2 must be datetime.time, not %s", tpname(a[1]));
        return NULL;
    }
    gs_Object *tz = a[2] ? a[2] : DT(a[1])->tz;
    if (tz && check_tzinfo(vm, tz) < 0)
        return NULL;
    Dt *d = DT(a[0]), *t = DT(a[1]);
    return datetime_of(vm, (gs_Type *)self, d->year, d->month, d->day, t->hour, t->minute, t->second, t->us, tz,
                       t->fold);
}

static gs_Object *dt_date(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "datetime.date", nargs, kwnames) < 0)
        return NULL;
    return date_raw(vm, st(vm)->date, DT(self)->year, DT(self)->month, DT(self)->day);
}

static gs_Object *dt_time(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "datetime.time", nargs, kwnames) < 0)
        return NULL;
    Dt *d = DT(self);
    return time_raw(vm, st(vm)->time, d->hour, d->minute, d->second, d->us, NULL, d->fold);
}

static gs_Object *dt_timetz(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "datetime.timetz", nargs, kwnames) < 0)
        return NULL;
    Dt *d = DT(self);
    return time_raw(vm, st(vm)->time, d->hour, d->minute, d->second, d->us, d->tz, d->fold);
}

static gs_Object *dt_replace(GS_ARGS)
{
    static const char *const names[] = { "year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold" };
    gs_Object *a[9];
    if (bind(vm, "replace", names, 9, 8, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    Dt *d = DT(self);
    int64_t dflt[8] = { d->year, d->month, d->day, d->hour, d->minute, d->second, d->us, d->fold }, v[8];
    for (int i = 0; i < 7; i++)
        if (int_arg(vm, a[i], dflt[i], &v[i]) < 0)
            return NULL;
    if (int_arg(vm, a[8], dflt[7], &v[7]) < 0 || check_date(vm, v[0], v[1], v[2]) < 0 ||
        check_time(vm, v[3], v[4], v[5], v[6], v[7]) < 0)
        return NULL;
    gs_Object *tz = a[7] ? a[7] : d->tz ? d->tz : vm->none;
    if (check_tzinfo(vm, tz) < 0)
        return NULL;
    return datetime_raw(vm, self->type, (int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4], (int)v[5], (int)v[6],
                        tz, (int)v[7]);
}

static gs_Object *tz_method(gs_VM *vm, gs_Object *self, const char *meth, int nargs, gs_Tuple *kwnames,
                            const char *fname, gs_Object *arg)
{
    if (gs_noargs(vm, fname, nargs, kwnames) < 0)
        return NULL;
    gs_Object *tz = DT(self)->tz;
    if (!tz)
        return GS_NONE(vm);
    if (strcmp(meth, "tzname") == 0) {
        gs_Object *r;
        if (tz->type == st(vm)->timezone)
            return timezone_name(vm, tz);
        gs_Object *m = gs_getattr(vm, tz, gs_name(vm, meth));
        r = m ? gs_call(vm, m, &arg, 1, NULL) : NULL;
        gs_xdecref(vm, m);
        if (r && r != vm->none && GS_KIND(r) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "tzinfo.tzname() must return None or a string, not '%s'", tpname(r));
            gs_decref(vm, r);
            return NULL;
        }
        return r;
    }
    gs_Object *off;
    if (call_offset(vm, tz, meth, arg, &off) < 0)
        return NULL;
    return off ? off : GS_NONE(vm);
}

static gs_Object *dt_utcoffset(GS_ARGS)
{
    GS_UNUSED(args);
    return tz_method(vm, self, "utcoffset", nargs, kwnames, "datetime.utcoffset", self);
}
static gs_Object *dt_dst(GS_ARGS)
{
    GS_UNUSED(args);
    return tz_method(vm, self, "dst", nargs, kwnames, "datetime.dst", self);
}
static gs_Object *dt_tzname(GS_ARGS)
{
    GS_UNUSED(args);
    return tz_method(vm, self, "tzname", nargs, kwnames, "datetime.tzname", self);
}

/* seconds since the epoch of a naive datetime read as local time */
static int local_to_epoch(gs_VM *vm, gs_Object *o, int64_t *out)
{
    Dt *d = DT(o);
    struct tm tm = { 0 };
    tm.tm_year = d->year - 1900;
    tm.tm_mon = d->month - 1;
    tm.tm_mday = d->day;
    tm.tm_hour = d->hour;
    tm.tm_min = d->minute;
    tm.tm_sec = d->second;
    tm.tm_isdst = -1;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        gs_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (int64_t)t;
    return 0;
}

static const int64_t EPOCH_ORD = 719163; /* 1970-01-01 */

static gs_Object *dt_timestamp(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "datetime.timestamp", nargs, kwnames) < 0)
        return NULL;
    if (DT(self)->tz) {
        bool has;
        __int128 off;
        if (offset_us(vm, self, &has, &off) < 0)
            return NULL;
        if (has) {
            __int128 us = dt_local_us(self) - off - (__int128)EPOCH_ORD * 86400000000LL;
            return gs_float_new(vm, (double)us / 1e6);
        }
    }
    int64_t secs;
    if (local_to_epoch(vm, self, &secs) < 0)
        return NULL;
    return gs_float_new(vm, (double)((__int128)secs * 1000000 + DT(self)->us) / 1e6);
}

/* the local time zone at a UTC timestamp: timezone(offset, name) */
static gs_Object *local_timezone(gs_VM *vm, int64_t secs)
{
    time_t t = (time_t)secs;
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        gs_raise(vm, vm->e_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    gs_Object *off = delta_new_days(vm, 0, tm.tm_gmtoff, 0);
    gs_Object *name = off ? gs_str_from_cstr(vm, tm.tm_zone ? tm.tm_zone : "") : NULL;
    gs_Object *r = name ? timezone_new_obj(vm, off, name) : NULL;
    gs_xdecref(vm, off);
    gs_xdecref(vm, name);
    return r;
}

static gs_Object *dt_astimezone(GS_ARGS)
{
    static const char *const names[] = { "tz" };
    gs_Object *a[1];
    if (bind(vm, "astimezone", names, 1, 1, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *tz = a[0] ? a[0] : vm->none;
    if (check_tzinfo(vm, tz) < 0)
        return NULL;
    bool has = false;
    __int128 off = 0;
    if (DT(self)->tz && offset_us(vm, self, &has, &off) < 0)
        return NULL;
    __int128 utc_us;
    if (!has) { /* naive: local time */
        int64_t secs;
        if (local_to_epoch(vm, self, &secs) < 0)
            return NULL;
        utc_us = ((__int128)secs + EPOCH_ORD * 86400) * 1000000 + DT(self)->us;
    } else
        utc_us = dt_local_us(self) - off;
    gs_Object *target = tz;
    bool made = false;
    if (tz == vm->none) {
        int64_t secs = (int64_t)floordiv128(utc_us, 1000000) - EPOCH_ORD * 86400;
        target = local_timezone(vm, secs);
        if (!target)
            return NULL;
        made = true;
    }
    if (!made && DT(self)->tz == tz) {
        gs_incref(vm, self);
        return self;
    }
    gs_Object *u = dt_from_us(vm, self->type, utc_us, target, 0);
    gs_Object *r = u ? call_fromutc(vm, target, u) : NULL;
    gs_xdecref(vm, u);
    if (made)
        gs_decref(vm, target);
    return r;
}

static gs_Object *dt_timetuple(GS_ARGS)
{
    GS_UNUSED(args);
    if (gs_noargs(vm, "datetime.timetuple", nargs, kwnames) < 0)
        return NULL;
    int isdst = -1;
    if (DT(self)->tz) {
        gs_Object *dst;
        if (call_offset(vm, DT(self)->tz, "dst", self, &dst) < 0)
            return NULL;
        if (dst) {
            isdst = delta_us(dst) != 0;
            gs_decref(vm, dst);
        }
    }
    return timetuple_of(vm, self, isdst);
}

static gs_Object *dt_isoformat(GS_ARGS)
{
    static const char *const names[] = { "sep", "timespec" };
    gs_Object *a[2];
    int spec;
    if (bind(vm, "isoformat", names, 2, 2, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *sep = "T";
    size_t seplen = 1;
    if (a[0]) {
        if (GS_KIND(a[0]) != GS_K_STR || ((gs_Str *)a[0])->nchars != 1) {
            if (GS_KIND(a[0]) != GS_K_STR)
                gs_raise(vm, vm->e_TypeError, "isoformat() argument 1 must be a unicode character, not %s",
                         tpname(a[0]));
            else
                gs_raise(vm, vm->e_TypeError,
                         "isoformat() argument 1 must be a unicode character, not a string of length %d",
                         ((gs_Str *)a[0])->nchars);
            return NULL;
        }
        sep = ((gs_Str *)a[0])->data;
        seplen = (size_t)((gs_Str *)a[0])->len;
    }
    if (timespec_of(vm, a[1], &spec) < 0)
        return NULL;
    return iso_datetime(vm, self, sep, seplen, spec);
}

static gs_Object *dt_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return iso_datetime(vm, self, " ", 1, 0);
}

static gs_Object *dt_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    Dt *d = DT(self);
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%s(%d, %d, %d, %d, %d", tpname(self), d->year, d->month, d->day, d->hour, d->minute);
    if (d->us)
        gs_buf_printf(&b, ", %d, %d", d->second, d->us);
    else if (d->second)
        gs_buf_printf(&b, ", %d", d->second);
    return repr_tail(vm, &b, self);
}

/* datetime ± timedelta */
static gs_Object *dt_plus(gs_VM *vm, gs_Object *dt, gs_Object *td, int sign)
{
    __int128 us = dt_local_us(dt) + sign * delta_us(td);
    return dt_from_us(vm, dt->type, us, DT(dt)->tz, 0);
}

static gs_Object *dt_add(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (is_delta(vm, args[0]) && is_datetime(vm, self))
        return dt_plus(vm, self, args[0], 1);
    return notimpl(vm);
}

/* the offsets of two datetimes (or times): 0 both naive or the same
 * tzinfo, 1 both aware (offsets set), 2 one of each */
static int offsets_of(gs_VM *vm, gs_Object *a, gs_Object *b, __int128 *oa, __int128 *ob)
{
    *oa = *ob = 0;
    if (DT(a)->tz == DT(b)->tz)
        return 0;
    bool ha, hb;
    if (offset_us(vm, a, &ha, oa) < 0 || offset_us(vm, b, &hb, ob) < 0)
        return -1;
    if (ha != hb)
        return 2;
    return ha ? 1 : 0;
}

static gs_Object *dt_sub(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *o = args[0];
    if (!is_datetime(vm, self))
        return notimpl(vm);
    if (is_delta(vm, o))
        return dt_plus(vm, self, o, -1);
    if (!is_datetime(vm, o))
        return notimpl(vm);
    __int128 oa, ob;
    int k = offsets_of(vm, self, o, &oa, &ob);
    if (k < 0)
        return NULL;
    if (k == 2) {
        gs_raise(vm, vm->e_TypeError, "can't subtract offset-naive and offset-aware datetimes");
        return NULL;
    }
    return delta_from_us(vm, NULL, (dt_local_us(self) - oa) - (dt_local_us(o) - ob));
}

static gs_Object *datetime_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (!is_datetime(vm, b)) {
        if (is_date(vm, b))
            return mixed_compare(vm, op, a, b);
        return notimpl(vm);
    }
    __int128 oa, ob;
    int k = offsets_of(vm, a, b, &oa, &ob);
    if (k < 0)
        return NULL;
    if (k == 2) {
        if (op == GS_CMP_EQ || op == GS_CMP_NE)
            return GS_BOOL(vm, op == GS_CMP_NE);
        gs_raise(vm, vm->e_TypeError, "can't compare offset-naive and offset-aware datetimes");
        return NULL;
    }
    return GS_BOOL(vm, cmp_result(op, cmp128(dt_local_us(a) - oa, dt_local_us(b) - ob)));
}

CMP_METHODS(dt, datetime_compare)

static gs_Object *dt_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    bool has = false;
    __int128 off = 0;
    if (DT(self)->tz && offset_us(vm, self, &has, &off) < 0)
        return NULL;
    Dt *d = DT(self);
    if (!has) {
        int64_t v[7] = { d->year, d->month, d->day, d->hour, d->minute, d->second, d->us };
        return hash_ints(vm, v, 7);
    }
    __int128 us = dt_local_us(self) - off;
    __int128 days = floordiv128(us, (__int128)86400000000LL), rest = us - days * 86400000000LL;
    int64_t v[3] = { (int64_t)days, (int64_t)(rest / 1000000), (int64_t)(rest % 1000000) };
    return hash_ints(vm, v, 3);
}

static gs_Object *dt_fromisoformat(GS_ARGS);
static gs_Object *dt_strptime(GS_ARGS);

static const gs_MethodDef datetime_methods[] = {
    { "__new__", dt_new, 0, -1, GS_KW },
    { "now", dt_now, 0, -1, GS_KW | GS_CLASSMETH },
    { "utcnow", dt_utcnow, 0, -1, GS_KW | GS_CLASSMETH },
    { "fromtimestamp", dt_fromtimestamp, 0, -1, GS_KW | GS_CLASSMETH },
    { "utcfromtimestamp", dt_utcfromtimestamp, 0, -1, GS_KW | GS_CLASSMETH },
    { "combine", dt_combine, 0, -1, GS_KW | GS_CLASSMETH },
    { "fromisoformat", dt_fromisoformat, 0, -1, GS_KW | GS_CLASSMETH },
    { "strptime", dt_strptime, 0, -1, GS_KW | GS_CLASSMETH },
    { "date", dt_date, 0, -1, GS_KW },
    { "time", dt_time, 0, -1, GS_KW },
    { "timetz", dt_timetz, 0, -1, GS_KW },
    { "replace", dt_replace, 0, -1, GS_KW },
    { "utcoffset", dt_utcoffset, 0, -1, GS_KW },
    { "dst", dt_dst, 0, -1, GS_KW },
    { "tzname", dt_tzname, 0, -1, GS_KW },
    { "timestamp", dt_timestamp, 0, -1, GS_KW },
    { "astimezone", dt_astimezone, 0, -1, GS_KW },
    { "timetuple", dt_timetuple, 0, -1, GS_KW },
    { "isoformat", dt_isoformat, 0, -1, GS_KW },
    { "__str__", dt_str, 0, 0, 0 },
    { "__repr__", dt_repr, 0, 0, 0 },
    { "__add__", dt_add, 1, 1, 0 },
    { "__radd__", dt_add, 1, 1, 0 },
    { "__sub__", dt_sub, 1, 1, 0 },
    { "__hash__", dt_hash, 0, 0, 0 },
    CMP_DEFS(dt),
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== time */

static gs_Object *tm_new(GS_ARGS)
{
    static const char *const names[] = { "hour", "minute", "second", "microsecond", "tzinfo", "fold" };
    gs_Object *a[6];
    int64_t v[5];
    if (bind(vm, NULL, names, 6, 5, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 4; i++)
        if (int_arg(vm, a[i], 0, &v[i]) < 0)
            return NULL;
    if (int_arg(vm, a[5], 0, &v[4]) < 0 || check_time(vm, v[0], v[1], v[2], v[3], v[4]) < 0)
        return NULL;
    gs_Object *tz = a[4] ? a[4] : vm->none;
    if (check_tzinfo(vm, tz) < 0)
        return NULL;
    return time_raw(vm, (gs_Type *)self, (int)v[0], (int)v[1], (int)v[2], (int)v[3], tz, (int)v[4]);
}

static gs_Object *tm_isoformat(GS_ARGS)
{
    static const char *const names[] = { "timespec" };
    gs_Object *a[1];
    int spec;
    if (bind(vm, "isoformat", names, 1, 1, 0, args, nargs, kwnames, a) < 0 || timespec_of(vm, a[0], &spec) < 0)
        return NULL;
    return iso_time(vm, self, spec);
}

static gs_Object *tm_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return iso_time(vm, self, 0);
}

static gs_Object *tm_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    Dt *d = DT(self);
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%s(%d, %d", tpname(self), d->hour, d->minute);
    if (d->us)
        gs_buf_printf(&b, ", %d, %d", d->second, d->us);
    else if (d->second)
        gs_buf_printf(&b, ", %d", d->second);
    return repr_tail(vm, &b, self);
}

static gs_Object *tm_strftime(GS_ARGS)
{
    static const char *const names[] = { "format" };
    gs_Object *a[1];
    if (bind(vm, "strftime", names, 1, 1, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    return do_strftime(vm, self, a[0], false);
}

static gs_Object *tm_format(GS_ARGS)
{
    if (gs_onearg(vm, "__format__", nargs, kwnames) < 0)
        return NULL;
    return format_of(vm, self, args[0], false);
}

static gs_Object *tm_replace(GS_ARGS)
{
    static const char *const names[] = { "hour", "minute", "second", "microsecond", "tzinfo", "fold" };
    gs_Object *a[6];
    if (bind(vm, "replace", names, 6, 5, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    Dt *d = DT(self);
    int64_t dflt[5] = { d->hour, d->minute, d->second, d->us, d->fold }, v[5];
    for (int i = 0; i < 4; i++)
        if (int_arg(vm, a[i], dflt[i], &v[i]) < 0)
            return NULL;
    if (int_arg(vm, a[5], dflt[4], &v[4]) < 0 || check_time(vm, v[0], v[1], v[2], v[3], v[4]) < 0)
        return NULL;
    gs_Object *tz = a[4] ? a[4] : d->tz ? d->tz : vm->none;
    if (check_tzinfo(vm, tz) < 0)
        return NULL;
    return time_raw(vm, self->type, (int)v[0], (int)v[1], (int)v[2], (int)v[3], tz, (int)v[4]);
}

static gs_Object *tm_utcoffset(GS_ARGS)
{
    GS_UNUSED(args);
    return tz_method(vm, self, "utcoffset", nargs, kwnames, "time.utcoffset", vm->none);
}
static gs_Object *tm_dst(GS_ARGS)
{
    GS_UNUSED(args);
    return tz_method(vm, self, "dst", nargs, kwnames, "time.dst", vm->none);
}
static gs_Object *tm_tzname(GS_ARGS)
{
    GS_UNUSED(args);
    return tz_method(vm, self, "tzname", nargs, kwnames, "time.tzname", vm->none);
}

static __int128 tm_us(gs_Object *o)
{
    Dt *d = DT(o);
    return ((__int128)d->hour * 3600 + d->minute * 60 + d->second) * 1000000 + d->us;
}

static gs_Object *time_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    if (!is_time(vm, b))
        return notimpl(vm);
    __int128 oa, ob;
    int k = offsets_of(vm, a, b, &oa, &ob);
    if (k < 0)
        return NULL;
    if (k == 2) {
        if (op == GS_CMP_EQ || op == GS_CMP_NE)
            return GS_BOOL(vm, op == GS_CMP_NE);
        gs_raise(vm, vm->e_TypeError, "can't compare offset-naive and offset-aware times");
        return NULL;
    }
    return GS_BOOL(vm, cmp_result(op, cmp128(tm_us(a) - oa, tm_us(b) - ob)));
}

CMP_METHODS(tm, time_compare)

static gs_Object *tm_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    bool has = false;
    __int128 off = 0;
    if (DT(self)->tz && offset_us(vm, self, &has, &off) < 0)
        return NULL;
    Dt *d = DT(self);
    if (!has) {
        int64_t v[4] = { d->hour, d->minute, d->second, d->us };
        return hash_ints(vm, v, 4);
    }
    __int128 us = tm_us(self) - off;
    int64_t v[2] = { (int64_t)floordiv128(us, 1000000), (int64_t)(us - floordiv128(us, 1000000) * 1000000) };
    return hash_ints(vm, v, 2);
}

static gs_Object *tm_fromisoformat(GS_ARGS);

static const gs_MethodDef time_methods[] = {
    { "__new__", tm_new, 0, -1, GS_KW },
    { "fromisoformat", tm_fromisoformat, 0, -1, GS_KW | GS_CLASSMETH },
    { "isoformat", tm_isoformat, 0, -1, GS_KW },
    { "strftime", tm_strftime, 0, -1, GS_KW },
    { "__format__", tm_format, 0, -1, GS_KW },
    { "replace", tm_replace, 0, -1, GS_KW },
    { "utcoffset", tm_utcoffset, 0, -1, GS_KW },
    { "dst", tm_dst, 0, -1, GS_KW },
    { "tzname", tm_tzname, 0, -1, GS_KW },
    { "__str__", tm_str, 0, 0, 0 },
    { "__repr__", tm_repr, 0, 0, 0 },
    { "__hash__", tm_hash, 0, 0, 0 },
    CMP_DEFS(tm),
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== tzinfo and timezone */

static gs_Object *tzi_abstract(gs_VM *vm, const char *what)
{
    gs_raise(vm, vm->e_NotImplementedError, "a tzinfo subclass must implement %s()", what);
    return NULL;
}

static gs_Object *tzi_utcoffset(GS_ARGS) { GS_UNUSED_ARGS; return tzi_abstract(vm, "utcoffset"); }
static gs_Object *tzi_dst(GS_ARGS) { GS_UNUSED_ARGS; return tzi_abstract(vm, "dst"); }
static gs_Object *tzi_tzname(GS_ARGS) { GS_UNUSED_ARGS; return tzi_abstract(vm, "tzname"); }

/* tzinfo.fromutc: the default algorithm of the documentation */
static gs_Object *tzi_fromutc(GS_ARGS)
{
    if (gs_onearg(vm, "fromutc", nargs, kwnames) < 0)
        return NULL;
    gs_Object *dt = args[0];
    if (!is_datetime(vm, dt)) {
        gs_raise(vm, vm->e_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    if (DT(dt)->tz != self) {
        gs_raise(vm, vm->e_ValueError, "fromutc: dt.tzinfo is not self");
        return NULL;
    }
    gs_Object *off, *dst;
    if (call_offset(vm, self, "utcoffset", dt, &off) < 0)
        return NULL;
    if (!off) {
        gs_raise(vm, vm->e_ValueError, "fromutc: non-None utcoffset() result required");
        return NULL;
    }
    if (call_offset(vm, self, "dst", dt, &dst) < 0) {
        gs_decref(vm, off);
        return NULL;
    }
    if (!dst) {
        gs_decref(vm, off);
        gs_raise(vm, vm->e_ValueError, "fromutc: dt.dst() gave inconsistent results; cannot convert");
        return NULL;
    }
    __int128 delta = delta_us(off) - delta_us(dst);
    gs_decref(vm, off);
    gs_decref(vm, dst);
    gs_Object *r = dt_from_us(vm, dt->type, dt_local_us(dt) + delta, self, 0);
    if (!r)
        return NULL;
    if (call_offset(vm, self, "dst", r, &dst) < 0) {
        gs_decref(vm, r);
        return NULL;
    }
    if (!dst) {
        gs_decref(vm, r);
        gs_raise(vm, vm->e_ValueError, "fromutc: dt.dst() gave inconsistent results; cannot convert");
        return NULL;
    }
    __int128 d2 = delta_us(dst);
    gs_decref(vm, dst);
    if (d2 == 0)
        return r;
    gs_Object *r2 = dt_from_us(vm, dt->type, dt_local_us(r) + d2, self, 0);
    gs_decref(vm, r);
    return r2;
}

/* tzinfo(): a plain instance (subclasses bring their __init__) */
static gs_Object *tzi_new(GS_ARGS)
{
    GS_UNUSED(args);
    gs_Type *t = (gs_Type *)self;
    if (!(t->flags & GS_TF_HEAP) && nargs) {
        gs_raise(vm, vm->e_TypeError, "tzinfo() takes no arguments");
        return NULL;
    }
    GS_UNUSED(kwnames);
    return gs_instance_new(vm, t);
}

static const gs_MethodDef tzinfo_methods[] = {
    { "__new__", tzi_new, 0, -1, GS_KW },
    { "utcoffset", tzi_utcoffset, 1, 1, 0 },
    { "dst", tzi_dst, 1, 1, 0 },
    { "tzname", tzi_tzname, 1, 1, 0 },
    { "fromutc", tzi_fromutc, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static gs_Object *tz_new(GS_ARGS)
{
    static const char *const names[] = { "offset", "name" };
    gs_Object *a[2];
    if (bind(vm, "timezone", names, 2, 2, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    GS_UNUSED(self);
    if (!is_delta(vm, a[0])) {
        gs_raise(vm, vm->e_TypeError, "timezone() argument 1 must be datetime.timedelta, not %s", tpname(a[0]));
        return NULL;
    }
    if (a[1] && GS_KIND(a[1]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "timezone() argument 2 must be str, not %s", tpname(a[1]));
        return NULL;
    }
    return timezone_new_obj(vm, a[0], a[1]);
}

/* the dt argument of timezone's methods: a datetime or None */
static int tz_arg(gs_VM *vm, const char *meth, int nargs, gs_Tuple *kwnames, gs_Object **args)
{
    if (gs_onearg(vm, meth, nargs, kwnames) < 0)
        return -1;
    if (args[0] != vm->none && !is_datetime(vm, args[0])) {
        gs_raise(vm, vm->e_TypeError, "%s(dt) argument must be a datetime instance or None, not %s",
                 strchr(meth, '.') + 1, tpname(args[0]));
        return -1;
    }
    return 0;
}

static gs_Object *tz_utcoffset(GS_ARGS)
{
    if (tz_arg(vm, "timezone.utcoffset", nargs, kwnames, args) < 0)
        return NULL;
    return gs_newref(vm, DT(self)->tz);
}

static gs_Object *tz_dst(GS_ARGS)
{
    if (tz_arg(vm, "timezone.dst", nargs, kwnames, args) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *tz_tzname(GS_ARGS)
{
    if (tz_arg(vm, "timezone.tzname", nargs, kwnames, args) < 0)
        return NULL;
    return timezone_name(vm, self);
}

static gs_Object *tz_fromutc(GS_ARGS)
{
    if (gs_onearg(vm, "timezone.fromutc", nargs, kwnames) < 0)
        return NULL;
    gs_Object *dt = args[0];
    if (!is_datetime(vm, dt)) {
        gs_raise(vm, vm->e_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    if (DT(dt)->tz != self) {
        gs_raise(vm, vm->e_ValueError, "fromutc: dt.tzinfo is not self");
        return NULL;
    }
    return dt_from_us(vm, dt->type, dt_local_us(dt) + delta_us(DT(self)->tz), self, 0);
}

static gs_Object *tz_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (self == utc_of(vm))
        return gs_str_from_cstr(vm, "datetime.timezone.utc");
    gs_Object *off = gs_repr(vm, DT(self)->tz);
    if (!off)
        return NULL;
    gs_Object *r;
    if (DT(self)->name) {
        gs_Object *n = gs_repr(vm, DT(self)->name);
        r = n ? gs_str_printf(vm, "%s(%s, %s)", tpname(self), ((gs_Str *)off)->data, ((gs_Str *)n)->data) : NULL;
        gs_xdecref(vm, n);
    } else
        r = gs_str_printf(vm, "%s(%s)", tpname(self), ((gs_Str *)off)->data);
    gs_decref(vm, off);
    return r;
}

static gs_Object *tz_str(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return timezone_name(vm, self);
}

static gs_Object *tz_eq(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (!is_timezone(vm, args[0]))
        return notimpl(vm);
    return GS_BOOL(vm, delta_us(DT(self)->tz) == delta_us(DT(args[0])->tz));
}

static gs_Object *tz_ne(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (!is_timezone(vm, args[0]))
        return notimpl(vm);
    return GS_BOOL(vm, delta_us(DT(self)->tz) != delta_us(DT(args[0])->tz));
}

static gs_Object *tz_hash(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t v[3] = { DT(DT(self)->tz)->days, DT(DT(self)->tz)->secs, DT(DT(self)->tz)->usecs };
    return hash_ints(vm, v, 3);
}

static const gs_MethodDef timezone_methods[] = {
    { "__new__", tz_new, 0, -1, GS_KW },
    { "utcoffset", tz_utcoffset, 0, -1, GS_KW },
    { "dst", tz_dst, 0, -1, GS_KW },
    { "tzname", tz_tzname, 0, -1, GS_KW },
    { "fromutc", tz_fromutc, 0, -1, GS_KW },
    { "__repr__", tz_repr, 0, 0, 0 },
    { "__str__", tz_str, 0, 0, 0 },
    { "__eq__", tz_eq, 1, 1, 0 },
    { "__ne__", tz_ne, 1, 1, 0 },
    { "__hash__", tz_hash, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== fromisoformat */

static const char *parse_digits(const char *p, int *var, int n)
{
    *var = 0;
    for (int i = 0; i < n; i++, p++) {
        if (*p < '0' || *p > '9')
            return NULL;
        *var = *var * 10 + (*p - '0');
    }
    return p;
}

/* parse_isoformat_date: 0, or < 0 */
static int parse_iso_date(gs_VM *vm, const char *s, size_t len, int *y, int *m, int *d)
{
    const char *p = parse_digits(s, y, 4);
    if (!p)
        return -1;
    bool sep = *p == '-';
    if (sep)
        p++;
    if (*p == 'W') {
        p++;
        int week, day = 1;
        p = parse_digits(p, &week, 2);
        if (!p)
            return -3;
        if ((size_t)(p - s) < len) {
            if (sep && *(p++) != '-')
                return -2;
            p = parse_digits(p, &day, 1);
            if (!p)
                return -4;
        }
        if (isocal_to_ymd(vm, *y, week, day, y, m, d) < 0) {
            gs_clear_exc(vm);
            return -5;
        }
        return 0;
    }
    p = parse_digits(p, m, 2);
    if (!p)
        return -1;
    if (sep && *(p++) != '-')
        return -2;
    p = parse_digits(p, d, 2);
    return p ? 0 : -1;
}

/* parse_hh_mm_ss_ff: [HH[:?MM[:?SS[{.,}fff[fff]]]]] up to end; 0 at the
 * string's end, 1 more follows, < 0 malformed */
static int parse_hms(const char *p, const char *end, int *v, int *us)
{
    bool has_sep = true;
    for (int i = 0; i < 3; i++) {
        p = parse_digits(p, &v[i], 2);
        if (!p)
            return -3;
        char c = *(p++);
        if (i == 0)
            has_sep = c == ':';
        if (p >= end)
            return c != '\0';
        else if (has_sep && c == ':')
            continue;
        else if (c == '.' || c == ',')
            break;
        else if (!has_sep)
            --p;
        else
            return -4;
    }
    size_t remains = (size_t)(end - p), n = remains >= 6 ? 6 : remains;
    if (n == 0)
        return -3;
    p = parse_digits(p, us, (int)n);
    if (!p)
        return -3;
    static const int correction[] = { 100000, 10000, 1000, 100, 10 };
    if (n < 6)
        *us *= correction[n - 1];
    while (*p >= '0' && *p <= '9')
        p++;
    return *p != '\0';
}

/* parse_isoformat_time: 0 naive, 1 with an offset (*tzsec, *tzus), < 0 malformed */
static int parse_iso_time(const char *s, size_t len, int *v, int *us, int *tzsec, int *tzus)
{
    const char *end = s + len, *tzpos = s;
    v[0] = v[1] = v[2] = *us = 0;
    while (tzpos < end && *tzpos != 'Z' && *tzpos != '+' && *tzpos != '-')
        tzpos++;
    if (len == 0)
        return -3;
    int rv = parse_hms(s, tzpos, v, us);
    if (rv < 0)
        return rv;
    if (tzpos == end)
        return rv == 1 ? -5 : 0;
    if (*tzpos == 'Z') {
        *tzsec = *tzus = 0;
        return tzpos[1] != '\0' ? -5 : 1;
    }
    int sign = *tzpos == '-' ? -1 : 1, tv[3] = { 0, 0, 0 };
    *tzus = 0;
    rv = parse_hms(tzpos + 1, end, tv, tzus);
    *tzsec = sign * (tv[0] * 3600 + tv[1] * 60 + tv[2]);
    *tzus *= sign;
    return rv ? -5 : 1;
}

static gs_Object *invalid_iso(gs_VM *vm, gs_Object *s)
{
    gs_Object *r = gs_repr(vm, s);
    if (r) {
        gs_raise(vm, vm->e_ValueError, "Invalid isoformat string: %s", ((gs_Str *)r)->data);
        gs_decref(vm, r);
    }
    return NULL;
}

static int iso_arg(gs_VM *vm, int nargs, gs_Tuple *kwnames, gs_Object **args)
{
    if (gs_onearg(vm, "fromisoformat", nargs, kwnames) < 0)
        return -1;
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "fromisoformat: argument must be str");
        return -1;
    }
    return 0;
}

static gs_Object *d_fromisoformat(GS_ARGS)
{
    if (iso_arg(vm, nargs, kwnames, args) < 0)
        return NULL;
    gs_Str *s = (gs_Str *)args[0];
    int y, m, d;
    if ((s->len != 7 && s->len != 8 && s->len != 10) || s->len != s->nchars ||
        parse_iso_date(vm, s->data, (size_t)s->len, &y, &m, &d) < 0)
        return invalid_iso(vm, args[0]);
    if (check_date(vm, y, m, d) < 0)
        return NULL;
    return date_of(vm, (gs_Type *)self, y, m, d);
}

static gs_Object *tz_from_iso(gs_VM *vm, int rv, int tzsec, int tzus)
{
    if (rv != 1)
        return NULL;
    return timezone_of_seconds(vm, tzsec, tzus);
}

static gs_Object *tm_fromisoformat(GS_ARGS)
{
    if (iso_arg(vm, nargs, kwnames, args) < 0)
        return NULL;
    gs_Str *s = (gs_Str *)args[0];
    const char *p = s->data;
    size_t len = (size_t)s->len;
    if (*p == 'T') {
        p++;
        len--;
    }
    int v[3], us, tzsec = 0, tzus = 0;
    int rv = parse_iso_time(p, len, v, &us, &tzsec, &tzus);
    if (rv < 0)
        return invalid_iso(vm, args[0]);
    if (check_time(vm, v[0], v[1], v[2], us, 0) < 0)
        return NULL;
    gs_Object *tz = tz_from_iso(vm, rv, tzsec, tzus);
    if (rv == 1 && !tz)
        return NULL;
    gs_Object *r = time_raw(vm, (gs_Type *)self, v[0], v[1], v[2], us, tz, 0);
    gs_xdecref(vm, tz);
    return r;
}

/* _find_isoformat_datetime_separator */
static size_t iso_separator(const char *s, size_t len)
{
    if (len == 7)
        return 7;
    if (len < 8)
        return len;
    if (s[4] == '-') {
        if (s[5] == 'W') {
            if (len > 8 && s[8] == '-') {
                if (len == 9)
                    return (size_t)-1;
                if (len > 10 && isdigit((unsigned char)s[10]))
                    return 8;
                return 10;
            }
            return 8;
        }
        return 10;
    }
    if (s[4] == 'W') {
        size_t idx = 7;
        while (idx < len && isdigit((unsigned char)s[idx]))
            idx++;
        if (idx < 9)
            return idx;
        return idx % 2 == 0 ? 7 : 8;
    }
    return 8;
}

static gs_Object *dt_fromisoformat(GS_ARGS)
{
    if (iso_arg(vm, nargs, kwnames, args) < 0)
        return NULL;
    gs_Str *s = (gs_Str *)args[0];
    size_t len = (size_t)s->len;
    if (s->len != s->nchars || len < 7)
        return invalid_iso(vm, args[0]);
    size_t sep = iso_separator(s->data, len);
    if (sep == (size_t)-1 || sep > len)
        return invalid_iso(vm, args[0]);
    int y, m, d, v[3] = { 0, 0, 0 }, us = 0, tzsec = 0, tzus = 0, rv = 0;
    if (parse_iso_date(vm, s->data, sep, &y, &m, &d) < 0)
        return invalid_iso(vm, args[0]);
    if (sep < len) {
        rv = parse_iso_time(s->data + sep + 1, len - sep - 1, v, &us, &tzsec, &tzus);
        if (rv < 0)
            return invalid_iso(vm, args[0]);
    }
    if (check_date(vm, y, m, d) < 0 || check_time(vm, v[0], v[1], v[2], us, 0) < 0)
        return NULL;
    gs_Object *tz = tz_from_iso(vm, rv, tzsec, tzus);
    if (rv == 1 && !tz)
        return NULL;
    gs_Object *r = datetime_of(vm, (gs_Type *)self, y, m, d, v[0], v[1], v[2], us, tz, 0);
    gs_xdecref(vm, tz);
    return r;
}

/* ================================================================== strptime */

/* What _strptime's regular expression captured. */
typedef struct Parsed {
    int year, month, day, hour, minute, second, us, julian, weekday, ampm;
    int ylen;           /* 4: %Y, 2: %y, 0: none */
    bool twelve;        /* %I */
    bool has_tz;
    int tzsec, tzus;
    char tzname[16];
} Parsed;

/* one alternative of a directive's pattern: literal characters, "\d",
 * "[a-b]" */
static int match_alt(const char *alt, const char *s)
{
    int n = 0;
    while (*alt) {
        char c = s[n];
        if (alt[0] == '\\') {
            if (!isdigit((unsigned char)c))
                return -1;
            alt += 2;
        } else if (alt[0] == '[') {
            if (c < alt[1] || c > alt[3])
                return -1;
            alt += 5;
        } else {
            if (c != *alt)
                return -1;
            alt++;
        }
        n++;
    }
    return n;
}

static const char *const *numeric_alts(char dir)
{
    static const char *const d[] = { "3[0-1]", "[1-2]\\d", "0[1-9]", "[1-9]", " [1-9]", NULL };
    static const char *const H[] = { "2[0-3]", "[0-1]\\d", "\\d", NULL };
    static const char *const I[] = { "1[0-2]", "0[1-9]", "[1-9]", NULL };
    static const char *const j[] = { "36[0-6]", "3[0-5]\\d", "[1-2]\\d\\d", "0[1-9]\\d", "00[1-9]", "[1-9]\\d",
                                     "0[1-9]", "[1-9]", NULL };
    static const char *const m[] = { "1[0-2]", "0[1-9]", "[1-9]", NULL };
    static const char *const M[] = { "[0-5]\\d", "\\d", NULL };
    static const char *const S[] = { "6[0-1]", "[0-5]\\d", "\\d", NULL };
    static const char *const U[] = { "5[0-3]", "[0-4]\\d", "\\d", NULL };
    static const char *const w[] = { "[0-6]", NULL };
    static const char *const u[] = { "[1-7]", NULL };
    static const char *const y[] = { "\\d\\d", NULL };
    static const char *const Y[] = { "\\d\\d\\d\\d", NULL };
    static const char *const f[] = { "\\d\\d\\d\\d\\d\\d", "\\d\\d\\d\\d\\d", "\\d\\d\\d\\d", "\\d\\d\\d", "\\d\\d", "\\d", NULL };
    switch (dir) {
    case 'd': return d;
    case 'H': return H;
    case 'I': return I;
    case 'j': return j;
    case 'm': return m;
    case 'M': return M;
    case 'S': return S;
    case 'U': case 'W': return U;
    case 'w': return w;
    case 'u': return u;
    case 'y': return y;
    case 'Y': case 'G': return Y;
    case 'f': return f;
    default: return NULL;
    }
}

static int int_of(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        if (isdigit((unsigned char)s[i]))
            v = v * 10 + (s[i] - '0');
    return v;
}

static void store_numeric(Parsed *r, char dir, const char *s, int n)
{
    int v = int_of(s, n);
    switch (dir) {
    case 'd': r->day = v; break;
    case 'H': r->hour = v; r->twelve = false; break;
    case 'I': r->hour = v; r->twelve = true; break;
    case 'j': r->julian = v; break;
    case 'm': r->month = v; break;
    case 'M': r->minute = v; break;
    case 'S': r->second = v; break;
    case 'w': r->weekday = v == 0 ? 6 : v - 1; break;
    case 'u': r->weekday = v - 1; break;
    case 'y': r->year = v < 69 ? v + 2000 : v + 1900; r->ylen = 2; break;
    case 'Y': r->year = v; r->ylen = 4; break;
    case 'f': {
        static const int scale[] = { 0, 100000, 10000, 1000, 100, 10, 1 };
        r->us = v * scale[n];
        break;
    }
    default: break;
    }
}

/* the names of a directive (%a %A %b %B %p), longest first as _strptime's
 * __seqToRE sorts them */
static int names_of(char dir, const char **out)
{
    const char *const *src = NULL;
    int n = 0;
    static const char *const ampm[] = { "am", "pm" };
    switch (dir) {
    case 'a': src = day_names; n = 7; break;
    case 'A': src = day_full; n = 7; break;
    case 'b': src = month_names; n = 12; break;
    case 'B': src = month_full; n = 12; break;
    case 'p': src = ampm; n = 2; break;
    default: return 0;
    }
    for (int i = 0; i < n; i++)
        out[i] = src[i];
    return n;
}

static bool ieq_prefix(const char *s, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)name[i]))
            return false;
    return true;
}

/* the expanded format: %c %x %X become their C-locale formats */
static void expand_format(gs_Buf *b, const char *f)
{
    for (; *f; f++) {
        if (f[0] == '%' && f[1]) {
            const char *rep = f[1] == 'c' ? "%a %b %d %H:%M:%S %Y" : f[1] == 'x' ? "%m/%d/%y" : f[1] == 'X' ? "%H:%M:%S" : NULL;
            if (rep)
                gs_buf_adds(b, rep);
            else {
                gs_buf_addc(b, f[0]);
                gs_buf_addc(b, f[1]);
            }
            f++;
        } else
            gs_buf_addc(b, *f);
    }
    gs_buf_addc(b, '\0');
}

/* Match s against the format from fmt on, as the regular expression would
 * (alternatives in order, backtracking): where the match ends, or NULL. */
static const char *match_fmt(const char *f, const char *s, Parsed *r, int depth)
{
    if (depth > 200)
        return NULL;
    if (!*f)
        return s;
    if (isspace((unsigned char)*f)) {
        while (isspace((unsigned char)*f))
            f++;
        int n = 0;
        while (isspace((unsigned char)s[n]))
            n++;
        for (; n >= 1; n--) {
            const char *e = match_fmt(f, s + n, r, depth + 1);
            if (e)
                return e;
        }
        return NULL;
    }
    if (*f != '%') {
        if (tolower((unsigned char)*s) != tolower((unsigned char)*f) || !*s)
            return NULL;
        return match_fmt(f + 1, s + 1, r, depth + 1);
    }
    char dir = f[1];
    const char *const *alts = numeric_alts(dir);
    if (alts) {
        for (int i = 0; alts[i]; i++) {
            int n = match_alt(alts[i], s);
            if (n < 0)
                continue;
            Parsed save = *r;
            store_numeric(r, dir, s, n);
            const char *e = match_fmt(f + 2, s + n, r, depth + 1);
            if (e)
                return e;
            *r = save;
        }
        return NULL;
    }
    const char *names[12];
    int nn = names_of(dir, names);
    if (nn) {
        /* longest first; equal lengths in their order */
        int order[12];
        for (int i = 0; i < nn; i++)
            order[i] = i;
        for (int i = 1; i < nn; i++)
            for (int k = i; k > 0 && strlen(names[order[k]]) > strlen(names[order[k - 1]]); k--) {
                int t = order[k];
                order[k] = order[k - 1];
                order[k - 1] = t;
            }
        for (int i = 0; i < nn; i++) {
            const char *nm = names[order[i]];
            if (!ieq_prefix(s, nm))
                continue;
            Parsed save = *r;
            int ix = order[i];
            if (dir == 'a' || dir == 'A')
                r->weekday = ix;
            else if (dir == 'b' || dir == 'B')
                r->month = ix + 1;
            else
                r->ampm = ix;
            const char *e = match_fmt(f + 2, s + strlen(nm), r, depth + 1);
            if (e)
                return e;
            *r = save;
        }
        return NULL;
    }
    if (dir == '%') {
        if (*s != '%')
            return NULL;
        return match_fmt(f + 2, s + 1, r, depth + 1);
    }
    if (dir == 'Z') {
        static const char *const zones[] = { "utc", "gmt" };
        tzset();
        const char *cand[4] = { zones[0], zones[1], tzname[0], tzname[1] };
        for (int i = 0; i < 4; i++) {
            if (!cand[i] || !*cand[i] || !ieq_prefix(s, cand[i]))
                continue;
            Parsed save = *r;
            snprintf(r->tzname, sizeof r->tzname, "%.*s", (int)strlen(cand[i]), s);
            const char *e = match_fmt(f + 2, s + strlen(cand[i]), r, depth + 1);
            if (e)
                return e;
            *r = save;
        }
        return NULL;
    }
    if (dir == 'z') {
        /* [+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)? | Z */
        Parsed save = *r;
        if (*s == 'Z') {
            r->has_tz = true;
            r->tzsec = r->tzus = 0;
            const char *e = match_fmt(f + 2, s + 1, r, depth + 1);
            if (e)
                return e;
            *r = save;
            return NULL;
        }
        if ((*s != '+' && *s != '-') || !isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]))
            return NULL;
        int sign = *s == '-' ? -1 : 1;
        const char *p = s + 3;
        if (*p == ':')
            p++;
        if (!(p[0] >= '0' && p[0] <= '5') || !isdigit((unsigned char)p[1]))
            return NULL;
        int hh = int_of(s + 1, 2), mm = int_of(p, 2);
        p += 2;
        /* the optional seconds and fraction, longest first */
        const char *ends[9];
        int secs[9], fr[9], ne = 0;
        const char *q = p;
        if (*q == ':')
            q++;
        if (q[0] >= '0' && q[0] <= '5' && isdigit((unsigned char)q[1])) {
            int ss = int_of(q, 2);
            const char *q2 = q + 2;
            if (*q2 == '.' && isdigit((unsigned char)q2[1])) {
                int nd = 0;
                while (nd < 6 && isdigit((unsigned char)q2[1 + nd]))
                    nd++;
                for (int k = nd; k >= 1; k--) {
                    static const int scale[] = { 0, 100000, 10000, 1000, 100, 10, 1 };
                    ends[ne] = q2 + 1 + k;
                    secs[ne] = ss;
                    fr[ne++] = int_of(q2 + 1, k) * scale[k];
                }
            }
            ends[ne] = q2;
            secs[ne] = ss;
            fr[ne++] = 0;
        }
        ends[ne] = p;
        secs[ne] = 0;
        fr[ne++] = 0;
        for (int i = 0; i < ne; i++) {
            r->has_tz = true;
            r->tzsec = sign * (hh * 3600 + mm * 60 + secs[i]);
            r->tzus = sign * fr[i];
            const char *e = match_fmt(f + 2, ends[i], r, depth + 1);
            if (e)
                return e;
            *r = save;
        }
        return NULL;
    }
    return NULL;
}

static gs_Object *strptime_error(gs_VM *vm, const char *fmt, gs_Object *a, gs_Object *b)
{
    gs_Object *ra = gs_repr(vm, a), *rb = b ? gs_repr(vm, b) : NULL;
    if (ra && (rb || !b))
        gs_raise(vm, vm->e_ValueError, fmt, ((gs_Str *)ra)->data, rb ? ((gs_Str *)rb)->data : "");
    gs_xdecref(vm, ra);
    gs_xdecref(vm, rb);
    return NULL;
}

static gs_Object *dt_strptime(GS_ARGS)
{
    if (gs_no_kwargs(vm, "strptime", kwnames) < 0)
        return NULL;
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "strptime expected 2 arguments, got %d", nargs);
        return NULL;
    }
    for (int i = 0; i < 2; i++)
        if (GS_KIND(args[i]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "strptime() argument %d must be str, not %s", i + 1, tpname(args[i]));
            return NULL;
        }
    gs_Str *data = (gs_Str *)args[0], *fmt = (gs_Str *)args[1];
    /* the directives _strptime knows */
    for (int32_t i = 0; i < fmt->len; i++) {
        if (fmt->data[i] != '%')
            continue;
        if (i + 1 >= fmt->len) {
            gs_raise(vm, vm->e_ValueError, "stray %% in format '%s'", fmt->data);
            return NULL;
        }
        char c = fmt->data[++i];
        if (!strchr("aAbBcdfGHIjmMpSuUVwWxXyYzZ%", c)) {
            gs_raise(vm, vm->e_ValueError, "'%c' is a bad directive in format '%s'", c, fmt->data);
            return NULL;
        }
    }
    gs_Buf ef;
    gs_buf_init(&ef);
    expand_format(&ef, fmt->data);
    Parsed r;
    memset(&r, 0, sizeof r);
    r.year = 1900;
    r.month = r.day = 1;
    r.julian = r.weekday = r.ampm = -1;
    const char *end = match_fmt(ef.data, data->data, &r, 0);
    gs_buf_free(&ef);
    if (!end)
        return strptime_error(vm, "time data %s does not match format %s", args[0], args[1]);
    if (*end) {
        gs_raise(vm, vm->e_ValueError, "unconverted data remains: %s", end);
        return NULL;
    }
    if (r.twelve) {
        if (r.ampm == 0 && r.hour == 12)
            r.hour = 0;
        else if (r.ampm == 1 && r.hour != 12)
            r.hour += 12;
    }
    if (r.julian > 0) {
        int64_t ord = ymd_to_ord(r.year, 1, 1) + r.julian - 1;
        if (ord < 1 || ord > MAX_ORDINAL) {
            gs_raise(vm, vm->e_OverflowError, "date value out of range");
            return NULL;
        }
        ord_to_ymd(ord, &r.year, &r.month, &r.day);
    }
    if (check_date(vm, r.year, r.month, r.day) < 0 || check_time(vm, r.hour, r.minute, r.second, r.us, 0) < 0)
        return NULL;
    gs_Object *tz = NULL;
    if (r.has_tz) {
        gs_Object *off = delta_new_days(vm, 0, r.tzsec, r.tzus);
        if (!off)
            return NULL;
        gs_Object *name = r.tzname[0] ? gs_str_from_cstr(vm, r.tzname) : NULL;
        tz = timezone_new_obj(vm, off, name);
        gs_decref(vm, off);
        gs_xdecref(vm, name);
        if (!tz)
            return NULL;
    }
    gs_Object *o = datetime_of(vm, (gs_Type *)self, r.year, r.month, r.day, r.hour, r.minute, r.second, r.us, tz, 0);
    gs_xdecref(vm, tz);
    return o;
}

/* ================================================================== the module */

static gs_Type *new_type(gs_VM *vm, const char *name, gs_Type *base, const gs_MethodDef *methods, bool basetype,
                         int basicsize)
{
    gs_Type *t = gs_modtype_new(vm, name, base, &dt_ops, basetype);
    t->flags &= (uint16_t)~GS_TF_DICT; /* no __dict__: attributes cannot be set */
    if (methods)
        gs_type_add_methods(vm, t, methods);
    gs_modtype_add_attr(vm, t, "__basicsize__", gs_int_new(vm, basicsize));
    return t;
}

static void add_getters(gs_VM *vm, gs_Type *t, bool date, bool clock)
{
    if (date) {
        gs_type_add_getter(vm, t, "year", d_year);
        gs_type_add_getter(vm, t, "month", d_month);
        gs_type_add_getter(vm, t, "day", d_day);
    }
    if (clock) {
        gs_type_add_getter(vm, t, "hour", t_hour);
        gs_type_add_getter(vm, t, "minute", t_minute);
        gs_type_add_getter(vm, t, "second", t_second);
        gs_type_add_getter(vm, t, "microsecond", t_microsecond);
        gs_type_add_getter(vm, t, "tzinfo", t_tzinfo);
        gs_type_add_getter(vm, t, "fold", t_fold);
    }
}

static const char *const isocal_fields[] = { "year", "week", "weekday", NULL };
static const char *const struct_time_fields[] = { "tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                                  "tm_sec",  "tm_wday", "tm_yday", "tm_isdst", NULL };

static DtState *make_types(gs_VM *vm)
{
    DtState *s = calloc(1, sizeof *s);
    if (!s) {
        gs_raise_memory(vm);
        return NULL;
    }
    vm->modstate[GS_MS_DATETIME] = s;
    vm->runtime_alloc++; /* the interpreter's, not the program's */
    s->delta = new_type(vm, "datetime.timedelta", vm->t_object, delta_methods, true, 40);
    gs_type_add_getter(vm, s->delta, "days", td_days);
    gs_type_add_getter(vm, s->delta, "seconds", td_seconds);
    gs_type_add_getter(vm, s->delta, "microseconds", td_microseconds);
    s->date = new_type(vm, "datetime.date", vm->t_object, date_methods, true, 32);
    add_getters(vm, s->date, true, false);
    s->datetime = new_type(vm, "datetime.datetime", s->date, datetime_methods, true, 48);
    add_getters(vm, s->datetime, false, true);
    s->time = new_type(vm, "datetime.time", vm->t_object, time_methods, true, 40);
    add_getters(vm, s->time, false, true);
    s->tzinfo = gs_modtype_new(vm, "datetime.tzinfo", vm->t_object, NULL, true);
    gs_type_add_methods(vm, s->tzinfo, tzinfo_methods);
    s->timezone = new_type(vm, "datetime.timezone", s->tzinfo, timezone_methods, false, 32);
    s->isocal = gs_structseq_type(vm, "datetime.IsoCalendarDate", isocal_fields, 3);
    s->struct_time = gs_structseq_type(vm, "time.struct_time", struct_time_fields, 11);

    /* the class attributes: min, max, resolution; timezone.utc */
    gs_modtype_add_attr(vm, s->delta, "min", delta_new_days(vm, -MAX_DELTA_DAYS, 0, 0));
    gs_modtype_add_attr(vm, s->delta, "max", delta_new_days(vm, MAX_DELTA_DAYS, 86399, 999999));
    gs_modtype_add_attr(vm, s->delta, "resolution", delta_new_days(vm, 0, 0, 1));
    gs_modtype_add_attr(vm, s->date, "min", date_raw(vm, s->date, 1, 1, 1));
    gs_modtype_add_attr(vm, s->date, "max", date_raw(vm, s->date, MAXYEAR, 12, 31));
    gs_modtype_add_attr(vm, s->date, "resolution", delta_new_days(vm, 1, 0, 0));
    gs_modtype_add_attr(vm, s->datetime, "min", datetime_raw(vm, s->datetime, 1, 1, 1, 0, 0, 0, 0, NULL, 0));
    gs_modtype_add_attr(vm, s->datetime, "max",
                        datetime_raw(vm, s->datetime, MAXYEAR, 12, 31, 23, 59, 59, 999999, NULL, 0));
    gs_modtype_add_attr(vm, s->datetime, "resolution", delta_new_days(vm, 0, 0, 1));
    gs_modtype_add_attr(vm, s->time, "min", time_raw(vm, s->time, 0, 0, 0, 0, NULL, 0));
    gs_modtype_add_attr(vm, s->time, "max", time_raw(vm, s->time, 23, 59, 59, 999999, NULL, 0));
    gs_modtype_add_attr(vm, s->time, "resolution", delta_new_days(vm, 0, 0, 1));
    gs_Object *zero = delta_new_days(vm, 0, 0, 0);
    gs_Object *utc = alloc_of(vm, s->timezone);
    gs_native_set(vm, utc, &DT(utc)->tz, F_TZ, zero);
    gs_decref(vm, zero);
    gs_modtype_add_attr(vm, s->timezone, "utc", utc);
    gs_Object *lo = delta_new_days(vm, 0, -(23 * 3600 + 59 * 60), 0), *hi = delta_new_days(vm, 0, 23 * 3600 + 59 * 60, 0);
    gs_modtype_add_attr(vm, s->timezone, "min", timezone_new_obj(vm, lo, NULL));
    gs_modtype_add_attr(vm, s->timezone, "max", timezone_new_obj(vm, hi, NULL));
    gs_decref(vm, lo);
    gs_decref(vm, hi);
    vm->runtime_alloc--;
    return s;
}

gs_Object *gs_module_datetime(gs_VM *vm)
{
    DtState *s = st(vm);
    if (!s && !(s = make_types(vm)))
        return NULL;
    gs_Object *m = gs_module_new(vm, "datetime");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "MINYEAR", gs_int_new(vm, MINYEAR));
    gs_module_add(vm, m, "MAXYEAR", gs_int_new(vm, MAXYEAR));
    gs_module_add(vm, m, "date", gs_newref(vm, &s->date->ob));
    gs_module_add(vm, m, "datetime", gs_newref(vm, &s->datetime->ob));
    gs_module_add(vm, m, "time", gs_newref(vm, &s->time->ob));
    gs_module_add(vm, m, "timedelta", gs_newref(vm, &s->delta->ob));
    gs_module_add(vm, m, "tzinfo", gs_newref(vm, &s->tzinfo->ob));
    gs_module_add(vm, m, "timezone", gs_newref(vm, &s->timezone->ob));
    gs_module_add(vm, m, "UTC", gs_newref(vm, utc_of(vm)));
    static const char *const all[] = { "date", "datetime", "time", "timedelta", "timezone", "tzinfo",
                                       "MINYEAR", "MAXYEAR", "UTC", NULL };
    gs_Object *all_list = gs_str_list(vm, all);
    if (all_list) {
        gs_module_add(vm, m, "__all__", gs_tuple_from_iterable(vm, all_list));
        gs_decref(vm, all_list);
    }
    /* CPython runs Lib/datetime.py (its pure-Python classes, replaced by
     * _datetime's and left in cycles) and what it imports (time, math,
     * operator): allocations, objects kept, objects left in cycles,
     * measured with python3.11 after a full collection */
    /* less what this module makes (MODEL_ALLOCS allocations, MODEL_KEPT
     * kept).  (The first figure of garbage is made early: the automatic
     * collections the import's allocations trigger free it.) */
    enum { MODEL_ALLOCS = 193, MODEL_KEPT = 190 };
    if (gs_module_imported(vm, "collections") || gs_module_imported(vm, "functools")) {
        gs_gc_import_footprint(vm, 0, 0, 22);
        gs_gc_import_footprint(vm, 1019 - MODEL_ALLOCS, 249 - MODEL_KEPT, 289);
    } else if (gs_module_imported(vm, "operator")) {
        gs_gc_import_footprint(vm, 0, 0, 15);
        gs_gc_import_footprint(vm, 1019 - MODEL_ALLOCS, 249 - MODEL_KEPT, 296);
    } else if (gs_module_imported(vm, "math")) {
        gs_gc_import_footprint(vm, 0, 0, 19);
        gs_gc_import_footprint(vm, 1183 - MODEL_ALLOCS, 291 - MODEL_KEPT, 325);
    } else {
        gs_gc_import_footprint(vm, 0, 0, 19);
        gs_gc_import_footprint(vm, 1242 - MODEL_ALLOCS, 350 - MODEL_KEPT, 325);
    }
    return m;
}

void gs_datetime_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "datetime", count, ctx);
}

void gs_datetime_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_DATETIME]); /* the types themselves are the VM's */
    vm->modstate[GS_MS_DATETIME] = NULL;
}
