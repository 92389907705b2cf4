# update() and the constructors take a mapping (anything with items()), an
# iterable of pairs or keywords; | and |= (3.9); CPython's errors
import weakref

class C:
    def __init__(self, n):
        self.n = n

a, b, c = C(1), C(2), C(3)
wv = weakref.WeakValueDictionary(x=a)
wv.update(y=b)
wv.update([('z', c)])
wv.update({'w': c}, v=a)
wv.update(None)
print(sorted(wv))
wv2 = weakref.WeakValueDictionary(wv)
wk = weakref.WeakKeyDictionary({a: 1})
wk.update([(b, 2)])
wk.update({c: 3})
wk2 = weakref.WeakKeyDictionary(wk)
wk3 = weakref.WeakKeyDictionary(dict=wk)
print(len(wv2), len(wk2), len(wk3), sorted(wk2.values()))
print(dict(wv2) == dict(wv), dict(wk) == {a: 1, b: 2, c: 3}, wv == wv2, wk == wk2, wv == {}, wv != wv2)
u = wv | {'n': a}
print(type(u).__name__, sorted(u))
u2 = {'m': b} | wv
print(type(u2).__name__, sorted(u2))
wv |= [('p', a)]
print(sorted(wv))
k = wk | {C(4): 4}
print(type(k).__name__, sorted(k.values()))
wk |= {a: 10}
print(wk[a])
print(wv.__or__(1), wk.__ror__([]))
for bad in [lambda: wv.update({}, {}), lambda: wk.update({}, {}), lambda: weakref.WeakKeyDictionary({}, {}),
            lambda: weakref.WeakKeyDictionary(x=1), lambda: weakref.WeakValueDictionary({}, {}),
            lambda: weakref.WeakValueDictionary([1]), lambda: weakref.WeakValueDictionary([(1, 2, 3)]),
            lambda: weakref.WeakValueDictionary([(1, 2)]), lambda: weakref.WeakKeyDictionary([(1, 2)]),
            lambda: wk.update(k=1), lambda: wv | 1, lambda: wv.update(1)]:
    try:
        bad()
        print('no error')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(wv).startswith('<WeakValueDictionary at 0x'), repr(wk).startswith('<WeakKeyDictionary at 0x'))
print(weakref.WeakValueDictionary, weakref.WeakKeyDictionary.__name__, weakref.KeyedRef)
