import gc
import sys

# A bytes literal is a constant of its code object, shared like str's.
def f():
    return b'payload'

x = f()
y = f()
print(x is y, sys.getrefcount(x))
k = (b'aa', b'bb')          # a constant tuple of constants
print(sys.getrefcount(k), sys.getrefcount(k[0]))
data = b'data'
alias = data
print(sys.getrefcount(data))
del alias
print(sys.getrefcount(data))

# New bytes from operations die with their last reference.
joined = b'-'.join([b'xx', b'yy'])
print(joined, sys.getrefcount(joined))
parts = joined.split(b'-')
print(parts, [sys.getrefcount(p) for p in parts])
print(gc.is_tracked(joined), gc.is_tracked(parts), gc.is_tracked(bytearray(b'q')))

blobs = [bytes(n) for n in range(30)]
arr = [bytearray(n) for n in range(30)]
print([sys.getsizeof(b) for b in blobs[:5]], [sys.getsizeof(a) for a in arr[:5]])
del blobs, arr

ba = bytearray(b'abc')
holder = [ba, ba]
print(sys.getrefcount(ba))
holder.pop()
print(sys.getrefcount(ba))
it = iter(b'xy')
print(type(it).__name__, next(it), next(it), sys.getsizeof(it), type(iter(bytearray())).__name__)
print(gc.is_tracked(it))
for ch in b'hi':
    print(ch, end=' ')
print()
seen = {}
for word in [b'a', b'b', b'a']:
    seen[word] = seen.get(word, 0) + 1
print(seen)
