/*
 * table.c — the modules a program can import, by name (CPython's
 * inittab).  `import X` of a name that is not here raises
 * ModuleNotFoundError with this list: there is no file, network or process
 * access to import.  Keep the names in alphabetical order.  Some
 * modules import others as CPython's do: re imports enum (for RegexFlag).
 */
#include "modules.h"

const gs_ModuleDef gs_module_table[] = {
    { .name = "__future__", .make = gs_module_future, .file = "/usr/lib/python3.11/__future__.py", .count_roots = gs_future_count_roots },
    { .name = "abc", .make = gs_module_abc, .file = "/usr/lib/python3.11/abc.py", .free = gs_abc_free },
    { .name = "array", .make = gs_module_array, .free = gs_array_free },
    { .name = "bisect", .make = gs_module_bisect, .file = "/usr/lib/python3.11/bisect.py" },
    { .name = "builtins", .make = gs_module_builtins },
    { .name = "cmath", .make = gs_module_cmath },
    { .name = "collections", .make = gs_module_collections, .file = "/usr/lib/python3.11/collections/__init__.py", .free = gs_collections_free },
    { .name = "collections.abc", .make = gs_module_collections_abc, .file = "/usr/lib/python3.11/collections/abc.py", .count_roots = gs_collections_abc_count_roots,
      .clear = gs_collections_abc_clear, .free = gs_collections_abc_free },
    { .name = "contextlib", .make = gs_module_contextlib, .file = "/usr/lib/python3.11/contextlib.py", .free = gs_contextlib_free },
    { .name = "copy", .make = gs_module_copy, .file = "/usr/lib/python3.11/copy.py", .free = gs_copy_free },
    { .name = "dataclasses", .make = gs_module_dataclasses, .file = "/usr/lib/python3.11/dataclasses.py", .count_roots = gs_dataclasses_count_roots,
      .clear = gs_dataclasses_clear, .free = gs_dataclasses_free },
    { .name = "datetime", .make = gs_module_datetime, .file = "/usr/lib/python3.11/datetime.py", .count_roots = gs_datetime_count_roots,
      .free = gs_datetime_free },
    { .name = "enum", .make = gs_module_enum, .file = "/usr/lib/python3.11/enum.py", .count_roots = gs_enum_count_roots, .clear = gs_enum_clear,
      .free = gs_enum_free },
    { .name = "fractions", .make = gs_module_fractions, .file = "/usr/lib/python3.11/fractions.py", .free = gs_fractions_free },
    { .name = "functools", .make = gs_module_functools, .file = "/usr/lib/python3.11/functools.py", .count_roots = gs_functools_count_roots,
      .clear = gs_functools_clear, .free = gs_functools_free },
    { .name = "gc", .make = gs_module_gc },
    { .name = "heapq", .make = gs_module_heapq, .file = "/usr/lib/python3.11/heapq.py", .count_roots = gs_heapq_count_roots },
    { .name = "io", .make = gs_module_io, .file = "/usr/lib/python3.11/io.py", .count_roots = gs_io_count_roots, .free = gs_io_free },
    { .name = "itertools", .make = gs_module_itertools, .free = gs_itertools_free },
    { .name = "json", .make = gs_module_json, .file = "/usr/lib/python3.11/json/__init__.py", .count_roots = gs_json_count_roots,
      .free = gs_json_free },
    { .name = "math", .make = gs_module_math },
    { .name = "numbers", .make = gs_module_numbers, .file = "/usr/lib/python3.11/numbers.py" },
    { .name = "operator", .make = gs_module_operator, .file = "/usr/lib/python3.11/operator.py", .count_roots = gs_operator_count_roots },
    { .name = "pprint", .make = gs_module_pprint, .file = "/usr/lib/python3.11/pprint.py" },
    { .name = "queue", .make = gs_module_queue, .file = "/usr/lib/python3.11/queue.py", .count_roots = gs_queue_count_roots,
      .clear = gs_queue_clear, .free = gs_queue_free },
    { .name = "random", .make = gs_module_random, .file = "/usr/lib/python3.11/random.py", .count_roots = gs_random_count_roots },
    { .name = "re", .make = gs_module_re, .file = "/usr/lib/python3.11/re/__init__.py", .count_roots = gs_re_count_roots,
      .clear = gs_re_clear, .free = gs_re_free },
    { .name = "statistics", .make = gs_module_statistics, .file = "/usr/lib/python3.11/statistics.py", .free = gs_statistics_free },
    { .name = "string", .make = gs_module_string, .file = "/usr/lib/python3.11/string.py" },
    { .name = "sys", .make = gs_module_sys, .count_roots = gs_sys_count_roots },
    { .name = "textwrap", .make = gs_module_textwrap, .file = "/usr/lib/python3.11/textwrap.py" },
    { .name = "time", .make = gs_module_time, .count_roots = gs_time_count_roots },
    { .name = "tracemalloc", .make = gs_module_tracemalloc, .file = "/usr/lib/python3.11/tracemalloc.py", .count_roots = gs_tracemalloc_count_roots,
      .free = gs_tracemalloc_free },
    { .name = "types", .make = gs_module_types, .file = "/usr/lib/python3.11/types.py", .free = gs_types_free },
    { .name = "typing", .make = gs_module_typing, .file = "/usr/lib/python3.11/typing.py", .count_roots = gs_typing_count_roots },
    { .name = "weakref", .make = gs_module_weakref, .file = "/usr/lib/python3.11/weakref.py", .at_exit = gs_weakref_at_exit,
      .count_roots = gs_weakref_count_roots, .clear = gs_weakref_clear, .free = gs_weakref_free },
    { .name = NULL },
};
