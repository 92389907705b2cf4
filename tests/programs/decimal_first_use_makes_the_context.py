# The first Decimal makes the thread's context (two SignalDicts and
# CPython's context variable machinery): gc.get_count() sees it.
import gc
import decimal
gc.collect()
print(gc.get_count())
x = decimal.Decimal('1.5')
print(gc.get_count())
c = decimal.getcontext()
print(gc.get_count())
c2 = decimal.Context(prec=5)
print(gc.get_count())
c3 = c.copy()
print(gc.get_count())
with decimal.localcontext() as ctx:
    print(gc.get_count())
    ctx.prec = 5
    print(gc.get_count())
print(gc.get_count())
decimal.setcontext(c2)
print(gc.get_count(), gc.is_tracked(x), gc.is_tracked(c), gc.is_tracked(c.traps))
try:
    decimal.Decimal(1) / 0
except ZeroDivisionError as e:
    print(repr(e), e.args)
print(gc.get_count())
del c2, c3
print(gc.get_count())
print(gc.collect())
