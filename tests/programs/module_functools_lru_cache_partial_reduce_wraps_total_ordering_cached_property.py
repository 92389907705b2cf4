import functools, sys, gc

@functools.lru_cache(maxsize=2)
def sq(n):
    print("computing", n)
    return [n * n]

print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(sq.cache_info())
r = sq(4)
print(sys.getrefcount(r))
print(sq.cache_parameters(), sq.__name__, sq.__wrapped__.__name__, type(sq).__name__)
sq.cache_clear()
print(sq.cache_info(), sys.getrefcount(r))

@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())

@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(10), fact.cache_info())
hits, misses, maxsize, currsize = fact.cache_info()
print(hits, misses, maxsize, currsize, fact.cache_info().misses, fact.cache_info()[1])

@functools.lru_cache(maxsize=None, typed=True)
def f(x, y=1):
    return (x, y)
print(f(1), f(1.0), f(1, y=2), f(x=1), f.cache_info())

@functools.lru_cache(maxsize=0)
def g(x):
    return x
print(g(1), g(1), g.cache_info())

class Obj:
    pass
o = Obj()
print(sys.getrefcount(o))
@functools.lru_cache(maxsize=10)
def h(x):
    return x
h(o)
print(sys.getrefcount(o))
del o
print(gc.collect())

class C:
    @functools.lru_cache(maxsize=None)
    def m(self, x):
        return x * 2
c = C()
print(c.m(3), c.m(3), C.m.cache_info())

p = functools.partial(pow, 2)
print(p(10), p.func is pow, p.args, p.keywords)
p2 = functools.partial(p, 3)
print(p2(), p2.args, p2.func is pow)
def k(a, b=0, *, c=1):
    return (a, b, c)
p3 = functools.partial(k, c=5)
print(p3(1), p3(1, 2, c=6), p3.keywords, repr(p3).startswith("functools.partial(<function k at 0x"), repr(p3).endswith(", c=5)"))
print(repr(functools.partial(len, [1], 2)) == "functools.partial(<built-in function len>, [1], 2)")
print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 1))

def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **kw):
        return fn(*a, **kw)
    return wrapper
@deco
def named(x):
    return x + 1
print(named.__name__, named.__qualname__, named(1), named.__wrapped__.__name__)

@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(3), V(1) >= V(1))

class W:
    @functools.cached_property
    def val(self):
        print("computing val")
        return 42
w = W()
print(w.val, w.val, w.__dict__)
for bad in (lambda: functools.reduce(lambda a, b: a, []), lambda: functools.partial(), lambda: functools.partial(1),
            lambda: functools.lru_cache("x"), lambda: functools.reduce(1), lambda: functools.reduce(len, 5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @functools.total_ordering
    class N:
        pass
except ValueError as e:
    print(e)
