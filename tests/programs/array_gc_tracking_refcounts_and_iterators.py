# An array is tracked by the collector (its type has the GC flag in 3.11)
# though it holds only its type; its iterator holds the array until it is
# exhausted.  Counts of allocations, refcounts, weak references, copies.
import array
import copy
import gc
import sys
import weakref

a = array.array('i', [1, 2])
print(gc.is_tracked(a), gc.get_referents(a), sys.getrefcount(a))
it = iter(a)
print(type(it), gc.is_tracked(it), sys.getsizeof(it), sys.getrefcount(a))
print(gc.get_referents(it))
print(next(it), list(it), gc.get_referents(it), sys.getrefcount(a))
gc.collect()
c0 = gc.get_count()
b = array.array('i', [1, 2])
c1 = gc.get_count()
b2 = array.array('d')
c2 = gc.get_count()
b3 = b + b
c3 = gc.get_count()
x = b[0:1]
c4 = gc.get_count()
it = iter(b)
c5 = gc.get_count()
del b, b2, b3, x, it
c6 = gc.get_count()
print(c0, c1, c2, c3, c4, c5, c6)
r = weakref.ref(a)
print(r() is a)
d = copy.copy(a)
e = copy.deepcopy(a)
print(d, e, d is a, d == a)
del a
print(r())
print(gc.collect())
