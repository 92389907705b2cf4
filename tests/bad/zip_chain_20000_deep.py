g = iter([1])
for i in range(20000):
    g = zip(g)
print(next(g))
