# Pattern and Match objects are GC objects: a cycle through them is collected
import re, gc, sys

gc.collect()
class Holder:
    def __init__(self, text):
        self.match = re.search(r'(\w+)-(\d+)', text)
        self.me = self

h = Holder('item-42')
print(gc.is_tracked(h.match), gc.is_tracked(h.match.re), gc.is_tracked(h.match.string))
print(sys.getrefcount(h.match), sys.getrefcount(h.match.string) > 1)
del h
print(gc.collect())

p = re.compile(r'x(y)')
m = p.match('xy')
lst = [m]
lst.append(lst)
del m, lst
print(gc.collect())
ms = [re.match('a', 'a') for _ in range(5)]
print(len(set(map(id, ms))), sys.getrefcount(ms[0]))
del ms
print(gc.collect(), len(re._cache) >= 2)
re.purge()
print(len(re._cache), gc.collect())
pats = [re.compile('p%d' % i) for i in range(600)]
print(len(re._cache), pats[0] is re.compile('p0'), pats[599] is re.compile('p599'))
print(re.compile('p0') in re._cache.values(), list(re._cache)[0][1:], list(re._cache)[-1][1:])
