import random

random.seed(42)
print(random.random(), random.randint(1, 6), random.choice("abcdef"))
print([random.randint(1, 100) for _ in range(10)])
print(random.uniform(1.5, 3.5), random.randrange(0, 100, 5), random.randrange(10))
deck = [f"{r}{s}" for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:7])
print(random.sample(range(50), 6), random.sample("xyzw", 2))
print(random.choices(["red", "green", "blue"], weights=[5, 3, 1], k=8))
print(round(random.gauss(0, 1), 6), round(random.normalvariate(10, 2), 6))
random.seed("hello")
print(random.random())
random.seed(2024)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
hist = {s: rolls.count(s) for s in range(2, 13)}
for s, c in hist.items():
    print(f"{s:2d}: {'#' * (c // 5)} {c}")

def monte_carlo_pi(n):
    inside = 0
    for _ in range(n):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1:
            inside += 1
    return 4 * inside / n
random.seed(7)
print(monte_carlo_pi(10000))

def random_walk(steps):
    x = y = 0
    for _ in range(steps):
        dx, dy = random.choice([(0, 1), (0, -1), (1, 0), (-1, 0)])
        x += dx; y += dy
    return x, y
random.seed(1)
print([random_walk(100) for _ in range(5)])
r = random.Random(99)
print(r.random(), r.randint(0, 10**12), r.getrandbits(64))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b)
random.seed(5)
print(random.triangular(0, 10, 3), random.expovariate(1.5), random.betavariate(2, 3))
print(random.randint(-10**20, 10**20), random.getrandbits(100))
random.seed(0)
lst = list(range(20)); random.shuffle(lst); print(lst)
print(random.choice(range(1000)), random.sample(range(10**9), 3))
