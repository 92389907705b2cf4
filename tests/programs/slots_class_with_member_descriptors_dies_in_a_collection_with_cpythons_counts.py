# A class with __slots__ holds itself through its member descriptors (one
# per slot, each a tracked object referring to the class): deleting the
# class leaves a cycle the collector frees, counting what CPython counts.
import gc
import sys

gc.disable()
gc.collect()


class P:
    __slots__ = ('a', 'b', 'c')


print(sys.getrefcount(P))
d = P.__dict__['a']
print(gc.is_tracked(d), gc.get_referents(d) == [P], sys.getrefcount(d))
print(len([o for o in gc.get_referrers(P) if type(o).__name__ == 'member_descriptor']))
del d
del P
print(gc.collect())


class Q:
    __slots__ = ('x',)


class R(Q):
    __slots__ = ('y', 'z')


print(sys.getrefcount(Q), sys.getrefcount(R))
r = R()
r.x, r.y, r.z = [], {}, ()
print(sys.getrefcount(r.x), gc.get_referents(r) == [R, r.x, r.y, r.z] or gc.get_referents(r))
del r
del R
print(gc.collect())
del Q
print(gc.collect())


# slots with a __dict__ and a __weakref__
class W:
    __slots__ = ('v', '__dict__', '__weakref__')


print(sys.getrefcount(W))
del W
print(gc.collect())


# a descriptor kept alive keeps its class alive
class K:
    __slots__ = ('k',)


keep = K.k
del K
print(gc.collect(), keep, keep.__objclass__.__name__)
del keep
print(gc.collect())


# no slots at all
class E:
    __slots__ = ()


print(sys.getrefcount(E), list(vars(E)))
del E
print(gc.collect())
