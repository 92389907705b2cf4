import gc
gc.collect()
a = len(gc.get_objects())
print(gc.get_count())
import functools
print(gc.get_count(), gc.collect())
a = len(gc.get_objects())
import contextlib
print(gc.get_count(), gc.collect())
a = len(gc.get_objects())
import copy
print(gc.get_count(), gc.collect())
a = len(gc.get_objects())
import itertools
print(gc.get_count(), gc.collect())
