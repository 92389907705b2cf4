# Decimals compare and hash exactly with ints, floats and Fractions.
from decimal import Decimal, getcontext, FloatOperation
from fractions import Fraction

d = Decimal('0.5')
print(d == 0.5, d == Fraction(1, 2), d < 1, 2 > d, d >= 0.5, Decimal('0.1') == 0.1)
print(hash(d) == hash(0.5), hash(Decimal(7)) == hash(7), hash(Decimal('1.5')) == hash(Fraction(3, 2)))
print(hash(Decimal('-1')), hash(Decimal('Infinity')), hash(Decimal('1E+30')) == hash(10**30))
prices = {Decimal('1.0'): 'one', Decimal(2): 'two'}
print(prices[1], prices[Decimal('2.000')], 1 in prices, 2.0 in prices)

values = [Decimal('3.1'), 2, Decimal('-1.5'), 0.25, Decimal('2.00'), Fraction(7, 3)]
print(sorted(values))
print(max(values), min(values), sorted(values, reverse=True)[:2])
print(sum(Decimal(x) / 8 for x in range(1, 6)), sum([Decimal('1.1'), 2, Decimal('3.30')]))
print({Decimal('1.0'), Decimal('1.00'), 1, 1.0})
print(getcontext().flags[FloatOperation])

nan = Decimal('NaN')
print(nan == nan, nan != 1, nan == 0.0)
try:
    nan < 1
except Exception as e:
    print(type(e).__name__, e)
