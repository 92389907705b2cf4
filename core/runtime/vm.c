/*
 * vm.c — the evaluation loop, calls and frames, start-up and shut-down of a
 * VM, and the refcount check.  (Raising and traceback text: exceptions.c.)
 *
 * Reference discipline is CPython 3.11's, instruction by instruction:
 *   - LOAD_* pushes a new reference; STORE_* moves the stack's reference
 *     into the name or slot (no count change), dropping the old one;
 *   - a call moves the arguments and the function from the caller's stack
 *     into the callee's frame; a built-in call borrows them and drops them
 *     after it returns;
 *   - returning clears the frame's locals in slot order, then the function.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/resource.h>

#include "runtime.h"
#include "opcodes.h"

#define GS_STACK_SLOTS (1u << 22)   /* 4M value-stack slots shared by all frames */

/* ================================================================== frames */

static gs_Frame *frame_alloc(gs_VM *vm)
{
    gs_Frame *f = vm->frames_free;
    if (f) {
        vm->frames_free = f->back;
        return f;
    }
    return malloc(sizeof(gs_Frame));
}

static void frame_release(gs_VM *vm, gs_Frame *f)
{
    f->back = vm->frames_free;
    vm->frames_free = f;
}

/* ------------------------------------------------------------------ quickening
 * What CPython 3.11's specializing interpreter changes in what gets
 * allocated (gc.get_count() and the timing of automatic collections see
 * it).  A code object warms up on every RESUME (a call, a generator
 * resuming) and every JUMP_BACKWARD; on the 8th it is quickened, and from
 * then on an adaptive instruction specializes the first time it runs:
 *   UNPACK_SEQUENCE of a tuple or a list of the right length stops making
 *     the iterator the generic instruction makes;
 *   CALL of str with one argument (PRECALL_NO_KW_STR_1) stops packing the
 *     argument in a tuple.
 * A specialized instruction given something else falls back to the generic
 * path (a miss); after 53 misses it specializes again. */
enum { SPEC_ADAPTIVE, SPEC_NONE, SPEC_UNPACK_TUPLE, SPEC_UNPACK_LIST, SPEC_CALL_STR_1 };
enum { SPEC_MISSES = 53 };

static void code_warmup(gs_Code *co)
{
    /* per instruction [4i] its specialization, [4i + 1] misses or backoff,
     * [4i + 2], [4i + 3] a counter; NULL: never quickened */
    if (co->warmup < GS_QUICKEN_WARMUP && ++co->warmup == GS_QUICKEN_WARMUP && co->nops > 0)
        co->spec = calloc((size_t)co->nops, 4);
}

/* The specialization of instruction i for a value of kind `want`: true if
 * the specialized path runs, false for the generic one. */
static bool code_specialized(gs_Code *co, int32_t i, int want, bool fits)
{
    if (!co->spec)
        return false;
    uint8_t *st = &co->spec[4 * i];
    if (st[0] == SPEC_ADAPTIVE) {
        st[0] = fits ? (uint8_t)want : SPEC_NONE;
        st[1] = 0;
        return fits;
    }
    if (st[0] == want && fits)
        return true;
    if (st[0] != SPEC_NONE && ++st[1] >= SPEC_MISSES)
        st[0] = SPEC_ADAPTIVE; /* deoptimized: the next run specializes again */
    return false;
}

/* BINARY_OP, exactly as CPython 3.11 adapts it, for the one specialization
 * that allocates differently: BINARY_OP_INPLACE_ADD_UNICODE, chosen when
 * `s = s + t` or `s += t` on a local str is specialized, grows the string
 * in place when nothing else refers to it.  Tracking the others (int,
 * float, str) matters for when that one is chosen: the first run after
 * quickening specializes for the operands it sees; a specialized
 * instruction given other operands misses, and after 53 misses adapts
 * again after 31 more runs; a failed attempt backs off (1, 3, 7 ... runs);
 * operators other than +, - and * stay generic for good. */
enum {
    BIN_ADAPTIVE, BIN_GENERIC, BIN_FAILED, BIN_ADD_INT, BIN_ADD_FLOAT, BIN_ADD_UNICODE, BIN_INPLACE_ADD_UNICODE,
    BIN_SUB_INT, BIN_SUB_FLOAT, BIN_MUL_INT, BIN_MUL_FLOAT
};

/* The local a specialized `+` stores to (STORE_FAST right after it, with
 * no EXTENDED_ARG: locals 0..255), or -1. */
static int binop_store_target(gs_Code *co, int32_t i)
{
    if (i + 1 >= co->nops || GS_OPCODE(co->ops[i + 1]) != OP_STORE_FAST || GS_OPARG(co->ops[i + 1]) > 255)
        return -1;
    return (int)GS_OPARG(co->ops[i + 1]);
}

/* What _Py_Specialize_BinaryOp makes of these operands. */
static int binop_specialize(gs_VM *vm, gs_Code *co, int32_t i, int arg, gs_Object *a, gs_Object *b, gs_Object **L)
{
    int op = arg & 0x7f;
    if (op != GS_OP_ADD && op != GS_OP_SUB && op != GS_OP_MUL)
        return BIN_GENERIC;
    if (a->type != b->type)
        return BIN_FAILED;
    bool is_int = a->type == vm->t_int, is_float = a->type == vm->t_float;
    if (op == GS_OP_ADD && a->type == vm->t_str) {
        int t = binop_store_target(co, i);
        return t >= 0 && L[t] == a ? BIN_INPLACE_ADD_UNICODE : BIN_ADD_UNICODE;
    }
    if (!is_int && !is_float)
        return BIN_FAILED;
    if (op == GS_OP_ADD)
        return is_int ? BIN_ADD_INT : BIN_ADD_FLOAT;
    if (op == GS_OP_SUB)
        return is_int ? BIN_SUB_INT : BIN_SUB_FLOAT;
    return is_int ? BIN_MUL_INT : BIN_MUL_FLOAT;
}

/* Whether a specialized instruction takes these operands (its DEOPT_IFs). */
static bool binop_hits(gs_VM *vm, gs_Code *co, int32_t i, int kind, gs_Object *a, gs_Object *b, gs_Object **L)
{
    if (a->type != b->type)
        return false;
    switch (kind) {
    case BIN_ADD_INT: case BIN_SUB_INT: case BIN_MUL_INT: return a->type == vm->t_int;
    case BIN_ADD_FLOAT: case BIN_SUB_FLOAT: case BIN_MUL_FLOAT: return a->type == vm->t_float;
    case BIN_ADD_UNICODE: return a->type == vm->t_str;
    case BIN_INPLACE_ADD_UNICODE: return a->type == vm->t_str && L[binop_store_target(co, i)] == a;
    default: return false;
    }
}

/* The form of BINARY_OP instruction i that runs now on a and b (BIN_GENERIC
 * for the generic one), updating its adaptive state. */
static int binop_form(gs_VM *vm, gs_Code *co, int32_t i, int arg, gs_Object *a, gs_Object *b, gs_Object **L)
{
    if (!co->spec)
        return BIN_GENERIC;
    uint8_t *st = &co->spec[4 * i];
    unsigned counter = (unsigned)st[2] | (unsigned)st[3] << 8;
    int form = BIN_GENERIC;
    if (st[0] == BIN_GENERIC)
        return BIN_GENERIC;
    if (st[0] == BIN_ADAPTIVE || st[0] == BIN_FAILED) {
        if (counter > 0) {
            counter--; /* deferred */
        } else {
            int k = binop_specialize(vm, co, i, arg, a, b, L);
            if (k == BIN_GENERIC) {
                st[0] = BIN_GENERIC;
                return BIN_GENERIC;
            }
            if (k == BIN_FAILED) {
                st[1] = (uint8_t)(st[1] < 12 ? st[1] + 1 : 12); /* backoff */
                counter = (1u << st[1]) - 1;
            } else {
                counter = 53; /* misses before it adapts again */
                form = k;
            }
            st[0] = (uint8_t)(k == BIN_FAILED ? BIN_ADAPTIVE : k);
        }
    } else if (binop_hits(vm, co, i, st[0], a, b, L)) {
        form = st[0];
    } else if (--counter == 0) {
        st[0] = BIN_ADAPTIVE; /* deoptimized: adaptive again, 31 runs from now */
        st[1] = 5;
        counter = 31;
    }
    st[2] = (uint8_t)counter;
    st[3] = (uint8_t)(counter >> 8);
    return form;
}

/* Push a frame for `code` on top of vm->frame, with its slots on the value
 * stack.  Slots start empty.  Returns NULL with RecursionError/MemoryError. */
static gs_Frame *frame_push(gs_VM *vm, gs_Code *code, gs_Function *func, gs_Object *globals, gs_Object *locals)
{
    if (vm->depth + vm->c_levels >= vm->recursion_limit) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    gs_Object **base = vm->frame ? vm->frame->sp : vm->stack;
    int32_t nlp = code->nlocals + code->ncells + code->nfrees;
    if (base + nlp + code->stacksize + 8 > vm->stack_end) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    gs_Frame *f = frame_alloc(vm);
    if (!f) {
        gs_raise_memory(vm);
        return NULL;
    }
    if (!(code->flags & GS_CO_GENERATOR))
        code_warmup(code); /* its RESUME (a generator's runs when it is resumed) */
    f->code = code;
    f->func = func;
    f->globals = globals;
    f->locals = locals;
    f->localsplus = base;
    f->nlocalsplus = nlp;
    for (int32_t i = 0; i < nlp; i++)
        base[i] = NULL;
    f->sp = base + nlp;
    f->ip = 0;
    f->lasti = -1;
    f->back = vm->frame;
    f->id = ++vm->next_frame_id;
    f->lastline = -1;
    f->is_entry = 0;
    f->owns_locals = 0;
    f->class_body = 0;
    f->frame_obj = NULL;
    f->locals_dict = NULL;
    f->gen = NULL;
    f->kwnames = NULL;
    f->nblocks = 0;
    vm->frame = f;
    vm->depth++;
    vm->cur_frame_id = f->id;
    if (vm->recording) {
        gs_record(vm, GS_EV_FRAME_PUSH, 0, f->id, gs_trace_name(vm, code->qualname), f->back ? f->back->id : 0,
                  locals ? locals->id : func ? func->ob.id : globals->id); /* c: a module or class body's namespace */
        if (func && locals && locals != globals) { /* a function run with a namespace of its own: a class body */
            gs_trace_last(&vm->trace)->flags = GS_FRAME_CLASS_BODY;
            f->class_body = 1;
        }
    }
    /* a module or class body's frame holds its namespace (f_locals) */
    f->owns_locals = locals != NULL;
    if (locals)
        gs_incref_c(vm, locals, GS_CAUSE(GS_CAUSE_INTERNAL, f->id, 1));
    return f;
}

/* Drop everything a frame holds, in CPython's order: locals in slot order
 * (parameters first), the value stack, then the function. */
static void frame_drop_locals(gs_VM *vm, gs_Frame *f)
{
    gs_Object *l = f->owns_locals ? f->locals : NULL;
    f->owns_locals = 0;
    if (l)
        gs_decref_c(vm, l, GS_CAUSE(GS_CAUSE_INTERNAL, f->id, 1));
}

static void frame_clear(gs_VM *vm, gs_Frame *f)
{
    if (f->frame_obj && gs_frame_detach(vm, f, true)) {
        frame_drop_locals(vm, f);
        return; /* its object keeps the slots now */
    }
    for (int32_t i = 0; i < f->nlocalsplus; i++) {
        gs_Object *v = f->localsplus[i];
        if (!v)
            continue;
        f->localsplus[i] = NULL;
        uint32_t nm = 0;
        if (vm->recording) {
            nm = gs_trace_name(vm, f->code->localnames[i]);
            gs_record(vm, GS_EV_UNBIND, 0, f->id, v->id, 0, nm);
        }
        gs_decref_c(vm, v, GS_CAUSE(GS_CAUSE_NAME, f->id, nm));
    }
    for (gs_Object **p = f->localsplus + f->nlocalsplus; p < f->sp; p++)
        if (*p)
            gs_decref(vm, *p);
    f->sp = f->localsplus + f->nlocalsplus;
    frame_drop_locals(vm, f);
    gs_frame_locals_release(vm, f); /* _PyFrame_Clear: f_locals after the slots, before the function */
    if (f->func) {
        gs_Function *fn = f->func;
        f->func = NULL;
        gs_decref_c(vm, &fn->ob, GS_CAUSE(GS_CAUSE_INTERNAL, f->id, 0));
    }
    /* clearing may have run code (a __del__, a generator's close) that asked
     * for this frame's object as its f_back: let it go or keep it now */
    if (f->frame_obj)
        gs_frame_detach(vm, f, true);
}

static void frame_pop(gs_VM *vm, gs_Frame *f)
{
    if (vm->recording) {
        gs_record(vm, GS_EV_FRAME_POP, 0, f->id, gs_trace_name(vm, f->code->qualname), f->back ? f->back->id : 0, 0);
        if (f->class_body && vm->trace.n && !vm->trace_overflow) /* a class body, as its push says */
            gs_trace_last(&vm->trace)->flags = GS_FRAME_CLASS_BODY;
    }
    vm->frame = f->back;
    vm->depth--;
    gs_vm_follow_frame(vm); /* the caller's line again */
    if (!f->gen)
        frame_release(vm, f); /* a generator owns its frame struct */
}


/* ------------------------------------------------------------------ argument binding */

static const char *fname(gs_Function *f) { return f->qualname->data; }

static void missing_args(gs_VM *vm, gs_Function *func, gs_Frame *f, int from, int to, bool kwonly)
{
    gs_Code *co = func->code;
    int names[256];
    int n = 0;
    for (int i = from; i < to && n < 256; i++)
        if (!f->localsplus[i])
            names[n++] = i;
    gs_Buf b;
    gs_buf_init(&b);
    for (int i = 0; i < n; i++) {
        gs_buf_printf(&b, "'%s'", co->localnames[names[i]]->data);
        if (n == 2 && i == 0)
            gs_buf_adds(&b, " and ");
        else if (n > 2 && i < n - 2)
            gs_buf_adds(&b, ", ");
        else if (n > 2 && i == n - 2)
            gs_buf_adds(&b, ", and ");
    }
    gs_raise(vm, vm->e_TypeError, "%s() missing %d required %s argument%s: %s", fname(func), n,
             kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", b.data ? b.data : "");
    gs_buf_free(&b);
}

/* Move args (stolen references) into the new frame's slots. On error, every
 * argument has been released. */
static int bind_args(gs_VM *vm, gs_Function *func, gs_Frame *f, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    gs_Code *co = func->code;
    int nkw = kwnames ? kwnames->len : 0;
    int npos = nargs - nkw;
    int argcount = co->argcount;
    gs_Object **L = f->localsplus;
    int total = argcount + co->kwonlycount;
    int varargs_ix = (co->flags & GS_CO_VARARGS) ? total : -1;
    int varkw_ix = (co->flags & GS_CO_VARKW) ? total + (varargs_ix >= 0) : -1;
    gs_Object *kwdict = NULL;
    bool bound = false; /* BIND events recorded for the locals */
    if (varkw_ix >= 0) {
        kwdict = gs_dict_new(vm);
        if (!kwdict)
            goto fail_all;
        L[varkw_ix] = kwdict;
    }
    int i;
    int ncopy = npos < argcount ? npos : argcount;
    for (i = 0; i < ncopy; i++) {
        L[i] = args[i];
        args[i] = NULL;
    }
    if (varargs_ix >= 0) {
        int extra = npos - ncopy;
        gs_Object *t = gs_tuple_new(vm, extra > 0 ? extra : 0);
        if (!t)
            goto fail_all;
        for (int j = 0; j < extra; j++) {
            gs_tuple_init(vm, t, j, args[ncopy + j]);
            args[ncopy + j] = NULL;
        }
        L[varargs_ix] = t;
    } else if (npos > argcount) {
        int ndef = func->defaults ? func->defaults->len : 0;
        int kwgiven = 0;
        for (int k = 0; k < nkw; k++) {
            gs_Str *kn = (gs_Str *)kwnames->items[k];
            for (int j = argcount; j < total; j++)
                if (gs_str_eq(co->localnames[j], kn))
                    kwgiven++;
        }
        char kwpart[128] = "";
        if (kwgiven)
            snprintf(kwpart, sizeof kwpart, " positional argument%s (and %d keyword-only argument%s)",
                     npos == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
        if (ndef)
            gs_raise(vm, vm->e_TypeError, "%s() takes from %d to %d positional arguments but %d %s given",
                     fname(func), argcount - ndef, argcount, npos, (npos == 1 && !kwgiven) ? "was" : "were");
        else if (kwgiven)
            gs_raise(vm, vm->e_TypeError, "%s() takes %d positional argument%s but %d%s were given", fname(func),
                     argcount, argcount == 1 ? "" : "s", npos, kwpart);
        else
            gs_raise(vm, vm->e_TypeError, "%s() takes %d positional argument%s but %d %s given", fname(func),
                     argcount, argcount == 1 ? "" : "s", npos, npos == 1 ? "was" : "were");
        goto fail_all;
    }
    for (int k = 0; k < nkw; k++) {
        gs_Str *kn = (gs_Str *)kwnames->items[k];
        gs_Object *v = args[npos + k];
        int j;
        for (j = co->posonlyargcount; j < total; j++) /* a positional-only name is not a keyword */
            if (co->localnames[j] == kn || gs_str_eq(co->localnames[j], kn))
                break;
        if (j < total) {
            if (L[j]) {
                gs_raise(vm, vm->e_TypeError, "%s() got multiple values for argument '%s'", fname(func), kn->data);
                goto fail_all;
            }
            L[j] = v;
            args[npos + k] = NULL;
            continue;
        }
        if (kwdict) {
            if (gs_dict_set(vm, kwdict, &kn->ob, v) < 0)
                goto fail_all;
            gs_decref(vm, v);
            args[npos + k] = NULL;
            continue;
        }
        /* positional_only_passed_as_keyword: every such name, in the call's order */
        gs_Buf names;
        gs_buf_init(&names);
        for (int q = 0; q < nkw; q++)
            for (int p = 0; p < co->posonlyargcount; p++)
                if (gs_str_eq(co->localnames[p], (gs_Str *)kwnames->items[q]))
                    gs_buf_printf(&names, "%s%s", names.len ? ", " : "", ((gs_Str *)kwnames->items[q])->data);
        if (names.len)
            gs_raise(vm, vm->e_TypeError,
                     "%s() got some positional-only arguments passed as keyword arguments: '%s'", fname(func),
                     names.data);
        else
            gs_raise(vm, vm->e_TypeError, "%s() got an unexpected keyword argument '%s'", fname(func), kn->data);
        gs_buf_free(&names);
        goto fail_all;
    }
    /* defaults for missing positional parameters */
    if (npos < argcount) {
        int ndef = func->defaults ? func->defaults->len : 0;
        int first_def = argcount - ndef;
        for (i = npos; i < argcount; i++) {
            if (L[i])
                continue;
            if (i >= first_def) {
                gs_Object *d = func->defaults->items[i - first_def];
                gs_incref(vm, d);
                L[i] = d;
            }
        }
        for (i = 0; i < argcount; i++)
            if (!L[i]) {
                missing_args(vm, func, f, 0, argcount, false);
                goto fail_all;
            }
    }
    for (i = argcount; i < total; i++) {
        if (L[i])
            continue;
        gs_Object *d = func->kwdefaults ? gs_dict_get_str(vm, &func->kwdefaults->ob, co->localnames[i]) : NULL;
        if (d) {
            gs_incref(vm, d);
            L[i] = d;
        }
    }
    for (i = argcount; i < total; i++)
        if (!L[i]) {
            missing_args(vm, func, f, argcount, total, true);
            goto fail_all;
        }
    if (vm->recording)
        for (i = 0; i < co->nlocals; i++)
            if (L[i])
                gs_record(vm, GS_EV_BIND, GS_CAUSE_ARG, f->id, 0, L[i]->id, gs_trace_name(vm, co->localnames[i]));
    bound = true;
    /* cells: an argument that is captured moves into its cell (MAKE_CELL) */
    for (i = 0; i < co->ncells; i++) {
        int a = co->cell2arg[i];
        gs_Object *init = a >= 0 ? L[a] : NULL;
        gs_Object *cell = gs_cell_new(vm, init);
        if (!cell)
            goto fail_all;
        if (a >= 0) {
            L[a] = NULL;
            if (vm->recording)
                gs_record(vm, GS_EV_UNBIND, 0, f->id, init->id, 0, gs_trace_name(vm, co->localnames[a]));
            gs_decref(vm, init);
        }
        L[co->nlocals + i] = cell;
        if (vm->recording)
            gs_record(vm, GS_EV_BIND, 0, f->id, 0, cell->id, gs_trace_name(vm, co->localnames[co->nlocals + i]));
    }
    /* free variables: the function's closure cells (COPY_FREE_VARS) */
    for (i = 0; i < co->nfrees; i++) {
        gs_Object *cell = func->closure->items[i];
        gs_incref(vm, cell);
        L[co->nlocals + co->ncells + i] = cell;
        if (vm->recording)
            gs_record(vm, GS_EV_BIND, 0, f->id, 0, cell->id,
                      gs_trace_name(vm, co->localnames[co->nlocals + co->ncells + i]));
    }
    return 0;
fail_all:
    /* the caller's frame_clear unbinds what was moved in: bind it first */
    if (vm->recording && !bound)
        for (i = 0; i < co->nlocals; i++)
            if (L[i])
                gs_record(vm, GS_EV_BIND, GS_CAUSE_ARG, f->id, 0, L[i]->id, gs_trace_name(vm, co->localnames[i]));
    for (i = 0; i < nargs; i++)
        if (args[i]) {
            gs_decref(vm, args[i]);
            args[i] = NULL;
        }
    return -1;
}

/* ================================================================== the loop */

static gs_Object *eval(gs_VM *vm, uint64_t budget, bool *paused);

/* Call a Python function from C: args are borrowed. */
static gs_Object *call_function_from_c(gs_VM *vm, gs_Function *func, gs_Object **args, int nargs, gs_Tuple *kwnames,
                                       gs_Object *locals)
{
    gs_Code *co = func->code;
    gs_incref_c(vm, &func->ob, GS_CAUSE(GS_CAUSE_INTERNAL, 0, 0));
    gs_Frame *f = frame_push(vm, co, func, &func->globals->ob, locals);
    if (!f) {
        gs_decref(vm, func);
        return NULL;
    }
    f->is_entry = 1;
    if (!(co->flags & GS_CO_OPTIMIZED)) {
        /* class body: runs in its namespace; its cell (__class__, for the
         * methods that use super) made empty (MAKE_CELL); free variables
         * from the closure */
        for (int i = 0; i < co->ncells; i++) {
            gs_Object *cell = gs_cell_new(vm, NULL);
            if (!cell) {
                frame_clear(vm, f);
                frame_pop(vm, f);
                return NULL;
            }
            f->localsplus[co->nlocals + i] = cell;
            if (vm->recording)
                gs_record(vm, GS_EV_BIND, 0, f->id, 0, cell->id, gs_trace_name(vm, co->localnames[co->nlocals + i]));
        }
        for (int i = 0; i < co->nfrees; i++) {
            gs_Object *cell = func->closure->items[i];
            gs_incref(vm, cell);
            f->localsplus[co->nlocals + co->ncells + i] = cell;
            if (vm->recording)
                gs_record(vm, GS_EV_BIND, 0, f->id, 0, cell->id,
                          gs_trace_name(vm, co->localnames[co->nlocals + co->ncells + i]));
        }
    } else {
        gs_Object *tmp[nargs > 0 ? nargs : 1];
        for (int i = 0; i < nargs; i++) {
            tmp[i] = args[i];
            gs_incref_c(vm, args[i], GS_CAUSE(GS_CAUSE_ARG, f->id, 0));
        }
        if (bind_args(vm, func, f, tmp, nargs, kwnames) < 0) {
            frame_clear(vm, f);
            frame_pop(vm, f);
            return NULL;
        }
    }
    if (co->flags & GS_CO_GENERATOR) {
        return gs_gen_new(vm, f);
    }
    vm->c_depth++;
    bool paused = false;
    gs_Object *r = eval(vm, 0, &paused);
    vm->c_depth--;
    return r;
}

/* Whether the C stack is nearly used up: Python code called from C (a key
 * function, an lru_cache wrapper, __eq__ from a dict lookup) nests C
 * frames, which the recursion limit counts but does not bound in bytes
 * (a sanitizer's frames are several times larger). */
bool gs_c_stack_low(gs_VM *vm)
{
    char here;
    uintptr_t cur = (uintptr_t)&here;
    return vm->c_stack_base && cur < vm->c_stack_base && vm->c_stack_base - cur > vm->c_stack_room;
}

gs_Object *gs_call_object(gs_VM *vm, gs_Object *callable, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    if (gs_c_stack_low(vm)) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return NULL;
    }
    if (GS_KIND(callable) == GS_K_FUNCTION)
        return call_function_from_c(vm, (gs_Function *)callable, args, nargs, kwnames, NULL);
    if (GS_KIND(callable) == GS_K_METHOD) {
        gs_Method *m = (gs_Method *)callable;
        gs_Object *tmp[nargs + 1];
        tmp[0] = m->self;
        for (int i = 0; i < nargs; i++)
            tmp[i + 1] = args[i];
        return gs_call_object(vm, m->func, tmp, nargs + 1, kwnames);
    }
    return gs_call(vm, callable, args, nargs, kwnames);
}

/* exec()/eval(): a code object run in a frame of its own with the given
 * namespaces (borrowed: the caller holds them, and the code) */
gs_Object *gs_vm_run_code(gs_VM *vm, gs_Code *code, gs_Object *globals, gs_Object *locals)
{
    if (gs_c_stack_low(vm) || vm->depth + vm->c_levels >= vm->recursion_limit) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    gs_Frame *f = frame_push(vm, code, NULL, globals, locals);
    if (!f)
        return NULL;
    f->is_entry = 1;
    vm->c_depth++;
    bool paused = false;
    gs_Object *r = eval(vm, 0, &paused);
    vm->c_depth--;
    return r;
}

gs_Object *gs_vm_run_class_body(gs_VM *vm, gs_Object *func, gs_Object *ns)
{
    return call_function_from_c(vm, (gs_Function *)func, NULL, 0, NULL, ns);
}

/* A generator resumes its saved frame on top of the current one. */
gs_Object *gs_vm_resume_frame(gs_VM *vm, gs_Frame *f)
{
    if (vm->depth + vm->c_levels >= vm->recursion_limit) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    if (!vm->resume_throw)
        code_warmup(f->code); /* RESUME after the yield (a throw goes straight to the handler) */
    f->back = vm->frame;
    f->is_entry = 1;
    vm->frame = f;
    vm->depth++;
    vm->cur_frame_id = f->id;
    if (vm->recording) /* a suspended frame back on the stack (the caller's doing: the caller's line) */
        gs_record(vm, GS_EV_FRAME_PUSH, 1, f->id, gs_trace_name(vm, f->code->qualname), f->back ? f->back->id : 0,
                  f->func ? f->func->ob.id : 0);
    gs_vm_follow_frame(vm); /* it goes on from the line it yielded on */
    vm->c_depth++;
    bool paused = false;
    gs_Object *r = eval(vm, 0, &paused);
    vm->c_depth--;
    return r;
}

/* Resume a suspended frame with vm->exc raised at its yield (gen.throw). */
gs_Object *gs_vm_resume_frame_throw(gs_VM *vm, gs_Frame *f)
{
    vm->resume_throw = true;
    return gs_vm_resume_frame(vm, f);
}

static gs_Object *make_function(gs_VM *vm, gs_Code *code, gs_Object *globals)
{
    gs_Function *fn = (gs_Function *)gs_alloc(vm, vm->t_function, sizeof(gs_Function));
    if (!fn)
        return NULL;
    memset((char *)fn + sizeof(gs_Object), 0, sizeof(gs_Function) - sizeof(gs_Object));
    fn->code = code;
    gs_incref_c(vm, &code->ob, GS_CAUSE(GS_CAUSE_INTERNAL, fn->ob.id, 0));
    fn->globals = (gs_Dict *)globals;
    gs_incref_c(vm, globals, GS_CAUSE(GS_CAUSE_INTERNAL, fn->ob.id, 1));
    fn->name = code->name;
    gs_incref(vm, fn->name);
    fn->qualname = code->qualname;
    gs_incref(vm, fn->qualname);
    gs_record_alloc(vm, &fn->ob);
    gs_record_fields(vm, &fn->ob); /* code, globals, name, qualname */
    gs_gc_track(vm, &fn->ob);
    return &fn->ob;
}

static gs_Object *load_global(gs_VM *vm, gs_Frame *f, gs_Str *name)
{
    gs_Object *v = gs_dict_get_str(vm, f->globals, name);
    if (!v)
        v = gs_dict_get_str(vm, vm->builtins, name);
    if (!v) {
        gs_raise_name_error(vm, f, name, true);
        return NULL;
    }
    gs_incref(vm, v);
    return v;
}

static void unbound_local(gs_VM *vm, gs_Frame *f, int ix)
{
    gs_Code *co = f->code;
    if (ix < co->nlocals + co->ncells)
        gs_raise(vm, vm->e_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                 co->localnames[ix]->data);
    else {
        gs_raise(vm, vm->e_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                 co->localnames[ix]->data);
        if (vm->exc) {
            gs_Exception *e = (gs_Exception *)vm->exc;
            e->attr_name = (gs_Str *)gs_newref(vm, &co->localnames[ix]->ob);
            e->suggestion = gs_name_error_suggestion(vm, f, co->localnames[ix]);
        }
    }
}

static gs_Object *format_value(gs_VM *vm, gs_Object *v, int flags, gs_Object *spec)
{
    gs_Object *conv = NULL;
    switch (flags & GS_FV_MASK) {
    case GS_FV_STR: conv = gs_str(vm, v); break;
    case GS_FV_REPR: conv = gs_repr(vm, v); break;
    case GS_FV_ASCII: conv = gs_ascii(vm, v); break;
    default: conv = gs_newref(vm, v); break;
    }
    if (!conv)
        return NULL;
    gs_Object *r;
    if (spec)
        r = gs_format(vm, conv, spec);
    else if (GS_KIND(conv) == GS_K_STR)
        r = gs_newref(vm, conv);
    else
        r = gs_format(vm, conv, vm->empty_str);
    gs_decref(vm, conv);
    return r;
}

static int unpack(gs_VM *vm, gs_Object *seq, int before, int after, bool star, gs_Object **out)
{
    /* out receives the items in order; the caller pushes them in reverse */
    gs_Kind k = GS_KIND(seq);
    int n = before + after;
    if (!star && (seq->type == vm->t_tuple || seq->type == vm->t_list)) {
        int32_t len = k == GS_K_TUPLE ? ((gs_Tuple *)seq)->len : ((gs_List *)seq)->len;
        gs_Object **items = k == GS_K_TUPLE ? ((gs_Tuple *)seq)->items : ((gs_List *)seq)->items;
        if (len != n) {
            if (len < n)
                gs_raise(vm, vm->e_ValueError, "not enough values to unpack (expected %d, got %d)", n, len);
            else
                gs_raise(vm, vm->e_ValueError, "too many values to unpack (expected %d)", n);
            return -1;
        }
        for (int i = 0; i < n; i++) {
            out[i] = items[i];
            gs_incref(vm, items[i]);
        }
        return 0;
    }
    gs_Object *it = gs_iter(vm, seq);
    if (!it) {
        if (gs_exc_matches(vm, vm->e_TypeError)) {
            gs_clear_exc(vm);
            gs_raise(vm, vm->e_TypeError, "cannot unpack non-iterable %s object", gs_type_name(seq));
        }
        return -1;
    }
    int got = 0;
    for (; got < before; got++) {
        gs_Object *v = gs_next(vm, it);
        if (!v) {
            if (!vm->exc) {
                if (star)
                    gs_raise(vm, vm->e_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                             before + after, got);
                else
                    gs_raise(vm, vm->e_ValueError, "not enough values to unpack (expected %d, got %d)", n, got);
            }
            goto fail;
        }
        out[got] = v;
    }
    if (!star) {
        gs_Object *extra = gs_next(vm, it);
        if (extra) {
            gs_decref(vm, extra);
            gs_raise(vm, vm->e_ValueError, "too many values to unpack (expected %d)", n);
            goto fail;
        }
        if (vm->exc)
            goto fail;
        gs_decref(vm, it);
        return 0;
    }
    gs_Object *rest = gs_list_from_iterable(vm, it);
    if (!rest)
        goto fail;
    gs_List *rl = (gs_List *)rest;
    if (rl->len < after) {
        gs_raise(vm, vm->e_ValueError, "not enough values to unpack (expected at least %d, got %d)", before + after,
                 before + rl->len);
        gs_decref(vm, rest);
        goto fail;
    }
    for (int i = 0; i < after; i++) {
        out[before + 1 + i] = rl->items[rl->len - after + i];
    }
    /* the moved references now belong to out[]: the list shrinks from its end */
    for (int32_t i = rl->len - 1; vm->recording && i >= rl->len - after; i--)
        gs_record(vm, GS_EV_LIST_REMOVE, GS_CAUSE_SLOT, rest->id, rl->items[i]->id, 0, (uint32_t)i);
    rl->len -= after;
    out[before] = rest;
    gs_decref(vm, it);
    return 0;
fail:
    for (int i = 0; i < got; i++)
        gs_decref(vm, out[i]);
    gs_decref(vm, it);
    return -1;
}

/* "__main__.f()" / "print()": how CPython names a callable in call errors. */
static void function_str(gs_Object *f, char *buf, size_t n);

/* {**m} and f(**m) of a mapping that is no dict: d[k] = m[k] for each k of
 * m.keys() (_PyDict_MergeEx; with `callable`, f(**m)'s, a key already in d
 * is an error).  1 done, 0 m has no keys() (no exception), -1 error. */
static int merge_mapping(gs_VM *vm, gs_Object *d, gs_Object *m, gs_Object *callable)
{
    gs_Object *keys = gs_lookup_attr(vm, m, gs_name(vm, "keys"));
    if (!keys)
        return vm->exc ? -1 : 0;
    gs_Object *ks = gs_call_object(vm, keys, NULL, 0, NULL);
    gs_decref(vm, keys);
    gs_Object *it = ks ? gs_iter(vm, ks) : NULL;
    gs_xdecref(vm, ks);
    if (!it)
        return -1;
    gs_Object *k;
    int r = 1;
    while (r > 0 && (k = gs_next(vm, it)) != NULL) {
        if (callable && gs_dict_get(vm, d, k)) {
            char fs[160];
            function_str(callable, fs, sizeof fs);
            gs_raise(vm, vm->e_TypeError, "%s got multiple values for keyword argument '%s'", fs,
                     GS_KIND(k) == GS_K_STR ? ((gs_Str *)k)->data : "?");
            r = -1;
        }
        gs_Object *x = r > 0 ? gs_getitem(vm, m, k) : NULL;
        if (r > 0 && (!x || gs_dict_set(vm, d, k, x) < 0))
            r = -1;
        gs_xdecref(vm, x);
        gs_decref(vm, k);
    }
    gs_decref(vm, it);
    return r < 0 || vm->exc ? -1 : 1;
}

static void function_str(gs_Object *f, char *buf, size_t n)
{
    if (GS_KIND(f) == GS_K_METHOD)
        f = ((gs_Method *)f)->func;
    switch (GS_KIND(f)) {
    case GS_K_FUNCTION: snprintf(buf, n, "__main__.%s()", ((gs_Function *)f)->qualname->data); break;
    case GS_K_BUILTIN: snprintf(buf, n, "%s()", ((gs_Builtin *)f)->name); break;
    case GS_K_TYPE:
        if (((gs_Type *)f)->flags & GS_TF_HEAP)
            snprintf(buf, n, "__main__.%s()", ((gs_Type *)f)->name->data);
        else
            snprintf(buf, n, "%s()", ((gs_Type *)f)->name->data);
        break;
    default: snprintf(buf, n, "%s object", f->type->name->data); break;
    }
}

static bool exc_match(gs_VM *vm, gs_Object *exc, gs_Object *type, int *err)
{
    *err = 0;
    if (GS_KIND(type) == GS_K_TUPLE) {
        gs_Tuple *t = (gs_Tuple *)type;
        for (int32_t i = 0; i < t->len; i++) {
            bool m = exc_match(vm, exc, t->items[i], err);
            if (*err || m)
                return m;
        }
        return false;
    }
    if (GS_KIND(type) != GS_K_TYPE || !(((gs_Type *)type)->flags & GS_TF_EXC)) {
        gs_raise(vm, vm->e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        *err = 1;
        return false;
    }
    return gs_issubtype(exc->type, (gs_Type *)type);
}

static gs_Object *make_exception(gs_VM *vm, gs_Object *v)
{
    if (GS_KIND(v) == GS_K_TYPE && (((gs_Type *)v)->flags & GS_TF_EXC)) {
        gs_Object *e = gs_call_object(vm, v, NULL, 0, NULL);
        if (e && GS_KIND(e) != GS_K_EXCEPTION) {
            gs_decref(vm, e);
            gs_raise(vm, vm->e_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                     ((gs_Type *)v)->name->data, gs_type_name(e));
            return NULL;
        }
        return e;
    }
    if (GS_KIND(v) == GS_K_EXCEPTION)
        return gs_newref(vm, v);
    gs_raise(vm, vm->e_TypeError, "exceptions must derive from BaseException");
    return NULL;
}


#define GS_PAUSE_MARK ((gs_Object *)1)

/* Run from vm->frame until a frame marked is_entry returns.  Returns its
 * value (new reference), or NULL with vm->exc set.  With a budget (outer
 * loop only) it may stop early: *paused is set and NULL returned. */
static gs_Object *eval(gs_VM *vm, uint64_t budget, bool *paused)
{
    gs_Frame *f = vm->frame;
    gs_Code *co = f->code;
    gs_Object **sp = f->sp;
    gs_Object **L = f->localsplus;
    gs_Object **consts = co->consts;
    gs_Str **names = co->names;
    const uint32_t *ops = co->ops;
    int32_t ip = f->ip;
    uint64_t stop_at = budget ? vm->events + budget : 0;
    uint32_t w;
    int op, arg;
    gs_Object *v, *a, *b, *res;

#define PUSH(x) (*sp++ = (x))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define TEMP GS_CAUSE(GS_CAUSE_TEMP, f->id, 0)
#define INCREF(o) gs_incref_c(vm, (gs_Object *)(o), TEMP)
#define DECREF(o) gs_decref_c(vm, (gs_Object *)(o), TEMP)
#define SYNC() (f->sp = sp, f->ip = ip)
#define RESUME_THROW_CHECK()                                                                                        \
    do {                                                                                                             \
        if (vm->resume_throw) {                                                                                      \
            vm->resume_throw = false;                                                                                \
            goto exception_unwind_tb;                                                                                \
        }                                                                                                            \
    } while (0)
#define LOAD_FRAME()                                                                                                \
    do {                                                                                                             \
        f = vm->frame;                                                                                               \
        co = f->code;                                                                                                \
        sp = f->sp;                                                                                                  \
        L = f->localsplus;                                                                                           \
        consts = co->consts;                                                                                         \
        names = co->names;                                                                                           \
        ops = co->ops;                                                                                               \
        ip = f->ip;                                                                                                  \
    } while (0)

    RESUME_THROW_CHECK(); /* gen.throw(): raise at the yield we stopped on */
    for (;;) {
        int32_t prev = f->lasti;
        f->lasti = ip;
        w = ops[ip++];
        f->sp = sp;
        f->ip = ip;
        /* a loop's head starts its line again when the loop jumps back to
         * it, not when the line's first instructions fall through to it:
         * `for x in xs:` is one line event on entry, as in CPython */
        if (co->linestart[ip - 1] && !(prev == ip - 2 && prev >= 0 && co->lines[prev] == co->lines[ip - 1])) {
            /* pause before the line starts, so resuming records it once.
             * Not once the event limit is hit: the run ends at this line,
             * cutting the trace back to the last whole statement, and a
             * viewer must not have indexed what the cut removes. */
            if (stop_at && vm->events >= stop_at && vm->c_depth <= 1 && !vm->limit_hit) {
                f->ip = ip - 1;
                *paused = true;
                return NULL;
            }
            vm->cur_line = (uint32_t)co->lines[ip - 1];
            f->lastline = (int32_t)vm->cur_line;
            if (vm->recording) {
                /* a line event also tells the collector's counters, so the
                 * viewer can show them at any line */
                gs_record(vm, GS_EV_LINE, vm->gc_enabled, f->id, (uint32_t)vm->gens[0].count,
                          (uint32_t)vm->gens[1].count, (uint32_t)vm->gens[2].count);
                if (vm->trace.n && !vm->trace_overflow) {
                    gs_trace_last(&vm->trace)->flags = (uint16_t)(vm->gens[0].threshold > 65535 ? 65535 : vm->gens[0].threshold);
                    vm->last_line_event = vm->trace.n - 1;
                }
            }
            else if (++vm->events > vm->cfg.max_events && vm->cfg.max_events)
                vm->limit_hit = true; /* a loop that records nothing must still stop */
            /* not once the program is over: code run by the shutdown (a
             * weak reference's callback, a __del__) is called from C at
             * depth 0, whose references the check cannot see */
            if (vm->cfg.check_refcounts && vm->c_depth <= 1 && !vm->check_failure && !vm->finished)
                gs_vm_check_refcounts(vm);
            if (vm->cfg.on_line && vm->c_depth <= 1 && !vm->finished) /* not the shutdown's code either */
                vm->cfg.on_line(vm->cfg.on_line_ctx, vm);
            if (vm->limit_hit) {
                gs_raise(vm, vm->e_MemoryError, "event limit reached");
                goto error;
            }
        }
        op = (int)GS_OPCODE(w);
        arg = (int)GS_OPARG(w);
        switch (op) {
        case OP_NOP:
        case OP_LINE_MARK:
        case OP_MAKE_CELL:
        case OP_COPY_FREE_VARS:
            break;
        case OP_SETUP_ANNOTATIONS: {
            /* a class body with `x: int`: its namespace gets an __annotations__ dict */
            gs_Object *ns = f->locals ? f->locals : f->globals;
            gs_Str *an = gs_name(vm, "__annotations__");
            if (!gs_dict_get_str(vm, ns, an)) {
                gs_Object *d = gs_dict_new(vm);
                if (!d || gs_dict_set_steal(vm, ns, &an->ob, d) < 0)
                    goto error;
            }
            break;
        }
        case OP_POP_TOP:
            v = POP();
            DECREF(v);
            break;
        case OP_PUSH_NULL: PUSH(NULL); break;
        case OP_COPY:
            v = PEEK(arg);
            INCREF(v);
            PUSH(v);
            break;
        case OP_SWAP:
            v = TOP();
            TOP() = PEEK(arg);
            PEEK(arg) = v;
            break;
        case OP_LOAD_CONST:
            v = consts[arg];
            INCREF(v);
            PUSH(v);
            break;
        case OP_LOAD_FAST:
            v = L[arg];
            if (!v) {
                unbound_local(vm, f, arg);
                goto error;
            }
            INCREF(v);
            PUSH(v);
            break;
        case OP_STORE_FAST:
            v = POP();
            a = L[arg];
            L[arg] = v;
            if (vm->recording)
                gs_record(vm, GS_EV_BIND, 0, f->id, a ? a->id : 0, v->id, gs_trace_name(vm, co->localnames[arg]));
            if (a)
                gs_decref_c(vm, a, GS_CAUSE(GS_CAUSE_NAME, f->id, vm->recording ? gs_trace_name(vm, co->localnames[arg]) : 0));
            break;
        case OP_DELETE_FAST:
            a = L[arg];
            if (!a) {
                unbound_local(vm, f, arg);
                goto error;
            }
            L[arg] = NULL;
            if (vm->recording)
                gs_record(vm, GS_EV_UNBIND, 0, f->id, a->id, 0, gs_trace_name(vm, co->localnames[arg]));
            gs_decref_c(vm, a, GS_CAUSE(GS_CAUSE_NAME, f->id, vm->recording ? gs_trace_name(vm, co->localnames[arg]) : 0));
            break;
        case OP_LOAD_NAME: {
            gs_Str *name = names[arg];
            int32_t *hint = &gs_code_hints(co)[ip - 1]; /* for the first namespace looked in */
            if (f->locals) {
                v = gs_dict_get_str_hint(f->locals, name, hint);
                if (!v)
                    v = gs_dict_get_str(vm, f->globals, name);
            } else
                v = gs_dict_get_str_hint(f->globals, name, hint);
            if (!v)
                v = gs_dict_get_str(vm, vm->builtins, name);
            if (!v) {
                gs_raise_name_error(vm, f, name, false);
                goto error;
            }
            INCREF(v);
            PUSH(v);
            break;
        }
        case OP_STORE_NAME:
            v = POP();
            if (gs_dict_set_str_steal_hint(vm, f->locals ? f->locals : f->globals, names[arg], v,
                                           &gs_code_hints(co)[ip - 1]) < 0)
                goto error;
            break;
        case OP_DELETE_NAME: {
            gs_Object *ns = f->locals ? f->locals : f->globals;
            if (!gs_dict_get_str(vm, ns, names[arg])) {
                gs_raise_name_error(vm, f, names[arg], false);
                goto error;
            }
            if (gs_dict_del(vm, ns, &names[arg]->ob) < 0)
                goto error;
            break;
        }
        case OP_LOAD_GLOBAL:
            v = gs_dict_get_str_hint(f->globals, names[arg >> 1], &gs_code_hints(co)[ip - 1]);
            if (v)
                gs_incref(vm, v); /* as load_global does */
            else if (!(v = load_global(vm, f, names[arg >> 1])))
                goto error;
            if (arg & 1)
                PUSH(NULL);
            PUSH(v);
            break;
        case OP_STORE_GLOBAL:
            v = POP();
            if (gs_dict_set_str_steal_hint(vm, f->globals, names[arg], v, &gs_code_hints(co)[ip - 1]) < 0)
                goto error;
            break;
        case OP_DELETE_GLOBAL:
            if (!gs_dict_get_str(vm, f->globals, names[arg])) {
                gs_raise_name_error(vm, f, names[arg], true);
                goto error;
            }
            if (gs_dict_del(vm, f->globals, &names[arg]->ob) < 0)
                goto error;
            break;
        case OP_LOAD_DEREF:
        case OP_LOAD_CLASSDEREF: {
            if (op == OP_LOAD_CLASSDEREF && f->locals) {
                gs_Str *name = co->localnames[arg];
                v = gs_dict_get_str(vm, f->locals, name);
                if (v) {
                    INCREF(v);
                    PUSH(v);
                    break;
                }
            }
            gs_Cell *cell = (gs_Cell *)L[arg];
            v = cell ? cell->ref : NULL;
            if (!v) {
                unbound_local(vm, f, arg);
                goto error;
            }
            INCREF(v);
            PUSH(v);
            break;
        }
        case OP_STORE_DEREF: {
            gs_Cell *cell = (gs_Cell *)L[arg];
            v = POP();
            a = cell->ref;
            cell->ref = v;
            if (vm->recording)
                gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, cell->ob.id, a ? a->id : 0, v->id, 0);
            if (a)
                gs_decref_c(vm, a, GS_CAUSE(GS_CAUSE_INTERNAL, cell->ob.id, 0));
            break;
        }
        case OP_DELETE_DEREF: {
            gs_Cell *cell = (gs_Cell *)L[arg];
            a = cell->ref;
            if (!a) {
                unbound_local(vm, f, arg);
                goto error;
            }
            cell->ref = NULL;
            if (vm->recording)
                gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, cell->ob.id, a->id, 0, 0);
            gs_decref_c(vm, a, GS_CAUSE(GS_CAUSE_INTERNAL, cell->ob.id, 0));
            break;
        }
        case OP_LOAD_CLOSURE:
            v = L[arg];
            INCREF(v);
            PUSH(v);
            break;
        case OP_LOAD_ATTR:
            a = TOP();
            v = gs_getattr(vm, a, names[arg]);
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        case OP_LOAD_METHOD: {
            /* 3.11: push (method, self) when the attribute is a plain method
             * found on the type; else (NULL, attribute) */
            a = TOP();
            gs_Str *name = names[arg];
            gs_Object *meth = NULL;
            gs_Kind k = GS_KIND(a);
            /* _PyObject_GetMethod: only for the generic attribute lookup
             * (not for classes that hook __getattribute__ or __getattr__,
             * nor a proxy, which forwards every name) */
            if (k != GS_K_TYPE && k != GS_K_MODULE && k != GS_K_SUPER && !gs_is_proxy(a) &&
                !(a->type->hooks & (GS_HOOK_GETATTRIBUTE | GS_HOOK_GETATTR))) {
                gs_Object *m = gs_type_lookup(a->type, name);
                if (m && (GS_KIND(m) == GS_K_FUNCTION || (GS_KIND(m) == GS_K_BUILTIN && ((gs_Builtin *)m)->owner &&
                                                         !((gs_Builtin *)m)->self &&
                                                         !(((gs_Builtin *)m)->varargs & (GS_TPNEW | GS_CLASSMETH))))) {
                    bool shadowed = false;
                    gs_InstPart *in = gs_inst_part(a);
                    if (in)
                        shadowed = gs_table_lookup_str(in->dict ? &in->dict->t : &in->attrs, name) >= 0;
                    if (!shadowed)
                        meth = m;
                }
            }
            if (meth) {
                INCREF(meth);
                TOP() = meth;
                PUSH(a);
            } else {
                v = gs_getattr(vm, a, name);
                if (!v)
                    goto error;
                DECREF(a);
                TOP() = NULL;
                PUSH(v);
            }
            break;
        }
        case OP_STORE_ATTR:
            a = POP();   /* owner */
            v = POP();   /* value */
            if (gs_setattr(vm, a, names[arg], v) < 0) {
                DECREF(a);
                DECREF(v);
                goto error;
            }
            DECREF(a);
            DECREF(v);
            break;
        case OP_DELETE_ATTR:
            a = POP();
            if (gs_setattr(vm, a, names[arg], NULL) < 0) {
                DECREF(a);
                goto error;
            }
            DECREF(a);
            break;
        case OP_BINARY_SUBSCR:
            b = POP();
            a = TOP();
            v = gs_getitem(vm, a, b);
            DECREF(b);
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        case OP_STORE_SUBSCR: {
            b = POP();   /* key */
            a = POP();   /* container */
            v = POP();   /* value */
            int r = gs_setitem(vm, a, b, v);
            DECREF(b);
            DECREF(a);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        case OP_GET_LEN: {
            int64_t n = gs_len(vm, TOP());
            if (n < 0)
                goto error;
            v = gs_int_new(vm, n);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case OP_MATCH_SEQUENCE:
        case OP_MATCH_MAPPING: {
            bool is = op == OP_MATCH_SEQUENCE ? gs_match_sequence(vm, TOP()) : gs_match_mapping(vm, TOP());
            v = GS_BOOL(vm, is);
            PUSH(v);
            break;
        }
        case OP_MATCH_CLASS: {
            gs_Object *names = POP();
            b = POP();
            a = POP();
            v = gs_match_class(vm, a, b, arg, (gs_Tuple *)names);
            DECREF(names);
            DECREF(b);
            DECREF(a);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case OP_DELETE_SUBSCR: {
            b = POP();
            a = POP();
            int r = gs_delitem(vm, a, b);
            DECREF(b);
            DECREF(a);
            if (r < 0)
                goto error;
            break;
        }
        case OP_BINARY_OP:
            b = POP();
            a = TOP();
            if (co->spec && binop_form(vm, co, ip - 1, arg, a, b, L) == BIN_INPLACE_ADD_UNICODE) {
                /* BINARY_OP_INPLACE_ADD_UNICODE: the stack lets go of the
                 * left string (the local still holds it), PyUnicode_Append
                 * extends the local, and the STORE_FAST is done */
                gs_Object **slot = &L[GS_OPARG(ops[ip])];
                (void)POP();
                DECREF(a);
                int r = 0;
                if (((gs_Str *)b)->len && ((gs_Str *)a)->len)
                    r = gs_str_grow_in_place(vm, slot, b);
                if (r < 0) {
                    DECREF(b);
                    goto error;
                }
                if (r == 0 && ((gs_Str *)b)->len) {
                    /* a new string: "" + b is b itself, else a copy */
                    v = ((gs_Str *)a)->len ? gs_str_concat(vm, a, b) : (INCREF(b), b);
                    if (!v) {
                        DECREF(b);
                        goto error;
                    }
                    *slot = v;
                    if (vm->recording)
                        gs_record(vm, GS_EV_BIND, 0, f->id, a->id, v->id, gs_trace_name(vm, co->localnames[GS_OPARG(ops[ip])]));
                    gs_decref_c(vm, a, GS_CAUSE(GS_CAUSE_NAME, f->id, vm->recording ? gs_trace_name(vm, co->localnames[GS_OPARG(ops[ip])]) : 0));
                }
                DECREF(b);
                ip++;
                break;
            }
            if ((arg & 0x7f) == 0 && a->type == vm->t_int && b->type == vm->t_int && !((gs_Int *)a)->big &&
                !((gs_Int *)b)->big) {
                int64_t r;
                if (!__builtin_add_overflow(((gs_Int *)a)->value, ((gs_Int *)b)->value, &r)) {
                    v = gs_int_new(vm, r);
                    goto binop_done;
                }
            }
            v = gs_binary_op(vm, arg & 0x7f, a, b, (arg & 0x80) != 0);
        binop_done:
            DECREF(b);
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        case OP_UNARY_NEGATIVE:
        case OP_UNARY_POSITIVE:
        case OP_UNARY_INVERT:
            a = TOP();
            if ((a->type->flags & GS_TF_HEAP) && (GS_KIND(a) == GS_K_INT || GS_KIND(a) == GS_K_FLOAT)) {
                /* a class derived from int or float may define the operator */
                const char *dn = op == OP_UNARY_NEGATIVE ? "__neg__" : op == OP_UNARY_POSITIVE ? "__pos__" : "__invert__";
                gs_Object *m = gs_type_lookup_slot(vm, a->type, gs_name(vm, dn));
                if (m) {
                    SYNC();
                    v = gs_call_object(vm, m, &a, 1, NULL);
                    if (!v)
                        goto error;
                    DECREF(a);
                    TOP() = v;
                    break;
                }
            }
            if (GS_KIND(a) == GS_K_INT || GS_KIND(a) == GS_K_BOOL) {
                int64_t x = GS_KIND(a) == GS_K_INT ? ((gs_Int *)a)->value : a == vm->true_;
                if (gs_int_is_big(a) || (op == OP_UNARY_NEGATIVE && x == INT64_MIN)) {
                    v = op == OP_UNARY_POSITIVE ? gs_newref(vm, a)
                                                : gs_big_unary(vm, op == OP_UNARY_NEGATIVE ? GS_BIG_NEG : GS_BIG_INVERT, a);
                    if (!v)
                        goto error;
                } else
                    v = gs_int_new(vm, op == OP_UNARY_NEGATIVE ? -x : op == OP_UNARY_INVERT ? ~x : x);
            } else if (GS_KIND(a) == GS_K_FLOAT && op != OP_UNARY_INVERT) {
                double x = ((gs_Float *)a)->value;
                v = gs_float_new(vm, op == OP_UNARY_NEGATIVE ? -x : x);
            } else if (GS_KIND(a) == GS_K_COMPLEX && op != OP_UNARY_INVERT) {
                gs_Complex *z = (gs_Complex *)a; /* complex_pos returns the very object */
                v = op == OP_UNARY_NEGATIVE ? gs_complex_new(vm, -z->real, -z->imag) : gs_newref(vm, a);
            } else {
                const char *dn = op == OP_UNARY_NEGATIVE ? "__neg__" : op == OP_UNARY_POSITIVE ? "__pos__" : "__invert__";
                gs_Object *m = gs_dispatches(a)            ? gs_type_lookup_slot(vm, a->type, gs_name(vm, dn))
                               : GS_KIND(a) == GS_K_WEAKREF ? gs_type_lookup(a->type, gs_name(vm, dn))
                                                            : NULL;
                if (m)
                    v = gs_call_object(vm, m, &a, 1, NULL);
                else {
                    gs_raise(vm, vm->e_TypeError, "bad operand type for unary %s: '%s'",
                             op == OP_UNARY_NEGATIVE ? "-" : op == OP_UNARY_POSITIVE ? "+" : "~", gs_type_name(a));
                    v = NULL;
                }
            }
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        case OP_UNARY_NOT: {
            a = TOP();
            int t = gs_truthy(vm, a);
            if (t < 0)
                goto error;
            DECREF(a);
            TOP() = GS_BOOL(vm, !t);
            break;
        }
        case OP_COMPARE_OP:
            b = POP();
            a = TOP();
            v = gs_compare(vm, arg, a, b);
            DECREF(b);
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        case OP_IS_OP:
            b = POP();
            a = TOP();
            v = GS_BOOL(vm, (a == b) != (arg != 0));
            DECREF(b);
            DECREF(a);
            TOP() = v;
            break;
        case OP_CONTAINS_OP: {
            b = POP();
            a = TOP();
            int r = gs_contains(vm, b, a);
            DECREF(b);
            if (r < 0)
                goto error;
            DECREF(a);
            TOP() = GS_BOOL(vm, (r != 0) != (arg != 0));
            break;
        }
        case OP_BUILD_TUPLE:
            v = gs_tuple_new(vm, arg);
            if (!v)
                goto error;
            for (int i = arg - 1; i >= 0; i--)
                gs_tuple_init(vm, v, i, POP());
            PUSH(v);
            break;
        case OP_BUILD_LIST: {
            int n = GS_BUILD_COUNT(arg);
            v = (arg & GS_BUILD_EVEN) ? gs_list_new_even(vm, n) : (arg & GS_BUILD_GROWN) ? gs_list_new_grown(vm, n)
                                                                 : gs_list_new(vm, n);
            if (!v)
                goto error;
            for (int i = n - 1; i >= 0; i--)
                gs_list_init(vm, v, i, POP());
            PUSH(v);
            break;
        }
        case OP_BUILD_SET:
            v = gs_set_new(vm, false);
            if (!v)
                goto error;
            for (int i = arg; i > 0; i--) {
                if (gs_set_add(vm, v, PEEK(i)) < 0) {
                    DECREF(v);
                    goto error;
                }
            }
            for (int i = 0; i < arg; i++) {
                a = POP();
                DECREF(a);
            }
            PUSH(v);
            break;
        case OP_BUILD_MAP:
            v = gs_dict_new(vm);
            if (!v)
                goto error;
            for (int i = arg; i > 0; i--) {
                if (gs_dict_set(vm, v, PEEK(2 * i), PEEK(2 * i - 1)) < 0) {
                    DECREF(v);
                    goto error;
                }
            }
            for (int i = 0; i < 2 * arg; i++) {
                a = POP();
                DECREF(a);
            }
            PUSH(v);
            break;
        case OP_BUILD_SLICE: {
            gs_Slice *s = (gs_Slice *)gs_alloc(vm, vm->t_slice, sizeof(gs_Slice));
            if (!s)
                goto error;
            s->step = arg == 3 ? POP() : GS_NONE(vm);
            s->stop = POP();
            s->start = POP();
            gs_gc_track(vm, &s->ob); /* slices are tracked in 3.11 */
            PUSH(&s->ob);
            break;
        }
        case OP_BUILD_STRING: {
            size_t total = 0;
            for (int i = arg; i > 0; i--)
                total += (size_t)((gs_Str *)PEEK(i))->len;
            char *buf = malloc(total + 1);
            if (!buf) {
                gs_raise_memory(vm);
                goto error;
            }
            size_t off = 0;
            for (int i = arg; i > 0; i--) {
                gs_Str *s = (gs_Str *)PEEK(i);
                memcpy(buf + off, s->data, (size_t)s->len);
                off += (size_t)s->len;
            }
            v = gs_str_new(vm, buf, total);
            free(buf);
            if (!v)
                goto error;
            for (int i = 0; i < arg; i++) {
                a = POP();
                DECREF(a);
            }
            PUSH(v);
            break;
        }
        case OP_LIST_APPEND:
            v = POP();
            if (gs_list_append(vm, PEEK(arg), v) < 0) {
                DECREF(v);
                goto error;
            }
            DECREF(v);
            break;
        case OP_SET_ADD:
            v = POP();
            if (gs_set_add(vm, PEEK(arg), v) < 0) {
                DECREF(v);
                goto error;
            }
            DECREF(v);
            break;
        case OP_MAP_ADD:
            b = POP();
            a = POP();
            if (gs_dict_set(vm, PEEK(arg), a, b) < 0) {
                DECREF(a);
                DECREF(b);
                goto error;
            }
            DECREF(a);
            DECREF(b);
            break;
        case OP_LIST_EXTEND:
            v = POP();
            if (gs_list_extend(vm, PEEK(arg & 0xff), v) < 0) {
                if (gs_exc_matches(vm, vm->e_TypeError) && !gs_type_lookup(v->type, vm->s___iter__) &&
                    GS_KIND(v) != GS_K_ITER && GS_KIND(v) != GS_K_GENERATOR) {
                    gs_clear_exc(vm);
                    if (arg & GS_EXTEND_IN_CALL) {
                        char fs[160];
                        gs_Object *callable = PEEK((arg & 0xff) + 1) ? PEEK((arg & 0xff) + 1) : PEEK((arg & 0xff) + 2);
                        function_str(callable, fs, sizeof fs);
                        gs_raise(vm, vm->e_TypeError, "%s argument after * must be an iterable, not %s", fs,
                                 gs_type_name(v));
                    } else
                        gs_raise(vm, vm->e_TypeError, "Value after * must be an iterable, not %s", gs_type_name(v));
                }
                DECREF(v);
                goto error;
            }
            DECREF(v);
            break;
        case OP_SET_UPDATE: {
            /* _PySet_Update: a set or dict argument takes the fast paths */
            v = POP();
            int r = gs_set_update(vm, PEEK(arg), v);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        case OP_DICT_UPDATE:
        case OP_DICT_MERGE:
            v = POP();
            if (GS_KIND(v) != GS_K_DICT) {
                /* another mapping (a mappingproxy): PyDict_Update / _PyDict_MergeEx through its keys() */
                int r = merge_mapping(vm, PEEK(arg), v, op == OP_DICT_MERGE ? PEEK(arg + 2) : NULL);
                if (r > 0) {
                    DECREF(v);
                    break;
                }
                if (r < 0) {
                    DECREF(v);
                    goto error;
                }
                if (op == OP_DICT_MERGE) {
                    char fs[160];
                    function_str(PEEK(arg + 2), fs, sizeof fs);
                    gs_raise(vm, vm->e_TypeError, "%s argument after ** must be a mapping, not %s", fs, gs_type_name(v));
                } else
                    gs_raise(vm, vm->e_TypeError, "'%s' object is not a mapping", gs_type_name(v));
                DECREF(v);
                goto error;
            }
            if (op == OP_DICT_MERGE) {
                int32_t pos = 0;
                gs_Object *k, *x;
                while (gs_dict_next(v, &pos, &k, &x))
                    if (gs_dict_get(vm, PEEK(arg), k)) {
                        char fs[160];
                        function_str(PEEK(arg + 2), fs, sizeof fs);
                        gs_raise(vm, vm->e_TypeError, "%s got multiple values for keyword argument '%s'", fs,
                                 GS_KIND(k) == GS_K_STR ? ((gs_Str *)k)->data : "?");
                        DECREF(v);
                        goto error;
                    }
            }
            if (gs_dict_update(vm, PEEK(arg), v) < 0) {
                DECREF(v);
                goto error;
            }
            DECREF(v);
            break;
        case OP_LIST_TO_TUPLE:
            a = TOP();
            v = gs_tuple_from_iterable(vm, a);
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        case OP_FORMAT_VALUE: {
            gs_Object *spec = (arg & GS_FV_SPEC) ? POP() : NULL;
            a = TOP();
            v = format_value(vm, a, arg, spec);
            if (spec)
                DECREF(spec);
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        }
        case OP_UNPACK_SEQUENCE:
        case OP_UNPACK_EX: {
            a = POP();
            int before = op == OP_UNPACK_EX ? (arg & 0xff) : arg;
            int after = op == OP_UNPACK_EX ? (arg >> 8) : 0;
            int n = before + after + (op == OP_UNPACK_EX);
            gs_Object *items[n > 0 ? n : 1];
            /* the generic instruction iterates a tuple or list too: an iterator CPython
             * makes and frees, unless UNPACK_SEQUENCE has specialized for it */
            gs_Object *it = NULL;
            gs_Kind ak = GS_KIND(a);
            if (a->type == vm->t_tuple || a->type == vm->t_list) {
                int32_t len = ak == GS_K_TUPLE ? ((gs_Tuple *)a)->len : ((gs_List *)a)->len;
                int want = ak == GS_K_TUPLE ? SPEC_UNPACK_TUPLE : SPEC_UNPACK_LIST;
                if (op == OP_UNPACK_EX || !code_specialized(co, ip - 1, want, len == n))
                    it = gs_phantom_alloc(vm, vm->t_iter[ak == GS_K_TUPLE ? GS_IT_TUPLE : GS_IT_LIST], 0);
            } else if (op == OP_UNPACK_SEQUENCE) {
                code_specialized(co, ip - 1, SPEC_NONE, false);
            }
            int ur = unpack(vm, a, before, after, op == OP_UNPACK_EX, items);
            gs_phantom_free(vm, it);
            if (ur < 0) {
                DECREF(a);
                goto error;
            }
            for (int i = n - 1; i >= 0; i--)
                PUSH(items[i]);
            DECREF(a);
            break;
        }
        case OP_JUMP:
            ip = arg;
            break;
        case OP_JUMP_BACKWARD:
            code_warmup(co);
            ip = arg;
            break;
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE: {
            v = POP();
            int t;
            if (v == vm->true_)
                t = 1;
            else if (v == vm->false_)
                t = 0;
            else {
                t = gs_truthy(vm, v);
                if (t < 0) {
                    DECREF(v);
                    goto error;
                }
            }
            DECREF(v);
            if (t == (op == OP_POP_JUMP_IF_TRUE))
                ip = arg;
            break;
        }
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP: {
            v = TOP();
            int t = gs_truthy(vm, v);
            if (t < 0)
                goto error;
            if (t == (op == OP_JUMP_IF_TRUE_OR_POP))
                ip = arg;
            else {
                (void)POP();
                DECREF(v);
            }
            break;
        }
        case OP_GET_ITER:
            a = TOP();
            v = gs_iter(vm, a);
            if (!v)
                goto error;
            DECREF(a);
            TOP() = v;
            break;
        case OP_FOR_ITER:
            a = TOP();
            if (GS_KIND(a) == GS_K_ITER && ((gs_Iter *)a)->ikind == GS_IT_RANGE) {
                gs_Iter *it = (gs_Iter *)a;
                if (it->stop > 0) {
                    it->stop--;
                    v = gs_int_new(vm, it->index);
                    it->index += it->step;
                    if (!v)
                        goto error;
                    PUSH(v);
                    break;
                }
                v = NULL;
            } else
                v = gs_next(vm, a);
            if (v) {
                PUSH(v);
                break;
            }
            if (vm->exc)
                goto error;
            (void)POP();
            DECREF(a);
            ip = arg;
            break;
        case OP_KW_NAMES:
            f->kwnames = consts[arg];
            break;
        case OP_CALL: {
            int n = arg;
            gs_Tuple *kwnames = (gs_Tuple *)f->kwnames;
            f->kwnames = NULL;
            bool is_meth = PEEK(n + 2) != NULL;
            gs_Object *callable = is_meth ? PEEK(n + 2) : PEEK(n + 1);
            if (!is_meth && GS_KIND(callable) == GS_K_METHOD) {
                /* unpack a bound method like CPython: self goes on the stack */
                gs_Method *m = (gs_Method *)callable;
                gs_Object *self = m->self, *func = m->func;
                INCREF(self);
                INCREF(func);
                PEEK(n + 1) = self;
                PEEK(n + 2) = func;
                DECREF(callable);
                callable = func;
                is_meth = true;
            }
            int nargs = n + is_meth;
            gs_Object **args = sp - nargs;
            if (GS_KIND(callable) == GS_K_FUNCTION &&
                !(((gs_Function *)callable)->code->flags & GS_CO_GENERATOR)) {
                gs_Function *fn = (gs_Function *)callable;
                /* the callee's slots start where the call's NULL/callable slot was */
                sp -= n + 2;
                gs_Object *argv[nargs > 0 ? nargs : 1];
                memcpy(argv, args, (size_t)nargs * sizeof *argv);
                f->sp = sp;
                f->ip = ip;
                gs_Frame *nf = frame_push(vm, fn->code, fn, &fn->globals->ob, NULL);
                if (!nf) {
                    for (int i = 0; i < nargs; i++)
                        DECREF(argv[i]);
                    DECREF(callable);
                    goto error;
                }
                if (bind_args(vm, fn, nf, argv, nargs, kwnames) < 0) {
                    frame_clear(vm, nf);
                    frame_pop(vm, nf);
                    goto error;
                }
                LOAD_FRAME();
                break;
            }
            SYNC();
            bool is_str = callable == &vm->t_str->ob;
            bool fits = is_str && nargs == 1 && !kwnames;
            if (code_specialized(co, ip - 1, is_str ? SPEC_CALL_STR_1 : SPEC_NONE, fits) && fits)
                res = gs_str(vm, args[0]); /* PRECALL_NO_KW_STR_1: PyObject_Str, no argument tuple */
            else
                res = gs_call(vm, callable, args, nargs, kwnames);
            /* 3.11 drops the arguments first, then the callable */
            for (int i = 0; i < nargs; i++)
                DECREF(args[i]);
            DECREF(callable);
            sp -= n + 2;
            if (!res)
                goto error;
            PUSH(res);
            break;
        }
        case OP_CALL_FUNCTION_EX: {
            gs_Object *kw = (arg & 1) ? POP() : NULL;
            gs_Object *pos = POP();
            gs_Object *callable = POP();
            gs_Object *null = POP();
            GS_UNUSED(null);
            if (GS_KIND(pos) != GS_K_TUPLE) {
                /* f(*x) with x not a tuple: make one, as CPython does */
                gs_Object *t = gs_tuple_from_iterable(vm, pos);
                if (!t) {
                    if (gs_exc_matches(vm, vm->e_TypeError) && !gs_type_lookup(pos->type, vm->s___iter__) &&
                        GS_KIND(pos) != GS_K_ITER && GS_KIND(pos) != GS_K_GENERATOR) {
                        char fs[160];
                        gs_clear_exc(vm);
                        function_str(callable, fs, sizeof fs);
                        gs_raise(vm, vm->e_TypeError, "%s argument after * must be an iterable, not %s", fs,
                                 gs_type_name(pos));
                    }
                    if (kw)
                        DECREF(kw);
                    DECREF(pos);
                    DECREF(callable);
                    goto error;
                }
                DECREF(pos);
                pos = t;
            }
            gs_Tuple *pt = (gs_Tuple *)pos;
            int nkw = kw ? ((gs_Dict *)kw)->t.used : 0;
            int total = pt->len + nkw;
            gs_Object *argv[total > 0 ? total : 1];
            for (int i = 0; i < pt->len; i++)
                argv[i] = pt->items[i];
            gs_Object *kwn = NULL;
            if (nkw) {
                kwn = gs_tuple_new(vm, nkw);
                if (!kwn) {
                    DECREF(pos);
                    DECREF(kw);
                    DECREF(callable);
                    goto error;
                }
                int32_t p = 0;
                gs_Object *k, *x;
                int i = 0;
                while (gs_dict_next(kw, &p, &k, &x)) {
                    if (GS_KIND(k) != GS_K_STR) {
                        gs_raise(vm, vm->e_TypeError, "keywords must be strings");
                        for (int j = i; j < nkw; j++)
                            gs_tuple_init(vm, kwn, j, GS_NONE(vm));
                        DECREF(kwn);
                        DECREF(pos);
                        DECREF(kw);
                        DECREF(callable);
                        goto error;
                    }
                    INCREF(k);
                    gs_tuple_init(vm, kwn, i, k);
                    argv[pt->len + i] = x;
                    i++;
                }
            }
            /* With keywords, CPython's _PyVectorcall_Call unpacks the dict
             * (_PyStack_UnpackDict): a new array holding a reference to
             * every argument, positional ones too, for the whole call. */
            for (int i = 0; nkw && i < total; i++)
                INCREF(argv[i]);
            SYNC();
            res = gs_call_object(vm, callable, argv, total, (gs_Tuple *)kwn);
            for (int i = 0; nkw && i < total; i++)
                DECREF(argv[i]);
            if (kwn)
                DECREF(kwn);
            DECREF(callable);
            DECREF(pos);
            if (kw)
                DECREF(kw);
            if (!res)
                goto error;
            PUSH(res);
            break;
        }
        case OP_MAKE_FUNCTION: {
            gs_Code *code = (gs_Code *)POP();
            gs_Object *closure = (arg & GS_MF_CLOSURE) ? POP() : NULL;
            gs_Object *ann = (arg & GS_MF_ANNOTATIONS) ? POP() : NULL;
            gs_Object *kwdefs = (arg & GS_MF_KWDEFAULTS) ? POP() : NULL;
            gs_Object *defs = (arg & GS_MF_DEFAULTS) ? POP() : NULL;
            v = make_function(vm, code, f->globals);
            DECREF(code);
            if (!v) {
                gs_xdecref(vm, ann);
                gs_xdecref(vm, closure);
                gs_xdecref(vm, kwdefs);
                gs_xdecref(vm, defs);
                goto error;
            }
            gs_Function *fn = (gs_Function *)v;
            fn->closure = (gs_Tuple *)closure;
            fn->kwdefaults = (gs_Dict *)kwdefs;
            fn->defaults = (gs_Tuple *)defs;
            fn->annotations = (gs_Dict *)ann; /* the (name, value, ...) tuple until __annotations__ is read */
            if (vm->recording) {
                if (ann) gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, v->id, 0, ann->id, 8);
                if (defs) gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, v->id, 0, defs->id, 4);
                if (kwdefs) gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, v->id, 0, kwdefs->id, 5);
                if (closure) gs_record(vm, GS_EV_REF_SET, GS_CAUSE_INTERNAL, v->id, 0, closure->id, 6);
            }
            PUSH(v);
            break;
        }
        case OP_RETURN_VALUE: {
            res = POP();
            f->sp = sp;
            if (f->gen) {
                /* generator finished: the generator object keeps the frame */
                gs_gen_finished(vm, f);
            } else {
                frame_clear(vm, f);
            }
            bool entry = f->is_entry;
            frame_pop(vm, f);
            if (entry)
                return res;
            LOAD_FRAME();
            PUSH(res);
            break;
        }
        case OP_LOAD_BUILD_CLASS:
            v = gs_dict_get_str(vm, vm->builtins, gs_name(vm, "__build_class__"));
            if (!v) {
                gs_raise(vm, vm->e_NameError, "__build_class__ not found");
                goto error;
            }
            INCREF(v);
            PUSH(v);
            break;
        case OP_IMPORT_NAME: {
            gs_Object *fromlist = POP();
            gs_Object *level = POP();
            bool top = fromlist == vm->none;
            DECREF(fromlist);
            DECREF(level);
            SYNC();
            v = gs_import(vm, names[arg]);
            if (!v)
                goto error;
            const char *dot = top ? strchr(names[arg]->data, '.') : NULL;
            if (dot) {
                /* `import a.b` binds a: the package (imported already) */
                DECREF(v);
                gs_Object *pn = gs_str_intern(vm, names[arg]->data, (size_t)(dot - names[arg]->data));
                v = pn ? gs_import(vm, (gs_Str *)pn) : NULL;
                gs_xdecref(vm, pn);
                if (!v)
                    goto error;
            }
            PUSH(v);
            break;
        }
        case OP_IMPORT_FROM: {
            a = TOP();
            if (arg & (1 << 23)) {
                /* from m import *: the names in m.__all__, else the public ones */
                gs_Object *d = &((gs_Module *)a)->dict->ob;
                gs_Object *dst = f->locals ? f->locals : f->globals;
                gs_Object *all = gs_dict_get_str(vm, d, gs_name(vm, "__all__"));
                if (all && (GS_KIND(all) == GS_K_LIST || GS_KIND(all) == GS_K_TUPLE)) {
                    gs_incref(vm, all);
                    int32_t n = GS_KIND(all) == GS_K_LIST ? ((gs_List *)all)->len : ((gs_Tuple *)all)->len;
                    for (int32_t i = 0; i < n; i++) {
                        gs_Object *k = GS_KIND(all) == GS_K_LIST ? ((gs_List *)all)->items[i] : ((gs_Tuple *)all)->items[i];
                        if (GS_KIND(k) != GS_K_STR) {
                            gs_raise(vm, vm->e_TypeError, "Item in %s.__all__ must be str, not %s",
                                     ((gs_Module *)a)->name->data, gs_type_name(k));
                            gs_decref(vm, all);
                            goto error;
                        }
                        gs_Object *x = gs_getattr(vm, a, (gs_Str *)k);
                        if (!x || gs_dict_set(vm, dst, k, x) < 0) {
                            gs_xdecref(vm, x);
                            gs_decref(vm, all);
                            goto error;
                        }
                        gs_decref(vm, x);
                    }
                    gs_decref(vm, all);
                    break;
                }
                int32_t pos = 0;
                gs_Object *k, *x;
                while (gs_dict_next(d, &pos, &k, &x))
                    if (GS_KIND(k) == GS_K_STR && ((gs_Str *)k)->data[0] != '_')
                        if (gs_dict_set(vm, dst, k, x) < 0)
                            goto error;
                break;
            }
            v = gs_getattr(vm, a, names[arg]);
            if (!v && GS_KIND(a) == GS_K_MODULE) {
                /* from a import b: b may be a submodule not imported yet */
                gs_clear_exc(vm);
                gs_Str *mn = ((gs_Module *)a)->name;
                char full[256];
                int n = snprintf(full, sizeof full, "%s.%s", mn->data, names[arg]->data);
                gs_Object *fn = n > 0 && (size_t)n < sizeof full ? gs_str_intern(vm, full, (size_t)n) : NULL;
                if (fn && gs_module_find(full)) {
                    v = gs_import(vm, (gs_Str *)fn);
                    gs_decref(vm, fn);
                    if (!v)
                        goto error;
                } else
                    gs_xdecref(vm, fn);
            }
            if (!v) {
                gs_clear_exc(vm);
                /* a module written in Python names its file (__file__) */
                gs_Object *file = gs_dict_get_str(vm, &((gs_Module *)a)->dict->ob, gs_name(vm, "__file__"));
                gs_raise(vm, vm->e_ImportError, "cannot import name '%s' from '%s' (%s)", names[arg]->data,
                         ((gs_Module *)a)->name->data,
                         file && GS_KIND(file) == GS_K_STR ? ((gs_Str *)file)->data : "unknown location");
                goto error;
            }
            PUSH(v);
            break;
        }
        case OP_RAISE_VARARGS: {
            gs_Object *cause = arg == 2 ? POP() : NULL;
            gs_Object *exc = arg >= 1 ? POP() : NULL;
            if (arg == 0) {
                if (!vm->handled) {
                    gs_raise(vm, vm->e_RuntimeError, "No active exception to reraise");
                    goto error;
                }
                gs_incref(vm, vm->handled);
                gs_Object *old = vm->exc;
                vm->exc = vm->handled;
                gs_xdecref(vm, old);
                goto exception_unwind; /* a bare raise adds no traceback entry (do_raise returns 1) */
            }
            gs_Object *e = make_exception(vm, exc);
            DECREF(exc);
            if (!e) {
                if (cause)
                    DECREF(cause);
                goto error;
            }
            if (cause) {
                gs_Object *c2 = NULL;
                if (cause != vm->none) {
                    c2 = make_exception(vm, cause);
                    if (!c2) {
                        DECREF(cause);
                        DECREF(e);
                        goto error;
                    }
                }
                DECREF(cause);
                gs_Exception *ee = (gs_Exception *)e;
                gs_Object *oldc = ee->cause;
                ee->cause = c2;
                gs_record_field(vm, e, 13, oldc, c2);
                gs_xdecref(vm, oldc);
                ee->suppress_context = true;
            }
            gs_raise_obj(vm, e);
            goto error;
        }
        case OP_RERAISE:
            v = POP();
            {
                gs_Object *old = vm->exc;
                vm->exc = v; /* the stack's reference moves into the error indicator */
                gs_xdecref(vm, old);
            }
            goto exception_unwind;
        case OP_SETUP_FINALLY:
        case OP_SETUP_CLEANUP:
            if (f->nblocks >= GS_MAX_BLOCKS) {
                gs_raise(vm, vm->e_RuntimeError, "block stack overflow");
                goto error;
            }
            f->blocks[f->nblocks].handler = arg;
            f->blocks[f->nblocks].depth = (int32_t)(sp - (L + f->nlocalsplus)) - (op == OP_SETUP_CLEANUP);
            f->nblocks++;
            break;
        case OP_POP_BLOCK:
            if (f->nblocks > 0)
                f->nblocks--;
            break;
        case OP_PUSH_EXC_INFO:
            /* [exc] -> [prev, exc]; exc becomes the exception being handled */
            v = POP();
            PUSH(vm->handled ? vm->handled : GS_NONE(vm));
            INCREF(v);
            vm->handled = v;
            PUSH(v);
            break;
        case OP_POP_EXCEPT: {
            v = POP();
            gs_Object *old = vm->handled;
            vm->handled = v == vm->none ? NULL : v;
            if (v == vm->none)
                DECREF(v);
            if (old)
                DECREF(old);
            break;
        }
        case OP_CHECK_EXC_MATCH: {
            b = POP();
            a = TOP();
            int err;
            bool m = exc_match(vm, a, b, &err);
            DECREF(b);
            if (err)
                goto error;
            PUSH(GS_BOOL(vm, m));
            break;
        }
        case OP_CHECK_EG_MATCH: {
            /* [exc, types] -> [rest, match]; the match is the exception
             * being handled; no match: [exc, None] */
            b = POP();
            a = TOP();
            gs_Object *match, *rest;
            SYNC();
            if (gs_excgroup_check_star_type(vm, b) < 0 || gs_excgroup_match(vm, a, b, &match, &rest) < 0) {
                DECREF(b);
                goto error;
            }
            DECREF(b);
            if (match == vm->none) {
                DECREF(rest);
                PUSH(match);
                break;
            }
            TOP() = rest;
            PUSH(match);
            gs_Object *old = vm->handled;
            vm->handled = gs_newref(vm, match);
            gs_xdecref(vm, old);
            DECREF(a);
            break;
        }
        case OP_PREP_RERAISE_STAR: {
            /* [orig, list] -> [what leaves the try statement, or None] */
            b = POP();
            a = TOP();
            SYNC();
            res = gs_excgroup_prep_reraise(vm, a, b);
            DECREF(b);
            if (!res)
                goto error;
            TOP() = res;
            DECREF(a);
            break;
        }
        case OP_BEFORE_WITH: {
            a = TOP();
            gs_Object *enter = gs_type_lookup(a->type, vm->s___enter__);
            gs_Object *exitm = gs_type_lookup(a->type, vm->s___exit__);
            if (!enter || !exitm) {
                gs_raise(vm, vm->e_TypeError, "'%s' object does not support the context manager protocol%s",
                         gs_type_name(a), !enter ? "" : " (missed __exit__ method)");
                goto error;
            }
            gs_Object *bound_exit = gs_method_new(vm, exitm, a);
            if (!bound_exit)
                goto error;
            SYNC();
            res = gs_call_object(vm, enter, &a, 1, NULL);
            if (!res) {
                DECREF(bound_exit);
                goto error;
            }
            DECREF(a);
            TOP() = bound_exit;
            PUSH(res);
            break;
        }
        case OP_WITH_EXCEPT_START: {
            /* [exit, prev, exc] -> call exit(type, exc, tb) */
            gs_Object *exc = TOP();
            gs_Object *exitf = PEEK(3);
            gs_Exception *e = (gs_Exception *)exc;
            gs_Object *args[3] = { &exc->type->ob, exc, e->traceback ? e->traceback : vm->none };
            SYNC();
            res = gs_call_object(vm, exitf, args, 3, NULL);
            if (!res)
                goto error;
            int t = gs_truthy(vm, res);
            DECREF(res);
            if (t < 0)
                goto error;
            PUSH(GS_BOOL(vm, t));
            break;
        }
        case OP_YIELD_VALUE: {
            /* hand the value to gs_gen_send, which resumes us later */
            res = POP();
            f->sp = sp;
            f->ip = ip;
            bool entry = f->is_entry;
            if (vm->recording) /* suspended until the generator resumes */
                gs_record(vm, GS_EV_FRAME_POP, 1, f->id, gs_trace_name(vm, co->qualname), f->back ? f->back->id : 0,
                          f->gen ? f->gen->id : 0);
            vm->frame = f->back;
            vm->depth--;
            gs_vm_follow_frame(vm); /* the resumer's line again */
            if (entry)
                return res;
            gs_raise(vm, vm->e_RuntimeError, "yield outside a generator frame");
            DECREF(res);
            LOAD_FRAME();
            goto error;
        }
        case OP_GET_YIELD_FROM_ITER:
            a = TOP();
            if (GS_KIND(a) != GS_K_GENERATOR) {
                v = gs_iter(vm, a);
                if (!v)
                    goto error;
                DECREF(a);
                TOP() = v;
            }
            break;
        case OP_SEND: {
            /* [iter, value] -> [iter, yielded] or jump with [result] */
            v = POP();
            a = TOP();
            gs_Object *out = NULL;
            int r;
            SYNC();
            if (GS_KIND(a) == GS_K_GENERATOR)
                r = gs_gen_send(vm, a, v, &out);
            else {
                out = gs_next(vm, a);
                r = out ? 1 : (vm->exc ? -1 : 0);
                if (r == 0)
                    out = GS_NONE(vm);
            }
            DECREF(v);
            if (r < 0)
                goto error;
            if (r == 0) {
                /* finished: out is the return value */
                (void)POP();
                DECREF(a);
                PUSH(out);
                ip = arg;
                break;
            }
            PUSH(out);
            break;
        }
        case OP_LOAD_ASSERTION_ERROR:
            v = &vm->e_AssertionError->ob;
            PUSH(v);
            INCREF(v);
            break;
        default:
            gs_raise(vm, vm->e_RuntimeError, "unknown opcode %d", op);
            goto error;
        }
        continue;

    error:
        if (!vm->exc)
            gs_raise(vm, vm->e_RuntimeError, "error return without exception set");
    exception_unwind_tb:
        gs_tb_add(vm, vm->exc, f);
    exception_unwind:
        f->sp = sp;
        if (vm->limit_hit) {
            /* a resource limit unwinds everything, like KeyboardInterrupt;
             * the report names the line it stopped, not the outermost one */
            if (!vm->limit_line)
                vm->limit_line = vm->cur_line;
            f->nblocks = 0;
        }
        if (f->nblocks > 0) {
            gs_Block *blk = &f->blocks[--f->nblocks];
            gs_Object **target = L + f->nlocalsplus + blk->depth;
            while (sp > target) {
                v = POP();
                if (v)
                    DECREF(v);
            }
            PUSH(vm->exc); /* the error indicator's reference moves onto the stack */
            vm->exc = NULL;
            gs_exception_normalized(vm, TOP());
            ip = blk->handler;
            continue;
        }
        /* no handler here: the frame is done */
        {
            bool entry = f->is_entry;
            if (f->gen) {
                gs_gen_finished(vm, f);
            } else
                frame_clear(vm, f);
            frame_pop(vm, f);
            if (entry)
                return NULL;
            LOAD_FRAME();
            goto exception_unwind_tb;
        }
    }
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

/* ================================================================== start-up */

static gs_Type *bootstrap_type(gs_VM *vm, gs_Kind k)
{
    gs_Type *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->ob.refcnt = 1 << 30;
    t->ob.kind = GS_K_TYPE;
    t->ob.gcflags = GS_GC_STATIC;
    t->inst_kind = (uint8_t)k;
    GS_UNUSED(vm);
    return t;
}

static gs_Object *static_object(gs_VM *vm, gs_Type *t, size_t size)
{
    gs_Object *o = calloc(1, size);
    if (!o)
        abort();
    o->refcnt = 1 << 30;
    o->type = t;
    o->kind = t->inst_kind;
    o->gcflags = GS_GC_STATIC;
    o->id = ++vm->next_id;
    return o;
}

static void make_exc_types(gs_VM *vm)
{
    gs_Type *B = vm->e_BaseException = gs_type_new_builtin(vm, "BaseException", vm->t_object, GS_K_EXCEPTION,
                                                           GS_TF_BASETYPE | GS_TF_EXC | GS_TF_DICT);
    gs_Type *E = vm->e_Exception = gs_type_new_builtin(vm, "Exception", B, GS_K_EXCEPTION, GS_TF_BASETYPE);
#define EXC(field, name, base) vm->field = gs_type_new_builtin(vm, name, base, GS_K_EXCEPTION, GS_TF_BASETYPE)
    EXC(e_TypeError, "TypeError", E);
    EXC(e_ValueError, "ValueError", E);
    EXC(e_NameError, "NameError", E);
    EXC(e_UnboundLocalError, "UnboundLocalError", vm->e_NameError);
    EXC(e_AttributeError, "AttributeError", E);
    EXC(e_LookupError, "LookupError", E);
    EXC(e_KeyError, "KeyError", vm->e_LookupError);
    EXC(e_IndexError, "IndexError", vm->e_LookupError);
    EXC(e_ArithmeticError, "ArithmeticError", E);
    EXC(e_ZeroDivisionError, "ZeroDivisionError", vm->e_ArithmeticError);
    EXC(e_OverflowError, "OverflowError", vm->e_ArithmeticError);
    EXC(e_RuntimeError, "RuntimeError", E);
    EXC(e_RecursionError, "RecursionError", vm->e_RuntimeError);
    EXC(e_NotImplementedError, "NotImplementedError", vm->e_RuntimeError);
    EXC(e_MemoryError, "MemoryError", E);
    EXC(e_StopIteration, "StopIteration", E);
    EXC(e_StopAsyncIteration, "StopAsyncIteration", E);
    EXC(e_ImportError, "ImportError", E);
    EXC(e_OSError, "OSError", E);
    EXC(e_ReferenceError, "ReferenceError", E);
    EXC(e_ModuleNotFoundError, "ModuleNotFoundError", vm->e_ImportError);
    EXC(e_AssertionError, "AssertionError", E);
    EXC(e_SyntaxError, "SyntaxError", E);
    EXC(e_IndentationError, "IndentationError", vm->e_SyntaxError);
    EXC(e_TabError, "TabError", vm->e_IndentationError);
    EXC(e_UnicodeError, "UnicodeError", vm->e_ValueError);
    EXC(e_Warning, "Warning", E);
    EXC(e_KeyboardInterrupt, "KeyboardInterrupt", B);
    EXC(e_SystemExit, "SystemExit", B);
    EXC(e_GeneratorExit, "GeneratorExit", B);
    EXC(e_UnicodeDecodeError, "UnicodeDecodeError", vm->e_UnicodeError);
    EXC(e_UnicodeEncodeError, "UnicodeEncodeError", vm->e_UnicodeError);
    /* BaseExceptionGroup(BaseException) and ExceptionGroup(BaseExceptionGroup,
     * Exception): the one built-in exception with two bases, its MRO set here */
    EXC(e_BaseExceptionGroup, "BaseExceptionGroup", B);
    EXC(e_ExceptionGroup, "ExceptionGroup", vm->e_BaseExceptionGroup);
    {
        gs_Type *eg = vm->e_ExceptionGroup;
        eg->bases = malloc(2 * sizeof *eg->bases);
        eg->mro = malloc(5 * sizeof *eg->mro);
        if (!eg->bases || !eg->mro)
            abort();
        eg->bases[0] = vm->e_BaseExceptionGroup;
        eg->bases[1] = E;
        eg->nbases = 2;
        gs_Type *m[5] = { eg, vm->e_BaseExceptionGroup, E, B, vm->t_object };
        memcpy(eg->mro, m, sizeof m);
        eg->nmro = 5;
    }
    /* the others of Objects/exceptions.c, each under its base (by name) */
    static const char *const more[][2] = {
        { "BlockingIOError", "OSError" },       { "ChildProcessError", "OSError" },
        { "ConnectionError", "OSError" },       { "BrokenPipeError", "ConnectionError" },
        { "ConnectionAbortedError", "ConnectionError" }, { "ConnectionRefusedError", "ConnectionError" },
        { "ConnectionResetError", "ConnectionError" },   { "FileExistsError", "OSError" },
        { "FileNotFoundError", "OSError" },     { "InterruptedError", "OSError" },
        { "IsADirectoryError", "OSError" },     { "NotADirectoryError", "OSError" },
        { "PermissionError", "OSError" },       { "ProcessLookupError", "OSError" },
        { "TimeoutError", "OSError" },          { "EOFError", "Exception" },
        { "FloatingPointError", "ArithmeticError" }, { "BufferError", "Exception" },
        { "SystemError", "Exception" },         { "UnicodeTranslateError", "UnicodeError" },
        { "UserWarning", "Warning" },           { "DeprecationWarning", "Warning" },
        { "PendingDeprecationWarning", "Warning" }, { "SyntaxWarning", "Warning" },
        { "RuntimeWarning", "Warning" },        { "FutureWarning", "Warning" },
        { "ImportWarning", "Warning" },         { "UnicodeWarning", "Warning" },
        { "BytesWarning", "Warning" },          { "ResourceWarning", "Warning" },
        { "EncodingWarning", "Warning" },
    };
    gs_Type *bases[] = { vm->e_OSError, E, vm->e_ArithmeticError, vm->e_UnicodeError, vm->e_Warning };
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) {
        gs_Type *base = NULL;
        for (size_t j = 0; j < sizeof bases / sizeof bases[0] && !base; j++)
            if (strcmp(bases[j]->name->data, more[i][1]) == 0)
                base = bases[j];
        for (int j = 0; j < vm->nexc_more && !base; j++)
            if (strcmp(vm->exc_more[j]->name->data, more[i][1]) == 0)
                base = vm->exc_more[j];
        vm->exc_more[vm->nexc_more++] = gs_type_new_builtin(vm, more[i][0], base, GS_K_EXCEPTION, GS_TF_BASETYPE);
    }
#undef EXC
}

void gs_vm_keep_ast_consts(gs_VM *vm, gs_Object *list)
{
    gs_xdecref(vm, vm->ast_consts);
    vm->ast_consts = list;
}

gs_VM *gs_vm_new(const gs_VMConfig *cfg)
{
    gs_VM *vm = calloc(1, sizeof *vm);
    if (!vm)
        return NULL;
    vm->cfg = *cfg;
    vm->heap_limit = cfg->heap_limit ? cfg->heap_limit : ((size_t)1 << 30);
    vm->recursion_limit = 1000;
    vm->max_str_digits = 4300; /* CPython 3.11.2's default */
    vm->float_free = 3; /* CPython 3.11 at the top of a script (TRACEMALLOC.md) */
    vm->last_line_event = GS_NO_LINE_EVENT;
    vm->recording = false; /* start-up objects are the runtime's, not the program's */
    gs_trace_init(&vm->trace);
    if (cfg->record || cfg->check_refcounts)
        gs_objtab_set(vm, 0, NULL);
    vm->stack = malloc(GS_STACK_SLOTS * sizeof(gs_Object *));
    if (!vm->stack) {
        free(vm);
        return NULL;
    }
    vm->stack_end = vm->stack + GS_STACK_SLOTS;
    gs_table_init(&vm->interned);

    /* the type of types and the types needed to make strings come first */
    vm->t_type = bootstrap_type(vm, GS_K_TYPE);
    vm->t_object = bootstrap_type(vm, GS_K_INSTANCE);
    vm->t_str = bootstrap_type(vm, GS_K_STR);
    vm->t_type->ob.type = vm->t_object->ob.type = vm->t_str->ob.type = vm->t_type;
    vm->t_type->base = vm->t_object;
    vm->t_str->base = vm->t_object;
    vm->t_type->flags = vm->t_object->flags = GS_TF_BASETYPE;
    vm->t_type->flags |= GS_TF_DICT | GS_TF_WEAK; /* classes have a __dict__ and can be weakly referenced */
    vm->t_str->flags = GS_TF_BASETYPE;
    vm->t_type->name = gs_name(vm, "type");
    vm->t_object->name = gs_name(vm, "object");
    vm->t_str->name = gs_name(vm, "str");
    vm->t_type->module = vm->t_object->module = vm->t_str->module = gs_name(vm, "builtins");
    vm->t_type->ob.id = ++vm->next_id;
    vm->t_object->ob.id = ++vm->next_id;
    vm->t_str->ob.id = ++vm->next_id;

    gs_Type *O = vm->t_object;
    vm->t_none = gs_type_new_builtin(vm, "NoneType", O, GS_K_NONE, 0);
    vm->t_bool = gs_type_new_builtin(vm, "bool", O, GS_K_BOOL, 0);
    vm->t_int = gs_type_new_builtin(vm, "int", O, GS_K_INT, GS_TF_BASETYPE);
    vm->t_bool->base = vm->t_int;
    vm->t_float = gs_type_new_builtin(vm, "float", O, GS_K_FLOAT, GS_TF_BASETYPE);
    vm->t_tuple = gs_type_new_builtin(vm, "tuple", O, GS_K_TUPLE, GS_TF_BASETYPE);
    vm->t_list = gs_type_new_builtin(vm, "list", O, GS_K_LIST, GS_TF_BASETYPE);
    vm->t_dict = gs_type_new_builtin(vm, "dict", O, GS_K_DICT, GS_TF_BASETYPE);
    vm->t_set = gs_type_new_builtin(vm, "set", O, GS_K_SET, GS_TF_BASETYPE | GS_TF_WEAK);
    vm->t_frozenset = gs_type_new_builtin(vm, "frozenset", O, GS_K_SET, GS_TF_BASETYPE | GS_TF_WEAK);
    vm->t_function = gs_type_new_builtin(vm, "function", O, GS_K_FUNCTION, 0);
    vm->t_builtin = gs_type_new_builtin(vm, "builtin_function_or_method", O, GS_K_BUILTIN, 0);
    vm->t_method = gs_type_new_builtin(vm, "method", O, GS_K_METHOD, 0);
    vm->t_module = gs_type_new_builtin(vm, "module", O, GS_K_MODULE, 0);
    vm->t_code = gs_type_new_builtin(vm, "code", O, GS_K_CODE, 0);
    vm->t_cell = gs_type_new_builtin(vm, "cell", O, GS_K_CELL, 0);
    vm->t_range = gs_type_new_builtin(vm, "range", O, GS_K_RANGE, 0);
    vm->t_slice = gs_type_new_builtin(vm, "slice", O, GS_K_SLICE, 0);
    vm->t_notimpl = gs_type_new_builtin(vm, "NotImplementedType", O, GS_K_NOTIMPL, 0);
    vm->t_ellipsis = gs_type_new_builtin(vm, "ellipsis", O, GS_K_ELLIPSIS, 0);
    vm->t_frame = gs_type_new_builtin(vm, "frame", O, GS_K_FRAME, 0);
    vm->t_traceback = gs_type_new_builtin(vm, "traceback", O, GS_K_TRACEBACK, 0);
    vm->t_generator = gs_type_new_builtin(vm, "generator", O, GS_K_GENERATOR, 0);
    vm->t_weakref = gs_type_new_builtin(vm, "weakref.ReferenceType", O, GS_K_WEAKREF, GS_TF_BASETYPE);
    vm->t_property = gs_type_new_builtin(vm, "property", O, GS_K_PROPERTY, GS_TF_BASETYPE);
    vm->t_classmethod = gs_type_new_builtin(vm, "classmethod", O, GS_K_CLASSMETHOD, GS_TF_BASETYPE);
    vm->t_staticmethod = gs_type_new_builtin(vm, "staticmethod", O, GS_K_STATICMETHOD, GS_TF_BASETYPE);
    vm->t_dict_keys = gs_type_new_builtin(vm, "dict_keys", O, GS_K_ITER, 0);
    vm->t_dict_values = gs_type_new_builtin(vm, "dict_values", O, GS_K_ITER, 0);
    vm->t_dict_items = gs_type_new_builtin(vm, "dict_items", O, GS_K_ITER, 0);
    vm->t_super = gs_type_new_builtin(vm, "super", O, GS_K_SUPER, GS_TF_BASETYPE);
    vm->t_list_reverseiterator = gs_type_new_builtin(vm, "list_reverseiterator", O, GS_K_ITER, 0);
    static const char *iter_names[] = { "list_iterator", "tuple_iterator", "str_ascii_iterator", "range_iterator",
                                        "dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
                                        "set_iterator", "enumerate", "zip", "map", "filter", "reversed",
                                        "callable_iterator", "iterator" };
    for (int i = 0; i <= GS_IT_SEQ; i++)
        vm->t_iter[i] = gs_type_new_builtin(vm, iter_names[i], O, GS_K_ITER, 0);
    make_exc_types(vm);
    vm->t_complex = gs_type_new_builtin(vm, "complex", O, GS_K_COMPLEX, 0);
    vm->t_bytes = gs_type_new_builtin(vm, "bytes", O, GS_K_BYTES, 0);
    vm->t_bytearray = gs_type_new_builtin(vm, "bytearray", O, GS_K_BYTEARRAY, 0);
    vm->t_bytes_iter = gs_type_new_builtin(vm, "bytes_iterator", O, GS_K_ITER, 0);
    vm->t_bytearray_iter = gs_type_new_builtin(vm, "bytearray_iterator", O, GS_K_ITER, 0);
    /* the built-in types CPython's start-up (site, io, os, abc ...) has
     * already derived classes from: they have their tp_subclasses dict */
    gs_Type *derived[] = { vm->t_object, vm->t_type, vm->t_int, vm->t_dict, vm->t_tuple, vm->t_property,
                           vm->t_staticmethod, vm->t_classmethod, vm->t_weakref, vm->e_BaseException,
                           vm->e_Exception, vm->e_ArithmeticError, vm->e_ImportError, vm->e_IndentationError,
                           vm->e_LookupError, vm->e_NameError, vm->e_OSError, vm->e_RuntimeError, vm->e_SyntaxError,
                           vm->e_UnicodeError, vm->e_ValueError, vm->e_Warning,
                           vm->e_BaseExceptionGroup };
    for (size_t i = 0; i < sizeof derived / sizeof derived[0]; i++)
        derived[i]->spare |= GS_TYPE_HAS_SUBCLASSES;

    vm->none = static_object(vm, vm->t_none, sizeof(gs_Object));
    vm->true_ = static_object(vm, vm->t_bool, sizeof(gs_Int));
    ((gs_Int *)vm->true_)->value = 1;
    vm->false_ = static_object(vm, vm->t_bool, sizeof(gs_Int));
    vm->notimpl = static_object(vm, vm->t_notimpl, sizeof(gs_Object));
    vm->ellipsis = static_object(vm, vm->t_ellipsis, sizeof(gs_Object));
    for (int i = 0; i < 262; i++) {
        gs_Object *o = static_object(vm, vm->t_int, sizeof(gs_Int));
        ((gs_Int *)o)->value = i - 5;
        vm->small_ints[i] = o;
    }
    vm->empty_tuple = static_object(vm, vm->t_tuple, sizeof(gs_Tuple));
    ((gs_Tuple *)vm->empty_tuple)->hash = -1;
    vm->empty_str = gs_str_intern(vm, "", 0);
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        vm->char_strs[c] = gs_str_intern(vm, &ch, 1);
    }

#define NAME(field, s) vm->field = gs_name(vm, s)
    NAME(s___init__, "__init__"); NAME(s___del__, "__del__"); NAME(s___name__, "__name__");
    NAME(s___main__, "__main__"); NAME(s___dict__, "__dict__"); NAME(s___class__, "__class__");
    NAME(s___module__, "__module__"); NAME(s___qualname__, "__qualname__"); NAME(s___repr__, "__repr__");
    NAME(s___str__, "__str__"); NAME(s___len__, "__len__"); NAME(s___eq__, "__eq__"); NAME(s___hash__, "__hash__");
    NAME(s___iter__, "__iter__"); NAME(s___next__, "__next__"); NAME(s___enter__, "__enter__");
    NAME(s___exit__, "__exit__"); NAME(s___call__, "__call__"); NAME(s___contains__, "__contains__");
    NAME(s___getitem__, "__getitem__"); NAME(s___bool__, "__bool__"); NAME(s___doc__, "__doc__");
    NAME(s___builtins__, "__builtins__"); NAME(s_builtins, "builtins");
#undef NAME

        vm->repr_stack = static_object(vm, vm->t_list, sizeof(gs_List));
    gs_gc_init(vm);
    gs_builtins_init(vm);
    gs_gc_program_start(vm); /* start-up objects are long-lived, as in CPython */
    /* checking counts reads the events to learn what changed (refcheck.c) */
    vm->recording = cfg->record || cfg->check_refcounts;
    return vm;
}

static void free_static(gs_Object *o)
{
    if (!o)
        return;
    switch (GS_KIND(o)) {
    case GS_K_LIST: free(((gs_List *)o)->items); break;
    default: break;
    }
    free(o);
}

void gs_vm_free(gs_VM *vm)
{
    if (!vm)
        return;
    /* Objects still alive at the end are reclaimed wholesale: the run is
     * over, no more events matter. */
    vm->recording = false;
    vm->cfg.check_refcounts = false;
    /* first: it needs the value stack, the frames and the object table */
    gs_gc_free_all(vm);
    free(vm->stack);
    while (vm->frames_free) {
        gs_Frame *f = vm->frames_free;
        vm->frames_free = f->back;
        free(f);
    }
    gs_refcheck_free(vm);
    gs_trace_free(&vm->trace);
    free(vm->objtab);
    free(vm->check_failure);
    for (int i = 0; i < 262; i++)
        free_static(vm->small_ints[i]);
    free_static(vm->none);
    free_static(vm->true_);
    free_static(vm->false_);
    free_static(vm->notimpl);
    free_static(vm->ellipsis);
    free_static(vm->empty_tuple);
    free_static(vm->repr_stack);
    gs_table_free(&vm->interned);
    gs_str_interned_free(vm);
    free(vm);
}

/* ================================================================== loading and running */

/* Record an object made while recording was off (a constant) as if it were
 * born now: its alloc, the references it already has, and its slots. */
static void fill_error_from_exc(gs_VM *vm, gs_Error *err)
{
    gs_Object *exc = vm->exc;
    vm->exc = NULL;
    err->kind = GS_ERR_EXCEPTION;
    err->exit_code = 1;
    snprintf(err->type_name, sizeof err->type_name, "%s", exc->type->name->data);
    gs_Buf b;
    gs_buf_init(&b);
    if (GS_KIND(exc) == GS_K_EXCEPTION && gs_issubtype(exc->type, vm->e_SystemExit)) {
        /* no traceback: its code is the exit status (None 0, an int that
         * int), anything else is printed and the status is 1 */
        gs_Tuple *args = ((gs_Exception *)exc)->args;
        gs_Object *code = !args || args->len == 0 ? vm->none : args->len == 1 ? args->items[0] : &args->ob;
        if (code == vm->none)
            err->exit_code = 0;
        else if (GS_KIND(code) == GS_K_BOOL)
            err->exit_code = code == vm->true_;
        else if (GS_KIND(code) == GS_K_INT)
            err->exit_code = (int)((gs_Int *)code)->value;
        else {
            gs_Object *str = gs_str(vm, code);
            if (str) {
                gs_buf_add(&b, ((gs_Str *)str)->data, ((gs_Str *)str)->len);
                gs_decref(vm, str);
            } else
                gs_clear_exc(vm);
            gs_buf_add(&b, "\n", 1);
        }
        err->text = gs_buf_steal(&b);
        gs_decref(vm, exc);
        return;
    }
    gs_format_exception(vm, exc, &b);
    if (GS_KIND(exc) == GS_K_EXCEPTION) {
        gs_Exception *e = (gs_Exception *)exc;
        for (gs_Object *tb = e->traceback; tb && GS_KIND(tb) == GS_K_TRACEBACK; tb = ((gs_TracebackObj *)tb)->next)
            err->line = ((gs_TracebackObj *)tb)->lineno;
    }
    err->text = gs_buf_steal(&b);
    gs_decref(vm, exc);
}

/* At the end of a run, CPython clears __main__'s namespace: names that start
 * with one underscore first, then the rest, in insertion order. */
static void clear_main_namespace(gs_VM *vm)
{
    gs_Object *d = &((gs_Module *)vm->main_module)->dict->ob;
    for (int pass = 0; pass < 2; pass++) {
        gs_DictTable *t = &((gs_Dict *)d)->t;
        for (int32_t i = 0; i < t->nentries; i++) {
            gs_DictEntry *e = &t->entries[i];
            if (!e->key || GS_KIND(e->key) != GS_K_STR || !e->value || e->value == vm->none)
                continue;
            gs_Str *k = (gs_Str *)e->key;
            bool under = k->data[0] == '_' && k->data[1] != '_';
            if (k == vm->s___builtins__ || (pass == 0) != under)
                continue;
            gs_dict_set(vm, d, e->key, vm->none);
            if (vm->exc)
                gs_write_unraisable(vm, "Exception ignored in: ", NULL);
            t = &((gs_Dict *)d)->t;
        }
    }
}

gs_RunStatus gs_vm_run(gs_VM *vm, uint64_t budget, gs_Error *err)
{
    memset(err, 0, sizeof *err);
    if (vm->finished)
        return GS_RUN_DONE;
    if (!vm->started) {
        vm->started = true;
        gs_freelists_startup(vm);
        gs_Object *globals = &((gs_Module *)vm->main_module)->dict->ob;
        /* CPython 3.11's PyEval_EvalCode makes a function for the module's
         * code: the running frame holds it, it holds the globals and the
         * code (so the namespace has a holder outside any collection).  It
         * is the interpreter's: a viewer may hide it. */
        vm->runtime_alloc++;
        gs_Object *fn = make_function(vm, vm->main_code, globals);
        vm->runtime_alloc--;
        gs_Frame *f = fn ? frame_push(vm, vm->main_code, (gs_Function *)fn, globals, globals) : NULL;
        if (!f && fn)
            gs_decref(vm, fn);
        if (!f) {
            fill_error_from_exc(vm, err);
            vm->finished = true;
            return GS_RUN_EXCEPTION;
        }
        f->is_entry = 1;
        vm->main_frame = f;
    }
    if (vm->c_depth == 0) {
        /* the stack from here down is the program's: all of it (as the
         * limit allows, at most 64 MiB) less 1 MiB for what runs beyond a check */
        char here;
        struct rlimit rl;
        size_t room = (size_t)8 << 20;
        if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
            room = (size_t)rl.rlim_cur;
        else if (getrlimit(RLIMIT_STACK, &rl) == 0)
            room = (size_t)64 << 20;
        if (room > ((size_t)64 << 20))
            room = (size_t)64 << 20;
        vm->c_stack_base = (uintptr_t)&here;
        vm->c_stack_room = room > ((size_t)2 << 20) ? room - ((size_t)1 << 20) : room / 2;
    }
    vm->c_depth++;
    bool paused = false;
    gs_Object *r = eval(vm, budget, &paused);
    vm->c_depth--;
    if (paused) {
        vm->trace_seen = vm->trace.n; /* a viewer may index this much now */
        return GS_RUN_PAUSED;
    }
    vm->finished = true;
    if (r) {
        gs_decref(vm, r);
        if (vm->cfg.check_refcounts && !vm->check_failure)
            gs_vm_check_refcounts(vm);
        /* The program is over: what follows is the interpreter shutting
         * down, which the trace does not show (its output still prints). */
        vm->recording = false;
        gs_gc_at_exit(vm); /* atexit hooks, the shutdown collections; __main__ goes */
        if (vm->main_module)
            clear_main_namespace(vm);
        if (vm->ast_consts) {
            gs_Object *l = vm->ast_consts;
            vm->ast_consts = NULL;
            gs_decref(vm, l);
        }
        if (vm->limit_hit)
            goto limit;
        return GS_RUN_DONE;
    }
    if (vm->limit_hit)
        goto limit;
    /* the heap as the uncaught exception leaves it; then the program is
     * over: freeing the exception frees the frames its traceback kept, and
     * what that runs (a weak reference's callback, a __del__) is the
     * shutdown, called from C, which the trace does not show */
    if (vm->cfg.check_refcounts && !vm->check_failure)
        gs_vm_check_refcounts(vm);
    vm->recording = false;
    vm->c_depth++;
    fill_error_from_exc(vm, err);
    vm->c_depth--;
    gs_gc_at_exit(vm); /* CPython shuts down after printing the traceback */
    return GS_RUN_EXCEPTION;
limit:
    gs_clear_exc(vm);
    if (vm->trace_overflow && vm->last_line_event != GS_NO_LINE_EVENT && vm->trace.n > vm->last_line_event + 1) {
        /* the statement cut short is not in the trace, but what a viewer
         * may have indexed at a pause stays */
        size_t keep = vm->last_line_event + 1 > vm->trace_seen ? vm->last_line_event + 1 : vm->trace_seen;
        gs_trace_truncate(&vm->trace, keep);
    }
    err->kind = GS_ERR_LIMIT;
    snprintf(err->type_name, sizeof err->type_name, "limit");
    err->line = (int)(vm->limit_line ? vm->limit_line : vm->cur_line);
    {
        char buf[256];
        if (vm->cfg.max_events && vm->events > vm->cfg.max_events)
            snprintf(buf, sizeof buf, "stopped after %llu events (--max-events %llu)",
                     (unsigned long long)vm->events, (unsigned long long)vm->cfg.max_events);
        else if (vm->trace.strings.nbytes + vm->trace.nout > GS_TRACE_TEXT_MAX)
            snprintf(buf, sizeof buf, "stopped after %llu events: the recorded strings and output passed %zu MiB",
                     (unsigned long long)vm->events, GS_TRACE_TEXT_MAX >> 20);
        else
            snprintf(buf, sizeof buf, "stopped after %llu events: no memory left for the trace",
                     (unsigned long long)vm->events);
        err->text = strdup(buf);
    }
    return GS_RUN_LIMIT;
}

