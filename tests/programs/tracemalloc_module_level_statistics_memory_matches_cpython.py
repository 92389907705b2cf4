# Snapshot methods are Python code in CPython (Lib/tracemalloc.py): the
# objects they make are traced at tracemalloc.py lines (kept ones in
# current, transient ones in the peak) and appear in later snapshots.
import tracemalloc
tracemalloc.start()
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics('lineno')
print(tracemalloc.get_traced_memory())
for stat in top[:5]:
    print(str(stat).split("/")[-1])
