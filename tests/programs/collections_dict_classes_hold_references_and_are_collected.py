# defaultdict, Counter and OrderedDict are dicts: each holds its keys and
# values, is tracked by the collector, and cycles through them are freed.
import sys, gc
from collections import defaultdict, Counter, OrderedDict, ChainMap, namedtuple

v = [1]
dd = defaultdict(list)
print(sys.getrefcount(dd))
dd['a'] = v
print(sys.getrefcount(v), gc.is_tracked(dd))
od = OrderedDict(x=v)
print(sys.getrefcount(v), gc.is_tracked(od))
od.move_to_end('x')
print(sys.getrefcount(v))
od.popitem()
print(sys.getrefcount(v))
c = Counter([v[0], v[0]])
print(c, gc.is_tracked(c))
cm = ChainMap(dd)
print(sys.getrefcount(dd), gc.is_tracked(cm))
del cm
print(sys.getrefcount(dd))
P = namedtuple('P', 'a b')
p = P(v, v)
print(sys.getrefcount(v), gc.is_tracked(p))

gc.collect()
loop = defaultdict(list)
loop['me'].append(loop)
del loop
print(gc.collect())
o = OrderedDict()
o['o'] = o
del o
print(gc.collect())
cnt = Counter()
cnt[1] = cnt
del cnt
print(gc.collect())
chain = ChainMap()
chain['c'] = chain
print(len(chain))
del chain
print(gc.collect())
n = P([], None)
n.a.append(n)
del n
print(gc.collect())
print(sys.getsizeof(Counter()) >= sys.getsizeof({}), sys.getsizeof(defaultdict(int)) - sys.getsizeof({}))
