# keyword arguments end up in the callee's parameters exactly like positional ones
import sys


def show(first, second=None):
    print('first:', sys.getrefcount(first))
    if second is not None:
        print('second:', sys.getrefcount(second))


a = [1]
b = {'b': 2}
show(first=a)
show(a, second=b)
show(second=b, first=a)
show(second=a, first=a)
show(first=[9], second={'z': 0})
print('after calls:', sys.getrefcount(a), sys.getrefcount(b))
