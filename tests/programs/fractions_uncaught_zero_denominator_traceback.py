from fractions import Fraction
import math
ratios = [Fraction(1, 3), Fraction(-2, 4), Fraction(5)]
print(ratios, sum(ratios), math.prod(ratios))
for r in ratios:
    print(r, r.numerator, r.denominator, float(r))
print(Fraction(7, 3) // Fraction(1, 2), divmod(Fraction(7, 3), Fraction(1, 2)), Fraction(7, 3) % 1)
print(Fraction(3, 0))
