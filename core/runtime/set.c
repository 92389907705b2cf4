/*
 * set.c — set and frozenset objects and their methods.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== set
 *
 * CPython 3.11's Objects/setobject.c, function for function, so that a set
 * built by the same operations holds its elements in the same slots and so
 * iterates, prints and pops in CPython's order.  The table layout is
 * described in object.h.  Deviations, none of them visible in a program's
 * output:
 *   - a dummy slot is {NULL, -1} rather than a pointer to a dummy object;
 *   - a key's reference is taken when it is stored, not before the probe
 *     (CPython increfs first so that __eq__ cannot free it; our callers
 *     always hold the key);
 *   - set_swap_bodies (intersection_update) copies the other table's layout
 *     with one incref per key, so that every reference keeps its holder. */

#define SET_LINEAR_PROBES 9
#define SET_PERTURB_SHIFT 5

static gs_Set *set_of(gs_Object *s) { return (gs_Set *)s; }

/* sys.getsizeof of a set with a table of `slots` (the 8-slot small table
 * is inside the object) */
static size_t set_bytes(int64_t slots) { return 216 + (slots > GS_SET_MINSIZE ? 16 * (size_t)slots : 0); }

/* The set's table went from `oldslots` slots to its present size: a
 * resize event, and for tracemalloc the table block (a malloc'd table
 * only: the small one is inside the object). */
static void set_table_changed(gs_VM *vm, gs_Set *so, int64_t oldslots)
{
    int64_t slots = so->mask + 1;
    gs_size_changed(vm, &so->ob, set_bytes(oldslots), set_bytes(slots));
    if (!vm->tm)
        return;
    /* set_table_resize allocates the new table before it frees the old:
     * for a moment both are traced (the peak sees it) */
    if (oldslots > GS_SET_MINSIZE && slots > GS_SET_MINSIZE && oldslots != slots)
        gs_tm_transient(vm, 16 * (size_t)slots);
    if (oldslots > GS_SET_MINSIZE)
        gs_tm_free(vm, &so->ob, GS_TM_ITEMS);
    if (slots > GS_SET_MINSIZE && (oldslots != slots || so->table != so->smalltable))
        gs_tm_block(vm, &so->ob, GS_TM_ITEMS, 16 * (size_t)slots, false);
}

static void set_reset_small(gs_Set *so)
{
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = 0;
    so->used = 0;
    so->mask = GS_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* The key now lives in an active slot: take its reference and say so. */
static void set_hold(gs_VM *vm, gs_Set *so, gs_Object *key)
{
    gs_incref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, so->ob.id, key->id));
    gs_rec_set(vm, &so->ob, GS_CAUSE_KEY, key->id, NULL, key);
}

/* The key has left its slot: drop its reference. */
static void set_release(gs_VM *vm, gs_Set *so, gs_Object *key)
{
    gs_rec_set(vm, &so->ob, GS_CAUSE_KEY, key->id, key, NULL);
    gs_decref_c(vm, key, GS_CAUSE(GS_CAUSE_KEY, so->ob.id, key->id));
}

/* Compare a stored key with `key` (equal hashes): 1 equal, 0 not, -1 error. */
static int set_keys_equal(gs_VM *vm, gs_Object *startkey, gs_Object *key)
{
    if (startkey == key)
        return 1;
    if (GS_KIND(startkey) == GS_K_STR && GS_KIND(key) == GS_K_STR)
        return gs_str_eq((gs_Str *)startkey, (gs_Str *)key);
    gs_incref(vm, startkey);
    int eq = gs_equal(vm, startkey, key);
    gs_decref(vm, startkey);
    return eq;
}

/* set_lookkey: the active slot holding `key`, or the unused slot that ends
 * its probe sequence.  NULL on a comparison error. */
static gs_SetEntry *set_lookkey(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint64_t mask = (uint64_t)so->mask;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        gs_SetEntry *entry = &so->table[i];
        int probes = (i + SET_LINEAR_PROBES <= mask) ? SET_LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                gs_Object *startkey = entry->key;
                gs_SetEntry *table = so->table;
                int cmp = set_keys_equal(vm, startkey, key);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != startkey)
                    return set_lookkey(vm, so, key, hash); /* __eq__ changed the set */
                if (cmp > 0)
                    return entry;
                mask = (uint64_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* set_insert_clean: place a key known to be absent into a table with no
 * dummies.  No counts change; the caller keeps fill and used. */
static void set_insert_clean(gs_SetEntry *table, uint64_t mask, gs_Object *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        gs_SetEntry *entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + SET_LINEAR_PROBES <= mask) {
            for (int j = 0; j < SET_LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_null:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* set_table_resize: rebuild into the smallest power-of-two table (at least
 * GS_SET_MINSIZE) larger than `minused`, dropping the dummies.  Keys keep
 * their references. */
static int set_table_resize(gs_VM *vm, gs_Set *so, int64_t minused)
{
    gs_SetEntry small_copy[GS_SET_MINSIZE];
    uint64_t newsize = GS_SET_MINSIZE;
    while (newsize <= (uint64_t)minused)
        newsize <<= 1;
    gs_SetEntry *oldtable = so->table;
    int64_t oldmask = so->mask;
    bool oldtable_malloced = oldtable != so->smalltable;
    gs_SetEntry *newtable;
    if (newsize == GS_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; /* no dummies: nothing to do */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > (uint64_t)1 << 40 || !(newtable = malloc(newsize * sizeof(gs_SetEntry)))) {
            gs_raise_memory(vm);
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(gs_SetEntry));
    so->mask = (int64_t)newsize - 1;
    so->table = newtable;
    uint64_t newmask = (uint64_t)so->mask;
    so->fill = so->used;
    for (gs_SetEntry *entry = oldtable; entry <= oldtable + oldmask; entry++)
        if (entry->key)
            set_insert_clean(newtable, newmask, entry->key, entry->hash);
    if (oldtable_malloced)
        free(oldtable);
    if (oldtable_malloced || newtable != so->smalltable)
        set_table_changed(vm, so, oldmask + 1);
    return 0;
}

/* set_add_entry: 0 (added or already there) or -1.  Like 3.11, a key that
 * is absent goes to the last dummy slot its probe passed, if any. */
static int set_add_entry(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
restart:;
    uint64_t mask = (uint64_t)so->mask;
    uint64_t i = (uint64_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    gs_SetEntry *freeslot = NULL;
    gs_SetEntry *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + SET_LINEAR_PROBES <= mask) ? SET_LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                gs_Object *startkey = entry->key;
                gs_SetEntry *table = so->table;
                int cmp = set_keys_equal(vm, startkey, key);
                if (cmp > 0)
                    return 0; /* found active */
                if (cmp < 0)
                    return -1;
                if (table != so->table || entry->key != startkey)
                    goto restart;
                mask = (uint64_t)so->mask;
            } else if (entry->hash == -1 && entry->key == NULL) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        set_hold(vm, so, key);
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    set_hold(vm, so, key);
    if ((uint64_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int set_contains_entry(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
    gs_SetEntry *entry = set_lookkey(vm, so, key, hash);
    return entry ? entry->key != NULL : -1;
}

/* set_discard_entry: the slot becomes a dummy.  1 found, 0 not, -1 error. */
static int set_discard_entry(gs_VM *vm, gs_Set *so, gs_Object *key, int64_t hash)
{
    gs_SetEntry *entry = set_lookkey(vm, so, key, hash);
    if (!entry)
        return -1;
    if (!entry->key)
        return 0;
    gs_Object *old_key = entry->key;
    entry->key = NULL;
    entry->hash = -1;
    so->used--;
    set_release(vm, so, old_key);
    return 1;
}

static int set_add_key(gs_VM *vm, gs_Set *so, gs_Object *key)
{
    int64_t hash = gs_hash(vm, key);
    if (hash == -1)
        return -1;
    return set_add_entry(vm, so, key, hash);
}

/* set_contains_key / set_discard_key with set_contains' retry: an unhashable
 * set is looked up as the frozenset of its elements. */
static int set_key_op(gs_VM *vm, gs_Set *so, gs_Object *key, bool discard)
{
    int64_t hash = gs_hash(vm, key);
    if (hash != -1)
        return discard ? set_discard_entry(vm, so, key, hash) : set_contains_entry(vm, so, key, hash);
    if (GS_KIND(key) != GS_K_SET || set_of(key)->frozen || !gs_exc_matches(vm, vm->e_TypeError))
        return -1;
    gs_clear_exc(vm);
    gs_Object *tmpkey = gs_set_from_iterable(vm, true, key);
    if (!tmpkey)
        return -1;
    hash = gs_hash(vm, tmpkey);
    int rv = discard ? set_discard_entry(vm, so, tmpkey, hash) : set_contains_entry(vm, so, tmpkey, hash);
    gs_decref(vm, tmpkey);
    return rv;
}

/* set_clear_internal: empty the set first, then release the old keys in
 * slot order (their finalizers may look at the set). */
void gs_set_clear(gs_VM *vm, gs_Object *s)
{
    gs_Set *so = set_of(s);
    gs_SetEntry small_copy[GS_SET_MINSIZE];
    gs_SetEntry *table = so->table;
    int64_t size = so->mask + 1;
    bool malloced = table != so->smalltable;
    if (so->fill == 0 && !malloced)
        return;
    if (!malloced) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    set_reset_small(so);
    if (malloced)
        set_table_changed(vm, so, size);
    for (int64_t i = 0; i < size; i++)
        if (table[i].key)
            gs_rec_set(vm, s, GS_CAUSE_KEY, table[i].key->id, table[i].key, NULL);
    for (int64_t i = 0; i < size; i++)
        if (table[i].key)
            gs_decref_c(vm, table[i].key, GS_CAUSE(GS_CAUSE_KEY, s->id, table[i].key->id));
    if (malloced)
        free(table);
}

void gs_set_free_table(gs_Object *s)
{
    gs_Set *so = set_of(s);
    if (so->table != so->smalltable)
        free(so->table);
    set_reset_small(so);
}

/* set_next: the next active slot at or after *pos. */
int gs_set_next(gs_Object *s, int64_t *pos, gs_Object **key, int64_t *hash)
{
    gs_Set *so = set_of(s);
    int64_t i = *pos;
    while (i <= so->mask && !so->table[i].key)
        i++;
    *pos = i + 1;
    if (i > so->mask)
        return 0;
    *key = so->table[i].key;
    if (hash)
        *hash = so->table[i].hash;
    return 1;
}

/* set_merge: add every element of another set, copying its table outright
 * when this one is empty and the same size (so a copy has the original's
 * order). */
static int set_merge(gs_VM *vm, gs_Set *so, gs_Set *other)
{
    if (other == so || other->used == 0)
        return 0;
    /* one big resize at the start rather than incrementally */
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        if (set_table_resize(vm, so, (so->used + other->used) * 2) != 0)
            return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (int64_t i = 0; i <= other->mask; i++) {
            gs_Object *key = other->table[i].key;
            if (key) {
                so->table[i].key = key;
                so->table[i].hash = other->table[i].hash;
                set_hold(vm, so, key);
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (int64_t i = 0; i <= other->mask; i++) {
            gs_Object *key = other->table[i].key;
            if (key) {
                set_insert_clean(so->table, (uint64_t)so->mask, key, other->table[i].hash);
                set_hold(vm, so, key);
            }
        }
        return 0;
    }
    for (int64_t i = 0; i <= other->mask; i++) {
        gs_SetEntry *e = &other->table[i];
        if (e->key && set_add_entry(vm, so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

/* set_update_internal: from a set, a dict (keys, with one resize first) or
 * any iterable. */
int gs_set_update(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (GS_KIND(other) == GS_K_SET)
        return set_merge(vm, so, set_of(other));
    if (GS_KIND(other) == GS_K_DICT) {
        gs_DictTable *t = &((gs_Dict *)other)->t;
        int64_t dictsize = t->used;
        if ((so->fill + dictsize) * 5 >= so->mask * 3)
            if (set_table_resize(vm, so, (so->used + dictsize) * 2) != 0)
                return -1;
        for (int32_t i = 0; i < t->nentries; i++) {
            gs_DictEntry *e = &t->entries[i];
            if (e->key && set_add_entry(vm, so, e->key, e->hash) < 0)
                return -1;
        }
        return 0;
    }
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int r = set_add_key(vm, so, key);
        gs_decref(vm, key);
        if (r < 0) {
            gs_decref(vm, it);
            return -1;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 0;
}

gs_Object *gs_set_new(gs_VM *vm, bool frozen)
{
    gs_Set *s = (gs_Set *)gs_alloc(vm, frozen ? vm->t_frozenset : vm->t_set, sizeof(gs_Set));
    if (!s)
        return NULL;
    s->ob.kind = GS_K_SET;
    set_reset_small(s);
    s->finger = 0;
    s->frozen = frozen;
    gs_gc_track(vm, &s->ob);
    return &s->ob;
}

/* make_new_set / make_new_frozenset: frozenset(f) of an exact frozenset is
 * f itself. */
gs_Object *gs_set_from_iterable(gs_VM *vm, bool frozen, gs_Object *iterable)
{
    if (frozen && iterable && GS_KIND(iterable) == GS_K_SET && iterable->type == vm->t_frozenset)
        return gs_newref(vm, iterable);
    gs_Object *s = gs_set_new(vm, frozen);
    if (s && iterable && gs_set_update(vm, s, iterable) < 0) {
        gs_decref(vm, s);
        return NULL;
    }
    return s;
}

/* make_new_set_basetype(type(so), iterable) */
static gs_Object *set_new_like(gs_VM *vm, gs_Object *so, gs_Object *iterable)
{
    gs_Object *s = gs_set_new(vm, set_of(so)->frozen);
    if (s && iterable && gs_set_update(vm, s, iterable) < 0) {
        gs_decref(vm, s);
        return NULL;
    }
    return s;
}

int gs_set_add(gs_VM *vm, gs_Object *s, gs_Object *v) { return set_add_key(vm, set_of(s), v); }

int gs_set_contains(gs_VM *vm, gs_Object *s, gs_Object *v) { return set_key_op(vm, set_of(s), v, false); }

int gs_set_discard(gs_VM *vm, gs_Object *s, gs_Object *v) { return set_key_op(vm, set_of(s), v, true); }

int gs_set_remove(gs_VM *vm, gs_Object *s, gs_Object *v)
{
    int rv = set_key_op(vm, set_of(s), v, true);
    if (rv < 0)
        return -1;
    if (rv == 0) {
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, v)));
        return -1;
    }
    return 0;
}

/* set_pop: from the finger on, wrapping around; the slot becomes a dummy. */
gs_Object *gs_set_pop(gs_VM *vm, gs_Object *s)
{
    gs_Set *so = set_of(s);
    if (so->used == 0) {
        gs_Object *msg = gs_str_from_cstr(vm, "pop from an empty set");
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, msg ? gs_tuple_pack(vm, 1, msg) : NULL));
        gs_xdecref(vm, msg);
        return NULL;
    }
    gs_SetEntry *entry = so->table + (so->finger & so->mask);
    gs_SetEntry *limit = so->table + so->mask;
    while (!entry->key) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    gs_Object *key = gs_newref(vm, entry->key);
    entry->key = NULL;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    set_release(vm, so, key);
    return key;
}

gs_Object *gs_set_copy(gs_VM *vm, gs_Object *s)
{
    if (s->type == vm->t_frozenset)
        return gs_newref(vm, s);
    return set_new_like(vm, s, s);
}

/* set_union: a copy, then each other iterable merged in. */
gs_Object *gs_set_union(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    gs_Object *result = set_new_like(vm, s, s);
    if (!result)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (others[i] == s)
            continue;
        if (gs_set_update(vm, result, others[i]) < 0) {
            gs_decref(vm, result);
            return NULL;
        }
    }
    return result;
}

/* set_intersection: walks the smaller set when both are sets. */
static gs_Object *set_intersection(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    if (s == other)
        return set_new_like(vm, s, s);
    gs_Object *result = set_new_like(vm, s, NULL);
    if (!result)
        return NULL;
    gs_Set *so = set_of(s);
    if (GS_KIND(other) == GS_K_SET) {
        gs_Set *ot = set_of(other);
        if (ot->used > so->used) {
            gs_Set *tmp = so;
            so = ot;
            ot = tmp;
        }
        int64_t pos = 0, hash;
        gs_Object *key;
        while (gs_set_next(&ot->ob, &pos, &key, &hash)) {
            gs_incref(vm, key);
            int rv = set_contains_entry(vm, so, key, hash);
            if (rv > 0)
                rv = set_add_entry(vm, set_of(result), key, hash);
            gs_decref(vm, key);
            if (rv < 0) {
                gs_decref(vm, result);
                return NULL;
            }
        }
        return result;
    }
    gs_Object *it = gs_iter(vm, other);
    if (!it) {
        gs_decref(vm, result);
        return NULL;
    }
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int64_t hash = gs_hash(vm, key);
        int rv = hash == -1 ? -1 : set_contains_entry(vm, so, key, hash);
        bool added = false;
        if (rv > 0) {
            rv = set_add_entry(vm, set_of(result), key, hash);
            added = rv == 0;
        }
        gs_decref(vm, key);
        if (rv < 0) {
            gs_decref(vm, it);
            gs_decref(vm, result);
            return NULL;
        }
        if (added && set_of(result)->used >= so->used)
            break; /* every element of `s` is in already */
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_decref(vm, result);
        return NULL;
    }
    return result;
}

gs_Object *gs_set_intersection(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    if (n == 0)
        return set_new_like(vm, s, s);
    gs_Object *result = gs_newref(vm, s);
    for (int i = 0; i < n; i++) {
        gs_Object *r = set_intersection(vm, result, others[i]);
        gs_decref(vm, result);
        if (!r)
            return NULL;
        result = r;
    }
    return result;
}

/* set_swap_bodies(so, tmp); Py_DECREF(tmp): `so` takes `tmp`'s table slot
 * for slot; its old keys are released afterwards in slot order. */
static int set_take_table(gs_VM *vm, gs_Set *so, gs_Set *src)
{
    gs_SetEntry small_copy[GS_SET_MINSIZE];
    gs_SetEntry *old = so->table;
    int64_t oldsize = so->mask + 1;
    bool old_malloced = old != so->smalltable;
    gs_SetEntry *table = so->smalltable;
    if (src->table != src->smalltable) {
        table = malloc((size_t)(src->mask + 1) * sizeof(gs_SetEntry));
        if (!table) {
            gs_raise_memory(vm);
            return -1;
        }
    }
    if (!old_malloced) {
        memcpy(small_copy, old, sizeof small_copy);
        old = small_copy;
    }
    memcpy(table, src->table, (size_t)(src->mask + 1) * sizeof(gs_SetEntry));
    so->table = table;
    so->mask = src->mask;
    so->fill = src->fill;
    so->used = src->used;
    so->hash = -1;
    if (old_malloced || table != so->smalltable)
        set_table_changed(vm, so, oldsize);
    /* the old keys leave before the new ones arrive: a key in both keeps
     * its slot (keyed by the key's id) and must not be recorded twice */
    for (int64_t i = 0; i < oldsize; i++)
        if (old[i].key)
            gs_rec_set(vm, &so->ob, GS_CAUSE_KEY, old[i].key->id, old[i].key, NULL);
    for (int64_t i = 0; i <= so->mask; i++)
        if (table[i].key)
            set_hold(vm, so, table[i].key);
    for (int64_t i = 0; i < oldsize; i++)
        if (old[i].key)
            gs_decref_c(vm, old[i].key, GS_CAUSE(GS_CAUSE_KEY, so->ob.id, old[i].key->id));
    if (old_malloced)
        free(old);
    return 0;
}

int gs_set_intersection_update(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    gs_Object *tmp = gs_set_intersection(vm, s, others, n);
    if (!tmp)
        return -1;
    int r = tmp == s ? 0 : set_take_table(vm, set_of(s), set_of(tmp));
    gs_decref(vm, tmp);
    return r;
}

int gs_set_isdisjoint(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (s == other)
        return so->used == 0;
    if (GS_KIND(other) == GS_K_SET) {
        gs_Set *ot = set_of(other);
        if (ot->used > so->used) {
            gs_Set *tmp = so;
            so = ot;
            ot = tmp;
        }
        int64_t pos = 0, hash;
        gs_Object *key;
        while (gs_set_next(&ot->ob, &pos, &key, &hash)) {
            gs_incref(vm, key);
            int rv = set_contains_entry(vm, so, key, hash);
            gs_decref(vm, key);
            if (rv != 0)
                return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int rv = set_key_op(vm, so, key, false);
        gs_decref(vm, key);
        if (rv != 0) {
            gs_decref(vm, it);
            return rv < 0 ? -1 : 0;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 1;
}

/* set_difference_update_internal: then, if over a quarter of the slots are
 * dummies, rebuild the table. */
static int set_difference_update_internal(gs_VM *vm, gs_Set *so, gs_Object *other)
{
    if (&so->ob == other) {
        gs_set_clear(vm, other);
        return 0;
    }
    if (GS_KIND(other) == GS_K_SET) {
        /* when the other set is over 8 times larger, use the intersection */
        if ((set_of(other)->used >> 3) > so->used)
            other = set_intersection(vm, &so->ob, other);
        else
            gs_incref(vm, other);
        if (!other)
            return -1;
        int64_t pos = 0, hash;
        gs_Object *key;
        while (gs_set_next(other, &pos, &key, &hash)) {
            gs_incref(vm, key);
            int rv = set_discard_entry(vm, so, key, hash);
            gs_decref(vm, key);
            if (rv < 0) {
                gs_decref(vm, other);
                return -1;
            }
        }
        gs_decref(vm, other);
    } else {
        gs_Object *it = gs_iter(vm, other);
        if (!it)
            return -1;
        for (;;) {
            gs_Object *key = gs_next(vm, it);
            if (!key)
                break;
            int rv = set_key_op(vm, so, key, true);
            gs_decref(vm, key);
            if (rv < 0) {
                gs_decref(vm, it);
                return -1;
            }
        }
        gs_decref(vm, it);
        if (vm->exc)
            return -1;
    }
    if ((uint64_t)(so->fill - so->used) <= (uint64_t)so->mask / 4)
        return 0;
    return set_table_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

int gs_set_difference_update(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    for (int i = 0; i < n; i++)
        if (set_difference_update_internal(vm, set_of(s), others[i]) < 0)
            return -1;
    return 0;
}

static gs_Object *set_copy_and_difference(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Object *result = set_new_like(vm, s, s);
    if (result && set_difference_update_internal(vm, set_of(result), other) < 0) {
        gs_decref(vm, result);
        return NULL;
    }
    return result;
}

/* set_difference: a new set of the elements of `s` not in `other`, walking
 * `s` unless it is much larger than `other`. */
static gs_Object *set_difference(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    int64_t other_size;
    if (GS_KIND(other) == GS_K_SET)
        other_size = set_of(other)->used;
    else if (GS_KIND(other) == GS_K_DICT)
        other_size = ((gs_Dict *)other)->t.used;
    else
        return set_copy_and_difference(vm, s, other);
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(vm, s, other);
    gs_Object *result = set_new_like(vm, s, NULL);
    if (!result)
        return NULL;
    int64_t pos = 0, hash;
    gs_Object *key;
    while (gs_set_next(s, &pos, &key, &hash)) {
        gs_incref(vm, key);
        int rv;
        if (GS_KIND(other) == GS_K_DICT) {
            bool err = false;
            rv = gs_table_find(vm, &((gs_Dict *)other)->t, key, hash, &err) >= 0;
            if (err)
                rv = -1;
        } else {
            rv = set_contains_entry(vm, set_of(other), key, hash);
        }
        if (rv == 0)
            rv = set_add_entry(vm, set_of(result), key, hash);
        gs_decref(vm, key);
        if (rv < 0) {
            gs_decref(vm, result);
            return NULL;
        }
    }
    return result;
}

gs_Object *gs_set_difference(gs_VM *vm, gs_Object *s, gs_Object **others, int n)
{
    if (n == 0)
        return set_new_like(vm, s, s);
    gs_Object *result = set_difference(vm, s, others[0]);
    if (!result)
        return NULL;
    for (int i = 1; i < n; i++)
        if (set_difference_update_internal(vm, set_of(result), others[i]) < 0) {
            gs_decref(vm, result);
            return NULL;
        }
    return result;
}

/* set_symmetric_difference_update: each element of `other` (a dict's keys,
 * a set, or a set made from the iterable) is discarded if present, else
 * added. */
int gs_set_symmetric_difference_update(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (s == other) {
        gs_set_clear(vm, s);
        return 0;
    }
    if (GS_KIND(other) == GS_K_DICT) {
        gs_DictTable *t = &((gs_Dict *)other)->t;
        for (int32_t i = 0; i < t->nentries; i++) {
            gs_DictEntry *e = &t->entries[i];
            if (!e->key)
                continue;
            gs_Object *key = gs_newref(vm, e->key);
            int rv = set_discard_entry(vm, so, key, e->hash);
            if (rv == 0)
                rv = set_add_entry(vm, so, key, e->hash);
            gs_decref(vm, key);
            if (rv < 0)
                return -1;
        }
        return 0;
    }
    gs_Object *otherset = GS_KIND(other) == GS_K_SET ? gs_newref(vm, other) : set_new_like(vm, s, other);
    if (!otherset)
        return -1;
    int64_t pos = 0, hash;
    gs_Object *key;
    while (gs_set_next(otherset, &pos, &key, &hash)) {
        gs_incref(vm, key);
        int rv = set_discard_entry(vm, so, key, hash);
        if (rv == 0)
            rv = set_add_entry(vm, so, key, hash);
        gs_decref(vm, key);
        if (rv < 0) {
            gs_decref(vm, otherset);
            return -1;
        }
    }
    gs_decref(vm, otherset);
    return 0;
}

gs_Object *gs_set_symmetric_difference(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Object *otherset = set_new_like(vm, s, other);
    if (otherset && gs_set_symmetric_difference_update(vm, otherset, s) < 0) {
        gs_decref(vm, otherset);
        return NULL;
    }
    return otherset;
}

int gs_set_issubset(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    gs_Set *so = set_of(s);
    if (GS_KIND(other) != GS_K_SET) {
        gs_Object *tmp = set_intersection(vm, s, other);
        if (!tmp)
            return -1;
        int r = set_of(tmp)->used == so->used;
        gs_decref(vm, tmp);
        return r;
    }
    if (so->used > set_of(other)->used)
        return 0;
    int64_t pos = 0, hash;
    gs_Object *key;
    while (gs_set_next(s, &pos, &key, &hash)) {
        gs_incref(vm, key);
        int rv = set_contains_entry(vm, set_of(other), key, hash);
        gs_decref(vm, key);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

int gs_set_issuperset(gs_VM *vm, gs_Object *s, gs_Object *other)
{
    if (GS_KIND(other) == GS_K_SET)
        return gs_set_issubset(vm, other, s);
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    for (;;) {
        gs_Object *key = gs_next(vm, it);
        if (!key)
            break;
        int rv = set_key_op(vm, set_of(s), key, false);
        gs_decref(vm, key);
        if (rv <= 0) {
            gs_decref(vm, it);
            return rv;
        }
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : 1;
}

gs_Object *gs_set_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b, bool inplace)
{
    /* frozenset has no in-place slots: `f |= x` rebinds f to f | x */
    if (set_of(a)->frozen)
        inplace = false;
    int r;
    switch (op) {
    case 10: /* | */
        if (!inplace)
            return gs_set_union(vm, a, &b, 1);
        r = gs_set_update(vm, a, b);
        break;
    case 12: /* & */
        if (!inplace)
            return set_intersection(vm, a, b);
        r = gs_set_intersection_update(vm, a, &b, 1);
        break;
    case 1: /* - */
        if (!inplace)
            return set_difference(vm, a, b);
        r = set_difference_update_internal(vm, set_of(a), b);
        break;
    case 11: /* ^ */
        if (!inplace)
            return gs_set_symmetric_difference(vm, a, b);
        r = gs_set_symmetric_difference_update(vm, a, b);
        break;
    default:
        return gs_newref(vm, vm->notimpl);
    }
    return r < 0 ? NULL : gs_newref(vm, a);
}

/* set_richcompare; `op` is GS_CMP_LT .. GS_CMP_GE */
gs_Object *gs_set_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    gs_Set *v = set_of(a), *w = set_of(b);
    int r;
    switch (op) {
    case 2: case 3: /* == != */
        if (v->used != w->used)
            r = 0;
        else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash)
            r = 0;
        else
            r = gs_set_issubset(vm, a, b);
        if (r >= 0 && op == 3)
            r = !r;
        break;
    case 1: r = gs_set_issubset(vm, a, b); break;
    case 5: r = gs_set_issuperset(vm, a, b); break;
    case 0: r = v->used >= w->used ? 0 : gs_set_issubset(vm, a, b); break;
    case 4: r = v->used <= w->used ? 0 : gs_set_issuperset(vm, a, b); break;
    default: return gs_newref(vm, vm->notimpl);
    }
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* ================================================================== dict views as sets */

/* a dict's keys() or items() view (dict_values has no set operations) */
static bool is_setview(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = gs_dict_view_base(vm, o);
    return t == vm->t_dict_keys || t == vm->t_dict_items;
}

/* _PyDictView_Intersect: the set's own intersection when the view is not
 * the bigger one; else the items of the other that are in the view */
static gs_Object *view_intersect(gs_VM *vm, gs_Object *view, gs_Object *other)
{
    int64_t len_self = gs_len(vm, view);
    if (GS_KIND(other) == GS_K_SET && other->type == vm->t_set && len_self <= set_of(other)->used)
        return gs_set_intersection(vm, other, &view, 1);
    if (is_setview(vm, other) && gs_len(vm, other) > len_self) {
        gs_Object *t = view;
        view = other;
        other = t;
    }
    gs_Object *result = gs_set_new(vm, false), *it = result ? gs_iter(vm, other) : NULL, *key;
    if (!it) {
        gs_xdecref(vm, result);
        return NULL;
    }
    while ((key = gs_next(vm, it)) != NULL) {
        int rv = gs_contains(vm, view, key);
        if (rv > 0)
            rv = gs_set_add(vm, result, key);
        gs_decref(vm, key);
        if (rv < 0)
            break;
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_decref(vm, result);
        return NULL;
    }
    return result;
}

/* dictviews_or, _sub, _xor, _and: a set of the left operand, updated with
 * the right one; NotImplemented when neither is a keys or items view */
gs_Object *gs_dictview_binop(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    bool va = is_setview(vm, a);
    if ((!va && !is_setview(vm, b)) || (op != 10 && op != 12 && op != 1 && op != 11))
        return gs_newref(vm, vm->notimpl);
    if (op == 12) /* & */
        return va ? view_intersect(vm, a, b) : view_intersect(vm, b, a);
    gs_Object *r = gs_set_from_iterable(vm, false, a);
    if (!r)
        return NULL;
    int rc = op == 10 ? gs_set_update(vm, r, b)
           : op == 1 ? set_difference_update_internal(vm, set_of(r), b) : gs_set_symmetric_difference_update(vm, r, b);
    if (rc < 0) {
        gs_decref(vm, r);
        return NULL;
    }
    return r;
}

/* every item of a is in b */
static int all_contained_in(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Object *it = gs_iter(vm, a), *x;
    if (!it)
        return -1;
    int ok = 1;
    while (ok == 1 && (x = gs_next(vm, it)) != NULL) {
        ok = gs_contains(vm, b, x);
        gs_decref(vm, x);
    }
    gs_decref(vm, it);
    return vm->exc ? -1 : ok;
}

/* dictview_richcompare of a keys or items view with a set or another such
 * view (either side); NotImplemented otherwise */
gs_Object *gs_dictview_compare(gs_VM *vm, int op, gs_Object *a, gs_Object *b)
{
    static const int swapped[] = { 4, 5, 2, 3, 0, 1 }; /* LT LE EQ NE GT GE, seen from b */
    if (!is_setview(vm, a)) {
        if (!is_setview(vm, b) || GS_KIND(a) != GS_K_SET)
            return gs_newref(vm, vm->notimpl);
        gs_Object *t = a;
        a = b;
        b = t;
        op = swapped[op];
    }
    if (GS_KIND(b) != GS_K_SET && !is_setview(vm, b))
        return gs_newref(vm, vm->notimpl);
    int64_t la = gs_len(vm, a), lb = gs_len(vm, b);
    if (la < 0 || lb < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case 2: case 3: /* == != */
        if (la == lb)
            ok = all_contained_in(vm, a, b);
        if (op == 3 && ok >= 0)
            ok = !ok;
        break;
    case 0: ok = la < lb ? all_contained_in(vm, a, b) : 0; break;
    case 1: ok = la <= lb ? all_contained_in(vm, a, b) : 0; break;
    case 4: ok = la > lb ? all_contained_in(vm, b, a) : 0; break;
    case 5: ok = la >= lb ? all_contained_in(vm, b, a) : 0; break;
    default: return gs_newref(vm, vm->notimpl);
    }
    return ok < 0 ? NULL : GS_BOOL(vm, ok);
}

/* dict_keys.isdisjoint(other), dict_items.isdisjoint(other): over the
 * shorter one when other is a set or view */
static gs_Object *m_view_isdisjoint(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *other = args[0], *x;
    if (other == self)
        return GS_BOOL(vm, gs_len(vm, self) == 0);
    if (GS_KIND(other) == GS_K_SET || is_setview(vm, other)) {
        int64_t ls = gs_len(vm, self), lo = gs_len(vm, other);
        if (ls < 0 || lo < 0)
            return NULL;
        if (lo > ls) {
            gs_Object *t = other;
            other = self;
            self = t;
        }
    }
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return NULL;
    int found = 0;
    while (!found && (x = gs_next(vm, it)) != NULL) {
        found = gs_contains(vm, self, x);
        gs_decref(vm, x);
    }
    gs_decref(vm, it);
    return found < 0 || vm->exc ? NULL : GS_BOOL(vm, !found);
}

static const gs_MethodDef view_methods[] = {
    { "isdisjoint", m_view_isdisjoint, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

void gs_dictview_methods_init(gs_VM *vm)
{
    gs_type_add_methods(vm, vm->t_dict_keys, view_methods);
    gs_type_add_methods(vm, vm->t_dict_items, view_methods);
}

/* frozenset_hash: shuffled bits of every slot's hash xor-ed together (the
 * unused and dummy slots' effect taken out again), then mixed. */
static uint64_t set_shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

int64_t gs_frozenset_hash(gs_Object *s)
{
    gs_Set *so = set_of(s);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    for (int64_t i = 0; i <= so->mask; i++)
        hash ^= set_shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= set_shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= set_shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1)
        hash = 590923713ULL;
    so->hash = (int64_t)hash;
    return so->hash;
}

/* ================================================================== set methods */

static gs_Object *m_set_add(GS_ARGS) { GS_UNUSED_ARGS; return gs_set_add(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }

static gs_Object *m_set_discard(GS_ARGS) { GS_UNUSED_ARGS; return gs_set_discard(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }

static gs_Object *m_set_remove(GS_ARGS) { GS_UNUSED_ARGS; return gs_set_remove(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm); }

static gs_Object *m_set_pop(GS_ARGS) { GS_UNUSED_ARGS; return gs_set_pop(vm, self); }

static gs_Object *m_set_clear(GS_ARGS) { GS_UNUSED_ARGS; gs_set_clear(vm, self); return GS_NONE(vm); }

static gs_Object *m_set_union(GS_ARGS) { GS_UNUSED(kwnames); return gs_set_union(vm, self, args, nargs); }
static gs_Object *m_set_intersection(GS_ARGS) { GS_UNUSED(kwnames); return gs_set_intersection(vm, self, args, nargs); }
static gs_Object *m_set_difference(GS_ARGS) { GS_UNUSED(kwnames); return gs_set_difference(vm, self, args, nargs); }
static gs_Object *m_set_symmetric_difference(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_set_symmetric_difference(vm, self, args[0]);
}

static gs_Object *m_set_update(GS_ARGS)
{
    GS_UNUSED(kwnames);
    for (int i = 0; i < nargs; i++)
        if (gs_set_update(vm, self, args[i]) < 0)
            return NULL;
    return GS_NONE(vm);
}
static gs_Object *m_set_intersection_update(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return gs_set_intersection_update(vm, self, args, nargs) < 0 ? NULL : GS_NONE(vm);
}
static gs_Object *m_set_difference_update(GS_ARGS)
{
    GS_UNUSED(kwnames);
    return gs_set_difference_update(vm, self, args, nargs) < 0 ? NULL : GS_NONE(vm);
}
static gs_Object *m_set_symmetric_difference_update(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_set_symmetric_difference_update(vm, self, args[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *set_truth(gs_VM *vm, int r) { return r < 0 ? NULL : GS_BOOL(vm, r); }

static gs_Object *m_set_issubset(GS_ARGS) { GS_UNUSED_ARGS; return set_truth(vm, gs_set_issubset(vm, self, args[0])); }
static gs_Object *m_set_issuperset(GS_ARGS) { GS_UNUSED_ARGS; return set_truth(vm, gs_set_issuperset(vm, self, args[0])); }
static gs_Object *m_set_isdisjoint(GS_ARGS) { GS_UNUSED_ARGS; return set_truth(vm, gs_set_isdisjoint(vm, self, args[0])); }
static gs_Object *m_set_copy(GS_ARGS) { GS_UNUSED_ARGS; return gs_set_copy(vm, self); }

/* ================================================================== the methods of set and frozenset */

static const gs_MethodDef set_methods[] = {
    { "add", m_set_add, 1, 1, false }, { "discard", m_set_discard, 1, 1, false },
    { "remove", m_set_remove, 1, 1, false }, { "pop", m_set_pop, 0, 0, false },
    { "clear", m_set_clear, 0, 0, false }, { "union", m_set_union, 0, -1, GS_VARARGS },
    { "intersection", m_set_intersection, 0, -1, GS_VARARGS }, { "difference", m_set_difference, 0, -1, GS_VARARGS },
    { "symmetric_difference", m_set_symmetric_difference, 1, 1, false },
    { "update", m_set_update, 0, -1, GS_VARARGS }, { "intersection_update", m_set_intersection_update, 0, -1, GS_VARARGS },
    { "difference_update", m_set_difference_update, 0, -1, GS_VARARGS }, { "issubset", m_set_issubset, 1, 1, false },
    { "issuperset", m_set_issuperset, 1, 1, false }, { "isdisjoint", m_set_isdisjoint, 1, 1, false },
    { "copy", m_set_copy, 0, 0, false },
    { "symmetric_difference_update", m_set_symmetric_difference_update, 1, 1, false },
    { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef frozenset_methods[] = {
    { "copy", m_set_copy, 0, 0, false }, { "difference", m_set_difference, 0, -1, GS_VARARGS },
    { "intersection", m_set_intersection, 0, -1, GS_VARARGS }, { "isdisjoint", m_set_isdisjoint, 1, 1, false },
    { "issubset", m_set_issubset, 1, 1, false }, { "issuperset", m_set_issuperset, 1, 1, false },
    { "symmetric_difference", m_set_symmetric_difference, 1, 1, false }, { "union", m_set_union, 0, -1, GS_VARARGS },
    { NULL, NULL, 0, 0, false },
};

void gs_set_methods_init(gs_VM *vm)
{
    gs_type_add_methods(vm, vm->t_set, set_methods);
    gs_type_add_methods(vm, vm->t_frozenset, frozenset_methods);
}
