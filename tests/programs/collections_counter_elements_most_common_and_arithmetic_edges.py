# Counter.elements() (an itertools.chain), most_common edge cases, the
# arithmetic operators (which drop counts <= 0), subtract and total.
from collections import Counter

c = Counter('abracadabra')
e = c.elements()
print(type(e), sorted(e), list(c.elements()))
print(list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(c.most_common(), c.most_common(1), c.most_common(0), c.most_common(-3), c.most_common(None), c.most_common(100))
print(Counter().most_common(), Counter(x=1, y=1, z=1).most_common(2))
d = Counter(a=3, b=-1, c=0)
print(c + d, c - d, c & d, c | d)
print(+d, -d, +Counter(), -Counter(a=-2, b=2))
print(Counter(a=1) + Counter(a=-1), Counter(a=1) - Counter(a=1))
print(c.total(), d.total(), Counter().total())
x = Counter(a=1, b=2)
x.subtract(a=3, c=1)
print(x)
x.subtract(['b', 'b', 'b'])
print(x)
x.subtract({'a': -10})
print(x, x.total())
x += Counter(z=1)
print(x)
x -= Counter(a=100)
print(x)
x |= Counter(q=5)
x &= Counter(q=2, z=9)
print(x)
try:
    Counter(a=1) + {'a': 1}
except TypeError as e:
    print('TypeError', e)
print(Counter('aab') == Counter('aba'), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2))
print(Counter(a=2, b=1) >= Counter(a=1), Counter(a=1) < Counter(a=1))
print(sorted(Counter('hello world').elements()))
print(repr(Counter()), repr(Counter(a=0)))
