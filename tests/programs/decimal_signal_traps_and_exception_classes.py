# Signals: flags, traps, the exception classes; an uncaught one ends it.
from decimal import (Decimal, getcontext, localcontext, DivisionByZero, InvalidOperation,
                     Inexact, Overflow, DecimalException, FloatOperation)

print(DivisionByZero.__mro__)
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(InvalidOperation, ArithmeticError))
print(issubclass(FloatOperation, TypeError), issubclass(Overflow, Inexact))

try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e, e.args, isinstance(e, DecimalException))
for bad in [lambda: Decimal(0) / 0, lambda: Decimal('1.2.3'), lambda: Decimal('Infinity') - Decimal('Infinity')]:
    try:
        bad()
    except InvalidOperation as e:
        print(repr(e))

with localcontext() as ctx:
    ctx.traps[DivisionByZero] = False
    ctx.traps[InvalidOperation] = False
    print(Decimal(1) / 0, Decimal(-1) / 0, Decimal(0) / 0, Decimal('x'))
    print(ctx.flags)
    ctx.traps[Inexact] = True
    try:
        Decimal(1) / 3
    except Inexact as e:
        print('inexact:', e)
    ctx.Emax = 99
    ctx.traps[Inexact] = False
    try:
        Decimal('9E+99') * 10
    except Overflow as e:
        print('overflow:', e)

print(getcontext().flags[DivisionByZero])
print(Decimal(10) / Decimal(0))
