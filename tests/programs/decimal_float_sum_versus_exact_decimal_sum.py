# The classic: binary floats cannot hold 0.1 exactly; decimals can.
from decimal import Decimal

print(0.1 + 0.2 == 0.3, 0.1 + 0.2 != 0.3)
print(0.1 + 0.2)
a = Decimal('0.1') + Decimal('0.2')
print(a, a == Decimal('0.3'), repr(a))

# Decimal(float) shows the float's exact binary value
print(Decimal(0.1))
print(Decimal(0.5), Decimal(-0.0), Decimal(1e16), Decimal(2.675))
print(Decimal('0.1') == Decimal(0.1), Decimal.from_float(0.1) == Decimal(0.1))
print(Decimal(0.1).as_integer_ratio(), (0.1).as_integer_ratio())

# adding ten cents ten times
total_f = 0.0
total_d = Decimal('0')
for _ in range(10):
    total_f += 0.1
    total_d += Decimal('0.10')
print(total_f, total_d, total_f == 1.0, total_d == 1)
print(sum([Decimal('0.1')] * 10), sum([0.1] * 10))
