# WeakMethod's callback runs once, whichever of object and function dies
# first; WeakMethod makes no reference cycle; its errors are CPython's
import gc
import sys
import weakref

class C:
    def method(self):
        return 'method'

calls = []
def cb(arg):
    calls.append(arg)

o = C()
r = weakref.WeakMethod(o.method, cb)
print(sys.getrefcount(cb))
del o
print(calls == [r], r())
calls.clear()

class D:
    def method(self):
        return 'D'
d = D()
r2 = weakref.WeakMethod(d.method, cb)
del D.method
gc.collect()
print(calls == [r2], r2())
del d
gc.collect()
print(calls == [r2])

# no cycles: the WeakMethod dies by reference counting alone
gc.disable()
o = C()
r3 = weakref.WeakMethod(o.method, cb)
w3 = weakref.ref(r3)
del r3
print(w3() is None)
gc.enable()

for args in [(), (len,), (lambda: 0,), (C.method,), (o.method, None, 1)]:
    try:
        weakref.WeakMethod(*args)
    except TypeError as e:
        print(e)
try:
    weakref.WeakMethod(o.method, callback=cb)
except TypeError as e:
    print(e)
try:
    weakref.WeakMethod(o.method)(1)
except TypeError as e:
    print(e)
print(weakref.WeakMethod.__mro__, weakref.WeakMethod.__name__, weakref.WeakMethod.__module__)
