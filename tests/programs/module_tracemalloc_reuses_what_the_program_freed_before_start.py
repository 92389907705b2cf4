# Lists, tuples and dicts the program freed before tracemalloc.start() wait
# on CPython's free lists (80 lists, 80 dicts, 2,000 tuples of each length
# below 20): new ones reuse those blocks, which are not traced, so only
# their items are counted.  A full collection empties the lists.
import gc
import tracemalloc

data = [[i] for i in range(100)]
pairs = [(i, i) for i in range(50)]
tables = [{"k": i} for i in range(30)]
del data, pairs, tables
tracemalloc.start()
sizes = []
x = [[i] for i in range(20)]
sizes.append(tracemalloc.get_traced_memory())
y = [(i, -i) for i in range(30)]
sizes.append(tracemalloc.get_traced_memory())
z = [{"v": i} for i in range(10)]
sizes.append(tracemalloc.get_traced_memory())
del x, y, z
gc.collect()
sizes.append(tracemalloc.get_traced_memory())
w = [[i] for i in range(20)]
sizes.append(tracemalloc.get_traced_memory())
tracemalloc.stop()
for s in sizes:
    print(s)
