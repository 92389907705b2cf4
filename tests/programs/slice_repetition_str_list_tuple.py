# * repeats str, list and tuple; repeated lists share the same inner object
import sys

print('ab' * 3, 3 * 'x', repr('abc' * 0), repr('q' * -2))
print([1, 2] * 2, 2 * [0], [] * 5, [None] * 3)
print((1,) * 4, () * 3, (1, 2) * 0)
row = [0]
grid = [row] * 3
print('shared row refcount:', sys.getrefcount(row))
grid[0].append(1)
print(grid)
fixed = [[0] for _ in range(3)]
fixed[0].append(1)
print(fixed)
acc = [1]
acc *= 3
print(acc)
s = 'ha'
s *= 2
print(s)
big = [row] * 100
print('row in a list of 100:', sys.getrefcount(row))
del big, grid
print('after del:', sys.getrefcount(row))
try:
    [1] * 'a'
except TypeError as e:
    print(e)
try:
    'a' * 1.5
except TypeError as e:
    print(e)
