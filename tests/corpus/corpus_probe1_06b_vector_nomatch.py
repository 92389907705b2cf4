import math
from functools import total_ordering

@total_ordering
class Vector:
    __match_args__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __bool__(self):
        return bool(abs(self))
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __format__(self, spec):
        if spec.endswith('p'):
            fmt = spec[:-1]
            return f"<{format(abs(self), fmt)}, {format(math.atan2(self.y, self.x), fmt)}>"
        return f"({format(self.x, spec)}, {format(self.y, spec)})"

v1, v2 = Vector(3, 4), Vector(1.5, -2)
print(v1, repr(v2), abs(v1), bool(Vector()))
print(v1 + v2, v1 - v2, v1 * 2, 3 * v2, -v1)
print(v1 == Vector(3, 4), v1 != v2, v1 > v2, v1 <= v2)
print({v1, Vector(3, 4), v2})
x, y = v1
print(x, y, v1[0], v1[-1], list(v2))
print(f"{v1:.2f} | {v2:8.3f} | {v1:.3p}")
if True:
    if v2 == Vector(0, 0):
        print("origin")
    elif (x := v2.x) > 0 and (y := v2.y) is not None:
        print("right half", x, y)
try:
    v1 + 5
except TypeError as e:
    print(e)
print(sorted([v1, v2, Vector(0, 1)]))
print(hash(v1) == hash(Vector(3, 4)))
