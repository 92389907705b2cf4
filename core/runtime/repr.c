/*
 * repr.c — repr() and str() of every object, as CPython 3.11 writes them,
 * with the "..." of a container that contains itself.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"

/* ================================================================== repr of everything */

/* A fake but stable address in CPython's style: 0x7f..., unique per object. */
static unsigned long long fake_addr(gs_Object *o)
{
    return 0x7f1e2c000000ULL + (unsigned long long)o->id * 0x30ULL;
}

/* CPython's first Py_ReprEnter makes the thread state's dict and, in it,
 * the "Py_Repr" list: two GC objects that live to the end (gc.get_count()
 * and gc.get_objects() see them).  The model's own repr stack is
 * vm->repr_stack; these two only stand for CPython's. */
static int make_tstate_dict(gs_VM *vm)
{
    vm->runtime_alloc++;
    gs_Object *d = gs_dict_new(vm);
    gs_Object *l = d ? gs_list_new(vm, 0) : NULL;
    int r = l ? gs_dict_set(vm, d, &gs_name(vm, "Py_Repr")->ob, l) : -1;
    vm->runtime_alloc--;
    gs_xdecref(vm, l);
    if (r < 0) {
        gs_xdecref(vm, d);
        return -1;
    }
    vm->tstate_dict = d;
    return 0;
}

/* CPython's Py_Repr list: appended to by Py_ReprEnter, emptied by
 * Py_ReprLeave (list_resize, and _list_clear once empty, which frees its
 * slots): a top-level repr allocates 32 bytes for its length and frees
 * them, which tracemalloc's peak sees. */
static void py_repr_resize(gs_VM *vm, int64_t oldsize, int64_t newsize)
{
    int64_t alloc = vm->py_repr_cap, na;
    if (newsize == 0)
        na = 0;
    else if (alloc >= newsize && newsize >= (alloc >> 1))
        return;
    else {
        na = (newsize + (newsize >> 3) + 6) & ~(int64_t)3;
        if (newsize - oldsize > na - newsize)
            na = (newsize + 3) & ~(int64_t)3;
    }
    vm->py_repr_cap = na;
    gs_Object *l = vm->tm && vm->tstate_dict ? gs_dict_get_str(vm, vm->tstate_dict, gs_name(vm, "Py_Repr")) : NULL;
    if (!l)
        return;
    if (na)
        gs_tm_block(vm, l, GS_TM_ITEMS, 8 * (size_t)na, true);
    else
        gs_tm_free(vm, l, GS_TM_ITEMS);
}

int gs_repr_enter(gs_VM *vm, gs_Object *o)
{
    if (!vm->tstate_dict && make_tstate_dict(vm) < 0)
        return -1;
    gs_List *st = (gs_List *)vm->repr_stack;
    for (int32_t i = 0; i < st->len; i++)
        if (st->items[i] == o)
            return 1;
    /* borrowed entries: the repr stack does not own what it lists */
    if (st->len == st->cap) {
        int32_t cap = st->cap ? st->cap * 2 : 8;
        gs_Object **items = realloc(st->items, (size_t)cap * sizeof *items);
        if (!items) {
            gs_raise_memory(vm);
            return -1;
        }
        st->items = items;
        st->cap = cap;
    }
    st->items[st->len++] = o;
    py_repr_resize(vm, st->len - 1, st->len);
    return 0;
}

void gs_repr_leave(gs_VM *vm, gs_Object *o)
{
    gs_List *st = (gs_List *)vm->repr_stack;
    if (st->len > 0 && st->items[st->len - 1] == o) {
        st->len--;
        py_repr_resize(vm, st->len + 1, st->len);
    }
}

/* CPython's container reprs write into a _PyUnicodeWriter; the model
 * builds the text its own way and follows the buffer's size with a
 * gs_UWriter (runtime.h) so tracemalloc's peak sees it. */
typedef gs_UWriter ReprWriter;
#define writer_prepare gs_uwriter_write

static void writer_ascii(gs_VM *vm, ReprWriter *w, gs_Buf *b, const char *s)
{
    size_t n = strlen(s);
    gs_buf_add(b, s, n);
    writer_prepare(vm, w, (int64_t)n, 0);
}

/* _PyUnicodeWriter_Finish: the buffer becomes the result, cut to size */
static gs_Object *writer_finish(gs_VM *vm, ReprWriter *w, gs_Buf *b)
{
    gs_uwriter_finish(vm, w);
    return gs_buf_to_str(vm, b);
}

/* repr(o) added to b (and to w's length, when a writer is followed) */
static int repr_into(gs_VM *vm, gs_Buf *b, gs_Object *o, ReprWriter *w)
{
    gs_Object *r = gs_repr(vm, o);
    if (!r)
        return -1;
    gs_buf_add(b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
    if (w)
        writer_prepare(vm, w, ((gs_Str *)r)->nchars, gs_str_kind((gs_Str *)r));
    gs_decref(vm, r);
    return 0;
}

static gs_Object *repr_seq(gs_VM *vm, gs_Object *o, gs_Object **items, int32_t n, const char *open,
                           const char *close, bool tuple)
{
    if (n == 0) {
        gs_Buf b;
        gs_buf_init(&b);
        gs_buf_adds(&b, open);
        gs_buf_adds(&b, close);
        return gs_buf_to_str(vm, &b);
    }
    int e = gs_repr_enter(vm, o);
    if (e < 0)
        return NULL;
    if (e > 0)
        return gs_str_printf(vm, "%s...%s", open, close);
    if (vm->c_depth > 900) {
        gs_repr_leave(vm, o);
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return NULL;
    }
    vm->c_depth++;
    /* "(" + "1" + ", 2" * (len - 1) + ")", or "(1,)" */
    ReprWriter w = { .over = true, .min_length = tuple && n == 1 ? 4 : 3 + 3 * ((int64_t)n - 1) };
    gs_Buf b;
    gs_buf_init(&b);
    writer_ascii(vm, &w, &b, open);
    for (int32_t i = 0; i < n; i++) {
        if (i)
            writer_ascii(vm, &w, &b, ", ");
        /* the container may shrink while a user __repr__ runs */
        if (GS_KIND(o) == GS_K_LIST && i >= ((gs_List *)o)->len)
            break;
        gs_Object *item = GS_KIND(o) == GS_K_LIST ? ((gs_List *)o)->items[i] : items[i];
        gs_incref(vm, item);
        int r = repr_into(vm, &b, item, &w);
        gs_decref(vm, item);
        if (r < 0) {
            if (vm->tm)
                gs_tm_drop_block(vm, w.key);
            gs_buf_free(&b);
            vm->c_depth--;
            gs_repr_leave(vm, o);
            return NULL;
        }
        if (GS_KIND(o) == GS_K_LIST)
            n = ((gs_List *)o)->len;
    }
    w.over = false;
    writer_ascii(vm, &w, &b, tuple && n == 1 ? ",)" : close);
    vm->c_depth--;
    gs_repr_leave(vm, o);
    return writer_finish(vm, &w, &b);
}

static gs_Object *repr_table(gs_VM *vm, gs_Object *o, gs_DictTable *t, bool is_set, const char *open,
                             const char *close)
{
    int e = gs_repr_enter(vm, o);
    if (e < 0)
        return NULL;
    if (e > 0)
        return gs_str_printf(vm, "%s...%s", open, close);
    if (vm->c_depth > 900) {
        gs_repr_leave(vm, o);
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return NULL;
    }
    /* "{" + "1: 2" + ", 3: 4" * (len - 1) + "}" (a dict; sets are written as lists) */
    int64_t used = 0;
    for (int32_t i = 0; i < t->nentries; i++)
        used += t->entries[i].key != NULL;
    if (used == 0) {
        gs_repr_leave(vm, o);
        return gs_str_printf(vm, "%s%s", open, close);
    }
    vm->c_depth++;
    ReprWriter w = { .over = true, .min_length = 6 + 6 * (used - 1) };
    gs_Buf b;
    gs_buf_init(&b);
    writer_ascii(vm, &w, &b, open);
    bool first = true;
    for (int32_t i = 0; i < t->nentries; i++) {
        gs_DictEntry *en = &t->entries[i];
        if (!en->key)
            continue;
        if (!first)
            writer_ascii(vm, &w, &b, ", ");
        first = false;
        gs_Object *k = en->key, *v = en->value;
        gs_incref(vm, k);
        gs_xincref(vm, v);
        int r = repr_into(vm, &b, k, &w);
        if (r == 0 && !is_set) {
            writer_ascii(vm, &w, &b, ": ");
            r = repr_into(vm, &b, v, &w);
        }
        gs_decref(vm, k);
        gs_xdecref(vm, v);
        if (r < 0) {
            if (vm->tm)
                gs_tm_drop_block(vm, w.key);
            gs_buf_free(&b);
            vm->c_depth--;
            gs_repr_leave(vm, o);
            return NULL;
        }
    }
    w.over = false;
    writer_ascii(vm, &w, &b, close);
    vm->c_depth--;
    gs_repr_leave(vm, o);
    return writer_finish(vm, &w, &b);
}

/* set_repr: the repr of list(s) with its brackets swapped for braces, as
 * CPython builds it (so the list and its iterator are allocated too). */
static gs_Object *repr_set(gs_VM *vm, gs_Object *o)
{
    const char *name = o->type->name->data;
    int e = gs_repr_enter(vm, o);
    if (e < 0)
        return NULL;
    if (e > 0)
        return gs_str_printf(vm, "%s(...)", name);
    gs_Object *r = NULL;
    if (((gs_Set *)o)->used == 0) {
        r = gs_str_printf(vm, "%s()", name);
    } else {
        gs_Object *keys = gs_list_from_iterable(vm, o);
        gs_Object *lr = keys ? gs_repr(vm, keys) : NULL;
        gs_xdecref(vm, keys);
        if (lr) {
            gs_Str *ls = (gs_Str *)lr;
            bool exact = o->type == vm->t_set;
            gs_Buf b;
            gs_buf_init(&b);
            if (!exact) {
                gs_buf_adds(&b, name);
                gs_buf_addc(&b, '(');
            }
            gs_buf_addc(&b, '{');
            gs_buf_add(&b, ls->data + 1, (size_t)ls->len - 2);
            gs_buf_addc(&b, '}');
            if (!exact)
                gs_buf_addc(&b, ')');
            gs_decref(vm, lr);
            r = gs_buf_to_str(vm, &b);
        }
    }
    gs_repr_leave(vm, o);
    return r;
}

static gs_Object *call_dunder(gs_VM *vm, gs_Object *o, gs_Str *name, bool *found)
{
    gs_Object *m = gs_type_lookup_slot(vm, o->type, name);
    *found = m != NULL;
    if (!m)
        return NULL;
    if (vm->c_depth > 900) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        return NULL;
    }
    vm->c_depth++;
    gs_Object *r = gs_call_object(vm, m, &o, 1, NULL);
    vm->c_depth--;
    if (r && GS_KIND(r) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "%s returned non-string (type %s)", name->data, gs_type_name(r));
        gs_decref(vm, r);
        return NULL;
    }
    return r;
}

static const char *iter_type_name(gs_Object *o) { return gs_type_name(o); }

gs_Object *gs_exc_repr(gs_VM *vm, gs_Object *o)
{
    gs_Exception *e = (gs_Exception *)o;
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_adds(&b, gs_type_name(o));
    if (e->args->len == 1) {
        gs_buf_addc(&b, '(');
        if (repr_into(vm, &b, e->args->items[0], NULL) < 0) {
            gs_buf_free(&b);
            return NULL;
        }
        gs_buf_addc(&b, ')');
    } else {
        gs_Object *r = gs_repr(vm, &e->args->ob);
        if (!r) {
            gs_buf_free(&b);
            return NULL;
        }
        gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
        gs_decref(vm, r);
    }
    return gs_buf_to_str(vm, &b);
}

gs_Object *gs_repr(gs_VM *vm, gs_Object *o)
{
    if ((o->type->flags & GS_TF_HEAP) && GS_KIND(o) != GS_K_INSTANCE && GS_KIND(o) != GS_K_EXCEPTION) {
        /* an object of a class derived from a built-in type */
        bool found;
        gs_Object *r = call_dunder(vm, o, vm->s___repr__, &found);
        if (found)
            return r;
    }
    return gs_repr_builtin(vm, o);
}

gs_Object *gs_repr_builtin(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_NONE: return gs_str_new(vm, "None", 4);
    case GS_K_BOOL: /* CPython 3.11 returns its static strings: nothing is allocated */
        return o == vm->true_ ? gs_str_intern(vm, "True", 4) : gs_str_intern(vm, "False", 5);
    case GS_K_INT: return gs_int_is_big(o) ? gs_big_str(vm, o) : gs_str_of_int(vm, ((gs_Int *)o)->value);
    case GS_K_FLOAT: return gs_float_repr(vm, ((gs_Float *)o)->value);
    case GS_K_COMPLEX: return gs_complex_repr(vm, o);
    case GS_K_BYTES: case GS_K_BYTEARRAY: return gs_bytes_repr(vm, o);
    case GS_K_STR: return gs_str_repr(vm, (gs_Str *)o);
    case GS_K_LIST: return repr_seq(vm, o, ((gs_List *)o)->items, ((gs_List *)o)->len, "[", "]", false);
    case GS_K_TUPLE:
        if (o->type != vm->t_tuple) { /* a module's tuple type with its own repr (time.struct_time) */
            bool found;
            gs_Object *r = call_dunder(vm, o, vm->s___repr__, &found);
            if (found)
                return r;
        }
        return repr_seq(vm, o, ((gs_Tuple *)o)->items, ((gs_Tuple *)o)->len, "(", ")", true);
    case GS_K_DICT: return repr_table(vm, o, &((gs_Dict *)o)->t, false, "{", "}");
    case GS_K_SET: return repr_set(vm, o);
    case GS_K_TYPE: {
        gs_Type *t = (gs_Type *)o;
        if (t->flags & GS_TF_HEAP) {
            /* type_repr: __module__ and __qualname__ */
            gs_Object *mod = t->dict ? gs_dict_get_str(vm, &t->dict->ob, vm->s___module__) : NULL;
            const char *qn = t->qualname ? t->qualname->data : t->name->data;
            if (mod && GS_KIND(mod) == GS_K_STR && strcmp(((gs_Str *)mod)->data, "builtins") != 0)
                return gs_str_printf(vm, "<class '%s.%s'>", ((gs_Str *)mod)->data, qn);
            return gs_str_printf(vm, "<class '%s'>", qn);
        }
        /* a class CPython writes in Python that a module here makes in C
         * (weakref.WeakSet) is named with its module, like a class; a
         * module's C type with C data (heapq's generator) keeps its name */
        if (t->module != vm->s_builtins && !t->native && !strchr(t->name->data, '.'))
            return gs_str_printf(vm, "<class '%s.%s'>", t->module->data, t->name->data);
        return gs_str_printf(vm, "<class '%s'>", t->name->data);
    }
    case GS_K_FUNCTION:
        return gs_str_printf(vm, "<function %s at 0x%llx>", ((gs_Function *)o)->qualname->data, fake_addr(o));
    case GS_K_BUILTIN: {
        gs_Builtin *b = (gs_Builtin *)o;
        if (b->self && GS_KIND(b->self) != GS_K_MODULE)
            return gs_str_printf(vm, "<built-in method %s of %s object at 0x%llx>", b->name,
                                 gs_type_name(b->self), fake_addr(b->self));
        return gs_str_printf(vm, "<built-in function %s>", b->name);
    }
    case GS_K_METHOD: {
        gs_Method *m = (gs_Method *)o;
        gs_Object *sr = gs_repr(vm, m->self);
        if (!sr)
            return NULL;
        const char *fname = GS_KIND(m->func) == GS_K_FUNCTION ? ((gs_Function *)m->func)->qualname->data : "?";
        gs_Object *r = gs_str_printf(vm, "<bound method %s of %s>", fname, ((gs_Str *)sr)->data);
        gs_decref(vm, sr);
        return r;
    }
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION:
    case GS_K_WEAKREF: {
        bool found;
        gs_Object *r = call_dunder(vm, o, vm->s___repr__, &found);
        if (found)
            return r;
        if (GS_KIND(o) == GS_K_EXCEPTION)
            return gs_exc_repr(vm, o);
        return gs_object_repr(vm, o);
    }
    case GS_K_MODULE: {
        /* a module written in Python names its file (__file__) */
        gs_Module *m = (gs_Module *)o;
        gs_Object *file = gs_dict_get_str(vm, &m->dict->ob, gs_name(vm, "__file__"));
        if (file && GS_KIND(file) == GS_K_STR)
            return gs_str_printf(vm, "<module '%s' from '%s'>", m->name->data, ((gs_Str *)file)->data);
        return gs_str_printf(vm, "<module '%s' (built-in)>", m->name->data);
    }
    case GS_K_RANGE: {
        gs_Range *r = (gs_Range *)o;
        if (r->step == 1)
            return gs_str_printf(vm, "range(%" PRId64 ", %" PRId64 ")", r->start, r->stop);
        return gs_str_printf(vm, "range(%" PRId64 ", %" PRId64 ", %" PRId64 ")", r->start, r->stop, r->step);
    }
    case GS_K_SLICE: {
        gs_Slice *s = (gs_Slice *)o;
        gs_Buf b;
        gs_buf_init(&b);
        gs_buf_adds(&b, "slice(");
        repr_into(vm, &b, s->start, NULL);
        gs_buf_adds(&b, ", ");
        repr_into(vm, &b, s->stop, NULL);
        gs_buf_adds(&b, ", ");
        repr_into(vm, &b, s->step, NULL);
        gs_buf_adds(&b, ")");
        return gs_buf_to_str(vm, &b);
    }
    case GS_K_SUPER: {
        gs_Method *sp = (gs_Method *)o;
        if (!sp->self)
            return gs_str_printf(vm, "<super: <class '%s'>, NULL>", ((gs_Type *)sp->func)->name->data);
        return gs_str_printf(vm, "<super: <class '%s'>, <%s object>>", ((gs_Type *)sp->func)->name->data,
                             gs_type_name(sp->self));
    }
    case GS_K_NOTIMPL: return gs_str_from_cstr(vm, "NotImplemented");
    case GS_K_ELLIPSIS: return gs_str_from_cstr(vm, "Ellipsis");
    case GS_K_CELL: {
        gs_Cell *c = (gs_Cell *)o;
        if (!c->ref)
            return gs_str_printf(vm, "<cell at 0x%llx: empty>", fake_addr(o));
        return gs_str_printf(vm, "<cell at 0x%llx: %s object at 0x%llx>", fake_addr(o), gs_type_name(c->ref),
                             fake_addr(c->ref));
    }
    case GS_K_FRAME: { /* frame_repr: the line it is at now */
        gs_FrameObj *fo = (gs_FrameObj *)o;
        if (!fo->code)
            return gs_str_printf(vm, "<frame at 0x%llx>", fake_addr(o));
        gs_Object *line = gs_frameobj_getattr(vm, o, gs_name(vm, "f_lineno"));
        if (!line)
            return NULL;
        gs_Object *r = gs_str_printf(vm, "<frame at 0x%llx, file '%s', line %lld, code %s>", fake_addr(o),
                                     fo->code->filename->data, (long long)((gs_Int *)line)->value,
                                     fo->code->name->data);
        gs_decref(vm, line);
        return r;
    }
    case GS_K_CODE: {
        gs_Code *c = (gs_Code *)o;
        return gs_str_printf(vm, "<code object %s at 0x%llx, file \"%s\", line %d>", c->name->data, fake_addr(o),
                             c->filename->data, c->firstline);
    }
    case GS_K_ITER:
        if (gs_dict_view_base(vm, o)) {
            gs_Object *l = gs_list_from_iterable(vm, o);
            if (!l)
                return NULL;
            gs_Object *lr = gs_repr(vm, l);
            gs_decref(vm, l);
            if (!lr)
                return NULL;
            gs_Object *r = gs_str_printf(vm, "%s(%s)", gs_type_name(o), ((gs_Str *)lr)->data);
            gs_decref(vm, lr);
            return r;
        }
        return gs_str_printf(vm, "<%s object at 0x%llx>", iter_type_name(o), fake_addr(o));
    case GS_K_GENERATOR: { /* "<generator object count_up at 0x...>": its code's qualified name */
        gs_Code *c = gs_gen_code(o);
        if (c && c->qualname)
            return gs_str_printf(vm, "<%s object %s at 0x%llx>", gs_type_name(o), c->qualname->data, fake_addr(o));
        return gs_str_printf(vm, "<%s object at 0x%llx>", gs_type_name(o), fake_addr(o));
    }
    case GS_K_STATICMETHOD:
    case GS_K_CLASSMETHOD: { /* "<staticmethod(<function C.s at 0x...>)>" */
        gs_Object *f = ((gs_Descr *)o)->ref;
        gs_Object *fr = f ? gs_repr(vm, f) : NULL;
        if (!fr)
            return f ? NULL : gs_str_printf(vm, "<%s object at 0x%llx>", gs_type_name(o), fake_addr(o));
        gs_Object *r = gs_str_printf(vm, "<%s(%s)>", GS_KIND(o) == GS_K_STATICMETHOD ? "staticmethod" : "classmethod",
                                     ((gs_Str *)fr)->data);
        gs_decref(vm, fr);
        return r;
    }
    default: /* (the full name: a module's stand-in for a Python class is "<contextlib.suppress object ...>") */
        return gs_str_printf(vm, "<%s object at 0x%llx>", o->type->name->data, fake_addr(o));
    }
}

unsigned long long gs_object_address(gs_Object *o) { return fake_addr(o); }

gs_Object *gs_exc_str(gs_VM *vm, gs_Object *o)
{
    gs_Exception *e = (gs_Exception *)o;
    if (e->eg_excs && e->eg_msg)
        return gs_excgroup_str(vm, o);
    if (gs_issubtype(o->type, vm->e_KeyError) && e->args->len == 1)
        return gs_repr(vm, e->args->items[0]);
    if (gs_issubtype(o->type, vm->e_SyntaxError) && e->args->len == 2 && GS_KIND(e->args->items[1]) == GS_K_TUPLE) {
        /* SyntaxError_str: "msg (file, line N)" with the file's base name */
        gs_Tuple *info = (gs_Tuple *)e->args->items[1];
        if (info->len >= 2 && GS_KIND(info->items[0]) == GS_K_STR && GS_KIND(info->items[1]) == GS_K_INT) {
            gs_Object *m = gs_str(vm, e->args->items[0]);
            if (!m)
                return NULL;
            const char *fn = ((gs_Str *)info->items[0])->data, *slash = strrchr(fn, '/');
            gs_Object *r = gs_str_printf(vm, "%s (%s, line %lld)", ((gs_Str *)m)->data, slash ? slash + 1 : fn,
                                         (long long)((gs_Int *)info->items[1])->value);
            gs_decref(vm, m);
            return r;
        }
    }
    if (gs_issubtype(o->type, vm->e_OSError) && e->args->len == 2) {
        /* OSError_str: "[Errno 2] No such file: 'f' -> 'g'" */
        gs_Object *parts[4] = { gs_str(vm, e->args->items[0]), gs_str(vm, e->args->items[1]), NULL, NULL };
        gs_Object *fn = gs_lookup_attr(vm, o, gs_name(vm, "filename"));
        gs_Object *fn2 = gs_lookup_attr(vm, o, gs_name(vm, "filename2"));
        if (fn && fn != vm->none)
            parts[2] = gs_repr(vm, fn);
        if (fn2 && fn2 != vm->none)
            parts[3] = gs_repr(vm, fn2);
        gs_xdecref(vm, fn);
        gs_xdecref(vm, fn2);
        gs_Object *r = NULL;
        if (parts[0] && parts[1] && !vm->exc) {
            const char *a = ((gs_Str *)parts[0])->data, *b = ((gs_Str *)parts[1])->data;
            if (parts[2] && parts[3])
                r = gs_str_printf(vm, "[Errno %s] %s: %s -> %s", a, b, ((gs_Str *)parts[2])->data,
                                  ((gs_Str *)parts[3])->data);
            else if (parts[2])
                r = gs_str_printf(vm, "[Errno %s] %s: %s", a, b, ((gs_Str *)parts[2])->data);
            else
                r = gs_str_printf(vm, "[Errno %s] %s", a, b);
        }
        for (int i = 0; i < 4; i++)
            gs_xdecref(vm, parts[i]);
        return r;
    }
    if (e->args->len == 0)
        return gs_newref(vm, vm->empty_str);
    if (e->args->len == 1)
        return gs_str(vm, e->args->items[0]);
    return gs_repr(vm, &e->args->ob);
}

/* object.__repr__: "<__main__.C object at 0x...>" (the qualified name) */
gs_Object *gs_object_repr(gs_VM *vm, gs_Object *o)
{
    gs_Type *t = o->type;
    if (!(t->flags & GS_TF_HEAP))
        return gs_str_printf(vm, "<%s object at 0x%llx>", t->name->data, fake_addr(o));
    gs_Object *mod = t->dict ? gs_dict_get_str(vm, &t->dict->ob, vm->s___module__) : NULL;
    const char *qn = t->qualname ? t->qualname->data : t->name->data;
    if (mod && GS_KIND(mod) == GS_K_STR && strcmp(((gs_Str *)mod)->data, "builtins") != 0)
        return gs_str_printf(vm, "<%s.%s object at 0x%llx>", ((gs_Str *)mod)->data, qn, fake_addr(o));
    return gs_str_printf(vm, "<%s object at 0x%llx>", qn, fake_addr(o));
}

gs_Object *gs_str(gs_VM *vm, gs_Object *o)
{
    if ((o->type->flags & GS_TF_HEAP) && GS_KIND(o) != GS_K_INSTANCE && GS_KIND(o) != GS_K_EXCEPTION) {
        bool found;
        gs_Object *r = call_dunder(vm, o, vm->s___str__, &found);
        if (found)
            return r;
        if (GS_KIND(o) == GS_K_STR) /* str of a str subclass: an exact copy */
            return gs_str_new(vm, ((gs_Str *)o)->data, (size_t)((gs_Str *)o)->len);
        return gs_repr(vm, o);
    }
    switch (GS_KIND(o)) {
    case GS_K_STR: return gs_newref(vm, o);
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION:
    case GS_K_WEAKREF: {
        bool found;
        gs_Object *r = call_dunder(vm, o, vm->s___str__, &found);
        if (found)
            return r;
        if (GS_KIND(o) == GS_K_EXCEPTION) {
            /* a user __repr__ does not change str(exc) */
            return gs_exc_str(vm, o);
        }
        return gs_repr(vm, o);
    }
    default: return gs_repr(vm, o);
    }
}

/* ================================================================== the _PyUnicodeWriter model */

static size_t uwriter_block(int64_t len, int kind)
{
    return kind ? 72 + (size_t)(len + 1) * (size_t)kind : 49 + (size_t)len;
}

void gs_uwriter_write(gs_VM *vm, gs_UWriter *w, int64_t len, int kind)
{
    int64_t newlen = w->pos + len;
    int k = kind > w->kind ? kind : w->kind;
    w->pos = newlen;
    if (!vm->tm || len == 0)
        return;
    if (w->readonly || !w->made || newlen > w->size) {
        if (!w->made && !w->over && w->whole) {
            /* _PyUnicodeWriter_WriteStr into an empty writer that does not
             * over-allocate: it keeps the str itself, no buffer */
            w->readonly = true;
            w->made = true;
            w->size = newlen;
            w->kind = k;
            return;
        }
        if (w->over)
            newlen += newlen / 4;
        if (newlen < w->min_length)
            newlen = w->min_length;
    } else if (k > w->kind) {
        newlen = w->size; /* only wider */
    } else {
        return;
    }
    if (!w->made || w->readonly || k > w->kind) {
        /* a new buffer (PyUnicode_New), the old one freed after the copy */
        uintptr_t nk = gs_tm_new_block(vm, uwriter_block(newlen, k));
        gs_tm_drop_block(vm, w->key);
        w->key = nk;
    } else {
        gs_tm_set_block(vm, w->key, uwriter_block(newlen, k)); /* resize_compact */
    }
    w->made = true;
    w->readonly = false;
    w->size = newlen;
    w->kind = k;
}

void gs_uwriter_finish(gs_VM *vm, gs_UWriter *w)
{
    if (vm->tm)
        gs_tm_drop_block(vm, w->key); /* the result's own alloc traces it again at its size */
    w->key = 0;
}
