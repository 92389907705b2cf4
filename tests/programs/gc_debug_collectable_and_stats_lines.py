# DEBUG_STATS and DEBUG_COLLECTABLE print to stderr; the count is what matters
import gc
import sys

gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)
a = []
a.append(a)
del a
print('collected', gc.collect())
gc.set_debug(gc.DEBUG_STATS)
print('collected', gc.collect())
gc.set_debug(0)
print('debug off', gc.get_debug())
raise ValueError('done')
