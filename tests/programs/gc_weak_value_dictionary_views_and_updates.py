# WeakValueDictionary views, pop, setdefault and update
import gc
import weakref

class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f'V({self.n})'

vals = [V(0), V(1), V(2), V(3)]
d = weakref.WeakValueDictionary()
for i in range(4):
    d[f'k{i}'] = vals[i]
print(sorted(d.keys()))
print(sorted(v.n for v in d.values()))
print(sorted((k, v.n) for k, v in d.items()))
print('pop', d.pop('k0').n, len(d))
print('pop missing', d.pop('zz', 'dflt'))
print('setdefault existing', d.setdefault('k1', vals[3]).n)
d.update({'k9': vals[0]})
print('after update', sorted(d.keys()))
del vals[1]
del vals[1]
gc.collect()
print('after two values died', sorted(d.keys()))
del d['k9']
print('len', len(d), 'k3' in d)
