# Fraction takes a Decimal exactly; they compare but do not mix in arithmetic.
from decimal import Decimal
from fractions import Fraction
import fractions

print(Fraction(Decimal('1.47')), Fraction.from_decimal(Decimal('-0.125')), Fraction.from_decimal(3))
print(Decimal('0.5') == Fraction(1, 2), Fraction(1, 3) < Decimal('0.34'), Decimal('0.3') > Fraction(1, 3))
print(fractions.Decimal is Decimal, Fraction(Decimal(0.1)))
try:
    Fraction.from_decimal(1.5)
except TypeError as e:
    print(e)
try:
    Fraction(Decimal('Infinity'))
except OverflowError as e:
    print(e)
print(Fraction(*Decimal('2.50').as_integer_ratio()))
