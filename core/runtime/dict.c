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
                if (GS_KIND(e->key) == GS_K_STR && GS_KIND(key) == GS_K_STR) {
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

static int table_resize(gs_VM *vm, gs_DictTable *t, int32_t minused)
{
    int32_t size = 8;
    while (size * 2 / 3 < minused + 1)
        size *= 2;
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
    if (t->nentries >= t->cap && table_resize(vm, t, t->used) < 0)
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
    gs_table_init(t);
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

gs_Object *gs_dict_copy(gs_VM *vm, gs_Object *src)
{
    gs_Object *d = gs_dict_new(vm);
    if (!d)
        return NULL;
    if (gs_dict_update(vm, d, src) < 0) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

int gs_dict_update(gs_VM *vm, gs_Object *d, gs_Object *other)
{
    /* PyDict_Merge: a dict's entries as they are, unless its class has its
     * own __iter__; another mapping through keys() and [] */
    if (GS_KIND(other) == GS_K_DICT &&
        (other->type == vm->t_dict || !gs_type_lookup_slot(vm, other->type, vm->s___iter__))) {
        int32_t pos = 0;
        gs_Object *k, *v;
        while (gs_dict_next(other, &pos, &k, &v))
            if (gs_dict_set(vm, d, k, v) < 0)
                return -1;
        return 0;
    }
    if (GS_KIND(other) != GS_K_DICT || other->type != vm->t_dict) {
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
            for (;;) {
                gs_Object *k = gs_next(vm, kit);
                if (!k)
                    break;
                gs_Object *v = gs_getitem(vm, other, k);
                int r = v ? gs_dict_set(vm, d, k, v) : -1;
                gs_xdecref(vm, v);
                gs_decref(vm, k);
                if (r < 0) {
                    gs_decref(vm, kit);
                    return -1;
                }
            }
            gs_decref(vm, kit);
            return vm->exc ? -1 : 0;
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
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, gs_str_from_cstr(vm, "popitem(): dictionary is empty"))));
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

static const gs_MethodDef dict_methods[] = {
    { "get", m_dict_get, 1, 2, false }, { "keys", m_dict_keys, 0, 0, false },
    { "values", m_dict_values, 0, 0, false }, { "items", m_dict_items, 0, 0, false },
    { "pop", m_dict_pop, 1, 2, false }, { "popitem", m_dict_popitem, 0, 0, false },
    { "setdefault", m_dict_setdefault, 1, 2, false }, { "update", m_dict_update, 0, -1, GS_KW | GS_VARARGS },
    { "clear", m_dict_clear, 0, 0, false }, { "copy", m_dict_copy, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

void gs_dict_methods_init(gs_VM *vm) { gs_type_add_methods(vm, vm->t_dict, dict_methods); }
