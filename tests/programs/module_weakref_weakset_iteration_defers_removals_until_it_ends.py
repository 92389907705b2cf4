# Iterating a WeakSet registers an _IterationGuard: elements that die
# meanwhile wait in _pending_removals until the iteration ends
import gc
import weakref

class C:
    def __init__(self, n):
        self.n = n

pool = [C(i) for i in range(5)]
ws = weakref.WeakSet(pool)
it = iter(ws)
print(type(it).__name__, len(ws._iterating))
first = next(it)
print(len(ws._iterating), type(next(iter(ws._iterating))).__name__)
victims = [x for x in pool if x is not first][:2]
for v in victims:
    pool.remove(v)
del v, victims
print(len(ws), len(ws.data), len(ws._pending_removals))
rest = list(it)
print(len(rest), len(ws._iterating), len(ws), len(ws.data), len(ws._pending_removals))
del rest
# a generator dropped half way leaves the guard when it dies
it = iter(ws)
x = next(it)
doomed = [y for y in pool if y is not x][0]
pool.remove(doomed)
del doomed
print(len(ws._pending_removals), len(ws.data))
del it
print(len(ws._pending_removals), len(ws.data), len(ws._iterating))
# close() does the same
it = iter(ws)
next(it)
it.close()
print(len(ws._iterating))
# an element added while iterating is kept; ones that die go afterwards
extra = C(99)
for y in ws:
    ws.add(extra)
    break
print(len(ws), extra in ws)
# in a reference cycle the generator's finalizer runs during the collection
class Holder:
    pass
h = Holder()
h.self = h
h.it = iter(ws)
next(h.it)
print(len(ws._iterating))
del h
gc.collect()
print(len(ws._iterating))
print(len(ws), 99 in [y.n for y in ws])
