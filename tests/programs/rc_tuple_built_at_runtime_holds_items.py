# tuples built from variables hold their items until the tuple dies
import sys

a = [1]
b = {'b': 2}
t = (a, b, a)
print('tuple:', sys.getrefcount(t))
print('a twice in the tuple:', sys.getrefcount(a))
print('b once:', sys.getrefcount(b))
t2 = (t, t)
print('tuple inside a tuple:', sys.getrefcount(t))
single = (a,)
print('one-element tuple:', sys.getrefcount(single), sys.getrefcount(a))
del t2
print('after del t2:', sys.getrefcount(t))
from_list = tuple([a, b])
print('tuple() of a list:', sys.getrefcount(from_list), sys.getrefcount(a))
del t
print('after del t:', sys.getrefcount(a), sys.getrefcount(b))
del single, from_list
print('end:', sys.getrefcount(a), sys.getrefcount(b))
