import gc, io
gc.collect()
s = io.StringIO("seed")
s.me = s
s.items = [1, 2]
print(gc.is_tracked(s), len(gc.get_referents(s)))
del s
print(gc.collect())
t = io.StringIO()
t.write("abc")
t.me = t
del t
print(gc.collect())
u = io.StringIO("x")
print(gc.get_referrers(u) == [], type(u), io.StringIO)
import weakref
r = weakref.ref(u)
print(r() is u)
del u
print(r())
