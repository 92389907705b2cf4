/*
 * table.c — the modules a program can import, by name (CPython's
 * inittab).  `import X` of a name that is not here raises
 * ModuleNotFoundError with this list: there is no file, network or process
 * access to import.  Keep the names in alphabetical order.
 */
#include "modules.h"

const gs_ModuleDef gs_module_table[] = {
    { .name = "gc", .make = gs_module_gc },
    { .name = "sys", .make = gs_module_sys, .count_roots = gs_sys_count_roots },
    { .name = "weakref", .make = gs_module_weakref, .at_exit = gs_weakref_at_exit,
      .count_roots = gs_weakref_count_roots, .clear = gs_weakref_clear, .free = gs_weakref_free },
    { .name = NULL },
};
