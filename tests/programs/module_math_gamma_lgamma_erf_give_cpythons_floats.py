# gamma and lgamma follow CPython's own Lanczos approximation (not libm's),
# erf and erfc libm's: the same digits as CPython over many inputs, and the
# same errors at the poles and overflows
import math

xs = [0.5, 1.5, 2.5, 3.7, 5.0, 7.25, 10.1, 23.0, 24.0, 50.5, 140.5, 171.0, 171.6,
      -0.5, -1.5, -2.25, -10.3, -150.7, -199.5, -250.5, 1e-21, -1e-21, 0.001, 4.9999, 5.0001]
for x in xs:
    print(x, math.gamma(x), math.lgamma(x))
for x in [-3.5, 0.5, 1.0, 2.0, 3.5, 100.0, 1e300]:
    print(x, math.lgamma(x))
for x in [-6.0, -2.0, -1.0, -0.5, -0.1, 0.0, 0.1, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 27.0]:
    print(x, math.erf(x), math.erfc(x))
print(math.gamma(5), math.gamma(True), math.lgamma(10), math.erf(1), math.erfc(0))
print(math.gamma(math.inf), math.lgamma(-math.inf), math.erf(math.inf), math.erfc(-math.inf))
print(math.gamma(math.nan), math.lgamma(math.nan), math.erf(math.nan))

def attempt(f, *args):
    try:
        print(f.__name__, args, f(*args))
    except Exception as e:
        print(f.__name__, args, type(e).__name__, e)

attempt(math.gamma, 0.0)
attempt(math.gamma, -0.0)
attempt(math.gamma, -3)
attempt(math.gamma, 172.0)
attempt(math.gamma, 300)
attempt(math.gamma, -math.inf)
attempt(math.lgamma, 0)
attempt(math.lgamma, -4.0)
attempt(math.lgamma, 2.5e305)
attempt(math.lgamma, 1e307)
attempt(math.gamma, "x")
attempt(math.erf, None)
attempt(math.erfc, [1])
attempt(math.gamma)
attempt(math.lgamma, 1, 2)
