g = [1]
for i in range(20000):
    g = enumerate(g)
print(next(g))
