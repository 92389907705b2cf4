# instances keep attributes inline in 3.11: a cycle of two instances is two objects
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

gc.collect()
a = Node('a')
b = Node('b')
a.other = b
b.other = a
del a, b
print('two instances', gc.collect())
c = Node('c')
c.other = c
c.__dict__
del c
print('instance with materialised __dict__', gc.collect())
