import numbers
class Half(numbers.Real):
    def __float__(self):
        return 0.5
try:
    Half()
except TypeError as e:
    print(e)
class MyInt(numbers.Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __repr__(self): return "MyInt(%d)" % self.v
    def __abs__(self): return MyInt(abs(self.v))
    def __add__(self, o): return MyInt(self.v + int(o))
    def __radd__(self, o): return MyInt(int(o) + self.v)
    def __and__(self, o): return MyInt(self.v & int(o))
    def __rand__(self, o): return MyInt(int(o) & self.v)
    def __ceil__(self): return self
    def __eq__(self, o): return self.v == int(o)
    def __floor__(self): return self
    def __floordiv__(self, o): return MyInt(self.v // int(o))
    def __rfloordiv__(self, o): return MyInt(int(o) // self.v)
    def __invert__(self): return MyInt(~self.v)
    def __le__(self, o): return self.v <= int(o)
    def __lt__(self, o): return self.v < int(o)
    def __lshift__(self, o): return MyInt(self.v << int(o))
    def __rlshift__(self, o): return MyInt(int(o) << self.v)
    def __mod__(self, o): return MyInt(self.v % int(o))
    def __rmod__(self, o): return MyInt(int(o) % self.v)
    def __mul__(self, o): return MyInt(self.v * int(o))
    def __rmul__(self, o): return MyInt(int(o) * self.v)
    def __neg__(self): return MyInt(-self.v)
    def __pos__(self): return MyInt(+self.v)
    def __or__(self, o): return MyInt(self.v | int(o))
    def __ror__(self, o): return MyInt(int(o) | self.v)
    def __pow__(self, o, m=None): return MyInt(pow(self.v, int(o), m))
    def __rpow__(self, o): return MyInt(int(o) ** self.v)
    def __round__(self, n=None): return self
    def __rshift__(self, o): return MyInt(self.v >> int(o))
    def __rrshift__(self, o): return MyInt(int(o) >> self.v)
    def __truediv__(self, o): return self.v / int(o)
    def __rtruediv__(self, o): return int(o) / self.v
    def __trunc__(self): return self
    def __xor__(self, o): return MyInt(self.v ^ int(o))
    def __rxor__(self, o): return MyInt(int(o) ^ self.v)
x = MyInt(7)
print(x, float(x), complex(x), bool(x), bool(MyInt(0)), x - 2, 10 - x, divmod(x, 2), divmod(20, x))
print(x.real, x.imag, x.numerator, x.denominator, x.conjugate(), "abcdefgh"[x], hex(x), range(10)[x])
print(isinstance(x, numbers.Integral), isinstance(x, int), sorted(MyInt.__abstractmethods__))
try:
    hash(x)
except TypeError as e:
    print(e)
try:
    numbers.Complex.__add__(x, 2)
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
print(numbers.Complex.__complex__(x), numbers.Integral.__float__(x), numbers.Real.__divmod__(x, 2))
class Ratio(numbers.Rational):
    def __init__(self, n, d): self.n, self.d = n, d
    numerator = property(lambda self: self.n)
    denominator = property(lambda self: self.d)
for name in sorted(numbers.Rational.__abstractmethods__ - {"numerator", "denominator"}):
    setattr(Ratio, name, lambda self, *a: NotImplemented)
print(sorted(Ratio.__abstractmethods__)[:3])
Ratio.__abstractmethods__ = frozenset()
r = Ratio(10 ** 400, 3 * 10 ** 399)
print(float(r), complex(r), r.conjugate(), r.imag)
Half()
