# l += [x] extends the same list in place; l = l + [x] builds a new one
import sys

item = [0]
l = []
before = l
l += [item]
print('same object after +=:', l is before, sys.getrefcount(l))
print('item held by the list:', sys.getrefcount(item))
l += [item, item]
print('item after second +=:', sys.getrefcount(item))
l = l + [item]
print('new list after l = l + [...]:', l is before, sys.getrefcount(l))
print('item now in both lists:', sys.getrefcount(item))
del before
print('old list freed:', sys.getrefcount(item))
d = {'k': []}
d['k'] += [item]
print('through a subscript:', sys.getrefcount(d['k']), sys.getrefcount(item))


class Bag:
    pass


bag = Bag()
bag.things = []
bag.things += [item]
print('through an attribute:', sys.getrefcount(bag.things), sys.getrefcount(item))
n = 5
n += 2
print('ints just rebind:', n)
