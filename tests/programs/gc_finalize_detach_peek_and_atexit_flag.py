# weakref.finalize: peek and detach give (obj, func, args, kwargs); atexit can be turned off
import weakref

class R:
    pass

def report(*args, **kwargs):
    print('report', args, sorted(kwargs.items()))

r = R()
f = weakref.finalize(r, report, 1, 2, key='v')
obj, func, args, kwargs = f.peek()
print(obj is r, func is report, args, kwargs)
print('atexit', f.atexit)
got = f.detach()
print('detached', got[0] is r, f.alive, f.detach())
del r
s = R()
g = weakref.finalize(s, report, 'not at exit')
g.atexit = False
print('atexit now', g.atexit)
t = R()
h = weakref.finalize(t, report, 'at exit')
print('end')
