# move_unreachable rescues objects in the order it reaches them: a chain made
# tail first leaves a collection head first, which a later pass's finalizers show
import gc

class Link:
    def __init__(self, name, nxt):
        self.name = name
        self.next = nxt
    def __del__(self):
        print('__del__', self.name)

gc.collect()
c = Link('c', None)
b = Link('b', c)
a = Link('a', b)
del b, c
gc.collect(0)          # young order was c, b, a; it is a, b, c afterwards
a.next.next.next = a   # close the ring
del a
print('collected', gc.collect())
