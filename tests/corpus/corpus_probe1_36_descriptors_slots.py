class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.public = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.public} must be positive, got {value}")
        setattr(obj, self.name, value)

class Box:
    width = Positive()
    height = Positive()
    def __init__(self, w, h):
        self.width = w
        self.height = h
    def area(self):
        return self.width * self.height

b = Box(3, 4)
print(b.area(), b.__dict__, type(Box.width).__name__, Box.width.public)
try:
    b.height = -1
except ValueError as e:
    print(e)

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Regular:
    def __init__(self, x, y):
        self.x, self.y = x, y
s, r = Slotted(1, 2), Regular(1, 2)
print(hasattr(s, "__dict__"), hasattr(r, "__dict__"), s.x + s.y)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
r.z = 3
print(vars(r))
try:
    print(Slotted.__new__(Slotted).x)
except AttributeError as e:
    print("AttributeError:", e)

class Dyn:
    def __init__(self):
        self._data = {"a": 1}
    def __getattr__(self, name):
        if name in self._data:
            return self._data[name]
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
    def __setattr__(self, name, value):
        if not name.startswith("_"):
            print(f"setting {name}={value!r}")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("deleting", name)
        super().__delattr__(name)
d = Dyn()
print(d.a)
d.b = 2
print(d.b, getattr(d, "zz", "default"), hasattr(d, "a"), hasattr(d, "q"))
del d.b
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)

class Lazy:
    def __init__(self):
        self.calls = 0
    @property
    def expensive(self):
        self.calls += 1
        return sum(range(1000))
from functools import cached_property
class Lazy2:
    def __init__(self):
        self.calls = 0
    @cached_property
    def expensive(self):
        self.calls += 1
        return sum(range(1000))
l1, l2 = Lazy(), Lazy2()
for _ in range(3):
    l1.expensive, l2.expensive
print(l1.calls, l2.calls, "expensive" in vars(l2))

class Meta(type):
    registry = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry.append(name)
        return cls
class Plugin(metaclass=Meta): pass
class A(Plugin): pass
class B(Plugin): pass
print(Meta.registry, type(A).__name__, isinstance(A, Meta))
class Base:
    subclasses = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)
class X(Base, tag="x"): pass
class Y(Base): pass
print(Base.subclasses, X.tag, Y.tag)
print(getattr(b, "width"), setattr(b, "width", 10), b.area(), delattr(r, "z"), vars(r))
