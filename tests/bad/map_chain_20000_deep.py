g = iter([1])
for i in range(20000):
    g = map(abs, g)
print(next(g))
