# iterating a tuple or a dict holds the container; iterating range(len(...)) does not
import sys

x = [1]
y = [2]
t = (x, y)
for e in t:
    print('tuple loop:', sys.getrefcount(t), sys.getrefcount(e))
print('tuple after loop:', sys.getrefcount(t))
del e
d = {'x': x, 'y': y}
for k in d:
    print('dict loop', k, sys.getrefcount(d), sys.getrefcount(d[k]))
print('dict after loop:', sys.getrefcount(d))
lst = [x, y]
for i in range(len(lst)):
    print('range loop', i, sys.getrefcount(lst), sys.getrefcount(lst[i]))
i = 0
while i < len(lst):
    print('while loop', i, sys.getrefcount(lst))
    i += 1
for ch in 'ab':
    print('string loop', ch, sys.getrefcount(lst))
print('end:', sys.getrefcount(x), sys.getrefcount(y))
