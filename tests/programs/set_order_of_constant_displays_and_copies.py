# a display of more than two constants is built from a frozenset constant
# (BUILD_SET 0 + SET_UPDATE), and copying an equal-sized set copies its
# table slot for slot, so these keep CPython's order
print({0, 16, 1, 2, 3}, {8, 16, 24, 32, 0, 40})
print({64, 0, 32, 96, 128, 1, 2})
x = 64
print({x, 0, 32, 96, 128, 1, 2})
s = {i * 16 for i in range(7)}
print(s, s.copy(), set(s), frozenset(s))
for v in {48, 16, 80, 0}:
    print(v, end=' ')
print()
print([v for v in {7, 15, 23, 31, 39}], 23 in {7, 15, 23}, 5 not in {1, 2, 3, 4})
t = set()
t.update({9, 1, 17})
print(t, {*{9, 1, 17}})
# the same elements added one by one can land elsewhere than in a display
print({30, 56, 39, 40, 25}, {128, 64, 40, 16, 64, 16, 36, 64, 48})
y = 30
print({y, 56, 39, 40, 25}, set([30, 56, 39, 40, 25]), frozenset([30, 56, 39, 40, 25]))
print([v for v in {30, 56, 39, 40, 25}], 25 in {30, 56, 39, 40, 25})
for v in {16, 64, 128, 8, 19, 30, 0, 64}:
    print(v, end=' ')
print()
