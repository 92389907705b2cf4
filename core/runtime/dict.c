/*
 * dict.c — dict objects: the compact insertion-ordered table (also behind
 * instances' attributes), dict objects and the methods of dict.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== dict table */

void gs_table_init(gs_DictTable *t) { memset(t, 0, sizeof *t); }

/* A table's entries and index are one block (the entries first): one
 * allocation per table, as an instance's attributes need one each. */
void gs_table_free(gs_DictTable *t)
{
    free(t->entries);
    gs_table_init(t);
}

void gs_table_release(gs_VM *vm, gs_DictTable *t)
{
    gs_mem_free(vm, t->entries);
    gs_table_init(t);
}

/* an instance of a class derived from str (a heap type) */
static bool str_subclass(const gs_Object *o) { return o->type && (o->type->flags & GS_TF_HEAP); }

int32_t gs_table_find(gs_VM *vm, gs_DictTable *t, gs_Object *key, int64_t hash, bool *error)
{
    if (!t->index_size)
        return -1;
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int32_t ix = t->index[i];
        if (ix == -1)
            return -1;
        if (ix >= 0) {
            gs_DictEntry *e = &t->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash && e->key) {
                /* two exact strs compare by their text; a str subclass may
                 * have its own __eq__ (lookdict's generic path) */
                if (GS_KIND(e->key) == GS_K_STR && GS_KIND(key) == GS_K_STR &&
                    (!vm || !(str_subclass(e->key) || str_subclass(key)))) {
                    if (gs_str_eq((gs_Str *)e->key, (gs_Str *)key))
                        return ix;
                } else if (vm) {
                    gs_Object *k = e->key;
                    gs_incref(vm, k);
                    int eq = gs_equal(vm, k, key);
                    gs_decref(vm, k);
                    if (eq < 0) {
                        *error = true;
                        return -1;
                    }
                    if (eq)
                        return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int32_t gs_table_lookup(gs_VM *vm, gs_DictTable *t, gs_Object *key, int64_t hash)
{
    bool err = false;
    return gs_table_find(vm, t, key, hash, &err);
}

int32_t gs_table_lookup_str(gs_DictTable *t, gs_Str *key)
{
    if (!t->index_size)
        return -1;
    int64_t hash = gs_str_hash(key);
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int32_t ix = t->index[i];
        if (ix == -1)
            return -1;
        if (ix >= 0) {
            gs_DictEntry *e = &t->entries[ix];
            if (e->key == &key->ob)
                return ix;
            if (e->hash == hash && e->key && GS_KIND(e->key) == GS_K_STR && gs_str_eq((gs_Str *)e->key, key))
                return ix;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static void index_insert(gs_DictTable *t, int64_t hash, int32_t ix)
{
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (t->index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    t->index[i] = ix;
}

/* Rebuild the table with `size` index slots and usable_fraction(size)
 * entries, keeping the live entries in order. */
static int table_rebuild(gs_VM *vm, gs_DictTable *t, int32_t size)
{
    int32_t cap = size * 2 / 3;
    size_t bytes = (size_t)cap * sizeof(gs_DictEntry) + (size_t)size * sizeof(int32_t);
    gs_DictEntry *entries = vm ? gs_mem_alloc(vm, bytes) : malloc(bytes);
    if (!entries) {
        if (vm)
            gs_raise_memory(vm);
        return -1;
    }
    int32_t *index = (int32_t *)(entries + cap);
    memset(index, 0xff, (size_t)size * sizeof(int32_t));
    int32_t n = 0;
    for (int32_t i = 0; i < t->nentries; i++)
        if (t->entries[i].key)
            entries[n++] = t->entries[i];
    if (vm)
        gs_mem_free(vm, t->entries);
    else
        free(t->entries);
    t->index = index;
    t->entries = entries;
    t->index_size = size;
    t->cap = cap;
    t->nentries = n;
    t->used = n;
    for (int32_t i = 0; i < n; i++)
        index_insert(t, entries[i].hash, i);
    return 0;
}

/* The model's own growth, for tables whose CPython counterpart is sized
 * otherwise (the interned strings, an instance's split values). */
static int table_resize(gs_VM *vm, gs_DictTable *t, int32_t minused)
{
    int32_t size = 8;
    while (size * 2 / 3 < minused + 1)
        size *= 2;
    return table_rebuild(vm, t, size);
}

/* ------------------------------------------------------------------ CPython's keys objects
 *
 * A dict's table is sized as CPython 3.11's keys object (dictobject.c), so
 * sys.getsizeof and tracemalloc see its bytes: a power of two of index
 * slots (1 byte each below 256 slots, 2 below 65536, then 4), two thirds of
 * them as entries (16 bytes while every key is a str, 24 once one is not),
 * after a 32-byte header.  It grows when no entry is left, to
 * calculate_log2_keysize(3 * used) (which gives 16 slots, not 8, for 1 to 7
 * live keys); deletions never shrink it; a str table that gets another key
 * is rebuilt as a general one at once. */

static int bit_length(uint64_t x)
{
    int n = 0;
    while (x) {
        n++;
        x >>= 1;
    }
    return n;
}

int gs_dict_log2_keysize(int64_t minsize) { return bit_length((((uint64_t)minsize | 8) - 1) | 7); }
int gs_dict_estimate_log2(int64_t n) { return gs_dict_log2_keysize((n * 3 + 1) / 2); }

size_t gs_dict_keys_size(int log2, bool unicode)
{
    size_t slots = (size_t)1 << log2;
    size_t index = log2 < 8 ? slots : log2 < 16 ? 2 * slots : log2 < 32 ? 4 * slots : 8 * slots;
    return 32 + index + (slots * 2 / 3) * (unicode ? 16 : 24);
}

static int log2_of(int32_t size) { return bit_length((uint64_t)size) - 1; }

/* The class whose shared keys a split table uses, or NULL (a dict whose
 * instance died keeps a copy of their counts). */
static gs_Type *split_class(gs_Object *holder)
{
    if (GS_KIND(holder) == GS_K_DICT) {
        gs_Object *owner = ((gs_Dict *)holder)->owner;
        return owner && GS_KIND(owner) != GS_K_TYPE ? owner->type : NULL;
    }
    return holder->type;
}

/* The values a split table has room for (the class's shared keys: names
 * in them and room left). */
static int64_t split_slots(gs_Object *holder)
{
    gs_Type *t = split_class(holder);
    if (t)
        return (int64_t)t->sk_nentries + t->sk_usable;
    if (GS_KIND(holder) == GS_K_DICT)
        return (int64_t)((gs_Dict *)holder)->sk_nentries + ((gs_Dict *)holder)->sk_usable;
    return 0;
}

size_t gs_dict_sizeof(gs_VM *vm, gs_Object *d)
{
    GS_UNUSED(vm);
    gs_DictTable *t = &((gs_Dict *)d)->t;
    if (t->kind == GS_DK_SPLIT)
        return 64 + 8 * (size_t)split_slots(d);
    if (!t->index_size)
        return 64;
    return 64 + gs_dict_keys_size(log2_of(t->index_size), t->kind == GS_DK_UNICODE);
}

/* The keys object of a dict is replaced by one of 2^log2 slots and `kind`
 * (a resize, a split table made combined, the first key of an empty dict):
 * its size changes, and tracemalloc sees the new keys allocated and the old
 * ones freed. */
void gs_dict_keys_freed(gs_VM *vm, const gs_DictTable *t)
{
    if (t->index_size == 8 && t->kind == GS_DK_UNICODE && vm->nfree_keys < GS_KEYS_MAXFREE)
        vm->nfree_keys++;
}

static int dict_rekey(gs_VM *vm, gs_Object *d, gs_DictTable *t, int log2, uint8_t kind)
{
    size_t old = gs_dict_sizeof(vm, d);
    uint8_t oldkind = t->kind;
    int32_t oldsize = t->index_size;
    if (table_rebuild(vm, t, (int32_t)1 << log2) < 0)
        return -1;
    t->kind = kind;
    /* dictresize: the new keys (from the free list if it can), then the
     * old ones freed (onto it if they can) */
    if (log2 == 3 && kind == GS_DK_UNICODE && vm->nfree_keys > 0 && !vm->keys_malloc)
        vm->nfree_keys--;
    if (oldsize == 8 && oldkind == GS_DK_UNICODE && vm->nfree_keys < GS_KEYS_MAXFREE)
        vm->nfree_keys++;
    gs_size_changed(vm, d, old, gs_dict_sizeof(vm, d));
    if (vm->tm)
        gs_tm_dict_keys(vm, d, oldsize && oldkind != GS_DK_SPLIT ? log2_of(oldsize) : -1, oldkind == GS_DK_UNICODE,
                        log2, kind == GS_DK_UNICODE);
    return 0;
}

/* A materialised __dict__ or an instance's own attributes, while they share
 * the class's keys: a new name goes into the shared keys if there is room
 * (the table stays split), else the instance's attributes become an
 * ordinary dict of their own (insertion_resize: 3 * used). */
static int split_add_name(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key)
{
    gs_Type *cls = split_class(holder);
    /* a copy of a split dict, or one whose instance died, no longer knows
     * the class: its str keys count as shared ones (its size stays) */
    if (GS_KIND(key) == GS_K_STR && (!cls || gs_table_lookup_str(&cls->sk_names, (gs_Str *)key) >= 0))
        return 0;
    if (GS_KIND(key) == GS_K_STR && cls->sk_usable > 0) {
        cls->sk_usable--;
        cls->sk_nentries++;
        /* the interned copy: it lives as long as the VM, as the class's keys need */
        gs_Object *name = gs_str_intern(vm, ((gs_Str *)key)->data, (size_t)((gs_Str *)key)->len);
        if (!name)
            return -1;
        gs_decref(vm, name);
        return gs_table_insert(vm, NULL, &cls->sk_names, name, gs_str_hash((gs_Str *)name), NULL);
    }
    int log2 = gs_dict_log2_keysize(3 * (int64_t)t->used);
    uint8_t kind = GS_KIND(key) == GS_K_STR ? GS_DK_UNICODE : GS_DK_GENERAL;
    if (GS_KIND(holder) == GS_K_DICT)
        return dict_rekey(vm, holder, t, log2, kind);
    if (table_rebuild(vm, t, (int32_t)1 << log2) < 0)
        return -1;
    t->kind = kind;
    return 0;
}

/* Room for a new key in a table whose size is CPython's (a dict's, or an
 * instance's attributes once they outgrew the shared keys). */
static int combined_make_room(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key)
{
    bool isdict = GS_KIND(holder) == GS_K_DICT;
    if (!t->index_size) {
        /* the empty keys: a new table of 8 slots, of str keys if this is one */
        uint8_t kind = GS_KIND(key) == GS_K_STR ? GS_DK_UNICODE : GS_DK_GENERAL;
        if (isdict)
            return dict_rekey(vm, holder, t, 3, kind);
        if (table_rebuild(vm, t, 8) < 0)
            return -1;
        t->kind = kind;
        return 0;
    }
    int32_t hidden = isdict ? ((gs_Dict *)holder)->hidden : 0;
    if (t->nentries + hidden < t->cap)
        return 0;
    int log2 = gs_dict_log2_keysize(3 * ((int64_t)t->used + hidden));
    if (isdict)
        return dict_rekey(vm, holder, t, log2, t->kind);
    return table_rebuild(vm, t, (int32_t)1 << log2);
}

/* Insert or replace.  Does not steal.  `holder` NULL = no events, no refs
 * for the key (the VM's interned table). */
/* Whether a table a holder keeps is attribute storage: an instance's, or
 * the inline attributes of an object of a class derived from dict (whose
 * own table holds its items). */
static bool table_is_attrs(gs_Object *holder, const gs_DictTable *t)
{
    return GS_KIND(holder) != GS_K_DICT || t != &((gs_Dict *)holder)->t;
}

static int table_insert(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key, int64_t hash, gs_Object *value,
                        bool steal);

int gs_table_insert(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key, int64_t hash, gs_Object *value)
{
    return table_insert(vm, holder, t, key, hash, value, false);
}

/* Like gs_dict_set but the caller's reference to `value` moves into the
 * dict (no count change, no incref/decref events): STORE_NAME uses it. */
int gs_dict_set_steal(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1) {
        gs_decref(vm, value);
        return -1;
    }
    gs_dict_maybe_track(vm, d, key, value);
    int r = table_insert(vm, d, &((gs_Dict *)d)->t, key, h, value, true);
    if (r < 0)
        gs_decref(vm, value);
    return r;
}

int gs_dict_set_str_steal_hint(gs_VM *vm, gs_Object *d, gs_Str *key, gs_Object *value, int32_t *hint)
{
    gs_DictTable *t = &((gs_Dict *)d)->t;
    int32_t ix = *hint;
    if ((uint32_t)ix < (uint32_t)t->nentries && t->entries[ix].key == &key->ob) {
        /* table_insert's replace, without the probe */
        gs_dict_maybe_track(vm, d, &key->ob, value);
        gs_DictEntry *e = &t->entries[ix];
        gs_Object *old = e->value;
        uint32_t slot = vm->recording ? key->ob.id : 0;
        e->value = value;
        gs_rec_set(vm, d, GS_CAUSE_VALUE, slot, old, value);
        if (old)
            gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_VALUE, d->id, slot));
        return 0;
    }
    int r = gs_dict_set_steal(vm, d, &key->ob, value);
    if (r == 0)
        *hint = gs_table_lookup_str(t, key);
    return r;
}

gs_Object *gs_dict_get_str_hint(gs_Object *d, gs_Str *key, int32_t *hint)
{
    gs_DictTable *t = &((gs_Dict *)d)->t;
    int32_t ix = *hint;
    if ((uint32_t)ix < (uint32_t)t->nentries && t->entries[ix].key == &key->ob)
        return t->entries[ix].value;
    ix = gs_table_lookup_str(t, key);
    if (ix < 0)
        return NULL;
    *hint = ix;
    return t->entries[ix].value;
}

static int table_insert(gs_VM *vm, gs_Object *holder, gs_DictTable *t, gs_Object *key, int64_t hash, gs_Object *value,
                        bool steal)
{
    /* insertdict: a str table (or a split one) that gets a key of another
     * type becomes a general table first, sized for 3 * used */
    if (holder && GS_KIND(key) != GS_K_STR && t->kind != GS_DK_GENERAL && (t->index_size || t->kind == GS_DK_SPLIT) &&
        GS_KIND(holder) == GS_K_DICT &&
        dict_rekey(vm, holder, t, gs_dict_log2_keysize(3 * (int64_t)t->used), GS_DK_GENERAL) < 0)
        return -1;
    bool err = false;
    int32_t ix = gs_table_find(holder ? vm : NULL, t, key, hash, &err);
    if (err)
        return -1;
    bool attrs = holder && table_is_attrs(holder, t);
    int sub = attrs ? GS_CAUSE_ATTR : GS_CAUSE_VALUE;
    uint32_t slot = 0;
    if (holder && vm->recording)
        slot = attrs ? gs_trace_name(vm, (gs_Str *)key) : key->id;
    if (ix >= 0) {
        gs_DictEntry *e = &t->entries[ix];
        gs_Object *old = e->value;
        if (holder && vm->recording && !attrs)
            slot = e->key->id; /* an equal key (1 for 1.0) leaves the stored key in place */
        if (holder && value && !steal)
            gs_incref_c(vm, value, GS_CAUSE(sub, holder->id, slot));
        e->value = value;
        if (holder) {
            gs_rec_set(vm, holder, sub, slot, old, value);
            if (old)
                gs_decref_c(vm, old, GS_CAUSE(sub, holder->id, slot));
        }
        return 0;
    }
    if (!holder) {
        if (t->nentries >= t->cap && table_resize(vm, t, t->used) < 0)
            return -1;
    } else if (t->kind == GS_DK_SPLIT) {
        if (split_add_name(vm, holder, t, key) < 0)
            return -1;
        if (t->kind == GS_DK_SPLIT && t->nentries >= t->cap && table_resize(vm, t, t->used) < 0)
            return -1;
    } else if (combined_make_room(vm, holder, t, key) < 0)
        return -1;
    if (holder) {
        if (!attrs)
            gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, holder->id, key->id));
        else
            gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, holder->id, slot));
        if (value && !steal)
            gs_incref_c(vm, value, GS_CAUSE(sub, holder->id, slot));
    }
    gs_DictEntry *e = &t->entries[t->nentries];
    e->hash = hash;
    e->key = key;
    e->value = value;
    index_insert(t, hash, t->nentries);
    t->nentries++;
    t->used++;
    if (holder)
        gs_rec_set(vm, holder, sub, slot, NULL, value);
    return 0;
}

void gs_table_delete_at(gs_VM *vm, gs_Object *holder, gs_DictTable *t, int32_t ix)
{
    gs_DictEntry *e = &t->entries[ix];
    /* find the index slot that points at ix and make it a dummy */
    uint64_t mask = (uint64_t)t->index_size - 1;
    uint64_t perturb = (uint64_t)e->hash;
    uint64_t i = (uint64_t)e->hash & mask;
    while (t->index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    t->index[i] = -2;
    gs_Object *key = e->key, *value = e->value;
    e->key = NULL;
    e->value = NULL;
    t->used--;
    bool attrs = table_is_attrs(holder, t);
    int sub = attrs ? GS_CAUSE_ATTR : GS_CAUSE_VALUE;
    uint32_t slot = vm->recording ? (attrs ? gs_trace_name(vm, (gs_Str *)key) : key->id) : 0;
    gs_rec_set(vm, holder, sub, slot, value, NULL);
    if (value)
        gs_decref_c(vm, value, GS_CAUSE(sub, holder->id, slot));
    gs_decref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, holder->id, slot));
}

void gs_table_clear(gs_VM *vm, gs_Object *holder, gs_DictTable *t)
{
    bool attrs = table_is_attrs(holder, t);
    gs_DictTable old = *t;
    bool isdict = GS_KIND(holder) == GS_K_DICT && !attrs; /* not a dict subclass's attributes */
    size_t oldsize = isdict ? gs_dict_sizeof(vm, holder) : 0;
    gs_table_init(t);
    if (isdict) {
        gs_dict_keys_freed(vm, &old);
        /* dict_clear: back to the shared empty keys */
        ((gs_Dict *)holder)->hidden = 0;
        gs_size_changed(vm, holder, oldsize, gs_dict_sizeof(vm, holder));
        if (vm->tm && (old.index_size || old.kind == GS_DK_SPLIT))
            gs_tm_dict_keys(vm, holder, old.kind == GS_DK_SPLIT ? -1 : log2_of(old.index_size),
                            old.kind == GS_DK_UNICODE, -1, false);
    }
    int sub = attrs ? GS_CAUSE_ATTR : GS_CAUSE_VALUE;
    for (int32_t i = 0; i < old.nentries; i++) {
        gs_DictEntry *e = &old.entries[i];
        if (!e->key)
            continue;
        uint32_t slot = vm->recording ? (attrs ? gs_trace_name(vm, (gs_Str *)e->key) : e->key->id) : 0;
        gs_rec_set(vm, holder, sub, slot, e->value, NULL);
    }
    for (int32_t i = 0; i < old.nentries; i++) {
        gs_DictEntry *e = &old.entries[i];
        if (!e->key)
            continue;
        uint32_t slot = vm->recording ? (attrs ? gs_trace_name(vm, (gs_Str *)e->key) : e->key->id) : 0;
        if (e->value)
            gs_decref_c(vm, e->value, GS_CAUSE(sub, holder->id, slot));
        gs_decref_c(vm, e->key, GS_CAUSE(GS_CAUSE_KEY, holder->id, slot));
    }
    gs_table_release(vm, &old);
}

/* ================================================================== dict */

static gs_Object *dict_new_impl(gs_VM *vm, bool fresh)
{
    gs_Dict *d = (gs_Dict *)(fresh ? gs_alloc_fresh : gs_alloc)(vm, vm->t_dict, sizeof(gs_Dict));
    if (!d)
        return NULL;
    gs_table_init(&d->t);
    d->owner = NULL;
    /* CPython 3.11 tracks dicts lazily: a new dict is untracked until it
     * holds something that could be part of a cycle. */
    return &d->ob;
}

gs_Object *gs_dict_new(gs_VM *vm)
{
    return dict_new_impl(vm, false);
}

/* dict(): dict_new gets its object from PyType_GenericAlloc, never from the
 * free list (and unlike PyDict_New, ... it untracks it at once: the same) */
gs_Object *gs_dict_new_fresh(gs_VM *vm)
{
    return dict_new_impl(vm, true);
}

/* Atomic values never make a dict tracked (CPython's MAINTAIN_TRACKING). */
bool gs_dict_maybe_untracked_value(gs_Object *v)
{
    /* CPython's _PyObject_GC_MAY_BE_TRACKED: only atomic values and
     * untracked tuples leave the dict untracked (an empty dict does not) */
    return !gs_gc_may_be_tracked(v);
}

void gs_dict_maybe_track(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value)
{
    if (d->gcflags & GS_GC_TRACKED)
        return;
    if ((key && !gs_dict_maybe_untracked_value(key)) || (value && !gs_dict_maybe_untracked_value(value)))
        gs_gc_track(vm, d);
}

gs_Object *gs_dict_get(gs_VM *vm, gs_Object *d, gs_Object *key)
{
    gs_Dict *dict = (gs_Dict *)d;
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return NULL;
    bool err = false;
    int32_t ix = gs_table_find(vm, &dict->t, key, h, &err);
    return ix >= 0 ? dict->t.entries[ix].value : NULL;
}

gs_Object *gs_dict_get_str(gs_VM *vm, gs_Object *d, gs_Str *key)
{
    GS_UNUSED(vm);
    gs_Dict *dict = (gs_Dict *)d;
    int32_t ix = gs_table_lookup_str(&dict->t, key);
    return ix >= 0 ? dict->t.entries[ix].value : NULL;
}

int gs_dict_set(gs_VM *vm, gs_Object *d, gs_Object *key, gs_Object *value)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return -1;
    gs_dict_maybe_track(vm, d, key, value);
    return gs_table_insert(vm, d, &((gs_Dict *)d)->t, key, h, value);
}

int gs_dict_del(gs_VM *vm, gs_Object *d, gs_Object *key)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return -1;
    bool err = false;
    gs_Dict *dict = (gs_Dict *)d;
    int32_t ix = gs_table_find(vm, &dict->t, key, h, &err);
    if (err)
        return -1;
    if (ix < 0) {
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, key)));
        return -1;
    }
    gs_table_delete_at(vm, d, &dict->t, ix);
    return 0;
}

gs_Object *gs_dict_pop(gs_VM *vm, gs_Object *d, gs_Object *key)
{
    int64_t h = gs_hash(vm, key);
    if (h == -1)
        return NULL;
    bool err = false;
    gs_Dict *dict = (gs_Dict *)d;
    int32_t ix = gs_table_find(vm, &dict->t, key, h, &err);
    if (ix < 0)
        return NULL;
    gs_Object *v = dict->t.entries[ix].value;
    gs_incref(vm, v);
    gs_table_delete_at(vm, d, &dict->t, ix);
    return v;
}

void gs_dict_clear(gs_VM *vm, gs_Object *d) { gs_table_clear(vm, d, &((gs_Dict *)d)->t); }

int gs_dict_next(gs_Object *d, int32_t *pos, gs_Object **key, gs_Object **value)
{
    if (GS_KIND(d) == GS_K_SET) {
        int64_t p = *pos;
        int found = gs_set_next(d, &p, key, NULL);
        *pos = (int32_t)p;
        if (found && value)
            *value = NULL;
        return found;
    }
    gs_DictTable *t = &((gs_Dict *)d)->t;
    while (*pos < t->nentries) {
        gs_DictEntry *e = &t->entries[(*pos)++];
        if (e->key) {
            *key = e->key;
            if (value)
                *value = e->value;
            return 1;
        }
    }
    return 0;
}

/* An empty dict gets a table of 2^log2 slots of `kind` before items go in
 * (dict_new_presized, dictresize ahead of a merge, a clone's keys). */
int gs_dict_presize(gs_VM *vm, gs_Object *d, int log2, uint8_t kind)
{
    return dict_rekey(vm, d, &((gs_Dict *)d)->t, log2, kind);
}

/* d (empty) gets a copy of src's keys object: the same size and kind, and
 * the same entries, deleted ones included (clone_combined_dict_keys), so it
 * has as little room left as src. */
static int dict_clone(gs_VM *vm, gs_Object *d, gs_Object *src)
{
    gs_DictTable *st = &((gs_Dict *)src)->t, *t = &((gs_Dict *)d)->t;
    /* clone_combined_dict_keys mallocs the copy: not from the free list */
    vm->keys_malloc = true;
    int r = dict_rekey(vm, d, t, log2_of(st->index_size), st->kind);
    vm->keys_malloc = false;
    if (r < 0)
        return -1;
    for (int32_t i = 0; i < st->nentries; i++) {
        gs_DictEntry *e = &st->entries[i];
        if (!e->key) {
            memset(&t->entries[t->nentries], 0, sizeof *t->entries);
            t->nentries++;
            continue;
        }
        if (gs_dict_set(vm, d, e->key, e->value) < 0)
            return -1;
    }
    return 0;
}

/* PyDict_Copy: {} for an empty dict; a split table's copy shares the
 * class's keys (its size then stays as it is now); a table with at most a
 * third of its entries deleted is cloned; else a merge into a new dict. */
gs_Object *gs_dict_copy(gs_VM *vm, gs_Object *src)
{
    gs_Object *d = gs_dict_new(vm);
    if (!d)
        return NULL;
    gs_DictTable *st = &((gs_Dict *)src)->t;
    int r = 0;
    if (st->used == 0)
        return d;
    if (st->kind == GS_DK_SPLIT) {
        gs_Dict *dd = (gs_Dict *)d;
        size_t old = gs_dict_sizeof(vm, d);
        gs_Type *cls = split_class(src);
        dd->sk_nentries = cls ? cls->sk_nentries : ((gs_Dict *)src)->sk_nentries;
        dd->sk_usable = cls ? cls->sk_usable : ((gs_Dict *)src)->sk_usable;
        dd->t.kind = GS_DK_SPLIT;
        gs_size_changed(vm, d, old, gs_dict_sizeof(vm, d));
        if (vm->tm)
            gs_tm_dict_keys(vm, d, -1, false, -2, true); /* a values array of the same size */
        int32_t pos = 0;
        gs_Object *k, *v;
        while (r == 0 && gs_dict_next(src, &pos, &k, &v))
            r = gs_dict_set(vm, d, k, v);
    } else if (st->used >= st->nentries * 2 / 3)
        r = dict_clone(vm, d, src);
    else
        r = gs_dict_update(vm, d, src);
    if (r < 0) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

/* dict_merge of a dict into d: an empty d clones a table with no deleted
 * entries that is not oversized; else d is resized once for both first
 * (if it has not room for all of other), then the items go in. */
static int dict_merge(gs_VM *vm, gs_Object *d, gs_Object *other)
{
    gs_DictTable *t = &((gs_Dict *)d)->t, *ot = &((gs_Dict *)other)->t;
    if (other == d || ot->used == 0)
        return 0;
    if (t->used == 0 && ot->kind != GS_DK_SPLIT && ot->used == ot->nentries &&
        (ot->index_size == 8 || (ot->index_size / 2) * 2 / 3 < ot->used))
        return dict_clone(vm, d, other);
    int32_t slots = t->kind == GS_DK_SPLIT ? 0 : t->index_size ? t->index_size : 1;
    if (t->kind != GS_DK_SPLIT && slots * 2 / 3 < ot->used) {
        uint8_t kind = t->index_size && t->kind == GS_DK_GENERAL ? GS_DK_GENERAL
                       : ot->kind == GS_DK_GENERAL                ? GS_DK_GENERAL
                                                                  : GS_DK_UNICODE;
        if (dict_rekey(vm, d, t, gs_dict_estimate_log2((int64_t)t->used + ot->used), kind) < 0)
            return -1;
    }
    int32_t pos = 0;
    gs_Object *k, *v;
    while (gs_dict_next(other, &pos, &k, &v))
        if (gs_dict_set(vm, d, k, v) < 0)
            return -1;
    return 0;
}

int gs_dict_update(gs_VM *vm, gs_Object *d, gs_Object *other)
{
    /* PyDict_Merge: a dict's entries as they are, unless its class has its
     * own __iter__; another mapping through keys() and [] */
    if (GS_KIND(other) == GS_K_DICT &&
        (other->type == vm->t_dict || !gs_type_lookup_slot(vm, other->type, vm->s___iter__)))
        return dict_merge(vm, d, other);
    if (GS_KIND(other) != GS_K_DICT || other->type != vm->t_dict) {
        /* a mapping, as CPython tells one: it has keys(); d[k] = other[k] for each */
        gs_Object *keys = gs_lookup_attr(vm, other, gs_name(vm, "keys"));
        if (!keys && vm->exc)
            return -1;
        if (keys) {
            gs_Object *ks = gs_call_object(vm, keys, NULL, 0, NULL);
            gs_decref(vm, keys);
            gs_Object *kit = ks ? gs_iter(vm, ks) : NULL;
            gs_xdecref(vm, ks);
            if (!kit)
                return -1;
            gs_Object *key;
            int r = 0;
            while (r == 0 && (key = gs_next(vm, kit)) != NULL) {
                gs_Object *v = gs_getitem(vm, other, key);
                r = v ? gs_dict_set(vm, d, key, v) : -1;
                gs_xdecref(vm, v);
                gs_decref(vm, key);
            }
            gs_decref(vm, kit);
            return r < 0 || vm->exc ? -1 : 0;
        }
    }
    /* an iterable of pairs */
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    int64_t n = 0;
    for (;; n++) {
        gs_Object *item = gs_next(vm, it);
        if (!item)
            break;
        gs_Object *pair = gs_tuple_from_iterable(vm, item);
        if (!pair) {
            if (gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                         (long long)n);
            }
            gs_decref(vm, item);
            gs_decref(vm, it);
            return -1;
        }
        gs_decref(vm, item);
        gs_Tuple *p = (gs_Tuple *)pair;
        if (p->len != 2) {
            gs_raise(vm, vm->e_ValueError, "dictionary update sequence element #%lld has length %d; 2 is required",
                     (long long)n, p->len);
            gs_decref(vm, pair);
            gs_decref(vm, it);
            return -1;
        }
        int r = gs_dict_set(vm, d, p->items[0], p->items[1]);
        gs_decref(vm, pair);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

/* ================================================================== dict methods */

static gs_Object *m_dict_get(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = gs_dict_get(vm, self, args[0]);
    if (v)
        return gs_newref(vm, v);
    if (vm->exc)
        return NULL;
    return gs_newref(vm, nargs > 1 ? args[1] : vm->none);
}

/* Which of dict_keys / dict_values / dict_items o is (or is derived from:
 * OrderedDict's odict_keys ...), NULL if none. */
gs_Type *gs_dict_view_base(gs_VM *vm, gs_Object *o)
{
    if (GS_KIND(o) != GS_K_ITER)
        return NULL;
    for (gs_Type *t = o->type; t; t = t->base)
        if (t == vm->t_dict_keys || t == vm->t_dict_values || t == vm->t_dict_items)
            return t;
    return NULL;
}

static gs_Object *dict_view(gs_VM *vm, gs_Object *d, gs_Type *t);
gs_Object *gs_dict_view_new(gs_VM *vm, gs_Object *d, gs_Type *t) { return dict_view(vm, d, t); }

static gs_Object *dict_view(gs_VM *vm, gs_Object *d, gs_Type *t)
{
    gs_Iter *v = (gs_Iter *)gs_alloc(vm, t, sizeof(gs_Iter));
    if (!v)
        return NULL;
    v->ob.kind = GS_K_ITER;
    v->ikind = GS_IT_CALL; /* a view, not an iterator: gs_next refuses it */
    v->seq = gs_newref(vm, d);
    gs_record_fields(vm, &v->ob);
    gs_gc_track(vm, &v->ob);
    return &v->ob;
}

static gs_Object *m_dict_keys(GS_ARGS) { GS_UNUSED_ARGS; return dict_view(vm, self, vm->t_dict_keys); }
static gs_Object *m_dict_values(GS_ARGS) { GS_UNUSED_ARGS; return dict_view(vm, self, vm->t_dict_values); }
static gs_Object *m_dict_items(GS_ARGS) { GS_UNUSED_ARGS; return dict_view(vm, self, vm->t_dict_items); }

static gs_Object *m_dict_pop(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = gs_dict_pop(vm, self, args[0]);
    if (v || vm->exc)
        return v;
    if (nargs > 1)
        return gs_newref(vm, args[1]);
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, args[0])));
    return NULL;
}

static gs_Object *m_dict_popitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Dict *d = (gs_Dict *)self;
    /* a split table becomes an ordinary one of the shared keys' size (64 slots) */
    if (d->t.kind == GS_DK_SPLIT && d->t.used && dict_rekey(vm, self, &d->t, 6, GS_DK_UNICODE) < 0)
        return NULL;
    for (int32_t i = d->t.nentries - 1; i >= 0; i--) {
        gs_DictEntry *e = &d->t.entries[i];
        if (!e->key)
            continue;
        gs_Object *t = gs_tuple_pack(vm, 2, e->key, e->value);
        if (!t)
            return NULL;
        gs_table_delete_at(vm, self, &d->t, i);
        return t;
    }
    gs_Object *msg = gs_str_from_cstr(vm, "popitem(): dictionary is empty");
    if (msg) {
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, msg)));
        gs_decref(vm, msg); /* the tuple holds it */
    }
    return NULL;
}

static gs_Object *m_dict_setdefault(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = gs_dict_get(vm, self, args[0]);
    if (v)
        return gs_newref(vm, v);
    if (vm->exc)
        return NULL;
    gs_Object *d = nargs > 1 ? args[1] : vm->none;
    if (gs_dict_set(vm, self, args[0], d) < 0)
        return NULL;
    return gs_newref(vm, d);
}

static gs_Object *m_dict_update(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos > 1) {
        gs_raise(vm, vm->e_TypeError, "update expected at most 1 argument, got %d", npos);
        return NULL;
    }
    if (npos == 1 && gs_dict_update(vm, self, args[0]) < 0)
        return NULL;
    for (int i = 0; kwnames && i < kwnames->len; i++)
        if (gs_dict_set(vm, self, kwnames->items[i], args[npos + i]) < 0)
            return NULL;
    return GS_NONE(vm);
}

static gs_Object *m_dict_clear(GS_ARGS) { GS_UNUSED_ARGS; gs_dict_clear(vm, self); return GS_NONE(vm); }
static gs_Object *m_dict_copy(GS_ARGS) { GS_UNUSED_ARGS; return gs_dict_copy(vm, self); }

/* ================================================================== the methods of dict */

/* dict.fromkeys(iterable, value=None), a classmethod (dict_fromkeys_impl):
 * a dict made from a dict or set is first sized for it (its key kind for
 * a dict); a subclass gets its items through its __setitem__ */
static gs_Object *m_dict_fromkeys(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, "fromkeys expected at %s %d argument%s, got %d", nargs < 1 ? "least" : "most",
                 nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
        return NULL;
    }
    gs_Object *iterable = args[0], *value = nargs > 1 ? args[1] : GS_NONE(vm);
    bool exact = self == &vm->t_dict->ob;
    gs_Object *d = exact ? gs_dict_new(vm) : gs_call_object(vm, self, NULL, 0, NULL);
    if (!d)
        return NULL;
    exact = GS_KIND(d) == GS_K_DICT && d->type == vm->t_dict;
    gs_Kind ik = GS_KIND(iterable);
    bool sized = exact && ((ik == GS_K_DICT && iterable->type == vm->t_dict) ||
                           (ik == GS_K_SET && (iterable->type == vm->t_set || iterable->type == vm->t_frozenset)));
    if (sized && ((gs_Dict *)d)->t.used == 0) {
        uint8_t kind = ik == GS_K_DICT && ((gs_Dict *)iterable)->t.kind == GS_DK_UNICODE ? GS_DK_UNICODE : GS_DK_GENERAL;
        if (gs_dict_presize(vm, d, gs_dict_estimate_log2(gs_len(vm, iterable)), kind) < 0) {
            gs_decref(vm, d);
            return NULL;
        }
    }
    gs_Object *it = gs_iter(vm, iterable), *key;
    if (!it) {
        gs_decref(vm, d);
        return NULL;
    }
    while ((key = gs_next(vm, it)) != NULL) {
        int r = exact ? gs_dict_set(vm, d, key, value) : gs_setitem(vm, d, key, value);
        gs_decref(vm, key);
        if (r < 0)
            break;
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

static const gs_MethodDef dict_methods[] = {
    { "get", m_dict_get, 1, 2, false }, { "keys", m_dict_keys, 0, 0, false },
    { "values", m_dict_values, 0, 0, false }, { "items", m_dict_items, 0, 0, false },
    { "pop", m_dict_pop, 1, 2, false }, { "popitem", m_dict_popitem, 0, 0, false },
    { "setdefault", m_dict_setdefault, 1, 2, false }, { "update", m_dict_update, 0, -1, GS_KW | GS_VARARGS },
    { "clear", m_dict_clear, 0, 0, false }, { "copy", m_dict_copy, 0, 0, false },
    { "fromkeys", m_dict_fromkeys, 0, -1, GS_CLASSMETH }, { NULL, NULL, 0, 0, false },
};

void gs_dict_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_dict, dict_methods); }
