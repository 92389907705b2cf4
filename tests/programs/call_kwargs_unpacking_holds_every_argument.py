# f(*a, **d) builds a fresh kwargs dict (DICT_MERGE); calling with it unpacks
# the dict into a new argument array that holds every argument for the call
import sys

obj = [1]
d = {'a': obj}


def f(x, **kw):
    return sys.getrefcount(obj), sys.getrefcount(x)


def g(*args, **kw):
    return sys.getrefcount(obj)


def h(a):
    return sys.getrefcount(obj)


print(f(obj, **d), f(obj, b=1, **d))
print(g(obj, obj, **d), g(*[obj], **d), g(**d), g(*(obj,)))
print(h(**d), h(*[obj]), h(obj))


class C:
    def __init__(self, a=None, **kw):
        print('init', sys.getrefcount(obj))

    def m(self, a, **kw):
        return sys.getrefcount(obj), a is obj


c = C(**d)
c = C(obj, **{'b': 2})
print(c.m(**d), c.m(obj, **{'z': 1}), C.m(c, **d), c.m(*[obj]))
print(sys.getrefcount(obj))
