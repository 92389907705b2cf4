/*
 * gc.c — the gc module: the collector's controls (collect, enable,
 * thresholds, debug flags, freeze) and its views of the heap (get_count,
 * get_objects, get_referrers, get_referents, is_tracked, get_stats).  The
 * collector itself is core/runtime/collector.c.
 */
#include <stdio.h>

#include "modules.h"




/* CPython's argument checks, with its messages: METH_NOARGS and METH_O
 * functions name themselves "gc.name()", the others "name()". */
enum { GC_NOARGS, GC_O };

static int argcheck(gs_VM *vm, const char *name, int style, int nargs, gs_Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "gc.%s() takes no keyword arguments", name);
        return -1;
    }
    if (style == GC_NOARGS && nargs != 0) {
        gs_raise(vm, vm->e_TypeError, "gc.%s() takes no arguments (%d given)", name, nargs);
        return -1;
    }
    if (style == GC_O && nargs != 1) {
        gs_raise(vm, vm->e_TypeError, "gc.%s() takes exactly one argument (%d given)", name, nargs);
        return -1;
    }
    return 0;
}

#define CHECK_ARGS(name, style)                                                                                      \
    do {                                                                                                             \
        if (argcheck(vm, name, style, nargs, kwnames) < 0)                                                           \
            return NULL;                                                                                             \
    } while (0)

/* A C int argument: PyArg_ParseTuple's "i" (`tuple_style`: set_threshold)
 * or Argument Clinic's int (collect, set_debug), which word an int past
 * the C int range differently. */
static int int_arg_style(gs_VM *vm, gs_Object *o, int64_t *out, bool tuple_style)
{
    if (GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL) {
        int64_t v = ((gs_Int *)o)->value;
        if (v > INT32_MAX || v < INT32_MIN) {
            if (!tuple_style)
                gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
            else
                gs_raise(vm, vm->e_OverflowError, v > 0 ? "signed integer is greater than maximum"
                                                        : "signed integer is less than minimum");
            return -1;
        }
        *out = v;
        return 0;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(o));
    return -1;
}

static int int_arg(gs_VM *vm, gs_Object *o, int64_t *out) { return int_arg_style(vm, o, out, false); }

/* The single argument `name` given by position or keyword, or NULL. */
static gs_Object *one_arg(gs_VM *vm, const char *fname, const char *name, gs_Object **args, int nargs,
                          gs_Tuple *kwnames, int *err)
{
    int npos = gs_npos(nargs, kwnames);
    *err = 0;
    if (kwnames) {
        for (int i = 0; i < kwnames->len; i++)
            if (strcmp(((gs_Str *)kwnames->items[i])->data, name) != 0) {
                gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for %s()",
                         ((gs_Str *)kwnames->items[i])->data, fname);
                *err = 1;
                return NULL;
            }
    }
    if (npos + (kwnames ? kwnames->len : 0) > 1) {
        gs_raise(vm, vm->e_TypeError, "%s() takes at most 1 argument (%d given)", fname, nargs);
        *err = 1;
        return NULL;
    }
    return nargs ? args[0] : NULL;
}

static gs_Object *gc_collect_fn(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int err;
    gs_Object *g = one_arg(vm, "collect", "generation", args, nargs, kwnames, &err);
    if (kwnames && kwnames->len)
        gs_clinic_parser_init(vm, GS_CLINIC_GC_COLLECT, 1);
    if (err)
        return NULL;
    int64_t gen = GS_NUM_GENERATIONS - 1;
    if (g && int_arg(vm, g, &gen) < 0)
        return NULL;
    if (gen < 0 || gen >= GS_NUM_GENERATIONS) {
        gs_raise(vm, vm->e_ValueError, "invalid generation");
        return NULL;
    }
    int64_t n = gs_gc_collect(vm, (int)gen, 0);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *gc_enable(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("enable", GC_NOARGS);
    vm->gc_enabled = true;
    return GS_NONE(vm);
}

static gs_Object *gc_disable(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("disable", GC_NOARGS);
    vm->gc_enabled = false;
    return GS_NONE(vm);
}

static gs_Object *gc_isenabled(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("isenabled", GC_NOARGS);
    return GS_BOOL(vm, vm->gc_enabled);
}

static gs_Object *gc_set_debug(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("set_debug", GC_O);
    int64_t f;
    if (int_arg(vm, args[0], &f) < 0)
        return NULL;
    vm->gc_debug = (int)f;
    return GS_NONE(vm);
}

static gs_Object *gc_get_debug(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("get_debug", GC_NOARGS);
    return gs_int_new(vm, vm->gc_debug);
}

static gs_Object *int_triple(gs_VM *vm, int a, int b, int c)
{
    /* the values are read before the tuple is allocated, as Py_BuildValue does */
    gs_Object *x = gs_int_new(vm, a), *y = gs_int_new(vm, b), *z = gs_int_new(vm, c);
    gs_Object *t = (x && y && z) ? gs_tuple_new(vm, 3) : NULL;
    if (!t) {
        gs_xdecref(vm, x);
        gs_xdecref(vm, y);
        gs_xdecref(vm, z);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, x);
    gs_tuple_init(vm, t, 1, y);
    gs_tuple_init(vm, t, 2, z);
    return t;
}

static gs_Object *gc_get_count(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("get_count", GC_NOARGS);
    return int_triple(vm, vm->gens[0].count, vm->gens[1].count, vm->gens[2].count);
}

static gs_Object *gc_get_threshold(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("get_threshold", GC_NOARGS);
    return int_triple(vm, vm->gens[0].threshold, vm->gens[1].threshold, vm->gens[2].threshold);
}

static gs_Object *gc_set_threshold(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "set_threshold() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 3) {
        gs_raise(vm, vm->e_TypeError, nargs < 1 ? "set_threshold() takes at least 1 argument (%d given)"
                                                : "set_threshold() takes at most 3 arguments (%d given)", nargs);
        return NULL;
    }
    int64_t v[3];
    for (int i = 0; i < nargs; i++)
        if (int_arg_style(vm, args[i], &v[i], true) < 0)
            return NULL;
    /* METH_VARARGS in CPython: the arguments came packed in a tuple */
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, nargs));
    for (int i = 0; i < nargs; i++)
        vm->gens[i].threshold = (int)v[i];
    if (vm->recording) /* a viewer shows "count 3 of 15" */
        gs_record(vm, GS_EV_GC_THRESHOLD, 0, 0, (uint32_t)vm->gens[0].threshold, (uint32_t)vm->gens[1].threshold,
                  (uint32_t)vm->gens[2].threshold);
    return GS_NONE(vm);
}

static int append_list(gs_VM *vm, gs_Object *result, gs_Object *head)
{
    for (gs_Object *o = head->gc_next; o != head; o = o->gc_next)
        if (o != result && gs_list_append(vm, result, o) < 0)
            return -1;
    return 0;
}

static gs_Object *gc_get_objects(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int err;
    gs_Object *g = one_arg(vm, "get_objects", "generation", args, nargs, kwnames, &err);
    if (kwnames && kwnames->len)
        gs_clinic_parser_init(vm, GS_CLINIC_GC_GET_OBJECTS, 1);
    if (err)
        return NULL;
    int64_t gen = -1; /* also what CPython takes -1 to mean */
    if (g && g != vm->none) { /* _Py_convert_optional_to_ssize_t */
        if (GS_KIND(g) != GS_K_INT && GS_KIND(g) != GS_K_BOOL) {
            gs_raise(vm, vm->e_TypeError, "argument should be integer or None, not '%s'", gs_type_name(g));
            return NULL;
        }
        gen = ((gs_Int *)g)->value;
    }
    if (gen != -1) {
        if (gen >= GS_NUM_GENERATIONS) {
            gs_raise(vm, vm->e_ValueError,
                     "generation parameter must be less than the number of available generations (%i)",
                     GS_NUM_GENERATIONS);
            return NULL;
        }
        if (gen < 0) {
            gs_raise(vm, vm->e_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    gs_Object *result = gs_list_new(vm, 0);
    if (!result)
        return NULL;
    for (int i = 0; i < GS_NUM_GENERATIONS; i++) {
        if (gen != -1 && i != gen)
            continue;
        if (append_list(vm, result, gs_gc_generation(vm, i)) < 0) {
            gs_decref(vm, result);
            return NULL;
        }
    }
    return result;
}

static gs_Object *gc_get_stats(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("get_stats", GC_NOARGS);
    gs_GCStats snap[GS_NUM_GENERATIONS];
    memcpy(snap, vm->gc_stats, sizeof snap);
    gs_Object *result = gs_list_new(vm, 0);
    if (!result)
        return NULL;
    for (int i = 0; i < GS_NUM_GENERATIONS; i++) {
        gs_Object *d = gs_dict_new(vm);
        if (!d)
            goto fail;
        static const char *keys[3] = { "collections", "collected", "uncollectable" };
        int64_t vals[3] = { snap[i].collections, snap[i].collected, snap[i].uncollectable };
        for (int k = 0; k < 3; k++) {
            gs_Object *v = gs_int_new(vm, vals[k]);
            if (!v || gs_dict_set(vm, d, &gs_name(vm, keys[k])->ob, v) < 0) {
                gs_xdecref(vm, v);
                gs_decref(vm, d);
                goto fail;
            }
            gs_decref(vm, v);
        }
        int r = gs_list_append(vm, result, d);
        gs_decref(vm, d);
        if (r < 0)
            goto fail;
    }
    return result;
fail:
    gs_decref(vm, result);
    return NULL;
}

static bool is_gc_object(gs_Object *o) { return gs_is_gc_object(o); }

static gs_Object *gc_is_tracked(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("is_tracked", GC_O);
    return GS_BOOL(vm, is_gc_object(args[0]) && (args[0]->gcflags & GS_GC_TRACKED));
}

static gs_Object *gc_is_finalized(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("is_finalized", GC_O);
    return GS_BOOL(vm, is_gc_object(args[0]) && (args[0]->gcflags & GS_GC_FINALIZED));
}

typedef struct ReferrersCtx {
    gs_Object **objs;
    int n;
} ReferrersCtx;

static int referrers_visit(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    GS_UNUSED(vm);
    GS_UNUSED(holder);
    GS_UNUSED(cause);
    ReferrersCtx *cx = arg;
    for (int i = 0; i < cx->n; i++)
        if (cx->objs[i] == ref)
            return 1;
    return 0;
}

static gs_Object *gc_get_referrers(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (gs_no_kwargs(vm, "get_referrers", kwnames) < 0)
        return NULL;
    gs_Object *argt = gs_phantom_alloc(vm, vm->t_tuple, nargs); /* METH_VARARGS */
    gs_Object *result = gs_list_new(vm, 0);
    gs_phantom_free(vm, argt);
    if (!result)
        return NULL;
    ReferrersCtx cx = { args, nargs };
    for (int g = 0; g < GS_NUM_GENERATIONS; g++) {
        gs_Object *head = gs_gc_generation(vm, g);
        for (gs_Object *o = head->gc_next; o != head; o = o->gc_next) {
            if (o == result)
                continue;
            if (gs_traverse(vm, o, referrers_visit, &cx) && gs_list_append(vm, result, o) < 0) {
                gs_decref(vm, result);
                return NULL;
            }
        }
    }
    return result;
}

/* Whether a dict's keys are all str: CPython's dict_traverse then visits
 * only the values. */
static bool dict_keys_all_str(gs_Object *d)
{
    gs_DictTable *t = &((gs_Dict *)d)->t;
    for (int32_t i = 0; i < t->nentries; i++)
        if (t->entries[i].key && GS_KIND(t->entries[i].key) != GS_K_STR)
            return false;
    return true;
}

static int referents_visit(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    if (cause.kind == GS_CAUSE_KEY && GS_KIND(holder) == GS_K_DICT && dict_keys_all_str(holder))
        return 0;
    return gs_list_append(vm, arg, ref) < 0;
}

static gs_Object *gc_get_referents(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (gs_no_kwargs(vm, "get_referents", kwnames) < 0)
        return NULL;
    gs_Object *argt = gs_phantom_alloc(vm, vm->t_tuple, nargs); /* METH_VARARGS */
    gs_Object *result = gs_list_new(vm, 0);
    gs_phantom_free(vm, argt);
    if (!result)
        return NULL;
    for (int i = 0; i < nargs; i++) {
        if (!is_gc_object(args[i]))
            continue;
        if (gs_traverse(vm, args[i], referents_visit, result)) {
            gs_decref(vm, result);
            return NULL;
        }
    }
    return result;
}

static gs_Object *gc_freeze(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("freeze", GC_NOARGS);
    gs_gc_freeze(vm);
    return GS_NONE(vm);
}

static gs_Object *gc_unfreeze(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("unfreeze", GC_NOARGS);
    gs_gc_unfreeze(vm);
    return GS_NONE(vm);
}

static gs_Object *gc_get_freeze_count(GS_ARGS)
{
    GS_UNUSED_ARGS;
    CHECK_ARGS("get_freeze_count", GC_NOARGS);
    return gs_int_new(vm, gs_gc_generation_size(vm, GS_PERMANENT));
}

static const gs_MethodDef gc_functions[] = {
    { "enable", gc_enable, 0, -1, GS_KW }, { "disable", gc_disable, 0, -1, GS_KW },
    { "isenabled", gc_isenabled, 0, -1, GS_KW }, { "set_debug", gc_set_debug, 0, -1, GS_KW },
    { "get_debug", gc_get_debug, 0, -1, GS_KW }, { "get_count", gc_get_count, 0, -1, GS_KW },
    { "set_threshold", gc_set_threshold, 0, -1, GS_KW }, { "get_threshold", gc_get_threshold, 0, -1, GS_KW },
    { "collect", gc_collect_fn, 0, -1, GS_KW }, { "get_objects", gc_get_objects, 0, -1, GS_KW },
    { "get_stats", gc_get_stats, 0, -1, GS_KW }, { "is_tracked", gc_is_tracked, 0, -1, GS_KW },
    { "is_finalized", gc_is_finalized, 0, -1, GS_KW }, { "get_referrers", gc_get_referrers, 0, -1, GS_KW },
    { "get_referents", gc_get_referents, 0, -1, GS_KW }, { "freeze", gc_freeze, 0, -1, GS_KW },
    { "unfreeze", gc_unfreeze, 0, -1, GS_KW }, { "get_freeze_count", gc_get_freeze_count, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, false },
};

gs_Object *gs_module_gc(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "gc");
    if (!m)
        return NULL;
    /* module functions are bound to the module (CPython's m_self), so each
     * holds a reference to it */
    if (gs_module_add_functions(vm, m, gc_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    if (!vm->gc_garbage)
        vm->gc_garbage = gs_list_new(vm, 0);
    if (!vm->gc_callbacks)
        vm->gc_callbacks = gs_list_new(vm, 0);
    if (!vm->gc_garbage || !vm->gc_callbacks) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "garbage", gs_newref(vm, vm->gc_garbage));
    gs_module_add(vm, m, "callbacks", gs_newref(vm, vm->gc_callbacks));
    gs_module_add(vm, m, "DEBUG_STATS", gs_int_new(vm, GS_DEBUG_STATS));
    gs_module_add(vm, m, "DEBUG_COLLECTABLE", gs_int_new(vm, GS_DEBUG_COLLECTABLE));
    gs_module_add(vm, m, "DEBUG_UNCOLLECTABLE", gs_int_new(vm, GS_DEBUG_UNCOLLECTABLE));
    gs_module_add(vm, m, "DEBUG_SAVEALL", gs_int_new(vm, GS_DEBUG_SAVEALL));
    gs_module_add(vm, m, "DEBUG_LEAK", gs_int_new(vm, GS_DEBUG_LEAK));
    return m;
}

