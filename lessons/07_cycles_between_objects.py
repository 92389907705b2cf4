# ---
# title: Cycles between objects
# summary: Two nodes, two lists, two dicts pointing at each other: deleting the names leaves each pair stranded.
# options: hide-primitives
# ---
import gc
import sys

#> Start from a clean slate: clear any garbage left over from start-up.
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None


a = Node("A")
b = Node("B")
#> Each node now points at the other: a loop of length two.
a.ref = b
b.ref = a
#? What does getrefcount(a) print? | 3 | The name a, b's attribute ref, and the call's temporary.
print("node A:", sys.getrefcount(a))
#> Deleting the names takes each count from 2 down to 1. Nobody outside can
#> reach the pair, but each still holds the other up.
del a, b
#> gc.collect() runs the cycle detector now and returns how many unreachable
#> objects it found. In 3.11 attributes live inside the instance, so 2.
print("nodes collected:", gc.collect())
#> The same shape with two lists, each appended to the other.
x = [1, 2, 3]
y = [4, 5, 6]
x.append(y)
y.append(x)
print("list x:", sys.getrefcount(x))
del x, y
#? What will gc.collect() return here? | 2 | Both lists were only holding each other.
print("lists collected:", gc.collect())
#> And two dicts, each stored as a value in the other.
d1 = {}
d2 = {}
d1["other"] = d2
d2["other"] = d1
print("dict d1:", sys.getrefcount(d1))
del d1, d2
print("dicts collected:", gc.collect())
#> Cycles can be longer: three lists in a ring.
p, q, r = [], [], []
p.append(q)
q.append(r)
r.append(p)
del p, q, r
print("ring of three collected:", gc.collect())
#= Any loop of references, of any length and any mix of types, keeps its
#= members' counts above zero after the last outside reference is gone. Only
#= the cycle detector (gc) can reclaim them.
