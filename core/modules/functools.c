/*
 * functools.c — the functools module: reduce, partial, lru_cache and cache
 * (the _lru_cache_wrapper of Modules/_functoolsmodule.c), wraps and
 * update_wrapper, total_ordering and cached_property.
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

/* singledispatch(func): a wrapper that calls the function registered for
 * the class of its first argument, or for the nearest class in its MRO
 * (func itself for object).  wrapper.register(cls[, f]) or @register on a
 * function whose first parameter is annotated; wrapper.dispatch(cls);
 * wrapper.registry.  CPython writes it in Python: its closure cells,
 * dispatch cache and MappingProxyType are not modelled. */
typedef struct Dispatch {
    gs_Instance inst; /* attributes: __name__, __wrapped__ ... (update_wrapper) */
    gs_Object *registry;
} Dispatch;

static int dispatch_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    Dispatch *d = (Dispatch *)o;
    return d->registry ? fn(vm, o, d->registry, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 20), arg) : 0;
}

static void dispatch_clear(gs_VM *vm, gs_Object *o) { field_set(vm, o, &((Dispatch *)o)->registry, 20, NULL); }

static const gs_NativeOps dispatch_ops = { sizeof(Dispatch), true, true, dispatch_traverse, dispatch_clear, NULL,
                                           false, true, true, 0, NULL, NULL };

/* the implementation for cls: the registry's entry for the first class of
 * its MRO that has one (a borrowed reference; NULL: none) */
static gs_Object *dispatch_find(gs_VM *vm, gs_Object *self, gs_Object *cls)
{
    Dispatch *d = (Dispatch *)self;
    if (GS_KIND(cls) != GS_K_TYPE)
        return NULL;
    int32_t n;
    gs_Type **mro = gs_type_mro((gs_Type *)cls, &n);
    for (int32_t i = 0; mro && i < n; i++) {
        gs_Object *f = gs_dict_get(vm, d->registry, &mro[i]->ob);
        if (f || vm->exc)
            return f;
    }
    return NULL;
}

static gs_Object *dispatch_dispatch(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *f = dispatch_find(vm, self, args[0]);
    if (!f && !vm->exc)
        gs_raise(vm, vm->e_TypeError, "dispatch() needs a class, not %s", gs_type_name(args[0]));
    return f ? gs_newref(vm, f) : NULL;
}

static gs_Object *dispatch_call(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (npos == 0) {
        gs_Object *nm = gs_lookup_attr(vm, self, vm->s___name__);
        gs_raise(vm, vm->e_TypeError, "%s requires at least 1 positional argument",
                 nm && GS_KIND(nm) == GS_K_STR ? ((gs_Str *)nm)->data : "singledispatch function");
        gs_xdecref(vm, nm);
        return NULL;
    }
    gs_Object *f = dispatch_find(vm, self, &args[0]->type->ob);
    if (!f)
        return vm->exc ? NULL : (gs_raise(vm, vm->e_TypeError, "no implementation"), NULL);
    gs_incref(vm, f);
    gs_Object *r = gs_call_object(vm, f, args, nargs, kwnames);
    gs_decref(vm, f);
    return r;
}

/* the class a function's first annotated parameter names (get_type_hints:
 * a string is looked up in the function's globals, then the builtins) */
static gs_Object *first_annotation(gs_VM *vm, gs_Object *func)
{
    gs_Object *ann = gs_lookup_attr(vm, func, gs_name(vm, "__annotations__"));
    if (!ann || GS_KIND(ann) != GS_K_DICT) {
        gs_xdecref(vm, ann);
        return NULL;
    }
    int32_t pos = 0;
    gs_Object *k, *v, *cls = NULL;
    while (gs_dict_next(ann, &pos, &k, &v))
        if (!(GS_KIND(k) == GS_K_STR && strcmp(((gs_Str *)k)->data, "return") == 0)) {
            cls = v;
            break;
        }
    if (cls && GS_KIND(cls) == GS_K_STR && GS_KIND(func) == GS_K_FUNCTION) {
        gs_Object *g = gs_dict_get(vm, &((gs_Function *)func)->globals->ob, cls);
        cls = g ? g : gs_dict_get(vm, vm->builtins, cls);
    }
    if (cls)
        gs_incref(vm, cls);
    gs_decref(vm, ann);
    return cls;
}

static gs_Object *dispatch_register(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *cls = args[0], *func = nargs > 1 ? args[1] : NULL;
    Dispatch *d = (Dispatch *)self;
    if (GS_KIND(cls) == GS_K_TYPE) {
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
        func = cls;
        cls = first_annotation(vm, func);
        if (!cls) {
            if (vm->exc)
                return NULL;
            gs_Object *r = gs_repr(vm, func);
            if (r)
                gs_raise(vm, vm->e_TypeError,
                         "Invalid first argument to `register()`: %s. Use either `@register(some_class)` or plain "
                         "`@register` on an annotated function.",
                         ((gs_Str *)r)->data);
            gs_xdecref(vm, r);
            return NULL;
        }
        gs_decref(vm, cls); /* the annotations dict keeps it */
        if (GS_KIND(cls) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "Invalid annotation for 'arg'. %s is not a class.", gs_type_name(cls));
            return NULL;
        }
    }
    if (gs_dict_set(vm, d->registry, cls, func) < 0)
        return NULL;
    return gs_newref(vm, func);
}

static gs_Object *dispatch_registry(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, ((Dispatch *)self)->registry);
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
    { "__call__", dispatch_call, 0, -1, GS_KW }, { "register", dispatch_register, 1, 2, 0 },
    { "dispatch", dispatch_dispatch, 1, 1, 0 }, { "__repr__", dispatch_repr, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

static gs_Object *m_singledispatch(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "func" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "singledispatch", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    gs_Object *o = gs_native_new(vm, state(vm)->t_dispatch);
    if (!o)
        return NULL;
    Dispatch *d = (Dispatch *)o;
    d->registry = gs_dict_new(vm);
    gs_record_fields(vm, o);
    if (!d->registry || gs_dict_set(vm, d->registry, &vm->t_object->ob, a[0]) < 0 ||
        do_update_wrapper(vm, o, a[0], NULL, NULL) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
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
     * this module makes (72 allocations, 69 kept) */
    if (gs_module_imported(vm, "contextlib"))
        gs_gc_import_footprint(vm, -(72 - 1), -69, 0); /* functools came with it */
    else if (gs_module_imported(vm, "copy"))
        gs_gc_import_footprint(vm, 1530 - 72, 727 - 69, 23);
    else if (gs_module_imported(vm, "itertools"))
        gs_gc_import_footprint(vm, 1597 - 72, 723 - 69, 30);
    else
        gs_gc_import_footprint(vm, 1787 - 72, 894 - 69, 30);
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
