# freed lists go to a free list and come back without touching the counts;
# other containers freed are subtracted
import gc

class Thing:
    pass

gc.collect()
counts = []
counts.append(gc.get_count())
x = [1]
y = [2]
del x, y
counts.append(gc.get_count())
x = [3]
counts.append(gc.get_count())
t = Thing()
counts.append(gc.get_count())
del t
counts.append(gc.get_count())
d = {'a': 1}
del d
d = {'b': 2}
counts.append(gc.get_count())
print(counts)
gc.collect(0)
print('after collect(0)', gc.get_count())
gc.collect(1)
print('after collect(1)', gc.get_count())
