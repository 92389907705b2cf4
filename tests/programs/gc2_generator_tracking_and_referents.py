# generators are tracked; their referents include the frame's locals while suspended
import gc

gc.collect()


def gen(payload):
    local = [payload]
    yield 1
    yield 2


data = ['payload']
g = gen(data)
print('tracked:', gc.is_tracked(g))
print('argument is a referent before start:', any(r is data for r in gc.get_referents(g)))
next(g)
refs = gc.get_referents(g)
print('argument still a referent:', any(r is data for r in refs))
print('local list is a referent:', any(type(r) is list and r and r[0] is data for r in refs))
del refs
list(g)
refs = gc.get_referents(g)
print('exhausted: argument referent:', any(r is data for r in refs))
del refs
print('still tracked when exhausted:', gc.is_tracked(g))
print('genexp tracked:', gc.is_tracked(x for x in data))
del g
print('collect ->', gc.collect())
