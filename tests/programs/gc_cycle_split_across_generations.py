# half of a cycle in generation 1, half in generation 0: only a collection of
# generation 1 sees the whole cycle
import gc

gc.collect()
old = []
gc.collect(0)              # old is in generation 1 now
young = [old]
old.append(young)
del old, young
print('collect(0):', gc.collect(0))
print('collect(1):', gc.collect(1))
