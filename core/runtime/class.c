/*
 * class.c — types, classes, instances and the descriptors classes use
 * (property, staticmethod, classmethod); the methods of object and type.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== methods of built-in types */

void gs_type_add_method(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn, int min, int max)
{
    if (!t->dict)
        t->dict = (gs_Dict *)gs_dict_new(vm);
    gs_Builtin *b = (gs_Builtin *)gs_builtin_new(vm, name, fn, min, max, NULL);
    if (!b)
        return;
    b->owner = t;
    gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, &b->ob);
    gs_decref(vm, b);
}

void gs_type_add_methods(gs_VM *vm, gs_Type *t, const gs_MethodDef *defs)
{
    for (; defs->name; defs++) {
        gs_type_add_method(vm, t, defs->name, defs->fn, defs->min, defs->max);
        if (defs->kw) {
            gs_Object *b = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, defs->name));
            if (b) {
                ((gs_Builtin *)b)->takes_kw = (defs->kw & GS_KW) != 0;
                ((gs_Builtin *)b)->varargs =
                    defs->kw & (GS_VARARGS | GS_STARARGS | GS_ITERNEXT | GS_CLASSMETH | GS_ABSTRACT);
            }
        }
        if (strcmp(defs->name, "__new__") == 0) {
            gs_Object *b = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, defs->name));
            if (b && GS_KIND(b) == GS_K_BUILTIN)
                ((gs_Builtin *)b)->varargs |= GS_TPNEW;
        }
    }
}


static gs_Object *m_type_mro(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    int32_t n;
    gs_Type **mro = gs_type_mro((gs_Type *)self, &n);
    for (int32_t i = 0; mro && i < n; i++)
        gs_list_append(vm, l, &mro[i]->ob);
    return l;
}

/* type.__subclasses__(): the classes with this one among their direct
 * bases that are alive, oldest first (CPython keeps weak references to
 * them; here the collector's lists are walked, the oldest generation
 * first, which is the order they were made in) */
static gs_Object *m_type_subclasses(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *l = gs_list_new(vm, 0);
    /* the built-in exceptions first: CPython readies them level by level,
     * each level in alphabetical order (Objects/exceptions.c), so a base's
     * direct built-in subclasses come in the order of their names */
    gs_Type *bs[64];
    int nb = 0;
    for (gs_Type *t = vm->static_types; l && t && nb < 64; t = (gs_Type *)t->ob.gc_next)
        if ((t->flags & GS_TF_EXC) && t->base == (gs_Type *)self && !(t->flags & GS_TF_HEAP))
            bs[nb++] = t;
    for (int i = 1; i < nb; i++)
        for (int j = i; j > 0 && strcmp(bs[j - 1]->name->data, bs[j]->name->data) > 0; j--) {
            gs_Type *x = bs[j];
            bs[j] = bs[j - 1];
            bs[j - 1] = x;
        }
    for (int i = 0; l && i < nb; i++)
        if (gs_list_append(vm, l, &bs[i]->ob) < 0) {
            gs_decref(vm, l);
            return NULL;
        }
    gs_Object *heads[4] = { &vm->permanent.head, &vm->gens[2].head, &vm->gens[1].head, &vm->gens[0].head };
    for (int g = 0; l && g < 4; g++)
        for (gs_Object *o = heads[g]->gc_next; o != heads[g]; o = o->gc_next) {
            if (GS_KIND(o) != GS_K_TYPE)
                continue;
            gs_Type *t = (gs_Type *)o;
            for (int32_t i = 0; i < t->nbases; i++)
                if (t->bases[i] == (gs_Type *)self) {
                    if (gs_list_append(vm, l, o) < 0) {
                        gs_decref(vm, l);
                        return NULL;
                    }
                    break;
                }
        }
    return l;
}

void gs_class_methods_init(gs_VM *vm)
{
    gs_type_add_method(vm, vm->t_type, "mro", m_type_mro, 0, 0);
    gs_type_add_method(vm, vm->t_type, "__subclasses__", m_type_subclasses, 0, 0);
}

/* ================================================================== types */

gs_Type *gs_type_new_builtin(gs_VM *vm, const char *name, gs_Type *base, gs_Kind inst_kind, uint8_t flags)
{
    gs_Type *t = calloc(1, sizeof *t);
    if (!t)
        abort(); /* VM start-up: nothing sensible to continue with */
    t->ob.refcnt = 1 << 30;
    t->ob.type = vm->t_type;
    t->ob.kind = GS_K_TYPE;
    t->ob.gcflags = GS_GC_STATIC;
    t->ob.id = ++vm->next_id; /* events name it (an instance's class, `x = int`) */
    if (vm->objtab)
        gs_objtab_set(vm, t->ob.id, &t->ob);
    t->base = base;
    t->inst_kind = (uint8_t)inst_kind;
    t->flags = flags;
    if (base)
        t->flags |= base->flags & (GS_TF_EXC | GS_TF_DICT | GS_TF_WEAK | GS_TF_CDICT);
    /* a weakref type CPython writes in Python (WeakMethod) keeps attributes */
    if (flags & GS_TF_WEAKREF_ATTRS)
        t->flags |= GS_TF_DICT | GS_TF_WEAK;
    /* a module's stand-in for a class CPython writes in Python: its
     * instances have a __dict__ and weak references */
    if (inst_kind == GS_K_INSTANCE && base == vm->t_object)
        t->flags |= GS_TF_DICT | GS_TF_WEAK;
    t->name = (gs_Str *)gs_str_intern(vm, name, strlen(name));
    t->module = (gs_Str *)gs_str_intern(vm, "builtins", 8);
    t->dict = NULL; /* filled by gs_builtin_types_dicts_init once dicts work */
    /* chained for gs_gc_free_all (static objects are never on a gc list) */
    t->ob.gc_next = vm->static_types ? &vm->static_types->ob : NULL;
    vm->static_types = t;
    if (vm->trace.ndesc) /* made after start-up (a module's types on import): name it in the trace */
        gs_record_describe(vm, &t->ob);
    return t;
}

/* ------------------------------------------------------------------ the MRO */

gs_Type **gs_type_mro(gs_Type *t, int32_t *n)
{
    if (!t->mro) {
        /* a built-in type: its base chain (single inheritance) */
        int32_t k = 0;
        for (gs_Type *a = t; a; a = a->base)
            k++;
        gs_Type **m = malloc((size_t)k * sizeof *m);
        if (!m) {
            *n = 0;
            return NULL;
        }
        k = 0;
        for (gs_Type *a = t; a; a = a->base)
            m[k++] = a;
        t->mro = m;
        t->nmro = k;
    }
    *n = t->nmro;
    return t->mro;
}

gs_Type **gs_type_bases(gs_Type *t, int32_t *n)
{
    if (t->bases) {
        *n = t->nbases;
        return t->bases;
    }
    *n = t->base ? 1 : 0;
    return &t->base;
}

void gs_type_free_arrays(gs_Type *t)
{
    free(t->mro);
    free(t->bases);
    t->mro = t->bases = NULL;
    t->nmro = t->nbases = 0;
}

gs_Object *gs_type_lookup(gs_Type *t, gs_Str *name)
{
    /* a class the collector cleared has no MRO: nothing is found (CPython's
     * find_name_in_mro), and the ancestors it named may be gone */
    if (t->spare & GS_TYPE_MRO_CLEARED)
        return NULL;
    int32_t n;
    gs_Type **mro = gs_type_mro(t, &n);
    if (!mro) { /* out of memory: the base chain still answers for built-in types */
        for (; t; t = t->base)
            if (t->dict) {
                int32_t ix = gs_table_lookup_str(&t->dict->t, name);
                if (ix >= 0)
                    return t->dict->t.entries[ix].value;
            }
        return NULL;
    }
    for (int32_t i = 0; i < n; i++) {
        gs_Dict *d = mro[i]->dict;
        if (!d)
            continue;
        int32_t ix = gs_table_lookup_str(&d->t, name);
        if (ix >= 0)
            return d->t.entries[ix].value;
    }
    return NULL;
}

gs_Object *gs_type_lookup_slot(gs_VM *vm, gs_Type *t, gs_Str *name)
{
    gs_Object *v = gs_type_lookup(t, name);
    if (v && GS_KIND(v) == GS_K_BUILTIN) {
        gs_Builtin *b = (gs_Builtin *)v;
        /* a built-in type's own behaviour (list.__getitem__, object.__eq__)
         * is the built-in operation; a module's type (its C methods are
         * all it has) dispatches to them */
        if (!b->self && b->owner && !(b->owner->flags & GS_TF_HEAP) && gs_str_eq(b->owner->module, vm->s_builtins) &&
            ((b->owner->inst_kind != GS_K_INSTANCE && b->owner->inst_kind != GS_K_WEAKREF) || b->owner == vm->t_object))
            return NULL;
    }
    return v;
}

gs_Type *gs_type_lookup_owner(gs_Type *t, gs_Str *name)
{
    if (t->spare & GS_TYPE_MRO_CLEARED)
        return NULL;
    int32_t n;
    gs_Type **mro = gs_type_mro(t, &n);
    for (int32_t i = 0; mro && i < n; i++)
        if (mro[i]->dict && gs_table_lookup_str(&mro[i]->dict->t, name) >= 0)
            return mro[i];
    return NULL;
}

bool gs_issubtype(gs_Type *a, gs_Type *b)
{
    if (a == b)
        return true;
    if (a->mro && !(a->spare & GS_TYPE_MRO_CLEARED)) {
        for (int32_t i = 1; i < a->nmro; i++)
            if (a->mro[i] == b)
                return true;
        return false;
    }
    for (; a; a = a->base)
        if (a == b)
            return true;
    return false;
}

bool gs_isinstance(gs_Object *o, gs_Type *t) { return gs_issubtype(o->type, t); }

const char *gs_type_name(gs_Object *o)
{
    const char *n = o->type->name->data;
    if (o->type->flags & GS_TF_PYCLASS) { /* "contextlib.suppress" is a heap type's "suppress" */
        const char *dot = strrchr(n, '.');
        if (dot)
            return dot + 1;
    }
    return n;
}

/* CPython's mro_implementation: the type, then the C3 merge of its bases'
 * MROs and the list of its bases.  A new malloc'd array, or NULL with
 * TypeError (the MRO error names the candidates, as set_mro_error does). */
static gs_Type **c3_mro(gs_VM *vm, gs_Type *t, gs_Type **bases, int32_t nb, int32_t *nout)
{
    for (int32_t i = 0; i < nb; i++)
        for (int32_t j = i + 1; j < nb; j++)
            if (bases[i] == bases[j]) {
                gs_raise(vm, vm->e_TypeError, "duplicate base class %s", bases[i]->name->data);
                return NULL;
            }
    if (nb < 1 || nb > 1 << 20) {
        gs_raise_memory(vm);
        return NULL;
    }
    if (nb == 1) {
        /* mro_implementation's fast path: the class, then its base's MRO
         * (no merge: a 2,000-deep hierarchy stays linear) */
        int32_t bn;
        gs_Type **bm = gs_type_mro(bases[0], &bn);
        gs_Type **out = bm ? malloc(((size_t)bn + 1) * sizeof *out) : NULL;
        if (!out) {
            gs_raise_memory(vm);
            return NULL;
        }
        out[0] = t;
        memcpy(out + 1, bm, (size_t)bn * sizeof *out);
        *nout = bn + 1;
        return out;
    }
    int32_t nseq = nb + 1, total = 1;
    gs_Type ***seq = malloc((size_t)nseq * sizeof *seq);
    int32_t *len = malloc((size_t)nseq * sizeof *len), *remain = calloc((size_t)nseq, sizeof *remain);
    if (!seq || !len || !remain) {
        free(seq);
        free(len);
        free(remain);
        gs_raise_memory(vm);
        return NULL;
    }
    for (int32_t i = 0; i < nb; i++) {
        seq[i] = gs_type_mro(bases[i], &len[i]);
        total += len[i];
    }
    seq[nb] = bases;
    len[nb] = nb;
    gs_Type **out = malloc((size_t)total * sizeof *out);
    if (!out) {
        free(seq);
        free(len);
        free(remain);
        gs_raise_memory(vm);
        return NULL;
    }
    int32_t n = 0;
    out[n++] = t;
    for (;;) {
        int32_t empty = 0;
        bool taken = false;
        for (int32_t i = 0; i < nseq && !taken; i++) {
            if (remain[i] >= len[i]) {
                empty++;
                continue;
            }
            gs_Type *cand = seq[i][remain[i]];
            bool in_tail = false;
            for (int32_t j = 0; j < nseq && !in_tail; j++)
                for (int32_t k = remain[j] + 1; k < len[j]; k++)
                    if (seq[j][k] == cand) {
                        in_tail = true;
                        break;
                    }
            if (in_tail)
                continue;
            out[n++] = cand;
            for (int32_t j = 0; j < nseq; j++)
                if (remain[j] < len[j] && seq[j][remain[j]] == cand)
                    remain[j]++;
            taken = true;
        }
        if (taken)
            continue;
        if (empty != nseq) {
            /* the heads left, each named once, in the order first met */
            gs_Buf b;
            gs_buf_init(&b);
            gs_buf_adds(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
            int32_t named = 0;
            for (int32_t i = 0; i < nseq; i++) {
                if (remain[i] >= len[i])
                    continue;
                gs_Type *c = seq[i][remain[i]];
                bool seen = false;
                for (int32_t j = 0; j < i; j++)
                    if (remain[j] < len[j] && seq[j][remain[j]] == c)
                        seen = true;
                if (seen)
                    continue;
                gs_buf_printf(&b, "%s %s", named++ ? "," : "", c->name->data);
            }
            gs_raise(vm, vm->e_TypeError, "%s", b.data ? b.data : "");
            gs_buf_free(&b);
            free(out);
            out = NULL;
        }
        break;
    }
    free(seq);
    free(len);
    free(remain);
    *nout = out ? n : 0;
    return out;
}

/* The built-in type whose layout an object of t has (CPython's solid_base):
 * a class adds none unless it declares slots. */
static gs_Type *solid_base(gs_Type *t)
{
    for (;;) {
        if (!t->base)
            return t;
        if (t->flags & GS_TF_HEAP) {
            if (t->nslots > 0)
                return t;
        } else if (t->inst_kind != t->base->inst_kind || t->native != t->base->native)
            return t; /* a module type's C data is a layout of its own */
        t = t->base;
    }
}

/* The base a class is laid out from (CPython's best_base), or NULL with
 * TypeError. */
static gs_Type *best_base(gs_VM *vm, gs_Type **bases, int32_t nb)
{
    gs_Type *base = NULL, *winner = NULL;
    for (int32_t i = 0; i < nb; i++) {
        gs_Type *b = bases[i];
        if (!(b->flags & GS_TF_BASETYPE)) {
            gs_raise(vm, vm->e_TypeError, "type '%s' is not an acceptable base type", b->name->data);
            return NULL;
        }
        gs_Type *cand = solid_base(b);
        if (!winner) {
            winner = cand;
            base = b;
        } else if (gs_issubtype(winner, cand))
            ;
        else if (gs_issubtype(cand, winner)) {
            winner = cand;
            base = b;
        } else {
            gs_raise(vm, vm->e_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* The most derived metaclass of `meta` and the bases' (CPython's
 * _PyType_CalculateMetaclass), or NULL with TypeError. */
gs_Type *gs_type_calculate_meta(gs_VM *vm, gs_Type *meta, gs_Type **bases, int32_t nb)
{
    gs_Type *winner = meta;
    for (int32_t i = 0; i < nb; i++) {
        gs_Type *tmp = bases[i]->ob.type;
        if (gs_issubtype(winner, tmp))
            continue;
        if (gs_issubtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        gs_raise(vm, vm->e_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                      "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* ------------------------------------------------------------------ what a class statement also makes
 * CPython's class statement makes objects the model only counts: the
 * argument tuple of the metaclass call, the tuple of bases, the MRO tuple,
 * a copy of the namespace for __set_name__, and for __init_subclass__ a
 * tuple, a super object and a bound method.  They move gc.get_count() and
 * the free lists as they do in CPython; the ones a class keeps are given
 * back when it dies (the collector counts them with the class:
 * collector.c's phantom_count).  The descriptors it puts in its dict (a
 * member descriptor per slot, the __dict__ / __weakref__ getset
 * descriptors) are real objects. */

/* The rest of PyType_Ready's type_ready_fill_dict after the slots' member
 * descriptors: add_getset (the __dict__ and __weakref__ getset descriptors,
 * each unless the namespace has the name: PyDict_SetDefault), then
 * type_dict_set_doc (__doc__ None unless given), then type_ready_set_hash
 * (__hash__ None for a class that defines __eq__ and not __hash__: it is
 * unhashable). */
static int class_fill_dict(gs_VM *vm, gs_Type *t, bool add_dict, bool add_weak)
{
    gs_Object *d = &t->dict->ob;
    for (int i = 0; i < 2; i++) {
        gs_Str *name = i ? gs_name(vm, "__weakref__") : vm->s___dict__;
        if (!(i ? add_weak : add_dict) || gs_dict_get_str(vm, d, name))
            continue;
        gs_Object *gd = gs_getset_descr_new(vm, t, i == 1);
        if (!gd || gs_dict_set_steal(vm, d, &name->ob, gd) < 0)
            return -1;
    }
    if (!gs_dict_get_str(vm, d, vm->s___doc__) && gs_dict_set(vm, d, &vm->s___doc__->ob, vm->none) < 0)
        return -1;
    if (gs_dict_get_str(vm, d, vm->s___eq__) && !gs_dict_get_str(vm, d, vm->s___hash__) &&
        gs_dict_set(vm, d, &vm->s___hash__->ob, vm->none) < 0)
        return -1;
    return 0;
}

/* The phantoms, and between them, after the MRO tuple as in PyType_Ready,
 * the getset descriptors, __doc__ and __hash__ (class_fill_dict); -1 with
 * an exception when the dict could not be filled (the phantoms balance all
 * the same). */
static int class_phantoms_made(gs_VM *vm, gs_Type *t, gs_Type *meta, bool add_dict, bool add_weak)
{
    /* meta(name, bases, ns): a metaclass that is a class is called
     * through gs_call, which packs its arguments itself */
    gs_Object *margs = meta == vm->t_type ? gs_phantom_alloc(vm, vm->t_tuple, 3) : NULL;
    for (int32_t i = 0; i < t->nbases; i++) {
        gs_Type *b = t->bases[i];
        if (!(b->spare & GS_TYPE_HAS_SUBCLASSES)) {
            /* the base's first subclass: its tp_subclasses dict (a built-in
             * type keeps it for good; CPython's start-up already gave one to
             * the types marked in vm.c) */
            b->spare |= GS_TYPE_HAS_SUBCLASSES;
            gs_gc_on_alloc(vm);
        }
    }
    gs_gc_on_alloc(vm);                                        /* tp_bases */
    if (t->spare & GS_TYPE_SLOTS_DECLARED) {
        /* type_new_copy_slots: a list of the names, sorted, made a tuple (ht_slots) */
        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_list, 0));
        if (t->nslots)
            gs_gc_on_alloc(vm);
    }
    if (meta != vm->t_type) /* mro_invoke calls the metaclass's mro(): a list */
        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_list, 0));
    else if (t->nbases > 1) /* mro_implementation's merge: a list, made into the tuple */
        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_list, 0));
    gs_gc_on_alloc(vm);                                        /* tp_mro */
    int r = class_fill_dict(vm, t, add_dict, add_weak);
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_dict, 0)); /* names_to_set */
    gs_Object *sargs = gs_phantom_alloc(vm, vm->t_tuple, 2);  /* super(type, type) */
    gs_gc_on_alloc(vm);                                        /* the super object */
    gs_gc_on_alloc(vm);                                        /* bound __init_subclass__ */
    gs_gc_on_free(vm);
    gs_gc_on_free(vm);
    gs_phantom_free(vm, sargs);
    gs_phantom_free(vm, margs);
    return r;
}

/* A phantom object that lived with its class dies with it. */
static void phantom_release(gs_VM *vm, gs_Type *type, int32_t len)
{
    size_t size = type == vm->t_tuple  ? sizeof(gs_Tuple) + (size_t)len * sizeof(gs_Object *)
                  : type == vm->t_dict ? sizeof(gs_Dict)
                                       : sizeof(gs_Object);
    gs_Object *o = calloc(1, size);
    if (!o) {
        gs_gc_on_free(vm);
        return;
    }
    o->type = type;
    o->kind = type->inst_kind;
    if (type == vm->t_tuple)
        ((gs_Tuple *)o)->len = len;
    gs_phantom_free(vm, o);
}

void gs_class_phantoms_freed(gs_VM *vm, gs_Type *t)
{
    phantom_release(vm, vm->t_tuple, t->nmro);
    phantom_release(vm, vm->t_tuple, t->nbases);
    if ((t->spare & GS_TYPE_SLOTS_DECLARED) && t->nslots)
        phantom_release(vm, vm->t_tuple, t->nslots);
    if (t->spare & GS_TYPE_HAS_SUBCLASSES)
        phantom_release(vm, vm->t_dict, 0);
}

/* ------------------------------------------------------------------ the references a class holds
 * CPython's class holds its best base (tp_base), each base once more (the
 * tuple of bases), and every ancestor and itself once (the MRO tuple); its
 * descriptors hold it too.  The model counts the references to classes
 * (built-in types never change count), with the labels gs_traverse gives
 * them: GS_TSLOT_BASE, GS_TSLOT_BASES + i, GS_TSLOT_MRO + i. */

static void class_hold_bases(gs_VM *vm, gs_Type *t)
{
    gs_Type *base = t->base;
    if (base->flags & GS_TF_HEAP)
        gs_incref_c(vm, &base->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, GS_TSLOT_BASE));
    for (int32_t i = 0; i < t->nbases; i++)
        if (t->bases[i]->flags & GS_TF_HEAP)
            gs_incref_c(vm, &t->bases[i]->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, gs_tslot_bases(i)));
    for (int32_t i = 1; i < t->nmro; i++)
        if (t->mro[i]->flags & GS_TF_HEAP)
            gs_incref_c(vm, &t->mro[i]->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, GS_TSLOT_MRO + (uint32_t)i));
}

/* The kind of the instances of a class whose best base is `base`. */
static int class_inst_kind(gs_VM *vm, gs_Type *base)
{
    switch (base->inst_kind) {
    case GS_K_EXCEPTION: case GS_K_LIST: case GS_K_DICT: case GS_K_SET: case GS_K_TUPLE: case GS_K_INT:
    case GS_K_FLOAT: case GS_K_STR: case GS_K_WEAKREF: case GS_K_TYPE:
        return base->inst_kind;
    case GS_K_INSTANCE:
        return GS_K_INSTANCE;
    default:
        gs_raise(vm, vm->e_TypeError, "gcscope cannot derive a class from '%s'", base->name->data);
        return -1;
    }
}

/* Whether a built-in base's objects vary in size (CPython's tp_itemsize):
 * their classes get no __weakref__, and no slots. */
static bool base_is_varsized(gs_Type *base)
{
    return base->inst_kind == GS_K_INT || base->inst_kind == GS_K_TUPLE;
}

static bool is_identifier(gs_Str *s)
{
    if (s->len == 0 || isdigit((unsigned char)s->data[0]))
        return false;
    for (int32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (!(isalnum(c) || c == '_' || c >= 0x80))
            return false;
    }
    return true;
}

/* __slots__ of the namespace: the names (new tuple of str), NULL with no
 * exception when there is none, NULL with TypeError when malformed. */
static gs_Object *class_slot_names(gs_VM *vm, gs_Object *ns)
{
    gs_Object *slots = gs_dict_get_str(vm, ns, gs_name(vm, "__slots__"));
    if (!slots)
        return NULL;
    gs_Object *names;
    if (GS_KIND(slots) == GS_K_STR)
        names = gs_tuple_pack(vm, 1, slots);
    else
        names = gs_tuple_from_iterable(vm, slots);
    if (!names)
        return NULL;
    gs_Tuple *tn = (gs_Tuple *)names;
    for (int32_t i = 0; i < tn->len; i++) {
        if (GS_KIND(tn->items[i]) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "__slots__ items must be strings, not '%s'", gs_type_name(tn->items[i]));
            gs_decref(vm, names);
            return NULL;
        }
        if (!is_identifier((gs_Str *)tn->items[i])) {
            gs_raise(vm, vm->e_TypeError, "__slots__ must be identifiers");
            gs_decref(vm, names);
            return NULL;
        }
    }
    return names;
}

/* A function in a class namespace that type_new wraps: __new__ in a
 * staticmethod, __init_subclass__ and __class_getitem__ in a classmethod. */
static int class_wrap_special(gs_VM *vm, gs_Object *d, const char *name, gs_Type *wrapper)
{
    gs_Str *k = gs_name(vm, name);
    gs_Object *f = gs_dict_get_str(vm, d, k);
    if (!f || GS_KIND(f) != GS_K_FUNCTION)
        return 0;
    gs_Object *w = gs_descriptor_new(vm, wrapper, f, false);
    if (!w)
        return -1;
    return gs_dict_set_steal(vm, d, &k->ob, w);
}

/* __set_name__ of the namespace's values, then the bases'
 * __init_subclass__ (CPython's type_new_set_names and init_subclass). */
static int class_init_hooks(gs_VM *vm, gs_Type *t, gs_Object **kwargs, gs_Tuple *kwnames)
{
    gs_Object *copy = gs_dict_copy(vm, &t->dict->ob);
    if (!copy)
        return -1;
    int32_t pos = 0;
    gs_Object *k, *v;
    gs_Str *sn = gs_name(vm, "__set_name__");
    while (gs_dict_next(copy, &pos, &k, &v)) {
        gs_Object *m = gs_type_lookup(v->type, sn);
        if (!m)
            continue;
        gs_Object *args[3] = { v, &t->ob, k };
        gs_Object *r = gs_call_object(vm, m, args, 3, NULL);
        if (!r) {
            /* _PyErr_FormatFromCause: a RuntimeError, caused by what it raised */
            gs_Object *cause = vm->exc;
            vm->exc = NULL;
            gs_Object *kr = cause ? gs_repr(vm, k) : NULL;
            if (kr)
                gs_raise(vm, vm->e_RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'",
                         strrchr(v->type->name->data, '.') ? strrchr(v->type->name->data, '.') + 1
                                                           : v->type->name->data, /* tp_name of a Python class */
                         ((gs_Str *)kr)->data, t->name->data);
            gs_xdecref(vm, kr);
            if (cause && vm->exc && GS_KIND(vm->exc) == GS_K_EXCEPTION && vm->exc != cause) {
                gs_Exception *e = (gs_Exception *)vm->exc;
                gs_Object *oldc = e->cause;
                e->cause = gs_newref(vm, cause);
                gs_record_field(vm, vm->exc, 13, oldc, cause);
                gs_xdecref(vm, oldc);
                if (!e->context) {
                    e->context = gs_newref(vm, cause);
                    gs_record_field(vm, vm->exc, 12, NULL, cause);
                }
                e->suppress_context = true;
            }
            if (cause && !vm->exc)
                vm->exc = cause;
            else
                gs_xdecref(vm, cause);
            gs_decref(vm, copy);
            return -1;
        }
        gs_decref(vm, r);
    }
    gs_decref(vm, copy);
    /* super(t, t).__init_subclass__(**kwargs): the first one past t */
    gs_Str *is = gs_name(vm, "__init_subclass__");
    gs_Object *init = NULL;
    for (int32_t i = 1; i < t->nmro && !init; i++)
        if (t->mro[i]->dict)
            init = gs_dict_get_str(vm, &t->mro[i]->dict->ob, is);
    if (!init || (GS_KIND(init) == GS_K_BUILTIN && ((gs_Builtin *)init)->owner == vm->t_object)) {
        if (kwnames && kwnames->len) {
            gs_raise(vm, vm->e_TypeError, "%s.__init_subclass__() takes no keyword arguments", t->name->data);
            return -1;
        }
        return 0;
    }
    if (GS_KIND(init) == GS_K_BUILTIN) { /* a module's class method (typing.Generic's): bound to t */
        gs_Object *r = ((gs_Builtin *)init)->fn(vm, &t->ob, kwargs, kwnames ? kwnames->len : 0, kwnames);
        if (!r)
            return -1;
        gs_decref(vm, r);
        return 0;
    }
    gs_Object *fn = init;
    if (GS_KIND(fn) == GS_K_CLASSMETHOD)
        fn = ((gs_Descr *)fn)->ref;
    int nkw = kwnames ? kwnames->len : 0;
    gs_Object *args[nkw + 1];
    args[0] = &t->ob;
    for (int i = 0; i < nkw; i++)
        args[i + 1] = kwargs[i];
    gs_Object *r = gs_call_object(vm, fn, args, nkw + 1, kwnames);
    if (!r)
        return -1;
    gs_decref(vm, r);
    return 0;
}

/* A class that failed before it held its bases: let it go without the
 * references it does not have. */
static gs_Object *class_abort(gs_VM *vm, gs_Type *t, gs_Object *cell)
{
    gs_xdecref(vm, cell);
    gs_type_free_arrays(t);
    t->base = NULL;
    /* CPython allocated the type before it computed the MRO: the trace
     * sees it made and freed (its alloc event was still to come) */
    if (vm->recording)
        gs_record_introduce(vm, &t->ob);
    gs_decref(vm, t);
    return NULL;
}

gs_Object *gs_type_new(gs_VM *vm, gs_Type *meta, gs_Str *name, gs_Object *bases_obj, gs_Object *ns,
                       gs_Object **kwargs, gs_Tuple *kwnames)
{
    gs_Tuple *bt = (gs_Tuple *)bases_obj;
    for (int32_t i = 0; i < bt->len; i++)
        if (GS_KIND(bt->items[i]) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "bases must be types");
            return NULL;
        }
    return gs_type_new_from(vm, meta, name, (gs_Type **)bt->items, bt->len, ns, kwargs, kwnames);
}

gs_Object *gs_type_new_from(gs_VM *vm, gs_Type *meta, gs_Str *name, gs_Type **given, int32_t ngiven, gs_Object *ns,
                            gs_Object **kwargs, gs_Tuple *kwnames)
{
    /* the bases: no duplicates; (object,) when none */
    int32_t nb = ngiven ? ngiven : 1;
    gs_Type **bases = malloc((size_t)nb * sizeof *bases);
    if (!bases) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int32_t i = 0; i < ngiven; i++)
        bases[i] = given[i];
    if (!ngiven)
        bases[0] = vm->t_object;
    for (int32_t i = 0; i < nb; i++)
        for (int32_t j = i + 1; j < nb; j++)
            if (bases[i] == bases[j]) {
                gs_raise(vm, vm->e_TypeError, "duplicate base class %s", bases[i]->name->data);
                free(bases);
                return NULL;
            }
    gs_Type *base = best_base(vm, bases, nb);
    int kind = base ? class_inst_kind(vm, base) : -1;
    if (kind < 0) {
        free(bases);
        return NULL;
    }
    gs_Object *slot_names = class_slot_names(vm, ns);
    if (!slot_names && vm->exc) {
        free(bases);
        return NULL;
    }
    /* what the class adds to its base's layout: __dict__, __weakref__, slots */
    bool add_dict = !(base->flags & GS_TF_DICT), add_weak = !(base->flags & GS_TF_WEAK) && !base_is_varsized(base);
    int32_t nslots = 0;
    gs_Str **slots = NULL;
    if (slot_names) {
        gs_Tuple *sn = (gs_Tuple *)slot_names;
        bool want_dict = false, want_weak = false;
        slots = calloc((size_t)(sn->len ? sn->len : 1), sizeof *slots);
        for (int32_t i = 0; slots && i < sn->len; i++) {
            gs_Str *s = (gs_Str *)sn->items[i];
            const char *err = NULL;
            if (strcmp(s->data, "__dict__") == 0) {
                if (!add_dict || want_dict)
                    err = "__dict__ slot disallowed: we already got one";
                want_dict = true;
            } else if (strcmp(s->data, "__weakref__") == 0) {
                if (!add_weak || want_weak)
                    err = "__weakref__ slot disallowed: either we already got one, or the base type does not support it";
                want_weak = true;
            } else {
                if (base_is_varsized(base)) {
                    gs_raise(vm, vm->e_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                             base->name->data);
                    break;
                }
                if (gs_dict_get_str(vm, ns, s)) {
                    gs_raise(vm, vm->e_ValueError, "'%s' in __slots__ conflicts with class variable", s->data);
                    break;
                }
                for (int32_t j = 0; j < nslots; j++)
                    if (gs_str_eq(slots[j], s))
                        err = "duplicate slot name";
                if (!err) {
                    /* interned: the VM keeps the name as long as it lives */
                    slots[nslots] = (gs_Str *)gs_str_intern(vm, s->data, (size_t)s->len);
                    if (slots[nslots])
                        gs_decref(vm, slots[nslots++]);
                }
            }
            if (err) {
                gs_raise(vm, vm->e_TypeError, "%s", err);
                break;
            }
        }
        gs_decref(vm, slot_names);
        if (!slots || vm->exc) {
            free(slots);
            free(bases);
            if (!vm->exc)
                gs_raise_memory(vm);
            return NULL;
        }
        add_dict = want_dict;
        add_weak = want_weak;
    }
    gs_Type *t = (gs_Type *)gs_alloc(vm, vm->t_type, sizeof(gs_Type));
    if (!t) {
        free(slots);
        free(bases);
        return NULL;
    }
    /* every slot name of the class, its ancestors' first (gs_slot_values'
     * order); its own sorted, as type_new_copy_slots sorts them */
    if (slots)
        t->spare |= GS_TYPE_SLOTS_DECLARED;
    for (int32_t i = 1; i < nslots; i++)
        for (int32_t j = i; j > 0 && strcmp(slots[j - 1]->data, slots[j]->data) > 0; j--) {
            gs_Str *tmp = slots[j];
            slots[j] = slots[j - 1];
            slots[j - 1] = tmp;
        }
    t->slot_base = gs_type_nslots(base);
    t->nslots = nslots;
    if (t->slot_base + nslots > 0) {
        t->slots = malloc((size_t)(t->slot_base + nslots) * sizeof *t->slots);
        if (!t->slots) {
            free(slots);
            free(bases);
            t->nslots = t->slot_base = 0;
            gs_decref(vm, t);
            gs_raise_memory(vm);
            return NULL;
        }
        for (int32_t i = 0; i < t->slot_base; i++)
            t->slots[i] = base->slots[i];
        for (int32_t i = 0; i < nslots; i++)
            t->slots[t->slot_base + i] = slots[i];
    }
    free(slots);
    t->bases = bases;
    t->nbases = nb;
    t->base = base;
    t->name = name;
    gs_incref_c(vm, &name->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, 0));
    gs_Object *qn = gs_dict_get_str(vm, ns, vm->s___qualname__);
    t->qualname = (gs_Str *)gs_newref(vm, qn && GS_KIND(qn) == GS_K_STR ? qn : &name->ob);
    gs_Object *mod = gs_dict_get_str(vm, ns, vm->s___module__);
    t->module = (mod && GS_KIND(mod) == GS_K_STR) ? (gs_Str *)mod : vm->s___main__;
    gs_incref(vm, t->module);
    t->inst_kind = (uint8_t)kind;
    t->native = base->native; /* a subclass's instances keep the base's C data */
    t->flags = GS_TF_HEAP | GS_TF_BASETYPE | (base->flags & (GS_TF_EXC | GS_TF_DICT | GS_TF_WEAK | GS_TF_CDICT));
    if (add_dict)
        t->flags |= GS_TF_DICT;
    if (add_weak)
        t->flags |= GS_TF_WEAK;
    t->mro = c3_mro(vm, t, bases, nb, &t->nmro);
    if (!t->mro)
        return class_abort(vm, t, NULL);
    t->dict = (gs_Dict *)gs_dict_copy(vm, ns);
    if (!t->dict)
        return class_abort(vm, t, NULL);
    gs_Object *d = &t->dict->ob;
    if (!gs_dict_get_str(vm, d, vm->s___module__) && vm->frame && vm->frame->globals) {
        /* type(name, bases, dict): type_new_set_module takes the caller's
         * globals' __name__ */
        gs_Object *mn = gs_dict_get_str(vm, vm->frame->globals, gs_name(vm, "__name__"));
        if (mn && gs_dict_set(vm, d, &vm->s___module__->ob, mn) < 0)
            return class_abort(vm, t, NULL);
    }
    gs_Object *cell = gs_dict_pop(vm, d, &gs_name(vm, "__classcell__")->ob);
    gs_Object *q = gs_dict_pop(vm, d, &vm->s___qualname__->ob);
    gs_xdecref(vm, q);
    if (class_wrap_special(vm, d, "__new__", vm->t_staticmethod) < 0 ||
        class_wrap_special(vm, d, "__init_subclass__", vm->t_classmethod) < 0 ||
        class_wrap_special(vm, d, "__class_getitem__", vm->t_classmethod) < 0)
        return class_abort(vm, t, cell);
    if (gs_type_lookup(t, vm->s___del__))
        t->flags |= GS_TF_HAS_DEL;
    gs_type_update_hooks(vm, t);
    class_hold_bases(vm, t);
    /* CPython 3.11 gives a class whose instances have a managed __dict__
     * (gs_type_managed_dict) shared keys of 64 slots with room for 30 names */
    t->sk_usable = -1;
    if (gs_type_managed_dict(vm, t)) {
        t->sk_usable = 30;
        t->sk_nentries = 0;
    }
    /* CPython's type holds a reference to itself from its MRO tuple; model
     * it so sys.getrefcount(cls) agrees (its descriptors, below, are real
     * objects that hold it). */
    t->internal_refs = 1;
    /* the descriptors will live in the class's dict, which is then a
     * container the collector tracks (and never untracks) */
    t->dict->owner = &t->ob;
    if (add_dict || add_weak || t->nslots)
        gs_gc_track(vm, &t->dict->ob);
    gs_record_alloc(vm, &t->ob);
    if (meta != vm->t_type) {
        /* an instance of a metaclass holds its class, as any object does */
        t->ob.type = meta;
        gs_incref_c(vm, &meta->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, GS_TSLOT_META));
    }
    gs_record_fields(vm, &t->ob); /* dict, base, bases, MRO */
    for (int32_t i = 0; i < t->internal_refs; i++) /* after the alloc, so the trace counts them */
        gs_incref_c(vm, &t->ob, GS_CAUSE(GS_CAUSE_INTERNAL, t->ob.id, GS_TSLOT_SELF));
    gs_gc_track(vm, &t->ob);
    /* PyType_Ready's add_members: a member descriptor per slot of its own,
     * in the dict after the namespace; the getset descriptors, __doc__ and
     * __hash__ come after them (class_fill_dict) */
    for (int32_t i = 0; i < t->nslots; i++) {
        gs_Object *md = gs_member_descr_new(vm, t, t->slot_base + i);
        if (!md || gs_dict_set(vm, d, &t->slots[t->slot_base + i]->ob, md) < 0) {
            gs_xdecref(vm, md);
            gs_xdecref(vm, cell);
            gs_decref(vm, t);
            return NULL;
        }
        gs_decref(vm, md);
    }
    if (class_phantoms_made(vm, t, meta, add_dict, add_weak) < 0) {
        gs_xdecref(vm, cell);
        gs_decref(vm, t);
        return NULL;
    }
    if (cell) {
        /* the __class__ cell of the methods that use super() or __class__ */
        if (GS_KIND(cell) != GS_K_CELL) {
            gs_Object *r = gs_repr(vm, cell);
            gs_raise(vm, vm->e_TypeError, "__classcell__ must be a nonlocal cell, not %s",
                     r ? ((gs_Str *)r)->data : "?");
            gs_xdecref(vm, r);
            gs_decref(vm, cell);
            gs_decref(vm, t);
            return NULL;
        }
        gs_Cell *c = (gs_Cell *)cell;
        gs_Object *old = c->ref;
        c->ref = gs_newref(vm, &t->ob);
        gs_record_field(vm, cell, 0, old, &t->ob);
        gs_xdecref(vm, old);
        gs_decref(vm, cell);
    }
    if (class_init_hooks(vm, t, kwargs, kwnames) < 0) {
        gs_decref(vm, t);
        return NULL;
    }
    return &t->ob;
}

gs_Object *gs_class_new(gs_VM *vm, gs_Str *name, gs_Type *base, gs_Object *ns)
{
    gs_Object *bases = gs_tuple_pack(vm, 1, &base->ob);
    if (!bases)
        return NULL;
    gs_Object *r = gs_type_new(vm, vm->t_type, name, bases, ns, NULL, NULL);
    gs_decref(vm, bases);
    return r;
}

/* The hooks of attribute access a class has (its MRO defines them in
 * Python): remembered so that plain instances pay nothing for them. */
void gs_type_update_hooks(gs_VM *vm, gs_Type *t)
{
    static const char *names[] = { "__getattribute__", "__getattr__", "__setattr__", "__delattr__" };
    t->hooks = 0;
    for (int i = 0; i < 4; i++) {
        gs_Object *m = gs_type_lookup(t, gs_name(vm, names[i]));
        /* (a module's C method made for a class counts: dataclasses' frozen __setattr__) */
        if (m && (GS_KIND(m) != GS_K_BUILTIN ||
                  (((gs_Builtin *)m)->owner && (((gs_Builtin *)m)->owner->flags & GS_TF_HEAP))))
            t->hooks |= (uint8_t)(1 << i);
    }
}

/* ================================================================== instances */

/* Every materialised __dict__ of the class's instances that still shares
 * its keys is sized by them: one place fewer, 8 bytes less each (the trace
 * hears of it; at most 29 times a class, so a walk over the heap). */
static void split_dicts_shrank(gs_VM *vm, gs_Type *t)
{
    if (!vm->recording || !vm->objtab)
        return;
    for (uint32_t id = 1; id < vm->objtab_cap; id++) {
        gs_Object *o = vm->objtab[id];
        if (o && GS_KIND(o) == GS_K_DICT && ((gs_Dict *)o)->t.kind == GS_DK_SPLIT && ((gs_Dict *)o)->owner &&
            ((gs_Dict *)o)->owner->type == t) {
            size_t now = gs_dict_sizeof(vm, o);
            gs_size_changed(vm, o, now + 8, now);
        }
    }
}

gs_Object *gs_instance_new(gs_VM *vm, gs_Type *t)
{
    if (t->inst_kind == GS_K_EXCEPTION)
        return gs_exception_new(vm, t, NULL);
    /* init_inline_values: each new instance takes one of the shared keys'
     * spare places while more than one is left, then gets a values array
     * of names + spare places */
    if ((t->flags & GS_TF_HEAP) && t->sk_usable > 1) {
        t->sk_usable--;
        if (t->spare & GS_TYPE_SPLIT_DICTS)
            split_dicts_shrank(vm, t);
    }
    gs_Instance *in = (gs_Instance *)gs_alloc(vm, t, (t->native ? t->native->size : sizeof(gs_Instance)) +
                                                   gs_class_extra_size(t, t->native ? t->native->size : sizeof(gs_Instance)));
    if (!in)
        return NULL;
    gs_table_init(&in->attrs);
    if ((t->flags & GS_TF_HEAP) && t->sk_usable >= 0)
        in->attrs.kind = GS_DK_SPLIT;
    in->dict = NULL;
    in->weakreflist = NULL;
    if (t != vm->t_object) /* object() instances are not containers in CPython */
        gs_gc_track(vm, &in->ob);
    return &in->ob;
}

gs_Object *gs_native_new(gs_VM *vm, gs_Type *t)
{
    const gs_NativeOps *ops = t->native;
    gs_Instance *in = (gs_Instance *)gs_alloc(vm, t, ops->size);
    if (!in)
        return NULL;
    gs_table_init(&in->attrs);
    if (ops->gc)
        gs_gc_track(vm, &in->ob);
    return &in->ob;
}

/* A class CPython writes in Python: plain instances, attributes only. */
static const gs_NativeOps plain_ops = { sizeof(gs_Instance), true, false, NULL, NULL, NULL, true, false, false, 0,
                                        NULL, NULL };

gs_Type *gs_native_type_new(gs_VM *vm, const char *full_name, const gs_NativeOps *ops, const gs_MethodDef *methods)
{
    if (!ops)
        ops = &plain_ops;
    gs_Type *t = gs_type_new_builtin(vm, full_name, vm->t_object, GS_K_INSTANCE, 0);
    const char *dot = strrchr(full_name, '.');
    if (dot)
        t->module = (gs_Str *)gs_str_intern(vm, full_name, (size_t)(dot - full_name));
    t->native = ops;
    if (methods)
        gs_type_add_methods(vm, t, methods);
    return t;
}

/* Reading obj.__dict__ creates the dict object (CPython 3.11 keeps
 * attribute values inline until then); from then on it is the storage. */
gs_Object *gs_instance_dict(gs_VM *vm, gs_Object *o)
{
    gs_InstPart *in = gs_inst_part(o);
    if (in->dict)
        return &in->dict->ob;
    gs_Dict *d = (gs_Dict *)gs_dict_new(vm);
    if (!d)
        return NULL;
    /* Move the table: references are unchanged, only their holder. */
    gs_table_free(&d->t);
    d->t = in->attrs;
    gs_table_init(&in->attrs);
    d->owner = o;
    in->dict = d;
    o->type->spare |= GS_TYPE_SPLIT_DICTS;
    /* the dict adopts the instance's values (or its own table, once the
     * attributes outgrew the class's keys): its size is theirs */
    gs_size_changed(vm, &d->ob, 64, gs_dict_sizeof(vm, &d->ob));
    if (vm->tm)
        gs_tm_materialise(vm, o, &d->ob);
    /* tracked if a value could be in a cycle (CPython's
     * make_dict_from_instance_attributes) */
    for (int32_t i = 0; i < d->t.nentries; i++)
        if (d->t.entries[i].key && d->t.entries[i].value && gs_gc_may_be_tracked(d->t.entries[i].value)) {
            gs_gc_track(vm, &d->ob);
            break;
        }
    if (vm->recording) {
        for (int32_t i = 0; i < d->t.nentries; i++) {
            gs_DictEntry *e = &d->t.entries[i];
            if (!e->key)
                continue;
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_ATTR, o->id, e->value->id, 0, gs_trace_name(vm, (gs_Str *)e->key));
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_VALUE, d->ob.id, 0, e->value->id, e->key->id);
        }
        bool sub = GS_KIND(o) != GS_K_INSTANCE && GS_KIND(o) != GS_K_EXCEPTION && GS_KIND(o) != GS_K_WEAKREF;
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, o->id, 0, d->ob.id, sub ? GS_OSLOT_DICT : 1);
    }
    return &d->ob;
}


/* ================================================================== small constructors */

gs_Object *gs_cell_new(gs_VM *vm, gs_Object *ref)
{
    gs_Cell *c = (gs_Cell *)gs_alloc(vm, vm->t_cell, sizeof(gs_Cell));
    if (!c)
        return NULL;
    c->ref = ref;
    if (ref)
        gs_incref_c(vm, ref, GS_CAUSE(GS_CAUSE_INTERNAL, c->ob.id, 0));
    gs_record_fields(vm, &c->ob);
    gs_gc_track(vm, &c->ob);
    return &c->ob;
}

gs_Object *gs_builtin_new(gs_VM *vm, const char *name, gs_CFunc fn, int min, int max, gs_Object *self)
{
    gs_Builtin *b = (gs_Builtin *)gs_alloc(vm, vm->t_builtin, sizeof(gs_Builtin));
    if (!b)
        return NULL;
    b->name = name;
    b->fn = fn;
    b->min_args = (int16_t)min;
    b->max_args = (int16_t)max;
    b->self = self;
    b->owner = self ? self->type : NULL;
    gs_record_alloc(vm, &b->ob);
    if (self) {
        gs_incref_c(vm, self, GS_CAUSE(GS_CAUSE_INTERNAL, b->ob.id, 0));
        gs_record_fields(vm, &b->ob);
    }
    /* CPython's builtin functions and method descriptors are tracked
     * containers, bound or not (gc.is_tracked(print) is True) */
    gs_gc_track(vm, &b->ob);
    return &b->ob;
}

gs_Object *gs_method_new(gs_VM *vm, gs_Object *func, gs_Object *self)
{
    gs_Method *m = (gs_Method *)gs_alloc(vm, vm->t_method, sizeof(gs_Method));
    if (!m)
        return NULL;
    m->func = func;
    m->self = self;
    gs_incref_c(vm, func, GS_CAUSE(GS_CAUSE_INTERNAL, m->ob.id, 0));
    gs_incref_c(vm, self, GS_CAUSE(GS_CAUSE_INTERNAL, m->ob.id, 1));
    gs_record_fields(vm, &m->ob);
    gs_gc_track(vm, &m->ob);
    return &m->ob;
}
