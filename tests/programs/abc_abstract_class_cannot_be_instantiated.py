# An ABC with abstract methods refuses to be instantiated, naming what is
# still abstract (sorted, "method" or "methods"), and so does a subclass
# that implements only part of it.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...


class OnlyArea(Shape):
    def area(self):
        return 1


for cls in (Shape, OnlyArea):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)

print(sorted(Shape.__abstractmethods__))
print(OnlyArea.__abstractmethods__)
print(type(Shape.__abstractmethods__).__name__)


class One(ABC):
    @abstractmethod
    def run(self, x):
        pass


try:
    One()
except TypeError as e:
    print(e)

# an ABC without abstract methods instantiates
class Plain(ABC):
    def hello(self):
        return "hello"


print(Plain().hello(), Plain.__abstractmethods__)
# the abstract method is still an ordinary function (callable through super)
class Impl(One):
    def run(self, x):
        return ("impl", super().run(x))


print(Impl().run(3))
print(One.run.__isabstractmethod__, hasattr(Impl.run, "__isabstractmethod__"))
