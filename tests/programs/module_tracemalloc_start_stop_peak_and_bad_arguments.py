# tracemalloc switched on and off, its totals, and CPython's errors for calls in the wrong state
import tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (0, -1):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    tracemalloc.start("x")
except TypeError as e:
    print("TypeError:", e)
tracemalloc.start()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
def measure(make):
    before = tracemalloc.get_traced_memory()[0]
    obj = make()
    after = tracemalloc.get_traced_memory()[0]
    return after - before
print("list comp 1000:", measure(lambda: [i for i in range(1000)]))
print("list comp None:", measure(lambda: [None for i in range(1000)]))
print("generator:", measure(lambda: (i for i in range(1000))))
print("list(range):", measure(lambda: list(range(1000))))
print("dict:", measure(lambda: {}))
print("tuple:", measure(lambda: tuple(range(30))))
tracemalloc.reset_peak()
x = [None] * 10000
del x
cur, peak = tracemalloc.get_traced_memory()
print(peak - cur >= 80000)
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
