# WeakMethod: a weak reference to a bound method that lives as long as the
# object and the function do
import gc
import weakref

class Obj:
    def __init__(self, a):
        self.a = a
    def __eq__(self, other):
        return isinstance(other, Obj) and self.a == other.a
    def __hash__(self):
        return hash(self.a)
    def m(self):
        return 'm' + str(self.a)
    def n(self):
        return 'n'

o = Obj(1)
r = weakref.WeakMethod(o.m)
print(type(r).__name__, isinstance(r, weakref.ref), isinstance(r, weakref.WeakMethod))
print(r() == o.m, r()(), r() is r(), r().__self__ is o, r().__func__ is Obj.m)
print(r._alive, r._meth_type, r._func_ref() is Obj.m, callable(r.__callback__))
print(weakref.getweakrefcount(o), weakref.getweakrefcount(Obj.m), weakref.getweakrefcount(r))
print(hash(r) == hash(o), hash(r) == hash(weakref.ref(o)))

# plain weak references to bound methods die at once: nothing holds the method
print(weakref.ref(o.m)() is None)
m = o.m
print(weakref.ref(m)() is m, o.m == o.m, o.m != Obj(1).m, o.m == Obj(1).m, o.m is o.m)
print(hash(o.m) == hash(o.m), {o.m: 1}[o.m])

# equality: same method of equal objects; dead ones by identity
x, y = Obj(1), Obj(1)
a = weakref.WeakMethod(x.m)
b = weakref.WeakMethod(y.m)
c = weakref.WeakMethod(x.n)
print(a == b, a != b, a == c, a != c, a == x.m, a != x.m)
del x, y
gc.collect()
print(a(), b(), a == b, a != b, a == a, a != a, c == c)

# the object dies first, then the function
z = Obj(2)
w = weakref.WeakMethod(z.m)
del z
print(w(), w._alive)
class Sub(Obj):
    def m(self):
        return 'sub'
s = Sub(3)
w2 = weakref.WeakMethod(s.m)
print(w2()())
del Sub.m
gc.collect()
print(w2(), w2._alive, s.m())
