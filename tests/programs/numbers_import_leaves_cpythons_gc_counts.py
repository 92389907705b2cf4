import gc
print(gc.get_count())
import numbers
print(gc.get_count())
print(gc.collect(), gc.get_count())
