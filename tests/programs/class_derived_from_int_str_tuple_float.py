# classes derived from the immutable built-in types: __new__ makes the
# value, arithmetic gives plain values, overridden operators win
class Money(int):
    def __new__(cls, amount, currency="EUR"):
        obj = super().__new__(cls, amount)
        obj.currency = currency
        return obj
    def __repr__(self):
        return f"Money({int(self)}, {self.currency!r})"
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(int(self) + int(other), self.currency)
        return NotImplemented

a = Money(5)
b = Money(7, "USD")
print(a, b, a + b, a + 1 if False else int(a) + 1, a * 2, type(a * 2).__name__, a == 5, hash(a) == hash(5))
print(isinstance(a, int), a.currency, str(a), repr(b), f"{a}", -a, abs(Money(-3)))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
print(1 + a if False else "radd skipped", int(a), type(int(a)).__name__)

class Celsius(float):
    def __str__(self):
        return f"{float(self):.1f}°C"
c = Celsius(21.456)
print(c, repr(c), c + 1, type(c + 1).__name__, round(c, 1), c > 20)

class Word(str):
    def __new__(cls, text):
        return super().__new__(cls, text.strip().lower())
    def vowels(self):
        return sum(ch in "aeiou" for ch in self)
w = Word("  HeLLo ")
print(w, repr(w), len(w), w.vowels(), w.upper(), type(w.upper()).__name__, w + "!", w[1:3], w == "hello")
print(type(str(w)).__name__, str(w), {w: 1}["hello"], sorted([Word("b"), Word("a")]))

class Pair(tuple):
    def __new__(cls, left, right):
        return super().__new__(cls, (left, right))
    @property
    def left(self):
        return self[0]
    def swap(self):
        return Pair(self[1], self[0])
p = Pair(1, 2)
print(p, p.left, p.swap(), len(p), p + (3,), type(p + (3,)).__name__, p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y, list(p), tuple(p), type(tuple(p)).__name__, max(p))
p.note = "attr"
print(p.note, vars(p))

class Flag(int):
    pass
print(Flag(True), Flag("12"), Flag("ff", 16), Flag(), bool(Flag(0)))
try:
    Flag("x")
except ValueError as e:
    print("ValueError:", e)
