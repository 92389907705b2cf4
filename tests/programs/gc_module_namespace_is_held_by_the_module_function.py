# CPython 3.11 runs a script through a function made for the module's
# code: the running frame holds it and it holds the globals, so the
# namespace has one more referrer and holder than the module alone gives
import gc
import sys

print(sys.getrefcount(globals()))
g = globals()
print(sys.getrefcount(g))
def f():
    return sys.getrefcount(globals())
print(f())
names = sorted(type(r).__name__ + ":" + getattr(r, "__name__", "") for r in gc.get_referrers(globals()))
print(names)
print(gc.is_tracked(globals()), gc.collect() >= 0)
class Holder:
    ns = globals()
print(sys.getrefcount(g))
del Holder
gc.collect()
print(sys.getrefcount(g))
