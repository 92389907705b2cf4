# WeakSet: a set of weak references with the set API; results sorted so
# the output does not depend on the identity hashes
import sys
import weakref

class C:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'C' + str(self.n)
    def __lt__(self, other):
        return self.n < other.n

a, b, c, d, e, f = objs = [C(i) for i in range(6)]
s = weakref.WeakSet([a, b, c])
t = weakref.WeakSet([c, d])
print(type(s), len(s), a in s, d in s, 3 in s, [] in s, sorted(s))
s.add(d); s.discard(d); s.discard(e); s.remove(a)
print(sorted(s))
try:
    s.remove(e)
except KeyError:
    print('KeyError')
print(sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t))
print(sorted(s.union([e])), sorted(s.intersection([c, f])), sorted(s.difference([b])),
      sorted(s.symmetric_difference([b, f])))
print(s <= t, s < weakref.WeakSet([b, c, d]), s >= weakref.WeakSet([c]), s > weakref.WeakSet([b, c]),
      s == weakref.WeakSet([c, b]), s != t, s == {b, c})
print(s.issubset([b, c, f]), s.issuperset([c]), s.isdisjoint([f]), s.isdisjoint(t))
u = s.copy()
u |= [e]
print(sorted(u), type(u).__name__)
u -= [e]; print(sorted(u))
u &= [b, f]; print(sorted(u))
u ^= [b, c]; print(sorted(u))
u.update([a, f]); print(sorted(u))
u.difference_update([a]); u.intersection_update([c, f, a]); u.symmetric_difference_update([a])
print(sorted(u))
print(u.pop() in (a, c, f), len(u))
u.clear()
print(len(u), list(u), repr(u), bool(u))
for bad in [lambda: u.pop(), lambda: u.add(1), lambda: weakref.WeakSet(1), lambda: u.add(),
            lambda: hash(u), lambda: weakref.WeakSet([a], 2), lambda: {1} | s]:
    try:
        bad()
    except (KeyError, TypeError) as ex:
        print(type(ex).__name__, ex)
print(weakref.WeakSet.__module__, weakref.WeakSet.__name__, weakref.WeakSet)
# the references it holds: one weak reference per element, with _remove as callback
w = weakref.WeakSet([a, b])
print(weakref.getweakrefcount(a), sys.getrefcount(w._remove), type(w._remove).__name__)
print(type(w.data).__name__, len(w.data), w._pending_removals, len(w._iterating))
print(w._remove.__defaults__[0]() is w, w._remove.__closure__)
ws = [weakref.WeakSet([x]) for x in objs]
print([len(x) for x in ws])
del objs, a, b, c
print([len(x) for x in ws], len(s), len(t), len(w))
