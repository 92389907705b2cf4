import numbers
from fractions import Fraction
tower = (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)
for v in [1, True, 2.5, 3 + 4j, Fraction(1, 3), "x", None, [1], 10 ** 30]:
    print(repr(v), [isinstance(v, c) for c in tower])
for t in (int, bool, float, complex, Fraction, str, object):
    print(t.__name__, [issubclass(t, c) for c in tower])
print(numbers.Integral.__mro__)
print(numbers.__all__, numbers.Number.__slots__, numbers.Number.__hash__, numbers.Complex.__hash__)
print(type(numbers.Number), numbers.Number.__abstractmethods__, numbers.Integral.__name__, numbers.Integral.__module__)
for c in tower[1:]:
    print(c.__name__, sorted(c.__abstractmethods__))
print(numbers.Real.real.__isabstractmethod__, numbers.Complex.real.__isabstractmethod__,
      numbers.Rational.numerator.__isabstractmethod__, numbers.Integral.denominator.__isabstractmethod__)
class Mod:
    pass
numbers.Integral.register(Mod)
print(issubclass(Mod, numbers.Number), isinstance(Mod(), numbers.Rational), issubclass(Mod, numbers.Integral))
class Money:
    pass
print(numbers.Number.register(Money) is Money, isinstance(Money(), numbers.Number), issubclass(Money, numbers.Complex))
class Meters(numbers.Number):
    def __init__(self, v):
        self.v = v
m = Meters(3)
print(isinstance(m, numbers.Number), isinstance(m, numbers.Complex))
try:
    hash(m)
except TypeError as e:
    print(e)
