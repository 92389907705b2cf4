# with DEBUG_SAVEALL finalizers still run; the objects then go to gc.garbage
import gc

class Noisy:
    def __del__(self):
        print('__del__ runs')

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
n = Noisy()
n.me = n
del n
print('found', gc.collect())
print('in gc.garbage:', [type(o).__name__ for o in gc.garbage])
print('finalized:', gc.is_finalized(gc.garbage[0]))
gc.set_debug(0)
gc.garbage[0].me = None
del gc.garbage[:]
print('freed without a second __del__:', gc.collect())
