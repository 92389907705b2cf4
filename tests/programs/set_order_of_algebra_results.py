# union copies the left set then adds the right; intersection walks the
# smaller set; difference walks the left set; ^ starts from a copy of the right
a = {1, 9, 17, 25, 4, 12}
b = {25, 17, 33, 41, 4, 2}
print(a | b, b | a)
print(a & b, b & a, a & {25, 1})
print(a - b, b - a)
print(a ^ b, b ^ a)
print(a.union([49, 57], (2,)), a.intersection([25, 9, 100]), a.difference([1], {9}))
print(a.symmetric_difference([100, 1, 108]), a.intersection(b, {4, 25, 2}))
c = set(a)
c |= {65, 73}
print(c)
c &= {73, 65, 1, 9, 17}
print(c)
c ^= {1, 3, 11}
print(c)
c -= {3}
print(c)
d = {i * 8 for i in range(12)}
d.intersection_update(range(0, 100, 16))
print(d)
d.symmetric_difference_update([0, 5, 13, 21])
print(d)
print({*[40, 8], *{16, 0}}, set({5: 'a', 13: 'b', 21: 'c'}))
f = frozenset([18, 2, 10])
print(f | {26}, {26} | f, f & {2, 10}, f - {2}, f ^ {1})
print(a.copy(), set(a), frozenset(a), a.isdisjoint(b), a <= a | b, a < a, b >= {2, 4})
