# array's errors, with CPython's messages: bad typecodes, wrong argument
# counts and types, values out of range for each typecode, wrong item types.
import array

A = array.array


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


show(lambda: A('x'))
show(lambda: A('ii'))
show(lambda: A(5))
show(lambda: A())
show(lambda: A('i', [1], 3))
show(lambda: A('i', typecode='i'))
show(lambda: A('i', 'abc'))
show(lambda: A('i', A('u', 'ab')))
show(lambda: A('i', 5))
show(lambda: A('x', 5))
show(lambda: A('u', [1]))
show(lambda: A('u', ['ab']))
for code, lo, hi in (('b', -129, 128), ('B', -1, 256), ('h', -32769, 32768), ('H', -1, 65536),
                     ('i', -2**31 - 1, 2**31), ('I', -1, 2**32), ('l', -2**63 - 1, 2**63),
                     ('L', -1, 2**64), ('q', -2**63 - 1, 2**63), ('Q', -1, 2**64)):
    show(lambda: A(code, [lo]))
    show(lambda: A(code, [hi]))
    show(lambda: A(code, [2**100]))
show(lambda: A('b', [40000]))
show(lambda: A('H', [2**40]))
show(lambda: A('i', [1.5]))
show(lambda: A('I', ['a']))
show(lambda: A('d', ['a']))
show(lambda: A('f', [None]))
show(lambda: A('f', [10**400]))
show(lambda: A('f', [1e300]))
show(lambda: A('i', b'\x01\x00\x00'))
a = A('i', [1, 2, 3])
show(lambda: a.append('x'))
print(a)
show(lambda: a.extend([4, 'x', 5]))
print(a)
show(lambda: a.fromlist([6, 'x']))
print(a)
show(lambda: a.fromlist((1,)))
show(lambda: hash(a))
show(lambda: a.x)
