# exceptions are tracked; their referents are args, traceback, context and cause
import gc

gc.collect()
try:
    try:
        raise KeyError('inner')
    except KeyError:
        raise ValueError('outer', 2)
except ValueError as e:
    err = e
print('exception tracked:', gc.is_tracked(err))
refs = gc.get_referents(err)
print('args among referents:', any(r is err.args for r in refs))
print('traceback among referents:', any(r is err.__traceback__ for r in refs))
print('context among referents:', any(r is err.__context__ for r in refs))
print('traceback tracked:', gc.is_tracked(err.__traceback__))
print('args tuple:', err.args)
del refs
ctx = err.__context__
err.__context__ = None
print('context detached, its traceback:', ctx.__traceback__ is not None)
del ctx
err.__traceback__ = None
del err
print('collect ->', gc.collect())
