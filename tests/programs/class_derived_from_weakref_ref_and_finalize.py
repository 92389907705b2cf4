# classes derived from weakref.ref (with super().__init__ and an attribute) and weakref.finalize
import weakref, sys
class X: pass
class R(weakref.ref):
    def __init__(self, ob, callback=None):
        super().__init__(ob, callback)
        self.extra = 0
x = X()
r = R(x)
r.extra = 5
print(r() is x, r.extra, isinstance(r, weakref.ref), type(r).__name__, sys.getrefcount(x))
class F(weakref.finalize):
    pass
f = F(x, print, "bye")
print(f.alive)
del x
print(r(), f.alive)
