/*
 * exceptions.c — exception objects and the methods of BaseException.
 */
#include <stdio.h>

#include "runtime.h"

/* BaseException.__init__(self, *args): args become self.args */
static gs_Object *m_exc_init(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (GS_KIND(self) != GS_K_EXCEPTION)
        return GS_NONE(vm);
    gs_Object *t = gs_tuple_new(vm, nargs);
    if (!t)
        return NULL;
    for (int i = 0; i < nargs; i++)
        gs_tuple_init(vm, t, i, gs_newref(vm, args[i]));
    gs_Exception *e = (gs_Exception *)self;
    gs_Object *old = &e->args->ob;
    e->args = (gs_Tuple *)t;
    gs_record_field(vm, self, 10, old, t);
    gs_decref(vm, old);
    return GS_NONE(vm);
}

static gs_Object *m_exc_with_traceback(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_newref(vm, self);
}

void gs_exceptions_methods_init(gs_VM *vm)
{
    gs_type_add_method(vm, vm->e_BaseException, "with_traceback", m_exc_with_traceback, 1, 1);
    gs_type_add_method(vm, vm->e_BaseException, "__init__", m_exc_init, 0, -1);
}
