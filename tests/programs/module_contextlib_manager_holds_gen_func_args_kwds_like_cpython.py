import contextlib, gc, sys
@contextlib.contextmanager
def cm():
    yield [1]
gc.collect()
print(gc.get_count())
c = cm()
print(gc.get_count())
with c as v:
    print(gc.get_count(), sys.getrefcount(v))
print(gc.get_count())
print(gc.is_tracked(c), gc.is_tracked(cm))
del c
print(gc.collect())
