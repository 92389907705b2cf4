# list.extend adds one reference per element; slot replacement swaps; clear drops all
import sys

x = [1]
y = [2]
row = [x]
row.extend([x, y, x])
print('x after extend:', sys.getrefcount(x))
print('y after extend:', sys.getrefcount(y))
row.extend((y, y))
print('y after extend with a tuple:', sys.getrefcount(y))
row[0] = y
print('x after row[0] = y:', sys.getrefcount(x))
print('y after row[0] = y:', sys.getrefcount(y))
row[-1] = x
print('x after row[-1] = x:', sys.getrefcount(x))
row[1] = row[1]
print('x after self replacement:', sys.getrefcount(x))
print('length:', len(row))
row.clear()
print('x after clear:', sys.getrefcount(x))
print('y after clear:', sys.getrefcount(y))
print('row after clear:', row, sys.getrefcount(row))
