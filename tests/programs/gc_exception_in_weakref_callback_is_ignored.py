# an exception raised by a weakref callback is printed and ignored
import gc
import weakref

class Obj:
    pass

def callback(ref):
    raise KeyError('from the callback')

o = Obj()
r = weakref.ref(o, callback)
del o
print('after the refcount path')
p = Obj()
p.me = p
s = weakref.ref(p, callback)
del p
print('collected', gc.collect())
