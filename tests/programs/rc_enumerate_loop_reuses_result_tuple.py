# enumerate reuses its (index, item) tuple when the loop unpacks it, so the item has one extra reference
import sys

rows = [[1], [2], [3]]
for i, row in enumerate(rows):
    print('unpacked', i, sys.getrefcount(row))
print('rows during nothing:', sys.getrefcount(rows))
del i, row
for item in enumerate(rows):
    print('kept tuple', item[0], sys.getrefcount(item), sys.getrefcount(item[1]))
del item
for row in rows:
    print('plain loop', sys.getrefcount(row))
del row
e = enumerate(rows, 10)
print('enumerate object holds the list:', sys.getrefcount(rows))
first = next(e)
print('first:', first[0], sys.getrefcount(first), sys.getrefcount(rows[0]))
del e, first
print('after del:', sys.getrefcount(rows), sys.getrefcount(rows[0]))
