/*
 * weakref.c — the weakref module: ref, proxy and the proxy types
 * (core/runtime/weakrefobject.c), getweakrefcount, getweakrefs, and the
 * classes of Lib/weakref.py and Lib/_weakrefset.py: KeyedRef, WeakMethod,
 * WeakValueDictionary, WeakKeyDictionary, WeakSet, _IterationGuard and
 * finalize.
 *
 * CPython writes those classes in Python; here they are built-in types
 * whose instances keep the same state in the same shape, as attributes:
 * a weak dictionary has `data` (a dict), `_remove` (a function whose
 * defaults hold only a weak reference to the dictionary),
 * `_pending_removals` (a list) and `_iterating` (a set of the guards of the
 * iterations in progress); a WeakSet the same with a set for `data`; a
 * WeakMethod `_func_ref`, `_meth_type` and `_alive`.  Their methods follow
 * the Python code step by step, so what dies when, and what holds what,
 * is CPython's:
 *
 *   - keys(), values(), items(), iteration, itervaluerefs() and a WeakSet's
 *     iteration are generators: nothing runs before the first next(); then
 *     an _IterationGuard is registered in `_iterating` for as long as the
 *     generator runs, and while it is registered the `_remove` callbacks of
 *     dying entries only append to `_pending_removals`; the guard leaves
 *     when the generator ends, is closed or dies (its finalizer), and the
 *     last guard to leave commits the pending removals.  The generator
 *     holds what the Python generator's frame holds: the container, the
 *     guard's bound __exit__, the dict or set iterator and the locals of
 *     its loop (the last item it gave stays alive until it is resumed);
 *   - the functions CPython runs also make objects the model does not
 *     (argument tuples, bound methods, exceptions caught inside): they are
 *     "phantoms" that only move gc.get_count() and the free lists, made and
 *     freed where the Python code makes and frees them.
 *
 * finalize keeps a class-level registry that keeps every live finalizer
 * (and so its weak reference) reachable until it has been called.
 */
#include <stdio.h>

#include "modules.h"
#include "runtime/opcodes.h"

/* Types of the weakref module, made when it is first imported. */
typedef struct gs_WeakrefState {
    gs_Type *t_keyedref, *t_weakmethod, *t_wvd, *t_wkd, *t_weakset, *t_guard, *t_func, *t_gen;
    gs_Type *t_finalize, *t_finfo;
    gs_Object *remove_dead;     /* _remove_dead_weakref (borrowed: the module and the WVDs' defaults hold it) */
    gs_Object *registry;        /* finalize._registry: finalize object -> info (dict, owned) */
    int64_t next_index;         /* finalize._index_iter */
    bool shutdown;              /* finalize._shutdown */
    bool made_wvd;              /* a WeakValueDictionary was made */
    gs_Object *atexit_kept[2];  /* phantoms: a list and a dict `import atexit` keeps */
} gs_WeakrefState;

#define WR(o) ((gs_WeakRef *)(o))

/* ================================================================== helpers */

/* An attribute of one of this module's instances, borrowed, or NULL. */
static gs_Object *attr(gs_VM *vm, gs_Object *o, const char *name)
{
    gs_Instance *in = (gs_Instance *)o;
    gs_DictTable *t = in->dict ? &in->dict->t : &in->attrs;
    int32_t ix = gs_table_lookup_str(t, gs_name(vm, name));
    return ix >= 0 ? t->entries[ix].value : NULL;
}

static int set_attr(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    return gs_setattr(vm, o, gs_name(vm, name), v);
}

static int set_attr_steal(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    if (!v)
        return -1;
    int r = gs_setattr(vm, o, gs_name(vm, name), v);
    gs_decref(vm, v);
    return r;
}

/* del o.name if it is there (a generator's locals going out of scope) */
static void del_attr(gs_VM *vm, gs_Object *o, const char *name)
{
    if (attr(vm, o, name))
        gs_setattr(vm, o, gs_name(vm, name), NULL);
}

/* self.<name> that must be a `kind` (the container's data, its list of
 * pending removals...), borrowed; AttributeError like Python's otherwise */
static gs_Object *need(gs_VM *vm, gs_Object *self, const char *name, gs_Kind kind)
{
    gs_Object *d = attr(vm, self, name);
    if (!d || GS_KIND(d) != kind) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", gs_type_name(self), name);
        return NULL;
    }
    return d;
}

static gs_Object *self_data(gs_VM *vm, gs_Object *self) { return need(vm, self, "data", GS_K_DICT); }

static void raise_key_error(gs_VM *vm, gs_Object *key)
{
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, key)));
}

/* The referent of a weak reference (borrowed), or NULL if it is dead. */
static gs_Object *referent(gs_Object *wr) { return gs_is_weakref(wr) ? WR(wr)->object : NULL; }

/* list(iterable): a list made by the type (PyType_GenericAlloc: no free list) */
static gs_Object *list_of(gs_VM *vm, gs_Object *iterable)
{
    gs_Object *l = gs_list_new_fresh(vm);
    if (l && gs_list_extend(vm, l, iterable) < 0) {
        gs_decref(vm, l);
        return NULL;
    }
    return l;
}

/* A method of a built-in type called on o (dict.popitem(d) ...). */
static gs_Object *call_method(gs_VM *vm, gs_Type *t, const char *name, gs_Object *o, gs_Object **args, int nargs)
{
    gs_Object *m = gs_type_lookup(t, gs_name(vm, name));
    if (!m) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute '%s'", t->name->data, name);
        return NULL;
    }
    gs_Object *argv[nargs + 1];
    argv[0] = o;
    for (int i = 0; i < nargs; i++)
        argv[i + 1] = args[i];
    return gs_call_object(vm, m, argv, nargs + 1, NULL);
}

/* The arguments of a method CPython writes in Python (`def f(self, a,
 * b=None)`), with its messages: params[] are the names after self, the
 * first nreq required; out[i] gets each argument (borrowed) or NULL.
 * npos_only: how many of them are positional-only (before a `/`); with
 * `varkw` the keywords that name no parameter (or a positional-only one)
 * are left for the caller (**kwargs) instead of being an error.  The
 * counts in the messages include self, as CPython's do. */
static int pyargs(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames,
                  const char *const *params, int nparams, int nreq, int npos_only, bool varkw, gs_Object **out)
{
    int npos = gs_npos(nargs, kwnames);
    for (int i = 0; i < nparams; i++)
        out[i] = i < npos ? args[i] : NULL;
    if (npos > nparams) {
        if (nreq == nparams)
            gs_raise(vm, vm->e_TypeError, "%s() takes %d positional argument%s but %d %s given", fname, nparams + 1,
                     nparams ? "s" : "", npos + 1, npos + 1 == 1 ? "was" : "were");
        else
            gs_raise(vm, vm->e_TypeError, "%s() takes from %d to %d positional arguments but %d were given", fname,
                     nreq + 1, nparams + 1, npos + 1);
        return -1;
    }
    for (int k = 0; kwnames && k < kwnames->len; k++) {
        gs_Str *kn = (gs_Str *)kwnames->items[k];
        int i = npos_only;
        while (i < nparams && strcmp(params[i], kn->data) != 0)
            i++;
        if (i == nparams) {
            if (varkw)
                continue;
            gs_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kn->data);
            return -1;
        }
        if (out[i]) {
            gs_raise(vm, vm->e_TypeError, "%s() got multiple values for argument '%s'", fname, kn->data);
            return -1;
        }
        out[i] = args[npos + k];
    }
    int missing = 0;
    for (int i = 0; i < nreq; i++)
        missing += !out[i];
    if (missing) {
        gs_Buf b;
        gs_buf_init(&b);
        int seen = 0;
        for (int i = 0; i < nreq; i++) {
            if (out[i])
                continue;
            if (seen)
                gs_buf_adds(&b, seen == missing - 1 ? (missing > 2 ? ", and " : " and ") : ", ");
            gs_buf_printf(&b, "'%s'", params[i]);
            seen++;
        }
        gs_raise(vm, vm->e_TypeError, "%s() missing %d required positional argument%s: %s", fname, missing,
                 missing == 1 ? "" : "s", b.data ? b.data : "");
        gs_buf_free(&b);
        return -1;
    }
    return 0;
}

/* The keywords of a call that pyargs left for **kwargs: (name, value)
 * pairs to walk with kw_next. */
static bool kw_next(gs_Tuple *kwnames, gs_Object **args, int nargs, const char *const *params, int npos_only,
                    int nparams, int *k, gs_Object **name, gs_Object **value)
{
    int npos = gs_npos(nargs, kwnames);
    for (; kwnames && *k < kwnames->len; (*k)++) {
        gs_Str *kn = (gs_Str *)kwnames->items[*k];
        bool named = false;
        for (int i = npos_only; i < nparams; i++)
            named |= strcmp(params[i], kn->data) == 0;
        if (named)
            continue;
        *name = &kn->ob;
        *value = args[npos + *k];
        (*k)++;
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ what the Python code also makes
 * In CPython these classes run Python code (Lib/weakref.py) that makes
 * objects this model does not: argument tuples of the calls it makes,
 * bound methods, exceptions it catches...  They only matter to
 * gc.get_count(); these helpers move the counter (and the free lists) as
 * that code does, measured against python3.11. */

/* Argument tuples that live only during a call: sizes in call order. */
static void phantom_call_tuples(gs_VM *vm, const int32_t *lens, int n)
{
    gs_Object *held[4] = { NULL, NULL, NULL, NULL };
    for (int i = 0; i < n && i < 4; i++)
        held[i] = gs_phantom_alloc(vm, vm->t_tuple, lens[i]);
    for (int i = n < 4 ? n - 1 : 3; i >= 0; i--)
        gs_phantom_free(vm, held[i]);
}

/* Objects the Python-level constructor keeps for the object's life. */
static void phantom_kept(gs_VM *vm, int n)
{
    for (int i = 0; i < n; i++)
        gs_gc_on_alloc(vm);
}

/* `pop = self._pending_removals.pop` ... `try: pop() except IndexError:
 * return`: the bound method and the caught exception */
static void phantom_commit_epilogue(gs_VM *vm, gs_Object *pop)
{
    gs_Object *exc = gs_phantom_alloc(vm, vm->e_IndexError, 0);
    gs_phantom_free(vm, exc);
    gs_phantom_free(vm, pop);
}

/* ================================================================== functions of Python code */

/* A function CPython defines in Python inside these classes (a weak
 * container's `_remove`, WeakMethod's `_cb`): type(f).__name__ is
 * 'function', its __defaults__ / __closure__ are the tuple it holds.  Here
 * it is a built-in function of this module's "function" type whose self is
 * that tuple (the weak reference to its container lives in it), so the
 * trace shows what holds what. */
static gs_Object *pyfunc_new(gs_VM *vm, const char *name, gs_CFunc fn, int nparams, gs_Object *held)
{
    gs_Builtin *b = (gs_Builtin *)gs_alloc(vm, vm->wr->t_func, sizeof(gs_Builtin));
    if (!b)
        return NULL;
    b->name = name;
    b->fn = fn;
    b->min_args = (int16_t)nparams;
    b->max_args = (int16_t)nparams;
    b->self = held;
    gs_record_alloc(vm, &b->ob);
    gs_incref_c(vm, held, GS_CAUSE(GS_CAUSE_INTERNAL, b->ob.id, 0));
    gs_record_fields(vm, &b->ob);
    gs_gc_track(vm, &b->ob);
    return &b->ob;
}

/* Closures (WeakMethod's _cb) hold their cells in __closure__, the others
 * their weak reference in __defaults__ */
static bool is_closure(gs_Object *f) { return strcmp(((gs_Builtin *)f)->name, "_cb") == 0; }

static gs_Object *func_defaults(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, is_closure(self) ? vm->none : ((gs_Builtin *)self)->self);
}

static gs_Object *func_closure(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, is_closure(self) ? ((gs_Builtin *)self)->self : vm->none);
}

static gs_Object *func_qualname(GS_ARGS)
{
    GS_UNUSED_ARGS;
    const char *n = ((gs_Builtin *)self)->name;
    return gs_str_from_cstr(vm, strcmp(n, "_cb") == 0 ? "WeakMethod.__new__.<locals>._cb" : n);
}

/* ================================================================== module functions */

static gs_Object *m_getweakrefcount(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object **list = gs_weakref_listptr(args[0]);
    int64_t n = 0;
    for (gs_WeakRef *w = list ? WR(*list) : NULL; w; w = w->next)
        n++;
    return gs_int_new(vm, n);
}

static gs_Object *m_getweakrefs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    gs_Object **list = gs_weakref_listptr(args[0]);
    for (gs_WeakRef *w = list ? WR(*list) : NULL; w; w = w->next)
        if (gs_list_append(vm, l, &w->inst.ob) < 0) {
            gs_decref(vm, l);
            return NULL;
        }
    return l;
}

/* proxy(object[, callback]) */
static gs_Object *m_proxy(GS_ARGS)
{
    GS_UNUSED(self);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "_weakref.proxy() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gs_raise(vm, vm->e_TypeError, nargs < 1 ? "proxy expected at least 1 argument, got %d"
                                                : "proxy expected at most 2 arguments, got %d", nargs);
        return NULL;
    }
    return gs_proxy_new(vm, args[0], nargs > 1 ? args[1] : NULL);
}

/* Delete d[key] if it is a dead weak reference (the atomic test a weak
 * value dictionary's removal needs); a missing key is fine. */
static int remove_dead(gs_VM *vm, gs_Object *d, gs_Object *key)
{
    gs_Object *v = gs_dict_get(vm, d, key);
    if (!v)
        return vm->exc ? -1 : 0;
    if (gs_is_weakref(v) && !WR(v)->object)
        return gs_dict_del(vm, d, key);
    return 0;
}

/* _remove_dead_weakref(dct, key, /) */
static gs_Object *m_remove_dead_weakref(GS_ARGS)
{
    GS_UNUSED(self);
    GS_UNUSED(kwnames);
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "_remove_dead_weakref expected 2 arguments, got %d", nargs);
        return NULL;
    }
    if (GS_KIND(args[0]) != GS_K_DICT) {
        gs_raise(vm, vm->e_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s", gs_type_name(args[0]));
        return NULL;
    }
    return remove_dead(vm, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

/* ================================================================== KeyedRef */

static const char *const keyedref_params[] = { "ob", "callback", "key" };

/* def __new__(type, ob, callback, key): self = ref.__new__(type, ob, callback); self.key = key */
static gs_Object *keyedref_new(GS_ARGS)
{
    gs_Object *a[3];
    if (!self) { /* KeyedRef.__new__(cls, ...) from Python */
        if (gs_npos(nargs, kwnames) < 1 || GS_KIND(args[0]) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "KeyedRef.__new__() missing 4 required positional arguments: "
                     "'type', 'ob', 'callback', and 'key'");
            return NULL;
        }
        self = args[0];
        args++;
        nargs--;
    }
    if (pyargs(vm, "KeyedRef.__new__", args, nargs, kwnames, keyedref_params, 3, 3, 0, false, a) < 0)
        return NULL;
    return gs_weakref_new_full(vm, (gs_Type *)self, a[0], a[1], a[2]);
}

/* def __init__(self, ob, callback, key): super().__init__(ob, callback) */
static gs_Object *keyedref_init(GS_ARGS)
{
    GS_UNUSED(self);
    gs_Object *a[3];
    if (pyargs(vm, "KeyedRef.__init__", args, nargs, kwnames, keyedref_params, 3, 3, 0, false, a) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *keyedref_key(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *k = WR(self)->key;
    return gs_newref(vm, k ? k : vm->none);
}

/* ================================================================== WeakMethod */

/* def _cb(arg): self = self_wr(); if self._alive: self._alive = False;
 * if callback is not None: callback(self).  Its closure: the cells of
 * `callback` and `self_wr`. */
static gs_Object *wm_cb(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    GS_UNUSED(args);
    gs_Tuple *closure = (gs_Tuple *)self;
    gs_Object *callback = ((gs_Cell *)closure->items[0])->ref;
    gs_Object *self_wr = ((gs_Cell *)closure->items[1])->ref;
    gs_Object *wm = self_wr && WR(self_wr)->object ? WR(self_wr)->object : vm->none;
    gs_incref(vm, wm);
    gs_Object *alive = gs_getattr(vm, wm, gs_name(vm, "_alive"));
    int t = alive ? gs_truthy(vm, alive) : -1;
    gs_xdecref(vm, alive);
    gs_Object *r = NULL;
    if (t == 0)
        r = GS_NONE(vm);
    else if (t > 0 && set_attr(vm, wm, "_alive", vm->false_) == 0) {
        if (callback && callback != vm->none) {
            gs_incref(vm, callback);
            r = gs_call(vm, callback, &wm, 1, NULL);
            gs_decref(vm, callback);
        } else
            r = GS_NONE(vm);
    }
    gs_decref(vm, wm);
    return r ? (gs_decref(vm, r), GS_NONE(vm)) : NULL;
}

static const char *const wm_params[] = { "meth", "callback" };

/* def __new__(cls, meth, callback=None) */
static gs_Object *wm_new(GS_ARGS)
{
    if (!self) {
        if (gs_npos(nargs, kwnames) < 1 || GS_KIND(args[0]) != GS_K_TYPE) {
            gs_raise(vm, vm->e_TypeError, "WeakMethod.__new__() missing 2 required positional arguments: "
                     "'cls' and 'meth'");
            return NULL;
        }
        self = args[0];
        args++;
        nargs--;
    }
    gs_Object *a[2];
    if (pyargs(vm, "WeakMethod.__new__", args, nargs, kwnames, wm_params, 2, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *meth = a[0], *callback = a[1] ? a[1] : vm->none;
    gs_Object *obj = gs_lookup_attr(vm, meth, gs_name(vm, "__self__"));
    gs_Object *func = obj ? gs_lookup_attr(vm, meth, gs_name(vm, "__func__")) : NULL;
    if (!func) {
        gs_xdecref(vm, obj);
        if (vm->exc && !gs_exc_matches(vm, vm->e_AttributeError))
            return NULL;
        gs_clear_exc(vm);
        gs_raise(vm, vm->e_TypeError, "argument should be a bound method, not <class '%s'>", gs_type_name(meth));
        return NULL;
    }
    /* the cells of _cb's closure: callback, and self_wr (filled below) */
    gs_Object *c_cb = gs_cell_new(vm, callback);
    gs_Object *c_self = c_cb ? gs_cell_new(vm, NULL) : NULL;
    gs_Object *closure = c_self ? gs_tuple_pack(vm, 2, c_cb, c_self) : NULL;
    gs_xdecref(vm, c_cb);
    gs_Object *cb = closure ? pyfunc_new(vm, "_cb", wm_cb, 1, closure) : NULL;
    gs_xdecref(vm, closure);
    gs_Object *wm = cb ? gs_weakref_new_full(vm, (gs_Type *)self, obj, cb, NULL) : NULL;
    int err = !wm;
    if (!err)
        err = set_attr_steal(vm, wm, "_func_ref", gs_weakref_new(vm, func, cb)) < 0 ||
              set_attr(vm, wm, "_meth_type", &meth->type->ob) < 0 || set_attr(vm, wm, "_alive", vm->true_) < 0;
    if (!err) {
        gs_Object *self_wr = gs_weakref_new(vm, wm, NULL);
        if (self_wr) {
            ((gs_Cell *)c_self)->ref = self_wr; /* steals */
            gs_record_field(vm, c_self, 0, NULL, self_wr);
        } else
            err = 1;
    }
    gs_xdecref(vm, c_self);
    gs_xdecref(vm, cb);
    gs_decref(vm, obj);
    gs_decref(vm, func);
    if (!err && kwnames && kwnames->len) {
        /* WeakMethod has no __init__: ref.__init__ runs and refuses keywords */
        gs_raise(vm, vm->e_TypeError, "ref() takes no keyword arguments");
        err = 1;
    }
    if (err) {
        gs_xdecref(vm, wm);
        return NULL;
    }
    return wm;
}

/* def __call__(self): obj = super().__call__(); func = self._func_ref();
 * return None if either died, else self._meth_type(func, obj) */
static gs_Object *wm_call(GS_ARGS)
{
    GS_UNUSED(args);
    if (nargs || (kwnames && kwnames->len)) {
        gs_raise(vm, vm->e_TypeError, "WeakMethod.__call__() takes 1 positional argument but %d were given",
                 nargs + 1);
        return NULL;
    }
    gs_Object *obj = WR(self)->object;
    gs_Object *fr = attr(vm, self, "_func_ref");
    gs_Object *func = fr ? referent(fr) : NULL;
    if (!obj || !func)
        return GS_NONE(vm);
    return gs_method_new(vm, func, obj);
}

static bool is_weakmethod(gs_VM *vm, gs_Object *o) { return gs_isinstance(o, vm->wr->t_weakmethod); }

static bool wm_alive(gs_VM *vm, gs_Object *o)
{
    gs_Object *a = attr(vm, o, "_alive");
    return a && gs_truthy(vm, a) == 1;
}

/* __eq__: `ref.__eq__(self, other) and self._func_ref == other._func_ref`;
 * __ne__: `ref.__ne__(self, other) or self._func_ref != other._func_ref` */
static gs_Object *wm_compare(gs_VM *vm, gs_Object *self, gs_Object *other, int op)
{
    if (!is_weakmethod(vm, other))
        return gs_newref(vm, vm->notimpl);
    if (!wm_alive(vm, self) || !wm_alive(vm, other))
        return GS_BOOL(vm, (self == other) == (op == GS_CMP_EQ));
    gs_Object *x = WR(self)->object, *y = WR(other)->object;
    gs_Object *first;
    if (!x || !y)
        first = GS_BOOL(vm, (self == other) == (op == GS_CMP_EQ));
    else {
        gs_incref(vm, x);
        gs_incref(vm, y);
        first = gs_compare(vm, op, x, y);
        gs_decref(vm, x);
        gs_decref(vm, y);
    }
    if (!first)
        return NULL;
    int t = gs_truthy(vm, first);
    if (t < 0 || t == (op == GS_CMP_NE)) /* `and` stops at a false one, `or` at a true one */
        return t < 0 ? (gs_decref(vm, first), NULL) : first;
    gs_decref(vm, first);
    gs_Object *fa = attr(vm, self, "_func_ref"), *fb = attr(vm, other, "_func_ref");
    if (!fa || !fb)
        return GS_BOOL(vm, false);
    return gs_compare(vm, op, fa, fb);
}

static gs_Object *wm_eq(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return wm_compare(vm, self, args[0], GS_CMP_EQ); }
static gs_Object *wm_ne(GS_ARGS) { GS_UNUSED(nargs); GS_UNUSED(kwnames); return wm_compare(vm, self, args[0], GS_CMP_NE); }

/* ================================================================== weak containers: the shared parts */

enum { C_WVD, C_WKD, C_WSET };

/* Which of the three a container is (its class or a class derived from it). */
static int container_kind(gs_VM *vm, gs_Object *o)
{
    gs_WeakrefState *st = vm->wr;
    if (gs_isinstance(o, st->t_wvd))
        return C_WVD;
    if (gs_isinstance(o, st->t_wkd))
        return C_WKD;
    return C_WSET;
}

/* self._iterating is not empty: an iteration is in progress */
static bool iterating(gs_VM *vm, gs_Object *self)
{
    gs_Object *s = attr(vm, self, "_iterating");
    return s && GS_KIND(s) == GS_K_SET && ((gs_Set *)s)->used > 0;
}

static bool has_pending(gs_VM *vm, gs_Object *self)
{
    gs_Object *p = attr(vm, self, "_pending_removals");
    return p && GS_KIND(p) == GS_K_LIST && ((gs_List *)p)->len > 0;
}

/* _commit_removals: pop the pending keys (newest first) and remove each
 * one: a weak value dictionary's key if it still maps to a dead reference,
 * a weak key dictionary's dead reference, a WeakSet's dead reference. */
static int commit_removals(gs_VM *vm, gs_Object *self)
{
    gs_Object *pending = need(vm, self, "_pending_removals", GS_K_LIST);
    gs_Object *data = attr(vm, self, "data");
    if (!pending || !data)
        return -1;
    int kind = container_kind(vm, self);
    gs_Object *pop = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_Object *discard = kind == C_WSET ? gs_phantom_alloc(vm, vm->t_builtin, 0) : NULL;
    gs_incref(vm, pending);
    gs_incref(vm, data);
    int r = 0;
    while (r == 0 && ((gs_List *)pending)->len > 0) {
        gs_Object *key = gs_list_pop(vm, pending, -1);
        if (!key) {
            r = -1;
            break;
        }
        if (kind == C_WVD)
            r = GS_KIND(data) == GS_K_DICT ? remove_dead(vm, data, key) : 0;
        else if (kind == C_WKD) {
            if (GS_KIND(data) == GS_K_DICT && gs_dict_del(vm, data, key) < 0) {
                if (gs_exc_matches(vm, vm->e_KeyError))
                    gs_clear_exc(vm);
                else
                    r = -1;
            }
        } else if (GS_KIND(data) == GS_K_SET && gs_set_discard(vm, data, key) < 0)
            r = -1;
        gs_decref(vm, key);
    }
    gs_decref(vm, data);
    gs_decref(vm, pending);
    if (r == 0)
        phantom_commit_epilogue(vm, pop);
    else
        gs_phantom_free(vm, pop);
    gs_phantom_free(vm, discard);
    return r;
}

/* `if self._pending_removals: self._commit_removals()` */
static int commit_if_pending(gs_VM *vm, gs_Object *self)
{
    return has_pending(vm, self) ? commit_removals(vm, self) : 0;
}

/* The `_remove` callback shared by every weak reference a container makes:
 * its defaults hold only `selfref`, a weak reference to the container.
 * While an iteration is in progress the key only joins the pending
 * removals; else it goes at once.  `what` is what names the entry: a
 * KeyedRef's key (WVD), the dead reference itself (WKD, WeakSet). */
static gs_Object *remove_entry(gs_VM *vm, gs_Object *defaults, gs_Object *what)
{
    gs_Object *selfref = ((gs_Tuple *)defaults)->items[0];
    gs_Object *self = referent(selfref);
    if (!self)
        return GS_NONE(vm);
    gs_incref(vm, self);
    int r = 0;
    if (iterating(vm, self)) {
        gs_Object *pending = need(vm, self, "_pending_removals", GS_K_LIST);
        r = pending ? gs_list_append(vm, pending, what) : -1;
    } else {
        gs_Object *data = attr(vm, self, "data");
        int kind = container_kind(vm, self);
        if (!data) {
            gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute 'data'", gs_type_name(self));
            r = -1;
        } else if (kind == C_WVD) {
            if (GS_KIND(data) == GS_K_DICT)
                r = remove_dead(vm, data, what);
        } else if (kind == C_WKD) {
            if (GS_KIND(data) == GS_K_DICT && gs_dict_del(vm, data, what) < 0) {
                if (gs_exc_matches(vm, vm->e_KeyError))
                    gs_clear_exc(vm);
                else
                    r = -1;
            }
        } else if (GS_KIND(data) == GS_K_SET) {
            gs_Object *discard = gs_phantom_alloc(vm, vm->t_builtin, 0); /* self.data.discard */
            r = gs_set_discard(vm, data, what) < 0 ? -1 : 0;
            gs_phantom_free(vm, discard);
        }
    }
    gs_decref(vm, self);
    return r < 0 ? NULL : GS_NONE(vm);
}

/* WeakValueDictionary's remove(wr, selfref=ref(self), _atomic_removal=_remove_dead_weakref) */
static gs_Object *wvd_remove(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *key = gs_is_weakref(args[0]) ? WR(args[0])->key : NULL;
    if (!key) {
        gs_raise(vm, vm->e_AttributeError, "'%s' object has no attribute 'key'", gs_type_name(args[0]));
        return NULL;
    }
    gs_incref(vm, key);
    gs_Object *r = remove_entry(vm, self, key);
    gs_decref(vm, key);
    return r;
}

/* WeakKeyDictionary's remove(k, selfref=ref(self)) and WeakSet's
 * _remove(item, selfref=ref(self)) */
static gs_Object *key_remove(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return remove_entry(vm, self, args[0]);
}

/* Set up a container's state in CPython's attribute order:
 * WeakValueDictionary: _remove, _pending_removals, _iterating, data;
 * WeakKeyDictionary: data, _remove, _pending_removals, _iterating, _dirty_len;
 * WeakSet: data, _remove, _pending_removals, _iterating. */
static int container_init_parts(gs_VM *vm, gs_Object *self, int kind)
{
    gs_WeakrefState *st = vm->wr;
    if (kind != C_WVD && set_attr_steal(vm, self, "data", kind == C_WSET ? gs_set_new(vm, false) : gs_dict_new(vm)) < 0)
        return -1;
    /* def remove(wr, selfref=ref(self), ...): the defaults hold the container weakly */
    gs_Object *selfref = gs_weakref_new(vm, self, NULL);
    if (!selfref)
        return -1;
    gs_Object *defaults = kind == C_WVD ? gs_tuple_pack(vm, 2, selfref, st->remove_dead) : gs_tuple_pack(vm, 1, selfref);
    gs_decref(vm, selfref);
    if (!defaults)
        return -1;
    gs_Object *remove = pyfunc_new(vm, kind == C_WSET ? "_remove" : "remove", kind == C_WVD ? wvd_remove : key_remove,
                                   1, defaults);
    gs_decref(vm, defaults);
    if (set_attr_steal(vm, self, "_remove", remove) < 0 ||
        set_attr_steal(vm, self, "_pending_removals", gs_list_new(vm, 0)) < 0 ||
        set_attr_steal(vm, self, "_iterating", gs_set_new(vm, false)) < 0)
        return -1;
    if (kind == C_WVD && set_attr_steal(vm, self, "data", gs_dict_new(vm)) < 0)
        return -1;
    if (kind == C_WKD && set_attr(vm, self, "_dirty_len", vm->false_) < 0)
        return -1;
    return 0;
}

/* The parts are the container's own (GS_ALLOC_INTERNAL): a viewer draws
 * the container as its entries. */
static int container_init(gs_VM *vm, gs_Object *self, int kind)
{
    vm->internal_alloc++;
    int r = container_init_parts(vm, self, kind);
    vm->internal_alloc--;
    return r;
}

/* A weak reference an entry of a container is kept by (a KeyedRef, or a
 * plain reference with the container's `_remove` as its callback): one of
 * the container's private parts. */
static gs_Object *entry_ref(gs_VM *vm, gs_Type *t, gs_Object *ob, gs_Object *remove, gs_Object *key)
{
    vm->internal_alloc++;
    gs_Object *r = t ? gs_weakref_new_full(vm, t, ob, remove, key) : gs_weakref_new(vm, ob, remove);
    vm->internal_alloc--;
    return r;
}

/* "<WeakValueDictionary at 0x...>": self.__class__.__name__ */
static gs_Object *container_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    const char *name = strrchr(self->type->name->data, '.');
    return gs_str_printf(vm, "<%s at 0x%llx>", name ? name + 1 : self->type->name->data, gs_object_address(self));
}

/* ================================================================== _IterationGuard */

/* _IterationGuard(container) and its __enter__: a new guard (new
 * reference) registered in container._iterating.  ref(container) is the
 * container's shared plain reference, the one its `_remove` holds. */
static gs_Object *guard_new(gs_VM *vm, gs_Type *t, gs_Object *container)
{
    gs_Object *t_call = gs_phantom_alloc(vm, vm->t_tuple, 1);
    vm->internal_alloc++; /* the container's private part while it iterates */
    gs_Object *guard = gs_instance_new(vm, t);
    gs_Object *t_ref = guard ? gs_phantom_alloc(vm, vm->t_tuple, 1) : NULL;
    gs_Object *wr = guard ? gs_weakref_new(vm, container, NULL) : NULL;
    vm->internal_alloc--;
    gs_phantom_free(vm, t_ref);
    gs_phantom_free(vm, t_call);
    if (!wr || set_attr_steal(vm, guard, "weakcontainer", wr) < 0) {
        gs_xdecref(vm, guard);
        return NULL;
    }
    return guard;
}

static int guard_enter(gs_VM *vm, gs_Object *guard)
{
    gs_Object *wr = attr(vm, guard, "weakcontainer");
    gs_Object *w = wr ? referent(wr) : NULL;
    if (!w)
        return 0;
    gs_Object *s = need(vm, w, "_iterating", GS_K_SET);
    return s ? gs_set_add(vm, s, guard) : -1;
}

/* __exit__: leave the container's _iterating; the last one out commits */
static int guard_exit(gs_VM *vm, gs_Object *guard)
{
    gs_Object *wr = attr(vm, guard, "weakcontainer");
    gs_Object *w = wr ? referent(wr) : NULL;
    if (!w)
        return 0;
    gs_incref(vm, w);
    gs_Object *s = need(vm, w, "_iterating", GS_K_SET);
    int r = s ? gs_set_remove(vm, s, guard) : -1;
    if (r == 0 && ((gs_Set *)s)->used == 0)
        r = commit_removals(vm, w);
    gs_decref(vm, w);
    return r;
}

static gs_Object *guard_py_new(GS_ARGS)
{
    static const char *const params[] = { "weakcontainer" };
    gs_Object *a[1];
    if (!self || pyargs(vm, "_IterationGuard.__init__", args, nargs, kwnames, params, 1, 1, 0, false, a) < 0)
        return NULL;
    return guard_new(vm, (gs_Type *)self, a[0]);
}

static gs_Object *guard_py_enter(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *bound = gs_phantom_alloc(vm, vm->t_builtin, 0);
    int r = guard_enter(vm, self);
    gs_phantom_free(vm, bound);
    return r < 0 ? NULL : gs_newref(vm, self);
}

static gs_Object *guard_py_exit(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    return guard_exit(vm, self) < 0 ? NULL : GS_NONE(vm);
}

/* ================================================================== the generators
 * keys(), values(), items(), itervaluerefs() and iteration of the weak
 * containers, as CPython's generator functions run them:
 *
 *     def items(self):                      # WeakValueDictionary
 *         if self._pending_removals:
 *             self._commit_removals()
 *         with _IterationGuard(self):
 *             for k, wr in self.data.items():
 *                 v = wr()
 *                 if v is not None:
 *                     yield k, v
 *
 * A generator here is an instance of this module's "generator" type.  Its
 * attributes are what the Python generator's frame holds: `self`, the
 * guard's bound __exit__ ("<exit>") and the loop's iterator ("<iter>")
 * while it runs, and the loop's locals under their Python names; "<view>"
 * says which generator it is and whether it has finished.  Its finalizer
 * (__del__, as a generator's tp_finalize) closes it: a suspended one
 * leaves its guard then. */

enum {
    V_WVD_ITEMS, V_WVD_KEYS, V_WVD_VALUES, V_WVD_VALUEREFS,
    V_WKD_ITEMS, V_WKD_KEYS, V_WKD_VALUES, V_WSET_ITER,
    V_DONE = 100
};

static const char *const view_qualname[] = {
    "WeakValueDictionary.items", "WeakValueDictionary.keys", "WeakValueDictionary.values",
    "WeakValueDictionary.itervaluerefs", "WeakKeyDictionary.items", "WeakKeyDictionary.keys",
    "WeakKeyDictionary.values", "WeakSet.__iter__",
};

/* The loop's locals, by view: they die when it ends */
static const char *const view_locals[][3] = {
    { "k", "wr", "v" }, { "k", "wr", NULL }, { "wr", "obj", NULL }, { NULL, NULL, NULL },
    { "wr", "value", "key" }, { "wr", "obj", NULL }, { "wr", "value", NULL }, { "itemref", "item", NULL },
};

static int gen_view(gs_VM *vm, gs_Object *gen)
{
    gs_Object *v = attr(vm, gen, "<view>");
    return v && GS_KIND(v) == GS_K_INT ? (int)((gs_Int *)v)->value : V_DONE;
}

/* A new generator of `view` over self; nothing runs until next(). */
static gs_Object *gen_new(gs_VM *vm, gs_Object *self, int view)
{
    gs_Object *gen = gs_instance_new(vm, vm->wr->t_gen);
    if (!gen)
        return NULL;
    if (set_attr(vm, gen, "self", self) < 0 || set_attr_steal(vm, gen, "<view>", gs_int_new(vm, view)) < 0) {
        gs_decref(vm, gen);
        return NULL;
    }
    return gen;
}

/* The generator ends (returns, is closed, or raised): its `with` block
 * exits (the guard leaves), then its frame lets go of what it held. */
static int gen_finish(gs_VM *vm, gs_Object *gen)
{
    int view = gen_view(vm, gen);
    if (view == V_DONE)
        return 0;
    gs_incref(vm, gen);
    int r = 0;
    gs_Object *exit = attr(vm, gen, "<exit>");
    /* the for loop's iterator goes first (the loop ended), then __exit__ runs */
    del_attr(vm, gen, "<iter>");
    if (exit) {
        gs_Object *guard = ((gs_Builtin *)exit)->self;
        gs_incref(vm, guard);
        r = guard_exit(vm, guard);
        gs_decref(vm, guard);
    }
    /* the `with` lets go of __exit__ (and so of the guard); then the
     * frame's locals go in their order: self first */
    del_attr(vm, gen, "<exit>");
    del_attr(vm, gen, "self");
    for (int i = 0; i < 3; i++)
        if (view_locals[view][i])
            del_attr(vm, gen, view_locals[view][i]);
    set_attr_steal(vm, gen, "<view>", gs_int_new(vm, V_DONE));
    gs_decref(vm, gen);
    return r;
}

/* The first next(): commit what is pending (WeakValueDictionary), enter
 * the guard, start the loop over self.data (.items() / .values() / itself). */
static int gen_start_parts(gs_VM *vm, gs_Object *gen, gs_Object *self, int view)
{
    gs_WeakrefState *st = vm->wr;
    if (view <= V_WVD_VALUEREFS && commit_if_pending(vm, self) < 0)
        return -1;
    gs_Object *guard = guard_new(vm, st->t_guard, self);
    if (!guard)
        return -1;
    /* BEFORE_WITH: bound __enter__ (called and dropped) and __exit__ (kept
     * on the generator's stack: it holds the guard) */
    gs_Object *exit = gs_builtin_new(vm, "__exit__", guard_py_exit, 3, 3, guard);
    gs_decref(vm, guard);
    if (!exit)
        return -1;
    gs_Object *enter = gs_phantom_alloc(vm, vm->t_builtin, 0);
    int r = set_attr(vm, gen, "<exit>", exit);
    gs_decref(vm, exit);
    if (r == 0)
        r = guard_enter(vm, ((gs_Builtin *)exit)->self);
    gs_phantom_free(vm, enter);
    if (r < 0)
        return -1;
    gs_Object *data = view == V_WSET_ITER ? need(vm, self, "data", GS_K_SET) : self_data(vm, self);
    if (!data)
        return -1;
    const char *method = NULL;
    if (view == V_WVD_ITEMS || view == V_WVD_KEYS || view == V_WKD_ITEMS || view == V_WKD_VALUES)
        method = "items";
    else if (view == V_WVD_VALUES || view == V_WVD_VALUEREFS)
        method = "values";
    gs_Object *it;
    if (method) {
        gs_Object *v = call_method(vm, vm->t_dict, method, data, NULL, 0);
        it = v ? gs_iter(vm, v) : NULL;
        gs_xdecref(vm, v);
    } else
        it = gs_iter(vm, data);
    return set_attr_steal(vm, gen, "<iter>", it);
}

/* What the generator's frame holds to loop (the guard, its bound
 * __exit__, the dict's view and iterator) is the container's private
 * business: GS_ALLOC_INTERNAL. */
static int gen_start(gs_VM *vm, gs_Object *gen, gs_Object *self, int view)
{
    vm->internal_alloc++;
    int r = gen_start_parts(vm, gen, self, view);
    vm->internal_alloc--;
    return r;
}

/* Run the generator to its next yield: a new reference, or NULL with no
 * exception when it has finished. */
static gs_Object *gen_step(gs_VM *vm, gs_Object *gen)
{
    int view = gen_view(vm, gen);
    if (view == V_DONE)
        return NULL;
    gs_Object *self = attr(vm, gen, "self");
    if (!self)
        return NULL;
    if (!attr(vm, gen, "<iter>") && gen_start(vm, gen, self, view) < 0) {
        gs_Object *exc = vm->exc;
        vm->exc = NULL;
        gen_finish(vm, gen);
        vm->exc = exc;
        return NULL;
    }
    const char *const *loc = view_locals[view];
    for (;;) {
        gs_Object *it = attr(vm, gen, "<iter>");
        gs_Object *item = it ? gs_next(vm, it) : NULL;
        if (!item) {
            gs_Object *exc = vm->exc;
            vm->exc = NULL;
            int r = gen_finish(vm, gen);
            if (exc) {
                gs_xdecref(vm, vm->exc);
                vm->exc = exc;
            } else if (r < 0)
                return NULL;
            return NULL;
        }
        if (view == V_WVD_VALUEREFS)
            return item; /* yield from self.data.values() */
        gs_Object *a = item, *b = NULL;
        bool pairs = view == V_WVD_ITEMS || view == V_WVD_KEYS || view == V_WKD_ITEMS || view == V_WKD_VALUES;
        if (pairs && GS_KIND(item) == GS_K_TUPLE && ((gs_Tuple *)item)->len == 2) { /* for k, wr in ...items() */
            a = ((gs_Tuple *)item)->items[0];
            b = ((gs_Tuple *)item)->items[1];
        }
        /* the loop's targets: the first local is a, the second b (items) */
        gs_incref(vm, a);
        gs_xincref(vm, b);
        gs_decref(vm, item);
        int r = set_attr(vm, gen, loc[0], a);
        if (r == 0 && b)
            r = set_attr(vm, gen, loc[1], b);
        gs_Object *wr = view == V_WVD_ITEMS || view == V_WVD_KEYS ? b : a;
        gs_Object *obj = r == 0 ? referent(wr) : NULL;
        gs_Object *out = NULL;
        if (r == 0) {
            switch (view) {
            case V_WVD_ITEMS: /* v = wr(); if v is not None: yield k, v */
                r = set_attr(vm, gen, "v", obj ? obj : vm->none);
                out = obj ? gs_tuple_pack(vm, 2, a, obj) : NULL;
                break;
            case V_WVD_KEYS: out = obj ? gs_newref(vm, a) : NULL; break;
            case V_WVD_VALUES: case V_WKD_KEYS: case V_WSET_ITER: /* obj = wr(); if obj is not None: yield obj */
                r = set_attr(vm, gen, loc[1], obj ? obj : vm->none);
                out = obj ? gs_newref(vm, obj) : NULL;
                break;
            case V_WKD_ITEMS: /* key = wr(); if key is not None: yield key, value */
                r = set_attr(vm, gen, "key", obj ? obj : vm->none);
                out = obj ? gs_tuple_pack(vm, 2, obj, b) : NULL;
                break;
            case V_WKD_VALUES: out = obj ? gs_newref(vm, b) : NULL; break;
            default: break;
            }
        }
        gs_decref(vm, a);
        gs_xdecref(vm, b);
        if (r < 0 || (obj && !out)) {
            gs_xdecref(vm, out);
            gs_Object *exc = vm->exc;
            vm->exc = NULL;
            gen_finish(vm, gen);
            vm->exc = exc;
            return NULL;
        }
        if (out)
            return out;
    }
}

static gs_Object *gen_next(GS_ARGS)
{
    GS_UNUSED(args); GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *r = gen_step(vm, self);
    if (!r && !vm->exc) /* as gen_iternext: StopIteration without an object until someone catches it */
        gs_raise_obj(vm, gs_exception_new_unnormalized(vm, vm->e_StopIteration));
    return r;
}

static gs_Object *gen_iter(GS_ARGS) { GS_UNUSED_ARGS; return gs_newref(vm, self); }

/* close() and the finalizer: GeneratorExit at the yield, the `with` exits */
static gs_Object *gen_close(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gen_finish(vm, self) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *gen_del(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (gen_finish(vm, self) < 0)
        gs_write_unraisable(vm, "Exception ignored in: ", self);
    return GS_NONE(vm);
}

static gs_Object *gen_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *v = attr(vm, self, "<view>");
    int view = v && GS_KIND(v) == GS_K_INT ? (int)((gs_Int *)v)->value : 0;
    static const char *done = "generator";
    return gs_str_printf(vm, "<generator object %s at 0x%llx>",
                         view >= 0 && view < V_DONE ? view_qualname[view] : done, gs_object_address(self));
}

/* ================================================================== WeakValueDictionary */

/* self.data[key] = KeyedRef(value, self._remove, key) */
static int wvd_set(gs_VM *vm, gs_Object *self, gs_Object *key, gs_Object *value)
{
    gs_Object *data = self_data(vm, self);
    gs_Object *remove = attr(vm, self, "_remove");
    if (!data || !remove)
        return -1;
    gs_WeakrefState *st = vm->wr;
    /* KeyedRef(value, self._remove, key): the call's tuple; in __new__,
     * ref.__new__(type, ob, callback)'s tuple and the one tp_new_wrapper
     * slices from it; the reference; then super().__init__(ob, callback):
     * a super object, a method-wrapper and an argument tuple */
    gs_Object *t_call = gs_phantom_alloc(vm, vm->t_tuple, 3);
    gs_Object *t_new = gs_phantom_alloc(vm, vm->t_tuple, 3);
    gs_Object *t_slice = gs_phantom_alloc(vm, vm->t_tuple, 2);
    gs_Object *kr = entry_ref(vm, st->t_keyedref, value, remove, key);
    gs_phantom_free(vm, t_slice);
    gs_phantom_free(vm, t_new);
    gs_gc_on_alloc(vm); /* super() */
    gs_gc_on_alloc(vm); /* the bound __init__ */
    gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, 2));
    gs_gc_on_free(vm);
    gs_gc_on_free(vm);
    gs_phantom_free(vm, t_call);
    if (!kr)
        return -1;
    int r = gs_dict_set(vm, data, key, kr);
    gs_decref(vm, kr);
    return r;
}

/* WeakKeyDictionary: self.data[ref(key, self._remove)] = value */
static int wkd_set(gs_VM *vm, gs_Object *self, gs_Object *key, gs_Object *value)
{
    static const int32_t calls[1] = { 2 }; /* ref(key, self._remove) */
    phantom_call_tuples(vm, calls, 1);
    gs_Object *data = self_data(vm, self);
    gs_Object *remove = attr(vm, self, "_remove");
    if (!data || !remove)
        return -1;
    gs_Object *wr = entry_ref(vm, NULL, key, remove, NULL);
    if (!wr)
        return -1;
    int r = gs_dict_set(vm, data, wr, value);
    gs_decref(vm, wr);
    return r;
}

/* Each (key, value) of `other.items()` into set(): a mapping's items, or
 * for anything else the pairs of dict(other). */
static int update_pairs(gs_VM *vm, gs_Object *self, gs_Object *other,
                        int (*set)(gs_VM *, gs_Object *, gs_Object *, gs_Object *))
{
    gs_Object *items = gs_lookup_attr(vm, other, gs_name(vm, "items"));
    gs_Object *src = NULL;
    if (!items) {
        if (vm->exc)
            return -1;
        /* not hasattr(other, "items"): other = dict(other) */
        src = gs_call(vm, &vm->t_dict->ob, &other, 1, NULL);
        if (!src)
            return -1;
        items = gs_getattr(vm, src, gs_name(vm, "items"));
        if (!items) {
            gs_decref(vm, src);
            return -1;
        }
    }
    gs_Object *view = gs_call(vm, items, NULL, 0, NULL);
    gs_decref(vm, items);
    gs_Object *it = view ? gs_iter(vm, view) : NULL;
    gs_xdecref(vm, view);
    int r = it ? 0 : -1;
    gs_Object *pair;
    while (r == 0 && (pair = gs_next(vm, it)) != NULL) {
        /* for key, value in ...: UNPACK_SEQUENCE 2 */
        gs_Object *kv = gs_tuple_from_iterable(vm, pair);
        if (!kv) {
            if (gs_exc_matches(vm, vm->e_TypeError)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_TypeError, "cannot unpack non-iterable %s object", gs_type_name(pair));
            }
            r = -1;
        } else if (((gs_Tuple *)kv)->len != 2) {
            int32_t n = ((gs_Tuple *)kv)->len;
            if (n > 2)
                gs_raise(vm, vm->e_ValueError, "too many values to unpack (expected 2)");
            else
                gs_raise(vm, vm->e_ValueError, "not enough values to unpack (expected 2, got %d)", n);
            r = -1;
        } else
            r = set(vm, self, ((gs_Tuple *)kv)->items[0], ((gs_Tuple *)kv)->items[1]);
        gs_xdecref(vm, kv);
        gs_decref(vm, pair);
    }
    if (r == 0 && vm->exc)
        r = -1;
    gs_xdecref(vm, it);
    gs_xdecref(vm, src);
    return r;
}

static const char *const wvd_update_params[] = { "other" };

/* def update(self, other=None, /, **kwargs) */
static int wvd_update_args(gs_VM *vm, gs_Object *self, const char *fname, gs_Object **args, int nargs,
                           gs_Tuple *kwnames, bool init)
{
    gs_Object *a[1];
    if (pyargs(vm, fname, args, nargs, kwnames, wvd_update_params, 1, 0, 1, true, a) < 0)
        return -1;
    if (commit_if_pending(vm, self) < 0)
        return -1;
    gs_Object *other = a[0];
    if (!other && init)
        other = vm->empty_tuple; /* __init__(self, other=(), /, **kw) */
    if (other && other != vm->none && update_pairs(vm, self, other, wvd_set) < 0)
        return -1;
    int k = 0;
    gs_Object *name, *value;
    while (kw_next(kwnames, args, nargs, wvd_update_params, 1, 1, &k, &name, &value))
        if (wvd_set(vm, self, name, value) < 0)
            return -1;
    return 0;
}

static gs_Object *wvd_new(GS_ARGS)
{
    gs_WeakrefState *st = vm->wr;
    gs_Object *d = gs_instance_new(vm, (gs_Type *)self);
    if (!d)
        return NULL;
    if (!st->made_wvd) {
        /* the first one: what CPython's caches keep (measured against python3.11) */
        st->made_wvd = true;
        phantom_kept(vm, 4);
    }
    if (container_init(vm, d, C_WVD) < 0 ||
        wvd_update_args(vm, d, "WeakValueDictionary.__init__", args, nargs, kwnames, true) < 0) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

/* __init__ for a class derived from it that calls super().__init__(...) */
static gs_Object *wvd_init(GS_ARGS)
{
    if (container_init(vm, self, C_WVD) < 0 ||
        wvd_update_args(vm, self, "WeakValueDictionary.__init__", args, nargs, kwnames, true) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *wvd_update(GS_ARGS)
{
    return wvd_update_args(vm, self, "WeakValueDictionary.update", args, nargs, kwnames, false) < 0 ? NULL
                                                                                                      : GS_NONE(vm);
}

static const char *const key_param[] = { "key" };
static const char *const key_default_params[] = { "key", "default" };

static gs_Object *wvd_getitem(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakValueDictionary.__getitem__", args, nargs, kwnames, key_param, 1, 1, 0, false, a) < 0 ||
        commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? gs_dict_get(vm, data, a[0]) : NULL;
    if (!wr) {
        if (data && !vm->exc)
            raise_key_error(vm, a[0]);
        return NULL;
    }
    gs_Object *o = referent(wr);
    if (!o) {
        raise_key_error(vm, a[0]);
        return NULL;
    }
    return gs_newref(vm, o);
}

static gs_Object *wvd_setitem(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "WeakValueDictionary.__setitem__() takes 3 positional arguments but %d were given",
                 nargs + 1);
        return NULL;
    }
    if (commit_if_pending(vm, self) < 0)
        return NULL;
    return wvd_set(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *wvd_delitem(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakValueDictionary.__delitem__", args, nargs, kwnames, key_param, 1, 1, 0, false, a) < 0 ||
        commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    if (!data || gs_dict_del(vm, data, a[0]) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* try: o = self.data[key]() except KeyError: return False; return o is not None */
static gs_Object *wvd_contains(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakValueDictionary.__contains__", args, nargs, kwnames, key_param, 1, 1, 0, false, a) < 0 ||
        commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? gs_dict_get(vm, data, a[0]) : NULL;
    if (!wr && (!data || vm->exc))
        return NULL;
    return GS_BOOL(vm, wr && referent(wr));
}

static gs_Object *wvd_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    return data ? gs_int_new(vm, ((gs_Dict *)data)->t.used) : NULL;
}

static gs_Object *wvd_get(GS_ARGS)
{
    gs_Object *a[2];
    if (pyargs(vm, "WeakValueDictionary.get", args, nargs, kwnames, key_default_params, 2, 1, 0, false, a) < 0 ||
        commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? gs_dict_get(vm, data, a[0]) : NULL;
    if (!wr && (!data || vm->exc))
        return NULL;
    gs_Object *o = wr ? referent(wr) : NULL;
    return gs_newref(vm, o ? o : a[1] ? a[1] : vm->none);
}

static gs_Object *wvd_items(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WVD_ITEMS); }
static gs_Object *wvd_keys(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WVD_KEYS); }
static gs_Object *wvd_values(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WVD_VALUES); }
static gs_Object *wvd_itervaluerefs(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WVD_VALUEREFS); }

/* def valuerefs(self): return list(self.data.values()) */
static gs_Object *wvd_valuerefs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *v = data ? call_method(vm, vm->t_dict, "values", data, NULL, 0) : NULL;
    gs_Object *l = v ? list_of(vm, v) : NULL;
    gs_xdecref(vm, v);
    return l;
}

/* popitem(): data.popitem() until a live one (KeyError from the dict when empty) */
static gs_Object *dict_popitem_live(gs_VM *vm, gs_Object *self, bool weak_keys)
{
    for (;;) {
        gs_Object *data = self_data(vm, self);
        gs_Object *kv = data ? call_method(vm, vm->t_dict, "popitem", data, NULL, 0) : NULL;
        if (!kv)
            return NULL;
        gs_Tuple *t = (gs_Tuple *)kv;
        gs_Object *wr = weak_keys ? t->items[0] : t->items[1];
        gs_Object *o = referent(wr);
        if (o) {
            gs_Object *r = weak_keys ? gs_tuple_pack(vm, 2, o, t->items[1]) : gs_tuple_pack(vm, 2, t->items[0], o);
            gs_decref(vm, kv);
            return r;
        }
        gs_decref(vm, kv);
    }
}

static gs_Object *wvd_popitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (commit_if_pending(vm, self) < 0)
        return NULL;
    return dict_popitem_live(vm, self, false);
}

/* def pop(self, key, *args) */
static gs_Object *wvd_pop(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "WeakValueDictionary.pop() got an unexpected keyword argument '%s'",
                 ((gs_Str *)kwnames->items[0])->data);
        return NULL;
    }
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "WeakValueDictionary.pop() missing 1 required positional argument: 'key'");
        return NULL;
    }
    if (commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = gs_dict_pop(vm, data, args[0]);
    if (vm->exc)
        return NULL;
    gs_Object *o = wr ? referent(wr) : NULL;
    if (o)
        gs_incref(vm, o);
    gs_xdecref(vm, wr);
    if (o)
        return o;
    if (npos > 1)
        return gs_newref(vm, args[1]);
    raise_key_error(vm, args[0]);
    return NULL;
}

static gs_Object *wvd_setdefault(GS_ARGS)
{
    gs_Object *a[2];
    if (pyargs(vm, "WeakValueDictionary.setdefault", args, nargs, kwnames, key_default_params, 2, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? gs_dict_get(vm, data, a[0]) : NULL;
    if (!wr && (!data || vm->exc))
        return NULL;
    gs_Object *o = wr ? referent(wr) : NULL;
    if (o)
        return gs_newref(vm, o);
    gs_Object *dflt = a[1] ? a[1] : vm->none;
    if (commit_if_pending(vm, self) < 0 || wvd_set(vm, self, a[0], dflt) < 0)
        return NULL;
    return gs_newref(vm, dflt);
}

/* A new container of `t` (WeakValueDictionary() / self.__class__()) */
static gs_Object *new_container(gs_VM *vm, gs_Type *t, gs_Object *arg)
{
    return gs_call(vm, &t->ob, arg ? &arg : NULL, arg ? 1 : 0, NULL);
}

/* copy(): new = WeakValueDictionary(); with _IterationGuard(self): for
 * key, wr in self.data.items(): o = wr(); if o is not None: new[key] = o
 * (a WeakKeyDictionary: for key, value ...: o = key(); new[o] = value).
 * deep: __deepcopy__(memo), self.__class__() and deepcopy() of the keys
 * (values of a WeakKeyDictionary). */
static gs_Object *weakdict_copy(gs_VM *vm, gs_Object *self, bool weak_keys, gs_Object *deepcopy, gs_Object *memo)
{
    gs_WeakrefState *st = vm->wr;
    if (!weak_keys && commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *new = new_container(vm, deepcopy ? self->type : weak_keys ? st->t_wkd : st->t_wvd, NULL);
    if (!new)
        return NULL;
    gs_Object *guard = guard_new(vm, st->t_guard, self);
    /* BEFORE_WITH: the bound __enter__ (dropped once called) and __exit__ */
    gs_Object *enter = gs_phantom_alloc(vm, vm->t_builtin, 0);
    gs_Object *exit = gs_phantom_alloc(vm, vm->t_builtin, 0);
    if (!guard || guard_enter(vm, guard) < 0) {
        gs_phantom_free(vm, enter);
        gs_phantom_free(vm, exit);
        gs_xdecref(vm, guard);
        gs_decref(vm, new);
        return NULL;
    }
    gs_phantom_free(vm, enter);
    gs_Object *data = self_data(vm, self);
    gs_Object *view = data ? call_method(vm, vm->t_dict, "items", data, NULL, 0) : NULL;
    gs_Object *it = view ? gs_iter(vm, view) : NULL;
    gs_xdecref(vm, view);
    int r = it ? 0 : -1;
    gs_Object *kv;
    while (r == 0 && (kv = gs_next(vm, it)) != NULL) {
        gs_Tuple *t = (gs_Tuple *)kv;
        gs_Object *key = weak_keys ? referent(t->items[0]) : t->items[0];
        gs_Object *value = weak_keys ? t->items[1] : referent(t->items[1]);
        if (key && value) {
            gs_incref(vm, key);
            gs_incref(vm, value);
            gs_Object *copied = NULL;
            if (deepcopy) {
                gs_Object *dargs[2] = { weak_keys ? value : key, memo };
                copied = gs_call(vm, deepcopy, dargs, 2, NULL);
                if (!copied)
                    r = -1;
            }
            if (r == 0)
                r = weak_keys ? wkd_set(vm, new, key, copied ? copied : value)
                              : wvd_set(vm, new, copied ? copied : key, value);
            gs_xdecref(vm, copied);
            gs_decref(vm, key);
            gs_decref(vm, value);
        }
        gs_decref(vm, kv);
    }
    if (r == 0 && vm->exc)
        r = -1;
    gs_xdecref(vm, it);
    gs_Object *exc = vm->exc;
    vm->exc = NULL;
    if (guard_exit(vm, guard) < 0 && !exc)
        exc = vm->exc;
    else if (vm->exc)
        gs_clear_exc(vm);
    vm->exc = exc;
    gs_phantom_free(vm, exit);
    gs_decref(vm, guard);
    if (r < 0 || exc) {
        gs_decref(vm, new);
        return NULL;
    }
    return new;
}

/* `from copy import deepcopy` */
static gs_Object *import_deepcopy(gs_VM *vm)
{
    gs_Object *m = gs_import(vm, gs_name(vm, "copy"));
    if (!m)
        return NULL;
    gs_Object *f = gs_getattr(vm, m, gs_name(vm, "deepcopy"));
    gs_decref(vm, m);
    if (!f && gs_exc_matches(vm, vm->e_AttributeError)) {
        gs_clear_exc(vm);
        gs_raise(vm, vm->e_ImportError, "cannot import name 'deepcopy' from 'copy'");
    }
    return f;
}

static gs_Object *wvd_copy(GS_ARGS) { GS_UNUSED_ARGS; return weakdict_copy(vm, self, false, NULL, NULL); }
static gs_Object *wkd_copy(GS_ARGS) { GS_UNUSED_ARGS; return weakdict_copy(vm, self, true, NULL, NULL); }

static gs_Object *weakdict_deepcopy(gs_VM *vm, gs_Object *self, const char *fname, gs_Object **args, int nargs,
                                    gs_Tuple *kwnames, bool weak_keys)
{
    static const char *const params[] = { "memo" };
    gs_Object *a[1];
    if (pyargs(vm, fname, args, nargs, kwnames, params, 1, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *deepcopy = import_deepcopy(vm);
    if (!deepcopy)
        return NULL;
    gs_Object *r = weakdict_copy(vm, self, weak_keys, deepcopy, a[0]);
    gs_decref(vm, deepcopy);
    return r;
}

static gs_Object *wvd_deepcopy(GS_ARGS)
{
    return weakdict_deepcopy(vm, self, "WeakValueDictionary.__deepcopy__", args, nargs, kwnames, false);
}

static gs_Object *wkd_deepcopy(GS_ARGS)
{
    return weakdict_deepcopy(vm, self, "WeakKeyDictionary.__deepcopy__", args, nargs, kwnames, true);
}

/* isinstance(other, _collections_abc.Mapping): dicts and the weak dictionaries */
static bool is_mapping(gs_VM *vm, gs_Object *o)
{
    return GS_KIND(o) == GS_K_DICT || gs_isinstance(o, vm->wr->t_wvd) || gs_isinstance(o, vm->wr->t_wkd);
}

static gs_Object *call_update(gs_VM *vm, gs_Object *self, gs_Object *other)
{
    gs_Object *m = gs_getattr(vm, self, gs_name(vm, "update"));
    gs_Object *r = m ? gs_call(vm, m, &other, 1, NULL) : NULL;
    gs_xdecref(vm, m);
    return r;
}

/* __or__: c = self.copy(); c.update(other) */
static gs_Object *weakdict_or(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (!is_mapping(vm, args[0]))
        return gs_newref(vm, vm->notimpl);
    gs_Object *cm = gs_getattr(vm, self, gs_name(vm, "copy"));
    gs_Object *c = cm ? gs_call(vm, cm, NULL, 0, NULL) : NULL;
    gs_xdecref(vm, cm);
    gs_Object *r = c ? call_update(vm, c, args[0]) : NULL;
    if (!r) {
        gs_xdecref(vm, c);
        return NULL;
    }
    gs_decref(vm, r);
    return c;
}

/* __ror__: c = self.__class__(); c.update(other); c.update(self) */
static gs_Object *weakdict_ror(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (!is_mapping(vm, args[0]))
        return gs_newref(vm, vm->notimpl);
    gs_Object *c = new_container(vm, self->type, NULL);
    gs_Object *r = c ? call_update(vm, c, args[0]) : NULL;
    gs_xdecref(vm, r);
    r = r ? call_update(vm, c, self) : NULL;
    if (!r) {
        gs_xdecref(vm, c);
        return NULL;
    }
    gs_decref(vm, r);
    return c;
}

/* __ior__: self.update(other); return self */
static gs_Object *weakdict_ior(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    gs_Object *r = call_update(vm, self, args[0]);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    return gs_newref(vm, self);
}

/* Mapping.__eq__: dict(self.items()) == dict(other.items()) for a mapping */
static gs_Object *mapping_as_dict(gs_VM *vm, gs_Object *o)
{
    if (GS_KIND(o) == GS_K_DICT)
        return gs_newref(vm, o);
    gs_Object *m = gs_getattr(vm, o, gs_name(vm, "items"));
    gs_Object *items = m ? gs_call(vm, m, NULL, 0, NULL) : NULL;
    gs_xdecref(vm, m);
    gs_Object *d = items ? gs_call(vm, &vm->t_dict->ob, &items, 1, NULL) : NULL;
    gs_xdecref(vm, items);
    return d;
}

static gs_Object *weakdict_eq(GS_ARGS)
{
    GS_UNUSED(nargs); GS_UNUSED(kwnames);
    if (!is_mapping(vm, args[0]))
        return gs_newref(vm, vm->notimpl);
    gs_Object *a = mapping_as_dict(vm, self);
    gs_Object *b = a ? mapping_as_dict(vm, args[0]) : NULL;
    gs_Object *r = b ? gs_compare(vm, GS_CMP_EQ, a, b) : NULL;
    gs_xdecref(vm, a);
    gs_xdecref(vm, b);
    return r;
}

/* MutableMapping.clear: popitem() until KeyError */
static gs_Object *weakdict_clear(GS_ARGS)
{
    GS_UNUSED_ARGS;
    for (;;) {
        gs_Object *m = gs_getattr(vm, self, gs_name(vm, "popitem"));
        gs_Object *r = m ? gs_call(vm, m, NULL, 0, NULL) : NULL;
        gs_xdecref(vm, m);
        if (!r) {
            if (!gs_exc_matches(vm, vm->e_KeyError))
                return NULL;
            gs_clear_exc(vm);
            return GS_NONE(vm);
        }
        gs_decref(vm, r);
    }
}

/* ================================================================== WeakKeyDictionary */

static const char *const wkd_init_params[] = { "dict" };

/* def update(self, dict=None, /, **kwargs) */
static int wkd_update_args(gs_VM *vm, gs_Object *self, const char *fname, gs_Object **args, int nargs,
                           gs_Tuple *kwnames)
{
    gs_Object *a[1];
    if (pyargs(vm, fname, args, nargs, kwnames, wkd_init_params, 1, 0, 1, true, a) < 0)
        return -1;
    if (a[0] && a[0] != vm->none && update_pairs(vm, self, a[0], wkd_set) < 0)
        return -1;
    /* if len(kwargs): self.update(kwargs) */
    int k = 0;
    gs_Object *name, *value;
    while (kw_next(kwnames, args, nargs, wkd_init_params, 1, 1, &k, &name, &value))
        if (wkd_set(vm, self, name, value) < 0)
            return -1;
    return 0;
}

/* def __init__(self, dict=None): ... if dict is not None: self.update(dict) */
static int wkd_init_args(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakKeyDictionary.__init__", args, nargs, kwnames, wkd_init_params, 1, 0, 0, false, a) < 0 ||
        container_init(vm, self, C_WKD) < 0)
        return -1;
    if (a[0] && a[0] != vm->none && update_pairs(vm, self, a[0], wkd_set) < 0)
        return -1;
    return 0;
}

static gs_Object *wkd_new(GS_ARGS)
{
    gs_Object *d = gs_instance_new(vm, (gs_Type *)self);
    if (!d)
        return NULL;
    if (wkd_init_args(vm, d, args, nargs, kwnames) < 0) {
        gs_decref(vm, d);
        return NULL;
    }
    return d;
}

static gs_Object *wkd_init(GS_ARGS)
{
    return wkd_init_args(vm, self, args, nargs, kwnames) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *wkd_update(GS_ARGS)
{
    return wkd_update_args(vm, self, "WeakKeyDictionary.update", args, nargs, kwnames) < 0 ? NULL : GS_NONE(vm);
}

/* ref(key): the key's shared plain reference (new reference) */
static gs_Object *plain_ref(gs_VM *vm, gs_Object *key)
{
    static const int32_t calls[1] = { 1 }; /* ref(key) */
    phantom_call_tuples(vm, calls, 1);
    return gs_weakref_new(vm, key, NULL);
}

static gs_Object *wkd_getitem(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakKeyDictionary.__getitem__", args, nargs, kwnames, key_param, 1, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? plain_ref(vm, a[0]) : NULL;
    if (!wr)
        return NULL;
    gs_Object *v = gs_getitem(vm, data, wr); /* KeyError names the reference */
    gs_decref(vm, wr);
    return v;
}

static gs_Object *wkd_setitem(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (nargs != 2) {
        gs_raise(vm, vm->e_TypeError, "WeakKeyDictionary.__setitem__() takes 3 positional arguments but %d were given",
                 nargs + 1);
        return NULL;
    }
    return wkd_set(vm, self, args[0], args[1]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *wkd_delitem(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakKeyDictionary.__delitem__", args, nargs, kwnames, key_param, 1, 1, 0, false, a) < 0 ||
        set_attr(vm, self, "_dirty_len", vm->true_) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? plain_ref(vm, a[0]) : NULL;
    if (!wr)
        return NULL;
    int r = gs_delitem(vm, data, wr);
    gs_decref(vm, wr);
    return r < 0 ? NULL : GS_NONE(vm);
}

/* try: wr = ref(key) except TypeError: return False; return wr in self.data */
static gs_Object *wkd_contains(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakKeyDictionary.__contains__", args, nargs, kwnames, key_param, 1, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = plain_ref(vm, a[0]);
    if (!wr) {
        if (!gs_exc_matches(vm, vm->e_TypeError))
            return NULL;
        gs_clear_exc(vm);
        return GS_BOOL(vm, false);
    }
    int r = gs_contains(vm, data, wr);
    gs_decref(vm, wr);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

/* len(self.data) - len(self._pending_removals), scrubbing the pending
 * keys that are gone already when entries were deleted meanwhile */
static gs_Object *wkd_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    gs_Object *pending = data ? need(vm, self, "_pending_removals", GS_K_LIST) : NULL;
    if (!pending)
        return NULL;
    gs_Object *dirty = attr(vm, self, "_dirty_len");
    if (dirty && gs_truthy(vm, dirty) == 1 && ((gs_List *)pending)->len > 0) {
        /* _scrub_removals: [k for k in self._pending_removals if k in d] */
        gs_Object *kept = gs_list_new(vm, 0);
        if (!kept)
            return NULL;
        gs_List *p = (gs_List *)pending;
        for (int32_t i = 0; i < p->len; i++) {
            int in = gs_contains(vm, data, p->items[i]);
            if (in < 0 || (in && gs_list_append(vm, kept, p->items[i]) < 0)) {
                gs_decref(vm, kept);
                return NULL;
            }
        }
        if (set_attr_steal(vm, self, "_pending_removals", kept) < 0 || set_attr(vm, self, "_dirty_len", vm->false_) < 0)
            return NULL;
        pending = attr(vm, self, "_pending_removals");
    }
    return gs_int_new(vm, ((gs_Dict *)data)->t.used - ((gs_List *)pending)->len);
}

/* self.data.get(ref(key), default) */
static gs_Object *wkd_get(GS_ARGS)
{
    gs_Object *a[2];
    if (pyargs(vm, "WeakKeyDictionary.get", args, nargs, kwnames, key_default_params, 2, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? plain_ref(vm, a[0]) : NULL;
    if (!wr)
        return NULL;
    gs_Object *v = gs_dict_get(vm, data, wr);
    gs_decref(vm, wr);
    if (!v && vm->exc)
        return NULL;
    return gs_newref(vm, v ? v : a[1] ? a[1] : vm->none);
}

static gs_Object *wkd_items(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WKD_ITEMS); }
static gs_Object *wkd_keys(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WKD_KEYS); }
static gs_Object *wkd_values(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WKD_VALUES); }

/* def keyrefs(self): return list(self.data) */
static gs_Object *wkd_keyrefs(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = self_data(vm, self);
    return data ? list_of(vm, data) : NULL;
}

static gs_Object *wkd_popitem(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (set_attr(vm, self, "_dirty_len", vm->true_) < 0)
        return NULL;
    return dict_popitem_live(vm, self, true);
}

/* def pop(self, key, *args): return self.data.pop(ref(key), *args) */
static gs_Object *wkd_pop(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "WeakKeyDictionary.pop() got an unexpected keyword argument '%s'",
                 ((gs_Str *)kwnames->items[0])->data);
        return NULL;
    }
    if (npos < 1) {
        gs_raise(vm, vm->e_TypeError, "WeakKeyDictionary.pop() missing 1 required positional argument: 'key'");
        return NULL;
    }
    if (set_attr(vm, self, "_dirty_len", vm->true_) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *wr = data ? plain_ref(vm, args[0]) : NULL;
    if (!wr)
        return NULL;
    gs_Object *pargs[2] = { wr, npos > 1 ? args[1] : NULL };
    gs_Object *r = call_method(vm, vm->t_dict, "pop", data, pargs, npos > 1 ? 2 : 1);
    gs_decref(vm, wr);
    return r;
}

/* self.data.setdefault(ref(key, self._remove), default) */
static gs_Object *wkd_setdefault(GS_ARGS)
{
    gs_Object *a[2];
    if (pyargs(vm, "WeakKeyDictionary.setdefault", args, nargs, kwnames, key_default_params, 2, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *data = self_data(vm, self);
    gs_Object *remove = attr(vm, self, "_remove");
    if (!data || !remove)
        return NULL;
    static const int32_t calls[1] = { 2 };
    phantom_call_tuples(vm, calls, 1);
    gs_Object *wr = entry_ref(vm, NULL, a[0], remove, NULL);
    if (!wr)
        return NULL;
    gs_Object *sargs[2] = { wr, a[1] ? a[1] : vm->none };
    gs_Object *r = call_method(vm, vm->t_dict, "setdefault", data, sargs, 2);
    gs_decref(vm, wr);
    return r;
}

/* ================================================================== WeakSet */

static gs_Object *set_data(gs_VM *vm, gs_Object *self) { return need(vm, self, "data", GS_K_SET); }

/* self.data.add(ref(item, self._remove)) */
static int wset_add_item(gs_VM *vm, gs_Object *self, gs_Object *item)
{
    gs_Object *data = set_data(vm, self);
    gs_Object *remove = attr(vm, self, "_remove");
    if (!data || !remove)
        return -1;
    static const int32_t calls[1] = { 2 };
    phantom_call_tuples(vm, calls, 1);
    gs_Object *wr = entry_ref(vm, NULL, item, remove, NULL);
    if (!wr)
        return -1;
    int r = gs_set_add(vm, data, wr);
    gs_decref(vm, wr);
    return r;
}

/* for element in other: self.add(element) */
static int wset_update_from(gs_VM *vm, gs_Object *self, gs_Object *other)
{
    if (commit_if_pending(vm, self) < 0)
        return -1;
    gs_Object *it = gs_iter(vm, other);
    if (!it)
        return -1;
    gs_Object *x;
    int r = 0;
    while (r == 0 && (x = gs_next(vm, it)) != NULL) {
        r = commit_if_pending(vm, self) < 0 ? -1 : wset_add_item(vm, self, x);
        gs_decref(vm, x);
    }
    gs_decref(vm, it);
    return r < 0 || vm->exc ? -1 : 0;
}

static const char *const wset_init_params[] = { "data" };

static int wset_init_args(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakSet.__init__", args, nargs, kwnames, wset_init_params, 1, 0, 0, false, a) < 0 ||
        container_init(vm, self, C_WSET) < 0)
        return -1;
    return a[0] && a[0] != vm->none ? wset_update_from(vm, self, a[0]) : 0;
}

static gs_Object *wset_new(GS_ARGS)
{
    gs_Object *s = gs_instance_new(vm, (gs_Type *)self);
    if (!s)
        return NULL;
    if (wset_init_args(vm, s, args, nargs, kwnames) < 0) {
        gs_decref(vm, s);
        return NULL;
    }
    return s;
}

static gs_Object *wset_init(GS_ARGS) { return wset_init_args(vm, self, args, nargs, kwnames) < 0 ? NULL : GS_NONE(vm); }

static const char *const item_param[] = { "item" };
static const char *const other_param[] = { "other" };

static gs_Object *wset_iter(GS_ARGS) { GS_UNUSED_ARGS; return gen_new(vm, self, V_WSET_ITER); }

static gs_Object *wset_len(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = set_data(vm, self);
    gs_Object *pending = data ? need(vm, self, "_pending_removals", GS_K_LIST) : NULL;
    return pending ? gs_int_new(vm, ((gs_Set *)data)->used - ((gs_List *)pending)->len) : NULL;
}

static gs_Object *wset_contains(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakSet.__contains__", args, nargs, kwnames, item_param, 1, 1, 0, false, a) < 0)
        return NULL;
    gs_Object *data = set_data(vm, self);
    if (!data)
        return NULL;
    gs_Object *wr = plain_ref(vm, a[0]);
    if (!wr) {
        if (!gs_exc_matches(vm, vm->e_TypeError))
            return NULL;
        gs_clear_exc(vm);
        return GS_BOOL(vm, false);
    }
    int r = gs_set_contains(vm, data, wr);
    gs_decref(vm, wr);
    return r < 0 ? NULL : GS_BOOL(vm, r);
}

static gs_Object *wset_add(GS_ARGS)
{
    gs_Object *a[1];
    if (pyargs(vm, "WeakSet.add", args, nargs, kwnames, item_param, 1, 1, 0, false, a) < 0 ||
        commit_if_pending(vm, self) < 0 || wset_add_item(vm, self, a[0]) < 0)
        return NULL;
    return GS_NONE(vm);
}

static gs_Object *wset_clear(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = commit_if_pending(vm, self) < 0 ? NULL : set_data(vm, self);
    if (!data)
        return NULL;
    gs_set_clear(vm, data);
    return GS_NONE(vm);
}

/* self.__class__(iterable) */
static gs_Object *wset_like(gs_VM *vm, gs_Object *self, gs_Object *iterable)
{
    return new_container(vm, self->type, iterable);
}

static gs_Object *wset_copy(GS_ARGS) { GS_UNUSED_ARGS; return wset_like(vm, self, self); }

static gs_Object *wset_pop(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (commit_if_pending(vm, self) < 0)
        return NULL;
    for (;;) {
        gs_Object *data = set_data(vm, self);
        if (!data)
            return NULL;
        if (((gs_Set *)data)->used == 0) {
            /* raise KeyError('pop from empty WeakSet') from None */
            gs_Object *msg = gs_str_from_cstr(vm, "pop from empty WeakSet");
            gs_Object *exc = msg ? gs_exception_new(vm, vm->e_KeyError, gs_tuple_pack(vm, 1, msg)) : NULL;
            gs_xdecref(vm, msg);
            if (exc) {
                ((gs_Exception *)exc)->suppress_context = true;
                gs_raise_obj(vm, exc);
            }
            return NULL;
        }
        gs_Object *wr = gs_set_pop(vm, data);
        if (!wr)
            return NULL;
        gs_Object *o = referent(wr);
        if (o)
            gs_incref(vm, o);
        gs_decref(vm, wr);
        if (o)
            return o;
    }
}

/* remove / discard: self.data.remove(ref(item)) */
static gs_Object *wset_remove_or_discard(gs_VM *vm, gs_Object *self, const char *fname, gs_Object **args, int nargs,
                                         gs_Tuple *kwnames, bool remove)
{
    gs_Object *a[1];
    if (pyargs(vm, fname, args, nargs, kwnames, item_param, 1, 1, 0, false, a) < 0 || commit_if_pending(vm, self) < 0)
        return NULL;
    gs_Object *data = set_data(vm, self);
    gs_Object *wr = data ? plain_ref(vm, a[0]) : NULL;
    if (!wr)
        return NULL;
    int r = remove ? gs_set_remove(vm, data, wr) : gs_set_discard(vm, data, wr);
    gs_decref(vm, wr);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *wset_remove(GS_ARGS) { return wset_remove_or_discard(vm, self, "WeakSet.remove", args, nargs, kwnames, true); }
static gs_Object *wset_discard(GS_ARGS) { return wset_remove_or_discard(vm, self, "WeakSet.discard", args, nargs, kwnames, false); }

static gs_Object *one_arg(gs_VM *vm, const char *fname, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_Object *a[1];
    return pyargs(vm, fname, args, nargs, kwnames, other_param, 1, 1, 0, false, a) < 0 ? NULL : a[0];
}

static gs_Object *wset_update(GS_ARGS)
{
    gs_Object *other = one_arg(vm, "WeakSet.update", args, nargs, kwnames);
    return other && wset_update_from(vm, self, other) == 0 ? GS_NONE(vm) : NULL;
}

static gs_Object *wset_ior(GS_ARGS)
{
    gs_Object *other = one_arg(vm, "WeakSet.__ior__", args, nargs, kwnames);
    return other && wset_update_from(vm, self, other) == 0 ? gs_newref(vm, self) : NULL;
}

/* A set of ref(item) (with self._remove as their callback if with_cb) for
 * the items of other: `ref(item) for item in other`, set(map(ref, other)) */
static gs_Object *refs_of(gs_VM *vm, gs_Object *self, gs_Object *other, bool with_cb)
{
    gs_Object *remove = with_cb ? attr(vm, self, "_remove") : NULL;
    gs_Object *s = gs_set_new(vm, false);
    gs_Object *it = s ? gs_iter(vm, other) : NULL;
    if (!it) {
        gs_xdecref(vm, s);
        return NULL;
    }
    gs_Object *x;
    int r = 0;
    while (r == 0 && (x = gs_next(vm, it)) != NULL) {
        gs_Object *wr = entry_ref(vm, NULL, x, remove, NULL);
        r = wr ? gs_set_add(vm, s, wr) : -1;
        gs_xdecref(vm, wr);
        gs_decref(vm, x);
    }
    gs_decref(vm, it);
    if (r < 0 || vm->exc) {
        gs_decref(vm, s);
        return NULL;
    }
    return s;
}

enum { SET_SUB, SET_AND, SET_XOR };

/* __isub__ / __iand__ / __ixor__: self.data.<op>_update(ref(item) for item in other) */
static int wset_inplace(gs_VM *vm, gs_Object *self, gs_Object *other, int op)
{
    if (commit_if_pending(vm, self) < 0)
        return -1;
    gs_Object *data = set_data(vm, self);
    if (!data)
        return -1;
    if (self == other && op != SET_AND) {
        gs_set_clear(vm, data);
        return 0;
    }
    gs_Object *refs = refs_of(vm, self, other, op == SET_XOR);
    if (!refs)
        return -1;
    int r = op == SET_SUB ? gs_set_difference_update(vm, data, &refs, 1)
          : op == SET_AND ? gs_set_intersection_update(vm, data, &refs, 1)
                          : gs_set_symmetric_difference_update(vm, data, refs);
    gs_decref(vm, refs);
    return r;
}

static gs_Object *wset_inplace_method(gs_VM *vm, gs_Object *self, const char *fname, gs_Object **args, int nargs,
                                      gs_Tuple *kwnames, int op, bool return_self)
{
    gs_Object *other = one_arg(vm, fname, args, nargs, kwnames);
    if (!other || wset_inplace(vm, self, other, op) < 0)
        return NULL;
    return return_self ? gs_newref(vm, self) : GS_NONE(vm);
}

static gs_Object *wset_isub(GS_ARGS) { return wset_inplace_method(vm, self, "WeakSet.__isub__", args, nargs, kwnames, SET_SUB, true); }
static gs_Object *wset_iand(GS_ARGS) { return wset_inplace_method(vm, self, "WeakSet.__iand__", args, nargs, kwnames, SET_AND, true); }
static gs_Object *wset_ixor(GS_ARGS) { return wset_inplace_method(vm, self, "WeakSet.__ixor__", args, nargs, kwnames, SET_XOR, true); }
static gs_Object *wset_difference_update(GS_ARGS)
{
    return wset_inplace_method(vm, self, "WeakSet.difference_update", args, nargs, kwnames, SET_SUB, false);
}
static gs_Object *wset_intersection_update(GS_ARGS)
{
    return wset_inplace_method(vm, self, "WeakSet.intersection_update", args, nargs, kwnames, SET_AND, false);
}
static gs_Object *wset_symmetric_difference_update(GS_ARGS)
{
    return wset_inplace_method(vm, self, "WeakSet.symmetric_difference_update", args, nargs, kwnames, SET_XOR, false);
}

/* difference / symmetric_difference: newset = self.copy(); newset.<op>_update(other) */
static gs_Object *wset_copy_then(gs_VM *vm, gs_Object *self, const char *fname, gs_Object **args, int nargs,
                                 gs_Tuple *kwnames, int op)
{
    gs_Object *other = one_arg(vm, fname, args, nargs, kwnames);
    gs_Object *n = other ? wset_like(vm, self, self) : NULL;
    if (n && wset_inplace(vm, n, other, op) < 0) {
        gs_decref(vm, n);
        return NULL;
    }
    return n;
}

static gs_Object *wset_difference(GS_ARGS) { return wset_copy_then(vm, self, "WeakSet.difference", args, nargs, kwnames, SET_SUB); }
static gs_Object *wset_symmetric_difference(GS_ARGS)
{
    return wset_copy_then(vm, self, "WeakSet.symmetric_difference", args, nargs, kwnames, SET_XOR);
}

/* intersection: self.__class__(item for item in other if item in self) */
static gs_Object *wset_intersection(GS_ARGS)
{
    gs_Object *other = one_arg(vm, "WeakSet.intersection", args, nargs, kwnames);
    gs_Object *items = other ? gs_list_new(vm, 0) : NULL;
    gs_Object *it = items ? gs_iter(vm, other) : NULL;
    if (!it) {
        gs_xdecref(vm, items);
        return NULL;
    }
    gs_Object *x;
    int r = 0;
    while (r == 0 && (x = gs_next(vm, it)) != NULL) {
        int in = gs_contains(vm, self, x);
        r = in < 0 ? -1 : in ? gs_list_append(vm, items, x) : 0;
        gs_decref(vm, x);
    }
    gs_decref(vm, it);
    gs_Object *n = r == 0 && !vm->exc ? wset_like(vm, self, items) : NULL;
    gs_decref(vm, items);
    return n;
}

/* union: self.__class__(e for s in (self, other) for e in s) */
static gs_Object *wset_union(GS_ARGS)
{
    gs_Object *other = one_arg(vm, "WeakSet.union", args, nargs, kwnames);
    gs_Object *items = other ? gs_list_from_iterable(vm, self) : NULL;
    if (items && gs_list_extend(vm, items, other) < 0) {
        gs_decref(vm, items);
        items = NULL;
    }
    gs_Object *n = items ? wset_like(vm, self, items) : NULL;
    gs_xdecref(vm, items);
    return n;
}

static gs_Object *wset_isdisjoint(GS_ARGS)
{
    gs_Object *n = wset_intersection(vm, self, args, nargs, kwnames);
    if (!n)
        return NULL;
    int64_t len = gs_len(vm, n);
    gs_decref(vm, n);
    return len < 0 ? NULL : GS_BOOL(vm, len == 0);
}

/* issubset / issuperset / < / > / == against set(map(ref, other)) */
static gs_Object *wset_relation(gs_VM *vm, gs_Object *self, const char *fname, gs_Object **args, int nargs,
                                gs_Tuple *kwnames, int op)
{
    gs_Object *other = one_arg(vm, fname, args, nargs, kwnames);
    if (!other)
        return NULL;
    if (op == GS_CMP_EQ && !gs_isinstance(other, self->type))
        return gs_newref(vm, vm->notimpl);
    gs_Object *data = set_data(vm, self);
    gs_Object *refs = data ? refs_of(vm, self, other, false) : NULL;
    if (!refs)
        return NULL;
    gs_Object *r = gs_set_compare(vm, op, data, refs);
    gs_decref(vm, refs);
    return r;
}

static gs_Object *wset_le(GS_ARGS) { return wset_relation(vm, self, "WeakSet.issubset", args, nargs, kwnames, GS_CMP_LE); }
static gs_Object *wset_lt(GS_ARGS) { return wset_relation(vm, self, "WeakSet.__lt__", args, nargs, kwnames, GS_CMP_LT); }
static gs_Object *wset_ge(GS_ARGS) { return wset_relation(vm, self, "WeakSet.issuperset", args, nargs, kwnames, GS_CMP_GE); }
static gs_Object *wset_gt(GS_ARGS) { return wset_relation(vm, self, "WeakSet.__gt__", args, nargs, kwnames, GS_CMP_GT); }
static gs_Object *wset_eq(GS_ARGS) { return wset_relation(vm, self, "WeakSet.__eq__", args, nargs, kwnames, GS_CMP_EQ); }

/* repr(self.data) */
static gs_Object *wset_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *data = set_data(vm, self);
    return data ? gs_repr(vm, data) : NULL;
}

/* ================================================================== finalize */

/* Each live finalizer is a key of the registry; its value is an _Info
 * instance holding the weak reference (whose callback is the finalizer
 * itself), func, args, kwargs, atexit and index. */
/* def __init__(self, obj, func, /, *args, **kwargs): the checks */
static int finalize_check(gs_VM *vm, int npos)
{
    if (npos < 2) {
        gs_raise(vm, vm->e_TypeError, "finalize.__init__() missing %d required positional argument%s: %s",
                 2 - npos, npos == 1 ? "" : "s", npos == 1 ? "'func'" : "'obj' and 'func'");
        return -1;
    }
    return 0;
}

/* The rest of __init__: register f in the class's registry with an _Info
 * holding ref(obj, f), func, args and kwargs.  In CPython's order:
 * __init__'s *args tuple and **kwargs dict, (the first time) what
 * atexit.register keeps, the _Info, ref(obj, self)'s tuple and the weak
 * reference; an empty **kwargs dies at the end. */
static int finalize_setup(gs_VM *vm, gs_Object *f, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_WeakrefState *st = vm->wr;
    int npos = gs_npos(nargs, kwnames);
    gs_Object *fargs = gs_tuple_new(vm, npos - 2);
    if (fargs)
        for (int i = 2; i < npos; i++)
            gs_tuple_init(vm, fargs, i - 2, gs_newref(vm, args[i]));
    gs_Object *fkw = NULL, *t_kw = NULL;
    if (kwnames && kwnames->len) {
        fkw = gs_dict_new(vm);
        for (int i = 0; fkw && i < kwnames->len; i++)
            if (gs_dict_set(vm, fkw, kwnames->items[i], args[npos + i]) < 0) {
                gs_decref(vm, fkw);
                fkw = NULL;
            }
    } else {
        t_kw = gs_phantom_alloc(vm, vm->t_dict, 0); /* **kwargs, empty: info.kwargs is None */
        fkw = GS_NONE(vm);
    }
    if (st->next_index == 0) {
        /* import atexit; atexit.register(self._exitfunc): what it keeps, and
         * what it leaves on the free lists (two dicts, two 1-tuples and two
         * 2-tuples, measured with python3.11 after a full collection) */
        phantom_kept(vm, 8);
        /* ... a list and a dict it keeps and two 3-tuples, alive at once,
         * that it frees, all of which come from the free lists when they can
         * (measured by filling each free list first) */
        st->atexit_kept[0] = gs_phantom_alloc(vm, vm->t_list, 0);
        st->atexit_kept[1] = gs_phantom_alloc(vm, vm->t_dict, 0);
        gs_Object *t3a = gs_phantom_alloc(vm, vm->t_tuple, 3), *t3b = gs_phantom_alloc(vm, vm->t_tuple, 3);
        gs_phantom_free(vm, t3b);
        gs_phantom_free(vm, t3a);
        gs_Object *tmp[6] = { gs_phantom_alloc(vm, vm->t_dict, 0),  gs_phantom_alloc(vm, vm->t_dict, 0),
                              gs_phantom_alloc(vm, vm->t_tuple, 1), gs_phantom_alloc(vm, vm->t_tuple, 1),
                              gs_phantom_alloc(vm, vm->t_tuple, 2), gs_phantom_alloc(vm, vm->t_tuple, 2) };
        for (int i = 5; i >= 0; i--)
            gs_phantom_free(vm, tmp[i]);
    }
    vm->internal_alloc++; /* the _Info and the weak reference: the finalizer's private parts */
    gs_Object *info = gs_instance_new(vm, st->t_finfo);
    vm->internal_alloc--;
    int err = !fargs || !fkw || !info;
    /* CPython keeps atexit in the info and exposes it through a property
     * with a setter; here it is the finalizer's own attribute */
    if (!err)
        err = set_attr_steal(vm, f, "atexit", GS_BOOL(vm, true)) < 0;
    if (!err) {
        gs_Object *t_ref = gs_phantom_alloc(vm, vm->t_tuple, 2);
        gs_Object *wr = entry_ref(vm, NULL, args[0], f, NULL);
        gs_phantom_free(vm, t_ref);
        err = set_attr_steal(vm, info, "weakref", wr) < 0 ||
              set_attr_steal(vm, info, "func", gs_newref(vm, args[1])) < 0 ||
              set_attr_steal(vm, info, "args", gs_newref(vm, fargs)) < 0 ||
              set_attr_steal(vm, info, "kwargs", gs_newref(vm, fkw)) < 0 ||
              set_attr_steal(vm, info, "index", gs_int_new(vm, st->next_index++)) < 0 ||
              gs_dict_set(vm, st->registry, f, info) < 0;
    }
    gs_xdecref(vm, fargs);
    gs_xdecref(vm, fkw);
    gs_xdecref(vm, info);
    gs_phantom_free(vm, t_kw);
    return err ? -1 : 0;
}


static gs_Object *finalize_new(GS_ARGS)
{
    int npos = gs_npos(nargs, kwnames);
    if (finalize_check(vm, npos) < 0)
        return NULL;
    /* the call's argument tuple, then the finalizer; the tuple dies last */
    gs_Object *t_call = gs_phantom_alloc(vm, vm->t_tuple, npos + (kwnames ? kwnames->len : 0));
    gs_Object *f = gs_instance_new(vm, (gs_Type *)self);
    int r = f ? finalize_setup(vm, f, args, nargs, kwnames) : -1;
    gs_phantom_free(vm, t_call);
    if (r < 0) {
        gs_xdecref(vm, f);
        return NULL;
    }
    return f;
}

/* __init__ for a class derived from finalize (its instance is made by the class call) */
static gs_Object *finalize_init(GS_ARGS)
{
    if (finalize_check(vm, gs_npos(nargs, kwnames)) < 0 || finalize_setup(vm, self, args, nargs, kwnames) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* Call func(*args, **kwargs) from an info. */
static gs_Object *finalize_invoke(gs_VM *vm, gs_Object *info)
{
    gs_Object *func = attr(vm, info, "func");
    gs_Object *fargs = attr(vm, info, "args");
    gs_Object *fkw = attr(vm, info, "kwargs");
    if (!func || !fargs || GS_KIND(fargs) != GS_K_TUPLE) {
        gs_raise(vm, vm->e_RuntimeError, "finalize: broken registry entry");
        return NULL;
    }
    gs_Tuple *t = (gs_Tuple *)fargs;
    int nkw = fkw && GS_KIND(fkw) == GS_K_DICT ? ((gs_Dict *)fkw)->t.used : 0;
    int n = t->len + nkw;
    gs_Object **argv = malloc(sizeof(gs_Object *) * (size_t)(n ? n : 1));
    if (!argv) {
        gs_raise_memory(vm);
        return NULL;
    }
    for (int i = 0; i < t->len; i++)
        argv[i] = t->items[i];
    gs_Object *names = NULL;
    if (nkw) {
        names = gs_tuple_new(vm, nkw);
        if (!names) {
            free(argv);
            return NULL;
        }
        int32_t pos = 0;
        gs_Object *k, *v;
        for (int i = 0; gs_dict_next(fkw, &pos, &k, &v); i++) {
            gs_tuple_init(vm, names, i, gs_newref(vm, k));
            argv[t->len + i] = v;
        }
    }
    gs_incref(vm, func);
    gs_incref(vm, fargs);
    gs_xincref(vm, fkw);
    /* **(info.kwargs or {}) compiles to BUILD_MAP 0 (the dict the call gets),
     * BUILD_MAP 0 again when kwargs is None (the `{}`), DICT_MERGE (which
     * frees the `{}`), CALL_FUNCTION_EX */
    gs_Object *merged = gs_phantom_alloc(vm, vm->t_dict, 0);
    if (!nkw)
        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_dict, 0));
    gs_Object *r = gs_call_object(vm, func, argv, n, (gs_Tuple *)names);
    gs_phantom_free(vm, merged);
    gs_decref(vm, func);
    gs_decref(vm, fargs);
    gs_xdecref(vm, fkw);
    gs_xdecref(vm, names);
    free(argv);
    return r;
}

/* def __call__(self, _=None): info = registry.pop(self, None); if info and
 * not shutdown: return info.func(*info.args, **(info.kwargs or {})) */
static gs_Object *finalize_call(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_WeakrefState *st = vm->wr;
    gs_Object *info = gs_dict_pop(vm, st->registry, self);
    if (vm->exc)
        return NULL;
    if (!info)
        return GS_NONE(vm);
    gs_Object *r = st->shutdown ? GS_NONE(vm) : finalize_invoke(vm, info);
    gs_decref(vm, info);
    return r;
}

static gs_Object *finalize_peek_or_detach(gs_VM *vm, gs_Object *self, bool detach)
{
    gs_WeakrefState *st = vm->wr;
    gs_Object *info = gs_dict_get(vm, st->registry, self);
    if (!info)
        return vm->exc ? NULL : GS_NONE(vm);
    gs_Object *wr = attr(vm, info, "weakref");
    gs_Object *obj = wr && gs_is_weakref(wr) ? ((gs_WeakRef *)wr)->object : NULL;
    if (!obj)
        return GS_NONE(vm);
    gs_incref(vm, info);
    gs_Object *kw = attr(vm, info, "kwargs");
    gs_Object *kwd = kw && kw != vm->none ? gs_newref(vm, kw) : gs_dict_new(vm);
    gs_Object *r = kwd ? gs_tuple_pack(vm, 4, obj, attr(vm, info, "func"), attr(vm, info, "args"), kwd) : NULL;
    gs_xdecref(vm, kwd);
    if (r && detach) {
        gs_Object *popped = gs_dict_pop(vm, st->registry, self);
        gs_xdecref(vm, popped);
    }
    gs_decref(vm, info);
    return r;
}

static gs_Object *finalize_detach(GS_ARGS) { GS_UNUSED_ARGS; return finalize_peek_or_detach(vm, self, true); }
static gs_Object *finalize_peek(GS_ARGS) { GS_UNUSED_ARGS; return finalize_peek_or_detach(vm, self, false); }

static gs_Object *finalize_alive(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *info = gs_dict_get(vm, vm->wr->registry, self);
    if (vm->exc)
        return NULL;
    return GS_BOOL(vm, info != NULL);
}

static gs_Object *finalize_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *info = gs_dict_get(vm, vm->wr->registry, self);
    gs_Object *wr = info ? attr(vm, info, "weakref") : NULL;
    gs_Object *obj = wr && gs_is_weakref(wr) ? ((gs_WeakRef *)wr)->object : NULL;
    /* type(self).__name__: a subclass shows its own name */
    const char *name = self->type->name->data;
    if (!obj)
        return gs_str_printf(vm, "<%s object at 0x%llx; dead>", name, gs_object_address(self));
    return gs_str_printf(vm, "<%s object at 0x%llx; for '%s' at 0x%llx>", name, gs_object_address(self),
                         obj->type->name->data, gs_object_address(obj));
}

/* At the end of the run (CPython's atexit, before __main__ is cleared):
 * call the live finalizers whose atexit is true, newest first. */
void gs_weakref_at_exit(gs_VM *vm)
{
    gs_WeakrefState *st = vm->wr;
    if (!st || !st->registry)
        return;
    bool reenable = vm->gc_enabled;
    vm->gc_enabled = false;
    for (;;) {
        /* the newest live finalizer marked for exit */
        gs_Object *best = NULL;
        int64_t best_index = -1;
        int32_t pos = 0;
        gs_Object *f, *info;
        while (gs_dict_next(st->registry, &pos, &f, &info)) {
            gs_Object *a = attr(vm, f, "atexit");
            gs_Object *ix = attr(vm, info, "index");
            if (a && gs_truthy(vm, a) == 1 && ix && GS_KIND(ix) == GS_K_INT && ((gs_Int *)ix)->value > best_index) {
                best = f;
                best_index = ((gs_Int *)ix)->value;
            }
        }
        if (!best)
            break;
        gs_incref(vm, best);
        gs_Object *r = gs_call_object(vm, best, NULL, 0, NULL);
        if (!r)
            gs_write_unraisable(vm, "Exception ignored in atexit callback: ", best);
        else
            gs_decref(vm, r);
        /* a finalizer that failed is still removed from the registry */
        gs_Object *left = gs_dict_pop(vm, st->registry, best);
        gs_clear_exc(vm);
        gs_xdecref(vm, left);
        gs_decref(vm, best);
    }
    st->shutdown = true;
    if (reenable)
        vm->gc_enabled = true;
}

/* ================================================================== the module */

/* A class of Lib/weakref.py or Lib/_weakrefset.py: a built-in type here,
 * named like the Python class (its __name__; repr() shows module.name). */
static gs_Type *new_type(gs_VM *vm, const char *module, const char *name, gs_Type *base, uint8_t flags)
{
    gs_Type *t = gs_type_new_builtin(vm, name, base, (gs_Kind)base->inst_kind, flags);
    t->module = gs_name(vm, module);
    return t;
}

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

/* `__new__` of these types is static, as CPython's (Cls.__new__(cls, ...)) */
static void static_new(gs_VM *vm, gs_Type *t)
{
    gs_Object *nw = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, "__new__"));
    if (nw)
        ((gs_Builtin *)nw)->owner = NULL;
}

/* `b = a` in a class body: the same object under another name */
static void alias(gs_VM *vm, gs_Type *t, const char *to, const char *from)
{
    gs_Object *v = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, from));
    if (v)
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, to)->ob, v);
}

/* Methods CPython writes as `def name(self):` check their arguments as a
 * Python function does ("WeakSet.pop() takes 1 positional argument but 2
 * were given"); the qualified name is the defining class's. */
#define PY_NOARGS(wrapper, qualname, impl)                                                     \
    static gs_Object *wrapper(GS_ARGS)                                                         \
    {                                                                                          \
        if (pyargs(vm, qualname, args, nargs, kwnames, NULL, 0, 0, 0, false, NULL) < 0)        \
            return NULL;                                                                       \
        return impl(vm, self, args, nargs, kwnames);                                           \
    }
PY_NOARGS(py_wvd_keys, "WeakValueDictionary.keys", wvd_keys)
PY_NOARGS(py_wvd_values, "WeakValueDictionary.values", wvd_values)
PY_NOARGS(py_wvd_items, "WeakValueDictionary.items", wvd_items)
PY_NOARGS(py_wvd_itervaluerefs, "WeakValueDictionary.itervaluerefs", wvd_itervaluerefs)
PY_NOARGS(py_wvd_valuerefs, "WeakValueDictionary.valuerefs", wvd_valuerefs)
PY_NOARGS(py_wvd_popitem, "WeakValueDictionary.popitem", wvd_popitem)
PY_NOARGS(py_wvd_copy, "WeakValueDictionary.copy", wvd_copy)
PY_NOARGS(py_weakdict_clear, "MutableMapping.clear", weakdict_clear)
PY_NOARGS(py_wkd_keys, "WeakKeyDictionary.keys", wkd_keys)
PY_NOARGS(py_wkd_values, "WeakKeyDictionary.values", wkd_values)
PY_NOARGS(py_wkd_items, "WeakKeyDictionary.items", wkd_items)
PY_NOARGS(py_wkd_keyrefs, "WeakKeyDictionary.keyrefs", wkd_keyrefs)
PY_NOARGS(py_wkd_popitem, "WeakKeyDictionary.popitem", wkd_popitem)
PY_NOARGS(py_wkd_copy, "WeakKeyDictionary.copy", wkd_copy)
PY_NOARGS(py_wset_clear, "WeakSet.clear", wset_clear)
PY_NOARGS(py_wset_copy, "WeakSet.copy", wset_copy)
PY_NOARGS(py_wset_pop, "WeakSet.pop", wset_pop)

#define M(name, fn, kw) { name, fn, 0, -1, kw }
static const gs_MethodDef keyedref_methods[] = {
    M("__new__", keyedref_new, GS_KW), M("__init__", keyedref_init, GS_KW), { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef weakmethod_methods[] = {
    M("__new__", wm_new, GS_KW), M("__call__", wm_call, GS_KW), { "__eq__", wm_eq, 1, 1, false },
    { "__ne__", wm_ne, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef wvd_methods[] = {
    M("__new__", wvd_new, GS_KW), M("__init__", wvd_init, GS_KW), M("__getitem__", wvd_getitem, GS_KW),
    M("__setitem__", wvd_setitem, GS_KW), M("__delitem__", wvd_delitem, GS_KW),
    M("__contains__", wvd_contains, GS_KW), { "__len__", wvd_len, 0, 0, false },
    { "__repr__", container_repr, 0, 0, false }, M("get", wvd_get, GS_KW), M("keys", py_wvd_keys, GS_KW),
    M("values", py_wvd_values, GS_KW), M("items", py_wvd_items, GS_KW),
    M("itervaluerefs", py_wvd_itervaluerefs, GS_KW), M("valuerefs", py_wvd_valuerefs, GS_KW),
    M("popitem", py_wvd_popitem, GS_KW), M("pop", wvd_pop, GS_KW), M("setdefault", wvd_setdefault, GS_KW),
    M("update", wvd_update, GS_KW), M("clear", py_weakdict_clear, GS_KW), M("copy", py_wvd_copy, GS_KW),
    M("__deepcopy__", wvd_deepcopy, GS_KW), { "__or__", weakdict_or, 1, 1, false },
    { "__ror__", weakdict_ror, 1, 1, false }, { "__ior__", weakdict_ior, 1, 1, false },
    { "__eq__", weakdict_eq, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef wkd_methods[] = {
    M("__new__", wkd_new, GS_KW), M("__init__", wkd_init, GS_KW), M("__getitem__", wkd_getitem, GS_KW),
    M("__setitem__", wkd_setitem, GS_KW), M("__delitem__", wkd_delitem, GS_KW),
    M("__contains__", wkd_contains, GS_KW), { "__len__", wkd_len, 0, 0, false },
    { "__repr__", container_repr, 0, 0, false }, M("get", wkd_get, GS_KW), M("keys", py_wkd_keys, GS_KW),
    M("values", py_wkd_values, GS_KW), M("items", py_wkd_items, GS_KW),
    M("keyrefs", py_wkd_keyrefs, GS_KW), M("popitem", py_wkd_popitem, GS_KW),
    M("pop", wkd_pop, GS_KW), M("setdefault", wkd_setdefault, GS_KW), M("update", wkd_update, GS_KW),
    M("clear", py_weakdict_clear, GS_KW), M("copy", py_wkd_copy, GS_KW),
    M("__deepcopy__", wkd_deepcopy, GS_KW), { "__or__", weakdict_or, 1, 1, false },
    { "__ror__", weakdict_ror, 1, 1, false }, { "__ior__", weakdict_ior, 1, 1, false },
    { "__eq__", weakdict_eq, 1, 1, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef weakset_methods[] = {
    M("__new__", wset_new, GS_KW), M("__init__", wset_init, GS_KW), { "__iter__", wset_iter, 0, 0, false },
    { "__len__", wset_len, 0, 0, false }, M("__contains__", wset_contains, GS_KW), M("add", wset_add, GS_KW),
    M("clear", py_wset_clear, GS_KW), M("copy", py_wset_copy, GS_KW), M("pop", py_wset_pop, GS_KW),
    M("remove", wset_remove, GS_KW), M("discard", wset_discard, GS_KW), M("update", wset_update, GS_KW),
    M("__ior__", wset_ior, GS_KW), M("difference", wset_difference, GS_KW),
    M("difference_update", wset_difference_update, GS_KW), M("__isub__", wset_isub, GS_KW),
    M("intersection", wset_intersection, GS_KW), M("intersection_update", wset_intersection_update, GS_KW),
    M("__iand__", wset_iand, GS_KW), M("issubset", wset_le, GS_KW), M("__lt__", wset_lt, GS_KW),
    M("issuperset", wset_ge, GS_KW), M("__gt__", wset_gt, GS_KW), M("__eq__", wset_eq, GS_KW),
    M("symmetric_difference", wset_symmetric_difference, GS_KW),
    M("symmetric_difference_update", wset_symmetric_difference_update, GS_KW), M("__ixor__", wset_ixor, GS_KW),
    M("union", wset_union, GS_KW), M("isdisjoint", wset_isdisjoint, GS_KW), { "__repr__", wset_repr, 0, 0, false },
    { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef guard_methods[] = {
    M("__new__", guard_py_new, GS_KW), M("__enter__", guard_py_enter, GS_KW), M("__exit__", guard_py_exit, GS_KW),
    { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef gen_methods[] = {
    { "__iter__", gen_iter, 0, 0, false }, { "__next__", gen_next, 0, 0, false },
    { "close", gen_close, 0, 0, false },   { "__del__", gen_del, 0, 0, false },
    { "__repr__", gen_repr, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef finalize_methods[] = {
    { "__new__", finalize_new, 0, -1, GS_KW }, { "__init__", finalize_init, 0, -1, GS_KW },
    { "__call__", finalize_call, 0, 1, false },
    { "detach", finalize_detach, 0, 0, false }, { "peek", finalize_peek, 0, 0, false },
    { "__repr__", finalize_repr, 0, 0, false }, { NULL, NULL, 0, 0, false },
};
#undef M

static void make_types(gs_VM *vm)
{
    gs_WeakrefState *st = calloc(1, sizeof *st);
    if (!st)
        abort(); /* a few bytes at import: nothing sensible to continue with */
    vm->wr = st;
    gs_weakref_methods_init(vm);
    st->t_keyedref = new_type(vm, "weakref", "KeyedRef", vm->t_weakref, GS_TF_BASETYPE);
    gs_type_add_methods(vm, st->t_keyedref, keyedref_methods);
    static_new(vm, st->t_keyedref);
    add_property(vm, st->t_keyedref, "key", keyedref_key);
    st->t_weakmethod = new_type(vm, "weakref", "WeakMethod", vm->t_weakref, GS_TF_BASETYPE | GS_TF_WEAKREF_ATTRS);
    gs_type_add_methods(vm, st->t_weakmethod, weakmethod_methods);
    static_new(vm, st->t_weakmethod);
    /* __hash__ = ref.__hash__ */
    gs_Object *h = gs_dict_get_str(vm, &vm->t_weakref->dict->ob, vm->s___hash__);
    if (h)
        gs_dict_set(vm, &st->t_weakmethod->dict->ob, &vm->s___hash__->ob, h);
    st->t_wvd = new_type(vm, "weakref", "WeakValueDictionary", vm->t_object, GS_TF_BASETYPE);
    gs_type_add_methods(vm, st->t_wvd, wvd_methods);
    alias(vm, st->t_wvd, "__iter__", "keys");
    alias(vm, st->t_wvd, "__copy__", "copy");
    st->t_wkd = new_type(vm, "weakref", "WeakKeyDictionary", vm->t_object, GS_TF_BASETYPE);
    gs_type_add_methods(vm, st->t_wkd, wkd_methods);
    alias(vm, st->t_wkd, "__iter__", "keys");
    alias(vm, st->t_wkd, "__copy__", "copy");
    st->t_weakset = new_type(vm, "_weakrefset", "WeakSet", vm->t_object, GS_TF_BASETYPE);
    gs_type_add_methods(vm, st->t_weakset, weakset_methods);
    alias(vm, st->t_weakset, "__sub__", "difference");
    alias(vm, st->t_weakset, "__and__", "intersection");
    alias(vm, st->t_weakset, "__le__", "issubset");
    alias(vm, st->t_weakset, "__ge__", "issuperset");
    alias(vm, st->t_weakset, "__xor__", "symmetric_difference");
    alias(vm, st->t_weakset, "__or__", "union");
    st->t_guard = new_type(vm, "_weakrefset", "_IterationGuard", vm->t_object, GS_TF_BASETYPE);
    gs_type_add_methods(vm, st->t_guard, guard_methods);
    /* the functions of Python code (a container's _remove, WeakMethod's _cb) */
    st->t_func = gs_type_new_builtin(vm, "function", vm->t_object, GS_K_BUILTIN, 0);
    st->t_func->dict = (gs_Dict *)gs_dict_new(vm);
    add_property(vm, st->t_func, "__defaults__", func_defaults);
    add_property(vm, st->t_func, "__closure__", func_closure);
    add_property(vm, st->t_func, "__qualname__", func_qualname);
    /* the generators of the containers' views; their finalizer closes them */
    st->t_gen = gs_type_new_builtin(vm, "generator", vm->t_object, GS_K_INSTANCE, GS_TF_HAS_DEL);
    gs_type_add_methods(vm, st->t_gen, gen_methods);
    st->t_finalize = new_type(vm, "weakref", "finalize", vm->t_object, GS_TF_BASETYPE);
    gs_type_add_methods(vm, st->t_finalize, finalize_methods);
    add_property(vm, st->t_finalize, "alive", finalize_alive);
    st->t_finfo = new_type(vm, "weakref", "_Info", vm->t_object, 0);
    st->registry = gs_dict_new(vm);
    if (st->registry)
        gs_dict_set(vm, &st->t_finalize->dict->ob, &gs_name(vm, "_registry")->ob, st->registry);
}

static const gs_MethodDef module_functions[] = {
    { "getweakrefcount", m_getweakrefcount, 1, 1, false },
    { "getweakrefs", m_getweakrefs, 1, 1, false },
    { "proxy", m_proxy, 0, -1, GS_KW },
    { "_remove_dead_weakref", m_remove_dead_weakref, 0, -1, false },
    { NULL, NULL, 0, 0, false },
};

gs_Object *gs_module_weakref(gs_VM *vm)
{
    if (!vm->wr)
        make_types(vm);
    gs_WeakrefState *st = vm->wr;
    gs_Object *m = gs_module_new(vm, "weakref");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "ref", gs_newref(vm, &vm->t_weakref->ob));
    gs_module_add(vm, m, "ReferenceType", gs_newref(vm, &vm->t_weakref->ob));
    gs_module_add(vm, m, "ProxyType", gs_newref(vm, &vm->t_weakproxy->ob));
    gs_module_add(vm, m, "CallableProxyType", gs_newref(vm, &vm->t_weakcallableproxy->ob));
    gs_module_add(vm, m, "ProxyTypes", gs_tuple_pack(vm, 2, vm->t_weakproxy, vm->t_weakcallableproxy));
    gs_module_add(vm, m, "KeyedRef", gs_newref(vm, &st->t_keyedref->ob));
    gs_module_add(vm, m, "WeakMethod", gs_newref(vm, &st->t_weakmethod->ob));
    gs_module_add(vm, m, "WeakValueDictionary", gs_newref(vm, &st->t_wvd->ob));
    gs_module_add(vm, m, "WeakKeyDictionary", gs_newref(vm, &st->t_wkd->ob));
    gs_module_add(vm, m, "WeakSet", gs_newref(vm, &st->t_weakset->ob));
    gs_module_add(vm, m, "_IterationGuard", gs_newref(vm, &st->t_guard->ob));
    gs_module_add(vm, m, "finalize", gs_newref(vm, &st->t_finalize->ob));
    /* _weakref's functions: not bound to this module (their m_self is _weakref) */
    for (const gs_MethodDef *d = module_functions; d->name; d++) {
        gs_module_add_fn(vm, m, d->name, d->fn, d->min, d->max, (d->kw & GS_KW) != 0);
        gs_Object *b = gs_dict_get_str(vm, &((gs_Module *)m)->dict->ob, gs_name(vm, d->name));
        if (b && GS_KIND(b) == GS_K_BUILTIN)
            ((gs_Builtin *)b)->varargs = d->kw & GS_VARARGS;
    }
    st->remove_dead = gs_dict_get_str(vm, &((gs_Module *)m)->dict->ob, gs_name(vm, "_remove_dead_weakref"));
    static const char *const all[] = { "ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
                                       "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
                                       "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize" };
    gs_Object *l = gs_list_new(vm, 0);
    for (int i = 0; l && i < GS_COUNTOF(all); i++) {
        gs_Object *s = gs_str_from_cstr(vm, all[i]);
        if (s)
            gs_list_append(vm, l, s);
        gs_xdecref(vm, s);
    }
    gs_module_add(vm, m, "__all__", l);
    /* CPython's `import weakref` runs Lib/weakref.py (and _weakrefset,
     * _collections_abc...): about 407 more long-lived objects than this
     * module makes, which the 25 % rule of full collections counts */
    vm->gc_long_lived_phantom += 350;
    return m;
}

/* References held by this module's static state, for the refcount check. */
void gs_weakref_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_WeakrefState *st = vm->wr;
    if (!st)
        return;
    gs_Type *types[] = { vm->t_weakref,  vm->t_weakproxy, vm->t_weakcallableproxy, st->t_keyedref, st->t_weakmethod,
                         st->t_wvd,      st->t_wkd,       st->t_weakset,           st->t_guard,    st->t_func,
                         st->t_gen,      st->t_finalize,  st->t_finfo };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i] && types[i]->dict)
            count(ctx, &types[i]->dict->ob);
    count(ctx, st->registry);
}

/* Teardown: drop the registry (the static types' dicts go with the other
 * static types). */
void gs_weakref_clear(gs_VM *vm)
{
    gs_WeakrefState *st = vm->wr;
    if (!st)
        return;
    gs_Object *r = st->registry;
    st->registry = NULL;
    gs_xdecref(vm, r);
    for (int i = 0; i < 2; i++) {
        gs_phantom_free(vm, st->atexit_kept[i]);
        st->atexit_kept[i] = NULL;
    }
}

void gs_weakref_free(gs_VM *vm)
{
    free(vm->wr);
    vm->wr = NULL;
}
