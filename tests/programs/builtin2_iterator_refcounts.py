# map, filter, zip, reversed and enumerate objects keep their sources alive
import sys

data = [3, 1, 2]
f = len
print('start:', sys.getrefcount(data))
m = map(str, data)
print('map holds an iterator over data:', sys.getrefcount(data))
z = zip(data, data)
print('zip holds two iterators:', sys.getrefcount(data))
r = reversed(data)
print('reversed holds data:', sys.getrefcount(data))
e = enumerate(data)
print('enumerate holds an iterator:', sys.getrefcount(data))
flt = filter(None, data)
print('filter holds an iterator:', sys.getrefcount(data))
print(list(m), list(z), list(r), list(e), list(flt))
print('exhausted iterators:', sys.getrefcount(data))
del m, z, r, e, flt
print('after del:', sys.getrefcount(data))
s = sorted(data)
print('sorted makes a new list:', sys.getrefcount(data), sys.getrefcount(s))
key = lambda v: -v
print('lambda refcount:', sys.getrefcount(key))
mk = map(key, data)
print('map holds the function:', sys.getrefcount(key))
del mk
print('end:', sys.getrefcount(key), sys.getrefcount(data))
