# PEP 442: a finalizer runs at most once, even if the object is resurrected
import gc

saved = []

class Phoenix:
    def __del__(self):
        print('__del__ runs')
        saved.append(self)

gc.collect()
p = Phoenix()
p.me = p
del p
print('first collection', gc.collect())
print('resurrected:', len(saved), gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
print('second death, no __del__ this time')
print('after clear', gc.collect())
q = Phoenix()
q.me = q
del q
gc.collect()
print('saved again', len(saved))
x = saved.pop()
del x
print('freed by refcount without __del__:', gc.collect())
