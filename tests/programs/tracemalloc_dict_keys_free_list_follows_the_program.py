# CPython keeps up to 80 freed 8-slot str-keyed dict tables for the next
# small dicts; tracemalloc sees no new block for those.  What the program
# did before start() decides how many wait there: a dict made takes one,
# a dict's copy does not, a class statement leaves one, a full collection
# empties the list.
import tracemalloc

def blocks_for(n):
    tracemalloc.start()
    b = [{'id': i} for i in range(n)]
    snap = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = snap.statistics('lineno')
    mine = [st for st in stats if st.traceback[0].lineno == 10]
    return (mine[0].count, mine[0].size) if mine else (0, 0)

print('first:', blocks_for(15))
print('again:', blocks_for(15))
x = {'a': 1}
print('after a small dict:', blocks_for(3))
y = {'a': 1, 'b': 2}.copy()
print('after a copy:', blocks_for(3))
class A:
    pass
print('after a class:', blocks_for(3))
d = {}
d['k'] = 1
d.clear()
print('after clear():', blocks_for(3))
ds = [{'a': i} for i in range(30)]
del ds
print('after 30 dicts freed:', blocks_for(40))
import gc
gc.collect()
print('after a full collection:', blocks_for(5))
