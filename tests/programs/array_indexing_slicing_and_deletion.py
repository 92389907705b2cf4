# Indexes (negative too), slices with steps, slice assignment of arrays,
# deletion of items and slices, and the errors of each.
import array
import sys

A = array.array
a = A('i', range(10))
print(a[0], a[-1], a[3:7], a[::2], a[::-1], a[8:100], a[5:2])


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


show(lambda: a[10])
show(lambda: a[-11])
show(lambda: a['x'])
show(lambda: a[1.0])
show(lambda: a[2**70])
a[0] = 100
a[-1] = -9
print(a)
a[1:3] = A('i', [7, 7, 7, 7])
print(a, len(a), sys.getsizeof(a))
a[::3] = A('i', [0, 0, 0, 0])
print(a)
del a[0]
del a[-2:]
print(a, sys.getsizeof(a))
del a[::2]
print(a, sys.getsizeof(a))
a[2:2] = a
print(a)


def setit(i, v):
    a[i] = v


def delit(i):
    del a[i]


show(lambda: setit(100, 1))
show(lambda: setit(0, 'x'))
show(lambda: setit(slice(0, 2), [1]))
show(lambda: setit(slice(0, 2), A('d', [1])))
show(lambda: setit(slice(0, 4, 2), A('i', [1])))
show(lambda: setit('x', 1))
show(lambda: delit(100))
show(lambda: delit('x'))
b = A('h', range(8))
b[::2] = A('h')
print(b)
