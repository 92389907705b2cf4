# A class body's annotations are evaluated and kept in __annotations__
# (name: annotation, in order), with or without a value.
class Point:
    x: int
    y: float = 0.5
    label: "str" = "p"
    if True:
        inside: list


print(Point.__annotations__)
print(Point.y, Point.label, "x" in Point.__dict__, "inside" in Point.__dict__)


class Empty:
    pass


print("__annotations__" in Empty.__dict__)


class Sub(Point):
    z: tuple


print(Sub.__annotations__)
import typing


class Typed:
    items: typing.List[int]
    maybe: typing.Optional[str] = None


print(Typed.__annotations__)
