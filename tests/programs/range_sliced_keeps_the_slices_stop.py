r = range(3, 30, 4)
for s in [slice(None), slice(1, None, 2), slice(None, None, -1), slice(-2, 1, -3), slice(100, 200), slice(2, 5), slice(None, None, -2), slice(5, 0, -1)]:
    x = r[s]
    print(x, list(x) == list(r)[s])
print(range(0)[::-1], range(10)[8:2:-2], range(-5, 5)[::3])
