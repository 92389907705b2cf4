import gc
gc.disable()
L = [3, 1, 2]
S = 'abc'
d = {'k': 1}
class A:
    def __init__(self): self.x = 1
a = A()
def g(x, y=2): return x
def f(*args, **kw): return 1
def gen():
    yield 1
fs = [
    ('{1, 2}.union({3})', lambda: {1, 2}.union({3})),
    ('{1, 2}.intersection({3})', lambda: {1, 2}.intersection({3})),
    ('{1, 2}.difference({3})', lambda: {1, 2}.difference({3})),
    ('{1, 2}.update({3})', lambda: {1, 2}.update({3})),
    ('{1, 2}.intersection_update({3})', lambda: {1, 2}.intersection_update({3})),
    ('{1, 2}.difference_update({3})', lambda: {1, 2}.difference_update({3})),
    ('{1, 2}.symmetric_difference({3})', lambda: {1, 2}.symmetric_difference({3})),
    ('frozenset(L).union({3})', lambda: frozenset(L).union({3})),
    ('frozenset(L).intersection({3})', lambda: frozenset(L).intersection({3})),
    ('{1, 2}.union()', lambda: {1, 2}.union()),
    ('"{x}".format', lambda: "{x}".format),
    ('"{x}".format(x=1)', lambda: "{x}".format(x=1)),
    ("S.find('b')", lambda: S.find('b')),
]
for name, fn in fs:
    fn(); fn()
    gc.collect()
    fn()
    print(name, gc.get_count()[0])
