g = iter([1])
for i in range(20000):
    g = filter(None, g)
print(list(g))
