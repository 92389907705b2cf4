/*
 * queue.c — the queue module (CPython's Lib/queue.py and the _queue C
 * module it imports): Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty
 * and Full, for programs that run one thread.
 *
 * Queue and its two subclasses are classes as Lib/queue.py's statements
 * make them, with C methods that do what its Python ones do, in the same
 * order, through the same hooks: put() and get() call self._qsize(),
 * self._put(item) and self._get(), which a program's subclass may
 * override (a Python override is called as CPython calls a method, with
 * no bound method made).  An instance has the attributes CPython's has, in
 * its order: maxsize, queue (a collections.deque, or a list for LifoQueue
 * and PriorityQueue), mutex (a _thread.lock), not_empty, not_full and
 * all_tasks_done (threading.Condition objects on that lock, each with
 * its _lock, its lock's bound acquire and release, and a deque of
 * _waiters) and unfinished_tasks.  So a Queue() allocates what CPython's
 * does (15 GC objects), vars(q) reads the same, and the queue's items are
 * held by q.queue alone.
 *
 * SimpleQueue is _queue's C type: a list of the items and the position
 * of the next one (get() leaves None in its slot and cuts the list's
 * front once more than half of it is spent, as CPython does).  Empty is
 * _queue.Empty; Full is queue.Full.
 *
 * One thread: a call that CPython would block in until another thread
 * acts (get() or put() with block=True and no timeout on an empty or
 * full queue, join() with unfinished tasks, acquiring a held lock)
 * would block forever; it raises RuntimeError saying so instead.  A
 * timeout passes at once (time.sleep does too) and gives CPython's Empty
 * or Full.  The locks are taken and let go as CPython's are (a
 * subclass's _put sees q.mutex locked).
 *
 * Not modelled: the threading module (queue.threading is absent;
 * threading.Condition exists as the class of those three attributes),
 * queue._PySimpleQueue, and the frames of the Python methods (a
 * traceback shows queue.py's lines for the errors CPython raises there).
 */
#include <stdio.h>

#include "modutil.h"
#include "runtime/opcodes.h"

#define QUEUE_PY "/usr/lib/python3.11/queue.py"

/* ================================================================== the state */

typedef struct QueueState {
    gs_Type *t_lock;       /* _thread.lock (native, the VM's) */
    gs_Type *t_simple;     /* _queue.SimpleQueue (native, the VM's) */
    gs_Object *e_empty;    /* _queue.Empty: the classes below are owned here */
    gs_Object *e_full;     /* queue.Full */
    gs_Object *c_cond;     /* threading.Condition */
    gs_Object *c_queue, *c_lifo, *c_prio;
    gs_Object *deque;      /* collections.deque, heapq.heappush and heappop (owned) */
    gs_Object *heappush, *heappop;
    gs_Object *kw_block;   /* ('block',): put_nowait's and get_nowait's keyword, a constant of their code */
} QueueState;

static QueueState *state(gs_VM *vm) { return vm->modstate[GS_MS_QUEUE]; }

/* ================================================================== _thread.lock */

typedef struct LockObj {
    gs_Instance inst;
    bool locked;
    bool holds_type; /* _thread.lock is a heap type in 3.11: its objects hold it */
} LockObj;

#define LK(o) ((LockObj *)(o))

static int lock_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    return LK(o)->holds_type ? fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg) : 0;
}

static void lock_clear(gs_VM *vm, gs_Object *o) { gs_release_own_type(vm, o, &LK(o)->holds_type); }

static const gs_NativeOps lock_ops = { .size = sizeof(LockObj), .gc = true, .traverse = lock_traverse,
                                       .clear = lock_clear };

static gs_Object *lock_new(gs_VM *vm)
{
    gs_Object *o = gs_native_new(vm, state(vm)->t_lock);
    if (o)
        gs_hold_own_type(vm, o, &LK(o)->holds_type);
    return o;
}

/* what CPython would wait for forever, with one thread */
static void raise_forever(gs_VM *vm, const char *what, const char *why)
{
    gs_raise(vm, vm->e_RuntimeError, "%s would block forever: %s (a gcscope program runs one thread)", what, why);
}

/* lock.acquire(blocking=True, timeout=-1) */
static gs_Object *lk_acquire(GS_ARGS)
{
    static const char *const names[] = { "blocking", "timeout" };
    gs_Object *a[2];
    if (gs_clinic_bind(vm, "acquire", names, 2, 0, 0, 2, args, nargs, kwnames, a) < 0)
        return NULL;
    int blocking = a[0] ? gs_truthy(vm, a[0]) : 1;
    double timeout = -1;
    if (blocking < 0 || (a[1] && gs_real_arg(vm, a[1], &timeout) < 0))
        return NULL;
    if (!blocking && timeout != -1) {
        gs_raise(vm, vm->e_ValueError, "can't specify a timeout for a non-blocking call");
        return NULL;
    }
    if (timeout < 0 && timeout != -1) {
        gs_raise(vm, vm->e_ValueError, "timeout value must be a non-negative number");
        return NULL;
    }
    if (!LK(self)->locked) {
        LK(self)->locked = true;
        return GS_BOOL(vm, true);
    }
    if (blocking && timeout == -1) {
        raise_forever(vm, "acquire()", "the lock is held and no other thread can release it");
        return NULL;
    }
    return GS_BOOL(vm, false); /* (a timeout passes at once) */
}

static gs_Object *lk_release(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (!LK(self)->locked) {
        gs_raise(vm, vm->e_RuntimeError, "release unlocked lock");
        return NULL;
    }
    LK(self)->locked = false;
    return GS_NONE(vm);
}

static gs_Object *lk_exit(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    return lk_release(vm, self, NULL, 0, kwnames);
}

static gs_Object *lk_locked(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_BOOL(vm, LK(self)->locked);
}

static gs_Object *lk_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "<%s %s object at 0x%llx>", LK(self)->locked ? "locked" : "unlocked",
                         self->type->name->data, gs_object_address(self));
}

static const gs_MethodDef lock_methods[] = {
    { "acquire", lk_acquire, 0, -1, GS_KW },
    { "acquire_lock", lk_acquire, 0, -1, GS_KW },
    { "__enter__", lk_acquire, 0, -1, GS_KW },
    { "release", lk_release, 0, 0, 0 },
    { "release_lock", lk_release, 0, 0, 0 },
    { "__exit__", lk_exit, 0, -1, 0 },
    { "locked", lk_locked, 0, 0, 0 },
    { "locked_lock", lk_locked, 0, 0, 0 },
    { "__repr__", lk_repr, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== calling */

/* Whether the instance itself has the attribute (it hides its class's) */
static bool inst_has(gs_Object *o, gs_Str *name)
{
    gs_InstPart *ip = gs_inst_part(o);
    if (!ip)
        return false;
    return ip->dict ? gs_table_lookup_str(&ip->dict->t, name) >= 0 : gs_table_lookup_str(&ip->attrs, name) >= 0;
}

/* o.name(*args) as CPython's LOAD_METHOD and CALL do it: a function or C
 * method of o's class gets o first, with no bound method made (new
 * reference, or NULL) */
static gs_Object *call_method(gs_VM *vm, gs_Object *o, const char *name, gs_Object **args, int nargs)
{
    gs_Str *n = gs_name(vm, name);
    gs_Object *argv[3];
    gs_Object *f = gs_type_lookup(o->type, n);
    if (f && (GS_KIND(f) == GS_K_FUNCTION || GS_KIND(f) == GS_K_BUILTIN) && !inst_has(o, n) && nargs < 3) {
        argv[0] = o;
        for (int i = 0; i < nargs; i++)
            argv[i + 1] = args[i];
        gs_incref(vm, f);
        gs_Object *r = gs_call_object(vm, f, argv, nargs + 1, NULL);
        gs_decref(vm, f);
        return r;
    }
    gs_Object *m = gs_getattr(vm, o, n);
    if (!m)
        return NULL;
    gs_Object *r = gs_call_object(vm, m, args, nargs, NULL);
    gs_decref(vm, m);
    return r;
}

static gs_Object *attr(gs_VM *vm, gs_Object *o, const char *name) { return gs_getattr(vm, o, gs_name(vm, name)); }

/* ================================================================== threading.Condition */

/* Condition(lock): its attributes as threading.py's __init__ sets them (a
 * plain lock has no _release_save, _acquire_restore nor _is_owned) */
static gs_Object *cond_init(GS_ARGS)
{
    static const char *const names[] = { "lock" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "Condition.__init__", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return NULL;
    gs_Object *lock = a[0] && a[0] != vm->none ? gs_newref(vm, a[0]) : lock_new(vm);
    if (!lock)
        return NULL;
    int r = gs_setattr(vm, self, gs_name(vm, "_lock"), lock);
    gs_Object *acq = r == 0 ? attr(vm, lock, "acquire") : NULL;
    if (acq)
        r = gs_setattr(vm, self, gs_name(vm, "acquire"), acq);
    gs_xdecref(vm, acq);
    gs_Object *rel = acq && r == 0 ? attr(vm, lock, "release") : NULL;
    if (rel)
        r = gs_setattr(vm, self, gs_name(vm, "release"), rel);
    gs_xdecref(vm, rel);
    gs_decref(vm, lock);
    if (!acq || !rel || r < 0)
        return NULL;
    /* lock._release_save, _acquire_restore and _is_owned: CPython's
     * AttributeError for each, caught (the frame object, a traceback, the
     * exception and its argument tuple come and go: counts and free lists) */
    gs_gc_on_alloc(vm);
    for (int i = 0; i < 3; i++) {
        gs_gc_on_alloc(vm);
        gs_gc_on_alloc(vm);
        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, 1));
        gs_gc_on_free(vm);
        gs_gc_on_free(vm);
    }
    gs_Object *w = gs_call_object(vm, state(vm)->deque, NULL, 0, NULL);
    r = w ? gs_setattr(vm, self, gs_name(vm, "_waiters"), w) : -1;
    gs_xdecref(vm, w);
    gs_gc_on_free(vm); /* the frame object, as __init__ returns */
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *cond_enter(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *lock = attr(vm, self, "_lock");
    gs_Object *r = lock ? call_method(vm, lock, "__enter__", NULL, 0) : NULL;
    gs_xdecref(vm, lock);
    return r;
}

static gs_Object *cond_exit(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *lock = attr(vm, self, "_lock");
    gs_Object *r = lock ? call_method(vm, lock, "__exit__", args, nargs < 3 ? nargs : 2) : NULL;
    gs_xdecref(vm, lock);
    return r;
}

static gs_Object *cond_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *lock = attr(vm, self, "_lock"), *w = lock ? attr(vm, self, "_waiters") : NULL;
    /* "<Condition(%s, %d)>" % (self._lock, len(self._waiters)): its tuple */
    gs_Object *t = w ? gs_phantom_alloc(vm, vm->t_tuple, 2) : NULL;
    gs_Object *lr = w ? gs_repr(vm, lock) : NULL;
    int64_t n = lr ? gs_len(vm, w) : -1;
    gs_Object *r = n >= 0 ? gs_str_printf(vm, "<Condition(%s, %lld)>", ((gs_Str *)lr)->data, (long long)n) : NULL;
    if (t)
        gs_phantom_free(vm, t);
    gs_xdecref(vm, lock);
    gs_xdecref(vm, w);
    gs_xdecref(vm, lr);
    return r;
}

/* _is_owned() of a plain lock: held (by someone: there is one thread) */
static int cond_owned(gs_VM *vm, gs_Object *self)
{
    gs_Object *lock = attr(vm, self, "_lock");
    if (!lock)
        return -1;
    int owned = lock->type == state(vm)->t_lock ? LK(lock)->locked : 1;
    gs_decref(vm, lock);
    return owned;
}

/* notify(n=1), notify_all(): nobody waits, with one thread */
static gs_Object *cond_notify(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int owned = cond_owned(vm, self);
    if (owned < 0)
        return NULL;
    if (!owned) {
        gs_raise(vm, vm->e_RuntimeError, "cannot notify on un-acquired lock");
        return NULL;
    }
    return GS_NONE(vm);
}

/* wait(timeout=None): no other thread can notify: a timeout passes and
 * gives False, no timeout waits forever */
static gs_Object *cond_wait(GS_ARGS)
{
    static const char *const names[] = { "timeout" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "Condition.wait", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return NULL;
    int owned = cond_owned(vm, self);
    if (owned < 0)
        return NULL;
    if (!owned) {
        gs_raise(vm, vm->e_RuntimeError, "cannot wait on un-acquired lock");
        return NULL;
    }
    if (!a[0] || a[0] == vm->none) {
        raise_forever(vm, "Condition.wait()", "no other thread can notify it");
        return NULL;
    }
    return GS_BOOL(vm, false);
}

static const gs_MethodDef cond_methods[] = {
    { "__init__", cond_init, 0, -1, GS_KW },
    { "__enter__", cond_enter, 0, 0, 0 },
    { "__exit__", cond_exit, 0, -1, 0 },
    { "__repr__", cond_repr, 0, 0, 0 },
    { "wait", cond_wait, 0, -1, GS_KW },
    { "notify", cond_notify, 0, -1, GS_KW },
    { "notify_all", cond_notify, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== raising */

static const gs_LibFrame f_put_full[] = { { QUEUE_PY, 137, "put", "raise Full", NULL } };
static const gs_LibFrame f_put_negative[] = {
    { QUEUE_PY, 142, "put", "raise ValueError(\"'timeout' must be a non-negative number\")", NULL } };
static const gs_LibFrame f_put_timeout[] = { { QUEUE_PY, 148, "put", "raise Full", NULL } };
static const gs_LibFrame f_get_empty[] = { { QUEUE_PY, 168, "get", "raise Empty", NULL } };
static const gs_LibFrame f_get_negative[] = {
    { QUEUE_PY, 173, "get", "raise ValueError(\"'timeout' must be a non-negative number\")", NULL } };
static const gs_LibFrame f_get_timeout[] = { { QUEUE_PY, 179, "get", "raise Empty", NULL } };
static const gs_LibFrame f_put_nowait[] = {
    { QUEUE_PY, 191, "put_nowait", "return self.put(item, block=False)", "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^" } };
static const gs_LibFrame f_get_nowait[] = {
    { QUEUE_PY, 199, "get_nowait", "return self.get(block=False)", "       ^^^^^^^^^^^^^^^^^^^^^" } };
static const gs_LibFrame f_task_done[] = {
    { QUEUE_PY, 75, "task_done", "raise ValueError('task_done() called too many times')", NULL } };

/* `raise cls` (no arguments): Empty() or Full() */
static void raise_class(gs_VM *vm, gs_Object *cls)
{
    gs_Object *e = gs_call_object(vm, cls, NULL, 0, NULL);
    if (e)
        gs_raise_obj(vm, e);
}

/* ================================================================== Queue */

/* the queue's mutex held for the method's length (`with self.not_full:`):
 * the lock (new reference), or NULL with an exception */
static gs_Object *enter(gs_VM *vm, gs_Object *self)
{
    gs_Object *lock = attr(vm, self, "mutex");
    if (!lock)
        return NULL;
    gs_Object *r = call_method(vm, lock, "__enter__", NULL, 0);
    if (!r) {
        gs_decref(vm, lock);
        return NULL;
    }
    gs_decref(vm, r);
    return lock;
}

/* ... and let go: r passes through (the method's result, or NULL) */
static gs_Object *leave(gs_VM *vm, gs_Object *lock, gs_Object *r)
{
    if (lock->type == state(vm)->t_lock)
        LK(lock)->locked = false; /* (an exception in flight stays as it is) */
    gs_decref(vm, lock);
    return r;
}

/* self._qsize() compared with `op` to v: 0/1, -1 error */
static int qsize_cmp(gs_VM *vm, gs_Object *self, int op, gs_Object *v)
{
    gs_Object *n = call_method(vm, self, "_qsize", NULL, 0);
    if (!n)
        return -1;
    int r = gs_compare_bool(vm, op, n, v);
    gs_decref(vm, n);
    return r;
}

static gs_Object *q_init(GS_ARGS)
{
    static const char *const names[] = { "maxsize" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "Queue.__init__", args, nargs, kwnames, names, 1, 1, 0, a) < 0)
        return NULL;
    gs_Object *maxsize = a[0] ? a[0] : vm->small_ints[5];
    if (gs_setattr(vm, self, gs_name(vm, "maxsize"), maxsize) < 0)
        return NULL;
    gs_Object *r = call_method(vm, self, "_init", &maxsize, 1);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    gs_Object *mutex = lock_new(vm);
    if (!mutex || gs_setattr(vm, self, gs_name(vm, "mutex"), mutex) < 0) {
        gs_xdecref(vm, mutex);
        return NULL;
    }
    static const char *const conds[] = { "not_empty", "not_full", "all_tasks_done" };
    for (int i = 0; i < 3; i++) {
        gs_Object *c = gs_call_object(vm, state(vm)->c_cond, &mutex, 1, NULL);
        int rr = c ? gs_setattr(vm, self, gs_name(vm, conds[i]), c) : -1;
        gs_xdecref(vm, c);
        if (rr < 0) {
            gs_decref(vm, mutex);
            return NULL;
        }
    }
    gs_decref(vm, mutex);
    if (gs_setattr(vm, self, gs_name(vm, "unfinished_tasks"), vm->small_ints[5]) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* put(item, block=True, timeout=None) */
static gs_Object *q_put(GS_ARGS)
{
    static const char *const names[] = { "item", "block", "timeout" };
    gs_Object *a[3];
    if (gs_pyargs(vm, "Queue.put", args, nargs, kwnames, names, 3, 3, 1, a) < 0)
        return NULL;
    gs_Object *item = a[0], *timeout = a[2] ? a[2] : vm->none, *zero = vm->small_ints[5];
    int block = a[1] ? gs_truthy(vm, a[1]) : 1;
    if (block < 0)
        return NULL;
    gs_Object *lock = enter(vm, self);
    if (!lock)
        return NULL;
    gs_Object *maxsize = attr(vm, self, "maxsize");
    int bounded = maxsize ? gs_compare_bool(vm, GS_CMP_GT, maxsize, zero) : -1;
    int full = 0;
    if (bounded > 0) {
        if (!block || timeout == vm->none) {
            full = qsize_cmp(vm, self, GS_CMP_GE, maxsize);
            if (full > 0 && !block) {
                raise_class(vm, state(vm)->e_full);
                GS_LIB_FRAMES(vm, f_put_full);
                full = -1;
            } else if (full > 0) {
                raise_forever(vm, "Queue.put()", "the queue is full and no other thread can take an item");
                full = -1;
            }
        } else {
            int neg = gs_compare_bool(vm, GS_CMP_LT, timeout, zero);
            if (neg > 0) {
                gs_raise(vm, vm->e_ValueError, "'timeout' must be a non-negative number");
                GS_LIB_FRAMES(vm, f_put_negative);
            }
            full = neg != 0 ? -1 : qsize_cmp(vm, self, GS_CMP_GE, maxsize);
            if (full > 0) { /* the timeout passes: nobody takes an item meanwhile */
                raise_class(vm, state(vm)->e_full);
                GS_LIB_FRAMES(vm, f_put_timeout);
                full = -1;
            }
        }
    }
    gs_xdecref(vm, maxsize);
    if (bounded < 0 || full < 0)
        return leave(vm, lock, NULL);
    gs_Object *r = call_method(vm, self, "_put", &item, 1);
    if (!r)
        return leave(vm, lock, NULL);
    gs_decref(vm, r);
    gs_Object *n = attr(vm, self, "unfinished_tasks");
    gs_Object *n1 = n ? gs_binary_op(vm, GS_OP_ADD, n, vm->small_ints[5 + 1], true) : NULL;
    int rr = n1 ? gs_setattr(vm, self, gs_name(vm, "unfinished_tasks"), n1) : -1;
    gs_xdecref(vm, n);
    gs_xdecref(vm, n1);
    return leave(vm, lock, rr < 0 ? NULL : GS_NONE(vm));
}

/* get(block=True, timeout=None) */
static gs_Object *q_get(GS_ARGS)
{
    static const char *const names[] = { "block", "timeout" };
    gs_Object *a[2];
    if (gs_pyargs(vm, "Queue.get", args, nargs, kwnames, names, 2, 2, 0, a) < 0)
        return NULL;
    gs_Object *timeout = a[1] ? a[1] : vm->none;
    int block = a[0] ? gs_truthy(vm, a[0]) : 1;
    if (block < 0)
        return NULL;
    gs_Object *lock = enter(vm, self);
    if (!lock)
        return NULL;
    int empty;
    if (!block || timeout == vm->none) {
        empty = qsize_cmp(vm, self, GS_CMP_EQ, vm->small_ints[5]);
        if (empty > 0 && !block) {
            raise_class(vm, state(vm)->e_empty);
            GS_LIB_FRAMES(vm, f_get_empty);
            empty = -1;
        } else if (empty > 0) {
            raise_forever(vm, "Queue.get()", "the queue is empty and no other thread can put an item");
            empty = -1;
        }
    } else {
        int neg = gs_compare_bool(vm, GS_CMP_LT, timeout, vm->small_ints[5]);
        if (neg > 0) {
            gs_raise(vm, vm->e_ValueError, "'timeout' must be a non-negative number");
            GS_LIB_FRAMES(vm, f_get_negative);
        }
        empty = neg != 0 ? -1 : qsize_cmp(vm, self, GS_CMP_EQ, vm->small_ints[5]);
        if (empty > 0) { /* the timeout passes: nobody puts an item meanwhile */
            raise_class(vm, state(vm)->e_empty);
            GS_LIB_FRAMES(vm, f_get_timeout);
            empty = -1;
        }
    }
    if (empty < 0)
        return leave(vm, lock, NULL);
    return leave(vm, lock, call_method(vm, self, "_get", NULL, 0));
}

static gs_Object *q_put_nowait(GS_ARGS)
{
    static const char *const names[] = { "item" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "Queue.put_nowait", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    gs_Object *argv[2] = { a[0], vm->false_ };
    gs_Object *kw = state(vm)->kw_block;
    gs_Object *put = gs_type_lookup(self->type, gs_name(vm, "put"));
    gs_Object *r = NULL;
    if (put && GS_KIND(put) == GS_K_BUILTIN && ((gs_Builtin *)put)->fn == q_put && !inst_has(self, gs_name(vm, "put")))
        r = q_put(vm, self, argv, 2, (gs_Tuple *)kw);
    else {
        gs_Object *m = attr(vm, self, "put");
        r = m ? gs_call_object(vm, m, argv, 2, (gs_Tuple *)kw) : NULL;
        gs_xdecref(vm, m);
    }
    if (!r)
        gs_exc_lib_outer(vm, f_put_nowait);
    return r;
}

static gs_Object *q_get_nowait(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue.get_nowait", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    gs_Object *argv[1] = { vm->false_ };
    gs_Object *kw = state(vm)->kw_block;
    gs_Object *get = gs_type_lookup(self->type, gs_name(vm, "get"));
    gs_Object *r = NULL;
    if (get && GS_KIND(get) == GS_K_BUILTIN && ((gs_Builtin *)get)->fn == q_get && !inst_has(self, gs_name(vm, "get")))
        r = q_get(vm, self, argv, 1, (gs_Tuple *)kw);
    else {
        gs_Object *m = attr(vm, self, "get");
        r = m ? gs_call_object(vm, m, argv, 1, (gs_Tuple *)kw) : NULL;
        gs_xdecref(vm, m);
    }
    if (!r)
        gs_exc_lib_outer(vm, f_get_nowait);
    return r;
}

static gs_Object *q_task_done(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue.task_done", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    gs_Object *lock = enter(vm, self);
    if (!lock)
        return NULL;
    gs_Object *n = attr(vm, self, "unfinished_tasks");
    gs_Object *n1 = n ? gs_binary_op(vm, GS_OP_SUB, n, vm->small_ints[5 + 1], false) : NULL;
    gs_xdecref(vm, n);
    int le = n1 ? gs_compare_bool(vm, GS_CMP_LE, n1, vm->small_ints[5]) : -1;
    int lt = le > 0 ? gs_compare_bool(vm, GS_CMP_LT, n1, vm->small_ints[5]) : 0;
    if (lt > 0) {
        gs_raise(vm, vm->e_ValueError, "task_done() called too many times");
        GS_LIB_FRAMES(vm, f_task_done);
    }
    /* (all_tasks_done.notify_all(): nobody waits) */
    int r = le < 0 || lt != 0 ? -1 : gs_setattr(vm, self, gs_name(vm, "unfinished_tasks"), n1);
    gs_xdecref(vm, n1);
    return leave(vm, lock, r < 0 ? NULL : GS_NONE(vm));
}

static gs_Object *q_join(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue.join", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    gs_Object *lock = enter(vm, self);
    if (!lock)
        return NULL;
    gs_Object *n = attr(vm, self, "unfinished_tasks");
    int t = n ? gs_truthy(vm, n) : -1;
    gs_xdecref(vm, n);
    if (t > 0)
        raise_forever(vm, "Queue.join()", "tasks are unfinished and no other thread can finish them");
    return leave(vm, lock, t != 0 ? NULL : GS_NONE(vm));
}

static gs_Object *q_qsize(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue.qsize", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    gs_Object *lock = enter(vm, self);
    return lock ? leave(vm, lock, call_method(vm, self, "_qsize", NULL, 0)) : NULL;
}

static gs_Object *q_empty(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue.empty", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    gs_Object *lock = enter(vm, self);
    if (!lock)
        return NULL;
    gs_Object *n = call_method(vm, self, "_qsize", NULL, 0);
    int t = n ? gs_truthy(vm, n) : -1;
    gs_xdecref(vm, n);
    return leave(vm, lock, t < 0 ? NULL : GS_BOOL(vm, !t));
}

/* full(): 0 < self.maxsize <= self._qsize() */
static gs_Object *q_full(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue.full", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    gs_Object *lock = enter(vm, self);
    if (!lock)
        return NULL;
    gs_Object *maxsize = attr(vm, self, "maxsize");
    gs_Object *r = maxsize ? gs_compare(vm, GS_CMP_LT, vm->small_ints[5], maxsize) : NULL;
    int t = r ? gs_truthy(vm, r) : -1;
    if (t > 0) {
        gs_decref(vm, r);
        gs_Object *n = call_method(vm, self, "_qsize", NULL, 0);
        r = n ? gs_compare(vm, GS_CMP_LE, maxsize, n) : NULL;
        gs_xdecref(vm, n);
    }
    gs_xdecref(vm, maxsize);
    if (t < 0) {
        gs_xdecref(vm, r);
        r = NULL;
    }
    return leave(vm, lock, r);
}

/* the hooks of Queue (a deque), LifoQueue (a list, from the end) and
 * PriorityQueue (a list as a heap) */
static gs_Object *set_queue(gs_VM *vm, gs_Object *self, gs_Object *q)
{
    int r = q ? gs_setattr(vm, self, gs_name(vm, "queue"), q) : -1;
    gs_xdecref(vm, q);
    return r < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *q__init(GS_ARGS)
{
    static const char *const names[] = { "maxsize" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "Queue._init", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    return set_queue(vm, self, gs_call_object(vm, state(vm)->deque, NULL, 0, NULL));
}

static gs_Object *list__init(GS_ARGS)
{
    static const char *const names[] = { "maxsize" };
    gs_Object *a[1];
    if (gs_pyargs(vm, self->type == (gs_Type *)state(vm)->c_prio ? "PriorityQueue._init" : "LifoQueue._init", args,
                  nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    return set_queue(vm, self, gs_list_new(vm, 0));
}

static gs_Object *q__qsize(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue._qsize", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    gs_Object *q = attr(vm, self, "queue");
    int64_t n = q ? gs_len(vm, q) : -1;
    gs_xdecref(vm, q);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

/* self.queue.<name>(*args) */
static gs_Object *queue_call(gs_VM *vm, gs_Object *self, const char *name, gs_Object **args, int nargs)
{
    gs_Object *q = attr(vm, self, "queue");
    gs_Object *r = q ? call_method(vm, q, name, args, nargs) : NULL;
    gs_xdecref(vm, q);
    return r;
}

/* heappush(self.queue, item) / heappop(self.queue) */
static gs_Object *heap_call(gs_VM *vm, gs_Object *self, gs_Object *fn, gs_Object *item)
{
    gs_Object *q = attr(vm, self, "queue");
    if (!q)
        return NULL;
    gs_Object *argv[2] = { q, item };
    gs_Object *r = gs_call_object(vm, fn, argv, item ? 2 : 1, NULL);
    gs_decref(vm, q);
    return r;
}

static gs_Object *q__put(GS_ARGS)
{
    static const char *const names[] = { "item" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "Queue._put", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    return queue_call(vm, self, "append", a, 1);
}

static gs_Object *q__get(GS_ARGS)
{
    if (gs_pyargs(vm, "Queue._get", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    return queue_call(vm, self, "popleft", NULL, 0);
}

static gs_Object *lifo__put(GS_ARGS)
{
    static const char *const names[] = { "item" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "LifoQueue._put", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    return queue_call(vm, self, "append", a, 1);
}

static gs_Object *lifo__get(GS_ARGS)
{
    if (gs_pyargs(vm, "LifoQueue._get", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    return queue_call(vm, self, "pop", NULL, 0);
}

static gs_Object *prio__put(GS_ARGS)
{
    static const char *const names[] = { "item" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "PriorityQueue._put", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    return heap_call(vm, self, state(vm)->heappush, a[0]);
}

static gs_Object *prio__get(GS_ARGS)
{
    if (gs_pyargs(vm, "PriorityQueue._get", args, nargs, kwnames, NULL, 0, 0, 0, NULL) < 0)
        return NULL;
    return heap_call(vm, self, state(vm)->heappop, NULL);
}

static gs_Object *class_getitem(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return gs_generic_alias_new(vm, self, args[0]);
}

static const gs_MethodDef queue_methods[] = {
    { "__init__", q_init, 0, -1, GS_KW },
    { "task_done", q_task_done, 0, -1, GS_KW },
    { "join", q_join, 0, -1, GS_KW },
    { "qsize", q_qsize, 0, -1, GS_KW },
    { "empty", q_empty, 0, -1, GS_KW },
    { "full", q_full, 0, -1, GS_KW },
    { "put", q_put, 0, -1, GS_KW },
    { "get", q_get, 0, -1, GS_KW },
    { "put_nowait", q_put_nowait, 0, -1, GS_KW },
    { "get_nowait", q_get_nowait, 0, -1, GS_KW },
    { "_init", q__init, 0, -1, GS_KW },
    { "_qsize", q__qsize, 0, -1, GS_KW },
    { "_put", q__put, 0, -1, GS_KW },
    { "_get", q__get, 0, -1, GS_KW },
    { "__class_getitem__", class_getitem, 1, 1, GS_CLASSMETH },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef prio_methods[] = {
    { "_init", list__init, 0, -1, GS_KW },
    { "_qsize", q__qsize, 0, -1, GS_KW },
    { "_put", prio__put, 0, -1, GS_KW },
    { "_get", prio__get, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

static const gs_MethodDef lifo_methods[] = {
    { "_init", list__init, 0, -1, GS_KW },
    { "_qsize", q__qsize, 0, -1, GS_KW },
    { "_put", lifo__put, 0, -1, GS_KW },
    { "_get", lifo__get, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== _queue.SimpleQueue */

typedef struct SimpleQ {
    gs_Instance inst;
    gs_Object *lst;  /* the items from lst_pos on (a list, owned) */
    int64_t pos;
    bool holds_type;
} SimpleQ;

#define SQ(o) ((SimpleQ *)(o))

enum { F_LST = GS_NATIVE_FIELD };

/* CPython's order: the list, then the type */
static int sq_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    int r = SQ(o)->lst ? fn(vm, o, SQ(o)->lst, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, F_LST), arg) : 0;
    if (!r && SQ(o)->holds_type)
        r = fn(vm, o, &o->type->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg);
    return r;
}

static void sq_clear(gs_VM *vm, gs_Object *o)
{
    gs_native_set(vm, o, &SQ(o)->lst, F_LST, NULL);
    gs_release_own_type(vm, o, &SQ(o)->holds_type);
}

static const gs_NativeOps simple_ops = { .size = sizeof(SimpleQ), .gc = true, .tp_clear = true,
                                         .traverse = sq_traverse, .clear = sq_clear };

static gs_Object *sq_new(GS_ARGS)
{
    if (kwnames && kwnames->len) {
        gs_raise(vm, vm->e_TypeError, "SimpleQueue() takes no keyword arguments");
        return NULL;
    }
    if (nargs) {
        gs_raise(vm, vm->e_TypeError, "SimpleQueue() takes no positional arguments");
        return NULL;
    }
    gs_Object *o = gs_native_new(vm, (gs_Type *)self);
    if (!o)
        return NULL;
    gs_hold_own_type(vm, o, &SQ(o)->holds_type);
    gs_Object *l = gs_list_new(vm, 0);
    if (!l) {
        gs_decref(vm, o);
        return NULL;
    }
    gs_native_set(vm, o, &SQ(o)->lst, F_LST, l);
    gs_decref(vm, l);
    return o;
}

static int64_t sq_size(gs_Object *o) { return ((gs_List *)SQ(o)->lst)->len - SQ(o)->pos; }

static gs_Object *sq_put(GS_ARGS)
{
    static const char *const names[] = { "item", "block", "timeout" };
    gs_Object *a[3];
    if (gs_clinic_bind(vm, "put", names, 3, 0, 1, 3, args, nargs, kwnames, a) < 0)
        return NULL;
    return gs_list_append(vm, SQ(self)->lst, a[0]) < 0 ? NULL : GS_NONE(vm);
}

static gs_Object *sq_put_nowait(GS_ARGS)
{
    static const char *const names[] = { "item" };
    gs_Object *a[1];
    if (gs_clinic_bind(vm, "put_nowait", names, 1, 0, 1, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    return gs_list_append(vm, SQ(self)->lst, a[0]) < 0 ? NULL : GS_NONE(vm);
}

/* simplequeue_pop_item: None takes the item's slot; more than half of the
 * list spent, its front goes */
static gs_Object *sq_pop(gs_VM *vm, gs_Object *self)
{
    SimpleQ *q = SQ(self);
    gs_List *l = (gs_List *)q->lst;
    gs_Object *item = l->items[q->pos];
    gs_incref(vm, item);
    if (gs_list_setitem(vm, q->lst, q->pos, vm->none) < 0) {
        gs_decref(vm, item);
        return NULL;
    }
    q->pos++;
    if (q->pos > l->len - q->pos) {
        if (gs_list_assign_slice(vm, q->lst, 0, q->pos, NULL, 0) < 0) {
            gs_decref(vm, item);
            return NULL;
        }
        q->pos = 0;
    }
    return item;
}

static gs_Object *sq_get_impl(gs_VM *vm, gs_Object *self, gs_Object *block_o, gs_Object *timeout)
{
    int block = block_o ? gs_truthy(vm, block_o) : 1;
    if (block < 0)
        return NULL;
    if (block && timeout && timeout != vm->none) {
        double t;
        if (gs_real_arg(vm, timeout, &t) < 0)
            return NULL;
        if (t < 0) {
            gs_raise(vm, vm->e_ValueError, "'timeout' must be a non-negative number");
            return NULL;
        }
    }
    if (sq_size(self) == 0) {
        if (block && (!timeout || timeout == vm->none)) {
            raise_forever(vm, "SimpleQueue.get()", "the queue is empty and no other thread can put an item");
            return NULL;
        }
        raise_class(vm, state(vm)->e_empty);
        return NULL;
    }
    return sq_pop(vm, self);
}

static gs_Object *sq_get(GS_ARGS)
{
    static const char *const names[] = { "block", "timeout" };
    gs_Object *a[2];
    if (gs_clinic_bind(vm, "get", names, 2, 0, 0, 2, args, nargs, kwnames, a) < 0)
        return NULL;
    return sq_get_impl(vm, self, a[0], a[1]);
}

static gs_Object *sq_get_nowait(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return sq_get_impl(vm, self, vm->false_, NULL);
}

static gs_Object *sq_empty(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_BOOL(vm, sq_size(self) == 0);
}

static gs_Object *sq_qsize(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_int_new(vm, sq_size(self));
}

static const gs_MethodDef simple_methods[] = {
    { "__new__", sq_new, 0, -1, GS_KW },
    { "empty", sq_empty, 0, 0, 0 },
    { "get", sq_get, 0, -1, GS_KW },
    { "get_nowait", sq_get_nowait, 0, 0, 0 },
    { "put", sq_put, 0, -1, GS_KW },
    { "put_nowait", sq_put_nowait, 0, -1, GS_KW },
    { "qsize", sq_qsize, 0, 0, 0 },
    { "__class_getitem__", class_getitem, 1, 1, GS_CLASSMETH },
    { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== the module */

/* a class as a class statement of `module` makes it (new reference) */
static gs_Object *make_class(gs_VM *vm, const char *module, const char *name, gs_Type *base, const char *doc,
                             const gs_MethodDef *methods)
{
    gs_Object *ns = gs_dict_new(vm);
    if (!ns)
        return NULL;
    gs_Object *mod = gs_str_from_cstr(vm, module), *d = doc ? gs_str_from_cstr(vm, doc) : NULL;
    if (mod)
        gs_dict_set(vm, ns, &vm->s___module__->ob, mod);
    if (d)
        gs_dict_set(vm, ns, &gs_name(vm, "__doc__")->ob, d);
    gs_xdecref(vm, mod);
    gs_xdecref(vm, d);
    gs_Object *c = gs_type_new_from(vm, vm->t_type, gs_name(vm, name), &base, 1, ns, NULL, NULL);
    gs_decref(vm, ns);
    if (!c)
        return NULL;
    if (methods)
        gs_type_add_methods(vm, (gs_Type *)c, methods);
    gs_type_update_hooks(vm, (gs_Type *)c);
    return c;
}

static QueueState *make_state(gs_VM *vm)
{
    QueueState *s = calloc(1, sizeof *s);
    if (!s) {
        gs_raise_memory(vm);
        return NULL;
    }
    vm->modstate[GS_MS_QUEUE] = s;
    s->t_lock = gs_native_type_new(vm, "_thread.lock", &lock_ops, lock_methods);
    s->t_lock->flags &= (uint16_t)~GS_TF_DICT;
    s->t_simple = gs_native_type_new(vm, "_queue.SimpleQueue", &simple_ops, simple_methods);
    s->t_simple->flags &= (uint16_t)~GS_TF_DICT;
    gs_modtype_add_attr(vm, s->t_simple, "__basicsize__", gs_int_new(vm, 56)); /* + 16 of GC header */
    s->e_empty = make_class(vm, "_queue", "Empty", vm->e_Exception,
                            "Exception raised by Queue.get(block=0)/get_nowait().", NULL);
    s->e_full = s->e_empty ? make_class(vm, "queue", "Full", vm->e_Exception,
                                        "Exception raised by Queue.put(block=0)/put_nowait().", NULL)
                           : NULL;
    s->c_cond = s->e_full ? make_class(vm, "threading", "Condition", vm->t_object,
                                       "Class that implements a condition variable.", cond_methods)
                          : NULL;
    s->c_queue = s->c_cond ? make_class(vm, "queue", "Queue", vm->t_object,
                                        "Create a queue object with a given maximum size.\n\n"
                                        "    If maxsize is <= 0, the queue size is infinite.\n    ",
                                        queue_methods)
                           : NULL;
    s->c_prio = s->c_queue ? make_class(vm, "queue", "PriorityQueue", (gs_Type *)s->c_queue,
                                        "Variant of Queue that retrieves open entries in priority order "
                                        "(lowest first).\n\n    Entries are typically tuples of the form:  "
                                        "(priority number, data).\n    ",
                                        prio_methods)
                           : NULL;
    s->c_lifo = s->c_prio ? make_class(vm, "queue", "LifoQueue", (gs_Type *)s->c_queue,
                                       "Variant of Queue that retrieves most recently added entries first.",
                                       lifo_methods)
                          : NULL;
    if (s->c_lifo)
        return s;
    gs_queue_clear(vm);
    gs_queue_free(vm);
    return NULL;
}

gs_Object *gs_module_queue(gs_VM *vm)
{
    /* Lib/queue.py: import threading, types; from collections import
     * deque; from heapq import heappush, heappop; from time import
     * monotonic as time */
    static const char *const imports[] = { "types", "collections", "heapq", "time" };
    bool brought_collections = !gs_module_imported(vm, "collections");
    gs_Object *mods[4] = { NULL, NULL, NULL, NULL };
    for (int i = 0; i < 4; i++)
        if (!(mods[i] = gs_import(vm, gs_name(vm, imports[i])))) {
            for (int j = 0; j < i; j++)
                gs_decref(vm, mods[j]);
            return NULL;
        }
    QueueState *s = state(vm);
    if (!s && !(s = make_state(vm)))
        goto fail;
    if (!s->deque && !(s->deque = attr(vm, mods[1], "deque")))
        goto fail;
    if (!s->heappush && !(s->heappush = attr(vm, mods[2], "heappush")))
        goto fail;
    if (!s->heappop && !(s->heappop = attr(vm, mods[2], "heappop")))
        goto fail;
    if (!s->kw_block && !(s->kw_block = gs_tuple_pack(vm, 1, gs_name(vm, "block"))))
        goto fail;
    gs_Object *m = gs_module_new(vm, "queue");
    if (!m)
        goto fail;
    gs_module_add(vm, m, "types", gs_newref(vm, mods[0]));
    gs_module_add(vm, m, "deque", gs_newref(vm, s->deque));
    gs_module_add(vm, m, "heappush", gs_newref(vm, s->heappush));
    gs_module_add(vm, m, "heappop", gs_newref(vm, s->heappop));
    gs_module_add(vm, m, "time", attr(vm, mods[3], "monotonic"));
    gs_module_add(vm, m, "SimpleQueue", gs_newref(vm, &s->t_simple->ob));
    static const char *const all[] = { "Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue", NULL };
    gs_module_add(vm, m, "__all__", gs_str_list(vm, all));
    gs_module_add(vm, m, "Empty", gs_newref(vm, s->e_empty));
    gs_module_add(vm, m, "Full", gs_newref(vm, s->e_full));
    gs_module_add(vm, m, "Queue", gs_newref(vm, s->c_queue));
    gs_module_add(vm, m, "PriorityQueue", gs_newref(vm, s->c_prio));
    gs_module_add(vm, m, "LifoQueue", gs_newref(vm, s->c_lifo));
    for (int i = 0; i < 4; i++)
        gs_decref(vm, mods[i]);
    /* CPython runs Lib/queue.py and what it imports beyond the four above
     * (threading, with its own imports, and _queue): allocations, objects
     * kept, objects left in cycles, measured with python3.11 in a program
     * that had imported those four; less what the model makes */
    enum { CPY_ALLOCS = 989, CPY_KEPT = 543, CPY_GARBAGE = 31, MODEL_ALLOCS = 84, MODEL_KEPT = 66 };
    /* (tuned, with the collector enabled in a program that imported
     * nothing before, to what gc.get_count() and gc.collect() show after
     * the import: 50 more allocations count, and 10 more objects are left
     * in cycles than the automatic collections of the model find) */
    enum { TUNE_ALLOCS = 50, TUNE_GARBAGE = 10 };
    bool tune = vm->gc_enabled && brought_collections;
    gs_gc_import_footprint(vm, CPY_ALLOCS - MODEL_ALLOCS + (tune ? TUNE_ALLOCS : 0), CPY_KEPT - MODEL_KEPT,
                           CPY_GARBAGE + (tune ? TUNE_GARBAGE : 0));
    return m;
fail:
    for (int i = 0; i < 4; i++)
        gs_xdecref(vm, mods[i]);
    return NULL;
}

void gs_queue_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    QueueState *s = state(vm);
    if (!s)
        return;
    gs_Object *held[] = { s->e_empty, s->e_full, s->c_cond, s->c_queue, s->c_prio, s->c_lifo,
                          s->deque, s->heappush, s->heappop, s->kw_block };
    for (int i = 0; i < GS_COUNTOF(held); i++)
        if (held[i])
            count(ctx, held[i]);
}

void gs_queue_clear(gs_VM *vm)
{
    QueueState *s = state(vm);
    if (!s)
        return;
    gs_Object **held[] = { &s->c_lifo, &s->c_prio, &s->c_queue, &s->c_cond, &s->e_full, &s->e_empty,
                           &s->heappop, &s->heappush, &s->deque, &s->kw_block };
    for (int i = 0; i < GS_COUNTOF(held); i++) {
        gs_Object *v = *held[i];
        *held[i] = NULL;
        gs_xdecref(vm, v);
    }
}

void gs_queue_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_QUEUE]); /* the native types are the VM's */
    vm->modstate[GS_MS_QUEUE] = NULL;
}
