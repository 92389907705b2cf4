from typing import runtime_checkable
from typing import Protocol, runtime_checkable
from abc import abstractmethod
class Shape(Protocol):
    @abstractmethod
    def area(self) -> float: ...
    def describe(self):
        return "shape with area %s" % self.area()
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Bad(Shape):
    pass
print(Sq(3).describe(), sorted(Shape.__abstractmethods__), sorted(Sq.__abstractmethods__))
for f in [lambda: Bad(), lambda: Shape(), lambda: Sq()]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
class Plain(Shape):
    def area(self):
        return 1
print(Plain().describe())
class Greeter(Protocol):
    def greet(self) -> str: ...
try:
    Greeter()
except TypeError as e:
    print("TypeError:", e)
class English(Greeter):
    def greet(self):
        return "hello"
print(English().greet(), '__init__' in English.__dict__)
try:
    English(1)
except TypeError as e:
    print("TypeError:", e)
print(Greeter.__abstractmethods__)
from typing import SupportsInt, Generic, TypeVar
T = TypeVar('T')
class Container(Protocol[T]):
    def get(self) -> T: ...
print(Container.__parameters__, Container.__orig_bases__, Container.__mro__)
class IntBox:
    def get(self) -> int:
        return 3
print(runtime_checkable(Container) is Container, isinstance(IntBox(), Container), SupportsInt.__abstractmethods__)
from typing import TypedDict, get_type_hints, Optional, ForwardRef
class Movie(TypedDict, total=False):
    title: 'str'
    sequel: 'Optional[Movie]'
print(Movie.__annotations__, ForwardRef('x'))
print(get_type_hints(Movie))
