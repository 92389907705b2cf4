import random
random.seed(3)
def roll():
    return random.randint(1, 6)
rolls = list(iter(roll, 6))
print(rolls)
lines = iter(["a", "b", "", "c"])
for line in iter(lambda: next(lines), ""):
    print("line", line)
it = iter(int, 1)
print(type(it).__name__, next(it), next(it, "x"))
try:
    iter(5, 1)
except TypeError as e:
    print(e)
s = slice(1, None, 2)
print(s.indices(10), slice(-3, None).indices(5), slice(None, None, -1).indices(4), slice(100).indices(7))
try:
    s.indices(-1)
except ValueError as e:
    print(e)
print(range(10)[s], "abcdefgh"[slice(*s.indices(8))])
