# The deprecated decorators old courses use: abc.abstractproperty,
# abc.abstractclassmethod and abc.abstractstaticmethod.
import abc
import sys


class Shape(abc.ABC):
    @abc.abstractproperty
    def sides(self):
        "how many sides"

    @abc.abstractclassmethod
    def unit(cls):
        return cls.__name__

    @abc.abstractstaticmethod
    def kind():
        return "shape"

    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"


print(sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print(e)


class Square(Shape):
    @property
    def sides(self):
        return 4

    @classmethod
    def unit(cls):
        return super().unit() + " unit"

    @staticmethod
    def kind():
        return "square"


sq = Square()
print(sq.describe(), Square.unit(), sq.kind(), Square.kind())
print(Shape.unit(), Shape.kind())


class Half(Shape):
    sides = 3


try:
    Half()
except TypeError as e:
    print(e)

for name in ("abstractproperty", "abstractclassmethod", "abstractstaticmethod"):
    d = getattr(abc, name)
    print(d, d.__mro__, d.__isabstractmethod__, d.__module__, d.__qualname__)
    print(d.__doc__.splitlines()[0])

p = Shape.__dict__["sides"]
print(type(p).__name__, p.__isabstractmethod__, hasattr(p.fget, "__isabstractmethod__"), p.__doc__)
cm = Shape.__dict__["unit"]
print(type(cm).__name__, cm.__isabstractmethod__, cm.__func__.__isabstractmethod__, cm.__wrapped__ is cm.__func__)
sm = Shape.__dict__["kind"]
print(type(sm).__name__, sm.__isabstractmethod__, sm.__func__.__isabstractmethod__)
print(isinstance(p, property), isinstance(cm, classmethod), isinstance(sm, staticmethod))


def f():
    pass


print(sys.getrefcount(f))
c = abc.abstractclassmethod(f)
print(sys.getrefcount(f), f.__isabstractmethod__, c.__func__ is f)
del c
print(sys.getrefcount(f))
ap = abc.abstractproperty(f, None, None, "doc")
print(ap.fget is f, ap.__doc__, ap.__isabstractmethod__)
getter = ap.getter(len)
print(type(getter).__name__, getter.fget is len, getter.__isabstractmethod__)

# wrong arguments
for bad in (lambda: abc.abstractclassmethod(), lambda: abc.abstractstaticmethod(f, f),
            lambda: abc.abstractclassmethod(5), lambda: abc.abstractstaticmethod(callable=f),
            lambda: abc.abstractproperty(f, x=1), lambda: abc.abstractclassmethod(callable=f)):
    try:
        print(type(bad()).__name__)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
