# edge cases of sample, choices and shuffle, and that they hand out the very
# objects of the population (references, not copies)
import random
import sys

random.seed(11)
print(random.sample([1, 2, 3], 0), random.sample((), 0), random.sample("abc", 3), random.sample(range(5), 5))
print(random.sample(("x", "y", "z", "w"), k=2), random.sample(range(100, 200, 3), 4))
print(random.choices([1, 2], k=0), random.choices([1, 2], k=-3), random.choices("ab", k=True))
print(random.choices((5, 6, 7), [0, 0, 1], k=4), random.choices(range(3), cum_weights=[0.5, 0.5, 2.0], k=5))
print(random.choices([1, 2, 3], weights=[1, 1, 1]), random.choices([1, 2, 3], [True, False, True], k=3))
l = []
random.shuffle(l)
l1 = [9]
random.shuffle(l1)
print(l, l1)
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
random.shuffle(words)
print(words)
print(random.choice(("one", "two")), random.choice(range(10, 20)), random.choice("xyz"))
print(random.randrange(10), random.randrange(5, 10), random.randrange(0, 100, 25), random.randrange(10, 0, -2))
print(random.randint(5, 5), random.randint(-3, -1), random.randrange(True), random.randrange(1.0, 5.0, 1))

class Card:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Card({self.n})"

deck = [Card(i) for i in range(6)]
c = random.choice(deck)
print(c, c in deck, sys.getrefcount(c))
hand = random.sample(deck, 3)
print(hand, all(h in deck for h in hand), [sys.getrefcount(h) for h in hand])
del c, hand
print([sys.getrefcount(card) for card in deck])
random.shuffle(deck)
print(deck, [sys.getrefcount(card) for card in deck])
picks = random.choices(deck, k=10)
print(picks, sorted(sys.getrefcount(card) for card in deck))
print(random.triangular(1, 1), random.triangular(0, 10), random.triangular(low=2, high=4, mode=4))
print(random.uniform(5, 5), random.uniform(2.5, -2.5), random.gauss(), random.normalvariate())
print(random.expovariate(-2), random.gammavariate(1, 3), random.betavariate(1, 1))
