/*
 * bisect.c — the bisect module (Modules/_bisectmodule.c): bisect_left,
 * bisect_right, insort_left and insort_right (bisect and insort are the
 * _right ones), with lo, hi and key.  The probes are CPython's: the same
 * midpoints, one `x < a[mid]` (right) or `a[mid] < x` (left) each, the key
 * called on a[mid] (and once on x by insort), so a class that prints from
 * __lt__ prints the same lines.  insort inserts with list.insert, or calls
 * a.insert(i, x) on anything else.
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

/* internal_bisect_right / internal_bisect_left; -1 on error */
static int64_t bisect_impl(gs_VM *vm, gs_Object *a, gs_Object *x, int64_t lo, int64_t hi, gs_Object *key, bool right)
{
    if (lo < 0) {
        gs_raise(vm, vm->e_ValueError, "lo must be non-negative");
        return -1;
    }
    /* PySequence_Size / PySequence_GetItem refuse mappings */
    if (GS_KIND(a) == GS_K_DICT && (hi == -1 || lo < hi)) {
        gs_raise(vm, vm->e_TypeError, "%s is not a sequence", gs_type_name(a));
        return -1;
    }
    if (hi == -1) {
        hi = gs_len(vm, a);
        if (hi < 0)
            return -1;
    }
    while (lo < hi) {
        int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
        if (GS_KIND(a) == GS_K_SET) {
            gs_raise(vm, vm->e_TypeError, "'%s' object does not support indexing", gs_type_name(a));
            return -1;
        }
        gs_Object *mo = gs_int_new(vm, mid);
        gs_Object *item = mo ? gs_getitem(vm, a, mo) : NULL;
        gs_xdecref(vm, mo);
        if (!item)
            return -1;
        if (key && key != vm->none) {
            gs_Object *k = gs_call(vm, key, &item, 1, NULL);
            gs_decref(vm, item);
            if (!k)
                return -1;
            item = k;
        }
        int lt = right ? gs_compare_bool(vm, GS_CMP_LT, x, item) : gs_compare_bool(vm, GS_CMP_LT, item, x);
        gs_decref(vm, item);
        if (lt < 0)
            return -1;
        if (right == (lt != 0))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static const char *const names[] = { "a", "x", "lo", "hi", "key" };

/* the arguments: lo a Py_ssize_t, hi one or None (-1) */
static int parse(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames, gs_Object **v,
                 int64_t *lo, int64_t *hi)
{
    if (gs_clinic_bind(vm, fname, names, 5, 0, 2, 4, args, nargs, kwnames, v) < 0)
        return -1;
    *lo = 0;
    *hi = -1;
    if (v[2] && gs_index_arg(vm, v[2], lo) < 0)
        return -1;
    if (v[3] && v[3] != vm->none && gs_index_arg(vm, v[3], hi) < 0)
        return -1;
    return 0;
}

static gs_Object *bisect_fn(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames,
                            bool right)
{
    gs_Object *v[5];
    int64_t lo, hi;
    if (parse(vm, fname, args, nargs, kwnames, v, &lo, &hi) < 0)
        return NULL;
    int64_t i = bisect_impl(vm, v[0], v[1], lo, hi, v[4], right);
    return i < 0 ? NULL : gs_int_new(vm, i);
}

static gs_Object *insort_fn(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames,
                            bool right)
{
    gs_Object *v[5];
    int64_t lo, hi, i;
    if (parse(vm, fname, args, nargs, kwnames, v, &lo, &hi) < 0)
        return NULL;
    gs_Object *key = v[4] && v[4] != vm->none ? v[4] : NULL;
    if (!key)
        i = bisect_impl(vm, v[0], v[1], lo, hi, NULL, right);
    else {
        gs_Object *kx = gs_call(vm, key, &v[1], 1, NULL);
        if (!kx)
            return NULL;
        i = bisect_impl(vm, v[0], kx, lo, hi, key, right);
        gs_decref(vm, kx);
    }
    if (i < 0)
        return NULL;
    if (GS_KIND(v[0]) == GS_K_LIST && v[0]->type == vm->t_list) {
        if (gs_list_insert(vm, v[0], i, v[1]) < 0)
            return NULL;
        return GS_NONE(vm);
    }
    gs_Object *ins = gs_getattr(vm, v[0], gs_name(vm, "insert"));
    gs_Object *io = ins ? gs_int_new(vm, i) : NULL;
    gs_Object *r = NULL;
    if (io) {
        gs_Object *argv[2] = { io, v[1] };
        r = gs_call(vm, ins, argv, 2, NULL);
    }
    gs_xdecref(vm, io);
    gs_xdecref(vm, ins);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    return GS_NONE(vm);
}

static gs_Object *b_bisect_right(GS_ARGS) { GS_UNUSED(self); return bisect_fn(vm, "bisect_right", args, nargs, kwnames, true); }
static gs_Object *b_bisect_left(GS_ARGS) { GS_UNUSED(self); return bisect_fn(vm, "bisect_left", args, nargs, kwnames, false); }
static gs_Object *b_insort_right(GS_ARGS) { GS_UNUSED(self); return insort_fn(vm, "insort_right", args, nargs, kwnames, true); }
static gs_Object *b_insort_left(GS_ARGS) { GS_UNUSED(self); return insort_fn(vm, "insort_left", args, nargs, kwnames, false); }

gs_Object *gs_module_bisect(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "bisect");
    if (!m)
        return NULL;
    static const struct {
        const char *name;
        gs_CFunc fn;
    } fns[] = { { "bisect_right", b_bisect_right }, { "insort_right", b_insort_right },
                { "bisect_left", b_bisect_left },   { "insort_left", b_insort_left } };
    for (int i = 0; i < GS_COUNTOF(fns); i++) {
        gs_Object *b = gs_builtin_new(vm, fns[i].name, fns[i].fn, 0, -1, m);
        if (!b) {
            gs_decref(vm, m);
            return NULL;
        }
        ((gs_Builtin *)b)->takes_kw = true;
        ((gs_Builtin *)b)->owner = NULL;
        /* bisect.py: bisect = bisect_right, insort = insort_right */
        if (i < 2)
            gs_module_add(vm, m, i == 0 ? "bisect" : "insort", gs_newref(vm, b));
        gs_module_add(vm, m, fns[i].name, b);
    }
    return m;
}
