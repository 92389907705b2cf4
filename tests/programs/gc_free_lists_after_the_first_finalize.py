import gc, weakref, sys
class A: pass
def nop(*a, **k): pass
x0 = 1
def probe():
    # free-list entries available now, per kind: allocations before the count moves
    res = []
    for make in (lambda: [x0], lambda: {x0: x0}, lambda: (x0,), lambda: (x0, x0), lambda: (x0, x0, x0)):
        keep = [None] * 100
        n = 0
        while n < 100:
            c0 = gc.get_count()[0]
            keep[n] = make()
            if gc.get_count()[0] != c0:
                break
            n += 1
        res.append(n)
    return res
MODE = 'first'
gc.disable()
probe()
gc.collect()
if MODE == "first":
    a1 = A(); f1 = weakref.finalize(a1, nop, 'x')
elif MODE == "second":
    a1 = A(); f1 = weakref.finalize(a1, nop, 'x')
    gc.collect()
    a2 = A(); f2 = weakref.finalize(a2, nop, 'y')
elif MODE == "fire":
    a1 = A(); f1 = weakref.finalize(a1, nop, 'x')
    gc.collect()
    del a1
print(MODE, probe())
