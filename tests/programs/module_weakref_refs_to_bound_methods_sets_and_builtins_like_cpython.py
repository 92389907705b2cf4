# Which objects accept weak references: sets and frozensets, functions,
# bound methods, builtins, classes, modules, code and generators do; lists,
# dicts, ints, strs, tuples and plain object() do not
import gc
import sys
import weakref

class C:
    def m(self):
        pass

def gen():
    yield 1

def f():
    pass

c = C()
accepted = [set(), frozenset([1]), f, c.m, len, C, c, sys, f.__code__, gen(), weakref.WeakSet()]
refused = [[], {}, 1, 'a', (), object(), range(3), iter([]), 1.5, None, True, Exception(),
           property(len), staticmethod(f), classmethod(f), slice(1)]
for ob in accepted:
    r = weakref.ref(ob)
    print(type(ob).__name__, r() is ob)
for ob in refused:
    try:
        weakref.ref(ob)
    except TypeError as e:
        print(e)

# a set dies with its weak references cleared and their callbacks called
s = {1, 2}
fs = frozenset('ab')
rs = weakref.ref(s, lambda r: print('set gone'))
rf = weakref.ref(fs, lambda r: print('frozenset gone'))
del s, fs
print(rs(), rf())

# a bound method made for the call dies right after it
print(weakref.ref(c.m)() is None)
bm = c.m
rbm = weakref.ref(bm, lambda r: print('method gone'))
del bm
print(rbm())

# a generator
g = gen()
rg = weakref.ref(g, lambda r: print('generator gone'))
del g
print(rg())

class Subset(set):
    pass
print(weakref.ref(weakref.WeakSet)() is weakref.WeakSet, weakref.getweakrefcount(len) >= 0)
