# getrefcount of fresh lists, dicts, tuples and instances bound to one name (the argument adds 1)
import sys


class Box:
    pass


items = [1, 2, 3]
print('list bound once:', sys.getrefcount(items))
table = {'a': 1}
print('dict bound once:', sys.getrefcount(table))
pair = (items, table)
print('runtime tuple bound once:', sys.getrefcount(pair))
box = Box()
print('instance bound once:', sys.getrefcount(box))
print('unbound display:', sys.getrefcount([4, 5]))
print('unbound dict display:', sys.getrefcount({'k': [1]}))
print('unbound instance:', sys.getrefcount(Box()))
print('list after tuple creation:', sys.getrefcount(items))
del pair
print('list after del pair:', sys.getrefcount(items))
print('dict after del pair:', sys.getrefcount(table))
