/*
 * pprint.c — the pprint module: pprint, pformat and pp with indent, width,
 * depth, compact and sort_dicts, and isreadable/isrecursive/saferepr.
 *
 * It follows Lib/pprint.py's PrettyPrinter line for line: an object whose
 * one-line repr (_safe_repr: sorted dict keys, "..." past the depth,
 * "<Recursion on T with id=N>" for a container inside itself) fits in the
 * width left is written as it is; otherwise a dict, list, tuple, set,
 * frozenset, str or mappingproxy is broken over lines the way _pprint_dict,
 * _format_items, _pprint_str and _pprint_mappingproxy break it.  Output goes to the program's
 * stdout, or to stream.write.
 */
#include <stdio.h>

#include "modules.h"

typedef struct PP {
    gs_VM *vm;
    gs_Buf *out;
    int indent_per_level, width;
    int depth;            /* 0: no limit */
    bool compact, sort_dicts;
    gs_Object *context;   /* dict of ids of the containers being formatted */
    bool recursive, readable;
} PP;

static int64_t nchars(gs_Object *s) { return ((gs_Str *)s)->nchars; }

static void write_str(PP *p, gs_Object *s) { gs_buf_add(p->out, ((gs_Str *)s)->data, (size_t)((gs_Str *)s)->len); }

static void write_spaces(PP *p, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        gs_buf_addc(p->out, ' ');
}

static gs_Object *id_key(gs_VM *vm, gs_Object *o) { return gs_int_new(vm, (int64_t)gs_object_address(o)); }

static bool exact(gs_VM *vm, gs_Object *o, gs_Type *t)
{
    GS_UNUSED(vm);
    return o->type == t;
}

/* sorted(items) with pprint's _safe_key: by value where they compare,
 * else left as they are */
static int safe_sort(gs_VM *vm, gs_Object *list)
{
    if (gs_list_sort(vm, list, NULL, false) == 0)
        return 0;
    if (!gs_exc_matches(vm, vm->e_TypeError))
        return -1;
    gs_clear_exc(vm);
    return 0;
}

/* dict items as a list of (key, value) tuples, sorted if asked */
static gs_Object *dict_items(PP *p, gs_Object *d, bool sort)
{
    gs_VM *vm = p->vm;
    gs_Object *items = gs_list_new(vm, 0);
    int32_t pos = 0;
    gs_Object *k, *v;
    while (items && gs_dict_next(d, &pos, &k, &v)) {
        gs_Object *t = gs_tuple_pack(vm, 2, k, v);
        if (!t || gs_list_append(vm, items, t) < 0) {
            gs_xdecref(vm, t);
            gs_decref(vm, items);
            return NULL;
        }
        gs_decref(vm, t);
    }
    if (items && sort && safe_sort(vm, items) < 0) {
        gs_decref(vm, items);
        return NULL;
    }
    return items;
}

static gs_Object *recursion_text(gs_VM *vm, gs_Object *o)
{
    return gs_str_printf(vm, "<Recursion on %s with id=%lld>", gs_type_name(o), (long long)gs_object_address(o));
}

/* _safe_repr(object, context, maxlevels, level): a new str, or NULL */
static gs_Object *safe_repr(PP *p, gs_Object *o, gs_Object *context, int level)
{
    gs_VM *vm = p->vm;
    bool is_dict = exact(vm, o, vm->t_dict), is_list = exact(vm, o, vm->t_list), is_tuple = exact(vm, o, vm->t_tuple);
    if (!is_dict && !is_list && !is_tuple) {
        gs_Object *r = gs_repr(vm, o);
        if (r && ((gs_Str *)r)->len && ((gs_Str *)r)->data[0] == '<')
            p->readable = false;
        return r;
    }
    int64_t n = is_dict ? ((gs_Dict *)o)->t.used : is_list ? ((gs_List *)o)->len : ((gs_Tuple *)o)->len;
    if (n == 0)
        return gs_str_from_cstr(vm, is_dict ? "{}" : is_list ? "[]" : "()");
    if (p->depth && level >= p->depth) {
        p->readable = false;
        return gs_str_from_cstr(vm, is_dict ? "{...}" : is_list ? "[...]" : "(...)");
    }
    gs_Object *id = id_key(vm, o);
    if (!id)
        return NULL;
    if (gs_dict_get(vm, context, id)) {
        gs_decref(vm, id);
        p->recursive = true;
        p->readable = false;
        return recursion_text(vm, o);
    }
    if (gs_dict_set(vm, context, id, vm->small_ints[6]) < 0) {
        gs_decref(vm, id);
        return NULL;
    }
    gs_Buf b;
    gs_buf_init(&b);
    gs_buf_addc(&b, is_dict ? '{' : is_list ? '[' : '(');
    bool ok = true;
    if (is_dict) {
        gs_Object *items = dict_items(p, o, p->sort_dicts);
        ok = items != NULL;
        for (int32_t i = 0; ok && i < ((gs_List *)items)->len; i++) {
            gs_Tuple *kv = (gs_Tuple *)((gs_List *)items)->items[i];
            gs_Object *kr = safe_repr(p, kv->items[0], context, level + 1);
            gs_Object *vr = kr ? safe_repr(p, kv->items[1], context, level + 1) : NULL;
            ok = vr != NULL;
            if (ok) {
                if (i)
                    gs_buf_adds(&b, ", ");
                gs_buf_add(&b, ((gs_Str *)kr)->data, (size_t)((gs_Str *)kr)->len);
                gs_buf_adds(&b, ": ");
                gs_buf_add(&b, ((gs_Str *)vr)->data, (size_t)((gs_Str *)vr)->len);
            }
            gs_xdecref(vm, kr);
            gs_xdecref(vm, vr);
        }
        gs_xdecref(vm, items);
    } else {
        gs_incref(vm, o);
        for (int64_t i = 0; ok; i++) {
            int64_t len = is_list ? ((gs_List *)o)->len : ((gs_Tuple *)o)->len;
            if (i >= len)
                break;
            gs_Object *item = is_list ? ((gs_List *)o)->items[i] : ((gs_Tuple *)o)->items[i];
            gs_Object *r = safe_repr(p, item, context, level + 1);
            ok = r != NULL;
            if (ok) {
                if (i)
                    gs_buf_adds(&b, ", ");
                gs_buf_add(&b, ((gs_Str *)r)->data, (size_t)((gs_Str *)r)->len);
                gs_decref(vm, r);
            }
        }
        gs_decref(vm, o);
        if (is_tuple && n == 1)
            gs_buf_addc(&b, ',');
    }
    gs_dict_del(vm, context, id);
    gs_decref(vm, id);
    if (!ok) {
        gs_buf_free(&b);
        return NULL;
    }
    gs_buf_addc(&b, is_dict ? '}' : is_list ? ']' : ')');
    return gs_buf_to_str(vm, &b);
}

/* self._repr(object, context, level): safe_repr with a copy of the context */
static gs_Object *pp_repr(PP *p, gs_Object *o, int level)
{
    gs_Object *ctx = gs_dict_copy(p->vm, p->context);
    if (!ctx)
        return NULL;
    gs_Object *r = safe_repr(p, o, ctx, level);
    gs_decref(p->vm, ctx);
    return r;
}

static int pp_format(PP *p, gs_Object *o, int64_t indent, int64_t allowance, int level);

/* _format_items */
static int format_items(PP *p, gs_Object **items, int64_t n, int64_t indent, int64_t allowance, int level)
{
    gs_VM *vm = p->vm;
    indent += p->indent_per_level;
    if (p->indent_per_level > 1)
        write_spaces(p, p->indent_per_level - 1);
    int64_t width = p->width - indent + 1, max_width = width;
    const char *delim = "";
    bool delim_nl = false;
    for (int64_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last) {
            max_width -= allowance;
            width -= allowance;
        }
        if (p->compact) {
            gs_Object *rep = pp_repr(p, items[i], level);
            if (!rep)
                return -1;
            int64_t w = nchars(rep) + 2;
            if (width < w) {
                width = max_width;
                if (*delim || delim_nl)
                    delim_nl = true, delim = "";
            }
            if (width >= w) {
                width -= w;
                if (delim_nl) {
                    gs_buf_adds(p->out, ",\n");
                    write_spaces(p, indent);
                } else
                    gs_buf_adds(p->out, delim);
                delim = ", ";
                delim_nl = false;
                write_str(p, rep);
                gs_decref(vm, rep);
                continue;
            }
            gs_decref(vm, rep);
        }
        if (delim_nl) {
            gs_buf_adds(p->out, ",\n");
            write_spaces(p, indent);
        } else
            gs_buf_adds(p->out, delim);
        delim = "";
        delim_nl = true;
        if (pp_format(p, items[i], indent, last ? allowance : 1, level) < 0)
            return -1;
    }
    return 0;
}

static int pprint_dict(PP *p, gs_Object *o, int64_t indent, int64_t allowance, int level)
{
    gs_VM *vm = p->vm;
    gs_buf_addc(p->out, '{');
    if (p->indent_per_level > 1)
        write_spaces(p, p->indent_per_level - 1);
    if (((gs_Dict *)o)->t.used) {
        gs_Object *items = dict_items(p, o, p->sort_dicts);
        if (!items)
            return -1;
        /* _format_dict_items */
        int64_t ind = indent + p->indent_per_level;
        int32_t n = ((gs_List *)items)->len;
        for (int32_t i = 0; i < n; i++) {
            gs_Tuple *kv = (gs_Tuple *)((gs_List *)items)->items[i];
            bool last = i == n - 1;
            gs_Object *rep = pp_repr(p, kv->items[0], level);
            if (!rep) {
                gs_decref(vm, items);
                return -1;
            }
            write_str(p, rep);
            gs_buf_adds(p->out, ": ");
            int r = pp_format(p, kv->items[1], ind + nchars(rep) + 2, last ? allowance + 1 : 1, level);
            gs_decref(vm, rep);
            if (r < 0) {
                gs_decref(vm, items);
                return -1;
            }
            if (!last) {
                gs_buf_adds(p->out, ",\n");
                write_spaces(p, ind);
            }
        }
        gs_decref(vm, items);
    }
    gs_buf_addc(p->out, '}');
    return 0;
}

/* _pprint_str: a long str in pieces, one repr a line */
static int pprint_str(PP *p, gs_Object *o, int64_t indent, int64_t allowance, int level)
{
    gs_VM *vm = p->vm;
    gs_Str *s = (gs_Str *)o;
    if (s->len == 0) {
        gs_buf_adds(p->out, "''");
        return 0;
    }
    gs_Object *chunks = gs_list_new(vm, 0);
    if (!chunks)
        return -1;
    if (level == 1) {
        indent += 1;
        allowance += 1;
    }
    int64_t max_width1 = p->width - indent, max_width = p->width - indent;
    /* lines = object.splitlines(True) (on \n, \r, \r\n here) */
    const char *d = s->data;
    size_t n = (size_t)s->len, start = 0;
    gs_Object *lastrep = NULL;
    int err = 0;
    while (start < n && !err) {
        size_t e = start;
        while (e < n && d[e] != '\n' && d[e] != '\r')
            e++;
        if (e < n) {
            e += (d[e] == '\r' && e + 1 < n && d[e + 1] == '\n') ? 2 : 1;
        }
        bool last_line = e >= n;
        gs_Object *line = gs_str_new(vm, d + start, e - start);
        gs_Object *rep = line ? gs_repr(vm, line) : NULL;
        if (!rep) {
            gs_xdecref(vm, line);
            err = 1;
            break;
        }
        gs_xdecref(vm, lastrep);
        lastrep = gs_newref(vm, rep);
        if (last_line)
            max_width1 -= allowance;
        if (nchars(rep) <= max_width1)
            err = gs_list_append(vm, chunks, rep) < 0;
        else {
            /* parts = re.findall(r'\S*\s*', line): non-space runs each with the spaces after them */
            gs_Str *ls = (gs_Str *)line;
            size_t i = 0, ln = (size_t)ls->len;
            int64_t max_width2 = max_width;
            gs_Buf cur;
            gs_buf_init(&cur);
            while (i < ln && !err) {
                size_t j = i;
                while (j < ln && !(ls->data[j] == ' ' || ls->data[j] == '\t' || ls->data[j] == '\n' ||
                                   ls->data[j] == '\r' || ls->data[j] == '\f' || ls->data[j] == '\v'))
                    j++;
                while (j < ln && (ls->data[j] == ' ' || ls->data[j] == '\t' || ls->data[j] == '\n' ||
                                  ls->data[j] == '\r' || ls->data[j] == '\f' || ls->data[j] == '\v'))
                    j++;
                bool last_part = j >= ln;
                size_t oldlen = cur.len;
                gs_buf_add(&cur, ls->data + i, j - i);
                if (last_part && last_line)
                    max_width2 -= allowance;
                gs_Object *cand = gs_str_new(vm, cur.data, cur.len);
                gs_Object *cr = cand ? gs_repr(vm, cand) : NULL;
                gs_xdecref(vm, cand);
                if (!cr) {
                    err = 1;
                    break;
                }
                if (nchars(cr) > max_width2) {
                    if (oldlen) {
                        gs_Object *cs = gs_str_new(vm, cur.data, oldlen);
                        gs_Object *csr = cs ? gs_repr(vm, cs) : NULL;
                        gs_xdecref(vm, cs);
                        err = !csr || gs_list_append(vm, chunks, csr) < 0;
                        gs_xdecref(vm, csr);
                    }
                    /* current = part */
                    gs_Buf nb;
                    gs_buf_init(&nb);
                    gs_buf_add(&nb, ls->data + i, j - i);
                    gs_buf_free(&cur);
                    cur = nb;
                }
                gs_decref(vm, cr);
                i = j;
            }
            if (!err && cur.len) {
                gs_Object *cs = gs_str_new(vm, cur.data, cur.len);
                gs_Object *csr = cs ? gs_repr(vm, cs) : NULL;
                gs_xdecref(vm, cs);
                err = !csr || gs_list_append(vm, chunks, csr) < 0;
                gs_xdecref(vm, csr);
            }
            gs_buf_free(&cur);
        }
        gs_decref(vm, rep);
        gs_decref(vm, line);
        start = e;
    }
    if (!err) {
        gs_List *c = (gs_List *)chunks;
        if (c->len == 1 && lastrep)
            write_str(p, lastrep);
        else {
            if (level == 1)
                gs_buf_addc(p->out, '(');
            for (int32_t i = 0; i < c->len; i++) {
                if (i > 0) {
                    gs_buf_addc(p->out, '\n');
                    write_spaces(p, indent);
                }
                write_str(p, c->items[i]);
            }
            if (level == 1)
                gs_buf_addc(p->out, ')');
        }
    }
    gs_xdecref(vm, lastrep);
    gs_decref(vm, chunks);
    return err ? -1 : 0;
}

/* _format(object, stream, indent, allowance, context, level) */
static int pp_format(PP *p, gs_Object *o, int64_t indent, int64_t allowance, int level)
{
    gs_VM *vm = p->vm;
    if (vm->native_depth >= GS_NATIVE_DEPTH_MAX || vm->depth + level >= vm->recursion_limit) {
        gs_raise(vm, vm->e_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    gs_Object *id = id_key(vm, o);
    if (!id)
        return -1;
    if (gs_dict_get(vm, p->context, id)) {
        gs_decref(vm, id);
        gs_Object *r = recursion_text(vm, o);
        if (!r)
            return -1;
        write_str(p, r);
        gs_decref(vm, r);
        p->recursive = true;
        p->readable = false;
        return 0;
    }
    gs_Object *rep = pp_repr(p, o, level);
    if (!rep) {
        gs_decref(vm, id);
        return -1;
    }
    int64_t max_width = p->width - indent - allowance;
    int r = 0;
    bool is_dict = exact(vm, o, vm->t_dict), is_list = exact(vm, o, vm->t_list), is_tuple = exact(vm, o, vm->t_tuple),
         is_set = exact(vm, o, vm->t_set) || exact(vm, o, vm->t_frozenset), is_str = exact(vm, o, vm->t_str),
         is_proxy = exact(vm, o, vm->t_mappingproxy);
    if (nchars(rep) > max_width && (is_dict || is_list || is_tuple || is_set || is_str || is_proxy)) {
        if (gs_dict_set(vm, p->context, id, vm->small_ints[6]) < 0) {
            gs_decref(vm, id);
            gs_decref(vm, rep);
            return -1;
        }
        vm->native_depth++;
        if (is_dict)
            r = pprint_dict(p, o, indent, allowance, level + 1);
        else if (is_proxy) { /* _pprint_mappingproxy: its copy() formatted inside mappingproxy(...) */
            gs_Object *cm = gs_getattr(vm, o, gs_name(vm, "copy"));
            gs_Object *copy = cm ? gs_call_object(vm, cm, NULL, 0, NULL) : NULL;
            gs_xdecref(vm, cm);
            gs_buf_adds(p->out, "mappingproxy(");
            r = copy ? pp_format(p, copy, indent + 13, allowance + 1, level + 1) : -1;
            gs_xdecref(vm, copy);
            gs_buf_addc(p->out, ')');
        } else if (is_str)
            r = pprint_str(p, o, indent, allowance, level + 1);
        else if (is_list || is_tuple) {
            int64_t n = is_list ? ((gs_List *)o)->len : ((gs_Tuple *)o)->len;
            gs_Object *copy = is_list ? gs_tuple_from_iterable(vm, o) : gs_newref(vm, o);
            const char *endchar = is_list ? "]" : n == 1 ? ",)" : ")";
            gs_buf_addc(p->out, is_list ? '[' : '(');
            r = copy ? format_items(p, ((gs_Tuple *)copy)->items, ((gs_Tuple *)copy)->len, indent,
                                    allowance + (int64_t)strlen(endchar), level + 1)
                     : -1;
            gs_xdecref(vm, copy);
            gs_buf_adds(p->out, endchar);
        } else { /* _pprint_set */
            bool frozen = o->type == vm->t_frozenset;
            if (((gs_Set *)o)->used == 0)
                write_str(p, rep);
            else {
                int64_t ind = indent;
                if (frozen) {
                    gs_buf_adds(p->out, "frozenset({");
                    ind += 10;
                } else
                    gs_buf_addc(p->out, '{');
                gs_Object *items = gs_list_from_iterable(vm, o);
                r = items && safe_sort(vm, items) == 0 ? 0 : -1;
                if (r == 0)
                    r = format_items(p, ((gs_List *)items)->items, ((gs_List *)items)->len, ind,
                                     allowance + (frozen ? 2 : 1), level + 1);
                gs_xdecref(vm, items);
                gs_buf_adds(p->out, frozen ? "})" : "}");
            }
        }
        vm->native_depth--;
        gs_dict_del(vm, p->context, id);
    } else
        write_str(p, rep);
    gs_decref(vm, id);
    gs_decref(vm, rep);
    return r;
}

/* the arguments of pformat/pprint/pp: (object, [stream,] indent, width, depth, *, compact, sort_dicts, underscore_numbers) */
static int pp_setup(gs_VM *vm, PP *p, gs_Object **a, bool sort_default)
{
    memset(p, 0, sizeof *p);
    p->vm = vm;
    p->indent_per_level = 1;
    p->width = 80;
    p->sort_dicts = sort_default;
    p->readable = true;
    int64_t v;
    if (a[0] && a[0] != vm->none) {
        if (gs_as_int(vm, a[0], &v) < 0)
            return -1;
        if (v < 0) {
            gs_raise(vm, vm->e_ValueError, "indent must be >= 0");
            return -1;
        }
        p->indent_per_level = (int)v;
    }
    if (a[1] && a[1] != vm->none) {
        if (gs_as_int(vm, a[1], &v) < 0)
            return -1;
        if (v == 0) {
            gs_raise(vm, vm->e_ValueError, "width must be != 0");
            return -1;
        }
        p->width = (int)v;
    }
    if (a[2] && a[2] != vm->none) {
        if (gs_as_int(vm, a[2], &v) < 0)
            return -1;
        if (v <= 0) {
            gs_raise(vm, vm->e_ValueError, "depth must be > 0");
            return -1;
        }
        p->depth = (int)v;
    }
    if (a[3]) {
        int t = gs_truthy(vm, a[3]);
        if (t < 0)
            return -1;
        p->compact = t == 1;
    }
    if (a[4]) {
        int t = gs_truthy(vm, a[4]);
        if (t < 0)
            return -1;
        p->sort_dicts = t == 1;
    }
    return 0;
}

static gs_Object *pformat_with(gs_VM *vm, PP *p, gs_Object *o)
{
    gs_Buf b;
    gs_buf_init(&b);
    p->out = &b;
    p->context = gs_dict_new(vm);
    int r = p->context ? pp_format(p, o, 0, 0, 0) : -1;
    gs_xdecref(vm, p->context);
    if (r < 0) {
        gs_buf_free(&b);
        return NULL;
    }
    return b.len ? gs_buf_to_str(vm, &b) : (gs_buf_free(&b), gs_newref(vm, vm->empty_str));
}

static gs_Object *m_pformat(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "object", "indent", "width", "depth", "compact", "sort_dicts",
                                         "underscore_numbers" };
    gs_Object *a[7];
    if (gs_pyargs(vm, "pformat", args, nargs, kwnames, names, 7, 4, 1, a) < 0)
        return NULL;
    PP p;
    if (pp_setup(vm, &p, a + 1, true) < 0)
        return NULL;
    return pformat_with(vm, &p, a[0]);
}

static gs_Object *do_print(gs_VM *vm, gs_Object *o, gs_Object *stream, gs_Object **opts, bool sort_default)
{
    PP p;
    if (pp_setup(vm, &p, opts, sort_default) < 0)
        return NULL;
    gs_Object *s = pformat_with(vm, &p, o);
    if (!s)
        return NULL;
    gs_Object *nl = gs_str_concat(vm, s, vm->char_strs['\n']);
    gs_decref(vm, s);
    if (!nl)
        return NULL;
    if (!stream || stream == vm->none) {
        gs_write_out(vm, ((gs_Str *)nl)->data, (size_t)((gs_Str *)nl)->len);
        gs_decref(vm, nl);
        return GS_NONE(vm);
    }
    /* stream.write(text); stream.write("\n") */
    gs_Object *w = gs_getattr(vm, stream, gs_name(vm, "write"));
    gs_Object *r = NULL;
    if (w) {
        gs_Object *text = gs_str_new(vm, ((gs_Str *)nl)->data, (size_t)((gs_Str *)nl)->len - 1);
        r = text ? gs_call_object(vm, w, &text, 1, NULL) : NULL;
        gs_xdecref(vm, text);
        if (r) {
            gs_decref(vm, r);
            gs_Object *n1 = vm->char_strs['\n'];
            r = gs_call_object(vm, w, &n1, 1, NULL);
        }
        gs_decref(vm, w);
    }
    gs_decref(vm, nl);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    return GS_NONE(vm);
}

static gs_Object *m_pprint(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "object", "stream", "indent", "width", "depth", "compact", "sort_dicts",
                                         "underscore_numbers" };
    gs_Object *a[8];
    if (gs_pyargs(vm, "pprint", args, nargs, kwnames, names, 8, 5, 1, a) < 0)
        return NULL;
    return do_print(vm, a[0], a[1], a + 2, true);
}

static gs_Object *m_pp(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "object", "stream", "indent", "width", "depth", "compact", "sort_dicts",
                                         "underscore_numbers" };
    gs_Object *a[8];
    if (gs_pyargs(vm, "pp", args, nargs, kwnames, names, 8, 5, 1, a) < 0)
        return NULL;
    return do_print(vm, a[0], a[1], a + 2, false);
}

static gs_Object *m_saferepr(GS_ARGS)
{
    GS_UNUSED(self);
    static const char *const names[] = { "object" };
    gs_Object *a[1];
    if (gs_pyargs(vm, "saferepr", args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    PP p;
    gs_Object *none[5] = { NULL, NULL, NULL, NULL, NULL };
    if (pp_setup(vm, &p, none, true) < 0)
        return NULL;
    p.context = gs_dict_new(vm);
    gs_Object *r = p.context ? safe_repr(&p, a[0], p.context, 0) : NULL;
    gs_xdecref(vm, p.context);
    return r;
}

static gs_Object *readable_or_recursive(gs_VM *vm, gs_Object **args, int nargs, gs_Tuple *kwnames, const char *name,
                                        bool want_recursive)
{
    static const char *const names[] = { "object" };
    gs_Object *a[1];
    if (gs_pyargs(vm, name, args, nargs, kwnames, names, 1, 1, 1, a) < 0)
        return NULL;
    PP p;
    gs_Object *none[5] = { NULL, NULL, NULL, NULL, NULL };
    if (pp_setup(vm, &p, none, true) < 0)
        return NULL;
    p.context = gs_dict_new(vm);
    gs_Object *r = p.context ? safe_repr(&p, a[0], p.context, 0) : NULL;
    gs_xdecref(vm, p.context);
    if (!r)
        return NULL;
    gs_decref(vm, r);
    return GS_BOOL(vm, want_recursive ? p.recursive : (p.readable && !p.recursive));
}

static gs_Object *m_isreadable(GS_ARGS)
{
    GS_UNUSED(self);
    return readable_or_recursive(vm, args, nargs, kwnames, "isreadable", false);
}

static gs_Object *m_isrecursive(GS_ARGS)
{
    GS_UNUSED(self);
    return readable_or_recursive(vm, args, nargs, kwnames, "isrecursive", true);
}

static const gs_MethodDef functions[] = {
    { "pprint", m_pprint, 0, -1, GS_KW },         { "pformat", m_pformat, 0, -1, GS_KW },
    { "pp", m_pp, 0, -1, GS_KW },                 { "saferepr", m_saferepr, 0, -1, GS_KW },
    { "isreadable", m_isreadable, 0, -1, GS_KW }, { "isrecursive", m_isrecursive, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

gs_Object *gs_module_pprint(gs_VM *vm)
{
    gs_Object *m = gs_module_new(vm, "pprint");
    if (!m)
        return NULL;
    if (gs_module_add_functions(vm, m, functions) < 0) {
        gs_decref(vm, m);
        return NULL;
    }
    return m;
}
