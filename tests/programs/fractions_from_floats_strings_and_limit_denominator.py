from fractions import Fraction as F
print(F(0.1), F(0.1) == F(3602879701896397, 36028797018963968), F(2.5), F(-0.0), F(1e300).denominator, F(5e-324))
for s in ['3/4', ' -1.25 ', '1e-3', '7', '+3.', '.5', '1_000/3', '-2.5E+2', '1.2_5e1_0', '  10/-0 '.strip()[:2], '0/5', '1E3', '\t 42 \n']:
    print(repr(s), F(s))
for bad in ['', '1/', '/2', '1.2.3', 'abc', '1__0', '1/2.5', '3/-4', '- 1', '1e', '_1', '1_', '.', 'e5', '1/0']:
    try:
        print(F(bad))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
import math
print(F(math.pi).limit_denominator(1000), F(math.pi).limit_denominator(100), F(math.pi).limit_denominator(), F(3, 7).limit_denominator(5), F(-13, 30).limit_denominator(10), F('3.141592653589793').limit_denominator(1))
print(F.from_float(0.25), F.from_float(3), F(1,3).limit_denominator(3))
for f in [0.1, 1/3, 2/3, 1.1, 123.456]:
    print(f, F(f).limit_denominator(1000), F(f).limit_denominator(10))
for args in [(1, 0), (0, 0), (-5, 0)]:
    try: F(*args)
    except ZeroDivisionError as e: print(e)
tests = [lambda: F(1, 2) / 0, lambda: F(-1, 2) / F(0), lambda: F(0) / 0, lambda: F(0) ** -1, lambda: F(1, 2) // 0, lambda: F(1, 2) % 0,
         lambda: F(1.5, 2), lambda: F('1', 2), lambda: F([1]), lambda: F(float('nan')), lambda: F(float('inf')), lambda: F.from_float('x'),
         lambda: F(1, 2).limit_denominator(0), 
         lambda: F(numerator=3, denominator=4), lambda: F(3, denominator=5), lambda: F(1, 2, 3), lambda: F(x=1), lambda: F(10**400) / 3 + 0.5,
         lambda: float(F(10**400, 3)), lambda: F(2, 3).limit_denominator(max_denominator=2), lambda: F(1, 2) ** 'x']
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
class MyF(F):
    pass
m = MyF(3, 6)
print(m, repr(m), type(m).__name__, type(m + 1).__name__, MyF.from_float(0.5), type(MyF.from_float(0.5)).__name__)
