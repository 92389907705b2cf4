import math
from functools import total_ordering

class Vector:
    def __init__(self, *components):
        self.c = tuple(components)
    def __repr__(self):
        return f"Vector{self.c}"
    def __str__(self):
        return "<" + ", ".join(f"{x:g}" for x in self.c) + ">"
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(*self.c[i])
        return self.c[i]
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(*(a + b for a, b in zip(self.c, other.c)))
    def __sub__(self, other):
        return self + (-other)
    def __neg__(self):
        return Vector(*(-a for a in self.c))
    def __mul__(self, k):
        if isinstance(k, Vector):
            return sum(a * b for a, b in zip(self.c, k.c))
        return Vector(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vector(*(a / k for a in self.c))
    def __abs__(self):
        return math.hypot(*self.c)
    def __bool__(self):
        return any(self.c)
    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c
    def __hash__(self):
        return hash(self.c)
    def __iter__(self):
        return iter(self.c)
    def __matmul__(self, other):
        return self * other
    def __iadd__(self, other):
        print("  (iadd called)")
        return self + other

v = Vector(3, 4)
w = Vector(1, -2)
print(v + w, v - w, v * 2, 3 * v, v * w, v @ w)
print(abs(v), bool(Vector(0, 0)), bool(v), -v, v / 2)
print(repr(v[0:1]), v[-1], len(v), list(v), Vector(1, 2) == Vector(1, 2))
print({Vector(1, 2), Vector(1, 2), Vector(2, 1)} == {Vector(2, 1), Vector(1, 2)})
v += w
print(v)
x, y = v
print(x, y)

@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, o):
        return self.cents == o.cents
    def __lt__(self, o):
        return self.cents < o.cents
    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __radd__(self, other):
        return Money(self.cents + (other if isinstance(other, int) else other.cents))
    def __add__(self, other):
        return self.__radd__(other)
    def __format__(self, spec):
        return format(str(self), spec)
ms = [Money(505), Money(99), Money(1200), Money(99)]
print(sorted(ms), max(ms), Money(3) >= Money(3), Money(4) > Money(5))
print(sum(ms), f"[{Money(123):>10}]")
print(v + 1)
