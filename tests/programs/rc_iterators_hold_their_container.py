# iter() objects hold their container; next() hands out items without keeping them
import sys

a = [1]
b = [2]
items = [a, b]
it = iter(items)
print('list with a live iterator:', sys.getrefcount(items))
first = next(it)
print('first item:', first is a, sys.getrefcount(a))
second = next(it)
print('exhausted default:', next(it, 'done'))
print('after exhaustion:', sys.getrefcount(items))
del it
print('iterator deleted:', sys.getrefcount(items))
it2 = iter(items)
it3 = iter(it2)
print('iter of an iterator is itself:', it2 is it3, sys.getrefcount(items))
del it2, it3
d = {'k': a}
dit = iter(d)
print('dict iterator:', sys.getrefcount(d), next(dit))
del dit, first, second
print('end:', sys.getrefcount(items), sys.getrefcount(a), sys.getrefcount(d))
