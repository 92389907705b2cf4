def show(*args, **kwargs):
    print("args:", args, "kwargs:", kwargs)

show(1, 2, a=3)
show(*[1, 2], *"ab", **{"x": 1}, y=2)

def kw_only(a, b, *, scale=1, offset=0):
    return (a + b) * scale + offset

def pos_only(x, y, /, z=0, *, w=1):
    return x, y, z, w

print(kw_only(1, 2), kw_only(1, 2, scale=3), kw_only(1, 2, offset=-1, scale=2))
print(pos_only(1, 2), pos_only(1, 2, 3), pos_only(1, 2, z=5, w=6))
try:
    kw_only(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    pos_only(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw_only(1)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    kw_only(1, 2, scale=1, bogus=4)
except TypeError as e:
    print("TypeError:", e)

first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
head, *tail = "hello"
print(head, tail)
*init, end = [1]
print(init, end)
x, y = y, x = 1, 2
print(x, y)
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print({**d1, **d2}, d1 | d2, [*d1, *d2], (*range(3),))
for i, (name, score) in enumerate([("a", 1), ("b", 2)]):
    print(i, name, score)

def defaults(x, lst=[]):
    lst.append(x)
    return lst
print(defaults(1), defaults(2), defaults(3, []))
print(defaults.__defaults__)

def f(a, b=2, *args, c, d=4, **kw):
    return f"a={a} b={b} args={args} c={c} d={d} kw={kw}"
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__kwdefaults__)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    f(1, 2, c=3, a=4)
except TypeError as e:
    print("TypeError:", e)
print(pos_only(1, 2, 3, 4))
