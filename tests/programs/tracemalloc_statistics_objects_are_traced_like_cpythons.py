# Snapshot methods are Python code in CPython (Lib/tracemalloc.py): the
# objects they make are traced at tracemalloc.py lines (kept ones in
# current, transient ones in the peak) and appear in later snapshots.
import tracemalloc
tracemalloc.start()
def f():
    s = tracemalloc.take_snapshot()
    print(tracemalloc.get_traced_memory())
    st = s.statistics('lineno')
    print(tracemalloc.get_traced_memory())
    del st
    print(tracemalloc.get_traced_memory())
    del s
    print(tracemalloc.get_traced_memory())
f()
