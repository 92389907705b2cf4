# object.__getstate__ of a slotted object gives (state, {slot: value}) for
# the slots that are set; copy.copy / deepcopy rebuild the slots from it,
# and copyreg keeps the names as the class's __slotnames__.
import copy
import sys


class P:
    __slots__ = ('x', 'y', '__weakref__')

    def __init__(self):
        self.x = [1]
        self.y = 2


class Q(P):
    __slots__ = ('z',)


class W(P):
    pass


p = P()
print(p.__getstate__())
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.x is p.x, r.x == p.x, r.x is p.x, r.y, sys.getrefcount(p.x))
print(P.__slotnames__, '__slotnames__' in vars(P))
e = P.__new__(P)
print(e.__getstate__(), copy.copy(e).__getstate__())
z = Q()
z.z = 'zed'
print(z.__getstate__(), copy.copy(z).z, Q.__slotnames__)
w = W()
w.extra = 5
print(w.__getstate__(), copy.copy(w).extra, copy.deepcopy(w).x)
del z.x
print(z.__getstate__(), hasattr(copy.copy(z), 'x'))
