# objects with __del__ are collectable since PEP 442: nothing is uncollectable
import gc

class WithDel:
    def __del__(self):
        pass

gc.collect()
before = gc.get_stats()[2]['uncollectable']
w = WithDel()
w.me = w
del w
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
n = gc.collect()
gc.set_debug(0)
print('collected', n)
print('uncollectable', gc.get_stats()[2]['uncollectable'] - before)
print('gc.garbage', gc.garbage)
