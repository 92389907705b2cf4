from array import array
import gc
e = memoryview(bytearray())
print(len(e), e.tobytes(), e.tolist(), e[0:0].tobytes(), e == b"")
m = memoryview(b"abc"); m.release(); m.release()
try:
    print(bytes(m))
except ValueError as x:
    print("ValueError:", x)
print(memoryview(array('u', 'hi')).format)
ba = bytearray(b"abc")
v = memoryview(ba)
w = v[1:]
v.release()
try:
    ba.append(1)
except BufferError as x:
    print("BufferError:", x)
w.release()
ba.append(1)
print(ba)
l = [memoryview(b"xy")]
l.append(l)
del l
print(gc.collect())
