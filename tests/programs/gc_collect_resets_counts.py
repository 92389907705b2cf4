# collect(g) zeroes the counts of generations 0..g and adds one to g + 1
import gc

gc.collect()
for i in range(3):
    gc.collect(0)
print('three collect(0):', gc.get_count())
gc.collect(1)
print('one collect(1):', gc.get_count())
for i in range(4):
    gc.collect(1)
print('four collect(1):', gc.get_count())
gc.collect(2)
print('collect(2):', gc.get_count())
