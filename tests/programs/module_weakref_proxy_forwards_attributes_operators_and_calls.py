# weakref.proxy: every operation on a proxy is done on its referent
import weakref

class Vec:
    def __init__(self, x):
        self.x = x
    def norm(self):
        return abs(self.x)
    def __add__(self, other):
        return Vec(self.x + (other.x if isinstance(other, Vec) else other))
    def __radd__(self, other):
        return Vec(other + self.x)
    def __sub__(self, other):
        return self.x - other
    def __mul__(self, other):
        return self.x * other
    def __matmul__(self, other):
        return ('matmul', other)
    def __rmatmul__(self, other):
        return ('rmatmul', other)
    def __truediv__(self, other):
        return self.x / other
    def __floordiv__(self, other):
        return self.x // other
    def __mod__(self, other):
        return self.x % other
    def __pow__(self, other):
        return self.x ** other
    def __lshift__(self, other):
        return self.x << other
    def __and__(self, other):
        return self.x & other
    def __or__(self, other):
        return self.x | other
    def __xor__(self, other):
        return self.x ^ other
    def __neg__(self):
        return Vec(-self.x)
    def __pos__(self):
        return 'pos'
    def __invert__(self):
        return 'invert'
    def __abs__(self):
        return 'abs'
    def __int__(self):
        return 42
    def __index__(self):
        return 7
    def __lt__(self, other):
        return self.x < other
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x
    def __hash__(self):
        return hash(self.x)
    def __len__(self):
        return 3
    def __bool__(self):
        return self.x != 0
    def __iter__(self):
        return iter(range(self.x))
    def __contains__(self, item):
        return item == 'in'
    def __getitem__(self, i):
        return ('get', i)
    def __setitem__(self, i, v):
        print('set', i, v)
    def __delitem__(self, i):
        print('del', i)
    def __str__(self):
        return 'Vec(%d)' % self.x if False else 'Vec(' + str(self.x) + ')'
    def __reversed__(self):
        return iter(['r'])

v = Vec(3)
p = weakref.proxy(v)
print(type(p).__name__, type(p) is weakref.ProxyType, p in weakref.ProxyTypes)
print(p.x, p.norm(), (p + 1).x, (1 + p).x, p - 1, p * 2, p @ 1, 1 @ p)
print(p / 2, p // 2, p % 2, p ** 2, p << 1, p & 1, p | 4, p ^ 1)
print((-p).x, +p, ~p, abs(p), int(p))
print(p < 5, p == Vec(3), Vec(3) == p, p != v, p == p, 5 > p)
print(len(p), bool(p), list(p), 'in' in p, 'out' in p, list(reversed(p)))
print(p[1], str(p), isinstance(p, Vec), p.__class__.__name__, 'abcdefgh'[p], f'{p}')
p[0] = 'a'
del p[0]
p.y = 'new'
print(v.y, hasattr(p, 'y'), getattr(p, 'missing', 'default'))
del p.y
print(hasattr(v, 'y'))
p += 10
print(type(p).__name__, p.x)

# a callable referent gives a CallableProxyType
def greet(name, punct='!'):
    return 'hello ' + name + punct
g = weakref.proxy(greet)
print(type(g).__name__, g('you'), g('kw', punct='?'), g.__name__, callable(g), callable(weakref.proxy(v)))

class Callable:
    def __call__(self, *args, **kwargs):
        return args, kwargs
c = Callable()
cp = weakref.proxy(c)
print(type(cp) is weakref.CallableProxyType, cp(1, 2, k=3))

# an iterator referent: next() goes through the proxy
class Counter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
it = Counter()
ip = weakref.proxy(it)
print(next(ip), next(ip), next(ip, 'done'))
lst = [1, 2, 3]
class Box:
    pass
b = Box()
b.items = lst
bp = weakref.proxy(b)
bp.items.append(4)
print(b.items, repr(bp).startswith('<weakproxy at 0x'), ' to Box at 0x' in repr(bp))
