# an argument is moved into the callee's frame: a global list passed to f shows 3 inside f
import sys


def show(o):
    print('inside callee:', sys.getrefcount(o))


def show_two(a, b):
    print('two parameters, same object:', sys.getrefcount(a), sys.getrefcount(b))


g = [1, 2]
print('global before the call:', sys.getrefcount(g))
show(g)
print('global after the call:', sys.getrefcount(g))
show_two(g, g)
show([3, 4])
d = {'x': 1}
show(d)
t = (g, d)
show(t)
show(t[0])
print('after all calls:', sys.getrefcount(g), sys.getrefcount(d), sys.getrefcount(t))
