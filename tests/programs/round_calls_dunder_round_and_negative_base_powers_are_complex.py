print((-8) ** (1 / 3), (-2.0) ** 0.5, (-1) ** 0.5, pow(-27, 1/3), (-8.0) ** 2.0)
class Frac:
    def __init__(self, n, d): self.n, self.d = n, d
    def __float__(self): return self.n / self.d
    def __round__(self, nd=None): return round(float(self), nd)
print(round(Frac(22, 7), 3), round(Frac(5, 2)), round(Frac(7, 2), None))
class R:
    def __round__(self):
        return "rounded"
print(round(R()))
try:
    round(R(), 2)
except TypeError as e:
    print(e)
try:
    round("x")
except TypeError as e:
    print(e)
