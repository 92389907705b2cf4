# order=True writes <, <=, >, >= (tuples of fields); frozen=True refuses
# assignment with FrozenInstanceError; __hash__ follows eq/frozen/unsafe_hash.
from dataclasses import dataclass, field, FrozenInstanceError


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9), Version(1, 0, "rc"), Version(1, 0)]
print(sorted(vs))
print(Version(1, 0) < Version(1, 1), Version(2) >= Version(1, 9), Version(1, 0, "a") == Version(1, 0, "b"))
print(max(vs), min(vs))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print(e)


@dataclass(frozen=True)
class Color:
    r: int
    g: int
    b: int


red = Color(255, 0, 0)
print(red, hash(red) == hash((255, 0, 0)), {red: "red"}[Color(255, 0, 0)])
try:
    red.r = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del red.g
except FrozenInstanceError as e:
    print(e)
try:
    red.alpha = 1
except FrozenInstanceError as e:
    print(e)
print(len({Color(1, 2, 3), Color(1, 2, 3), Color(3, 2, 1)}))


@dataclass(eq=False)
class Plain:
    x: int


print(Plain(1) == Plain(1), hash(Plain(1)) is not None)


@dataclass(unsafe_hash=True)
class Loose:
    x: int
    y: list = field(default_factory=list, hash=False)


print(hash(Loose(3)) == hash((3,)))


@dataclass
class Hashed:
    x: int

    def __hash__(self):
        return 42


print(hash(Hashed(1)))
try:
    @dataclass(order=True, eq=False)
    class Bad:
        x: int
except ValueError as e:
    print(e)
try:
    @dataclass(order=True)
    class Bad2:
        x: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print(e)
try:
    @dataclass(unsafe_hash=True)
    class Bad3:
        x: int

        def __hash__(self):
            return 1
except TypeError as e:
    print(e)
