# Bound methods compare equal when they bind the same function to the same
# object (each attribute lookup makes a new method object), so removing a
# bound method from a list works; built-in methods compare by receiver and
# function.  Equal methods hash alike and are one key in a dict.
import gc
class A:
    def m(self):
        return 1
    def n(self):
        return 2
    @classmethod
    def c(cls):
        return 3
a, b = A(), A()
print(a.m == a.m, a.m is a.m, a.m != a.m)
print(a.m == b.m, a.m == a.n, a.m != b.m)
print(A.c == A.c, a.c == A.c, A.m == A.m)
print(hash(a.m) == hash(a.m), len({a.m: 1, a.m: 2}), len({a.m, b.m, a.m}))
cbs = [a.m, b.m]
cbs.remove(b.m)
print(len(cbs), cbs[0] == a.m, b.m in cbs, a.m in cbs)
lst = []
print(lst.append == lst.append, lst.append == [].append, lst.append != lst.append, lst.append == lst.pop)
print(hash(lst.append) == hash(lst.append))
class Sub(A):
    pass
s = Sub()
print(s.m == s.m, s.m == a.m)
def cb(phase, info):
    pass
class Watch:
    def cb(self, phase, info):
        pass
w = Watch()
gc.callbacks.append(w.cb)
print(w.cb in gc.callbacks)
gc.callbacks.remove(w.cb)
print(len(gc.callbacks))
print(a.m == 5, a.m == A.m, A.m == A.m)
