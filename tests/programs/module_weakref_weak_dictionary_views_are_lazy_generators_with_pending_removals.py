# keys(), values(), items() and iteration of the weak dictionaries are
# generators: they run only when advanced, hold the entry they gave until
# resumed, and while one runs the entries that die wait in _pending_removals
import gc
import sys
import weakref

class C:
    def __init__(self, n):
        self.n = n

items = [C(i) for i in range(5)]
d = weakref.WeakKeyDictionary((o, o.n) for o in items)
it = d.items()
print(type(it).__name__, repr(it).startswith('<generator object WeakKeyDictionary.items at 0x'))
print(len(d._iterating))
k, v = next(it)
print(k.n, v, len(d._iterating), len(d), len(d._pending_removals))
del k
del items[3]
del items[4:]
print(len(d), len(d._pending_removals), len(d.data))
rest = sorted(x[1] for x in it)
print(rest, len(d._iterating), len(d), len(d._pending_removals), len(d.data))
it2 = iter(d)
first = next(it2)
print(sys.getrefcount(first))
del items[2]
print(len(d), len(d.data))
del it2
print(len(d), len(d.data), len(d._pending_removals))
del first

vals = [C(i) for i in range(4)]
wv = weakref.WeakValueDictionary(enumerate(vals))
g = wv.values()
x = next(g)
del vals[1]
print(len(wv.data), len(wv._pending_removals))
print(sorted(o.n for o in g), len(wv.data), len(wv._pending_removals))
print(sorted(wv.keys()), sorted(k for k, v in wv.items()), len(list(wv.itervaluerefs())))
print(type(iter(wv)).__name__, iter(wv) is not iter(wv))

# committing while a generator is suspended changes the dict under it, as in CPython
g = wv.values()
next(g)
del vals[2]
print(len(wv._pending_removals), len(wv))
try:
    list(g)
except RuntimeError as e:
    print('RuntimeError:', e)

# a generator keeps its dictionary alive
def make():
    w = weakref.WeakValueDictionary({1: vals[0]})
    return w.items()
gen = make()
print(next(gen)[0], list(gen))
# nothing runs before the first next()
lazy = wv.keys()
print(len(wv._iterating))
del lazy
print(len(wv._iterating))
