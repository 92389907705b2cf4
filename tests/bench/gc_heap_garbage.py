# Collector bench, garbage: 5 x 10^5 two-list cycles (10^6 tracked objects)
# that are all unreachable.  gc_collect.py (CPython) and bench_gc.c
# (gcscope) time one full gc.collect() at the line `ready = True`.
import gc
gc.disable()
for i in range(500000):
    a = []
    b = [a]
    a.append(b)
a = b = None
ready = True
