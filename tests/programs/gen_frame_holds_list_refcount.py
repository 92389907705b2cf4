# a suspended generator's frame holds its arguments and locals
import sys


def walk(items):
    total = []
    for x in items:
        total.append(x)
        yield x
    yield len(total)


data = [1, 2, 3]
print('before creating:', sys.getrefcount(data))
g = walk(data)
print('created (argument in frame):', sys.getrefcount(data))
print(next(g))
print('started (frame + list iterator):', sys.getrefcount(data))
print(next(g), next(g))
print('suspended at last item:', sys.getrefcount(data))
print(next(g))
print('loop finished, frame still alive:', sys.getrefcount(data))
print(next(g, 'end'))
print('exhausted:', sys.getrefcount(data))
g2 = walk(data)
next(g2)
del g2
print('suspended generator deleted:', sys.getrefcount(data))
print('generator refcount:', sys.getrefcount(g))
del g
print('after del:', sys.getrefcount(data))
