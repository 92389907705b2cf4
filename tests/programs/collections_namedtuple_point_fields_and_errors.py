# namedtuple: a tuple class made at run time; fields by name and index,
# unpacking, _make/_asdict/_replace, defaults, rename, and CPython's errors.
from collections import namedtuple, Counter

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), p._fields, Point._fields)
a, b = p
print(a, b, p == (1, 2), isinstance(p, tuple), hash(p) == hash((1, 2)))
print(p._asdict(), p._replace(x=5), Point._make([3, 4]), p + (3,), p * 2)
print(Point.__doc__, Point.__name__, type(p), repr(Point), Point.__module__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
P3 = namedtuple('P3', 'x, y z', defaults=[0])
print(P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3.__doc__)
Empty = namedtuple('Empty', '')
print(Empty(), Empty._fields)
Restaurant = namedtuple('Restaurant', 'name cuisine price')
rs = [Restaurant('Taillevent', 'French', 24.5), Restaurant('Thai Touch', 'Thai', 10.95)]
print([r.name for r in rs if r.price > 20], rs)

class Vec(namedtuple('Vec', 'x y')):
    def norm2(self):
        return self.x ** 2 + self.y ** 2
v = Vec(3, 4)
print(v, v.norm2(), type(v).__name__)

def attempt(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('missing', lambda: Point(1))
attempt('too many', lambda: Point(1, 2, 3))
attempt('unknown kw', lambda: Point(1, z=2))
attempt('twice', lambda: Point(1, x=2))
attempt('make', lambda: Point._make([1]))
attempt('replace', lambda: p._replace(z=1))
attempt('set', lambda: setattr(p, 'x', 5))
attempt('del', lambda: delattr(p, 'x'))
attempt('fromkeys', lambda: Counter.fromkeys('ab'))
for args in [('1x', 'a'), ('P', 'a a'), ('P', '_a'), ('P', 'class'), ('P', ['a', 5]), ('P', 'a-b'), (5, 'a')]:
    attempt('bad %r' % (args,), lambda: namedtuple(*args))
attempt('defaults', lambda: namedtuple('P', 'a', defaults=[1, 2]))
print(namedtuple('R', 'a _b class a', rename=True)._fields)
