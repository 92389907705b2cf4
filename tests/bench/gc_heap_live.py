# Collector bench, live heap: 10^6 tracked objects (empty lists) that all
# survive.  gc_collect.py (CPython) and bench_gc.c (gcscope) time one full
# gc.collect() at the line `ready = True`, with nothing else running.
import gc
gc.disable()
heap = [[] for _ in range(10**6)]
ready = True
