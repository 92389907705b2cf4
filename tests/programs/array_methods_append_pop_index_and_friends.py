# The list-like methods: append, extend, insert, pop, remove, index, count,
# reverse, and tolist/fromlist, tobytes/frombytes, byteswap, buffer_info.
import array
import sys

A = array.array
a = A('h')
for i in range(5):
    a.append(i * 10)
a.extend([50, 60])
a.extend(A('h', [70]))
a.insert(0, -1)
a.insert(-1, 65)
a.insert(100, 80)
print(a, len(a), sys.getsizeof(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(30)
print(a, a.index(40), a.index(20, 1), a.count(10), a.count('x'), 40 in a, 4.0 in a, 'x' in a)
a.reverse()
print(a, a.tolist())
a.fromlist([1, 2])
print(a, a.tobytes()[:4])
b = A('i', [1, 256])
b.byteswap()
print(b, b.tobytes())
b.frombytes(b'\x05\x00\x00\x00')
print(b, b.buffer_info()[1], A('i').buffer_info())
u = A('u', 'ab')
u.fromunicode('cd')
print(u, u.tounicode(), u.tolist(), u[0], list(u))


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


show(lambda: A('i').pop())
show(lambda: a.pop(100))
show(lambda: a.pop('x'))
show(lambda: a.remove(99))
show(lambda: a.index(99))
show(lambda: a.index(40, 'x'))
show(lambda: a.index())
show(lambda: a.count())
show(lambda: a.append())
show(lambda: a.append(1, 2))
show(lambda: a.insert(1))
show(lambda: a.insert('x', 1))
show(lambda: a.extend(A('d')))
show(lambda: a.extend(5))
show(lambda: a.frombytes('abc'))
show(lambda: a.frombytes(b'abc'))
show(lambda: a.frombytes(A('i', [7])))
show(lambda: A('i').tounicode())
show(lambda: A('i').fromunicode('x'))
show(lambda: A('u').fromunicode(5))
show(lambda: a.tolist(1))
show(lambda: a.__reduce_ex__(2))
show(lambda: a.__copy__())
