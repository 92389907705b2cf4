import random
random.seed(5)
print(random.getrandbits(100), random.getrandbits(64), random.getrandbits(33), random.getrandbits(0))
print(random.randrange(10**30))
print(random.randint(0, 2**80))
print(random.randrange(-2**70, 2**70, 7))
print(random.randrange(2**70, -2**70, -3))
print([random.randrange(10) for _ in range(5)], random.randint(1, 6), random.randrange(0, 100, 5), random.randrange(10, 0, -1))
random.seed(2**100 + 12345)
print(random.random())
random.seed(-2**90)
print(random.random())
random.seed(12345678901234567890123)
print(random.choice('abcdef'), random.sample(range(10**6), 3))
print(random.randrange(True, 5))
for args in [(5, 5), (2**70, 2**70), (0, 10, 0), (0,), (10, 0, 2), (1.5,), (2**70, 2**70, 3)]:
    try:
        print(random.randrange(*args))
    except Exception as e:
        print(type(e).__name__, e)
try: random.getrandbits(-1)
except ValueError as e: print(e)
r = random.Random(2**64)
print(r.getrandbits(200))
import operator
print(operator.index(2 ** 70), operator.index(True), operator.index(-7))
