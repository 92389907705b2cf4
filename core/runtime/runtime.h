/*
 * runtime.h — the runtime's own API: what its files share with each other
 * and with the modules in core/modules/.  The rest of the project includes
 * object.h and vm.h only.
 */
#ifndef GS_RUNTIME_H
#define GS_RUNTIME_H

#include <stdlib.h>
#include <string.h>

#include "object.h"
#include "vm.h"

#define GS_UNUSED(x) ((void)(x))
#define GS_COUNTOF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A growable byte buffer (used for reprs, formatting and reports). */
typedef struct gs_Buf {
    char *data;
    size_t len, cap;
    bool oom;
} gs_Buf;

void gs_buf_init(gs_Buf *b);
void gs_buf_free(gs_Buf *b);
void gs_buf_add(gs_Buf *b, const char *s, size_t n);
void gs_buf_adds(gs_Buf *b, const char *s);
void gs_buf_addc(gs_Buf *b, char c);
void gs_buf_printf(gs_Buf *b, const char *fmt, ...);
char *gs_buf_steal(gs_Buf *b);                 /* NUL-terminated, malloc'd */
gs_Object *gs_buf_to_str(gs_VM *vm, gs_Buf *b); /* new str; frees the buffer */

/* Memory for objects and their arrays (object.c): the one place that
 * calls malloc and free for them.  Blocks are plain malloc blocks. */
void *gs_mem_alloc(gs_VM *vm, size_t size);
void gs_mem_free(gs_VM *vm, void *p);

/* types */
gs_Type *gs_type_new_builtin(gs_VM *vm, const char *name, gs_Type *base, gs_Kind inst_kind, uint8_t flags);
gs_Object *gs_class_new(gs_VM *vm, gs_Str *name, gs_Type *base, gs_Object *ns); /* class statement */
/* type.__new__(meta, name, bases, ns, **kwargs): bases a tuple of types (may
 * be empty), ns the namespace dict (copied); a new class, or NULL with the
 * exception CPython raises (MRO conflicts, layout conflicts, slots ...) */
gs_Object *gs_type_new(gs_VM *vm, gs_Type *meta, gs_Str *name, gs_Object *bases, gs_Object *ns,
                       gs_Object **kwargs, gs_Tuple *kwnames);
gs_Object *gs_type_new_from(gs_VM *vm, gs_Type *meta, gs_Str *name, gs_Type **bases, int32_t nbases, gs_Object *ns,
                            gs_Object **kwargs, gs_Tuple *kwnames); /* the same, bases a C array */
gs_Type *gs_type_calculate_meta(gs_VM *vm, gs_Type *meta, gs_Type **bases, int32_t nb); /* NULL: TypeError */
/* The MRO (the type first) and the bases of a type: arrays it owns, of
 * borrowed types; NULL only when out of memory. */
gs_Type **gs_type_mro(gs_Type *t, int32_t *n);
gs_Type **gs_type_bases(gs_Type *t, int32_t *n);
void gs_type_free_arrays(gs_Type *t);
gs_Type *gs_type_lookup_owner(gs_Type *t, gs_Str *name); /* the class in t's MRO whose dict has name, or NULL */
/* What a protocol (repr(), len(), +, == ...) calls for an object of class
 * t: the attribute of t's MRO, or NULL when it is the method of a core
 * built-in type (object.__repr__, list.__len__): the built-in behaviour
 * then applies, as CPython's inherited slots do.  Borrowed. */
gs_Object *gs_type_lookup_slot(gs_VM *vm, gs_Type *t, gs_Str *name);
/* Whether o's protocols look for Python methods: an instance of a class,
 * or an object of a class derived from a built-in type. */
static inline bool gs_dispatches(gs_Object *o)
{
    /* (weak references too: a proxy's type forwards every protocol, ref has __call__, __eq__, __hash__) */
    return GS_KIND(o) == GS_K_INSTANCE || GS_KIND(o) == GS_K_EXCEPTION || GS_KIND(o) == GS_K_WEAKREF ||
           (o->type->flags & GS_TF_HEAP);
}
void gs_type_update_hooks(gs_VM *vm, gs_Type *t);         /* recompute gs_Type.hooks */
/* the instance part of o (gs_InstPart: attributes, __dict__, weak
 * references), NULL if o has none (a built-in object) */
gs_InstPart *gs_inst_part(gs_Object *o);
gs_Object **gs_slot_values(gs_Object *o);                 /* o's __slots__ values, gs_type_nslots(o->type) of them */
int32_t gs_type_nslots(gs_Type *t);                       /* the slots objects of class t have */
int32_t gs_slot_index(gs_Type *t, gs_Str *name);          /* which one name is, or -1 */
/* dict views (dict.c): a view of type t (dict_keys ... or a type derived
 * from one) on dict d; which of the three o is, NULL if not a view */
gs_Object *gs_dict_view_new(gs_VM *vm, gs_Object *d, gs_Type *t);
gs_Type *gs_dict_view_base(gs_VM *vm, gs_Object *o);
int gs_slot_store(gs_VM *vm, gs_Object *o, int32_t si, gs_Object *v); /* set slot si (v NULL: empty it) */
gs_Object *gs_member_descr_new(gs_VM *vm, gs_Type *owner, int32_t si); /* the member_descriptor of owner's slot si */
/* a new getset_descriptor of owner's __dict__ (weakref false) or __weakref__, holding owner */
gs_Object *gs_getset_descr_new(gs_VM *vm, gs_Type *owner, bool weakref);
/* mappingproxy.c: a new read-only proxy of mapping (held), or NULL + TypeError when it is no mapping */
gs_Object *gs_mappingproxy_new(gs_VM *vm, gs_Object *mapping);
gs_Object *gs_mappingproxy_mapping(gs_VM *vm, gs_Object *o); /* o's mapping (borrowed), NULL: o is no mappingproxy */
void gs_mappingproxy_type_init(gs_VM *vm);
/* memoryview.c: memoryview(obj) (new ref; TypeError when obj has no buffer) */
gs_Object *gs_memoryview_new(gs_VM *vm, gs_Object *obj);
void gs_memoryview_type_init(gs_VM *vm);
size_t gs_class_extra_size(gs_Type *t, size_t builtin_size); /* bytes past an object's built-in part */
/* object.__getattribute__ / __setattr__ (v NULL: __delattr__): the generic
 * protocol, without the class's Python hooks */
gs_Object *gs_generic_getattr(gs_VM *vm, gs_Object *o, gs_Str *name);
/* slots.c: calling a class (type.__call__ without the metaclass's); the
 * built-in types' __new__/__init__; objects of classes derived from
 * built-in types (new references; gs_sub_tuple steals the items) */
gs_Object *gs_type_call(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames);
void gs_slots_methods_init(gs_VM *vm);
gs_Object *gs_sub_int(gs_VM *vm, gs_Type *t, int64_t v);
gs_Object *gs_sub_float(gs_VM *vm, gs_Type *t, double v);
gs_Object *gs_sub_str(gs_VM *vm, gs_Type *t, gs_Str *from);
gs_Object *gs_sub_tuple(gs_VM *vm, gs_Type *t, gs_Object **items, int32_t n);
void gs_sub_weakref_ready(gs_VM *vm, gs_Object *o);
int gs_generic_setattr(gs_VM *vm, gs_Object *o, gs_Str *name, gs_Object *v);
void gs_type_add_method(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn, int min, int max);
gs_Object *gs_instance_new(gs_VM *vm, gs_Type *t);    /* bare instance / exception of a type */
gs_Object *gs_instance_dict(gs_VM *vm, gs_Object *inst); /* materialise __dict__, borrowed */
gs_Object *gs_exception_new(gs_VM *vm, gs_Type *t, gs_Object *args); /* steals args tuple */

/* the trace's string id of o's type name (events.c) */
uint32_t gs_type_name_id(gs_VM *vm, gs_Object *o);
/* a class is freed: the objects CPython made beside it go too (class.c) */
void gs_class_phantoms_freed(gs_VM *vm, gs_Type *t);
/* record the alloc event of an object whose payload is now filled */
void gs_record_alloc(gs_VM *vm, gs_Object *o);
/* describe objects that have no alloc event in the trace's object table */
void gs_record_describe(gs_VM *vm, gs_Object *o);
void gs_record_describe_all(gs_VM *vm);
/* an object made with recording off that the program reaches (a constant) */
void gs_record_introduce(gs_VM *vm, gs_Object *o);
/* record the field references (gs_traverse's INTERNAL / CONST ones) an
 * object was born holding, and one field changing from old to v */
void gs_record_fields(gs_VM *vm, gs_Object *o);
void gs_record_field(gs_VM *vm, gs_Object *holder, uint32_t what, gs_Object *old, gs_Object *v);

/* The frame on top of the stack changed (a return, a yield, a resumed
 * generator): events now belong to the frame executing again, so they
 * carry its latest line (gs_Frame.lastline), not the line of the frame
 * that left.  A frame that has not started a line yet (arguments being
 * bound, a generator before its first line) runs on its caller's line.
 * With no frame left (the module returned) the line stays as it was. */
static inline void gs_vm_follow_frame(gs_VM *vm)
{
    vm->cur_frame_id = vm->frame ? vm->frame->id : 0;
    for (gs_Frame *f = vm->frame; f; f = f->back)
        if (f->lastline >= 0) {
            vm->cur_line = (uint32_t)f->lastline;
            return;
        }
}

/* Slot events of lists and tuples (LIST_INSERT / LIST_REMOVE when later
 * slots shift) and of any holder's field (REF_SET: old target -> v);
 * a slot's reference has the slot as its cause. */
static inline gs_Cause gs_slot_cause(gs_Object *holder, int64_t i) { return GS_CAUSE(GS_CAUSE_SLOT, holder->id, (uint32_t)i); }

static inline void gs_rec_insert(gs_VM *vm, gs_Object *l, int64_t i, gs_Object *v)
{
    if (vm->recording)
        gs_record(vm, GS_EV_LIST_INSERT, GS_CAUSE_SLOT, l->id, 0, v->id, (uint32_t)i);
}

static inline void gs_rec_remove(gs_VM *vm, gs_Object *l, int64_t i, gs_Object *v)
{
    if (vm->recording)
        gs_record(vm, GS_EV_LIST_REMOVE, GS_CAUSE_SLOT, l->id, v->id, 0, (uint32_t)i);
}

static inline void gs_rec_set(gs_VM *vm, gs_Object *holder, int sub, uint32_t slot, gs_Object *old, gs_Object *v)
{
    if (vm->recording)
        gs_record(vm, GS_EV_REF_SET, (uint8_t)sub, holder->id, old ? old->id : 0, v ? v->id : 0, slot);
}

/* str */
gs_Object *gs_str_concat(gs_VM *vm, gs_Object *a, gs_Object *b);
/* A str's PEP 393 kind: 0 ASCII, 1 latin-1, 2 UCS-2, 4 UCS-4 (worked out once). */
int gs_str_kind(gs_Str *s);
/* CPython 3.11's PyUnicode_Append growing *slot in place (realloc) by
 * `right`, as BINARY_OP_INPLACE_ADD_UNICODE does for a local nothing else
 * refers to: 1 if it did (*slot may have moved), 0 if CPython would make a
 * new string instead, -1 with MemoryError. */
int gs_str_grow_in_place(gs_VM *vm, gs_Object **slot, gs_Object *right);
bool gs_str_eq(gs_Str *a, gs_Str *b);
int64_t gs_str_hash(gs_Str *s);
gs_Object *gs_str_repr(gs_VM *vm, gs_Str *s);
void gs_repr_str_into(gs_Buf *b, const char *s, size_t len);
gs_Object *gs_format(gs_VM *vm, gs_Object *v, gs_Object *spec); /* format(v, spec) */
gs_Object *gs_format_builtin(gs_VM *vm, gs_Object *v, gs_Object *spec); /* int/float/str/complex.__format__ */
gs_Object *gs_str_percent(gs_VM *vm, gs_Object *format, gs_Object *args); /* format % args (format.c) */
gs_Object *gs_bytes_percent(gs_VM *vm, gs_Object *format, gs_Object *args); /* ... of a bytes or bytearray format */
gs_Object *gs_ascii(gs_VM *vm, gs_Object *o);                   /* ascii(o) (format.c) */
gs_Object *gs_str_getitem(gs_VM *vm, gs_Str *s, int64_t i);
gs_Object *gs_str_case(gs_VM *vm, gs_Str *s, bool upper);
void gs_str_methods_init(gs_VM *vm);
int32_t gs_utf8_len(const char *s, size_t n);
const char *gs_utf8_offset(const char *s, size_t n, int64_t index);
/* the code point at s (n bytes left); *adv its length in bytes */
uint32_t gs_utf8_decode(const unsigned char *s, size_t n, size_t *adv);
/* whether a code point is whitespace to str.isspace(), split() and strip() */
bool gs_unicode_isspace(uint32_t c);

/* numbers */
gs_Object *gs_binary_op(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace);
gs_Object *gs_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
/* the built-in types' operators and comparisons, without the Python
 * methods of classes (int.__add__, list.__eq__ ...) */
gs_Object *gs_binary_op_builtin(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
gs_Object *gs_compare_builtin(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
gs_Object *gs_float_repr(gs_VM *vm, double v);
void gs_float_repr_into(gs_Buf *b, double v);
int gs_int_from_str(gs_VM *vm, const char *s, size_t len, int base, int64_t *out);

/* ints past 64 bits (bigint.c; gs_int_is_big in object.h): the arguments
 * are ints or bools, at least one of them big (or a 64-bit result that
 * overflowed, gs_big_op64) */
enum { GS_BIG_NEG, GS_BIG_INVERT, GS_BIG_ABS, GS_BIG_POS /* a new int of the same value */ };
gs_Object *gs_big_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
gs_Object *gs_big_op64(gs_VM *vm, int op, int64_t a, int64_t b);
gs_Object *gs_big_unary(gs_VM *vm, int which, gs_Object *o);
gs_Object *gs_big_powmod(gs_VM *vm, gs_Object *base, gs_Object *exp, gs_Object *mod);
int gs_big_compare(gs_VM *vm, gs_Object *a, gs_Object *b);  /* -1, 0, 1 */
int gs_big_compare_double(gs_VM *vm, gs_Object *a, double d); /* exact; d not NaN */
int gs_int_to_double(gs_VM *vm, gs_Object *o, double *out);  /* any int or bool; -1: OverflowError */
int64_t gs_big_hash(gs_Object *o);
size_t gs_big_sizeof(gs_Object *o);
int64_t gs_big_bit_length(gs_Object *o);
int64_t gs_big_bit_count(gs_Object *o); /* ones in |o| */
char *gs_big_digits(gs_VM *vm, gs_Object *o, int base);     /* malloc'd, '-' first if negative */
gs_Object *gs_big_str(gs_VM *vm, gs_Object *o);
int gs_big_label(const gs_Object *o, char *buf, size_t n); /* a short text of its value (snprintf) */
gs_Object *gs_big_from_text(gs_VM *vm, const char *s, size_t len, int base); /* checked text */
gs_Object *gs_big_from_double(gs_VM *vm, double d);
/* GMP's mpz_t (void * here: gmp.h is bigint.c's and its callers'): an int
 * or bool into z, which this initialises; the int of z's value, a new
 * reference (NULL + MemoryError), z cleared */
void gs_int_get_mpz(gs_VM *vm, gs_Object *o, void *z);
gs_Object *gs_int_from_mpz(gs_VM *vm, void *z);
void gs_big_free(gs_Object *o);
/* the math module's integer functions past 64 bits */
double gs_big_frexp(gs_Object *o, long *e);            /* o = d * 2**e, 0.5 <= |d| < 1 */
gs_Object *gs_big_factorial(gs_VM *vm, int64_t n);
gs_Object *gs_big_comb_perm(gs_VM *vm, int64_t n, int64_t k, bool perm);
gs_Object *gs_big_gcd_lcm(gs_VM *vm, gs_Object **args, int nargs, bool lcm); /* ints */
gs_Object *gs_big_isqrt(gs_VM *vm, gs_Object *o);
gs_Object *gs_int_to_bytes_m(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames);
gs_Object *gs_int_from_bytes_m(gs_VM *vm, gs_Object *cls, gs_Object **args, int nargs, gs_Tuple *kwnames);
void gs_big_copy_into(gs_Object *dst, const gs_Object *src); /* an int subclass's value */
gs_Object *gs_big_round(gs_VM *vm, gs_Object *o, int64_t ndigits); /* round(int, ndigits) */
gs_Object *gs_int_from_raw_bytes(gs_VM *vm, const unsigned char *b, size_t n, bool little, size_t shift);
unsigned char *gs_int_abs_bytes(gs_VM *vm, gs_Object *o, size_t *n); /* big-endian |o|, malloc'd */

/* complex (complex.c) */
int64_t gs_hash_double(gs_Object *o, double d);        /* object.c: _Py_HashDouble (NaN: o's identity) */
gs_Object *gs_complex_new(gs_VM *vm, double real, double imag);
int64_t gs_complex_hash(gs_VM *vm, gs_Object *o);
gs_Object *gs_complex_repr(gs_VM *vm, gs_Object *o);
/* the operators and comparisons when either operand is a complex:
 * NotImplemented (a new reference) when the other is no number */
gs_Object *gs_complex_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
gs_Object *gs_complex_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
gs_Object *gs_complex_format(gs_VM *vm, gs_Object *o, gs_Str *spec);  /* format(z, spec) */
/* a / b as CPython's _Py_c_quot (cmath.log's base): false when b is zero */
bool gs_complex_quot(double a_re, double a_im, double b_re, double b_im, double *re, double *im);
void gs_complex_methods_init(gs_VM *vm);

/* bytes and bytearray (bytes.c) */
gs_Object *gs_bytes_new(gs_VM *vm, const char *s, size_t len);
gs_Object *gs_bytearray_new(gs_VM *vm, const char *s, size_t len);
int64_t gs_bytes_hash(gs_Bytes *b);
gs_Object *gs_bytes_repr(gs_VM *vm, gs_Object *o);     /* b'..' and bytearray(b'..') */
/* either operand a bytes or bytearray: NotImplemented (new reference) when the operation is not theirs */
gs_Object *gs_bytes_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace);
gs_Object *gs_bytes_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
gs_Object *gs_bytes_getitem(gs_VM *vm, gs_Object *o, gs_Object *key);
int gs_bytes_setitem(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v); /* bytearray; v NULL: del */
int64_t gs_bytes_len(gs_Object *o);
int gs_bytes_contains(gs_VM *vm, gs_Object *c, gs_Object *v);
gs_Object *gs_bytes_iter(gs_VM *vm, gs_Object *o);
gs_Object *gs_bytes_iter_next(gs_VM *vm, gs_Iter *it); /* NULL, no exception: exhausted */
size_t gs_bytearray_sizeof(gs_Object *o);
gs_Object *gs_str_encode_method(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames); /* str.encode */
void gs_bytes_methods_init(gs_VM *vm);

/* containers */
/* the entry of key in a dict table, or -1; *error set when a comparison raised */
int32_t gs_table_find(gs_VM *vm, gs_DictTable *t, gs_Object *key, int64_t hash, bool *error);
gs_Object *gs_tuple_pack(gs_VM *vm, int n, ...);           /* new refs made from borrowed items */
gs_Object *gs_list_from_iterable(gs_VM *vm, gs_Object *it);
/* list capacity, as CPython's (list.c): list_resize for the array only (the
 * caller moves items and sets len), the constructors of displays, the array
 * let go (ob_item = NULL), slice assignment, copy() */
int gs_list_resize(gs_VM *vm, gs_Object *l, int64_t newsize);
gs_Object *gs_list_new_even(gs_VM *vm, int32_t len);
gs_Object *gs_list_new_grown(gs_VM *vm, int32_t len);
gs_Object *gs_list_new_cap(gs_VM *vm, int32_t cap);
void gs_list_drop_array(gs_VM *vm, gs_Object *l);
int gs_list_assign_slice(gs_VM *vm, gs_Object *l, int64_t start, int64_t stop, gs_Object **src, int32_t m);
gs_Object *gs_list_copy(gs_VM *vm, gs_Object *l);
/* PyObject_LengthHint(v, dflt): len() of what has one (a class's __len__ is
 * called), what is left of the simple iterators, else dflt; -1 on error */
int64_t gs_length_hint(gs_VM *vm, gs_Object *v, int64_t dflt);
gs_Object *gs_tuple_from_iterable(gs_VM *vm, gs_Object *it);
int gs_list_extend(gs_VM *vm, gs_Object *l, gs_Object *iterable);
gs_Object *gs_list_concat(gs_VM *vm, gs_Object *a, gs_Object *b);
gs_Object *gs_seq_repeat(gs_VM *vm, gs_Object *seq, int64_t n);
gs_Object *gs_slice_get(gs_VM *vm, gs_Object *seq, gs_Slice *sl);
int gs_slice_indices(gs_VM *vm, gs_Slice *sl, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen);
/* a slice bound (int, bool or __index__) as _PyEval_SliceIndex takes it: 0, or -1 with
 * "slice indices must be integers or None or have an __index__ method" */
int gs_slice_index(gs_VM *vm, gs_Object *v, int64_t *out);
int gs_dict_update(gs_VM *vm, gs_Object *d, gs_Object *other);
gs_Object *gs_dict_copy(gs_VM *vm, gs_Object *d);
int gs_set_add(gs_VM *vm, gs_Object *s, gs_Object *v);
bool gs_dict_maybe_untracked_value(gs_Object *v);
void gs_dict_maybe_track(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value);
gs_Object *gs_reversed(gs_VM *vm, gs_Object *seq);
int gs_iter_prime_result(gs_VM *vm, gs_Object *it, int n);

/* the protocols without a class's Python methods (abstract.c): what
 * list.__getitem__ and its relatives do */
gs_Object *gs_getitem_builtin(gs_VM *vm, gs_Object *o, gs_Object *key);
int gs_setitem_builtin(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v);
int gs_delitem_builtin(gs_VM *vm, gs_Object *o, gs_Object *key);
int64_t gs_len_builtin(gs_VM *vm, gs_Object *o);
int gs_contains_builtin(gs_VM *vm, gs_Object *c, gs_Object *v);
gs_Object *gs_iter_builtin(gs_VM *vm, gs_Object *o);   /* iter.c */
int64_t gs_hash_builtin(gs_VM *vm, gs_Object *o);      /* object.c */

gs_Object *gs_repr_builtin(gs_VM *vm, gs_Object *o);   /* repr() without a class's __repr__ */
gs_Object *gs_object_repr(gs_VM *vm, gs_Object *o);    /* object.__repr__ */

/* repr machinery */
int gs_repr_enter(gs_VM *vm, gs_Object *o);   /* 1 if already being repr'd (print "..."), -1 error */
void gs_repr_leave(gs_VM *vm, gs_Object *o);

/* ------------------------------------------------------------------ built-in functions and methods
 * Every C function a program can call has the signature gs_CFunc: the
 * receiver (or NULL), the arguments (positional, then the values of the
 * keywords named by kwnames), borrowed. */
#define GS_ARGS gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames
#define GS_UNUSED_ARGS GS_UNUSED(self); GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames)

/* gs_MethodDef.kw: how CPython 3.11 passes the arguments (gc.get_count()
 * sees the tuples and dicts it packs) */
enum {
    GS_KW = 1,       /* takes keyword arguments */
    GS_VARARGS = 2,  /* CPython 3.11 declares it METH_VARARGS (or is a type without vectorcall):
                        a tuple of the positional arguments, a dict of the keywords */
    GS_STARARGS = 4, /* Argument Clinic's *args (print): a tuple of the positional arguments */
    GS_ABSTRACT = 32,/* an abstract method of a module's ABC (collections.abc): __isabstractmethod__ is True */
    GS_TPNEW = 64,   /* a type's __new__ (set by gs_type_add_methods): `self` is the class to make */
    GS_CLASSMETH = 128, /* a class method of a built-in type (object.__init_subclass__): binds to the class */
};

/* A method table, ended by a NULL name: min/max positional arguments (max
 * -1: any), kw a set of GS_KW | GS_VARARGS | GS_STARARGS. */
typedef struct gs_MethodDef {
    const char *name;
    gs_CFunc fn;
    int16_t min, max;
    uint8_t kw;
} gs_MethodDef;

void gs_type_add_methods(gs_VM *vm, gs_Type *t, const gs_MethodDef *defs); /* class.c */
void gs_type_add_getter(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn); /* a read-only attribute fn(self) computes (descr.c) */
/* the method tables of the built-in types, installed by gs_builtins_init */
void gs_list_methods_init(gs_VM *vm);
void gs_tuple_methods_init(gs_VM *vm);
void gs_dict_methods_init(gs_VM *vm);
void gs_set_methods_init(gs_VM *vm);
void gs_str_methods_init(gs_VM *vm);
void gs_generator_methods_init(gs_VM *vm);
void gs_class_methods_init(gs_VM *vm);
void gs_number_methods_init(gs_VM *vm);
void gs_exceptions_methods_init(gs_VM *vm);
/* excgroup.c: BaseExceptionGroup / ExceptionGroup and except* */
bool gs_is_excgroup(gs_VM *vm, gs_Object *o);
int gs_excgroup_new_check(gs_VM *vm, gs_Type **tp, gs_Tuple *args, gs_Object **msg, gs_Tuple **excs); /* new refs out */
gs_Object *gs_excgroup_str(gs_VM *vm, gs_Object *o);                                                /* new ref */
int gs_excgroup_check_star_type(gs_VM *vm, gs_Object *t);
int gs_excgroup_match(gs_VM *vm, gs_Object *exc, gs_Object *type, gs_Object **match, gs_Object **rest); /* new refs */
gs_Object *gs_excgroup_prep_reraise(gs_VM *vm, gs_Object *orig, gs_Object *excs);                    /* new ref */
void gs_excgroup_methods_init(gs_VM *vm);

/* ------------------------------------------------------------------ native instances
 * A module's C type (itertools.chain, functools.partial, io.StringIO ...)
 * whose instances keep C fields after the instance header: the struct
 * starts with a gs_Instance (so attribute lookup, methods, repr, iteration
 * and calls work as for any instance) and the type's gs_NativeOps say how
 * big it is, which references its fields hold and how to let them go.
 * Such types are not subclassable (flags without GS_TF_BASETYPE). */
typedef struct gs_NativeOps {
    size_t size;              /* bytes of the instance struct */
    bool gc;                  /* CPython makes it with its GC allocator and tracks it */
    bool tp_clear;            /* CPython's type has a tp_clear: the collector's delete_garbage clears it */
    /* the references the C fields hold, in CPython's tp_traverse order (NULL: none) */
    int (*traverse)(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg);
    /* drop every reference the C fields hold; called again on a cleared object (NULL: none) */
    void (*clear)(gs_VM *vm, gs_Object *o);
    /* free the C memory the fields own (no references left); NULL: none */
    void (*free)(gs_Object *o);
    /* calling the type packs the arguments in a tuple (and keywords in a dict):
     * CPython's type has no vectorcall */
    bool packs_args;
    /* calling an instance packs nothing: it has a vectorcall, or its __call__
     * makes the very tuple CPython's tp_call packs (lru_cache keeps it) */
    bool call_unpacked;
    /* the instances bind as methods when found on a class (a __get__ like a
     * function's: contextmanager's helper, lru_cache's wrapper) */
    bool binds;
    /* GC objects CPython has beside each instance that the model does not
     * make (closure cells): counted when it is made (by the module), freed
     * with it, and collected with it */
    int8_t phantoms;
    /* bytes an instance keeps in a block of its own beside the object
     * (array.array's items): sys.getsizeof counts them after the type's
     * __basicsize__, tracemalloc traces them as the object's GS_TM_ITEMS
     * block (the module reports that block's changes); NULL: none */
    size_t (*extra_size)(gs_Object *o);
    /* the buffer protocol (bytes(o), bytearray(o), memoryview(o)); NULL:
     * the instances have no buffer */
    const struct gs_BufferProcs *buffer;
} gs_NativeOps;

/* A native type's buffer (PEP 3118, one dimension). */
typedef struct gs_BufferProcs {
    /* the contents and their length in bytes */
    const char *(*get)(gs_Object *o, size_t *len);
    /* the items' struct format and size (memoryview.format, .itemsize);
     * NULL: 'B', 1 */
    void (*format)(gs_Object *o, const char **format, int *itemsize);
    /* the object's count of buffer exports (memoryviews' managed buffers),
     * which its resizes check (BufferError while above 0); NULL: it
     * cannot resize */
    int32_t *(*exports)(gs_Object *o);
} gs_BufferProcs;

/* A new instance of a native type (zeroed fields, refcount 1), tracked if
 * ops->gc; NULL + MemoryError. */
gs_Object *gs_native_new(gs_VM *vm, gs_Type *t);
/* A built-in type of a module: `full_name` is "module.Name" (repr, error
 * messages and __name__/__module__ read as CPython's tp_name).  ops NULL:
 * a class CPython writes in Python, whose instances have attributes only
 * (make them with gs_native_new or gs_instance_new). */
gs_Type *gs_native_type_new(gs_VM *vm, const char *full_name, const gs_NativeOps *ops, const gs_MethodDef *methods);

/* gs_MethodDef.kw bit: the method is a tp_iternext (__next__): its C
 * function returns NULL with no exception set when the iterator is
 * exhausted; a call from Python code raises StopIteration then, and gs_next
 * calls it directly. */
enum { GS_ITERNEXT = 8 };

/* arguments (args.c) */
int gs_check_args(gs_VM *vm, const char *name, int nargs, int min, int max);
gs_Object *gs_kwarg(gs_VM *vm, gs_Object **args, int nargs, gs_Tuple *kwnames, const char *name); /* borrowed */
int gs_no_kwargs(gs_VM *vm, const char *name, gs_Tuple *kwnames);
static inline int gs_npos(int nargs, gs_Tuple *kwnames) { return nargs - (kwnames ? kwnames->len : 0); }
/* 0 if every keyword is in `allowed` (NULL-ended), else TypeError and -1 */
int gs_check_kw_allowed(gs_VM *vm, const char *fname, gs_Tuple *kwnames, const char **allowed);
/* A Python-level function's parameters (CPython's messages for a def):
 * names[0..npos_max) may come by position, the rest by keyword only;
 * the first nreq are required.  out[i] gets each argument (borrowed) or
 * NULL when not given.  A name with a dot ("Cls.__init__") is a method:
 * the counts in the messages include self.  0, or -1 with TypeError. */
gs_Object *gs_str_decode(gs_VM *vm, gs_Object *obj, gs_Object *encoding, gs_Object *errors); /* str(b, enc, errors) (bytes.c) */
int gs_pyargs(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames,
              const char *const *names, int nparams, int npos_max, int nreq, gs_Object **out);
/* an int or bool as int64_t, else "'X' object cannot be interpreted as an integer" */
int gs_as_int(gs_VM *vm, gs_Object *o, int64_t *out);
/* Argument Clinic parsers that make their keyword tuple on first use */
enum { GS_CLINIC_PRINT, GS_CLINIC_LIST_SORT, GS_CLINIC_STR_SPLIT, GS_CLINIC_STRINGIO, GS_CLINIC_GC_COLLECT,
       GS_CLINIC_GC_GET_OBJECTS, GS_CLINIC_BYTESIO, GS_CLINIC_COUNT };
void gs_clinic_parser_init(gs_VM *vm, int which, int nkeywords);
void gs_clinic_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx); /* the real tuples */

/* calling types and descriptors (call.c, class.c) */
gs_Object *gs_descriptor_wrap(gs_VM *vm, gs_Type *t, gs_Object *fn); /* property/staticmethod/classmethod(fn) */
/* descriptors (descr.c): a staticmethod/classmethod/property of fn
 * (wraps: with sm_init's __dict__ copies); their constructors; the
 * __get__ / __set__ protocol (obj NULL: looked up on the class owner);
 * their attributes (NULL, no exception: not theirs); super objects */
gs_Object *gs_descriptor_new(gs_VM *vm, gs_Type *t, gs_Object *fn, bool wraps);
gs_Object *gs_descr_construct(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames);
bool gs_descr_is_data(gs_VM *vm, gs_Object *v);
gs_Object *gs_descr_get(gs_VM *vm, gs_Object *v, gs_Object *obj, gs_Type *owner);
int gs_descr_set(gs_VM *vm, gs_Object *v, gs_Object *obj, gs_Object *value); /* 1 done, 0 not one, -1 error */
gs_Object *gs_descr_getattr(gs_VM *vm, gs_Object *o, gs_Str *name);
int gs_descr_setattr(gs_VM *vm, gs_Object *o, gs_Str *name, gs_Object *v); /* 0, 1 not settable, -1 */
void gs_descr_methods_init(gs_VM *vm);
gs_Type *gs_super_check(gs_VM *vm, gs_Type *type, gs_Object *obj);
gs_Object *gs_super_getattr(gs_VM *vm, gs_Object *sp, gs_Str *name);
gs_Object *gs_int_from_object(gs_VM *vm, gs_Object *o, gs_Object *base); /* int(o[, base]) */
gs_Object *gs_float_from_object(gs_VM *vm, gs_Object *o);                 /* float(o) */

/* list.sort(key=, reverse=) and sorted() (list.c) */
int gs_list_sort(gs_VM *vm, gs_Object *l, gs_Object *key, bool reverse);
/* sequences (list.c): index() and count() of list and tuple */
gs_Object *gs_seq_index_method(GS_ARGS);
void gs_range_methods_init(gs_VM *vm); /* range.index, range.count (iter.c) */
/* match statements' tests (abstract.c) */
bool gs_match_sequence(gs_VM *vm, gs_Object *o);
bool gs_match_mapping(gs_VM *vm, gs_Object *o);
gs_Object *gs_match_class(gs_VM *vm, gs_Object *subject, gs_Object *cls, int npos, gs_Tuple *kwnames);
gs_Object *gs_seq_count_method(GS_ARGS);
/* str.format (format.c) */
gs_Object *gs_str_format_method(GS_ARGS);
gs_Object *gs_str_format_map_method(GS_ARGS);
/* __next__ and __iter__ of generators and iterators (generator.c) */
gs_Object *gs_iter_next_method(GS_ARGS);
gs_Object *gs_iter_self_method(GS_ARGS);

/* modules and import (module.c); the table is core/modules/table.c */
typedef struct gs_ModuleDef {
    const char *name;
    gs_Object *(*make)(gs_VM *vm); /* a new module, or NULL with an exception set */
    const char *file;              /* its __file__: where CPython 3.11 finds its Python source, or NULL (built in) */
    /* A module with state outside its objects (weakref.finalize's registry)
     * answers these; NULL for the others.  The runtime calls them for every
     * module in the table, imported or not. */
    void (*at_exit)(gs_VM *vm);    /* the program ended: what the module registered runs */
    void (*count_roots)(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx); /* refs the state holds */
    void (*clear)(gs_VM *vm);      /* teardown: drop the references the state holds */
    void (*free)(gs_VM *vm);       /* teardown, last: free the state's memory */
} gs_ModuleDef;
extern const gs_ModuleDef gs_module_table[]; /* ends with a NULL name */
const gs_ModuleDef *gs_module_find(const char *name);
/* the modules' state hooks, for every module in the table that has one */
void gs_modules_at_exit(gs_VM *vm);
void gs_modules_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_modules_clear(gs_VM *vm);
void gs_modules_free(gs_VM *vm);
gs_Object *gs_module_new(gs_VM *vm, const char *name);                  /* new module, tracked */
gs_Object *gs_module_of_dict(gs_VM *vm, const char *name, gs_Object *dict); /* a module over an existing dict */
void gs_module_add(gs_VM *vm, gs_Object *mod, const char *name, gs_Object *v); /* steals v (NULL: nothing) */
void gs_module_add_fn(gs_VM *vm, gs_Object *mod, const char *name, gs_CFunc fn, int min, int max, bool kw);
/* functions bound to the module (CPython's m_self: each holds a reference
 * to it); 0, or -1 out of memory */
int gs_module_add_functions(gs_VM *vm, gs_Object *mod, const gs_MethodDef *defs);

/* object-id table */
void gs_objtab_set(gs_VM *vm, uint32_t id, gs_Object *o);

/* dealloc of frames' materialised objects (frame.c) */
void gs_frame_object_clear(gs_VM *vm, gs_Object *f);

/* errors / suggestions (exceptions.c) */
void gs_tb_add(gs_VM *vm, gs_Object *exc, gs_Frame *f);             /* a traceback entry for frame f */
/* The exception being raised came from CPython's Python code that a module
 * here stands for: frames[0..n) (outermost first) go before the ones it
 * has.  lib_outer: only if it already has some (a call of one stand-in by
 * another: randint's frame before randrange's, not before a user's). */
void gs_exc_lib_frames(gs_VM *vm, const gs_LibFrame *frames, int n);
void gs_exc_lib_outer(gs_VM *vm, const gs_LibFrame *frame);
#define GS_LIB_FRAMES(vm, arr) gs_exc_lib_frames((vm), (arr), (int)(sizeof(arr) / sizeof((arr)[0])))
void gs_raise_name_error(gs_VM *vm, gs_Frame *f, gs_Str *name, bool global); /* with "Did you mean" */
bool gs_c_stack_low(gs_VM *vm); /* nested C calls have nearly used up the C stack (vm.c) */
char *gs_name_error_suggestion(gs_VM *vm, gs_Frame *f, gs_Str *name);        /* malloc'd, or NULL */
void gs_format_exception(gs_VM *vm, gs_Object *exc, gs_Buf *out);
gs_Object *gs_exc_str(gs_VM *vm, gs_Object *exc);
void gs_write_unraisable(gs_VM *vm, const char *what, gs_Object *obj);
void gs_builtin_types_dicts_init(gs_VM *vm);

/* the collector (collector.c) */
enum {
    GS_DEBUG_STATS = 1 << 0,
    GS_DEBUG_COLLECTABLE = 1 << 1,
    GS_DEBUG_UNCOLLECTABLE = 1 << 2,
    GS_DEBUG_SAVEALL = 1 << 5,
    GS_DEBUG_LEAK = GS_DEBUG_COLLECTABLE | GS_DEBUG_UNCOLLECTABLE | GS_DEBUG_SAVEALL
};
enum { GS_NUM_GENERATIONS = 3, GS_PERMANENT = 3 };
gs_Object *gs_gc_generation(gs_VM *vm, int g); /* the list head of generation g (GS_PERMANENT: frozen) */
int64_t gs_gc_generation_size(gs_VM *vm, int g);
void gs_gc_freeze(gs_VM *vm);
/* what importing a Python-written CPython module allocates, keeps and leaves as garbage beyond what
 * the model makes (collector.c) */
void gs_gc_import_footprint(gs_VM *vm, int64_t allocs, int64_t long_lived, int64_t garbage);
/* whether the program has imported the module `name` (it is in sys.modules) */
bool gs_module_imported(gs_VM *vm, const char *name);
void gs_gc_unfreeze(gs_VM *vm);

/* collector and weak references (collector.c, weakrefobject.c, object.c) */
void gs_object_clear(gs_VM *vm, gs_Object *o, bool full); /* CPython's tp_clear; full: everything (teardown) */
bool gs_has_finalizer(gs_Object *o);                      /* has a __del__ (tp_finalize) */
void gs_call_finalizer(gs_VM *vm, gs_Object *o);          /* run __del__ once (PEP 442); o kept alive meanwhile */
void gs_freelists_clear(gs_VM *vm);                       /* free the list/dict/tuple free lists */
void gs_freelists_startup(gs_VM *vm);                     /* the free lists as CPython's start-up leaves them */
void gs_freelists_after_tracemalloc_import(gs_VM *vm);    /* ... and as `import tracemalloc` leaves them */
/* ... and as importing a module CPython writes in Python leaves them, measured with
 * sys._debugmallocstats() (tuples[i]: free (i+1)-tuples); not while tracemalloc traces */
void gs_freelists_after_import(gs_VM *vm, int lists, int dicts, int floats, const int *tuples, int ntuples);
void gs_freelist_counts(gs_VM *vm, int *lists, int *dicts, int *floats, int tuples[19], int *keys); /* what they hold now */
/* CPython 3.11's dict keys free list (up to 80 keys objects of 8 slots and
 * str keys): a dict's keys object let go (resized away, cleared, the dict
 * freed) waits there, and a new 8-slot str-keyed table takes one.  The
 * model counts them (vm->nfree_keys) so that tracemalloc.start() knows
 * which new tables are no new blocks.  `import tracemalloc` at the top of
 * a script leaves 14 (measured with python3.11: the 15th dict a program
 * makes after start() is the first whose keys are a new block). */
enum { GS_KEYS_MAXFREE = 80, GS_KEYS_AFTER_TRACEMALLOC_IMPORT = 14 };
void gs_dict_keys_freed(gs_VM *vm, const gs_DictTable *t);
void gs_gc_free_all(gs_VM *vm);                           /* end of a VM: free the whole heap */
bool gs_gc_may_be_tracked(gs_Object *o);                  /* CPython's _PyObject_GC_MAY_BE_TRACKED */
/* Whether CPython would call `o` a GC object (PyObject_IS_GC): containers,
 * but not static objects, plain object() instances, nor the objects of a
 * module's C type CPython makes without Py_TPFLAGS_HAVE_GC (a Decimal, a
 * date: a dict holding only such values stays untracked). */
static inline bool gs_is_gc_object(gs_Object *o)
{
    /* every object of a class is one: CPython's heap types all have Py_TPFLAGS_HAVE_GC */
    return (gs_kind_is_gc(GS_KIND(o)) || (o->type->flags & GS_TF_HEAP)) && !(o->gcflags & GS_GC_STATIC) &&
           !(GS_KIND(o) == GS_K_INSTANCE && o->type->base == NULL) &&
           !(o->type->native && !o->type->native->gc && !(o->type->flags & GS_TF_HEAP));
}
/* Objects CPython makes and soon frees that the model does not (the
 * argument tuple of a call through tp_call, its keywords dict): they only
 * move gc.get_count() and the free lists, as the real ones would. */
gs_Object *gs_phantom_alloc(gs_VM *vm, gs_Type *type, int32_t len);
void gs_phantom_free(gs_VM *vm, gs_Object *p);
gs_Object *gs_phantom_resize(gs_VM *vm, gs_Object *p, int32_t len); /* a tuple phantom; NULL: out of memory (p kept) */
void gs_phantom_discard(gs_VM *vm, gs_Object *p);                  /* free, no count change, no free list */
gs_Object *gs_alloc_resized(gs_VM *vm, gs_Type *type, size_t size); /* gs_alloc without free list or count */
void gs_textio_flush(gs_VM *vm, int which);
void gs_textio_forget(gs_VM *vm, gs_Object *o);     /* a GS_GC_PENDING_OUT object is freed */
int64_t gs_textio_refs(gs_VM *vm, gs_Object *o);    /* references CPython's pending text holds to o */
gs_Object *gs_exception_new_unnormalized(gs_VM *vm, gs_Type *t); /* not counted until caught */
void gs_exception_normalized(gs_VM *vm, gs_Object *exc);         /* caught by Python code: counted now */                        /* sys.stdout (0) / stderr (1) flushed */
gs_Object *gs_alloc_fresh(gs_VM *vm, gs_Type *type, size_t size);   /* gs_alloc without free list */
gs_Object *gs_list_new_fresh(gs_VM *vm);
gs_Object *gs_list_new_uncounted(gs_VM *vm);                        /* no count, no free list */                            /* list(): PyType_GenericAlloc */
gs_Object *gs_dict_new_fresh(gs_VM *vm);                            /* dict(): PyType_GenericAlloc */
typedef struct gs_PhantomCall { gs_Object *args, *kwargs, *kwnames; } gs_PhantomCall;
void gs_phantom_call_begin(gs_VM *vm, gs_Type *t, int npos, int nkw, gs_PhantomCall *pc);
void gs_phantom_call_end(gs_VM *vm, gs_PhantomCall *pc);
/* gs_Type.spare bits */
enum {
    GS_TYPE_BASES_UNTRACKED = 1, /* the class's (modelled) bases tuple was untracked by a collection */
    GS_TYPE_MRO_CLEARED = 2,     /* type_clear dropped the (modelled) MRO tuple */
    GS_TYPE_HAS_SUBCLASSES = 4,  /* a subclass was made: CPython gave the class a tp_subclasses dict */
    GS_TYPE_SLOTS_DECLARED = 8,  /* the class body set __slots__ (CPython made ht_slots) */
    GS_TYPE_SPLIT_DICTS = 16     /* an instance's __dict__ was materialised: its size follows the shared keys */
};
/* A weak reference (weakref.ref, its subclasses, and the proxies of
 * weakref.proxy).  It starts like an instance: a subclass's attributes and
 * __dict__, and the weak references to it (a subclass's __weakref__), live
 * where an instance keeps them, so the instance code serves them. */
typedef struct gs_WeakRef {
    gs_Instance inst;
    gs_Object *object;          /* the referent (not counted), NULL once cleared */
    gs_Object *callback;        /* owned, or NULL */
    gs_Object *key;             /* KeyedRef only: owned, or NULL */
    struct gs_WeakRef *prev, *next; /* the referent's list of weak references */
    int64_t hash;               /* the referent's hash once asked for, else -1 */
} gs_WeakRef;
/* weakref.ref and proxies alike (CPython's PyWeakref_Check) */
static inline bool gs_is_weakref(gs_Object *o) { return GS_KIND(o) == GS_K_WEAKREF; }
/* weakref.ProxyType and CallableProxyType: every protocol forwards to the referent */
static inline bool gs_is_proxy(gs_Object *o)
{
    return GS_KIND(o) == GS_K_WEAKREF && (o->type->flags & GS_TF_WEAKPROXY);
}
/* a new weak reference of `type` (weakref.ref or a subclass) to o; key for KeyedRef */
gs_Object *gs_weakref_new_full(gs_VM *vm, gs_Type *type, gs_Object *o, gs_Object *callback, gs_Object *key);
gs_Object *gs_weakref_new(gs_VM *vm, gs_Object *o, gs_Object *callback); /* weakref.ref(o, callback) */
/* weakref.proxy(o, callback): the shared proxy without a callback, else a new one */
gs_Object *gs_proxy_new(gs_VM *vm, gs_Object *o, gs_Object *callback);
gs_Object *gs_weakref_get(gs_Object *wr); /* the referent, borrowed, or NULL if the reference is dead */
void gs_weakref_methods_init(gs_VM *vm);                  /* ref's methods; the proxy types */
gs_Object *gs_weakref_callback(gs_Object *wr);            /* borrowed, or NULL */
void gs_weakref_clear_all(gs_VM *vm, gs_Object *o);       /* o is dying: clear its weakrefs, run callbacks */
gs_Object **gs_weakref_listptr(gs_Object *o);             /* where o's weakref list starts, NULL if none */
int gs_weakref_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg);
void gs_weakref_dealloc(gs_VM *vm, gs_Object *o);         /* unlink from the referent, drop callback and key */
void gs_weakref_clear_ref(gs_VM *vm, gs_Object *wr);      /* unlink, keeping the callback (collector) */
size_t gs_weakref_size(void);
int64_t gs_weakref_hash(gs_VM *vm, gs_Object *wr);
/* Whether a weak reference keeps attributes in its instance part: the
 * instances of classes derived from ref, and WeakMethod's slots */
bool gs_weakref_has_attrs(gs_Object *wr);
/* A class derived from weakref.ref called: ref.__new__ (or the class's
 * own __new__), then __init__ with CPython's argument checks (call.c) */
gs_Object *gs_weakref_subclass_call(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames);
/* attribute access through a proxy (object.c's getattr / setattr) */
gs_Object *gs_proxy_getattr(gs_VM *vm, gs_Object *p, gs_Str *name, bool quiet);
int gs_proxy_setattr(gs_VM *vm, gs_Object *p, gs_Str *name, gs_Object *v);
/* the referent of a live proxy (borrowed); NULL + ReferenceError when it died */
gs_Object *gs_proxy_referent(gs_VM *vm, gs_Object *p);

/* generators (generator.c) */
gs_Object *gs_gen_new(gs_VM *vm, gs_Frame *f);
gs_Object *gs_gen_next(gs_VM *vm, gs_Object *gen);
/* PEP 585 and 604 (modules/types.c): origin[params] as a types.GenericAlias;
 * whether a built-in class has that []; a | b of classes, None, aliases and
 * unions (NotImplemented for anything else); a types.UnionType and its args */
gs_Object *gs_generic_alias_new(gs_VM *vm, gs_Object *origin, gs_Object *params);
bool gs_type_is_generic(gs_VM *vm, gs_Type *t);
gs_Object *gs_union_or(gs_VM *vm, gs_Object *a, gs_Object *b);
bool gs_is_union(gs_VM *vm, gs_Object *o);
bool gs_is_generic_alias(gs_VM *vm, gs_Object *o);
gs_Object *gs_callable_iter_new(gs_VM *vm, gs_Object *callable, gs_Object *sentinel); /* iter(f, sentinel) */
gs_Object *gs_union_args(gs_Object *u); /* borrowed tuple */
gs_Object *gs_gen_next_or_stop(gs_VM *vm, gs_Object *gen, gs_Object *dflt);
int gs_gen_send(gs_VM *vm, gs_Object *gen, gs_Object *value, gs_Object **result); /* 1 yielded, 0 returned, -1 raised */
int gs_gen_throw(gs_VM *vm, gs_Object *gen, gs_Object *exc, gs_Object **result);  /* likewise */
int gs_gen_close(gs_VM *vm, gs_Object *gen);
void gs_gen_finished(gs_VM *vm, gs_Frame *f);
int gs_gen_traverse(gs_VM *vm, gs_Object *gen, gs_VisitFn fn, void *arg);
void gs_gen_clear(gs_VM *vm, gs_Object *gen);
void gs_gen_free(gs_Object *gen);
size_t gs_gen_size(void);
bool gs_gen_needs_finalizer(gs_Object *gen);
void gs_gen_finalize(gs_VM *vm, gs_Object *gen);
gs_Code *gs_gen_code(gs_Object *gen);
bool gs_gen_running(gs_Object *gen);
gs_Object *gs_gen_frame(gs_VM *vm, gs_Object *gen); /* gi_frame: new ref */
gs_Object **gs_gen_weakreflist(gs_Object *gen); /* weakrefobject.c's list head */

/* frame objects and tracebacks (frame.c) */
gs_Object *gs_frame_locals(gs_VM *vm, gs_Frame *f);  /* locals() of a running frame, refreshed; borrowed */
void gs_frame_locals_release(gs_VM *vm, gs_Frame *f); /* the frame lets go of its f_locals dict */
gs_Object *gs_frame_object(gs_VM *vm, gs_Frame *f);   /* f's frame object, made if needed; borrowed */
bool gs_frame_detach(gs_VM *vm, gs_Frame *f, bool keep);
int gs_frame_object_traverse(gs_VM *vm, gs_Object *fo, gs_VisitFn fn, void *arg);
gs_Object *gs_frameobj_getattr(gs_VM *vm, gs_Object *fo, gs_Str *name);
void gs_traceback_here(gs_VM *vm, gs_Object *exc, gs_Frame *f);
int gs_traceback_traverse(gs_VM *vm, gs_Object *tb, gs_VisitFn fn, void *arg);
void gs_traceback_clear(gs_VM *vm, gs_Object *tb);
gs_Code *gs_traceback_code(gs_Object *tb);

/* the VM's entry points for C code (vm.c) */
gs_Object *gs_vm_run_code(gs_VM *vm, gs_Code *code, gs_Object *globals, gs_Object *locals); /* exec/eval */
gs_Object *gs_vm_run_class_body(gs_VM *vm, gs_Object *func, gs_Object *ns);
gs_Object *gs_vm_resume_frame(gs_VM *vm, gs_Frame *f);
gs_Object *gs_vm_resume_frame_throw(gs_VM *vm, gs_Frame *f);
void gs_vm_keep_ast_consts(gs_VM *vm, gs_Object *list);

/* the rest, by file */
gs_Object *gs_build_class(gs_VM *vm, gs_Object **args, int nargs, gs_Tuple *kwnames); /* builtins.c */
void gs_builtins_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx); /* builtins.c */
void gs_clinic_free(gs_VM *vm);                                                        /* args.c */
gs_Object *gs_format_float(gs_VM *vm, double v, void *spec);                           /* format.c */
gs_Object *gs_set_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace);  /* set.c */
gs_Object *gs_set_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b);             /* set.c */
/* keys() and items() views as sets (set.c): NotImplemented when neither
 * operand is one */
gs_Object *gs_dictview_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
gs_Object *gs_dictview_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
void gs_dictview_methods_init(gs_VM *vm); /* isdisjoint */
unsigned long long gs_object_address(gs_Object *o); /* repr.c: the 0x... of default reprs and id() */
void gs_gc_program_start(gs_VM *vm);                                                   /* collector.c */
void gs_gc_at_exit(gs_VM *vm);                                                         /* collector.c */

/* stderr of the program (tracebacks of unraisable exceptions, gc debug) */
void gs_write_err(gs_VM *vm, const char *s, size_t n);
/* the program's line `line` when filename is the program's: [*p, *q) */
bool gs_source_line(gs_VM *vm, const char *filename, int line, const char **p, const char **q);
/* "file:line: Category: text" and the stripped line, on stderr */
void gs_write_warning(gs_VM *vm, const char *filename, int line, const char *category, const char *text);

/* ------------------------------------------------------------------ sizes (size.c)
 * sys.getsizeof as CPython 3.11 computes it for the object as it is now
 * (its __sizeof__ plus the GC and managed-dict pre-headers), without
 * looking for a __sizeof__ a class defines. */
size_t gs_sizeof(gs_VM *vm, gs_Object *o);
/* what a class statement's class adds to its objects' built-in part
 * (size.c), and whether its instances keep a managed __dict__ */
size_t gs_heap_extra(gs_VM *vm, gs_Object *o);
bool gs_type_managed_dict(gs_VM *vm, gs_Type *t);
/* sys.getsizeof(o) with a class's own __sizeof__ called and checked (new
 * int, or NULL with CPython's error) */
gs_Object *gs_getsizeof(gs_VM *vm, gs_Object *o);
void gs_size_methods_init(gs_VM *vm);     /* object.__sizeof__ */
/* CPython's dict sizes (dict.c): a whole dict; a keys object of 2^log2
 * slots; calculate_log2_keysize and estimate_log2_keysize; an empty dict
 * given a table before its items go in */
size_t gs_dict_sizeof(gs_VM *vm, gs_Object *d);
size_t gs_dict_keys_size(int log2, bool unicode);
int gs_dict_log2_keysize(int64_t minsize);
int gs_dict_estimate_log2(int64_t n);
int gs_dict_presize(gs_VM *vm, gs_Object *d, int log2, uint8_t kind);
/* An object's size changed from `old` to `now` bytes (a list or dict
 * resized...): a resize event for the trace (events.c). */
void gs_record_resize(gs_VM *vm, gs_Object *o, size_t old, size_t now);
uint32_t gs_str_label(gs_VM *vm, gs_Str *s); /* a str's contents as the trace keeps them (events.c) */
static inline void gs_size_changed(gs_VM *vm, gs_Object *o, size_t old, size_t now)
{
    if (vm->recording && old != now && (o->gcflags & GS_GC_SHOWN) && !vm->cfg.no_sizes) {
        /* callers give the built-in part's sizes: a subclass's object adds its class's part */
        size_t x = (o->type->flags & GS_TF_HEAP) ? gs_heap_extra(vm, o) : 0;
        gs_record_resize(vm, o, old + x, now + x);
    }
}
/* An object made with the size of an empty one (`old`) whose fields now
 * give it its real one (a generator's or frame's code): the change, and
 * for tracemalloc its block's real size. */
void gs_size_settled(gs_VM *vm, gs_Object *o, size_t old);

/* ------------------------------------------------------------------ tracemalloc's blocks (memtrace.c)
 * While tracemalloc traces (vm->tm set), the runtime reports the blocks
 * CPython's allocator would hand out: each object's own block and the
 * array beside it (GS_TM_ITEMS: a list's items, a dict's keys, a set's
 * table, an instance's values).  gs_tm_block is malloc or realloc (the
 * block gets `size` bytes and the current line), gs_tm_free its free. */
enum { GS_TM_OBJECT = 0, GS_TM_ITEMS = 1 };
typedef struct gs_MemTrace gs_MemTrace;
/* an object's block is being allocated (alloc_impl): from a free list
 * (reuse 1) if CPython takes one there, new (0), or the memory of the
 * phantom just discarded (-1) */
void gs_tm_alloc_begin(gs_VM *vm, gs_Object *o, int reuse);
void gs_tm_object(gs_VM *vm, gs_Object *o); /* o's own block, as CPython allocates it (again: its new size) */
void gs_tm_dealloc(gs_VM *vm, gs_Object *o); /* o dies: its blocks are freed or wait on a free list */
void gs_tm_phantom_discard(gs_VM *vm, gs_Object *p); /* its block becomes the next object's (gs_alloc_resized) */
void gs_tm_moved(gs_VM *vm, gs_Object *from, gs_Object *to); /* an object's memory moved (realloc) */
void gs_tm_clear_free_lists(gs_VM *vm); /* a full collection frees what CPython's free lists held */
/* blocks CPython's sys.stdout [0] or sys.stderr [1] holds as pending text */
void gs_tm_keep(gs_VM *vm, gs_Object *o, int which);    /* o dies here, but the stream still holds it */
uintptr_t gs_tm_new_block(gs_VM *vm, size_t size);      /* a block with no object here (0: untraced) ... */
void gs_tm_keep_block(gs_VM *vm, uintptr_t key, int which); /* ... that the stream holds */
void gs_tm_set_block(gs_VM *vm, uintptr_t key, size_t size); /* ... resized (realloc) */
void gs_tm_drop_block(gs_VM *vm, uintptr_t key);             /* ... freed */
void gs_tm_lib_enter(gs_VM *vm, const gs_Str *file, int32_t line); /* blocks from here on are made at file:line ... */
void gs_tm_lib_leave(gs_VM *vm);                                   /* ... until this (they nest) */
void gs_tm_set_reentrant(gs_VM *vm, bool on); /* _get_traces: new blocks untraced, free-list reuse relabelled */
size_t gs_tm_values_block(int64_t slots); /* an instance's values array of that many slots (CPython 3.11) */
void gs_tm_release_kept(gs_VM *vm, int which);          /* it wrote its text: those blocks are freed */
void gs_tm_transient(gs_VM *vm, size_t size);   /* a block allocated and freed at once (the peak sees it) */
/* CPython's _PyUnicodeWriter (container reprs, str % args, str.format):
 * it over-allocates (a quarter more) from a minimum length, grows by
 * realloc, is copied into a new buffer when a wider character comes, and
 * is cut to the result at the end.  The model builds its text its own way;
 * a gs_UWriter follows the buffer's size so tracemalloc's peak sees it
 * (repr.c).  Zero-initialise, then set over and min_length. */
typedef struct gs_UWriter {
    uintptr_t key;          /* its block in the traces (0: none yet, or untraced) */
    bool made;              /* it has a buffer (or, readonly, a str) */
    bool over;              /* overallocate */
    bool whole;             /* the next write is a whole str (_PyUnicodeWriter_WriteStr) */
    bool readonly;          /* it holds that str, not a buffer of its own */
    int kind;               /* PEP 393 kind of the buffer (gs_str_kind's numbering) */
    int64_t size, pos, min_length;
} gs_UWriter;
/* `len` more characters of that kind written (_PyUnicodeWriter_Prepare) */
void gs_uwriter_write(gs_VM *vm, gs_UWriter *w, int64_t len, int kind);
/* _PyUnicodeWriter_Finish: the buffer is the result's now */
void gs_uwriter_finish(gs_VM *vm, gs_UWriter *w);
void gs_tm_block(gs_VM *vm, gs_Object *o, int part, size_t size, bool realloc);
void gs_tm_free(gs_VM *vm, gs_Object *o, int part);
/* a dict's keys object replaced: the old one (log2 -1: none, or a split
 * table's values) freed or kept on the keys free list, a new one (log2 -1:
 * none; -2: a values array like the class's) made */
void gs_tm_dict_keys(gs_VM *vm, gs_Object *d, int old_log2, bool old_unicode, int log2, bool unicode);
/* an instance's values array adopted by its materialised __dict__ */
void gs_tm_materialise(gs_VM *vm, gs_Object *inst, gs_Object *dict);
/* The module's side (modules/tracemalloc.c).  The state lives while the VM
 * does (the traceback limit outlives stop()); while tracing vm->tm points
 * at it.  gs_tm_start: 0, -1 out of memory; a second start keeps the
 * limit.  gs_tm_suspend/resume: the module's own objects are not traced
 * (CPython counts them at tracemalloc.py's lines). */
typedef struct gs_TMFrame { const char *file; int line; } gs_TMFrame;
typedef void (*gs_TMTraceFn)(void *ctx, size_t size, const gs_TMFrame *frames, int nframe, int total_nframe);
gs_MemTrace *gs_tm_state(gs_VM *vm);
int gs_tm_start(gs_VM *vm, int nframe);
void gs_tm_stop(gs_VM *vm);
bool gs_tm_tracing(gs_VM *vm);
int gs_tm_limit(gs_VM *vm);
void gs_tm_traced_memory(gs_VM *vm, uint64_t *current, uint64_t *peak);
void gs_tm_reset_peak(gs_VM *vm);
void gs_tm_clear_traces(gs_VM *vm);
size_t gs_tm_memory(gs_VM *vm);             /* get_tracemalloc_memory() */
gs_MemTrace *gs_tm_suspend(gs_VM *vm);
void gs_tm_resume(gs_VM *vm, gs_MemTrace *m);
size_t gs_tm_traces(gs_VM *vm, gs_TMTraceFn fn, void *ctx); /* every trace (fn may be NULL): how many */
/* the traceback of the block of o, most recent frame first: its frames
 * (at most max), or -1 if o's block is not traced */
int gs_tm_object_traceback(gs_VM *vm, gs_Object *o, gs_TMFrame *frames, int max, int *total);
void gs_tm_free_state(gs_VM *vm);
void **gs_tm_module_slot(gs_VM *vm);        /* a pointer the module keeps its own state in, or NULL (OOM) */

/* ids of events: the trace-side string id of a str object's contents */
uint32_t gs_trace_name(gs_VM *vm, gs_Str *s);

#endif
