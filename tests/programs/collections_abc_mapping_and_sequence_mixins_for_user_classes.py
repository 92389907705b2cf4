# A class derived from collections.abc.Mapping (or Sequence ...) defines
# the abstract methods and gets the mixin methods; an incomplete one
# cannot be instantiated.
from collections.abc import Mapping, MutableMapping, Sequence, MutableSequence, Iterable, Sized, KeysView
import gc
import sys


class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, key):
        return self._d[key]

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)


m = Frozen(a=1, b=2)
print(len(m), list(m), m['a'], m.get('b'), m.get('z'), m.get('z', 0), 'a' in m, 'z' in m)
print(repr(m.keys()).startswith("KeysView(<__main__.Frozen object at 0x"), type(m.keys()).__name__, isinstance(m.keys(), KeysView))
print(list(m.keys()), list(m.values()), list(m.items()), len(m.items()))
print('a' in m.keys(), ('a', 1) in m.items(), ('a', 2) in m.items(), 2 in m.values(), 3 in m.values())
print(m == {'a': 1, 'b': 2}, m == {'a': 1}, m != Frozen(a=1, b=2), m == [1])
print(isinstance(m, Mapping), isinstance(m, MutableMapping), dict(m), sorted(m.items()))
print(Frozen.__hash__, Frozen.__reversed__)
try:
    hash(m)
except TypeError as e:
    print(e)
try:
    m['zz']
except KeyError as e:
    print('KeyError', e)


class Store(MutableMapping):
    def __init__(self):
        self.data = {}

    def __getitem__(self, k):
        return self.data[k]

    def __setitem__(self, k, v):
        self.data[k] = v

    def __delitem__(self, k):
        del self.data[k]

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)


s = Store()
s['x'] = 1
s.update({'y': 2}, z=3)
s.update([('w', 4)])
print(s.data, s.setdefault('x', 9), s.setdefault('v', 5), s.pop('w'), s.pop('nope', None))
print(s.popitem(), s.data)
try:
    s.pop('nope')
except KeyError as e:
    print('KeyError', e)
s.clear()
print(s.data, len(s))
try:
    s.popitem()
except KeyError as e:
    print('KeyError', repr(e))


class Half(Mapping):
    def __getitem__(self, k):
        return k


try:
    Half()
except TypeError as e:
    print(e)


class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


q = Squares(5)
print(list(q), list(reversed(q)), 9 in q, 10 in q, q.index(9), q.count(4), q.count(3))
try:
    q.index(7)
except ValueError as e:
    print('ValueError', repr(e))
print(q.index(16, 2), isinstance(q, Iterable), isinstance(q, Sized))


class Box(MutableSequence):
    def __init__(self):
        self.items = []

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __len__(self):
        return len(self.items)

    def insert(self, i, v):
        self.items.insert(i, v)


b = Box()
b.append(1)
b.extend([2, 3, 4])
b += [5]
print(b.items, b.pop(), b.pop(0), b.items)
b.reverse()
b.remove(3)
print(b.items, list(b), 2 in b)
b.clear()
print(b.items)

# the mixins hold no references of their own
x = object()
m2 = Frozen(k=x)
before = sys.getrefcount(x)
v = m2.get('k')
print(sys.getrefcount(x) - before)
del v, m2
print(sys.getrefcount(x))
del m
gc.collect()
