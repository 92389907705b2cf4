# A class derived from weakref.finalize: its __init__ and __call__ run through
# super(), the exit hook calls the override, and repr names the subclass
import weakref, sys, gc

class C:
    pass

class LoggingFinalizer(weakref.finalize):
    def __init__(self, obj, func, *args, **kwargs):
        super().__init__(obj, func, *args, **kwargs)
        self.label = kwargs.get('tag', 'none')
    def __call__(self, _=None):
        print('calling', self.label)
        return super().__call__()

def cb(*args, **kw):
    print('cb', args, kw)
    return 'result'

o = C()
f = LoggingFinalizer(o, cb, 1, 2, tag='x')
print(type(f).__name__, isinstance(f, weakref.finalize), f.alive, f.atexit, f.label)
print(f.peek()[2:], f.peek()[1] is cb, type(f.peek()[0]).__name__)
print(f())
print(f.alive, f(), f.peek(), f.detach())
o2 = C()
f2 = LoggingFinalizer(o2, cb, tag='y')
del o2
print(f2.alive)
o3 = C()
f3 = LoggingFinalizer(o3, cb, 'z')
f3.atexit = False
d = f3.detach()
print(d[0] is o3, d[1] is cb, d[2], d[3], f3.alive)
class Quiet(weakref.finalize):
    __slots__ = ()
o4 = C()
q = Quiet(o4, print, 'quiet done')
print(repr(q).startswith('<Quiet object at 0x'), "; for 'C' at 0x" in repr(q))
del o4
print(repr(q).startswith('<Quiet object at 0x'), repr(q).endswith('; dead>'))
o5 = C()
keep = LoggingFinalizer(o5, cb, 'at exit')
print('end')
