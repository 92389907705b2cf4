# CPython 3.11 grows a function's local str in place for `s += t` and
# `s = s + t` once the function is quickened (its 8th call or loop round)
# and nothing else refers to the string; tracemalloc's peak shows it.
import tracemalloc
import sys

def grow(n):
    s = "ab"
    for i in range(n):
        s += "-" + str(i)
    return s

def grow_plus(n, piece):
    s = "x"
    for i in range(n):
        s = s + piece
    return s

def shared(n):
    s = "start-"
    keep = []
    for i in range(n):
        s += "z"
        keep.append(s)
    return keep

def other_target(n):
    s = "base-"
    t = ""
    for i in range(n):
        t = s + "q"
    return t

results = []
tracemalloc.start()
for n in (1, 3, 6, 7, 8, 9, 12, 30):
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    r = grow(n)
    cur, peak = tracemalloc.get_traced_memory()
    results.append(("grow", n, len(r), sys.getsizeof(r), cur - before, peak - before))
    del r
for piece in ("cd", "é", "ü", "\u20ac", "x" * 100):
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    r = grow_plus(40, piece)
    cur, peak = tracemalloc.get_traced_memory()
    results.append(("plus", ascii(piece[:3]), len(r), sys.getsizeof(r), cur - before, peak - before))
    del r
tracemalloc.reset_peak()
before = tracemalloc.get_traced_memory()[0]
k = shared(30)
cur, peak = tracemalloc.get_traced_memory()
results.append(("shared", len(k), cur - before, peak - before))
del k
tracemalloc.reset_peak()
before = tracemalloc.get_traced_memory()[0]
r = other_target(50)
cur, peak = tracemalloc.get_traced_memory()
results.append(("other", len(r), cur - before, peak - before))
del r
# at module level the name is not a fast local: a new string each time
tracemalloc.reset_peak()
before = tracemalloc.get_traced_memory()[0]
s = "q"
for i in range(60):
    s += "w"
cur, peak = tracemalloc.get_traced_memory()
results.append(("module", len(s), cur - before, peak - before))
tracemalloc.stop()
for row in results:
    print(*row)
