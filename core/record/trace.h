/*
 * trace.h — the append-only event log: everything that happened in a run.
 *
 * The VM appends one gs_Event per change (a reference taken or dropped, an
 * object born or freed, a name bound, a slot changed, a line started, a
 * collector phase begun...).  The log is the single source of truth: the
 * viewer rebuilds the heap at event i from events 0..i alone.  Events are
 * invertible: each carries the old and new value of what it changed.
 *
 * An event is a 24-byte gs_Event to read and write, but the log keeps it
 * packed: events go into a tail of GS_TRACE_BLOCK of them, and a full tail
 * is packed into a block of variable-length records (about 8 bytes an
 * event; see trace.c) before the next event goes in.  gs_trace_get() reads
 * any event back, unpacking its block into a small cache of blocks, so
 * reading events in order, or stepping back and forth, unpacks each block
 * once.  Strings (names, str contents, type names) live once in the
 * trace's string pool and events refer to them by id; program output lives
 * in one byte buffer and `stdout` events refer to a range of it.
 */
#ifndef GS_TRACE_H
#define GS_TRACE_H

#include <stddef.h>
#include <stdint.h>

/* The largest source line an event may carry: a program of four million
 * lines is past anything gcscope runs, and the timeline keeps one counter
 * per line number (a trace naming line 4,294,965,296 asked for 16 GB). */
#define GS_TRACE_MAX_LINE (1u << 22)

typedef enum gs_EventKind {
    /* lifetime */
    GS_EV_ALLOC,        /* obj; sub = gs_Kind; a = type-name string id; b, c = payload (see below) */
    GS_EV_FREE,         /* obj; a = type-name string id */
    GS_EV_TRACK,        /* obj; a = generation */
    GS_EV_UNTRACK,      /* obj; a = generation it left */
    /* references */
    GS_EV_INCREF,       /* obj; a = new count; sub = gs_CauseKind; b = holder; c = what */
    GS_EV_DECREF,       /* obj; a = new count; sub, b, c as incref */
    GS_EV_REF_SET,      /* obj = holder; sub = slot kind (gs_CauseKind SLOT/KEY/VALUE/ATTR/INTERNAL);
                           c = slot (index, key object id, attr name id); a = old target (0 none); b = new target (0 none) */
    GS_EV_LIST_INSERT,  /* obj = list; c = index; b = target; later slots shift up */
    GS_EV_LIST_REMOVE,  /* obj = list; c = index; a = target; later slots shift down */
    GS_EV_BIND,         /* obj = frame id; c = name string id; a = old target (0 none); b = new target */
    GS_EV_UNBIND,       /* obj = frame id; c = name string id; a = old target */
    GS_EV_FRAME_PUSH,   /* obj = frame id; a = function-name string id; b = parent frame id; c = function object id */
    GS_EV_FRAME_POP,    /* obj = frame id; a = function-name string id; b = parent frame id */
    /* execution */
    GS_EV_LINE,         /* line started; obj = frame id; a, b, c = the collector's counts of generations
                           0, 1, 2 at that moment; sub = gc enabled; flags = generation 0's threshold */
    GS_EV_STDOUT,       /* a = offset in output buffer; b = length */
    GS_EV_EXCEPTION,    /* obj = exception object; a = type-name id; b = message string id; sub = 1 if caught */
    /* collector */
    GS_EV_GC_START,     /* a = generation; b = count0 | count1 << 16; c = count2 */
    GS_EV_GC_PHASE,     /* sub = gs_GCPhase; update_refs: a = objects in the set, b = 1 if their
                           gc_refs are not recorded (more than gs_VMConfig.gc_detail) */
    GS_EV_GC_REFS,      /* obj; a = gc_refs after; b = edge source object (0 for update_refs);
                           sub, c = the edge's gs_CauseKind and slot (subtract_refs, move_unreachable) */
    GS_EV_GC_UNREACHABLE, /* obj */
    GS_EV_GC_RESCUED,   /* obj; a = its gc_refs (1); b = the reachable object that reached it */
    GS_EV_FINALIZE,     /* obj (__del__ about to run) */
    GS_EV_WEAKREF_CLEAR,/* sub 0: obj = weakref cleared, b = its referent;
                           sub 1: obj = weakref whose callback is called, a = the callback */
    GS_EV_GC_MOVE,      /* obj; a = from generation; b = to generation */
    GS_EV_GC_END,       /* a = collected; b = uncollectable; c = generation */
    GS_EV_GC_THRESHOLD, /* gc.set_threshold: a, b, c = the thresholds of generations 0, 1, 2 from
                           here on (before the first: 700, 10, 10) */
    /* sizes (trace format 2) */
    GS_EV_RESIZE,       /* obj's size (sys.getsizeof, bytes) goes from a to b: a list, dict or set
                           table resized as CPython's would be, or a size its alloc event does not
                           imply (see gs_trace_alloc_size) */
    GS_EV_KIND_COUNT
} gs_EventKind;

/* Payload of GS_EV_ALLOC by type:
 *   int:   b = low 32 bits, c = high 32 bits of the value (past 64 bits:
 *          GS_ALLOC_BIGINT below)
 *   bool:  b = value
 *   str:   b = string id of the contents
 *   function, type, code, builtin: b = name string id
 *   instance, exception: b = class object id
 *   weakref (and its subclasses): c = the referent's id (it holds no
 *     count; GS_EV_WEAKREF_CLEAR sub 0 says when it lets go)
 *   list, tuple, dict, others: b = initial length */

typedef enum gs_GCPhase {
    GS_GC_MERGE, GS_GC_UPDATE_REFS, GS_GC_SUBTRACT_REFS, GS_GC_MOVE_UNREACHABLE,
    GS_GC_UNTRACK_TUPLES, GS_GC_PROMOTE, GS_GC_UNTRACK_DICTS, GS_GC_LEGACY_FINALIZERS,
    GS_GC_WEAKREFS, GS_GC_FINALIZE, GS_GC_RESURRECTION, GS_GC_DELETE, GS_GC_DONE,
    GS_GC_PHASE_COUNT
} gs_GCPhase;

/* gs_Event.flags of an alloc: made by a built-in module for itself (while
 * importing gc or weakref), or the parsed source's list of the constants it
 * holds (the AST arena) and what only it holds: not the program's; viewers
 * may hide it. */
#define GS_ALLOC_RUNTIME 1
/* gs_Event.flags of an alloc: a library object's private part, made by
 * its methods for its own use: a WeakValueDictionary's `data` dict and
 * the KeyedRefs in it, its `_remove` callback and that callback's weak
 * reference back to it, `_pending_removals`, `_iterating` and the guards
 * an iteration registers there (the same for WeakKeyDictionary and
 * WeakSet); a weakref.finalize's _Info and its weak reference.  A viewer
 * may fold such objects into the object that holds them: a weak
 * dictionary drawn as its entries. */
#define GS_ALLOC_INTERNAL 2
/* gs_Event.flags of an int's alloc: an int past 64 bits, whose b is the
 * string id of a short text of its value (gs_big_label: its digits, or the
 * first 24 and how many), c 0; its size follows in a resize event. */
#define GS_ALLOC_BIGINT 4

/* gs_Event.flags of a frame_push and its frame_pop: the frame runs a class
 * statement's body (a viewer says "class X: its body runs" and "its body is
 * done", not "X() is called" and "X() is done"). */
#define GS_FRAME_CLASS_BODY 1

typedef struct gs_Event {
    uint8_t kind;
    uint8_t sub;
    uint16_t flags;
    uint32_t line;          /* the line its frame is executing (its frame's latest `line` event) */
    uint32_t obj;
    uint32_t a, b, c;
} gs_Event;

typedef struct gs_StrPool {
    char *bytes;            /* all strings back to back, each NUL-terminated */
    size_t nbytes, cap;
    uint32_t *offsets;      /* id -> offset in bytes (id 0 is "") */
    uint32_t *lens;
    uint32_t count, capacity;
    uint32_t *slots;        /* open-addressing hash: id+1, 0 empty */
    uint32_t nslots;
} gs_StrPool;

/* The heap when recording began: objects that exist without an `alloc`
 * event.  Static objects (None, small ints, interned strings, built-in
 * types) are immortal and record no events; the runtime's start-up objects
 * (built-in functions, the modules and their dicts) were made before
 * recording began, so the table gives their count, generation and the
 * references they hold at position 0.  Payload b, c as for GS_EV_ALLOC.
 * Described objects exist at every position (they are immortal or were
 * there first); static ones may be described late, when interned. */
enum { GS_DESC_STATIC = 1, GS_DESC_RUNTIME = 2, GS_DESC_TRACKED = 4 };

typedef struct gs_ObjDesc {
    uint32_t id;
    uint8_t kind;           /* gs_Kind */
    uint8_t flags;          /* GS_DESC_* */
    uint8_t gen;            /* generation, if tracked */
    uint8_t spare;
    uint32_t type;          /* type-name string id */
    uint32_t b, c;
    uint32_t refcnt;        /* runtime objects; 0 for static ones */
    uint32_t size;          /* sys.getsizeof at position 0; 0 = derive it (gs_trace_alloc_size) */
} gs_ObjDesc;

/* A reference a runtime object holds at position 0 (as a ref_set event
 * would have made it: sub = slot kind, slot = index / key id / name id). */
typedef struct gs_TraceRef {
    uint32_t holder, slot, target;
    uint8_t sub;
    uint8_t spare[3];
} gs_TraceRef;

/* Events in a packed block, and blocks kept unpacked for reading. */
#define GS_TRACE_BLOCK 64
#define GS_TRACE_CACHED 8

typedef struct gs_TraceCache {
    size_t block[GS_TRACE_CACHED];  /* block number + 1 held in each slot; 0 empty */
    gs_Event ev[GS_TRACE_CACHED][GS_TRACE_BLOCK];
} gs_TraceCache;

typedef struct gs_Trace {
    size_t n;               /* events */
    size_t base;            /* events 0 .. base-1 are packed, base .. n-1 in tail */
    size_t cap;             /* the tail takes events while n < cap (base + GS_TRACE_BLOCK) */
    gs_Event tail[GS_TRACE_BLOCK];
    uint8_t *packed;        /* the packed blocks back to back */
    size_t npacked, packedcap;
    size_t *blocks;         /* byte offset of each packed block in `packed` */
    size_t blockscap;
    gs_TraceCache *cache;   /* made with the first packed block */
    gs_StrPool strings;
    char *out;              /* program output, all of it */
    size_t nout, outcap;
    gs_ObjDesc *desc;       /* described objects, in the order described */
    size_t ndesc, desccap;
    gs_TraceRef *refs;      /* references of described objects at position 0 */
    size_t nrefs, refscap;
} gs_Trace;

/* Recording stops the run (a resource limit) once the string pool and the
 * output together pass this: `while True: print("x" * 10**6)` would
 * otherwise keep every byte it ever printed. */
#define GS_TRACE_TEXT_MAX ((size_t)256 << 20)

void gs_trace_init(gs_Trace *t);
void gs_trace_free(gs_Trace *t);
/* Append an event; returns -1 only when memory is exhausted.  A recorder
 * that appends in place (t->tail[t->n++ - t->base] = e while t->n < t->cap)
 * calls this when the tail is full. */
int gs_trace_push(gs_Trace *t, gs_Event e);

/* Event i (< t->n). */
gs_Event gs_trace_get_packed(const gs_Trace *t, size_t i);
static inline gs_Event gs_trace_get(const gs_Trace *t, size_t i)
{
    if (i >= t->base)
        return t->tail[i - t->base];
    size_t k = i / GS_TRACE_BLOCK;
    const gs_TraceCache *c = t->cache;
    if (c->block[k % GS_TRACE_CACHED] == k + 1)
        return c->ev[k % GS_TRACE_CACHED][i % GS_TRACE_BLOCK];
    return gs_trace_get_packed(t, i);
}

/* The last event, to amend it right after appending it (NULL if none;
 * -1 from the unpacking it may need means out of memory: NULL too). */
gs_Event *gs_trace_last(gs_Trace *t);
/* Drop the events from `n` on. */
void gs_trace_truncate(gs_Trace *t, size_t n);
/* Memory the events take (packed blocks, their offsets, tail and cache). */
size_t gs_trace_event_bytes(const gs_Trace *t);
/* The id of a string in the pool (added if new).  Returns 0 ("") on OOM. */
uint32_t gs_trace_string(gs_Trace *t, const char *s, size_t len);
/* Append a string as the next id even if an equal one exists (loading a
 * saved trace keeps its ids).  Returns -1 on OOM or past 2^32 bytes. */
int gs_trace_string_append(gs_Trace *t, const char *s, size_t len);
const char *gs_trace_string_at(const gs_Trace *t, uint32_t id, uint32_t *len);
int gs_trace_output(gs_Trace *t, const char *s, size_t len, uint32_t *offset);
/* Describe an object that has no alloc event, or a reference it holds at
 * position 0; -1 only on OOM. */
int gs_trace_describe(gs_Trace *t, gs_ObjDesc d);
/* Fill in the payload of `id`'s alloc event after the fact (a weakref
 * learns its referent only after it has been allocated). */
void gs_trace_set_alloc_payload(gs_Trace *t, uint32_t id, uint32_t b, uint32_t c);
int gs_trace_initial_ref(gs_Trace *t, gs_TraceRef r);

/* Sizes.  Every object has CPython 3.11's size (what sys.getsizeof gives,
 * GC header included).  An alloc event implies one: gs_trace_alloc_size()
 * derives it from the kind, the type name and the payload (an int's value,
 * a str's contents, a tuple's or list's length...).  Where the object's real
 * size differs (a list allocated with spare room, a class whose instances
 * have no managed dict, a generator's frame), or when it changes later (a
 * list or dict resized), a GS_EV_RESIZE event follows with the old and new
 * sizes, so the size is recorded once and stepping back is exact.  Sizes
 * are below 2^32 bytes.  Objects described in the object table carry their
 * size there (0: derive it the same way). */
uint32_t gs_trace_alloc_size(const gs_Trace *t, uint8_t kind, uint32_t type, uint32_t b, uint32_t c);
/* The pieces: an int of that value, a str of those UTF-8 bytes (its PEP 393
 * kind from its largest code point), and the size CPython's builtin types
 * (and iterators, exceptions) have by their name, 0 if the name is not one. */
uint32_t gs_size_of_int(int64_t v);
uint32_t gs_size_of_str(const char *utf8, size_t n);
uint32_t gs_size_of_type_name(uint8_t kind, const char *name, size_t n);

const char *gs_event_kind_name(gs_EventKind k);
const char *gs_gc_phase_name(gs_GCPhase p);
const char *gs_cause_kind_name(int k);

#endif
