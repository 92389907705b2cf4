# WeakKeyDictionary.items() hands out its keys one at a time and keeps none
# alive; a weak dictionary built from another, or copied, is a new one whose
# entries die with their keys (or values) in both
import sys
import weakref

class K:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'K' + str(self.n)
    def __del__(self):
        print('del', self.n)

keys = [K(i) for i in range(4)]
wk = weakref.WeakKeyDictionary({k: k.n * 10 for k in keys})
print(sys.getrefcount(keys[0]))
for k, v in wk.items():
    print(k, v, sys.getrefcount(k))
del k
print(sys.getrefcount(keys[0]))
del keys[3]
print(len(wk))

# a copy and a dictionary built from the first one hold their own entries
other = weakref.WeakKeyDictionary(wk)
cp = wk.copy()
print(len(other), len(cp), other is not wk, other.data is not wk.data)
other[keys[0]] = 'changed'
del cp[keys[1]]
print(wk[keys[0]], other[keys[0]], keys[1] in wk, keys[1] in cp)
del keys[0]
print(len(wk), len(other), len(cp))

# popitem takes some entry; the key it returns is a strong reference
k, v = wk.popitem()
print(k, v, len(wk), len(other))
del k
print(len(wk))

# WeakValueDictionary: built from another and copied
vals = [K(i) for i in range(10, 13)]
wv = weakref.WeakValueDictionary(enumerate(vals))
wv2 = weakref.WeakValueDictionary(wv)
wv3 = wv.copy()
print(sorted(wv2), sorted(wv3), wv2[0] is vals[0], type(wv3).__name__)
del vals[1]
print(sorted(wv), sorted(wv2), sorted(wv3))
k, v = wv2.popitem()
print(k, v, sorted(wv), sorted(wv2))
del v
print(sorted(wv), sorted(wv2))
for bad in [lambda: weakref.WeakKeyDictionary(wk, wk), lambda: weakref.WeakKeyDictionary().popitem(),
            lambda: weakref.WeakValueDictionary().popitem()]:
    try:
        bad()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
# the last keys and values die with their lists, last item first
del keys
print(len(wk), len(other), len(cp))
del vals
print(sorted(wv), sorted(wv2), sorted(wv3))
