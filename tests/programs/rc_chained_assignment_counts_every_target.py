# a = b = c = obj stores one reference per target (names, attributes, subscripts)
import sys


class Holder:
    pass


a = b = c = [1, 2]
print('three names:', sys.getrefcount(a))
h = Holder()
slots = [None, None]
store = {}
h.x = slots[0] = store['k'] = d = {'v': 1}
print('attribute, slot, key, name:', sys.getrefcount(d))
print('same object everywhere:', h.x is slots[0], slots[0] is store['k'])
del b
print('after del b:', sys.getrefcount(a))
c = None
print('after c = None:', sys.getrefcount(a))
del h.x
slots[0] = None
print('after del attribute and slot reset:', sys.getrefcount(d))
store.clear()
print('after store.clear():', sys.getrefcount(d))
