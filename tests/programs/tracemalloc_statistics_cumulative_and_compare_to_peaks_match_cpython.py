# Snapshot methods are Python code in CPython (Lib/tracemalloc.py): the
# objects they make are traced at tracemalloc.py lines (kept ones in
# current, transient ones in the peak) and appear in later snapshots.
import tracemalloc
tracemalloc.start()
def f():
    s = tracemalloc.take_snapshot()
    s.statistics('lineno')
    print(tracemalloc.get_traced_memory())
    s.statistics('lineno', cumulative=True)
    print(tracemalloc.get_traced_memory())
    s.compare_to(s, 'filename')
    print(tracemalloc.get_traced_memory())
f()
