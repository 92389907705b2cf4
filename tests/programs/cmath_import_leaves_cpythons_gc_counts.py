import gc
print(gc.get_count())
import cmath
print(gc.get_count())
print(gc.collect(), gc.get_count())
