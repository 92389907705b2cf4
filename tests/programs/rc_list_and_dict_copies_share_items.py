# list(), tuple(), dict() and + make new containers that share the same item objects
import sys

a = [1]
b = [2]
src = [a, b]
copy1 = list(src)
print('new list:', copy1 is src, sys.getrefcount(copy1))
print('items shared:', sys.getrefcount(a), sys.getrefcount(b))
joined = src + copy1
print('after +:', sys.getrefcount(a), len(joined))
d = {'a': a}
d2 = dict(d)
print('dict copy:', d2 is d, sys.getrefcount(a))
t = tuple(src)
print('tuple copy:', sys.getrefcount(a))
del copy1, joined, d2, t
print('copies deleted:', sys.getrefcount(a), sys.getrefcount(b))
print('source list:', sys.getrefcount(src))
dict_of_pairs = dict([('x', a), ('y', a)])
print('dict from pairs:', sys.getrefcount(a))
del dict_of_pairs
print('end:', sys.getrefcount(a))
