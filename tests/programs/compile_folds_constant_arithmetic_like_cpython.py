# CPython's AST optimizer folds operators on constants into one constant of
# the code (unless it raises or would be too big): the folded value is
# shared, counted by the code, and allocates nothing when the line runs.
import sys
import tracemalloc

a = "ab" * 3
b = "ab" * 3
print(a is b, a == "ababab")
x = 10 ** 4
print(sys.getrefcount(x), x)
y = -1000
print(sys.getrefcount(y))
big = "x" * 5000  # past 4,096 characters: left to run time
print(len(big), sys.getrefcount(big))
print(2 ** 62, 1 << 40, 7 // 2, 7 % 3, -(2 * 3), ~5, not 1, +1.5, -True, 1 / 2, 2 ** -1, 3 * 1.5)
t = (1, 2) * 3
print(t, sys.getrefcount(t))
def f():
    return "abc" + "def", 3 * 1.5, (1 + 2, 4), -(-7)
print(f())
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print("%d items" % "x")
except TypeError as e:
    print("TypeError:", e)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
for i in range(3):
    v = 1000 * 1000 + 7
    w = "tag-" * 4
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(v, w, after - before)
