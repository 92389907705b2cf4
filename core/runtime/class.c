/*
 * class.c — types, classes, instances and the descriptors classes use
 * (property, staticmethod, classmethod); the methods of object and type.
 */
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
                ((gs_Builtin *)b)->varargs = defs->kw & (GS_VARARGS | GS_STARARGS);
            }
        }
    }
}

static gs_Object *m_object_init(GS_ARGS) { GS_UNUSED_ARGS; return GS_NONE(vm); }

static gs_Object *m_type_mro(GS_ARGS)
{
    GS_UNUSED_ARGS;
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return NULL;
    for (gs_Type *t = (gs_Type *)self; t; t = t->base)
        gs_list_append(vm, l, &t->ob);
    return l;
}

gs_Object *gs_descriptor_wrap(gs_VM *vm, gs_Type *t, gs_Object *fn)
{
    gs_Cell *c = (gs_Cell *)gs_alloc(vm, t, sizeof(gs_Cell));
    if (!c)
        return NULL;
    c->ref = gs_newref(vm, fn);
    gs_record_fields(vm, &c->ob);
    gs_gc_track(vm, &c->ob);
    return &c->ob;
}

void gs_class_methods_init(gs_VM *vm)
{
    gs_type_add_method(vm, vm->t_object, "__init__", m_object_init, 0, -1);
    gs_type_add_method(vm, vm->t_type, "mro", m_type_mro, 0, 0);
}
