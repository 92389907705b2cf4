/*
 * size.c — sys.getsizeof: every object's size as CPython 3.11 (64-bit
 * Linux) reports it, and the __sizeof__ methods behind it.
 *
 * CPython's rule (Python/sysmodule.c): sys.getsizeof(o) is
 * type(o).__sizeof__(o) plus the pre-header of o's type, 16 bytes of GC
 * header for a GC type (whether o is tracked or not) and 16 more for a
 * class whose instances keep their __dict__ and values before the object
 * (Py_TPFLAGS_MANAGED_DICT).  __sizeof__ is tp_basicsize, plus the items of
 * a variable-size object, plus what int, str, list, dict, set, type,
 * generator, frame and code add for themselves.  The numbers and their
 * sources are in /tmp/research/sizes/SIZES.md; the formulas that an alloc
 * event implies are shared with the trace (record/trace.h), so the
 * timeline derives the same sizes from events.
 *
 * What the model cannot know it approximates, and says so here: a code
 * object's size counts the model's own instructions (CPython counts its
 * bytecode and inline caches).
 *
 * An object of a class (a class statement's) is its built-in part's size
 * plus what the class adds to CPython's layout (gs_heap_extra): a GC header
 * if the built-in type had none, 8 bytes a __slots__ name, 8 for a
 * __weakref__ pointer the base lacked, 16 of pre-header for a managed
 * __dict__ (8 for a tuple's trailing dict pointer); a str subclass's
 * string is not compact (80 bytes of header instead of 48 or 72).
 */
#include "runtime.h"

/* ================================================================== helpers */

/* The built-in type an instance's class derives from (object for a plain
 * class), skipping the classes of class statements. */
static gs_Type *builtin_base(gs_Type *t)
{
    while (t && (t->flags & GS_TF_HEAP))
        t = t->base;
    return t;
}

/* A module's C type whose instances have a fixed size (datetime.date ...)
 * says it with a __basicsize__ class attribute, as CPython's types do; 0:
 * none given. */
static size_t native_basicsize(gs_VM *vm, gs_Type *t)
{
    if (!t || !t->native || !t->dict)
        return 0;
    gs_Object *v = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, "__basicsize__"));
    return v && GS_KIND(v) == GS_K_INT ? (size_t)((gs_Int *)v)->value : 0;
}

/* CPython's co_nlocalsplus: locals (arguments included), the cell
 * variables that are not arguments (an argument that is also a cell uses
 * one slot), the free variables. */
static int64_t nlocalsplus(gs_Code *c)
{
    int64_t n = (int64_t)c->nlocals + c->nfrees;
    for (int32_t i = 0; i < c->ncells; i++)
        if (!c->cell2arg || c->cell2arg[i] < 0)
            n++;
    return n;
}

/* Whether the class's instances keep a managed __dict__ (CPython's
 * Py_TPFLAGS_MANAGED_DICT): a class statement added a __dict__ to a base
 * of no variable size that had none (not int, tuple, an exception class, a
 * C type with its own dict pointer), or derives from one that did. */
bool gs_type_managed_dict(gs_VM *vm, gs_Type *t)
{
    if (!(t->flags & GS_TF_HEAP) || !(t->flags & GS_TF_DICT) || (t->flags & (GS_TF_CDICT | GS_TF_EXC)))
        return false;
    if (t->inst_kind == GS_K_INSTANCE)
        return true; /* object's, or a module's class CPython writes in Python */
    gs_Type *b = builtin_base(t);
    return b && !(b->flags & GS_TF_DICT) && b != vm->t_int && b != vm->t_bool && b != vm->t_tuple;
}

/* What an object of a class statement's class takes beyond its built-in
 * part's sys.getsizeof (0 for built-in objects, classes, exceptions and
 * instances of a module's class: those have their own rules). */
size_t gs_heap_extra(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = o->type;
    gs_Kind k = GS_KIND(o);
    if (!(t->flags & GS_TF_HEAP) || k == GS_K_TYPE || k == GS_K_EXCEPTION)
        return 0;
    gs_Type *b = builtin_base(t);
    if (!b || (k == GS_K_INSTANCE && b != vm->t_object))
        return 0;
    size_t n = gs_kind_is_gc(k) && k != GS_K_INSTANCE ? 0 : 16; /* the GC header a heap type has */
    n += 8 * (size_t)gs_type_nslots(t);
    if (gs_type_managed_dict(vm, t))
        n += 16;
    else if (k == GS_K_TUPLE && (t->flags & GS_TF_DICT))
        n += 8; /* tp_dictoffset -8: counted by object.__sizeof__ */
    if (k == GS_K_STR) {
        gs_Str *s = (gs_Str *)o; /* PyUnicodeObject's 80-byte header, not the compact one */
        return n + (s->nchars == s->len ? 32 : 8);
    }
    if ((t->flags & GS_TF_WEAK) && !(b->flags & GS_TF_WEAK) && k != GS_K_INT)
        n += 8;
    return n;
}

/* The size of a class's instances (or of an empty one, for a class
 * deriving from a variable-size built-in). */
static size_t instance_size(gs_VM *vm, gs_Type *t)
{
    if (t == vm->t_object)
        return 16;
    size_t basic = native_basicsize(vm, builtin_base(t));
    if (basic && !(t->flags & GS_TF_HEAP)) /* and the GC header of a GC type (array.array) */
        return basic + (t->native && t->native->gc ? 16 : 0);
    if (basic && t->native && t->native->gc && t->native->extra_size)
        /* a class adds a managed __dict__ (array.array has its GC header and weak list) */
        return basic + 16 + 16;
    if (basic) /* no GC header of its own; a class adds one, __weakref__ and a managed __dict__ */
        return basic + 8 + 32;
    if (!(t->flags & GS_TF_HEAP)) {
        /* the classes Lib/weakref.py defines in Python */
        const char *n = t->name->data;
        if (strcmp(n, "weakref.finalize") == 0)
            return 32; /* __slots__ = () */
        if (strcmp(n, "weakref._Info") == 0)
            return 80; /* six slots */
        if (strcmp(n, "types.SimpleNamespace") == 0)
            return 40; /* its dict pointer and the GC header */
        return 56;
    }
    gs_Type *b = builtin_base(t);
    if (b == vm->t_list)
        return 80;  /* list's 40, __weakref__, GC and managed-dict pre-headers */
    if (b == vm->t_dict)
        return 88;
    if (b == vm->t_int || b == vm->t_bool)
        return 44;  /* int.__sizeof__ (28) + the GC header: the dict pointer is not counted */
    if (b == vm->t_tuple)
        return 48;
    if (b == vm->t_float)
        return 64;
    if (b == vm->t_set || b == vm->t_frozenset)
        return 232;
    if (strcmp(b->name->data, "types.SimpleNamespace") == 0)
        return 48; /* SimpleNamespace's 40 and __weakref__ */
    return 56;      /* refcount, type, __weakref__ + 16 GC + 16 managed dict */
}

/* An exception: its built-in class's size, and a __weakref__ slot if a
 * class statement made its class (BaseException has none of its own). */
static size_t exception_size(gs_VM *vm, gs_Object *o)
{
    GS_UNUSED(vm);
    gs_Type *b = builtin_base(o->type);
    const char *n = b ? b->name->data : "BaseException";
    size_t s = gs_size_of_type_name(GS_K_EXCEPTION, n, strlen(n));
    if (!(o->type->flags & GS_TF_HEAP))
        return s;
    /* its slots, and a __weakref__ pointer unless __slots__ left it out */
    return s + 8 * (size_t)gs_type_nslots(o->type) + ((o->type->flags & GS_TF_WEAK) ? 8 : 0);
}

/* A class: the heap type object (904 bytes + GC) and, for a class whose
 * instances have a managed __dict__, its cached shared keys (64 slots of
 * str keys, 768 bytes); a built-in type is a static PyTypeObject. */
static size_t type_size(gs_Type *t)
{
    if (!(t->flags & GS_TF_HEAP))
        return 424;
    return 920 + (t->sk_usable >= 0 ? gs_dict_keys_size(6, true) : 0);
}

/* ================================================================== sys.getsizeof */

static size_t kind_sizeof(gs_VM *vm, gs_Object *o);

size_t gs_sizeof(gs_VM *vm, gs_Object *o)
{
    size_t n = kind_sizeof(vm, o);
    return (o->type->flags & GS_TF_HEAP) ? n + gs_heap_extra(vm, o) : n;
}

/* The built-in part's size */
static size_t kind_sizeof(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_NONE: case GS_K_NOTIMPL: case GS_K_ELLIPSIS: return 16;
    case GS_K_BOOL: return 28;
    case GS_K_INT: return gs_int_is_big(o) ? gs_big_sizeof(o) : gs_size_of_int(((gs_Int *)o)->value);
    case GS_K_FLOAT: return 24;
    case GS_K_STR: {
        gs_Str *s = (gs_Str *)o;
        if (s->nchars == s->len) /* every character one byte: ASCII, no scan (a huge string is common) */
            return 49 + (size_t)s->len;
        return 72 + ((size_t)s->nchars + 1) * (size_t)gs_str_kind(s); /* its kind is worked out once */
    }
    case GS_K_TUPLE: return 40 + 8 * (size_t)((gs_Tuple *)o)->len;
    case GS_K_LIST: return 56 + 8 * (size_t)((gs_List *)o)->cap;
    case GS_K_DICT: return gs_dict_sizeof(vm, o);
    case GS_K_SET: {
        gs_Set *s = (gs_Set *)o;
        return 216 + (s->table && s->table != s->smalltable ? 16 * (size_t)(s->mask + 1) : 0);
    }
    case GS_K_TYPE: return type_size((gs_Type *)o);
    case GS_K_FUNCTION: return 152;
    case GS_K_BUILTIN: return 72;
    case GS_K_METHOD: return 64;
    case GS_K_INSTANCE:
        if (o->type->var_size)
            return o->type->var_size(o);
        if ((o->type->flags & GS_TF_HEAP) && builtin_base(o->type) == vm->t_object)
            return 16; /* object's part: gs_heap_extra adds the class's */
        if (o->type->native && o->type->native->extra_size) /* array.array's items */
            return instance_size(vm, o->type) + o->type->native->extra_size(o);
        return instance_size(vm, o->type);
    case GS_K_EXCEPTION: return exception_size(vm, o);
    case GS_K_MODULE: return 72;
    case GS_K_CODE: {
        /* 184 + 2 bytes a code unit, rounded up to 8 (no GC header) */
        size_t n = 184 + 2 * (size_t)((gs_Code *)o)->nops;
        return (n + 7) & ~(size_t)7;
    }
    case GS_K_CELL: return 40;
    case GS_K_RANGE: return 48;
    case GS_K_ITER: {
        const char *n = o->type->name->data;
        return gs_size_of_type_name(GS_K_ITER, n, strlen(n));
    }
    case GS_K_SLICE: return 56;
    case GS_K_WEAKREF: /* weakref.KeyedRef has a key slot */
        return strcmp(o->type->name->data, "weakref.KeyedRef") == 0 ? 88 : 80;
    case GS_K_FRAME: {
        gs_Code *c = ((gs_FrameObj *)o)->code;
        return 136 + (c ? 8 * (size_t)(nlocalsplus(c) + c->co_stacksize) : 0);
    }
    case GS_K_TRACEBACK: return 56;
    case GS_K_GENERATOR: {
        /* the frame lives inside the generator: 80 + 72 + 8 a slot */
        gs_Code *c = gs_gen_code(o);
        return 168 + (c ? 8 * (size_t)(nlocalsplus(c) + c->co_stacksize) : 0);
    }
    /* (a type derived from them, abc's abstractproperty ..., adds what a
     * class statement's subclass has: __weakref__, and beside a property,
     * which has no __dict__, a managed one) */
    case GS_K_PROPERTY: return o->type == vm->t_property ? 80 : 104;
    case GS_K_CLASSMETHOD: return o->type == vm->t_classmethod ? 48 : 56;
    case GS_K_STATICMETHOD: return o->type == vm->t_staticmethod ? 48 : 56;
    case GS_K_SUPER: return 56;
    case GS_K_COMPLEX: return 32;
    case GS_K_BYTES: return 33 + (size_t)((gs_Bytes *)o)->len;
    case GS_K_BYTEARRAY: return gs_bytearray_sizeof(o);
    default: return 16;
    }
}

void gs_size_settled(gs_VM *vm, gs_Object *o, size_t old)
{
    size_t now = gs_sizeof(vm, o);
    gs_size_changed(vm, o, old, now);
    if (vm->tm)
        gs_tm_object(vm, o); /* the same block, now of its real size */
}

/* The pre-header sys.getsizeof adds to __sizeof__: the GC header, and the
 * managed-dict pointers of an instance whose class has shared keys. */
static size_t preheader(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = o->type;
    size_t n = 0;
    if ((gs_kind_is_gc((gs_Kind)t->inst_kind) || (t->flags & GS_TF_HEAP)) && t != vm->t_object &&
        t != vm->t_iter[GS_IT_RANGE] && !(!(t->flags & GS_TF_HEAP) && native_basicsize(vm, t) && !t->native->gc))
        n += 16;
    if (gs_type_managed_dict(vm, t))
        n += 16;
    return n;
}

/* object.__sizeof__ and the built-in types' own: the size without the
 * pre-header (what o.__sizeof__() returns). */
static gs_Object *m_sizeof(GS_ARGS)
{
    GS_UNUSED_ARGS;
    size_t n = gs_sizeof(vm, self), pre = preheader(vm, self);
    return gs_int_new(vm, (int64_t)(n > pre ? n - pre : 0));
}

static const gs_MethodDef object_sizeof[] = {
    { "__sizeof__", m_sizeof, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

void gs_size_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_object, object_sizeof); }

/* sys.getsizeof(o): the class's own __sizeof__ if it has one (called, and
 * its result checked as CPython checks it), else the model's size. */
gs_Object *gs_getsizeof(gs_VM *vm, gs_Object *o)
{
    gs_Object *m = gs_type_lookup(o->type, gs_name(vm, "__sizeof__"));
    if (!m || (GS_KIND(m) == GS_K_BUILTIN && ((gs_Builtin *)m)->fn == m_sizeof))
        return gs_int_new(vm, (int64_t)gs_sizeof(vm, o));
    gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
    if (!r)
        return NULL;
    int64_t n = 0;
    if (GS_KIND(r) != GS_K_INT && GS_KIND(r) != GS_K_BOOL) {
        gs_raise(vm, vm->e_TypeError, "an integer is required"); /* PyLong_AsSsize_t */
        gs_decref(vm, r);
        return NULL;
    }
    n = GS_KIND(r) == GS_K_BOOL ? r == vm->true_ : ((gs_Int *)r)->value;
    gs_decref(vm, r);
    if (n < 0) {
        gs_raise(vm, vm->e_ValueError, "__sizeof__() should return >= 0");
        return NULL;
    }
    return gs_int_new(vm, n + (int64_t)preheader(vm, o));
}
