# A cycle collected with the collector disabled until gc.collect(): weak
# containers, callbacks and finalize run before __del__, and the counts match
import weakref, gc, sys

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)

def cb(r):
    print('callback', repr(r).endswith('; dead>'), r())

gc.disable()
a, b = A('a'), A('b')
a.other, b.other = b, a
ra = weakref.ref(a, cb)
rb = weakref.ref(b)
wv = weakref.WeakValueDictionary(a=a, b=b)
wk = weakref.WeakKeyDictionary({a: 1, b: 2})
ws = weakref.WeakSet([a, b])
fin = weakref.finalize(a, print, 'finalize a')
del a, b
print(len(wv), len(wk), len(ws), ra() is not None)
print('collected', gc.collect())
print(len(wv), len(wk), len(ws), ra(), rb(), fin.alive)
print(gc.garbage)

class Holder:
    pass
h = Holder()
h.self = h
h.ref = weakref.ref(h, lambda r: print('h callback'))
del h
print('collected', gc.collect())
x = Holder()
p = weakref.proxy(x, lambda p: print('proxy callback'))
print(weakref.getweakrefcount(x), sys.getrefcount(x))
del x
print(repr(p).startswith('<weakproxy at 0x'), repr(p).endswith('; dead>'))
cnt = gc.get_count()
items = [A(str(i)) for i in range(3)]
refs = [weakref.ref(i) for i in items]
print([r().name for r in refs])
items.reverse()
del items
print([r() for r in refs])
print(gc.collect(), gc.isenabled())
gc.enable()
