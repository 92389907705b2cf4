# in a collection, weakrefs to garbage are cleared and their callbacks run
# before any __del__; a weakref that is itself garbage never calls back
import gc
import weakref

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)

def callback(ref):
    print('callback', ref in refs, ref() is None)

gc.collect()
a = Node('a')
b = Node('b')
a.peer = b
b.peer = a
refs = [weakref.ref(a, callback), weakref.ref(b, callback)]
a.inner = weakref.ref(b, callback)   # garbage itself: its callback is not called
del a, b
print('collecting')
n = gc.collect()
print('collected', n)
print('refs dead:', [r() for r in refs])
