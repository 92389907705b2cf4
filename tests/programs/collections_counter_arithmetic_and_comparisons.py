# Counter's multiset operators: + - | & keep positive counts, unary + and -,
# in-place forms, and the comparisons of 3.10+ (missing counts are 0).
from collections import Counter

x, y = Counter(a=3, b=1, c=-2), Counter(a=1, b=2, d=4)
print(x + y)
print(x - y)
print(x | y)
print(x & y)
print(+x, -x)
print(x == y, x != y, Counter(a=1) == Counter(a=1, b=0))
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=3) >= Counter(a=2, b=0))
print(Counter(a=1) == {'a': 1})
z = Counter(a=1, b=5)
z += Counter(a=2, b=-9)
print(z)
z -= Counter(a=1)
print(z)
z |= Counter(a=7, q=1)
print(z)
z &= Counter(a=4)
print(z)
try:
    x + {'a': 1}
except TypeError as e:
    print('TypeError', e)
try:
    x < 5
except TypeError as e:
    print('TypeError', e)
