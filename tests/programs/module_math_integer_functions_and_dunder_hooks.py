# math's integer functions, and the hooks classes give math (__floor__,
# __ceil__, __trunc__, __float__, __index__)
import math

print([math.factorial(n) for n in range(21)])
print(math.gcd(0, 0), math.gcd(48, 180), math.gcd(-48, 180), math.gcd(7), math.gcd(), math.gcd(12, 18, 27, 6))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 9), math.lcm(), math.lcm(-21, 6))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10 ** 12, 2 ** 62, 9223372036854775807]])
print([math.comb(10, k) for k in range(12)], math.comb(60, 30), math.comb(0, 0))
print([math.perm(6, k) for k in range(8)], math.perm(7), math.perm(4, None))
print(math.floor(True), math.ceil(False), math.trunc(True), math.floor(-0.0), math.ceil(1e15 + 0.5))
print(math.prod(range(1, 11)), math.prod([]), math.prod([1.5, 2, 4]), math.prod([2, 3], start=0.5))
print(math.prod([[1], 2]), math.prod("ab", start=1) if False else "skip")

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __floor__(self):
        return "floor called"
    def __ceil__(self):
        return self.cents // 100 + 1
    def __trunc__(self):
        return self.cents // 100
    def __float__(self):
        return self.cents / 100

m = Money(1234)
print(math.floor(m), math.ceil(m), math.trunc(m), math.sqrt(m), math.fabs(m), math.isclose(m, 12.34))

class Idx:
    def __index__(self):
        return 5

print(math.factorial(Idx()), math.gcd(Idx(), 15), math.comb(Idx(), 2), math.sqrt(Idx()), math.isqrt(Idx()))

class BadFloat:
    def __float__(self):
        return 3

try:
    math.sqrt(BadFloat())
except TypeError as exc:
    print("TypeError:", exc)

class Plain:
    pass

for f in [math.floor, math.trunc, math.sqrt]:
    try:
        f(Plain())
    except TypeError as exc:
        print("TypeError:", exc)
