# tuple unpacking and swapping move references around without leaving extra ones
import sys

a = [1]
b = [2]
a, b = b, a
print('after swap:', a, b, sys.getrefcount(a), sys.getrefcount(b))
t = (a, b)
x, y = t
print('unpacked from a kept tuple:', sys.getrefcount(a), sys.getrefcount(b))
del t
print('tuple deleted:', sys.getrefcount(a), sys.getrefcount(b))
p, q, r = [a, a, b]
print('unpacked from a list display:', sys.getrefcount(a), sys.getrefcount(b))
pair = [a, b]
m, n = pair
print('unpacked from a kept list:', sys.getrefcount(a), sys.getrefcount(b))
del x, y, p, q, r, m, n
print('names deleted:', sys.getrefcount(a), sys.getrefcount(b))
first, second = a, a
print('both targets the same object:', sys.getrefcount(a))
first, second = second, first
print('after swapping them:', sys.getrefcount(a))
del first, second, pair
print('end:', sys.getrefcount(a), sys.getrefcount(b))
