import sys, gc, weakref, copy
a = 256; b = 256; print(a is b)
c = 257; d = int("257"); print(c is d)
s1 = "hello"; s2 = "hel" + "lo"; print(s1 is s2, sys.intern("ab" * 3) is sys.intern("ababab"))
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**100), sys.getsizeof(1.5))
print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("é"), sys.getsizeof("€"), sys.getsizeof(b"ab"))
print(sys.getsizeof([]), sys.getsizeof([1, 2]), sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof({}), sys.getsizeof({1: 2}))
print(sys.getsizeof(set()), sys.getsizeof({1}), sys.getsizeof(frozenset()), sys.getsizeof(range(10)), sys.getsizeof(None), sys.getsizeof(True))
class P: pass
p = P()
print(sys.getsizeof(p), sys.getsizeof(p.__dict__), sys.getsizeof(P))
l = []
for i in range(20):
    l.append(i)
    print(sys.getsizeof(l), end=" ")
print()
print(gc.get_threshold(), len(gc.get_stats()), gc.get_stats()[0].keys())
x = [1, 2]
print(gc.get_referents(x) == [1, 2], gc.is_tracked(x), gc.is_tracked(1), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
f = weakref.finalize(p, print, "finalized p")
print(f.alive)
del p
print(f.alive)
t = (1, 2, [3])
print(gc.is_tracked(t))
lst = [[1], [2]]
c1 = copy.copy(lst); c2 = copy.deepcopy(lst)
print(c1[0] is lst[0], c2[0] is lst[0])
print(sys.getrefcount(None) > 100, type(sys.getrefcount(1)))
import tracemalloc
tracemalloc.start()
snap1 = tracemalloc.take_snapshot()
big = [str(i) for i in range(1000)]
snap2 = tracemalloc.take_snapshot()
stats = snap2.compare_to(snap1, "lineno")
print(len(stats) > 0, stats[0].size_diff > 0, stats[0].count_diff)
cur, peak = tracemalloc.get_traced_memory()
print(cur > 0, peak >= cur)
tracemalloc.stop()
