t = frozenset()
for i in range(200000):
    t = frozenset([t])
print(hash(t) == hash(t))
1/0
