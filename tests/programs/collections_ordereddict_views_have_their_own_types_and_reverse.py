# OrderedDict's keys(), values() and items() are odict_keys,
# odict_values and odict_items (derived from dict's views); they follow
# the order move_to_end and popitem(last=False) change, and reverse.
from collections import OrderedDict

od = OrderedDict(a=1, b=2, c=3)
print(od.keys(), od.values(), od.items())
print(type(od.keys()), type(od.values()).__name__, type(od.items()).__mro__)
print(isinstance(od.keys(), type({}.keys())), len(od.keys()), len(od.items()))
print('a' in od.keys(), 'z' in od.keys(), ('b', 2) in od.items(), ('b', 3) in od.items(), 3 in od.values())
print(list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(list(reversed(od)), list(reversed({'x': 1, 'y': 2}.keys())), list(reversed({'x': 1}.items())))
k = od.keys()
od['d'] = 4
print(k, list(k))
od.move_to_end('a')
print(k, list(od.values()))
od.move_to_end('a', last=False)
print(od)
print(od.popitem(last=False), od.popitem(), od.popitem(True), od)
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem(last=False)
except KeyError as e:
    print('KeyError', e)
a = OrderedDict(a=1, b=2)
b = OrderedDict(b=2, a=1)
print(a == b, a == dict(b), dict(a) == b, a != b, list(a.items()) == list(b.items()))
print(sorted(a.keys()), tuple(a.values()), dict(a.items()))
print(OrderedDict().keys(), OrderedDict().items())
for key, value in a.items():
    print(key, value)
