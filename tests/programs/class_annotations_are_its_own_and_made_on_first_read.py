# CPython 3.11's type.__annotations__: a class's own annotations, never a
# base's; a class without any gets an empty dict on first read, which it
# keeps in its __dict__ (functools.wraps of a class reads it too).
import functools
import gc


class A:
    pass


print('__annotations__' in A.__dict__)
print(A.__annotations__, list(A.__dict__))
print(A.__annotations__ is A.__annotations__)


class B:
    x: int
    y: str = 'y'


class C(B):
    pass


print(C.__annotations__, B.__annotations__, list(C.__dict__))


@functools.wraps(B)
def wrapper():
    pass


print(sorted(wrapper.__dict__), wrapper.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print(e)
A.__annotations__ = {'z': float}
print(A.__annotations__, A.__dict__['__annotations__'])
del A.__annotations__
print('__annotations__' in A.__dict__, A.__annotations__)
gc.disable()
gc.collect()


class D:
    pass


D.__annotations__
del D
print(gc.collect())
