/*
 * frame.c — frame objects and traceback objects.
 *
 * CPython 3.11 runs frames without objects; a frame object is made only
 * when someone asks (a traceback, frame.f_back).  An exception passing
 * through a frame adds a traceback object holding that frame's object; when
 * the frame then returns while its object is still referenced, the frame's
 * locals move into the object (take_ownership) and the caller's frame gets
 * an object too, linked as f_back.  That is how `except E as e: keep = e`
 * keeps whole call chains alive, and why `del e` matters.
 */
#include "runtime.h"

static int fill_locals(gs_VM *vm, gs_Object *d, gs_Code *co, gs_Object **slots, int32_t nslots);

gs_Object *gs_frame_object(gs_VM *vm, gs_Frame *f)
{
    if (f->frame_obj)
        return f->frame_obj;
    /* _PyFrame_MakeAndSetFrameObject fetches any pending exception first:
     * an automatic collection may run during this allocation */
    gs_Object *pending = vm->exc;
    vm->exc = NULL;
    gs_FrameObj *fo = (gs_FrameObj *)gs_alloc(vm, vm->t_frame, sizeof(gs_FrameObj));
    if (vm->exc && pending) /* out of memory while raising: the first exception wins */
        gs_clear_exc(vm);
    if (pending)
        vm->exc = pending;
    if (!fo)
        return NULL;
    fo->live = f;
    fo->code = f->code;
    gs_size_settled(vm, &fo->ob, 136); /* its code gives its size */
    gs_incref_c(vm, &f->code->ob, GS_CAUSE(GS_CAUSE_INTERNAL, fo->ob.id, 0));
    gs_record_field(vm, &fo->ob, 0, NULL, &f->code->ob);
    fo->globals = f->globals;
    fo->lasti = f->lasti;
    fo->lineno = (f->lasti >= 0 && f->lasti < f->code->nops) ? f->code->lines[f->lasti] : f->code->firstline;
    f->frame_obj = &fo->ob; /* the frame holds the object's first reference */
    return &fo->ob;
}

/* The frame is exiting: if its object outlives it, move the slots, the
 * function and (link_back) a link to the caller into the object.  A
 * finished generator's frame has no caller any more (gen_send_ex2 drops
 * frame->previous before _PyFrame_Clear), so it gets no f_back.  Returns
 * true if the slots moved (the caller must not clear them again). */
bool gs_frame_detach(gs_VM *vm, gs_Frame *f, bool link_back)
{
    gs_Object *o = f->frame_obj;
    if (!o)
        return false;
    /* f->frame_obj stays set until the frame lets go of it: dropping the
     * value stack below can run a __del__ whose f_back is this frame, and
     * it must find this object, not make a second one nobody releases */
    gs_FrameObj *fo = (gs_FrameObj *)o;
    fo->lasti = f->lasti;
    fo->lineno = (f->lasti >= 0 && f->lasti < f->code->nops) ? f->code->lines[f->lasti] : f->code->firstline;
    if (o->refcnt <= 1) {
        fo->live = NULL;
        f->frame_obj = NULL;
        gs_decref_c(vm, o, GS_CAUSE(GS_CAUSE_INTERNAL, f->id, 0));
        return false;
    }
    fo->live = NULL;
    fo->nslots = f->nlocalsplus;
    fo->slots = calloc((size_t)(fo->nslots ? fo->nslots : 1), sizeof(gs_Object *));
    if (!fo->slots) {
        f->frame_obj = NULL;
        gs_decref(vm, o);
        return false; /* out of memory: the frame clears its slots as usual */
    }
    for (int32_t i = 0; i < f->nlocalsplus; i++) {
        fo->slots[i] = f->localsplus[i];
        f->localsplus[i] = NULL;
        if (fo->slots[i] && vm->recording) { /* the name moves from the frame to its object */
            uint32_t nm = gs_trace_name(vm, f->code->localnames[i]);
            gs_record(vm, GS_EV_UNBIND, 0, f->id, fo->slots[i]->id, 0, nm);
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_NAME, o->id, 0, fo->slots[i]->id, nm);
        }
    }
    /* the value stack is empty or being unwound: drop it */
    for (gs_Object **p = f->localsplus + f->nlocalsplus; p < f->sp; p++)
        if (*p) {
            gs_decref(vm, *p);
            *p = NULL;
        }
    f->sp = f->localsplus + f->nlocalsplus;
    if (f->locals_dict) { /* take_ownership copies f_locals too */
        fo->locals_dict = f->locals_dict;
        f->locals_dict = NULL;
        if (vm->recording) {
            gs_record(vm, GS_EV_UNBIND, 0, f->id, fo->locals_dict->id, 0, gs_trace_name(vm, gs_name(vm, "locals()")));
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, o->id, 0, fo->locals_dict->id, 3);
        }
    }
    fo->func = f->func; /* the frame's reference moves */
    f->func = NULL;
    if (fo->func && vm->recording)
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, o->id, 0, fo->func->ob.id, 2);
    if (f->back && link_back) {
        gs_Object *back = gs_frame_object(vm, f->back);
        if (back) {
            fo->back = back;
            gs_incref_c(vm, back, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1));
            if (vm->recording)
                gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, o->id, 0, back->id, 1);
        }
    }
    gs_gc_track(vm, o);
    f->frame_obj = NULL;
    gs_decref_c(vm, o, GS_CAUSE(GS_CAUSE_INTERNAL, f->id, 0));
    return true;
}

int gs_frame_object_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_FrameObj *fo = (gs_FrameObj *)o;
    int r;
    if (fo->back && (r = fn(vm, o, fo->back, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1), arg)))
        return r;
    if (fo->code && (r = fn(vm, o, &fo->code->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg)))
        return r;
    if (fo->live)
        return 0; /* a running frame's slots are the frame's, not ours */
    for (int32_t i = 0; i < fo->nslots; i++)
        if (fo->slots[i] && (r = fn(vm, o, fo->slots[i], GS_CAUSE(GS_CAUSE_NAME, o->id, (uint32_t)i), arg)))
            return r;
    if (fo->locals_dict && (r = fn(vm, o, fo->locals_dict, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 3), arg)))
        return r;
    if (fo->func && (r = fn(vm, o, &fo->func->ob, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 2), arg)))
        return r;
    return 0;
}

/* Drop what a frame object holds (dealloc and the collector's clear). */
void gs_frame_object_clear(gs_VM *vm, gs_Object *o)
{
    gs_FrameObj *fo = (gs_FrameObj *)o;
    if (fo->live) {
        fo->live->frame_obj = NULL;
        fo->live = NULL;
    }
    gs_Object **slots = fo->slots;
    int32_t n = fo->nslots;
    fo->slots = NULL;
    fo->nslots = 0;
    for (int32_t i = 0; i < n; i++)
        if (slots[i] && vm->recording && fo->code && i < fo->code->nlocals + fo->code->ncells + fo->code->nfrees)
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_NAME, o->id, slots[i]->id, 0,
                      gs_trace_name(vm, fo->code->localnames[i]));
    for (int32_t i = 0; i < n; i++)
        if (slots[i])
            gs_decref_c(vm, slots[i], GS_CAUSE(GS_CAUSE_NAME, o->id, (uint32_t)i));
    free(slots);
    if (fo->locals_dict) { /* frame_tp_clear: f_locals after the locals */
        gs_Object *d = fo->locals_dict;
        fo->locals_dict = NULL;
        gs_record_field(vm, o, 3, d, NULL);
        gs_decref_c(vm, d, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 3));
    }
    gs_Object *parts[3] = { fo->func ? &fo->func->ob : NULL, fo->back, fo->code ? &fo->code->ob : NULL };
    fo->func = NULL;
    fo->back = NULL;
    fo->code = NULL;
    for (int i = 0; i < 3; i++)
        gs_record_field(vm, o, (uint32_t)(i == 0 ? 2 : i == 1 ? 1 : 0), parts[i], NULL);
    for (int i = 0; i < 3; i++)
        if (parts[i])
            gs_decref_c(vm, parts[i], GS_CAUSE(GS_CAUSE_INTERNAL, o->id, (uint32_t)i));
}

/* Add a traceback entry for frame f to exc (PyTraceBack_Here): the new
 * entry is the head; tb_next goes one frame further in. */
void gs_traceback_here(gs_VM *vm, gs_Object *exc, gs_Frame *f)
{
    if (!exc || GS_KIND(exc) != GS_K_EXCEPTION)
        return;
    gs_Object *fo = gs_frame_object(vm, f);
    if (!fo)
        return;
    /* PyTraceBack_Here fetches the exception (no error is set) while it
     * makes the traceback: an automatic collection may run here, unlike
     * during the frame object's allocation just above */
    gs_Object *pending = vm->exc;
    vm->exc = NULL;
    gs_TracebackObj *tb = (gs_TracebackObj *)gs_alloc(vm, vm->t_traceback, sizeof(gs_TracebackObj));
    if (vm->exc && pending) /* only a failed allocation sets one: the first exception wins */
        gs_clear_exc(vm);
    if (pending)
        vm->exc = pending;
    if (!tb)
        return;
    gs_Exception *e = (gs_Exception *)exc;
    tb->next = e->traceback; /* moves */
    tb->frame = fo;
    gs_incref_c(vm, fo, GS_CAUSE(GS_CAUSE_INTERNAL, tb->ob.id, 1));
    tb->lasti = f->lasti;
    tb->lineno = (f->lasti >= 0 && f->lasti < f->code->nops) ? f->code->lines[f->lasti] : f->code->firstline;
    ((gs_FrameObj *)fo)->lineno = tb->lineno;
    e->traceback = &tb->ob;
    if (vm->recording) {
        if (tb->next)
            gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, tb->ob.id, 0, tb->next->id, 0);
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, tb->ob.id, 0, fo->id, 1);
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, exc->id, tb->next ? tb->next->id : 0, tb->ob.id, 11);
    }
    gs_gc_track(vm, &tb->ob);
}

int gs_traceback_traverse(gs_VM *vm, gs_Object *o, gs_VisitFn fn, void *arg)
{
    gs_TracebackObj *tb = (gs_TracebackObj *)o;
    int r;
    if (tb->next && (r = fn(vm, o, tb->next, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0), arg)))
        return r;
    if (tb->frame && (r = fn(vm, o, tb->frame, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1), arg)))
        return r;
    return 0;
}

void gs_traceback_clear(gs_VM *vm, gs_Object *o)
{
    gs_TracebackObj *tb = (gs_TracebackObj *)o;
    gs_Object *n = tb->next, *f = tb->frame;
    tb->next = tb->frame = NULL;
    gs_record_field(vm, o, 0, n, NULL);
    gs_record_field(vm, o, 1, f, NULL);
    if (n)
        gs_decref_c(vm, n, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 0));
    if (f)
        gs_decref_c(vm, f, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, 1));
}

/* The code and line of a traceback entry (for printing). */
gs_Code *gs_traceback_code(gs_Object *tb)
{
    gs_TracebackObj *t = (gs_TracebackObj *)tb;
    return t->frame ? ((gs_FrameObj *)t->frame)->code : NULL;
}

gs_Object *gs_frameobj_getattr(gs_VM *vm, gs_Object *o, gs_Str *name)
{
    const char *n = name->data;
    if (GS_KIND(o) == GS_K_TRACEBACK) {
        gs_TracebackObj *tb = (gs_TracebackObj *)o;
        if (strcmp(n, "tb_next") == 0) return tb->next ? gs_newref(vm, tb->next) : GS_NONE(vm);
        if (strcmp(n, "tb_frame") == 0) return tb->frame ? gs_newref(vm, tb->frame) : GS_NONE(vm);
        if (strcmp(n, "tb_lineno") == 0) return gs_int_new(vm, tb->lineno);
        if (strcmp(n, "tb_lasti") == 0) return gs_int_new(vm, tb->lasti * 2);
        return NULL;
    }
    gs_FrameObj *fo = (gs_FrameObj *)o;
    if (strcmp(n, "f_code") == 0) return fo->code ? gs_newref(vm, &fo->code->ob) : GS_NONE(vm);
    if (strcmp(n, "f_lineno") == 0) {
        int32_t line = fo->lineno;
        if (fo->live && fo->live->lasti >= 0 && fo->live->lasti < fo->live->code->nops)
            line = fo->live->code->lines[fo->live->lasti];
        return gs_int_new(vm, line);
    }
    if (strcmp(n, "f_globals") == 0) return fo->globals ? gs_newref(vm, fo->globals) : GS_NONE(vm);
    if (strcmp(n, "f_back") == 0) {
        if (fo->back)
            return gs_newref(vm, fo->back);
        if (fo->live && fo->live->back) {
            gs_Object *b = gs_frame_object(vm, fo->live->back);
            return b ? gs_newref(vm, b) : NULL;
        }
        return GS_NONE(vm);
    }
    if (strcmp(n, "f_locals") == 0) {
        gs_Object *d;
        if (fo->live)
            d = gs_frame_locals(vm, fo->live);
        else if (!fo->code || !(fo->code->flags & GS_CO_OPTIMIZED))
            d = fo->globals;
        else {
            if (!fo->locals_dict) {
                fo->locals_dict = gs_dict_new(vm);
                if (!fo->locals_dict)
                    return NULL;
                gs_record_field(vm, o, 3, NULL, fo->locals_dict);
            }
            d = fo->locals_dict;
            if (fill_locals(vm, d, fo->code, fo->slots, fo->nslots) < 0)
                return NULL;
        }
        return d ? gs_newref(vm, d) : GS_NONE(vm);
    }
    return NULL;
}

/* ------------------------------------------------------------------ locals()
 *
 * CPython 3.11 gives a function frame one f_locals dict, made by the first
 * locals() (or vars(), dir(), frame.f_locals) and kept by the frame until
 * it is cleared; each call copies the fast locals into it again
 * (_PyFrame_FastToLocalsWithError): names bound now are set, names unbound
 * now are deleted, cells and free variables give their contents.  So the
 * dict holds a reference to every local, and `d = locals()` followed by a
 * second locals() puts d into itself: a cycle only the collector frees.
 * The trace shows the frame holding it under the name "locals()".  Module
 * and class bodies have a real namespace: locals() is that dict. */

static int set_or_delete(gs_VM *vm, gs_Object *d, gs_Str *name, gs_Object *v)
{
    if (v)
        return gs_dict_set(vm, d, &name->ob, v);
    gs_Object *old = gs_dict_pop(vm, d, &name->ob);
    if (vm->exc)
        return -1;
    gs_xdecref(vm, old);
    return 0;
}

/* Copy the fast locals in `slots` (locals, cells, free variables, as the
 * code lays them out) into d in CPython's order: the arguments and locals
 * (an argument that a closure captures at its own place, from its cell),
 * then the other cells, then the free variables. */
static int fill_locals(gs_VM *vm, gs_Object *d, gs_Code *co, gs_Object **slots, int32_t nslots)
{
    int32_t nl = co->nlocals, ncells = co->ncells, total = co->nlocals + co->ncells + co->nfrees;
    for (int32_t i = 0; i < total; i++) {
        gs_Object *v = slots && i < nslots ? slots[i] : NULL;
        int32_t cell_of_arg = -1;
        if (i < nl) {
            for (int32_t c = 0; c < ncells; c++)
                if (co->cell2arg[c] == i)
                    cell_of_arg = nl + c;
            if (cell_of_arg >= 0)
                v = slots && cell_of_arg < nslots ? slots[cell_of_arg] : NULL;
        } else if (i < nl + ncells && co->cell2arg[i - nl] >= 0)
            continue; /* shown at its argument's place */
        if ((i >= nl || cell_of_arg >= 0) && v && GS_KIND(v) == GS_K_CELL)
            v = ((gs_Cell *)v)->ref;
        if (set_or_delete(vm, d, co->localnames[i], v) < 0)
            return -1;
    }
    return 0;
}

gs_Object *gs_frame_locals(gs_VM *vm, gs_Frame *f)
{
    if (!(f->code->flags & GS_CO_OPTIMIZED))
        return f->locals ? f->locals : f->globals;
    if (!f->locals_dict) {
        gs_Object *d = gs_dict_new(vm);
        if (!d)
            return NULL;
        f->locals_dict = d;
        if (vm->recording) /* the new dict's reference moves to the frame */
            gs_record(vm, GS_EV_BIND, 0, f->id, 0, d->id, gs_trace_name(vm, gs_name(vm, "locals()")));
    }
    if (fill_locals(vm, f->locals_dict, f->code, f->localsplus, f->nlocalsplus) < 0)
        return NULL;
    return f->locals_dict;
}

void gs_frame_locals_release(gs_VM *vm, gs_Frame *f)
{
    gs_Object *d = f->locals_dict;
    if (!d)
        return;
    f->locals_dict = NULL;
    uint32_t nm = 0;
    if (vm->recording) {
        nm = gs_trace_name(vm, gs_name(vm, "locals()"));
        gs_record(vm, GS_EV_UNBIND, 0, f->id, d->id, 0, nm);
    }
    gs_decref_c(vm, d, GS_CAUSE(GS_CAUSE_NAME, f->id, nm));
}
