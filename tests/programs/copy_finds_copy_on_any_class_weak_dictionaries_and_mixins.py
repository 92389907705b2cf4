# copy.copy looks __copy__ up on the class, through its whole MRO: the weak
# dictionaries have one (CPython writes them in Python), and so may a mixin.
import copy
import gc
import sys
import weakref


class Thing:
    pass


t = Thing()
wvd = weakref.WeakValueDictionary({"a": t})
c = copy.copy(wvd)
print(type(c).__name__, len(c), c["a"] is t, sys.getrefcount(t))
wkd = weakref.WeakKeyDictionary({t: 1})
k = copy.copy(wkd)
print(type(k).__name__, len(k), k[t], sys.getrefcount(t))
del t
gc.collect()
print(len(c), len(k), len(wvd), len(wkd))


class CopyMixin:
    def __copy__(self):
        print("CopyMixin.__copy__ for", type(self).__name__)
        return type(self)()


class Base:
    pass


class Both(Base, CopyMixin):
    pass


b = copy.copy(Both())
print(type(b).__name__, gc.isenabled())
