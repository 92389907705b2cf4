# An uncaught exception keeps the failing frame (through its traceback)
# with a weak reference whose callback runs while the interpreter shuts
# down, and a __del__ that runs then too: the output is CPython's, and
# `gcscope run --check-refcounts` finds every count equal to its holders.
import weakref
class X:
    pass
class Noisy:
    def __del__(self):
        print("Noisy.__del__ at shutdown")
def f():
    x = X()
    n = Noisy()
    cb = lambda r: print("callback at shutdown", r() is None)
    r = weakref.ref(x, cb)
    print("alive", r() is x)
    r.nope
f()
