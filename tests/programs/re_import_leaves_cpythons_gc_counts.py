import gc
print(gc.get_count())
import re
print(gc.get_count())
print(gc.collect(), gc.get_count())
