import cmath
from fractions import Fraction
class C:
    def __complex__(self): return 2 + 3j
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class BadC:
    def __complex__(self): return 5
calls = [
    lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2), lambda: cmath.sqrt(z=1), lambda: cmath.sqrt("x"),
    lambda: cmath.sqrt(None), lambda: cmath.sqrt(C()), lambda: cmath.sqrt(F()), lambda: cmath.sqrt(I()),
    lambda: cmath.sqrt(BadC()), lambda: cmath.sqrt(Fraction(9, 4)), lambda: cmath.sqrt(True),
    lambda: cmath.log(), lambda: cmath.log(1, 2, 3), lambda: cmath.log(0), lambda: cmath.log(0, 2),
    lambda: cmath.log(2, 1), lambda: cmath.log(2, 0), lambda: cmath.log(2, "x"), lambda: cmath.log(1, base=2),
    lambda: cmath.log10(0), lambda: cmath.rect(1), lambda: cmath.rect(1, 2j), lambda: cmath.rect(1, float("inf")),
    lambda: cmath.rect(1, phi=2), lambda: cmath.phase(), lambda: cmath.polar(1e308 + 1e308j),
    lambda: cmath.phase(1e200 - 1e-310j), lambda: cmath.isclose(1), lambda: cmath.isclose(1, 2, 3),
    lambda: cmath.isclose(1, 1, rel_tol=-1), lambda: cmath.isclose(a=1, b=1), lambda: cmath.isclose(1, 2, foo=3),
    lambda: cmath.isclose(1, a=1), lambda: cmath.exp(1000), lambda: cmath.exp(complex(1, float("inf"))),
    lambda: cmath.atanh(1), lambda: cmath.atanh(-1), lambda: cmath.cosh(1000), lambda: cmath.sinh(1000j + 800),
    lambda: cmath.sqrt(10 ** 400), lambda: cmath.isnan("a"), lambda: cmath.acos(2), lambda: cmath.log(-1),
]
for i, call in enumerate(calls):
    try:
        print(i, call())
    except Exception as e:
        print(i, type(e).__name__, e)
print(complex(C()), complex(F()), complex(I()), complex(Fraction(1, 4)), complex(F(), I()))
for bad in (lambda: complex(BadC()), lambda: complex([]), lambda: complex(1, [])):
    try:
        bad()
    except TypeError as e:
        print(e)
cmath.sqrt(-1, 2)
