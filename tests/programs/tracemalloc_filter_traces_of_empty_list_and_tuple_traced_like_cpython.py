# Snapshot methods are Python code in CPython (Lib/tracemalloc.py): the
# objects they make are traced at tracemalloc.py lines (kept ones in
# current, transient ones in the peak) and appear in later snapshots.
import tracemalloc
tracemalloc.start()
def f():
    x = [str(i) for i in range(100)]
    s = tracemalloc.take_snapshot()
    print(tracemalloc.get_traced_memory())
    s2 = s.filter_traces(())
    print(tracemalloc.get_traced_memory())
    s3 = s.filter_traces([])
    print(tracemalloc.get_traced_memory())
    del s2, s3
    print(tracemalloc.get_traced_memory())
f()
