/*
 * sys.c — the sys module: getrefcount (the number every lesson checks),
 * the recursion limit, exit, intern and the interpreter's description.
 */
#include <float.h>
#include <stdio.h>
#include <string.h>

#include "modutil.h"

/* ================================================================== sys */

static gs_Object *sys_getrefcount(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *o = args[0];
    /* immortal-ish objects: a large stable number, as CPython shows for them */
    if (o->gcflags & GS_GC_STATIC)
        return gs_int_new(vm, 4294967295LL / 4);
    /* a str just printed: CPython's sys.stdout holds it too until it writes
     * its pending text (the picture does not draw that holder) */
    return gs_int_new(vm, (int64_t)o->refcnt + gs_textio_refs(vm, o));
}

static gs_Object *sys_utf8(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_intern(vm, "utf-8", 5);
}

static gs_Object *sys_getswitchinterval(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_float_new(vm, 0.005);
}

static gs_Object *sys_is_finalizing(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, vm->false_);
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

static gs_Object *sys_get_int_max_str_digits(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, vm->max_str_digits);
}

/* sys.set_int_max_str_digits(maxdigits): 0 lifts the limit; else at least
 * sys.int_info.str_digits_check_threshold (640) */
static gs_Object *sys_set_int_max_str_digits(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "maxdigits" };
    gs_Object *a[1] = { NULL };
    if (nargs == 0) { /* Argument Clinic's message */
        gs_raise(vm, vm->e_TypeError, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
        return NULL;
    }
    if (gs_pyargs(vm, "set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    int64_t v;
    if (gs_int_is_big(a[0])) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (gs_as_int(vm, a[0], &v) < 0)
        return NULL;
    if (v > INT32_MAX || v < INT32_MIN) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (v != 0 && v < 640) {
        gs_raise(vm, vm->e_ValueError, "maxdigits must be 0 or larger than 640");
        return NULL;
    }
    vm->max_str_digits = v;
    return GS_NONE(vm);
}

/* ================================================================== sys.stdout, sys.stderr
 *
 * The two text streams a program can write to: write(s) prints s as
 * print(s, end='', file=stream) does (through the same buffering model),
 * flush() and writelines(); `name`, `encoding` and `mode` as CPython's
 * TextIOWrappers have them.  Not GC-tracked: they are the interpreter's,
 * made before the program starts. */

typedef struct Stream {
    gs_Instance inst;
    int which; /* 0 stdout, 1 stderr */
} Stream;

/* sys.getsizeof of a TextIOWrapper: CPython's 192 bytes and its GC header
 * (tracked in CPython; the model's streams are the interpreter's) */
static size_t stream_size(const gs_Object *o)
{
    (void)o;
    return 208;
}

static const gs_NativeOps stream_ops = { sizeof(Stream), false, false, NULL, NULL, NULL, false, false, false, 0,
                                         NULL, NULL };

static bool stream_is_input(gs_VM *vm, gs_Object *self, bool want_input);

static gs_Object *stream_write(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (!stream_is_input(vm, self, false))
        return NULL;
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "write() argument must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    gs_Object *print = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "print"));
    gs_Object *names = gs_tuple_pack(vm, 2, gs_name(vm, "end"), gs_name(vm, "file"));
    if (!print || !names) {
        gs_xdecref(vm, names);
        return NULL;
    }
    gs_Object *argv[3] = { args[0], vm->empty_str, self };
    gs_Object *r = gs_call_object(vm, print, argv, 3, (gs_Tuple *)names); /* nargs counts the keywords */
    gs_decref(vm, names);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    return gs_int_new(vm, ((gs_Str *)args[0])->nchars);
}

static gs_Object *stream_writelines(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_write_each(vm, self, args[0], stream_write);
}

static gs_Object *stream_flush(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_NONE(vm);
}

static const char *stream_name(gs_Object *self)
{
    int w = ((Stream *)self)->which;
    return w == 2 ? "<stdin>" : w ? "<stderr>" : "<stdout>";
}

static const char *stream_mode(gs_Object *self) { return ((Stream *)self)->which == 2 ? "r" : "w"; }

static gs_Object *stream_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", stream_name(self),
                         stream_mode(self));
}

static gs_Object *stream_get_name(GS_ARGS) { GS_UNUSED_ARGS; return gs_str_from_cstr(vm, stream_name(self)); }
static gs_Object *stream_get_mode(GS_ARGS) { GS_UNUSED_ARGS; return gs_str_from_cstr(vm, stream_mode(self)); }
static gs_Object *stream_get_encoding(GS_ARGS) { GS_UNUSED_ARGS; return gs_str_from_cstr(vm, "utf-8"); }

/* Not a terminal: what the programs see under a test harness or a pipe */
static gs_Object *stream_isatty(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_BOOL(vm, false);
}

static bool stream_is_input(gs_VM *vm, gs_Object *self, bool want_input)
{
    if ((((Stream *)self)->which == 2) == want_input)
        return true;
    gs_raise(vm, vm->e_OSError, want_input ? "not readable" : "not writable"); /* io.UnsupportedOperation's text */
    return false;
}

/* sys.stdin's next line, its line end kept ('' at the end of input): the
 * same lines input() reads (the viewer and trace have none) */
static gs_Object *stdin_line(gs_VM *vm)
{
    size_t len = 0;
    char *line = vm->cfg.read_line ? vm->cfg.read_line(vm->cfg.read_ctx, &len) : NULL;
    if (!line)
        return gs_newref(vm, vm->empty_str);
    gs_Object *r = gs_str_new(vm, line, len);
    free(line);
    return r;
}

static gs_Object *stream_readline(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return stream_is_input(vm, self, true) ? stdin_line(vm) : NULL;
}

/* read() and readlines(): every line to the end of input */
static gs_Object *stdin_all(gs_VM *vm, gs_Object *self, bool as_list)
{
    if (!stream_is_input(vm, self, true))
        return NULL;
    if (!as_list) {
        gs_Buf b;
        gs_buf_init(&b);
        size_t len = 0;
        char *line;
        while (vm->cfg.read_line && (line = vm->cfg.read_line(vm->cfg.read_ctx, &len)) != NULL) {
            gs_buf_add(&b, line, len);
            free(line);
        }
        return gs_buf_to_str(vm, &b);
    }
    gs_Object *l = gs_list_new(vm, 0);
    while (l) {
        gs_Object *line = stdin_line(vm);
        if (!line || ((gs_Str *)line)->len == 0 || gs_list_append(vm, l, line) < 0) {
            bool failed = !line || ((gs_Str *)line)->len != 0;
            gs_xdecref(vm, line);
            if (failed) {
                gs_decref(vm, l);
                return NULL;
            }
            break;
        }
        gs_decref(vm, line);
    }
    return l;
}

static gs_Object *stream_read(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return stdin_all(vm, self, false);
}

static gs_Object *stream_readlines(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return stdin_all(vm, self, true);
}

static gs_Object *stream_iter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return stream_is_input(vm, self, true) ? gs_newref(vm, self) : NULL;
}

/* for line in sys.stdin: each line until the end of input */
static gs_Object *stream_next(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *line = stream_is_input(vm, self, true) ? stdin_line(vm) : NULL;
    if (line && ((gs_Str *)line)->len == 0) {
        gs_decref(vm, line);
        return NULL; /* exhausted (GS_ITERNEXT) */
    }
    return line;
}

static const gs_MethodDef stream_methods[] = {
    { "write", stream_write, 1, 1, false },   { "writelines", stream_writelines, 1, 1, false },
    { "flush", stream_flush, 0, 0, false },   { "__repr__", stream_repr, 0, 0, false },
    { "isatty", stream_isatty, 0, 0, false }, { "readline", stream_readline, 0, 1, false },
    { "read", stream_read, 0, 1, false },     { "readlines", stream_readlines, 0, 1, false },
    { "__iter__", stream_iter, 0, 0, false }, { "__next__", stream_next, 0, 0, GS_ITERNEXT },
    { NULL, NULL, 0, 0, false },
};

static gs_Object *make_stream(gs_VM *vm, gs_Type *t, int which)
{
    gs_Object *o = gs_native_new(vm, t);
    if (o)
        ((Stream *)o)->which = which;
    return o;
}

/* sys.exc_info(): (type, value, traceback) of the exception being handled */
static gs_Object *sys_exc_info(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *e = vm->handled;
    if (!e || GS_KIND(e) != GS_K_EXCEPTION)
        return gs_tuple_pack(vm, 3, vm->none, vm->none, vm->none);
    gs_Object *tb = ((gs_Exception *)e)->traceback;
    return gs_tuple_pack(vm, 3, &e->type->ob, e, tb ? tb : vm->none);
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
        gs_raise(vm, vm->e_TypeError, "intern() argument must be str, not %s", gs_type_name(args[0]));
        return NULL;
    }
    if (args[0]->type != vm->t_str) {
        gs_raise(vm, vm->e_TypeError, "can't intern %s", gs_type_name(args[0]));
        return NULL;
    }
    return gs_str_intern_obj(vm, (gs_Str *)args[0]);
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

/* sys._getframe([depth]): the frame object `depth` calls up (made if the
 * frame had none); a negative depth is 0, as in CPython */
static gs_Object *sys_getframe(GS_ARGS)
{
    GS_UNUSED_ARGS;
    int64_t depth = 0;
    if (nargs && gs_as_int(vm, args[0], &depth) < 0)
        return NULL;
    gs_Frame *f = vm->frame;
    while (depth > 0 && f) {
        f = f->back;
        depth--;
    }
    if (!f) {
        gs_raise(vm, vm->e_ValueError, "call stack is not deep enough");
        return NULL;
    }
    gs_Object *fo = gs_frame_object(vm, f);
    return fo ? gs_newref(vm, fo) : NULL;
}

/* ================================================================== sys.implementation, sys.flags
 *
 * CPython's sys.implementation is a types.SimpleNamespace and sys.flags a
 * struct sequence; here both are instances of small static types whose
 * repr lists their attributes in order: "namespace(name='cpython', ...)",
 * "sys.flags(debug=0, ...)".  sys.flags answers attribute access only (not
 * indexing). */

static const char *const k_namespace_type = "types.SimpleNamespace";
static const char *const k_flags_type = "sys.flags";
static const char *const k_version_type = "sys.version_info";
static const char *const k_float_info_type = "sys.float_info";
static const char *const k_int_info_type = "sys.int_info";

static gs_Object *attrs_repr(gs_VM *vm, gs_Object *self, const char *prefix)
{
    gs_Instance *in = (gs_Instance *)self;
    gs_DictTable *t = in->dict ? &in->dict->t : &in->attrs;
    if (gs_repr_enter(vm, self) > 0)
        return gs_str_printf(vm, "%s(...)", prefix);
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_adds(&b, prefix);
    gs_buf_addc(&b, '(');
    bool first = true;
    for (int32_t i = 0; i < t->nentries; i++) {
        gs_DictEntry *e = &t->entries[i];
        if (!e->key || GS_KIND(e->key) != GS_K_STR)
            continue;
        gs_Object *r = gs_repr(vm, e->value);
        if (!r) {
            gs_buf_free(&b);
            gs_repr_leave(vm, self);
            return NULL;
        }
        gs_buf_printf(&b, "%s%s=%s", first ? "" : ", ", ((gs_Str *)e->key)->data, ((gs_Str *)r)->data);
        gs_decref(vm, r);
        first = false;
    }
    gs_buf_addc(&b, ')');
    gs_repr_leave(vm, self);
    return gs_buf_to_str(vm, &b);
}

static gs_Object *namespace_repr(GS_ARGS) { GS_UNUSED_ARGS; return attrs_repr(vm, self, "namespace"); }
static gs_Object *flags_repr(GS_ARGS) { GS_UNUSED_ARGS; return attrs_repr(vm, self, "sys.flags"); }

static const gs_MethodDef namespace_methods[] = {
    { "__repr__", namespace_repr, 0, 0, false }, { NULL, NULL, 0, 0, false },
};
static const gs_MethodDef flags_methods[] = {
    { "__repr__", flags_repr, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static gs_Type *attrs_type(gs_VM *vm, const char *full, const char *module, const gs_MethodDef *methods)
{
    gs_Type *t = gs_type_new_builtin(vm, full, vm->t_object, GS_K_INSTANCE, 0);
    t->module = gs_name(vm, module);
    gs_type_add_methods(vm, t, methods);
    return t;
}

static void set_attr(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    if (o && v)
        gs_setattr(vm, o, gs_name(vm, name), v);
    gs_xdecref(vm, v);
}

static gs_Object *make_implementation(gs_VM *vm, gs_Object *version_info)
{
    gs_Object *ns = gs_instance_new(vm, attrs_type(vm, k_namespace_type, "types", namespace_methods));
    set_attr(vm, ns, "name", gs_str_from_cstr(vm, "cpython"));
    set_attr(vm, ns, "cache_tag", gs_str_from_cstr(vm, "cpython-311"));
    if (version_info)
        set_attr(vm, ns, "version", gs_newref(vm, version_info));
    set_attr(vm, ns, "hexversion", gs_int_new(vm, 0x030B02F0)); /* 3.11.2 final, as sys.version_info */
    set_attr(vm, ns, "_multiarch", gs_str_from_cstr(vm, "x86_64-linux-gnu"));
    return ns;
}

static gs_Object *make_flags(gs_VM *vm)
{
    gs_Object *fl = gs_instance_new(vm, attrs_type(vm, k_flags_type, "sys", flags_methods));
    static const char *const ints[] = { "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                        "no_user_site", "no_site", "ignore_environment", "verbose",
                                        "bytes_warning", "quiet", "hash_randomization", "isolated" };
    for (int i = 0; i < GS_COUNTOF(ints); i++)
        set_attr(vm, fl, ints[i], gs_int_new(vm, strcmp(ints[i], "hash_randomization") == 0));
    set_attr(vm, fl, "dev_mode", GS_BOOL(vm, false));
    set_attr(vm, fl, "utf8_mode", gs_int_new(vm, 0));
    set_attr(vm, fl, "warn_default_encoding", gs_int_new(vm, 0));
    set_attr(vm, fl, "safe_path", GS_BOOL(vm, false));
    set_attr(vm, fl, "int_max_str_digits", gs_int_new(vm, -1));
    return fl;
}

/* The refcount check: the dicts of sys's static types are held by the
 * types, which no object traverses (as for the other static types). */
void gs_sys_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_Str *a = gs_name(vm, k_namespace_type), *b = gs_name(vm, k_flags_type), *c = gs_name(vm, k_version_type);
    gs_Str *d = gs_name(vm, k_float_info_type), *e = gs_name(vm, k_int_info_type);
    for (gs_Type *t = vm->static_types; t; t = (gs_Type *)t->ob.gc_next)
        if ((t->name == a || t->name == b || t->name == c || t->name == d || t->name == e) && t->dict)
            count(ctx, &t->dict->ob);
}

/* `import builtins`: the module made at VM start over the built-ins' dict,
 * which is also __main__'s __builtins__ */
gs_Object *gs_module_builtins(gs_VM *vm)
{
    if (!vm->builtins_module) {
        gs_raise(vm, vm->e_ImportError, "No module named 'builtins'");
        return NULL;
    }
    return gs_newref(vm, vm->builtins_module);
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
    gs_module_add_fn(vm, m, "exc_info", sys_exc_info, 0, 0, false);
    gs_module_add_fn(vm, m, "get_int_max_str_digits", sys_get_int_max_str_digits, 0, 0, false);
    gs_module_add_fn(vm, m, "set_int_max_str_digits", sys_set_int_max_str_digits, 0, -1, true);
    gs_module_add_fn(vm, m, "intern", sys_intern, 1, 1, false);
    gs_module_add_fn(vm, m, "getsizeof", sys_getsizeof, 0, -1, true);
    gs_Object *gso = gs_dict_get_str(vm, &((gs_Module *)m)->dict->ob, gs_name(vm, "getsizeof"));
    if (gso) /* METH_VARARGS | METH_KEYWORDS: a call packs its arguments (gc.get_count() sees them) */
        ((gs_Builtin *)gso)->varargs = GS_VARARGS;
    gs_module_add_fn(vm, m, "_getframe", sys_getframe, 0, 1, false);
    gs_module_add(vm, m, "maxsize", gs_int_new(vm, INT64_MAX));
    gs_module_add(vm, m, "version", gs_str_from_cstr(vm, "3.11.2 (gcscope model of CPython 3.11)"));
    /* the oracle's version, Debian 12's python3.11 (3.11.2) */
    static const char *const vi_fields[] = { "major", "minor", "micro", "releaselevel", "serial", NULL };
    gs_Object *vals[5] = { gs_int_new(vm, 3), gs_int_new(vm, 11), gs_int_new(vm, 2), gs_str_from_cstr(vm, "final"),
                           gs_int_new(vm, 0) };
    gs_Object *vi = gs_structseq_new(vm, gs_structseq_type(vm, k_version_type, vi_fields, 5), vals, 5);
    if (vi)
        gs_module_add(vm, m, "version_info", gs_newref(vm, vi));
    gs_module_add(vm, m, "hexversion", gs_int_new(vm, 0x030B02F0));
    /* sys.float_info and sys.int_info, as 64-bit Linux's CPython 3.11 has them */
    static const char *const fi_fields[] = { "max",     "max_exp",  "max_10_exp", "min",   "min_exp", "min_10_exp",
                                             "dig",     "mant_dig", "epsilon",    "radix", "rounds",  NULL };
    gs_Object *fv[11] = { gs_float_new(vm, DBL_MAX),     gs_int_new(vm, DBL_MAX_EXP), gs_int_new(vm, DBL_MAX_10_EXP),
                          gs_float_new(vm, DBL_MIN),     gs_int_new(vm, DBL_MIN_EXP), gs_int_new(vm, DBL_MIN_10_EXP),
                          gs_int_new(vm, DBL_DIG),       gs_int_new(vm, DBL_MANT_DIG), gs_float_new(vm, DBL_EPSILON),
                          gs_int_new(vm, FLT_RADIX),     gs_int_new(vm, 1) };
    gs_module_add(vm, m, "float_info", gs_structseq_new(vm, gs_structseq_type(vm, k_float_info_type, fi_fields, 11), fv, 11));
    static const char *const ii_fields[] = { "bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                             "str_digits_check_threshold", NULL };
    gs_Object *iv[4] = { gs_int_new(vm, 30), gs_int_new(vm, 4), gs_int_new(vm, 4300), gs_int_new(vm, 640) };
    gs_module_add(vm, m, "int_info", gs_structseq_new(vm, gs_structseq_type(vm, k_int_info_type, ii_fields, 4), iv, 4));
    /* sys.argv: the script as it was named */
    gs_Object *argv = gs_list_new(vm, 1);
    if (argv)
        gs_list_init(vm, argv, 0, gs_str_from_cstr(vm, vm->cfg.argv0 ? vm->cfg.argv0 : vm->filename ? vm->filename : ""));
    gs_module_add(vm, m, "argv", argv);
    /* what a program may print about the interpreter: Debian 12's python3.11
     * (sys.path[0], the script's directory, is set when the program loads) */
    gs_module_add(vm, m, "byteorder", gs_str_from_cstr(vm, "little"));
    gs_module_add(vm, m, "maxunicode", gs_int_new(vm, 0x10FFFF));
    gs_module_add(vm, m, "executable", gs_str_from_cstr(vm, "/usr/bin/python3.11"));
    gs_module_add(vm, m, "prefix", gs_str_from_cstr(vm, "/usr"));
    gs_module_add(vm, m, "base_prefix", gs_str_from_cstr(vm, "/usr"));
    gs_module_add(vm, m, "exec_prefix", gs_str_from_cstr(vm, "/usr"));
    gs_module_add(vm, m, "base_exec_prefix", gs_str_from_cstr(vm, "/usr"));
    gs_module_add(vm, m, "platlibdir", gs_str_from_cstr(vm, "lib"));
    gs_module_add(vm, m, "float_repr_style", gs_str_from_cstr(vm, "short"));
    gs_module_add(vm, m, "api_version", gs_int_new(vm, 1013));
    static const char *const path[] = { "", "/usr/lib/python311.zip", "/usr/lib/python3.11",
                                        "/usr/lib/python3.11/lib-dynload", "/usr/local/lib/python3.11/dist-packages",
                                        "/usr/lib/python3/dist-packages", NULL };
    gs_module_add(vm, m, "path", gs_str_list(vm, path));
    gs_module_add_fn(vm, m, "getdefaultencoding", sys_utf8, 0, 0, false);
    gs_module_add_fn(vm, m, "getfilesystemencoding", sys_utf8, 0, 0, false);
    gs_module_add_fn(vm, m, "getswitchinterval", sys_getswitchinterval, 0, 0, false);
    gs_module_add_fn(vm, m, "is_finalizing", sys_is_finalizing, 0, 0, false);
    gs_module_add(vm, m, "implementation", make_implementation(vm, vi));
    gs_xdecref(vm, vi);
    gs_module_add(vm, m, "flags", make_flags(vm));
    gs_Type *st = gs_native_type_new(vm, "_io.TextIOWrapper", &stream_ops, stream_methods);
    st->var_size = stream_size;
    gs_type_add_getter(vm, st, "name", stream_get_name);
    gs_type_add_getter(vm, st, "mode", stream_get_mode);
    gs_type_add_getter(vm, st, "encoding", stream_get_encoding);
    gs_Object *out = make_stream(vm, st, 0), *err = make_stream(vm, st, 1);
    vm->std_stream[0] = out;
    vm->std_stream[1] = err;
    if (out) {
        gs_module_add(vm, m, "__stdout__", gs_newref(vm, out));
        gs_module_add(vm, m, "stdout", out);
    }
    if (err) {
        gs_module_add(vm, m, "__stderr__", gs_newref(vm, err));
        gs_module_add(vm, m, "stderr", err);
    }
    gs_Object *in = make_stream(vm, st, 2);
    if (in) {
        gs_module_add(vm, m, "__stdin__", gs_newref(vm, in));
        gs_module_add(vm, m, "stdin", in);
    }
    gs_module_add(vm, m, "platform", gs_str_from_cstr(vm, "linux"));
    return m;
}
