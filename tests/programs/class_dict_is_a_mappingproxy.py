# A class's __dict__ is a read-only mappingproxy of the class's namespace, as
# in CPython 3.11: each read makes a new proxy; reading works, writing raises.
class Point:
    """A point."""
    dims = 2
    def norm(self):
        return 0

p = Point.__dict__
print(type(p).__name__, type(p), type(p).__module__)
print(p['dims'], p.get('dims'), p.get('nope'), p.get('nope', -1))
print('norm' in p, 'nope' in p, len(p), len(p) == len(list(p)))
print(list(p))
print(list(p.keys()))
print([k for k, v in p.items() if not k.startswith('__')])
print([v for v in p.values() if isinstance(v, int)])
c = p.copy()
print(type(c).__name__, c == p, p == c, sorted(c) == sorted(p))
print(p == Point.__dict__, p is Point.__dict__, p != {}, vars(Point) == p, type(vars(Point)).__name__)
print(repr(p).startswith("mappingproxy({'__module__': '__main__', '__doc__': 'A point.'"))
print(str(p).startswith("{'__module__': '__main__'"))
print(sorted(p | {'extra': 1})[-1], type(p | {}).__name__, type({} | p).__name__)
print(list(reversed(p))[0], next(iter(p)))
print(Point.__dict__['norm'] is Point.norm, Point.__dict__['__doc__'])


def attempt(label, fn):
    try:
        fn()
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, e)


def assign():
    Point.__dict__['dims'] = 3


def assign_index():
    Point.__dict__[0] = 3


def delete():
    del Point.__dict__['dims']


def delete_index():
    del Point.__dict__[0]


def inplace_or():
    q = Point.__dict__
    q |= {'a': 1}


attempt('assign', assign)
attempt('assign index', assign_index)
attempt('delete', delete)
attempt('delete index', delete_index)
attempt('|=', inplace_or)
attempt('hash', lambda: hash(Point.__dict__))
attempt('attribute', lambda: setattr(Point.__dict__, 'x', 1))
attempt('missing key', lambda: Point.__dict__['missing'])
attempt('order', lambda: Point.__dict__ < Point.__dict__)
attempt('get()', lambda: Point.__dict__.get())
attempt('keys(1)', lambda: Point.__dict__.keys(1))
print(Point.dims)
Point.dims = 3  # setattr on the class still works, and the proxy shows it
print(p['dims'], Point.__dict__['dims'])
Point.later = 'new'
print('later' in p, list(p)[-1])
del Point.later
print('later' in p)
# unpacking a proxy: {**p} and f(**p) go through its keys()
print(sorted({**p}) == sorted(p))
def kw(**k):
    return sorted(k)
print(kw(**{k: v for k, v in p.items() if not k.startswith('__')}))
print(dict(Point.__dict__) == dict(p.items()))
