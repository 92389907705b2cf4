# tracemalloc sees an array as CPython allocates it: the object's block and
# a separate block of items that grows by realloc and goes when it empties.
import tracemalloc
import array
tracemalloc.start()
print(tracemalloc.get_traced_memory()[0])
a = array.array('d', [1.0] * 100)
print(tracemalloc.get_traced_memory()[0])
b = array.array('i')
print(tracemalloc.get_traced_memory()[0])
b.append(1)
print(tracemalloc.get_traced_memory()[0])
for i in range(50):
    b.append(i)
print(tracemalloc.get_traced_memory()[0])
del b[:]
print(tracemalloc.get_traced_memory()[0])
del b
print(tracemalloc.get_traced_memory()[0])
del a
print(tracemalloc.get_traced_memory()[0])
