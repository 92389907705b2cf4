# Reprs of containers that hold themselves, and the | operators of
# OrderedDict and defaultdict (their class survives the union).
from collections import defaultdict, Counter, OrderedDict, deque, ChainMap, namedtuple
d = defaultdict(list); d['x'] = d; print(d)
q = deque(); q.append(q); print(q)
c = ChainMap(); c['c'] = c; print(c)
f = defaultdict(lambda: 0); print(repr(f)[:30])
print(Counter('aab') == Counter('aba'), Counter(a=1) != Counter(a=2))
print(deque('abc'), deque(maxlen=0), deque([1,2,3], 2))
dd = defaultdict(list, {'a': [1]}); print(dd)
print(namedtuple('P', 'x y')(1, 2)._asdict())
print(Counter({'a': 3, 'b': 1}))
print(list(deque(range(5), maxlen=3)))
x = deque(range(5)); x.extend(x); print(x)
print(OrderedDict(a=1) | {'b': 2} if hasattr(OrderedDict, '__or__') else 'noor')
print(OrderedDict(a=1) | {'b': 2}, {'z': 0} | OrderedDict(a=1))
o = OrderedDict(a=1); o |= {'c': 3}; print(o)
d = defaultdict(list, a=[1]); print(d | {'b': [2]}, {'b': [2]} | d)
d |= {'q': []}; print(d)
