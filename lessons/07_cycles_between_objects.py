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


#> A first Node, A. (Node is a class, which the HEAP panel does not draw.)
a = Node("A")
b = Node("B")
#> A now refers to B...
a.ref = b
#> ...and B refers back to A: a loop of length two.
b.ref = a
#? What does getrefcount(a) print? | 3 | The name a, b's attribute ref, and the call's temporary. | hide: a | show: a | hint: Count the arrows into node A: from names, and from attributes of other objects. Then add getrefcount's own temporary reference.
print("node A:", sys.getrefcount(a))
#> Deleting the names takes each count from 2 down to 1. Nobody outside can
#> reach the pair, but each still holds the other up.
del a, b
#> gc.collect() runs the cycle detector now and returns how many unreachable
#> objects it found: the two nodes. (In 3.11 attributes live inside the
#> instance, so there is no separate attribute dict to count.)
print("nodes collected:", gc.collect())
#> The same shape with two lists.
x = [1, 2, 3]
y = [4, 5, 6]
#> x's new last slot holds y...
x.append(y)
#> ...and y's holds x: another loop of two.
y.append(x)
print("list x:", sys.getrefcount(x))
#> Without their names, the lists are held up only by each other.
del x, y
#? What will gc.collect() return here? | 2 | Both lists were only holding each other, so both are unreachable. | hide: none | hint: collect() counts the unreachable objects it finds. In the HEAP panel, which objects does no name lead to any more?
print("lists collected:", gc.collect())
#> And two dicts...
d1 = {}
d2 = {}
#> ...each stored as a value in the other: d1 holds d2...
d1["other"] = d2
#> ...and d2 holds d1.
d2["other"] = d1
print("dict d1:", sys.getrefcount(d1))
del d1, d2
print("dicts collected:", gc.collect())
#> Cycles can be longer: three lists...
p, q, r = [], [], []
#> ...in a ring: p holds q,
p.append(q)
#> q holds r,
q.append(r)
#> and r holds p, which closes the ring.
r.append(p)
del p, q, r
print("ring of three collected:", gc.collect())
#= Any loop of references, of any length and any mix of types, keeps its
#= members' counts above zero after the last outside reference is gone. Only
#= the cycle detector (gc) can reclaim them, unless you break the loop
#= yourself first (lesson 13).
