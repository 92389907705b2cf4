# staticmethod(f) and classmethod(f) copy f's __module__, __name__,
# __qualname__, __doc__ and __annotations__ into their own __dict__
# (functools_wraps): the annotations dict is f's own, made on first ask
import sys

def f(x):
    "doc of f"
    return x

a = f.__annotations__
print(a, a is f.__annotations__, sys.getrefcount(a))
s = staticmethod(f)
c = classmethod(f)
print(s.__dict__['__annotations__'] is a, c.__dict__['__annotations__'] is a)
print(sys.getrefcount(a))
print(s.__name__, s.__qualname__, s.__doc__, s.__wrapped__ is f, c.__func__ is f)
print(sorted(s.__dict__))
del s, c
print(sys.getrefcount(a))

def g(): pass
class K:
    sg = staticmethod(g)
    @classmethod
    def h(cls):
        return cls.__name__
print(K.h(), K.sg() is None, K.__dict__['sg'].__annotations__ is g.__annotations__)
