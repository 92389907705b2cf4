class Poly:
    def __init__(self, *coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c or [0]
    @property
    def degree(self):
        return len(self.c) - 1
    def __call__(self, x):
        result = 0
        for coef in reversed(self.c):
            result = result * x + coef
        return result
    def __add__(self, o):
        n = max(len(self.c), len(o.c))
        a = self.c + [0] * (n - len(self.c))
        b = o.c + [0] * (n - len(o.c))
        return Poly(*[x + y for x, y in zip(a, b)])
    def __mul__(self, o):
        if isinstance(o, (int, float)):
            return Poly(*[x * o for x in self.c])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                out[i + j] += a * b
        return Poly(*out)
    __rmul__ = __mul__
    def __sub__(self, o):
        return self + o * -1
    def derivative(self):
        return Poly(*[i * c for i, c in enumerate(self.c)][1:]) if self.degree else Poly(0)
    def __eq__(self, o):
        return self.c == o.c
    def __repr__(self):
        return f"Poly{tuple(self.c)}"
    def __str__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            c = self.c[i]
            if c == 0 and self.degree:
                continue
            sign = "-" if c < 0 else "+"
            c = abs(c)
            coef = "" if c == 1 and i else str(c)
            var = "" if i == 0 else "x" if i == 1 else f"x^{i}"
            terms.append((sign, coef + var))
        s = " ".join(f"{sg} {t}" for sg, t in terms)
        return s[2:] if s.startswith("+ ") else "-" + s[2:]
    def __pow__(self, n):
        r = Poly(1)
        for _ in range(n):
            r = r * self
        return r

p = Poly(1, -3, 0, 2)
q = Poly(-1, 1)
print(p, "|", q, "|", repr(p), p.degree)
print(p + q, "|", p - q, "|", p * q, "|", 3 * q, "|", q ** 3)
print([p(x) for x in range(-2, 3)], p(0.5), p(10 ** 10))
print(p.derivative(), "|", p.derivative().derivative(), "|", Poly(5).derivative())
print(Poly(0, 0, 0), Poly(1, 2) == Poly(1, 2, 0), (q ** 5).c)

def newton(f, df, x0, tol=1e-12, maxit=50):
    x = x0
    for i in range(maxit):
        fx = f(x)
        if abs(fx) < tol:
            return x, i
        x -= fx / df(x)
    raise RuntimeError("no convergence")
root, its = newton(p, p.derivative(), 2.0)
print(f"root ~ {root:.10f} after {its} iterations, check {p(root):.2e}")
print(newton(Poly(-2, 0, 1), Poly(0, 2), 1.0))
