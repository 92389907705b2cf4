# random.seed with a str hashes it with SHA-512 (version 2) or with
# CPython's old string algorithm (version=1); a float seeds with its hash;
# None (or nothing) seeds from the operating system
import random

for s in ["", "a", "spam", "hello world", "héllo wörld ✓", "x" * 200, "0123456789" * 7]:
    random.seed(s)
    print(repr(s[:20]), random.random(), random.randrange(1000))
for s in ["", "a", "spam", "héllo ✓"]:
    random.seed(s, version=1)
    print("v1", repr(s), random.random())
    random.seed(s, 1)
    print("v1 positional", random.random())
for f in [0.0, -0.0, 0.5, 3.25, -0.5, 1e300, 123456.789, float("inf"), float("-inf")]:
    random.seed(f)
    print(f, random.random())
random.seed(1.0)
x = random.random()
random.seed(1)
print("1.0 like 1:", x == random.random())

# from the OS: different runs differ, so only print properties
random.seed()
a = random.random()
random.seed(None)
b = random.random()
print(0.0 <= a < 1.0, 0.0 <= b < 1.0, a != b)
r1 = random.Random()
r2 = random.Random()
print(r1.random() != r2.random())
