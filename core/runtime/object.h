/*
 * object.h — gcscope's object model: every value a Python program touches.
 *
 * The layout copies what matters of CPython 3.11 for reference counting:
 * every object carries a reference count and a type; container objects can
 * be tracked by the cycle collector and then sit on a generation list.  What
 * CPython keeps in the object (inline instance attributes, list slots, dict
 * entries) we keep in the object too, so `sys.getrefcount` agrees.
 *
 * Ownership words used in this file, as in CPython's documentation:
 *   new reference  — the caller owns the result and must gs_decref it;
 *   borrowed       — the caller must not decref it;
 *   steals         — the callee takes over the caller's reference.
 * Every function that can fail returns NULL (or -1) with an exception set in
 * the VM (see gs_raise in vm.h).
 *
 * Invariant: o->refcnt equals the number of holders of o that the runtime
 * models (frame slots, value-stack slots, container slots, attributes,
 * code constants, cells, internal references).  The debug check in
 * gs_vm_check_refcounts recomputes it from the holders and compares.
 */
#ifndef GS_OBJECT_H
#define GS_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gs_VM gs_VM;
typedef struct gs_Object gs_Object;
typedef struct gs_Type gs_Type;

/* What an object is, stored in its header so the VM can switch on it
 * without chasing the type pointer. */
typedef enum gs_Kind {
    GS_K_NONE, GS_K_BOOL, GS_K_INT, GS_K_FLOAT, GS_K_STR,
    GS_K_TUPLE, GS_K_LIST, GS_K_DICT, GS_K_SET,
    GS_K_TYPE, GS_K_FUNCTION, GS_K_BUILTIN, GS_K_METHOD,
    GS_K_INSTANCE, GS_K_EXCEPTION, GS_K_MODULE, GS_K_CODE, GS_K_CELL,
    GS_K_RANGE, GS_K_ITER, GS_K_SLICE, GS_K_NOTIMPL, GS_K_ELLIPSIS,
    GS_K_WEAKREF, GS_K_FRAME, GS_K_TRACEBACK, GS_K_GENERATOR,
    GS_K_PROPERTY, GS_K_CLASSMETHOD, GS_K_STATICMETHOD, GS_K_SUPER,
    GS_K_COMPLEX, GS_K_BYTES, GS_K_BYTEARRAY,
    GS_K_COUNT
} gs_Kind;

/* gcflags bits */
enum {
    GS_GC_TRACKED     = 1 << 0,  /* on a generation list */
    GS_GC_FINALIZED   = 1 << 1,  /* __del__ already ran (PEP 442) */
    GS_GC_STATIC      = 1 << 2,  /* lives as long as the VM; never freed, never recorded */
    GS_GC_COLLECTING  = 1 << 3,  /* in the set being collected */
    GS_GC_UNREACHABLE = 1 << 4,  /* tentatively unreachable in the current pass */
    GS_GC_SHOWN       = 1 << 5,  /* alloc was recorded (trace knows this object) */
    GS_GC_UNCOUNTED   = 1 << 6,  /* not in generation 0's count (yet): an exception CPython
                                    has not normalized, see gs_exception_new_unnormalized */
    GS_GC_PENDING_OUT = 1 << 7   /* a str print() gave sys.stdout, which CPython keeps (one more
                                    reference there) until it writes its pending text (builtins.c) */
};

struct gs_Object {
    intptr_t refcnt;
    gs_Type *type;
    uint32_t id;          /* serial number, 1.. in allocation order; names the object in events */
    uint8_t kind;         /* gs_Kind */
    uint8_t gcflags;
    uint8_t gen;          /* generation 0..2, 3 = permanent (when tracked) */
    uint8_t attrs_in_order; /* instances: 1 once their attribute names are known to be in the
                               class's key order (object.c visit_attrs); gs_setattr clears it */
    gs_Object *gc_next;   /* generation list links, valid while tracked */
    gs_Object *gc_prev;
    intptr_t gc_refs;     /* scratch for the collector */
};

#define GS_KIND(o) ((gs_Kind)((gs_Object *)(o))->kind)

/* ------------------------------------------------------------------ dict table
 * An insertion-ordered hash table (CPython's compact dict): `entries` in
 * insertion order, `index` maps hash slots to entry positions.  Used by dict
 * objects and by instances' inline attributes. */
typedef struct gs_DictEntry {
    int64_t hash;
    gs_Object *key;       /* NULL = deleted entry */
    gs_Object *value;
} gs_DictEntry;

/* What CPython's keys object of a dict would be (its size shows in
 * sys.getsizeof): entries of key and value while every key is a str, of
 * hash, key and value once one is not; or an instance's split table, whose
 * keys the class shares (sized by the class: gs_Type.sk_*). */
enum { GS_DK_UNICODE = 0, GS_DK_GENERAL = 1, GS_DK_SPLIT = 2 };

typedef struct gs_DictTable {
    int32_t *index;       /* -1 empty, -2 dummy, else entry position */
    gs_DictEntry *entries;
    int32_t index_size;   /* power of two, or 0 for no table (CPython's Py_EMPTY_KEYS) */
    int32_t nentries;     /* entries used (live + deleted) */
    int32_t cap;          /* entries allocated: usable_fraction(index_size) for a dict's table */
    int32_t used;         /* live entries */
    uint8_t kind;         /* GS_DK_*: a dict's table (an instance's own table is GS_DK_SPLIT once
                             materialised, unless it outgrew the class's shared keys) */
} gs_DictTable;

/* ------------------------------------------------------------------ objects */

typedef struct gs_Int {
    gs_Object ob;
    int64_t value;        /* the value; past 64 bits INT64_MAX or INT64_MIN (its sign) */
    void *big;            /* past 64 bits: its mpz_t (bigint.c), else NULL */
} gs_Int;

static inline bool gs_int_is_big(const gs_Object *o)
{
    return GS_KIND(o) == GS_K_INT && ((const gs_Int *)o)->big;
}

typedef struct gs_Float {
    gs_Object ob;
    double value;
} gs_Float;

/* complex (complex.c): two doubles, like CPython's Py_complex */
typedef struct gs_Complex {
    gs_Object ob;
    double real, imag;
} gs_Complex;

/* bytes (bytes.c): immutable, the bytes inline after the header (a NUL
 * follows them, as in CPython's PyBytesObject) */
typedef struct gs_Bytes {
    gs_Object ob;
    int64_t hash;         /* -1 until computed */
    int32_t len;
    char data[];          /* len bytes + NUL */
} gs_Bytes;

/* bytearray (bytes.c): a separate buffer of `alloc` bytes (len + 1 at
 * least, for the NUL CPython keeps), grown as CPython's bytearray_resize
 * grows it, since sys.getsizeof shows the allocation */
typedef struct gs_ByteArray {
    gs_Object ob;
    int64_t len;
    int64_t alloc;        /* 0: no buffer yet (bytearray()) */
    int64_t start;        /* where the contents begin in data: a deletion at the front advances it */
    char *data;
    int32_t exports;      /* memoryviews' managed buffers holding it: no resize while above 0 */
} gs_ByteArray;

typedef struct gs_Str {
    gs_Object ob;
    int64_t hash;         /* -1 until computed */
    int32_t len;          /* bytes of UTF-8 */
    int32_t nchars;       /* code points */
    uint8_t interned;
    uint8_t pep393;       /* its PEP 393 kind + 1 once worked out (gs_str_kind), 0 until then
                             (fits in padding) */
    uint32_t trace_id;    /* the contents' id in the VM's trace string pool, 0 until asked
                             (fits in padding: sizeof(gs_Str) is unchanged) */
    char data[];          /* len bytes + NUL */
} gs_Str;

typedef struct gs_Tuple {
    gs_Object ob;
    int64_t hash;
    int32_t len;
    gs_Object *items[];
} gs_Tuple;

typedef struct gs_List {
    gs_Object ob;
    int32_t len;
    int32_t cap;
    gs_Object **items;
} gs_List;

typedef struct gs_Dict {
    gs_Object ob;
    gs_DictTable t;
    gs_Object *owner;     /* instance whose __dict__ this is (borrowed), or NULL */
    /* a split table whose instance died: the class's shared keys as they
     * were then (names, room left), which size it from then on */
    int32_t sk_nentries, sk_usable;
    /* entries CPython's dict has that the model's does not (the names
     * __main__'s globals start with: __doc__, __loader__...): they take
     * room in the table all the same */
    int32_t hidden;
} gs_Dict;

/* CPython 3.11's set table (Objects/setobject.c), kept slot for slot so that
 * sets iterate, print and pop in CPython's order.  Open addressing over
 * mask + 1 slots (a power of two, at least GS_SET_MINSIZE); a probe looks at
 * up to LINEAR_PROBES neighbours before a perturbed jump.  A slot is
 *   unused   key NULL, hash 0
 *   dummy    key NULL, hash -1   (CPython's `dummy` key: an element left)
 *   active   key set, hash = the key's hash
 * `fill` counts active and dummy slots, `used` the active ones.  Every
 * active key holds one reference (cause KEY, slot = the key's id).  `table`
 * points at `smalltable` until the set outgrows it. */
#define GS_SET_MINSIZE 8

typedef struct gs_SetEntry {
    gs_Object *key;
    int64_t hash;
} gs_SetEntry;

typedef struct gs_Set {
    gs_Object ob;
    int64_t fill;         /* active + dummy slots */
    int64_t used;         /* active slots = len(set) */
    int64_t mask;         /* slots - 1 */
    gs_SetEntry *table;
    int64_t hash;         /* frozenset hash, -1 until computed */
    int64_t finger;       /* where pop() starts looking */
    gs_SetEntry smalltable[GS_SET_MINSIZE];
    bool frozen;
    gs_Object *weakreflist;    /* first weak reference to this set, or NULL (weakrefobject.c) */
} gs_Set;

/* type flags */
enum {
    GS_TF_HEAP     = 1 << 0,  /* created by a class statement */
    GS_TF_BASETYPE = 1 << 1,  /* may be subclassed */
    GS_TF_EXC      = 1 << 2,  /* BaseException or a subclass */
    GS_TF_HAS_DEL  = 1 << 3,  /* defines __del__ somewhere in its bases */
    GS_TF_DICT     = 1 << 4,  /* its instances have a __dict__ (CPython: tp_dictoffset != 0) */
    GS_TF_WEAK     = 1 << 5,  /* its instances can be weakly referenced (tp_weaklistoffset != 0) */
    GS_TF_WEAKREF_ATTRS = 1 << 6, /* a weakref type CPython writes in Python (WeakMethod): its instances
                                     keep attributes and can be weakly referenced */
    GS_TF_WEAKPROXY = 1 << 7, /* weakref.ProxyType / CallableProxyType: every protocol forwards */
    GS_TF_CDICT    = 1 << 8,  /* a C type with a plain tp_dictoffset (io.StringIO): the first attribute
                                 set makes a real __dict__, no inline values */
    GS_TF_PYCLASS  = 1 << 9   /* a module's type standing for a class CPython writes in Python
                                 (contextlib.suppress): its tp_name, in messages, is the bare name */
};

/* gs_Type.hooks: attribute access a class customizes in Python (its MRO
 * has these as functions, not object's built-in ones) */
enum { GS_HOOK_GETATTRIBUTE = 1, GS_HOOK_GETATTR = 2, GS_HOOK_SETATTR = 4, GS_HOOK_DELATTR = 8 };

/* The labels (gs_Cause.what) of the references a class holds, in
 * gs_traverse and the events: its dict, its best base (tp_base), itself
 * (the MRO tuple and its descriptors), its bases (tp_bases), its ancestors
 * (tp_mro, ancestor i at GS_TSLOT_MRO + i), its metaclass.  Objects of a
 * class derived from a built-in type hold their class and __dict__ under
 * GS_OSLOT_CLASS and GS_OSLOT_DICT (their built-in part uses 0 and 1). */
enum {
    GS_TSLOT_DICT = 0, GS_TSLOT_BASE = 1, GS_TSLOT_SELF = 2, GS_TSLOT_MRO = 3,
    GS_TSLOT_BASES_MORE = 0x8000, GS_TSLOT_META = 0x7ffe,
    GS_OSLOT_CLASS = 0x7ffe, GS_OSLOT_DICT = 0x7fff
};
static inline uint32_t gs_tslot_bases(int32_t i) { return i == 0 ? 3u : GS_TSLOT_BASES_MORE + (uint32_t)i; }

typedef struct gs_Type {
    gs_Object ob;
    gs_Str *name;         /* __name__ */
    gs_Str *module;       /* "builtins" or "__main__" */
    gs_Type *base;        /* single inheritance; NULL only for object */
    gs_Dict *dict;        /* the class namespace */
    uint8_t inst_kind;    /* kind of the instances it makes */
    uint16_t flags;       /* GS_TF_* */
    uint16_t spare;
    int32_t internal_refs;/* references CPython's type internals hold (the mro tuple) */
    gs_DictTable attr_keys;/* instance attribute names in first-set order (CPython's shared keys) */
    /* CPython 3.11's cached shared keys of a class whose instances have a
     * managed __dict__ (sizes: an instance's values array, a materialised
     * __dict__): names in them, room left (each new instance takes one
     * while more than one is left), the names; sk_usable < 0: no shared keys */
    int32_t sk_nentries, sk_usable;
    gs_DictTable sk_names;
    gs_Object *weakreflist;/* first weak reference to this class, or NULL (weakrefobject.c) */
    /* The method resolution order, the type itself first, and the tuple of
     * bases (malloc'd arrays, borrowed entries: the references CPython's
     * tp_mro and tp_bases tuples hold are counted by class.c).  A built-in
     * type's are made from its base chain when first asked (gs_type_mro). */
    struct gs_Type **mro;
    struct gs_Type **bases;
    int32_t nmro, nbases;
    gs_Str *qualname;      /* a class's __qualname__ (owned); NULL: its name */
    uint8_t hooks;         /* GS_HOOK_* */
    struct gs_Str **slots; /* a class's own __slots__ names (owned), NULL: none declared */
    int32_t nslots;        /* how many (0 with slots != NULL: __slots__ = ()) */
    int32_t slot_base;     /* slots of the class's ancestors: its first slot's index */
    const struct gs_NativeOps *native; /* instances' C data, or NULL (plain instances): below */
    /* a module's C type whose instances vary in size (decimal.Decimal's
     * coefficient): an instance's sys.getsizeof; NULL: __basicsize__ says it */
    size_t (*var_size)(const gs_Object *o);
} gs_Type;

/* The part of an object that makes it an instance of a class: attributes
 * (kept inline until __dict__ is read, as CPython 3.11 does), the __dict__
 * once made, and the weak references to it.  gs_Instance starts with one
 * after its header; an object of a class derived from a built-in type (a
 * list subclass) carries one after its built-in part (gs_inst_part). */
typedef struct gs_InstPart {
    gs_DictTable attrs;
    struct gs_Dict *dict;
    gs_Object *weakreflist;
} gs_InstPart;

typedef struct gs_Code gs_Code;

typedef struct gs_Function {
    gs_Object ob;
    gs_Code *code;
    gs_Dict *globals;
    gs_Str *name;
    gs_Str *qualname;
    gs_Tuple *defaults;        /* NULL if none */
    gs_Dict *kwdefaults;       /* NULL if none */
    gs_Tuple *closure;         /* tuple of cells, NULL if none */
    gs_Dict *dict;             /* function attributes, NULL until set */
    gs_Dict *annotations;      /* __annotations__: NULL until first asked for (func_get_annotations) */
    gs_Object *weakreflist;    /* first weak reference to this function, or NULL (weakrefobject.c) */
} gs_Function;

typedef gs_Object *(*gs_CFunc)(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames);

typedef struct gs_Builtin {
    gs_Object ob;
    const char *name;          /* static */
    gs_CFunc fn;
    gs_Object *self;           /* bound receiver (owned) or NULL */
    gs_Type *owner;            /* type whose method this is (borrowed), or NULL */
    int16_t min_args, max_args;/* -1 max = any; checked before fn runs */
    uint8_t takes_kw;          /* fn accepts kwnames */
    uint8_t varargs;           /* runtime.h's GS_VARARGS (METH_VARARGS: a call packs the arguments in
                                  a tuple and keywords in a dict) or STARARGS (only the tuple);
                                  gc.get_count() sees them */
    gs_Object *weakreflist;    /* first weak reference to it, or NULL (weakrefobject.c) */
} gs_Builtin;

typedef struct gs_Method {     /* bound method: function + self */
    gs_Object ob;
    gs_Object *func;
    gs_Object *self;
    gs_Object *weakreflist;    /* first weak reference to it, or NULL (weakrefobject.c) */
} gs_Method;

/* property, staticmethod and classmethod objects.  The wrapped callable
 * (a property's fget) comes first, where gs_Cell keeps its reference. */
typedef struct gs_Descr {
    gs_Object ob;
    gs_Object *ref;            /* fget / the wrapped callable, or NULL */
    gs_Object *fset, *fdel;    /* property */
    gs_Object *doc;            /* property's __doc__ (None, or fget's docstring) */
    gs_Object *name;           /* property: the name __set_name__ gave it */
    struct gs_Dict *dict;      /* staticmethod/classmethod: __dict__ (functools.wraps' copies) */
    bool getter_doc;           /* property: doc came from fget */
} gs_Descr;

typedef struct gs_Instance {
    gs_Object ob;
    gs_DictTable attrs;        /* inline attribute values (3.11: no dict object) */
    gs_Dict *dict;             /* materialised __dict__, then the attributes live there */
    gs_Object *weakreflist;    /* first weak reference to this object, or NULL */
} gs_Instance;

/* A frame of CPython's own Python code (random.py, json/decoder.py...)
 * that a module written here in C stands for: where CPython's traceback
 * would show it, with its line and carets as python3.11 prints them. */
typedef struct gs_LibFrame {
    const char *file;          /* "/usr/lib/python3.11/random.py" */
    int line;
    const char *func;
    const char *text;          /* the line, stripped (NULL: "<string>", whose lines are not shown) */
    const char *carets;        /* the caret line without its 4-space indent, or NULL */
} gs_LibFrame;

#define GS_LIB_FRAMES_MAX 8

typedef struct gs_Exception {
    gs_Instance inst;
    gs_Tuple *args;
    gs_Object *traceback;      /* traceback object or NULL */
    gs_Object *context;
    gs_Object *cause;
    bool suppress_context;
    gs_Object *attr_obj;       /* AttributeError: the object (owned), for "Did you mean" */
    gs_Str *attr_name;         /* AttributeError / NameError: the missing name (owned) */
    char *suggestion;          /* NameError: computed where it was raised (malloc'd) */
    struct gs_TBEntry *tb;     /* where it passed, innermost last (malloc'd) */
    int ntb, captb;
    const gs_LibFrame *lib[GS_LIB_FRAMES_MAX]; /* raised in a module's stand-in for CPython's Python code:
                                                  its frames, innermost last, after the traceback's */
    int nlib;
    /* BaseExceptionGroup: its message (a str) and its exceptions (a
     * non-empty tuple), both owned, NULL for other exceptions (slots 16, 17) */
    gs_Object *eg_msg;
    gs_Tuple *eg_excs;
} gs_Exception;

/* A frame object (frame.f_code, tb.tb_frame...).  While its frame runs it
 * only points at it (`live`); if it is still referenced when the frame
 * exits, the frame's slots move into it (CPython's take_ownership), so a
 * traceback keeps the frame's locals alive. */
typedef struct gs_FrameObj {
    gs_Object ob;
    struct gs_Frame *live;     /* the running frame, NULL once detached */
    gs_Object **slots;         /* detached: locals, cells, frees (owned) */
    int32_t nslots;
    gs_Code *code;             /* owned */
    gs_Function *func;         /* detached: owned (the frame's function) */
    gs_Object *globals;        /* borrowed from func or the module */
    gs_Object *back;           /* detached: the caller's frame object (owned) */
    gs_Object *locals_dict;    /* detached: the frame's f_locals dict (owned), or NULL */
    int32_t lasti, lineno;
} gs_FrameObj;

typedef struct gs_TracebackObj {
    gs_Object ob;
    gs_Object *next;           /* tb_next (owned): one frame further in */
    gs_Object *frame;          /* tb_frame (owned) */
    int32_t lasti, lineno;
} gs_TracebackObj;

typedef struct gs_TBEntry {
    gs_Code *code;             /* borrowed: codes live as long as the program */
    int32_t line;
    int32_t lasti;
} gs_TBEntry;

typedef struct gs_Module {
    gs_Object ob;
    gs_Str *name;
    gs_Dict *dict;
    gs_Object *weakreflist;    /* first weak reference to it, or NULL (weakrefobject.c) */
} gs_Module;

typedef struct gs_Cell {
    gs_Object ob;
    gs_Object *ref;            /* NULL = empty */
} gs_Cell;

typedef struct gs_Range {
    gs_Object ob;
    int64_t start, stop, step, len;
} gs_Range;

typedef struct gs_Slice {
    gs_Object ob;
    gs_Object *start, *stop, *step;
} gs_Slice;

typedef enum gs_IterKind {
    GS_IT_LIST, GS_IT_TUPLE, GS_IT_STR, GS_IT_RANGE, GS_IT_DICT_KEYS,
    GS_IT_DICT_VALUES, GS_IT_DICT_ITEMS, GS_IT_SET, GS_IT_ENUMERATE, GS_IT_ZIP,
    GS_IT_MAP, GS_IT_FILTER, GS_IT_REVERSED, GS_IT_CALL,
    GS_IT_SEQ,             /* an object with only __getitem__ (PySeqIter: "iterator") */
    GS_IT_BYTES            /* bytes and bytearray iterators (bytes.c): their types are not in vm->t_iter */
} gs_IterKind;

typedef struct gs_Iter {
    gs_Object ob;
    uint8_t ikind;
    int64_t index;             /* position / next value for ranges */
    int64_t stop, step;        /* range iterators */
    gs_Object *seq;            /* the iterated object (owned), NULL once exhausted */
    gs_Object *extra;          /* enumerate counter start, zip/map tuple of iterators, map function */
} gs_Iter;

/* ------------------------------------------------------------------ code */

typedef struct gs_ExcEntry {   /* exception table: [start, end) handled at target */
    int32_t start, end, target, depth;
    uint8_t lasti;             /* push the instruction offset too */
} gs_ExcEntry;

enum {                         /* code flags */
    GS_CO_OPTIMIZED = 1 << 0,  /* fast locals (function body) */
    GS_CO_VARARGS   = 1 << 1,
    GS_CO_VARKW     = 1 << 2,
    GS_CO_GENERATOR = 1 << 3,
    GS_CO_NESTED    = 1 << 4,
    GS_CO_COMPREHENSION = 1 << 5
};

/* Where an instruction's node is in the source (CPython's co_positions):
 * its first line's byte column from 0, its last line and the column one
 * past its end (col -1: not known).  A binary operator's instruction keeps
 * the left operand's end and the right one's start (GS_ANCHOR_BINOP), a
 * subscript's the value's end and the slice's (GS_ANCHOR_SUBSCRIPT): where
 * a traceback puts its ~~^^ marks. */
enum { GS_ANCHOR_NONE, GS_ANCHOR_BINOP, GS_ANCHOR_SUBSCRIPT };
typedef struct gs_Pos {
    int32_t col, end_line, end_col;
    int32_t left, right;       /* the anchors' byte columns */
    int32_t anchor;            /* GS_ANCHOR_* */
} gs_Pos;

struct gs_Code {
    gs_Object ob;
    uint32_t *ops;             /* instruction words: opcode (8 bits) | arg << 8 */
    int32_t *lines;            /* line of each instruction */
    gs_Pos *pos;               /* where each instruction is (tracebacks' carets) */
    uint8_t *linestart;        /* 1 where an instruction begins a new line */
    int32_t nops;
    gs_Object **consts;        /* owned references */
    int32_t nconsts;
    gs_Str **names;            /* global/attribute names (owned) */
    int32_t nnames;
    gs_Str **localnames;       /* fast locals, then cell vars, then free vars (owned) */
    int32_t nlocals;           /* plain locals, including arguments */
    int32_t ncells;
    int32_t nfrees;
    int32_t *cell2arg;         /* for each cell: argument index it starts from, or -1 */
    int32_t argcount;          /* positional parameters */
    int32_t posonlyargcount;   /* ... of which the first are positional-only (before '/') */
    int32_t kwonlycount;
    int32_t stacksize;         /* value-stack slots the VM gives a frame of this code */
    int32_t co_stacksize;      /* CPython's co_stacksize for it (the deepest the stack gets): what
                                  sys.getsizeof of its generators and frames counts */
    int32_t flags;
    int32_t firstline;
    gs_ExcEntry *exctable;
    int32_t nexc;
    gs_Str *name;
    gs_Str *qualname;
    gs_Str *filename;
    int32_t warmup;            /* entries and loop back edges so far, up to GS_QUICKEN_WARMUP (vm.c) */
    uint8_t *spec;             /* once quickened: per instruction, its specialization and its misses */
    gs_Object *weakreflist;    /* first weak reference to it, or NULL (weakrefobject.c) */
};

/* CPython 3.11 quickens a code object on its 8th RESUME or JUMP_BACKWARD;
 * from then on each adaptive instruction specializes the first time it
 * runs.  Two specializations change what gets allocated: UNPACK_SEQUENCE of
 * a tuple or list (no iterator) and str(x) (no argument tuple). */
enum { GS_QUICKEN_WARMUP = 8 };

/* Past its nops instruction words, a code's `ops` block holds one int32_t
 * per instruction: for the name instructions (LOAD_NAME, STORE_NAME,
 * LOAD_GLOBAL, STORE_GLOBAL) the dict entry where the name was last found,
 * or -1.  A hint is only a place to look first: it is used only if that
 * entry's key is the very name (CPython 3.11 keeps such inline caches
 * beside its bytecode too). */
static inline int32_t *gs_code_hints(gs_Code *c) { return (int32_t *)(c->ops + c->nops); }

/* ------------------------------------------------------------------ API: memory and counts */

/* The one allocation function: size bytes, header initialised (refcnt 1,
 * untracked), an id assigned, an `alloc` event recorded.  NULL + MemoryError
 * when the heap ceiling is reached. */
gs_Object *gs_alloc(gs_VM *vm, gs_Type *type, size_t size);

/* Free an object whose count reached zero: run __del__ if any (it may
 * resurrect), clear weakrefs, release its references, record `free`. */
void gs_dealloc(gs_VM *vm, gs_Object *o);

/* Causes of a reference change, so the viewer can say who took or dropped
 * the reference.  Packed into the event; `what` is a name id, index or
 * holder id depending on the kind. */
typedef enum gs_CauseKind {
    GS_CAUSE_NONE,
    GS_CAUSE_TEMP,       /* value stack of the current frame */
    GS_CAUSE_NAME,       /* a name in a frame (what = name string id) */
    GS_CAUSE_GLOBAL,     /* a module-level name (what = name string id) */
    GS_CAUSE_SLOT,       /* container index (holder, what = index) */
    GS_CAUSE_KEY,        /* dict key object (holder) */
    GS_CAUSE_VALUE,      /* dict value (holder, what = key id) */
    GS_CAUSE_ATTR,       /* attribute (holder, what = name string id) */
    GS_CAUSE_INTERNAL,   /* an object's own field: type, function's code, cell, ... */
    GS_CAUSE_CONST,      /* a code object's constant */
    GS_CAUSE_ARG,        /* moved or copied into a callee frame */
    GS_CAUSE_GC          /* the collector (delete_garbage, resurrection) */
} gs_CauseKind;

typedef struct gs_Cause {
    uint8_t kind;
    uint32_t holder;     /* holder object id, or frame id for names/temps */
    uint32_t what;
} gs_Cause;

#define GS_CAUSE(k, h, w) ((gs_Cause){ (uint8_t)(k), (uint32_t)(h), (uint32_t)(w) })

/* ------------------------------------------------------------------ API: constructors (new references) */

gs_Object *gs_int_new(gs_VM *vm, int64_t v);
gs_Object *gs_float_new(gs_VM *vm, double v);
gs_Object *gs_str_new(gs_VM *vm, const char *s, size_t len);   /* UTF-8 assumed valid */
gs_Object *gs_str_from_cstr(gs_VM *vm, const char *s);
gs_Object *gs_str_intern(gs_VM *vm, const char *s, size_t len); /* shared, like CPython's interned strings */
gs_Object *gs_str_intern_literal(gs_VM *vm, const char *s, size_t len); /* an identifier-like literal (str.c) */
gs_Object *gs_str_intern_obj(gs_VM *vm, gs_Str *s); /* sys.intern(s): the interned str of that text (new ref) */
void gs_str_forget_interned(gs_VM *vm, gs_Str *s);  /* a mortal interned str dies */
void gs_str_interned_free(gs_VM *vm);               /* the VM ends */
gs_Object *gs_str_printf(gs_VM *vm, const char *fmt, ...);
gs_Object *gs_str_of_int(gs_VM *vm, int64_t v); /* str(int): always a new object */
/* long_to_decimal_string's scratch int (1 + the 30-bit digits of v) as a
 * tracemalloc block while the digits are written; 0 when not tracing */
uintptr_t gs_decimal_scratch(gs_VM *vm, int64_t v);
gs_Object *gs_tuple_new(gs_VM *vm, int32_t len);                /* items NULL: fill with gs_tuple_init */
gs_Object *gs_list_new(gs_VM *vm, int32_t len);                 /* items NULL: fill with gs_list_init */
gs_Object *gs_dict_new(gs_VM *vm);
gs_Object *gs_set_new(gs_VM *vm, bool frozen);                 /* empty */
gs_Object *gs_set_from_iterable(gs_VM *vm, bool frozen, gs_Object *iterable); /* set(x) / frozenset(x) */
gs_Object *gs_cell_new(gs_VM *vm, gs_Object *ref);              /* does not steal */
gs_Object *gs_range_new(gs_VM *vm, int64_t start, int64_t stop, int64_t step);
gs_Object *gs_iter_new(gs_VM *vm, gs_IterKind k, gs_Object *seq); /* does not steal */
gs_Object *gs_builtin_new(gs_VM *vm, const char *name, gs_CFunc fn, int min, int max, gs_Object *self);
gs_Object *gs_method_new(gs_VM *vm, gs_Object *func, gs_Object *self);

/* ------------------------------------------------------------------ API: containers */

/* Store into a fresh tuple/list slot during construction; steals `v`. */
void gs_tuple_init(gs_VM *vm, gs_Object *t, int32_t i, gs_Object *v);
void gs_list_init(gs_VM *vm, gs_Object *l, int32_t i, gs_Object *v);

int  gs_list_append(gs_VM *vm, gs_Object *l, gs_Object *v);        /* does not steal */
int  gs_list_insert(gs_VM *vm, gs_Object *l, int64_t i, gs_Object *v);
gs_Object *gs_list_pop(gs_VM *vm, gs_Object *l, int64_t i);        /* new ref */
int  gs_list_setitem(gs_VM *vm, gs_Object *l, int64_t i, gs_Object *v); /* does not steal */
int  gs_list_delitem(gs_VM *vm, gs_Object *l, int64_t i);
void gs_list_clear(gs_VM *vm, gs_Object *l);

int64_t gs_hash(gs_VM *vm, gs_Object *o);                 /* -1 and TypeError if unhashable */
/* dict: keys and values are not stolen; lookups return borrowed or NULL */
gs_Object *gs_dict_get(gs_VM *vm, gs_Object *d, gs_Object *key);   /* borrowed; NULL (no error) if absent or error set */
gs_Object *gs_dict_get_str(gs_VM *vm, gs_Object *d, gs_Str *key); /* borrowed */
int  gs_dict_set(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value);
int  gs_dict_set_steal(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value); /* steals value */
/* The same for a str key with an entry hint (see gs_code_hints): tried
 * first, and updated to where the key is now. */
int  gs_dict_set_str_steal_hint(gs_VM *vm, gs_Object *d, gs_Str *key, gs_Object *value, int32_t *hint);
gs_Object *gs_dict_get_str_hint(gs_Object *d, gs_Str *key, int32_t *hint); /* borrowed */
int  gs_dict_del(gs_VM *vm, gs_Object *d, gs_Object *key);         /* -1 + KeyError if absent */
gs_Object *gs_dict_pop(gs_VM *vm, gs_Object *d, gs_Object *key);   /* new ref or NULL (no error) if absent */
void gs_dict_clear(gs_VM *vm, gs_Object *d);
int  gs_dict_next(gs_Object *d, int32_t *pos, gs_Object **key, gs_Object **value); /* borrowed */

/* set and frozenset (set.c): elements are never stolen.  Functions
 * returning gs_Object * give a new reference (NULL = error); the relation
 * and update functions return 0/1 or 0, and -1 on error.  `other` may be any
 * iterable where Python's methods accept one. */
int  gs_set_contains(gs_VM *vm, gs_Object *s, gs_Object *v);       /* 0/1, -1 error */
int  gs_set_discard(gs_VM *vm, gs_Object *s, gs_Object *v);        /* 1 removed, 0 absent, -1 error */
int  gs_set_remove(gs_VM *vm, gs_Object *s, gs_Object *v);         /* 0, or -1 + KeyError if absent */
gs_Object *gs_set_pop(gs_VM *vm, gs_Object *s);                    /* KeyError if empty */
void gs_set_clear(gs_VM *vm, gs_Object *s);
int  gs_set_update(gs_VM *vm, gs_Object *s, gs_Object *other);
int  gs_set_next(gs_Object *s, int64_t *pos, gs_Object **key, int64_t *hash); /* borrowed, slot order; hash may be NULL */
gs_Object *gs_set_copy(gs_VM *vm, gs_Object *s);                   /* frozenset.copy() returns s itself */
gs_Object *gs_set_union(gs_VM *vm, gs_Object *s, gs_Object **others, int n);
gs_Object *gs_set_intersection(gs_VM *vm, gs_Object *s, gs_Object **others, int n);
gs_Object *gs_set_difference(gs_VM *vm, gs_Object *s, gs_Object **others, int n);
gs_Object *gs_set_symmetric_difference(gs_VM *vm, gs_Object *s, gs_Object *other);
int  gs_set_intersection_update(gs_VM *vm, gs_Object *s, gs_Object **others, int n);
int  gs_set_difference_update(gs_VM *vm, gs_Object *s, gs_Object **others, int n);
int  gs_set_symmetric_difference_update(gs_VM *vm, gs_Object *s, gs_Object *other);
int  gs_set_issubset(gs_VM *vm, gs_Object *s, gs_Object *other);
int  gs_set_issuperset(gs_VM *vm, gs_Object *s, gs_Object *other);
int  gs_set_isdisjoint(gs_VM *vm, gs_Object *s, gs_Object *other);
/* The operators between two sets: `op` is the GS_OP_* code (1 -, 10 |,
 * 11 ^, 12 &; others give NotImplemented) or the GS_CMP_* code (0..5). */
gs_Object *gs_set_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace);
gs_Object *gs_set_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b);
int64_t gs_frozenset_hash(gs_Object *s);                           /* CPython's frozenset_hash */
void gs_set_free_table(gs_Object *s);   /* memory only: the keys were released already */

/* The table inside dicts and instances.  `holder` is the owning object
 * (for events and tracking).  Lookup returns the entry index or -1. */
void gs_table_init(gs_DictTable *t);
int32_t gs_table_lookup(gs_VM *vm, gs_DictTable *t, gs_Object *key, int64_t hash);
int32_t gs_table_lookup_str(gs_DictTable *t, gs_Str *key);
int  gs_table_insert(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key, int64_t hash, gs_Object *value);
void gs_table_delete_at(gs_VM *vm, gs_Object *holder, gs_DictTable *t, int32_t ix);
void gs_table_clear(gs_VM *vm, gs_Object *holder, gs_DictTable *t);
void gs_table_free(gs_DictTable *t);
void gs_table_release(gs_VM *vm, gs_DictTable *t); /* gs_table_free into the VM's block cache */

/* ------------------------------------------------------------------ API: protocols */

gs_Object *gs_repr(gs_VM *vm, gs_Object *o);     /* new str */
gs_Object *gs_str(gs_VM *vm, gs_Object *o);      /* new str */
int  gs_truthy(gs_VM *vm, gs_Object *o);          /* 0/1, -1 on error */
int  gs_equal(gs_VM *vm, gs_Object *a, gs_Object *b);   /* 0/1, -1 on error */
gs_Object *gs_getattr(gs_VM *vm, gs_Object *o, gs_Str *name);          /* new ref */
gs_Object *gs_lookup_attr(gs_VM *vm, gs_Object *o, gs_Str *name);      /* new ref; missing: NULL, no exception */
int  gs_setattr(gs_VM *vm, gs_Object *o, gs_Str *name, gs_Object *v);  /* v NULL = delete */
gs_Object *gs_getitem(gs_VM *vm, gs_Object *o, gs_Object *key);        /* new ref */
int  gs_setitem(gs_VM *vm, gs_Object *o, gs_Object *key, gs_Object *v);
int  gs_delitem(gs_VM *vm, gs_Object *o, gs_Object *key);
gs_Object *gs_iter(gs_VM *vm, gs_Object *o);                           /* new ref */
gs_Object *gs_next(gs_VM *vm, gs_Object *it);    /* new ref; NULL with no error = exhausted */
gs_Object *gs_call(gs_VM *vm, gs_Object *callable, gs_Object **args, int nargs, gs_Tuple *kwnames);
int64_t gs_len(gs_VM *vm, gs_Object *o);          /* -1 on error */
/* PyNumber_Index without its error: an int or bool's value, or what the
 * object's __index__ returns (an instance's, a weakref.proxy's).  1 with
 * *out set, 0 if it has no __index__ (nothing raised), -1 on error. */
int gs_index_value(gs_VM *vm, gs_Object *o, int64_t *out);
int  gs_contains(gs_VM *vm, gs_Object *container, gs_Object *v);
bool gs_isinstance(gs_Object *o, gs_Type *t);
bool gs_issubtype(gs_Type *a, gs_Type *b);
const char *gs_type_name(gs_Object *o);

/* Visit every reference an object holds (for the collector, get_referents
 * and the refcount check).  `fn` gets the referent and the cause of the
 * reference; visiting stops early if it returns nonzero. */
typedef int (*gs_VisitFn)(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg);
int gs_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg);

/* Instances of a type a module defines in C that keep C data after their
 * gs_Instance header (random.Random's generator state, operator.itemgetter's
 * items, itertools' iterators): gs_NativeOps in runtime.h.  Their traverse
 * visits the references the data holds (cause INTERNAL, `what`
 * GS_NATIVE_FIELD and up, after the attributes, as CPython's
 * subtype_traverse calls the base's tp_traverse). */
enum { GS_NATIVE_FIELD = 20 };

/* Whether objects of this kind can hold references (are "GC objects"). */
bool gs_kind_is_gc(gs_Kind k);

#endif
