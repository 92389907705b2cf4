# functools.partialmethod and functools.singledispatchmethod: the method
# versions of partial and singledispatch.
import functools
import gc
import sys
from functools import partialmethod, singledispatchmethod


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state, *, note=""):
        self.alive = state
        return f"{state}{note}"

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="!")

    @classmethod
    def make(cls, *args, **kw):
        return cls.__name__, args, kw

    make_two = partialmethod(make, 1, 2)

    @staticmethod
    def static(a, b):
        return a - b

    minus_ten = partialmethod(static, 10)
    plain = partialmethod(isinstance, object)


c = Cell()
print(c.set_alive(), c.alive, c.set_dead(), c.alive, c.set_dead(note="?"))
print(Cell.make_two(3), c.make_two(x=1), c.minus_ten(4), Cell.minus_ten(1))
print(c.plain())
bound = c.set_alive
print(type(bound).__name__, bound.func.__name__, bound.args, bound.keywords, bound.__self__ is c)
print(type(c.make_two).__name__, c.make_two.__self__ is Cell, type(c.minus_ten).__name__)
unbound = Cell.set_alive
print(type(unbound).__name__, unbound.__name__, unbound.__qualname__, unbound.__module__)
print(unbound(c), unbound._partialmethod is Cell.__dict__["set_alive"], unbound.__isabstractmethod__)
print(sys.getsizeof(unbound), gc.is_tracked(unbound), type(c.plain).__name__)

pm = Cell.__dict__["set_dead"]
print(type(pm), pm.func is Cell.__dict__["set_state"], pm.args, pm.keywords, pm.__isabstractmethod__)
print(repr(partialmethod(len, 1, 2, key=3)).startswith("functools.partialmethod(<built-in function len>, 1, 2, key=3)"))
print(repr(partialmethod(len)))
nested = partialmethod(pm, note="#")
print(nested.func is pm.func, nested.args, nested.keywords)
print(vars(pm).keys(), sys.getrefcount(pm))
held = Cell.set_dead
print(sys.getrefcount(pm))
del held
print(sys.getrefcount(pm))
print(partialmethod[int])


class Sub(partialmethod):
    pass


print(repr(Sub(len)), type(Sub(len)).__mro__)


class Shape:
    @singledispatchmethod
    def area(self, arg):
        raise NotImplementedError(f"cannot size {type(arg).__name__}")

    @area.register
    def _(self, arg: int):
        return f"square {arg * arg}"

    @area.register(float)
    def _(self, arg):
        return f"circle {3.14159 * arg * arg:.2f}"

    @area.register(list)
    @area.register(tuple)
    def _(self, arg):
        return f"polygon {len(arg)}"

    @singledispatchmethod
    @classmethod
    def parse(cls, value):
        return f"{cls.__name__}: raw {value!r}"

    @parse.register
    @classmethod
    def _(cls, value: str):
        return f"{cls.__name__}: text {value}"


s = Shape()
print(s.area(3), s.area(1.5), s.area([1, 2, 3]), s.area((1,)), s.area(True))
try:
    s.area("x")
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Shape.parse(5), Shape.parse("five"), s.parse(b"b"))
m = s.area
print(type(m).__name__, m.__name__, m.__qualname__, m.__wrapped__ is Shape.__dict__["area"].func)
sdm = Shape.__dict__["area"]
print(type(sdm), sdm.func.__name__, sdm.dispatcher.registry.keys() >= {object, int, float, list, tuple},
      sdm.__isabstractmethod__, m.__isabstractmethod__)
print(sdm.dispatcher.dispatch(bool) is sdm.dispatcher.registry[int], sorted(vars(sdm)))
try:
    Shape.area(s, 2)  # through the class: dispatched on s
except NotImplementedError as e:
    print("via the class:", e)
try:
    m()
except IndexError as e:
    print("IndexError:", e)

# wrong arguments
for bad in (lambda: partialmethod(), lambda: partialmethod(5), lambda: partialmethod(func=len),
            lambda: Cell.set_alive(), lambda: singledispatchmethod(), lambda: singledispatchmethod(5),
            lambda: singledispatchmethod(len, len), lambda: sdm.register(), lambda: sdm.register(3, len),
            lambda: partialmethod.__get__(pm)):
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
