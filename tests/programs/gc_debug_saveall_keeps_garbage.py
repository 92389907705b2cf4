# DEBUG_SAVEALL: the collector saves what it found in gc.garbage instead of freeing it
import gc

class Node:
    pass

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print('flags', gc.get_debug(), gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
n = Node()
n.items = [n]
del n
print('found', gc.collect())
print('saved', len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
node = [o for o in gc.garbage if type(o) is Node][0] if False else None
for o in gc.garbage:
    if type(o) is Node:
        node = o
print('saved objects are alive:', node.items[0] is node)
gc.set_debug(0)
node = None
gc.garbage.clear()
print('after clearing gc.garbage:', gc.collect())
