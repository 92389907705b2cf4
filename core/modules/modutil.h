/*
 * modutil.h — what the modules written in C share: binding arguments the
 * way a Python `def` binds them (CPython's messages for functions its
 * standard library writes in Python), numbers as C doubles, arithmetic on
 * objects, and the built-in types a module defines.
 */
#ifndef GS_MODUTIL_H
#define GS_MODUTIL_H

#include "modules.h"

/* The signature of a function CPython writes in Python:
 *     def qualname([self,] names[0], ..., names[npos-1], *, names[npos], ...)
 * the first `nreq` positional parameters have no default, the keyword-only
 * ones all have defaults.  `self` is 1 for a method: CPython's messages
 * count it among the positional arguments. */
typedef struct gs_PySig {
    const char *qualname;
    const char *const *names;
    int npos, nreq, nkwonly;
    int self;
} gs_PySig;

/* Bind a call's arguments to the parameters: out[i] is the argument of
 * names[i] (borrowed), or NULL when it was not given.  0, or -1 with
 * CPython's TypeError (missing, too many, unexpected or repeated
 * keyword). */
int gs_pysig_bind(gs_VM *vm, const gs_PySig *sig, gs_Object **args, int nargs, gs_Tuple *kwnames, gs_Object **out);
/* The same for a def with **kwargs: a keyword that names no parameter is
 * no error, rest[k] says so for kwnames->items[k] (rest has room for
 * every keyword). */
int gs_pysig_bind_varkw(gs_VM *vm, const gs_PySig *sig, gs_Object **args, int nargs, gs_Tuple *kwnames,
                        gs_Object **out, bool *rest);

/* The same for a def with positional-only parameters (the first
 * `posonly` names, before a `/`; self not counted) and, with `varargs`, a
 * *args after the positional ones: more positional arguments are no error
 * (the caller finds them at args[sig->npos..]).  rest as for
 * gs_pysig_bind_varkw, or NULL: no **kwargs. */
int gs_pysig_bind_ex(gs_VM *vm, const gs_PySig *sig, int posonly, bool varargs, gs_Object **args, int nargs,
                     gs_Tuple *kwnames, gs_Object **out, bool *rest);

/* Bind like Argument Clinic's _PyArg_UnpackKeywords (C functions that take
 * keywords): names[0..nnames) are the parameters, the first `posonly` only
 * by position, at most `maxpos` by position and at least `minpos` given;
 * the rest keyword-only.  out[i] borrowed, or NULL when not given.  0, or
 * -1 with CPython's TypeError ("bisect_right() missing required argument
 * 'x' (pos 2)", "'k' is an invalid keyword argument for f()" ...). */
int gs_clinic_bind(gs_VM *vm, const char *fname, const char *const *names, int nnames, int posonly, int minpos,
                   int maxpos, gs_Object **args, int nargs, gs_Tuple *kwnames, gs_Object **out);

/* No positional nor keyword arguments but what `name(...)` allows: the
 * messages of C functions (METH_NOARGS, METH_O). */
int gs_noargs(gs_VM *vm, const char *name, int nargs, gs_Tuple *kwnames);
int gs_onearg(gs_VM *vm, const char *name, int nargs, gs_Tuple *kwnames);

/* A real number as a double, as PyFloat_AsDouble (int, bool, float);
 * else TypeError "must be real number, not X". */
int gs_real_arg(gs_VM *vm, gs_Object *o, double *out);
static inline bool gs_is_real(gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    return k == GS_K_INT || k == GS_K_BOOL || k == GS_K_FLOAT;
}
/* operator.index(o) as int64_t: an int, a bool, or an instance whose class
 * has __index__; else "'X' object cannot be interpreted as an integer" */
int gs_index_arg(gs_VM *vm, gs_Object *o, int64_t *out);
/* an int (or bool) as int64_t */
static inline bool gs_is_intlike(gs_Object *o) { return GS_KIND(o) == GS_K_INT || GS_KIND(o) == GS_K_BOOL; }
int64_t gs_intlike_value(gs_VM *vm, gs_Object *o);

/* `a op b` (a GS_OP_* code), stealing both operands; NULL if either is
 * NULL (an error already set) or the operation raised. */
gs_Object *gs_binop_steal(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
/* -a, +a, ~a (new reference) as the evaluation loop's UNARY_NEGATIVE,
 * UNARY_POSITIVE and UNARY_INVERT do them: the built-in numbers' own,
 * else the class's __neg__ / __pos__ / __invert__, else "bad operand
 * type for unary -: 'X'" */
enum { GS_UNARY_NEG, GS_UNARY_POS, GS_UNARY_INVERT };
gs_Object *gs_unary_op(gs_VM *vm, int which, gs_Object *a);
/* obj.name(*args) as the evaluation loop's LOAD_METHOD and CALL do it: a
 * function or method descriptor found on obj's class (and not shadowed by
 * an instance attribute) is called with obj first, so no bound method is
 * made; else the attribute is looked up and called.  A new reference, or
 * NULL with CPython's error ("'int' object has no attribute 'x'"). */
gs_Object *gs_call_method(gs_VM *vm, gs_Object *obj, const char *name, gs_Object **args, int nargs);
/* A loop in C sees no line starts, where the VM stops a run past
 * --max-events: it asks here.  0, or -1 with the MemoryError "event limit
 * reached" that unwinds the run to the host. */
int gs_event_limit_check(gs_VM *vm);
/* a < b (or another GS_CMP_* code) as 0/1, -1 on error */
int gs_compare_bool(gs_VM *vm, int op, gs_Object *a, gs_Object *b);

/* A built-in type of a module, named "module.Name" as CPython's tp_name
 * (its __name__ is Name, its __module__ module); `native` gives its
 * instances C data (NULL: plain instances).  Lives as long as the VM. */
gs_Type *gs_modtype_new(gs_VM *vm, const char *full_name, gs_Type *base, const gs_NativeOps *native, bool basetype);
/* a class attribute (steals v) */
void gs_modtype_add_attr(gs_VM *vm, gs_Type *t, const char *name, gs_Object *v);

/* A struct sequence type (PyStructSequence: time.struct_time,
 * sys.version_info): a tuple type named "module.Name" whose first
 * n_seq items are the fields (NULL-terminated names, at most 16), read as
 * attributes, listed in __match_args__ and in its repr
 * "module.Name(f=v, ...)"; n_fields counts fields kept beyond the tuple
 * too. */
gs_Type *gs_structseq_type(gs_VM *vm, const char *full_name, const char *const *fields, int n_fields);
/* an instance of the n values (stolen; NULL ones are None) */
gs_Object *gs_structseq_new(gs_VM *vm, gs_Type *t, gs_Object **vals, int n);

/* For a module's count_roots hook (gs_ModuleDef): the dicts of the types
 * made by gs_modtype_new with this module name, which their types hold. */
void gs_modtypes_count_roots(gs_VM *vm, const char *module, void (*count)(void *, gs_Object *), void *ctx);

/* f.writelines(lines): write(f, line) for each line */
gs_Object *gs_write_each(gs_VM *vm, gs_Object *self, gs_Object *lines, gs_CFunc write);

/* A list of str made from C strings (the module's __all__). */
gs_Object *gs_str_list(gs_VM *vm, const char *const *names);

/* warnings.warn(text, DeprecationWarning, stacklevel=2) from a function
 * the program's own code called: CPython's default filters print it (to
 * stderr, with the calling line) once per line of __main__, keeping the
 * lines seen in the caller's globals, __warningregistry__. */
void gs_warn_deprecated(gs_VM *vm, const char *text);
/* the same for another category ("FutureWarning": re's "Possible nested set") */
void gs_warn(gs_VM *vm, const char *category, const char *text);

/* A field of a module object's C data changes: record it and move the
 * references (v borrowed; the old value released).  `what` names the field
 * (GS_NATIVE_FIELD and up, as the type's traverse visits it). */
void gs_native_set(gs_VM *vm, gs_Object *holder, gs_Object **field, uint32_t what, gs_Object *v);

/* An object of a heap type in CPython 3.11 (re.Pattern, array.array,
 * _thread.lock) holds a reference to its type, recorded as its field 0
 * (its traverse visits it first): take it (*holds set) or let it go. */
void gs_hold_own_type(gs_VM *vm, gs_Object *o, bool *holds);
void gs_release_own_type(gs_VM *vm, gs_Object *o, bool *holds);

#endif
