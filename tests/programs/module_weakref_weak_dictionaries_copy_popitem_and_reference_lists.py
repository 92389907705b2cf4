# WeakValueDictionary / WeakKeyDictionary: copy, __copy__, popitem,
# valuerefs / itervaluerefs / keyrefs, setdefault, pop, get, clear
import weakref

class C:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del C' + str(self.n))

a, b, c = C(1), C(2), C(3)
wv = weakref.WeakValueDictionary({'a': a, 'b': b})
wk = weakref.WeakKeyDictionary({a: 'A', b: 'B'})
cv, ck = wv.copy(), wk.copy()
print(type(cv).__name__, sorted(cv.keys()), type(wk.__copy__()).__name__, sorted(ck.values()))
print(wv.popitem()[0], len(wv), wk.popitem()[1], len(wk))
print(len(wk.keyrefs()), wk.keyrefs()[0]() is a, [r.key for r in wv.valuerefs()], type(wv.valuerefs()[0]).__name__)
print([r() is a for r in wv.itervaluerefs()], type(wv.itervaluerefs()).__name__)
print(wv.setdefault('q', a).n, wv.setdefault('q', b).n, wv.get('nope', 5), wv.get('q').n)
print(wv.pop('q').n, wv.pop('q', 'default'))
print(wk.setdefault(c, 'S'), wk.setdefault(c, 'T'), wk.get(c), wk.get(C(9)), wk.pop(c), wk.pop(c, 'gone'))
for bad in [lambda: wv.pop('q'), lambda: weakref.WeakValueDictionary().popitem(),
            lambda: weakref.WeakKeyDictionary().popitem(), lambda: wv['zz'], lambda: wk[1],
            lambda: wk[C(8)] if False else wk.get(1), lambda: wv.get(), lambda: wv.setdefault(),
            lambda: wk.get(1, 2, 3), lambda: wv.pop(), lambda: [] in wv, lambda: hash(wv)]:
    try:
        print(bad())
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(1 in wk, [] in wk, 'a' in wv, 'zz' in wv)
k7 = C(7)
try:
    wk[k7]
except KeyError as e:
    print('KeyError', repr(e).startswith('KeyError(<weakref at 0x'))
del k7
big = weakref.WeakValueDictionary((i, x) for i, x in enumerate([a, b, c]))
print('clearing')
big.clear()
print(len(big))
del a, b, c
print(len(wv), len(wk), len(cv), len(ck))
