# which of the new object kinds are tracked by the collector
import gc

gc.collect()
print('float:', gc.is_tracked(1.5))
print('empty set:', gc.is_tracked(set()), 'set of ints:', gc.is_tracked({1, 2}))
print('frozenset:', gc.is_tracked(frozenset([1])))
print('lambda:', gc.is_tracked(lambda: 0))
print('exception:', gc.is_tracked(ValueError('x')))
print('map / zip / filter:', gc.is_tracked(map(str, [])), gc.is_tracked(zip()), gc.is_tracked(filter(None, [])))
print('reversed / enumerate:', gc.is_tracked(reversed([])), gc.is_tracked(enumerate([])))
print('list iterator:', gc.is_tracked(iter([])))


def g():
    yield


print('generator:', gc.is_tracked(g()))
print('tuple of floats:', gc.is_tracked((1.5, 2.5)))
t = (1.5, 2.5)
gc.collect()
print('tuple of floats after collect:', gc.is_tracked(t))
d = {'x': 1.5}
print('dict of floats:', gc.is_tracked(d))
d['y'] = [1]
print('dict after adding a list:', gc.is_tracked(d))
del t, d
print('slice object:', gc.is_tracked(slice(1, 2)))
