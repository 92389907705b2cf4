# What tracemalloc counts for a range (its length is an int object, made
# from temporaries), a slice (a list from the free list, its items array),
# sorted() and list() copies, and floats (the float free list, as the
# program left it before start()).
import tracemalloc

nums = list(range(1000))
halves = [i * 0.5 for i in range(100)]
tracemalloc.start()
res = []
def m(label):
    c, p = tracemalloc.get_traced_memory()
    res.append((label, c, p))
    tracemalloc.reset_peak()
m("start")
m("nothing")
r = range(10**4)
m("range 10**4")
it = iter(r)
x = next(it)
m("iterating")
r2 = range(100)
m("range 100")
r3 = range(3, 10**4, 2)
m("range 3 args")
r4 = range(10**4, 0, -3)
m("range backwards")
del r, r2, r3, r4, it
m("ranges freed")
c = nums[:3]
m("slice of 3")
d = nums[:50]
m("slice of 50")
s = sorted(d)
m("sorted")
s = list(d)
m("list()")
s = d.copy()
m("copy()")
f = sum(halves)
m("sum of floats")
g = [v * 2 for v in halves[:10]]
m("floats doubled")
del g
m("freed")
g = [v + 1 for v in halves[:10]]
m("floats reused")
tracemalloc.stop()
for row in res:
    print(*row)
