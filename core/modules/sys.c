/*
 * sys.c — the sys module: getrefcount (the number every lesson checks),
 * the recursion limit, exit, intern and the interpreter's description.
 */
#include <stdio.h>
#include <string.h>

#include "modules.h"

/* ================================================================== sys */

static gs_Object *sys_getrefcount(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = args[0];
    /* immortal-ish objects: a large stable number, as CPython shows for them */
    if (o->gcflags & GS_GC_STATIC)
        return gs_int_new(vm, 4294967295LL / 4);
    return gs_int_new(vm, (int64_t)o->refcnt);
}

static gs_Object *sys_getrecursionlimit(GS_ARGS) { GS_UNUSED_ARGS; return gs_int_new(vm, vm->recursion_limit); }

static gs_Object *sys_setrecursionlimit(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t v = 0; /* gcc -O2 cannot see as_int always sets it */
    if (gs_as_int(vm, args[0], &v) < 0)
        return NULL;
    if (v < 1) {
        gs_raise(vm, vm->e_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    if (v > 100000)
        v = 100000; /* the value stack is finite; deeper would exhaust it */
    vm->recursion_limit = (int)v;
    return GS_NONE(vm);
}

static gs_Object *sys_exit(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *a = nargs ? gs_tuple_pack(vm, 1, args[0]) : NULL;
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_SystemExit, a));
    return NULL;
}

static gs_Object *sys_intern(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "intern() argument 1 must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    gs_Str *s = (gs_Str *)args[0];
    return gs_str_intern(vm, s->data, (size_t)s->len);
}

/* sys.getsizeof(object[, default]): CPython's size of the object; a
 * TypeError from a class's __sizeof__ gives `default` instead, if given */
static gs_Object *sys_getsizeof(GS_ARGS)
{
    GS_UNUSED(self);
    int npos = gs_npos(nargs, kwnames);
    if (nargs > 2) {
        gs_raise(vm, vm->e_TypeError, "getsizeof() takes at most 2 arguments (%d given)", nargs);
        return NULL;
    }
    gs_Object *o = npos > 0 ? args[0] : gs_kwarg(vm, args, nargs, kwnames, "object");
    gs_Object *dflt = npos > 1 ? args[1] : gs_kwarg(vm, args, nargs, kwnames, "default");
    if (npos > 0 && gs_kwarg(vm, args, nargs, kwnames, "object")) {
        gs_raise(vm, vm->e_TypeError, "argument for getsizeof() given by name ('object') and position (1)");
        return NULL;
    }
    if (npos > 1 && gs_kwarg(vm, args, nargs, kwnames, "default")) {
        gs_raise(vm, vm->e_TypeError, "argument for getsizeof() given by name ('default') and position (2)");
        return NULL;
    }
    for (int i = 0; kwnames && i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        if (strcmp(k, "object") != 0 && strcmp(k, "default") != 0) {
            gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for getsizeof()", k);
            return NULL;
        }
    }
    if (!o) {
        gs_raise(vm, vm->e_TypeError, "getsizeof() missing required argument 'object' (pos 1)");
        return NULL;
    }
    gs_Object *r = gs_getsizeof(vm, o);
    if (!r && dflt && gs_exc_matches(vm, vm->e_TypeError)) {
        gs_clear_exc(vm);
        return gs_newref(vm, dflt);
    }
    return r;
}

/* sys is made when the VM starts (gs_builtins_init); importing it gives
 * that module */
gs_Object *gs_module_sys(gs_VM *vm)
{
    if (vm->sys_module)
        return gs_newref(vm, vm->sys_module);
    gs_Object *m = gs_module_new(vm, "sys");
    if (!m)
        return NULL;
    gs_module_add_fn(vm, m, "getrefcount", sys_getrefcount, 1, 1, false);
    gs_module_add_fn(vm, m, "getrecursionlimit", sys_getrecursionlimit, 0, 0, false);
    gs_module_add_fn(vm, m, "setrecursionlimit", sys_setrecursionlimit, 1, 1, false);
    gs_module_add_fn(vm, m, "exit", sys_exit, 0, 1, false);
    gs_module_add_fn(vm, m, "intern", sys_intern, 1, 1, false);
    gs_module_add_fn(vm, m, "getsizeof", sys_getsizeof, 0, -1, true);
    gs_Object *gso = gs_dict_get_str(vm, &((gs_Module *)m)->dict->ob, gs_name(vm, "getsizeof"));
    if (gso) /* METH_VARARGS | METH_KEYWORDS: a call packs its arguments (gc.get_count() sees them) */
        ((gs_Builtin *)gso)->varargs = GS_VARARGS;
    gs_module_add(vm, m, "maxsize", gs_int_new(vm, INT64_MAX));
    gs_module_add(vm, m, "version", gs_str_from_cstr(vm, "3.11.7 (gcscope model of CPython 3.11)"));
    gs_Object *vi = gs_tuple_new(vm, 5);
    if (vi) {
        gs_tuple_init(vm, vi, 0, gs_int_new(vm, 3));
        gs_tuple_init(vm, vi, 1, gs_int_new(vm, 11));
        gs_tuple_init(vm, vi, 2, gs_int_new(vm, 7));
        gs_tuple_init(vm, vi, 3, gs_str_from_cstr(vm, "final"));
        gs_tuple_init(vm, vi, 4, gs_int_new(vm, 0));
        gs_module_add(vm, m, "version_info", vi);
    }
    gs_module_add(vm, m, "stdout", gs_str_from_cstr(vm, "<stdout>"));
    gs_module_add(vm, m, "stderr", gs_str_from_cstr(vm, "<stderr>"));
    gs_module_add(vm, m, "platform", gs_str_from_cstr(vm, "linux"));
    return m;
}
