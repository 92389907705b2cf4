# A Decimal is 104 bytes until its coefficient outgrows 4 words (76 digits),
# and it is not a GC object; contexts carry two SignalDicts.
import gc
import sys
from decimal import Decimal, getcontext, Context

small = Decimal('1.5')
print(sys.getsizeof(small), sys.getsizeof(Decimal(10**19)), sys.getsizeof(Decimal(10**38)))
print(sys.getsizeof(Decimal('1' * 76)), sys.getsizeof(Decimal('1' * 77)), sys.getsizeof(Decimal(10**100)))
print(sys.getsizeof(Decimal(10**100) + 1), sys.getsizeof(Decimal(10**30) * Decimal(10**30)))
print(sys.getsizeof(Decimal(0.1)), sys.getsizeof(Decimal(1e-10)), sys.getsizeof(Decimal('NaN')))
print(small.__sizeof__(), Decimal(10**100).__sizeof__())
print(gc.is_tracked(small), gc.is_tracked(getcontext()), gc.is_tracked(getcontext().traps))
print(sys.getsizeof(getcontext()), sys.getsizeof(getcontext().flags))
print(sys.getrefcount(small), sys.getrefcount(getcontext()))
same = Decimal(small)
print(same is small, sys.getrefcount(small), +small is small, small * 1 is small)
c = Context()
print(sys.getrefcount(c), sys.getrefcount(c.traps))
lst = [small, small, Decimal(3)]
print(sys.getrefcount(small))
del lst, same
print(sys.getrefcount(small))
