# a suspended generator in a cycle is finalized by the collector: it is
# closed (its finally block runs) before the cycle is freed
import gc

class Resource:
    def __del__(self):
        print('resource freed')

def worker(box):
    r = Resource()
    try:
        yield 1
        yield 2
    finally:
        print('generator closed')

gc.collect()
box = []
g = worker(box)      # the generator's frame holds box ...
next(g)
box.append(g)        # ... and box holds the generator
del g, box
print('collected', gc.collect())
print('end')
