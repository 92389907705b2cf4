/*
 * functools.c — the functools module: reduce, partial, lru_cache and cache
 * (the _lru_cache_wrapper of Modules/_functoolsmodule.c), wraps and
 * update_wrapper, total_ordering, cached_property, cmp_to_key,
 * singledispatch, partialmethod and singledispatchmethod.
 *
 * The lru_cache wrapper holds its keys and results as CPython's C
 * implementation does: a dict from key to a link (a small object that is
 * not a GC container) and a doubly linked list of the links, oldest first;
 * each link holds its key and its result, and the list holds one reference
 * to each link besides the dict's.  The key of a call is its argument tuple
 * itself, or the lone argument when it is an int or a str (and no
 * keywords, not typed).  As in CPython, the wrapper's traverse reports
 * every link's key and result (so the collector sees them as the
 * wrapper's), then the dict, the function and the keyword marker.  An
 * unbounded cache (maxsize=None) maps keys straight to results; maxsize=0
 * caches nothing.
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

typedef struct FtState {
    gs_Type *t_partial, *t_lru, *t_link, *t_cacheinfo, *t_lru_maker, *t_cached_property, *t_derived, *t_params;
    gs_Type *t_key;           /* functools.KeyWrapper (cmp_to_key) */
    gs_Type *t_dispatch;      /* singledispatch's wrapper (a function in CPython) */
    gs_Type *t_partialmethod, *t_pm_method; /* partialmethod, and its _make_unbound_method()'s function */
    gs_Type *t_sdm, *t_sdm_method;          /* singledispatchmethod, and the function its __get__ makes */
    gs_Object *kwd_mark;      /* the C module's kwd_mark = object(): shared by every wrapper (owned) */
    gs_Object *update_wrapper; /* the module's update_wrapper, for wraps (owned) */
} FtState;

static FtState *state(gs_VM *vm) { return vm->modstate[GS_MS_FUNCTOOLS]; }

static gs_Object *attr_get(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Instance *in = (gs_Instance *)o;
    gs_DictTable *t = in->dict ? &in->dict->t : &in->attrs;
    int32_t ix = gs_table_lookup_str(t, gs_name(vm, name));
    return ix >= 0 ? t->entries[ix].value : NULL;
}

static int set_attr_steal(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    if (!v)
        return -1;
    int r = gs_setattr(vm, o, gs_name(vm, name), v);
    gs_decref(vm, v);
    return r;
}

/* field = v of a native object (steals v), recorded as field `what` */
static void field_set(gs_VM *vm, gs_Object *o, gs_Object **field, uint32_t what, gs_Object *v)
{
    gs_Object *old = *field;
    *field = v;
    gs_record_field(vm, o, what, old, v);
    if (old)
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, what));
}

static bool callable(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_FUNCTION || k == GS_K_BUILTIN || k == GS_K_METHOD || k == GS_K_TYPE)
        return true;
    return gs_type_lookup(o->type, vm->s___call__) != NULL;
}

/* ================================================================== reduce */

static gs_Object *m_reduce(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "reduce", kwnames) < 0 || gs_check_args(vm, "reduce", nargs, 2, 3) < 0)
        return NULL;
    gs_Object *it = gs_iter(vm, args[1]);
    if (!it) {
        if (gs_exc_matches(vm, vm->e_TypeError)) {
            gs_clear_exc(vm);
            gs_raise(vm, vm->e_TypeError, "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    gs_Object *result = nargs > 2 ? gs_newref(vm, args[2]) : NULL;
    gs_Object *item;
    while ((item = gs_next(vm, it)) != NULL) {
        if (!result) {
            result = item;
            continue;
        }
        gs_Object *argv[2] = { result, item };
        gs_Object *r = gs_call_object(vm, args[0], argv, 2, NULL);
        gs_decref(vm, result);
        gs_decref(vm, item);
        result = r;
        if (!r)
            break;
    }
    gs_decref(vm, it);
    if (vm->exc) {
        gs_xdecref(vm, result);
        return NULL;
    }
    if (!result)
        gs_raise(vm, vm->e_TypeError, "reduce() of empty iterable with no initial value");
    return result;
}

/* ================================================================== partial */

typedef struct Partial {
    gs_Instance inst;      /* attributes: the partial's __dict__ */
    gs_Object *fn, *args, *kw;
} Partial;

static int partial_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    Partial *p = (Partial *)o;
    gs_Object *f[3] = { p->fn, p->args, p->kw };
    for (int i = 0; i < 3; i++)
        if (f[i]) {
            int r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 20 + (uint32_t)i), arg);
            if (r)
                return r;
        }
    return 0;
}

static void partial_clear(gs_VM *vm, gs_Object *o)
{
    Partial *p = (Partial *)o;
    field_set(vm, o, &p->fn, 20, NULL);
    field_set(vm, o, &p->args, 21, NULL);
    field_set(vm, o, &p->kw, 22, NULL);
}

static const gs_NativeOps partial_ops = { sizeof(Partial), true, true, partial_traverse, partial_clear, NULL,
                                          true, true, false, 0, NULL, NULL };

static gs_Object *partial_make(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "type 'partial' takes at least one argument");
        return NULL;
    }
    gs_Object *func = args[0];
    gs_Object *pargs = NULL, *pkw = NULL;
    if (GS_KIND(func) == GS_K_INSTANCE && func->type->native == &partial_ops) {
        gs_Instance *in = (gs_Instance *)func;
        if (!in->dict && in->attrs.used == 0) { /* part->dict == NULL */
            pargs = ((Partial *)func)->args;
            pkw = ((Partial *)func)->kw;
            func = ((Partial *)func)->fn;
        }
    }
    if (!callable(vm, func)) {
        gs_raise(vm, vm->e_TypeError, "the first argument must be callable");
        return NULL;
    }
    gs_Object *o = gs_native_new(vm, t);
    if (!o)
        return NULL;
    Partial *p = (Partial *)o;
    p->fn = gs_newref(vm, func);
    int np = pargs ? ((gs_Tuple *)pargs)->len : 0;
    gs_Object *at = gs_tuple_new(vm, np + npos - 1);
    if (at) {
        for (int i = 0; i < np; i++)
            gs_tuple_init(vm, at, i, gs_newref(vm, ((gs_Tuple *)pargs)->items[i]));
        for (int i = 1; i < npos; i++)
            gs_tuple_init(vm, at, np + i - 1, gs_newref(vm, args[i]));
    }
    p->args = at;
    gs_Object *kw = pkw && ((gs_Dict *)pkw)->t.used ? gs_dict_copy(vm, pkw) : gs_dict_new(vm);
    for (int i = 0; kw && kwnames && i < kwnames->len; i++)
        if (gs_dict_set(vm, kw, kwnames->items[i], args[npos + i]) < 0) {
            gs_decref(vm, kw);
            kw = NULL;
        }
    p->kw = kw;
    gs_record_fields(vm, o);
    if (!at || !kw) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

static gs_Object *partial_new(GS_ARGS) { return partial_make(vm, (gs_Type *)self, args, nargs, kwnames); }

/* fn(*self.args, *args, **{**self.keywords, **kwargs}) */
static gs_Object *partial_call(GS_ARGS)
{
    Partial *p = (Partial *)self;
    if (!p->fn) {
        gs_raise(vm, vm->e_TypeError, "'functools.partial' object is not callable");
        return NULL;
    }
    int npos = gs_npos(nargs, kwnames);
    gs_Tuple *pa = (gs_Tuple *)p->args;
    gs_Dict *pk = (gs_Dict *)p->kw;
    int nkw_call = kwnames ? kwnames->len : 0;
    int total = pa->len + npos + pk->t.used + nkw_call;
    gs_Object **argv = malloc(sizeof(gs_Object *) * (size_t)(total ? total : 1));
    if (!argv) {
        gs_raise_memory(vm);
        return NULL;
    }
    int n = 0;
    for (int32_t i = 0; i < pa->len; i++)
        argv[n++] = pa->items[i];
    for (int i = 0; i < npos; i++)
        argv[n++] = args[i];
    gs_Object *names = NULL;
    int nkw = 0;
    if (pk->t.used || nkw_call) {
        /* the keywords: the partial's, overridden by the call's */
        gs_Object *merged = pk->t.used ? gs_dict_copy(vm, p->kw) : gs_dict_new(vm);
        for (int i = 0; merged && i < nkw_call; i++)
            if (gs_dict_set(vm, merged, kwnames->items[i], args[npos + i]) < 0) {
                gs_decref(vm, merged);
                merged = NULL;
            }
        if (!merged) {
            free(argv);
            return NULL;
        }
        nkw = ((gs_Dict *)merged)->t.used;
        names = gs_tuple_new(vm, nkw);
        int32_t pos = 0;
        gs_Object *k, *v;
        for (int i = 0; names && gs_dict_next(merged, &pos, &k, &v); i++) {
            gs_tuple_init(vm, names, i, gs_newref(vm, k));
            argv[n + i] = v;
        }
        gs_Object *fn = gs_newref(vm, p->fn);
        gs_Object *r = names ? gs_call_object(vm, fn, argv, n + nkw, (gs_Tuple *)names) : NULL;
        gs_decref(vm, fn);
        gs_xdecref(vm, names);
        gs_decref(vm, merged);
        free(argv);
        return r;
    }
    gs_Object *fn = gs_newref(vm, p->fn);
    gs_Object *r = gs_call_object(vm, fn, argv, n, NULL);
    gs_decref(vm, fn);
    free(argv);
    return r;
}

static gs_Object *partial_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    Partial *p = (Partial *)self;
    int st = gs_repr_enter(vm, self);
    if (st != 0)
        return st < 0 ? NULL : gs_str_from_cstr(vm, "...");
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_printf(&b, "%s(", self->type->name->data);
    gs_Object *r = gs_repr(vm, p->fn);
    bool ok = r != NULL;
    if (r) {
        gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
        gs_decref(vm, r);
    }
    for (int32_t i = 0; ok && i < ((gs_Tuple *)p->args)->len; i++) {
        r = gs_repr(vm, ((gs_Tuple *)p->args)->items[i]);
        ok = r != NULL;
        if (r) {
            gs_buf_adds(&b, ", ");
            gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
            gs_decref(vm, r);
        }
    }
    int32_t pos = 0;
    gs_Object *k, *v;
    while (ok && gs_dict_next(p->kw, &pos, &k, &v)) {
        gs_Object *ks = gs_str(vm, k);
        r = ks ? gs_repr(vm, v) : NULL;
        ok = r != NULL;
        if (r) {
            gs_buf_printf(&b, ", %s=", ((gs_Str *)ks)->data);
            gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
            gs_decref(vm, r);
        }
        gs_xdecref(vm, ks);
    }
    gs_repr_leave(vm, self);
    if (!ok) {
        gs_buf_free(&b);
        return NULL;
    }
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

static gs_Object *partial_func(GS_ARGS) { GS_UNUSED_ARGS; return gs_newref(vm, ((Partial *)self)->fn); }
static gs_Object *partial_args(GS_ARGS) { GS_UNUSED_ARGS; return gs_newref(vm, ((Partial *)self)->args); }
static gs_Object *partial_keywords(GS_ARGS) { GS_UNUSED_ARGS; return gs_newref(vm, ((Partial *)self)->kw); }

/* ================================================================== update_wrapper, wraps */

static const char *const wrapper_assignments[] = { "__module__", "__name__", "__qualname__", "__doc__",
                                                    "__annotations__" };
enum { N_ASSIGNED = 5 };

static int do_update_wrapper(gs_VM *vm, gs_Object *wrapper, gs_Object *wrapped, gs_Object *assigned, gs_Object *updated)
{
    /* for attr in assigned: try: value = getattr(wrapped, attr) except AttributeError: pass
     *                        else: setattr(wrapper, attr, value) */
    gs_Object *names = assigned;
    gs_Object *it = names ? gs_iter(vm, names) : NULL;
    if (names && !it)
        return -1;
    for (int i = 0;; i++) {
        gs_Object *name;
        if (it) {
            name = gs_next(vm, it);
            if (!name) {
                if (vm->exc)
                    goto fail;
                break;
            }
        } else {
            if (i == N_ASSIGNED)
                break;
            name = gs_str_from_cstr(vm, wrapper_assignments[i]);
            if (!name)
                goto fail;
        }
        if (GS_KIND(name) != GS_K_STR) {
            gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(name));
            gs_decref(vm, name);
            goto fail;
        }
        /* attribute names are interned (the runtime compares special names by identity) */
        gs_Str *iname = gs_name(vm, ((gs_Str *)name)->data);
        gs_decref(vm, name);
        name = gs_newref(vm, &iname->ob);
        gs_Object *value = gs_getattr(vm, wrapped, (gs_Str *)name);
        if (!value) {
            if (!gs_exc_matches(vm, vm->e_AttributeError)) {
                gs_decref(vm, name);
                goto fail;
            }
            gs_clear_exc(vm);
            /* what CPython's functions have and the model's do not: a __doc__
             * (None without a docstring) and an __annotations__ dict */
            if (GS_KIND(wrapped) == GS_K_FUNCTION && name == &vm->s___doc__->ob)
                value = GS_NONE(vm);
            else if (GS_KIND(wrapped) == GS_K_FUNCTION && name == &gs_name(vm, "__annotations__")->ob)
                value = gs_dict_new(vm);
            if (!value) {
                gs_decref(vm, name);
                if (vm->exc)
                    goto fail;
                continue;
            }
        }
        int r = gs_setattr(vm, wrapper, (gs_Str *)name, value);
        gs_decref(vm, value);
        gs_decref(vm, name);
        if (r < 0)
            goto fail;
    }
    gs_xdecref(vm, it);
    it = NULL;
    /* for attr in updated: getattr(wrapper, attr).update(getattr(wrapped, attr, {})) */
    {
        gs_Object *upd = updated ? gs_iter(vm, updated) : NULL;
        if (updated && !upd)
            return -1;
        for (int i = 0;; i++) {
            gs_Object *name;
            if (upd) {
                name = gs_next(vm, upd);
                if (!name) {
                    if (vm->exc) {
                        gs_decref(vm, upd);
                        return -1;
                    }
                    break;
                }
            } else {
                if (i == 1)
                    break;
                name = gs_newref(vm, &vm->s___dict__->ob);
            }
            int r = -1;
            if (GS_KIND(name) == GS_K_STR) {
                gs_Str *iname = gs_name(vm, ((gs_Str *)name)->data);
                gs_decref(vm, name);
                name = gs_newref(vm, &iname->ob);
                gs_Object *target = gs_getattr(vm, wrapper, (gs_Str *)name);
                gs_Object *src = target ? gs_lookup_attr(vm, wrapped, (gs_Str *)name) : NULL;
                if (target && !vm->exc) {
                    /* getattr(wrapped, attr, {}): the default dict is made either way */
                    if (src)
                        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_dict, 0));
                    gs_Object *upm = gs_getattr(vm, target, gs_name(vm, "update"));
                    gs_Object *arg = src ? src : gs_dict_new(vm);
                    gs_Object *res = upm && arg ? gs_call_object(vm, upm, &arg, 1, NULL) : NULL;
                    r = res ? 0 : -1;
                    gs_xdecref(vm, res);
                    gs_xdecref(vm, upm);
                    if (!src)
                        gs_xdecref(vm, arg);
                }
                gs_xdecref(vm, src);
                gs_xdecref(vm, target);
            } else
                gs_raise(vm, vm->e_TypeError, "attribute name must be string, not '%s'", gs_type_name(name));
            gs_decref(vm, name);
            if (r < 0) {
                gs_xdecref(vm, upd);
                return -1;
            }
        }
        gs_xdecref(vm, upd);
    }
    /* wrapper.__wrapped__ = wrapped */
    return gs_setattr(vm, wrapper, gs_name(vm, "__wrapped__"), wrapped);
fail:
    gs_xdecref(vm, it);
    return -1;
}

static gs_Object *m_update_wrapper(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "wrapper", "wrapped", "assigned", "updated" };
    gs_Object *a[4];
    if (gs_pyargs(vm, "update_wrapper", args, nargs, kwnames, names, 4, 4, 2, a) < 0)
        return NULL;
    if (do_update_wrapper(vm, a[0], a[1], a[2], a[3]) < 0)
        return NULL;
    return gs_newref(vm, a[0]);
}

/* wraps(wrapped, assigned=..., updated=...):
 * partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated) */
static gs_Object *m_wraps(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "wrapped", "assigned", "updated" };
    gs_Object *a[3];
    if (gs_pyargs(vm, "wraps", args, nargs, kwnames, names, 3, 3, 1, a) < 0)
        return NULL;
    FtState *st = state(vm);
    gs_Object *assigned = a[1], *updated = a[2], *made_a = NULL, *made_u = NULL;
    if (!assigned) {
        made_a = gs_tuple_new(vm, N_ASSIGNED);
        for (int i = 0; made_a && i < N_ASSIGNED; i++)
            gs_tuple_init(vm, made_a, i, gs_str_from_cstr(vm, wrapper_assignments[i]));
        assigned = made_a;
    }
    if (!updated) {
        made_u = gs_tuple_pack(vm, 1, &vm->s___dict__->ob);
        updated = made_u;
    }
    gs_Object *r = NULL;
    if (assigned && updated) {
        gs_Object *kn = gs_tuple_pack(vm, 3, &gs_name(vm, "wrapped")->ob, &gs_name(vm, "assigned")->ob,
                                      &gs_name(vm, "updated")->ob);
        gs_Object *argv[4] = { st->update_wrapper, a[0], assigned, updated };
        r = kn ? partial_make(vm, st->t_partial, argv, 4, (gs_Tuple *)kn) : NULL;
        gs_xdecref(vm, kn);
    }
    gs_xdecref(vm, made_a);
    gs_xdecref(vm, made_u);
    return r;
}

/* ================================================================== lru_cache */

typedef struct Link Link;

/* the decorating_function lru_cache(maxsize, typed) returns, and the
 * closure of cache_parameters: maxsize and typed */
typedef struct LruMaker {
    gs_Instance inst;
    int64_t maxsize;
    bool typed;
} LruMaker;

typedef struct Lru {
    gs_Instance inst;     /* attributes: the wrapper's __dict__ */
    gs_Object *cache;     /* dict: key -> link (bounded) or key -> result (maxsize=None) */
    gs_Object *func;
    gs_Object *kwd_mark;
    Link *first, *last;   /* the list of links, oldest first (root.next .. root.prev) */
    int64_t hits, misses, maxsize; /* maxsize -1: None */
    bool typed;
} Lru;

struct Link {             /* _lru_list_elem: not a GC container */
    gs_Instance inst;
    Link *prev, *next;    /* borrowed: the list's reference is counted in the wrapper */
    gs_Object *owner;     /* the wrapper whose traverse reports key and result (borrowed) */
    int64_t hash;
    gs_Object *key, *result;
};

/* the trace's field numbers of a link's references, held (for the collector) by the wrapper */
static uint32_t link_what(Link *l, int k) { return 100 + l->inst.ob.id * 3u + (uint32_t)k; }

static int lru_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    Lru *c = (Lru *)o;
    int r;
    for (Link *l = c->first; l; l = l->next) {
        if (l->key && (r = fn(vm, o, l->key, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, link_what(l, 0)), arg)))
            return r;
        if (l->result && (r = fn(vm, o, l->result, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, link_what(l, 1)), arg)))
            return r;
        /* the list's reference to the link (CPython visits the link's type here) */
        if ((r = fn(vm, o, &l->inst.ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, link_what(l, 2)), arg)))
            return r;
    }
    gs_Object *f[3] = { c->cache, c->func, c->kwd_mark };
    for (int i = 0; i < 3; i++)
        if (f[i] && (r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 20 + (uint32_t)i), arg)))
            return r;
    return 0;
}

static void link_release(gs_VM *vm, gs_Object *o)
{
    Link *l = (Link *)o;
    gs_Object *k = l->key, *r = l->result;
    l->key = l->result = NULL;
    gs_Object *h = l->owner ? l->owner : o;
    if (k) {
        gs_record_field(vm, h, link_what(l, 0), k, NULL);
        gs_decref_c(vm, k, GS_CAUSE(GS_CAUSE_INTERNAL, h->id, link_what(l, 0)));
    }
    if (r) {
        gs_record_field(vm, h, link_what(l, 1), r, NULL);
        gs_decref_c(vm, r, GS_CAUSE(GS_CAUSE_INTERNAL, h->id, link_what(l, 1)));
    }
}

static const gs_NativeOps link_ops = { sizeof(Link), false, false, NULL, link_release, NULL, false, false, false, 0,
                                       NULL, NULL };

/* lru_cache_unlink_list then lru_cache_clear_list: the list lets go of each link */
static void lru_drop_list(gs_VM *vm, gs_Object *o, Link *list)
{
    while (list) {
        Link *next = list->next;
        list->prev = list->next = NULL;
        gs_record_field(vm, o, link_what(list, 2), &list->inst.ob, NULL);
        gs_decref_c(vm, &list->inst.ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, link_what(list, 2)));
        list = next;
    }
}

static void lru_clear(gs_VM *vm, gs_Object *o)
{
    Lru *c = (Lru *)o;
    Link *list = c->first;
    c->first = c->last = NULL;
    field_set(vm, o, &c->cache, 20, NULL);
    field_set(vm, o, &c->func, 21, NULL);
    field_set(vm, o, &c->kwd_mark, 22, NULL);
    lru_drop_list(vm, o, list);
}

static const gs_NativeOps lru_ops = { sizeof(Lru), true, true, lru_traverse, lru_clear, NULL, true, true, true, 0,
                                      NULL, NULL };

static void list_extract(Lru *c, Link *l)
{
    if (l->prev)
        l->prev->next = l->next;
    else
        c->first = l->next;
    if (l->next)
        l->next->prev = l->prev;
    else
        c->last = l->prev;
    l->prev = l->next = NULL;
}

static void list_append(Lru *c, Link *l)
{
    l->prev = c->last;
    l->next = NULL;
    if (c->last)
        c->last->next = l;
    else
        c->first = l;
    c->last = l;
}

static void list_prepend(Lru *c, Link *l)
{
    l->next = c->first;
    l->prev = NULL;
    if (c->first)
        c->first->prev = l;
    else
        c->last = l;
    c->first = l;
}

/* lru_cache_make_key: the argument tuple itself, or its lone int/str item */
static gs_Object *make_key(gs_VM *vm, Lru *c, gs_Object *argt, gs_Object **kwv, gs_Tuple *kwnames)
{
    gs_Tuple *a = (gs_Tuple *)argt;
    int nkw = kwnames ? kwnames->len : 0;
    if (!c->typed && !nkw) {
        if (a->len == 1) {
            gs_Object *k = a->items[0];
            if ((GS_KIND(k) == GS_K_STR && k->type == vm->t_str) || (GS_KIND(k) == GS_K_INT && k->type == vm->t_int))
                return gs_newref(vm, k);
        }
        return gs_newref(vm, argt);
    }
    int size = a->len + (nkw ? nkw * 2 + 1 : 0) + (c->typed ? a->len + nkw : 0);
    gs_Object *key = gs_tuple_new(vm, size);
    if (!key)
        return NULL;
    int pos = 0;
    for (int32_t i = 0; i < a->len; i++)
        gs_tuple_init(vm, key, pos++, gs_newref(vm, a->items[i]));
    if (nkw) {
        gs_tuple_init(vm, key, pos++, gs_newref(vm, c->kwd_mark));
        for (int i = 0; i < nkw; i++) {
            gs_tuple_init(vm, key, pos++, gs_newref(vm, kwnames->items[i]));
            gs_tuple_init(vm, key, pos++, gs_newref(vm, kwv[i]));
        }
    }
    if (c->typed) {
        for (int32_t i = 0; i < a->len; i++)
            gs_tuple_init(vm, key, pos++, gs_newref(vm, &a->items[i]->type->ob));
        for (int i = 0; i < nkw; i++)
            gs_tuple_init(vm, key, pos++, gs_newref(vm, &kwv[i]->type->ob));
    }
    return key;
}

/* the cache dict's entry for key: borrowed value or NULL (error or absent) */
static gs_Object *cache_get(gs_VM *vm, gs_Object *cache, gs_Object *key, int64_t hash)
{
    bool err = false;
    int32_t ix = gs_table_find(vm, &((gs_Dict *)cache)->t, key, hash, &err);
    return ix >= 0 ? ((gs_Dict *)cache)->t.entries[ix].value : NULL;
}

static gs_Object *lru_call_body(GS_ARGS);

/* The wrapper is called through tp_call (_PyObject_MakeTpCall), a C call
 * one level deeper than its caller: a recursive function under lru_cache
 * goes half as deep as a plain one (fib(498), not fib(998)). */
static gs_Object *lru_call(GS_ARGS)
{
    if (vm->depth + vm->c_levels + 1 > vm->recursion_limit) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return NULL;
    }
    vm->c_levels++;
    gs_Object *r = lru_call_body(vm, self, args, nargs, kwnames);
    vm->c_levels--;
    return r;
}

static gs_Object *lru_call_body(GS_ARGS)
{
    Lru *c = (Lru *)self;
    if (!c->func || !c->cache) {
        gs_raise(vm, vm->e_TypeError, "'functools._lru_cache_wrapper' object is not callable");
        return NULL;
    }
    int npos = gs_npos(nargs, kwnames);
    /* tp_call: the argument tuple (and a dict of the keywords) */
    gs_Object *argt = gs_tuple_new(vm, npos);
    if (!argt)
        return NULL;
    for (int i = 0; i < npos; i++)
        gs_tuple_init(vm, argt, i, gs_newref(vm, args[i]));
    gs_Object *kwd = kwnames && kwnames->len ? gs_phantom_alloc(vm, vm->t_dict, 0) : NULL;
    gs_Object *func = gs_newref(vm, c->func);
    gs_Object *result = NULL, *key = NULL;
    gs_incref(vm, self);
    if (c->maxsize == 0) { /* uncached_lru_cache_wrapper */
        c->misses++;
        result = gs_call_object(vm, func, args, nargs, kwnames);
        goto done;
    }
    key = make_key(vm, c, argt, args ? args + npos : NULL, kwnames);
    if (!key)
        goto done;
    int64_t hash = gs_hash(vm, key);
    if (hash == -1 && vm->exc)
        goto done;
    gs_Object *found = cache_get(vm, c->cache, key, hash);
    if (vm->exc)
        goto done;
    if (c->maxsize < 0) { /* infinite_lru_cache_wrapper */
        if (found) {
            c->hits++;
            result = gs_newref(vm, found);
            goto done;
        }
        c->misses++;
        result = gs_call_object(vm, func, args, nargs, kwnames);
        if (result && c->cache && gs_dict_set(vm, c->cache, key, result) < 0) {
            gs_decref(vm, result);
            result = NULL;
        }
        goto done;
    }
    if (found) {
        Link *l = (Link *)found;
        list_extract(c, l);
        list_append(c, l);
        c->hits++;
        result = gs_newref(vm, l->result);
        goto done;
    }
    c->misses++;
    result = gs_call_object(vm, func, args, nargs, kwnames);
    if (!result || !c->cache)
        goto done;
    if (cache_get(vm, c->cache, key, hash) || vm->exc) {
        /* the call put the key in the cache meanwhile */
        if (vm->exc) {
            gs_decref(vm, result);
            result = NULL;
        }
        goto done;
    }
    if (((gs_Dict *)c->cache)->t.used < c->maxsize || !c->first) {
        gs_Object *lo = gs_native_new(vm, state(vm)->t_link);
        if (!lo) {
            gs_decref(vm, result);
            result = NULL;
            goto done;
        }
        Link *l = (Link *)lo;
        l->owner = self;
        l->hash = hash;
        l->key = gs_newref(vm, key);
        l->result = gs_newref(vm, result);
        gs_record_field(vm, self, link_what(l, 0), NULL, key);
        gs_record_field(vm, self, link_what(l, 1), NULL, result);
        if (gs_dict_set(vm, c->cache, key, lo) < 0) {
            gs_decref(vm, lo);
            gs_decref(vm, result);
            result = NULL;
            goto done;
        }
        /* the creation reference stays: the list's */
        gs_record_field(vm, self, link_what(l, 2), NULL, lo);
        list_append(c, l);
        goto done;
    }
    /* full: reuse the oldest link for the new key and result */
    Link *l = c->first;
    list_extract(c, l);
    gs_Object *popresult = gs_dict_pop(vm, c->cache, l->key);
    if (!popresult) {
        if (vm->exc) {
            list_prepend(c, l);
            gs_decref(vm, result);
            result = NULL;
        } else {
            /* an orphan: the list lets go of it */
            gs_record_field(vm, self, link_what(l, 2), &l->inst.ob, NULL);
            gs_decref_c(vm, &l->inst.ob, GS_CAUSE(GS_CAUSE_INTERNAL, self->id, link_what(l, 2)));
        }
        goto done;
    }
    gs_Object *oldkey = l->key, *oldresult = l->result;
    l->hash = hash;
    l->key = gs_newref(vm, key);
    l->result = gs_newref(vm, result);
    gs_record_field(vm, self, link_what(l, 0), oldkey, key);
    gs_record_field(vm, self, link_what(l, 1), oldresult, result);
    if (gs_dict_set(vm, c->cache, key, &l->inst.ob) < 0) {
        gs_record_field(vm, self, link_what(l, 2), &l->inst.ob, NULL);
        gs_decref(vm, popresult);
        gs_decref_c(vm, &l->inst.ob, GS_CAUSE(GS_CAUSE_INTERNAL, self->id, link_what(l, 2)));
        gs_decref_c(vm, oldkey, GS_CAUSE(GS_CAUSE_INTERNAL, self->id, link_what(l, 0)));
        gs_decref_c(vm, oldresult, GS_CAUSE(GS_CAUSE_INTERNAL, self->id, link_what(l, 1)));
        gs_decref(vm, result);
        result = NULL;
        goto done;
    }
    list_append(c, l);
    gs_decref(vm, popresult);
    gs_decref_c(vm, oldkey, GS_CAUSE(GS_CAUSE_INTERNAL, self->id, link_what(l, 0)));
    gs_decref_c(vm, oldresult, GS_CAUSE(GS_CAUSE_INTERNAL, self->id, link_what(l, 1)));
done:
    gs_xdecref(vm, key);
    gs_decref(vm, func);
    gs_decref(vm, argt);
    gs_phantom_free(vm, kwd);
    gs_decref(vm, self);
    return result;
}

static gs_Object *lru_cache_info(GS_ARGS)
{
    GS_UNUSED_ARGS;
    Lru *c = (Lru *)self;
    /* PyObject_CallFunction(_CacheInfo, "nnnn", ...): its argument tuple, the
     * class call's, and the tuple the namedtuple's __new__ packs */
    gs_Object *t1 = gs_phantom_alloc(vm, vm->t_tuple, 4);
    gs_Object *t2 = gs_phantom_alloc(vm, vm->t_tuple, 4);
    gs_Object *t3 = gs_phantom_alloc(vm, vm->t_tuple, 4);
    gs_phantom_free(vm, t3);
    gs_phantom_free(vm, t2);
    gs_phantom_free(vm, t1);
    gs_Object *o = gs_native_new(vm, state(vm)->t_cacheinfo);
    if (!o)
        return NULL;
    int64_t cur = c->cache ? ((gs_Dict *)c->cache)->t.used : 0;
    if (set_attr_steal(vm, o, "hits", gs_int_new(vm, c->hits)) < 0 ||
        set_attr_steal(vm, o, "misses", gs_int_new(vm, c->misses)) < 0 ||
        set_attr_steal(vm, o, "maxsize", c->maxsize < 0 ? GS_NONE(vm) : gs_int_new(vm, c->maxsize)) < 0 ||
        set_attr_steal(vm, o, "currsize", gs_int_new(vm, cur)) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

static gs_Object *lru_cache_clear(GS_ARGS)
{
    GS_UNUSED_ARGS;
    Lru *c = (Lru *)self;
    Link *list = c->first;
    c->first = c->last = NULL;
    c->hits = c->misses = 0;
    if (c->cache)
        gs_dict_clear(vm, c->cache);
    lru_drop_list(vm, self, list);
    return GS_NONE(vm);
}

static gs_Object *lru_cache_parameters(GS_ARGS)
{
    GS_UNUSED_ARGS;
    LruMaker *c = (LruMaker *)self;
    gs_Object *d = gs_dict_new(vm);
    gs_Object *m = c->maxsize < 0 ? GS_NONE(vm) : gs_int_new(vm, c->maxsize);
    int err = !d || !m || gs_dict_set(vm, d, &gs_name(vm, "maxsize")->ob, m) < 0 ||
              gs_dict_set(vm, d, &gs_name(vm, "typed")->ob, c->typed ? vm->true_ : vm->false_) < 0;
    gs_xdecref(vm, m);
    if (err) {
        gs_xdecref(vm, d);
        return NULL;
    }
    return d;
}

static gs_Object *lru_self(GS_ARGS) { GS_UNUSED_ARGS; return gs_newref(vm, self); }

static const gs_NativeOps params_ops;

/* _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type), then
 * update_wrapper(wrapper, user_function) */
static gs_Object *lru_wrap(gs_VM *vm, gs_Object *func, int64_t maxsize, bool typed)
{
    if (!callable(vm, func)) {
        gs_raise(vm, vm->e_TypeError, "the first argument must be callable");
        return NULL;
    }
    FtState *st = state(vm);
    /* _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo): tp_call packs the arguments */
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, 4));
    gs_Object *o = gs_native_new(vm, st->t_lru);
    if (!o)
        return NULL;
    Lru *c = (Lru *)o;
    c->cache = gs_dict_new(vm);
    c->func = gs_newref(vm, func);
    c->kwd_mark = gs_newref(vm, st->kwd_mark);
    c->maxsize = maxsize;
    c->typed = typed;
    gs_record_fields(vm, o);
    /* wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}: the first
     * attribute set makes the wrapper's __dict__ (a real dict in CPython: tp_dictoffset) */
    gs_Object *params = c->cache ? gs_native_new(vm, st->t_params) : NULL;
    gs_Object *cp = NULL;
    if (params) {
        ((LruMaker *)params)->maxsize = maxsize;
        ((LruMaker *)params)->typed = typed;
        cp = gs_builtin_new(vm, "cache_parameters", lru_cache_parameters, 0, 0, params);
        gs_decref(vm, params);
    }
    if (!cp || !gs_instance_dict(vm, o) || set_attr_steal(vm, o, "cache_parameters", cp) < 0 ||
        do_update_wrapper(vm, o, func, NULL, NULL) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

static const gs_NativeOps maker_ops = { sizeof(LruMaker), true, false, NULL, NULL, NULL, false, true, true, 0, NULL,
                                        NULL };
/* cache_parameters' closure: CPython's two cells (maxsize, typed) beside the closure tuple */
static const gs_NativeOps params_ops = { sizeof(LruMaker), true, false, NULL, NULL, NULL, false, true, false, 2,
                                         NULL, NULL };

static gs_Object *maker_call(GS_ARGS)
{
    static const char *const names[] = { "user_function" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "lru_cache.<locals>.decorating_function", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    return lru_wrap(vm, a[0], ((LruMaker *)self)->maxsize, ((LruMaker *)self)->typed);
}

static gs_Object *maker_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "<function lru_cache.<locals>.decorating_function at 0x%llx>", gs_object_address(self));
}

static gs_Object *m_lru_cache(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "maxsize", "typed" };
    gs_Object *a[2];
    if (gs_pyargs(vm, "lru_cache", args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return NULL;
    gs_Object *maxsize = a[0] ? a[0] : NULL;
    gs_Object *typed = a[1] ? a[1] : vm->false_;
    int t = gs_truthy(vm, typed);
    if (t < 0)
        return NULL;
    int64_t ms = 128;
    /* lru_cache's cells, maxsize and typed: cache_parameters' closure keeps them (params_ops.phantoms) */
    gs_gc_on_alloc(vm);
    gs_gc_on_alloc(vm);
    if (maxsize && (GS_KIND(maxsize) == GS_K_INT || GS_KIND(maxsize) == GS_K_BOOL)) {
        gs_as_int(vm, maxsize, &ms);
        if (ms < 0)
            ms = 0;
    } else if (maxsize && maxsize != vm->none && callable(vm, maxsize) && GS_KIND(typed) == GS_K_BOOL) {
        return lru_wrap(vm, maxsize, 128, t == 1); /* used bare: @lru_cache */
    } else if (maxsize && maxsize != vm->none) {
        gs_raise(vm, vm->e_TypeError, "Expected first argument to be an integer, a callable, or None");
        return NULL;
    } else if (maxsize == vm->none)
        ms = -1;
    /* decorating_function's closure tuple */
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, 2));
    gs_Object *m = gs_native_new(vm, state(vm)->t_lru_maker);
    if (!m)
        return NULL;
    ((LruMaker *)m)->maxsize = ms;
    ((LruMaker *)m)->typed = t == 1;
    return m;
}

/* cache(user_function): lru_cache(maxsize=None)(user_function) */
static gs_Object *m_cache(GS_ARGS)
{
    GS_UNUSED(self);
    if (gs_no_kwargs(vm, "cache", kwnames) < 0)
        return NULL;
    if (nargs != 1) {
        gs_raise(vm, vm->e_TypeError, "cache() takes 1 positional argument but %d were given", nargs);
        return NULL;
    }
    /* lru_cache(maxsize=None): its cells (params_ops.phantoms), decorating_function and its closure tuple */
    gs_gc_on_alloc(vm);
    gs_gc_on_alloc(vm);
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, 2));
    gs_gc_on_alloc(vm);
    gs_Object *r = lru_wrap(vm, args[0], -1, false);
    gs_gc_on_free(vm);
    return r;
}

/* CacheInfo(hits, misses, maxsize, currsize): the namedtuple's repr, items and equality */
static const char *const ci_fields[] = { "hits", "misses", "maxsize", "currsize" };

static gs_Object *ci_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_adds(&b, "CacheInfo(");
    for (int i = 0; i < 4; i++) {
        gs_Object *v = attr_get(vm, self, ci_fields[i]);
        gs_Object *r = v ? gs_repr(vm, v) : NULL;
        if (!r) {
            gs_buf_free(&b);
            return NULL;
        }
        gs_buf_printf(&b, "%s%s=%s", i ? ", " : "", ci_fields[i], ((gs_Str *)r)->data);
        gs_decref(vm, r);
    }
    gs_buf_addc(&b, ')');
    return gs_buf_to_str(vm, &b);
}

static gs_Object *ci_tuple(gs_VM *vm, gs_Object *self)
{
    gs_Object *v[4];
    for (int i = 0; i < 4; i++) {
        v[i] = attr_get(vm, self, ci_fields[i]);
        if (!v[i])
            v[i] = vm->none;
    }
    return gs_tuple_pack(vm, 4, v[0], v[1], v[2], v[3]);
}

static gs_Object *ci_iter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *t = ci_tuple(vm, self);
    gs_Object *it = t ? gs_iter(vm, t) : NULL;
    gs_xdecref(vm, t);
    return it;
}

static gs_Object *ci_getitem(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    gs_Object *t = ci_tuple(vm, self);
    gs_Object *r = t ? gs_getitem(vm, t, args[0]) : NULL;
    gs_xdecref(vm, t);
    return r;
}

static gs_Object *ci_len(GS_ARGS) { GS_UNUSED_ARGS; return gs_int_new(vm, 4); }

static gs_Object *ci_eq(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    gs_Object *t = ci_tuple(vm, self);
    gs_Object *o = args[0]->type == self->type ? ci_tuple(vm, args[0]) : gs_newref(vm, args[0]);
    gs_Object *r = t && o ? gs_compare(vm, GS_CMP_EQ, t, o) : NULL;
    gs_xdecref(vm, t);
    gs_xdecref(vm, o);
    return r;
}

/* ================================================================== total_ordering */

/* the method made from a root one: _gt_from_lt and its kind */
typedef struct Derived {
    gs_Instance inst;
    gs_Object *root;     /* the class's root comparison function */
    int kind;            /* which derivation */
} Derived;

static int derived_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    Derived *d = (Derived *)o;
    return d->root ? fn(vm, o, d->root, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 20), arg) : 0;
}

static void derived_clear(gs_VM *vm, gs_Object *o) { field_set(vm, o, &((Derived *)o)->root, 20, NULL); }

static const gs_NativeOps derived_ops = { sizeof(Derived), true, true, derived_traverse, derived_clear, NULL,
                                          false, true, true, 0, NULL, NULL };

enum { GT_FROM_LT, LE_FROM_LT, GE_FROM_LT, GE_FROM_LE, LT_FROM_LE, GT_FROM_LE, LT_FROM_GT, GE_FROM_GT, LE_FROM_GT,
       LE_FROM_GE, GT_FROM_GE, LT_FROM_GE };
static const char *const derived_names[] = { "__gt__", "__le__", "__ge__", "__ge__", "__lt__", "__gt__",
                                             "__lt__", "__ge__", "__le__", "__le__", "__gt__", "__lt__" };
static const char *const derived_qual[] = { "_gt_from_lt", "_le_from_lt", "_ge_from_lt", "_ge_from_le",
                                            "_lt_from_le", "_gt_from_le", "_lt_from_gt", "_ge_from_gt",
                                            "_le_from_gt", "_le_from_ge", "_gt_from_ge", "_lt_from_ge" };

static gs_Object *derived_call(GS_ARGS)
{
    static const char *const names[] = { "self", "other", "NotImplemented" };
    gs_Object *a[3];
    Derived *d = (Derived *)self;
    if (gs_pyargs(vm, derived_qual[d->kind], args, nargs, kwnames, names, 3, 3, 2, a) < 0)
        return NULL;
    gs_Object *argv[2] = { a[0], a[1] };
    gs_Object *op = gs_call_object(vm, d->root, argv, 2, NULL);
    if (!op)
        return NULL;
    if (op == vm->notimpl)
        return op;
    int t = gs_truthy(vm, op);
    gs_decref(vm, op);
    if (t < 0)
        return NULL;
    int k = d->kind;
    /* "op_result or self == other" / "not op_result and self != other" / "not op_result" ... */
    bool strict_neg = k == GT_FROM_LT || k == LT_FROM_GT || k == GT_FROM_LE || k == LT_FROM_GE;
    bool or_eq = k == LE_FROM_LT || k == GE_FROM_GT;
    bool and_ne = k == LT_FROM_LE || k == GT_FROM_GE;
    if (or_eq) {
        if (t)
            return GS_BOOL(vm, true);
        return gs_compare(vm, GS_CMP_EQ, a[0], a[1]);
    }
    if (and_ne) {
        if (!t)
            return GS_BOOL(vm, false);
        return gs_compare(vm, GS_CMP_NE, a[0], a[1]);
    }
    if (strict_neg && (k == GT_FROM_LT || k == LT_FROM_GT)) {
        if (t)
            return GS_BOOL(vm, false);
        return gs_compare(vm, GS_CMP_NE, a[0], a[1]);
    }
    /* _ge_from_lt, _le_from_gt, _gt_from_le, _lt_from_ge: not op_result */
    return GS_BOOL(vm, !t);
}

static gs_Object *derived_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "<function %s at 0x%llx>", derived_qual[((Derived *)self)->kind], gs_object_address(self));
}

static gs_Object *m_total_ordering(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "cls" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "total_ordering", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    gs_Object *cls = a[0];
    if (GS_KIND(cls) != GS_K_TYPE || !((gs_Type *)cls)->dict) {
        gs_raise(vm, vm->e_ValueError, "must define at least one ordering operation: < > <= >=");
        return NULL;
    }
    gs_Type *t = (gs_Type *)cls;
    /* roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)} */
    static const char *const ops[] = { "__lt__", "__le__", "__gt__", "__ge__" };
    int root = -1;
    for (int i = 0; i < 4; i++) {
        gs_Object *mine = gs_type_lookup(t, gs_name(vm, ops[i]));
        gs_Object *obj = gs_type_lookup(vm->t_object, gs_name(vm, ops[i]));
        if (mine && mine != obj) {
            /* root = max(roots): by name, '__lt__' > '__le__' > '__gt__' > '__ge__' */
            static const int rank[] = { 3, 2, 1, 0 };
            if (root < 0 || rank[i] > rank[root])
                root = i;
        }
    }
    if (root < 0) {
        gs_raise(vm, vm->e_ValueError, "must define at least one ordering operation: < > <= >=");
        return NULL;
    }
    gs_Object *rootfn = gs_type_lookup(t, gs_name(vm, ops[root]));
    for (int j = 0; j < 3; j++) {
        int kind = root * 3 + j;
        gs_Str *nm = gs_name(vm, derived_names[kind]);
        gs_Object *have = gs_type_lookup(t, nm);
        gs_Object *obj = gs_type_lookup(vm->t_object, nm);
        if (have && have != obj)
            continue;
        gs_Object *d = gs_native_new(vm, state(vm)->t_derived);
        if (!d)
            return NULL;
        ((Derived *)d)->root = gs_newref(vm, rootfn);
        ((Derived *)d)->kind = kind;
        gs_record_fields(vm, d);
        int r = set_attr_steal(vm, d, "__name__", gs_str_from_cstr(vm, derived_names[kind]));
        if (r == 0)
            r = set_attr_steal(vm, d, "__qualname__", gs_str_from_cstr(vm, derived_qual[kind]));
        if (r == 0)
            r = gs_setattr(vm, cls, nm, d);
        gs_decref(vm, d);
        if (r < 0)
            return NULL;
    }
    return gs_newref(vm, cls);
}

/* ================================================================== cached_property */

/* cached_property(func): a non-data descriptor (a __get__, no __set__):
 * once the value is in the instance's __dict__, that wins, and assigning
 * or deleting the attribute changes only the __dict__; else __get__ calls
 * func and stores the result there under the name __set_name__ gave it
 * (the function's name until then). */
typedef struct CachedGetter {
    gs_Instance inst;
    gs_Object *func;
    gs_Object *attrname;
} CachedGetter;

static int getter_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    CachedGetter *g = (CachedGetter *)o;
    int r;
    if (g->func && (r = fn(vm, o, g->func, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 20), arg)))
        return r;
    if (g->attrname && (r = fn(vm, o, g->attrname, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 21), arg)))
        return r;
    return 0;
}

static void getter_clear(gs_VM *vm, gs_Object *o)
{
    field_set(vm, o, &((CachedGetter *)o)->func, 20, NULL);
    field_set(vm, o, &((CachedGetter *)o)->attrname, 21, NULL);
}

static const gs_NativeOps getter_ops = { sizeof(CachedGetter), true, true, getter_traverse, getter_clear, NULL,
                                         false, true, false, 0, NULL, NULL };

static gs_Object *getter_call(GS_ARGS)
{
    GS_UNUSED(kwnames);
    CachedGetter *g = (CachedGetter *)self;
    if (nargs != 1 || !g->func) {
        gs_raise(vm, vm->e_TypeError, "cached_property getter expects the instance");
        return NULL;
    }
    if (!g->attrname || GS_KIND(g->attrname) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "Cannot use cached_property instance without calling __set_name__ on it.");
        return NULL;
    }
    gs_Object *inst = args[0];
    if ((GS_KIND(inst) != GS_K_INSTANCE && GS_KIND(inst) != GS_K_EXCEPTION) || !(inst->type->flags & GS_TF_DICT)) {
        gs_raise(vm, vm->e_TypeError, "No '__dict__' attribute on '%s' instance to cache '%s' property.",
                 gs_type_name(inst), ((gs_Str *)g->attrname)->data);
        return NULL;
    }
    /* cache = instance.__dict__ (made now, as reading it makes it in CPython) */
    gs_Object *cache = gs_instance_dict(vm, inst);
    if (!cache)
        return NULL;
    gs_Object *have = gs_dict_get(vm, cache, g->attrname);
    if (have)
        return gs_newref(vm, have);
    if (vm->exc)
        return NULL;
    gs_Object *v = gs_call_object(vm, g->func, &inst, 1, NULL);
    if (!v)
        return NULL;
    cache = gs_instance_dict(vm, inst);
    if (!cache || gs_dict_set(vm, cache, g->attrname, v) < 0) {
        gs_decref(vm, v);
        return NULL;
    }
    return v;
}

/* __get__(instance, owner): itself when read from the class */
static gs_Object *getter_get(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (args[0] == vm->none)
        return gs_newref(vm, self);
    return getter_call(vm, self, args, 1, NULL);
}

/* __set_name__(owner, name): the class statement names it */
static gs_Object *getter_set_name(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    CachedGetter *g = (CachedGetter *)self;
    if (g->attrname && GS_KIND(g->attrname) == GS_K_STR && GS_KIND(args[1]) == GS_K_STR &&
        !gs_str_eq((gs_Str *)g->attrname, (gs_Str *)args[1])) {
        gs_raise(vm, vm->e_TypeError,
                 "Cannot assign the same cached_property to two different names ('%s' and '%s').",
                 ((gs_Str *)g->attrname)->data, ((gs_Str *)args[1])->data);
        return NULL;
    }
    if (!g->attrname || g->attrname == vm->none)
        field_set(vm, self, &g->attrname, 21, args[1]);
    return GS_NONE(vm);
}

static gs_Object *getter_get_func(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *f = ((CachedGetter *)self)->func;
    return gs_newref(vm, f ? f : vm->none);
}

static gs_Object *getter_get_attrname(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *n = ((CachedGetter *)self)->attrname;
    return gs_newref(vm, n ? n : vm->none);
}

/* __doc__: the function's */
static gs_Object *getter_get_doc(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *f = ((CachedGetter *)self)->func;
    return f ? gs_getattr(vm, f, vm->s___doc__) : GS_NONE(vm);
}

static gs_Object *m_cached_property(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "func" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "cached_property.__init__", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    gs_Object *g = gs_native_new(vm, state(vm)->t_cached_property);
    if (!g)
        return NULL;
    ((CachedGetter *)g)->func = gs_newref(vm, a[0]);
    ((CachedGetter *)g)->attrname = gs_newref(vm, vm->none); /* until __set_name__ */
    gs_record_fields(vm, g);
    return g;
}

/* ================================================================== cmp_to_key */

/* functools.KeyWrapper, as _functools' keyobject: cmp_to_key(mycmp) gives
 * one without an object; calling it wraps an object in a new one, whose
 * comparisons ask mycmp(self.obj, other.obj) and compare that with 0. */
typedef struct KeyWrapper {
    gs_Instance inst;
    gs_Object *cmp, *obj;
} KeyWrapper;

static int key_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    KeyWrapper *k = (KeyWrapper *)o;
    gs_Object *f[2] = { k->cmp, k->obj };
    for (int i = 0; i < 2; i++)
        if (f[i]) {
            int r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 20 + (uint32_t)i), arg);
            if (r)
                return r;
        }
    return 0;
}

static void key_clear(gs_VM *vm, gs_Object *o)
{
    KeyWrapper *k = (KeyWrapper *)o;
    field_set(vm, o, &k->cmp, 20, NULL);
    field_set(vm, o, &k->obj, 21, NULL);
}

static const gs_NativeOps key_ops = { sizeof(KeyWrapper), true, true, key_traverse, key_clear, NULL,
                                      false, false, false, 0, NULL, NULL };

static gs_Object *key_new(gs_VM *vm, gs_Object *cmp, gs_Object *obj)
{
    gs_Object *o = gs_native_new(vm, state(vm)->t_key);
    if (!o)
        return NULL;
    KeyWrapper *k = (KeyWrapper *)o;
    k->cmp = gs_newref(vm, cmp);
    k->obj = obj ? gs_newref(vm, obj) : NULL;
    gs_record_fields(vm, o);
    return o;
}

static gs_Object *m_cmp_to_key(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "mycmp" };
    gs_Object *a[1] = { NULL };
    if (gs_clinic_bind(vm, "cmp_to_key", names, 1, 0, 1, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    return key_new(vm, a[0], NULL);
}

static gs_Object *key_call(GS_ARGS)
{
    static const char *const names[] = { "obj" };
    gs_Object *a[1] = { NULL };
    if (gs_clinic_bind(vm, "K", names, 1, 0, 1, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    return key_new(vm, ((KeyWrapper *)self)->cmp, a[0]);
}

static gs_Object *key_obj(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = ((KeyWrapper *)self)->obj;
    return gs_newref(vm, v ? v : GS_NONE(vm));
}

/* mycmp(self.obj, other.obj) <op> 0 */
static gs_Object *key_compare(gs_VM *vm, gs_Object *self, gs_Object *other, int op)
{
    if (GS_KIND(other) != GS_K_INSTANCE || other->type->native != &key_ops) {
        gs_raise(vm, vm->e_TypeError, "other argument must be K instance");
        return NULL;
    }
    KeyWrapper *a = (KeyWrapper *)self, *b = (KeyWrapper *)other;
    if (!a->obj || !b->obj) {
        gs_raise(vm, vm->e_AttributeError, "object");
        return NULL;
    }
    gs_Object *argv[2] = { a->obj, b->obj };
    gs_Object *res = gs_call_object(vm, a->cmp, argv, 2, NULL);
    if (!res)
        return NULL;
    gs_Object *r = gs_compare(vm, op, res, vm->small_ints[5]);
    gs_decref(vm, res);
    return r;
}

#define KEY_CMP(name, op)                                                                                            \
    static gs_Object *name(GS_ARGS)                                                                                  \
    {                                                                                                                \
        GS_UNUSED(nargs);                                                                                            \
        GS_UNUSED(kwnames);                                                                                          \
        return key_compare(vm, self, args[0], op);                                                                   \
    }
KEY_CMP(key_lt, GS_CMP_LT)
KEY_CMP(key_le, GS_CMP_LE)
KEY_CMP(key_eq, GS_CMP_EQ)
KEY_CMP(key_ne, GS_CMP_NE)
KEY_CMP(key_gt, GS_CMP_GT)
KEY_CMP(key_ge, GS_CMP_GE)

static const gs_MethodDef key_methods[] = {
    { "__call__", key_call, 0, -1, GS_KW }, { "__lt__", key_lt, 1, 1, 0 }, { "__le__", key_le, 1, 1, 0 },
    { "__eq__", key_eq, 1, 1, 0 },          { "__ne__", key_ne, 1, 1, 0 }, { "__gt__", key_gt, 1, 1, 0 },
    { "__ge__", key_ge, 1, 1, 0 },          { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== singledispatch */

/* singledispatch(func) (Lib/functools.py): a wrapper that calls the
 * implementation registered for the class of its first argument.  Its
 * state is what the Python closure keeps: `registry` (a dict, class ->
 * function, func for object), `dispatch_cache` (a weakref.WeakKeyDictionary
 * of the classes dispatched so far: importing weakref is part of the first
 * call, as in CPython), `cache_token` (abc's cache token once an ABC is
 * registered: a change of it empties the cache) and the read-only view
 * wrapper.registry (a types.MappingProxyType).  dispatch() looks in the
 * cache, then the registry, then walks _compose_mro: the class's MRO with
 * the registered ABCs it implements put in where C3 says (so a list
 * dispatches to Sequence, a class registered as a virtual subclass too),
 * refusing to choose between two unrelated implicit ABCs ("Ambiguous
 * dispatch").  register() takes a class, a union (int | str,
 * typing.Union[...]) or, plain, an annotated function, as CPython's, and
 * imports typing where it does.  CPython's closures, cells and the
 * wrapper's __dict__ are phantoms (dispatch_ops.phantoms). */
typedef struct Dispatch {
    gs_Instance inst; /* attributes: __name__, __wrapped__ ... (update_wrapper) */
    gs_Object *registry, *cache, *token, *proxy, *funcname;
} Dispatch;

enum { D_REGISTRY = 20, D_CACHE, D_TOKEN, D_PROXY, D_FUNCNAME };

static int dispatch_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    Dispatch *d = (Dispatch *)o;
    gs_Object *f[5] = { d->registry, d->cache, d->token, d->proxy, d->funcname };
    for (int i = 0; i < 5; i++)
        if (f[i]) {
            int r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, D_REGISTRY + (uint32_t)i), arg);
            if (r)
                return r;
        }
    return 0;
}

static void dispatch_clear(gs_VM *vm, gs_Object *o)
{
    Dispatch *d = (Dispatch *)o;
    field_set(vm, o, &d->registry, D_REGISTRY, NULL);
    field_set(vm, o, &d->cache, D_CACHE, NULL);
    field_set(vm, o, &d->token, D_TOKEN, NULL);
    field_set(vm, o, &d->proxy, D_PROXY, NULL);
    field_set(vm, o, &d->funcname, D_FUNCNAME, NULL);
}

/* CPython's wrapper comes with the closure cells of singledispatch's
 * frame (registry, dispatch_cache, cache_token, funcname, dispatch,
 * register, the two helpers), the functions dispatch, register,
 * _is_union_type and _is_valid_dispatch_type with their closure tuples,
 * its own closure tuple and __dict__, and the bound _clear_cache */
enum { DISPATCH_PHANTOMS = 17 };

static const gs_NativeOps dispatch_ops = { sizeof(Dispatch), true, true, dispatch_traverse, dispatch_clear, NULL,
                                           false, true, true, DISPATCH_PHANTOMS, NULL, NULL };

/* ------------------------------------------------------------------ helpers */

static gs_Object *builtin_fn(gs_VM *vm, const char *name) { return gs_dict_get_str(vm, vm->builtins, gs_name(vm, name)); }

/* issubclass(a, b) with the ABCs' hooks: 0/1, -1 on error */
static int is_subclass(gs_VM *vm, gs_Object *a, gs_Object *b)
{
    gs_Object *argv[2] = { a, b };
    gs_Object *r = gs_call_object(vm, builtin_fn(vm, "issubclass"), argv, 2, NULL);
    if (!r)
        return -1;
    int t = gs_truthy(vm, r);
    gs_decref(vm, r);
    return t;
}

/* x in l for a list (identity or ==): 0/1, -1 */
static int list_has(gs_VM *vm, gs_Object *l, gs_Object *x)
{
    gs_List *li = (gs_List *)l;
    for (int32_t i = 0; i < li->len; i++) {
        if (li->items[i] == x)
            return 1;
        int e = gs_equal(vm, li->items[i], x);
        if (e)
            return e;
    }
    return 0;
}

/* hasattr(cls, '__abstractmethods__'): type's getset finds it in the
 * class's own dict only (ABCMeta puts it in every class it makes) */
static bool has_abstractmethods(gs_VM *vm, gs_Object *cls)
{
    gs_Type *t = (gs_Type *)cls;
    return GS_KIND(cls) == GS_K_TYPE && t->dict &&
           gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, "__abstractmethods__")) != NULL;
}

/* a list of the types (borrowed array) */
static gs_Object *list_of_types(gs_VM *vm, gs_Type **ts, int32_t n)
{
    gs_Object *l = gs_list_new(vm, 0);
    for (int32_t i = 0; l && i < n; i++)
        if (gs_list_append(vm, l, &ts[i]->ob) < 0) {
            gs_decref(vm, l);
            return NULL;
        }
    return l;
}

/* _c3_merge(sequences): a new list, or NULL with RuntimeError
 * "Inconsistent hierarchy" (the lists in seqs are consumed) */
static gs_Object *c3_merge(gs_VM *vm, gs_Object *seqs)
{
    gs_Object *result = gs_list_new(vm, 0);
    gs_List *sl = (gs_List *)seqs;
    while (result) {
        /* purge empty sequences */
        for (int32_t i = sl->len - 1; i >= 0; i--)
            if (((gs_List *)sl->items[i])->len == 0 && gs_list_delitem(vm, seqs, i) < 0)
                goto fail;
        if (sl->len == 0)
            return result;
        gs_Object *candidate = NULL;
        for (int32_t i = 0; i < sl->len && !candidate; i++) {
            candidate = ((gs_List *)sl->items[i])->items[0];
            for (int32_t j = 0; j < sl->len && candidate; j++) {
                gs_List *s2 = (gs_List *)sl->items[j];
                for (int32_t k = 1; k < s2->len; k++) {
                    int e = s2->items[k] == candidate ? 1 : gs_equal(vm, s2->items[k], candidate);
                    if (e < 0)
                        goto fail;
                    if (e) { /* reject it: it appears later */
                        candidate = NULL;
                        break;
                    }
                }
            }
        }
        if (!candidate) {
            gs_raise(vm, vm->e_RuntimeError, "Inconsistent hierarchy");
            goto fail;
        }
        gs_incref(vm, candidate);
        if (gs_list_append(vm, result, candidate) < 0) {
            gs_decref(vm, candidate);
            goto fail;
        }
        for (int32_t i = 0; i < sl->len; i++) {
            gs_Object *s = sl->items[i];
            gs_Object *head = ((gs_List *)s)->items[0];
            int e = head == candidate ? 1 : gs_equal(vm, head, candidate);
            if (e < 0 || (e && gs_list_delitem(vm, s, 0) < 0)) {
                gs_decref(vm, candidate);
                goto fail;
            }
        }
        gs_decref(vm, candidate);
    }
    return NULL;
fail:
    gs_xdecref(vm, result);
    return NULL;
}

/* _c3_mro(cls, abcs): cls's MRO with the ABCs of `abcs` (a list, or
 * NULL) it implements inserted where their behaviour is introduced */
static gs_Object *c3_mro(gs_VM *vm, gs_Type *cls, gs_Object *abcs_in)
{
    int32_t nb;
    gs_Type **bases = gs_type_bases(cls, &nb);
    if (!bases && nb) {
        gs_raise_memory(vm);
        return NULL;
    }
    int32_t boundary = 0;
    for (int32_t i = nb - 1; i >= 0; i--)
        if (has_abstractmethods(vm, &bases[i]->ob)) {
            boundary = i + 1; /* bases up to the last explicit ABC are considered first */
            break;
        }
    gs_Object *abcs = abcs_in ? gs_list_copy(vm, abcs_in) : gs_list_new(vm, 0);
    gs_Object *explicit_b = abcs ? list_of_types(vm, bases, boundary) : NULL;
    gs_Object *other_b = explicit_b ? list_of_types(vm, bases + boundary, nb - boundary) : NULL;
    gs_Object *abstract_b = other_b ? gs_list_new(vm, 0) : NULL;
    gs_Object *seqs = abstract_b ? gs_list_new(vm, 0) : NULL;
    gs_Object *result = NULL;
    if (!seqs)
        goto done;
    for (int32_t i = 0; i < ((gs_List *)abcs)->len; i++) {
        gs_Object *base = ((gs_List *)abcs)->items[i];
        int r = is_subclass(vm, &cls->ob, base);
        if (r < 0)
            goto done;
        bool any = false;
        for (int32_t j = 0; r && j < nb && !any; j++) {
            int s = is_subclass(vm, &bases[j]->ob, base);
            if (s < 0)
                goto done;
            any = s;
        }
        /* cls introduces the behaviour `base` describes */
        if (r && !any && gs_list_append(vm, abstract_b, base) < 0)
            goto done;
    }
    for (int32_t i = 0; i < ((gs_List *)abstract_b)->len; i++) { /* abcs.remove(base) */
        gs_List *al = (gs_List *)abcs;
        for (int32_t j = 0; j < al->len; j++)
            if (al->items[j] == ((gs_List *)abstract_b)->items[i]) {
                if (gs_list_delitem(vm, abcs, j) < 0)
                    goto done;
                break;
            }
    }
    {
        gs_Object *first = gs_list_new(vm, 0);
        if (!first || gs_list_append(vm, first, &cls->ob) < 0 || gs_list_append(vm, seqs, first) < 0) {
            gs_xdecref(vm, first);
            goto done;
        }
        gs_decref(vm, first);
    }
    gs_Object *groups[3] = { explicit_b, abstract_b, other_b };
    for (int g = 0; g < 3; g++)
        for (int32_t i = 0; i < ((gs_List *)groups[g])->len; i++) {
            gs_Object *m = c3_mro(vm, (gs_Type *)((gs_List *)groups[g])->items[i], abcs);
            if (!m)
                goto done;
            int r = gs_list_append(vm, seqs, m);
            gs_decref(vm, m);
            if (r < 0)
                goto done;
        }
    for (int g = 0; g < 3; g++) {
        gs_Object *copy = gs_list_copy(vm, groups[g]);
        if (!copy || gs_list_append(vm, seqs, copy) < 0) {
            gs_xdecref(vm, copy);
            goto done;
        }
        gs_decref(vm, copy);
    }
    result = c3_merge(vm, seqs);
done:
    gs_xdecref(vm, abcs);
    gs_xdecref(vm, explicit_b);
    gs_xdecref(vm, other_b);
    gs_xdecref(vm, abstract_b);
    gs_xdecref(vm, seqs);
    return result;
}

/* whether t is in cls.__mro__ */
static bool in_mro(gs_Type *cls, gs_Object *t)
{
    int32_t n;
    gs_Type **mro = gs_type_mro(cls, &n);
    for (int32_t i = 0; mro && i < n; i++)
        if (&mro[i]->ob == t)
            return true;
    return false;
}

/* _compose_mro(cls, types): cls's MRO with the relevant ABCs among `types`
 * (a list of the registry's classes) and their bases */
static gs_Object *compose_mro(gs_VM *vm, gs_Type *cls, gs_Object *types_in)
{
    gs_Object *types = gs_list_new(vm, 0);
    gs_Object *mro = NULL, *result = NULL;
    if (!types)
        return NULL;
    /* types = [n for n in types if is_related(n)] */
    for (int32_t i = 0; i < ((gs_List *)types_in)->len; i++) {
        gs_Object *typ = ((gs_List *)types_in)->items[i];
        if (in_mro(cls, typ) || GS_KIND(typ) != GS_K_TYPE)
            continue;
        int r = is_subclass(vm, &cls->ob, typ);
        if (r < 0 || (r && gs_list_append(vm, types, typ) < 0))
            goto done;
    }
    /* types = [n for n in types if not is_strict_base(n)] */
    gs_Object *kept = gs_list_new(vm, 0);
    if (!kept)
        goto done;
    for (int32_t i = 0; i < ((gs_List *)types)->len; i++) {
        gs_Object *typ = ((gs_List *)types)->items[i];
        bool strict = false;
        for (int32_t j = 0; j < ((gs_List *)types)->len && !strict; j++) {
            gs_Object *other = ((gs_List *)types)->items[j];
            strict = other != typ && in_mro((gs_Type *)other, typ);
        }
        if (!strict && gs_list_append(vm, kept, typ) < 0) {
            gs_decref(vm, kept);
            goto done;
        }
    }
    gs_decref(vm, types);
    types = kept;
    /* subclasses of those ABCs that cls implements too stabilize their order */
    mro = gs_list_new(vm, 0);
    if (!mro)
        goto done;
    for (int32_t i = 0; i < ((gs_List *)types)->len; i++) {
        gs_Object *typ = ((gs_List *)types)->items[i];
        gs_Object *subs = gs_call_method(vm, typ, "__subclasses__", NULL, 0);
        gs_Object *found = subs ? gs_list_new(vm, 0) : NULL;
        if (!found) {
            gs_xdecref(vm, subs);
            goto done;
        }
        for (int32_t j = 0; j < ((gs_List *)subs)->len && !vm->exc; j++) {
            gs_Object *sub = ((gs_List *)subs)->items[j];
            if (in_mro(cls, sub))
                continue;
            int r = is_subclass(vm, &cls->ob, sub);
            if (r <= 0)
                continue;
            int32_t n;
            gs_Type **sm = gs_type_mro((gs_Type *)sub, &n);
            gs_Object *in_set = gs_list_new(vm, 0);
            for (int32_t k = 0; in_set && sm && k < n; k++) {
                int h = list_has(vm, types, &sm[k]->ob);
                if (h < 0 || (h && gs_list_append(vm, in_set, &sm[k]->ob) < 0)) {
                    gs_decref(vm, in_set);
                    in_set = NULL;
                }
            }
            if (!in_set || gs_list_append(vm, found, in_set) < 0) {
                gs_xdecref(vm, in_set);
                break;
            }
            gs_decref(vm, in_set);
        }
        gs_decref(vm, subs);
        if (vm->exc) {
            gs_decref(vm, found);
            goto done;
        }
        gs_List *fl = (gs_List *)found;
        if (fl->len == 0) {
            int r = gs_list_append(vm, mro, typ);
            gs_decref(vm, found);
            if (r < 0)
                goto done;
            continue;
        }
        /* found.sort(key=len, reverse=True): the longest first, stable */
        for (int32_t a = 1; a < fl->len; a++)
            for (int32_t b = a; b > 0 && ((gs_List *)fl->items[b])->len > ((gs_List *)fl->items[b - 1])->len; b--) {
                gs_Object *x = fl->items[b];
                fl->items[b] = fl->items[b - 1];
                fl->items[b - 1] = x;
            }
        for (int32_t a = 0; a < fl->len; a++) {
            gs_List *sub = (gs_List *)fl->items[a];
            for (int32_t b = 0; b < sub->len; b++) {
                int h = list_has(vm, mro, sub->items[b]);
                if (h < 0 || (!h && gs_list_append(vm, mro, sub->items[b]) < 0)) {
                    gs_decref(vm, found);
                    goto done;
                }
            }
        }
        gs_decref(vm, found);
    }
    result = c3_mro(vm, cls, mro);
done:
    gs_xdecref(vm, types);
    gs_xdecref(vm, mro);
    return result;
}

/* _find_impl(cls, registry): the implementation for the first class of
 * the composed MRO that has one (a new reference; None if none) */
static gs_Object *find_impl(gs_VM *vm, gs_Type *cls, gs_Object *registry)
{
    gs_Object *keys = gs_list_new(vm, 0);
    int32_t pos = 0;
    gs_Object *k, *v;
    while (keys && gs_dict_next(registry, &pos, &k, &v))
        if (gs_list_append(vm, keys, k) < 0) {
            gs_decref(vm, keys);
            keys = NULL;
        }
    gs_Object *mro = keys ? compose_mro(vm, cls, keys) : NULL;
    gs_xdecref(vm, keys);
    if (!mro)
        return NULL;
    gs_Object *match = NULL;
    gs_List *ml = (gs_List *)mro;
    for (int32_t i = 0; i < ml->len; i++) {
        gs_Object *t = ml->items[i];
        bool registered = gs_dict_get(vm, registry, t) != NULL;
        if (vm->exc)
            break;
        if (match) {
            /* an implicit ABC with another unrelated, equally matching one: no guessing */
            if (registered && !in_mro(cls, t) && !in_mro(cls, match)) {
                int s = is_subclass(vm, match, t);
                if (s == 0) {
                    gs_Object *a = gs_str(vm, match), *b = a ? gs_str(vm, t) : NULL;
                    if (b)
                        gs_raise(vm, vm->e_RuntimeError, "Ambiguous dispatch: %s or %s", ((gs_Str *)a)->data,
                                 ((gs_Str *)b)->data);
                    gs_xdecref(vm, a);
                    gs_xdecref(vm, b);
                }
            }
            break;
        }
        if (registered)
            match = t;
    }
    gs_Object *impl = !vm->exc && match ? gs_dict_get(vm, registry, match) : NULL;
    if (impl)
        gs_incref(vm, impl);
    gs_decref(vm, mro);
    if (vm->exc) {
        gs_xdecref(vm, impl);
        return NULL;
    }
    return impl ? impl : GS_NONE(vm);
}

/* abc.get_cache_token() */
static gs_Object *abc_cache_token(gs_VM *vm)
{
    gs_Object *abc = gs_import(vm, gs_name(vm, "abc"));
    gs_Object *r = abc ? gs_call_method(vm, abc, "get_cache_token", NULL, 0) : NULL;
    gs_xdecref(vm, abc);
    return r;
}

/* dispatch(cls): the implementation for cls (a new reference) */
static gs_Object *dispatch_find(gs_VM *vm, gs_Object *self, gs_Object *cls)
{
    Dispatch *d = (Dispatch *)self;
    if (!d->registry || !d->cache) { /* cleared by the collector (a finalizer calls it) */
        gs_raise(vm, vm->e_TypeError, "'function' object is not callable");
        return NULL;
    }
    if (d->token) {
        gs_Object *cur = abc_cache_token(vm);
        int eq = cur ? gs_equal(vm, d->token, cur) : -1;
        if (eq == 0) {
            gs_Object *r = gs_call_method(vm, d->cache, "clear", NULL, 0);
            if (r) {
                gs_decref(vm, r);
                field_set(vm, self, &d->token, D_TOKEN, gs_newref(vm, cur));
            } else
                eq = -1;
        }
        gs_xdecref(vm, cur);
        if (eq < 0)
            return NULL;
    }
    gs_Object *impl = gs_getitem(vm, d->cache, cls);
    if (impl || !gs_exc_matches(vm, vm->e_KeyError))
        return impl;
    gs_clear_exc(vm);
    impl = gs_dict_get(vm, d->registry, cls);
    if (impl)
        gs_incref(vm, impl);
    else if (vm->exc)
        return NULL;
    else if (GS_KIND(cls) == GS_K_TYPE)
        impl = find_impl(vm, (gs_Type *)cls, d->registry);
    else {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__mro__'", gs_type_name(cls));
        return NULL;
    }
    if (impl && gs_setitem(vm, d->cache, cls, impl) < 0) {
        gs_decref(vm, impl);
        return NULL;
    }
    return impl;
}

static gs_Object *dispatch_dispatch(GS_ARGS)
{
    static const char *const names[] = { "cls" };
    static const gs_PySig sig = { "singledispatch.<locals>.dispatch", names, 1, 1, 0, 0 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    return dispatch_find(vm, self, a[0]);
}

static gs_Object *dispatch_call(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos == 0) {
        gs_Object *nm = ((Dispatch *)self)->funcname;
        gs_Object *s = nm ? gs_str(vm, nm) : NULL;
        if (s)
            gs_raise(vm, vm->e_TypeError, "%s requires at least 1 positional argument", ((gs_Str *)s)->data);
        gs_xdecref(vm, s);
        return NULL;
    }
    gs_Object *f = dispatch_find(vm, self, &args[0]->type->ob);
    if (!f)
        return NULL;
    gs_Object *r = gs_call_object(vm, f, args, nargs, kwnames);
    gs_decref(vm, f);
    return r;
}

/* typing, imported where CPython's register imports it (a new reference) */
static gs_Object *typing_module(gs_VM *vm) { return gs_import(vm, gs_name(vm, "typing")); }

/* _is_union_type(cls): get_origin(cls) in {Union, types.UnionType}; the
 * classes of the union (a new tuple) in *members when it is one */
static int union_members(gs_VM *vm, gs_Object *cls, gs_Object **members)
{
    *members = NULL;
    gs_Object *typing = typing_module(vm); /* from typing import get_origin, Union */
    if (!typing)
        return -1;
    if (gs_is_union(vm, cls)) {
        gs_decref(vm, typing);
        *members = gs_newref(vm, gs_union_args(cls));
        return 1;
    }
    int r = 0;
    if (GS_KIND(cls) != GS_K_TYPE) {
        gs_Object *origin = gs_call_method(vm, typing, "get_origin", &cls, 1);
        gs_Object *u = origin ? gs_lookup_attr(vm, typing, gs_name(vm, "Union")) : NULL;
        r = !origin ? -1 : u && origin == u;
        if (r == 1)
            *members = gs_call_method(vm, typing, "get_args", &cls, 1);
        if (r == 1 && !*members)
            r = -1;
        gs_xdecref(vm, origin);
        gs_xdecref(vm, u);
    }
    gs_decref(vm, typing);
    return r;
}

/* _is_valid_dispatch_type(cls): a class, or a union of classes */
static int valid_dispatch_type(gs_VM *vm, gs_Object *cls)
{
    if (GS_KIND(cls) == GS_K_TYPE)
        return 1;
    gs_Object *typing = typing_module(vm); /* from typing import get_args */
    if (!typing)
        return -1;
    gs_decref(vm, typing);
    gs_Object *members;
    int r = union_members(vm, cls, &members);
    if (r <= 0)
        return r;
    gs_Tuple *m = (gs_Tuple *)members;
    for (int32_t i = 0; r && i < m->len; i++)
        r = GS_KIND(m->items[i]) == GS_K_TYPE;
    gs_decref(vm, members);
    return r;
}

/* get_type_hints(func)'s first item: the parameter's name and its class
 * (a string annotation evaluated in the function's globals, None as
 * NoneType); NULL with no exception when there is none */
static gs_Object *first_type_hint(gs_VM *vm, gs_Object *func, gs_Object **argname)
{
    *argname = NULL;
    gs_Object *ann = gs_lookup_attr(vm, func, gs_name(vm, "__annotations__"));
    if (!ann || GS_KIND(ann) != GS_K_DICT) {
        gs_xdecref(vm, ann);
        return NULL;
    }
    int32_t pos = 0;
    gs_Object *k, *v, *cls = NULL;
    if (gs_dict_next(ann, &pos, &k, &v)) {
        *argname = gs_newref(vm, k);
        if (v == vm->none)
            cls = gs_newref(vm, &vm->t_none->ob);
        else if (GS_KIND(v) == GS_K_STR) {
            gs_Object *g = GS_KIND(func) == GS_K_FUNCTION ? &((gs_Function *)func)->globals->ob : NULL;
            gs_Object *argv[2] = { v, g };
            cls = gs_call_object(vm, builtin_fn(vm, "eval"), argv, g ? 2 : 1, NULL);
        } else
            cls = gs_newref(vm, v);
    }
    gs_decref(vm, ann);
    if (!cls) {
        gs_xdecref(vm, *argname);
        *argname = NULL;
    }
    return cls;
}

static gs_Object *dispatch_register(GS_ARGS)
{
    static const char *const names[] = { "cls", "func" };
    static const gs_PySig sig = { "singledispatch.<locals>.register", names, 2, 1, 0, 0 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *cls = a[0], *func = a[1] && a[1] != vm->none ? a[1] : NULL;
    Dispatch *d = (Dispatch *)self;
    if (!d->registry || !d->cache) {
        gs_raise(vm, vm->e_TypeError, "'function' object is not callable");
        return NULL;
    }
    int valid = valid_dispatch_type(vm, cls);
    if (valid < 0)
        return NULL;
    gs_Object *hint = NULL;
    if (valid) {
        if (!func) { /* @register(cls): what registers the function it decorates (CPython: a lambda) */
            gs_Object *reg = gs_getattr(vm, self, gs_name(vm, "register"));
            gs_Object *pa[2] = { reg, cls };
            gs_Object *later = reg ? partial_make(vm, state(vm)->t_partial, pa, 2, NULL) : NULL;
            gs_xdecref(vm, reg);
            return later;
        }
    } else {
        if (func) {
            gs_Object *r = gs_repr(vm, cls);
            if (r)
                gs_raise(vm, vm->e_TypeError, "Invalid first argument to `register()`. %s is not a class or union type.",
                         ((gs_Str *)r)->data);
            gs_xdecref(vm, r);
            return NULL;
        }
        gs_Object *ann = gs_lookup_attr(vm, cls, gs_name(vm, "__annotations__"));
        int t = ann ? gs_truthy(vm, ann) : vm->exc ? -1 : 0;
        gs_xdecref(vm, ann);
        if (t < 0)
            return NULL;
        if (!t) {
            gs_Object *r = gs_repr(vm, cls);
            if (r)
                gs_raise(vm, vm->e_TypeError,
                         "Invalid first argument to `register()`: %s. Use either `@register(some_class)` or plain "
                         "`@register` on an annotated function.",
                         ((gs_Str *)r)->data);
            gs_xdecref(vm, r);
            return NULL;
        }
        func = cls;
        gs_Object *typing = typing_module(vm); /* from typing import get_type_hints */
        if (!typing)
            return NULL;
        gs_decref(vm, typing);
        gs_Object *argname;
        hint = first_type_hint(vm, func, &argname);
        if (!hint)
            return NULL;
        cls = hint;
        valid = valid_dispatch_type(vm, cls);
        if (valid <= 0) {
            gs_Object *members = NULL;
            int u = valid < 0 ? -1 : union_members(vm, cls, &members);
            gs_xdecref(vm, members);
            gs_Object *an = u < 0 ? NULL : gs_repr(vm, argname);
            gs_Object *cr = an ? gs_repr(vm, cls) : NULL;
            if (cr)
                gs_raise(vm, vm->e_TypeError, u ? "Invalid annotation for %s. %s not all arguments are classes."
                                                : "Invalid annotation for %s. %s is not a class.",
                         ((gs_Str *)an)->data, ((gs_Str *)cr)->data);
            gs_xdecref(vm, an);
            gs_xdecref(vm, cr);
            gs_decref(vm, argname);
            gs_decref(vm, hint);
            return NULL;
        }
        gs_decref(vm, argname);
    }
    gs_Object *members;
    int u = union_members(vm, cls, &members);
    int r = u < 0 ? -1 : 0;
    if (u > 0) {
        for (int32_t i = 0; r == 0 && i < ((gs_Tuple *)members)->len; i++)
            r = gs_dict_set(vm, d->registry, ((gs_Tuple *)members)->items[i], func);
        gs_decref(vm, members);
    } else if (u == 0)
        r = gs_dict_set(vm, d->registry, cls, func);
    if (r == 0 && !d->token && has_abstractmethods(vm, cls)) {
        gs_Object *tok = abc_cache_token(vm);
        if (tok)
            field_set(vm, self, &d->token, D_TOKEN, tok);
        else
            r = -1;
    }
    gs_xdecref(vm, hint);
    if (r == 0) {
        gs_Object *c = gs_call_method(vm, d->cache, "clear", NULL, 0);
        if (!c)
            return NULL;
        gs_decref(vm, c);
    }
    return r < 0 ? NULL : gs_newref(vm, func);
}

static gs_Object *dispatch_registry(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, ((Dispatch *)self)->proxy);
}

/* wrapper._clear_cache: dispatch_cache.clear */
static gs_Object *dispatch_clear_cache(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_getattr(vm, ((Dispatch *)self)->cache, gs_name(vm, "clear"));
}

static gs_Object *dispatch_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *q = gs_lookup_attr(vm, self, vm->s___qualname__);
    gs_Object *r = gs_str_printf(vm, "<function %s at 0x%llx>", q && GS_KIND(q) == GS_K_STR ? ((gs_Str *)q)->data : "wrapper",
                                 gs_object_address(self));
    gs_xdecref(vm, q);
    return r;
}

static const gs_MethodDef dispatch_methods[] = {
    { "__call__", dispatch_call, 0, -1, GS_KW }, { "register", dispatch_register, 0, -1, GS_KW },
    { "dispatch", dispatch_dispatch, 0, -1, GS_KW }, { "__repr__", dispatch_repr, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

static gs_Object *m_singledispatch(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "func" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "singledispatch", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    /* import types, weakref; dispatch_cache = weakref.WeakKeyDictionary() */
    gs_Object *weakref = gs_import(vm, gs_name(vm, "weakref"));
    gs_Object *wkd = weakref ? gs_getattr(vm, weakref, gs_name(vm, "WeakKeyDictionary")) : NULL;
    gs_xdecref(vm, weakref);
    gs_Object *registry = wkd ? gs_dict_new(vm) : NULL;
    gs_Object *cache = registry ? gs_call_object(vm, wkd, NULL, 0, NULL) : NULL;
    gs_xdecref(vm, wkd);
    if (!cache) {
        gs_xdecref(vm, registry);
        return NULL;
    }
    for (int i = 0; i < DISPATCH_PHANTOMS; i++) /* its closures (dispatch_ops.phantoms) */
        gs_gc_on_alloc(vm);
    gs_Object *o = gs_native_new(vm, state(vm)->t_dispatch);
    if (!o) {
        gs_decref(vm, registry);
        gs_decref(vm, cache);
        return NULL;
    }
    Dispatch *d = (Dispatch *)o;
    d->registry = registry;
    d->cache = cache;
    gs_record_fields(vm, o);
    /* funcname = getattr(func, '__name__', 'singledispatch function') */
    gs_Object *fname = gs_lookup_attr(vm, a[0], vm->s___name__);
    if (!fname && !vm->exc)
        fname = gs_str_from_cstr(vm, "singledispatch function");
    if (!fname || gs_dict_set(vm, registry, &vm->t_object->ob, a[0]) < 0) {
        gs_xdecref(vm, fname);
        gs_decref(vm, o);
        return NULL;
    }
    field_set(vm, o, &d->funcname, D_FUNCNAME, fname);
    field_set(vm, o, &d->proxy, D_PROXY, gs_mappingproxy_new(vm, registry));
    int r = d->proxy ? do_update_wrapper(vm, o, a[0], NULL, NULL) : -1;
    if (r < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

/* ================================================================== partialmethod */

/* partialmethod (Lib/functools.py): a descriptor holding func, args and
 * keywords as attributes, as the Python class does.  Found on an instance
 * it gives partial(func.__get__(obj, cls), *args, **keywords) with
 * __self__ set; found on a class, or when func has no __get__ that makes
 * something new, _make_unbound_method()'s function (bound to the instance
 * when there is one): a "function" here, holding the partialmethod as its
 * closure cell does, with __isabstractmethod__ and _partialmethod in its
 * __dict__, its cell, closure tuple and __dict__ as phantoms. */

static bool is_callable_obj(gs_VM *vm, gs_Object *o) { return callable(vm, o); }

/* hasattr(o, '__get__') */
static bool has_get(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_FUNCTION || k == GS_K_CLASSMETHOD || k == GS_K_STATICMETHOD || k == GS_K_PROPERTY)
        return true;
    if (k == GS_K_INSTANCE && o->type->native && o->type->native->binds)
        return true;
    return (gs_dispatches(o) || o->type->native) && gs_type_lookup(o->type, gs_name(vm, "__get__")) != NULL;
}

/* func.__get__(obj, cls) (obj or cls None as a Python call gives them) */
static gs_Object *call_get(gs_VM *vm, gs_Object *func, gs_Object *obj, gs_Object *cls)
{
    gs_Type *owner = cls && cls != vm->none && GS_KIND(cls) == GS_K_TYPE ? (gs_Type *)cls
                     : obj != vm->none                                   ? obj->type
                                                                         : NULL;
    if (!owner) {
        gs_raise(vm, vm->e_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return gs_descr_get(vm, func, obj == vm->none ? NULL : obj, owner);
}

/* fn(*pos, **kw): kw a dict, or NULL */
static gs_Object *call_with_dict(gs_VM *vm, gs_Object *fn, gs_Object **pos, int npos, gs_Object *kw)
{
    int nkw = kw ? ((gs_Dict *)kw)->t.used : 0;
    gs_Object **argv = malloc(sizeof(gs_Object *) * (size_t)(npos + nkw + 1));
    gs_Object *names = nkw ? gs_tuple_new(vm, nkw) : NULL;
    if (!argv || (nkw && !names)) {
        free(argv);
        gs_xdecref(vm, names);
        if (!vm->exc)
            gs_raise_memory(vm);
        return NULL;
    }
    for (int i = 0; i < npos; i++)
        argv[i] = pos[i];
    int32_t p = 0;
    gs_Object *k, *v;
    for (int i = 0; nkw && gs_dict_next(kw, &p, &k, &v); i++) {
        gs_tuple_init(vm, names, i, gs_newref(vm, k));
        argv[npos + i] = v;
    }
    gs_incref(vm, fn);
    gs_Object *r = gs_call_object(vm, fn, argv, npos + nkw, (gs_Tuple *)names);
    gs_decref(vm, fn);
    gs_xdecref(vm, names);
    free(argv);
    return r;
}

typedef struct PmMethod {
    gs_Instance inst; /* attributes: __isabstractmethod__, _partialmethod */
    gs_Object *pm;    /* the partialmethod (CPython: the closure cell `self`) */
} PmMethod;

static int pmm_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_Object *p = ((PmMethod *)o)->pm;
    return p ? fn(vm, o, p, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD), arg) : 0;
}

static void pmm_clear(gs_VM *vm, gs_Object *o) { field_set(vm, o, &((PmMethod *)o)->pm, GS_NATIVE_FIELD, NULL); }

/* its cell, closure tuple and __dict__ (less what free lists give: tuned to gc.get_count()) */
enum { PMM_PHANTOMS = 2 };
static const gs_NativeOps pmm_ops = { sizeof(PmMethod), true, true, pmm_traverse, pmm_clear, NULL, false, true, true,
                                      PMM_PHANTOMS, NULL, NULL };

static const char pmm_qualname[] = "partialmethod._make_unbound_method.<locals>._method";

/* _method(cls_or_self, /, *args, **keywords):
 *     keywords = {**self.keywords, **keywords}
 *     return self.func(cls_or_self, *self.args, *args, **keywords) */
static gs_Object *pmm_call(GS_ARGS)
{
    gs_Object *pm = ((PmMethod *)self)->pm;
    int npos = gs_npos(nargs, kwnames);
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "%s() missing 1 required positional argument: 'cls_or_self'", pmm_qualname);
        return NULL;
    }
    if (!pm) {
        gs_raise(vm, vm->e_TypeError, "'function' object is not callable");
        return NULL;
    }
    gs_incref(vm, pm);
    gs_Object *kw = gs_getattr(vm, pm, gs_name(vm, "keywords"));
    gs_Object *merged = kw ? gs_dict_new(vm) : NULL;
    int r = merged ? gs_dict_update(vm, merged, kw) : -1;
    for (int i = 0; r == 0 && kwnames && i < kwnames->len; i++)
        r = gs_dict_set(vm, merged, kwnames->items[i], args[npos + i]);
    gs_Object *func = r == 0 ? gs_getattr(vm, pm, gs_name(vm, "func")) : NULL;
    gs_Object *pargs = func ? gs_getattr(vm, pm, gs_name(vm, "args")) : NULL;
    gs_Object *pt = pargs ? gs_tuple_from_iterable(vm, pargs) : NULL;
    gs_Object *res = NULL;
    if (pt) {
        int np = ((gs_Tuple *)pt)->len, n = 1 + np + npos - 1;
        gs_Object **argv = malloc(sizeof(gs_Object *) * (size_t)(n + 1));
        if (argv) {
            argv[0] = args[0];
            for (int i = 0; i < np; i++)
                argv[1 + i] = ((gs_Tuple *)pt)->items[i];
            for (int i = 1; i < npos; i++)
                argv[np + i] = args[i];
            res = call_with_dict(vm, func, argv, n, merged);
            free(argv);
        } else
            gs_raise_memory(vm);
    }
    gs_xdecref(vm, pt);
    gs_xdecref(vm, pargs);
    gs_xdecref(vm, func);
    gs_xdecref(vm, merged);
    gs_xdecref(vm, kw);
    gs_decref(vm, pm);
    return res;
}

static gs_Object *pmm_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "<function %s at 0x%llx>", pmm_qualname, gs_object_address(self));
}

static gs_Object *pmm_name(GS_ARGS) { GS_UNUSED_ARGS; return gs_str_from_cstr(vm, "_method"); }
static gs_Object *pmm_qual(GS_ARGS) { GS_UNUSED_ARGS; return gs_str_from_cstr(vm, pmm_qualname); }
static gs_Object *pmm_module(GS_ARGS) { GS_UNUSED_ARGS; return gs_str_from_cstr(vm, "functools"); }
static gs_Object *none_getter(GS_ARGS) { GS_UNUSED_ARGS; return GS_NONE(vm); }

static const gs_MethodDef pmm_methods[] = {
    { "__call__", pmm_call, 0, -1, GS_KW }, { "__repr__", pmm_repr, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
};

/* getattr(self.func, '__isabstractmethod__', False) */
static gs_Object *func_isabstract(gs_VM *vm, gs_Object *self)
{
    gs_Object *func = gs_getattr(vm, self, gs_name(vm, "func"));
    if (!func)
        return NULL;
    gs_Object *v = gs_lookup_attr(vm, func, gs_name(vm, "__isabstractmethod__"));
    gs_decref(vm, func);
    if (!v && !vm->exc)
        v = GS_BOOL(vm, false);
    return v;
}

static gs_Object *pm_isabstract(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return func_isabstract(vm, self);
}

/* _make_unbound_method() */
static gs_Object *pm_make_unbound(gs_VM *vm, gs_Object *self)
{
    gs_Object *abstract = func_isabstract(vm, self);
    if (!abstract)
        return NULL;
    for (int i = 0; i < PMM_PHANTOMS; i++)
        gs_gc_on_alloc(vm);
    gs_Object *m = gs_native_new(vm, state(vm)->t_pm_method);
    if (!m) {
        gs_decref(vm, abstract);
        return NULL;
    }
    field_set(vm, m, &((PmMethod *)m)->pm, GS_NATIVE_FIELD, gs_newref(vm, self));
    if (set_attr_steal(vm, m, "__isabstractmethod__", abstract) < 0 ||
        gs_setattr(vm, m, gs_name(vm, "_partialmethod"), self) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    return m;
}

static gs_Object *pm_make_unbound_m(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return pm_make_unbound(vm, self);
}

/* __init__(self, func, /, *args, **keywords) */
static gs_Object *pm_init(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "partialmethod.__init__() missing 1 required positional argument: 'func'");
        return NULL;
    }
    gs_Object *func = args[0];
    if (!is_callable_obj(vm, func) && !has_get(vm, func)) {
        gs_Object *r = gs_repr(vm, func);
        if (r)
            gs_raise(vm, vm->e_TypeError, "%s is not callable or a descriptor", ((gs_Str *)r)->data);
        gs_xdecref(vm, r);
        return NULL;
    }
    gs_Object *pargs = gs_tuple_new(vm, npos - 1);
    for (int i = 1; pargs && i < npos; i++)
        gs_tuple_init(vm, pargs, i - 1, gs_newref(vm, args[i]));
    gs_Object *kw = pargs ? gs_dict_new(vm) : NULL;
    for (int i = 0; kw && kwnames && i < kwnames->len; i++)
        if (gs_dict_set(vm, kw, kwnames->items[i], args[npos + i]) < 0) {
            gs_decref(vm, kw);
            kw = NULL;
        }
    if (!kw) {
        gs_xdecref(vm, pargs);
        return NULL;
    }
    gs_incref(vm, func);
    if (gs_isinstance(func, state(vm)->t_partialmethod)) {
        /* flattening: self.func = func.func; self.args = func.args + args;
         * self.keywords = {**func.keywords, **keywords} */
        gs_Object *ff = gs_getattr(vm, func, gs_name(vm, "func"));
        gs_Object *fa = ff ? gs_getattr(vm, func, gs_name(vm, "args")) : NULL;
        gs_Object *fk = fa ? gs_getattr(vm, func, gs_name(vm, "keywords")) : NULL;
        gs_Object *na = fk ? gs_binary_op(vm, GS_OP_ADD, fa, pargs, false) : NULL;
        gs_Object *nk = na ? gs_dict_new(vm) : NULL;
        if (nk && (gs_dict_update(vm, nk, fk) < 0 || gs_dict_update(vm, nk, kw) < 0)) {
            gs_decref(vm, nk);
            nk = NULL;
        }
        gs_xdecref(vm, fa);
        gs_xdecref(vm, fk);
        gs_decref(vm, func);
        gs_decref(vm, pargs);
        gs_decref(vm, kw);
        func = ff;
        pargs = na;
        kw = nk;
        if (!kw) {
            gs_xdecref(vm, func);
            gs_xdecref(vm, pargs);
            return NULL;
        }
    }
    int r = set_attr_steal(vm, self, "func", func);
    r = r < 0 ? (gs_decref(vm, pargs), -1) : set_attr_steal(vm, self, "args", pargs);
    r = r < 0 ? (gs_decref(vm, kw), -1) : set_attr_steal(vm, self, "keywords", kw);
    return r < 0 ? NULL : GS_NONE(vm);
}

/* __new__: an instance; the type itself also runs __init__ here (a
 * class derived from it gets its __init__ from type.__call__) */
static gs_Object *plain_new(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, gs_CFunc init)
{
    gs_Type *t = (gs_Type *)self;
    gs_Object *o = gs_native_new(vm, t);
    if (o && !(t->flags & GS_TF_HEAP)) {
        gs_Object *r = init(vm, o, args, nargs, kwnames);
        if (!r) {
            gs_decref(vm, o);
            return NULL;
        }
        gs_decref(vm, r);
    }
    return o;
}

static gs_Object *pm_new(GS_ARGS) { return plain_new(vm, self, args, nargs, kwnames, pm_init); }

/* "{module}.{cls}({func}, {args}, {keywords})" */
static gs_Object *pm_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *cls = &self->type->ob;
    gs_Object *mod = gs_getattr(vm, cls, vm->s___module__);
    gs_Object *qn = mod ? gs_getattr(vm, cls, vm->s___qualname__) : NULL;
    gs_Object *func = qn ? gs_getattr(vm, self, gs_name(vm, "func")) : NULL;
    gs_Object *fs = func ? gs_str(vm, func) : NULL;
    gs_Object *pargs = fs ? gs_getattr(vm, self, gs_name(vm, "args")) : NULL;
    gs_Object *kw = pargs ? gs_getattr(vm, self, gs_name(vm, "keywords")) : NULL;
    gs_Object *ms = kw ? gs_str(vm, mod) : NULL, *qs = ms ? gs_str(vm, qn) : NULL;
    gs_Object *result = NULL;
    gs_Buf b;
    gs_buf_init(&b);
    if (qs) {
        gs_buf_printf(&b, "%s.%s(%s, ", ((gs_Str *)ms)->data, ((gs_Str *)qs)->data, ((gs_Str *)fs)->data);
        gs_Object *it = gs_iter(vm, pargs), *v;
        for (int i = 0; it && (v = gs_next(vm, it)) != NULL; i++) {
            gs_Object *r = gs_repr(vm, v);
            gs_decref(vm, v);
            if (!r)
                break;
            gs_buf_printf(&b, "%s%s", i ? ", " : "", ((gs_Str *)r)->data);
            gs_decref(vm, r);
        }
        gs_xdecref(vm, it);
        gs_buf_adds(&b, ", ");
        gs_Object *items = vm->exc ? NULL : gs_call_method(vm, kw, "items", NULL, 0);
        gs_Object *ii = items ? gs_iter(vm, items) : NULL, *kv;
        for (int i = 0; ii && (kv = gs_next(vm, ii)) != NULL; i++) {
            gs_Object *k = gs_getitem(vm, kv, vm->small_ints[5]);
            gs_Object *one = gs_int_new(vm, 1);
            gs_Object *val = k && one ? gs_getitem(vm, kv, one) : NULL;
            gs_Object *ks = val ? gs_str(vm, k) : NULL, *vr = ks ? gs_repr(vm, val) : NULL;
            if (vr)
                gs_buf_printf(&b, "%s%s=%s", i ? ", " : "", ((gs_Str *)ks)->data, ((gs_Str *)vr)->data);
            gs_xdecref(vm, k);
            gs_xdecref(vm, one);
            gs_xdecref(vm, val);
            gs_xdecref(vm, ks);
            gs_xdecref(vm, vr);
            gs_decref(vm, kv);
            if (!vr)
                break;
        }
        gs_xdecref(vm, ii);
        gs_xdecref(vm, items);
        gs_buf_addc(&b, ')');
        if (!vm->exc)
            result = gs_buf_to_str(vm, &b);
    }
    if (!result)
        gs_buf_free(&b);
    gs_xdecref(vm, mod);
    gs_xdecref(vm, qn);
    gs_xdecref(vm, func);
    gs_xdecref(vm, fs);
    gs_xdecref(vm, pargs);
    gs_xdecref(vm, kw);
    gs_xdecref(vm, ms);
    gs_xdecref(vm, qs);
    return result;
}

/* __get__(self, obj, cls=None) */
static gs_Object *pm_get(GS_ARGS)
{
    static const char *const names[] = { "obj", "cls" };
    static const gs_PySig sig = { "partialmethod.__get__", names, 2, 1, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *obj = a[0], *cls = a[1] ? a[1] : vm->none;
    gs_Object *func = gs_getattr(vm, self, gs_name(vm, "func"));
    if (!func)
        return NULL;
    gs_Object *result = NULL;
    if (has_get(vm, func)) {
        gs_Object *new_func = call_get(vm, func, obj, cls);
        if (!new_func) {
            gs_decref(vm, func);
            return NULL;
        }
        if (new_func != func) {
            /* partial(new_func, *self.args, **self.keywords), and its __self__ */
            gs_Object *pargs = gs_getattr(vm, self, gs_name(vm, "args"));
            gs_Object *pt = pargs ? gs_tuple_from_iterable(vm, pargs) : NULL;
            gs_Object *kw = pt ? gs_getattr(vm, self, gs_name(vm, "keywords")) : NULL;
            gs_Object *kwd = kw && GS_KIND(kw) == GS_K_DICT ? gs_newref(vm, kw) : NULL;
            if (kw && !kwd) {
                kwd = gs_dict_new(vm);
                if (kwd && gs_dict_update(vm, kwd, kw) < 0) {
                    gs_decref(vm, kwd);
                    kwd = NULL;
                }
            }
            if (kwd) {
                int np = ((gs_Tuple *)pt)->len, nkw = ((gs_Dict *)kwd)->t.used;
                gs_Object **argv = malloc(sizeof(gs_Object *) * (size_t)(1 + np + nkw));
                gs_Object *kn = nkw ? gs_tuple_new(vm, nkw) : NULL;
                if (argv && (!nkw || kn)) {
                    argv[0] = new_func;
                    for (int i = 0; i < np; i++)
                        argv[1 + i] = ((gs_Tuple *)pt)->items[i];
                    int32_t p = 0;
                    gs_Object *k, *v;
                    for (int i = 0; gs_dict_next(kwd, &p, &k, &v); i++) {
                        gs_tuple_init(vm, kn, i, gs_newref(vm, k));
                        argv[1 + np + i] = v;
                    }
                    result = partial_make(vm, state(vm)->t_partial, argv, 1 + np + nkw, (gs_Tuple *)kn);
                } else if (!vm->exc)
                    gs_raise_memory(vm);
                free(argv);
                gs_xdecref(vm, kn);
            }
            gs_xdecref(vm, pargs);
            gs_xdecref(vm, pt);
            gs_xdecref(vm, kw);
            gs_xdecref(vm, kwd);
            if (result) {
                /* try: result.__self__ = new_func.__self__ except AttributeError: pass */
                gs_Object *s = gs_lookup_attr(vm, new_func, gs_name(vm, "__self__"));
                if (s && gs_setattr(vm, result, gs_name(vm, "__self__"), s) < 0) {
                    gs_decref(vm, result);
                    result = NULL;
                }
                gs_xdecref(vm, s);
                if (vm->exc && result) {
                    gs_decref(vm, result);
                    result = NULL;
                }
            }
            gs_decref(vm, new_func);
            gs_decref(vm, func);
            return result;
        }
        gs_decref(vm, new_func);
    }
    gs_decref(vm, func);
    /* self._make_unbound_method().__get__(obj, cls) */
    gs_Object *m = pm_make_unbound(vm, self);
    if (!m)
        return NULL;
    result = call_get(vm, m, obj, cls);
    gs_decref(vm, m);
    return result;
}

/* __class_getitem__ = classmethod(GenericAlias) */
static gs_Object *pm_class_getitem(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    return gs_generic_alias_new(vm, args[0], args[1]);
}

/* ================================================================== singledispatchmethod */

/* singledispatchmethod(func): dispatcher (a singledispatch of func) and
 * func as attributes; __get__ makes the function that dispatches on the
 * class of its first argument and calls the implementation's
 * __get__(obj, cls) with the arguments.  That function holds what its
 * closure cells hold (the singledispatchmethod, obj, cls), and update_wrapper
 * gives it func's name, qualname, doc and __wrapped__; its cells, closure
 * tuple and __dict__ are phantoms. */
typedef struct SdmMethod {
    gs_Instance inst;
    gs_Object *sdm, *obj, *cls;
} SdmMethod;

static int sdmm_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    SdmMethod *s = (SdmMethod *)o;
    gs_Object *f[3] = { s->sdm, s->obj, s->cls };
    for (int i = 0; i < 3; i++)
        if (f[i]) {
            int r = fn(vm, o, f[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, GS_NATIVE_FIELD + (uint32_t)i), arg);
            if (r)
                return r;
        }
    return 0;
}

static void sdmm_clear(gs_VM *vm, gs_Object *o)
{
    SdmMethod *s = (SdmMethod *)o;
    field_set(vm, o, &s->sdm, GS_NATIVE_FIELD, NULL);
    field_set(vm, o, &s->obj, GS_NATIVE_FIELD + 1, NULL);
    field_set(vm, o, &s->cls, GS_NATIVE_FIELD + 2, NULL);
}

/* its three cells, closure tuple and __dict__ (less what free lists give: tuned to gc.get_count()) */
enum { SDMM_PHANTOMS = 3 };
static const gs_NativeOps sdmm_ops = { sizeof(SdmMethod), true, true, sdmm_traverse, sdmm_clear, NULL, false, true,
                                       false, SDMM_PHANTOMS, NULL, NULL };

/* _method(*args, **kwargs):
 *     method = self.dispatcher.dispatch(args[0].__class__)
 *     return method.__get__(obj, cls)(*args, **kwargs) */
static gs_Object *sdmm_call(GS_ARGS)
{
    SdmMethod *s = (SdmMethod *)self;
    if (gs_npos(nargs, kwnames) < 1) {
        gs_raise(vm, vm->e_IndexError, "tuple index out of range");
        return NULL;
    }
    if (!s->sdm) {
        gs_raise(vm, vm->e_TypeError, "'function' object is not callable");
        return NULL;
    }
    gs_Object *disp = gs_getattr(vm, s->sdm, gs_name(vm, "dispatcher"));
    gs_Object *cls0 = disp ? gs_getattr(vm, args[0], gs_name(vm, "__class__")) : NULL;
    gs_Object *method = cls0 ? gs_call_method(vm, disp, "dispatch", &cls0, 1) : NULL;
    gs_xdecref(vm, disp);
    gs_xdecref(vm, cls0);
    if (!method)
        return NULL;
    gs_Object *bound = NULL;
    if (has_get(vm, method))
        bound = call_get(vm, method, s->obj ? s->obj : vm->none, s->cls ? s->cls : vm->none);
    else
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '__get__'", gs_type_name(method));
    gs_decref(vm, method);
    if (!bound)
        return NULL;
    gs_Object *r = gs_call_object(vm, bound, args, nargs, kwnames);
    gs_decref(vm, bound);
    return r;
}

static const gs_MethodDef sdmm_methods[] = {
    { "__call__", sdmm_call, 0, -1, GS_KW }, { "__repr__", dispatch_repr, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
};

static gs_Object *sdm_init(GS_ARGS)
{
    static const char *const names[] = { "func" };
    static const gs_PySig sig = { "singledispatchmethod.__init__", names, 1, 1, 0, 1 };
    gs_Object *a[1];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *func = a[0];
    if (!is_callable_obj(vm, func) && !has_get(vm, func)) {
        gs_Object *r = gs_repr(vm, func);
        if (r)
            gs_raise(vm, vm->e_TypeError, "%s is not callable or a descriptor", ((gs_Str *)r)->data);
        gs_xdecref(vm, r);
        return NULL;
    }
    gs_Object *disp = m_singledispatch(vm, NULL, &func, 1, NULL);
    if (set_attr_steal(vm, self, "dispatcher", disp) < 0 || gs_setattr(vm, self, gs_name(vm, "func"), func) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *sdm_new(GS_ARGS) { return plain_new(vm, self, args, nargs, kwnames, sdm_init); }

/* register(self, cls, method=None): self.dispatcher.register(cls, func=method) */
static gs_Object *sdm_register(GS_ARGS)
{
    static const char *const names[] = { "cls", "method" };
    static const gs_PySig sig = { "singledispatchmethod.register", names, 2, 1, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *disp = gs_getattr(vm, self, gs_name(vm, "dispatcher"));
    gs_Object *reg = disp ? gs_getattr(vm, disp, gs_name(vm, "register")) : NULL;
    gs_xdecref(vm, disp);
    if (!reg)
        return NULL;
    gs_Object *kn = gs_tuple_pack(vm, 1, &gs_name(vm, "func")->ob);
    gs_Object *argv[2] = { a[0], a[1] ? a[1] : vm->none };
    gs_Object *r = kn ? gs_call_object(vm, reg, argv, 2, (gs_Tuple *)kn) : NULL;
    gs_xdecref(vm, kn);
    gs_decref(vm, reg);
    return r;
}

/* __get__(self, obj, cls=None) */
static gs_Object *sdm_get(GS_ARGS)
{
    static const char *const names[] = { "obj", "cls" };
    static const gs_PySig sig = { "singledispatchmethod.__get__", names, 2, 1, 0, 1 };
    gs_Object *a[2];
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *abstract = func_isabstract(vm, self);
    gs_Object *reg = abstract ? gs_getattr(vm, self, gs_name(vm, "register")) : NULL;
    gs_Object *func = reg ? gs_getattr(vm, self, gs_name(vm, "func")) : NULL;
    if (!func) {
        gs_xdecref(vm, abstract);
        gs_xdecref(vm, reg);
        return NULL;
    }
    for (int i = 0; i < SDMM_PHANTOMS; i++)
        gs_gc_on_alloc(vm);
    gs_Object *m = gs_native_new(vm, state(vm)->t_sdm_method);
    if (m) {
        SdmMethod *s = (SdmMethod *)m;
        field_set(vm, m, &s->sdm, GS_NATIVE_FIELD, gs_newref(vm, self));
        field_set(vm, m, &s->obj, GS_NATIVE_FIELD + 1, gs_newref(vm, a[0]));
        field_set(vm, m, &s->cls, GS_NATIVE_FIELD + 2, gs_newref(vm, a[1] ? a[1] : vm->none));
        int r = set_attr_steal(vm, m, "__isabstractmethod__", abstract);
        if (r == 0)
            r = set_attr_steal(vm, m, "register", reg);
        else
            gs_decref(vm, reg);
        abstract = reg = NULL;
        if (r == 0)
            r = do_update_wrapper(vm, m, func, NULL, NULL);
        if (r < 0) {
            gs_decref(vm, m);
            m = NULL;
        }
    }
    gs_xdecref(vm, abstract);
    gs_xdecref(vm, reg);
    gs_decref(vm, func);
    return m;
}

/* ================================================================== the module */

/* partial.__reduce__: (type(self), (self.func,), (self.func, self.args,
 * self.keywords, self.__dict__ or None)), what copy and deepcopy rebuild
 * it from */
static gs_Object *partial_reduce(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    Partial *p = (Partial *)self;
    gs_Instance *in = &p->inst;
    gs_Object *d = in->dict || in->attrs.used ? gs_instance_dict(vm, self) : NULL;
    if (vm->exc)
        return NULL;
    if (d && ((gs_Dict *)d)->t.used == 0)
        d = NULL;
    gs_Object *fa = gs_tuple_pack(vm, 1, p->fn);
    gs_Object *st = fa ? gs_tuple_pack(vm, 4, p->fn, p->args, p->kw, d ? d : vm->none) : NULL;
    gs_Object *r = st ? gs_tuple_pack(vm, 3, &self->type->ob, fa, st) : NULL;
    gs_xdecref(vm, fa);
    gs_xdecref(vm, st);
    return r;
}

/* partial.__setstate__((func, args, kwds, dict)), as CPython checks it */
static gs_Object *partial_setstate(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *state = args[0];
    if (GS_KIND(state) != GS_K_TUPLE) {
        gs_raise(vm, vm->e_TypeError, "argument to __setstate__ must be a tuple");
        return NULL;
    }
    gs_Tuple *t = (gs_Tuple *)state;
    if (t->len != 4) {
        gs_raise(vm, vm->e_TypeError, "expected 4 items in state, got %d", t->len);
        return NULL;
    }
    gs_Object *fn = t->items[0], *fa = t->items[1], *kw = t->items[2], *d = t->items[3];
    if (!callable(vm, fn) || GS_KIND(fa) != GS_K_TUPLE || (kw != vm->none && GS_KIND(kw) != GS_K_DICT)) {
        gs_raise(vm, vm->e_TypeError, "invalid partial state");
        return NULL;
    }
    gs_Object *nkw = kw == vm->none ? gs_dict_new(vm) : gs_dict_copy(vm, kw);
    if (!nkw)
        return NULL;
    Partial *p = (Partial *)self;
    gs_Object *now[3] = { gs_newref(vm, fn), gs_newref(vm, fa), nkw };
    gs_Object **field[3] = { &p->fn, &p->args, &p->kw };
    for (int i = 0; i < 3; i++) {
        gs_Object *old = *field[i];
        *field[i] = now[i];
        gs_record_field(vm, self, 20 + (uint32_t)i, old, now[i]);
        if (old)
            gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, self->id, 20 + (uint32_t)i));
    }
    if (d != vm->none) {
        if (GS_KIND(d) != GS_K_DICT) {
            gs_raise(vm, vm->e_TypeError, "a partial's __dict__ must be a dict");
            return NULL;
        }
        gs_Object *mine = gs_instance_dict(vm, self);
        if (!mine || gs_dict_update(vm, mine, d) < 0)
            return NULL;
    }
    return gs_newref(vm, vm->none);
}

static const gs_MethodDef partial_methods[] = {
    { "__new__", partial_new, 0, -1, GS_KW },      { "__call__", partial_call, 0, -1, GS_KW },
    { "__repr__", partial_repr, 0, 0, 0 },         { "__reduce__", partial_reduce, 0, 0, 0 },
    { "__setstate__", partial_setstate, 1, 1, 0 }, { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef lru_methods[] = {
    { "__call__", lru_call, 0, -1, GS_KW },         { "cache_info", lru_cache_info, 0, 0, 0 },
    { "cache_clear", lru_cache_clear, 0, 0, 0 },
    { "__copy__", lru_self, 0, 0, 0 },              { "__deepcopy__", lru_self, 1, 1, 0 },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef maker_methods[] = {
    { "__call__", maker_call, 0, -1, GS_KW }, { "__repr__", maker_repr, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef ci_methods[] = {
    { "__repr__", ci_repr, 0, 0, 0 }, { "__iter__", ci_iter, 0, 0, 0 }, { "__getitem__", ci_getitem, 1, 1, 0 },
    { "__len__", ci_len, 0, 0, 0 },   { "__eq__", ci_eq, 1, 1, 0 },     { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef derived_methods[] = {
    { "__call__", derived_call, 0, -1, GS_KW }, { "__repr__", derived_repr, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef getter_methods[] = {
    { "__call__", getter_call, 0, -1, GS_KW }, { "__get__", getter_get, 1, 2, 0 },
    { "__set_name__", getter_set_name, 2, 2, 0 }, { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef module_functions[] = {
    { "reduce", m_reduce, 0, -1, GS_KW },
    { "update_wrapper", m_update_wrapper, 0, -1, GS_KW },
    { "wraps", m_wraps, 0, -1, GS_KW },
    { "lru_cache", m_lru_cache, 0, -1, GS_KW },
    { "cache", m_cache, 0, -1, GS_KW },
    { "total_ordering", m_total_ordering, 0, -1, GS_KW },
    { "cached_property", m_cached_property, 0, -1, GS_KW },
    { "cmp_to_key", m_cmp_to_key, 0, -1, GS_KW },
    { "singledispatch", m_singledispatch, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static void add_property(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, 0, 0, NULL);
    if (!b)
        return;
    ((gs_Builtin *)b)->owner = t;
    gs_Object *p = gs_descriptor_wrap(vm, vm->t_property, b);
    gs_decref(vm, b);
    if (p) {
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, p);
        gs_decref(vm, p);
    }
}

/* a Python function's sys.getsizeof, for what functools.py makes with a def */
static size_t function_size(const gs_Object *o)
{
    (void)o;
    return 152;
}

gs_Object *gs_module_functools(gs_VM *vm)
{
    FtState *st = state(vm);
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st) {
            gs_raise_memory(vm);
            return NULL;
        }
        vm->modstate[GS_MS_FUNCTOOLS] = st;
        st->t_partial = gs_native_type_new(vm, "functools.partial", &partial_ops, partial_methods);
        add_property(vm, st->t_partial, "func", partial_func);
        add_property(vm, st->t_partial, "args", partial_args);
        add_property(vm, st->t_partial, "keywords", partial_keywords);
        st->t_lru = gs_native_type_new(vm, "functools._lru_cache_wrapper", &lru_ops, lru_methods);
        st->t_link = gs_native_type_new(vm, "functools._lru_list_elem", &link_ops, NULL);
        st->t_cacheinfo = gs_native_type_new(vm, "functools.CacheInfo", NULL, ci_methods);
        st->t_lru_maker = gs_native_type_new(vm, "function", &maker_ops, maker_methods);
        st->t_params = gs_native_type_new(vm, "function", &params_ops, NULL);
        st->t_derived = gs_native_type_new(vm, "function", &derived_ops, derived_methods);
        st->t_cached_property = gs_native_type_new(vm, "functools.cached_property", &getter_ops, getter_methods);
        gs_type_add_getter(vm, st->t_cached_property, "func", getter_get_func);
        gs_type_add_getter(vm, st->t_cached_property, "attrname", getter_get_attrname);
        gs_type_add_getter(vm, st->t_cached_property, "__doc__", getter_get_doc);
        st->t_key = gs_native_type_new(vm, "functools.KeyWrapper", &key_ops, key_methods);
        st->t_dispatch = gs_native_type_new(vm, "function", &dispatch_ops, dispatch_methods);
        add_property(vm, st->t_dispatch, "registry", dispatch_registry);
        add_property(vm, st->t_dispatch, "_clear_cache", dispatch_clear_cache);
        /* partialmethod and singledispatchmethod: classes programs may
         * derive from (instances with attributes, as the Python classes') */
        static const gs_NativeOps py_ops = { sizeof(gs_Instance), true, false, NULL, NULL, NULL, true, false, false,
                                             0, NULL, NULL };
        static const gs_MethodDef pm_methods[] = {
            { "__new__", pm_new, 0, -1, GS_KW },     { "__init__", pm_init, 0, -1, GS_KW },
            { "__repr__", pm_repr, 0, 0, 0 },        { "__get__", pm_get, 0, -1, GS_KW },
            { "_make_unbound_method", pm_make_unbound_m, 0, 0, 0 }, { NULL, NULL, 0, 0, 0 },
        };
        static const gs_MethodDef sdm_methods[] = {
            { "__new__", sdm_new, 0, -1, GS_KW },    { "__init__", sdm_init, 0, -1, GS_KW },
            { "register", sdm_register, 0, -1, GS_KW }, { "__get__", sdm_get, 0, -1, GS_KW },
            { NULL, NULL, 0, 0, 0 },
        };
        st->t_partialmethod = gs_modtype_new(vm, "functools.partialmethod", vm->t_object, &py_ops, true);
        gs_type_add_methods(vm, st->t_partialmethod, pm_methods);
        st->t_partialmethod->flags |= GS_TF_PYCLASS;
        add_property(vm, st->t_partialmethod, "__isabstractmethod__", pm_isabstract);
        gs_modtype_add_attr(vm, st->t_partialmethod, "__doc__",
                            gs_str_from_cstr(vm, "Method descriptor with partial application of the given arguments\n"
                                                 "    and keywords.\n\n"
                                                 "    Supports wrapping existing descriptors and handles non-descriptor\n"
                                                 "    callables as instance methods.\n    "));
        gs_Object *cg = gs_builtin_new(vm, "__class_getitem__", pm_class_getitem, 2, 2, NULL);
        gs_modtype_add_attr(vm, st->t_partialmethod, "__class_getitem__",
                            cg ? gs_descriptor_wrap(vm, vm->t_classmethod, cg) : NULL);
        gs_xdecref(vm, cg);
        gs_type_update_hooks(vm, st->t_partialmethod);
        st->t_pm_method = gs_native_type_new(vm, "function", &pmm_ops, pmm_methods);
        gs_type_add_getter(vm, st->t_pm_method, "__name__", pmm_name);
        gs_type_add_getter(vm, st->t_pm_method, "__qualname__", pmm_qual);
        gs_type_add_getter(vm, st->t_pm_method, "__module__", pmm_module);
        gs_type_add_getter(vm, st->t_pm_method, "__doc__", none_getter);
        st->t_sdm = gs_modtype_new(vm, "functools.singledispatchmethod", vm->t_object, &py_ops, true);
        gs_type_add_methods(vm, st->t_sdm, sdm_methods);
        st->t_sdm->flags |= GS_TF_PYCLASS;
        add_property(vm, st->t_sdm, "__isabstractmethod__", pm_isabstract);
        gs_modtype_add_attr(vm, st->t_sdm, "__doc__",
                            gs_str_from_cstr(vm, "Single-dispatch generic method descriptor.\n\n"
                                                 "    Supports wrapping existing descriptors and handles non-descriptor\n"
                                                 "    callables as instance methods.\n    "));
        gs_type_update_hooks(vm, st->t_sdm);
        st->t_sdm_method = gs_native_type_new(vm, "function", &sdmm_ops, sdmm_methods);
        /* a function's size (sys.getsizeof 152) */
        gs_Type *fns[] = { st->t_pm_method, st->t_sdm_method };
        for (int i = 0; i < 2; i++)
            gs_modtype_add_attr(vm, fns[i], "__basicsize__", gs_int_new(vm, 136));
        add_property(vm, st->t_key, "obj", key_obj);
        gs_modtype_add_attr(vm, st->t_key, "__hash__", gs_newref(vm, vm->none));
        /* tp_basicsize (sys.getsizeof adds the GC header): the C types', and
         * a Python function's for what functools.py makes with a def */
        const struct { gs_Type *t; int size; } basic[] = {
            { st->t_partial, 64 }, { st->t_lru, 152 },        { st->t_key, 32 },         { st->t_lru_maker, 136 },
            { st->t_derived, 136 }, { st->t_dispatch, 136 },
        };
        for (size_t i = 0; i < sizeof basic / sizeof basic[0]; i++)
            gs_modtype_add_attr(vm, basic[i].t, "__basicsize__", gs_int_new(vm, basic[i].size));
        st->t_params->var_size = function_size; /* (no dict of its own to say it in) */
    }
    gs_Object *m = gs_module_new(vm, "functools");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, module_functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_module_add(vm, m, "partial", gs_newref(vm, &st->t_partial->ob));
    gs_module_add(vm, m, "_lru_cache_wrapper", gs_newref(vm, &st->t_lru->ob));
    gs_module_add(vm, m, "partialmethod", gs_newref(vm, &st->t_partialmethod->ob));
    gs_module_add(vm, m, "singledispatchmethod", gs_newref(vm, &st->t_sdm->ob));
    if (!st->kwd_mark) {
        /* the C module's state: kwd_mark = object(), and wraps' update_wrapper */
        gs_Object *mark = gs_alloc(vm, vm->t_object, sizeof(gs_Instance));
        if (mark) {
            mark->kind = GS_K_INSTANCE;
            gs_table_init(&((gs_Instance *)mark)->attrs);
        }
        st->kwd_mark = mark;
        gs_Object *uw = gs_dict_get_str(vm, &((gs_Module *)m)->dict->ob, gs_name(vm, "update_wrapper"));
        st->update_wrapper = uw ? gs_newref(vm, uw) : NULL;
        if (!mark || !uw) {
            gs_decref(vm, m);
            return NULL;
        }
    }
    gs_Object *wa = gs_tuple_new(vm, N_ASSIGNED);
    for (int i = 0; wa && i < N_ASSIGNED; i++)
        gs_tuple_init(vm, wa, i, gs_str_from_cstr(vm, wrapper_assignments[i]));
    gs_module_add(vm, m, "WRAPPER_ASSIGNMENTS", wa);
    gs_module_add(vm, m, "WRAPPER_UPDATES", gs_tuple_pack(vm, 1, &vm->s___dict__->ob));
    /* CPython runs Lib/functools.py and what it imports (collections,
     * itertools, operator, reprlib, keyword, types), less what an earlier
     * import already brought: allocations, objects kept, objects left in
     * cycles, measured with python3.11 after a full collection; less what
     * this module makes (105 allocations, 102 kept) */
    if (gs_module_imported(vm, "contextlib"))
        gs_gc_import_footprint(vm, -(105 - 1), -102, 0); /* functools came with it */
    else if (gs_module_imported(vm, "copy"))
        gs_gc_import_footprint(vm, 1530 - 105, 727 - 102, 23);
    else if (gs_module_imported(vm, "itertools"))
        gs_gc_import_footprint(vm, 1597 - 105, 723 - 102, 30);
    else
        gs_gc_import_footprint(vm, 1787 - 105, 894 - 102, 30);
    return m;
}

void gs_functools_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    FtState *st = state(vm);
    if (st) {
        count(ctx, st->kwd_mark);
        count(ctx, st->update_wrapper);
    }
}

void gs_functools_clear(gs_VM *vm)
{
    FtState *st = state(vm);
    if (!st)
        return;
    gs_Object *a = st->kwd_mark, *b = st->update_wrapper;
    st->kwd_mark = st->update_wrapper = NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
}

void gs_functools_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_FUNCTOOLS]);
    vm->modstate[GS_MS_FUNCTOOLS] = NULL;
}
