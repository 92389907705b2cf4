/*
 * test_core.c — the compiler and the object model, without running
 * programs: what bytecode a snippet compiles to, how containers hold their
 * references, reprs and number formatting, and that events are recorded.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "lang/compile.h"
#include "lang/ast.h"
#include "runtime/runtime.h"
#include "runtime/opcodes.h"

static int passed, failed;

#define CHECK(cond, ...)                                                                                             \
    do {                                                                                                             \
        if (cond)                                                                                                    \
            passed++;                                                                                                \
        else {                                                                                                       \
            failed++;                                                                                                \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                              \
            printf(__VA_ARGS__);                                                                                     \
            printf("\n");                                                                                            \
        }                                                                                                            \
    } while (0)

static char outbuf[4096];
static size_t outlen;

static void capture(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    if (outlen + n < sizeof outbuf) {
        memcpy(outbuf + outlen, s, n);
        outlen += n;
        outbuf[outlen] = 0;
    }
}

static gs_VM *new_vm(bool record)
{
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.record = record;
    cfg.write_out = capture;
    cfg.write_err = capture;
    outlen = 0;
    outbuf[0] = 0;
    return gs_vm_new(&cfg);
}

static gs_Code *compile(gs_VM *vm, const char *src)
{
    gs_Error err;
    if (gs_load_program(vm, "t.py", src, strlen(src), &err) < 0) {
        printf("compile error: %s\n", err.text ? err.text : "?");
        gs_error_clear(&err);
        return NULL;
    }
    return vm->main_code;
}

static bool has_op(gs_Code *c, int op)
{
    for (int i = 0; i < c->nops; i++)
        if ((int)GS_OPCODE(c->ops[i]) == op)
            return true;
    return false;
}

static gs_Code *inner_code(gs_Code *c, const char *name)
{
    for (int i = 0; i < c->nconsts; i++)
        if (GS_KIND(c->consts[i]) == GS_K_CODE && strcmp(((gs_Code *)c->consts[i])->name->data, name) == 0)
            return (gs_Code *)c->consts[i];
    return NULL;
}

static void module_names_use_name_ops_and_functions_use_fast_locals(void)
{
    gs_VM *vm = new_vm(false);
    gs_Code *c = compile(vm, "x = 1\ndef f(a):\n    b = a\n    return b + x\n");
    CHECK(c && has_op(c, OP_STORE_NAME), "module stores with STORE_NAME");
    gs_Code *f = c ? inner_code(c, "f") : NULL;
    CHECK(f != NULL, "function code is a constant of the module");
    if (f) {
        CHECK(has_op(f, OP_STORE_FAST) && has_op(f, OP_LOAD_FAST), "locals are fast");
        CHECK(has_op(f, OP_LOAD_GLOBAL), "x is a global inside f");
        CHECK(f->argcount == 1 && f->nlocals == 2, "argcount %d nlocals %d", f->argcount, f->nlocals);
        CHECK(strcmp(f->localnames[0]->data, "a") == 0 && strcmp(f->localnames[1]->data, "b") == 0,
              "parameters first, then locals in order");
    }
    gs_vm_free(vm);
}

static void locals_are_numbered_in_cpythons_order(void)
{
    /* CPython numbers non-parameter locals as code generation meets them:
     * the value of an assignment is compiled before its target */
    gs_VM *vm = new_vm(false);
    gs_Code *c = compile(vm, "def g():\n    late = 1\n    early = late\n    z = early\n");
    gs_Code *g = c ? inner_code(c, "g") : NULL;
    CHECK(g && g->nlocals == 3, "three locals");
    if (g && g->nlocals == 3)
        CHECK(strcmp(g->localnames[0]->data, "late") == 0 && strcmp(g->localnames[1]->data, "early") == 0 &&
                  strcmp(g->localnames[2]->data, "z") == 0,
              "order %s %s %s", g->localnames[0]->data, g->localnames[1]->data, g->localnames[2]->data);
    gs_vm_free(vm);
}

static void method_calls_use_load_method_and_constant_tuples_fold(void)
{
    gs_VM *vm = new_vm(false);
    gs_Code *c = compile(vm, "l = []\nl.append(1)\nt = (1, (2, 3))\n");
    CHECK(c && has_op(c, OP_LOAD_METHOD), "obj.m() compiles to LOAD_METHOD");
    CHECK(c && !has_op(c, OP_BUILD_TUPLE), "a tuple of constants is one folded constant");
    bool found = false;
    for (int i = 0; c && i < c->nconsts; i++)
        if (GS_KIND(c->consts[i]) == GS_K_TUPLE && ((gs_Tuple *)c->consts[i])->len == 2)
            found = true;
    CHECK(found, "the folded tuple is in co_consts");
    gs_vm_free(vm);
}

static void closures_make_cells_and_frees(void)
{
    gs_VM *vm = new_vm(false);
    gs_Code *c = compile(vm, "def outer(n):\n    def inner():\n        return n\n    return inner\n");
    gs_Code *o = c ? inner_code(c, "outer") : NULL;
    gs_Code *in = o ? inner_code(o, "inner") : NULL;
    CHECK(o && o->ncells == 1 && o->cell2arg[0] == 0, "n is a cell of outer, starting from argument 0");
    CHECK(in && in->nfrees == 1, "n is free in inner");
    gs_vm_free(vm);
}

static void stack_depth_is_enough_for_nested_calls(void)
{
    gs_VM *vm = new_vm(false);
    gs_Code *c = compile(vm, "print(max(1, 2, min(3, 4, 5)), [1, 2, [3, 4]])\n");
    CHECK(c && c->stacksize >= 8, "stacksize %d", c ? c->stacksize : -1);
    gs_vm_free(vm);
}

static void compile_errors_are_syntax_errors_with_lines(void)
{
    gs_VM *vm = new_vm(false);
    gs_Error err;
    const char *src = "x = 1\nreturn x\n";
    int rc = gs_load_program(vm, "t.py", src, strlen(src), &err);
    CHECK(rc < 0 && err.kind == GS_ERR_SYNTAX, "return outside function fails to compile");
    CHECK(err.text && strstr(err.text, "'return' outside function"), "message: %s", err.text ? err.text : "");
    CHECK(err.line == 2, "line %d", err.line);
    gs_error_clear(&err);
    gs_vm_free(vm);
}

static void lists_hold_one_reference_per_slot(void)
{
    gs_VM *vm = new_vm(false);
    gs_Object *l = gs_list_new(vm, 0);
    gs_Object *item = gs_list_new(vm, 0);
    CHECK(item->refcnt == 1, "new object has one reference");
    gs_list_append(vm, l, item);
    gs_list_append(vm, l, item);
    CHECK(item->refcnt == 3, "two slots + ours: %" PRIdPTR, item->refcnt);
    gs_list_delitem(vm, l, 0);
    CHECK(item->refcnt == 2, "delitem drops one");
    gs_Object *p = gs_list_pop(vm, l, -1);
    CHECK(p == item && item->refcnt == 2, "pop hands the slot's reference to the caller");
    gs_decref(vm, p);
    gs_decref(vm, l);
    CHECK(item->refcnt == 1, "freeing the list released nothing more");
    gs_decref(vm, item);
    gs_vm_free(vm);
}

static void dicts_keep_insertion_order_through_deletes(void)
{
    gs_VM *vm = new_vm(false);
    gs_Object *d = gs_dict_new(vm);
    const char *keys[] = { "b", "a", "c", "d" };
    for (int i = 0; i < 4; i++) {
        gs_Object *k = gs_str_from_cstr(vm, keys[i]);
        gs_Object *v = gs_int_new(vm, i);
        gs_dict_set(vm, d, k, v);
        gs_decref(vm, k);
        gs_decref(vm, v);
    }
    gs_Object *ka = gs_str_from_cstr(vm, "a");
    gs_dict_del(vm, d, ka);
    gs_dict_set(vm, d, ka, vm->none);
    gs_decref(vm, ka);
    gs_Object *r = gs_repr(vm, d);
    CHECK(r && strcmp(((gs_Str *)r)->data, "{'b': 0, 'c': 2, 'd': 3, 'a': None}") == 0, "repr %s",
          r ? ((gs_Str *)r)->data : "");
    gs_xdecref(vm, r);
    /* many keys force resizes */
    for (int i = 0; i < 1000; i++) {
        gs_Object *k = gs_int_new(vm, i * 7919);
        gs_dict_set(vm, d, k, k);
        gs_decref(vm, k);
    }
    CHECK(((gs_Dict *)d)->t.used == 1004, "size after resizes %d", ((gs_Dict *)d)->t.used);
    gs_Object *k = gs_int_new(vm, 500 * 7919);
    gs_Object *got = gs_dict_get(vm, d, k);
    CHECK(got && ((gs_Int *)got)->value == 500 * 7919, "lookup after resizes");
    gs_decref(vm, k);
    gs_decref(vm, d);
    gs_vm_free(vm);
}

static void reprs_follow_cpython(void)
{
    gs_VM *vm = new_vm(false);
    struct {
        const char *src, *want;
    } cases[] = {
        { "print(repr(\"it's\"), repr('a\"b'), repr('both\\'\"'))", "\"it's\" 'a\"b' 'both\\'\"'\n" },
        { "print(repr('\\n\\t\\x00\\x7f'), repr('é'), repr('\\xa0'))", "'\\n\\t\\x00\\x7f' 'é' '\\xa0'\n" },
        { "l = [1]\nl.append(l)\nd = {}\nd['k'] = d\nprint(l, d)", "[1, [...]] {'k': {...}}\n" },
        { "print((1,), (), [], {}, set(), (1, 'a'))", "(1,) () [] {} set() (1, 'a')\n" },
        { "print(0.1, 1.0, 1e16, 1.5e-07, 123456789.0, -0.0, 2.5e+20)", "0.1 1.0 1e+16 1.5e-07 123456789.0 -0.0 2.5e+20\n" },
        { "print(7 // -2, 7 % -2, -7 // 2, 2 ** 62, 10 ** 18)", "-4 -1 -4 4611686018427387904 1000000000000000000\n" },
        { "print(f'{42:>5}|{\"ab\":<4}|{7:03d}|{255:x}|{1234567:,}')", "   42|ab  |007|ff|1,234,567\n" },
        { "print(type([]), type(None), int, range(3), range(1, 9, 2))",
          "<class 'list'> <class 'NoneType'> <class 'int'> range(0, 3) range(1, 9, 2)\n" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gs_VM *v = new_vm(false);
        gs_Error err;
        if (gs_load_program(v, "t.py", cases[i].src, strlen(cases[i].src), &err) == 0) {
            gs_RunStatus st = gs_vm_run(v, 0, &err);
            CHECK(st == GS_RUN_DONE, "case %zu ran: %s", i, err.text ? err.text : "");
        }
        CHECK(strcmp(outbuf, cases[i].want) == 0, "case %zu: got %s want %s", i, outbuf, cases[i].want);
        gs_error_clear(&err);
        gs_vm_free(v);
    }
    gs_vm_free(vm);
}

static void int_overflow_goes_on_past_64_bits(void)
{
    gs_VM *vm = new_vm(false);
    gs_Error err;
    const char *src = "x = 2 ** 62\ny = x * 4\nif str(y) != '18446744073709551616': raise ValueError(str(y))\n"
                      "if y // 4 - x != 0 or hash(y) != 8 or -y >= -x: raise ValueError('arith')\n";
    gs_load_program(vm, "t.py", src, strlen(src), &err);
    gs_RunStatus st = gs_vm_run(vm, 0, &err);
    CHECK(st == GS_RUN_DONE, "2**64 computed exactly: %s %s", err.type_name, err.text ? err.text : "");
    gs_error_clear(&err);
    gs_vm_free(vm);
}

static void recording_logs_refcount_changes_with_causes(void)
{
    gs_VM *vm = new_vm(true);
    gs_Error err;
    const char *src = "a = [1, 2]\nb = a\ndel b\n";
    gs_load_program(vm, "t.py", src, strlen(src), &err);
    CHECK(gs_vm_run(vm, 0, &err) == GS_RUN_DONE, "ran");
    size_t allocs = 0, increfs = 0, lines = 0;
    for (size_t i = 0; i < vm->trace.n; i++) {
        const gs_Event e_ = gs_trace_get(&vm->trace, i), *e = &e_;
        if (e->kind == GS_EV_ALLOC && e->a && strcmp(gs_trace_string_at(&vm->trace, e->a, NULL), "list") == 0)
            allocs++;
        if (e->kind == GS_EV_INCREF && e->a == 2)
            increfs++;
        if (e->kind == GS_EV_LINE)
            lines++;
    }
    CHECK(allocs == 1, "one list allocated (%zu)", allocs);
    CHECK(increfs >= 1, "b = a took a second reference");
    CHECK(lines == 3, "three line events (%zu)", lines);
    CHECK(sizeof(gs_Event) <= 32, "an event is at most 32 bytes (%zu)", sizeof(gs_Event));
    gs_error_clear(&err);
    gs_vm_free(vm);
}

static void a_budget_pauses_and_resumes_a_run(void)
{
    gs_VM *vm = new_vm(true);
    gs_Error err;
    const char *src = "t = 0\nfor i in range(2000):\n    t += i\nprint(t)\n";
    gs_load_program(vm, "t.py", src, strlen(src), &err);
    int pauses = 0;
    gs_RunStatus st;
    while ((st = gs_vm_run(vm, 500, &err)) == GS_RUN_PAUSED)
        pauses++;
    CHECK(st == GS_RUN_DONE, "finished");
    CHECK(pauses > 5, "paused %d times", pauses);
    CHECK(strcmp(outbuf, "1999000\n") == 0, "same output: %s", outbuf);
    gs_error_clear(&err);
    gs_vm_free(vm);
}

static void max_events_stops_a_runaway_loop(void)
{
    gs_VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.max_events = 10000;
    gs_VM *vm = gs_vm_new(&cfg);
    gs_Error err;
    const char *src = "while True:\n    x = [1]\n";
    gs_load_program(vm, "t.py", src, strlen(src), &err);
    CHECK(gs_vm_run(vm, 0, &err) == GS_RUN_LIMIT, "limit hit");
    CHECK(err.kind == GS_ERR_LIMIT && err.text && strstr(err.text, "10000"), "message names the limit");
    gs_error_clear(&err);
    gs_vm_free(vm);
}

int main(void)
{
    module_names_use_name_ops_and_functions_use_fast_locals();
    locals_are_numbered_in_cpythons_order();
    method_calls_use_load_method_and_constant_tuples_fold();
    closures_make_cells_and_frees();
    stack_depth_is_enough_for_nested_calls();
    compile_errors_are_syntax_errors_with_lines();
    lists_hold_one_reference_per_slot();
    dicts_keep_insertion_order_through_deletes();
    reprs_follow_cpython();
    int_overflow_goes_on_past_64_bits();
    recording_logs_refcount_changes_with_causes();
    a_budget_pauses_and_resumes_a_run();
    max_events_stops_a_runaway_loop();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
