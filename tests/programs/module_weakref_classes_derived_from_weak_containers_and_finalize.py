# The weak containers and finalize are ordinary classes in CPython: a class
# derived from one works like it
import weakref

class C:
    pass

class MySet(weakref.WeakSet):
    def extra(self):
        return len(self)

class MyDict(weakref.WeakValueDictionary):
    def __init__(self, *args):
        super().__init__(*args)
        self.note = 'mine'

class MyKeys(weakref.WeakKeyDictionary):
    pass

a, b = C(), C()
s = MySet([a, b])
print(type(s).__name__, s.extra(), type(s.copy()).__name__, type(s | [a]).__name__, isinstance(s, weakref.WeakSet))
d = MyDict({1: a})
print(d.note, d[1] is a, type(d.copy()).__name__, type(d | {2: b}).__name__, repr(d).startswith('<MyDict at 0x'))
k = MyKeys({a: 1})
print(k[a], len(k), type(k.copy()).__name__)
del a
print(len(s), len(d), len(k))

class MyFinalizer(weakref.finalize):
    pass
res = []
def callback():
    res.append(123)
o = C()
f = MyFinalizer(o, callback)
wr_f = weakref.ref(f)
del f
print(wr_f() is not None, type(wr_f()).__name__, wr_f().alive)
del o
print(wr_f() is None, res)
