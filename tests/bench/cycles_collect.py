# 2 x 10^5 two-object cycles made with the collector off, then one
# gc.collect() that finds all 4 x 10^5 objects unreachable.
import gc
gc.disable()
for i in range(200000):
    a = []
    b = [a]
    a.append(b)
a = b = None
print(gc.collect())
