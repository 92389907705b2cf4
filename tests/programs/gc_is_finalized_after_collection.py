# gc.is_finalized tells whether __del__ already ran on an object
import gc

keep = []

class F:
    def __del__(self):
        keep.append(self)

class Plain:
    pass

gc.collect()
f = F()
print('fresh object', gc.is_finalized(f))
f.me = f
del f
gc.collect()
print('resurrected object', gc.is_finalized(keep[0]))
p = Plain()
p.me = p
print('no __del__', gc.is_finalized(p))
print('not a container', gc.is_finalized(3))
keep[0].me = None
keep.clear()
p.me = None
