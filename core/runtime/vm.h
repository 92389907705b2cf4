/*
 * vm.h — the virtual machine: one run of one program.
 *
 * A gs_VM owns everything a run creates: the built-in types and modules,
 * the heap, the value stack, the collector's generations and the trace.
 * There is no global state, so a test can make as many VMs as it likes.
 *
 * Python-to-Python calls do not recurse in C: the evaluation loop pushes a
 * frame and goes on, like CPython 3.11.  C code that must call Python
 * (__init__, __del__, key functions) re-enters the loop for that call only.
 * Because the outermost loop holds no C state between instructions, a run
 * can stop after a budget of events and resume later (gs_vm_run).
 */
#ifndef GS_VM_H
#define GS_VM_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "object.h"
#include "record/trace.h"

/* ------------------------------------------------------------------ errors */

typedef enum gs_ErrorKind {
    GS_ERR_NONE,
    GS_ERR_SYNTAX,      /* the program did not compile (Python SyntaxError etc.) */
    GS_ERR_EXCEPTION,   /* the program raised and did not catch */
    GS_ERR_LIMIT,       /* --max-events or another resource limit */
    GS_ERR_INPUT        /* the host gave bad input (unreadable file ...) */
} gs_ErrorKind;

/* A finished run's error, for the host to print.  `text` holds the full
 * Python-style report (traceback block and last line) for exceptions and
 * syntax errors, or the one-line message for limits. */
typedef struct gs_Error {
    gs_ErrorKind kind;
    char type_name[64];     /* "NameError", "SyntaxError", ... */
    int line, col;
    char *text;             /* malloc'd; freed by gs_error_clear */
    int exit_code;          /* an uncaught exception: what python3 would exit with (SystemExit) */
    bool after_parse;       /* a syntax error the compiler found, not the parser (no source text in exec's) */
} gs_Error;

void gs_error_clear(gs_Error *e);

/* ------------------------------------------------------------------ frames */

typedef struct gs_Block {    /* an active try/with handler (SETUP_FINALLY) */
    int32_t handler;            /* instruction to jump to */
    int32_t depth;              /* value-stack depth to restore */
} gs_Block;

#define GS_MAX_BLOCKS 24

/* Deepest C-level recursion through gs_next, gs_compare and gs_hash
 * before RecursionError (CPython's limit is its recursion limit, 1000). */
#define GS_NATIVE_DEPTH_MAX 1000

typedef struct gs_Frame {
    gs_Code *code;
    gs_Function *func;          /* owned; NULL for module and class bodies run by the host */
    gs_Object *globals;         /* dict, borrowed from func or module */
    gs_Object *locals;          /* namespace dict for module/class bodies (borrowed), else NULL */
    gs_Object **localsplus;     /* locals, cells, frees, then the value stack */
    gs_Object **sp;             /* next free stack slot */
    int32_t ip;                 /* index of next instruction */
    int32_t lasti;              /* index of the instruction being executed */
    struct gs_Frame *back;
    uint32_t id;                /* frame id for events */
    int32_t lastline;           /* line of its latest line event, -1 before the first: what events
                                   carry again when it is back on top (gs_vm_follow_frame) */
    uint8_t is_entry;           /* returning from this frame returns from gs_eval */
    uint8_t owns_locals;        /* class-body namespace this frame holds */
    uint8_t class_body;         /* it runs a class statement's body (its pop says so too) */
    gs_Object *frame_obj;       /* materialised frame object, or NULL */
    gs_Object *locals_dict;     /* a function frame's f_locals dict (owned): made by the first locals(),
                                   vars(), dir() or frame.f_locals, refreshed by each (frame.c) */
    gs_Object *gen;             /* generator this frame belongs to, or NULL */
    gs_Object *kwnames;         /* pending KW_NAMES tuple (borrowed from consts) */
    gs_Block blocks[GS_MAX_BLOCKS];
    int nblocks;
    int32_t nlocalsplus;        /* locals + cells + frees */
} gs_Frame;

/* ------------------------------------------------------------------ the VM */

typedef void (*gs_WriteFn)(void *ctx, const char *s, size_t n);

#define GS_NO_LINE_EVENT ((size_t)-1) /* gs_VM.last_line_event before the first line */

typedef struct gs_VMConfig {
    bool record;                /* keep every event */
    bool check_refcounts;       /* recompute every refcount after each statement (slow; tests) */
    bool no_sizes;              /* record no resize events (the bench's baseline for what sizes cost) */
    uint64_t max_events;        /* 0 = no limit; counted whether recording or not */
    /* A collection over more objects than this records its outcome (moves,
     * unreachable marks, finalizers, frees) but not each object's gc_refs:
     * nobody steps through a million of them, and they would be most of
     * the trace.  0 = GS_GC_DETAIL_DEFAULT; < 0 = every pass in full. */
    int64_t gc_detail;
    size_t heap_limit;          /* bytes of simulated heap; 0 = default (1 GiB) */
    const char *argv0;          /* the script as its command named it (sys.argv[0]); NULL: the file name */
    gs_WriteFn write_out;       /* program stdout */
    gs_WriteFn write_err;       /* program stderr (unraisable exceptions, gc debug lines) */
    void *write_ctx;
    /* input(): the next line of the program's stdin with its line end, in
     * a buffer the VM frees; NULL at the end of input (EOFError).  NULL
     * here: no input, as `python3.11 prog.py < /dev/null` (the viewer). */
    char *(*read_line)(void *ctx, size_t *len);
    void *read_ctx;
    /* Called at the start of every source line of the outermost run loop,
     * after the `line` event is recorded; tests use it to compare the VM's
     * live state with the timeline rebuilt from the trace. */
    void (*on_line)(void *ctx, gs_VM *vm);
    void *on_line_ctx;
} gs_VMConfig;

#define GS_GC_DETAIL_DEFAULT 100000

typedef struct gs_Gen {
    gs_Object head;             /* list head (sentinel) */
    int threshold;
    int count;
} gs_Gen;

typedef struct gs_GCStats {
    int64_t collections, collected, uncollectable;
} gs_GCStats;

struct gs_VM {
    gs_VMConfig cfg;

    /* built-in types */
    gs_Type *t_object, *t_type, *t_none, *t_bool, *t_int, *t_float, *t_str,
            *t_tuple, *t_list, *t_dict, *t_set, *t_frozenset, *t_function,
            *t_builtin, *t_method, *t_module, *t_code, *t_cell, *t_range,
            *t_slice, *t_notimpl, *t_ellipsis, *t_frame, *t_traceback,
            *t_generator, *t_weakref, *t_property, *t_classmethod, *t_staticmethod,
            *t_dict_keys, *t_dict_values, *t_dict_items, *t_super, *t_list_reverseiterator;
    gs_Type *t_complex, *t_bytes, *t_bytearray, *t_bytes_iter, *t_bytearray_iter; /* complex.c, bytes.c */
    gs_Type *t_weakproxy, *t_weakcallableproxy; /* weakref.ProxyType, CallableProxyType: made on import */
    gs_Type *t_member_descr; /* member_descriptor: a class's descriptor of a __slots__ name (descr.c) */
    gs_Type *t_getset_descr; /* getset_descriptor: a class's __dict__ / __weakref__ (descr.c) */
    gs_Type *t_memoryview, *t_managedbuffer; /* memoryview and the buffer it holds its object through (memoryview.c) */
    gs_Type *t_mappingproxy; /* mappingproxy: a class's __dict__, types.MappingProxyType (mappingproxy.c) */
    gs_Type *t_iter[GS_IT_SEQ + 1];
    /* built-in exception types */
    gs_Type *e_BaseException, *e_Exception, *e_TypeError, *e_ValueError,
            *e_NameError, *e_UnboundLocalError, *e_AttributeError, *e_KeyError,
            *e_IndexError, *e_LookupError, *e_ZeroDivisionError, *e_ArithmeticError,
            *e_OverflowError, *e_RecursionError, *e_RuntimeError, *e_MemoryError,
            *e_StopIteration, *e_ImportError, *e_ModuleNotFoundError,
            *e_AssertionError, *e_NotImplementedError, *e_SyntaxError,
            *e_IndentationError, *e_TabError, *e_UnicodeError, *e_KeyboardInterrupt,
            *e_SystemExit, *e_GeneratorExit, *e_StopAsyncIteration, *e_Warning, *e_OSError,
            *e_ReferenceError, *e_UnicodeDecodeError, *e_UnicodeEncodeError,
            *e_BaseExceptionGroup, *e_ExceptionGroup;
    /* the rest of the built-in exceptions (OSError's subclasses, the
     * warnings ...): named by the builtins, found by name */
    gs_Object *std_stream[2];          /* sys.stdout and sys.stderr as the interpreter made them (borrowed: sys holds them) */
    gs_Type *exc_more[40];
    int nexc_more;

    gs_Object *none, *true_, *false_, *notimpl, *ellipsis;
    gs_Object *small_ints[262];        /* -5 .. 256 */
    gs_Object *empty_tuple, *empty_str;
    gs_Object *char_strs[128];         /* one-character ASCII strings */

    gs_DictTable interned;             /* interned strings (keys; values unused) */
    /* the program's own interned strings (identifier-like literals, what
     * sys.intern was given): mortal, found here by their text while they
     * live; no references (str.c) */
    struct { struct gs_Str **slots; size_t cap, used; } lits;
    bool lits_private;                 /* exec/eval compiling: its literals are new strs of its own */
    gs_Object *builtins;               /* dict */
    gs_Object *main_module;
    gs_Object *modules;                /* dict: sys, gc, weakref once imported */
    gs_Object *sys_module, *gc_module, *weakref_module;
    gs_Object *builtins_module;        /* `import builtins`, __main__'s __builtins__: its dict is `builtins` */

    /* common interned names */
    gs_Str *s___init__, *s___del__, *s___name__, *s___main__, *s___dict__,
           *s___class__, *s___module__, *s___qualname__, *s___repr__, *s___str__,
           *s___len__, *s___eq__, *s___hash__, *s___iter__, *s___next__,
           *s___enter__, *s___exit__, *s___call__, *s___contains__, *s___getitem__,
           *s___bool__, *s___doc__, *s___builtins__, *s_builtins;

    /* execution */
    gs_Object **stack, **stack_end;
    gs_Frame *frame;                   /* innermost frame */
    gs_Frame *frames_free;             /* frame structs to reuse */
    int depth;                         /* Python frames on the stack */
    int recursion_limit;
    int64_t max_str_digits; /* sys.set_int_max_str_digits: 0 is no limit */
    int c_levels;               /* C calls in progress that CPython counts toward the recursion limit
                                   (_Py_EnterRecursiveCall): print's str() and write() */
    int c_depth;                       /* nested gs_eval calls */
    uintptr_t c_stack_base;            /* the C stack where the outermost gs_vm_run started (0: not known) */
    size_t c_stack_room;               /* how much of the C stack nested calls may use below it */
    gs_Object *exc;                    /* the exception being raised (owned), or NULL */
    gs_Object *handled;                /* sys.exc_info() chain head (owned), or NULL */
    gs_Object *repr_stack;             /* list of containers being repr'd (for [...]) */
    int64_t py_repr_cap;               /* slots CPython's Py_Repr list has allocated (tracemalloc) */
    int float_free;                    /* floats on CPython's float free list (at most 100): tracemalloc
                                          sees its blocks reused, untraced if freed before start() */
    struct gs_TextIO {                 /* CPython's TextIOWrapper for sys.stdout [0], sys.stderr [1]: */
        bool pending;                  /* it holds pending bytes ... */
        bool first_is_str;             /* ... the first piece a str (ASCII), not bytes ... */
        gs_Object *list;               /* ... in a list (a phantom) from the second write on */
        int64_t items, cap;            /* the list's length and allocated slots */
        int64_t bytes;                 /* how many */
        gs_Object **pieces;            /* the strs it holds (not counted references: marked
                                          GS_GC_PENDING_OUT; NULL once the model frees one) */
        int64_t npieces, piececap;
    } textio[2];
    gs_Object *clinic_kwtuples[8];     /* Argument Clinic parsers' keyword-name tuples, made on first
                                          use: print, list.sort, str.split (phantoms); gc's (real) */
    gs_Object *tstate_dict;            /* CPython's thread-state dict holding its Py_Repr list: made by
                                          the first container repr, as Py_ReprEnter makes them */
    const char *filename;
    const char *source;
    size_t source_len;
    gs_Code *main_code;
    gs_Object *ast_consts;             /* list: references the parsed source keeps during the run */
    gs_Frame *main_frame;
    bool started, finished;
    int status;                        /* result of the finished run */

    /* collector */
    gs_Gen gens[3];
    gs_Gen permanent;
    bool gc_enabled;
    bool gc_collecting;
    int gc_debug;
    int64_t long_lived_total, long_lived_pending;
    gs_GCStats gc_stats[3];
    gs_Object *gc_garbage;             /* gc.garbage list */
    gs_Object *gc_callbacks;           /* gc.callbacks list */
    gs_Type *static_types;             /* built-in types, chained through ob.gc_next (for teardown) */
    struct gs_WeakrefState *wr;        /* modules/weakref.c's types and finalize registry, NULL until imported */
    struct gs_MemTrace *tm;            /* tracemalloc's traces (runtime/memtrace.c), NULL while not tracing */
    struct gs_MemTrace *tm_state;      /* the same, kept while not tracing (the traceback limit, free lists) */
    void *modstate[24];                /* other modules' state (their types), by modules.h's GS_MS_* index;
                                          NULL until imported, freed by the module's `free` hook */
    bool gc_teardown;                  /* gs_gc_free_all running: no finalizers, callbacks or collections */
    int64_t gc_long_lived_phantom;     /* CPython's start-up objects the model does not make (25 % rule) */
    int64_t gc_gen1_phantom;           /* ...while they are still in generation 1, before its first collection */
    int64_t gc_phantom_garbage;        /* cycles CPython's imports left that the model does not make:
                                          counted by the next collection (gs_gc_import_footprint) */

    /* heap accounting */
    size_t heap_bytes;
    size_t heap_limit;
    uint32_t next_id;
    uint32_t next_frame_id;
    gs_Object **objtab;                /* id -> live object (when recording or checking) */
    uint32_t objtab_cap;
    /* free lists (CPython has them for these; the counters depend on it) */
    gs_Object *free_ints;
    gs_Object *free_lists, *free_dicts, *slice_cache; /* chained through gc_next */
    int nfree_lists, nfree_dicts;
    int nfree_keys;                    /* CPython's dict keys free list: 8-slot str-keyed tables (dict.c) */
    bool keys_malloc;                  /* the keys being made do not come from that list (a dict's copy) */
    gs_Object *free_tuples[20];        /* by length 1..20 */
    int nfree_tuples[20];
    uint64_t events;                   /* events generated (recorded or not) */
    int dealloc_depth;                 /* nested gs_dealloc calls */
    int native_depth;                  /* nested gs_next / gs_compare / gs_hash: C recursion with no
                                        * Python frame to count (map(map(...)), ((((),),),) ...) */
    gs_Object *trash;                  /* deallocations deferred to bound C recursion */
    bool limit_hit;                    /* max_events reached: unwinding to the host */
    bool trace_overflow;               /* past max_events with the event array full: events are
                                          dropped, and the trace ends at the last line start */
    size_t last_line_event;            /* index of the last line event recorded, or GS_NO_LINE_EVENT */
    size_t trace_seen;                 /* events recorded at the last pause (a viewer may have indexed them) */
    bool resume_throw;                 /* the next resumed frame starts by raising vm->exc */
    int runtime_alloc;                 /* >0 while a built-in module builds itself */
    int internal_alloc;                /* >0 while a library object makes its private parts (GS_ALLOC_INTERNAL) */

    /* exec()/eval() of a string: the language front end's compiler (set by
     * gs_load_program; runtime/ does not include lang/); NULL with err
     * filled on a syntax error */
    struct gs_Code *(*compile_string)(struct gs_VM *vm, const char *src, size_t len, const char *filename,
                                      bool eval_mode, gs_Error *err);

    /* trace */
    gs_Trace trace;
    bool recording;
    bool gc_refs_shown;         /* this pass records gc_refs events (gs_VMConfig.gc_detail) */
    uint32_t cur_line;                 /* the line every event carries: the top frame's latest line */
    uint32_t cur_frame_id;
    uint32_t limit_line;               /* line executing when a resource limit stopped the run, or 0 */
    char *check_failure;               /* first refcount-check failure, malloc'd */
    struct gs_RefCheck *refcheck;      /* what the last check found (refcheck.c) */
};

/* ------------------------------------------------------------------ life */

gs_VM *gs_vm_new(const gs_VMConfig *cfg);   /* NULL only if out of memory */
void gs_vm_free(gs_VM *vm);

/* A program is loaded into a VM by the language front end:
 * gs_load_program in lang/compile.h. */

typedef enum gs_RunStatus {
    GS_RUN_DONE,        /* the program finished normally */
    GS_RUN_PAUSED,      /* the budget ran out; call gs_vm_run again */
    GS_RUN_EXCEPTION,   /* the program raised; err filled */
    GS_RUN_LIMIT        /* a resource limit stopped it; err filled */
} gs_RunStatus;

/* Run the loaded program until it ends or until about `budget` more events
 * (0 = no budget) have happened. */
gs_RunStatus gs_vm_run(gs_VM *vm, uint64_t budget, gs_Error *err);

/* ------------------------------------------------------------------ helpers used across core */

/* Raise: sets vm->exc to a new exception of `type` with a formatted message. */
void gs_raise(gs_VM *vm, gs_Type *type, const char *fmt, ...);
void gs_raise_obj(gs_VM *vm, gs_Object *exc);         /* steals */
void gs_raise_memory(gs_VM *vm);
bool gs_exc_matches(gs_VM *vm, gs_Type *type);        /* current exception is a `type` */
void gs_clear_exc(gs_VM *vm);

/* Call a Python object from C (re-enters the loop for Python functions). */
gs_Object *gs_call_object(gs_VM *vm, gs_Object *callable, gs_Object **args, int nargs, gs_Tuple *kwnames);
/* Look an attribute up on the type (MRO walk); borrowed or NULL. */
gs_Object *gs_type_lookup(gs_Type *t, gs_Str *name);

/* Output a string to the program's stdout (and the trace). */
void gs_write_out(gs_VM *vm, const char *s, size_t n);

/* Interned str for a C string (borrowed; lives as long as the VM). */
gs_Str *gs_name(gs_VM *vm, const char *s);

/* Record an event if recording.  Also counts events against max_events.
 * Inline: an append is a store and a bump while the trace's tail has room;
 * gs_record_grow (events.c) packs the full tail. */
void gs_record_grow(gs_VM *vm, gs_Event e);

static inline void gs_record(gs_VM *vm, gs_EventKind kind, uint8_t sub, uint32_t obj, uint32_t a, uint32_t b,
                             uint32_t c)
{
    vm->events++;
    if (vm->cfg.max_events && vm->events > vm->cfg.max_events)
        vm->limit_hit = true;
    if (!vm->recording)
        return;
    gs_Event e = { (uint8_t)kind, sub, 0, vm->cur_line, obj, a, b, c };
    gs_Trace *t = &vm->trace;
    if (t->n < t->cap)
        t->tail[t->n++ - t->base] = e;
    else
        gs_record_grow(vm, e);
}

/* The refcount check (refcheck.c): every live object's count against the
 * references held to it, recounting only what the events since the last
 * check changed, and the whole heap at intervals and at the end.
 * Returns 0 if all agree, else -1 and vm->check_failure describes the first
 * mismatch. */
int gs_vm_check_refcounts(gs_VM *vm);
typedef struct gs_RefCheck gs_RefCheck;
void gs_refcheck_free(gs_VM *vm);

/* Objects known to the VM by id (when recording or checking). */
gs_Object *gs_vm_object(gs_VM *vm, uint32_t id);

/* ------------------------------------------------------------------ refcounting
 * The only way counts change.  Recording adds one event per change; with
 * recording off they are a plain increment and a test. */
static inline void gs_record_ref(gs_VM *vm, gs_Object *o, bool inc, gs_Cause cause)
{
    gs_record(vm, inc ? GS_EV_INCREF : GS_EV_DECREF, cause.kind, o->id, (uint32_t)o->refcnt, cause.holder,
              cause.what);
}

static inline void gs_incref_c(gs_VM *vm, gs_Object *o, gs_Cause cause)
{
    o->refcnt++;
    if (vm->recording && !(o->gcflags & GS_GC_STATIC))
        gs_record_ref(vm, o, true, cause);
}

static inline void gs_decref_c(gs_VM *vm, gs_Object *o, gs_Cause cause)
{
    if (vm->recording && !(o->gcflags & GS_GC_STATIC)) {
        o->refcnt--;
        gs_record_ref(vm, o, false, cause);
        if (o->refcnt == 0)
            gs_dealloc(vm, o);
        return;
    }
    if (--o->refcnt == 0)
        gs_dealloc(vm, o);
}

#define gs_incref(vm, o) gs_incref_c((vm), (gs_Object *)(o), GS_CAUSE(GS_CAUSE_TEMP, (vm)->cur_frame_id, 0))
#define gs_decref(vm, o) gs_decref_c((vm), (gs_Object *)(o), GS_CAUSE(GS_CAUSE_TEMP, (vm)->cur_frame_id, 0))
#define gs_xdecref(vm, o) do { gs_Object *_x = (gs_Object *)(o); if (_x) gs_decref((vm), _x); } while (0)
#define gs_xincref(vm, o) do { gs_Object *_x = (gs_Object *)(o); if (_x) gs_incref((vm), _x); } while (0)

static inline gs_Object *gs_newref(gs_VM *vm, gs_Object *o) { gs_incref(vm, o); return o; }
#define GS_NONE(vm) gs_newref((vm), (vm)->none)
#define GS_BOOL(vm, b) gs_newref((vm), (b) ? (vm)->true_ : (vm)->false_)

/* Collector entry points (collector.c). */
void gs_gc_track(gs_VM *vm, gs_Object *o);
void gs_gc_untrack(gs_VM *vm, gs_Object *o);
void gs_gc_on_alloc(gs_VM *vm);        /* count a new GC object; may collect */
void gs_gc_on_free(gs_VM *vm);
int64_t gs_gc_collect(gs_VM *vm, int generation, int reason); /* -1 on error */
void gs_gc_init(gs_VM *vm);


/* Builtins (builtins.c). */
void gs_builtins_init(gs_VM *vm);
gs_Object *gs_import(gs_VM *vm, gs_Str *name);

#endif
