# dict.items() iteration reuses its result tuple when nobody else holds it, which keeps the value referenced
import sys

d = {'a': [1], 'b': [2], 'c': [3], 'd': [4]}
for key, value in d.items():
    print('unpacked', key, sys.getrefcount(value))
del key, value
print('after the loop:', sys.getrefcount(d['d']))
for pair in d.items():
    print('kept pair', pair[0], sys.getrefcount(pair), sys.getrefcount(pair[1]))
del pair
print('value c after del pair:', sys.getrefcount(d['c']))
print('value d after del pair:', sys.getrefcount(d['d']))
