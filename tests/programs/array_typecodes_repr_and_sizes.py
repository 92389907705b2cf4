# Every typecode: its itemsize, repr and str, and sys.getsizeof (64 bytes
# of object, 16 of GC header, the items' allocation) as arrays grow.
import array
import sys

print(array.typecodes, array.ArrayType is array.array)
for code in array.typecodes:
    a = array.array(code)
    print(code, a.itemsize, a.typecode, repr(a), sys.getsizeof(a))

print(array.array('i', [1, 2, 3]))
print(str(array.array('d', [1.5, -0.0, 1e16])))
print(array.array('u', 'abc'), array.array('u', "it's"))
print(array.array('f', [0.1, 3.14159]))
print(array.array('b', [-128, 127]), array.array('B', [0, 255]))
print(array.array('Q', [2**64 - 1]), array.array('q', [-2**63]))
print(array.array('L', [2**63]), array.array('I', [4000000000]))

a = array.array('i')
sizes = []
for n in range(40):
    a.append(n)
    sizes.append(sys.getsizeof(a))
print(sizes)
print(sys.getsizeof(array.array('d', [1.0] * 10)), sys.getsizeof(array.array('b', range(5))))
print(a.__sizeof__(), type(a).__basicsize__)
