# A live heap of 3 x 10^5 lists, traversed by 5 full collections that
# find nothing to free.
import gc
gc.disable()
heap = [[i] for i in range(300000)]
total = 0
for k in range(5):
    total += gc.collect()
print(len(heap), total)
