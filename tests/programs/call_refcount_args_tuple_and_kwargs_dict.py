# objects passed through *args and **kwargs are held by the packed tuple and dict
import sys

obj = [1]
print('global only:', sys.getrefcount(obj))


def star(*args):
    return sys.getrefcount(obj), sys.getrefcount(args)


def kw(**kwargs):
    return sys.getrefcount(obj), sys.getrefcount(kwargs)


def plain(a):
    return sys.getrefcount(obj)


print('plain positional:', plain(obj))
print('through *args:', star(obj))
print('twice through *args:', star(obj, obj))
print('through **kwargs:', kw(a=obj))
pack = (obj,)
print('from an existing tuple:', star(*pack))
print('from an existing list:', star(*[obj]))
d = {'a': obj}
print('from an existing dict:', kw(**d))


def keep(*args):
    return args


t = keep(obj, obj)
print('returned args tuple keeps two:', sys.getrefcount(obj), sys.getrefcount(t))
del t, pack, d
print('end:', sys.getrefcount(obj))
