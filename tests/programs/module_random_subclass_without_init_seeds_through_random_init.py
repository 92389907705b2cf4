# A class statement's subclass of random.Random: with no __init__ of its own
# it is seeded by Random.__init__ (the argument or the OS); one whose
# __init__ skips super().__init__ still draws (seeded from the OS)
import random

class R(random.Random):
    pass

print(R(7).random() == random.Random(7).random(), R(7).randint(1, 100))
print(0.0 <= R().random() < 1.0, R("abc").choice("xyzw"))
print(R(5).sample(range(50), 4), R(5).getstate() == random.Random(5).getstate())

class Quiet(random.Random):
    def __init__(self):
        self.rolls = 0

q = Quiet()
print(0.0 <= q.random() < 1.0, q.rolls, q.gauss_next if hasattr(q, "gauss_next") else "no gauss_next")
q.seed(11)
print(q.random() == random.Random(11).random())

try:
    R(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    R(x=3, y=4)
except TypeError as e:
    print("TypeError:", e)
print(R(x=3).random() == random.Random(3).random())
