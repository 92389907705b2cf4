import gc
print(gc.get_count())
import fractions
print(gc.get_count())
print(gc.collect(), gc.get_count())
