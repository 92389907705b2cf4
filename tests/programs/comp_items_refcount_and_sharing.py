# comprehension results share items with their source; refcounts of shared lists
import sys

a = [1]
b = [2]
src = [a, b, a]
print('a before:', sys.getrefcount(a))
copy = [x for x in src]
print('a after copy:', sys.getrefcount(a))
d = {i: x for i, x in enumerate(src)}
print('a after dict comp:', sys.getrefcount(a))
s = [[x] for x in src]
print('a after wrapping:', sys.getrefcount(a), 'new list refcount:', sys.getrefcount(s[0]))
del copy, d
print('a after del:', sys.getrefcount(a))
repeated = [a for _ in range(5)]
print('a repeated 5 times:', sys.getrefcount(a))
repeated.clear()
print('after clear:', sys.getrefcount(a))
del s, src
print('end:', sys.getrefcount(a), sys.getrefcount(b))
