import sys
print(str(True) is str(True), repr(False) is repr(False), f"{True}" is str(True))
x = str(True)
print(x, sys.getsizeof(x))
print(True, False)
print("%s %r" % (True, False))
print(sys.getrefcount(str(True)) > 1000)
import tracemalloc
tracemalloc.start()
a = tracemalloc.get_traced_memory()
y = str(True)
s = [str(b) for b in (True, False, True)]
b = tracemalloc.get_traced_memory()
print(b[0] - a[0])
