# Classes derived from weakref.ref: their instances have attributes and can
# be weakly referenced; ref.__new__ / ref.__init__ check their arguments
import gc
import weakref

class O:
    pass

class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)
    def __call__(self):
        self.called = True
        return super().__call__()

o = O()
mr = MyRef(o, value=24)
print(mr() is o, mr.called, mr.value, type(mr).__name__, isinstance(mr, weakref.ref), mr.__dict__)
plain = weakref.ref(o)
print(weakref.getweakrefs(o)[0] is plain, weakref.getweakrefs(o)[1] is mr, plain == mr)

class R(weakref.ref):
    pass
r1, r2 = R(o), R(o)
print(r1 is not r2, r1 == r2, weakref.getweakrefcount(o), weakref.ref(r1)() is r1)
for args, kwargs in [((), {}), ((o, None, 1), {}), ((o,), {'x': 1})]:
    try:
        R(*args, **kwargs)
    except TypeError as e:
        print(e)

class WithNew(weakref.ref):
    def __new__(cls, ob, callback, extra):
        self = weakref.ref.__new__(cls, ob, callback)
        self.extra = extra
        return self
    def __init__(self, ob, callback, extra):
        super().__init__(ob, callback)
wn = WithNew(o, None, 'extra')
print(wn.extra, wn() is o)

# an instance that holds its own referent: deleting it frees both, and its
# callback is not called (the reference died first)
def callback(w):
    print('callback!')
x = O()
r = R(x, callback)
r.keep = x
wr_x = weakref.ref(x)
del x
print(wr_x() is not None)
del r
print(wr_x() is None)

# two references in a cycle through their attributes: the collector frees them
y = O()
c1, c2 = R(y, callback), R(y, callback)
c1.other, c2.other = c2, c1
c2.obj = y
del y, c1, c2
print('collected', gc.collect() > 0)

class Eq(weakref.ref):
    def __eq__(self, other):
        return True
class Hashed(weakref.ref):
    def __hash__(self):
        return 7
try:
    hash(Eq(o))
except TypeError as e:
    print(e)
print(hash(Hashed(o)), Eq(o) == 3)
