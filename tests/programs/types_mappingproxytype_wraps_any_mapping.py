# types.MappingProxyType(mapping): a read-only view of any mapping, holding a
# strong reference to it; a GC object of 40 bytes, as in CPython 3.11.
import gc
import sys
import types
import weakref
from collections.abc import Mapping
from enum import Enum


def attempt(label, fn):
    try:
        r = fn()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt('int', lambda: types.MappingProxyType(1))
attempt('list', lambda: types.MappingProxyType([1]))
attempt('tuple', lambda: types.MappingProxyType((1,)))
attempt('namespace', lambda: types.MappingProxyType(types.SimpleNamespace()))
attempt('str', lambda: types.MappingProxyType('abc'))
attempt('range', lambda: types.MappingProxyType(range(3)))
attempt('none', lambda: types.MappingProxyType())
attempt('two', lambda: types.MappingProxyType({}, {}))
attempt('keyword', lambda: types.MappingProxyType(mapping={'a': 1}))
attempt('bad keyword', lambda: types.MappingProxyType(x=1))
attempt('nested', lambda: types.MappingProxyType(types.MappingProxyType({'k': [1]})))

d = {'a': 1, 'b': 2}
print(sys.getrefcount(d))
m = types.MappingProxyType(d)
print(sys.getrefcount(d), sys.getsizeof(m), gc.is_tracked(m), gc.is_tracked(types.MappingProxyType({})))
print(m, repr(m), str(m), len(m), list(m), 'a' in m, 'z' in m, m['a'], bool(m))
print(m.keys(), m.values(), m.items(), m.get('a'), m.get('z'), m.get('z', 5))
print(m.copy(), type(m.copy()), m.copy() is d)
d['c'] = 3
print(m, list(reversed(m)))
print(m | {'z': 0}, {'z': 0} | m, m | m, type(m | {}).__name__)
print(m == d, d == m, m != d, m == {'a': 1})
attempt('| int', lambda: m | 1)
attempt('<', lambda: m < m)
attempt('hash', lambda: hash(m))
attempt('weakref', lambda: weakref.ref(m))
attempt('setitem', lambda: m.__setitem__('a', 0))
attempt('get()', lambda: m.get())
attempt('get(k=1)', lambda: m.get(k=1))
attempt('get(1, 2, 3)', lambda: m.get(1, 2, 3))
attempt('copy(1)', lambda: m.copy(1))
attempt('attribute', lambda: m.x)
attempt('__dict__', lambda: m.__dict__)
print(isinstance(m, Mapping), isinstance(m, dict), isinstance(m, types.MappingProxyType))
print(types.MappingProxyType, types.MappingProxyType[str], types.GetSetDescriptorType, types.MemberDescriptorType)
print(sorted(n for n in dir(m) if not n.startswith('__')))
print('{a}-{b}'.format(**m), '{a}'.format_map(m), '%(a)s' % m, {**m, 'z': 0})


class Lazy:
    """A mapping of its own: [] and keys(), nothing else."""

    def __getitem__(self, k):
        return k * 2

    def keys(self):
        return ['x']


lm = types.MappingProxyType(Lazy())
print(lm['ab'], list(lm.keys()), dict(lm), {**lm})
attempt('len', lambda: len(lm))
attempt('get', lambda: lm.get('x'))
print(types.MappingProxyType('abc')[1], 'b' in types.MappingProxyType('abc'))


def kw(**k):
    return k


attempt('duplicate keyword', lambda: kw(a=0, **m))


class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1


members = Color.__members__
print(type(members).__name__, list(members), members['CRIMSON'], len(members))

# a proxy holds its mapping: a dict holding its own proxy is a cycle
gc.disable()
gc.collect()
cyc = {}
cyc['self'] = types.MappingProxyType(cyc)
print(cyc)
del cyc
print(gc.collect())
dm = {'k': []}
pm = types.MappingProxyType(dm)
del dm
print(sys.getrefcount(pm['k']), gc.get_referents(pm))
del pm
print(gc.collect())
# pprint breaks a long proxy as _pprint_mappingproxy does (its copy, sorted)
import pprint
big = types.MappingProxyType({('key%d' % i): list(range(i)) for i in range(8, 0, -1)})
pprint.pprint(big)
pprint.pprint({'inner': big}, width=50)
pprint.pprint(types.MappingProxyType({'b': 1, 'a': 2}))
