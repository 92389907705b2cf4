/*
 * memtrace.c — tracemalloc's traces: the blocks CPython 3.11's allocator
 * would hand out while tracemalloc traces, each with its size in bytes and
 * the traceback (file, line) of the code that made it, and the current and
 * peak totals (modules/tracemalloc.c is the Python API over them).
 *
 * What a block is and when it moves follows /tmp/research/sizes/
 * TRACEMALLOC.md:
 *   - an object's own block, of the size CPython asks for (its GC header
 *     included; an int below 2^30 asks for 32 bytes, whatever getsizeof
 *     says), and beside it one more block for some (GS_TM_ITEMS): a list's
 *     item array, a dict's keys object or an instance's values, a set's
 *     table once it is not the one inside the object;
 *   - a realloc gives the block its new size and the current line; a free
 *     drops its trace;
 *   - CPython's free lists keep a dead object's block: lists, dicts (80
 *     each), floats (100), tuples of 1 to 19 items (2000 of each length),
 *     one slice, and 8-slot keys objects of str keys (80).  The block stays
 *     traced while it waits, and an object taken from the list gets the
 *     block back, attributed to the line taking it (a keys object keeps its
 *     old line).  A block that was allocated before start() is not traced
 *     when it is reused.  The lists start as CPython's are right after
 *     `import tracemalloc; tracemalloc.start()` at the top of a script.
 * A block is known by the object it belongs to and its part (an object's
 * pointer with the part in its low bits; a block waiting on a free list
 * gets a key of its own).
 */
#include "runtime.h"

/* ================================================================== the state */

enum {
    FL_LIST, FL_DICT, FL_FLOAT, FL_SLICE, FL_KEYS, FL_TUPLE, /* + length - 1: 19 of them */
    FL_COUNT = FL_TUPLE + 19
};

/* a block on no free list, traced or not, is an entry; an untraced one is a
 * marker (so the object's block is known to be untraced when it is freed) */
#define TB_UNTRACED 0xffffffffu

typedef struct Entry {
    uintptr_t key;          /* 0: empty slot */
    size_t size;
    uint32_t tb;            /* traceback id, or TB_UNTRACED */
} Entry;

typedef struct Frame {
    const gs_Str *file;     /* interned: lives as long as the VM */
    int32_t line;
} Frame;

typedef struct Traceback {
    uint32_t first, nframe, total;
    uint32_t hash;
} Traceback;

typedef struct Stack {
    uintptr_t *keys;        /* a parked block's key, or 0 for an untraced block */
    size_t n, cap;
} Stack;

/* CPython's Python/hashtable.c sizes, for get_tracemalloc_memory(): 16
 * buckets at least, rehashed to nentries * 2 / 0.6 when the load passes
 * 0.5 (inserting) or falls below 0.1 (removing) */
typedef struct HTSize {
    size_t nbuckets, nentries;
} HTSize;

struct gs_MemTrace {
    bool tracing;
    int limit;              /* frames kept per traceback (start's nframe) */
    Entry *tab;
    size_t cap, used;       /* slots, entries in use */
    size_t ntraced;
    uint64_t current, peak;
    Frame *frames;
    size_t nframes, framecap;
    Traceback *tbs;
    size_t ntbs, tbcap;
    uint32_t *tbhash;       /* traceback id + 1, open addressing */
    size_t tbhashcap;
    const gs_Str **files;   /* distinct file names seen (tracemalloc's filename table) */
    size_t nfiles, filecap;
    HTSize ht_traces, ht_tbs, ht_files;
    Stack fl[FL_COUNT];
    uintptr_t next_park;
    Stack kept[2];          /* blocks sys.stdout, sys.stderr keep pending, freed when written (builtins.c) */
    Frame lib[4];           /* frames of a library's Python code the model runs in C, innermost last */
    int nlib;
    Entry handoff;          /* a phantom tuple's block, becoming a real tuple's */
    void *module;           /* modules/tracemalloc.c's own (its classes) */
    bool reentrant;         /* _get_traces runs: new blocks go untraced */
};

static const size_t fl_max[FL_COUNT] = {
    [FL_LIST] = 80, [FL_DICT] = 80, [FL_FLOAT] = 100, [FL_SLICE] = 1, [FL_KEYS] = 80,
    [FL_TUPLE] = 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
    2000, 2000,
};

static inline uintptr_t key_of(gs_Object *o, int part) { return (uintptr_t)o | (uintptr_t)part; }

/* ------------------------------------------------------------------ CPython's hashtable sizes */

static size_t round_size(size_t s)
{
    size_t n = 16;
    while (n < s)
        n <<= 1;
    return n;
}

static void ht_added(HTSize *h)
{
    h->nentries++;
    if ((double)h->nentries / (double)h->nbuckets > 0.5)
        h->nbuckets = round_size((size_t)((double)h->nentries * (2.0 / 0.6)));
}

static void ht_removed(HTSize *h)
{
    h->nentries--;
    if ((double)h->nentries / (double)h->nbuckets < 0.1)
        h->nbuckets = round_size((size_t)((double)h->nentries * (2.0 / 0.6)));
}

static void ht_clear(HTSize *h)
{
    h->nentries = 0;
    h->nbuckets = 16;
}

/* ------------------------------------------------------------------ the table of blocks */

static inline size_t slot_of(uintptr_t key, size_t cap)
{
    uint64_t x = (uint64_t)key * 0x9e3779b97f4a7c15ull;
    return (size_t)(x >> 17) & (cap - 1);
}

static Entry *find(gs_MemTrace *m, uintptr_t key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (m->tab[i].key == key)
            return &m->tab[i];
        if (!m->tab[i].key)
            return NULL;
    }
}

static bool grow(gs_MemTrace *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    Entry *t = calloc(cap, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->tab[i].key)
            continue;
        size_t j = slot_of(m->tab[i].key, cap);
        while (t[j].key)
            j = (j + 1) & (cap - 1);
        t[j] = m->tab[i];
    }
    free(m->tab);
    m->tab = t;
    m->cap = cap;
    return true;
}

/* Insert an entry whose key is absent.  NULL only when out of memory (the
 * block then goes untraced: tracemalloc drops traces it cannot store too). */
static Entry *insert(gs_MemTrace *m, Entry e)
{
    if ((m->used + 1) * 2 > m->cap && !grow(m))
        return NULL;
    size_t i = slot_of(e.key, m->cap);
    while (m->tab[i].key)
        i = (i + 1) & (m->cap - 1);
    m->tab[i] = e;
    m->used++;
    return &m->tab[i];
}

static void erase(gs_MemTrace *m, Entry *e)
{
    size_t i = (size_t)(e - m->tab), mask = m->cap - 1;
    e->key = 0;
    m->used--;
    for (size_t j = (i + 1) & mask; m->tab[j].key; j = (j + 1) & mask) {
        size_t home = slot_of(m->tab[j].key, m->cap);
        bool move = i <= j ? (home <= i || home > j) : (home <= i && home > j);
        if (move) {
            m->tab[i] = m->tab[j];
            m->tab[j].key = 0;
            i = j;
        }
    }
}

/* ------------------------------------------------------------------ tracebacks */

static bool tb_equal(gs_MemTrace *m, const Traceback *t, const Frame *f, uint32_t n, uint32_t total)
{
    if (t->nframe != n || t->total != total)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (m->frames[t->first + i].file != f[i].file || m->frames[t->first + i].line != f[i].line)
            return false;
    return true;
}

static void file_seen(gs_MemTrace *m, const gs_Str *file)
{
    for (size_t i = 0; i < m->nfiles; i++)
        if (m->files[i] == file)
            return;
    if (m->nfiles == m->filecap) {
        size_t cap = m->filecap ? m->filecap * 2 : 8;
        const gs_Str **f = realloc(m->files, cap * sizeof *f);
        if (!f)
            return;
        m->files = f;
        m->filecap = cap;
    }
    m->files[m->nfiles++] = file;
    ht_added(&m->ht_files);
}

static bool tbhash_grow(gs_MemTrace *m)
{
    size_t cap = m->tbhashcap ? m->tbhashcap * 2 : 256;
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h)
        return false;
    for (size_t id = 0; id < m->ntbs; id++) {
        size_t j = m->tbs[id].hash & (cap - 1);
        while (h[j])
            j = (j + 1) & (cap - 1);
        h[j] = (uint32_t)id + 1;
    }
    free(m->tbhash);
    m->tbhash = h;
    m->tbhashcap = cap;
    return true;
}

/* The traceback of what runs now, most recent frame first, at most `limit`
 * frames (tracemalloc's traceback_new), interned; TB_UNTRACED when out of
 * memory. */
static uint32_t current_tb(gs_VM *vm, gs_MemTrace *m)
{
    Frame f[64];
    uint32_t n = 0, total = 0;
    int nlib = m->nlib < (int)(sizeof m->lib / sizeof m->lib[0]) ? m->nlib : (int)(sizeof m->lib / sizeof m->lib[0]);
    for (int i = nlib - 1; i >= 0; i--) {
        if (n < (uint32_t)m->limit)
            f[n++] = m->lib[i];
        total++;
    }
    for (gs_Frame *fr = vm->frame; fr; fr = fr->back) {
        if (n < (uint32_t)m->limit && n < 64) {
            gs_Code *c = fr->code;
            int32_t line = fr->lasti >= 0 && fr->lasti < c->nops ? c->lines[fr->lasti] : c->firstline;
            f[n++] = (Frame){ c->filename, line };
        }
        total++;
    }
    if (!n) {
        f[n++] = (Frame){ NULL, 0 }; /* <unknown>:0 */
        total = 1;
    }
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++) {
        h = (h ^ (uint32_t)((uintptr_t)f[i].file >> 4)) * 16777619u;
        h = (h ^ (uint32_t)f[i].line) * 16777619u;
    }
    if (m->tbhashcap) {
        for (size_t j = h & (m->tbhashcap - 1); m->tbhash[j]; j = (j + 1) & (m->tbhashcap - 1)) {
            uint32_t id = m->tbhash[j] - 1;
            if (m->tbs[id].hash == h && tb_equal(m, &m->tbs[id], f, n, total))
                return id;
        }
    }
    if ((m->ntbs + 1) * 2 > m->tbhashcap && !tbhash_grow(m))
        return TB_UNTRACED;
    if (m->ntbs == m->tbcap) {
        size_t cap = m->tbcap ? m->tbcap * 2 : 64;
        Traceback *t = realloc(m->tbs, cap * sizeof *t);
        if (!t)
            return TB_UNTRACED;
        m->tbs = t;
        m->tbcap = cap;
    }
    if (m->nframes + n > m->framecap) {
        size_t cap = m->framecap ? m->framecap * 2 : 256;
        while (cap < m->nframes + n)
            cap *= 2;
        Frame *fr = realloc(m->frames, cap * sizeof *fr);
        if (!fr)
            return TB_UNTRACED;
        m->frames = fr;
        m->framecap = cap;
    }
    memcpy(m->frames + m->nframes, f, n * sizeof *f);
    uint32_t id = (uint32_t)m->ntbs++;
    m->tbs[id] = (Traceback){ (uint32_t)m->nframes, n, total, h };
    m->nframes += n;
    size_t j = h & (m->tbhashcap - 1);
    while (m->tbhash[j])
        j = (j + 1) & (m->tbhashcap - 1);
    m->tbhash[j] = id + 1;
    ht_added(&m->ht_tbs);
    for (uint32_t i = 0; i < n; i++)
        if (f[i].file)
            file_seen(m, f[i].file);
    return id;
}

/* ------------------------------------------------------------------ traces */

static void count_in(gs_MemTrace *m, size_t size)
{
    m->current += size;
    if (m->current > m->peak)
        m->peak = m->current;
}

/* malloc or realloc: the block `key` has `size` bytes and the current
 * traceback (ADD_TRACE updates a block it already traces) */
static void trace(gs_VM *vm, gs_MemTrace *m, uintptr_t key, size_t size)
{
    uint32_t tb = current_tb(vm, m);
    Entry *e = find(m, key);
    if (e && e->tb != TB_UNTRACED) {
        m->current -= e->size;
        e->size = size;
        e->tb = tb;
        count_in(m, size);
        return;
    }
    if (e)
        erase(m, e);
    if (m->reentrant) {
        /* tracemalloc's reentrancy flag: the block is not traced, but its
         * object is known to be untraced (for the free lists) */
        insert(m, (Entry){ key, 0, TB_UNTRACED });
        return;
    }
    if (tb == TB_UNTRACED || !insert(m, (Entry){ key, size, tb }))
        return;
    m->ntraced++;
    ht_added(&m->ht_traces);
    count_in(m, size);
}

/* free: the block's trace goes (an untraced block's marker too) */
static void untrace(gs_MemTrace *m, uintptr_t key)
{
    Entry *e = find(m, key);
    if (!e)
        return;
    if (e->tb != TB_UNTRACED) {
        m->current -= e->size;
        m->ntraced--;
        ht_removed(&m->ht_traces);
    }
    erase(m, e);
}

/* Move a block to another key (a free list, or the object that takes it),
 * keeping its trace (and, with `relabel`, attributing it to the current
 * line: an object taken from a free list). */
static void rekey(gs_VM *vm, gs_MemTrace *m, uintptr_t from, uintptr_t to, bool relabel)
{
    Entry *e = find(m, from);
    if (!e)
        return;
    Entry moved = *e;
    erase(m, e);
    moved.key = to;
    Entry *old = find(m, to);
    if (old)
        untrace(m, to);
    if (relabel && moved.tb != TB_UNTRACED) {
        uint32_t tb = current_tb(vm, m);
        if (tb != TB_UNTRACED)
            moved.tb = tb;
    }
    insert(m, moved);
}

/* ------------------------------------------------------------------ free lists */

static bool push(gs_MemTrace *m, int fl, uintptr_t key)
{
    Stack *s = &m->fl[fl];
    if (s->n >= fl_max[fl])
        return false;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        uintptr_t *k = realloc(s->keys, cap * sizeof *k);
        if (!k)
            return false;
        s->keys = k;
        s->cap = cap;
    }
    s->keys[s->n++] = key;
    return true;
}

/* Park the block `key` on free list `fl` if it has room; false: the block
 * is freed instead. */
static bool park(gs_MemTrace *m, int fl, uintptr_t key)
{
    Entry *e = find(m, key);
    uintptr_t parked = 0;
    if (e && e->tb != TB_UNTRACED)
        parked = (m->next_park++ << 4) | 8;
    if (!push(m, fl, parked))
        return false;
    if (parked) {
        Entry moved = *e;
        erase(m, e);
        moved.key = parked;
        insert(m, moved);
    } else if (e)
        erase(m, e); /* the marker of an untraced block */
    return true;
}

/* The free list CPython keeps an object of this kind on, or -1. */
static int free_list_of(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = o->type;
    if (t == vm->t_list)
        return FL_LIST;
    if (t == vm->t_dict)
        return FL_DICT;
    if (t == vm->t_float)
        return FL_FLOAT;
    if (t == vm->t_slice)
        return FL_SLICE;
    if (t == vm->t_tuple) {
        int32_t n = ((gs_Tuple *)o)->len;
        return n >= 1 && n <= 19 ? FL_TUPLE + n - 1 : -1;
    }
    return -1;
}

/* ================================================================== sizes of blocks */

/* The bytes CPython asks for an object's own block. */
static size_t object_block(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_INT: {
        /* _PyLong_FromMedium (every value below 2^30) asks for a whole
         * PyLongObject; bigger ones for their digits */
        int64_t v = ((gs_Int *)o)->value;
        if (gs_int_is_big(o))
            return gs_big_sizeof(o);
        return v > -(1 << 30) && v < (1 << 30) ? 32 : gs_size_of_int(v);
    }
    case GS_K_LIST: return 56;
    case GS_K_DICT: return 64;
    case GS_K_SET: return 216;
    case GS_K_INSTANCE: {
        gs_Type *t = o->type;
        if ((t->flags & GS_TF_HEAP) && t->sk_usable >= 0)
            return 56; /* GC header, the dict and values pointers, the object */
        if (t->native && t->native->extra_size) /* its items are a block of their own */
            return gs_sizeof(vm, o) - t->native->extra_size(o);
        return gs_sizeof(vm, o);
    }
    case GS_K_TYPE:
        /* the heap type object with room for its (no) slots, and the
         * class's shared keys */
        return ((gs_Type *)o)->flags & GS_TF_HEAP
                   ? 960 + (((gs_Type *)o)->sk_usable >= 0 ? gs_dict_keys_size(6, true) : 0)
                   : 0;
    case GS_K_STR: {
        /* a character below U+0100 on its own is one of CPython's cached
         * strings: the model's own for ASCII (str(5) is not one: a new
         * string in both), a new object standing for it above */
        gs_Str *s = (gs_Str *)o;
        unsigned char c0 = (unsigned char)s->data[0];
        if (s->nchars == 1 && (c0 < 0x80 ? vm->char_strs[c0] == o : c0 < 0xC4))
            return 0;
        return gs_sizeof(vm, o);
    }
    default:
        return gs_sizeof(vm, o);
    }
}

/* new_values: a size byte prefix rounded to 8, then a pointer a value */
static size_t values_block(int64_t slots)
{
    return (((size_t)slots + 2 + 7) & ~(size_t)7) + 8 * (size_t)slots;
}

/* ================================================================== the runtime's hooks */

void gs_tm_alloc_begin(gs_VM *vm, gs_Object *o, int reuse)
{
    gs_MemTrace *m = vm->tm;
    uintptr_t key = key_of(o, GS_TM_OBJECT);
    if (reuse < 0) {
        /* memory CPython got by resizing another object: the phantom's block */
        if (m->handoff.key) {
            Entry e = m->handoff;
            e.key = key;
            m->handoff.key = 0;
            insert(m, e);
        }
        return;
    }
    int fl = reuse ? free_list_of(vm, o) : -1;
    if (fl < 0 || !m->fl[fl].n)
        return; /* a new block: gs_tm_object traces it */
    uintptr_t parked = m->fl[fl].keys[--m->fl[fl].n];
    if (parked)
        rekey(vm, m, parked, key, true); /* _PyTraceMalloc_NewReference */
    else
        insert(m, (Entry){ key, 0, TB_UNTRACED });
}

void gs_tm_object(gs_VM *vm, gs_Object *o)
{
    gs_MemTrace *m = vm->tm;
    if ((o->gcflags & GS_GC_STATIC) || (GS_KIND(o) == GS_K_LIST && (o->gcflags & GS_GC_UNCOUNTED)))
        return; /* immortal, or a list only the model has (a generator's state) */
    uintptr_t key = key_of(o, GS_TM_OBJECT);
    Entry *e = find(m, key);
    if (e && e->tb == TB_UNTRACED)
        return; /* reused from a free list, allocated before start() */
    size_t size = object_block(vm, o);
    if (!size && !e)
        return;
    trace(vm, m, key, size);
    /* an instance's values array, sized by its class's shared keys */
    if (GS_KIND(o) == GS_K_INSTANCE && (o->type->flags & GS_TF_HEAP) && o->type->sk_usable >= 0 && !e)
        trace(vm, m, key_of(o, GS_TM_ITEMS), values_block((int64_t)o->type->sk_nentries + o->type->sk_usable));
}

void gs_tm_block(gs_VM *vm, gs_Object *o, int part, size_t size, bool realloc)
{
    GS_UNUSED(realloc);
    trace(vm, vm->tm, key_of(o, part), size);
}

void gs_tm_free(gs_VM *vm, gs_Object *o, int part) { untrace(vm->tm, key_of(o, part)); }

void gs_tm_dict_keys(gs_VM *vm, gs_Object *d, int old_log2, bool old_unicode, int log2, bool unicode)
{
    gs_MemTrace *m = vm->tm;
    uintptr_t key = key_of(d, GS_TM_ITEMS);
    /* dictresize makes the new keys before it frees the old ones (both
     * count for the peak): the old block waits under a key of its own */
    uintptr_t old = (m->next_park++ << 4) | 8;
    rekey(vm, m, key, old, false);
    if (log2 == -2) {
        gs_Dict *dd = (gs_Dict *)d;
        trace(vm, m, key, values_block((int64_t)dd->sk_nentries + dd->sk_usable));
    } else if (log2 >= 0) {
        if (log2 == 3 && unicode && m->fl[FL_KEYS].n && !vm->keys_malloc) {
            /* new_keys_object takes one from the free list: not an object,
             * so it keeps the line it was made on */
            uintptr_t parked = m->fl[FL_KEYS].keys[--m->fl[FL_KEYS].n];
            if (parked)
                rekey(vm, m, parked, key, false);
        } else
            trace(vm, m, key, gs_dict_keys_size(log2, unicode));
    }
    /* free_keys_object: an 8-slot table of str keys waits on the keys free list */
    if (!(old_log2 == 3 && old_unicode && park(m, FL_KEYS, old)))
        untrace(m, old);
}

void gs_tm_materialise(gs_VM *vm, gs_Object *inst, gs_Object *dict)
{
    rekey(vm, vm->tm, key_of(inst, GS_TM_ITEMS), key_of(dict, GS_TM_ITEMS), false);
}

void gs_tm_dealloc(gs_VM *vm, gs_Object *o)
{
    gs_MemTrace *m = vm->tm;
    uintptr_t items = key_of(o, GS_TM_ITEMS);
    if (GS_KIND(o) == GS_K_DICT) {
        gs_DictTable *t = &((gs_Dict *)o)->t;
        bool small_str = t->index_size == 8 && t->kind == GS_DK_UNICODE;
        if (!(small_str && park(m, FL_KEYS, items)))
            untrace(m, items);
    } else
        untrace(m, items);
    uintptr_t key = key_of(o, GS_TM_OBJECT);
    int fl = free_list_of(vm, o);
    if (fl < 0 || !park(m, fl, key))
        untrace(m, key);
}

void gs_tm_phantom_discard(gs_VM *vm, gs_Object *p)
{
    gs_MemTrace *m = vm->tm;
    Entry *e = find(m, key_of(p, GS_TM_OBJECT));
    if (m->handoff.key)
        untrace(m, m->handoff.key);
    m->handoff.key = 0;
    if (!e)
        return;
    Entry moved = *e;
    erase(m, e);
    moved.key = 1; /* not a key of any block while it waits */
    m->handoff = moved;
}

/* Blocks CPython's sys.stdout keeps (builtins.c, print): an object the
 * model frees while CPython's pending list still holds it keeps its trace
 * under a key of its own; a block with no object in the model (the UTF-8
 * bytes of a piece that is not ASCII) is traced the same way; all go when
 * the pending text is written (gs_tm_release_kept). */
static void keep_key(gs_MemTrace *m, uintptr_t key, int which)
{
    Stack *s = &m->kept[which];
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        uintptr_t *k = realloc(s->keys, cap * sizeof *k);
        if (!k) {
            untrace(m, key); /* out of memory: freed now rather than never */
            return;
        }
        s->keys = k;
        s->cap = cap;
    }
    s->keys[s->n++] = key;
}

void gs_tm_keep(gs_VM *vm, gs_Object *o, int which)
{
    gs_MemTrace *m = vm->tm;
    Entry *e = find(m, key_of(o, GS_TM_OBJECT));
    if (!e)
        return;
    Entry moved = *e;
    erase(m, e);
    if (moved.tb == TB_UNTRACED)
        return; /* allocated before start(): never traced */
    moved.key = (m->next_park++ << 4) | 8;
    if (insert(m, moved))
        keep_key(m, moved.key, which);
}

uintptr_t gs_tm_new_block(gs_VM *vm, size_t size)
{
    gs_MemTrace *m = vm->tm;
    uintptr_t key = (m->next_park++ << 4) | 8;
    trace(vm, m, key, size);
    return find(m, key) ? key : 0;
}

void gs_tm_set_block(gs_VM *vm, uintptr_t key, size_t size)
{
    if (key)
        trace(vm, vm->tm, key, size); /* a realloc: the new size, the current line */
}

void gs_tm_drop_block(gs_VM *vm, uintptr_t key)
{
    if (key)
        untrace(vm->tm, key);
}

void gs_tm_keep_block(gs_VM *vm, uintptr_t key, int which)
{
    if (key)
        keep_key(vm->tm, key, which);
}

void gs_tm_release_kept(gs_VM *vm, int which)
{
    gs_MemTrace *m = vm->tm;
    Stack *s = &m->kept[which];
    for (size_t i = 0; i < s->n; i++)
        untrace(m, s->keys[i]);
    s->n = 0;
}

void gs_tm_transient(gs_VM *vm, size_t size)
{
    gs_MemTrace *m = vm->tm;
    uintptr_t key = (m->next_park++ << 4) | 8;
    trace(vm, m, key, size);
    untrace(m, key);
}

/* What CPython runs in Python in a library (Lib/tracemalloc.py's
 * Snapshot) the model makes in C: blocks allocated meanwhile are traced
 * as made on the library's lines, innermost last. */
void gs_tm_lib_enter(gs_VM *vm, const gs_Str *file, int32_t line)
{
    gs_MemTrace *m = vm->tm;
    if (m->nlib < (int)(sizeof m->lib / sizeof m->lib[0]))
        m->lib[m->nlib] = (Frame){ file, line };
    m->nlib++;
}

void gs_tm_lib_leave(gs_VM *vm)
{
    vm->tm->nlib--;
}

/* _get_traces sets tracemalloc's reentrancy flag while it makes the
 * snapshot's tuples: what it allocates is not traced, but an object taken
 * from a free list is still attributed to the current line
 * (_PyTraceMalloc_NewReference does not look at the flag). */
void gs_tm_set_reentrant(gs_VM *vm, bool on)
{
    vm->tm->reentrant = on;
}

size_t gs_tm_values_block(int64_t slots) { return values_block(slots); }

/* A collection of the oldest generation empties CPython's free lists of
 * tuples, floats, lists, dicts and dict keys (clear_freelists): their
 * blocks are freed.  The slice cache stays. */
void gs_tm_clear_free_lists(gs_VM *vm)
{
    gs_MemTrace *m = vm->tm;
    for (int fl = 0; fl < FL_COUNT; fl++) {
        if (fl == FL_SLICE)
            continue;
        for (size_t i = 0; i < m->fl[fl].n; i++)
            if (m->fl[fl].keys[i])
                untrace(m, m->fl[fl].keys[i]);
        m->fl[fl].n = 0;
    }
}

void gs_tm_moved(gs_VM *vm, gs_Object *from, gs_Object *to)
{
    rekey(vm, vm->tm, key_of(from, GS_TM_OBJECT), key_of(to, GS_TM_OBJECT), false);
}

/* ================================================================== the module's side */

/* The dict keys and slice free lists right after `import tracemalloc;
 * tracemalloc.start()` at the top of a script run by python3.11
 * (TRACEMALLOC.md, section 3.2): their blocks predate tracing. */
static void seed_free_lists(gs_MemTrace *m)
{
    /* lists, dicts, floats and tuples: the model's own lists at start()
     * (gs_freelists_after_tracemalloc_import) */
    static const struct { int fl; size_t n; } seed[] = { { FL_SLICE, 1 } };
    for (size_t i = 0; i < sizeof seed / sizeof seed[0]; i++)
        while (m->fl[seed[i].fl].n < seed[i].n && push(m, seed[i].fl, 0))
            ;
}

gs_MemTrace *gs_tm_state(gs_VM *vm)
{
    if (!vm->tm_state) {
        gs_MemTrace *m = calloc(1, sizeof *m);
        if (!m)
            return NULL;
        m->limit = 1;
        m->next_park = 1;
        ht_clear(&m->ht_traces);
        ht_clear(&m->ht_tbs);
        ht_clear(&m->ht_files);
        seed_free_lists(m);
        vm->tm_state = m;
    }
    return vm->tm_state;
}

/* Every trace goes (stop(), clear_traces()): blocks waiting on the free
 * lists are untraced from then on. */
static void drop_traces(gs_MemTrace *m)
{
    free(m->tab);
    m->tab = NULL;
    m->cap = m->used = m->ntraced = 0;
    m->current = m->peak = 0;
    m->nframes = m->ntbs = 0;
    if (m->tbhash)
        memset(m->tbhash, 0, m->tbhashcap * sizeof *m->tbhash);
    m->nfiles = 0;
    ht_clear(&m->ht_traces);
    ht_clear(&m->ht_tbs);
    ht_clear(&m->ht_files);
    for (int i = 0; i < FL_COUNT; i++)
        for (size_t k = 0; k < m->fl[i].n; k++)
            m->fl[i].keys[k] = 0;
    m->kept[0].n = m->kept[1].n = 0;
    m->handoff.key = 0;
}

int gs_tm_start(gs_VM *vm, int nframe)
{
    gs_MemTrace *m = gs_tm_state(vm);
    if (!m)
        return -1;
    if (m->tracing)
        return 0; /* already tracing: the limit stays */
    m->limit = nframe;
    m->tracing = true;
    vm->tm = m;
    /* the free lists as the program has left them: blocks freed before
     * start() are reused untraced */
    int lists, dicts, floats, tuples[19], keys;
    gs_freelist_counts(vm, &lists, &dicts, &floats, tuples, &keys);
    int want[FL_COUNT] = { [FL_LIST] = lists, [FL_DICT] = dicts, [FL_FLOAT] = floats, [FL_KEYS] = keys };
    for (int i = 0; i < 19; i++)
        want[FL_TUPLE + i] = tuples[i];
    for (int fl = 0; fl < FL_COUNT; fl++) {
        if (fl == FL_SLICE)
            continue; /* the model has no such list: as seeded (seed_free_lists) */
        m->fl[fl].n = 0;
        while (m->fl[fl].n < (size_t)want[fl] && push(m, fl, 0))
            ;
    }
    return 0;
}

void gs_tm_stop(gs_VM *vm)
{
    gs_MemTrace *m = vm->tm_state;
    if (!m || !m->tracing)
        return;
    m->tracing = false;
    vm->tm = NULL;
    drop_traces(m);
}

bool gs_tm_tracing(gs_VM *vm) { return vm->tm != NULL; }

int gs_tm_limit(gs_VM *vm) { return vm->tm_state ? vm->tm_state->limit : 1; }

void gs_tm_traced_memory(gs_VM *vm, uint64_t *current, uint64_t *peak)
{
    gs_MemTrace *m = vm->tm;
    *current = m ? m->current : 0;
    *peak = m ? m->peak : 0;
}

void gs_tm_reset_peak(gs_VM *vm)
{
    if (vm->tm)
        vm->tm->peak = vm->tm->current;
}

void gs_tm_clear_traces(gs_VM *vm)
{
    if (vm->tm)
        drop_traces(vm->tm);
}

static size_t ht_bytes(const HTSize *h) { return 80 + 8 * h->nbuckets + 32 * h->nentries; }

size_t gs_tm_memory(gs_VM *vm)
{
    gs_MemTrace *m = vm->tm_state;
    if (!m)
        return 3 * (80 + 8 * 16);
    return ht_bytes(&m->ht_traces) + ht_bytes(&m->ht_tbs) + ht_bytes(&m->ht_files);
}

/* Tracing stops for the module's own work: the objects tracemalloc.py
 * makes are counted at its lines in CPython, never at the program's. */
gs_MemTrace *gs_tm_suspend(gs_VM *vm)
{
    gs_MemTrace *m = vm->tm;
    vm->tm = NULL;
    return m;
}

void gs_tm_resume(gs_VM *vm, gs_MemTrace *m) { vm->tm = m; }

size_t gs_tm_traces(gs_VM *vm, gs_TMTraceFn fn, void *ctx)
{
    gs_MemTrace *m = vm->tm_state;
    size_t n = 0;
    if (!m)
        return 0;
    for (size_t i = 0; i < m->cap; i++) {
        const Entry *e = &m->tab[i];
        if (!e->key || e->tb == TB_UNTRACED)
            continue;
        n++;
        if (fn) {
            const Traceback *t = &m->tbs[e->tb];
            gs_TMFrame f[64];
            for (uint32_t k = 0; k < t->nframe && k < 64; k++) {
                const Frame *fr = &m->frames[t->first + k];
                f[k].file = fr->file ? fr->file->data : "<unknown>";
                f[k].line = fr->line;
            }
            fn(ctx, e->size, f, (int)t->nframe, (int)t->total);
        }
    }
    return n;
}

int gs_tm_object_traceback(gs_VM *vm, gs_Object *o, gs_TMFrame *frames, int max, int *total)
{
    gs_MemTrace *m = vm->tm;
    if (!m || (o->gcflags & GS_GC_STATIC))
        return -1;
    /* 3.11 looks for the block at the object's address less the GC
     * header: an instance whose class has a managed __dict__ starts 16
     * bytes earlier, and is never found */
    if (GS_KIND(o) == GS_K_INSTANCE && (o->type->flags & GS_TF_HEAP) && o->type->sk_usable >= 0)
        return -1;
    Entry *e = find(m, key_of(o, GS_TM_OBJECT));
    if (!e || e->tb == TB_UNTRACED)
        return -1;
    const Traceback *t = &m->tbs[e->tb];
    int n = 0;
    for (uint32_t k = 0; k < t->nframe && n < max; k++, n++) {
        const Frame *fr = &m->frames[t->first + k];
        frames[n].file = fr->file ? fr->file->data : "<unknown>";
        frames[n].line = fr->line;
    }
    *total = (int)t->total;
    return n;
}

void **gs_tm_module_slot(gs_VM *vm)
{
    gs_MemTrace *m = gs_tm_state(vm);
    return m ? &m->module : NULL;
}

void gs_tm_free_state(gs_VM *vm)
{
    gs_MemTrace *m = vm->tm_state;
    if (!m)
        return;
    free(m->tab);
    free(m->frames);
    free(m->tbs);
    free(m->tbhash);
    free(m->files);
    for (int i = 0; i < FL_COUNT; i++)
        free(m->fl[i].keys);
    free(m->kept[0].keys);
    free(m->kept[1].keys);
    free(m);
    vm->tm_state = NULL;
    vm->tm = NULL;
}
