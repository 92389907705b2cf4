# An object with __index__ is an integer wherever CPython asks for one
# (PyNumber_Index): a sequence's repetition count, hex/oct/bin, operator.index,
# subscripts; a weakref.proxy passes __index__ on to its object.
import operator
import sys
import weakref


class Three:
    def __index__(self):
        return 3


class Bad:
    def __index__(self):
        return "three"


t = Three()
p = weakref.proxy(t)
print("ab" * t, t * [0], (1,) * t, b"xy" * t, bytearray(b"z") * t)
items = [1, 2]
items *= t
print(items, sys.getrefcount(items))
print(hex(t), oct(t), bin(t), hex(p), bin(p))
print(operator.index(t), operator.index(p), [10, 20, 30, 40][t], [10, 20, 30, 40][p], "abcd"[p])
print("ab" * p, p * [0])
for bad in (1.5, "3", Bad()):
    for f in (lambda x: "ab" * x, hex, operator.index):
        try:
            f(bad)
        except TypeError as e:
            print(type(bad).__name__, e)
