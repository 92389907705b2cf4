# __del__ of objects in a cycle runs during gc.collect(), in list order
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)

gc.collect()
a = Node('a')
b = Node('b')
c = Node('c')
a.next = b
b.next = c
c.next = a
del a, b, c
print('collecting')
print('collected', gc.collect())
print('done')
