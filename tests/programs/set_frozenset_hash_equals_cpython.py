# frozenset hashes mix every element's hash the way CPython 3.11 does, so an
# int-only frozenset has the same hash value here as in CPython
print(hash(frozenset()), hash(frozenset([0])), hash(frozenset([1, 2, 3])))
print(hash(frozenset(range(100))), hash(frozenset([-1, -2])))
print(hash(frozenset({2**61 - 1, 2**61})), hash(frozenset([True, 2.5])))
print(hash(frozenset([3, 1, 2])) == hash(frozenset([1, 2, 3])))
fs = frozenset(range(10))
fs2 = frozenset(range(20)) - frozenset(range(10, 20))
print(fs == fs2, hash(fs) == hash(fs2), hash(fs2))
print(hash(frozenset([frozenset([1]), frozenset([2, 3])])))
nested = {frozenset([1, 2]), frozenset([3]), frozenset()}
print(len(nested), frozenset([2, 1]) in nested, {3} in nested)
print(sorted(hash(frozenset(range(i))) for i in range(6)))
d = {frozenset([1, 2]): 'a', frozenset(): 'b'}
print(d[frozenset([2, 1])], d[frozenset()])
