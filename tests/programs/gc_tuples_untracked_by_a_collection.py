# tuples of atomic values are untracked by the first collection that sees them
import gc

gc.collect()
n = 7
t = (n, 'a', None)
u = (t, 2)
v = ([], 1)
print('before', gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
gc.collect(0)
print('after collect(0)', gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
w = (u, 3)
gc.collect()
print('nested tuple after collect', gc.is_tracked(w))
print('empty tuple', gc.is_tracked(()))
