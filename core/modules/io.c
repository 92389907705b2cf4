/*
 * io.c — the io module's in-memory streams: io.BytesIO (below) and the
 * text stream io.StringIO (write,
 * getvalue, read, readline, readlines, writelines, seek, tell, truncate,
 * close, closed, iteration, with), which print(..., file=sio) writes to.
 * The text is kept as code points so positions are characters, as in
 * CPython's C StringIO, with its newline modes: None (universal newlines,
 * translated to '\n' as written), '' (universal, untranslated), '\n', '\r'
 * and '\r\n' ('\n' written as that).
 * Like CPython's, a StringIO made empty starts "accumulating": while every
 * write lands at the end, the written strings themselves go into a list
 * (_PyAccu's, a GC object the StringIO holds but does not traverse), and
 * getvalue() joins them (one string: that very string) and keeps the result
 * as the list's only item; the first read, readline, iteration, overwrite
 * or shortening truncate turns the list into the code point buffer.
 * Not modelled: the accumulator's flush into a second list after 100,000
 * pieces, pickling (__getstate__/__setstate__), detach/fileno
 * (io.UnsupportedOperation needs multiple inheritance). No files: open()
 * and the other stream classes are absent.
 */
#include <stdio.h>

#include "modutil.h"

typedef struct StringIO {
    gs_Instance inst;
    uint32_t *buf;        /* the text (malloc'd) */
    int64_t len, cap, pos;
    bool closed;
    uint8_t newline; /* NL_* */
    uint8_t seennl;  /* the universal decoder's SEEN_* bits */
    gs_Object *accu; /* accumulating: the list of the strings written (buf unused) */
} StringIO;

/* the field number the accumulator list's decrefs name; like an
 * AttributeError's obj, a reference no traversal sees is not a field in
 * the trace (the timeline holds what gs_traverse shows) */
#define ACCU_FIELD 20

/* newline=: None, '', '\n', '\r', '\r\n' */
enum { NL_LF, NL_NONE, NL_EMPTY, NL_CR, NL_CRLF };
enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

static void sio_free(gs_Object *o)
{
    free(((StringIO *)o)->buf);
    ((StringIO *)o)->buf = NULL;
}

static void drop_accu(gs_VM *vm, StringIO *s)
{
    gs_Object *l = s->accu;
    if (!l)
        return;
    s->accu = NULL;
    gs_decref_c(vm, l, GS_CAUSE(GS_CAUSE_INTERNAL, s->inst.ob.id, ACCU_FIELD));
}

/* stringio_clear (the collector's) clears only the __dict__; the
 * accumulator goes when the StringIO is deallocated (or the VM ends) */
static void sio_clear(gs_VM *vm, gs_Object *o)
{
    if (o->refcnt == 0 || vm->gc_teardown)
        drop_accu(vm, (StringIO *)o);
}

/* CPython's StringIO is a GC object with a __dict__; its tp_traverse visits
 * only that, not the accumulator list */
static const gs_NativeOps sio_ops = { sizeof(StringIO), true, true, NULL, sio_clear, sio_free, true, false, false, 0,
                                      NULL, NULL };

/* StringIO's own methods say "I/O operation on closed file"; the ones it
 * inherits from _io._IOBase (__enter__, __iter__, isatty, readlines,
 * writelines) end the message with a period */
static int check_open(gs_VM *vm, gs_Object *self)
{
    if (((StringIO *)self)->closed) {
        gs_raise(vm, vm->e_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int check_open_iobase(gs_VM *vm, gs_Object *self)
{
    if (((StringIO *)self)->closed) {
        gs_raise(vm, vm->e_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int reserve(gs_VM *vm, StringIO *s, int64_t n)
{
    if (n <= s->cap)
        return 0;
    if (n > (int64_t)1 << 30) {
        gs_raise_memory(vm);
        return -1;
    }
    int64_t cap = s->cap ? s->cap : 16;
    while (cap < n)
        cap *= 2;
    uint32_t *b = realloc(s->buf, sizeof(uint32_t) * (size_t)cap);
    if (!b) {
        gs_raise_memory(vm);
        return -1;
    }
    s->buf = b;
    s->cap = cap;
    return 0;
}

static void put_utf8(gs_Buf *b, uint32_t c)
{
    char t[4];
    if (c < 0x80)
        gs_buf_addc(b, (char)c);
    else if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        gs_buf_add(b, t, 2);
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        gs_buf_add(b, t, 3);
    } else {
        t[0] = (char)(0xF0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        gs_buf_add(b, t, 4);
    }
}

static gs_Object *cps_to_str(gs_VM *vm, const uint32_t *cp, int64_t n)
{
    if (n <= 0)
        return gs_newref(vm, vm->empty_str);
    gs_Buf b;
    gs_buf_init(&b);
    for (int64_t i = 0; i < n; i++)
        put_utf8(&b, cp[i]);
    return gs_buf_to_str(vm, &b);
}

static gs_Object *text_of(gs_VM *vm, StringIO *s, int64_t from, int64_t to)
{
    return to <= from ? gs_newref(vm, vm->empty_str) : cps_to_str(vm, s->buf + from, to - from);
}

/* ''.join(accumulator): no item gives '', one str item is returned itself */
static gs_Object *join_accu(gs_VM *vm, gs_Object *l)
{
    gs_List *li = (gs_List *)l;
    if (li->len == 0)
        return gs_newref(vm, vm->empty_str);
    if (li->len == 1)
        return gs_newref(vm, li->items[0]);
    gs_Buf b;
    gs_buf_init(&b);
    for (int32_t i = 0; i < li->len; i++)
        gs_buf_add(&b, ((gs_Str *)li->items[i])->data, (size_t)((gs_Str *)li->items[i])->len);
    return gs_buf_to_str(vm, &b);
}

/* _PyAccu_Init: a new empty list (PyList_New(0), from the free list) */
static int new_accu(gs_VM *vm, StringIO *s)
{
    gs_Object *l = gs_list_new(vm, 0);
    if (!l)
        return -1;
    s->accu = l;
    return 0;
}

static int accumulate(gs_VM *vm, StringIO *s, gs_Object *str)
{
    return gs_list_append(vm, s->accu, str);
}

/* realize(): the joined text becomes the buffer; the list is freed first */
static int realize(gs_VM *vm, StringIO *s)
{
    if (!s->accu)
        return 0;
    gs_Object *joined = join_accu(vm, s->accu);
    if (!joined)
        return -1;
    drop_accu(vm, s);
    gs_Str *j = (gs_Str *)joined;
    int64_t n = j->nchars;
    if (reserve(vm, s, n) < 0) {
        s->len = 0; /* the text is lost with the list: nothing left to read past the buffer */
        gs_decref(vm, joined);
        return -1;
    }
    const unsigned char *p = (const unsigned char *)j->data;
    size_t left = (size_t)j->len;
    for (int64_t i = 0; i < n; i++) {
        size_t adv;
        s->buf[i] = gs_utf8_decode(p, left, &adv);
        if (!adv)
            adv = 1;
        p += adv;
        left -= adv;
    }
    s->len = n;
    gs_decref(vm, joined);
    return 0;
}

/* make_intermediate(): getvalue() while accumulating joins the pieces, and
 * a new list keeps the result as its one item */
static gs_Object *make_intermediate(gs_VM *vm, StringIO *s)
{
    gs_Object *joined = join_accu(vm, s->accu);
    if (!joined)
        return NULL;
    drop_accu(vm, s);
    if (new_accu(vm, s) < 0 || accumulate(vm, s, joined) < 0) {
        gs_decref(vm, joined);
        return NULL;
    }
    return joined;
}

/* write_str: the text after the newline mode's translation (the universal
 * decoder, always final, then '\n' -> '\r' or '\r\n'), at pos, overwriting,
 * padding with NULs past the end */
static int64_t sio_write_text(gs_VM *vm, StringIO *s, gs_Object *obj)
{
    gs_Str *t = (gs_Str *)obj;
    int64_t n = t->nchars;
    if (n == 0)
        return 0;
    uint32_t *cp = malloc(sizeof(uint32_t) * (size_t)n * 3); /* the text, then its translation (up to 2n) */
    if (!cp) {
        gs_raise_memory(vm);
        return -1;
    }
    const unsigned char *p = (const unsigned char *)t->data;
    size_t left = (size_t)t->len;
    for (int64_t i = 0; i < n; i++) {
        size_t adv;
        cp[i] = gs_utf8_decode(p, left, &adv);
        if (!adv)
            adv = 1;
        p += adv;
        left -= adv;
    }
    /* translate into out[0..m) (at most 2n: '\n' -> '\r\n') */
    uint32_t *out = cp + n;
    int64_t m = 0;
    bool changed = false;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = cp[i];
        if (s->newline == NL_NONE || s->newline == NL_EMPTY) {
            if (c == '\r' && i + 1 < n && cp[i + 1] == '\n') {
                s->seennl |= SEEN_CRLF;
                if (s->newline == NL_NONE) {
                    out[m++] = '\n';
                    i++;
                    changed = true;
                    continue;
                }
            } else if (c == '\r') {
                s->seennl |= SEEN_CR;
                if (s->newline == NL_NONE) {
                    c = '\n';
                    changed = true;
                }
            } else if (c == '\n' && !(i > 0 && cp[i - 1] == '\r')) {
                s->seennl |= SEEN_LF;
            }
        } else if (c == '\n' && s->newline == NL_CR) {
            c = '\r';
            changed = true;
        } else if (c == '\n' && s->newline == NL_CRLF) {
            out[m++] = '\r';
            changed = true;
        }
        out[m++] = c;
    }
    if (s->accu && s->pos == s->len) {
        /* accumulating at the end: the list takes the string (the decoder
         * and str.replace return the very string when nothing changed) */
        gs_Object *piece = changed ? cps_to_str(vm, out, m) : gs_newref(vm, obj);
        free(cp);
        if (!piece || accumulate(vm, s, piece) < 0) {
            gs_xdecref(vm, piece);
            return -1;
        }
        gs_decref(vm, piece);
        s->pos += m;
        s->len = s->pos;
        return n;
    }
    if (realize(vm, s) < 0 || reserve(vm, s, s->pos + m) < 0) {
        free(cp);
        return -1;
    }
    for (int64_t i = s->len; i < s->pos; i++)
        s->buf[i] = 0;
    memcpy(s->buf + s->pos, out, sizeof(uint32_t) * (size_t)m);
    free(cp);
    s->pos += m;
    if (s->pos > s->len)
        s->len = s->pos;
    return n;
}

static gs_Object *sio_new(GS_ARGS)
{
    static const char *const names[] = { "initial_value", "newline" };
    gs_Object *a[2] = { NULL, NULL };
    int npos = gs_npos(nargs, kwnames);
    /* StringIO.__init__'s clinic parser makes its keyword tuple the first
     * time keywords come (no keywords and at most 2 arguments skip it; the
     * model checks the arguments before it makes the object, CPython after) */
    if ((kwnames && kwnames->len) || npos > 2)
        gs_clinic_parser_init(vm, GS_CLINIC_STRINGIO, 2);
    if (npos > 2) {
        gs_raise(vm, vm->e_TypeError, "StringIO() takes at most 2 arguments (%d given)", npos);
        return NULL;
    }
    for (int i = 0; i < npos; i++)
        a[i] = args[i];
    for (int k = 0; kwnames && k < kwnames->len; k++) {
        const char *kn = ((gs_Str *)kwnames->items[k])->data;
        int j = strcmp(kn, names[0]) == 0 ? 0 : strcmp(kn, names[1]) == 0 ? 1 : -1;
        if (j < 0) {
            gs_raise(vm, vm->e_TypeError, "'%s' is an invalid keyword argument for StringIO()", kn);
            return NULL;
        }
        a[j] = args[npos + k];
    }
    gs_Object *init = a[0];
    if (init && init != vm->none && GS_KIND(init) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "initial_value must be str or None, not %s", gs_type_name(init));
        return NULL;
    }
    gs_Object *nl = a[1];
    if (nl && nl != vm->none && GS_KIND(nl) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "newline must be str or None, not %s", gs_type_name(nl));
        return NULL;
    }
    if (nl && GS_KIND(nl) == GS_K_STR) {
        const char *v = ((gs_Str *)nl)->data;
        if (strcmp(v, "") && strcmp(v, "\n") && strcmp(v, "\r") && strcmp(v, "\r\n")) {
            gs_Object *r = gs_repr(vm, nl);
            gs_raise(vm, vm->e_ValueError, "illegal newline value: %s", r ? ((gs_Str *)r)->data : "");
            gs_xdecref(vm, r);
            return NULL;
        }
    }
    gs_Object *o = gs_native_new(vm, (gs_Type *)self);
    if (!o)
        return NULL;
    if (nl == vm->none || (nl && !((gs_Str *)nl)->data[0])) {
        /* universal newlines: __init__ makes an IncrementalNewlineDecoder
         * (not a GC object) through a call whose 2-tuple of arguments is
         * made and freed */
        gs_phantom_free(vm, gs_phantom_alloc(vm, vm->t_tuple, 2));
    }
    if (nl == vm->none)
        ((StringIO *)o)->newline = NL_NONE;
    else if (nl) {
        const char *v = ((gs_Str *)nl)->data;
        ((StringIO *)o)->newline = !v[0] ? NL_EMPTY : v[0] == '\n' ? NL_LF : v[1] ? NL_CRLF : NL_CR;
    }
    StringIO *s = (StringIO *)o;
    /* a value: written to the buffer; none: accumulating */
    if (init && init != vm->none && ((gs_Str *)init)->nchars > 0 ? sio_write_text(vm, s, init) < 0
                                                                  : new_accu(vm, s) < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    s->pos = 0;
    return o;
}

static gs_Object *sio_write(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (check_open(vm, self) < 0)
        return NULL;
    if (GS_KIND(args[0]) != GS_K_STR) {
        gs_raise(vm, vm->e_TypeError, "string argument expected, got '%s'", gs_type_name(args[0]));
        return NULL;
    }
    int64_t n = sio_write_text(vm, (StringIO *)self, args[0]);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *sio_writelines(GS_ARGS)
{
    GS_UNUSED(kwnames);
    GS_UNUSED(nargs);
    if (check_open_iobase(vm, self) < 0)
        return NULL;
    return gs_write_each(vm, self, args[0], sio_write);
}

static gs_Object *sio_getvalue(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open(vm, self) < 0)
        return NULL;
    StringIO *s = (StringIO *)self;
    if (s->accu)
        return make_intermediate(vm, s);
    return text_of(vm, s, 0, s->len);
}

static int size_arg(gs_VM *vm, gs_Object **args, int nargs, int64_t *size)
{
    *size = -1;
    if (nargs < 1 || args[0] == vm->none)
        return 0;
    if (GS_KIND(args[0]) != GS_K_INT && GS_KIND(args[0]) != GS_K_BOOL) {
        gs_raise(vm, vm->e_TypeError, "argument should be integer or None, not '%s'", gs_type_name(args[0]));
        return -1;
    }
    return gs_as_int(vm, args[0], size);
}

static gs_Object *sio_read(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (check_open(vm, self) < 0)
        return NULL;
    int64_t size;
    if (size_arg(vm, args, nargs, &size) < 0)
        return NULL;
    StringIO *s = (StringIO *)self;
    int64_t n = s->len - s->pos;
    if (s->accu && s->pos == 0 && (size < 0 || size >= n)) {
        /* read() of everything from the start while accumulating: getvalue() */
        gs_Object *r = make_intermediate(vm, s);
        if (r)
            s->pos = s->len;
        return r;
    }
    if (realize(vm, s) < 0)
        return NULL;
    int64_t from = s->pos < s->len ? s->pos : s->len;
    int64_t to = size < 0 || from + size > s->len ? s->len : from + size;
    if (s->pos < s->len)
        s->pos = to;
    return text_of(vm, s, from, to);
}

/* one line from pos, at most `limit` characters: up to and with the line
 * ending _PyIO_find_line_ending finds ('\n' when translated or plain; '\r',
 * '\n' or '\r\n' when universal; '\r' or '\r\n' when that is the newline) */
static gs_Object *read_line(gs_VM *vm, StringIO *s, int64_t limit)
{
    if (realize(vm, s) < 0)
        return NULL;
    if (s->pos >= s->len)
        return gs_newref(vm, vm->empty_str);
    int64_t from = s->pos;
    int64_t stop = limit < 0 || limit > s->len - from ? s->len : from + limit;
    int64_t end = stop;
    for (int64_t i = from; i < stop; i++) {
        uint32_t c = s->buf[i];
        if (s->newline == NL_EMPTY && (c == '\r' || c == '\n')) {
            end = c == '\r' && i + 1 < stop && s->buf[i + 1] == '\n' ? i + 2 : i + 1;
            break;
        }
        if (s->newline == NL_CR && c == '\r') {
            end = i + 1;
            break;
        }
        if (s->newline == NL_CRLF && c == '\r' && i + 1 < stop && s->buf[i + 1] == '\n') {
            end = i + 2;
            break;
        }
        if ((s->newline == NL_LF || s->newline == NL_NONE) && c == '\n') {
            end = i + 1;
            break;
        }
    }
    s->pos = end;
    return text_of(vm, s, from, end);
}

static gs_Object *sio_readline(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (check_open(vm, self) < 0)
        return NULL;
    int64_t size;
    if (size_arg(vm, args, nargs, &size) < 0)
        return NULL;
    return read_line(vm, (StringIO *)self, size);
}

/* _io._IOBase.readlines(hint): the lines iterating gives, stopping once
 * their total length passes a positive hint */
static gs_Object *sio_readlines(GS_ARGS)
{
    GS_UNUSED(kwnames);
    int64_t hint;
    if (size_arg(vm, args, nargs, &hint) < 0 || check_open_iobase(vm, self) < 0)
        return NULL;
    StringIO *s = (StringIO *)self;
    if (realize(vm, s) < 0) /* the first next() realizes, even at the end */
        return NULL;
    gs_Object *l = gs_list_new(vm, 0);
    int64_t total = 0;
    while (l && s->pos < s->len) {
        gs_Object *line = read_line(vm, s, -1);
        if (!line || gs_list_append(vm, l, line) < 0) {
            gs_xdecref(vm, line);
            gs_decref(vm, l);
            return NULL;
        }
        total += ((gs_Str *)line)->nchars;
        gs_decref(vm, line);
        if (hint > 0 && total > hint)
            break;
    }
    return l;
}

static gs_Object *sio_next(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open(vm, self) < 0)
        return NULL;
    gs_Object *line = read_line(vm, (StringIO *)self, -1);
    if (line && ((gs_Str *)line)->len == 0) {
        gs_decref(vm, line);
        return NULL; /* exhausted */
    }
    return line;
}

static gs_Object *sio_seek(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (check_open(vm, self) < 0)
        return NULL;
    int64_t pos, whence = 0;
    if (gs_as_int(vm, args[0], &pos) < 0 || (nargs > 1 && gs_as_int(vm, args[1], &whence) < 0))
        return NULL;
    StringIO *s = (StringIO *)self;
    if (whence != 0 && whence != 1 && whence != 2) {
        gs_raise(vm, vm->e_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
        return NULL;
    }
    if (pos < 0 && whence == 0) {
        gs_raise(vm, vm->e_ValueError, "Negative seek position %lld", (long long)pos);
        return NULL;
    }
    if (whence != 0 && pos != 0) {
        gs_raise(vm, vm->e_OSError, "Can't do nonzero cur-relative seeks");
        return NULL;
    }
    if (whence == 1)
        pos = s->pos;
    else if (whence == 2)
        pos = s->len;
    s->pos = pos;
    return gs_int_new(vm, pos);
}

static gs_Object *sio_tell(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open(vm, self) < 0)
        return NULL;
    return gs_int_new(vm, ((StringIO *)self)->pos);
}

static gs_Object *sio_truncate(GS_ARGS)
{
    GS_UNUSED(kwnames);
    if (check_open(vm, self) < 0)
        return NULL;
    StringIO *s = (StringIO *)self;
    int64_t size;
    if (size_arg(vm, args, nargs, &size) < 0)
        return NULL;
    if (nargs < 1 || args[0] == vm->none)
        size = s->pos;
    if (size < 0) {
        gs_raise(vm, vm->e_ValueError, "Negative size value %lld", (long long)size);
        return NULL;
    }
    if (size < s->len) {
        if (realize(vm, s) < 0)
            return NULL;
        s->len = size;
    }
    return gs_int_new(vm, size);
}

static gs_Object *sio_close(GS_ARGS)
{
    GS_UNUSED_ARGS;
    StringIO *s = (StringIO *)self;
    s->closed = true;
    drop_accu(vm, s);
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = s->pos = 0;
    return GS_NONE(vm);
}

static gs_Object *sio_closed(GS_ARGS) { GS_UNUSED_ARGS; return GS_BOOL(vm, ((StringIO *)self)->closed); }

static gs_Object *sio_true(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open(vm, self) < 0)
        return NULL;
    return GS_BOOL(vm, true);
}

/* isatty, _IOBase's */
static gs_Object *sio_isatty(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open_iobase(vm, self) < 0)
        return NULL;
    return GS_BOOL(vm, false);
}

/* flush: _IOBase's, which checks a closed flag StringIO.close never sets */
static gs_Object *sio_flush(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_NONE(vm);
}

/* the line_buffering property */
static gs_Object *sio_line_buffering(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open(vm, self) < 0)
        return NULL;
    return GS_BOOL(vm, false);
}

/* the encoding and errors properties (_TextIOBase's) */
static gs_Object *sio_none(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return GS_NONE(vm);
}

/* the newlines property: the universal decoder's record of the line endings
 * written (None without a decoder or before any) */
static gs_Object *sio_newlines(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open(vm, self) < 0)
        return NULL;
    StringIO *s = (StringIO *)self;
    if (s->newline != NL_NONE && s->newline != NL_EMPTY)
        return GS_NONE(vm);
    gs_Object *nl[3];
    int n = 0;
    if (s->seennl & SEEN_CR)
        nl[n++] = gs_str_from_cstr(vm, "\r");
    if (s->seennl & SEEN_LF)
        nl[n++] = gs_str_from_cstr(vm, "\n");
    if (s->seennl & SEEN_CRLF)
        nl[n++] = gs_str_from_cstr(vm, "\r\n");
    if (n == 0)
        return GS_NONE(vm);
    if (n == 1)
        return nl[0];
    gs_Object *t = n == 2 ? gs_tuple_pack(vm, 2, nl[0], nl[1]) : gs_tuple_pack(vm, 3, nl[0], nl[1], nl[2]);
    for (int i = 0; i < n; i++)
        gs_xdecref(vm, nl[i]);
    return t;
}

static gs_Object *sio_enter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open_iobase(vm, self) < 0)
        return NULL;
    return gs_newref(vm, self);
}

static gs_Object *sio_exit(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    return sio_close(vm, self, NULL, 0, kwnames);
}

static gs_Object *sio_iter(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (check_open_iobase(vm, self) < 0)
        return NULL;
    return gs_newref(vm, self);
}

static gs_Object *sio_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "<_io.StringIO object at 0x%llx>", gs_object_address(self));
}

static const gs_MethodDef sio_methods[] = {
    { "__new__", sio_new, 0, -1, GS_KW },        { "write", sio_write, 1, 1, 0 },
    { "writelines", sio_writelines, 1, 1, 0 },   { "getvalue", sio_getvalue, 0, 0, 0 },
    { "read", sio_read, 0, 1, 0 },               { "readline", sio_readline, 0, 1, 0 },
    { "readlines", sio_readlines, 0, 1, 0 },     { "seek", sio_seek, 1, 2, 0 },
    { "tell", sio_tell, 0, 0, 0 },               { "truncate", sio_truncate, 0, 1, 0 },
    { "close", sio_close, 0, 0, 0 },             { "readable", sio_true, 0, 0, 0 },
    { "writable", sio_true, 0, 0, 0 },           { "seekable", sio_true, 0, 0, 0 },
    { "isatty", sio_isatty, 0, 0, 0 },           { "flush", sio_flush, 0, 0, 0 },
    { "__enter__", sio_enter, 0, 0, 0 },         { "__exit__", sio_exit, 0, -1, 0 },
    { "__iter__", sio_iter, 0, 0, 0 },           { "__next__", sio_next, 0, 0, GS_ITERNEXT },
    { "__repr__", sio_repr, 0, 0, 0 },           { NULL, NULL, 0, 0, 0 },
};

/* ================================================================== BytesIO */

/* io.BytesIO as CPython 3.11's C one (Modules/_io/bytesio.c): the
 * contents live in a bytes object, `buf`, of `alloc` bytes of which the
 * first string_size are the stream's; it is grown as resize_buffer grows
 * it.  A bytes object given to the constructor becomes the buffer itself,
 * and getvalue() (or a read of everything) hands the buffer out when it is
 * exactly the contents: while anyone else holds it (its refcount is over
 * one) the buffer is shared, and the next write copies it first
 * (unshare_buffer).  sys.getsizeof counts the buffer when it is not shared
 * (its __sizeof__).
 * A new BytesIO's buffer is CPython's empty bytes singleton (shared by
 * everyone): buf NULL here.  The buffer is not traversed (bytesio_traverse
 * visits only the __dict__); gs_io_count_roots counts it. */
typedef struct BytesIO {
    gs_Instance inst;
    gs_Object *buf;       /* the buffer (owned), or NULL: b'' (open) or none (closed) */
    int64_t pos, string_size;
    bool closed;
} BytesIO;

#define BIO(o) ((BytesIO *)(o))
#define BUF_FIELD 20

static int64_t bio_alloc(BytesIO *b) { return b->buf ? ((gs_Bytes *)b->buf)->len : 0; }
static char *bio_bytes(BytesIO *b) { return ((gs_Bytes *)b->buf)->data; }
static bool bio_shared(BytesIO *b) { return !b->buf || b->buf->refcnt > 1; }

/* __sizeof__ (bytesio_sizeof): __basicsize__, and the buffer unless it is
 * shared.  Whether it is shared changes when another holder of it comes or
 * goes, which the trace does not see as the BytesIO's doing: the object's
 * own size in the trace is its basic size (the buffer is an object of its
 * own there), and sys.getsizeof asks this method. */
static gs_Object *bio_sizeof(GS_ARGS)
{
    GS_UNUSED_ARGS;
    BytesIO *b = BIO(self);
    return gs_int_new(vm, 64 + (b->buf && b->buf->refcnt == 1 ? 33 + (int64_t)((gs_Bytes *)b->buf)->len : 0));
}

static void bio_set_buf(gs_VM *vm, gs_Object *o, gs_Object *nb)
{
    gs_Object *old = BIO(o)->buf;
    BIO(o)->buf = nb;
    if (old)
        gs_decref_c(vm, old, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, BUF_FIELD));
}

/* the collector's bytesio_clear clears only the __dict__; the buffer goes
 * when the BytesIO is deallocated (or the VM ends) */
static void bio_clear(gs_VM *vm, gs_Object *o)
{
    if (o->refcnt == 0 || vm->gc_teardown)
        bio_set_buf(vm, o, NULL);
}

static const gs_NativeOps bio_ops = { sizeof(BytesIO), true, true, NULL, bio_clear, NULL, true, false, false, 0,
                                      NULL, NULL };

static int bio_check_closed(gs_VM *vm, gs_Object *self)
{
    if (BIO(self)->closed) {
        gs_raise(vm, vm->e_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

/* unshare_buffer: a buffer of its own, `size` bytes, the contents copied */
static int bio_unshare(gs_VM *vm, gs_Object *self, int64_t size)
{
    BytesIO *b = BIO(self);
    gs_Object *nb = gs_bytes_new(vm, NULL, (size_t)size);
    if (!nb)
        return -1;
    if (b->string_size > 0)
        memcpy(((gs_Bytes *)nb)->data, bio_bytes(b), (size_t)b->string_size);
    bio_set_buf(vm, self, nb);
    return 0;
}

/* _PyBytes_Resize of an unshared buffer: its contents kept up to the new size */
static int bio_realloc(gs_VM *vm, gs_Object *self, int64_t size)
{
    BytesIO *b = BIO(self);
    gs_Object *nb = gs_bytes_new(vm, NULL, (size_t)size);
    if (!nb)
        return -1;
    int64_t keep = bio_alloc(b) < size ? bio_alloc(b) : size;
    if (keep > 0)
        memcpy(((gs_Bytes *)nb)->data, bio_bytes(b), (size_t)keep);
    bio_set_buf(vm, self, nb);
    return 0;
}

/* resize_buffer: room for `size` bytes, over-allocated as CPython's */
static int bio_resize(gs_VM *vm, gs_Object *self, int64_t size)
{
    BytesIO *b = BIO(self);
    int64_t alloc = bio_alloc(b);
    if ((uint64_t)size > (uint64_t)vm->heap_limit) {
        gs_raise_memory(vm);
        return -1;
    }
    if (size < alloc / 2)
        alloc = size + 1; /* major downsize: to the exact size */
    else if (size < alloc)
        return 0;
    else if ((double)size <= (double)alloc * 1.125)
        alloc = size + (size >> 3) + (size < 9 ? 3 : 6); /* moderate upsize, as list_resize */
    else
        alloc = size + 1; /* major upsize */
    return bio_shared(b) ? bio_unshare(vm, self, alloc) : bio_realloc(vm, self, alloc);
}

/* the bytes of a bytes-like object (bytes, bytearray, array.array), or
 * NULL with "a bytes-like object is required, not 'X'" */
static const char *bio_bytes_like(gs_VM *vm, gs_Object *o, int64_t *len)
{
    if (GS_KIND(o) == GS_K_BYTES) {
        *len = ((gs_Bytes *)o)->len;
        return ((gs_Bytes *)o)->data;
    }
    if (GS_KIND(o) == GS_K_BYTEARRAY) {
        gs_ByteArray *a = (gs_ByteArray *)o;
        *len = a->len;
        return a->data ? a->data + a->start : "";
    }
    if (GS_KIND(o) == GS_K_INSTANCE && o->type->native && o->type->native->buffer) {
        size_t n = 0;
        const char *p = o->type->native->buffer->get(o, &n);
        *len = (int64_t)n;
        return p ? p : "";
    }
    gs_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", gs_type_name(o));
    return NULL;
}

/* write_bytes: the bytes at pos (padding a gap past the end with NULs);
 * how many, or -1 */
static int64_t bio_write_bytes(gs_VM *vm, gs_Object *self, gs_Object *obj)
{
    BytesIO *b = BIO(self);
    if (bio_check_closed(vm, self) < 0)
        return -1;
    int64_t len;
    const char *src = bio_bytes_like(vm, obj, &len);
    if (!src)
        return -1;
    if (len == 0)
        return 0;
    int64_t endpos = b->pos + len;
    /* (a bytearray or array written into itself stays put: the model's buffer is a separate bytes object) */
    char *copy = malloc((size_t)len);
    if (!copy) {
        gs_raise_memory(vm);
        return -1;
    }
    memcpy(copy, src, (size_t)len);
    int r = 0;
    if (endpos > bio_alloc(b))
        r = bio_resize(vm, self, endpos);
    else if (bio_shared(b))
        r = bio_unshare(vm, self, endpos > b->string_size ? endpos : b->string_size);
    if (r < 0) {
        free(copy);
        return -1;
    }
    char *data = bio_bytes(b);
    if (b->pos > b->string_size)
        memset(data + b->string_size, 0, (size_t)(b->pos - b->string_size));
    memcpy(data + b->pos, copy, (size_t)len);
    free(copy);
    ((gs_Bytes *)b->buf)->hash = -1;
    b->pos = endpos;
    if (b->string_size < endpos)
        b->string_size = endpos;
    return len;
}

static gs_Object *bio_new(GS_ARGS)
{
    static const char *const names[] = { "initial_bytes" };
    gs_Object *a[1] = { NULL };
    int npos = gs_npos(nargs, kwnames);
    /* the clinic parser makes its keyword tuple the first time keywords
     * (or too many arguments) come */
    if ((kwnames && kwnames->len) || npos > 1)
        gs_clinic_parser_init(vm, GS_CLINIC_BYTESIO, 1);
    if (gs_clinic_bind(vm, "BytesIO", names, 1, 0, 0, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    gs_Object *o = gs_native_new(vm, (gs_Type *)self);
    if (!o)
        return NULL;
    gs_Object *init = a[0];
    if (init && init != vm->none) {
        if (init->type == vm->t_bytes) {
            /* the very bytes object: shared until the first change */
            gs_incref_c(vm, init, GS_CAUSE(GS_CAUSE_INTERNAL, o->id, BUF_FIELD));
            bio_set_buf(vm, o, init);
            BIO(o)->string_size = ((gs_Bytes *)init)->len;
        } else {
            if (bio_write_bytes(vm, o, init) < 0) {
                gs_decref(vm, o);
                return NULL;
            }
            BIO(o)->pos = 0;
        }
    }
    return o;
}

static gs_Object *bio_write(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    int64_t n = bio_write_bytes(vm, self, args[0]);
    return n < 0 ? NULL : gs_int_new(vm, n);
}

static gs_Object *bio_writelines(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    if (bio_check_closed(vm, self) < 0)
        return NULL;
    gs_Object *it = gs_iter(vm, args[0]);
    if (!it)
        return NULL;
    gs_Object *item;
    while ((item = gs_next(vm, it)) != NULL) {
        int64_t r = bio_write_bytes(vm, self, item);
        gs_decref(vm, item);
        if (r < 0)
            break;
    }
    gs_decref(vm, it);
    return vm->exc ? NULL : GS_NONE(vm);
}

/* the size arguments clinic converts: Py_ssize_t(accept={int, NoneType}) */
static int bio_size_arg(gs_VM *vm, gs_Object **args, int nargs, int64_t dflt, int64_t *size)
{
    *size = dflt;
    if (nargs < 1 || args[0] == vm->none)
        return 0;
    if (!gs_is_intlike(args[0])) {
        int r = gs_index_value(vm, args[0], size);
        if (r > 0)
            return 0;
        if (r == 0)
            gs_raise(vm, vm->e_TypeError, "argument should be integer or None, not '%s'", gs_type_name(args[0]));
        return -1;
    }
    return gs_as_int(vm, args[0], size);
}

/* read_bytes: `size` bytes from pos; the buffer itself when that is all of it */
static gs_Object *bio_read_bytes(gs_VM *vm, BytesIO *b, int64_t size)
{
    if (size > 1 && b->pos == 0 && b->buf && size == bio_alloc(b)) {
        b->pos += size;
        return gs_newref(vm, b->buf);
    }
    const char *p = size > 0 ? bio_bytes(b) + b->pos : "";
    b->pos += size;
    return gs_bytes_new(vm, p, (size_t)size);
}

static gs_Object *bio_read(GS_ARGS)
{
    GS_UNUSED(kwnames);
    int64_t size;
    if (bio_size_arg(vm, args, nargs, -1, &size) < 0 || bio_check_closed(vm, self) < 0)
        return NULL;
    BytesIO *b = BIO(self);
    int64_t n = b->string_size - b->pos;
    if (size < 0 || size > n) {
        size = n;
        if (size < 0)
            size = 0;
    }
    return bio_read_bytes(vm, b, size);
}

/* scan_eol: the length of the line at pos, at most `len` (< 0: no limit) */
static int64_t bio_scan_eol(BytesIO *b, int64_t len)
{
    if (b->pos >= b->string_size)
        return 0;
    int64_t maxlen = b->string_size - b->pos;
    if (len < 0 || len > maxlen)
        len = maxlen;
    if (len) {
        const char *start = bio_bytes(b) + b->pos;
        const char *nl = memchr(start, '\n', (size_t)len);
        if (nl)
            len = nl - start + 1;
    }
    return len;
}

static gs_Object *bio_readline(GS_ARGS)
{
    GS_UNUSED(kwnames);
    int64_t size;
    if (bio_size_arg(vm, args, nargs, -1, &size) < 0 || bio_check_closed(vm, self) < 0)
        return NULL;
    return bio_read_bytes(vm, BIO(self), bio_scan_eol(BIO(self), size));
}

static gs_Object *bio_readlines(GS_ARGS)
{
    GS_UNUSED(kwnames);
    int64_t maxsize = -1;
    if (bio_check_closed(vm, self) < 0)
        return NULL;
    if (nargs > 0 && args[0] != vm->none) {
        if (!gs_is_intlike(args[0])) {
            gs_raise(vm, vm->e_TypeError, "integer argument expected, got '%s'", gs_type_name(args[0]));
            return NULL;
        }
        if (gs_as_int(vm, args[0], &maxsize) < 0)
            return NULL;
    }
    BytesIO *b = BIO(self);
    gs_Object *l = gs_list_new(vm, 0);
    int64_t size = 0, n;
    while (l && (n = bio_scan_eol(b, -1)) != 0) {
        gs_Object *line = gs_bytes_new(vm, bio_bytes(b) + b->pos, (size_t)n);
        b->pos += n;
        if (!line || gs_list_append(vm, l, line) < 0) {
            gs_xdecref(vm, line);
            gs_decref(vm, l);
            return NULL;
        }
        gs_decref(vm, line);
        size += n;
        if (maxsize > 0 && size >= maxsize)
            break;
    }
    return l;
}

static gs_Object *bio_next(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (bio_check_closed(vm, self) < 0)
        return NULL;
    int64_t n = bio_scan_eol(BIO(self), -1);
    return n == 0 ? NULL : bio_read_bytes(vm, BIO(self), n);
}

/* readinto(buffer): into a bytearray (the model's one read-write buffer) */
static gs_Object *bio_readinto(GS_ARGS)
{
    GS_UNUSED(nargs);
    GS_UNUSED(kwnames);
    gs_Object *t = args[0];
    if (GS_KIND(t) != GS_K_BYTEARRAY) {
        gs_raise(vm, vm->e_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                 gs_type_name(t));
        return NULL;
    }
    if (bio_check_closed(vm, self) < 0)
        return NULL;
    BytesIO *b = BIO(self);
    gs_ByteArray *a = (gs_ByteArray *)t;
    int64_t len = a->len, n = b->string_size - b->pos;
    if (len > n)
        len = n < 0 ? 0 : n;
    if (len > 0)
        memcpy(a->data + a->start, bio_bytes(b) + b->pos, (size_t)len);
    b->pos += len;
    return gs_int_new(vm, len);
}

static gs_Object *bio_getvalue(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (bio_check_closed(vm, self) < 0)
        return NULL;
    BytesIO *b = BIO(self);
    if (b->string_size <= 1)
        return gs_bytes_new(vm, b->string_size ? bio_bytes(b) : "", (size_t)b->string_size);
    if (b->string_size != bio_alloc(b) &&
        (bio_shared(b) ? bio_unshare(vm, self, b->string_size) : bio_realloc(vm, self, b->string_size)) < 0)
        return NULL;
    return gs_newref(vm, b->buf);
}

static gs_Object *bio_seek(GS_ARGS)
{
    GS_UNUSED(kwnames);
    int64_t pos, whence = 0;
    if (gs_index_arg(vm, args[0], &pos) < 0 || (nargs > 1 && gs_index_arg(vm, args[1], &whence) < 0))
        return NULL;
    if (bio_check_closed(vm, self) < 0)
        return NULL;
    BytesIO *b = BIO(self);
    if (pos < 0 && whence == 0) {
        gs_raise(vm, vm->e_ValueError, "negative seek value %lld", (long long)pos);
        return NULL;
    }
    if (whence == 1)
        pos += b->pos;
    else if (whence == 2)
        pos += b->string_size;
    else if (whence != 0) {
        gs_raise(vm, vm->e_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
        return NULL;
    }
    b->pos = pos < 0 ? 0 : pos;
    return gs_int_new(vm, b->pos);
}

static gs_Object *bio_tell(GS_ARGS)
{
    GS_UNUSED_ARGS;
    if (bio_check_closed(vm, self) < 0)
        return NULL;
    return gs_int_new(vm, BIO(self)->pos);
}

static gs_Object *bio_truncate(GS_ARGS)
{
    GS_UNUSED(kwnames);
    BytesIO *b = BIO(self);
    int64_t size;
    if (bio_size_arg(vm, args, nargs, b->pos, &size) < 0 || bio_check_closed(vm, self) < 0)
        return NULL;
    if (size < 0) {
        gs_raise(vm, vm->e_ValueError, "negative size value %lld", (long long)size);
        return NULL;
    }
    if (size < b->string_size) {
        b->string_size = size;
        if (bio_resize(vm, self, size) < 0)
            return NULL;
    }
    return gs_int_new(vm, size);
}

static gs_Object *bio_close(GS_ARGS)
{
    GS_UNUSED_ARGS;
    BIO(self)->closed = true;
    bio_set_buf(vm, self, NULL);
    return GS_NONE(vm);
}

static gs_Object *bio_closed(GS_ARGS) { GS_UNUSED_ARGS; return GS_BOOL(vm, BIO(self)->closed); }

/* readable, writable, seekable */
static gs_Object *bio_true(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return bio_check_closed(vm, self) < 0 ? NULL : GS_BOOL(vm, true);
}

static gs_Object *bio_isatty(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return bio_check_closed(vm, self) < 0 ? NULL : GS_BOOL(vm, false);
}

static gs_Object *bio_flush(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return bio_check_closed(vm, self) < 0 ? NULL : GS_NONE(vm);
}

/* __enter__ and __iter__ (_IOBase's): itself, if open */
static gs_Object *bio_self(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return bio_check_closed(vm, self) < 0 ? NULL : gs_newref(vm, self);
}

/* _IOBase.__exit__(*args): self.close() */
static gs_Object *bio_exit(GS_ARGS)
{
    GS_UNUSED(args);
    GS_UNUSED(nargs);
    return bio_close(vm, self, NULL, 0, kwnames);
}

static gs_Object *bio_repr(GS_ARGS)
{
    GS_UNUSED_ARGS;
    return gs_str_printf(vm, "<_io.BytesIO object at 0x%llx>", gs_object_address(self));
}

static const gs_MethodDef bio_methods[] = {
    { "__new__", bio_new, 0, -1, GS_KW },        { "readable", bio_true, 0, 0, 0 },
    { "seekable", bio_true, 0, 0, 0 },           { "writable", bio_true, 0, 0, 0 },
    { "close", bio_close, 0, 0, 0 },             { "flush", bio_flush, 0, 0, 0 },
    { "isatty", bio_isatty, 0, 0, 0 },           { "tell", bio_tell, 0, 0, 0 },
    { "write", bio_write, 1, 1, 0 },             { "writelines", bio_writelines, 1, 1, 0 },
    { "read1", bio_read, 0, 1, 0 },              { "readinto", bio_readinto, 1, 1, 0 },
    { "readline", bio_readline, 0, 1, 0 },       { "readlines", bio_readlines, 0, 1, 0 },
    { "read", bio_read, 0, 1, 0 },               { "getvalue", bio_getvalue, 0, 0, 0 },
    { "seek", bio_seek, 1, 2, 0 },               { "truncate", bio_truncate, 0, 1, 0 },
    { "__enter__", bio_self, 0, 0, 0 },          { "__exit__", bio_exit, 0, -1, 0 },
    { "__iter__", bio_self, 0, 0, 0 },           { "__next__", bio_next, 0, 0, GS_ITERNEXT },
    { "__repr__", bio_repr, 0, 0, 0 },           { "__sizeof__", bio_sizeof, 0, 0, 0 },
    { NULL, NULL, 0, 0, 0 },
};

typedef struct IoState {
    gs_Type *t_stringio, *t_bytesio;
} IoState;

/* a getset descriptor of CPython's type, as a property on the model's */
static void add_property(gs_VM *vm, gs_Type *t, const char *name, gs_CFunc fn)
{
    gs_Object *b = gs_builtin_new(vm, name, fn, 0, 0, NULL);
    if (!b)
        return;
    ((gs_Builtin *)b)->owner = t;
    gs_Object *p = gs_descriptor_wrap(vm, vm->t_property, b);
    gs_decref(vm, b);
    if (p) {
        gs_dict_set(vm, &t->dict->ob, &gs_name(vm, name)->ob, p);
        gs_decref(vm, p);
    }
}

static gs_Object *make_module(gs_VM *vm);

gs_Object *gs_module_io(gs_VM *vm)
{
    /* CPython imported io at start-up: a program's import allocates no
     * more than the model's import statement does (measured with
     * python3.11 after a full collection).  The model makes the module and
     * its types now: that neither counts in generation 0 nor starts a
     * collection, and what it keeps is taken back from the long-lived
     * count */
    int64_t count0 = vm->gens[0].count, size0 = gs_gc_generation_size(vm, 0);
    bool enabled = vm->gc_enabled;
    vm->gc_enabled = false;
    gs_Object *m = make_module(vm);
    int64_t kept = gs_gc_generation_size(vm, 0) - size0;
    vm->gens[0].count = count0;
    vm->gc_enabled = enabled;
    if (m)
        gs_gc_import_footprint(vm, 0, -kept, 0);
    return m;
}

static gs_Object *make_module(gs_VM *vm)
{
    IoState *st = vm->modstate[GS_MS_IO];
    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st) {
            gs_raise_memory(vm);
            return NULL;
        }
        vm->modstate[GS_MS_IO] = st;
        st->t_stringio = gs_native_type_new(vm, "_io.StringIO", &sio_ops, sio_methods);
        st->t_stringio->flags |= GS_TF_DICT | GS_TF_CDICT;
        gs_modtype_add_attr(vm, st->t_stringio, "__basicsize__", gs_int_new(vm, 120)); /* + 16 of GC header */
        add_property(vm, st->t_stringio, "closed", sio_closed);
        add_property(vm, st->t_stringio, "line_buffering", sio_line_buffering);
        add_property(vm, st->t_stringio, "newlines", sio_newlines);
        add_property(vm, st->t_stringio, "encoding", sio_none);
        add_property(vm, st->t_stringio, "errors", sio_none);
        st->t_bytesio = gs_native_type_new(vm, "_io.BytesIO", &bio_ops, bio_methods);
        st->t_bytesio->flags |= GS_TF_DICT | GS_TF_CDICT;
        add_property(vm, st->t_bytesio, "closed", bio_closed);
        gs_modtype_add_attr(vm, st->t_bytesio, "__basicsize__", gs_int_new(vm, 64));
        gs_modtype_add_attr(vm, st->t_bytesio, "__doc__",
                            gs_str_from_cstr(vm, "Buffered I/O implementation using an in-memory bytes buffer."));
    }
    gs_Object *m = gs_module_new(vm, "io");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "StringIO", gs_newref(vm, &st->t_stringio->ob));
    gs_module_add(vm, m, "BytesIO", gs_newref(vm, &st->t_bytesio->ob));
    return m;
}

/* The accumulator lists StringIOs hold and the buffers of BytesIOs:
 * references no traversal sees (as in CPython), counted for
 * --check-refcounts */
void gs_io_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    IoState *st = vm->modstate[GS_MS_IO];
    if (!st || !vm->objtab)
        return;
    for (uint32_t id = 1; id < vm->objtab_cap; id++) {
        gs_Object *o = vm->objtab[id];
        if (o && GS_KIND(o) == GS_K_INSTANCE && o->type == st->t_stringio && ((StringIO *)o)->accu)
            count(ctx, ((StringIO *)o)->accu);
        else if (o && GS_KIND(o) == GS_K_INSTANCE && o->type == st->t_bytesio && BIO(o)->buf)
            count(ctx, BIO(o)->buf);
    }
}

void gs_io_free(gs_VM *vm)
{
    free(vm->modstate[GS_MS_IO]);
    vm->modstate[GS_MS_IO] = NULL;
}
