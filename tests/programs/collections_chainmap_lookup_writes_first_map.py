# ChainMap: lookups through the maps in order, writes and deletes in the
# first, new_child/parents, len/in/iteration order, repr, errors.
from collections import ChainMap

defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'admin'}
cm = ChainMap(env, defaults)
print(cm, cm['user'], cm['color'], len(cm), list(cm), 'color' in cm, 'x' in cm)
print(cm.get('x'), cm.get('x', 9), cm.get('user'))
cm['color'] = 'blue'
print(cm.maps, defaults)
child = cm.new_child()
child['user'] = 'root'
print(child, child.parents, child.parents.parents)
print(child.new_child({'z': 1}), cm.new_child(q=2))
print(sorted(cm.items()), sorted(cm.keys()), sorted(cm.values()))
for k in ChainMap({'b': 1}, {'a': 2, 'b': 3}, {'c': 4}):
    print(k)
del cm['color']
print(cm, bool(cm), bool(ChainMap()), ChainMap())
try:
    cm['zz']
except KeyError as e:
    print('KeyError', e)
try:
    del cm['color']
except KeyError as e:
    print('KeyError', e)
print(cm.pop('user'), cm.pop('user', 'none'), cm)
try:
    cm.pop('user')
except KeyError as e:
    print('KeyError', e)
c2 = cm.copy()
c2['new'] = 1
print(c2, cm, type(c2), ChainMap.__module__)
