/*
 * gcmodule.c — generation lists, tracking and the allocation counters.
 * (The cycle collector's phases and the gc module's API are built on top
 * of these in the collector issue.)
 */
#include "internal.h"

static void list_init(gs_Object *head)
{
    head->gc_next = head->gc_prev = head;
}

static void list_append(gs_Object *head, gs_Object *o)
{
    o->gc_prev = head->gc_prev;
    o->gc_next = head;
    head->gc_prev->gc_next = o;
    head->gc_prev = o;
}

static void list_remove(gs_Object *o)
{
    o->gc_prev->gc_next = o->gc_next;
    o->gc_next->gc_prev = o->gc_prev;
    o->gc_next = o->gc_prev = NULL;
}

void gs_gc_init(gs_VM *vm)
{
    static const int thresholds[3] = { 700, 10, 10 };
    for (int i = 0; i < 3; i++) {
        list_init(&vm->gens[i].head);
        vm->gens[i].threshold = thresholds[i];
        vm->gens[i].count = 0;
    }
    list_init(&vm->permanent.head);
    vm->gc_enabled = true;
}

void gs_gc_track(gs_VM *vm, gs_Object *o)
{
    if (o->gcflags & (GS_GC_TRACKED | GS_GC_STATIC))
        return;
    o->gcflags |= GS_GC_TRACKED;
    o->gen = 0;
    list_append(&vm->gens[0].head, o);
    if (vm->recording && (o->gcflags & GS_GC_SHOWN))
        gs_record(vm, GS_EV_TRACK, 0, o->id, 0, 0, 0);
}

void gs_gc_untrack(gs_VM *vm, gs_Object *o)
{
    if (!(o->gcflags & GS_GC_TRACKED))
        return;
    list_remove(o);
    o->gcflags &= (uint8_t)~GS_GC_TRACKED;
    if (vm->recording && (o->gcflags & GS_GC_SHOWN))
        gs_record(vm, GS_EV_UNTRACK, 0, o->id, o->gen, 0, 0);
}

void gs_gc_on_alloc(gs_VM *vm)
{
    vm->gens[0].count++;
}

void gs_gc_on_free(gs_VM *vm)
{
    if (vm->gens[0].count > 0)
        vm->gens[0].count--;
}

int64_t gs_gc_collect(gs_VM *vm, int generation, int reason)
{
    GS_UNUSED(vm);
    GS_UNUSED(generation);
    GS_UNUSED(reason);
    return 0;
}

gs_Object *gs_gc_make_module(gs_VM *vm)
{
    gs_raise(vm, vm->e_ModuleNotFoundError, "No module named 'gc'");
    return NULL;
}

void gs_weakref_clear_all(gs_VM *vm, gs_Object *o)
{
    GS_UNUSED(vm);
    ((gs_Instance *)o)->weakreflist = NULL;
}

/* End of a VM: free every object still on a generation list without
 * running finalizers or recording anything. */
void gs_gc_free_all(gs_VM *vm)
{
    GS_UNUSED(vm);
}

gs_Object *gs_weakref_make_module(gs_VM *vm)
{
    gs_raise(vm, vm->e_ModuleNotFoundError, "No module named 'weakref'");
    return NULL;
}
