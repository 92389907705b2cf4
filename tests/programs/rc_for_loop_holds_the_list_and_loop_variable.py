# a for loop's iterator holds the list; the loop variable holds the current item and keeps the last one
import sys

a = [1]
b = [2]
items = [a, b]
print('before the loop:', sys.getrefcount(items), sys.getrefcount(a))
for it in items:
    print('inside the loop:', sys.getrefcount(items), sys.getrefcount(it))
print('after the loop:', sys.getrefcount(items))
print('loop variable keeps the last item:', sys.getrefcount(b), it is b)
del it
print('after del it:', sys.getrefcount(b))
for it in items:
    if it is a:
        print('breaking at a:', sys.getrefcount(items), sys.getrefcount(a))
        break
print('after break:', sys.getrefcount(items), sys.getrefcount(a))
del it
for it in items:
    for inner in items:
        pass
    print('nested loops hold it twice:', sys.getrefcount(items))
del it, inner
print('end:', sys.getrefcount(items), sys.getrefcount(a), sys.getrefcount(b))
