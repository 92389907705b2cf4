# gc.collect() counts weak references that die right after their callback
import gc
import weakref

class Node:
    pass

holder = {}

def drop(ref):
    del holder['r']

gc.collect()
n = Node()
n.me = n
holder['r'] = weakref.ref(n, drop)
del n
print('node + weakref freed after its callback:', gc.collect())
m = Node()
m.me = m
keep = weakref.ref(m, lambda ref: None)
del m
print('weakref still held: only the node:', gc.collect())
