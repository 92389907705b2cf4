/*
 * args.c — checking the arguments of built-in functions and methods: counts,
 * keywords, integers, and the keyword tuples of Argument Clinic parsers.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== argument helpers */

int gs_check_args(gs_VM *vm, const char *name, int nargs, int min, int max)
{
    if (nargs >= min && (max < 0 || nargs <= max))
        return 0;
    if (min == max) {
        if (min == 0)
            gs_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", name, nargs);
        else if (min == 1)
            gs_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", name, nargs);
        else
            gs_raise(vm, vm->e_TypeError, "%s expected %d arguments, got %d", name, min, nargs);
    } else if (nargs < min)
        gs_raise(vm, vm->e_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s",
                 nargs);
    else
        gs_raise(vm, vm->e_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s",
                 nargs);
    return -1;
}

int gs_no_kwargs(gs_VM *vm, const char *name, gs_Tuple *kwnames)
{
    if (!kwnames || kwnames->len == 0)
        return 0;
    gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
    return -1;
}

gs_Object *gs_kwarg(gs_VM *vm, gs_Object **args, int nargs, gs_Tuple *kwnames, const char *name)
{
    GS_UNUSED(vm);
    if (!kwnames)
        return NULL;
    int npos = nargs - kwnames->len;
    for (int i = 0; i < kwnames->len; i++)
        if (strcmp(((gs_Str *)kwnames->items[i])->data, name) == 0)
            return args[npos + i];
    return NULL;
}


int gs_check_kw_allowed(gs_VM *vm, const char *fname, gs_Tuple *kwnames, const char **allowed)
{
    if (!kwnames)
        return 0;
    for (int i = 0; i < kwnames->len; i++) {
        const char *k = ((gs_Str *)kwnames->items[i])->data;
        bool ok = false;
        for (const char **a = allowed; *a; a++)
            if (strcmp(*a, k) == 0)
                ok = true;
        if (!ok) {
            gs_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, k);
            return -1;
        }
    }
    return 0;
}

int gs_as_int(gs_VM *vm, gs_Object *o, int64_t *out)
{
    if (gs_int_is_big(o)) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    if (GS_KIND(o) == GS_K_INT) {
        *out = ((gs_Int *)o)->value;
        return 0;
    }
    if (GS_KIND(o) == GS_K_BOOL) {
        *out = o == vm->true_;
        return 0;
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object cannot be interpreted as an integer", gs_type_name(o));
    return -1;
}

/* ================================================================== builtin functions */

/* An Argument Clinic parser (_PyArg_Parser) makes the tuple of its keyword
 * names the first time it parses keywords (for print, with its *args, the
 * first call at all); the tuple lives as long as the process.  gc.get_count()
 * sees it once.  gc's own parsers' tuples are real objects (gc.get_objects()
 * lists them, as a program comparing two calls' lengths sees: the corpus's
 * test_get_objects_arguments); the others stay phantoms, out of the heap a
 * viewer shows. */

static bool clinic_is_real(int which) { return which == GS_CLINIC_GC_COLLECT || which == GS_CLINIC_GC_GET_OBJECTS; }

void gs_clinic_parser_init(gs_VM *vm, int which, int nkeywords)
{
    if (vm->clinic_kwtuples[which])
        return;
    if (!clinic_is_real(which)) {
        vm->clinic_kwtuples[which] = gs_phantom_alloc(vm, vm->t_tuple, nkeywords);
        return;
    }
    /* gc.collect's and gc.get_objects' one keyword */
    gs_Object *name = gs_str_intern(vm, "generation", 10);
    gs_Object *t = name ? gs_tuple_pack(vm, 1, name) : NULL;
    gs_xdecref(vm, name);
    if (!t) {
        gs_clear_exc(vm); /* (out of memory: the model then lacks it, no more) */
        return;
    }
    vm->clinic_kwtuples[which] = t;
}

/* the real ones, for refcheck's roots */
void gs_clinic_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    for (int i = 0; i < GS_CLINIC_COUNT; i++)
        if (clinic_is_real(i) && vm->clinic_kwtuples[i])
            count(ctx, vm->clinic_kwtuples[i]);
}

void gs_clinic_free(gs_VM *vm)
{
    for (int i = 0; i < GS_COUNTOF(vm->clinic_kwtuples); i++) {
        gs_Object *t = vm->clinic_kwtuples[i];
        vm->clinic_kwtuples[i] = NULL;
        if (i < GS_CLINIC_COUNT && clinic_is_real(i))
            gs_xdecref(vm, t);
        else
            gs_phantom_free(vm, t);
    }
}

/* The names of missing parameters as CPython lists them: 'a', 'a' and 'b',
 * 'a', 'b', and 'c'. */
static void missing_names(gs_Buf *b, const char *const *names, const int *which, int n)
{
    for (int i = 0; i < n; i++) {
        if (i > 0)
            gs_buf_adds(b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        gs_buf_printf(b, "'%s'", names[which[i]]);
    }
}

int gs_pyargs(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames,
              const char *const *names, int nparams, int npos_max, int nreq, gs_Object **out)
{
    int npos = gs_npos(nargs, kwnames);
    for (int i = 0; i < nparams; i++)
        out[i] = NULL;
    if (npos > npos_max) {
        /* a method's counts include self: "Cls.meth()" names a method */
        int s = strchr(fname, '.') ? 1 : 0;
        int ndef = npos_max - nreq;
        if (ndef > 0)
            gs_raise(vm, vm->e_TypeError, "%s() takes from %d to %d positional arguments but %d were given", fname,
                     nreq + s, npos_max + s, npos + s);
        else
            gs_raise(vm, vm->e_TypeError, "%s() takes %d positional argument%s but %d %s given", fname, npos_max + s,
                     npos_max + s == 1 ? "" : "s", npos + s, npos + s == 1 ? "was" : "were");
        return -1;
    }
    for (int i = 0; i < npos; i++)
        out[i] = args[i];
    for (int k = 0; kwnames && k < kwnames->len; k++) {
        const char *kn = ((gs_Str *)kwnames->items[k])->data;
        int j = 0;
        while (j < nparams && strcmp(names[j], kn) != 0)
            j++;
        if (j == nparams) {
            gs_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn);
            return -1;
        }
        if (out[j]) {
            gs_raise(vm, vm->e_TypeError, "%s() got multiple values for argument '%s'", fname, kn);
            return -1;
        }
        out[j] = args[npos + k];
    }
    int miss[16], nmiss = 0;
    for (int i = 0; i < nreq && i < npos_max; i++)
        if (!out[i] && nmiss < 16)
            miss[nmiss++] = i;
    if (nmiss) {
        gs_Buf b;
        gs_buf_init(&b);
        missing_names(&b, names, miss, nmiss);
        gs_raise(vm, vm->e_TypeError, "%s() missing %d required positional argument%s: %s", fname, nmiss,
                 nmiss == 1 ? "" : "s", b.data ? b.data : "");
        gs_buf_free(&b);
        return -1;
    }
    return 0;
}
