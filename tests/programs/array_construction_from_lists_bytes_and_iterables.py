# The initializers array() takes: a list, a tuple, an iterable, bytes,
# bytearray, a str for 'u', another array; and what the buffer then holds
# (sys.getsizeof: exact for lists, grown item by item for iterables).
import array
import sys

A = array.array
for init in ([1, 2, 3], (4, 5), range(3), (x * x for x in range(4)), {7: 'a', 8: 'b'}):
    a = A('i', init)
    print(a, len(a), sys.getsizeof(a))
b = A('i', b'\x01\x00\x00\x00\x02\x00\x00\x00')
print(b, sys.getsizeof(b))
print(A('h', bytearray(b'\x01\x00\xff\xff')))
print(A('d', A('i', [1, 2])), sys.getsizeof(A('d', A('i', [1, 2]))))
print(A('i', A('i', [7, 8])))
print(A('u', 'héllo€'), len(A('u', 'héllo€')))
print(A('u', ['a', 'b']))
print(A('b', [True, False]), A('d', [True, 3]))
print(bytes(A('h', [1, 2])), bytearray(A('b', [1, -1])))
