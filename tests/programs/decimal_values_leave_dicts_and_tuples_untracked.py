# A Decimal (like a date) is no GC object: a dict of them stays untracked,
# a tuple of them is untracked by a collection, and a context has no referents.
import gc, datetime
from decimal import Decimal
d = {'price': Decimal('1.5'), 'qty': 3}
t = (Decimal(1), Decimal(2))
print(gc.is_tracked(d), gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(t))
e = {'when': datetime.date(2024, 1, 2)}
print(gc.is_tracked(e), gc.get_referents(datetime.date(2024, 1, 2)))
l = [Decimal(1)]
print(gc.is_tracked(l), len(gc.get_referents(l)))
from decimal import getcontext
print(gc.get_referents(getcontext()), gc.is_tracked(getcontext().traps))
