# weakref.ref: __callback__, == comparing live referents (identity once
# either is dead), hash of the referent kept after death, repr
import sys
import weakref

class Key:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print('Key.__eq__ called')
        return isinstance(other, Key) and self.n == other.n
    def __hash__(self):
        return self.n

def cb(r):
    pass

a, b, c = Key(1), Key(1), Key(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(ra.__callback__, weakref.ref(a, cb).__callback__ is cb, weakref.ref(a, None).__callback__)
print(ra == rb, ra != rb, ra == rc, ra != rc, ra == a, ra != 1)
print(hash(ra), hash(rc), hash(ra) == hash(rb))
print(ra is weakref.ref(a), ra in [rb], ra in {rb: 0}, {ra: 'x'}.get(rb))
del a
print(ra(), ra == rb, ra != rb, ra == ra, hash(ra))
d = weakref.ref(Key(5))
try:
    hash(d)
except TypeError as e:
    print(e)
print(repr(rb).startswith('<weakref at 0x'), "; to 'Key' at 0x" in repr(rb), repr(ra).endswith('; dead>'))

def func():
    pass
class K:
    pass
print('(func)>' in repr(weakref.ref(func)), '(K)>' in repr(weakref.ref(K)), "to 'type'" in repr(weakref.ref(K)))
try:
    weakref.ref(func).__callback__ = cb
except AttributeError:
    print('AttributeError')
for bad in [(), (func, None, 1)]:
    try:
        weakref.ref(*bad)
    except TypeError as e:
        print(e)
try:
    weakref.ref(func, callback=cb)
except TypeError as e:
    print(e)
try:
    weakref.ref(func)(1)
except TypeError as e:
    print(e)
r = weakref.ref(func)
try:
    r.__init__(0, 0, 0, 0, 0)
except TypeError as e:
    print(e)
print(r.__init__(func), weakref.ref.__new__(weakref.ref, func) is r)
print(sys.getrefcount(cb))
keep = [weakref.ref(func, cb) for i in range(3)]
print(sys.getrefcount(cb), weakref.getweakrefcount(func))
# a ref compares with a proxy (both weak references) through the referents;
# the proxy compares its referent with the ref
o = Key(3)
rr, pp = weakref.ref(o), weakref.proxy(o)
print(rr == pp, pp == rr, rr != pp, pp != rr)
