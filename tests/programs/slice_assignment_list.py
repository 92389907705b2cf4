# slice assignment replaces, grows, shrinks or inserts; extended slices need equal sizes
a = list(range(6))
a[1:3] = ['x', 'y', 'z']
print(a)
a[:2] = []
print(a)
a[len(a):] = [100, 101]
print(a)
a[0:0] = 'ab'
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[:] = range(3)
print(a)
b = [1, 2, 3, 4]
b[1:3] = b
print(b)
c = [1, 2, 3]
c[5:10] = [9]
print(c)
c[-1:] = (7, 8)
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print(e)
try:
    c[1:2] = 5
except TypeError as e:
    print(e)
try:
    'abc'[1:2] = 'x'
except TypeError as e:
    print(e)
