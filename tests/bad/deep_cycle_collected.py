import gc
l = []
for i in range(100000):
    l = [l]
l.append(l)
del l
print(gc.collect())
1/0
