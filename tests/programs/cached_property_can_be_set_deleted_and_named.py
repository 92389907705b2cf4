from functools import cached_property
class C:
    @cached_property
    def area(self):
        print("computing")
        return 42
c = C()
print(c.area, c.area, "area" in c.__dict__, vars(c))
c.area = 7
print(c.area)
del c.area
print(c.area)
print(type(C.__dict__["area"]).__name__)
import functools
class D:
    def compute(self):
        return 5
    value = functools.cached_property(compute)
d = D()
print(d.value, vars(d), type(D.value).__name__, D.value.func is D.compute)
class Slots:
    __slots__ = ("x",)
    @functools.cached_property
    def y(self): return 1
try:
    Slots().y
except TypeError as e:
    print(e)
late = functools.cached_property(lambda self: 1)
D.late = late
try:
    d.late
except TypeError as e:
    print(e)
try:
    class Two:
        a = b = functools.cached_property(lambda self: 2)
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e)
