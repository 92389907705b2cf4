/*
 * load.c — a program into a VM: parse the source, compile it to the
 * module's code object, and describe to the trace the heap it starts
 * from.  A syntax error fills the error record as CPython reports it.
 */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "ast.h"
#include "compile.h"
#include "runtime/runtime.h"

static void syntax_error(gs_Error *err, const gs_SyntaxError *se, const char *filename);

/* exec() and eval() of a string (the VM's compile_string hook): parsed and
 * compiled as CPython's builtin_exec/builtin_eval do, with `filename`
 * "<string>"; the AST's constants are not kept.  The new code object is
 * introduced to the trace; the compiler's scratch objects are not. */
static gs_Code *compile_string(gs_VM *vm, const char *src, size_t len, const char *filename, bool eval_mode,
                               gs_Error *err)
{
    memset(err, 0, sizeof *err);
    gs_Arena arena;
    gs_arena_init(&arena);
    gs_NodeList body;
    gs_SyntaxError se;
    memset(&se, 0, sizeof se);
    if (gs_parse(&arena, src, len, &body, &se) < 0) {
        syntax_error(err, &se, filename);
        gs_arena_free(&arena);
        return NULL;
    }
    if (eval_mode && (body.count != 1 || body.items[0]->kind != GS_S_EXPR)) {
        /* eval's grammar is one expression: a statement is invalid syntax */
        err->kind = GS_ERR_SYNTAX;
        snprintf(err->type_name, sizeof err->type_name, "SyntaxError");
        err->line = body.count ? (body.count > 1 ? body.items[1]->line : body.items[0]->line) : 0;
        err->col = body.count ? (body.count > 1 ? body.items[1]->col : body.items[0]->col) + 1 : 0;
        err->text = strdup("invalid syntax");
        gs_arena_free(&arena);
        return NULL;
    }
    bool rec = vm->recording;
    vm->recording = false;
    /* (a literal of the program's that the new code shared would gain a
     * reference the trace, off while compiling, could not see) */
    vm->lits_private = true;
    gs_Code *code = gs_compile_string_body(vm, &body, filename, eval_mode, err);
    vm->lits_private = false;
    vm->recording = rec;
    gs_arena_free(&arena);
    if (!code) {
        if (err->kind == GS_ERR_NONE) {
            err->kind = GS_ERR_SYNTAX;
            snprintf(err->type_name, sizeof err->type_name, "SyntaxError");
            err->text = strdup("invalid syntax");
        }
        err->after_parse = true;
        return NULL;
    }
    if (rec)
        gs_record_introduce(vm, &code->ob);
    return code;
}

/* A parse failure as the error record: CPython's exception type, line,
 * column and message (with the file's name, which the parser does not know) */
static void syntax_error(gs_Error *err, const gs_SyntaxError *se, const char *filename)
{
    err->kind = GS_ERR_SYNTAX;
    snprintf(err->type_name, sizeof err->type_name, "%s",
             se->kind == GS_TAB_ERROR ? "TabError" : se->kind == GS_INDENTATION_ERROR ? "IndentationError"
             : se->kind == GS_RECURSION_ERROR ? "RecursionError" : se->kind == GS_MEMORY_ERROR ? "MemoryError"
             : "SyntaxError");
    err->line = se->line;
    err->col = se->col;
    gs_Buf m;
    gs_buf_init(&m);
    const char *p = se->msg;
    const char *hole;
    while ((hole = strstr(p, "<file>")) != NULL) {
        gs_buf_add(&m, p, (size_t)(hole - p));
        gs_buf_adds(&m, filename);
        p = hole + 6;
    }
    gs_buf_adds(&m, p);
    err->text = gs_buf_steal(&m);
}

/* The last two of the nine names CPython's __main__ starts with (the
 * others are made with the built-ins): __file__, the script's path, and
 * __cached__ (None for a script); the loader learns the path too. */
static void main_file_names(gs_VM *vm, const char *filename)
{
    if (!vm->main_module)
        return;
    gs_Dict *md = ((gs_Module *)vm->main_module)->dict;
    /* python3 gives the script's absolute path (`gcscope run` passes one;
     * trace and the viewer pass the path as given) */
    char abspath[PATH_MAX * 2], cwd[PATH_MAX];
    if (filename[0] != '/' && getcwd(cwd, sizeof cwd)) {
        snprintf(abspath, sizeof abspath, "%s/%s", cwd, filename);
        filename = abspath;
    }
    gs_Object *path = gs_str_from_cstr(vm, filename);
    if (!path) {
        gs_clear_exc(vm);
        return;
    }
    gs_Object *loader = gs_dict_get(vm, &md->ob, &gs_name(vm, "__loader__")->ob);
    if (loader)
        gs_setattr(vm, loader, gs_name(vm, "path"), path);
    /* the two names the table was sized for (gs_builtins_init) become real */
    md->hidden = md->hidden > 2 ? md->hidden - 2 : 0;
    gs_dict_set(vm, &md->ob, &gs_name(vm, "__file__")->ob, path);
    gs_dict_set(vm, &md->ob, &gs_name(vm, "__cached__")->ob, vm->none);
    gs_decref(vm, path);
    /* sys.path[0]: the script's directory */
    gs_Object *sp = vm->sys_module ? gs_dict_get_str(vm, &((gs_Module *)vm->sys_module)->dict->ob, gs_name(vm, "path"))
                                   : NULL;
    const char *slash = strrchr(filename, '/');
    gs_Object *dir = slash ? gs_str_new(vm, filename, (size_t)(slash > filename ? slash - filename : 1)) : NULL;
    if (sp && GS_KIND(sp) == GS_K_LIST && ((gs_List *)sp)->len > 0 && dir)
        gs_list_setitem(vm, sp, 0, dir);
    gs_xdecref(vm, dir);
    if (vm->exc)
        gs_clear_exc(vm);
}

int gs_load_program(gs_VM *vm, const char *filename, const char *src, size_t len, gs_Error *err)
{
    memset(err, 0, sizeof *err);
    vm->filename = filename;
    vm->source = src;
    vm->source_len = len;
    vm->compile_string = compile_string;
    bool was_recording = vm->recording;
    vm->recording = false; /* start-up's, described with the heap the trace starts from */
    main_file_names(vm, filename);
    vm->recording = was_recording;
    gs_Arena arena;
    gs_arena_init(&arena);
    gs_NodeList body;
    gs_SyntaxError se;
    memset(&se, 0, sizeof se);
    if (gs_parse(&arena, src, len, &body, &se) < 0) {
        syntax_error(err, &se, filename);
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
        gs_record_introduce(vm, &code->ob);
        /* The AST's arena (compiler.c: ast_const) is a real holder of the
         * constants while the module runs: a list in the trace, with a slot
         * per constant, so every count has its holder.  It is the parser's,
         * not the program's: flagged like a built-in module's own objects,
         * which a viewer may hide (as it may what only the arena holds).
         * Empty, it is only described, like the interpreter's other objects. */
        if (vm->ast_consts && ((gs_List *)vm->ast_consts)->len > 0) {
            vm->runtime_alloc++;
            gs_record_introduce(vm, vm->ast_consts);
            vm->runtime_alloc--;
        }
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
