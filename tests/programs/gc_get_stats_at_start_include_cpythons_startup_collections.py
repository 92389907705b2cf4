# CPython's start-up (site, encodings) runs young collections before the
# first statement: gc.get_stats() counts them.
import gc
stats = gc.get_stats()
print(stats[0])
print(stats[1]["collections"], stats[2]["collections"])
gc.collect()
print(gc.get_stats()[2]["collections"])
