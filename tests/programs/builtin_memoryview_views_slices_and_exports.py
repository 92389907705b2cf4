import sys, gc
from array import array

b = b"abcd"
before = sys.getrefcount(b)
mv = memoryview(b)
print(sys.getrefcount(b) - before, sys.getrefcount(mv))
print(mv[1], mv[-1], len(mv), bytes(mv), mv.tobytes(), mv.tolist(), mv.hex())
s = mv[1:3]
print(sys.getrefcount(b) - before, sys.getrefcount(mv))
print(s.tobytes(), len(s), s.nbytes, s.obj is b, s[0], s == b"bc", s == mv[1:3], mv == b, mv != b"abce")
print(mv.readonly, mv.format, mv.itemsize, mv.ndim, mv.shape, mv.strides, mv.nbytes)
print(mv[::2].tobytes(), mv[::-1].tolist(), mv[::2].strides, mv[::-1].strides)
print(gc.is_tracked(mv), sys.getsizeof(mv), type(mv).__name__, repr(mv).startswith("<memory at 0x"))
print(b"".join([mv, s]), bytearray(mv), b"-".join([s]))
print(hash(mv) == hash(b), mv.hex(":"), mv.hex("-", 2))
print(type(gc.get_referents(mv)[0]).__name__, gc.get_referents(gc.get_referents(mv)[0]) == [b])
print(list(mv), 98 in mv)

ba = bytearray(b"hello")
before = sys.getrefcount(ba)
with memoryview(ba) as m:
    print(sys.getrefcount(ba) - before, m.readonly)
    m[0] = 72
    m[1:3] = b"EL"
    m[-1] = ord("O")
    print(ba)
    try:
        ba.append(33)
    except BufferError as e:
        print("BufferError:", e)
    try:
        ba[0:2] = b""
    except BufferError as e:
        print("BufferError:", e)
    try:
        m[0] = 256
    except ValueError as e:
        print("ValueError:", e)
    try:
        m[0:2] = b"xyz"
    except ValueError as e:
        print("ValueError:", e)
    ba[0:2] = b"ab"
    print(bytes(m), len(ba))
print(sys.getrefcount(ba) - before, repr(m).startswith("<released memory at 0x"))
ba.append(33)
print(ba)
for op in (lambda: m[0], lambda: len(m), lambda: m.tobytes(), lambda: m.obj, lambda: m.format):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
print(m == m, m == ba)

try:
    memoryview(5)
except TypeError as e:
    print("TypeError:", e)
try:
    memoryview(b"ab")[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    memoryview(b"ab")[5]
except IndexError as e:
    print("IndexError:", e)
try:
    hash(memoryview(bytearray(b"x")))
except ValueError as e:
    print("ValueError:", e)

a = array("i", [1, 2, 3, 4])
ma = memoryview(a)
print(ma.format, ma.itemsize, ma.nbytes, len(ma), ma.tolist(), ma[1:3].tolist(), ma.readonly)
ma[0] = -7
print(a, ma == a, ma.strides)
mb = ma.cast("B")
print(mb.format, len(mb), mb.tolist()[:4], mb.cast("i").tolist())
try:
    a.append(5)
except BufferError as e:
    print("BufferError:", e)
mb.release()
try:
    a.append(5)
except BufferError as e:
    print("BufferError:", e)
ma.release()
a.append(5)
print(a)
d = array("d", [1.5, 2.5])
print(memoryview(d).tolist(), memoryview(d).format, memoryview(b"xyz").cast("c").tolist())

del m, ma, mb, s, mv
gc.collect()
print(gc.get_count())
x = memoryview(b"q")
print(gc.get_count())
mm = memoryview(x)
print(gc.get_count(), mm.obj is x.obj, mm.tobytes())
z = x[0:1]
print(gc.get_count())
del x, mm, z
print(gc.get_count(), gc.collect())
# a view in a cycle: the collector frees it, its managed buffer and the bytearray
class Holder:
    pass
h = Holder()
h.buf = bytearray(b"cycle")
h.view = memoryview(h.buf)
h.me = h
del h
print(gc.collect())
