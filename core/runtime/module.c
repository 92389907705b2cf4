/*
 * module.c — module objects and import: a module is a namespace dict with a
 * name; `import` finds the importable modules in one table,
 * gs_module_table (core/modules/table.c).
 */
#include <stdio.h>

#include "runtime.h"

gs_Object *gs_module_new(gs_VM *vm, const char *name)
{
    gs_Module *m = (gs_Module *)gs_alloc(vm, vm->t_module, sizeof(gs_Module));
    if (!m)
        return NULL;
    m->name = (gs_Str *)gs_str_intern(vm, name, strlen(name));
    m->dict = (gs_Dict *)gs_dict_new(vm);
    if (!m->dict) {
        gs_decref(vm, m);
        return NULL;
    }
    gs_dict_set(vm, &m->dict->ob, &vm->s___name__->ob, &m->name->ob);
    gs_record_alloc(vm, &m->ob);
    gs_record_fields(vm, &m->ob);
    gs_gc_track(vm, &m->ob);
    return &m->ob;
}


/* A module whose namespace is an existing dict (builtins: the dict name
 * lookups fall back to). */
gs_Object *gs_module_of_dict(gs_VM *vm, const char *name, gs_Object *dict)
{
    gs_Module *m = (gs_Module *)gs_alloc(vm, vm->t_module, sizeof(gs_Module));
    if (!m)
        return NULL;
    m->name = (gs_Str *)gs_str_intern(vm, name, strlen(name));
    m->dict = (gs_Dict *)gs_newref(vm, dict);
    gs_record_alloc(vm, &m->ob);
    gs_record_fields(vm, &m->ob);
    gs_gc_track(vm, &m->ob);
    return &m->ob;
}

void gs_module_add(gs_VM *vm, gs_Object *mod, const char *name, gs_Object *v)
{
    if (!v)
        return;
    gs_dict_set(vm, &((gs_Module *)mod)->dict->ob, &gs_name(vm, name)->ob, v);
    gs_decref(vm, v);
}

void gs_module_add_fn(gs_VM *vm, gs_Object *mod, const char *name, gs_CFunc fn, int min, int max, bool kw)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, min, max, NULL);
    if (b)
        ((gs_Builtin *)b)->takes_kw = kw;
    gs_module_add(vm, mod, name, b);
}

int gs_module_add_functions(gs_VM *vm, gs_Object *mod, const gs_MethodDef *defs)
{
    for (const gs_MethodDef *d = defs; d->name; d++) {
        gs_Object *b = gs_builtin_new(vm, d->name, d->fn, d->min, d->max, mod);
        if (!b)
            return -1;
        ((gs_Builtin *)b)->takes_kw = (d->kw & GS_KW) != 0;
        ((gs_Builtin *)b)->varargs = d->kw & (GS_VARARGS | GS_STARARGS);
        ((gs_Builtin *)b)->owner = NULL;
        gs_module_add(vm, mod, d->name, b);
    }
    return 0;
}

bool gs_module_imported(gs_VM *vm, const char *name)
{
    return vm->modules && gs_dict_get_str(vm, vm->modules, gs_name(vm, name)) != NULL;
}

void gs_modules_at_exit(gs_VM *vm)
{
    for (const gs_ModuleDef *def = gs_module_table; def->name; def++)
        if (def->at_exit)
            def->at_exit(vm);
}

void gs_modules_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    for (const gs_ModuleDef *def = gs_module_table; def->name; def++)
        if (def->count_roots)
            def->count_roots(vm, count, ctx);
}

void gs_modules_clear(gs_VM *vm)
{
    for (const gs_ModuleDef *def = gs_module_table; def->name; def++)
        if (def->clear)
            def->clear(vm);
}

void gs_modules_free(gs_VM *vm)
{
    for (const gs_ModuleDef *def = gs_module_table; def->name; def++)
        if (def->free)
            def->free(vm);
}

/* "gc, sys and weakref": the names in the module table, for the message of
 * a failed import */
static void table_names(gs_Buf *b)
{
    int n = 0;
    while (gs_module_table[n].name)
        n++;
    for (int i = 0; i < n; i++) {
        if (i)
            gs_buf_adds(b, i == n - 1 ? " and " : ", ");
        gs_buf_adds(b, gs_module_table[i].name);
    }
}

const gs_ModuleDef *gs_module_find(const char *name)
{
    for (const gs_ModuleDef *def = gs_module_table; def->name; def++)
        if (strcmp(def->name, name) == 0)
            return def;
    return NULL;
}

gs_Object *gs_import(gs_VM *vm, gs_Str *name)
{
    gs_Object *have = gs_dict_get_str(vm, vm->modules, name);
    if (have)
        return gs_newref(vm, have);
    /* a submodule (collections.abc): its package first, which then has it
     * as an attribute (importlib's _handle_fromlist / _find_and_load) */
    const char *dot = strrchr(name->data, '.');
    gs_Object *parent = NULL;
    if (dot) {
        gs_Object *pn = gs_str_intern(vm, name->data, (size_t)(dot - name->data));
        parent = pn ? gs_import(vm, (gs_Str *)pn) : NULL;
        gs_xdecref(vm, pn);
        if (!parent)
            return NULL;
        /* a package that makes its submodules itself (json.decoder) */
        have = gs_dict_get_str(vm, vm->modules, name);
        if (have) {
            gs_decref(vm, parent);
            return gs_newref(vm, have);
        }
    }
    const gs_ModuleDef *def = gs_module_find(name->data);
    if (!def) {
        gs_xdecref(vm, parent);
        gs_Buf names;
        gs_buf_init(&names);
        table_names(&names);
        /* CPython's message (a program may print it); the traceback says
         * under it what gcscope has, like a note (no object on the heap) */
        gs_raise(vm, vm->e_ModuleNotFoundError, "No module named '%s'", name->data);
        if (vm->exc && GS_KIND(vm->exc) == GS_K_EXCEPTION) {
            gs_Exception *e = (gs_Exception *)vm->exc;
            e->attr_name = name; /* its .name */
            gs_incref(vm, name);
            size_t len = strlen("(gcscope programs can import only )") + (names.data ? names.len : 0) + 1;
            free(e->suggestion);
            e->suggestion = malloc(len);
            if (e->suggestion)
                snprintf(e->suggestion, len, "(gcscope programs can import only %s)", names.data ? names.data : "");
        }
        gs_buf_free(&names);
        return NULL;
    }
    /* the module's own objects are the interpreter's, not the program's */
    vm->runtime_alloc++;
    gs_Object *m = def->make(vm);
    if (m && def->file && GS_KIND(m) == GS_K_MODULE) /* ImportError's "(/usr/lib/python3.11/copy.py)" */
        gs_module_add(vm, m, "__file__", gs_str_from_cstr(vm, def->file));
    vm->runtime_alloc--;
    if (!m || gs_dict_set(vm, vm->modules, &name->ob, m) < 0 ||
        (parent && gs_dict_set(vm, &((gs_Module *)parent)->dict->ob, &gs_name(vm, dot + 1)->ob, m) < 0)) {
        gs_xdecref(vm, parent);
        gs_xdecref(vm, m);
        return NULL;
    }
    gs_xdecref(vm, parent);
    return m;
}
