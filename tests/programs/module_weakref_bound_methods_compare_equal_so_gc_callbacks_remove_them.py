# Bound methods compare by their function and their object (CPython's
# method_richcompare), so gc.callbacks.remove(self.cb) finds the method that
# was appended; weak references to bound methods and to sets work
import gc
import sys
import weakref

class A:
    def m(self):
        pass
    def n(self):
        pass

a, b = A(), A()
print(a.m == a.m, a.m is a.m, a.m != a.m, a.m == b.m, a.m == a.n, a.m == A.m)
print(hash(a.m) == hash(a.m), a.m in [a.m], {a.m: 1}[a.m])

class Watcher:
    def __init__(self):
        self.calls = []
        gc.callbacks.append(self.cb)
    def cb(self, phase, info):
        self.calls.append(phase)
    def stop(self):
        gc.callbacks.remove(self.cb)

w = Watcher()
print(len(gc.callbacks))
gc.collect()
w.stop()
print(len(gc.callbacks), w.calls)
try:
    w.stop()
except ValueError as e:
    print('ValueError:', e)

# a weak reference to a bound method dies with the method, not with the object
bm = a.m
r = weakref.ref(bm, lambda ref: print('bound method gone'))
print(r() is bm, r() == a.m, sys.getrefcount(a))
del bm
print(r(), sys.getrefcount(a))

# WeakMethod lives as long as its object and its function
wm = weakref.WeakMethod(a.m)
print(wm() == a.m, wm() is a.m)
del a
print(wm())

# sets and frozensets accept weak references
s = {1, 2, 3}
fs = frozenset(s)
rs, rfs = weakref.ref(s), weakref.ref(fs, lambda ref: print('frozenset gone'))
print(rs() is s, rfs() == s, weakref.getweakrefcount(s), len(weakref.getweakrefs(fs)))
ws = weakref.WeakValueDictionary(s=s, fs=fs)
print(sorted(ws), ws['s'] is s)
del s
print(rs(), sorted(ws))
del fs
print(rfs(), sorted(ws))

# bound built-in methods too: the same receiver and the same function
l = []
print(l.append == l.append, l.append == [].append, l.append != l.pop, {l.append: 1}[l.append])
callbacks = [l.append]
callbacks.remove(l.append)
print(callbacks)
