def f(a, b, /, c):
    return a, b, c
print(f(1, 2, 3), f(1, 2, c=3))
try:
    f(a=1, b=2, c=3)
except TypeError as e:
    print(e)
def g(tag, /, **kw):
    return tag, kw
print(g("p", tag="x"))
def h(a, /):
    return a
try:
    h(a=1)
except TypeError as e:
    print(e)
print(h.__code__.co_posonlyargcount, f.__code__.co_argcount)
class P:
    def m(self, x, /, y=2, *, z=3):
        return x, y, z
print(P().m(1), P().m(1, y=5, z=6))
try:
    P().m(x=1)
except TypeError as e:
    print(e)
k = lambda a, b=2, /, **rest: (a, b, rest)
print(k(1, a=9, b=8))
def both(a, b, /, *args, c, **kw):
    return a, b, args, c, kw
print(both(1, 2, 3, c=4, a=5))
try:
    both(1, b=2, c=3, d=4)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3, b=4)
except TypeError as e:
    print(e)
print(divmod.__name__, len.__name__)
