/*
 * compile.h — the language front end's entry points: source text to the
 * code object a VM runs.  (The parser alone is ast.h.)
 */
#ifndef GS_COMPILE_H
#define GS_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/vm.h"

struct gs_NodeList;

/* Parse and compile `src` (len bytes) as the VM's main module; the trace
 * starts from the heap as it is then.  0, or -1 with err filled (a
 * SyntaxError and its relatives, with CPython's message, line and column). */
int gs_load_program(gs_VM *vm, const char *filename, const char *src, size_t len, gs_Error *err);

/* The code object of a module body (compiler.c); NULL with err filled. */
gs_Code *gs_compile_module(gs_VM *vm, const struct gs_NodeList *body, const char *filename, gs_Error *err);

/* The code of an exec() string (a module body) or an eval() string (one
 * expression, whose value it returns); the AST's constants are not kept. */
gs_Code *gs_compile_string_body(gs_VM *vm, const struct gs_NodeList *body, const char *filename, bool eval_mode,
                                gs_Error *err);

#endif
