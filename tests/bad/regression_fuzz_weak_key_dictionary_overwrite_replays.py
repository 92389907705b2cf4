# WeakKeyDictionary forgets dead keys; weakref.finalize calls once, then is dead
import gc
import weakref

class Key:
    pass

meta = weakref.WeakKeyDictionary()
k1 = Key()
k2 = Key()
meta[k1] = 'one'
meta[k1] = 'two'
print(len(meta), meta[k1], k2 in meta)
del k1
print('after del k1:', len(meta))

class Res:
    pass

r = Res()
f = weakref.finalize(r, print, 'finalizer called', 42)
print('alive', f.alive)
del r
print('alive after del', f.alive)
print('calling a dead finalizer returns', f())
s = Res()
g = weakref.finalize(s, print, 'called by hand')
g()
print('alive after call', g.alive)
del s
t = Res()
t.me = t
h = weakref.finalize(t, print, 'finalizer from a collection')
del t
print('collected', gc.collect())
u = Res()
weakref.finalize(u, print, 'at exit, newest first: 1')
weakref.finalize(u, print, 'at exit, newest first: 2')
print('end of program')

1/0
