# every math function over a spread of inputs prints CPython's exact floats
import math
from math import pi, e, tau, inf, nan, sqrt

print(pi, e, tau, inf, nan, -inf, sqrt(2))
xs = [0, 1, -1, 0.5, -0.5, 2, 3, 10, 0.1, 1e-10, 123.456, -7.25, 1e10, 2 ** 52 + 1, 0.7853981633974483]
for name in ["sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "asinh", "exp", "expm1", "fabs", "degrees",
             "radians", "cbrt", "exp2"]:
    f = getattr(math, name)
    print(name, [f(x) for x in xs])
for name in ["sqrt", "log", "log2", "log10", "log1p"]:
    f = getattr(math, name)
    print(name, [f(x) for x in xs if x > 0])
for name in ["asin", "acos", "atanh"]:
    f = getattr(math, name)
    print(name, [f(x) for x in [0, 0.5, -0.5, 0.1, 0.99, -0.25]])
print("acosh", [math.acosh(x) for x in [1, 2, 10, 1.5]])
pairs = [(1, 2), (2, 1), (-1, 2), (3, -4), (0.5, 0.25), (10, 3), (-7, 2), (2, 0.5), (1e10, 3), (0, 1)]
for name in ["atan2", "pow", "copysign", "fmod", "hypot", "remainder", "log"]:
    f = getattr(math, name)
    out = []
    for a, b in pairs:
        try:
            out.append(f(a, b))
        except (ValueError, ZeroDivisionError, OverflowError) as exc:
            out.append(type(exc).__name__)
    print(name, out)
print([math.floor(x) for x in xs], [math.ceil(x) for x in xs], [math.trunc(x) for x in xs])
print([math.modf(x) for x in xs[:8]], [math.frexp(x) for x in xs[:8]])
print([math.ldexp(m, k) for m, k in [(0.5, 1), (0.75, 10), (-0.3, -5), (1, 0)]])
print([math.isclose(1.0, 1.0 + d) for d in [1e-12, 1e-9, 1e-8, 0]], math.isclose(0, 1e-10, abs_tol=1e-9))
print([math.isfinite(x) for x in [1, inf, nan]], [math.isinf(x) for x in [1, -inf]], [math.isnan(x) for x in [nan, 1]])
print(math.pi * 2 == math.tau, math.cos(math.pi / 3), math.sin(math.pi / 6), math.hypot(5, 12))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.nextafter(1, 2), math.ulp(1.0), math.ulp(1e300), math.exp(-745.2))
print(math.log(1e300), math.log10(10 ** 18), math.log2(2 ** 62), math.log(2 ** 62, 2), math.log(10, 100))
