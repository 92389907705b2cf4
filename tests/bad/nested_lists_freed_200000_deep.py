l = []
for i in range(200000):
    l = [l]
del l
1/0
