import gc
gc.collect()
a = len(gc.get_objects())
import copy
print(gc.collect())
a = len(gc.get_objects())
import contextlib
print(gc.collect())
