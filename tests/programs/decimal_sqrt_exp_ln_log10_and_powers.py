# Square roots, exponentials and logarithms, correctly rounded.
import math
from decimal import Decimal, getcontext, localcontext

two = Decimal(2)
print(two.sqrt(), Decimal('16').sqrt(), Decimal('0.25').sqrt(), Decimal('1E+10').sqrt())
print(two.exp(), Decimal(1).exp(), Decimal(-1).exp(), Decimal(0).exp())
print(two.ln(), Decimal(10).ln(), Decimal('0.5').ln(), Decimal(1).ln())
print(two.log10(), Decimal(1000).log10(), Decimal('0.001').log10())
print(two ** Decimal('0.5'), Decimal(4) ** Decimal('0.5'), Decimal(8) ** (Decimal(1) / 3))
with localcontext() as ctx:
    ctx.prec = 50
    print(two.sqrt())
    print(Decimal(1).exp())
    print(Decimal(10).ln())
pi = Decimal('3.141592653589793238462643383')
print(math.floor(pi), math.ceil(pi), math.trunc(-pi), round(pi), round(pi, 4), int(pi), float(pi))
print(math.floor(Decimal('-2.5')), math.ceil(Decimal('-2.5')), round(Decimal('-2.5')))
r = Decimal(2).sqrt()
print(r * r, r * r == 2, (r * r).quantize(Decimal('1.000')))
print(Decimal(1000).log10() == 3, getcontext().prec)
