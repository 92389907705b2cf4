# a class statement allocates several containers in CPython (the class, its
# dict, MRO and bases tuples, descriptors, ...): gc.get_count() shows them
import gc

deltas = []
gc.collect()
c0 = gc.get_count()
class Plain:
    pass
c1 = gc.get_count()
deltas.append(('plain class', c1[0] - c0[0] - 1))
gc.collect()
c0 = gc.get_count()
class WithMethods:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
c1 = gc.get_count()
deltas.append(('two methods', c1[0] - c0[0] - 1))
gc.collect()
c0 = gc.get_count()
class Child(WithMethods):
    pass
c1 = gc.get_count()
deltas.append(('first subclass', c1[0] - c0[0] - 1))
gc.collect()
c0 = gc.get_count()
class Child2(WithMethods):
    pass
c1 = gc.get_count()
deltas.append(('second subclass', c1[0] - c0[0] - 1))
gc.collect()
c0 = gc.get_count()
class MyError(Exception):
    pass
c1 = gc.get_count()
deltas.append(('exception class', c1[0] - c0[0] - 1))
gc.collect()
c0 = gc.get_count()
obj = WithMethods(5)
c1 = gc.get_count()
deltas.append(('an instance, one argument', c1[0] - c0[0] - 1))
for d in deltas:
    print(d)
