# An OrderedDict takes attributes (a real __dict__ on first use), can be
# subclassed, and a subclass instance that holds itself is collected.
import sys, gc
from collections import OrderedDict
od = OrderedDict(a=1)
od.x = [1]
print(od.x, od.__dict__, od, sys.getrefcount(od.x))
class Sub(OrderedDict):
    pass
s = Sub(b=2)
s.y = 3
print(s, s.y, type(s), sys.getsizeof(s) > 0)
s['s'] = s
del s
print(gc.collect())
