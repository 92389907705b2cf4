/*
 * table.c — the modules a program can import, by name (CPython's
 * inittab).  `import X` of a name that is not here raises
 * ModuleNotFoundError with this list: there is no file, network or process
 * access to import.  Keep the names in alphabetical order.
 */
#include "modules.h"

const gs_ModuleDef gs_module_table[] = {
    { .name = "contextlib", .make = gs_module_contextlib, .free = gs_contextlib_free },
    { .name = "copy", .make = gs_module_copy, .free = gs_copy_free },
    { .name = "functools", .make = gs_module_functools, .count_roots = gs_functools_count_roots,
      .clear = gs_functools_clear, .free = gs_functools_free },
    { .name = "gc", .make = gs_module_gc },
    { .name = "io", .make = gs_module_io, .count_roots = gs_io_count_roots, .free = gs_io_free },
    { .name = "itertools", .make = gs_module_itertools, .free = gs_itertools_free },
    { .name = "json", .make = gs_module_json, .free = gs_json_free },
    { .name = "pprint", .make = gs_module_pprint },
    { .name = "sys", .make = gs_module_sys },
    { .name = "weakref", .make = gs_module_weakref, .at_exit = gs_weakref_at_exit,
      .count_roots = gs_weakref_count_roots, .clear = gs_weakref_clear, .free = gs_weakref_free },
    { .name = NULL },
};
