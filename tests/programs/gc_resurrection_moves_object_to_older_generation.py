# an object resurrected by __del__ is not counted and survives in an older generation
import gc

keep = None

class R:
    def __del__(self):
        global keep
        keep = self

def gen_of(o):
    for g in range(3):
        if any(x is o for x in gc.get_objects(g)):
            return g
    return None

gc.collect()
r = R()
r.cycle = [r]
del r
print('collect(0) returns', gc.collect(0))
print('resurrected into generation', gen_of(keep))
print('its list too', gen_of(keep.cycle))
keep.cycle = None
keep = None
print('now really gone', gc.collect())
