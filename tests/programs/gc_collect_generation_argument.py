# collect(g) examines generations 0..g only
import gc

gc.collect()
a = []
a.append(a)
gc.collect(0)           # a survives (it is reachable) and moves to generation 1
del a                   # now garbage, but in generation 1
print('collect(0) does not see generation 1:', gc.collect(0))
print('collect(1) does:', gc.collect(1))
b = []
b.append(b)
del b
print('collect(generation=2):', gc.collect(generation=2))
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError:', e)
