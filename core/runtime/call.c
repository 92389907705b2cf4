/*
 * call.c — calling any object: built-in functions (with the argument tuples
 * CPython packs for METH_VARARGS), types (type.__call__ for the built-in
 * types and for classes), Python functions and methods, instances with
 * __call__.
 */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "runtime.h"

static gs_Object *call_type(gs_VM *vm, gs_Type *t, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    int npos = gs_npos(nargs, kwnames);
    const char *tn = t->name->data;
    if (t->flags & GS_TF_HEAP)
        return gs_type_call(vm, t, args, nargs, kwnames); /* a class: __new__, then __init__ */
    if (t->flags & GS_TF_EXC) {
        if (kwnames && kwnames->len) {
            gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", tn);
            return NULL;
        }
        gs_Object *a = gs_tuple_new(vm, npos);
        if (!a)
            return NULL;
        for (int i = 0; i < npos; i++)
            gs_tuple_init(vm, a, i, gs_newref(vm, args[i]));
        gs_Object *e = gs_exception_new(vm, t, a);
        /* a module's exception with a C __init__ of its own (json.JSONDecodeError) */
        gs_Object *init = e && t->dict ? gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, "__init__")) : NULL;
        if (init && GS_KIND(init) == GS_K_BUILTIN) {
            gs_Object *r = ((gs_Builtin *)init)->fn(vm, e, args, nargs, kwnames);
            if (!r) {
                gs_decref(vm, e);
                return NULL;
            }
            gs_decref(vm, r);
        }
        return e;
    }
    if (t == vm->t_type) {
        if (npos == 1 && !(kwnames && kwnames->len))
            return gs_newref(vm, &args[0]->type->ob);
        if (npos == 3)
            return gs_type_call(vm, t, args, nargs, kwnames);
        gs_raise(vm, vm->e_TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    if (t == vm->t_none) { /* type(None)(): None itself */
        if (nargs) {
            gs_raise(vm, vm->e_TypeError, "NoneType takes no arguments");
            return NULL;
        }
        return GS_NONE(vm);
    }
    if (t == vm->t_property || t == vm->t_staticmethod || t == vm->t_classmethod)
        return gs_descr_construct(vm, t, args, nargs, kwnames);
    bool core = t == vm->t_str || t == vm->t_bool || t == vm->t_float || t == vm->t_list || t == vm->t_tuple ||
                t == vm->t_set || t == vm->t_frozenset || t == vm->t_dict || t == vm->t_range || t == vm->t_slice ||
                t == vm->t_int || t == vm->t_object;
    if (!core && t->dict) {
        /* built-in types made elsewhere (weakref.ref, a module's types)
         * construct through a C __new__ */
        gs_Object *ctor = gs_dict_get_str(vm, &t->dict->ob, gs_name(vm, "__new__"));
        if (ctor && GS_KIND(ctor) == GS_K_BUILTIN)
            return ((gs_Builtin *)ctor)->fn(vm, &t->ob, args, nargs, kwnames);
    }
    if (t == vm->t_str && (npos > 1 || (kwnames && kwnames->len))) {
        /* str(object=b'', encoding='utf-8', errors='strict') */
        static const char *const names[] = { "object", "encoding", "errors" };
        gs_Object *a[3] = { NULL, NULL, NULL };
        if (gs_pyargs(vm, "str", args, nargs, kwnames, names, 3, 3, 0, a) < 0)
            return NULL;
        if (!a[1] && !a[2])
            return a[0] ? gs_str(vm, a[0]) : gs_newref(vm, vm->empty_str);
        return gs_str_decode(vm, a[0] ? a[0] : vm->empty_str, a[1], a[2]);
    }
    if (kwnames && kwnames->len && t != vm->t_dict && t != vm->t_int) {
        gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", tn);
        return NULL;
    }
    if (t == vm->t_int) {
        gs_Object *base = gs_kwarg(vm, args, nargs, kwnames, "base");
        if (npos == 0)
            return gs_int_new(vm, 0);
        if (npos > 2) {
            gs_raise(vm, vm->e_TypeError, "int() takes at most 2 arguments (%d given)", npos);
            return NULL;
        }
        return gs_int_from_object(vm, args[0], npos == 2 ? args[1] : base);
    }
    if (t == vm->t_object) {
        if (nargs) {
            gs_raise(vm, vm->e_TypeError, "object() takes no arguments");
            return NULL;
        }
        gs_Object *o = gs_alloc(vm, vm->t_object, sizeof(gs_Instance));
        if (o)
            o->kind = GS_K_INSTANCE;
        return o;
    }
    if (gs_check_args(vm, tn, npos, 0, (t == vm->t_range || t == vm->t_slice) ? 3 : 1) < 0)
        return NULL;
    gs_Object *a0 = npos ? args[0] : NULL;
    if (t == vm->t_str)
        return a0 ? gs_str(vm, a0) : gs_newref(vm, vm->empty_str);
    if (t == vm->t_bool) {
        if (!a0)
            return GS_BOOL(vm, false);
        int r = gs_truthy(vm, a0);
        return r < 0 ? NULL : GS_BOOL(vm, r);
    }
    if (t == vm->t_float)
        return a0 ? gs_float_from_object(vm, a0) : gs_float_new(vm, 0.0);
    if (t == vm->t_list) {
        gs_Object *l = gs_list_new_fresh(vm);
        if (l && a0 && gs_list_extend(vm, l, a0) < 0) {
            gs_decref(vm, l);
            return NULL;
        }
        return l;
    }
    if (t == vm->t_tuple)
        return a0 ? gs_tuple_from_iterable(vm, a0) : gs_newref(vm, vm->empty_tuple);
    if (t == vm->t_set || t == vm->t_frozenset)
        return gs_set_from_iterable(vm, t == vm->t_frozenset, a0);
    if (t == vm->t_dict) {
        gs_Object *d = gs_dict_new_fresh(vm);
        if (!d)
            return NULL;
        if (a0 && gs_dict_update(vm, d, a0) < 0) {
            gs_decref(vm, d);
            return NULL;
        }
        for (int i = 0; kwnames && i < kwnames->len; i++)
            if (gs_dict_set(vm, d, kwnames->items[i], args[npos + i]) < 0) {
                gs_decref(vm, d);
                return NULL;
            }
        return d;
    }
    if (t == vm->t_range) {
        int64_t v[3] = { 0, 0, 1 };
        for (int i = 0; i < npos && i < 3; i++) { /* PyNumber_Index: an object's __index__ too */
            int ix = GS_KIND(args[i]) == GS_K_INSTANCE ? gs_index_value(vm, args[i], &v[i]) : 0;
            if (ix < 0 || (ix == 0 && gs_as_int(vm, args[i], &v[i]) < 0))
                return NULL;
        }
        if (npos == 0) {
            gs_raise(vm, vm->e_TypeError, "range expected at least 1 argument, got 0");
            return NULL;
        }
        if (npos == 1)
            return gs_range_new(vm, 0, v[0], 1);
        if (v[2] == 0) {
            gs_raise(vm, vm->e_ValueError, "range() arg 3 must not be zero");
            return NULL;
        }
        return gs_range_new(vm, v[0], v[1], npos == 3 ? v[2] : 1);
    }
    if (t == vm->t_slice) {
        if (npos < 1 || npos > 3) {
            gs_raise(vm, vm->e_TypeError, "slice expected at least 1 argument, got %d", npos);
            return NULL;
        }
        gs_Slice *sl = (gs_Slice *)gs_alloc(vm, vm->t_slice, sizeof(gs_Slice));
        if (!sl)
            return NULL;
        sl->start = gs_newref(vm, npos >= 2 ? args[0] : vm->none);
        sl->stop = gs_newref(vm, npos >= 2 ? args[1] : args[0]);
        sl->step = gs_newref(vm, npos == 3 ? args[2] : vm->none);
        gs_record_fields(vm, &sl->ob); /* start, stop, step: a slice kept in a name outlives its line */
        gs_gc_track(vm, &sl->ob);
        return &sl->ob;
    }
    gs_raise(vm, vm->e_TypeError, "cannot create '%s' instances", tn);
    return NULL;
}

gs_Object *gs_call(gs_VM *vm, gs_Object *callable, gs_Object **args, int nargs, gs_Tuple *kwnames)
{
    switch (GS_KIND(callable)) {
    case GS_K_BUILTIN: {
        gs_Builtin *b = (gs_Builtin *)callable;
        gs_Object *self = b->self;
        if ((b->varargs & GS_TPNEW) && !self && b->owner) {
            /* X.__new__(cls, ...) called explicitly (tp_new_wrapper) */
            const char *on = b->owner->name->data;
            if (nargs < 1) {
                gs_raise(vm, vm->e_TypeError, "%s.__new__(): not enough arguments", on);
                return NULL;
            }
            if (GS_KIND(args[0]) != GS_K_TYPE) {
                gs_raise(vm, vm->e_TypeError, "%s.__new__(X): X is not a type object (%s)", on, gs_type_name(args[0]));
                return NULL;
            }
            gs_Type *sub = (gs_Type *)args[0];
            if (!gs_issubtype(sub, b->owner)) {
                gs_raise(vm, vm->e_TypeError, "%s.__new__(%s): %s is not a subtype of %s", on, sub->name->data,
                         sub->name->data, on);
                return NULL;
            }
            return b->fn(vm, args[0], args + 1, nargs - 1, kwnames);
        }
        if (b->owner && !self) {
            /* an unbound method: the receiver is the first argument */
            if (nargs < 1 || !gs_isinstance(args[0], b->owner)) {
                gs_raise(vm, vm->e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                         b->name, b->owner->name->data, nargs ? gs_type_name(args[0]) : "NoneType");
                return NULL;
            }
            self = args[0];
            args++;
            nargs--;
        }
        int npos = gs_npos(nargs, kwnames);
        /* CPython's messages name the method by its type's __name__
         * ("StringIO.write()"), not the dotted tp_name ("_io.StringIO") */
        const char *owner = NULL;
        if (b->owner) {
            owner = strrchr(b->owner->name->data, '.');
            owner = owner ? owner + 1 : b->owner->name->data;
        }
        if (!b->takes_kw && kwnames && kwnames->len) {
            if (b->owner)
                gs_raise(vm, vm->e_TypeError, "%s.%s() takes no keyword arguments", owner, b->name);
            else
                gs_raise(vm, vm->e_TypeError, "%s() takes no keyword arguments", b->name);
            return NULL;
        }
        if (npos < b->min_args || (b->max_args >= 0 && npos > b->max_args)) {
            char full[128];
            if (b->owner)
                snprintf(full, sizeof full, "%s.%s", owner, b->name);
            else
                snprintf(full, sizeof full, "%s", b->name);
            if (b->min_args == b->max_args && b->min_args == 1)
                gs_raise(vm, vm->e_TypeError, "%s() takes exactly one argument (%d given)", full, npos);
            else if (b->min_args == b->max_args && b->min_args == 0)
                gs_raise(vm, vm->e_TypeError, "%s() takes no arguments (%d given)", full, npos);
            else if (npos < b->min_args)
                gs_raise(vm, vm->e_TypeError, "%s expected at least %d argument%s, got %d", b->owner ? b->name : full,
                         b->min_args, b->min_args == 1 ? "" : "s", npos);
            else
                gs_raise(vm, vm->e_TypeError, "%s expected at most %d argument%s, got %d", b->owner ? b->name : full,
                         b->max_args, b->max_args == 1 ? "" : "s", npos);
            return NULL;
        }
        if (!b->varargs)
            return b->fn(vm, self, args, nargs, kwnames);
        if (b->varargs & GS_ITERNEXT) {
            /* a tp_iternext called as __next__(): exhaustion is StopIteration */
            gs_Object *r = b->fn(vm, self, args, nargs, kwnames);
            if (!r && !vm->exc)
                gs_raise_obj(vm, gs_exception_new(vm, vm->e_StopIteration, NULL));
            return r;
        }
        /* METH_VARARGS: CPython packs the arguments in a tuple (and the keywords in a dict) */
        gs_Object *argt = npos ? gs_phantom_alloc(vm, vm->t_tuple, npos) : NULL;
        gs_Object *kwd = (b->varargs & GS_VARARGS) && kwnames && kwnames->len ? gs_phantom_alloc(vm, vm->t_dict, 0)
                                                                          : NULL;
        gs_Object *r = b->fn(vm, self, args, nargs, kwnames);
        gs_phantom_free(vm, argt);
        gs_phantom_free(vm, kwd);
        return r;
    }
    case GS_K_TYPE: {
        gs_Type *meta = callable->type;
        if ((meta->flags & GS_TF_HEAP) || (meta != vm->t_type && meta->module)) {
            /* a metaclass's own __call__ (a module's too: typing._TypedDictMeta) */
            gs_Object *m = gs_type_lookup(meta, vm->s___call__);
            /* (a module's C __call__ counts: enum.EnumType's; type's own does not) */
            if (m && (GS_KIND(m) != GS_K_BUILTIN || ((gs_Builtin *)m)->owner != vm->t_type)) {
                gs_Object *argv[nargs + 1];
                argv[0] = callable;
                for (int i = 0; i < nargs; i++)
                    argv[i + 1] = args[i];
                int npos = gs_npos(nargs, kwnames);
                gs_Object *argt = npos ? gs_phantom_alloc(vm, vm->t_tuple, npos) : NULL;
                gs_Object *kwd = kwnames && kwnames->len ? gs_phantom_alloc(vm, vm->t_dict, 0) : NULL;
                gs_Object *r = gs_call_object(vm, m, argv, nargs + 1, kwnames);
                gs_phantom_free(vm, argt);
                gs_phantom_free(vm, kwd);
                return r;
            }
        }
        /* CPython packs the arguments of some type calls: gc.get_count() sees it */
        gs_PhantomCall pc;
        gs_phantom_call_begin(vm, (gs_Type *)callable, gs_npos(nargs, kwnames), kwnames ? kwnames->len : 0, &pc);
        gs_Object *r = call_type(vm, (gs_Type *)callable, args, nargs, kwnames);
        gs_phantom_call_end(vm, &pc);
        return r;
    }
    case GS_K_FUNCTION:
    case GS_K_METHOD: return gs_call_object(vm, callable, args, nargs, kwnames);
    case GS_K_INSTANCE:
    case GS_K_EXCEPTION:
    case GS_K_WEAKREF: {
        gs_Object *m = gs_type_lookup(callable->type, vm->s___call__);
        if (m) {
            gs_Object *argv[nargs + 1];
            argv[0] = callable;
            for (int i = 0; i < nargs; i++)
                argv[i + 1] = args[i];
            /* an instance has no vectorcall: _PyObject_MakeTpCall packs the
             * arguments in a tuple and the keywords in a dict for slot_tp_call */
            int npos = gs_npos(nargs, kwnames);
            if (callable->type->native && callable->type->native->call_unpacked)
                return gs_call_object(vm, m, argv, nargs + 1, kwnames);
            gs_Object *argt = npos ? gs_phantom_alloc(vm, vm->t_tuple, npos) : NULL;
            gs_Object *kwd = kwnames && kwnames->len ? gs_phantom_alloc(vm, vm->t_dict, 0) : NULL;
            /* ... and slot_tp_call's _PyStack_UnpackDict turns the dict back into a
             * tuple of names for the call */
            gs_Object *names = kwd ? gs_phantom_alloc(vm, vm->t_tuple, kwnames->len) : NULL;
            gs_Object *r = gs_call_object(vm, m, argv, nargs + 1, kwnames);
            gs_phantom_free(vm, names);
            gs_phantom_free(vm, argt);
            gs_phantom_free(vm, kwd);
            return r;
        }
        break;
    }
    default: {
        /* built-in types with a C __call__ (weakref.ref); classes derived
         * from built-in types that define __call__ */
        gs_Object *m = gs_type_lookup(callable->type, vm->s___call__);
        if (m && (GS_KIND(m) == GS_K_BUILTIN || (callable->type->flags & GS_TF_HEAP))) {
            gs_Object *argv[nargs + 1];
            argv[0] = callable;
            for (int i = 0; i < nargs; i++)
                argv[i + 1] = args[i];
            return gs_call(vm, m, argv, nargs + 1, kwnames);
        }
        break;
    }
    }
    gs_raise(vm, vm->e_TypeError, "'%s' object is not callable", gs_type_name(callable));
    return NULL;
}
