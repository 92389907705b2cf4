# random.Random(seed) instances each have their own generator; getstate and
# setstate save and restore it; the module functions share one hidden
# instance
import random

r = random.Random(42)
s = random.Random(42)
print(r.random() == s.random(), r.random())
random.seed(42)
print(random.random() == random.Random(42).random())
print(random.Random(42).randint(1, 10), random.Random("x").choice("abcdef"))
print(type(r), isinstance(r, random.Random), random.Random.__name__, random.Random.__module__)
print(type(random.random), random.Random.VERSION)

# state: a tuple (3, 625 ints, gauss_next)
st = r.getstate()
print(type(st), len(st), st[0], len(st[1]), st[2], st[1][-1])
a = [r.random() for _ in range(5)]
r.setstate(st)
print(a == [r.random() for _ in range(5)])
s.setstate(st)
print(s.random() == r.random())

# gauss keeps its second value in gauss_next, which the state carries
g = random.Random(7)
print(g.gauss(0, 1), g.gauss_next)
saved = g.getstate()
print(saved[2] == g.gauss_next)
x = g.gauss(0, 1)
g.setstate(saved)
print(x == g.gauss(0, 1), g.gauss_next)
g.seed(7)
print(g.gauss_next)

# version 2 states are accepted too
st2 = (2,) + st[1:]
r.setstate(st2)
print(r.random() == random.Random(42).getstate() is None)

# a subclass keeps the generator
class Dice(random.Random):
    def __init__(self, seed, sides):
        super().__init__(seed)
        self.sides = sides
    def roll(self):
        return self.randint(1, self.sides)

d = Dice(3, 20)
print([d.roll() for _ in range(8)], isinstance(d, random.Random))
print([random.Random(3).randint(1, 20) for _ in range(1)])

# SystemRandom draws from the OS: only properties
sr = random.SystemRandom()
v = sr.random()
print(0.0 <= v < 1.0, 1 <= sr.randint(1, 6) <= 6, sr.seed(5), 0 <= sr.getrandbits(10) < 1024)
try:
    sr.getstate()
except NotImplementedError as e:
    print("NotImplementedError:", e)
