import copy, collections, functools
class D(dict): pass
class L(list): pass
d = D(a=[1]); d.tag = "t"
for x in (d, L([[1], 2]), collections.OrderedDict(a=[1]), collections.defaultdict(list, a=[1]),
          collections.deque([[1], 2], 5), collections.deque([1]), collections.Counter('aab'),
          collections.namedtuple('P', 'x y')([1], 2), bytearray(b'ab'), 3+4j, slice(1, 2)):
    for f in (copy.copy, copy.deepcopy):
        try:
            y = f(x)
            print(type(y).__name__, y, y == x, y is x, getattr(y, 'tag', None))
        except Exception as e:
            print(type(x).__name__, f.__name__, type(e).__name__, e)
dd = collections.defaultdict(list)
dd['k'].append([1])
e = copy.deepcopy(dd)
e['k'][0].append(2); e['new'].append(3)
print(dd, e, e.default_factory)
shared = [1, 2]
od = collections.OrderedDict(a=shared, b=shared)
c = copy.deepcopy(od)
print(c['a'] is c['b'], c['a'] is shared, list(c))
class Stack(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.label = "s"
st = Stack([[0], [1]])
st2 = copy.deepcopy(st)
st2[0].append(9)
print(st, st2, type(st2).__name__, st2.label, st[0] is st2[0])
P = collections.namedtuple('P', 'x y')
p = P([1], {'k': [2]})
q = copy.deepcopy(p)
q.x.append(5)
print(p, q, type(q).__name__)
class MyInt(int): pass
class MyStr(str): pass
mi, ms = copy.deepcopy(MyInt(7)), copy.copy(MyStr("hi"))
print(mi, type(mi).__name__, ms, type(ms).__name__)
cyc = collections.OrderedDict()
cyc['self'] = cyc
cc = copy.deepcopy(cyc)
print(cc['self'] is cc, cc is cyc)
dq = collections.deque([[1], [2]], maxlen=3)
dq2 = copy.deepcopy(dq)
dq2[0].append(7)
print(dq, dq2, dq2.maxlen)
