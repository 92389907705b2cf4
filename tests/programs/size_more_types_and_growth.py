# sys.getsizeof of more kinds of object, and the growth of deques, ordered dicts, bytearrays and sets.
import sys, collections, datetime, decimal, array, enum, dataclasses, weakref, types, string, json, heapq, copy, operator
def show(what, o):
    try:
        print(what, type(o).__name__, sys.getsizeof(o))
    except Exception as e:
        print(what, 'ERR', type(e).__name__, e)
class A:
    __slots__ = ('x',)
class B:
    def m(self): pass
d = collections.deque()
for i in range(200):
    d.append(i)
    if i % 31 == 0: show('deque', d)
od = collections.OrderedDict()
for i in range(20):
    od[i] = i
    if i % 4 == 0: show('od', od)
show('dict_itemiterator', iter({}.items()))
show('dict_valueiterator', iter({}.values()))
show('set_iterator', iter(set()))
show('bytes_iterator', iter(b''))
show('bytearray_iterator', iter(bytearray()))
show('frame', sys._getframe())
def clo():
    x = 1
    def inner(): return x
    return inner
show('cell', clo().__closure__[0])
show('[].append', [].append)
show('A.x', A.x)
show('B().m', B().m)
try:
    1/0
except Exception as e:
    show('traceback', e.__traceback__)
show('operator.itemgetter(1)', operator.itemgetter(1))
show('operator.attrgetter(a)', operator.attrgetter('a'))
show('operator.methodcaller(a)', operator.methodcaller('a'))
show('array b', array.array('b', range(10)))
show('array d', array.array('d', [1.0]*10))
show('decimal big', decimal.Decimal('1.234567890123456789012345678901234567890'))
show('date', datetime.date.today() if False else datetime.date(2020,1,1))
show('time', datetime.time(1,2))
show('timezone', datetime.timezone.utc)
show('dt tz', datetime.datetime(2020,1,1,tzinfo=datetime.timezone.utc))
class Color(enum.Enum):
    RED = 1
show('enum member', Color.RED)
show('enum class', Color)
b = B()
show('weakref.proxy', weakref.proxy(b))
show('WeakValueDictionary', weakref.WeakValueDictionary())
show('WeakSet', weakref.WeakSet())
show('defaultdict(list)', collections.defaultdict(list, {1: 2}))
show('Counter big', collections.Counter(range(100)))
show('ChainMap', collections.ChainMap())
show('namedtuple class', collections.namedtuple('P', 'x y'))
show('string.Template', string.Template('$a'))
show('super', super(B, b))
show('property', property(lambda s: 1))
show('staticmethod', staticmethod(len))
show('NotImplemented', NotImplemented)
show('sys.version_info', sys.version_info)
show('int 2**100', 2**100)
show('bool', False)
show('sys.stdout', sys.stdout)
show('gen expr', (x for x in []))
show('bytearray growth', bytearray(b'x'*100))
ba = bytearray()
for i in range(40):
    ba.append(1)
    if i % 7 == 0: show('ba', ba)
s = set()
for i in range(40):
    s.add(i)
    if i % 5 == 0: show('set', s)
