from fractions import Fraction as F
import random
random.seed(7)
vals = [F(2**80 + 1, 2**81), F(1, 3**40), F(10**400, 3**800), F(3**700, 10**300), F(1, 2**1074), F(3, 2**1075), F(1, 2**1075), F(1, 2**1076), F(2**1080 - 1, 2**2150),
        F(2**60 + 3, 2**1100), F(-(10**30) - 7, 10**17), F(123456789123456789123, 1000)]
for _ in range(300):
    a = random.getrandbits(random.randint(1, 200)) * random.choice([1, -1])
    b = random.getrandbits(random.randint(1, 200)) + 1
    vals.append(F(a, b))
for _ in range(100):
    a = random.getrandbits(random.randint(1, 60))
    b = random.getrandbits(random.randint(1000, 1200)) + 1
    vals.append(F(a, b))
out = []
for v in vals:
    try:
        out.append(repr(float(v)))
    except OverflowError as e:
        out.append(str(e))
print("\n".join(out))
print(F(10**400, 3) > 1e308, float(F(1, 10**400)), F(2**80+1, 2**81) * 1.0)
import copy
a = F(1, 2)
print(copy.copy(a) is a, copy.deepcopy(a) is a, copy.deepcopy([a, a]), a.__reduce__())
class Ratio(F):
    pass
r = Ratio(2, 6)
print(repr(copy.copy(r)), copy.copy(r) is r, type(copy.deepcopy(r)).__name__)
