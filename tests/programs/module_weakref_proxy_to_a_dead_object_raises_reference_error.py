# A proxy whose referent died raises ReferenceError for everything but
# repr(); its callback ran when the referent died
import gc
import weakref

class C:
    def __init__(self):
        self.bar = 1
    def __len__(self):
        return 1

calls = []
o = C()
p1 = weakref.proxy(o, calls.append)
p2 = weakref.proxy(o, calls.append)
print(p1.bar, p2.bar, len(p1))
del o
print(len(calls), calls[0] is p2, calls[1] is p1)
checks = [
    ('getattr', lambda: p1.bar),
    ('setattr', lambda: setattr(p1, 'bar', 2)),
    ('delattr', lambda: delattr(p1, 'bar')),
    ('bool', lambda: bool(p1)),
    ('len', lambda: len(p1)),
    ('str', lambda: str(p1)),
    ('add', lambda: p1 + 1),
    ('radd', lambda: 1 + p1),
    ('eq', lambda: p1 == 1),
    ('lt', lambda: p1 < 1),
    ('contains', lambda: 1 in p1),
    ('getitem', lambda: p1[0]),
    ('iter', lambda: iter(p1)),
    ('next', lambda: next(p1)),
    ('neg', lambda: -p1),
    ('isinstance', lambda: isinstance(p1, C)),
    ('hash', lambda: hash(p1)),
]
for name, f in checks:
    try:
        f()
        print(name, 'no exception')
    except ReferenceError as e:
        print(name, 'ReferenceError:', e)
    except TypeError as e:
        print(name, 'TypeError:', e)
r = repr(p1)
print(r.startswith('<weakproxy at 0x'), ' to NoneType at 0x' in r)
print(isinstance(p1, weakref.ProxyType), ReferenceError.__mro__)

# dying in a cycle: the callback runs during the collection
class Node:
    pass
n = Node()
n.self = n
q = weakref.proxy(n, lambda pr: print('callback during collection', type(pr).__name__))
del n
print('collecting')
gc.collect()
try:
    q.self
except ReferenceError:
    print('dead after collection')
