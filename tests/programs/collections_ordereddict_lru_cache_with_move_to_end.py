# OrderedDict as an LRU cache: move_to_end on a hit, popitem(last=False) to
# evict; order-sensitive equality, reversed, repr, popitem errors.
from collections import OrderedDict

class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
    def get(self, key):
        if key not in self.data:
            return -1
        self.data.move_to_end(key)
        return self.data[key]
    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            print('evict', self.data.popitem(last=False))

cache = LRU(2)
cache.put(1, 'one'); cache.put(2, 'two')
print(cache.get(1))
cache.put(3, 'three')
print(cache.get(2), cache.get(3), cache.data)
cache.put(4, 'four')
print(cache.data, list(cache.data), list(cache.data.keys()), list(cache.data.values()))

od = OrderedDict()
od['a'] = 1; od['b'] = 2; od['c'] = 3
print(od)
od.move_to_end('a'); print(od)
od.move_to_end('c', last=False); print(od)
od.move_to_end('c', False); print(od)
print(od.popitem(), od.popitem(last=False), od)
od['a'] = 9
print(od, od['b'], od.get('zz'), len(od))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1), OrderedDict(a=1) != OrderedDict(a=1))
print(list(reversed(OrderedDict(a=1, b=2, c=3))), OrderedDict(), OrderedDict([('x', 1), ('y', 2)]))
c = od.copy()
print(c, type(c), c == od, c is od)
for k, v in OrderedDict.fromkeys('xyz', 0).items():
    print(k, v)
print(isinstance(od, dict), type(od), OrderedDict.__module__)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict(a=1).move_to_end('z')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().move_to_end('z')
except KeyError as e:
    print('KeyError', e)
d = OrderedDict(a=1)
d['self'] = d
print(d)
