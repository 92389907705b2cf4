# gc.is_tracked: containers are tracked, atomic values are not; dicts start untracked
import gc

class C:
    pass

print('int', gc.is_tracked(1), 'str', gc.is_tracked('a'), 'None', gc.is_tracked(None))
print('list', gc.is_tracked([]), 'instance', gc.is_tracked(C()), 'class', gc.is_tracked(C))
def f():
    pass
print('builtin function', gc.is_tracked(print), 'function', gc.is_tracked(f))
print('empty dict', gc.is_tracked({}))
print('dict of atomics', gc.is_tracked({'a': 1, 'b': 'x'}))
print('dict holding a list', gc.is_tracked({'a': []}))
print('dict holding an empty dict', gc.is_tracked({'a': {}}))
print('dict holding a class', gc.is_tracked({'c': int}))
d = {}
d['x'] = 1
print('after atomic insert', gc.is_tracked(d))
d['y'] = [1]
print('after list insert', gc.is_tracked(d))
del d['y']
print('after removing it (stays tracked)', gc.is_tracked(d))
print('object()', gc.is_tracked(object()))
