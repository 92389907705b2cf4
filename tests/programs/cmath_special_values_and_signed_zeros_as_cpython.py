# Infinities, NaNs and signed zeros: CPython's tables of C99 Annex G
# values, including the signs of zeros (copysign shows them) and which
# results are ValueError or OverflowError.
import cmath, math
inf, nan = float("inf"), float("nan")
parts = [-inf, -2.0, -0.0, 0.0, 2.0, inf, nan]
def sign(x):
    return "-" if math.copysign(1, x) < 0 else "+"
names = ["sqrt", "exp", "log", "sin", "cos", "tan", "asin", "acos", "atan",
         "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
for name in names:
    f = getattr(cmath, name)
    row = []
    for x in parts:
        for y in parts:
            try:
                r = f(complex(x, y))
                row.append("%r%s%s" % (r, sign(r.real), sign(r.imag)))
            except ValueError:
                row.append("V")
            except OverflowError:
                row.append("O")
    print(name, " ".join(row))
for x in parts:
    row = []
    for y in parts:
        try:
            r = cmath.rect(x, y)
            row.append("%r%s%s" % (r, sign(r.real), sign(r.imag)))
        except ValueError:
            row.append("V")
    print("rect", x, " ".join(row))
print([cmath.isfinite(complex(x, 1)) for x in parts], [cmath.isinf(complex(1, y)) for y in parts],
      [cmath.isnan(complex(x, 0)) for x in parts])
print(cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(inf, 0), complex(-inf, 0)),
      cmath.isclose(nan, nan), cmath.polar(complex(-inf, nan)), cmath.phase(complex(-0.0, -0.0)))
