# comprehensions (3.11 functions with frames) leave no cyclic garbage behind
import gc
import sys

gc.collect()
data = [[i] for i in range(5)]
squares = [x[0] ** 2 for x in data]
index = {x[0]: x for x in data}
print(squares, len(index))
print('after comprehensions:', gc.collect())
print('refcount of an item:', sys.getrefcount(data[0]))
selfref = [[] for _ in range(3)]
for l in selfref:
    l.append(l)
del selfref
print('self-referencing lists (loop variable keeps the last):', gc.collect())
pairs = [(i, [i]) for i in range(2)]
print('tuple with a list is tracked:', gc.is_tracked(pairs[0]))
ints = [(i, i) for i in range(2)]
print('tuple of ints tracked before a collection:', gc.is_tracked(ints[0]))
gc.collect()
print('after a collection:', gc.is_tracked(ints[0]), gc.is_tracked(pairs[0]))
del data, squares, index, pairs, ints, l
print('end:', gc.collect())
