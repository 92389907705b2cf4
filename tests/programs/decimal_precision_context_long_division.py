# The context: precision, rounding, flags; localcontext for a block.
from decimal import (Decimal, getcontext, setcontext, localcontext, Context,
                     ROUND_DOWN, ROUND_HALF_EVEN, Inexact, Rounded, DefaultContext)

print(getcontext())
print(Decimal(1) / Decimal(7))
getcontext().prec = 50
print(Decimal(1) / Decimal(7))
print(Decimal(2).sqrt())
print(getcontext().prec, getcontext().rounding, getcontext().flags[Inexact])
getcontext().prec = 28
getcontext().clear_flags()

with localcontext() as ctx:
    ctx.prec = 5
    ctx.rounding = ROUND_DOWN
    print(Decimal(2) / 3, ctx)
print(Decimal(2) / 3)

with localcontext(prec=3) as ctx:
    print(Decimal('3.14159') + 0, ctx.prec)

c = Context(prec=6, rounding=ROUND_HALF_EVEN)
print(c.divide(Decimal(10), Decimal(3)), c.sqrt(Decimal(2)), c.power(2, 100))
print(c.flags[Inexact], c.flags[Rounded], [k.__name__ for k, v in c.flags.items() if v])
print(c.create_decimal('3.14159265'), c.create_decimal(10**8 + 7))
setcontext(c)
print(Decimal(22) / 7, getcontext() is c)
setcontext(DefaultContext)
print(Decimal(22) / 7, getcontext() is DefaultContext)
print(Decimal(1).exp(), Decimal(10).ln(), Decimal(2).log10())
