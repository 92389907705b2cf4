# dataclass(slots=True) makes a new class (CPython's _add_slots): __slots__
# are the fields' names, the instances have no __dict__ and are smaller,
# the fields' defaults are no longer class attributes, and the generated
# methods work on the new class.
import sys
import weakref
from dataclasses import dataclass, field, fields, asdict


@dataclass(slots=True)
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point.__slots__, hasattr(p, "__dict__"), sys.getsizeof(p))
print(p == Point(1, 2), Point(3), Point.__dict__.get("y") == 0, Point.__qualname__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x, [f.name for f in fields(p)], asdict(p))


@dataclass
class Plain:
    x: int
    y: int = 0


print(sys.getsizeof(Plain(1, 2)), sys.getsizeof(p))


@dataclass(slots=True, frozen=True, order=True)
class Frozen:
    a: int
    b: str = "b"


f = Frozen(1)
print(f, f < Frozen(2), hash(f) == hash(Frozen(1)), f.__getstate__())
try:
    f.a = 5
except Exception as e:
    print(type(e).__name__, e)
g = Frozen(0)
g.__setstate__([7, "z"])
print(g)


@dataclass(slots=True, weakref_slot=True)
class Weak:
    v: int


w = Weak(5)
r = weakref.ref(w)
print(Weak.__slots__, r() is w)


class Base:
    __slots__ = ("x",)


@dataclass(slots=True)
class Child(Base):
    x: int
    y: int


print(Child.__slots__, Child(1, 2))


@dataclass(slots=True)
class WithFactory:
    items: list = field(default_factory=list)


a, b = WithFactory(), WithFactory()
a.items.append(1)
print(a, b)
try:
    @dataclass(slots=True)
    class Already:
        __slots__ = ("q",)
        q: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass(weakref_slot=True)
    class NoSlots:
        q: int
except TypeError as e:
    print("TypeError:", e)
