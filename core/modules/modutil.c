/*
 * modutil.c — helpers the modules written in C share (see modutil.h):
 * Python-style argument binding with CPython's messages, real numbers,
 * arithmetic on objects, and the built-in types modules define.
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

/* ================================================================== binding like a Python def */

/* CPython's missing_arguments: "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void raise_missing(gs_VM *vm, const gs_PySig *sig, gs_Object **out, int from, int to, const char *kind)
{
    const char *names[64];
    int n = 0;
    for (int i = from; i < to && n < 64; i++)
        if (!out[i])
            names[n++] = sig->names[i];
    gs_Buf b;
    gs_buf_init(&b);
    for (int i = 0; i < n; i++) {
        gs_buf_printf(&b, "'%s'", names[i]);
        if (n == 2 && i == 0)
            gs_buf_adds(&b, " and ");
        else if (n > 2 && i < n - 2)
            gs_buf_adds(&b, ", ");
        else if (n > 2 && i == n - 2)
            gs_buf_adds(&b, ", and ");
    }
    gs_raise(vm, vm->e_TypeError, "%s() missing %d required %s argument%s: %s", sig->qualname, n, kind,
             n == 1 ? "" : "s", b.data ? b.data : "");
    gs_buf_free(&b);
}

/* CPython's too_many_positional */
static void raise_too_many(gs_VM *vm, const gs_PySig *sig, int given, int kwonly_given)
{
    int argcount = sig->npos + sig->self;
    int defcount = sig->npos - sig->nreq;
    char sigtext[64], kwtext[96] = "";
    bool plural = argcount != 1;
    if (defcount) {
        plural = true;
        snprintf(sigtext, sizeof sigtext, "from %d to %d", argcount - defcount, argcount);
    } else
        snprintf(sigtext, sizeof sigtext, "%d", argcount);
    if (kwonly_given)
        snprintf(kwtext, sizeof kwtext, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    gs_raise(vm, vm->e_TypeError, "%s() takes %s positional argument%s but %d%s %s given", sig->qualname, sigtext,
             plural ? "s" : "", given, kwtext, given == 1 && !kwonly_given ? "was" : "were");
}

static int pysig_bind(gs_VM *vm, const gs_PySig *sig, int posonly, bool varargs, gs_Object **args, int nargs,
                      gs_Tuple *kwnames, gs_Object **out, bool *rest);

int gs_pysig_bind(gs_VM *vm, const gs_PySig *sig, gs_Object **args, int nargs, gs_Tuple *kwnames, gs_Object **out)
{
    return pysig_bind(vm, sig, 0, false, args, nargs, kwnames, out, NULL);
}

int gs_pysig_bind_varkw(gs_VM *vm, const gs_PySig *sig, gs_Object **args, int nargs, gs_Tuple *kwnames,
                        gs_Object **out, bool *rest)
{
    return pysig_bind(vm, sig, 0, false, args, nargs, kwnames, out, rest);
}

int gs_pysig_bind_ex(gs_VM *vm, const gs_PySig *sig, int posonly, bool varargs, gs_Object **args, int nargs,
                     gs_Tuple *kwnames, gs_Object **out, bool *rest)
{
    return pysig_bind(vm, sig, posonly, varargs, args, nargs, kwnames, out, rest);
}

static int pysig_bind(gs_VM *vm, const gs_PySig *sig, int posonly, bool varargs, gs_Object **args, int nargs,
                      gs_Tuple *kwnames, gs_Object **out, bool *rest)
{
    int total = sig->npos + sig->nkwonly;
    int npos = gs_npos(nargs, kwnames);
    for (int i = 0; i < total; i++)
        out[i] = NULL;
    for (int i = 0; i < npos && i < sig->npos; i++)
        out[i] = args[i];
    /* keywords first, as CPython's initialize_locals (a positional-only
     * parameter's name is no keyword's) */
    for (int k = 0; kwnames && k < kwnames->len; k++) {
        const char *kn = ((gs_Str *)kwnames->items[k])->data;
        int j;
        for (j = posonly; j < total; j++)
            if (strcmp(sig->names[j], kn) == 0)
                break;
        if (j == total && !rest && posonly) {
            /* positional_only_passed_as_keyword: every such keyword, joined */
            gs_Buf b;
            gs_buf_init(&b);
            for (int i = 0; i < posonly; i++)
                for (int k2 = 0; k2 < kwnames->len; k2++)
                    if (strcmp(sig->names[i], ((gs_Str *)kwnames->items[k2])->data) == 0)
                        gs_buf_printf(&b, "%s%s", b.len ? ", " : "", sig->names[i]);
            if (b.len) {
                gs_raise(vm, vm->e_TypeError,
                         "%s() got some positional-only arguments passed as keyword arguments: '%s'", sig->qualname,
                         b.data);
                gs_buf_free(&b);
                return -1;
            }
            gs_buf_free(&b);
        }
        if (rest)
            rest[k] = j == total;
        if (j == total && rest)
            continue; /* it goes to **kwargs */
        if (j == total) {
            gs_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", sig->qualname, kn);
            return -1;
        }
        if (out[j]) {
            gs_raise(vm, vm->e_TypeError, "%s() got multiple values for argument '%s'", sig->qualname, kn);
            return -1;
        }
        out[j] = args[npos + k];
    }
    if (npos > sig->npos && !varargs) {
        int kwonly_given = 0;
        for (int j = sig->npos; j < total; j++)
            if (out[j])
                kwonly_given++;
        raise_too_many(vm, sig, npos + sig->self, kwonly_given);
        return -1;
    }
    for (int i = 0; i < sig->nreq; i++)
        if (!out[i]) {
            raise_missing(vm, sig, out, 0, sig->nreq, "positional");
            return -1;
        }
    return 0;
}

int gs_clinic_bind(gs_VM *vm, const char *fname, const char *const *names, int nnames, int posonly, int minpos,
                   int maxpos, gs_Object **args, int nargs, gs_Tuple *kwnames, gs_Object **out)
{
    int nkw = kwnames ? kwnames->len : 0;
    int npos = nargs - nkw;
    int maxargs = nnames;
    for (int i = 0; i < nnames; i++)
        out[i] = NULL;
    if (npos + nkw > maxargs) {
        gs_raise(vm, vm->e_TypeError, "%s() takes at most %d %sargument%s (%d given)", fname, maxargs,
                 npos == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", npos + nkw);
        return -1;
    }
    if (npos > maxpos) {
        if (maxpos == 0)
            gs_raise(vm, vm->e_TypeError, "%s() takes no positional arguments", fname);
        else
            gs_raise(vm, vm->e_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
                     minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", npos);
        return -1;
    }
    int minposonly = posonly < minpos ? posonly : minpos;
    if (npos < minposonly) {
        gs_raise(vm, vm->e_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
                 minposonly < maxpos ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s", npos);
        return -1;
    }
    for (int i = 0; i < npos; i++)
        out[i] = args[i];
    int left = nkw;
    for (int i = npos > posonly ? npos : posonly; i < maxargs; i++) {
        gs_Object *cur = NULL;
        for (int k = 0; left && k < nkw; k++)
            if (strcmp(((gs_Str *)kwnames->items[k])->data, names[i]) == 0)
                cur = args[npos + k];
        out[i] = cur;
        if (cur)
            left--;
        else if (i < minpos) {
            gs_raise(vm, vm->e_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    }
    if (left > 0) {
        for (int i = posonly; i < npos; i++)
            for (int k = 0; k < nkw; k++)
                if (strcmp(((gs_Str *)kwnames->items[k])->data, names[i]) == 0) {
                    gs_raise(vm, vm->e_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                             names[i], i + 1);
                    return -1;
                }
        for (int k = 0; k < nkw; k++) {
            const char *kn = ((gs_Str *)kwnames->items[k])->data;
            bool known = false;
            for (int i = posonly; i < maxargs; i++)
                if (strcmp(kn, names[i]) == 0)
                    known = true;
            if (!known) {
                gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for %s()", kn, fname);
                return -1;
            }
        }
    }
    return 0;
}

int gs_noargs(gs_VM *vm, const char *name, int nargs, gs_Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", name, nargs);
        return -1;
    }
    return 0;
}

int gs_onearg(gs_VM *vm, const char *name, int nargs, gs_Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        gs_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", name, nargs);
        return -1;
    }
    return 0;
}

/* ================================================================== numbers */

int64_t gs_intlike_value(gs_VM *vm, gs_Object *o)
{
    return GS_KIND(o) == GS_K_INT ? ((gs_Int *)o)->value : o == vm->true_;
}

int gs_index_arg(gs_VM *vm, gs_Object *o, int64_t *out)
{
    if (gs_int_is_big(o)) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    int r = gs_index_value(vm, o, out);
    if (r == 0)
        return gs_as_int(vm, o, out); /* its message */
    return r > 0 ? 0 : -1;
}

int gs_real_arg(gs_VM *vm, gs_Object *o, double *out)
{
    if (GS_KIND(o) == GS_K_FLOAT) {
        *out = ((gs_Float *)o)->value;
        return 0;
    }
    if (gs_is_intlike(o))
        return gs_int_to_double(vm, o, out);
    if (GS_KIND(o) == GS_K_INSTANCE) {
        /* a class with __float__, else __index__ */
        gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__float__"));
        bool is_float = m != NULL;
        if (!m)
            m = gs_type_lookup(o->type, gs_name(vm, "__index__"));
        if (m) {
            gs_Object *r = gs_call(vm, m, &o, 1, NULL);
            if (!r)
                return -1;
            if (is_float && GS_KIND(r) != GS_K_FLOAT) {
                gs_raise(vm, vm->e_TypeError, "%s.__float__ returned non-float (type %s)", gs_type_name(o),
                         gs_type_name(r));
                gs_decref(vm, r);
                return -1;
            }
            if (!is_float && !gs_is_intlike(r)) {
                gs_raise(vm, vm->e_TypeError, "__index__ returned non-int (type %s)", gs_type_name(r));
                gs_decref(vm, r);
                return -1;
            }
            *out = GS_KIND(r) == GS_K_FLOAT ? ((gs_Float *)r)->value : (double)gs_intlike_value(vm, r);
            gs_decref(vm, r);
            return 0;
        }
    }
    gs_raise(vm, vm->e_TypeError, "must be real number, not %s", gs_type_name(o));
    return -1;
}

gs_Object *gs_binop_steal(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    gs_Object *r = a && b ? gs_binary_op(vm, op, a, b, false) : NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return r;
}

gs_Object *gs_unary_op(gs_VM *vm, int which, gs_Object *a)
{
    static const char *const dunder[] = { "__neg__", "__pos__", "__invert__" };
    static const char *const sym[] = { "-", "+", "~" };
    gs_Str *name = gs_name(vm, dunder[which]);
    if ((a->type->flags & GS_TF_HEAP) && (GS_KIND(a) == GS_K_INT || GS_KIND(a) == GS_K_FLOAT)) {
        /* a class derived from int or float may define the operator */
        gs_Object *m = gs_type_lookup_slot(vm, a->type, name);
        if (m)
            return gs_call_object(vm, m, &a, 1, NULL);
    }
    if (gs_is_intlike(a)) {
        int64_t x = gs_intlike_value(vm, a);
        if (gs_int_is_big(a) || (which == GS_UNARY_NEG && x == INT64_MIN))
            return which == GS_UNARY_POS ? gs_newref(vm, a)
                                         : gs_big_unary(vm, which == GS_UNARY_NEG ? GS_BIG_NEG : GS_BIG_INVERT, a);
        return gs_int_new(vm, which == GS_UNARY_NEG ? -x : which == GS_UNARY_INVERT ? ~x : x);
    }
    if (GS_KIND(a) == GS_K_FLOAT && which != GS_UNARY_INVERT) {
        double x = ((gs_Float *)a)->value;
        return gs_float_new(vm, which == GS_UNARY_NEG ? -x : x);
    }
    if (GS_KIND(a) == GS_K_COMPLEX && which != GS_UNARY_INVERT) {
        gs_Complex *z = (gs_Complex *)a; /* complex_pos returns the very object */
        return which == GS_UNARY_NEG ? gs_complex_new(vm, -z->real, -z->imag) : gs_newref(vm, a);
    }
    gs_Object *m = gs_dispatches(a) ? gs_type_lookup_slot(vm, a->type, name) : NULL;
    if (m)
        return gs_call_object(vm, m, &a, 1, NULL);
    gs_raise(vm, vm->e_TypeError, "bad operand type for unary %s: '%s'", sym[which], gs_type_name(a));
    return NULL;
}

gs_Object *gs_call_method(gs_VM *vm, gs_Object *obj, const char *name, gs_Object **args, int nargs)
{
    gs_Str *n = gs_name(vm, name);
    gs_Kind k = GS_KIND(obj);
    /* _PyObject_GetMethod: only for the generic attribute lookup */
    if (k != GS_K_TYPE && k != GS_K_MODULE && k != GS_K_SUPER && !gs_is_proxy(obj) &&
        !(obj->type->hooks & (GS_HOOK_GETATTRIBUTE | GS_HOOK_GETATTR))) {
        gs_Object *m = gs_type_lookup(obj->type, n);
        if (m && (GS_KIND(m) == GS_K_FUNCTION ||
                  (GS_KIND(m) == GS_K_BUILTIN && ((gs_Builtin *)m)->owner && !((gs_Builtin *)m)->self &&
                   !(((gs_Builtin *)m)->varargs & GS_TPNEW)))) {
            gs_InstPart *in = gs_inst_part(obj);
            if (!in || gs_table_lookup_str(in->dict ? &in->dict->t : &in->attrs, n) < 0) {
                gs_Object *argv[nargs + 1];
                argv[0] = obj;
                for (int i = 0; i < nargs; i++)
                    argv[i + 1] = args[i];
                return gs_call_object(vm, m, argv, nargs + 1, NULL);
            }
        }
    }
    gs_Object *f = gs_getattr(vm, obj, n);
    if (!f)
        return NULL;
    gs_Object *r = gs_call_object(vm, f, args, nargs, NULL);
    gs_decref(vm, f);
    return r;
}

int gs_event_limit_check(gs_VM *vm)
{
    if (vm->limit_hit || (vm->cfg.max_events && vm->events > vm->cfg.max_events)) {
        vm->limit_hit = true;
        gs_raise(vm, vm->e_MemoryError, "event limit reached");
        return -1;
    }
    return 0;
}

int gs_compare_bool(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    gs_Object *r = gs_compare(vm, op, a, b);
    if (!r)
        return -1;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* ================================================================== types */

gs_Type *gs_modtype_new(gs_VM *vm, const char *full_name, gs_Type *base, const gs_NativeOps *native, bool basetype)
{
    gs_Type *t = gs_type_new_builtin(vm, full_name, base ? base : vm->t_object, GS_K_INSTANCE,
                                     basetype ? GS_TF_BASETYPE : 0);
    const char *dot = strrchr(full_name, '.');
    if (dot)
        t->module = (gs_Str *)gs_str_intern(vm, full_name, (size_t)(dot - full_name));
    t->native = native ? native : base ? base->native : NULL;
    if (!t->dict)
        t->dict = (gs_Dict *)gs_dict_new(vm);
    return t;
}


void gs_modtype_add_attr(gs_VM *vm, gs_Type *t, const char *name, gs_Object *v)
{
    if (!v)
        return;
    if (!t->dict && !(t->dict = (gs_Dict *)gs_dict_new(vm))) {
        gs_decref(vm, v);
        return;
    }
    gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, v);
    gs_decref(vm, v);
}

void gs_modtypes_count_roots(gs_VM *vm, const char *module, void (*count)(void *, gs_Object *), void *ctx)
{
    for (gs_Type *t = vm->static_types; t; t = (gs_Type *)t->ob.gc_next)
        if (t->dict && !t->native && t->module && strcmp(t->module->data, module) == 0)
            count(ctx, &t->dict->ob); /* (a native type's dict the builtins count: gs_builtins_count_roots) */
}

gs_Object *gs_str_list(gs_VM *vm, const char *const *names)
{
    int n = 0;
    while (names[n])
        n++;
    gs_Object *l = gs_list_new(vm, n);
    if (!l)
        return NULL;
    for (int i = 0; i < n; i++)
        gs_list_init(vm, l, i, gs_str_intern(vm, names[i], strlen(names[i])));
    return l;
}

void gs_native_set(gs_VM *vm, gs_Object *holder, gs_Object **field, uint32_t what, gs_Object *v)
{
    if (v)
        gs_incref_c(vm, v, GS_CAUSE(GS_CAUSE_INTERNAL, holder->id, what));
    gs_Object *old = *field;
    *field = v;
    gs_record_field(vm, holder, what, old, v);
    if (old)
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, holder->id, what));
}

/* ================================================================== warnings */

void gs_warn(gs_VM *vm, const char *category, const char *text)
{
    gs_Frame *f = vm->frame;
    if (!f || !f->globals || GS_KIND(f->globals) != GS_K_DICT || vm->exc)
        return;
    int line = f->lasti >= 0 && f->lasti < f->code->nops ? f->code->lines[f->lasti] : (int)vm->cur_line;
    gs_Str *regname = gs_name(vm, "__warningregistry__");
    gs_Object *reg = gs_dict_get_str(vm, f->globals, regname);
    if (!reg || GS_KIND(reg) != GS_K_DICT) {
        gs_Object *d = gs_dict_new(vm);
        if (!d || gs_dict_set(vm, f->globals, &regname->ob, d) < 0) {
            gs_xdecref(vm, d);
            gs_clear_exc(vm);
            return;
        }
        gs_decref(vm, d);
        reg = d;
    }
    gs_Object *ts = gs_str_from_cstr(vm, text);
    gs_Object *lo = gs_int_new(vm, line);
    gs_Object *key = ts && lo ? gs_tuple_pack(vm, 3, ts, &vm->e_Warning->ob, lo) : NULL;
    gs_xdecref(vm, ts);
    gs_xdecref(vm, lo);
    if (!key) {
        gs_clear_exc(vm);
        return;
    }
    bool seen = gs_dict_get(vm, reg, key) != NULL;
    if (!seen && gs_dict_set(vm, reg, key, vm->true_) < 0)
        gs_clear_exc(vm);
    gs_decref(vm, key);
    if (seen)
        return;
    gs_write_warning(vm, vm->filename, line, category, text);
}

void gs_warn_deprecated(gs_VM *vm, const char *text) { gs_warn(vm, "DeprecationWarning", text); }

/* ================================================================== struct sequences */

gs_Object *gs_structseq_new(gs_VM *vm, gs_Type *t, gs_Object **vals, int n)
{
    gs_Tuple *tp = (gs_Tuple *)gs_alloc(vm, t, sizeof(gs_Tuple) + (size_t)n * sizeof(gs_Object *));
    if (!tp) {
        for (int i = 0; i < n; i++)
            gs_xdecref(vm, vals[i]);
        return NULL;
    }
    tp->len = n;
    tp->hash = -1;
    memset(tp->items, 0, (size_t)n * sizeof(gs_Object *));
    gs_record_alloc(vm, &tp->ob);
    for (int i = 0; i < n; i++)
        gs_tuple_init(vm, &tp->ob, i, vals[i] ? vals[i] : GS_NONE(vm));
    gs_gc_track(vm, &tp->ob);
    return &tp->ob;
}

/* the field names: the type's __match_args__ (borrowed; NULL: none) */
static gs_Tuple *structseq_fields(gs_VM *vm, gs_Type *t)
{
    gs_Object *f = gs_type_lookup(t, gs_name(vm, "__match_args__"));
    return f && GS_KIND(f) == GS_K_TUPLE ? (gs_Tuple *)f : NULL;
}

static gs_Object *structseq_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Tuple *t = (gs_Tuple *)self, *f = structseq_fields(vm, self->type);
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%s(", self->type->name->data); /* tp_name: "time.struct_time" */
    for (int32_t i = 0; f && i < f->len && i < t->len; i++) {
        gs_Object *r = gs_repr(vm, t->items[i]);
        if (!r) {
            gs_buf_free(&b);
            return NULL;
        }
        gs_buf_printf(&b, "%s%s=%s", i ? ", " : "", ((gs_Str *)f->items[i])->data, ((gs_Str *)r)->data);
        gs_decref(vm, r);
    }
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

static gs_Object *structseq_item(gs_VM *vm, gs_Object *self, int i)
{
    gs_Tuple *t = (gs_Tuple *)self;
    return gs_newref(vm, i < t->len ? t->items[i] : GS_NONE(vm));
}

#define SEQ_FIELD(i)                                                                                                 \
    static gs_Object *seq_field_##i(GS_ARGS)                                                                         \
    {                                                                                                                \
        GS_UNUSED(args);                                                                                             \
        GS_UNUSED(nargs);                                                                                            \
        GS_UNUSED(kwnames);                                                                                          \
        return structseq_item(vm, self, i);                                                                          \
    }
SEQ_FIELD(0)
SEQ_FIELD(1)
SEQ_FIELD(2)
SEQ_FIELD(3)
SEQ_FIELD(4)
SEQ_FIELD(5)
SEQ_FIELD(6)
SEQ_FIELD(7)
SEQ_FIELD(8)
SEQ_FIELD(9)
SEQ_FIELD(10)
SEQ_FIELD(11)
SEQ_FIELD(12)
SEQ_FIELD(13)
SEQ_FIELD(14)
SEQ_FIELD(15)
static const gs_CFunc seq_fields[16] = { seq_field_0,  seq_field_1,  seq_field_2,  seq_field_3,
                                         seq_field_4,  seq_field_5,  seq_field_6,  seq_field_7,
                                         seq_field_8,  seq_field_9,  seq_field_10, seq_field_11,
                                         seq_field_12, seq_field_13, seq_field_14, seq_field_15 };

static const gs_MethodDef structseq_methods[] = {
    { "__repr__", structseq_repr, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

gs_Type *gs_structseq_type(gs_VM *vm, const char *full_name, const char *const *fields, int n_fields)
{
    gs_Type *t = gs_type_new_builtin(vm, full_name, vm->t_tuple, GS_K_TUPLE, 0);
    const char *dot = strrchr(full_name, '.');
    if (dot)
        t->module = (gs_Str *)gs_str_intern(vm, full_name, (size_t)(dot - full_name));
    if (!t->dict)
        t->dict = (gs_Dict *)gs_dict_new(vm);
    gs_type_add_methods(vm, t, structseq_methods);
    int n = 0;
    while (fields[n] && n < 16)
        n++;
    gs_Object *names = gs_tuple_new(vm, n);
    for (int i = 0; i < n; i++) {
        gs_type_add_getter(vm, t, fields[i], seq_fields[i]);
        if (names)
            gs_tuple_init(vm, names, i, gs_str_from_cstr(vm, fields[i]));
    }
    gs_modtype_add_attr(vm, t, "__match_args__", names);
    gs_modtype_add_attr(vm, t, "n_sequence_fields", gs_int_new(vm, n));
    gs_modtype_add_attr(vm, t, "n_fields", gs_int_new(vm, n_fields));
    gs_modtype_add_attr(vm, t, "n_unnamed_fields", gs_int_new(vm, 0));
    return t;
}

/* f.writelines(lines): write(line) for each (io.StringIO's, sys.stdout's) */
gs_Object *gs_write_each(gs_VM *vm, gs_Object *self, gs_Object *lines, gs_CFunc write)
{
    gs_Object *it = gs_iter(vm, lines), *line;
    if (!it)
        return NULL;
    while ((line = gs_next(vm, it)) != NULL) {
        gs_Object *r = write(vm, self, &line, 1, NULL);
        gs_decref(vm, line);
        if (!r)
            break;
        gs_decref(vm, r);
    }
    gs_decref(vm, it);
    return vm->exc ? NULL : GS_NONE(vm);
}

void gs_hold_own_type(gs_VM *vm, gs_Object *o, bool *holds)
{
    gs_incref_c(vm, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0));
    gs_record_field(vm, o, 0, NULL, &o->type->ob); /* the trace knows the reference, as a field's */
    *holds = true;
}

void gs_release_own_type(gs_VM *vm, gs_Object *o, bool *holds)
{
    if (*holds) {
        *holds = false;
        gs_record_field(vm, o, 0, &o->type->ob, NULL);
        gs_decref_c(vm, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0));
    }
}
