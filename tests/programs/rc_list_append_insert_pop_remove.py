# list.append / insert add a reference to the item; pop / remove give it back
import sys

item = [0]
other = {'o': 1}
bag = []
bag.append(item)
print('after append:', sys.getrefcount(item))
bag.append(item)
print('after second append:', sys.getrefcount(item))
bag.insert(0, other)
bag.insert(-1, item)
print('after insert of item:', sys.getrefcount(item))
print('other after insert:', sys.getrefcount(other))
popped = bag.pop()
print('pop bound to a name:', sys.getrefcount(item))
del popped
print('after del popped:', sys.getrefcount(item))
bag.pop(0)
print('other after discarded pop(0):', sys.getrefcount(other))
bag.remove(item)
print('after remove:', sys.getrefcount(item))
print('count and index do not hold:', bag.count(item), bag.index(item), sys.getrefcount(item))
print('bag refcount:', sys.getrefcount(bag), len(bag))
del bag
print('after del bag:', sys.getrefcount(item))
