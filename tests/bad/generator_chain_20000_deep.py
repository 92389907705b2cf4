g = iter([1])
for i in range(20000):
    g = (x for x in g)
print(next(g))
