# WeakValueDictionary: entries vanish when their values die
import gc
import sys
import weakref

class Item:
    def __init__(self, n):
        self.n = n

cache = weakref.WeakValueDictionary()
a = Item(1)
b = Item(2)
cache['a'] = a
cache['b'] = b
print(len(cache), sorted(cache.keys()), cache['a'].n)
print('refcount not raised:', sys.getrefcount(a))
print('b' in cache, 'z' in cache, cache.get('z', 'default'))
del b
print('after del b:', len(cache), list(cache.keys()))
c = Item(3)
c.me = c
cache['c'] = c
del c
print('value in a cycle still there:', len(cache))
print('collected (item + its KeyedRef):', gc.collect())
print('after collection:', len(cache), list(cache.keys()))
try:
    cache['b']
except KeyError as e:
    print('KeyError', e)
