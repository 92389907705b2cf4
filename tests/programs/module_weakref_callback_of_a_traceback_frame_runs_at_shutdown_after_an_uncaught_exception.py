# issue: an uncaught exception leaves a frame holding a weak reference with a
# callback; the callback runs while the interpreter shuts down
import weakref

class X:
    pass

def f():
    x = X()
    cb = lambda r: print('callback', r() is None)
    r = weakref.ref(x, cb)
    print('before')
    r.nope

f()
