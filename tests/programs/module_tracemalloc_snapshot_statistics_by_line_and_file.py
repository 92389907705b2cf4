# Snapshot statistics of the program's own lines (a Filter keeps tracemalloc.py's out)
import tracemalloc

tracemalloc.start()
first = tracemalloc.take_snapshot()
squares = [x * x for x in range(1000)]
names = [str(i) for i in range(100)]
table = {}
for i in range(50):
    table[i] = [i]
second = tracemalloc.take_snapshot()
# (line 11 left out too: CPython traces the snapshot's list of traces at
# tracemalloc.py's line, gcscope at the line calling take_snapshot)
mine = [tracemalloc.Filter(True, "*snapshot_statistics_by_line_and_file.py"), tracemalloc.Filter(False, "*", 11)]
second = second.filter_traces(mine)
first = first.filter_traces(mine)
def show(x):
    return str(x).split("/")[-1]  # the file's name without its folder


for st in second.statistics("lineno"):
    print(show(st))
for st in second.statistics("filename"):
    print(st.count, st.size)
for d in second.compare_to(first, "lineno")[:3]:
    print(show(d))
top = second.statistics("traceback")[0]
print(top.count, top.size, len(top.traceback), top.traceback[0].lineno)
for line in top.traceback.format():
    print(show(line).strip())
only6 = second.filter_traces([tracemalloc.Filter(True, "*.py", 6)])
print(only6.statistics("lineno")[0].count)
not6 = second.filter_traces([tracemalloc.Filter(False, "*.py", 6)])
print([st.traceback[0].lineno for st in not6.statistics("lineno")])
for bad in ("nonsense", 5):
    try:
        second.statistics(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    second.compare_to(first, "lines")
except ValueError as e:
    print("ValueError:", e)
print(second.traceback_limit, tracemalloc.is_tracing())
tracemalloc.stop()
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
