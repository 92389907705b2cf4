import gc
L = [3, 1, 2]
gc.collect()
R = [0] * 20
R[0] = gc.get_count()[0]
z = zip(L, L)
R[1] = gc.get_count()[0]
x = list(z)
R[2] = gc.get_count()[0]
del x
R[3] = gc.get_count()[0]
z = zip(L, L)
R[4] = gc.get_count()[0]
t1 = next(z)
R[5] = gc.get_count()[0]
t2 = next(z)
R[6] = gc.get_count()[0]
t3 = next(z)
R[7] = gc.get_count()[0]
t4 = next(z, None)
R[8] = gc.get_count()[0]
print(R[:9])
