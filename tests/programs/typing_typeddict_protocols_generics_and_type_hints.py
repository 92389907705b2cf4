import typing
from typing import (TypedDict, get_type_hints, Protocol, runtime_checkable, Generic, TypeVar, List, Optional,
                    Union, Callable, Dict, Tuple, Required, NotRequired, is_typeddict, SupportsInt, SupportsAbs)

class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="Blade Runner", year=1982)
print(m, type(m), type(Movie).__name__, Movie.__mro__)
print(Movie.__annotations__, Movie.__total__, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
class Partial(TypedDict, total=False):
    x: int
    y: Required[str]
print(Partial.__total__, sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__))
class Sequel(Movie, total=False):
    part: int
    note: NotRequired[str]
print(Sequel.__total__, sorted(Sequel.__required_keys__), sorted(Sequel.__optional_keys__), list(Sequel.__annotations__))
Point = TypedDict('Point', {'x': int, 'y': Optional[int]})
print(Point(x=1, y=2), Point.__annotations__, Point, Point.__module__, sorted(Point.__required_keys__))
Loose = TypedDict('Loose', {'a': int}, total=False)
print(Loose.__total__, sorted(Loose.__optional_keys__), Loose({'a': 1}))
print(is_typeddict(Movie), is_typeddict(dict), is_typeddict(m))
for bad in [lambda: isinstance(m, Movie), lambda: issubclass(dict, Movie), lambda: TypedDict('X', {'a': int}, b=str),
            lambda: TypedDict(), lambda: TypedDict('A', {}, {}, {})]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(TypedDict, int):
        pass
except TypeError as e:
    print("TypeError:", e)

def f(a: int, b: 'str' = 'x', c: None = None) -> 'List[int]':
    return [a]
print(f.__annotations__)
print(get_type_hints(f))
class Node:
    val: int
    next: 'Optional[Node]'
    kids: List['Node']
class Leaf(Node):
    label: 'str'
print(get_type_hints(Node))
print(get_type_hints(Leaf))
print(get_type_hints(Movie), get_type_hints(len), get_type_hints(typing))
try:
    get_type_hints(3)
except TypeError as e:
    print("TypeError:", e)
def g(x: 'Missing') -> None: pass
try:
    get_type_hints(g)
except NameError as e:
    print("NameError:", e)

@runtime_checkable
class Drawable(Protocol):
    def draw(self) -> None: ...
class Circle:
    def draw(self):
        return "circle"
class Square:
    pass
class Blocked:
    draw = None
print(isinstance(Circle(), Drawable), isinstance(Square(), Drawable), isinstance(Blocked(), Drawable))
print(issubclass(Circle, Drawable), issubclass(Square, Drawable))
class Shape(Protocol):
    def area(self) -> float: ...
try:
    isinstance(Circle(), Shape)
except TypeError as e:
    print("TypeError:", e)
@runtime_checkable
class Named(Protocol):
    name: str
class Person:
    def __init__(self):
        self.name = "Ann"
print(isinstance(Person(), Named), isinstance(Circle(), Named))
try:
    issubclass(Person, Named)
except TypeError as e:
    print("TypeError:", e)
class Explicit(Drawable):
    def draw(self):
        return "explicit"
print(isinstance(Explicit(), Drawable), Explicit._is_protocol, Drawable._is_protocol, Explicit().draw())
try:
    runtime_checkable(Circle)
except TypeError as e:
    print("TypeError:", e)
print(Drawable.__mro__, type(Drawable))
print(isinstance(3, SupportsInt), isinstance("x", SupportsInt), isinstance(-2.5, SupportsAbs))

T = TypeVar('T')
K = TypeVar('K')
class Stack(Generic[T]):
    def __init__(self):
        self.items = []
    def push(self, item: T) -> None:
        self.items.append(item)
print(Stack.__parameters__, Stack.__orig_bases__, Stack.__mro__)
s = Stack[int]()
s.push(1)
print(Stack[int], s.items, Generic[T], Generic[T, K])
class IntStack(Stack[int]):
    pass
print(IntStack.__parameters__, IntStack.__orig_bases__, IntStack.__mro__)
class Pair(Generic[K, T]):
    pass
print(Pair.__parameters__, Pair[str, int], Dict[K, List[T]].__parameters__)
class Box(List[T]):
    pass
print(Box.__mro__, Box.__parameters__, Box.__orig_bases__)
for bad in [lambda: Generic[int], lambda: Generic[T, T], lambda: type('X', (Generic,), {})]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
try:
    class Plain(Generic):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Missing(Stack[T], Generic[K]):
        pass
except TypeError as e:
    print("TypeError:", e)
print(List[int], Optional[str], Union[int, str], int | str, Callable[[int], str], dict[str, int], list[int])
print(Dict[str, List[int]], Tuple[int, ...], Optional[List[int]], type(int | str), (int | str).__args__)
for n in ["Concatenate", "ParamSpec", "TypeVarTuple", "ByteString", "SupportsAbs", "SupportsBytes", "SupportsComplex",
          "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound", "BinaryIO", "IO", "TextIO", "Match",
          "Pattern", "ParamSpecArgs", "ParamSpecKwargs", "Unpack"]:
    print(n, getattr(typing, n))
P = typing.ParamSpec('P')
Ts = typing.TypeVarTuple('Ts')
print(P, Ts, typing.assert_type(5, int), typing.get_overloads(f), typing.clear_overloads())
print(typing.dataclass_transform()(Circle) is Circle)
