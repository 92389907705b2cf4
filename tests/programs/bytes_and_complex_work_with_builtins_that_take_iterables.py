print(max(b'abc'), min(bytearray(b'xyz')), list(enumerate(b'ab')), list(zip(b'ab', 'cd')))
print(list(reversed(b'abc')))
print(bytes(reversed(bytearray(b'abc'))))
print(b'abc' * True, len(bytes(0)), bytes(False))
x = b'ab'
x += b'cd'
print(x, x * 2 == b'abcdabcd')
print(f'{b"q"!r:>8}', '%s' % b'z', '%r' % (b'z',), str(b'\x80'))
print(any(b'\x00\x01'), all(bytearray(b'\x01')), sum(bytearray(range(5))))
print(1j in [1j], complex(1, 0) in {1: 'a'}, {1j: 2}.get(1j))
