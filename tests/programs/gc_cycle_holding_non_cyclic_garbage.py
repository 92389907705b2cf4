# a cycle holding other objects: only the tracked members of the set are counted
import gc

class Box:
    pass

gc.collect()
b = Box()
b.me = b
b.items = [1, 2, 3]
b.table = {'k': 'v'}
b.empty = {}
b.pair = (1, 2)
b.text = 'hello'
del b
# the Box, the list, and the tuple (still tracked: no collection has seen it);
# the dicts hold only atomic values and were never tracked
print('collected', gc.collect())
