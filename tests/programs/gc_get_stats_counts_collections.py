# gc.get_stats(): collections, collected and uncollectable per generation
import gc

gc.collect()
before = gc.get_stats()
a = []
a.append(a)
del a
gc.collect(0)
gc.collect(0)
b = []
b.append(b)
del b
gc.collect(1)
after = gc.get_stats()
for g in range(3):
    print(g, {k: after[g][k] - before[g][k] for k in ('collections', 'collected', 'uncollectable')})
print(sorted(after[0]))
