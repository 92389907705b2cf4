# storing a value under a key adds a reference; overwriting and del d[k] drop it
import sys

value = [1, 2]
other = [3]
d = {}
d['a'] = value
print('after d[a] = value:', sys.getrefcount(value))
d['b'] = value
print('after d[b] = value:', sys.getrefcount(value))
d['a'] = other
print('value after overwrite of a:', sys.getrefcount(value))
print('other after overwrite of a:', sys.getrefcount(other))
d['a'] = other
print('other after storing the same again:', sys.getrefcount(other))
del d['b']
print('value after del d[b]:', sys.getrefcount(value))
d[1] = value
d[(1, 2)] = value
print('value under int and tuple keys:', sys.getrefcount(value))
del d[1], d[(1, 2)]
print('value after deleting both:', sys.getrefcount(value))
print('dict refcount:', sys.getrefcount(d), d)
