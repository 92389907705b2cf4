# Ordinary arguments: CPython's own formulas (not the C library's complex
# functions), so every bit of every result matches.
import cmath
zs = [0.5 + 0.25j, -1.5 + 2j, 3 - 4j, -0.75 - 0.1j, 1 + 0j, 1e-8 + 1e-8j, 12.5 + 0.001j, -20 + 30j, 0.999 + 0.04j, 1e150 - 1e151j]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
         "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
for name in names:
    f = getattr(cmath, name)
    out = []
    for z in zs:
        try:
            out.append(repr(f(z)))
        except OverflowError:
            out.append("OverflowError")
    print(name, " ".join(out))
for z in zs:
    print(cmath.phase(z), cmath.polar(z), abs(z))
print(cmath.rect(2, 0.5), cmath.rect(-3, 2), cmath.rect(1, -0.0), cmath.rect(0, 7))
print(cmath.log(8, 2), cmath.log(1j, 1 + 1j), cmath.log(-5, 10), cmath.log10(-1000))
print(cmath.sqrt(-4), cmath.sqrt(-4 - 0j), cmath.sqrt(complex(-4, -0.0)), cmath.sqrt(2), cmath.exp(1j * cmath.pi))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0, 1e-12, abs_tol=1e-9))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(sorted(n for n in dir(cmath) if not n.startswith("_")))
