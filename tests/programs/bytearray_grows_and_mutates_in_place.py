import sys
a = bytearray()
print(a, len(a), sys.getsizeof(a))
sizes = []
for i in range(40):
    a.append(i % 256)
    sizes.append(sys.getsizeof(a))
print(sizes)
print(a[:5], a[-1], len(a))
for k in range(35):
    a.pop()
print(a, sys.getsizeof(a))
b = bytearray(b'hello')
print(b, sys.getsizeof(b), sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray([1, 2, 3])), sys.getsizeof(bytearray(range(20))))
b[0] = 72
b[-1] = ord('O')
print(b)
b[1:3] = b'EY'
print(b)
b[1:3] = b''
print(b, sys.getsizeof(b))
b[0:0] = b'>>'
print(b, sys.getsizeof(b))
b[len(b):] = [33, 33]
print(b, sys.getsizeof(b))
del b[0]
print(b, sys.getsizeof(b))
del b[:2]
print(b, sys.getsizeof(b))
b.extend(b' world')
b.extend([1, 2])
b.extend(x for x in range(3))
print(b, sys.getsizeof(b))
b.insert(0, 60)
b.insert(-1, 61)
b.insert(100, 62)
print(b)
b.remove(0)
print(b.pop(), b.pop(0), b)
b += b'!!'
b += bytearray(b'?')
print(b, sys.getsizeof(b))
c = b
c *= 2
print(c is b, len(b), sys.getsizeof(b))
b.clear()
print(b, len(b), sys.getsizeof(b))
d = bytearray(b'abcdefgh')
d[::2] = b'ABCD'
print(d)
del d[::3]
print(d, sys.getsizeof(d))
d.reverse()
print(d, d.copy(), d.copy() is d)
e = bytearray('héllo', 'utf-8')
print(e, e.decode(), e.upper(), e.hex(), e.find(b'l'), e.count(108), e.split(b'l'), e.replace(b'l', b'L'))
print(bytearray(b'  x ').strip(), bytearray.fromhex('0a0b'), bytearray(b'a') + b'b', b'a' + bytearray(b'b'), bytearray(b'ab') * 2)
print(repr(bytearray(b"it's")), bytearray(b'\x00\xff\n'), str(bytearray(b'q')))
print(bytearray(b'abc') == b'abc', bytearray(b'abc') < bytearray(b'abd'), b'abc' in [bytearray(b'abc')])
print(list(bytearray(b'xyz')), 121 in bytearray(b'xyz'), b'yz' in bytearray(b'xyz'))
print(type(bytearray(b'')), bytearray.__name__, isinstance(bytearray(), bytearray), isinstance(bytearray(), bytes))
import gc
print(gc.is_tracked(bytearray(b'x')), gc.is_tracked(b'x'))
f = bytearray(5)
print(f, f.__alloc__(), bytearray().__alloc__())
g = bytearray(b'0123456789')
del g[0:4]
print(g, sys.getsizeof(g), g.__alloc__())
g.append(65)
print(g, sys.getsizeof(g), g.__alloc__())
del g[0:5]
print(g, sys.getsizeof(g), g.__alloc__())
