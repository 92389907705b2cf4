# CPython 3.11's AST optimizer turns a list display that a for loop, a
# comprehension or the last `in` walks into a tuple (fold_iter): the
# holder of each item is a tuple, and no list is made.
import gc

a = [1]
b = [2]
for x in [a, b]:
    print(sorted(type(r).__name__ for r in gc.get_referrers(x) if not isinstance(r, dict)))
print([sorted(type(r).__name__ for r in gc.get_referrers(y) if not isinstance(r, dict)) for y in [a, b]])
print(b in [a, b], 3 not in [1, 2], [k * 2 for k in [1, 2, 3]])
for s in {1, 2}:
    print(s)
