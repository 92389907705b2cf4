import gc
gc.disable()
gc.collect()
c0 = gc.get_count()[0]
n0 = len(gc.get_objects())
s = repr([1])
c1 = gc.get_count()[0]
n1 = len(gc.get_objects())
s = repr([2])
c2 = gc.get_count()[0]
s = repr((1, 2))
s = repr({1: 2})
c3 = gc.get_count()[0]
print(c1 - c0, n1 - n0, c2 - c1, c3 - c2)
