class N:
    pass
n = None
for i in range(200000):
    m = N()
    m.next = n
    n = m
del n, m
1/0
