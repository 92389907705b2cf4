/*
 * events.c — how the runtime tells the trace about its objects: each
 * object's alloc event (its type, label and payload), the references it is
 * born holding, and the description of the objects that exist before the
 * program starts (static objects and the interpreter's own).
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== object table */

void gs_objtab_set(gs_VM *vm, uint32_t id, gs_Object *o)
{
    if (id >= vm->objtab_cap) {
        uint32_t cap = vm->objtab_cap ? vm->objtab_cap : 1024;
        while (cap <= id)
            cap *= 2;
        gs_Object **t = realloc(vm->objtab, cap * sizeof *t);
        if (!t)
            return; /* the table is a debugging aid; running on without it is safe */
        memset(t + vm->objtab_cap, 0, (cap - vm->objtab_cap) * sizeof *t);
        vm->objtab = t;
        vm->objtab_cap = cap;
    }
    vm->objtab[id] = o;
}

gs_Object *gs_vm_object(gs_VM *vm, uint32_t id)
{
    return id < vm->objtab_cap ? vm->objtab[id] : NULL;
}

/* ================================================================== events */

/* gs_record's slow path: the event array is full */
void gs_record_grow(gs_VM *vm, gs_Event e)
{
    /* Past the event limit the run stops at the next line start, but one
     * statement can make millions of events first (["a"] * 10**8): the
     * array does not grow for them.  They are dropped, and the trace is cut
     * back to that statement's line event (gs_vm_run), a state it can show.
     * Before the first line (the constants being introduced) the events are
     * kept: there are as many as the source has constants. */
    if (vm->cfg.max_events && vm->events > vm->cfg.max_events && vm->last_line_event != GS_NO_LINE_EVENT) {
        vm->limit_hit = true;
        vm->trace_overflow = true;
        return;
    }
    if (gs_trace_push(&vm->trace, e) < 0)
        vm->limit_hit = true;
}

uint32_t gs_trace_name(gs_VM *vm, gs_Str *s)
{
    if (!vm->recording || !vm->cfg.record) /* checking counts needs no names (refcheck.c) */
        return 0;
    /* the pool never forgets a string, so its id can be kept on the str
     * (gs_str_grow_in_place, the one change to a str's contents, forgets
     * it); 0 ("" or out of memory) is not kept */
    if (s->trace_id)
        return s->trace_id;
    uint32_t id = gs_trace_string(&vm->trace, s->data, (size_t)s->len);
    s->trace_id = id;
    if (vm->trace.strings.nbytes + vm->trace.nout > GS_TRACE_TEXT_MAX)
        vm->limit_hit = true;
    return id;
}

uint32_t gs_type_name_id(gs_VM *vm, gs_Object *o)
{
    return gs_trace_name(vm, o->type->name);
}

/* A str's contents in the trace: a label, not a copy, as a loop making
 * megabyte strings must not keep every one (viewers show a few dozen
 * characters): all of it up to 4,096 bytes, else its first 4,096. */
uint32_t gs_str_label(gs_VM *vm, gs_Str *s)
{
    if (s->len <= 4096)
        return gs_trace_name(vm, s);
    if (!vm->recording || !vm->cfg.record)
        return 0;
    size_t n = 4096;
    while (n > 0 && ((unsigned char)s->data[n] & 0xC0) == 0x80)
        n--; /* cut before a UTF-8 continuation byte */
    return gs_trace_string(&vm->trace, s->data, n);
}

/* The label an alloc event (or an object description) carries: see trace.h. */
static void alloc_payload(gs_VM *vm, gs_Object *o, uint32_t *pb, uint32_t *pc)
{
    uint32_t b = 0, c = 0;
    switch (GS_KIND(o)) {
    case GS_K_INT: {
        if (gs_int_is_big(o)) {
            if (vm->recording && vm->cfg.record) {
                char text[96];
                int n = gs_big_label(o, text, sizeof text);
                b = gs_trace_string(&vm->trace, text, (size_t)(n < (int)sizeof text ? n : (int)sizeof text - 1));
            }
            break;
        }
        uint64_t v = (uint64_t)((gs_Int *)o)->value;
        b = (uint32_t)v;
        c = (uint32_t)(v >> 32);
        break;
    }
    case GS_K_BOOL: b = o == vm->true_; break;
    case GS_K_FLOAT: {
        uint64_t v;
        memcpy(&v, &((gs_Float *)o)->value, sizeof v);
        b = (uint32_t)v;
        c = (uint32_t)(v >> 32);
        break;
    }
    case GS_K_STR: b = gs_str_label(vm, (gs_Str *)o); break;
    case GS_K_FUNCTION: b = gs_trace_name(vm, ((gs_Function *)o)->qualname); break;
    case GS_K_CODE: b = gs_trace_name(vm, ((gs_Code *)o)->name); break;
    case GS_K_TYPE: b = gs_trace_name(vm, ((gs_Type *)o)->name); break;
    case GS_K_MODULE: b = gs_trace_name(vm, ((gs_Module *)o)->name); break;
    case GS_K_BUILTIN:
        if (vm->recording && vm->cfg.record)
            b = gs_trace_string(&vm->trace, ((gs_Builtin *)o)->name, strlen(((gs_Builtin *)o)->name));
        break;
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION: b = o->type->ob.id; break;
    case GS_K_TUPLE: b = (uint32_t)((gs_Tuple *)o)->len; break;
    case GS_K_LIST: b = (uint32_t)((gs_List *)o)->len; break;
    case GS_K_BYTES: b = (uint32_t)((gs_Bytes *)o)->len; break;
    default: break;
    }
    *pb = b;
    *pc = c;
}

/* The alloc event, and the object's size where the event does not imply
 * it (trace.h: gs_trace_alloc_size): a resize from the implied size. */
static void record_alloc_event(gs_VM *vm, gs_Object *o)
{
    uint32_t b, c;
    alloc_payload(vm, o, &b, &c);
    if (vm->recording) /* made while not recording: described or introduced later */
        o->gcflags |= GS_GC_SHOWN;
    uint32_t type = gs_type_name_id(vm, o);
    gs_record(vm, GS_EV_ALLOC, GS_KIND(o), o->id, type, b, c);
    if (!vm->recording)
        return;
    if (vm->runtime_alloc && vm->trace.n && !vm->trace_overflow)
        gs_trace_last(&vm->trace)->flags |= GS_ALLOC_RUNTIME; /* a built-in module's own object */
    else if (vm->internal_alloc && GS_KIND(o) != GS_K_EXCEPTION && vm->trace.n && !vm->trace_overflow)
        gs_trace_last(&vm->trace)->flags |= GS_ALLOC_INTERNAL; /* a library object's private part */
    bool big = gs_int_is_big(o);
    if (big && vm->trace.n && !vm->trace_overflow)
        gs_trace_last(&vm->trace)->flags |= GS_ALLOC_BIGINT;
    if (vm->cfg.no_sizes)
        return;
    gs_Kind k = GS_KIND(o);
    if (((k == GS_K_INT && !big) || k == GS_K_TUPLE || (k == GS_K_STR && ((gs_Str *)o)->len <= 4096)) &&
        !(o->type->flags & GS_TF_HEAP))
        return; /* the payload says it all (a subclass's object is bigger) */
    size_t size = gs_sizeof(vm, o);
    uint32_t implied = gs_trace_alloc_size(&vm->trace, (uint8_t)k, type, b, c);
    if (size != implied)
        gs_record(vm, GS_EV_RESIZE, 0, o->id, implied, (uint32_t)size, 0);
}

void gs_record_alloc(gs_VM *vm, gs_Object *o)
{
    if (o->gcflags & GS_GC_STATIC)
        return;
    if (vm->tm)
        gs_tm_object(vm, o);
    record_alloc_event(vm, o);
}

void gs_record_resize(gs_VM *vm, gs_Object *o, size_t old, size_t now)
{
    if (vm->cfg.no_sizes)
        return;
    gs_record(vm, GS_EV_RESIZE, 0, o->id, (uint32_t)old, (uint32_t)now, 0);
}

/* Describe an object that has no alloc event (static, or made before
 * recording began) in the trace's object table, so the heap at position 0
 * is known.  Not an event: it counts nothing. */
void gs_record_describe(gs_VM *vm, gs_Object *o)
{
    if (!o || !o->id || !vm->cfg.record || (o->gcflags & GS_GC_SHOWN))
        return;
    bool rec = vm->recording;
    vm->recording = true; /* the payload's strings go to the pool even while compiling */
    uint32_t b, c;
    alloc_payload(vm, o, &b, &c);
    bool st = (o->gcflags & GS_GC_STATIC) != 0;
    gs_ObjDesc d = { o->id, GS_KIND(o),
                     (uint8_t)((st ? GS_DESC_STATIC : GS_DESC_RUNTIME) |
                               ((o->gcflags & GS_GC_TRACKED) ? GS_DESC_TRACKED : 0)),
                     o->gen, 0, gs_type_name_id(vm, o), b, c, st ? 0 : (uint32_t)o->refcnt,
                     (uint32_t)gs_sizeof(vm, o) };
    vm->recording = rec;
    if (gs_trace_describe(&vm->trace, d) < 0)
        vm->limit_hit = true;
    o->gcflags |= GS_GC_SHOWN; /* from now on its free, track and untrack are recorded */
}

static int describe_ref(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    GS_UNUSED(arg);
    uint8_t sub = cause.kind;
    uint32_t slot = cause.what;
    if (sub == GS_CAUSE_KEY && GS_KIND(holder) == GS_K_DICT)
        return 0; /* a dict's keys are implied by its values */
    if (sub == GS_CAUSE_ATTR) {
        gs_Object *key = gs_vm_object(vm, slot);
        slot = key && GS_KIND(key) == GS_K_STR ? gs_trace_name(vm, (gs_Str *)key) : 0;
    }
    if (sub == GS_CAUSE_NAME)
        return 0; /* a suspended generator's frame: not at start-up */
    gs_TraceRef r = { holder->id, slot, ref->id, sub, { 0, 0, 0 } };
    if (gs_trace_initial_ref(&vm->trace, r) < 0)
        vm->limit_hit = true;
    return 0;
}

static int field_ref(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    GS_UNUSED(arg);
    if (cause.kind != GS_CAUSE_INTERNAL && cause.kind != GS_CAUSE_CONST)
        return 0; /* slots, keys and attributes record their own events */
    if ((GS_KIND(holder) == GS_K_INSTANCE || GS_KIND(holder) == GS_K_EXCEPTION) && cause.what == 0 &&
        ref == &holder->type->ob)
        return 0; /* an instance's class: implied by its alloc event */
    gs_record(vm, GS_EV_REF_SET, cause.kind, holder->id, 0, ref->id, cause.what);
    return 0;
}

void gs_record_fields(gs_VM *vm, gs_Object *o)
{
    if (vm->recording)
        gs_traverse(vm, o, field_ref, NULL);
}

void gs_record_field(gs_VM *vm, gs_Object *holder, uint32_t what, gs_Object *old, gs_Object *v)
{
    if (vm->recording && old != v)
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, holder->id, old ? old->id : 0, v ? v->id : 0, what);
}

/* When the program is loaded: describe every object that exists and has no
 * alloc event, with the references the non-static ones hold. */
void gs_record_describe_all(gs_VM *vm)
{
    if (!vm->cfg.record)
        return;
    gs_Object *fixed[] = { vm->none, vm->true_, vm->false_, vm->notimpl, vm->ellipsis, vm->empty_tuple,
                           vm->repr_stack, &vm->t_type->ob, &vm->t_object->ob, &vm->t_str->ob };
    for (int i = 0; i < GS_COUNTOF(fixed); i++)
        gs_record_describe(vm, fixed[i]);
    for (int i = 0; i < GS_COUNTOF(vm->small_ints); i++)
        gs_record_describe(vm, vm->small_ints[i]);
    uint32_t first = (uint32_t)vm->trace.ndesc;
    for (uint32_t id = 1; id < vm->objtab_cap; id++)
        gs_record_describe(vm, vm->objtab[id]);
    bool rec = vm->recording;
    vm->recording = true;
    for (size_t k = first; k < vm->trace.ndesc; k++) {
        gs_Object *o = gs_vm_object(vm, vm->trace.desc[k].id);
        if (o && !(o->gcflags & GS_GC_STATIC))
            gs_traverse(vm, o, describe_ref, NULL);
    }
    vm->recording = rec;
}

static int introduce_visit(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg);

/* An object the program reaches that was made with recording off (the
 * compiler's constants): its alloc, its references and what it holds, so
 * the trace knows it. */
void gs_record_introduce(gs_VM *vm, gs_Object *o)
{
    if ((o->gcflags & (GS_GC_SHOWN | GS_GC_STATIC)))
        return;
    record_alloc_event(vm, o);
    for (intptr_t i = 1; i < o->refcnt; i++)
        gs_record(vm, GS_EV_INCREF, GS_CAUSE_CONST, o->id, (uint32_t)(i + 1), 0, 0);
    if (o->gcflags & GS_GC_TRACKED)
        gs_record(vm, GS_EV_TRACK, 0, o->id, o->gen, 0, 0);
    gs_traverse(vm, o, introduce_visit, NULL);
}

static int introduce_visit(gs_VM *vm, gs_Object *holder, gs_Object *ref, gs_Cause cause, void *arg)
{
    GS_UNUSED(arg);
    gs_record_introduce(vm, ref);
    if (GS_KIND(holder) == GS_K_TUPLE || GS_KIND(holder) == GS_K_LIST) /* its alloc made the slots, empty */
        gs_record(vm, GS_EV_REF_SET, GS_CAUSE_SLOT, holder->id, 0, ref->id, cause.what);
    else
        gs_record(vm, GS_EV_REF_SET, cause.kind, holder->id, 0, ref->id, cause.what);
    return 0;
}
