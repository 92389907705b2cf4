# take_snapshot() returns a Snapshot holding a _Traces: objects
# Lib/tracemalloc.py makes at its lines 560 and 423, which CPython traces
# like any others (56 bytes each and a values array sized by the class's
# shared keys: one slot fewer for each new instance).  A second snapshot
# sees the first.
import tracemalloc

def show(x):
    return str(x).split("/")[-1]  # the file's name without its folder


tracemalloc.start()
s1 = tracemalloc.take_snapshot()
data = [str(i) * 3 for i in range(100)]
s2 = tracemalloc.take_snapshot()
for st in s2.compare_to(s1, 'lineno')[:4]:
    print(show(st))
print()
for st in s2.statistics('filename'):
    print(show(st))
tracemalloc.stop()
