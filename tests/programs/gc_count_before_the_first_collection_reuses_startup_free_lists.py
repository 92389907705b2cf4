# Before the first full collection, CPython's free lists still hold what its
# start-up left: the first tuples (of most lengths), lists and dicts a
# program makes come from there and do not count in generation 0, and a
# print allocates nothing new.  Only differences are printed: the count at
# the first statement depends on how much CPython's compiler allocated.
# (A def, a class or a comprehension anywhere in the file would change what
# CPython's compiler leaves on the lists: this program has none.)
import gc
gc.disable()
R = [0] * 16
R[0] = gc.get_count()[0]
a = gc.get_count()
R[1] = gc.get_count()[0]
print("x")
R[2] = gc.get_count()[0]
print("y", "z", sep="-")
R[3] = gc.get_count()[0]
t1 = (R, R, R, R)
t2 = (R, R, R, R)
t3 = (R, a, a)
R[4] = gc.get_count()[0]
l1 = [R]
l2 = [R]
R[5] = gc.get_count()[0]
d1 = {"k": R}
d2 = {"k": R}
d3 = {"k": R}
R[6] = gc.get_count()[0]
s = "%s %s" % (R, a)
R[7] = gc.get_count()[0]
keep = []
for i in range(2000):
    keep.append([i])
R[8] = gc.get_count()[0]
D = [0] * 8
for i in range(8):
    D[i] = R[i + 1] - R[i]
print(D)
gc.collect()
R[10] = gc.get_count()[0]
t4 = (R, R, R, R)
R[11] = gc.get_count()[0]
print(R[11] - R[10])
