import time
import math

class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = [list(r) for r in rows]

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __matmul__(self, other):
        (n, m), (m2, p) = self.shape, other.shape
        if m != m2:
            raise ValueError(f"shape mismatch {self.shape} @ {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __pow__(self, k):
        result = Matrix.identity(self.shape[0])
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    def transpose(self):
        return Matrix(list(map(list, zip(*self.rows))))

    def det(self):
        n = self.shape[0]
        if n == 1:
            return self.rows[0][0]
        if n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        return sum((-1) ** j * self.rows[0][j] * Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]).det() for j in range(n))

    def __eq__(self, other):
        return self.rows == other.rows

    def __str__(self):
        w = max(len(f"{v}") for r in self.rows for v in r)
        return "\n".join("[" + " ".join(f"{v:>{w}}" for v in r) + "]" for r in self.rows)

    def __repr__(self):
        return f"Matrix({self.rows})"

A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A @ B, A + B, sep="\n")
print(repr(A.transpose()), A.shape, A.det())
fibm = Matrix([[1, 1], [1, 0]]) ** 90
print(fibm.rows[0][1])
M = Matrix([[2, -3, 1], [2, 0, -1], [1, 4, 5]])
print(M.det(), Matrix.identity(3) @ M == M)
print(Matrix([[1.5, 2.25], [math.pi, -0.1]]))
t0 = time.time()
t1 = time.perf_counter()
total = sum(i * i for i in range(100000))
elapsed = time.perf_counter() - t1
print(total, elapsed >= 0, time.time() >= t0, isinstance(time.monotonic(), float))
print(type(time.localtime()).__name__, time.gmtime(0).tm_year, time.strftime("%Y-%m-%d", time.gmtime(86400 * 365)))
print(time.gmtime(1700000000)[:6])
time.sleep(0.01)
print(math.isclose(0.1 + 0.2, 0.3), math.comb(10, 3), math.perm(5, 2), math.factorial(12), math.gcd(12, 18, 27))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.sqrt(2), math.log(100, 10), math.log2(1024), math.exp(1))
print(math.inf > 10**300, math.isnan(math.nan), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.degrees(math.pi), math.radians(180), math.atan2(1, 1), math.hypot(3, 4, 12), math.dist((0, 0), (3, 4)))
print(A @ Matrix([[1, 2, 3]]))
