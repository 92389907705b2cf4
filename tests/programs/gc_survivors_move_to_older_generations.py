# survivors of a collection of generation g move to g + 1; generation 2 keeps its own
import gc

def where(o):
    for g in range(3):
        if any(x is o for x in gc.get_objects(g)):
            return g
    return None

gc.collect()
x = []
print('new object in generation', where(x))
gc.collect(0)
print('after collect(0)', where(x))
gc.collect(1)
print('after collect(1)', where(x))
gc.collect(2)
print('after collect(2)', where(x))
y = []
gc.collect(1)
print('young survivor of collect(1)', where(y))
