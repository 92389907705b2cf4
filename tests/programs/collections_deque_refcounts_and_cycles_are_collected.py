# A deque holds one reference per item; a deque that contains itself, or a
# node whose deque points back at it, is a cycle the collector frees.
import sys, gc
from collections import deque

class Node:
    def __init__(self, name):
        self.name = name
        self.queue = deque()

item = [1, 2]
print(sys.getrefcount(item))
d = deque([item, item])
print(sys.getrefcount(item))
d.append(item)
print(sys.getrefcount(item))
d.popleft()
print(sys.getrefcount(item))
d.rotate(1)
print(sys.getrefcount(item))
x = d.pop()
print(sys.getrefcount(item))
del x
d.clear()
print(sys.getrefcount(item), len(d))
print(sys.getrefcount(d))
it = iter(d)
print(sys.getrefcount(d))
del it
print(sys.getrefcount(d))
print(gc.is_tracked(d), gc.is_tracked(deque()))

gc.collect()
a = Node('a')
b = Node('b')
a.queue.append(b)
b.queue.append(a)
del a, b
print(gc.collect())

s = deque()
s.append(s)
print(s)
del s
print(gc.collect())

m = deque(maxlen=2)
big = object()
m.append(big); m.append(big); m.append(big)
print(sys.getrefcount(big), len(m))
m.extendleft([1])
print(sys.getrefcount(big))
