# Calling an instance (a class with __call__) packs the arguments in a tuple
# and the keywords in a dict, as _PyObject_MakeTpCall does.
import gc
class C:
    def __call__(self, *a, **k):
        return len(a) + len(k)
c = C()
R = [0] * 8
for i in range(3):
    gc.collect()
    R[0] = gc.get_count()[0]
    R[0] = gc.get_count()[0]
    c()
    R[1] = gc.get_count()[0]
    c(1, 2)
    R[2] = gc.get_count()[0]
    c(1, k=2)
    R[3] = gc.get_count()[0]
    print([R[i + 1] - R[i] for i in range(3)])
