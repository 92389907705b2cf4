# in 3.11 a comprehension is a function called with iter(source): refcounts seen inside it
import sys

data = [1, 2, 3]
print('outside:', sys.getrefcount(data))
print('inside list comp:', [sys.getrefcount(data) for _ in range(1)])
print('iterating data itself:', [sys.getrefcount(data) for _ in data][0])
print('inside dict comp:', {k: sys.getrefcount(data) for k in range(1)})
print('inside genexp:', list(sys.getrefcount(data) for _ in data)[0])
g = (sys.getrefcount(data) for _ in data)
print('genexp created:', sys.getrefcount(data))
print('genexp first value:', next(g))
del g
print('after del genexp:', sys.getrefcount(data))
rows = [[0], [1]]
print('items seen:', [sys.getrefcount(r) for r in rows])
print('after:', sys.getrefcount(rows), sys.getrefcount(rows[0]))


def f():
    local = [9]
    return [sys.getrefcount(local) for _ in range(1)]


print('closure cell in function:', f())
