# a list that contains itself survives `del` and is found by the collector
import gc
import sys

gc.collect()
a = []
a.append(a)
print('refcount with self reference', sys.getrefcount(a))
print('tracked', gc.is_tracked(a))
del a
print('collected', gc.collect())
print('nothing left', gc.collect())
