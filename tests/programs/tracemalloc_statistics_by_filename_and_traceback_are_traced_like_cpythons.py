# Snapshot methods are Python code in CPython (Lib/tracemalloc.py): the
# objects they make are traced at tracemalloc.py lines (kept ones in
# current, transient ones in the peak) and appear in later snapshots.
import tracemalloc
tracemalloc.start()
def f():
    x = [str(i) for i in range(100)]
    s = tracemalloc.take_snapshot()
    st = s.statistics('filename')
    print(len(st), tracemalloc.get_traced_memory())
    st2 = s.statistics('traceback')
    print(len(st2), tracemalloc.get_traced_memory())
    del st, st2
    print(tracemalloc.get_traced_memory())
f()
