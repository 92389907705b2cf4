# random.seed(n) with an int seeds the Mersenne Twister with the 32-bit
# words of abs(n): the same numbers as CPython for every seed
import random

for seed in [0, 1, -1, 42, -42, 7, 2**31 - 1, 2**32, 2**32 + 5, 2**40 + 3, 123456789012,
             9223372036854775807, -9223372036854775807 - 1, True, False]:
    random.seed(seed)
    a = [random.random() for _ in range(3)]
    b = [random.randint(1, 6) for _ in range(5)]
    c = random.getrandbits(63)
    print(repr(seed), a, b, c)

# the same seed gives the same sequence again
random.seed(2024)
first = [random.random() for _ in range(5)]
random.seed(2024)
print(first == [random.random() for _ in range(5)], first)
# an int and its negative give the same sequence (abs)
random.seed(99)
x = random.random()
random.seed(-99)
print(x == random.random())
# seed returns None
print(random.seed(5))
