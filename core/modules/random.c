/*
 * random.c — the random module: CPython's Mersenne Twister
 * (Modules/_randommodule.c) and the algorithms Lib/random.py builds on it,
 * step for step, so a program seeded the same way draws the same numbers
 * as CPython 3.11: seed() with an int (its absolute value), a float (its
 * hash), a str (version 2: the UTF-8 bytes followed by their SHA-512
 * digest, read as one big-endian integer) or None (the OS's entropy);
 * random(), getrandbits(), _randbelow() and everything drawn through them
 * (randrange, randint, choice, choices, shuffle, sample and the
 * distributions) in the same order, with the same number of draws.
 *
 * random.Random is a Python class in CPython (a subclass of the C type
 * _random.Random); here it is a built-in type whose instances keep the
 * generator's 624 words as C data (gs_NativeOps) beside their one
 * attribute, gauss_next.  The module-level functions are methods bound to
 * one hidden instance, random._inst, as in CPython.  Functions CPython
 * writes in Python report bad arguments with a Python function's messages
 * (gs_pysig_bind); the C ones with C messages.
 *
 * Ints past 64 bits draw as CPython's do: getrandbits(k) of any k, and
 * randrange/randint/seed of any int (_randbelow over getrandbits(k) of
 * the width's bit length).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "modutil.h"
#include "runtime/opcodes.h"

enum { MT_N = 624, MT_M = 397 };
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct RandomObj {
    gs_Instance inst;
    int32_t index;
    bool seeded;  /* false: a subclass made it without Random.__init__ (seeded from the OS on first use) */
    bool system;  /* a SystemRandom: draws from the OS, keeps no state */
    uint32_t state[MT_N];
} RandomObj;

static const gs_NativeOps random_ops = { .gc = true, .size = sizeof(RandomObj), .traverse = NULL, .clear = NULL };

/* Lib/random.py's constants */
#define TWOPI (2.0 * M_PI)
static double nv_magicconst(void) { return 4 * exp(-0.5) / sqrt(2.0); }
static double sg_magicconst(void) { return 1.0 + log(4.5); }
#define LOG4 log(4.0)

/* ================================================================== the Mersenne Twister */

static uint32_t genrand_uint32(RandomObj *r)
{
    static const uint32_t mag01[2] = { 0x0U, MATRIX_A };
    uint32_t y;
    uint32_t *mt = r->state;
    if (r->index >= MT_N) { /* generate N words at one time */
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(RandomObj *r, uint32_t s)
{
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = (1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i);
    r->index = MT_N;
}

static void init_by_array(RandomObj *r, const uint32_t *key, size_t key_length)
{
    uint32_t *mt = r->state;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > key_length ? MT_N : key_length; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j; /* non linear */
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= key_length)
            j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i; /* non linear */
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* MSB is 1; assuring non-zero initial array */
    r->seeded = true;
}

/* CPython's _PyOS_URandomNonblock: getrandom(), which does not block;
 * false if the OS gave nothing. */
static bool os_entropy(void *buf, size_t n)
{
    unsigned char *p = buf;
    while (n) {
        ssize_t got = getrandom(p, n, GRND_NONBLOCK);
        if (got <= 0)
            return false;
        p += got;
        n -= (size_t)got;
    }
    return true;
}

/* random_seed_urandom, falling back on random_seed_time_pid */
static void seed_from_os(RandomObj *r)
{
    uint32_t key[MT_N];
    if (os_entropy(key, sizeof key)) {
        init_by_array(r, key, MT_N);
        return;
    }
    struct timespec wall, mono;
    clock_gettime(CLOCK_REALTIME, &wall);
    clock_gettime(CLOCK_MONOTONIC, &mono);
    uint64_t now = (uint64_t)wall.tv_sec * 1000000000u + (uint64_t)wall.tv_nsec;
    uint64_t mnow = (uint64_t)mono.tv_sec * 1000000000u + (uint64_t)mono.tv_nsec;
    uint32_t k5[5] = { (uint32_t)now, (uint32_t)(now >> 32), (uint32_t)getpid(), (uint32_t)mnow,
                       (uint32_t)(mnow >> 32) };
    init_by_array(r, k5, 5);
}

/* The generator of `self` (any instance of Random or a subclass). */
static RandomObj *gen_of(gs_Object *self)
{
    RandomObj *r = (RandomObj *)self;
    if (!r->seeded && !r->system)
        seed_from_os(r);
    return r;
}

/* init_by_array with the 32-bit words of an unsigned integer given as
 * big-endian bytes (leading zero bytes allowed): least significant word
 * first, as random_seed splits a PyLong. */
static void seed_from_be_bytes(RandomObj *r, const unsigned char *b, size_t n)
{
    while (n && b[0] == 0) {
        b++;
        n--;
    }
    size_t words = n == 0 ? 1 : (n + 3) / 4;
    uint32_t *key = calloc(words, sizeof *key);
    if (!key)
        abort(); /* a few bytes; the seed material itself is bounded by the program's string */
    for (size_t i = 0; i < n; i++) {
        size_t pos = n - 1 - i; /* byte i counted from the least significant end */
        key[i / 4] |= (uint32_t)b[pos] << (8 * (i % 4));
    }
    init_by_array(r, key, words);
    free(key);
}

static void seed_from_u64(RandomObj *r, uint64_t v)
{
    uint32_t key[2] = { (uint32_t)v, (uint32_t)(v >> 32) };
    init_by_array(r, key, key[1] ? 2 : 1);
}

/* genrand_res53 */
static double draw_random(RandomObj *r)
{
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* SystemRandom.random: (int.from_bytes(_urandom(7)) >> 3) * RECIP_BPF */
static double system_random(void)
{
    unsigned char b[7];
    if (!os_entropy(b, sizeof b))
        memset(b, 0, sizeof b);
    uint64_t x = 0;
    for (int i = 0; i < 7; i++)
        x = (x << 8) | b[i];
    return (double)(x >> 3) * (1.0 / 9007199254740992.0);
}

/* self.random() */
static double rnd(gs_Object *self)
{
    RandomObj *r = gen_of(self);
    return r->system ? system_random() : draw_random(r);
}

/* getrandbits(k) for 0 <= k <= 63 */
static uint64_t draw_bits(gs_Object *self, int k)
{
    RandomObj *r = gen_of(self);
    if (k == 0)
        return 0;
    if (r->system) { /* int.from_bytes(_urandom(numbytes)) >> (numbytes * 8 - k) */
        int numbytes = (k + 7) / 8;
        unsigned char b[8];
        if (!os_entropy(b, (size_t)numbytes))
            memset(b, 0, sizeof b);
        uint64_t x = 0;
        for (int i = 0; i < numbytes; i++)
            x = (x << 8) | b[i];
        return x >> (numbytes * 8 - k);
    }
    if (k <= 32)
        return genrand_uint32(r) >> (32 - k);
    uint64_t lo = genrand_uint32(r);
    uint64_t hi = genrand_uint32(r) >> (64 - k);
    return (hi << 32) | lo;
}

static int bit_length(uint64_t n)
{
    int k = 0;
    while (n) {
        k++;
        n >>= 1;
    }
    return k;
}

/* _randbelow_with_getrandbits: an int in [0, n), n > 0 */
static int64_t randbelow(gs_Object *self, int64_t n)
{
    int k = bit_length((uint64_t)n);
    uint64_t r = draw_bits(self, k);
    while (r >= (uint64_t)n)
        r = draw_bits(self, k);
    return (int64_t)r;
}

/* getrandbits(k) as an int, any k >= 0: the generator's 32-bit words,
 * least significant first, the last one cut to what is left of k
 * (_random_Random_getrandbits_impl); SystemRandom's is
 * int.from_bytes(_urandom(numbytes)) >> (numbytes * 8 - k) */
static gs_Object *bits_obj(gs_VM *vm, gs_Object *self, int64_t k)
{
    if (k <= 63)
        return gs_int_new(vm, (int64_t)draw_bits(self, (int)k));
    RandomObj *r = gen_of(self);
    size_t words = (size_t)(k - 1) / 32 + 1, n = r->system ? (size_t)(k + 7) / 8 : words * 4;
    unsigned char *b = malloc(n);
    if (!b) {
        gs_raise_memory(vm);
        return NULL;
    }
    gs_Object *res;
    if (r->system) {
        if (!os_entropy(b, n))
            memset(b, 0, n);
        res = gs_int_from_raw_bytes(vm, b, n, false, n * 8 - (size_t)k);
    } else {
        for (size_t i = 0; i < words; i++, k -= 32) {
            uint32_t w = genrand_uint32(r);
            if (k < 32)
                w >>= 32 - k;
            for (int j = 0; j < 4; j++)
                b[i * 4 + (size_t)j] = (unsigned char)(w >> (8 * j));
        }
        res = gs_int_from_raw_bytes(vm, b, n, true, 0);
    }
    free(b);
    return res;
}

/* randbelow of an int object n > 0, which may be past 64 bits */
static gs_Object *randbelow_obj(gs_VM *vm, gs_Object *self, gs_Object *n)
{
    if (!gs_int_is_big(n))
        return gs_int_new(vm, randbelow(self, gs_intlike_value(vm, n)));
    int64_t k = gs_big_bit_length(n);
    for (;;) {
        gs_Object *r = bits_obj(vm, self, k);
        if (!r || gs_big_compare(vm, r, n) < 0)
            return r;
        gs_decref(vm, r);
    }
}

/* ================================================================== helpers */

static gs_Object *float_obj(gs_VM *vm, double d) { return gs_float_new(vm, d); }

static bool is_system(gs_Object *self) { return ((RandomObj *)self)->system; }

/* a new reference to self.gauss_next etc. */
static gs_Object *get_attr(gs_VM *vm, gs_Object *o, const char *name) { return gs_getattr(vm, o, gs_name(vm, name)); }

static int set_attr(gs_VM *vm, gs_Object *o, const char *name, gs_Object *v)
{
    return gs_setattr(vm, o, gs_name(vm, name), v);
}

/* bind the arguments of a method CPython writes in Python to a_[] */
#define BIND(qual, req, kwonly, ...)                                                                                 \
    static const char *const names_[] = { __VA_ARGS__ };                                                             \
    static const gs_PySig sig_ = { qual, names_, GS_COUNTOF(names_) - (kwonly), req, kwonly, 1 };                    \
    gs_Object *a_[GS_COUNTOF(names_)];                                                                               \
    if (gs_pysig_bind(vm, &sig_, args, nargs, kwnames, a_) < 0)                                                      \
        return NULL

/* ... for one that takes no arguments but self */
#define BIND0(qual)                                                                                                  \
    do {                                                                                                             \
        static const gs_PySig sig0_ = { qual, NULL, 0, 0, 0, 1 };                                                    \
        if (gs_pysig_bind(vm, &sig0_, args, nargs, kwnames, NULL) < 0)                                               \
            return NULL;                                                                                             \
    } while (0)

/* ================================================================== seeding */

/* Random.seed(self, a=None, version=2) */
/* seed(a) for version 2 of a str (its UTF-8) or bytes: the number whose
 * big-endian bytes are a + sha512(a).digest() */
static int seed_from_sha512(gs_VM *vm, RandomObj *r, const char *data, size_t n)
{
    unsigned char *buf = malloc(n + SHA512_DIGEST_SIZE);
    if (!buf) {
        gs_raise_memory(vm);
        return -1;
    }
    if (n)
        memcpy(buf, data, n);
    struct sha512_ctx ctx;
    sha512_init(&ctx);
    sha512_update(&ctx, n, (const uint8_t *)data);
    sha512_digest(&ctx, SHA512_DIGEST_SIZE, buf + n);
    seed_from_be_bytes(r, buf, n + SHA512_DIGEST_SIZE);
    free(buf);
    return 0;
}

static int do_seed(gs_VM *vm, gs_Object *self, gs_Object *a, gs_Object *version)
{
    RandomObj *r = (RandomObj *)self;
    int64_t ver = 2;
    if (version) {
        /* `version == 1` and `version == 2` compare by value (2.0 counts) */
        if (gs_is_intlike(version))
            ver = gs_intlike_value(vm, version);
        else if (GS_KIND(version) == GS_K_FLOAT)
            ver = ((gs_Float *)version)->value == 1.0 ? 1 : ((gs_Float *)version)->value == 2.0 ? 2 : 0;
        else
            ver = 0;
    }
    if (a && a != vm->none && GS_KIND(a) == GS_K_STR) {
        gs_Str *s = (gs_Str *)a;
        if (ver == 1) {
            /* x = ord(a[0]) << 7 over the code points, 64-bit arithmetic */
            const unsigned char *p = (const unsigned char *)s->data;
            size_t left = (size_t)s->len, adv;
            uint64_t x = 0;
            bool first = true;
            while (left) {
                uint32_t c = gs_utf8_decode(p, left, &adv);
                if (first)
                    x = (uint64_t)c << 7;
                first = false;
                x = (1000003u * x) ^ c;
                p += adv;
                left -= adv;
            }
            x ^= (uint64_t)s->nchars;
            seed_from_u64(r, x);
            return 0;
        }
        if (ver == 2)
            return seed_from_sha512(vm, r, s->data, (size_t)s->len);
    }
    if (a && (GS_KIND(a) == GS_K_BYTES || GS_KIND(a) == GS_K_BYTEARRAY)) {
        /* bytes as str's UTF-8 (version 2); version 1 reads them as latin-1 */
        const unsigned char *p = (const unsigned char *)(GS_KIND(a) == GS_K_BYTES ? ((gs_Bytes *)a)->data
                                                                               : ((gs_ByteArray *)a)->data);
        int64_t n = GS_KIND(a) == GS_K_BYTES ? ((gs_Bytes *)a)->len : ((gs_ByteArray *)a)->len;
        if (GS_KIND(a) == GS_K_BYTEARRAY && p)
            p += ((gs_ByteArray *)a)->start;
        if (ver == 1 && GS_KIND(a) == GS_K_BYTES) {
            uint64_t x = n ? (uint64_t)p[0] << 7 : 0;
            for (int64_t i = 0; i < n; i++)
                x = (1000003u * x) ^ p[i];
            x ^= (uint64_t)n;
            seed_from_u64(r, x);
            return 0;
        }
        if (ver == 2)
            return seed_from_sha512(vm, r, (const char *)p, (size_t)n);
    }
    if (!a || a == vm->none) {
        seed_from_os(r);
        return 0;
    }
    if (gs_int_is_big(a)) { /* its absolute value's 32-bit words */
        size_t n;
        unsigned char *b = gs_int_abs_bytes(vm, a, &n);
        if (!b) {
            gs_raise_memory(vm);
            return -1;
        }
        seed_from_be_bytes(r, b, n);
        free(b);
        return 0;
    }
    if (gs_is_intlike(a)) {
        int64_t v = gs_intlike_value(vm, a);
        seed_from_u64(r, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
        return 0;
    }
    if (GS_KIND(a) != GS_K_FLOAT && GS_KIND(a) != GS_K_STR && GS_KIND(a) != GS_K_BYTES && GS_KIND(a) != GS_K_BYTEARRAY) {
        gs_raise(vm, vm->e_TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        return -1;
    }
    /* a float, or a str or bytes with another version: its hash, as an unsigned number */
    int64_t h = gs_hash(vm, a);
    if (h == -1 && vm->exc)
        return -1;
    seed_from_u64(r, (uint64_t)h);
    return 0;
}

static gs_Object *m_seed(GS_ARGS)
{
    if (is_system(self))
        return GS_NONE(vm); /* SystemRandom.seed(*args, **kwds): a stub */
    BIND("Random.seed", 0, 0, "a", "version");
    if (do_seed(vm, self, a_[0], a_[1]) < 0 || set_attr(vm, self, "gauss_next", vm->none) < 0)
        return NULL;
    return GS_NONE(vm);
}

/* Random.__init__(self, x=None): self.seed(x); self.gauss_next = None */
static int do_init(gs_VM *vm, gs_Object *self, gs_Object **args, int nargs, gs_Tuple *kwnames, const char *qual)
{
    static const char *const names[] = { "x" };
    gs_PySig sig = { qual, names, 1, 0, 0, 1 };
    gs_Object *x;
    if (gs_pysig_bind(vm, &sig, args, nargs, kwnames, &x) < 0)
        return -1;
    if (!is_system(self)) {
        gs_Object *seed = gs_type_lookup(self->type, gs_name(vm, "seed"));
        if (seed && GS_KIND(seed) != GS_K_BUILTIN) {
            /* a subclass's own seed(): self.seed(x) calls it */
            gs_Object *argv[2] = { self, x ? x : vm->none };
            gs_Object *res = gs_call(vm, seed, argv, 2, NULL);
            if (!res)
                return -1;
            gs_decref(vm, res);
        } else if (do_seed(vm, self, x, NULL) < 0)
            return -1;
    }
    if (set_attr(vm, self, "gauss_next", vm->none) < 0)
        return -1;
    return 0;
}

static bool type_is_system(gs_Type *t)
{
    for (; t; t = t->base)
        if (!(t->flags & GS_TF_HEAP) && strcmp(t->name->data, "random.SystemRandom") == 0)
            return true;
    return false;
}

static gs_Object *m_new(GS_ARGS)
{
    gs_Type *t = (gs_Type *)self;
    gs_Object *o = gs_instance_new(vm, t);
    if (!o)
        return NULL;
    ((RandomObj *)o)->system = type_is_system(t);
    /* a class statement's subclass is made as CPython's type_call makes it:
     * this __new__ only allocates, then its __init__ (Random.__init__ unless
     * the class has its own) seeds */
    if (t->flags & GS_TF_HEAP)
        return o;
    if (do_init(vm, o, args, nargs, kwnames, "Random.__init__") < 0) {
        gs_decref(vm, o);
        return NULL;
    }
    return o;
}

static gs_Object *m_init(GS_ARGS)
{
    ((RandomObj *)self)->system = type_is_system(self->type);
    if (do_init(vm, self, args, nargs, kwnames, "Random.__init__") < 0)
        return NULL;
    return GS_NONE(vm);
}

/* ================================================================== the C methods */

static gs_Object *m_random(GS_ARGS)
{
    if (is_system(self)) {
        BIND0("SystemRandom.random");
        return float_obj(vm, system_random());
    }
    if (gs_noargs(vm, "Random.random", nargs, kwnames) < 0)
        return NULL;
    return float_obj(vm, draw_random(gen_of(self)));
}

static gs_Object *m_getrandbits(GS_ARGS)
{
    gs_Object *ko;
    if (is_system(self)) {
        BIND("SystemRandom.getrandbits", 1, 0, "k");
        ko = a_[0];
        if (gs_compare_bool(vm, GS_CMP_LT, ko, vm->small_ints[5]) == 1) {
            gs_raise(vm, vm->e_ValueError, "number of bits must be non-negative");
            return NULL;
        }
    } else {
        if (gs_onearg(vm, "Random.getrandbits", nargs, kwnames) < 0)
            return NULL;
        ko = args[0];
    }
    int64_t k;
    if (gs_as_int(vm, ko, &k) < 0)
        return NULL;
    if (k > INT32_MAX || k < INT32_MIN) {
        gs_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (k < 0) {
        gs_raise(vm, vm->e_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k > ((int64_t)1 << 28)) { /* the runtime's bound on an int's bits */
        gs_raise_memory(vm);
        return NULL;
    }
    return bits_obj(vm, self, k);
}

static gs_Object *not_implemented_state(gs_VM *vm)
{
    gs_raise(vm, vm->e_NotImplementedError, "System entropy source does not have state.");
    return NULL;
}

static gs_Object *m_getstate(GS_ARGS)
{
    if (is_system(self))
        return not_implemented_state(vm);
    BIND0("Random.getstate");
    RandomObj *r = gen_of(self);
    gs_Object *version = get_attr(vm, self, "VERSION");
    if (!version)
        return NULL;
    gs_Object *st = gs_tuple_new(vm, MT_N + 1);
    if (!st) {
        gs_decref(vm, version);
        return NULL;
    }
    for (int i = 0; i < MT_N; i++)
        gs_tuple_init(vm, st, i, gs_int_new(vm, r->state[i]));
    gs_tuple_init(vm, st, MT_N, gs_int_new(vm, r->index));
    gs_Object *gn = get_attr(vm, self, "gauss_next");
    if (!gn) {
        gs_decref(vm, version);
        gs_decref(vm, st);
        return NULL;
    }
    gs_Object *t = gs_tuple_pack(vm, 3, version, st, gn);
    gs_decref(vm, version);
    gs_decref(vm, st);
    gs_decref(vm, gn);
    return t;
}

/* _random.Random.setstate(state) */
static int set_internal_state(gs_VM *vm, gs_Object *self, gs_Object *state)
{
    RandomObj *r = (RandomObj *)self;
    if (GS_KIND(state) != GS_K_TUPLE) {
        gs_raise(vm, vm->e_TypeError, "state vector must be a tuple");
        return -1;
    }
    gs_Tuple *t = (gs_Tuple *)state;
    if (t->len != MT_N + 1) {
        gs_raise(vm, vm->e_ValueError, "state vector is the wrong size");
        return -1;
    }
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        gs_Object *e = t->items[i];
        if (!gs_is_intlike(e)) {
            gs_raise(vm, vm->e_TypeError, "an integer is required");
            return -1;
        }
        int64_t v = gs_intlike_value(vm, e);
        if (v < 0) {
            gs_raise(vm, vm->e_OverflowError, "can't convert negative value to unsigned int");
            return -1;
        }
        words[i] = (uint32_t)v;
    }
    gs_Object *ix = t->items[MT_N];
    int64_t index;
    if (gs_as_int(vm, ix, &index) < 0)
        return -1;
    if (index < 0 || index > MT_N) {
        gs_raise(vm, vm->e_ValueError, "invalid state");
        return -1;
    }
    r->index = (int32_t)index;
    memcpy(r->state, words, sizeof words);
    r->seeded = true;
    return 0;
}

/* Random.setstate(self, state): version, internalstate, self.gauss_next = state */
static gs_Object *m_setstate(GS_ARGS)
{
    if (is_system(self))
        return not_implemented_state(vm);
    BIND("Random.setstate", 1, 0, "state");
    gs_Object *state = a_[0];
    gs_Object *version = gs_getitem(vm, state, vm->small_ints[5]);
    if (!version)
        return NULL;
    int v3 = gs_equal(vm, version, vm->small_ints[5 + 3]);
    int v2 = v3 == 0 ? gs_equal(vm, version, vm->small_ints[5 + 2]) : 0;
    if (v3 < 0 || v2 < 0) {
        gs_decref(vm, version);
        return NULL;
    }
    if (!v3 && !v2) {
        gs_Object *vs = gs_str(vm, version);
        gs_decref(vm, version);
        if (!vs)
            return NULL;
        gs_raise(vm, vm->e_ValueError, "state with version %s passed to Random.setstate() of version 3",
                 ((gs_Str *)vs)->data);
        gs_decref(vm, vs);
        return NULL;
    }
    gs_decref(vm, version);
    /* the unpacking: exactly three items */
    gs_Object *items = gs_tuple_from_iterable(vm, state);
    if (!items)
        return NULL;
    gs_Tuple *it = (gs_Tuple *)items;
    if (it->len != 3) {
        if (it->len > 3)
            gs_raise(vm, vm->e_ValueError, "too many values to unpack (expected 3)");
        else
            gs_raise(vm, vm->e_ValueError, "not enough values to unpack (expected 3, got %d)", it->len);
        gs_decref(vm, items);
        return NULL;
    }
    if (set_attr(vm, self, "gauss_next", it->items[2]) < 0) {
        gs_decref(vm, items);
        return NULL;
    }
    gs_Object *internal = gs_newref(vm, it->items[1]);
    gs_decref(vm, items);
    if (v2) {
        /* tuple(x % (2 ** 32) for x in internalstate) */
        gs_Object *src = gs_tuple_from_iterable(vm, internal);
        gs_decref(vm, internal);
        if (!src)
            return NULL;
        int32_t n = ((gs_Tuple *)src)->len;
        gs_Object *dst = gs_tuple_new(vm, n);
        gs_Object *m32 = gs_int_new(vm, (int64_t)1 << 32);
        for (int32_t i = 0; dst && m32 && i < n; i++) {
            gs_Object *x = gs_binary_op(vm, GS_OP_MOD, ((gs_Tuple *)src)->items[i], m32, false);
            if (!x) {
                if (gs_exc_matches(vm, vm->e_ValueError)) {
                    gs_clear_exc(vm);
                    gs_raise(vm, vm->e_TypeError, "");
                }
                for (int32_t j = i; j < n; j++)
                    gs_tuple_init(vm, dst, j, GS_NONE(vm));
                gs_decref(vm, dst);
                dst = NULL;
                break;
            }
            gs_tuple_init(vm, dst, i, x);
        }
        gs_xdecref(vm, m32);
        gs_decref(vm, src);
        if (!dst)
            return NULL;
        internal = dst;
    }
    int r = set_internal_state(vm, self, internal);
    gs_decref(vm, internal);
    return r < 0 ? NULL : GS_NONE(vm);
}

/* ================================================================== integers */

/* operator.index(o), else int(o) checked equal to o (randrange's
 * deprecated float path); `what` names the argument in the message.
 * *out: a new reference to the int. */
static int range_arg(gs_VM *vm, gs_Object *o, const char *what, bool warn, gs_Object **out)
{
    if (gs_is_intlike(o)) {
        *out = gs_newref(vm, o);
        return 0;
    }
    if (GS_KIND(o) == GS_K_INSTANCE && gs_type_lookup(o->type, gs_name(vm, "__index__"))) {
        int64_t v;
        if (gs_index_arg(vm, o, &v) < 0)
            return -1;
        *out = gs_int_new(vm, v);
        return *out ? 0 : -1;
    }
    gs_Object *i = gs_int_from_object(vm, o, NULL);
    if (!i)
        return -1;
    int eq = gs_equal(vm, i, o);
    if (eq < 0) {
        gs_decref(vm, i);
        return -1;
    }
    if (!eq) {
        gs_decref(vm, i);
        if (warn)
            gs_warn_deprecated(vm, "randrange() will raise TypeError in the future");
        gs_raise(vm, vm->e_ValueError, "non-integer %s for randrange()", what);
        return -1;
    }
    if (warn)
        gs_warn_deprecated(vm, "non-integer arguments to randrange() have been deprecated since Python 3.10 and "
                               "will be removed in a subsequent version");
    *out = i;
    return 0;
}

/* random.py's frames, where CPython's traceback shows them (3.11.2) */
#define RANDOM_PY "/usr/lib/python3.11/random.py"
static const gs_LibFrame f_randrange_nostop[] = {
    { RANDOM_PY, 310, "randrange", "raise TypeError('Missing a non-None stop argument')", NULL } };
static const gs_LibFrame f_randrange_empty1[] = {
    { RANDOM_PY, 313, "randrange", "raise ValueError(\"empty range for randrange()\")", NULL } };
static const gs_LibFrame f_randrange_width[] = {
    { RANDOM_PY, 345, "randrange",
      "raise ValueError(\"empty range for randrange() (%d, %d, %d)\" % (istart, istop, width))", NULL } };
static const gs_LibFrame f_randrange_zero[] = {
    { RANDOM_PY, 353, "randrange", "raise ValueError(\"zero step for randrange()\")", NULL } };
static const gs_LibFrame f_randrange_empty[] = {
    { RANDOM_PY, 355, "randrange", "raise ValueError(\"empty range for randrange()\")", NULL } };
static const gs_LibFrame f_randint[] = {
    { RANDOM_PY, 362, "randint", "return self.randrange(a, b+1)", "       ^^^^^^^^^^^^^^^^^^^^^^" } };
static const gs_LibFrame f_choice[] = {
    { RANDOM_PY, 373, "choice", "raise IndexError('Cannot choose from an empty sequence')", NULL } };
static const gs_LibFrame f_sample_type[] = {
    { RANDOM_PY, 439, "sample", "raise TypeError(\"Population must be a sequence.  \"", NULL } };
static const gs_LibFrame f_sample_size[] = {
    { RANDOM_PY, 456, "sample", "raise ValueError(\"Sample larger than population or is negative\")", NULL } };
static const gs_LibFrame f_choices_weights[] = {
    { RANDOM_PY, 506, "choices", "raise ValueError('The number of weights does not match the population')", NULL } };

/* the sign of an int: -1, 0, 1 */
static int sign_of(gs_VM *vm, gs_Object *i)
{
    if (gs_int_is_big(i))
        return ((gs_Int *)i)->value < 0 ? -1 : 1;
    int64_t v = gs_intlike_value(vm, i);
    return (v > 0) - (v < 0);
}

/* Random.randrange as random.py computes it, on int objects (any size).
 * direct: called by the program's code (randint's call is random.py's,
 * whose warnings are not shown) */
static gs_Object *randrange_impl(gs_VM *vm, gs_Object *self, gs_Object *start, gs_Object *stop, gs_Object *step,
                                 bool direct)
{
    gs_Object *istart, *istop = NULL, *istep = NULL, *width = NULL, *n = NULL, *res = NULL;
    if (range_arg(vm, start, "arg 1", direct, &istart) < 0)
        return NULL;
    if (!stop || stop == vm->none) {
        if (step && step != vm->small_ints[5 + 1]) {
            gs_raise(vm, vm->e_TypeError, "Missing a non-None stop argument");
            GS_LIB_FRAMES(vm, f_randrange_nostop);
        } else if (sign_of(vm, istart) > 0)
            res = randbelow_obj(vm, self, istart);
        else {
            gs_raise(vm, vm->e_ValueError, "empty range for randrange()");
            GS_LIB_FRAMES(vm, f_randrange_empty1);
        }
        goto done;
    }
    if (range_arg(vm, stop, "stop", direct, &istop) < 0)
        goto done;
    width = gs_binary_op(vm, GS_OP_SUB, istop, istart, false);
    if (!width)
        goto done;
    if (!step)
        istep = gs_newref(vm, vm->small_ints[5 + 1]);
    else if (range_arg(vm, step, "step", direct, &istep) < 0)
        goto done;
    if (!gs_int_is_big(istep) && gs_intlike_value(vm, istep) == 1) {
        if (sign_of(vm, width) > 0)
            res = gs_binop_steal(vm, GS_OP_ADD, gs_newref(vm, istart), randbelow_obj(vm, self, width));
        else {
            gs_Object *t[3] = { gs_str(vm, istart), gs_str(vm, istop), gs_str(vm, width) };
            if (t[0] && t[1] && t[2]) {
                gs_raise(vm, vm->e_ValueError, "empty range for randrange() (%s, %s, %s)", ((gs_Str *)t[0])->data,
                         ((gs_Str *)t[1])->data, ((gs_Str *)t[2])->data);
                GS_LIB_FRAMES(vm, f_randrange_width);
            }
            for (int i = 0; i < 3; i++)
                gs_xdecref(vm, t[i]);
        }
        goto done;
    }
    int sg = sign_of(vm, istep);
    if (sg == 0) {
        gs_raise(vm, vm->e_ValueError, "zero step for randrange()");
        GS_LIB_FRAMES(vm, f_randrange_zero);
        goto done;
    }
    /* n = (width + istep - 1) // istep, or (width + istep + 1) // istep */
    n = gs_binop_steal(vm, sg > 0 ? GS_OP_SUB : GS_OP_ADD, gs_binary_op(vm, GS_OP_ADD, width, istep, false),
                       gs_newref(vm, vm->small_ints[5 + 1]));
    n = gs_binop_steal(vm, GS_OP_FLOORDIV, n, gs_newref(vm, istep));
    if (!n)
        goto done;
    if (sign_of(vm, n) <= 0) {
        gs_raise(vm, vm->e_ValueError, "empty range for randrange()");
        GS_LIB_FRAMES(vm, f_randrange_empty);
        goto done;
    }
    /* istart + istep * self._randbelow(n) */
    res = gs_binop_steal(vm, GS_OP_MUL, gs_newref(vm, istep), randbelow_obj(vm, self, n));
    res = gs_binop_steal(vm, GS_OP_ADD, gs_newref(vm, istart), res);
done:
    gs_decref(vm, istart);
    gs_xdecref(vm, istop);
    gs_xdecref(vm, istep);
    gs_xdecref(vm, width);
    gs_xdecref(vm, n);
    return res;
}

static gs_Object *m_randrange(GS_ARGS)
{
    BIND("Random.randrange", 1, 0, "start", "stop", "step");
    return randrange_impl(vm, self, a_[0], a_[1], a_[2], true);
}

static gs_Object *m_randint(GS_ARGS)
{
    BIND("Random.randint", 2, 0, "a", "b");
    gs_Object *b1 = gs_binary_op(vm, GS_OP_ADD, a_[1], vm->small_ints[5 + 1], false);
    if (!b1)
        return NULL;
    gs_Object *r = randrange_impl(vm, self, a_[0], b1, NULL, false);
    gs_decref(vm, b1);
    if (!r)
        gs_exc_lib_outer(vm, f_randint);
    return r;
}

/* ================================================================== sequences */

static gs_Object *m_choice(GS_ARGS)
{
    BIND("Random.choice", 1, 0, "seq");
    gs_Object *seq = a_[0];
    int64_t n = gs_len(vm, seq);
    if (n < 0)
        return NULL;
    if (n == 0) {
        gs_raise(vm, vm->e_IndexError, "Cannot choose from an empty sequence");
        GS_LIB_FRAMES(vm, f_choice);
        return NULL;
    }
    gs_Object *i = gs_int_new(vm, randbelow(self, n));
    if (!i)
        return NULL;
    gs_Object *r = gs_getitem(vm, seq, i);
    gs_decref(vm, i);
    return r;
}

static gs_Object *m_shuffle(GS_ARGS)
{
    BIND("Random.shuffle", 1, 0, "x");
    gs_Object *x = a_[0];
    int64_t n = gs_len(vm, x);
    if (n < 0)
        return NULL;
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = randbelow(self, i + 1);
        /* x[i], x[j] = x[j], x[i] */
        gs_Object *io = gs_int_new(vm, i), *jo = gs_int_new(vm, j);
        gs_Object *xj = io && jo ? gs_getitem(vm, x, jo) : NULL;
        gs_Object *xi = xj ? gs_getitem(vm, x, io) : NULL;
        int ok = xi && gs_setitem(vm, x, io, xj) == 0 && gs_setitem(vm, x, jo, xi) == 0;
        gs_xdecref(vm, xi);
        gs_xdecref(vm, xj);
        gs_xdecref(vm, io);
        gs_xdecref(vm, jo);
        if (!ok)
            return NULL;
    }
    return GS_NONE(vm);
}

/* bisect.bisect_right(a, x, lo, hi) */
static int bisect_right(gs_VM *vm, gs_Object *a, gs_Object *x, int64_t lo, int64_t hi, int64_t *out)
{
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        gs_Object *mo = gs_int_new(vm, mid);
        gs_Object *item = mo ? gs_getitem(vm, a, mo) : NULL;
        gs_xdecref(vm, mo);
        if (!item)
            return -1;
        int lt = gs_compare_bool(vm, GS_CMP_LT, x, item);
        gs_decref(vm, item);
        if (lt < 0)
            return -1;
        if (lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    *out = lo;
    return 0;
}

/* list(itertools.accumulate(it)) */
static gs_Object *accumulate(gs_VM *vm, gs_Object *iterable)
{
    gs_Object *it = gs_iter(vm, iterable);
    if (!it)
        return NULL;
    gs_Object *l = gs_list_new(vm, 0);
    gs_Object *total = NULL, *v;
    while (l && (v = gs_next(vm, it)) != NULL) {
        if (!total)
            total = v;
        else {
            gs_Object *t = gs_binary_op(vm, GS_OP_ADD, total, v, false);
            gs_decref(vm, v);
            gs_decref(vm, total);
            total = t;
            if (!t)
                break;
        }
        if (gs_list_append(vm, l, total) < 0)
            break;
    }
    gs_xdecref(vm, total);
    gs_decref(vm, it);
    if (vm->exc) {
        gs_xdecref(vm, l);
        return NULL;
    }
    return l;
}

/* the count of itertools.repeat(None, k) */
static int repeat_count(gs_VM *vm, gs_Object *k, int64_t *out)
{
    if (gs_index_arg(vm, k, out) < 0)
        return -1;
    if (*out < 0)
        *out = 0;
    return 0;
}

static gs_Object *m_choices(GS_ARGS)
{
    BIND("Random.choices", 1, 2, "population", "weights", "cum_weights", "k");
    gs_Object *population = a_[0], *weights = a_[1], *cum = a_[2], *ko = a_[3];
    if (weights == vm->none)
        weights = NULL;
    if (cum == vm->none)
        cum = NULL;
    int64_t n = gs_len(vm, population);
    if (n < 0)
        return NULL;
    int64_t k = 1;
    if (!cum && !weights) {
        if (ko && repeat_count(vm, ko, &k) < 0)
            return NULL;
        double fn = (double)n;
        gs_Object *res = gs_list_new(vm, 0);
        for (int64_t i = 0; res && i < k; i++) {
            double f = floor(rnd(self) * fn);
            gs_Object *io = gs_int_new(vm, (int64_t)f);
            gs_Object *item = io ? gs_getitem(vm, population, io) : NULL;
            gs_xdecref(vm, io);
            if (!item || gs_list_append(vm, res, item) < 0) {
                gs_xdecref(vm, item);
                gs_decref(vm, res);
                return NULL;
            }
            gs_decref(vm, item);
        }
        return res;
    }
    gs_Object *cumw;
    if (!cum) {
        cumw = accumulate(vm, weights);
        if (!cumw) {
            if (gs_exc_matches(vm, vm->e_TypeError) && gs_is_intlike(weights)) {
                gs_clear_exc(vm);
                gs_Object *rep = gs_repr(vm, weights);
                if (rep) {
                    gs_raise(vm, vm->e_TypeError, "The number of choices must be a keyword argument: k=%s",
                             ((gs_Str *)rep)->data);
                    gs_decref(vm, rep);
                }
            }
            return NULL;
        }
    } else if (weights) {
        gs_raise(vm, vm->e_TypeError, "Cannot specify both weights and cumulative weights");
        return NULL;
    } else
        cumw = gs_newref(vm, cum);
    gs_Object *res = NULL, *total = NULL;
    int64_t cn = gs_len(vm, cumw);
    if (cn < 0)
        goto done;
    if (cn != n) {
        gs_raise(vm, vm->e_ValueError, "The number of weights does not match the population");
        GS_LIB_FRAMES(vm, f_choices_weights);
        goto done;
    }
    gs_Object *last = gs_getitem(vm, cumw, vm->small_ints[5 - 1]);
    total = gs_binop_steal(vm, GS_OP_ADD, last, float_obj(vm, 0.0));
    if (!total)
        goto done;
    gs_Object *zero = float_obj(vm, 0.0);
    int le = zero ? gs_compare_bool(vm, GS_CMP_LE, total, zero) : -1;
    gs_xdecref(vm, zero);
    if (le < 0)
        goto done;
    if (le) {
        gs_raise(vm, vm->e_ValueError, "Total of weights must be greater than zero");
        goto done;
    }
    double tf;
    if (gs_real_arg(vm, total, &tf) < 0)
        goto done;
    if (!isfinite(tf)) {
        gs_raise(vm, vm->e_ValueError, "Total of weights must be finite");
        goto done;
    }
    if (ko && repeat_count(vm, ko, &k) < 0)
        goto done;
    res = gs_list_new(vm, 0);
    for (int64_t i = 0; res && i < k; i++) {
        int64_t pos;
        gs_Object *x = gs_binop_steal(vm, GS_OP_MUL, float_obj(vm, rnd(self)), gs_newref(vm, total));
        int r = x ? bisect_right(vm, cumw, x, 0, n - 1, &pos) : -1;
        gs_xdecref(vm, x);
        gs_Object *po = r == 0 ? gs_int_new(vm, pos) : NULL;
        gs_Object *item = po ? gs_getitem(vm, population, po) : NULL;
        gs_xdecref(vm, po);
        if (!item || gs_list_append(vm, res, item) < 0) {
            gs_xdecref(vm, item);
            gs_decref(vm, res);
            res = NULL;
            break;
        }
        gs_decref(vm, item);
    }
done:
    gs_xdecref(vm, total);
    gs_decref(vm, cumw);
    return res;
}

/* isinstance(population, collections.abc.Sequence) for the types gcscope has */
static bool is_sequence(gs_VM *vm, gs_Object *o)
{
    gs_Kind k = GS_KIND(o);
    if (k == GS_K_LIST || k == GS_K_TUPLE || k == GS_K_STR || k == GS_K_RANGE)
        return true;
    return gs_isinstance(o, vm->t_list) || gs_isinstance(o, vm->t_tuple) || gs_isinstance(o, vm->t_str);
}

/* a set of int64s (sample's `selected`): open addressing */
typedef struct IntSet {
    int64_t *slots;
    size_t cap, used;
} IntSet;

static bool intset_has(IntSet *s, int64_t v)
{
    for (size_t i = (size_t)v & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (s->slots[i] == -1)
            return false;
        if (s->slots[i] == v)
            return true;
    }
}

static bool intset_add(IntSet *s, int64_t v)
{
    if ((s->used + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 16;
        int64_t *ns = malloc(ncap * sizeof *ns);
        if (!ns)
            return false;
        for (size_t i = 0; i < ncap; i++)
            ns[i] = -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i] != -1) {
                size_t j = (size_t)s->slots[i] & (ncap - 1);
                while (ns[j] != -1)
                    j = (j + 1) & (ncap - 1);
                ns[j] = s->slots[i];
            }
        free(s->slots);
        s->slots = ns;
        s->cap = ncap;
    }
    size_t j = (size_t)v & (s->cap - 1);
    while (s->slots[j] != -1)
        j = (j + 1) & (s->cap - 1);
    s->slots[j] = v;
    s->used++;
    return true;
}

static gs_Object *sample_impl(gs_VM *vm, gs_Object *self, gs_Object *population, gs_Object *ko, gs_Object *counts);

static gs_Object *sample_counts(gs_VM *vm, gs_Object *self, gs_Object *population, int64_t n, gs_Object *ko,
                                gs_Object *counts)
{
    gs_Object *cum = accumulate(vm, counts);
    if (!cum)
        return NULL;
    gs_Object *res = NULL;
    if (((gs_List *)cum)->len != n) {
        gs_raise(vm, vm->e_ValueError, "The number of counts does not match the population");
        goto done;
    }
    gs_Object *total = gs_list_pop(vm, cum, -1);
    if (!total)
        goto done;
    if (!gs_is_intlike(total)) {
        gs_decref(vm, total);
        gs_raise(vm, vm->e_TypeError, "Counts must be integers");
        goto done;
    }
    int64_t tot = gs_intlike_value(vm, total);
    gs_decref(vm, total);
    if (tot <= 0) {
        gs_raise(vm, vm->e_ValueError, "Total of counts must be greater than zero");
        goto done;
    }
    gs_Object *rng = gs_range_new(vm, 0, tot, 1);
    gs_Object *sel = rng ? sample_impl(vm, self, rng, ko, NULL) : NULL;
    gs_xdecref(vm, rng);
    if (!sel)
        goto done;
    int32_t m = ((gs_List *)sel)->len;
    res = gs_list_new(vm, 0);
    for (int32_t i = 0; res && i < m; i++) {
        int64_t pos;
        gs_Object *po = NULL, *item = NULL;
        if (bisect_right(vm, cum, ((gs_List *)sel)->items[i], 0, ((gs_List *)cum)->len, &pos) == 0 &&
            (po = gs_int_new(vm, pos)) != NULL)
            item = gs_getitem(vm, population, po);
        gs_xdecref(vm, po);
        if (!item || gs_list_append(vm, res, item) < 0) {
            gs_xdecref(vm, item);
            gs_decref(vm, res);
            res = NULL;
            break;
        }
        gs_decref(vm, item);
    }
    gs_decref(vm, sel);
done:
    gs_decref(vm, cum);
    return res;
}

static gs_Object *sample_impl(gs_VM *vm, gs_Object *self, gs_Object *population, gs_Object *ko, gs_Object *counts)
{
    if (!is_sequence(vm, population)) {
        gs_raise(vm, vm->e_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
        GS_LIB_FRAMES(vm, f_sample_type);
        return NULL;
    }
    int64_t n = gs_len(vm, population);
    if (n < 0)
        return NULL;
    if (counts && counts != vm->none)
        return sample_counts(vm, self, population, n, ko, counts);
    /* if not 0 <= k <= n */
    int c = gs_compare_bool(vm, GS_CMP_LE, vm->small_ints[5], ko);
    if (c < 0)
        return NULL;
    if (c) {
        gs_Object *no = gs_int_new(vm, n);
        c = no ? gs_compare_bool(vm, GS_CMP_LE, ko, no) : -1;
        gs_xdecref(vm, no);
        if (c < 0)
            return NULL;
    }
    if (!c) {
        gs_raise(vm, vm->e_ValueError, "Sample larger than population or is negative");
        GS_LIB_FRAMES(vm, f_sample_size);
        return NULL;
    }
    /* result = [None] * k */
    gs_Object *none1 = gs_list_new(vm, 0);
    if (!none1 || gs_list_append(vm, none1, vm->none) < 0) {
        gs_xdecref(vm, none1);
        return NULL;
    }
    gs_Object *result = gs_binop_steal(vm, GS_OP_MUL, none1, gs_newref(vm, ko));
    if (!result)
        return NULL;
    int64_t k = ((gs_List *)result)->len;
    int64_t setsize = 21;
    if (k > 5) {
        double e = ceil(log((double)(k * 3)) / log(4.0));
        int64_t p = 1;
        for (int i = 0; i < (int)e && p < ((int64_t)1 << 60); i++)
            p *= 4;
        setsize += p;
    }
    if (n <= setsize) {
        gs_Object *pool = gs_list_from_iterable(vm, population);
        if (!pool) {
            gs_decref(vm, result);
            return NULL;
        }
        gs_List *pl = (gs_List *)pool;
        for (int64_t i = 0; i < k; i++) {
            int64_t j = randbelow(self, n - i);
            if (j >= pl->len || n - i - 1 >= pl->len) { /* the population changed size while listed */
                gs_raise(vm, vm->e_IndexError, "list index out of range");
                gs_decref(vm, pool);
                gs_decref(vm, result);
                return NULL;
            }
            gs_list_setitem(vm, result, i, pl->items[j]);
            gs_list_setitem(vm, pool, j, pl->items[n - i - 1]);
        }
        gs_decref(vm, pool);
        return result;
    }
    IntSet sel = { NULL, 0, 0 };
    for (int64_t i = 0; i < k; i++) {
        int64_t j = randbelow(self, n);
        while (sel.cap && intset_has(&sel, j))
            j = randbelow(self, n);
        gs_Object *jo = NULL, *item = NULL;
        if (intset_add(&sel, j) && (jo = gs_int_new(vm, j)) != NULL)
            item = gs_getitem(vm, population, jo);
        else if (!vm->exc)
            gs_raise_memory(vm);
        gs_xdecref(vm, jo);
        if (!item) {
            free(sel.slots);
            gs_decref(vm, result);
            return NULL;
        }
        gs_list_setitem(vm, result, i, item);
        gs_decref(vm, item);
    }
    free(sel.slots);
    return result;
}

static gs_Object *m_sample(GS_ARGS)
{
    BIND("Random.sample", 2, 1, "population", "k", "counts");
    return sample_impl(vm, self, a_[0], a_[1], a_[2]);
}

/* ================================================================== real-valued distributions */

static gs_Object *m_uniform(GS_ARGS)
{
    BIND("Random.uniform", 2, 0, "a", "b");
    /* a + (b - a) * self.random() */
    gs_Object *d = gs_binary_op(vm, GS_OP_SUB, a_[1], a_[0], false);
    if (!d)
        return NULL;
    gs_Object *m = gs_binop_steal(vm, GS_OP_MUL, d, float_obj(vm, rnd(self)));
    return gs_binop_steal(vm, GS_OP_ADD, gs_newref(vm, a_[0]), m);
}

static gs_Object *m_triangular(GS_ARGS)
{
    BIND("Random.triangular", 0, 0, "low", "high", "mode");
    gs_Object *low = a_[0] ? gs_newref(vm, a_[0]) : float_obj(vm, 0.0);
    gs_Object *high = a_[1] ? gs_newref(vm, a_[1]) : float_obj(vm, 1.0);
    gs_Object *mode = a_[2];
    gs_Object *res = NULL, *c = NULL, *u = NULL;
    if (!low || !high)
        goto done;
    u = float_obj(vm, rnd(self));
    if (!u)
        goto done;
    if (!mode || mode == vm->none)
        c = float_obj(vm, 0.5);
    else {
        gs_Object *num = gs_binary_op(vm, GS_OP_SUB, mode, low, false);
        gs_Object *den = num ? gs_binary_op(vm, GS_OP_SUB, high, low, false) : NULL;
        c = gs_binop_steal(vm, GS_OP_TRUEDIV, num, den);
        if (!c && gs_exc_matches(vm, vm->e_ZeroDivisionError)) {
            gs_clear_exc(vm);
            res = gs_newref(vm, low);
            goto done;
        }
    }
    if (!c)
        goto done;
    int gt = gs_compare_bool(vm, GS_CMP_GT, u, c);
    if (gt < 0)
        goto done;
    if (gt) {
        gs_Object *one = float_obj(vm, 1.0);
        gs_Object *nu = gs_binop_steal(vm, GS_OP_SUB, gs_newref(vm, one), u);
        u = NULL;
        gs_Object *nc = gs_binop_steal(vm, GS_OP_SUB, one, c);
        c = NULL;
        u = nu;
        c = nc;
        if (!u || !c)
            goto done;
        gs_Object *t = low;
        low = high;
        high = t;
    }
    /* low + (high - low) * _sqrt(u * c) */
    {
        gs_Object *uc = gs_binary_op(vm, GS_OP_MUL, u, c, false);
        double ucd;
        if (!uc)
            goto done;
        int r = gs_real_arg(vm, uc, &ucd);
        gs_decref(vm, uc);
        if (r < 0)
            goto done;
        if (ucd < 0) {
            gs_raise(vm, vm->e_ValueError, "math domain error");
            goto done;
        }
        gs_Object *hl = gs_binary_op(vm, GS_OP_SUB, high, low, false);
        gs_Object *m = gs_binop_steal(vm, GS_OP_MUL, hl, float_obj(vm, sqrt(ucd)));
        res = gs_binop_steal(vm, GS_OP_ADD, gs_newref(vm, low), m);
    }
done:
    gs_xdecref(vm, low);
    gs_xdecref(vm, high);
    gs_xdecref(vm, u);
    gs_xdecref(vm, c);
    return res;
}

/* mu + z * sigma, with the defaults 0.0 and 1.0 */
static gs_Object *scale(gs_VM *vm, double z, gs_Object *mu, gs_Object *sigma)
{
    gs_Object *zs = gs_binop_steal(vm, GS_OP_MUL, float_obj(vm, z), sigma ? gs_newref(vm, sigma) : float_obj(vm, 1.0));
    return gs_binop_steal(vm, GS_OP_ADD, mu ? gs_newref(vm, mu) : float_obj(vm, 0.0), zs);
}

static double normal_z(gs_Object *self)
{
    /* Kinderman and Monahan */
    double z;
    for (;;) {
        double u1 = rnd(self);
        double u2 = 1.0 - rnd(self);
        z = nv_magicconst() * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -log(u2))
            break;
    }
    return z;
}

static gs_Object *m_normalvariate(GS_ARGS)
{
    BIND("Random.normalvariate", 0, 0, "mu", "sigma");
    return scale(vm, normal_z(self), a_[0], a_[1]);
}

static gs_Object *m_lognormvariate(GS_ARGS)
{
    BIND("Random.lognormvariate", 2, 0, "mu", "sigma");
    gs_Object *v = scale(vm, normal_z(self), a_[0], a_[1]);
    double d;
    if (!v)
        return NULL;
    int r = gs_real_arg(vm, v, &d);
    gs_decref(vm, v);
    if (r < 0)
        return NULL;
    double e = exp(d);
    if (isinf(e) && isfinite(d)) {
        gs_raise(vm, vm->e_OverflowError, "math range error");
        return NULL;
    }
    return float_obj(vm, e);
}

static gs_Object *m_gauss(GS_ARGS)
{
    BIND("Random.gauss", 0, 0, "mu", "sigma");
    gs_Object *zo = get_attr(vm, self, "gauss_next");
    if (!zo || set_attr(vm, self, "gauss_next", vm->none) < 0) {
        gs_xdecref(vm, zo);
        return NULL;
    }
    if (zo == vm->none) {
        gs_decref(vm, zo);
        double x2pi = rnd(self) * TWOPI;
        double y = 1.0 - rnd(self);
        if (y <= 0) { /* cannot happen: random() < 1 */
            gs_raise(vm, vm->e_ValueError, "math domain error");
            return NULL;
        }
        double g2rad = sqrt(-2.0 * log(y));
        double z = cos(x2pi) * g2rad;
        gs_Object *next = float_obj(vm, sin(x2pi) * g2rad);
        if (!next || set_attr(vm, self, "gauss_next", next) < 0) {
            gs_xdecref(vm, next);
            return NULL;
        }
        gs_decref(vm, next);
        return scale(vm, z, a_[0], a_[1]);
    }
    /* z is whatever gauss_next held: mu + z * sigma */
    gs_Object *zs = gs_binop_steal(vm, GS_OP_MUL, zo, a_[1] ? gs_newref(vm, a_[1]) : float_obj(vm, 1.0));
    return gs_binop_steal(vm, GS_OP_ADD, a_[0] ? gs_newref(vm, a_[0]) : float_obj(vm, 0.0), zs);
}

static gs_Object *m_expovariate(GS_ARGS)
{
    BIND("Random.expovariate", 1, 0, "lambd");
    double y = 1.0 - rnd(self);
    return gs_binop_steal(vm, GS_OP_TRUEDIV, float_obj(vm, -log(y)), gs_newref(vm, a_[0]));
}

static gs_Object *m_vonmisesvariate(GS_ARGS)
{
    BIND("Random.vonmisesvariate", 2, 0, "mu", "kappa");
    double mu, kappa;
    if (gs_real_arg(vm, a_[1], &kappa) < 0)
        return NULL;
    if (kappa <= 1e-6)
        return float_obj(vm, TWOPI * rnd(self));
    double s = 0.5 / kappa;
    double r = s + sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = rnd(self);
        z = cos(M_PI * u1);
        double d = z / (r + z);
        double u2 = rnd(self);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d))
            break;
    }
    double q = 1.0 / r;
    double f = (q + z) / (1.0 + q * z);
    double u3 = rnd(self);
    if (gs_real_arg(vm, a_[0], &mu) < 0)
        return NULL;
    double theta = u3 > 0.5 ? mu + acos(f) : mu - acos(f);
    /* % TWOPI: Python's float modulo */
    double m = fmod(theta, TWOPI);
    if (m != 0 && ((m < 0) != (TWOPI < 0)))
        m += TWOPI;
    else if (m == 0)
        m = copysign(0.0, TWOPI);
    return float_obj(vm, m);
}

static int gamma_draw(gs_VM *vm, gs_Object *self, gs_Object *alpha_o, gs_Object *beta_o, double *out)
{
    gs_Object *zero = float_obj(vm, 0.0);
    if (!zero)
        return -1;
    int a_le = gs_compare_bool(vm, GS_CMP_LE, alpha_o, zero);
    int b_le = a_le == 0 ? gs_compare_bool(vm, GS_CMP_LE, beta_o, zero) : 0;
    gs_decref(vm, zero);
    if (a_le < 0 || b_le < 0)
        return -1;
    if (a_le || b_le) {
        gs_raise(vm, vm->e_ValueError, "gammavariate: alpha and beta must be > 0.0");
        return -1;
    }
    double alpha, beta;
    if (gs_real_arg(vm, alpha_o, &alpha) < 0 || gs_real_arg(vm, beta_o, &beta) < 0)
        return -1;
    if (alpha > 1.0) {
        double ainv = sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - LOG4;
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = rnd(self);
            if (!(1e-7 < u1 && u1 < 0.9999999))
                continue;
            double u2 = 1.0 - rnd(self);
            double v = log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * exp(v);
            double z = u1 * u1 * u2;
            double r = bbb + ccc * v - x;
            if (r + sg_magicconst() - 4.5 * z >= 0.0 || r >= log(z)) {
                *out = x * beta;
                return 0;
            }
        }
    }
    if (alpha == 1.0) {
        *out = -log(1.0 - rnd(self)) * beta;
        return 0;
    }
    double x;
    for (;;) {
        double u = rnd(self);
        double b = (M_E + alpha) / M_E;
        double p = b * u;
        if (p <= 1.0)
            x = pow(p, 1.0 / alpha);
        else
            x = -log((b - p) / alpha);
        double u1 = rnd(self);
        if (p > 1.0) {
            if (u1 <= pow(x, alpha - 1.0))
                break;
        } else if (u1 <= exp(-x))
            break;
    }
    *out = x * beta;
    return 0;
}

static gs_Object *m_gammavariate(GS_ARGS)
{
    BIND("Random.gammavariate", 2, 0, "alpha", "beta");
    double x;
    return gamma_draw(vm, self, a_[0], a_[1], &x) < 0 ? NULL : float_obj(vm, x);
}

static gs_Object *m_betavariate(GS_ARGS)
{
    BIND("Random.betavariate", 2, 0, "alpha", "beta");
    gs_Object *one = float_obj(vm, 1.0);
    double y, y2;
    if (!one)
        return NULL;
    int r = gamma_draw(vm, self, a_[0], one, &y);
    if (r == 0 && y != 0.0)
        r = gamma_draw(vm, self, a_[1], one, &y2);
    gs_decref(vm, one);
    if (r < 0)
        return NULL;
    if (y == 0.0)
        return float_obj(vm, 0.0);
    return float_obj(vm, y / (y + y2));
}

static gs_Object *m_paretovariate(GS_ARGS)
{
    BIND("Random.paretovariate", 1, 0, "alpha");
    double u = 1.0 - rnd(self);
    /* u ** (-1.0 / alpha) */
    gs_Object *e = gs_binop_steal(vm, GS_OP_TRUEDIV, float_obj(vm, -1.0), gs_newref(vm, a_[0]));
    return gs_binop_steal(vm, GS_OP_POW, float_obj(vm, u), e);
}

static gs_Object *m_weibullvariate(GS_ARGS)
{
    BIND("Random.weibullvariate", 2, 0, "alpha", "beta");
    double u = 1.0 - rnd(self);
    /* alpha * (-_log(u)) ** (1.0 / beta) */
    gs_Object *e = gs_binop_steal(vm, GS_OP_TRUEDIV, float_obj(vm, 1.0), gs_newref(vm, a_[1]));
    gs_Object *p = gs_binop_steal(vm, GS_OP_POW, float_obj(vm, -log(u)), e);
    return gs_binop_steal(vm, GS_OP_MUL, gs_newref(vm, a_[0]), p);
}

/* ================================================================== the module */

static const gs_MethodDef random_methods[] = {
    { "__new__", m_new, 0, -1, GS_KW },
    { "__init__", m_init, 0, -1, GS_KW },
    { "seed", m_seed, 0, -1, GS_KW },
    { "random", m_random, 0, -1, GS_KW },
    { "getrandbits", m_getrandbits, 0, -1, GS_KW },
    { "getstate", m_getstate, 0, -1, GS_KW },
    { "setstate", m_setstate, 0, -1, GS_KW },
    { "randrange", m_randrange, 0, -1, GS_KW },
    { "randint", m_randint, 0, -1, GS_KW },
    { "choice", m_choice, 0, -1, GS_KW },
    { "choices", m_choices, 0, -1, GS_KW },
    { "shuffle", m_shuffle, 0, -1, GS_KW },
    { "sample", m_sample, 0, -1, GS_KW },
    { "uniform", m_uniform, 0, -1, GS_KW },
    { "triangular", m_triangular, 0, -1, GS_KW },
    { "normalvariate", m_normalvariate, 0, -1, GS_KW },
    { "lognormvariate", m_lognormvariate, 0, -1, GS_KW },
    { "gauss", m_gauss, 0, -1, GS_KW },
    { "expovariate", m_expovariate, 0, -1, GS_KW },
    { "vonmisesvariate", m_vonmisesvariate, 0, -1, GS_KW },
    { "gammavariate", m_gammavariate, 0, -1, GS_KW },
    { "betavariate", m_betavariate, 0, -1, GS_KW },
    { "paretovariate", m_paretovariate, 0, -1, GS_KW },
    { "weibullvariate", m_weibullvariate, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* the type's call makes the instance: SystemRandom needs its own entry */
static const gs_MethodDef system_methods[] = {
    { "__new__", m_new, 0, -1, GS_KW },
    { NULL, NULL, 0, 0, 0 },
};

/* the names the module exports bound to random._inst, in random.py's order */
static const char *const inst_functions[] = {
    "seed", "random", "uniform", "triangular", "randint", "choice", "randrange", "sample", "shuffle", "choices",
    "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate", "gammavariate", "gauss", "betavariate",
    "paretovariate", "weibullvariate", "getstate", "setstate", "getrandbits", NULL,
};

static const char *const random_all[] = {
    "Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate", "gammavariate", "gauss",
    "getrandbits", "getstate", "lognormvariate", "normalvariate", "paretovariate", /* "randbytes": no bytes type */ "randint",
    "random", "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate",
    "weibullvariate", NULL,
};

gs_Object *gs_module_random(gs_VM *vm)
{
    gs_Type *t_random = gs_modtype_new(vm, "random.Random", vm->t_object, &random_ops, true);
    gs_type_add_methods(vm, t_random, random_methods);
    gs_modtype_add_attr(vm, t_random, "VERSION", gs_int_new(vm, 3));
    gs_Type *t_system = gs_modtype_new(vm, "random.SystemRandom", t_random, NULL, true);
    gs_type_add_methods(vm, t_system, system_methods);
    gs_Object *m = gs_module_new(vm, "random");
    if (!m)
        return NULL;
    gs_module_add(vm, m, "__all__", gs_str_list(vm, random_all));
    gs_module_add(vm, m, "NV_MAGICCONST", float_obj(vm, nv_magicconst()));
    gs_module_add(vm, m, "TWOPI", float_obj(vm, TWOPI));
    gs_module_add(vm, m, "LOG4", float_obj(vm, LOG4));
    gs_module_add(vm, m, "SG_MAGICCONST", float_obj(vm, sg_magicconst()));
    gs_module_add(vm, m, "BPF", gs_int_new(vm, 53));
    gs_module_add(vm, m, "RECIP_BPF", float_obj(vm, ldexp(1.0, -53)));
    gs_module_add(vm, m, "Random", gs_newref(vm, &t_random->ob));
    gs_module_add(vm, m, "SystemRandom", gs_newref(vm, &t_system->ob));
    /* _inst = Random(), and its methods as the module's functions */
    gs_Object *inst = m_new(vm, &t_random->ob, NULL, 0, NULL);
    if (!inst) {
        gs_decref(vm, m);
        return NULL;
    }
    for (int i = 0; inst_functions[i]; i++) {
        const char *name = inst_functions[i];
        gs_Object *meth = gs_dict_get_str(vm, &t_random->dict->ob, gs_name(vm, name));
        gs_Builtin *mb = (gs_Builtin *)meth;
        gs_Object *b = gs_builtin_new(vm, mb->name, mb->fn, mb->min_args, mb->max_args, inst);
        if (!b)
            break;
        ((gs_Builtin *)b)->takes_kw = mb->takes_kw;
        gs_module_add(vm, m, name, b);
    }
    gs_module_add(vm, m, "_inst", inst);
    return m;
}

void gs_random_count_roots(gs_VM *vm, void (*count)(void *, gs_Object *), void *ctx)
{
    gs_modtypes_count_roots(vm, "random", count, ctx);
}
