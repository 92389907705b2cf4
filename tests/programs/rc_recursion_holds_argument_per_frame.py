# each recursive frame holds its own reference to the argument
import sys


def descend(obj, depth):
    print('depth', depth, sys.getrefcount(obj))
    if depth < 4:
        descend(obj, depth + 1)
    print('unwinding', depth, sys.getrefcount(obj))


def count_down(items, n):
    if n == 0:
        return sys.getrefcount(items)
    return count_down(items, n - 1)


target = [1, 2, 3]
descend(target, 0)
print('after recursion:', sys.getrefcount(target))
print('count_down 0:', count_down(target, 0))
print('count_down 10:', count_down(target, 10))
print('count_down 50:', count_down(target, 50))
print('end:', sys.getrefcount(target))
