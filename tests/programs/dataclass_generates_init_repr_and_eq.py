# @dataclass writes __init__, __repr__ and __eq__ from the annotated
# fields, in definition order; instances are ordinary objects with a
# __dict__ of their fields.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


p = Point(1, 2)
q = Point(x=1, y=2)
print(p, repr(q), str(p))
print(p == q, p != q, p == Point(2, 1), p == (1, 2), p is q)
print(p.__dict__, vars(q))
p.x = 10
print(p, p == q)
print(Point.__init__.__name__, Point.__repr__.__name__)
print(Point.__match_args__, list(Point.__dataclass_fields__))
print(Point.__hash__ is None)
try:
    hash(p)
except TypeError as e:
    print(e)


# a class that defines its own __repr__ / __eq__ keeps them
@dataclass
class Named:
    name: str

    def __repr__(self):
        return f"<{self.name}>"


print(Named("n"), Named("a") == Named("a"))


# comparison needs the very same class
@dataclass
class Other:
    x: int
    y: int


print(Point(1, 2) == Other(1, 2))
print([Point(i, i * i) for i in range(3)])
print({"p": Point(0, 0)})
