# sys.getsizeof(set) = 216 (8 slots inside the object) + 16 bytes a slot once the table is bigger
import sys

size = sys.getsizeof
s = set()
print("set():", size(s), "frozenset():", size(frozenset()))
print("add k = 1..20:", [size(s) for i in range(20) if s.add(i) is None])
s = set()
prev = size(s)
changes = []
for i in range(5000):
    s.add(i)
    if size(s) != prev:
        prev = size(s)
        changes.append((len(s), prev))
print("add, size changes:", changes)
print("set(range(n)):", [(n, size(set(range(n)))) for n in (0, 1, 4, 5, 7, 8, 15, 16, 100)])
print("frozenset(set):", [(n, size(frozenset(set(range(n))))) for n in (0, 1, 4, 5, 7, 8, 15, 16, 100)])
print("copy():", [(n, size(set(range(n)).copy())) for n in (0, 1, 4, 5, 7, 8, 15, 16, 100)])
print("set(dict):", [(n, size(set({i: i for i in range(n)}))) for n in (0, 4, 5, 8, 100)])
print("comprehension:", [(n, size({i for i in range(n)})) for n in (0, 4, 5, 18, 19, 100)])
a0, a1, a2, a3, a4 = range(100, 105)
print("displays:", size({1, 2, 3}), size({1, 2, 3, 4, 5}), size({1, 2, 3, 4, 5, 6, 7, 8}), size({a0, a1, a2, a3, a4}))
print("operators:", size(set(range(100)) - set(range(95))), size(set(range(100)) | set(range(5))),
      size(set(range(100)) & set(range(5))), size(set(range(10)) ^ set(range(5, 15))))
s = set(range(76))
s -= set(range(70))
print("difference_update rebuilds:", size(s))
s = set(range(100))
s -= set(range(95))
print("not below a quarter dummies:", size(s))
s = set(range(100))
for i in range(90):
    s.discard(i)
print("discard never shrinks:", size(s))
s.clear()
print("clear:", size(s))
