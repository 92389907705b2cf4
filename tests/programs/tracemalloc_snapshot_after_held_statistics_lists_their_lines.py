# Snapshot methods are Python code in CPython (Lib/tracemalloc.py): the
# objects they make are traced at tracemalloc.py lines (kept ones in
# current, transient ones in the peak) and appear in later snapshots.
import tracemalloc
tracemalloc.start()
def f():
    s1 = tracemalloc.take_snapshot()
    st = s1.statistics('lineno')
    s2 = tracemalloc.take_snapshot()
    for t in s2.statistics('lineno'):
        print(str(t).split("/")[-1])
    print(tracemalloc.get_traced_memory())
f()
