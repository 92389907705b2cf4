# tracemalloc.get_traced_memory() around statements: the bytes CPython's allocator holds
import tracemalloc

tracemalloc.start()


def grew(make):
    before = tracemalloc.get_traced_memory()[0]
    keep = make()
    return tracemalloc.get_traced_memory()[0] - before


def loop(items):
    out = []
    for x in items:
        out.append(x * 2)
    return out


words = ["alpha", "beta", "gamma", "delta"] * 25
print("list(map(...)) of 3:", grew(lambda: list(map(abs, [1, 2, 3]))))
print("loop of 3:", grew(lambda: loop([1, 2, 3])))
print("[x*x for x in range(1000)]:", grew(lambda: [x * x for x in range(1000)]))
print("(x*x for x in range(1000)):", grew(lambda: (x * x for x in range(1000))))
print("join:", grew(lambda: "".join(words)))
print("concatenation:", grew(lambda: words[0] + words[1] + words[2] + words[3]))
print("dict of 100:", grew(lambda: {i: i for i in range(100)}))
print("set of 100:", grew(lambda: set(range(100))))
print("str(i) for 500:", grew(lambda: [str(i) for i in range(500)]))
print("tuple of 30:", grew(lambda: tuple(range(30))))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print("one Point:", grew(lambda: Point(1, 2)))
print("100 Points:", grew(lambda: [Point(i, i) for i in range(100)]))

cache = {}
before = tracemalloc.get_traced_memory()[0]
for i in range(1000):
    cache[i] = [i] * 3
print("cache of 1000 lists:", tracemalloc.get_traced_memory()[0] - before)
cache.clear()
tracemalloc.reset_peak()
big = [0] * 10000
del big
current, peak = tracemalloc.get_traced_memory()
print("peak above current:", peak - current)
tracemalloc.stop()
