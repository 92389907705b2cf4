/*
 * timeline.h — the heap at any event index, rebuilt from the trace alone.
 *
 * A gs_Timeline reads a gs_Trace (live from a VM, or loaded from JSON) and
 * answers "what did the heap look like after the first p events?" for any
 * position p in 0..n: the live objects with their type, label, refcount,
 * generation and tracked flag; every reference between them with its label
 * (list index, dict key, attribute or field name); the frames on the stack
 * and the names bound in each; and, during a collection, the phase, each
 * object's gc_refs and its tentative unreachable mark.
 *
 * How: the timeline keeps one current state and moves it one event at a
 * time.  Every event is invertible — what an event itself does not carry
 * (the target a slot held before, the record of an object being freed) is
 * saved in an undo word per event the first time the event is applied — so
 * a step back is O(1).  Long jumps start from the nearest checkpoint, a
 * copy of the state taken every so many events while indexing.
 *
 * Indexing is incremental: gs_timeline_sync() takes in the events appended
 * since its last call, so a viewer can index a trace while the VM is still
 * recording it.  The trace is borrowed and must outlive the timeline; it may
 * grow (and its arrays move) between calls to gs_timeline_sync().
 *
 * Positions: position p means "events 0 .. p-1 have happened".  Position 0
 * is before the first event; the event shown as current at position p is
 * event p-1.  Stepping commands return the new position.
 *
 * Sizes: every object has one (sys.getsizeof's), implied by its alloc
 * event or description and changed by resize events; the heap's bytes
 * follow at every position, by generation too (gs_timeline_bytes).
 *
 * Bad traces: an event that cannot apply (an incref of a freed object, a
 * slot whose old target does not match, an unknown event kind...) is
 * recorded as invalid and skipped both ways, so the timeline never crashes
 * on hostile input.  gs_timeline_first_error() reports the first such event
 * (gcscope check turns it into its exit status).
 */
#ifndef GS_TIMELINE_H
#define GS_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace.h"

typedef struct gs_Timeline gs_Timeline;

/* ------------------------------------------------------------------ life */

typedef struct gs_TimelineConfig {
    /* Events between checkpoints; 0 picks one from the heap size (a copy of
     * the state every ~12 bytes-per-event of state, at least 65,536 events). */
    uint32_t checkpoint_every;
    /* Extra consistency checks while indexing (gcscope check): every
     * reference a live object holds is counted in its target's refcount
     * at each `line` event, frames pop with no names bound. */
    bool strict;
} gs_TimelineConfig;

/* A new timeline over `trace` (borrowed), with nothing indexed yet.  NULL
 * only when out of memory.  `cfg` may be NULL for the defaults. */
gs_Timeline *gs_timeline_new(const gs_Trace *trace, const gs_TimelineConfig *cfg);
void gs_timeline_free(gs_Timeline *tl);

/* Index the events appended to the trace since the last call.  Returns 0,
 * or -1 when out of memory (the timeline then stays at what it indexed). */
int gs_timeline_sync(gs_Timeline *tl);

size_t gs_timeline_length(const gs_Timeline *tl);   /* events indexed */
size_t gs_timeline_pos(const gs_Timeline *tl);      /* current position */
const gs_Trace *gs_timeline_trace(const gs_Timeline *tl);

/* The first invalid event, or false if every indexed event applied.
 * `msg` gets a sentence naming the event's field ("event 12 (decref): obj
 * 7 is not alive"). */
bool gs_timeline_first_error(const gs_Timeline *tl, size_t *event, char *msg, size_t msgsize);

/* Memory the timeline holds, excluding the trace: per-event index, the
 * archive of freed objects, checkpoints and the two working states. */
typedef struct gs_TimelineMemory {
    size_t per_event;       /* undo words and line/collection indexes */
    size_t archive;         /* records of freed objects and popped frames */
    size_t checkpoints;
    size_t states;          /* the current state and the indexing state */
    size_t ncheckpoints;
} gs_TimelineMemory;
void gs_timeline_memory(const gs_Timeline *tl, gs_TimelineMemory *m);

/* ------------------------------------------------------------------ moving */

/* Move to position `pos` (clamped to 0..length).  Returns the position. */
size_t gs_timeline_seek(gs_Timeline *tl, size_t pos);

/* One event forward (+1) or back (-1). */
size_t gs_timeline_step_event(gs_Timeline *tl, int dir);

/* Next line in this frame or a caller (over calls), or back to the start of
 * the previous such line. */
size_t gs_timeline_next_line(gs_Timeline *tl);
size_t gs_timeline_prev_line(gs_Timeline *tl);
/* Next line anywhere (into calls), or back to the start of the previous. */
size_t gs_timeline_step_into(gs_Timeline *tl);
size_t gs_timeline_step_back_into(gs_Timeline *tl);
/* Just after the current frame returns (or the end). */
size_t gs_timeline_step_out(gs_Timeline *tl);

/* A beginner's step: to the next (dir +1) or previous (dir -1) line whose
 * line has run fewer than `shown` times before, so a loop shows its first
 * rounds and a function its first calls, then the step passes over their
 * repeats; it stops sooner at the end of a collection (of the first
 * `shown` a line starts: the repeats are counted, not shown). `info` says
 * what was passed over. */
typedef struct gs_TLStepInfo {
    size_t passed;                  /* line runs passed over */
    size_t rounds;                  /* runs of the first line passed over (a loop's rounds, a function's calls) */
    uint32_t first_line, last_line; /* the smallest and largest line numbers among them */
    uint32_t lines[16];             /* the distinct lines among them, in order (nlines of them; 17 or
                                       more: just the first 16 kept, nlines = 17) */
    size_t runs[16];                /* how many times each of lines[] ran among them */
    int nlines;
    bool collection;                /* the step stopped just after a gc_end */
    size_t collections_passed;      /* repeats of a line's collections passed over */
    uint32_t gc_collected, gc_generation;
    size_t grown_in_place;          /* strs grown in place among the runs passed over (rounds unlike the first) */
} gs_TLStepInfo;
size_t gs_timeline_step_lesson(gs_Timeline *tl, int dir, uint32_t shown, gs_TLStepInfo *info);

/* The program's statements that run on over several lines, for the
 * beginner's step: first_line[L] is the first line of the statement line L
 * belongs to when that statement spans lines (its first line included),
 * else 0; nlines entries.  The step then takes such a statement as one stop
 * (CPython reports print(a,\n b) as line 1, 2, then 1 again).  Returns -1
 * on OOM (the step then stops at every line, as before). */
int gs_timeline_set_statements(gs_Timeline *tl, const uint32_t *first_line, uint32_t nlines);

/* Continue (dir +1) or reverse-continue (dir -1) to the start of a line
 * whose number is in `lines` (nlines of them). */
size_t gs_timeline_continue(gs_Timeline *tl, int dir, const uint32_t *lines, size_t nlines);

/* Continue until object `id`'s refcount changes or it is freed (dir +1),
 * or back to the previous such event (dir -1): the position just after it. */
size_t gs_timeline_watch(gs_Timeline *tl, int dir, uint32_t id);

/* Just after the next / previous gc_start, or gc_phase (dir +1 / -1). */
size_t gs_timeline_next_collection(gs_Timeline *tl, int dir);
size_t gs_timeline_next_phase(gs_Timeline *tl, int dir);

/* ------------------------------------------------------------------ the state at the current position */

enum {
    GS_TLO_ALIVE      = 1 << 0,   /* allocated (or described) and not freed */
    GS_TLO_STATIC     = 1 << 1,   /* immortal, never counted */
    GS_TLO_RUNTIME    = 1 << 2,   /* made before recording (described, not allocated) */
    GS_TLO_EXTERNAL   = 1 << 3,   /* reserved: events naming unknown objects are refused */
    GS_TLO_TRACKED    = 1 << 4,   /* on a generation list */
    GS_TLO_FINALIZED  = 1 << 5,   /* __del__ ran */
    GS_TLO_IN_GC      = 1 << 6,   /* has gc_refs in the current collection */
    GS_TLO_UNREACHABLE = 1 << 7,  /* tentatively unreachable in the current collection */
    GS_TLO_CLEARED    = 1 << 8    /* a weakref whose referent is gone */
};

#define GS_TL_KIND_UNKNOWN 0xff

typedef struct gs_TLObject {
    uint32_t id;
    uint32_t flags;         /* GS_TLO_* */
    uint8_t kind;           /* gs_Kind, or GS_TL_KIND_UNKNOWN */
    uint8_t gen;            /* generation while tracked */
    uint32_t type;          /* type-name string id (0 if unknown) */
    uint32_t b, c;          /* alloc payload (see trace.h) */
    int64_t refcnt;         /* -1 if unknown (static objects, runtime objects not yet counted) */
    int64_t gc_refs;        /* valid with GS_TLO_IN_GC */
    uint32_t alloc_event;   /* index of its alloc event, or UINT32_MAX */
    uint32_t alloc_line;    /* the line it was made on (0 without an alloc event) */
    uint16_t alloc_flags;   /* its alloc event's flags (GS_ALLOC_RUNTIME) */
    uint32_t length;        /* slots (tuple, list) or entries (dict, set, attributes) */
    uint32_t size;          /* bytes, as sys.getsizeof gives them at this position (trace.h, "Sizes") */
} gs_TLObject;

/* The object `id` at the current position; false if no such object is
 * alive (never allocated, freed, or not yet allocated). */
bool gs_timeline_object(const gs_Timeline *tl, uint32_t id, gs_TLObject *out);

/* The alloc event of object `id`, freed somewhere in the indexed trace
 * (whatever the current position), so that words about it can still say
 * what it was.  False for an object not freed, or never allocated by an
 * event. */
bool gs_timeline_gone(const gs_Timeline *tl, uint32_t id, gs_Event *alloc);
/* The index of that alloc event (SIZE_MAX if not known). */
size_t gs_timeline_gone_at(const gs_Timeline *tl, uint32_t id);

/* The size object e.obj had as free event `ev` freed it: sys.getsizeof's
 * bytes just before the free (a list that grew, its grown size), from the
 * record the timeline keeps to undo the free, whatever the current
 * position.  0 if event `ev` is not an indexed, valid free. */
uint32_t gs_timeline_freed_size(const gs_Timeline *tl, size_t ev);

/* Iterate live objects (in no particular order): start with *cursor = 0;
 * returns false when done. */
bool gs_timeline_next_object(const gs_Timeline *tl, size_t *cursor, gs_TLObject *out);
size_t gs_timeline_object_count(const gs_Timeline *tl);  /* live objects, static and runtime included */

/* A short label: "int 42", "str 'abc'", "list len 3", "function f",
 * "Node instance"...  Returns snprintf's count. */
int gs_timeline_label(const gs_Timeline *tl, uint32_t id, char *buf, size_t size);

/* A reference from a holder (object or frame) to a target.  `sub` says what
 * kind of slot (gs_CauseKind): SLOT (slot = index), VALUE (slot = key object
 * id), KEY (slot = key object id), ATTR (slot = name string id), INTERNAL
 * (slot = field number as in gs_traverse), CONST (slot = constant index),
 * NAME (a frame's local, slot = name string id). */
typedef struct gs_TLEdge {
    uint32_t holder;
    uint32_t target;
    uint32_t slot;
    uint8_t sub;
} gs_TLEdge;

/* The references object `holder` holds, in slot order then insertion order.
 * Writes up to `max` into `out`; returns how many there are. */
size_t gs_timeline_edges(const gs_Timeline *tl, uint32_t holder, gs_TLEdge *out, size_t max);

typedef struct gs_TLFrame {
    uint32_t id;
    uint32_t name;          /* function-name string id */
    uint32_t parent;        /* calling frame id, 0 for the module */
    uint32_t func;          /* function object id, 0 for the module */
    uint32_t ns;            /* a module frame's namespace dict id, else 0 */
    uint32_t depth;         /* 1 for the module frame */
    uint32_t line;          /* line it is executing (its latest `line` event) */
    bool class_body;        /* it runs a class statement's body */
} gs_TLFrame;

/* Frames on the stack, innermost first; returns how many there are. */
size_t gs_timeline_frames(const gs_Timeline *tl, gs_TLFrame *out, size_t max);
/* Generator frames paused at a yield (not on the stack), in no particular
 * order, with the generator holding each in gens[i]; returns how many. */
size_t gs_timeline_suspended_frames(const gs_Timeline *tl, gs_TLFrame *out, uint32_t *gens, size_t max);
/* The names bound in frame `frame` (sub = NAME), in binding order. */
size_t gs_timeline_frame_names(const gs_Timeline *tl, uint32_t frame, gs_TLEdge *out, size_t max);

typedef struct gs_TLGC {
    bool collecting;        /* between gc_start and gc_end */
    uint8_t generation;     /* the generation being collected */
    uint8_t phase;          /* gs_GCPhase */
    uint32_t start_event;   /* its gc_start event */
    uint32_t collections;   /* gc_start events so far */
    uint32_t count[3];      /* counts at the start of the collection */
    uint32_t collected, uncollectable;  /* of the last finished collection */
    int32_t threshold[3];   /* gc.set_threshold's, as of the last gc_threshold event */
    bool threshold_set;     /* there was one (else 700, 10, 10) */
} gs_TLGC;

void gs_timeline_gc(const gs_Timeline *tl, gs_TLGC *out);

/* The heap's bytes at the current position: the sum of the sizes of the
 * live objects, static ones (None, small ints, interned strings, built-in
 * types: immortal, never the program's) left out.  `allocated` counts only
 * objects with an alloc event (what the program made, start-up objects not
 * included); gen[g] the tracked ones in generation g (3: permanent), so
 * total - gen[0..3] is what no generation holds (untracked objects). */
typedef struct gs_TLBytes {
    uint64_t total;
    uint64_t allocated;
    uint64_t gen[4];
} gs_TLBytes;

void gs_timeline_bytes(const gs_Timeline *tl, gs_TLBytes *out);
uint64_t gs_timeline_heap_bytes(const gs_Timeline *tl);                /* gs_TLBytes.total */
uint64_t gs_timeline_generation_bytes(const gs_Timeline *tl, int gen); /* gs_TLBytes.gen[gen] */

/* The line the top frame is executing at the current position (its latest
 * `line` event; before it has one, the line of the event just applied). */
uint32_t gs_timeline_line(const gs_Timeline *tl);
/* The index of the last (valid) line event before `pos`, or SIZE_MAX: a
 * lookup in the timeline's line index, not a walk back through the trace. */
size_t gs_timeline_line_event_before(const gs_Timeline *tl, size_t pos);
uint32_t gs_timeline_depth(const gs_Timeline *tl);

#endif
