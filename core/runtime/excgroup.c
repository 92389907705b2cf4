/*
 * excgroup.c — BaseExceptionGroup and ExceptionGroup (PEP 654), as
 * CPython 3.11's Objects/exceptions.c makes them: the checks of
 * BaseExceptionGroup.__new__, str(), derive / subgroup / split (the parts
 * keep the original's traceback, cause, context and a copy of its notes),
 * and the two steps `except*` runs: matching a handler's types against the
 * exception in flight (CHECK_EG_MATCH) and combining what the handlers
 * raised with the unhandled rest (PREP_RERAISE_STAR).
 *
 * A group is an ordinary exception object whose eg_msg / eg_excs fields
 * are set (slots 16 and 17 of the trace, traversed like CPython's
 * BaseExceptionGroup_traverse).
 */
#include "runtime.h"

bool gs_is_excgroup(gs_VM *vm, gs_Object *o)
{
    return o && GS_KIND(o) == GS_K_EXCEPTION && gs_issubtype(o->type, vm->e_BaseExceptionGroup) &&
           ((gs_Exception *)o)->eg_excs;
}

/* PySequence_Check, for the kinds a program passes */
static bool is_sequence(gs_VM *vm, gs_Object *o)
{
    switch (GS_KIND(o)) {
    case GS_K_LIST: case GS_K_TUPLE: case GS_K_STR: case GS_K_RANGE: case GS_K_BYTES: case GS_K_BYTEARRAY:
        return true;
    case GS_K_DICT: case GS_K_SET:
        return false;
    default:
        return gs_type_lookup(o->type, vm->s___getitem__) != NULL;
    }
}

int gs_excgroup_new_check(gs_VM *vm, gs_Type **tp, gs_Tuple *args, gs_Object **msg, gs_Tuple **excs)
{
    int n = args ? args->len : 0;
    if (n != 2) {
        gs_raise(vm, vm->e_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", n);
        return -1;
    }
    if (GS_KIND(args->items[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                 gs_type_name(args->items[0]));
        return -1;
    }
    if (!is_sequence(vm, args->items[1])) {
        gs_raise(vm, vm->e_TypeError, "second argument (exceptions) must be a sequence");
        return -1;
    }
    gs_Object *tup = gs_tuple_from_iterable(vm, args->items[1]);
    if (!tup)
        return -1;
    gs_Tuple *t = (gs_Tuple *)tup;
    if (t->len == 0) {
        gs_decref(vm, tup);
        gs_raise(vm, vm->e_ValueError, "second argument (exceptions) must be a non-empty sequence");
        return -1;
    }
    bool nested_base = false;
    for (int i = 0; i < t->len; i++) {
        if (GS_KIND(t->items[i]) != GS_K_EXCEPTION) {
            gs_decref(vm, tup);
            gs_raise(vm, vm->e_ValueError, "Item %d of second argument (exceptions) is not an exception", i);
            return -1;
        }
        if (!gs_issubtype(t->items[i]->type, vm->e_Exception))
            nested_base = true;
    }
    gs_Type *cls = *tp;
    if (cls == vm->e_BaseExceptionGroup) {
        if (!nested_base)
            cls = vm->e_ExceptionGroup;
    } else if (cls == vm->e_ExceptionGroup) {
        if (nested_base) {
            gs_decref(vm, tup);
            gs_raise(vm, vm->e_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            return -1;
        }
    } else if (nested_base && gs_issubtype(cls, vm->e_Exception)) {
        gs_decref(vm, tup);
        gs_raise(vm, vm->e_TypeError, "Cannot nest BaseExceptions in '%s'", cls->name->data);
        return -1;
    }
    *tp = cls;
    *msg = gs_newref(vm, args->items[0]);
    *excs = t;
    return 0;
}

/* BaseExceptionGroup_str: "msg (2 sub-exceptions)" */
gs_Object *gs_excgroup_str(gs_VM *vm, gs_Object *o)
{
    gs_Exception *e = (gs_Exception *)o;
    gs_Object *m = gs_str(vm, e->eg_msg);
    if (!m)
        return NULL;
    int n = e->eg_excs->len;
    gs_Object *r = gs_str_printf(vm, "%s (%d sub-exception%s)", ((gs_Str *)m)->data, n, n > 1 ? "s" : "");
    gs_decref(vm, m);
    return r;
}

/* BaseExceptionGroup(msg, excs), as derive() and except* make them */
static gs_Object *make_group(gs_VM *vm, gs_Object *msg, gs_Object *excs)
{
    gs_Object *args = gs_tuple_pack(vm, 2, msg, excs);
    if (!args)
        return NULL;
    return gs_exception_new(vm, vm->e_BaseExceptionGroup, args);
}

static void set_field(gs_VM *vm, gs_Object *holder, gs_Object **field, uint32_t what, gs_Object *v)
{
    gs_Object *old = *field;
    *field = v ? gs_newref(vm, v) : NULL;
    gs_record_field(vm, holder, what, old, *field);
    gs_xdecref(vm, old);
}

static gs_Object *notes_of(gs_VM *vm, gs_Object *o)
{
    gs_Str *key = gs_name(vm, "__notes__");
    return key ? gs_lookup_attr(vm, o, key) : NULL;
}

/* exceptiongroup_subset: orig.derive(excs) with orig's traceback, context,
 * cause and a copy of its notes; None for no exceptions.  A new reference. */
static gs_Object *subset(gs_VM *vm, gs_Object *orig, gs_Object *excs)
{
    if (((gs_List *)excs)->len == 0)
        return gs_newref(vm, vm->none);
    gs_Object *derive = gs_getattr(vm, orig, gs_name(vm, "derive"));
    if (!derive)
        return NULL;
    gs_Object *eg = gs_call_object(vm, derive, &excs, 1, NULL);
    gs_decref(vm, derive);
    if (!eg)
        return NULL;
    if (GS_KIND(eg) != GS_K_EXCEPTION || !gs_issubtype(eg->type, vm->e_BaseExceptionGroup)) {
        gs_decref(vm, eg);
        gs_raise(vm, vm->e_TypeError, "derive must return an instance of BaseExceptionGroup");
        return NULL;
    }
    gs_Exception *o = (gs_Exception *)orig, *d = (gs_Exception *)eg;
    if (o->traceback)
        set_field(vm, eg, &d->traceback, 11, o->traceback);
    set_field(vm, eg, &d->context, 12, o->context);
    set_field(vm, eg, &d->cause, 13, o->cause);
    d->suppress_context = true; /* PyException_SetCause */
    gs_Object *notes = notes_of(vm, orig);
    if (!notes && vm->exc) {
        gs_decref(vm, eg);
        return NULL;
    }
    if (notes) {
        if (is_sequence(vm, notes)) {
            gs_Object *copy = gs_list_from_iterable(vm, notes);
            int r = copy ? gs_setattr(vm, eg, gs_name(vm, "__notes__"), copy) : -1;
            gs_xdecref(vm, copy);
            if (r < 0) {
                gs_decref(vm, notes);
                gs_decref(vm, eg);
                return NULL;
            }
        }
        gs_decref(vm, notes);
    }
    return eg;
}

/* ------------------------------------------------------------------ split */

typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_IDS } MatchKind;

typedef struct {
    MatchKind kind;
    gs_Object *value; /* a type or tuple of types, a callable, or a list of leaf exceptions */
} Matcher;

static int matcher_init(gs_VM *vm, gs_Object *v, Matcher *m)
{
    m->value = v;
    bool is_type = GS_KIND(v) == GS_K_TYPE;
    if (!is_type && (GS_KIND(v) == GS_K_FUNCTION || GS_KIND(v) == GS_K_BUILTIN || GS_KIND(v) == GS_K_METHOD ||
                     gs_type_lookup(v->type, vm->s___call__))) {
        m->kind = MATCH_PREDICATE;
        return 0;
    }
    m->kind = MATCH_TYPE;
    if (is_type && gs_issubtype((gs_Type *)v, vm->e_BaseException))
        return 0;
    if (GS_KIND(v) == GS_K_TUPLE) {
        gs_Tuple *t = (gs_Tuple *)v;
        bool ok = true;
        for (int i = 0; i < t->len && ok; i++)
            ok = GS_KIND(t->items[i]) == GS_K_TYPE && gs_issubtype((gs_Type *)t->items[i], vm->e_BaseException);
        if (ok)
            return 0;
    }
    gs_raise(vm, vm->e_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

static int matches(gs_VM *vm, const Matcher *m, gs_Object *exc)
{
    switch (m->kind) {
    case MATCH_TYPE:
        if (GS_KIND(m->value) == GS_K_TYPE)
            return gs_issubtype(exc->type, (gs_Type *)m->value);
        for (int i = 0; i < ((gs_Tuple *)m->value)->len; i++)
            if (gs_issubtype(exc->type, (gs_Type *)((gs_Tuple *)m->value)->items[i]))
                return 1;
        return 0;
    case MATCH_PREDICATE: {
        gs_Object *r = gs_call_object(vm, m->value, &exc, 1, NULL);
        if (!r)
            return -1;
        int t = gs_truthy(vm, r);
        gs_decref(vm, r);
        return t;
    }
    case MATCH_IDS: {
        gs_List *l = (gs_List *)m->value;
        for (int32_t i = 0; i < l->len; i++)
            if (l->items[i] == exc)
                return 1;
        return 0;
    }
    }
    return 0;
}

/* exceptiongroup_split_recursive: *match and *rest new references or NULL
 * (nothing); rest only when construct_rest */
static int split_recursive(gs_VM *vm, gs_Object *exc, const Matcher *m, bool construct_rest, gs_Object **match,
                           gs_Object **rest)
{
    *match = *rest = NULL;
    int is = matches(vm, m, exc);
    if (is < 0)
        return -1;
    if (is) {
        *match = gs_newref(vm, exc);
        return 0;
    }
    if (!gs_is_excgroup(vm, exc)) {
        if (construct_rest)
            *rest = gs_newref(vm, exc);
        return 0;
    }
    gs_Tuple *excs = ((gs_Exception *)exc)->eg_excs;
    gs_Object *mlist = gs_list_new(vm, 0), *rlist = construct_rest ? gs_list_new(vm, 0) : NULL;
    int r = mlist && (!construct_rest || rlist) ? 0 : -1;
    gs_incref(vm, &excs->ob);
    for (int i = 0; i < excs->len && r == 0; i++) {
        gs_Object *mm, *rr;
        r = split_recursive(vm, excs->items[i], m, construct_rest, &mm, &rr);
        if (r == 0 && mm)
            r = gs_list_append(vm, mlist, mm);
        if (r == 0 && rr)
            r = gs_list_append(vm, rlist, rr);
        gs_xdecref(vm, mm);
        gs_xdecref(vm, rr);
    }
    gs_decref(vm, &excs->ob);
    gs_Object *ms = NULL, *rs = NULL;
    if (r == 0) {
        ms = subset(vm, exc, mlist);
        r = ms ? 0 : -1;
    }
    if (r == 0 && construct_rest) {
        rs = subset(vm, exc, rlist);
        r = rs ? 0 : -1;
    }
    gs_xdecref(vm, mlist);
    gs_xdecref(vm, rlist);
    if (r < 0) {
        gs_xdecref(vm, ms);
        return -1;
    }
    if (ms == vm->none) {
        gs_decref(vm, ms);
        ms = NULL;
    }
    if (rs == vm->none) {
        gs_decref(vm, rs);
        rs = NULL;
    }
    *match = ms;
    *rest = rs;
    return 0;
}

static gs_Object *or_none(gs_VM *vm, gs_Object *o) { return o ? o : gs_newref(vm, vm->none); }

static gs_Object *m_split(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    Matcher m;
    if (matcher_init(vm, args[0], &m) < 0)
        return NULL;
    gs_Object *match, *rest;
    if (split_recursive(vm, self, &m, true, &match, &rest) < 0)
        return NULL;
    gs_Object *t = gs_tuple_new(vm, 2);
    if (!t) {
        gs_xdecref(vm, match);
        gs_xdecref(vm, rest);
        return NULL;
    }
    gs_tuple_init(vm, t, 0, or_none(vm, match));
    gs_tuple_init(vm, t, 1, or_none(vm, rest));
    return t;
}

static gs_Object *m_subgroup(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    Matcher m;
    if (matcher_init(vm, args[0], &m) < 0)
        return NULL;
    gs_Object *match, *rest;
    if (split_recursive(vm, self, &m, false, &match, &rest) < 0)
        return NULL;
    return or_none(vm, match);
}

static gs_Object *m_derive(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    return make_group(vm, ((gs_Exception *)self)->eg_msg, args[0]);
}

/* ------------------------------------------------------------------ except* */

/* check_except_star_type_valid */
int gs_excgroup_check_star_type(gs_VM *vm, gs_Object *t)
{
    int n = GS_KIND(t) == GS_K_TUPLE ? ((gs_Tuple *)t)->len : 1;
    for (int i = 0; i < n; i++) {
        gs_Object *x = GS_KIND(t) == GS_K_TUPLE ? ((gs_Tuple *)t)->items[i] : t;
        if (GS_KIND(x) != GS_K_TYPE || !gs_issubtype((gs_Type *)x, vm->e_BaseException)) {
            gs_raise(vm, vm->e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
        if (gs_issubtype((gs_Type *)x, vm->e_BaseExceptionGroup)) {
            gs_raise(vm, vm->e_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

/* exception_group_match: the part of exc that matches type (a group; a
 * naked exception wrapped as ExceptionGroup('', [exc])) and the rest; both
 * new references, None for nothing */
int gs_excgroup_match(gs_VM *vm, gs_Object *exc, gs_Object *type, gs_Object **match, gs_Object **rest)
{
    Matcher m = { MATCH_TYPE, type };
    if (matches(vm, &m, exc)) {
        if (gs_is_excgroup(vm, exc))
            *match = gs_newref(vm, exc);
        else {
            gs_Object *excs = gs_tuple_pack(vm, 1, exc);
            gs_Object *empty = excs ? gs_str_from_cstr(vm, "") : NULL;
            gs_Object *wrapped = empty ? make_group(vm, empty, excs) : NULL;
            gs_xdecref(vm, empty);
            gs_xdecref(vm, excs);
            if (!wrapped)
                return -1;
            *match = wrapped; /* without exc's traceback: 3.11.7 copies none */
        }
        *rest = gs_newref(vm, vm->none);
        return 0;
    }
    if (gs_is_excgroup(vm, exc)) {
        gs_Object *mm, *rr;
        if (split_recursive(vm, exc, &m, true, &mm, &rr) < 0)
            return -1;
        *match = or_none(vm, mm);
        *rest = or_none(vm, rr);
        return 0;
    }
    *match = gs_newref(vm, vm->none);
    *rest = gs_newref(vm, vm->none);
    return 0;
}

/* is_same_exception_metadata: 3.11 keeps __notes__ in the instance dict,
 * so only the traceback, cause and context are compared */
static bool same_metadata(gs_Object *a, gs_Object *b)
{
    gs_Exception *x = (gs_Exception *)a, *y = (gs_Exception *)b;
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

static int collect_leaves(gs_VM *vm, gs_Object *exc, gs_Object *list)
{
    if (exc == vm->none)
        return 0;
    if (!gs_is_excgroup(vm, exc))
        return gs_list_append(vm, list, exc);
    gs_Tuple *t = ((gs_Exception *)exc)->eg_excs;
    for (int i = 0; i < t->len; i++)
        if (collect_leaves(vm, t->items[i], list) < 0)
            return -1;
    return 0;
}

/* _PyExc_PrepReraiseStar: what leaves the try statement, from the original
 * exception and the list of what each handler raised (and the unhandled
 * rest, last): None, or a new reference */
gs_Object *gs_excgroup_prep_reraise(gs_VM *vm, gs_Object *orig, gs_Object *excs_list)
{
    gs_List *excs = (gs_List *)excs_list;
    if (excs->len == 0)
        return gs_newref(vm, vm->none);
    if (!gs_is_excgroup(vm, orig))
        return gs_newref(vm, excs->items[0]); /* a naked exception: one handler ran at most */
    gs_Object *raised = gs_list_new(vm, 0), *reraised = gs_list_new(vm, 0);
    gs_Object *result = NULL, *reraised_eg = NULL;
    if (!raised || !reraised)
        goto done;
    for (int32_t i = 0; i < excs->len; i++) {
        gs_Object *e = excs->items[i];
        if (e == vm->none)
            continue;
        if (gs_list_append(vm, same_metadata(e, orig) ? reraised : raised, e) < 0)
            goto done;
    }
    /* exception_group_projection: orig cut down to the leaves re-raised */
    gs_Object *leaves = gs_list_new(vm, 0);
    if (!leaves)
        goto done;
    int r = 0;
    for (int32_t i = 0; i < ((gs_List *)reraised)->len && r == 0; i++)
        r = collect_leaves(vm, ((gs_List *)reraised)->items[i], leaves);
    gs_Object *mm = NULL, *rr = NULL;
    Matcher m = { MATCH_IDS, leaves };
    if (r == 0)
        r = split_recursive(vm, orig, &m, false, &mm, &rr);
    gs_decref(vm, leaves);
    if (r < 0)
        goto done;
    reraised_eg = or_none(vm, mm);
    if (((gs_List *)raised)->len > 0) {
        if (reraised_eg != vm->none && gs_list_append(vm, raised, reraised_eg) < 0)
            goto done;
        gs_Object *empty = gs_str_from_cstr(vm, "");
        result = empty ? make_group(vm, empty, raised) : NULL;
        gs_xdecref(vm, empty);
    } else
        result = gs_newref(vm, reraised_eg);
done:
    gs_xdecref(vm, reraised_eg);
    gs_xdecref(vm, raised);
    gs_xdecref(vm, reraised);
    return result;
}

void gs_excgroup_methods_init(gs_VM *vm)
{
    gs_type_add_method(vm, vm->e_BaseExceptionGroup, "derive", m_derive, 1, 1);
    gs_type_add_method(vm, vm->e_BaseExceptionGroup, "split", m_split, 1, 1);
    gs_type_add_method(vm, vm->e_BaseExceptionGroup, "subgroup", m_subgroup, 1, 1);
}
