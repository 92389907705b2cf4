/*
 * future.c — the __future__ module (Lib/__future__.py): one _Feature object
 * per feature name, with the release it was added in, the release it
 * became the default in and its compiler flag, and the names listed in
 * all_feature_names.  The compiler checks `from __future__ import NAME`
 * (lang/compiler.c, future_parse); at run time the statement imports this
 * module like any other, binding the _Feature objects.
 *
 * _Feature is a Python class in CPython: its instances keep three
 * attributes (optional, mandatory, compiler_flag) and print as
 * "_Feature((2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 1048576)".
 */
#include <stdio.h>

#include "modutil.h"

typedef struct FeatureDef {
    const char *name;
    int opt[4];              /* major, minor, micro, serial of the optional release */
    const char *opt_level;
    int mand[4];             /* the mandatory release; mand_level NULL: None */
    const char *mand_level;
    int64_t flag;
} FeatureDef;

static const FeatureDef features[] = {
    { "nested_scopes", { 2, 1, 0, 1 }, "beta", { 2, 2, 0, 0 }, "alpha", 0x0010 },
    { "generators", { 2, 2, 0, 1 }, "alpha", { 2, 3, 0, 0 }, "final", 0 },
    { "division", { 2, 2, 0, 2 }, "alpha", { 3, 0, 0, 0 }, "alpha", 0x20000 },
    { "absolute_import", { 2, 5, 0, 1 }, "alpha", { 3, 0, 0, 0 }, "alpha", 0x40000 },
    { "with_statement", { 2, 5, 0, 1 }, "alpha", { 2, 6, 0, 0 }, "alpha", 0x80000 },
    { "print_function", { 2, 6, 0, 2 }, "alpha", { 3, 0, 0, 0 }, "alpha", 0x100000 },
    { "unicode_literals", { 2, 6, 0, 2 }, "alpha", { 3, 0, 0, 0 }, "alpha", 0x200000 },
    { "barry_as_FLUFL", { 3, 1, 0, 2 }, "alpha", { 4, 0, 0, 0 }, "alpha", 0x400000 },
    { "generator_stop", { 3, 5, 0, 1 }, "beta", { 3, 7, 0, 0 }, "alpha", 0x800000 },
    { "annotations", { 3, 7, 0, 1 }, "beta", { 0, 0, 0, 0 }, NULL, 0x1000000 },
};

static const struct { const char *name; int64_t value; } co_flags[] = {
    { "CO_NESTED", 0x0010 },
    { "CO_GENERATOR_ALLOWED", 0 },
    { "CO_FUTURE_DIVISION", 0x20000 },
    { "CO_FUTURE_ABSOLUTE_IMPORT", 0x40000 },
    { "CO_FUTURE_WITH_STATEMENT", 0x80000 },
    { "CO_FUTURE_PRINT_FUNCTION", 0x100000 },
    { "CO_FUTURE_UNICODE_LITERALS", 0x200000 },
    { "CO_FUTURE_BARRY_AS_BDFL", 0x400000 },
    { "CO_FUTURE_GENERATOR_STOP", 0x800000 },
    { "CO_FUTURE_ANNOTATIONS", 0x1000000 },
};

/* (major, minor, micro, level, serial), as sys.version_info */
static gs_Object *release(gs_VM *vm, const int v[4], const char *level)
{
    if (!level)
        return GS_NONE(vm);
    gs_Object *t = gs_tuple_new(vm, 5);
    if (!t)
        return NULL;
    gs_tuple_init(vm, t, 0, gs_int_new(vm, v[0]));
    gs_tuple_init(vm, t, 1, gs_int_new(vm, v[1]));
    gs_tuple_init(vm, t, 2, gs_int_new(vm, v[2]));
    gs_tuple_init(vm, t, 3, gs_str_intern(vm, level, strlen(level)));
    gs_tuple_init(vm, t, 4, gs_int_new(vm, v[3]));
    return t;
}

static gs_Object *attr(gs_VM *vm, gs_Object *self, const char *name) { return gs_getattr(vm, self, gs_name(vm, name)); }

/* "_Feature" + repr((self.optional, self.mandatory, self.compiler_flag)) */
static gs_Object *feature_repr(GS_ARGS)
{
    static const gs_PySig sig = { "_Feature.__repr__", NULL, 0, 0, 0, 1 };
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, NULL) < 0)
        return NULL;
    gs_Object *o = attr(vm, self, "optional");
    gs_Object *m = o ? attr(vm, self, "mandatory") : NULL;
    gs_Object *f = m ? attr(vm, self, "compiler_flag") : NULL;
    gs_Object *t = f ? gs_tuple_pack(vm, 3, o, m, f) : NULL;
    gs_xdecref(vm, o);
    gs_xdecref(vm, m);
    gs_xdecref(vm, f);
    gs_Object *r = t ? gs_repr(vm, t) : NULL;
    gs_xdecref(vm, t);
    if (!r)
        return NULL;
    gs_Object *res = gs_str_printf(vm, "_Feature%s", ((gs_Str *)r)->data);
    gs_decref(vm, r);
    return res;
}

static gs_Object *feature_optional(GS_ARGS)
{
    static const gs_PySig sig = { "_Feature.getOptionalRelease", NULL, 0, 0, 0, 1 };
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, NULL) < 0)
        return NULL;
    return attr(vm, self, "optional");
}

static gs_Object *feature_mandatory(GS_ARGS)
{
    static const gs_PySig sig = { "_Feature.getMandatoryRelease", NULL, 0, 0, 0, 1 };
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, NULL) < 0)
        return NULL;
    return attr(vm, self, "mandatory");
}

static int set_steal(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    if (!v)
        return -1;
    int r = gs_setattr(vm, o, gs_name(vm, name), v);
    gs_decref(vm, v);
    return r;
}

/* _Feature(optionalRelease, mandatoryRelease, compiler_flag) */
static gs_Object *feature_new(GS_ARGS)
{
    static const char *const names[] = { "optionalRelease", "mandatoryRelease", "compiler_flag" };
    static const gs_PySig sig = { "_Feature.__init__", names, 3, 3, 0, 1 };
    gs_Object *a[3];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *o = gs_instance_new(vm, (gs_Type *)self);
    if (!o)
        return NULL;
    if (set_steal(vm, o, "optional", gs_newref(vm, a[0])) < 0 ||
        set_steal(vm, o, "mandatory", gs_newref(vm, a[1])) < 0 ||
        set_steal(vm, o, "compiler_flag", gs_newref(vm, a[2])) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

static const gs_MethodDef feature_methods[] = {
    { "__new__", feature_new, 0, -1, GS_KW },
    { "__repr__", feature_repr, 0, -1, GS_KW },
    { "getOptionalRelease", feature_optional, 0, -1, GS_KW },
    { "getMandatoryRelease", feature_mandatory, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_module_future(gs_VM *vm)
{
    gs_Type *t = gs_modtype_new(vm, "__future__._Feature", vm->t_object, NULL, true);
    gs_type_add_methods(vm, t, feature_methods);
    gs_Object *m = gs_module_new(vm, "__future__");
    if (!m)
        return NULL;
    int n = GS_COUNTOF(features);
    gs_Object *names = gs_list_new(vm, n);
    gs_Object *all = gs_list_new(vm, n + 1);
    if (!names || !all) {
        gs_xdecref(vm, names);
        gs_xdecref(vm, all);
        gs_decref(vm, m);
        return NULL;
    }
    gs_list_init(vm, all, 0, gs_str_intern(vm, "all_feature_names", 17));
    for (int i = 0; i < n; i++) {
        gs_list_init(vm, names, i, gs_str_intern(vm, features[i].name, strlen(features[i].name)));
        gs_list_init(vm, all, i + 1, gs_str_intern(vm, features[i].name, strlen(features[i].name)));
    }
    gs_module_add(vm, m, "all_feature_names", names);
    gs_module_add(vm, m, "__all__", all);
    for (int i = 0; i < GS_COUNTOF(co_flags); i++)
        gs_module_add(vm, m, co_flags[i].name, gs_int_new(vm, co_flags[i].value));
    gs_module_add(vm, m, "_Feature", gs_newref(vm, &t->ob));
    for (int i = 0; i < n; i++) {
        const FeatureDef *d = &features[i];
        gs_Object *argv[3] = { release(vm, d->opt, d->opt_level), release(vm, d->mand, d->mand_level),
                               gs_int_new(vm, d->flag) };
        gs_Object *f = argv[0] && argv[1] && argv[2] ? feature_new(vm, &t->ob, argv, 3, NULL) : NULL;
        for (int j = 0; j < 3; j++)
            gs_xdecref(vm, argv[j]);
        if (!f) {
            gs_decref(vm, m);
            return NULL;
        }
        gs_module_add(vm, m, d->name, f);
    }
    return m;
}

void gs_future_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "__future__", count, ctx);
}
