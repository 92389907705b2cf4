# a cycle still referenced from a global list survives; once released it is garbage
import gc

class Pair:
    pass

gc.collect()
registry = []
p = Pair()
q = Pair()
p.other = q
q.other = p
registry.append(p)
del p, q
print('held by the registry:', gc.collect())
registry.clear()
print('released:', gc.collect())
