# callbacks of several weakrefs to one object run newest first
import gc
import weakref

class Obj:
    pass

o = Obj()
r1 = weakref.ref(o, lambda r: print('callback 1'))
r2 = weakref.ref(o, lambda r: print('callback 2'))
r3 = weakref.ref(o)
r4 = weakref.ref(o, lambda r: print('callback 4'))
print('weakref count', weakref.getweakrefcount(o))
print('getweakrefs order starts with the plain ref:', weakref.getweakrefs(o)[0] is r3)
print('refcount path:')
del o
c = Obj()
c.me = c
q1 = weakref.ref(c, lambda r: print('gc callback 1'))
q2 = weakref.ref(c, lambda r: print('gc callback 2'))
del c
print('collection:')
print(gc.collect())
