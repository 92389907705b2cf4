# gc.collect() while a collection runs (here from __del__) returns 0 at once
import gc

class Nested:
    def __del__(self):
        print('inner collect returns', gc.collect())

gc.collect()
n = Nested()
n.me = n
del n
print('outer collect returns', gc.collect())
