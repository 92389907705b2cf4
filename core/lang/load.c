/*
 * load.c — a program into a VM: parse the source, compile it to the
 * module's code object, and describe to the trace the heap it starts
 * from.  A syntax error fills the error record as CPython reports it.
 */
#include <stdio.h>

#include "ast.h"
#include "compile.h"
#include "runtime/runtime.h"

int gs_load_program(gs_VM *vm, const char *filename, const char *src, size_t len, gs_Error *err)
{
    memset(err, 0, sizeof *err);
    vm->filename = filename;
    vm->source = src;
    vm->source_len = len;
    gs_Arena arena;
    gs_arena_init(&arena);
    gs_NodeList body;
    gs_SyntaxError se;
    memset(&se, 0, sizeof se);
    if (gs_parse(&arena, src, len, &body, &se) < 0) {
        err->kind = GS_ERR_SYNTAX;
        snprintf(err->type_name, sizeof err->type_name, "%s",
                 se.kind == GS_TAB_ERROR ? "TabError" : se.kind == GS_INDENTATION_ERROR ? "IndentationError"
                 : se.kind == GS_RECURSION_ERROR ? "RecursionError" : se.kind == GS_MEMORY_ERROR ? "MemoryError"
                 : "SyntaxError");
        err->line = se.line;
        err->col = se.col;
        /* the parser does not know the file's name; CPython's message does */
        gs_Buf m;
        gs_buf_init(&m);
        const char *p = se.msg;
        const char *hole;
        while ((hole = strstr(p, "<file>")) != NULL) {
            gs_buf_add(&m, p, (size_t)(hole - p));
            gs_buf_adds(&m, filename);
            p = hole + 6;
        }
        gs_buf_adds(&m, p);
        err->text = gs_buf_steal(&m);
        gs_arena_free(&arena);
        return -1;
    }
    /* The compiler's scratch objects are not the program's: compile with
     * recording off, then introduce the constants the program can reach. */
    bool rec = vm->recording;
    vm->recording = false;
    gs_Code *code = gs_compile_module(vm, &body, filename, err);
    vm->recording = rec;
    gs_arena_free(&arena);
    if (code && rec) {
        /* the AST's own holder list is the parser's, not the program's:
         * its references show as counted but unnamed holders */
        gs_record_introduce(vm, &code->ob);
        if (vm->ast_consts)
            for (int32_t i = 0; i < ((gs_List *)vm->ast_consts)->len; i++)
                gs_record_introduce(vm, ((gs_List *)vm->ast_consts)->items[i]);
    }
    if (code)
        gs_record_describe_all(vm); /* the heap the trace starts from */
    if (!code) {
        if (err->kind == GS_ERR_NONE) {
            err->kind = GS_ERR_SYNTAX;
            snprintf(err->type_name, sizeof err->type_name, "SyntaxError");
            err->text = strdup("invalid syntax");
        }
        return -1;
    }
    vm->main_code = code;
    return 0;
}
