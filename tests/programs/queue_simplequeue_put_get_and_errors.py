# SimpleQueue (_queue's C type): unbounded first in first out; its list
# keeps None where items were taken until more than half is spent.
import gc
import queue

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize(), type(sq), repr(sq)[:26])
for i in range(6):
    sq.put(i)
sq.put_nowait('x')
sq.put(item='y', block=False, timeout=None)
print(sq.qsize(), gc.get_referents(sq)[0])
print(sq.get(), sq.get(), gc.get_referents(sq)[0])
print(sq.get(), sq.get(), sq.get(), gc.get_referents(sq)[0])
print(sq.get_nowait(), sq.get(False), sq.get(timeout=1), sq.empty(), gc.get_referents(sq)[0])


def show(f):
    try:
        print(repr(f()))
    except queue.Empty as e:
        print('Empty', repr(e))
    except Exception as e:
        print(type(e).__name__ + ':', e)


show(sq.get_nowait)
show(lambda: sq.get(False))
show(lambda: sq.get(timeout=0))
show(lambda: sq.get(timeout=-1))
show(lambda: sq.put())
show(lambda: sq.get(1, 2, 3))
show(lambda: sq.put(1, 2, 3, 4))
show(lambda: queue.SimpleQueue(1))
show(lambda: queue.SimpleQueue(x=1))
show(lambda: sq.qsize(1))
print(sq.qsize())
