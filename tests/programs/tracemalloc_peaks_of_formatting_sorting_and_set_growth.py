# tracemalloc's peak sees the buffers CPython works in: the writer of
# str % args and str.format (at least its format's length + 100
# characters), the scratch int of a decimal conversion, the keys of a
# sort with key= (128 items or more), and a set's old and new tables
# while it grows.
import tracemalloc

tracemalloc.start()
x = None
for fmt, args in (("%s-%d", ("abc", 42)), ("%s", ("abc",)), ("%d", (4200,)), ("a%sb", ("x",)),
                  ("%5s|%-4d|%.2f", ("ab", 7, 3.14159)), ("%s %s %s", (1, 2.5, [1])), ("%r", ("é",)),
                  ("%s" * 30, tuple(range(30)))):
    tracemalloc.reset_peak()
    a = tracemalloc.get_traced_memory()[0]
    x = fmt % args
    cur, peak = tracemalloc.get_traced_memory()
    print(repr(fmt)[:20], 'now', cur - a, 'peak', peak - a)
    x = None

for fmt, args in (("{}-{}", ("abc", 42)), ("{}", ("abc",)), ("{}", (4200,)), ("a{}b", ("x",)), ("{} and {}", ("é", 7))):
    tracemalloc.reset_peak()
    a = tracemalloc.get_traced_memory()[0]
    x = fmt.format(*args)
    cur, peak = tracemalloc.get_traced_memory()
    print(repr(fmt), 'now', cur - a, 'peak', peak - a)
    x = None

for n in (100, 127, 128, 500):
    data = list(range(n))
    tracemalloc.reset_peak()
    a = tracemalloc.get_traced_memory()[0]
    out = sorted(data, key=lambda v: -v)
    cur, peak = tracemalloc.get_traced_memory()
    print('sorted with a key,', n, 'items: now', cur - a, 'peak', peak - a)
    del out, data

for n in (5, 50, 100, 1000):
    tracemalloc.reset_peak()
    a = tracemalloc.get_traced_memory()[0]
    st = set(range(n))
    cur, peak = tracemalloc.get_traced_memory()
    print('set of', n, 'now', cur - a, 'peak', peak - a)
    del st
tracemalloc.stop()
