import sys
r = range(3, 20, 4)
print(r.start, r.stop, r.step, r.index(15), r.count(7), r.count(8), r.index(7.0), r.count(7.0))
for f in (lambda: r.index(4), lambda: r.index('a'), lambda: r.index(True), lambda: r.count()):
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(range(0, 3).index(True), range(10, 0, -3).index(4), range(-5, 5).count(-5))
for a in ((), ([1], 2, 3)):
    try:
        dict.fromkeys(*a)
    except TypeError as e:
        print(e)
d = dict.fromkeys({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6})
print(d, sys.getsizeof(d), sys.getsizeof(dict.fromkeys(range(6))), sys.getsizeof(dict.fromkeys({1, 2, 3, 4, 5, 6})))
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), sys.getsizeof(dict.fromkeys('abcdef')), dict.fromkeys([]))
class D(dict):
    def __setitem__(s, k, v):
        print('set', k)
        super().__setitem__(k, v)
print(D.fromkeys('ab', 1), type(D.fromkeys('a')).__name__)
shared = []
grid = dict.fromkeys(['r1', 'r2'], shared)
grid['r1'].append('x')
print(grid, sys.getrefcount(shared))
