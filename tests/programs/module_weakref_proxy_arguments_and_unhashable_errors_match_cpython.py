# The errors of weakref.proxy and of proxies, with CPython's messages
import weakref

class C:
    pass

o = C()
p = weakref.proxy(o)
tests = [
    lambda: weakref.proxy(),
    lambda: weakref.proxy(o, None, 3),
    lambda: weakref.proxy(o, callback=None),
    lambda: weakref.proxy(1),
    lambda: weakref.proxy([]),
    lambda: hash(p),
    lambda: {p: 1},
    lambda: p(),
    lambda: len(p),
    lambda: p + 1,
    lambda: 1 - p,
    lambda: next(p),
    lambda: iter(p),
    lambda: p[0],
    lambda: p.missing,
    lambda: -p,
    lambda: p < 1,
]
for t in tests:
    try:
        print(t())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
print(bool(p), p == o, o == p, p != o)
print(weakref.ProxyType.__name__, weakref.CallableProxyType.__module__, weakref.ProxyTypes)
