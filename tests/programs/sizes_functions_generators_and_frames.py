# functions, closures, methods, generators: a generator's size includes its frame,
# 8 bytes per local variable and per slot of its value stack
import sys

size = sys.getsizeof


def f():
    pass


def outer():
    x = 1

    def inner():
        return x
    return inner


inn = outer()
print("functions:", size(f), size(lambda: 0), size(inn), "closure:", size(inn.__closure__), "cell:",
      size(inn.__closure__[0]), "code:", size(f.__code__) > 0)


class A:
    def m(self):
        pass

    @classmethod
    def cm(cls):
        pass

    @staticmethod
    def sm():
        pass

    @property
    def p(self):
        return 1


a = A()
print("bound method:", size(a.m), size(A.cm), "builtins:", size(len), size([].append), size(str.join))


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


def g1():
    yield 1


def g2(n):
    for i in range(n):
        yield i


def g3(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


def g4(a, b):
    yield a + b


def g5(xs):
    yield from xs


def g6(n):
    total = 0
    for i in range(n):
        total += i
        yield total


def g7(d):
    for k, v in d.items():
        yield (k, v)


def g8():
    try:
        yield 1
    except ValueError:
        yield 2


def g9(c):
    with c:
        yield 1


def g10(n):
    x = [i for i in range(n)]
    yield len(x)


def g11(a, b, c):
    yield a.method(b, c)


def g12(n):
    def inner():
        return n
    yield inner


def g13(*args, **kw):
    yield args, kw


def g14():
    yield [1, 2, 3, 4]


def g15(a, b):
    yield {'a': a, 'b': b}


gens = [g1(), g2(3), g3(3), g4(1, 2), g5([]), g6(3), g7({}), g8(), g9(CM()), g10(3), g11(1, 2, 3), g12(3), g13(),
        g14(), g15(1, 2), (x * 2 for x in range(10))]
print("generators:", [size(g) for g in gens])
g = g2(3)
before = size(g)
print("the same through its life:", before, size(g) if next(g) == 0 else 0, size(g) if list(g) else 0)
try:
    raise ValueError('x')
except ValueError as err:
    tb = err.__traceback__
    print("exception and traceback:", size(err), size(tb))
