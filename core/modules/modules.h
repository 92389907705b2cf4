/*
 * modules.h — the importable modules, one file each in core/modules/.
 *
 * Each module file defines one constructor, `gs_module_NAME`, which makes
 * a new module object (or returns NULL with an exception set); table.c
 * lists them for `import` (runtime/module.c).  Adding a module is one new
 * file here, one line below and one line in table.c.
 */
#ifndef GS_MODULES_H
#define GS_MODULES_H

#include "runtime/runtime.h"

gs_Object *gs_module_abc(gs_VM *vm);
void gs_abc_free(gs_VM *vm);
void gs_abc_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_array(gs_VM *vm);
void gs_array_free(gs_VM *vm);
gs_Object *gs_module_dataclasses(gs_VM *vm);
void gs_dataclasses_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_dataclasses_clear(gs_VM *vm);
void gs_dataclasses_free(gs_VM *vm);
gs_Object *gs_module_datetime(gs_VM *vm);
void gs_datetime_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_datetime_free(gs_VM *vm);
gs_Object *gs_module_decimal(gs_VM *vm);
void gs_decimal_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_decimal_clear(gs_VM *vm);
void gs_decimal_free(gs_VM *vm);
/* decimal.Decimal for other modules (fractions.c, statistics.c): whether
 * o is one, whether t is it or a class derived from it (false while
 * decimal is not imported); the type itself (NULL until then) */
bool gs_is_decimal(gs_VM *vm, gs_Object *o);
bool gs_is_decimal_type(gs_VM *vm, gs_Type *t);
gs_Type *gs_decimal_type(gs_VM *vm);
gs_Object *gs_module_enum(gs_VM *vm);
void gs_enum_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_enum_clear(gs_VM *vm);
void gs_enum_free(gs_VM *vm);
gs_Object *gs_module_fractions(gs_VM *vm);
void gs_fractions_free(gs_VM *vm);
/* Fractions for other modules (statistics.c): the type (made on first
 * use, NULL + exception on failure); a normalized Fraction(num, den) of
 * two ints (borrowed), ZeroDivisionError for den 0; a Fraction's fields
 * (borrowed) */
gs_Type *gs_fraction_type(gs_VM *vm);
bool gs_is_fraction(gs_VM *vm, gs_Object *o);
gs_Object *gs_fraction_new(gs_VM *vm, gs_Object *num, gs_Object *den);
gs_Object *gs_fraction_num(gs_Object *o);
gs_Object *gs_fraction_den(gs_Object *o);
/* a / b of two ints, correctly rounded as CPython's int division (new float) */
gs_Object *gs_int_true_divide(gs_VM *vm, gs_Object *a, gs_Object *b);
int gs_fsum(gs_VM *vm, gs_Object *iterable, double *out); /* math.fsum (math.c): 0, or -1 with an exception */
gs_Object *gs_module_future(gs_VM *vm); /* __future__ */
void gs_future_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_bisect(gs_VM *vm);
gs_Object *gs_module_cmath(gs_VM *vm);
gs_Object *gs_module_gc(gs_VM *vm);
gs_Object *gs_module_heapq(gs_VM *vm);
void gs_heapq_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_math(gs_VM *vm);
gs_Object *gs_module_numbers(gs_VM *vm);
gs_Object *gs_module_operator(gs_VM *vm);
void gs_operator_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_queue(gs_VM *vm);
void gs_queue_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_queue_clear(gs_VM *vm);
void gs_queue_free(gs_VM *vm);
gs_Object *gs_module_random(gs_VM *vm);
gs_Object *gs_module_re(gs_VM *vm);
void gs_re_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_re_clear(gs_VM *vm);
void gs_re_free(gs_VM *vm);
void gs_random_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_statistics(gs_VM *vm);
void gs_statistics_free(gs_VM *vm);
gs_Object *gs_module_string(gs_VM *vm);
void gs_string_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_string_free(gs_VM *vm);
gs_Object *gs_module_sys(gs_VM *vm); /* made once, at VM start: vm->sys_module */
gs_Object *gs_module_builtins(gs_VM *vm); /* made at VM start: vm->builtins_module (sys.c) */
void gs_sys_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_textwrap(gs_VM *vm);
gs_Object *gs_module_time(gs_VM *vm);
void gs_time_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_types(gs_VM *vm);
gs_Object *gs_mappingproxy_new(gs_VM *vm, gs_Object *mapping); /* types.MappingProxyType(mapping): new reference */
void gs_types_free(gs_VM *vm);
gs_Object *gs_module_typing(gs_VM *vm);
void gs_typing_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_tracemalloc(gs_VM *vm);
void gs_tracemalloc_free(gs_VM *vm); /* its traces and classes' state */
void gs_tracemalloc_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
gs_Object *gs_module_weakref(gs_VM *vm);
void gs_weakref_at_exit(gs_VM *vm); /* finalizers with atexit set run */
void gs_weakref_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_weakref_clear(gs_VM *vm);
void gs_weakref_free(gs_VM *vm);

/* vm->modstate slots: what each module keeps for the VM's life (its
 * static types), made on first import */
enum { GS_MS_CONTEXTLIB, GS_MS_ITERTOOLS, GS_MS_FUNCTOOLS, GS_MS_IO, GS_MS_JSON, GS_MS_COPY, GS_MS_PPRINT, GS_MS_COLLECTIONS,
       GS_MS_ABC, GS_MS_DATACLASSES, GS_MS_ENUM, GS_MS_COLLECTIONS_ABC, GS_MS_STRING /* Template, Formatter, formatteriterator (string.c) */,
       GS_MS_TYPES /* GenericAlias, UnionType, SimpleNamespace (types.c) */,
       GS_MS_DATETIME /* date, time, datetime, timedelta, tzinfo, timezone (datetime.c) */,
       GS_MS_RE /* Pattern, Match, error (re.c) */,
       GS_MS_FRACTIONS /* the Fraction type (fractions.c) */, GS_MS_STATISTICS /* StatisticsError, LinearRegression */,
       GS_MS_ARRAY /* array, arrayiterator (array.c) */,
       GS_MS_QUEUE /* the queue classes, _thread.lock, threading.Condition (queue.c) */,
       GS_MS_DECIMAL /* Decimal, Context, the signals, the current context (decimal.c) */ };


gs_Object *gs_module_collections(gs_VM *vm);
void gs_collections_free(gs_VM *vm);
gs_Object *gs_module_collections_abc(gs_VM *vm);
extern const gs_MethodDef gs_mutable_mapping_mixins[]; /* get, pop, popitem, clear, update, setdefault */
gs_Object *gs_mutable_mapping_update(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames);
/* Sequence.__iter__ (reverse: __reversed__) of seq: self[0], self[1] ...
 * until IndexError (new reference) */
gs_Object *gs_sequence_iter(gs_VM *vm, gs_Object *seq, bool reverse);
void gs_collections_abc_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_collections_abc_clear(gs_VM *vm);
void gs_collections_abc_free(gs_VM *vm);
gs_Object *gs_module_contextlib(gs_VM *vm);
void gs_contextlib_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_contextlib_free(gs_VM *vm);
gs_Object *gs_module_copy(gs_VM *vm);
void gs_copy_free(gs_VM *vm);
gs_Object *gs_module_functools(gs_VM *vm);
void gs_functools_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_functools_clear(gs_VM *vm);
void gs_functools_free(gs_VM *vm);
gs_Object *gs_module_io(gs_VM *vm);
void gs_io_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_io_free(gs_VM *vm);
gs_Object *gs_module_itertools(gs_VM *vm);
gs_Object *gs_module_json(gs_VM *vm);
void gs_json_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx);
void gs_json_clear(gs_VM *vm);
void gs_json_free(gs_VM *vm);
gs_Object *gs_module_pprint(gs_VM *vm);
void gs_itertools_free(gs_VM *vm);

#endif
