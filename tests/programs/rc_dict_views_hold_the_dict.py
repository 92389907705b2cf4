# keys/values/items views keep the dict alive; iterating keys/values holds the dict, not the view
import sys

d = {'a': [1], 'b': [2]}
print('dict alone:', sys.getrefcount(d))
ks = d.keys()
print('with a keys view:', sys.getrefcount(d))
vs = d.values()
its = d.items()
print('with three views:', sys.getrefcount(d))
del ks, vs, its
print('views deleted:', sys.getrefcount(d))
for k in d.keys():
    print('iterating keys', k, sys.getrefcount(d))
for v in d.values():
    print('iterating values', v, sys.getrefcount(d), sys.getrefcount(v))
print('after loops:', sys.getrefcount(d))
print('loop variable still holds the last value:', sys.getrefcount(d['b']))
del v
print('after del v:', sys.getrefcount(d['b']))
for k in d:
    print('plain iteration', k, sys.getrefcount(d))
print('end:', sys.getrefcount(d))
