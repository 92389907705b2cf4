import gc, weakref
class A: pass
def nop(*a, **k): pass
R = [0] * 40
keep = []
gc.collect()
R[0] = gc.get_count()[0]
R[0] = gc.get_count()[0]
a1 = A()
R[1] = gc.get_count()[0]
f1 = weakref.finalize(a1, nop, 'x')
R[2] = gc.get_count()[0]
a2 = A()
R[3] = gc.get_count()[0]
f2 = weakref.finalize(a2, nop, 'y')
R[4] = gc.get_count()[0]
del a1
R[5] = gc.get_count()[0]
del a2
R[6] = gc.get_count()[0]
a3 = A()
f3 = weakref.finalize(a3, nop)
R[7] = gc.get_count()[0]
a4 = A()
f4 = weakref.finalize(a4, nop)
R[8] = gc.get_count()[0]
del a3
R[9] = gc.get_count()[0]
f5 = weakref.finalize(A(), nop, 'z')
R[10] = gc.get_count()[0]
f6 = weakref.finalize(A(), nop, 'z')
R[11] = gc.get_count()[0]
a7 = A()
f7 = weakref.finalize(a7, nop, k=1)
R[12] = gc.get_count()[0]
x = f7.alive
R[13] = gc.get_count()[0]
f7()
R[14] = gc.get_count()[0]
a8 = A()
f8 = weakref.finalize(a8, nop)
f8.detach()
R[15] = gc.get_count()[0]
print([R[i + 1] - R[i] for i in range(15)])
