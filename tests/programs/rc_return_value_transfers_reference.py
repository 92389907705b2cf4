# a returned object keeps exactly the references its new owners take
import sys


def make():
    fresh = [1, 2, 3]
    return fresh


def make_pair():
    return {'left': [1], 'right': [2]}


def passthrough(x):
    y = x
    return y


a = make()
print('returned local bound to a:', sys.getrefcount(a))
print('returned and not bound:', sys.getrefcount(make()))
p = make_pair()
print('returned dict:', sys.getrefcount(p), sys.getrefcount(p['left']))
b = passthrough(a)
print('passthrough bound to b:', sys.getrefcount(a))
c = passthrough(passthrough(a))
print('double passthrough bound to c:', sys.getrefcount(a))
del b, c
print('after del b, c:', sys.getrefcount(a))
holder = [make(), make()]
print('returned into a list:', sys.getrefcount(holder[0]))
