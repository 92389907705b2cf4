/*
 * genobj.c — generator objects: a suspended frame and its saved slots.
 *
 * While suspended, a generator keeps its frame's slots (locals and value
 * stack) in its own buffer, so they count as references held by the
 * generator object: exactly what students should see when a generator's
 * frame keeps a list alive.  Resuming copies the slots to the top of the
 * VM's value stack and runs the frame there; yielding copies them back.
 */
#include "internal.h"

typedef struct gs_GenObj {
    gs_Object ob;
    gs_Frame *frame;        /* owned; NULL after the generator is freed */
    gs_Object **slots;      /* saved localsplus + value stack */
    int32_t nslots;
    int32_t depth;          /* saved stack depth above the locals */
    bool started, running, finished;
} gs_GenObj;

gs_Object *gs_vm_resume_frame(gs_VM *vm, gs_Frame *f);

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
    /* unlink the original frame (its struct goes back to the free list) */
    vm->frame = f->back;
    vm->depth--;
    vm->cur_frame_id = vm->frame ? vm->frame->id : 0;
    f->gen = NULL;
    f->back = vm->frames_free;
    vm->frames_free = f;
    gs_gc_track(vm, &g->ob);
    return &g->ob;
}

void gs_gen_finished(gs_VM *vm, gs_Frame *f)
{
    gs_GenObj *g = (gs_GenObj *)f->gen;
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
    g->finished = true;
    g->depth = 0;
    memset(g->slots, 0, (size_t)g->nslots * sizeof(gs_Object *));
    if (f->func) {
        gs_Object *fn = &f->func->ob;
        f->func = NULL;
        gs_decref(vm, fn);
    }
}

/* 1: yielded (*result = value), 0: returned (*result = return value), -1: error */
int gs_gen_send(gs_VM *vm, gs_Object *go, gs_Object *value, gs_Object **result)
{
    gs_GenObj *g = (gs_GenObj *)go;
    *result = NULL;
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
    if (g->started) {
        gs_Object *v = value ? value : vm->none;
        gs_incref(vm, v);
        *f->sp++ = v;
    }
    g->started = true;
    g->running = true;
    gs_incref(vm, go); /* alive while running */
    gs_Object *r = gs_vm_resume_frame(vm, f);
    g->running = false;
    int status;
    if (g->finished) {
        f->localsplus = g->slots;
        f->sp = g->slots + f->nlocalsplus;
        if (!r) {
            if (gs_exc_matches(vm, vm->e_StopIteration)) {
                gs_clear_exc(vm);
                gs_raise(vm, vm->e_RuntimeError, "generator raised StopIteration");
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
    gs_decref(vm, go);
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
    if (!g->frame || g->finished || g->running)
        return 0;
    gs_Frame *f = g->frame;
    for (int32_t i = 0; i < f->nlocalsplus + g->depth; i++)
        if (g->slots[i]) {
            int r = fn(vm, o, g->slots[i], GS_CAUSE(GS_CAUSE_NAME, f->id, 0), arg);
            if (r)
                return r;
        }
    if (f->func) {
        int r = fn(vm, o, &f->func->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg);
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
            if (v)
                gs_decref(vm, v);
        }
        if (f->func) {
            gs_Object *fn = &f->func->ob;
            f->func = NULL;
            gs_decref(vm, fn);
        }
    }
}

void gs_gen_free(gs_Object *o)
{
    gs_GenObj *g = (gs_GenObj *)o;
    free(g->slots);
    free(g->frame);
    g->slots = NULL;
    g->frame = NULL;
}

size_t gs_gen_size(void) { return sizeof(gs_GenObj); }
