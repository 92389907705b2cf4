# A weak container's _remove is a function whose defaults hold only a weak
# reference to the container (no reference cycle): the container dies by
# reference counting
import gc
import sys
import weakref

class C:
    pass

d = weakref.WeakValueDictionary()
print(type(d._remove).__name__, d._remove.__closure__, len(d._remove.__defaults__))
print(d._remove.__defaults__[0]() is d, d._remove.__defaults__[1] is weakref._remove_dead_weakref)
k = weakref.WeakKeyDictionary()
print(type(k._remove).__name__, k._remove.__closure__, k._remove.__defaults__[0]() is k)
print(d._pending_removals, d._iterating, k._pending_removals, k._iterating, k._dirty_len)
o = C()
d['x'] = o
k[o] = 'x'
print(type(d.data['x']).__name__, d.data['x'].key, d.data['x'].__callback__ is d._remove)
print(list(k.data)[0].__callback__ is k._remove, sys.getrefcount(d._remove), sys.getrefcount(k._remove))
gc.disable()
wd, wk = weakref.ref(d), weakref.ref(k)
del d, k
print(wd(), wk())
gc.enable()
dd = {}
r = weakref.ref(o)
dd['k'] = r
del o
weakref._remove_dead_weakref(dd, 'k')
weakref._remove_dead_weakref(dd, 'missing')
print(dd)
try:
    weakref._remove_dead_weakref([], 1)
except TypeError as e:
    print(e)
