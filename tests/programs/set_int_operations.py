# set algebra on small ints (iteration order of small int sets is by value modulo table size)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference(b))
print(sorted(a | b), len(a | b))
print(3 in a, 7 in a, 7 not in a)
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {4}, a.issubset(range(10)), a.isdisjoint({8}))
print(set(), set([3, 1, 3, 2]), set('aaa'), set(range(3)))
print({1, 2} == {2, 1}, {1} == [1], len(set()))
c = {0, 1}
c |= {2}
c &= {1, 2, 3}
c -= {1}
print(c)
print(sorted({x * 7 % 10 for x in range(10)}))
print(set([True, 1, 1.0]), {0, False})
print(repr(frozenset([1, 2])), frozenset() == set(), repr(set()))
