/*
 * generator.c — generator objects: a suspended frame and its saved slots.
 *
 * While suspended, a generator keeps its frame's slots (locals and value
 * stack) in its own buffer, so they count as references held by the
 * generator object: exactly what students should see when a generator's
 * frame keeps a list alive.  Resuming copies the slots to the top of the
 * VM's value stack and runs the frame there; yielding copies them back.
 */
#include "runtime.h"

typedef struct gs_GenObj {
    gs_Object ob;
    gs_Frame *frame;        /* owned; NULL after the generator is freed */
    gs_Object **slots;      /* saved localsplus + value stack */
    int32_t nslots;
    int32_t depth;          /* saved stack depth above the locals */
    bool started, running, finished;
    gs_Object *weakreflist; /* first weak reference to it, or NULL (weakrefobject.c) */
} gs_GenObj;

gs_Object **gs_gen_weakreflist(gs_Object *gen) { return &((gs_GenObj *)gen)->weakreflist; }


gs_Object *gs_gen_new(gs_VM *vm, gs_Frame *f)
{
    gs_GenObj *g = (gs_GenObj *)gs_alloc(vm, vm->t_generator, sizeof(gs_GenObj));
    if (!g) {
        return NULL;
    }
    g->nslots = f->nlocalsplus + f->code->stacksize + 4;
    g->slots = calloc((size_t)g->nslots, sizeof(gs_Object *));
    gs_Frame *own = malloc(sizeof *own);
    if (!g->slots || !own) {
        free(own);
        g->frame = NULL;
        gs_decref(vm, g);
        gs_raise_memory(vm);
        return NULL;
    }
    *own = *f;
    memcpy(g->slots, f->localsplus, (size_t)f->nlocalsplus * sizeof(gs_Object *));
    g->depth = (int32_t)(f->sp - f->localsplus) - f->nlocalsplus;
    own->localsplus = g->slots;
    own->sp = g->slots + f->nlocalsplus + g->depth;
    own->gen = &g->ob;
    own->is_entry = 1;
    g->frame = own;
    g->started = g->running = g->finished = false;
    gs_size_settled(vm, &g->ob, 168); /* its code gives its size */
    /* unlink the original frame (its struct goes back to the free list) */
    if (vm->recording) /* suspended: the generator keeps the frame and its names */
        gs_record(vm, GS_EV_FRAME_POP, 1, f->id, gs_trace_name(vm, f->code->qualname), f->back ? f->back->id : 0,
                  g->ob.id);
    vm->frame = f->back;
    vm->depth--;
    gs_vm_follow_frame(vm);
    f->gen = NULL;
    f->back = vm->frames_free;
    vm->frames_free = f;
    gs_gc_track(vm, &g->ob);
    return &g->ob;
}

void gs_gen_finished(gs_VM *vm, gs_Frame *f)
{
    gs_GenObj *g = (gs_GenObj *)f->gen;
    if (f->frame_obj && gs_frame_detach(vm, f, false)) {
        /* a traceback still holds the frame: its object took the slots */
        g->finished = true;
        g->depth = 0;
        memset(g->slots, 0, (size_t)g->nslots * sizeof(gs_Object *));
        return;
    }
    /* clear the locals where they are now (on the VM stack) */
    for (int32_t i = 0; i < f->nlocalsplus; i++) {
        gs_Object *v = f->localsplus[i];
        if (!v)
            continue;
        f->localsplus[i] = NULL;
        if (vm->recording)
            gs_record(vm, GS_EV_UNBIND, 0, f->id, v->id, 0, gs_trace_name(vm, f->code->localnames[i]));
        gs_decref(vm, v);
    }
    for (gs_Object **p = f->localsplus + f->nlocalsplus; p < f->sp; p++)
        if (*p)
            gs_decref(vm, *p);
    f->sp = f->localsplus + f->nlocalsplus;
    gs_frame_locals_release(vm, f);
    g->finished = true;
    g->depth = 0;
    memset(g->slots, 0, (size_t)g->nslots * sizeof(gs_Object *));
    if (f->func) {
        gs_Object *fn = &f->func->ob;
        f->func = NULL;
        gs_decref(vm, fn);
    }
}

static int gen_resume(gs_VM *vm, gs_Object *go, gs_Object *value, gs_Object *exc, gs_Object **result);

/* 1: yielded (*result = value), 0: returned (*result = return value), -1: error */
int gs_gen_send(gs_VM *vm, gs_Object *go, gs_Object *value, gs_Object **result)
{
    return gen_resume(vm, go, value, NULL, result);
}

/* gen.throw(exc): raise exc (stolen) at the suspended yield. */
int gs_gen_throw(gs_VM *vm, gs_Object *go, gs_Object *exc, gs_Object **result)
{
    return gen_resume(vm, go, NULL, exc, result);
}


static int gen_resume(gs_VM *vm, gs_Object *go, gs_Object *value, gs_Object *exc, gs_Object **result)
{
    gs_GenObj *g = (gs_GenObj *)go;
    *result = NULL;
    if (exc && !g->running && (g->finished || !g->frame || !g->started)) {
        /* nothing suspended to throw into: the exception comes straight back
         * and a generator that never started is over */
        gs_gen_clear(vm, go);
        gs_raise_obj(vm, exc);
        return -1;
    }
    if (g->running) {
        gs_raise(vm, vm->e_ValueError, "generator already executing");
        return -1;
    }
    if (g->finished || !g->frame) {
        *result = GS_NONE(vm);
        return 0;
    }
    if (!g->started && value && value != vm->none) {
        gs_raise(vm, vm->e_TypeError, "can't send non-None value to a just-started generator");
        return -1;
    }
    gs_Frame *f = g->frame;
    gs_Object **base = vm->frame ? vm->frame->sp : vm->stack;
    if (base + g->nslots + 8 > vm->stack_end) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    memcpy(base, g->slots, (size_t)(f->nlocalsplus + g->depth) * sizeof(gs_Object *));
    f->localsplus = base;
    f->sp = base + f->nlocalsplus + g->depth;
    if (g->started && !exc) {
        gs_Object *v = value ? value : vm->none;
        gs_incref(vm, v);
        *f->sp++ = v;
    }
    g->started = true;
    g->running = true;
    /* no reference of our own while it runs: CPython's caller holds it */
    gs_Object *r;
    if (exc) {
        gs_Object *old = vm->exc;
        vm->exc = exc;
        gs_xdecref(vm, old);
        r = gs_vm_resume_frame_throw(vm, f);
    } else
        r = gs_vm_resume_frame(vm, f);
    g->running = false;
    int status;
    if (g->finished) {
        f->localsplus = g->slots;
        f->sp = g->slots + f->nlocalsplus;
        if (!r) {
            if (gs_exc_matches(vm, vm->e_StopIteration)) {
                /* PEP 479: StopIteration inside becomes RuntimeError, caused by it */
                gs_Object *stop = vm->exc;
                vm->exc = NULL;
                gs_raise(vm, vm->e_RuntimeError, "generator raised StopIteration");
                if (vm->exc) {
                    gs_Exception *e = (gs_Exception *)vm->exc;
                    gs_Object *oldc = e->cause;
                    e->cause = stop;
                    gs_record_field(vm, vm->exc, 13, oldc, stop);
                    gs_xdecref(vm, oldc);
                    if (!e->context) {
                        e->context = gs_newref(vm, stop);
                        gs_record_field(vm, vm->exc, 12, NULL, stop);
                    }
                    e->suppress_context = true;
                } else
                    gs_decref(vm, stop);
            }
            status = -1;
        } else {
            *result = r;
            status = 0;
        }
    } else {
        /* suspended at a yield: save the slots */
        g->depth = (int32_t)(f->sp - f->localsplus) - f->nlocalsplus;
        memcpy(g->slots, f->localsplus, (size_t)(f->nlocalsplus + g->depth) * sizeof(gs_Object *));
        f->localsplus = g->slots;
        f->sp = g->slots + f->nlocalsplus + g->depth;
        *result = r;
        status = 1;
    }
    return status;
}

gs_Object *gs_gen_next(gs_VM *vm, gs_Object *g)
{
    gs_Object *r;
    int s = gs_gen_send(vm, g, NULL, &r);
    if (s == 1)
        return r;
    if (s == 0)
        gs_decref(vm, r);
    return NULL;
}

int gs_gen_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_GenObj *g = (gs_GenObj *)o;
    if (!g->frame || g->running)
        return 0;
    gs_Frame *f = g->frame;
    if (g->finished) {
        if (f->frame_obj)
            return fn(vm, o, f->frame_obj, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1), arg);
        return 0;
    }
    for (int32_t i = 0; i < f->nlocalsplus + g->depth; i++)
        if (g->slots[i]) {
            int r = fn(vm, o, g->slots[i], GS_CAUSE(GS_CAUSE_NAME, f->id, 0), arg);
            if (r)
                return r;
        }
    if (f->locals_dict) {
        int r = fn(vm, o, f->locals_dict, GS_CAUSE(GS_CAUSE_NAME, f->id, 0), arg);
        if (r)
            return r;
    }
    if (f->func) {
        int r = fn(vm, o, &f->func->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg);
        if (r)
            return r;
    }
    if (f->frame_obj) {
        int r = fn(vm, o, f->frame_obj, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1), arg);
        if (r)
            return r;
    }
    return 0;
}

/* Free a generator: a suspended one drops its frame's references. */
void gs_gen_clear(gs_VM *vm, gs_Object *o)
{
    gs_GenObj *g = (gs_GenObj *)o;
    if (g->frame && !g->finished && !g->running) {
        gs_Frame *f = g->frame;
        int32_t n = f->nlocalsplus + g->depth;
        g->finished = true;
        for (int32_t i = 0; i < n; i++) {
            gs_Object *v = g->slots[i];
            g->slots[i] = NULL;
            if (v && i < f->nlocalsplus && vm->recording)
                gs_record(vm, GS_EV_UNBIND, 0, f->id, v->id, 0, gs_trace_name(vm, f->code->localnames[i]));
            if (v)
                gs_decref(vm, v);
        }
        gs_frame_locals_release(vm, f);
        if (vm->recording) /* the suspended frame is gone with its generator */
            gs_record(vm, GS_EV_FRAME_POP, 2, f->id, gs_trace_name(vm, f->code->qualname), 0, o->id);
        if (f->func) {
            gs_Object *fn = &f->func->ob;
            f->func = NULL;
            gs_decref(vm, fn);
        }
    }
    if (g->frame && !g->running && g->frame->frame_obj) {
        /* drop the frame's hold on its object (a traceback may keep it) */
        gs_Object *fo = g->frame->frame_obj;
        g->frame->frame_obj = NULL;
        ((gs_FrameObj *)fo)->live = NULL;
        gs_decref(vm, fo);
    }
}

void gs_gen_free(gs_Object *o)
{
    gs_GenObj *g = (gs_GenObj *)o;
    if (g->frame && g->frame->frame_obj) {
        /* the frame object outlives us: it must not point at our frame */
        gs_FrameObj *fo = (gs_FrameObj *)g->frame->frame_obj;
        fo->live = NULL;
    }
    free(g->slots);
    free(g->frame);
    g->slots = NULL;
    g->frame = NULL;
}

size_t gs_gen_size(void) { return sizeof(gs_GenObj); }

/* gen.close(): GeneratorExit at the yield; a generator that yields again
 * instead of finishing is an error, as in CPython. */
int gs_gen_close(gs_VM *vm, gs_Object *go)
{
    gs_GenObj *g = (gs_GenObj *)go;
    if (!g->frame || g->finished || !g->started) {
        gs_gen_clear(vm, go); /* a generator closed before it started is over */
        return 0;
    }
    /* gen_close: PyErr_SetNone(GeneratorExit), no object unless the frame catches it */
    gs_Object *ge = gs_exception_new_unnormalized(vm, vm->e_GeneratorExit);
    if (!ge)
        return -1;
    gs_Object *r;
    int st = gen_resume(vm, go, NULL, ge, &r);
    if (st == 1) {
        gs_decref(vm, r);
        gs_raise(vm, vm->e_RuntimeError, "generator ignored GeneratorExit");
        return -1;
    }
    if (st == 0) {
        gs_decref(vm, r);
        return 0;
    }
    if (gs_exc_matches(vm, vm->e_GeneratorExit) || gs_exc_matches(vm, vm->e_StopIteration)) {
        gs_clear_exc(vm);
        return 0;
    }
    return -1;
}

/* The finalizer CPython runs when a suspended generator dies or is found
 * in garbage: close it so its finally blocks run (PEP 442: once). */
bool gs_gen_needs_finalizer(gs_Object *o)
{
    gs_GenObj *g = (gs_GenObj *)o;
    return g->frame && g->started && !g->finished && !g->running;
}

void gs_gen_finalize(gs_VM *vm, gs_Object *o)
{
    if (!gs_gen_needs_finalizer(o))
        return;
    gs_Object *saved = vm->exc;
    vm->exc = NULL;
    if (gs_gen_close(vm, o) < 0)
        gs_write_unraisable(vm, "Exception ignored in: ", o);
    vm->exc = saved;
}

gs_Code *gs_gen_code(gs_Object *o)
{
    gs_GenObj *g = (gs_GenObj *)o;
    return g->frame ? g->frame->code : NULL;
}

bool gs_gen_running(gs_Object *o) { return ((gs_GenObj *)o)->running; }

/* gen.gi_frame: its frame's object while it can still run, else None */
gs_Object *gs_gen_frame(gs_VM *vm, gs_Object *o)
{
    gs_GenObj *g = (gs_GenObj *)o;
    if (g->finished || !g->frame)
        return GS_NONE(vm);
    gs_Object *fo = gs_frame_object(vm, g->frame);
    return fo ? gs_newref(vm, fo) : NULL;
}

/* ================================================================== the methods of generators and iterators */


static gs_Object *m_gen_send(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *r;
    int s = gs_gen_send(vm, self, args[0], &r);
    if (s == 1)
        return r;
    if (s == 0) {
        gs_Object *a = r == vm->none ? NULL : gs_tuple_pack(vm, 1, r);
        gs_decref(vm, r);
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, a));
    }
    return NULL;
}

/* next(g) and g.__next__() of a generator: its return value, if not None,
 * is the StopIteration's value (CPython's gen_iternext); with a default
 * (next(g, d)) the value is dropped and d returned. */
gs_Object *gs_gen_next_or_stop(gs_VM *vm, gs_Object *g, gs_Object *dflt)
{
    gs_Object *r;
    int s = gs_gen_send(vm, g, NULL, &r);
    if (s == 1)
        return r;
    if (s < 0)
        return NULL;
    if (dflt) {
        gs_decref(vm, r);
        return gs_newref(vm, dflt);
    }
    gs_Object *a = r == vm->none ? NULL : gs_tuple_pack(vm, 1, r);
    gs_decref(vm, r);
    gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, a));
    return NULL;
}

gs_Object *gs_iter_next_method(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (GS_KIND(self) == GS_K_GENERATOR)
        return gs_gen_next_or_stop(vm, self, NULL);
    gs_Object *v = gs_next(vm, self);
    if (!v && !vm->exc)
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, NULL));
    return v;
}

gs_Object *gs_iter_self_method(GS_ARGS) { GS_UNUSED_ARGS; return gs_newref(vm, self); }

static gs_Object *m_gen_close(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_gen_close(vm, self) < 0 ? NULL : GS_NONE(vm);
}

/* gen.throw(exc) / gen.throw(type[, value]) */
static gs_Object *m_gen_throw(GS_ARGS)
{
    GS_UNUSED(kwnames);
    gs_Object *exc;
    gs_Object *t = args[0];
    if (GS_KIND(t) == GS_K_TYPE && (((gs_Type *)t)->flags & GS_TF_EXC)) {
        exc = gs_call_object(vm, t, nargs > 1 && args[1] != vm->none ? &args[1] : NULL,
                             nargs > 1 && args[1] != vm->none ? 1 : 0, NULL);
        if (!exc)
            return NULL;
    } else if (GS_KIND(t) == GS_K_EXCEPTION)
        exc = gs_newref(vm, t);
    else {
        gs_raise(vm, vm->e_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                 gs_type_name(t));
        return NULL;
    }
    gs_Object *r;
    int st = gs_gen_throw(vm, self, exc, &r);
    if (st == 1)
        return r;
    if (st == 0) {
        gs_Object *a = r == vm->none ? NULL : gs_tuple_pack(vm, 1, r);
        gs_decref(vm, r);
        gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, a));
    }
    return NULL;
}

static const gs_MethodDef gen_methods[] = {
    { "send", m_gen_send, 1, 1, false }, { "__next__", gs_iter_next_method, 0, 0, false },
    { "__iter__", gs_iter_self_method, 0, 0, false }, { "close", m_gen_close, 0, 0, false },
    { "throw", m_gen_throw, 1, 3, false }, { NULL, NULL, 0, 0, false },
};

static const gs_MethodDef iter_methods[] = {
    { "__next__", gs_iter_next_method, 0, 0, false }, { "__iter__", gs_iter_self_method, 0, 0, false }, { NULL, NULL, 0, 0, false },
};

void gs_generator_methods_init(gs_VM *vm)
{
    gs_type_add_methods(vm, vm->t_generator, gen_methods);
    for (int i = 0; i <= GS_IT_SEQ; i++)
        gs_type_add_methods(vm, vm->t_iter[i], iter_methods);
    gs_type_add_methods(vm, vm->t_list_reverseiterator, iter_methods);
}
