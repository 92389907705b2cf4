/*
 * table.c — the modules a program can import, by name (CPython's
 * inittab).  `import X` of a name that is not here raises
 * ModuleNotFoundError with this list: there is no file, network or process
 * access to import.  Keep the names in alphabetical order.
 */
#include "modules.h"

const gs_ModuleDef gs_module_table[] = {
    { .name = "__future__", .make = gs_module_future, .count_roots = gs_future_count_roots },
    { .name = "bisect", .make = gs_module_bisect },
    { .name = "gc", .make = gs_module_gc },
    { .name = "heapq", .make = gs_module_heapq, .count_roots = gs_heapq_count_roots },
    { .name = "math", .make = gs_module_math },
    { .name = "operator", .make = gs_module_operator, .count_roots = gs_operator_count_roots },
    { .name = "random", .make = gs_module_random, .count_roots = gs_random_count_roots },
    { .name = "string", .make = gs_module_string },
    { .name = "sys", .make = gs_module_sys },
    { .name = "time", .make = gs_module_time, .count_roots = gs_time_count_roots },
    { .name = "typing", .make = gs_module_typing, .count_roots = gs_typing_count_roots },
    { .name = "weakref", .make = gs_module_weakref, .at_exit = gs_weakref_at_exit,
      .count_roots = gs_weakref_count_roots, .clear = gs_weakref_clear, .free = gs_weakref_free },
    { .name = NULL },
};
