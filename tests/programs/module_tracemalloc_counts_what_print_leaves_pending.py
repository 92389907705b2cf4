# With stdout a pipe or a file, CPython's sys.stdout keeps what print()
# writes until 8,192 bytes are pending: the strings printed (str() of each
# argument, or the argument itself), the UTF-8 bytes of text that is not
# ASCII, and the list holding them.  tracemalloc counts those blocks, and
# sys.getrefcount sees the reference to a string just printed.
import sys
import tracemalloc

tracemalloc.start()
for j in range(12):
    print(j, tracemalloc.get_traced_memory())
word = "-".join(["pending", "text"])
print(sys.getrefcount(word))
print(word)
print(sys.getrefcount(word))
print(word, word, sep=" / ")
print(sys.getrefcount(word))
wide = "\u00e9t\u00e9 " + word
print(wide)
print(sys.getrefcount(wide), tracemalloc.get_traced_memory())
print("x" * 9000)
print(sys.getrefcount(word), tracemalloc.get_traced_memory())
for j in range(3):
    print([j] * 3, {"k": j}, end=";\n")
    print(tracemalloc.get_traced_memory())
print("flushing", flush=True)
print(sys.getrefcount(word), tracemalloc.get_traced_memory())
print("\u20ac" * 50)
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
