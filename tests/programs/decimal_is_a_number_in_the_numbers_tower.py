import gc
import numbers
from decimal import Decimal
from fractions import Fraction

d = Decimal("2.5")
print(isinstance(d, numbers.Number), isinstance(d, numbers.Real), isinstance(d, numbers.Rational))
print(issubclass(Decimal, numbers.Number), isinstance(Fraction(1, 3), numbers.Rational))
print([isinstance(x, numbers.Number) for x in (1, 2.0, 3j, d, "4")])
print(gc.collect())
