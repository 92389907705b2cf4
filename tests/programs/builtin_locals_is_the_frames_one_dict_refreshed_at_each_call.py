# locals(), vars() and dir() with no argument: a function frame's f_locals
# dict, made once, refreshed by each call, holding a reference to every
# local (and to itself after d = locals(); locals()); module and class
# bodies give their namespace.
import sys, gc
def f(a, b=2):
    x = [1]
    l = locals()
    print(sorted(l), l is locals(), sys.getrefcount(x))
    y = 5
    print(l)
    del x
    locals()
    print(sorted(l))
    print("self-cycle", l["l"] is l)
f(1)
def cells(a):
    c = 3
    def inner():
        return a + c
    print(locals().keys())
    def inner2():
        print(locals())
        return a
    inner2()
    return inner
cells(10)
print(locals() is globals(), vars() is globals())
class K:
    q = 1
    print(sorted(locals()))
    print(sorted(vars()))
def g():
    z = 1
    print(dir())
    print(vars())
g()
def count_refs():
    big = [0] * 3
    before = sys.getrefcount(big)
    locals()
    after = sys.getrefcount(big)
    del big
    return before, after
print(count_refs())
gc.disable()
def self_cycle():
    d = locals()
    locals()
    return "d holds itself" if d["d"] is d else "?"
gc.collect()
print(self_cycle(), gc.collect())
