/*
 * timeline.c — rebuild the heap at any event index from the trace alone.
 *
 * The state (struct State) is a handful of flat arrays so a checkpoint is a
 * plain copy:
 *   - objects: compact records of the live objects (allocated, or described
 *     as static or start-up, and not freed), found through a dense id index
 *     (ids are serial numbers, so objects made together sit together; the
 *     index is rebuilt when a checkpoint is restored, not stored in it);
 *   - named references (dict entries, attributes, fields, frame locals): a
 *     pool of Edge records linked per holder; a holder's short list is
 *     walked, a long one (a big dict) is also indexed by a hash keyed by
 *     (holder, slot kind, slot);
 *   - positional references (tuple and list slots): one vector per object
 *     inside a shared slab of uint32 target ids;
 *   - frames: a hash keyed by frame id holding the frames on the stack and
 *     the suspended generator frames;
 *   - a few globals: the top frame, the collection in progress.
 *
 * Invertibility.  Applying event i for the first time (indexing, in the
 * `build` state that always sits at the end of the trace) validates it and
 * stores in undo[i] what the event does not carry itself: the previous
 * refcount, the insertion order of the reference a slot held, the previous
 * generation, the offset in `archive` where a freed object's record and
 * references were saved, the previous "last event" of a kind.  Values that
 * only matter during a collection (gc_refs, unreachable marks, the phase)
 * are stored as the index of the event that set them, so a collection's end
 * needs no bulk reset and its undo no bulk restore.  An event that fails
 * validation is marked invalid and skipped in both directions.
 *
 * Invariant: the state reached at position p is the same whatever the path
 * (forward from a checkpoint, backward from a later position).  Named
 * references are reported in the order of the event that created them, so
 * even iteration order does not depend on the path.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/object.h"
#include "grow.h"
#include "timeline.h"

#define NO_EV 0xffffffffu
#define LCLASS 0x80000000u /* in tl->ldepth: the line runs in a class body */
#define RC_UNKNOWN INT32_MIN
#define RC_STATIC (INT32_MIN + 1)

/* object flags */
enum {
    OF_DESC = 1 << 0,       /* src is an index in the trace's object table */
    OF_STATIC = 1 << 1,
    OF_RUNTIME = 1 << 2,
    OF_TRACKED = 1 << 3,
    OF_FINALIZED = 1 << 4,
    OF_CLEARED = 1 << 5,    /* a weakref the collector cleared */
    OF_BIG = 1 << 6         /* its named references are in the edge hash too */
};

/* A holder with more named references than this has them hashed; fewer
 * are found by walking its list, which stays in cache. */
#define BIG_HOLDER 12

typedef struct Obj {
    uint32_t id;            /* 0 = empty hash slot */
    uint32_t src;           /* alloc event, or desc index (OF_DESC) */
    int32_t refcnt;         /* RC_UNKNOWN / RC_STATIC or the count */
    int32_t indeg;          /* references from live holders (strict checks) */
    uint32_t edges;         /* head of its named references: pool index + 1 */
    uint32_t nedges;
    uint32_t slot_off, slot_len, slot_cap;
    uint32_t gcref_ev;      /* last gc_refs event naming it */
    uint32_t mark_ev;       /* last gc_unreachable / gc_rescued event */
    uint32_t size;          /* sys.getsizeof, bytes (trace.h, "Sizes") */
    uint32_t value;         /* a str grown in place: its contents' string id now (0: its alloc's) */
    uint8_t kind, flags, gen, spare;
} Obj;

enum { FS_ACTIVE = 1, FS_SUSPENDED = 2 };

typedef struct Frame {
    uint32_t id;            /* 0 = empty hash slot */
    uint32_t push_ev;
    uint32_t parent, depth; /* 0, 0 while suspended */
    uint32_t edges, nedges; /* its bound names */
    uint32_t line_ev;       /* its latest line event */
    uint32_t gen_obj;       /* generator holding it while suspended */
    uint8_t status, big, spare[2];
} Frame;

typedef struct Edge {
    uint32_t holder;        /* 0 = free pool entry */
    uint32_t slot, target, birth;
    uint32_t next, prev;    /* holder's list: pool index + 1 */
    uint8_t sub;            /* gs_CauseKind | EDGE_FRAME */
    uint8_t spare[3];
} Edge;

#define EDGE_FRAME 0x80

typedef struct Globals {
    uint32_t top, depth;
    uint32_t pass_start;    /* last gc_start */
    uint32_t phase_ev;      /* last gc_phase */
    uint32_t end_ev;        /* last gc_end */
    uint32_t threshold_ev;  /* last gc_threshold */
    uint32_t ncollections;
    uint32_t in_gc;
    /* bytes of the live objects but the static ones: all of them, those
     * with an alloc event, and the tracked ones by generation (3 permanent) */
    uint64_t bytes, bytes_allocated, bytes_gen[4];
} Globals;

typedef struct State {
    size_t pos;
    Obj *objs;              /* records, compact: [0, ocap) used, id 0 = free */
    uint32_t ocap, ocount, oalloc, ofree;
    uint32_t *slot_of;      /* id -> index in objs (checked against the record's id); not in checkpoints */
    size_t slotcap;
    Edge *pool;
    uint32_t pcap, pcount, pfree;
    uint32_t *eh;
    uint32_t ehcap, ehcount;
    uint32_t *slab;
    size_t slab_len, slab_cap, slab_garbage;
    Frame *frames;
    uint32_t fcap, fcount;
    Globals g;
    bool oom;
} State;

typedef struct Bits {
    uint8_t *b;
    size_t nbits;
} Bits;

/* What an object's alloc event says (type, label), by alloc event: a
 * scene asks for every live object's at each step, and reading an event
 * back from a packed block unpacks the block.  Direct-mapped, fixed size. */
enum { ALLOC_MEMO = 1 << 14 };
typedef struct AllocMemo {
    uint32_t src1;          /* alloc event + 1; 0 empty */
    uint32_t type, b, c, line;
    uint16_t flags;
} AllocMemo;

struct gs_Timeline {
    const gs_Trace *tr;
    AllocMemo *memo;        /* ALLOC_MEMO entries, or NULL (out of memory) */
    gs_TimelineConfig cfg;
    size_t n;               /* events indexed */
    size_t ndesc;           /* object-table entries taken in */
    uint32_t *undo;
    size_t undocap;
    Bits skip;              /* events that do nothing (invalid, or no-ops) */
    uint32_t *archive;
    size_t narch, archcap;
    State build, cur;
    State *ck;
    size_t nck, ckcap;
    size_t last_ck;
    /* indexes for stepping */
    uint32_t *lines, *ldepth;
    size_t nlines, linecap, ldcap;
    uint32_t *lvisit;       /* per line event: how many times its line ran before */
    size_t lvcap;
    uint32_t *runs;         /* per line number: how many times it has run */
    size_t nruns;
    uint32_t *stmt_first;   /* per line number: the first line of the statement that runs on over it (0: none) */
    uint32_t nstmt;
    uint32_t *gcvisit;      /* per collection: how many collections its line started before */
    size_t gcvcap;
    uint32_t *gcruns;       /* per line number: collections started on it */
    size_t ngcruns;
    uint32_t *gcs;
    size_t ngcs, gccap;
    uint32_t *phases;
    size_t nphases, phasecap;
    size_t nrefs;           /* initial references taken in */
    /* what indexing learned: ids seen */
    Bits freed, frames_seen;
    uint32_t *born;         /* per freed object id: its alloc event (NO_EV: not known); ids past nborn not kept */
    size_t nborn;
    uint32_t *pending;      /* strict: objects whose references may exceed their count */
    size_t npending, pendcap;
    bool oom;
    bool has_error;
    size_t err_ev;
    char err[256];
};

/* ================================================================== small helpers */

static inline uint32_t hash32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

static inline uint32_t edge_hash(uint32_t holder, uint8_t sub, uint32_t slot)
{
    return hash32(holder * 0x9e3779b1u ^ hash32(slot + ((uint32_t)sub << 24)));
}

static bool bits_get(const Bits *b, size_t i) { return i < b->nbits && (b->b[i >> 3] >> (i & 7)) & 1; }

static bool bits_set(Bits *b, size_t i, bool v)
{
    if (i >= b->nbits) {
        if (!v)
            return true;
        size_t nb = b->nbits ? b->nbits : 4096;
        while (nb <= i)
            nb *= 2;
        uint8_t *p = realloc(b->b, nb / 8);
        if (!p)
            return false;
        memset(p + b->nbits / 8, 0, (nb - b->nbits) / 8);
        b->b = p;
        b->nbits = nb;
    }
    if (v)
        b->b[i >> 3] |= (uint8_t)(1u << (i & 7));
    else
        b->b[i >> 3] &= (uint8_t)~(1u << (i & 7));
    return true;
}

static bool kind_has_slots(uint8_t k) { return k == GS_K_TUPLE || k == GS_K_LIST; }

/* The largest object or frame id a trace of this size may use (ids are
 * serial numbers; a hostile trace must not make the bitsets huge). */
static uint64_t id_limit(const gs_Timeline *tl)
{
    return (uint64_t)tl->tr->n * 16 + tl->tr->ndesc * 4 + (1u << 20);
}

/* ================================================================== state: objects */

static inline Obj *obj_find(const State *s, uint32_t id)
{
    /* ids are serial numbers: a dense index keeps objects made together
     * close together, and a stale entry is caught by the id check */
    if (id >= s->slotcap)
        return NULL;
    uint32_t i = s->slot_of[id];
    if (i >= s->ocap || s->objs[i].id != id || !id)
        return NULL;
    return (Obj *)&s->objs[i];
}

static bool slot_fit(State *s, uint32_t id)
{
    if (id < s->slotcap)
        return true;
    size_t cap = s->slotcap ? s->slotcap : 4096;
    while (cap <= id)
        cap *= 2;
    uint32_t *n = realloc(s->slot_of, cap * sizeof *n);
    if (!n)
        return false;
    memset(n + s->slotcap, 0xff, (cap - s->slotcap) * sizeof *n);
    s->slot_of = n;
    s->slotcap = cap;
    return true;
}

/* Rebuild the id index from the records (after copying a checkpoint). */
static bool slot_rebuild(State *s)
{
    for (uint32_t i = 0; i < s->ocap; i++) {
        uint32_t id = s->objs[i].id;
        if (!id)
            continue;
        if (!slot_fit(s, id))
            return false;
        s->slot_of[id] = i;
    }
    return true;
}

static void bytes_account(State *s, const Obj *o, int sign);

/* Insert a record (its id must be absent).  Pointers into objs move. */
static Obj *obj_insert(State *s, const Obj *rec)
{
    if (!slot_fit(s, rec->id)) {
        s->oom = true;
        return NULL;
    }
    uint32_t i;
    if (s->ofree) {
        i = s->ofree - 1;
        s->ofree = s->objs[i].src;
    } else {
        if (s->ocap == s->oalloc) {
            uint32_t cap = s->oalloc ? s->oalloc * 2 : 1024;
            Obj *n = cap > s->oalloc ? realloc(s->objs, (size_t)cap * sizeof *n) : NULL;
            if (!n) {
                s->oom = true;
                return NULL;
            }
            s->objs = n;
            s->oalloc = cap;
        }
        i = s->ocap++;
    }
    s->objs[i] = *rec;
    s->slot_of[rec->id] = i;
    s->ocount++;
    bytes_account(s, rec, 1);
    return &s->objs[i];
}

static void obj_remove(State *s, Obj *o)
{
    bytes_account(s, o, -1);
    uint32_t i = (uint32_t)(o - s->objs);
    o->id = 0;
    o->src = s->ofree; /* the free list runs through src */
    s->ofree = i + 1;
    s->ocount--;
}

/* ------------------------------------------------------------------ bytes
 * Every change of an object's size, liveness or generation moves its bytes
 * between the state's totals (in both directions: unapply calls the same
 * helpers), so the heap's bytes at a position need no walk. */

static void bytes_account(State *s, const Obj *o, int sign)
{
    if (o->flags & OF_STATIC)
        return;
    uint64_t n = o->size;
    if (sign < 0) {
        s->g.bytes -= n;
        if (!(o->flags & OF_DESC))
            s->g.bytes_allocated -= n;
        if (o->flags & OF_TRACKED)
            s->g.bytes_gen[o->gen & 3] -= n;
    } else {
        s->g.bytes += n;
        if (!(o->flags & OF_DESC))
            s->g.bytes_allocated += n;
        if (o->flags & OF_TRACKED)
            s->g.bytes_gen[o->gen & 3] += n;
    }
}

/* ================================================================== state: frames */

static Frame *frame_find(const State *s, uint32_t id)
{
    if (!s->fcap || !id)
        return NULL;
    uint32_t m = s->fcap - 1;
    for (uint32_t h = hash32(id) & m;; h = (h + 1) & m) {
        Frame *f = &s->frames[h];
        if (f->id == id)
            return f;
        if (!f->id)
            return NULL;
    }
}

static bool frame_rehash(State *s, uint32_t cap)
{
    Frame *n = calloc(cap, sizeof *n);
    if (!n)
        return false;
    for (uint32_t i = 0; i < s->fcap; i++) {
        if (!s->frames[i].id)
            continue;
        uint32_t h = hash32(s->frames[i].id) & (cap - 1);
        while (n[h].id)
            h = (h + 1) & (cap - 1);
        n[h] = s->frames[i];
    }
    free(s->frames);
    s->frames = n;
    s->fcap = cap;
    return true;
}

static Frame *frame_insert(State *s, const Frame *rec)
{
    if ((s->fcount + 1) * 4 >= s->fcap * 3 && !frame_rehash(s, s->fcap ? s->fcap * 2 : 64)) {
        s->oom = true;
        return NULL;
    }
    uint32_t m = s->fcap - 1;
    uint32_t h = hash32(rec->id) & m;
    while (s->frames[h].id)
        h = (h + 1) & m;
    s->frames[h] = *rec;
    s->fcount++;
    return &s->frames[h];
}

static void frame_remove(State *s, Frame *f)
{
    uint32_t m = s->fcap - 1;
    uint32_t i = (uint32_t)(f - s->frames);
    f->id = 0;
    s->fcount--;
    for (uint32_t j = (i + 1) & m; s->frames[j].id; j = (j + 1) & m) {
        uint32_t home = hash32(s->frames[j].id) & m;
        bool move = i <= j ? (home <= i || home > j) : (home <= i && home > j);
        if (move) {
            s->frames[i] = s->frames[j];
            s->frames[j].id = 0;
            i = j;
        }
    }
}

/* ================================================================== state: named references */

static uint32_t edge_hashed(const State *s, uint32_t holder, uint8_t sub, uint32_t slot)
{
    if (!s->ehcap)
        return 0;
    uint32_t m = s->ehcap - 1;
    for (uint32_t h = edge_hash(holder, sub, slot) & m;; h = (h + 1) & m) {
        uint32_t x = s->eh[h];
        if (!x)
            return 0;
        const Edge *e = &s->pool[x - 1];
        if (e->holder == holder && e->sub == sub && e->slot == slot)
            return x;
    }
}

static uint32_t edge_find(const State *s, uint32_t holder, uint8_t sub, uint32_t slot)
{
    uint32_t head;
    bool big;
    if (sub & EDGE_FRAME) {
        const Frame *f = frame_find(s, holder);
        if (!f)
            return 0;
        head = f->edges;
        big = f->big;
    } else {
        const Obj *o = obj_find(s, holder);
        if (!o)
            return 0;
        head = o->edges;
        big = (o->flags & OF_BIG) != 0;
    }
    if (big)
        return edge_hashed(s, holder, sub, slot);
    for (uint32_t x = head; x; x = s->pool[x - 1].next)
        if (s->pool[x - 1].slot == slot && s->pool[x - 1].sub == sub)
            return x;
    return 0;
}

static bool eh_rehash(State *s, uint32_t cap)
{
    uint32_t *n = calloc(cap, sizeof *n);
    if (!n)
        return false;
    for (uint32_t i = 0; i < s->ehcap; i++) {
        uint32_t x = s->eh[i];
        if (!x)
            continue;
        const Edge *e = &s->pool[x - 1];
        uint32_t h = edge_hash(e->holder, e->sub, e->slot) & (cap - 1);
        while (n[h])
            h = (h + 1) & (cap - 1);
        n[h] = x;
    }
    free(s->eh);
    s->eh = n;
    s->ehcap = cap;
    return true;
}

/* The list head of a holder (object or frame); *big says whether its
 * references are hashed. */
static uint32_t *holder_head(State *s, uint32_t holder, bool frame, uint32_t **count, bool *big)
{
    if (frame) {
        Frame *f = frame_find(s, holder);
        if (!f)
            return NULL;
        *count = &f->nedges;
        *big = f->big;
        return &f->edges;
    }
    Obj *o = obj_find(s, holder);
    if (!o)
        return NULL;
    *count = &o->nedges;
    *big = (o->flags & OF_BIG) != 0;
    return &o->edges;
}

static void eh_insert(State *s, uint32_t x)
{
    const Edge *e = &s->pool[x - 1];
    uint32_t m = s->ehcap - 1;
    uint32_t h = edge_hash(e->holder, e->sub, e->slot) & m;
    while (s->eh[h])
        h = (h + 1) & m;
    s->eh[h] = x;
    s->ehcount++;
}

static bool eh_room(State *s, uint32_t more);

/* A holder grew past BIG_HOLDER: hash all its references. */
static void promote(State *s, uint32_t holder, bool frame)
{
    uint32_t *count;
    bool big;
    uint32_t *head = holder_head(s, holder, frame, &count, &big);
    if (!head || big || !eh_room(s, *count))
        return;
    for (uint32_t x = *head; x; x = s->pool[x - 1].next)
        eh_insert(s, x);
    if (frame)
        frame_find(s, holder)->big = 1;
    else
        obj_find(s, holder)->flags |= OF_BIG;
}

static void indeg_add(State *s, uint32_t target, int d)
{
    Obj *t = obj_find(s, target);
    if (t)
        t->indeg += d;
}

static bool eh_room(State *s, uint32_t more)
{
    if ((s->ehcount + more + 1) * 2 < s->ehcap)
        return true;
    uint32_t cap = s->ehcap ? s->ehcap : 1024;
    while ((s->ehcount + more + 1) * 2 >= cap)
        cap *= 2;
    if (!eh_rehash(s, cap)) {
        s->oom = true;
        return false;
    }
    return true;
}

static bool edge_add(State *s, uint32_t holder, uint8_t sub, uint32_t slot, uint32_t target, uint32_t birth)
{
    uint32_t x;
    if (s->pfree) {
        x = s->pfree;
        s->pfree = s->pool[x - 1].next;
    } else {
        size_t cap = s->pcap;
        if (!gs_grow((void **)&s->pool, &cap, (size_t)s->pcount + 1, sizeof(Edge)) || cap > 0xfffffff0u) {
            s->oom = true;
            return false;
        }
        s->pcap = (uint32_t)cap;
        x = ++s->pcount;
    }
    uint32_t *count;
    bool big = false;
    uint32_t *head = holder_head(s, holder, sub & EDGE_FRAME, &count, &big);
    Edge *e = &s->pool[x - 1];
    e->holder = holder;
    e->sub = sub;
    e->slot = slot;
    e->target = target;
    e->birth = birth;
    e->prev = 0;
    e->next = head ? *head : 0;
    if (head) {
        if (*head)
            s->pool[*head - 1].prev = x;
        *head = x;
        (*count)++;
    }
    if (big) {
        if (!eh_room(s, 1))
            return false;
        eh_insert(s, x);
    } else if (head && *count > BIG_HOLDER)
        promote(s, holder, sub & EDGE_FRAME);
    indeg_add(s, target, 1);
    if ((sub & 0x7f) == GS_CAUSE_VALUE) { /* a dict entry holds its key too */
        Obj *ho = obj_find(s, holder);
        if (ho && ho->kind == GS_K_DICT)
            indeg_add(s, slot, 1);
    }
    return true;
}

static void edge_remove(State *s, uint32_t x)
{
    Edge *e = &s->pool[x - 1];
    uint32_t *count;
    bool big = false;
    uint32_t *head = holder_head(s, e->holder, e->sub & EDGE_FRAME, &count, &big);
    if (e->prev)
        s->pool[e->prev - 1].next = e->next;
    else if (head)
        *head = e->next;
    if (e->next)
        s->pool[e->next - 1].prev = e->prev;
    if (head)
        (*count)--;
    indeg_add(s, e->target, -1);
    if ((e->sub & 0x7f) == GS_CAUSE_VALUE) {
        Obj *ho = obj_find(s, e->holder);
        if (ho && ho->kind == GS_K_DICT)
            indeg_add(s, e->slot, -1);
    }
    if (big) {
        /* drop it from the hash (backward shift) */
        uint32_t m = s->ehcap - 1;
        uint32_t i = edge_hash(e->holder, e->sub, e->slot) & m;
        while (s->eh[i] != x)
            i = (i + 1) & m;
        s->eh[i] = 0;
        s->ehcount--;
        for (uint32_t j = (i + 1) & m; s->eh[j]; j = (j + 1) & m) {
            const Edge *f = &s->pool[s->eh[j] - 1];
            uint32_t home = edge_hash(f->holder, f->sub, f->slot) & m;
            bool move = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (move) {
                s->eh[i] = s->eh[j];
                s->eh[j] = 0;
                i = j;
            }
        }
    }
    e->holder = 0;
    e->next = s->pfree;
    s->pfree = x;
}

/* ================================================================== state: slots */

static bool slab_reserve(State *s, size_t extra)
{
    return gs_grow((void **)&s->slab, &s->slab_cap, s->slab_len + extra, sizeof(uint32_t));
}

/* Give object `o` (by id; pointers move on rehash only, not here) room for
 * `need` slots. */
static bool slots_fit(State *s, Obj *o, uint32_t need)
{
    if (need <= o->slot_cap)
        return true;
    uint32_t cap = o->slot_cap ? o->slot_cap : 4;
    while (cap < need)
        cap = cap > 0x7fffffffu ? need : cap * 2;
    if (!slab_reserve(s, cap)) {
        s->oom = true;
        return false;
    }
    memcpy(s->slab + s->slab_len, s->slab + o->slot_off, o->slot_len * sizeof(uint32_t));
    memset(s->slab + s->slab_len + o->slot_len, 0, (cap - o->slot_len) * sizeof(uint32_t));
    s->slab_garbage += o->slot_cap;
    o->slot_off = (uint32_t)s->slab_len;
    o->slot_cap = cap;
    s->slab_len += cap;
    return true;
}

/* Rewrite the slab without the regions of freed or moved vectors. */
static void slab_compact(State *s)
{
    size_t live = 0;
    for (uint32_t i = 0; i < s->ocap; i++)
        if (s->objs[i].id)
            live += s->objs[i].slot_cap;
    uint32_t *n = malloc((live ? live : 1) * sizeof *n);
    if (!n)
        return;
    size_t at = 0;
    for (uint32_t i = 0; i < s->ocap; i++) {
        Obj *o = &s->objs[i];
        if (!o->id || !o->slot_cap)
            continue;
        memcpy(n + at, s->slab + o->slot_off, o->slot_cap * sizeof(uint32_t));
        o->slot_off = (uint32_t)at;
        at += o->slot_cap;
    }
    free(s->slab);
    s->slab = n;
    s->slab_len = s->slab_cap = live ? live : 1;
    s->slab_len = at;
    s->slab_garbage = 0;
}

/* ================================================================== state: whole */

static void state_free(State *s)
{
    free(s->objs);
    free(s->slot_of);
    free(s->pool);
    free(s->eh);
    free(s->slab);
    free(s->frames);
    memset(s, 0, sizeof *s);
}

static size_t state_bytes(const State *s)
{
    return (size_t)s->ocap * sizeof(Obj) + s->slotcap * 4 + (size_t)s->pcount * sizeof(Edge) + (size_t)s->ehcap * 4 +
           s->slab_len * 4 + (size_t)s->fcap * sizeof(Frame);
}

static bool copy_array(void **dst, const void *src, size_t bytes)
{
    if (!bytes) {
        free(*dst);
        *dst = NULL;
        return true;
    }
    void *p = realloc(*dst, bytes);
    if (!p)
        return false;
    memcpy(p, src, bytes);
    *dst = p;
    return true;
}

/* dst becomes a copy of src (dst's arrays are reused).  A working state
 * (`index`) gets its id index rebuilt; a checkpoint keeps none. */
static bool state_copy(State *dst, const State *src, bool index)
{
    if (!copy_array((void **)&dst->objs, src->objs, (size_t)src->ocap * sizeof(Obj)) ||
        !copy_array((void **)&dst->pool, src->pool, (size_t)src->pcount * sizeof(Edge)) ||
        !copy_array((void **)&dst->eh, src->eh, (size_t)src->ehcap * 4) ||
        !copy_array((void **)&dst->slab, src->slab, src->slab_len * 4) ||
        !copy_array((void **)&dst->frames, src->frames, (size_t)src->fcap * sizeof(Frame)))
        return false;
    dst->pos = src->pos;
    dst->ocap = dst->oalloc = src->ocap;
    dst->ocount = src->ocount;
    dst->ofree = src->ofree;
    dst->pcap = dst->pcount = src->pcount;
    dst->pfree = src->pfree;
    dst->ehcap = src->ehcap;
    dst->ehcount = src->ehcount;
    dst->slab_len = dst->slab_cap = src->slab_len;
    dst->slab_garbage = src->slab_garbage;
    dst->fcap = src->fcap;
    dst->fcount = src->fcount;
    dst->g = src->g;
    dst->oom = false;
    if (!index) {
        free(dst->slot_of);
        dst->slot_of = NULL;
        dst->slotcap = 0;
        return true;
    }
    return slot_rebuild(dst);
}

static void state_init(State *s)
{
    memset(s, 0, sizeof *s);
    s->g.pass_start = s->g.phase_ev = s->g.end_ev = s->g.threshold_ev = NO_EV;
}

/* ================================================================== the archive */

static bool arch_push(gs_Timeline *tl, uint32_t v)
{
    if (!gs_grow((void **)&tl->archive, &tl->archcap, tl->narch + 1, sizeof(uint32_t))) {
        tl->oom = true;
        return false;
    }
    tl->archive[tl->narch++] = v;
    return true;
}

/* Save object `o` (about to be freed): its record, slots and named
 * references, in as few words as the common case allows (the id comes
 * from the free event):
 *   src; kind | flags << 8 | gen << 16 | RC_UNKNOWN? << 18 | gc words? << 19
 *   | long counts? << 20; [gcref_ev, mark_ev]; nslots | nedges << 16, or
 *   the two as words; slots; 4 words per reference. */
enum { AR_RC_UNKNOWN = 1u << 18, AR_GC = 1u << 19, AR_LONG = 1u << 20, AR_SIZE = 1u << 21, AR_VALUE = 1u << 22 };

/* The size an object table entry gives (0 there: the size its kind and
 * payload imply). */
static uint32_t desc_size(const gs_Timeline *tl, const gs_ObjDesc *d)
{
    return d->size ? d->size : gs_trace_alloc_size(tl->tr, d->kind, d->type, d->b, d->c);
}

/* The size an object had when it appeared: its alloc event's (kept in
 * that event's undo word) or its description's. */
static uint32_t first_size(const gs_Timeline *tl, const Obj *o)
{
    return (o->flags & OF_DESC) ? desc_size(tl, &tl->tr->desc[o->src]) : tl->undo[o->src];
}

static uint32_t arch_object(gs_Timeline *tl, State *s, const Obj *o)
{
    size_t at = tl->narch;
    if (at > 0xfffffff0u) {
        tl->oom = true;
        return 0;
    }
    bool gc = o->gcref_ev != NO_EV || o->mark_ev != NO_EV;
    bool lng = o->slot_len > 0xffff || o->nedges > 0xffff;
    bool sized = o->size != first_size(tl, o); /* the size word only when it changed */
    arch_push(tl, o->src);
    arch_push(tl, (uint32_t)o->kind | (uint32_t)(o->flags & ~OF_BIG) << 8 | (uint32_t)(o->gen & 3) << 16 |
                      (o->refcnt == RC_UNKNOWN ? AR_RC_UNKNOWN : 0) | (gc ? AR_GC : 0) | (lng ? AR_LONG : 0) |
                      (sized ? AR_SIZE : 0) | (o->value ? AR_VALUE : 0));
    if (sized)
        arch_push(tl, o->size);
    if (o->value)
        arch_push(tl, o->value);
    if (gc) {
        arch_push(tl, o->gcref_ev);
        arch_push(tl, o->mark_ev);
    }
    if (lng) {
        arch_push(tl, o->slot_len);
        arch_push(tl, o->nedges);
    } else
        arch_push(tl, o->slot_len | o->nedges << 16);
    for (uint32_t i = 0; i < o->slot_len; i++)
        arch_push(tl, s->slab[o->slot_off + i]);
    for (uint32_t x = o->edges; x; x = s->pool[x - 1].next) {
        const Edge *e = &s->pool[x - 1];
        arch_push(tl, e->sub);
        arch_push(tl, e->slot);
        arch_push(tl, e->target);
        arch_push(tl, e->birth);
    }
    return (uint32_t)at;
}

/* A frame leaving the state: the push event, its line, its names (the id,
 * parent, depth and status follow from the pop event). */
static uint32_t arch_frame(gs_Timeline *tl, State *s, const Frame *f)
{
    size_t at = tl->narch;
    if (at > 0xfffffff0u) {
        tl->oom = true;
        return 0;
    }
    arch_push(tl, f->push_ev);
    arch_push(tl, f->line_ev);
    arch_push(tl, f->nedges);
    for (uint32_t x = f->edges; x; x = s->pool[x - 1].next) {
        const Edge *e = &s->pool[x - 1];
        arch_push(tl, e->sub);
        arch_push(tl, e->slot);
        arch_push(tl, e->target);
        arch_push(tl, e->birth);
    }
    return (uint32_t)at;
}

/* Remove a live object from the state: its references go, its slots become
 * garbage. */
static void drop_object(State *s, Obj *o)
{
    uint32_t id = o->id;
    while (o->edges) {
        edge_remove(s, o->edges);
        o = obj_find(s, id);
    }
    for (uint32_t i = 0; i < o->slot_len; i++)
        if (s->slab[o->slot_off + i])
            indeg_add(s, s->slab[o->slot_off + i], -1);
    s->slab_garbage += o->slot_cap;
    obj_remove(s, o);
}

static void restore_object(gs_Timeline *tl, State *s, uint32_t at, uint32_t id)
{
    const uint32_t *a = tl->archive + at;
    Obj rec;
    memset(&rec, 0, sizeof rec);
    rec.id = id;
    rec.src = *a++;
    uint32_t w = *a++;
    rec.kind = (uint8_t)w;
    rec.flags = (uint8_t)(w >> 8);
    rec.gen = (uint8_t)((w >> 16) & 3);
    rec.refcnt = (w & AR_RC_UNKNOWN) ? RC_UNKNOWN : 0;
    rec.gcref_ev = rec.mark_ev = NO_EV;
    rec.size = (w & AR_SIZE) ? *a++ : first_size(tl, &rec);
    rec.value = (w & AR_VALUE) ? *a++ : 0;
    if (w & AR_GC) {
        rec.gcref_ev = *a++;
        rec.mark_ev = *a++;
    }
    uint32_t nslots, nedges;
    if (w & AR_LONG) {
        nslots = *a++;
        nedges = *a++;
    } else {
        nslots = *a & 0xffff;
        nedges = *a++ >> 16;
    }
    /* references to it from live holders are counted again by them */
    Obj *o = obj_insert(s, &rec);
    if (!o)
        return;
    if (nslots) {
        if (!slots_fit(s, o, nslots))
            return;
        memcpy(s->slab + o->slot_off, a, nslots * sizeof(uint32_t));
        o->slot_len = nslots;
        for (uint32_t i = 0; i < nslots; i++)
            if (a[i])
                indeg_add(s, a[i], 1);
    }
    const uint32_t *ed = a + nslots;
    /* re-add in reverse so the list comes back in its original order */
    for (uint32_t k = nedges; k-- > 0;)
        edge_add(s, id, (uint8_t)ed[4 * k], ed[4 * k + 1], ed[4 * k + 2], ed[4 * k + 3]);
}

/* Undo a pop (sub 0) or a discard (sub 2) of frame `e->obj`. */
static void restore_frame(gs_Timeline *tl, State *s, uint32_t at, const gs_Event *e)
{
    const uint32_t *a = tl->archive + at;
    Frame rec;
    memset(&rec, 0, sizeof rec);
    rec.id = e->obj;
    rec.push_ev = a[0];
    rec.line_ev = a[1];
    uint32_t nedges = a[2];
    if (e->sub == 2) { /* a suspended generator frame */
        rec.status = FS_SUSPENDED;
        rec.gen_obj = e->c;
    } else {
        rec.status = FS_ACTIVE;
        rec.parent = e->b;
        rec.depth = s->g.depth + 1;
    }
    if (!frame_insert(s, &rec))
        return;
    const uint32_t *ed = a + 3;
    for (uint32_t k = nedges; k-- > 0;)
        edge_add(s, rec.id, (uint8_t)ed[4 * k], ed[4 * k + 1], ed[4 * k + 2], ed[4 * k + 3]);
}

static void drop_frame(State *s, Frame *f)
{
    uint32_t id = f->id;
    while (f->edges) {
        edge_remove(s, f->edges);
        f = frame_find(s, id);
    }
    frame_remove(s, f);
}

/* ================================================================== object table */

static void add_desc(const gs_Timeline *tl, State *s, size_t idx)
{
    const gs_ObjDesc *d = &tl->tr->desc[idx];
    if (!d->id || d->id > id_limit(tl) || obj_find(s, d->id))
        return;
    Obj rec;
    memset(&rec, 0, sizeof rec);
    rec.id = d->id;
    rec.src = (uint32_t)idx;
    rec.kind = d->kind < GS_K_COUNT ? d->kind : GS_TL_KIND_UNKNOWN;
    bool st = (d->flags & GS_DESC_STATIC) != 0;
    rec.flags = (uint8_t)(OF_DESC | (st ? OF_STATIC : OF_RUNTIME) | ((d->flags & GS_DESC_TRACKED) ? OF_TRACKED : 0));
    rec.gen = d->gen;
    rec.refcnt = st ? RC_STATIC : d->refcnt > INT32_MAX ? INT32_MAX : (int32_t)d->refcnt;
    rec.gcref_ev = rec.mark_ev = NO_EV;
    rec.size = desc_size(tl, d);
    Obj *o = obj_insert(s, &rec);
    if (o && !st && kind_has_slots(rec.kind) && d->b && d->b <= tl->tr->nrefs && slots_fit(s, o, d->b))
        o->slot_len = d->b;
}

/* A reference held at position 0 (already validated). */
static void add_ref(const gs_Timeline *tl, State *s, size_t idx)
{
    const gs_TraceRef *r = &tl->tr->refs[idx];
    if (r->sub == GS_CAUSE_SLOT) {
        Obj *o = obj_find(s, r->holder);
        if (o && r->slot < o->slot_len && !s->slab[o->slot_off + r->slot]) {
            s->slab[o->slot_off + r->slot] = r->target;
            indeg_add(s, r->target, 1);
        }
        return;
    }
    if (!edge_find(s, r->holder, r->sub, r->slot))
        edge_add(s, r->holder, r->sub, r->slot, r->target, 0);
}

/* Validate the object table's entries [from, to) and references. */
static void check_table(gs_Timeline *tl, size_t dfrom, size_t rfrom)
{
    const gs_Trace *tr = tl->tr;
    for (size_t k = dfrom; k < tr->ndesc && !tl->has_error; k++) {
        const gs_ObjDesc *d = &tr->desc[k];
        const char *why = NULL;
        if (!d->id || d->id > id_limit(tl))
            why = "id is not a valid object id";
        else if (d->kind >= GS_K_COUNT)
            why = "kind is not an object kind";
        else if (!(d->flags & (GS_DESC_STATIC | GS_DESC_RUNTIME)))
            why = "it is neither static nor runtime";
        else if (obj_find(&tl->build, d->id) && obj_find(&tl->build, d->id)->src != k)
            why = "id is described twice";
        else if (d->refcnt > INT32_MAX)
            why = "refcount is too large";
        if (why) {
            tl->has_error = true;
            tl->err_ev = SIZE_MAX;
            snprintf(tl->err, sizeof tl->err, "objects[%zu] (id %u): %s", k, d->id, why);
        }
    }
    for (size_t k = rfrom; k < tr->nrefs && !tl->has_error; k++) {
        const gs_TraceRef *r = &tr->refs[k];
        const Obj *h = obj_find(&tl->build, r->holder);
        const char *why = NULL;
        if (!h || !(h->flags & OF_DESC))
            why = "holder is not a described object";
        else if (!obj_find(&tl->build, r->target))
            why = "target is not a described object";
        else if (r->sub == GS_CAUSE_SLOT ? r->slot >= h->slot_len || tl->build.slab[h->slot_off + r->slot]
                 : (r->sub != GS_CAUSE_VALUE && r->sub != GS_CAUSE_KEY && r->sub != GS_CAUSE_ATTR &&
                    r->sub != GS_CAUSE_INTERNAL && r->sub != GS_CAUSE_CONST && r->sub != GS_CAUSE_NAME) ||
                       edge_find(&tl->build, r->holder, r->sub, r->slot))
            why = "slot is out of range, taken twice or not a kind of slot";
        else if (r->sub == GS_CAUSE_VALUE && h->kind == GS_K_DICT && !obj_find(&tl->build, r->slot))
            why = "the key is not a described object";
        if (why) {
            tl->has_error = true;
            tl->err_ev = SIZE_MAX;
            snprintf(tl->err, sizeof tl->err, "objects: initial reference %zu (holder %u): %s", k, r->holder, why);
        }
    }
}

/* ================================================================== applying events */

static bool pend(gs_Timeline *tl, uint32_t id)
{
    if (!tl->cfg.strict)
        return true;
    if (!gs_grow((void **)&tl->pending, &tl->pendcap, tl->npending + 1, sizeof(uint32_t)))
        return false;
    tl->pending[tl->npending++] = id;
    return true;
}

static void fail(gs_Timeline *tl, size_t i, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail(gs_Timeline *tl, size_t i, const char *fmt, ...)
{
    bits_set(&tl->skip, i, true);
    if (tl->has_error)
        return;
    tl->has_error = true;
    tl->err_ev = i;
    const gs_Event e_ = gs_trace_get(tl->tr, i), *e = &e_;
    int n = snprintf(tl->err, sizeof tl->err, "event %zu (%s): ", i, gs_event_kind_name((gs_EventKind)e->kind));
    if (n < 0 || (size_t)n >= sizeof tl->err)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tl->err + n, sizeof tl->err - (size_t)n, fmt, ap);
    va_end(ap);
}

/* A target a reference may point at: a live object (0 is "none"). */
static bool target_ok(gs_Timeline *tl, const State *s, size_t i, const char *field, uint32_t id)
{
    if (!id || obj_find(s, id))
        return true;
    if (bits_get(&tl->freed, id))
        fail(tl, i, "%s %u names an object that was freed", field, id);
    else
        fail(tl, i, "%s %u names an unknown object", field, id);
    return false;
}

static Obj *live_obj(gs_Timeline *tl, const State *s, size_t i, uint32_t id, bool build)
{
    Obj *o = obj_find(s, id);
    if (!o && build) {
        if (bits_get(&tl->freed, id))
            fail(tl, i, "obj %u was already freed", id);
        else
            fail(tl, i, "obj %u names an unknown object", id);
    }
    return o;
}

#define FAIL(...)                      \
    do {                               \
        fail(tl, i, __VA_ARGS__);      \
        return;                        \
    } while (0)

/* Keep where a freed object was made, so words about it can still name
 * its type once it is gone.  Recorded ids are dense (one per object, in
 * order); a trace whose ids run far past its length keeps none for those. */
static void note_born(gs_Timeline *tl, uint32_t id, uint32_t src)
{
    if (id >= tl->nborn) {
        size_t limit = tl->tr->n + tl->tr->ndesc + 4096;
        if (id >= limit)
            return;
        size_t cap = tl->nborn ? tl->nborn : 1024;
        while (cap <= id)
            cap *= 2;
        if (cap > limit)
            cap = limit;
        uint32_t *b = realloc(tl->born, cap * sizeof *b);
        if (!b)
            return; /* only words lose their type */
        memset(b + tl->nborn, 0xff, (cap - tl->nborn) * sizeof *b);
        tl->born = b;
        tl->nborn = cap;
    }
    tl->born[id] = src;
}

/* Apply event i to state s.  In build mode, validate first and fill undo[i];
 * otherwise the event is known valid (or skipped). */
static void apply(gs_Timeline *tl, State *s, size_t i, bool build)
{
    const gs_Event e_ = gs_trace_get(tl->tr, i), *e = &e_;
    uint32_t *U = &tl->undo[i];
    if (!build && bits_get(&tl->skip, i))
        return;
    Obj *o;
    switch ((gs_EventKind)e->kind) {
    case GS_EV_ALLOC: {
        if (build) {
            if (!e->obj || e->obj > id_limit(tl))
                FAIL("obj %u is not a valid object id", e->obj);
            if (obj_find(s, e->obj))
                FAIL("obj %u is allocated twice", e->obj);
            if (bits_get(&tl->freed, e->obj))
                FAIL("obj %u was freed before and ids are never reused", e->obj);
            if (e->sub >= GS_K_COUNT)
                FAIL("sub %u is not an object kind", e->sub);
            if (kind_has_slots(e->sub) && e->b > tl->tr->n)
                FAIL("b %u (length) is larger than the trace", e->b);
            if ((e->sub == GS_K_INSTANCE || e->sub == GS_K_EXCEPTION) && e->b) {
                Obj *cls = obj_find(s, e->b);
                if (!cls)
                    FAIL("b %u (class) names no live object", e->b);
            }
        }
        Obj rec;
        memset(&rec, 0, sizeof rec);
        rec.id = e->obj;
        rec.src = (uint32_t)i;
        rec.refcnt = 1;
        rec.kind = e->sub;
        rec.gcref_ev = rec.mark_ev = NO_EV;
        /* the size the event implies, worked out once (a str's needs its
         * contents) and kept in the undo word */
        if (build)
            *U = gs_trace_alloc_size(tl->tr, e->sub, e->a, e->b, e->c);
        rec.size = *U;
        o = obj_insert(s, &rec);
        if (!o)
            return;
        if (kind_has_slots(e->sub) && e->b) {
            if (!slots_fit(s, o, e->b))
                return;
            o->slot_len = e->b;
        }
        if ((e->sub == GS_K_INSTANCE || e->sub == GS_K_EXCEPTION) && e->b) {
            /* an instance holds its class (heap types only, as CPython) */
            Obj *cls = obj_find(s, e->b);
            if (cls && cls->kind == GS_K_TYPE && !(cls->flags & OF_STATIC))
                edge_add(s, e->obj, GS_CAUSE_INTERNAL, 0, e->b, (uint32_t)i);
        }
        return;
    }
    case GS_EV_FREE:
        o = live_obj(tl, s, i, e->obj, build);
        if (!o)
            return;
        if (build) {
            if (o->flags & OF_STATIC)
                FAIL("obj %u is static and cannot be freed", e->obj);
            if (o->refcnt != RC_UNKNOWN && o->refcnt != 0)
                FAIL("obj %u is freed with refcount %d", e->obj, o->refcnt);
            if (tl->cfg.strict && o->indeg > 0)
                FAIL("obj %u is freed while %d references to it remain", e->obj, o->indeg);
            *U = arch_object(tl, s, o);
            o = obj_find(s, e->obj);
            if (!bits_set(&tl->freed, e->obj, true))
                tl->oom = true;
            note_born(tl, e->obj, o->src);
        }
        drop_object(s, o);
        return;
    case GS_EV_TRACK:
        o = live_obj(tl, s, i, e->obj, build);
        if (!o)
            return;
        if (build) {
            if (o->flags & OF_STATIC)
                FAIL("obj %u is static and cannot be tracked", e->obj);
            if (o->flags & OF_TRACKED)
                FAIL("obj %u is already tracked", e->obj);
            if (e->a > 3)
                FAIL("a %u is not a generation", e->a);
            *U = o->gen;
        }
        bytes_account(s, o, -1);
        o->flags |= OF_TRACKED;
        o->gen = (uint8_t)e->a;
        bytes_account(s, o, 1);
        return;
    case GS_EV_UNTRACK:
        o = live_obj(tl, s, i, e->obj, build);
        if (!o)
            return;
        if (build) {
            if (!(o->flags & OF_TRACKED))
                FAIL("obj %u is not tracked", e->obj);
            if (e->a != o->gen)
                FAIL("a %u is not the generation obj %u is in (%u)", e->a, e->obj, o->gen);
            *U = o->gen;
        }
        bytes_account(s, o, -1);
        o->flags &= (uint8_t)~OF_TRACKED;
        bytes_account(s, o, 1);
        return;
    case GS_EV_INCREF:
    case GS_EV_DECREF:
        o = live_obj(tl, s, i, e->obj, build);
        if (!o)
            return;
        if (build) {
            if (o->flags & OF_STATIC)
                FAIL("obj %u is static: its count never changes", e->obj);
            if (e->a > INT32_MAX)
                FAIL("a (new count) is negative or too large for obj %u", e->obj);
            int64_t want = e->kind == GS_EV_INCREF ? (int64_t)o->refcnt + 1 : (int64_t)o->refcnt - 1;
            if (o->refcnt != RC_UNKNOWN && (int64_t)e->a != want)
                FAIL("a %u: obj %u's count goes from %d to %u", e->a, e->obj, o->refcnt, e->a);
            *U = (uint32_t)o->refcnt;
            pend(tl, e->obj);
        }
        o->refcnt = (int32_t)e->a;
        return;
    case GS_EV_REF_SET: {
        uint8_t sub = e->sub;
        o = obj_find(s, e->obj);
        if (!o) {
            /* a freed object releasing what it held: nothing left to change */
            if (build) {
                if (bits_get(&tl->freed, e->obj) && e->b == 0)
                    bits_set(&tl->skip, i, true);
                else
                    live_obj(tl, s, i, e->obj, true);
            }
            return;
        }
        if (sub == GS_CAUSE_SLOT) {
            if (build) {
                if (e->c >= o->slot_len)
                    FAIL("c %u is past the %u slots of obj %u", e->c, o->slot_len, e->obj);
                if (s->slab[o->slot_off + e->c] != e->a)
                    FAIL("a %u is not what slot %u of obj %u holds (%u)", e->a, e->c, e->obj,
                         s->slab[o->slot_off + e->c]);
                if (!target_ok(tl, s, i, "b", e->b))
                    return;
                if (e->b)
                    pend(tl, e->b);
            }
            s->slab[o->slot_off + e->c] = e->b;
            if (e->a)
                indeg_add(s, e->a, -1);
            if (e->b)
                indeg_add(s, e->b, 1);
            return;
        }
        uint32_t x = edge_find(s, e->obj, sub, e->c);
        if (build) {
            if (sub != GS_CAUSE_KEY && sub != GS_CAUSE_VALUE && sub != GS_CAUSE_ATTR && sub != GS_CAUSE_INTERNAL &&
                sub != GS_CAUSE_CONST && sub != GS_CAUSE_NAME)
                FAIL("sub %u is not a kind of slot", sub);
            if (sub == GS_CAUSE_KEY && o->kind == GS_K_DICT)
                FAIL("a dict's keys are implied by its values (sub value)");
            uint32_t held = x ? s->pool[x - 1].target : 0;
            if (held != e->a)
                FAIL("a %u is not what obj %u's %s %u holds (%u)", e->a, e->obj, gs_cause_kind_name(sub), e->c, held);
            if (!target_ok(tl, s, i, "b", e->b))
                return;
            if (sub == GS_CAUSE_VALUE && o->kind == GS_K_DICT && !x && e->b && !obj_find(s, e->c))
                FAIL("c %u (the key) names no live object", e->c);
            *U = x ? s->pool[x - 1].birth : NO_EV;
            if (e->b)
                pend(tl, e->b);
        }
        if (x && e->b) {
            Edge *ed = &s->pool[x - 1];
            indeg_add(s, ed->target, -1);
            ed->target = e->b;
            indeg_add(s, e->b, 1);
        } else if (x)
            edge_remove(s, x);
        else if (e->b)
            edge_add(s, e->obj, sub, e->c, e->b, (uint32_t)i);
        return;
    }
    case GS_EV_LIST_INSERT:
    case GS_EV_LIST_REMOVE: {
        bool ins = e->kind == GS_EV_LIST_INSERT;
        o = obj_find(s, e->obj);
        if (!o) {
            if (build) {
                if (!ins && bits_get(&tl->freed, e->obj))
                    bits_set(&tl->skip, i, true);
                else
                    live_obj(tl, s, i, e->obj, true);
            }
            return;
        }
        if (build) {
            if (ins ? e->c > o->slot_len : e->c >= o->slot_len)
                FAIL("c %u is out of range for obj %u's %u slots", e->c, e->obj, o->slot_len);
            if (ins) {
                if (!e->b)
                    FAIL("b (target) is 0");
                if (!target_ok(tl, s, i, "b", e->b))
                    return;
                pend(tl, e->b);
            } else if (s->slab[o->slot_off + e->c] != e->a)
                FAIL("a %u is not what slot %u of obj %u holds (%u)", e->a, e->c, e->obj,
                     s->slab[o->slot_off + e->c]);
        }
        if (ins) {
            if (!slots_fit(s, o, o->slot_len + 1))
                return;
            uint32_t *v = s->slab + o->slot_off;
            memmove(v + e->c + 1, v + e->c, (o->slot_len - e->c) * sizeof *v);
            v[e->c] = e->b;
            o->slot_len++;
            indeg_add(s, e->b, 1);
        } else {
            uint32_t *v = s->slab + o->slot_off;
            uint32_t t = v[e->c];
            memmove(v + e->c, v + e->c + 1, (o->slot_len - e->c - 1) * sizeof *v);
            o->slot_len--;
            v[o->slot_len] = 0;
            if (t)
                indeg_add(s, t, -1);
        }
        return;
    }
    case GS_EV_BIND:
    case GS_EV_UNBIND: {
        bool bind = e->kind == GS_EV_BIND;
        Frame *f = frame_find(s, e->obj);
        uint8_t sub = GS_CAUSE_NAME | EDGE_FRAME;
        uint32_t x = f ? edge_find(s, e->obj, sub, e->c) : 0;
        if (build) {
            if (!f)
                FAIL("obj %u is not a frame on the stack", e->obj);
            uint32_t held = x ? s->pool[x - 1].target : 0;
            if (held != e->a)
                FAIL("a %u is not what name %u of frame %u holds (%u)", e->a, e->c, e->obj, held);
            if (bind) {
                if (!e->b)
                    FAIL("b (target) is 0");
                if (!target_ok(tl, s, i, "b", e->b))
                    return;
                pend(tl, e->b);
            }
            *U = x ? s->pool[x - 1].birth : NO_EV;
        }
        if (!bind) {
            if (x)
                edge_remove(s, x);
        } else if (x) {
            Edge *ed = &s->pool[x - 1];
            indeg_add(s, ed->target, -1);
            ed->target = e->b;
            indeg_add(s, e->b, 1);
        } else
            edge_add(s, e->obj, sub, e->c, e->b, (uint32_t)i);
        return;
    }
    case GS_EV_FRAME_PUSH: {
        Frame *f = frame_find(s, e->obj);
        if (build) {
            if (e->b != s->g.top)
                FAIL("b %u is not the frame on top of the stack (%u)", e->b, s->g.top);
            if (e->sub == 1) {
                if (!f || f->status != FS_SUSPENDED)
                    FAIL("obj %u is not a suspended frame", e->obj);
            } else if (e->sub == 0) {
                if (!e->obj || e->obj > id_limit(tl))
                    FAIL("obj %u is not a valid frame id", e->obj);
                if (f || bits_get(&tl->frames_seen, e->obj))
                    FAIL("frame %u is pushed twice", e->obj);
                if (e->c && !obj_find(s, e->c))
                    FAIL("c %u (function) names no live object", e->c);
                if (!bits_set(&tl->frames_seen, e->obj, true))
                    tl->oom = true;
            } else
                FAIL("sub %u is not a kind of push", e->sub);
            *U = f ? f->gen_obj : 0;
        }
        if (e->sub == 1) {
            if (!f)
                return;
            f->status = FS_ACTIVE;
            f->parent = e->b;
            f->depth = s->g.depth + 1;
            f->gen_obj = 0;
        } else {
            Frame rec;
            memset(&rec, 0, sizeof rec);
            rec.id = e->obj;
            rec.push_ev = (uint32_t)i;
            rec.parent = e->b;
            rec.depth = s->g.depth + 1;
            rec.line_ev = NO_EV;
            rec.status = FS_ACTIVE;
            if (!frame_insert(s, &rec))
                return;
        }
        s->g.top = e->obj;
        s->g.depth++;
        return;
    }
    case GS_EV_FRAME_POP: {
        Frame *f = frame_find(s, e->obj);
        if (build) {
            if (!f)
                FAIL("obj %u is not a frame", e->obj);
            if (e->sub == 2) {
                if (f->status != FS_SUSPENDED)
                    FAIL("frame %u is not suspended", e->obj);
            } else if (e->sub <= 1) {
                if (e->obj != s->g.top)
                    FAIL("frame %u is not on top of the stack (%u is)", e->obj, s->g.top);
                if (e->b != f->parent)
                    FAIL("b %u is not frame %u's parent (%u)", e->b, e->obj, f->parent);
            } else
                FAIL("sub %u is not a kind of pop", e->sub);
            if (e->sub != 1 && tl->cfg.strict && f->nedges)
                FAIL("frame %u returns with %u names still bound", e->obj, f->nedges);
            *U = e->sub == 1 ? f->gen_obj : arch_frame(tl, s, f);
            f = frame_find(s, e->obj);
        }
        if (!f)
            return;
        if (e->sub == 1) {
            s->g.top = f->parent;
            s->g.depth--;
            f->status = FS_SUSPENDED;
            f->parent = 0;
            f->depth = 0;
            f->gen_obj = e->c;
        } else {
            if (e->sub == 0) {
                s->g.top = f->parent;
                s->g.depth--;
            }
            drop_frame(s, f);
        }
        return;
    }
    case GS_EV_LINE: {
        Frame *f = frame_find(s, e->obj);
        if (build) {
            if (!f || e->obj != s->g.top)
                FAIL("obj %u is not the frame on top of the stack (%u)", e->obj, s->g.top);
            *U = f->line_ev;
        }
        if (f)
            f->line_ev = (uint32_t)i;
        return;
    }
    case GS_EV_GC_THRESHOLD:
        if (build)
            *U = s->g.threshold_ev;
        s->g.threshold_ev = (uint32_t)i;
        return;
    case GS_EV_STDOUT:
        if (build && ((uint64_t)e->a + e->b > tl->tr->nout))
            FAIL("a %u + b %u is past the %zu bytes of output", e->a, e->b, tl->tr->nout);
        return;
    case GS_EV_EXCEPTION:
        if (build)
            live_obj(tl, s, i, e->obj, true);
        return;
    case GS_EV_GC_START:
        if (build) {
            if (s->g.in_gc)
                FAIL("a collection is already running");
            if (e->a > 2)
                FAIL("a %u is not a generation", e->a);
            *U = s->g.pass_start;
        }
        s->g.in_gc = 1;
        s->g.pass_start = (uint32_t)i;
        s->g.ncollections++;
        return;
    case GS_EV_GC_PHASE:
        if (build) {
            if (!s->g.in_gc)
                FAIL("no collection is running");
            if (e->sub >= GS_GC_PHASE_COUNT)
                FAIL("sub %u is not a phase", e->sub);
            *U = s->g.phase_ev;
        }
        s->g.phase_ev = (uint32_t)i;
        return;
    case GS_EV_GC_END:
        if (build) {
            if (!s->g.in_gc)
                FAIL("no collection is running");
            *U = s->g.end_ev;
        }
        s->g.in_gc = 0;
        s->g.end_ev = (uint32_t)i;
        return;
    case GS_EV_GC_REFS:
    case GS_EV_GC_UNREACHABLE:
    case GS_EV_GC_RESCUED:
        o = live_obj(tl, s, i, e->obj, build);
        if (!o)
            return;
        if (e->kind == GS_EV_GC_REFS) {
            if (build)
                *U = o->gcref_ev;
            o->gcref_ev = (uint32_t)i;
        } else {
            if (build)
                *U = o->mark_ev;
            o->mark_ev = (uint32_t)i;
        }
        return;
    case GS_EV_FINALIZE:
    case GS_EV_WEAKREF_CLEAR: {
        uint8_t flag = e->kind == GS_EV_FINALIZE ? OF_FINALIZED : OF_CLEARED;
        bool info = e->kind == GS_EV_WEAKREF_CLEAR && e->sub == 1; /* its callback is called: no change */
        o = obj_find(s, e->obj);
        if (!o && build && e->kind == GS_EV_WEAKREF_CLEAR && !info && bits_get(&tl->freed, e->obj)) {
            bits_set(&tl->skip, i, true); /* a freed weakref letting go of its referent */
            return;
        }
        o = live_obj(tl, s, i, e->obj, build);
        if (!o || info) {
            if (build && info)
                bits_set(&tl->skip, i, true);
            return;
        }
        if (build && (o->flags & flag))
            FAIL("obj %u is already %s", e->obj, flag == OF_FINALIZED ? "finalized" : "cleared");
        o->flags |= flag;
        return;
    }
    case GS_EV_GC_MOVE:
        o = live_obj(tl, s, i, e->obj, build);
        if (!o)
            return;
        if (build) {
            if (!(o->flags & OF_TRACKED))
                FAIL("obj %u is not tracked", e->obj);
            if (e->a != o->gen || e->b > 3)
                FAIL("a %u -> b %u is not a move from obj %u's generation %u", e->a, e->b, e->obj, o->gen);
        }
        bytes_account(s, o, -1);
        o->gen = (uint8_t)e->b;
        bytes_account(s, o, 1);
        return;
    case GS_EV_RESIZE:
        o = live_obj(tl, s, i, e->obj, build);
        if (!o)
            return;
        if (build) {
            if (o->flags & OF_STATIC)
                FAIL("obj %u is static: its size never changes", e->obj);
            if (e->a != o->size)
                FAIL("a %u is not obj %u's size (%u)", e->a, e->obj, o->size);
            if (e->c) {
                /* a str grown in place (CPython's += on a local): its new contents */
                uint32_t len;
                if (o->kind != GS_K_STR)
                    FAIL("c %u: only a str's contents change (obj %u is not a str)", e->c, e->obj);
                if (e->c >= tl->tr->strings.count)
                    FAIL("c %u is not a string id", e->c);
                const char *text = gs_trace_string_at(tl->tr, e->c, &len);
                /* a label below 4,093 bytes is the whole string (longer ones may be its first 4,096) */
                if (len < 4093 && gs_size_of_str(text, len) != e->b)
                    FAIL("b %u is not the size of obj %u's new contents (%u bytes)", e->b, e->obj,
                         gs_size_of_str(text, len));
            }
            *U = o->value;
        }
        bytes_account(s, o, -1);
        o->size = e->b;
        if (e->c)
            o->value = e->c;
        bytes_account(s, o, 1);
        return;
    default:
        if (build)
            FAIL("kind %u is not an event kind", e->kind);
        return;
    }
}

#undef FAIL

/* Undo event i (which is valid and was applied) on state s. */
static void unapply(gs_Timeline *tl, State *s, size_t i)
{
    if (bits_get(&tl->skip, i))
        return;
    const gs_Event e_ = gs_trace_get(tl->tr, i), *e = &e_;
    uint32_t U = tl->undo[i];
    Obj *o;
    switch ((gs_EventKind)e->kind) {
    case GS_EV_ALLOC:
        o = obj_find(s, e->obj);
        if (o)
            drop_object(s, o);
        return;
    case GS_EV_FREE:
        restore_object(tl, s, U, e->obj);
        return;
    case GS_EV_TRACK:
        if ((o = obj_find(s, e->obj))) {
            bytes_account(s, o, -1);
            o->flags &= (uint8_t)~OF_TRACKED;
            o->gen = (uint8_t)U;
            bytes_account(s, o, 1);
        }
        return;
    case GS_EV_UNTRACK:
        if ((o = obj_find(s, e->obj))) {
            bytes_account(s, o, -1);
            o->flags |= OF_TRACKED;
            o->gen = (uint8_t)U;
            bytes_account(s, o, 1);
        }
        return;
    case GS_EV_INCREF:
    case GS_EV_DECREF:
        if ((o = obj_find(s, e->obj)))
            o->refcnt = (int32_t)U;
        return;
    case GS_EV_REF_SET: {
        o = obj_find(s, e->obj);
        if (!o)
            return;
        if (e->sub == GS_CAUSE_SLOT) {
            s->slab[o->slot_off + e->c] = e->a;
            if (e->b)
                indeg_add(s, e->b, -1);
            if (e->a)
                indeg_add(s, e->a, 1);
            return;
        }
        uint32_t x = edge_find(s, e->obj, e->sub, e->c);
        if (x && e->a) {
            Edge *ed = &s->pool[x - 1];
            indeg_add(s, ed->target, -1);
            ed->target = e->a;
            indeg_add(s, e->a, 1);
        } else if (x)
            edge_remove(s, x);
        else if (e->a)
            edge_add(s, e->obj, e->sub, e->c, e->a, U);
        return;
    }
    case GS_EV_LIST_INSERT:
    case GS_EV_LIST_REMOVE:
        o = obj_find(s, e->obj);
        if (!o)
            return;
        if (e->kind == GS_EV_LIST_REMOVE) {
            if (!slots_fit(s, o, o->slot_len + 1))
                return;
            uint32_t *v = s->slab + o->slot_off;
            memmove(v + e->c + 1, v + e->c, (o->slot_len - e->c) * sizeof *v);
            v[e->c] = e->a;
            o->slot_len++;
            indeg_add(s, e->a, 1);
        } else {
            uint32_t *v = s->slab + o->slot_off;
            memmove(v + e->c, v + e->c + 1, (o->slot_len - e->c - 1) * sizeof *v);
            o->slot_len--;
            v[o->slot_len] = 0;
            indeg_add(s, e->b, -1);
        }
        return;
    case GS_EV_BIND:
    case GS_EV_UNBIND: {
        uint8_t sub = GS_CAUSE_NAME | EDGE_FRAME;
        uint32_t x = edge_find(s, e->obj, sub, e->c);
        if (x && e->a) {
            Edge *ed = &s->pool[x - 1];
            indeg_add(s, ed->target, -1);
            ed->target = e->a;
            indeg_add(s, e->a, 1);
        } else if (x)
            edge_remove(s, x);
        else if (e->a)
            edge_add(s, e->obj, sub, e->c, e->a, U);
        return;
    }
    case GS_EV_FRAME_PUSH: {
        Frame *f = frame_find(s, e->obj);
        s->g.top = e->b;
        s->g.depth--;
        if (!f)
            return;
        if (e->sub == 1) {
            f->status = FS_SUSPENDED;
            f->parent = 0;
            f->depth = 0;
            f->gen_obj = U;
        } else
            drop_frame(s, f);
        return;
    }
    case GS_EV_FRAME_POP:
        if (e->sub == 1) {
            Frame *f = frame_find(s, e->obj);
            if (!f)
                return;
            f->status = FS_ACTIVE;
            f->parent = e->b;
            f->depth = s->g.depth + 1;
            f->gen_obj = U;
        } else
            restore_frame(tl, s, U, e);
        if (e->sub != 2) {
            s->g.top = e->obj;
            s->g.depth++;
        }
        return;
    case GS_EV_LINE: {
        Frame *f = frame_find(s, e->obj);
        if (f)
            f->line_ev = U;
        return;
    }
    case GS_EV_GC_START:
        s->g.in_gc = 0;
        s->g.pass_start = U;
        s->g.ncollections--;
        return;
    case GS_EV_GC_PHASE:
        s->g.phase_ev = U;
        return;
    case GS_EV_GC_END:
        s->g.in_gc = 1;
        s->g.end_ev = U;
        return;
    case GS_EV_GC_THRESHOLD:
        s->g.threshold_ev = U;
        return;
    case GS_EV_GC_REFS:
        if ((o = obj_find(s, e->obj)))
            o->gcref_ev = U;
        return;
    case GS_EV_GC_UNREACHABLE:
    case GS_EV_GC_RESCUED:
        if ((o = obj_find(s, e->obj)))
            o->mark_ev = U;
        return;
    case GS_EV_FINALIZE:
        if ((o = obj_find(s, e->obj)))
            o->flags &= (uint8_t)~OF_FINALIZED;
        return;
    case GS_EV_WEAKREF_CLEAR:
        if ((o = obj_find(s, e->obj)))
            o->flags &= (uint8_t)~OF_CLEARED;
        return;
    case GS_EV_GC_MOVE:
        if ((o = obj_find(s, e->obj))) {
            bytes_account(s, o, -1);
            o->gen = (uint8_t)e->a;
            bytes_account(s, o, 1);
        }
        return;
    case GS_EV_RESIZE:
        if ((o = obj_find(s, e->obj))) {
            bytes_account(s, o, -1);
            o->size = e->a;
            if (e->c)
                o->value = U;
            bytes_account(s, o, 1);
        }
        return;
    default:
        return;
    }
}

/* ================================================================== life and indexing */

gs_Timeline *gs_timeline_new(const gs_Trace *trace, const gs_TimelineConfig *cfg)
{
    gs_Timeline *tl = calloc(1, sizeof *tl);
    if (!tl)
        return NULL;
    tl->tr = trace;
    if (cfg)
        tl->cfg = *cfg;
    tl->memo = calloc(ALLOC_MEMO, sizeof *tl->memo); /* NULL: every object reads its event */
    state_init(&tl->build);
    state_init(&tl->cur);
    return tl;
}

void gs_timeline_free(gs_Timeline *tl)
{
    if (!tl)
        return;
    free(tl->memo);
    free(tl->undo);
    free(tl->skip.b);
    free(tl->archive);
    state_free(&tl->build);
    state_free(&tl->cur);
    for (size_t i = 0; i < tl->nck; i++)
        state_free(&tl->ck[i]);
    free(tl->ck);
    free(tl->lines);
    free(tl->ldepth);
    free(tl->lvisit);
    free(tl->stmt_first);
    free(tl->runs);
    free(tl->gcvisit);
    free(tl->gcruns);
    free(tl->gcs);
    free(tl->phases);
    free(tl->freed.b);
    free(tl->frames_seen.b);
    free(tl->born);
    free(tl->pending);
    free(tl);
}

const gs_Trace *gs_timeline_trace(const gs_Timeline *tl) { return tl->tr; }
size_t gs_timeline_length(const gs_Timeline *tl) { return tl->n; }
size_t gs_timeline_pos(const gs_Timeline *tl) { return tl->cur.pos; }

bool gs_timeline_first_error(const gs_Timeline *tl, size_t *event, char *msg, size_t msgsize)
{
    if (!tl->has_error && !tl->oom)
        return false;
    if (event)
        *event = tl->has_error ? tl->err_ev : tl->n;
    if (msg && msgsize)
        snprintf(msg, msgsize, "%s", tl->has_error ? tl->err : "out of memory");
    return true;
}

static bool push_u32(uint32_t **a, size_t *n, size_t *cap, uint32_t v)
{
    if (!gs_grow((void **)a, cap, *n + 1, sizeof(uint32_t)))
        return false;
    (*a)[(*n)++] = v;
    return true;
}

static bool take_checkpoint(gs_Timeline *tl)
{
    if (!gs_grow((void **)&tl->ck, &tl->ckcap, tl->nck + 1, sizeof(State)))
        return false;
    State *c = &tl->ck[tl->nck];
    state_init(c);
    if (tl->build.slab_garbage > tl->build.slab_len / 2 && tl->build.slab_len > 4096)
        slab_compact(&tl->build);
    if (!state_copy(c, &tl->build, false)) {
        state_free(c);
        return false;
    }
    tl->nck++;
    tl->last_ck = tl->build.pos;
    return true;
}

/* counts[line] is how many times something happened on that line: store
 * the count before this time in *before, then count this one. */
static bool count_run(uint32_t **counts, size_t *n, uint32_t line, uint32_t *before)
{
    if (line > GS_TRACE_MAX_LINE) /* a trace made in memory is not checked as JSON is */
        line = GS_TRACE_MAX_LINE;
    if (line >= *n) {
        size_t nn = (size_t)line + 1 > *n * 2 ? (size_t)line + 1 : *n * 2;
        uint32_t *r = realloc(*counts, nn * sizeof *r);
        if (!r)
            return false;
        memset(r + *n, 0, (nn - *n) * sizeof *r);
        *counts = r;
        *n = nn;
    }
    *before = (*counts)[line];
    if ((*counts)[line] < UINT32_MAX)
        (*counts)[line]++;
    return true;
}

static bool within_statement(const gs_Timeline *tl, size_t k);

/* How many times line event k's line ran before it (lvisit): a return to
 * a statement under way (within_statement) is not a new run. */
static bool count_visit(gs_Timeline *tl, size_t k)
{
    uint32_t line = gs_trace_get(tl->tr, tl->lines[k]).line;
    if (within_statement(tl, k) && line < tl->nruns) {
        tl->lvisit[k] = tl->runs[line] ? tl->runs[line] - 1 : 0;
        return true;
    }
    return count_run(&tl->runs, &tl->nruns, line, &tl->lvisit[k]);
}

static size_t checkpoint_interval(const gs_Timeline *tl)
{
    if (tl->cfg.checkpoint_every)
        return tl->cfg.checkpoint_every;
    /* a checkpoint costs at most ~12 bytes per event it covers (the id
     * index is not part of it): with the trace's ~9 bytes an event and the
     * undo words, about 28 bytes an event in all, and a seek applies at
     * most half an interval of events */
    size_t k = (state_bytes(&tl->build) - tl->build.slotcap * 4) / 12;
    return k < 65536 ? 65536 : k;
}

/* strict: every reference a live object holds is counted by its target */
static void check_pending(gs_Timeline *tl, size_t i)
{
    for (size_t k = 0; k < tl->npending; k++) {
        const Obj *o = obj_find(&tl->build, tl->pending[k]);
        if (o && o->refcnt >= 0 && o->indeg > o->refcnt) {
            /* the event itself is fine, unless it already failed on its own (at the
             * end of a sync, i is the last event, whatever it is): clearing that
             * skip bit would make an invalid event undoable */
            bool skipped = bits_get(&tl->skip, i);
            fail(tl, i, "obj %u has refcount %d but %d references from live objects and frames", o->id,
                 o->refcnt, o->indeg);
            if (!skipped)
                bits_set(&tl->skip, i, false);
            break;
        }
    }
    tl->npending = 0;
}

/* strict: the byte totals kept event by event are the sums of the live
 * objects' sizes (a trace whose sizes replay inconsistently is refused) */
static void check_bytes(gs_Timeline *tl)
{
    const State *s = &tl->build;
    uint64_t total = 0, allocated = 0, gen[4] = { 0, 0, 0, 0 };
    for (uint32_t i = 0; i < s->ocap; i++) {
        const Obj *o = &s->objs[i];
        if (!o->id || (o->flags & OF_STATIC))
            continue;
        total += o->size;
        if (!(o->flags & OF_DESC))
            allocated += o->size;
        if (o->flags & OF_TRACKED)
            gen[o->gen & 3] += o->size;
    }
    bool same = total == s->g.bytes && allocated == s->g.bytes_allocated;
    for (int g = 0; g < 4; g++)
        same = same && gen[g] == s->g.bytes_gen[g];
    if (!same && !tl->has_error && tl->n) {
        size_t i = tl->n - 1;
        fail(tl, i, "the heap's bytes (%llu) are not the sum of its live objects' sizes (%llu)",
             (unsigned long long)s->g.bytes, (unsigned long long)total);
        bits_set(&tl->skip, i, false);
    }
}

int gs_timeline_sync(gs_Timeline *tl)
{
    const gs_Trace *tr = tl->tr;
    /* the object table describes position 0: every state gets it */
    size_t dfrom = tl->ndesc, rfrom = tl->nrefs;
    for (; tl->ndesc < tr->ndesc; tl->ndesc++) {
        add_desc(tl, &tl->build, tl->ndesc);
        add_desc(tl, &tl->cur, tl->ndesc);
    }
    check_table(tl, dfrom, rfrom);
    for (; tl->nrefs < tr->nrefs && !tl->has_error; tl->nrefs++) {
        add_ref(tl, &tl->build, tl->nrefs);
        add_ref(tl, &tl->cur, tl->nrefs);
    }
    /* checkpoints keep no id index: make one while they take the new
     * entries (late entries are rare: strings interned during the run) */
    for (size_t k = 0; k < tl->nck && (dfrom < tl->ndesc || rfrom < tl->nrefs); k++) {
        State *c = &tl->ck[k];
        if (!slot_rebuild(c))
            return -1;
        for (size_t d = dfrom; d < tl->ndesc; d++)
            add_desc(tl, c, d);
        for (size_t r = rfrom; r < tl->nrefs; r++)
            add_ref(tl, c, r);
        free(c->slot_of);
        c->slot_of = NULL;
        c->slotcap = 0;
    }
    if (tl->nck == 0 && !take_checkpoint(tl))
        return -1;
    if (tr->n > 0xfffffff0u)
        return -1;
    if (!gs_grow((void **)&tl->undo, &tl->undocap, tr->n, sizeof(uint32_t)))
        return -1;
    size_t every = checkpoint_interval(tl);
    for (size_t i = tl->n; i < tr->n; i++) {
        const gs_Event e_ = gs_trace_get(tr, i), *e = &e_;
        tl->undo[i] = 0;
        apply(tl, &tl->build, i, true);
        tl->build.pos = i + 1;
        tl->n = i + 1;
        if (tl->oom || tl->build.oom) {
            tl->oom = true;
            return -1;
        }
        if (!bits_get(&tl->skip, i)) {
            bool ok = true;
            switch ((gs_EventKind)e->kind) {
            case GS_EV_LINE:
                ok = push_u32(&tl->lines, &tl->nlines, &tl->linecap, (uint32_t)i);
                ok = ok && gs_grow((void **)&tl->ldepth, &tl->ldcap, tl->nlines, sizeof(uint32_t));
                ok = ok && gs_grow((void **)&tl->lvisit, &tl->lvcap, tl->nlines, sizeof(uint32_t));
                if (ok) {
                    const Frame *top = frame_find(&tl->build, tl->build.g.top);
                    bool cls = top && top->push_ev != NO_EV &&
                               (gs_trace_get(tr, top->push_ev).flags & GS_FRAME_CLASS_BODY);
                    tl->ldepth[tl->nlines - 1] = tl->build.g.depth | (cls ? LCLASS : 0);
                    ok = count_visit(tl, tl->nlines - 1);
                }
                if (tl->cfg.strict)
                    check_pending(tl, i);
                break;
            case GS_EV_GC_START:
                ok = push_u32(&tl->gcs, &tl->ngcs, &tl->gccap, (uint32_t)i) &&
                     push_u32(&tl->phases, &tl->nphases, &tl->phasecap, (uint32_t)i) &&
                     gs_grow((void **)&tl->gcvisit, &tl->gcvcap, tl->ngcs, sizeof(uint32_t)) &&
                     count_run(&tl->gcruns, &tl->ngcruns, e->line, &tl->gcvisit[tl->ngcs - 1]);
                break;
            case GS_EV_GC_PHASE:
            case GS_EV_GC_END:
                ok = push_u32(&tl->phases, &tl->nphases, &tl->phasecap, (uint32_t)i);
                break;
            default:
                break;
            }
            if (!ok) {
                tl->oom = true;
                return -1;
            }
        }
        if (tl->build.pos - tl->last_ck >= every) {
            if (!take_checkpoint(tl))
                return -1;
            every = checkpoint_interval(tl);
        }
    }
    if (tl->cfg.strict) {
        check_pending(tl, tl->n ? tl->n - 1 : 0);
        check_bytes(tl);
    }
    return 0;
}

void gs_timeline_memory(const gs_Timeline *tl, gs_TimelineMemory *m)
{
    memset(m, 0, sizeof *m);
    m->per_event = tl->n * sizeof(uint32_t) + tl->skip.nbits / 8 + tl->nlines * 12 + tl->ngcs * 4 + tl->nphases * 4 +
                   tl->nborn * sizeof(uint32_t);
    m->archive = tl->narch * sizeof(uint32_t);
    for (size_t i = 0; i < tl->nck; i++)
        m->checkpoints += state_bytes(&tl->ck[i]);
    m->ncheckpoints = tl->nck;
    m->states = state_bytes(&tl->build) + state_bytes(&tl->cur) + (tl->memo ? ALLOC_MEMO * sizeof(AllocMemo) : 0);
}

/* ================================================================== moving */

size_t gs_timeline_seek(gs_Timeline *tl, size_t pos)
{
    if (pos > tl->n)
        pos = tl->n;
    State *s = &tl->cur;
    size_t here = s->pos;
    size_t dist = here > pos ? here - pos : pos - here;
    /* the nearest checkpoints on either side (they are in position order) */
    size_t lo = 0, hi = tl->nck;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (tl->ck[mid].pos <= pos)
            lo = mid;
        else
            hi = mid;
    }
    State *best = NULL;
    size_t best_cost = dist;
    for (size_t k = lo; k <= lo + 1 && k < tl->nck; k++) {
        const State *c = &tl->ck[k];
        size_t d = c->pos > pos ? c->pos - pos : pos - c->pos;
        size_t cost = state_bytes(c) / 64 + d; /* copying is cheaper per byte than applying per event */
        if (cost < best_cost) {
            best_cost = cost;
            best = &tl->ck[k];
        }
    }
    /* the indexing state is one more, at the end: the last stretch has no
     * checkpoint after it */
    if (tl->build.pos == tl->n && state_bytes(&tl->build) / 64 + (tl->n - pos) < best_cost)
        best = &tl->build;
    if (best && !state_copy(s, best, true)) {
        /* out of memory while restoring: rebuild from the first checkpoint */
        state_free(s);
        state_init(s);
        if (tl->nck)
            state_copy(s, &tl->ck[0], true);
    }
    while (s->pos < pos) {
        apply(tl, s, s->pos, false);
        s->pos++;
    }
    while (s->pos > pos) {
        unapply(tl, s, s->pos - 1);
        s->pos--;
    }
    if (s->slab_garbage > s->slab_len / 2 && s->slab_len > (1u << 16))
        slab_compact(s);
    return s->pos;
}

size_t gs_timeline_step_event(gs_Timeline *tl, int dir)
{
    size_t p = tl->cur.pos;
    if (dir > 0 && p < tl->n)
        return gs_timeline_seek(tl, p + 1);
    if (dir < 0 && p > 0)
        return gs_timeline_seek(tl, p - 1);
    return p;
}

/* Index in the sorted event index idx[0..n) of the first entry >= ev. */
static size_t index_lower_bound(const uint32_t *idx, size_t n, size_t ev)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (idx[mid] < ev)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index in tl->lines of the first line event >= ev. */
static size_t line_lower_bound(const gs_Timeline *tl, size_t ev) { return index_lower_bound(tl->lines, tl->nlines, ev); }

/* Forward: the first line event at index >= pos with depth <= maxdepth
 * (and, with `only`, a line number in the set).  Backward: the last line
 * event at index < pos - 1.  Moves there (just after it); to the end or
 * the start if none. */
/* Whether line event k is one to stop at: deep enough, and among `only`
 * (when given). */
static bool line_wanted(const gs_Timeline *tl, size_t k, uint32_t maxdepth, const uint32_t *only, size_t nonly)
{
    if ((tl->ldepth[k] & ~LCLASS) > maxdepth)
        return false;
    if (!only)
        return true;
    uint32_t ln = gs_trace_get(tl->tr, tl->lines[k]).line;
    for (size_t j = 0; j < nonly; j++)
        if (only[j] == ln)
            return true;
    return false;
}

static size_t goto_line(gs_Timeline *tl, int dir, uint32_t maxdepth, const uint32_t *only, size_t nonly)
{
    size_t p = tl->cur.pos;
    if (dir > 0) {
        for (size_t k = line_lower_bound(tl, p); k < tl->nlines; k++)
            if (line_wanted(tl, k, maxdepth, only, nonly))
                return gs_timeline_seek(tl, (size_t)tl->lines[k] + 1);
        return gs_timeline_seek(tl, tl->n);
    }
    if (p < 2)
        return gs_timeline_seek(tl, 0);
    for (size_t k = line_lower_bound(tl, p - 1); k-- > 0;)
        if (line_wanted(tl, k, maxdepth, only, nonly))
            return gs_timeline_seek(tl, (size_t)tl->lines[k] + 1);
    return gs_timeline_seek(tl, 0);
}

/* Before the module's frame starts (depth 0) "the current frame" is the
 * module's: stepping over lines must not skip the whole program. */
static uint32_t over_depth(const gs_Timeline *tl) { return tl->cur.g.depth ? tl->cur.g.depth : 1; }
size_t gs_timeline_next_line(gs_Timeline *tl) { return goto_line(tl, 1, over_depth(tl), NULL, 0); }
size_t gs_timeline_prev_line(gs_Timeline *tl) { return goto_line(tl, -1, over_depth(tl), NULL, 0); }
size_t gs_timeline_step_into(gs_Timeline *tl) { return goto_line(tl, 1, UINT32_MAX, NULL, 0); }
size_t gs_timeline_step_back_into(gs_Timeline *tl) { return goto_line(tl, -1, UINT32_MAX, NULL, 0); }

/* The first gc_end at or after event `from` (the end of the collection
 * that starts there or is under way); SIZE_MAX if the trace ends first. */
static size_t gc_end_after(const gs_Timeline *tl, size_t from)
{
    for (size_t lo = index_lower_bound(tl->phases, tl->nphases, from); lo < tl->nphases; lo++)
        if (gs_trace_get(tl->tr, tl->phases[lo]).kind == GS_EV_GC_END)
            return tl->phases[lo];
    return SIZE_MAX;
}

/* Index in tl->gcs of the first collection starting at or after ev. */
static size_t gc_lower_bound(const gs_Timeline *tl, size_t ev) { return index_lower_bound(tl->gcs, tl->ngcs, ev); }

/* The end of the first collection to show a beginner in [from, to): the
 * one under way at `from`, or one of the first `shown` started on its
 * line; counts the collections passed over on the way. SIZE_MAX if none. */
static size_t gc_stop_fwd(const gs_Timeline *tl, size_t from, size_t to, uint32_t shown, size_t *passed)
{
    size_t k = gc_lower_bound(tl, from);
    if (k > 0) { /* under way: its end is a stop */
        size_t end = gc_end_after(tl, tl->gcs[k - 1]);
        if (end != SIZE_MAX && end >= from && end + 1 < to)
            return end;
    }
    for (; k < tl->ngcs && tl->gcs[k] < to; k++) {
        size_t end = gc_end_after(tl, tl->gcs[k]);
        if (end == SIZE_MAX || end + 1 >= to)
            break;
        if (tl->gcvisit[k] < shown)
            return end;
        (*passed)++;
    }
    return SIZE_MAX;
}

/* Backward: the end of the last collection to show in (to, from): the
 * latest one whose end lies there, of the first `shown` on its line. */
static size_t gc_stop_back(const gs_Timeline *tl, size_t from, size_t to, uint32_t shown, size_t *passed)
{
    for (size_t k = gc_lower_bound(tl, from); k-- > 0;) {
        size_t end = gc_end_after(tl, tl->gcs[k]);
        if (end == SIZE_MAX || end + 1 >= from)
            continue;
        if (end + 1 <= to)
            break;
        if (tl->gcvisit[k] < shown)
            return end;
        (*passed)++;
    }
    return SIZE_MAX;
}

/* Line event k starts the line the one before it started, in another
 * frame (a class body's first line is its class statement's): no new stop. */
static bool same_line_again(const gs_Timeline *tl, size_t k)
{
    return k > 0 && gs_trace_get(tl->tr, tl->lines[k]).line == gs_trace_get(tl->tr, tl->lines[k - 1]).line &&
           (tl->ldepth[k] & ~LCLASS) != (tl->ldepth[k - 1] & ~LCLASS);
}

/* Line event k runs in a class body: its statements (a def, an attribute)
 * make objects the picture does not draw, one press each for nothing; the
 * class statement's stop shows the class made, and the lines of methods
 * it calls are stops as usual. */
static bool in_class_body(const gs_Timeline *tl, size_t k)
{
    return (tl->ldepth[k] & LCLASS) != 0;
}

int gs_timeline_set_statements(gs_Timeline *tl, const uint32_t *first_line, uint32_t nlines)
{
    free(tl->stmt_first);
    tl->stmt_first = NULL;
    tl->nstmt = 0;
    if (!nlines)
        return 0;
    tl->stmt_first = malloc((size_t)nlines * sizeof *tl->stmt_first);
    if (!tl->stmt_first)
        return -1;
    memcpy(tl->stmt_first, first_line, (size_t)nlines * sizeof *tl->stmt_first);
    tl->nstmt = nlines;
    /* the line events indexed so far are counted again */
    if (tl->runs)
        memset(tl->runs, 0, tl->nruns * sizeof *tl->runs);
    for (size_t k = 0; k < tl->nlines; k++)
        if (!count_visit(tl, k))
            return -1;
    return 0;
}

/* The first line of the statement that runs on over line `line`, or 0. */
static uint32_t statement_of(const gs_Timeline *tl, uint32_t line)
{
    return line < tl->nstmt ? tl->stmt_first[line] : 0;
}

/* Line event k is within a statement already under way: a later line of a
 * statement written over several lines (print(a,\n b) runs line 1, then
 * 2, then 1 again for the call), after a line of the same statement in
 * the same frame.  A beginner's step takes the statement as one: it does
 * not stop at 2, nor bounce back to 1.  (Lines of calls the statement
 * makes, deeper, are passed over in the search; a new run of the statement,
 * after its first line or another statement, is a stop.) */
static bool within_statement(const gs_Timeline *tl, size_t k)
{
    uint32_t line = gs_trace_get(tl->tr, tl->lines[k]).line, first = statement_of(tl, line);
    if (!first)
        return false;
    uint32_t depth = tl->ldepth[k] & ~LCLASS;
    for (size_t j = k; j-- > 0 && k - j <= 256;) {
        uint32_t dj = tl->ldepth[j] & ~LCLASS;
        if (dj > depth)
            continue;
        if (dj < depth)
            return false;
        uint32_t lj = gs_trace_get(tl->tr, tl->lines[j]).line;
        if (statement_of(tl, lj) != first)
            return false;
        return line != first || lj != first;
    }
    return false;
}

/* Line event j is a line running for the first time, and a stop. */
static bool first_run(const gs_Timeline *tl, size_t j)
{
    return tl->lvisit[j] == 0 && !same_line_again(tl, j) && !in_class_body(tl, j) && !within_statement(tl, j);
}

/* Line event k comes right after a line running for the first time (a
 * branch a loop takes in a late round: a cache's eviction): the next line
 * event, whatever its frame (a __del__ that line set off, the caller it
 * returned to), or the next line of that line's frame past the calls it
 * made.  It is a stop even in a round otherwise passed over, so a step
 * shows what the new line did. */
static bool after_first_run(const gs_Timeline *tl, size_t k)
{
    if (k == 0)
        return false;
    if (first_run(tl, k - 1))
        return true;
    uint32_t depth = tl->ldepth[k] & ~LCLASS;
    for (size_t j = k - 1; j-- > 0 && k - j <= 256;) {
        uint32_t d = tl->ldepth[j] & ~LCLASS;
        if (d > depth)
            continue;
        return d == depth && (tl->ldepth[k - 1] & ~LCLASS) > depth && first_run(tl, j);
    }
    return false;
}

/* Line event k is not a beginner's stop. */
static bool passed_over(const gs_Timeline *tl, size_t k, uint32_t shown)
{
    return (tl->lvisit[k] >= shown && !after_first_run(tl, k)) || same_line_again(tl, k) || in_class_body(tl, k) ||
           within_statement(tl, k);
}

size_t gs_timeline_step_lesson(gs_Timeline *tl, int dir, uint32_t shown, gs_TLStepInfo *info)
{
    size_t p = tl->cur.pos, target;
    size_t k0, k; /* line events [k0, k) forward, (k, k0) backward, are passed over */
    memset(info, 0, sizeof *info);
    if (dir > 0) {
        k0 = line_lower_bound(tl, p);
        for (k = k0; k < tl->nlines && passed_over(tl, k, shown); k++)
            ;
        target = k < tl->nlines ? (size_t)tl->lines[k] + 1 : tl->n;
        size_t end = gc_stop_fwd(tl, p, target, shown, &info->collections_passed);
        if (end != SIZE_MAX) {
            target = end + 1;
            info->collection = true;
        }
    } else {
        if (p < 2)
            return gs_timeline_seek(tl, 0);
        k0 = line_lower_bound(tl, p - 1);
        for (k = k0; k-- > 0 && passed_over(tl, k, shown);)
            ;
        target = k != SIZE_MAX ? (size_t)tl->lines[k] + 1 : 0;
        size_t end = gc_stop_back(tl, p, target, shown, &info->collections_passed);
        if (end != SIZE_MAX) {
            target = end + 1;
            info->collection = true;
        }
    }
    if (info->collection) {
        gs_Event e = gs_trace_get(tl->tr, target - 1);
        info->gc_collected = e.a;
        info->gc_generation = e.c;
    }
    /* the line runs between where we were and where we land */
    size_t a = dir > 0 ? k0 : line_lower_bound(tl, target), b = dir > 0 ? line_lower_bound(tl, target) : k0;
    if (dir > 0 && b > 0 && b <= tl->nlines && (size_t)tl->lines[b - 1] + 1 == target)
        b--; /* the line we land on is not passed over */
    uint32_t lead = 0; /* the first line passed over: a loop's header, a function's first line */
    for (size_t j = a; j < b; j++) {
        if (in_class_body(tl, j) || within_statement(tl, j))
            continue; /* not repeats: the class statement's step, or the statement's, runs them */
        uint32_t ln = gs_trace_get(tl->tr, tl->lines[j]).line;
        if (!info->passed)
            lead = ln;
        if (!info->passed || ln < info->first_line)
            info->first_line = ln;
        if (!info->passed || ln > info->last_line)
            info->last_line = ln;
        info->rounds += ln == lead;
        info->passed++;
        int at = 0; /* kept sorted, distinct */
        while (at < info->nlines && at < 16 && info->lines[at] < ln)
            at++;
        if (info->nlines <= 16 && (at >= info->nlines || info->lines[at] != ln)) {
            if (info->nlines < 16) {
                memmove(&info->lines[at + 1], &info->lines[at], (size_t)(info->nlines - at) * sizeof info->lines[0]);
                memmove(&info->runs[at + 1], &info->runs[at], (size_t)(info->nlines - at) * sizeof info->runs[0]);
                info->lines[at] = ln;
                info->runs[at] = 0;
            }
            info->nlines++;
        }
        if (at < info->nlines && at < 16 && info->lines[at] == ln)
            info->runs[at]++;
    }
    /* strings grown in place among what was passed over: those rounds did
     * something the rounds shown did not */
    if (info->passed > 1) {
        size_t from = dir > 0 ? p : target, to = dir > 0 ? target : p;
        for (size_t j = from; j < to && j < tl->n; j++) {
            gs_Event e = gs_trace_get(tl->tr, j);
            if (e.kind == GS_EV_RESIZE && e.c && !bits_get(&tl->skip, j))
                info->grown_in_place++;
        }
    }
    return gs_timeline_seek(tl, target);
}

size_t gs_timeline_continue(gs_Timeline *tl, int dir, const uint32_t *lines, size_t nlines)
{
    if (!nlines)
        return gs_timeline_seek(tl, dir > 0 ? tl->n : 0);
    return goto_line(tl, dir, UINT32_MAX, lines, nlines);
}

size_t gs_timeline_step_out(gs_Timeline *tl)
{
    uint32_t top = tl->cur.g.top;
    if (!top)
        return gs_timeline_seek(tl, tl->n);
    for (size_t j = tl->cur.pos; j < tl->n; j++) {
        const gs_Event e_ = gs_trace_get(tl->tr, j), *e = &e_;
        if (e->kind == GS_EV_FRAME_POP && e->obj == top && e->sub != 2 && !bits_get(&tl->skip, j))
            return gs_timeline_seek(tl, j + 1);
    }
    return gs_timeline_seek(tl, tl->n);
}

static bool changes_count(const gs_Timeline *tl, size_t j, uint32_t id)
{
    gs_Event e = gs_trace_get(tl->tr, j);
    return e.obj == id && (e.kind == GS_EV_INCREF || e.kind == GS_EV_DECREF || e.kind == GS_EV_FREE) &&
           !bits_get(&tl->skip, j);
}

size_t gs_timeline_watch(gs_Timeline *tl, int dir, uint32_t id)
{
#define CHANGES(j) changes_count(tl, j, id)
    if (dir > 0) {
        for (size_t j = tl->cur.pos; j < tl->n; j++)
            if (CHANGES(j))
                return gs_timeline_seek(tl, j + 1);
        return gs_timeline_seek(tl, tl->n);
    }
    if (tl->cur.pos < 2)
        return gs_timeline_seek(tl, 0);
    for (size_t j = tl->cur.pos - 1; j-- > 0;)
        if (CHANGES(j))
            return gs_timeline_seek(tl, j + 1);
#undef CHANGES
    return gs_timeline_seek(tl, 0);
}

static size_t goto_indexed(gs_Timeline *tl, int dir, const uint32_t *idx, size_t n)
{
    size_t p = tl->cur.pos;
    size_t lo = index_lower_bound(idx, n, p); /* first entry >= p */
    if (dir > 0)
        return lo < n ? gs_timeline_seek(tl, (size_t)idx[lo] + 1) : p;
    /* backward: the last entry < p - 1 */
    while (lo > 0 && (size_t)idx[lo - 1] + 1 >= p)
        lo--;
    return lo > 0 ? gs_timeline_seek(tl, (size_t)idx[lo - 1] + 1) : p;
}

size_t gs_timeline_next_collection(gs_Timeline *tl, int dir) { return goto_indexed(tl, dir, tl->gcs, tl->ngcs); }
size_t gs_timeline_next_phase(gs_Timeline *tl, int dir) { return goto_indexed(tl, dir, tl->phases, tl->nphases); }

/* ================================================================== queries */

static void fill_object(const gs_Timeline *tl, const Obj *o, gs_TLObject *out)
{
    const State *s = &tl->cur;
    memset(out, 0, sizeof *out);
    out->id = o->id;
    out->flags = GS_TLO_ALIVE;
    out->kind = o->kind;
    out->gen = o->gen;
    out->alloc_event = UINT32_MAX;
    if (o->flags & OF_DESC) {
        const gs_ObjDesc *d = &tl->tr->desc[o->src];
        out->type = d->type;
        out->b = d->b;
        out->c = d->c;
        out->flags |= (o->flags & OF_STATIC) ? GS_TLO_STATIC : GS_TLO_RUNTIME;
    } else {
        /* a weakref's payload is filled in after its alloc (the referent) */
        AllocMemo *m = tl->memo && o->kind != GS_K_WEAKREF ? &tl->memo[o->src % ALLOC_MEMO] : NULL;
        AllocMemo fresh;
        if (!m || m->src1 != o->src + 1) {
            gs_Event e = gs_trace_get(tl->tr, o->src);
            fresh = (AllocMemo){ o->src + 1, e.a, e.b, e.c, e.line, e.flags };
            if (m)
                *m = fresh;
            m = &fresh;
        }
        out->type = m->type;
        out->b = o->value ? o->value : m->b; /* a str grown in place: its contents now */
        out->c = m->c;
        out->alloc_line = m->line;
        out->alloc_flags = m->flags;
        out->alloc_event = o->src;
    }
    if (o->flags & OF_TRACKED)
        out->flags |= GS_TLO_TRACKED;
    if (o->flags & OF_FINALIZED)
        out->flags |= GS_TLO_FINALIZED;
    if (o->flags & OF_CLEARED)
        out->flags |= GS_TLO_CLEARED;
    out->refcnt = o->refcnt;
    if (o->refcnt == RC_STATIC)
        out->refcnt = -1;
    else if (o->refcnt == RC_UNKNOWN)
        out->refcnt = -1;
    if (s->g.in_gc && s->g.pass_start != NO_EV) {
        if (o->gcref_ev != NO_EV && o->gcref_ev >= s->g.pass_start) {
            out->flags |= GS_TLO_IN_GC;
            out->gc_refs = (int32_t)gs_trace_get(tl->tr, o->gcref_ev).a;
        }
        /* a rescue (gc_rescued, a = gc_refs) sets gc_refs too */
        if (o->mark_ev != NO_EV && o->mark_ev >= s->g.pass_start && gs_trace_get(tl->tr, o->mark_ev).kind == GS_EV_GC_RESCUED &&
            (o->gcref_ev == NO_EV || o->mark_ev > o->gcref_ev || o->gcref_ev < s->g.pass_start)) {
            out->flags |= GS_TLO_IN_GC;
            out->gc_refs = (int32_t)gs_trace_get(tl->tr, o->mark_ev).a;
        }
        if (o->mark_ev != NO_EV && o->mark_ev >= s->g.pass_start &&
            gs_trace_get(tl->tr, o->mark_ev).kind == GS_EV_GC_UNREACHABLE)
            out->flags |= GS_TLO_UNREACHABLE;
    }
    out->length = kind_has_slots(o->kind) ? o->slot_len : o->nedges;
    out->size = o->size;
}

bool gs_timeline_object(const gs_Timeline *tl, uint32_t id, gs_TLObject *out)
{
    const Obj *o = obj_find(&tl->cur, id);
    if (!o)
        return false;
    fill_object(tl, o, out);
    return true;
}

size_t gs_timeline_gone_at(const gs_Timeline *tl, uint32_t id)
{
    gs_Event a;
    return gs_timeline_gone(tl, id, &a) ? (size_t)tl->born[id] : SIZE_MAX;
}

bool gs_timeline_gone(const gs_Timeline *tl, uint32_t id, gs_Event *alloc)
{
    if (id >= tl->nborn || tl->born[id] == NO_EV || tl->born[id] >= tl->n)
        return false;
    *alloc = gs_trace_get(tl->tr, tl->born[id]);
    return alloc->kind == GS_EV_ALLOC && alloc->obj == id;
}

uint32_t gs_timeline_freed_size(const gs_Timeline *tl, size_t ev)
{
    if (ev >= tl->n || bits_get(&tl->skip, ev) || gs_trace_get(tl->tr, ev).kind != GS_EV_FREE)
        return 0;
    /* the record arch_object saved: src, the flags word, then the size
     * word if the size had changed since the object appeared */
    uint32_t at = tl->undo[ev];
    if ((size_t)at + 2 >= tl->narch)
        return 0; /* out of memory while archiving */
    const uint32_t *a = tl->archive + at;
    Obj rec;
    memset(&rec, 0, sizeof rec);
    rec.src = a[0];
    rec.flags = (uint8_t)(a[1] >> 8);
    return (a[1] & AR_SIZE) ? a[2] : first_size(tl, &rec);
}

bool gs_timeline_next_object(const gs_Timeline *tl, size_t *cursor, gs_TLObject *out)
{
    const State *s = &tl->cur;
    for (size_t i = *cursor; i < s->ocap; i++) {
        if (s->objs[i].id) {
            fill_object(tl, &s->objs[i], out);
            *cursor = i + 1;
            return true;
        }
    }
    *cursor = s->ocap;
    return false;
}

size_t gs_timeline_object_count(const gs_Timeline *tl) { return tl->cur.ocount; }

static int edge_cmp(const void *a, const void *b)
{
    const Edge *x = *(const Edge *const *)a, *y = *(const Edge *const *)b;
    return x->birth < y->birth ? -1 : x->birth > y->birth ? 1 : (x->slot < y->slot ? -1 : x->slot > y->slot);
}

/* Named references of a holder, in birth order, as gs_TLEdges; dict
 * entries give their key and then their value. */
static size_t list_named(const gs_Timeline *tl, uint32_t head, uint32_t count, bool dict, gs_TLEdge *out, size_t at,
                         size_t max)
{
    const State *s = &tl->cur;
    if (!count)
        return at;
    const Edge **v = malloc(count * sizeof *v);
    if (!v)
        return at;
    size_t n = 0;
    for (uint32_t x = head; x && n < count; x = s->pool[x - 1].next)
        v[n++] = &s->pool[x - 1];
    qsort(v, n, sizeof *v, edge_cmp);
    for (size_t k = 0; k < n; k++) {
        const Edge *e = v[k];
        uint8_t sub = e->sub & 0x7f;
        if (dict && sub == GS_CAUSE_VALUE) {
            if (at < max)
                out[at] = (gs_TLEdge){ e->holder, e->slot, e->slot, GS_CAUSE_KEY };
            at++;
        }
        if (at < max)
            out[at] = (gs_TLEdge){ e->holder, e->target, e->slot, sub };
        at++;
    }
    free(v);
    return at;
}

size_t gs_timeline_edges(const gs_Timeline *tl, uint32_t holder, gs_TLEdge *out, size_t max)
{
    const State *s = &tl->cur;
    const Obj *o = obj_find(s, holder);
    if (!o)
        return 0;
    size_t at = 0;
    for (uint32_t i = 0; i < o->slot_len; i++) {
        uint32_t t = s->slab[o->slot_off + i];
        if (!t)
            continue;
        if (at < max)
            out[at] = (gs_TLEdge){ holder, t, i, GS_CAUSE_SLOT };
        at++;
    }
    return list_named(tl, o->edges, o->nedges, o->kind == GS_K_DICT, out, at, max);
}

static void fill_frame(const gs_Timeline *tl, const Frame *f, gs_TLFrame *out)
{
    const gs_Event push_ = gs_trace_get(tl->tr, f->push_ev), *push = &push_;
    memset(out, 0, sizeof *out);
    out->id = f->id;
    out->name = push->a;
    out->parent = f->parent;
    out->depth = f->depth;
    const Obj *c = obj_find(&tl->cur, push->c);
    if (c && c->kind == GS_K_DICT)
        out->ns = push->c;
    else
        out->func = push->c;
    out->line = f->line_ev != NO_EV ? gs_trace_get(tl->tr, f->line_ev).line : push->line;
    out->class_body = (push->flags & GS_FRAME_CLASS_BODY) != 0;
}

size_t gs_timeline_frames(const gs_Timeline *tl, gs_TLFrame *out, size_t max)
{
    size_t n = 0;
    for (uint32_t id = tl->cur.g.top; id;) {
        const Frame *f = frame_find(&tl->cur, id);
        if (!f || n > tl->cur.fcount)
            break;
        if (n < max)
            fill_frame(tl, f, &out[n]);
        n++;
        id = f->parent;
    }
    return n;
}

size_t gs_timeline_suspended_frames(const gs_Timeline *tl, gs_TLFrame *out, uint32_t *gens, size_t max)
{
    size_t n = 0;
    for (uint32_t i = 0; i < tl->cur.fcap; i++) {
        const Frame *f = &tl->cur.frames[i];
        if (!f->id || f->status != FS_SUSPENDED)
            continue;
        if (n < max) {
            fill_frame(tl, f, &out[n]);
            gens[n] = f->gen_obj;
        }
        n++;
    }
    return n;
}

size_t gs_timeline_frame_names(const gs_Timeline *tl, uint32_t frame, gs_TLEdge *out, size_t max)
{
    const Frame *f = frame_find(&tl->cur, frame);
    if (!f)
        return 0;
    return list_named(tl, f->edges, f->nedges, false, out, 0, max);
}

void gs_timeline_gc(const gs_Timeline *tl, gs_TLGC *out)
{
    const State *s = &tl->cur;
    const gs_Trace *tr = tl->tr;
    memset(out, 0, sizeof *out);
    out->collecting = s->g.in_gc != 0;
    out->collections = s->g.ncollections;
    out->start_event = s->g.pass_start;
    if (s->g.pass_start != NO_EV) {
        const gs_Event st_ = gs_trace_get(tr, s->g.pass_start), *st = &st_;
        out->generation = (uint8_t)st->a;
        out->count[0] = st->b & 0xffff;
        out->count[1] = st->b >> 16;
        out->count[2] = st->c;
        out->phase = GS_GC_MERGE;
        if (s->g.phase_ev != NO_EV && s->g.phase_ev > s->g.pass_start)
            out->phase = gs_trace_get(tr, s->g.phase_ev).sub;
        if (!s->g.in_gc)
            out->phase = GS_GC_DONE;
    }
    if (s->g.end_ev != NO_EV) {
        gs_Event end = gs_trace_get(tr, s->g.end_ev);
        out->collected = end.a;
        out->uncollectable = end.b;
    }
    out->threshold[0] = 700;
    out->threshold[1] = out->threshold[2] = 10;
    if (s->g.threshold_ev != NO_EV) {
        gs_Event th = gs_trace_get(tr, s->g.threshold_ev);
        out->threshold[0] = (int32_t)th.a;
        out->threshold[1] = (int32_t)th.b;
        out->threshold[2] = (int32_t)th.c;
        out->threshold_set = true;
    }
}

uint32_t gs_timeline_line(const gs_Timeline *tl)
{
    /* the top frame's latest line, the line the frame executing now is on.
     * Every event carries its frame's line too, so this is the current
     * event's line except at a frame's edges: a frame_pop carries the line
     * of the frame that left (the caller is on top now), a generator's
     * resuming frame_push its resumer's (the generator is on top now) */
    const Frame *f = frame_find(&tl->cur, tl->cur.g.top);
    if (f && f->line_ev != NO_EV && f->line_ev < tl->cur.pos)
        return gs_trace_get(tl->tr, f->line_ev).line;
    return tl->cur.pos ? gs_trace_get(tl->tr, tl->cur.pos - 1).line : 0;
}

uint32_t gs_timeline_depth(const gs_Timeline *tl) { return tl->cur.g.depth; }

void gs_timeline_bytes(const gs_Timeline *tl, gs_TLBytes *out)
{
    const Globals *g = &tl->cur.g;
    out->total = g->bytes;
    out->allocated = g->bytes_allocated;
    for (int k = 0; k < 4; k++)
        out->gen[k] = g->bytes_gen[k];
}

uint64_t gs_timeline_heap_bytes(const gs_Timeline *tl) { return tl->cur.g.bytes; }

uint64_t gs_timeline_generation_bytes(const gs_Timeline *tl, int gen)
{
    return gen >= 0 && gen < 4 ? tl->cur.g.bytes_gen[gen] : 0;
}

size_t gs_timeline_line_event_before(const gs_Timeline *tl, size_t pos)
{
    size_t k = line_lower_bound(tl, pos);
    return k ? tl->lines[k - 1] : SIZE_MAX;
}

int gs_timeline_label(const gs_Timeline *tl, uint32_t id, char *buf, size_t size)
{
    gs_TLObject o;
    if (!gs_timeline_object(tl, id, &o))
        return snprintf(buf, size, "#%u (gone)", id);
    uint32_t tlen;
    const char *type = gs_trace_string_at(tl->tr, o.type, &tlen);
    uint64_t v64 = (uint64_t)o.b | (uint64_t)o.c << 32;
    switch (o.kind) {
    case GS_K_INT:
        if (o.alloc_flags & GS_ALLOC_BIGINT)
            return snprintf(buf, size, "int %s", gs_trace_string_at(tl->tr, o.b, &tlen));
        return snprintf(buf, size, "int %lld", (long long)(int64_t)v64);
    case GS_K_BOOL:
        return snprintf(buf, size, "%s", o.b ? "True" : "False");
    case GS_K_FLOAT: {
        double d;
        memcpy(&d, &v64, sizeof d);
        return snprintf(buf, size, "float %.17g", d);
    }
    case GS_K_NONE:
        return snprintf(buf, size, "None");
    case GS_K_STR: {
        uint32_t len;
        const char *str = gs_trace_string_at(tl->tr, o.b, &len);
        return snprintf(buf, size, "str '%.*s'", (int)(len > 40 ? 40 : len), str);
    }
    case GS_K_FUNCTION: case GS_K_CODE: case GS_K_TYPE: case GS_K_MODULE: case GS_K_BUILTIN: {
        uint32_t len;
        const char *name = gs_trace_string_at(tl->tr, o.b, &len);
        return snprintf(buf, size, "%.*s %.*s", (int)tlen, type, (int)len, name);
    }
    case GS_K_TUPLE: case GS_K_LIST: case GS_K_DICT: case GS_K_SET:
        return snprintf(buf, size, "%.*s len %u", (int)tlen, type, o.length);
    case GS_K_INSTANCE: case GS_K_EXCEPTION:
        return snprintf(buf, size, "%.*s instance", (int)tlen, type);
    default:
        return snprintf(buf, size, "%.*s", (int)tlen, type);
    }
}
