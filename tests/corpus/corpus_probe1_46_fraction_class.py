from math import gcd
from functools import total_ordering

@total_ordering
class Frac:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("denominator cannot be zero")
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @classmethod
    def _coerce(cls, x):
        if isinstance(x, Frac):
            return x
        if isinstance(x, int):
            return cls(x)
        return NotImplemented
    def __add__(self, o):
        o = self._coerce(o)
        if o is NotImplemented: return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = self._coerce(o)
        if o is NotImplemented: return o
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return self._coerce(o) - self
    def __mul__(self, o):
        o = self._coerce(o)
        if o is NotImplemented: return o
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._coerce(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __pow__(self, k):
        return Frac(self.n ** k, self.d ** k) if k >= 0 else Frac(self.d ** -k, self.n ** -k)
    def __neg__(self): return Frac(-self.n, self.d)
    def __abs__(self): return Frac(abs(self.n), self.d)
    def __eq__(self, o):
        o = self._coerce(o)
        return o is not NotImplemented and (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o):
        o = self._coerce(o)
        return self.n * o.d < o.n * self.d
    def __hash__(self): return hash((self.n, self.d))
    def __float__(self): return self.n / self.d
    def __int__(self): return self.n // self.d
    def __bool__(self): return self.n != 0
    def __round__(self, nd=None): return round(float(self), nd)
    def __repr__(self): return f"Frac({self.n}, {self.d})"
    def __str__(self): return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)

a, b = Frac(1, 3), Frac(-2, 4)
print(a, b, repr(b), a + b, a - b, a * b, a / b, a ** 2, b ** -3, -a, abs(b))
print(1 + a, 2 - a, 3 * b, a + 1, a == Frac(2, 6), a > b, a <= b, b < 0, Frac(4, 2) == 2)
print(float(a), int(Frac(7, 2)), round(Frac(22, 7), 3), bool(Frac(0, 5)), round(Frac(5, 2)))
print(sum([Frac(1, n) for n in range(1, 7)], Frac(0)), sorted([Frac(3, 4), Frac(1, 2), Frac(5, 8)]))
print(max(Frac(1, 2), Frac(2, 3)), {Frac(1, 2), Frac(2, 4), Frac(3, 6)})
h = Frac(0)
for k in range(1, 11):
    h += Frac(1, k * (k + 1))
print("telescoping:", h)
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    a + 0.5
except TypeError as e:
    print(e)
print(a.__slots__, hasattr(a, "__dict__"))
print(f"{float(a):.5f}", format(a, ""), str(Frac(10, 5)))
print(a < 0.5)
