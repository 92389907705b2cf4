# Automatic collections: 3 x 10^5 cyclic pairs of instances with the
# collector on; the generation-0 threshold triggers every collection.
import gc

class Pair:
    pass

for i in range(300000):
    a = Pair()
    b = Pair()
    a.other = b
    b.other = a
a = b = None
print(gc.get_count()[0] < 2000)
