# weakref.ref does not keep its referent alive; on the refcount path __del__
# runs first, then the weakref is cleared and its callback called
import gc
import sys
import weakref

class Thing:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name, 'weakref alive?', r() is not None)

def gone(ref):
    print('callback: referent is', ref())

t = Thing('t')
r = weakref.ref(t, gone)
print('refcount unchanged by the weakref:', sys.getrefcount(t))
print('r() is t:', r() is t)
print('weakrefs to t:', weakref.getweakrefcount(t))
del t
print('after del: r() is', r())
plain = Thing('p')
w1 = weakref.ref(plain)
w2 = weakref.ref(plain)
print('plain refs are shared:', w1 is w2)
w3 = weakref.ref(plain, gone)
print('a ref with a callback is new:', w3 is not w1)
print('hash is the referent hash:', hash(w1) == hash(plain))
del plain
