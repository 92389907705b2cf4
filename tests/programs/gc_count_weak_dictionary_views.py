import gc, weakref
class A: pass
oa = A()
WK = weakref.WeakKeyDictionary()
WK[oa] = 1
R = [0] * 40
for i in range(4):
    gc.collect()
    R[0] = gc.get_count()[0]
    R[0] = gc.get_count()[0]
    x = list(WK.keys())
    R[1] = gc.get_count()[0]
    x = list(WK.keys())
    R[2] = gc.get_count()[0]
    y = list(WK.items())
    R[3] = gc.get_count()[0]
    y = list(WK)
    R[4] = gc.get_count()[0]
    print([R[i + 1] - R[i] for i in range(4)])
