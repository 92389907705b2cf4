import random
random.seed(3)
data = [random.randint(1, 100) for _ in range(20)]
print(data)
if (n := len(data)) > 10:
    print(f"List is too long ({n} elements, expected <= 10)")
evens = [y for x in data if (y := x * 2) % 3 == 0]
print(evens)
it = iter(data)
while (v := next(it, None)) is not None and v < 90:
    pass
print("first >= 90:", v)
stats = {"min": (lo := min(data)), "max": (hi := max(data)), "range": hi - lo}
print(stats)
total = 0
partials = [total := total + x for x in range(6)]
print(partials, total)
print((s := "walrus") and s.upper())

values = [3, -1, 0, 7, -5]
pos = [v for v in values if v > 0]
neg_count = sum(1 for v in values if v < 0)
print(pos, neg_count, any(v == 0 for v in values), all(abs(v) < 10 for v in values))
x = 5
result = "big" if x > 3 else "small"
print(result, x if x % 2 else -x, [("even" if i % 2 == 0 else "odd") for i in range(4)])
a, b = 1, 2
a, b = b, a
print(a, b)
a = b = c = []
a.append(1)
print(a, b, c, a is c)
i = j = 0
i += 1
print(i, j)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2, "a" < "b" < "c", (1 < 2) is True)
print(None or "default", 0 or [] or "last", 1 and "second", [] and "never", not None, not "x")
print(bool(""), bool(" "), bool([0]), bool(0.0), bool(-1), bool(None), bool({}), bool(range(0)))
print(type(None).__name__, type(...).__name__, ... is Ellipsis, NotImplemented, type(NotImplemented).__name__)
print(divmod(-7, 2), -7 // 2, int(-7 / 2), 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 10 - 3 - 2, 2 * 3 % 4)
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 10, 1024 >> 3, -16 >> 2, 5 & -5)
print("ab" in "cabd", [1] in [[1], 2], 3 not in (1, 2), "" in "x")
for i in range(3):
    if i == 5:
        break
else:
    print("loop completed without break")
k = 0
while k < 10:
    k += 3
else:
    print("while ended at", k)
print(isinstance(3, (str, int)), type(3) is int, type(True) is int, issubclass(bool, int))
print(list(range(0)), list(range(-3)), list(range(5, 0, -2)), [*range(3)][::-1])
lst = list(range(10))
print(lst[::2], lst[1::3], lst[-3:], lst[:-7], lst[8:2:-2], lst[100:], lst[-100:2])
lst[2:5] = ["a"]
print(lst)
del lst[::3]
print(lst)
lst[1:1] = [9, 9]
print(lst, lst.index(9), lst.count(9))
